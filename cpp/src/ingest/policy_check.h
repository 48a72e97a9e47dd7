// Does a Document look like a privacy policy? Archives also hold error pages,
// login walls, geo-block notices, empty shells and pages in other languages.
#ifndef POLICYTEXT_SRC_INGEST_POLICY_CHECK_H_
#define POLICYTEXT_SRC_INGEST_POLICY_CHECK_H_

#include <cstddef>
#include <string_view>

#include "policytext/document.h"

namespace policytext::internal {

struct PolicySignals {
  std::string_view title;         // HTML <title>
  std::size_t script_bytes = 0;   // bytes of <script>/<style> in the source
  std::size_t login_fields = 0;   // password inputs
};

PolicyCheck CheckPolicy(const Document& doc, const PolicySignals& signals);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_INGEST_POLICY_CHECK_H_
