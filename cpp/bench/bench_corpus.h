// The benchmark corpus: the French and English policies of ../shared/data when
// that folder is present, else a generated corpus of policy-like sentences, so
// that every benchmark runs anywhere and says which one it measured.
//
// Data: Open Terms Archive with contributions from UFC-Que Choisir and Office of
// the French Ambassador for Digital Affairs (ota-fr); Open Terms Archive
// contributors (ota-en). ODC-BY 1.0.
#ifndef POLICYTEXT_BENCH_BENCH_CORPUS_H_
#define POLICYTEXT_BENCH_BENCH_CORPUS_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <vector>

namespace policytext::bench {

struct BenchCorpus {
  std::vector<std::string> documents;
  std::vector<std::string> names;
  std::size_t bytes = 0;
  bool generated = false;  // true: ../shared/data was absent
};

// lang: "fr", "en" or "" for both. Loaded once per process and cached.
const BenchCorpus& LoadCorpus(const std::string& lang = "");

// The same-run baseline of the end-to-end programs: UTF-8 validation of every
// byte of LoadCorpus(), so ratios survive a change of machine.
void Utf8ValidationBaseline(benchmark::State& state);

}  // namespace policytext::bench

#endif  // POLICYTEXT_BENCH_BENCH_CORPUS_H_
