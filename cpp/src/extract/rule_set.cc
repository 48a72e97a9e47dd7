// Loading, merging and compiling rule packs.
#include "extract/rule_set.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "extract/builtin_rules.h"

namespace policytext::internal {
namespace {

namespace fs = std::filesystem;

Language FolderLanguage(const fs::path& file) {
  const std::string parent = file.parent_path().filename().string();
  if (parent == "fr") return Language::kFr;
  if (parent == "en") return Language::kEn;
  return Language::kUnd;
}

StatusOr<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return PermissionDeniedError("cannot open rule pack " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Joins alternatives so that each keeps its own precedence.
std::string Join(const std::vector<PatternDef>& patterns) {
  if (patterns.size() == 1) return patterns[0].expanded;
  std::string out;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i) out += '|';
    out += "(?:" + patterns[i].expanded + ")";
  }
  return out;
}

std::uint64_t Fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  // A separator so that ("ab","c") and ("a","bc") differ.
  h ^= 0xff;
  h *= 0x100000001b3ULL;
  return h;
}

// The merged view of all packs before compiling.
struct Merged {
  struct Slot {
    bool is_rule = true;
    std::size_t index = 0;  // into rules / lexicons
    bool live = true;
  };
  std::vector<RuleDef> rules;
  std::vector<LexiconDef> lexicons;
  std::vector<Slot> slots;                    // definition order
  std::map<std::string, std::size_t> by_id;  // id -> slot
};

SourceLoc LocOf(const Merged& m, const Merged::Slot& slot) {
  return slot.is_rule ? m.rules[slot.index].loc : m.lexicons[slot.index].loc;
}

template <typename Def>
Status AddDefinition(Merged& m, Def def, bool is_rule) {
  auto it = m.by_id.find(def.id);
  const bool exists = it != m.by_id.end() && m.slots[it->second].live;
  if (exists && !def.override) {
    return InvalidArgumentError(def.loc.ToString() + ": duplicate ID '" + def.id +
                                "' (first defined at " + LocOf(m, m.slots[it->second]).ToString() +
                                "); set 'override = true' to replace it");
  }
  if (!exists && def.override) {
    return InvalidArgumentError(def.loc.ToString() + ": 'override = true' but no earlier " +
                                "pack defines '" + def.id + "'");
  }
  if (exists) {
    Merged::Slot& slot = m.slots[it->second];
    if (slot.is_rule != is_rule) {
      return InvalidArgumentError(def.loc.ToString() + ": '" + def.id + "' overrides a " +
                                  (slot.is_rule ? "rule" : "lexicon entry") + " with a " +
                                  (is_rule ? "rule" : "lexicon entry"));
    }
    if constexpr (std::is_same_v<Def, RuleDef>) {
      m.rules[slot.index] = std::move(def);
    } else {
      m.lexicons[slot.index] = std::move(def);
    }
    return OkStatus();
  }
  Merged::Slot slot;
  slot.is_rule = is_rule;
  if constexpr (std::is_same_v<Def, RuleDef>) {
    slot.index = m.rules.size();
    m.rules.push_back(std::move(def));
  } else {
    slot.index = m.lexicons.size();
    m.lexicons.push_back(std::move(def));
  }
  m.by_id[is_rule ? m.rules.back().id : m.lexicons.back().id] = m.slots.size();
  m.slots.push_back(slot);
  return OkStatus();
}

std::string Budget(std::size_t budget) {
  char mib[32];
  std::snprintf(mib, sizeof mib, "%.1f", static_cast<double>(budget) / (1 << 20));
  return mib;
}

// Adds one pattern to `set` (parsing it: this is where RE2 syntax errors are
// reported, with the rule ID and the pattern's file:line:col).
Status AddToSet(RE2::Set& set, const PatternDef& p, std::string_view what,
                const std::string& id) {
  std::string error;
  if (set.Add(p.expanded, &error) < 0) {
    return InvalidArgumentError(p.loc.ToString() + ": " + std::string(what) + " of '" + id +
                                "' rejected by RE2: " + error + " in '" + p.raw + "'");
  }
  return OkStatus();
}

