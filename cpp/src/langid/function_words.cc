#include "langid/function_words.h"

#include <algorithm>

namespace policytext::internal {
namespace {

// Frequent words that exist in one language only (so "a", "on", "an", "est",
// "plus", "me" and "son" are left out). French words with accents are UTF-8.
constexpr std::string_view kFrench[] = {
    "le",      "la",      "les",     "un",      "une",    "des",     "du",       "de",
    "et",      "sont",    "dans",    "pour",    "par",    "sur",     "avec",     "au",
    "aux",     "ce",      "cet",     "cette",   "ces",    "que",     "qui",      "dont",
    "où",      "ne",      "pas",     "nous",    "vous",   "votre",   "vos",      "notre",
    "nos",     "leur",    "leurs",   "il",      "ils",    "elle",    "elles",    "se",
    "sa",      "ses",     "mais",    "ou",      "donc",   "car",     "si",       "être",
    "été",     "avoir",   "ont",     "peut",    "peuvent", "afin",   "lorsque",  "ainsi",
    "comme",   "tout",    "tous",    "toute",   "toutes", "sans",    "entre",    "chez",
    "aussi",   "également", "cela",  "ceci",    "à",      "y",       "données",  "personnelles",
    "vos",     "auprès",  "notamment", "selon", "leurs",  "celles",  "ceux",     "lesquelles",
    "lequel",  "laquelle", "sera",   "seront",  "avons",  "êtes",    "sommes",   "fait",
    "très",    "déjà",    "jusqu",   "lorsqu",  "puisque", "quand",  "quelle",   "quelles",
    "quels",   "quel",    "aucun",   "aucune",  "chaque", "certaines", "certains", "autres",
    "traitement", "utilisateurs", "confidentialité", "politique", "nécessaire", "durée"};
constexpr std::string_view kEnglish[] = {
    "the",   "of",     "and",     "to",     "is",     "are",    "be",      "been",
    "was",   "were",   "in",      "that",   "this",   "these",  "those",   "with",
    "for",   "by",     "from",    "at",     "as",     "it",     "its",     "we",
    "our",   "us",     "you",     "your",   "they",   "their",  "them",    "he",
    "she",   "his",    "her",     "which",  "who",    "whom",   "what",    "when",
    "where", "how",    "not",     "no",     "or",     "but",    "if",      "than",
    "then",  "also",   "any",     "all",    "such",   "may",    "will",    "would",
    "can",   "could",  "should",  "must",   "has",    "have",   "had",     "do",
    "does",  "did",    "into",    "about",  "other",  "more",   "some",    "only",
    "each",  "there",  "here",    "personal", "privacy", "policy", "share",  "without",
    "including", "whether", "within", "under", "provide", "collect", "through", "upon",
    "otherwise", "shall", "please", "being", "should", "those", "these", "between"};

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// French accented letters, lower and upper case, as their 2-byte UTF-8 tail
// after the 0xC3 lead byte (À Â Ç È É Ê Ë Î Ï Ô Ù Û Ü à â ç è é ê ë î ï ô ù û ü).
bool IsFrenchAccentTail(unsigned char c) {
  switch (c) {
    case 0x80: case 0x82: case 0x87: case 0x88: case 0x89: case 0x8A: case 0x8B:
    case 0x8E: case 0x8F: case 0x94: case 0x99: case 0x9B: case 0x9C:
    case 0xA0: case 0xA2: case 0xA7: case 0xA8: case 0xA9: case 0xAA: case 0xAB:
    case 0xAE: case 0xAF: case 0xB4: case 0xB9: case 0xBB: case 0xBC:
      return true;
    default:
      return false;
  }
}

std::uint32_t Fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

}  // namespace

FunctionWordModel FunctionWordModel::Build() {
  FunctionWordModel m;
  m.slots_.resize(1024);  // a power of two, under a quarter full
  auto add = [&m](std::string_view w, int weight) {
    std::size_t i = Fnv1a(w) & (m.slots_.size() - 1);
    while (!m.slots_[i].key.empty() && m.slots_[i].key != w) i = (i + 1) & (m.slots_.size() - 1);
    m.slots_[i].key = std::string(w);
    m.slots_[i].weight = static_cast<std::int8_t>(weight);
    m.max_key_ = std::max(m.max_key_, w.size());
  };
  for (auto w : kFrench) add(w, 1);
  for (auto w : kEnglish) add(w, -1);
  return m;
}

int FunctionWordModel::Weight(std::string_view word) const {
  if (word.size() > max_key_) return 0;
  std::size_t i = Fnv1a(word) & (slots_.size() - 1);
  while (!slots_[i].key.empty()) {
    if (slots_[i].key == word) return slots_[i].weight;
    i = (i + 1) & (slots_.size() - 1);
  }
  return 0;
}

FunctionWordScore FunctionWordModel::Score(std::string_view utf8) const {
  FunctionWordScore s;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::string word;
  auto flush = [&](std::size_t next) {
    if (word.empty()) return;
    // An apostrophe after the word: French elision (l', d', qu') or an English
    // contraction (don't, it's) decided by what precedes it.
    if (const int w = Weight(word); w != 0) {
      if (w > 0) {
        ++s.french_words;
      } else {
        ++s.english_words;
      }
    } else if (word.size() <= 2 && next < n) {
      const bool apostrophe =
          p[next] == '\'' || (next + 2 < n && p[next] == 0xE2 && p[next + 1] == 0x80 &&
                              p[next + 2] == 0x99);
      if (apostrophe && (word == "l" || word == "d" || word == "qu" || word == "n" ||
                         word == "s" || word == "c" || word == "j" || word == "m")) {
        ++s.french_words;
      }
    } else if (word == "t" || word == "s") {
      // handled below through "n't" / "'s"
    }
    word.clear();
  };
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (IsAsciiLetter(c)) {
      word.push_back(static_cast<char>(c | 0x20));
      ++s.letters;
      ++i;
      continue;
    }
    if (c >= 0xC0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      // A non-ASCII character inside a word: keep its bytes, lower-casing the
      // Latin-1 capitals (C3 80..9E -> C3 A0..BE).
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      len = std::min(len, n - i);
      const bool letter = c == 0xC3 || c == 0xC5 || (c >= 0xC4 && c <= 0xC9);
      if (letter) {
        if (c == 0xC3 && IsFrenchAccentTail(p[i + 1])) ++s.accents;
        if (c == 0xC5 && (p[i + 1] == 0x93 || p[i + 1] == 0x92)) ++s.accents;  // œ Œ
        ++s.letters;
        word.push_back(static_cast<char>(c));
        unsigned char t = p[i + 1];
        if (c == 0xC3 && t >= 0x80 && t <= 0x9E && t != 0x97) t = static_cast<unsigned char>(t + 0x20);
        word.push_back(static_cast<char>(t));
        for (std::size_t k = 2; k < len; ++k) word.push_back(static_cast<char>(p[i + k]));
        i += len;
        continue;
      }
      flush(i);
      i += len;
      continue;
    }
    // English contractions: "n't", "'s" after a word.
    if (c == '\'' && !word.empty() && i + 1 < n) {
      const unsigned char d = p[i + 1] | 0x20;
      const bool end_next = i + 2 >= n || !IsAsciiLetter(p[i + 2]);
      if (d == 't' && end_next && word.size() >= 2 && word.back() == 'n') ++s.english_words;
      if (d == 's' && end_next && word.size() >= 2) ++s.english_words;
    }
    flush(i);
    ++i;
  }
  flush(n);
  s.log_odds = 1.2 * (s.french_words - s.english_words) + 0.4 * std::min(s.accents, 10);
  return s;
}

}  // namespace policytext::internal
