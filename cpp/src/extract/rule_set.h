// Loaded and compiled rule packs: per language, the rules (one RE2 per pattern)
// and the lexicon (one RE2 per entry), each behind a literal prefilter.
//
//   std::vector<RuleSource> sources = BuiltinRuleSources();
//   auto more = LoadRuleSources("my-rules/");          // a file or a folder
//   sources.insert(sources.end(), more->begin(), more->end());
//   auto rules = CompiledRules::Build(sources, {Language::kFr, Language::kEn});
#ifndef POLICYTEXT_SRC_EXTRACT_RULE_SET_H_
#define POLICYTEXT_SRC_EXTRACT_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>  // RE2::Set parses require / exclude patterns at build time

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

// A regex compiled on first use (thread-safe): a rule's require / exclude
// patterns are parsed and checked when the pack is built, and compiled only when
// the rule is first a candidate, so building stays fast. Copies share the
// regex: identical patterns of a language are parsed and compiled once.
class LazyRegex {
 public:
  LazyRegex() = default;
  LazyRegex(std::string pattern, const RE2::Options& options)
      : state_(std::make_shared<State>(std::move(pattern), options)) {}
  const RE2& get() const {
    State& s = *state_;
    std::call_once(s.once, [&s] { s.re = std::make_unique<RE2>(s.pattern, s.options); });
    return *s.re;
  }

 private:
  struct State {
    State(std::string p, const RE2::Options& o) : pattern(std::move(p)), options(o) {}
    std::string pattern;
    RE2::Options options;
    std::once_flag once;
    std::unique_ptr<RE2> re;
  };
  std::shared_ptr<State> state_;
};

struct CompiledRule {
  RuleDef def;
  // The rule's patterns are regexes first_pattern .. first_pattern +
  // def.patterns.size() - 1 of its LanguageRules::rule_filter.
  int first_pattern = 0;
  std::vector<LazyRegex> required;
  std::vector<LazyRegex> excluded;
};

struct CompiledLexicon {
  LexiconDef def;
  std::vector<Category> categories;  // resolved; empty: every category
  bool cue = false;  // negation_cue / modal_cue: not a clause attribute
};

// The prefilter is literal (literal_filter.h), not one RE2::Set per language:
// RE2 builds a set's DFA lazily and its states are the combinations of the
// states of its patterns, so the counted repetitions and {gap}s of the packs
// made one set per language thrash its DFA cache (0.1 MB/s on the shared
// policies; docs/benchmarks.md, "Extraction"). Literal atoms searched with
// Aho-Corasick cost one table lookup per byte whatever the patterns' shapes,
// and each candidate pattern is then confirmed by its own RE2.
struct LanguageRules {
  Language lang = Language::kUnd;
  std::vector<CompiledRule> rules;
  std::vector<CompiledLexicon> lexicons;
  // One regex per rule pattern (each alternative on its own, so a candidate
  // runs only the alternatives whose literals occur); pattern_rule[i] is the
  // index in `rules` of regex i.
  LiteralFilter rule_filter;
  std::vector<int> pattern_rule;
  // Regex i is lexicons[i]'s terms joined.
  LiteralFilter lexicon_filter;
};

inline constexpr std::size_t kDefaultRegexMemoryBudget = std::size_t{64} << 20;

class CompiledRules {
 public:
  // Parses, merges (override / disable by ID, in source order), validates and
  // compiles. `memory_budget` is RE2's max_mem for each regex; a pattern that
  // does not fit is an InvalidArgument error that says so.
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
