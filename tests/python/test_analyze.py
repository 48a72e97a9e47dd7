"""policytext.analyze / Analyzer: the API contract, offsets, rule-pack errors,
pickling, the JSON record against its JSON Schema, threads, the CLI."""

from __future__ import annotations

import json
import pathlib
import pickle
import subprocess
import sys
import threading

import pytest

import policytext

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "schema" / "document.schema.json"
CORPORA = ROOT / "corpora"

SAMPLE_FR = ("Nous ne vendons jamais vos données. "
             "Nous partageons votre adresse e-mail avec nos filiales.")
SAMPLE_EN = "We share your e-mail address with our affiliates."


def test_readme_quick_start():
    doc = policytext.analyze(SAMPLE_FR)
    sharing = [c for c in doc.clauses if c.category == "sharing"]
    assert [c.polarity for c in sharing] == ["negated", "affirmed"]
    assert doc.summary["sharing"].stance == "affirmed"
    assert doc.summary["sharing"].strongest.polarity == "affirmed"
    assert "ne" in sharing[0].negation_cue


def test_clause_contract():
    doc = policytext.analyze("Intro.\n\n🙂 We share your e-mail address with our affiliates.")
    (clause,) = [c for c in doc.clauses if c.category == "sharing"]
    assert doc.text[clause.start:clause.end] == clause.text
    assert doc.text.encode()[clause.byte_start:clause.byte_end].decode() == clause.text
    assert clause.polarity == "affirmed" and clause.modality == "definite"
    assert clause.sentence >= 0 and isinstance(clause.section, list)
    assert clause.rules and all(isinstance(r, str) for r in clause.rules)
    assert 0 < clause.confidence <= 1
    attrs = clause.attributes
    assert attrs["action"] == "share"
    (recipient,) = attrs["recipients"]
    assert recipient["type"] == "affiliate"
    assert doc.text[recipient["start"]:recipient["end"]] == recipient["text"] == "affiliates"
    assert "email" in attrs["data_types"]
    d = clause.to_dict()
    assert d["text"] == clause.text and d["attributes"] == attrs
    assert "sharing" in repr(clause)


def test_modality_and_retention_attributes():
    doc = policytext.analyze("We may share your data with Google. "
                             "We keep your data for up to 13 months.", lang="en")
    by = {c.category: c for c in doc.clauses}
    assert by["sharing"].modality == "possible"
    named = [r for r in by["sharing"].attributes["recipients"] if r["type"] == "named"]
    assert named and named[0]["name"] == "Google"
    periods = by["retention"].attributes["periods"]
    assert periods[0]["iso"] == "P13M" and periods[0]["qualifier"] == "max"
    assert by["retention"].attributes["bound"] == "fixed"


def test_summary_mapping():
    doc = policytext.analyze(SAMPLE_EN)
    summary = doc.summary
    assert len(summary) == 12 and "advertising" in summary
    assert list(summary)[0] == "sharing"
    assert summary["advertising"].stance == "silent"
    assert summary["advertising"].strongest is None
    assert summary.to_dict()["sharing"]["strongest_clause"] == 0
    with pytest.raises(KeyError):
        summary["nope"]


def test_sources_str_bytes_path(tmp_path):
    p = tmp_path / "p.html"
    p.write_bytes("<html><body><p>Nous partageons vos données avec nos filiales.</p>"
                  "</body></html>".encode("latin-1", "replace"))
    assert policytext.analyze(SAMPLE_EN.encode()).clauses
    assert policytext.analyze(p).clauses
    with pytest.raises(FileNotFoundError):
        policytext.analyze(tmp_path / "missing.html")
    with pytest.raises(TypeError):
        policytext.analyze(12)
    with pytest.raises(ValueError):
        policytext.analyze(SAMPLE_EN, lang="de")
    with pytest.raises(ValueError):
        policytext.analyze(SAMPLE_EN, format="pdf")


def test_bad_rule_pack_is_value_error(tmp_path):
    pack = tmp_path / "bad.rules"
    pack.write_text("[rule en.sharing.mine]\ncategory = sharing\npatern = x\n")
    with pytest.raises(ValueError, match=r"bad\.rules:3:1: unknown key 'patern'"):
        policytext.Analyzer(rules=pack)
    pack.write_text("[rule en.sharing.mine]\ncategory = sharing\npattern = share\\b\n")
    with pytest.raises(ValueError, match=r"bad\.rules:3:16: .*\{b\}"):
        policytext.Analyzer(rules=[pack])
    pack.write_text("[rule en.sharing.mine]\ncategory = sharing\npattern = (x\n")
    with pytest.raises(ValueError, match="en.sharing.mine"):
        policytext.Analyzer(rules=str(pack))
    with pytest.raises(FileNotFoundError):
        policytext.Analyzer(rules=tmp_path / "nothing")
    with pytest.raises(ValueError):
        policytext.Analyzer(languages=["xx"])


