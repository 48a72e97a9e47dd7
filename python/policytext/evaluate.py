"""Evaluation of clause extraction against gold annotations.

Four gold sources are read into one shape, a list of :class:`Case` (one
analysed input each, with its gold clauses):

- the project's own gold under ``corpora/gold/`` (format in ``corpora/README.md``);
- the French development gold ``ota-fr/gold/gold.jsonl`` (segment labels);
- the OPP-115 segment CSVs (``opp115/*_dataset.csv``);
- PolicyIE (``policyie/*.json``: intents, type-I and type-II slots).

Each case is analysed (by any object with an ``analyze`` method, normally a
:class:`policytext.Analyzer`), and the predicted clauses are compared with the
gold ones:

- per category at **sentence** level and at **segment** (paragraph / block) level:
  precision, recall and F1 over (unit, category) pairs, polarity ignored;
- **span overlap**: a gold clause is found when a predicted clause of the same
  category overlaps it; mean Jaccard overlap of the best pairs;
- **retention periods**: exact match of (ISO 8601 value, qualifier) within a
  segment; when the gold has no qualifier, the ISO value alone is compared.

The metric functions take plain tuples and duck-typed documents, so they are
tested without the compiled core. Readers of ``../shared/data`` return ``None``
with a message when the folder is absent.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

CATEGORIES: tuple[str, ...] = (
    "sharing",
    "retention",
    "advertising",
    "first_party_collection",
    "user_choice",
    "user_rights",
    "security",
    "policy_change",
    "international_transfer",
    "children",
    "tracking",
    "contact",
)

# OPP-115 category -> ours. "International and Specific Audiences" covers
# children and also users of given countries (EU, California): the nearest of
# our categories is `children`, so the mapping is approximate.
OPP115_MAP: dict[str, str] = {
    "Third Party Sharing/Collection": "sharing",
    "Data Retention": "retention",
    "First Party Collection/Use": "first_party_collection",
    "User Choice/Control": "user_choice",
    "User Access, Edit and Deletion": "user_rights",
    "Data Security": "security",
    "Policy Change": "policy_change",
    "Do Not Track": "tracking",
    "International and Specific Audiences": "children",
    "Privacy contact information": "contact",
}
# The categories each dataset annotates (the others are not scored there).
OPP115_CATEGORIES = tuple(dict.fromkeys(OPP115_MAP.values()))

POLICYIE_INTENTS: dict[str, str] = {
    "data-sharing-disclosure": "sharing",
    "data-storage-retention-deletion": "retention",
    "data-collection-usage": "first_party_collection",
    "data-security-protection": "security",
}
POLICYIE_CATEGORIES = ("sharing", "retention", "advertising", "first_party_collection", "security")
OTA_FR_CATEGORIES = ("sharing", "retention", "advertising")

DOC_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt")


# ----------------------------------------------------------------------------
# Data model


@dataclass
class GoldPeriod:
    iso: str
    qualifier: str | None = None  # None: the gold does not say; compare ISO only
    text: str = ""
    span: tuple[int, int] | None = None  # code points in the case's text (PolicyIE)


@dataclass
class GoldClause:
    category: str
    polarity: str = "affirmed"
    # Where the clause is, in UTF-8 bytes of the decoded source, when known.
    source_span: tuple[int, int] | None = None
    quote: str = ""
    occurrence: int = 1
    segment: int | None = None  # index into Case.segments, when the gold is per segment
    periods: list[GoldPeriod] = field(default_factory=list)


@dataclass
class Case:
    """One input to analyse and its gold clauses."""

    doc: str  # identifier, e.g. "fr/banque-en-ligne" or "opp115-validation#12"
    source: bytes
    format: str = "auto"
    lang: str | None = None
    gold: list[GoldClause] = field(default_factory=list)
    # Gold segments as byte spans of the source (ota-fr). None: the Document's blocks.
    segments: list[tuple[int, int]] | None = None
    # The whole case is one unit at both levels (OPP-115 segments, PolicyIE sentences).
    whole: bool = False
    # Gold quotes are located in the source (project gold); else spans are given.
    quotes: bool = False
    group: str = ""  # results are reported per group (dataset / language)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# ----------------------------------------------------------------------------
# Metrics on plain tuples


def score_units(
    gold: Iterable[tuple[Any, str]],
    predicted: Iterable[tuple[Any, str]],
    categories: Sequence[str] = CATEGORIES,
) -> dict[str, Counts]:
    """P/R/F1 per category over sets of (unit, category) pairs.

    A unit is any hashable key (document + sentence index, document + segment).
    Pairs of categories not in `categories` are ignored; duplicates count once.
    """
    wanted = set(categories)
    g = {x for x in gold if x[1] in wanted}
    p = {x for x in predicted if x[1] in wanted}
    out = {c: Counts() for c in categories}
    for unit_cat in g & p:
        out[unit_cat[1]].tp += 1
    for unit_cat in p - g:
        out[unit_cat[1]].fp += 1
    for unit_cat in g - p:
        out[unit_cat[1]].fn += 1
    return out


def micro(counts: dict[str, Counts], categories: Iterable[str] | None = None) -> Counts:
    total = Counts()
    for c, n in counts.items():
        if categories is None or c in categories:
            total.add(n)
    return total


def span_jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


@dataclass
class SpanScore:
    counts: dict[str, Counts]
    jaccard_sum: float = 0.0
    jaccard_n: int = 0

    @property
    def mean_jaccard(self) -> float:
        return self.jaccard_sum / self.jaccard_n if self.jaccard_n else 0.0


def score_spans(
    gold: Iterable[tuple[Any, str, int, int]],
    predicted: Iterable[tuple[Any, str, int, int]],
    categories: Sequence[str] = CATEGORIES,
) -> SpanScore:
    """Span overlap per category: (doc, category, begin, end) tuples.

    A gold span is found (tp) when a predicted span of the same document and
    category overlaps it, else it is a false negative; a predicted span that
    overlaps no gold span is a false positive. The best Jaccard overlap of each
    found gold span is averaged.
    """
    wanted = set(categories)
    gold_by: dict[tuple[Any, str], list[tuple[int, int]]] = defaultdict(list)
    pred_by: dict[tuple[Any, str], list[tuple[int, int]]] = defaultdict(list)
    for d, c, b, e in gold:
        if c in wanted:
            gold_by[d, c].append((b, e))
    for d, c, b, e in predicted:
        if c in wanted:
            pred_by[d, c].append((b, e))
    score = SpanScore({c: Counts() for c in categories})
    for key, spans in gold_by.items():
        preds = pred_by.get(key, [])
        for g in spans:
            best = max((span_jaccard(g, p) for p in preds), default=0.0)
            if best > 0:
                score.counts[key[1]].tp += 1
                score.jaccard_sum += best
                score.jaccard_n += 1
            else:
                score.counts[key[1]].fn += 1
    for key, preds in pred_by.items():
        spans = gold_by.get(key, [])
        for p in preds:
            if not any(span_jaccard(g, p) > 0 for g in spans):
                score.counts[key[1]].fp += 1
    return score


def score_periods(
    gold: Iterable[tuple[Any, str, str | None]],
    predicted: Iterable[tuple[Any, str, str | None]],
) -> tuple[Counts, Counts]:
    """Retention periods: multisets of (unit, iso, qualifier).

    Returns (exact, iso_only): `exact` compares the ISO value and the qualifier
    (a gold qualifier of None matches any predicted qualifier); `iso_only`
    ignores qualifiers.
    """
    gold = list(gold)
    predicted = list(predicted)
    iso_g = Counter((u, iso) for u, iso, _ in gold)
    iso_p = Counter((u, iso) for u, iso, _ in predicted)
    iso_tp = sum((iso_g & iso_p).values())
    iso_only = Counts(iso_tp, sum(iso_p.values()) - iso_tp, sum(iso_g.values()) - iso_tp)

    # Exact: match gold periods with a qualifier first, then the open ones.
    remaining = Counter((u, iso, q) for u, iso, q in predicted)
    tp = 0
    open_gold: list[tuple[Any, str]] = []
    for u, iso, q in gold:
        if q is None:
            open_gold.append((u, iso))
        elif remaining[u, iso, q] > 0:
            remaining[u, iso, q] -= 1
            tp += 1
    for u, iso in open_gold:
        for key in list(remaining):
            if key[0] == u and key[1] == iso and remaining[key] > 0:
                remaining[key] -= 1
                tp += 1
                break
    exact = Counts(tp, len(predicted) - tp, len(gold) - tp)
    return exact, iso_only


# ----------------------------------------------------------------------------
# Reading analysed documents (duck-typed, so tests can use plain objects)


def name_of(value: Any) -> str:
    """'sharing' from a string, an enum value or an object with .name."""
    if isinstance(value, str):
        return value
    name = getattr(value, "name", None)
    if isinstance(name, str):
        if len(name) > 1 and name[0] == "k" and name[1].isupper():  # kSharing
            name = re.sub(r"(?<!^)([A-Z])", r"_\1", name[1:])
        return name.lower()
    return str(value).rsplit(".", 1)[-1].lower()


def byte_span(obj: Any) -> tuple[int, int]:
    """(begin, end) in bytes of the Document text, from whatever the object has."""
    if hasattr(obj, "byte_start"):
        return int(obj.byte_start), int(obj.byte_end)
    span = getattr(obj, "span", None)
    if span is not None and hasattr(span, "begin"):
        return int(span.begin), int(span.end)
    if isinstance(span, (tuple, list)) and len(span) == 2:
        return int(span[0]), int(span[1])
    return int(obj.begin), int(obj.end)


def source_range(block: Any) -> tuple[int, int]:
    begin = getattr(block, "source_begin", None)
    if begin is None:
        begin = getattr(block, "source_start", 0)
    return int(begin), int(getattr(block, "source_end", 0))


def clause_periods(clause: Any) -> list[tuple[str, str | None, str]]:
    """(iso, qualifier, text) of a predicted clause's retention periods.

    Accepts the schema dict (``{"periods": [{"iso", "qualifier", "text"}]}``)
    or a list of attribute objects/dicts named "period" (value = ISO, detail =
    qualifier).
    """
    attrs = getattr(clause, "attributes", None)
    out: list[tuple[str, str | None, str]] = []
    if isinstance(attrs, dict):
        for p in attrs.get("periods", []) or []:
            if isinstance(p, dict):
                iso = p.get("iso") or p.get("value")
                if iso:
                    out.append((iso, p.get("qualifier") or p.get("detail") or None, p.get("text", "")))
        return out
    for a in attrs or []:
        get = a.get if isinstance(a, dict) else (lambda k, d=None, _a=a: getattr(_a, k, d))
        if get("name") in ("period", "periods"):
            out.append((get("value"), get("detail") or None, get("text", "") or ""))
    return out


def decode_source(data: bytes, charset: str | None = None, suffix: str = "") -> str:
    """The source as the analyser read it: BOM, the charset it reports, <meta>, UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    encodings = []
    if charset:
        encodings.append(charset)
    if suffix in (".html", ".htm") or data.lstrip()[:1] == b"<":
        m = re.search(rb"<meta[^>]*charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", data[:4096], re.I)
        if m:
            encodings.append(m.group(1).decode("ascii"))
    encodings += ["utf-8", "windows-1252"]
    for enc in encodings:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int:
    """Start of the n-th (1-based, overlapping) occurrence of quote, or -1."""
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