// Adds one regex to a prefilter (compiling it: a pattern that does not fit
// RE2's memory budget is reported here, not on first use).
Status AddToFilter(LiteralFilter& filter, const std::string& regex, const SourceLoc& loc,
                   std::string_view what, const std::string& id, std::size_t budget,
                   std::string_view raw = {}) {
  std::string error;
  const RE2::ErrorCode code = filter.Add(regex, PatternOptions(budget), &error);
  if (code == RE2::NoError) return OkStatus();
  if (code == RE2::ErrorPatternTooLarge) {
    return InvalidArgumentError(loc.ToString() + ": the " + std::string(what) + " of '" + id +
                                "' exceeds RE2's memory budget of " + Budget(budget) +
                                " MiB; simplify it (long {gap} chains and large counted "
                                "repetitions are the usual cause) or raise "
                                "AnalyzerOptions::regex_memory_budget");
  }
  return InvalidArgumentError(loc.ToString() + ": " + std::string(what) + " of '" + id +
                              "' rejected by RE2: " + error + " in '" + std::string(raw) + "'");
}

Status CompileLanguage(const Merged& m, Language lang, std::size_t budget, LanguageRules& out) {
  out.lang = lang;
  const RE2::Options options = PatternOptions(budget);
  // Parses require / exclude patterns and lexicon terms one by one, for errors
  // with their own file:line:col (the regexes compile later or joined).
  RE2::Set scratch(options, RE2::UNANCHORED);
  // Require / exclude patterns by text: the same exclusion recurs across rules.
  std::unordered_map<std::string, LazyRegex> lazy;
  auto Shared = [&](const PatternDef& p, std::string_view what, const std::string& id,
                    std::vector<LazyRegex>& to) {
    auto [it, added] = lazy.try_emplace(p.expanded);
    if (added) {
      if (Status s = AddToSet(scratch, p, what, id); !s.ok()) return s;
      it->second = LazyRegex(p.expanded, options);
    }
    to.push_back(it->second);
    return OkStatus();
  };
  for (const Merged::Slot& slot : m.slots) {
    if (!slot.live) continue;
    if (slot.is_rule) {
      const RuleDef& def = m.rules[slot.index];
      if (def.lang != lang) continue;
      CompiledRule rule;
      rule.def = def;
      rule.first_pattern = static_cast<int>(out.pattern_rule.size());
      for (const PatternDef& p : def.patterns) {
        if (Status s = AddToFilter(out.rule_filter, p.expanded, p.loc, "pattern", def.id,
                                       budget, p.raw);
            !s.ok()) {
          return s;
        }
        out.pattern_rule.push_back(static_cast<int>(out.rules.size()));
      }
      for (const PatternDef& r : def.required) {
        if (Status s = Shared(r, "require", def.id, rule.required); !s.ok()) return s;
      }
      for (const PatternDef& x : def.excluded) {
        if (Status s = Shared(x, "exclude", def.id, rule.excluded); !s.ok()) return s;
      }
      out.rules.push_back(std::move(rule));
    } else {
      const LexiconDef& def = m.lexicons[slot.index];
      if (def.lang != lang) continue;
      for (const PatternDef& t : def.terms) {
        if (Status s = AddToSet(scratch, t, "term", def.id); !s.ok()) return s;
      }
      if (Status s = AddToFilter(out.lexicon_filter, Join(def.terms), def.loc, "terms", def.id,
                                 budget);
          !s.ok()) {
        return s;
      }
      CompiledLexicon lex;
      lex.def = def;
      lex.cue = def.attribute == "negation_cue" || def.attribute == "modal_cue";
      lex.categories =
          def.categories.empty() ? DefaultCategoriesFor(def.attribute) : def.categories;
      out.lexicons.push_back(std::move(lex));
    }
  }
  out.rule_filter.Compile();
  out.lexicon_filter.Compile();
  return OkStatus();
}

}  // namespace

RE2::Options PatternOptions(std::size_t memory_budget) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(true);
  options.set_max_mem(static_cast<int64_t>(memory_budget));
  return options;
}

