"""Evaluation metrics and gold readers, on synthetic data (no ../shared/data needed)."""

from __future__ import annotations

import csv
import json
from types import SimpleNamespace as NS

import pytest

from policytext import evaluate as ev


# ---------------------------------------------------------------------------- metrics


def test_score_units_counts_per_category():
    gold = {(("d", 0), "sharing"), (("d", 1), "sharing"), (("d", 1), "retention")}
    pred = {(("d", 0), "sharing"), (("d", 2), "sharing"), (("d", 1), "advertising")}
    out = ev.score_units(gold, pred, ("sharing", "retention", "advertising"))
    assert (out["sharing"].tp, out["sharing"].fp, out["sharing"].fn) == (1, 1, 1)
    assert (out["retention"].tp, out["retention"].fn) == (0, 1)
    assert out["advertising"].fp == 1
    assert out["sharing"].precision == pytest.approx(0.5)
    assert out["sharing"].f1 == pytest.approx(0.5)
    total = ev.micro(out)
    assert (total.tp, total.fp, total.fn) == (1, 2, 2)


def test_score_units_ignores_other_categories_and_duplicates():
    gold = [(("d", 0), "sharing"), (("d", 0), "sharing"), (("d", 0), "contact")]
    pred = [(("d", 0), "sharing")]
    out = ev.score_units(gold, pred, ("sharing",))
    assert list(out) == ["sharing"]
    assert (out["sharing"].tp, out["sharing"].fp, out["sharing"].fn) == (1, 0, 0)


def test_counts_zero_division_is_zero():
    c = ev.Counts()
    assert c.precision == c.recall == c.f1 == 0.0


def test_score_spans_overlap_and_jaccard():
    gold = [("d", "sharing", 0, 10), ("d", "sharing", 20, 30), ("d", "retention", 40, 50)]
    pred = [("d", "sharing", 5, 15), ("d", "sharing", 60, 70), ("d", "retention", 40, 50)]
    s = ev.score_spans(gold, pred, ("sharing", "retention"))
    assert (s.counts["sharing"].tp, s.counts["sharing"].fp, s.counts["sharing"].fn) == (1, 1, 1)
    assert s.counts["retention"].tp == 1
    # best Jaccard: 5/15 for the sharing pair, 1.0 for the retention pair
    assert s.mean_jaccard == pytest.approx((5 / 15 + 1.0) / 2)


def test_span_jaccard_disjoint_and_touching():
    assert ev.span_jaccard((0, 5), (5, 9)) == 0.0
    assert ev.span_jaccard((0, 4), (2, 6)) == pytest.approx(2 / 6)


def test_score_periods_exact_and_iso_only():
    gold = [("u", "P3Y", "exact"), ("u", "P13M", "max"), ("v", "P6M", None)]
    pred = [("u", "P3Y", "exact"), ("u", "P13M", "exact"), ("v", "P6M", "approx"), ("v", "P1Y", "exact")]
    exact, iso = ev.score_periods(gold, pred)
    # P3Y matches; P13M has the wrong qualifier; P6M has no gold qualifier so ISO decides.
    assert (exact.tp, exact.fp, exact.fn) == (2, 2, 1)
    assert (iso.tp, iso.fp, iso.fn) == (3, 1, 0)


def test_score_periods_respects_multiplicity_and_units():
    gold = [("u", "P1Y", "exact"), ("u", "P1Y", "exact")]
    pred = [("u", "P1Y", "exact"), ("w", "P1Y", "exact")]
    exact, _ = ev.score_periods(gold, pred)
    assert (exact.tp, exact.fp, exact.fn) == (1, 1, 1)


# ---------------------------------------------------------------------------- helpers


def test_name_of_accepts_strings_and_enums():
    assert ev.name_of("sharing") == "sharing"
    assert ev.name_of(NS(name="kFirstPartyCollection")) == "first_party_collection"
    assert ev.name_of(NS(name="retention")) == "retention"


def test_clause_periods_dict_and_attribute_list():
    c1 = NS(attributes={"periods": [{"iso": "P2Y", "qualifier": "max", "text": "2 ans"}]})
    c2 = NS(attributes=[NS(name="period", value="P30D", detail="exact", text="30 days"),
                        NS(name="recipient", value="named", detail="Google", text="Google")])
    assert ev.clause_periods(c1) == [("P2Y", "max", "2 ans")]
    assert ev.clause_periods(c2) == [("P30D", "exact", "30 days")]


def test_detokenize_spans_point_at_tokens():
    tokens = ["We", "keep", "logs", "for", "30", "days", "(", "max", ")", ",", "then", "delete", "them", "."]
    text, spans = ev.detokenize(tokens)
    assert text == "We keep logs for 30 days (max), then delete them."
    for tok, (b, e) in zip(tokens, spans):
        assert text[b:e] == tok


