#include "segment/sentence_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "segment/blocks.h"
#include "text/utf8.h"

namespace policytext::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class SentenceSplitterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = SentenceSplitter::Create();
    ASSERT_TRUE(s.ok()) << s.status().message();
    splitter_ = std::move(s).value().release();
  }
  static void TearDownTestSuite() {
    delete splitter_;
    splitter_ = nullptr;
  }

  // Sentence texts, after checking the invariants every result must hold.
  static std::vector<std::string> Texts(std::string_view text, Language lang) {
    SentenceList list = splitter_->Split(text, lang);
    CheckInvariants(text, list);
    std::vector<std::string> out;
    for (const Sentence& s : list.sentences) out.emplace_back(text.substr(s.span.begin, s.span.size()));
    return out;
  }

  static std::vector<std::string> Clauses(std::string_view text, Language lang) {
    SentenceList list = splitter_->Split(text, lang);
    CheckInvariants(text, list);
    std::vector<std::string> out;
    for (const Sentence& s : list.sentences) {
      for (const Span& c : s.clauses) out.emplace_back(text.substr(c.begin, c.size()));
    }
    return out;
  }

  static void CheckInvariants(std::string_view text, const SentenceList& list) {
    CharIndex index(text);
    std::size_t previous_end = 0;
    for (const Sentence& s : list.sentences) {
      EXPECT_LT(s.span.begin, s.span.end) << "empty sentence";
      EXPECT_GE(s.span.begin, previous_end) << "overlap or disorder";
      EXPECT_LE(s.span.end, text.size());
      EXPECT_EQ(s.span.char_begin, index.CharOffset(s.span.begin));
      EXPECT_EQ(s.span.char_end, index.CharOffset(s.span.end));
      const unsigned char first = static_cast<unsigned char>(text[s.span.begin]);
      const unsigned char last = static_cast<unsigned char>(text[s.span.end - 1]);
      EXPECT_FALSE(first == ' ' || first == '\n' || first == '\t') << "untrimmed start";
      EXPECT_FALSE(last == ' ' || last == '\n' || last == '\t') << "untrimmed end";
      ASSERT_FALSE(s.clauses.empty());
      std::size_t clause_end = s.span.begin;
      for (const Span& c : s.clauses) {
        EXPECT_LT(c.begin, c.end);
        EXPECT_GE(c.begin, clause_end);
        EXPECT_LE(c.end, s.span.end);
        clause_end = c.end;
      }
      previous_end = s.span.end;
    }
  }

  static SentenceSplitter* splitter_;
};

SentenceSplitter* SentenceSplitterTest::splitter_ = nullptr;

struct Case {
  const char* name;
  Language lang;
  std::string_view text;
  std::vector<std::string> sentences;
};

