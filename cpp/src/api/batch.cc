// The batch pool: workers pull items, analyse them, and hand results to the
// consumer in input order through a reorder buffer bounded by max_in_flight.
#include "policytext/batch.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <thread>
#include <utility>
#include <vector>

#include "base/parallel.h"
#include "policytext/json.h"

namespace policytext {
namespace {

BatchResult Process(const Analyzer& analyzer, const BatchOptions& options, BatchItem& item,
                    std::size_t index) {
  BatchResult result;
  result.index = index;
  result.id = std::move(item.id);
  result.source = std::move(item.source);
  const auto start = std::chrono::steady_clock::now();
  const ReadOptions& read = item.options ? *item.options : analyzer.options().read;
  if (!item.status.ok()) {
    result.status = std::move(item.status);
    if (options.json) result.json = BatchRecordJson(result);
    return result;
  }
  try {
    StatusOr<Document> doc = Status(InternalError("not analysed"));
    if (item.bytes.empty() && !item.path.empty()) {
      if (result.source.empty()) result.source = item.path;
      doc = analyzer.AnalyzeFile(item.path, read);
    } else {
      result.input_bytes = item.bytes.size();
      doc = analyzer.Analyze(item.bytes, read);
    }
    if (doc.ok()) {
      if (result.input_bytes == 0) result.input_bytes = doc->source_bytes;
      result.summary = doc->summary;
      result.looks_like_policy = doc->policy.looks_like_policy;
      result.document = std::move(doc).value();
    } else {
      result.status = doc.status();
    }
  } catch (const std::bad_alloc&) {
    result.status = ResourceExhaustedError("out of memory while analysing this document");
  } catch (const std::exception& e) {
    result.status = InternalError(std::string("unexpected failure: ") + e.what());
  }
  item.bytes = std::string();  // free the input early
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.json) result.json = BatchRecordJson(result);
  if (!options.keep_documents) result.document.reset();
  return result;
}

}  // namespace

Status AnalyzeStream(const Analyzer& analyzer, const BatchOptions& options,
                     const std::function<bool(BatchItem&)>& next,
                     const std::function<void(BatchResult&&)>& sink) {
  const int threads = internal::ResolveThreads(options.threads);
  const std::size_t window =
      options.max_in_flight > 0 ? options.max_in_flight : static_cast<std::size_t>(8 * threads);

  std::mutex in_mu;  // guards next() and the input counters; taken before out_mu
  bool input_done = false;
  std::size_t next_index = 0;

  std::mutex out_mu;  // guards the reorder buffer and `stop`
  std::condition_variable window_cv;
  std::map<std::size_t, BatchResult> ready;
  std::size_t next_to_emit = 0;
  bool emitting = false;
  bool stop = false;  // a callback threw: take no more input

  std::mutex error_mu;  // guards callback_error; the innermost lock, held briefly
  std::exception_ptr callback_error;  // a throw from next() or sink(), rethrown at the end

  // Called with no lock held but possibly in_mu (lock order in_mu -> out_mu).
  auto fail = [&](std::exception_ptr error) {
    {
      std::lock_guard<std::mutex> lock(error_mu);
      if (!callback_error) callback_error = std::move(error);
    }
    {
      std::lock_guard<std::mutex> lock(out_mu);
      stop = true;
    }
    window_cv.notify_all();
  };

  // Whoever finds the next result ready becomes the single emitter until the
  // buffer has no in-order result left; the check and the hand-over happen under
  // one lock so that no result is left behind. The emitter never takes in_mu,
  // so a worker waiting for the window (holding in_mu) cannot block it.
  auto emit_ready = [&] {
    std::unique_lock<std::mutex> lock(out_mu);
    if (emitting) return;
    emitting = true;
    for (auto it = ready.find(next_to_emit); it != ready.end(); it = ready.find(next_to_emit)) {
      BatchResult result = std::move(it->second);
      ready.erase(it);
      const bool deliver = !stop;
      lock.unlock();
      if (deliver) {
        try {
          sink(std::move(result));
        } catch (...) {
          fail(std::current_exception());
        }
      }
      lock.lock();
      ++next_to_emit;
      window_cv.notify_all();
    }
    emitting = false;
  };

  auto worker = [&] {
    for (;;) {
      BatchItem item;
      std::size_t index = 0;
      {
        std::lock_guard<std::mutex> in_lock(in_mu);
        if (input_done) return;
        {
          std::unique_lock<std::mutex> out_lock(out_mu);
          window_cv.wait(out_lock, [&] { return stop || next_index < next_to_emit + window; });
          if (stop) return;
        }
        try {
          if (!next(item)) {
            input_done = true;
            return;
          }
        } catch (...) {
          input_done = true;
          fail(std::current_exception());
          return;
        }
        index = next_index++;
      }
      BatchResult result = Process(analyzer, options, item, index);
      {
        std::lock_guard<std::mutex> out_lock(out_mu);
        ready.emplace(index, std::move(result));
      }
      emit_ready();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads - 1));
  try {
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  } catch (const std::system_error& e) {
    // Fewer threads than asked: the ones we have (at least this one) finish the job.
  }
  worker();
  for (std::thread& t : pool) t.join();
  if (callback_error) std::rethrow_exception(callback_error);
  return OkStatus();
}

std::vector<BatchResult> AnalyzeBatch(const Analyzer& analyzer, std::vector<BatchItem> items,
                                      const BatchOptions& options) {
  std::vector<BatchResult> results;
  results.reserve(items.size());
  std::size_t next = 0;
  BatchOptions unbounded = options;
  unbounded.max_in_flight = items.size() + 1;  // the caller already holds every input
  Status status = AnalyzeStream(
      analyzer, unbounded,
      [&](BatchItem& item) {
        if (next == items.size()) return false;
        item = std::move(items[next++]);
        return true;
      },
      [&](BatchResult&& result) { results.push_back(std::move(result)); });
  (void)status;  // AnalyzeStream fails only through the callbacks above, which do not throw
  return results;
}

std::string BatchRecordJson(const BatchResult& result) {
  if (result.status.ok() && result.document) {
    JsonOptions json_options;
    json_options.id = result.id;
    json_options.source = result.source;
    return ToJson(*result.document, json_options);
  }
  nlohmann::json record;
  record["schema_version"] = kJsonSchemaVersion;
  record["id"] = result.id;
  record["source"] = result.source;
  record["status"] = "error";
  record["error"] = {{"code", std::string(StatusCodeName(result.status.code()))},
                     {"message", result.status.message()}};
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace policytext
