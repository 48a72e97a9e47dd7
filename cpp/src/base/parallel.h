// Runs fn(i) for i in [0, n) on up to `threads` threads. fn must not throw;
// work items record their own status. threads <= 0 means hardware threads.
#ifndef POLICYTEXT_SRC_BASE_PARALLEL_H_
#define POLICYTEXT_SRC_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace policytext::internal {

int ResolveThreads(int threads);
void ParallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn);

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_BASE_PARALLEL_H_
