// The duration grammar: a hand-written scanner over ScanWords(), linear in the
// text (every attempt looks at a bounded window of words).
#include "extract/duration.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/wordscan.h"
#include "policytext/durations.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace policytext::internal {
namespace {

using Words = std::vector<ScanWord>;

// Units in decreasing size; a compound ("1 an et 6 mois") must go down.
enum Unit : int { kYear = 0, kMonth, kWeek, kDay, kHour, kMinute, kSecond, kNumUnits };

constexpr std::array<double, kNumUnits> kUnitDays = {365.25, 30.44, 7.0, 1.0,
                                                    1.0 / 24, 1.0 / 1440, 1.0 / 86400};

bool IsFr(Language lang) { return lang != Language::kEn; }
bool IsEn(Language lang) { return lang != Language::kFr; }

bool IsHyphen(std::string_view t) { return t == "-" || t == "\u2010" || t == "\u2011"; }
bool IsDash(std::string_view t) {
  return IsHyphen(t) || t == "\u2013" || t == "\u2014" || t == "\u2212";
}
bool Adjacent(const Words& w, std::size_t a, std::size_t b) {
  return a < w.size() && b < w.size() && w[a].end == w[b].begin;
}
std::string_view At(const Words& w, std::size_t i) {
  return i < w.size() ? w[i].text : std::string_view();
}

// ---------------------------------------------------------------- numbers

constexpr std::pair<std::string_view, int> kFrNumbers[] = {
    {"un", 1},        {"une", 1},        {"deux", 2},      {"trois", 3},     {"quatre", 4},
    {"cinq", 5},      {"six", 6},        {"sept", 7},      {"huit", 8},      {"neuf", 9},
    {"dix", 10},      {"onze", 11},      {"douze", 12},    {"treize", 13},   {"quatorze", 14},
    {"quinze", 15},   {"seize", 16},     {"vingt", 20},    {"vingts", 20},   {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"septante", 70}, {"huitante", 80},
    {"octante", 80},  {"nonante", 90},   {"cent", -100},   {"cents", -100},  {"mille", -1000}};
constexpr std::pair<std::string_view, int> kEnNumbers[] = {
    {"one", 1},        {"two", 2},        {"three", 3},      {"four", 4},       {"five", 5},
    {"six", 6},        {"seven", 7},      {"eight", 8},      {"nine", 9},       {"ten", 10},
    {"eleven", 11},    {"twelve", 12},    {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},  {"twenty", 20},
    {"thirty", 30},    {"forty", 40},     {"fourty", 40},    {"fifty", 50},     {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},    {"ninety", 90},    {"hundred", -100}, {"thousand", -1000}};

// Number words and the other words a duration can start with, per language
// (built once): a word outside these sets is skipped at the cost of one lookup.
struct Lexicon {
  std::unordered_map<std::string_view, int> fr, en;
  std::unordered_set<std::string_view> fr_start, en_start;
  Lexicon() {
    for (const auto& [word, value] : kFrNumbers) {
      fr.emplace(word, value);
      fr_start.insert(word);
    }
    for (const auto& [word, value] : kEnNumbers) {
      en.emplace(word, value);
      en_start.insert(word);
    }
    for (std::string_view w : {"entre", "de", "d", "demi"}) fr_start.insert(w);
    for (std::string_view w : {"between", "from", "a", "an", "half"}) en_start.insert(w);
  }
};
const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

// Value of a number word (0 if none). *mult is 100 or 1000 for multipliers.
int NumberWord(std::string_view w, Language lang, int* mult) {
  *mult = 0;
  if (w.size() < 2 || w.size() > 9) return 0;
  const Lexicon& lex = GetLexicon();
  auto value = [&](const std::unordered_map<std::string_view, int>& m) {
    auto it = m.find(w);
    if (it == m.end()) return 0;
    if (it->second < 0) return *mult = -it->second;
    return it->second;
  };
  if (IsFr(lang)) {
    if (int v = value(lex.fr); v != 0) return v;
  }
  if (IsEn(lang)) {
    if (int v = value(lex.en); v != 0) return v;
  }
  return 0;
}

bool MayStart(std::string_view w, Language lang) {
  const Lexicon& lex = GetLexicon();
  return (IsFr(lang) && lex.fr_start.count(w) > 0) || (IsEn(lang) && lex.en_start.count(w) > 0);
}

// May `v` follow `last` inside one group below a hundred?
bool MayFollow(int last, int v, Language lang) {
  if (last == 0) return true;  // nothing yet in this group
  if (last >= 20 && last % 10 == 0) {
    if (v < 10) return true;
    // soixante-dix, soixante et onze, quatre-vingt-dix-neuf
    return IsFr(lang) && (last == 60 || last == 80) && v >= 10 && v < 20;
  }
  if (last == 10) return IsFr(lang) && v >= 7 && v <= 9;  // dix-sept
  return false;
}

struct Quantity {
  double value = 0;
  std::size_t first = 0, next = 0;  // word indices [first, next)
  bool digits = false;
  bool article = false;  // "a", "an" (EN) alone: needs a unit right after
};

// Digits with French or English decimal and thousands separators.
bool ParseDigits(const Words& w, std::size_t i, Language lang, Quantity* q) {
  if (w[i].kind != ScanWord::kNumber || w[i].text.size() > 6) return false;
  // Not part of a date, a time, a version or an identifier: 25/05/2018, 10:30, v1.2.
  if (i > 0 && Adjacent(w, i - 1, i)) {
    std::string_view p = w[i - 1].text;
    if (p == "/" || p == ":" || p == "." || p == "," || w[i - 1].kind == ScanWord::kWord ||
        p == "#" || p == "n\u00b0" || p == "\u00b0" || p == "\u00a7")
      return false;
  }
  if (i > 0 && IsOneOf(w[i - 1].text, {"\u00b0", "#", "\u00a7", "\u2116"})) return false;
  // The second group of "1 000 jours" is not a number of its own.
  if (i > 0 && IsFr(lang) && w[i].text.size() == 3 && w[i - 1].kind == ScanWord::kNumber &&
      w[i - 1].text.size() <= 3 && w[i].begin == w[i - 1].end + 1)
    return false;
  double value = 0;
  for (char c : w[i].text) value = value * 10 + (c - '0');
  std::size_t j = i + 1;
  // French thousands with a space: "1 000 jours" (NBSP is a space once normalised).
  if (IsFr(lang) && w[i].text.size() <= 3) {
    while (j < w.size() && w[j].kind == ScanWord::kNumber && w[j].text.size() == 3 &&
           w[j].begin == w[j - 1].end + 1) {
      for (char c : w[j].text) value = value * 10 + (c - '0');
      ++j;
    }
  }
  // Thousands: 1,000 (en) / 1.000 (fr), exactly three digits after each mark.
  bool decimal_done = false;
  while (j + 1 < w.size() && Adjacent(w, j - 1, j) && Adjacent(w, j, j + 1) &&
         w[j + 1].kind == ScanWord::kNumber) {
    std::string_view sep = w[j].text;
    std::string_view digits = w[j + 1].text;
    const bool thousands_mark = (sep == "," && !IsFr(lang)) || (sep == "." && IsFr(lang) && !IsEn(lang));
    const bool decimal_mark = sep == "," || sep == ".";
    if (!decimal_mark) break;
    if (thousands_mark && digits.size() == 3 && !decimal_done) {
      for (char c : digits) value = value * 10 + (c - '0');
      j += 2;
      continue;
    }
    if (decimal_done || digits.size() > 3) return false;  // 1.2.3: a version number
    double scale = 0.1;
    for (char c : digits) {
      value += (c - '0') * scale;
      scale /= 10;
    }
    decimal_done = true;
    j += 2;
  }
  // Still followed by a separator and digits: 1.2.3, 10:30, 25/05.
  if (j + 1 < w.size() && Adjacent(w, j - 1, j) && Adjacent(w, j, j + 1) &&
      w[j + 1].kind == ScanWord::kNumber &&
      (w[j].text == "." || w[j].text == "," || w[j].text == ":" || w[j].text == "/"))
    return false;
  q->value = value;
  q->first = i;
  q->next = j;
  q->digits = true;
  return true;
}

// Number words: "vingt et un", "quatre-vingt-dix-neuf", "deux cent trente",
// "twenty-four", "one hundred and twenty". Also a/an + hundred.
bool ParseNumberWords(const Words& w, std::size_t i, Language lang, Quantity* q) {
  int total = 0, group = 0, last = 0;
  bool any = false;
  std::size_t j = i, end = i;
  if (IsEn(lang) && (At(w, j) == "a" || At(w, j) == "one")) {
    int mult;
    if (NumberWord(At(w, j + 1), Language::kEn, &mult) > 0 && mult > 0) {
      group = 1;
      j += 1;
      any = true;  // the multiplier below completes it
      end = j;
    }
  }
  while (j < w.size() && w[j].kind == ScanWord::kWord) {
    int mult = 0;
    int v = NumberWord(w[j].text, lang, &mult);
    std::size_t after = j + 1;
    // quatre-vingt(s): 80.
    if (IsFr(lang) && w[j].text == "quatre") {
      std::size_t k = j + 1;
      if (k < w.size() && IsHyphen(w[k].text) && Adjacent(w, j, k)) ++k;
      if (At(w, k) == "vingt" || At(w, k) == "vingts") {
        v = 80;
        mult = 0;
        after = k + 1;
      }
    }
    if (v == 0) break;
    if (mult == 100) {
      if (group >= 100 || (group > 0 && group >= 10)) break;
      if (group == 0 && any && total == 0) break;
      group = (group == 0 ? 1 : group) * 100;
      last = 0;
    } else if (mult == 1000) {
      if (total > 0) break;
      total = (group == 0 ? 1 : group) * 1000;
      group = 0;
      last = 0;
    } else {
      // Units and tens inside the current hundred.
      const int below_hundred = group % 100;
      if (below_hundred != 0 && !MayFollow(last, v, lang)) break;
      if (below_hundred == 0 && last != 0) break;
      group += v;
      last = v;
    }
    any = true;
    end = after;
    j = after;
    // Connectors: an adjacent hyphen, "et" (vingt et un), "and" (hundred and five).
    std::size_t k = j;
    if (IsFr(lang) && k + 2 < w.size() && IsHyphen(w[k].text) && w[k + 1].text == "et" &&
        IsHyphen(w[k + 2].text) && last >= 20 && last % 10 == 0) {
      k += 3;  // vingt-et-un (1990 spelling)
    } else if (k < w.size() && IsHyphen(w[k].text) && Adjacent(w, k - 1, k) &&
               Adjacent(w, k, k + 1)) {
      ++k;
    } else if (IsFr(lang) && At(w, k) == "et" && last >= 20 && last % 10 == 0 &&
               (At(w, k + 1) == "un" || At(w, k + 1) == "une" || At(w, k + 1) == "onze")) {
      ++k;
    } else if (IsEn(lang) && At(w, k) == "and" && group % 100 == 0 && group > 0) {
      int m2;
      if (NumberWord(At(w, k + 1), Language::kEn, &m2) > 0 && m2 == 0) ++k;
    }
    if (k != j) {
      int m2;
      if (NumberWord(At(w, k), lang, &m2) == 0) break;
      j = k;
    }
  }
  if (!any || total + group == 0) return false;
  q->value = total + group;
  q->first = i;
  q->next = end;
  return true;
}

bool IsUnitWord(const Words& w, std::size_t i, Language lang);

// A quantity: digits, number words, an article, or a half.
bool ParseQuantity(const Words& w, std::size_t i, Language lang, Quantity* q) {
  if (i >= w.size()) return false;
  if (w[i].kind == ScanWord::kNumber) return ParseDigits(w, i, lang, q);
  if (w[i].kind != ScanWord::kWord) return false;
  std::string_view t = w[i].text;
  // Halves: "half a year", "half an hour", "a half hour", "une demi-heure", "demi-journée".
  if (IsEn(lang)) {
    if (t == "half" && (At(w, i + 1) == "a" || At(w, i + 1) == "an")) {
      *q = Quantity{0.5, i, i + 2};
      return true;
    }
    if ((t == "a" || t == "one") && At(w, i + 1) == "half") {
      *q = Quantity{0.5, i, i + 2};
      return true;
    }
    if (t == "half") {
      *q = Quantity{0.5, i, i + 1};
      return true;
    }
  }
  if (IsFr(lang)) {
    if ((t == "un" || t == "une") && At(w, i + 1) == "demi") {
      *q = Quantity{0.5, i, i + 2};
      return true;
    }
    if (t == "demi") {
      *q = Quantity{0.5, i, i + 1};
      return true;
    }
  }
  if (ParseNumberWords(w, i, lang, q)) return true;
  if (IsEn(lang) && (t == "a" || t == "an")) {
    *q = Quantity{1, i, i + 1};
    q->article = true;
    return true;
  }
  return false;
}

// ------------------------------------------------------------------ units

struct UnitMatch {
  Unit unit = kDay;
  double factor = 1;  // décennie = 10 years, trimestre = 3 months, semestre = 6 months
  std::size_t first = 0, next = 0;
  bool business = false;
  bool abbreviation = false;  // h, j, min: only right after digits
};

bool LookupUnit(std::string_view t, Language lang, UnitMatch* u) {
  struct Entry {
    std::string_view word;
    Unit unit;
    double factor;
    bool abbreviation;
  };
  static constexpr Entry kFr[] = {
      {"seconde", kSecond, 1, false},   {"secondes", kSecond, 1, false},
      {"minute", kMinute, 1, false},    {"minutes", kMinute, 1, false},
      {"min", kMinute, 1, true},        {"mn", kMinute, 1, true},
      {"heure", kHour, 1, false},       {"heures", kHour, 1, false},
      {"h", kHour, 1, true},            {"jour", kDay, 1, false},
      {"jours", kDay, 1, false},        {"journée", kDay, 1, false},
      {"journées", kDay, 1, false},     {"j", kDay, 1, true},
      {"semaine", kWeek, 1, false},     {"semaines", kWeek, 1, false},
      {"mois", kMonth, 1, false},       {"trimestre", kMonth, 3, false},
      {"trimestres", kMonth, 3, false}, {"semestre", kMonth, 6, false},
      {"semestres", kMonth, 6, false},  {"an", kYear, 1, false},
      {"ans", kYear, 1, false},         {"année", kYear, 1, false},
      {"années", kYear, 1, false},      {"décennie", kYear, 10, false},
      {"décennies", kYear, 10, false}};
  static constexpr Entry kEn[] = {
      {"second", kSecond, 1, false}, {"seconds", kSecond, 1, false},
      {"sec", kSecond, 1, true},     {"secs", kSecond, 1, true},
      {"minute", kMinute, 1, false}, {"minutes", kMinute, 1, false},
      {"min", kMinute, 1, true},     {"mins", kMinute, 1, true},
      {"hour", kHour, 1, false},     {"hours", kHour, 1, false},
      {"hr", kHour, 1, true},        {"hrs", kHour, 1, true},
      {"h", kHour, 1, true},         {"day", kDay, 1, false},
      {"days", kDay, 1, false},      {"week", kWeek, 1, false},
      {"weeks", kWeek, 1, false},    {"month", kMonth, 1, false},
      {"months", kMonth, 1, false},  {"year", kYear, 1, false},
      {"years", kYear, 1, false},    {"yr", kYear, 1, true},
      {"yrs", kYear, 1, true},       {"decade", kYear, 10, false},
      {"decades", kYear, 10, false}};
  if (IsFr(lang)) {
    for (const Entry& e : kFr) {
      if (t == e.word) {
        u->unit = e.unit;
        u->factor = e.factor;
        u->abbreviation = e.abbreviation;
        return true;
      }
    }
  }
  if (IsEn(lang)) {
    for (const Entry& e : kEn) {
      if (t == e.word) {
        u->unit = e.unit;
        u->factor = e.factor;
        u->abbreviation = e.abbreviation;
        return true;
      }
    }
  }
  return false;
}

bool IsUnitWord(const Words& w, std::size_t i, Language lang) {
  UnitMatch u;
  return i < w.size() && w[i].kind == ScanWord::kWord && LookupUnit(w[i].text, lang, &u);
}

// The unit after a quantity that ends at word `j - 1`: "mois", "-day",
// "business days", "jours ouvrés", "24h".
bool ParseUnit(const Words& w, std::size_t j, Language lang, const Quantity& q, UnitMatch* u) {
  std::size_t k = j;
  bool business = false;
  // "30-day", "two-year", "demi-heure".
  if (k < w.size() && IsHyphen(w[k].text) && Adjacent(w, k - 1, k) && Adjacent(w, k, k + 1)) ++k;
  // English adjectives before the unit.
  if (IsEn(lang)) {
    for (int n = 0; n < 2 && k < w.size(); ++n) {
      std::string_view t = w[k].text;
      if (t == "business" || t == "working") {
        business = true;
        ++k;
      } else if (IsOneOf(t, {"calendar", "consecutive", "full", "additional", "further",
                             "more", "extra", "rolling", "whole", "complete", "entire"}) &&
                 !q.article && IsUnitWord(w, k + 1, lang)) {
        ++k;
      } else if (IsOneOf(t, {"full", "whole", "additional", "further", "extra", "single",
                             "complete", "entire"}) &&
                 q.article && IsUnitWord(w, k + 1, lang)) {
        ++k;
      } else {
        break;
      }
    }
  }
  if (k >= w.size() || w[k].kind != ScanWord::kWord) return false;
  UnitMatch m;
  if (!LookupUnit(w[k].text, lang, &m)) return false;
  if (m.abbreviation) {
    // "24h", "30 j", "15 min": digits right before (at most one space).
    if (!q.digits || k != j) return false;
    if (w[k].begin > w[k - 1].end + 1) return false;
    // 10h30 is a time of day.
    if (k + 1 < w.size() && Adjacent(w, k, k + 1) && w[k + 1].kind == ScanWord::kNumber)
      return false;
  }
  // "an" is French only after a number; "1 an" but never the English article.
  if (w[k].text == "an" && q.article) return false;
  m.first = j;
  m.next = k + 1;
  // French adjectives after the unit: jours ouvrés / ouvrables.
  if (IsFr(lang) && m.unit == kDay && IsOneOf(At(w, m.next), {"ouvrés", "ouvrables"})) {
    business = true;
    m.next += 1;
  }
  m.business = business;
  *u = m;
  return true;
}

// ------------------------------------------------------------ durations

struct Simple {
  std::array<double, kNumUnits> amount{};
  std::size_t first = 0, next = 0;  // word indices
  int smallest = -1;                // the smallest unit used
  int largest = kNumUnits;
  bool business = false;
  bool digits = false;
  double value = 0;  // the quantity of the (only) unit, for ranges
};

void Add(Simple* s, Unit unit, double value) {
  s->amount[unit] += value;
  s->smallest = std::max(s->smallest, static_cast<int>(unit));
  s->largest = std::min(s->largest, static_cast<int>(unit));
}

// "and a half" / "et demi(e)" after position j; returns the index after it.
std::size_t ParseHalfSuffix(const Words& w, std::size_t j, Language lang) {
  if (IsFr(lang) && At(w, j) == "et" && (At(w, j + 1) == "demi" || At(w, j + 1) == "demie"))
    return j + 2;
  if (IsEn(lang) && At(w, j) == "and" && At(w, j + 1) == "a" && At(w, j + 2) == "half")
    return j + 3;
  return j;
}

// quantity [ (3) ] [and a half] unit [et demi]
bool ParseSimple(const Words& w, std::size_t i, Language lang, Simple* s) {
  Quantity q;
  if (!ParseQuantity(w, i, lang, &q)) return false;
  std::size_t j = q.next;
  // "trois (3) ans", "3 (trois) ans".
  if (At(w, j) == "(") {
    Quantity inner;
    if (ParseQuantity(w, j + 1, lang, &inner) && !inner.article && At(w, inner.next) == ")") {
      if (q.value != inner.value && inner.digits) q.value = inner.value;
      q.digits = q.digits || inner.digits;
      j = inner.next + 1;
    }
  }
  // "one and a half years".
  double extra = 0;
  if (!q.article) {
    std::size_t h = ParseHalfSuffix(w, j, lang);
    if (h != j && IsEn(lang) && !IsUnitWord(w, j, lang)) {
      UnitMatch probe;
      if (ParseUnit(w, h, lang, q, &probe)) {
        extra = 0.5;
        j = h;
      }
    }
  }
  UnitMatch u;
  if (!ParseUnit(w, j, lang, q, &u)) return false;
  double value = q.value + extra;
  std::size_t next = u.next;
  std::size_t h = ParseHalfSuffix(w, next, lang);
  if (h != next && extra == 0 && q.value >= 1) {
    value += 0.5;
    next = h;
  }
  *s = Simple{};
  Add(s, u.unit, value * u.factor);
  s->first = i;
  s->next = next;
  s->business = u.business;
  s->digits = q.digits;
  s->value = value * u.factor;
  return true;
}

// Simple ((et|and)? Simple)* with units going down: "1 an et 6 mois".
bool ParseCompound(const Words& w, std::size_t i, Language lang, Simple* out) {
  Simple s;
  if (!ParseSimple(w, i, lang, &s)) return false;
  for (int n = 0; n < kNumUnits; ++n) {
    std::size_t j = s.next;
    if ((IsFr(lang) && At(w, j) == "et") || (IsEn(lang) && At(w, j) == "and")) ++j;
    Simple more;
    if (!ParseSimple(w, j, lang, &more)) break;
    if (more.largest <= s.smallest) break;
    for (int k = 0; k < kNumUnits; ++k) s.amount[k] += more.amount[k];
    s.smallest = more.smallest;
    s.business = s.business || more.business;
    s.next = more.next;
  }
  *out = s;
  return true;
}

std::string FormatNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  return buf;
}

