// The JSON record of an analysed document (docs/schema.md), one line of JSON
// Lines output.
//
//   std::string line = policytext::ToJson(*doc, {.id = "acme-2024", .source = path});
#ifndef POLICYTEXT_JSON_H_
#define POLICYTEXT_JSON_H_

#include <string>

#include "policytext/document.h"

namespace policytext {

// Bumped whenever a field changes meaning or disappears (docs/schema.md).
inline constexpr int kJsonSchemaVersion = 1;

struct JsonOptions {
  std::string id;      // emitted as "id" when not empty
  std::string source;  // emitted as "source" when not empty
  bool include_text = false;    // the whole analysed text
  bool include_blocks = false;  // blocks with spans and section paths
};

// One line, no trailing newline. Records carry "schema_version", "status": "ok".
std::string ToJson(const Document& doc, const JsonOptions& options = {});

// One clause as it appears in the record's "clauses" array.
std::string ClauseJson(const Document& doc, const Clause& clause);
// The "attributes" object of a clause (recipients, periods, data_types, action, ...).
std::string ClauseAttributesJson(const Clause& clause);

}  // namespace policytext

#endif  // POLICYTEXT_JSON_H_
