// LiteralFilter against a reference: the same regexes in a plain FilteredRE2,
// its atoms searched with std::string::find. The candidates must include the
// reference's (they are a few more where rare bytes share a class) and every
// regex that matches.
#include "extract/literal_filter.h"

#include <gtest/gtest.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace policytext::internal {
namespace {

RE2::Options Options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

struct Fixture {
  LiteralFilter filter;
  re2::FilteredRE2 reference{3};
  std::vector<std::string> atoms;

  explicit Fixture(const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns) {
      int id = 0;
      EXPECT_EQ(filter.Add(p, Options(), nullptr), RE2::NoError) << p;
      EXPECT_EQ(reference.Add(p, Options(), &id), RE2::NoError) << p;
    }
    filter.Compile();
    reference.Compile(&atoms);
  }

  std::vector<int> Expected(const std::string& text) {
    std::string lower = text;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    std::vector<int> found, out;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      if (lower.find(atoms[i]) != std::string::npos) found.push_back(static_cast<int>(i));
    }
    reference.AllPotentials(found, &out);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::size_t got_total = 0, expected_total = 0;

  void Check(const std::string& text) {
    std::vector<int> got;
    filter.Candidates(text, got);
    const std::vector<int> expected = Expected(text);
    ASSERT_TRUE(std::includes(got.begin(), got.end(), expected.begin(), expected.end())) << text;
    ASSERT_TRUE(std::is_sorted(got.begin(), got.end()));
    got_total += got.size();
    expected_total += expected.size();
    for (std::size_t i = 0; i < filter.size(); ++i) {
      if (RE2::PartialMatch(text, filter.regex(static_cast<int>(i)))) {
        ASSERT_TRUE(std::binary_search(got.begin(), got.end(), static_cast<int>(i)))
            << "regex " << i << " matches but is no candidate: " << text;
      }
    }
  }
};

const std::vector<std::string> kWords = {
    "données", "partage", "partenaires", "tiers", "sociétés", "affiliées", "share",
    "shared", "sharing", "third", "parties", "partner", "partners", "sell", "seller",
    "conserv", "conservées", "retain", "retention", "ans", "years", "mois", "days",
    "ne", "jamais", "never", "not", "we", "nous", "vos", "your", "à", "aux", "de",
    "publicité", "advertising", "cookies", "cook", "ookie", "ies", "hare", "artner"};

std::string RandomPattern(std::mt19937& rng) {
  auto word = [&] { return kWords[rng() % kWords.size()]; };
  switch (rng() % 5) {
    case 0:
      return word();
    case 1:
      return "(?:^|[^a-z])" + word() + "s?(?:$|[^a-z])";
    case 2:
      return word() + "(?:[^a-z]+[a-z]+){0,3}?[^a-z]+" + word();
    case 3:
      return "(?:" + word() + "|" + word() + "|" + word() + ")";
    default:
      return "(?:" + word() + ")?" + word() + "[a-zé]*";
  }
}

std::string RandomText(std::mt19937& rng) {
  std::string t;
  const int n = 1 + static_cast<int>(rng() % 25);
  for (int i = 0; i < n; ++i) {
    if (i) t += (rng() % 8 == 0) ? ", " : " ";
    std::string w = kWords[rng() % kWords.size()];
    if (rng() % 10 == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    if (rng() % 10 == 0) w = w.substr(0, w.size() / 2 + 1);
    t += w;
  }
  return t;
}

TEST(LiteralFilterTest, MatchesReferenceOnRandomPatternsAndTexts) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> patterns;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) patterns.push_back(RandomPattern(rng));
    patterns.push_back("[0-9]+");  // no atom: a candidate everywhere
    Fixture f(patterns);
    for (int i = 0; i < 200; ++i) f.Check(RandomText(rng));
    f.Check("");
    f.Check("24 mois, 12 years. (3) ; données/partage* 7 days");
    EXPECT_LE(f.got_total, f.expected_total + f.expected_total / 20);
  }
}

// More than 32767 states: the 32-bit table.
TEST(LiteralFilterTest, LargeAutomaton) {
  std::mt19937 rng(11);
  std::vector<std::string> patterns, words;
  for (int i = 0; i < 5000; ++i) {
    std::string w;
    for (int j = 0; j < 9; ++j) w += static_cast<char>('a' + rng() % 26);
    words.push_back(w);
    patterns.push_back(w);
  }
  Fixture f(patterns);
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int j = 0; j < 6; ++j) {
      const std::string& w = words[rng() % words.size()];
      text += (rng() % 2 ? w : w.substr(rng() % 5)) + " ";
    }
    f.Check(text);
  }
  EXPECT_EQ(f.got_total, f.expected_total);  // letters only: no shared class
}

// Rare bytes of the atoms share a class: "1 ans" also finds the atom "2 ans".
TEST(LiteralFilterTest, RareBytesShareAClass) {
  std::vector<std::string> patterns = {"2 ans", "[.]com", "1,5 mois", "(?:sharing|shared|share)"};
  for (int i = 0; i < 30; ++i) patterns.push_back("partenaire" + std::string(1, 'a' + i % 26));
  Fixture f(patterns);
  for (const char* text : {"2 ans", "1 ans", "x.com", "x,com", "1.5 mois", "share", "", "partenairez"}) {
    f.Check(text);
  }
  std::vector<int> got;
  f.filter.Candidates("1 ans", got);
  EXPECT_EQ(got, std::vector<int>{0});
  f.filter.Candidates("x,com 3 ans", got);
  EXPECT_EQ(got, std::vector<int>{1});
}

TEST(LiteralFilterTest, Empty) {
  LiteralFilter f;
  f.Compile();
  std::vector<int> out{1};
  f.Candidates("text", out);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(f.size(), 0u);
}

}  // namespace
}  // namespace policytext::internal
