// The matcher. Per sentence: normalise (with alignment), ask the language's
// literal prefilter which rule patterns may match, confirm each with its own RE2 plus its
// require / exclude patterns, group what fired by category into clauses, then
// run the lexicon and the attribute code (negation, modality, durations,
// retention bound) only there.
#include "extract/extractor.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "extract/duration.h"
#include "extract/negation.h"
#include "extract/retention.h"
#include "extract/wordscan.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace policytext::internal {
namespace {

constexpr std::string_view kInheritedRule = "inherited.lead_in";

// A sentence and its normalised view.
struct SentenceView {
  std::size_t begin = 0;  // offset of the sentence in the document text
  std::string_view text;
  AlignedText norm;

  std::size_t ToDoc(std::size_t n) const {
    return begin + norm.to_source[std::min(n, norm.text.size())];
  }
  // The first normalised offset whose source offset is >= doc offset `d`.
  std::size_t ToNorm(std::size_t d) const {
    const std::uint32_t rel = static_cast<std::uint32_t>(d > begin ? d - begin : 0);
    auto it = std::lower_bound(norm.to_source.begin(), norm.to_source.end(), rel);
    return static_cast<std::size_t>(it - norm.to_source.begin());
  }
};

bool IsAlnumAt(std::string_view s, std::size_t i, std::size_t* next) {
  UChar32 c = 0;
  int32_t j = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(j);
  return c >= 0 && (u_isalnum(c) != 0);
}

// Shrinks [b, e) so that it starts and ends with a letter or digit (the {b}
// macro consumes the character next to a word). Leaves it when nothing remains.
void TrimToAlnum(std::string_view s, std::size_t& b, std::size_t& e) {
  std::size_t nb = b;
  while (nb < e) {
    std::size_t next = nb;
    if (IsAlnumAt(s, nb, &next)) break;
    nb = next;
  }
  if (nb >= e) return;
  // Walk back from e over non-alphanumeric characters.
  std::size_t ne = e;
  while (ne > nb) {
    std::size_t start = ne - 1;
    while (start > nb && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t next = start;
    if (IsAlnumAt(s, start, &next)) break;
    ne = start;
  }
  b = nb;
  e = ne;
}

bool Search(const RE2& re, std::string_view text, std::size_t from, std::size_t to,
            std::size_t* b, std::size_t* e) {
  re2::StringPiece m;
  if (from > to || to > text.size()) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), from, to, RE2::UNANCHORED, &m, 1)) {
    return false;
  }
  *b = static_cast<std::size_t>(m.data() - text.data());
  *e = *b + m.size();
  return true;
}

// A rule's own regex is compiled on first use; one too large for RE2's memory
// budget is reported, never skipped silently.
Status Usable(const RE2& re, const std::string& id) {
  if (re.ok()) return OkStatus();
  return ResourceExhaustedError("the patterns of '" + id + "' do not compile within RE2's "
                                "memory budget: " + re.error());
}

// The normalised text of a block, computed once per block when a rule with
// scope = block needs it.
struct BlockCache {
  std::int64_t block = -2;
  std::string norm;
};

struct RuleHit {
  const CompiledRule* rule = nullptr;
  Language lang = Language::kUnd;
  bool fired = false;
  std::string reason;
  std::size_t nb = 0, ne = 0;   // the trigger, normalised offsets
  std::int64_t unit = -1;       // -1: the sentence; k: the sentence's clause k
};

// A candidate pattern of a sentence (its literal atoms occur there) and what
// its regex found.
struct PatternMatch {
  int pattern = 0;  // index in LanguageRules::rule_filter
  bool matched = false;
  std::size_t b = 0, e = 0;  // normalised offsets of the match
};