const std::vector<Case>& Cases() {
  static const auto* cases = new std::vector<Case>{
      // French abbreviations.
      {"fr_monsieur", Language::kFr, "M. Martin signe. Mme Durand aussi.",
       {"M. Martin signe.", "Mme Durand aussi."}},
      {"fr_messieurs", Language::kFr, "MM. Martin et Roux sont absents. La séance continue.",
       {"MM. Martin et Roux sont absents.", "La séance continue."}},
      {"fr_article", Language::kFr, "Voir art. L. 34 du code. Le reste suit.",
       {"Voir art. L. 34 du code.", "Le reste suit."}},
      {"fr_cad", Language::kFr, "Un tiers, c.-à-d. Une filiale, reçoit vos données. Fin.",
       {"Un tiers, c.-à-d. Une filiale, reçoit vos données.", "Fin."}},
      {"fr_pex", Language::kFr, "Des cookies, p. ex. Ceux de mesure, sont déposés. Fin.",
       {"Des cookies, p. ex. Ceux de mesure, sont déposés.", "Fin."}},
      {"fr_elided_article", Language::kFr, "Selon l’art. L. 34 du code. Fin.",
       {"Selon l’art. L. 34 du code.", "Fin."}},
      {"initial", Language::kEn, "Ask J. Smith. He knows.", {"Ask J. Smith.", "He knows."}},
      {"en_legal_citation", Language::kEn, "See Cal. Civ. Code § 1798.83 for details. End.",
       {"See Cal. Civ. Code § 1798.83 for details.", "End."}},
      {"fr_cf", Language::kFr, "Les durées varient (cf. Annexe 2). Nous les appliquons.",
       {"Les durées varient (cf. Annexe 2).", "Nous les appliquons."}},
      {"fr_cf_inline", Language::kFr, "Les durées varient, cf. Annexe 2 pour le détail. Fin.",
       {"Les durées varient, cf. Annexe 2 pour le détail.", "Fin."}},
      {"fr_env", Language::kFr, "Le délai est de env. Trois mois en pratique. Voilà.",
       {"Le délai est de env. Trois mois en pratique.", "Voilà."}},
      {"fr_numero", Language::kFr, "Le dossier n° 12 est clos. Un autre est ouvert.",
       {"Le dossier n° 12 est clos.", "Un autre est ouvert."}},
      {"fr_etc_end", Language::kFr, "Nom, adresse, etc. Nous ne gardons rien d’autre.",
       {"Nom, adresse, etc.", "Nous ne gardons rien d’autre."}},
      {"fr_etc_inside", Language::kFr, "Nom, adresse, etc. et rien d’autre. Fin.",
       {"Nom, adresse, etc. et rien d’autre.", "Fin."}},
      {"fr_company", Language::kFr, "Exemplo S.A.S. Immatriculée à Lyon gère le site. Fin.",
       {"Exemplo S.A.S. Immatriculée à Lyon gère le site.", "Fin."}},
      {"fr_company_end", Language::kFr, "Le site est édité par Exemplo S.A. Nous sommes à Lyon.",
       {"Le site est édité par Exemplo S.A.", "Nous sommes à Lyon."}},
      {"fr_cie", Language::kFr, "Durand et Cie. Vous pouvez nous écrire.",
       {"Durand et Cie.", "Vous pouvez nous écrire."}},
      // Numbers, URLs, e-mail addresses.
      {"fr_decimal_comma", Language::kFr, "Nous gardons 13,5 mois. Puis nous effaçons.",
       {"Nous gardons 13,5 mois.", "Puis nous effaçons."}},
      {"en_decimal_point", Language::kEn, "Version 1.5 applies. It replaces 1.4.",
       {"Version 1.5 applies.", "It replaces 1.4."}},
      {"url", Language::kEn, "Visit www.Example.com/Privacy.Html for details. Thanks.",
       {"Visit www.Example.com/Privacy.Html for details.", "Thanks."}},
      {"url_at_end", Language::kFr, "Consultez https://exemple.fr/vie-privee. Merci.",
       {"Consultez https://exemple.fr/vie-privee.", "Merci."}},
      {"email", Language::kEn, "Write to privacy@example.com. We answer.",
       {"Write to privacy@example.com.", "We answer."}},
      // English abbreviations.
      {"en_titles", Language::kEn, "Mr. Smith and Mrs. Jones met Dr. Brown. They talked.",
       {"Mr. Smith and Mrs. Jones met Dr. Brown.", "They talked."}},
      {"en_eg_ie", Language::kEn, "Some data, e.g. Location, is shared, i.e. Sold. Fine.",
       {"Some data, e.g. Location, is shared, i.e. Sold.", "Fine."}},
      {"en_company_inside", Language::kEn, "Acme Inc. Privacy Team answers. Done.",
       {"Acme Inc. Privacy Team answers.", "Done."}},
      {"en_company_end", Language::kEn, "The controller is Acme Ltd. We are in London.",
       {"The controller is Acme Ltd.", "We are in London."}},
      {"en_co", Language::kEn, "Ask Smith & Co. They know. Or not.",
       {"Ask Smith & Co.", "They know.", "Or not."}},
      {"en_us", Language::kEn, "Data goes to the U.S. Federal agencies may ask. We comply.",
       {"Data goes to the U.S. Federal agencies may ask.", "We comply."}},
      {"en_us_end", Language::kEn, "Data goes to the U.S. We comply.",
       {"Data goes to the U.S.", "We comply."}},
      {"en_no", Language::kEn, "See No. 5 below. Also vs. Other rules. End.",
       {"See No. 5 below.", "Also vs. Other rules.", "End."}},
      {"en_word_boundary", Language::kEn, "Use the ATM. Money comes out.",
       {"Use the ATM.", "Money comes out."}},
      {"en_no_word", Language::kEn, "The answer is no. We refuse.",
       {"The answer is no.", "We refuse."}},
      // Punctuation: quotes, ellipses, question and exclamation marks.
      {"quotes", Language::kEn, "He said \"Stop.\" Then he left.",
       {"He said \"Stop.\"", "Then he left."}},
      {"guillemets", Language::kFr, "Il a dit « Stop. » Puis il est parti.",
       {"Il a dit « Stop. »", "Puis il est parti."}},
      {"ellipsis_lower", Language::kFr, "Attendez... puis continuez. Fin.",
       {"Attendez... puis continuez.", "Fin."}},
      {"ellipsis_upper", Language::kEn, "Wait... Then go.", {"Wait...", "Then go."}},
      {"ellipsis_char", Language::kFr, "Attendez… Puis partez.", {"Attendez… Puis partez."}},
      {"question_nbsp", Language::kFr, "Pourquoi\u00a0? Parce que.", {"Pourquoi\u00a0?", "Parce que."}},
      {"exclamation", Language::kEn, "Stop! Go? Yes.", {"Stop!", "Go?", "Yes."}},
      // Blocks: blank lines and list items always end a sentence.
      {"blank_line", Language::kFr, "Titre sans point\n\nNous collectons des données.",
       {"Titre sans point", "Nous collectons des données."}},
      {"hard_wrap", Language::kEn, "A line that wraps\nin the middle. Next.",
       {"A line that wraps\nin the middle.", "Next."}},
      {"dash_list", Language::kFr, "Nous partageons avec :\n- nos filiales\n- nos prestataires",
       {"Nous partageons avec :", "nos filiales", "nos prestataires"}},
      {"star_list", Language::kEn, "We share with\n* partners\n* vendors",
       {"We share with", "partners", "vendors"}},
      {"bullet_list", Language::kFr, "Finalités\n• gestion des comptes\n• mesure d’audience",
       {"Finalités", "gestion des comptes", "mesure d’audience"}},
      {"numbered_list", Language::kFr, "Deux cas\n1. Vous acceptez\n2. Vous refusez",
       {"Deux cas", "1. Vous acceptez", "2. Vous refusez"}},
      {"nested_numbers", Language::kFr, "1.  2.  Gérer votre compte. Fin.",
       {"1.  2.  Gérer votre compte.", "Fin."}},
      {"markdown_number", Language::kFr, "**3\\. Vos droits**\n\nTexte.",
       {"**3\\. Vos droits**", "Texte."}},
      {"quoted_section", Language::kFr, "Lisez la partie « 3. VOS DROITS » avant tout. Fin.",
       {"Lisez la partie « 3. VOS DROITS » avant tout.", "Fin."}},
      {"number_ends_sentence", Language::kFr, "Lisez le point 2. Le reste suit.",
       {"Lisez le point 2.", "Le reste suit."}},
      {"heading", Language::kEn, "# Sharing\nWe share nothing.", {"Sharing", "We share nothing."}},
      {"crlf", Language::kEn, "One.\r\n\r\nTwo\r\n- three", {"One.", "Two", "three"}},
      // Bad or degenerate input.
      {"empty", Language::kFr, "", {}},
      {"spaces", Language::kFr, "   \n\n \t ", {}},
      {"punctuation_only", Language::kEn, "... !!! ???", {"... !!! ???"}},
      {"no_terminator", Language::kFr, "aucun point final", {"aucun point final"}},
      {"nul_bytes", Language::kEn, std::string_view("One.\0 Two.", 10), {"One.", "Two."}},
      {"invalid_utf8", Language::kEn, "Bad \xff\xfe byte. Next \xc3 one.",
       {"Bad \xff\xfe byte.", "Next \xc3 one."}},
      {"und_both_tables", Language::kUnd, "M. Martin and Mr. Smith met. Fin.",
       {"M. Martin and Mr. Smith met.", "Fin."}},
  };
  return *cases;
}

