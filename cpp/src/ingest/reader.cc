// Reader: bytes -> charset -> format parser -> Document (text, blocks with
// spans and section paths, languages, sentences, looks_like_policy).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "ingest/charset.h"
#include "ingest/policy_check.h"
#include "ingest/raw_block.h"
#include "policytext/document.h"
#include "text/utf8.h"

namespace policytext {
namespace internal {

namespace {
inline bool IsCollapsible(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
}  // namespace

void AppendCollapsed(std::string_view in, std::string& out, bool& pending_space) {
  // Written through a pointer into room made up front (the input plus one
  // space at most), not appended run by run: this is called for every text
  // node, and the per-append bookkeeping showed up in profiles.
  // The flag is kept in a local: through the reference it is reloaded after
  // every byte written.
  const std::size_t old_size = out.size();
  out.resize(old_size + in.size() + 1);
  char* const base = out.data();
  char* w = base + old_size;
  bool pending = pending_space;
  for (const char c : in) {
    if (IsCollapsible(c)) {
      pending = true;
      continue;
    }
    if (pending) {
      if (w != base && w[-1] != '\n' && w[-1] != ' ') *w++ = ' ';
      pending = false;
    }
    *w++ = c;
  }
  out.resize(static_cast<std::size_t>(w - base));
  pending_space = pending;
}

std::string TrimLines(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out.append(line);
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return out;
}

namespace {

std::string LowerHead(std::string_view s, std::size_t n) {
  std::string out(s.substr(0, std::min(n, s.size())));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' ||
                        s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

// HTML when the text opens like a document or carries several common tags.
bool SniffHtml(std::string_view bytes) {
  const std::string head = LowerHead(SkipBomAndSpace(bytes), 4096);
  for (std::string_view opener : {"<!doctype html", "<html", "<head", "<body"}) {
    if (head.rfind(opener, 0) == 0) return true;
  }
  if (head.rfind("<?xml", 0) == 0 && head.find("<html") != std::string::npos) return true;
  int tags = 0;
  for (std::string_view tag : {"<p>", "<p ", "</p>", "<div", "<br", "<h1", "<h2", "<h3", "<table",
                               "<ul", "<li", "<a href", "<span", "<meta", "<title"}) {
    if (head.find(tag) != std::string::npos) ++tags;
  }
  const bool starts_with_tag = !head.empty() && head[0] == '<';
  return tags >= 5 || (starts_with_tag && tags >= 2);
}

// Markdown when headings, setext underlines, table rules or inline markup show.
bool SniffMarkdown(std::string_view text) {
  text = text.substr(0, std::min<std::size_t>(text.size(), 64 * 1024));
  int score = 0;
  std::size_t pos = 0;
  std::string_view prev;
  while (pos < text.size() && score < 6) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') score += 3;
    const bool rule = line.size() >= 3 && (line.find_first_not_of('=') == std::string_view::npos ||
                                           line.find_first_not_of('-') == std::string_view::npos);
    // A setext underline ("===" or "---" under a line of text).
    if (rule && !prev.empty() && prev.find_first_not_of(" \t") != std::string_view::npos &&
        prev.find_first_not_of("=-") != std::string_view::npos) {
      score += 3;
    }
    if (line.find("|---") != std::string_view::npos || line.find("| ---") != std::string_view::npos ||
        line.find("---|") != std::string_view::npos) {
      score += 3;
    }
    if (line.find("](") != std::string_view::npos) score += 1;
    if (line.find("**") != std::string_view::npos) score += 1;
    prev = line;
    pos = end + 1;
  }
  return score >= 3;
}

SourceFormat FormatFromExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return SourceFormat::kHtml;
  if (ext == ".md" || ext == ".markdown" || ext == ".mdown") return SourceFormat::kMarkdown;
  if (ext == ".txt" || ext == ".text") return SourceFormat::kText;
  return SourceFormat::kAuto;
}

// Whether `s` holds at least `min_words` words (runs of bytes other than
// space, newline and tab). Stops counting there: a block needs only to reach
// the threshold, and counting every word of the text cost 3% of a full read.
bool HasWords(std::string_view s, std::size_t min_words) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in && ++n >= min_words) return true;
    in = !sp;
  }
  return n >= min_words;
}

