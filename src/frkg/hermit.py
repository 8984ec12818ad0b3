"""Run the HermiT OWL 2 DL reasoner (bundled with owlready2, needs Java) on a graph.

HermiT is complete for OWL 2 DL but does not scale to large data, so frkg uses
it on the ontology (TBox) and on small data sets only. owlready2 cannot read
Turtle, so the graph is handed over as N-Triples. HermiT reports an
inconsistency with an empty message; callers build their own explanation.
"""
from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field

import owlready2
from rdflib import Graph, Literal

_LOCK = threading.Lock()  # owlready2 worlds share module state


@dataclass
class HermitResult:
    """Verdict of one HermiT run."""

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    error: str = ""  # a failure to run HermiT at all (no Java, parse error)


def without_literals(graph: Graph) -> Graph:
    """Copy of ``graph`` without literal-valued triples of the data.

    HermiT rejects datatypes outside OWL 2's map (xsd:gYear, xsd:gYearMonth)
    and frkg's literal values carry no axioms that could clash beyond the
    functional-property check the rules do, so data literals are left out.
    """
    kept = Graph()
    for s, p, o in graph:
        if not isinstance(o, Literal):
            kept.add((s, p, o))
    return kept


def run_hermit(graph: Graph) -> HermitResult:
    """Classify ``graph`` (ontology, optionally with data) with HermiT."""
    data = graph.serialize(format="nt", encoding="utf-8")
    with _LOCK:
        world = owlready2.World()
        try:
            world.get_ontology("https://w3id.org/frkg/check").load(
                fileobj=io.BytesIO(data), format="ntriples"
            )
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            return HermitResult(consistent=False)
        except (owlready2.OwlReadyJavaError, OSError) as error:
            return HermitResult(consistent=False, error=f"HermiT could not run: {error}")
        unsatisfiable = sorted(str(c.iri) for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        world.close()
    return HermitResult(consistent=True, unsatisfiable=unsatisfiable)
