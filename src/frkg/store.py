"""The embedded Oxigraph store: open it, and replace it atomically.

A store is only ever written whole: the new content goes into a temporary
sibling directory, and only when that store is complete and closed is it
renamed into place (the old one is moved aside first and deleted last), so a
crash or an exception never leaves a half-written store at ``path``.

Every named graph is also copied into the default graph.  Oxigraph's
union-default mode would return a triple once per graph holding it; writing
the union into the default graph ourselves gives each triple once (an
Oxigraph store is a set of quads, so the copies deduplicate themselves).
"""
from __future__ import annotations

import fcntl
import gc
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

DEFAULT_GRAPH = ox.DefaultGraph()
_XSD_STRING = str(XSD.string)


class StoreError(Exception):
    """A store that cannot be opened or written (the message names the path and why)."""


def open_store(path: str | Path, read_only: bool = True) -> ox.Store:
    """Open the on-disk store at ``path``; read-only unless asked otherwise."""
    path = Path(path)
    if read_only:
        require_store(path)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc


def require_store(path: Path) -> None:
    """Raise :class:`StoreError` naming ``path`` and the fix when no store is there."""
    if not path.is_dir():
        raise StoreError(f"{path}: no store here; build one with `frkg build --corpus DIR --store {path}`")


def write_store(path: str | Path, quads: Iterable[ox.Quad], files: Iterable = ()) -> dict[str, int]:
    """Write ``quads`` (all in named graphs) as a new store at ``path``, atomically.

    ``files`` are further :class:`frkg.build_rdf.BulkFiles`: an N-Quads file of
    named-graph quads and its N-Triples twin for the default graph, bulk-loaded by
    Oxigraph's parser (much faster than building Python quads).
    Returns the number of triples per graph (``""`` is the default graph).
    """
    path = Path(path)
    with staged_directory(path) as staging:
        store = ox.Store(str(staging))
        store.bulk_extend(_with_default_copies(quads))
        for bulk in files:
            store.bulk_load(path=str(bulk.nquads), format=ox.RdfFormat.N_QUADS)
            store.bulk_load(path=str(bulk.ntriples), format=ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT_GRAPH)
        store.optimize()
        counts = graph_sizes(store)
        del store
        gc.collect()  # release the RocksDB lock before the directory is renamed
    return counts


@contextmanager
def staged_directory(path: Path) -> Iterator[Path]:
    """Yield an empty sibling directory of ``path``; on success swap it in as ``path``.

    On any exception the staged directory is removed and ``path`` is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    restore_interrupted_swap(path)
    staging = path.with_name(f".{path.name}.new-{uuid.uuid4().hex[:8]}")
    try:
        yield staging
        swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_in(new: Path, path: Path) -> None:
    """Rename ``new`` to ``path``; the previous ``path`` is kept until that succeeded."""
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.old-{uuid.uuid4().hex[:8]}")
        os.rename(path, old)
    try:
        os.rename(new, path)
    except BaseException:
        if old is not None:
            os.rename(old, path)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def store_lock(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` so two writers never interleave.

    ``frkg ingest`` reads the store, adds to it and writes it back; without the
    lock a concurrent build or ingest could be silently overwritten.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def restore_interrupted_swap(path: Path) -> None:
    """Put back the previous store if a crash hit between the two renames of :func:`swap_in`."""
    moved_aside = sorted(path.parent.glob(f".{path.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if moved_aside and not path.exists():
        os.rename(moved_aside[-1], path)


def graph_sizes(store: ox.Store) -> dict[str, int]:
    """Triples per graph name (``""`` for the default graph), counted inside Oxigraph."""
    sizes = {row["g"].value: int(row["n"].value) for row in store.query(
        "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    default = default_graph_size(store)
    return {**sizes, "": default} if default else sizes


def default_graph_size(store: ox.Store) -> int:
    """Number of distinct triples in the store (its default graph is the union)."""
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)


def named_quads(store: ox.Store, exclude: set[str] = frozenset()) -> Iterator[ox.Quad]:
    """All quads in named graphs, except those of the graphs named in ``exclude``."""
    for graph in store.named_graphs():
        if graph.value not in exclude:
            yield from store.quads_for_pattern(None, None, None, graph)


def graph_quads(graph: Graph, graph_name: str | URIRef) -> Iterator[ox.Quad]:
    """The triples of an rdflib graph as Oxigraph quads in ``graph_name``."""
    name = ox.NamedNode(str(graph_name))
    for s, p, o in graph:
        yield ox.Quad(ox_term(s), ox_term(p), ox_term(o), name)


def to_rdflib(quads: Iterable[ox.Quad], graph: Graph | None = None) -> Graph:
    """The triples of ``quads`` (graph names dropped) as an rdflib graph."""
    graph = graph if graph is not None else Graph()
    for quad in quads:
        graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    return graph


def ox_term(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term (blank node labels are kept, so graphs stay joined)."""
    if isinstance(term, URIRef):
        return _named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """pyoxigraph term -> rdflib term (xsd:string literals become plain literals)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=65536)
def _named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _with_default_copies(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Each quad, followed by its triple in the default graph."""
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            raise StoreError("write_store takes quads in named graphs only; the default graph is derived")
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object, DEFAULT_GRAPH)
