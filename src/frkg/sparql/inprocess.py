"""Read-only queries run inside the server's worker process, still with a time limit that really stops them.

Sending every query to a separate query process costs a pipe round trip and
two context switches, which on a cheap lookup is more than the query itself
(bench/endpoint.py).  Here a query runs on a query thread of the worker
process (pyoxigraph releases the GIL while it evaluates and serialises) and
the request's thread waits for it with the time limit.  When the limit passes
the request is answered 503 like any other error; once that answer is sent
the worker asks the server (granian, ``frkg serve``) to replace its workers
gracefully (SIGHUP): fresh workers start, the old ones stop taking requests
and finish those they hold, and the one stuck in the query is ended after
the server's kill timeout, which stops the query and frees its CPU and
memory without dropping any other client's request.  (Ending the worker at
once would drop the requests it had already accepted, and granian stops
altogether when workers die twice within a few seconds.)  Only ``frkg
serve`` turns this on (``FRKG_QUERY_IN_PROCESS`` with ``FRKG_SERVER_PID``);
embedded apps keep :class:`frkg.sparql.executor.ProcessExecutor`, which never
ends its host.
"""
from __future__ import annotations

import os
import queue
import signal
import threading

from frkg.sparql.executor import QueryTimeout
from frkg.sparql.results import Outcome
from frkg.sparql.worker import QueryJob, UpdateJob, run_job

class _Ticket:
    """One job handed to a query thread; ``done`` is released when ``outcome`` is set."""

    __slots__ = ("job", "outcome", "done")

    def __init__(self, job: QueryJob) -> None:
        self.job, self.outcome = job, None
        self.done = threading.Lock()
        self.done.acquire()


class InProcessExecutor:
    """Runs jobs on ``backend.store`` (an :class:`frkg.backend.OxigraphBackend`) on ``threads`` query threads.

    A lock hand-off costs about 20 microseconds, a tenth of a cheap lookup;
    a thread pool's futures cost three times more.
    """

    def __init__(self, backend, server_pid: int, timeout: float = 30.0, threads: int = 1) -> None:
        self.backend, self.server_pid, self.timeout, self.threads = backend, server_pid, timeout, threads
        self._tickets: queue.SimpleQueue[_Ticket] = queue.SimpleQueue()
        self._owner_pid = 0  # the process whose threads are running (a forked child needs its own)

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome:
        if isinstance(job, UpdateJob):
            return Outcome("refused", message="this server opened the store read-only")
        if self._owner_pid != os.getpid():  # first query in this process (a forked child needs its own threads)
            self._owner_pid = os.getpid()
            for _ in range(self.threads):
                self._start_thread()
        ticket = _Ticket(job)
        self._tickets.put(ticket)
        if not ticket.done.acquire(timeout=self.timeout):
            self._start_thread()  # the stuck thread's stand-in, so this worker still answers until it is retired
            raise QueryTimeout(self.timeout, after_answer=self._replace_workers)
        return ticket.outcome

    def close(self) -> None:
        """Nothing to release: the query threads are daemons of this process."""

    def _start_thread(self) -> None:
        threading.Thread(target=self._serve, name="frkg-query", daemon=True).start()

    def _replace_workers(self) -> None:
        """Ask the server to start fresh workers and retire this one (see the module docstring)."""
        os.kill(self.server_pid, signal.SIGHUP)

    def _serve(self) -> None:
        while True:
            ticket = self._tickets.get()
            ticket.outcome = run_job(self.backend.store, ticket.job)  # the store of the build now served
            ticket.done.release()
