"""A real HTTP server on 127.0.0.1 for protocol and browser tests, and the corpus store."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@contextmanager
def http_server(app) -> Iterator[str]:
    """Serve a WSGI app on an ephemeral loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """An on-disk Oxigraph store built by the real pipeline from corpus/ (built once per session)."""
    from frkg.build import build_store

    path = tmp_path_factory.mktemp("corpus-store") / "store"
    build_store(CORPUS, path)
    return path
