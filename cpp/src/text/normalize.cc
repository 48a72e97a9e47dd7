// The normalised matching view. The text is cut into NFC segments (a starter
// and the combining marks that follow it); each segment is composed to NFC,
// then every resulting code point is mapped: apostrophe look-alikes to ',
// space separators (Zs: NBSP, narrow NBSP, thin space...) to ' ', anything else
// through full Unicode case folding. ASCII control characters, including
// \t \n \r and NUL, pass through unchanged so that line structure survives.
//
// Alignment: every output byte records the source byte offset of the code
// point that produced it. When NFC changes a multi-code-point segment (e + ́
// -> é), its whole output maps to the segment start.
//
// Speed: runs of ASCII take a table lookup per byte; a code point below
// kTableSize that forms a segment alone is served from a table built once.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>

namespace policytext::internal {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;
// Latin, Greek, Cyrillic, ..., General Punctuation (’ U+2019, U+202F), the
// prime U+2032 and the Letterlike block.
constexpr UChar32 kTableSize = 0x2200;

// Reads the code point at s[i]; returns its byte length (>= 1) and sets *c, or
// sets *c = -1 for an invalid sequence (one maximal subpart, as ICU reads it).
inline std::size_t Decode(const std::uint8_t* s, std::size_t n, std::size_t i, UChar32* c) {
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

bool IsApostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0xFF07 || c == '\'';
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, c, error);
  if (error) {
    out->append("\xEF\xBF\xBD");
  } else {
    out->append(buf, static_cast<std::size_t>(len));
  }
}

// Maps one NFC code point: apostrophes, spaces, then full case folding.
void MapCodePoint(UChar32 c, std::string* out) {
  if (c < 0x80) {
    char b = static_cast<char>(c);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    out->push_back(b);
    return;
  }
  if (IsApostrophe(c)) {
    out->push_back('\'');
    return;
  }
  if (u_charType(c) == U_SPACE_SEPARATOR) {
    out->push_back(' ');
    return;
  }
  UChar src[2];
  std::int32_t src_len = 0;
  U16_APPEND_UNSAFE(src, src_len, c);
  UChar folded[8];
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t folded_len =
      u_strFoldCase(folded, 8, src, src_len, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status) || folded_len > 8) {
    AppendUtf8(c, out);
    return;
  }
  for (std::int32_t k = 0; k < folded_len;) {
    UChar32 f;
    U16_NEXT(folded, k, folded_len, f);
    AppendUtf8(f, out);
  }
}

struct Entry {
  std::uint8_t len = 0;
  bool boundary_before = true;  // NFC segment starts at this code point
  char bytes[10] = {};          // normalised UTF-8 when the code point is alone
};

class Normalizer {
 public:
  Normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) nfc_ = nullptr;
    table_ = std::make_unique<std::array<Entry, kTableSize>>();
    std::string out;
    for (UChar32 c = 0; c < kTableSize; ++c) {
      Entry& e = (*table_)[static_cast<std::size_t>(c)];
      out.clear();
      if (U_IS_SURROGATE(c)) {
        MapCodePoint(kReplacement, &out);
      } else {
        e.boundary_before = nfc_ == nullptr || nfc_->hasBoundaryBefore(c);
        NormalizeAlone(c, &out);
      }
      if (out.size() <= sizeof(e.bytes)) {
        e.len = static_cast<std::uint8_t>(out.size());
        std::memcpy(e.bytes, out.data(), out.size());
      } else {
        e.len = 0xFF;  // computed on demand
      }
    }
  }

  bool BoundaryBefore(UChar32 c) const {
    if (c < 0x80) return true;  // ASCII and invalid (-1) sequences
    if (c < kTableSize) return (*table_)[static_cast<std::size_t>(c)].boundary_before;
    return nfc_ == nullptr || nfc_->hasBoundaryBefore(c);
  }

  // One code point that forms an NFC segment by itself.
  void Single(UChar32 c, std::string* out) const {
    if (c < 0) c = kReplacement;
    if (c < kTableSize) {
      const Entry& e = (*table_)[static_cast<std::size_t>(c)];
      if (e.len != 0xFF) {
        out->append(e.bytes, e.len);
        return;
      }
    }
    NormalizeAlone(c, out);
  }

  // A segment of several code points. `cps` holds them (invalid as -1) and
  // `starts` their source offsets. Calls emit(source_offset, first, last)
  // for each contiguous piece of output.
  template <typename Emit>
  void Segment(const UChar32* cps, const std::size_t* starts, std::size_t count,
               std::string* scratch, Emit&& emit) const {
    icu::UnicodeString input;
    for (std::size_t k = 0; k < count; ++k) input.append(cps[k] < 0 ? kReplacement : cps[k]);
    icu::UnicodeString composed;
    UErrorCode status = U_ZERO_ERROR;
    if (nfc_ != nullptr) nfc_->normalize(input, composed, status);
    if (nfc_ == nullptr || U_FAILURE(status) || composed == input) {
      // Unchanged by NFC: each code point keeps its own source offset.
      for (std::size_t k = 0; k < count; ++k) {
        scratch->clear();
        MapCodePoint(cps[k] < 0 ? kReplacement : cps[k], scratch);
        emit(starts[k], *scratch);
      }
      return;
    }
    scratch->clear();
    for (std::int32_t k = 0; k < composed.length();) {
      const UChar32 c = composed.char32At(k);
      MapCodePoint(c, scratch);
      k += U16_LENGTH(c);
    }
    emit(starts[0], *scratch);
  }

 private:
  void NormalizeAlone(UChar32 c, std::string* out) const {
    if (nfc_ != nullptr && c >= 0x80 &&
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString composed = nfc_->normalize(icu::UnicodeString(c), status);
      if (U_SUCCESS(status)) {
        for (std::int32_t k = 0; k < composed.length();) {
          const UChar32 d = composed.char32At(k);
          MapCodePoint(d, out);
          k += U16_LENGTH(d);
        }
        return;
      }
    }
    MapCodePoint(c, out);
  }

  const icu::Normalizer2* nfc_ = nullptr;
  std::unique_ptr<std::array<Entry, kTableSize>> table_;
};

