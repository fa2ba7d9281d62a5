"""``ita-site portal``: one site over many agencies, built from what each of them publishes."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import click

from ita_site.content.facts import reference_date
from ita_site.content.findings import Finding
from ita_site.plugin.portal import build_portal, check_output
from ita_site.portal.collect import collect, findings_of
from ita_site.portal.open_data import package_files
from ita_site.portal.pages import render_portal
from ita_site.portal.sources import Source, folder_source, read_manifest

_TITLE = "ภาพรวมผลการประเมิน ITA"
_SUMMARY = {
    "th": "พอร์ทัล {out}: หน่วยงาน {ok} แห่ง อ่านไม่ได้ {failed} แห่ง สร้าง {pages} หน้า ใน {seconds:.1f} วินาที",
    "en": "portal {out}: {ok} agencies, {failed} could not be read, {pages} pages in {seconds:.1f} s",
}
_NOT_BUILT = {"th": "ita-site portal: สร้างเว็บไซต์ไม่สำเร็จ", "en": "ita-site portal: the site was not built"}


def _reference_date(setting: str | None) -> dt.date:
    """The build's "today": ``--today``, else SOURCE_DATE_EPOCH, else the clock."""
    try:
        return reference_date(setting)
    except ValueError as exc:
        raise click.BadParameter(f"{exc} (ใช้รูปแบบ YYYY-MM-DD / use YYYY-MM-DD)", param_hint="--today") from None


@click.command("portal")
@click.argument("sources", nargs=-1)
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="โฟลเดอร์ของเว็บไซต์พอร์ทัล / folder to write the portal site to")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="ไฟล์ YAML รายชื่อแหล่งข้อมูลและการจัดกลุ่ม / YAML list of sources and their grouping")
@click.option("--title", default=_TITLE, show_default=True, help="ชื่อเว็บไซต์ / site name")
@click.option("--today", default=None, help="วันที่อ้างอิง YYYY-MM-DD (ค่าเริ่มต้น: วันนี้) / reference date")
@click.option("--digits", type=click.Choice(["thai", "arabic"]), default="thai", show_default=True,
              help="รูปแบบตัวเลขบนเว็บไซต์ / digits shown on the pages")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="จำนวนหน่วยงานที่อ่านพร้อมกัน (ค่าเริ่มต้น: จำนวน CPU) / agencies read in parallel")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", help="ภาษาของข้อความ / message language")
def portal_command(sources: tuple[str, ...], out: Path, manifest: Path | None, title: str, today: str | None,
                   digits: str, jobs: int | None, lang: str) -> None:
    """สร้างเว็บไซต์ภาพรวมของหลายหน่วยงาน / Build one portal site over many agencies.

    SOURCE คือโฟลเดอร์โครงการของหน่วยงาน หรือโฟลเดอร์ข้อมูลเปิดที่มี datapackage.json (จาก ita-site export)
    หรือใช้ --manifest ระบุรายชื่อ หน่วยงานที่อ่านไม่ได้แสดงในหน้าสถานะแหล่งข้อมูลและไม่หยุดหน่วยงานอื่น
    / Each SOURCE is an agency project folder or an open-data folder with datapackage.json (ita-site export),
    or list them in --manifest. A source that cannot be read is listed on the status page and never stops
    the others; the exit code is then 1.
    """
    click.get_current_context().meta["ita.lang"] = lang
    listed: list[Source] = [folder_source(s) for s in sources] + (read_manifest(manifest) if manifest else [])
    if not listed:
        raise click.UsageError("ระบุ SOURCE อย่างน้อยหนึ่งโฟลเดอร์ หรือ --manifest / give a SOURCE or --manifest")
    check_output(out, [s.path for s in listed])
    day = _reference_date(today)
    start = time.perf_counter()
    collected = collect(listed, day, jobs)
    site = render_portal(collected.agencies, collected.failed, title=title, today=day, digits=digits)
    files = package_files(collected.rows, title=title, today=day)
    built = build_portal(site, out, title=title, files=files)
    failures: list[Finding] = findings_of(collected)
    for finding in failures:
        click.echo(finding.format(lang))
    if not built.ok:
        click.echo(_NOT_BUILT[lang], err=True)
        for message in built.messages:
            click.echo(message, err=True)
        raise SystemExit(1)
    click.echo(_SUMMARY[lang].format(out=out, ok=len(collected.agencies), failed=len(collected.failed),
                                     pages=built.pages, seconds=time.perf_counter() - start))
    if collected.failed:
        raise SystemExit(1)

