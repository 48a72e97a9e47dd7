// The retention bound and start event of a sentence.
//
//   RetentionInfo r = AnalyzeRetention(
//       "nous conservons vos données 3 ans à compter de votre dernière connexion",
//       Language::kFr);
//   // r.bound == RetentionBound::kFixed, r.periods[0].iso == "P3Y",
//   // r.start_event == RetentionEvent::kLastActivity,
//   // r.start_text == "à compter de votre dernière connexion".
//
// Input is the NORMALISED sentence (see duration.h); offsets are bytes into it.
#ifndef POLICYTEXT_SRC_EXTRACT_RETENTION_H_
#define POLICYTEXT_SRC_EXTRACT_RETENTION_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/duration.h"
#include "extract/wordscan.h"
#include "policytext/text.h"

namespace policytext::internal {

enum class RetentionBound : std::uint8_t {
  kNone = 0,            // nothing about how long
  kFixed,               // at least one concrete period
  kAsLongAsNecessary,   // "aussi longtemps que nécessaire", "no longer than necessary"
  kUntilEvent,          // "jusqu'à la suppression de votre compte", "until you unsubscribe"
  kIndefinite,          // "indéfiniment", "indefinitely", "permanently"
  kLegalObligation,     // "durée de prescription", "as required by law"
};
// "none", "fixed", "as_long_as_necessary", "until_event", "indefinite", "legal_obligation".
std::string_view RetentionBoundName(RetentionBound bound);

enum class RetentionEvent : std::uint8_t {
  kNone = 0,
  kAccountDeletion,    // account closed, deleted, deactivated; "tant que votre compte est actif"
  kEndOfContract,      // end of the contract / subscription / commercial relationship
  kLastActivity,       // last login, last contact, inactivity
  kConsentWithdrawal,  // consent withdrawn, unsubscribe, opt-out
  kCollection,         // the collection itself ("à compter de la collecte")
  kOther,
};
// "none", "account_deletion", "end_of_contract", "last_activity",
// "consent_withdrawal", "collection", "other".
std::string_view RetentionEventName(RetentionEvent event);

// One cue found in the sentence, in text order.
struct RetentionCue {
  RetentionBound bound = RetentionBound::kNone;
  RetentionEvent event = RetentionEvent::kNone;  // for kUntilEvent
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

struct RetentionInfo {
  // With a period: kLegalObligation when a legal cue is in the sentence,
  // kUntilEvent when the period counts from account deletion or the end of the
  // contract (event = start_event), else kFixed (corpora/README.md). Without a
  // period: the first cue in text order, else kUntilEvent for a start event.
  RetentionBound bound = RetentionBound::kNone;
  RetentionEvent event = RetentionEvent::kNone;  // the event when bound == kUntilEvent
  std::size_t bound_begin = 0, bound_end = 0;    // the cue (the first period when kFixed)
  std::string bound_text;
  // Where the period starts: "à compter de votre dernière connexion",
  // "from the end of the contract", "after account closure".
  RetentionEvent start_event = RetentionEvent::kNone;
  std::size_t start_begin = 0, start_end = 0;
  std::string start_text;
  std::vector<Duration> periods;  // FindDurations() of the sentence
  std::vector<RetentionCue> cues;  // every non-fixed cue, in text order
};

RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang);
// Same, over ScanWords(normalized) computed once by the caller.
RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang,
                               const std::vector<ScanWord>& words);
// Same, reusing durations the caller already found in `normalized`.
RetentionInfo AnalyzeRetention(std::string_view normalized, Language lang,
                               std::vector<Duration> periods);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_RETENTION_H_
