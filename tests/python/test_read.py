"""policytext.read: formats, offsets, pickling, errors, threads, and the
../shared/data policies (skipped when the folder is absent)."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import policytext

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ingest"
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = ["policy_page.html", "policy_nomain.html", "cp1252.html", "malformed.html",
            "policy.md", "policy.txt"]


def check_offsets(doc: policytext.Document) -> None:
    raw = doc.text.encode("utf-8")
    pieces = []
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        assert raw[b.byte_start:b.byte_end].decode("utf-8") == b.text
        pieces.append(b.text)
    assert "\n\n".join(pieces) == doc.text
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        block = doc.blocks[s.block]
        assert block.start <= s.start and s.end <= block.end


@pytest.mark.parametrize("name", FIXTURES)
def test_fixtures_match_golden_blocks(name: str) -> None:
    doc = policytext.read(DATA / name)
    check_offsets(doc)
    golden = json.loads((DATA / (name + ".blocks.json")).read_text(encoding="utf-8"))
    got = []
    for b in doc.blocks:
        item = {"kind": b.kind, "level": b.level, "section": b.section, "text": b.text}
        if b.table_row is not None:
            item["row"] = b.table_row
        got.append(item)
    assert got == golden


def test_source_kinds_str_bytes_path() -> None:
    path = DATA / "policy.md"
    from_path = policytext.read(path)
    from_bytes = policytext.read(path.read_bytes())
    from_str = policytext.read(path.read_text(encoding="utf-8"))
    assert from_path.source_format == from_bytes.source_format == from_str.source_format == "markdown"
    assert from_path.text == from_bytes.text == from_str.text
    assert from_path.lang == "en"
    # A str is text, never a file name.
    doc = policytext.read(str(path))
    assert doc.source_format == "text"
    assert doc.text == str(path)


def test_formats_forced_and_detected() -> None:
    assert policytext.read("<!doctype html><p>Hi there.</p>").source_format == "html"
    assert policytext.read("# Title\n\nBody text.\n").source_format == "markdown"
    assert policytext.read("Plain words only.").source_format == "text"
    doc = policytext.read("<p>Hi</p>", format="text")
    assert doc.blocks[0].text == "<p>Hi</p>"
    with pytest.raises(ValueError):
        policytext.read("x", format="pdf")


def test_charsets() -> None:
    doc = policytext.read(DATA / "cp1252.html")
    assert doc.charset == "windows-1252"
    assert "L’abonnement coûte 9,90 € par mois." in doc.text
    assert doc.lang == "fr"
    # Wrong <meta>: the UTF-8 bytes win.
    html = '<meta charset="iso-8859-1"><p>Données conservées — délai légal.</p>'.encode()
    doc = policytext.read(html)
    assert doc.charset == "UTF-8"
    assert "Données conservées — délai légal." in doc.text
    assert any("ignored" in w for w in doc.warnings)
    doc = policytext.read(b"Prix : 10 \xa4", charset="iso-8859-15")
    assert doc.text == "Prix : 10 €"


def test_blocks_sections_and_languages() -> None:
    doc = policytext.read(DATA / "policy_page.html")
    kinds = {b.kind for b in doc.blocks}
    assert {"heading", "paragraph", "list_item", "table_cell", "definition_term",
            "definition"} <= kinds
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [c.table_row for c in cells[:4]] == [0, 0, 1, 1]
    french = [b for b in doc.blocks if "conservons" in b.text]
    assert french and french[0].lang == "fr"
    assert french[0].section == ["Privacy Policy", "Version française", "Durée de conservation"]
    assert doc.lang == "en"
    assert doc.title == "Privacy Policy | Lumen Garden Supplies"
    source = (DATA / "policy_page.html").read_bytes()
    heading = doc.blocks[0]
    assert source[heading.source_start:heading.source_end] == b"<h1>Privacy Policy</h1>"
    assert policytext.read("Some text.", lang="fr").blocks[0].lang == "fr"


def test_looks_like_policy() -> None:
    doc = policytext.read(DATA / "policy_page.html")
    check = doc.looks_like_policy
    assert check and check == True  # noqa: E712 (PolicyCheck compares to bool)
    assert 0.5 <= check.score <= 1.0 and check.reason
    shell = policytext.read(b"<html><body><div id=app></div><script>boot()</script></body></html>")
    assert not shell.looks_like_policy
    assert "empty shell" in shell.looks_like_policy.reason
    missing = policytext.read("<title>404 Not Found</title><h1>Not Found</h1><p>No such page "
                              "on this server, sorry; try the home page instead of this link.</p>")
    assert not missing.looks_like_policy
    assert "error page" in missing.looks_like_policy.reason


def test_pickle_repr_to_dict() -> None:
    doc = policytext.read(DATA / "policy_page.html")
    again = pickle.loads(pickle.dumps(doc))
    assert again.text == doc.text
    assert again.blocks == doc.blocks
    assert [s.text for s in again.sentences] == [s.text for s in doc.sentences]
    assert again.looks_like_policy == doc.looks_like_policy
    assert (again.lang, again.charset, again.title) == (doc.lang, doc.charset, doc.title)
    block = doc.blocks[3]
    assert pickle.loads(pickle.dumps(block)) == block
    assert repr(doc).startswith("Document(html, lang=en")
    assert repr(block).startswith("Block(heading, level=2")
    d = doc.to_dict()
    assert d["source_format"] == "html" and d["blocks"][0]["text"] == "Privacy Policy"
    assert d["looks_like_policy"]["looks_like_policy"] is True
    json.dumps(d)


def test_errors() -> None:
    with pytest.raises(policytext.Error, match="max_bytes"):
        policytext.read(b"x" * 100, max_bytes=10)
    with pytest.raises(FileNotFoundError):
        policytext.read(DATA / "does-not-exist.html")
    with pytest.raises(TypeError):
        policytext.read(12345)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="binary"):
        policytext.read(b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 20, format="html")
    with pytest.raises(ValueError):
        policytext.read("\ud800 lone surrogate")
    with pytest.raises(ValueError):
        policytext.read("text", lang="de")


def test_bad_inputs_give_defined_results() -> None:
    deep = "<div>" * 100_000 + "<p>Deep text.</p>" + "</div>" * 100_000
    doc = policytext.read(deep, format="html")
    assert doc.blocks[-1].text == "Deep text."
    assert any("max_depth" in w for w in doc.warnings)
    nul = policytext.read(b"We keep\x00logs for thirty days. " + b"More plain words here. " * 5)
    assert "\x00" not in nul.text and "We keep logs" in nul.text
    assert policytext.read(b"").blocks == []
    check_offsets(policytext.read(bytearray("# Titre\n\nDonn\u00e9es.".encode())))


def test_concurrent_reads() -> None:
    sources = [DATA / name for name in FIXTURES] * 4
    expected = [policytext.read(p).text for p in sources]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda p: policytext.read(p).text, sources))
    assert got == expected


def _shared_policies():
    for lang in ("fr", "en"):
        folder = SHARED / f"ota-{lang}" / "policies"
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                yield lang, path


@pytest.mark.skipif(not (SHARED / "ota-fr").is_dir() and not (SHARED / "ota-en").is_dir(),
                    reason="../shared/data is absent")
def test_shared_data_policies_read_cleanly() -> None:
    failures = []
    count = 0
    for lang, path in _shared_policies():
        doc = policytext.read(path, sentences=False)
        count += 1
        raw = doc.text.encode("utf-8")
        for b in doc.blocks:
            assert raw[b.byte_start:b.byte_end].decode("utf-8") == b.text
        headings = []
        for b in doc.blocks:
            if b.kind == "heading":
                headings = [h for h in headings if h[0] < b.level]
                assert b.section == [h[1] for h in headings]
                headings.append((b.level, b.text))
            else:
                assert b.section == [h[1] for h in headings]
        if doc.lang != lang:
            failures.append(f"{path.name}: lang {doc.lang}")
        if not doc.looks_like_policy:
            failures.append(f"{path.name}: {doc.looks_like_policy.reason}")
    assert count > 0
    assert failures == []
