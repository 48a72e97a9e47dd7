// Negation scope and modality over ScanWords(): find the trigger's words, walk
// left inside its clause to the nearest cue, and check what the cue means.
#include "extract/negation.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/wordscan.h"

namespace policytext::internal {
namespace {

using Words = std::vector<ScanWord>;

constexpr std::size_t kMaxCueDistance = 24;  // words between a cue and the trigger

bool IsFr(Language lang) { return lang != Language::kEn; }
bool IsEn(Language lang) { return lang != Language::kFr; }

std::string_view At(const Words& w, std::size_t i) {
  return i < w.size() ? w[i].text : std::string_view();
}

bool IsSubject(std::string_view t) {
  return IsOneOf(t, {"we", "you", "they", "i", "he", "she", "it", "nous", "vous", "ils", "elles",
                     "on", "il", "elle", "je", "j", "our", "notre", "nos"});
}

// Words that open a new clause or an exception: the negation on their left
// does not reach a trigger on their right.
bool IsClauseOpener(const Words& w, std::size_t k) {
  std::string_view t = w[k].text;
  // Called for most words of a sentence: a hash set, not a list scan.
  static const auto* const kOpeners = new std::unordered_set<std::string_view>{
      "mais",    "but",     "however", "cependant", "toutefois", "néanmoins", "pourtant",
      "sauf",    "except",  "excepting", "hormis",  "excepté",   "exceptés",  "unless",
      "whereas", "although", "though", "tandis",    "alors",     "if",        "si",
      "when",    "whenever", "lorsque", "lorsqu",   "quand",     "because",   "car",
      "parce",   "puisque", "which",   "who",       "whom",      "whose",     "qui",
      "dont",    "où",      "lequel",  "laquelle",  "lesquels",  "lesquelles", "instead",
      "plutôt",  "otherwise", "sinon"};
  if (kOpeners->count(t) != 0) return true;
  if (t == "exception" && k > 0) return true;       // à l'exception de
  if (t == "other" && At(w, k + 1) == "than") return true;
  if ((t == "apart" || t == "aside") && At(w, k + 1) == "from") return true;
  if (t == "moins" && k > 0 && w[k - 1].text == "à") return true;  // à moins que
  if (t == "bien" && (At(w, k + 1) == "que" || At(w, k + 1) == "qu")) return true;
  if (t == "so" && At(w, k + 1) == "that") return false;
  return false;
}

bool IsHardBoundary(std::string_view t) {
  return IsOneOf(t, {".", ";", ":", "!", "?", "\u2013", "\u2014", "\u2022", "|", "\u00b7",
                     "\u2026"});
}

// Is word k a boundary between a cue on its left and a trigger on its right?
bool IsBoundary(const Words& w, std::size_t k) {
  std::string_view t = w[k].text;
  if (w[k].kind == ScanWord::kPunct) {
    if (IsHardBoundary(t)) return true;
    if (t == "-" && k > 0 && w[k - 1].end < w[k].begin && k + 1 < w.size() &&
        w[k].end < w[k + 1].begin)
      return true;  // a spaced dash
    if (t == ",") {
      std::string_view n = At(w, k + 1);
      if (IsSubject(n)) return true;
      if (k + 1 < w.size() && IsClauseOpener(w, k + 1)) return true;
      if (IsOneOf(n, {"and", "et", "or", "ou"}) && IsSubject(At(w, k + 2))) return true;
    }
    return false;
  }
  if (IsClauseOpener(w, k)) return true;
  // "and we share", "et nous partageons": a new subject.
  if (IsOneOf(t, {"and", "et", "or", "ou", "puis", "then"}) && IsSubject(At(w, k + 1)))
    return true;
  return false;
}

// Index range of the words overlapping [begin, end) (clamped to the text);
// false when the range covers no word.
bool TriggerWords(std::string_view s, const Words& w, std::size_t begin, std::size_t end,
                  std::size_t* first, std::size_t* last) {
  begin = std::min(begin, s.size());
  end = std::clamp(end, begin, s.size());
  // The first word ending after `begin` (words are in text order).
  const auto it = std::upper_bound(w.begin(), w.end(), begin,
                                   [](std::size_t b, const ScanWord& x) { return b < x.end; });
  const std::size_t f = static_cast<std::size_t>(it - w.begin());
  std::size_t l = f;
  while (l + 1 < w.size() && w[l + 1].begin < end) ++l;
  *first = f;
  *last = l;
  return f < w.size();
}

// The nearest index left of `from` that starts the clause: the cue search
// covers [start, from). Parentheses on the way are skipped as a unit.
std::size_t ClauseStart(const Words& w, std::size_t from) {
  std::size_t k = from;
  std::size_t steps = 0;
  while (k > 0 && steps < 4 * kMaxCueDistance) {
    ++steps;
    std::size_t j = k - 1;
    std::string_view t = w[j].text;
    if (t == ")") {
      // Skip back to the matching "(" if near.
      std::size_t m = j;
      int depth = 0;
      bool found = false;
      for (std::size_t n = 0; m > 0 && n < 40; ++n) {
        if (w[m].text == ")") ++depth;
        if (w[m].text == "(" && --depth == 0) {
          found = true;
          break;
        }
        --m;
      }
      if (found) {
        k = m;
        continue;
      }
      return k;
    }
    if (t == "(" || IsBoundary(w, j)) return k;
    k = j;
  }
  return k;
}

// The end (exclusive) of the clause that holds word `from`, for the second
// part of "ne … pas" and for exceptions: stops at hard punctuation.
std::size_t ClauseEnd(const Words& w, std::size_t from, bool stop_at_openers) {
  std::size_t k = from;
  for (std::size_t n = 0; k < w.size() && n < 2 * kMaxCueDistance; ++n, ++k) {
    if (w[k].kind == ScanWord::kPunct && IsHardBoundary(w[k].text)) return k;
    if (stop_at_openers && k > from && IsBoundary(w, k)) return k;
  }
  return k;
}

bool IsRestrictiveAfterNot(std::string_view t) {
  return IsOneOf(t, {"only", "just", "merely", "solely", "simply", "exclusively", "limited"});
}

bool IsFrenchSecondPart(std::string_view t) {
  return IsOneOf(t, {"pas", "jamais", "plus", "aucun", "aucune", "aucuns", "aucunes", "ni",
                     "guère", "nullement", "point", "rien", "personne", "nulle", "nul",
                     "que", "qu"});
}

std::string Span(std::string_view s, const Words& w, std::size_t a, std::size_t b) {
  return std::string(s.substr(w[a].begin, w[b].end - w[a].begin));
}

struct Cue {
  bool found = false;
  bool negates = false;
  bool restrictive = false;
  std::size_t first = 0, last = 0;  // cue words (first word, and last of the cue phrase)
  std::string text;
};

bool IsFiniteVerb(std::string_view t) {
  return IsOneOf(t, {"is", "are", "was", "were", "will", "may", "can", "shall", "must", "might",
                     "est", "sont", "sera", "seront", "était", "étaient", "peut", "peuvent",
                     "pourra", "pourront", "doit", "doivent"});
}

// Does the cue stand in a clause embedded before the trigger, rather than in
// the trigger's own clause?
// - a relative clause: "information that is not part of your record is
//   deleted", "les données qui ne sont pas nécessaires sont supprimées",
//   "data not listed above is kept" (a finite verb after the cue, and a
//   relative pronoun before it or a bare "not");
// - a conditional clause closed by a comma: "if no report is made, the
//   recording is deleted", "si vous n'utilisez plus l'appli, votre compte est
//   supprimé".
bool InEmbeddedClause(const Words& w, std::size_t start, const Cue& c, std::size_t head) {
  bool verb_after = false, comma_after = false;
  for (std::size_t j = c.last + 1; j < head; ++j) {
    if (IsFiniteVerb(w[j].text)) verb_after = true;
    if (w[j].text == ",") comma_after = true;
  }
  bool relative = false, conditional = false;
  for (std::size_t j = start; j < c.first; ++j) {
    std::string_view t = w[j].text;
    if (IsOneOf(t, {"that", "which", "who", "qui", "dont", "lequel", "laquelle", "lesquels",
                    "lesquelles"}))
      relative = true;
    if (IsOneOf(t, {"if", "si", "when", "once", "lorsque", "lorsqu", "quand", "whenever"}))
      conditional = true;
  }
  const bool bare_not = w[c.first].text == "not" && c.first == c.last;
  if (verb_after && (relative || bare_not)) return true;
  if (comma_after && conditional) return true;
  return false;
}

// English cue at word k (looking left from the trigger); nullopt-like `found`.
Cue EnglishCue(std::string_view s, const Words& w, std::size_t k, std::size_t trigger) {
  Cue c;
  std::string_view t = w[k].text;
  auto set = [&](std::size_t a, std::size_t b) {
    c.found = true;
    c.negates = true;
    c.first = a;
    c.last = b;
    c.text = Span(s, w, a, b);
  };
  // Names, not negations: "Do Not Track", "Do Not Sell (or Share) My Personal
  // Information" (the CCPA link).
  auto is_name = [&](std::size_t not_index) {
    std::string_view n1 = At(w, not_index + 1), n2 = At(w, not_index + 2);
    std::string_view n3 = At(w, not_index + 3), n4 = At(w, not_index + 4);
    return n1 == "track" || ((n1 == "sell" || n1 == "share") && n2 == "my") ||
           (n1 == "sell" && (n2 == "or" || n2 == "/") && n3 == "share" && n4 == "my");
  };
  if (t == "not") {
    if (k >= 2 && w[k - 1].text == "or" && w[k - 2].text == "whether") return c;
    // "you can choose not to receive", "ask us not to": a user's choice.
    if (k >= 1 && IsOneOf(w[k - 1].text, {"choose", "chosen", "elect", "prefer", "opt", "us",
                                          "request", "ask", "instruct", "decide", "wish"}))
      return c;
    if (k >= 1 && w[k - 1].text == "do" && is_name(k)) return c;
    // "we do not only share…": restrictive, not a negation.
    if (IsRestrictiveAfterNot(At(w, k + 1)) && k + 1 < trigger) {
      c.found = true;
      c.restrictive = true;
      c.first = k;
      c.last = k + 1;
      c.text = Span(s, w, k, k + 1);
      return c;
    }
    std::size_t a = k;
    if (k > 0 && IsOneOf(w[k - 1].text, {"do", "does", "did", "will", "shall", "would",
                                         "should", "must", "may", "might", "can", "could",
                                         "is", "are", "was", "were", "be", "been", "have",
                                         "has", "had"}))
      a = k - 1;
    set(a, k);
    return c;
  }
  // don't, doesn't, won't, can't, isn't: "don" "'" "t".
  if (t == "t" && k >= 2 && w[k - 1].text == "'" && !w[k - 2].text.empty() &&
      w[k - 2].text.back() == 'n') {
    if (IsRestrictiveAfterNot(At(w, k + 1)) && k + 1 < trigger) {
      c.found = true;
      c.restrictive = true;
      c.first = k - 2;
      c.last = k + 1;
      c.text = Span(s, w, k - 2, k + 1);
      return c;
    }
    set(k - 2, k);
    return c;
  }
  // "without undue delay", "including without limitation": not negations.
  if (t == "without" &&
      (IsOneOf(At(w, k + 1), {"delay", "limitation", "prejudice", "charge", "cost"}) ||
       (At(w, k + 1) == "undue" && At(w, k + 2) == "delay")))
    return c;
  if (IsOneOf(t, {"never", "cannot", "neither", "nor", "without", "none", "nothing", "nobody",
                  "nowhere"})) {
    set(k, k);
    return c;
  }
  if (t == "no") {
    if (At(w, k + 1) == "one" || (At(w, k + 1) == "longer" && At(w, k + 2) != "than")) {
      set(k, k + 1);
      return c;
    }
    // "no more than 3 partners", "no longer than 13 months": a bound, not a negation.
    if (IsOneOf(At(w, k + 1), {"more", "later", "less", "fewer", "longer"}) &&
        At(w, k + 2) == "than")
      return c;
    set(k, k);
    return c;
  }
  return c;
}

// French cue at word k. For "ne"/"n'", the second part is searched up to `end`.
Cue FrenchCue(std::string_view s, const Words& w, std::size_t k, std::size_t trigger,
              std::size_t start, std::size_t end) {
  Cue c;
  std::string_view t = w[k].text;
  const bool ne = t == "ne" || (t == "n" && At(w, k + 1) == "'");
  // "vous pouvez demander de ne plus recevoir", "pour ne plus recevoir la lettre":
  // a user's choice, not a negated practice.
  if (ne && k >= 1 && IsOneOf(w[k - 1].text, {"de", "d", "'", "pour"})) {
    for (std::size_t j = k; j-- > start && k - j <= 8;) {
      if (IsOneOf(w[j].text, {"vous", "demander", "choisir", "opposer", "souhaitez",
                              "préférez", "pour"}))
        return c;
    }
  }
  if (ne) {
    for (std::size_t j = k + 1; j < end; ++j) {
      std::string_view p = w[j].text;
      if (!IsFrenchSecondPart(p)) continue;
      // "plus" followed by "de"/"que" after a verb is a comparison, unless no
      // other second part comes: keep looking for pas/jamais first.
      if (p == "plus" && IsOneOf(At(w, j + 1), {"de", "d", "que", "qu", "longtemps"})) continue;
      c.found = true;
      c.first = k;
      c.last = j;
      const std::string first = t == "n" ? "n'" : "ne";
      if (p == "que" || p == "qu") {
        c.restrictive = true;
        c.text = first + " \u2026 " + (p == "qu" ? "qu'" : "que");
        return c;
      }
      if ((p == "pas" || p == "plus") &&
          IsOneOf(At(w, j + 1), {"seulement", "uniquement", "simplement", "que", "qu"})) {
        c.restrictive = true;
        c.text = first + " \u2026 " + std::string(p) + " " + std::string(At(w, j + 1));
        return c;
      }
      c.negates = true;
      c.text = first + " \u2026 " + std::string(p);
      return c;
    }
    return c;  // an expletive or literary "ne": not a negation by itself
  }
  auto set = [&](std::size_t a, std::size_t b) {
    c.found = true;
    c.negates = true;
    c.first = a;
    c.last = b;
    c.text = Span(s, w, a, b);
  };
  if (t == "sans") {
    // "sans limitation de durée", "sans délai", "sans frais": not negations.
    if (IsOneOf(At(w, k + 1), {"limitation", "limite", "délai", "frais", "préjudice", "tarder",
                               "attendre"}))
      return c;
    set(k, k);
    return c;
  }
  if (IsOneOf(t, {"jamais", "aucun", "aucune", "aucuns", "aucunes", "nullement", "ni", "nul",
                  "nulle"})) {
    set(k, k);
    // "ne sont jamais vendues": report the whole "ne … jamais".
    for (std::size_t j = k; j-- > start && k - j <= 8;) {
      if (w[j].text == "ne" || (w[j].text == "n" && At(w, j + 1) == "'")) {
        c.first = j;
        c.text = std::string(w[j].text == "n" ? "n'" : "ne") + " \u2026 " + std::string(t);
        break;
      }
    }
    return c;
  }
  if (t == "pas" && (At(w, k + 1) == "de" || At(w, k + 1) == "d")) {
    set(k, k + 1);
    return c;
  }
  if (t == "non" && trigger - k <= 2 && !IsOneOf(At(w, k + 1), {"seulement", "plus"})) {
    set(k, k);
    return c;
  }
  return c;
}

}  // namespace

NegationResult FindNegation(std::string_view s, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang) {
  return FindNegation(s, ScanWords(s), trigger_begin, trigger_end, lang);
}

NegationResult FindNegation(std::string_view s, const Words& w, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang) {
  NegationResult r;
  std::size_t t_first, t_last;
  if (!TriggerWords(s, w, trigger_begin, trigger_end, &t_first, &t_last)) return r;
  // The cue must stand before the trigger's last word: a rule whose match
  // starts before the negation ("we do not disclose any data to advertisers")
  // is still negated. For a one-word trigger this is "before the trigger".
  const std::size_t head = t_last;
  const std::size_t start = ClauseStart(w, head);
  const std::size_t end = ClauseEnd(w, t_last + 1, /*stop_at_openers=*/true);
  const std::size_t lower = head > kMaxCueDistance ? head - kMaxCueDistance : 0;
  Cue cue;
  for (std::size_t k = head; k-- > std::max(start, lower);) {
    if (w[k].text == ")") {
      // A parenthesis between cue and trigger is skipped as a unit.
      std::size_t m = k;
      while (m > start && w[m].text != "(") --m;
      if (w[m].text == "(") {
        k = m;
        continue;
      }
    }
    Cue c;
    if (IsFr(lang)) c = FrenchCue(s, w, k, head, std::max(start, lower), end);
    if (!c.found && IsEn(lang)) c = EnglishCue(s, w, k, head);
    if (c.found && InEmbeddedClause(w, start > 0 ? start - 1 : 0, c, head)) continue;
    if (c.found) {
      cue = std::move(c);
      break;
    }
  }
  // A negated predicate right after a subject trigger: "les annonceurs ne
  // reçoivent jamais…", "advertisers do not receive…".
  // Not inside a conditional clause ("si vous estimez que vos droits ne sont pas
  // respectés, vous pouvez…").
  bool conditional = false;
  for (std::size_t j = start > 0 ? start - 1 : 0; j < t_first; ++j)
    if (IsOneOf(w[j].text, {"if", "si", "when", "lorsque", "lorsqu", "quand", "once", "unless"}))
      conditional = true;
  if (!cue.found && !conditional) {
    std::size_t k = t_last + 1;
    if (k < w.size() && IsOneOf(w[k].text, {"ne", "n"})) {
      Cue c = FrenchCue(s, w, k, k, k, end);
      if (IsFr(lang) && c.found && c.negates) cue = std::move(c);
    } else if (IsEn(lang) && k < w.size()) {
      std::size_t j = k;
      if (IsOneOf(w[j].text, {"do", "does", "will", "shall", "would", "should", "may", "must",
                              "are", "is", "have", "has"}) &&
          (At(w, j + 1) == "not" || At(w, j + 1) == "never"))
        ++j;
      else if (At(w, j + 1) == "'" && At(w, j + 2) == "t")
        j += 2;  // don't, doesn't, won't
      Cue c = EnglishCue(s, w, j, j + 2);
      if (c.found && c.negates && c.first >= k && c.first <= k + 2 &&
          (w[j].text != "not" || j > k) && !IsOneOf(w[j].text, {"no", "without", "none"}))
        cue = std::move(c);
    }
  }
  if (!cue.found) return r;
  if (cue.restrictive) {
    r.restrictive = true;
    r.restrictive_cue = cue.text;
    return r;
  }
  r.negated = true;
  r.cue = cue.text;
  r.cue_begin = w[cue.first].begin;
  r.cue_end = w[cue.first].end;
  if (cue.text.find("\u2026") == std::string::npos) r.cue_end = w[cue.last].end;
  // A cue after a subject trigger scopes over the subject too.
  r.scope_begin = std::min<std::size_t>(r.cue_begin, w[t_first].begin);
  // Exceptions after the trigger, up to the end of the sentence part.
  const std::size_t limit = ClauseEnd(w, t_last + 1, /*stop_at_openers=*/false);
  for (std::size_t k = t_last + 1; k < limit; ++k) {
    std::string_view t = w[k].text;
    std::size_t a = k, b = k;
    bool hit = false;
    if (IsOneOf(t, {"sauf", "except", "excepting", "hormis", "excepté", "unless"})) {
      hit = true;
    } else if (t == "exception" && k >= 3 && w[k - 1].text == "'" && w[k - 2].text == "l" &&
               w[k - 3].text == "à") {
      a = k - 3;
      hit = true;
    } else if (t == "moins" && k >= 1 && w[k - 1].text == "à" &&
               IsOneOf(At(w, k + 1), {"que", "qu"})) {
      a = k - 1;
      b = k + 1;
      hit = true;
    } else if ((t == "other" || t == "autres" || t == "autre") &&
               IsOneOf(At(w, k + 1), {"than", "que", "qu"})) {
      b = k + 1;
      hit = true;
    } else if ((t == "apart" || t == "aside") && At(w, k + 1) == "from") {
      b = k + 1;
      hit = true;
    }
    if (hit) {
      r.has_exception = true;
      r.exception_begin = w[a].begin;
      r.exception_end = w[b].end;
      r.exception_cue = std::string(s.substr(r.exception_begin, r.exception_end - r.exception_begin));
      break;
    }
  }
  if (r.has_exception) {
    // Up to the last word before the exception marker (no trailing comma).
    r.scope_end = w[t_last].end;
    for (std::size_t k = t_last; k < w.size() && w[k].begin < r.exception_begin; ++k)
      if (w[k].kind != ScanWord::kPunct) r.scope_end = w[k].end;
  } else {
    r.scope_end = end > 0 ? w[end - 1].end : r.cue_end;
    r.scope_end = std::max(r.scope_end, static_cast<std::size_t>(w[t_last].end));
  }
  return r;
}

ModalityResult FindModality(std::string_view s, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang) {
  return FindModality(s, ScanWords(s), trigger_begin, trigger_end, lang);
}

ModalityResult FindModality(std::string_view s, const Words& w, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang) {
  ModalityResult r;
  std::size_t t_first, t_last;
  if (!TriggerWords(s, w, trigger_begin, trigger_end, &t_first, &t_last)) return r;
  auto set = [&](std::size_t a, std::size_t b) {
    r.modality = Modality::kPossible;
    r.cue_begin = w[a].begin;
    r.cue_end = w[b].end;
    r.cue = std::string(s.substr(r.cue_begin, r.cue_end - r.cue_begin));
  };
  const std::size_t start = ClauseStart(w, t_last);
  const std::size_t lower = t_last > kMaxCueDistance ? t_last - kMaxCueDistance : 0;
  for (std::size_t k = t_last; k-- > std::max(start, lower);) {
    std::string_view t = w[k].text;
    if (IsEn(lang)) {
      if (IsOneOf(t, {"may", "might", "could", "possibly", "potentially"})) {
        set(k, k);
        return r;
      }
      if (t == "can" && !(At(w, k + 1) == "'" && At(w, k + 2) == "t")) {
        set(k, k);
        return r;
      }
    }
    if (IsFr(lang)) {
      if (IsOneOf(t, {"peut", "peuvent", "pouvons", "pouvez", "pourra", "pourrons", "pourrez",
                      "pourront", "pourrait", "pourraient", "pourrions", "pourriez", "puisse",
                      "puissent", "éventuellement", "possiblement"})) {
        set(k, k);
        return r;
      }
      if (t == "susceptible" || t == "susceptibles") {
        std::size_t a = k;
        if (k > 0 && IsOneOf(w[k - 1].text, {"est", "sont", "être", "soit", "soient", "serait",
                                             "seraient", "sera", "seront"}))
          a = k - 1;
        std::size_t b = k;
        if (At(w, k + 1) == "de") b = k + 1;
        if (At(w, k + 1) == "d" && At(w, k + 2) == "'") b = k + 2;
        set(a, b);
        return r;
      }
      if (t == "possible" && k >= 2 && w[k - 1].text == "est" && w[k - 2].text == "il") {
        set(k - 2, k);
        return r;
      }
    }
  }
  // Adverbials anywhere in the sentence part (up to . ; : ! ?), even across a
  // comma: "le cas échéant, nous transmettons…".
  std::size_t hard_start = t_first;
  while (hard_start > 0 && t_first - hard_start < 2 * kMaxCueDistance &&
         !(w[hard_start - 1].kind == ScanWord::kPunct && IsHardBoundary(w[hard_start - 1].text)))
    --hard_start;
  const std::size_t end = ClauseEnd(w, t_last + 1, /*stop_at_openers=*/false);
  for (std::size_t k = hard_start; k < end; ++k) {
    std::size_t next;
    if (IsFr(lang) && MatchPhrase(w, k, "le cas échéant", &next)) {
      set(k, next - 1);
      return r;
    }
    if (IsFr(lang) && w[k].text == "éventuellement") {
      set(k, k);
      return r;
    }
    if (IsEn(lang) && IsOneOf(w[k].text, {"possibly", "potentially"})) {
      set(k, k);
      return r;
    }
  }
  return r;
}

}  // namespace policytext::internal
