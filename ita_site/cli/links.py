"""``ita-site links``: evidence links that no longer open, with where each is cited."""

from __future__ import annotations

from pathlib import Path

import click

from ita_site.content.findings import Finding
from ita_site.content.project import load_project
from ita_site.outputs.links import Checker, LinkCache, check_links, cited_links, dead_link_findings, public_only
from ita_site.plugin.settings import read_settings


@click.command("links")
@click.argument("directory", required=False, default=".",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="ไฟล์จำผลการตรวจ (ค่าเริ่มต้น .ita-links-cache.json ในโฟลเดอร์โครงการ) / cache file "
                   "(default: .ita-links-cache.json in the project folder)")
@click.option("--no-cache", is_flag=True, help="ตรวจใหม่ทุกลิงก์ / ignore and do not write the cache")
@click.option("--max-age", type=float, default=24.0, show_default=True,
              help="อายุของผลที่จำไว้ (ชั่วโมง) / hours a working link stays cached")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="วินาทีต่อลิงก์ รวมการส่งต่อและการลองใหม่ / seconds per link, redirects and retries included")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="จำนวนครั้งที่ลองใหม่ / retries")
@click.option("--workers", "--jobs", "-j", "workers", type=click.IntRange(1, 64), default=8, show_default=True,
              help="จำนวนลิงก์ที่ตรวจพร้อมกัน / links checked at the same time")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
@click.pass_context
def links_command(ctx: click.Context, directory: Path, cache_path: Path | None, no_cache: bool, max_age: float,
                  timeout: float, retries: int, workers: int, lang: str) -> None:
    """ตรวจลิงก์หลักฐานภายนอกในโครงการ DIRECTORY ว่ายังเปิดได้ / Check that a project's external evidence links
    still open.

    ไม่ได้ตรวจระหว่างสร้างเว็บไซต์ตามปกติ / Never part of a normal build.
    """
    ctx.meta["ita.lang"] = lang  # content errors are reported by the ita-site group, as for every command
    where = read_settings(directory, lang=lang)
    project = load_project(where.content_dir, where.root)
    links = cited_links(project)
    cache = LinkCache(None if no_cache else cache_path or where.root / ".ita-links-cache.json", max_age * 3600)
    checker = Checker(public_only, timeout=timeout, retries=retries)  # never anything but the public internet
    results = check_links(sorted(links), cache, checker, workers=workers)
    if cache.problem is not None:
        click.echo(Finding("ITA617", str(cache.path), 1, 1, {"reason": cache.problem}).format(lang), err=True)
    dead = dead_link_findings(links, results)
    for finding in dead:
        click.echo(finding.format(lang))
    broken = sum(1 for r in results.values() if not r.ok)
    if lang == "en":
        click.echo(f"{len(links)} link(s) checked, {broken} dead")
    else:
        click.echo(f"ตรวจ {len(links)} ลิงก์ ใช้ไม่ได้ {broken} ลิงก์")
    if dead:
        raise SystemExit(1)

