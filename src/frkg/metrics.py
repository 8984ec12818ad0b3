"""Prometheus metrics of the endpoint (prometheus_client).

Under ``frkg serve`` every worker is a process: ``frkg serve`` sets
``PROMETHEUS_MULTIPROC_DIR`` so that ``/metrics`` sums all workers.
"""
from __future__ import annotations

import os
from functools import lru_cache

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import REGISTRY, multiprocess

REQUESTS = Counter("frkg_sparql_requests", "SPARQL requests answered, by operation and HTTP status",
                   ["operation", "status"])
ERRORS = Counter("frkg_sparql_errors", "SPARQL requests answered with an error, by kind", ["kind"])
TIMEOUTS = Counter("frkg_sparql_timeouts", "Queries stopped because they exceeded the time limit")
CACHE = Counter("frkg_sparql_cache", "Result cache lookups, by outcome", ["outcome"])
TRUNCATED = Counter("frkg_sparql_truncated", "Results cut at the row limit")
LATENCY = Histogram(
    "frkg_sparql_request_seconds", "Time to answer a SPARQL request", ["operation"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)


@lru_cache(maxsize=None)
def labelled(metric, *values: str):
    """The child of ``metric`` for ``values``, looked up once (``labels()`` costs a lock and a dict build)."""
    return metric.labels(*values)


def observe_request(operation: str, status: int, seconds: float, error_kind: str | None) -> None:
    """Count and time one answered request (and its error kind, if any)."""
    labelled(REQUESTS, operation, str(status)).inc()
    labelled(LATENCY, operation).observe(seconds)
    if error_kind:
        labelled(ERRORS, error_kind).inc()


def exposition() -> tuple[bytes, str]:
    """The metrics page body and its content type, over all server processes."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
