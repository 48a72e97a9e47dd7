// Retention periods in French and English text, as ISO 8601 durations.
//
//   std::vector<policytext::DurationMention> d =
//       policytext::ParseDurations("Conservées jusqu’à 13 mois.", policytext::Language::kFr);
//   // d[0].text == "13 mois", d[0].iso == "P13M", d[0].qualifier == "max";
//   // d[0].span points into the caller's bytes (and code points).
//
// The text is normalised first (NFC, case folding, apostrophes, NBSP); spans map
// back to the caller's text. Ages and thresholds ("âgés de plus de 16 ans",
// "children under 13 years of age") are not durations. The grammar and its
// limits are in docs/rules.md ("Durations, negation and modality").
#ifndef POLICYTEXT_DURATIONS_H_
#define POLICYTEXT_DURATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "policytext/text.h"

namespace policytext {

struct DurationMention {
  Span span;       // the quantity and unit: "13 mois", "1 an et 6 mois"
  Span full_span;  // with qualifier or range words: "jusqu’à 13 mois"
  std::string text;  // the caller's text of `span`
  std::string iso;   // "P13M", "P1Y6M", "PT24H", "P2W"
  std::string qualifier;  // "exact", "max", "min", "approx"
  bool range_low = false;   // low end of a range (qualifier "min")
  bool range_high = false;  // high end of a range (qualifier "max")
  bool business_days = false;
};

// `lang` kUnd tries French and English. Never fails: invalid UTF-8 is read as
// U+FFFD, empty input gives no mention.
std::vector<DurationMention> ParseDurations(std::string_view utf8,
                                            Language lang = Language::kUnd);

}  // namespace policytext

#endif  // POLICYTEXT_DURATIONS_H_
