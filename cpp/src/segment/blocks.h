// Block boundaries inside plain or Markdown text: blank lines, list items,
// headings and table rows. A block boundary always ends a sentence; single line
// breaks inside a block do not (hard-wrapped paragraphs stay whole).
#ifndef POLICYTEXT_SRC_SEGMENT_BLOCKS_H_
#define POLICYTEXT_SRC_SEGMENT_BLOCKS_H_

#include <cstddef>
#include <string_view>

namespace policytext::internal {

enum class LineKind {
  kBlank,     // only whitespace
  kText,      // continues the current block
  kListItem,  // starts a block: "- ", "* ", "+ ", "• ", "1. ", "1) ", "a) "
  kStandalone,  // a block of its own: "# heading", "| table row", "**bold line**", "---"
};

// Classifies one line (without its line ending).
LineKind ClassifyLine(std::string_view line);

// Bytes of a leading bullet marker ("- ", "• ", "## ") plus the spaces after it,
// 0 when `text` does not start with one. Numbered markers are kept (not counted).
std::size_t BulletLength(std::string_view text);

// Streams the blocks of a text in order. Each block is [begin, end) with end at
// the start of its last line ending (or the text end); blank lines belong to no
// block. Linear in the text size; one line of lookahead.
class BlockScanner {
 public:
  explicit BlockScanner(std::string_view text) : text_(text) {}
  bool Next(std::size_t* begin, std::size_t* end);

 private:
  // Reads the line at pos_: sets [line_begin, line_end) and advances pos_
  // past its line ending. False at the end of the text.
  bool ReadLine(std::size_t* line_begin, std::size_t* line_end);

  std::string_view text_;
  std::size_t pos_ = 0;
  // Cached positions of the next '\n' / '\r' (text size when none is left).
  std::size_t next_nl_ = 0, next_cr_ = 0;
  bool have_nl_ = false, have_cr_ = false;
  // A line read ahead that starts the next block.
  bool pending_ = false;
  std::size_t pending_begin_ = 0, pending_end_ = 0;
  LineKind pending_kind_ = LineKind::kBlank;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_SEGMENT_BLOCKS_H_