// Confirms each candidate rule of one sentence (`candidates`: its patterns of
// `lr`, sorted, already run) with its require / exclude patterns.
Status CheckRules(const LanguageRules& lr, const std::vector<PatternMatch>& candidates,
                  const SentenceView& sv, const Sentence& s, const Document& doc,
                  BlockCache& cache, std::vector<RuleHit>& out) {
  // A rule's patterns are consecutive, so its candidates come together.
  for (std::size_t i = 0; i < candidates.size();) {
    const int r = lr.pattern_rule[static_cast<std::size_t>(candidates[i].pattern)];
    const CompiledRule& rule = lr.rules[static_cast<std::size_t>(r)];
    // The leftmost match of the candidate patterns, the earlier pattern on a
    // tie: what the patterns joined with '|' would match.
    bool matched = false;
    std::size_t b = 0, e = 0;
    for (; i < candidates.size() &&
           lr.pattern_rule[static_cast<std::size_t>(candidates[i].pattern)] == r;
         ++i) {
      const PatternMatch& m = candidates[i];
      if (m.matched && (!matched || m.b < b)) {
        matched = true;
        b = m.b;
        e = m.e;
      }
    }
    if (!matched) continue;
    RuleHit hit;
    hit.rule = &rule;
    hit.lang = lr.lang;
    TrimToAlnum(sv.norm.text, b, e);
    hit.nb = b;
    hit.ne = e;
    // The text require / exclude look at.
    std::string_view scope_text = sv.norm.text;
    if (rule.def.scope == RuleScope::kClause && s.clauses.size() > 1) {
      const std::size_t doc_trigger = sv.ToDoc(b);
      for (std::size_t k = 0; k < s.clauses.size(); ++k) {
        const Span& c = s.clauses[k];
        if (doc_trigger >= c.begin && (doc_trigger < c.end || k + 1 == s.clauses.size())) {
          hit.unit = static_cast<std::int64_t>(k);
          const std::size_t cb = sv.ToNorm(c.begin), ce = sv.ToNorm(c.end);
          scope_text = std::string_view(sv.norm.text).substr(cb, ce - cb);
          break;
        }
      }
    } else if (rule.def.scope == RuleScope::kBlock && s.block >= 0 &&
               static_cast<std::size_t>(s.block) < doc.blocks.size()) {
      if (cache.block != s.block) {
        const Span& bs = doc.blocks[static_cast<std::size_t>(s.block)].span;
        cache.block = s.block;
        cache.norm = NormalizeString(std::string_view(doc.text).substr(bs.begin, bs.size()));
      }
      scope_text = cache.norm;
    }
    hit.fired = true;
    hit.reason = "fired";
    for (std::size_t k = 0; k < rule.required.size(); ++k) {
      const RE2& re = rule.required[k].get();
      if (Status st = Usable(re, rule.def.id); !st.ok()) return st;
      if (!RE2::PartialMatch(scope_text, re)) {
        hit.fired = false;
        hit.reason = "require '" + rule.def.required[k].raw + "' did not match";
        break;
      }
    }
    if (hit.fired) {
      for (std::size_t k = 0; k < rule.excluded.size(); ++k) {
        const RE2& re = rule.excluded[k].get();
        if (Status st = Usable(re, rule.def.id); !st.ok()) return st;
        if (RE2::PartialMatch(scope_text, re)) {
          hit.fired = false;
          hit.reason = "excluded by '" + rule.def.excluded[k].raw + "'";
          break;
        }
      }
    }
    out.push_back(std::move(hit));
  }
  return OkStatus();
}

struct LexHit {
  const CompiledLexicon* lex = nullptr;
  std::size_t nb = 0, ne = 0;  // normalised, trimmed
};

