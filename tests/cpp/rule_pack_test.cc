// Rule packs: parsing, validation errors with file:line:col, macros, override
// and disable, RE2 errors with the rule ID, RE2's memory budget.
#include "extract/rule_pack.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include <re2/re2.h>

#include "extract/rule_set.h"

namespace policytext::internal {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kGood[] = R"(# a comment
[rule fr.sharing.transmettre]
category   = sharing            # trailing comment
pattern    = {b}transmet\p{L}*{b}
pattern    = {b}partag\p{L}*{b}
require    = {b}données{b}
exclude    = {b}nous recevons{b}
confidence = 0.8
set        = action:share
scope      = clause

[lexicon fr.recipient.affiliate]
attribute  = recipient
value      = affiliate
term       = {b}filiales?{b}
term       = {b}sociétés? du groupe{b}

[lexicon fr.recipient.google]
attribute  = recipient
value      = named
detail     = Google
category   = sharing
category   = advertising
term       = {b}google{b}
)";

std::string ErrorOf(std::string_view text, std::string_view file = "p.rules") {
  auto pack = ParseRulePack(text, file);
  EXPECT_FALSE(pack.ok());
  if (pack.ok()) return "";
  EXPECT_EQ(pack.status().code(), StatusCode::kInvalidArgument);
  return pack.status().message();
}

TEST(RulePackTest, ParsesRulesAndLexicons) {
  auto pack = ParseRulePack(kGood, "fr/x.rules");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  ASSERT_EQ(pack->rules.size(), 1u);
  const RuleDef& r = pack->rules[0];
  EXPECT_EQ(r.id, "fr.sharing.transmettre");
  EXPECT_EQ(r.lang, Language::kFr);
  EXPECT_EQ(r.category, Category::kSharing);
  ASSERT_EQ(r.patterns.size(), 2u);
  EXPECT_EQ(r.patterns[0].raw, "{b}transmet\\p{L}*{b}");
  EXPECT_EQ(r.patterns[0].loc.line, 4);
  EXPECT_EQ(r.patterns[0].loc.col, 14);
  EXPECT_EQ(r.required.size(), 1u);
  EXPECT_EQ(r.excluded.size(), 1u);
  EXPECT_DOUBLE_EQ(r.confidence, 0.8);
  ASSERT_EQ(r.sets.size(), 1u);
  EXPECT_EQ(r.sets[0].first, "action");
  EXPECT_EQ(r.sets[0].second, "share");
  EXPECT_EQ(r.scope, RuleScope::kClause);
  EXPECT_EQ(r.loc.line, 2);
  ASSERT_EQ(pack->lexicons.size(), 2u);
  EXPECT_EQ(pack->lexicons[0].terms.size(), 2u);
  EXPECT_TRUE(pack->lexicons[0].categories.empty());
  EXPECT_EQ(pack->lexicons[1].detail, "Google");
  EXPECT_EQ(pack->lexicons[1].categories.size(), 2u);
}

TEST(RulePackTest, ExpandsMacros) {
  std::size_t bad = 0;
  auto e = ExpandPattern("{b}données{b}", &bad);
  ASSERT_TRUE(e.ok());
  const std::string letters = "a-z\\x{df}-\\x{f6}\\x{f8}-\\x{24f}";
  EXPECT_EQ(*e, "(?:^|$|[^" + letters + "0-9_])données(?:^|$|[^" + letters + "0-9_])");
  // \p{L} and \p{N} become the compact classes, inside or outside brackets;
  // other \p{...} and counted repetitions are left alone.
  e = ExpandPattern("\\p{L}{2,3}x{4}[^\\p{L}\\p{N}]\\p{Lu}\\P{N}", &bad);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e, "[" + letters + "]{2,3}x{4}[^" + letters + "0-9]\\p{Lu}[^0-9]");
  // Matching: accented letters are letters, punctuation is not.
  RE2 word(*ExpandPattern("{b}donn\\p{L}+{b}", &bad));
  EXPECT_TRUE(RE2::PartialMatch("vos «données» ici", word));
  EXPECT_FALSE(RE2::PartialMatch("vos donnéesé", RE2(*ExpandPattern("{b}données{b}", &bad))));
  EXPECT_FALSE(ExpandPattern("{nope}", &bad).ok());
  EXPECT_EQ(bad, 0u);
}

TEST(RulePackTest, UnknownKeyNamesLineColumnAndSuggestion) {
  const std::string msg = ErrorOf("[rule en.sharing.x]\ncategory = sharing\n  patern = x\n");
  EXPECT_THAT(msg, StartsWith("p.rules:3:3: unknown key 'patern'"));
  EXPECT_THAT(msg, HasSubstr("did you mean 'pattern'?"));
}

TEST(RulePackTest, BadCategoryPointsAtTheValue) {
  const std::string msg = ErrorOf("[rule en.x.y]\ncategory = sharring\npattern = a\n");
  EXPECT_THAT(msg, StartsWith("p.rules:2:12: unknown category 'sharring'"));
}

