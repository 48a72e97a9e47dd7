// fr / en / und for a piece of text.
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
