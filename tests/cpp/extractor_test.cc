// The matcher on hand-built Documents and a small test pack, so that these
// tests do not move when the shipped rule packs change.
#include "extract/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/rule_set.h"
#include "text/utf8.h"

namespace policytext::internal {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kPack[] = R"(
[rule en.sharing.share]
category   = sharing
pattern    = {b}shar(?:e|es|ed|ing){b}
require    = {b}with{b}
confidence = 0.8
set        = action:share

[rule en.sharing.sell]
category   = sharing
pattern    = {b}(?:sell|sold){b}
confidence = 0.9
set        = action:sell

[rule en.sharing.clause_only]
category   = sharing
pattern    = {b}disclose{b}
require    = {b}partners{b}
scope      = clause

[rule en.retention.keep]
category   = retention
pattern    = {b}(?:keep|retain)\p{L}*{b}
exclude    = {b}keep you informed{b}

[rule en.advertising.ads]
category   = advertising
pattern    = {b}(?:advertising|ads|newsletters?){b}

[lexicon en.recipient.affiliate]
attribute  = recipient
value      = affiliate
term       = {b}affiliates?{b}

[lexicon en.recipient.google]
attribute  = recipient
value      = named
detail     = Google
term       = {b}google{b}

[lexicon en.recipient.advertiser]
attribute  = recipient
value      = advertiser
term       = {b}advertisers{b}

[lexicon en.data_type.email]
attribute  = data_type
value      = email
term       = {b}e-?mail address(?:es)?{b}

[lexicon en.channel.email]
attribute  = channel
value      = email
term       = {b}by e-?mail{b}

[rule fr.sharing.partager]
category   = sharing
pattern    = {b}(?:partage|partageons|vendons|transmettons){b}
confidence = 0.8

[lexicon fr.recipient.filiales]
attribute  = recipient
value      = affiliate
term       = {b}filiales{b}
)";

const CompiledRules& Rules() {
  static const auto* const rules = [] {
    auto r = CompiledRules::Build({RuleSource{"test.rules", kPack, Language::kUnd}},
                                  {Language::kFr, Language::kEn});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return *rules;
}

struct B {
  BlockKind kind;
  std::string text;
  Language lang = Language::kEn;
};

// One block per entry, one sentence per block (or split at ". " when split).
Document MakeDoc(const std::vector<B>& blocks, bool split = false) {
  Document doc;
  for (const B& b : blocks) {
    if (!doc.text.empty()) doc.text += "\n\n";
    Block block;
    block.kind = b.kind;
    block.lang = b.lang;
    block.span.begin = doc.text.size();
    doc.text += b.text;
    block.span.end = doc.text.size();
    doc.blocks.push_back(block);
  }
  CharIndex index(doc.text);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    block.span = index.MakeSpan(block.span.begin, block.span.end);
    std::size_t start = block.span.begin;
    while (start < block.span.end) {
      std::size_t end = block.span.end;
      if (split) {
        const std::size_t dot = doc.text.find(". ", start);
        if (dot != std::string::npos && dot < block.span.end) end = dot + 1;
      }
      Sentence s;
      s.span = index.MakeSpan(start, end);
      s.clauses = {s.span};
      s.block = static_cast<std::int64_t>(i);
      doc.sentences.push_back(s);
      start = end;
      while (start < block.span.end && doc.text[start] == ' ') ++start;
    }
  }
  return doc;
}

Document Extract(const std::vector<B>& blocks, bool split = false) {
  Document doc = MakeDoc(blocks, split);
  Status s = ExtractClauses(Rules(), doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::string Text(const Document& doc, const Clause& c) {
  return doc.text.substr(c.span.begin, c.span.size());
}

const Attribute* Find(const Clause& c, std::string_view name, std::string_view value = "") {
  for (const Attribute& a : c.attributes) {
    if (a.name == name && (value.empty() || a.value == value)) return &a;
  }
  return nullptr;
}

TEST(ExtractorTest, SharingClauseWithAttributes) {
  Document doc = Extract({{BlockKind::kParagraph,
                           "We share your e-mail address with our affiliates."}});
  ASSERT_EQ(doc.clauses.size(), 1u);
  const Clause& c = doc.clauses[0];
  EXPECT_EQ(c.category, Category::kSharing);
  EXPECT_EQ(c.polarity, Polarity::kAffirmed);
  EXPECT_EQ(c.modality, Modality::kDefinite);
  EXPECT_EQ(Text(doc, c), "We share your e-mail address with our affiliates.");
  EXPECT_EQ(c.sentence, 0);
  EXPECT_EQ(c.block, 0);
  EXPECT_THAT(c.rules, ElementsAre("en.sharing.share"));
  EXPECT_DOUBLE_EQ(c.confidence, 0.8);
  const Attribute* r = Find(c, "recipient");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->value, "affiliate");
  EXPECT_EQ(r->text, "affiliates");
  EXPECT_EQ(doc.text.substr(r->span.begin, r->span.size()), "affiliates");
  EXPECT_FALSE(r->negated);
  const Attribute* d = Find(c, "data_type");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, "email");
  EXPECT_EQ(d->text, "e-mail address");
  const Attribute* a = Find(c, "action");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->value, "share");
  EXPECT_TRUE(a->text.empty());
}

