#include "langid/language_detector.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "langid/function_words.h"

namespace policytext::internal {
namespace {

class LanguageDetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d = LanguageDetector::Create();
    ASSERT_TRUE(d.ok()) << d.status().message();
    detector_ = std::move(d).value().release();
  }
  static void TearDownTestSuite() {
    delete detector_;
    detector_ = nullptr;
  }
  static LanguageDetector* detector_;
};

LanguageDetector* LanguageDetectorTest::detector_ = nullptr;

struct Case {
  const char* name;
  std::string_view text;
  Language expected;
};

TEST_F(LanguageDetectorTest, Table) {
  const std::vector<Case> cases = {
      // Ordinary sentences of a policy, long and short.
      {"fr_sentence",
       "Nous conservons vos données personnelles pendant la durée nécessaire à la gestion de "
       "votre compte, puis nous les supprimons.",
       Language::kFr},
      {"en_sentence",
       "We keep your personal data for as long as your account is open and delete it within "
       "thirty days after you close it.",
       Language::kEn},
      {"fr_short", "Vos droits sur vos données", Language::kFr},
      {"en_short", "Your rights over your data", Language::kEn},
      {"fr_heading_caps", "QUI PEUT VOIR VOS RÉPONSES ET POUR QUELLE RAISON", Language::kFr},
      {"en_heading_caps", "HOW WE SHARE YOUR INFORMATION WITH OUR PARTNERS", Language::kEn},
      // Brand names and URLs do not make a French sentence English.
      {"fr_brands",
       "Le site Exemplo mesure sa fréquentation grâce aux outils Example Analytics Pro.",
       Language::kFr},
      {"fr_brands_short", "Nous utilisons Exemplo Tag Manager et Acme Pixel.", Language::kFr},
      {"fr_dpo", "Contactez le Data Protection Officer de Acme Digital Services Limited.",
       Language::kFr},
      {"fr_url",
       "Pour vous désinscrire, utilisez le formulaire en ligne : "
       "https://www.example.com/account/privacy-settings/unsubscribe-newsletter",
       Language::kFr},
      {"en_email", "Write to privacy@exemple.fr if you have a question about this policy.",
       Language::kEn},
      // Elisions and apostrophes.
      {"fr_elision", "L’utilisateur s’engage à n’utiliser qu’un seul compte.", Language::kFr},
      {"en_contractions", "We don't sell it and it's never shared.", Language::kEn},
      // Not enough letters: und.
      {"empty", "", Language::kUnd},
      {"spaces", "   \n\t  ", Language::kUnd},
      {"digits", "12 345 678 90 12 34", Language::kUnd},
      {"punctuation", "... !!! ??? --- ***", Language::kUnd},
      {"one_word", "OK", Language::kUnd},
      {"url_only", "https://www.example.com/a/very/long/path/without/any/words", Language::kUnd},
  };
  for (const Case& c : cases) {
    LanguageGuess g = detector_->Detect(c.text);
    EXPECT_EQ(LanguageCode(g.lang), LanguageCode(c.expected)) << c.name;
    if (c.expected == Language::kUnd) {
      EXPECT_EQ(g.confidence, 0.0) << c.name;
    } else {
      EXPECT_GT(g.confidence, 0.5) << c.name;
      EXPECT_LE(g.confidence, 1.0) << c.name;
    }
  }
}

TEST_F(LanguageDetectorTest, LongTextsAreConfident) {
  std::string fr, en;
  for (int i = 0; i < 20; ++i) {
    fr += "Nous partageons certaines données avec nos prestataires lorsque cela est nécessaire. ";
    en += "We share some data with our service providers when this is necessary. ";
  }
  LanguageGuess f = detector_->Detect(fr);
  LanguageGuess e = detector_->Detect(en);
  EXPECT_EQ(f.lang, Language::kFr);
  EXPECT_EQ(e.lang, Language::kEn);
  EXPECT_GT(f.confidence, 0.99);
  EXPECT_GT(e.confidence, 0.99);
}

TEST_F(LanguageDetectorTest, BadInputGivesADefinedAnswer) {
  // Invalid UTF-8 and NUL bytes inside French text.
  const std::string invalid = "Nous \xff\xfe conservons vos donn\xc3 es pendant la dur\xe9 e l\xc3\xa9gale.";
  EXPECT_EQ(detector_->Detect(invalid).lang, Language::kFr);
  const std::string nul("We keep\0 your data\0 for as long as the law requires it.", 56);
  EXPECT_EQ(detector_->Detect(nul).lang, Language::kEn);
  // Only invalid bytes, only NULs.
  EXPECT_EQ(detector_->Detect(std::string(1000, '\xff')).lang, Language::kUnd);
  EXPECT_EQ(detector_->Detect(std::string(1000, '\0')).lang, Language::kUnd);
  // Other scripts: not French or English, and never a crash.
  const LanguageGuess ru = detector_->Detect("Мы храним ваши персональные данные в течение года.");
  EXPECT_NE(ru.lang, Language::kFr);
  const LanguageGuess mixed = detector_->Detect("数据 данные données 😀 data");
  EXPECT_GE(mixed.confidence, 0.0);
  EXPECT_LE(mixed.confidence, 1.0);
}

TEST_F(LanguageDetectorTest, HugeInputReadsAPrefix) {
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += "Nous ne vendons jamais vos données à des tiers. ";
  EXPECT_EQ(detector_->Detect(big).lang, Language::kFr);
  // A 50 MB line without spaces or letters is und.
  EXPECT_EQ(detector_->Detect(std::string(50u << 20, '7')).lang, Language::kUnd);
}

TEST_F(LanguageDetectorTest, SharedAcrossThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        if (detector_->Detect("Nous conservons vos données.").lang != Language::kFr) ++wrong[t];
        if (detector_->Detect("We keep your data safe.").lang != Language::kEn) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(FunctionWordModelTest, CountsWordsElisionsAndAccents) {
  const FunctionWordModel model = FunctionWordModel::Build();
  FunctionWordScore fr = model.Score("L'accès aux données est limité");
  EXPECT_GE(fr.french_words, 2);  // l', aux
  EXPECT_EQ(fr.english_words, 0);
  EXPECT_EQ(fr.accents, 3);  // è, é, é
  EXPECT_GT(fr.log_odds, 0.0);
  FunctionWordScore en = model.Score("The data isn't shared with them");
  EXPECT_GE(en.english_words, 3);  // the, with, them, n't
  EXPECT_EQ(en.french_words, 0);
  EXPECT_LT(en.log_odds, 0.0);
  // Upper case is folded, including accented capitals.
  EXPECT_GT(model.Score("LES DONNÉES DE NOS CLIENTS").french_words, 2);
}

}  // namespace
}  // namespace policytext::internal