bool Whole(double v) { return std::fabs(v - std::round(v)) < 1e-9; }

std::string ToIso(std::array<double, kNumUnits> a, double* days) {
  *days = 0;
  for (int k = 0; k < kNumUnits; ++k) *days += a[k] * kUnitDays[k];
  // Push fractions down where the lower unit makes them whole: 1.5 years ->
  // 1 year 6 months, 1.5 days -> 1 day 12 hours. Months keep their fraction.
  constexpr std::array<double, kNumUnits> kDown = {12, 0, 7, 24, 60, 60, 0};
  constexpr std::array<int, kNumUnits> kLower = {kMonth, -1, kDay, kHour, kMinute, kSecond, -1};
  for (int k = 0; k < kNumUnits; ++k) {
    if (kLower[k] < 0 || Whole(a[k])) continue;
    double frac = a[k] - std::floor(a[k]);
    if (!Whole(frac * kDown[k])) continue;
    a[k] = std::floor(a[k]);
    a[kLower[k]] += frac * kDown[k];
  }
  // Weeks stand alone (P2W); with any other unit they become days.
  if (a[kWeek] != 0) {
    bool other = false;
    for (int k = 0; k < kNumUnits; ++k) other = other || (k != kWeek && a[k] != 0);
    if (other) {
      a[kDay] += a[kWeek] * 7;
      a[kWeek] = 0;
    }
  }
  std::string iso = "P";
  static constexpr char kDate[] = {'Y', 'M', 'W', 'D'};
  for (int k = kYear; k <= kDay; ++k)
    if (a[k] != 0) iso += FormatNumber(a[k]) + kDate[k];
  if (a[kHour] != 0 || a[kMinute] != 0 || a[kSecond] != 0) {
    iso += 'T';
    if (a[kHour] != 0) iso += FormatNumber(a[kHour]) + 'H';
    if (a[kMinute] != 0) iso += FormatNumber(a[kMinute]) + 'M';
    if (a[kSecond] != 0) iso += FormatNumber(a[kSecond]) + 'S';
  }
  if (iso == "P") iso = "P0D";
  return iso;
}

