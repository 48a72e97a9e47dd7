// policytext/durations.h: ParseDurations and DurationMention. Type conversion
// only; the offsets (code points and bytes) come computed from C++.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <string_view>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "policytext/durations.h"
#include "policytext/text.h"

namespace py = pybind11;

namespace policytext::python {
namespace {

py::dict MentionDict(const DurationMention& d) {
  py::dict out;
  out["text"] = d.text;
  out["start"] = d.span.char_begin;
  out["end"] = d.span.char_end;
  out["byte_start"] = d.span.begin;
  out["byte_end"] = d.span.end;
  out["full_start"] = d.full_span.char_begin;
  out["full_end"] = d.full_span.char_end;
  out["iso"] = d.iso;
  out["qualifier"] = d.qualifier;
  out["range_low"] = d.range_low;
  out["range_high"] = d.range_high;
  out["business_days"] = d.business_days;
  return out;
}

py::tuple MentionState(const DurationMention& d) {
  return py::make_tuple(d.text, d.span.begin, d.span.end, d.span.char_begin, d.span.char_end,
                        d.full_span.begin, d.full_span.end, d.full_span.char_begin,
                        d.full_span.char_end, d.iso, d.qualifier, d.range_low, d.range_high,
                        d.business_days);
}

DurationMention MentionFromState(const py::tuple& t) {
  if (t.size() != 14) throw py::value_error("invalid Duration state");
  DurationMention d;
  d.text = t[0].cast<std::string>();
  d.span = Span{t[1].cast<std::size_t>(), t[2].cast<std::size_t>(), t[3].cast<std::size_t>(),
                t[4].cast<std::size_t>()};
  d.full_span = Span{t[5].cast<std::size_t>(), t[6].cast<std::size_t>(),
                     t[7].cast<std::size_t>(), t[8].cast<std::size_t>()};
  d.iso = t[9].cast<std::string>();
  d.qualifier = t[10].cast<std::string>();
  d.range_low = t[11].cast<bool>();
  d.range_high = t[12].cast<bool>();
  d.business_days = t[13].cast<bool>();
  return d;
}

bool SameMention(const DurationMention& a, const DurationMention& b) {
  return a.text == b.text && a.span == b.span && a.full_span == b.full_span && a.iso == b.iso &&
         a.qualifier == b.qualifier && a.range_low == b.range_low &&
         a.range_high == b.range_high && a.business_days == b.business_days;
}

}  // namespace

void BindDurations(py::module_& m) {
  py::class_<DurationMention>(m, "Duration",
                              "A period in a text: its ISO 8601 value, qualifier and offsets.")
      .def_readonly("text", &DurationMention::text)
      .def_property_readonly("start", [](const DurationMention& d) { return d.span.char_begin; })
      .def_property_readonly("end", [](const DurationMention& d) { return d.span.char_end; })
      .def_property_readonly("byte_start", [](const DurationMention& d) { return d.span.begin; })
      .def_property_readonly("byte_end", [](const DurationMention& d) { return d.span.end; })
      .def_property_readonly("full_start",
                             [](const DurationMention& d) { return d.full_span.char_begin; })
      .def_property_readonly("full_end",
                             [](const DurationMention& d) { return d.full_span.char_end; })
      .def_readonly("iso", &DurationMention::iso)
      .def_readonly("qualifier", &DurationMention::qualifier)
      .def_readonly("range_low", &DurationMention::range_low)
      .def_readonly("range_high", &DurationMention::range_high)
      .def_readonly("business_days", &DurationMention::business_days)
      .def("to_dict", &MentionDict)
      .def("__repr__",
           [](const DurationMention& d) {
             return "Duration(" + std::string(py::repr(py::str(d.text))) + ", iso='" + d.iso +
                    "', qualifier='" + d.qualifier + "', start=" +
                    std::to_string(d.span.char_begin) + ", end=" +
                    std::to_string(d.span.char_end) + ")";
           })
      .def("__eq__", &SameMention)
      .def(py::pickle(&MentionState, &MentionFromState));

  m.def(
      "parse_durations",
      [](const py::str& text, const py::object& lang) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
        if (data == nullptr) {
          PyErr_Clear();
          throw py::value_error("text is not valid Unicode (lone surrogate)");
        }
        Language language = Language::kUnd;
        if (!lang.is_none()) language = Unwrap(ParseLanguage(lang.cast<std::string>()));
        std::vector<DurationMention> out;
        {
          py::gil_scoped_release release;
          out = ParseDurations(std::string_view(data, static_cast<std::size_t>(size)), language);
        }
        return out;
      },
      py::arg("text"), py::arg("lang") = py::none(),
      "The durations in `text` (see policytext.parse_durations).");
}

}  // namespace policytext::python