Status MatchLexicon(const LanguageRules& lr, const SentenceView& sv, std::vector<LexHit>& out) {
  const std::string& text = sv.norm.text;
  thread_local std::vector<int> ids;
  lr.lexicon_filter.Candidates(text, ids);
  std::vector<LexHit> found;
  for (int id : ids) {
    const CompiledLexicon& lex = lr.lexicons[static_cast<std::size_t>(id)];
    const RE2& terms = lr.lexicon_filter.regex(id);
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t b = 0, e = 0;
      if (!Search(terms, text, pos, text.size(), &b, &e)) break;
      std::size_t tb = b, te = e;
      TrimToAlnum(text, tb, te);
      if (te > tb) found.push_back(LexHit{&lex, tb, te});
      // Resume after the word, not after the boundary character the match
      // consumed, so that adjacent terms still see their boundary.
      std::size_t next = std::max(te, b + 1);
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
        ++next;
      }
      if (next <= pos) next = pos + 1;
      pos = next;
    }
  }
  // Of overlapping hits of one attribute, keep the longest (the earliest on a tie).
  std::sort(found.begin(), found.end(), [](const LexHit& a, const LexHit& b) {
    if (a.nb != b.nb) return a.nb < b.nb;
    return (a.ne - a.nb) > (b.ne - b.nb);
  });
  for (const LexHit& h : found) {
    bool covered = false;
    for (const LexHit& k : out) {
      if (k.lex->def.attribute == h.lex->def.attribute && h.nb < k.ne && k.nb < h.ne) {
        const bool longer = (h.ne - h.nb) > (k.ne - k.nb);
        if (!longer) {
          covered = true;
          break;
        }
      }
    }
    if (covered) continue;
    // Drop shorter ones it covers.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const LexHit& k) {
                               return k.lex->def.attribute == h.lex->def.attribute &&
                                      h.nb < k.ne && k.nb < h.ne;
                             }),
              out.end());
    out.push_back(h);
  }
  std::sort(out.begin(), out.end(),
            [](const LexHit& a, const LexHit& b) { return a.nb < b.nb; });
  return OkStatus();
}

bool Attaches(const CompiledLexicon& lex, Category category) {
  if (lex.cue) return false;
  if (lex.categories.empty()) return true;
  return std::find(lex.categories.begin(), lex.categories.end(), category) !=
         lex.categories.end();
}

Attribute MakeAttribute(std::string name, std::string value, std::string detail,
                        const SentenceView& sv, const CharIndex& index, std::size_t nb,
                        std::size_t ne) {
  Attribute a;
  a.name = std::move(name);
  a.value = std::move(value);
  a.detail = std::move(detail);
  if (ne > nb) {
    const std::size_t db = sv.ToDoc(nb), de = sv.ToDoc(ne);
    a.span = index.MakeSpan(db, std::max(db, de));
    a.text = std::string(sv.text.substr(db - sv.begin, a.span.size()));
  }
  return a;
}

void AddUnique(std::vector<Attribute>& attrs, Attribute a) {
  for (const Attribute& x : attrs) {
    if (x.name == a.name && x.value == a.value && x.detail == a.detail &&
        x.span.begin == a.span.begin && x.span.end == a.span.end) {
      return;
    }
  }
  attrs.push_back(std::move(a));
}

// Per-sentence state shared by the clause builders.
struct SentenceWork {
  const Sentence* sentence = nullptr;
  std::int64_t index = -1;
  SentenceView view;
  Language lang = Language::kUnd;  // the language of the rules that fired (or the first tried)
  std::vector<const LanguageRules*> rule_langs;
  std::vector<std::vector<PatternMatch>> candidates;  // per rule_langs entry
  std::vector<RuleHit> hits;
  bool lexicon_done = false;
  std::vector<LexHit> lex;
  std::optional<RetentionInfo> retention;
  std::optional<std::vector<ScanWord>> words;  // of view.norm.text, for the attribute code
};

// The sentence's words, scanned once for negation, modality and retention.
const std::vector<ScanWord>& EnsureWords(SentenceWork& w) {
  if (!w.words) w.words = ScanWords(w.view.norm.text);
  return *w.words;
}

Status EnsureLexicon(SentenceWork& w) {
  if (w.lexicon_done) return OkStatus();
  w.lexicon_done = true;
  for (const LanguageRules* lr : w.rule_langs) {
    if (Status s = MatchLexicon(*lr, w.view, w.lex); !s.ok()) return s;
  }
  return OkStatus();
}

