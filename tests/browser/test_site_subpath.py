"""The seed site served under a subpath (/ita/), as on an intranet server next to other sites.

Every link and asset named in any page (href and src, including links inside
charts) must answer 200 under the subpath, and every #fragment must name an
element of its page. Each page type is also opened in Chromium so that what
the browser fetches on its own (fonts named in CSS, the search worker and its
index) is checked too.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from site_fixtures import PAGE_TYPES, build_site, open_page, seed_site  # noqa: F401

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


def test_404_page_resolves_under_a_subpath_when_site_url_names_it(tmp_path: Path, serve) -> None:
    """The 404 page is shown at any address, so its links start at the site root; with
    ``site_url`` naming the subpath they point into it, which is how a subpath host is configured."""
    site = build_site(tmp_path / "site", site_url=f"https://intranet.example/{SUBPATH}/")
    base = serve(site, SUBPATH)
    broken = _broken_references(base, [PAGE_TYPES["404"]])
    assert not broken, "\n".join(broken)


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
