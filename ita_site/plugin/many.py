"""``ita-site build-many``: build many agencies' sites at once, each in its own process.

A provincial office or a hosting provider builds hundreds of agency projects. Each project is built
in a worker process of a pool, so one agency's bad content (or even a crash) fails that agency
alone, with its located messages, while the others still build. :func:`build_project` is also the
single way the other commands of this module family (``ita-site package``) build a site.
"""

from __future__ import annotations

import logging
import os
import re
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import click

from ita_site.content.findings import ContentError
from ita_site.plugin.site_guard import check_site_folder
from ita_site.plugin.staging import staged

#: ``file:line:column: `` at the start of a located message line.
_LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): ")

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
class BuildResult:
    """What building one project gave: the site folder and page count, or the messages that stopped it."""

    project: str
    ok: bool
    site_dir: str | None = None
    pages: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    """Keeps a build's warnings and errors, so they are reported with their project, not interleaved."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _relocate(message: str, root: Path, shown: str) -> str:
    """Prefix located lines (``content/x.yaml:3:5: ...``) with the project folder so they can be opened."""
    lines = []
    for line in message.splitlines():
        match = _LOCATED.match(line)
        if match and not Path(match["file"]).is_absolute() and (root / match["file"]).exists():
            line = f"{shown}/{line}"
        lines.append(line)
    return "\n".join(lines)


def build_project(project: str | Path, site_dir: str | Path | None = None, *, strict: bool = True,
                  lang: str | None = None) -> BuildResult:
    """Build one project (a folder with ``mkdocs.yml``) and never raise: failures come back as messages.

    ``site_dir`` overrides the project's own; ``lang`` overrides the ``ita`` plugin's message language.
    Like ``ita-site build``, it refuses a site folder over the project, then builds into a temporary
    folder beside the site folder and swaps it in only on success, so a failed build leaves the
    previous site whole.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ita_site.cli.commands import find_project  # cli registers this module's command, so it is imported here

    shown = str(project)
    root = Path(project).resolve()
    start = time.perf_counter()
    try:
        check_site_folder(find_project(root), Path(site_dir).resolve() if site_dir else None)
    except ContentError as exc:
        return BuildResult(project=shown, ok=False, seconds=time.perf_counter() - start,
                           messages=[_relocate(f.format(lang or "th"), root, shown) for f in exc.findings])
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    propagate = logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"),
                             site_dir=str(Path(site_dir).resolve()) if site_dir else None, strict=strict)
        if lang and "ita" in config.plugins:
            config.plugins["ita"].config["lang"] = lang
        site = Path(config.site_dir)
        with staged(site) as temporary:
            config.site_dir = str(temporary)
            build(config)
    except Exception as exc:  # any failure belongs to this project alone
        messages = [m for m in collect.messages if m] or [str(exc) or type(exc).__name__]
        return BuildResult(project=shown, ok=False, seconds=time.perf_counter() - start,
                           messages=[_relocate(m, root, shown) for m in messages])
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    pages = sum(1 for path in site.rglob("*.html") if path.name != "404.html")
    return BuildResult(project=shown, ok=True, site_dir=str(site), pages=pages,
                       seconds=time.perf_counter() - start, messages=[_relocate(m, root, shown) for m in collect.messages])


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
               lang: str = "th") -> list[BuildResult]:
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
                results.append(BuildResult(project=project, ok=False, messages=[error]))
    return results


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Thai vowel and tone marks sit on their letter."""
    return sum(1 for char in text if not unicodedata.combining(char) and unicodedata.category(char) != "Mn")


def summary(results: list[BuildResult], *, seconds: float, jobs: int, lang: str = "th") -> str:
    """The table staff read after a run, then every failed project's messages, then one totals line."""
    text = _TEXT[lang]
    head = (text["project"], text["result"], text["pages"], text["seconds"])
    rows = [(r.project, text["ok"] if r.ok else text["failed"], str(r.pages) if r.ok else "-", f"{r.seconds:.2f}")
            for r in results]
    widths = [max(_width(row[i]) for row in [head, *rows]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        pads = [" " * (w - _width(cell)) for w, cell in zip(widths, row)]
        return "  ".join([row[0] + pads[0], row[1] + pads[1], pads[2] + row[2], pads[3] + row[3]]).rstrip()

    out = [line(head), "  ".join("-" * w for w in widths), *map(line, rows)]
    for result in results:
        if not result.ok:
            out += ["", text["errors"].format(name=result.project), *result.messages]
    failed = sum(not r.ok for r in results)
    out += ["", text["summary"].format(ok=len(results) - failed, total=len(results), failed=failed,
                                       seconds=seconds, jobs=jobs)]
    return "\n".join(out)


def usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