_WS = re.compile(r"\s+")
_MD_MARKS = re.compile(r"[*_`\\]")


def _squash(s: str) -> str:
    return _WS.sub(" ", _MD_MARKS.sub("", s)).strip().lower()


@dataclass
class _DocView:
    """Byte-level view of an analysed Document, with sentence and block lookups."""

    text: bytes
    sentences: list[tuple[int, int]]
    blocks: list[tuple[int, int]]
    block_sources: list[tuple[int, int]]

    @classmethod
    def of(cls, doc: Any) -> "_DocView":
        text = doc.text.encode("utf-8") if isinstance(doc.text, str) else bytes(doc.text)
        return cls(
            text,
            [byte_span(s) for s in doc.sentences],
            [byte_span(b) for b in doc.blocks],
            [source_range(b) for b in doc.blocks],
        )

    def sentences_in(self, b: int, e: int) -> list[int]:
        hits = [i for i, (sb, se) in enumerate(self.sentences) if sb < e and b < se]
        if not hits and b == e:
            hits = [i for i, (sb, se) in enumerate(self.sentences) if sb <= b <= se]
        return hits

    def block_at(self, pos: int) -> int:
        for i, (bb, be) in enumerate(self.blocks):
            if bb <= pos < be:
                return i
        return -1

    def locate(self, source: bytes, sb: int, se: int, quote: str) -> tuple[int, int] | None:
        """Text span (bytes) of the source span [sb, se) with text `quote`."""
        cands = [
            i for i, (b, e) in enumerate(self.block_sources) if e > b and b < se and sb < e
        ]
        # Prefer the innermost block that contains the whole span.
        cands.sort(key=lambda i: (not (self.block_sources[i][0] <= sb and se <= self.block_sources[i][1]),
                                  self.block_sources[i][1] - self.block_sources[i][0]))
        qb = quote.encode("utf-8")
        for i in cands:
            bb, be = self.blocks[i]
            body = self.text[bb:be]
            src_b, src_e = self.block_sources[i]
            rel = (sb - src_b) / max(src_e - src_b, 1)
            guess = bb + int(rel * (be - bb))
            pos, best = body.find(qb), None
            while pos >= 0:
                if best is None or abs(bb + pos - guess) < abs(bb + best - guess):
                    best = pos
                pos = body.find(qb, pos + 1)
            if best is not None:
                return bb + best, bb + best + len(qb)
            # Markup removed or whitespace changed: compare squashed texts.
            squashed_q = _squash(quote)
            body_s = body.decode("utf-8", errors="replace")
            if squashed_q and squashed_q in _squash(body_s):
                # Approximate the position proportionally inside the block.
                start = bb + int(rel * (be - bb))
                end = min(be, start + len(qb))
                return max(bb, min(start, end)), end
        if cands:
            i = cands[0]
            bb, be = self.blocks[i]
            src_b, src_e = self.block_sources[i]
            scale = (be - bb) / max(src_e - src_b, 1)
            b = bb + int(max(sb - src_b, 0) * scale)
            e = bb + int(min(se - src_b, src_e - src_b) * scale)
            return b, max(e, b + 1)
        return None


