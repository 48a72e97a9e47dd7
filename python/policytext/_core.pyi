"""
Private extension of the policytext package; import policytext instead.
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
from policytext import Error
import typing
__all__: list[str] = ['Analyzer', 'BatchItem', 'BatchResult', 'Block', 'Clause', 'Document', 'Duration', 'Error', 'LanguageGuess', 'PolicyCheck', 'PracticeSummary', 'Reader', 'Sentence', 'Span', 'Summary', 'TextEngine', 'Token', 'TokenArrays', 'TokenList', 'analyze_batch', 'document_to_json', 'parse_durations']
class Span:
    """
    A piece of the input: code-point and byte offsets, and its text.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Span) -> bool:
        ...
    def __getstate__(self) -> tuple[str, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class Token:
    """
    One token. start/end are code points (text[t.start:t.end] == t.text), byte_start/byte_end UTF-8 bytes.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Token) -> bool:
        ...
    def __getstate__(self) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def kind(self) -> str:
        """
        'word', 'number', 'punctuation', 'url', 'email' or 'symbol'
        """
    @property
    def norm(self) -> str:
        """
        NFC, case-folded, apostrophes unified, NBSP as a space
        """
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class TokenList:
    """
    The tokens of one text, a read-only sequence.
    """
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Token:
        ...
    @typing.overload
    def __getitem__(self, arg0: slice) -> list:
        ...
    def __getstate__(self) -> tuple[list, int]:
        ...
    def __iter__(self) -> collections.abc.Iterator[Token]:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def invalid_utf8(self) -> int:
        """
        Invalid UTF-8 sequences in the input (read as U+FFFD)
        """
class TokenArrays:
    """
    Token offsets as read-only numpy arrays (int64 offsets, uint8 kind codes; KIND_NAMES[code] gives the name).
    """
    KIND_NAMES: typing.ClassVar[tuple] = ('word', 'number', 'punctuation', 'url', 'email', 'symbol')
    def __getstate__(self) -> tuple:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def byte_end(self) -> numpy.typing.NDArray[numpy.int64]:
        ...
    @property
    def byte_start(self) -> numpy.typing.NDArray[numpy.int64]:
        ...
    @property
    def end(self) -> numpy.typing.NDArray[numpy.int64]:
        ...
    @property
    def invalid_utf8(self) -> int:
        ...
    @property
    def kind(self) -> numpy.typing.NDArray[numpy.uint8]:
        ...
    @property
    def start(self) -> numpy.typing.NDArray[numpy.int64]:
        ...
class Sentence:
    """
    One sentence: code-point and byte offsets, its text, and its clauses (a list of Span; one clause equal to the sentence when unsplit).
    """
    def __getstate__(self) -> tuple[str, tuple, list, int]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def block(self) -> int:
        """
        Index of the Document block; -1 outside one
        """
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def clauses(self) -> list[Span]:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class LanguageGuess:
    """
    'fr', 'en' or 'und', with a confidence in 0..1.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: LanguageGuess) -> bool:
        ...
    def __getstate__(self) -> tuple[str, float]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def confidence(self) -> float:
        ...
    @property
    def lang(self) -> str:
        ...
class TextEngine:
    """
    Tokens, sentences and language for French and English. Build once and share: every method is thread-safe and releases the GIL. Text is str or UTF-8 bytes; lang is 'fr', 'en', 'und' or None (detect).
    """
    def __getstate__(self) -> tuple:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def detect_language(self, text: typing.Any) -> LanguageGuess:
        ...
    def normalize(self, text: typing.Any) -> str:
        """
        The matching form: NFC, case-folded, apostrophes unified, NBSP and narrow NBSP as spaces.
        """
    def sentences(self, text: typing.Any, lang: typing.Any = None) -> list[Sentence]:
        ...
    def tokenize(self, text: typing.Any, lang: typing.Any = None) -> TokenList:
        ...
    def tokenize_batch(self, texts: collections.abc.Sequence, lang: typing.Any = None, threads: typing.Any = None) -> list[TokenList]:
        """
        One TokenList per text, in order, computed on `threads` threads (None: all cores) with the GIL released. Every text is checked before any work starts; if the library fails on one text, the error is raised after the whole batch has run.
        """
    def tokenize_offsets(self, text: typing.Any, lang: typing.Any = None) -> TokenArrays:
        ...
