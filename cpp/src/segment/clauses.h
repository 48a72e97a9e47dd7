// The second level of segmentation: clauses inside one sentence, cut after ';'
// and after a ':' that introduces an enumeration.
#ifndef POLICYTEXT_SRC_SEGMENT_CLAUSES_H_
#define POLICYTEXT_SRC_SEGMENT_CLAUSES_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace policytext::internal {

// Appends to `out` the clause ranges of the sentence text[begin, end), untrimmed,
// covering it in order. A cut falls after a ';' or ':' that is outside brackets
// and followed by whitespace (so URLs, times and "&amp;" never cut). A ':' cuts
// only when the rest of the sentence holds a ',' or ';' (an enumeration follows).
// One range [begin, end) when there is no cut. Linear in end - begin.
void ClauseRanges(std::string_view text, std::size_t begin, std::size_t end,
                  std::vector<std::pair<std::size_t, std::size_t>>& out);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_SEGMENT_CLAUSES_H_
