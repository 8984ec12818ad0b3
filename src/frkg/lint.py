"""Lint the ontology against the machine-checkable pitfalls of the OOPS! catalogue.

OOPS! (oops.linkeddata.es) is a web service; frkg must check offline in CI,
so the pitfalls that can be decided from the RDF alone are re-implemented
here, each reported with its OOPS! code and importance. Only the ontology's
own terms (its namespace and its taxonomy concepts) are judged; external
terms it references must merely be declared.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from frkg.namespaces import FRKG, ID, ONTOLOGY_IRI, VANN
from frkg.rules import superclass_edges

BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))
CLASS_TYPES = (OWL.Class, RDFS.Class)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
IMPORTANCE = {
    "P04": "minor", "P05": "important", "P06": "critical", "P08": "minor", "P10": "important",
    "P11": "important", "P13": "minor", "P19": "critical", "P21": "minor", "P22": "minor",
    "P24": "important", "P25": "important", "P26": "important", "P28": "critical",
    "P29": "critical", "P32": "minor", "P33": "minor", "P34": "important", "P35": "important",
    "P36": "minor", "P38": "important", "P39": "critical", "P41": "important", "H01": "important",
}
TITLES = {
    "P04": "Creating unconnected ontology elements",
    "P05": "Defining wrong inverse relationships",
    "P06": "Including cycles in a class hierarchy",
    "P08": "Missing annotations",
    "P10": "Missing disjointness",
    "P11": "Missing domain or range in properties",
    "P13": "Inverse relationships not explicitly declared",
    "P19": "Defining multiple domains or ranges in properties",
    "P21": "Using a miscellaneous class",
    "P22": "Using different naming conventions in the ontology",
    "P24": "Using recursive definitions",
    "P25": "Defining a relationship as inverse to itself",
    "P26": "Defining inverse relationships for a symmetric one",
    "P28": "Defining wrong symmetric relationships",
    "P29": "Defining wrong transitive relationships",
    "P32": "Several classes with the same label",
    "P33": "Creating a property chain with just one property",
    "P34": "Untyped class",
    "P35": "Untyped property",
    "P36": "URI contains file extension",
    "P38": "No OWL ontology declaration",
    "P39": "Ambiguous namespace",
    "P41": "No license declared",
    "H01": "Ontology header incomplete (frkg requirement, not an OOPS! pitfall)",
}


@dataclass(frozen=True)
class Pitfall:
    """One pitfall found on one term."""

    code: str
    term: str
    detail: str

    @property
    def importance(self) -> str:
        return IMPORTANCE[self.code]

    def __str__(self) -> str:
        return f"{self.code} ({self.importance}) {TITLES[self.code]}: {self.term}: {self.detail}"


@dataclass
class LintReport:
    """Pitfalls found plus what was looked at, for the CLI's summary."""

    pitfalls: list[Pitfall]
    counts: dict[str, int]
    checked: tuple[str, ...] = tuple(sorted(TITLES))

    @property
    def ok(self) -> bool:
        return not self.pitfalls


# -- term inventory -------------------------------------------------------------------


def _own(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(FRKG))


def _typed(graph: Graph, types) -> set[URIRef]:
    return {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}


def _classes(graph: Graph) -> set[URIRef]:
    return {c for c in _typed(graph, CLASS_TYPES) if _own(c)}


def _properties(graph: Graph, types=PROPERTY_TYPES) -> set[URIRef]:
    return {p for p in _typed(graph, types) if _own(p)}


def _concepts(graph: Graph) -> set[URIRef]:
    return {c for c in _typed(graph, (SKOS.Concept, SKOS.ConceptScheme)) if str(c).startswith(str(ID))}


def _name(term: URIRef) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _short(term) -> str:
    text = str(term)
    return "frkg:" + text[len(str(FRKG)):] if _own(term) else text


# -- pitfalls -----------------------------------------------------------------------------


def _annotations(g: Graph) -> Iterator[Pitfall]:
    for term in sorted(_classes(g) | _properties(g, PROPERTY_TYPES[:2])):
        for prop, what in ((RDFS.label, "rdfs:label"), (SKOS.definition, "skos:definition")):
            if not any(isinstance(v, Literal) and str(v).strip() for v in g.objects(term, prop)):
                yield Pitfall("P08", _short(term), f"no {what}")
    for concept in sorted(_concepts(g)):
        for prop, what in ((SKOS.prefLabel, "skos:prefLabel"), (SKOS.definition, "skos:definition")):
            if g.value(concept, prop) is None:
                yield Pitfall("P08", str(concept), f"no {what}")


