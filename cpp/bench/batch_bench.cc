// End-to-end analysis (read, segment, extract, JSON record) through the batch
// pool: MB/s and documents/s at 1 and 2 threads, next to a same-run baseline
// (UTF-8 validation of the same bytes), so ratios survive a change of machine.
//
//   make bench && build/bench/cpp/bench/batch_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_corpus.h"
#include "policytext/analyzer.h"
#include "policytext/batch.h"

namespace policytext {
namespace {

const Analyzer& SharedAnalyzer() {
  static const std::shared_ptr<const Analyzer> analyzer = *Analyzer::Create();
  return *analyzer;
}

void BM_Utf8Validation(benchmark::State& state) { bench::Utf8ValidationBaseline(state); }
BENCHMARK(BM_Utf8Validation);

// Reading alone is ingest_bench's BM_ReadMarkdownFull; one document at a time
// is extract_bench's BM_ReadAndExtract; this program measures the pool around it.

// The batch pool with JSON records, as `policytext annotate` runs it.
void BM_AnalyzeBatch(benchmark::State& state) {
  const bench::BenchCorpus& corpus = bench::LoadCorpus();
  const Analyzer& analyzer = SharedAnalyzer();
  BatchOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.keep_documents = false;
  options.json = true;
  std::size_t json_bytes = 0;
  auto pass = [&] {
    std::size_t next = 0;
    Status s = AnalyzeStream(
        analyzer, options,
        [&](BatchItem& item) {
          if (next == corpus.documents.size()) return false;
          item.bytes = corpus.documents[next++];
          return true;
        },
        [&](BatchResult&& r) { json_bytes += r.json.size(); });
    benchmark::DoNotOptimize(s);
  };
  // One untimed pass first: RE2 builds each regex's DFA on first use, and a
  // long batch runs warm (tools/bench_annotate.py takes its best round too).
  static bool warm = false;
  if (!warm) {
    pass();
    warm = true;
  }
  for (auto _ : state) pass();
  benchmark::DoNotOptimize(json_bytes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus.documents.size()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeBatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
