// Charset detection and transcoding to UTF-8: a forced charset, then a BOM, then
// (for HTML) <meta charset> / http-equiv, then ICU's detector, with two guards:
// bytes that are valid UTF-8 are read as UTF-8 whatever a <meta> claims, and
// UTF-8 with stray legacy bytes ("mixed encodings") keeps its UTF-8 and reads
// each stray byte as Windows-1252.
#ifndef POLICYTEXT_SRC_INGEST_CHARSET_H_
#define POLICYTEXT_SRC_INGEST_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/status.h"

namespace policytext::internal {

struct Decoded {
  std::string utf8;     // valid UTF-8, NUL bytes replaced by spaces
  std::string charset;  // what the source was read as: "UTF-8", "windows-1252", ...
  std::size_t bom_bytes = 0;
  std::size_t invalid_utf8 = 0;  // bytes read as UTF-8 that were not (repaired)
  std::vector<std::string> warnings;
};

// The charset a <meta> or <?xml encoding> in the first few KiB declares, or "".
std::string SniffDeclaredCharset(std::string_view head);

// A description of why `bytes` is binary data ("gzip data", "32% control
// bytes"), or "" when it looks like text.
std::string DescribeBinary(std::string_view bytes);

// `is_html` enables the <meta> step. `forced` (may be empty) wins over all.
// InvalidArgument for an unknown forced charset or binary input.
StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html, std::string_view forced);

// WHATWG label aliases: latin1/iso-8859-1/ascii -> windows-1252, utf-16 in a
// <meta> -> UTF-8 (the bytes were already decoded by then), else the label.
std::string CanonicalCharset(std::string_view label);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_INGEST_CHARSET_H_
