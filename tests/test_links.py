"""``ita-site links`` against a local web server only: dead links found and located, retries, the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Iterator

import pytest
from helpers import serving

from ita_site.links import LinkCache, check_links, check_url

AGENCY = "id: a\nname: องค์การบริหารส่วนตำบลทดสอบ\ntype: องค์การบริหารส่วนตำบล\ndistrict: ก\nprovince: ข\n"


class _Handler(BaseHTTPRequestHandler):
    """/ok answers, /gone is 404, /flaky fails once with 503, /nohead refuses HEAD, /slow answers too late."""

    hits: Counter[str] = Counter()
    flaky_failures = 1

    def _answer(self, send_body: bool) -> None:
        type(self).hits[f"{self.command} {self.path}"] += 1
        status = 200
        if self.path == "/gone":
            status = 404
        elif self.path == "/flaky" and self.hits[f"{self.command} /flaky"] <= self.flaky_failures:
            status = 503
        elif self.path == "/nohead" and self.command == "HEAD":
            status = 405
        elif self.path == "/slow":
            time.sleep(1.5)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if send_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.hits = Counter()
    with serving(_Handler) as url:
        yield url.rstrip("/")


def _project(root: Path, base: str) -> Path:
    content = root / "content"
    (content / "oit").mkdir(parents=True)
    (content / "plans").mkdir()
    (content / "agency.yaml").write_text(AGENCY, encoding="utf-8")
    (content / "oit" / "2567.yaml").write_text(
        "fiscal_year: 2567\nitems:\n"
        "  - code: O1\n    documents:\n"
        f"      - {{title: ใช้ได้, url: '{base}/ok'}}\n"
        f"      - {{title: หายไป, url: '{base}/gone'}}\n"
        "  - code: O2\n    documents:\n"
        f"      - {{title: ชั่วคราว, url: '{base}/flaky'}}\n"
        f"      - {{title: ไม่รับ HEAD, url: '{base}/nohead'}}\n"
        f"      - {{title: ช้า, url: '{base}/slow'}}\n", encoding="utf-8")
    (content / "plans" / "2567.yaml").write_text(
        "fiscal_year: 2567\ntitle: มาตรการ\nsteps:\n  - {number: '1', text: ทำ}\nmeasures:\n"
        "  - id: a\n    number: '1.1'\n    title: มาตรการ\n    progress:\n"
        "      - date: 2024-01-01\n        status: done\n        text: เสร็จ\n        evidence:\n"
        f"          - {{url: '{base}/gone'}}\n", encoding="utf-8")
    return root


def _cited(project: Path, name: str, url: str) -> str:
    """``file:line:column`` of the quoted address in a content file, counted independently of the tool."""
    for number, line in enumerate((project / name).read_text(encoding="utf-8").splitlines(), start=1):
        if f"'{url}'" in line:
            return f"{name}:{number}:{line.index(repr(url)) + 1}"
    raise AssertionError(url)


def _links(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ita_site", "links", str(project), "--timeout", "0.5", "--retries", "1",
                           "--lang", "en", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=60)


def test_reports_dead_links_where_each_is_cited(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path, server)
    result = _links(project)
    assert result.returncode == 1, result.stdout + result.stderr
    dead = [line for line in result.stdout.splitlines() if "dead link" in line]
    assert [line.split(": warning:")[0] for line in dead] == [
        _cited(project, "content/oit/2567.yaml", f"{server}/gone"), _cited(project, "content/oit/2567.yaml", f"{server}/slow"),
        _cited(project, "content/plans/2567.yaml", f"{server}/gone")]
    assert f"dead link: {server}/gone (HTTP 404)" in dead[0] and f"{server}/gone (HTTP 404)" in dead[2]
    assert f"{server}/slow" in dead[1]  # timed out on both tries
    assert not any(f"{server}/{path} " in result.stdout for path in ("ok", "flaky", "nohead"))
    assert result.stdout.strip().endswith("5 link(s) checked, 2 dead")
    assert _Handler.hits["HEAD /flaky"] == 2  # failed once, retried, then answered
    assert _Handler.hits["GET /nohead"] == 1  # HEAD refused, GET asked instead


def test_cache_skips_working_links_and_asks_dead_ones_again(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path, server)
    _links(project)
    cache = json.loads((project / ".ita-links-cache.json").read_text(encoding="utf-8"))
    assert cache[f"{server}/ok"]["ok"] is True and cache[f"{server}/gone"]["status"] == 404
    before = Counter(_Handler.hits)
    result = _links(project)
    assert result.returncode == 1
    asked = _Handler.hits - before
    assert asked["HEAD /ok"] == 0 and asked["HEAD /flaky"] == 0  # fresh in the cache
    assert asked["HEAD /gone"] == 1  # failures are always asked again
    fresh = _links(project, "--no-cache")
    assert fresh.returncode == 1 and (_Handler.hits - before)["HEAD /ok"] == 1


def test_expired_cache_entries_are_checked_again(tmp_path: Path, server: str) -> None:
    cache = LinkCache(tmp_path / "cache.json", max_age=60)
    first = check_links([f"{server}/ok"], cache, timeout=1, retries=0)
    assert first[f"{server}/ok"].ok
    stale = LinkCache(tmp_path / "cache.json", max_age=0)
    stale.entries = {u: r.__class__(r.url, r.ok, r.status, r.reason, r.checked_at - 10) for u, r in stale.entries.items()}
    check_links([f"{server}/ok"], stale, timeout=1, retries=0)
    assert _Handler.hits["HEAD /ok"] == 2


def test_unreachable_host_is_dead_with_a_reason(server: str) -> None:
    closed = server.rsplit(":", 1)[0] + ":9"  # discard port: nothing listens on 127.0.0.1:9
    result = check_url(f"{closed}/x", timeout=0.5, retries=1, backoff=0.05)
    assert not result.ok and result.status is None and result.reason