class PolicyCheck:
    """
    Whether a Document looks like a privacy policy: a score (0..1), the verdict and the reason. Truthy when it does.
    """
    def __bool__(self) -> bool:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __getstate__(self) -> tuple[bool, float, str]:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def looks_like_policy(self) -> bool:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def score(self) -> float:
        ...
class Block:
    """
    One block of a Document (heading, paragraph, list item, table cell…): its text, code-point (start/end) and byte offsets into Document.text, its section path and language, and its element's byte range in the source.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Block) -> bool:
        ...
    def __getstate__(self) -> tuple[str, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def lang(self) -> str:
        ...
    @property
    def lang_confidence(self) -> float:
        """
        0 when the language was inherited (short block)
        """
    @property
    def level(self) -> int:
        """
        Heading level 1..6; list nesting depth from 1; else 0
        """
    @property
    def section(self) -> list[str]:
        """
        The headings above the block, outermost first
        """
    @property
    def source_end(self) -> int:
        ...
    @property
    def source_start(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def table_row(self) -> typing.Any:
        ...
    @property
    def text(self) -> str:
        ...
class Document:
    """
    A policy read from HTML, Markdown or plain text: the analysed text, its blocks and sentences, languages and a looks-like-policy check.
    """
    def __getstate__(self) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def blocks(self) -> list[Block]:
        """
        A new list of Block on every access
        """
    @property
    def charset(self) -> str:
        """
        The charset the source was read as
        """
    @property
    def clauses(self) -> list[Clause]:
        """
        The clauses found by an Analyzer, in text order (empty after read()).
        """
    @property
    def invalid_utf8(self) -> int:
        ...
    @property
    def lang(self) -> str:
        ...
    @property
    def lang_confidence(self) -> float:
        ...
    @property
    def looks_like_policy(self) -> PolicyCheck:
        """
        A PolicyCheck: truthy when the document looks like a privacy policy
        """
    @property
    def sentences(self) -> list:
        """
        Sentences (never across blocks); offsets index Document.text
        """
    @property
    def source_bytes(self) -> int:
        ...
    @property
    def source_format(self) -> str:
        """
        'html', 'markdown' or 'text'
        """
    @property
    def summary(self) -> Summary:
        """
        Per category: affirmed / denied / silent, with the strongest clause.
        """
    @property
    def text(self) -> str:
        """
        The analysed text: blocks joined by blank lines
        """
    @property
    def title(self) -> str:
        """
        HTML <title>; empty for other formats
        """
    @property
    def warnings(self) -> list[str]:
        """
        Limits hit, charset decisions, repairs
        """
class Reader:
    """
    Reads HTML, Markdown or plain text (any common charset) into a Document. Immutable and safe to share between threads.
    """
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def read(self, source: typing.Any, *, format: str = 'auto', lang: typing.Any = None, charset: typing.Any = None, max_bytes: typing.Any = None, max_depth: typing.Any = None, sentences: bool = True, detect_language: bool = True) -> Document:
        """
        Reads str (text) or bytes (any charset).
        """
    def read_file(self, path: str, *, format: str = 'auto', lang: typing.Any = None, charset: typing.Any = None, max_bytes: typing.Any = None, max_depth: typing.Any = None, sentences: bool = True, detect_language: bool = True) -> Document:
        """
        Reads a file; the format follows the extension when not given.
        """
class Clause:
    """
    A clause that states a practice; offsets index Document.text.
    """
    def __getstate__(self) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def attributes(self) -> typing.Any:
        """
        A dict following docs/schema.md (recipients, periods, data_types, action, ...).
        """
    @property
    def block(self) -> int:
        ...
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def category(self) -> str:
        ...
    @property
    def confidence(self) -> float:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def modality(self) -> str:
        ...
    @property
    def negation_cue(self) -> str:
        ...
    @property
    def polarity(self) -> str:
        ...
    @property
    def rules(self) -> list[str]:
        ...
    @property
    def section(self) -> list[str]:
        ...
    @property
    def sentence(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class PracticeSummary:
    """
    What a document says about one category.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def affirmed(self) -> int:
        ...
    @property
    def category(self) -> str:
        ...
    @property
    def negated(self) -> int:
        ...
    @property
    def stance(self) -> str:
        ...
    @property
    def strongest(self) -> Clause | None:
        ...
    @property
    def strongest_clause(self) -> typing.Any:
        ...
