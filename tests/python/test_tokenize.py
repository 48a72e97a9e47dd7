"""The tokenizer's Python contract: offsets, kinds, result types, errors, threads."""

from __future__ import annotations

import json
import pathlib
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import policytext
from policytext import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
CORPUS_FILES = sorted(p for p in CORPORA.rglob("*") if p.is_file()) if CORPORA.is_dir() else []

INLINE = [
    "",
    "   \n\t ",
    "...!?;:",
    "Nous conservons l’adresse 13,5\u00a0mois\u202f; voir https://exemple.fr/a_(b). Merci\u00a0!",
    "Emoji 👩\u200d💻 and flags 🇫🇷🇬🇧, skin 👍🏽 — done.",
    "NFD accents: e\u0301te\u0301, Cre\u0301ation, L\u2019E\u0301TE\u0301",
    "1\u00a0000\u00a0000,50 € ; 1\u202f000 ; 1,000.50 USD",
    "mixed Ελληνικά, русский, 中文字符, العربية, עברית",
    "e-mail: dpo@exemple.fr, mailto:privacy@example.com.",
    "nul\x00byte and \x01\x1f controls",
    "\u0301 starts with a combining mark",
]


def _check_roundtrip(text: str, tokens) -> None:
    prev_end = 0
    encoded = text.encode("utf-8", "surrogatepass")
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert encoded[t.byte_start:t.byte_end].decode("utf-8") == t.text
        assert t.start >= prev_end and t.end > t.start
        prev_end = t.end


@pytest.mark.parametrize("text", INLINE)
def test_inline_roundtrip(text):
    tokens = policytext.tokenize(text)
    _check_roundtrip(text, tokens)
    for t in tokens:
        assert t.text.strip() == t.text  # no token starts or ends with white space


@pytest.mark.skipif(not CORPUS_FILES, reason="no corpora/ folder")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: str(p.relative_to(CORPORA)))
def test_corpus_roundtrip(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8", "replace")
    tokens = policytext.tokenize(text)
    _check_roundtrip(text, tokens)
    # Bytes in (possibly not UTF-8, e.g. windows-1252 HTML): code points count
    # each invalid sequence as one U+FFFD, exactly as Python's "replace" decodes.
    from_bytes = policytext.tokenize(raw)
    for t in from_bytes:
        assert text[t.start:t.end] == t.text
        assert raw[t.byte_start:t.byte_end].decode("utf-8", "replace") == t.text
    arrays = policytext.tokenize_arrays(text)
    assert len(arrays) == len(tokens)
    assert arrays.start.tolist() == [t.start for t in tokens]
    assert arrays.byte_end.tolist() == [t.byte_end for t in tokens]


def test_token_fields_and_kinds():
    tokens = policytext.tokenize(
        "L’adresse dpo@exemple.fr https://a.fr/x 13,5 % 😀", lang="fr")
    got = [(t.text, t.kind) for t in tokens]
    assert got == [("L’", "word"), ("adresse", "word"), ("dpo@exemple.fr", "email"),
                   ("https://a.fr/x", "url"), ("13,5", "number"), ("%", "punctuation"),
                   ("😀", "symbol")]
    first = tokens[0]
    assert (first.start, first.end, first.byte_start, first.byte_end) == (0, 2, 0, 4)
    assert first.norm == "l'"
    assert tokens[-1].start == tokens[-1].end - 1  # one code point, four bytes
    assert tokens[-1].byte_end - tokens[-1].byte_start == 4


def test_lang_argument():
    assert [t.text for t in policytext.tokenize("l’adresse", lang="fr")] == ["l’", "adresse"]
    assert [t.text for t in policytext.tokenize("l’adresse", lang="en")] == ["l’adresse"]
    with pytest.raises(ValueError):
        policytext.tokenize("x", lang="de")


def test_tokenlist_sequence_protocol():
    tokens = policytext.tokenize("un deux trois")
    assert len(tokens) == 3
    assert [t.text for t in tokens] == ["un", "deux", "trois"]
    assert tokens[-1].text == "trois"
    assert [t.text for t in tokens[1:]] == ["deux", "trois"]
    with pytest.raises(IndexError):
        tokens[3]
    assert tokens.invalid_utf8 == 0


def test_reprs():
    tokens = policytext.tokenize("Bonjour l’ami")
    assert repr(tokens) == "TokenList(3 tokens)"
    assert repr(tokens[1]) == "Token('l’', 8:10, word)"
    assert repr(policytext.tokenize_arrays("a b")) == "TokenArrays(2 tokens)"
    assert repr(policytext.tokenize(b"a\xff")) == "TokenList(2 tokens, invalid_utf8=1)"
    long_token = policytext.tokenize("x" * 200)[0]
    assert repr(long_token).startswith("Token('" + "x" * 57 + "'...")


def test_pickle_and_to_dict():
    tokens = policytext.tokenize("L’été 2024 : https://a.fr !")
    again = pickle.loads(pickle.dumps(tokens))
    assert len(again) == len(tokens)
    assert all(a == b for a, b in zip(again, tokens))
    assert again.to_dict() == tokens.to_dict()
    d = tokens[0].to_dict()
    assert d == {"text": "L’", "start": 0, "end": 2, "byte_start": 0, "byte_end": 4,
                 "kind": "word", "norm": "l'"}
    json.dumps(tokens.to_dict())  # plain JSON types only
    token = pickle.loads(pickle.dumps(tokens[2]))
    assert token == tokens[2] and token.text == "2024"

    arrays = policytext.tokenize_arrays("L’été 2024")
    back = pickle.loads(pickle.dumps(arrays))
    assert back.to_dict() == arrays.to_dict()
    assert arrays.to_dict()["kind"] == ["word", "word", "number"]


def test_arrays_are_numpy_and_read_only():
    text = "Nous conservons l’adresse 13,5 mois."
    arrays = policytext.tokenize_arrays(text, lang="fr")
    assert arrays.start.dtype == np.int64 and arrays.kind.dtype == np.uint8
    assert [text[a:b] for a, b in zip(arrays.start, arrays.end)] == \
        [t.text for t in policytext.tokenize(text, lang="fr")]
    kinds = [_core.TokenArrays.KIND_NAMES[k] for k in arrays.kind]
    assert kinds[4] == "number"
    with pytest.raises(ValueError):
        arrays.start[0] = 5
    # The arrays outlive their TokenArrays.
    start = policytext.tokenize_arrays("a b c").start
    assert start.tolist() == [0, 2, 4]


def test_bytes_input_and_invalid_utf8():
    data = b"ab\xffcd \xe2\x82 \xc3\xa9t\xc3\xa9"
    tokens = policytext.tokenize(data)
    assert tokens.invalid_utf8 == 2
    text = data.decode("utf-8", "replace")
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert data[t.byte_start:t.byte_end].decode("utf-8", "replace") == t.text
    assert tokens[-1].text == "été"


@pytest.mark.parametrize("bad", ["a\ud800b", "\udfff", "ok " * 10 + "\udc80"])
def test_lone_surrogates_raise_value_error(bad):
    with pytest.raises(ValueError, match="surrogate"):
        policytext.tokenize(bad)
    with pytest.raises(ValueError, match="surrogate"):
        policytext.tokenize_arrays(bad)
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        policytext.tokenize_batch(["fine", bad])


def test_wrong_type_raises_type_error():
    with pytest.raises(TypeError):
        policytext.tokenize(12)


def test_empty_and_spaces():
    assert len(policytext.tokenize("")) == 0
    assert len(policytext.tokenize(" \u00a0\u202f\n")) == 0
    assert len(policytext.tokenize_arrays("")) == 0
    assert policytext.tokenize_arrays("").start.tolist() == []
    assert [t.kind for t in policytext.tokenize("?!")] == ["punctuation", "punctuation"]


def test_nul_bytes():
    tokens = policytext.tokenize("a\x00b")
    assert [(t.text, t.kind) for t in tokens] == [("a", "word"), ("\x00", "symbol"),
                                                  ("b", "word")]


def test_batch_matches_single_calls():
    texts = [f"Texte {i} : l’adresse n°{i}, voir https://a.fr/{i}." for i in range(50)]
    texts.append(b"bytes \xff input")
    batch = policytext.tokenize_batch(texts, threads=2)
    assert len(batch) == len(texts)
    for text, result in zip(texts, batch):
        assert result.to_dict() == policytext.tokenize(text).to_dict()
    assert policytext.tokenize_batch([]) == []
    assert len(policytext.tokenize_batch(iter(["a b", "c"]))) == 2  # any iterable


def test_concurrent_batches_from_a_thread_pool():
    texts = [f"Nous partageons {i}\u00a0000 données avec nos sous-traitants." * (1 + i % 7)
             for i in range(40)]
    expected = [policytext.tokenize(t).to_dict() for t in texts]

    def work(k):
        return [r.to_dict() for r in policytext.tokenize_batch(texts[k:] + texts[:k], threads=2)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(8)))
    for k, result in enumerate(results):
        assert result == expected[k:] + expected[:k]


