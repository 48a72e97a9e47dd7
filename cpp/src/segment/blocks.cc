#include "segment/blocks.h"

#include <cstring>

namespace policytext::internal {
namespace {

bool IsHSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Length of a non-breaking or other Unicode space at the start of `s`, else 0.
std::size_t UnicodeSpace(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  if (s.size() >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
  if (s.size() >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
      ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
    return 3;
  if (s.size() >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
  if (s.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return 3;  // BOM
  return 0;
}

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (IsHSpace(static_cast<unsigned char>(s[i])) || s[i] == '\0') {
      ++i;
      continue;
    }
    std::size_t n = UnicodeSpace(s.substr(i));
    if (n == 0) break;
    i += n;
  }
  return i;
}

bool SpaceOrEnd(std::string_view s, std::size_t i) {
  return i >= s.size() || IsHSpace(static_cast<unsigned char>(s[i])) || UnicodeSpace(s.substr(i));
}

// Bullet characters that start a list item even without a following space.
std::size_t UnicodeBullet(std::string_view s) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2",  // • U+2022
      "\xE2\x97\xA6",  // ◦ U+25E6
      "\xE2\x96\xAA",  // ▪ U+25AA
      "\xE2\x96\xA0",  // ■ U+25A0
      "\xE2\x97\x8F",  // ● U+25CF
      "\xE2\x80\x93",  // – U+2013 (needs a space, checked by the caller)
      "\xE2\x80\x94",  // — U+2014 (idem)
      "\xC2\xB7",      // · U+00B7
      "\xE2\x9E\xA4",  // ➤ U+27A4
      "\xE2\x96\xBA",  // ► U+25BA
      "\xEF\x82\xA7",  // U+F0A7 (Wingdings bullet pasted from Word)
  };
  for (std::string_view b : kBullets) {
    if (s.substr(0, b.size()) == b) return b.size();
  }
  return 0;
}

}  // namespace

LineKind ClassifyLine(std::string_view line) {
  std::size_t i = SkipSpaces(line, 0);
  if (i >= line.size()) return LineKind::kBlank;
  std::string_view s = line.substr(i);
  const char c = s[0];
  if (c == '#') {
    std::size_t j = 0;
    while (j < s.size() && j < 7 && s[j] == '#') ++j;
    if (j <= 6 && SpaceOrEnd(s, j)) return LineKind::kStandalone;
    return LineKind::kText;
  }
  if (c == '|') return LineKind::kStandalone;
  if (c == '-' || c == '*' || c == '+' || c == '_' || c == '=') {
    // Thematic break or setext underline: "---", "***", "===".
    std::size_t j = 0;
    while (j < s.size() && (s[j] == c || IsHSpace(static_cast<unsigned char>(s[j])))) ++j;
    if (j == s.size() && s.size() >= 3) return LineKind::kStandalone;
    if (c == '*' && s.size() >= 4 && s[1] == '*') {
      // A line that is entirely bold, "**Heading**", is a heading.
      std::size_t e = s.size();
      while (e > 0 && IsHSpace(static_cast<unsigned char>(s[e - 1]))) --e;
      if (e >= 4 && s[e - 1] == '*' && s[e - 2] == '*') return LineKind::kStandalone;
      return LineKind::kText;
    }
    if ((c == '-' || c == '*' || c == '+') && s.size() > 1 && SpaceOrEnd(s, 1)) {
      return LineKind::kListItem;
    }
    return LineKind::kText;
  }
  if (std::size_t n = UnicodeBullet(s)) {
    const bool dash = s[0] == '\xE2' && s[1] == '\x80' && (s[2] == '\x93' || s[2] == '\x94');
    if (!dash || SpaceOrEnd(s, n)) return LineKind::kListItem;
    return LineKind::kText;
  }
  if (c >= '0' && c <= '9') {
    std::size_t j = 0;
    while (j < s.size() && j < 4 && s[j] >= '0' && s[j] <= '9') ++j;
    if (j <= 3 && j < s.size() && (s[j] == '.' || s[j] == ')') && SpaceOrEnd(s, j + 1)) {
      return LineKind::kListItem;
    }
    return LineKind::kText;
  }
  if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && s.size() >= 2 && s[1] == ')' &&
      SpaceOrEnd(s, 2)) {
    return LineKind::kListItem;
  }
  if (c == '(' && s.size() >= 3 && s[2] == ')' &&
      ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= '0' && s[1] <= '9')) && SpaceOrEnd(s, 3)) {
    return LineKind::kListItem;
  }
  return LineKind::kText;
}

std::size_t BulletLength(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t n = 0;
  const char c = text[0];
  if (c == '-' || c == '*' || c == '+') {
    n = 1;
    if (!(text.size() > 1 && SpaceOrEnd(text, 1))) return 0;
  } else if (c == '#') {
    while (n < text.size() && n < 6 && text[n] == '#') ++n;
    if (!SpaceOrEnd(text, n)) return 0;
  } else {
    n = UnicodeBullet(text);
    if (n == 0) return 0;
  }
  return SkipSpaces(text, n);
}

bool BlockScanner::ReadLine(std::size_t* line_begin, std::size_t* line_end) {
  if (pos_ >= text_.size()) return false;
  const char* base = text_.data();
  const std::size_t n = text_.size();
  // The next '\n' and '\r' at or after pos_ are cached, so that each byte is
  // searched once even when the text mixes the two (linear time).
  auto next_of = [&](char ch, std::size_t& cache, bool& have) {
    if (!have || cache < pos_) {
      have = true;
      const void* p = std::memchr(base + pos_, ch, n - pos_);
      cache = p ? static_cast<std::size_t>(static_cast<const char*>(p) - base) : n;
    }
    return cache;
  };
  const std::size_t nl = next_of('\n', next_nl_, have_nl_);
  const std::size_t cr = next_of('\r', next_cr_, have_cr_);
  *line_begin = pos_;
  if (cr < nl) {
    *line_end = cr;
    pos_ = (cr + 1 == nl) ? nl + 1 : cr + 1;  // CR LF or a lone CR
    return true;
  }
  *line_end = nl;
  pos_ = nl < n ? nl + 1 : n;
  return true;
}

bool BlockScanner::Next(std::size_t* begin, std::size_t* end) {
  std::size_t lb = 0, le = 0;
  LineKind kind;
  // The first line of the block: the pending one, or the next non-blank line.
  if (pending_) {
    pending_ = false;
    lb = pending_begin_;
    le = pending_end_;
    kind = pending_kind_;
  } else {
    do {
      if (!ReadLine(&lb, &le)) return false;
      kind = ClassifyLine(std::string_view(text_.data() + lb, le - lb));
    } while (kind == LineKind::kBlank);
  }
  *begin = lb;
  *end = le;
  if (kind == LineKind::kStandalone) return true;
  // Extend with following text lines.
  while (ReadLine(&lb, &le)) {
    LineKind next = ClassifyLine(std::string_view(text_.data() + lb, le - lb));
    if (next == LineKind::kBlank) return true;
    if (next != LineKind::kText) {
      pending_ = true;
      pending_begin_ = lb;
      pending_end_ = le;
      pending_kind_ = next;
      return true;
    }
    *end = le;
  }
  return true;
}

}  // namespace policytext::internal
