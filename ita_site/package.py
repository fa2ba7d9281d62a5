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

#: Earliest timestamp a zip entry can carry.
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry time: SOURCE_DATE_EPOCH when set (not before 1980), else 1980-01-01 00:00."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc) if epoch else _ZIP_EPOCH
    moment = max(moment, _ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def write_zip(site_dir: Path, output: Path, folder: str) -> int:
    """Zip every file of ``site_dir`` under ``folder/`` deterministically; return the number of files."""
    site_dir = Path(site_dir)
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site_dir).as_posix())
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
    return len(files)


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
    folder = output.stem or "site"
    if site_dir is not None:
        count = write_zip(site_dir, output, folder)
    else:
        with tempfile.TemporaryDirectory(prefix="ita-package-") as tmp:
            result = build_project(project, Path(tmp) / "site", strict=True, lang=lang)
            if not result.ok:
                click.echo("\n".join(result.messages), err=True)
                raise SystemExit(1)
            count = write_zip(Path(tmp) / "site", output, folder)
    done = f"เขียน {output} แล้ว ({count} ไฟล์ อยู่ในโฟลเดอร์ {folder}/ เปิด {folder}/index.html หลังแตกไฟล์)" \
        if lang == "th" else f"wrote {output} ({count} files under {folder}/; open {folder}/index.html after extracting)"
    click.echo(done)
