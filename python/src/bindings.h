#ifndef POLICYTEXT_PYTHON_BINDINGS_H_
#define POLICYTEXT_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <string_view>
#include <vector>

#include "policytext/text.h"

namespace policytext::python {
void BindText(pybind11::module_& m);      // bind_text.cc: policytext/text.h
void BindDocument(pybind11::module_& m);  // bind_document.cc: policytext/document.h
void BindAnalyzer(pybind11::module_& m);  // bind_analyzer.cc: policytext/analyzer.h, clause.h
void BindDurations(pybind11::module_& m); // bind_durations.cc: policytext/durations.h
void BindBatch(pybind11::module_& m);     // bind_batch.cc: policytext/batch.h

// bind_text.cc: Sentence objects (text cut from `text`) for a Document's sentences.
pybind11::list SentencesToPython(std::string_view text, const std::vector<Sentence>& sentences);
}  // namespace policytext::python

#endif  // POLICYTEXT_PYTHON_BINDINGS_H_
