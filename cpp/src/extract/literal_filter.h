// A literal prefilter for many regexes. For each regex, RE2's FilteredRE2
// computes "atoms": literal strings such that every text the regex matches
// contains at least one of them (a regex without such literals always passes).
// All atoms of all regexes are searched at once with an Aho-Corasick automaton
// (one table lookup per byte), so the cost per text does not grow with the
// number or the shape of the patterns ({gap}, Unicode classes), unlike one big
// RE2::Set whose lazily built DFA explodes into states on such patterns.
//
//   LiteralFilter f;
//   f.Add("{b}partag\\p{L}*", options);     // regex 0
//   f.Compile();
//   std::vector<int> ids;
//   f.Candidates(text, ids);  // the regexes that may match; confirm each with f.regex(id)
#ifndef POLICYTEXT_SRC_EXTRACT_LITERAL_FILTER_H_
#define POLICYTEXT_SRC_EXTRACT_LITERAL_FILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <array>
#include <memory>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policytext::internal {

class LiteralFilter {
 public:
  // Atoms shorter than `min_atom_len` bytes are not searched: FilteredRE2 then
  // treats that part of a regex as "anything", which keeps the filter sound.
  // One- and two-byte atoms ("e", " ", "to") occur in every sentence and cost
  // more to collect than the confirmations they save.
  explicit LiteralFilter(int min_atom_len = 3)
      : filter_(std::make_unique<re2::FilteredRE2>(min_atom_len)) {}

  // Adds and compiles a regex (index = number of earlier Adds). Returns RE2's
  // error code: NoError, or the reason RE2 rejects the pattern
  // (ErrorPatternTooLarge when it does not fit options.max_mem), with RE2's
  // message in `error`.
  RE2::ErrorCode Add(const std::string& pattern, const RE2::Options& options,
                     std::string* error);
  // Builds the automaton; call once after the last Add.
  void Compile();

  // Replaces `out` with the sorted indices of the regexes that may match
  // `text` (a superset of those that do). ASCII letters match case-insensitively
  // (the atoms are lowercase; the matched text is case-folded already).
  void Candidates(std::string_view text, std::vector<int>& out) const;

  // Regex i, compiled by Add: confirm a candidate with it.
  const RE2& regex(int i) const { return filter_->GetRE2(i); }
  std::size_t size() const { return static_cast<std::size_t>(filter_->NumRegexps()); }
  // The regexes without any atom: candidates for every text.
  const std::vector<int>& unfiltered() const { return unfiltered_; }
  std::size_t atoms() const { return atoms_; }

 private:
  struct Trie;
  static Trie MakeTrie(const std::vector<std::string>& atoms,
                       const std::array<std::uint8_t, 256>& class_of);
  // Entry: the next state's index, with the top bit set when atoms end there.
  template <typename Entry>
  void Fill(const Trie& trie, std::size_t classes, std::vector<Entry>& next);
  template <typename Entry>
  void Scan(std::string_view text, const std::vector<Entry>& next,
            std::vector<std::uint64_t>& seen, std::vector<int>& found) const;

  std::unique_ptr<re2::FilteredRE2> filter_;
  bool compiled_ = false;
  std::size_t atoms_ = 0;
  std::vector<int> unfiltered_;
  // The transition table is class-major (class * states + state), so a byte's
  // column offset is one lookup and the scan needs no multiply. 16-bit entries
  // while the automaton has at most 32768 states (every shipped pack): half the
  // cache footprint of 32-bit ones.
  std::array<std::uint32_t, 256> column_{};  // byte -> its class * states
  std::vector<std::uint16_t> next16_;
  std::vector<std::uint32_t> next32_;
  std::vector<std::uint32_t> out_begin_;  // per state: range in out_ (size states + 1)
  std::vector<int> out_;                  // atoms ending at the state (its suffixes included)
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_EXTRACT_LITERAL_FILTER_H_
