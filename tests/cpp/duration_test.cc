#include "extract/duration.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "policytext/durations.h"

namespace policytext::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

// "text|iso|qualifier" for each duration, plus "<" / ">" for range ends.
std::vector<std::string> Describe(std::string_view s, Language lang) {
  std::vector<std::string> out;
  for (const Duration& d : FindDurations(s, lang)) {
    std::string r = d.text + "|" + d.iso + "|" + d.qualifier;
    if (d.is_range_low) r += "|<";
    if (d.is_range_high) r += "|>";
    out.push_back(r);
  }
  return out;
}

struct Case {
  std::string_view text;
  std::vector<std::string> expected;
};

void CheckTable(const std::vector<Case>& cases, Language lang) {
  for (const Case& c : cases) {
    EXPECT_THAT(Describe(c.text, lang), ElementsAreArray(c.expected)) << "text: " << c.text;
  }
}

TEST(DurationTest, FrenchDigitsAndUnits) {
  CheckTable(
      {
          {"nous conservons vos données pendant 3 ans.", {"3 ans|P3Y|exact"}},
          {"les cookies ont une durée de vie de 13 mois", {"13 mois|P13M|exact"}},
          {"supprimées après 30 jours", {"30 jours|P30D|exact"}},
          {"conservés 24 heures", {"24 heures|PT24H|exact"}},
          {"conservés 48h", {"48h|PT48H|exact"}},
          {"pendant 30 j", {"30 j|P30D|exact"}},
          {"pendant 15 minutes puis 45 secondes", {"15 minutes|PT15M|exact",
                                                    "45 secondes|PT45S|exact"}},
          {"pendant 2 semaines", {"2 semaines|P2W|exact"}},
          {"pendant 1 an", {"1 an|P1Y|exact"}},
          {"pendant 5 années", {"5 années|P5Y|exact"}},
          {"pendant une décennie", {"une décennie|P10Y|exact"}},
          {"pendant deux décennies", {"deux décennies|P20Y|exact"}},
          {"pendant un trimestre", {"un trimestre|P3M|exact"}},
          {"pendant un semestre", {"un semestre|P6M|exact"}},
          {"13,5 mois", {"13,5 mois|P13.5M|exact"}},
          {"1,5 an", {"1,5 an|P1Y6M|exact"}},
          {"36 mois", {"36 mois|P36M|exact"}},
          {"une journée", {"une journée|P1D|exact"}},
          {"1 000 jours", {"1 000 jours|P1000D|exact"}},
          {"entre 6 et 12 mois puis 100 jours", {"6|P6M|min|<", "12 mois|P12M|max|>",
                                                  "100 jours|P100D|exact"}},
      },
      Language::kFr);
}

TEST(DurationTest, FrenchNumberWords) {
  CheckTable(
      {
          {"un mois", {"un mois|P1M|exact"}},
          {"une semaine", {"une semaine|P1W|exact"}},
          {"trois ans", {"trois ans|P3Y|exact"}},
          {"dix ans", {"dix ans|P10Y|exact"}},
          {"douze mois", {"douze mois|P12M|exact"}},
          {"treize mois", {"treize mois|P13M|exact"}},
          {"seize mois", {"seize mois|P16M|exact"}},
          {"dix-sept jours", {"dix-sept jours|P17D|exact"}},
          {"dix-neuf jours", {"dix-neuf jours|P19D|exact"}},
          {"vingt et un jours", {"vingt et un jours|P21D|exact"}},
          {"vingt-cinq mois", {"vingt-cinq mois|P25M|exact"}},
          {"trente jours", {"trente jours|P30D|exact"}},
          {"trente et un jours", {"trente et un jours|P31D|exact"}},
          {"quarante-cinq jours", {"quarante-cinq jours|P45D|exact"}},
          {"cinquante jours", {"cinquante jours|P50D|exact"}},
          {"soixante jours", {"soixante jours|P60D|exact"}},
          {"soixante-dix jours", {"soixante-dix jours|P70D|exact"}},
          {"soixante et onze jours", {"soixante et onze jours|P71D|exact"}},
          {"soixante-dix-sept jours", {"soixante-dix-sept jours|P77D|exact"}},
          {"quatre-vingts jours", {"quatre-vingts jours|P80D|exact"}},
          {"quatre-vingt-un jours", {"quatre-vingt-un jours|P81D|exact"}},
          {"quatre-vingt-dix jours", {"quatre-vingt-dix jours|P90D|exact"}},
          {"quatre-vingt-onze jours", {"quatre-vingt-onze jours|P91D|exact"}},
          {"quatre-vingt-dix-neuf jours", {"quatre-vingt-dix-neuf jours|P99D|exact"}},
          {"cent jours", {"cent jours|P100D|exact"}},
          {"cent quatre-vingts jours", {"cent quatre-vingts jours|P180D|exact"}},
          {"deux cents jours", {"deux cents jours|P200D|exact"}},
          {"trois cent soixante-cinq jours", {"trois cent soixante-cinq jours|P365D|exact"}},
          {"vingt-et-un jours", {"vingt-et-un jours|P21D|exact"}},  // 1990 spelling
          {"trois (3) ans", {"trois (3) ans|P3Y|exact"}},
          {"cinq (5) ans", {"cinq (5) ans|P5Y|exact"}},
          {"3 (trois) ans", {"3 (trois) ans|P3Y|exact"}},
      },
      Language::kFr);
}

