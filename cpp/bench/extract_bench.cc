// Clause extraction: rule-pack compile time, and analysis MB/s on one core on
// the policies of ../shared/data (a generated corpus when absent), next to a
// same-run baseline (UTF-8 validation of the same bytes).
//
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOLICYTEXT_BUILD_BENCH=ON
//   cmake --build build/bench --target extract_bench && build/bench/cpp/bench/extract_bench
//
// BM_Extract is "Document -> clauses" (the documents are read once, outside the
// loop); BM_ReadAndExtract adds reading (ingest, language, sentences).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "policytext/analyzer.h"

namespace policytext {
namespace {

const Analyzer& SharedAnalyzer() {
  static const std::shared_ptr<const Analyzer> analyzer = *Analyzer::Create();
  return *analyzer;
}

struct ReadCorpus {
  std::vector<Document> docs;
  std::size_t bytes = 0;  // of the analysed texts
  bool generated = false;
};

const ReadCorpus& Documents(const std::string& lang) {
  static std::map<std::string, ReadCorpus>* cache = new std::map<std::string, ReadCorpus>();
  auto it = cache->find(lang);
  if (it != cache->end()) return it->second;
  const bench::BenchCorpus& corpus = bench::LoadCorpus(lang);
  ReadCorpus out;
  out.generated = corpus.generated;
  for (const std::string& bytes : corpus.documents) {
    auto doc = SharedAnalyzer().reader().Read(bytes);
    if (!doc.ok()) continue;
    out.bytes += doc->text.size();
    out.docs.push_back(std::move(doc).value());
  }
  return (*cache)[lang] = std::move(out);
}

void BM_Utf8Validation(benchmark::State& state) { bench::Utf8ValidationBaseline(state); }
BENCHMARK(BM_Utf8Validation);

// Parse, merge and compile the built-in packs (both languages, one thread
// each; wall time): what Analyzer::Create spends on rules. require / exclude regexes compile on first use.
void BM_CompileRules(benchmark::State& state) {
  const std::vector<internal::RuleSource> sources = internal::BuiltinRuleSources();
  std::size_t entries = 0;
  for (auto _ : state) {
    auto rules = internal::CompiledRules::Build(sources, {Language::kFr, Language::kEn});
    if (!rules.ok()) {
      state.SkipWithError(rules.status().ToString().c_str());
      return;
    }
    for (const auto& l : (*rules)->languages()) entries += l.rules.size() + l.lexicons.size();
  }
  benchmark::DoNotOptimize(entries);
  state.counters["entries"] = static_cast<double>(entries) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CompileRules)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same, then every lazily compiled regex too: the worst case for a first
// document that makes every rule a candidate.
void BM_CompileRulesEager(benchmark::State& state) {
  const std::vector<internal::RuleSource> sources = internal::BuiltinRuleSources();
  for (auto _ : state) {
    auto rules = internal::CompiledRules::Build(sources, {Language::kFr, Language::kEn});
    if (!rules.ok()) {
      state.SkipWithError(rules.status().ToString().c_str());
      return;
    }
    for (const auto& l : (*rules)->languages()) {
      for (const auto& r : l.rules) {
        for (const auto& x : r.required) benchmark::DoNotOptimize(x.get().ok());
        for (const auto& x : r.excluded) benchmark::DoNotOptimize(x.get().ok());
      }
    }
  }
}
BENCHMARK(BM_CompileRulesEager)->Unit(benchmark::kMillisecond)->UseRealTime();

// Document -> clauses on the calling thread: the per-core figure. Arg 0: both
// languages; 1: French; 2: English.
void BM_Extract(benchmark::State& state) {
  static const char* const kLangs[] = {"", "fr", "en"};
  const ReadCorpus& corpus = Documents(kLangs[state.range(0)]);
  const Analyzer& analyzer = SharedAnalyzer();
  std::vector<Document> docs = corpus.docs;
  std::size_t clauses = 0;
  // One untimed pass first: RE2 builds each regex's DFA on first use.
  for (Document& doc : docs) benchmark::DoNotOptimize(analyzer.Extract(doc).ok());
  for (auto _ : state) {
    for (Document& doc : docs) {
      if (analyzer.Extract(doc).ok()) clauses += doc.clauses.size();
    }
  }
  benchmark::DoNotOptimize(clauses);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["clauses/doc"] =
      static_cast<double>(clauses) / static_cast<double>(state.iterations() * docs.size());
  state.SetLabel(std::string(corpus.generated ? "generated corpus" : "shared/data policies") +
                 (state.range(0) == 1 ? ", fr" : state.range(0) == 2 ? ", en" : ", fr+en"));
}
BENCHMARK(BM_Extract)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Bytes -> Document -> clauses, one document at a time on the calling thread.
void BM_ReadAndExtract(benchmark::State& state) {
  const bench::BenchCorpus& corpus = bench::LoadCorpus();
  const Analyzer& analyzer = SharedAnalyzer();
  std::size_t clauses = 0;
  for (auto _ : state) {
    for (const std::string& bytes : corpus.documents) {
      auto doc = analyzer.Analyze(bytes);
      if (doc.ok()) clauses += doc->clauses.size();
    }
  }
  benchmark::DoNotOptimize(clauses);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
}
BENCHMARK(BM_ReadAndExtract)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
