#include "extract/negation.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace policytext::internal {
namespace {

// The trigger is written between braces: "nous ne {vendons} jamais".
struct Marked {
  std::string text;
  std::size_t begin = 0, end = 0;
};

Marked Mark(std::string_view s) {
  Marked m;
  const std::size_t a = s.find('{');
  const std::size_t b = s.find('}');
  m.text = std::string(s.substr(0, a)) + std::string(s.substr(a + 1, b - a - 1)) +
           std::string(s.substr(b + 1));
  m.begin = a;
  m.end = b - 1;
  return m;
}

enum Expect { kNeg, kAff, kRestrictive };

struct Case {
  std::string_view marked;
  Expect expect;
  std::string_view cue;  // expected cue (negated) or restrictive cue
};

void CheckTable(const std::vector<Case>& cases, Language lang) {
  for (const Case& c : cases) {
    Marked m = Mark(c.marked);
    NegationResult r = FindNegation(m.text, m.begin, m.end, lang);
    switch (c.expect) {
      case kNeg:
        EXPECT_TRUE(r.negated) << c.marked;
        EXPECT_EQ(r.cue, c.cue) << c.marked;
        EXPECT_LT(r.scope_begin, m.end) << c.marked;
        EXPECT_GE(r.scope_end, m.end) << c.marked;
        break;
      case kAff:
        EXPECT_FALSE(r.negated) << c.marked << " cue=" << r.cue;
        EXPECT_FALSE(r.restrictive) << c.marked;
        break;
      case kRestrictive:
        EXPECT_FALSE(r.negated) << c.marked;
        EXPECT_TRUE(r.restrictive) << c.marked;
        EXPECT_EQ(r.restrictive_cue, c.cue) << c.marked;
        break;
    }
  }
}

TEST(NegationTest, French) {
  CheckTable(
      {
          {"nous ne {vendons} jamais vos données.", kNeg, "ne \u2026 jamais"},
          {"vos données ne sont jamais {vendues} à des tiers.", kNeg, "ne \u2026 jamais"},
          {"nous ne {partageons} pas vos données.", kNeg, "ne \u2026 pas"},
          {"nous n'{utilisons} pas vos données à des fins publicitaires.", kNeg,
           "n' \u2026 pas"},
          {"nous ne {transmettons} vos données à aucun tiers.", kNeg, "ne \u2026 aucun"},
          {"vos données ne seront en aucun cas {cédées}.", kNeg, "ne \u2026 aucun"},
          {"nous ne {louons} plus vos données.", kNeg, "ne \u2026 plus"},
          {"nous ne {vendons} ni ne louons vos données.", kNeg, "ne \u2026 ni"},
          {"vos données ne sont ni vendues ni {louées}.", kNeg, "ne \u2026 ni"},
          {"nous ne {cédons} nullement vos données.", kNeg, "ne \u2026 nullement"},
          {"nous ne {communiquons} guère vos données.", kNeg, "ne \u2026 guère"},
          {"aucune donnée n'est {vendue}.", kNeg, "aucune"},
          {"aucun {partage} de vos données n'a lieu.", kNeg, "aucun"},
          {"nous fournissons le service sans {partager} vos données.", kNeg, "sans"},
          {"pas de {revente} de vos données.", kNeg, "pas de"},
          {"les données non {partagées} sont supprimées.", kNeg, "non"},
          {"nous ne vendons pas, ne louons pas et ne {partageons} pas vos données.", kNeg,
           "ne \u2026 pas"},
          {"nous ne {vendons} pas vos données sauf si la loi l'exige.", kNeg, "ne \u2026 pas"},
          {"nous ne {partageons} jamais, quelles que soient les circonstances, vos données.",
           kNeg, "ne \u2026 jamais"},
          // A negated predicate after a subject trigger.
          {"les {annonceurs} ne reçoivent jamais votre nom.", kNeg, "ne \u2026 jamais"},
          {"vos {données} ne sont pas vendues.", kNeg, "ne \u2026 pas"},
          {"si vous estimez que vos {droits} ne sont pas respectés, saisissez la cnil.", kAff,
           ""},
      },
      Language::kFr);
  CheckTable(
      {
          {"nous {partageons} vos données avec nos partenaires.", kAff, ""},
          {"nous ne vendons pas vos données, mais nous les {partageons} avec nos partenaires.",
           kAff, ""},
          {"nous ne vendons pas vos données et nous les {partageons} avec nos partenaires.",
           kAff, ""},
          {"si vous ne refusez pas, nous {partagerons} vos données.", kAff, ""},
          {"nous ne vendons pas vos données ; nous les {transmettons} à nos prestataires.",
           kAff, ""},
          {"nous ne vendons rien, sauf que nous {transmettons} vos données.", kAff, ""},
          {"à l'exception des cas prévus, nous ne vendons pas vos données et nous les "
           "{communiquons} à nos filiales.",
           kAff, ""},
          {"nous {partageons} vos données non anonymisées.", kAff, ""},
          {"les partenaires qui ne respectent pas nos règles ne peuvent pas {recevoir} vos "
           "données.",
           kNeg, "ne \u2026 pas"},
          // The cue is in an embedded clause.
          {"les données qui ne sont pas nécessaires sont {supprimées}.", kAff, ""},
          {"si vous n'utilisez plus l'appli, votre compte est {supprimé} après trois ans.", kAff,
           ""},
          // Fixed phrases and a user's choice.
          {"conservées sans limitation de durée pour l'{archivage}.", kAff, ""},
          {"pour ne plus {recevoir} la lettre, cliquez sur le lien.", kAff, ""},
          {"vous pouvez demander de ne plus {recevoir} nos offres.", kAff, ""},
          {"nous nous engageons à ne jamais {vendre} vos données.", kNeg, "ne \u2026 jamais"},
      },
      Language::kFr);
}

TEST(NegationTest, FrenchRestrictiveIsNotNegation) {
  CheckTable(
      {
          {"nous ne {partageons} vos données qu'avec nos prestataires.", kRestrictive,
           "ne \u2026 qu'"},
          {"vos données ne sont {transmises} qu'à nos sous-traitants.", kRestrictive,
           "ne \u2026 qu'"},
          {"nous ne {communiquons} vos données que si vous y consentez.", kRestrictive,
           "ne \u2026 que"},
          {"nous ne {partageons} pas seulement vos données avec nos filiales.", kRestrictive,
           "ne \u2026 pas seulement"},
          {"nous ne {partageons} pas uniquement vos données de contact.", kRestrictive,
           "ne \u2026 pas uniquement"},
      },
      Language::kFr);
}

TEST(NegationTest, English) {
  CheckTable(
      {
          {"we do not {share} your personal data with third parties for their marketing "
           "purposes.",
           kNeg, "do not"},
          {"we never {sell} your data.", kNeg, "never"},
          {"we don't {sell} your personal information.", kNeg, "don't"},
          {"we won't {rent} your data.", kNeg, "won't"},
          {"we will not {sell} your data.", kNeg, "will not"},
          {"your data is not {shared}.", kNeg, "is not"},
          {"we cannot {share} your data.", kNeg, "cannot"},
          {"no personal data is {sold} to third parties.", kNeg, "no"},
          {"we will no longer {share} your data.", kNeg, "no longer"},
          {"we will not sell, rent or {share} your data.", kNeg, "will not"},
          {"we do not, under any circumstances, {sell} your data.", kNeg, "do not"},
          {"we keep data without {sharing} it.", kNeg, "without"},
          {"neither we nor our partners {sell} your data.", kNeg, "nor"},
          {"we do not (and will not) {sell} your data.", kNeg, "do not"},
          {"we do not {share} your data except with our service providers.", kNeg, "do not"},
          {"no one else {receives} your data.", kNeg, "no one"},
          {"we do not {sell} or rent your personal information to anyone.", kNeg, "do not"},
          {"{advertisers} do not receive your name.", kNeg, "do not"},
          {"third {parties} never receive your e-mail address.", kNeg, "never"},
          {"our {partners} don't get your name.", kNeg, "don't"},
          // A trigger that starts before the cue (a rule matching the whole line).
          {"{we do not disclose any data to advertisers} or data brokers.", kNeg, "do not"},
          {"we share data with partners, but not with {data brokers}.", kNeg, "not"},
      },
      Language::kEn);
  CheckTable(
      {
          {"we {share} your data with partners.", kAff, ""},
          {"we do not sell your data, but we {share} it with partners.", kAff, ""},
          {"we do not sell your data and we {share} it with advertisers.", kAff, ""},
          {"if you do not opt out, we will {share} your data.", kAff, ""},
          {"we {share} your data with no more than three partners.", kAff, ""},
          {"whether or not you have an account, we {share} usage data.", kAff, ""},
          {"we do not sell data; we {disclose} it to processors.", kAff, ""},
          {"we do not sell data, except that we {share} it with our affiliates.", kAff, ""},
          {"we do not sell data other than what we {share} with processors.", kAff, ""},
          {"unless you object, we {share} your data.", kAff, ""},
          {"information that is not part of your record is {deleted} after 2 years.", kAff, ""},
          {"data not listed above is {kept} for 2 years.", kAff, ""},
          {"if no report is made, the recording is {deleted}.", kAff, ""},
          {"kept for no longer than 13 {months}.", kAff, ""},
          {"we delete it without undue {delay}.", kAff, ""},
          {"you can choose not to {receive} marketing e-mails.", kAff, ""},
          {"we {share} data with partners not affiliated with us.", kAff, ""},
          // Names of controls are not negations.
          {"click the do not sell or share my personal information link to {opt out}.", kAff,
           ""},
          {"your browser can send do not track {signals}.", kAff, ""},
          {"{we sell data} to partners but not to brokers.", kAff, ""},
      },
      Language::kEn);
}

TEST(NegationTest, EnglishRestrictiveIsNotNegation) {
  CheckTable(
      {
          {"we do not only {share} your data with affiliates.", kRestrictive, "not only"},
          {"we don't just {share} data with advertisers.", kRestrictive, "don't just"},
      },
      Language::kEn);
}

TEST(NegationTest, ScopeAndException) {
  Marked m = Mark("nous ne {transmettons} vos données à aucun tiers, sauf à nos sous-traitants.");
  NegationResult r = FindNegation(m.text, m.begin, m.end, Language::kFr);
  ASSERT_TRUE(r.negated);
  EXPECT_EQ(m.text.substr(r.cue_begin, r.cue_end - r.cue_begin), "ne");
  EXPECT_EQ(m.text.substr(r.scope_begin, r.scope_end - r.scope_begin),
            "ne transmettons vos données à aucun tiers");
  EXPECT_TRUE(r.has_exception);
  EXPECT_EQ(r.exception_cue, "sauf");

  m = Mark("we do not {share} your data other than as described here.");
  r = FindNegation(m.text, m.begin, m.end, Language::kEn);
  ASSERT_TRUE(r.negated);
  EXPECT_EQ(m.text.substr(r.cue_begin, r.cue_end - r.cue_begin), "do not");
  EXPECT_EQ(m.text.substr(r.scope_begin, r.scope_end - r.scope_begin), "do not share your data");
  EXPECT_EQ(r.exception_cue, "other than");

  m = Mark("we never {sell} your data. we share it.");
  r = FindNegation(m.text, m.begin, m.end, Language::kEn);
  ASSERT_TRUE(r.negated);
  EXPECT_EQ(m.text.substr(r.scope_begin, r.scope_end - r.scope_begin), "never sell your data");
  EXPECT_FALSE(r.has_exception);
}

TEST(ModalityTest, Cues) {
  struct M {
    std::string_view marked;
    Language lang;
    std::string_view cue;  // empty: definite
  };
  const std::vector<M> cases = {
      {"we may {share} your data with affiliates.", Language::kEn, "may"},
      {"your data might be {disclosed} to authorities.", Language::kEn, "might"},
      {"we can {share} aggregated data.", Language::kEn, "can"},
      {"we could {transfer} your data in a merger.", Language::kEn, "could"},
      {"data may be {shared} with partners.", Language::kEn, "may"},
      {"we {share} your data with affiliates.", Language::kEn, ""},
      {"we will {share} your data with affiliates.", Language::kEn, ""},
      {"we can't {share} your data.", Language::kEn, ""},
      {"we cannot {share} your data.", Language::kEn, ""},
      {"we may collect data; we {share} it with partners.", Language::kEn, ""},
      {"nous pouvons {partager} vos données avec nos filiales.", Language::kFr, "pouvons"},
      {"vos données peuvent être {transmises} aux autorités.", Language::kFr, "peuvent"},
      {"nous pourrons {communiquer} vos données.", Language::kFr, "pourrons"},
      {"nous pourrions {partager} vos données.", Language::kFr, "pourrions"},
      {"cela pourrait {entraîner} un transfert.", Language::kFr, "pourrait"},
      {"le prestataire peut {accéder} à vos données.", Language::kFr, "peut"},
      {"vos données sont susceptibles d'être {transmises} aux autorités.", Language::kFr,
       "sont susceptibles d'"},
      {"votre adresse est susceptible d'être {communiquée}.", Language::kFr,
       "est susceptible d'"},
      {"nous {transmettons}, le cas échéant, vos données aux autorités.", Language::kFr,
       "le cas échéant"},
      {"le cas échéant, nous {transmettons} vos données aux autorités.", Language::kFr,
       "le cas échéant"},
      {"nous {partageons} vos données avec nos filiales.", Language::kFr, ""},
  };
  for (const M& c : cases) {
    Marked m = Mark(c.marked);
    ModalityResult r = FindModality(m.text, m.begin, m.end, c.lang);
    EXPECT_EQ(r.modality, c.cue.empty() ? Modality::kDefinite : Modality::kPossible)
        << c.marked;
    EXPECT_EQ(r.cue, c.cue) << c.marked;
    if (!c.cue.empty()) EXPECT_EQ(m.text.substr(r.cue_begin, r.cue_end - r.cue_begin), r.cue);
  }
}

TEST(NegationTest, BadTriggersAreClamped) {
  const std::string s = "we do not sell";
  for (auto [b, e] : std::vector<std::pair<std::size_t, std::size_t>>{
           {0, 0}, {100, 200}, {10, 5}, {s.size(), s.size()}, {11, 1000}}) {
    NegationResult r = FindNegation(s, b, e, Language::kEn);
    EXPECT_LE(r.scope_end, s.size());
    ModalityResult m = FindModality(s, b, e, Language::kEn);
    EXPECT_LE(m.cue_end, s.size());
  }
  NegationResult r = FindNegation(s, 10, 1000, Language::kEn);  // "sell" to the end
  EXPECT_TRUE(r.negated);
  EXPECT_FALSE(FindNegation("", 0, 0, Language::kFr).negated);
  EXPECT_FALSE(FindNegation(std::string("\xff\0ne", 4), 0, 4, Language::kFr).negated);
}

}  // namespace
}  // namespace policytext::internal

namespace policytext::internal {
namespace {

TEST(NegationTest, EveryPrefixAndTrigger) {
  for (std::string_view s : {"nous ne les vendons jamais, sauf à l'exception de",
                             "we do not (and won't) share it other than with n'",
                             "aucune donnée n'est le cas échéant susceptible d'"}) {
    for (std::size_t n = 0; n <= s.size(); ++n) {
      const std::string_view p = s.substr(0, n);
      for (std::size_t b = 0; b <= n; b += 3) {
        for (Language lang : {Language::kFr, Language::kEn}) {
          NegationResult r = FindNegation(p, b, std::min(n, b + 4), lang);
          EXPECT_LE(r.scope_begin, r.scope_end);
          EXPECT_LE(r.scope_end, p.size());
          EXPECT_LE(r.exception_end, p.size());
          ModalityResult m = FindModality(p, b, std::min(n, b + 4), lang);
          EXPECT_LE(m.cue_end, p.size());
        }
      }
    }
  }
}

}  // namespace
}  // namespace policytext::internal
