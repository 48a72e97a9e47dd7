#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

namespace policytext::internal {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Code points of Windows-1252 bytes 0x80..0x9F; the five unassigned bytes read
// as U+FFFD rather than as C1 controls.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void AppendCp1252Byte(unsigned char b, std::string& out) {
  if (b < 0x80) {
    out += static_cast<char>(b);
  } else if (b < 0xA0) {
    AppendUtf8(kCp1252High[b - 0x80], out);
  } else {
    AppendUtf8(b, out);
  }
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
std::size_t ValidSequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
  }
  return n;
}

struct Utf8Stats {
  std::size_t multibyte = 0;  // valid sequences of 2..4 bytes
  std::size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Stats ScanUtf8(std::string_view s) {
  Utf8Stats st;
  std::size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const std::size_t n = ValidSequenceLength(s, i);
    if (n == 0) {
      ++st.invalid;
      ++i;
    } else {
      if (n > 1) ++st.multibyte;
      i += n;
    }
  }
  return st;
}

// UTF-8 kept; every byte that starts no valid sequence read as Windows-1252.
std::string RepairMixed(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = ValidSequenceLength(s, i);
    if (n == 0) {
      AppendCp1252Byte(static_cast<unsigned char>(s[i]), out);
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string DecodeCp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) AppendCp1252Byte(static_cast<unsigned char>(c), out);
  return out;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

StatusOr<std::string> IcuToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) {
    return InvalidArgumentError("unknown charset '" + charset + "'");
  }
  if (bytes.empty()) return std::string();
  if (bytes.size() > (std::size_t{1} << 30)) {
    return ResourceExhaustedError("input too large to transcode (over 1 GiB)");
  }
  const auto length = static_cast<int32_t>(bytes.size());
  // Preflight so that large inputs do not allocate three times their size.
  status = U_ZERO_ERROR;
  int32_t needed = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), nullptr, 0, bytes.data(), length,
                                      &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    return InvalidArgumentError(std::string("cannot transcode from ") + charset + ": " +
                                u_errorName(status));
  }
  std::string out(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_reset(cnv.get());
  needed = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), needed + 1, bytes.data(), length,
                              &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    return InvalidArgumentError(std::string("cannot transcode from ") + charset + ": " +
                                u_errorName(status));
  }
  out.resize(static_cast<std::size_t>(needed));
  return out;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's guess on the first 64 KiB, with its confidence (0..100).
std::pair<std::string, int> IcuDetect(std::string_view bytes, bool is_html) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return {"", 0};
  const auto n = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 64 * 1024));
  ucsdet_enableInputFilter(det.get(), is_html ? 1 : 0);
  ucsdet_setText(det.get(), bytes.data(), n, &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {"", 0};
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return {"", 0};
  return {name, confidence};
}

bool IsUtf8Label(std::string_view canonical) {
  return canonical == "utf-8" || canonical == "utf8";
}

std::size_t ReplaceNuls(std::string& s) {
  std::size_t n = 0;
  char* p = s.data();
  char* end = p + s.size();
  while ((p = static_cast<char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)))) !=
         nullptr) {
    *p++ = ' ';
    ++n;
  }
  return n;
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  std::string l = LowerAscii(label);
  while (!l.empty() && (l.back() == ' ' || l.back() == '"' || l.back() == '\'')) l.pop_back();
  if (l == "latin1" || l == "iso-8859-1" || l == "iso8859-1" || l == "iso_8859-1" ||
      l == "l1" || l == "us-ascii" || l == "ascii" || l == "cp1252" || l == "windows-1252" ||
      l == "x-cp1252" || l == "cp819" || l == "ibm819") {
    return "windows-1252";
  }
  if (l == "utf8" || l == "unicode-1-1-utf-8" || l == "utf-8") return "utf-8";
  return l;
}

