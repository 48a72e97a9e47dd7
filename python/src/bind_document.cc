// policytext/document.h: Reader, Document, Block, PolicyCheck. Type conversion
// only: a block's `.text` and every offset are computed here in C++; reading
// runs without the GIL. Document's `.clauses` / `.summary` are attached by
// bind_analyzer.cc (AttachToDocument) on this same class.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "policytext/document.h"

namespace py = pybind11;

namespace policytext::python {
namespace {

// A block as Python sees it: the Block plus its text, cut in C++.
struct PyBlock {
  Block block;
  std::string text;
};

PyBlock MakeBlock(const Document& d, const Block& b) {
  PyBlock out{b, std::string()};
  if (b.span.end <= d.text.size() && b.span.begin <= b.span.end) {
    out.text = d.text.substr(b.span.begin, b.span.size());
  }
  return out;
}

std::vector<PyBlock> MakeBlocks(const Document& d) {
  std::vector<PyBlock> out;
  out.reserve(d.blocks.size());
  for (const Block& b : d.blocks) out.push_back(MakeBlock(d, b));
  return out;
}

template <typename E, typename NameFn>
E EnumFromName(const std::string& name, int count, NameFn fn, const char* what) {
  for (int k = 0; k < count; ++k) {
    if (fn(static_cast<E>(k)) == name) return static_cast<E>(k);
  }
  throw py::value_error(std::string("unknown ") + what + " '" + name + "'");
}

Language LangFromName(const std::string& s) { return Unwrap(ParseLanguage(s)); }
BlockKind KindFromName(const std::string& s) {
  return EnumFromName<BlockKind>(s, 8, BlockKindName, "block kind");
}

// ---- pickling state: plain tuples of the public structs -------------------

py::tuple SpanState(const Span& s) { return py::make_tuple(s.begin, s.end, s.char_begin, s.char_end); }
Span SpanFrom(const py::handle& h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 4) throw py::value_error("bad Span state");
  return Span{t[0].cast<std::size_t>(), t[1].cast<std::size_t>(), t[2].cast<std::size_t>(),
              t[3].cast<std::size_t>()};
}

py::tuple BlockState(const Block& b) {
  return py::make_tuple(std::string(BlockKindName(b.kind)), b.level, SpanState(b.span), b.section,
                        std::string(LanguageCode(b.lang)), b.lang_confidence, b.source_begin,
                        b.source_end, b.table_row);
}
Block BlockFrom(const py::handle& h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 9) throw py::value_error("bad Block state");
  Block b;
  b.kind = KindFromName(t[0].cast<std::string>());
  b.level = t[1].cast<int>();
  b.span = SpanFrom(t[2]);
  b.section = t[3].cast<std::vector<std::string>>();
  b.lang = LangFromName(t[4].cast<std::string>());
  b.lang_confidence = t[5].cast<double>();
  b.source_begin = t[6].cast<std::size_t>();
  b.source_end = t[7].cast<std::size_t>();
  b.table_row = t[8].cast<std::int64_t>();
  return b;
}

py::tuple SentenceState(const Sentence& s) {
  py::list clauses;
  for (const Span& c : s.clauses) clauses.append(SpanState(c));
  return py::make_tuple(SpanState(s.span), clauses, s.block);
}
Sentence SentenceFrom(const py::handle& h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 3) throw py::value_error("bad Sentence state");
  Sentence s;
  s.span = SpanFrom(t[0]);
  for (const py::handle& c : t[1].cast<py::list>()) s.clauses.push_back(SpanFrom(c));
  s.block = t[2].cast<std::int64_t>();
  return s;
}