TEST(DurationTest, FrenchCompoundsAndHalves) {
  CheckTable(
      {
          {"1 an et 6 mois", {"1 an et 6 mois|P1Y6M|exact"}},
          {"2 ans 3 mois", {"2 ans 3 mois|P2Y3M|exact"}},
          {"un an et demi", {"un an et demi|P1Y6M|exact"}},
          {"six mois et demi", {"six mois et demi|P6.5M|exact"}},
          {"une demi-heure", {"une demi-heure|PT30M|exact"}},
          {"deux jours et demi", {"deux jours et demi|P2DT12H|exact"}},
          {"une heure et demie", {"une heure et demie|PT1H30M|exact"}},
          {"1 semaine et 2 jours", {"1 semaine et 2 jours|P9D|exact"}},
      },
      Language::kFr);
}

TEST(DurationTest, FrenchRanges) {
  CheckTable(
      {
          {"entre 6 et 12 mois", {"6|P6M|min|<", "12 mois|P12M|max|>"}},
          {"de 6 à 12 mois", {"6|P6M|min|<", "12 mois|P12M|max|>"}},
          {"6 à 12 mois", {"6|P6M|min|<", "12 mois|P12M|max|>"}},
          {"2-3 ans", {"2|P2Y|min|<", "3 ans|P3Y|max|>"}},
          {"13 \u2013 25 mois", {"13|P13M|min|<", "25 mois|P25M|max|>"}},
          {"6 mois à 1 an", {"6 mois|P6M|min|<", "1 an|P1Y|max|>"}},
          {"entre trois et cinq ans", {"trois|P3Y|min|<", "cinq ans|P5Y|max|>"}},
          {"d'1 à 3 ans", {"1|P1Y|min|<", "3 ans|P3Y|max|>"}},
      },
      Language::kFr);
}

TEST(DurationTest, FrenchQualifiers) {
  CheckTable(
      {
          {"jusqu'à 3 ans", {"3 ans|P3Y|max"}},
          {"conservées au maximum 13 mois", {"13 mois|P13M|max"}},
          {"au plus 6 mois", {"6 mois|P6M|max"}},
          {"n'excédant pas 13 mois", {"13 mois|P13M|max"}},
          {"ne dépassant pas 25 mois", {"25 mois|P25M|max"}},
          {"pas plus de 30 jours", {"30 jours|P30D|max"}},
          {"pour une durée maximale de 3 ans", {"3 ans|P3Y|max"}},
          {"dans la limite de 5 ans", {"5 ans|P5Y|max"}},
          {"25 mois maximum", {"25 mois|P25M|max"}},
          {"3 ans au maximum", {"3 ans|P3Y|max"}},
          {"au moins 5 ans", {"5 ans|P5Y|min"}},
          {"au minimum 10 ans", {"10 ans|P10Y|min"}},
          {"pendant 6 mois au moins", {"6 mois|P6M|min"}},
          {"pendant plus de 3 ans", {"3 ans|P3Y|min"}},
          {"environ 6 mois", {"6 mois|P6M|approx"}},
          {"à peu près 2 ans", {"2 ans|P2Y|approx"}},
          {"jusqu'à une durée de 3 ans", {"3 ans|P3Y|max"}},
          {"sous 48h", {"48h|PT48H|max"}},
          {"supprimées dans un délai de 90 jours", {"90 jours|P90D|max"}},
          {"supprimées dans un délai d'un mois", {"un mois|P1M|max"}},
          {"dans les 30 jours", {"30 jours|P30D|max"}},
          {"3 ou 6 mois", {"3|P3M|exact", "6 mois|P6M|exact"}},
          {"jusqu'à trois (3) ans", {"trois (3) ans|P3Y|max"}},
      },
      Language::kFr);
}

