"""Per-app endpoint state: the executor, the cache, the limits, and noticing a new build."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app

from frkg.sparql.cache import ResultCache
from frkg.sparql.executor import Executor, ProcessExecutor, RemoteExecutor
from frkg.sparql.prepared import RequestMemo

DEFAULTS: dict[str, Any] = {
    "FRKG_QUERY_TIMEOUT": 30.0,          # seconds; the query is killed after it
    "FRKG_MAX_QUERY_LENGTH": 100_000,    # characters; longer -> 413
    "FRKG_MAX_ROWS": 10_000,             # rows or triples; more -> cut, signalled
    "FRKG_CACHE_BYTES": 64 * 1024 * 1024,  # 0 disables the result cache
    "FRKG_QUERY_PROCESSES": 1,           # worker processes per server process
    "FRKG_QUERY_IN_PROCESS": False,      # run queries in the server process (frkg serve only: see inprocess.py)
    "FRKG_SERVER_PID": None,             # with it: the granian process to ask for fresh workers after a timeout
    "FRKG_SERVICE_ALLOWLIST": [],        # SERVICE endpoints a query may call
    "FRKG_UPDATE_TOKEN": None,           # enables SPARQL Update + Graph Store writes
    "FRKG_RELOAD_INTERVAL": 1.0,         # seconds between checks for a new build on disk
}


@dataclass
class EndpointState:
    """Everything the /sparql views share within one server process."""

    backend: Any
    executor: Executor
    cache: ResultCache
    config: dict[str, Any] = field(default_factory=dict)
    memo: RequestMemo = field(default_factory=RequestMemo)  # checked GET requests (prepared.py)
    void: tuple[str, Any] | None = None  # (build id, VoID graph) of the last description computed

    @property
    def update_token(self) -> str | None:
        return self.config.get("FRKG_UPDATE_TOKEN") or None

    def current_build(self) -> tuple[object, str]:
        """(generation, build id) of the store now on disk, reopening it if it was swapped."""
        refresh = getattr(self.backend, "refresh", None)
        if refresh is not None:
            refresh(self.config["FRKG_RELOAD_INTERVAL"])
        return getattr(self.backend, "generation", None), self.backend.build_id


def make_state(app: Flask, backend: Any) -> EndpointState:
    """Choose the executor that fits the backend: worker processes for a store, HTTP for a server."""
    config = {**DEFAULTS, **{k: v for k, v in app.config.items() if k.startswith("FRKG_")}}
    app.config.update({k: v for k, v in config.items() if k not in app.config})
    timeout = float(config["FRKG_QUERY_TIMEOUT"])
    executor = getattr(backend, "executor", None)
    if executor is None and hasattr(backend, "raw_query"):
        executor = RemoteExecutor(backend, timeout)
    elif executor is None and config.get("FRKG_QUERY_IN_PROCESS") and hasattr(backend, "store"):
        from frkg.sparql.inprocess import InProcessExecutor

        executor = InProcessExecutor(backend, int(config["FRKG_SERVER_PID"]), timeout)
    elif executor is None and hasattr(backend, "path"):
        executor = ProcessExecutor(str(backend.path), int(config["FRKG_QUERY_PROCESSES"]), timeout)
    elif executor is None:
        raise TypeError(f"no SPARQL executor for a backend of type {type(backend).__name__}")
    executor.timeout = timeout
    return EndpointState(backend, executor, ResultCache(int(config["FRKG_CACHE_BYTES"])), config)


def state() -> EndpointState:
    return current_app.extensions["frkg.sparql"]