# ----------------------------------------------------------------------------
# Comparing one analysed case with its gold


@dataclass
class CaseResult:
    doc: str
    group: str
    categories: tuple[str, ...]
    sentence_gold: set[tuple[Any, str]] = field(default_factory=set)
    sentence_pred: set[tuple[Any, str]] = field(default_factory=set)
    segment_gold: set[tuple[Any, str]] = field(default_factory=set)
    segment_pred: set[tuple[Any, str]] = field(default_factory=set)
    span_gold: list[tuple[Any, str, int, int]] = field(default_factory=list)
    span_pred: list[tuple[Any, str, int, int]] = field(default_factory=list)
    period_gold: list[tuple[Any, str, str | None]] = field(default_factory=list)
    period_pred: list[tuple[Any, str, str | None]] = field(default_factory=list)
    period_spans_gold: list[tuple[int, int]] = field(default_factory=list)
    period_spans_pred: list[tuple[int, int]] = field(default_factory=list)
    unresolved: int = 0  # gold quotes not found in the source
    # (unit, category) -> text, for error listings
    unit_text: dict[Any, str] = field(default_factory=dict)
    polarity_pairs: list[tuple[str, str, str]] = field(default_factory=list)  # cat, gold, pred


def _segment_of(case: Case, src: tuple[int, int]) -> int:
    """Index of the gold segment that best overlaps the source range."""
    best, best_ov = -1, 0
    for i, (b, e) in enumerate(case.segments or []):
        ov = min(e, src[1]) - max(b, src[0])
        if ov > best_ov:
            best, best_ov = i, ov
    if best < 0:
        for i, (b, e) in enumerate(case.segments or []):
            if b <= src[0] < e:
                return i
    return best