TEST(ExtractorTest, RequireAndExcludeDecide) {
  // "share" without "with": the require fails.
  EXPECT_TRUE(Extract({{BlockKind::kParagraph, "Share your thoughts."}}).clauses.empty());
  // exclude vetoes.
  EXPECT_TRUE(Extract({{BlockKind::kParagraph, "We keep you informed."}}).clauses.empty());
  EXPECT_EQ(Extract({{BlockKind::kParagraph, "We keep logs."}}).clauses.size(), 1u);
}

TEST(ExtractorTest, NegationAndModality) {
  Document neg = Extract({{BlockKind::kParagraph, "We never sell your personal data."}});
  ASSERT_EQ(neg.clauses.size(), 1u);
  EXPECT_EQ(neg.clauses[0].polarity, Polarity::kNegated);
  EXPECT_THAT(neg.clauses[0].negation_cue, HasSubstr("never"));
  Document may = Extract({{BlockKind::kParagraph, "We may share your data with Google."}});
  ASSERT_EQ(may.clauses.size(), 1u);
  EXPECT_EQ(may.clauses[0].modality, Modality::kPossible);
  const Attribute* g = Find(may.clauses[0], "recipient", "named");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->detail, "Google");
  EXPECT_EQ(g->text, "Google");  // the source text, not the folded one
  Document fr = Extract({{BlockKind::kParagraph, "Nous ne vendons jamais vos données.",
                          Language::kFr}});
  ASSERT_EQ(fr.clauses.size(), 1u);
  EXPECT_EQ(fr.clauses[0].polarity, Polarity::kNegated);
}

TEST(ExtractorTest, OneAffirmedTriggerMakesTheClauseAffirmed) {
  Document doc = Extract({{BlockKind::kParagraph,
                           "We do not sell your data, but we share it with our affiliates."}});
  ASSERT_EQ(doc.clauses.size(), 1u);
  EXPECT_EQ(doc.clauses[0].polarity, Polarity::kAffirmed);
  EXPECT_THAT(doc.clauses[0].rules, ElementsAre("en.sharing.share", "en.sharing.sell"));
  EXPECT_NEAR(doc.clauses[0].confidence, 1 - 0.2 * 0.1, 1e-9);
}

TEST(ExtractorTest, RetentionPeriodsAndBound) {
  Document doc = Extract({{BlockKind::kParagraph,
                           "We keep your e-mail address for up to 3 years after your last "
                           "login."}});
  ASSERT_EQ(doc.clauses.size(), 1u);
  const Clause& c = doc.clauses[0];
  EXPECT_EQ(c.category, Category::kRetention);
  const Attribute* p = Find(c, "period");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "P3Y");
  EXPECT_EQ(p->detail, "max");
  EXPECT_EQ(p->text, "3 years");
  const Attribute* b = Find(c, "bound");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value, "fixed");
  EXPECT_NE(Find(c, "data_type", "email"), nullptr);  // data types attach to retention too
  EXPECT_EQ(Find(c, "recipient"), nullptr);           // recipients do not
}

