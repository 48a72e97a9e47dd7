// Retention bound and start event: cue words found over ScanWords(), each
// checked against a short window of the words that follow it.
#include "extract/retention.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/wordscan.h"

namespace policytext::internal {
namespace {

using Words = std::vector<ScanWord>;

constexpr std::size_t kWindow = 10;  // words after a cue that may name its event

std::string_view At(const Words& w, std::size_t i) {
  return i < w.size() ? w[i].text : std::string_view();
}

bool StartsWith(std::string_view t, std::string_view prefix) {
  return t.substr(0, prefix.size()) == prefix;
}

bool StartsWithAny(std::string_view t, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (StartsWith(t, p)) return true;
  return false;
}

bool IsSentenceEnd(std::string_view t) { return IsOneOf(t, {".", ";", "!", "?"}); }

// The end of the window after word `from`: kWindow words, or the end of the clause.
std::size_t WindowEnd(const Words& w, std::size_t from, std::size_t size = kWindow) {
  std::size_t k = from;
  while (k < w.size() && k < from + size && !IsSentenceEnd(w[k].text)) ++k;
  return k;
}

// Which event the words [from, to) name, if any.
RetentionEvent ClassifyEvent(const Words& w, std::size_t from, std::size_t to) {
  to = std::min(to, w.size());
  bool last = false, consent = false, contract = false, account = false, collection = false;
  for (std::size_t k = from; k < to; ++k) {
    std::string_view t = w[k].text;
    std::string_view n = At(w, k + 1);
    if (IsOneOf(t, {"dernière", "dernier", "last", "latest", "most"}) &&
        StartsWithAny(n, {"connexion", "activité", "contact", "utilisation", "interaction",
                          "visite", "login", "log", "sign", "activity", "use", "usage",
                          "interaction", "visit", "access", "recent", "session", "commande",
                          "achat", "purchase", "order", "transaction", "échange", "don",
                          "mission", "course"}))
      last = true;
    // "après 2 ans sans connexion", "after 2 years without logging in".
    if ((t == "sans" || t == "without") &&
        StartsWithAny(n, {"connexion", "activité", "utilisation", "course", "commande",
                          "login", "logging", "activity", "use", "using", "sign"}))
      last = true;
    if (StartsWithAny(t, {"inactivité", "inactif", "inactive", "inactivity", "dormant"}))
      last = true;
    if ((t == "stop" || t == "cease" || t == "cessez" || t == "cessiez") &&
        StartsWithAny(n, {"using", "to", "d", "utiliser"}))
      last = true;
    if (StartsWithAny(t, {"consent", "désinscri", "désabonn", "unsubscri", "withdraw",
                          "retrait", "retirez", "retiriez", "opposition", "opposez",
                          "opposiez"}) ||
        (t == "opt" && (n == "out" || n == "-")))
      consent = true;
    if (StartsWithAny(t, {"contrat", "contractuel", "contract", "abonnement", "subscription",
                          "relation", "relationship", "engagement", "résili"}))
      contract = true;
    if (StartsWithAny(t, {"compte", "account", "profil", "profile", "membership", "inscription",
                          "registration"})) {
      // "la session d'ouverture de compte", "account creation": not its end.
      bool opening = StartsWithAny(n, {"creation", "opening"});
      for (std::size_t j = k >= 3 ? k - 3 : 0; j < k; ++j)
        opening = opening || StartsWithAny(w[j].text, {"ouverture", "création", "opening",
                                                       "creating", "creation"});
      if (!opening) account = true;
    }
    if (StartsWithAny(t, {"collecte", "collection", "collected", "recueil", "obtention",
                          "obtained", "réception", "receipt"}))
      collection = true;
  }
  if (last) return RetentionEvent::kLastActivity;
  if (consent) return RetentionEvent::kConsentWithdrawal;
  if (contract) return RetentionEvent::kEndOfContract;
  if (account) return RetentionEvent::kAccountDeletion;
  if (collection) return RetentionEvent::kCollection;
  return RetentionEvent::kNone;
}

bool HasNecessity(const Words& w, std::size_t from, std::size_t to) {
  to = std::min(to, w.size());
  for (std::size_t k = from; k < to; ++k)
    if (StartsWithAny(w[k].text, {"nécessaire", "necessary", "needed", "utile", "besoin",
                                  "need", "justifié", "reasonably"}) ||
        (w[k].text == "required" && !IsOneOf(At(w, k + 1), {"by", "under", "to"})))
      return true;
  return false;
}

bool HasLaw(const Words& w, std::size_t from, std::size_t to) {
  to = std::min(to, w.size());
  for (std::size_t k = from; k < to; ++k) {
    std::string_view t = w[k].text;
    if (StartsWithAny(t, {"légal", "legal", "law", "loi", "réglementaire", "regulat",
                          "prescription", "statut"}))
      return true;
  }
  return false;
}

bool IsDeletionWord(std::string_view t) {
  return StartsWithAny(t, {"delet", "eras", "remov", "destr", "anonymi", "supprim", "effac",
                           "détrui"});
}

// The cue phrases, split once (thread-safe static init), and the set of every
// word a cue can start with: other words cost one hash lookup.
struct CueTables {
  PhraseTable aslongas{"aussi longtemps que", "aussi longtemps qu '",
                                       "tant que",            "tant qu '",
                                       "for as long as",      "only as long as",
                                       "as long as",          "so long as"};
  PhraseTable until{"jusqu ' à", "jusqu ' au", "jusqu ' aux", "until", "till", "up until",
                    // "ne sont pas conservées au-delà de la session": a limit.
                    "au - delà de la", "au - delà de l '", "au - delà du", "au - delà de",
                    "beyond the end of"};
  PhraseTable during{
        "pendant toute la durée de", "pendant toute la durée d '", "pendant la durée de",
        "pendant la durée d '", "durant toute la durée de", "durant la durée de",
        "pour toute la durée de", "pour la durée de", "for the duration of",
        "for the life of", "for the lifetime of", "for the term of", "during the term of",
        "during the life of", "while your account", "while you have", "while you are",
        "while you use"};
  PhraseTable indefinite{
        "sans limitation de durée", "sans limite de durée",   "sans limite dans le temps",
        "pour toujours",            "no time limit",          "without time limit",
        "without any time limit",   "without limitation of time"};
  PhraseTable legal{
          "durée de prescription", "durées de prescription", "délai de prescription",
          "délais de prescription", "prescription légale", "prescriptions légales",
          "obligations légales", "obligation légale", "durée légale", "durées légales",
          "délais légaux", "délai légal", "exigences légales", "dispositions légales",
          "obligations réglementaires", "obligation réglementaire", "obligations comptables",
          "obligations fiscales", "archivage intermédiaire", "requis par la loi",
          "exigé par la loi", "imposé par la loi", "imposée par la loi", "prévu par la loi",
          "prévue par la loi", "required by law", "required by applicable law",
          "required by the law", "requires by law", "required under applicable law",
          "legally required", "legal obligation", "legal obligations", "legal requirements",
          "legal requirement", "statute of limitations", "statutes of limitations",
          "limitation period", "limitation periods", "retention obligations",
          "regulatory requirements", "law requires", "laws require", "permitted by law",
          "tax and accounting", "accounting and tax", "exige la loi", "l ' exige la loi",
          "obligation comptable", "obligation fiscale", "délai de contrôle",
          "lutte contre le blanchiment", "administration fiscale", "required by the law",
          "as the law requires", "anti-money laundering", "anti - money laundering"};
  PhraseTable cues{
      "à compter de la", "à compter du", "à compter de", "à compter d '", "à partir de la",
      "à partir du",     "à partir de",  "à partir d '", "à l ' issue de", "à l ' issue du",
      "à la suite de",   "suite à",      "après la",     "après le",       "après l '",
      "après votre",     "après leur",   "après",        "suivant",        "dès",
      "starting from",   "beginning on", "from",         "after",          "following",
      "since",           "as of",        "of your",      "quand vous",     "lorsque vous",
      "when you",        "once you"};
  std::unordered_set<std::string_view> starts, start_event_starts;
  CueTables() {
    for (std::string_view w : cues.first_words()) start_event_starts.insert(w);
    for (const PhraseTable* t : {&aslongas, &until, &during, &indefinite, &legal})
      for (std::string_view w : t->first_words()) starts.insert(w);
    for (std::string_view w :
         {"nécessaire", "nécessaires", "necessary", "needed", "strictement", "strictly",
          "required", "requis", "requise", "requises", "indéfiniment", "indefinitely", "forever",
          "perpetuity", "perpétuité", "illimitée", "illimité", "unlimited", "permanently",
          "permanente", "permanent"})
      starts.insert(w);
  }
};
const CueTables& Cues() {
  static const CueTables* tables = new CueTables();
  return *tables;
}

struct Finder {
  std::string_view s;
  const Words& w;
  std::vector<RetentionCue> cues;

