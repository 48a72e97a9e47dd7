"""policytext: what privacy policies say about sharing, retention and advertising.

The extension module ``policytext._core`` is private; everything public is
re-exported here.
"""

from ._core import Error, __version__
from ._core import LanguageGuess, Sentence, Span, TextEngine, Token, TokenArrays, TokenList
from ._durations import Duration, parse_durations
from ._core import Clause, PracticeSummary, Summary
from ._analyze import Analyzer, analyze
from ._document import Block, Document, PolicyCheck, read
from .corpus import Annotation, Annotations, annotate_corpus, read_annotations
from ._text import detect_language, normalize, sentences, tokenize, tokenize_arrays, tokenize_batch

__all__ = ["Error", "__version__"]
__all__ += ["LanguageGuess", "Sentence", "Span", "TextEngine", "Token", "TokenArrays", "TokenList"]
__all__ += ["detect_language", "normalize", "sentences", "tokenize", "tokenize_arrays",
            "tokenize_batch"]
__all__ += ["Duration", "parse_durations"]
__all__ += ["Annotation", "Annotations", "annotate_corpus", "read_annotations"]
__all__ += ["Analyzer", "Clause", "PracticeSummary", "Summary", "analyze"]
__all__ += ["Block", "Document", "PolicyCheck", "read"]
