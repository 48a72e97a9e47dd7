// Analysing many documents: a thread pool inside the core, results in input
// order, memory bounded by a window of documents in flight.
//
//   policytext::BatchOptions options{.threads = 2};
//   std::size_t next = 0;
//   policytext::Status s = policytext::AnalyzeStream(
//       **analyzer, options,
//       [&](policytext::BatchItem& item) {   // producer: false when done
//         if (next == paths.size()) return false;
//         item.id = paths[next];
//         item.path = paths[next++];
//         return true;
//       },
//       [&](policytext::BatchResult&& r) {   // consumer: called in input order
//         std::cout << (r.status.ok() ? r.json : r.status.ToString()) << "\n";
//       });
//
// Workers never throw: a failure is recorded in its own BatchResult.
#ifndef POLICYTEXT_BATCH_H_
#define POLICYTEXT_BATCH_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "policytext/analyzer.h"
#include "policytext/document.h"
#include "policytext/status.h"

namespace policytext {

struct BatchItem {
  std::string id;      // reported back unchanged
  std::string source;  // where it came from (path, archive member), for records
  std::string path;    // read from this file when `bytes` is empty and path is set
  std::string bytes;   // the document itself
  std::optional<ReadOptions> options;  // default: the analyzer's
  // Not OK: the input could not even be read (a vanished file, a corrupt archive
  // member); reported as this item's result without analysis.
  Status status;
};

struct BatchResult {
  std::size_t index = 0;  // position in the input
  std::string id;
  std::string source;
  Status status;          // not OK: the document could not be read or analysed
  std::size_t input_bytes = 0;
  double seconds = 0.0;   // time spent on this document
  // What the document states, kept even without the document (for run summaries).
  Summary summary;
  bool looks_like_policy = false;
  std::optional<Document> document;  // kept when BatchOptions::keep_documents
  std::string json;       // the JSON Lines record (without newline) when BatchOptions::json
};

struct BatchOptions {
  int threads = 0;                // <= 0: hardware threads
  std::size_t max_in_flight = 0;  // documents read but not yet consumed; 0: 8 per thread
  bool keep_documents = true;     // fill BatchResult::document
  bool json = false;              // fill BatchResult::json (error records too)
};

// Pulls items from `next` until it returns false, analyses them on the pool and
// hands results to `sink` in input order, on one thread at a time. `next` and
// `sink` are never called concurrently with themselves. Returns non-OK only when
// the run itself could not proceed (never for one bad document).
Status AnalyzeStream(const Analyzer& analyzer, const BatchOptions& options,
                     const std::function<bool(BatchItem&)>& next,
                     const std::function<void(BatchResult&&)>& sink);

// The same over a vector: one result per item, in order.
std::vector<BatchResult> AnalyzeBatch(const Analyzer& analyzer, std::vector<BatchItem> items,
                                      const BatchOptions& options = {});

// The JSON Lines record of a result: the document record (docs/schema.md) with
// the batch fields, or an error record naming the input and the reason.
std::string BatchRecordJson(const BatchResult& result);

}  // namespace policytext

#endif  // POLICYTEXT_BATCH_H_
