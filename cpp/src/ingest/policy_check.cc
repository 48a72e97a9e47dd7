// looks_like_policy: vocabulary and length make the score; error pages, login
// walls, geo-blocks, empty shells and other languages are vetoes, checked only
// on short documents (a real policy may well say "not available in your country").
#include "ingest/policy_check.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <string>

namespace policytext::internal {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  // Without a branch per byte, so that the compiler can vectorise the loop.
  for (char& c : out) c = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 'a' - 'A' : 0));
  // Capital accented letters common in French headings (É È À Ç Ô) to lower case.
  for (std::size_t i = out.find('\xC3'); i != std::string::npos && i + 1 < out.size();
       i = out.find('\xC3', i + 1)) {
    auto& b = reinterpret_cast<unsigned char&>(out[i + 1]);
    if (b >= 0x80 && b <= 0x9E && b != 0x97) b = static_cast<unsigned char>(b + 0x20);
  }
  return out;
}

// Words, approximately: separators plus one (blocks are collapsed text, so
// separators do not repeat). Vectorises, unlike a state machine.
std::size_t CountWords(std::string_view s) {
  if (s.empty()) return 0;
  // One pass with both counts (two std::count calls did not vectorise).
  std::size_t spaces = 0, breaks = 0;
  for (const char c : s) {
    spaces += c == ' ';
    breaks += c == '\n';
  }
  // "\n\n" between blocks counts once.
  return spaces + breaks / 2 + 1;
}

template <std::size_t N>
const char* FirstHit(const std::string& hay, const char* const (&needles)[N]) {
  for (const char* n : needles) {
    if (hay.find(n) != std::string::npos) return n;
  }
  return nullptr;
}

constexpr const char* kPolicyTerms[] = {
    // English
    "personal data", "personal information", "privacy", "cookie", "third part", "retain",
    "retention", "data protection", "process", "consent", "your rights", "disclose", "collect",
    "gdpr",
    // French
    "données personnelles", "données à caractère personnel", "confidentialité", "traceur",
    "tiers", "conserv", "traitement", "consentement", "vos droits", "rgpd", "finalité",
    "responsable du traitement", "destinataire", "cnil"};

constexpr const char* kErrorTerms[] = {
    "404", "not found", "page introuvable", "page not found", "n'existe pas", "n’existe pas",
    "n'existe plus", "internal server error", "erreur 500", "error 500", "403 forbidden",
    "access denied", "service unavailable", "bad gateway"};

constexpr const char* kLoginTerms[] = {
    "sign in to continue", "log in to continue", "login to continue", "please log in",
    "please sign in", "sign in to your account", "connectez-vous", "veuillez vous connecter",
    "identifiez-vous", "mot de passe oublié", "forgot your password", "forgot password",
    "se connecter", "create an account"};

constexpr const char* kGeoTerms[] = {
    "not available in your country", "not available in your region",
    "unavailable in your country", "unavailable in your region", "not available in your area",
    "pas disponible dans votre pays", "pas disponible dans votre région",
    "indisponible dans votre pays", "unavailable for legal reasons",
    "not available from your location", "depuis votre pays"};

// Function words that are frequent in one language and rare in French and
// English. A document where another language's words outnumber both French
// and English ones is in that language, whatever a fr/en detector says.
enum LangBit : unsigned {
  kEs = 1, kDe = 2, kIt = 4, kPt = 8, kNl = 16, kFrBit = 32, kEnBit = 64
};

const std::unordered_map<std::string_view, unsigned>& FunctionWords() {
  static const auto* words = [] {
    auto* m = new std::unordered_map<std::string_view, unsigned>;
    auto add = [&](unsigned bit, std::initializer_list<std::string_view> list) {
      for (std::string_view w : list) (*m)[w] |= bit;
    };
    add(kEs, {"los", "las", "del", "para", "por", "una", "sus", "según", "el", "y", "usted", "con"});
    add(kDe, {"und", "der", "die", "das", "nicht", "mit", "ist", "werden", "wir", "sie", "ihre",
              "auf"});
    add(kIt, {"della", "degli", "il", "gli", "per", "sono", "che", "questo", "dei", "nel", "alla",
              "essere"});
    add(kPt, {"dos", "das", "não", "para", "uma", "seus", "pelo", "são", "em", "você", "com", "ao"});
    add(kNl, {"het", "een", "van", "voor", "niet", "zijn", "wij", "worden", "uw", "met", "ook",
              "naar"});
    add(kFrBit, {"les", "des", "et", "est", "pour", "dans", "vos", "nous"});
    add(kEnBit, {"the", "and", "of", "to", "you", "we", "is", "with"});
    return m;
  }();
  return *words;
}

// std::isalnum on ASCII, without the out-of-line locale call per byte.
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const char* OtherLanguage(const std::string& lower) {
  const std::string_view sample = std::string_view(lower).substr(0, 8000);
  const auto& words = FunctionWords();
  std::array<std::size_t, 7> counts{};
  std::size_t i = 0;
  while (i < sample.size()) {
    // Words are runs of bytes other than ASCII spaces and punctuation.
    while (i < sample.size() && static_cast<unsigned char>(sample[i]) < 0x80 &&
           !IsAsciiAlnum(sample[i])) {
      ++i;
    }
    std::size_t j = i;
    while (j < sample.size() &&
           (static_cast<unsigned char>(sample[j]) >= 0x80 || IsAsciiAlnum(sample[j]))) {
      ++j;
    }
    if (j > i && j - i <= 6) {
      if (auto it = words.find(sample.substr(i, j - i)); it != words.end()) {
        for (int b = 0; b < 7; ++b) counts[b] += (it->second >> b) & 1u;
      }
    }
    i = j;
  }
  static constexpr const char* kNames[] = {"es", "de", "it", "pt", "nl"};
  const std::size_t base = std::max(counts[5], counts[6]);
  const char* best = nullptr;
  std::size_t best_n = 0;
  for (int b = 0; b < 5; ++b) {
    if (counts[b] > best_n) {
      best_n = counts[b];
      best = kNames[b];
    }
  }
  return best_n >= 5 && best_n > 2 * base ? best : nullptr;
}