def test_large_single_line_does_not_hang():
    # 50 MB in one line, mostly one very long "word" plus a little structure.
    text = "a" * (50 * 1024 * 1024 - 20) + " fin l’été."
    arrays = policytext.tokenize_arrays(text, lang="fr")
    assert len(arrays) == 5  # the run, fin, l’, été, .
    assert arrays.end[-1] == len(text)
    assert arrays.start[1] == 50 * 1024 * 1024 - 19
    # A long line without spaces that the ICU iterator reads whole.
    text = "l’été,13,5;é" * 400_000
    arrays = policytext.tokenize_arrays(text, lang="fr")
    assert arrays.end[-1] == len(text)
    assert np.all(arrays.start[1:] >= arrays.end[:-1])


def test_normalize():
    assert policytext.normalize("L’ÉTÉ\u00a0!") == "l'été !"
    assert policytext.normalize("e\u0301") == "é"
    assert policytext.normalize(b"A\xff") == "a\ufffd"


def test_engine_pickles_and_is_shared():
    engine = policytext.TextEngine()
    again = pickle.loads(pickle.dumps(engine))
    assert [t.text for t in again.tokenize("a b")] == ["a", "b"]
    assert repr(engine) == "TextEngine()"


def test_cli_tokenize(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("L’adresse : dpo@exemple.fr\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "policytext", "tokenize", str(path), "--json",
                          "--lang", "fr"], capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["L’", "adresse", ":", "dpo@exemple.fr"]
    assert rows[3]["kind"] == "email"
    plain = subprocess.run([sys.executable, "-m", "policytext", "tokenize", "-"],
                           input="a\x00b", capture_output=True, text=True, check=True)
    assert plain.stdout.splitlines() == ["0\t1\tword\ta", "1\t2\tsymbol\t\\x00", "2\t3\tword\tb"]
