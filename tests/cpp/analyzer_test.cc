// The public Analyzer: the README quick start, rule-pack errors through
// Create(), user packs, the fingerprint, Explain/Rules, threads.
#include "policytext/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "policytext/policytext.h"

namespace policytext {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::shared_ptr<const Analyzer> Default() {
  static const std::shared_ptr<const Analyzer> analyzer = [] {
    auto a = Analyzer::Create();
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : nullptr;
  }();
  return analyzer;
}

std::vector<const Clause*> OfCategory(const Document& doc, Category c) {
  std::vector<const Clause*> out;
  for (const Clause& clause : doc.clauses) {
    if (clause.category == c) out.push_back(&clause);
  }
  return out;
}

TEST(AnalyzerTest, ReadmeQuickStartFindsSharing) {
  auto analyzer = Default();
  ASSERT_NE(analyzer, nullptr);
  auto doc = analyzer->Analyze("We share your e-mail address with our affiliates.");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto sharing = OfCategory(*doc, Category::kSharing);
  ASSERT_EQ(sharing.size(), 1u);
  EXPECT_EQ(doc->text.substr(sharing[0]->span.begin, sharing[0]->span.size()),
            "We share your e-mail address with our affiliates.");
  EXPECT_EQ(sharing[0]->polarity, Polarity::kAffirmed);
  EXPECT_FALSE(sharing[0]->rules.empty());
  EXPECT_EQ(doc->summary.practices[0].stance, Stance::kAffirmed);
}

TEST(AnalyzerTest, FrenchNegatedSharing) {
  auto doc = Default()->Analyze(
      "Nous ne vendons jamais vos données personnelles. Nous partageons votre adresse e-mail "
      "avec nos filiales.");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto sharing = OfCategory(*doc, Category::kSharing);
  ASSERT_EQ(sharing.size(), 2u);
  EXPECT_EQ(sharing[0]->polarity, Polarity::kNegated);
  EXPECT_FALSE(sharing[0]->negation_cue.empty());
  EXPECT_EQ(sharing[1]->polarity, Polarity::kAffirmed);
}

TEST(AnalyzerTest, BadUserPackNamesFileLineColumn) {
  AnalyzerOptions options;
  options.rule_texts = {{"mine/en/extra.rules", "[rule en.sharing.mine]\ncategory = sharing\n"
                                                "pattern = (oops\n"}};
  auto a = Analyzer::Create(options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), StartsWith("mine/en/extra.rules:3:11: pattern of "
                                               "'en.sharing.mine' rejected by RE2"));
  options.rule_texts.clear();
  options.rule_paths = {"/nonexistent/rules"};
  EXPECT_EQ(Analyzer::Create(options).status().code(), StatusCode::kNotFound);
  options.rule_paths.clear();
  options.languages = {};
  EXPECT_EQ(Analyzer::Create(options).status().code(), StatusCode::kInvalidArgument);
}

TEST(AnalyzerTest, UserPackAddsOverridesAndDisables) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "policytext_analyzer_test_pack" / "en";
  fs::create_directories(dir);
  std::ofstream(dir / "mine.rules") << "[rule mine.barter]\ncategory = sharing\n"
                                       "pattern = {b}barter\\p{L}*{b}\nconfidence = 0.95\n";
  AnalyzerOptions options;
  options.builtin_rules = false;
  options.rule_paths = {dir.parent_path().string()};
  auto a = Analyzer::Create(options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto doc = (*a)->Analyze("We barter your data.", ReadOptions{.lang = Language::kEn});
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->clauses.size(), 1u);
  EXPECT_EQ(doc->clauses[0].rules, std::vector<std::string>{"mine.barter"});
  EXPECT_DOUBLE_EQ(doc->clauses[0].confidence, 0.95);
  // Nothing else fires without the builtin packs.
  EXPECT_TRUE((*a)->Analyze("We share your data with partners.")->clauses.empty());
  // Disable it again from a later pack.
  options.rule_texts = {{"off.rules", "[disable mine.barter]\n"}};
  auto b = Analyzer::Create(options);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_TRUE((*b)->Analyze("We barter your data.")->clauses.empty());
  fs::remove_all(dir.parent_path());
}