TEST(DurationTest, EnglishDigitsWordsAndUnits) {
  CheckTable(
      {
          {"we keep your data for 30 days.", {"30 days|P30D|exact"}},
          {"for 13 months", {"13 months|P13M|exact"}},
          {"for 3 years", {"3 years|P3Y|exact"}},
          {"for 24 hours", {"24 hours|PT24H|exact"}},
          {"for 2 weeks", {"2 weeks|P2W|exact"}},
          {"for 90 minutes", {"90 minutes|PT90M|exact"}},
          {"for a decade", {"a decade|P10Y|exact"}},
          {"for a year", {"a year|P1Y|exact"}},
          {"for an hour", {"an hour|PT1H|exact"}},
          {"for one month", {"one month|P1M|exact"}},
          {"for twelve months", {"twelve months|P12M|exact"}},
          {"for twenty-four months", {"twenty-four months|P24M|exact"}},
          {"for twenty four months", {"twenty four months|P24M|exact"}},
          {"for ninety-nine days", {"ninety-nine days|P99D|exact"}},
          {"for a hundred days", {"a hundred days|P100D|exact"}},
          {"for one hundred and eighty days", {"one hundred and eighty days|P180D|exact"}},
          {"for two hundred days", {"two hundred days|P200D|exact"}},
          {"for seven (7) years", {"seven (7) years|P7Y|exact"}},
          {"for 1,000 days", {"1,000 days|P1000D|exact"}},
          {"for 1.5 years", {"1.5 years|P1Y6M|exact"}},
          {"a 30-day period", {"30-day|P30D|exact"}},
          {"a two-year period", {"two-year|P2Y|exact"}},
          {"for 5 business days", {"5 business days|P5D|exact"}},
          {"for 10 working days", {"10 working days|P10D|exact"}},
          {"for 12 consecutive months", {"12 consecutive months|P12M|exact"}},
          {"for 36 months", {"36 months|P36M|exact"}},
          {"for 48 hrs", {"48 hrs|PT48H|exact"}},
      },
      Language::kEn);
}

TEST(DurationTest, EnglishCompoundsAndHalves) {
  CheckTable(
      {
          {"1 year and 6 months", {"1 year and 6 months|P1Y6M|exact"}},
          {"2 years, then 6 months", {"2 years|P2Y|exact", "6 months|P6M|exact"}},
          {"half a year", {"half a year|P6M|exact"}},
          {"half an hour", {"half an hour|PT30M|exact"}},
          {"a year and a half", {"a year and a half|P1Y6M|exact"}},
          {"one and a half years", {"one and a half years|P1Y6M|exact"}},
          {"a half-day", {"a half-day|PT12H|exact"}},
      },
      Language::kEn);
}

TEST(DurationTest, EnglishRanges) {
  CheckTable(
      {
          {"between 6 and 12 months", {"6|P6M|min|<", "12 months|P12M|max|>"}},
          {"6 to 12 months", {"6|P6M|min|<", "12 months|P12M|max|>"}},
          {"6-12 months", {"6|P6M|min|<", "12 months|P12M|max|>"}},
          {"13 \u2013 36 months", {"13|P13M|min|<", "36 months|P36M|max|>"}},
          {"from 3 to 5 years", {"3|P3Y|min|<", "5 years|P5Y|max|>"}},
          {"6 months to 2 years", {"6 months|P6M|min|<", "2 years|P2Y|max|>"}},
          // Alternatives are two values, not a range.
          {"two or three years", {"two|P2Y|exact", "three years|P3Y|exact"}},
          {"30 or 60 days, depending on your plan", {"30|P30D|exact", "60 days|P60D|exact"}},
          {"up to 3 or 18 months", {"3|P3M|max", "18 months|P18M|max"}},
      },
      Language::kEn);
}

