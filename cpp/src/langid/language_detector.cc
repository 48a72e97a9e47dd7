// fr / en / und: CLD2 for texts long enough for its quadgram model, combined with
// a small function-word and character model of our own (function_words.h) that
// is reliable on short French/English texts where CLD2 abstains or errs.
#include "langid/language_detector.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#include "langid/function_words.h"
#include "text/utf8.h"

namespace policytext::internal {

// Which evidence decides; kCombined is the default. The others exist to measure
// each part alone (tools/langid_accuracy.py sets POLICYTEXT_LANGID_MODE).
enum class DetectorMode { kCombined, kCld2, kOwn };

struct LanguageDetector::State {
  FunctionWordModel model;
  DetectorMode mode = DetectorMode::kCombined;
};

namespace {

// CLD2 reads at most this many bytes of a long text (it samples the start);
// enough for a confident answer, and it bounds the cost on huge inputs.
constexpr std::size_t kMaxCldBytes = 64 * 1024;

// Below this many letters the text is und.
constexpr int kMinLetters = 8;

struct CldResult {
  Language lang = Language::kUnd;
  double fr = 0.0;  // share of the text CLD2 reads as French, 0..1
  double en = 0.0;
  bool reliable = false;
  int text_bytes = 0;
};

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t e = n;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return s.substr(0, e);
}

CldResult RunCld2(std::string_view utf8) {
  CldResult r;
  std::string clean;
  std::string_view text = CutUtf8(utf8, kMaxCldBytes);
  // CLD2 wants valid UTF-8 and stops at nothing else; replace invalid bytes and NULs.
  if (CountInvalidUtf8(text) > 0 || text.find('\0') != std::string_view::npos) {
    clean = ReplaceInvalidUtf8(text);
    std::replace(clean.begin(), clean.end(), '\0', ' ');
    text = clean;
  }
  CLD2::Language language3[3];
  int percent3[3];
  double normalized3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()),
                                 /*is_plain_text=*/true, /*cld_hints=*/nullptr, /*flags=*/0,
                                 language3, percent3, normalized3,
                                 /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == CLD2::FRENCH) r.fr += percent3[i] / 100.0;
    if (language3[i] == CLD2::ENGLISH) r.en += percent3[i] / 100.0;
  }
  if (language3[0] == CLD2::FRENCH) r.lang = Language::kFr;
  if (language3[0] == CLD2::ENGLISH) r.lang = Language::kEn;
  r.reliable = reliable;
  r.text_bytes = text_bytes;
  return r;
}

// Own model log-odds plus CLD2's vote; CLD2 counts more when it says it is
// reliable (long text) and the own model decides short texts.
LanguageGuess Combine(const FunctionWordScore& own, const CldResult& cld, DetectorMode mode) {
  double logit = 0.0;
  if (mode != DetectorMode::kCld2) logit += own.log_odds;
  if (mode != DetectorMode::kOwn && cld.fr + cld.en > 0.0) {
    const double weight = cld.reliable ? 6.0 : 2.0;
    logit += weight * (cld.fr - cld.en);
  }
  if (logit == 0.0) return {};
  const double p_fr = 1.0 / (1.0 + std::exp(-logit));
  LanguageGuess g;
  g.lang = logit > 0 ? Language::kFr : Language::kEn;
  g.confidence = logit > 0 ? p_fr : 1.0 - p_fr;
  return g;
}

DetectorMode ModeFromEnvironment() {
  const char* v = std::getenv("POLICYTEXT_LANGID_MODE");
  if (v == nullptr) return DetectorMode::kCombined;
  const std::string_view mode(v);
  if (mode == "cld2") return DetectorMode::kCld2;
  if (mode == "own") return DetectorMode::kOwn;
  return DetectorMode::kCombined;
}

}  // namespace

StatusOr<std::unique_ptr<LanguageDetector>> LanguageDetector::Create() {
  auto state = std::make_unique<State>();
  state->model = FunctionWordModel::Build();
  state->mode = ModeFromEnvironment();
  return std::unique_ptr<LanguageDetector>(new LanguageDetector(std::move(state)));
}

LanguageDetector::LanguageDetector(std::unique_ptr<State> state) : state_(std::move(state)) {}
LanguageDetector::~LanguageDetector() = default;

LanguageGuess LanguageDetector::Detect(std::string_view utf8) const {
  const FunctionWordScore own = state_->model.Score(CutUtf8(utf8, kMaxCldBytes));
  if (own.letters < kMinLetters) return {};
  CldResult cld;
  if (state_->mode != DetectorMode::kOwn) cld = RunCld2(utf8);
  return Combine(own, cld, state_->mode);
}

}  // namespace policytext::internal
