"""The clauses found in corpora/ match the golden files in tests/data/golden/.

A change in the engine or the rule packs that changes what is found fails here
with the first differing clause; when the change is intended, regenerate with
`tools/update_golden.py` and commit the diff with it.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib

import pytest

import policytext

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "update_golden", ROOT / "tools" / "update_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _load_tool()
DOCUMENTS = list(golden.corpus_documents())


@pytest.fixture(scope="module")
def analyzer():
    return policytext.Analyzer()


def test_every_corpus_document_has_a_golden_file():
    assert len(DOCUMENTS) >= 26
    missing = [str(d) for d in DOCUMENTS if not golden.golden_path(d).is_file()]
    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clauses_match_the_golden_file(analyzer, document):
    expected = golden.golden_path(document).read_text(encoding="utf-8").splitlines()
    actual = golden.clause_lines(analyzer, document)
    for i, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            pytest.fail(f"clause {i} differs (regenerate with tools/update_golden.py if "
                        f"intended)\nexpected {json.loads(want)}\nactual   {json.loads(got)}")
    assert len(actual) == len(expected), "a different number of clauses"
