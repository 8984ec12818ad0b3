"""Split a document into sentences with character offsets into its text.

Uses spaCy's blank English pipeline with the rule-based sentencizer (no model
download).  Lines are parsed separately, so a headline or a "Share" line never
runs into the next paragraph; offsets are shifted back to the whole text.
Unicode spaces (no-break spaces are common in web text) are parsed as plain
spaces of the same length, so offsets stay exact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from frkg.model import Document, Sentence

_LINE = re.compile(r"[^\n]+")
MAX_SENTENCE_CHARS = 1500
MAX_QUOTE_CHARS = 700
_ODD_SPACE = re.compile(r"[^\S\n ]")
_OPENING_QUOTES = "“‘\"'«"
# "5G." and "the US." end sentences: split the stop from digit+capital and acronyms.
_EXTRA_SUFFIXES = (r"(?<=[0-9][A-Z])\.", r"(?<=[A-Z]{2})\.")


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The process-wide pipeline: blank English + sentencizer, built once."""
    pipeline = spacy.blank("en")
    suffixes = list(pipeline.Defaults.suffixes or ()) + list(_EXTRA_SUFFIXES)
    pipeline.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    pipeline.add_pipe("sentencizer")
    return pipeline


@dataclass
class Parsed:
    """A document's sentences plus the parsed lines the matchers run on.

    ``lines`` holds ``(offset, doc)``: token ``t`` of ``doc`` starts at
    ``offset + t.idx`` in the document text.
    """

    sentences: list[Sentence]
    lines: list[tuple[int, Doc]]


def plain_text(text: str) -> str:
    """``text`` with every Unicode space except newline replaced by ' ' (same length)."""
    return _ODD_SPACE.sub(" ", text)


def parse(document: Document) -> Parsed:
    """Tokenise ``document`` line by line and cut it into sentences."""
    text = plain_text(document.text)
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    docs = list(zip((offset for offset, _ in lines), nlp().pipe(line for _, line in lines)))
    bounds: list[tuple[int, int]] = []
    for offset, doc in docs:
        bounds.extend(_join_open_quotes(_move_opening_quotes(
            [(offset + s.start_char, offset + s.end_char) for s in doc.sents], text), text))
    sentences: list[Sentence] = []
    for start, end in (piece for bound in bounds for piece in _cap_length(text, *bound)):
        start, end = _trim(text, start, end)
        if end > start:
            sentences.append(Sentence(document.doc_id, len(sentences), start, end,
                                      document.text[start:end]))
    return Parsed(sentences, docs)


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" (lists, tables, text without stops) at spaces every
    :data:`MAX_SENTENCE_CHARS`, so the fact rules' work per sentence stays bounded."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def split_sentences(document: Document) -> list[Sentence]:
    """The sentences of ``document`` in order, 0-based indices."""
    return parse(document).sentences


def _move_opening_quotes(bounds: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """An opening quote the sentencizer left at the end of a sentence starts the next one."""
    fixed = list(bounds)
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        stripped = text[start:end].rstrip()
        if len(stripped) >= 2 and stripped[-1] in _OPENING_QUOTES and stripped[-2].isspace():
            cut = start + len(stripped) - 1
            fixed[i] = (start, cut)
            fixed[i + 1] = (cut, fixed[i + 1][1])
    return fixed


def _open_quote(piece: str) -> bool:
    """Whether ``piece`` opens a quotation it does not close."""
    return piece.count("“") > piece.count("”") or piece.count('"') % 2 == 1


def _join_open_quotes(bounds: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A quotation of several sentences ("It works. It is lawful," she said) stays one
    sentence, so the quote and its attribution are read together (bounded in length)."""
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        if joined and _open_quote(text[joined[-1][0]:joined[-1][1]]) \
                and end - joined[-1][0] <= MAX_QUOTE_CHARS:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
