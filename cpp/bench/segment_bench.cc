// Sentences and language: MB/s of the sentence splitter and the language
// detector on the French and English policies of ../shared/data (a generated
// corpus when that folder is absent), at 1 and 2 threads, next to same-run
// baselines (memchr, UTF-8 validation, and the ICU sentence iterator run over
// every byte, which is what the splitter avoids).
//
//   cmake -S . -B build/bench -G Ninja -DPOLICYTEXT_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build/bench --target segment_bench
//   build/bench/cpp/bench/segment_bench --benchmark_min_time=1
//
// Data: Open Terms Archive with contributions from UFC-Que Choisir and Office of
// the French Ambassador for Digital Affairs (ota-fr); Open Terms Archive
// contributors (ota-en). ODC-BY 1.0.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <ctime>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "langid/language_detector.h"
#include "policytext/text.h"
#include "segment/sentence_splitter.h"
#include "text/utf8.h"

namespace policytext {
namespace {

struct Corpus {
  std::vector<std::string> documents;
  std::vector<std::string> paragraphs;  // blank-line blocks of >= 10 words
  std::size_t bytes = 0;
  bool generated = false;
};

std::vector<std::string> Paragraphs(const std::vector<std::string>& docs) {
  std::vector<std::string> out;
  for (const std::string& d : docs) {
    std::size_t start = 0;
    while (start < d.size()) {
      std::size_t end = d.find("\n\n", start);
      if (end == std::string::npos) end = d.size();
      std::string p = d.substr(start, end - start);
      int words = 0;
      bool in_word = false;
      for (char c : p) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
      if (words >= 10) out.push_back(std::move(p));
      start = end + 2;
    }
  }
  return out;
}

// The shared benchmark corpus (bench_corpus.h): the policies of ../shared/data,
// or its generated corpus when that folder is absent.
Corpus MakeCorpus(Language lang) {
  const bench::BenchCorpus& shared = bench::LoadCorpus(lang == Language::kFr ? "fr" : "en");
  Corpus c;
  c.documents = shared.documents;
  c.generated = shared.generated;
  for (const auto& d : c.documents) c.bytes += d.size();
  c.paragraphs = Paragraphs(c.documents);
  return c;
}

// Function-local statics: initialised once even when two benchmark threads ask.
const Corpus& GetCorpus(Language lang) {
  if (lang == Language::kFr) {
    static const Corpus fr = MakeCorpus(Language::kFr);
    return fr;
  }
  static const Corpus en = MakeCorpus(Language::kEn);
  return en;
}

const internal::SentenceSplitter& Splitter() {
  static auto* s = internal::SentenceSplitter::Create().value().release();
  return *s;
}

const internal::LanguageDetector& Detector() {
  static auto* d = internal::LanguageDetector::Create().value().release();
  return *d;
}

// CPU seconds of the calling thread. The machine this runs on is shared, so
// next to bytes_per_second (wall clock) each benchmark reports cpu_MB/s: the
// bytes one core gets through per second of its own CPU time.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void SetCpuRate(benchmark::State& state, std::size_t bytes_per_iteration, double cpu_seconds) {
  if (cpu_seconds <= 0) return;
  state.counters["cpu_MB/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(bytes_per_iteration) /
          cpu_seconds / 1e6,
      benchmark::Counter::kAvgThreads);
}

void SetLabel(benchmark::State& state, const Corpus& c) {
  state.SetLabel(c.generated ? "generated corpus" : "ota policies");
}

void BM_Sentences(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const auto& splitter = Splitter();
  std::size_t sentences = 0;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      SentenceList list = splitter.Split(d, lang);
      sentences += list.sentences.size();
      benchmark::DoNotOptimize(list);
    }
  }
  SetCpuRate(state, c.bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  SetLabel(state, c);
}

// The public path, including the language detection of `lang` = kUnd.
void BM_EngineSentencesDetect(benchmark::State& state, Language corpus_lang) {
  const Corpus& c = GetCorpus(corpus_lang);
  static auto engine = TextEngine::Create().value();
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      auto list = engine->Sentences(d, Language::kUnd);
      benchmark::DoNotOptimize(list);
    }
  }
  SetCpuRate(state, c.bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  SetLabel(state, c);
}

void BM_DetectLanguageParagraphs(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const auto& detector = Detector();
  std::size_t bytes = 0;
  for (const auto& p : c.paragraphs) bytes += p.size();
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (const std::string& p : c.paragraphs) benchmark::DoNotOptimize(detector.Detect(p));
  }
  SetCpuRate(state, bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["paragraphs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.paragraphs.size()), benchmark::Counter::kIsRate);
  SetLabel(state, c);
}

// Baselines, same corpus and run.
void BM_BaselineMemchr(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    std::size_t lines = 0;
    for (const std::string& d : c.documents) {
      const char* p = d.data();
      const char* end = p + d.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
        ++lines;
        ++p;
      }
    }
    benchmark::DoNotOptimize(lines);
  }
  SetCpuRate(state, c.bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

void BM_BaselineUtf8Validation(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    std::size_t invalid = 0;
    for (const std::string& d : c.documents) invalid += internal::CountInvalidUtf8(d);
    benchmark::DoNotOptimize(invalid);
  }
  SetCpuRate(state, c.bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

// The ICU sentence iterator over every byte (UTF-8 UText), no abbreviations.
void BM_BaselineIcuSentenceIterator(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  UText ut = UTEXT_INITIALIZER;
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    std::size_t breaks = 0;
    for (const std::string& d : c.documents) {
      utext_openUTF8(&ut, d.data(), static_cast<int64_t>(d.size()), &status);
      bi->setText(&ut, status);
      for (int32_t p = bi->first(); p != icu::BreakIterator::DONE; p = bi->next()) ++breaks;
    }
    benchmark::DoNotOptimize(breaks);
  }
  utext_close(&ut);
  SetCpuRate(state, c.bytes, ThreadCpuSeconds() - cpu_start);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

#define POLICYTEXT_BENCH_BOTH(fn)                                                         \
  BENCHMARK_CAPTURE(fn, fr, Language::kFr)->Threads(1)->Threads(2)->UseRealTime();        \
  BENCHMARK_CAPTURE(fn, en, Language::kEn)->Threads(1)->Threads(2)->UseRealTime()

POLICYTEXT_BENCH_BOTH(BM_BaselineMemchr);
POLICYTEXT_BENCH_BOTH(BM_BaselineUtf8Validation);
POLICYTEXT_BENCH_BOTH(BM_BaselineIcuSentenceIterator);
POLICYTEXT_BENCH_BOTH(BM_Sentences);
POLICYTEXT_BENCH_BOTH(BM_EngineSentencesDetect);
POLICYTEXT_BENCH_BOTH(BM_DetectLanguageParagraphs);

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
