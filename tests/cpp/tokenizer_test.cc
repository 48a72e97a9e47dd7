#include "tokenize/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "text/utf8.h"

namespace policytext::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class TokenizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = Tokenizer::Create();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    tokenizer_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() { delete tokenizer_; }

  // "text/kind" for each token.
  static std::vector<std::string> Tok(std::string_view text, Language lang = Language::kFr) {
    TokenList list = tokenizer_->Tokenize(text, lang);
    std::vector<std::string> out;
    for (const Token& t : list.tokens) {
      out.push_back(std::string(text.substr(t.span.begin, t.span.size())) + "/" +
                    std::string(TokenKindName(t.kind)));
    }
    return out;
  }
  static std::vector<std::string> Texts(std::string_view text, Language lang = Language::kFr) {
    TokenList list = tokenizer_->Tokenize(text, lang);
    std::vector<std::string> out;
    for (const Token& t : list.tokens) {
      out.emplace_back(text.substr(t.span.begin, t.span.size()));
    }
    return out;
  }

  static Tokenizer* tokenizer_;
};
Tokenizer* TokenizerTest::tokenizer_ = nullptr;

struct Case {
  const char* name;
  Language lang;
  std::string text;
  std::vector<std::string> tokens;  // "text/kind"
};

// The table of French and English cases from the issue.
TEST_F(TokenizerTest, Table) {
  const std::vector<Case> cases = {
      // Elision, both apostrophes.
      {"elision_curly", Language::kFr, "l\u2019adresse",
       {"l\u2019/word", "adresse/word"}},
      {"elision_straight", Language::kFr, "l'adresse d'un tiers",
       {"l'/word", "adresse/word", "d'/word", "un/word", "tiers/word"}},
      {"elision_set", Language::kFr,
       "qu\u2019il jusqu\u2019\u00E0 lorsqu\u2019on s\u2019il n\u2019est c\u2019est j\u2019ai "
       "m\u2019a t\u2019a",
       {"qu\u2019/word", "il/word", "jusqu\u2019/word", "\u00E0/word", "lorsqu\u2019/word",
        "on/word", "s\u2019/word", "il/word", "n\u2019/word", "est/word", "c\u2019/word",
        "est/word", "j\u2019/word", "ai/word", "m\u2019/word", "a/word", "t\u2019/word",
        "a/word"}},
      {"elision_upper", Language::kFr, "L\u2019UTILISATEUR D'UN",
       {"L\u2019/word", "UTILISATEUR/word", "D'/word", "UN/word"}},
      {"whole_words", Language::kFr,
       "aujourd\u2019hui presqu\u2019\u00EEle quelqu'un aujourd'hui",
       {"aujourd\u2019hui/word", "presqu\u2019\u00EEle/word", "quelqu'un/word",
        "aujourd'hui/word"}},
      {"elision_then_whole", Language::kFr, "qu\u2019aujourd\u2019hui",
       {"qu\u2019/word", "aujourd\u2019hui/word"}},
      {"elision_before_number", Language::kFr, "l\u20192019",
       {"l\u2019/word", "2019/number"}},
      {"english_keeps_contractions", Language::kEn, "don't it's the company's",
       {"don't/word", "it's/word", "the/word", "company's/word"}},
      // Hyphenated compounds.
      {"hyphen", Language::kFr, "sous-traitants peut-\u00EAtre c'est-\u00E0-dire",
       {"sous-traitants/word", "peut-\u00EAtre/word", "c'/word", "est-\u00E0-dire/word"}},
      {"hyphen_elision", Language::kFr, "l\u2019arri\u00E8re-plan",
       {"l\u2019/word", "arri\u00E8re-plan/word"}},
      {"hyphen_english", Language::kEn, "third-party opt-out COVID-19",
       {"third-party/word", "opt-out/word", "COVID-19/word"}},
      {"hyphen_spaced", Language::kFr, "a - b",
       {"a/word", "-/punctuation", "b/word"}},
      {"number_range", Language::kFr, "2019-2020",
       {"2019/number", "-/punctuation", "2020/number"}},
      // URLs and e-mails, without trailing punctuation.
      {"url", Language::kFr, "Voir https://www.exemple.fr/vie-privee?x=1&y=2.",
       {"Voir/word", "https://www.exemple.fr/vie-privee?x=1&y=2/url", "./punctuation"}},
      {"url_parens", Language::kEn, "(see https://en.example.org/wiki/A_(b)), then",
       {"(/punctuation", "see/word", "https://en.example.org/wiki/A_(b)/url",
        ")/punctuation", ",/punctuation", "then/word"}},
      {"url_www", Language::kEn, "Visit www.example.com/privacy; thanks",
       {"Visit/word", "www.example.com/privacy/url", ";/punctuation", "thanks/word"}},
      {"url_guillemets", Language::kFr, "\u00AB\u00A0https://a.fr/x\u00A0\u00BB",
       {"\u00AB/punctuation", "https://a.fr/x/url", "\u00BB/punctuation"}},
      {"domain", Language::kFr, "sur exemple.fr.",
       {"sur/word", "exemple.fr/url", "./punctuation"}},
      {"email", Language::kFr, "\u00C9crivez \u00E0 dpo@exemple.fr.",
       {"\u00C9crivez/word", "\u00E0/word", "dpo@exemple.fr/email", "./punctuation"}},
      {"email_mailto", Language::kEn, "<mailto:privacy.team+eu@mail.example.co.uk>",
       {"</symbol", "mailto:privacy.team+eu@mail.example.co.uk/email", ">/symbol"}},
      // ICU 72 keeps '@' inside a word; without a dotted domain it is no e-mail.
      {"not_email", Language::kEn, "@handle and a@b",
       {"@handle/word", "and/word", "a@b/word"}},
      // Numbers.
      {"decimal_comma", Language::kFr, "13,5 mois", {"13,5/number", "mois/word"}},
      {"english_number", Language::kEn, "1,000.50 USD",
       {"1,000.50/number", "USD/word"}},
      {"nbsp_thousands", Language::kFr, "1\u00A0000 et 1\u202F000\u202F000,50",
       {"1\u00A0000/number", "et/word", "1\u202F000\u202F000,50/number"}},
      {"space_thousands", Language::kFr, "les 3 000 partenaires",
       {"les/word", "3 000/number", "partenaires/word"}},
      {"not_thousands", Language::kFr, "en 2019 100 personnes, 1 2 3",
       {"en/word", "2019/number", "100/number", "personnes/word", ",/punctuation", "1/number",
        "2/number", "3/number"}},
      {"percent", Language::kFr, "13,5\u00A0%", {"13,5/number", "%/punctuation"}},
      // French typography: NBSP before : ; ! ?
      {"nbsp_punct", Language::kFr, "Attention\u00A0: oui\u202F; non\u00A0! quoi\u202F?",
       {"Attention/word", ":/punctuation", "oui/word", ";/punctuation", "non/word",
        "!/punctuation", "quoi/word", "?/punctuation"}},
      // Edge cases.
      {"empty", Language::kFr, "", {}},
      {"spaces_only", Language::kFr, " \t\n\u00A0\u202F\u3000 ", {}},
      {"punct_only", Language::kEn, "...!?",
       {"./punctuation", "./punctuation", "./punctuation", "!/punctuation", "?/punctuation"}},
      {"nul", Language::kEn, std::string("a\0b", 3),
       {"a/word", std::string("\0/symbol", 8), "b/word"}},
      {"symbols", Language::kEn, "5 \u20AC + $", {"5/number", "\u20AC/symbol", "+/symbol",
                                                    "$/symbol"}},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Tok(c.text, c.lang), ElementsAreArray(c.tokens)) << c.name;
  }
}