std::string SniffDeclaredCharset(std::string_view head) {
  head = head.substr(0, std::min<std::size_t>(head.size(), 8192));
  const std::string lower = LowerAscii(head);
  std::size_t pos = 0;
  auto read_value = [&](std::size_t at) -> std::string {
    while (at < lower.size() && (lower[at] == ' ' || lower[at] == '=' || lower[at] == '"' ||
                                 lower[at] == '\'')) {
      ++at;
    }
    std::size_t end = at;
    while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) ||
                                  lower[end] == '-' || lower[end] == '_' || lower[end] == ':' ||
                                  lower[end] == '.')) {
      ++end;
    }
    return lower.substr(at, end - at);
  };
  // <?xml version="1.0" encoding="...">
  if (lower.rfind("<?xml", 0) == 0) {
    const std::size_t close = lower.find("?>");
    const std::size_t enc = lower.find("encoding", 0);
    if (enc != std::string::npos && enc < close) {
      std::string v = read_value(enc + 8);
      if (!v.empty()) return v;
    }
  }
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const std::size_t close = lower.find('>', pos);
    const std::size_t end = close == std::string::npos ? lower.size() : close;
    const std::size_t cs = lower.find("charset", pos);
    if (cs != std::string::npos && cs < end) {
      std::string v = read_value(cs + 7);
      if (!v.empty()) return v;
    }
    pos += 5;
  }
  return "";
}

std::string DescribeBinary(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "PDF data";
  if (starts("\x89PNG")) return "PNG data";
  if (starts("\xFF\xD8\xFF")) return "JPEG data";
  if (starts("GIF8")) return "GIF data";
  if (starts(std::string_view("PK\x03\x04", 4))) return "ZIP data";
  if (starts("\x1F\x8B")) return "gzip data";
  if (starts("\x7F" "ELF")) return "ELF executable";
  const std::size_t n = std::min<std::size_t>(bytes.size(), 16 * 1024);
  if (n == 0) return "";
  // Control bytes other than \t \n \f \r and ESC, from a table: a count
  // without a branch per byte (this scan ran on every input).
  static constexpr std::array<std::uint8_t, 256> kControl = [] {
    std::array<std::uint8_t, 256> t{};
    for (int b = 0; b < 0x20; ++b) {
      t[b] = b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B;
    }
    t[0x7F] = 1;
    return t;
  }();
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) control += kControl[static_cast<unsigned char>(bytes[i])];
  if (control * 10 > n) {  // over 10% control bytes
    return std::to_string(control * 100 / n) + "% control bytes in the first " +
           std::to_string(n) + " bytes";
  }
  return "";
}

StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html, std::string_view forced) {
  Decoded out;
  auto finish = [&](std::string text) -> StatusOr<Decoded> {
    out.utf8 = std::move(text);
    if (const std::size_t nuls = ReplaceNuls(out.utf8); nuls > 0) {
      out.warnings.push_back(std::to_string(nuls) + " NUL bytes read as spaces");
    }
    return std::move(out);
  };

  // 1. A charset the caller forces.
  if (!forced.empty()) {
    std::string cs = CanonicalCharset(forced);
    out.charset = cs;
    if (IsUtf8Label(cs)) {
      out.charset = "UTF-8";
      if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        out.bom_bytes = 3;
      }
      out.invalid_utf8 = ScanUtf8(bytes).invalid;
      return finish(RepairMixed(bytes));
    }
    if (cs == "windows-1252") return finish(DecodeCp1252(bytes));
    auto text = IcuToUtf8(bytes, cs);
    if (!text.ok()) return text.status();
    return finish(std::move(text).value());
  }

  // 2. A byte-order mark.
  struct Bom {
    std::string_view bytes;
    const char* charset;
  };
  static constexpr Bom kBoms[] = {
      {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
  };
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) == bom.bytes) {
      out.charset = bom.charset;
      out.bom_bytes = bom.bytes.size();
      bytes.remove_prefix(bom.bytes.size());
      if (out.charset == "UTF-8") {
        out.invalid_utf8 = ScanUtf8(bytes).invalid;
        return finish(RepairMixed(bytes));
      }
      auto text = IcuToUtf8(bytes, out.charset);
      if (!text.ok()) return text.status();
      return finish(std::move(text).value());
    }
  }

  // UTF-16 without a BOM: ASCII text with every other byte zero.
  if (bytes.size() >= 64) {
    std::size_t even_zero = 0, odd_zero = 0;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    for (std::size_t i = 0; i < n; i += 2) {
      even_zero += bytes[i] == '\0';
      odd_zero += bytes[i + 1] == '\0';
    }
    const std::size_t pairs = n / 2;
    const char* utf16 = nullptr;
    if (odd_zero * 10 > pairs * 7 && even_zero * 20 < pairs) utf16 = "UTF-16LE";
    if (even_zero * 10 > pairs * 7 && odd_zero * 20 < pairs) utf16 = "UTF-16BE";
    if (utf16 != nullptr) {
      out.charset = utf16;
      out.warnings.push_back(std::string("no byte-order mark; read as ") + utf16);
      auto text = IcuToUtf8(bytes, out.charset);
      if (!text.ok()) return text.status();
      return finish(std::move(text).value());
    }
  }

  if (std::string what = DescribeBinary(bytes); !what.empty()) {
    return InvalidArgumentError("input is binary (" + what + "), not " +
                                (is_html ? "html" : "text"));
  }

  // 3. Valid UTF-8 stays UTF-8, whatever a <meta> says.
  const std::string declared = is_html ? CanonicalCharset(SniffDeclaredCharset(bytes)) : "";
  const Utf8Stats st = ScanUtf8(bytes);
  if (st.invalid == 0) {
    out.charset = "UTF-8";
    if (!declared.empty() && !IsUtf8Label(declared) && st.multibyte > 0) {
      out.warnings.push_back("declared charset '" + declared +
                             "' ignored: the bytes are valid UTF-8");
    }
    return finish(std::string(bytes));
  }
  // Mostly UTF-8 with some stray legacy bytes: keep the UTF-8.
  if (st.multibyte >= 3 && st.multibyte * 4 >= st.invalid) {
    out.charset = "UTF-8";
    out.invalid_utf8 = st.invalid;
    out.warnings.push_back("mixed encodings: " + std::to_string(st.invalid) +
                           " bytes outside UTF-8 read as windows-1252");
    return finish(RepairMixed(bytes));
  }

  // 4. The declared charset, when it is not UTF-8 (the bytes are not).
  if (!declared.empty() && !IsUtf8Label(declared)) {
    out.charset = declared;
    if (declared == "windows-1252") return finish(DecodeCp1252(bytes));
    auto text = IcuToUtf8(bytes, declared);
    if (text.ok()) return finish(std::move(text).value());
    out.warnings.push_back("declared charset '" + declared + "' unknown; detecting");
  }

  // 5. ICU's detector; weak or Unicode guesses fall back to Windows-1252, the
  // legacy charset of most French and English pages.
  auto [guess, confidence] = IcuDetect(bytes, is_html);
  std::string cs = CanonicalCharset(guess);
  if (cs.empty() || confidence < 25 || IsUtf8Label(cs) || cs.rfind("utf-", 0) == 0) {
    cs = "windows-1252";
  }
  out.charset = cs;
  if (cs == "windows-1252") return finish(DecodeCp1252(bytes));
  auto text = IcuToUtf8(bytes, cs);
  if (!text.ok()) {
    out.charset = "windows-1252";
    return finish(DecodeCp1252(bytes));
  }
  if (!declared.empty() && IsUtf8Label(declared)) {
    out.warnings.push_back("declared UTF-8 but the bytes are not; read as " + cs);
  }
  return finish(std::move(text).value());
}

}  // namespace policytext::internal
