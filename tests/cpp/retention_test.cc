#include "extract/retention.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace policytext::internal {
namespace {

struct Case {
  std::string_view text;
  Language lang;
  std::string_view bound;
  std::string_view event;        // the bound's event ("none" unless until_event)
  std::string_view start_event;  // "none" when no start is stated
  std::string_view start_text;   // "" when no start is stated
};

TEST(RetentionTest, BoundsAndEvents) {
  const std::vector<Case> cases = {
      // fixed, with and without a start event
      {"nous conservons vos données 3 ans à compter de votre dernière connexion.",
       Language::kFr, "fixed", "none", "last_activity", "à compter de votre dernière connexion"},
      // Counted from the end of the contract or account deletion: until_event.
      {"les données sont conservées 5 ans à compter de la fin du contrat.", Language::kFr,
       "until_event", "end_of_contract", "end_of_contract", "à compter de la fin du contrat"},
      {"les cookies sont conservés 13 mois à compter de leur dépôt.", Language::kFr, "fixed",
       "none", "none", ""},
      {"les données sont conservées 13 mois à compter de leur collecte.", Language::kFr,
       "fixed", "none", "collection", "à compter de leur collecte"},
      {"nous conservons vos factures 10 ans.", Language::kFr, "fixed", "none", "none", ""},
      {"data is deleted 3 years after your last login.", Language::kEn, "fixed", "none",
       "last_activity", "after your last login"},
      {"we keep your data for 2 years from the end of the contract.", Language::kEn,
       "until_event", "end_of_contract", "end_of_contract", "from the end of the contract"},
      {"we keep your data for 30 days after account closure.", Language::kEn, "until_event",
       "account_deletion", "account_deletion", "after account closure"},
      {"quand vous supprimez votre compte, vos données sont effacées sous 90 jours.",
       Language::kFr, "until_event", "account_deletion", "account_deletion",
       "quand vous supprimez votre compte"},
      // A period justified by a law: legal_obligation.
      {"les données de connexion sont gardées 12 mois, comme l'exige la loi.", Language::kFr,
       "legal_obligation", "none", "none", ""},
      {"les factures sont archivées 10 ans pour nos obligations comptables.", Language::kFr,
       "legal_obligation", "none", "none", ""},
      // Inactivity after the period.
      {"le compte est supprimé après 24 mois d'inactivité.", Language::kFr, "fixed", "none",
       "last_activity", "après 24 mois d'inactivité"},
      {"les comptes sont supprimés après 3 ans sans connexion.", Language::kFr, "fixed", "none",
       "last_activity", "après 3 ans sans connexion"},
      // as long as necessary
      {"vos données sont conservées aussi longtemps que nécessaire.", Language::kFr,
       "as_long_as_necessary", "none", "none", ""},
      {"vos données sont conservées pendant la durée nécessaire aux finalités du traitement.",
       Language::kFr, "as_long_as_necessary", "none", "none", ""},
      {"nous conservons vos données le temps strictement nécessaire.", Language::kFr,
       "as_long_as_necessary", "none", "none", ""},
      {"we keep your data as long as necessary to provide the services.", Language::kEn,
       "as_long_as_necessary", "none", "none", ""},
      {"we retain data no longer than necessary.", Language::kEn, "as_long_as_necessary",
       "none", "none", ""},
      {"we keep it for the period of time needed for these purposes.", Language::kEn,
       "as_long_as_necessary", "none", "none", ""},
      // until an event
      {"vos données sont conservées jusqu'à la suppression de votre compte.", Language::kFr,
       "until_event", "account_deletion", "none", ""},
      {"vos données sont conservées tant que votre compte est actif.", Language::kFr,
       "until_event", "account_deletion", "none", ""},
      {"vos données sont conservées pendant toute la durée de la relation contractuelle.",
       Language::kFr, "until_event", "end_of_contract", "none", ""},
      {"vos données sont conservées jusqu'au retrait de votre consentement.", Language::kFr,
       "until_event", "consent_withdrawal", "none", ""},
      {"vos données sont conservées jusqu'à votre désinscription.", Language::kFr,
       "until_event", "consent_withdrawal", "none", ""},
      {"we retain your data until you delete your account.", Language::kEn, "until_event",
       "account_deletion", "none", ""},
      {"we keep your data for as long as your account is active.", Language::kEn,
       "until_event", "account_deletion", "none", ""},
      {"we retain your data for the duration of the contract.", Language::kEn, "until_event",
       "end_of_contract", "none", ""},
      {"we keep your email address until you unsubscribe.", Language::kEn, "until_event",
       "consent_withdrawal", "none", ""},
      {"we keep your data until you withdraw your consent.", Language::kEn, "until_event",
       "consent_withdrawal", "none", ""},
      {"we delete your data after you close your account.", Language::kEn, "until_event",
       "account_deletion", "account_deletion", "after you close your account"},
      {"les données ne sont pas conservées au-delà de la session d'ouverture de compte.",
       Language::kFr, "until_event", "other", "none", ""},
      {"les données ne sont pas conservées au-delà de la fin de la session.", Language::kFr,
       "until_event", "other", "none", ""},
      // legal obligation
      {"vos données sont conservées pendant la durée de prescription légale.", Language::kFr,
       "legal_obligation", "none", "none", ""},
      {"nous conservons vos données conformément à nos obligations légales.", Language::kFr,
       "legal_obligation", "none", "none", ""},
      {"we retain records as required by law.", Language::kEn, "legal_obligation", "none",
       "none", ""},
      {"we keep your data for as long as required by applicable law.", Language::kEn,
       "legal_obligation", "none", "none", ""},
      {"some records are kept until the statute of limitations expires.", Language::kEn,
       "until_event", "other", "none", ""},
      // indefinite
      {"nous conservons certaines données indéfiniment.", Language::kFr, "indefinite", "none",
       "none", ""},
      {"ces données sont conservées sans limitation de durée.", Language::kFr, "indefinite",
       "none", "none", ""},
      {"we retain some data indefinitely.", Language::kEn, "indefinite", "none", "none", ""},
      {"public posts are stored permanently.", Language::kEn, "indefinite", "none", "none", ""},
      // nothing
      {"vos données sont définitivement supprimées.", Language::kFr, "none", "none", "none",
       ""},
      {"we permanently delete your data on request.", Language::kEn, "none", "none", "none",
       ""},
      {"nous collectons votre adresse.", Language::kFr, "none", "none", "none", ""},
      // ages are not periods
      {"les données des enfants de moins de 13 ans sont supprimées.", Language::kFr, "none",
       "none", "none", ""},
  };
  for (const Case& c : cases) {
    RetentionInfo r = AnalyzeRetention(c.text, c.lang);
    EXPECT_EQ(RetentionBoundName(r.bound), c.bound) << c.text;
    EXPECT_EQ(RetentionEventName(r.event), c.event) << c.text;
    EXPECT_EQ(RetentionEventName(r.start_event), c.start_event) << c.text;
    EXPECT_EQ(r.start_text, c.start_text) << c.text;
    if (r.bound != RetentionBound::kNone) {
      ASSERT_LE(r.bound_end, c.text.size()) << c.text;
      EXPECT_EQ(c.text.substr(r.bound_begin, r.bound_end - r.bound_begin), r.bound_text);
    }
  }
}

TEST(RetentionTest, PeriodWithALegalCueIsLegalObligation) {
  RetentionInfo r = AnalyzeRetention(
      "vos données sont conservées 3 ans, puis archivées pendant la durée de prescription.",
      Language::kFr);
  EXPECT_EQ(r.bound, RetentionBound::kLegalObligation);
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].iso, "P3Y");
  EXPECT_EQ(r.bound_text, "durée de prescription");
  ASSERT_EQ(r.cues.size(), 1u);
  EXPECT_EQ(r.cues[0].bound, RetentionBound::kLegalObligation);
}

