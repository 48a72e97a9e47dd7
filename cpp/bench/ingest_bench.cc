// Ingestion: MB/s of input bytes per core for Reader::Read on Markdown and on
// HTML. Markdown: the French and English policies of ../shared/data (a
// generated corpus when absent). HTML: the same policies rendered by
// cmark-gfm and wrapped in page chrome (head with script and style, a menu, a
// cookie banner, a newsletter box, a footer). Each format is measured three
// ways: the parser library alone (gumbo / cmark-gfm parse and free), Read
// with blocks only (sentences and language detection off), and the full Read
// (blocks, per-block language, sentences, looks_like_policy). A memchr pass
// over the same bytes is the machine baseline.
//
//   cmake -S . -B build/bench -G Ninja -DPOLICYTEXT_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build/bench --target ingest_bench
//   build/bench/cpp/bench/ingest_bench --benchmark_min_time=1
//
// Data: Open Terms Archive with contributions from UFC-Que Choisir and Office of
// the French Ambassador for Digital Affairs (ota-fr); Open Terms Archive
// contributors (ota-en). ODC-BY 1.0.
#include <benchmark/benchmark.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <gumbo.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "policytext/document.h"

namespace policytext {
namespace {

std::string RenderHtml(const std::string& md) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html =
      cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

// Page chrome written for this benchmark.
std::string WrapInPage(const std::string& body) {
  std::string script;
  for (int i = 0; i < 40; ++i) {
    script += "window.q" + std::to_string(i) + " = {id: " + std::to_string(i) +
              ", on: function(e) { return e && e.target ? e.target.id : null; }};\n";
  }
  return "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Privacy</title>"
         "<style>body{margin:0;font:16px/1.5 sans-serif}.nav a{padding:4px}</style><script>" +
         script +
         "</script></head><body><header><a href=/>Example</a><nav class=nav><ul>"
         "<li><a href=/shop>Shop</a></li><li><a href=/stories>Stories</a></li>"
         "<li><a href=/gift>Gift cards</a></li><li><a href=/stores>Store locator</a></li>"
         "</ul></nav></header><div role=dialog><p>We use cookies to measure visits.</p>"
         "<button>Accept</button><button>Decline</button></div><main><article>" +
         body +
         "</article></main><div class=news><p>Subscribe to our newsletter.</p><input "
         "type=email><button>Subscribe</button></div><footer><ul><li><a href=/careers>Careers"
         "</a></li><li><a href=/press>Press</a></li><li><a href=/help>Help</a></li></ul>"
         "<p>&copy; 2025 Example Group</p></footer></body></html>";
}

struct Corpora {
  std::vector<std::string> markdown;
  std::vector<std::string> html;
  std::vector<std::string> heavy;  // html with a 150 KB inline script bundle, as real pages have
  std::size_t markdown_bytes = 0;
  std::size_t html_bytes = 0;
  std::size_t heavy_bytes = 0;
};

// A minified-looking script bundle written for this benchmark.
std::string ScriptBundle() {
  std::string js = "<script>!function(){var m={};";
  int i = 0;
  while (js.size() < 150 * 1024) {
    js += "m[" + std::to_string(i) + "]=function(a,b){return a<b?a+\"" + std::to_string(i) +
          "\":b&&a>" + std::to_string(i % 97) + "?[a,b].join(\"<br>\"):null};";
    ++i;
  }
  return js + "window.__m=m}();</script>";
}

const Corpora& Load() {
  static const Corpora* corpora = [] {
    auto* c = new Corpora;
    const bench::BenchCorpus& md = bench::LoadCorpus("");
    for (const std::string& d : md.documents) {
      c->markdown.push_back(d);
      c->markdown_bytes += d.size();
      c->html.push_back(WrapInPage(RenderHtml(d)));
      c->html_bytes += c->html.back().size();
      static const std::string bundle = ScriptBundle();
      std::string heavy = c->html.back();
      heavy.insert(heavy.find("</head>"), bundle);
      c->heavy_bytes += heavy.size();
      c->heavy.push_back(std::move(heavy));
    }
    return c;
  }();
  return *corpora;
}

const Reader& SharedReader() {
  static std::shared_ptr<const Reader> reader = [] {
    auto r = Reader::Create();
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *reader;
}

void Label(benchmark::State& state) {
  state.SetLabel(bench::LoadCorpus("").generated ? "generated corpus" : "shared/data policies");
}

void BM_Memchr(benchmark::State& state) {
  const Corpora& c = Load();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const std::string& d : c.html) {
      const char* p = d.data();
      const char* end = p + d.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
        ++n;
        ++p;
      }
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.html_bytes));
  Label(state);
}