def test_user_pack_and_pickling(tmp_path):
    folder = tmp_path / "packs" / "en"
    folder.mkdir(parents=True)
    (folder / "mine.rules").write_text(
        "[rule mine.barter]\ncategory = sharing\npattern = {b}barter\\p{L}*{b}\n")
    analyzer = policytext.Analyzer(rules=tmp_path / "packs", builtin_rules=False)
    doc = analyzer.analyze("We barter your data.", lang="en")
    assert [c.rules for c in doc.clauses] == [["mine.barter"]]
    clone = pickle.loads(pickle.dumps(analyzer))
    # The pack travels as text: the clone works after the file is gone.
    (folder / "mine.rules").unlink()
    assert clone.rules_fingerprint == analyzer.rules_fingerprint
    assert [c.rules for c in clone.analyze("We barter your data.", lang="en").clauses] == [
        ["mine.barter"]]
    assert "Analyzer(" in repr(clone)
    clause = doc.clauses[0]
    again = pickle.loads(pickle.dumps(clause))
    assert again.to_dict() == clause.to_dict()


def test_explain_and_rules_list():
    analyzer = policytext.Analyzer()
    traces = analyzer.explain("Nous ne vendons jamais vos données.", lang="fr")
    assert traces and any(r["fired"] for r in traces[0]["rules"])
    assert all(r["origin"].startswith("builtin:fr/") for r in traces[0]["rules"])
    rules = analyzer.rules()
    assert {r["lang"] for r in rules} == {"fr", "en"}
    assert {r["kind"] for r in rules} == {"rule", "lexicon"}


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_json_record_validates_against_schema():
    validator = _validator()
    analyzer = policytext.Analyzer()
    texts = [SAMPLE_FR, SAMPLE_EN, "", "Texte \ufffd avec un caractère de remplacement.", "We keep logs for 30 days. We never sell data.",
             "# Titre\n\n- nos filiales ;\n- nos prestataires."]
    for text in texts:
        doc = analyzer.analyze(text)
        record = json.loads(analyzer.to_json(doc, id="x", source="y", include_text=True,
                                             include_blocks=True))
        validator.validate(record)
        assert record["schema_version"] == 1 and record["id"] == "x"
        assert len(record["clauses"]) == len(doc.clauses)


def test_json_records_of_the_corpora_validate():
    validator = _validator()
    files = sorted(p for p in CORPORA.rglob("*") if p.suffix in (".md", ".html")
                   and "gold" not in p.parts) if CORPORA.is_dir() else []
    if not files:
        pytest.skip("no corpora/ documents")
    analyzer = policytext.Analyzer()
    for path in files:
        doc = analyzer.analyze(path)
        record = json.loads(analyzer.to_json(doc, source=str(path)))
        validator.validate(record)
        for clause, c in zip(doc.clauses, record["clauses"]):
            assert doc.text[clause.start:clause.end] == clause.text == c["text"]


def test_threads_agree():
    analyzer = policytext.Analyzer()
    texts = [SAMPLE_FR, SAMPLE_EN, "We keep your data for 3 years."] * 4
    expected = [[c.to_dict() for c in analyzer.analyze(t).clauses] for t in texts]
    results: list = [None] * len(texts)

    def work(i: int) -> None:
        results[i] = [c.to_dict() for c in analyzer.analyze(texts[i]).clauses]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_bad_input_never_crashes():
    for data in [b"", b"\xff\xfe\x00", b"<p>" * 10000, "é".encode() * 50000,
                 "\ud83d\ude42".encode("utf-16", "surrogatepass"), bytes(range(256)) * 4]:
        try:
            doc = policytext.analyze(data)
        except ValueError:  # the reader refuses binary input with a clear error
            continue
        for c in doc.clauses:
            assert doc.text[c.start:c.end] == c.text
    with pytest.raises(UnicodeEncodeError):
        policytext.analyze("\ud800")


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policytext", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_analyze_and_rules(tmp_path):
    policy = tmp_path / "p.md"
    policy.write_text("# Partage\n\nNous partageons vos données avec nos filiales.\n")
    out = _cli("analyze", str(policy))
    assert out.returncode == 0, out.stderr
    assert "sharing" in out.stdout and "AFFIRMED" in out.stdout
    out = _cli("analyze", "--json", str(policy))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["summary"]["sharing"]["stance"] == "affirmed"
    out = _cli("rules", "explain", "We never sell your data.", "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "FIRES" in out.stdout and "negated" in out.stdout
    bad = tmp_path / "bad.rules"
    bad.write_text("[rule en.x.y]\ncategory = nope\npattern = x\n")
    out = _cli("rules", "check", str(bad))
    assert out.returncode == 2 and "bad.rules:2:12" in out.stderr
    good = tmp_path / "good.rules"
    good.write_text("[rule en.sharing.extra_barter]\ncategory = sharing\npattern = barter\n")
    out = _cli("rules", "check", str(good))
    assert out.returncode == 0 and "1 rules" in out.stdout
    assert "warning" not in out.stderr
    slow = tmp_path / "slow.rules"
    slow.write_text("[rule en.sharing.phone_pair]\ncategory = sharing\npattern = [0-9]+@[0-9]+\n")
    out = _cli("rules", "check", str(slow))
    assert out.returncode == 0, out.stderr
    assert "warning: " + str(slow) + ":3:11: a pattern of 'en.sharing.phone_pair'" in out.stderr
    assert "runs on every sentence" in out.stderr
    out = _cli("rules", "list", "--lang", "fr", "--kind", "rule")
    assert out.returncode == 0 and out.stdout.startswith("fr  rule")
