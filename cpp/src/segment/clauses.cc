#include "segment/clauses.h"

#include <array>
#include <cstring>

namespace policytext::internal {
namespace {

// Whitespace after a separator: ASCII, NBSP (C2 A0), narrow NBSP (E2 80 AF),
// or the end of the sentence.
bool SpaceAt(std::string_view t, std::size_t i, std::size_t end) {
  if (i >= end) return true;
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (c == 0xC2 && i + 1 < end && static_cast<unsigned char>(t[i + 1]) == 0xA0) return true;
  if (c == 0xE2 && i + 2 < end && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0xAF)
    return true;
  return false;
}

}  // namespace

void ClauseRanges(std::string_view text, std::size_t begin, std::size_t end,
                  std::vector<std::pair<std::size_t, std::size_t>>& out) {
  // Most sentences hold neither separator: two memchr passes settle them.
  const char* base = text.data();
  const bool has_semicolon = std::memchr(base + begin, ';', end - begin) != nullptr;
  const bool has_colon = std::memchr(base + begin, ':', end - begin) != nullptr;
  if (!has_semicolon && !has_colon) {
    out.emplace_back(begin, end);
    return;
  }
  // Last ',' or ';' of the sentence: a ':' before it introduces an enumeration.
  std::size_t last_list_sep = end;
  for (std::size_t i = end; has_colon && i > begin; --i) {
    if (text[i - 1] == ',' || text[i - 1] == ';') {
      last_list_sep = i - 1;
      break;
    }
  }
  static constexpr auto kMarks = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'(', '[', ')', ']', ';', ':'}) t[c] = true;
    return t;
  }();
  int depth = 0;
  std::size_t start = begin;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (!kMarks[static_cast<unsigned char>(c)]) continue;
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ';' || c == ':') && SpaceAt(text, i + 1, end)) {
      const bool cut = c == ';' || (last_list_sep != end && last_list_sep > i);
      if (cut && i + 1 < end) {
        out.emplace_back(start, i + 1);
        start = i + 1;
      }
    }
  }
  out.emplace_back(start, end);
}

}  // namespace policytext::internal
