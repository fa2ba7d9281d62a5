"""axe-core finds no accessibility violation on any kind of page of the seed site.

axe runs with its default rule set (WCAG 2.x A/AA and best practices such as
heading order and unique landmarks) on each page type at desktop width, and
again at phone width, where the navigation is folded away and tables become
cards. Findings are written to test-artifacts/axe-<page>.json for reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_fixtures import ARTIFACTS_DIR, PAGE_TYPES, base_url, open_page, seed_site  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _violations(page) -> list[dict]:
    """Run axe-core on the open page and return its violations."""
    return Axe().run(page).response["violations"]


def _summary(violations: list[dict]) -> list[str]:
    """One readable line per violated rule: id, impact, count and the first offending element."""
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['nodes'][0]['target']} {v['help']}" for v in violations
    ]


#: True once no CSS transition or animation is running: colours read mid-fade are not the page's colours.
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def _check(page, name: str) -> None:
    """Run axe once the page has settled, keep its findings as an artifact, and fail on any violation.

    open_page focuses the search box; at phone width that fades the search overlay in, and axe used to
    read the fading text (#e6e6e6 on white) in some runs and fail on colour contrast.
    """
    page.wait_for_function(SETTLED, timeout=5_000)
    violations = _violations(page)
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"axe-{name}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1), "utf-8")
    assert page.evaluate("document.documentElement.lang") == "th"
    assert not violations, "\n".join(_summary(violations))


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_has_no_axe_violations(kind: str, seed_site: Path, serve, page) -> None:
    """Each page type passes axe at desktop width."""
    open_page(page, base_url("http", seed_site, serve) + PAGE_TYPES[kind])
    _check(page, kind)


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_at_phone_width_has_no_axe_violations(kind: str, seed_site: Path, serve, browser) -> None:
    """The phone layout (folded navigation, search behind a button, tables as cards) passes axe too."""
    context = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_page(page, base_url("http", seed_site, serve) + PAGE_TYPES[kind])
        _check(page, f"{kind}-phone")
    finally:
        context.close()
