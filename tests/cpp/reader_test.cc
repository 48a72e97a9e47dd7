// Reader: golden block lists for the fixtures in tests/data/ingest, charsets,
// limits and bad inputs, looks_like_policy, and (when present) every policy in
// ../shared/data. Set POLICYTEXT_UPDATE_GOLDEN=1 to rewrite the golden files
// (then review the diff by hand).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/charset.h"
#include "policytext/document.h"
#include "text/utf8.h"

namespace policytext {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kData = fs::path(POLICYTEXT_SOURCE_DIR) / "tests" / "data" / "ingest";
const fs::path kShared = fs::path(POLICYTEXT_SHARED_DATA_DIR);

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

class ReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = Reader::Create();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    reader_ = new std::shared_ptr<const Reader>(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete reader_;
    reader_ = nullptr;
  }
  static const Reader& reader() { return **reader_; }

  static Document MustRead(std::string_view bytes, const ReadOptions& o = {}) {
    auto d = reader().Read(bytes, o);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? std::move(d).value() : Document{};
  }

  static std::string BlockText(const Document& d, const Block& b) {
    return d.text.substr(b.span.begin, b.span.size());
  }

  static std::vector<std::string> Texts(const Document& d) {
    std::vector<std::string> out;
    for (const Block& b : d.blocks) out.push_back(BlockText(d, b));
    return out;
  }

  static bool HasBlock(const Document& d, std::string_view needle) {
    for (const Block& b : d.blocks) {
      if (BlockText(d, b).find(needle) != std::string::npos) return true;
    }
    return false;
  }

  // The invariants every Document keeps.
  static void CheckInvariants(const Document& d) {
    internal::CharIndex index(d.text);
    std::string joined;
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
      const Block& b = d.blocks[i];
      ASSERT_LE(b.span.end, d.text.size());
      ASSERT_LT(b.span.begin, b.span.end) << "empty block " << i;
      EXPECT_EQ(b.span.char_begin, index.CharOffset(b.span.begin));
      EXPECT_EQ(b.span.char_end, index.CharOffset(b.span.end));
      const std::string t = BlockText(d, b);
      EXPECT_EQ(t.find("\n\n"), std::string::npos) << "blank line inside block " << i;
      EXPECT_NE(t.front(), ' ');
      EXPECT_NE(t.back(), ' ');
      EXPECT_LE(b.source_begin, b.source_end);
      if (!joined.empty()) joined += "\n\n";
      joined += t;
    }
    EXPECT_EQ(joined, d.text) << "blocks must tile the text, joined by blank lines";
    EXPECT_EQ(internal::CountInvalidUtf8(d.text), 0u);
    EXPECT_EQ(d.text.find('\0'), std::string::npos);
    std::size_t prev_end = 0;
    for (const Sentence& s : d.sentences) {
      ASSERT_GE(s.block, 0);
      ASSERT_LT(static_cast<std::size_t>(s.block), d.blocks.size());
      const Block& b = d.blocks[static_cast<std::size_t>(s.block)];
      EXPECT_GE(s.span.begin, b.span.begin);
      EXPECT_LE(s.span.end, b.span.end) << "a sentence crosses a block boundary";
      EXPECT_GE(s.span.begin, prev_end);
      EXPECT_EQ(s.span.char_begin, index.CharOffset(s.span.begin));
      prev_end = s.span.end;
    }
    // Section paths: the headings above, nested by level.
    std::vector<std::pair<int, std::string>> stack;
    for (const Block& b : d.blocks) {
      std::vector<std::string> expected;
      if (b.kind == BlockKind::kHeading) {
        while (!stack.empty() && stack.back().first >= b.level) stack.pop_back();
      }
      for (const auto& h : stack) expected.push_back(h.second);
      EXPECT_EQ(b.section, expected);
      if (b.kind == BlockKind::kHeading) {
        EXPECT_GE(b.level, 1);
        EXPECT_LE(b.level, 6);
        stack.emplace_back(b.level, BlockText(d, b));
      }
    }
  }

  static json BlocksJson(const Document& d) {
    json out = json::array();
    for (const Block& b : d.blocks) {
      json j;
      j["kind"] = std::string(BlockKindName(b.kind));
      j["level"] = b.level;
      j["text"] = BlockText(d, b);
      j["section"] = b.section;
      if (b.table_row >= 0) j["row"] = b.table_row;
      out.push_back(std::move(j));
    }
    return out;
  }

  static void CheckGolden(const std::string& name, const ReadOptions& o = {}) {
    SCOPED_TRACE(name);
    auto doc = reader().ReadFile((kData / name).string(), o);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    CheckInvariants(*doc);
    const json got = BlocksJson(*doc);
    const fs::path golden = kData / (name + ".blocks.json");
    if (std::getenv("POLICYTEXT_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden) << got.dump(1) << "\n";
    }
    ASSERT_TRUE(fs::exists(golden)) << golden;
    const json want = json::parse(Slurp(golden));
    ASSERT_EQ(got.size(), want.size()) << got.dump(1);
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "block " << i;
  }

  static std::shared_ptr<const Reader>* reader_;
};

