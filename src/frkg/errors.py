"""Errors frkg raises on bad input, each naming the file and the reason."""
from __future__ import annotations


class FrkgError(Exception):
    """Base class of frkg's own errors."""


class DocumentError(FrkgError):
    """A document cannot be read: empty, binary, not UTF-8, too large or unparsable.

    ``path`` names the file and ``reason`` says why, so a build can warn and
    go on with the other documents.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class GazetteerError(FrkgError):
    """The gazetteer data file is malformed (names the entry and the fix)."""
