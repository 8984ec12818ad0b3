"""Reason over asserted data: OWL 2 RL materialisation, consistency, SHACL.

``reason`` is what ``frkg build`` and ``frkg check data`` call. Inference runs
the rules compiled from the ontology (frkg.rules) to a fixpoint in an
in-memory Oxigraph store, which scales to the data sizes frkg meets; HermiT
double-checks the ontology and, when the data is small, the data too; SHACL
(frkg.validation) checks the asserted data.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from frkg.hermit import run_hermit, without_literals
from frkg.namespaces import FRKG, ID
from frkg.ontology import load_ontology, load_shapes
from frkg.rules import Check, RuleSet, compile_ontology
from frkg.store import ox_term, rdflib_term
from frkg.validation import taxonomy_individuals, validate_data

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


def _value(term) -> str:
    return _short(term) if isinstance(term, URIRef) else repr(str(term))


def _violation(check: Check, row, stated_graphs: tuple[Graph, ...]) -> str:
    values = [rdflib_term(v) for v in row]
    if check.kind == "disjoint":
        x, c1, c2 = values
        types = {t for graph in stated_graphs for t in graph.objects(x, RDF.type)}
        stated = ", ".join(sorted(_short(t) for t in types)) or "none"
        if c1 == c2:
            return f"{_short(x)} is an instance of owl:Nothing (asserted types: {stated})"
        return (
            f"{_short(x)} is both {_short(c1)} and {_short(c2)}, which the ontology declares "
            f"disjoint (asserted types: {stated}; the rest follows from subclass, domain and range axioms)"
        )
    x, p, a, b = values
    return f"{_short(x)} has two values for functional property {_short(p)}: {_value(a)} and {_value(b)}"


def find_violations(store: ox.Store, rules: RuleSet, stated_graphs: tuple[Graph, ...]) -> list[str]:
    """Consistency violations in the materialised store, one readable line each
    (``stated_graphs`` supply the asserted types the explanation lists)."""
    found = []
    for check in rules.checks:
        for row in store.query(check.query):
            found.append(f"[{check.name}] {_violation(check, row, stated_graphs)}")
    return sorted(found)


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
