"""``policytext tokenize FILE|-``: print the tokens of a UTF-8 text file.

One token per line: code-point start and end, kind, and the token text (tabs and
newlines inside a token shown escaped). ``--json`` prints one JSON object per
token instead (text, start, end, byte_start, byte_end, kind, norm).
"""

from __future__ import annotations

import argparse
import json
import sys

from .._text import tokenize


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tokenize", help="print the tokens of a text file",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for stdin")
    p.add_argument("--lang", choices=("fr", "en", "und"),
                   help="language rules to apply (default: detect)")
    p.add_argument("--json", action="store_true", help="one JSON object per token")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.set_defaults(run=run)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as f:
        return f.read()


def run(args: argparse.Namespace) -> int:
    data = _read(args.file)
    # Bytes go in as they are: invalid UTF-8 is read as U+FFFD and counted.
    tokens = tokenize(data, lang=args.lang)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for t in tokens:
            if args.json:
                out.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
            else:
                shown = t.text.encode("unicode_escape").decode("ascii") \
                    if any(c in t.text for c in "\t\n\r\0") else t.text
                out.write(f"{t.start}\t{t.end}\t{t.kind}\t{shown}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if tokens.invalid_utf8:
        print(f"policytext tokenize: {tokens.invalid_utf8} invalid UTF-8 sequence(s) read as "
              "U+FFFD", file=sys.stderr)
    return 0
