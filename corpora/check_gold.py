#!/usr/bin/env python3
"""Validate the gold annotations under corpora/ (format v1, see corpora/README.md).

Usage: python3 corpora/check_gold.py [CORPORA_DIR]

Checks, for every document (fr/, en/, bilingual/) and its gold file
(gold/<same relative path minus extension>.jsonl):
  - every document has a gold file and every gold file has a document;
  - each line is one JSON object with the known keys and values;
  - every `quote` occurs in the decoded source at least `occurrence` times;
  - in HTML, the quote lies inside one text node (no tag, comment, script or
    style, no character reference inside it);
  - attribute `text` values (recipients, periods) are substrings of the quote;
  - records are in document order and not duplicated.

Prints one `file:line: message` per problem and exits 1 when there is any.
Standard library only, so that it runs anywhere.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DOC_DIRS = ("fr", "en", "bilingual")
DOC_SUFFIXES = (".html", ".htm", ".md")

CATEGORIES = {
    "sharing", "retention", "advertising", "first_party_collection",
    "user_choice", "user_rights", "security", "policy_change",
    "international_transfer", "children", "tracking", "contact",
}
POLARITIES = {"affirmed", "negated"}
MODALITIES = {"definite", "possible"}
RECORD_KEYS = {"quote", "occurrence", "category", "polarity", "modality",
               "attributes", "note"}

RECIPIENT_TYPES = {
    "affiliate", "service_provider", "advertiser", "business_partner",
    "authority", "social_network", "acquirer", "public", "named",
    "unspecified_third_party",
}
# Open list in the format ("..."); kept closed here to catch typos. Extend it
# (and corpora/README.md) when a document needs a new type.
DATA_TYPES = {
    "contact", "name", "email", "phone_number", "postal_address", "device",
    "location", "identifiers", "ip_address", "usage", "financial",
    "payment", "purchases", "health", "biometric", "cookies", "account",
    "demographic", "profile", "content", "communications", "social",
    "photo", "voice", "sensitive", "employment", "government_id", "vehicle",
    "preferences", "children", "other", "all",
}
PURPOSES = {"advertising", "analytics", "service", "security", "legal",
            "marketing", "personalization", "research", "payment", "other"}
ACTIONS = {"share", "sell", "transfer", "collect_by_third_party"}
CONDITIONS = {"consent", "legal_obligation", "merger", "user_request",
              "anonymized", "other"}
QUALIFIERS = {"exact", "max", "min", "approx"}
BOUNDS = {"fixed", "as_long_as_necessary", "until_event", "indefinite",
          "legal_obligation"}
EVENTS = {"account_deletion", "end_of_contract", "last_activity",
          "consent_withdrawal", "other"}
AD_KINDS = {"targeted", "contextual", "measurement", "direct_marketing",
            "cross_context"}
AD_CHOICES = {"opt_out", "consent", "settings"}
RIGHTS = {"access", "rectification", "erasure", "portability", "objection",
          "restriction", "complaint", "withdraw_consent",
          "automated_decision", "post_mortem"}
SAFEGUARDS = {"scc", "adequacy", "bcr", "consent", "other"}

CORE_ATTRIBUTES = {
    "sharing": {"recipients", "data_types", "purposes", "action",
                "conditions"},
    "retention": {"periods", "bound", "event", "start_event", "data_types"},
    "advertising": {"kind", "user_choice", "data_types"},
}

ISO_DURATION = re.compile(
    r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
CHAR_REF = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
META_CHARSET = re.compile(
    rb"<meta[^>]*charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)


# --------------------------------------------------------------------------
# Documents


def decode_document(path: Path) -> str:
    """Decodes a document: BOM, then <meta charset> for HTML, else UTF-8."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    encoding = "utf-8"
    if path.suffix.lower() in (".html", ".htm"):
        match = META_CHARSET.search(data[:4096])
        if match:
            encoding = match.group(1).decode("ascii").lower()
    return data.decode(encoding)


def html_text_nodes(text: str) -> list[tuple[int, int]]:
    """Returns [start, end) ranges of the text nodes of an HTML document.

    Tags, comments, doctype and the content of script/style are not text.
    A small scanner is enough for documents we write ourselves.
    """
    ranges: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            ranges.append((pos, n))
            break
        if lt > pos:
            ranges.append((pos, lt))
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        gt = _tag_end(text, lt)
        tag = re.match(r"<\s*([A-Za-z][A-Za-z0-9]*)", text[lt:gt])
        pos = gt
        if tag and tag.group(1).lower() in ("script", "style"):
            close = re.compile(r"</\s*" + tag.group(1) + r"\s*>", re.IGNORECASE)
            m = close.search(text, pos)
            pos = n if m is None else m.end()
    return ranges


