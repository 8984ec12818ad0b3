"""``frkg build``: documents -> extraction -> RDF -> reasoning/validation -> a fresh store.

Documents are read and extracted in a process pool (one task per document);
a document that cannot be read becomes a warning naming the file and why, and
the others are still built.  Nothing is written until the whole graph is
ready, and the store is then replaced atomically (see :mod:`frkg.store`), so
a failed build leaves the previous store as it was.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, XSD
from tqdm import tqdm

from frkg.errors import DocumentError, FrkgError
from frkg.build_rdf import BulkFiles, DocumentShacl, write_document_rdf, write_ntriples
from frkg.extract import extract_document
from frkg.links import approved_links_graph
from frkg.merge import Merged, merge_extractions
from frkg.model import Extraction
from frkg.namespaces import BUILD_GRAPH, FRKG, INFERRED_GRAPH, LINKS_GRAPH, ONTOLOGY_GRAPH
from frkg.ontology import load_ontology
from frkg.rdf import PIPELINE_VERSION, document_iri
from frkg.readers import read_document
from frkg.reasoning import reason_over_file
from frkg.store import graph_quads, store_lock, write_store

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
POOL_THRESHOLD = 8  # fewer documents than this are extracted in-process (pool start-up costs more)


class BuildError(FrkgError):
    """The build cannot produce a store (the previous store, if any, is untouched)."""


@dataclass
class BuildReport:
    """What a build read, found and wrote; saved as JSON next to the store."""

    store: str
    build_id: str
    created: str
    pipeline_version: str = PIPELINE_VERSION
    documents: list[dict] = field(default_factory=list)
    sentences: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_type: dict[str, int] = field(default_factory=dict)
    evidence: int = 0
    triples_by_graph: dict[str, int] = field(default_factory=dict)
    consistent: bool = True
    shacl_conforms: bool = True
    shacl_report: str = ""
    reasoning: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def report_path(store_path: str | Path) -> Path:
    """Where the build report of the store at ``store_path`` is written."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".report.json")


def build_store(corpus_dir: Path, store_path: Path, *, workers: int | None = None,
                target: str | None = None, progress: bool = False,
                graph_store_url: str | None = None, auth: tuple[str, str] | None = None) -> BuildReport:
    """Build a fresh store at ``store_path`` from every document in ``corpus_dir``.

    ``workers`` processes extract documents (default: all cores).  ``target``
    is a SPARQL endpoint the finished store is also uploaded to, through its
    Graph Store Protocol URL ``graph_store_url`` (see :func:`frkg.remote.upload_store`).
    """
    corpus_dir, store_path = Path(corpus_dir), Path(store_path)
    timer = _Timer(verbose=progress)
    paths = document_paths(corpus_dir, store_path)
    report = BuildReport(store=str(store_path), build_id=uuid.uuid4().hex, created=utc_now())
    with timer("extract"):
        extractions = extract_all(paths, workers, progress, report.warnings)
    if not extractions:
        problems = "; ".join(report.warnings) or "it holds no files"
        raise BuildError(f"{corpus_dir}: no readable document ({problems}); the store was not changed")
    with timer("merge"):
        merged = merge_extractions(extractions)
        report.warnings.extend(merged.warnings)
    build = build_graph(report.build_id, report.created, [ex.document.doc_id for ex in extractions])
    summarise(report, extractions, merged)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{store_path.name}.rdf-", dir=store_path.parent) as tmp:
        documents = BulkFiles(Path(tmp, "documents.nq"), Path(tmp, "documents.nt"))
        with timer("rdf"):  # and SHACL, per document in the pool
            shacl = write_document_rdf(extractions, merged, documents,
                                       lambda f, items: _map(f, items, workers), progress)
        with timer("ontology_and_links"):
            ontology, links = checked_ontology(), approved_links_graph()
        with timer("reason"):
            inferred = Path(tmp, "inferred")
            reason_and_record(documents.ntriples, ontology, shacl, report, inferred)
        with store_lock(store_path):
            with timer("write"):
                files = [documents, BulkFiles(inferred.with_suffix(".nq"), inferred.with_suffix(".nt"))]
                quads = shared_quads(ontology, links, build)
                report.triples_by_graph = write_store(store_path, quads, files)
            report.timings = timer.timings
            write_json(report_path(store_path), report.to_json())
    if target:
        upload(store_path, report, target, graph_store_url, auth)
    return report


