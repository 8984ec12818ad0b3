"""Per-backend caches for data that only changes with a new build (labels, search index).

Keyed by the backend object and its ``build_id`` so a swapped store is never
served stale data, and dropped with the backend (weak keys).
"""
from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_caches: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def per_build(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """Cache ``fn(backend)`` until the backend's build id changes."""

    @functools.wraps(fn)
    def wrapper(backend: Any) -> T:
        key = (fn.__qualname__, getattr(backend, "build_id", ""))
        with _lock:
            cache = _caches.setdefault(backend, {})
            if key in cache:
                return cache[key]
        value = fn(backend)
        with _lock:
            cache[key] = value
        return value

    return wrapper