std::shared_ptr<const Reader>* ReaderTest::reader_ = nullptr;

// ---------------------------------------------------------------------------
// Golden fixtures.

TEST_F(ReaderTest, GoldenPolicyPage) { CheckGolden("policy_page.html"); }
TEST_F(ReaderTest, GoldenPolicyWithoutMain) { CheckGolden("policy_nomain.html"); }
TEST_F(ReaderTest, GoldenWindows1252) { CheckGolden("cp1252.html"); }
TEST_F(ReaderTest, GoldenMalformed) { CheckGolden("malformed.html"); }
TEST_F(ReaderTest, GoldenMarkdown) { CheckGolden("policy.md"); }
TEST_F(ReaderTest, GoldenText) { CheckGolden("policy.txt"); }

TEST_F(ReaderTest, PolicyPageDropsChromeAndKeepsContent) {
  auto d = reader().ReadFile((kData / "policy_page.html").string());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->format, SourceFormat::kHtml);
  EXPECT_EQ(d->title, "Privacy Policy | Lumen Garden Supplies");
  for (const char* chrome : {"Skip to content", "Seeds", "Vegetable seeds", "Accept all",
                             "We use cookies", "newsletter", "Legal notice", "2025 Lumen",
                             "Loading", "Template text", "icon", "enable JavaScript", "dataLayer"}) {
    EXPECT_FALSE(HasBlock(*d, chrome)) << chrome;
  }
  for (const char* content :
       {"Privacy Policy", "Last updated: 3\u00a0March\u00a02025", "delivery instructions",
        "independent controllers", "10 years (accounting law)", "Processor",
        "Lumen Garden Supplies Ltd\n12 Orchard Lane, Bristol", "trois ans"}) {
    EXPECT_TRUE(HasBlock(*d, content)) << content;
  }
  // Nested list levels and table rows.
  int nested = 0;
  for (const Block& b : d->blocks) nested += b.kind == BlockKind::kListItem && b.level == 2;
  EXPECT_EQ(nested, 2);
  // Languages: the French section is French, the rest English.
  for (const Block& b : d->blocks) {
    const std::string t = BlockText(*d, b);
    if (t.find("conservons") != std::string::npos) EXPECT_EQ(b.lang, Language::kFr);
    if (t.find("gardening") != std::string::npos) EXPECT_EQ(b.lang, Language::kEn);
  }
  EXPECT_EQ(d->lang, Language::kEn);
  EXPECT_TRUE(d->policy.looks_like_policy) << d->policy.reason;
}

TEST_F(ReaderTest, HtmlSourceOffsetsPointAtTheElement) {
  const std::string html = Slurp(kData / "policy_page.html");
  Document d = MustRead(html);
  for (const Block& b : d.blocks) {
    ASSERT_LE(b.source_end, html.size());
    const std::string src = html.substr(b.source_begin, b.source_end - b.source_begin);
    if (b.kind == BlockKind::kHeading) {
      EXPECT_EQ(src.substr(0, 2), "<h") << src;
    }
    if (b.kind == BlockKind::kTableCell) EXPECT_EQ(src.substr(0, 2), "<t") << src;
  }
}

TEST_F(ReaderTest, MarkdownSourceOffsets) {
  const std::string md = Slurp(kData / "policy.md");
  Document d = MustRead(md);
  ASSERT_EQ(d.format, SourceFormat::kMarkdown);
  for (const Block& b : d.blocks) {
    ASSERT_LE(b.source_end, md.size());
    const std::string src = md.substr(b.source_begin, b.source_end - b.source_begin);
    const std::string text = BlockText(d, b);
    // The first word of the block appears in its source range.
    const std::string first = text.substr(0, text.find_first_of(" \n"));
    EXPECT_NE(src.find(first), std::string::npos) << "[" << src << "] for [" << text << "]";
  }
}

