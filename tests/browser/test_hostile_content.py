"""Hostile content opened in Chromium: no dialog, over http and from file://, on pages and in search results.

The seed is built with hostile text in every text field (tests/hostile.py); each page type is opened
with a dialog listener, and the search box is used so that results drawing the hostile text run too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_fixtures import PAGE_TYPES, base_url, open_page, search_results

from helpers import REPO, run_mkdocs_build
from hostile import make_hostile

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
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = base_url(mode, hostile_site, serve)
    for kind, path in PAGE_TYPES.items():
        if mode == "file" and kind == "404":
            continue  # a 404 page is what a web server answers; from disk nobody reaches it
        open_page(page, base + path)
        page.wait_for_timeout(100)
        focused = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 80)")
        assert "onfocus" not in (focused or ""), kind
    assert search_results(page, base, "alert", type_query, clear_query), "hostile text is drawn in the results"
    page.wait_for_timeout(300)
    assert dialogs == []
