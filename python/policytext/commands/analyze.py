"""``policytext analyze FILE``: what one policy says, as a readable summary in the
terminal, or as its JSON record (``--json``, docs/schema.md)."""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import textwrap
from typing import Any

CORE = ("sharing", "retention", "advertising")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="summarise what one policy says (or --json)",
                       description=__doc__)
    p.add_argument("file", metavar="FILE", help="an HTML, Markdown or text file; - for stdin")
    p.add_argument("--json", action="store_true", help="print the JSON record instead")
    p.add_argument("--lang", choices=("fr", "en"), help="force the language")
    p.add_argument("--format", choices=("auto", "html", "markdown", "text"), default="auto",
                   help="force the input format")
    p.add_argument("--rules", action="append", metavar="PATH",
                   help="extra rule pack (file or folder; repeatable)")
    p.add_argument("--all", action="store_true",
                   help="list every clause (default: the three core categories)")
    p.set_defaults(run=run)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _attributes(attrs: dict[str, Any]) -> str:
    parts = []
    if attrs.get("recipients"):
        names = []
        for r in attrs["recipients"]:
            label = r["type"] + (f"={r['name']}" if r.get("name") else "")
            names.append(("not " if r.get("negated") else "") + label)
        parts.append("to: " + ", ".join(dict.fromkeys(names)))
    if attrs.get("periods"):
        parts.append("periods: " + ", ".join(
            p["iso"] + ("" if p["qualifier"] == "exact" else f" ({p['qualifier']})")
            for p in attrs["periods"]))
    for key in ("bound", "event", "start_event", "action"):
        if attrs.get(key):
            parts.append(f"{key}: {attrs[key]}")
    for key in ("data_types", "purposes", "conditions", "kind", "user_choice", "rights",
                "safeguard", "channels"):
        if attrs.get(key):
            parts.append(f"{key}: " + ", ".join(attrs[key]))
    return "; ".join(parts)


def render(doc: Any, name: str, *, all_categories: bool = False, width: int = 100) -> str:
    """The terminal summary of an analysed document."""
    lines = [f"{name}: {doc.lang if hasattr(doc, 'lang') else ''} · "
             f"{len(doc.clauses)} clauses"]
    summary = doc.summary
    lines.append("")
    for category in summary:
        p = summary[category]
        if p.stance == "silent" and category not in CORE:
            continue
        counts = f"{p.affirmed} affirmed, {p.negated} denied"
        lines.append(f"  {category:<24} {p.stance.upper():<9} ({counts})")
        if p.strongest is not None:
            lines.append("      " + _short(f"“{p.strongest.text}”", width - 6))
    shown = [c for c in doc.clauses if all_categories or c.category in CORE]
    if shown:
        lines.append("")
        lines.append("Clauses" + ("" if all_categories else " (core categories; --all for "
                                                              "every category)") + ":")
    for c in shown:
        flags = c.polarity + ("" if c.modality == "definite" else ", possible")
        lines.append(f"  [{c.category}, {flags}, {c.confidence:.2f}] "
                     + _short(c.text, width - 30))
        attrs = _attributes(c.attributes)
        if attrs:
            lines.extend(textwrap.wrap(attrs, width, initial_indent="      ",
                                       subsequent_indent="      "))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from .._analyze import Analyzer, default_analyzer

    analyzer = Analyzer(rules=args.rules) if args.rules else default_analyzer()
    if args.file == "-":
        doc = analyzer.analyze(sys.stdin.buffer.read(), lang=args.lang, format=args.format)
        name = "<stdin>"
    else:
        path = pathlib.Path(args.file)
        doc = analyzer.analyze(path, lang=args.lang, format=args.format)
        name = args.file
    if args.json:
        record = analyzer.to_json(doc, source=name)
        json.loads(record)  # always valid JSON
        sys.stdout.write(record + "\n")
    else:
        sys.stdout.write(render(doc, name, all_categories=args.all) + "\n")
    return 0
