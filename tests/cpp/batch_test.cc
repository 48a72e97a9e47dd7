#include "policytext/batch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "policytext/analyzer.h"

namespace policytext {
namespace {

using ::testing::HasSubstr;

std::shared_ptr<const Analyzer> MakeAnalyzer() {
  auto analyzer = Analyzer::Create();
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  return *analyzer;
}

std::string Doc(int i) {
  return "Nous partageons votre adresse e-mail avec nos filiales (document " +
         std::to_string(i) + ").";
}

TEST(AnalyzeBatchTest, ResultsComeBackInInputOrderWithTheirOwnStatus) {
  auto analyzer = MakeAnalyzer();
  std::vector<BatchItem> items;
  for (int i = 0; i < 50; ++i) {
    BatchItem item;
    item.id = "doc" + std::to_string(i);
    if (i % 10 == 3) {
      item.path = "/nonexistent/policytext/" + std::to_string(i) + ".html";
    } else {
      item.bytes = Doc(i);
    }
    items.push_back(std::move(item));
  }
  BatchOptions options;
  options.threads = 4;
  options.json = true;
  std::vector<BatchResult> results = AnalyzeBatch(*analyzer, std::move(items), options);
  ASSERT_EQ(results.size(), 50u);
  for (int i = 0; i < 50; ++i) {
    const BatchResult& r = results[static_cast<std::size_t>(i)];
    EXPECT_EQ(r.index, static_cast<std::size_t>(i));
    EXPECT_EQ(r.id, "doc" + std::to_string(i));
    if (i % 10 == 3) {
      EXPECT_EQ(r.status.code(), StatusCode::kNotFound);
      EXPECT_THAT(r.json, HasSubstr("\"status\":\"error\""));
      EXPECT_THAT(r.json, HasSubstr("NOT_FOUND"));
    } else {
      ASSERT_TRUE(r.status.ok()) << r.status.ToString();
      ASSERT_TRUE(r.document.has_value());
      EXPECT_FALSE(r.document->clauses.empty());
      EXPECT_THAT(r.json, HasSubstr("\"id\":\"doc" + std::to_string(i) + "\""));
    }
  }
}

TEST(AnalyzeBatchTest, PresetStatusIsReportedWithoutAnalysis) {
  auto analyzer = MakeAnalyzer();
  BatchItem item;
  item.id = "broken";
  item.status = DataLossError("truncated archive");
  std::vector<BatchItem> items;
  items.push_back(std::move(item));
  std::vector<BatchResult> results = AnalyzeBatch(*analyzer, std::move(items));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status.code(), StatusCode::kDataLoss);
  EXPECT_FALSE(results[0].document.has_value());
}

TEST(AnalyzeStreamTest, MemoryIsBoundedByTheWindow) {
  auto analyzer = MakeAnalyzer();
  BatchOptions options;
  options.threads = 3;
  options.max_in_flight = 5;
  options.keep_documents = false;
  int produced = 0;
  std::size_t consumed = 0;
  std::size_t worst = 0;
  Status s = AnalyzeStream(
      *analyzer, options,
      [&](BatchItem& item) {
        if (produced == 200) return false;
        // Items produced but not yet consumed never exceed the window.
        worst = std::max(worst, static_cast<std::size_t>(produced) - consumed);
        item.id = std::to_string(produced);
        item.bytes = Doc(produced++);
        return true;
      },
      [&](BatchResult&& r) {
        EXPECT_EQ(r.index, consumed);
        EXPECT_FALSE(r.document.has_value());
        ++consumed;
      });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(consumed, 200u);
  EXPECT_LE(worst, 5u);
}

TEST(AnalyzeStreamTest, AThrowingCallbackStopsTheRunAndIsRethrown) {
  auto analyzer = MakeAnalyzer();
  BatchOptions options;
  options.threads = 2;
  int produced = 0;
  EXPECT_THROW(
      {
        Status s = AnalyzeStream(
            *analyzer, options,
            [&](BatchItem& item) {
              if (produced == 1000) return false;
              item.bytes = Doc(produced++);
              return true;
            },
            [&](BatchResult&& r) {
              if (r.index == 7) throw std::runtime_error("consumer failed");
            });
        (void)s;
      },
      std::runtime_error);
  EXPECT_LT(produced, 1000);
}

// A consumer that throws while workers wait for room in a small window must not
// deadlock: the run stops, every thread returns and the exception comes back.
TEST(AnalyzeStreamTest, ThrowingConsumerWithAFullWindowNeverDeadlocks) {
  auto analyzer = MakeAnalyzer();
  for (int round = 0; round < 30; ++round) {
    BatchOptions options;
    options.threads = 4;
    options.max_in_flight = 2;
    options.keep_documents = false;
    int produced = 0;
    const std::size_t throw_at = static_cast<std::size_t>(round % 7);
    EXPECT_THROW(
        {
          Status s = AnalyzeStream(
              *analyzer, options,
              [&](BatchItem& item) {
                if (produced == 200) return false;
                item.bytes = "We share data with partners.";
                ++produced;
                return true;
              },
              [&](BatchResult&& r) {
                if (r.index == throw_at) throw std::runtime_error("consumer failed");
              });
          (void)s;
        },
        std::runtime_error);
  }
}

TEST(AnalyzeStreamTest, EmptyInputIsFine) {
  auto analyzer = MakeAnalyzer();
  int calls = 0;
  Status s = AnalyzeStream(
      *analyzer, {}, [](BatchItem&) { return false; }, [&](BatchResult&&) { ++calls; });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace policytext