// ------------------------------------------------------------ qualifiers

struct QualifierPhrase {
  std::string_view phrase;
  std::string_view qualifier;
};

// Longer phrases first: the first match wins.
constexpr QualifierPhrase kFrBefore[] = {
    {"pour une durée maximale de", "max"},
    {"pour une durée maximum de", "max"},
    {"pour une durée minimale de", "min"},
    {"pour une durée minimum de", "min"},
    {"ne pouvant pas excéder", "max"},
    {"ne pouvant pas dépasser", "max"},
    {"ne pourra pas excéder", "max"},
    {"ne pourra pas dépasser", "max"},
    {"ne peut pas excéder", "max"},
    {"ne peut pas dépasser", "max"},
    {"inférieure ou égale à", "max"},
    {"inférieur ou égal à", "max"},
    {"supérieure ou égale à", "min"},
    {"supérieur ou égal à", "min"},
    {"dans la limite de", "max"},
    {"dans un délai de", "max"},
    {"dans un délai d '", "max"},
    {"dans les", "max"},
    {"dans une limite de", "max"},
    {"ne pouvant excéder", "max"},
    {"ne pouvant dépasser", "max"},
    {"ne pourra excéder", "max"},
    {"ne pourra dépasser", "max"},
    {"ne peut excéder", "max"},
    {"ne peut dépasser", "max"},
    {"n ' excédant pas", "max"},
    {"n ' excède pas", "max"},
    {"n ' excédera pas", "max"},
    {"ne dépassant pas", "max"},
    {"ne dépasse pas", "max"},
    {"ne dépassera pas", "max"},
    {"de l ' ordre de", "approx"},
    {"aux alentours de", "approx"},
    {"jusqu ' à", "max"},
    {"pas plus de", "max"},
    {"au maximum", "max"},
    {"au plus", "max"},
    {"maximale de", "max"},
    {"maximal de", "max"},
    {"maximum de", "max"},
    {"limitée à", "max"},
    {"limité à", "max"},
    {"limitées à", "max"},
    {"limités à", "max"},
    {"inférieure à", "max"},
    {"inférieur à", "max"},
    {"moins de", "max"},
    {"au minimum", "min"},
    {"au moins", "min"},
    {"minimale de", "min"},
    {"minimal de", "min"},
    {"minimum de", "min"},
    {"supérieure à", "min"},
    {"supérieur à", "min"},
    {"plus de", "min"},
    {"à peu près", "approx"},
    {"près de", "approx"},
    {"autour de", "approx"},
    {"maximum", "max"},
    {"max", "max"},
    {"sous", "max"},
    {"minimum", "min"},
    {"environ", "approx"},
    {"approximativement", "approx"},
};
constexpr QualifierPhrase kEnBefore[] = {
    {"up to a maximum of", "max"},
    {"for a maximum of", "max"},
    {"for a minimum of", "min"},
    {"no longer than", "max"},
    {"not longer than", "max"},
    {"no more than", "max"},
    {"not more than", "max"},
    {"not to exceed", "max"},
    {"not exceeding", "max"},
    {"a maximum of", "max"},
    {"maximum of", "max"},
    {"at the most", "max"},
    {"at most", "max"},
    {"no later than", "max"},
    {"less than", "max"},
    {"fewer than", "max"},
    {"shorter than", "max"},
    {"limited to", "max"},
    {"up to", "max"},
    {"a minimum of", "min"},
    {"minimum of", "min"},
    {"no less than", "min"},
    {"not less than", "min"},
    {"no fewer than", "min"},
    {"in excess of", "min"},
    {"at least", "min"},
    {"more than", "min"},
    {"longer than", "min"},
    {"maximum", "max"},
    {"max", "max"},
    {"within", "max"},
    {"minimum", "min"},
    {"over", "min"},
    {"approximately", "approx"},
    {"approx", "approx"},
    {"about", "approx"},
    {"around", "approx"},
    {"roughly", "approx"},
    {"nearly", "approx"},
    {"almost", "approx"},
    {"circa", "approx"},
    {"some", "approx"},
};
constexpr QualifierPhrase kFrAfter[] = {
    {"au maximum", "max"}, {"au plus", "max"},     {"maximum", "max"}, {"max", "max"},
    {"au minimum", "min"}, {"au moins", "min"},    {"minimum", "min"}, {"ou plus", "min"},
    {"ou moins", "max"},   {"environ", "approx"},
};
constexpr QualifierPhrase kEnAfter[] = {
    {"at the most", "max"}, {"at most", "max"}, {"maximum", "max"},   {"max", "max"},
    {"or less", "max"},     {"or fewer", "max"}, {"at least", "min"}, {"minimum", "min"},
    {"or more", "min"},     {"or longer", "min"},
};