TEST(AnalyzerTest, FingerprintIsStableAndFollowsTheRules) {
  auto a = Analyzer::Create();
  auto b = Analyzer::Create();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->rules_fingerprint(), (*b)->rules_fingerprint());
  EXPECT_EQ((*a)->rules_fingerprint().size(), 16u);
  AnalyzerOptions options;
  options.rule_texts = {{"x.rules", "[rule en.sharing.extra_x]\ncategory = sharing\npattern = zz\n"}};
  auto c = Analyzer::Create(options);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_NE((*a)->rules_fingerprint(), (*c)->rules_fingerprint());
}

TEST(AnalyzerTest, ExplainAndRules) {
  auto traces = Default()->Explain("We share your e-mail address with our affiliates.",
                                   Language::kEn);
  ASSERT_TRUE(traces.ok()) << traces.status().ToString();
  ASSERT_EQ(traces->size(), 1u);
  bool fired = false;
  for (const RuleTrace& t : (*traces)[0].rules) fired = fired || t.fired;
  EXPECT_TRUE(fired);
  EXPECT_FALSE((*traces)[0].attributes.empty());
  const std::vector<RuleInfo> rules = Default()->Rules();
  bool fr = false, en = false, lexicon = false;
  for (const RuleInfo& r : rules) {
    fr = fr || r.lang == Language::kFr;
    en = en || r.lang == Language::kEn;
    lexicon = lexicon || r.kind == "lexicon";
    EXPECT_THAT(r.origin, StartsWith("builtin:"));
  }
  EXPECT_TRUE(fr && en && lexicon);
}

// Every shipped pattern and lexicon entry has a literal the prefilter can
// search: one that cannot runs on every sentence (docs/rules.md, "Speed").
// The exception: the e-mail address pattern of the contact rules (a cheap DFA;
// spelling "x@y" literals cost ~40 ms of analyzer build for ~2% of run time).
TEST(AnalyzerTest, BuiltinPatternsAreAllPrefiltered) {
  for (const RuleInfo& r : Default()->Rules()) {
    const bool email_only = (r.id == "fr.contact.contact" || r.id == "en.contact.contact") &&
                            r.unfiltered.size() == 1;
    EXPECT_TRUE(r.unfiltered.empty() || email_only) << r.id << " at " << r.unfiltered.front();
  }
}

TEST(AnalyzerTest, UnfilteredPatternIsReported) {
  const std::string dir = ::testing::TempDir() + "/policytext_unfiltered";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/slow.rules")
      << "[rule en.sharing.slow]\ncategory = sharing\npattern = [0-9]+@[0-9]+\n"
         "pattern = {b}disclose{b}\n";
  AnalyzerOptions options;
  options.rule_paths = {dir};
  auto analyzer = Analyzer::Create(options);
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  bool found = false;
  for (const RuleInfo& r : (*analyzer)->Rules()) {
    if (r.id != "en.sharing.slow") continue;
    found = true;
    ASSERT_EQ(r.unfiltered.size(), 1u);
    EXPECT_THAT(r.unfiltered[0], HasSubstr("slow.rules:3:11"));
  }
  EXPECT_TRUE(found);
}

TEST(AnalyzerTest, ConcurrentAnalysesAgree) {
  auto analyzer = Default();
  const std::string text =
      "We share your e-mail address with our affiliates. We keep your data for 3 years. "
      "Nous ne vendons jamais vos données.";
  auto reference = analyzer->Analyze(text);
  ASSERT_TRUE(reference.ok());
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        auto doc = analyzer->Analyze(text);
        if (doc.ok() && doc->clauses.size() == reference->clauses.size()) ++counts[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t c : counts) EXPECT_EQ(c, 20u);
}

TEST(AnalyzerTest, BadInputNeverCrashes) {
  auto analyzer = Default();
  for (std::string_view input :
       {std::string_view(""), std::string_view("\0\0\0", 3), std::string_view("\xff\xfe\xfd"),
        std::string_view("<html><body><p>We sell data</p>"), std::string_view("# \n\n- \n")}) {
    auto doc = analyzer->Analyze(input);
    EXPECT_TRUE(doc.ok() || doc.status().code() != StatusCode::kInternal)
        << doc.status().ToString();
  }
  std::string big(200000, 'a');
  for (std::size_t i = 0; i < big.size(); i += 50) big[i] = ' ';
  EXPECT_TRUE(analyzer->Analyze(big).ok());
}

}  // namespace
}  // namespace policytext