TEST(DurationTest, EnglishQualifiers) {
  CheckTable(
      {
          {"up to 40 days", {"40 days|P40D|max"}},
          {"no longer than 7 years", {"7 years|P7Y|max"}},
          {"no more than seven years", {"seven years|P7Y|max"}},
          {"a maximum of 90 days", {"90 days|P90D|max"}},
          {"for a maximum of 2 years", {"2 years|P2Y|max"}},
          {"not exceeding 13 months", {"13 months|P13M|max"}},
          {"within 30 days", {"30 days|P30D|max"}},
          {"at most 6 months", {"6 months|P6M|max"}},
          {"less than 24 hours", {"24 hours|PT24H|max"}},
          {"25 months maximum", {"25 months|P25M|max"}},
          {"at least 6 months", {"6 months|P6M|min"}},
          {"a minimum of 1 year", {"1 year|P1Y|min"}},
          {"more than 6 months", {"6 months|P6M|min"}},
          {"for over 7 years", {"7 years|P7Y|min"}},
          {"3 years or more", {"3 years|P3Y|min"}},
          {"approximately 30 days", {"30 days|P30D|approx"}},
          {"about 2 weeks", {"2 weeks|P2W|approx"}},
          {"around 3 years", {"3 years|P3Y|approx"}},
          {"roughly 10 days", {"10 days|P10D|approx"}},
          {"up to ten (10) years", {"ten (10) years|P10Y|max"}},
          {"no longer than a period of two years", {"two years|P2Y|max"}},
          {"not less than 5 years", {"5 years|P5Y|min"}},
          {"no less than 5 years", {"5 years|P5Y|min"}},
          {"within a further 60 days", {"60 days|P60D|max"}},
      },
      Language::kEn);
}

// Ages and thresholds are never durations.
TEST(DurationTest, AgesAreNotDurations) {
  for (std::string_view s : {
           "les personnes âgées de plus de 16 ans",
           "âgés de plus de 16 ans",
           "âgé de 18 ans",
           "moins de 15 ans",
           "les mineurs de moins de 18 ans",
           "de 16 ans",
           "les enfants de moins de 13 ans",
           "les enfants de 13 ans",
           "si vous avez moins de 16 ans",
           "si vous avez 15 ans ou plus",
           "les utilisateurs de plus de 13 ans",
           "les jeunes de 15 à 18 ans",
           "à partir de 16 ans",
           "dès l'âge de 13 ans",
           "vous devez avoir au moins 18 ans",
           "16 ans révolus",
           "les personnes de 18 ans et plus",
           "il y a 3 ans",
           "les mineurs âgés de 15 ans",
       }) {
    EXPECT_THAT(Describe(s, Language::kFr), IsEmpty()) << s;
    EXPECT_THAT(Describe(s, Language::kUnd), IsEmpty()) << s;
  }
  for (std::string_view s : {
           "children under 13 years of age",
           "children under 13 years",
           "13 years or older",
           "16 years of age or older",
           "if you are 16 years old",
           "you're 18 years old",
           "a 13-year-old",
           "aged 13 years",
           "users over 16 years",
           "individuals between 13 and 16 years",
           "users 18 years and older",
           "when you turn 18 years",
           "3 years ago",
           "minors under the age of 16 years",
       }) {
    EXPECT_THAT(Describe(s, Language::kEn), IsEmpty()) << s;
    EXPECT_THAT(Describe(s, Language::kUnd), IsEmpty()) << s;
  }
}

// ...but retention with the same words stays a retention period.
TEST(DurationTest, RetentionNearAgeWordsStays) {
  CheckTable({{"une durée de 15 ans", {"15 ans|P15Y|exact"}},
              {"pendant plus de 16 ans", {"16 ans|P16Y|min"}},
              {"un délai de 20 ans", {"20 ans|P20Y|exact"}},
              {"les données des mineurs sont conservées 3 ans", {"3 ans|P3Y|exact"}}},
             Language::kFr);
  CheckTable({{"data about children is kept for 2 years", {"2 years|P2Y|exact"}},
              {"kept for 16 years", {"16 years|P16Y|exact"}}},
             Language::kEn);
}

TEST(DurationTest, RatesDatesAndTimesAreNotDurations) {
  for (std::string_view s : {"24h/24 et 7j/7", "365 jours par an", "24 heures sur 24",
                             "7 jours sur 7", "à 10h30", "le 25/05/2018", "version 1.2.3",
                             "article 6.1", "plusieurs années", "quelques mois",
                             "n° 12 mois", "une dizaine de jours"}) {
    EXPECT_THAT(Describe(s, Language::kFr), IsEmpty()) << s;
  }
  for (std::string_view s : {"24 hours a day", "7 days a week", "once a year",
                             "twice a month", "several years", "a few months", "many days",
                             "the age of the account", "at 10:30"}) {
    EXPECT_THAT(Describe(s, Language::kEn), IsEmpty()) << s;
  }
}

