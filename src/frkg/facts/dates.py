"""Dates written in prose -> ISO strings ("November 2021" -> "2021-11")."""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<m2>{_MONTH})\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?P<y2>(?:19|20)\d\d)"
    r"|(?<![\d,.])(?P<y3>(?:19|20)\d\d)(?!\d|,\d)(?!\s*(?:deals|contracts|companies|firms|cameras))"
    r"|(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?))")


def iso_date(match: re.Match) -> str:
    """ISO form of a :data:`DATE` match: YYYY, YYYY-MM or YYYY-MM-DD."""
    if match.group("iso"):
        return match.group("iso")
    year = match.group("y1") or match.group("y2") or match.group("y3")
    month = match.group("m1") or match.group("m2")
    day = match.group("d1") or match.group("d2")
    if not month:
        return year
    out = f"{year}-{MONTHS[month.lower()]:02d}"
    return f"{out}-{int(day):02d}" if day else out


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[str, re.Match] | None:
    """The first date in ``text[start:end]`` as (ISO string, match)."""
    match = DATE.search(text, start, len(text) if end is None else end)
    return (iso_date(match), match) if match else None
