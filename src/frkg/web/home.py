"""Home page: what the graph holds, a search box, entry points and featured queries."""
from __future__ import annotations

from flask import Blueprint, url_for

from frkg import __version__
from frkg.app import backend
from frkg.namespaces import BUILD_GRAPH, ID
from frkg.web import catalogue_pages, terms
from frkg.web.cache import per_build
from frkg.web.negotiation import respond

bp = Blueprint("home", __name__)
FEATURED = 6
PROVENANCE_CLASSES = {terms.FRKG_NS + n for n in ("Document", "NewsArticle", "Sentence", "Mention", "Evidence",
                                                     "ExternalLink", "TextSpan")}

CLASS_COUNTS = terms.PREFIX_SPARQL + f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s a ?class . FILTER(STRSTARTS(STR(?class), "{terms.FRKG_NS}")) FILTER(STRSTARTS(STR(?s), "{ID}"))
}} GROUP BY ?class ORDER BY DESC(?n)"""
DOCUMENTS = terms.PREFIX_SPARQL + """
SELECT ?doc (SAMPLE(?t) AS ?title) (SAMPLE(?f) AS ?file) (SAMPLE(?d) AS ?issued) WHERE {
  ?doc a frkg:Document . FILTER EXISTS { ?doc frkg:text ?text }
  OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc frkg:fileName ?f }
  OPTIONAL { ?doc dcterms:issued ?d }
} GROUP BY ?doc ORDER BY ?file ?title LIMIT 200"""
BUILD = terms.PREFIX_SPARQL + f"""
SELECT ?p ?o WHERE {{ GRAPH <{BUILD_GRAPH}> {{ ?b ?p ?o }} }}"""
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@bp.get("/")
@bp.get("/index.<fmt>")
def page(fmt: str = "html"):
    """The home page, or its JSON twin at ``/index.json``."""
    data = home_data(backend())
    return respond(fmt, "home.html", data, twins={"json": url_for("home.page", fmt="json")})


@per_build
def home_data(b) -> dict:
    """Counts and entry points change only with a new build, so they are computed once per build."""
    counts = [{"class": {"iri": r["class"].value, "label": terms.term_label(b, r["class"].value),
                         "href": url_for("classes.page", name=terms.local_name(r["class"].value))},
               "count": terms.number(r["n"]), "provenance": r["class"].value in PROVENANCE_CLASSES}
              for r in b.select(CLASS_COUNTS)]
    documents = [{"iri": r["doc"].value, "href": terms.href_for(r["doc"].value),
                  "label": terms.literal_value(r.get("title")) or terms.literal_value(r.get("file")) or r["doc"].value,
                  "file": terms.literal_value(r.get("file")), "issued": terms.literal_value(r.get("issued"))}
                 for r in b.select(DOCUMENTS)]
    build = {terms.local_name(r["p"].value): r["o"].value for r in b.select(BUILD)}
    return {
        "entry_points": [c for c in counts if not c["provenance"]],
        "provenance": [c for c in counts if c["provenance"]],
        "documents": documents,
        "build": {"id": build.get("buildId") or b.build_id, "created": build.get("created"),
                  "pipeline_version": build.get("pipelineVersion"), "version": __version__},
        "triples": terms.number(b.select(TRIPLES)[0]["n"]),
        "featured": catalogue_pages.featured(FEATURED),
    }