def _tag_end(text: str, lt: int) -> int:
    """Index just past the '>' closing the tag opened at lt (quotes aware)."""
    i = lt + 1
    quote = ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return i + 1
        i += 1
    return len(text)


def find_occurrence(text: str, quote: str, occurrence: int) -> int:
    """Start offset of the n-th (1-based) occurrence of quote, or -1."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


# --------------------------------------------------------------------------
# Records


def _check_list(value, allowed, name, errors):
    if not isinstance(value, list) or not value:
        errors.append(f"`{name}` must be a non-empty list")
        return
    for item in value:
        if item not in allowed:
            errors.append(f"unknown {name} value {item!r}")
    if len(set(map(str, value))) != len(value):
        errors.append(f"`{name}` has duplicates")


def _check_enum(value, allowed, name, errors):
    if value not in allowed:
        errors.append(f"unknown {name} value {value!r}")


def check_attributes(category: str, attrs, quote: str) -> list[str]:
    errors: list[str] = []
    if not isinstance(attrs, dict):
        return ["`attributes` must be an object"]
    allowed = CORE_ATTRIBUTES.get(category)
    if allowed is not None:
        for key in attrs:
            if key not in allowed:
                errors.append(f"unknown attribute {key!r} for {category}")
    for key, value in attrs.items():
        if key == "recipients":
            if not isinstance(value, list) or not value:
                errors.append("`recipients` must be a non-empty list")
                continue
            for rec in value:
                if not isinstance(rec, dict):
                    errors.append("a recipient must be an object")
                    continue
                extra = set(rec) - {"text", "type", "name", "negated"}
                if extra:
                    errors.append(f"unknown recipient keys {sorted(extra)}")
                text = rec.get("text")
                if not isinstance(text, str) or not text:
                    errors.append("recipient without `text`")
                elif text not in quote:
                    errors.append(f"recipient text {text!r} not in quote")
                _check_enum(rec.get("type"), RECIPIENT_TYPES, "recipient type",
                            errors)
                if rec.get("type") == "named":
                    if not isinstance(rec.get("name"), str) or not rec["name"]:
                        errors.append(f"named recipient {text!r} needs `name`")
                elif "name" in rec:
                    errors.append(f"`name` given on a {rec.get('type')} recipient")
                if "negated" in rec and not isinstance(rec["negated"], bool):
                    errors.append("recipient `negated` must be true/false")
        elif key == "periods":
            if not isinstance(value, list) or not value:
                errors.append("`periods` must be a non-empty list")
                continue
            for period in value:
                if not isinstance(period, dict):
                    errors.append("a period must be an object")
                    continue
                extra = set(period) - {"text", "iso", "qualifier"}
                if extra:
                    errors.append(f"unknown period keys {sorted(extra)}")
                text = period.get("text")
                if not isinstance(text, str) or not text:
                    errors.append("period without `text`")
                elif text not in quote:
                    errors.append(f"period text {text!r} not in quote")
                iso = period.get("iso")
                if not isinstance(iso, str) or not ISO_DURATION.match(iso):
                    errors.append(f"bad ISO 8601 duration {iso!r}")
                _check_enum(period.get("qualifier"), QUALIFIERS, "qualifier",
                            errors)
        elif key == "data_types":
            _check_list(value, DATA_TYPES, "data_types", errors)
        elif key == "purposes":
            _check_list(value, PURPOSES, "purposes", errors)
        elif key == "conditions":
            _check_list(value, CONDITIONS, "conditions", errors)
        elif key == "action":
            _check_enum(value, ACTIONS, "action", errors)
        elif key == "bound":
            _check_enum(value, BOUNDS, "bound", errors)
        elif key == "event":
            _check_enum(value, EVENTS, "event", errors)
        elif key == "start_event":
            if not isinstance(value, str) or not value:
                errors.append("`start_event` must be a non-empty string")
        elif key == "kind":
            _check_list(value, AD_KINDS, "kind", errors)
        elif key == "user_choice":
            _check_list(value, AD_CHOICES, "user_choice", errors)
        elif key == "rights":
            _check_list(value, RIGHTS, "rights", errors)
        elif key == "safeguard":
            _check_list(value, SAFEGUARDS, "safeguard", errors)
    if category == "retention":
        if attrs.get("bound") == "until_event" and "event" not in attrs:
            errors.append("bound until_event needs `event`")
        if "event" in attrs and attrs.get("bound") != "until_event":
            errors.append("`event` given without bound until_event")
    return errors


def check_gold_file(gold_path: Path, doc_path: Path, display: str) -> list[str]:
    """Returns the problems of one gold file as `display:line: message`."""
    problems: list[str] = []
    try:
        text = decode_document(doc_path)
    except (UnicodeDecodeError, LookupError) as exc:
        return [f"{doc_path}: cannot decode: {exc}"]
    is_html = doc_path.suffix.lower() in (".html", ".htm")
    nodes = html_text_nodes(text) if is_html else []
    try:
        lines = gold_path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as exc:
        return [f"{display}: not UTF-8: {exc}"]
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        problems.append(f"{display}:1: empty gold file")
    last_start = -1
    seen: set[tuple[int, str]] = set()
    for lineno, line in enumerate(lines, start=1):
        where = f"{display}:{lineno}"
        errors: list[str] = []
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(record, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        for key in ("quote", "category", "polarity", "modality"):
            if key not in record:
                errors.append(f"missing `{key}`")
        for key in record:
            if key not in RECORD_KEYS:
                errors.append(f"unknown key {key!r}")
        category = record.get("category")
        if "category" in record:
            _check_enum(category, CATEGORIES, "category", errors)
        if "polarity" in record:
            _check_enum(record["polarity"], POLARITIES, "polarity", errors)
        if "modality" in record:
            _check_enum(record["modality"], MODALITIES, "modality", errors)
        occurrence = record.get("occurrence", 1)
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) \
                or occurrence < 1:
            errors.append(f"bad occurrence {occurrence!r}")
            occurrence = 1
        quote = record.get("quote")
        start = -1
        if not isinstance(quote, str) or not quote.strip():
            errors.append("`quote` must be a non-empty string")
            quote = ""
        else:
            if quote != quote.strip():
                errors.append("`quote` has leading or trailing white space")
            start = find_occurrence(text, quote, occurrence)
            if start < 0:
                count = text.count(quote)
                if count:
                    errors.append(f"occurrence {occurrence} of quote not found "
                                  f"(found {count})")
                else:
                    errors.append(f"quote not found in {doc_path.name}: "
                                  f"{quote[:60]!r}")
            elif is_html:
                end = start + len(quote)
                if not any(a <= start and end <= b for a, b in nodes):
                    errors.append("quote is not inside one HTML text node")
                if CHAR_REF.search(quote):
                    errors.append("quote contains a character reference")
        if "attributes" in record:
            errors.extend(check_attributes(category, record["attributes"],
                                           quote))
        if start >= 0:
            if start < last_start:
                errors.append("record out of document order")
            last_start = max(last_start, start)
            key = (start, f"{quote}\x00{category}\x00{record.get('polarity')}")
            if key in seen:
                errors.append("duplicate record (same quote, category and "
                              "polarity)")
            seen.add(key)
        problems.extend(f"{where}: {e}" for e in errors)
    return problems


def iter_documents(root: Path):
    for sub in DOC_DIRS:
        folder = root / sub
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in DOC_SUFFIXES:
                yield path


def gold_path_for(root: Path, doc: Path) -> Path:
    rel = doc.relative_to(root).with_suffix(".jsonl")
    return root / "gold" / rel


def check_corpora(root) -> list[str]:
    """Checks every document/gold pair under root; returns the problems."""
    root = Path(root)
    problems: list[str] = []
    expected: set[Path] = set()
    for doc in iter_documents(root):
        gold = gold_path_for(root, doc)
        if gold in expected:
            problems.append(f"{doc}: two documents share the gold file {gold}")
        expected.add(gold)
        if not gold.is_file():
            problems.append(f"{doc}: no gold file (expected {gold})")
            continue
        problems.extend(check_gold_file(gold, doc, str(gold)))
    gold_root = root / "gold"
    if gold_root.is_dir():
        for gold in sorted(gold_root.rglob("*.jsonl")):
            if gold not in expected:
                problems.append(f"{gold}:1: gold file without a document")
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent
    problems = check_corpora(root)
    for problem in problems:
        print(problem)
    docs = sum(1 for _ in iter_documents(root))
    if problems:
        print(f"{len(problems)} problem(s) in {docs} document(s)",
              file=sys.stderr)
        return 1
    print(f"ok: {docs} document(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
