#include "bench_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>

#include "text/utf8.h"

namespace policytext::bench {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Sentences written for this project, recombined at random (seeded) into
// documents of a realistic size when the shared data is absent.
BenchCorpus Generate(const std::string& lang) {
  static const char* const kFr[] = {
      "Nous partageons vos données avec nos sous-traitants, qui agissent sur nos instructions.",
      "Vos données sont conservées pendant trois (3) ans à compter de votre dernier achat.",
      "Nous ne vendons jamais vos informations personnelles à des tiers.",
      "Avec votre accord, nos partenaires publicitaires affichent des annonces ciblées.",
      "Vous pouvez retirer votre consentement à tout moment depuis les paramètres du compte.",
      "Les cookies de mesure d’audience expirent au bout de 13 mois.",
  };
  static const char* const kEn[] = {
      "We share your information with service providers who process it on our behalf.",
      "We keep your account data for up to five (5) years after you close your account.",
      "We never sell your personal information to third parties.",
      "With your consent, our advertising partners show you interest-based ads.",
      "You can opt out of marketing e-mails by clicking the unsubscribe link.",
      "Analytics cookies expire after 13 months.",
  };
  BenchCorpus corpus;
  corpus.generated = true;
  std::mt19937 rng(42);
  for (int d = 0; d < 60; ++d) {
    const bool fr = lang == "fr" || (lang.empty() && d % 2 == 0);
    std::string doc = fr ? "# Politique de confidentialité\n\n" : "# Privacy policy\n\n";
    while (doc.size() < 20000) {
      for (int s = 0; s < 4; ++s) {
        doc += fr ? kFr[rng() % 6] : kEn[rng() % 6];
        doc += ' ';
      }
      doc += "\n\n";
    }
    corpus.bytes += doc.size();
    corpus.names.push_back("generated-" + std::to_string(d));
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

BenchCorpus Load(const std::string& lang) {
  const fs::path root(POLICYTEXT_SHARED_DATA_DIR);
  std::vector<fs::path> folders;
  if (lang != "en") folders.push_back(root / "ota-fr" / "policies");
  if (lang != "fr") folders.push_back(root / "ota-en" / "policies");
  BenchCorpus corpus;
  for (const fs::path& folder : folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return Generate(lang);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      corpus.documents.push_back(Slurp(f));
      corpus.names.push_back(f.filename().string());
      corpus.bytes += corpus.documents.back().size();
    }
  }
  return corpus;
}

}  // namespace

const BenchCorpus& LoadCorpus(const std::string& lang) {
  static std::mutex mu;
  static std::map<std::string, BenchCorpus> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(lang, Load(lang)).first;
  return it->second;
}

void Utf8ValidationBaseline(benchmark::State& state) {
  const BenchCorpus& corpus = LoadCorpus();
  std::size_t invalid = 0;
  for (auto _ : state) {
    for (const std::string& doc : corpus.documents) invalid += internal::CountInvalidUtf8(doc);
  }
  benchmark::DoNotOptimize(invalid);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetLabel(corpus.generated ? "generated corpus" : "shared/data policies");
}

}  // namespace policytext::bench
