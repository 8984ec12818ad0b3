"""A small server-side picture of an entity's neighbourhood (SVG, no JavaScript library).

The entity sits in the middle; up to ``MAX_NODES`` neighbours sit on a circle,
each edge labelled with the property or fact that links them.
"""
from __future__ import annotations

import math

MAX_NODES = 12
WIDTH, HEIGHT, RADIUS = 640, 420, 160


def layout(center: dict, neighbours: list[dict]) -> dict:
    """Positions for the centre and its neighbours (``label``, ``href``, ``edge``) on a circle."""
    unique: dict[str, dict] = {}
    for n in neighbours:
        unique.setdefault(n["href"] or n["label"], n)
    shown = list(unique.values())[:MAX_NODES]
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes = []
    for i, n in enumerate(shown):
        angle = 2 * math.pi * i / max(len(shown), 1) - math.pi / 2
        x, y = cx + RADIUS * 1.35 * math.cos(angle), cy + RADIUS * math.sin(angle)
        nodes.append({**n, "x": round(x, 1), "y": round(y, 1), "short": _short(n["label"]),
                      "mx": round((x + cx) / 2, 1), "my": round((y + cy) / 2, 1), "edge_short": _short(n["edge"], 22)})
    return {"width": WIDTH, "height": HEIGHT, "center": {**center, "x": cx, "y": cy, "short": _short(center["label"])},
            "nodes": nodes, "hidden": max(len(unique) - len(shown), 0)}


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