py::tuple ClauseState(const Clause& c) {
  py::list attrs;
  for (const Attribute& a : c.attributes) {
    attrs.append(py::make_tuple(a.name, a.value, a.detail, a.text, SpanState(a.span), a.negated));
  }
  return py::make_tuple(static_cast<int>(c.category), static_cast<int>(c.polarity),
                        static_cast<int>(c.modality), SpanState(c.span), c.sentence, c.block,
                        c.negation_cue, attrs, c.rules, c.confidence);
}
Clause ClauseFrom(const py::handle& h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 10) throw py::value_error("bad Clause state");
  Clause c;
  c.category = static_cast<Category>(t[0].cast<int>());
  c.polarity = static_cast<Polarity>(t[1].cast<int>());
  c.modality = static_cast<Modality>(t[2].cast<int>());
  c.span = SpanFrom(t[3]);
  c.sentence = t[4].cast<std::int64_t>();
  c.block = t[5].cast<std::int64_t>();
  c.negation_cue = t[6].cast<std::string>();
  for (const py::handle& ah : t[7].cast<py::list>()) {
    auto a = ah.cast<py::tuple>();
    if (a.size() != 6) throw py::value_error("bad Attribute state");
    c.attributes.push_back(Attribute{a[0].cast<std::string>(), a[1].cast<std::string>(),
                                     a[2].cast<std::string>(), a[3].cast<std::string>(),
                                     SpanFrom(a[4]), a[5].cast<bool>()});
  }
  c.rules = t[8].cast<std::vector<std::string>>();
  c.confidence = t[9].cast<double>();
  return c;
}

py::tuple DocumentState(const Document& d) {
  py::list blocks, sentences, clauses, practices;
  for (const Block& b : d.blocks) blocks.append(BlockState(b));
  for (const Sentence& s : d.sentences) sentences.append(SentenceState(s));
  for (const Clause& c : d.clauses) clauses.append(ClauseState(c));
  for (const PracticeSummary& p : d.summary.practices) {
    practices.append(py::make_tuple(static_cast<int>(p.category), static_cast<int>(p.stance),
                                    p.strongest_clause, p.affirmed, p.negated));
  }
  py::tuple policy = py::make_tuple(d.policy.looks_like_policy, d.policy.score, d.policy.reason);
  return py::make_tuple(1,  // state version
                        py::bytes(d.text), blocks, sentences, std::string(LanguageCode(d.lang)),
                        d.lang_confidence, std::string(SourceFormatName(d.format)), d.charset,
                        d.title, d.source_bytes, d.invalid_utf8, policy, d.warnings, clauses,
                        practices);
}
Document DocumentFrom(const py::tuple& t) {
  if (t.size() != 15 || t[0].cast<int>() != 1) throw py::value_error("bad Document state");
  Document d;
  d.text = t[1].cast<std::string>();
  for (const py::handle& h : t[2].cast<py::list>()) d.blocks.push_back(BlockFrom(h));
  for (const py::handle& h : t[3].cast<py::list>()) d.sentences.push_back(SentenceFrom(h));
  d.lang = LangFromName(t[4].cast<std::string>());
  d.lang_confidence = t[5].cast<double>();
  d.format = Unwrap(ParseSourceFormat(t[6].cast<std::string>()));
  d.charset = t[7].cast<std::string>();
  d.title = t[8].cast<std::string>();
  d.source_bytes = t[9].cast<std::size_t>();
  d.invalid_utf8 = t[10].cast<std::size_t>();
  auto policy = t[11].cast<py::tuple>();
  d.policy = PolicyCheck{policy[0].cast<bool>(), policy[1].cast<double>(),
                         policy[2].cast<std::string>()};
  d.warnings = t[12].cast<std::vector<std::string>>();
  for (const py::handle& h : t[13].cast<py::list>()) d.clauses.push_back(ClauseFrom(h));
  for (const py::handle& h : t[14].cast<py::list>()) {
    auto p = h.cast<py::tuple>();
    d.summary.practices.push_back(PracticeSummary{
        static_cast<Category>(p[0].cast<int>()), static_cast<Stance>(p[1].cast<int>()),
        p[2].cast<std::int64_t>(), p[3].cast<std::size_t>(), p[4].cast<std::size_t>()});
  }
  return d;
}

// ---- dicts and reprs --------------------------------------------------------

py::dict BlockDict(const PyBlock& pb) {
  const Block& b = pb.block;
  py::dict d;
  d["kind"] = std::string(BlockKindName(b.kind));
  d["level"] = b.level;
  d["text"] = pb.text;
  d["start"] = b.span.char_begin;
  d["end"] = b.span.char_end;
  d["byte_start"] = b.span.begin;
  d["byte_end"] = b.span.end;
  d["section"] = b.section;
  d["lang"] = std::string(LanguageCode(b.lang));
  d["lang_confidence"] = b.lang_confidence;
  d["source_start"] = b.source_begin;
  d["source_end"] = b.source_end;
  d["table_row"] = b.table_row >= 0 ? py::object(py::int_(b.table_row)) : py::object(py::none());
  return d;
}

