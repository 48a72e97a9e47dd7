// policytext/text.h: TextEngine and its result types. Type conversion only:
// str/bytes -> UTF-8 view, C++ results -> small read-only Python objects whose
// `.text` is cut from the caller's bytes here, in C++.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "policytext/text.h"

namespace py = pybind11;

namespace policytext::python {
namespace {

// A Python str (encoded to UTF-8 by CPython, cached on the object) or bytes.
// The view stays valid while `owner` is alive. Lone surrogates: ValueError.
struct Utf8Arg {
  py::object owner;
  std::string_view view;
  bool from_bytes = false;
};

Utf8Arg ToUtf8(const py::handle& obj, const char* what = "text") {
  Utf8Arg arg;
  arg.owner = py::reinterpret_borrow<py::object>(obj);
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data == nullptr) {
      PyErr_Clear();
      // Find the offending code point for the message.
      const Py_ssize_t n = PyUnicode_GetLength(obj.ptr());
      Py_ssize_t at = -1;
      for (Py_ssize_t i = 0; i < n; ++i) {
        const Py_UCS4 c = PyUnicode_ReadChar(obj.ptr(), i);
        if (c >= 0xD800 && c <= 0xDFFF) {
          at = i;
          break;
        }
      }
      throw py::value_error(std::string(what) + " is not valid Unicode: lone surrogate at index " +
                            std::to_string(at));
    }
    arg.view = std::string_view(data, static_cast<std::size_t>(size));
  } else if (PyBytes_Check(obj.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(obj.ptr(), &data, &size) != 0) throw py::error_already_set();
    arg.view = std::string_view(data, static_cast<std::size_t>(size));
    arg.from_bytes = true;
  } else {
    throw py::type_error(std::string(what) + " must be str or bytes, not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  return arg;
}

// The text of a span, decoded with replacement (bytes input may be invalid).
std::string SpanText(std::string_view text, const Span& span, bool maybe_invalid) {
  if (span.end > text.size() || span.begin > span.end) return std::string();
  std::string_view piece = text.substr(span.begin, span.end - span.begin);
  if (!maybe_invalid) return std::string(piece);
  // Decoded by Python's codec with "replace": the same maximal-subpart policy
  // as the library, so code-point offsets agree with the decoded text.
  py::gil_scoped_acquire gil;
  py::object decoded = py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(piece.data(), static_cast<Py_ssize_t>(piece.size()), "replace"));
  if (!decoded) throw py::error_already_set();
  return decoded.cast<std::string>();
}

Language LangArg(const py::object& lang) {
  if (lang.is_none()) return Language::kUnd;
  return Unwrap(ParseLanguage(lang.cast<std::string>()));
}

std::string Quote(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

// ---- Result types ----------------------------------------------------------

struct PyToken {
  std::string text;
  Token token;
};

struct PyTokenList {
  std::vector<PyToken> tokens;
  std::size_t invalid_utf8 = 0;
};

struct PySpan {
  std::string text;
  Span span;
};

struct PySentence {
  std::string text;
  Span span;
  std::vector<PySpan> clauses;
  std::int64_t block = -1;
};

// Offsets as numpy arrays, without one Python object per token.
struct PyTokenArrays {
  std::shared_ptr<TokenOffsets> offsets;
};

PyTokenList MakeTokenList(std::string_view text, bool maybe_invalid, TokenList&& list) {
  PyTokenList out;
  out.invalid_utf8 = list.invalid_utf8;
  out.tokens.reserve(list.tokens.size());
  const bool replace = maybe_invalid && list.invalid_utf8 > 0;
  for (Token& t : list.tokens) {
    out.tokens.push_back(PyToken{SpanText(text, t.span, replace), std::move(t)});
  }
  return out;
}

std::vector<PySentence> MakeSentences(std::string_view text, bool maybe_invalid,
                                      SentenceList&& list) {
  std::vector<PySentence> out;
  out.reserve(list.sentences.size());
  const bool replace = maybe_invalid && list.invalid_utf8 > 0;
  for (Sentence& s : list.sentences) {
    PySentence ps;
    ps.text = SpanText(text, s.span, replace);
    ps.span = s.span;
    ps.block = s.block;
    for (const Span& c : s.clauses) ps.clauses.push_back(PySpan{SpanText(text, c, replace), c});
    out.push_back(std::move(ps));
  }
  return out;
}

py::dict SpanDict(const std::string& text, const Span& s) {
  py::dict d;
  d["text"] = text;
  d["start"] = s.char_begin;
  d["end"] = s.char_end;
  d["byte_start"] = s.begin;
  d["byte_end"] = s.end;
  return d;
}

py::dict TokenDict(const PyToken& t) {
  py::dict d = SpanDict(t.text, t.token.span);
  d["kind"] = std::string(TokenKindName(t.token.kind));
  d["norm"] = t.token.norm;
  return d;
}

py::tuple SpanState(const Span& s) {
  return py::make_tuple(s.begin, s.end, s.char_begin, s.char_end);
}
Span SpanFromState(const py::tuple& t) {
  if (t.size() != 4) throw py::value_error("bad Span state");
  return Span{t[0].cast<std::size_t>(), t[1].cast<std::size_t>(), t[2].cast<std::size_t>(),
              t[3].cast<std::size_t>()};
}

TokenKind KindFromName(const std::string& name) {
  for (int k = 0; k <= static_cast<int>(TokenKind::kSymbol); ++k) {
    if (TokenKindName(static_cast<TokenKind>(k)) == name) return static_cast<TokenKind>(k);
  }
  throw py::value_error("unknown token kind '" + name + "'");
}

py::tuple TokenState(const PyToken& t) {
  return py::make_tuple(t.text, SpanState(t.token.span),
                        std::string(TokenKindName(t.token.kind)), t.token.norm);
}
PyToken TokenFromState(const py::tuple& t) {
  if (t.size() != 4) throw py::value_error("bad Token state");
  PyToken out;
  out.text = t[0].cast<std::string>();
  out.token.span = SpanFromState(t[1].cast<py::tuple>());
  out.token.kind = KindFromName(t[2].cast<std::string>());
  out.token.norm = t[3].cast<std::string>();
  return out;
}

std::string SpanRepr(const char* type, const std::string& text, const Span& s) {
  std::ostringstream os;
  std::string shown = text.size() > 60 ? text.substr(0, 57) : text;
  // Do not cut inside a UTF-8 sequence.
  while (!shown.empty() && shown.size() < text.size() &&
         (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) {
    shown.pop_back();
  }
  if (!shown.empty() && shown.size() < text.size() &&
      static_cast<unsigned char>(shown.back()) >= 0xC0) {
    shown.pop_back();
  }
  os << type << "(" << Quote(shown) << (shown.size() < text.size() ? "..." : "") << ", "
     << s.char_begin << ":" << s.char_end;
  return os.str();
}

template <typename T>
py::array_t<T> VectorArray(std::shared_ptr<TokenOffsets> owner, const T* data, std::size_t n) {
  // The array views the vector; the capsule keeps the TokenOffsets alive.
  auto* keep = new std::shared_ptr<TokenOffsets>(std::move(owner));
  py::capsule base(keep, [](void* p) { delete static_cast<std::shared_ptr<TokenOffsets>*>(p); });
  py::array_t<T> array({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))},
                       data, base);
  array.attr("flags").attr("writeable") = false;
  return array;
}

py::array_t<std::int64_t> OffsetArray(const std::shared_ptr<TokenOffsets>& owner,
                                      const std::vector<std::uint64_t>& v) {
  // Offsets fit in 63 bits; int64 is friendlier to arithmetic in numpy.
  return VectorArray<std::int64_t>(owner, reinterpret_cast<const std::int64_t*>(v.data()),
                                   v.size());
}

py::tuple ArraysState(const PyTokenArrays& a) {
  const TokenOffsets& o = *a.offsets;
  return py::make_tuple(py::bytes(reinterpret_cast<const char*>(o.begin.data()),
                                  o.begin.size() * sizeof(std::uint64_t)),
                        py::bytes(reinterpret_cast<const char*>(o.end.data()),
                                  o.end.size() * sizeof(std::uint64_t)),
                        py::bytes(reinterpret_cast<const char*>(o.char_begin.data()),
                                  o.char_begin.size() * sizeof(std::uint64_t)),
                        py::bytes(reinterpret_cast<const char*>(o.char_end.data()),
                                  o.char_end.size() * sizeof(std::uint64_t)),
                        py::bytes(reinterpret_cast<const char*>(o.kind.data()), o.kind.size()),
                        o.invalid_utf8);
}

std::vector<std::uint64_t> U64FromBytes(const py::bytes& b) {
  const std::string s = b;
  if (s.size() % sizeof(std::uint64_t) != 0) throw py::value_error("bad TokenArrays state");
  std::vector<std::uint64_t> v(s.size() / sizeof(std::uint64_t));
  if (!v.empty()) std::memcpy(v.data(), s.data(), s.size());
  return v;
}

PyTokenArrays ArraysFromState(const py::tuple& t) {
  if (t.size() != 6) throw py::value_error("bad TokenArrays state");
  auto o = std::make_shared<TokenOffsets>();
  o->begin = U64FromBytes(t[0].cast<py::bytes>());
  o->end = U64FromBytes(t[1].cast<py::bytes>());
  o->char_begin = U64FromBytes(t[2].cast<py::bytes>());
  o->char_end = U64FromBytes(t[3].cast<py::bytes>());
  const std::string kinds = t[4].cast<py::bytes>();
  o->kind.assign(kinds.begin(), kinds.end());
  o->invalid_utf8 = t[5].cast<std::size_t>();
  const std::size_t n = o->begin.size();
  if (o->end.size() != n || o->char_begin.size() != n || o->char_end.size() != n ||
      o->kind.size() != n) {
    throw py::value_error("bad TokenArrays state");
  }
  return PyTokenArrays{std::move(o)};
}

// ---- The engine ------------------------------------------------------------

struct PyTextEngine {
  std::shared_ptr<const TextEngine> engine;
};

PyTextEngine CreateEngine() {
  StatusOr<std::shared_ptr<const TextEngine>> created = [] {
    py::gil_scoped_release release;
    return TextEngine::Create();
  }();
  return PyTextEngine{Unwrap(std::move(created))};
}

}  // namespace

