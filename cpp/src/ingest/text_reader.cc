// Plain text to blocks: blank lines separate paragraphs; lines that start with
// a list marker ("-", "*", "•", "1.", "1)", "a)") are list items, nested by
// indentation; a paragraph of one short line is a heading when it is numbered
// ("2. Data we keep", "3.1 Retention", "Article 4 - ...") or written in capitals.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/raw_block.h"

namespace policytext::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

struct Line {
  std::string_view text;  // without the line break
  std::size_t begin = 0;  // source offset of the first byte
  int indent = 0;         // columns of leading white space (tab = 4)
};

// Length of a list marker at the start of `s` (including the space after it),
// or 0.
std::size_t ListMarker(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') return 2;
  for (std::string_view bullet : {"•", "◦", "▪", "–", "—", "·"}) {
    if (s.substr(0, bullet.size()) == bullet && s.size() > bullet.size() &&
        s[bullet.size()] == ' ') {
      return bullet.size() + 1;
    }
  }
  // "1." "12)" "a)" "(a)" "iv)" followed by a space.
  std::size_t i = 0;
  const bool paren = !s.empty() && s[0] == '(';
  if (paren) ++i;
  const std::size_t start = i;
  while (i < s.size() && i - start < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == start) {
    // A single letter or a short roman numeral.
    while (i < s.size() && i - start < 4 && std::islower(static_cast<unsigned char>(s[i]))) ++i;
    if (i - start > 1) {
      for (std::size_t k = start; k < i; ++k) {
        if (std::strchr("ivx", s[k]) == nullptr) return 0;
      }
    }
    if (i == start || i >= s.size() || s[i] != ')') return 0;
  }
  if (i >= s.size()) return 0;
  if (s[i] != '.' && s[i] != ')') return 0;
  if (paren && s[i] != ')') return 0;
  ++i;
  if (i >= s.size() || s[i] != ' ') return 0;
  return i + 1;
}

bool HasLowercaseLetter(std::string_view s) {
  // ASCII lower case, or a UTF-8 lowercase Latin-1 letter (à..ÿ: C3 A0..C3 BF).
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
  }
  return false;
}

int CountLetters(std::string_view s) {
  int n = 0;
  for (char c : s) n += std::isalpha(static_cast<unsigned char>(c)) != 0;
  return n;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = IsSpace(c);
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The heading level of a one-line paragraph, or 0.
int HeadingLevel(std::string_view line) {
  if (line.size() > 100 || CountWords(line) > 14 || CountWords(line) == 0) return 0;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!') return 0;
  // Numbered section: "2. Title", "2.1 Title", "2.1. Title", "II. Title".
  std::size_t i = 0;
  int parts = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) {
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    ++parts;
    if (i < line.size() && line[i] == '.') ++i;
  }
  if (parts > 0 && i < line.size() && line[i] == ' ') {
    std::size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    if (j < line.size() && std::isupper(static_cast<unsigned char>(line[j]))) {
      return std::min(parts + 1, 6);
    }
    // "2. données" with a lowercase or accented start: still a title in fr.
    if (j < line.size() && static_cast<unsigned char>(line[j]) >= 0x80) return std::min(parts + 1, 6);
    return 0;
  }
  for (std::string_view prefix : {"Article ", "ARTICLE ", "Section ", "SECTION "}) {
    if (line.substr(0, prefix.size()) == prefix && line.size() > prefix.size() &&
        std::isdigit(static_cast<unsigned char>(line[prefix.size()]))) {
      return 2;
    }
  }
  // ALL CAPS: at least four letters, none lower case.
  if (CountLetters(line) >= 4 && !HasLowercaseLetter(line)) return 1;
  return 0;
}

std::string JoinLines(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                      std::size_t skip_first) {
  std::string out;
  bool pending = false;
  for (std::size_t k = from; k < to; ++k) {
    std::string_view t = lines[k].text;
    if (k == from) t.remove_prefix(std::min(skip_first, t.size()));
    if (!out.empty()) pending = true;
    AppendCollapsed(t, out, pending);
  }
  return out;
}

}  // namespace

StatusOr<ParseResult> ParseText(std::string_view utf8, const ParseLimits& limits) {
  ParseResult result;
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view t = utf8.substr(pos, end - pos);
    if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
    Line line;
    line.begin = pos;
    int indent = 0;
    std::size_t k = 0;
    while (k < t.size() && IsSpace(t[k])) {
      indent += t[k] == '\t' ? 4 : 1;
      ++k;
    }
    line.text = t.substr(k);
    while (!line.text.empty() && IsSpace(line.text.back())) line.text.remove_suffix(1);
    line.begin = pos + k;
    line.indent = indent;
    lines.push_back(line);
    if (end == utf8.size()) break;
    pos = end + 1;
  }

  // Indentation of list markers seen so far, for nesting.
  std::vector<int> list_indents;
  auto emit = [&](BlockKind kind, int level, std::string text, std::size_t b, std::size_t e) {
    if (text.empty()) return;
    RawBlock block;
    block.kind = kind;
    block.level = level;
    block.text = std::move(text);
    block.source_begin = b;
    block.source_end = e;
    result.blocks.push_back(std::move(block));
  };

  std::size_t i = 0;
  while (i < lines.size()) {
    if (result.blocks.size() > limits.max_blocks) {
      return ResourceExhaustedError("text: more than max_blocks (" +
                                    std::to_string(limits.max_blocks) + ") blocks");
    }
    if (lines[i].text.empty()) {
      ++i;
      continue;
    }
    const std::size_t marker = ListMarker(lines[i].text);
    // The lines of this block: up to a blank line or the next list marker.
    std::size_t j = i + 1;
    while (j < lines.size() && !lines[j].text.empty() && ListMarker(lines[j].text) == 0) ++j;
    const std::size_t b = lines[i].begin;
    const std::size_t e = lines[j - 1].begin + lines[j - 1].text.size();
    // "1. Introduction" alone between blank lines, before prose: a heading.
    bool numbered_heading = false;
    if (marker > 0 && j == i + 1 && std::isdigit(static_cast<unsigned char>(lines[i].text[0])) &&
        (i == 0 || lines[i - 1].text.empty()) && (j >= lines.size() || lines[j].text.empty())) {
      std::size_t k = j;
      while (k < lines.size() && lines[k].text.empty()) ++k;
      // Followed by prose or by a bulleted (not numbered) list.
      const bool next_numbered = k < lines.size() && ListMarker(lines[k].text) > 0 &&
                                 std::isdigit(static_cast<unsigned char>(lines[k].text[0]));
      numbered_heading = !next_numbered && HeadingLevel(lines[i].text) > 0;
    }
    if (marker > 0 && !numbered_heading) {
      const int indent = lines[i].indent;
      while (!list_indents.empty() && list_indents.back() > indent) list_indents.pop_back();
      if (list_indents.empty() || list_indents.back() < indent) list_indents.push_back(indent);
      emit(BlockKind::kListItem, static_cast<int>(list_indents.size()),
           JoinLines(lines, i, j, marker), b, e);
    } else {
      list_indents.clear();
      const int level = j == i + 1 ? HeadingLevel(lines[i].text) : 0;
      emit(level > 0 ? BlockKind::kHeading : BlockKind::kParagraph, level,
           JoinLines(lines, i, j, 0), b, e);
    }
    i = j;
  }
  return result;
}

}  // namespace policytext::internal
