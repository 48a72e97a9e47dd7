"""The gold annotations under corpora/ are valid (corpora/check_gold.py).

Pure Python: needs neither the compiled module nor ../shared/data.
"""

import importlib.util
import json
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_gold", CORPORA / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_gold = _load_checker()


def test_corpora_gold_is_valid():
    problems = check_gold.check_corpora(CORPORA)
    assert problems == [], "\n".join(problems)


def test_every_french_document_has_gold():
    docs = sorted((CORPORA / "fr").glob("*.*"))
    assert len(docs) >= 13, "fewer than 13 French documents"
    assert len(list((CORPORA / "bilingual").glob("*.html"))) >= 2
    for doc in docs:
        gold = CORPORA / "gold" / "fr" / (doc.stem + ".jsonl")
        assert gold.is_file(), f"{doc.name} has no gold file"
        assert gold.read_text(encoding="utf-8").strip(), f"{gold} is empty"


def _french_records():
    for gold in sorted((CORPORA / "gold" / "fr").glob("*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            yield json.loads(line)


def test_french_gold_covers_the_hard_cases():
    records = list(_french_records())
    def has(pred):
        return any(pred(r, r.get("attributes", {})) for r in records)
    assert has(lambda r, a: r["category"] == "sharing"
               and r["polarity"] == "negated" and a.get("action") == "sell")
    assert has(lambda r, a: any(x.get("negated") for x in a.get("recipients", [])))
    assert has(lambda r, a: r["category"] == "sharing"
               and "sauf" in r["quote"] and r["polarity"] == "affirmed")
    assert has(lambda r, a: any(x["type"] == "named"
                                for x in a.get("recipients", [])))
    periods = [p for r in records for p in r.get("attributes", {}).get("periods", [])]
    assert {p["qualifier"] for p in periods} >= {"exact", "max", "min"}
    assert any(p["text"].startswith("entre ") for p in periods)
    assert has(lambda r, a: a.get("bound") == "as_long_as_necessary")
    assert has(lambda r, a: a.get("bound") == "until_event")
    assert has(lambda r, a: r["category"] == "children" and "ans" in r["quote"])
    assert has(lambda r, a: "opt_out" in a.get("user_choice", []))
    assert has(lambda r, a: r["modality"] == "possible")
    encodings = {check_gold.META_CHARSET.search(p.read_bytes()[:4096]).group(1)
                 .decode().lower() for p in (CORPORA / "fr").glob("*.html")}
    assert "windows-1252" in encodings


def _record(quote, category="sharing", **extra):
    record = {"quote": quote, "category": category, "polarity": "affirmed",
              "modality": "definite"}
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def tiny_corpus(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "gold" / "fr").mkdir(parents=True)
    html = ("<html><head><meta charset=\"windows-1252\"><title>t</title>"
            "<script>var s = \"Nous partageons vos données\";</script></head>"
            "<body><p>Nous partageons vos données avec <b>Google</b>.</p>"
            "<p>Nous conservons vos données 3&nbsp;ans.</p>"
            "<p>Conservation : treize (13) mois.</p></body></html>")
    (tmp_path / "fr" / "page.html").write_bytes(html.encode("cp1252"))
    return tmp_path


def _write_gold(corpus, lines):
    (corpus / "gold" / "fr" / "page.jsonl").write_text(
        "\n".join(lines) + "\n", encoding="utf-8")


def test_checker_accepts_a_valid_file(tiny_corpus):
    _write_gold(tiny_corpus, [
        _record("Nous partageons vos données avec",
                attributes={"recipients": [
                    {"text": "vos données", "type": "unspecified_third_party"}]}),
        _record("treize (13) mois", "retention", attributes={
            "periods": [{"text": "treize (13) mois", "iso": "P13M",
                         "qualifier": "exact"}], "bound": "fixed"}),
    ])
    assert check_gold.check_corpora(tiny_corpus) == []


@pytest.mark.parametrize("line, message", [
    ("{not json", "invalid JSON"),
    (_record("Nous vendons vos données"), "quote not found"),
    (_record("avec <b>Google"), "not inside one HTML text node"),
    (_record("Nous conservons vos données 3&nbsp;ans", "retention"),
     "character reference"),
    (_record("Nous partageons vos données", occurrence=3),
     "occurrence 3 of quote not found"),
    (_record("Nous partageons vos données"), "not inside one HTML text node"),
    (_record("Nous partageons vos données", "sale"), "unknown category"),
    (_record("Nous partageons vos données", polarity="maybe"),
     "unknown polarity"),
    (_record("Nous partageons vos données", confidence=1), "unknown key"),
    (_record("treize (13) mois", "retention", attributes={"periods": [
        {"text": "treize (13) mois", "iso": "13M", "qualifier": "exact"}]}),
     "bad ISO 8601 duration"),
    (_record("treize (13) mois", "retention", attributes={"periods": [
        {"text": "13 mois", "iso": "P13M", "qualifier": "exact"}]}),
     "period text '13 mois' not in quote"),
    (_record("Nous partageons vos données avec", attributes={"recipients": [
        {"text": "Google", "type": "named", "name": "Google"}]}),
     "recipient text 'Google' not in quote"),
    (_record("Nous partageons vos données avec", attributes={"recipients": [
        {"text": "vos données", "type": "named"}]}), "needs `name`"),
    (_record("treize (13) mois", "retention",
             attributes={"bound": "until_event"}), "needs `event`"),
    (_record("treize (13) mois", "retention",
             attributes={"colour": "red"}), "unknown attribute"),
])
def test_checker_reports_file_and_line(tiny_corpus, line, message):
    _write_gold(tiny_corpus, [_record("Nous partageons vos données avec"),
                              line])
    problems = check_gold.check_corpora(tiny_corpus)
    assert problems, "the checker accepted a bad record"
    assert any(".jsonl:2: " in p and message in p for p in problems), problems


def test_checker_reports_document_order(tiny_corpus):
    _write_gold(tiny_corpus, [_record("treize (13) mois", "retention"),
                              _record("Nous partageons vos données avec")])
    problems = check_gold.check_corpora(tiny_corpus)
    assert any(":2: record out of document order" in p for p in problems)


def test_checker_reports_missing_and_orphan_gold(tiny_corpus):
    (tiny_corpus / "gold" / "fr" / "other.jsonl").write_text(
        _record("x") + "\n", encoding="utf-8")
    problems = check_gold.check_corpora(tiny_corpus)
    assert any("page.html: no gold file" in p for p in problems)
    assert any("other.jsonl:1: gold file without a document" in p
               for p in problems)


def test_main_exit_status(tiny_corpus, capsys):
    _write_gold(tiny_corpus, [_record("absent de la page")])
    assert check_gold.main([str(tiny_corpus)]) == 1
    assert "page.jsonl:1:" in capsys.readouterr().out
    _write_gold(tiny_corpus, [_record("Nous partageons vos données avec")])
    assert check_gold.main([str(tiny_corpus)]) == 0
