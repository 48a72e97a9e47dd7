// Where extraction time goes, per pattern: for every sentence of the bench
// corpus (bench_corpus.h), which rule patterns and lexicon entries the literal
// prefilter proposes, how often each one then matches, and what its RE2 costs.
// For rule authors: a pattern that is a candidate everywhere and rarely
// matches, or that costs microseconds per call, is the one to rewrite
// (docs/rules.md, "Speed").
//
//   cmake --build build/bench --target rule_cost
//   build/bench/cpp/bench/rule_cost [--top N] [--passes N]
//
// Timings are wall clock of the last of `passes` passes (the first ones warm
// RE2's lazily built DFAs), on the calling thread.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_corpus.h"
#include "extract/rule_set.h"
#include "policytext/analyzer.h"
#include "text/normalize.h"

namespace policytext {
namespace {

using Clock = std::chrono::steady_clock;

double Nanos(Clock::time_point a, Clock::time_point b) {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(b - a).count());
}

struct Cost {
  double candidates = 0, matches = 0, ns = 0;
};

struct Totals {
  double sentences = 0, bytes = 0, rule_candidates = 0, lexicon_candidates = 0;
  double rule_filter_ns = 0, rule_confirm_ns = 0, lexicon_filter_ns = 0, lexicon_confirm_ns = 0;
};

bool Confirm(const RE2& re, std::string_view text) {
  re2::StringPiece m;
  return re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                  &m, 1);
}

int Run(int top, int passes) {
  auto analyzer = Analyzer::Create();
  auto rules = internal::CompiledRules::Build(internal::BuiltinRuleSources(),
                                              {Language::kFr, Language::kEn});
  if (!analyzer.ok() || !rules.ok()) {
    std::fprintf(stderr, "cannot build the analyzer\n");
    return 1;
  }
  const bench::BenchCorpus& corpus = bench::LoadCorpus();
  std::vector<Document> docs;
  for (const std::string& bytes : corpus.documents) {
    auto doc = (*analyzer)->reader().Read(bytes);
    if (doc.ok()) docs.push_back(std::move(doc).value());
  }
  // Key: (rule or lexicon id, pattern index; -1 for a lexicon entry).
  std::map<std::pair<std::string, int>, Cost> costs;
  Totals t;
  std::vector<int> ids;
  for (int pass = 0; pass < passes; ++pass) {
    costs.clear();
    t = Totals{};
    for (const Document& doc : docs) {
      for (const Sentence& s : doc.sentences) {
        Language lang = s.block >= 0 ? doc.blocks[static_cast<std::size_t>(s.block)].lang
                                     : Language::kUnd;
        if (lang == Language::kUnd) lang = doc.lang;
        const internal::LanguageRules* lr = (*rules)->For(lang);
        if (lr == nullptr) continue;
        const internal::AlignedText norm = internal::NormalizeAligned(
            std::string_view(doc.text).substr(s.span.begin, s.span.size()));
        const std::string& text = norm.text;
        t.sentences += 1;
        t.bytes += static_cast<double>(text.size());

        // One filter: its candidates, then each candidate's regex, timed;
        // key(id) names the pattern or lexicon entry.
        auto measure = [&](const internal::LiteralFilter& filter, auto key, double& filter_ns,
                           double& candidates, double& confirm_ns) {
          auto a = Clock::now();
          filter.Candidates(text, ids);
          filter_ns += Nanos(a, Clock::now());
          candidates += static_cast<double>(ids.size());
          for (int id : ids) {
            Cost& c = costs[key(id)];
            a = Clock::now();
            const bool matched = Confirm(filter.regex(id), text);
            const double ns = Nanos(a, Clock::now());
            c.candidates += 1;
            c.matches += matched ? 1 : 0;
            c.ns += ns;
            confirm_ns += ns;
          }
        };
        measure(
            lr->rule_filter,
            [&](int id) {
              const internal::CompiledRule& rule = lr->rules[static_cast<std::size_t>(
                  lr->pattern_rule[static_cast<std::size_t>(id)])];
              return std::make_pair(rule.def.id, id - rule.first_pattern);
            },
            t.rule_filter_ns, t.rule_candidates, t.rule_confirm_ns);
        measure(
            lr->lexicon_filter,
            [&](int id) {
              return std::make_pair(lr->lexicons[static_cast<std::size_t>(id)].def.id, -1);
            },
            t.lexicon_filter_ns, t.lexicon_candidates, t.lexicon_confirm_ns);
      }
    }
  }
  std::printf("%s: %.0f sentences, %.1f MB normalised, %.0f bytes per sentence\n",
              corpus.generated ? "generated corpus" : "shared/data policies", t.sentences,
              t.bytes / 1e6, t.bytes / std::max(1.0, t.sentences));
  std::printf("rules:   prefilter %6.0f ms, %5.1f candidate patterns per sentence, "
              "confirmation %6.0f ms\n",
              t.rule_filter_ns / 1e6, t.rule_candidates / std::max(1.0, t.sentences),
              t.rule_confirm_ns / 1e6);
  std::printf("lexicon: prefilter %6.0f ms, %5.1f candidate entries per sentence,  "
              "first match  %6.0f ms (the extractor runs the lexicon only where a rule fired)\n",
              t.lexicon_filter_ns / 1e6, t.lexicon_candidates / std::max(1.0, t.sentences),
              t.lexicon_confirm_ns / 1e6);
  for (const internal::LanguageRules& lr : (*rules)->languages()) {
    std::printf("%s: %zu patterns (%zu unfiltered), %zu lexicon entries (%zu unfiltered), "
                "%zu + %zu atoms\n",
                std::string(LanguageCode(lr.lang)).c_str(), lr.rule_filter.size(),
                lr.rule_filter.unfiltered().size(), lr.lexicon_filter.size(),
                lr.lexicon_filter.unfiltered().size(), lr.rule_filter.atoms(),
                lr.lexicon_filter.atoms());
  }
  std::vector<std::pair<double, std::pair<std::string, int>>> order;
  for (const auto& [key, c] : costs) order.emplace_back(c.ns, key);
  std::sort(order.rbegin(), order.rend());
  std::printf("\n%-46s %9s %9s %8s %9s\n", "pattern (#index in its rule; lexicon entry)", "ms",
              "candidate", "matched", "us/call");
  for (std::size_t i = 0; i < order.size() && i < static_cast<std::size_t>(top); ++i) {
    const auto& [id, index] = order[i].second;
    const Cost& c = costs[order[i].second];
    const std::string name = index < 0 ? id : id + " #" + std::to_string(index);
    std::printf("%-46s %9.1f %9.0f %8.0f %9.2f\n", name.c_str(), c.ns / 1e6, c.candidates,
                c.matches, c.ns / c.candidates / 1e3);
  }
  return 0;
}

}  // namespace
}  // namespace policytext

int main(int argc, char** argv) {
  int top = 30, passes = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--top") top = std::atoi(argv[i + 1]);
    else if (flag == "--passes") passes = std::max(1, std::atoi(argv[i + 1]));
  }
  return policytext::Run(top, passes);
}
