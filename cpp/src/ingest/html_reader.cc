// HTML to blocks with gumbo (an HTML5 parser), in three steps:
//  1. A cheap tag scan estimates the nesting depth; tags nested deeper than
//     max_depth are blanked (replaced by spaces, so source offsets hold) before
//     gumbo sees them. This bounds gumbo's stack (its tree destructor recurses)
//     and its open-element scans (quadratic in the depth).
//  2. A post-order pass computes, for every element, its visible text, link
//     text, links, buttons and whether it mentions cookies.
//  3. A pre-order pass drops chrome by structure (scripts, hidden elements,
//     nav, page header/footer, consent dialogs, link-dense menus outside the
//     main content) and turns the rest into blocks.
// Both passes are iterative: no recursion over the tree.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "ingest/raw_block.h"

namespace policytext::internal {
namespace {

constexpr int kHardMaxDepth = 4096;  // ReadOptions::max_depth is clamped to this

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Step 1: depth pre-scan.

bool IsVoidOrOptionalEnd(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
      // elements whose end tag may be omitted and which close their siblings
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(n, name)) return true;
  }
  return false;
}

bool IsRawTextElement(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style",    "textarea", "title",
                                                "xmp",    "iframe",   "noembed",  "noframes",
                                                "plaintext"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(n, name)) return true;
  }
  return false;
}

// Formatting elements are re-opened by the tree builder at every new block
// while they stay unclosed, so their number multiplies the tree size.
bool IsFormattingElement(std::string_view name) {
  static constexpr std::string_view kNames[] = {"a",     "b",     "big", "code",  "em",
                                                "font",  "i",     "nobr", "s",    "small",
                                                "strike", "strong", "tt",  "u"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(n, name)) return true;
  }
  return false;
}

constexpr int kMaxOpenFormatting = 16;

bool IsTagNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

// Returns the ranges of tags to blank so that no element nests deeper than
// `max_depth`; empty when the input is shallow enough.
// An edit of the source before gumbo: `cut` ranges (script and style bodies,
// comments) are removed, the others (tags nested too deep) blanked.
struct Edit {
  std::size_t begin;
  std::size_t end;
  bool cut;
};

std::vector<Edit> PrescanEdits(std::string_view s, int max_depth, int* max_seen,
                               std::size_t* blanked) {
  std::vector<Edit> edits;
  struct BlankList {
    std::vector<Edit>* edits;
    std::size_t* count;
    void emplace_back(std::size_t b, std::size_t e) {
      edits->push_back({b, e, false});
      ++*count;
    }
  } blank{&edits, blanked};
  // Per open element: 0 kept, 1 blanked, 2 kept formatting element.
  std::vector<std::uint8_t> blanked_stack;
  int depth = 0;
  int open_formatting = 0;
  std::size_t i = 0;
  while (true) {
    const void* p = std::memchr(s.data() + i, '<', s.size() - i);
    if (p == nullptr) break;
    const std::size_t lt = static_cast<const char*>(p) - s.data();
    i = lt + 1;
    if (i >= s.size()) break;
    if (s.compare(i, 3, "!--") == 0) {
      const std::size_t end = s.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      edits.push_back({lt, i, true});
      continue;
    }
    const bool closing = s[i] == '/';
    const std::size_t name_begin = closing ? i + 1 : i;
    if (name_begin >= s.size() || !((s[name_begin] >= 'a' && s[name_begin] <= 'z') ||
                                    (s[name_begin] >= 'A' && s[name_begin] <= 'Z'))) {
      continue;  // "<!doctype", "<?xml", "< " and the like
    }
    std::size_t name_end = name_begin;
    while (name_end < s.size() && IsTagNameChar(s[name_end])) ++name_end;
    const std::string_view name = s.substr(name_begin, name_end - name_begin);
    // The end of the tag, skipping quoted attribute values.
    std::size_t j = name_end;
    char quote = 0;
    while (j < s.size()) {
      const char c = s[j];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++j;
    }
    const std::size_t gt = std::min(j, s.size() - 1);
    i = gt + 1;
    if (closing) {
      if (IsVoidOrOptionalEnd(name) || blanked_stack.empty()) continue;
      if (blanked_stack.back() == 1) blank.emplace_back(lt, gt + 1);
      if (blanked_stack.back() == 2) --open_formatting;
      blanked_stack.pop_back();
      --depth;
      continue;
    }
    if (IsRawTextElement(name)) {
      // Skip to the matching end tag: its content is not markup.
      std::size_t k = i;
      while (true) {
        k = s.find("</", k);
        if (k == std::string_view::npos || k + 2 + name.size() > s.size()) {
          k = s.size();
          break;
        }
        if (EqualsIgnoreCase(s.substr(k + 2, name.size()), name)) break;
        k += 2;
      }
      // Script and style bodies are never text: cut them before parsing.
      if (k > i && (EqualsIgnoreCase(name, "script") || EqualsIgnoreCase(name, "style"))) {
        edits.push_back({i, k, true});
      }
      i = k;
      continue;
    }
    if (IsVoidOrOptionalEnd(name)) continue;
    ++depth;
    *max_seen = std::max(*max_seen, depth);
    const bool formatting = IsFormattingElement(name);
    const bool too_deep =
        depth > max_depth || (formatting && open_formatting >= kMaxOpenFormatting);
    if (too_deep) blank.emplace_back(lt, gt + 1);
    if (formatting && !too_deep) ++open_formatting;
    blanked_stack.push_back(too_deep ? 1 : formatting ? 2 : 0);
    if (i >= s.size()) break;
  }
  return edits;
}

