"""``ita-site package``: the built site as one zip, for hand-over on a USB stick or by e-mail.

The zip holds one folder; extracted anywhere, its ``index.html`` opens from disk with working
search (the offline plugin in mkdocs.yml makes that possible). Entries are sorted and carry one
fixed timestamp (SOURCE_DATE_EPOCH, else 1980-01-01), so the same site always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

import click

from .many import build_project
from .staging import MARKER

#: Earliest timestamp a zip entry can carry.
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry time: SOURCE_DATE_EPOCH when set (not before 1980), else 1980-01-01 00:00."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc) if epoch else _ZIP_EPOCH
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


def _check_output(output: Path, project: Path, lang: str) -> None:
    """Refuse a zip path outside both the project and the current folder, where a slip of ``../`` leads."""
    where = output.resolve()
    if not any(where.is_relative_to(folder.resolve()) for folder in (project, Path.cwd())):
        raise click.BadParameter(
            f"{output} อยู่นอกโฟลเดอร์โครงการและนอกโฟลเดอร์ปัจจุบัน ให้เขียนไฟล์ zip ไว้ในโฟลเดอร์ใดโฟลเดอร์หนึ่งนี้ "
            "หรือ cd ไปยังโฟลเดอร์ที่ต้องการก่อน" if lang == "th" else
            f"{output} is outside both the project folder and the current folder; write the zip inside one of "
            "them, or cd to the folder you want first", param_hint="'--output' / '-o'")


@click.command("package")
@click.argument("project", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="ใช้เว็บไซต์ที่สร้างไว้แล้วแทนการสร้างใหม่ / zip an already built site instead of building")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="ไฟล์ zip ที่จะเขียน (ค่าเริ่มต้น: <โครงการ>/site.zip) / zip file to write (default: <project>/site.zip)")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", help="ภาษาของข้อความ / message language")
def package_command(project: Path, site_dir: Path | None, output: Path | None, lang: str) -> None:
    """สร้างเว็บไซต์แล้วบีบอัดเป็นไฟล์ zip สำหรับเปิดจากเครื่องหรือ USB / Build the site and zip it for offline use.

    PROJECT คือโฟลเดอร์โครงการที่มี mkdocs.yml ค่าเริ่มต้นคือโฟลเดอร์ปัจจุบัน แตกไฟล์แล้วเปิด index.html
    ในโฟลเดอร์ได้ทันที ระบบค้นหาใช้ได้โดยไม่ต้องต่ออินเทอร์เน็ต
    / PROJECT is the project folder (default: here). Extract the zip and open index.html in its folder;
    search works without a network.
    """
    output = output or project / "site.zip"
    _check_output(output, project, lang)
    folder = output.stem or "site"
    if site_dir is not None:
        count, left_out = write_zip(site_dir, output, folder)
    else:
        with tempfile.TemporaryDirectory(prefix="ita-package-") as tmp:
            result = build_project(project, Path(tmp) / "site", strict=True, lang=lang)
            if not result.ok:
                click.echo("\n".join(result.messages), err=True)
                raise SystemExit(1)
            count, left_out = write_zip(Path(tmp) / "site", output, folder)
    for path in left_out:
        click.echo(f"ไม่ได้ใส่ {path} ในไฟล์ zip เพราะเป็นลิงก์หรือไม่ใช่ไฟล์ปกติ" if lang == "th"
                   else f"left {path} out of the zip: it is a link or not a regular file", err=True)
    done = f"เขียน {output} แล้ว ({count} ไฟล์ อยู่ในโฟลเดอร์ {folder}/ เปิด {folder}/index.html หลังแตกไฟล์)" \
        if lang == "th" else f"wrote {output} ({count} files under {folder}/; open {folder}/index.html after extracting)"
    click.echo(done)