def compare(case: Case, doc: Any, categories: Sequence[str]) -> CaseResult:
    """Compares the clauses of the analysed `doc` with the gold of `case`."""
    res = CaseResult(case.doc, case.group, tuple(categories))
    view = _DocView.of(doc)
    d = case.doc

    def seg_key(block: int, span: tuple[int, int] | None = None) -> Any:
        if case.whole:
            return (d, "all")
        if case.segments is not None:
            if 0 <= block < len(view.block_sources):
                src = view.block_sources[block]
                if span is not None:
                    # Scale the clause's place in the block onto the block's source range.
                    bb, be = view.blocks[block]
                    scale = (src[1] - src[0]) / max(be - bb, 1)
                    lo = src[0] + int((max(span[0], bb) - bb) * scale)
                    hi = src[0] + int((min(span[1], be) - bb) * scale)
                    if hi > lo:
                        src = (lo, hi)
                return (d, "seg", _segment_of(case, src))
            return (d, "seg", -1)
        return (d, "block", block)

    # Predicted clauses.
    for c in getattr(doc, "clauses", []) or []:
        cat = name_of(c.category)
        if cat not in categories:
            continue
        b, e = byte_span(c)
        sent = getattr(c, "sentence", -1)
        sent = int(sent) if sent is not None else -1
        if sent < 0:
            hits = view.sentences_in(b, e)
            sent = hits[0] if hits else -1
        block = getattr(c, "block", -1)
        block = int(block) if block is not None else -1
        if block < 0:
            block = view.block_at(b)
        skey = (d, "all") if case.whole else (d, "sent", sent)
        gkey = seg_key(block, (b, e))
        res.sentence_pred.add((skey, cat))
        res.segment_pred.add((gkey, cat))
        res.span_pred.append((d, cat, b, e))
        res.unit_text.setdefault(skey, view.text[b:e].decode("utf-8", errors="replace"))
        res.unit_text.setdefault(gkey, res.unit_text[skey])
        if cat == "retention":
            for iso, q, ptext in clause_periods(c):
                res.period_pred.append((gkey, iso, q))
                if case.whole and ptext:
                    t = doc.text if isinstance(doc.text, str) else view.text.decode("utf-8")
                    at = t.find(ptext)
                    if at >= 0:
                        res.period_spans_pred.append((at, at + len(ptext)))

    # Gold clauses.
    source_text = None
    if case.quotes:
        suffix = Path(case.doc).suffix.lower()
        source_text = decode_source(case.source, getattr(doc, "charset", None), suffix)
    gold_pol: dict[tuple[Any, str], list[str]] = defaultdict(list)
    for g in case.gold:
        if g.category not in categories:
            continue
        if case.whole:
            skey = gkey = (d, "all")
            res.sentence_gold.add((skey, g.category))
            res.segment_gold.add((gkey, g.category))
            gold_pol[(gkey, g.category)].append(g.polarity)
            res.unit_text.setdefault(skey, doc.text if isinstance(doc.text, str) else "")
            for p in g.periods:
                if p.iso:
                    res.period_gold.append((gkey, p.iso, p.qualifier))
                if p.span is not None:
                    res.period_spans_gold.append(p.span)
            continue
        span = g.source_span
        if span is None and case.quotes and source_text is not None:
            at = find_occurrence(source_text, g.quote, g.occurrence)
            if at < 0:
                res.unresolved += 1
                continue
            sb = len(source_text[:at].encode("utf-8"))
            span = (sb, sb + len(g.quote.encode("utf-8")))
        if span is None:
            res.unresolved += 1
            continue
        quote = g.quote or case.source[span[0]:span[1]].decode("utf-8", errors="replace")
        loc = view.locate(case.source if not case.quotes else source_text.encode("utf-8"), span[0], span[1], quote)
        if case.segments is not None and g.segment is not None:
            gkey = (d, "seg", g.segment)
        elif loc is not None:
            gkey = seg_key(view.block_at(loc[0]))
        else:
            gkey = (d, "seg?", span)
        gold_pol[(gkey, g.category)].append(g.polarity)
        if loc is None:
            # Text the reader dropped (navigation, banners): still a miss.
            res.unresolved += 1
            res.segment_gold.add((gkey, g.category))
            res.sentence_gold.add(((d, "unlocated", span), g.category))
            res.span_gold.append((d, g.category, -1 - span[1], -1 - span[0]))
            continue
        sents = view.sentences_in(*loc)
        for s in sents:
            res.sentence_gold.add(((d, "sent", s), g.category))
            res.unit_text.setdefault((d, "sent", s), quote)
        res.segment_gold.add((gkey, g.category))
        res.unit_text.setdefault(gkey, quote)
        res.span_gold.append((d, g.category, loc[0], loc[1]))
        for p in g.periods:
            res.period_gold.append((gkey, p.iso, p.qualifier))
    # Polarity agreement on segments where both gold and prediction have the category.
    pred_seg_pol: dict[tuple[Any, str], set[str]] = defaultdict(set)
    for c in getattr(doc, "clauses", []) or []:
        cat = name_of(c.category)
        if cat in categories:
            block = getattr(c, "block", -1)
            block = int(block) if block is not None and int(block) >= 0 else view.block_at(byte_span(c)[0])
            pred_seg_pol[(seg_key(block, byte_span(c)), cat)].add(name_of(getattr(c, "polarity", "affirmed")))
    for (key, cat) in res.segment_gold & res.segment_pred:
        pols = gold_pol.get((key, cat), [])
        gp = ("affirmed" if "affirmed" in pols else "negated") if pols else None
        pp = pred_seg_pol.get((key, cat), set())
        if gp is not None and pp:
            pred = "affirmed" if "affirmed" in pp else "negated"
            res.polarity_pairs.append((cat, gp, pred))
    return res