TEST_F(ReaderTest, FormatDetection) {
  EXPECT_EQ(MustRead("<!doctype html><p>Hello there, reader.</p>").format, SourceFormat::kHtml);
  EXPECT_EQ(MustRead("# Title\n\nSome text.\n").format, SourceFormat::kMarkdown);
  EXPECT_EQ(MustRead("Just a line of text.\n\nAnother one.").format, SourceFormat::kText);
  // Forced: HTML markup read as text keeps the tags as characters.
  ReadOptions o;
  o.format = SourceFormat::kText;
  EXPECT_TRUE(HasBlock(MustRead("<p>Hello</p>", o), "<p>Hello</p>"));
}

// ---------------------------------------------------------------------------
// Charsets.

TEST_F(ReaderTest, Windows1252WithMeta) {
  Document d = MustRead(Slurp(kData / "cp1252.html"));
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_TRUE(HasBlock(d, "L\u2019abonnement co\u00fbte 9,90 \u20ac par mois."));
  EXPECT_TRUE(HasBlock(d, "\u00ab Donn\u00e9es sensibles \u00bb"));
  EXPECT_TRUE(HasBlock(d, "Effacement\u2026"));
  EXPECT_TRUE(HasBlock(d, "\u0153uvre"));
  EXPECT_TRUE(HasBlock(d, "Acc\u00e8s \u2013 rectification"));
  EXPECT_EQ(d.title, "Politique de confidentialit\u00e9");
  EXPECT_EQ(d.lang, Language::kFr);
}

TEST_F(ReaderTest, Latin1WithoutDeclarationIsDetected) {
  std::string text =
      "Politique de confidentialit\xe9\n\nNous conservons les donn\xe9"
      "es de vos commandes pendant trois ann\xe9"
      "es, puis nous les effa\xe7ons. Vous pouvez demander l'acc\xe8s \xe0 vos donn\xe9"
      "es \xe0 tout moment aupr\xe8s de notre d\xe9l\xe9gu\xe9 \xe0 la protection des donn\xe9"
      "es.\n";
  Document d = MustRead(text);
  EXPECT_TRUE(d.charset == "windows-1252" || d.charset == "iso-8859-1") << d.charset;
  EXPECT_TRUE(HasBlock(d, "Nous conservons les donn\u00e9es"));
  EXPECT_TRUE(HasBlock(d, "effa\u00e7ons"));
}

TEST_F(ReaderTest, WrongMetaCharsetDoesNotGarbleUtf8) {
  const std::string html =
      "<html><head><meta charset=\"iso-8859-1\"></head><body>"
      "<p>Donn\u00e9es conserv\u00e9es \u2014 d\u00e9lai l\u00e9gal.</p></body></html>";
  Document d = MustRead(html);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(HasBlock(d, "Donn\u00e9es conserv\u00e9es \u2014 d\u00e9lai l\u00e9gal."));
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_NE(d.warnings[0].find("ignored"), std::string::npos);
}

TEST_F(ReaderTest, MetaSaysUtf8ButBytesAreLatin1) {
  const std::string html =
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p>Les donn\xe9" "es sont conserv\xe9" "es trois ans apr\xe8s la r\xe9siliation.</p>"
      "</body></html>";
  Document d = MustRead(html);
  EXPECT_TRUE(HasBlock(d, "Les donn\u00e9es sont conserv\u00e9es trois ans apr\u00e8s"));
}