TEST_F(TokenizerTest, UndAppliesFrenchElision) {
  EXPECT_THAT(Texts("l\u2019adresse", Language::kUnd), ElementsAre("l\u2019", "adresse"));
  EXPECT_THAT(Texts("l\u2019adresse", Language::kEn), ElementsAre("l\u2019adresse"));
}

TEST_F(TokenizerTest, SpansAndNorm) {
  const std::string text = "\u00C9t\u00E9 L\u2019Adresse 1\u00A0000";
  TokenList list = tokenizer_->Tokenize(text, Language::kFr);
  ASSERT_EQ(list.tokens.size(), 4u);
  EXPECT_EQ(list.tokens[0].span, (Span{0, 5, 0, 3}));
  EXPECT_EQ(list.tokens[0].norm, "\u00E9t\u00E9");
  EXPECT_EQ(list.tokens[1].span, (Span{6, 10, 4, 6}));
  EXPECT_EQ(list.tokens[1].norm, "l'");
  EXPECT_EQ(list.tokens[2].norm, "adresse");
  EXPECT_EQ(list.tokens[3].norm, "1 000");
  EXPECT_EQ(list.tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(list.tokens[3].span.char_end, CharIndex(text).size_chars());
}

TEST_F(TokenizerTest, EmojiAndNfd) {
  // Decomposed é stays in its word; an emoji ZWJ sequence is one symbol.
  const std::string text =
      "cre\u0301er \U0001F469\u200D\U0001F4BB ok";
  TokenList list = tokenizer_->Tokenize(text, Language::kFr);
  ASSERT_EQ(list.tokens.size(), 3u);
  EXPECT_EQ(text.substr(list.tokens[0].span.begin, list.tokens[0].span.size()),
            "cre\u0301er");
  EXPECT_EQ(list.tokens[0].norm, "cr\u00E9er");
  EXPECT_EQ(list.tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(list.tokens[1].span.char_end - list.tokens[1].span.char_begin, 3u);
  EXPECT_EQ(list.tokens[2].span.char_begin, list.tokens[1].span.char_end + 1);
}

TEST_F(TokenizerTest, InvalidUtf8KeepsSpansInTheCallersBytes) {
  const std::string text = "ab\xFF" "cd \xE2\x82 ef \xC3\xA9t\xC3\xA9";
  TokenList list = tokenizer_->Tokenize(text, Language::kFr);
  EXPECT_EQ(list.invalid_utf8, 2u);
  CharIndex index(text);
  std::size_t covered = 0;
  for (const Token& t : list.tokens) {
    ASSERT_LE(t.span.end, text.size());
    EXPECT_EQ(t.span.char_begin, index.CharOffset(t.span.begin));
    EXPECT_EQ(t.span.char_end, index.CharOffset(t.span.end));
    covered += t.span.size();
  }
  EXPECT_EQ(covered, text.size() - 3);  // all but the three spaces
  EXPECT_EQ(list.tokens.back().norm, "\u00E9t\u00E9");
}

TEST_F(TokenizerTest, OffsetsMatchTokens) {
  const std::string text =
      "Nous conservons l\u2019adresse 13,5\u00A0mois\u202F; voir https://a.fr/b ou "
      "dpo@a.fr \xFF \U0001F600 fin.";
  TokenList list = tokenizer_->Tokenize(text, Language::kUnd);
  TokenOffsets off = tokenizer_->TokenizeOffsets(text, Language::kUnd);
  ASSERT_EQ(off.begin.size(), list.tokens.size());
  ASSERT_EQ(off.char_end.size(), list.tokens.size());
  EXPECT_EQ(off.invalid_utf8, list.invalid_utf8);
  for (std::size_t i = 0; i < list.tokens.size(); ++i) {
    const Span& s = list.tokens[i].span;
    EXPECT_EQ(off.begin[i], s.begin);
    EXPECT_EQ(off.end[i], s.end);
    EXPECT_EQ(off.char_begin[i], s.char_begin);
    EXPECT_EQ(off.char_end[i], s.char_end);
    EXPECT_EQ(off.kind[i], static_cast<std::uint8_t>(list.tokens[i].kind));
  }
}

// Spans are ordered, disjoint, never start or end in white space, and every
// non-space byte is inside a token, for a long mixed text.
TEST_F(TokenizerTest, CoverageOnMixedText) {
  std::string text;
  for (int k = 0; k < 200; ++k) {
    text += "L\u2019op\u00E9rateur (voir https://x.fr/p_" + std::to_string(k) +
            ") conserve 1\u202F000 fichiers\u00A0; e-mail: a" + std::to_string(k) +
            "@b.com, 3,5 % \u2014 \u00AB\u00A0ok\u00A0\u00BB ";
    text.push_back(static_cast<char>(k % 32));
  }
  TokenList list = tokenizer_->Tokenize(text, Language::kUnd);
  std::vector<bool> in_token(text.size(), false);
  std::size_t prev_end = 0;
  for (const Token& t : list.tokens) {
    ASSERT_GE(t.span.begin, prev_end);
    ASSERT_LT(t.span.begin, t.span.end);
    prev_end = t.span.end;
    for (std::size_t k = t.span.begin; k < t.span.end; ++k) in_token[k] = true;
  }
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (in_token[k]) continue;
    const unsigned char b = static_cast<unsigned char>(text[k]);
    const bool space = b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F) ||
                       text.compare(k, 2, "\u00A0") == 0 ||
                       (k > 0 && text.compare(k - 1, 2, "\u00A0") == 0) ||
                       (b & 0xC0) == 0x80 || text.compare(k, 3, "\u202F") == 0;
    ASSERT_TRUE(space) << "byte " << k << " not covered";
  }
}

