// The string names of the public enums: one table each, used for both
// directions so that a name and its parser never disagree.
#include <array>
#include <string>
#include <string_view>

#include "policytext/clause.h"
#include "policytext/document.h"
#include "policytext/text.h"

namespace policytext {
namespace {

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::string_view, N>& names, E value) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view("unknown");
}

template <typename E, std::size_t N>
StatusOr<E> Parse(const std::array<std::string_view, N>& names, std::string_view text,
                  std::string_view what) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == lower) return static_cast<E>(i);
  }
  std::string message = "unknown ";
  message += what;
  message += " '";
  message += text;
  message += "'; expected one of:";
  for (std::string_view n : names) {
    message += ' ';
    message += n;
  }
  return InvalidArgumentError(std::move(message));
}

constexpr std::array<std::string_view, 3> kLanguages = {"und", "fr", "en"};
constexpr std::array<std::string_view, 6> kTokenKinds = {"word", "number", "punctuation",
                                                         "url",  "email",  "symbol"};
constexpr std::array<std::string_view, kNumCategories> kCategories = {
    "sharing",      "retention",     "advertising",         "first_party_collection",
    "user_choice",  "user_rights",   "security",            "policy_change",
    "international_transfer", "children", "tracking",       "contact"};
constexpr std::array<std::string_view, 2> kPolarities = {"affirmed", "negated"};
constexpr std::array<std::string_view, 2> kModalities = {"definite", "possible"};
constexpr std::array<std::string_view, 3> kStances = {"silent", "affirmed", "denied"};
constexpr std::array<std::string_view, 4> kFormats = {"auto", "html", "markdown", "text"};
constexpr std::array<std::string_view, 8> kBlockKinds = {
    "heading", "paragraph", "list_item", "table_cell", "definition_term", "definition",
    "code",    "quote"};

}  // namespace

std::string_view LanguageCode(Language lang) { return NameOf(kLanguages, lang); }
StatusOr<Language> ParseLanguage(std::string_view code) {
  return Parse<Language>(kLanguages, code, "language");
}
std::string_view TokenKindName(TokenKind kind) { return NameOf(kTokenKinds, kind); }
std::string_view CategoryName(Category category) { return NameOf(kCategories, category); }
StatusOr<Category> ParseCategory(std::string_view name) {
  return Parse<Category>(kCategories, name, "category");
}
std::string_view PolarityName(Polarity polarity) { return NameOf(kPolarities, polarity); }
std::string_view ModalityName(Modality modality) { return NameOf(kModalities, modality); }
std::string_view StanceName(Stance stance) { return NameOf(kStances, stance); }
std::string_view SourceFormatName(SourceFormat format) { return NameOf(kFormats, format); }
StatusOr<SourceFormat> ParseSourceFormat(std::string_view name) {
  return Parse<SourceFormat>(kFormats, name, "format");
}
std::string_view BlockKindName(BlockKind kind) { return NameOf(kBlockKinds, kind); }

}  // namespace policytext
