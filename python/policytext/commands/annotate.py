"""``policytext annotate INPUT... -o OUTPUT``: annotate a corpus, one JSON Lines
record per document (docs/schema.md), plus a run manifest and a summary.

Output safety: records go to ``OUTPUT.partial`` (plain JSON Lines, whole records
appended and flushed chunk by chunk); when the run completes the file is
compressed if ``OUTPUT`` ends in ``.gz`` and renamed to ``OUTPUT``. An interrupted
run leaves ``OUTPUT.partial`` holding only complete records (a kill -9 can cut the
very last line; readers and ``--resume`` drop it); ``--resume`` continues it.
"""

from __future__ import annotations

import argparse
import errno
import gzip
import hashlib
import json
import os
import shutil
import signal
import sys
import time
from collections import Counter
from typing import Any, TextIO

from .. import _core
from ..corpus import Annotation, annotate_sources, iter_records, iter_sources

EXIT_OK = 0
EXIT_ERRORS = 1  # more errors than --max-errors, or any with --fail-fast
EXIT_USAGE = 2
EXIT_OUTPUT = 3  # the output could not be written (disk full, permission)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annotate", help="annotate a corpus into JSON Lines (and Parquet)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders (walked recursively, sorted), .tar/.tar.gz/.zip "
                        "archives, .jsonl dumps with a text/html field, or - for stdin")
    p.add_argument("-o", "--output", required=True,
                   help="JSON Lines output (.jsonl or .jsonl.gz); - for stdout")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="file patterns to take from folders (repeatable; default: html, md, "
                        "txt, archives and jsonl)")
    p.add_argument("--threads", type=int, default=0, help="worker threads (default: all cores)")
    p.add_argument("--lang", choices=("fr", "en"), help="force the language")
    p.add_argument("--format", choices=("auto", "html", "markdown", "text"), default="auto",
                   help="force the input format")
    p.add_argument("--rules", action="append", metavar="PATH",
                   help="extra rule pack (file or folder; repeatable)")
    p.add_argument("--parquet", metavar="PREFIX",
                   help="also write PREFIX.documents.parquet and PREFIX.clauses.parquet")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run, skipping documents already done")
    p.add_argument("--max-errors", type=int, default=-1, metavar="N",
                   help="exit with status 1 when more than N documents fail (default: no limit)")
    p.add_argument("--fail-fast", action="store_true",
                   help="stop at the first document that fails (exit status 1)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr (auto: when stderr is a terminal)")
    p.set_defaults(run=run)


class _Progress:
    """A one-line progress display on stderr; silent when not wanted."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, docs: int, errors: int, nbytes: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        sys.stderr.write(f"\r{docs} documents, {errors} errors, "
                         f"{nbytes / 1e6:.1f} MB, {nbytes / 1e6 / elapsed:.1f} MB/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _check_writable(path: str) -> None:
    """Fails before any work when the output cannot be created."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise OSError(errno.ENOENT, "output folder does not exist", folder)
    probe = os.path.join(folder, f".policytext-probe-{os.getpid()}")
    try:
        with open(probe, "wb"):
            pass
    except OSError as error:
        raise OSError(error.errno, f"output folder is not writable: {error.strerror}",
                      folder) from None
    finally:
        try:
            os.unlink(probe)
        except OSError:
            pass


def _open_output(partial: str) -> TextIO:
    """The partial output, opened for appending whole records."""
    return open(partial, "a", encoding="utf-8")


def _done_ids(partial: str) -> set[str]:
    """Ids already written by an interrupted run; a cut-off last line is removed."""
    if not os.path.exists(partial):
        return set()
    with open(partial, "rb+") as handle:
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end != len(data):
            handle.truncate(end)  # drop a partial last record
    return {record.get("id") for record in iter_records(partial)}


def _rules_fingerprint(analyzer: Any) -> str:
    return str(analyzer.rules_fingerprint)


def _summary_lines(stats: dict[str, Any]) -> list[str]:
    lines = [
        f"documents: {stats['documents']} ({stats['ok']} annotated, {stats['errors']} errors, "
        f"{stats['not_policy']} not policies)",
        f"input: {stats['bytes'] / 1e6:.2f} MB in {stats['seconds']:.2f} s "
        f"({stats['mb_per_s']:.2f} MB/s, {stats['docs_per_s']:.1f} documents/s)",
    ]
    categories = sorted(set(stats["clauses"]) | set(stats["affirmed"]) | set(stats["denied"]))
    if categories:
        lines.append(f"{'category':<24}{'clauses':>9}{'affirm':>9}{'deny':>9}")
        for cat in categories:
            lines.append(f"{cat:<24}{stats['clauses'].get(cat, 0):>9}"
                         f"{stats['affirmed'].get(cat, 0):>9}{stats['denied'].get(cat, 0):>9}")
        lines.append("(clauses found; policies affirming / denying the practice)")
    if stats["error_codes"]:
        lines.append("errors: " + ", ".join(f"{c} {n}" for c, n in
                                            sorted(stats["error_codes"].items())))
    return lines


def _count(stats: dict[str, Any], annotation: Annotation) -> None:
    stats["documents"] += 1
    stats["bytes"] += annotation.input_bytes
    if not annotation.ok:
        stats["errors"] += 1
        stats["error_codes"][annotation.error_code or "UNKNOWN"] += 1
        return
    stats["ok"] += 1
    if not annotation.looks_like_policy:
        stats["not_policy"] += 1
    # From the core's summary: no JSON parsing per document.
    for category, stance, affirmed, negated in annotation.practices:
        if affirmed + negated:
            stats["clauses"][category] += affirmed + negated
        if stance == "affirmed":
            stats["affirmed"][category] += 1
        elif stance == "denied":
            stats["denied"][category] += 1


