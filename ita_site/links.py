"""``ita-site links``: find evidence links that no longer open, and say where each is cited.

Evidence that lives on other websites rots. This command asks every external evidence address
(OIT documents and progress evidence) whether it still answers, several at a time, with timeouts
and retries, and remembers working addresses in a cache file so a second run is quick. It never
runs during a normal build: a build must not depend on the network.
"""

from __future__ import annotations

import concurrent.futures
import json
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from .findings import Finding, sort_findings
from .project import Project, evidence_of, load_project

USER_AGENT = "ita-site-links/1"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_HEAD_REFUSED = frozenset({403, 405, 501})


@dataclass(frozen=True)
class Citation:
    """Where a content file cites an address."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class LinkResult:
    """The answer an address gave: ``status`` is the HTTP status, None when no answer came at all."""

    url: str
    ok: bool
    status: int | None
    reason: str
    checked_at: float


def cited_links(project: Project) -> dict[str, list[Citation]]:
    """Every external evidence address with the places citing it, in file order."""
    found: dict[str, list[Citation]] = {}
    for model in [*project.plans.values(), *project.oit.values()]:
        doc = project.doc_of(model)
        for loc, evidence in evidence_of(model):
            if evidence.url is not None:
                line, column = doc.locate(loc + ("url",))
                found.setdefault(evidence.url, []).append(Citation(doc.name, line, column))
    return found


def _ask(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, by the model
            if method == "GET":
                response.read(1024)
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        return int(exc.code)


def check_url(url: str, timeout: float = 10.0, retries: int = 2, backoff: float = 0.5) -> LinkResult:
    """Ask once with HEAD (GET where a server refuses HEAD); retry timeouts, network errors and 5xx/429."""
    reason = ""
    status: int | None = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            status = _ask(url, "HEAD", timeout)
            if status in _HEAD_REFUSED:
                status = _ask(url, "GET", timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            status = None
            reason = str(getattr(exc, "reason", exc)) or type(exc).__name__
            continue
        if status < 400:
            return LinkResult(url, True, status, "OK", time.time())
        reason = f"HTTP {status}"
        if status not in _RETRY_STATUS:
            break
    return LinkResult(url, False, status, reason, time.time())


class LinkCache:
    """Working addresses seen recently, in a JSON file; failures are always asked again."""

    def __init__(self, path: Path | None, max_age: float) -> None:
        self.path = path
        self.max_age = max_age
        self.entries: dict[str, LinkResult] = {}
        if path is not None and path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {url: LinkResult(**entry) for url, entry in raw.items()}
            except (ValueError, TypeError):
                self.entries = {}  # a damaged cache only costs a re-check

    def fresh(self, url: str, now: float) -> LinkResult | None:
        entry = self.entries.get(url)
        return entry if entry is not None and entry.ok and now - entry.checked_at <= self.max_age else None

    def save(self, results: dict[str, LinkResult]) -> None:
        if self.path is None:
            return
        self.entries.update(results)
        self.path.write_text(json.dumps({u: asdict(r) for u, r in sorted(self.entries.items())}, indent=1),
                             encoding="utf-8")


def check_links(urls: list[str], cache: LinkCache, *, workers: int = 8, timeout: float = 10.0, retries: int = 2,
                backoff: float = 0.5) -> dict[str, LinkResult]:
    """Results for every address: from the cache where fresh, else asked concurrently."""
    now = time.time()
    results = {url: hit for url in urls if (hit := cache.fresh(url, now)) is not None}
    pending = [url for url in urls if url not in results]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for result in pool.map(lambda u: check_url(u, timeout, retries, backoff), pending):
            results[result.url] = result
    cache.save({url: results[url] for url in pending})
    return results


def dead_link_findings(links: dict[str, list[Citation]], results: dict[str, LinkResult]) -> list[Finding]:
    """One located finding per place that cites a dead address, in file order."""
    return sort_findings(Finding("ITA620", c.file, c.line, c.column, {"url": url, "reason": results[url].reason})
            for url, citations in links.items() if not results[url].ok for c in citations)


@click.command("links")
@click.argument("directory", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="ไฟล์จำผลการตรวจ (ค่าเริ่มต้น .ita-links-cache.json ในโฟลเดอร์โครงการ) / cache file "
                   "(default: .ita-links-cache.json in the project folder)")
@click.option("--no-cache", is_flag=True, help="ตรวจใหม่ทุกลิงก์ / ignore and do not write the cache")
@click.option("--max-age", type=float, default=24.0, show_default=True,
              help="อายุของผลที่จำไว้ (ชั่วโมง) / hours a working link stays cached")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="วินาทีต่อครั้ง / seconds per request")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True, help="จำนวนครั้งที่ลองใหม่ / retries")
@click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True,
              help="จำนวนที่ตรวจพร้อมกัน / concurrent requests")
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
@click.pass_context
def links_command(ctx: click.Context, directory: Path, cache_path: Path | None, no_cache: bool, max_age: float,
                  timeout: float, retries: int, workers: int, lang: str) -> None:
    """ตรวจลิงก์หลักฐานภายนอกในโครงการ DIRECTORY ว่ายังเปิดได้ / Check that a project's external evidence links
    still open.

    ไม่ได้ตรวจระหว่างสร้างเว็บไซต์ตามปกติ / Never part of a normal build.
    """
    from .cli import find_project  # the command is registered by cli, which imports this module

    ctx.meta["ita.lang"] = lang  # content errors are reported by the ita-site group, as for every command
    where = find_project(directory)
    project = load_project(where.content_dir, where.root)
    links = cited_links(project)
    cache = LinkCache(None if no_cache else cache_path or where.root / ".ita-links-cache.json", max_age * 3600)
    results = check_links(sorted(links), cache, workers=workers, timeout=timeout, retries=retries)
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