const RetentionInfo& EnsureRetention(SentenceWork& w) {
  if (!w.retention) w.retention = AnalyzeRetention(w.view.norm.text, w.lang, EnsureWords(w));
  return *w.retention;
}

// Lexicon attributes, retention attributes, and the negated flag of recipients.
void AttachAttributes(SentenceWork& w, const CharIndex& index, std::size_t unit_nb,
                      std::size_t unit_ne, Clause& c) {
  const std::string& norm = w.view.norm.text;
  for (const LexHit& h : w.lex) {
    if (h.nb < unit_nb || h.ne > unit_ne) continue;
    if (!Attaches(*h.lex, c.category)) continue;
    Attribute a = MakeAttribute(h.lex->def.attribute, h.lex->def.value, h.lex->def.detail,
                                w.view, index, h.nb, h.ne);
    if (a.name == "recipient" && c.polarity == Polarity::kAffirmed) {
      const NegationResult n = FindNegation(norm, EnsureWords(w), h.nb, h.ne, w.lang);
      a.negated = n.negated && !n.restrictive;
    }
    AddUnique(c.attributes, std::move(a));
  }
  if (c.category == Category::kRetention) {
    const RetentionInfo& r = EnsureRetention(w);
    for (const Duration& d : r.periods) {
      if (d.begin < unit_nb || d.end > unit_ne) continue;
      AddUnique(c.attributes,
                MakeAttribute("period", d.iso, d.qualifier, w.view, index, d.begin, d.end));
    }
    if (r.bound != RetentionBound::kNone) {
      const bool until = r.bound == RetentionBound::kUntilEvent;
      AddUnique(c.attributes,
                MakeAttribute("bound", std::string(RetentionBoundName(r.bound)),
                              until ? std::string(RetentionEventName(r.event)) : std::string(),
                              w.view, index, r.bound_begin, r.bound_end));
      if (until && r.event != RetentionEvent::kNone) {
        AddUnique(c.attributes, MakeAttribute("event", std::string(RetentionEventName(r.event)),
                                              "", w.view, index, r.bound_begin, r.bound_end));
      }
    }
    if (r.start_event != RetentionEvent::kNone) {
      AddUnique(c.attributes,
                MakeAttribute("start_event", std::string(RetentionEventName(r.start_event)), "",
                              w.view, index, r.start_begin, r.start_end));
    }
  }
}

double Combine(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

// What a list item must add to inherit its lead-in's category.
bool AddsSpecificContent(SentenceWork& w, Category category) {
  if (category == Category::kRetention) {
    const RetentionInfo& r = EnsureRetention(w);
    return !r.periods.empty() || r.bound != RetentionBound::kNone;
  }
  for (const LexHit& h : w.lex) {
    const std::string& attr = h.lex->def.attribute;
    const std::string& value = h.lex->def.value;
    if (category == Category::kSharing && attr == "recipient") return true;
    if (category == Category::kAdvertising &&
        (attr == "channel" || attr == "kind" ||
         (attr == "purpose" && (value == "marketing" || value == "advertising")))) {
      return true;
    }
  }
  return false;
}

bool EndsWithColon(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (!text.empty() && text.back() == ':') return true;
  return text.size() >= 3 && text.substr(text.size() - 3) == "\xEF\xBC\x9A";  // fullwidth colon
}

// The sentences to analyse when the Document has none: one per block, else
// the whole text.
std::vector<Sentence> FallbackUnits(const Document& doc) {
  std::vector<Sentence> out;
  if (!doc.blocks.empty()) {
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
      Sentence s;
      s.span = doc.blocks[b].span;
      s.clauses = {s.span};
      s.block = static_cast<std::int64_t>(b);
      out.push_back(std::move(s));
    }
  } else if (!doc.text.empty()) {
    Sentence s;
    s.span = Span{0, doc.text.size(), 0, 0};
    s.clauses = {s.span};
    out.push_back(std::move(s));
  }
  return out;
}

