#include "segment/abbreviations.h"

#include <string>

namespace policytext::internal {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// "U.S.", "S.A.S.", "e.g.": one ASCII letter then '.', at least twice.
bool IsDottedInitials(std::string_view w) {
  if (w.size() < 4 || w.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    if (!(IsAsciiUpper(w[i]) || IsAsciiLower(w[i])) || w[i + 1] != '.') return false;
  }
  return true;
}

constexpr std::string_view kFrenchPrefix[] = {
    "M.",    "MM.",   "Mme",    "Mme.",   "Mmes.", "Mlle.", "Mlles.", "Me.",  "Dr.",   "Pr.",
    "art.",  "Art.",  "al.",    "ch.",    "chap.", "cf.",   "Cf.",    "c.-à-d.", "C.-à-d.",
    "c.à.d.", "p.",   "pp.",    "env.",   "n°.",   "No.",   "no.",    "vol.", "éd.",  "ex.",
    "sect.",  "tél.",   "Tél.",  "Tel.",  "tel.",   "fax.", "réf.", "Réf.",
    "hab.",  "vs.",   "approx.", "paragr.", "§.",  "St.",   "Ste.",   "av.",  "bd.",   "Bd.",
    "Mgr.",  "Vve.",  "i.e.",  "Str.",  "e.g.",  "ann.",   "coll.", "dir."};
constexpr std::string_view kFrenchTerminal[] = {
    "etc.", "Cie.", "Cie", "S.A.", "S.A.S.", "S.A.R.L.", "SARL.", "SAS.", "S.C.", "Inc.",
    "Ltd.", "Co.",  "Corp.", "LLC.", "S.à.r.l.", "E.U.R.L.", "U.E.", "J.-C.", "min.", "max."};
constexpr std::string_view kFrenchPairs[] = {"p. ex.", "P. ex.", "c. à d.", "C. à d."};

constexpr std::string_view kEnglishPrefix[] = {
    "Mr.",   "Mrs.",  "Ms.",   "Dr.",    "Prof.", "St.",    "Messrs.", "Hon.",  "Rev.",
    "e.g.",  "E.g.",  "i.e.",  "I.e.",   "cf.",   "Cf.",    "No.",     "Nos.",
    "vs.",   "v.",    "Art.",  "art.",   "Sec.",  "sec.",   "Para.",   "para.", "ch.",
    "Ch.",   "approx.", "Approx.", "ca.", "Fig.",  "fig.",   "Vol.",    "vol.",  "pp.",
    "p.",    "Tel.",  "tel.",  "Ph.",    "Jr.",   "Sr.",    "Gen.",    "Gov.",  "Sen.",
    "Rep.",  "Jan.",  "Feb.",  "Mar.",   "Apr.",  "Jun.",   "Jul.",    "Aug.",  "Sep.",
    "Sept.", "Oct.",  "Nov.",  "Dec.",   "Ave.",  "Blvd.",  "Rd.",     "Ste.",  "Dept.",
    "incl.", "viz.", "Cal.", "Civ.", "Stat.", "Ann.", "Bus.", "Str.", "Proc.", "Regs.", "Reg."};
constexpr std::string_view kEnglishTerminal[] = {
    "etc.", "Inc.",  "Ltd.", "Co.",  "Corp.", "L.L.C.", "LLC.",  "U.S.",  "U.K.",  "E.U.",
    "U.S.A.", "Ltd.", "Pty.", "plc.", "P.L.C.", "N.A.", "S.A.",  "GmbH.", "B.V.",  "a.m.",
    "p.m.", "A.M.",  "P.M.", "D.C.", "min.", "max."};
constexpr std::string_view kEnglishPairs[] = {"et al.", "et seq."};

constexpr std::string_view kFrenchOpeners[] = {
    "Nous",   "Vous",  "Votre",  "Vos",    "Notre",   "Nos",     "Le",      "La",    "Les",
    "L",      "Ce",    "Cet",    "Cette",  "Ces",     "Il",      "Elle",    "Ils",   "Elles",
    "On",     "Si",    "Dans",   "Pour",   "En",      "Un",      "Une",     "Des",   "Du",
    "De",     "D",     "Au",     "Aux",    "Lorsque", "Lorsqu",  "Quand",   "Afin",  "Par",
    "Sur",    "Toute", "Tout",   "Tous",   "Toutes",  "Chaque",  "Aucun",   "Aucune", "Cependant",
    "Toutefois", "Ainsi", "Enfin", "Ensuite", "Certaines", "Certains", "Ceci", "Cela", "Celle",
    "Celui",  "Qu",    "Que",    "Quel",   "Quelle",  "Sauf",    "Selon",   "Avec",  "Sans",
    "Leur",   "Leurs", "Je",     "J",      "Ne",      "N",       "S",       "C",     "Pendant",
    "Depuis", "Lors",  "Outre",  "Comme",  "Mais",    "Et",      "Ou",      "Or",    "Donc",
    "Veuillez", "Merci", "Pourquoi", "Comment", "Quelles", "Quels", "À",   "A"};
constexpr std::string_view kEnglishOpeners[] = {
    "We",      "Our",    "Us",     "You",    "Your",   "The",     "This",   "These",  "That",
    "Those",   "It",     "Its",    "If",     "In",     "For",     "When",   "Where",  "Please",
    "They",    "Their",  "He",     "She",    "A",      "An",      "As",     "To",     "By",
    "Any",     "All",    "Some",   "Such",   "Each",   "No",      "Not",    "However", "Also",
    "Note",    "There",  "Here",   "Unless", "Except", "While",   "Although", "Because",
    "Since",   "After",  "Before", "Once",   "With",   "Without", "Under",  "On",     "At",
    "From",    "Of",     "Upon",   "Further", "Furthermore", "Moreover", "Therefore", "Thus",
    "Accordingly", "Otherwise", "Additionally", "Finally", "Then", "What", "Which", "Who",
    "How",     "Why",    "I",      "My",     "And",    "But",     "Or",     "So",     "Most",
    "Many",    "Other",  "Certain", "Where", "Whether", "During",  "Through", "Including"};

}  // namespace