// Fillers allowed between a qualifier and the number: "jusqu'à une durée de 3 ans".
constexpr QualifierPhrase kFrFillers[] = {{"une durée de", ""}, {"une période de", ""},
                                          {"un délai de", ""},  {"une durée d '", ""},
                                          {"pendant", ""},      {"durant", ""},
                                          {"de", ""},           {"d '", ""}};
constexpr QualifierPhrase kEnFillers[] = {
    {"a period of", ""}, {"a term of", ""}, {"period of", ""}, {"a further", ""},
    {"an additional", ""}, {"an extra", ""}, {"further", ""}, {"additional", ""},
    {"for", ""}, {"of", ""}, {"a", ""}};

template <std::size_t N>
std::vector<std::string_view> PhrasesOf(const QualifierPhrase (&table)[N]) {
  std::vector<std::string_view> out;
  for (const QualifierPhrase& p : table) out.push_back(p.phrase);
  return out;
}

// One lookup table per list, built on first use (thread-safe static init).
struct Tables {
  PhraseTable fr_before{PhrasesOf(kFrBefore)};
  PhraseTable en_before{PhrasesOf(kEnBefore)};
  PhraseTable fr_after{PhrasesOf(kFrAfter)};
  PhraseTable en_after{PhrasesOf(kEnAfter)};
  PhraseTable fr_fillers{PhrasesOf(kFrFillers)};
  PhraseTable en_fillers{PhrasesOf(kEnFillers)};
};
const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

