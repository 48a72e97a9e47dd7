// Analyzer: the Reader plus the compiled rule packs. Immutable after Create(),
// so every const method is safe from many threads.
#include "policytext/analyzer.h"

#include <filesystem>
#include <memory>
#include <utility>

#include "extract/extractor.h"
#include "extract/rule_set.h"

namespace policytext {

struct Analyzer::Impl {
  AnalyzerOptions options;
  std::shared_ptr<const Reader> reader;
  std::unique_ptr<const internal::CompiledRules> rules;
  std::vector<std::pair<std::string, std::string>> user_rule_texts;
};

namespace {

Language FolderLanguageOf(const std::string& name) {
  const std::string parent =
      std::filesystem::path(name).parent_path().filename().string();
  if (parent == "fr") return Language::kFr;
  if (parent == "en") return Language::kEn;
  return Language::kUnd;
}

}  // namespace

StatusOr<std::shared_ptr<const Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::vector<internal::RuleSource> sources;
  if (options.builtin_rules) sources = internal::BuiltinRuleSources();
  for (const std::string& path : options.rule_paths) {
    StatusOr<std::vector<internal::RuleSource>> more = internal::LoadRuleSources(path);
    if (!more.ok()) return more.status();
    for (internal::RuleSource& s : *more) {
      impl->user_rule_texts.emplace_back(s.name, s.text);
      sources.push_back(std::move(s));
    }
  }
  for (const auto& [name, text] : options.rule_texts) {
    impl->user_rule_texts.emplace_back(name, text);
    sources.push_back(internal::RuleSource{name.empty() ? "<rules>" : name, text,
                                           FolderLanguageOf(name)});
  }
  for (Language lang : options.languages) {
    if (lang == Language::kUnd) {
      return InvalidArgumentError("AnalyzerOptions::languages: 'und' is not a rule language");
    }
  }
  if (options.languages.empty()) {
    return InvalidArgumentError("AnalyzerOptions::languages is empty");
  }
  auto rules = internal::CompiledRules::Build(sources, options.languages,
                                              options.regex_memory_budget);
  if (!rules.ok()) return rules.status();
  impl->rules = std::move(rules).value();
  auto reader = Reader::Create();
  if (!reader.ok()) return reader.status();
  impl->reader = std::move(reader).value();
  return std::shared_ptr<const Analyzer>(new Analyzer(std::move(impl)));
}

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

StatusOr<Document> Analyzer::Analyze(std::string_view bytes) const {
  return Analyze(bytes, impl_->options.read);
}

StatusOr<Document> Analyzer::Analyze(std::string_view bytes, const ReadOptions& options) const {
  StatusOr<Document> doc = impl_->reader->Read(bytes, options);
  if (!doc.ok()) return doc;
  if (Status s = Extract(*doc); !s.ok()) return s;
  return doc;
}

StatusOr<Document> Analyzer::AnalyzeFile(const std::string& path) const {
  return AnalyzeFile(path, impl_->options.read);
}

StatusOr<Document> Analyzer::AnalyzeFile(const std::string& path,
                                         const ReadOptions& options) const {
  StatusOr<Document> doc = impl_->reader->ReadFile(path, options);
  if (!doc.ok()) return doc;
  if (Status s = Extract(*doc); !s.ok()) return s;
  return doc;
}

Status Analyzer::Extract(Document& doc) const {
  return internal::ExtractClauses(*impl_->rules, doc);
}

StatusOr<std::vector<SentenceTrace>> Analyzer::Explain(std::string_view text,
                                                       Language lang) const {
  ReadOptions options = impl_->options.read;
  options.format = SourceFormat::kText;
  options.lang = lang;
  StatusOr<Document> doc = impl_->reader->Read(text, options);
  if (!doc.ok()) return doc.status();
  return internal::TraceRules(*impl_->rules, *doc);
}

std::vector<RuleInfo> Analyzer::Rules() const { return internal::ListRules(*impl_->rules); }

const AnalyzerOptions& Analyzer::options() const { return impl_->options; }
const Reader& Analyzer::reader() const { return *impl_->reader; }
std::string Analyzer::rules_fingerprint() const { return impl_->rules->fingerprint(); }
const std::vector<std::pair<std::string, std::string>>& Analyzer::user_rule_texts() const {
  return impl_->user_rule_texts;
}

}  // namespace policytext
