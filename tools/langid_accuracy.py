#!/usr/bin/env python3
"""Paragraph-level accuracy of policytext.detect_language on the development data.

Reads the French and English privacy policies in ../shared/data (ota-fr/policies,
ota-fr/gold, ota-en/policies; byte-identical files are counted once), splits each
into paragraphs (blocks separated by blank lines) of at least 10 words, and
compares the detected language with the label of the collection the file comes
from. A few paragraphs are written in the other language (an English cookie
notice inside a French policy, a French address block in an English one): they
were found by reading every disagreement, and are relabelled in RELABEL below,
identified by file name and the SHA-1 of the paragraph (no text is copied here).

Each detector mode is measured in a child process (the mode is read when the
engine is built): "combined" (the default: CLD2 + function words), "cld2" (CLD2
alone) and "own" (the function-word model alone).

    PYTHONPATH=build/<you>/pkg python3 tools/langid_accuracy.py [--show-errors]

Exits 0 and prints a skip notice when ../shared/data is absent.
Data: Open Terms Archive with contributions from UFC-Que Choisir and Office of
the French Ambassador for Digital Affairs (ota-fr); Open Terms Archive
contributors (ota-en). ODC-BY 1.0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
MODES = ("combined", "cld2", "own")
MIN_WORDS = 10

# (file name, sha1 of the paragraph's UTF-8 bytes, first 12 hex digits) -> true label.
NONE = "none"
RELABEL: dict[tuple[str, str], str] = {
    # English paragraphs inside French policies.
    ("Air Corsica.md", "c99a2268930d"): "en",
    ("FlixBus.md", "6cbfad120532"): "en",
    ("FlixBus.md", "f88c920386c3"): "en",
    ("Printemps.md", "01d5e99113c7"): "en",
    # No language to speak of: postal addresses, lists of company or brand names,
    # link menus, a cookie-name table, a PGP key. Left out of the score.
    ("Air Corsica.md", "06d9a90eefce"): NONE,
    ("Air France.md", "047f8eac442f"): NONE,
    ("Air France.md", "d05ea66010d4"): NONE,
    ("Austrian Airlines AG.md", "aaad71306d6f"): NONE,
    ("Brussels Airlines.md", "afd7e3dbfa3d"): NONE,
    ("Etam.md", "cee8abf507a8"): NONE,
    ("FlixBus.md", "0b916249a827"): NONE,
    ("FlixBus.md", "1cdf3fd49282"): NONE,
    ("FlixBus.md", "d01c166cc698"): NONE,
    ("FlixBus.md", "bb604dc1de3a"): NONE,
    ("FlixBus.md", "bd5a89e49c6c"): NONE,
    ("Printemps.md", "ca984840834c"): NONE,
    ("Printemps.md", "c0c3af4677cc"): NONE,
    ("Printemps.md", "da17205ad3b0"): NONE,
    ("Reebok.md", "5d3135070273"): NONE,
    ("Reebok.md", "6d7f10d08e39"): NONE,
    ("Reebok.md", "a5c1cdba2f63"): NONE,
    ("Reebok.md", "c5d3190f5365"): NONE,
    ("Ryanair.md", "68bbc98ebf96"): NONE,
    ("Starlink.md", "d5a2c1ee2d45"): NONE,
    ("Starlink.md", "46cb48c877dc"): NONE,
    ("Starlink.md", "051e78e9ecf2"): NONE,
    ("Starlink.md", "611b997b970e"): NONE,
    ("Trainline.md", "e249346dddf3"): NONE,
    ("Vinted.md", "71b435155834"): NONE,
    ("AdRoll.md", "d015e4291a88"): NONE,
    ("CafeMom.md", "e90bc4d3683a"): NONE,
    ("Donkey Republic.md", "9ab453cec831"): NONE,
    ("Firefox.md", "777c3034c4ac"): NONE,
    ("Match.md", "ba7490d1d379"): NONE,
    ("Match.md", "3705550e2da3"): NONE,
    ("ProtonMail.md", "a888d0c2ed04"): NONE,
    ("ProtonMail.md", "94cc98ffedbd"): NONE,
    ("VocabularySpellingCity.md", "ac00a827986b"): NONE,
    ("Xing.md", "ee93c439174c"): NONE,
    ("thomsonreuters.com.md", "7b0f4f6d40f7"): NONE,
}


def paragraphs(text: str):
    for block in re.split(r"\n[ \t]*\n", text):
        block = block.strip()
        if len(block.split()) >= MIN_WORDS:
            yield block


def collect():
    seen = set()
    items = []
    sources = [("fr", DATA / "ota-fr" / "policies"), ("fr", DATA / "ota-fr" / "gold"),
               ("en", DATA / "ota-en" / "policies")]
    for label, folder in sources:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if path.name == "README.md":  # the gold guidelines, not a policy
                continue
            raw = path.read_bytes()
            digest = hashlib.sha1(raw).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            text = raw.decode("utf-8", errors="replace")
            for p in paragraphs(text):
                key = hashlib.sha1(p.encode("utf-8")).hexdigest()[:12]
                items.append((path.name, key, RELABEL.get((path.name, key), label), label, p))
    return items


def measure(show_errors: bool) -> dict:
    import policytext

    items = collect()
    result = {"paragraphs": 0, "correct": 0, "und": 0, "by_label": {},
              "excluded": sum(1 for i in items if i[2] == NONE),
              "relabelled": sum(1 for i in items if i[2] not in (i[3], NONE)),
              "raw_correct": 0, "raw_n": len(items), "errors": []}
    for name, key, label, folder_label, text in items:
        got = policytext.detect_language(text)
        result["raw_correct"] += got == folder_label
        if label == NONE:
            continue
        result["paragraphs"] += 1
        stats = result["by_label"].setdefault(label, {"n": 0, "correct": 0})
        stats["n"] += 1
        if got == label:
            result["correct"] += 1
            stats["correct"] += 1
        else:
            if got == "und":
                result["und"] += 1
            if show_errors:
                result["errors"].append((name, key, folder_label, label, got,
                                         len(text.split()), text[:300]))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-errors", action="store_true",
                        help="print the disagreements (file, paragraph hash, start of text)")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    if args.mode:  # child: one mode, JSON on stdout
        print(json.dumps(measure(args.show_errors)))
        return 0
    n_en = sum(1 for v in RELABEL.values() if v != NONE)
    n_none = sum(1 for v in RELABEL.values() if v == NONE)
    print(f"paragraphs of >= {MIN_WORDS} words, blank-line separated, "
          "ota-fr (policies + gold) and ota-en policies; "
          f"{n_en} relabelled to the other language, {n_none} without language left out")
    for mode in MODES:
        env = dict(os.environ, POLICYTEXT_LANGID_MODE=mode)
        cmd = [sys.executable, __file__, "--mode", mode] + (["--show-errors"] if args.show_errors else [])
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
        r = json.loads(out)
        parts = ", ".join(f"{k}: {v['correct']}/{v['n']} ({100 * v['correct'] / v['n']:.2f}%)"
                          for k, v in sorted(r["by_label"].items()))
        print(f"{mode:9s} accuracy {100 * r['correct'] / r['paragraphs']:.2f}% "
              f"({r['correct']}/{r['paragraphs']}; und {r['und']}) [{parts}]; "
              f"against the collection label for all {r['raw_n']} paragraphs: "
              f"{100 * r['raw_correct'] / r['raw_n']:.2f}%")
        for e in r["errors"]:
            print("   ", e[0], e[1], f"folder={e[2]} label={e[3]} got={e[4]} words={e[5]}",
                  repr(e[6][:160]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
