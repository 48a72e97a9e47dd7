"""Property tests for the tokenizer and the normalised form (hypothesis, derandomised)."""

from __future__ import annotations

import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import policytext  # noqa: E402

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)

# Any code point but surrogates (a str holding one is a ValueError, tested apart).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
# Pieces that exercise the tokenizer's own rules, mixed with arbitrary text.
RULE_PIECES = st.sampled_from([
    "l’", "l'", "qu’", "aujourd’hui", "sous-traitant", "-", "--", "13,5", "1\u00a0000",
    "1\u202f000", "1 000", ",50", "1,000.50", "https://", "www.", "a.fr", "dpo@", "@", "mailto:",
    " ", "\u00a0", "\u202f", "\n", "\r\n", "\t", ":", ";", "!", "?", ".", "(", ")", "«", "»",
    "e\u0301", "\u0301", "👩\u200d💻", "🇫🇷", "\x00", "\x1f", "É", "ß",
])
TEXT = st.lists(st.one_of(RULE_PIECES, st.text(ANY_CHAR, max_size=6)), max_size=24).map("".join)


def check_spans(text: str) -> None:
    tokens = policytext.tokenize(text)
    covered = [False] * len(text)
    prev_end = 0
    encoded = text.encode("utf-8")
    for t in tokens:
        assert prev_end <= t.start < t.end <= len(text)  # ordered, non-overlapping, non-empty
        assert text[t.start:t.end] == t.text  # round trip, code points
        assert encoded[t.byte_start:t.byte_end] == t.text.encode("utf-8")  # and bytes
        assert t.kind in ("word", "number", "punctuation", "url", "email", "symbol")
        for i in range(t.start, t.end):
            covered[i] = True
        prev_end = t.end
    for i, c in enumerate(text):
        assert covered[i] or c.isspace(), f"{c!r} at {i} is in no token"
    arrays = policytext.tokenize_arrays(text)
    assert arrays.start.tolist() == [t.start for t in tokens]
    assert arrays.end.tolist() == [t.end for t in tokens]
    assert arrays.byte_start.tolist() == [t.byte_start for t in tokens]


@SETTINGS
@given(TEXT)
def test_spans_cover_and_round_trip_on_rule_mixes(text):
    check_spans(text)


@SETTINGS
@given(st.text(ANY_CHAR, max_size=80))
def test_spans_cover_and_round_trip_on_arbitrary_unicode(text):
    check_spans(text)


@SETTINGS
@given(st.binary(max_size=64))
def test_bytes_input_round_trips_through_replacement(data):
    text = data.decode("utf-8", "replace")
    tokens = policytext.tokenize(data)
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert data[t.byte_start:t.byte_end].decode("utf-8", "replace") == t.text


APOSTROPHES = {"\u2019", "\u2018", "\u02bc", "\u2032", "\uff07"}


def reference_normalize(text: str) -> str:
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in APOSTROPHES:
            out.append("'")
        elif unicodedata.category(c) == "Zs":
            out.append(" ")
        else:
            out.append(c.casefold())
    return "".join(out)


# Characters assigned in Python's Unicode database, so that the reference and
# ICU (which may know a newer Unicode version) agree.
ASSIGNED = ANY_CHAR.filter(lambda c: unicodedata.category(c) != "Cn")


@SETTINGS
@given(st.lists(st.one_of(RULE_PIECES, st.text(ASSIGNED, max_size=6)), max_size=16).map("".join))
def test_normalize_matches_reference(text):
    assert policytext.normalize(text) == reference_normalize(text)
