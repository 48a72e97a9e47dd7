// Tokenizer throughput: MB/s of the tokenizer on the French and English
// policies of ../shared/data (a generated corpus when that folder is absent), at
// 1 and 2 threads, next to same-run baselines: memchr, UTF-8 validation, the
// bare ICU word iterator over UTF-8 (what the tokenizer is built on), and the
// normaliser.
//
//   cmake -S . -B build/tok-bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
//     -DPOLICYTEXT_BUILD_TESTS=OFF -DPOLICYTEXT_BUILD_BENCH=ON
//   cmake --build build/tok-bench --target text_bench
//   build/tok-bench/cpp/bench/text_bench --benchmark_min_time=1
//
// With N threads every thread tokenises the whole corpus; bytes/s is the total.
//
// Data: Open Terms Archive with contributions from UFC-Que Choisir and Office of
// the French Ambassador for Digital Affairs (ota-fr); Open Terms Archive
// contributors (ota-en). ODC-BY 1.0.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <time.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "policytext/text.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "tokenize/tokenizer.h"

namespace policytext {
namespace {

using Corpus = bench::BenchCorpus;

// The shared benchmark corpus (bench_corpus.h), one language.
const Corpus& GetCorpus(Language lang) {
  return bench::LoadCorpus(lang == Language::kFr ? "fr" : "en");
}

const internal::Tokenizer& GetTokenizer() {
  static const internal::Tokenizer* t = internal::Tokenizer::Create().value().release();
  return *t;
}

// The machine is shared: next to bytes_per_second (wall clock) every benchmark
// reports cpu_MB/s, the bytes one thread gets through per second of its own
// CPU time (averaged over threads).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void Finish(benchmark::State& state, const Corpus& c, std::size_t units, const char* unit,
            double cpu_start) {
  const double cpu = ThreadCpuSeconds() - cpu_start;
  if (cpu > 0) {
    state.counters["cpu_MB/s"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * static_cast<double>(c.bytes) / cpu / 1e6,
        benchmark::Counter::kAvgThreads);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  if (units > 0) {
    state.counters[unit] =
        benchmark::Counter(static_cast<double>(units), benchmark::Counter::kIsRate);
  }
  state.SetLabel(c.generated ? "generated corpus" : "ota policies");
}

// --- Baselines ---------------------------------------------------------------

void BM_Memchr(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  std::size_t lines = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      const char* p = d.data();
      const char* end = p + d.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
        ++lines;
        ++p;
      }
    }
  }
  benchmark::DoNotOptimize(lines);
  Finish(state, c, 0, "", cpu_start);
}

void BM_Utf8Validate(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      benchmark::DoNotOptimize(internal::CountInvalidUtf8(d));
    }
  }
  Finish(state, c, 0, "", cpu_start);
}

// The bare ICU word iterator over UTF-8 with its rule status: what a
// tokenizer built only on ICU would cost before any rule or span.
void BM_IcuWordIterator(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::size_t segments = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      UText ut = UTEXT_INITIALIZER;
      utext_openUTF8(&ut, d.data(), static_cast<std::int64_t>(d.size()), &status);
      bi->setText(&ut, status);
      for (std::int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
        segments += static_cast<std::size_t>(bi->getRuleStatus() >= 0);
      }
      utext_close(&ut);
    }
  }
  Finish(state, c, segments, "segments/s", cpu_start);
}

// --- The tokenizer -------------------------------------------------------------

void BM_TokenizeOffsets(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const internal::Tokenizer& tokenizer = GetTokenizer();
  std::size_t tokens = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      TokenOffsets off = tokenizer.TokenizeOffsets(d, lang);
      tokens += off.begin.size();
      benchmark::DoNotOptimize(off);
    }
  }
  Finish(state, c, tokens, "tokens/s", cpu_start);
}

// Token objects with their normalised forms.
void BM_Tokenize(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const internal::Tokenizer& tokenizer = GetTokenizer();
  std::size_t tokens = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      TokenList list = tokenizer.Tokenize(d, lang);
      tokens += list.tokens.size();
      benchmark::DoNotOptimize(list);
    }
  }
  Finish(state, c, tokens, "tokens/s", cpu_start);
}

// The fast path off: every chunk through ICU (same tokens).
void BM_TokenizeIcuOnly(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const internal::Tokenizer& tokenizer = GetTokenizer();
  std::size_t tokens = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      TokenList list = tokenizer.TokenizeIcuOnly(d, lang);
      tokens += list.tokens.size();
      benchmark::DoNotOptimize(list);
    }
  }
  Finish(state, c, tokens, "tokens/s", cpu_start);
}

// The public API, language given (no detection).
void BM_EngineTokenizeOffsets(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  static const auto engine = TextEngine::Create().value();
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      auto off = engine->TokenizeOffsets(d, lang);
      benchmark::DoNotOptimize(off);
    }
  }
  Finish(state, c, 0, "", cpu_start);
}

void BM_NormalizeAligned(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      internal::AlignedText a = internal::NormalizeAligned(d);
      benchmark::DoNotOptimize(a);
    }
  }
  Finish(state, c, 0, "", cpu_start);
}

#define TEXT_BENCH(fn)                                                                   \
  BENCHMARK_CAPTURE(fn, fr, Language::kFr)->Threads(1)->Threads(2)->UseRealTime();        \
  BENCHMARK_CAPTURE(fn, en, Language::kEn)->Threads(1)->Threads(2)->UseRealTime()

TEXT_BENCH(BM_Memchr);
TEXT_BENCH(BM_Utf8Validate);
TEXT_BENCH(BM_IcuWordIterator);
TEXT_BENCH(BM_TokenizeOffsets);
TEXT_BENCH(BM_Tokenize);
TEXT_BENCH(BM_TokenizeIcuOnly);
TEXT_BENCH(BM_EngineTokenizeOffsets);
TEXT_BENCH(BM_NormalizeAligned);

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