py::dict PolicyDict(const PolicyCheck& p) {
  py::dict d;
  d["looks_like_policy"] = p.looks_like_policy;
  d["score"] = p.score;
  d["reason"] = p.reason;
  return d;
}

std::string Shorten(const std::string& text, std::size_t n) {
  if (text.size() <= n) return text;
  std::string s = text.substr(0, n);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return s + "…";
}

std::string PyRepr(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

// ---- the Reader -------------------------------------------------------------

struct ReadArgs {
  ReadOptions options;
};

ReadOptions MakeOptions(const std::string& format, const py::object& lang, const py::object& charset,
                        const py::object& max_bytes, const py::object& max_depth, bool sentences,
                        bool detect_language) {
  ReadOptions o;
  o.format = Unwrap(ParseSourceFormat(format));
  if (!lang.is_none()) o.lang = Unwrap(ParseLanguage(lang.cast<std::string>()));
  if (!charset.is_none()) o.charset = charset.cast<std::string>();
  if (!max_bytes.is_none()) o.max_bytes = max_bytes.cast<std::size_t>();
  if (!max_depth.is_none()) o.max_depth = max_depth.cast<int>();
  o.sentences = sentences;
  o.detect_language = detect_language;
  return o;
}

struct PyReader {
  std::shared_ptr<const Reader> reader;
};

}  // namespace

