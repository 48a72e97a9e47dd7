// A small French/English model of our own: function words, elisions and French
// accented letters. It decides short texts (a heading, a list item) where CLD2's
// quadgram statistics have too little to go on.
#ifndef POLICYTEXT_SRC_LANGID_FUNCTION_WORDS_H_
#define POLICYTEXT_SRC_LANGID_FUNCTION_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policytext::internal {

struct FunctionWordScore {
  int letters = 0;        // letters seen (ASCII letters and non-ASCII characters)
  int french_words = 0;   // French function words and elisions
  int english_words = 0;  // English function words and contractions
  int accents = 0;        // French accented letters (é è ê à ç ù û ô î ï œ)
  double log_odds = 0.0;  // > 0 favours French, < 0 English
};

class FunctionWordModel {
 public:
  static FunctionWordModel Build();
  // Linear in the text; words are lower-cased ASCII plus UTF-8 bytes as they are.
  FunctionWordScore Score(std::string_view utf8) const;

 private:
  // +1 French, -1 English, 0 neither.
  int Weight(std::string_view word) const;

  // Open addressing over FNV-1a: a lookup per word costs a hash of a few bytes
  // and usually one comparison.
  struct Slot {
    std::string key;
    std::int8_t weight = 0;
  };
  std::vector<Slot> slots_;
  std::size_t max_key_ = 0;
};

}  // namespace policytext::internal

#endif  // POLICYTEXT_SRC_LANGID_FUNCTION_WORDS_H_
