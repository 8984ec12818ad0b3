"""Plain data passed between the pipeline stages.

documents -> sentences -> mentions -> entities -> facts -> RDF.
Every stage is a function from one of these types to the next, so each can be
tested alone and run in a worker process (all types are picklable).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Value = str | int | float | bool | dt.date


@dataclass(frozen=True)
class Document:
    """One source document, read and normalised to plain text.

    ``doc_id`` is derived from the SHA-256 of ``text`` so identity is stable
    across file names and re-ingestion.
    """

    doc_id: str
    path: str
    text: str
    media_type: str = "text/plain"
    title: str | None = None
    source_url: str | None = None
    published: str | None = None  # ISO date, year-month or year, as given
    publisher: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character offsets in ``Document.text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity (``key`` is the entity key)."""

    doc_id: str
    sentence_index: int
    start: int  # offsets in the document text
    end: int
    text: str
    key: str  # entity key, e.g. "country/CN", "org/huawei"
    entity_type: str  # ontology class local name, e.g. "Country", "Firm"
    rule: str  # which matcher found it, e.g. "gazetteer", "pattern:appositive-affiliation"
    confidence: float = 1.0


@dataclass(frozen=True)
class Entity:
    """What an entity is: its type, names and verified identifiers."""

    key: str
    entity_type: str
    label: str
    aliases: tuple[str, ...] = ()
    attributes: tuple[tuple[str, Value], ...] = ()  # e.g. (("country", "country/CN"),)
    external_ids: tuple[tuple[str, str], ...] = ()  # (("wikidata", "Q148"),) verified only


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document, sentence and exact character span."""

    doc_id: str
    sentence_index: int
    start: int  # span offsets in the document text
    end: int
    quote: str  # document.text[start:end]
    rule: str
    confidence: float


@dataclass
class Fact:
    """An n-ary fact (deal statistic, measure, concern, statement, ...).

    ``kind`` is the ontology class local name (``DealStatistic``, ``Sanction``...).
    ``roles`` maps an ontology property local name to entity keys; ``values``
    maps a property local name to literal values.  ``key`` identifies the fact
    for merging across sentences and documents.
    """

    kind: str
    roles: dict[str, tuple[str, ...]]
    values: dict[str, Value]
    evidence: list[Evidence] = field(default_factory=list)
    # For facts that describe a node known by its own key (a Study), that key:
    # the fact's roles and values are then statements about that node.
    subject: str | None = None

    @property
    def key(self) -> str:
        from frkg.identity import fact_key

        return fact_key(self)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    entities: list[Entity]
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)
