// Sentence segmentation in three passes that each read a byte once or twice:
//  1. blocks (blank lines, list items, headings, table rows) from a line scan;
//  2. inside a block, candidate terminators ('.', '!', '?' and every other
//     Sentence_Break=ATerm/STerm character) followed by whitespace;
//  3. for each candidate, the ICU sentence BreakIterator decides on a small window
//     (the terminator, closing punctuation, spaces and the first letter after
//     them), then the language's abbreviation table may veto the break.
// ICU thus applies the UAX #29 rules where a break is possible while the bulk of
// the text is only scanned, which keeps the cost linear and far below running
// the iterator over every byte. Line breaks inside a block are read as spaces.
#include "segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "segment/abbreviations.h"
#include "segment/blocks.h"
#include "segment/clauses.h"
#include "text/utf8.h"

namespace policytext::internal {

// Sentence_Break classes the scanner needs, for ASCII from a table and for
// other code points from ICU's property data.
enum class SbClass : std::uint8_t { kOther, kTerm, kClose, kSpace, kLetter, kContinue };

struct SentenceSplitter::State {
  std::unique_ptr<icu::BreakIterator> prototype;
  AbbreviationTable fr;
  AbbreviationTable en;
  std::array<SbClass, 128> ascii{};
  std::vector<SbClass> bmp;  // U+0000..U+FFFF, from ICU's Sentence_Break data
};

namespace {

constexpr std::size_t kWindowLookahead = 48;  // bytes after the spaces given to ICU
constexpr std::size_t kMaxWordBytes = 40;     // abbreviation words are shorter

SbClass ClassOf(UChar32 c) {
  if (c == '\n' || c == '\r' || c == 0 || c == 0x85 || c == 0x2028 || c == 0x2029) return SbClass::kSpace;
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
    case U_SB_STERM:
      return SbClass::kTerm;
    case U_SB_CLOSE:
      return SbClass::kClose;
    case U_SB_SP:
      return SbClass::kSpace;
    case U_SB_UPPER:
    case U_SB_LOWER:
    case U_SB_OLETTER:
      return SbClass::kLetter;
    case U_SB_SCONTINUE:
      return SbClass::kContinue;
    default:
      return SbClass::kOther;
  }
}

// Eight bytes at p, in native order (memcpy: no alignment requirement).
std::uint64_t Load8(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Non-zero when one of the eight bytes of v is zero.
constexpr std::uint64_t HasZero(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }

// Non-zero when one of the eight bytes is '.', '!', '?' or non-ASCII.
constexpr std::uint64_t MayHoldTerminator(std::uint64_t v) {
  return HasZero(v ^ (kOnes * '.')) | HasZero(v ^ (kOnes * '!')) | HasZero(v ^ (kOnes * '?')) |
         (v & kHighs);
}

// The first position in [i, end) holding '.', '!', '?' or a byte >= 0xD6 (the
// lead byte of a code point from U+0580 on, where the non-ASCII terminators
// are), or end. 16 bytes per step with SSE2, 8 with the portable fallback.
std::size_t SkipToCandidate(const unsigned char* s, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?');
  const __m128i high = _mm_set1_epi8(static_cast<char>(0xD6));
  while (i + 16 <= end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
        _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(_mm_max_epu8(v, high), v)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
    i += 16;
  }
#else
  while (i + 8 <= end && MayHoldTerminator(Load8(s + i)) == 0) i += 8;
#endif
  while (i < end && !(s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] >= 0xD6)) ++i;
  return i;
}

// ASCII whitespace, including the information separators U+001C..U+001F that
// Python's str.isspace() also counts.
bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

// Length of a Unicode space or BOM at s[0..avail), 0 otherwise.
std::size_t UnicodeSpaceLength(const unsigned char* s, std::size_t avail) {
  if (avail >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0x85)) return 2;
  if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
      ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
    return 3;
  if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;  // U+205F
  if (avail >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;  // U+3000
  if (avail >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;  // BOM
  if (avail >= 3 && s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80) return 3;  // U+1680
  return 0;
}

// Moves [begin, end) inwards past whitespace (ASCII, Unicode spaces, NUL).
void Trim(std::string_view text, std::size_t& begin, std::size_t& end) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (begin < end) {
    if (IsAsciiSpace(s[begin]) || s[begin] == 0) {
      ++begin;
      continue;
    }
    std::size_t n = UnicodeSpaceLength(s + begin, end - begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    unsigned char c = s[end - 1];
    if (IsAsciiSpace(c) || c == 0) {
      --end;
      continue;
    }
    std::size_t n = 0;
    for (std::size_t k = 2; k <= 3 && k <= end - begin && n == 0; ++k) {
      if (UnicodeSpaceLength(s + end - k, k) == k) n = k;
    }
    if (n == 0) break;
    end -= n;
  }
}

// Per-call scratch: the cloned iterator and one UText reused for every window.
class Scratch {
 public:
  explicit Scratch(const icu::BreakIterator& prototype) : bi_(prototype.clone()) {}
  ~Scratch() { utext_close(&ut_); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // First ICU sentence boundary after offset 0 in window[0, size), or size.
  // Without an iterator (clone failed: out of memory) there is none, so each
  // block stays one sentence.
  std::size_t FirstBoundary(const char* window, std::size_t size) {
    if (bi_ == nullptr) return size;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&ut_, window, static_cast<int64_t>(size), &status);
    if (U_FAILURE(status)) return size;
    bi_->setText(&ut_, status);
    if (U_FAILURE(status)) return size;
    const int32_t b = bi_->next();
    return b == icu::BreakIterator::DONE ? size : static_cast<std::size_t>(b);
  }

 private:
  std::unique_ptr<icu::BreakIterator> bi_;
  UText ut_ = UTEXT_INITIALIZER;
};

// Byte -> code-point offsets for increasing offsets, walking the text once the
// way CharIndex does (an invalid sequence is one code point). Offsets that go
// backwards fall back to a CharIndex built on first need.
// Invalid UTF-8 sequences, counted as ICU's U8_NEXT reads them (the same count
// as CountInvalidUtf8), skipping ASCII eight bytes at a time.
std::size_t CountInvalid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t invalid = 0;
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && (Load8(s + i) & kHighs) == 0) {
      i += 8;
      continue;
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const auto len = static_cast<int32_t>(std::min<std::size_t>(n - i, 4));
    int32_t j = 0;
    UChar32 c;
    U8_NEXT(s + i, j, len, c);
    if (c < 0) ++invalid;
    i += static_cast<std::size_t>(j);
  }
  return invalid;
}

