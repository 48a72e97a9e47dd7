// Reading a policy (HTML, Markdown or plain text, any common charset) into a
// Document: the analysed UTF-8 text cut into blocks that know their section.
//
//   auto reader = policytext::Reader::Create();
//   if (!reader.ok()) return reader.status();
//   policytext::StatusOr<policytext::Document> doc =
//       (*reader)->Read(html_bytes, {.format = policytext::SourceFormat::kHtml});
//   for (const policytext::Block& b : doc->blocks)
//     std::cout << doc->text.substr(b.span.begin, b.span.size()) << "\n";
#ifndef POLICYTEXT_DOCUMENT_H_
#define POLICYTEXT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/clause.h"
#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext {

enum class SourceFormat : std::uint8_t { kAuto = 0, kHtml, kMarkdown, kText };
std::string_view SourceFormatName(SourceFormat format);  // "auto", "html", ...
StatusOr<SourceFormat> ParseSourceFormat(std::string_view name);

enum class BlockKind : std::uint8_t {
  kHeading = 0,
  kParagraph,
  kListItem,
  kTableCell,
  kDefinitionTerm,
  kDefinition,
  kCode,
  kQuote,
};
std::string_view BlockKindName(BlockKind kind);  // "heading", "list_item", ...

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;  // heading level 1..6; list nesting depth from 1; else 0
  Span span;      // into Document::text
  std::vector<std::string> section;  // the headings above, outermost first
  Language lang = Language::kUnd;
  double lang_confidence = 0.0;
  // Byte range of the block's element in the source (as UTF-8 after
  // transcoding; the caller's bytes when the input was UTF-8).
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::int64_t table_row = -1;  // table cells: row index within the table
};

struct PolicyCheck {
  bool looks_like_policy = false;
  double score = 0.0;  // 0..1
  std::string reason;  // why, in a few words
};

struct ReadOptions {
  SourceFormat format = SourceFormat::kAuto;
  Language lang = Language::kUnd;  // kUnd: detect per block and per document
  std::string charset;             // empty: BOM, then <meta>, then detection
  std::size_t max_bytes = std::size_t{64} << 20;  // larger input: ResourceExhausted
  int max_depth = 512;  // deeper HTML nesting is flattened (clamped to 4096), with a warning
  std::size_t max_blocks = 2'000'000;  // more blocks: ResourceExhausted
  // A Markdown input whose table lines would make more cells than this reads
  // its tables as plain paragraphs (with a warning) instead of building them.
  std::size_t max_table_cells = 1'000'000;
  bool sentences = true;        // false: Document::sentences stays empty
  bool detect_language = true;  // false: every block takes `lang` (kUnd if unset)
};

struct Document {
  std::string text;  // the analysed UTF-8 text; blocks are separated by "\n\n"
  std::vector<Block> blocks;
  std::vector<Sentence> sentences;  // never cross a block boundary
  Language lang = Language::kUnd;
  double lang_confidence = 0.0;
  SourceFormat format = SourceFormat::kText;
  std::string charset;  // the charset the source was read as
  std::string title;    // HTML <title>, collapsed; empty for other formats
  std::size_t source_bytes = 0;
  std::size_t invalid_utf8 = 0;
  PolicyCheck policy;
  std::vector<std::string> warnings;  // limits hit, transcoding losses

  // Filled by Analyzer; empty after Reader::Read.
  std::vector<Clause> clauses;
  Summary summary;
};

class Reader {
 public:
  static StatusOr<std::shared_ptr<const Reader>> Create();
  // Shares an existing text engine.
  static StatusOr<std::shared_ptr<const Reader>> Create(std::shared_ptr<const TextEngine> engine);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  StatusOr<Document> Read(std::string_view bytes, const ReadOptions& options = {}) const;
  // NotFound, PermissionDenied or ResourceExhausted before reading the bytes.
  StatusOr<Document> ReadFile(const std::string& path, const ReadOptions& options = {}) const;

  const TextEngine& engine() const { return *engine_; }

 private:
  explicit Reader(std::shared_ptr<const TextEngine> engine);
  std::shared_ptr<const TextEngine> engine_;
};

}  // namespace policytext

#endif  // POLICYTEXT_DOCUMENT_H_
