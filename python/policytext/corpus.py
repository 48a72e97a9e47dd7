"""Annotating corpora: where documents come from, the streaming batch, and the
records it produces.

``iter_sources`` turns inputs (files, folders, tar/zip archives, JSON Lines dumps,
``-`` for stdin) into ``Source`` items in a deterministic order; ``annotate_corpus``
streams them through the C++ thread pool (``_core.analyze_batch``, GIL released)
and yields one ``Annotation`` per source, in input order, never dropping one: a
source that cannot be read or analysed yields an error annotation.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import queue
import sys
import tarfile
import threading
import zipfile
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from . import _core

#: Files picked up when walking a folder, unless ``glob`` says otherwise.
DEFAULT_GLOBS: tuple[str, ...] = (
    "*.html", "*.htm", "*.xhtml", "*.md", "*.markdown", "*.txt", "*.text",
)
_ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
#: Fields of a JSON Lines record that can hold the document, and their format.
_JSONL_BODY_FIELDS = (("html", "html"), ("text", None), ("markdown", "markdown"))
_JSONL_ID_FIELDS = ("id", "url", "name", "service", "path")


@dataclass
class Source:
    """One document to annotate, or the reason it could not be read."""

    id: str
    source: str
    path: str | None = None  # read by the core (in a worker thread)
    data: bytes | None = None  # already in memory (archive member, JSON Lines record)
    format: str | None = None  # forced format, e.g. "html" for a record's html field
    error: tuple[str, str] | None = None  # (code, message): becomes an error record


def _suffix_in(name: str, suffixes: Sequence[str]) -> bool:
    lower = name.lower()
    return any(lower.endswith(s) for s in suffixes)


def _matches(name: str, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(name.lower(), g) for g in globs)


def _error_source(source: str, code: str, message: str) -> Source:
    return Source(id=source, source=source, error=(code, message))


def _os_error_code(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "NOT_FOUND"
    if isinstance(error, PermissionError):
        return "PERMISSION_DENIED"
    return "UNAVAILABLE"


def _iter_archive(path: str) -> Iterator[Source]:
    """Members of a tar or zip archive, read as a stream, in archive order."""
    yielded = 0
    try:
        if path.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.is_dir():
                        continue
                    name = f"{path}:{info.filename}"
                    try:
                        data = archive.read(info)
                    except (zipfile.BadZipFile, OSError, EOFError) as error:
                        yield _error_source(name, "DATA_LOSS", f"unreadable zip member: {error}")
                        continue
                    yielded += 1
                    yield Source(id=name, source=name, data=data)
        else:
            # "r|*": a forward-only stream, so a large archive is never held whole.
            with tarfile.open(path, mode="r|*") as archive:
                for member in archive:
                    if not member.isfile():
                        continue
                    name = f"{path}:{member.name}"
                    handle = archive.extractfile(member)
                    data = handle.read() if handle is not None else b""
                    if len(data) != member.size:
                        raise EOFError(f"member {member.name} is cut short")
                    yielded += 1
                    yield Source(id=name, source=name, data=data)
    except (FileNotFoundError, PermissionError) as error:  # the archive itself
        yield _error_source(path, _os_error_code(error), str(error))
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as error:
        yield _error_source(
            path, "DATA_LOSS", f"truncated or corrupt archive after {yielded} member(s): {error}")


def _record_id(record: dict[str, Any], fallback: str) -> str:
    for key in _JSONL_ID_FIELDS:
        value = record.get(key)
        if isinstance(value, (str, int)) and str(value):
            return str(value)
    return fallback


def _iter_jsonl(path: str, stream: io.BufferedIOBase | None = None) -> Iterator[Source]:
    """Records of a JSON Lines dump carrying a ``text``, ``html`` or ``markdown`` field."""
    label = path
    try:
        if stream is None:
            opener = gzip.open if path.lower().endswith(".gz") else open
            stream = opener(path, "rb")  # type: ignore[assignment]
        with stream:  # type: ignore[union-attr]
            for number, line in enumerate(stream, start=1):  # type: ignore[union-attr]
                where = f"{label}:{number}"
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as error:
                    yield _error_source(where, "INVALID_ARGUMENT", f"line is not JSON: {error}")
                    continue
                if not isinstance(record, dict):
                    yield _error_source(where, "INVALID_ARGUMENT", "line is not a JSON object")
                    continue
                for key, fmt in _JSONL_BODY_FIELDS:
                    body = record.get(key)
                    if isinstance(body, str):
                        yield Source(id=_record_id(record, where), source=where,
                                     data=body.encode("utf-8", "surrogatepass"), format=fmt)
                        break
                else:
                    yield Source(id=_record_id(record, where), source=where,
                                 error=("INVALID_ARGUMENT",
                                        "record has no 'text', 'html' or 'markdown' string field"))
    except (OSError, EOFError) as error:
        yield _error_source(label, _os_error_code(error) if not isinstance(error, EOFError)
                            else "DATA_LOSS", f"cannot read {label}: {error}")


def _walk(folder: str, globs: Sequence[str]) -> Iterator[str]:
    """Files below ``folder`` matching ``globs``, in sorted (byte) order of their paths."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in files:
            if _matches(name, globs):
                found.append(os.path.join(root, name))
    return iter(sorted(found))


