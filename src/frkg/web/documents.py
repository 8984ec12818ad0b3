"""Document pages: the text with entity mentions linked, evidence highlighted, and its facts.

Reached through the entity page route (a document is an entity with
``frkg:text``); ``?span=start-end`` marks one evidence span, which is where
evidence links on entity pages point.
"""
from __future__ import annotations

import bisect

import pyoxigraph as ox
from flask import url_for

from frkg.app import backend
from frkg.web import entity, terms
from frkg.web import entity_queries as eq
from frkg.web import facts as fact_lib
from frkg.web.negotiation import respond
from frkg.web.terms import PREFIX_SPARQL

DOCUMENT = PREFIX_SPARQL + """
SELECT ?s ?p ?o WHERE {
  VALUES ?p { dcterms:title frkg:text frkg:fileName schema:url dcterms:issued dcterms:publisher frkg:contentHash }
  ?s ?p ?o }"""

MENTIONS = PREFIX_SPARQL + """
SELECT DISTINCT ?s ?start ?end ?ent ?label WHERE {
  ?m frkg:inDocument ?s .
  OPTIONAL { ?m frkg:denotes ?ent OPTIONAL { ?ent rdfs:label ?label } }
  OPTIONAL { ?m frkg:start ?start } OPTIONAL { ?m frkg:end ?end }
  FILTER(BOUND(?ent) && BOUND(?start) && BOUND(?end)) }"""

# Anchored on ?s first, the rest in one-pattern OPTIONALs: see frkg.web.entity_queries on join order.
FACT_ROLES = PREFIX_SPARQL + f"""
SELECT DISTINCT ?s ?f ?p ?v ?vlabel WHERE {{ ?ev frkg:inDocument ?s .
  OPTIONAL {{ ?f frkg:hasEvidence ?ev
             OPTIONAL {{ GRAPH ?g {{ ?f ?p ?v }} FILTER(?g != {eq.INFERRED} && ?p != frkg:hasEvidence)
                        OPTIONAL {{ ?v rdfs:label ?vlabel }} }} }}
  FILTER(BOUND(?p)) }}"""
FACT_EVIDENCE = PREFIX_SPARQL + f"""
SELECT DISTINCT ?s ?f ?ev ?quote ?start ?end ?conf ?rule ?doc ?doctitle ?docfile ?stext ?sstart WHERE {{
  ?ev frkg:inDocument ?s .
  OPTIONAL {{ ?f frkg:hasEvidence ?ev }} FILTER(BOUND(?f))
  {eq.EVIDENCE_DETAILS} }}"""

def render(key: str, subject: ox.NamedNode, fmt: str):
    """The document page or its JSON twin."""
    return respond(fmt, "document.html", document_data(key, subject), twins=entity.twins(key))


def document_data(key: str, subject: ox.NamedNode) -> dict:
    """Metadata, text segments (mentions linked, evidence span marked) and the facts read from it."""
    b = backend()
    bind = {"s": subject}
    meta = {terms.local_name(r["p"].value): terms.view(r["o"]) for r in b.select(DOCUMENT, bind)}
    text = meta.pop("text", {}).get("value", "")
    mentions = _mentions(b.select(MENTIONS, bind), len(text))
    span = entity.requested_span()
    models = fact_lib.fact_models(b, b.select(FACT_ROLES, bind), b.select(FACT_EVIDENCE, bind))
    facts = sorted(models.values(), key=_first_offset)
    for fact in facts:
        fact["sentence"] = fact_lib.sentence_text(fact["headline"])
    title = (meta.get("title") or {}).get("value") or (meta.get("fileName") or {}).get("value") or key
    return {
        "entity": {"iri": subject.value, "key": key, "label": title, "href": url_for("entity.page", key=key)},
        "meta": meta,
        "text": text,
        "segments": segments(text, mentions, span),
        "mentions": mentions,
        "span": list(span) if span else None,
        "facts": facts,
    }


def _first_offset(fact: dict) -> int:
    """Where in the document the fact's earliest evidence starts (facts are listed in reading order)."""
    return min((e["start"] or 0 for e in fact["evidence"]), default=0)


def _mentions(rows: list[dict], length: int) -> list[dict]:
    """Mentions inside the text, sorted, overlaps dropped (the earlier, longer one wins)."""
    found = []
    for row in rows:
        start, end = terms.number(row["start"]), terms.number(row["end"])
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            label = terms.literal_value(row.get("label"))
            found.append({"start": start, "end": end, "entity": terms.view(row["ent"], label)})
    found.sort(key=lambda m: (m["start"], -m["end"]))
    kept: list[dict] = []
    for mention in found:
        if not kept or mention["start"] >= kept[-1]["end"]:
            kept.append(mention)
    return kept


def segments(text: str, mentions: list[dict], span: tuple[int, int] | None) -> list[dict]:
    """Cut the text at every mention and span boundary; each piece knows its link and mark."""
    cuts = {0, len(text)}
    for m in mentions:
        cuts.update((m["start"], m["end"]))
    if span:
        cuts.update(min(max(x, 0), len(text)) for x in span)
    bounds = sorted(cuts)
    pieces = []
    starts = [m["start"] for m in mentions]  # sorted, non-overlapping (see _mentions)
    for a, b in zip(bounds, bounds[1:]):
        i = bisect.bisect_right(starts, a) - 1
        mention = mentions[i] if i >= 0 and b <= mentions[i]["end"] else None
        marked = bool(span and span[0] <= a and b <= span[1] and span[0] < span[1])
        pieces.append({"text": text[a:b], "start": a, "href": mention["entity"]["href"] if mention else None,
                       "title": mention["entity"]["label"] if mention else None, "mark": marked})
    marked_at = [i for i, p in enumerate(pieces) if p["mark"]]
    for i, piece in enumerate(pieces):
        piece["open_mark"] = bool(marked_at) and i == marked_at[0]
        piece["close_mark"] = bool(marked_at) and i == marked_at[-1]
    return pieces