TEST_F(ReaderTest, MixedEncodingsKeepUtf8AndRepairStrayBytes) {
  // UTF-8 text with one paragraph pasted in Windows-1252.
  const std::string text =
      "Donn\u00e9es personnelles et s\u00e9curit\u00e9 \u2014 \u00e9t\u00e9 2024.\n\n"
      "Nous conservons les donn\xe9" "es \x96 sauf exception \x96 pendant un an.\n";
  Document d = MustRead(text);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(HasBlock(d, "s\u00e9curit\u00e9 \u2014 \u00e9t\u00e9"));
  EXPECT_TRUE(HasBlock(d, "les donn\u00e9es \u2013 sauf exception \u2013 pendant"));
  bool warned = false;
  for (const std::string& w : d.warnings) warned |= w.find("mixed encodings") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(ReaderTest, Utf16WithBom) {
  const std::u16string s = u"<html><body><p>Nous ne vendons pas vos donn\u00e9es.</p></body></html>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : s) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  Document d = MustRead(bytes);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.format, SourceFormat::kHtml);
  EXPECT_TRUE(HasBlock(d, "Nous ne vendons pas vos donn\u00e9es."));
}

TEST_F(ReaderTest, ForcedCharset) {
  ReadOptions o;
  o.charset = "ISO-8859-15";
  Document d = MustRead("Prix : 10 \xa4 par mois.", o);  // 0xA4 is the euro sign in Latin-9
  EXPECT_TRUE(HasBlock(d, "10 \u20ac par mois"));
  o.charset = "no-such-charset";
  auto bad = reader().Read("x", o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("no-such-charset"), std::string::npos);
}

TEST_F(ReaderTest, SniffDeclaredCharset) {
  EXPECT_EQ(internal::SniffDeclaredCharset("<meta charset='Windows-1252'>"), "windows-1252");
  EXPECT_EQ(internal::SniffDeclaredCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(internal::SniffDeclaredCharset("<?xml version=\"1.0\" encoding=\"latin1\"?>"),
            "latin1");
  EXPECT_EQ(internal::SniffDeclaredCharset("<p>no declaration</p>"), "");
}

// ---------------------------------------------------------------------------
// Bad input and limits.

TEST_F(ReaderTest, EmptyInput) {
  Document d = MustRead("");
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_TRUE(d.text.empty());
  EXPECT_FALSE(d.policy.looks_like_policy);
  CheckInvariants(d);
}

TEST_F(ReaderTest, MaxBytesIsNamed) {
  ReadOptions o;
  o.max_bytes = 10;
  auto r = reader().Read("more than ten bytes of text", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_bytes"), std::string::npos);
  auto f = reader().ReadFile((kData / "policy.md").string(), o);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(f.status().message().find("max_bytes"), std::string::npos);
}

TEST_F(ReaderTest, MaxBlocksIsNamed) {
  ReadOptions o;
  o.max_blocks = 3;
  for (SourceFormat f : {SourceFormat::kHtml, SourceFormat::kMarkdown, SourceFormat::kText}) {
    o.format = f;
    const std::string input = f == SourceFormat::kHtml ? "<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>"
                                                        : "a\n\nb\n\nc\n\nd\n\ne\n";
    auto r = reader().Read(input, o);
    ASSERT_FALSE(r.ok()) << SourceFormatName(f);
    EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
    EXPECT_NE(r.status().message().find("max_blocks"), std::string::npos);
  }
}

TEST_F(ReaderTest, ReadFileErrors) {
  auto missing = reader().ReadFile((kData / "no-such-file.html").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto dir = reader().ReadFile(kData.string());
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ReaderTest, HundredThousandNestedTagsAreFlattened) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep privacy text about personal data.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>After the nest.</p></body></html>";
  Document d = MustRead(html);
  CheckInvariants(d);
  EXPECT_TRUE(HasBlock(d, "Deep privacy text about personal data."));
  EXPECT_TRUE(HasBlock(d, "After the nest."));
  bool warned = false;
  for (const std::string& w : d.warnings) warned |= w.find("max_depth") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(ReaderTest, NestedFormattingElementsAreBounded) {
  // Unclosed inline elements re-opened by every paragraph: a classic
  // quadratic case for HTML5 tree builders.
  std::string html = "<body>";
  for (int i = 0; i < 20000; ++i) html += "<p><b id=b" + std::to_string(i) + ">x";
  Document d = MustRead(html);
  CheckInvariants(d);
  EXPECT_FALSE(d.blocks.empty());
}

TEST_F(ReaderTest, FiftyMegabytePage) {
  std::string para =
      "<p>We keep your order history for five years and your support messages for two "
      "years, then delete them.</p>\n";
  std::string html = "<html><body><main><h1>Privacy</h1>";
  html.reserve(50u << 20);
  while (html.size() < (50u << 20)) html += para;
  html += "</main></body></html>";
  ReadOptions o;
  o.sentences = false;
  o.detect_language = false;
  Document d = MustRead(html, o);
  EXPECT_GT(d.blocks.size(), 400000u);
  EXPECT_EQ(d.format, SourceFormat::kHtml);
}

TEST_F(ReaderTest, ScriptsOnlyPage) {
  std::string html = "<html><head><script>";
  for (int i = 0; i < 2000; ++i) html += "var a" + std::to_string(i) + " = 1;";
  html += "</script></head><body><div id=\"app\"></div><script>render()</script></body></html>";
  Document d = MustRead(html);
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_FALSE(d.policy.looks_like_policy);
  EXPECT_NE(d.policy.reason.find("empty shell"), std::string::npos) << d.policy.reason;
  EXPECT_NE(d.policy.reason.find("script"), std::string::npos) << d.policy.reason;
}

TEST_F(ReaderTest, BinaryClaimingToBeHtml) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string(1000, '\x01');
  ReadOptions o;
  o.format = SourceFormat::kHtml;
  auto r = reader().Read(png, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("binary"), std::string::npos);
  std::string noise;
  std::uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    noise += static_cast<char>(x >> 24);
  }
  auto r2 = reader().Read("<html>" + noise, o);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ReaderTest, NulBytesBecomeSpaces) {
  // A few stray NULs in otherwise normal text (many NULs would read as binary).
  const std::string text = std::string("We keep\0logs for\0\0thirty days.", 31) +
                           " Our servers are in the European Union. We review access every year.";
  for (SourceFormat f : {SourceFormat::kHtml, SourceFormat::kMarkdown, SourceFormat::kText}) {
    ReadOptions o;
    o.format = f;
    Document d = MustRead(text, o);
    CheckInvariants(d);
    EXPECT_TRUE(HasBlock(d, "We keep logs for thirty days.")) << SourceFormatName(f);
    bool warned = false;
    for (const std::string& w : d.warnings) warned |= w.find("NUL") != std::string::npos;
    EXPECT_TRUE(warned);
  }
}

TEST_F(ReaderTest, TenMegabyteMarkdownTable) {
  std::string md = "# Retention\n\n| Data | Period |\n|---|---|\n";
  md.reserve(10u << 20);
  int i = 0;
  while (md.size() < (10u << 20)) md += "| record " + std::to_string(i++) + " | 30 days |\n";
  ReadOptions o;
  o.sentences = false;
  Document d = MustRead(md, o);
  CheckInvariants(d);
  // Over a million cells: the table is read as text, with a warning naming the limit.
  bool warned = false;
  for (const std::string& w : d.warnings) warned |= w.find("max_table_cells") != std::string::npos;
  EXPECT_TRUE(warned);
  EXPECT_TRUE(HasBlock(d, "record 0"));
  // Under the limit, the same table is built cell by cell.
  o.max_table_cells = 10'000'000;
  Document cells = MustRead(md, o);
  EXPECT_EQ(cells.blocks.back().kind, BlockKind::kTableCell);
  EXPECT_GT(cells.blocks.size(), 500000u);
}

TEST_F(ReaderTest, InvalidUtf8InMarkdownAndText) {
  const std::string bad = "# Titre\n\nDonn\xc3 es \xff\xfe invalides.\n";
  Document d = MustRead(bad);
  CheckInvariants(d);
}

TEST_F(ReaderTest, MutatedFixturesNeverBreakTheInvariants) {
  // Seeded random edits of every fixture: byte flips, markup characters,
  // NULs, invalid UTF-8, truncation; read in each format.
  std::mt19937 rng(20251129);
  const char* kInserts[] = {"<", ">", "</", "<div>", "<table><tr><td>", "|", "\n\n", "# ",
                            "- ", "\x00", "\xff", "\xc3", "&", "&#x", "<!--", "<script>"};
  int reads = 0;
  for (const char* name : {"policy_page.html", "policy_nomain.html", "cp1252.html",
                           "malformed.html", "policy.md", "policy.txt"}) {
    const std::string original = Slurp(kData / name);
    for (int round = 0; round < 12; ++round) {
      std::string s = original;
      const int edits = 1 + static_cast<int>(rng() % 20);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        const std::size_t at = rng() % s.size();
        switch (rng() % 4) {
          case 0: s[at] = static_cast<char>(rng() & 0xFF); break;
          case 1: s.insert(at, kInserts[rng() % std::size(kInserts)]); break;
          case 2: s.erase(at, std::min<std::size_t>(s.size() - at, rng() % 40)); break;
          default: s.resize(at); break;
        }
      }
      for (SourceFormat f : {SourceFormat::kAuto, SourceFormat::kHtml, SourceFormat::kMarkdown,
                             SourceFormat::kText}) {
        ReadOptions o;
        o.format = f;
        auto d = reader().Read(s, o);
        ++reads;
        if (!d.ok()) {
          // The only refusal a mutated text page may get: "binary".
          EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument) << d.status().ToString();
          continue;
        }
        CheckInvariants(*d);
      }
    }
  }
  EXPECT_EQ(reads, 6 * 12 * 4);
}

