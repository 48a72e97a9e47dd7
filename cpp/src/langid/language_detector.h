// fr / en / und for a piece of text: CLD2 combined with a French/English
// function-word model (see docs/design.md). Thread-safe and immutable.
//
//   auto detector = LanguageDetector::Create();
//   LanguageGuess g = (*detector)->Detect("Nous conservons vos données.");
//   // g.lang == Language::kFr, 0.5 < g.confidence <= 1
//
// Fewer than 8 letters give kUnd with confidence 0. Invalid UTF-8 and NUL bytes
// are read as U+FFFD and spaces; a text over 16 KB is judged on four evenly
// spaced pieces. For measurement only, POLICYTEXT_LANGID_MODE=cld2|own (read at
// Create()) makes one part decide alone.
#ifndef POLICYTEXT_SRC_LANGID_LANGUAGE_DETECTOR_H_
#define POLICYTEXT_SRC_LANGID_LANGUAGE_DETECTOR_H_

#include <memory>
#include <string_view>

#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext::internal {

class LanguageDetector {
 public:
  static StatusOr<std::unique_ptr<LanguageDetector>> Create();
  ~LanguageDetector();

  LanguageGuess Detect(std::string_view utf8) const;

  struct State;

 private:
  explicit LanguageDetector(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_LANGID_LANGUAGE_DETECTOR_H_