def _domains_ranges(g: Graph) -> Iterator[Pitfall]:
    for prop in sorted(_properties(g, PROPERTY_TYPES[:2])):
        for axis, name in ((RDFS.domain, "domain"), (RDFS.range, "range")):
            values = set(g.objects(prop, axis))
            if not values:
                yield Pitfall("P11", _short(prop), f"no rdfs:{name}")
            elif len(values) > 1:
                yield Pitfall("P19", _short(prop), f"{len(values)} rdfs:{name} axioms (their intersection applies)")


def _inverses(g: Graph) -> Iterator[Pitfall]:
    has_inverse = {s for s, o in g.subject_objects(OWL.inverseOf)} | set(g.objects(None, OWL.inverseOf))
    symmetric = set(g.subjects(RDF.type, OWL.SymmetricProperty))
    for prop in sorted(_properties(g, (OWL.ObjectProperty,)) - has_inverse - symmetric):
        yield Pitfall("P13", _short(prop), "no owl:inverseOf in either direction")
    for p, q in g.subject_objects(OWL.inverseOf):
        if p == q:
            yield Pitfall("P25", _short(p), "declared inverse of itself")
        if p in symmetric or q in symmetric:
            yield Pitfall("P26", _short(p), f"inverse declared for symmetric {_short(q)}")
        pairs = ((RDFS.domain, RDFS.range), (RDFS.range, RDFS.domain))
        for mine, theirs in pairs:
            a, b = set(g.objects(p, mine)), set(g.objects(q, theirs))
            if a and b and a != b:
                yield Pitfall("P05", _short(p), f"{mine.n3(g.namespace_manager)} {sorted(map(_short, a))} "
                              f"does not match {_short(q)}'s {theirs.n3(g.namespace_manager)} {sorted(map(_short, b))}")


def _characteristics(g: Graph) -> Iterator[Pitfall]:
    for code, kind in (("P28", OWL.SymmetricProperty), ("P29", OWL.TransitiveProperty)):
        for prop in g.subjects(RDF.type, kind):
            if set(g.objects(prop, RDFS.domain)) != set(g.objects(prop, RDFS.range)):
                yield Pitfall(code, _short(prop), "domain and range differ")
    for prop, head in g.subject_objects(OWL.propertyChainAxiom):
        if len(list(Collection(g, head))) < 2:
            yield Pitfall("P33", _short(prop), "property chain with fewer than two properties")


def _cycles(g: Graph) -> Iterator[Pitfall]:
    edges = defaultdict(set)
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            edges[sub].add(sup)
    for cls in sorted(edges):
        seen, todo = set(), list(edges[cls])
        while todo:
            node = todo.pop()
            if node == cls:
                yield Pitfall("P06", _short(cls), "is its own (indirect) superclass")
                break
            if node not in seen:
                seen.add(node)
                todo.extend(edges.get(node, ()))


def _bnode_terms(g: Graph, node) -> Iterator:
    """Every term inside a class expression (restrictions, lists)."""
    for _, o in g.predicate_objects(node):
        yield o
        if isinstance(o, BNode):
            yield from _bnode_terms(g, o)


def _recursive(g: Graph) -> Iterator[Pitfall]:
    for cls, expr in g.subject_objects(OWL.equivalentClass):
        if isinstance(expr, BNode) and cls in set(_bnode_terms(g, expr)):
            yield Pitfall("P24", _short(cls), "appears in its own definition")


def _unconnected(g: Graph) -> Iterator[Pitfall]:
    for cls in sorted(_classes(g)):
        used = (
            any(g.objects(cls, RDFS.subClassOf)) or any(g.subjects(RDFS.subClassOf, cls))
            or any(g.objects(cls, OWL.equivalentClass)) or any(g.subjects(None, cls))
        )
        if not used:
            yield Pitfall("P04", _short(cls), "no superclass, subclass, definition or use")


def _naming(g: Graph) -> Iterator[Pitfall]:
    for cls in sorted(_classes(g)):
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", _name(cls)):
            yield Pitfall("P22", _short(cls), "class names are UpperCamelCase")
        if re.search(r"Other|Misc", _name(cls)):
            yield Pitfall("P21", _short(cls), "miscellaneous class")
    for prop in sorted(_properties(g)):
        if not re.fullmatch(r"[a-z][A-Za-z0-9]*", _name(prop)):
            yield Pitfall("P22", _short(prop), "property names are lowerCamelCase")
    for term in sorted(_classes(g) | _properties(g) | {ONTOLOGY_IRI}):
        if re.search(r"\.(owl|rdf|ttl|n3|nt|xml)$", str(term).split("#")[0]):
            yield Pitfall("P36", _short(term), "IRI contains a file extension")


