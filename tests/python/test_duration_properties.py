"""Property tests for the duration parser (policytext.parse_durations).

Phrases are generated from a number and a unit in both languages, with digits
and with number words spelled here from the number, and must parse to the
matching ISO 8601 value. Ranges give a min and a max; ages never parse; any
text gives spans inside the text, in order. Hypothesis runs derandomized.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytext

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- spelling

FR_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf"]
FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def french_below_100(n: int) -> str:
    if n < 20:
        return FR_UNITS[n]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = FR_TENS[tens * 10]
        if unit == 0:
            return word
        if unit == 1:
            return word + " et un"
        return word + "-" + FR_UNITS[unit]
    if n < 80:  # soixante-dix .. soixante-dix-neuf
        rest = n - 60
        return "soixante et onze" if rest == 11 else "soixante-" + FR_UNITS[rest]
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + FR_UNITS[n - 80]


def french(n: int) -> str:
    """1 <= n <= 999, in the traditional spelling."""
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds == 1:
        parts.append("cent")
    elif hundreds > 1:
        parts.append(FR_UNITS[hundreds] + (" cents" if rest == 0 else " cent"))
    if rest:
        parts.append(french_below_100(rest))
    return " ".join(parts)


EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(n: int, *, and_after_hundred: bool = False) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(EN_UNITS[hundreds] + " hundred")
        if rest and and_after_hundred:
            parts.append("and")
    if rest:
        if rest < 20:
            parts.append(EN_UNITS[rest])
        else:
            tens, unit = divmod(rest, 10)
            parts.append(EN_TENS[tens] + ("-" + EN_UNITS[unit] if unit else ""))
    return " ".join(parts)


# (singular, plural, ISO designator, time part?)
FR_UNIT_WORDS = [("jour", "jours", "D", False), ("semaine", "semaines", "W", False),
                 ("mois", "mois", "M", False), ("an", "ans", "Y", False),
                 ("année", "années", "Y", False), ("heure", "heures", "H", True),
                 ("minute", "minutes", "M", True), ("seconde", "secondes", "S", True)]
EN_UNIT_WORDS = [("day", "days", "D", False), ("week", "weeks", "W", False),
                 ("month", "months", "M", False), ("year", "years", "Y", False),
                 ("hour", "hours", "H", True), ("minute", "minutes", "M", True),
                 ("second", "seconds", "S", True)]


def iso(n: int, designator: str, time: bool) -> str:
    return ("PT" if time else "P") + str(n) + designator


def unit_word(unit: tuple, n: int) -> str:
    return unit[0] if n == 1 else unit[1]


numbers = st.integers(min_value=1, max_value=999)


def only(durations):
    assert len(durations) == 1, durations
    return durations[0]


# ---------------------------------------------------------------- properties


@SETTINGS
@given(n=numbers, unit=st.sampled_from(FR_UNIT_WORDS), words=st.booleans(),
       upper=st.booleans())
def test_french_phrases(n, unit, words, upper):
    quantity = french(n) if words else str(n)
    text = f"Les données sont conservées pendant {quantity} {unit_word(unit, n)}."
    if upper:
        text = text.upper()
    d = only(policytext.parse_durations(text, lang="fr"))
    assert d.iso == iso(n, unit[2], unit[3])
    assert d.qualifier == "exact"
    assert text[d.start:d.end] == d.text
    assert d.text.lower() == f"{quantity} {unit_word(unit, n)}".lower()


@SETTINGS
@given(n=numbers, unit=st.sampled_from(EN_UNIT_WORDS), words=st.booleans(),
       and_after_hundred=st.booleans())
def test_english_phrases(n, unit, words, and_after_hundred):
    quantity = english(n, and_after_hundred=and_after_hundred) if words else str(n)
    text = f"We keep this data for {quantity} {unit_word(unit, n)} at most."
    d = only(policytext.parse_durations(text, lang="en"))
    assert d.iso == iso(n, unit[2], unit[3])
    assert d.qualifier == "max"
    assert text[d.start:d.end] == d.text == f"{quantity} {unit_word(unit, n)}"
    assert text[d.full_start:d.full_end] == f"{d.text} at most"


QUALIFIERS = [("fr", "jusqu’à {}", "max"), ("fr", "au maximum {}", "max"),
              ("fr", "pas plus de {}", "max"), ("fr", "au moins {}", "min"),
              ("fr", "environ {}", "approx"), ("fr", "{} maximum", "max"),
              ("en", "up to {}", "max"), ("en", "no longer than {}", "max"),
              ("en", "at least {}", "min"), ("en", "approximately {}", "approx"),
              ("en", "a minimum of {}", "min"), ("en", "{} or less", "max")]


@SETTINGS
@given(n=st.integers(min_value=2, max_value=99), q=st.sampled_from(QUALIFIERS),
       unit_index=st.integers(min_value=0, max_value=3))
def test_qualifiers(n, q, unit_index):
    lang, template, qualifier = q
    unit = (FR_UNIT_WORDS if lang == "fr" else EN_UNIT_WORDS)[unit_index]
    phrase = template.format(f"{n} {unit[1]}")
    text = ("Conservation : " if lang == "fr" else "Retention: ") + phrase + "."
    d = only(policytext.parse_durations(text, lang=lang))
    assert (d.iso, d.qualifier) == (iso(n, unit[2], unit[3]), qualifier)
    assert text[d.full_start:d.full_end] == phrase


RANGES = [("fr", "entre {a} et {b} {u}"), ("fr", "de {a} à {b} {u}"), ("fr", "{a} à {b} {u}"),
          ("fr", "{a}-{b} {u}"), ("en", "between {a} and {b} {u}"), ("en", "{a} to {b} {u}"),
          ("en", "from {a} to {b} {u}"), ("en", "{a}-{b} {u}"), ("en", "{a} – {b} {u}")]


@SETTINGS
@given(a=st.integers(min_value=1, max_value=500), delta=st.integers(min_value=1, max_value=400),
       r=st.sampled_from(RANGES), unit_index=st.integers(min_value=0, max_value=2),
       words=st.booleans())
def test_ranges(a, delta, r, unit_index, words):
    lang, template = r
    b = a + delta
    if b > 999:
        b = 999
        if a >= b:
            a = b - 1
    unit = (FR_UNIT_WORDS if lang == "fr" else EN_UNIT_WORDS)[unit_index]
    spell = french if lang == "fr" else english
    sa, sb = (spell(a), spell(b)) if words and "-" not in template and "–" not in template \
        else (str(a), str(b))
    phrase = template.format(a=sa, b=sb, u=unit[1])
    text = ("Durée : " if lang == "fr" else "Period: ") + phrase
    durations = policytext.parse_durations(text, lang=lang)
    assert [(d.iso, d.qualifier, d.range_low, d.range_high) for d in durations] == [
        (iso(a, unit[2], False), "min", True, False),
        (iso(b, unit[2], False), "max", False, True)]
    assert durations[0].text == sa
    assert durations[1].text == f"{sb} {unit[1]}"
    assert text[durations[0].full_start:durations[0].full_end] == phrase


AGES_FR = ["les personnes âgées de plus de {n} ans", "si vous avez moins de {n} ans",
           "les mineurs de moins de {n} ans", "les enfants de {n} ans", "moins de {n} ans",
           "de {n} ans", "dès l’âge de {n} ans", "vous devez avoir au moins {n} ans",
           "les jeunes de {n} à {m} ans", "{n} ans révolus"]
AGES_EN = ["children under {n} years of age", "{n} years or older",
           "if you are {n} years old", "users aged {n} years", "minors under {n} years",
           "a {n}-year-old", "individuals between {n} and {m} years of age",
           "people {n} years of age and older"]


@SETTINGS
@given(n=st.integers(min_value=10, max_value=21), template=st.sampled_from(
    [("fr", t) for t in AGES_FR] + [("en", t) for t in AGES_EN]), lang_given=st.booleans())
def test_ages_never_parse(n, template, lang_given):
    lang, t = template
    text = t.format(n=n, m=n + 2).capitalize() + "."
    assert policytext.parse_durations(text, lang=lang if lang_given else None) == []


@SETTINGS
@given(text=st.text(max_size=300), lang=st.sampled_from(["fr", "en", None]))
def test_any_text(text, lang):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates are refused
        with pytest.raises(ValueError):
            policytext.parse_durations(text, lang=lang)
        return
    previous_end = 0
    for d in policytext.parse_durations(text, lang=lang):
        assert 0 <= d.full_start <= d.start < d.end <= d.full_end <= len(text)
        assert text[d.start:d.end] == d.text
        assert d.start >= previous_end or d.range_high
        previous_end = d.end
        assert d.iso.startswith("P") and d.qualifier in {"exact", "max", "min", "approx"}


@SETTINGS
@given(prefix=st.text(alphabet="aé€😀 \u00a0\u0301.,", max_size=20),
       n=st.integers(min_value=1, max_value=99))
def test_offsets_survive_unicode_before(prefix, n):
    text = prefix + f" conservées {n} mois"
    durations = policytext.parse_durations(text, lang="fr")
    assert [d.iso for d in durations][-1:] == [f"P{n}M"]
    d = durations[-1]
    assert text[d.start:d.end] == d.text
    assert text.encode("utf-8")[d.byte_start:d.byte_end].decode("utf-8") == d.text


def test_errors_and_pickling():
    with pytest.raises(ValueError):
        policytext.parse_durations("3 ans", lang="de")
    with pytest.raises(TypeError):
        policytext.parse_durations("3 ans", "fr")  # lang is keyword-only
    d = policytext.parse_durations("1 an et 6 mois", lang="fr")[0]
    assert d.iso == "P1Y6M"
    assert pickle.loads(pickle.dumps(d)) == d
    assert d.to_dict()["iso"] == "P1Y6M"
    assert "P1Y6M" in repr(d)