TEST_F(SentenceSplitterTest, Table) {
  for (const Case& c : Cases()) {
    EXPECT_THAT(Texts(c.text, c.lang), ElementsAreArray(c.sentences)) << c.name;
  }
}

TEST_F(SentenceSplitterTest, LanguageSelectsAbbreviations) {
  // "Mme." is French only: English rules break after it.
  EXPECT_THAT(Texts("Voici Mme. Martin.", Language::kFr), ElementsAre("Voici Mme. Martin."));
  EXPECT_THAT(Texts("Call Mme. Martin now.", Language::kEn),
              ElementsAre("Call Mme.", "Martin now."));
  // "Mr." is English only.
  EXPECT_THAT(Texts("Voici Mr. Smith.", Language::kFr), ElementsAre("Voici Mr.", "Smith."));
}

TEST_F(SentenceSplitterTest, ClauseSplits) {
  EXPECT_THAT(Clauses("Nous gardons vos données ; nous ne les vendons pas.", Language::kFr),
              ElementsAre("Nous gardons vos données ;", "nous ne les vendons pas."));
  EXPECT_THAT(
      Clauses("We share data with: partners, vendors and authorities.", Language::kEn),
      ElementsAre("We share data with:", "partners, vendors and authorities."));
  // A colon without an enumeration after it, or inside a URL or a time, does not cut.
  EXPECT_THAT(Clauses("Note: we keep logs.", Language::kEn), ElementsAre("Note: we keep logs."));
  EXPECT_THAT(Clauses("See https://a.example/x, at 10:30, daily.", Language::kEn),
              ElementsAre("See https://a.example/x, at 10:30, daily."));
  // Nor does a ';' inside parentheses.
  EXPECT_THAT(Clauses("Data (name; e-mail) is kept.", Language::kEn),
              ElementsAre("Data (name; e-mail) is kept."));
}

