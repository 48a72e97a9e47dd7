// Markdown to blocks with cmark-gfm (CommonMark + the GFM table extension).
// Headings (ATX and setext), paragraphs, nested lists, block quotes, tables,
// code blocks; emphasis and links reduced to their text; raw HTML blocks go
// through the HTML reader. Source ranges come from cmark's line/column
// positions, turned into byte offsets.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/raw_block.h"

namespace policytext::internal {
namespace {

struct ParserCloser {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeCloser {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterCloser {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};

// Byte offset of every line start, the way cmark counts lines (\n, \r\n, \r).
std::vector<std::size_t> LineStarts(std::string_view s) {
  std::vector<std::size_t> starts;
  starts.reserve(s.size() / 40 + 2);
  starts.push_back(0);
  if (std::memchr(s.data(), '\r', s.size()) == nullptr) {
    // The common case: \n only, found with memchr.
    const char* p = s.data();
    const char* end = p + s.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) !=
           nullptr) {
      ++p;
      starts.push_back(static_cast<std::size_t>(p - s.data()));
    }
    return starts;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      starts.push_back(i + 1);
    } else if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      starts.push_back(i + 1);
    }
  }
  return starts;
}

class Positions {
 public:
  explicit Positions(std::string_view s) : size_(s.size()), starts_(LineStarts(s)) {}
  // line and column are 1-based; `inclusive_end` adds the last byte.
  std::size_t Offset(int line, int column, bool inclusive_end) const {
    if (line <= 0) return 0;
    const auto l = static_cast<std::size_t>(line - 1);
    if (l >= starts_.size()) return size_;
    std::size_t off = starts_[l] + static_cast<std::size_t>(std::max(column, 1) - 1);
    if (inclusive_end && column > 0) ++off;
    return std::min(off, size_);
  }

 private:
  std::size_t size_;
  std::vector<std::size_t> starts_;
};

cmark_syntax_extension* TableExtension() {
  static cmark_syntax_extension* table = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return cmark_find_syntax_extension("table");
  }();
  return table;
}

bool IsType(cmark_node* node, const char* name) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && std::strcmp(t, name) == 0;
}

// The number of cells the table extension could build, estimated by the
// pipes (a row of n cells has n - 1 to n + 1 of them), to refuse a table that
// would expand into more than max_table_cells nodes before cmark builds it.
std::size_t EstimateTableCells(std::string_view s) {
  // memchr skips the long stretches without a pipe faster than std::count.
  std::size_t pipes = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while ((p = static_cast<const char*>(std::memchr(p, '|', static_cast<std::size_t>(end - p)))) !=
         nullptr) {
    ++pipes;
    ++p;
  }
  return pipes;
}

class Builder {
 public:
  Builder(std::string_view source, const ParseLimits& limits, ParseResult& out)
      : source_(source), pos_(source), limits_(limits), out_(out) {}

