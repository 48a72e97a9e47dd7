// policytext/analyzer.h, clause.h, json.h: the Analyzer, clauses and the
// summary. Type conversion only: each C++ Clause becomes a read-only Clause
// object whose text, code-point offsets and section are taken from its
// Document here, in C++; the work (reading, matching) runs without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "policytext/analyzer.h"
#include "policytext/json.h"

namespace py = pybind11;

namespace policytext::python {
namespace {

// A clause as Python sees it: everything resolved against its Document.
struct ClauseView {
  std::string category, polarity, modality, negation_cue, text;
  std::size_t start = 0, end = 0, byte_start = 0, byte_end = 0;
  std::int64_t sentence = -1, block = -1;
  std::vector<std::string> section;
  std::string attributes_json;
  std::vector<std::string> rules;
  double confidence = 0.0;
};

struct PracticeView {
  std::string category, stance;
  std::size_t affirmed = 0, negated = 0;
  std::int64_t strongest_clause = -1;
  std::optional<ClauseView> strongest;
};

struct SummaryView {
  std::vector<PracticeView> practices;
};

ClauseView MakeClause(const Document& doc, const Clause& c) {
  ClauseView v;
  v.category = std::string(CategoryName(c.category));
  v.polarity = std::string(PolarityName(c.polarity));
  v.modality = std::string(ModalityName(c.modality));
  v.negation_cue = c.negation_cue;
  if (c.span.begin <= c.span.end && c.span.end <= doc.text.size()) {
    v.text = doc.text.substr(c.span.begin, c.span.size());
  }
  v.start = c.span.char_begin;
  v.end = c.span.char_end;
  v.byte_start = c.span.begin;
  v.byte_end = c.span.end;
  v.sentence = c.sentence;
  v.block = c.block;
  if (c.block >= 0 && static_cast<std::size_t>(c.block) < doc.blocks.size()) {
    v.section = doc.blocks[static_cast<std::size_t>(c.block)].section;
  }
  v.attributes_json = ClauseAttributesJson(c);
  v.rules = c.rules;
  v.confidence = c.confidence;
  return v;
}

std::vector<ClauseView> MakeClauses(const Document& doc) {
  std::vector<ClauseView> out;
  out.reserve(doc.clauses.size());
  for (const Clause& c : doc.clauses) out.push_back(MakeClause(doc, c));
  return out;
}

SummaryView MakeSummary(const Document& doc) {
  SummaryView s;
  for (const PracticeSummary& p : doc.summary.practices) {
    PracticeView v;
    v.category = std::string(CategoryName(p.category));
    v.stance = std::string(StanceName(p.stance));
    v.affirmed = p.affirmed;
    v.negated = p.negated;
    v.strongest_clause = p.strongest_clause;
    if (p.strongest_clause >= 0 &&
        static_cast<std::size_t>(p.strongest_clause) < doc.clauses.size()) {
      v.strongest =
          MakeClause(doc, doc.clauses[static_cast<std::size_t>(p.strongest_clause)]);
    }
    s.practices.push_back(std::move(v));
  }
  return s;
}

py::object JsonLoads(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

py::dict ClauseDict(const ClauseView& c) {
  py::dict d;
  d["category"] = c.category;
  d["polarity"] = c.polarity;
  d["modality"] = c.modality;
  d["negation_cue"] = c.negation_cue;
  d["text"] = c.text;
  d["start"] = c.start;
  d["end"] = c.end;
  d["byte_start"] = c.byte_start;
  d["byte_end"] = c.byte_end;
  d["sentence"] = c.sentence;
  d["block"] = c.block;
  d["section"] = c.section;
  d["attributes"] = JsonLoads(c.attributes_json);
  d["rules"] = c.rules;
  d["confidence"] = c.confidence;
  return d;
}

ClauseView ClauseFromState(const py::tuple& t) {
  if (t.size() != 15) throw std::runtime_error("Clause: bad pickle state");
  ClauseView c;
  c.category = t[0].cast<std::string>();
  c.polarity = t[1].cast<std::string>();
  c.modality = t[2].cast<std::string>();
  c.negation_cue = t[3].cast<std::string>();
  c.text = t[4].cast<std::string>();
  c.start = t[5].cast<std::size_t>();
  c.end = t[6].cast<std::size_t>();
  c.byte_start = t[7].cast<std::size_t>();
  c.byte_end = t[8].cast<std::size_t>();
  c.sentence = t[9].cast<std::int64_t>();
  c.block = t[10].cast<std::int64_t>();
  c.section = t[11].cast<std::vector<std::string>>();
  c.attributes_json = t[12].cast<std::string>();
  c.rules = t[13].cast<std::vector<std::string>>();
  c.confidence = t[14].cast<double>();
  return c;
}

py::tuple ClauseState(const ClauseView& c) {
  return py::make_tuple(c.category, c.polarity, c.modality, c.negation_cue, c.text, c.start,
                        c.end, c.byte_start, c.byte_end, c.sentence, c.block, c.section,
                        c.attributes_json, c.rules, c.confidence);
}

py::dict PracticeDict(const PracticeView& p) {
  py::dict d;
  d["category"] = p.category;
  d["stance"] = p.stance;
  d["affirmed"] = p.affirmed;
  d["negated"] = p.negated;
  d["strongest_clause"] = p.strongest_clause >= 0 ? py::object(py::int_(p.strongest_clause))
                                                  : py::object(py::none());
  return d;
}

const PracticeView& PracticeOf(const SummaryView& s, const std::string& category) {
  for (const PracticeView& p : s.practices) {
    if (p.category == category) return p;
  }
  throw py::key_error(category);
}

std::vector<Language> ParseLanguages(const std::vector<std::string>& codes) {
  std::vector<Language> out;
  for (const std::string& code : codes) out.push_back(Unwrap(ParseLanguage(code)));
  return out;
}

ReadOptions MakeReadOptions(const Analyzer& a, const std::optional<std::string>& lang,
                            const std::string& format) {
  ReadOptions options = a.options().read;
  options.lang = lang ? Unwrap(ParseLanguage(*lang)) : Language::kUnd;
  options.format = Unwrap(ParseSourceFormat(format));
  return options;
}

// The Python view of AnalyzerOptions that pickles: the user packs as text.
py::tuple AnalyzerState(const Analyzer& a) {
  std::vector<std::string> langs;
  for (Language l : a.options().languages) langs.emplace_back(LanguageCode(l));
  return py::make_tuple(a.options().builtin_rules, langs, a.user_rule_texts(),
                        a.options().regex_memory_budget);
}

std::shared_ptr<const Analyzer> AnalyzerFromState(const py::tuple& t) {
  if (t.size() != 4) throw std::runtime_error("Analyzer: bad pickle state");
  AnalyzerOptions options;
  options.builtin_rules = t[0].cast<bool>();
  options.languages = ParseLanguages(t[1].cast<std::vector<std::string>>());
  options.rule_texts = t[2].cast<std::vector<std::pair<std::string, std::string>>>();
  options.regex_memory_budget = t[3].cast<std::size_t>();
  StatusOr<std::shared_ptr<const Analyzer>> analyzer = InternalError("not built");
  {
    py::gil_scoped_release release;
    analyzer = Analyzer::Create(options);
  }
  return Unwrap(std::move(analyzer));
}

py::list TracesToPython(const std::vector<SentenceTrace>& traces, const std::string& text) {
  py::list out;
  for (const SentenceTrace& t : traces) {
    py::dict d;
    d["text"] = t.span.end <= text.size() ? text.substr(t.span.begin, t.span.size()) : "";
    d["start"] = t.span.char_begin;
    d["end"] = t.span.char_end;
    d["lang"] = std::string(LanguageCode(t.lang));
    py::list rules;
    for (const RuleTrace& r : t.rules) {
      py::dict rd;
      rd["rule"] = r.rule;
      rd["category"] = std::string(CategoryName(r.category));
      rd["fired"] = r.fired;
      rd["reason"] = r.reason;
      rd["match"] = r.match.end <= text.size() ? text.substr(r.match.begin, r.match.size()) : "";
      rd["start"] = r.match.char_begin;
      rd["end"] = r.match.char_end;
      rd["origin"] = r.origin;
      rules.append(rd);
    }
    d["rules"] = rules;
    py::list attrs;
    for (const Attribute& a : t.attributes) {
      py::dict ad;
      ad["name"] = a.name;
      ad["value"] = a.value;
      ad["detail"] = a.detail;
      ad["text"] = a.text;
      attrs.append(ad);
    }
    d["attributes"] = attrs;
    out.append(d);
  }
  return out;
}

// Document's Python class gets .clauses and .summary; bind_document.cc owns it.
void AttachToDocument(py::module_& m) {
  auto add = [](auto cls) {
    cls.def_property_readonly(
           "clauses", [](const Document& d) { return MakeClauses(d); },
           "The clauses found by an Analyzer, in text order (empty after read()).")
        .def_property_readonly(
            "summary", [](const Document& d) { return MakeSummary(d); },
            "Per category: affirmed / denied / silent, with the strongest clause.");
  };
  if (py::detail::get_type_info(typeid(Document)) != nullptr) {
    add(py::reinterpret_borrow<py::class_<Document>>(py::type::of<Document>()));
    return;
  }
  // Not bound yet by bind_document.cc: a minimal class so analyze() works.
  py::class_<Document> cls(m, "Document");
  cls.def_readonly("text", &Document::text)
      .def_property_readonly("lang", [](const Document& d) { return LanguageCode(d.lang); });
  add(cls);
}

}  // namespace

namespace {

// The JSON record, for both Analyzer.to_json and document_to_json.
std::string DocumentJson(const Document& doc, const std::string& id, const std::string& source,
                         bool include_text, bool include_blocks) {
  JsonOptions options;
  options.id = id;
  options.source = source;
  options.include_text = include_text;
  options.include_blocks = include_blocks;
  return ToJson(doc, options);
}

}  // namespace

void BindAnalyzer(py::module_& m) {
  py::class_<ClauseView>(m, "Clause",
                         "A clause that states a practice; offsets index Document.text.")
      .def_readonly("category", &ClauseView::category)
      .def_readonly("polarity", &ClauseView::polarity)
      .def_readonly("modality", &ClauseView::modality)
      .def_readonly("negation_cue", &ClauseView::negation_cue)
      .def_readonly("text", &ClauseView::text)
      .def_readonly("start", &ClauseView::start)
      .def_readonly("end", &ClauseView::end)
      .def_readonly("byte_start", &ClauseView::byte_start)
      .def_readonly("byte_end", &ClauseView::byte_end)
      .def_readonly("sentence", &ClauseView::sentence)
      .def_readonly("block", &ClauseView::block)
      .def_readonly("section", &ClauseView::section)
      .def_property_readonly(
          "attributes", [](const ClauseView& c) { return JsonLoads(c.attributes_json); },
          "A dict following docs/schema.md (recipients, periods, data_types, action, ...).")
      .def_readonly("rules", &ClauseView::rules)
      .def_readonly("confidence", &ClauseView::confidence)
      .def("to_dict", &ClauseDict)
      .def("__repr__",
           [](const ClauseView& c) {
             std::string text = c.text.size() > 60 ? c.text.substr(0, 57) + "..." : c.text;
             return "Clause(" + c.category + ", " + c.polarity + ", " + c.modality + ", " +
                    std::string(py::repr(py::str(text))) + ", start=" + std::to_string(c.start) +
                    ")";
           })
      .def(py::pickle([](const ClauseView& c) { return ClauseState(c); },
                      [](const py::tuple& t) { return ClauseFromState(t); }));

  py::class_<PracticeView>(m, "PracticeSummary",
                           "What a document says about one category.")
      .def_readonly("category", &PracticeView::category)
      .def_readonly("stance", &PracticeView::stance)
      .def_readonly("affirmed", &PracticeView::affirmed)
      .def_readonly("negated", &PracticeView::negated)
      .def_property_readonly("strongest_clause",
                             [](const PracticeView& p) -> py::object {
                               if (p.strongest_clause < 0) return py::none();
                               return py::int_(p.strongest_clause);
                             })
      .def_readonly("strongest", &PracticeView::strongest)
      .def("to_dict", &PracticeDict)
      .def("__repr__", [](const PracticeView& p) {
        return "PracticeSummary(" + p.category + ": " + p.stance + ", affirmed=" +
               std::to_string(p.affirmed) + ", negated=" + std::to_string(p.negated) + ")";
      });

  py::class_<SummaryView>(m, "Summary", "Per category: PracticeSummary, by category name.")
      .def("__getitem__", &PracticeOf, py::return_value_policy::copy)
      .def("__contains__",
           [](const SummaryView& s, const std::string& k) {
             for (const PracticeView& p : s.practices) {
               if (p.category == k) return true;
             }
             return false;
           })
      .def("__len__", [](const SummaryView& s) { return s.practices.size(); })
      .def("__iter__",
           [](const SummaryView& s) {
             py::list keys;
             for (const PracticeView& p : s.practices) keys.append(p.category);
             return py::iter(keys);
           })
      .def("keys",
           [](const SummaryView& s) {
             std::vector<std::string> keys;
             for (const PracticeView& p : s.practices) keys.push_back(p.category);
             return keys;
           })
      .def("to_dict",
           [](const SummaryView& s) {
             py::dict d;
             for (const PracticeView& p : s.practices) d[py::str(p.category)] = PracticeDict(p);
             return d;
           })
      .def("__repr__", [](const SummaryView& s) {
        std::string out = "Summary(";
        bool first = true;
        for (const PracticeView& p : s.practices) {
          if (p.stance == "silent") continue;
          out += (first ? "" : ", ") + p.category + "=" + p.stance;
          first = false;
        }
        return out + ")";
      });

  AttachToDocument(m);

  py::class_<Analyzer, std::shared_ptr<Analyzer>>(m, "Analyzer",
                                                  "Rule packs compiled once; thread-safe.")
      .def(py::init([](bool builtin_rules, const std::vector<std::string>& rule_paths,
                       const std::vector<std::pair<std::string, std::string>>& rule_texts,
                       const std::vector<std::string>& languages,
                       std::size_t regex_memory_budget) {
             AnalyzerOptions options;
             options.builtin_rules = builtin_rules;
             options.rule_paths = rule_paths;
             options.rule_texts = rule_texts;
             options.languages = ParseLanguages(languages);
             options.regex_memory_budget = regex_memory_budget;
             StatusOr<std::shared_ptr<const Analyzer>> analyzer = InternalError("not built");
             {
               py::gil_scoped_release release;
               analyzer = Analyzer::Create(options);
             }
             return std::const_pointer_cast<Analyzer>(Unwrap(std::move(analyzer)));
           }),
           py::kw_only(), py::arg("builtin_rules") = true,
           py::arg("rule_paths") = std::vector<std::string>{},
           py::arg("rule_texts") = std::vector<std::pair<std::string, std::string>>{},
           py::arg("languages") = std::vector<std::string>{"fr", "en"},
           py::arg("regex_memory_budget") = std::size_t{64} << 20)
      .def(
          "analyze",
          [](const Analyzer& a, const py::bytes& data, std::optional<std::string> lang,
             const std::string& format) {
            const ReadOptions options = MakeReadOptions(a, lang, format);
            std::string_view view = data;
            StatusOr<Document> doc = InternalError("not analysed");
            {
              py::gil_scoped_release release;
              doc = a.Analyze(view, options);
            }
            return Unwrap(std::move(doc));
          },
          py::arg("data"), py::kw_only(), py::arg("lang") = py::none(),
          py::arg("format") = "auto", "Reads UTF-8 or encoded bytes and finds the clauses.")
      .def(
          "analyze_file",
          [](const Analyzer& a, const std::string& path, std::optional<std::string> lang,
             const std::string& format) {
            const ReadOptions options = MakeReadOptions(a, lang, format);
            StatusOr<Document> doc = InternalError("not analysed");
            {
              py::gil_scoped_release release;
              doc = a.AnalyzeFile(path, options);
            }
            return Unwrap(std::move(doc));
          },
          py::arg("path"), py::kw_only(), py::arg("lang") = py::none(),
          py::arg("format") = "auto")
      .def(
          "extract",
          [](const Analyzer& a, Document& doc) {
            Status status;
            {
              py::gil_scoped_release release;
              status = a.Extract(doc);
            }
            ThrowIfError(status);
          },
          py::arg("document"), "Finds the clauses of a Document already read (in place).")
      .def(
          "explain",
          [](const Analyzer& a, const std::string& text, std::optional<std::string> lang) {
            const Language l = lang ? Unwrap(ParseLanguage(*lang)) : Language::kUnd;
            StatusOr<std::vector<SentenceTrace>> traces = InternalError("not run");
            {
              py::gil_scoped_release release;
              traces = a.Explain(text, l);
            }
            return TracesToPython(Unwrap(std::move(traces)), text);
          },
          py::arg("text"), py::kw_only(), py::arg("lang") = py::none())
      .def("rules",
           [](const Analyzer& a) {
             py::list out;
             for (const RuleInfo& r : a.Rules()) {
               py::dict d;
               d["id"] = r.id;
               d["kind"] = r.kind;
               d["lang"] = std::string(LanguageCode(r.lang));
               d["category"] = r.category;
               d["value"] = r.value;
               d["confidence"] = r.confidence;
               d["origin"] = r.origin;
               d["patterns"] = r.patterns;
               d["unfiltered"] = r.unfiltered;
               out.append(d);
             }
             return out;
           })
      .def(
          "to_json",
          [](const Analyzer&, const Document& doc, const std::string& id,
             const std::string& source, bool include_text, bool include_blocks) {
            return DocumentJson(doc, id, source, include_text, include_blocks);
          },
          py::arg("document"), py::kw_only(), py::arg("id") = "", py::arg("source") = "",
          py::arg("include_text") = false, py::arg("include_blocks") = false)
      .def_property_readonly("rules_fingerprint", &Analyzer::rules_fingerprint)
      .def_property_readonly("languages",
                             [](const Analyzer& a) {
                               std::vector<std::string> out;
                               for (Language l : a.options().languages) {
                                 out.emplace_back(LanguageCode(l));
                               }
                               return out;
                             })
      .def_property_readonly("builtin_rules",
                             [](const Analyzer& a) { return a.options().builtin_rules; })
      .def_property_readonly("user_rule_texts", &Analyzer::user_rule_texts)
      .def("__repr__",
           [](const Analyzer& a) {
             std::string langs;
             for (Language l : a.options().languages) {
               langs += (langs.empty() ? "" : ", ") + std::string(LanguageCode(l));
             }
             return "Analyzer(languages=[" + langs + "], builtin_rules=" +
                    (a.options().builtin_rules ? "True" : "False") +
                    ", user_packs=" + std::to_string(a.user_rule_texts().size()) +
                    ", fingerprint=" + a.rules_fingerprint() + ")";
           })
      .def(py::pickle([](const Analyzer& a) { return AnalyzerState(a); },
                      [](const py::tuple& t) {
                        return std::const_pointer_cast<Analyzer>(AnalyzerFromState(t));
                      }));

  m.def(
      "document_to_json",
      &DocumentJson,
      py::arg("document"), py::kw_only(), py::arg("id") = "", py::arg("source") = "",
      py::arg("include_text") = false, py::arg("include_blocks") = false);
}

}  // namespace policytext::python
