// policytext._core: type conversion only. Each bind_*.cc file covers one public
// header; the pure-Python package re-exports what users should see.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "errors.h"
#include "policytext/version.h"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "Private extension of the policytext package; import policytext instead.";
  m.attr("__version__") = std::string(policytext::Version());
  policytext::python::RegisterErrors(m);
  policytext::python::BindText(m);
  policytext::python::BindDocument(m);
  policytext::python::BindAnalyzer(m);
  policytext::python::BindDurations(m);
  policytext::python::BindBatch(m);
}
