"""Reason over asserted data: OWL 2 RL materialisation, consistency, SHACL.

``reason`` is what ``frkg build`` and ``frkg check data`` call. Inference runs
the rules compiled from the ontology (frkg.rules) to a fixpoint in an
in-memory Oxigraph store, which scales to the data sizes frkg meets; HermiT
double-checks the ontology and, when the data is small, the data too; SHACL
(frkg.validation) checks the asserted data.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from frkg.hermit import run_hermit, without_literals
from frkg.namespaces import FRKG, GRAPH, ID, INFERRED_GRAPH
from frkg.ontology import load_ontology, load_shapes
from frkg.rules import Check, RuleSet, compile_ontology
from frkg.namespaces import ONTOLOGY_GRAPH
from frkg.store import ox_term, rdflib_term, to_rdflib
from frkg.validation import taxonomy_individuals, validate_data, validate_documents

HERMIT_DATA_LIMIT = 2000  # individuals; above this HermiT checks the ontology only
MAX_ITERATIONS = 100


@dataclass
class ReasoningResult:
    """Outcome of :func:`reason`; ``inferred`` holds only triples not asserted."""

    consistent: bool
    explanation: str
    inferred: Graph
    shacl_conforms: bool
    shacl_report: str
    counts: dict[str, int | float] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    shacl_summary: list[str] = field(default_factory=list)  # "<shape> / <property>: <node>: <message>"


def _short(term) -> str:
    text = str(term)
    for prefix, ns in (("id:", str(ID)), ("frkg:", str(FRKG))):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return f"<{text}>"


# -- the pipeline -----------------------------------------------------------------


@lru_cache(maxsize=4)
def _compiled(ontology_nt: bytes) -> RuleSet:
    return compile_ontology(Graph().parse(data=ontology_nt, format="nt"))


@lru_cache(maxsize=4)
def _hermit_tbox(ontology_nt: bytes) -> tuple[bool, tuple[str, ...], str]:
    result = run_hermit(Graph().parse(data=ontology_nt, format="nt"))
    return result.consistent, tuple(result.unsatisfiable), result.error


def materialise(store: ox.Store, rules: RuleSet) -> int:
    """Run the rules until nothing new is derived; returns the iteration count."""
    for iteration in range(1, MAX_ITERATIONS + 1):
        before = len(store)
        for rule in rules.rules:
            store.update(rule.update)
        if len(store) == before:
            return iteration
    raise RuntimeError(f"no fixpoint after {MAX_ITERATIONS} iterations: a rule keeps inventing terms")


DELTA_GRAPH = ox.NamedNode("urn:frkg:reasoning:delta")
DERIVED_GRAPH = ox.NamedNode("urn:frkg:reasoning:derived")


def extend_closure(store: ox.Store, new: list[ox.Triple], rules: RuleSet) -> list[ox.Triple]:
    """Add ``new`` to a ``store`` whose default graph is already closed under ``rules``,
    and close it again by semi-naive evaluation; returns the triples derived.

    The rules are monotone, so the closure of old and new is reached from the old
    closure by firing only rule instances that use at least one new triple: each
    round matches one body pattern against the previous round's new triples
    (graph ``DELTA_GRAPH``) and the rest against everything.  This touches the
    neighbourhood of the new triples instead of re-running every rule over the store.
    """
    updates = [u for rule in dict.fromkeys(rules.rules)
               for u in rule.delta_updates(DELTA_GRAPH.value, DERIVED_GRAPH.value)]
    delta = [t for t in dict.fromkeys(new) if not _in_default(store, t)]
    derived: list[ox.Triple] = []
    for _ in range(MAX_ITERATIONS):
        if not delta:
            return derived
        store.extend(ox.Quad(*t) for t in delta)
        store.extend(ox.Quad(*t, DELTA_GRAPH) for t in delta)
        for update in updates:
            store.update(update)
        found = [ox.Triple(q.subject, q.predicate, q.object)
                 for q in store.quads_for_pattern(None, None, None, DERIVED_GRAPH)]
        store.remove_graph(DELTA_GRAPH)
        store.remove_graph(DERIVED_GRAPH)
        delta = [t for t in dict.fromkeys(found) if not _in_default(store, t)]
        derived.extend(delta)
    raise RuntimeError(f"no fixpoint after {MAX_ITERATIONS} iterations: a rule keeps inventing terms")


def _in_default(store: ox.Store, triple: ox.Triple) -> bool:
    return next(iter(store.quads_for_pattern(*triple, ox.DefaultGraph())), None) is not None


def _value(term) -> str:
    return _short(term) if isinstance(term, URIRef) else repr(str(term))


def _violation(check: Check, row, stated_types: Callable[[URIRef], set]) -> str:
    values = [rdflib_term(v) for v in row]
    if check.kind == "disjoint":
        x, c1, c2 = values
        types = stated_types(x)
        stated = ", ".join(sorted(_short(t) for t in types)) or "none"
        if c1 == c2:
            return f"{_short(x)} is an instance of owl:Nothing (asserted types: {stated})"
        return (
            f"{_short(x)} is both {_short(c1)} and {_short(c2)}, which the ontology declares "
            f"disjoint (asserted types: {stated}; the rest follows from subclass, domain and range axioms)"
        )
    x, p, a, b = values
    return f"{_short(x)} has two values for functional property {_short(p)}: {_value(a)} and {_value(b)}"


def find_violations(store: ox.Store, rules: RuleSet,
                    stated: tuple[Graph, ...] | Callable[[URIRef], set]) -> list[str]:
    """Consistency violations in the materialised store, one readable line each
    (``stated``, graphs or a function of a node, supplies the asserted types the
    explanation lists)."""
    if not callable(stated):
        graphs = stated
        stated = lambda x: {t for graph in graphs for t in graph.objects(x, RDF.type)}  # noqa: E731
    return _violations(store, [(check, check.query) for check in rules.checks], stated)


def _violations(store: ox.Store, queries: list[tuple[Check, str]], stated: Callable[[URIRef], set]) -> list[str]:
    found = set()
    for check, query in queries:
        for row in store.query(query):
            found.add(f"[{check.name}] {_violation(check, row, stated)}")
    return sorted(found)


def find_new_violations(store: ox.Store, rules: RuleSet, new: list[ox.Triple],
                        stated: tuple[Graph, ...]) -> list[str]:
    """The violations in the materialised ``store`` that involve a triple of ``new``:
    in a store that was consistent, every violation after adding ``new``."""
    store.extend(ox.Quad(*t, DELTA_GRAPH) for t in new)
    try:
        queries = [(check, q) for check in rules.checks for q in check.delta_queries(DELTA_GRAPH.value)]
        return _violations(store, queries, lambda x: {t for g in stated for t in g.objects(x, RDF.type)})
    finally:
        store.remove_graph(DELTA_GRAPH)


def _individuals(graph: Graph) -> int:
    return len({s for s in graph.subjects() if isinstance(s, URIRef)})


def _hermit_verdict(ontology: Graph, ontology_nt: bytes, asserted: Graph, individuals: int) -> tuple[bool, str]:
    consistent, unsatisfiable, error = _hermit_tbox(ontology_nt)
    if error:
        return False, error
    if not consistent:
        return False, "HermiT: the ontology itself is inconsistent (run `frkg check ontology`)"
    if unsatisfiable:
        return False, "HermiT: unsatisfiable classes in the ontology: " + ", ".join(unsatisfiable)
    if individuals > HERMIT_DATA_LIMIT:
        return True, f"HermiT: ontology consistent; data not sent ({individuals} individuals > {HERMIT_DATA_LIMIT})"
    result = run_hermit(ontology + without_literals(asserted))
    if result.error:
        return False, result.error
    if not result.consistent:
        return False, "HermiT: the data is inconsistent with the ontology"
    return True, "HermiT: ontology and data consistent"


def as_graph(asserted: Graph | Dataset) -> Graph:
    """The union of a Dataset's graphs (e.g. parsed N-Quads) or the Graph itself."""
    if not isinstance(asserted, Dataset):
        return asserted
    union = Graph()
    for s, p, o, _ in asserted.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def infer(graphs: tuple[Graph, ...], rules: RuleSet) -> tuple[ox.Store, Graph, int]:
    """Materialise the union of ``graphs`` to a fixpoint.

    Returns the store (everything), the triples that are new (as a Graph) and
    the number of iterations.
    """
    store = ox.Store()
    known: set[ox.Quad] = set()
    for graph in graphs:
        quads = [ox.Quad(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in graph]
        known.update(quads)
        store.extend(quads)
    iterations = materialise(store, rules)
    inferred = Graph()
    for quad in store:
        if quad not in known:
            inferred.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    return store, inferred, iterations


def reason(asserted: Graph | Dataset, ontology: Graph | None = None) -> ReasoningResult:
    """Materialise OWL 2 RL inferences, check consistency and validate shapes.

    ``asserted`` is the union of the document graphs: a Graph, or a Dataset
    (e.g. parsed N-Quads) whose graphs are merged.
    """
    asserted = as_graph(asserted)
    ontology = ontology if ontology is not None else load_ontology()
    ontology_nt = ontology.serialize(format="nt", encoding="utf-8")
    rules = _compiled(ontology_nt)
    stated = (asserted, taxonomy_individuals(ontology))
    clock = time.perf_counter()
    store, inferred, iterations = infer(stated, rules)
    violations = find_violations(store, rules, stated)
    inference_seconds = time.perf_counter() - clock

    individuals = _individuals(asserted)
    hermit_ok, hermit_note = _hermit_verdict(ontology, ontology_nt, asserted, individuals)
    clock = time.perf_counter()
    shacl = validate_data(asserted, ontology, load_shapes())
    shacl_seconds = time.perf_counter() - clock
    report = "\n".join(["Violations by shape:", *shacl.summary, shacl.text]) if shacl.summary else shacl.text
    return ReasoningResult(
        consistent=not violations and hermit_ok,
        explanation=_explain(violations, hermit_ok, hermit_note),
        inferred=inferred,
        shacl_conforms=shacl.conforms,
        shacl_report=report,
        violations=violations,
        shacl_summary=shacl.summary,
        counts={
            "asserted_triples": len(asserted),
            "individuals": individuals,
            "inferred_triples": len(inferred),
            "rules": rules.size,
            "iterations": iterations,
            "violations": len(violations),
            "shacl_results": len(shacl.summary),
            "inference_seconds": round(inference_seconds, 3),
            "shacl_seconds": round(shacl_seconds, 3),
        },
    )


def _explain(violations: list[str], hermit_ok: bool, hermit_note: str) -> str:
    if violations:
        lines = ["Inconsistent: the OWL 2 RL checks found violations:", *violations]
        return "\n".join([*lines, hermit_note])
    if not hermit_ok:
        return (
            f"Inconsistent: {hermit_note}. The RL checks found no direct violation, so the clash "
            "involves axioms beyond OWL 2 RL; check the data's types against the ontology's "
            "disjointness and restrictions."
        )
    return f"Consistent: no disjointness or functional-property violations. {hermit_note}."


# -- adding documents to a reasoned store ---------------------------------------------


@dataclass
class IncrementalResult:
    """Outcome of :func:`reason_incrementally`: changes to the inferred graph and the verdicts."""

    consistent: bool
    explanation: str
    added: list[ox.Triple]  # new inferences
    no_longer_inferred: list[ox.Triple]  # stored inferences the new documents now assert
    shacl_conforms: bool
    shacl_report: str
    shacl_summary: list[str]
    violations: list[str]


def reason_incrementally(store: ox.Store, new_graphs: list[Graph], ontology: Graph) -> IncrementalResult:
    """Reason over a built ``store`` (writable) plus ``new_graphs`` without redoing the stored work.

    The store's default graph holds the closure of its documents, plus the
    ontology, links and build triples, which the build does not reason over: those
    are set aside while the new triples extend the closure semi-naively
    (:func:`extend_closure`) in the store itself, and put back after.  The new
    triples and what they entail are added to the default graph; the caller adds
    ``added`` to the inferred graph.  The consistency checks look for violations
    that involve a new or newly derived triple (the stored documents were checked
    when they were built), SHACL validates the new documents only.
    """
    ontology_nt = ontology.serialize(format="nt", encoding="utf-8")
    rules = _compiled(ontology_nt)
    foreign = foreign_triples(store)
    for triple in foreign:
        store.remove(ox.Quad(*triple))
    new = [ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for graph in new_graphs for s, p, o in graph]
    inferred_graph = ox.NamedNode(str(INFERRED_GRAPH))
    no_longer_inferred = [t for t in dict.fromkeys(new) if _holds(store, t, inferred_graph)]
    added = extend_closure(store, new, rules)
    taxonomy = taxonomy_individuals(ontology)
    violations = find_new_violations(store, rules, [*dict.fromkeys(new), *added], (*new_graphs, taxonomy))
    store.extend(ox.Quad(*triple) for triple in foreign)
    hermit_ok, hermit_note = _hermit_verdict_for_store(store, ontology, ontology_nt)
    shacl = validate_documents(new_graphs, ontology, load_shapes())
    return IncrementalResult(
        consistent=not violations and hermit_ok,
        explanation=_explain(violations, hermit_ok, hermit_note),
        added=added, no_longer_inferred=no_longer_inferred,
        shacl_conforms=shacl.conforms, shacl_report=shacl.text, shacl_summary=shacl.summary,
        violations=violations,
    )


def _is_reasoned_graph(name: ox.NamedNode) -> bool:
    """Document graphs and the inferred graph: the content the closure is made of."""
    return name.value.startswith(DOC_GRAPH_PREFIX) or name.value == str(INFERRED_GRAPH)


DOC_GRAPH_PREFIX = str(GRAPH["doc/"])


def foreign_triples(store: ox.Store) -> list[ox.Triple]:
    """Default-graph triples the build did not reason over: those only the ontology
    (except its taxonomy individuals, which are data), the links or the build
    description put there.  They are a few thousand, whatever the store's size."""
    foreign = []
    for name in store.named_graphs():
        if _is_reasoned_graph(name):
            continue
        for quad in store.quads_for_pattern(None, None, None, name):
            triple = ox.Triple(quad.subject, quad.predicate, quad.object)
            if name.value == str(ONTOLOGY_GRAPH) and isinstance(quad.subject, ox.NamedNode) \
                    and quad.subject.value.startswith(str(ID)):
                continue
            if not any(_is_reasoned_graph(q.graph_name) for q in store.quads_for_pattern(*triple, None)
                       if isinstance(q.graph_name, ox.NamedNode)):
                foreign.append(triple)
    return list(dict.fromkeys(foreign))


def _holds(store: ox.Store, triple: ox.Triple, graph: ox.NamedNode) -> bool:
    return next(iter(store.quads_for_pattern(*triple, graph)), None) is not None


STORED_INDIVIDUALS = """SELECT DISTINCT ?s WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && STRSTARTS(STR(?g), "%s"))
} LIMIT %d""" % (str(GRAPH["doc/"]), HERMIT_DATA_LIMIT + 1)


def _hermit_verdict_for_store(store: ox.Store, ontology: Graph, ontology_nt: bytes) -> tuple[bool, str]:
    """HermiT on the ontology, and on the documents in ``store`` when they are few
    (counting stops as soon as there are too many)."""
    individuals = sum(1 for _ in store.query(STORED_INDIVIDUALS))
    asserted = Graph()
    if individuals <= HERMIT_DATA_LIMIT:
        for name in store.named_graphs():
            if name.value.startswith(DOC_GRAPH_PREFIX):
                to_rdflib(store.quads_for_pattern(None, None, None, name), asserted)
    return _hermit_verdict(ontology, ontology_nt, asserted, individuals)


# -- reasoning over the files a build writes ----------------------------------------------

ASSERTED_GRAPH = ox.NamedNode("urn:frkg:reasoning:asserted")
TAXONOMY_GRAPH = ox.NamedNode("urn:frkg:reasoning:taxonomy")
N_TRIPLES = ox.RdfFormat.N_TRIPLES


@dataclass
class FileReasoning:
    """Outcome of :func:`reason_over_file`; ``inferred`` is N-Triples (only triples not asserted)."""

    consistent: bool
    explanation: str
    inferred: bytes
    violations: list[str]
    counts: dict[str, int | float]


def reason_over_file(asserted: Path, ontology: Graph) -> FileReasoning:
    """Materialise and check the asserted triples in the N-Triples file ``asserted``.

    Same result as :func:`reason` without SHACL (the build validates per document),
    but the data goes straight from the file into Oxigraph: no rdflib graph of the
    corpus, and the inferred triples come back as N-Triples bytes.
    """
    ontology_nt = ontology.serialize(format="nt", encoding="utf-8")
    rules = _compiled(ontology_nt)
    clock = time.perf_counter()
    store = ox.Store()
    taxonomy = taxonomy_individuals(ontology).serialize(format="nt", encoding="utf-8")
    for graph in (ox.DefaultGraph(), ASSERTED_GRAPH):
        store.bulk_load(path=str(asserted), format=N_TRIPLES, to_graph=graph)
    for graph in (ox.DefaultGraph(), TAXONOMY_GRAPH):
        store.bulk_load(taxonomy, format=N_TRIPLES, to_graph=graph)
    iterations = materialise(store, rules)
    violations = find_violations(store, rules, partial(_stated_types, store))
    individuals = _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ GRAPH <{ASSERTED_GRAPH.value}> "
                                "{ ?s ?p ?o } FILTER(isIRI(?s)) }")
    asserted_triples = _count(store, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{ASSERTED_GRAPH.value}> {{ ?s ?p ?o }} }}")
    for graph in (ASSERTED_GRAPH, TAXONOMY_GRAPH):
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")
        store.remove_graph(graph)
    inferred = store.dump(format=N_TRIPLES, from_graph=ox.DefaultGraph())
    inferred_triples = len(store)
    del store
    inference_seconds = time.perf_counter() - clock
    small = individuals <= HERMIT_DATA_LIMIT
    data = Graph().parse(asserted, format="nt") if small else Graph()
    hermit_ok, hermit_note = _hermit_verdict(ontology, ontology_nt, data, individuals)
    return FileReasoning(
        consistent=not violations and hermit_ok,
        explanation=_explain(violations, hermit_ok, hermit_note),
        inferred=inferred,
        violations=violations,
        counts={
            "asserted_triples": asserted_triples,
            "individuals": individuals,
            "inferred_triples": inferred_triples,
            "rules": rules.size,
            "iterations": iterations,
            "violations": len(violations),
            "inference_seconds": round(inference_seconds, 3),
        },
    )


def _count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def _stated_types(store: ox.Store, node: URIRef) -> set:
    return {rdflib_term(q.object) for graph in (ASSERTED_GRAPH, TAXONOMY_GRAPH)
            for q in store.quads_for_pattern(ox_term(node), ox_term(RDF.type), None, graph)}