// ---------------------------------------------------------------------------
// Element classes.

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_DATALIST:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_DIR:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

std::string_view Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool HasAttr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name) != nullptr;
}

// "display: none" / "visibility:hidden" in an inline style.
bool StyleHides(std::string_view style) {
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact += Lower(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool StyleFloats(std::string_view style) {
  std::string compact;
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact += Lower(c);
  }
  return compact.find("position:fixed") != std::string::npos ||
         compact.find("position:sticky") != std::string::npos;
}

bool IsHidden(const GumboElement& el) {
  if (HasAttr(el, "hidden")) return true;
  if (EqualsIgnoreCase(Attr(el, "aria-hidden"), "true")) return true;
  const std::string_view style = Attr(el, "style");
  return !style.empty() && StyleHides(style);
}

// gumbo 0.10 predates <dialog>: it parses as an unknown tag.
bool IsDialogTag(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN || el.original_tag.length < 7) return false;
  return EqualsIgnoreCase(std::string_view(el.original_tag.data + 1, 6), "dialog");
}

bool RoleIs(const GumboElement& el, std::string_view role) {
  return EqualsIgnoreCase(Attr(el, "role"), role);
}

bool IsButtonLike(const GumboElement& el) {
  if (el.tag == GUMBO_TAG_BUTTON) return true;
  if (el.tag == GUMBO_TAG_INPUT) {
    const std::string_view type = Attr(el, "type");
    return EqualsIgnoreCase(type, "button") || EqualsIgnoreCase(type, "submit") ||
           EqualsIgnoreCase(type, "reset");
  }
  return RoleIs(el, "button");
}

bool IsLoginField(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_INPUT) return false;
  const std::string_view type = Attr(el, "type");
  return EqualsIgnoreCase(type, "password");
}

// An <input> a user types into (not hidden, not a button or a box to tick).
bool IsTextField(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_INPUT) return false;
  const std::string_view type = Attr(el, "type");
  for (const char* t : {"hidden", "button", "submit", "reset", "checkbox", "radio", "image"}) {
    if (EqualsIgnoreCase(type, t)) return false;
  }
  return true;
}

// Mentions cookies or consent trackers (en, fr), ASCII case-insensitively.
bool MentionsCookies(std::string_view text) {
  static constexpr std::string_view kWords[] = {"cookie", "témoin", "traceur", "tracker"};
  for (std::string_view w : kWords) {
    if (text.size() < w.size()) continue;
    for (std::size_t i = 0; i + w.size() <= text.size(); ++i) {
      if (Lower(text[i]) == w[0] && EqualsIgnoreCase(text.substr(i, w.size()), w)) return true;
    }
  }
  return false;
}