TEST(RulePackTest, AsciiWordBoundaryIsRejectedWithAHint) {
  const std::string msg =
      ErrorOf("[rule en.sharing.x]\ncategory = sharing\npattern = ab\\bshare\\b\n");
  EXPECT_THAT(msg, StartsWith("p.rules:3:13:"));
  EXPECT_THAT(msg, HasSubstr("{b}"));
  const std::string w =
      ErrorOf("[rule en.sharing.x]\ncategory = sharing\npattern = share\\w+\n");
  EXPECT_THAT(w, StartsWith("p.rules:3:16:"));
  EXPECT_THAT(w, HasSubstr("{w}"));
  // An escaped backslash followed by b is a literal, not \b.
  EXPECT_TRUE(ParseRulePack("[rule en.sharing.x]\ncategory = sharing\npattern = a\\\\b\n",
                            "p.rules")
                  .ok());
}

TEST(RulePackTest, ColumnsCountCodePoints) {
  // "é" is two bytes but one column.
  const std::string msg = ErrorOf("[rule fr.x.y]\ncategory = sharing\npattern = é\\w\n");
  EXPECT_THAT(msg, StartsWith("p.rules:3:12:"));
}

TEST(RulePackTest, StructuralErrors) {
  EXPECT_THAT(ErrorOf("category = sharing\n"), StartsWith("p.rules:1:1: 'category' outside"));
  EXPECT_THAT(ErrorOf("[rule en.a\n"), StartsWith("p.rules:1:1: section header without"));
  EXPECT_THAT(ErrorOf("[rules en.a]\n"), StartsWith("p.rules:1:2: unknown section 'rules'"));
  EXPECT_THAT(ErrorOf("[rule En.A]\n"), StartsWith("p.rules:1:7: invalid ID"));
  EXPECT_THAT(ErrorOf("[rule en.a]\npattern = x\n"), HasSubstr("has no 'category'"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\n"), HasSubstr("has no 'pattern'"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\ncategory = retention\npattern=x\n"),
              StartsWith("p.rules:3:1: 'category' given twice"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\npattern = x\nconfidence = 1.5\n"),
              StartsWith("p.rules:4:14: confidence must be"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\npattern =\n"),
              StartsWith("p.rules:3:10: empty value"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\npattern = x\nset = action\n"),
              HasSubstr("expected 'set = attribute:value'"));
  EXPECT_THAT(ErrorOf("[rule en.a]\ncategory = sharing\npattern = x\nscope = page\n"),
              HasSubstr("scope must be"));
  EXPECT_THAT(ErrorOf("[lexicon en.r]\nattribute = recipient\nvalue = friends\nterm = x\n"),
              HasSubstr("unknown recipient type 'friends'"));
  EXPECT_THAT(ErrorOf("[disable en.a]\npattern = x\n"), HasSubstr("takes no keys"));
  EXPECT_THAT(ErrorOf("just words\n"), StartsWith("p.rules:1:1: expected 'key = value'"));
  constexpr char kNul[] = "[rule en.a]\ncategory = shar\0ing\n";
  EXPECT_THAT(ErrorOf(std::string(kNul, sizeof(kNul) - 1)),
              HasSubstr("NUL byte"));
}

TEST(RulePackTest, LanguageFromPrefixOrFolder) {
  EXPECT_THAT(ErrorOf("[rule sharing.x]\ncategory = sharing\npattern = x\n"),
              HasSubstr("cannot tell the language"));
  auto pack = ParseRulePack("[rule sharing.x]\ncategory = sharing\npattern = x\n", "en/a.rules",
                            Language::kEn);
  ASSERT_TRUE(pack.ok());
  EXPECT_EQ(pack->rules[0].lang, Language::kEn);
}

std::vector<RuleSource> Sources(std::initializer_list<std::pair<const char*, const char*>> list) {
  std::vector<RuleSource> out;
  for (const auto& [name, text] : list) out.push_back(RuleSource{name, text, Language::kUnd});
  return out;
}

TEST(RuleSetTest, CompilesPerLanguage) {
  auto rules = CompiledRules::Build(Sources({{"a.rules", kGood}}), {Language::kFr, Language::kEn});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const LanguageRules* fr = (*rules)->For(Language::kFr);
  ASSERT_NE(fr, nullptr);
  EXPECT_EQ(fr->rules.size(), 1u);
  EXPECT_EQ(fr->lexicons.size(), 2u);
  // One regex per pattern, each owned by the rule.
  ASSERT_EQ(fr->rule_filter.size(), 2u);
  EXPECT_EQ(fr->pattern_rule, (std::vector<int>{0, 0}));
  std::vector<int> candidates;
  fr->rule_filter.Candidates("nous partageons vos données", candidates);
  EXPECT_FALSE(candidates.empty());
  bool confirmed = false;
  for (int c : candidates) {
    confirmed |= RE2::PartialMatch("nous partageons vos données", fr->rule_filter.regex(c));
  }
  EXPECT_TRUE(confirmed);
  fr->rule_filter.Candidates("nous vendons des chaussures", candidates);
  for (int c : candidates) {
    EXPECT_FALSE(RE2::PartialMatch("nous vendons des chaussures", fr->rule_filter.regex(c)));
  }
  // One regex per lexicon entry (its terms joined).
  EXPECT_EQ(fr->lexicon_filter.size(), 2u);
  const LanguageRules* en = (*rules)->For(Language::kEn);
  ASSERT_NE(en, nullptr);
  EXPECT_TRUE(en->rules.empty());
  EXPECT_EQ(en->rule_filter.size(), 0u);
  EXPECT_EQ((*rules)->fingerprint().size(), 16u);
}

TEST(RuleSetTest, DuplicateIdNeedsOverride) {
  const char* a = "[rule en.sharing.x]\ncategory = sharing\npattern = share\n";
  const char* dup = "\n[rule en.sharing.x]\ncategory = sharing\npattern = sell\n";
  auto rules = CompiledRules::Build(Sources({{"a.rules", a}, {"b.rules", dup}}), {Language::kEn});
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(rules.status().message(), StartsWith("b.rules:2:1: duplicate ID 'en.sharing.x'"));
  EXPECT_THAT(rules.status().message(), HasSubstr("a.rules:1:1"));
}

TEST(RuleSetTest, OverrideReplacesAndDisableRemoves) {
  const char* a =
      "[rule en.sharing.x]\ncategory = sharing\npattern = share\n"
      "[rule en.sharing.y]\ncategory = sharing\npattern = sell\n";
  const char* b =
      "[rule en.sharing.x]\ncategory = retention\npattern = keep\noverride = true\n"
      "[disable en.sharing.y]\n";
  auto rules = CompiledRules::Build(Sources({{"a.rules", a}, {"b.rules", b}}), {Language::kEn});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const LanguageRules* en = (*rules)->For(Language::kEn);
  ASSERT_EQ(en->rules.size(), 1u);
  EXPECT_EQ(en->rules[0].def.id, "en.sharing.x");
  EXPECT_EQ(en->rules[0].def.category, Category::kRetention);
  EXPECT_EQ(en->rules[0].def.loc.file, "b.rules");
}

TEST(RuleSetTest, OverrideOrDisableOfUnknownIdIsAnError) {
  auto r1 = CompiledRules::Build(
      Sources({{"b.rules", "[rule en.a]\ncategory = sharing\npattern = x\noverride = true\n"}}),
      {Language::kEn});
  ASSERT_FALSE(r1.ok());
  EXPECT_THAT(r1.status().message(), HasSubstr("no earlier pack defines 'en.a'"));
  auto r2 = CompiledRules::Build(Sources({{"b.rules", "\n[disable en.zzz]\n"}}), {Language::kEn});
  ASSERT_FALSE(r2.ok());
  EXPECT_THAT(r2.status().message(), StartsWith("b.rules:2:1: [disable en.zzz]"));
}

TEST(RuleSetTest, Re2ErrorNamesTheRuleAndPosition) {
  auto rules = CompiledRules::Build(
      Sources({{"a.rules",
                "[rule en.sharing.broken]\ncategory = sharing\npattern = fine\n"
                "pattern = (unclosed\n"}}),
      {Language::kEn});
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(rules.status().message(), StartsWith("a.rules:4:11: pattern of 'en.sharing.broken'"));
  EXPECT_THAT(rules.status().message(), HasSubstr("missing )"));
}

TEST(RuleSetTest, MemoryBudgetExceededIsAClearError) {
  const char* pack =
      "[rule en.sharing.small]\ncategory = sharing\npattern = {b}share{b}\n\n"
      "[rule en.sharing.big]\ncategory = sharing\n"
      "pattern = {b}share{gap}{gap}{gap}{gap}{gap}{gap}{w}{300}{b}\n";
  auto rules = CompiledRules::Build(Sources({{"big.rules", pack}}), {Language::kEn},
                                    std::size_t{1} << 16);
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(rules.status().message(),
              StartsWith("big.rules:7:11: the pattern of 'en.sharing.big' exceeds"));
  EXPECT_THAT(rules.status().message(), HasSubstr("memory budget of 0.1 MiB"));
}

TEST(RuleSetTest, LoadsFoldersWithTheirLanguage) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("policytext_rules_" + std::to_string(::getpid()));
  fs::create_directories(dir / "fr");
  std::ofstream(dir / "fr" / "extra.rules")
      << "[rule sharing.perso]\ncategory = sharing\npattern = {b}cédons{b}\n";
  std::ofstream(dir / "ignored.txt") << "not a pack";
  auto sources = LoadRuleSources(dir.string());
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].folder_lang, Language::kFr);
  auto rules = CompiledRules::Build(*sources, {Language::kFr});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ((*rules)->For(Language::kFr)->rules.size(), 1u);
  EXPECT_EQ(LoadRuleSources((dir / "missing").string()).status().code(), StatusCode::kNotFound);
  fs::remove_all(dir);
}

TEST(RuleSetTest, BuiltinPacksCompile) {
  auto rules = CompiledRules::Build(BuiltinRuleSources(), {Language::kFr, Language::kEn});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_FALSE((*rules)->For(Language::kFr)->rules.empty());
  EXPECT_FALSE((*rules)->For(Language::kEn)->rules.empty());
}

}  // namespace
}  // namespace policytext::internal
