"""``ita-site package``: the built site as one zip, for hand-over on a USB stick or by e-mail."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ita_site.outputs.package import write_zip
from ita_site.plugin.many import build_project


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
    ในโฟลเดอร์ได้ทันที ระบบค้นหาใช้ได้โดยไม่ต้องต่ออินเทอร์เน็ต ไฟล์ zip มีเฉพาะสิ่งที่หน้าเว็บใช้ และข้อมูลเปิด
    / PROJECT is the project folder (default: here). Extract the zip and open index.html in its folder;
    search works without a network. The zip holds only what the pages load, and the open data.
    """
    output = output or project / "site.zip"
    _check_output(output, project, lang)
    folder = output.stem or "site"
    if site_dir is not None:
        count, left_out = write_zip(site_dir, output, folder)
    else:
        with tempfile.TemporaryDirectory(prefix="ita-package-") as tmp:
            built = build_project(project, Path(tmp) / "site", strict=True, lang=lang).result
            if not built.ok:
                for line in [*(f.format(lang) for f in built.findings), *built.messages]:
                    click.echo(line, err=True)
                raise SystemExit(1)
            count, left_out = write_zip(Path(tmp) / "site", output, folder)
    for path in left_out:
        click.echo(f"ไม่ได้ใส่ {path} ในไฟล์ zip เพราะเป็นลิงก์หรือไม่ใช่ไฟล์ปกติ" if lang == "th"
                   else f"left {path} out of the zip: it is a link or not a regular file", err=True)
    done = f"เขียน {output} แล้ว ({count} ไฟล์ อยู่ในโฟลเดอร์ {folder}/ เปิด {folder}/index.html หลังแตกไฟล์)" \
        if lang == "th" else f"wrote {output} ({count} files under {folder}/; open {folder}/index.html after extracting)"
    click.echo(done)
