"""The SPARQL editor page: YASGUI (npm ``@zazuko/yasgui``) wired to ``/sparql``.

YASGUI's files are served from where ``npm ci`` put them (never copied into
the repository).  The page is ``templates/sparql_page.html``; the endpoint
renders it for browsers at ``GET /sparql`` and this blueprint at ``/query``.
Prefixes, endpoint and catalogue examples reach the page's script through
data attributes, so no inline script is needed.
"""
from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    send_from_directory,
    url_for,
)

from frkg.catalogue import CatalogueError
from frkg.namespaces import PREFIXES
from frkg.web import catalogue_pages
from frkg.web.negotiation import link_header

bp = Blueprint("sparql_editor", __name__)
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PREFIXES = ("frkg", "id", "rdf", "rdfs", "skos", "dcterms", "xsd")
YASGUI_FILES = {"yasgui.min.js", "yasgui.min.css", "yasgui.min.js.map"}


def yasgui_dir() -> Path:
    """Directory holding YASGUI's build (config ``FRKG_YASGUI_DIR``, else the repo's node_modules)."""
    configured = current_app.config.get("FRKG_YASGUI_DIR")
    return Path(configured) if configured else REPO_ROOT / "node_modules" / "@zazuko" / "yasgui" / "build"


@bp.get("/query")
def page():
    """The editor; shareable links carry the query in the URL fragment (``/query#query=...``).

    Its data twin is the catalogue of example queries; the endpoint itself is linked as the service.
    """
    twins = {"json": url_for("catalogue.index", fmt="json")}
    response = Response(render_template("sparql_page.html", twins=twins), mimetype="text/html")
    endpoint = current_app.config.get("FRKG_SPARQL_PATH", "/sparql")
    response.headers["Link"] = f'{link_header(twins)}, <{endpoint}>; rel="service"'
    return response


@bp.get("/vendor/yasgui/<name>")
def asset(name: str):
    """YASGUI's JavaScript and CSS, from the npm install."""
    directory = yasgui_dir()
    if name not in YASGUI_FILES:
        abort(404, description=f"No YASGUI file named “{name}”.")
    if not (directory / name).is_file():
        abort(404, description=f"YASGUI is not installed at {directory}: run `bash scripts/setup.sh` (npm ci).")
    return send_from_directory(directory, name, max_age=3600)


@bp.app_template_global()
def sparql_editor_settings() -> dict:
    """Endpoint, prefixes and example queries for the editor page (used by sparql_page.html)."""
    try:
        examples = [{"name": q.name, "title": q.title, "description": q.description, "query": q.text}
                    for q in catalogue_pages.catalogue()]
    except CatalogueError:
        examples = []
    endpoint = current_app.config.get("FRKG_SPARQL_PATH", "/sparql")
    default = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p in DEFAULT_PREFIXES)
    default += "\nSELECT ?entity ?label WHERE {\n  ?entity a frkg:Firm ; rdfs:label ?label .\n} LIMIT 20\n"
    return {"endpoint": endpoint, "prefixes": PREFIXES, "examples": examples, "default_query": default}

