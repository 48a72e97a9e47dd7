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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/document.h"
#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext {

struct AnalyzerOptions {
  bool builtin_rules = true;            // the packs shipped with the library
  std::vector<std::string> rule_paths;  // extra packs: folders or files, applied in order
  std::vector<Language> languages = {Language::kFr, Language::kEn};
  ReadOptions read;                     // defaults for Analyze()
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

  const AnalyzerOptions& options() const;
  const Reader& reader() const;
  // A stable hash of the compiled rule text, for run manifests.
  std::string rules_fingerprint() const;

  struct Impl;

 private:
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policytext

#endif  // POLICYTEXT_ANALYZER_H_