class CharCounter {
 public:
  // `valid`: the text holds no invalid UTF-8, so code points can be counted as
  // the bytes that are not continuation bytes, eight at a time.
  CharCounter(std::string_view text, bool valid)
      : text_(text), s_(reinterpret_cast<const unsigned char*>(text.data())), valid_(valid) {}

  std::size_t At(std::size_t byte) {
    byte = std::min(byte, text_.size());
    if (byte < pos_) {
      if (!index_) index_ = std::make_unique<CharIndex>(text_);
      return index_->CharOffset(byte);
    }
    const std::size_t n = text_.size();
    if (valid_) {
      // Valid UTF-8: a code point starts at every byte that is not a
      // continuation byte (10xxxxxx: bit 7 set, bit 6 clear).
      while (pos_ + 8 <= byte) {
        const std::uint64_t v = Load8(s_ + pos_);
        const std::uint64_t continuation = v & ~(v << 1) & kHighs;
        pos_ += 8;
        // One bit per byte at bit 7: gather the bits into the top byte.
        chars_ += 8 - static_cast<std::size_t>(((continuation >> 7) * kOnes) >> 56);
      }
      for (; pos_ < byte; ++pos_) chars_ += (s_[pos_] & 0xC0) != 0x80;
      // An offset inside a multi-byte character maps to that character.
      const bool inside = byte < n && (s_[byte] & 0xC0) == 0x80;
      return inside && chars_ > 0 ? chars_ - 1 : chars_;
    }
    while (pos_ < byte && pos_ < n) {
      if (pos_ + 8 <= byte && (Load8(s_ + pos_) & kHighs) == 0) {
        pos_ += 8;
        chars_ += 8;
        continue;
      }
      if (s_[pos_] < 0x80) {
        ++pos_;
      } else {
        const auto len = static_cast<int32_t>(std::min<std::size_t>(n - pos_, 4));
        int32_t j = 0;
        UChar32 c;
        U8_NEXT(s_ + pos_, j, len, c);
        (void)c;
        pos_ += static_cast<std::size_t>(j);
      }
      ++chars_;
    }
    // An offset inside a multi-byte character maps to that character.
    return (pos_ > byte && chars_ > 0) ? chars_ - 1 : chars_;
  }

