// Pieces of the JSON record, shared by the emitter and the batch code.
#ifndef POLICYTEXT_SRC_EMIT_JSON_INTERNAL_H_
#define POLICYTEXT_SRC_EMIT_JSON_INTERNAL_H_

#include <string>

#include <nlohmann/json.hpp>

#include "policytext/document.h"

namespace policytext::internal {

// "start"/"end" (code points) and "byte_start"/"byte_end".
inline void AddSpanTo(nlohmann::json& j, const Span& span) {
  j["start"] = span.char_begin;
  j["end"] = span.char_end;
  j["byte_start"] = span.begin;
  j["byte_end"] = span.end;
}

// The "attributes" object of a clause: list keys (recipients, periods,
// data_types, ...) and scalar keys (action, bound, event, start_event).
nlohmann::json AttributesToJson(const Clause& clause);
nlohmann::json ClauseToJson(const Document& doc, const Clause& clause);
nlohmann::json SummaryToJson(const Document& doc);
// Compact, invalid UTF-8 replaced by U+FFFD.
std::string Dump(const nlohmann::json& j);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EMIT_JSON_INTERNAL_H_
