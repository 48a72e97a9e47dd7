// TextEngine: the public face of the tokenize, segment and langid stages.
#include <memory>
#include <utility>

#include "base/parallel.h"
#include "langid/language_detector.h"
#include "policytext/text.h"
#include "segment/sentence_splitter.h"
#include "text/normalize.h"
#include "tokenize/tokenizer.h"

namespace policytext {

struct TextEngine::Impl {
  std::unique_ptr<internal::Tokenizer> tokenizer;
  std::unique_ptr<internal::SentenceSplitter> splitter;
  std::unique_ptr<internal::LanguageDetector> detector;

  // kUnd asks for detection; a text too short to tell keeps kUnd.
  Language Resolve(std::string_view text, Language lang) const {
    return lang != Language::kUnd ? lang : detector->Detect(text).lang;
  }
};

StatusOr<std::shared_ptr<const TextEngine>> TextEngine::Create() {
  auto impl = std::make_unique<Impl>();
  auto tokenizer = internal::Tokenizer::Create();
  if (!tokenizer.ok()) return tokenizer.status();
  auto splitter = internal::SentenceSplitter::Create();
  if (!splitter.ok()) return splitter.status();
  auto detector = internal::LanguageDetector::Create();
  if (!detector.ok()) return detector.status();
  impl->tokenizer = std::move(tokenizer).value();
  impl->splitter = std::move(splitter).value();
  impl->detector = std::move(detector).value();
  return std::shared_ptr<const TextEngine>(new TextEngine(std::move(impl)));
}

TextEngine::TextEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextEngine::~TextEngine() = default;

StatusOr<TokenList> TextEngine::Tokenize(std::string_view utf8, Language lang) const {
  return impl_->tokenizer->Tokenize(utf8, impl_->Resolve(utf8, lang));
}

StatusOr<TokenOffsets> TextEngine::TokenizeOffsets(std::string_view utf8, Language lang) const {
  return impl_->tokenizer->TokenizeOffsets(utf8, impl_->Resolve(utf8, lang));
}

std::vector<StatusOr<TokenList>> TextEngine::TokenizeBatch(
    const std::vector<std::string_view>& texts, Language lang, int threads) const {
  std::vector<StatusOr<TokenList>> results(texts.size(), InternalError("not run"));
  internal::ParallelFor(texts.size(), threads,
                        [&](std::size_t i) { results[i] = Tokenize(texts[i], lang); });
  return results;
}

StatusOr<SentenceList> TextEngine::Sentences(std::string_view utf8, Language lang) const {
  return impl_->splitter->Split(utf8, impl_->Resolve(utf8, lang));
}

LanguageGuess TextEngine::DetectLanguage(std::string_view utf8) const {
  return impl_->detector->Detect(utf8);
}

std::string TextEngine::Normalize(std::string_view utf8) const {
  return internal::NormalizeString(utf8);
}

}  // namespace policytext
