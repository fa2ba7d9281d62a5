"""``ita-site package``: the built site as one zip, for hand-over on a USB stick or by e-mail.

The zip holds one folder; extracted anywhere, its ``index.html`` opens from disk with working
search (the offline plugin in mkdocs.yml makes that possible). Entries are sorted and carry one
fixed timestamp (SOURCE_DATE_EPOCH, else 1980-01-01), so the same site always gives the same bytes.

It holds only what the site loads: every page, the open data, and whatever those reference, followed
from file to file (HTML attributes, CSS ``url()``, paths quoted in scripts), plus the search languages
the search index asks for and the licence files that must travel with a font or script. Source maps and
Material's search-language files for other languages stay out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import posixpath
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from ita_site.content.addresses import OPEN_DATA_DIR

#: Written into every site a build publishes, so the next build knows the folder is its own; never zipped.
MARKER = ".ita-site-build"

#: Earliest timestamp a zip entry can carry.
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry time: SOURCE_DATE_EPOCH when set (not before 1980), else 1980-01-01 00:00."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else _ZIP_EPOCH
    moment = max(moment, _ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _site_files(site_dir: Path) -> tuple[list[Path], list[Path]]:
    """The regular files of the site to zip, and the links and special files left out.

    A link is left out wherever it points: MkDocs never writes one, and following it could put a
    file from outside the site (a password file, another agency's data) into the hand-over zip.
    """
    files: list[Path] = []
    left_out: list[Path] = []
    for folder, dirs, names in os.walk(site_dir):  # a linked folder is listed in dirs but not entered
        base = Path(folder)
        left_out += [base / name for name in dirs if (base / name).is_symlink()]
        for path in (base / name for name in names):
            if path.is_symlink() or not path.is_file():
                left_out.append(path)
            elif path != site_dir / MARKER:
                files.append(path)
    return files, left_out


#: A reference inside a page, a stylesheet or a script: an attribute, a CSS url(), or a quoted path.
_REFERENCE = re.compile(r"""(?:href|src)\s*=\s*["']([^"'<>]+)["']|url\(\s*["']?([^"')]+)["']?\s*\)"""
                        r"""|["'`]([\w./-]+\.[a-z0-9]+)["'`]""")
_FOLLOWED = (".html", ".css", ".js")
#: Licence texts: kept beside any file the zip keeps, since fonts and scripts may only travel with them.
_LICENCE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|OFL)([.-].*)?$", re.IGNORECASE)
_SEARCH_INDEX = "search/search_index.json"
_LUNR = "assets/javascripts/lunr"


def _targets(text: str, base: str) -> Iterable[str]:
    """Site-relative paths ``text`` refers to, resolved against its own folder and the site root."""
    for match in _REFERENCE.finditer(text):
        ref = next(group for group in match.groups() if group)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", ref, re.IGNORECASE):  # another host, data:, mailto:, anchors
            continue
        ref = unquote(html.unescape(ref).split("#")[0].split("?")[0])  # files/%E0%B8%9B.pdf is files/ป.pdf
        for folder in (base, ""):
            yield posixpath.normpath(posixpath.join(folder, ref.lstrip("/")))  # "/x": the site's root, at best


def _search_languages(names: set[str], site_dir: Path) -> set[str]:
    """The lunr files Material's search worker imports for the index's languages (none for English alone)."""
    index = site_dir / _SEARCH_INDEX
    if not index.is_file():
        return set()
    try:
        config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
        langs = [str(lang) for lang in config.get("lang", ["en"])]
    except (ValueError, AttributeError, TypeError):  # not Material's index: no language files to add
        return set()
    wanted = {f"{_LUNR}/min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    wanted |= {f"{_LUNR}/wordcut.js" for lang in langs if lang in ("th", "hi")}
    wanted |= {f"{_LUNR}/tinyseg.js" for lang in langs if lang == "ja"}
    if len(langs) > 1:
        wanted.add(f"{_LUNR}/min/lunr.multi.min.js")
    if wanted:
        wanted.add(f"{_LUNR}/min/lunr.stemmer.support.min.js")
    return wanted & names


def loaded_files(site_dir: Path, names: set[str]) -> set[str]:
    """Which of ``names`` (site-relative POSIX paths) the site loads: pages and open data, and what they use."""
    roots = {n for n in names if n.endswith(".html") or n.startswith(f"{OPEN_DATA_DIR}/")}
    keep: set[str] = set()
    todo = sorted(roots | _search_languages(names, site_dir))
    while todo:
        name = todo.pop()
        if name in keep or name.endswith(".map"):
            continue
        keep.add(name)
        if name.endswith(_FOLLOWED):
            text = (site_dir / name).read_text(encoding="utf-8", errors="replace")
            for target in _targets(text, posixpath.dirname(name)):
                found = target if target in names else posixpath.join(target, "index.html")
                if found in names and found not in keep:
                    todo.append(found)
    folders = {posixpath.dirname(n) for n in keep}
    return keep | {n for n in names if posixpath.dirname(n) in folders and _LICENCE.match(posixpath.basename(n))}


def write_zip(site_dir: Path, output: Path, folder: str) -> tuple[int, list[Path]]:
    """Zip the files of ``site_dir`` that the site loads under ``folder/``, deterministically.

    Returns the number of files zipped and the links and special files left out.
    """
    site_dir = Path(site_dir)
    files, left_out = _site_files(site_dir)
    loaded = loaded_files(site_dir, {p.relative_to(site_dir).as_posix() for p in files})
    files = [p for p in files if p.relative_to(site_dir).as_posix() in loaded]
    files.sort(key=lambda p: p.relative_to(site_dir).as_posix())
    stamp = zip_timestamp()
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")  # an interrupted run never leaves a truncated zip
    with zipfile.ZipFile(partial, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(output)
    return len(files), left_out
