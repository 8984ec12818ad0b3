"""The analysts' query catalogue: ``queries/*.rq`` with parsed header comments.

One loader shared by ``frkg query`` and the web pages, so a query's title,
parameters and chart hint are read the same way everywhere.  Parameter values
arrive as text (command line, web form) and leave as typed RDF terms that are
bound by the engine, never pasted into the query string.
"""
from __future__ import annotations

import datetime as dt
import decimal
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from frkg.namespaces import ID, iri_for
from frkg.sparql_text import VARIABLE_NAME, tokens

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "queries"
PARAM_TYPES = ("iri", "string", "integer", "year", "date", "decimal", "entity")
CHART_KINDS = {"bar": ("x", "y"), "timeline": ("date", "label")}
HEADER_KEYS = ("title", "description", "param", "chart", "tags")

Term = ox.NamedNode | ox.Literal


class CatalogueError(ValueError):
    """A catalogue file is malformed; the message names the file, line and fix."""


class ParameterError(ValueError):
    """A parameter value was refused; the message names the parameter, value and expected form."""


class UnknownQueryError(KeyError):
    """No catalogue query has that name."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Param:
    """A query parameter: ``# param: name type default`` (no default = required)."""

    name: str
    type: str
    default: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Chart:
    """A chart hint: ``# chart: bar x=?label y=?deals`` -> kind ``bar``, axes {x: label, y: deals}."""

    kind: str
    axes: dict[str, str]


@dataclass(frozen=True)
class CatalogueQuery:
    """One ``.rq`` file: its header fields and the query text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    chart: Chart | None
    text: str
    tags: tuple[str, ...] = ()
    path: Path | None = None

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise ParameterError(f"query {self.name!r} has no parameter {name!r}; it takes: {self._param_names()}")

    def _param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"

    def bind(self, values: Mapping[str, str] | None = None) -> dict[str, Term]:
        """Typed RDF terms for every parameter: given values, else defaults.

        Raises :class:`ParameterError` for an unknown name, a missing required
        value, or a value that is not of the parameter's type.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        bound: dict[str, Term] = {}
        for param in self.params:
            raw = values.get(param.name, param.default)
            if raw is None:
                raise ParameterError(f"query {self.name!r} needs --param {param.name}=<{param.type}>")
            bound[param.name] = to_term(param, raw)
        return bound

    def run(self, backend, values: Mapping[str, str] | None = None) -> list[dict[str, Term | ox.BlankNode]]:
        """Rows of this (SELECT) query on a :class:`frkg.backend.Backend`, parameters bound as terms."""
        return backend.select(self.text, self.bind(values))


@dataclass
class Catalogue:
    """All catalogue queries of a directory, by name (the file name without ``.rq``)."""

    directory: Path
    queries: dict[str, CatalogueQuery] = field(default_factory=dict)

    def get(self, name: str) -> CatalogueQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise UnknownQueryError(
                f"no catalogue query named {name!r} in {self.directory}; `frkg query --list` shows them"
            ) from None

    def __iter__(self) -> Iterator[CatalogueQuery]:
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def __contains__(self, name: object) -> bool:
        return name in self.queries


def load_catalogue(directory: str | Path | None = None) -> Catalogue:
    """Parse every ``*.rq`` of ``directory`` (default: ``$FRKG_QUERIES`` or the repository's queries/)."""
    directory = Path(directory or os.environ.get("FRKG_QUERIES") or DEFAULT_DIRECTORY)
    if not directory.is_dir():
        raise CatalogueError(f"{directory}: the query catalogue directory does not exist")
    catalogue = Catalogue(directory)
    for path in sorted(directory.glob("*.rq")):
        query = parse_query_file(path)
        catalogue.queries[query.name] = query
    return catalogue