def test_detokenize_rejoins_hyphenated_words():
    text, spans = ev.detokenize(["our", "sign", "-", "up", "page"])
    assert text == "our sign-up page"
    assert text[spans[3][0]:spans[3][1]] == "up"


def test_bio_spans():
    labels = ["O", "B-retention-period.retention-period", "I-retention-period.retention-period", "O",
              "B-action", "B-retention-period.retention-period"]
    spans = ev.bio_spans(labels, lambda k: k.startswith("retention-period"))
    assert [(b, e) for b, e, _ in spans] == [(1, 3), (5, 6)]


def test_decode_source_uses_meta_charset():
    data = '<html><head><meta charset="windows-1252"></head><body><p>Durée</p></body></html>'.encode("cp1252")
    assert "Durée" in ev.decode_source(data, None, ".html")
    assert ev.decode_source("é".encode("utf-8")) == "é"


def test_find_occurrence_counts_overlapping():
    assert ev.find_occurrence("aaa", "aa", 2) == 1
    assert ev.find_occurrence("abc", "x") == -1


# ---------------------------------------------------------------------------- readers


def test_shared_readers_skip_cleanly_when_absent(tmp_path):
    messages = []
    assert ev.read_ota_fr(tmp_path, log=messages.append) is None
    assert ev.read_opp115(tmp_path, "validation", log=messages.append) is None
    assert ev.read_policyie(tmp_path, "valid", log=messages.append) is None
    assert len(messages) == 3 and all("skipping" in m for m in messages)
    assert ev.run(object(), ("ota-fr", "opp115", "policyie"), data=tmp_path) == []