TEST(RetentionTest, QualifierIsNotAnEvent) {
  // "jusqu'à" before a number is the "max" qualifier of a period.
  RetentionInfo r = AnalyzeRetention("conservées jusqu'à 3 ans", Language::kFr);
  EXPECT_EQ(r.bound, RetentionBound::kFixed);
  EXPECT_TRUE(r.cues.empty());
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].qualifier, "max");
}

TEST(RetentionTest, ReusesGivenPeriods) {
  const std::string s = "we keep logs for 90 days";
  std::vector<Duration> d = FindDurations(s, Language::kEn);
  RetentionInfo r = AnalyzeRetention(s, Language::kEn, d);
  EXPECT_EQ(r.bound, RetentionBound::kFixed);
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].iso, "P90D");
  r = AnalyzeRetention(s, Language::kEn, std::vector<Duration>{});
  EXPECT_EQ(r.bound, RetentionBound::kNone);
}

TEST(RetentionTest, Names) {
  EXPECT_EQ(RetentionBoundName(RetentionBound::kAsLongAsNecessary), "as_long_as_necessary");
  EXPECT_EQ(RetentionBoundName(RetentionBound::kLegalObligation), "legal_obligation");
  EXPECT_EQ(RetentionEventName(RetentionEvent::kConsentWithdrawal), "consent_withdrawal");
  EXPECT_EQ(RetentionEventName(static_cast<RetentionEvent>(200)), "none");
}

TEST(RetentionTest, BadInputNeverCrashes) {
  for (std::string_view s : {std::string_view(""), std::string_view("\xff\xfe\xc3", 3),
                             std::string_view("jusqu'", 6), std::string_view("until"),
                             std::string_view("tant que"), std::string_view("à compter de")}) {
    RetentionInfo r = AnalyzeRetention(s, Language::kFr);
    EXPECT_LE(r.bound_end, s.size());
    EXPECT_LE(r.start_end, s.size());
    r = AnalyzeRetention(s, Language::kEn);
    EXPECT_LE(r.bound_end, s.size());
  }
}

}  // namespace
}  // namespace policytext::internal

namespace policytext::internal {
namespace {

// Every prefix of sentences whose cues sit at the end (a cue cut short must
// not read past the words): bounds hold, no crash.
TEST(RetentionTest, EveryPrefix) {
  for (std::string_view s : {
           "données supprimées 3 ans après votre dernière connexion",
           "conservées jusqu'à la clôture de votre compte à compter de la fin du contrat",
           "kept as long as necessary, then until you unsubscribe after account closure",
           "we keep it for the duration of the contract as required by law indefinitely",
       }) {
    for (std::size_t n = 0; n <= s.size(); ++n) {
      const std::string_view p = s.substr(0, n);
      for (Language lang : {Language::kFr, Language::kEn, Language::kUnd}) {
        RetentionInfo r = AnalyzeRetention(p, lang);
        EXPECT_LE(r.bound_begin, r.bound_end);
        EXPECT_LE(r.bound_end, p.size());
        EXPECT_LE(r.start_end, p.size());
        for (const RetentionCue& c : r.cues) EXPECT_LE(c.end, p.size());
      }
    }
  }
}

}  // namespace
}  // namespace policytext::internal
