"""Where a site may be written: checked before any command builds, serves or replaces a site.

A build replaces the whole site folder. MkDocs refuses a site folder over its pages only when it
builds into that folder itself; ita-site builds beside it and swaps, so it refuses here, pointing
at ``site_dir`` in mkdocs.yml: never the project, its pages or its content, never a folder of files
no build wrote, and never a site without the ``ita`` plugin (it would have no disclosure pages).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ita_site.content.findings import ContentError, Finding, Level
from ita_site.content.messages import Message, register
from ita_site.plugin.staging import MARKER, published_folder

if TYPE_CHECKING:
    from ita_site.cli.commands import ProjectDir

_USE_OWN_FOLDER = ("ตั้ง site_dir: site ใน mkdocs.yml ให้เว็บไซต์มีโฟลเดอร์ของตัวเอง",
                   "set site_dir: site in mkdocs.yml, a folder of the site's own")
register("ITA510", Message(Level.ERROR,
                           "site_dir คือ {site} ซึ่งเป็นหรือครอบโฟลเดอร์โครงการ การสร้างจะแทนที่ทั้งโครงการ จึงไม่สร้างเว็บไซต์",
                           "site_dir is {site}, which is or holds the project folder; a build would replace the "
                           "whole project, so nothing was built", *_USE_OWN_FOLDER))
register("ITA511", Message(Level.ERROR,
                           "site_dir คือ {site} ซึ่งเป็น อยู่ใน หรือครอบโฟลเดอร์ของ {setting} ({other}) "
                           "การสร้างจะแทนที่ไฟล์ในนั้น จึงไม่สร้างเว็บไซต์",
                           "site_dir is {site}, which is, lies in or holds the {setting} folder ({other}); a build "
                           "would replace those files, so nothing was built", *_USE_OWN_FOLDER))
register("ITA512", Message(Level.ERROR, "โฟลเดอร์ {site} มีไฟล์ที่ ita-site build ไม่ได้สร้าง จึงไม่แทนที่",
                           "{site} holds files that ita-site build did not write, so it is not replaced",
                           "ตั้ง site_dir เป็นโฟลเดอร์ใหม่ หรือย้ายไฟล์ออกจากโฟลเดอร์นั้น (เว็บไซต์ที่สร้างด้วย ita-site "
                           "รุ่นก่อนลบโฟลเดอร์ทิ้งได้ แล้วสั่งใหม่)",
                           "set site_dir to a new folder, or move the files away (a site built by an earlier "
                           "ita-site may simply be deleted; then run again)"))
register("ITA513", Message(Level.ERROR, "mkdocs.yml ไม่ได้เปิดปลั๊กอิน ita เว็บไซต์จะไม่มีหน้าเปิดเผยข้อมูล ITA จึงไม่สร้าง",
                           "mkdocs.yml does not enable the ita plugin; the site would have no ITA disclosure pages, "
                           "so nothing was built",
                           "เพิ่มบรรทัด - ita ใต้ plugins: (ดูตัวอย่างจาก ita-site init)",
                           "add the line - ita under plugins: (see ita-site init)"))


def _top_level(config_file: Path) -> dict[str, tuple[tuple[int, int], yaml.Node]]:
    """Each top-level key of mkdocs.yml: its 1-based (line, column) and its value, tags left unread."""
    root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: ((key.start_mark.line + 1, key.start_mark.column + 1), value)
            for key, value in root.value if isinstance(key, yaml.ScalarNode)}


def _plugin_names(node: yaml.Node | None) -> set[str]:
    """Plugin names of ``plugins:``, written as a list (``- ita``, ``- ita: {...}``) or as a mapping."""
    if isinstance(node, yaml.SequenceNode):
        entries = [(item, None) if isinstance(item, yaml.ScalarNode) else next(iter(item.value), (None, None))
                   for item in node.value if isinstance(item, (yaml.ScalarNode, yaml.MappingNode))]
    elif isinstance(node, yaml.MappingNode):
        entries = node.value
    else:
        return set()
    return {key.value for key, _ in entries if isinstance(key, yaml.ScalarNode)}


def _overlap(a: Path, b: Path) -> bool:
    return a.is_relative_to(b) or b.is_relative_to(a)


def _problem(where: ProjectDir, site: Path) -> tuple[str, dict[str, str]] | None:
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


def check_site_folder(where: ProjectDir, site: Path | None = None) -> None:
    """Raise ContentError, located in mkdocs.yml, unless a build may replace ``site`` (default: the project's)."""
    if where.config_file is None:  # no mkdocs.yml: nothing is built, and the build says so
        return
    keys = _top_level(where.config_file)
    spots: list[tuple[str, str, dict[str, str]]] = []
    if "ita" not in _plugin_names(keys.get("plugins", ((1, 1), None))[1]):
        spots.append(("plugins", "ITA513", {}))
    problem = _problem(where, site or where.site_dir)
    if problem is not None:
        spots.append(("site_dir", *problem))
    if spots:
        raise ContentError([Finding(code, where.config_file.name, *keys.get(key, ((1, 1), None))[0], args)
                            for key, code, args in spots])