// The sentences to analyse: the Document's, else FallbackUnits() kept in `storage`.
const std::vector<Sentence>& Units(const Document& doc, std::vector<Sentence>& storage) {
  if (!doc.sentences.empty()) return doc.sentences;
  storage = FallbackUnits(doc);
  return storage;
}

std::vector<const LanguageRules*> LanguagesFor(const CompiledRules& rules, const Document& doc,
                                               const Sentence& s) {
  Language lang = Language::kUnd;
  if (s.block >= 0 && static_cast<std::size_t>(s.block) < doc.blocks.size()) {
    lang = doc.blocks[static_cast<std::size_t>(s.block)].lang;
  }
  if (lang == Language::kUnd) lang = doc.lang;
  std::vector<const LanguageRules*> out;
  if (lang != Language::kUnd) {
    if (const LanguageRules* lr = rules.For(lang)) out.push_back(lr);
    return out;
  }
  for (const LanguageRules& lr : rules.languages()) out.push_back(&lr);
  return out;
}

SentenceWork MakeWork(const CompiledRules& rules, const Document& doc, const Sentence& s,
                      std::int64_t index) {
  SentenceWork w;
  w.sentence = &s;
  w.index = index;
  const std::size_t b = std::min(s.span.begin, doc.text.size());
  const std::size_t e = std::clamp(s.span.end, b, doc.text.size());
  w.view.begin = b;
  w.view.text = std::string_view(doc.text).substr(b, e - b);
  w.view.norm = NormalizeAligned(w.view.text);
  w.rule_langs = LanguagesFor(rules, doc, s);
  if (!w.rule_langs.empty()) w.lang = w.rule_langs.front()->lang;
  return w;
}

// Finds the candidate patterns of every sentence in `works` and runs their
// regexes pattern by pattern rather than sentence by sentence: a regex then
// runs over many sentences in a row while its DFA states are still in the CPU
// cache, which saves about a quarter of the confirmation time
// (docs/benchmarks.md, "Extraction").
void ConfirmPatterns(std::vector<SentenceWork>& works) {
  thread_local std::vector<int> ids;
  struct Run {
    const RE2* re;
    PatternMatch* match;
    const std::string* text;
  };
  std::vector<Run> runs;
  for (SentenceWork& w : works) {
    w.candidates.resize(w.rule_langs.size());
    for (std::size_t l = 0; l < w.rule_langs.size(); ++l) {
      const LiteralFilter& filter = w.rule_langs[l]->rule_filter;
      filter.Candidates(w.view.norm.text, ids);
      std::vector<PatternMatch>& list = w.candidates[l];
      list.clear();
      for (int id : ids) list.push_back(PatternMatch{id});
      // The list is complete: pointers into it stay valid.
      for (PatternMatch& m : list) {
        runs.push_back(Run{&filter.regex(m.pattern), &m, &w.view.norm.text});
      }
    }
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& b) { return a.re < b.re; });
  for (const Run& r : runs) {
    r.match->matched = Search(*r.re, *r.text, 0, r.text->size(), &r.match->b, &r.match->e);
  }
}

// Every candidate rule of the sentence, for each language tried (after ConfirmPatterns).
Status CheckSentence(SentenceWork& w, const Document& doc, BlockCache& cache) {
  for (std::size_t l = 0; l < w.rule_langs.size(); ++l) {
    if (Status st = CheckRules(*w.rule_langs[l], w.candidates[l], w.view, *w.sentence, doc,
                               cache, w.hits);
        !st.ok()) {
      return st;
    }
  }
  return OkStatus();
}

// Sentences are analysed in windows of this many: their candidate patterns are
// confirmed together (ConfirmPatterns), then the clauses built in order. The
// window bounds the memory of the normalised texts kept meanwhile.
constexpr std::size_t kWindow = 256;

