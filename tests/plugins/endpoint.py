"""Fixtures for the SPARQL endpoint: generated stores, `frkg serve` processes, a real Virtuoso.

Everything listens on 127.0.0.1 only, on ports picked free at start.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bench import datagen
from frkg.querylog import FLUSH_SECONDS

FIXTURE_TRIPLES = 3000
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_store(path: Path, triples: int = FIXTURE_TRIPLES, seed: int = 0, build_id: str | None = None) -> Path:
    """A generated domain-shaped store (see bench/datagen.py) at ``path``."""
    datagen.write_store(path, triples, seed, build_id)
    return path


@dataclass
class Served:
    """A running `frkg serve`: its base URL, process and log file."""

    url: str
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def log_records(self, wanted: Callable[[dict], bool], count: int = 1, seconds: float = 10) -> list[dict]:
        """The JSON log lines ``wanted`` accepts, in order, once at least ``count`` of them are written.

        frkg writes its query log in batches (frkg.querylog: at most FLUSH_SECONDS late), so this
        polls, then waits for one more batch so that a line written twice would show too.
        """
        deadline = time.monotonic() + seconds
        while len(self._records(wanted)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2 * FLUSH_SECONDS)
        return self._records(wanted)

    def _records(self, wanted: Callable[[dict], bool]) -> list[dict]:
        records = [json.loads(line) for line in self.log_text().splitlines() if line.startswith("{")]
        return [record for record in records if wanted(record)]


@contextmanager
def frkg_serve(tmp: Path, *args: str, port: int | None = None) -> Iterator[Served]:
    """Run ``frkg serve ARGS`` on a free loopback port until the block ends."""
    port = port or free_port()
    log = tmp / f"serve-{port}.log"
    command = [sys.executable, "-c", "from frkg.cli import cli; cli()", "serve",
               "--host", "127.0.0.1", "--port", str(port), *args]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    served = Served(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_healthy(served)
        yield served
    finally:
        _stop(process)


def _wait_healthy(served: Served, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            raise RuntimeError(f"frkg serve exited with {served.process.returncode}:\n{served.log_text()}")
        try:
            if requests.get(served.url + "/healthz", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"frkg serve did not become healthy in {seconds} s:\n{served.log_text()}")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the server's process group (granian, its workers, their query processes)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@pytest.fixture(scope="session")
def endpoint_store(tmp_path_factory) -> Path:
    """A small generated store (about 3,000 triples, 40-odd named graphs)."""
    return make_store(tmp_path_factory.mktemp("endpoint") / "store")


@pytest.fixture(scope="session")
def peer_server(tmp_path_factory) -> Iterator[Served]:
    """A second frkg endpoint over a different store: the target of federated SERVICE queries."""
    tmp = tmp_path_factory.mktemp("peer")
    store = make_store(tmp / "store", 800, seed=7, build_id="peer-build")
    with frkg_serve(tmp, "--store", str(store), "--workers", "1") as served:
        yield served


@pytest.fixture(scope="session")
def frkg_server(tmp_path_factory, endpoint_store, peer_server) -> Iterator[Served]:
    """`frkg serve` over the fixture store: 2 workers, 2 s timeout, 500-row limit, the peer allowed for SERVICE."""
    tmp = tmp_path_factory.mktemp("serve")
    with frkg_serve(tmp, "--store", str(endpoint_store), "--workers", "2", "--timeout", "2",
                    "--max-rows", "500", "--max-query-length", "5000",
                    "--service-allowlist", peer_server.sparql) as served:
        yield served


@dataclass
class Virtuoso:
    """A Virtuoso server of our own: loopback ports, private database directory."""

    sparql: str
    isql_port: int
    directory: Path


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    """Start virtuoso-t with its own ini (loopback only, own db dir, no result cap); stop it afterwards."""
    directory = tmp_path_factory.mktemp("virtuoso")
    http_port, isql_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_virtuoso_ini(directory, http_port, isql_port))
    log = open(directory / "virtuoso.out", "wb")
    process = subprocess.Popen(["virtuoso-t", "-f", "-c", str(ini)], cwd=directory, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    server = Virtuoso(f"http://127.0.0.1:{http_port}/sparql", isql_port, directory)
    try:
        _wait_virtuoso(server, process)
        yield server
    finally:
        _stop(process)
        log.close()
        shutil.rmtree(directory, ignore_errors=True)


def _virtuoso_ini(directory: Path, http_port: int, isql_port: int) -> str:
    text = VIRTUOSO_INI.read_text().replace("/var/lib/virtuoso-opensource-7/db", str(directory))
    text = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\b", rf"\g<1>127.0.0.1:{isql_port}", text)
    text = re.sub(r"(?m)^(ServerPort\s*=\s*)8890\b", rf"\g<1>127.0.0.1:{http_port}", text)
    text = re.sub(r"(?m)^(ResultSetMaxRows\s*=\s*)\d+", r"\g<1>10000000", text)
    return re.sub(r"(?m)^(DirsAllowed\s*=\s*)(.*)$", rf"\g<1>\2, {directory}", text)


def _wait_virtuoso(server: Virtuoso, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited: {(server.directory / 'virtuoso.out').read_text()[-2000:]}")
        try:
            if requests.get(server.sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise RuntimeError("Virtuoso did not answer within 90 s")