// The document's language is detected on at most three windows of 128 KiB
// (start, middle, end), cut at block boundaries: enough to tell, and bounded.
// A short text is its own sample, viewed rather than copied; a longer one is
// assembled in `storage`.
std::string_view LanguageSample(const Document& doc, std::string& storage) {
  constexpr std::size_t kWindow = 128 * 1024;
  if (doc.text.size() <= 3 * kWindow) return doc.text;
  std::string& sample = storage;
  for (const std::size_t from : {std::size_t{0}, doc.text.size() / 2, doc.text.size() - kWindow}) {
    const auto first = std::lower_bound(
        doc.blocks.begin(), doc.blocks.end(), from,
        [](const Block& b, std::size_t at) { return b.span.begin < at; });
    std::size_t taken = 0;
    for (auto it = first; it != doc.blocks.end() && taken < kWindow; ++it) {
      sample.append(doc.text, it->span.begin, it->span.size());
      sample += "\n\n";
      taken += it->span.size() + 2;
    }
  }
  return sample;
}

// A byte offset into Document::text with its code-point offset.
struct Edge {
  std::size_t byte = 0;
  std::size_t chars = 0;
};
Edge Later(const Edge& a, const Edge& b) { return a.byte >= b.byte ? a : b; }
Edge Earlier(const Edge& a, const Edge& b) { return a.byte <= b.byte ? a : b; }
Span SpanOf(const Edge& begin, const Edge& end) {
  return Span{begin.byte, end.byte, begin.chars, end.chars};
}

// Blocks shorter than this inherit a language instead of being detected.
constexpr std::size_t kMinWordsForLanguage = 8;

}  // namespace
}  // namespace internal

StatusOr<std::shared_ptr<const Reader>> Reader::Create() {
  auto engine = TextEngine::Create();
  if (!engine.ok()) return engine.status();
  return Create(std::move(engine).value());
}

StatusOr<std::shared_ptr<const Reader>> Reader::Create(std::shared_ptr<const TextEngine> engine) {
  if (engine == nullptr) return InvalidArgumentError("Reader::Create: null text engine");
  return std::shared_ptr<const Reader>(new Reader(std::move(engine)));
}

Reader::Reader(std::shared_ptr<const TextEngine> engine) : engine_(std::move(engine)) {}
Reader::~Reader() = default;

