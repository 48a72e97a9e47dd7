// The French and English duration parser used for retention periods.
//
//   std::vector<Duration> d = FindDurations("conservées jusqu'à trois (3) ans",
//                                           Language::kFr);
//   // d[0].text == "trois (3) ans", d[0].iso == "P3Y", d[0].qualifier == "max",
//   // d[0].full_begin covers "jusqu'à".
//
// Input is the NORMALISED text (cpp/src/text/normalize.h: NFC, case-folded,
// apostrophes unified to ', NBSP as a space); offsets are bytes into it.
// Linear time: one scan into words, then a bounded look-around per number.
//
// What is recognised (docs/rules.md, "Durations, negation and modality"):
// - quantities: digits ("13", "1,5", "1.5"), number words up to the hundreds
//   in both languages ("quatre-vingt-dix", "vingt et un", "twenty-four",
//   "a hundred"), the articles "a"/"an"/"un"/"une", halves ("six mois et demi",
//   "a year and a half", "une demi-heure"), "trois (3) ans";
// - units: second, minute, hour, day, week, month, year, decade (+ French
//   trimestre/semestre), abbreviations h, j, min, hrs, yrs; "business"/"working"
//   days and "jours ouvrés/ouvrables" are days with `business_days` set;
// - compounds ("1 an et 6 mois" -> P1Y6M), adjectives ("30-day" -> P30D);
// - ranges ("entre 6 et 12 mois", "de 6 à 12 mois", "6-12 months") give two
//   Durations: the low end (qualifier "min", is_range_low) and the high end
//   (qualifier "max", is_range_high);
// - qualifiers before or after: max, min, approx (exact otherwise).
// Ages and thresholds ("âgés de plus de 16 ans", "children under 13 years of
// age", "13 years or older") and rates ("24h/24", "7 days a week") are skipped.
#ifndef POLICYTEXT_SRC_EXTRACT_DURATION_H_
#define POLICYTEXT_SRC_EXTRACT_DURATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/wordscan.h"
#include "policytext/text.h"

namespace policytext::internal {

struct Duration {
  // The quantity and unit, e.g. "12 mois", "1 an et 6 mois", "trois (3) ans".
  // For the low end of a range without its own unit ("entre 6 et 12 mois") this
  // is just the number ("6").
  std::size_t begin = 0;
  std::size_t end = 0;
  // The whole expression with its qualifier or range words: "jusqu'à 12 mois",
  // "entre 6 et 12 mois" (both ends of a range share it).
  std::size_t full_begin = 0;
  std::size_t full_end = 0;
  std::string text;  // normalized.substr(begin, end - begin)
  // ISO 8601 in the unit stated: P30D, P13M, P3Y, PT24H, P2W, P1Y6M, P6.5M;
  // decades as years (P10Y), trimestre/semestre as months (P3M, P6M).
  std::string iso;
  std::string qualifier = "exact";  // exact | max | min | approx
  std::string qualifier_text;       // "jusqu'à", "at least", ...; empty if exact
  bool is_range_low = false;
  bool is_range_high = false;
  bool business_days = false;  // "jours ouvrés", "business days" (iso is PnD)
  // Approximate length in days (month = 30.44, year = 365.25), for ordering.
  double days = 0.0;
};

// All durations of a normalised sentence (or any text), in text order, spans
// non-overlapping. `lang` kUnd tries both languages and keeps the longer match.
std::vector<Duration> FindDurations(std::string_view normalized, Language lang);
// Same, over the words of `normalized` already scanned (ScanWords(normalized)).
std::vector<Duration> FindDurations(std::string_view normalized, Language lang,
                                    const std::vector<ScanWord>& words);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_DURATION_H_
