"""The ``ita-site`` command line (click only)."""

from ita_site.cli.commands import main

__all__ = ["main"]
