// The rule-pack parser: sections, keys, values, macros. No RE2 here.
#include "extract/rule_pack.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace policytext::internal {
namespace {

// Letters as the rules see them: the text is NFC and case-folded, and the
// policies are French or English, so a letter is a lowercase Latin one (ASCII,
// Latin-1, Latin Extended-A and -B). Unicode's \p{L} would be correct for every
// script but makes each class a large UTF-8 automaton: a pack compiled 30 times
// slower with it (docs/rules.md, "Letters and speed").
#define POLICYTEXT_LATIN "a-z\\x{df}-\\x{f6}\\x{f8}-\\x{24f}"
constexpr std::string_view kLatinLetters = POLICYTEXT_LATIN;
constexpr std::string_view kBoundary = "(?:^|$|[^" POLICYTEXT_LATIN "0-9_])";
constexpr std::string_view kWordChar = "[" POLICYTEXT_LATIN "0-9]";
constexpr std::string_view kWord = "[" POLICYTEXT_LATIN "0-9][" POLICYTEXT_LATIN "0-9'-]*";
constexpr std::string_view kGap = "(?:[^" POLICYTEXT_LATIN "0-9]+[" POLICYTEXT_LATIN
                                  "0-9][" POLICYTEXT_LATIN "0-9'-]*){0,6}?[^" POLICYTEXT_LATIN
                                  "0-9]+";
#undef POLICYTEXT_LATIN

constexpr std::array<std::string_view, 8> kRuleKeys = {
    "category", "pattern", "require", "exclude", "confidence", "set", "scope", "override"};
constexpr std::array<std::string_view, 6> kLexiconKeys = {"attribute", "value", "detail",
                                                          "category",  "term",  "override"};
constexpr std::array<std::string_view, 10> kRecipientTypes = {
    "affiliate", "service_provider", "advertiser", "business_partner", "authority",
    "social_network", "acquirer", "public", "named", "unspecified_third_party"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// 1-based column, in code points, of byte `offset` of `line`.
int ColumnOf(std::string_view line, std::size_t offset) {
  int col = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

bool IsValidId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), IsIdChar);
}

