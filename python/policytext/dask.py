"""Annotating corpora larger than one machine with Dask.

Each partition of a ``dask.bag`` (of paths, or of records with a ``text``/``html``
field) is annotated on a worker by the C++ pool and written to its own output
shard, ``part-NNNNN.jsonl.gz``, atomically (temporary name, then rename). The
``Analyzer`` travels to the workers as its configuration (options and rule-pack
text) and is rebuilt there once per process. See docs/scaling.md.

    import dask.bag as db
    from distributed import Client
    import policytext.dask

    client = Client("scheduler:8786")
    paths = db.from_sequence(sorted_paths, npartitions=200)
    shards = policytext.dask.annotate(paths, "s3-mounted/out", client=client)
"""

from __future__ import annotations

import gzip
import json
import os
from typing import Any, Iterable, Sequence

from .corpus import Source, annotate_sources

_SHARD = "part-{:05d}.jsonl.gz"


def _to_source(item: Any, partition: int, position: int) -> Source:
    where = f"partition {partition} item {position}"
    if isinstance(item, (str, os.PathLike)):
        path = os.fspath(item)
        return Source(id=path, source=path, path=path)
    if isinstance(item, dict):
        ident = str(item.get("id") or item.get("url") or where)
        for key, fmt in (("html", "html"), ("text", None), ("markdown", "markdown")):
            body = item.get(key)
            if isinstance(body, str):
                return Source(id=ident, source=str(item.get("source") or ident),
                              data=body.encode("utf-8", "surrogatepass"), format=fmt)
        return Source(id=ident, source=where,
                      error=("INVALID_ARGUMENT",
                             "record has no 'text', 'html' or 'markdown' string field"))
    return Source(id=where, source=where,
                  error=("INVALID_ARGUMENT", f"cannot annotate a {type(item).__name__}"))


def annotate_partition(items: Iterable[Any], partition: int, output_dir: str, *,
                       analyzer: Any = None, threads: int = 1) -> dict[str, Any]:
    """Annotates one partition into ``output_dir/part-<partition>.jsonl.gz``.

    Runs on a worker; returns the shard's counts. Every item gives one record.
    """
    path = os.path.join(output_dir, _SHARD.format(partition))
    tmp = f"{path}.tmp-{os.getpid()}"
    counts = {"shard": path, "documents": 0, "errors": 0, "clauses": 0, "input_bytes": 0}
    sources = (_to_source(item, partition, i) for i, item in enumerate(items))
    with gzip.open(tmp, "wt", encoding="utf-8") as out:
        for annotation in annotate_sources(sources, analyzer=analyzer, threads=threads):
            out.write(annotation.json)
            out.write("\n")
            counts["documents"] += 1
            counts["input_bytes"] += annotation.input_bytes
            if annotation.ok:
                counts["clauses"] += sum(a + n for _, _, a, n in annotation.practices)
            else:
                counts["errors"] += 1
    os.replace(tmp, path)
    return counts


def annotate(inputs: Any, output_dir: str | os.PathLike[str], *, analyzer: Any = None,
             threads_per_task: int = 1, npartitions: int | None = None,
             client: Any = None) -> list[dict[str, Any]]:
    """Annotates a ``dask.bag.Bag`` (of paths or records) or a list of paths.

    Writes one shard per partition under ``output_dir`` and returns the shards'
    counts in partition order. Uses ``client`` when given, else Dask's current
    scheduler.
    """
    import dask
    import dask.bag as db

    from ._analyze import Analyzer

    if analyzer is None:
        analyzer = Analyzer()
    out = os.fspath(output_dir)
    os.makedirs(out, exist_ok=True)
    if isinstance(inputs, Sequence) and not isinstance(inputs, (str, bytes)):
        inputs = db.from_sequence(list(inputs), npartitions=npartitions or
                                  max(1, min(len(inputs), 64)))
    elif not isinstance(inputs, db.Bag):
        raise TypeError("inputs must be a dask.bag.Bag or a list of paths or records")
    tasks = [dask.delayed(annotate_partition)(part, i, out, analyzer=analyzer,
                                              threads=threads_per_task)
             for i, part in enumerate(inputs.to_delayed())]
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    return list(dask.compute(*tasks))


def read_shards(output_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """All records of the shards in ``output_dir``, in partition order."""
    folder = os.fspath(output_dir)
    records: list[dict[str, Any]] = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("part-") and name.endswith(".jsonl.gz"):
            with gzip.open(os.path.join(folder, name), "rt", encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    return records
