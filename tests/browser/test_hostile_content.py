"""Hostile content opened in Chromium: no dialog, over http and from file://, on pages and in search results.

The seed is built with hostile text in every text field (tests/hostile.py); each page type is opened
with a dialog listener, and the search box is used so that results drawing the hostile text run too.
Every page carries a Content-Security-Policy that the theme's own scripts satisfy and that stops an
inline event handler, should markup ever slip through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import make_hostile
from site_fixtures import PAGE_TYPES, base_url, open_page, search_results
from support.harness import REPO, run_mkdocs_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_hostile(REPO, tmp_path_factory.mktemp("hostile") / "seed", "thai")
    result = run_mkdocs_build(project.root, project.root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project.root / "site"


@pytest.mark.parametrize("mode", ["http", "file"])
def test_no_hostile_text_runs_in_the_browser(hostile_site: Path, serve, page, mode: str, type_query,
                                             clear_query) -> None:
    dialogs: list[str] = []
    refused: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    base = base_url(mode, hostile_site, serve)
    for kind, path in PAGE_TYPES.items():
        if mode == "file" and kind == "404":
            continue  # a 404 page is what a web server answers; from disk nobody reaches it
        open_page(page, base + path)
        page.wait_for_timeout(100)
        focused = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 80)")
        assert "onfocus" not in (focused or ""), kind
        assert refused == [], f"{kind}: the theme's own scripts break the policy"
    assert search_results(page, base, "โละจูด", type_query, clear_query), "results draw the hostile text"  # the name, next to hostile text everywhere
    page.wait_for_timeout(300)
    assert dialogs == []


@pytest.mark.parametrize("mode", ["http", "file"])
def test_the_policy_stops_an_inline_handler_that_slipped_through(hostile_site: Path, serve, page, mode: str) -> None:
    open_page(page, base_url(mode, hostile_site, serve) + PAGE_TYPES["measure"])
    page.evaluate("""document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.ran = 1">')""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran === undefined")