struct LeadIn {
  std::int64_t block = -1;
  std::vector<Clause> clauses;  // copies of the lead-in's clauses
};

}  // namespace

Status ExtractClauses(const CompiledRules& rules, Document& doc) {
  doc.clauses.clear();
  doc.summary = Summary{};
  std::vector<Sentence> fallback;
  const std::vector<Sentence>& units = Units(doc, fallback);
  const CharIndex index(doc.text);
  BlockCache cache;
  std::optional<LeadIn> lead;         // the active lead-in for list items
  std::optional<LeadIn> closing;      // the block being read, a lead-in candidate
  std::int64_t current_block = -2;
  auto block_kind = [&](std::int64_t b) {
    return b >= 0 && static_cast<std::size_t>(b) < doc.blocks.size()
               ? doc.blocks[static_cast<std::size_t>(b)].kind
               : BlockKind::kParagraph;
  };
  auto block_text = [&](std::int64_t b) -> std::string_view {
    if (b < 0 || static_cast<std::size_t>(b) >= doc.blocks.size()) return {};
    const Span& sp = doc.blocks[static_cast<std::size_t>(b)].span;
    if (sp.end > doc.text.size() || sp.begin > sp.end) return {};
    return std::string_view(doc.text).substr(sp.begin, sp.size());
  };

  std::vector<SentenceWork> works;
  std::size_t window_begin = 0;
  for (std::size_t si = 0; si < units.size(); ++si) {
    if (si == window_begin + works.size()) {
      window_begin = si;
      works.clear();
      for (std::size_t k = si; k < std::min(units.size(), si + kWindow); ++k) {
        // Headings state nothing (they only end a lead-in, below).
        works.push_back(block_kind(units[k].block) == BlockKind::kHeading
                            ? SentenceWork{}
                            : MakeWork(rules, doc, units[k], static_cast<std::int64_t>(k)));
      }
      ConfirmPatterns(works);
    }
    const Sentence& s = units[si];
    if (s.block != current_block) {
      // The block just read becomes the lead-in if it ends with ':' and stated something.
      const BlockKind prev_kind = block_kind(current_block);
      const BlockKind kind = block_kind(s.block);
      std::optional<LeadIn> next;
      if (closing && !closing->clauses.empty() && EndsWithColon(block_text(current_block))) {
        next = std::move(closing);
      } else if (kind == BlockKind::kListItem && prev_kind == BlockKind::kListItem) {
        next = std::move(lead);
      }
      lead = kind == BlockKind::kListItem ? std::move(next) : std::nullopt;
      closing = LeadIn{s.block, {}};
      current_block = s.block;
    }
    if (block_kind(s.block) == BlockKind::kHeading) {
      closing.reset();
      continue;
    }
    SentenceWork& w = works[si - window_begin];
    if (w.view.norm.text.empty()) continue;
    if (Status st = CheckSentence(w, doc, cache); !st.ok()) return st;
    // Group what fired by (category, unit).
    std::map<std::pair<Category, std::int64_t>, std::vector<const RuleHit*>> groups;
    for (const RuleHit& h : w.hits) {
      if (h.fired) groups[{h.rule->def.category, h.unit}].push_back(&h);
    }
    if (!groups.empty()) {
      w.lang = groups.begin()->second.front()->lang;
    }
    const bool inherit = lead && !lead->clauses.empty();
    if (!groups.empty() || inherit) {
      if (Status st = EnsureLexicon(w); !st.ok()) return st;
    }
    std::vector<Clause> made;
    for (const auto& [key, hits] : groups) {
      Clause c;
      c.category = key.first;
      c.sentence = w.index;
      c.block = s.block;
      Span unit = s.span;
      if (key.second >= 0) unit = s.clauses[static_cast<std::size_t>(key.second)];
      unit.end = std::min(unit.end, doc.text.size());
      unit.begin = std::min(unit.begin, unit.end);
      c.span = index.MakeSpan(unit.begin, unit.end);
      const std::size_t unit_nb = w.view.ToNorm(unit.begin);
      const std::size_t unit_ne = w.view.ToNorm(unit.end);
      bool all_negated = true;
      bool possible = false;
      std::string cue;
      for (const RuleHit* h : hits) {
        c.confidence = Combine(c.confidence, h->rule->def.confidence);
        if (std::find(c.rules.begin(), c.rules.end(), h->rule->def.id) == c.rules.end()) {
          c.rules.push_back(h->rule->def.id);
        }
        const NegationResult n =
            FindNegation(w.view.norm.text, EnsureWords(w), h->nb, h->ne, h->lang);
        if (n.negated && !n.restrictive) {
          if (cue.empty()) cue = n.cue;
        } else {
          all_negated = false;
        }
        if (FindModality(w.view.norm.text, EnsureWords(w), h->nb, h->ne, h->lang).modality ==
            Modality::kPossible) {
          possible = true;
        }
        for (const auto& [name, value] : h->rule->def.sets) {
          AddUnique(c.attributes, Attribute{name, value, "", "", Span{}, false});
        }
      }
      c.polarity = all_negated ? Polarity::kNegated : Polarity::kAffirmed;
      if (all_negated) c.negation_cue = cue;
      c.modality = possible ? Modality::kPossible : Modality::kDefinite;
      AttachAttributes(w, index, unit_nb, unit_ne, c);
      made.push_back(std::move(c));
    }
    if (inherit) {
      for (const Clause& lc : lead->clauses) {
        const bool present = std::any_of(made.begin(), made.end(), [&](const Clause& c) {
          return c.category == lc.category;
        });
        if (present) continue;
        if (!AddsSpecificContent(w, lc.category)) continue;
        Clause c;
        c.category = lc.category;
        c.polarity = lc.polarity;
        c.modality = lc.modality;
        c.negation_cue = lc.negation_cue;
        c.sentence = w.index;
        c.block = s.block;
        c.span = index.MakeSpan(w.view.begin, w.view.begin + w.view.text.size());
        c.rules = lc.rules;
        c.rules.emplace_back(kInheritedRule);
        c.confidence = lc.confidence * 0.9;
        for (const Attribute& a : lc.attributes) {
          if (a.span.size() == 0) AddUnique(c.attributes, a);  // implied ones (action)
        }
        AttachAttributes(w, index, 0, w.view.norm.text.size(), c);
        made.push_back(std::move(c));
      }
    }
    for (Clause& c : made) {
      if (closing) closing->clauses.push_back(c);
      doc.clauses.push_back(std::move(c));
    }
  }
  std::stable_sort(doc.clauses.begin(), doc.clauses.end(), [](const Clause& a, const Clause& b) {
    return std::tie(a.span.begin, a.category) < std::tie(b.span.begin, b.category);
  });
  Summarize(doc);
  return OkStatus();
}

