"""docs/deploy.md's nginx configuration, taken from the document as written and run by a real nginx serving a
built site under /ita/: the redirect, the pages, the 404 page, the cache headers its table promises, gzip."""

from __future__ import annotations

import fnmatch
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.harness import GOOD, REPO, built_site

pytestmark = pytest.mark.slow

NGINX = Path(os.environ.get("ITA_NGINX", "/usr/sbin/nginx"))
MIME_TYPES = Path("/etc/nginx/mime.types")
DEPLOY = REPO / "docs" / "deploy.md"
#: How many files of each row of the cache table are asked for.
FILES_PER_ROW = 3


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def nginx_block(markdown: str) -> str:
    """The one ```nginx block of the document."""
    blocks = re.findall(r"```nginx\n(.*?)```", markdown, re.DOTALL)
    assert len(blocks) == 1
    return blocks[0]


def cache_table(markdown: str) -> list[tuple[list[str], str]]:
    """(file patterns, Cache-Control) of each row of the caching table."""
    section = markdown.split("### การแคช", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = []
    for row in rows:
        files, header = row.strip("|").split("|")[:2]
        table.append((re.findall(r"`([^`]+)`", files), re.findall(r"`([^`]+)`", header)[0]))
    assert len(table) >= 4
    return table


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _configuration(block: str, port: int, web_root: Path, work: Path) -> str:
    """nginx.conf around the document's server block: only the address, the web root and where nginx writes
    its own files differ from what the document says."""
    listen, root = "listen 80;", "root /var/www;"
    assert block.count(listen) == 1 and block.count(root) == 1
    server = block.replace(listen, f"listen 127.0.0.1:{port};").replace(root, f"root {web_root};")
    temp = "\n".join(f"    {kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                            "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers read the test's own private folders
    return (f"{user}worker_processes 1;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'};\n"
            f"events {{}}\nhttp {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp}\n{server}}}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(GOOD, tmp_path_factory.mktemp("nginx-site"))


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real nginx with the document's configuration serving ``site`` as /ita/; yields its port."""
    if not NGINX.is_file():
        pytest.skip(f"nginx is not installed at {NGINX} (scripts/test installs it: apt-get install nginx)")
    work = tmp_path_factory.mktemp("nginx")
    web_root = work / "www"
    web_root.mkdir()
    shutil.copytree(site, web_root / "ita")
    port = _free_port()
    config = work / "nginx.conf"
    config.write_text(_configuration(nginx_block(DEPLOY.read_text(encoding="utf-8")), port, web_root, work),
                      encoding="utf-8")
    checked = subprocess.run([str(NGINX), "-t", "-p", str(work), "-e", str(work / "error.log"), "-c", str(config)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([str(NGINX), "-p", str(work), "-e", str(work / "error.log"), "-c", str(config),
                               "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (work / "error.log").read_text()
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(port: int, path: str, **headers: str) -> Response:
    """One GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_ita_without_slash_redirects_into_the_site(nginx: int) -> None:
    response = get(nginx, "/ita")
    assert response.status == 301
    assert re.fullmatch(r"(http://127\.0\.0\.1(:\d+)?)?/ita/", response.headers["location"])


def test_pages_are_served_and_a_missing_one_gets_the_site_404_page(nginx: int, site: Path) -> None:
    index = get(nginx, "/ita/")
    assert (index.status, index.body) == (200, (site / "index.html").read_bytes())
    page = next(name for name in site_files(site) if name.count("/") == 2 and name.endswith(".html"))
    assert get(nginx, f"/ita/{page}").status == 200
    missing = get(nginx, "/ita/2566/no-such-page.html")
    assert (missing.status, missing.body) == (404, (site / "404.html").read_bytes())


def test_cache_headers_are_those_of_the_table(nginx: int, site: Path) -> None:
    files = site_files(site)
    checked: dict[str, str] = {}
    for patterns, header in cache_table(DEPLOY.read_text(encoding="utf-8")):
        for pattern in patterns:
            matching = [name for name in files if fnmatch.fnmatchcase(name, pattern)]
            assert matching, f"no file of the built site matches {pattern}"
            for name in matching[:FILES_PER_ROW]:
                checked[name] = get(nginx, f"/ita/{name}").headers.get("cache-control", "")
                assert checked[name] == header, f"{name}: {checked[name]!r}, the table says {header!r}"
    assert len(checked) >= 10


@pytest.mark.parametrize("suffix", [".html", ".css", ".js"])
def test_text_files_are_gzipped(nginx: int, site: Path, suffix: str) -> None:
    name = max((n for n in site_files(site) if n.endswith(suffix)), key=lambda n: (site / n).stat().st_size)
    response = get(nginx, f"/ita/{name}", **{"Accept-Encoding": "gzip"})
    assert (response.status, response.headers.get("content-encoding")) == (200, "gzip")
    assert len(response.body) < (site / name).stat().st_size