  Span MakeSpan(std::size_t begin, std::size_t end) {
    const std::size_t cb = At(begin);
    return Span{begin, end, cb, At(end)};
  }

 private:
  std::string_view text_;
  const unsigned char* s_;
  bool valid_;
  std::size_t pos_ = 0;
  std::size_t chars_ = 0;
  std::unique_ptr<CharIndex> index_;
};

class BlockSplitter {
 public:
  BlockSplitter(const SentenceSplitter::State& state, std::string_view text,
                CharCounter& index, const AbbreviationTable* fr, const AbbreviationTable* en,
                Scratch& scratch, SentenceList& out)
      : state_(state), text_(text), s_(reinterpret_cast<const unsigned char*>(text.data())),
        index_(index), fr_(fr), en_(en), scratch_(scratch), out_(out) {}

  void Split(std::size_t begin, std::size_t end) {
    block_begin_ = begin;
    end_ = end;
    std::size_t start = begin;
    std::size_t i = begin;
    while (i < end_) {
      // Fast scan to the next candidate terminator.
      // Bytes that cannot start a terminator are skipped in bulk: ASCII other
      // than ".!?", continuation bytes, and lead bytes of U+0080..U+057F where
      // no character is a terminator (é, à, NBSP, «).
      i = SkipToCandidate(s_, i, end_);
      if (i >= end_) break;
      std::size_t len = 1;
      const unsigned char b = s_[i];
      if (b >= 0x80) {
        UChar32 c;
        len = Decode(i, &c);
        if (ClassOfCodePoint(c) != SbClass::kTerm) {
          i += len;
          continue;
        }
      }
      const std::size_t t = i;
      // The run of terminators and closing punctuation, then the spaces.
      // French typography spaces the closing guillemet: "« Stop. » Puis"; spaces
      // followed by closing punctuation belong to the run.
      std::size_t r = t + len;
      SbClass k;
      while (r < end_) {
        k = ClassAt(r, &len);
        if (k == SbClass::kTerm || k == SbClass::kClose) {
          r += len;
          continue;
        }
        if (k != SbClass::kSpace) break;
        std::size_t q = r + len;
        while (q < end_ && ClassAt(q, &len) == SbClass::kSpace) q += len;
        if (q < end_ && ClassAt(q, &len) == SbClass::kClose) {
          r = q;
          continue;
        }
        break;
      }
      std::size_t next = r;
      while (next < end_ && ClassAt(next, &len) == SbClass::kSpace) next += len;
      if (next == r || next >= end_) {
        // No space after the run (a URL, "1.5", "a.b"), or the block ends here.
        i = r;
        continue;
      }
      // UAX #29 rule SB8a: no break before another terminator or a
      // continuation mark (", ; :"): settled without asking ICU, which keeps
      // runs like ". . . ." cheap.
      const SbClass after = ClassAt(next, &len);
      if (after == SbClass::kTerm || after == SbClass::kContinue) {
        i = next;
        continue;
      }
      if (IcuBreaks(t, r, next) && !Suppressed(t, next)) {
        Emit(start, next);
        start = next;
      }
      i = next;
    }
    Emit(start, end_);
  }