void BindText(py::module_& m) {
  py::class_<PySpan>(m, "Span", "A piece of the input: code-point and byte offsets, and its text.")
      .def_readonly("text", &PySpan::text)
      .def_property_readonly("start", [](const PySpan& s) { return s.span.char_begin; })
      .def_property_readonly("end", [](const PySpan& s) { return s.span.char_end; })
      .def_property_readonly("byte_start", [](const PySpan& s) { return s.span.begin; })
      .def_property_readonly("byte_end", [](const PySpan& s) { return s.span.end; })
      .def("to_dict", [](const PySpan& s) { return SpanDict(s.text, s.span); })
      .def("__repr__", [](const PySpan& s) { return SpanRepr("Span", s.text, s.span) + ")"; })
      .def("__eq__", [](const PySpan& a, const PySpan& b) {
        return a.text == b.text && a.span == b.span;
      }, py::is_operator())
      .def(py::pickle([](const PySpan& s) { return py::make_tuple(s.text, SpanState(s.span)); },
                      [](const py::tuple& t) {
                        if (t.size() != 2) throw py::value_error("bad Span state");
                        return PySpan{t[0].cast<std::string>(),
                                      SpanFromState(t[1].cast<py::tuple>())};
                      }));

  py::class_<PyToken>(m, "Token",
                      "One token. start/end are code points (text[t.start:t.end] == t.text), "
                      "byte_start/byte_end UTF-8 bytes.")
      .def_readonly("text", &PyToken::text)
      .def_property_readonly("start", [](const PyToken& t) { return t.token.span.char_begin; })
      .def_property_readonly("end", [](const PyToken& t) { return t.token.span.char_end; })
      .def_property_readonly("byte_start", [](const PyToken& t) { return t.token.span.begin; })
      .def_property_readonly("byte_end", [](const PyToken& t) { return t.token.span.end; })
      .def_property_readonly(
          "kind", [](const PyToken& t) { return std::string(TokenKindName(t.token.kind)); },
          "'word', 'number', 'punctuation', 'url', 'email' or 'symbol'")
      .def_property_readonly("norm", [](const PyToken& t) { return t.token.norm; },
                             "NFC, case-folded, apostrophes unified, NBSP as a space")
      .def("to_dict", &TokenDict)
      .def("__repr__",
           [](const PyToken& t) {
             return SpanRepr("Token", t.text, t.token.span) + ", " +
                    std::string(TokenKindName(t.token.kind)) + ")";
           })
      .def("__eq__",
           [](const PyToken& a, const PyToken& b) {
             return a.text == b.text && a.token.span == b.token.span &&
                    a.token.kind == b.token.kind && a.token.norm == b.token.norm;
           }, py::is_operator())
      .def(py::pickle(&TokenState, &TokenFromState));

  py::class_<PyTokenList>(m, "TokenList", "The tokens of one text, a read-only sequence.")
      .def("__len__", [](const PyTokenList& l) { return l.tokens.size(); })
      .def(
          "__iter__",
          [](const PyTokenList& l) { return py::make_iterator(l.tokens.begin(), l.tokens.end()); },
          py::keep_alive<0, 1>())
      .def("__getitem__",
           [](const PyTokenList& l, py::ssize_t i) {
             const auto n = static_cast<py::ssize_t>(l.tokens.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("token index out of range");
             return l.tokens[static_cast<std::size_t>(i)];
           })
      .def("__getitem__",
           [](const PyTokenList& l, const py::slice& slice) {
             std::size_t start = 0, stop = 0, step = 0, length = 0;
             if (!slice.compute(l.tokens.size(), &start, &stop, &step, &length)) {
               throw py::error_already_set();
             }
             py::list out;
             for (std::size_t k = 0; k < length; ++k, start += step) {
               out.append(py::cast(l.tokens[start]));
             }
             return out;
           })
      .def_readonly("invalid_utf8", &PyTokenList::invalid_utf8,
                    "Invalid UTF-8 sequences in the input (read as U+FFFD)")
      .def("to_dict",
           [](const PyTokenList& l) {
             py::list tokens;
             for (const PyToken& t : l.tokens) tokens.append(TokenDict(t));
             py::dict d;
             d["tokens"] = tokens;
             d["invalid_utf8"] = l.invalid_utf8;
             return d;
           })
      .def("__repr__",
           [](const PyTokenList& l) {
             std::ostringstream os;
             os << "TokenList(" << l.tokens.size() << " tokens";
             if (l.invalid_utf8 > 0) os << ", invalid_utf8=" << l.invalid_utf8;
             os << ")";
             return os.str();
           })
      .def(py::pickle(
          [](const PyTokenList& l) {
            py::list tokens;
            for (const PyToken& t : l.tokens) tokens.append(TokenState(t));
            return py::make_tuple(tokens, l.invalid_utf8);
          },
          [](const py::tuple& t) {
            if (t.size() != 2) throw py::value_error("bad TokenList state");
            PyTokenList l;
            for (const py::handle& h : t[0].cast<py::list>()) {
              l.tokens.push_back(TokenFromState(h.cast<py::tuple>()));
            }
            l.invalid_utf8 = t[1].cast<std::size_t>();
            return l;
          }));

  py::class_<PyTokenArrays>(m, "TokenArrays",
                            "Token offsets as read-only numpy arrays (int64 offsets, uint8 kind "
                            "codes; KIND_NAMES[code] gives the name).")
      .def_property_readonly("start",
                             [](const PyTokenArrays& a) {
                               return OffsetArray(a.offsets, a.offsets->char_begin);
                             })
      .def_property_readonly(
          "end", [](const PyTokenArrays& a) { return OffsetArray(a.offsets, a.offsets->char_end); })
      .def_property_readonly(
          "byte_start", [](const PyTokenArrays& a) { return OffsetArray(a.offsets, a.offsets->begin); })
      .def_property_readonly(
          "byte_end", [](const PyTokenArrays& a) { return OffsetArray(a.offsets, a.offsets->end); })
      .def_property_readonly("kind",
                             [](const PyTokenArrays& a) {
                               return VectorArray<std::uint8_t>(a.offsets, a.offsets->kind.data(),
                                                                a.offsets->kind.size());
                             })
      .def_property_readonly("invalid_utf8",
                             [](const PyTokenArrays& a) { return a.offsets->invalid_utf8; })
      .def_property_readonly_static("KIND_NAMES",
                                    [](const py::object&) {
                                      py::tuple names(6);
                                      for (int k = 0; k < 6; ++k) {
                                        names[static_cast<std::size_t>(k)] = py::str(std::string(
                                            TokenKindName(static_cast<TokenKind>(k))));
                                      }
                                      return names;
                                    })
      .def("__len__", [](const PyTokenArrays& a) { return a.offsets->begin.size(); })
      .def("to_dict",
           [](const PyTokenArrays& a) {
             const TokenOffsets& o = *a.offsets;
             py::dict d;
             d["start"] = o.char_begin;
             d["end"] = o.char_end;
             d["byte_start"] = o.begin;
             d["byte_end"] = o.end;
             py::list kinds;
             for (std::uint8_t k : o.kind) {
               kinds.append(std::string(TokenKindName(static_cast<TokenKind>(k))));
             }
             d["kind"] = kinds;
             d["invalid_utf8"] = o.invalid_utf8;
             return d;
           })
      .def("__repr__",
           [](const PyTokenArrays& a) {
             return "TokenArrays(" + std::to_string(a.offsets->begin.size()) + " tokens)";
           })
      .def(py::pickle(&ArraysState, &ArraysFromState));

  py::class_<PySentence>(m, "Sentence",
                         "One sentence: code-point and byte offsets, its text, and its clauses "
                         "(a list of Span; one clause equal to the sentence when unsplit).")
      .def_readonly("text", &PySentence::text)
      .def_property_readonly("start", [](const PySentence& s) { return s.span.char_begin; })
      .def_property_readonly("end", [](const PySentence& s) { return s.span.char_end; })
      .def_property_readonly("byte_start", [](const PySentence& s) { return s.span.begin; })
      .def_property_readonly("byte_end", [](const PySentence& s) { return s.span.end; })
      .def_readonly("clauses", &PySentence::clauses)
      .def_readonly("block", &PySentence::block, "Index of the Document block; -1 outside one")
      .def("to_dict",
           [](const PySentence& s) {
             py::dict d = SpanDict(s.text, s.span);
             py::list clauses;
             for (const PySpan& c : s.clauses) clauses.append(SpanDict(c.text, c.span));
             d["clauses"] = clauses;
             d["block"] = s.block;
             return d;
           })
      .def("__repr__",
           [](const PySentence& s) {
             std::string r = SpanRepr("Sentence", s.text, s.span);
             if (s.clauses.size() > 1) r += ", " + std::to_string(s.clauses.size()) + " clauses";
             return r + ")";
           })
      .def(py::pickle(
          [](const PySentence& s) {
            py::list clauses;
            for (const PySpan& c : s.clauses) clauses.append(py::make_tuple(c.text, SpanState(c.span)));
            return py::make_tuple(s.text, SpanState(s.span), clauses, s.block);
          },
          [](const py::tuple& t) {
            if (t.size() != 4) throw py::value_error("bad Sentence state");
            PySentence s;
            s.text = t[0].cast<std::string>();
            s.span = SpanFromState(t[1].cast<py::tuple>());
            for (const py::handle& h : t[2].cast<py::list>()) {
              auto c = h.cast<py::tuple>();
              s.clauses.push_back(
                  PySpan{c[0].cast<std::string>(), SpanFromState(c[1].cast<py::tuple>())});
            }
            s.block = t[3].cast<std::int64_t>();
            return s;
          }));

  py::class_<LanguageGuess>(m, "LanguageGuess", "'fr', 'en' or 'und', with a confidence in 0..1.")
      .def_property_readonly("lang",
                             [](const LanguageGuess& g) { return std::string(LanguageCode(g.lang)); })
      .def_readonly("confidence", &LanguageGuess::confidence)
      .def("to_dict",
           [](const LanguageGuess& g) {
             py::dict d;
             d["lang"] = std::string(LanguageCode(g.lang));
             d["confidence"] = g.confidence;
             return d;
           })
      .def("__repr__",
           [](const LanguageGuess& g) {
             std::ostringstream os;
             os << "LanguageGuess('" << LanguageCode(g.lang) << "', " << g.confidence << ")";
             return os.str();
           })
      .def("__eq__", [](const LanguageGuess& a, const LanguageGuess& b) {
        return a.lang == b.lang && a.confidence == b.confidence;
      }, py::is_operator())
      .def(py::pickle(
          [](const LanguageGuess& g) {
            return py::make_tuple(std::string(LanguageCode(g.lang)), g.confidence);
          },
          [](const py::tuple& t) {
            if (t.size() != 2) throw py::value_error("bad LanguageGuess state");
            LanguageGuess g;
            g.lang = Unwrap(ParseLanguage(t[0].cast<std::string>()));
            g.confidence = t[1].cast<double>();
            return g;
          }));

  py::class_<PyTextEngine>(
      m, "TextEngine",
      "Tokens, sentences and language for French and English. Build once and share: every "
      "method is thread-safe and releases the GIL. Text is str or UTF-8 bytes; lang is "
      "'fr', 'en', 'und' or None (detect).")
      .def(py::init(&CreateEngine))
      .def(
          "tokenize",
          [](const PyTextEngine& e, const py::object& text, const py::object& lang) {
            const Utf8Arg arg = ToUtf8(text);
            const Language l = LangArg(lang);
            py::gil_scoped_release release;
            StatusOr<TokenList> result = e.engine->Tokenize(arg.view, l);
            if (!result.ok()) {
              py::gil_scoped_acquire gil;
              RaiseStatus(result.status());
            }
            return MakeTokenList(arg.view, arg.from_bytes, std::move(result).value());
          },
          py::arg("text"), py::arg("lang") = py::none())
      .def(
          "tokenize_offsets",
          [](const PyTextEngine& e, const py::object& text, const py::object& lang) {
            const Utf8Arg arg = ToUtf8(text);
            const Language l = LangArg(lang);
            StatusOr<TokenOffsets> result = [&] {
              py::gil_scoped_release release;
              return e.engine->TokenizeOffsets(arg.view, l);
            }();
            return PyTokenArrays{std::make_shared<TokenOffsets>(Unwrap(std::move(result)))};
          },
          py::arg("text"), py::arg("lang") = py::none())
      .def(
          "tokenize_batch",
          [](const PyTextEngine& e, const py::sequence& texts, const py::object& lang,
             const py::object& threads) {
            std::vector<Utf8Arg> args;
            args.reserve(texts.size());
            for (std::size_t i = 0; i < texts.size(); ++i) {
              py::object item = texts[i];
              args.push_back(ToUtf8(item, ("texts[" + std::to_string(i) + "]").c_str()));
            }
            const Language l = LangArg(lang);
            const int n_threads = threads.is_none() ? 0 : threads.cast<int>();
            std::vector<std::string_view> views;
            views.reserve(args.size());
            for (const Utf8Arg& a : args) views.push_back(a.view);
            std::vector<PyTokenList> out;
            Status first_error;
            {
              py::gil_scoped_release release;
              std::vector<StatusOr<TokenList>> results = e.engine->TokenizeBatch(views, l, n_threads);
              out.reserve(results.size());
              for (std::size_t i = 0; i < results.size(); ++i) {
                if (!results[i].ok()) {
                  if (first_error.ok()) {
                    first_error = Status(results[i].status().code(),
                                         "texts[" + std::to_string(i) + "]: " +
                                             results[i].status().message());
                  }
                  out.emplace_back();
                  continue;
                }
                out.push_back(MakeTokenList(views[i], args[i].from_bytes,
                                            std::move(results[i]).value()));
              }
            }
            ThrowIfError(first_error);
            return out;
          },
          py::arg("texts"), py::arg("lang") = py::none(), py::arg("threads") = py::none(),
          "One TokenList per text, in order, computed on `threads` threads (None: all cores) "
          "with the GIL released. Every text is checked before any work starts; if the "
          "library fails on one text, the error is raised after the whole batch has run.")
      .def(
          "sentences",
          [](const PyTextEngine& e, const py::object& text, const py::object& lang) {
            const Utf8Arg arg = ToUtf8(text);
            const Language l = LangArg(lang);
            py::gil_scoped_release release;
            StatusOr<SentenceList> result = e.engine->Sentences(arg.view, l);
            if (!result.ok()) {
              py::gil_scoped_acquire gil;
              RaiseStatus(result.status());
            }
            return MakeSentences(arg.view, arg.from_bytes, std::move(result).value());
          },
          py::arg("text"), py::arg("lang") = py::none())
      .def(
          "detect_language",
          [](const PyTextEngine& e, const py::object& text) {
            const Utf8Arg arg = ToUtf8(text);
            py::gil_scoped_release release;
            return e.engine->DetectLanguage(arg.view);
          },
          py::arg("text"))
      .def(
          "normalize",
          [](const PyTextEngine& e, const py::object& text) {
            const Utf8Arg arg = ToUtf8(text);
            std::string out;
            {
              py::gil_scoped_release release;
              out = e.engine->Normalize(arg.view);
            }
            return py::str(out);
          },
          py::arg("text"),
          "The matching form: NFC, case-folded, apostrophes unified, NBSP and narrow NBSP as "
          "spaces.")
      .def("__repr__", [](const PyTextEngine&) { return std::string("TextEngine()"); })
      .def(py::pickle([](const PyTextEngine&) { return py::tuple(); },
                      [](const py::tuple&) { return CreateEngine(); }));
}

// For bind_document.cc: a Document's sentences as the Sentence objects above.
py::list SentencesToPython(std::string_view text, const std::vector<Sentence>& sentences) {
  SentenceList list;
  list.sentences = sentences;
  py::list out;
  for (PySentence& s : MakeSentences(text, false, std::move(list))) out.append(py::cast(std::move(s)));
  return out;
}

}  // namespace policytext::python
