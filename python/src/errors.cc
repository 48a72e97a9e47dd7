#include "errors.h"

#include <string>

namespace py = pybind11;

namespace policytext::python {
namespace {
PyObject* g_error = nullptr;  // policytext.Error, owned by the module
}  // namespace

void RegisterErrors(py::module_& m) {
  g_error = PyErr_NewException("policytext.Error", PyExc_RuntimeError, nullptr);
  if (g_error == nullptr) throw py::error_already_set();
  m.add_object("Error", py::handle(g_error));
}

void RaiseStatus(const Status& status) {
  PyObject* type = g_error;
  switch (status.code()) {
    case StatusCode::kInvalidArgument: type = PyExc_ValueError; break;
    case StatusCode::kNotFound: type = PyExc_FileNotFoundError; break;
    case StatusCode::kPermissionDenied: type = PyExc_PermissionError; break;
    default: break;
  }
  std::string message = status.message();
  if (type == g_error) message = std::string(StatusCodeName(status.code())) + ": " + message;
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

}  // namespace policytext::python
