"""Fixtures for tests that open the built site in Debian's Chromium via Playwright.

* ``browser``: one headless Chromium for the session. Skipped with a reason when
  Chromium is missing on a developer machine; a failure under ``CI`` (where a
  silently skipped browser suite would hide regressions).
* ``context`` / ``page``: a fresh browser context per test, with every request
  recorded in ``page_requests`` and requests to other hosts aborted.
* ``serve``: serves a directory on 127.0.0.1 at a free port, optionally under a
  subpath such as ``/ita/``, and returns the base URL.
* :func:`record_requests`, :class:`RequestLog`, :func:`type_query`,
  :func:`search_results`, :func:`clear_query`: helpers; the last three are also
  fixtures of the same name, so test modules need not import this file.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from support.harness import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

#: Chromium binary; override with ITA_CHROMIUM for other machines.
CHROMIUM_PATH = Path(os.environ.get("ITA_CHROMIUM", "/usr/bin/chromium"))

#: Flags for a headless Chromium that talks to nothing but the page under test.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def _in_ci() -> bool:
    """Tell whether we run under CI, where a missing browser is an error."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    """Skip locally, fail under CI: CI must never silently drop browser tests."""
    if _in_ci():
        pytest.fail(f"{reason} (CI is set, so browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def is_external(url: str) -> bool:
    """Tell whether a request leaves this machine (any host but loopback)."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES or not parts.scheme:
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


@dataclass
class RequestLog:
    """Every request a browser context made, and the external ones it stopped."""

    urls: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        """Requests to any host other than loopback (should be none)."""
        return sorted({url for url in self.urls + self.blocked if is_external(url)})

    def matching(self, needle: str) -> list[str]:
        """Requested URLs that contain ``needle``."""
        return [url for url in self.urls if needle in url]


def record_requests(target: BrowserContext | Page, block_external: bool = True) -> RequestLog:
    """Record every request of a page's whole browser context (frames and workers too).

    With ``block_external`` requests to other hosts are aborted after being
    recorded, so a test never waits on, or reaches, the internet.
    """
    context = getattr(target, "context", target)
    log = RequestLog()
    context.on("request", lambda request: log.urls.append(request.url))
    if block_external:

        def guard(route: Any) -> None:
            url = route.request.url
            if is_external(url):
                log.blocked.append(url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
    return log


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium (Debian's, never a downloaded build) for the session."""
    if not CHROMIUM_PATH.exists():
        _unavailable(f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context (no cache, no storage) at a desktop viewport, Thai locale."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture()
def page_requests(context: BrowserContext) -> RequestLog:
    """The request log of ``context`` (external requests aborted)."""
    return record_requests(context)


@pytest.fixture()
def page(context: BrowserContext, page_requests: RequestLog) -> Page:
    """A page in ``context`` whose requests land in ``page_requests``."""
    return context.new_page()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler with font/JS types set and without access logging."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@pytest.fixture()
def serve() -> Iterator[Callable[..., str]]:
    """Return ``serve(directory, subpath="")`` giving ``http://127.0.0.1:PORT/<subpath>/``.

    A subpath is served from a temporary root holding a symlink (or a copy where
    symlinks are not allowed) named after it, which is how a site hosted under
    e.g. ``/ita/`` on an intranet server looks to the browser.
    """
    servers = contextlib.ExitStack()
    roots: list[tempfile.TemporaryDirectory[str]] = []

    def start(directory: Path, subpath: str = "") -> str:
        directory = Path(directory).resolve()
        subpath = subpath.strip("/")
        root = directory
        if subpath:
            holder = tempfile.TemporaryDirectory(prefix="ita-serve-")
            roots.append(holder)
            link = Path(holder.name, *subpath.split("/"))
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                link.symlink_to(directory, target_is_directory=True)
            except OSError:
                shutil.copytree(directory, link)
            root = Path(holder.name)
        url = servers.enter_context(serving(functools.partial(_QuietHandler, directory=str(root))))
        return url + (f"{subpath}/" if subpath else "")

    with servers:
        yield start
    for holder in roots:
        holder.cleanup()


SEARCH_INPUT = "input.md-search__input"
SEARCH_OPEN = "label.md-header__button[for='__search']"


def type_query(page: Page, text: str, delay_ms: float = 15) -> None:
    """Type ``text`` into Material's search box with real key presses.

    Material reads the query on ``keyup``, so setting the value or Playwright's
    ``insert_text`` would not search. ASCII goes through ``keyboard.press``;
    other characters (Thai) are sent as key events carrying text through the
    DevTools input domain, as a Thai keyboard layout would produce them.
    """
    field_ = page.locator(SEARCH_INPUT)
    if not field_.is_visible():
        page.locator(SEARCH_OPEN).first.click()
    field_.click()
    cdp = None
    for char in text:
        if char == " ":
            page.keyboard.press("Space")
        elif char.isascii() and char.isprintable():
            page.keyboard.press(char)
        else:
            if cdp is None:
                cdp = page.context.new_cdp_session(page)
            cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
        if delay_ms:
            page.wait_for_timeout(delay_ms)
    if cdp is not None:
        cdp.detach()


_RESULTS_STATE = """() => {
    const config = document.getElementById("__config");
    const none = config ? JSON.parse(config.textContent).translations["search.result.none"] : null;
    const meta = document.querySelector(".md-search-result__meta");
    const list = document.querySelector(".md-search-result__list");
    const items = document.querySelectorAll(".md-search-result__item").length;
    const text = meta ? meta.textContent.trim() : "";
    return {
        answered: items > 0 || (none !== null && text === none),
        snapshot: text + "\\n" + (list ? list.innerHTML : ""),
    };
}"""


def search_results(page: Page, settle_ms: int = 400, timeout_ms: int = 15_000) -> list[str]:
    """Wait until Material's search has answered and settled; return the result links in order.

    Results for a partly typed query can arrive before those for the whole
    query, so the answer (results, or Material's own "no match" text from the
    page's ``__config``) must stay unchanged for ``settle_ms`` before it counts.
    """
    previous = None
    for _ in range(max(1, timeout_ms // settle_ms)):
        state = page.evaluate(_RESULTS_STATE)
        if state["answered"] and state["snapshot"] == previous:
            return page.eval_on_selector_all(
                ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
            )
        previous = state["snapshot"]
        page.wait_for_timeout(settle_ms)
    raise AssertionError(f"search gave no settled answer within {timeout_ms} ms")


def clear_query(page: Page) -> None:
    """Empty the search box with key presses (select all, delete)."""
    page.locator(SEARCH_INPUT).click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")


@pytest.fixture(name="type_query")
def _type_query_fixture() -> Callable[..., None]:
    """:func:`type_query` as a fixture, so test modules need not import conftest."""
    return type_query


@pytest.fixture(name="clear_query")
def _clear_query_fixture() -> Callable[..., None]:
    """:func:`clear_query` as a fixture."""
    return clear_query


@pytest.fixture(name="search_results")
def _search_results_fixture() -> Callable[..., list[str]]:
    """:func:`search_results` as a fixture."""
    return search_results
