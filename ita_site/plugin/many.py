"""``ita-site build-many``: build many agencies' sites at once, each in its own process.

A provincial office or a hosting provider builds hundreds of agency projects. Each project is built
in a worker process of a pool, so one agency's bad content (or even a crash) fails that agency
alone, with its located findings, while the others still build. :func:`build_project` (also used by
``ita-site package``) builds one project through the runner, as ``ita-site build`` does.
"""

from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

import click

from ita_site.content.findings import ContentError, Finding, Level
from ita_site.plugin.runner import BuildResult, build_site
from ita_site.plugin.settings import read_settings

_TEXT = {
    "th": {
        "project": "โครงการ", "result": "ผล", "pages": "หน้า", "seconds": "วินาที",
        "ok": "สำเร็จ", "failed": "ล้มเหลว", "errors": "ข้อผิดพลาดของ {name}:",
        "summary": "สร้างเว็บไซต์สำเร็จ {ok} จาก {total} โครงการ ล้มเหลว {failed} ({seconds:.1f} วินาที, {jobs} งานพร้อมกัน)",
        "crashed": "กระบวนการสร้างเว็บไซต์หยุดทำงานกะทันหัน: {error}",
        "same_name": "โครงการ {a} และ {b} มีชื่อโฟลเดอร์เดียวกัน จึงใช้ --out ร่วมกันไม่ได้ (เปลี่ยนชื่อโฟลเดอร์ใดโฟลเดอร์หนึ่ง)",
    },
    "en": {
        "project": "project", "result": "result", "pages": "pages", "seconds": "seconds",
        "ok": "ok", "failed": "FAILED", "errors": "errors in {name}:",
        "summary": "{ok} of {total} sites built, {failed} failed ({seconds:.1f} s, {jobs} jobs)",
        "crashed": "the build process stopped unexpectedly: {error}",
        "same_name": "projects {a} and {b} have the same folder name, so they cannot share --out (rename one)",
    },
}


@dataclass
class ProjectBuild:
    """One project of a run, as it was named, and how its build went."""

    project: str
    result: BuildResult

    @property
    def ok(self) -> bool:
        return self.result.ok


def _shown_from(here: str, finding: Finding) -> Finding:
    """The finding with its file named from where the command was run, so it can be opened from there."""
    return finding if Path(finding.file).is_absolute() else replace(finding, file=f"{here}/{finding.file}")


def build_project(project: str | Path, site_dir: str | Path | None = None, *, strict: bool = True,
                  lang: str | None = None) -> ProjectBuild:
    """Build one project (a folder with ``mkdocs.yml``) and never raise: failures come back as findings.

    ``site_dir`` overrides the project's own; ``lang`` overrides the ``ita`` plugin's message language.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    shown = str(project)
    try:
        settings = read_settings(Path(project), lang=lang)
    except ContentError as exc:
        result = BuildResult(ok=False, findings=exc.findings)
    else:
        result = build_site(settings, Path(site_dir) if site_dir else None, strict=strict)
    result.findings = [_shown_from(shown, f) for f in result.findings]
    return ProjectBuild(shown, result)


def _site_dirs(projects: list[str], out: Path | None, lang: str) -> list[Path | None]:
    """Each project's site folder: its own (None) or ``out/<folder name>``, refusing two of the same name."""
    if out is None:
        return [None] * len(projects)
    seen: dict[str, str] = {}
    for project in projects:
        name = Path(project).resolve().name
        if name in seen:
            raise click.UsageError(_TEXT[lang]["same_name"].format(a=seen[name], b=project))
        seen[name] = project
    return [out / Path(p).resolve().name for p in projects]


def build_many(projects: list[str], *, jobs: int, out: Path | None = None, strict: bool = True,
               lang: str = "th") -> list[ProjectBuild]:
    """Build every project in a pool of ``jobs`` processes; results come back in the order given."""
    site_dirs = _site_dirs(projects, out, lang)
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(projects)))) as pool:
        futures = [pool.submit(build_project, project, site_dir, strict=strict, lang=lang)
                   for project, site_dir in zip(projects, site_dirs)]
        results = []
        for project, future in zip(projects, futures):
            try:
                results.append(future.result())
            except BrokenProcessPool as exc:
                error = _TEXT[lang]["crashed"].format(error=exc)
                results.append(ProjectBuild(project, BuildResult(ok=False, messages=[error])))
    return results


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Thai vowel and tone marks sit on their letter."""
    return sum(1 for char in text if not unicodedata.combining(char) and unicodedata.category(char) != "Mn")


def summary(results: list[ProjectBuild], *, seconds: float, jobs: int, lang: str = "th") -> str:
    """The table staff read after a run, then every failed project's messages, then one totals line."""
    text = _TEXT[lang]
    head = (text["project"], text["result"], text["pages"], text["seconds"])
    rows = [(r.project, text["ok"] if r.ok else text["failed"], str(r.result.pages) if r.ok else "-",
             f"{r.result.seconds:.2f}") for r in results]
    widths = [max(_width(row[i]) for row in [head, *rows]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        pads = [" " * (w - _width(cell)) for w, cell in zip(widths, row)]
        return "  ".join([row[0] + pads[0], row[1] + pads[1], pads[2] + row[2], pads[3] + row[3]]).rstrip()

    out = [line(head), "  ".join("-" * w for w in widths), *map(line, rows)]
    for result in results:
        if not result.ok:
            out += ["", text["errors"].format(name=result.project),
                    *(f.format(lang) for f in result.result.findings if f.level is not Level.INFO),
                    *result.result.messages]
    failed = sum(not r.ok for r in results)
    out += ["", text["summary"].format(ok=len(results) - failed, total=len(results), failed=failed,
                                       seconds=seconds, jobs=jobs)]
    return "\n".join(out)


def usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