// ---------------------------------------------------------------------------
// Plain text and Markdown specifics.

TEST_F(ReaderTest, TextListsAndHeadings) {
  Document d = MustRead(
      "TERMS OF DATA USE\n\n1. Scope\n\nThis applies to the app.\n\n"
      "- first item\n- second item\n  - nested item\n\n1. one\n2. two\n");
  ASSERT_GE(d.blocks.size(), 7u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[1].level, 2);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kParagraph);
  EXPECT_EQ(d.blocks[4].kind, BlockKind::kListItem);
  EXPECT_EQ(BlockText(d, d.blocks[5]), "nested item");
  EXPECT_EQ(d.blocks[5].level, 2);
  EXPECT_EQ(BlockText(d, d.blocks[6]), "one");
  EXPECT_EQ(d.blocks[6].kind, BlockKind::kListItem);
}

TEST_F(ReaderTest, ForcedLanguage) {
  ReadOptions o;
  o.lang = Language::kFr;
  Document d = MustRead("This text is plainly English, but the caller says French.", o);
  EXPECT_EQ(d.lang, Language::kFr);
  for (const Block& b : d.blocks) EXPECT_EQ(b.lang, Language::kFr);
}

// ---------------------------------------------------------------------------
// looks_like_policy on negatives written for this test.

