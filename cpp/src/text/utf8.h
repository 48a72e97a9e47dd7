// UTF-8 helpers shared by every stage: validation counts and the byte to
// code-point index that turns byte spans into the code-point spans Python needs.
#ifndef POLICYTEXT_SRC_TEXT_UTF8_H_
#define POLICYTEXT_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/text.h"

namespace policytext::internal {

// Number of invalid sequences, each counted the way ICU's UTF-8 UText reads
// them (one U+FFFD per maximal invalid subpart).
std::size_t CountInvalidUtf8(std::string_view bytes);

// `bytes` with each invalid sequence replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view bytes);

// Code points in `utf8`, an invalid sequence counting as one (ICU's U8_NEXT),
// as CharIndex counts them: counts of consecutive pieces that start on
// character boundaries add up to CharIndex's offsets on the whole.
std::size_t CountCodePoints(std::string_view utf8);

// Byte offset -> code-point offset for one text, built once in O(n) and
// answered in O(1). Offsets inside a multi-byte character map to that character.
class CharIndex {
 public:
  explicit CharIndex(std::string_view utf8);
  std::size_t CharOffset(std::size_t byte_offset) const;
  std::size_t size_chars() const;
  // A Span with both byte and code-point offsets.
  Span MakeSpan(std::size_t begin, std::size_t end) const {
    return Span{begin, end, CharOffset(begin), CharOffset(end)};
  }

 private:
  // Code-point count before every 64-byte block, plus a scan inside the block.
  std::string_view text_;
  std::vector<std::uint32_t> block_chars_;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_TEXT_UTF8_H_