std::vector<RuleSource> BuiltinRuleSources() {
  std::vector<RuleSource> out;
  for (const EmbeddedRuleFile& f : EmbeddedRuleFiles()) {
    out.push_back(RuleSource{"builtin:" + std::string(f.path), std::string(f.text),
                             FolderLanguage(fs::path(std::string(f.path)))});
  }
  return out;
}

StatusOr<std::vector<RuleSource>> LoadRuleSources(const std::string& path) {
  std::error_code ec;
  const fs::path root(path);
  const fs::file_status st = fs::status(root, ec);
  if (ec || !fs::exists(st)) return NotFoundError("rule pack not found: " + path);
  std::vector<fs::path> files;
  if (fs::is_directory(st)) {
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".rules") {
        files.push_back(it->path());
      }
    }
    if (ec) return PermissionDeniedError("cannot list " + path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return NotFoundError("no .rules file under " + path);
  } else {
    files.push_back(root);
  }
  std::vector<RuleSource> out;
  for (const fs::path& f : files) {
    StatusOr<std::string> text = ReadWholeFile(f);
    if (!text.ok()) return text.status();
    out.push_back(RuleSource{f.string(), std::move(text).value(), FolderLanguage(f)});
  }
  return out;
}

StatusOr<std::unique_ptr<const CompiledRules>> CompiledRules::Build(
    const std::vector<RuleSource>& sources, const std::vector<Language>& languages,
    std::size_t memory_budget) {
  Merged merged;
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const RuleSource& source : sources) {
    hash = Fnv1a(hash, source.name.rfind("builtin:", 0) == 0 ? source.name : "user");
    hash = Fnv1a(hash, source.text);
    StatusOr<RulePack> pack = ParseRulePack(source.text, source.name, source.folder_lang);
    if (!pack.ok()) return pack.status();
    for (const PackEntry& e : pack->order) {
      Status s;
      if (e.kind == PackEntry::Kind::kRule) {
        s = AddDefinition(merged, std::move(pack->rules[e.index]), true);
      } else if (e.kind == PackEntry::Kind::kLexicon) {
        s = AddDefinition(merged, std::move(pack->lexicons[e.index]), false);
      } else {
        const DisableDef& d = pack->disables[e.index];
        auto it = merged.by_id.find(d.id);
        if (it == merged.by_id.end() || !merged.slots[it->second].live) {
          s = InvalidArgumentError(d.loc.ToString() + ": [disable " + d.id +
                                   "]: no earlier pack defines '" + d.id + "'");
        } else {
          merged.slots[it->second].live = false;
          merged.by_id.erase(it);
        }
      }
      if (!s.ok()) return s;
    }
  }
  auto rules = std::unique_ptr<CompiledRules>(new CompiledRules());
  rules->memory_budget_ = memory_budget;
  std::vector<Language> wanted;
  for (Language lang : languages) {
    if (lang == Language::kUnd) continue;
    if (std::find(wanted.begin(), wanted.end(), lang) != wanted.end()) continue;
    wanted.push_back(lang);
    hash = Fnv1a(hash, LanguageCode(lang));
  }
  // The languages are independent: each compiles on its own thread (RE2 and
  // FilteredRE2 compilation is most of Analyzer::Create), this one included.
  rules->langs_.resize(wanted.size());
  std::vector<Status> status(wanted.size());
  auto compile = [&](std::size_t i) {
    status[i] = CompileLanguage(merged, wanted[i], memory_budget, rules->langs_[i]);
  };
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < wanted.size(); ++i) {
    try {
      helpers.emplace_back(compile, i);
    } catch (const std::system_error&) {
      compile(i);  // no thread available: compile it here
    }
  }
  if (!wanted.empty()) compile(0);
  for (std::thread& t : helpers) t.join();
  for (const Status& st : status) {
    if (!st.ok()) return st;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  rules->fingerprint_ = hex;
  return std::unique_ptr<const CompiledRules>(std::move(rules));
}

const LanguageRules* CompiledRules::For(Language lang) const {
  for (const LanguageRules& l : langs_) {
    if (l.lang == lang) return &l;
  }
  return nullptr;
}

}  // namespace policytext::internal
