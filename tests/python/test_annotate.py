"""The batch path: input discovery, `policytext annotate`, its faults, and resuming."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

import policytext
from policytext import cli
from policytext.commands import annotate as annotate_command
from policytext.corpus import iter_sources, read_annotations

FR = ("# Politique de confidentialité\n\n"
      "Nous partageons votre adresse e-mail avec nos filiales pour vous envoyer des offres.\n\n"
      "Nous conservons vos données pendant trois (3) ans à compter de votre dernière connexion.\n")
EN = ("<html><body><h1>Privacy Policy</h1>"
      "<p>We share your phone number with our parent company for targeted advertising.</p>"
      "<p>We never sell your personal information.</p></body></html>")


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policytext", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "fr").mkdir(parents=True)
    (root / "en").mkdir()
    (root / "fr" / "b.md").write_text(FR, encoding="utf-8")
    (root / "fr" / "a.md").write_text(FR.replace("trois (3) ans", "13 mois"), encoding="utf-8")
    (root / "en" / "site.html").write_text(EN, encoding="utf-8")
    (root / "en" / "notes.bin").write_bytes(b"\x00\x01 ignored by the default globs")
    return root


def test_folders_are_walked_recursively_in_sorted_order(corpus: Path) -> None:
    ids = [s.id for s in iter_sources([corpus])]
    assert ids == [str(corpus / "en" / "site.html"), str(corpus / "fr" / "a.md"),
                   str(corpus / "fr" / "b.md")]
    assert [s.id for s in iter_sources([corpus], glob=["*.html"])] == [
        str(corpus / "en" / "site.html")]


def test_archives_and_jsonl_dumps_are_read_as_streams(tmp_path: Path) -> None:
    tar_path = tmp_path / "policies.tar.gz"
    with tarfile.open(tar_path, "w:gz") as archive:
        for name, text in (("one.md", FR), ("two.html", EN)):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    zip_path = tmp_path / "policies.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("three.md", FR)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "acme", "html": EN}) + "\n"
                    + "{not json\n"
                    + json.dumps({"url": "https://x.example/p", "text": FR}) + "\n"
                    + json.dumps({"id": "empty"}) + "\n", encoding="utf-8")
    sources = list(iter_sources([tar_path, zip_path, dump]))
    assert [s.id for s in sources] == [
        f"{tar_path}:one.md", f"{tar_path}:two.html", f"{zip_path}:three.md",
        "acme", f"{dump}:2", "https://x.example/p", "empty"]
    assert sources[3].format == "html" and sources[3].data == EN.encode()
    assert sources[4].error is not None and sources[4].error[0] == "INVALID_ARGUMENT"
    assert sources[6].error is not None


def test_truncated_archive_keeps_members_read_and_reports_the_rest(tmp_path: Path) -> None:
    whole = tmp_path / "whole.tar"
    with tarfile.open(whole, "w") as archive:
        for i in range(3):
            data = (FR * 50).encode()
            info = tarfile.TarInfo(f"doc{i}.md")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    cut = tmp_path / "cut.tar"
    raw = whole.read_bytes()
    cut.write_bytes(raw[: len(raw) // 2])
    sources = list(iter_sources([cut]))
    assert sources[0].error is None
    assert sources[-1].error is not None and sources[-1].error[0] == "DATA_LOSS"
    assert "truncated" in sources[-1].error[1]


def test_annotate_writes_one_record_per_input_and_a_manifest(corpus: Path,
                                                            tmp_path: Path) -> None:
    missing = tmp_path / "gone.html"
    out = tmp_path / "out.jsonl.gz"
    result = _run("annotate", str(corpus), str(missing), "-o", str(out), "--threads", "2")
    assert result.returncode == 0, result.stderr
    records = list(read_annotations(out))
    assert len(records) == 4
    by_source = {r["source"]: r for r in records}
    gone = by_source[str(missing)]
    assert gone["status"] == "error" and gone["error"]["code"] == "NOT_FOUND"
    ok = [r for r in records if r["status"] == "ok"]
    assert len(ok) == 3
    assert any(c["category"] == "sharing" for r in ok for c in r["clauses"])
    manifest = json.loads((tmp_path / "out.jsonl.gz.manifest.json").read_text())
    assert manifest["counts"]["documents"] == 4 and manifest["counts"]["errors"] == 1
    assert manifest["rules_fingerprint"]
    assert "documents: 4" in result.stderr and "MB/s" in result.stderr
    assert not (tmp_path / "out.jsonl.gz.partial").exists()


def test_max_errors_and_fail_fast_decide_the_exit_code(corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone.md"
    out = tmp_path / "out.jsonl"
    assert _run("annotate", str(corpus), str(missing), "-o", str(out),
                "--max-errors", "0").returncode == 1
    assert _run("annotate", str(corpus), str(missing), "-o", str(out),
                "--max-errors", "1").returncode == 0
    fail = _run("annotate", str(missing), str(corpus), "-o", str(out), "--fail-fast")
    assert fail.returncode == 1
    assert "NOT_FOUND" in fail.stderr


def test_unwritable_output_is_caught_before_any_work(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _run("annotate", str(corpus), "-o", str(blocker / "out.jsonl"))
    assert result.returncode == 2
    assert "output folder" in result.stderr
    assert not list(tmp_path.glob("**/*.partial"))


def test_oversized_and_non_policy_documents_get_records(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate((64 << 20) + 1)  # sparse: one byte over the default limit
    page = tmp_path / "404.html"
    page.write_text("<html><head><title>404 Not Found</title></head>"
                    "<body><h1>Page not found</h1><p>Sorry.</p></body></html>")
    out = tmp_path / "out.jsonl"
    result = _run("annotate", str(big), str(page), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = {r["source"]: r for r in read_annotations(out)}
    assert records[str(big)]["error"]["code"] == "RESOURCE_EXHAUSTED"
    flagged = records[str(page)]
    assert flagged["status"] == "ok"
    assert flagged["policy"]["looks_like_policy"] is False


def test_disk_full_stops_with_a_clear_message(corpus: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(annotate_command, "_open_output",
                        lambda partial: open("/dev/full", "w", encoding="utf-8"))
    code = cli.main(["annotate", str(corpus), "-o", str(tmp_path / "out.jsonl")])
    assert code == annotate_command.EXIT_OUTPUT
    assert "cannot write the output" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_permission_denied_is_an_error_record(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(FR)
    secret.chmod(0)
    fine = tmp_path / "fine.md"
    fine.write_text(FR)
    cmd = [sys.executable, "-m", "policytext", "annotate", str(secret), str(fine),
           "-o", str(tmp_path / "out.jsonl")]
    if os.geteuid() == 0:
        # Root reads everything: run without the capabilities that bypass file modes.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux)")
        cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *cmd]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    records = {r["source"]: r for r in read_annotations(tmp_path / "out.jsonl")}
    assert records[str(secret)]["error"]["code"] == "PERMISSION_DENIED"
    assert records[str(fine)]["status"] == "ok"


def _big_corpus(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"doc{i:05d}.md").write_text(FR * 20, encoding="utf-8")
    return root


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_run_leaves_whole_records_and_resumes(tmp_path: Path, sig: int) -> None:
    n = 3000
    corpus = _big_corpus(tmp_path / "big", n)
    out = tmp_path / "out.jsonl"
    partial = Path(str(out) + ".partial")
    cmd = [sys.executable, "-m", "policytext", "annotate", str(corpus), "-o", str(out),
           "--threads", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > 0:
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    proc.send_signal(sig)
    proc.communicate(timeout=120)
    assert not out.exists()
    lines = partial.read_bytes().split(b"\n")
    complete = lines[:-1]
    if sig == signal.SIGINT:
        assert lines[-1] == b""  # Ctrl-C: only whole records
    for line in complete:
        json.loads(line)
    assert 0 < len(complete) < n
    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in read_annotations(out)]
    assert len(ids) == n and len(set(ids)) == n


def test_annotate_corpus_streams_in_input_order(corpus: Path) -> None:
    results = list(policytext.annotate_corpus(corpus, threads=2, keep_documents=True))
    assert [a.id for a in results] == [s.id for s in iter_sources([corpus])]
    assert all(a.ok for a in results)
    assert all(a.document is not None and a.document.text for a in results)
    collected = policytext.Annotations(results)
    clauses = collected.to_pandas()
    assert {"doc_id", "category", "polarity", "text"} <= set(clauses.columns)
    assert len(collected.documents_pandas()) == 3


def test_parquet_tables(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.jsonl"
    result = _run("annotate", str(corpus), "-o", str(out), "--parquet", str(tmp_path / "t"))
    assert result.returncode == 0, result.stderr
    documents = pq.read_table(tmp_path / "t.documents.parquet")
    clauses = pq.read_table(tmp_path / "t.clauses.parquet")
    assert documents.num_rows == 3
    assert clauses.num_rows == sum(len(r["clauses"]) for r in read_annotations(out))


def test_stdin_is_one_document(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "policytext", "annotate", "-", "-o", str(out)],
                            input=FR, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (record,) = read_annotations(out)
    assert record["id"] == "-" and record["status"] == "ok"
