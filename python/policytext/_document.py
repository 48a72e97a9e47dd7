"""Reading policies: ``read(source)`` turns HTML, Markdown or plain text into a
:class:`Document` (text, blocks with section paths, sentences, languages and a
looks-like-policy check). The work happens in C++ without the GIL.
"""

from __future__ import annotations

import os
import threading
from typing import Optional, Union

from . import _core
from ._core import Block, Document, PolicyCheck

__all__ = ["Block", "Document", "PolicyCheck", "read"]

_reader: Optional[_core.Reader] = None
_reader_lock = threading.Lock()


def _shared_reader() -> _core.Reader:
    """One Reader for the process, created on first use (it is thread-safe)."""
    global _reader
    if _reader is None:
        with _reader_lock:
            if _reader is None:
                _reader = _core.Reader()
    return _reader


def read(
    source: Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"],
    *,
    format: str = "auto",
    lang: Optional[str] = None,
    charset: Optional[str] = None,
    max_bytes: Optional[int] = None,
    max_depth: Optional[int] = None,
    sentences: bool = True,
    detect_language: bool = True,
) -> Document:
    """Reads a policy into a Document.

    ``source`` is the text itself (``str``), raw bytes in any common charset
    (``bytes``), or a path (``os.PathLike``, e.g. ``pathlib.Path``); a plain
    ``str`` is always text, never a file name. ``format`` is ``"auto"``,
    ``"html"``, ``"markdown"`` or ``"text"``; ``lang`` (``"fr"``/``"en"``)
    skips language detection. Limits: ``max_bytes`` (default 64 MiB; larger
    input raises policytext.Error naming the limit) and ``max_depth`` (HTML
    nesting, default 512; deeper tags are flattened with a warning).
    """
    kwargs = dict(format=format, lang=lang, charset=charset, max_bytes=max_bytes,
                  max_depth=max_depth, sentences=sentences, detect_language=detect_language)
    reader = _shared_reader()
    if isinstance(source, os.PathLike):
        return reader.read_file(os.fspath(source), **kwargs)
    return reader.read(source, **kwargs)
