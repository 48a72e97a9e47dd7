// Attribute code on its own: the duration parser, the retention bound and the
// negation/modality scope, in MB/s of normalised text, one core, on the lines
// of the ../shared/data policies (a generated corpus when absent), next to a
// same-run baseline (UTF-8 validation of the same bytes) and the word scan all
// three share.
//
//   cmake --build <build> --target attrs_bench && <build>/cpp/bench/attrs_bench
//
// The extractor calls these per sentence (durations and retention only on
// sentences where a retention rule fired); the figures here are an upper bound
// of their cost: every line of every policy.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_corpus.h"
#include "extract/duration.h"
#include "extract/negation.h"
#include "extract/retention.h"
#include "extract/wordscan.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace policytext {
namespace {

struct Lines {
  std::vector<std::string> text;
  std::vector<Language> lang;
  std::size_t bytes = 0;
  bool generated = false;
};

const Lines& CorpusLines() {
  static const Lines* lines = [] {
    auto* out = new Lines();
    for (const char* code : {"fr", "en"}) {
      const bench::BenchCorpus& corpus = bench::LoadCorpus(code);
      out->generated = out->generated || corpus.generated;
      for (const std::string& doc : corpus.documents) {
        const std::string norm = internal::NormalizeString(doc);
        std::size_t start = 0;
        while (start < norm.size()) {
          std::size_t end = norm.find('\n', start);
          if (end == std::string::npos) end = norm.size();
          if (end > start) {
            out->text.push_back(norm.substr(start, end - start));
            out->lang.push_back(code[0] == 'f' ? Language::kFr : Language::kEn);
            out->bytes += end - start;
          }
          start = end + 1;
        }
      }
    }
    return out;
  }();
  return *lines;
}

template <typename Fn>
void Run(benchmark::State& state, Fn fn) {
  const Lines& lines = CorpusLines();
  std::size_t results = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < lines.text.size(); ++i) results += fn(lines.text[i], lines.lang[i]);
  }
  benchmark::DoNotOptimize(results);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lines.bytes));
  state.counters["lines"] = static_cast<double>(lines.text.size());
  state.counters["results_per_pass"] =
      static_cast<double>(results) / static_cast<double>(state.iterations());
  state.SetLabel(lines.generated ? "generated corpus" : "ota-fr + ota-en lines");
}

void BM_Utf8Validation(benchmark::State& state) {
  Run(state, [](const std::string& s, Language) { return internal::CountInvalidUtf8(s); });
}
BENCHMARK(BM_Utf8Validation)->Unit(benchmark::kMillisecond);

void BM_ScanWords(benchmark::State& state) {
  Run(state, [](const std::string& s, Language) { return internal::ScanWords(s).size(); });
}
BENCHMARK(BM_ScanWords)->Unit(benchmark::kMillisecond);

void BM_FindDurations(benchmark::State& state) {
  Run(state,
      [](const std::string& s, Language l) { return internal::FindDurations(s, l).size(); });
}
BENCHMARK(BM_FindDurations)->Unit(benchmark::kMillisecond);

void BM_AnalyzeRetention(benchmark::State& state) {
  Run(state, [](const std::string& s, Language l) {
    return internal::AnalyzeRetention(s, l).cues.size();
  });
}
BENCHMARK(BM_AnalyzeRetention)->Unit(benchmark::kMillisecond);

// One trigger in the middle of each line (the word scan included).
void BM_FindNegation(benchmark::State& state) {
  Run(state, [](const std::string& s, Language l) {
    return static_cast<std::size_t>(
        internal::FindNegation(s, s.size() / 2, s.size() / 2 + 1, l).negated);
  });
}
BENCHMARK(BM_FindNegation)->Unit(benchmark::kMillisecond);

void BM_FindModality(benchmark::State& state) {
  Run(state, [](const std::string& s, Language l) {
    return static_cast<std::size_t>(
        internal::FindModality(s, s.size() / 2, s.size() / 2 + 1, l).modality ==
        Modality::kPossible);
  });
}
BENCHMARK(BM_FindModality)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