bool IsName(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

template <std::size_t N>
std::string KeyError(std::string_view key, std::string_view section,
                     const std::array<std::string_view, N>& keys) {
  std::string msg = "unknown key '" + std::string(key) + "' in a [" + std::string(section) +
                    "] section";
  std::string_view best;
  std::size_t best_d = 3;
  for (std::string_view k : keys) {
    const std::size_t d = EditDistance(key, k);
    if (d < best_d) best_d = d, best = k;
  }
  if (!best.empty()) msg += "; did you mean '" + std::string(best) + "'?";
  msg += " (expected one of:";
  for (std::string_view k : keys) msg += " " + std::string(k);
  msg += ")";
  return msg;
}

Language IdLanguage(std::string_view id) {
  if (id.rfind("fr.", 0) == 0) return Language::kFr;
  if (id.rfind("en.", 0) == 0) return Language::kEn;
  return Language::kUnd;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view file, Language folder_lang)
      : text_(text), folder_lang_(folder_lang) {
    pack_.file = std::string(file);
  }

  StatusOr<RulePack> Parse() {
    if (text_.rfind("\xEF\xBB\xBF", 0) == 0) text_.remove_prefix(3), bom_ = true;
    std::size_t pos = 0;
    int line_no = 0;
    while (pos <= text_.size()) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      line_ = text_.substr(pos, nl - pos);
      ++line_no;
      line_no_ = line_no;
      if (line_.find('\0') != std::string_view::npos) {
        return Error(line_.find('\0'), "NUL byte in a rule pack");
      }
      if (Status s = Line(); !s.ok()) return s;
      if (nl == text_.size()) break;
      pos = nl + 1;
    }
    if (Status s = FinishSection(); !s.ok()) return s;
    return std::move(pack_);
  }

 private:
  SourceLoc Loc(std::size_t offset) const {
    // The BOM is not a column.
    return SourceLoc{pack_.file, line_no_, ColumnOf(line_, offset)};
  }

  Status Error(std::size_t offset, const std::string& message) const {
    return InvalidArgumentError(Loc(offset).ToString() + ": " + message);
  }
  Status ErrorAt(const SourceLoc& loc, const std::string& message) const {
    return InvalidArgumentError(loc.ToString() + ": " + message);
  }

  Status Line() {
    std::size_t first = 0;
    while (first < line_.size() && IsSpace(line_[first])) ++first;
    if (first == line_.size() || line_[first] == '#') return OkStatus();
    if (line_[first] == '[') return Header(first);
    return KeyValue(first);
  }

  Status Header(std::size_t open) {
    if (Status s = FinishSection(); !s.ok()) return s;
    const std::size_t close = line_.find(']', open);
    if (close == std::string_view::npos) {
      return Error(open, "section header without a closing ']'");
    }
    std::string_view rest = Trim(line_.substr(close + 1));
    if (!rest.empty() && rest.front() != '#') {
      return Error(close + 1, "unexpected text after the section header");
    }
    std::string_view inner = line_.substr(open + 1, close - open - 1);
    std::size_t kind_begin = 0;
    while (kind_begin < inner.size() && IsSpace(inner[kind_begin])) ++kind_begin;
    std::size_t kind_end = kind_begin;
    while (kind_end < inner.size() && !IsSpace(inner[kind_end])) ++kind_end;
    std::string_view kind = inner.substr(kind_begin, kind_end - kind_begin);
    std::size_t id_begin = kind_end;
    while (id_begin < inner.size() && IsSpace(inner[id_begin])) ++id_begin;
    std::string_view id = Trim(inner.substr(id_begin));
    const std::size_t kind_off = open + 1 + kind_begin;
    const std::size_t id_off = open + 1 + id_begin;
    if (kind != "rule" && kind != "lexicon" && kind != "disable") {
      return Error(kind_off, "unknown section '" + std::string(kind) +
                                 "'; expected [rule ID], [lexicon ID] or [disable ID]");
    }
    if (id.empty()) return Error(id_off, "missing ID in [" + std::string(kind) + "]");
    if (!IsValidId(id)) {
      return Error(id_off, "invalid ID '" + std::string(id) +
                               "': use lowercase letters, digits and . _ - only");
    }
    header_loc_ = Loc(open);
    seen_keys_.clear();
    if (kind == "disable") {
      pack_.disables.push_back(DisableDef{std::string(id), header_loc_});
      pack_.order.push_back({PackEntry::Kind::kDisable, pack_.disables.size() - 1});
      section_ = Section::kDisable;
      return OkStatus();
    }
    Language lang = IdLanguage(id);
    if (lang == Language::kUnd) lang = folder_lang_;
    if (lang == Language::kUnd) {
      return Error(id_off, "cannot tell the language of '" + std::string(id) +
                               "': start the ID with 'fr.' or 'en.', or put the pack in a "
                               "folder named fr/ or en/");
    }
    if (kind == "rule") {
      RuleDef rule;
      rule.id = std::string(id);
      rule.loc = header_loc_;
      rule.lang = lang;
      pack_.rules.push_back(std::move(rule));
      pack_.order.push_back({PackEntry::Kind::kRule, pack_.rules.size() - 1});
      section_ = Section::kRule;
    } else {
      LexiconDef lex;
      lex.id = std::string(id);
      lex.loc = header_loc_;
      lex.lang = lang;
      pack_.lexicons.push_back(std::move(lex));
      pack_.order.push_back({PackEntry::Kind::kLexicon, pack_.lexicons.size() - 1});
      section_ = Section::kLexicon;
    }
    return OkStatus();
  }

  // Checks that the section just ended has its required keys.
  Status FinishSection() {
    if (section_ == Section::kRule) {
      const RuleDef& r = pack_.rules.back();
      if (!seen_keys_.count("category")) {
        return ErrorAt(r.loc, "[rule " + r.id + "] has no 'category'");
      }
      if (r.patterns.empty()) return ErrorAt(r.loc, "[rule " + r.id + "] has no 'pattern'");
    } else if (section_ == Section::kLexicon) {
      const LexiconDef& l = pack_.lexicons.back();
      if (l.attribute.empty()) {
        return ErrorAt(l.loc, "[lexicon " + l.id + "] has no 'attribute'");
      }
      if (l.value.empty()) return ErrorAt(l.loc, "[lexicon " + l.id + "] has no 'value'");
      if (l.terms.empty()) return ErrorAt(l.loc, "[lexicon " + l.id + "] has no 'term'");
      if (l.attribute == "recipient" &&
          std::find(kRecipientTypes.begin(), kRecipientTypes.end(), l.value) ==
              kRecipientTypes.end()) {
        std::string msg = "[lexicon " + l.id + "]: unknown recipient type '" + l.value +
                          "' (expected one of:";
        for (std::string_view t : kRecipientTypes) msg += " " + std::string(t);
        return ErrorAt(value_loc_, msg + ")");
      }
    }
    section_ = Section::kNone;
    return OkStatus();
  }

  Status KeyValue(std::size_t first) {
    const std::size_t eq = line_.find('=', first);
    if (eq == std::string_view::npos) {
      return Error(first, "expected 'key = value' or a section header such as [rule ID]");
    }
    std::string_view key = Trim(line_.substr(first, eq - first));
    if (!IsName(key)) return Error(first, "invalid key '" + std::string(key) + "'");
    std::size_t vbegin = eq + 1;
    while (vbegin < line_.size() && IsSpace(line_[vbegin])) ++vbegin;
    std::size_t vend = line_.size();
    for (std::size_t i = vbegin; i < line_.size(); ++i) {
      if (line_[i] == '#' && i > vbegin && IsSpace(line_[i - 1])) {
        vend = i;
        break;
      }
    }
    while (vend > vbegin && IsSpace(line_[vend - 1])) --vend;
    std::string_view value = line_.substr(vbegin, vend - vbegin);
    const SourceLoc key_loc = Loc(first);
    const SourceLoc value_loc = Loc(vbegin);
    if (section_ == Section::kNone) {
      return Error(first, "'" + std::string(key) + "' outside a section; start one with "
                                                    "[rule ID] or [lexicon ID]");
    }
    if (section_ == Section::kDisable) {
      return Error(first, "a [disable ID] section takes no keys");
    }
    if (value.empty()) return Error(vbegin, "empty value for '" + std::string(key) + "'");
    if (section_ == Section::kRule) return RuleKey(key, value, key_loc, value_loc);
    return LexiconKey(key, value, key_loc, value_loc);
  }

  Status Once(std::string_view key, const SourceLoc& loc) {
    if (!seen_keys_.insert(std::string(key)).second) {
      return ErrorAt(loc, "'" + std::string(key) + "' given twice in one section");
    }
    return OkStatus();
  }

  StatusOr<PatternDef> Pattern(std::string_view value, const SourceLoc& loc) {
    std::size_t bad = 0;
    StatusOr<std::string> expanded = ExpandPattern(value, &bad);
    if (!expanded.ok()) {
      SourceLoc at = loc;
      at.col += ColumnOf(value, bad) - 1;
      return ErrorAt(at, expanded.status().message());
    }
    return PatternDef{std::string(value), std::move(expanded).value(), loc};
  }

  StatusOr<bool> Bool(std::string_view value, const SourceLoc& loc) {
    if (value == "true") return true;
    if (value == "false") return false;
    return ErrorAt(loc, "expected true or false, got '" + std::string(value) + "'");
  }

  StatusOr<Category> CategoryValue(std::string_view value, const SourceLoc& loc) {
    StatusOr<Category> c = ParseCategory(value);
    if (!c.ok()) return ErrorAt(loc, c.status().message());
    return c;
  }

  Status RuleKey(std::string_view key, std::string_view value, const SourceLoc& key_loc,
                 const SourceLoc& loc) {
    RuleDef& r = pack_.rules.back();
    if (key == "category") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      StatusOr<Category> c = CategoryValue(value, loc);
      if (!c.ok()) return c.status();
      r.category = *c;
    } else if (key == "pattern" || key == "require" || key == "exclude") {
      StatusOr<PatternDef> p = Pattern(value, loc);
      if (!p.ok()) return p.status();
      auto& list = key == "pattern" ? r.patterns : key == "require" ? r.required : r.excluded;
      list.push_back(std::move(p).value());
    } else if (key == "confidence") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      std::string v(value);
      char* end = nullptr;
      const double d = std::strtod(v.c_str(), &end);
      if (end != v.c_str() + v.size() || !(d >= 0.0 && d <= 1.0)) {
        return ErrorAt(loc, "confidence must be a number between 0 and 1, got '" + v + "'");
      }
      r.confidence = d;
    } else if (key == "set") {
      const std::size_t colon = value.find(':');
      std::string_view name = colon == std::string_view::npos ? value : value.substr(0, colon);
      std::string_view v =
          colon == std::string_view::npos ? std::string_view() : Trim(value.substr(colon + 1));
      name = Trim(name);
      if (!IsName(name) || v.empty()) {
        return ErrorAt(loc, "expected 'set = attribute:value' (e.g. action:share), got '" +
                                std::string(value) + "'");
      }
      r.sets.emplace_back(std::string(name), std::string(v));
    } else if (key == "scope") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      if (value == "sentence") {
        r.scope = RuleScope::kSentence;
      } else if (value == "clause") {
        r.scope = RuleScope::kClause;
      } else if (value == "block") {
        r.scope = RuleScope::kBlock;
      } else {
        return ErrorAt(loc, "scope must be sentence, clause or block, got '" +
                                std::string(value) + "'");
      }
    } else if (key == "override") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      StatusOr<bool> b = Bool(value, loc);
      if (!b.ok()) return b.status();
      r.override = *b;
    } else {
      return ErrorAt(key_loc, KeyError(key, "rule", kRuleKeys));
    }
    return OkStatus();
  }

  Status LexiconKey(std::string_view key, std::string_view value, const SourceLoc& key_loc,
                    const SourceLoc& loc) {
    LexiconDef& l = pack_.lexicons.back();
    if (key == "attribute") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      if (!IsName(value)) {
        return ErrorAt(loc, "attribute must be a lowercase name such as recipient, got '" +
                                std::string(value) + "'");
      }
      l.attribute = std::string(value);
    } else if (key == "value") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      l.value = std::string(value);
      value_loc_ = loc;
    } else if (key == "detail") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      l.detail = std::string(value);
    } else if (key == "category") {
      StatusOr<Category> c = CategoryValue(value, loc);
      if (!c.ok()) return c.status();
      l.categories.push_back(*c);
    } else if (key == "term") {
      StatusOr<PatternDef> p = Pattern(value, loc);
      if (!p.ok()) return p.status();
      l.terms.push_back(std::move(p).value());
    } else if (key == "override") {
      if (Status s = Once(key, key_loc); !s.ok()) return s;
      StatusOr<bool> b = Bool(value, loc);
      if (!b.ok()) return b.status();
      l.override = *b;
    } else {
      return ErrorAt(key_loc, KeyError(key, "lexicon", kLexiconKeys));
    }
    return OkStatus();
  }

  enum class Section { kNone, kRule, kLexicon, kDisable };

  std::string_view text_;
  Language folder_lang_;
  RulePack pack_;
  std::string_view line_;
  int line_no_ = 0;
  bool bom_ = false;
  Section section_ = Section::kNone;
  SourceLoc header_loc_;
  SourceLoc value_loc_;
  std::set<std::string> seen_keys_;
};

}  // namespace

