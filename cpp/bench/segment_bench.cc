// Sentences and language: MB/s of the sentence splitter and the language
// detector on the French and English policies of ../shared/data (a generated
// corpus when that folder is absent), at 1 and 2 threads, next to same-run
// baselines (memchr, UTF-8 validation, and the ICU sentence iterator run over
// every byte, which is what the splitter avoids).
//
//   cmake -S . -B build/bench -G Ninja -DPOLICYTEXT_BUILD_BENCH=ON
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
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "langid/language_detector.h"
#include "policytext/text.h"
#include "segment/sentence_splitter.h"
#include "text/utf8.h"

#ifndef POLICYTEXT_SHARED_DATA_DIR
#define POLICYTEXT_SHARED_DATA_DIR ""
#endif

namespace policytext {
namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> documents;
  std::vector<std::string> paragraphs;  // blank-line blocks of >= 10 words
  std::size_t bytes = 0;
  bool generated = false;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Sentences written for this benchmark, shuffled into paragraphs and lists.
std::vector<std::string> GeneratedDocuments(Language lang) {
  static const char* kFr[] = {
      "Nous conservons vos données pendant 13,5 mois, puis nous les supprimons.",
      "M. Martin, notre délégué, répond à vos questions (cf. art. 5 ci-dessous).",
      "Vos données peuvent être partagées avec : nos filiales, nos prestataires et les "
      "autorités ; jamais avec des annonceurs.",
      "Consultez https://www.exemple.fr/vie-privee pour en savoir plus.",
      "Lorsque vous créez un compte, nous collectons votre nom, votre adresse, etc.",
      "Vous pouvez retirer votre consentement à tout moment\u00a0!",
      "Pourquoi traitons-nous vos données\u00a0? Pour fournir le service.",
  };
  static const char* kEn[] = {
      "We keep your data for 1.5 years and then delete it.",
      "Mr. Smith, our officer, answers your questions (e.g. about transfers to the U.S.).",
      "We may share data with: affiliates, service providers and authorities; never with "
      "advertisers.",
      "See https://www.example.com/privacy for details.",
      "When you create an account, we collect your name, address, etc. We do not sell it.",
      "You can withdraw your consent at any time!",
      "Why do we process your data? To provide the service.",
  };
  const char** pool = lang == Language::kFr ? kFr : kEn;
  std::mt19937 rng(lang == Language::kFr ? 7 : 11);
  std::vector<std::string> docs;
  for (int d = 0; d < 60; ++d) {
    std::string doc;
    while (doc.size() < 40000) {
      const int kind = static_cast<int>(rng() % 5);
      const int n = 2 + static_cast<int>(rng() % 5);
      for (int i = 0; i < n; ++i) {
        if (kind == 0) doc += "- ";
        doc += pool[rng() % 7];
        doc += kind == 0 ? "\n" : " ";
      }
      doc += "\n\n";
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

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

Corpus LoadCorpus(Language lang) {
  Corpus c;
  const fs::path root = fs::path(POLICYTEXT_SHARED_DATA_DIR);
  const fs::path dir = root / (lang == Language::kFr ? "ota-fr/policies" : "ota-en/policies");
  std::error_code ec;
  if (!root.empty() && fs::is_directory(dir, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".md") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> seen;  // Brice.md and Jules.md are byte-identical
    for (const auto& f : files) {
      std::string text = ReadFile(f);
      if (seen.insert(text).second) c.documents.push_back(std::move(text));
    }
  }
  if (c.documents.empty()) {
    c.documents = GeneratedDocuments(lang);
    c.generated = true;
  }
  for (const auto& d : c.documents) c.bytes += d.size();
  c.paragraphs = Paragraphs(c.documents);
  return c;
}

// Function-local statics: initialised once even when two benchmark threads ask.
const Corpus& GetCorpus(Language lang) {
  if (lang == Language::kFr) {
    static const Corpus fr = LoadCorpus(Language::kFr);
    return fr;
  }
  static const Corpus en = LoadCorpus(Language::kEn);
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

void SetLabel(benchmark::State& state, const Corpus& c) {
  state.SetLabel(c.generated ? "generated corpus" : "ota policies");
}

void BM_Sentences(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const auto& splitter = Splitter();
  std::size_t sentences = 0;
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      SentenceList list = splitter.Split(d, lang);
      sentences += list.sentences.size();
      benchmark::DoNotOptimize(list);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  SetLabel(state, c);
}

// The public path, including the language detection of `lang` = kUnd.
void BM_EngineSentencesDetect(benchmark::State& state, Language corpus_lang) {
  const Corpus& c = GetCorpus(corpus_lang);
  static auto engine = TextEngine::Create().value();
  for (auto _ : state) {
    for (const std::string& d : c.documents) {
      auto list = engine->Sentences(d, Language::kUnd);
      benchmark::DoNotOptimize(list);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  SetLabel(state, c);
}

void BM_DetectLanguageParagraphs(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  const auto& detector = Detector();
  std::size_t bytes = 0;
  for (const auto& p : c.paragraphs) bytes += p.size();
  for (auto _ : state) {
    for (const std::string& p : c.paragraphs) benchmark::DoNotOptimize(detector.Detect(p));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["paragraphs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.paragraphs.size()), benchmark::Counter::kIsRate);
  SetLabel(state, c);
}

// Baselines, same corpus and run.
void BM_BaselineMemchr(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
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
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

void BM_BaselineUtf8Validation(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  for (auto _ : state) {
    std::size_t invalid = 0;
    for (const std::string& d : c.documents) invalid += internal::CountInvalidUtf8(d);
    benchmark::DoNotOptimize(invalid);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

// The ICU sentence iterator over every byte (UTF-8 UText), no abbreviations.
void BM_BaselineIcuSentenceIterator(benchmark::State& state, Language lang) {
  const Corpus& c = GetCorpus(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  UText ut = UTEXT_INITIALIZER;
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
