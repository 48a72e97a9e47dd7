"""``policytext evaluate``: precision, recall and F1 of the clause extractor
against the project's gold (corpora/) and the development data in ../shared/data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score the extractor against gold annotations",
        description="Per-category precision, recall and F1 at sentence and segment level, "
        "span overlap and retention periods, on corpora/ and ../shared/data.",
    )
    p.add_argument(
        "datasets",
        nargs="*",
        default=[],
        metavar="DATASET",
        help="corpora, ota-fr, opp115, policyie (default: all that are present)",
    )
    p.add_argument("--corpora", type=Path, help="the corpora folder (default: ./corpora)")
    p.add_argument("--data", type=Path, help="the shared data folder (default: ../shared/data)")
    p.add_argument(
        "--opp115-split",
        action="append",
        choices=("train", "validation"),
        help="OPP-115 split(s) to score (default: validation)",
    )
    p.add_argument(
        "--policyie-split",
        action="append",
        choices=("train", "valid"),
        help="PolicyIE split(s) to score (default: valid)",
    )
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule pack (file or folder)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N false positives/negatives per group")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .. import evaluate as ev

    found_corpora, found_data = ev.default_paths()
    corpora = args.corpora or found_corpora
    data = args.data or found_data
    datasets = args.datasets or list(ev.DATASETS)
    unknown = [d for d in datasets if d not in ev.DATASETS]
    if unknown:
        raise ValueError(f"unknown dataset {unknown[0]!r}; choose from {', '.join(ev.DATASETS)}")
    if data is None and any(d != "corpora" for d in datasets):
        print("policytext evaluate: ../shared/data not found; skipping the shared datasets", file=sys.stderr)

    import policytext

    analyzer = policytext.Analyzer(rules=args.rules) if args.rules else policytext.Analyzer()
    log = lambda msg: print(f"policytext evaluate: {msg}", file=sys.stderr)  # noqa: E731
    reports = ev.run(
        analyzer,
        datasets,
        corpora=corpora,
        data=data,
        opp115_splits=args.opp115_split or ("validation",),
        policyie_splits=args.policyie_split or ("valid",),
        max_errors=args.errors,
        log=log,
    )
    if args.json:
        out = json.dumps({"reports": [r.to_dict() for r in reports]}, ensure_ascii=False, indent=2) + "\n"
    else:
        out = ev.format_table(reports)
    if args.output:
        args.output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0
