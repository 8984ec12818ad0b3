"""Compile the ontology's OWL 2 RL axioms into SPARQL rules and checks.

Why hand-compiled rules instead of owlrl: owlrl applies the whole OWL 2 RL
rule set in Python over every triple (35 s at 10k individuals on this
machine), HermiT does not scale either. frkg's data needs only the axioms the
ontology actually uses, so each axiom kind becomes one SPARQL update whose
``VALUES`` table lists the ontology's axioms of that kind (the class hierarchy
is pre-closed here, in Python). Oxigraph then runs the updates to a fixpoint.
tests/test_reasoning.py checks the result against owlrl on fixture data.

Rule names follow the OWL 2 RL tables (cax-sco, prp-inv, prp-spo2, ...).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

RDF_TYPE = f"<{RDF.type}>"
TOP_CLASSES = {OWL.Thing, RDFS.Resource}
# Class-expression keys with OWL 2 RL data consequences that frkg does not compile
# (cls-avf, cls-hv1/2, cls-maxc, cls-uni, cls-int2 on anonymous classes, ...).
UNCOMPILED = {
    "superclass": {OWL.allValuesFrom, OWL.hasValue, OWL.maxCardinality, OWL.maxQualifiedCardinality,
                   OWL.intersectionOf, OWL.complementOf},
    "subclass": {OWL.unionOf, OWL.intersectionOf, OWL.someValuesFrom, OWL.hasValue, OWL.oneOf},
}


class UnsupportedAxiom(ValueError):
    """An axiom outside the OWL 2 RL subset frkg compiles (names the axiom and the fix)."""


@dataclass(frozen=True)
class Rule:
    """One inference rule: a SPARQL update that inserts what the axiom entails.

    ``head`` is the template inserted, ``body`` the triple patterns joined,
    ``values`` the axiom table (or ""), ``filters`` a trailing FILTER (or "").
    Keeping the body as separate patterns lets :meth:`delta_updates` build the
    semi-naive variants that ``frkg ingest`` runs over new triples only.
    """

    name: str
    head: str
    body: tuple[str, ...]
    values: str = ""
    filters: str = ""

    @property
    def update(self) -> str:
        """The rule over the whole default graph."""
        return self._update(f"{{ {self.head} }}", " . ".join(self.body))

    def delta_updates(self, delta: str, target: str) -> list[str]:
        """One update per body pattern: that pattern matched in graph ``delta``, the
        others anywhere in the default graph; conclusions go to graph ``target``.

        Their union is everything the rule derives from at least one new triple.
        """
        variants = []
        for i, pattern in enumerate(self.body):
            parts = [*self.body[:i], f"GRAPH <{delta}> {{ {pattern} }}", *self.body[i + 1:]]
            # the delta pattern first: it is the small side of the join
            parts.insert(0, parts.pop(i))
            variants.append(self._update(f"{{ GRAPH <{target}> {{ {self.head} }} }}", " . ".join(parts)))
        return variants

    def _update(self, insert: str, where: str) -> str:
        values = f"{self.values}\n" if self.values else ""
        return f"INSERT {insert} WHERE {{\n{values}{where} {self.filters}}}"


@dataclass(frozen=True)
class Check:
    """One consistency check: a SELECT whose every row is a violation."""

    name: str
    kind: str  # "disjoint" (?x ?c1 ?c2) or "functional" (?x ?p ?a ?b)
    select: str
    body: tuple[str, ...]
    values: str = ""
    tail: str = ""  # FILTER / BIND after the patterns

    @property
    def query(self) -> str:
        """The check over the whole default graph."""
        return self._query(self.body)

    def delta_queries(self, delta: str) -> list[str]:
        """One query per body pattern, that pattern matched in graph ``delta``: together
        they find every violation that involves at least one triple of ``delta``."""
        return [self._query((f"GRAPH <{delta}> {{ {pattern} }}", *self.body[:i], *self.body[i + 1:]))
                for i, pattern in enumerate(self.body)]

    def _query(self, patterns: tuple[str, ...]) -> str:
        values = f"{self.values}\n" if self.values else ""
        return f"SELECT DISTINCT {self.select} WHERE {{\n{values}{' . '.join(patterns)} {self.tail}}}"


@dataclass(frozen=True)
class RuleSet:
    """Everything compiled from one ontology."""

    rules: tuple[Rule, ...]  # in run order; a rule may appear twice
    checks: tuple[Check, ...]

    @property
    def size(self) -> int:
        """Number of distinct rules."""
        return len(set(self.rules))


def compile_ontology(ontology: Graph) -> RuleSet:
    """Turn the RL axioms of ``ontology`` into rules and consistency checks."""
    _refuse_uncompiled_axioms(ontology)
    inverse = list(_inverse_rules(ontology))
    subclass = list(_subclass_rules(ontology))
    # Ordered so that one pass usually reaches the fixpoint (chains read inverses
    # and their results have inverses; defined classes read closed types); the
    # fixpoint loop then only confirms.
    rules = [
        *_subproperty_rules(ontology),
        *inverse,
        *_chain_rules(ontology),
        *_characteristic_rules(ontology),
        *inverse,
        *_domain_range_rules(ontology),
        *subclass,
        *_defined_class_rules(ontology),
        *subclass,
    ]
    checks = [*_disjointness_checks(ontology), *_functional_checks(ontology)]
    return RuleSet(tuple(rules), tuple(checks))


# -- helpers ----------------------------------------------------------------


def _n3(term: URIRef) -> str:
    return f"<{term}>"


def _values(variables: str, rows: Iterable[tuple[URIRef, ...]]) -> str | None:
    lines = sorted("(" + " ".join(_n3(t) for t in row) + ")" for row in set(rows))
    if not lines:
        return None
    return f"VALUES ({variables}) {{\n  " + "\n  ".join(lines) + "\n}"


def _closure(edges: dict[URIRef, set[URIRef]], start: URIRef) -> set[URIRef]:
    """All nodes reachable from ``start`` (excluding itself unless on a cycle)."""
    seen: set[URIRef] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen


def _list(graph: Graph, head) -> list:
    return list(Collection(graph, head))


def _named(graph: Graph, predicate: URIRef) -> Iterator[tuple[URIRef, URIRef]]:
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            yield s, o


def _refuse_uncompiled_axioms(ontology: Graph) -> None:
    """Fail loudly on RL axioms with data consequences that no rule here implements,
    rather than silently deriving less than OWL 2 RL would."""
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        for expr, side in ((sub, "subclass"), (sup, "superclass")):
            if not isinstance(expr, BNode):
                continue
            kinds = {p for p in ontology.predicates(expr)} & UNCOMPILED[side]
            if kinds:
                names = ", ".join(sorted("owl:" + str(k)[len(str(OWL)):] for k in kinds))
                named = sub if isinstance(sub, URIRef) else sup
                raise UnsupportedAxiom(
                    f"rdfs:subClassOf axiom on {named}: a {side} expression using {names} has no "
                    "compiled rule; add one in frkg.rules or use a named class with owl:equivalentClass"
                )


# -- class hierarchy ----------------------------------------------------------


def superclass_edges(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """Direct named-superclass edges, counting equivalence both ways and the
    named members of an intersection a class is equivalent to (cls-int2)."""
    edges: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in _named(ontology, RDFS.subClassOf):
        edges[sub].add(sup)
    for a, b in _named(ontology, OWL.equivalentClass):
        edges[a].add(b)
        edges[b].add(a)
    for cls, expr in ontology.subject_objects(OWL.equivalentClass):
        if isinstance(cls, URIRef) and isinstance(expr, BNode):
            for member in _intersection_members(ontology, expr):
                if isinstance(member, URIRef):
                    edges[cls].add(member)
    return edges


def _subclass_rules(ontology: Graph) -> Iterator[Rule]:
    edges = superclass_edges(ontology)
    pairs = [
        (sub, sup)
        for sub in list(edges)
        for sup in _closure(edges, sub)
        if sup != sub and sup not in TOP_CLASSES
    ]
    values = _values("?sub ?sup", pairs)
    if values:
        yield Rule("cax-sco", "?x a ?sup", ("?x a ?sub",), values)


# -- properties ---------------------------------------------------------------


def _property_edges(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    edges: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in _named(ontology, RDFS.subPropertyOf):
        edges[sub].add(sup)
    for a, b in _named(ontology, OWL.equivalentProperty):
        edges[a].add(b)
        edges[b].add(a)
    return edges


def _subproperty_rules(ontology: Graph) -> Iterator[Rule]:
    edges = _property_edges(ontology)
    pairs = [(sub, sup) for sub in list(edges) for sup in _closure(edges, sub) if sup != sub]
    values = _values("?sub ?sup", pairs)
    if values:
        yield Rule("prp-spo1", "?x ?sup ?y", ("?x ?sub ?y",), values)


def _inverse_rules(ontology: Graph) -> Iterator[Rule]:
    pairs = []
    for p, q in _named(ontology, OWL.inverseOf):
        pairs += [(p, q), (q, p)]
    values = _values("?p ?q", pairs)
    if values:
        yield Rule("prp-inv", "?y ?q ?x", ("?x ?p ?y",), values, "FILTER(!isLiteral(?y))")


def _is_datatype(term: URIRef) -> bool:
    return term == RDFS.Literal or str(term).startswith(str(XSD)) or term == RDF.langString


def _domain_range_rules(ontology: Graph) -> Iterator[Rule]:
    """prp-dom and prp-rng. Sound for frkg data: a wrong use then surfaces as a
    disjointness violation instead of passing silently."""
    domains = [(p, c) for p, c in _named(ontology, RDFS.domain) if c not in TOP_CLASSES]
    ranges = [
        (p, c)
        for p, c in _named(ontology, RDFS.range)
        if c not in TOP_CLASSES and not _is_datatype(c)
    ]
    values = _values("?p ?c", domains)
    if values:
        yield Rule("prp-dom", "?x a ?c", ("?x ?p ?y",), values)
    values = _values("?p ?c", ranges)
    if values:
        yield Rule("prp-rng", "?y a ?c", ("?x ?p ?y",), values, "FILTER(!isLiteral(?y))")


def _chain_rules(ontology: Graph) -> Iterator[Rule]:
    for prop, head in ontology.subject_objects(OWL.propertyChainAxiom):
        chain = _list(ontology, head)
        if len(chain) < 2 or not all(isinstance(p, URIRef) for p in chain):
            raise UnsupportedAxiom(
                f"property chain of {prop} must list two or more named properties, got {chain}"
            )
        steps = tuple(f"?x{i} {_n3(p)} ?x{i + 1}" for i, p in enumerate(chain))
        yield Rule(f"prp-spo2 {prop}", f"?x0 {_n3(prop)} ?x{len(chain)}", steps)


def _characteristic_rules(ontology: Graph) -> Iterator[Rule]:
    symmetric = [(p,) for p in ontology.subjects(RDF.type, OWL.SymmetricProperty)]
    transitive = [(p,) for p in ontology.subjects(RDF.type, OWL.TransitiveProperty)]
    values = _values("?p", symmetric)
    if values:
        yield Rule("prp-symp", "?y ?p ?x", ("?x ?p ?y",), values)
    values = _values("?p", transitive)
    if values:
        yield Rule("prp-trp", "?x ?p ?z", ("?x ?p ?y", "?y ?p ?z"), values)


# -- defined classes ------------------------------------------------------------


def _intersection_members(ontology: Graph, expr) -> list:
    head = ontology.value(expr, OWL.intersectionOf)
    return _list(ontology, head) if head is not None else [expr]


def _member_patterns(ontology: Graph, member, index: int, defined: URIRef) -> tuple[str, ...]:
    """SPARQL triple patterns for ``?x`` being an instance of one intersection member."""
    if isinstance(member, URIRef):
        return (f"?x a {_n3(member)}",)
    prop = ontology.value(member, OWL.onProperty)
    filler = ontology.value(member, OWL.someValuesFrom)
    if isinstance(prop, URIRef) and isinstance(filler, URIRef):
        typed = () if filler in TOP_CLASSES else (f"?v{index} a {_n3(filler)}",)
        return (f"?x {_n3(prop)} ?v{index}", *typed)
    raise UnsupportedAxiom(
        f"{defined}: only named classes and someValuesFrom restrictions on a named "
        "property may appear in an owl:equivalentClass intersection (OWL 2 RL cls-int1/cls-svf1)"
    )


def _defined_class_rules(ontology: Graph) -> Iterator[Rule]:
    """cls-int1 + cls-svf1: the sufficient direction of a defined class."""
    for cls, expr in sorted(ontology.subject_objects(OWL.equivalentClass)):
        if not (isinstance(cls, URIRef) and isinstance(expr, BNode)):
            continue
        members = _intersection_members(ontology, expr)
        body = tuple(p for i, m in enumerate(members) for p in _member_patterns(ontology, m, i, cls))
        yield Rule(f"cls-int1 {cls}", f"?x a {_n3(cls)}", body)


# -- consistency checks --------------------------------------------------------------


def disjoint_pairs(ontology: Graph) -> set[tuple[URIRef, URIRef]]:
    """Pairs of named classes declared disjoint (disjointWith, AllDisjointClasses)."""
    pairs = set(_named(ontology, OWL.disjointWith))
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = _list(ontology, ontology.value(group, OWL.members))
        pairs |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
    return pairs


def _disjointness_checks(ontology: Graph) -> Iterator[Check]:
    values = _values("?c1 ?c2", disjoint_pairs(ontology))
    if values:
        yield Check("cax-dw", "disjoint", "?x ?c1 ?c2", ("?x a ?c1", "?x a ?c2"), values)
    yield Check("cls-nothing2", "disjoint", "?x ?c1 ?c2", (f"?x a {_n3(OWL.Nothing)}",),
                tail=f"BIND({_n3(OWL.Nothing)} AS ?c1) BIND(?c1 AS ?c2)")


def _functional_checks(ontology: Graph) -> Iterator[Check]:
    """Two values of a functional property are a conflict, not an identity:
    frkg mints one IRI per entity (unique names), so prp-fp's owl:sameAs would
    only hide an extraction error."""
    values = _values("?p", [(p,) for p in ontology.subjects(RDF.type, OWL.FunctionalProperty)])
    if values:
        yield Check("prp-fp", "functional", "?x ?p ?a ?b", ("?x ?p ?a", "?x ?p ?b"), values,
                    "FILTER(STR(?a) < STR(?b))")
