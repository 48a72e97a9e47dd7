// The text engine: tokens, sentences and language for French and English.
//
//   auto engine = policytext::TextEngine::Create();
//   if (!engine.ok()) return engine.status();
//   policytext::StatusOr<policytext::TokenList> tokens =
//       (*engine)->Tokenize("Nous conservons l’adresse 13,5 mois.", policytext::Language::kFr);
//   // tokens->tokens[2] is "l’" (kWord), [3] is "adresse", [4] "13,5" (kNumber).
//
// Text enters as UTF-8. Invalid byte sequences are read as U+FFFD, counted in
// `invalid_utf8`, and never shift a span: every Span points into the caller's bytes.
// A TextEngine is immutable after Create() and safe to share between threads.
#ifndef POLICYTEXT_TEXT_H_
#define POLICYTEXT_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/status.h"

namespace policytext {

enum class Language : std::uint8_t { kUnd = 0, kFr, kEn };

// "fr", "en", "und".
std::string_view LanguageCode(Language lang);
// Accepts "fr", "en", "und" (any case); anything else is InvalidArgument.
StatusOr<Language> ParseLanguage(std::string_view code);

// A half-open range of the input, in UTF-8 bytes and in code points. An invalid
// UTF-8 sequence counts as one code point (the U+FFFD it is read as).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t char_begin = 0;
  std::size_t char_end = 0;

  std::size_t size() const { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : std::uint8_t {
  kWord = 0,
  kNumber,
  kPunctuation,
  kUrl,
  kEmail,
  kSymbol,
};
// "word", "number", "punctuation", "url", "email", "symbol".
std::string_view TokenKindName(TokenKind kind);

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  // NFC, case-folded, ’ and ' unified to ', NBSP and narrow NBSP as a space.
  std::string norm;
};

struct TokenList {
  std::vector<Token> tokens;
  std::size_t invalid_utf8 = 0;  // invalid byte sequences read as U+FFFD
};

struct Sentence {
  Span span;
  // Second level: the clauses inside a long sentence (split at ';' and at
  // enumerations introduced by ':'). A sentence with no split has one clause
  // equal to its own span.
  std::vector<Span> clauses;
  // Index of the Document block holding the sentence; -1 outside a Document.
  std::int64_t block = -1;
};

struct SentenceList {
  std::vector<Sentence> sentences;
  std::size_t invalid_utf8 = 0;
};

struct LanguageGuess {
  Language lang = Language::kUnd;
  double confidence = 0.0;  // 0..1
};

// Offsets only, for callers that want arrays rather than one object per token.
struct TokenOffsets {
  std::vector<std::uint64_t> begin, end;            // bytes
  std::vector<std::uint64_t> char_begin, char_end;  // code points
  std::vector<std::uint8_t> kind;                   // TokenKind values
  std::size_t invalid_utf8 = 0;
};

class TextEngine {
 public:
  // Builds the ICU prototypes (break iterators, normaliser) once.
  static StatusOr<std::shared_ptr<const TextEngine>> Create();
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // `lang` = kUnd detects the language of the text first.
  StatusOr<TokenList> Tokenize(std::string_view utf8, Language lang = Language::kUnd) const;
  StatusOr<TokenOffsets> TokenizeOffsets(std::string_view utf8,
                                         Language lang = Language::kUnd) const;
  // One result per input, in input order; `threads` <= 0 means hardware threads.
  // A failure of one text is recorded in its own slot.
  std::vector<StatusOr<TokenList>> TokenizeBatch(const std::vector<std::string_view>& texts,
                                                 Language lang = Language::kUnd,
                                                 int threads = 0) const;

  // Blank lines and list items end a sentence.
  StatusOr<SentenceList> Sentences(std::string_view utf8, Language lang = Language::kUnd) const;

  LanguageGuess DetectLanguage(std::string_view utf8) const;

  // The normalised form used for matching (see Token::norm).
  std::string Normalize(std::string_view utf8) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit TextEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policytext

#endif  // POLICYTEXT_TEXT_H_