  Status Run(cmark_node* doc) {
    std::unique_ptr<cmark_iter, IterCloser> it(cmark_iter_new(doc));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(it.get());
      const bool enter = ev == CMARK_EVENT_ENTER;
      if (skip_ > 0) {
        if (node == skip_node_ && !enter) {
          skip_ = 0;
          skip_node_ = nullptr;
        }
        continue;
      }
      Visit(node, enter);
      if (out_.blocks.size() > limits_.max_blocks) {
        return ResourceExhaustedError("markdown: more than max_blocks (" +
                                      std::to_string(limits_.max_blocks) + ") blocks");
      }
    }
    return OkStatus();
  }

 private:
  void Visit(cmark_node* node, bool enter) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST:
        list_depth_ += enter ? 1 : -1;
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        quote_depth_ += enter ? 1 : -1;
        return;
      case CMARK_NODE_ITEM:
        return;
      case CMARK_NODE_HEADING:
        if (enter) {
          Open(node, BlockKind::kHeading, cmark_node_get_heading_level(node));
        } else {
          Close();
        }
        return;
      case CMARK_NODE_PARAGRAPH:
        if (in_cell_) return;
        if (enter) {
          if (list_depth_ > 0 && InItem(node)) {
            Open(node, BlockKind::kListItem, list_depth_);
          } else {
            Open(node, quote_depth_ > 0 ? BlockKind::kQuote : BlockKind::kParagraph, 0);
          }
        } else {
          Close();
        }
        return;
      case CMARK_NODE_CODE_BLOCK: {
        const char* lit = cmark_node_get_literal(node);
        Open(node, BlockKind::kCode, 0);
        if (lit != nullptr) {
          for (const char* p = lit; *p != '\0'; ++p) {
            if (*p == '\r') continue;
            if (*p == '\n' && (text_.empty() || text_.back() == '\n')) continue;
            text_ += *p;
          }
        }
        Close();
        return;
      }
      case CMARK_NODE_HTML_BLOCK:
        HtmlBlock(node);
        return;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (enter) Append(cmark_node_get_literal(node));
        return;
      case CMARK_NODE_SOFTBREAK:
        if (open_) pending_space_ = true;
        return;
      case CMARK_NODE_LINEBREAK:
        LineBreak();
        return;
      case CMARK_NODE_HTML_INLINE: {
        // Inline tags: <br> breaks the line; block-level tags (<p>, <div>,
        // <li>, <hN>, <tr>...) break the block, as they would in a browser.
        const char* lit = cmark_node_get_literal(node);
        if (lit == nullptr) return;
        std::string tag;
        for (const char* p = lit + 1; *p != '\0' && tag.size() < 12; ++p) {
          if (*p == '/' && tag.empty()) continue;
          if (!std::isalnum(static_cast<unsigned char>(*p))) break;
          tag += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
        }
        if (tag == "br") {
          LineBreak();
        } else if (tag == "p" || tag == "div" || tag == "li" || tag == "tr" || tag == "table" ||
                   tag == "ul" || tag == "ol" || tag == "section" || tag == "blockquote" ||
                   (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')) {
          SplitBlock();
        }
        return;
      }
      case CMARK_NODE_IMAGE:
        if (enter && cmark_node_first_child(node) != nullptr) {
          skip_ = 1;
          skip_node_ = node;
        }
        return;
      case CMARK_NODE_DOCUMENT:
      case CMARK_NODE_THEMATIC_BREAK:
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_LINK:
        // Core nodes with nothing to do; returning here spares the four
        // type-name comparisons below (these are the most frequent nodes).
        return;
      default:
        break;
    }
    // Extension nodes: the table.
    if (IsType(node, "table")) {
      if (enter) row_ = -1;
      return;
    }
    if (IsType(node, "table_row") || IsType(node, "table_header")) {
      if (enter) {
        ++row_;
        row_node_ = node;
      }
      return;
    }
    if (IsType(node, "table_cell")) {
      if (enter) {
        Open(node, BlockKind::kTableCell, 0);
        table_row_ = row_;
        in_cell_ = true;
        if (cmark_node_get_start_line(node) <= 0 && row_node_ != nullptr) SetRange(row_node_);
      } else {
        Close();
        in_cell_ = false;
      }
      return;
    }
  }

  static bool InItem(cmark_node* node) {
    cmark_node* parent = cmark_node_parent(node);
    return parent != nullptr && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
  }

  void SetRange(cmark_node* node) {
    begin_ = pos_.Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node), false);
    end_ = pos_.Offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node), true);
    if (end_ < begin_) end_ = begin_;
  }

  void Open(cmark_node* node, BlockKind kind, int level) {
    Close();
    open_ = true;
    kind_ = kind;
    level_ = level;
    table_row_ = -1;
    SetRange(node);
  }

  void Append(const char* literal) {
    if (!open_ || literal == nullptr) return;
    AppendCollapsed(literal, text_, pending_space_);
  }

  void LineBreak() {
    if (!open_) return;
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty() && text_.back() == '\n') {
      // Two line breaks in a row (<br><br>): a paragraph break, as in HTML.
      SplitBlock();
      return;
    }
    if (!text_.empty()) text_ += '\n';
    pending_space_ = false;
  }

  // Ends the running block and opens another of the same kind and range.
  void SplitBlock() {
    if (!open_) return;
    const BlockKind kind = kind_;
    const int level = level_;
    const std::int64_t row = table_row_;
    const std::size_t begin = begin_, end = end_;
    Close();
    open_ = true;
    kind_ = kind;
    level_ = level;
    table_row_ = row;
    begin_ = begin;
    end_ = end;
  }

  void Close() {
    if (!open_) return;
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
    std::size_t lead = 0;
    while (lead < text_.size() && (text_[lead] == ' ' || text_[lead] == '\n')) ++lead;
    if (lead < text_.size()) {
      RawBlock b;
      b.kind = kind_;
      b.level = level_;
      b.table_row = kind_ == BlockKind::kTableCell ? table_row_ : -1;
      b.text = text_.substr(lead);
      b.source_begin = begin_;
      b.source_end = end_;
      out_.blocks.push_back(std::move(b));
    }
    text_.clear();
    pending_space_ = false;
    open_ = false;
  }

  void HtmlBlock(cmark_node* node) {
    Close();
    const char* lit = cmark_node_get_literal(node);
    if (lit == nullptr) return;
    auto parsed = ParseHtml(lit, limits_);
    if (!parsed.ok()) return;  // a broken fragment is dropped, not fatal
    SetRange(node);
    for (RawBlock& b : parsed->blocks) {
      b.source_begin = begin_;
      b.source_end = end_;
      out_.blocks.push_back(std::move(b));
    }
  }

  std::string_view source_;
  Positions pos_;
  const ParseLimits& limits_;
  ParseResult& out_;
  std::string text_;
  bool open_ = false;
  bool pending_space_ = false;
  bool in_cell_ = false;
  BlockKind kind_ = BlockKind::kParagraph;
  int level_ = 0;
  std::int64_t table_row_ = -1;
  std::int64_t row_ = -1;
  cmark_node* row_node_ = nullptr;
  std::size_t begin_ = 0, end_ = 0;
  int list_depth_ = 0;
  int quote_depth_ = 0;
  int skip_ = 0;
  cmark_node* skip_node_ = nullptr;
};

}  // namespace

StatusOr<ParseResult> ParseMarkdown(std::string_view utf8, const ParseLimits& limits) {
  ParseResult result;
  std::unique_ptr<cmark_parser, ParserCloser> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (parser == nullptr) return InternalError("markdown: cannot create the parser");
  if (const std::size_t cells = EstimateTableCells(utf8); cells > limits.max_table_cells) {
    // The table extension would build one node per cell; read the table
    // lines as plain paragraphs instead.
    result.warnings.push_back("markdown: about " + std::to_string(cells) +
                              " table cells exceed max_table_cells (" +
                              std::to_string(limits.max_table_cells) +
                              "); tables read as text");
  } else if (cmark_syntax_extension* table = TableExtension(); table != nullptr) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), utf8.data(), utf8.size());
  std::unique_ptr<cmark_node, NodeCloser> doc(cmark_parser_finish(parser.get()));
  if (doc == nullptr) return InternalError("markdown: the parser returned nothing");
  Builder builder(utf8, limits, result);
  Status st = builder.Run(doc.get());
  if (!st.ok()) return st;
  return result;
}

}  // namespace policytext::internal
