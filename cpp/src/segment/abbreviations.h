// Abbreviations that suppress a sentence break after their final period.
//
// ICU's FilteredBreakIteratorBuilder matches a suppression as a suffix of the
// text before the break, without a word boundary: with "M." suppressed, "… the
// ATM. Next" would not break either. The table here matches whole
// whitespace-delimited words (and two-word forms such as "p. ex."), and knows
// which abbreviations can also end a sentence ("etc.", "Inc.", "S.A.").
#ifndef POLICYTEXT_SRC_SEGMENT_ABBREVIATIONS_H_
#define POLICYTEXT_SRC_SEGMENT_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace policytext::internal {

enum class AbbreviationKind {
  kNone,
  // Never ends a sentence: "M.", "Mr.", "art.", "cf.", "e.g.", "p. ex.".
  kPrefix,
  // Ends the sentence when the next word is a usual sentence opener
  // ("etc. Nous …", "Inc. We …"), not otherwise ("Acme Inc. Privacy Team").
  kTerminal,
};

class AbbreviationTable {
 public:
  static AbbreviationTable French();
  static AbbreviationTable English();

  // `word` ends with '.', `previous` is the word before it (may be empty).
  // Words made of single letters and periods ("U.S.", "S.A.S.") are kTerminal
  // when not listed.
  AbbreviationKind Lookup(std::string_view previous, std::string_view word) const;

  // Whether `word` (letters only, as found after the break) usually opens a
  // sentence in this language: pronouns, determiners, conjunctions.
  bool IsSentenceOpener(std::string_view word) const;

 private:
  void Add(std::string_view abbreviation, AbbreviationKind kind);
  std::unordered_map<std::string, AbbreviationKind> words_;
  std::unordered_map<std::string, AbbreviationKind> pairs_;  // "p. ex."
  std::unordered_set<std::string> openers_;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_SEGMENT_ABBREVIATIONS_H_