  void Add(RetentionBound bound, RetentionEvent event, std::size_t a, std::size_t b) {
    RetentionCue c;
    c.bound = bound;
    c.event = event;
    c.begin = w[a].begin;
    c.end = w[b - 1].end;
    c.text = std::string(s.substr(c.begin, c.end - c.begin));
    cues.push_back(std::move(c));
  }

  // One cue at word k at most; returns the index after it (or k + 1).
  std::size_t At(std::size_t k) {
    const std::string_view t = w[k].text;
    if (w[k].kind != ScanWord::kWord || Cues().starts.count(t) == 0) return k + 1;
    std::size_t n;
    // --- as long as necessary / until an event introduced by "tant que", "as long as".
    if (Cues().aslongas.Match(w, k, &n) >= 0) {
      {
        const std::size_t e = WindowEnd(w, n, 8);
        if (HasLaw(w, n, e) && !HasNecessity(w, n, std::min(e, n + 2))) {
          Add(RetentionBound::kLegalObligation, RetentionEvent::kNone, k, e);
          return e;
        }
        if (HasNecessity(w, n, e)) {
          Add(RetentionBound::kAsLongAsNecessary, RetentionEvent::kNone, k, EndAtNecessity(n, e));
          return e;
        }
        RetentionEvent ev = ClassifyEvent(w, n, e);
        if (ev == RetentionEvent::kNone) ev = RetentionEvent::kOther;
        Add(RetentionBound::kUntilEvent, ev, k, e);
        return e;
      }
    }
    // --- until / jusqu'à
    if (Cues().until.Match(w, k, &n) >= 0) {
      {
        // "jusqu'à 3 ans" is a qualifier of a period, not an event.
        if (n < w.size() && w[n].kind == ScanWord::kNumber) return n;
        const std::size_t e = WindowEnd(w, n);
        if (HasNecessity(w, n, std::min(e, n + 5))) {
          Add(RetentionBound::kAsLongAsNecessary, RetentionEvent::kNone, k,
              EndAtNecessity(n, e));
          return e;
        }
        RetentionEvent ev = ClassifyEvent(w, n, e);
        if (ev == RetentionEvent::kCollection) ev = RetentionEvent::kOther;
        if (ev == RetentionEvent::kNone) {
          // "jusqu'à ce que", "until you…", "until the end of…": some event.
          if (!(t == "jusqu" && (Word(n) == "ce" || Word(n) == "la" || Word(n) == "l" ||
                                 Word(n) == "leur" || Word(n) == "votre")) &&
              !(t == "until" || t == "till" || t == "up" || t == "au" || t == "beyond"))
            return n;
          ev = RetentionEvent::kOther;
        }
        Add(RetentionBound::kUntilEvent, ev, k, e);
        return e;
      }
    }
    // --- for the duration of the account / contract.
    if (int i = Cues().during.Match(w, k, &n); i >= 0) {
      const std::string_view p = Cues().during.phrase(i);
      {
        const std::size_t e = WindowEnd(w, n, 8);
        if (HasNecessity(w, n, std::min(e, n + 3))) return k + 1;  // "la durée de … nécessaire"
        RetentionEvent ev = ClassifyEvent(w, StartsWith(p, "while") ? k : n, e);
        if (ev == RetentionEvent::kNone || ev == RetentionEvent::kCollection) return k + 1;
        Add(RetentionBound::kUntilEvent, ev, k, e);
        return e;
      }
    }
    // --- as long as necessary, other wordings: "la durée nécessaire", "le temps
    // nécessaire", "no longer than necessary", "the period necessary", "as needed".
    if (StartsWithAny(t, {"nécessaire", "necessary", "needed", "strictement", "strictly",
                          "required", "requis"})) {
      std::size_t from = k >= 6 ? k - 6 : 0;
      std::size_t cue_first = k;
      bool time_word = false;
      for (std::size_t j = k; j-- > from;) {
        if (IsSentenceEnd(w[j].text)) break;
        if (IsOneOf(w[j].text, {"durée", "temps", "longtemps", "période", "délai", "long",
                                "longer", "period", "time", "duration", "as"})) {
          time_word = true;
          cue_first = j;
          if (j > 0 && IsOneOf(w[j - 1].text, {"la", "le", "the", "no", "aussi", "for"}))
            cue_first = j - 1;
          if (cue_first > 0 && w[cue_first - 1].text == "no") cue_first -= 1;
          break;
        }
      }
      if (!time_word) return k + 1;
      // "as required by law": legal, not necessity.
      if ((t == "required" || t == "requis") && HasLaw(w, k + 1, WindowEnd(w, k + 1, 4))) {
        Add(RetentionBound::kLegalObligation, RetentionEvent::kNone, cue_first,
            WindowEnd(w, k + 1, 4));
        return WindowEnd(w, k + 1, 4);
      }
      std::size_t end = k + 1;
      if ((t == "strictement" || t == "strictly") &&
          StartsWithAny(Word(k + 1), {"nécessaire", "necessary"}))
        end = k + 2;
      Add(RetentionBound::kAsLongAsNecessary, RetentionEvent::kNone, cue_first, end);
      return end;
    }
    // --- indefinite.
    if (IsOneOf(t, {"indéfiniment", "indefinitely", "forever", "perpetuity", "perpétuité",
                    "illimitée", "illimité", "unlimited"})) {
      Add(RetentionBound::kIndefinite, RetentionEvent::kNone, k, k + 1);
      return k + 1;
    }
    if (t == "permanently" || t == "permanente" || t == "permanent") {
      if (IsDeletionWord(Word(k + 1)) || (k > 0 && IsDeletionWord(w[k - 1].text)) ||
          (k > 2 && IsDeletionWord(w[k - 3].text)))
        return k + 1;
      Add(RetentionBound::kIndefinite, RetentionEvent::kNone, k, k + 1);
      return k + 1;
    }
    if (Cues().indefinite.Match(w, k, &n) >= 0) {
      {
        Add(RetentionBound::kIndefinite, RetentionEvent::kNone, k, n);
        return n;
      }
    }
    // --- legal obligation.
    if (Cues().legal.Match(w, k, &n) >= 0) {
      {
        Add(RetentionBound::kLegalObligation, RetentionEvent::kNone, k, n);
        return n;
      }
    }
    return k + 1;
  }