const Normalizer& Instance() {
  static const Normalizer* const instance = new Normalizer();
  return *instance;
}

constexpr std::array<char, 128> MakeAsciiFold() {
  std::array<char, 128> t{};
  for (int b = 0; b < 128; ++b) {
    t[static_cast<std::size_t>(b)] =
        static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
  }
  return t;
}
constexpr std::array<char, 128> kAsciiFold = MakeAsciiFold();

// Walks the text and calls sink(source_offset, bytes) for each piece of output,
// or sink_ascii(source_offset, byte) on the ASCII fast path.
template <typename Sink, typename SinkAscii>
void Walk(std::string_view utf8, Sink&& sink, SinkAscii&& sink_ascii) {
  const Normalizer& norm = Instance();
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::size_t n = utf8.size();
  std::string piece;
  std::string scratch;
  std::vector<UChar32> cps;
  std::vector<std::size_t> starts;
  std::size_t i = 0;
  while (i < n) {
    // ASCII followed by ASCII (or the end) is a segment of its own.
    if (s[i] < 0x80 && (i + 1 == n || s[i + 1] < 0x80)) {
      sink_ascii(i, kAsciiFold[s[i]]);
      ++i;
      continue;
    }
    UChar32 c;
    const std::size_t len = Decode(s, n, i, &c);
    std::size_t j = i + len;
    UChar32 next = -1;
    std::size_t next_len = 0;
    if (j < n) next_len = Decode(s, n, j, &next);
    if (j >= n || norm.BoundaryBefore(next)) {
      piece.clear();
      norm.Single(c, &piece);
      sink(i, piece);
      i = j;
      continue;
    }
    // A starter followed by combining marks: gather the whole segment.
    cps.assign(1, c);
    starts.assign(1, i);
    while (j < n) {
      if (next_len == 0) next_len = Decode(s, n, j, &next);
      if (norm.BoundaryBefore(next)) break;
      cps.push_back(next);
      starts.push_back(j);
      j += next_len;
      next_len = 0;
    }
    norm.Segment(cps.data(), starts.data(), cps.size(), &scratch,
                 [&](std::size_t offset, const std::string& bytes) { sink(offset, bytes); });
    i = j;
  }
}

}  // namespace

AlignedText NormalizeAligned(std::string_view utf8) {
  AlignedText result;
  result.text.reserve(utf8.size() + utf8.size() / 8);
  result.to_source.reserve(utf8.size() + utf8.size() / 8 + 1);
  Walk(
      utf8,
      [&](std::size_t offset, const std::string& bytes) {
        result.text.append(bytes);
        result.to_source.insert(result.to_source.end(), bytes.size(),
                                static_cast<std::uint32_t>(offset));
      },
      [&](std::size_t offset, char byte) {
        result.text.push_back(byte);
        result.to_source.push_back(static_cast<std::uint32_t>(offset));
      });
  result.to_source.push_back(static_cast<std::uint32_t>(utf8.size()));
  return result;
}

std::string NormalizeString(std::string_view utf8) {
  // Most tokens are ASCII: lower-case them byte by byte, and fall back to the
  // full walk at the first non-ASCII byte.
  {
    std::string out(utf8.size(), '\0');
    std::size_t i = 0;
    for (; i < utf8.size(); ++i) {
      const auto b = static_cast<unsigned char>(utf8[i]);
      if (b >= 0x80) break;
      out[i] = kAsciiFold[b];
    }
    if (i == utf8.size()) return out;
  }
  std::string out;
  out.reserve(utf8.size() + 4);
  Walk(
      utf8, [&](std::size_t, const std::string& bytes) { out.append(bytes); },
      [&](std::size_t, char byte) { out.push_back(byte); });
  return out;
}

}  // namespace policytext::internal