 private:
  std::size_t Decode(std::size_t i, UChar32* c) const {
    const auto n = static_cast<int32_t>(std::min<std::size_t>(end_ - i, 4));
    int32_t j = 0;
    U8_NEXT(s_ + i, j, n, *c);
    return static_cast<std::size_t>(j);
  }

  SbClass ClassOfCodePoint(UChar32 c) const {
    if (c < 0) return SbClass::kOther;
    return c < 0x10000 ? state_.bmp[static_cast<std::size_t>(c)] : ClassOf(c);
  }

  SbClass ClassAt(std::size_t i, std::size_t* len) const {
    if (s_[i] < 0x80) {
      *len = 1;
      return state_.ascii[s_[i]];
    }
    UChar32 c;
    *len = Decode(i, &c);
    return ClassOfCodePoint(c);
  }

  // Whether ICU puts a sentence boundary at `next` (after the terminator at t,
  // its closing punctuation up to run_end, and its spaces), judging from a small window that
  // ends after the first letter, terminator or continuation mark after `next`.
  bool IcuBreaks(std::size_t t, std::size_t run_end, std::size_t next) {
    std::size_t w = next;
    std::size_t len;
    while (w < end_ && w - next < kWindowLookahead) {
      SbClass k = ClassAt(w, &len);
      w += len;
      if (k == SbClass::kLetter || k == SbClass::kTerm || k == SbClass::kContinue) break;
    }
    // The window leaves out spaces inside the run (before a spaced closing
    // guillemet), which ICU would read as the end of the run.
    window_.clear();
    for (std::size_t p = t; p < run_end; p += len) {
      if (ClassAt(p, &len) != SbClass::kSpace) window_.append(text_.data() + p, len);
    }
    const std::size_t expected = window_.size() + (next - run_end);
    window_.append(text_.data() + run_end, w - run_end);
    // Line ends inside a block are spaces here, not paragraph separators; so
    // are NUL bytes.
    for (std::size_t j = 0; j < window_.size(); ++j) {
      auto c = static_cast<unsigned char>(window_[j]);
      if (c == '\n' || c == '\r' || c == 0) {
        window_[j] = ' ';
      } else if (c == 0xC2 && j + 1 < window_.size() &&
                 static_cast<unsigned char>(window_[j + 1]) == 0x85) {
        window_[j] = window_[j + 1] = ' ';
      } else if (c == 0xE2 && j + 2 < window_.size() &&
                 static_cast<unsigned char>(window_[j + 1]) == 0x80 &&
                 (static_cast<unsigned char>(window_[j + 2]) == 0xA8 ||
                  static_cast<unsigned char>(window_[j + 2]) == 0xA9)) {
        window_[j] = window_[j + 1] = window_[j + 2] = ' ';
      }
    }
    return scratch_.FirstBoundary(window_.data(), window_.size()) == expected;
  }