TEST_F(ReaderTest, PolicyCheckNegatives) {
  struct Case {
    const char* name;
    std::string input;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"404", "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
              "<p>The requested URL was not found on this server. Please check the address or "
              "return to the home page to continue browsing our products.</p></body></html>",
       "error page"},
      {"login", "<html><body><h1>Sign in</h1><p>Please sign in to continue to your privacy "
                "settings and account dashboard, where you can manage personal data.</p>"
                "<form><input type=email name=u><input type=password name=p>"
                "<button>Sign in</button></form></body></html>",
       "login wall"},
      {"geo", "<html><body><h1>Sorry</h1><p>This content is not available in your country "
              "or region because of local restrictions. We apologise for the inconvenience and "
              "hope to serve you again soon.</p></body></html>",
       "geo-block"},
      {"shell", "<html><body><div id=root></div></body></html>", "empty shell"},
      {"spanish",
       "<html><body><h1>Pol\u00edtica de privacidad</h1><p>Guardamos los datos de su cuenta "
       "mientras la cuenta siga abierta y despu\u00e9s los borramos de nuestros sistemas. "
       "Usted puede pedir una copia de sus datos en cualquier momento escribiendo a nuestro "
       "servicio de atenci\u00f3n al cliente, que le responder\u00e1 en un plazo de un mes. "
       "Tambi\u00e9n puede oponerse al env\u00edo de mensajes comerciales.</p></body></html>",
       "not French or English"},
      {"recipe",
       "# Lemon tart\n\nMix the flour, butter and a pinch of salt until the dough looks like "
       "sand. Press it into a tin and bake it blind for fifteen minutes. Whisk eggs, sugar, "
       "lemon juice and zest, pour the filling into the case and bake until just set. Let it "
       "cool before slicing, and serve with whipped cream or fresh berries from the garden.\n",
       "few privacy terms"},
  };
  for (const Case& c : cases) {
    Document d = MustRead(c.input);
    EXPECT_FALSE(d.policy.looks_like_policy) << c.name << ": " << d.policy.reason;
    EXPECT_NE(d.policy.reason.find(c.reason), std::string::npos)
        << c.name << ": " << d.policy.reason;
    EXPECT_LT(d.policy.score, 0.5) << c.name;
  }
}

TEST_F(ReaderTest, PolicyCheckPositivesAmongFixtures) {
  for (const char* name : {"policy_page.html", "policy_nomain.html", "cp1252.html", "policy.md",
                           "policy.txt"}) {
    auto d = reader().ReadFile((kData / name).string());
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->policy.looks_like_policy) << name << ": " << d->policy.reason;
  }
}

// ---------------------------------------------------------------------------
// ../shared/data: every policy reads cleanly.