void BindDocument(py::module_& m) {
  py::class_<PolicyCheck>(m, "PolicyCheck",
                          "Whether a Document looks like a privacy policy: a score (0..1), the "
                          "verdict and the reason. Truthy when it does.")
      .def_readonly("looks_like_policy", &PolicyCheck::looks_like_policy)
      .def_readonly("score", &PolicyCheck::score)
      .def_readonly("reason", &PolicyCheck::reason)
      .def("__bool__", [](const PolicyCheck& p) { return p.looks_like_policy; })
      .def("__eq__",
           [](const PolicyCheck& p, const py::object& other) -> py::object {
             if (py::isinstance<py::bool_>(other)) {
               return py::bool_(p.looks_like_policy == other.cast<bool>());
             }
             if (py::isinstance<PolicyCheck>(other)) {
               const auto& o = other.cast<const PolicyCheck&>();
               return py::bool_(p.looks_like_policy == o.looks_like_policy &&
                                p.score == o.score && p.reason == o.reason);
             }
             return py::reinterpret_borrow<py::object>(Py_NotImplemented);
           })
      .def("__hash__", [](const PolicyCheck& p) { return py::hash(py::bool_(p.looks_like_policy)); })
      .def("to_dict", &PolicyDict)
      .def("__repr__",
           [](const PolicyCheck& p) {
             std::ostringstream os;
             os.precision(2);
             os << "PolicyCheck(" << (p.looks_like_policy ? "True" : "False") << ", score="
                << std::fixed << p.score << ", reason=" << PyRepr(p.reason) << ")";
             return os.str();
           })
      .def(py::pickle(
          [](const PolicyCheck& p) {
            return py::make_tuple(p.looks_like_policy, p.score, p.reason);
          },
          [](const py::tuple& t) {
            if (t.size() != 3) throw py::value_error("bad PolicyCheck state");
            return PolicyCheck{t[0].cast<bool>(), t[1].cast<double>(), t[2].cast<std::string>()};
          }));

  py::class_<PyBlock>(m, "Block",
                      "One block of a Document (heading, paragraph, list item, table cell…): "
                      "its text, code-point (start/end) and byte offsets into Document.text, "
                      "its section path and language, and its element's byte range in the "
                      "source.")
      .def_property_readonly("kind",
                             [](const PyBlock& b) { return std::string(BlockKindName(b.block.kind)); })
      .def_property_readonly("level", [](const PyBlock& b) { return b.block.level; },
                             "Heading level 1..6; list nesting depth from 1; else 0")
      .def_readonly("text", &PyBlock::text)
      .def_property_readonly("start", [](const PyBlock& b) { return b.block.span.char_begin; })
      .def_property_readonly("end", [](const PyBlock& b) { return b.block.span.char_end; })
      .def_property_readonly("byte_start", [](const PyBlock& b) { return b.block.span.begin; })
      .def_property_readonly("byte_end", [](const PyBlock& b) { return b.block.span.end; })
      .def_property_readonly("section", [](const PyBlock& b) { return b.block.section; },
                             "The headings above the block, outermost first")
      .def_property_readonly("lang",
                             [](const PyBlock& b) { return std::string(LanguageCode(b.block.lang)); })
      .def_property_readonly("lang_confidence",
                             [](const PyBlock& b) { return b.block.lang_confidence; },
                             "0 when the language was inherited (short block)")
      .def_property_readonly("source_start", [](const PyBlock& b) { return b.block.source_begin; })
      .def_property_readonly("source_end", [](const PyBlock& b) { return b.block.source_end; })
      .def_property_readonly("table_row",
                             [](const PyBlock& b) -> py::object {
                               if (b.block.table_row < 0) return py::none();
                               return py::int_(b.block.table_row);
                             })
      .def("to_dict", &BlockDict)
      .def("__eq__",
           [](const PyBlock& a, const PyBlock& b) {
             return a.text == b.text && a.block.span == b.block.span &&
                    a.block.kind == b.block.kind && a.block.level == b.block.level &&
                    a.block.section == b.block.section;
           })
      .def("__repr__",
           [](const PyBlock& b) {
             std::ostringstream os;
             os << "Block(" << BlockKindName(b.block.kind);
             if (b.block.level > 0) os << ", level=" << b.block.level;
             os << ", " << PyRepr(Shorten(b.text, 60)) << ", start=" << b.block.span.char_begin
                << ", end=" << b.block.span.char_end << ", lang=" << LanguageCode(b.block.lang)
                << ")";
             return os.str();
           })
      .def(py::pickle([](const PyBlock& b) { return py::make_tuple(b.text, BlockState(b.block)); },
                      [](const py::tuple& t) {
                        if (t.size() != 2) throw py::value_error("bad Block state");
                        return PyBlock{BlockFrom(t[1]), t[0].cast<std::string>()};
                      }));

  py::class_<Document>(m, "Document",
                       "A policy read from HTML, Markdown or plain text: the analysed text, "
                       "its blocks and sentences, languages and a looks-like-policy check.")
      .def_readonly("text", &Document::text, "The analysed text: blocks joined by blank lines")
      .def_property_readonly("blocks", &MakeBlocks, "A new list of Block on every access")
      .def_property_readonly(
          "sentences",
          [](const Document& d) { return SentencesToPython(d.text, d.sentences); },
          "Sentences (never across blocks); offsets index Document.text")
      .def_property_readonly("lang", [](const Document& d) { return std::string(LanguageCode(d.lang)); })
      .def_readonly("lang_confidence", &Document::lang_confidence)
      .def_readonly("looks_like_policy", &Document::policy,
                    "A PolicyCheck: truthy when the document looks like a privacy policy")
      .def_property_readonly(
          "source_format",
          [](const Document& d) { return std::string(SourceFormatName(d.format)); },
          "'html', 'markdown' or 'text'")
      .def_readonly("charset", &Document::charset, "The charset the source was read as")
      .def_readonly("title", &Document::title, "HTML <title>; empty for other formats")
      .def_readonly("source_bytes", &Document::source_bytes)
      .def_readonly("invalid_utf8", &Document::invalid_utf8)
      .def_readonly("warnings", &Document::warnings, "Limits hit, charset decisions, repairs")
      .def("to_dict",
           [](const Document& d) {
             py::dict out;
             out["text"] = d.text;
             py::list blocks;
             for (const Block& b : d.blocks) blocks.append(BlockDict(MakeBlock(d, b)));
             out["blocks"] = blocks;
             py::list sentences;
             for (const py::handle& s : SentencesToPython(d.text, d.sentences)) {
               sentences.append(s.attr("to_dict")());
             }
             out["sentences"] = sentences;
             out["lang"] = std::string(LanguageCode(d.lang));
             out["lang_confidence"] = d.lang_confidence;
             out["looks_like_policy"] = PolicyDict(d.policy);
             out["source_format"] = std::string(SourceFormatName(d.format));
             out["charset"] = d.charset;
             out["title"] = d.title;
             out["source_bytes"] = d.source_bytes;
             out["invalid_utf8"] = d.invalid_utf8;
             out["warnings"] = d.warnings;
             return out;
           })
      .def("__repr__",
           [](const Document& d) {
             std::ostringstream os;
             os << "Document(" << SourceFormatName(d.format) << ", lang=" << LanguageCode(d.lang)
                << ", " << d.blocks.size() << " blocks, " << d.sentences.size() << " sentences";
             if (!d.clauses.empty()) os << ", " << d.clauses.size() << " clauses";
             os << ", looks_like_policy=" << (d.policy.looks_like_policy ? "True" : "False");
             if (!d.title.empty()) os << ", title=" << PyRepr(Shorten(d.title, 40));
             os << ")";
             return os.str();
           })
      .def(py::pickle(&DocumentState, &DocumentFrom));

  py::class_<PyReader>(m, "Reader",
                       "Reads HTML, Markdown or plain text (any common charset) into a "
                       "Document. Immutable and safe to share between threads.")
      .def(py::init([]() {
        StatusOr<std::shared_ptr<const Reader>> r = [] {
          py::gil_scoped_release release;
          return Reader::Create();
        }();
        return PyReader{Unwrap(std::move(r))};
      }))
      .def(
          "read",
          [](const PyReader& self, const py::object& source, const std::string& format,
             const py::object& lang, const py::object& charset, const py::object& max_bytes,
             const py::object& max_depth, bool sentences, bool detect_language) {
            ReadOptions o =
                MakeOptions(format, lang, charset, max_bytes, max_depth, sentences, detect_language);
            std::string_view view;
            py::object keep = source;
            if (PyUnicode_Check(source.ptr())) {
              Py_ssize_t size = 0;
              const char* data = PyUnicode_AsUTF8AndSize(source.ptr(), &size);
              if (data == nullptr) {
                PyErr_Clear();
                throw py::value_error("source is not valid Unicode (lone surrogate)");
              }
              view = std::string_view(data, static_cast<std::size_t>(size));
              if (o.charset.empty()) o.charset = "utf-8";  // str is text, already decoded
            } else if (PyBytes_Check(source.ptr())) {
              char* data = nullptr;
              Py_ssize_t size = 0;
              if (PyBytes_AsStringAndSize(source.ptr(), &data, &size) != 0) {
                throw py::error_already_set();
              }
              view = std::string_view(data, static_cast<std::size_t>(size));
            } else if (PyByteArray_Check(source.ptr()) || PyMemoryView_Check(source.ptr())) {
              // A private immutable copy.
              keep = py::reinterpret_steal<py::object>(PyBytes_FromObject(source.ptr()));
              if (!keep) throw py::error_already_set();
              char* data = nullptr;
              Py_ssize_t size = 0;
              if (PyBytes_AsStringAndSize(keep.ptr(), &data, &size) != 0) {
                throw py::error_already_set();
              }
              view = std::string_view(data, static_cast<std::size_t>(size));
            } else {
              throw py::type_error("source must be str, bytes or a path, not " +
                                   py::type::handle_of(source).attr("__name__").cast<std::string>());
            }
            StatusOr<Document> doc = [&] {
              py::gil_scoped_release release;
              return self.reader->Read(view, o);
            }();
            return Unwrap(std::move(doc));
          },
          py::arg("source"), py::kw_only(), py::arg("format") = "auto",
          py::arg("lang") = py::none(), py::arg("charset") = py::none(),
          py::arg("max_bytes") = py::none(), py::arg("max_depth") = py::none(),
          py::arg("sentences") = true, py::arg("detect_language") = true,
          "Reads str (text) or bytes (any charset).")
      .def(
          "read_file",
          [](const PyReader& self, const std::string& path, const std::string& format,
             const py::object& lang, const py::object& charset, const py::object& max_bytes,
             const py::object& max_depth, bool sentences, bool detect_language) {
            ReadOptions o =
                MakeOptions(format, lang, charset, max_bytes, max_depth, sentences, detect_language);
            StatusOr<Document> doc = [&] {
              py::gil_scoped_release release;
              return self.reader->ReadFile(path, o);
            }();
            return Unwrap(std::move(doc));
          },
          py::arg("path"), py::kw_only(), py::arg("format") = "auto",
          py::arg("lang") = py::none(), py::arg("charset") = py::none(),
          py::arg("max_bytes") = py::none(), py::arg("max_depth") = py::none(),
          py::arg("sentences") = true, py::arg("detect_language") = true,
          "Reads a file; the format follows the extension when not given.")
      .def("__repr__", [](const PyReader&) { return std::string("Reader()"); });
}

}  // namespace policytext::python
