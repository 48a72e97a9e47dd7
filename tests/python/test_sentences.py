"""policytext.sentences: the Python contract of the sentence splitter."""

from __future__ import annotations

import pickle
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def texts(text, lang):
    return [s.text for s in policytext.sentences(text, lang=lang)]


def check_spans(text, result):
    """Spans slice the text, are ordered, non-empty, trimmed, with clauses inside."""
    previous_end = 0
    for s in result:
        assert text[s.start:s.end] == s.text
        assert s.start < s.end
        assert s.start >= previous_end
        assert s.text == s.text.strip()
        assert s.clauses
        for c in s.clauses:
            assert s.start <= c.start < c.end <= s.end
            assert text[c.start:c.end] == c.text
        previous_end = s.end


CASES = [
    ("fr", "M. Martin signe. Mme Durand aussi.", ["M. Martin signe.", "Mme Durand aussi."]),
    ("fr", "Voir l’art. 5 du contrat. La suite.", ["Voir l’art. 5 du contrat.", "La suite."]),
    ("fr", "Des cookies, p. ex. Ceux de mesure, sont déposés. Fin.",
     ["Des cookies, p. ex. Ceux de mesure, sont déposés.", "Fin."]),
    ("fr", "Un tiers, c.-à-d. Une filiale, reçoit vos données. Fin.",
     ["Un tiers, c.-à-d. Une filiale, reçoit vos données.", "Fin."]),
    ("fr", "Nom, adresse, etc. Nous ne gardons rien d’autre.",
     ["Nom, adresse, etc.", "Nous ne gardons rien d’autre."]),
    ("fr", "Nous gardons 13,5 mois. Puis nous effaçons.",
     ["Nous gardons 13,5 mois.", "Puis nous effaçons."]),
    ("fr", "Pourquoi\u00a0? Parce que.", ["Pourquoi\u00a0?", "Parce que."]),
    ("fr", "Il a dit « Stop. » Puis il est parti.", ["Il a dit « Stop. »", "Puis il est parti."]),
    ("en", "Mr. Smith met Dr. Brown. They talked.", ["Mr. Smith met Dr. Brown.", "They talked."]),
    ("en", "Some data, e.g. Location, is shared. Fine.",
     ["Some data, e.g. Location, is shared.", "Fine."]),
    ("en", "Version 1.5 applies. It replaces 1.4.", ["Version 1.5 applies.", "It replaces 1.4."]),
    ("en", "Visit www.Example.com/Privacy.Html today. Thanks.",
     ["Visit www.Example.com/Privacy.Html today.", "Thanks."]),
    ("en", "Data goes to the U.S. We comply.", ["Data goes to the U.S.", "We comply."]),
    ("en", "Use the ATM. Money comes out.", ["Use the ATM.", "Money comes out."]),
    ("en", "Wait... Then go.", ["Wait...", "Then go."]),
    ("en", "Title without stop\n\nBody here.", ["Title without stop", "Body here."]),
    ("en", "We share with:\n- partners\n- vendors", ["We share with:", "partners", "vendors"]),
    ("fr", "Deux cas\n1. Vous acceptez\n2. Vous refusez",
     ["Deux cas", "1. Vous acceptez", "2. Vous refusez"]),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_table(lang, text, expected):
    result = policytext.sentences(text, lang=lang)
    check_spans(text, result)
    assert [s.text for s in result] == expected


def test_language_is_detected_when_not_given():
    # French text: "M." is a French abbreviation, so no break after it.
    text = "Nous avons écrit à M. Martin pour lui répondre. Il a confirmé."
    assert texts(text, None) == ["Nous avons écrit à M. Martin pour lui répondre.",
                                 "Il a confirmé."]


def test_clauses():
    text = "Nous partageons vos données avec : nos filiales, nos prestataires ; jamais ailleurs."
    (s,) = policytext.sentences(text, lang="fr")
    assert [c.text for c in s.clauses] == [
        "Nous partageons vos données avec :", "nos filiales, nos prestataires ;",
        "jamais ailleurs."]
    (t,) = policytext.sentences("Note: we keep logs.", lang="en")
    assert [c.text for c in t.clauses] == ["Note: we keep logs."]


def test_code_point_offsets_with_emoji_nfd_and_nbsp():
    nfd = unicodedata.normalize("NFD", "Données conservées")
    text = f"😀 Première phrase.\u00a0{nfd} ici. Fin\u202f!"
    result = policytext.sentences(text, lang="fr")
    check_spans(text, result)
    assert [s.text for s in result] == ["😀 Première phrase.", f"{nfd} ici.", "Fin\u202f!"]
    encoded = text.encode("utf-8")
    for s in result:
        assert encoded[s.byte_start:s.byte_end].decode("utf-8") == s.text


def test_bytes_input_gives_the_same_sentences():
    text = "Une phrase. Une autre."
    from_str = [(s.start, s.end) for s in policytext.sentences(text, lang="fr")]
    from_bytes = [(s.start, s.end) for s in policytext.sentences(text.encode(), lang="fr")]
    assert from_str == from_bytes


def test_corpora_round_trip():
    files = sorted(p for p in CORPORA.rglob("*") if p.suffix in {".md", ".txt", ".html"})
    assert files, "the corpora folder holds the project's own policies"
    for path in files:
        raw = path.read_bytes()
        # A few corpus files are deliberately not UTF-8: read them with U+FFFD.
        text = raw.decode("utf-8", errors="replace")
        from_text = policytext.sentences(text)
        check_spans(text, from_text)
        # From the raw bytes, byte spans slice the caller's bytes.
        from_bytes = policytext.sentences(raw, lang=None)
        for s in from_bytes:
            assert 0 <= s.byte_start < s.byte_end <= len(raw)
            assert raw[s.byte_start:s.byte_end].strip() == raw[s.byte_start:s.byte_end]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "... !!! ???", "\x00\x00", "😀😀"])