std::vector<fs::path> SharedPolicies(const std::string& lang) {
  std::vector<fs::path> out;
  const fs::path dir = kShared / ("ota-" + lang) / "policies";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A Markdown source without the targets of its links ("](...)"), which are
// not text.
std::string StripLinkTargets(const std::string& md) {
  std::string out;
  out.reserve(md.size());
  std::size_t i = 0;
  while (i < md.size()) {
    if (md.compare(i, 2, "](") == 0) {
      const std::size_t close = md.find(')', i + 2);
      if (close != std::string::npos && close - i < 200000) {
        i = close + 1;
        continue;
      }
    }
    out += md[i++];
  }
  return out;
}

// Visible words of a Markdown source, roughly: what the blocks must cover.
std::size_t CountLetters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return n;
}

TEST_F(ReaderTest, SharedDataPolicies) {
  const auto fr = SharedPolicies("fr");
  const auto en = SharedPolicies("en");
  if (fr.empty() && en.empty()) GTEST_SKIP() << "../shared/data is absent";
  std::size_t total = 0, policy_true = 0, lang_ok = 0;
  std::vector<std::string> failures;
  for (const auto& [lang, files] : {std::pair{Language::kFr, fr}, std::pair{Language::kEn, en}}) {
    for (const fs::path& p : files) {
      SCOPED_TRACE(p.string());
      auto d = reader().ReadFile(p.string());
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      EXPECT_EQ(d->format, SourceFormat::kMarkdown);
      CheckInvariants(*d);
      ++total;
      policy_true += d->policy.looks_like_policy;
      lang_ok += d->lang == lang;
      if (!d->policy.looks_like_policy) failures.push_back(p.filename().string() + ": " + d->policy.reason);
      if (d->lang != lang) failures.push_back(p.filename().string() + ": language " + std::string(LanguageCode(d->lang)));
      // Coverage: the blocks hold (nearly) all the letters of the source;
      // Markdown syntax and link targets account for the rest.
      const std::string src = StripLinkTargets(Slurp(p));
      const double covered = static_cast<double>(CountLetters(d->text)) /
                             static_cast<double>(std::max<std::size_t>(1, CountLetters(src)));
      EXPECT_GT(covered, 0.9) << "blocks cover " << covered << " of the source letters";
    }
  }
  for (const std::string& f : failures) ADD_FAILURE() << f;
  std::cout << "[shared data] " << total << " policies, looks_like_policy " << policy_true
            << "/" << total << ", language " << lang_ok << "/" << total << "\n";
}

// ---------------------------------------------------------------------------
// Main-content selection, measured: each ../shared/data policy rendered to
// HTML (cmark-gfm, tables on) and wrapped in page chrome of three shapes
// (semantic, div soup, bare body). Policy recall = the share of the Markdown
// reading's block characters found as blocks of the HTML reading; chrome kept
// = chrome blocks that survive. Dropping policy text is the worse error.

std::string RenderHtml(const std::string& md) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  cmark_syntax_extension* table = cmark_find_syntax_extension("table");
  cmark_parser_attach_syntax_extension(parser, table);
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

// Chrome written for this test; every piece is its own block when kept.
const std::vector<std::string> kChromeTexts = {
    "Shop",          "Stories",          "Gift cards",         "Store locator",
    "Sign in",       "Careers",          "Press room",         "Investors",
    "Accessibility", "Sitemap",          "Help centre",        "Order tracking",
    "We and our partners use cookies to improve your visit and to show you relevant offers.",
    "Accept", "Decline", "Preferences", "© 2025 Example Group. All rights reserved.",
    "Follow us", "Subscribe to our newsletter for early access to the sales.", "Subscribe"};

std::string MenuList() {
  return "<ul><li><a href=/shop>Shop</a></li><li><a href=/stories>Stories</a></li>"
         "<li><a href=/gift>Gift cards</a></li><li><a href=/stores>Store locator</a></li>"
         "<li><a href=/login>Sign in</a></li></ul>";
}
std::string FooterLinks() {
  return "<ul><li><a href=/careers>Careers</a></li><li><a href=/press>Press room</a></li>"
         "<li><a href=/ir>Investors</a></li><li><a href=/a11y>Accessibility</a></li>"
         "<li><a href=/map>Sitemap</a></li><li><a href=/help>Help centre</a></li>"
         "<li><a href=/orders>Order tracking</a></li></ul>"
         "<p>\u00a9 2025 Example Group. All rights reserved.</p>";
}
std::string CookieBanner(bool dialog) {
  return std::string(dialog ? "<div role=\"dialog\" aria-live=polite>" : "<div class=\"bar\">") +
         "<p>We and our partners use cookies to improve your visit and to show you relevant "
         "offers.</p><button>Accept</button><button>Decline</button>"
         "<a href=/prefs>Preferences</a></div>";
}
std::string Newsletter() {
  return "<div class=news><h4>Follow us</h4><p>Subscribe to our newsletter for early access to "
         "the sales.</p><input type=email><button>Subscribe</button></div>";
}