# ----------------------------------------------------------------------------
# Aggregation and report


@dataclass
class GroupReport:
    name: str
    categories: tuple[str, ...]
    documents: int = 0
    sentence: dict[str, Counts] = field(default_factory=dict)
    segment: dict[str, Counts] = field(default_factory=dict)
    span: dict[str, Counts] = field(default_factory=dict)
    mean_jaccard: float = 0.0
    periods_exact: Counts = field(default_factory=Counts)
    periods_iso: Counts = field(default_factory=Counts)
    period_spans: Counts | None = None
    polarity_agree: int = 0
    polarity_total: int = 0
    unresolved: int = 0
    has_sentence_level: bool = True
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "documents": self.documents,
            "categories": list(self.categories),
            "segment": {c: n.to_dict() for c, n in self.segment.items()},
            "segment_micro": micro(self.segment).to_dict(),
            "periods_exact": self.periods_exact.to_dict(),
            "periods_iso": self.periods_iso.to_dict(),
            "polarity_accuracy": round(self.polarity_agree / self.polarity_total, 4)
            if self.polarity_total
            else None,
            "unresolved_gold": self.unresolved,
        }
        if self.has_sentence_level:
            out["sentence"] = {c: n.to_dict() for c, n in self.sentence.items()}
            out["sentence_micro"] = micro(self.sentence).to_dict()
            out["span"] = {c: n.to_dict() for c, n in self.span.items()}
            out["span_mean_jaccard"] = round(self.mean_jaccard, 4)
        if self.period_spans is not None:
            out["period_spans"] = self.period_spans.to_dict()
        if self.errors:
            out["errors"] = self.errors
        return out


