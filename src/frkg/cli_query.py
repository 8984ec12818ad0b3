"""``frkg query``: run a catalogue query or a .rq file on the embedded store or any SPARQL endpoint.

Parameters are bound as RDF terms: pyoxigraph substitutions on the embedded
store, a VALUES block of escaped terms for a remote endpoint.  Both paths
return pyoxigraph results, so output is formatted the same way.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.error import HTTPError, URLError

import click
import pyoxigraph as ox
from prettytable import PrettyTable
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from frkg import __version__
from frkg.catalogue import (
    CatalogueError,
    CatalogueQuery,
    ParameterError,
    UnknownQueryError,
    load_catalogue,
    parse_query_file,
)
from frkg.cli import cli
from frkg.namespaces import PREFIXES
from frkg.sparql_text import QueryTextError, check_services, with_values

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple]
FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}
USER_AGENT = f"frkg/{__version__} (frkg query; https://w3id.org/frkg)"
CELL_WIDTH = 70


class EmbeddedStore:
    """The on-disk Oxigraph store written by ``frkg build``, opened read-only."""

    def __init__(self, path: str | Path, allowed_services: Iterable[str] = ()) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise click.ClickException(f"{self.path}: no store here; build one with `frkg build` or pass --store DIR")
        self.store = ox.Store.read_only(str(self.path))
        self.allowed_services = tuple(allowed_services)

    def query(self, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> Result:
        """Run with ``bindings`` substituted as terms; SERVICE only to allowed endpoints."""
        check_services(text, self.allowed_services)
        return self.store.query(text, substitutions={ox.Variable(k): v for k, v in bindings.items()})


class RemoteEndpoint:
    """Any SPARQL 1.1 endpoint, reached with SPARQLWrapper (POST, SPARQL JSON results)."""

    def __init__(self, url: str, timeout: int = 60) -> None:
        self.url = url
        self.timeout = timeout

    def query(self, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> Result:
        """Run with ``bindings`` injected as a VALUES block of escaped RDF terms."""
        client = SPARQLWrapper(self.url, agent=USER_AGENT)
        client.setMethod(POST)
        client.setTimeout(self.timeout)
        client.setQuery(with_values(text, bindings))
        if client.queryType in ("CONSTRUCT", "DESCRIBE"):
            client.setReturnFormat(TURTLE)
            return _triples(client.query().response.read())
        client.setReturnFormat(JSON)
        body = client.query().response.read()
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)


def _triples(body: bytes) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(body, format=ox.RdfFormat.TURTLE)]


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs from the command line into a dict (the value may contain '=')."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r}: write --param NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    return values


def resolve_query(name_or_file: str, queries_dir: str | None) -> CatalogueQuery:
    """A catalogue query by name, or a .rq file given by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise click.ClickException(f"{path}: no such query file")
        return parse_query_file(path, require_title=False)
    return load_catalogue(queries_dir).get(name_or_file)


def compact(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """A term for a human: prefixed IRIs, literal values without quotes or datatypes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def table(columns: list[str], rows: Iterable[Iterable[object]]) -> str:
    """A plain-text table; long cells wrap at ``CELL_WIDTH`` characters."""
    out = PrettyTable(columns)
    out.align = "l"
    out.max_width = CELL_WIDTH
    for row in rows:
        out.add_row([compact(cell) for cell in row])
    return out.get_string()


def render(result: Result, fmt: str) -> str | bytes:
    """The result in the requested format (table for people, CSV/TSV/JSON per the SPARQL specs)."""
    if isinstance(result, ox.QuerySolutions):
        if fmt != "table":
            return result.serialize(format=FORMATS[fmt])
        names = [v.value for v in result.variables]
        rows = [[solution[name] for name in names] for solution in result]
        return f"{table(names, rows)}\n{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=FORMATS[fmt]) if fmt != "table" else str(bool(result)).lower()
    triples = list(result)
    if fmt != "table":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return table(["subject", "predicate", "object"], ([t.subject, t.predicate, t.object] for t in triples))


def list_catalogue(queries_dir: str | None) -> str:
    """One line per catalogue query: name, parameters, title."""
    catalogue = load_catalogue(queries_dir)
    rows = []
    for query in catalogue:
        params = " ".join(f"{p.name}:{p.type}" + (f"={p.default}" if p.default else "") for p in query.params)
        rows.append([ox.Literal(query.name), ox.Literal(query.title), ox.Literal(params)])
    return f"{table(['name', 'title', 'parameters'], rows)}\n{len(catalogue)} queries in {catalogue.directory}"


@cli.command("query")
@click.argument("name_or_file", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True, help="Output format.")
@click.option("--store", "store_dir", metavar="DIR", help="Embedded Oxigraph store directory (default: $FRKG_STORE).")
@click.option("--endpoint", metavar="URL", help="Query this SPARQL endpoint instead of the embedded store.")
@click.option("--allow-service", "allowed", multiple=True, metavar="URL", help="Allow SERVICE calls to this endpoint (embedded store; repeatable).")
@click.option("--queries", "queries_dir", metavar="DIR", help="Catalogue directory (default: $FRKG_QUERIES or queries/).")
@click.option("--list", "list_only", is_flag=True, help="List the catalogue queries and exit.")
def query_command(name_or_file, params, fmt, store_dir, endpoint, allowed, queries_dir, list_only) -> None:
    """Run catalogue query NAME (or a .rq FILE) and print its results.

    \b
    Examples:
      frkg query --list
      frkg query top-exporters --store data/store
      frkg query measures-by-imposer -p imposer=country/US --format csv
      frkg query my.rq --endpoint http://127.0.0.1:5000/sparql
    """
    try:
        if list_only:
            click.echo(list_catalogue(queries_dir))
            return
        if not name_or_file:
            raise click.UsageError("give a query NAME or FILE, or --list")
        query = resolve_query(name_or_file, queries_dir)
        bindings = query.bind(parse_params(params))
        source = _source(store_dir, endpoint, allowed)
        _echo(render(source.query(query.text, bindings), fmt))
    except (CatalogueError, ParameterError, UnknownQueryError, QueryTextError) as exc:
        raise click.ClickException(str(exc)) from exc
    except SyntaxError as exc:
        raise click.ClickException(f"{name_or_file}: SPARQL syntax error: {exc}") from exc
    except (SPARQLWrapperException, URLError, OSError) as exc:
        raise click.ClickException(f"query failed at {endpoint or store_dir}: {exc}{_server_says(exc)}") from exc


def _server_says(exc: Exception) -> str:
    """The endpoint's own explanation of an HTTP error (urllib keeps it in the unread body)."""
    if not isinstance(exc, HTTPError):
        return ""
    body = exc.read().decode("utf-8", "replace").strip()
    return f"; the endpoint says: {body[:1000]}" if body else ""


def _source(store_dir: str | None, endpoint: str | None, allowed: tuple[str, ...]):
    if store_dir and endpoint:
        raise click.UsageError("give either --store or --endpoint, not both")
    if endpoint:
        return RemoteEndpoint(endpoint)
    store_dir = store_dir or os.environ.get("FRKG_STORE")
    if not store_dir:
        raise click.UsageError("give --store DIR (or set FRKG_STORE) or --endpoint URL")
    return EmbeddedStore(store_dir, allowed)


def _echo(output: str | bytes) -> None:
    if isinstance(output, bytes):
        click.echo(output.decode("utf-8"), nl=False)
    else:
        click.echo(output)