def iter_sources(inputs: Iterable[str | os.PathLike[str]], *,
                 glob: Sequence[str] | None = None,
                 stdin: io.BufferedIOBase | None = None) -> Iterator[Source]:
    """Every document named by ``inputs``, in a deterministic order.

    Folders are walked recursively and sorted; ``glob`` patterns select their
    files (default ``DEFAULT_GLOBS`` plus archives and JSON Lines dumps). Archives
    and dumps named directly are always opened.
    """
    globs = tuple(glob) if glob else DEFAULT_GLOBS + tuple(
        "*" + s for s in _ARCHIVE_SUFFIXES + _JSONL_SUFFIXES)
    for raw in inputs:
        item = os.fspath(raw)
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield Source(id="-", source="<stdin>", data=data)
        elif os.path.isdir(item):
            for path in _walk(item, globs):
                yield from _file_sources(path)
        else:
            yield from _file_sources(item)


def _file_sources(path: str) -> Iterator[Source]:
    if _suffix_in(path, _ARCHIVE_SUFFIXES):
        yield from _iter_archive(path)
    elif _suffix_in(path, _JSONL_SUFFIXES):
        yield from _iter_jsonl(path)
    else:
        # Read by the core in a worker: a file that vanishes or cannot be read
        # becomes an error record there.
        yield Source(id=path, source=path, path=path)


@dataclass
class Annotation:
    """The result for one source: a document record, or an error record."""

    index: int
    id: str
    source: str
    ok: bool
    error_code: str | None
    error_message: str | None
    input_bytes: int
    seconds: float
    json: str
    looks_like_policy: bool = False
    #: (category, stance, affirmed clauses, negated clauses) per category.
    practices: list[tuple[str, str, int, int]] = field(default_factory=list)
    document: Any = None  # policytext.Document when kept
    _record: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def record(self) -> dict[str, Any]:
        """The JSON record (docs/schema.md) as a dict, parsed on first use."""
        if self._record is None:
            self._record = json.loads(self.json)
        return self._record

    def to_dict(self) -> dict[str, Any]:
        return self.record

    def __repr__(self) -> str:
        state = "ok" if self.ok else f"{self.error_code}: {self.error_message}"
        return f"Annotation(id={self.id!r}, {state})"


class Annotations(list):
    """Collected annotations (or records read back) with table conversions."""

    def records(self) -> Iterator[dict[str, Any]]:
        for item in self:
            yield item.record if isinstance(item, Annotation) else item

    def to_arrow(self) -> tuple[Any, Any]:
        """``(documents, clauses)`` as two ``pyarrow.Table``: one row per document,
        one row per clause."""
        from ._tables import records_to_arrow

        return records_to_arrow(self.records())

    def to_pandas(self) -> Any:
        """The clause table as a ``pandas.DataFrame`` (one row per clause)."""
        return self.to_arrow()[1].to_pandas()

    def documents_pandas(self) -> Any:
        """The document table as a ``pandas.DataFrame`` (one row per document)."""
        return self.to_arrow()[0].to_pandas()


