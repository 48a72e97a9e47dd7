// The matcher: runs compiled rule packs over a Document's sentences and builds
// its clauses and summary.
//
//   auto rules = CompiledRules::Build(BuiltinRuleSources(), {Language::kFr, Language::kEn});
//   Document doc = ...;  // from Reader::Read, or built by hand with blocks/sentences
//   Status s = ExtractClauses(**rules, doc);
#ifndef POLICYTEXT_SRC_EXTRACT_EXTRACTOR_H_
#define POLICYTEXT_SRC_EXTRACT_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_set.h"
#include "policytext/analyzer.h"
#include "policytext/document.h"
#include "policytext/status.h"

namespace policytext::internal {

// Replaces doc.clauses and doc.summary. A sentence's language is its block's,
// else the document's; when neither is known, every compiled language runs.
// A Document without sentences is read block by block (or as one sentence).
// ResourceExhausted if a rule's require / exclude pattern, compiled on first
// use, does not fit RE2's memory budget.
Status ExtractClauses(const CompiledRules& rules, Document& doc);

// Fills doc.summary from doc.clauses.
void Summarize(Document& doc);

// What every rule the prefilter reported did on each sentence of `doc`
// (sentences without any candidate are left out).
StatusOr<std::vector<SentenceTrace>> TraceRules(const CompiledRules& rules, const Document& doc);

// One line per rule and lexicon entry, in load order.
std::vector<RuleInfo> ListRules(const CompiledRules& rules);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_EXTRACTOR_H_
