#include "extract/wordscan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

namespace policytext::internal {
namespace {

enum class CharClass { kSpace, kLetter, kDigit, kPunct };

struct AsciiClasses {
  CharClass table[128];
  constexpr AsciiClasses() : table() {
    for (int c = 0; c < 128; ++c) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        table[c] = CharClass::kLetter;
      } else if (c >= '0' && c <= '9') {
        table[c] = CharClass::kDigit;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        table[c] = CharClass::kSpace;
      } else {
        table[c] = CharClass::kPunct;
      }
    }
  }
};
constexpr AsciiClasses kAscii;

CharClass Classify(UChar32 c) {
  if (c >= 0 && c < 0x80) return kAscii.table[c];
  if (c < 0) return CharClass::kPunct;  // invalid sequence
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  if (u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)
    return CharClass::kLetter;
  return CharClass::kPunct;
}

// The token starting at or after *pos; false at the end. Digits and letters do
// not mix ("24h" -> "24", "h").
bool NextToken(std::string_view text, std::size_t* pos, std::size_t* begin, std::size_t* end,
               ScanWord::Kind* kind) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int64_t>(text.size());
  std::int64_t i = static_cast<std::int64_t>(*pos);
  while (i < n) {
    std::int64_t start = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      U8_NEXT(s, i, n, c);
    }
    CharClass cls = Classify(c);
    if (cls == CharClass::kSpace) continue;
    *begin = static_cast<std::size_t>(start);
    if (cls == CharClass::kPunct) {
      *end = static_cast<std::size_t>(i);
      *kind = ScanWord::kPunct;
      *pos = *end;
      return true;
    }
    while (i < n) {
      std::int64_t at = i;
      UChar32 d;
      if (s[i] < 0x80) {
        d = s[i++];
      } else {
        U8_NEXT(s, i, n, d);
      }
      if (Classify(d) != cls) {
        i = at;
        break;
      }
    }
    *end = static_cast<std::size_t>(i);
    *kind = cls == CharClass::kLetter ? ScanWord::kWord : ScanWord::kNumber;
    *pos = *end;
    return true;
  }
  *pos = text.size();
  return false;
}

}  // namespace

std::vector<ScanWord> ScanWords(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max())
    text = text.substr(0, std::numeric_limits<std::uint32_t>::max());
  std::vector<ScanWord> out;
  out.reserve(text.size() / 5 + 1);
  std::size_t pos = 0, b = 0, e = 0;
  ScanWord::Kind kind;
  while (NextToken(text, &pos, &b, &e, &kind)) {
    ScanWord w;
    w.begin = static_cast<std::uint32_t>(b);
    w.end = static_cast<std::uint32_t>(e);
    w.kind = kind;
    w.text = text.substr(b, e - b);
    out.push_back(w);
  }
  return out;
}

bool MatchPhrase(const std::vector<ScanWord>& words, std::size_t i, std::string_view phrase,
                 std::size_t* next) {
  std::size_t pos = 0, b = 0, e = 0;
  ScanWord::Kind kind;
  std::size_t k = i;
  bool any = false;
  while (NextToken(phrase, &pos, &b, &e, &kind)) {
    if (k >= words.size() || words[k].text != phrase.substr(b, e - b)) return false;
    ++k;
    any = true;
  }
  if (!any) return false;
  if (next != nullptr) *next = k;
  return true;
}

bool MatchPhraseBefore(const std::vector<ScanWord>& words, std::size_t end,
                       std::string_view phrase, std::size_t* first) {
  std::size_t count = 0, pos = 0, b = 0, e = 0;
  ScanWord::Kind kind;
  while (NextToken(phrase, &pos, &b, &e, &kind)) ++count;
  if (count == 0 || count > end) return false;
  if (!MatchPhrase(words, end - count, phrase, nullptr)) return false;
  if (first != nullptr) *first = end - count;
  return true;
}

namespace {
std::vector<std::string_view> SplitPhrase(std::string_view phrase) {
  std::vector<std::string_view> out;
  std::size_t pos = 0, b = 0, e = 0;
  ScanWord::Kind kind;
  while (NextToken(phrase, &pos, &b, &e, &kind)) out.push_back(phrase.substr(b, e - b));
  return out;
}
}  // namespace

PhraseTable::PhraseTable(std::initializer_list<std::string_view> phrases)
    : PhraseTable(std::vector<std::string_view>(phrases)) {}

PhraseTable::PhraseTable(std::vector<std::string_view> phrases) : phrases_(std::move(phrases)) {
  for (std::size_t p = 0; p < phrases_.size(); ++p) {
    tokens_.push_back(SplitPhrase(phrases_[p]));
    if (tokens_.back().empty()) continue;
    by_first_.emplace_back(tokens_.back().front(), static_cast<int>(p));
    by_last_.emplace_back(tokens_.back().back(), static_cast<int>(p));
  }
  std::stable_sort(by_first_.begin(), by_first_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::stable_sort(by_last_.begin(), by_last_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::vector<std::string_view> PhraseTable::first_words() const {
  std::vector<std::string_view> out;
  for (const auto& [word, index] : by_first_) out.push_back(word);
  return out;
}

int PhraseTable::Match(const std::vector<ScanWord>& words, std::size_t i,
                       std::size_t* next) const {
  if (i >= words.size()) return -1;
  auto lo = std::lower_bound(by_first_.begin(), by_first_.end(), words[i].text,
                             [](const auto& e, std::string_view t) { return e.first < t; });
  int best = -1;
  std::size_t best_next = 0;
  for (auto it = lo; it != by_first_.end() && it->first == words[i].text; ++it) {
    const auto& toks = tokens_[static_cast<std::size_t>(it->second)];
    if (i + toks.size() > words.size()) continue;
    // The longest phrase wins; among equals, the first listed.
    if (best >= 0 && (i + toks.size() < best_next ||
                      (i + toks.size() == best_next && it->second > best)))
      continue;
    bool ok = true;
    for (std::size_t k = 1; k < toks.size() && ok; ++k) ok = words[i + k].text == toks[k];
    if (ok) {
      best = it->second;
      best_next = i + toks.size();
    }
  }
  if (best >= 0 && next != nullptr) *next = best_next;
  return best;
}

int PhraseTable::MatchBefore(const std::vector<ScanWord>& words, std::size_t end,
                             std::size_t* first) const {
  if (end == 0 || end > words.size()) return -1;
  std::string_view last = words[end - 1].text;
  auto lo = std::lower_bound(by_last_.begin(), by_last_.end(), last,
                             [](const auto& e, std::string_view t) { return e.first < t; });
  int best = -1;
  std::size_t best_first = 0;
  for (auto it = lo; it != by_last_.end() && it->first == last; ++it) {
    const auto& toks = tokens_[static_cast<std::size_t>(it->second)];
    if (toks.size() > end) continue;
    const std::size_t start = end - toks.size();
    if (best >= 0 && (start > best_first || (start == best_first && it->second > best)))
      continue;
    bool ok = true;
    for (std::size_t k = 0; k + 1 < toks.size() && ok; ++k) ok = words[start + k].text == toks[k];
    if (ok) {
      best = it->second;
      best_first = start;
    }
  }
  if (best >= 0 && first != nullptr) *first = best_first;
  return best;
}

}  // namespace policytext::internal
