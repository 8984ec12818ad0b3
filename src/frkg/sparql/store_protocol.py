"""Writes: SPARQL Update on /sparql and the Graph Store HTTP Protocol on /graph-store.

Refused (403) unless the server was started with an update token; then every
write needs ``Authorization: Bearer <token>``.  Each write is one SPARQL
Update, which Oxigraph applies in one transaction (all or nothing), together
with the operations that keep the default graph the union of the named graphs:
a client's SPARQL Update is followed by the operations that bring the union up
to date for the graphs it wrote (:mod:`frkg.sparql.union`); a Graph Store write
knows its triples and updates the union for them alone.  Writes therefore go to named graphs only.  Uploaded
RDF is parsed by pyoxigraph and written back as N-Triples by pyoxigraph's own
serialiser, so no request text is ever pasted into the update unescaped.
"""
from __future__ import annotations

import hmac
import time

import pyoxigraph as ox
from flask import Response, request

from frkg.sparql.executor import QueryTimeout
from frkg.sparql.protocol import ProtocolError, negotiate
from frkg.sparql.state import state
from frkg.sparql.views import _finish, bp, outcome_response, plain, timeout_response
from frkg.sparql.worker import QueryJob, UpdateJob
from frkg.sparql_text import QueryTextError, with_using

_ANY_TRIPLE = "ASK { GRAPH ?g { ?s ?p ?o } }"  # run with the dataset restricted to one named graph


def _leave_union(graph: str, union: ox.NamedNode | None) -> str:
    """Before ``graph`` is dropped or replaced: its triples that no other named graph holds leave the union.

    The union is the default graph, or ``union`` on a remote server (:mod:`frkg.remote`).
    """
    into = f"GRAPH {union} {{ ?s ?p ?o }}" if union else "?s ?p ?o"
    also = f" && ?other != {union}" if union else ""
    return (f"DELETE {{ {into} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}{also}) }} }}")


def authorise() -> Response | None:
    """None if the request may write, else the refusal to send."""
    token = state().update_token
    if token is None:
        return plain(403, "updates are disabled on this server: start it with --update-token to enable them")
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        response = plain(401, "this write needs an 'Authorization: Bearer <token>' header")
        response.headers["WWW-Authenticate"] = 'Bearer realm="frkg"'
        return response
    if not hmac.compare_digest(header[len("Bearer "):].strip().encode(), token.encode()):
        return plain(403, "the bearer token is not valid for updates on this server")
    return None


def run_update(req, started: float) -> Response:
    """SPARQL 1.1 Update by POST (form field ``update`` or a direct body)."""
    refusal = authorise()
    if refusal is not None:
        return _finish(started, "update", refusal, req.update)
    update = req.update
    if req.default_graphs or req.named_graphs:
        try:
            update = with_using(update, req.default_graphs, req.named_graphs or ())
        except QueryTextError as err:
            return _finish(started, "update", plain(400, str(err)), req.update)
    return _finish(started, "update", apply_update(update), req.update)


def apply_update(update: str, rederive_union: bool = True) -> Response:
    st = state()
    generation, _ = st.current_build()
    try:
        outcome = st.executor.run(UpdateJob(update, rederive_union), generation)
    except QueryTimeout as err:
        return timeout_response(err, "Nothing was written.")
    if outcome.status == "ok":
        st.cache.clear()
        return plain(200, "update applied")
    return outcome_response(outcome, 0)


@bp.route("/graph-store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """SPARQL 1.1 Graph Store HTTP Protocol with indirect identification (``?graph=`` or ``?default``)."""
    started = time.perf_counter()
    try:
        graph = _target_graph()
        if request.method in ("GET", "HEAD"):
            return _finish(started, "graph-store", _read_graph(graph), None)
        refusal = authorise()
        if refusal is not None:
            return _finish(started, "graph-store", refusal, None)
        return _finish(started, "graph-store", _write_graph(graph), None)
    except ProtocolError as err:
        return _finish(started, "graph-store", plain(err.status, str(err)), None)


def _target_graph() -> ox.NamedNode | None:
    """The named graph addressed, or None for the default graph."""
    if "default" in request.args and "graph" not in request.args:
        return None
    iri = request.args.get("graph")
    if not iri:
        raise ProtocolError(400, "name the graph with ?graph=<IRI> or ask for the default graph with ?default")
    try:
        return ox.NamedNode(iri)
    except ValueError as err:
        raise ProtocolError(400, f"?graph={iri!r} is not an absolute IRI: {err}") from err


def _exists(graph: ox.NamedNode | None) -> bool:
    if graph is None:
        return True
    st = state()
    job = QueryJob(_ANY_TRIPLE, "json", None, named_graphs=(graph.value,))
    outcome = st.executor.run(job, st.current_build()[0])
    return outcome.status == "ok" and b"true" in outcome.body


def _read_graph(graph: ox.NamedNode | None) -> Response:
    st = state()
    _, graph_format = negotiate(request.headers.get("Accept"), request.args.get("format"))
    if graph is not None and not _exists(graph):
        return plain(404, f"no graph <{graph.value}> in this store")
    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }" if graph else "CONSTRUCT WHERE { ?s ?p ?o }"
    job = QueryJob(query, None, graph_format, ("",) if graph is None else (),
                   (graph.value,) if graph else None, int(st.config["FRKG_MAX_ROWS"]))
    try:
        outcome = st.executor.run(job, st.current_build()[0])
    except QueryTimeout as err:
        return timeout_response(err)
    return outcome_response(outcome, int(st.config["FRKG_MAX_ROWS"]))


def _write_graph(graph: ox.NamedNode | None) -> Response:
    union = getattr(state().backend, "union_graph", None)
    if graph is None or graph == union:
        response = plain(405, "the default graph is the union of the named graphs and is kept by the server: "
                              "write into a named graph with ?graph=<IRI> instead")
        response.headers["Allow"] = "GET, HEAD"
        return response
    target = str(graph)  # pyoxigraph writes the IRI escaped: <...>
    if request.method == "DELETE":
        if not _exists(graph):
            return plain(404, f"no graph <{graph.value}> in this store")
        # SILENT: the graph exists (checked above), and Virtuoso drops without it only graphs CREATEd before
        return apply_update(f"{_leave_union(target, union)} ;\nDROP SILENT GRAPH {target}", rederive_union=False)
    existed = _exists(graph)
    data = _uploaded_ntriples()
    copy = f"GRAPH {union} {{ {data} }}" if union else data
    # one INSERT DATA for both copies, so a blank node is the same node in the graph and the union
    update = f"INSERT DATA {{ GRAPH {target} {{ {data} }}\n{copy} }}"
    if request.method == "PUT":
        update = f"{_leave_union(target, union)} ;\nDROP SILENT GRAPH {target} ;\n{update}"
    response = apply_update(update, rederive_union=False)
    if response.status_code == 200 and not existed:
        response.status_code = 201
    return response


def _uploaded_ntriples() -> str:
    """The request body parsed by pyoxigraph and re-serialised as N-Triples."""
    mimetype = request.mimetype or "text/turtle"
    rdf_format = ox.RdfFormat.from_media_type(mimetype)
    if rdf_format is None or rdf_format.supports_datasets:
        raise ProtocolError(415, f"cannot read {mimetype!r}: send Turtle, N-Triples, RDF/XML or JSON-LD")
    try:
        triples = list(ox.parse(request.get_data(), format=rdf_format))
    except SyntaxError as err:
        raise ProtocolError(400, f"the uploaded {rdf_format.name} is not valid: {err}") from err
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
