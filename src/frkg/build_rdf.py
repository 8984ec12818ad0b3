"""Per-document RDF and SHACL for ``frkg build``, in worker processes, streamed to files.

Each document's graph is self-contained (it carries the merged description of
every entity and fact it refers to, see :func:`frkg.rdf.document_views`), so
turning it into RDF and validating it against the shapes are independent per
document and run in the process pool.  Workers return N-Triples bytes, which
are appended to two files next to the store: N-Quads (the document graphs) and
N-Triples (their default-graph copies).  Oxigraph bulk-loads both; no rdflib
graph of the whole corpus is ever held in memory.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from frkg.merge import Merged
from frkg.model import Extraction
from frkg.namespaces import document_graph
from frkg.ontology import load_ontology, load_shapes
from frkg.rdf import document_views, extraction_to_graph
from frkg.validation import combined_text, validate_data


BATCH = 16  # documents per worker task (see documents_rdf)


@dataclass(frozen=True)
class BulkFiles:
    """Quads in named graphs (``nquads``) and the same triples for the default graph (``ntriples``)."""

    nquads: Path
    ntriples: Path


@dataclass
class DocumentShacl:
    """The SHACL verdicts of the document graphs, combined."""

    conforms: bool = True
    summary: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, conforms: bool, text: str, summary: list[str], seconds: float) -> None:
        self.seconds += seconds
        if not conforms:
            self.conforms = False
            self.summary.update(summary)
            self.texts.append(text)

    @property
    def text(self) -> str:
        return combined_text(self.conforms, self.texts, len(self.summary))


def write_document_rdf(extractions: list[Extraction], merged: Merged, files: BulkFiles,
                       mapper: Callable[[Callable, list], Iterator], progress: bool = False) -> DocumentShacl:
    """Write every document graph to ``files``; returns the combined SHACL verdict.

    ``mapper`` maps a function over the views (a process pool or plain ``map``).
    """
    views = document_views(extractions, merged)
    batches = [views[i:i + BATCH] for i in range(0, len(views), BATCH)]
    shacl = DocumentShacl()
    with open(files.nquads, "wb") as nquads, open(files.ntriples, "wb") as ntriples, \
            tqdm(total=len(views), desc="rdf+shacl", unit="doc", disable=not progress) as bar:
        for documents, verdict in mapper(documents_rdf, batches):
            for doc_id, triples in documents:
                ntriples.write(triples)
                nquads.write(in_graph(triples, str(document_graph(doc_id))))
            shacl.add(*verdict)
            bar.update(len(documents))
    return shacl


def documents_rdf(views: list[Extraction]) -> tuple[list[tuple[str, bytes]], tuple[bool, str, list[str], float]]:
    """A batch of document views -> each graph as N-Triples, and the batch's SHACL verdict (runs in a worker).

    The batch is validated as one graph: pyshacl's set-up (shapes, ontology mix-in)
    costs more than validating one document, and the union of self-contained
    document graphs gives the same results as the documents one by one.
    """
    graphs = [(view.document.doc_id, extraction_to_graph(view)) for view in views]
    started = time.perf_counter()
    union = Graph()
    for _, graph in graphs:
        union += graph
    ontology, shapes = _shacl_inputs()
    result = validate_data(union, ontology, shapes)
    verdict = (result.conforms, result.text, result.summary, time.perf_counter() - started)
    return [(doc_id, graph.serialize(format="nt", encoding="utf-8")) for doc_id, graph in graphs], verdict


@lru_cache(maxsize=1)
def _shacl_inputs() -> tuple[Graph, Graph]:
    """The ontology and shapes, parsed once per worker process."""
    return load_ontology(), load_shapes()


def in_graph(ntriples: bytes, graph: str) -> bytes:
    """N-Triples -> N-Quads in ``graph`` (an N-Triples line always ends with `` .``;
    newlines inside literals are escaped, so every line is one triple)."""
    return ntriples.replace(b" .\n", f" <{graph}> .\n".encode())


def write_ntriples(triples: Iterable[bytes], files: BulkFiles, graph: str) -> None:
    """Write N-Triples chunks to ``files`` for ``graph`` and for the default graph."""
    with open(files.nquads, "wb") as nquads, open(files.ntriples, "wb") as ntriples:
        for chunk in triples:
            ntriples.write(chunk)
            nquads.write(in_graph(chunk, graph))
