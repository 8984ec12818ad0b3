"""The code that runs inside a query worker process.

pyoxigraph cannot interrupt a running query from Python, so every query runs
in a child process that the server kills when the time limit passes.  The
child opens the store itself (read-only, or writable in update mode) and
reopens it when the server tells it that the store on disk changed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import pyoxigraph as ox

from frkg.sparql.results import Outcome, encode, encode_whole


@dataclass(frozen=True)
class QueryJob:
    """One query with everything that decides its answer (also the cache key)."""

    query: str
    results_format: str | None
    graph_format: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] | None = None
    max_rows: int = 10_000
    bindings: tuple[tuple[str, object], ...] = field(default=(), compare=True)


@dataclass(frozen=True)
class UpdateJob:
    """One SPARQL Update (already authorised); applied in one transaction.

    ``rederive_union``: append the operations that keep the default graph the
    union of the named graphs (:mod:`frkg.sparql.union`: for the graphs the
    update writes, or a scan of the store).  Writers that keep the default
    graph in step themselves (the Graph Store Protocol) pass False.
    """

    update: str
    rederive_union: bool = True


def open_store(path: str, writable: bool) -> ox.Store:
    """The on-disk store, writable only in update mode."""
    return ox.Store(path) if writable else ox.Store.read_only(path)


def run_job(store: ox.Store, job: QueryJob | UpdateJob, known_rows: int | None = None) -> Outcome:
    """Execute one job, turning engine errors into an :class:`Outcome`.

    ``known_rows``: how many rows the query's answer holds, under the row
    limit, as a run on this same build showed; the answer is then written in
    one pass instead of counted and cut (:func:`frkg.sparql.results.encode_whole`).
    """
    try:
        if isinstance(job, UpdateJob):
            return _update(store, job)
        result = _query(store, job)
        if known_rows is not None:
            return encode_whole(result, job.results_format, job.graph_format, known_rows)
        return encode(result, job.results_format, job.graph_format, job.max_rows)
    except SyntaxError as err:
        return Outcome("syntax", message=str(err))
    except (OSError, ValueError, RuntimeError) as err:
        return Outcome("error", message=str(err))


def _update(store: ox.Store, job: UpdateJob) -> Outcome:
    """Apply the update and keep the default graph the union in ONE SPARQL Update, i.e. one transaction.

    The maintenance operations (:mod:`frkg.sparql.union`) are appended with
    :func:`frkg.sparql_text.append_operations`.  A syntax error is reported
    from the user's text alone, parsed against a throwaway in-memory store so
    that its message and position refer to what the user sent.
    """
    from frkg.sparql.union import maintenance  # rdflib's parser: only writable workers pay for its import
    from frkg.sparql_text import append_operations

    tail = maintenance(store, job.update) if job.rederive_union else ""
    try:
        store.update(append_operations(job.update, tail))
        return Outcome("ok", message="update applied")
    except SyntaxError:
        pass
    except (RuntimeError, ValueError) as err:
        return Outcome("rejected", message=f"the update failed and nothing was written: {err}")
    ox.Store().update(job.update)  # raises the user's own SyntaxError; never touches the real store
    return Outcome("syntax", message="the update is not valid SPARQL 1.1 Update")


def _query(store: ox.Store, job: QueryJob):
    options: dict = {}
    if job.default_graphs:
        options["default_graph"] = [_graph(g) for g in job.default_graphs]
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.bindings:
        options["substitutions"] = {ox.Variable(k): v for k, v in job.bindings}
    return store.query(job.query, **options)


def _graph(iri: str):
    return ox.DefaultGraph() if iri == "" else ox.NamedNode(iri)


def serve_jobs(reader, writer, store_path: str, writable: bool) -> None:
    """Loop of the worker process: receive ``(job, generation)``, send back an Outcome."""
    store, opened = None, None
    while True:
        try:
            message = reader.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        job, generation = message
        if store is None or generation != opened:
            store = None
            try:
                store, opened = open_store(store_path, writable), generation
            except OSError as err:
                writer.send(Outcome("error", message=f"cannot open the store {store_path}: {err}"))
                continue
        writer.send(run_job(store, job))


def main(argv: list[str]) -> None:
    """Entry point of a worker process (arguments: STORE [--writable]); jobs come on stdin.

    The pipe protocol is multiprocessing's Connection (pickled messages); fd 1
    is moved aside for it and stdout is pointed at stderr, so stray output
    cannot corrupt the replies.
    """
    from multiprocessing.connection import Connection

    reply_fd = os.dup(1)
    os.dup2(2, 1)
    serve_jobs(Connection(0, writable=False), Connection(reply_fd, readable=False), argv[0], "--writable" in argv)

