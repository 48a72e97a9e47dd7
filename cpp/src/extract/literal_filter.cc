// The literal prefilter: RE2's FilteredRE2 (atoms and the AND/OR tree of each
// regex) and an Aho-Corasick automaton over the atoms, with a dense transition
// table over byte classes.
#include "extract/literal_filter.h"

#include <algorithm>
#include <utility>

namespace policytext::internal {
namespace {

// The top bit of a table entry: atoms end at the target state.
template <typename Entry>
constexpr Entry kHasOutput = Entry{1} << (8 * sizeof(Entry) - 1);

}  // namespace

RE2::ErrorCode LiteralFilter::Add(const std::string& pattern, const RE2::Options& options,
                                  std::string* error) {
  int id = 0;
  const RE2::ErrorCode code = filter_->Add(pattern, options, &id);
  if (code != RE2::NoError && error != nullptr) *error = RE2(pattern, options).error();
  return code;
}

// The trie of the atoms' class strings, states in creation order (root = 0).
struct LiteralFilter::Trie {
  std::vector<std::uint32_t> parent{0}, depth{0};
  std::vector<std::uint8_t> cls{0};                 // of the edge from the parent
  std::vector<std::pair<std::uint32_t, int>> ends;  // (state, atom)
};

// Each atom, in sorted order, adds the states past its common prefix with the
// previous one: no table to grow.
LiteralFilter::Trie LiteralFilter::MakeTrie(const std::vector<std::string>& atoms,
                                            const std::array<std::uint8_t, 256>& class_of) {
  std::vector<std::string> classes(atoms.size());
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    for (unsigned char c : atoms[i]) classes[i] += static_cast<char>(class_of[c]);
  }
  std::vector<std::uint32_t> order(atoms.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return classes[a] < classes[b]; });
  Trie t;
  t.ends.reserve(atoms.size());
  std::vector<std::uint32_t> path(1, 0);  // the previous atom's states, root first
  const std::string* prev = nullptr;
  for (std::uint32_t i : order) {
    const std::string& a = classes[i];
    std::size_t common = 0;
    if (prev != nullptr) {
      while (common < a.size() && common < prev->size() && a[common] == (*prev)[common]) ++common;
    }
    path.resize(common + 1);
    for (std::size_t j = common; j < a.size(); ++j) {
      path.push_back(static_cast<std::uint32_t>(t.parent.size()));
      t.parent.push_back(path[j]);
      t.cls.push_back(static_cast<std::uint8_t>(a[j]));
      t.depth.push_back(static_cast<std::uint32_t>(j + 1));
    }
    t.ends.emplace_back(path[a.size()], static_cast<int>(i));
    prev = &a;
  }
  return t;
}