TEST_F(SentenceSplitterTest, ClauseOfUnsplitSentenceIsItsSpan) {
  SentenceList list = splitter_->Split("  One sentence here.  ", Language::kEn);
  ASSERT_EQ(list.sentences.size(), 1u);
  ASSERT_EQ(list.sentences[0].clauses.size(), 1u);
  EXPECT_EQ(list.sentences[0].clauses[0], list.sentences[0].span);
  EXPECT_EQ(list.sentences[0].span.begin, 2u);
  EXPECT_EQ(list.sentences[0].block, -1);
}

TEST_F(SentenceSplitterTest, CodePointOffsets) {
  const std::string text = "Été 😀. Données\u00a0ici.";
  SentenceList list = splitter_->Split(text, Language::kFr);
  ASSERT_EQ(list.sentences.size(), 2u);
  EXPECT_EQ(list.sentences[0].span.char_begin, 0u);
  EXPECT_EQ(list.sentences[0].span.char_end, 6u);  // É t é space 😀 .
  EXPECT_EQ(list.sentences[1].span.char_begin, 7u);
  EXPECT_EQ(list.sentences[1].span.char_end, 19u);
}

TEST_F(SentenceSplitterTest, CountsInvalidUtf8) {
  SentenceList list = splitter_->Split("a \xff b \xc3", Language::kEn);
  EXPECT_EQ(list.invalid_utf8, 2u);
}

