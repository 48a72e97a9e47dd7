// Tokens for French and English.
//
// Three passes over one text:
//  1. A byte scan finds URLs ("scheme://", "www.") and e-mail addresses; these
//     ranges become one token each, whatever the word iterator says inside.
//  2. The ICU word BreakIterator (UAX #29, over a UTF-8 UText, so its
//     boundaries are byte offsets into the caller's text) cuts everything else.
//     Segments are trimmed of white space (U+202F is ExtendNumLet in UAX #29 and
//     so sticks to words: "mot\u202F:" is one ICU segment) and split at white
//     space inside them; white-space-only segments are dropped.
//  3. Local merges and splits: hyphenated compounds (sous-traitants), digit
//     groups separated by NBSP / narrow NBSP / thin space / a plain space
//     (1 000 000, 1 000,50), the French elision split (l’, d’, qu’, jusqu’, ...)
//     and bare domain names (exemple.fr) as URLs.
#include "tokenize/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "text/normalize.h"
#include "text/utf8.h"

namespace policytext::internal {

struct Tokenizer::State {
  std::unique_ptr<icu::BreakIterator> prototype;
};

namespace {

// The ICU iterator works with int32 offsets: longer texts are cut into chunks
// at white space.
constexpr std::size_t kMaxChunk = std::size_t{1} << 30;

struct Piece {
  std::size_t begin;
  std::size_t end;
  TokenKind kind;
  // Pieces from the fast lexer hold no '.', and an apostrophe only when this
  // is set; the elision and domain checks skip the others.
  bool plain = false;
  bool apostrophe = false;
};

inline std::size_t DecodeAt(const std::uint8_t* s, std::size_t n, std::size_t i, UChar32* c) {
  if (s[i] < 0x80) {
    *c = s[i];
    return 1;
  }
  std::int32_t j = 0;
  const auto len = static_cast<std::int32_t>(n - i < 4 ? n - i : 4);
  UChar32 cp;
  U8_NEXT(s + i, j, len, cp);
  *c = cp;
  return static_cast<std::size_t>(j);
}

// The code point that ends just before s[end] (start returned in *start).
inline UChar32 DecodeBefore(const std::uint8_t* s, std::size_t begin, std::size_t end,
                            std::size_t* start) {
  std::size_t b = end - 1;
  if (s[b] < 0x80) {
    *start = b;
    return s[b];
  }
  // Back up over at most three continuation bytes, then check the sequence
  // found really ends at `end`; otherwise the last byte is one invalid char.
  std::size_t k = b;
  for (int step = 0; step < 3 && k > begin && (s[k] & 0xC0) == 0x80; ++step) --k;
  UChar32 c;
  const std::size_t len = DecodeAt(s, end, k, &c);
  if (k + len == end) {
    *start = k;
    return c;
  }
  *start = b;
  return -1;
}

// Unicode White_Space, plus the information separators U+001C..U+001F that
// Python's str.isspace() also counts.
inline bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  return c > 0 && u_isUWhiteSpace(c);
}

inline bool IsAsciiAlnum(std::uint8_t b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}
inline bool IsAsciiDigit(std::uint8_t b) { return b >= '0' && b <= '9'; }

// --- Pass 1: URLs and e-mail addresses -------------------------------------

bool IsUrlStop(const std::uint8_t* s, std::size_t n, std::size_t i, std::size_t* len) {
  const std::uint8_t b = s[i];
  *len = 1;
  if (b < 0x80) {
    if (b <= ' ' || b == 0x7F) return true;
    switch (b) {
      case '<': case '>': case '"': case '`': case '{': case '}': case '|': case '\\': case '^':
        return true;
      default:
        return false;
    }
  }
  UChar32 c;
  *len = DecodeAt(s, n, i, &c);
  if (c < 0) return true;
  if (IsSpace(c)) return true;
  // Quotation marks and guillemets around a URL.
  switch (c) {
    case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x2039: case 0x203A: case 0x3001: case 0x3002:
      return true;
    default:
      return false;
  }
}

// Where a URL that starts (its host part) at `from` ends: up to the first stop
// character, minus trailing punctuation and unbalanced closing brackets.
std::size_t UrlEnd(const std::uint8_t* s, std::size_t n, std::size_t from) {
  std::size_t e = from;
  int parens = 0, brackets = 0;
  while (e < n) {
    std::size_t len;
    if (IsUrlStop(s, n, e, &len)) break;
    if (s[e] == '(') ++parens;
    if (s[e] == ')') --parens;
    if (s[e] == '[') ++brackets;
    if (s[e] == ']') --brackets;
    e += len;
  }
  while (e > from) {
    const std::uint8_t b = s[e - 1];
    if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'' ||
        b == '*') {
      --e;
    } else if (b == ')' && parens < 0) {
      ++parens;
      --e;
    } else if (b == ']' && brackets < 0) {
      ++brackets;
      --e;
    } else {
      break;
    }
  }
  return e;
}

