#!/usr/bin/env python3
"""Writes the golden clause lists of the bundled corpus.

For every document under corpora/{fr,en,bilingual}, tests/data/golden/ holds one
JSON line per clause the built-in rules find: category, polarity, modality, code
point span, the rules that fired, the confidence and the attributes.
tests/python/test_golden.py compares the analyser's output with these files, so
any change in what the engine finds shows up as a diff that a reviewer reads:
run this script after changing a rule pack on purpose, and commit the diff with
the rule change.

    PYTHONPATH=build/<name>/pkg python3 tools/update_golden.py
    PYTHONPATH=build/<name>/pkg python3 tools/update_golden.py --check   # exit 1 on a difference
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any, Iterator

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
GOLDEN = ROOT / "tests" / "data" / "golden"
FOLDERS = ("fr", "en", "bilingual")


def corpus_documents() -> Iterator[pathlib.Path]:
    for folder in FOLDERS:
        for path in sorted((CORPORA / folder).glob("*")):
            if path.suffix in (".html", ".md", ".txt"):
                yield path


def golden_path(document: pathlib.Path) -> pathlib.Path:
    rel = document.relative_to(CORPORA)
    return GOLDEN / rel.parent / (rel.name + ".jsonl")


def clause_lines(analyzer: Any, document: pathlib.Path) -> list[str]:
    """The golden lines of one document: one compact JSON object per clause."""
    doc = analyzer.analyze(document)
    lines = []
    for c in doc.clauses:
        record = {
            "category": c.category,
            "polarity": c.polarity,
            "modality": c.modality,
            "start": c.start,
            "end": c.end,
            "rules": list(c.rules),
            "confidence": round(c.confidence, 3),
            "attributes": c.attributes,
        }
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare instead of writing; exit 1 when a file differs")
    args = parser.parse_args(argv)

    import policytext

    analyzer = policytext.Analyzer()
    differ = 0
    for document in corpus_documents():
        target = golden_path(document)
        text = "".join(line + "\n" for line in clause_lines(analyzer, document))
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        if old == text:
            continue
        differ += 1
        if args.check:
            print(f"differs: {target.relative_to(ROOT)}")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    print(f"{differ} golden file(s) {'differ' if args.check else 'updated'}", file=sys.stderr)
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