std::string WrapInChrome(const std::string& body, int shape) {
  const std::string head =
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>Privacy</title>"
      "<script>var t = [];</script><style>p{margin:0}</style></head><body>";
  switch (shape) {
    case 0:  // semantic
      return head + "<header><a href=/>Example</a><nav>" + MenuList() + "</nav></header>" +
             CookieBanner(true) + "<main>" + body + "</main>" + Newsletter() + "<footer>" +
             FooterLinks() + "</footer></body></html>";
    case 1:  // div soup
      return head + "<div id=top><div class=menu>" + MenuList() + "</div></div><div id=wrap>" +
             "<div id=content>" + body + "</div><div id=side>" + Newsletter() + "</div></div>" +
             "<div id=foot>" + FooterLinks() + "</div>" + CookieBanner(false) + "</body></html>";
    default:  // bare body
      return head + MenuList() + body + Newsletter() + FooterLinks() + CookieBanner(false) +
             "</body></html>";
  }
}

TEST_F(ReaderTest, SharedDataRenderedAsHtmlKeepsThePolicyAndDropsChrome) {
  auto files = SharedPolicies("fr");
  for (const fs::path& p : SharedPolicies("en")) files.push_back(p);
  if (files.empty()) GTEST_SKIP() << "../shared/data is absent";
  const std::set<std::string> chrome(kChromeTexts.begin(), kChromeTexts.end());
  ReadOptions fast;
  fast.sentences = false;
  fast.detect_language = false;
  for (int shape = 0; shape < 3; ++shape) {
    std::size_t policy_chars = 0, kept_chars = 0, chrome_total = 0, chrome_kept = 0;
    std::size_t worst_doc_recall_permille = 1000;
    std::size_t dropped_prose = 0;  // dropped blocks of 12 words or more
    std::string worst;
    for (const fs::path& p : files) {
      const std::string md = Slurp(p);
      ReadOptions as_md = fast;
      as_md.format = SourceFormat::kMarkdown;
      Document from_md = MustRead(md, as_md);
      const std::string html = WrapInChrome(RenderHtml(md), shape);
      ReadOptions o = fast;
      o.format = SourceFormat::kHtml;
      Document from_html = MustRead(html, o);
      std::multiset<std::string> got;
      for (const Block& b : from_html.blocks) got.insert(BlockText(from_html, b));
      std::size_t doc_chars = 0, doc_kept = 0;
      for (const Block& b : from_md.blocks) {
        const std::string t = BlockText(from_md, b);
        doc_chars += t.size();
        auto it = got.find(t);
        if (it != got.end()) {
          doc_kept += t.size();
          got.erase(it);
        } else if (std::count(t.begin(), t.end(), ' ') >= 11) {
          ++dropped_prose;
          if (std::getenv("POLICYTEXT_SHOW_DROPPED") != nullptr) {
            std::cout << "  dropped (" << shape << ") " << p.filename().string() << ": "
                      << t.substr(0, 100) << "\n";
          }
        }
      }
      policy_chars += doc_chars;
      kept_chars += doc_kept;
      chrome_total += kChromeTexts.size();
      for (const std::string& t : got) chrome_kept += chrome.count(t);
      const std::size_t permille = doc_chars == 0 ? 1000 : doc_kept * 1000 / doc_chars;
      if (permille < worst_doc_recall_permille) {
        worst_doc_recall_permille = permille;
        worst = p.filename().string();
      }
    }
    const double recall = static_cast<double>(kept_chars) / static_cast<double>(policy_chars);
    const double chrome_rate = static_cast<double>(chrome_kept) / static_cast<double>(chrome_total);
    std::cout << "[main content] shape " << shape << ": policy recall " << recall
              << ", chrome kept " << chrome_kept << "/" << chrome_total << " (" << chrome_rate
              << "), dropped prose blocks " << dropped_prose << ", worst document " << worst
              << " " << worst_doc_recall_permille / 10.0 << "%\n";
    EXPECT_GT(recall, 0.98) << "shape " << shape;
    EXPECT_LT(chrome_rate, 0.05) << "shape " << shape;
  }
}

}  // namespace
}  // namespace policytext