bool IsEmailLocal(std::uint8_t b) {
  return IsAsciiAlnum(b) || b == '.' || b == '_' || b == '%' || b == '+' || b == '-';
}
bool IsDomainChar(std::uint8_t b) { return IsAsciiAlnum(b) || b == '.' || b == '-'; }

bool EqualsLowerAscii(const std::uint8_t* s, std::string_view lower) {
  for (std::size_t k = 0; k < lower.size(); ++k) {
    std::uint8_t b = s[k];
    if (b >= 'A' && b <= 'Z') b = static_cast<std::uint8_t>(b - 'A' + 'a');
    if (b != static_cast<std::uint8_t>(lower[k])) return false;
  }
  return true;
}

void FindUrlsAndEmails(std::string_view text, std::vector<Piece>* out) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t n = text.size();
  std::vector<Piece> found;
  // scheme://...
  for (std::size_t p = text.find("://"); p != std::string_view::npos;
       p = text.find("://", p + 3)) {
    std::size_t q = p;
    while (q > 0 && p - q < 16 &&
           (IsAsciiAlnum(s[q - 1]) || s[q - 1] == '+' || s[q - 1] == '-' || s[q - 1] == '.')) {
      --q;
    }
    while (q < p && !((s[q] | 0x20) >= 'a' && (s[q] | 0x20) <= 'z')) ++q;  // starts with a letter
    if (p - q < 2) continue;
    const std::size_t e = UrlEnd(s, n, p + 3);
    if (e <= p + 3) continue;
    found.push_back({q, e, TokenKind::kUrl});
  }
  // www.host...
  for (std::size_t p = text.find("www."); p != std::string_view::npos;
       p = text.find("www.", p + 4)) {
    if (p > 0 && (IsAsciiAlnum(s[p - 1]) || s[p - 1] == '.' || s[p - 1] == '-' ||
                  s[p - 1] == '/' || s[p - 1] == '@')) {
      continue;
    }
    if (p + 4 >= n || !IsAsciiAlnum(s[p + 4])) continue;
    const std::size_t e = UrlEnd(s, n, p);
    if (e <= p + 5) continue;
    found.push_back({p, e, TokenKind::kUrl});
  }
  // local@domain.tld, with an optional "mailto:" in front.
  for (const void* hit = std::memchr(s, '@', n); hit != nullptr;) {
    const std::size_t p = static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - s);
    hit = p + 1 < n ? std::memchr(s + p + 1, '@', n - p - 1) : nullptr;
    std::size_t q = p;
    while (q > 0 && p - q < 128 && IsEmailLocal(s[q - 1])) --q;
    while (q < p && (s[q] == '.' || s[q] == '-')) ++q;
    if (q == p) continue;
    std::size_t e = p + 1;
    while (e < n && e - p < 256 && IsDomainChar(s[e])) ++e;
    while (e > p + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
    if (e == p + 1 || s[p + 1] == '.' || s[p + 1] == '-') continue;
    // A dot, and a top-level label of two letters or more.
    std::size_t dot = e;
    while (dot > p + 1 && s[dot - 1] != '.') --dot;
    if (dot == p + 1 || e - dot < 2) continue;
    bool letters = true;
    for (std::size_t k = dot; k < e; ++k) letters = letters && !IsAsciiDigit(s[k]);
    if (!letters) continue;
    if (q >= 7 && EqualsLowerAscii(s + q - 7, "mailto:")) q -= 7;
    found.push_back({q, e, TokenKind::kEmail});
  }
  if (found.empty()) return;
  std::sort(found.begin(), found.end(), [](const Piece& a, const Piece& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // The first (and, at equal starts, the longest) range wins an overlap.
  for (const Piece& r : found) {
    if (!out->empty() && r.begin < out->back().end) continue;
    out->push_back(r);
  }
}

// --- Pass 2: ICU segments ----------------------------------------------------

bool IsPunctuation(UChar32 c) {
  if (c < 0) return false;
  return (U_MASK(u_charType(c)) & U_GC_P_MASK) != 0;
}

TokenKind KindOfNoneSegment(const std::uint8_t* s, std::size_t n, std::size_t begin) {
  UChar32 c;
  DecodeAt(s, n, begin, &c);
  return IsPunctuation(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

TokenKind KindFromStatus(std::int32_t status, const std::uint8_t* s, std::size_t n,
                         std::size_t begin) {
  if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
    return KindOfNoneSegment(s, n, begin);
  }
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  return TokenKind::kWord;
}

// A piece cut out of a segment (after a split at white space): its kind from
// its own first character.
TokenKind KindOfPart(const std::uint8_t* s, std::size_t n, std::size_t begin, std::size_t end,
                     std::int32_t status) {
  UChar32 c;
  DecodeAt(s, n, begin, &c);
  if (c >= 0 && u_isalpha(c)) return TokenKind::kWord;
  if (c >= 0 && u_isdigit(c)) {
    for (std::size_t k = begin; k < end; ++k) {
      if (s[k] >= 0x80 || (!IsAsciiDigit(s[k]) && s[k] != ',' && s[k] != '.')) {
        return TokenKind::kWord;
      }
    }
    return TokenKind::kNumber;
  }
  return KindFromStatus(status, s, n, begin);
}

// Adds segment [a, b) with white space trimmed and split out.
void AddSegment(const std::uint8_t* s, std::size_t n, std::size_t a, std::size_t b,
                std::int32_t status, std::vector<Piece>* out) {
  // ICU's word rules count '@' as a letter; alone it is punctuation.
  if (b - a == 1 && s[a] == '@') {
    out->push_back({a, b, TokenKind::kPunctuation});
    return;
  }
  // Fast path: ASCII non-space at both ends. A word segment holds white space
  // only as U+202F (ExtendNumLet); other segments of one byte are done.
  if (s[a] < 0x80 && s[a] > ' ' && s[b - 1] < 0x80 && s[b - 1] > ' ') {
    if (status >= UBRK_WORD_NONE_LIMIT) {
      bool narrow_nbsp = false;
      for (std::size_t k = a; k + 2 < b; ++k) {
        if (s[k] == 0xE2 && s[k + 1] == 0x80 && s[k + 2] == 0xAF) {
          narrow_nbsp = true;
          break;
        }
      }
      if (!narrow_nbsp) {
        out->push_back({a, b, KindFromStatus(status, s, n, a)});
        return;
      }
    } else if (b - a == 1) {
      out->push_back({a, b, KindFromStatus(status, s, n, a)});
      return;
    }
  }
  // General path: walk code points, emit the non-space runs.
  const std::size_t first = out->size();
  std::size_t k = a;
  std::size_t run = b;  // start of the current non-space run, b = none
  while (k < b) {
    UChar32 c;
    const std::size_t len = DecodeAt(s, b, k, &c);
    if (IsSpace(c)) {
      if (run != b) {
        out->push_back({run, k, TokenKind::kWord});
        run = b;
      }
    } else if (run == b) {
      run = k;
    }
    k += len;
  }
  if (run != b) out->push_back({run, b, TokenKind::kWord});
  const std::size_t added = out->size() - first;
  for (std::size_t i = first; i < out->size(); ++i) {
    Piece& p = (*out)[i];
    p.kind = added == 1 && p.begin == a ? KindFromStatus(status, s, n, a)
                                         : KindOfPart(s, n, p.begin, p.end, status);
  }
}

// --- Pass 3: merges and splits ---------------------------------------------

bool IsHyphenPiece(const std::uint8_t* s, const Piece& p) {
  const std::size_t len = p.end - p.begin;
  if (len == 1) return s[p.begin] == '-';
  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
  return len == 3 && s[p.begin] == 0xE2 && s[p.begin + 1] == 0x80 &&
         (s[p.begin + 2] == 0x90 || s[p.begin + 2] == 0x91);
}

bool IsWordLike(TokenKind k) { return k == TokenKind::kWord || k == TokenKind::kNumber; }

// Length of the separator between two digit groups, 0 if [a, b) is not one.
bool IsGroupSeparator(const std::uint8_t* s, std::size_t a, std::size_t b) {
  const std::size_t len = b - a;
  if (len == 1) return s[a] == ' ';
  if (len == 2) return s[a] == 0xC2 && s[a + 1] == 0xA0;  // NBSP
  if (len == 3) {
    return s[a] == 0xE2 && s[a + 1] == 0x80 &&
           (s[a + 2] == 0xAF || s[a + 2] == 0x89);  // narrow NBSP, thin space
  }
  return false;
}

// `left` is digits only, as 1-3 digits then groups of exactly 3 after a
// separator; it has no decimal part yet.
bool IsGroupedInteger(const std::uint8_t* s, const Piece& left) {
  std::size_t k = left.end;
  std::size_t digits = 0;
  while (k > left.begin && IsAsciiDigit(s[k - 1])) {
    --k;
    ++digits;
  }
  if (k == left.begin) return digits >= 1 && digits <= 3;
  return digits == 3;  // an earlier group joined by a separator
}

// `right` is exactly 3 digits, optionally followed by a decimal part.
bool IsThreeDigitGroup(const std::uint8_t* s, const Piece& right) {
  if (right.end - right.begin < 3) return false;
  for (std::size_t k = 0; k < 3; ++k) {
    if (!IsAsciiDigit(s[right.begin + k])) return false;
  }
  std::size_t k = right.begin + 3;
  if (k == right.end) return true;
  if (s[k] != ',' && s[k] != '.') return false;
  ++k;
  if (k == right.end) return false;
  for (; k < right.end; ++k) {
    if (!IsAsciiDigit(s[k])) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 11> kElisions = {
    "l", "d", "qu", "jusqu", "lorsqu", "s", "n", "c", "j", "m", "t"};

bool IsElisionPrefix(const std::uint8_t* s, std::size_t a, std::size_t b) {
  const std::size_t len = b - a;
  if (len == 0 || len > 6) return false;
  for (std::string_view e : kElisions) {
    if (e.size() == len && EqualsLowerAscii(s + a, e)) return true;
  }
  return false;
}

// Length of an apostrophe (' or ’) at s[i], or 0.
inline std::size_t ApostropheAt(const std::uint8_t* s, std::size_t end, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 3 <= end && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) return 3;
  return 0;
}

constexpr std::array<std::string_view, 22> kTlds = {
    "com", "org", "net", "fr", "eu", "io", "be", "ch", "ca", "uk", "de", "info",
    "biz", "gov", "edu", "app", "dev", "ai", "us", "lu", "es", "it"};

// exemple.fr, www-less host names: ASCII labels, the last one a known TLD.
bool IsDomainName(const std::uint8_t* s, const Piece& p) {
  std::size_t dot = p.end;
  while (dot > p.begin && s[dot - 1] != '.') --dot;
  if (dot <= p.begin + 1 || dot == p.end) return false;
  for (std::size_t k = p.begin; k < p.end; ++k) {
    if (!IsDomainChar(s[k])) return false;
  }
  const std::size_t tld_len = p.end - dot;
  for (std::string_view t : kTlds) {
    if (t.size() == tld_len && EqualsLowerAscii(s + dot, t)) return true;
  }
  return false;
}

void MergeAndSplit(const std::uint8_t* s, Language lang, const std::vector<Piece>& in,
                   std::vector<Piece>* merged, std::vector<Piece>* out) {
  const bool french = lang != Language::kEn;
  merged->clear();
  merged->reserve(in.size());
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Piece& p = in[i];
    if (!merged->empty()) {
      Piece& last = merged->back();
      // word-word, word-number, number-word: one compound.
      if (p.kind == TokenKind::kPunctuation && i + 1 < n && last.end == p.begin &&
          p.end == in[i + 1].begin && IsWordLike(last.kind) && IsWordLike(in[i + 1].kind) &&
          !(last.kind == TokenKind::kNumber && in[i + 1].kind == TokenKind::kNumber) &&
          IsHyphenPiece(s, p)) {
        last.end = in[i + 1].end;
        last.kind = TokenKind::kWord;
        last.plain = last.plain && in[i + 1].plain;
        last.apostrophe = last.apostrophe || in[i + 1].apostrophe;
        ++i;
        continue;
      }
      // Digit groups: 1 000 000 and 1 000,50.
      if (p.kind == TokenKind::kNumber && last.kind == TokenKind::kNumber &&
          IsGroupSeparator(s, last.end, p.begin) && IsGroupedInteger(s, last) &&
          IsThreeDigitGroup(s, p)) {
        last.end = p.end;
        continue;
      }
      // "l" + "’" when the iterator split them (l’2019, d’«...»).
      if (french && p.kind == TokenKind::kPunctuation && last.kind == TokenKind::kWord &&
          last.end == p.begin && ApostropheAt(s, p.end, p.begin) == p.end - p.begin &&
          IsElisionPrefix(s, last.begin, last.end) && i + 1 < n &&
          in[i + 1].begin == p.end) {
        last.end = p.end;
        last.apostrophe = true;
        continue;
      }
    }
    merged->push_back(p);
  }
  // Elision split and final kinds.
  out->clear();
  out->reserve(merged->size() + merged->size() / 16);
  for (Piece p : *merged) {
    if (p.kind == TokenKind::kWord) {
      // Split off elided articles and pronouns, repeatedly (qu’aujourd’hui
      // gives qu’ + aujourd’hui, which keeps its apostrophe).
      while (french && (!p.plain || p.apostrophe)) {
        std::size_t k = p.begin;
        const std::size_t limit = std::min(p.end, p.begin + 7);
        while (k < limit && ApostropheAt(s, p.end, k) == 0) ++k;
        if (k >= limit || k == p.begin || !IsElisionPrefix(s, p.begin, k)) break;
        const std::size_t apo_end = k + ApostropheAt(s, p.end, k);
        if (apo_end >= p.end) break;
        out->push_back({p.begin, apo_end, TokenKind::kWord});
        p.begin = apo_end;
      }
      if (!p.plain && IsDomainName(s, p)) p.kind = TokenKind::kUrl;
    }
    out->push_back(p);
  }
}

// Code-point offsets of monotone byte offsets, counted incrementally.
class CharCursor {
 public:
  CharCursor(std::string_view text, bool valid)
      : s_(reinterpret_cast<const std::uint8_t*>(text.data())), n_(text.size()), valid_(valid) {}

  std::size_t At(std::size_t byte) {
    if (byte < byte_) Reset();
    if (valid_) {
      // Valid UTF-8: count the bytes that are not continuation bytes.
      std::size_t chars = 0;
      for (std::size_t k = byte_; k < byte; ++k) chars += (s_[k] & 0xC0) != 0x80;
      chars_ += chars;
      byte_ = byte;
    } else {
      while (byte_ < byte) {
        UChar32 c;
        byte_ += DecodeAt(s_, n_, byte_, &c);
        ++chars_;
      }
    }
    return chars_;
  }

 private:
  void Reset() { byte_ = chars_ = 0; }
  const std::uint8_t* s_;
  std::size_t n_;
  bool valid_;
  std::size_t byte_ = 0;
  std::size_t chars_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<Tokenizer>> Tokenizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || bi == nullptr) {
    return InternalError(std::string("cannot create the ICU word break iterator: ") +
                         u_errorName(status));
  }
  auto state = std::make_unique<State>();
  state->prototype = std::move(bi);
  return std::unique_ptr<Tokenizer>(new Tokenizer(std::move(state)));
}

Tokenizer::Tokenizer(std::unique_ptr<State> state) : state_(std::move(state)) {}
Tokenizer::~Tokenizer() = default;

namespace {

// --- The fast path -----------------------------------------------------------
//
// UAX #29 always breaks on both sides of an ASCII space, tab, CR or LF next to
// an ASCII character, so the text can be cut there and each white-space
// delimited chunk read on its own. Chunks of the common shapes below get the
// pieces the ICU iterator would give, without running it:
//   [ ( [ " ]  body  [ . , ; : ! ? ) ] " ]{0,3}
//   body = digits | word ( - word )*,  word = letters ( ' letters | ’ letters )*
// where letters are ASCII letters and the Latin-1 / Latin Extended-A letters
// (all Word_Break=ALetter). Anything else goes to ICU, in runs of consecutive
// complex chunks.

inline bool IsAsciiBreakSpace(std::uint8_t b) {
  return b == ' ' || b == '\n' || b == '\r' || b == '\t';
}

// Byte length of a letter at s[k] (ASCII or a 2-byte Latin letter), or 0.
inline std::size_t LetterAt(const std::uint8_t* s, std::size_t b, std::size_t k) {
  const std::uint8_t c = s[k];
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 1;
  if (k + 1 < b && (s[k + 1] & 0xC0) == 0x80) {
    if (c == 0xC3) return s[k + 1] != 0x97 && s[k + 1] != 0xB7 ? 2 : 0;  // not × ÷
    if (c == 0xC4 || c == 0xC5) return 2;
  }
  return 0;
}

inline TokenKind AsciiKind(std::uint8_t c) {
  if (IsAsciiDigit(c)) return TokenKind::kNumber;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return TokenKind::kWord;
  return IsPunctuation(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

// Byte classes for the fast path.
enum : std::uint8_t { kOther = 0, kBreak, kAlpha, kDigit, kHigh };
constexpr std::array<std::uint8_t, 256> MakeClasses() {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    std::uint8_t c = kOther;
    if (b == ' ' || b == '\n' || b == '\r' || b == '\t') c = kBreak;
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) c = kAlpha;
    if (b >= '0' && b <= '9') c = kDigit;
    if (b >= 0x80) c = kHigh;
    t[static_cast<std::size_t>(b)] = c;
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kClass = MakeClasses();

inline bool IsCloser(std::uint8_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '"';
}

// Reads the chunk that starts at s[a] (a non-space byte). When it has one of
// the simple shapes, puts its pieces in *out and returns its end; otherwise
// returns 0 (a chunk never ends at 0) with *stop at or before the chunk end.
std::size_t LexChunk(const std::uint8_t* s, std::size_t n, std::size_t a, std::vector<Piece>* out,
                     std::size_t* stop) {
  out->clear();
  std::size_t k = a;
  *stop = a;
  if (s[k] < 0x80 && (k + 1 == n || kClass[s[k + 1]] == kBreak)) {
    out->push_back({k, k + 1, AsciiKind(s[k])});
    return k + 1;
  }
  if (s[k] == '(' || s[k] == '[' || s[k] == '"') {
    out->push_back({k, k + 1, TokenKind::kPunctuation});
    ++k;
  }
  if (k >= n) return 0;
  if (kClass[s[k]] == kDigit) {
    const std::size_t start = k;
    while (k < n && kClass[s[k]] == kDigit) ++k;
    out->push_back({start, k, TokenKind::kNumber});
  } else {
    std::size_t start = k;
    if (LetterAt(s, n, k) == 0) return 0;
    bool apostrophe = false;
    for (;;) {
      for (;;) {
        while (k < n && kClass[s[k]] == kAlpha) ++k;
        if (k < n && s[k] >= 0xC3) {
          const std::size_t len = LetterAt(s, n, k);
          if (len != 0) {
            k += len;
            continue;
          }
        }
        break;
      }
      if (k >= n) break;
      const std::size_t apo = ApostropheAt(s, n, k);
      if (apo != 0 && k + apo < n && LetterAt(s, n, k + apo) != 0) {
        k += apo;
        apostrophe = true;
        continue;
      }
      if (s[k] == '-' && k + 1 < n && LetterAt(s, n, k + 1) != 0) {
        out->push_back({start, k, TokenKind::kWord, true, apostrophe});
        out->push_back({k, k + 1, TokenKind::kPunctuation});
        start = ++k;
        apostrophe = false;
        continue;
      }
      break;
    }
    out->push_back({start, k, TokenKind::kWord, true, apostrophe});
  }
  for (int closers = 0; k < n && closers < 3 && IsCloser(s[k]); ++closers, ++k) {
    out->push_back({k, k + 1, TokenKind::kPunctuation});
  }
  *stop = k;
  return k == n || kClass[s[k]] == kBreak ? k : 0;
}

// Runs the ICU iterator over [begin, end) and adds its pieces.
class IcuPass {
 public:
  IcuPass(const icu::BreakIterator& prototype, std::string_view text,
          const std::vector<Piece>& protect, std::vector<Piece>* raw)
      : bi_(prototype.clone()),
        text_(text),
        s_(reinterpret_cast<const std::uint8_t*>(text.data())),
        protect_(protect),
        raw_(raw) {}

  void Run(std::size_t begin, std::size_t end) {
    while (end - begin > kMaxChunk) {
      // Cut at white space (else at a code-point start) to fit ICU's int32 offsets.
      std::size_t cut = begin + kMaxChunk;
      std::size_t k = cut;
      while (k > begin + kMaxChunk / 2 && !IsAsciiBreakSpace(s_[k])) --k;
      if (k > begin + kMaxChunk / 2) {
        cut = k;
      } else {
        while (cut > begin && (s_[cut] & 0xC0) == 0x80) --cut;
      }
      RunChunk(begin, cut);
      begin = cut;
    }
    RunChunk(begin, end);
  }

 private:
  void RunChunk(std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    if (bi_ == nullptr) {  // clone() failed (out of memory)
      AddSegment(s_, text_.size(), begin, end, UBRK_WORD_NONE, raw_);
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text_.data() + begin, static_cast<std::int64_t>(end - begin), &status);
    bi_->setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      AddSegment(s_, text_.size(), begin, end, UBRK_WORD_NONE, raw_);
      return;
    }
    std::size_t prev = begin;
    for (std::int32_t cur = bi_->next(); cur != icu::BreakIterator::DONE; cur = bi_->next()) {
      const std::size_t b = begin + static_cast<std::size_t>(cur);
      Segment(prev, b, bi_->getRuleStatus());
      prev = b;
    }
    utext_close(&ut);
  }

  // One ICU segment, with the URL and e-mail ranges cut out of it.
  void Segment(std::size_t a, std::size_t b, std::int32_t rule) {
    const std::size_t n = text_.size();
    while (pi_ < protect_.size() && protect_[pi_].end <= a) {
      ++pi_;
      emitted_ = false;
    }
    while (a < b) {
      if (pi_ < protect_.size() && protect_[pi_].begin < b) {
        const Piece& r = protect_[pi_];
        if (r.begin > a) {
          AddSegment(s_, n, a, r.begin, rule, raw_);
          a = r.begin;
        }
        if (!emitted_) {
          raw_->push_back(r);
          emitted_ = true;
        }
        if (r.end <= b) {
          a = std::max(a, r.end);
          ++pi_;
          emitted_ = false;
          continue;
        }
        a = b;
      } else {
        AddSegment(s_, n, a, b, rule, raw_);
        a = b;
      }
    }
  }

  std::unique_ptr<icu::BreakIterator> bi_;
  std::string_view text_;
  const std::uint8_t* s_;
  const std::vector<Piece>& protect_;
  std::vector<Piece>* raw_;
  std::size_t pi_ = 0;
  bool emitted_ = false;
};

// The pieces of the whole text, in order.
void Pieces(const icu::BreakIterator& prototype, std::string_view text, Language lang,
            std::vector<Piece>* result, bool fast_path = true) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t n = text.size();
  result->clear();
  if (n == 0) return;
  std::vector<Piece> protect;
  FindUrlsAndEmails(text, &protect);
  std::vector<Piece> raw;
  raw.reserve(n / 5 + 4);
  IcuPass icu_pass(prototype, text, protect, &raw);
  std::vector<Piece> simple;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t region = kNone;  // start of the pending run of complex chunks
  std::size_t region_end = 0;
  std::size_t pi = 0;
  std::size_t i = 0;
  while (i < n) {
    if (kClass[s[i]] == kBreak) {
      ++i;
      continue;
    }
    const std::size_t a = i;
    std::size_t b = 0;
    if (fast_path) {
      b = LexChunk(s, n, a, &simple, &i);
      // Inside a URL or an e-mail address: not simple after all.
      if (b != 0) {
        while (pi < protect.size() && protect[pi].end <= a) ++pi;
        if (pi < protect.size() && protect[pi].begin < b) b = 0;
      }
    }
    if (b != 0) {
      i = b;
      if (region != kNone) {
        icu_pass.Run(region, region_end);
        region = kNone;
      }
      raw.insert(raw.end(), simple.begin(), simple.end());
    } else {
      while (i < n && kClass[s[i]] != kBreak) ++i;
      if (region == kNone) region = a;
      region_end = i;
    }
  }
  if (region != kNone) icu_pass.Run(region, region_end);
  std::vector<Piece> merged;
  MergeAndSplit(s, lang, raw, &merged, result);
}

}  // namespace

TokenList Tokenizer::Tokenize(std::string_view utf8, Language lang) const {
  return TokenizeImpl(utf8, lang, true);
}

TokenList Tokenizer::TokenizeIcuOnly(std::string_view utf8, Language lang) const {
  return TokenizeImpl(utf8, lang, false);
}

TokenList Tokenizer::TokenizeImpl(std::string_view utf8, Language lang, bool fast_path) const {
  TokenList list;
  list.invalid_utf8 = CountInvalidUtf8(utf8);
  std::vector<Piece> pieces;
  Pieces(*state_->prototype, utf8, lang, &pieces, fast_path);
  list.tokens.reserve(pieces.size());
  CharCursor cursor(utf8, list.invalid_utf8 == 0);
  for (const Piece& p : pieces) {
    Token t;
    t.span.begin = p.begin;
    t.span.end = p.end;
    t.span.char_begin = cursor.At(p.begin);
    t.span.char_end = cursor.At(p.end);
    t.kind = p.kind;
    t.norm = NormalizeString(utf8.substr(p.begin, p.end - p.begin));
    list.tokens.push_back(std::move(t));
  }
  return list;
}

TokenOffsets Tokenizer::TokenizeOffsets(std::string_view utf8, Language lang) const {
  TokenOffsets out;
  out.invalid_utf8 = CountInvalidUtf8(utf8);
  std::vector<Piece> pieces;
  Pieces(*state_->prototype, utf8, lang, &pieces);
  const std::size_t count = pieces.size();
  out.begin.resize(count);
  out.end.resize(count);
  out.char_begin.resize(count);
  out.char_end.resize(count);
  out.kind.resize(count);
  CharCursor cursor(utf8, out.invalid_utf8 == 0);
  for (std::size_t i = 0; i < count; ++i) {
    const Piece& p = pieces[i];
    out.begin[i] = p.begin;
    out.end[i] = p.end;
    out.char_begin[i] = cursor.At(p.begin);
    out.char_end[i] = cursor.At(p.end);
    out.kind[i] = static_cast<std::uint8_t>(p.kind);
  }
  return out;
}

}  // namespace policytext::internal
