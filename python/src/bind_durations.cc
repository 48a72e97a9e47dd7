#include "bindings.h"
#include "errors.h"

namespace py = pybind11;

namespace policytext::python {

void BindDurations(py::module_& m) {}

}  // namespace policytext::python
