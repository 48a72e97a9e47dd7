#!/usr/bin/env python3
"""End-to-end throughput of `policytext annotate` and of the batch API.

Measures, on the policies of ../shared/data (French and English, Markdown) or, when
that folder is absent, on the project's own corpora/:
  - annotate_corpus MB/s and documents/s at 1 and 2 threads (thread scaling);
  - the C++ AnalyzeBatch figure from cpp/bench (when built) for the Python overhead;
  - peak RSS of `policytext annotate` on the corpus and on a --repeat copy (streaming);
Usage:
  python3 tools/bench_annotate.py [--repeat 10] [--cpp-bench build/bench/cpp/bench/batch_bench]
Results with the Open Terms Archive policies carry their attribution (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def corpus_files() -> list[Path]:
    folders = [SHARED / "ota-fr" / "policies", SHARED / "ota-en" / "policies"]
    if all(f.is_dir() for f in folders):
        return sorted(p for f in folders for p in f.glob("*.md"))
    print("../shared/data is absent: measuring on corpora/ instead", file=sys.stderr)
    return sorted(p for p in (ROOT / "corpora").rglob("*") if p.suffix in (".md", ".html"))


def bench_python(files: list[Path], threads: int, rounds: int) -> dict[str, float]:
    import policytext

    analyzer = policytext.Analyzer()
    total = sum(p.stat().st_size for p in files)
    # One untimed pass: RE2 builds each regex's DFA on first use (the C++
    # batch_bench warms up the same way).
    for _ in policytext.annotate_corpus([str(p) for p in files], threads=threads,
                                        analyzer=analyzer):
        pass
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        n = sum(1 for _ in policytext.annotate_corpus([str(p) for p in files],
                                                      threads=threads, analyzer=analyzer))
        best = min(best, time.perf_counter() - start)
        assert n == len(files)
    return {"threads": threads, "mb_per_s": total / 1e6 / best,
            "docs_per_s": len(files) / best, "seconds": best, "mb": total / 1e6}


def peak_rss_of_annotate(inputs: list[str], out: str) -> tuple[float, float]:
    """Runs the CLI in a fresh child and returns (its peak RSS in MB, seconds).

    The CLI runs under a small Python parent that reports its own children's
    peak, so one measurement cannot inherit the peak of an earlier one."""
    probe = ("import resource, subprocess, sys\n"
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "if p.returncode: sys.exit(p.stderr)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "policytext",
                           "annotate", *inputs, "-o", out, "--progress", "never"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return int(proc.stdout.split()[-1]) / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="size of the large corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpp-bench", help="path of the built batch_bench (Google Benchmark)")
    args = parser.parse_args()

    files = corpus_files()
    print(f"corpus: {len(files)} documents, "
          f"{sum(p.stat().st_size for p in files) / 1e6:.2f} MB")
    one = bench_python(files, 1, args.rounds)
    two = bench_python(files, 2, args.rounds)
    print(f"annotate_corpus 1 thread : {one['mb_per_s']:.2f} MB/s, "
          f"{one['docs_per_s']:.1f} docs/s")
    print(f"annotate_corpus 2 threads: {two['mb_per_s']:.2f} MB/s, "
          f"{two['docs_per_s']:.1f} docs/s  (scaling x{two['mb_per_s'] / one['mb_per_s']:.2f})")

    if args.cpp_bench and os.path.exists(args.cpp_bench):
        out = subprocess.run([args.cpp_bench, "--benchmark_format=json", "--benchmark_min_time=3",
                              "--benchmark_filter=BM_AnalyzeBatch"],
                             capture_output=True, text=True, check=True)
        for bench in json.loads(out.stdout)["benchmarks"]:
            mbps = bench.get("bytes_per_second", 0) / 1e6
            print(f"C++ {bench['name']}: {mbps:.2f} MB/s")
            for py in (one, two):
                if f"/{py['threads']}/" in bench["name"] + "/":
                    print(f"  Python overhead at {py['threads']} thread(s): "
                          f"{100 * (mbps / py['mb_per_s'] - 1):.1f}%")

    # Memory: the same command over the corpus and over a --repeat x copy.
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "x1"
        large = Path(tmp) / f"x{args.repeat}"
        small.mkdir()
        large.mkdir()
        for i, p in enumerate(files):
            shutil.copy(p, small / f"{i:05d}{p.suffix}")
            for r in range(args.repeat):
                os.link(small / f"{i:05d}{p.suffix}", large / f"{r:03d}-{i:05d}{p.suffix}")
        rss1, t1 = peak_rss_of_annotate([str(small)], str(Path(tmp) / "o1.jsonl"))
        rss10, t10 = peak_rss_of_annotate([str(large)], str(Path(tmp) / "o10.jsonl"))
        size10 = sum(p.stat().st_size for p in files) * args.repeat / 1e6
        print(f"annotate CLI x1 : peak RSS {rss1:.0f} MB")
        print(f"annotate CLI x{args.repeat}: peak RSS {rss10:.0f} MB "
              f"(ratio {rss10 / rss1:.2f}), {size10 / t10:.2f} MB/s, "
              f"{len(files) * args.repeat / t10:.0f} documents/s end to end")


if __name__ == "__main__":
    main()
