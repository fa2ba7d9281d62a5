"""The seed agency's built site and helpers to read it in Chromium.

Test modules import the fixtures they use from here (``from site_fixtures import
seed_site``); the browser, ``page``, ``serve`` and the request log come from
``conftest.py``. The benchmark in ``benchmarks/page_weight.py`` reuses
:func:`build_site` and :func:`open_page`.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ita_site.content import addresses

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Folder for screenshots, PDFs and recall reports (git-ignored).
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

SEED_ASSESSMENT_YEAR = 2566
SEED_PLAN_YEAR = 2567


def _html(markdown_path: str) -> str:
    """Site path of a generated page (``use_directory_urls`` is off in the default build)."""
    return markdown_path.removesuffix(".md") + ".html"


#: One page of every kind the site generates, by kind.
PAGE_TYPES: dict[str, str] = {
    "home": _html(addresses.HOME_PATH),
    "assessment": _html(addresses.assessment_path(SEED_ASSESSMENT_YEAR)),
    "indicator": _html(addresses.indicator_path(SEED_ASSESSMENT_YEAR, 6)),
    "weakness": _html(addresses.weakness_path(SEED_ASSESSMENT_YEAR, "eit-6")),
    "weakness-index": _html(addresses.weakness_index_path(SEED_ASSESSMENT_YEAR)),
    "measure": _html(addresses.measure_path(SEED_PLAN_YEAR, "1-1")),
    "plan": _html(addresses.plan_path(SEED_PLAN_YEAR)),
    "document": _html(addresses.document_path(SEED_PLAN_YEAR)),
    "report": _html(addresses.report_path(SEED_PLAN_YEAR)),
    "oit-references": _html(addresses.OIT_REFERENCES_PATH),
    "about": "about.html",
    "404": "404.html",
}

EXAMPLE_CONFIG = REPO_ROOT / "examples" / "tambon-example" / "mkdocs.yml"

#: Pages of kinds the seed agency lacks, on the example agency's site: OIT evidence, an indicator with
#: several years (trend chart), measures with progress reports and evidence.
EXAMPLE_PAGE_TYPES: dict[str, str] = {
    "oit-index": _html(addresses.oit_index_path(2566)),
    "oit-item": _html(addresses.oit_item_path(2566, "O1")),
    "indicator-trend": _html(addresses.indicator_path(2566, 6)),
    "measure-progress": _html(addresses.measure_path(2566, "feedback-channel")),
    "report-progress": _html(addresses.report_path(2566)),
    "document-approved": _html(addresses.document_path(2567)),
}

#: How a test reaches the site: a web server at the domain root, or the files on disk.
MODES = ("http", "file")


_BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True, **json.loads(sys.argv[3]))
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


def build_site(destination: Path, config_file: Path = REPO_ROOT / "mkdocs.yml", **settings: Any) -> Path:
    """Build the site of ``config_file`` strictly into ``destination``, as ``mkdocs build --strict`` does.

    ``settings`` override top-level keys of the configuration (e.g. ``site_url``).
    A subprocess gives each build a fresh MkDocs and plugin state, exactly as
    an agency runs it. Returns ``destination``.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _BUILD, str(config_file), str(destination), json.dumps(settings)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return destination


@functools.cache
def _seed_site_in(folder: Path) -> Path:
    return build_site(folder / "seed-site")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed agency's site, built with the repository's mkdocs.yml once per session.

    Each test module imports this fixture, which makes one fixture per module;
    the cache keeps it to one build for all of them.
    """
    return _seed_site_in(tmp_path_factory.getbasetemp())


@functools.cache
def _example_site_in(folder: Path) -> Path:
    return build_site(folder / "example-site", EXAMPLE_CONFIG)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example agency's site (``examples/tambon-example``), built once per session like :func:`seed_site`."""
    return _example_site_in(tmp_path_factory.getbasetemp())


def base_url(mode: str, site: Path, serve: Callable[..., str], subpath: str = "") -> str:
    """URL of the site's root folder, ending in ``/``, for ``mode`` ``http`` or ``file``."""
    if mode == "http":
        return serve(site, subpath)
    if mode == "file":
        return site.resolve().as_uri() + "/"
    raise ValueError(f"unknown mode {mode!r}")


def site_path(url: str, base: str) -> str:
    """Path of ``url`` relative to the site root ``base``, without query or fragment."""
    parts = urlsplit(urljoin(base, url))
    root = urlsplit(base).path
    path = unquote(parts.path)
    return path[len(root):] if path.startswith(root) else path


#: True once a page has fetched Sarabun for the pages after it (``site_assets.with_font_loader``).
FONTS_REMEMBERED = "() => localStorage.getItem('ita-fonts') === '1'"


