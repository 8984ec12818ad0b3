"""SPARQL for entity pages.  ``?s`` is always bound by substitution, never by string concatenation.

Oxigraph plans joins without knowing the substituted value of ``?s`` (measured
at 100k triples: 60-150 ms for a three-pattern join, 0.3 ms with the IRI
written in).  OPTIONAL is evaluated left to right, so each query states the
pattern on ``?s`` first and attaches the rest as ``OPTIONAL {...} FILTER(BOUND)``;
that keeps every entity query a lookup (see bench/web.py).  Rule: an OPTIONAL
may only use variables the patterns before it certainly bind (a possibly
unbound one makes Oxigraph scan: minutes at 100k triples), so dependent
OPTIONALs are nested inside the one that binds their variable; and an
OPTIONAL body holds one triple pattern (several make a hash join that scans).
"""
from __future__ import annotations

from frkg.namespaces import INFERRED_GRAPH, LINKS_GRAPH
from frkg.web.terms import PREFIX_SPARQL

INFERRED = f"<{INFERRED_GRAPH}>"
LINKS = f"<{LINKS_GRAPH}>"
NEIGHBOUR_LIMIT = 300

EXISTS = PREFIX_SPARQL + "SELECT ?s ?p WHERE { { ?s ?p ?o } UNION { ?x ?p ?s } } LIMIT 1"

TYPES = PREFIX_SPARQL + "SELECT DISTINCT ?s ?type ?g WHERE { GRAPH ?g { ?s a ?type } }"

NAMES = PREFIX_SPARQL + """
SELECT ?s ?p ?o WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel skos:definition dcterms:description rdfs:comment dcterms:title }
  ?s ?p ?o }"""

EXTERNAL = PREFIX_SPARQL + """
SELECT DISTINCT ?s ?p ?o ?g ?status ?source ?date WHERE {
  VALUES ?p { skos:exactMatch skos:closeMatch schema:sameAs owl:sameAs }
  GRAPH ?g { ?s ?p ?o }
  OPTIONAL { ?link frkg:linkSubject ?s ; frkg:linkTarget ?o ; frkg:linkStatus ?status .
             OPTIONAL { ?link dcterms:source ?source } OPTIONAL { ?link dcterms:date ?date } } }"""

OUTGOING = PREFIX_SPARQL + f"""
SELECT ?s ?p ?o ?olabel ?g WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(?p NOT IN (rdf:type, rdfs:label, skos:altLabel, skos:prefLabel, skos:definition, dcterms:description,
                    rdfs:comment, dcterms:title, frkg:text, frkg:hasEvidence, skos:exactMatch, skos:closeMatch,
                    schema:sameAs, owl:sameAs))
  OPTIONAL {{ ?o rdfs:label ?olabel }}
}} LIMIT {NEIGHBOUR_LIMIT}"""

INCOMING = PREFIX_SPARQL + f"""
SELECT ?s ?x ?p ?xlabel ?g WHERE {{
  GRAPH ?g {{ ?x ?p ?s }}
  FILTER(?p NOT IN (frkg:denotes, frkg:evidenceFor, frkg:inDocument, frkg:statedIn, frkg:linkSubject))
  FILTER NOT EXISTS {{ ?x frkg:hasEvidence ?anyEvidence }}
  OPTIONAL {{ ?x rdfs:label ?xlabel }}
}} LIMIT {NEIGHBOUR_LIMIT}"""

# Fact nodes the entity takes part in, or the entity itself when it is a fact.
_FACTS = """
  { ?f ?role ?s } UNION { ?s frkg:hasEvidence ?self . BIND(?s AS ?f) }
  OPTIONAL { ?f frkg:hasEvidence ?e0 } FILTER(BOUND(?e0))"""

# Asserted roles and types of those facts (rdf:type rows give the fact's class).
FACT_ROLES = PREFIX_SPARQL + f"""
SELECT DISTINCT ?s ?f ?p ?v ?vlabel WHERE {{ {_FACTS}
  OPTIONAL {{ GRAPH ?g {{ ?f ?p ?v }} FILTER(?g != {INFERRED} && ?p != frkg:hasEvidence)
             OPTIONAL {{ ?v rdfs:label ?vlabel }} }}
  FILTER(BOUND(?p)) }}"""

# Details of one evidence node ?ev (which the enclosing pattern binds).
EVIDENCE_DETAILS = """
    OPTIONAL { ?ev frkg:quote ?quote } OPTIONAL { ?ev frkg:start ?start } OPTIONAL { ?ev frkg:end ?end }
    OPTIONAL { ?ev frkg:confidence ?conf } OPTIONAL { ?ev frkg:extractionRule ?rule }
    OPTIONAL { ?ev frkg:inDocument ?doc
               OPTIONAL { ?doc dcterms:title ?doctitle } OPTIONAL { ?doc frkg:fileName ?docfile } }
    OPTIONAL { ?ev frkg:inSentence ?sent OPTIONAL { ?sent frkg:text ?stext } OPTIONAL { ?sent frkg:start ?sstart } }"""

FACT_EVIDENCE = PREFIX_SPARQL + f"""
SELECT DISTINCT ?s ?f ?ev ?quote ?start ?end ?conf ?rule ?doc ?doctitle ?docfile ?stext ?sstart WHERE {{
  {{ ?f ?role ?s }} UNION {{ ?s frkg:hasEvidence ?self . BIND(?s AS ?f) }}
  OPTIONAL {{ ?f frkg:hasEvidence ?ev . {EVIDENCE_DETAILS} }}
  FILTER(BOUND(?ev)) }}"""

MENTIONS = PREFIX_SPARQL + """
SELECT ?s ?doc (SAMPLE(?t) AS ?doctitle) (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m frkg:denotes ?s .
  OPTIONAL { ?m frkg:inDocument ?doc OPTIONAL { ?doc dcterms:title|frkg:fileName ?t } } FILTER(BOUND(?doc))
} GROUP BY ?s ?doc"""

# The entity's description as rows ?a ?b ?c: its triples, triples pointing at it, neighbours' labels.
DESCRIBE = PREFIX_SPARQL + """
SELECT DISTINCT ?s ?a ?b ?c WHERE {
  { ?s ?b ?c . BIND(?s AS ?a) }
  UNION { ?a ?b ?s . BIND(?s AS ?c) }
  UNION { ?s ?p ?a . OPTIONAL { ?a rdfs:label ?c } FILTER(BOUND(?c)) BIND(rdfs:label AS ?b) }
  UNION { ?a ?q ?s . OPTIONAL { ?a rdfs:label ?c } FILTER(BOUND(?c)) BIND(rdfs:label AS ?b) }
}"""