struct QualifierHit {
  std::string_view qualifier;
  std::size_t first = 0, next = 0;  // word indices of the phrase
};

bool QualifierBefore(const Words& w, std::size_t start, const QualifierPhrase* table,
                     std::size_t size, const PhraseTable& phrases, QualifierHit* hit) {
  std::size_t first;
  const int i = phrases.MatchBefore(w, start, &first);
  if (i < 0 || static_cast<std::size_t>(i) >= size) return false;
  *hit = QualifierHit{table[i].qualifier, first, start};
  return true;
}

bool FindQualifierBefore(const Words& w, std::size_t start, Language lang, QualifierHit* hit) {
  const Tables& t = GetTables();
  // Directly before, or before up to two fillers.
  std::size_t pos = start;
  for (int round = 0; round < 3; ++round) {
    if (IsFr(lang) && QualifierBefore(w, pos, kFrBefore, std::size(kFrBefore), t.fr_before, hit)) return true;
    if (IsEn(lang) && QualifierBefore(w, pos, kEnBefore, std::size(kEnBefore), t.en_before, hit)) return true;
    std::size_t first;
    if (IsFr(lang) && t.fr_fillers.MatchBefore(w, pos, &first) >= 0) {
      pos = first;
    } else if (IsEn(lang) && t.en_fillers.MatchBefore(w, pos, &first) >= 0) {
      pos = first;
    } else {
      return false;
    }
  }
  return false;
}

