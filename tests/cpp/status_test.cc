#include "policytext/status.h"

#include <gtest/gtest.h>

#include <string>

namespace policytext {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = InvalidArgumentError("rules/fr/x.rules:3:7: unknown key");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "INVALID_ARGUMENT: rules/fr/x.rules:3:7: unknown key");
}

TEST(StatusOrTest, HoldsValueOrError) {
  StatusOr<std::string> v = std::string("ok");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, "ok");
  StatusOr<std::string> e = NotFoundError("missing.html");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

TEST(StatusOrTest, OkStatusWithoutValueBecomesInternal) {
  StatusOr<int> v = OkStatus();
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace policytext
