"""Records (docs/schema.md) to Arrow tables: one row per document, one row per
clause. Used by ``Annotations.to_arrow``/``to_pandas`` and ``annotate --parquet``."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

#: Clause table columns taken as they are from each clause record.
_CLAUSE_FIELDS = ("category", "polarity", "modality", "text", "start", "end", "byte_start",
                  "byte_end", "sentence", "confidence")


def _document_row(record: dict[str, Any]) -> dict[str, Any]:
    error = record.get("error") or {}
    policy = record.get("policy") or {}
    row = {
        "doc_id": record.get("id"),
        "source": record.get("source"),
        "status": record.get("status"),
        "error_code": error.get("code"),
        "error_message": error.get("message"),
        "lang": record.get("lang"),
        "format": record.get("format"),
        "looks_like_policy": policy.get("looks_like_policy"),
        "n_clauses": len(record.get("clauses") or []),
    }
    for category, entry in (record.get("summary") or {}).items():
        row[f"stance_{category}"] = entry.get("stance") if isinstance(entry, dict) else entry
    return row


def _clause_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for index, clause in enumerate(record.get("clauses") or []):
        row: dict[str, Any] = {"doc_id": record.get("id"), "clause_index": index}
        for name in _CLAUSE_FIELDS:
            row[name] = clause.get(name)
        section = clause.get("section")
        row["section"] = " > ".join(section) if isinstance(section, list) else section
        row["rules"] = list(clause.get("rules") or [])
        row["attributes"] = json.dumps(clause.get("attributes") or {}, ensure_ascii=False,
                                       sort_keys=True)
        yield row


CATEGORIES = ("sharing", "retention", "advertising", "first_party_collection", "user_choice",
              "user_rights", "security", "policy_change", "international_transfer", "children",
              "tracking", "contact")


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    documents = pa.schema(
        [("doc_id", pa.string()), ("source", pa.string()), ("status", pa.string()),
         ("error_code", pa.string()), ("error_message", pa.string()), ("lang", pa.string()),
         ("format", pa.string()), ("looks_like_policy", pa.bool_()), ("n_clauses", pa.int64())]
        + [(f"stance_{c}", pa.string()) for c in CATEGORIES])
    clauses = pa.schema(
        [("doc_id", pa.string()), ("clause_index", pa.int64()), ("category", pa.string()),
         ("polarity", pa.string()), ("modality", pa.string()), ("text", pa.string()),
         ("start", pa.int64()), ("end", pa.int64()), ("byte_start", pa.int64()),
         ("byte_end", pa.int64()), ("sentence", pa.int64()), ("confidence", pa.float64()),
         ("section", pa.string()), ("rules", pa.list_(pa.string())), ("attributes", pa.string())])
    return documents, clauses


def _table(rows: list[dict[str, Any]], schema: Any) -> Any:
    import pyarrow as pa

    return pa.table({f.name: pa.array([row.get(f.name) for row in rows], type=f.type)
                     for f in schema}, schema=schema)


def records_to_arrow(records: Iterable[dict[str, Any]]) -> tuple[Any, Any]:
    """``(documents, clauses)`` as ``pyarrow.Table``."""
    documents: list[dict[str, Any]] = []
    clauses: list[dict[str, Any]] = []
    for record in records:
        documents.append(_document_row(record))
        clauses.extend(_clause_rows(record))
    document_schema, clause_schema = _schemas()
    return _table(documents, document_schema), _table(clauses, clause_schema)


def write_parquet(records: Iterable[dict[str, Any]], prefix: str,
                  batch_size: int = 2048) -> tuple[str, str]:
    """Writes ``prefix.documents.parquet`` and ``prefix.clauses.parquet``, a batch of
    records at a time so that memory stays bounded. Returns both paths."""
    import pyarrow.parquet as pq

    paths = (f"{prefix}.documents.parquet", f"{prefix}.clauses.parquet")
    schemas = _schemas()
    writers = [pq.ParquetWriter(path, schema) for path, schema in zip(paths, schemas)]
    try:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                for writer, table in zip(writers, records_to_arrow(batch)):
                    writer.write_table(table)
                batch = []
        for writer, table in zip(writers, records_to_arrow(batch)):
            writer.write_table(table)
    finally:
        for writer in writers:
            writer.close()
    return paths