StatusOr<Document> Reader::Read(std::string_view bytes, const ReadOptions& options) const {
  using namespace internal;  // NOLINT: the ingest helpers
  if (bytes.size() > options.max_bytes) {
    return ResourceExhaustedError("input of " + std::to_string(bytes.size()) +
                                  " bytes exceeds max_bytes (" +
                                  std::to_string(options.max_bytes) + ")");
  }
  Document doc;
  doc.source_bytes = bytes.size();

  // Charset. HTML is sniffed on the raw bytes (ASCII markup) so that <meta>
  // can take part; UTF-16 input has a BOM or is recognised by the decoder.
  SourceFormat format = options.format;
  const bool html_hint =
      format == SourceFormat::kHtml || (format == SourceFormat::kAuto && SniffHtml(bytes));
  auto decoded = DecodeToUtf8(bytes, html_hint, options.charset);
  if (!decoded.ok()) return decoded.status();
  doc.charset = decoded->charset;
  doc.warnings = std::move(decoded->warnings);
  doc.invalid_utf8 = decoded->invalid_utf8;
  const std::string& utf8 = decoded->utf8;
  if (format == SourceFormat::kAuto) {
    if (html_hint || SniffHtml(utf8)) {
      format = SourceFormat::kHtml;
    } else if (SniffMarkdown(utf8)) {
      format = SourceFormat::kMarkdown;
    } else {
      format = SourceFormat::kText;
    }
  }
  doc.format = format;

  ParseLimits limits;
  limits.max_depth = options.max_depth;
  limits.max_blocks = options.max_blocks;
  limits.max_table_cells = options.max_table_cells;
  StatusOr<ParseResult> parsed = format == SourceFormat::kHtml       ? ParseHtml(utf8, limits)
                                 : format == SourceFormat::kMarkdown ? ParseMarkdown(utf8, limits)
                                                                     : ParseText(utf8, limits);
  if (!parsed.ok()) return parsed.status();
  for (std::string& w : parsed->warnings) doc.warnings.push_back(std::move(w));
  doc.title = std::move(parsed->title);

  // Text and blocks. Offsets into the source shift by the BOM we removed.
  std::vector<RawBlock>& raw = parsed->blocks;
  std::size_t total = 0;
  for (const RawBlock& b : raw) total += b.text.size() + 2;
  doc.text.reserve(total);
  doc.blocks.reserve(raw.size());
  std::vector<std::pair<int, std::string>> headings;  // (level, text) above
  std::vector<std::string> section;
  // Code-point offsets are counted block by block as the text grows, instead
  // of a CharIndex over the whole text (a second walk, 8% of reading blocks).
  std::size_t chars = 0;
  for (RawBlock& rb : raw) {
    if (!doc.text.empty()) {
      doc.text += "\n\n";
      chars += 2;
    }
    Block b;
    b.kind = rb.kind;
    b.level = rb.level;
    b.table_row = rb.table_row;
    b.source_begin = rb.source_begin + decoded->bom_bytes;
    b.source_end = rb.source_end + decoded->bom_bytes;
    b.span.begin = doc.text.size();
    b.span.char_begin = chars;
    doc.text += rb.text;
    chars += CountCodePoints(rb.text);  // blocks follow "\n\n": counts add up
    b.span.end = doc.text.size();
    b.span.char_end = chars;
    if (rb.kind == BlockKind::kHeading) {
      while (!headings.empty() && headings.back().first >= rb.level) headings.pop_back();
      b.section.reserve(headings.size());
      for (const auto& h : headings) b.section.push_back(h.second);
      headings.emplace_back(rb.level, std::move(rb.text));
      section.clear();
      for (const auto& h : headings) section.push_back(h.second);
    } else {
      b.section = section;
    }
    doc.blocks.push_back(std::move(b));
  }
  raw.clear();

  // Languages: the document, then each block long enough to tell; a short
  // block takes the language of the nearest detected block (the next one for
  // a heading, the previous one otherwise), else the document's.
  if (options.lang != Language::kUnd || !options.detect_language) {
    doc.lang = options.lang;
    doc.lang_confidence = options.lang != Language::kUnd ? 1.0 : 0.0;
    for (Block& b : doc.blocks) {
      b.lang = doc.lang;
      b.lang_confidence = doc.lang_confidence;
    }
  } else {
    std::string sample_storage;
    const LanguageGuess g = engine_->DetectLanguage(LanguageSample(doc, sample_storage));
    doc.lang = g.lang;
    doc.lang_confidence = g.confidence;
    std::vector<bool> detected(doc.blocks.size(), false);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      Block& b = doc.blocks[i];
      const std::string_view t(doc.text.data() + b.span.begin, b.span.size());
      if (HasWords(t, kMinWordsForLanguage)) {
        const LanguageGuess bg = engine_->DetectLanguage(t);
        if (bg.lang != Language::kUnd) {
          b.lang = bg.lang;
          b.lang_confidence = bg.confidence;
          detected[i] = true;
        }
      }
    }
    // Previous detected language, then next, per block.
    Language prev = Language::kUnd;
    std::vector<Language> before(doc.blocks.size()), after(doc.blocks.size());
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      before[i] = prev;
      if (detected[i]) prev = doc.blocks[i].lang;
    }
    Language next = Language::kUnd;
    for (std::size_t i = doc.blocks.size(); i-- > 0;) {
      after[i] = next;
      if (detected[i]) next = doc.blocks[i].lang;
    }
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      if (detected[i]) continue;
      Block& b = doc.blocks[i];
      Language pick = b.kind == BlockKind::kHeading ? after[i] : before[i];
      if (pick == Language::kUnd) pick = b.kind == BlockKind::kHeading ? before[i] : after[i];
      if (pick == Language::kUnd) pick = doc.lang;
      b.lang = pick;
      b.lang_confidence = 0.0;  // inherited, not measured
    }
  }

  // Sentences: one splitter call per run of blocks in the same language (the
  // splitter ends sentences at blank lines, which separate blocks); each
  // sentence is then cut at block boundaries, so none crosses a block.
  if (options.sentences) {
    doc.sentences.reserve(doc.blocks.size() * 2);
    std::size_t i = 0;
    while (i < doc.blocks.size()) {
      std::size_t j = i + 1;
      while (j < doc.blocks.size() && doc.blocks[j].lang == doc.blocks[i].lang) ++j;
      const std::size_t run_begin = doc.blocks[i].span.begin;
      const std::size_t run_end = doc.blocks[j - 1].span.end;
      const std::string_view run(doc.text.data() + run_begin, run_end - run_begin);
      auto list = engine_->Sentences(run, doc.blocks[i].lang);
      if (!list.ok()) return list.status();
      // Code-point offsets come from the splitter (relative to the run, which
      // starts at a block start) and from the block spans, not from a CharIndex
      // look-up per sentence and clause. Offsets past the run are clamped to
      // its end.
      const Edge run_last{run_end, doc.blocks[j - 1].span.char_end};
      auto edge = [&](std::size_t offset, std::size_t chars) {
        return offset > run.size() ? run_last
                                   : Edge{run_begin + offset, doc.blocks[i].span.char_begin + chars};
      };
      std::size_t k = i;  // the block the next sentence starts in
      for (Sentence& s : list->sentences) {
        const Edge sb = edge(s.span.begin, s.span.char_begin);
        const Edge se = s.span.end < s.span.begin ? sb : edge(s.span.end, s.span.char_end);
        while (k < j && doc.blocks[k].span.end <= sb.byte) ++k;
        // Pieces of the sentence inside blocks k, k+1, ... (one, normally).
        for (std::size_t m = k; m < j && doc.blocks[m].span.begin < se.byte; ++m) {
          const Block& b = doc.blocks[m];
          const Edge pb = Later(sb, {b.span.begin, b.span.char_begin});
          const Edge pe = Earlier(se, {b.span.end, b.span.char_end});
          if (pb.byte >= pe.byte) continue;
          Sentence piece;
          piece.span = SpanOf(pb, pe);
          piece.block = static_cast<std::int64_t>(m);
          for (const Span& c : s.clauses) {
            const Edge cb = Later(edge(c.begin, c.char_begin), pb);
            const Edge ce = Earlier(edge(c.end, c.char_end), pe);
            if (cb.byte < ce.byte) piece.clauses.push_back(SpanOf(cb, ce));
          }
          if (piece.clauses.empty()) piece.clauses.push_back(piece.span);
          doc.sentences.push_back(std::move(piece));
        }
      }
      i = j;
    }
  }

  PolicySignals signals;
  signals.title = doc.title;
  signals.script_bytes = parsed->script_bytes;
  signals.login_fields = parsed->form_fields;
  doc.policy = CheckPolicy(doc, signals);
  return doc;
}

StatusOr<Document> Reader::ReadFile(const std::string& path, const ReadOptions& options) const {
  std::error_code ec;
  const std::filesystem::path p(path);
  const auto status = std::filesystem::status(p, ec);
  if (ec || !std::filesystem::exists(status)) return NotFoundError("no such file: " + path);
  if (std::filesystem::is_directory(status)) {
    return InvalidArgumentError("is a directory, not a file: " + path);
  }
  const auto size = std::filesystem::file_size(p, ec);
  if (!ec && size > options.max_bytes) {
    return ResourceExhaustedError("file " + path + " of " + std::to_string(size) +
                                  " bytes exceeds max_bytes (" +
                                  std::to_string(options.max_bytes) + ")");
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) return PermissionDeniedError("cannot open " + path);
  std::string bytes;
  if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options.max_bytes) {
      return ResourceExhaustedError("file " + path + " exceeds max_bytes (" +
                                    std::to_string(options.max_bytes) + ")");
    }
  }
  ReadOptions opts = options;
  if (opts.format == SourceFormat::kAuto) opts.format = internal::FormatFromExtension(path);
  return Read(bytes, opts);
}

}  // namespace policytext