bool FindQualifierAfter(const Words& w, std::size_t next, Language lang, QualifierHit* hit) {
  const Tables& t = GetTables();
  std::size_t after;
  int i;
  if (IsFr(lang) && (i = t.fr_after.Match(w, next, &after)) >= 0) {
    *hit = QualifierHit{kFrAfter[i].qualifier, next, after};
    return true;
  }
  if (IsEn(lang) && (i = t.en_after.Match(w, next, &after)) >= 0) {
    *hit = QualifierHit{kEnAfter[i].qualifier, next, after};
    return true;
  }
  return false;
}

// ------------------------------------------------------------ ages, rates

bool IsPersonNoun(std::string_view t) {
  return IsOneOf(t, {"enfant", "enfants", "mineur", "mineurs", "mineure", "mineures", "jeune",
                     "jeunes", "personne", "personnes", "utilisateur", "utilisateurs",
                     "utilisatrice", "utilisatrices", "adolescent", "adolescents",
                     "adolescentes", "individu", "individus", "internaute", "internautes",
                     "membre", "membres", "garçons", "filles", "élèves", "child", "children",
                     "kid", "kids", "minor", "minors", "person", "persons", "people",
                     "individual", "individuals", "user", "users", "teen", "teens",
                     "teenager", "teenagers", "anyone", "anybody", "someone", "everyone",
                     "those", "visitors", "students", "youth", "youths", "boys", "girls",
                     "customers", "clients", "patients"});
}

bool IsAgeWord(std::string_view t) {
  return IsOneOf(t, {"âge", "âgé", "âgée", "âgés", "âgées", "age", "aged", "ages", "majeur",
                     "majeure", "majeurs", "majorité", "birthday", "anniversaire", "born",
                     "né", "née", "nés", "nées"});
}

bool IsRetentionContext(std::string_view t) {
  return IsOneOf(t, {"durée", "durées", "délai", "délais", "période", "périodes", "pendant",
                     "durant", "conservées", "conservés", "conservée", "conservé",
                     "conservons", "conserver", "conservation", "conserve", "conservent",
                     "archivées", "archivage", "stockées", "stockage", "gardées", "garder",
                     "inactivité", "inactif", "inactive", "depuis", "après", "delà",
                     "expiration", "issue", "terme", "period", "retention", "retain",
                     "retained", "kept", "keep", "stored", "store", "for", "after",
                     "inactivity", "inactive", "delete", "deleted"});
}

// Ages and thresholds: "âgés de plus de 16 ans", "moins de 15 ans", "children
// under 13 years of age", "13 years or older", "les mineurs de moins de 18 ans",
// "de 16 ans". `start` is the first word of the expression with its qualifier,
// `next` the word after it.
bool LooksLikeAge(const Words& w, std::size_t start, std::size_t quantity_first,
                  std::size_t next, const Simple& d, Language lang) {
  // Only whole years of a human age.
  if (d.largest != kYear || d.smallest != kYear) return false;
  const double years = d.amount[kYear];
  if (years > 120 || !Whole(years)) return false;
  // After: "years of age", "years old", "or older", "ans révolus", "et plus".
  std::string_view a1 = At(w, next), a2 = At(w, next + 1);
  if (a1 == "old" || a1 == "olds" || a1 == "révolus" || a1 == "ago" ||
      (a1 == "of" && a2 == "age") || (IsHyphen(a1) && a2 == "old") ||
      ((a1 == "or" || a1 == "and") &&
       IsOneOf(a2, {"older", "over", "above", "younger", "under", "below", "up"})) ||
      (a1 == "d" && a2 == "'" && At(w, next + 2) == "âge"))
    return true;
  const bool threshold_number = years >= 10 && years <= 25;
  if (threshold_number && ((a1 == "et" || a1 == "ou") && (a2 == "plus" || a2 == "moins")))
    return true;
  // Before: an age word close by ("âgés de", "l'âge de", "aged").
  // (Within the same sentence part: stop at punctuation other than ' and -.)
  for (std::size_t k = quantity_first, n = 0; k > 0 && n < 6; --k) {
    const ScanWord& p = w[k - 1];
    if (p.kind == ScanWord::kPunct && IsOneOf(p.text, {".", ";", ":", "!", "?", "|"})) break;
    if (k <= start) ++n;  // up to 6 words before the qualifier
    if (IsAgeWord(p.text)) return true;
  }
  // Before: a verb of having an age ("vous avez 15 ans", "il y a 3 ans"; "you are").
  std::size_t p = start;
  if (p > 0) {
    std::string_view v = w[p - 1].text;
    if (IsFr(lang) && IsOneOf(v, {"avez", "avoir", "ayant", "ont", "a", "as", "ai", "aurez",
                                  "aura", "auront", "avait", "avaient", "atteint", "atteindre",
                                  "fêté"}))
      return true;
    if (IsEn(lang) && IsOneOf(v, {"turn", "turned", "turns", "reach", "reached", "reaches",
                                  "reaching", "aged"}))
      return true;
    if (IsEn(lang) && v == "are" && p >= 2 && IsOneOf(w[p - 2].text, {"you", "they", "who"}))
      return true;
    if (IsEn(lang) && (v == "re" || v == "m") && p >= 2 && w[p - 2].text == "'") return true;
  }
  // "under 13 years", "below 16 years" are ages; "over 16 years" too when small.
  if (IsEn(lang)) {
    std::string_view q = quantity_first > 0 ? w[quantity_first - 1].text : std::string_view();
    if (q == "under" || q == "below") return true;
    if ((q == "over" || q == "above") && threshold_number) return true;
  }
  // A person noun before, past qualifier words: "les mineurs de moins de 18 ans",
  // "enfants de 13 ans", "users over 16 years".
  std::size_t k = quantity_first;
  bool skipped = false;
  for (int steps = 0; steps < 5 && k > 0; ++steps) {
    std::string_view t = w[k - 1].text;
    if (IsOneOf(t, {"de", "d", "'", "moins", "plus", "of", "under", "over", "below", "above",
                    "entre", "between", "from", "à", "to", "et", "and", "au", "at", "least",
                    "aged", "ages"})) {
      --k;
      skipped = true;
      continue;
    }
    // "clients 3 ans après…" (a table cell) is not an age: a bare noun needs a
    // threshold-like number, otherwise a linking word ("enfants de 8 ans").
    if (IsPersonNoun(t) && (skipped || threshold_number)) return true;
    break;
  }
  // A bare French threshold: "moins de 15 ans", "de 16 ans", "plus de 13 ans"
  // with no retention context in the words before.
  if (threshold_number && IsFr(lang) && quantity_first > 0) {
    std::string_view q = w[quantity_first - 1].text;
    if (q == "de" || q == "d" || (q == "'" && quantity_first >= 2)) {
      const std::size_t from = quantity_first >= 8 ? quantity_first - 8 : 0;
      for (std::size_t m = from; m < quantity_first; ++m)
        if (IsRetentionContext(w[m].text)) return false;
      return true;
    }
  }
  return false;
}