void LiteralFilter::Compile() {
  std::vector<std::string> atoms;
  if (filter_->NumRegexps() > 0) {
    filter_->Compile(&atoms);
    compiled_ = true;
    filter_->AllPotentials({}, &unfiltered_);
  }
  atoms_ = atoms.size();
  // Byte classes: 0 for bytes in no atom; one shared by the rare ones (not a-z,
  // under 1% of the atoms' bytes: punctuation, digits, rarer accents), which
  // nearly halves the table for 0.4% more candidates on the shipped packs
  // (the automaton then also finds atoms with one rare byte swapped for
  // another: a superset, so still sound); one class for every other byte.
  // ASCII capitals share the class of their lowercase letter.
  std::array<std::size_t, 256> count{};
  std::size_t total = 0;
  for (const std::string& a : atoms) {
    for (unsigned char c : a) ++count[c];
    total += a.size();
  }
  std::array<std::uint8_t, 256> class_of{};
  std::size_t classes = 1, rare = 0;
  for (int c = 0; c < 256; ++c) {
    if (count[c] == 0) continue;
    if ((c < 'a' || c > 'z') && count[c] * 100 < total) {
      if (rare == 0) rare = classes++;
      class_of[c] = static_cast<std::uint8_t>(rare);
    } else {
      class_of[c] = static_cast<std::uint8_t>(classes++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) class_of[c] = class_of[c - 'A' + 'a'];
  const Trie trie = MakeTrie(atoms, class_of);
  next16_.clear();
  next32_.clear();
  if (trie.parent.size() <= 0x8000) {
    Fill(trie, classes, next16_);
  } else {
    Fill(trie, classes, next32_);
  }
  for (int c = 0; c < 256; ++c) {
    column_[c] = static_cast<std::uint32_t>(class_of[c] * trie.parent.size());
  }
}

template <typename Entry>
void LiteralFilter::Fill(const Trie& trie, std::size_t k, std::vector<Entry>& next) {
  const std::size_t n = trie.parent.size();
  // States renumbered breadth-first (by depth): the shallow states, where the
  // scan spends most bytes, are adjacent in every column, and a state's
  // failure state comes before it.
  std::vector<std::uint32_t> id(n), first(2, 0);
  for (std::uint32_t d : trie.depth) {
    if (d + 2 > first.size()) first.resize(d + 2, 0);
    ++first[d + 1];
  }
  for (std::size_t d = 1; d < first.size(); ++d) first[d] += first[d - 1];
  for (std::size_t s = 0; s < n; ++s) id[s] = first[trie.depth[s]]++;
  // Trie edges into the table (0 = no child: the root is nobody's child).
  next.assign(k * n, 0);
  for (std::size_t s = 1; s < n; ++s) {
    next[trie.cls[s] * n + id[trie.parent[s]]] = static_cast<Entry>(id[s]);
  }
  std::vector<std::uint32_t> own_begin(n + 1, 0);
  for (const auto& e : trie.ends) ++own_begin[id[e.first] + 1];
  for (std::size_t s = 0; s < n; ++s) own_begin[s + 1] += own_begin[s];
  std::vector<int> own(trie.ends.size());
  {
    std::vector<std::uint32_t> at(own_begin.begin(), own_begin.end() - 1);
    for (const auto& e : trie.ends) own[at[id[e.first]]++] = e.second;
  }
  // Failure links, breadth-first, from the trie edges alone: the longest
  // proper suffix of a state that is also a state.
  std::vector<std::uint32_t> fail(n, 0), parent(n, 0);
  std::vector<std::uint8_t> cls(n, 0);
  for (std::size_t s = 1; s < n; ++s) {
    parent[id[s]] = id[trie.parent[s]];
    cls[id[s]] = trie.cls[s];
  }
  for (std::size_t v = 1; v < n; ++v) {
    const std::uint32_t u = parent[v];
    if (u == 0) continue;
    const std::size_t col = cls[v] * n;
    std::uint32_t f = fail[u];
    while (f != 0 && next[col + f] == 0) f = fail[f];
    fail[v] = next[col + f];
  }
  // Each state's outputs: its own atoms, then its failure state's (listed
  // already: it is shallower).
  out_begin_.assign(1, 0);
  out_.clear();
  for (std::size_t u = 0; u < n; ++u) {
    out_.insert(out_.end(), own.begin() + own_begin[u], own.begin() + own_begin[u + 1]);
    if (u != 0) {
      for (std::uint32_t i = out_begin_[fail[u]], e = out_begin_[fail[u] + 1]; i < e; ++i) {
        const int a = out_[i];
        out_.push_back(a);
      }
    }
    out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
  }
  // The missing transitions, column by column: those of the failure state
  // (done already, flag included); trie edges get their flag here.
  std::vector<Entry> flag(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    if (out_begin_[u + 1] != out_begin_[u]) flag[u] = kHasOutput<Entry>;
  }
  for (std::size_t c = 0; c < k; ++c) {
    Entry* col = next.data() + c * n;
    col[0] = static_cast<Entry>(col[0] | flag[col[0]]);
    for (std::size_t u = 1; u < n; ++u) {
      const Entry e = col[u];
      col[u] = e == 0 ? col[fail[u]] : static_cast<Entry>(e | flag[e]);
    }
  }
}

template <typename Entry>
void LiteralFilter::Scan(std::string_view text, const std::vector<Entry>& next,
                         std::vector<std::uint64_t>& seen, std::vector<int>& found) const {
  const Entry* table = next.data();
  std::uint32_t s = 0;
  for (unsigned char c : text) {
    const Entry v = table[column_[c] + s];
    s = v & static_cast<Entry>(~kHasOutput<Entry>);
    if ((v & kHasOutput<Entry>) == 0) continue;
    for (std::uint32_t i = out_begin_[s], e = out_begin_[s + 1]; i < e; ++i) {
      const auto a = static_cast<std::size_t>(out_[i]);
      const std::uint64_t bit = std::uint64_t{1} << (a & 63);
      if ((seen[a >> 6] & bit) == 0) {
        seen[a >> 6] |= bit;
        found.push_back(out_[i]);
      }
    }
  }
}

void LiteralFilter::Candidates(std::string_view text, std::vector<int>& out) const {
  out.clear();
  if (!compiled_) return;
  // Each atom found once: one bit per atom, and the list of those set (which
  // also clears the bits afterwards). Per thread, so the filter stays const.
  thread_local std::vector<std::uint64_t> seen;
  thread_local std::vector<int> found;
  if (seen.size() < atoms_ / 64 + 1) seen.resize(atoms_ / 64 + 1, 0);
  found.clear();
  if (!next16_.empty()) {
    Scan(text, next16_, seen, found);
  } else {
    Scan(text, next32_, seen, found);
  }
  for (int a : found) seen[static_cast<std::size_t>(a) >> 6] = 0;
  std::sort(found.begin(), found.end());
  filter_->AllPotentials(found, &out);
  std::sort(out.begin(), out.end());
}

}  // namespace policytext::internal
