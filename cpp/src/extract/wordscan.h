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
#include <utility>
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

// A fixed list of phrases, split once, looked up by their first (or last)
// word: O(1) per position instead of one comparison per phrase. Phrases must
// outlive the table (string literals). Where several phrases match, the
// longest wins, then the one listed first.
class PhraseTable {
 public:
  PhraseTable(std::initializer_list<std::string_view> phrases);
  explicit PhraseTable(std::vector<std::string_view> phrases);
  // Index (in the list) of the first phrase that starts at words[i], or -1;
  // *next is the index after it.
  int Match(const std::vector<ScanWord>& words, std::size_t i, std::size_t* next) const;
  // Index of the first phrase that ends at words[end - 1], or -1; *first is the
  // index of its first word.
  int MatchBefore(const std::vector<ScanWord>& words, std::size_t end, std::size_t* first) const;
  std::string_view phrase(int index) const { return phrases_[static_cast<std::size_t>(index)]; }
  // The first word of every phrase, for a caller's prefilter.
  std::vector<std::string_view> first_words() const;

 private:
  std::vector<std::string_view> phrases_;
  std::vector<std::vector<std::string_view>> tokens_;
  // (word, phrase index) sorted by word, for the first and for the last word.
  std::vector<std::pair<std::string_view, int>> by_first_, by_last_;
};

// The first bytes are compared before the rest: this runs for most words of a
// sentence against lists of 5-50 short words.
inline bool IsOneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  if (w.empty()) {
    for (std::string_view s : list)
      if (s.empty()) return true;
    return false;
  }
  for (std::string_view s : list)
    if (s.size() == w.size() && s[0] == w[0] && w == s) return true;
  return false;
}

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_WORDSCAN_H_
