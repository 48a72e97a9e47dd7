#!/usr/bin/env python3
"""Python tokenizer (and sentence) throughput against what a user would pick instead.

Measured in one run on the same texts: policytext.tokenize_arrays (offsets as numpy
arrays), policytext.tokenize (one object per token), policytext.tokenize_batch at 1
and 2 threads, spaCy's blank("fr"/"en") tokenizer, BlingFire, a plain ``re``
tokenizer; and for sentences, policytext.sentences against pySBD. Every contender
produces offsets (spaCy: token.idx; BlingFire: text_to_words_with_offsets; re:
match spans), so all pay for the same output.

    PYTHONPATH=build/tok-bench/pkg python3 tools/bench_python.py [--seconds 1.0]

The comparison packages are not project dependencies; install them by hand:
``pip install spacy blingfire pysbd``. Missing ones are skipped.

Figures: MB/s of UTF-8 input, best of --repeat runs of at least --seconds each,
in wall time and in process CPU time (the CPU figure is the one to read on a
busy machine; for the threaded batch only wall time means anything).

Data: the French and English policies of ../shared/data (Open Terms Archive with
contributions from UFC-Que Choisir and Office of the French Ambassador for
Digital Affairs (ota-fr); Open Terms Archive contributors (ota-en); ODC-BY 1.0),
or a generated corpus when that folder is absent.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import re
import sys
import time
from typing import Callable

import policytext

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def load(lang: str) -> tuple[list[str], str]:
    folder = SHARED / f"ota-{lang}" / "policies"
    if folder.is_dir():
        seen, docs = set(), []
        for path in sorted(folder.glob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if text not in seen:  # Brice.md and Jules.md are identical
                seen.add(text)
                docs.append(text)
        if docs:
            return docs, "ota policies"
    rng = random.Random(1)
    pool = {
        "fr": ["Nous conservons vos données pendant 13,5\u00a0mois.",
               "L’adresse et l’historique d’achat sont partagés avec nos sous-traitants.",
               "Consultez https://www.exemple.fr/vie-privee ou écrivez à dpo@exemple.fr.",
               "Qu’est-ce qu’un traceur\u00a0? C’est un fichier déposé sur votre terminal."],
        "en": ["We keep your data for 13 months and then delete it.",
               "Your address and purchase history are shared with our service providers.",
               "See https://www.example.com/privacy or write to privacy@example.com.",
               "What is a tracker? It's a file stored on your device (e.g. a cookie)."],
    }[lang]
    docs = [" ".join(rng.choice(pool) for _ in range(600)) for _ in range(60)]
    return docs, "generated corpus"


def measure(fn: Callable[[], object], nbytes: int, seconds: float, repeat: int) -> tuple[float, float]:
    """Best (wall MB/s, CPU MB/s) over `repeat` runs of >= `seconds` each."""
    best_wall = best_cpu = 0.0
    fn()  # warm up (engine creation, imports, caches)
    for _ in range(repeat):
        runs = 0
        w0, c0 = time.perf_counter(), time.process_time()
        while True:
            fn()
            runs += 1
            wall = time.perf_counter() - w0
            if wall >= seconds:
                break
        cpu = time.process_time() - c0
        best_wall = max(best_wall, runs * nbytes / wall / 1e6)
        best_cpu = max(best_cpu, runs * nbytes / max(cpu, 1e-9) / 1e6)
    return best_wall, best_cpu


WORD_RE = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")


def contenders(lang: str, docs: list[str]) -> dict[str, Callable[[], object]]:
    out: dict[str, Callable[[], object]] = {}
    out["policytext.tokenize_arrays"] = lambda: [policytext.tokenize_arrays(d, lang=lang)
                                                 for d in docs]
    out["policytext.tokenize"] = lambda: [policytext.tokenize(d, lang=lang) for d in docs]
    out["policytext.tokenize_batch threads=1"] = lambda: policytext.tokenize_batch(
        docs, lang=lang, threads=1)
    out["policytext.tokenize_batch threads=2"] = lambda: policytext.tokenize_batch(
        docs, lang=lang, threads=2)
    try:
        import spacy

        nlp = spacy.blank(lang)
        tokenizer = nlp.tokenizer
        out[f"spacy.blank('{lang}') tokenizer"] = lambda: [
            [(t.idx, t.idx + len(t)) for t in tokenizer(d)] for d in docs]
    except ImportError:
        print("spacy not installed: skipped", file=sys.stderr)
    try:
        import blingfire

        out["blingfire text_to_words_with_offsets"] = lambda: [
            blingfire.text_to_words_with_offsets(d) for d in docs]
    except ImportError:
        print("blingfire not installed: skipped", file=sys.stderr)
    out["re.finditer (\\w+ | punctuation)"] = lambda: [
        [m.span() for m in WORD_RE.finditer(d)] for d in docs]
    return out


def sentence_contenders(lang: str, docs: list[str]) -> dict[str, Callable[[], object]]:
    out: dict[str, Callable[[], object]] = {
        "policytext.sentences": lambda: [policytext.sentences(d, lang=lang) for d in docs]}
    try:
        import pysbd

        seg = pysbd.Segmenter(language=lang, clean=False, char_span=True)
        out["pysbd Segmenter(char_span=True)"] = lambda: [seg.segment(d) for d in docs]
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    return out


def table(title: str, results: dict[str, tuple[float, float]], reference: str | None) -> str:
    lines = [f"#### {title}", "",
             "| contender | MB/s (wall) | MB/s (CPU) | policytext / contender (CPU) |",
             "| --- | ---: | ---: | ---: |"]
    ref = results.get(reference) if reference else None
    for name, (wall, cpu) in results.items():
        ratio = f"{ref[1] / cpu:.1f}x" if ref and name != reference else ""
        lines.append(f"| {name} | {wall:.1f} | {cpu:.1f} | {ratio} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="minimum time per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (best kept)")
    parser.add_argument("--sentence-bytes", type=int, default=300_000,
                        help="bytes of each corpus given to the (slow) sentence contenders")
    args = parser.parse_args()
    for lang in ("fr", "en"):
        docs, label = load(lang)
        nbytes = sum(len(d.encode("utf-8")) for d in docs)
        results = {name: measure(fn, nbytes, args.seconds, args.repeat)
                   for name, fn in contenders(lang, docs).items()}
        print(table(f"Tokens, {lang}: {len(docs)} documents, {nbytes / 1e6:.2f} MB ({label})",
                    results, "policytext.tokenize_arrays"))
        small, size = [], 0
        for d in docs:
            if size >= args.sentence_bytes:
                break
            small.append(d)
            size += len(d.encode("utf-8"))
        results = {name: measure(fn, size, args.seconds, args.repeat)
                   for name, fn in sentence_contenders(lang, small).items()}
        print(table(f"Sentences, {lang}: {len(small)} documents, {size / 1e6:.2f} MB ({label})",
                    results, "policytext.sentences"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
