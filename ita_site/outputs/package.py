"""``ita-site package``: the built site as one zip, for hand-over on a USB stick or by e-mail.

The zip holds one folder; extracted anywhere, its ``index.html`` opens from disk with working
search (the offline plugin in mkdocs.yml makes that possible). Entries are sorted and carry one
fixed timestamp (SOURCE_DATE_EPOCH, else 1980-01-01), so the same site always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

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


def write_zip(site_dir: Path, output: Path, folder: str) -> tuple[int, list[Path]]:
    """Zip the regular files of ``site_dir`` under ``folder/`` deterministically.

    Returns the number of files zipped and the links and special files left out.
    """
    site_dir = Path(site_dir)
    files, left_out = _site_files(site_dir)
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
