"""policytext.dask on a real (local, multi-process) distributed cluster."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

import policytext  # noqa: E402
import policytext.dask  # noqa: E402

TEXTS = [
    "Nous partageons votre numéro de téléphone avec notre maison mère à des fins publicitaires.",
    "We keep your account data for up to 5 years after you close your account.",
    "We never sell your personal information.",
]


def test_analyzer_pickles_as_its_configuration() -> None:
    analyzer = policytext.Analyzer()
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone.rules_fingerprint == analyzer.rules_fingerprint
    text = TEXTS[0]
    assert [c.category for c in clone.analyze(text).clauses] == \
        [c.category for c in analyzer.analyze(text).clauses]


def test_annotate_on_a_local_cluster_writes_one_shard_per_partition(tmp_path: Path) -> None:
    paths = []
    for i in range(12):
        p = tmp_path / "in" / f"doc{i:02d}.md"
        p.parent.mkdir(exist_ok=True)
        p.write_text(TEXTS[i % len(TEXTS)], encoding="utf-8")
        paths.append(str(p))
    records = [{"id": f"rec{i}", "text": t} for i, t in enumerate(TEXTS)] + [{"id": "bad"}]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        shards = policytext.dask.annotate(db.from_sequence(paths, npartitions=4),
                                          tmp_path / "out", client=client)
        more = policytext.dask.annotate(db.from_sequence(records, npartitions=2),
                                        tmp_path / "out2", client=client)
    assert [Path(s["shard"]).name for s in shards] == [f"part-{i:05d}.jsonl.gz"
                                                       for i in range(4)]
    assert sum(s["documents"] for s in shards) == 12
    written = policytext.dask.read_shards(tmp_path / "out")
    assert sorted(r["id"] for r in written) == sorted(paths)
    assert all(r["status"] == "ok" for r in written)
    assert any(c["category"] == "sharing" for r in written for c in r["clauses"])
    second = policytext.dask.read_shards(tmp_path / "out2")
    assert [r["id"] for r in second] == ["rec0", "rec1", "rec2", "bad"]
    assert second[-1]["status"] == "error"
    assert sum(s["errors"] for s in more) == 1