TEST_F(TokenizerTest, ConcurrentCallsAgree) {
  const std::string text = "L\u2019adresse d\u2019un sous-traitant : 1\u00A0000,50 \u20AC.";
  const std::vector<std::string> expected = Texts(text);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 0;
      for (int k = 0; k < 200; ++k) good += Texts(text) == expected;
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(ok, ElementsAre(200, 200, 200, 200));
}

TEST_F(TokenizerTest, LongSingleLineWithoutSpaces) {
  std::string text(3 << 20, 'a');
  TokenList list = tokenizer_->Tokenize(text, Language::kEn);
  ASSERT_EQ(list.tokens.size(), 1u);
  EXPECT_EQ(list.tokens[0].span.end, text.size());
}

}  // namespace
}  // namespace policytext::internal

namespace policytext::internal {
namespace {

std::vector<std::string> Described(std::string_view text, const TokenList& list) {
  std::vector<std::string> out;
  for (const Token& t : list.tokens) {
    out.push_back(std::to_string(t.span.begin) + ":" + std::to_string(t.span.end) + ":" +
                  std::to_string(t.span.char_begin) + ":" + std::to_string(t.span.char_end) +
                  ":" + std::string(TokenKindName(t.kind)) + ":" + t.norm);
  }
  return out;
}

void ExpectFastPathAgrees(const Tokenizer& tokenizer, std::string_view text,
                          const std::string& label) {
  for (Language lang : {Language::kFr, Language::kEn}) {
    const TokenList fast = tokenizer.Tokenize(text, lang);
    const TokenList slow = tokenizer.TokenizeIcuOnly(text, lang);
    ASSERT_EQ(Described(text, fast), Described(text, slow)) << label;
  }
}

// The fast path reads plain chunks without ICU; it must give exactly the
// tokens the ICU iterator gives, on random mixes of the shapes it accepts and
// the ones next to them.
TEST(TokenizerFastPath, AgreesWithIcuOnRandomText) {
  auto tokenizer = std::move(Tokenizer::Create()).value();
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "a", "Z", "\u00E9", "\u00C9", "\u0153", "\u00D7", "\u00DF", "1", "0", " ", "  ", "\n",
      "\t", "\r\n", "'", "\u2019", "-", "--", ".", ",", ";", ":", "!", "?", "(", ")", "[", "]",
      "\"", "\u00A0", "\u202F", "\u0301", "_", "@", "/", "%", "\u20AC", "\U0001F600",
      "\u00AB", "\u00BB", "http://", "www.", "x.fr", "l'", "qu\u2019", "\xFF", "\u200D",
      "\u05D0", "\u4E2D", "\u00AA", "\u0130", "\u00B7", "e.g."};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    ExpectFastPathAgrees(*tokenizer, text, testing::PrintToString(text));
  }
}

TEST(TokenizerFastPath, AgreesWithIcuOnCorporaAndSharedData) {
  auto tokenizer = std::move(Tokenizer::Create()).value();
  std::size_t files = 0;
  for (const char* dir : {POLICYTEXT_CORPORA_DIR, POLICYTEXT_SHARED_DATA_DIR "/ota-fr/policies",
                          POLICYTEXT_SHARED_DATA_DIR "/ota-en/policies"}) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      ExpectFastPathAgrees(*tokenizer, buffer.str(), entry.path().string());
      ++files;
    }
  }
  if (files == 0) GTEST_SKIP() << "no corpora and no shared data";
}

}  // namespace
}  // namespace policytext::internal
