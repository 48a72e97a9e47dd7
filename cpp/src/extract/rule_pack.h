// Rule packs: the parsed, validated form of a `.rules` file (docs/rules.md).
// Parsing checks the syntax, the keys and the values and expands the macros;
// compiling the patterns with RE2 happens in rule_set.h.
//
//   auto pack = internal::ParseRulePack(text, "fr/sharing.rules");
//   if (!pack.ok()) return pack.status();  // "fr/sharing.rules:12:7: unknown key 'patern'"
#ifndef POLICYTEXT_SRC_EXTRACT_RULE_PACK_H_
#define POLICYTEXT_SRC_EXTRACT_RULE_PACK_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policytext/clause.h"
#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext::internal {

// Where a piece of a pack comes from; line and column are 1-based, the column
// counts code points.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
  std::string ToString() const;  // "file:line:col"
};

// A pattern as written and after macro expansion.
struct PatternDef {
  std::string raw;
  std::string expanded;
  SourceLoc loc;  // of the value
};

enum class RuleScope : std::uint8_t { kSentence = 0, kClause, kBlock };

struct RuleDef {
  std::string id;
  SourceLoc loc;  // of the header
  Language lang = Language::kUnd;  // kUnd: from the ID prefix or the folder
  Category category = Category::kSharing;
  std::vector<PatternDef> patterns;  // alternatives
  std::vector<PatternDef> required;  // `require`: all must match
  std::vector<PatternDef> excluded;  // `exclude`: any vetoes
  double confidence = 0.7;
  std::vector<std::pair<std::string, std::string>> sets;  // implied attributes
  RuleScope scope = RuleScope::kSentence;
  bool override = false;
};

struct LexiconDef {
  std::string id;
  SourceLoc loc;
  Language lang = Language::kUnd;
  std::string attribute;
  std::string value;
  std::string detail;
  std::vector<Category> categories;  // empty: the schema's default for the attribute
  std::vector<PatternDef> terms;
  bool override = false;
};

struct DisableDef {
  std::string id;
  SourceLoc loc;
};

// One section of a pack, in file order (order matters for override/disable).
struct PackEntry {
  enum class Kind : std::uint8_t { kRule, kLexicon, kDisable } kind = Kind::kRule;
  std::size_t index = 0;  // into rules / lexicons / disables
};

struct RulePack {
  std::string file;
  std::vector<RuleDef> rules;
  std::vector<LexiconDef> lexicons;
  std::vector<DisableDef> disables;
  std::vector<PackEntry> order;
};

// Parses one pack. `file` names it in errors; `folder_lang` is the language
// given by the pack's folder (fr/, en/), kUnd when none. A rule or lexicon whose
// ID does not start with "fr." or "en." takes the folder's language; with neither
// it is an error. Errors are InvalidArgument "file:line:col: message".
StatusOr<RulePack> ParseRulePack(std::string_view text, std::string_view file,
                                 Language folder_lang = Language::kUnd);

// Expands {b}, {w}, {word}, {gap} and rejects \b, \B, \w, \W with a hint. On
// error, `error_offset` is the 0-based byte offset in `pattern` of the problem.
StatusOr<std::string> ExpandPattern(std::string_view pattern, std::size_t* error_offset);

// The macro names and their expansions (for docs and `rules explain`).
const std::vector<std::pair<std::string, std::string>>& PatternMacros();

// The default categories an attribute attaches to (the schema's attribute
// lists); empty for an attribute name the schema does not know (attaches to all).
std::vector<Category> DefaultCategoriesFor(std::string_view attribute);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_RULE_PACK_H_