TEST_F(SentenceSplitterTest, HugeInputsStayLinear) {
  // 8 MB without any terminator, 8 MB on one line with many sentences, 8 MB of
  // NUL bytes, 8 MB of dots and of newlines: each returns a defined result.
  const std::size_t n = 8u << 20;
  std::string no_terminator;
  no_terminator.reserve(n);
  while (no_terminator.size() < n) no_terminator += "mot sans fin ";
  SentenceList a = splitter_->Split(no_terminator, Language::kFr);
  ASSERT_EQ(a.sentences.size(), 1u);

  std::string one_line;
  while (one_line.size() < n) one_line += "Une phrase. ";
  SentenceList b = splitter_->Split(one_line, Language::kFr);
  EXPECT_EQ(b.sentences.size(), one_line.size() / 12);

  SentenceList c = splitter_->Split(std::string(n, '\0'), Language::kEn);
  EXPECT_TRUE(c.sentences.empty());
  SentenceList d = splitter_->Split(std::string(n, '.'), Language::kEn);
  EXPECT_EQ(d.sentences.size(), 1u);
  SentenceList e = splitter_->Split(std::string(n, '\n'), Language::kEn);
  EXPECT_TRUE(e.sentences.empty());
  std::string mixed;
  while (mixed.size() < n) mixed += "a\rb. C\n";
  SentenceList f = splitter_->Split(mixed, Language::kEn);
  EXPECT_FALSE(f.sentences.empty());
}

TEST_F(SentenceSplitterTest, SharedAcrossThreads) {
  const std::string text = "M. Martin signe. Mme Durand aussi.\n\n- un\n- deux";
  const std::vector<std::string> expected = Texts(text, Language::kFr);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        SentenceList list = splitter_->Split(text, Language::kFr);
        if (list.sentences.size() != expected.size()) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

TEST_F(SentenceSplitterTest, RandomTextsKeepTheInvariants) {
  // Seeded random mixtures of the pieces that matter: terminators, spaces,
  // line breaks, list markers, multi-byte characters, invalid bytes, NUL.
  static const char* kPieces[] = {
      "a", "Bc", "é", "Été", "😀", " ", "  ", "\n", "\n\n", ". ", ".", "!", "? ", "...",
      "\u00a0", "\u202f", "M. ", "etc. ", "U.S. ", "- ", "\n- ", "\n1. ", "« ", " »", "\"",
      ")", "(", ";", ": ", ",", "\xff", "\xc3", "\xe2\x80", std::string_view("\0", 1).data(),
      "http://x.y/z. ", "\r\n", "\r", "#", "|", "…", "。"};
  std::mt19937 rng(20261129);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      const std::size_t k = rng() % (sizeof(kPieces) / sizeof(kPieces[0]));
      // The NUL piece has length 1 although strlen says 0.
      text += std::string_view(kPieces[k], kPieces[k][0] == '\0' ? 1 : std::strlen(kPieces[k]));
    }
    for (Language lang : {Language::kFr, Language::kEn, Language::kUnd}) {
      SentenceList list = splitter_->Split(text, lang);
      CheckInvariants(text, list);
      EXPECT_EQ(list.invalid_utf8, CountInvalidUtf8(text)) << round;
    }
  }
}

TEST(BlocksTest, ClassifyLine) {
  EXPECT_EQ(ClassifyLine(""), LineKind::kBlank);
  EXPECT_EQ(ClassifyLine(" \t\u00a0"), LineKind::kBlank);
  EXPECT_EQ(ClassifyLine("- item"), LineKind::kListItem);
  EXPECT_EQ(ClassifyLine("  * item"), LineKind::kListItem);
  EXPECT_EQ(ClassifyLine("• item"), LineKind::kListItem);
  EXPECT_EQ(ClassifyLine("12. item"), LineKind::kListItem);
  EXPECT_EQ(ClassifyLine("a) item"), LineKind::kListItem);
  EXPECT_EQ(ClassifyLine("## Titre"), LineKind::kStandalone);
  EXPECT_EQ(ClassifyLine("| a | b |"), LineKind::kStandalone);
  EXPECT_EQ(ClassifyLine("---"), LineKind::kStandalone);
  EXPECT_EQ(ClassifyLine("**Titre en gras**"), LineKind::kStandalone);
  EXPECT_EQ(ClassifyLine("-5 degrees"), LineKind::kText);
  EXPECT_EQ(ClassifyLine("2024 was a year"), LineKind::kText);
  EXPECT_EQ(ClassifyLine("#hashtag"), LineKind::kText);
  EXPECT_EQ(ClassifyLine("plain text"), LineKind::kText);
}

}  // namespace
}  // namespace policytext::internal
