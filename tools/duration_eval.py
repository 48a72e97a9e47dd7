"""Retention-period extraction measured on the development data in ../shared/data.

    PYTHONPATH=build/<dir>/pkg python3 tools/duration_eval.py [--show-errors]

1. ota-fr/gold (French, segment level): every segment whose gold `retention`
   label lists periods; compares the multiset of (iso) values found by
   policytext.parse_durations with the gold one (gold ranges: `min` and `iso`).
2. PolicyIE (English, type-I slots `retention-period`): every slot that holds a
   digit or a number word; a slot is found when a parsed duration lies inside it.
3. corpora/gold (the project's own gold): every retention record with periods;
   compares (iso, qualifier) pairs parsed from the quote with the gold ones.
4. Age false positives: durations in years parsed in sentences that talk about
   children/minors/age across all ota-fr and ota-en policies (listed for review).
Skips cleanly when ../shared/data is absent. Prints figures only, never text
from the data unless --show-errors is given (for local review; do not commit).
"""

from __future__ import annotations

import collections
import json
import pathlib
import re
import sys

import policytext

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SHOW = "--show-errors" in sys.argv


def ota_fr_gold() -> None:
    path = DATA / "ota-fr" / "gold" / "gold.jsonl"
    tp = fp = fn = 0
    exact_segments = segments = 0
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        ret = rec["labels"].get("retention")
        if not ret or not ret.get("periods"):
            continue
        gold = collections.Counter()
        for p in ret["periods"]:
            gold[p["iso"]] += 1
            if "min" in p:
                gold[p["min"]] += 1
        found = collections.Counter(d.iso for d in policytext.parse_durations(rec["text"], lang="fr"))
        inter = sum((gold & found).values())
        tp += inter
        fp += sum(found.values()) - inter
        fn += sum(gold.values()) - inter
        segments += 1
        exact_segments += gold == found
        if SHOW and gold != found:
            print("  gold", dict(gold), "found", dict(found), "|", rec["text"][:300].replace("\n", " "))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"ota-fr gold: {segments} segments with periods; periods P={p:.3f} R={r:.3f} F1={f:.3f} "
          f"(tp={tp} fp={fp} fn={fn}); segments exactly right {exact_segments}/{segments}")


NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)\b",
                    re.I)


def policyie() -> None:
    found = total = 0
    for name in ("type_I_slot_filling_train.json", "type_I_slot_filling_valid.json"):
        for line in (DATA / "policyie" / name).open(encoding="utf-8"):
            rec = json.loads(line)
            text = ""
            starts = []
            for tok in rec["tokens"]:
                if text:
                    text += " "
                starts.append(len(text))
                text += tok
            slots = []
            cur = None
            for i, lab in enumerate(rec["labels"]):
                if lab.startswith("B-") and "retention-period" in lab:
                    cur = [i, i]
                    slots.append(cur)
                elif lab.startswith("I-") and "retention-period" in lab and cur is not None:
                    cur[1] = i
                else:
                    cur = None
            if not slots:
                continue
            durs = policytext.parse_durations(text, lang="en")
            for a, b in slots:
                s, e = starts[a], starts[b] + len(rec["tokens"][b])
                if not NUMBER.search(text[s:e]) and not re.search(r"\b(a|an)\s+(year|month|week|day)", text[s:e], re.I):
                    continue
                total += 1
                if any(d.start >= s and d.end <= e for d in durs):
                    found += 1
                elif SHOW:
                    print("  missed:", text[s:e], "|", [d.text for d in durs])
    print(f"PolicyIE retention-period slots with a number: {found}/{total} found "
          f"(recall {found / total if total else 0:.3f})")


AGE = re.compile(r"enfant|mineur|âge|child|minor|\bage\b|aged|years old|teen", re.I)


def age_scan() -> None:
    hits = sentences = 0
    for lang, folder in (("fr", "ota-fr/policies"), ("en", "ota-en/policies")):
        for path in sorted((DATA / folder).glob("*.md")):
            for sent in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")):
                if not AGE.search(sent):
                    continue
                sentences += 1
                for d in policytext.parse_durations(sent, lang=lang):
                    if d.iso.endswith("Y") and "M" not in d.iso:
                        hits += 1
                        if SHOW:
                            print(f"  [{lang}] {d.text!r} {d.iso} | {sent[:200]}")
    print(f"age check: {sentences} sentences mentioning children/age; {hits} year-durations "
          f"parsed in them (each reviewed by hand with --show-errors)")


def corpora_gold() -> None:
    tp = fp = fn = 0
    for path in sorted((ROOT / "corpora" / "gold").rglob("*.jsonl")):
        lang = "fr" if "/fr/" in str(path) else "en" if "/en/" in str(path) else None
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            periods = rec.get("attributes", {}).get("periods")
            if rec["category"] != "retention" or periods is None:
                continue
            gold = collections.Counter((p["iso"], p["qualifier"]) for p in periods)
            found = collections.Counter(
                (d.iso, d.qualifier) for d in policytext.parse_durations(rec["quote"], lang=lang))
            inter = sum((gold & found).values())
            tp += inter
            fp += sum(found.values()) - inter
            fn += sum(gold.values()) - inter
            if SHOW and gold != found:
                print("  gold", dict(gold), "found", dict(found), "|", rec["quote"][:200])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"corpora gold (quotes): periods iso+qualifier P={p:.3f} R={r:.3f} F1={f:.3f} "
          f"(tp={tp} fp={fp} fn={fn})")


def main() -> int:
    corpora_gold()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    ota_fr_gold()
    policyie()
    age_scan()
    return 0


if __name__ == "__main__":
    sys.exit(main())
