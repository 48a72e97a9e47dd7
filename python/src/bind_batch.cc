#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "policytext/batch.h"

namespace py = pybind11;

namespace policytext::python {

void BindBatch(py::module_& m) {
  py::class_<BatchItem>(m, "BatchItem")
      .def(py::init([](std::string id, std::string source, std::string path, py::bytes data,
                       const std::string& format, const std::string& lang,
                       const std::string& error_code, std::string error_message) {
             BatchItem item;
             item.id = std::move(id);
             item.source = std::move(source);
             item.path = std::move(path);
             item.bytes = std::string(data);
             if (!format.empty() || !lang.empty()) {
               ReadOptions options;
               if (!format.empty()) options.format = Unwrap(ParseSourceFormat(format));
               if (!lang.empty()) options.lang = Unwrap(ParseLanguage(lang));
               item.options = options;
             }
             if (!error_code.empty()) {
               item.status = Status(error_code == "NOT_FOUND"           ? StatusCode::kNotFound
                                    : error_code == "PERMISSION_DENIED" ? StatusCode::kPermissionDenied
                                    : error_code == "INVALID_ARGUMENT"  ? StatusCode::kInvalidArgument
                                    : error_code == "DATA_LOSS"         ? StatusCode::kDataLoss
                                                                        : StatusCode::kUnavailable,
                                    std::move(error_message));
             }
             return item;
           }),
           py::kw_only(), py::arg("id"), py::arg("source") = "", py::arg("path") = "",
           py::arg("data") = py::bytes(), py::arg("format") = "", py::arg("lang") = "",
           py::arg("error_code") = "",
           py::arg("error_message") = "");

  py::class_<BatchResult>(m, "BatchResult")
      .def_readonly("index", &BatchResult::index)
      .def_readonly("id", &BatchResult::id)
      .def_readonly("source", &BatchResult::source)
      .def_property_readonly("ok", [](const BatchResult& r) { return r.status.ok(); })
      .def_property_readonly("error_code",
                             [](const BatchResult& r) {
                               return r.status.ok() ? std::string()
                                                    : std::string(StatusCodeName(r.status.code()));
                             })
      .def_property_readonly("error_message",
                             [](const BatchResult& r) { return r.status.message(); })
      .def_readonly("input_bytes", &BatchResult::input_bytes)
      .def_readonly("seconds", &BatchResult::seconds)
      .def_readonly("json", &BatchResult::json)
      .def_readonly("looks_like_policy", &BatchResult::looks_like_policy)
      .def_property_readonly(
          "practices",
          [](const BatchResult& r) {
            py::list out;
            for (const PracticeSummary& p : r.summary.practices) {
              out.append(py::make_tuple(std::string(CategoryName(p.category)),
                                        std::string(StanceName(p.stance)), p.affirmed,
                                        p.negated));
            }
            return out;
          },
          "(category, stance, affirmed clauses, negated clauses) per category.")
      .def_readonly("document", &BatchResult::document);

  m.def(
      "analyze_batch",
      [](const Analyzer& analyzer, std::vector<BatchItem> items, int threads,
         bool keep_documents) {
        BatchOptions options;
        options.threads = threads;
        options.keep_documents = keep_documents;
        options.json = true;
        py::gil_scoped_release release;
        return AnalyzeBatch(analyzer, std::move(items), options);
      },
      py::arg("analyzer"), py::arg("items"), py::kw_only(), py::arg("threads") = 0,
      py::arg("keep_documents") = false,
      "Analyses items on a pool of `threads` (GIL released); one result per item, in order.");
}

}  // namespace policytext::python