void AbbreviationTable::Add(std::string_view abbreviation, AbbreviationKind kind) {
  std::string key(abbreviation);
  if (key.find(' ') != std::string::npos) {
    pairs_[key] = kind;
  } else {
    words_[key] = kind;
  }
}

AbbreviationTable AbbreviationTable::French() {
  AbbreviationTable t;
  for (auto a : kFrenchPrefix) t.Add(a, AbbreviationKind::kPrefix);
  for (auto a : kFrenchTerminal) t.Add(a, AbbreviationKind::kTerminal);
  for (auto a : kFrenchPairs) t.Add(a, AbbreviationKind::kPrefix);
  for (auto w : kFrenchOpeners) t.openers_.emplace(w);
  return t;
}

AbbreviationTable AbbreviationTable::English() {
  AbbreviationTable t;
  for (auto a : kEnglishPrefix) t.Add(a, AbbreviationKind::kPrefix);
  for (auto a : kEnglishTerminal) t.Add(a, AbbreviationKind::kTerminal);
  for (auto a : kEnglishPairs) t.Add(a, AbbreviationKind::kPrefix);
  for (auto w : kEnglishOpeners) t.openers_.emplace(w);
  return t;
}

AbbreviationKind AbbreviationTable::Lookup(std::string_view previous,
                                           std::string_view word) const {
  if (!previous.empty() && !pairs_.empty()) {
    std::string pair;
    pair.reserve(previous.size() + 1 + word.size());
    pair.append(previous).append(" ").append(word);
    if (auto it = pairs_.find(pair); it != pairs_.end()) return it->second;
  }
  if (auto it = words_.find(std::string(word)); it != words_.end()) return it->second;
  if (IsDottedInitials(word)) return AbbreviationKind::kTerminal;
  return AbbreviationKind::kNone;
}

bool AbbreviationTable::IsSentenceOpener(std::string_view word) const {
  return openers_.count(std::string(word)) > 0;
}

}  // namespace policytext::internal
