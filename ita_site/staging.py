"""Publish a built site all at once: build beside it, then swap folders by renames only.

Every command that writes a site (``build``, ``build-many``, ``package``) goes through here, so a
failed build always leaves the previous site whole and readers never see a half-written one.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def swap_into_place(built: Path, site: Path) -> None:
    """Replace ``site`` by ``built`` with renames only, so readers never see a half-written site."""
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        old.rmdir()
        site.rename(old)
    built.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def staged(site: Path) -> Iterator[Path]:
    """A temporary folder beside ``site`` to build into; it replaces ``site`` only if the block succeeds."""
    site.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        yield temporary
        swap_into_place(temporary, site)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