TEST(ExtractorTest, ListItemsInheritTheLeadInWhenTheyAddARecipient) {
  Document doc = Extract({
      {BlockKind::kParagraph, "We share your data with:"},
      {BlockKind::kListItem, "our affiliates;"},
      {BlockKind::kListItem, "your preferences;"},
      {BlockKind::kListItem, "advertisers."},
      {BlockKind::kParagraph, "Our affiliates are nice."},
  });
  ASSERT_EQ(doc.clauses.size(), 3u);
  EXPECT_EQ(Text(doc, doc.clauses[0]), "We share your data with:");
  EXPECT_EQ(Text(doc, doc.clauses[1]), "our affiliates;");
  EXPECT_EQ(doc.clauses[1].category, Category::kSharing);
  EXPECT_THAT(doc.clauses[1].rules, Contains("inherited.lead_in"));
  EXPECT_NE(Find(doc.clauses[1], "recipient", "affiliate"), nullptr);
  EXPECT_NE(Find(doc.clauses[1], "action", "share"), nullptr);
  EXPECT_LT(doc.clauses[1].confidence, doc.clauses[0].confidence);
  EXPECT_EQ(Text(doc, doc.clauses[2]), "advertisers.");
}

// The extractor confirms patterns over windows of sentences (256 at a time):
// a long document gives the same clauses as its sentences one by one, and a
// lead-in still reaches the list items of the next window.
TEST(ExtractorTest, LongDocumentsMatchSentenceBySentence) {
  std::vector<B> blocks;
  for (int k = 0; k < 255; ++k) {
    blocks.push_back({BlockKind::kParagraph, k % 2 ? "We sell your data." : "Plain text."});
  }
  blocks.push_back({BlockKind::kParagraph, "We share your data with:"});  // sentence 255
  blocks.push_back({BlockKind::kListItem, "our affiliates;"});            // sentence 256
  for (int k = 0; k < 300; ++k) {
    blocks.push_back({BlockKind::kParagraph, k % 3 ? "We keep logs." : "Plain text."});
  }
  const Document doc = Extract(blocks);
  std::size_t sell = 0, keep = 0, inherited = 0;
  for (const Clause& c : doc.clauses) {
    const std::string text = Text(doc, c);
    if (text == "We sell your data.") {
      ++sell;
      EXPECT_NE(Find(c, "action", "sell"), nullptr);
    } else if (text == "We keep logs.") {
      ++keep;
      EXPECT_EQ(c.category, Category::kRetention);
    } else if (text == "our affiliates;") {
      ++inherited;
      EXPECT_EQ(c.sentence, 256);
      EXPECT_THAT(c.rules, Contains("inherited.lead_in"));
    }
  }
  EXPECT_EQ(sell, 127u);
  EXPECT_EQ(keep, 200u);
  EXPECT_EQ(inherited, 1u);
  EXPECT_EQ(doc.clauses.size(), 127u + 1u + 1u + 200u);
}

TEST(ExtractorTest, AdvertisingItemsNeedAChannel) {
  Document doc = Extract({
      {BlockKind::kParagraph, "We send newsletters:"},
      {BlockKind::kListItem, "by e-mail;"},
      {BlockKind::kListItem, "about our products."},
  });
  ASSERT_EQ(doc.clauses.size(), 2u);
  EXPECT_EQ(Text(doc, doc.clauses[1]), "by e-mail;");
  EXPECT_EQ(doc.clauses[1].category, Category::kAdvertising);
}

TEST(ExtractorTest, HeadingsAreSkipped) {
  Document doc = Extract({{BlockKind::kHeading, "How we share data with affiliates"},
                          {BlockKind::kParagraph, "Plain text."}});
  EXPECT_TRUE(doc.clauses.empty());
}

TEST(ExtractorTest, BlockLanguageChoosesThePack) {
  // English words in a French block do not fire English rules, and vice versa.
  Document doc = Extract({{BlockKind::kParagraph, "We share data with partners.", Language::kFr},
                          {BlockKind::kParagraph, "Nous partageons vos données.", Language::kEn}});
  EXPECT_TRUE(doc.clauses.empty());
  // An unknown language runs every pack.
  Document und = Extract({{BlockKind::kParagraph, "Nous partageons avec nos filiales.",
                           Language::kUnd}});
  ASSERT_EQ(und.clauses.size(), 1u);
  EXPECT_NE(Find(und.clauses[0], "recipient", "affiliate"), nullptr);
}

TEST(ExtractorTest, ClauseScopeUsesTheClauseSplit) {
  Document doc = MakeDoc({{BlockKind::kParagraph,
                           "We disclose data to partners; we keep logs."}});
  // Two clause splits at the ';'.
  Sentence& s = doc.sentences[0];
  const std::size_t semi = doc.text.find(';');
  CharIndex index(doc.text);
  s.clauses = {index.MakeSpan(0, semi + 1), index.MakeSpan(semi + 2, doc.text.size())};
  ASSERT_TRUE(ExtractClauses(Rules(), doc).ok());
  ASSERT_EQ(doc.clauses.size(), 2u);
  EXPECT_EQ(doc.clauses[0].category, Category::kSharing);
  EXPECT_EQ(Text(doc, doc.clauses[0]), "We disclose data to partners;");
  EXPECT_EQ(doc.clauses[1].category, Category::kRetention);
  EXPECT_EQ(Text(doc, doc.clauses[1]), "We disclose data to partners; we keep logs.");
}

