"""Tokens, sentences, language and the normalised form, over one shared engine.

The engine (``_core.TextEngine``) is built on first use, not at import, and is
shared by every thread: its methods are thread-safe and release the GIL.

Text is ``str`` or UTF-8 ``bytes``. Offsets come in code points (``start``,
``end``: ``text[t.start:t.end] == t.text``) and in UTF-8 bytes (``byte_start``,
``byte_end``). ``lang`` is ``"fr"``, ``"en"``, ``"und"`` or ``None`` (detect).
A ``str`` holding a lone surrogate raises ``ValueError``.
"""

from __future__ import annotations

import threading
from typing import Iterable, Optional, Union

from . import _core

Text = Union[str, bytes]

_engine: Optional[_core.TextEngine] = None
_engine_lock = threading.Lock()


def engine() -> _core.TextEngine:
    """The shared ``TextEngine``, built on the first call."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = _core.TextEngine()
    return _engine


def tokenize(text: Text, *, lang: Optional[str] = None) -> _core.TokenList:
    """The tokens of ``text``: a sequence of ``Token`` (``.text``, ``.start``,
    ``.end``, ``.byte_start``, ``.byte_end``, ``.kind``, ``.norm``)."""
    return engine().tokenize(text, lang)


def tokenize_batch(
    texts: Iterable[Text], *, lang: Optional[str] = None, threads: Optional[int] = None
) -> list[_core.TokenList]:
    """One ``TokenList`` per text, in order, computed on ``threads`` threads
    (``None``: all cores) without the GIL. Every text is checked before the work
    starts (a lone surrogate raises ``ValueError`` naming its index)."""
    if not isinstance(texts, (list, tuple)):
        texts = list(texts)
    return engine().tokenize_batch(texts, lang, threads)


def tokenize_arrays(text: Text, *, lang: Optional[str] = None) -> _core.TokenArrays:
    """The fast path: token offsets as read-only numpy arrays (``start``, ``end``,
    ``byte_start``, ``byte_end``: int64; ``kind``: uint8 codes, named by
    ``TokenArrays.KIND_NAMES``), with no Python object per token."""
    return engine().tokenize_offsets(text, lang)


def sentences(text: Text, *, lang: Optional[str] = None) -> list[_core.Sentence]:
    """The sentences of ``text`` (``.text``, ``.start``, ``.end``, ``.clauses``)."""
    return engine().sentences(text, lang)


def detect_language(text: Text) -> str:
    """``"fr"``, ``"en"`` or ``"und"``."""
    return engine().detect_language(text).lang


def normalize(text: Text) -> str:
    """The form rules match against: NFC, case-folded, ’ and ' unified, NBSP and
    narrow NBSP as spaces."""
    return engine().normalize(text)
