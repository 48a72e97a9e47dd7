"""Docs are code: every ```python block of README.md and docs/*.md runs here.

A block preceded by a line `<!-- not run: REASON -->` is skipped, with the reason
shown (for instance, a snippet that needs a Dask cluster, covered by test_dask.py).
The C++ quick start runs in the install test (tests/install).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(?:<!-- not run: (?P<skip>[^>]*) -->\n)?```python\n(?P<code>.*?)```",
                   re.DOTALL)


def _snippets() -> list:
    params = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        for i, match in enumerate(BLOCK.finditer(text)):
            line = text.count("\n", 0, match.start()) + 1
            marks = [pytest.mark.skip(reason=match["skip"])] if match["skip"] else []
            params.append(pytest.param(match["code"], id=f"{path.name}:{line}", marks=marks))
    return params


def test_readme_has_a_python_quick_start() -> None:
    assert "```python" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", _snippets())
def test_snippet_runs(code: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(ROOT)  # snippets name corpora/ relative to the repository
    exec(compile(code, "<snippet>", "exec"), {"__name__": "__snippet__"})
