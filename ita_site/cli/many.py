"""``ita-site build-many``: build many agencies' sites at once, each in its own process."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ita_site.plugin.many import build_many, summary, usable_cpus


@click.command("build-many")
@click.argument("projects", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="จำนวนโครงการที่สร้างพร้อมกัน (ค่าเริ่มต้น: จำนวน CPU) / parallel builds (default: CPU count)")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="สร้างเว็บไซต์ของแต่ละโครงการไว้ที่ OUT/<ชื่อโฟลเดอร์> / write each site to OUT/<folder name>")
@click.option("--strict/--no-strict", default=True,
              help="คำเตือนของ MkDocs ถือเป็นข้อผิดพลาด (ค่าเริ่มต้น) / MkDocs warnings fail the build (default)")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", help="ภาษาของข้อความ / message language")
def build_many_command(projects: tuple[str, ...], jobs: int | None, out: Path | None, strict: bool, lang: str) -> None:
    """สร้างเว็บไซต์ของหลายหน่วยงานพร้อมกัน / Build several agency projects in parallel.

    แต่ละ PROJECT คือโฟลเดอร์ที่มี mkdocs.yml และ content/ หน่วยงานที่เนื้อหาผิดจะล้มเหลวเฉพาะหน่วยงานนั้น
    / Each PROJECT is a folder with mkdocs.yml and content/; a failing agency does not stop the others.
    """
    jobs = jobs or usable_cpus()
    start = time.perf_counter()
    results = build_many(list(projects), jobs=jobs, out=out, strict=strict, lang=lang)
    click.echo(summary(results, seconds=time.perf_counter() - start, jobs=jobs, lang=lang))
    if not all(r.ok for r in results):
        raise SystemExit(1)
