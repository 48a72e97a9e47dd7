"""Clause extraction: ``analyze`` and ``Analyzer``.

An ``Analyzer`` compiles the rule packs once (the built-in French and English
packs plus any of yours) and then analyses many documents; it is thread-safe
and every call releases the GIL. ``analyze`` uses a shared default one, built
on first use.

A source is ``str`` (the text itself), ``bytes`` (any common charset; HTML,
Markdown or plain text) or an ``os.PathLike`` (a file to read). A ``str`` is
never taken for a path: wrap paths in ``pathlib.Path``.

The result is a ``Document`` whose ``.clauses`` are ``Clause`` objects
(``.category``, ``.polarity``, ``.modality``, ``.text``, ``.start``, ``.end``,
``.byte_start``, ``.byte_end``, ``.sentence``, ``.section``, ``.attributes``,
``.rules``, ``.confidence``) with ``doc.text[c.start:c.end] == c.text``, and
whose ``.summary["sharing"]`` says whether the policy affirms, denies or is
silent on a practice (``.stance``) with its strongest clause (``.strongest``).
"""

from __future__ import annotations

import os
import threading
from typing import Any, Iterable, Optional, Sequence, Union

from . import _core

Source = Union[str, bytes, "os.PathLike[str]"]
RulePaths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]], None]

__all__ = ["Analyzer", "analyze", "default_analyzer"]


def _paths(rules: RulePaths) -> list[str]:
    if rules is None:
        return []
    if isinstance(rules, (str, os.PathLike)):
        return [os.fspath(rules)]
    return [os.fspath(r) for r in rules]


class Analyzer:
    """Rule packs compiled once; ``analyze`` many documents, from many threads.

    ``rules``: extra rule packs (a ``.rules`` file or a folder of them, or a list
    of those), applied after the built-in ones in order; they can add rules,
    replace one by ID (``override = true``) or switch one off (``[disable ID]``).
    ``rule_texts``: packs given as ``(name, text)`` pairs. ``languages``: the rule
    languages to compile. ``builtin_rules=False`` starts from nothing.

    A bad pack raises ``ValueError`` naming the file, line and column; a missing
    path raises ``FileNotFoundError``. An ``Analyzer`` pickles as its
    configuration (options and the TEXT of the user packs) and is rebuilt on
    unpickling, so it can be sent to other processes.
    """

    __slots__ = ("_native",)

    def __init__(self, *, rules: RulePaths = None, languages: Sequence[str] = ("fr", "en"),
                 builtin_rules: bool = True,
                 rule_texts: Optional[Sequence[tuple[str, str]]] = None) -> None:
        if isinstance(languages, str):
            languages = [languages]
        self._native = _core.Analyzer(builtin_rules=builtin_rules, rule_paths=_paths(rules),
                                      rule_texts=list(rule_texts or []),
                                      languages=list(languages))

    @classmethod
    def _wrap(cls, native: Any) -> "Analyzer":
        self = cls.__new__(cls)
        self._native = native
        return self

    def analyze(self, source: Source, *, lang: Optional[str] = None,
                format: str = "auto") -> Any:
        """Reads ``source`` and returns its ``Document`` with clauses and summary."""
        if isinstance(source, os.PathLike):
            return self._native.analyze_file(os.fspath(source), lang=lang, format=format)
        if isinstance(source, str):
            data = source.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError
        elif isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
        else:
            raise TypeError("source must be str, bytes or os.PathLike, not "
                            f"{type(source).__name__}")
        return self._native.analyze(data, lang=lang, format=format)

    def analyze_file(self, path: "str | os.PathLike[str]", *, lang: Optional[str] = None,
                     format: str = "auto") -> Any:
        """Reads the file at ``path`` and returns its ``Document``."""
        return self._native.analyze_file(os.fspath(path), lang=lang, format=format)

    def extract(self, document: Any) -> Any:
        """Finds the clauses of a ``Document`` from ``policytext.read`` (in place);
        returns it."""
        self._native.extract(document)
        return document

    def to_json(self, document: Any, *, id: str = "", source: str = "",
                include_text: bool = False, include_blocks: bool = False) -> str:
        """The versioned JSON record of ``document`` (docs/schema.md), one line."""
        return self._native.to_json(document, id=id, source=source, include_text=include_text,
                                    include_blocks=include_blocks)

    def explain(self, text: str, *, lang: Optional[str] = None) -> list[dict[str, Any]]:
        """Per sentence of ``text``: the rules the prefilter proposed, whether each
        fired and why not, and the lexicon terms found."""
        return self._native.explain(text, lang=lang)

    def rules(self) -> list[dict[str, Any]]:
        """Every compiled rule and lexicon entry (id, kind, lang, category, origin)."""
        return self._native.rules()

    @property
    def rules_fingerprint(self) -> str:
        """A stable hash of the compiled rule text (16 hex digits)."""
        return self._native.rules_fingerprint

    @property
    def languages(self) -> list[str]:
        return self._native.languages

    def __repr__(self) -> str:
        return repr(self._native)

    def __getstate__(self) -> Any:
        return {"native": self._native}

    def __setstate__(self, state: Any) -> None:
        self._native = state["native"]


_default: Optional[Analyzer] = None
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The shared ``Analyzer`` with the built-in packs, built on the first call."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default


def analyze(source: Source, *, lang: Optional[str] = None, format: str = "auto") -> Any:
    """Analyses one policy with the built-in rule packs; see ``Analyzer.analyze``."""
    return default_analyzer().analyze(source, lang=lang, format=format)
