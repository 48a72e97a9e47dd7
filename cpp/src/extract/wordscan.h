// A small word scanner over normalised text shared by the duration, retention
// and negation code: words (letters), numbers (ASCII digits) and single
// punctuation characters, with their byte spans. Apostrophes and hyphens are
// their own tokens ("jusqu'à" -> jusqu ' à; "quatre-vingt" -> quatre - vingt).
#ifndef POLICYTEXT_SRC_EXTRACT_WORDSCAN_H_
#define POLICYTEXT_SRC_EXTRACT_WORDSCAN_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace policytext::internal {

struct ScanWord {
  enum Kind : std::uint8_t { kWord, kNumber, kPunct };
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  Kind kind = kWord;
  std::string_view text;  // view into the scanned text
};

// O(n). Texts over 4 GiB are scanned up to 4 GiB.
std::vector<ScanWord> ScanWords(std::string_view text);

// True if words[i..] spell `phrase` (space-separated; "'" and "-" are tokens
// of their own, so "jusqu ' à" or "jusqu'à" both work: the phrase is split the
// same way as the text). On success *next is the index after the phrase.
bool MatchPhrase(const std::vector<ScanWord>& words, std::size_t i, std::string_view phrase,
                 std::size_t* next = nullptr);
// Same, ending at words[end - 1]; *first is the index of the phrase's first word.
bool MatchPhraseBefore(const std::vector<ScanWord>& words, std::size_t end,
                       std::string_view phrase, std::size_t* first = nullptr);

inline bool IsOneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list)
    if (w == s) return true;
  return false;
}

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_WORDSCAN_H_
