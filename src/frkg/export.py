"""``frkg export``: dump a store as N-Quads, TriG, Turtle or JSON-LD.

N-Quads, TriG and JSON-LD carry the whole dataset (every named graph and the
default graph, which is their union), so loading a dump reproduces the store
quad for quad.  Turtle has no named graphs: it carries the default graph,
i.e. every distinct triple once.  Oxigraph serialises; nothing is hand-written.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from frkg.namespaces import PREFIXES
from frkg.store import open_store

FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_PREFIXED = {"trig", "turtle"}


def export_store(store_path: str | Path, fmt: str, output: str | Path | BinaryIO | None = None) -> Path | None:
    """Write the store at ``store_path`` in ``fmt`` to ``output`` (a path or binary stream; stdout by default).

    When ``output`` is a path and :mod:`frkg.void` is available, a VoID/DCAT
    description of the dataset is written beside it; its path is returned.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    store = open_store(store_path, read_only=True)
    target = output if output is not None else sys.stdout.buffer
    if isinstance(target, str | Path):
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
    dump(store, fmt, target)
    if isinstance(target, Path) and void_available():
        return write_void(store, void_path(target))
    return None


def dump(store: ox.Store, fmt: str, target: Path | BinaryIO) -> None:
    """Serialise ``store`` in ``fmt`` (Turtle: the default graph only)."""
    options: dict = {"format": FORMATS[fmt]}
    if fmt == "turtle":
        options["from_graph"] = ox.DefaultGraph()
    if fmt in _PREFIXED:
        options["prefixes"] = PREFIXES
    store.dump(str(target) if isinstance(target, Path) else target, **options)


def void_path(output: Path) -> Path:
    """Where the dataset description of an export at ``output`` goes."""
    return output.with_name(output.name + ".void.ttl")


def void_available() -> bool:
    return importlib.util.find_spec("frkg.void") is not None


def write_void(store: ox.Store, path: Path) -> Path:
    """Write frkg.void's VoID/DCAT description of ``store`` as Turtle."""
    from frkg.void import describe_dataset

    describe_dataset(store).serialize(destination=str(path), format="turtle")
    return path
