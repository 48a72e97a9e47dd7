// Word tokens for French and English on top of the ICU word BreakIterator.
#ifndef POLICYTEXT_SRC_TOKENIZE_TOKENIZER_H_
#define POLICYTEXT_SRC_TOKENIZE_TOKENIZER_H_

#include <memory>
#include <string_view>

#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext::internal {

class Tokenizer {
 public:
  // Builds the prototype iterator; each call clones it (cheap) so that a
  // Tokenizer is safe to share between threads.
  static StatusOr<std::unique_ptr<Tokenizer>> Create();
  ~Tokenizer();

  // Spans are relative to `utf8`. `lang` picks the elision rules; kUnd applies
  // both languages' rules.
  TokenList Tokenize(std::string_view utf8, Language lang) const;
  TokenOffsets TokenizeOffsets(std::string_view utf8, Language lang) const;

  // For tests: Tokenize with the fast path off, every chunk read by the ICU
  // iterator. The fast path must not change a single token.
  TokenList TokenizeIcuOnly(std::string_view utf8, Language lang) const;

  struct State;

 private:
  explicit Tokenizer(std::unique_ptr<State> state);
  TokenList TokenizeImpl(std::string_view utf8, Language lang, bool fast_path) const;
  std::unique_ptr<State> state_;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_TOKENIZE_TOKENIZER_H_
