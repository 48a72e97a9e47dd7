#include "text/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace policytext::internal {
namespace {
constexpr std::size_t kBlock = 64;

// Whether byte b starts a new code point as ICU's U8_NEXT reads the text:
// any byte that is not a continuation byte of a valid sequence.
// Simpler: count code points with U8_NEXT from the block start, which stays
// exact because blocks are cut at code point starts (see constructor).
}  // namespace

std::size_t CountInvalidUtf8(std::string_view bytes) {
  std::size_t invalid = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const std::int32_t n = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) ++invalid;
  }
  return invalid;
}

std::string ReplaceInvalidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const std::int32_t n = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < n) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

std::size_t CountCodePoints(std::string_view utf8) {
  // Eight ASCII bytes at a time: most policy text is ASCII.
  const auto* p = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t eight;
      std::memcpy(&eight, p + i, 8);
      if ((eight & 0x8080808080808080ULL) == 0) {  // eight ASCII bytes
        i += 8;
        count += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
    } else {
      std::int32_t j = 0;
      const auto len = static_cast<std::int32_t>(std::min<std::size_t>(n - i, 4));
      UChar32 c;
      U8_NEXT(p + i, j, len, c);
      (void)c;
      i += static_cast<std::size_t>(j);
    }
    ++count;
  }
  return count;
}

CharIndex::CharIndex(std::string_view utf8) : text_(utf8) {
  // block_chars_[k] = code points before the first code point that starts at or
  // after byte k * kBlock. Walk the text once with U8_NEXT (invalid = 1 char).
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::int64_t n = static_cast<std::int64_t>(utf8.size());
  block_chars_.assign(utf8.size() / kBlock + 2, 0);
  std::int64_t i = 0;
  std::uint32_t chars = 0;
  std::size_t next_block = 0;
  while (i < n) {
    while (next_block * kBlock <= static_cast<std::size_t>(i)) block_chars_[next_block++] = chars;
    if (s[i] < 0x80) {
      ++i;
    } else {
      std::int32_t j = 0;
      const std::int32_t len = static_cast<std::int32_t>(std::min<std::int64_t>(n - i, 4));
      UChar32 c;
      U8_NEXT(s + i, j, len, c);
      (void)c;
      i += j;
    }
    ++chars;
  }
  while (next_block < block_chars_.size()) block_chars_[next_block++] = chars;
}

std::size_t CharIndex::CharOffset(std::size_t byte_offset) const {
  if (byte_offset >= text_.size()) return block_chars_.back();
  // Start from the block's first code point start and walk forward.
  std::size_t block = byte_offset / kBlock;
  std::size_t chars = block_chars_[block];
  // Find the first code point start at or after block * kBlock: it is the
  // position reached by walking from the previous block's anchor, so walk
  // from the previous anchor point instead, which is exact by construction.
  std::size_t i = 0;
  if (block > 0) {
    // Re-walk from the beginning of the previous block is unnecessary: the
    // anchor for `block` is the first start >= block * kBlock. Compute it by
    // skipping continuation bytes of valid sequences.
    i = block * kBlock;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
    // Back up to the start of the sequence containing i (at most 3 bytes).
    std::size_t back = i;
    for (int k = 0; k < 3 && back > 0 && (s[back] & 0xC0) == 0x80; ++k) --back;
    if (back != i) {
      std::int32_t j = 0;
      const std::int32_t len =
          static_cast<std::int32_t>(std::min<std::size_t>(text_.size() - back, 4));
      UChar32 c;
      U8_NEXT(s + back, j, len, c);
      (void)c;
      // The sequence at `back` covers i: the anchor is its end.
      if (back + static_cast<std::size_t>(j) > i) i = back + static_cast<std::size_t>(j);
    }
  }
  const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
  const std::size_t n = text_.size();
  while (i < byte_offset && i < n) {
    if (s[i] < 0x80) {
      ++i;
    } else {
      std::int32_t j = 0;
      const std::int32_t len = static_cast<std::int32_t>(std::min<std::size_t>(n - i, 4));
      UChar32 c;
      U8_NEXT(s + i, j, len, c);
      (void)c;
      i += static_cast<std::size_t>(j);
    }
    ++chars;
  }
  // An offset inside a multi-byte character maps to that character.
  if (i > byte_offset && chars > 0) --chars;
  return chars;
}

std::size_t CharIndex::size_chars() const { return block_chars_.back(); }

}  // namespace policytext::internal