TEST(ExtractorTest, SpansCountCodePointsAcrossEmojiAndNbsp) {
  Document doc = Extract({{BlockKind::kParagraph, "🙂 Café\u00a0: rien."},
                          {BlockKind::kParagraph, "We sell data to Google."}});
  ASSERT_EQ(doc.clauses.size(), 1u);
  const Clause& c = doc.clauses[0];
  const std::string before = "🙂 Café\u00a0: rien.\n\n";
  EXPECT_EQ(c.span.begin, before.size());
  EXPECT_EQ(c.span.char_begin, 16u);  // 🙂, " Café", NBSP, ": rien.", "\n\n"
  const Attribute* g = Find(c, "recipient");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->span.char_end - g->span.char_begin, 6u);
}

TEST(ExtractorTest, SummaryGivesStanceAndStrongestClause) {
  Document doc = Extract({{BlockKind::kParagraph, "We never sell your data."},
                          {BlockKind::kParagraph, "We share your data with Google."},
                          {BlockKind::kParagraph, "We keep nothing. We never keep logs."}},
                         true);
  ASSERT_EQ(doc.summary.practices.size(), static_cast<std::size_t>(kNumCategories));
  const PracticeSummary& sharing = doc.summary.practices[0];
  EXPECT_EQ(sharing.stance, Stance::kAffirmed);
  EXPECT_EQ(sharing.affirmed, 1u);
  EXPECT_EQ(sharing.negated, 1u);
  ASSERT_GE(sharing.strongest_clause, 0);
  EXPECT_EQ(doc.clauses[static_cast<std::size_t>(sharing.strongest_clause)].polarity,
            Polarity::kAffirmed);
  const PracticeSummary& ads = doc.summary.practices[2];
  EXPECT_EQ(ads.stance, Stance::kSilent);
  EXPECT_EQ(ads.strongest_clause, -1);
}

TEST(ExtractorTest, BadInputGivesADefinedResult) {
  Document doc;
  EXPECT_TRUE(ExtractClauses(Rules(), doc).ok());
  EXPECT_TRUE(doc.clauses.empty());
  EXPECT_EQ(doc.summary.practices.size(), static_cast<std::size_t>(kNumCategories));
  // No blocks or sentences: the whole text is one sentence; NUL and invalid bytes pass.
  constexpr char kBad[] = "We sell\0 data \xff\xfe to Google.";
  doc.text = std::string(kBad, sizeof(kBad) - 1);
  doc.lang = Language::kEn;
  EXPECT_TRUE(ExtractClauses(Rules(), doc).ok());
  EXPECT_EQ(doc.clauses.size(), 1u);
  // Spans beyond the text are clamped rather than read.
  Document broken = MakeDoc({{BlockKind::kParagraph, "We sell data."}});
  broken.sentences[0].span.end = 1000;
  EXPECT_TRUE(ExtractClauses(Rules(), broken).ok());
}

TEST(ExtractorTest, TraceExplainsEveryCandidate) {
  Document doc = MakeDoc({{BlockKind::kParagraph, "Share your thoughts with Google."},
                          {BlockKind::kParagraph, "We keep you informed."}});
  auto traces = TraceRules(Rules(), doc);
  ASSERT_TRUE(traces.ok());
  ASSERT_EQ(traces->size(), 2u);
  ASSERT_EQ((*traces)[0].rules.size(), 1u);
  EXPECT_TRUE((*traces)[0].rules[0].fired);
  EXPECT_EQ((*traces)[0].rules[0].origin, "test.rules:2:1");
  EXPECT_EQ((*traces)[0].attributes.size(), 1u);
  ASSERT_EQ((*traces)[1].rules.size(), 1u);
  EXPECT_FALSE((*traces)[1].rules[0].fired);
  EXPECT_THAT((*traces)[1].rules[0].reason, HasSubstr("excluded by"));
  auto list = ListRules(Rules());
  EXPECT_EQ(list.size(), 12u);
}

}  // namespace
}  // namespace policytext::internal