std::size_t VisibleChars(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += !IsAsciiSpace(c);
  return n;
}

// ---------------------------------------------------------------------------
// Step 2: per-element statistics, in pre-order numbering.

struct Stats {
  std::uint32_t descendants = 0;  // element descendants (for skipping ids)
  std::uint64_t text = 0;         // visible characters (bytes) of text
  std::uint64_t link_text = 0;    // of which inside <a href>
  std::uint32_t links = 0;
  std::uint32_t buttons = 0;
  std::uint32_t h1 = 0;           // <h1> descendants (or self)
  std::uint32_t headings = 0;
  std::uint32_t fields = 0;  // visible text-entry inputs (e-mail, search, ...)
  bool cookies = false;
};

struct WalkFrame {
  const GumboNode* node;
  unsigned child;
  std::uint32_t id;
};

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

bool IsSkippedElement(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = node->v.element;
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  return IsSkippedTag(el.tag);
}

struct DocStats {
  std::vector<Stats> stats;  // indexed by pre-order element id
  std::string title;
  std::size_t script_bytes = 0;
  std::size_t login_fields = 0;
};

void CollectStats(const GumboNode* root, DocStats& out) {
  std::vector<WalkFrame> stack;
  std::vector<std::uint32_t> link_depth_ids;  // ids of open <a href>
  out.stats.emplace_back();
  stack.push_back({root, 0, 0});
  int in_link = 0;
  while (!stack.empty()) {
    WalkFrame& f = stack.back();
    const GumboVector* children = Children(f.node);
    if (children == nullptr || f.child >= children->length) {
      // Exit: fold into the parent.
      const std::uint32_t id = f.id;
      const GumboNode* node = f.node;
      if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A &&
          HasAttr(node->v.element, "href")) {
        --in_link;
      }
      stack.pop_back();
      if (!stack.empty()) {
        Stats& parent = out.stats[stack.back().id];
        const Stats& s = out.stats[id];
        parent.descendants += s.descendants + 1;
        parent.text += s.text;
        parent.link_text += s.link_text;
        parent.links += s.links;
        parent.buttons += s.buttons;
        parent.h1 += s.h1;
        parent.headings += s.headings;
        parent.fields += s.fields;
        parent.cookies = parent.cookies || s.cookies;
      }
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(children->data[f.child++]);
    Stats& cur = out.stats[f.id];
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA: {
        const std::string_view t(child->v.text.text);
        const std::size_t n = VisibleChars(t);
        cur.text += n;
        if (in_link > 0) cur.link_text += n;
        if (!cur.cookies && MentionsCookies(t)) cur.cookies = true;
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (IsSkippedElement(child)) {
          if (child->type == GUMBO_NODE_ELEMENT) {
            const GumboElement& el = child->v.element;
            if (el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE ||
                el.tag == GUMBO_TAG_NOSCRIPT) {
              for (unsigned k = 0; k < el.children.length; ++k) {
                const auto* t = static_cast<const GumboNode*>(el.children.data[k]);
                if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE) {
                  out.script_bytes += std::strlen(t->v.text.text);
                }
              }
            } else if (el.tag == GUMBO_TAG_HEAD) {
              // <title> lives in <head>.
              for (unsigned k = 0; k < el.children.length; ++k) {
                const auto* t = static_cast<const GumboNode*>(el.children.data[k]);
                if (t->type == GUMBO_NODE_ELEMENT && t->v.element.tag == GUMBO_TAG_TITLE &&
                    t->v.element.children.length > 0) {
                  const auto* tx =
                      static_cast<const GumboNode*>(t->v.element.children.data[0]);
                  if (tx->type == GUMBO_NODE_TEXT) {
                    bool pending = false;
                    out.title.clear();
                    AppendCollapsed(tx->v.text.text, out.title, pending);
                  }
                }
                if (t->type == GUMBO_NODE_ELEMENT &&
                    (t->v.element.tag == GUMBO_TAG_SCRIPT ||
                     t->v.element.tag == GUMBO_TAG_STYLE)) {
                  for (unsigned m = 0; m < t->v.element.children.length; ++m) {
                    const auto* tx =
                        static_cast<const GumboNode*>(t->v.element.children.data[m]);
                    if (tx->type == GUMBO_NODE_TEXT || tx->type == GUMBO_NODE_WHITESPACE) {
                      out.script_bytes += std::strlen(tx->v.text.text);
                    }
                  }
                }
              }
            } else if (IsButtonLike(el)) {
              ++cur.buttons;
            } else if (IsTextField(el)) {
              ++cur.fields;
              if (IsLoginField(el)) ++out.login_fields;
            }
          }
          break;
        }
        const GumboElement& el = child->v.element;
        const auto id = static_cast<std::uint32_t>(out.stats.size());
        out.stats.emplace_back();
        Stats& s = out.stats.back();
        if (IsButtonLike(el)) ++s.buttons;
        if (el.tag == GUMBO_TAG_A && HasAttr(el, "href")) {
          ++s.links;
          ++in_link;
        }
        if (const int h = HeadingLevel(el.tag); h > 0) {
          ++s.headings;
          if (h == 1) ++s.h1;
        }
        stack.push_back({child, 0, id});
        break;
      }
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// Step 3: blocks.

enum class Drop { kKeep, kHidden, kChrome };

class BlockBuilder {
 public:
  BlockBuilder(std::string_view source, const ParseLimits& limits, ParseResult& out)
      : source_(source), limits_(limits), out_(out) {}

  struct Context {
    BlockKind kind = BlockKind::kParagraph;
    int level = 0;
    std::int64_t table_row = -1;
  };

  // Starts a block-level element: ends the running block.
  void Flush() {
    // Trim the end (spaces and line breaks).
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
    if (!text_.empty() && !failed_) {
      if (out_.blocks.size() >= limits_.max_blocks) {
        failed_ = true;
        return;
      }
      RawBlock b;
      b.kind = kind_;
      b.level = level_;
      b.table_row = table_row_;
      b.text = std::move(text_);
      b.source_begin = begin_;
      b.source_end = std::max(end_, begin_);
      out_.blocks.push_back(std::move(b));
    }
    text_.clear();
    pending_space_ = false;
    open_ = false;
  }

  void Text(const GumboNode* node, const Context& ctx, std::size_t element_begin, bool pre) {
    const std::string_view t(node->v.text.text);
    if (!open_) {
      // The first visible character opens a block in the current context.
      if (!pre && VisibleChars(t) == 0) return;
      open_ = true;
      kind_ = ctx.kind;
      level_ = ctx.level;
      table_row_ = ctx.table_row;
      begin_ = element_begin;
      end_ = 0;
    }
    const std::size_t text_end = node->v.text.start_pos.offset + node->v.text.original_text.length;
    end_ = std::max(end_, std::min(text_end, source_.size()));
    if (pre) {
      AppendPre(t);
    } else {
      AppendCollapsed(t, text_, pending_space_);
    }
  }

  void LineBreak() {
    if (!open_ || text_.empty()) return;
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty() && text_.back() == '\n') {
      // <br><br>: a paragraph break.
      Flush();
      return;
    }
    text_ += '\n';
    pending_space_ = false;
  }

  void SetEnd(std::size_t end) {
    if (open_) end_ = std::max(end_, std::min(end, source_.size()));
  }

  bool failed() const { return failed_; }

 private:
  void AppendPre(std::string_view t) {
    for (char c : t) {
      if (c == '\r') continue;
      if (c == '\n' && (text_.empty() || text_.back() == '\n')) continue;  // no blank lines
      text_ += c;
    }
  }

  std::string_view source_;
  const ParseLimits& limits_;
  ParseResult& out_;
  std::string text_;
  bool pending_space_ = false;
  bool open_ = false;
  bool failed_ = false;
  BlockKind kind_ = BlockKind::kParagraph;
  int level_ = 0;
  std::int64_t table_row_ = -1;
  std::size_t begin_ = 0, end_ = 0;
};

