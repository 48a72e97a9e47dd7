// fr / en / und: CLD2 for texts long enough for its quadgram model, combined with
// a small function-word and character model of our own (function_words.h) that
// is reliable on short French/English texts where CLD2 abstains or errs.
#include "langid/language_detector.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
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

// A text longer than kSampleBytes is read as kSamplePieces evenly spaced
// pieces that add up to about that size: enough for a confident answer (a few
// thousand words), a bounded cost on huge inputs, and a page that opens with a
// navigation menu is still judged on its body.
constexpr std::size_t kSampleBytes = 16 * 1024;
constexpr int kSamplePieces = 4;

// The largest weight CLD2's vote can have in Combine(): an own-model log-odds
// beyond it decides alone, and CLD2 is not run.
constexpr double kMaxCldWeight = 6.0;

// CLD2's vote reaches its full weight from this many scored bytes.
constexpr double kCldFullWeightBytes = 400.0;

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

// `utf8` itself when short, else kSamplePieces pieces joined by newlines, each
// cut at UTF-8 sequence boundaries.
std::string Sample(std::string_view utf8) {
  if (utf8.size() <= kSampleBytes) return std::string(utf8);
  std::string out;
  const std::size_t piece = kSampleBytes / kSamplePieces;
  const std::size_t stride = (utf8.size() - piece) / (kSamplePieces - 1);
  for (int k = 0; k < kSamplePieces; ++k) {
    std::size_t b = static_cast<std::size_t>(k) * stride;
    while (b > 0 && b < utf8.size() && (static_cast<unsigned char>(utf8[b]) & 0xC0) == 0x80) --b;
    out.append(CutUtf8(utf8.substr(b), piece));
    out.push_back('\n');
  }
  return out;
}

bool StartsWithAt(std::string_view s, std::size_t i, std::string_view prefix) {
  return s.size() - i >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin() + static_cast<std::ptrdiff_t>(i),
                    [](char a, char b) { return (a | 0x20) == b; });
}

// The text both models read: valid UTF-8 (invalid sequences as U+FFFD), NUL as
// a space, and URLs and e-mail addresses blanked out, since their English-looking
// words ("www", "privacy-policy") say nothing about the language of the text.
std::string Prepare(std::string text) {
  std::string out = CountInvalidUtf8(text) > 0 ? ReplaceInvalidUtf8(text) : std::move(text);
  const std::size_t n = out.size();
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  // Only these bytes can start something to blank; a table look-up per byte
  // instead of six comparisons (this loop reads every byte of every block).
  static constexpr std::array<bool, 256> kMayStart = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {'\0', 'h', 'H', 'w', 'W', '@'}) t[c] = true;
    return t;
  }();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = out[i];
    if (!kMayStart[static_cast<unsigned char>(c)]) continue;
    if (c == '\0') {
      out[i] = ' ';
      continue;
    }
    const bool word_start = i == 0 || is_space(out[i - 1]) || out[i - 1] == '(' ||
                            out[i - 1] == '[' || out[i - 1] == '<';
    if (word_start && (StartsWithAt(out, i, "http://") || StartsWithAt(out, i, "https://") ||
                       StartsWithAt(out, i, "www."))) {
      while (i < n && !is_space(out[i]) && out[i] != ')' && out[i] != ']' && out[i] != '>') {
        out[i++] = ' ';
      }
      continue;
    }
    if (out[i] == '@' && i > 0 && !is_space(out[i - 1]) && i + 1 < n && !is_space(out[i + 1])) {
      // An e-mail address: blank the whole whitespace-delimited word.
      std::size_t b = i;
      while (b > 0 && !is_space(out[b - 1])) --b;
      std::size_t e = i;
      while (e < n && !is_space(out[e])) ++e;
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(b),
                out.begin() + static_cast<std::ptrdiff_t>(e), ' ');
      i = e;
    }
  }
  return out;
}

CldResult RunCld2(std::string_view text) {
  CldResult r;
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
// CLD2 calls short texts "reliable" too, yet often reads a French sentence full
// of brand names as English; its weight grows with the bytes it scored.
LanguageGuess Combine(const FunctionWordScore& own, const CldResult& cld, DetectorMode mode) {
  double logit = 0.0;
  if (mode != DetectorMode::kCld2) logit += own.log_odds;
  if (mode != DetectorMode::kOwn && cld.fr + cld.en > 0.0) {
    double weight = cld.reliable ? kMaxCldWeight : kMaxCldWeight / 3;
    if (mode == DetectorMode::kCombined) {
      weight *= std::min(1.0, static_cast<double>(cld.text_bytes) / kCldFullWeightBytes);
    }
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
  const std::string text = Prepare(Sample(utf8));
  const FunctionWordScore own = state_->model.Score(text);
  if (own.letters < kMinLetters) return {};
  CldResult cld;
  const bool own_decides =
      state_->mode == DetectorMode::kCombined && std::abs(own.log_odds) > kMaxCldWeight;
  if (state_->mode != DetectorMode::kOwn && !own_decides) cld = RunCld2(text);
  return Combine(own, cld, state_->mode);
}

}  // namespace policytext::internal