def test_read_opp115_maps_labels_and_merges_rows(tmp_path):
    folder = tmp_path / "opp115"
    folder.mkdir()
    rows = [
        ("We pass your order details to the courier.", "Third Party Sharing/Collection"),
        ("We pass your order details to the courier.", "First Party Collection/Use"),
        ("Logs are deleted after a month.", "Data Retention"),
        ("Hello and welcome.", "Introductory/Generic"),
        ("#NAME?", "Data Security"),
    ]
    with (folder / "validation_dataset.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    cases = ev.read_opp115(tmp_path, "validation")
    assert len(cases) == 3
    cats = {c.source.decode(): {g.category for g in c.gold} for c in cases}
    assert cats["We pass your order details to the courier."] == {"sharing", "first_party_collection"}
    assert cats["Logs are deleted after a month."] == {"retention"}
    assert cats["Hello and welcome."] == set()
    assert all(c.whole and c.lang == "en" for c in cases)


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_read_policyie_intents_advertising_and_periods(tmp_path):
    folder = tmp_path / "policyie"
    folder.mkdir()
    toks = ["We", "keep", "it", "for", "two", "years", "."]
    _write_jsonl(folder / "intent_classification_valid.json", [
        {"sentence": " ".join(toks), "label": "data-storage-retention-deletion"},
        {"sentence": "We use it for promotions .", "label": "data-collection-usage"},
    ])
    _write_jsonl(folder / "type_I_slot_filling_valid.json", [
        {"tokens": toks, "labels": ["O", "B-action", "O", "O", "B-retention-period.retention-period",
                                    "I-retention-period.retention-period", "O"]},
        {"tokens": ["We", "use", "it", "for", "promotions", "."], "labels": ["O"] * 6},
    ])
    _write_jsonl(folder / "type_II_slot_filling_valid.json", [
        {"tokens": toks, "labels": ["O"] * 7},
        {"tokens": ["We", "use", "it", "for", "promotions", "."],
         "labels": ["O", "O", "O", "O", "B-purpose-argument.advertising-marketing", "O"]},
    ])
    cases = ev.read_policyie(tmp_path, "valid")
    assert [sorted(g.category for g in c.gold) for c in cases] == [
        ["retention"], ["advertising", "first_party_collection"]]
    ret = cases[0].gold[0]
    assert [p.text for p in ret.periods] == ["two years"]
    text = cases[0].source.decode()
    b, e = ret.periods[0].span
    assert text[b:e] == "two years"


def test_read_ota_fr_segments_and_ranges(tmp_path):
    folder = tmp_path / "ota-fr" / "gold"
    folder.mkdir(parents=True)
    text = "# Titre\n\nNous gardons les factures dix ans.\n\n- Les cookies durent de 6 à 13 mois.\n"
    (folder / "Exemple.md").write_text(text, encoding="utf-8")
    data = text.encode()
    segs = [(0, 7), (data.index(b"Nous"), data.index(b"ans.") + 4), (data.index(b"- Les"), len(data) - 1)]
    _write_jsonl(folder / "gold.jsonl", [
        {"service": "Exemple", "file": "Exemple.md", "seg_index": 0, "start": segs[0][0], "end": segs[0][1],
         "labels": {}, "text": "# Titre"},
        {"service": "Exemple", "file": "Exemple.md", "seg_index": 1, "start": segs[1][0], "end": segs[1][1],
         "labels": {"retention": {"polarity": "affirmed", "bound": "fixed",
                                  "periods": [{"iso": "P10Y", "text": "dix ans"}]}}, "text": ""},
        {"service": "Exemple", "file": "Exemple.md", "seg_index": 2, "start": segs[2][0], "end": segs[2][1],
         "labels": {"retention": {"polarity": "affirmed", "bound": "fixed",
                                  "periods": [{"iso": "P13M", "min": "P6M", "text": "6 à 13 mois"}]}},
         "text": ""},
    ])
    (case,) = ev.read_ota_fr(tmp_path)
    assert case.segments == segs and case.lang == "fr"
    assert [(g.segment, g.category) for g in case.gold] == [(1, "retention"), (2, "retention")]
    assert [(p.iso, p.qualifier) for p in case.gold[1].periods] == [("P6M", "min"), ("P13M", "max")]
    assert case.gold[0].periods[0].qualifier is None


def test_read_project_gold_pairs_documents(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "gold" / "fr").mkdir(parents=True)
    (tmp_path / "fr" / "essai.md").write_text("Nous vendons rarement des gâteaux.\n", encoding="utf-8")
    _write_jsonl(tmp_path / "gold" / "fr" / "essai.jsonl", [
        {"quote": "Nous vendons rarement des gâteaux.", "category": "sharing", "polarity": "affirmed",
         "modality": "definite"}])
    (case,) = ev.read_project_gold(tmp_path)
    assert case.doc == "fr/essai.md" and case.format == "markdown" and case.lang == "fr"
    assert case.group == "corpora-fr" and case.quotes


def test_read_project_gold_reports_a_missing_document(tmp_path):
    (tmp_path / "gold" / "en").mkdir(parents=True)
    _write_jsonl(tmp_path / "gold" / "en" / "ghost.jsonl", [])
    with pytest.raises(FileNotFoundError):
        ev.read_project_gold(tmp_path)


# ---------------------------------------------------------------------------- end to end, fake analyser

# A source with two paragraphs; the fake analyser's text drops the Markdown
# emphasis, so the gold quote has to be located through the block's source range.
SOURCE = (
    "We **never** sell your data. Partners help us ship orders.\n"
    "\n"
    "Invoices are kept for ten years. We send offers by e-mail.\n"
)
TEXT = "We never sell your data. Partners help us ship orders.\n\nInvoices are kept for ten years. We send offers by e-mail."


def _span(text, sub):
    b = text.encode().index(sub.encode())
    return NS(begin=b, end=b + len(sub.encode()))


def _fake_document():
    s = [_span(TEXT, x) for x in ("We never sell your data.", "Partners help us ship orders.",
                                   "Invoices are kept for ten years.", "We send offers by e-mail.")]
    p1 = "We never sell your data. Partners help us ship orders."
    p2 = "Invoices are kept for ten years. We send offers by e-mail."
    src = SOURCE.encode()
    blocks = [
        NS(span=_span(TEXT, p1), source_begin=0, source_end=src.index(b"\n")),
        NS(span=_span(TEXT, p2), source_begin=src.index(b"Invoices"), source_end=len(src) - 1),
    ]
    sent = [NS(span=x) for x in s]

    def clause(cat, i, block, pol="affirmed", attrs=None):
        return NS(category=cat, polarity=pol, byte_start=s[i].begin, byte_end=s[i].end, sentence=i,
                  block=block, attributes=attrs or {})

    clauses = [
        clause("sharing", 0, 0, "negated"),
        clause("retention", 2, 1, attrs={"periods": [{"iso": "P10Y", "qualifier": "exact", "text": "ten years"}]}),
        clause("sharing", 3, 1),  # a false positive
    ]
    return NS(text=TEXT, sentences=sent, blocks=blocks, clauses=clauses, charset="UTF-8")


class FakeAnalyzer:
    def __init__(self):
        self.calls = []

    def analyze(self, source, **kwargs):
        self.calls.append(kwargs)
        return _fake_document()


def _gold_case():
    gold = [
        ev.GoldClause("sharing", "negated", quote="sell your data."),
        ev.GoldClause("sharing", "affirmed", quote="Partners help us ship orders."),
        ev.GoldClause("retention", "affirmed", quote="Invoices are kept for ten years.",
                      periods=[ev.GoldPeriod("P10Y", "exact", "ten years")]),
        ev.GoldClause("advertising", "affirmed", quote="We send offers by e-mail."),
    ]
    return ev.Case(doc="en/fake.md", source=SOURCE.encode(), format="markdown", lang="en", gold=gold,
                   quotes=True, group="corpora-en")


def test_compare_sentence_segment_span_and_periods():
    analyzer = FakeAnalyzer()
    (rep,) = ev.evaluate_cases(analyzer, [_gold_case()], ev.CATEGORIES)
    assert analyzer.calls == [{"format": "markdown", "lang": "en"}]
    assert rep.name == "corpora-en" and rep.unresolved == 0
    sh = rep.sentence["sharing"]
    assert (sh.tp, sh.fp, sh.fn) == (1, 1, 1)  # sentence 1 missed, sentence 3 wrong
    seg = rep.segment["sharing"]
    assert (seg.tp, seg.fp, seg.fn) == (1, 1, 0)  # both gold clauses are in block 0
    assert rep.segment["advertising"].fn == 1
    assert rep.sentence["retention"].tp == 1
    assert rep.periods_exact.tp == 1 and rep.periods_exact.fn == 0
    assert rep.span["retention"].tp == 1
    assert rep.polarity_total >= 1
    table = ev.format_table([rep])
    assert "corpora-en" in table and "sharing" in table and "retention periods exact" in table
    d = rep.to_dict()
    assert d["segment"]["sharing"]["tp"] == 1
    json.dumps(d)


def test_compare_with_gold_segments_maps_blocks_to_segments():
    src = SOURCE.encode()
    segs = [(0, src.index(b"\n")), (src.index(b"Invoices"), len(src) - 1)]
    gold = [ev.GoldClause("retention", "affirmed", segs[1], segment=1,
                          periods=[ev.GoldPeriod("P10Y", None)]),
            ev.GoldClause("sharing", "negated", segs[0], segment=0)]
    case = ev.Case(doc="x", source=src, format="markdown", lang="en", gold=gold, segments=segs)
    res = ev.compare(case, _fake_document(), ev.OTA_FR_CATEGORIES)
    rep = ev.aggregate("x", [res], ev.OTA_FR_CATEGORIES, sentence_level=False)
    assert (rep.segment["sharing"].tp, rep.segment["sharing"].fp) == (1, 1)
    assert rep.segment["retention"].tp == 1
    assert rep.periods_iso.tp == 1
    assert rep.polarity_agree == rep.polarity_total == 2  # negated sharing and affirmed retention agree


def test_whole_unit_cases_and_period_spans():
    doc = NS(text="We keep it for two years.", sentences=[NS(span=NS(begin=0, end=25))],
             blocks=[NS(span=NS(begin=0, end=25), source_begin=0, source_end=25)],
             clauses=[NS(category="retention", polarity="affirmed", byte_start=0, byte_end=25, sentence=0,
                         block=0, attributes={"periods": [{"iso": "P2Y", "qualifier": "exact",
                                                           "text": "two years"}]})])
    case = ev.Case(doc="s", source=doc.text.encode(), format="text", lang="en", whole=True,
                   gold=[ev.GoldClause("retention", periods=[ev.GoldPeriod("", None, "two years", (15, 24))])])
    rep = ev.aggregate("s", [ev.compare(case, doc, ("retention",))], ("retention",), sentence_level=False)
    assert rep.segment["retention"].tp == 1
    assert rep.period_spans is not None and rep.period_spans.tp == 1


def test_cli_registers_evaluate():
    from policytext import cli

    assert "evaluate" in cli.COMMANDS
    args = cli.build_parser().parse_args(["evaluate", "corpora", "--json", "--errors", "3"])
    assert args.datasets == ["corpora"] and args.json and args.errors == 3


def test_gold_in_dropped_text_counts_as_a_miss():
    # The reader dropped the second paragraph (a banner, say): no block covers it.
    doc = _fake_document()
    doc.blocks = doc.blocks[:1]
    doc.blocks[0].source_start = doc.blocks[0].source_begin
    del doc.blocks[0].source_begin  # the binding's name for it
    case = _gold_case()
    res = ev.compare(case, doc, ev.CATEGORIES)
    rep = ev.aggregate("x", [res], ev.CATEGORIES)
    assert rep.unresolved == 2  # the retention and advertising quotes
    assert rep.sentence["advertising"].fn == 1 and rep.segment["advertising"].fn == 1
    assert rep.span["advertising"].fn == 1
    assert "count as misses" in ev.format_table([rep])