struct GumboOutputCloser {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

double LinkDensity(const Stats& s) {
  return s.text == 0 ? 0.0 : static_cast<double>(s.link_text) / static_cast<double>(s.text);
}

// The element whose text is the page's main content: a <main> (or role=main)
// or a single <article> holding most of the visible text; else null (the body).
const GumboNode* FindMainRoot(const GumboNode* root, const DocStats& ds) {
  const std::uint64_t total = ds.stats.empty() ? 0 : ds.stats[0].text;
  if (total == 0) return nullptr;
  const GumboNode* best = nullptr;
  std::uint64_t best_text = 0;
  int articles = 0;
  const GumboNode* article = nullptr;
  std::uint64_t article_text = 0;
  std::vector<WalkFrame> stack;
  stack.push_back({root, 0, 0});
  std::uint32_t next_id = 1;
  while (!stack.empty()) {
    WalkFrame& f = stack.back();
    const GumboVector* children = Children(f.node);
    if (children == nullptr || f.child >= children->length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[f.child++]);
    if ((child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE) ||
        IsSkippedElement(child)) {
      continue;
    }
    const std::uint32_t id = next_id++;
    const GumboElement& el = child->v.element;
    const Stats& s = ds.stats[id];
    if ((el.tag == GUMBO_TAG_MAIN || RoleIs(el, "main")) && s.text > best_text) {
      best = child;
      best_text = s.text;
    }
    if (el.tag == GUMBO_TAG_ARTICLE) {
      ++articles;
      if (s.text > article_text) {
        article = child;
        article_text = s.text;
      }
    }
    stack.push_back({child, 0, id});
  }
  // A <main> holding at least 60% of the visible text; a lone <article> with 60%.
  if (best != nullptr && best_text * 10 >= total * 6) return best;
  if (articles == 1 && article_text * 10 >= total * 6) return article;
  return nullptr;
}

// The smallest element holding 80% of the page's non-link text: the content
// container of pages without <main> or <article>. Null when that is <body>.
const GumboNode* FindContentNode(const GumboNode* document, const DocStats& ds) {
  auto prose = [&](std::uint32_t id) { return ds.stats[id].text - ds.stats[id].link_text; };
  const GumboNode* node = document;
  std::uint32_t id = 0;
  while (true) {
    const std::uint64_t total = prose(id);
    if (total == 0) break;
    const GumboVector* children = Children(node);
    if (children == nullptr) break;
    std::uint32_t cid = id + 1;
    const GumboNode* best = nullptr;
    std::uint32_t best_id = 0;
    for (unsigned k = 0; k < children->length; ++k) {
      const auto* c = static_cast<const GumboNode*>(children->data[k]);
      if ((c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE) ||
          IsSkippedElement(c)) {
        continue;
      }
      if (prose(cid) * 10 >= total * 8) {
        best = c;
        best_id = cid;
      }
      cid += ds.stats[cid].descendants + 1;
    }
    if (best == nullptr) break;
    node = best;
    id = best_id;
  }
  if (node == document || node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ? nullptr : node;
}

// Prose that happens to be hidden (collapsed accordion panels) is kept; small
// or link-dense hidden elements (menus, dialogs, templates) are dropped.
bool LooksLikeProse(const Stats& s) { return s.text >= 300 && LinkDensity(s) < 0.3; }

Drop Classify(const GumboElement& el, const Stats& s, bool in_content, bool has_content_node) {
  if (IsHidden(el) && !LooksLikeProse(s)) return Drop::kHidden;
  // Navigation: menus whatever their place, unless they hold real prose.
  if (el.tag == GUMBO_TAG_NAV || RoleIs(el, "navigation") || RoleIs(el, "menu") ||
      RoleIs(el, "menubar")) {
    if (!(s.text >= 1500 && LinkDensity(s) < 0.2)) return Drop::kChrome;
  }
  // Page header and footer (not those of an article or section).
  if (!in_content) {
    if ((el.tag == GUMBO_TAG_HEADER || RoleIs(el, "banner")) && s.h1 == 0) return Drop::kChrome;
    if (el.tag == GUMBO_TAG_FOOTER || RoleIs(el, "contentinfo")) return Drop::kChrome;
  }
  // Consent banners: a small block that mentions cookies and offers buttons,
  // shown as a dialog / fixed layer, or two or more buttons outside the content.
  if (s.cookies && s.buttons >= 1 && s.text <= 1500 && s.h1 == 0) {
    const bool dialog = IsDialogTag(el) || RoleIs(el, "dialog") ||
                        RoleIs(el, "alertdialog") ||
                        EqualsIgnoreCase(Attr(el, "aria-modal"), "true") ||
                        StyleFloats(Attr(el, "style"));
    if (dialog || (!in_content && s.buttons >= 2)) return Drop::kChrome;
  }
  // Outside the content: sign-up, search and login boxes (a text field and a
  // button, little text).
  if (!in_content && s.fields >= 1 && s.buttons >= 1 && s.text <= 600 && s.h1 == 0) {
    return Drop::kChrome;
  }
  // Menus and link farms outside the article: mostly link text, several links.
  // Where a content container was found, what lies outside it needs less.
  const double max_density = has_content_node ? 0.5 : 0.75;
  // Menu entries are short: links of 60+ visible characters on average are
  // sentences (a list of related policies, partners described in full).
  const bool short_links = s.links > 0 && s.link_text <= 60ull * s.links;
  if (!in_content && s.links >= 3 && short_links && LinkDensity(s) >= max_density &&
      s.headings <= 1) {
    switch (el.tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_MENU:
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_P:
      case GUMBO_TAG_DL:
        return Drop::kChrome;
      default:
        break;
    }
  }
  return Drop::kKeep;
}

enum ExitAction : unsigned {
  kExitFlush = 1u << 0,
  kExitPopContext = 1u << 1,
  kExitList = 1u << 2,
  kExitTable = 1u << 3,
  kExitPre = 1u << 4,
  kExitContent = 1u << 5,
  kExitQuote = 1u << 6,
};

struct BuildFrame {
  const GumboNode* node;
  unsigned child;
  std::uint32_t id;
  unsigned exit;
  std::size_t begin;  // source offset of the innermost block element
};

Status BuildBlocks(const GumboNode* html_root, std::string_view source, const DocStats& ds,
                   const GumboNode* main_root, const GumboNode* content_node,
                   const ParseLimits& limits, ParseResult& out) {
  BlockBuilder builder(source, limits, out);
  std::vector<BlockBuilder::Context> contexts(1);
  std::vector<std::int64_t> table_rows;
  int list_depth = 0;
  int pre_depth = 0;
  int quote_depth = 0;
  // Content depth: > 0 inside <main>, <article> or the chosen main root.
  int content_depth = 0;
  const bool has_main_root = main_root != nullptr;
  bool inside_main_root = false;
  bool inside_content_node = false;

  std::vector<BuildFrame> stack;
  stack.push_back({html_root, 0, 0, 0, 0});
  std::uint32_t next_id = 1;
  while (!stack.empty()) {
    BuildFrame& f = stack.back();
    const GumboVector* children = Children(f.node);
    if (children == nullptr || f.child >= children->length) {
      const unsigned exit = f.exit;
      if (f.node->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& el = f.node->v.element;
        if (el.original_end_tag.length > 0) {
          builder.SetEnd(el.end_pos.offset + el.original_end_tag.length);
        }
      }
      if (f.node == main_root) inside_main_root = false;
      if (f.node == content_node) inside_content_node = false;
      stack.pop_back();
      if (exit & kExitFlush) builder.Flush();
      if (exit & kExitPopContext) contexts.pop_back();
      if (exit & kExitList) --list_depth;
      if (exit & kExitTable) table_rows.pop_back();
      if (exit & kExitPre) --pre_depth;
      if (exit & kExitContent) --content_depth;
      if (exit & kExitQuote) --quote_depth;
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[f.child++]);
    const std::size_t parent_begin = f.begin;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (has_main_root && !inside_main_root) break;
        builder.Text(child, contexts.back(), parent_begin, pre_depth > 0);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (IsSkippedElement(child)) break;
        const std::uint32_t id = next_id++;
        const Stats& s = ds.stats[id];
        const GumboElement& el = child->v.element;
        const bool in_content =
            content_depth > 0 || inside_content_node || (has_main_root && inside_main_root);
        const Drop drop = Classify(el, s, in_content, content_node != nullptr || has_main_root);
        const bool outside_main = has_main_root && !inside_main_root;
        if (drop != Drop::kKeep) {
          if (!outside_main) out.dropped_chrome_chars += s.text;
          next_id += s.descendants;
          if (IsBlockTag(el.tag)) builder.Flush();
          break;
        }
        if (el.tag == GUMBO_TAG_BR) {
          builder.LineBreak();
          break;
        }
        BuildFrame nf{child, 0, id, 0, parent_begin};
        if (child == main_root) inside_main_root = true;
        if (child == content_node) inside_content_node = true;
        if (el.tag == GUMBO_TAG_MAIN || el.tag == GUMBO_TAG_ARTICLE || RoleIs(el, "main")) {
          ++content_depth;
          nf.exit |= kExitContent;
        }
        if (IsBlockTag(el.tag) || RoleIs(el, "heading")) {
          builder.Flush();
          nf.exit |= kExitFlush;
          nf.begin = el.start_pos.offset;
          BlockBuilder::Context ctx = contexts.back();
          bool push = true;
          if (int h = HeadingLevel(el.tag); h > 0 || RoleIs(el, "heading")) {
            if (h == 0) {
              const std::string_view lvl = Attr(el, "aria-level");
              h = lvl.size() == 1 && lvl[0] >= '1' && lvl[0] <= '6' ? lvl[0] - '0' : 2;
            }
            ctx = {BlockKind::kHeading, h, -1};
          } else if (el.tag == GUMBO_TAG_LI) {
            ctx = {BlockKind::kListItem, std::max(1, list_depth), -1};
          } else if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) {
            ctx = {BlockKind::kTableCell, 0, table_rows.empty() ? 0 : table_rows.back()};
          } else if (el.tag == GUMBO_TAG_DT) {
            ctx = {BlockKind::kDefinitionTerm, 0, -1};
          } else if (el.tag == GUMBO_TAG_DD) {
            ctx = {BlockKind::kDefinition, 0, -1};
          } else if (el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_LISTING) {
            ctx = {BlockKind::kCode, 0, -1};
            ++pre_depth;
            nf.exit |= kExitPre;
          } else if (el.tag == GUMBO_TAG_BLOCKQUOTE) {
            ctx = {BlockKind::kQuote, 0, -1};
            ++quote_depth;
            nf.exit |= kExitQuote;
          } else if (el.tag == GUMBO_TAG_P || el.tag == GUMBO_TAG_CAPTION ||
                     el.tag == GUMBO_TAG_FIGCAPTION || el.tag == GUMBO_TAG_SUMMARY) {
            ctx = {quote_depth > 0 ? BlockKind::kQuote : BlockKind::kParagraph, 0, -1};
          } else if (el.tag == GUMBO_TAG_TABLE) {
            table_rows.push_back(-1);
            nf.exit |= kExitTable;
            ctx = {BlockKind::kParagraph, 0, -1};
          } else if (el.tag == GUMBO_TAG_TR) {
            if (!table_rows.empty()) ++table_rows.back();
            push = false;
          } else if (el.tag == GUMBO_TAG_UL || el.tag == GUMBO_TAG_OL ||
                     el.tag == GUMBO_TAG_MENU || el.tag == GUMBO_TAG_DIR) {
            ++list_depth;
            nf.exit |= kExitList;
            push = false;
          } else if (el.tag == GUMBO_TAG_DIV || el.tag == GUMBO_TAG_SECTION ||
                     el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN) {
            // Text directly in a container inside a list item stays a list item;
            // elsewhere it is a paragraph.
            push = false;
          } else {
            push = false;
          }
          if (push) {
            contexts.push_back(ctx);
            nf.exit |= kExitPopContext;
          }
        }
        stack.push_back(nf);
        break;
      }
      default:
        break;
    }
    if (builder.failed()) {
      return ResourceExhaustedError("html: more than max_blocks (" +
                                    std::to_string(limits.max_blocks) + ") blocks");
    }
  }
  builder.Flush();
  if (builder.failed()) {
    return ResourceExhaustedError("html: more than max_blocks (" +
                                  std::to_string(limits.max_blocks) + ") blocks");
  }
  return OkStatus();
}

}  // namespace

