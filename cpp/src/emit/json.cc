// The JSON record of a document (docs/schema.md, docs/schema/document.schema.json).
#include "policytext/json.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "emit/json_internal.h"
#include "policytext/version.h"

namespace policytext {
namespace internal {
namespace {

using nlohmann::json;

// Attribute name -> record key, and whether the key holds one value.
struct KeyInfo {
  std::string_view key;
  bool scalar;
};

KeyInfo KeyOf(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, KeyInfo>, 15> kKeys = {{
      {"recipient", {"recipients", false}},
      {"period", {"periods", false}},
      {"data_type", {"data_types", false}},
      {"purpose", {"purposes", false}},
      {"condition", {"conditions", false}},
      {"right", {"rights", false}},
      {"channel", {"channels", false}},
      {"technology", {"technologies", false}},
      {"kind", {"kind", false}},
      {"user_choice", {"user_choice", false}},
      {"safeguard", {"safeguard", false}},
      {"audience", {"audience", false}},
      {"action", {"action", true}},
      {"bound", {"bound", true}},
      {"start_event", {"start_event", true}},
  }};
  for (const auto& [n, info] : kKeys) {
    if (n == name) return info;
  }
  if (name == "event") return {"event", true};
  return {name, false};
}

// The stronger action wins when several rules imply one.
int ActionRank(std::string_view action) {
  if (action == "sell") return 4;
  if (action == "transfer") return 3;
  if (action == "share") return 2;
  if (action == "collect_by_third_party") return 1;
  return 0;
}

void AddSpan(json& j, const Span& span) { AddSpanTo(j, span); }

}  // namespace

json AttributesToJson(const Clause& clause) {
  json out = json::object();
  for (const Attribute& a : clause.attributes) {
    const KeyInfo info = KeyOf(a.name);
    const std::string key(info.key);
    if (a.name == "recipient") {
      json r = {{"type", a.value}, {"text", a.text}};
      if (!a.detail.empty()) r["name"] = a.detail;
      if (a.negated) r["negated"] = true;
      AddSpan(r, a.span);
      out[key].push_back(std::move(r));
    } else if (a.name == "period") {
      json p = {{"iso", a.value}, {"qualifier", a.detail.empty() ? "exact" : a.detail},
                {"text", a.text}};
      AddSpan(p, a.span);
      out[key].push_back(std::move(p));
    } else if (a.name == "action") {
      if (!out.contains(key) || ActionRank(a.value) > ActionRank(out[key].get<std::string>())) {
        out[key] = a.value;
      }
    } else if (a.name == "bound") {
      if (!out.contains(key)) {
        out[key] = a.value;
        if (!a.detail.empty()) out["event"] = a.detail;
      }
    } else if (info.scalar) {
      if (!out.contains(key)) out[key] = a.value;
    } else {
      json& list = out[key];
      if (!list.is_array()) list = json::array();
      if (std::find(list.begin(), list.end(), a.value) == list.end()) list.push_back(a.value);
    }
  }
  return out;
}

json ClauseToJson(const Document& doc, const Clause& c) {
  json j;
  j["category"] = CategoryName(c.category);
  j["polarity"] = PolarityName(c.polarity);
  j["modality"] = ModalityName(c.modality);
  if (!c.negation_cue.empty()) j["negation_cue"] = c.negation_cue;
  const std::size_t b = std::min(c.span.begin, doc.text.size());
  const std::size_t e = std::clamp(c.span.end, b, doc.text.size());
  j["text"] = doc.text.substr(b, e - b);
  AddSpan(j, c.span);
  j["sentence"] = c.sentence;
  j["block"] = c.block;
  json section = json::array();
  if (c.block >= 0 && static_cast<std::size_t>(c.block) < doc.blocks.size()) {
    for (const std::string& h : doc.blocks[static_cast<std::size_t>(c.block)].section) {
      section.push_back(h);
    }
  }
  j["section"] = std::move(section);
  j["attributes"] = AttributesToJson(c);
  j["rules"] = c.rules;
  j["confidence"] = c.confidence;
  return j;
}

json SummaryToJson(const Document& doc) {
  json out = json::object();
  for (const PracticeSummary& p : doc.summary.practices) {
    json s = {{"stance", StanceName(p.stance)},
              {"affirmed", p.affirmed},
              {"negated", p.negated},
              {"strongest_clause", nullptr}};
    if (p.strongest_clause >= 0) s["strongest_clause"] = p.strongest_clause;
    out[std::string(CategoryName(p.category))] = std::move(s);
  }
  return out;
}

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace internal

std::string ToJson(const Document& doc, const JsonOptions& options) {
  using nlohmann::json;
  json j;
  j["schema_version"] = kJsonSchemaVersion;
  j["status"] = "ok";
  if (!options.id.empty()) j["id"] = options.id;
  if (!options.source.empty()) j["source"] = options.source;
  j["policytext_version"] = std::string(Version());
  j["lang"] = LanguageCode(doc.lang);
  j["lang_confidence"] = doc.lang_confidence;
  j["format"] = SourceFormatName(doc.format);
  j["charset"] = doc.charset;
  j["source_bytes"] = doc.source_bytes;
  j["text_bytes"] = doc.text.size();
  j["invalid_utf8"] = doc.invalid_utf8;
  j["policy"] = {{"looks_like_policy", doc.policy.looks_like_policy},
                 {"score", doc.policy.score},
                 {"reason", doc.policy.reason}};
  j["warnings"] = doc.warnings;
  j["counts"] = {{"blocks", doc.blocks.size()},
                 {"sentences", doc.sentences.size()},
                 {"clauses", doc.clauses.size()}};
  json clauses = json::array();
  for (const Clause& c : doc.clauses) clauses.push_back(internal::ClauseToJson(doc, c));
  j["clauses"] = std::move(clauses);
  j["summary"] = internal::SummaryToJson(doc);
  if (options.include_text) j["text"] = doc.text;
  if (options.include_blocks) {
    json blocks = json::array();
    for (const Block& b : doc.blocks) {
      json jb = {{"kind", BlockKindName(b.kind)},
                 {"level", b.level},
                 {"lang", LanguageCode(b.lang)},
                 {"section", b.section}};
      internal::AddSpanTo(jb, b.span);
      blocks.push_back(std::move(jb));
    }
    j["blocks"] = std::move(blocks);
  }
  return internal::Dump(j);
}

std::string ClauseAttributesJson(const Clause& clause) {
  return internal::Dump(internal::AttributesToJson(clause));
}

std::string ClauseJson(const Document& doc, const Clause& clause) {
  return internal::Dump(internal::ClauseToJson(doc, clause));
}

}  // namespace policytext