def document_paths(corpus_dir: Path, store_path: Path | None = None) -> list[Path]:
    """Every candidate document below ``corpus_dir``.

    Hidden files, metadata sidecars and the store's own files (when the store
    lives inside the corpus folder) are not documents.
    """
    if not corpus_dir.is_dir():
        raise BuildError(f"{corpus_dir}: not a directory; pass the folder that holds the documents")
    own = store_path.resolve() if store_path else None
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and not _hidden(p.relative_to(corpus_dir)) and not p.name.endswith(SIDECAR_SUFFIXES)
        and not (own and _store_file(p.resolve(), own))
    )


def extract_all(paths: list[Path], workers: int | None, progress: bool,
                warnings: list[str]) -> list[Extraction]:
    """Read and extract every path; unreadable documents and duplicates become warnings."""
    extractions: list[Extraction] = []
    seen: dict[str, str] = {}
    results = _map(read_and_extract, paths, workers)
    for path, extraction, warning in tqdm(results, total=len(paths), desc="extract", unit="doc",
                                          disable=not progress):
        if warning:
            warnings.append(warning)
            continue
        doc_id = extraction.document.doc_id
        if doc_id in seen:
            warnings.append(f"{path}: same content as {seen[doc_id]}; built once")
            continue
        seen[doc_id] = str(path)
        warnings.extend(extraction.warnings)
        extractions.append(extraction)
    return extractions


def read_and_extract(path: Path) -> tuple[Path, Extraction | None, str | None]:
    """One document through reading and extraction; runs in a worker process."""
    try:
        return path, extract_document(read_document(path)), None
    except DocumentError as exc:
        return path, None, str(exc)
    except Exception as exc:  # one document's bug must not stop the build; name the file
        return path, None, f"{path}: extraction failed ({type(exc).__name__}: {exc})"


def checked_ontology() -> Graph:
    """The ontology graph; a file that does not parse stops the build with its name and error."""
    try:
        return load_ontology()
    except (OSError, SyntaxError, ValueError) as exc:
        raise BuildError(f"the ontology cannot be loaded: {exc}; fix the file and build again "
                         "(the store was not changed)") from exc


def reason_and_record(asserted: Path, ontology: Graph, shacl: DocumentShacl, report: BuildReport,
                      inferred: Path) -> None:
    """Reason over the asserted N-Triples file; write the inferred triples as ``inferred``.nq/.nt.

    Consistency and the per-document SHACL verdicts go to the report.
    """
    result = reason_over_file(asserted, ontology)
    write_ntriples([result.inferred], BulkFiles(inferred.with_suffix(".nq"), inferred.with_suffix(".nt")),
                   str(INFERRED_GRAPH))
    shacl_report = "\n".join(["Violations by shape:", *sorted(shacl.summary), shacl.text]) \
        if shacl.summary else shacl.text
    record_verdicts(report, result.consistent, result.explanation, shacl.conforms, shacl_report,
                    {**result.counts, "shacl_results": len(shacl.summary),
                     "shacl_seconds": round(shacl.seconds, 3)})


def record_verdicts(report: BuildReport, consistent: bool, explanation: str, shacl_conforms: bool,
                    shacl_report: str, counts: dict) -> None:
    """Consistency and SHACL results into the report, with a warning for each failure."""
    report.consistent = consistent
    report.shacl_conforms = shacl_conforms
    report.shacl_report = shacl_report if not shacl_conforms else ""
    report.reasoning = dict(counts)
    if not consistent:
        report.warnings.append(f"the graph is inconsistent with the ontology: {explanation}")
    if not shacl_conforms:
        report.warnings.append(f"SHACL validation found {counts.get('shacl_results', 'some')} problem(s); "
                               "see shacl_report in the build report or run `frkg check data --store`")


