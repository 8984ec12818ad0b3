"""A bounded cache of encoded query results for the read-only store.

Keys include the store's build identity, so a new build never serves an old
answer; entries are weighed by their size in bytes (cachetools' LRUCache).  A
repeated GET request finds its job without being parsed again through
:mod:`frkg.sparql.prepared`.
"""
from __future__ import annotations

import threading

from cachetools import LRUCache

from frkg.sparql.results import Outcome
from frkg.sparql.worker import QueryJob


class ResultCache:
    """LRU of successful outcomes, at most ``max_bytes`` of bodies; ``max_bytes=0`` disables it."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, max_entry_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes or max(max_bytes // 8, 1)
        self._lru: LRUCache = LRUCache(maxsize=max(max_bytes, 1), getsizeof=lambda o: len(o.body) + 256)
        self._lock = threading.Lock()
        self._build_id: str | None = None
        self.hits = self.misses = 0

    def get(self, job: QueryJob, build_id: str) -> Outcome | None:
        if not self.max_bytes:
            return None
        with self._lock:
            self._forget_other_builds(build_id)
            outcome = self._lru.get(job)
            if outcome is None:
                self.misses += 1
            else:
                self.hits += 1
            return outcome

    def put(self, job: QueryJob, build_id: str, outcome: Outcome) -> None:
        if not self.max_bytes or outcome.status != "ok" or len(outcome.body) > self.max_entry_bytes:
            return
        with self._lock:
            self._forget_other_builds(build_id)
            self._lru[job] = outcome

    def clear(self) -> None:
        with self._lock:
            self._lru.clear()

    @property
    def size_bytes(self) -> int:
        return self._lru.currsize

    def _forget_other_builds(self, build_id: str) -> None:
        """Entries of another build are dead weight: drop them all at once."""
        if build_id != self._build_id:
            self._lru.clear()
            self._build_id = build_id