def run(args: argparse.Namespace) -> int:
    from .._analyze import Analyzer

    to_stdout = args.output == "-"
    if args.resume and to_stdout:
        raise ValueError("--resume needs an output file")
    if not to_stdout:
        _check_writable(args.output)
    analyzer = Analyzer(rules=args.rules or [])

    partial = args.output + ".partial"
    skip = _done_ids(partial) if args.resume else set()
    if not args.resume and not to_stdout and os.path.exists(partial):
        os.unlink(partial)
    out: TextIO = sys.stdout if to_stdout else _open_output(partial)

    stats: dict[str, Any] = {"documents": 0, "ok": 0, "errors": 0, "not_policy": 0, "bytes": 0,
                             "clauses": Counter(), "affirmed": Counter(), "denied": Counter(),
                             "error_codes": Counter(), "skipped": len(skip)}
    progress = _Progress(args.progress == "always" or
                         (args.progress == "auto" and sys.stderr.isatty()))
    start = time.monotonic()
    exit_code = EXIT_OK
    interrupted = False
    # SIGTERM ends the run like Ctrl-C: the records written so far stay whole.
    previous_term = signal.signal(signal.SIGTERM, _interrupt)
    sources = iter_sources(args.inputs, glob=args.glob)
    if skip:
        sources = (s for s in sources if s.id not in skip)
    pending: list[str] = []
    try:
        for annotation in annotate_sources(sources, analyzer=analyzer, threads=args.threads,
                                           lang=args.lang,
                                           format=None if args.format == "auto" else args.format):
            pending.append(annotation.json + "\n")
            _count(stats, annotation)
            if not annotation.ok and args.fail_fast:
                print(f"policytext annotate: {annotation.source}: {annotation.error_code}: "
                      f"{annotation.error_message}", file=sys.stderr)
                exit_code = EXIT_ERRORS
                break
            if len(pending) >= 64:
                out.write("".join(pending))
                out.flush()
                pending.clear()
            progress.update(stats["documents"], stats["errors"], stats["bytes"])
        out.write("".join(pending))
        out.flush()
        pending.clear()
    except KeyboardInterrupt:
        interrupted = True
        try:
            out.write("".join(pending))  # whole records only
            out.flush()
        except OSError:
            pass
    except OSError as error:
        progress.close()
        print(f"policytext annotate: cannot write the output: {error}; the records written "
              f"so far are in {partial} (use --resume)", file=sys.stderr)
        return EXIT_OUTPUT
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        if not to_stdout:
            try:
                os.fsync(out.fileno())
                out.close()
            except OSError:
                pass
    progress.update(stats["documents"], stats["errors"], stats["bytes"], force=True)
    progress.close()

    elapsed = time.monotonic() - start
    stats["seconds"] = elapsed
    stats["mb_per_s"] = stats["bytes"] / 1e6 / elapsed if elapsed else 0.0
    stats["docs_per_s"] = stats["documents"] / elapsed if elapsed else 0.0
    if interrupted:
        print(f"policytext annotate: interrupted after {stats['documents']} documents; "
              f"complete records are in {partial}; run again with --resume to continue",
              file=sys.stderr)
        return 130

    if not to_stdout:
        _finish_output(partial, args.output)
        _write_manifest(args, analyzer, stats)
        if args.parquet:
            from .._tables import write_parquet

            write_parquet(iter_records(args.output), args.parquet)
    for line in _summary_lines(stats):
        print(line, file=sys.stderr)
    if args.max_errors >= 0 and stats["errors"] > args.max_errors:
        exit_code = EXIT_ERRORS
    return exit_code


def _finish_output(partial: str, output: str) -> None:
    """Compresses (for .gz) and renames the finished partial file into place."""
    if output.endswith(".gz"):
        tmp = output + ".tmp"
        with open(partial, "rb") as src, gzip.open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, output)
        os.unlink(partial)
    else:
        os.replace(partial, output)


def _write_manifest(args: argparse.Namespace, analyzer: Any, stats: dict[str, Any]) -> None:
    manifest = {
        "tool": "policytext",
        "version": _core.__version__,
        "rules_fingerprint": _rules_fingerprint(analyzer),
        "options": {"threads": args.threads, "lang": args.lang, "format": args.format,
                    "rules": args.rules or [], "glob": args.glob or [], "resume": args.resume,
                    "max_errors": args.max_errors, "fail_fast": args.fail_fast},
        "inputs": [os.fspath(i) for i in args.inputs],
        "output": args.output,
        "output_sha256": _sha256(args.output),
        "counts": {"documents": stats["documents"], "ok": stats["ok"], "errors": stats["errors"],
                   "not_policy": stats["not_policy"], "skipped_as_done": stats["skipped"],
                   "clauses": dict(stats["clauses"]),
                   "error_codes": dict(stats["error_codes"])},
        "input_bytes": stats["bytes"],
        "seconds": round(stats["seconds"], 3),
        "mb_per_s": round(stats["mb_per_s"], 2),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    tmp = args.output + ".manifest.json.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(tmp, args.output + ".manifest.json")


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
