// The library's version, as "MAJOR.MINOR.PATCH".
//
//   std::cout << policytext::Version() << "\n";
#ifndef POLICYTEXT_VERSION_H_
#define POLICYTEXT_VERSION_H_

#include <string_view>

namespace policytext {
std::string_view Version();
}  // namespace policytext

#endif  // POLICYTEXT_VERSION_H_