def parse_query_file(path: Path, require_title: bool = True) -> CatalogueQuery:
    """Read one ``.rq`` file; header errors name the file and line.

    Catalogue files need a title; an analyst's ad-hoc file may omit it (its name is used).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read the query file ({exc})") from exc
    return parse_query_text(text, path.stem, path, require_title)


def parse_query_text(text: str, name: str, path: Path | None = None, require_title: bool = True) -> CatalogueQuery:
    """Parse the header comments at the top of ``text`` into a :class:`CatalogueQuery`."""
    where = str(path or name)
    fields: dict[str, list[str]] = {key: [] for key in HEADER_KEYS}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = re.match(r"#\s*([a-z]+):\s*(.*)$", stripped)
        if match is None or match.group(1) not in HEADER_KEYS:
            continue  # a free comment, not a header field
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            params.append(_parse_param(value, f"{where}:{number}"))
        else:
            fields[key].append(value)
    if not fields["title"] and require_title:
        raise CatalogueError(f"{where}: missing '# title: ...' header line")
    variables = {t.text[1:] for t in tokens(text) if t.kind == "var"}
    _check_param_names(params, variables, where)
    chart = _parse_chart(fields["chart"][0], variables, where) if fields["chart"] else None
    tags = tuple(t.strip() for value in fields["tags"] for t in value.split(",") if t.strip())
    return CatalogueQuery(
        name=name,
        title=" ".join(fields["title"]) or name,
        description=" ".join(fields["description"]),
        params=tuple(params),
        chart=chart,
        text=text,
        tags=tags,
        path=path,
    )


def _parse_param(value: str, where: str) -> Param:
    parts = value.split(None, 2)
    if len(parts) < 2:
        raise CatalogueError(f"{where}: write '# param: NAME TYPE [DEFAULT]', got {value!r}")
    name, kind = parts[0].lstrip("?$"), parts[1]
    if not VARIABLE_NAME.match(name):
        raise CatalogueError(f"{where}: parameter name {name!r} is not a SPARQL variable name")
    if kind not in PARAM_TYPES:
        raise CatalogueError(f"{where}: parameter type {kind!r} is not one of {', '.join(PARAM_TYPES)}")
    param = Param(name, kind, parts[2] if len(parts) > 2 else None)
    if param.default is not None:
        try:
            to_term(param, param.default)
        except ParameterError as exc:
            raise CatalogueError(f"{where}: bad default: {exc}") from exc
    return param


def _check_param_names(params: list[Param], variables: set[str], where: str) -> None:
    seen: set[str] = set()
    for param in params:
        if param.name in seen:
            raise CatalogueError(f"{where}: parameter {param.name!r} is declared twice")
        seen.add(param.name)
        if param.name not in variables:
            raise CatalogueError(f"{where}: parameter {param.name!r} is not used as ?{param.name} in the query")


def _parse_chart(value: str, variables: set[str], where: str) -> Chart:
    kind, *options = value.split()
    if kind not in CHART_KINDS:
        raise CatalogueError(f"{where}: chart kind {kind!r} is not one of {', '.join(CHART_KINDS)}")
    axes = {}
    for option in options:
        axis, _, variable = option.partition("=")
        variable = variable.lstrip("?$")
        if axis not in CHART_KINDS[kind] or not VARIABLE_NAME.match(variable):
            raise CatalogueError(f"{where}: chart option {option!r}: expected {' '.join(a + '=?var' for a in CHART_KINDS[kind])}")
        if variable not in variables:
            raise CatalogueError(f"{where}: chart variable ?{variable} does not occur in the query")
        axes[axis] = variable
    missing = [axis for axis in CHART_KINDS[kind] if axis not in axes]
    if missing:
        raise CatalogueError(f"{where}: chart {kind} needs {', '.join(a + '=?var' for a in missing)}")
    return Chart(kind, axes)


def to_term(param: Param, raw: str) -> Term:
    """The RDF term for a text value of ``param``'s type; :class:`ParameterError` if it is not one."""
    value = raw if param.type == "string" else raw.strip()
    try:
        return _CONVERTERS[param.type](value)
    except (ValueError, ArithmeticError) as exc:
        raise ParameterError(f"parameter {param.name!r}: {raw!r} is not a valid {param.type} ({exc})") from None


def _iri(raw: str) -> ox.NamedNode:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$", raw):
        raise ValueError("expected an absolute IRI such as https://w3id.org/frkg/id/country/CN")
    return ox.NamedNode(raw)


def _entity(raw: str) -> ox.NamedNode:
    if raw.startswith("id:"):
        raw = raw[3:]
    if re.match(r"^[a-z][a-z0-9\-]*/[A-Za-z0-9._~\-/]+$", raw):
        return ox.NamedNode(str(iri_for(raw)))
    if raw.startswith(str(ID)):
        return _iri(raw)
    raise ValueError(f"expected an entity key such as country/CN or an IRI starting with {ID}")


def _integer(raw: str) -> ox.Literal:
    if not re.match(r"^[+-]?\d{1,18}$", raw):
        raise ValueError("expected an integer such as 42")
    return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))


def _year(raw: str) -> ox.Literal:
    if not re.match(r"^\d{4}$", raw):
        raise ValueError("expected a four-digit year such as 2021")
    return _integer(raw)


def _date(raw: str) -> ox.Literal:
    return ox.Literal(dt.date.fromisoformat(raw).isoformat(), datatype=ox.NamedNode(XSD + "date"))


def _decimal(raw: str) -> ox.Literal:
    if not re.match(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", raw):
        raise ValueError("expected a decimal number such as 0.5")
    return ox.Literal(str(decimal.Decimal(raw)), datatype=ox.NamedNode(XSD + "decimal"))


def _string(raw: str) -> ox.Literal:
    return ox.Literal(raw)


_CONVERTERS = {
    "iri": _iri,
    "entity": _entity,
    "string": _string,
    "integer": _integer,
    "year": _year,
    "date": _date,
    "decimal": _decimal,
}
