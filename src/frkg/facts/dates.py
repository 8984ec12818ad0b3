"""Dates written in prose -> ISO strings ("November 2021" -> "2021-11", "03/11/2025" -> "2025-11-03").

A day without its year ("signed on October 9", "Signed 3 May in Quito") takes the year of the last full date
written before it (a news story's dateline); a deadline ("by mid-2027") dates nothing done.
"""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
# News style abbreviates long month names before a day: "Sept. 18, 2026", "Jan. 4, 2025".
ABBREVIATED = {"jan.": 1, "feb.": 2, "aug.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
DATE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<m2>{_MONTH})\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?P<y2>(?:19|20)\d\d)"
    r"|(?<![\d,.])(?<!\bby )(?<!\bby mid-)(?<!\bby end-)(?<!\bby early-)(?<!\bby late-)"  # no deadline
    r"(?P<y3>(?:19|20)\d\d)(?!\d|,\d)(?!\s*(?:deals|contracts|companies|firms|cameras))"
    r"|(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?)"
    r"|(?<![\d/.])(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<y6>(?:19|20)\d\d)(?!\d)"  # "15/04/2026"
    rf"|(?:(?<=\bon )|(?<=\bSigned )|(?<=\bsigned ))(?:(?P<d4>\d{{1,2}})\s+(?P<m4>{_MONTH})|(?P<m5>{_MONTH})\s+(?P<d5>\d{{1,2}}))\b(?![,\d]|\s+\d))")
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d)")
# "X, founded in 2017, sells ...": when a body was set up dates nothing it does.
FOUNDED = re.compile(r"\b(?:founded|established|incorporated|set up)\s+(?:in\s+)?$")


def iso_date(match: re.Match, year: str | None = None) -> str:
    """ISO form of a :data:`DATE` match: YYYY, YYYY-MM or YYYY-MM-DD (``year`` for a day without one)."""
    if match.group("iso"):
        return match.group("iso")
    if match.group("y6"):
        return _numeric_date(match)
    year = match.group("y1") or match.group("y2") or match.group("y3") or year
    month = match.group("m1") or match.group("m2") or match.group("m4") or match.group("m5")
    day = match.group("d1") or match.group("d2") or match.group("d4") or match.group("d5")
    if not month:
        return year
    out = f"{year}-{(MONTHS.get(month.lower()) or ABBREVIATED[month.lower()]):02d}"
    return f"{out}-{int(day):02d}" if day else out


def _valid_numeric(match: re.Match) -> bool:
    """Whether "n1/n2/yyyy" can be a day and a month in either order."""
    first, second = int(match.group("n1")), int(match.group("n2"))
    return 1 <= min(first, second) and min(first, second) <= 12 and max(first, second) <= 31


def _numeric_date(match: re.Match) -> str:
    """"15/04/2026", "17.3.2026": day first (as notices and most of the world write it), unless the
    second number cannot be a month ("12/31/2024")."""
    day, month = int(match.group("n1")), int(match.group("n2"))
    if month > 12:
        day, month = month, day
    return f"{match.group('y6')}-{month:02d}-{day:02d}"


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[str, re.Match] | None:
    """The first date in ``text[start:end]`` as (ISO string, match)."""
    for match in DATE.finditer(text, start, len(text) if end is None else end):
        if FOUNDED.search(text, max(0, match.start() - 20), match.start()):
            continue
        if match.group("y6") and not _valid_numeric(match):
            continue  # "7/45/2020" is no date
        if not (match.group("m4") or match.group("m5")):
            return iso_date(match), match
        years = YEAR.findall(text, 0, match.start())
        if years:
            return iso_date(match, years[-1]), match
    return None
