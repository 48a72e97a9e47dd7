// What a policy states: clauses with their category, polarity, modality,
// attributes and evidence, and a per-document summary. Produced by Analyzer.
//
//   for (const policytext::Clause& c : doc.clauses) {
//     if (c.category == policytext::Category::kSharing &&
//         c.polarity == policytext::Polarity::kAffirmed) {
//       std::cout << doc.text.substr(c.span.begin, c.span.size()) << "\n";
//     }
//   }
#ifndef POLICYTEXT_CLAUSE_H_
#define POLICYTEXT_CLAUSE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policytext/status.h"
#include "policytext/text.h"

namespace policytext {

enum class Category : std::uint8_t {
  kSharing = 0,
  kRetention,
  kAdvertising,
  kFirstPartyCollection,
  kUserChoice,
  kUserRights,
  kSecurity,
  kPolicyChange,
  kInternationalTransfer,
  kChildren,
  kTracking,
  kContact,
};
inline constexpr int kNumCategories = 12;
// "sharing", "retention", "advertising", "first_party_collection", ...
std::string_view CategoryName(Category category);
StatusOr<Category> ParseCategory(std::string_view name);

enum class Polarity : std::uint8_t { kAffirmed = 0, kNegated };
enum class Modality : std::uint8_t { kDefinite = 0, kPossible };
std::string_view PolarityName(Polarity polarity);  // "affirmed", "negated"
std::string_view ModalityName(Modality modality);  // "definite", "possible"

// One attribute of a clause. The meaning of `value` and `detail` depends on
// `name`; docs/schema.md lists them all. Examples:
//   recipient:  value = type ("affiliate", "named", ...), detail = company ("Meta")
//   period:     value = ISO 8601 duration ("P13M"), detail = qualifier ("max")
//   bound:      value = "until_event", detail = the event ("account_deletion")
//   data_type, purpose, action, condition, kind, user_choice, right, safeguard:
//               value = the normalised label
struct Attribute {
  std::string name;
  std::string value;
  std::string detail;
  std::string text;  // surface text; empty when the value is implied
  Span span;         // into Document::text; empty when implied
  bool negated = false;  // explicitly excluded ("sauf à nos partenaires")
};

struct Clause {
  Category category = Category::kSharing;
  Polarity polarity = Polarity::kAffirmed;
  Modality modality = Modality::kDefinite;
  Span span;                 // into Document::text
  std::int64_t sentence = -1;  // index into Document::sentences
  std::int64_t block = -1;     // index into Document::blocks
  std::string negation_cue;  // "ne … jamais", "do not"; empty when affirmed
  std::vector<Attribute> attributes;
  std::vector<std::string> rules;  // ids of the rules that fired: the evidence
  double confidence = 0.0;   // 0..1
};

enum class Stance : std::uint8_t { kSilent = 0, kAffirmed, kDenied };
std::string_view StanceName(Stance stance);  // "silent", "affirmed", "denied"

struct PracticeSummary {
  Category category = Category::kSharing;
  Stance stance = Stance::kSilent;
  std::int64_t strongest_clause = -1;  // index into Document::clauses
  std::size_t affirmed = 0;
  std::size_t negated = 0;
};

struct Summary {
  std::vector<PracticeSummary> practices;  // one per category, in Category order
};

}  // namespace policytext

#endif  // POLICYTEXT_CLAUSE_H_
