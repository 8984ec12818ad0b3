"""The ``frkg`` command line: one group, each command defined in its own module."""
from __future__ import annotations

import click

from frkg import __version__


@click.group(name="frkg", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frkg")
def cli() -> None:
    """frkg: build, check, query and serve the face recognition trade knowledge graph."""


def _register() -> None:
    """Attach the commands; each module owns one command or command group."""
    # Each line imports one command module; keep one import per line.
    # -- commands --
    import frkg.cli_serve  # noqa: F401
    import frkg.cli_build  # noqa: F401
    import frkg.cli_query  # noqa: F401
    import frkg.cli_link  # noqa: F401
    import frkg.cli_check  # noqa: F401


_register()
