"""How the seed site looks: home page screenshots with the shipped Thai font, and printing.

Screenshots of the home page at phone (390 px) and desktop (1280 px) width, and
a PDF of the full-disclosure page, are saved under test-artifacts/ for people to
look at. The tests check that Thai text is drawn with the shipped Sarabun font
(not a fallback or empty boxes) and that print hides the site's chrome.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_fixtures import (  # noqa: F401
    ARTIFACTS_DIR,
    PAGE_TYPES,
    base_url,
    fonts_drawing,
    open_as_returning_reader,
    record_font_responses,
    seed_site,
)

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}

#: Page objects of a PDF (not the /Pages tree nodes).
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.mark.parametrize("name", list(WIDTHS))
def test_home_page_screenshot_in_sarabun(name: str, seed_site: Path, serve, browser) -> None:
    """The home page, once Sarabun is on hand, renders its Thai heading with it at phone and desktop width."""
    width = WIDTHS[name]
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="th-TH", is_mobile=name == "phone", has_touch=name == "phone"
    )
    try:
        page = context.new_page()
        fonts = record_font_responses(page)
        open_as_returning_reader(page, base_url("http", seed_site, serve) + PAGE_TYPES["home"])
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        shot = ARTIFACTS_DIR / f"home-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert page.evaluate("document.fonts.check('400 16px Sarabun', 'คุณธรรมและความโปร่งใส')")
        assert any("sarabun-thai" in url for url in fonts), fonts
        drawn = fonts_drawing(page, "article h1")
        assert drawn.get("Sarabun", 0) > 0 and set(drawn) == {"Sarabun"}, drawn
    finally:
        context.close()


def test_full_disclosure_prints_without_site_chrome(seed_site: Path, serve, page, page_requests) -> None:
    """In print, the full-disclosure page shows only its content; the A4 PDF has pages."""
    page.goto(base_url("http", seed_site, serve) + PAGE_TYPES["document"], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    chrome = ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]
    assert page.locator(".md-sidebar--primary").is_visible()  # on screen the navigation is there
    page.emulate_media(media="print")
    shown = [selector for selector in chrome if page.locator(selector).first.is_visible()]
    assert not shown, f"visible in print: {shown}"
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / "full-disclosure.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-")
    assert len(PDF_PAGE.findall(pdf)) >= 1
    assert page_requests.external() == []
