"""Run queries with a time limit that really stops them.

:class:`ProcessExecutor` keeps a small pool of worker processes (see
:mod:`frkg.sparql.worker`); a query that overruns is stopped by killing its
process, which frees the CPU and memory at once, and a fresh process takes its
place.  :class:`RemoteExecutor` sends queries to a remote SPARQL server.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Protocol

from frkg.sparql.results import Outcome, encode
from frkg.sparql.worker import QueryJob, UpdateJob


class QueryTimeout(Exception):
    """The query ran longer than the configured limit and was stopped."""

    def __init__(self, seconds: float, after_answer: Callable[[], None] | None = None,
                 what_happened: str = "was stopped") -> None:
        super().__init__(
            f"The query ran longer than the server's limit of {seconds:g} s and {what_happened}. "
            "Narrow it (more specific patterns, LIMIT) or ask the operator to raise --timeout."
        )
        self.seconds = seconds
        self.after_answer = after_answer  # what stops the query, once the 503 has been sent


class Executor(Protocol):
    """Runs a query or update job and returns its encoded outcome."""

    timeout: float

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome: ...

    def close(self) -> None: ...


# Imported, not run with -m: the job classes must be frkg.sparql.worker's, not __main__'s.
_CHILD = "import sys; from frkg.sparql.worker import main; main(sys.argv[1:])"


class _WorkerProcess:
    """One child process (running :func:`frkg.sparql.worker.main`) and the pipes to it.

    A fresh interpreter rather than multiprocessing: nothing is forked from a
    process holding an open RocksDB, and the host's ``__main__`` (granian,
    pytest, a script) is never re-imported.
    """

    def __init__(self, store_path: str, writable: bool) -> None:
        args = [sys.executable, "-c", _CHILD, store_path] + (["--writable"] if writable else [])
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.replies = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()  # the Connections own duplicates of these descriptors
        self.process.stdout.close()

    def call(self, job, generation, timeout: float) -> Outcome:
        self.requests.send((job, generation))
        if not self.replies.poll(timeout):
            self.kill()
            raise QueryTimeout(timeout)
        return self.replies.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self._close_pipes()

    def stop(self) -> None:
        try:
            self.requests.send(None)
            self.process.wait(2)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(5)
        self._close_pipes()

    def _close_pipes(self) -> None:
        self.requests.close()
        self.replies.close()


class ProcessExecutor:
    """A pool of ``size`` worker processes over the store at ``store_path``."""

    def __init__(self, store_path: str, size: int = 1, timeout: float = 30.0, writable: bool = False) -> None:
        self.store_path, self.writable, self.timeout = str(store_path), writable, timeout
        self._idle: queue.LifoQueue[_WorkerProcess | None] = queue.LifoQueue()
        for _ in range(size):
            self._idle.put(None)  # started on first use
        self._all: set[_WorkerProcess] = set()
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Start every worker now, so the first queries do not pay for process start-up."""
        taken = [self._idle.get() for _ in range(self._idle.qsize())]
        for worker in taken:
            self._idle.put(worker or self._start())

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome:
        worker = self._idle.get()
        try:
            worker = worker or self._start()
            outcome = worker.call(job, generation, self.timeout)
        except QueryTimeout:
            self._forget(worker)
            worker = None
            raise
        except (EOFError, OSError) as err:
            if worker is not None:
                self._forget(worker)
                worker.kill()
            worker = None
            return Outcome("error", message=f"the query worker process died ({err!r}); it has been restarted")
        finally:
            self._idle.put(worker)
        return outcome

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()

    def _start(self) -> _WorkerProcess:
        worker = _WorkerProcess(self.store_path, self.writable)
        with self._lock:
            self._all.add(worker)
        return worker

    def _forget(self, worker: _WorkerProcess) -> None:
        with self._lock:
            self._all.discard(worker)


class RemoteExecutor:
    """Queries answered by a remote SPARQL 1.1 server (see :class:`frkg.remote.RemoteBackend`)."""

    def __init__(self, backend, timeout: float = 30.0) -> None:
        self.backend, self.timeout = backend, timeout

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome:
        if isinstance(job, UpdateJob):
            return self._update(job)
        if job.bindings:
            return Outcome("refused", message="the Graph Store Protocol is served by the remote server itself")
        from frkg.remote import RemoteQueryError, RemoteTimeout

        try:
            result = self.backend.raw_query(
                job.query, default_graphs=job.default_graphs or None, named_graphs=job.named_graphs,
                timeout=self.timeout
            )
        except RemoteTimeout as err:
            raise QueryTimeout(self.timeout, what_happened=err.what_happened) from err
        except RemoteQueryError as err:
            return Outcome("syntax" if err.status == 400 else "error", message=str(err))
        return encode(result, job.results_format, job.graph_format, job.max_rows)

    def _update(self, job: UpdateJob) -> Outcome:
        """Send the update with the operations that keep frkg's union graph on the server in step, as ONE request.

        One request is one transaction where the server makes it one
        (Virtuoso, GraphDB and Fuseki apply an update request all or nothing).
        """
        from frkg.remote import RemoteQueryError, RemoteTimeout
        from frkg.sparql.union import UnscopedUpdate, remote_maintenance
        from frkg.sparql_text import append_operations

        text = job.update
        try:
            if job.rederive_union:
                text = append_operations(text, remote_maintenance(self.backend, text))
            self.backend.raw_update(text, self.timeout)
        except UnscopedUpdate as err:
            return Outcome("rejected", message=str(err))
        except RemoteTimeout as err:
            raise QueryTimeout(self.timeout) from err
        except RemoteQueryError as err:
            return Outcome("rejected" if err.status in (400, 409, 422) else "error", message=str(err))
        return Outcome("ok", message="update applied")

    def close(self) -> None:
        """Nothing to release: each query is one HTTP request."""