  // The abbreviation veto for a break after the terminator at t.
  bool Suppressed(std::size_t t, std::size_t next) const {
    if (s_[t] != '.') return false;
    // The word that ends with this period.
    const std::size_t word_end = t + 1;
    std::size_t wb = t;
    while (wb > block_begin_ && word_end - wb < kMaxWordBytes && !IsWordEdge(wb - 1)) --wb;
    if (wb > block_begin_ && !IsWordEdge(wb - 1)) return false;  // too long to be one
    std::string_view word = text_.substr(wb, word_end - wb);
    // A list or section number: opening the block, possibly after other
    // numbers and Markdown marks ("1.  2.  **3\\. Titre"), or quoted as a
    // reference ("la rubrique « 4. COMMENT … »").
    if (IsListNumber(word) && (OnlyMarkersBefore(wb) || AfterOpeningQuote(wb))) return true;
    // The word before it, for two-word forms ("p. ex.").
    std::string_view previous;
    std::size_t pe = wb;
    if (pe > block_begin_ && s_[pe - 1] == ' ') {
      --pe;
      std::size_t pb = pe;
      while (pb > block_begin_ && pe - pb < kMaxWordBytes && !IsWordEdge(pb - 1)) --pb;
      previous = text_.substr(pb, pe - pb);
    }
    // After a French elision the abbreviation is the rest: "l’art." -> "art.".
    std::string_view after_elision;
    if (std::size_t a = word.rfind('\''); a != std::string_view::npos) {
      after_elision = word.substr(a + 1);
    } else if (std::size_t r = word.rfind("\xE2\x80\x99"); r != std::string_view::npos) {
      after_elision = word.substr(r + 3);
    }
    AbbreviationKind kind = AbbreviationKind::kNone;
    for (const AbbreviationTable* table : {fr_, en_}) {
      if (table == nullptr) continue;
      for (std::string_view w : {word, after_elision}) {
        if (w.size() < 2) continue;
        AbbreviationKind k = table->Lookup(w == word ? previous : std::string_view(), w);
        if (k == AbbreviationKind::kPrefix) return true;
        if (k == AbbreviationKind::kTerminal) kind = k;
      }
    }
    // A single capital initial before a capitalised word: "J. Dupont".
    if (kind == AbbreviationKind::kNone && word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z' &&
        next < end_ && s_[next] >= 'A' && s_[next] <= 'Z') {
      return true;
    }
    if (kind == AbbreviationKind::kNone) return false;
    // A terminal abbreviation ends the sentence before a usual opener.
    std::size_t e = next;
    while (e < end_ && e - next < kMaxWordBytes &&
           ((s_[e] >= 'a' && s_[e] <= 'z') || (s_[e] >= 'A' && s_[e] <= 'Z') ||
            (s_[e] >= 0x80 && !(s_[e] == 0xE2 && e + 1 < end_ && s_[e + 1] == 0x80)))) {
      ++e;
    }
    std::string_view opener = text_.substr(next, e - next);
    if (opener.empty()) return true;
    for (const AbbreviationTable* table : {fr_, en_}) {
      if (table != nullptr && table->IsSentenceOpener(opener)) return false;
    }
    return true;
  }

  // "1.", "2.3.", "a.", "IV.", and the Markdown forms "**1\\.", "_2\\.".
  static bool IsListNumber(std::string_view word) {
    while (!word.empty() && (word[0] == '*' || word[0] == '_' || word[0] == '#')) {
      word.remove_prefix(1);
    }
    if (word.size() < 2 || word.size() > 9) return false;
    std::string_view body = word.substr(0, word.size() - 1);
    if (!body.empty() && body.back() == '\\') body.remove_suffix(1);
    if (body.empty()) return false;
    if (body.find_first_not_of("0123456789.") == std::string_view::npos) return true;
    if (body.size() == 1 && ((body[0] >= 'a' && body[0] <= 'z') || (body[0] >= 'A' && body[0] <= 'Z')))
      return true;
    return body.find_first_not_of("IVXivx") == std::string_view::npos;
  }

  // Whether [block_begin_, wb) holds only list numbers, Markdown marks and
  // spaces (and is short): the word at wb is one more marker.
  bool OnlyMarkersBefore(std::size_t wb) const {
    if (wb - block_begin_ > 32) return false;
    for (std::size_t i = block_begin_; i < wb; ++i) {
      const unsigned char c = s_[i];
      const bool marker = c == ' ' || c == '\t' || c == '*' || c == '_' || c == '#' ||
                          c == '[' || c == '(' || c == ')' || c == '.' || c == '\\' ||
                          (c >= '0' && c <= '9') || c == 0xC2 || c == 0xA0;
      if (!marker) return false;
    }
    return true;
  }

  // Whether the word at wb follows an opening quote or bracket, with at most
  // one space or NBSP between.
  bool AfterOpeningQuote(std::size_t wb) const {
    std::size_t q = wb;
    if (q > block_begin_ && s_[q - 1] == ' ') {
      --q;
    } else if (q >= block_begin_ + 2 && s_[q - 2] == 0xC2 && s_[q - 1] == 0xA0) {
      q -= 2;
    }
    if (q == block_begin_) return false;
    const unsigned char c = s_[q - 1];
    if (c == '(' || c == '[' || c == '"') return true;
    if (q >= block_begin_ + 2 && s_[q - 2] == 0xC2 && c == 0xAB) return true;  // «
    return q >= block_begin_ + 3 && s_[q - 3] == 0xE2 && s_[q - 2] == 0x80 && c == 0x9C;  // “
  }

