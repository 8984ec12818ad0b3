"""The browsable web UI: one blueprint per kind of page.

``register(app)`` attaches every blueprint plus the security headers and the
friendly error pages; ``frkg.app.create_app`` calls it once.
"""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Attach the web UI blueprints, security headers and error pages to ``app``."""
    from frkg.web import (
        catalogue_pages,
        classes,
        entity,
        home,
        linkeddata,
        ontology_page,
        search,
        security,
        sparql_editor,
    )

    for module in (home, search, entity, classes, linkeddata,
                   catalogue_pages, ontology_page, sparql_editor):
        app.register_blueprint(module.bp)
    security.install(app)