StatusOr<ParseResult> ParseHtml(std::string_view utf8, const ParseLimits& limits) {
  ParseResult result;
  const int max_depth = std::clamp(limits.max_depth, 8, kHardMaxDepth);
  if (limits.max_depth > kHardMaxDepth) {
    result.warnings.push_back("max_depth clamped to " + std::to_string(kHardMaxDepth));
  }
  // Step 1: cut script/style bodies and comments, blank what nests too deep.
  int max_seen = 0;
  std::size_t blanked = 0;
  const std::vector<Edit> edits = PrescanEdits(utf8, max_depth, &max_seen, &blanked);
  std::string edited;
  std::string_view source = utf8;
  // (offset in `edited`, bytes cut before it), to map offsets back to `utf8`.
  std::vector<std::pair<std::size_t, std::size_t>> shifts;
  std::size_t cut_bytes = 0;
  if (!edits.empty()) {
    edited.reserve(utf8.size());
    std::size_t at = 0;
    for (const Edit& e : edits) {
      if (e.begin < at) continue;  // overlapping (should not happen)
      edited.append(utf8.data() + at, e.begin - at);
      if (e.cut) {
        cut_bytes += e.end - e.begin;
        shifts.emplace_back(edited.size(), cut_bytes);
      } else {
        edited.append(e.end - e.begin, ' ');
      }
      at = e.end;
    }
    edited.append(utf8.data() + at, utf8.size() - at);
    source = edited;
  }
  if (blanked > 0) {
    result.warnings.push_back("html nesting deeper than max_depth (" + std::to_string(max_depth) +
                              ") or over " + std::to_string(kMaxOpenFormatting) +
                              " unclosed formatting elements: " + std::to_string(blanked) +
                              " tags flattened (deepest " + std::to_string(max_seen) + ")");
  }
  auto to_source = [&](std::size_t offset) {
    auto it = std::upper_bound(shifts.begin(), shifts.end(),
                               std::make_pair(offset, std::numeric_limits<std::size_t>::max()));
    return it == shifts.begin() ? offset : offset + std::prev(it)->second;
  };

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboOutputCloser> output(
      gumbo_parse_with_options(&options, source.data(), source.size()));
  if (output == nullptr) return InternalError("html: the parser returned nothing");

  // Step 2.
  DocStats ds;
  ds.stats.reserve(source.size() / 64 + 16);
  CollectStats(output->document, ds);
  result.title = std::move(ds.title);
  result.script_bytes = ds.script_bytes + cut_bytes;
  result.form_fields = ds.login_fields;

  // Step 3.
  const GumboNode* main_root = FindMainRoot(output->document, ds);
  const GumboNode* content_node = FindContentNode(output->document, ds);
  Status st = BuildBlocks(output->document, source, ds, main_root, content_node, limits, result);
  if (!st.ok()) return st;
  if (!shifts.empty()) {
    for (RawBlock& b : result.blocks) {
      b.source_begin = to_source(b.source_begin);
      b.source_end = b.source_end == 0 ? 0 : to_source(b.source_end - 1) + 1;
    }
  }
  // Copyright lines ("© 2025 ...", "Copyright (c) ...") are page chrome.
  std::erase_if(result.blocks, [&](const RawBlock& b) {
    const std::string_view t = b.text;
    const bool copyright = t.size() < 160 && (t.substr(0, 2) == "\xC2\xA9" ||
                                              t.substr(0, 11) == "Copyright \xC2\xA9" ||
                                              t.substr(0, 13) == "Copyright (c)");
    if (copyright) result.dropped_chrome_chars += t.size();
    return copyright;
  });
  return result;
}

}  // namespace policytext::internal
