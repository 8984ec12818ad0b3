"""``frkg ingest``: add documents to an existing store without re-extracting the others.

A document is identified by its content hash, so a file whose content is
already in the store is a no-op.  New documents get their own named graphs;
a fact they share with stored documents has the same IRI and so gains their
evidence in the union.  The store directory is copied, the new graphs and
what they entail beyond the stored closure are added to the copy (semi-naive
reasoning, consistency checks on the new triples, SHACL on the new documents),
and the copy is swapped in (see :mod:`frkg.store`): a failure at any point
leaves the store as it was.
"""
from __future__ import annotations

import gc
import shutil
import time
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from frkg.build import BuildError, build_graph, read_and_extract, utc_now
from frkg.merge import merge_extractions
from frkg.model import Extraction
from frkg.namespaces import BUILD_GRAPH, FRKG, GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, document_graph, key_of
from frkg.rdf import document_graphs
from frkg.reasoning import IncrementalResult, reason_incrementally
from frkg.store import (
    default_graph_size, graph_quads, open_store, ox_term, require_store, staged_directory, store_lock, to_rdflib,
)

DOC_GRAPH_PREFIX = str(GRAPH["doc/"])


@dataclass
class IngestReport:
    """What an ingest added, skipped and changed."""

    store: str
    added: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples_before: int = 0
    triples_after: int = 0
    build_id: str = ""
    consistent: bool = True
    shacl_conforms: bool = True
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def ingest_files(paths: Iterable[str | Path], store_path: str | Path) -> IngestReport:
    """Add the documents in ``paths`` to the store at ``store_path``."""
    store_path = Path(store_path)
    started = time.perf_counter()
    require_store(store_path)
    with store_lock(store_path):
        store = open_store(store_path, read_only=True)
        report = IngestReport(store=str(store_path), triples_before=default_graph_size(store),
                              build_id=stored_build_id(store))
        known = stored_document_ids(store)
        new = new_extractions([Path(p) for p in paths], known, report)
        plan = plan_ingest(store, store_path, new, known, report) if new else None
        del store
        gc.collect()  # close the read-only handle before the directory is copied
        if plan:
            apply_plan(store_path, plan, report)
        else:
            report.triples_after = report.triples_before
    report.timings["total"] = round(time.perf_counter() - started, 3)
    return report


def new_extractions(paths: list[Path], known: set[str], report: IngestReport) -> list[Extraction]:
    """Extractions of the documents whose content is not in the store yet."""
    extractions: list[Extraction] = []
    for path in paths:
        _, extraction, warning = read_and_extract(path)
        if warning:
            report.warnings.append(warning)
            continue
        doc_id = extraction.document.doc_id
        entry = {"doc_id": doc_id, "file": str(path)}
        if doc_id in known:
            report.unchanged.append(entry)
            continue
        known.add(doc_id)
        report.warnings.extend(extraction.warnings)
        report.added.append(entry)
        extractions.append(extraction)
    return extractions


@dataclass
class IngestPlan:
    """What an ingest adds, read from the store before the copy is written."""

    new_graphs: dict[str, Graph]
    ontology: Graph
    build: Graph
    old_build: list[ox.Quad]


def plan_ingest(store: ox.Store, store_path: Path, new: list[Extraction], known: set[str],
                report: IngestReport) -> IngestPlan:
    """The new document graphs (agreeing with the store), the stored ontology and the new build graph."""
    new_graphs = new_document_graphs(store, new, report)
    ontology = stored_ontology(store, store_path)
    report.build_id = uuid.uuid4().hex
    now = utc_now()
    build = build_graph(report.build_id, stored_created(store) or now, sorted(known), modified=now)
    old_build = list(store.quads_for_pattern(None, None, None, ox.NamedNode(str(BUILD_GRAPH))))
    return IngestPlan(new_graphs, ontology, build, old_build)


def apply_plan(store_path: Path, plan: IngestPlan, report: IngestReport) -> None:
    """Add the new documents and what they entail to a copy of the store, then swap the copy in.

    Nothing stored is re-read into Python: the closure already in the store is
    extended by the new triples only (:func:`frkg.reasoning.reason_incrementally`),
    and only the new documents are validated against the shapes.  Any failure
    removes the copy and leaves the store as it was (:mod:`frkg.store`).
    """
    inferred = ox.NamedNode(str(INFERRED_GRAPH))
    with staged_directory(store_path) as staging:
        shutil.copytree(store_path, staging)
        copy = ox.Store(str(staging))
        remove_quads(copy, plan.old_build)
        copy.extend(q for doc_id, g in plan.new_graphs.items() for q in graph_quads(g, document_graph(doc_id)))
        result = reason_incrementally(copy, list(plan.new_graphs.values()), plan.ontology)
        record_verdicts(report, result)
        for triple in result.no_longer_inferred:
            copy.remove(ox.Quad(*triple, inferred))  # now asserted: its default-graph copy stays
        copy.extend(ox.Quad(*triple, inferred) for triple in result.added)  # already in the default graph
        copy.extend(q for quad in graph_quads(plan.build, BUILD_GRAPH)
                    for q in (quad, ox.Quad(quad.subject, quad.predicate, quad.object)))
        copy.flush()
        report.triples_after = default_graph_size(copy)
        del copy
        gc.collect()  # release the RocksDB lock before the directory is renamed


