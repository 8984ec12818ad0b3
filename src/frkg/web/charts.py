"""Server-rendered SVG charts for catalogue results (bar chart, timeline); no JavaScript needed.

The functions return geometry as plain data; ``templates/chart.svg`` draws it,
so labels pass through Jinja's escaping like any other text.
"""
from __future__ import annotations

import datetime as dt
import re

WIDTH = 720
ROW = 26
LABEL_WIDTH = 220
MAX_ITEMS = 40


def bar_chart(rows: list[dict], x: str, y: str) -> dict | None:
    """Horizontal bars: one per row, ``x`` the label column and ``y`` the numeric one."""
    items = [(_text(r.get(x)), _number(r.get(y))) for r in rows]
    items = [(label, value) for label, value in items if value is not None][:MAX_ITEMS]
    if not items:
        return None
    top = max(max(v for _, v in items), 0) or 1
    span = WIDTH - LABEL_WIDTH - 70
    bars = [{"label": label, "short": _short(label), "value": _format(value), "y": 10 + i * ROW,
             "width": round(max(value, 0) / top * span, 1)} for i, (label, value) in enumerate(items)]
    return {"kind": "bar", "width": WIDTH, "height": 20 + len(bars) * ROW, "label_width": LABEL_WIDTH,
            "bars": bars, "x_axis": x, "y_axis": y}


def timeline(rows: list[dict], date: str, label: str) -> dict | None:
    """One row per dated item, a dot at its date on a shared time axis."""
    items = [(_when(_text(r.get(date))), _text(r.get(date)), _text(r.get(label))) for r in rows]
    items = sorted((i for i in items if i[0] is not None), key=lambda i: i[0])[:MAX_ITEMS]
    if not items:
        return None
    first, last = items[0][0], items[-1][0]
    span = (last - first) or 1.0
    left, usable = LABEL_WIDTH + 20, WIDTH - LABEL_WIDTH - 60
    points = [{"x": round(left + (when - first) / span * usable, 1), "y": 30 + i * ROW, "date": shown,
               "label": text, "short": _short(text)} for i, (when, shown, text) in enumerate(items)]
    ticks = _year_ticks(first, last, left, usable, span)
    return {"kind": "timeline", "width": WIDTH, "height": 40 + len(points) * ROW, "points": points,
            "ticks": ticks, "axis_y": 14, "left": left, "right": left + usable}


def _year_ticks(first: float, last: float, left: float, usable: float, span: float) -> list[dict]:
    years = range(int(first), int(last) + 1)
    step = max(len(years) // 8, 1)
    return [{"x": round(left + (year - first) / span * usable, 1), "label": str(year)}
            for year in years[::step] if first <= year <= last] or [{"x": left, "label": str(int(first))}]


def _when(text: str) -> float | None:
    """A date, year-month or year as a fractional year."""
    match = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text or "")
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        day_of_year = dt.date(year, month, day).timetuple().tm_yday if year > 0 else 1
    except ValueError:
        return None
    return year + (day_of_year - 1) / 366


def _text(cell: dict | None) -> str:
    return "" if cell is None else str(cell.get("label") or cell.get("value") or "")


def _number(cell: dict | None) -> float | None:
    if cell is None:
        return None
    try:
        return float(cell.get("value"))
    except (TypeError, ValueError):
        return None


def _format(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