def aggregate(name: str, results: list[CaseResult], categories: Sequence[str],
              *, sentence_level: bool = True, max_errors: int = 0) -> GroupReport:
    rep = GroupReport(name, tuple(categories), documents=len(results), has_sentence_level=sentence_level)
    sg, sp, gg, gp, spg, spp, pg, pp = set(), set(), set(), set(), [], [], [], []
    psg, psp = [], []
    texts: dict[Any, str] = {}
    for r in results:
        sg |= r.sentence_gold
        sp |= r.sentence_pred
        gg |= r.segment_gold
        gp |= r.segment_pred
        spg += r.span_gold
        spp += r.span_pred
        pg += r.period_gold
        pp += r.period_pred
        psg += [(r.doc, "retention", b, e) for b, e in r.period_spans_gold]
        psp += [(r.doc, "retention", b, e) for b, e in r.period_spans_pred]
        rep.unresolved += r.unresolved
        texts.update(r.unit_text)
        for _, g, p in r.polarity_pairs:
            rep.polarity_total += 1
            rep.polarity_agree += g == p
    rep.sentence = score_units(sg, sp, categories)
    rep.segment = score_units(gg, gp, categories)
    spans = score_spans(spg, spp, categories)
    rep.span = spans.counts
    rep.mean_jaccard = spans.mean_jaccard
    rep.periods_exact, rep.periods_iso = score_periods(pg, pp)
    if psg or psp:
        rep.period_spans = score_spans(psg, psp, ("retention",)).counts["retention"]
    if max_errors:
        for kind, diff in (("false_negative", gg - gp), ("false_positive", gp - gg)):
            for key, cat in sorted(diff, key=repr)[:max_errors]:
                rep.errors.append({"kind": kind, "category": cat, "unit": repr(key),
                                   "text": texts.get(key, "")[:300]})
    return rep


def format_table(reports: Iterable[GroupReport]) -> str:
    lines = []
    for rep in reports:
        lines.append(f"{rep.name}: {rep.documents} documents")
        head = f"  {'category':24s} {'level':9s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}"
        lines.append(head)
        levels = (("sentence", rep.sentence), ("segment", rep.segment)) if rep.has_sentence_level \
            else (("segment", rep.segment),)
        for cat in rep.categories:
            for level, counts in levels:
                n = counts[cat]
                if n.tp + n.fp + n.fn == 0:
                    continue
                lines.append(f"  {cat:24s} {level:9s} {n.precision:6.3f} {n.recall:6.3f} {n.f1:6.3f} "
                             f"{n.tp:5d} {n.fp:5d} {n.fn:5d}")
        for level, counts in levels:
            n = micro(counts)
            lines.append(f"  {'(micro)':24s} {level:9s} {n.precision:6.3f} {n.recall:6.3f} {n.f1:6.3f} "
                         f"{n.tp:5d} {n.fp:5d} {n.fn:5d}")
        if rep.has_sentence_level:
            n = micro(rep.span)
            lines.append(f"  span overlap: P {n.precision:.3f} R {n.recall:.3f} F1 {n.f1:.3f}, "
                         f"mean Jaccard {rep.mean_jaccard:.3f}")
        pe, pi = rep.periods_exact, rep.periods_iso
        if pe.support:  # only where the gold gives ISO periods
            lines.append(f"  retention periods exact (iso+qualifier): P {pe.precision:.3f} R {pe.recall:.3f} "
                         f"F1 {pe.f1:.3f} (gold {pe.support}); iso only F1 {pi.f1:.3f}")
        if rep.period_spans is not None and rep.period_spans.support:
            n = rep.period_spans
            lines.append(f"  retention period spans: P {n.precision:.3f} R {n.recall:.3f} F1 {n.f1:.3f}")
        if rep.polarity_total:
            lines.append(f"  polarity agreement on matched segments: "
                         f"{rep.polarity_agree / rep.polarity_total:.3f} ({rep.polarity_total})")
        if rep.unresolved:
            lines.append(f"  note: {rep.unresolved} gold clauses lie in text the reader dropped or could not "
                         f"be located; they count as misses")
        for e in rep.errors:
            lines.append(f"  {e['kind']:15s} {e['category']:22s} {e['text'][:160]!r}")
        lines.append("")
    return "\n".join(lines)


# ----------------------------------------------------------------------------
# Readers


def _jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: {exc.msg}") from None
    return out


def _gold_periods(attrs: dict[str, Any] | None) -> list[GoldPeriod]:
    out = []
    for p in (attrs or {}).get("periods", []) or []:
        if isinstance(p, dict) and p.get("iso"):
            out.append(GoldPeriod(p["iso"], p.get("qualifier") or "exact", p.get("text", "")))
    return out


