// Sentences (ICU sentence BreakIterator with per-language abbreviation
// suppressions) and the clause splits inside long sentences.
//
//   auto splitter = SentenceSplitter::Create();
//   SentenceList list = (*splitter)->Split("M. Martin signe. Fin.", Language::kFr);
//   // two sentences: "M. Martin signe." and "Fin."
//
// Spans are trimmed of whitespace and never empty; a leading list bullet or
// heading mark ("- ", "• ", "## ") is left out of the sentence. Linear time on
// any input (no terminator, one line, NUL bytes, invalid UTF-8). Const and
// thread-safe: each call clones the prototype iterator.
#ifndef POLICYTEXT_SRC_SEGMENT_SENTENCE_SPLITTER_H_
#define POLICYTEXT_SRC_SEGMENT_SENTENCE_SPLITTER_H_

#include <memory>
#include <string_view>

#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext::internal {

class SentenceSplitter {
 public:
  static StatusOr<std::unique_ptr<SentenceSplitter>> Create();
  ~SentenceSplitter();

  // Spans are relative to `utf8`; blank lines and list items end a sentence.
  // kUnd applies both languages' abbreviations.
  SentenceList Split(std::string_view utf8, Language lang) const;

  struct State;

 private:
  explicit SentenceSplitter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_SEGMENT_SENTENCE_SPLITTER_H_