// How many of `terms` occur in `hay`: one pass, terms bucketed by first byte.
// Positions are first tested against the set of the terms' two-byte prefixes,
// and a term found leaves its bucket: most positions then cost one bit test
// (comparing every candidate took about a fifth of the Markdown reading time).
template <std::size_t N>
std::size_t CountTermsPresent(std::string_view hay, const char* const (&terms)[N]) {
  std::array<std::vector<std::string_view>, 256> buckets;
  // One bit per two-byte prefix (first byte * 256 + second byte), in plain
  // words: std::bitset's bounds-checked proxy cost twice as much per byte.
  std::array<std::uint64_t, (1 << 16) / 64> prefixes{};
  auto prefix = [](const char* p) {
    return static_cast<unsigned char>(p[0]) * 256u + static_cast<unsigned char>(p[1]);
  };
  for (const char* t : terms) {
    const std::string_view term(t);  // every term has at least two bytes
    buckets[static_cast<unsigned char>(term[0])].push_back(term);
    prefixes[prefix(t) / 64] |= std::uint64_t{1} << (prefix(t) % 64);
  }
  std::size_t n = 0;
  const char* const h = hay.data();
  const std::size_t size = hay.size();
  for (std::size_t i = 0; i + 1 < size && n < N; ++i) {
    const unsigned key = prefix(h + i);
    if (((prefixes[key / 64] >> (key % 64)) & 1) == 0) continue;
    auto& bucket = buckets[static_cast<unsigned char>(h[i])];
    for (std::size_t k = 0; k < bucket.size();) {
      if (hay.compare(i, bucket[k].size(), bucket[k]) == 0) {
        bucket[k] = bucket.back();
        bucket.pop_back();
        ++n;
      } else {
        ++k;
      }
    }
  }
  return n;
}

}  // namespace

PolicyCheck CheckPolicy(const Document& doc, const PolicySignals& signals) {
  PolicyCheck check;
  const std::size_t words = CountWords(doc.text);
  // Vocabulary over the first 24 KB: a policy says what it is early.
  const std::string head = LowerAscii(std::string_view(doc.text).substr(0, 24 * 1024));
  const std::size_t terms = CountTermsPresent(head, kPolicyTerms);
  const double vocab = std::min(1.0, static_cast<double>(terms) / 5.0);
  const double length = std::min(1.0, static_cast<double>(words) / 150.0);
  check.score = 0.7 * vocab + 0.3 * length;

  auto veto = [&](std::string reason, double cap) {
    check.looks_like_policy = false;
    check.score = std::min(check.score, cap);
    check.reason = std::move(reason);
    return check;
  };

  // Short pages: error, login and geo-block notices.
  if (words < 400) {
    const std::string title = LowerAscii(signals.title);
    const std::string first = head.substr(0, 2000);
    if (const char* hit = FirstHit(title, kErrorTerms); hit != nullptr) {
      return veto(std::string("error page: title says '") + hit + "'", 0.1);
    }
    if (words < 150) {
      if (const char* hit = FirstHit(first, kErrorTerms); hit != nullptr) {
        return veto(std::string("error page: '") + hit + "'", 0.1);
      }
    }
    if (const char* hit = FirstHit(first, kGeoTerms); hit != nullptr) {
      return veto(std::string("geo-block notice: '") + hit + "'", 0.1);
    }
    if (signals.login_fields > 0) return veto("login wall: a password field", 0.1);
    if (const char* hit = FirstHit(first, kLoginTerms); hit != nullptr && terms < 4) {
      return veto(std::string("login wall: '") + hit + "'", 0.1);
    }
  }
  if (words < 30) {
    std::string why = "empty shell: " + std::to_string(words) + " words of text";
    if (signals.script_bytes > doc.text.size() * 4 && signals.script_bytes > 1000) {
      why += " and " + std::to_string(signals.script_bytes) + " bytes of script";
    }
    return veto(why, 0.1);
  }
  if (doc.lang == Language::kUnd) {
    return veto("not French or English (language undetermined)", 0.2);
  }
  if (const char* other = OtherLanguage(head); other != nullptr) {
    return veto(std::string("not French or English (looks like ") + other + ")", 0.2);
  }
  if (terms < 3) {
    return veto("few privacy terms (" + std::to_string(terms) + " of " +
                    std::to_string(std::size(kPolicyTerms)) + ")",
                check.score);
  }
  check.looks_like_policy = check.score >= 0.5;
  check.reason = check.looks_like_policy
                     ? std::to_string(terms) + " privacy terms, " + std::to_string(words) +
                           " words"
                     : "weak: " + std::to_string(terms) + " privacy terms, " +
                           std::to_string(words) + " words";
  return check;
}

}  // namespace policytext::internal