TEST(DurationTest, LanguageMatters) {
  // "an" is a French unit but an English article.
  EXPECT_THAT(Describe("1 an", Language::kFr), ElementsAre("1 an|P1Y|exact"));
  EXPECT_THAT(Describe("1 an", Language::kEn), IsEmpty());
  EXPECT_THAT(Describe("an hour", Language::kEn), ElementsAre("an hour|PT1H|exact"));
  EXPECT_THAT(Describe("an hour", Language::kFr), IsEmpty());
  // kUnd reads both.
  EXPECT_THAT(Describe("3 ans or 2 years", Language::kUnd),
              ElementsAre("3 ans|P3Y|exact", "2 years|P2Y|exact"));
  EXPECT_THAT(Describe("entre 6 et 12 mois", Language::kUnd),
              ElementsAre("6|P6M|min|<", "12 mois|P12M|max|>"));
}

TEST(DurationTest, SpansAndFullSpans) {
  const std::string s = "elles sont conservées jusqu'à 13 mois puis supprimées";
  std::vector<Duration> d = FindDurations(s, Language::kFr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(s.substr(d[0].begin, d[0].end - d[0].begin), "13 mois");
  EXPECT_EQ(s.substr(d[0].full_begin, d[0].full_end - d[0].full_begin), "jusqu'à 13 mois");
  EXPECT_EQ(d[0].qualifier_text, "jusqu'à");
  EXPECT_NEAR(d[0].days, 13 * 30.44, 0.01);

  const std::string r = "conservées entre 6 et 12 mois";
  d = FindDurations(r, Language::kFr);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(r.substr(d[0].full_begin, d[0].full_end - d[0].full_begin), "entre 6 et 12 mois");
  EXPECT_EQ(d[1].full_begin, d[0].full_begin);
  EXPECT_EQ(d[1].full_end, d[0].full_end);

  d = FindDurations("30 jours ouvrés", Language::kFr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].business_days);
  EXPECT_EQ(d[0].iso, "P30D");
}

TEST(DurationTest, SeveralInOneSentence) {
  EXPECT_THAT(Describe("les factures sont conservées 10 ans, les logs 6 mois et les cookies "
                       "au maximum 13 mois",
                       Language::kFr),
              ElementsAre("10 ans|P10Y|exact", "6 mois|P6M|exact", "13 mois|P13M|max"));
}

TEST(DurationTest, BadInputNeverCrashes) {
  const std::string cases[] = {
      "",
      std::string("\0\0\0", 3),
      "\xff\xfe 3 ans \xc3",
      "((((((((((3",
      "3 ans (",
      ") 3 ans",
      "- - - 6 - - 12 mois",
      "quatre quatre quatre vingt vingt vingt cent cent mille mille ans",
      "un un un un un un an",
      "99999999999 days",
      "1.2.3.4.5 years",
      std::string(10000, '9') + " days",
  };
  for (const std::string& s : cases) {
    for (Language lang : {Language::kFr, Language::kEn, Language::kUnd}) {
      for (const Duration& d : FindDurations(s, lang)) {
        EXPECT_LE(d.begin, d.end);
        EXPECT_LE(d.end, s.size());
        EXPECT_LE(d.full_begin, d.begin);
        EXPECT_GE(d.full_end, d.end);
        EXPECT_LE(d.full_end, s.size());
        EXPECT_FALSE(d.iso.empty());
      }
    }
  }
}

TEST(DurationTest, LongInputIsLinear) {
  // Many repeated phrases: the result scales with the text (not a timing test:
  // checks the count, which a quadratic bug would not change, and that it ends).
  std::string s;
  for (int i = 0; i < 5000; ++i) s += "conservées jusqu'à 3 ans, ";
  EXPECT_EQ(FindDurations(s, Language::kFr).size(), 5000u);
}

TEST(ParseDurationsTest, MapsBackToTheSource) {
  // Upper case, NBSP and a typographic apostrophe in the source.
  const std::string s = "Conservées JUSQU\u2019\u00c0 13\u00a0MOIS.";
  std::vector<DurationMention> d = ParseDurations(s, Language::kFr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "13\u00a0MOIS");
  EXPECT_EQ(d[0].iso, "P13M");
  EXPECT_EQ(d[0].qualifier, "max");
  EXPECT_EQ(s.substr(d[0].span.begin, d[0].span.size()), "13\u00a0MOIS");
  EXPECT_EQ(s.substr(d[0].full_span.begin, d[0].full_span.size()), "JUSQU\u2019\u00c0 13\u00a0MOIS");
  // Code points: "Conservées " is 11 code points, "JUSQU’À " 8 more.
  EXPECT_EQ(d[0].span.char_begin, 19u);
  EXPECT_EQ(d[0].span.char_end, 26u);
}

}  // namespace
}  // namespace policytext::internal