def _same_labels(g: Graph) -> Iterator[Pitfall]:
    for kind, terms in (("class", _classes(g)), ("property", _properties(g)), ("concept", _concepts(g))):
        labels = Counter(str(g.value(t, RDFS.label)).lower() for t in terms if g.value(t, RDFS.label))
        for label, count in sorted(labels.items()):
            if count > 1:
                same = sorted(_short(t) for t in terms if str(g.value(t, RDFS.label)).lower() == label)
                yield Pitfall("P32", ", ".join(same), f"{count} {kind} terms share the label {label!r}")


CLASS_POSITIONS = (RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith, OWL.someValuesFrom, OWL.allValuesFrom)
PROPERTY_POSITIONS = (OWL.onProperty, OWL.inverseOf, RDFS.subPropertyOf, OWL.equivalentProperty)


def _is_datatype(term) -> bool:
    return term == RDFS.Literal or str(term).startswith(str(XSD))


def _used_classes(g: Graph) -> set:
    used = {o for p in CLASS_POSITIONS for o in g.objects(None, p)}
    used |= {s for p in (RDFS.subClassOf, OWL.disjointWith) for s in g.subjects(p, None)}
    used |= {o for p in (RDFS.domain, RDFS.range) for o in g.objects(None, p) if not _is_datatype(o)}
    used |= {o for s, o in g.subject_objects(RDF.type) if str(s).startswith(str(ID))}
    for head in g.objects(None, OWL.members):
        used |= set(Collection(g, head))
    return used


def _used_properties(g: Graph) -> set:
    used = set(g.predicates())
    used |= {t for p in PROPERTY_POSITIONS for s, o in g.subject_objects(p) for t in (s, o)}
    for head in g.objects(None, OWL.propertyChainAxiom):
        used |= set(Collection(g, head))
    return used


def _undeclared(g: Graph) -> Iterator[Pitfall]:
    """P34/P35: every class and property the ontology uses must be declared
    (this includes annotation properties such as skos:definition)."""
    classes = _typed(g, CLASS_TYPES)
    properties = _typed(g, PROPERTY_TYPES)

    def external(term) -> bool:
        return isinstance(term, URIRef) and not str(term).startswith(BUILTIN)

    for cls in sorted(filter(external, _used_classes(g) - classes)):
        yield Pitfall("P34", _short(cls), "used as a class but not declared owl:Class")
    for prop in sorted(filter(external, _used_properties(g) - properties)):
        yield Pitfall("P35", _short(prop), "used as a property but not declared (object, datatype or annotation property)")


def _header(g: Graph) -> Iterator[Pitfall]:
    ontologies = _typed(g, (OWL.Ontology,))
    if not ontologies:
        yield Pitfall("P38", "(ontology)", "no owl:Ontology declared")
        return
    onto = sorted(ontologies)[0]
    if not str(onto).startswith("http") or "localhost" in str(onto):
        yield Pitfall("P39", str(onto), "the ontology IRI is not a stable http(s) IRI")
    if g.value(onto, DCTERMS.license) is None:
        yield Pitfall("P41", str(onto), "no dcterms:license")
    for prop in (OWL.versionIRI, DCTERMS.creator, DCTERMS.created, VANN.preferredNamespacePrefix, VANN.preferredNamespaceUri):
        if g.value(onto, prop) is None:
            yield Pitfall("H01", str(onto), f"no {prop.n3(g.namespace_manager)}")


def _disjointness(g: Graph) -> Iterator[Pitfall]:
    if not (any(g.triples((None, OWL.disjointWith, None))) or any(g.subjects(RDF.type, OWL.AllDisjointClasses))):
        yield Pitfall("P10", "(ontology)", "no disjointness axioms at all")


CHECKS = (_header, _annotations, _domains_ranges, _inverses, _characteristics, _cycles, _recursive,
          _unconnected, _naming, _same_labels, _undeclared, _disjointness)


def lint(ontology: Graph) -> LintReport:
    """Run every pitfall check on ``ontology`` (frkg.ttl + taxonomy.ttl)."""
    pitfalls = [p for check in CHECKS for p in check(ontology)]
    counts = {
        "triples": len(ontology),
        "classes": len(_classes(ontology)),
        "object properties": len(_properties(ontology, (OWL.ObjectProperty,))),
        "datatype properties": len(_properties(ontology, (OWL.DatatypeProperty,))),
        "taxonomy concepts": len(_concepts(ontology)),
        "superclass edges": sum(len(v) for v in superclass_edges(ontology).values()),
    }
    return LintReport(pitfalls=pitfalls, counts=counts)