def read_project_gold(corpora: str | Path) -> list[Case]:
    """Cases from the project's gold: corpora/gold/<lang>/<slug>.jsonl + the source.

    The group of a case is "corpora-<folder>" (fr, en, bilingual).
    """
    root = Path(corpora)
    gold_root = root / "gold"
    if not gold_root.is_dir():
        raise FileNotFoundError(f"no gold folder: {gold_root}")
    cases = []
    for gold_path in sorted(gold_root.rglob("*.jsonl")):
        rel = gold_path.relative_to(gold_root).with_suffix("")
        source = next((root / rel.with_suffix(s) for s in DOC_SUFFIXES if (root / rel.with_suffix(s)).is_file()), None)
        if source is None:
            raise FileNotFoundError(f"{gold_path}: no document {rel}.(html|md) under {root}")
        folder = rel.parts[0] if len(rel.parts) > 1 else "misc"
        gold = [
            GoldClause(
                category=r["category"],
                polarity=r.get("polarity", "affirmed"),
                quote=r["quote"],
                occurrence=int(r.get("occurrence", 1)),
                periods=_gold_periods(r.get("attributes")) if r["category"] == "retention" else [],
            )
            for r in _jsonl(gold_path)
        ]
        fmt = "html" if source.suffix.lower() in (".html", ".htm") else (
            "markdown" if source.suffix.lower() in (".md", ".markdown") else "text")
        cases.append(Case(
            doc=str(rel) + source.suffix,
            source=source.read_bytes(),
            format=fmt,
            lang=folder if folder in ("fr", "en") else None,
            gold=gold,
            quotes=True,
            group=f"corpora-{folder}",
        ))
    return cases


def _missing(path: Path, what: str, log: Callable[[str], None] | None) -> None:
    if log:
        log(f"skipping {what}: {path} not found")


def read_ota_fr(data: str | Path, *, log: Callable[[str], None] | None = None) -> list[Case] | None:
    """The French development gold: one case per policy, gold segments as byte spans."""
    folder = Path(data) / "ota-fr" / "gold"
    gold_file = folder / "gold.jsonl"
    if not gold_file.is_file():
        _missing(gold_file, "ota-fr gold", log)
        return None
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in _jsonl(gold_file):
        by_file[r["file"]].append(r)
    cases = []
    for name, records in by_file.items():
        path = folder / name
        if not path.is_file():
            _missing(path, f"ota-fr document {name}", log)
            continue
        records.sort(key=lambda r: r["seg_index"])
        segments = [(int(r["start"]), int(r["end"])) for r in records]
        gold = []
        for i, r in enumerate(records):
            for cat, lab in (r.get("labels") or {}).items():
                periods = []
                for p in lab.get("periods", []) or []:
                    if p.get("min"):
                        periods.append(GoldPeriod(p["min"], "min", p.get("text", "")))
                        periods.append(GoldPeriod(p["iso"], "max", p.get("text", "")))
                    else:
                        periods.append(GoldPeriod(p["iso"], None, p.get("text", "")))
                gold.append(GoldClause(cat, lab.get("polarity", "affirmed"), segments[i],
                                       r.get("text", ""), segment=i, periods=periods))
        cases.append(Case(doc=f"ota-fr/{name}", source=path.read_bytes(), format="markdown", lang="fr",
                          gold=gold, segments=segments, group="ota-fr"))
    return cases


def read_opp115(data: str | Path, split: str = "validation", *,
                log: Callable[[str], None] | None = None) -> list[Case] | None:
    """OPP-115 segments (Polisis majority splits): one case per distinct segment text."""
    path = Path(data) / "opp115" / f"{split}_dataset.csv"
    if not path.is_file():
        _missing(path, f"OPP-115 {split}", log)
        return None
    labels: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 2:
                continue
            text, label = row[0], row[1].strip()
            if text.strip() in ("", "#NAME?"):
                continue
            labels.setdefault(text, set())
            if label in OPP115_MAP:
                labels[text].add(OPP115_MAP[label])
    return [
        Case(doc=f"opp115-{split}#{i}", source=text.encode("utf-8"), format="text", lang="en",
             gold=[GoldClause(c) for c in sorted(cats)], whole=True, group=f"opp115-{split}")
        for i, (text, cats) in enumerate(labels.items())
    ]


_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ll", "'ve", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Joins PolicyIE tokens into readable text; returns it and each token's
    code-point span. Hyphens between words are rejoined ("log - in" -> "log-in")."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for i, tok in enumerate(tokens):
        glue = prev is not None and not (
            tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
            or (tok == "-" and i + 1 < len(tokens)) or prev == "-" and i >= 2 and tokens[i - 2] not in (",", ".")
        )
        if prev is not None and glue:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(out), spans


