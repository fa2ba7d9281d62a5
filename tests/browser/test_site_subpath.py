"""The seed site served under a subpath (/ita/), as on an intranet server next to other sites.

Every link and asset named in any page (href and src, including links inside
charts) must answer 200 under the subpath, and every #fragment must name an
element of its page. Each page type is also opened in Chromium so that what
the browser fetches on its own (fonts named in CSS, the search worker and its
index) is checked too. The 404 page is opened as GitHub Pages shows it, at a
missing address of a project site.
"""

from __future__ import annotations

import functools
import http.server
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from site_fixtures import PAGE_TYPES, build_site, open_page, record_font_responses, seed_site  # noqa: F401
from support.harness import serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SUBPATH = "ita"
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")


class _Refs(HTMLParser):
    """Collects every href and src value of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs.extend(value for name, value in attrs if name in ("href", "src", "xlink:href") and value)


def _refs(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


def _pages(site: Path) -> Iterator[str]:
    """Site paths of every HTML page."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix()


def _fetch(url: str) -> tuple[int, str]:
    """Status and (for HTML) body of a GET request."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            return response.status, body.decode("utf-8", "replace") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, ""


def _broken_references(base: str, pages: list[str]) -> list[str]:
    """Every internal href/src of ``pages`` (under ``base``) that does not answer 200 or misses its anchor."""
    origin = urlsplit(base)
    wanted: dict[str, set[str]] = {}
    sources: dict[str, str] = {}
    with ThreadPoolExecutor(8) as pool:
        bodies = dict(zip(pages, pool.map(lambda p: _fetch(base + p), pages)))
        for page, (status, html) in bodies.items():
            assert status == 200, f"{base + page}: {status}"
            for ref in _refs(html):
                url = urljoin(base + page, ref)
                parts = urlsplit(url)
                if parts.scheme not in ("http", "https") or parts.netloc != origin.netloc:
                    continue  # mailto:, tel:, data: and the agency's own website are not part of the site
                target, fragment = urldefrag(url)
                wanted.setdefault(target, set())
                sources.setdefault(target, page)
                if fragment:
                    wanted[target].add(fragment)
        results = dict(zip(wanted, pool.map(_fetch, wanted)))
    broken = []
    for target, (status, html) in sorted(results.items()):
        if status != 200:
            broken.append(f"{target} -> {status} (linked from {sources[target]})")
            continue
        if not target.startswith(base):
            broken.append(f"{target} is outside {base} (linked from {sources[target]})")
        ids = set(ID_ATTR.findall(html))
        broken.extend(f"{target}#{fragment}: no such anchor" for fragment in sorted(wanted[target] - ids) if html)
    return broken


def test_every_link_and_asset_resolves_under_a_subpath(seed_site: Path, serve) -> None:
    """All pages but the 404 page (root-relative by design, see below) link only to what exists."""
    base = serve(seed_site, SUBPATH)
    pages = [page for page in _pages(seed_site) if page != PAGE_TYPES["404"]]
    assert len(pages) >= 20
    broken = _broken_references(base, pages)
    assert not broken, "\n".join(broken)


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages for a project site: the site at /ita/, and any address that has no file answered with the
    site's own 404.html and status 404."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".woff2": "font/woff2",
                      ".js": "text/javascript"}

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND:
            super().send_error(code, message, explain)
            return
        body = Path(self.directory, SUBPATH, "404.html").read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture()
def pages_host(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A GitHub-Pages-style host serving whatever is built into the folder it gives, at its base URL."""
    root = tmp_path / "host"
    root.mkdir()
    with serving(functools.partial(_PagesHandler, directory=str(root))) as url:
        yield url + f"{SUBPATH}/", root / SUBPATH


def _not_found_page(page: Page, base: str) -> tuple[int, list[str], list[str], list[str]]:
    """Open a missing address under ``base``: its status, the stylesheets' URLs with their status, the local
    links of the page, and the web fonts it loaded."""
    fonts = record_font_responses(page)
    sheets: list[str] = []
    page.on("response", lambda r: sheets.append(f"{r.status} {r.url}") if r.request.resource_type == "stylesheet"
            else None)
    response = page.goto(base + "2566/no-such-page.html", wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    local = [link for link in links if urlsplit(link).netloc == urlsplit(base).netloc]
    return response.status, sheets, local, fonts


def test_404_page_under_a_subpath_is_styled_and_stays_in_the_site_with_site_url(pages_host, page) -> None:
    """Built with ``site_url`` naming the subpath (as the Pages workflow does), the page GitHub Pages shows for
    a missing address loads its styles and fonts from /ita/ and links only into /ita/."""
    base, folder = pages_host
    build_site(folder, site_url=base)
    assert not _broken_references(base, [PAGE_TYPES["404"]])
    status, sheets, links, fonts = _not_found_page(page, base)
    assert status == HTTPStatus.NOT_FOUND
    assert len(sheets) >= 2 and all(sheet.startswith(f"200 {base}") for sheet in sheets), sheets
    assert fonts and all(font.startswith(f"{base}assets/ita/fonts/sarabun-") for font in fonts), fonts
    assert len(links) >= 5 and all(link.startswith(base) for link in links), links


def test_404_page_under_a_subpath_without_site_url_loads_from_the_host_root(seed_site: Path, pages_host,
                                                                            page) -> None:
    """Why ITA520 is noted: without ``site_url`` the same page asks the host's root for its styles."""
    base, folder = pages_host
    folder.symlink_to(seed_site, target_is_directory=True)
    status, sheets, links, fonts = _not_found_page(page, base)
    assert status == HTTPStatus.NOT_FOUND
    assert [sheet for sheet in sheets if not sheet.startswith(f"200 {base}")]
    assert fonts == []
    assert [link for link in links if not link.startswith(base)]


def test_browser_loads_every_asset_under_a_subpath(seed_site: Path, serve, page, page_requests) -> None:
    """Opening each page type fetches only what exists (fonts, worker, index), all under /ita/."""
    base = serve(seed_site, SUBPATH)
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.url}: {r.status}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failures.append(f"{r.url}: {r.failure}"))
    for kind, path in PAGE_TYPES.items():
        if kind != "404":
            open_page(page, base + path)
    assert not failures, "\n".join(failures)
    outside = [url for url in page_requests.urls if url.startswith("http") and not url.startswith(base)]
    assert not outside, outside
    assert page_requests.matching("search_index"), "the search index was never fetched"
    assert page_requests.matching(".woff2"), "no font was fetched"
