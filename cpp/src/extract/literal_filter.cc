// The literal prefilter: RE2's FilteredRE2 (atoms and the AND/OR tree of each
// regex) and an Aho-Corasick automaton over the atoms, with a dense transition
// table over byte classes.
#include "extract/literal_filter.h"

#include <algorithm>
#include <utility>

namespace policytext::internal {

RE2::ErrorCode LiteralFilter::Add(const std::string& pattern, const RE2::Options& options,
                                  std::string* error) {
  int id = 0;
  const RE2::ErrorCode code = filter_->Add(pattern, options, &id);
  if (code != RE2::NoError && error != nullptr) *error = RE2(pattern, options).error();
  return code;
}

void LiteralFilter::Compile() {
  std::vector<std::string> atoms;
  if (filter_->NumRegexps() > 0) {
    filter_->Compile(&atoms);
    compiled_ = true;
    filter_->AllPotentials({}, &unfiltered_);
  }
  atoms_ = atoms.size();
  // Byte classes: one per byte that occurs in some atom; ASCII capitals share
  // the class of their lowercase letter.
  class_of_.fill(0);
  classes_ = 1;
  for (const std::string& a : atoms) {
    for (unsigned char c : a) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint8_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c - 'A' + 'a'];
  const std::size_t k = static_cast<std::size_t>(classes_);

  // The trie (0 = no child while building; the root, state 0, is nobody's child).
  next_.assign(k, 0);
  std::vector<std::vector<int>> outs(1);
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    std::uint32_t s = 0;
    for (unsigned char c : atoms[i]) {
      if (next_[s * k + class_of_[c]] == 0) {
        next_[s * k + class_of_[c]] = static_cast<std::uint32_t>(outs.size());
        outs.emplace_back();
        next_.resize(next_.size() + k, 0);
      }
      s = next_[s * k + class_of_[c]];
    }
    outs[s].push_back(static_cast<int>(i));
  }
  // Breadth-first: failure links, the full transition function and, per
  // state, every atom that ends there (its suffixes included).
  std::vector<std::uint32_t> fail(outs.size(), 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(outs.size());
  for (std::size_t c = 0; c < k; ++c) {
    if (const std::uint32_t v = next_[c]; v != 0) queue.push_back(v);
  }
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    const std::uint32_t u = queue[qi];
    for (std::size_t c = 0; c < k; ++c) {
      const std::uint32_t v = next_[u * k + c];
      if (v != 0) {
        fail[v] = next_[fail[u] * k + c];
        outs[v].insert(outs[v].end(), outs[fail[v]].begin(), outs[fail[v]].end());
        queue.push_back(v);
      } else {
        next_[u * k + c] = next_[fail[u] * k + c];
      }
    }
  }
  out_begin_.assign(1, 0);
  out_.clear();
  for (std::vector<int>& o : outs) {
    std::sort(o.begin(), o.end());
    o.erase(std::unique(o.begin(), o.end()), o.end());
    out_.insert(out_.end(), o.begin(), o.end());
    out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
  }
  // Transitions hold the target's row offset (state * classes), with kHasOutput
  // set when atoms end there: the scan does one load per byte.
  for (std::uint32_t& v : next_) {
    const bool has_output = out_begin_[v + 1] != out_begin_[v];
    v = static_cast<std::uint32_t>(v * k) | (has_output ? kHasOutput : 0);
  }
}

void LiteralFilter::Candidates(std::string_view text, std::vector<int>& out) const {
  out.clear();
  if (!compiled_) return;
  const std::size_t k = static_cast<std::size_t>(classes_);
  // Each atom found once: one bit per atom, and the list of those set (which
  // also clears the bits afterwards). Per thread, so the filter stays const.
  thread_local std::vector<std::uint64_t> seen;
  thread_local std::vector<int> found;
  if (seen.size() < atoms_ / 64 + 1) seen.resize(atoms_ / 64 + 1, 0);
  found.clear();
  std::uint32_t row = 0;
  for (unsigned char c : text) {
    const std::uint32_t v = next_[row + class_of_[c]];
    row = v & ~kHasOutput;
    if ((v & kHasOutput) == 0) continue;
    const std::size_t s = row / k;
    for (std::uint32_t i = out_begin_[s], e = out_begin_[s + 1]; i < e; ++i) {
      const auto a = static_cast<std::size_t>(out_[i]);
      const std::uint64_t bit = std::uint64_t{1} << (a & 63);
      if ((seen[a >> 6] & bit) == 0) {
        seen[a >> 6] |= bit;
        found.push_back(out_[i]);
      }
    }
  }
  for (int a : found) seen[static_cast<std::size_t>(a) >> 6] = 0;
  std::sort(found.begin(), found.end());
  filter_->AllPotentials(found, &out);
  std::sort(out.begin(), out.end());
}

}  // namespace policytext::internal