void Summarize(Document& doc) {
  Summary summary;
  summary.practices.resize(kNumCategories);
  for (int i = 0; i < kNumCategories; ++i) {
    summary.practices[static_cast<std::size_t>(i)].category = static_cast<Category>(i);
  }
  for (std::size_t i = 0; i < doc.clauses.size(); ++i) {
    const Clause& c = doc.clauses[i];
    const auto k = static_cast<std::size_t>(c.category);
    if (k >= summary.practices.size()) continue;
    PracticeSummary& p = summary.practices[k];
    (c.polarity == Polarity::kAffirmed ? p.affirmed : p.negated)++;
  }
  for (PracticeSummary& p : summary.practices) {
    p.stance = p.affirmed ? Stance::kAffirmed : p.negated ? Stance::kDenied : Stance::kSilent;
    if (p.stance == Stance::kSilent) continue;
    const Polarity want = p.stance == Stance::kAffirmed ? Polarity::kAffirmed : Polarity::kNegated;
    double best = -1.0;
    std::size_t best_rules = 0;
    for (std::size_t i = 0; i < doc.clauses.size(); ++i) {
      const Clause& c = doc.clauses[i];
      if (c.category != p.category || c.polarity != want) continue;
      const bool better = c.confidence > best + 1e-12 ||
                          (c.confidence > best - 1e-12 && c.rules.size() > best_rules);
      if (better) {
        best = c.confidence;
        best_rules = c.rules.size();
        p.strongest_clause = static_cast<std::int64_t>(i);
      }
    }
  }
  doc.summary = std::move(summary);
}

