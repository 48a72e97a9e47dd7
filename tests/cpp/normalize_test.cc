#include "text/normalize.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text/utf8.h"

namespace policytext::internal {
namespace {

TEST(NormalizeString, FoldsCaseAndUnifiesApostrophes) {
  EXPECT_EQ(NormalizeString("L\u2019Adresse"), "l'adresse");
  EXPECT_EQ(NormalizeString("l'adresse"), "l'adresse");
  EXPECT_EQ(NormalizeString("\u2018quoted\u2019 \u02BCx \u2032y"), "'quoted' 'x 'y");
  EXPECT_EQ(NormalizeString("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ -> été
  EXPECT_EQ(NormalizeString("Stra\xC3\x9F" "e"), "strasse");            // full folding
  EXPECT_EQ(NormalizeString("PRIVACY Policy"), "privacy policy");
}

TEST(NormalizeString, SpacesBecomeAsciiSpace) {
  EXPECT_EQ(NormalizeString("1\u00A0000"), "1 000");
  EXPECT_EQ(NormalizeString("1\u202F000"), "1 000");
  EXPECT_EQ(NormalizeString("a\u2009b\u3000c"), "a b c");
  // Line structure survives.
  EXPECT_EQ(NormalizeString("a\nB\tc\r"), "a\nb\tc\r");
}

TEST(NormalizeString, ComposesToNfc) {
  EXPECT_EQ(NormalizeString("e\xCC\x81t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");  // e + U+0301
  EXPECT_EQ(NormalizeString("E\xCC\x81"), "\xC3\xA9");                   // É decomposed
  EXPECT_EQ(NormalizeString("\xE2\x84\xAB"), "\xC3\xA5");                 // Angstrom sign -> å
  // A combining mark at the very start stays.
  EXPECT_EQ(NormalizeString("\xCC\x81" "a"), "\xCC\x81" "a");
}

TEST(NormalizeString, InvalidAndNul) {
  EXPECT_EQ(NormalizeString(std::string("a\xFF" "b", 3)), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(NormalizeString(std::string("A\0B", 3)), std::string("a\0b", 3));
  EXPECT_EQ(NormalizeString(""), "");
  // Truncated sequence at the end.
  EXPECT_EQ(NormalizeString("ab\xC3"), "ab\xEF\xBF\xBD");
}

TEST(NormalizeAligned, AlignmentPointsIntoSource) {
  const std::string src = "L\u2019\xC3\x89t\xC3\xA9 1\u00A0000";
  AlignedText a = NormalizeAligned(src);
  EXPECT_EQ(a.text, "l'\xC3\xA9t\xC3\xA9 1 000");
  ASSERT_EQ(a.to_source.size(), a.text.size() + 1);
  EXPECT_EQ(a.to_source.back(), src.size());
  EXPECT_EQ(a.SourceOffset(0), 0u);  // l <- L
  EXPECT_EQ(a.SourceOffset(1), 1u);  // ' <- ’ (3 bytes)
  EXPECT_EQ(a.SourceOffset(2), 4u);  // é <- É
  EXPECT_EQ(a.SourceOffset(3), 4u);
  EXPECT_EQ(a.SourceOffset(4), 6u);  // t
  const std::size_t space = a.text.find("1 ") + 1;
  EXPECT_EQ(src.substr(a.SourceOffset(space), 2), "\u00A0");
}

TEST(NormalizeAligned, ComposedSegmentMapsToItsStart) {
  const std::string src = "xe\xCC\x81y";  // x e U+0301 y
  AlignedText a = NormalizeAligned(src);
  EXPECT_EQ(a.text, "x\xC3\xA9y");
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 1, 4, 5}), a.to_source);
}

TEST(NormalizeAligned, UncomposableMarksKeepTheirOwnOffsets) {
  const std::string src = "q\xCC\x81";  // q + U+0301 has no precomposed form
  AlignedText a = NormalizeAligned(src);
  EXPECT_EQ(a.text, src);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 1, 3}), a.to_source);
}

// Random byte soup: the alignment is monotone, starts at code-point starts of
// the source, and the string equals NormalizeString's.
TEST(NormalizeAligned, RandomInputsAreMonotoneAndConsistent) {
  std::mt19937 rng(1234);
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "\n", "\xC3\xA9", "E\xCC\x81", "\xCC\x81", "\u2019", "\u00A0", "\u202F",
      "\xFF", "\xE2\x82", "\xF0\x9F\x98\x80", "\xC3\x9F", "\xE2\x84\xAB", std::string("\0", 1),
      "\xED\xA0\x80", "'"};
  for (int round = 0; round < 2000; ++round) {
    std::string src;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) src += pieces[rng() % pieces.size()];
    AlignedText a = NormalizeAligned(src);
    ASSERT_EQ(a.text, NormalizeString(src));
    ASSERT_EQ(a.to_source.size(), a.text.size() + 1);
    ASSERT_EQ(a.to_source.back(), src.size());
    ASSERT_EQ(CountInvalidUtf8(a.text), 0u) << src;
    for (std::size_t i = 1; i < a.to_source.size(); ++i) {
      ASSERT_LE(a.to_source[i - 1], a.to_source[i]) << src;
    }
    for (std::size_t i = 0; i + 1 < a.to_source.size(); ++i) {
      const std::size_t off = a.to_source[i];
      ASSERT_LT(off, src.size());
      // Never points at the middle of a valid multi-byte character.
      CharIndex idx(src);
      if (off > 0) ASSERT_NE(idx.CharOffset(off), idx.CharOffset(off - 1)) << src;
    }
  }
}

}  // namespace
}  // namespace policytext::internal
