#include "extract/wordscan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>

namespace policytext::internal {
namespace {

enum class CharClass { kSpace, kLetter, kDigit, kPunct };

CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      return CharClass::kSpace;
    return CharClass::kPunct;
  }
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
    U8_NEXT(s, i, n, c);
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
      U8_NEXT(s, i, n, d);
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

}  // namespace policytext::internal