def _chunks(sources: Iterator[Source], max_docs: int, max_bytes: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    size = 0
    for src in sources:
        chunk.append(src)
        size += len(src.data) if src.data is not None else 0
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _prefetch(chunks: Iterator[list[Source]], depth: int = 2) -> Iterator[list[Source]]:
    """Reads the next chunks in a thread while the core analyses the current one."""
    done = object()
    box: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def fill() -> None:
        try:
            for chunk in chunks:
                if stop.is_set():
                    return
                box.put(chunk)
        except BaseException as error:  # handed to the consumer, never lost
            box.put(error)
        finally:
            box.put(done)

    thread = threading.Thread(target=fill, name="policytext-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = box.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting on a full queue
            try:
                box.get_nowait()
            except queue.Empty:
                thread.join(0.05)


def annotate_sources(sources: Iterable[Source], *, analyzer: Any = None,
                     threads: int | None = None, lang: str | None = None,
                     format: str | None = None, keep_documents: bool = False,
                     chunk_docs: int | None = None,
                     chunk_bytes: int = 64 << 20) -> Iterator[Annotation]:
    """Streams ``Source`` items through the C++ pool; see ``annotate_corpus``."""
    from ._analyze import Analyzer, default_analyzer

    engine = analyzer if analyzer is not None else default_analyzer()
    if not isinstance(engine, Analyzer):
        raise TypeError(f"analyzer must be a policytext.Analyzer, not {type(engine).__name__}")
    native = getattr(engine, "_native", engine)
    workers = threads if threads and threads > 0 else (os.cpu_count() or 1)
    per_chunk = chunk_docs or max(64, 32 * workers)
    index = 0
    for chunk in _prefetch(_chunks(iter(sources), per_chunk, chunk_bytes)):
        items = [_core.BatchItem(id=s.id, source=s.source, path=s.path or "",
                                 data=s.data or b"", format=s.format or format or "",
                                 lang=lang or "", error_code=s.error[0] if s.error else "",
                                 error_message=s.error[1] if s.error else "")
                 for s in chunk]
        # The GIL is released inside: Ctrl-C is delivered when the chunk is done.
        results = _core.analyze_batch(native, items, threads=workers,
                                      keep_documents=keep_documents)
        for r in results:
            yield Annotation(index=index, id=r.id, source=r.source, ok=r.ok,
                             error_code=r.error_code or None,
                             error_message=r.error_message or None,
                             input_bytes=r.input_bytes, seconds=r.seconds, json=r.json,
                             looks_like_policy=r.looks_like_policy, practices=r.practices,
                             document=r.document if keep_documents else None)
            index += 1


def annotate_corpus(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
                    threads: int | None = None, analyzer: Any = None,
                    lang: str | None = None, format: str | None = None,
                    glob: Sequence[str] | None = None, keep_documents: bool = False,
                    skip_ids: set[str] | None = None) -> Iterator[Annotation]:
    """Annotates every document named by ``inputs``; a streaming iterator.

    Yields one ``Annotation`` per document, in input order, including error
    annotations for what cannot be read; memory stays bounded by a few chunks of
    documents whatever the corpus size. ``keep_documents`` attaches the full
    ``policytext.Document`` to each annotation (more memory). ``skip_ids`` leaves
    out documents already done (for resuming).
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    sources: Iterable[Source] = iter_sources(inputs, glob=glob)
    if skip_ids:
        sources = (s for s in sources if s.id not in skip_ids)
    return annotate_sources(sources, analyzer=analyzer, threads=threads, lang=lang,
                            format=format, keep_documents=keep_documents)


def iter_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines output (``.gz`` read transparently). A last line cut
    short by an interrupted run is skipped."""
    name = os.fspath(path)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(name, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
        for line in stream:
            if not line.endswith("\n"):
                try:
                    yield json.loads(line)
                except ValueError:
                    return  # a partial final record from an interrupted run
                return
            if line.strip():
                yield json.loads(line)


def read_annotations(path: str | os.PathLike[str]) -> Annotations:
    """Loads an ``annotate`` output back (JSON Lines, ``.gz`` too)."""
    return Annotations(iter_records(path))
