"""SHACL validation of asserted data against ontology/shapes.ttl (pyshacl).

Validation runs without inference: with RDFS/OWL inference a range axiom can
turn a wrong value into a "valid" one. The ontology is mixed in only for the
class hierarchy, so ``sh:class frkg:Agent`` accepts a ``frkg:Country``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from frkg.namespaces import ID


@dataclass
class ShaclResult:
    """pyshacl's verdict plus a one-line-per-violation summary naming the shape."""

    conforms: bool
    text: str
    results: Graph
    summary: list[str]


def taxonomy_individuals(ontology: Graph) -> Graph:
    """The individuals the ontology itself describes (taxonomy concepts, schemes)."""
    facts = Graph()
    for s, p, o in ontology:
        if isinstance(s, URIRef) and str(s).startswith(str(ID)):
            facts.add((s, p, o))
    return facts


def validate_data(asserted: Graph, ontology: Graph, shapes: Graph) -> ShaclResult:
    """Validate ``asserted`` (plus the taxonomy concepts it points at) against ``shapes``."""
    conforms, results, text = validate(
        asserted + taxonomy_individuals(ontology),  # a new graph: safe to validate in place
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=True,  # skips pyshacl's copy of the data graph (about 30% faster)
    )
    summary = summarise(results, shapes)
    return ShaclResult(bool(conforms), str(text), results, summary)


def validate_documents(graphs: Iterable[Graph], ontology: Graph, shapes: Graph) -> ShaclResult:
    """Validate each document graph on its own and combine the verdicts.

    A document graph is self-contained (it carries the type and label of every
    entity it mentions, see :func:`frkg.rdf.document_graphs`), so validating the
    documents one by one finds what validating their union finds, in time
    linear in the number of documents; a result found in several documents is
    reported once.
    """
    results, summary, texts, conforms = Graph(), set(), [], True
    for graph in graphs:
        one = validate_data(graph, ontology, shapes)
        conforms &= one.conforms
        if not one.conforms:
            results += one.results
            summary.update(one.summary)
            texts.append(one.text)
    return ShaclResult(conforms, combined_text(conforms, texts, len(summary)), results, sorted(summary))


def combined_text(conforms: bool, texts: list[str], count: int) -> str:
    """One pyshacl-style report from the reports of several graphs."""
    if conforms:
        return "Validation Report\nConforms: True\n"
    body = [line for text in texts for line in text.splitlines()[3:]]  # drop each 3-line header
    return "\n".join(["Validation Report", "Conforms: False", f"Results ({count}):", *body]) + "\n"


def node_shape_of(shape, shapes: Graph):
    """The named node shape a (possibly blank) property shape belongs to."""
    owner = shapes.value(None, SH.property, shape)
    return owner if owner is not None else shape


def violated_shapes(results: Graph, shapes: Graph) -> set[URIRef]:
    """Named node shapes with at least one validation result."""
    return {
        node_shape_of(shape, shapes)
        for result in results.subjects(RDF.type, SH.ValidationResult)
        for shape in results.objects(result, SH.sourceShape)
    }


def summarise(results: Graph, shapes: Graph) -> list[str]:
    """``<shape> / <property name>: <focus node>: <message>`` per result, sorted."""
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        shape = results.value(result, SH.sourceShape)
        owner = node_shape_of(shape, shapes)
        name = shapes.value(shape, SH.name)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        focus = results.value(result, SH.focusNode)
        where = f"{owner.n3(shapes.namespace_manager)}" + (f" / {name}" if name else "")
        lines.append(f"{where}: {focus}: {'; '.join(messages)}")
    return sorted(lines)