def open_as_returning_reader(page: Page, url: str) -> None:
    """Open ``url`` as a reader's later page: Sarabun fetched by an earlier page, so drawn from the first paint
    (a first page over http(s) is drawn in the reader's own Thai font)."""
    page.goto(url, wait_until="load")
    page.wait_for_function(FONTS_REMEMBERED, timeout=10_000)
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


def fonts_drawing(page: Page, selector: str) -> dict[str, int]:
    """Glyph counts per font family actually used to draw the text of ``selector``.

    Asks Chromium's renderer (DevTools CSS.getPlatformFontsForNode), so a
    missing font shows up as a fallback family, not as a pass.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"{selector} not found"
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}


def record_font_responses(page: Page) -> list[str]:
    """Start listing the URLs of web fonts the page receives successfully; returns the live list."""
    fonts: list[str] = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") and r.ok else None)
    return fonts


SEARCH_READY = """() => {
    const config = JSON.parse(document.getElementById("__config").textContent);
    const meta = document.querySelector(".md-search-result__meta");
    return meta !== null && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


def open_page(page: Page, url: str, timeout_ms: int = 20_000) -> None:
    """Load ``url`` and wait until its search is ready and its fonts have loaded.

    Material replaces the "initialising" line of the result box with its
    "type to search" line once the search worker has built the index (from
    file:// only after the search box has had focus), so by then every
    request of the page (worker, index, fonts) has been made.
    """
    page.goto(url, wait_until="load")
    page.evaluate("document.querySelector('input.md-search__input').focus()")
    page.wait_for_function(SEARCH_READY, timeout=timeout_ms, polling=20)
    page.evaluate("document.fonts.ready.then(() => true)")


#: Counts the queries Material sends to its search worker and the answers it gets
#: back (message types 2 and 3), on the real Worker or on the file:// stand-in.
TRACK_SEARCH = """() => {
    if (window.__itaSearch) return;
    const count = window.__itaSearch = {asked: 0, answered: 0};
    const proto = window.Worker.prototype;
    const post = proto.postMessage;
    const listening = new WeakSet();
    proto.postMessage = function (message, ...rest) {
        if (!listening.has(this)) {
            listening.add(this);
            this.addEventListener("message", (event) => {
                if (event.data && event.data.type === 3) count.answered += 1;
            });
        }
        if (message && message.type === 2) count.asked += 1;
        return post.call(this, message, ...rest);
    };
}"""

SEARCH_SETTLED = """([asked, quiet]) => {
    const count = window.__itaSearch;
    const list = document.querySelector(".md-search-result__list");
    const meta = document.querySelector(".md-search-result__meta");
    const state = (list ? list.innerHTML : "") + "|" + (meta ? meta.textContent : "");
    const now = performance.now();
    const w = window.__itaSearchWatch || (window.__itaSearchWatch = {state: null, since: now});
    if (w.state !== state) { w.state = state; w.since = now; return false; }
    return count.asked > asked && count.answered >= count.asked && now - w.since >= quiet;
}"""


def _search_counts(page: Page) -> dict[str, int]:
    """Queries sent to the search worker and answers received so far (tracking starts on first use)."""
    page.evaluate(TRACK_SEARCH)
    return page.evaluate("({...window.__itaSearch})")


def search_results(
    page: Page,
    base: str,
    query: str,
    type_query: Callable[..., None],
    clear_query: Callable[[Page], None],
    quiet_ms: int = 100,
) -> list[str]:
    """Type ``query`` into the open page's search box with key presses; return the result pages.

    Material searches on every keyup, so answers to the first letters may
    arrive after the last key. The results are read once the worker has
    answered every query sent since typing began and the list has been still
    for ``quiet_ms``. The box is emptied first (``clear_query``), so one loaded
    page can answer many queries.
    """
    field = page.locator("input.md-search__input")
    if field.is_visible() and field.input_value():
        clear_query(page)
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__item') === null", timeout=10_000
        )
    counts = _search_counts(page)
    page.wait_for_function(
        "() => window.__itaSearch.answered >= window.__itaSearch.asked", timeout=20_000, polling=20
    )
    type_query(page, query, delay_ms=0)
    page.evaluate("delete window.__itaSearchWatch")
    page.wait_for_function(SEARCH_SETTLED, arg=[counts["asked"], quiet_ms], timeout=20_000, polling=20)
    return result_pages(page, base)


def result_pages(page: Page, base: str) -> list[str]:
    """Pages of the shown results in display order, as site paths (one per result group)."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => item.querySelector('a.md-search-result__link')?.href ?? '')",
    )
    return [site_path(href, base) for href in hrefs if href]