def test_degenerate_text(text):
    result = policytext.sentences(text)
    check_spans(text, result)
    assert all(s.text.strip() for s in result)


def test_nul_bytes_and_invalid_utf8():
    text = "One.\x00 Two."
    assert texts(text, "en") == ["One.", "Two."]
    raw = b"Bad \xff byte. Next \xc3 one."
    result = policytext.sentences(raw, lang="en")
    assert len(result) == 2


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError):
        policytext.sentences("abc \ud800 def.")


def test_unknown_language_is_a_value_error():
    with pytest.raises(ValueError):
        policytext.sentences("Une phrase.", lang="xx")


def test_huge_inputs():
    no_terminator = "mot sans fin " * (50 * 1024 * 1024 // 13)
    (s,) = policytext.sentences(no_terminator, lang="fr")
    assert s.start == 0 and s.end == len(no_terminator.rstrip())
    one_line = "Une phrase. " * (2 * 1024 * 1024 // 12)
    assert len(policytext.sentences(one_line, lang="fr")) == 2 * 1024 * 1024 // 12


def test_repr_to_dict_and_pickle():
    (s,) = policytext.sentences("Nous gardons : nom, adresse.", lang="fr")
    assert "Nous gardons" in repr(s)
    d = s.to_dict()
    assert d["text"] == s.text and d["start"] == s.start and d["end"] == s.end
    assert [c["text"] for c in d["clauses"]] == [c.text for c in s.clauses]
    back = pickle.loads(pickle.dumps(s))
    assert (back.text, back.start, back.end) == (s.text, s.start, s.end)
    assert [c.text for c in back.clauses] == [c.text for c in s.clauses]


def test_threads_share_the_engine():
    docs = [f"Document {i}. M. Martin signe.\n\n- point {i}" for i in range(64)]
    expected = [texts(d, "fr") for d in docs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda d: texts(d, "fr"), docs))
    assert got == expected


PIECES = st.sampled_from(["a", "Bc", "é", "😀", " ", "\n", "\n\n", ". ", ".", "!", "? ", "M. ",
                          "etc. ", "- ", "\n- ", "\u00a0", ";", ": ", ",", "« ", " »", "…"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.sampled_from(["fr", "en", "und"]))
def test_property_spans_are_ordered_trimmed_and_cover_all_text(text, lang):
    result = policytext.sentences(text, lang=lang)
    check_spans(text, result)
    # Every non-space character belongs to a sentence, except list bullets and
    # heading marks removed from the start of a block.
    covered = set()
    for s in result:
        covered.update(range(s.start, s.end))
    for i, ch in enumerate(text):
        if not ch.isspace() and i not in covered:
            assert ch in "-#", (text, i)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_arbitrary_unicode(text):
    try:
        result = policytext.sentences(text)
    except ValueError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    check_spans(text, result)