class Summary:
    """
    Per category: PracticeSummary, by category name.
    """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __getitem__(self, arg0: str) -> PracticeSummary:
        ...
    def __iter__(self) -> collections.abc.Iterator:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def keys(self) -> list[str]:
        ...
    def to_dict(self) -> dict:
        ...
class Analyzer:
    """
    Rule packs compiled once; thread-safe.
    """
    def __getstate__(self) -> tuple:
        ...
    def __init__(self, *, builtin_rules: bool = True, rule_paths: collections.abc.Sequence[str] = [], rule_texts: collections.abc.Sequence[tuple[str, str]] = [], languages: collections.abc.Sequence[str] = ['fr', 'en'], regex_memory_budget: typing.SupportsInt | typing.SupportsIndex = 67108864) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def analyze(self, data: bytes, *, lang: str | None = None, format: str = 'auto') -> Document:
        """
        Reads UTF-8 or encoded bytes and finds the clauses.
        """
    def analyze_file(self, path: str, *, lang: str | None = None, format: str = 'auto') -> Document:
        ...
    def explain(self, text: str, *, lang: str | None = None) -> list:
        ...
    def extract(self, document: Document) -> None:
        """
        Finds the clauses of a Document already read (in place).
        """
    def rules(self) -> list:
        ...
    def to_json(self, document: Document, *, id: str = '', source: str = '', include_text: bool = False, include_blocks: bool = False) -> str:
        ...
    @property
    def builtin_rules(self) -> bool:
        ...
    @property
    def languages(self) -> list[str]:
        ...
    @property
    def rules_fingerprint(self) -> str:
        ...
    @property
    def user_rule_texts(self) -> list[tuple[str, str]]:
        ...
class Duration:
    """
    A period in a text: its ISO 8601 value, qualifier and offsets.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Duration) -> bool:
        ...
    def __getstate__(self) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def business_days(self) -> bool:
        ...
    @property
    def byte_end(self) -> int:
        ...
    @property
    def byte_start(self) -> int:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def full_end(self) -> int:
        ...
    @property
    def full_start(self) -> int:
        ...
    @property
    def iso(self) -> str:
        ...
    @property
    def qualifier(self) -> str:
        ...
    @property
    def range_high(self) -> bool:
        ...
    @property
    def range_low(self) -> bool:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class BatchItem:
    def __init__(self, *, id: str, source: str = '', path: str = '', data: bytes = b'', format: str = '', lang: str = '', error_code: str = '', error_message: str = '') -> None:
        ...
class BatchResult:
    @property
    def document(self) -> Document | None:
        ...
    @property
    def error_code(self) -> str:
        ...
    @property
    def error_message(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def input_bytes(self) -> int:
        ...
    @property
    def json(self) -> str:
        ...
    @property
    def looks_like_policy(self) -> bool:
        ...
    @property
    def ok(self) -> bool:
        ...
    @property
    def practices(self) -> list:
        """
        (category, stance, affirmed clauses, negated clauses) per category.
        """
    @property
    def seconds(self) -> float:
        ...
    @property
    def source(self) -> str:
        ...
def analyze_batch(analyzer: Analyzer, items: collections.abc.Sequence[BatchItem], *, threads: typing.SupportsInt | typing.SupportsIndex = 0, keep_documents: bool = False) -> list[BatchResult]:
    """
    Analyses items on a pool of `threads` (GIL released); one result per item, in order.
    """
def document_to_json(document: Document, *, id: str = '', source: str = '', include_text: bool = False, include_blocks: bool = False) -> str:
    ...
def parse_durations(text: str, lang: typing.Any = None) -> list[Duration]:
    """
    The durations in `text` (see policytext.parse_durations).
    """
__version__: str = '0.1.0'