std::string SourceLoc::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(col);
}

StatusOr<RulePack> ParseRulePack(std::string_view text, std::string_view file,
                                 Language folder_lang) {
  return Parser(text, file, folder_lang).Parse();
}

const std::vector<std::pair<std::string, std::string>>& PatternMacros() {
  static const auto* const kMacros = new std::vector<std::pair<std::string, std::string>>{
      {"b", std::string(kBoundary)},
      {"w", std::string(kWordChar)},
      {"word", std::string(kWord)},
      {"gap", std::string(kGap)},
  };
  return *kMacros;
}

StatusOr<std::string> ExpandPattern(std::string_view pattern, std::size_t* error_offset) {
  std::string out;
  out.reserve(pattern.size() + 32);
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) {
        *error_offset = i;
        return InvalidArgumentError("pattern ends with a lone '\\'");
      }
      const char n = pattern[i + 1];
      if (n == 'b' || n == 'B') {
        *error_offset = i;
        return InvalidArgumentError(std::string("'\\") + n +
                                    "' is ASCII-only in RE2 and misses accented words; "
                                    "use {b} (a Unicode word boundary) instead");
      }
      if (n == 'w' || n == 'W') {
        *error_offset = i;
        return InvalidArgumentError(
            std::string("'\\") + n +
            "' is ASCII-only in RE2 and misses accented letters; use {w} (one letter or "
            "digit), {word} (a whole word) or \\p{L} instead");
      }
      // \p{Name} / \P{Name}: letters and digits become the compact classes.
      if ((n == 'p' || n == 'P') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        const std::size_t close = pattern.find('}', i + 2);
        if (close == std::string_view::npos) {
          *error_offset = i;
          return InvalidArgumentError("unterminated \\p{...} class");
        }
        std::string_view name = pattern.substr(i + 3, close - i - 3);
        const bool negated = n == 'P';
        std::string_view set;
        if (name == "L" || name == "Ll" || name == "Latin") set = kLatinLetters;
        if (name == "N" || name == "Nd") set = "0-9";
        if (!set.empty() && in_class && !negated) {
          out += set;
        } else if (!set.empty() && !in_class) {
          out += negated ? "[^" : "[";
          out += set;
          out += "]";
        } else {
          out.append(pattern.substr(i, close - i + 1));
        }
        i = close;
        continue;
      }
      out += c;
      out += n;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (c == '{') {
      std::size_t j = i + 1;
      while (j < pattern.size() &&
             ((pattern[j] >= 'a' && pattern[j] <= 'z') || pattern[j] == '_')) {
        ++j;
      }
      if (j > i + 1 && j < pattern.size() && pattern[j] == '}') {
        std::string_view name = pattern.substr(i + 1, j - i - 1);
        bool found = false;
        for (const auto& [macro, expansion] : PatternMacros()) {
          if (macro == name) {
            out += expansion;
            found = true;
            break;
          }
        }
        if (!found) {
          *error_offset = i;
          return InvalidArgumentError("unknown macro {" + std::string(name) +
                                      "}; the macros are {b} {w} {word} {gap}");
        }
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::vector<Category> DefaultCategoriesFor(std::string_view attribute) {
  using C = Category;
  if (attribute == "recipient" || attribute == "condition" || attribute == "action") {
    return {C::kSharing};
  }
  if (attribute == "data_type") {
    return {C::kSharing, C::kRetention, C::kFirstPartyCollection};
  }
  if (attribute == "purpose") return {C::kSharing, C::kFirstPartyCollection};
  if (attribute == "kind") return {C::kAdvertising};
  if (attribute == "user_choice") {
    return {C::kAdvertising, C::kUserChoice, C::kTracking};
  }
  if (attribute == "right") return {C::kUserRights};
  if (attribute == "safeguard") return {C::kInternationalTransfer};
  if (attribute == "event") return {C::kRetention};
  if (attribute == "audience") return {C::kChildren};
  if (attribute == "channel") return {C::kAdvertising, C::kContact};
  if (attribute == "technology") return {C::kTracking};
  if (attribute == "negation_cue" || attribute == "modal_cue") return {};
  return {};
}

}  // namespace policytext::internal