void BM_GumboParseOnly(benchmark::State& state) {
  const Corpora& c = Load();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  for (auto _ : state) {
    for (const std::string& d : c.html) {
      GumboOutput* out = gumbo_parse_with_options(&options, d.data(), d.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&options, out);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.html_bytes));
  Label(state);
}

void BM_GumboParseOnlyScriptHeavy(benchmark::State& state) {
  const Corpora& c = Load();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  for (auto _ : state) {
    for (const std::string& d : c.heavy) {
      GumboOutput* out = gumbo_parse_with_options(&options, d.data(), d.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&options, out);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.heavy_bytes));
  Label(state);
}

void BM_CmarkParseOnly(benchmark::State& state) {
  const Corpora& c = Load();
  cmark_gfm_core_extensions_ensure_registered();
  cmark_syntax_extension* table = cmark_find_syntax_extension("table");
  for (auto _ : state) {
    for (const std::string& d : c.markdown) {
      cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
      cmark_parser_attach_syntax_extension(parser, table);
      cmark_parser_feed(parser, d.data(), d.size());
      cmark_node* doc = cmark_parser_finish(parser);
      benchmark::DoNotOptimize(doc);
      cmark_node_free(doc);
      cmark_parser_free(parser);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.markdown_bytes));
  Label(state);
}

void ReadAll(benchmark::State& state, const std::vector<std::string>& docs, std::size_t bytes,
             SourceFormat format, bool full) {
  ReadOptions o;
  o.format = format;
  o.sentences = full;
  o.detect_language = full;
  const Reader& reader = SharedReader();
  for (auto _ : state) {
    for (const std::string& d : docs) {
      auto doc = reader.Read(d, o);
      if (!doc.ok()) {
        state.SkipWithError(doc.status().ToString().c_str());
        return;
      }
      benchmark::DoNotOptimize(doc->blocks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  Label(state);
}

void BM_ReadMarkdownBlocks(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.markdown, c.markdown_bytes, SourceFormat::kMarkdown, false);
}
void BM_ReadMarkdownFull(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.markdown, c.markdown_bytes, SourceFormat::kMarkdown, true);
}
void BM_ReadHtmlBlocks(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.html, c.html_bytes, SourceFormat::kHtml, false);
}
void BM_ReadHtmlFull(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.html, c.html_bytes, SourceFormat::kHtml, true);
}
void BM_ReadHtmlBlocksScriptHeavy(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.heavy, c.heavy_bytes, SourceFormat::kHtml, false);
}
// Format and charset detection included (format = auto).
void BM_ReadHtmlAuto(benchmark::State& state) {
  const Corpora& c = Load();
  ReadAll(state, c.html, c.html_bytes, SourceFormat::kAuto, false);
}

BENCHMARK(BM_Memchr);
BENCHMARK(BM_GumboParseOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CmarkParseOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadMarkdownBlocks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadMarkdownFull)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_ReadHtmlBlocks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadHtmlAuto)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GumboParseOnlyScriptHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadHtmlBlocksScriptHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadHtmlFull)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace
}  // namespace policytext

BENCHMARK_MAIN();
