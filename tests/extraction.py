"""Helpers for extraction tests: run the real pipeline on a dev sentence and pick out what it found."""
from __future__ import annotations

from frkg.extract import extract_document
from frkg.model import Document, Extraction, Fact
from frkg.readers import document_id


def run(text: str) -> Extraction:
    """Extract ``text`` as a one-document corpus (file name ``t.txt``)."""
    return extract_document(Document(document_id(text), "t.txt", text))


def facts(text: str, kind: str) -> list[Fact]:
    return [f for f in run(text).facts if f.kind == kind]


def entities(text: str) -> set[tuple[str, str]]:
    return {(e.key, e.entity_type) for e in run(text).entities}


def sentence_of(text: str, f: Fact) -> str:
    """The sentence a fact's first evidence was read from."""
    return run(text).sentences[f.evidence[0].sentence_index].text


def trades(text: str) -> list[tuple]:
    """(kind, exporter, importer, amount, currency, dealDate) of every Deal and Export."""
    return [(f.kind, f.roles.get("exporter"), f.roles.get("importer"), f.values.get("amount"),
             f.values.get("currency"), f.values.get("dealDate"))
            for f in run(text).facts if f.kind in ("Deal", "Export")]


def affiliations(text: str) -> set[tuple[str, str, str]]:
    """(member, organization, role) of every Affiliation."""
    return {(f.roles["member"][0], f.roles["organization"][0], f.values.get("role", ""))
            for f in facts(text, "Affiliation")}


def uses(text: str) -> list[tuple]:
    """(technology, user, rule) of every TechnologyUse."""
    return [(f.roles.get("technology"), f.roles.get("user", ()), f.evidence[0].rule)
            for f in facts(text, "TechnologyUse")]


def stats(text: str) -> dict[str, tuple]:
    """exporter -> (dealCount, countryCount, rank) of every DealStatistic."""
    return {f.roles["exporter"][0]: (f.values.get("dealCount"), f.values.get("countryCount"), f.values.get("rank"))
            for f in facts(text, "DealStatistic")}