// Rates and spans of the clock: "24h/24", "7 jours sur 7", "365 jours par an",
// "24 hours a day", "7 days a week".
bool LooksLikeRate(const Words& w, std::size_t first, std::size_t next, Language lang) {
  std::string_view a1 = At(w, next), a2 = At(w, next + 1);
  // "once a year", "twice a month", "trois fois par an" (the latter has no quantity).
  if (first > 0 && IsOneOf(w[first - 1].text, {"once", "twice", "times", "fois"})) return true;
  if (a1 == "/" && Adjacent(w, next - 1, next)) return true;
  if (a1 == "sur" && next + 1 < w.size() && w[next + 1].kind == ScanWord::kNumber) return true;
  if (a1 == "par" && IsOneOf(a2, {"an", "jour", "mois", "semaine", "heure", "année"}))
    return true;
  if ((a1 == "a" || a1 == "per" || a1 == "each" || a1 == "every") &&
      IsOneOf(a2, {"day", "week", "month", "year", "hour"}))
    return true;
  return false;
}

// ------------------------------------------------------------ the scan

struct Found {
  Duration d;
  std::size_t last_word = 0;  // index of the last word used
};

Duration MakeDuration(std::string_view text, const Words& w, std::size_t first,
                      std::size_t next, const std::array<double, kNumUnits>& amount,
                      bool business) {
  Duration d;
  d.begin = w[first].begin;
  d.end = w[next - 1].end;
  d.text = std::string(text.substr(d.begin, d.end - d.begin));
  d.iso = ToIso(amount, &d.days);
  d.business_days = business;
  return d;
}

bool IsRangeConnector(std::string_view t, std::string_view opener, Language lang) {
  if (opener == "entre" || opener == "between") return t == "et" || t == "and" || IsDash(t);
  if (opener == "de" || opener == "d" || opener == "from")
    return t == "à" || t == "a" || t == "to" || IsDash(t);
  if (IsDash(t)) return true;
  if (IsFr(lang) && (t == "à" || t == "ou")) return true;
  if (IsEn(lang) && (t == "to" || t == "or")) return true;
  return false;
}

// Tries a duration or range starting at word i. `opener` is "entre", "de",
// "between", "from" when word i - 1 (or i - 2 for d') is one.
bool ParseAt(std::string_view text, const Words& w, std::size_t i, Language lang,
             std::vector<Found>* out) {
  std::string_view opener;
  std::size_t opener_first = i;
  std::size_t q_first = i;
  {
    std::string_view t = w[i].text;
    if ((IsFr(lang) && (t == "entre" || t == "de")) ||
        (IsEn(lang) && (t == "between" || t == "from"))) {
      opener = t;
      q_first = i + 1;
    } else if (IsFr(lang) && t == "d" && At(w, i + 1) == "'") {
      opener = t;
      q_first = i + 2;
    }
  }
  if (q_first >= w.size()) return false;

  Simple low, high;
  bool have_low = false, range = false;
  bool alternative = false;  // "30 or 60 days": two exact values, not a range
  std::size_t low_next = 0;
  std::size_t low_end_word = q_first;
  if (ParseCompound(w, q_first, lang, &low)) {
    have_low = true;
    low_next = low.next;
    std::size_t c = low_next;
    if (c < w.size() && IsRangeConnector(w[c].text, opener, lang) &&
        ParseCompound(w, c + 1, lang, &high)) {
      double dl, dh;
      ToIso(low.amount, &dl);
      ToIso(high.amount, &dh);
      if (dh > dl) range = true;
      alternative = range && (w[c].text == "or" || w[c].text == "ou");
    }
    low_end_word = low.next;
  } else {
    // A bare number before a connector: "6 à 12 mois", "between 6 and 12 months".
    Quantity q;
    if (!ParseQuantity(w, q_first, lang, &q) || q.article) return false;
    std::size_t c = q.next;
    if (c >= w.size() || !IsRangeConnector(w[c].text, opener, lang)) return false;
    // "-" must be tight or spaced on both sides alike; fine either way.
    if (!ParseCompound(w, c + 1, lang, &high)) return false;
    if (high.largest != high.smallest) return false;  // "6 à 1 an et 6 mois": odd
    const int unit = high.largest;
    if (q.value >= high.amount[unit]) return false;
    low = Simple{};
    Add(&low, static_cast<Unit>(unit), q.value);
    low.first = q.first;
    low.next = q.next;
    low.business = high.business;
    low.digits = q.digits;
    low_end_word = q.next;
    have_low = true;
    range = true;
    alternative = w[c].text == "or" || w[c].text == "ou";
  }
  if (!have_low) return false;
  // An opener only belongs to a range.
  if (!range && !opener.empty()) return false;
  if (!range) opener_first = q_first;

  const std::size_t expr_next = range ? high.next : low.next;
  const std::size_t expr_first = range ? opener_first : q_first;

  // Rates and ages are not retention.
  if (LooksLikeRate(w, expr_first, expr_next, lang)) {
    out->push_back(Found{Duration{}, std::min(expr_next + 1, w.size() - 1)});
    out->back().d.iso.clear();  // marker: consumed, not reported
    return true;
  }
  QualifierHit before, after;
  bool has_before = FindQualifierBefore(w, expr_first, lang, &before);
  bool has_after = !has_before && FindQualifierAfter(w, expr_next, lang, &after);
  const std::size_t start = has_before ? before.first : expr_first;
  const Simple& top = range ? high : low;
  if (LooksLikeAge(w, start, range ? q_first : low.first, expr_next, top, lang) ||
      (range && LooksLikeAge(w, start, q_first, expr_next, low, lang) &&
       low.largest == kYear && high.largest == kYear)) {
    out->push_back(Found{Duration{}, expr_next - 1});
    out->back().d.iso.clear();
    return true;
  }
  // "under"/"over" as an English qualifier only when not an age (checked above).
  const std::size_t full_first = start;
  std::size_t full_next = has_after ? after.next : expr_next;
  auto qualifier_text = [&](const QualifierHit& h) {
    return std::string(text.substr(w[h.first].begin, w[h.next - 1].end - w[h.first].begin));
  };
  auto finish = [&](Duration d) {
    d.full_begin = w[full_first].begin;
    d.full_end = w[full_next - 1].end;
    return d;
  };
  if (!range) {
    Duration d = MakeDuration(text, w, low.first, low.next, low.amount, low.business);
    if (has_before) {
      d.qualifier = std::string(before.qualifier);
      d.qualifier_text = qualifier_text(before);
    } else if (has_after) {
      d.qualifier = std::string(after.qualifier);
      d.qualifier_text = qualifier_text(after);
    }
    out->push_back(Found{finish(std::move(d)), full_next - 1});
    return true;
  }
  Duration lo = MakeDuration(text, w, low.first, low_end_word, low.amount, low.business);
  Duration hi = MakeDuration(text, w, high.first, high.next, high.amount, high.business);
  if (alternative) {
    // "30 or 60 days": each value with the expression's qualifier.
    if (has_before || has_after) {
      const QualifierHit& h = has_before ? before : after;
      lo.qualifier = hi.qualifier = std::string(h.qualifier);
      lo.qualifier_text = hi.qualifier_text = qualifier_text(h);
    }
  } else {
    lo.qualifier = "min";
    hi.qualifier = "max";
    lo.is_range_low = true;
    hi.is_range_high = true;
    if (has_before || has_after) {
      const QualifierHit& h = has_before ? before : after;
      lo.qualifier_text = hi.qualifier_text = qualifier_text(h);
      if (h.qualifier == "approx") lo.qualifier = hi.qualifier = "approx";
    }
  }
  std::size_t last = full_next - 1;
  out->push_back(Found{finish(std::move(lo)), last});
  out->push_back(Found{finish(std::move(hi)), last});
  return true;
}

