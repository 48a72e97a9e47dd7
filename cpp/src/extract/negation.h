// Negation (with its scope) and modality of a practice trigger in a sentence.
//
//   std::string_view s = "nous ne vendons jamais vos données";
//   NegationResult n = FindNegation(s, 9, 16, Language::kFr);  // trigger "vendons"
//   // n.negated, n.cue == "ne … jamais", n.scope_begin..scope_end covers the clause.
//   ModalityResult m = FindModality("nous pouvons partager vos données", 13, 22,
//                                   Language::kFr);
//   // m.modality == Modality::kPossible, m.cue == "pouvons".
//
// Input is the NORMALISED sentence (see duration.h); offsets are bytes into it.
// A cue scopes over the trigger when it stands in the same clause, before the
// trigger (French "ne" before it, its second part anywhere in the clause), with
// no clause boundary between them: . ; : ! ? ( ) or a dash, a comma or
// conjunction that opens a new subject (", we", "and we", "et nous"), "but",
// "mais", "except", "sauf", "à l'exception de", "other than", "unless",
// "à moins que", "if", "si" ... Restrictive "ne … que" and "not only"/"pas
// seulement" are affirmations (restrictive = true).
#ifndef POLICYTEXT_SRC_EXTRACT_NEGATION_H_
#define POLICYTEXT_SRC_EXTRACT_NEGATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/wordscan.h"
#include "policytext/clause.h"
#include "policytext/text.h"

namespace policytext::internal {

struct NegationResult {
  bool negated = false;
  // The cue as read: "ne … jamais", "n' … pas", "do not", "never", "sans",
  // "without", "aucun", "no". Empty when nothing negates the trigger.
  std::string cue;
  std::size_t cue_begin = 0, cue_end = 0;  // the first cue word
  // The part of the sentence the negation governs: from the cue to the end of
  // its clause or to an exception marker. Empty when not negated.
  std::size_t scope_begin = 0, scope_end = 0;
  // "ne … que", "not only", "pas seulement": restrictive, not a negation.
  bool restrictive = false;
  std::string restrictive_cue;
  // An exception after the trigger in the negated clause: "sauf", "except",
  // "à l'exception de", "other than", "unless", "à moins que" (e.g. "we do not
  // share your data except with our processors"). exception_begin points at it.
  bool has_exception = false;
  std::string exception_cue;
  std::size_t exception_begin = 0, exception_end = 0;
};

// `trigger_begin` < `trigger_end` <= normalized.size(); an out-of-range trigger
// is clamped.
NegationResult FindNegation(std::string_view normalized, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang);
// Same, over ScanWords(normalized) computed once by the caller (several
// triggers in one sentence).
NegationResult FindNegation(std::string_view normalized, const std::vector<ScanWord>& words,
                            std::size_t trigger_begin, std::size_t trigger_end, Language lang);

struct ModalityResult {
  Modality modality = Modality::kDefinite;
  std::string cue;  // "may", "peut", "est susceptible de", "le cas échéant"; empty if definite
  std::size_t cue_begin = 0, cue_end = 0;
};

// Possible when a modal cue stands in the trigger's clause: may, might, can,
// could (not "cannot"/"can't", which are negations); peut, peuvent, pouvons,
// pourra, pourrons, pourrait…, "est/sont susceptible(s) de", "le cas échéant",
// "éventuellement", "possibly", "potentially".
ModalityResult FindModality(std::string_view normalized, std::size_t trigger_begin,
                            std::size_t trigger_end, Language lang);
ModalityResult FindModality(std::string_view normalized, const std::vector<ScanWord>& words,
                            std::size_t trigger_begin, std::size_t trigger_end, Language lang);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_NEGATION_H_
