"""Shared fixtures live in tests/plugins/, one module per area; list them here."""

pytest_plugins = [
    "tests.plugins.servers",
    # -- plugins --
    "tests.plugins.endpoint",
    "tests.plugins.web",
    "tests.plugins.wikidata_standin",
]
