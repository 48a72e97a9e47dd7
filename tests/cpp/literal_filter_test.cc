// LiteralFilter against a reference: the same regexes in a plain FilteredRE2,
// its atoms searched with std::string::find. The candidates must be exactly
// the reference's, and a superset of the regexes that match.
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

  void Check(const std::string& text) {
    std::vector<int> got;
    filter.Candidates(text, got);
    ASSERT_EQ(got, Expected(text)) << text;
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