std::vector<Duration> FindIn(std::string_view text, const Words& w, Language lang) {
  std::vector<Duration> result;
  std::vector<Found> found;
  for (std::size_t i = 0; i < w.size();) {
    if (w[i].kind == ScanWord::kPunct ||
        (w[i].kind == ScanWord::kWord && !MayStart(w[i].text, lang))) {
      ++i;
      continue;
    }
    found.clear();
    if (ParseAt(text, w, i, lang, &found)) {
      std::size_t last = i;
      for (Found& f : found) {
        last = std::max(last, f.last_word);
        if (!f.d.iso.empty()) result.push_back(std::move(f.d));
      }
      i = last + 1;
    } else {
      ++i;
    }
  }
  return result;
}

}  // namespace

std::vector<Duration> FindDurations(std::string_view normalized, Language lang) {
  return FindDurations(normalized, lang, ScanWords(normalized));
}

std::vector<Duration> FindDurations(std::string_view normalized, Language lang,
                                    const std::vector<ScanWord>& words) {
  if (lang != Language::kUnd) return FindIn(normalized, words, lang);
  // Both languages; keep the longer of two overlapping matches.
  std::vector<Duration> fr = FindIn(normalized, words, Language::kFr);
  std::vector<Duration> en = FindIn(normalized, words, Language::kEn);
  std::vector<Duration> all;
  all.reserve(fr.size() + en.size());
  for (auto* v : {&fr, &en})
    for (Duration& d : *v) all.push_back(std::move(d));
  std::stable_sort(all.begin(), all.end(), [](const Duration& a, const Duration& b) {
    if (a.full_begin != b.full_begin) return a.full_begin < b.full_begin;
    return (a.full_end - a.full_begin) > (b.full_end - b.full_begin);
  });
  std::vector<Duration> out;
  std::size_t covered_begin = 0, covered_end = 0;
  for (Duration& d : all) {
    if (!out.empty() && d.full_begin < covered_end) {
      // Keep the second end of the same range; drop the rest of an overlap.
      if (d.full_begin == covered_begin && d.full_end == covered_end && out.back().is_range_low &&
          d.is_range_high && d.begin >= out.back().end)
        out.push_back(std::move(d));
      continue;
    }
    covered_begin = d.full_begin;
    covered_end = d.full_end;
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Duration& a, const Duration& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace policytext::internal

namespace policytext {

std::vector<DurationMention> ParseDurations(std::string_view utf8, Language lang) {
  const internal::AlignedText norm = internal::NormalizeAligned(utf8);
  const internal::CharIndex chars(utf8);
  // A normalised offset -> source offset; an end inside the expansion of one
  // source character (case folding "ß" -> "ss") moves to that character's end.
  auto begin_at = [&](std::size_t i) { return static_cast<std::size_t>(norm.to_source[i]); };
  auto end_at = [&](std::size_t i) {
    std::size_t j = i;
    while (j > 0 && j < norm.text.size() && norm.to_source[j] == norm.to_source[j - 1]) ++j;
    return static_cast<std::size_t>(norm.to_source[j]);
  };
  std::vector<DurationMention> out;
  for (const internal::Duration& d : internal::FindDurations(norm.text, lang)) {
    DurationMention m;
    m.span = chars.MakeSpan(begin_at(d.begin), end_at(d.end));
    m.full_span = chars.MakeSpan(begin_at(d.full_begin), end_at(d.full_end));
    m.text = std::string(utf8.substr(m.span.begin, m.span.size()));
    m.iso = d.iso;
    m.qualifier = d.qualifier;
    m.range_low = d.is_range_low;
    m.range_high = d.is_range_high;
    m.business_days = d.business_days;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace policytext
