// The ingest stage's internal interface: each format parser turns UTF-8 source
// bytes into RawBlocks (kind, level, text, source range); reader.cc joins them
// into a Document, computes the spans, section paths, languages and sentences.
#ifndef POLICYTEXT_SRC_INGEST_RAW_BLOCK_H_
#define POLICYTEXT_SRC_INGEST_RAW_BLOCK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/document.h"
#include "policytext/status.h"

namespace policytext::internal {

struct RawBlock {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;
  std::string text;  // collapsed, trimmed, never empty, no "\n\n" inside
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::int64_t table_row = -1;
};

// What a parser hands back besides its blocks.
struct ParseResult {
  std::vector<RawBlock> blocks;
  std::string title;                  // HTML <title>, else empty
  std::vector<std::string> warnings;  // limits hit, content flattened
  // HTML only: statistics for looks_like_policy and for measuring extraction.
  std::size_t dropped_chrome_chars = 0;  // visible text removed as chrome
  std::size_t form_fields = 0;           // <input type=password|text|email> seen
  std::size_t script_bytes = 0;          // bytes inside <script>/<style>
};

struct ParseLimits {
  int max_depth = 512;
  std::size_t max_blocks = 2'000'000;
  std::size_t max_table_cells = 1'000'000;
};

StatusOr<ParseResult> ParseHtml(std::string_view utf8, const ParseLimits& limits);
StatusOr<ParseResult> ParseMarkdown(std::string_view utf8, const ParseLimits& limits);
StatusOr<ParseResult> ParseText(std::string_view utf8, const ParseLimits& limits);

// Appends `in` to `out` with runs of ASCII white space collapsed to one space,
// the way a browser renders normal text. `pending_space` carries the state
// across calls (a space is written only before the next visible character).
void AppendCollapsed(std::string_view in, std::string& out, bool& pending_space);

// Strips ASCII white space at both ends of every line and drops empty lines.
std::string TrimLines(std::string_view text);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_INGEST_RAW_BLOCK_H_