  std::string_view Word(std::size_t i) const { return i < w.size() ? w[i].text : ""; }

  std::size_t EndAtNecessity(std::size_t from, std::size_t to) const {
    to = std::min(to, w.size());
    for (std::size_t k = from; k < to; ++k)
      if (StartsWithAny(w[k].text, {"nécessaire", "necessary", "needed", "utile", "besoin",
                                    "need", "required", "justifié"}))
        return k + 1;
    return to;
  }
};

// "à compter de votre dernière connexion", "from the end of the contract",
// "after account closure".
bool FindStart(std::string_view s, const Words& w, RetentionInfo* r) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    {
      std::size_t n;
      if (w[k].kind != ScanWord::kWord || Cues().start_event_starts.count(w[k].text) == 0 ||
          Cues().cues.Match(w, k, &n) < 0)
        continue;
      // "après 24 mois d'inactivité": the event follows the period.
      if (n < w.size() && w[n].kind == ScanWord::kNumber) {
        std::size_t m = n + 1;
        if (m < w.size() && w[m].kind == ScanWord::kWord && !IsOneOf(w[m].text, {"to", "à"})) {
          n = m + 1;
        } else {
          continue;  // "from 3 to 5 years"
        }
      }
      const std::size_t e = WindowEnd(w, n, 8);
      RetentionEvent ev = ClassifyEvent(w, n, e);
      if (ev == RetentionEvent::kNone) continue;
      // The start event is named only where a period was counted from it, or where
      // the cue is "à compter de" / "from the"…; ClassifyEvent already needs a keyword.
      std::size_t last = n;
      for (std::size_t j = n; j < e; ++j) {
        if (ClassifyEvent(w, j, j + 2) != RetentionEvent::kNone) last = j + 1;
      }
      // Extend over the noun group after the keyword (e.g. "dernière connexion").
      if (last < e && w[last].kind == ScanWord::kWord &&
          !IsOneOf(w[last].text, {"et", "and", "ou", "or", "pour", "for", "sauf", "except",
                                  "afin", "to", "à", "de", "des", "du", "we", "nous"}))
        last += 1;
      r->start_event = ev;
      r->start_begin = w[k].begin;
      r->start_end = w[last - 1].end;
      r->start_text = std::string(s.substr(r->start_begin, r->start_end - r->start_begin));
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view RetentionBoundName(RetentionBound bound) {
  static constexpr std::array<std::string_view, 6> kNames = {
      "none", "fixed", "as_long_as_necessary", "until_event", "indefinite", "legal_obligation"};
  const auto i = static_cast<std::size_t>(bound);
  return i < kNames.size() ? kNames[i] : "none";
}

std::string_view RetentionEventName(RetentionEvent event) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "none", "account_deletion", "end_of_contract", "last_activity", "consent_withdrawal",
      "collection", "other"};
  const auto i = static_cast<std::size_t>(event);
  return i < kNames.size() ? kNames[i] : "none";
}

namespace {

RetentionInfo Analyze(std::string_view normalized, const Words& w,
                      std::vector<Duration> periods) {
  RetentionInfo r;
  r.periods = std::move(periods);
  Finder f{normalized, w, {}};
  for (std::size_t k = 0; k < w.size();) {
    // Skip the words inside a period: "jusqu'à 3 ans" is a qualifier.
    std::size_t next = f.At(k);
    k = std::max(next, k + 1);
  }
  r.cues = std::move(f.cues);
  FindStart(normalized, w, &r);
  if (!r.periods.empty()) {
    // The project's convention (corpora/README.md): a period justified by a law
    // in the sentence is legal_obligation; one counted from account deletion or
    // the end of the contract is until_event with that event; otherwise fixed.
    const RetentionCue* legal = nullptr;
    for (const RetentionCue& c : r.cues)
      if (c.bound == RetentionBound::kLegalObligation && legal == nullptr) legal = &c;
    if (legal != nullptr) {
      r.bound = RetentionBound::kLegalObligation;
      r.bound_begin = legal->begin;
      r.bound_end = legal->end;
      r.bound_text = legal->text;
    } else if (r.start_event == RetentionEvent::kAccountDeletion ||
               r.start_event == RetentionEvent::kEndOfContract) {
      r.bound = RetentionBound::kUntilEvent;
      r.event = r.start_event;
      r.bound_begin = r.start_begin;
      r.bound_end = r.start_end;
      r.bound_text = r.start_text;
    } else {
      r.bound = RetentionBound::kFixed;
      r.bound_begin = r.periods.front().begin;
      r.bound_end = r.periods.front().end;
      r.bound_text = r.periods.front().text;
    }
  } else if (!r.cues.empty()) {
    const RetentionCue& c = r.cues.front();
    r.bound = c.bound;
    r.event = c.event;
    r.bound_begin = c.begin;
    r.bound_end = c.end;
    r.bound_text = c.text;
  } else if (r.start_event != RetentionEvent::kNone) {
    // "we delete your data after account closure": kept until that event.
    r.bound = RetentionBound::kUntilEvent;
    r.event = r.start_event == RetentionEvent::kCollection ? RetentionEvent::kOther
                                                           : r.start_event;
    r.bound_begin = r.start_begin;
    r.bound_end = r.start_end;
    r.bound_text = r.start_text;
  }
  return r;
}

}  // namespace

RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang) {
  return AnalyzeRetention(normalized, lang, ScanWords(normalized));
}

RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang, const Words& words) {
  return Analyze(normalized, words, FindDurations(normalized, lang, words));
}

RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang,
                               std::vector<Duration> periods) {
  return Analyze(normalized, ScanWords(normalized), std::move(periods));
}

}  // namespace policytext::internal
