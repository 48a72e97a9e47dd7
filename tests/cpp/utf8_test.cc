#include "text/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utext.h>

#include <random>
#include <string>
#include <vector>

namespace policytext::internal {
namespace {

// Reference: the code-point index of every byte offset, read the way ICU's
// UTF-8 UText reads the text (invalid subparts are one U+FFFD each).
struct Reference {
  std::vector<std::size_t> char_of_byte;  // size n + 1
  std::size_t invalid = 0;
  std::size_t chars = 0;
};

Reference ReadWithUText(const std::string& s) {
  Reference ref;
  ref.char_of_byte.assign(s.size() + 1, 0);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::size_t chars = 0;
  std::int64_t prev = 0;
  for (UChar32 c = utext_next32From(ut, 0); c != U_SENTINEL; c = utext_next32(ut)) {
    const std::int64_t end = utext_getNativeIndex(ut);
    for (std::int64_t b = prev; b < end; ++b) ref.char_of_byte[static_cast<std::size_t>(b)] = chars;
    // An invalid sequence reads as U+FFFD; a real U+FFFD is three bytes EF BF BD.
    if (c == 0xFFFD && !(end - prev == 3 && s.compare(static_cast<std::size_t>(prev), 3,
                                                      "\xEF\xBF\xBD") == 0)) {
      ++ref.invalid;
    }
    ++chars;
    prev = end;
  }
  ref.char_of_byte[s.size()] = chars;
  ref.chars = chars;
  utext_close(ut);
  return ref;
}

void CheckAgainstReference(const std::string& s) {
  const Reference ref = ReadWithUText(s);
  CharIndex index(s);
  ASSERT_EQ(index.size_chars(), ref.chars) << testing::PrintToString(s);
  for (std::size_t b = 0; b <= s.size(); ++b) {
    ASSERT_EQ(index.CharOffset(b), ref.char_of_byte[b]) << "byte " << b << " of "
                                                          << testing::PrintToString(s);
  }
  ASSERT_EQ(CountInvalidUtf8(s), ref.invalid) << testing::PrintToString(s);
  const std::string replaced = ReplaceInvalidUtf8(s);
  ASSERT_EQ(CountInvalidUtf8(replaced), 0u);
  ASSERT_EQ(CharIndex(replaced).size_chars(), ref.chars);
}

TEST(CharIndex, AsciiAndMultibyte) {
  const std::string s = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80z";  // a é ’ 😀 z
  CharIndex index(s);
  EXPECT_EQ(index.size_chars(), 5u);
  EXPECT_EQ(index.CharOffset(0), 0u);
  EXPECT_EQ(index.CharOffset(1), 1u);
  EXPECT_EQ(index.CharOffset(2), 1u);  // inside é
  EXPECT_EQ(index.CharOffset(3), 2u);
  EXPECT_EQ(index.CharOffset(6), 3u);
  EXPECT_EQ(index.CharOffset(10), 4u);
  EXPECT_EQ(index.CharOffset(11), 5u);
  EXPECT_EQ(index.CharOffset(1000), 5u);
  EXPECT_EQ(index.MakeSpan(1, 6), (Span{1, 6, 1, 3}));
}

TEST(CharIndex, Empty) {
  CharIndex index("");
  EXPECT_EQ(index.size_chars(), 0u);
  EXPECT_EQ(index.CharOffset(0), 0u);
  EXPECT_EQ(CountInvalidUtf8(""), 0u);
  EXPECT_EQ(ReplaceInvalidUtf8(""), "");
}

TEST(CountInvalidUtf8, CountsMaximalSubparts) {
  EXPECT_EQ(CountInvalidUtf8("\xFF"), 1u);
  EXPECT_EQ(CountInvalidUtf8("\xE2\x82"), 1u);          // truncated 3-byte: one subpart
  EXPECT_EQ(CountInvalidUtf8("\xED\xA0\x80"), 3u);      // encoded surrogate
  EXPECT_EQ(CountInvalidUtf8("\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(CountInvalidUtf8("ok \xEF\xBF\xBD"), 0u);   // a real U+FFFD is valid
  EXPECT_EQ(ReplaceInvalidUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

// Multi-byte characters and invalid sequences straddling the 64-byte blocks of
// the index, checked byte by byte against ICU's UText.
TEST(CharIndex, BlockBoundariesAgainstUText) {
  for (std::size_t pad = 55; pad < 70; ++pad) {
    for (const char* tail : {"\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xE2\x82",
                             "\xF0\x80\x80\x80", "\x80\x80\x80\x80", "\xED\xA0\x80"}) {
      std::string s(pad, 'x');
      for (int k = 0; k < 3; ++k) s += tail;
      s += "yz";
      CheckAgainstReference(s);
    }
  }
}

TEST(CharIndex, RandomBytesAgainstUText) {
  std::mt19937 rng(42);
  const std::vector<std::string> pieces = {
      "a", " ", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xC3",
      "\xE2\x82", "\xF0\x9F", "\xF4\x90\x80\x80", "\xED\xA0\x80", std::string("\0", 1),
      "\xEF\xBF\xBD", "\xC0\xAF"};
  for (int round = 0; round < 600; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 120);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    CheckAgainstReference(s);
  }
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 300, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    CheckAgainstReference(s);
  }
}

TEST(CountCodePoints, AgreesWithCharIndexOnRandomBytes) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "a", " ", "abcdefgh", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xFF", "\x80",
      "\xC3", "\xE2\x82", "\xF0\x9F", "\xED\xA0\x80", std::string("\0", 1), "\xC0\xAF"};
  for (int round = 0; round < 600; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 120);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    EXPECT_EQ(CountCodePoints(s), CharIndex(s).size_chars()) << round;
  }
  // Pieces that start on a character boundary (after "\n\n", as the reader's
  // blocks do) add up to the count of the whole.
  const std::string a = "caf\xC3\xA9 \xFF\n\n", b = "na\xC3\xAFve \xE2\x80\x99x";
  EXPECT_EQ(CountCodePoints(a) + CountCodePoints(b), CharIndex(a + b).size_chars());
  EXPECT_EQ(CountCodePoints(""), 0u);
}

}  // namespace
}  // namespace policytext::internal
