"""Where a site may be written: checked before any command builds, serves or replaces a site.

A build replaces the whole site folder. MkDocs refuses a site folder over its pages only when it
builds into that folder itself; ita-site builds beside it and swaps, so it refuses here, pointing
at ``site_dir`` in mkdocs.yml: never the project, its pages or its content, never a folder of files
no build wrote, and never a site without the ``ita`` plugin (it would have no disclosure pages).
"""

from __future__ import annotations

import os
from pathlib import Path

from ita_site.content.findings import ContentError, Finding
from ita_site.plugin.settings import Settings, key_position
from ita_site.plugin.staging import MARKER, published_folder


def _overlap(a: Path, b: Path) -> bool:
    return a.is_relative_to(b) or b.is_relative_to(a)


def _problem(where: Settings, site: Path) -> tuple[str, dict[str, str]] | None:
    """The code and arguments of what forbids building into ``site``, or None when it may be written."""
    target = Path(os.path.realpath(site))
    if where.root.resolve().is_relative_to(target):
        return "ITA510", {"site": str(site)}
    for setting, other in (("docs_dir", where.docs_dir), ("content_dir", where.content_dir)):
        if other is not None and _overlap(target, other.resolve()):
            return "ITA511", {"site": str(site), "other": str(other), "setting": setting}
    folder = published_folder(site)
    if folder.exists() and not (folder.is_dir() and ((folder / MARKER).is_file() or not any(folder.iterdir()))):
        return "ITA512", {"site": str(folder)}
    return None


def check_site_folder(where: Settings, site: Path | None = None) -> None:
    """Raise ContentError, located in mkdocs.yml, unless a build may replace ``site`` (default: the project's)."""
    if where.config_file is None or where.config is None:  # no mkdocs.yml: nothing is built, and the build says so
        return
    spots: list[tuple[str, str, dict[str, str]]] = []
    if "ita" not in where.config.plugins:
        spots.append(("plugins", "ITA513", {}))
    problem = _problem(where, site or where.site_dir)
    if problem is not None:
        spots.append(("site_dir", *problem))
    if spots:
        raise ContentError([Finding(code, where.config_file.name, *key_position(where.config_file, key), args)
                            for key, code, args in spots])
