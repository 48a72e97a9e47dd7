// The one place where a Status becomes a Python exception.
#ifndef POLICYTEXT_PYTHON_ERRORS_H_
#define POLICYTEXT_PYTHON_ERRORS_H_

#include <pybind11/pybind11.h>

#include <utility>

#include "policytext/status.h"

namespace policytext::python {

// Creates policytext._core.Error (re-exported as policytext.Error).
void RegisterErrors(pybind11::module_& m);

// InvalidArgument -> ValueError, NotFound -> FileNotFoundError,
// PermissionDenied -> PermissionError, anything else -> policytext.Error.
[[noreturn]] void RaiseStatus(const Status& status);

inline void ThrowIfError(const Status& status) {
  if (!status.ok()) RaiseStatus(status);
}

template <typename T>
T Unwrap(StatusOr<T>&& result) {
  if (!result.ok()) RaiseStatus(result.status());
  return std::move(result).value();
}

}  // namespace policytext::python

#endif  // POLICYTEXT_PYTHON_ERRORS_H_