def bio_spans(labels: Sequence[str], wanted: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Token spans [b, e) of BIO slots whose type satisfies `wanted`."""
    out = []
    start, kind = None, None
    for i, lab in enumerate(list(labels) + ["O"]):
        if lab.startswith("I-") and kind == lab[2:]:
            continue
        if start is not None:
            out.append((start, i, kind))
            start, kind = None, None
        if (lab.startswith("B-") or lab.startswith("I-")) and wanted(lab[2:]):
            start, kind = i, lab[2:]
    return out


def read_policyie(data: str | Path, split: str = "valid", *,
                  log: Callable[[str], None] | None = None) -> list[Case] | None:
    """PolicyIE sentences: intents give sharing / retention / collection / security,
    type-II `purpose-argument.advertising-marketing` slots give advertising, and
    type-I `retention-period` slots give period spans (no ISO value)."""
    folder = Path(data) / "policyie"
    files = [folder / f"{k}_{split}.json" for k in ("intent_classification", "type_I_slot_filling",
                                                     "type_II_slot_filling")]
    for f in files:
        if not f.is_file():
            _missing(f, f"PolicyIE {split}", log)
            return None
    intents, t1, t2 = (_jsonl(f) for f in files)
    if not (len(intents) == len(t1) == len(t2)):
        raise ValueError(f"PolicyIE {split}: the three files are not aligned")
    cases = []
    for i, (a, b, c) in enumerate(zip(intents, t1, t2)):
        text, spans = detokenize(b["tokens"])
        gold = []
        cat = POLICYIE_INTENTS.get(a.get("label", ""))
        if cat:
            gold.append(GoldClause(cat))
        if any(lab[2:].startswith("purpose-argument.advertising-marketing") for lab in c["labels"] if lab != "O"):
            gold.append(GoldClause("advertising"))
        periods = [GoldPeriod("", None, text[spans[s][0]:spans[e - 1][1]], (spans[s][0], spans[e - 1][1]))
                   for s, e, _ in bio_spans(b["labels"], lambda k: k.startswith("retention-period"))]
        if periods:
            ret = next((g for g in gold if g.category == "retention"), None)
            if ret is None:
                ret = GoldClause("retention")
                gold.append(ret)
            ret.periods = periods
        cases.append(Case(doc=f"policyie-{split}#{i}", source=text.encode("utf-8"), format="text", lang="en",
                          gold=gold, whole=True, group=f"policyie-{split}"))
    return cases


# ----------------------------------------------------------------------------
# Running


def analyze_case(analyzer: Any, case: Case) -> Any:
    """Runs the analyser on one case, with its format and language."""
    kwargs: dict[str, Any] = {"format": case.format}
    if case.lang:
        kwargs["lang"] = case.lang
    return analyzer.analyze(case.source, **kwargs)


def evaluate_cases(analyzer: Any, cases: Sequence[Case], categories: Sequence[str], *,
                   name: str | None = None, sentence_level: bool = True,
                   max_errors: int = 0) -> list[GroupReport]:
    """Analyses every case and returns one report per case group."""
    by_group: dict[str, list[CaseResult]] = defaultdict(list)
    for case in cases:
        doc = analyze_case(analyzer, case)
        by_group[name or case.group].append(compare(case, doc, categories))
    reports = []
    for group, results in by_group.items():
        cats = categories
        reports.append(aggregate(group, results, cats, sentence_level=sentence_level, max_errors=max_errors))
    return reports


# For OPP-115 and PolicyIE the unit is the whole segment or sentence, so the
# sentence level equals the segment level and span overlap is not meaningful:
# only the segment level is reported for OPP-115, and the sentence level for
# PolicyIE is the same figure (reported as segment = sentence).
DATASETS = ("corpora", "ota-fr", "opp115", "policyie")


def run(analyzer: Any, datasets: Sequence[str] = DATASETS, *, corpora: str | Path | None = None,
        data: str | Path | None = None, opp115_splits: Sequence[str] = ("validation",),
        policyie_splits: Sequence[str] = ("valid",), max_errors: int = 0,
        log: Callable[[str], None] | None = None) -> list[GroupReport]:
    """Evaluates `analyzer` on the chosen datasets; missing shared data is skipped."""
    reports: list[GroupReport] = []
    if "corpora" in datasets and corpora is not None:
        if (Path(corpora) / "gold").is_dir():
            reports += evaluate_cases(analyzer, read_project_gold(corpora), CATEGORIES, max_errors=max_errors)
        elif log:
            log(f"skipping corpora: {Path(corpora) / 'gold'} not found")
    if data is None:
        return reports
    if "ota-fr" in datasets:
        cases = read_ota_fr(data, log=log)
        if cases:
            reports += evaluate_cases(analyzer, cases, OTA_FR_CATEGORIES, sentence_level=False,
                                      max_errors=max_errors)
    if "opp115" in datasets:
        for split in opp115_splits:
            cases = read_opp115(data, split, log=log)
            if cases:
                reports += evaluate_cases(analyzer, cases, OPP115_CATEGORIES, sentence_level=False,
                                          max_errors=max_errors)
    if "policyie" in datasets:
        for split in policyie_splits:
            cases = read_policyie(data, split, log=log)
            if cases:
                reports += evaluate_cases(analyzer, cases, POLICYIE_CATEGORIES, sentence_level=False,
                                          max_errors=max_errors)
    return reports


def default_paths() -> tuple[Path | None, Path | None]:
    """(corpora, shared data) found from the current folder or the package's repo."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        if (base / "corpora" / "gold").is_dir():
            shared = base.parent / "shared" / "data"
            return base / "corpora", shared if shared.is_dir() else None
    return None, None