def record_verdicts(report: IngestReport, result: IncrementalResult) -> None:
    """Consistency and the new documents' SHACL verdict into the report, with warnings."""
    report.consistent, report.shacl_conforms = result.consistent, result.shacl_conforms
    if not result.consistent:
        report.warnings.append(f"the graph is inconsistent with the ontology: {result.explanation}")
    if not result.shacl_conforms:
        report.warnings.append(f"SHACL validation of the new documents found {len(result.shacl_summary)} "
                               "problem(s); run `frkg check data --store` for the report")


def remove_quads(store: ox.Store, quads: list[ox.Quad]) -> None:
    """Remove ``quads`` and their default-graph copies unless another graph still holds the triple."""
    for quad in quads:
        store.remove(quad)
    for quad in quads:
        triple = (quad.subject, quad.predicate, quad.object)
        if not any(True for _ in store.quads_for_pattern(*triple, None)
                   if not isinstance(_.graph_name, ox.DefaultGraph)):
            store.remove(ox.Quad(*triple))


def stored_ontology(store: ox.Store, store_path: Path) -> Graph:
    """The ontology the store was built with (ingest reasons with it, not with the current file)."""
    ontology = to_rdflib(store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))))
    if not len(ontology):
        raise BuildError(f"{store_path}: the store has no ontology graph; rebuild it with `frkg build`")
    return ontology


def new_document_graphs(store: ox.Store, new: list[Extraction], report: IngestReport) -> dict[str, Graph]:
    """The new documents' graphs, merged among themselves and made to agree with the store."""
    merged = merge_extractions(new)
    report.warnings.extend(merged.warnings)
    graphs = document_graphs(new, merged)
    for doc_id, graph in graphs.items():
        report.warnings.extend(keep_stored_values(graph, store, doc_id))
    return graphs


def keep_stored_values(graph: Graph, store: ox.Store, doc_id: str) -> list[str]:
    """Make a new document graph agree with the store the way :mod:`frkg.merge` agrees sources.

    The first source wins: where the store's documents already give an entity
    or fact a label, type or literal value, a different one from the new
    document is dropped (a different label is kept as ``skos:altLabel``, a
    specific type may refine ``frkg:Organization``).  Roles, aliases and
    evidence are united.  Returns warnings for the conflicting values dropped.
    """
    warnings = []
    for s, p, o in list(graph):
        if p == SKOS.altLabel or (p != RDF.type and not isinstance(o, Literal)):
            continue
        stored = stored_objects(store, s, p)
        if not stored or ox_term(o) in stored:
            continue
        if p == RDF.type and stored == {ox_term(FRKG.Organization)}:
            continue
        graph.remove((s, p, o))
        if p == RDFS.label:
            graph.add((s, SKOS.altLabel, o))
        elif p != RDF.type:
            values = ", ".join(sorted(repr(v.value) for v in stored))
            warnings.append(f"{key_of(s) or s}: {_local(p)} is {values} in the store but {str(o)!r} "
                            f"in doc {doc_id}; kept the stored value")
    return warnings


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def stored_objects(store: ox.Store, subject: URIRef, predicate: URIRef) -> set:
    """Objects the store's document graphs give ``subject`` for ``predicate``."""
    return {q.object for q in store.quads_for_pattern(ox_term(subject), ox_term(predicate), None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(DOC_GRAPH_PREFIX)}


def stored_document_ids(store: ox.Store) -> set[str]:
    """Ids of the documents that have a named graph in the store."""
    return {g.value[len(DOC_GRAPH_PREFIX):] for g in store.named_graphs() if g.value.startswith(DOC_GRAPH_PREFIX)}


def stored_build_id(store: ox.Store) -> str:
    return _build_value(store, FRKG.buildId)


def stored_created(store: ox.Store) -> str:
    return _build_value(store, DCTERMS.created)


def _build_value(store: ox.Store, predicate: URIRef) -> str:
    """One literal of the build graph's description (empty if absent)."""
    build = ox.NamedNode(str(BUILD_GRAPH))
    for quad in store.quads_for_pattern(build, ox.NamedNode(str(predicate)), None, build):
        return quad.object.value
    return ""

