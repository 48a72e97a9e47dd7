"""policytext.detect_language: "fr", "en" or "und"."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext

CASES = [
    ("Nous conservons vos données personnelles pendant la durée nécessaire.", "fr"),
    ("We keep your personal data for as long as your account is open.", "en"),
    ("Vos droits sur vos données", "fr"),
    ("Your rights over your data", "en"),
    ("QUI PEUT VOIR VOS RÉPONSES ET POUR QUELLE RAISON", "fr"),
    ("Le site Exemplo mesure sa fréquentation grâce aux outils Example Analytics Pro.", "fr"),
    ("Nous utilisons Exemplo Tag Manager et Acme Pixel.", "fr"),
    ("Contactez le Data Protection Officer de Acme Digital Services Limited.", "fr"),
    ("L’utilisateur s’engage à n’utiliser qu’un seul compte.", "fr"),
    ("We don't sell it and it's never shared with anyone.", "en"),
    ("Pour vous désinscrire : https://www.example.com/account/privacy-settings/unsubscribe", "fr"),
    ("", "und"),
    ("   \n ", "und"),
    ("12 345 678", "und"),
    ("... !!! ???", "und"),
    ("OK", "und"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_table(text, expected):
    assert policytext.detect_language(text) == expected


def test_bytes_and_bad_input():
    assert policytext.detect_language("Nous gardons vos données.".encode()) == "fr"
    assert policytext.detect_language(b"We keep \xff\xfe your data \x00 safe and sound.") == "en"
    assert policytext.detect_language(b"\xff" * 100) == "und"
    assert policytext.detect_language("\x00" * 100) == "und"
    with pytest.raises(ValueError):
        policytext.detect_language("abc \udc80 def")


def test_other_scripts_are_not_french_or_english():
    assert policytext.detect_language("Мы храним ваши персональные данные в течение года.") != "fr"


def test_huge_input():
    text = "Nous ne vendons jamais vos données à des tiers. " * (50 * 1024 * 1024 // 48)
    assert policytext.detect_language(text) == "fr"


def test_guess_carries_a_confidence():
    engine = policytext.TextEngine()
    guess = engine.detect_language("We keep your personal data for as long as the law requires.")
    assert guess.lang == "en"
    assert 0.5 < guess.confidence <= 1.0
    assert guess.to_dict()["lang"] == "en"
    assert "en" in repr(guess)
    back = pickle.loads(pickle.dumps(guess))
    assert (back.lang, back.confidence) == (guess.lang, guess.confidence)
    und = engine.detect_language("")
    assert und.lang == "und" and und.confidence == 0.0


def test_threads():
    texts = ["Nous conservons vos données.", "We keep your data safe."] * 32
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(policytext.detect_language, texts))
    assert got == ["fr", "en"] * 32


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_always_a_code(text):
    try:
        assert policytext.detect_language(text) in {"fr", "en", "und"}
    except ValueError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
