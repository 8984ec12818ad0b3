"""Fixtures for the web UI tests: a small hand-written graph in an on-disk Oxigraph store."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "graph.trig"


def load_fixture_store(path: Path) -> Path:
    """Write the fixture graph into an on-disk store, named graphs plus their union in the default graph.

    The union mirrors what ``frkg build`` materialises (docs/design.md, "Named graphs").
    """
    store = ox.Store(str(path))
    quads = list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    """The fixture graph in an on-disk Oxigraph store (built once per session)."""
    return load_fixture_store(tmp_path_factory.mktemp("web-store") / "store")


@pytest.fixture(scope="session")
def web_app(web_store):
    """The full frkg app over the fixture store, read-only as in production."""
    from frkg.app import create_app

    app = create_app({"FRKG_STORE": str(web_store), "TESTING": False})
    return app


@pytest.fixture()
def client(web_app):
    """A Flask test client of the fixture app."""
    return web_app.test_client()


@pytest.fixture(scope="session")
def corpus_app(corpus_store):
    """The full frkg app over the store the real pipeline built from corpus/."""
    from frkg.app import create_app

    return create_app({"FRKG_STORE": str(corpus_store)})


@pytest.fixture()
def corpus_client(corpus_app):
    """A Flask test client of the corpus app."""
    return corpus_app.test_client()