def build_graph(build_id: str, created: str, doc_ids: list[str], modified: str | None = None) -> Graph:
    """The content of graph/build: build identity, time, pipeline version and documents."""
    graph = Graph()
    graph.add((BUILD_GRAPH, FRKG.buildId, Literal(build_id)))
    graph.add((BUILD_GRAPH, DCTERMS.created, Literal(created, datatype=XSD.dateTime)))
    if modified:
        graph.add((BUILD_GRAPH, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
    graph.add((BUILD_GRAPH, FRKG.pipelineVersion, Literal(PIPELINE_VERSION)))
    for doc_id in doc_ids:
        graph.add((BUILD_GRAPH, PROV.used, document_iri(doc_id)))
    return graph


def shared_quads(ontology: Graph, links: Graph, build: Graph) -> Iterator[ox.Quad]:
    """The quads of the graphs every store has besides the document and inferred graphs."""
    yield from graph_quads(ontology, ONTOLOGY_GRAPH)
    yield from graph_quads(links, LINKS_GRAPH)
    yield from graph_quads(build, BUILD_GRAPH)


def summarise(report: BuildReport, extractions: list[Extraction], merged: Merged) -> None:
    """Per-document counts, and distinct entities and facts by type across the corpus."""
    for ex in extractions:
        report.documents.append({
            "doc_id": ex.document.doc_id, "file": ex.document.path, "title": ex.document.title,
            "sentences": len(ex.sentences), "mentions": len(ex.mentions),
            "entities": len(ex.entities), "facts": len(ex.facts),
        })
        report.sentences += len(ex.sentences)
    report.entities_by_type = dict(sorted(Counter(e.entity_type for e in merged.entities).items()))
    report.facts_by_type = dict(sorted(Counter(f.kind for f in merged.facts).items()))
    report.evidence = sum(len(f.evidence) for f in merged.facts)


def upload(store_path: Path, report: BuildReport, target: str, graph_store_url: str | None,
           auth: tuple[str, str] | None) -> None:
    """Push the finished store to a remote SPARQL endpoint (frkg.remote)."""
    from frkg.remote import upload_store

    started = time.perf_counter()
    upload_store(store_path, target, graph_store_url=graph_store_url, auth=auth)
    report.timings["upload"] = round(time.perf_counter() - started, 3)
    write_json(report_path(store_path), report.to_json())


def _map(function: Callable, items: list, workers: int | None) -> Iterator:
    """``map`` in a process pool across documents, or in-process for a handful of them."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(items) < POOL_THRESHOLD:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, items, chunksize=max(1, min(32, len(items) // (workers * 4))))


def utc_now() -> str:
    """Current time as xsd:dateTime in UTC (``Z``, the form Oxigraph writes back)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _store_file(path: Path, store: Path) -> bool:
    """``path`` is inside the store directory or is its report or lock file."""
    return path.is_relative_to(store) or path.name in {store.name + ".report.json", store.name + ".lock"}


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def write_json(path: Path, text: str) -> None:
    """Write a file atomically (temporary sibling, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)


class _Timer:
    """Wall-clock seconds per named stage, plus the total since creation.

    With ``verbose`` each stage is announced on stderr as it starts, so a long
    reasoning or write stage on a big corpus does not look like a hang.
    """

    def __init__(self, verbose: bool = False) -> None:
        self.timings: dict[str, float] = {}
        self.verbose = verbose
        self._started = time.perf_counter()

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        if self.verbose and name != "extract":  # extraction has its own progress bar
            tqdm.write(f"{name}...", file=sys.stderr)
        yield
        self.timings[name] = round(time.perf_counter() - started, 3)
        self.timings["total"] = round(time.perf_counter() - self._started, 3)
