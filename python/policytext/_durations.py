"""Retention periods in French and English text, as ISO 8601 durations."""

from __future__ import annotations

from typing import Optional

from . import _core

Duration = _core.Duration


def parse_durations(text: str, *, lang: Optional[str] = None) -> list[_core.Duration]:
    """The durations stated in ``text``, in order.

    Each ``Duration`` has ``.text`` (``text[d.start:d.end] == d.text``), ``.start``,
    ``.end`` (code points), ``.byte_start``, ``.byte_end`` (UTF-8), ``.full_start``,
    ``.full_end`` (with the qualifier or range words), ``.iso`` (``"P13M"``,
    ``"P1Y6M"``, ``"PT24H"``, ``"P2W"``), ``.qualifier`` (``"exact"``, ``"max"``,
    ``"min"``, ``"approx"``), ``.range_low`` / ``.range_high`` (the two ends of a
    range) and ``.business_days``.

    ``lang`` is ``"fr"``, ``"en"`` or ``None``/``"und"`` (both grammars). Ages and
    thresholds ("âgés de plus de 16 ans", "children under 13 years of age") are
    not durations. The input is normalised first (case, NFC, apostrophes, NBSP);
    offsets point into the text as given.

    >>> [(d.text, d.iso, d.qualifier) for d in parse_durations("Conservées jusqu’à 13 mois.", lang="fr")]
    [('13 mois', 'P13M', 'max')]
    """
    return _core.parse_durations(text, lang)