StatusOr<std::vector<SentenceTrace>> TraceRules(const CompiledRules& rules,
                                                const Document& doc) {
  std::vector<SentenceTrace> out;
  std::vector<Sentence> fallback;
  const std::vector<Sentence>& units = Units(doc, fallback);
  const CharIndex index(doc.text);
  BlockCache cache;
  for (std::size_t si = 0; si < units.size(); ++si) {
    const Sentence& s = units[si];
    std::vector<SentenceWork> one;
    one.push_back(MakeWork(rules, doc, s, static_cast<std::int64_t>(si)));
    ConfirmPatterns(one);
    SentenceWork& w = one.front();
    if (Status st = CheckSentence(w, doc, cache); !st.ok()) return st;
    if (Status st = EnsureLexicon(w); !st.ok()) return st;
    if (w.hits.empty() && w.lex.empty()) continue;
    SentenceTrace t;
    t.span = index.MakeSpan(w.view.begin, w.view.begin + w.view.text.size());
    t.lang = w.lang;
    for (const RuleHit& h : w.hits) {
      RuleTrace r;
      r.rule = h.rule->def.id;
      r.category = h.rule->def.category;
      r.fired = h.fired;
      r.reason = h.reason;
      const std::size_t db = w.view.ToDoc(h.nb), de = w.view.ToDoc(h.ne);
      r.match = index.MakeSpan(db, std::max(db, de));
      r.origin = h.rule->def.loc.ToString();
      t.rules.push_back(std::move(r));
    }
    for (const LexHit& h : w.lex) {
      t.attributes.push_back(MakeAttribute(h.lex->def.attribute, h.lex->def.value,
                                           h.lex->def.detail, w.view, index, h.nb, h.ne));
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<RuleInfo> ListRules(const CompiledRules& rules) {
  std::vector<RuleInfo> out;
  for (const LanguageRules& lr : rules.languages()) {
    const std::size_t first = out.size();
    for (const CompiledRule& r : lr.rules) {
      RuleInfo info;
      info.id = r.def.id;
      info.kind = "rule";
      info.lang = lr.lang;
      info.category = std::string(CategoryName(r.def.category));
      info.confidence = r.def.confidence;
      info.origin = r.def.loc.ToString();
      info.patterns = r.def.patterns.size();
      out.push_back(std::move(info));
    }
    for (const CompiledLexicon& l : lr.lexicons) {
      RuleInfo info;
      info.id = l.def.id;
      info.kind = "lexicon";
      info.lang = lr.lang;
      info.category = l.def.attribute;
      info.value = l.def.value;
      info.origin = l.def.loc.ToString();
      info.patterns = l.def.terms.size();
      out.push_back(std::move(info));
    }
    for (int p : lr.rule_filter.unfiltered()) {
      const int r = lr.pattern_rule[static_cast<std::size_t>(p)];
      const CompiledRule& rule = lr.rules[static_cast<std::size_t>(r)];
      out[first + static_cast<std::size_t>(r)].unfiltered.push_back(
          rule.def.patterns[static_cast<std::size_t>(p - rule.first_pattern)].loc.ToString());
    }
    for (int l : lr.lexicon_filter.unfiltered()) {
      out[first + lr.rules.size() + static_cast<std::size_t>(l)].unfiltered.push_back(
          lr.lexicons[static_cast<std::size_t>(l)].def.loc.ToString());
    }
  }
  return out;
}

}  // namespace policytext::internal