  // Whether the byte before a word start: whitespace or opening punctuation.
  bool IsWordEdge(std::size_t i) const {
    const unsigned char c = s_[i];
    if (IsAsciiSpace(c) || c == '(' || c == '[' || c == '"' || c == '\'' || c == 0) return true;
    // The last byte of NBSP (C2 A0), « (C2 AB), “ (E2 80 9C), narrow NBSP (E2 80 AF).
    if (i >= 1 && s_[i - 1] == 0xC2 && (c == 0xA0 || c == 0xAB)) return true;
    if (i >= 2 && s_[i - 2] == 0xE2 && s_[i - 1] == 0x80 && (c == 0x9C || c == 0xAF || c == 0x98))
      return true;
    return false;
  }

  void Emit(std::size_t b, std::size_t e) {
    Trim(text_, b, e);
    if (b >= e) return;
    Sentence sentence;
    // Code-point offsets are asked for in increasing order: sentence start,
    // clause starts and ends, sentence end.
    sentence.span.begin = b;
    sentence.span.end = e;
    sentence.span.char_begin = index_.At(b);
    ranges_.clear();
    ClauseRanges(text_, b, e, ranges_);
    if (ranges_.size() > 1) {
      for (auto [cb, ce] : ranges_) {
        Trim(text_, cb, ce);
        if (cb < ce) sentence.clauses.push_back(index_.MakeSpan(cb, ce));
      }
    }
    sentence.span.char_end = index_.At(e);
    if (sentence.clauses.empty()) sentence.clauses.push_back(sentence.span);
    out_.sentences.push_back(std::move(sentence));
  }

  const SentenceSplitter::State& state_;
  std::string_view text_;
  const unsigned char* s_;
  CharCounter& index_;
  const AbbreviationTable* fr_;
  const AbbreviationTable* en_;
  Scratch& scratch_;
  SentenceList& out_;
  std::size_t block_begin_ = 0;
  std::size_t end_ = 0;
  std::string window_;
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;
};

}  // namespace

StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || bi == nullptr) {
    return InternalError(std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  auto state = std::make_unique<State>();
  state->prototype = std::move(bi);
  state->fr = AbbreviationTable::French();
  state->en = AbbreviationTable::English();
  for (int c = 0; c < 128; ++c) state->ascii[c] = ClassOf(c);
  state->bmp.resize(0x10000);
  for (UChar32 c = 0; c < 0x10000; ++c) state->bmp[c] = ClassOf(c);
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(state)));
}

SentenceSplitter::SentenceSplitter(std::unique_ptr<State> state) : state_(std::move(state)) {}
SentenceSplitter::~SentenceSplitter() = default;

SentenceList SentenceSplitter::Split(std::string_view utf8, Language lang) const {
  SentenceList out;
  out.invalid_utf8 = CountInvalid(utf8);
  if (utf8.empty()) return out;
  CharCounter index(utf8, out.invalid_utf8 == 0);
  const AbbreviationTable* fr =
      (lang == Language::kFr || lang == Language::kUnd) ? &state_->fr : nullptr;
  const AbbreviationTable* en =
      (lang == Language::kEn || lang == Language::kUnd) ? &state_->en : nullptr;
  Scratch scratch(*state_->prototype);
  out.sentences.reserve(utf8.size() / 128 + 1);
  BlockSplitter splitter(*state_, utf8, index, fr, en, scratch, out);
  BlockScanner blocks(utf8);
  std::size_t begin = 0, end = 0;
  while (blocks.Next(&begin, &end)) {
    // Drop leading indentation and a bullet or heading marker.
    std::size_t b = begin, e = end;
    Trim(utf8, b, e);
    b += BulletLength(utf8.substr(b, e - b));
    splitter.Split(b, e);
  }
  return out;
}

}  // namespace policytext::internal
