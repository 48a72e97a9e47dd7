// The Analyzer: built once from options and rule packs, then Analyze() finds the
// clauses of a policy. Analyze() is const and safe to call from many threads.
//
//   auto analyzer = policytext::Analyzer::Create();
//   if (!analyzer.ok()) return analyzer.status();
//   policytext::StatusOr<policytext::Document> doc = (*analyzer)->Analyze(bytes);
//   for (const policytext::Clause& c : doc->clauses)
//     std::cout << policytext::CategoryName(c.category) << "\n";
#ifndef POLICYTEXT_ANALYZER_H_
#define POLICYTEXT_ANALYZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policytext/clause.h"
#include "policytext/document.h"
#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext {

struct AnalyzerOptions {
  bool builtin_rules = true;            // the packs shipped with the library
  std::vector<std::string> rule_paths;  // extra packs: folders or files, applied in order
  std::vector<Language> languages = {Language::kFr, Language::kEn};
  ReadOptions read;                     // defaults for Analyze()
  // Extra packs given as text rather than paths (name, text), applied after
  // rule_paths. The name is used in error messages; a name whose folder part is
  // fr/ or en/ ("my/fr/extra.rules") gives the language of unprefixed IDs.
  std::vector<std::pair<std::string, std::string>> rule_texts;
  // RE2's memory budget for each compiled regex (rule pattern, lexicon entry,
  // require / exclude). A pattern that does not fit is an InvalidArgument error
  // from Create (require / exclude: ResourceExhausted when first used), never a
  // silent fallback.
  std::size_t regex_memory_budget = std::size_t{64} << 20;
};

// `Analyzer::Explain`: what each candidate rule did on one sentence.
struct RuleTrace {
  std::string rule;      // the rule ID
  Category category = Category::kSharing;
  bool fired = false;    // pattern matched and every require / no exclude matched
  std::string reason;    // "fired", "require '...' did not match", "excluded by '...'"
  Span match;            // the pattern's match, into the explained text
  std::string origin;    // "file:line:col" of the rule
};

struct SentenceTrace {
  Span span;  // into the explained text
  Language lang = Language::kUnd;
  std::vector<RuleTrace> rules;       // the rules the prefilter reported
  std::vector<Attribute> attributes;  // lexicon hits on the sentence
};

// `Analyzer::Rules`: one compiled rule or lexicon entry.
struct RuleInfo {
  std::string id;
  std::string kind;  // "rule" or "lexicon"
  Language lang = Language::kUnd;
  std::string category;  // rules: the category; lexicon: the attribute
  std::string value;     // lexicon: the value ("affiliate"); rules: empty
  double confidence = 0.0;
  std::string origin;    // "file:line:col"
  std::size_t patterns = 0;  // pattern alternatives or lexicon terms
  // "file:line:col" of each pattern (lexicon: of the entry) without a literal
  // of 3+ bytes that every match contains: it cannot be prefiltered, so its
  // regex runs on every sentence (docs/rules.md, "Speed").
  std::vector<std::string> unfiltered;
};

class Analyzer {
 public:
  // Loads, validates and compiles the rule packs; InvalidArgument names the file,
  // line and column of the first error.
  static StatusOr<std::shared_ptr<const Analyzer>> Create(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  StatusOr<Document> Analyze(std::string_view bytes) const;
  StatusOr<Document> Analyze(std::string_view bytes, const ReadOptions& options) const;
  StatusOr<Document> AnalyzeFile(const std::string& path) const;
  StatusOr<Document> AnalyzeFile(const std::string& path, const ReadOptions& options) const;
  // Finds the clauses of a Document already read (replaces its clauses and summary).
  Status Extract(Document& doc) const;
  // Reads `text` as plain text and reports, per sentence, which rules the
  // prefilter proposed and why each fired or not. `lang` kUnd detects it.
  StatusOr<std::vector<SentenceTrace>> Explain(std::string_view text,
                                               Language lang = Language::kUnd) const;
  // Every compiled rule and lexicon entry, per language, in load order.
  std::vector<RuleInfo> Rules() const;

  const AnalyzerOptions& options() const;
  const Reader& reader() const;
  // A stable hash of the compiled rule text, for run manifests.
  std::string rules_fingerprint() const;
  // The user packs as loaded (name, text): rule_paths read from disk, then
  // rule_texts. With options() minus rule_paths, enough to rebuild this
  // Analyzer elsewhere (the Python Analyzer pickles this way).
  const std::vector<std::pair<std::string, std::string>>& user_rule_texts() const;

  struct Impl;

 private:
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policytext

#endif  // POLICYTEXT_ANALYZER_H_
