"""``policytext rules``: work with rule packs (docs/rules.md).

  rules check PATH...      validate packs (files or folders) against the built-in ones
  rules explain TEXT       which rules fire on TEXT (or - for stdin), and why
  rules list               every compiled rule and lexicon entry
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="check, explain and list rule packs",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    rsub = p.add_subparsers(dest="rules_command", required=True, metavar="ACTION")

    check = rsub.add_parser("check", help="validate rule packs (exit 2 on the first error)")
    check.add_argument("paths", nargs="+", metavar="PATH", help=".rules file or folder")
    check.add_argument("--alone", action="store_true",
                       help="check without loading the built-in packs first")
    check.set_defaults(run=run_check)

    explain = rsub.add_parser("explain", help="show which rules fire on a text and why")
    explain.add_argument("text", metavar="TEXT", help="the text, or - to read stdin")
    explain.add_argument("--lang", choices=("fr", "en"), help="force the language")
    explain.add_argument("--rules", action="append", metavar="PATH",
                         help="extra rule pack (file or folder; repeatable)")
    explain.set_defaults(run=run_explain)

    lst = rsub.add_parser("list", help="list the compiled rules and lexicon entries")
    lst.add_argument("--lang", choices=("fr", "en"), help="only this language")
    lst.add_argument("--kind", choices=("rule", "lexicon"), help="only rules or lexicon")
    lst.add_argument("--rules", action="append", metavar="PATH",
                     help="extra rule pack (file or folder; repeatable)")
    lst.set_defaults(run=run_list)


def _analyzer(paths: Any, **kwargs: Any) -> Any:
    from .._analyze import Analyzer, default_analyzer

    return Analyzer(rules=paths, **kwargs) if paths else default_analyzer()


def run_check(args: argparse.Namespace) -> int:
    from .._analyze import Analyzer

    analyzer = Analyzer(rules=args.paths, builtin_rules=not args.alone)
    rules = analyzer.rules()
    mine = [r for r in rules if not r["origin"].startswith("builtin:")]
    n_rules = sum(r["kind"] == "rule" for r in mine)
    n_lex = len(mine) - n_rules
    print(f"ok: {n_rules} rules and {n_lex} lexicon entries from {', '.join(args.paths)} "
          f"({len(rules)} compiled in all; fingerprint {analyzer.rules_fingerprint})")
    for r in mine:
        for where in r["unfiltered"]:
            what = "pattern" if r["kind"] == "rule" else "terms"
            print(f"warning: {where}: a {what} of '{r['id']}' has no literal of 3 or more "
                  f"letters that every match contains, so it runs on every sentence "
                  f"(slow; docs/rules.md, \"Speed\")", file=sys.stderr)
    return 0


def run_explain(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    analyzer = _analyzer(args.rules)
    traces = analyzer.explain(text, lang=args.lang)
    if not traces:
        print("no rule is a candidate for this text")
        return 0
    for t in traces:
        print(f"[{t['lang']}] {t['text']!r} (chars {t['start']}-{t['end']})")
        for r in t["rules"]:
            mark = "FIRES" if r["fired"] else "no   "
            why = "" if r["fired"] else f" — {r['reason']}"
            print(f"  {mark} {r['rule']:<40} {r['category']:<22} match {r['match']!r}{why}")
            print(f"        defined at {r['origin']}")
        for a in t["attributes"]:
            detail = f" ({a['detail']})" if a["detail"] else ""
            print(f"  lexicon {a['name']}={a['value']}{detail}: {a['text']!r}")
    doc = analyzer.analyze(text, lang=args.lang, format="text")
    print()
    if not doc.clauses:
        print("clauses: none")
    for c in doc.clauses:
        cue = f", cue {c.negation_cue!r}" if c.negation_cue else ""
        print(f"clause: {c.category} {c.polarity}{cue}, {c.modality}, "
              f"confidence {c.confidence:.2f}, rules {', '.join(c.rules)}")
        if c.attributes:
            print(f"        attributes {c.attributes}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    analyzer = _analyzer(args.rules)
    for r in analyzer.rules():
        if args.lang and r["lang"] != args.lang:
            continue
        if args.kind and r["kind"] != args.kind:
            continue
        what = r["category"] + (f"={r['value']}" if r["value"] else "")
        print(f"{r['lang']}  {r['kind']:<7}  {r['id']:<44} {what:<34} {r['origin']}")
    return 0
