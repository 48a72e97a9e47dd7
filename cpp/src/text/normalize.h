// The normalised view that rules match against, with its alignment back to the
// original bytes.
#ifndef POLICYTEXT_SRC_TEXT_NORMALIZE_H_
#define POLICYTEXT_SRC_TEXT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policytext::internal {

// NFC, case-folded, ’ ‘ ʼ ′ and ' unified to ', NBSP (U+00A0), narrow NBSP
// (U+202F) and other spaces to ' ', invalid sequences to U+FFFD.
struct AlignedText {
  std::string text;
  // to_source[i] = byte offset in the source of the character that produced
  // normalised byte i; size text.size() + 1, the last entry is the source size.
  std::vector<std::uint32_t> to_source;

  std::size_t SourceOffset(std::size_t normalized_offset) const {
    return to_source[normalized_offset];
  }
};

AlignedText NormalizeAligned(std::string_view utf8);

// Just the normalised string (same rules), for short strings such as tokens.
std::string NormalizeString(std::string_view utf8);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_TEXT_NORMALIZE_H_
