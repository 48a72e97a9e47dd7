// Loaded and compiled rule packs: per language, the rules (one RE2 each plus a
// RE2::Set over all of them, the prefilter) and the lexicon (one RE2 per entry
// plus a RE2::Set over all entries).
//
//   std::vector<RuleSource> sources = BuiltinRuleSources();
//   auto more = LoadRuleSources("my-rules/");          // a file or a folder
//   sources.insert(sources.end(), more->begin(), more->end());
//   auto rules = CompiledRules::Build(sources, {Language::kFr, Language::kEn});
#ifndef POLICYTEXT_SRC_EXTRACT_RULE_SET_H_
#define POLICYTEXT_SRC_EXTRACT_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "extract/literal_filter.h"
#include "extract/rule_pack.h"
#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext::internal {

// The text of one pack and where it came from.
struct RuleSource {
  std::string name;  // "builtin:fr/sharing.rules" or a path
  std::string text;
  Language folder_lang = Language::kUnd;
};

// The packs embedded in the library (cpp/rules/CMakeLists.txt).
std::vector<RuleSource> BuiltinRuleSources();

// A `.rules` file, or every `.rules` file under a folder (recursively, sorted by
// path). The language of a file's folder (fr/, en/) applies to IDs without a
// language prefix. NotFound when the path does not exist.
StatusOr<std::vector<RuleSource>> LoadRuleSources(const std::string& path);

// A regex compiled on first use (thread-safe). Patterns are parsed and checked
// when the pack is built (RE2::Set::Add); compiling each rule's own RE2 waits
// until the prefilter first reports that rule, so building stays fast.
class LazyRegex {
 public:
  LazyRegex() = default;
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)),
        options_(options),
        once_(std::make_unique<std::once_flag>()) {}
  const RE2& get() const {
    std::call_once(*once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    return *re_;
  }
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  RE2::Options options_;
  std::unique_ptr<std::once_flag> once_;
  mutable std::unique_ptr<RE2> re_;
};

struct CompiledRule {
  RuleDef def;
  LazyRegex pattern;  // the alternatives joined
  std::vector<LazyRegex> required;
  std::vector<LazyRegex> excluded;
};

struct CompiledLexicon {
  LexiconDef def;
  LazyRegex terms;                   // the terms joined
  std::vector<Category> categories;  // resolved; empty: every category
  bool cue = false;  // negation_cue / modal_cue: not a clause attribute
};

// One RE2::Set and, per entry, the index of the rule / lexicon entry it
// belongs to (one entry per pattern alternative / lexicon term).
struct PrefilterSet {
  std::unique_ptr<RE2::Set> set;
  std::vector<int> owner;
};

// The rule prefilter is split into sets of at most this many pattern
// alternatives. One set for a whole pack is the textbook layout, but RE2 builds
// its DFA lazily and the states of one set are the combinations of the states
// of its patterns: with counted repetitions ({gap}, [^.]{0,80}) in the packs,
// one set per language thrashed its DFA cache and ran at 0.1 MB/s on the
// shared policies, while sets of 4 patterns run at ~7 MB/s per core
// (docs/benchmarks.md, "Extraction"). Each set has the whole memory budget.
inline constexpr std::size_t kPatternsPerSet = 4;
// Lexicon terms are mostly word lists: larger sets stay cheap.
inline constexpr std::size_t kTermsPerSet = 16;

struct LanguageRules {
  Language lang = Language::kUnd;
  std::vector<CompiledRule> rules;
  std::vector<CompiledLexicon> lexicons;
  std::vector<PrefilterSet> rule_sets;     // empty when there is no rule
  // The prefilter the matcher uses for rules: regex i is rules[i].pattern.
  // Literal atoms + Aho-Corasick (literal_filter.h): 4.7x faster than
  // rule_sets on the shared policies, and it does not grow with {gap}s.
  LiteralFilter rule_filter;
  std::vector<PrefilterSet> lexicon_sets;  // empty when there is no lexicon entry
};

inline constexpr std::size_t kDefaultRegexMemoryBudget = std::size_t{64} << 20;

class CompiledRules {
 public:
  // Parses, merges (override / disable by ID, in source order), validates and
  // compiles. `memory_budget` is RE2's max_mem for each set; a set that does not
  // fit is an InvalidArgument error that says so.
  static StatusOr<std::unique_ptr<const CompiledRules>> Build(
      const std::vector<RuleSource>& sources, const std::vector<Language>& languages,
      std::size_t memory_budget = kDefaultRegexMemoryBudget);

  // Null when the language was not requested.
  const LanguageRules* For(Language lang) const;
  const std::vector<LanguageRules>& languages() const { return langs_; }
  // FNV-1a 64 of the pack names and texts, in order, and the languages: 16 hex digits.
  const std::string& fingerprint() const { return fingerprint_; }
  std::size_t memory_budget() const { return memory_budget_; }

 private:
  std::vector<LanguageRules> langs_;
  std::string fingerprint_;
  std::size_t memory_budget_ = kDefaultRegexMemoryBudget;
};

// Options shared by every compiled pattern (UTF-8, case-sensitive: the text is
// already case-folded, no logging).
RE2::Options PatternOptions(std::size_t memory_budget);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_RULE_SET_H_
