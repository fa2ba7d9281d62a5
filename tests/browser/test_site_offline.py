"""Every kind of page of the seed site loads with zero requests to any other host.

Checked from a web server (http://127.0.0.1) and from disk (file://), with the
search worker and its index loaded, as a reader on an intranet or a USB stick
would open them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_fixtures import MODES, PAGE_TYPES, base_url, open_page, seed_site  # noqa: F401

pytestmark = pytest.mark.browser


def test_every_page_type_is_built(seed_site: Path) -> None:
    """The page types checked here exist, so a renamed page cannot slip out of these tests."""
    assert [path for path in PAGE_TYPES.values() if not (seed_site / path).is_file()] == []


@pytest.mark.parametrize("mode", MODES)
def test_no_request_leaves_the_machine(mode: str, seed_site: Path, serve, page, page_requests) -> None:
    """Each page type, with fonts, scripts and search, asks nothing of the internet."""
    base = base_url(mode, seed_site, serve)
    offenders: dict[str, list[str]] = {}
    loaded: dict[str, int] = {}
    for kind, path in PAGE_TYPES.items():
        if mode == "file" and kind == "404":
            continue  # only a web server shows the 404 page; its links are root-relative on purpose
        before, known = len(page_requests.urls), set(page_requests.external())
        open_page(page, base + path)
        assert page.evaluate("document.documentElement.lang") == "th", path
        loaded[kind] = len(page_requests.urls) - before
        new = sorted(set(page_requests.external()) - known)
        if new:
            offenders[kind] = new
    assert not offenders, offenders
    # The log saw the loads (page, stylesheets, scripts, font): an empty log proves nothing.
    assert all(count >= 4 for count in loaded.values()), loaded
    assert page_requests.matching("search_index"), "the search index was never loaded"
    assert page_requests.matching(".woff2"), "no font was loaded"
    # The worker shim stands in for Web Workers, which browsers refuse to file:// pages; a web server's
    # reader is spared the request, which would block the first paint.
    assert bool(page_requests.matching("iframe-worker/shim.js")) == (mode == "file")
