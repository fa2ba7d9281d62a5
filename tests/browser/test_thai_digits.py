"""A Thai-digit site shows no Arabic digit in headings, navigation or interface text, at phone and desktop width.

Codes (O14, E1), ids and web addresses keep their digits: no id, address or code on a page has a Thai digit.
Every page type of the seed agency and the example agency's pages whose titles staff typed with Arabic digits
(รอบ 6 เดือน, ภายใน 3 วันทำการ) are opened in Chromium; what is read is what the browser renders: heading,
navigation, tab, breadcrumb, header, footer and button text, the document title, and the names and hints of
controls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from html_text import arabic_outside_codes
from site_fixtures import PAGE_TYPES, REPO_ROOT, base_url, build_site, seed_site  # noqa: F401

pytestmark = pytest.mark.browser

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
EXAMPLE_PAGES = ["2567/measures/report.html", "2567/measures/document.html", "2566/oit/o12.html",
                 "2566/oit/index.html", "2567/measures/index.html"]

#: Every piece of text a reader meets outside the page's own prose and tables.
SHOWN_TEXT = """() => {
    const text = (selector) => [...document.querySelectorAll(selector)].map((e) => e.innerText || e.textContent);
    const named = [...document.querySelectorAll("[aria-label], [title], [placeholder]")]
        .filter((e) => e.tagName !== "ABBR")
        .flatMap((e) => ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a)).filter(Boolean));
    return [
        document.title,
        ...text(".md-content h1, .md-content h2, .md-content h3, .md-content h4, .md-content h5, .md-content h6"),
        ...text(".md-nav__link, .md-nav__title, .md-tabs__link, .md-path__link, .md-header__topic"),
        ...text(".md-footer, .md-button, button, label"),
        ...named,
    ].map((t) => t.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""


#: Ids, addresses and codes that took Thai digits: an id or href with one, or a Latin letter followed by one (O๑๔).
CONVERTED_CODES = """() => {
    const thai = /[\u0e50-\u0e59]/;
    const attributes = [...document.querySelectorAll("[id], [href], [src]")]
        .flatMap((e) => ["id", "href", "src"].map((a) => e.getAttribute(a)).filter((v) => v && thai.test(v)));
    const codes = document.body.innerText.match(/[A-Za-z][\u0e50-\u0e59]+/g) || [];
    return [...attributes, ...codes];
}"""


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("example") / "site", REPO_ROOT / "examples" / "tambon-example" / "mkdocs.yml")


def _leaks(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    shown = page.evaluate(SHOWN_TEXT)
    assert len(shown) > 10, url
    return [text for text in shown if arabic_outside_codes(text)] + page.evaluate(CONVERTED_CODES)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_seed_pages_show_thai_digits(width: str, seed_site: Path, serve, page) -> None:
    page.set_viewport_size(WIDTHS[width])
    base = base_url("http", seed_site, serve)
    leaks = {kind: found for kind, path in PAGE_TYPES.items() if (found := _leaks(page, base + path))}
    assert leaks == {}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_titles_staff_typed_with_arabic_digits_show_thai_digits(width: str, example_site: Path, serve, page) -> None:
    page.set_viewport_size(WIDTHS[width])
    base = base_url("http", example_site, serve)
    leaks = {path: found for path in EXAMPLE_PAGES if (found := _leaks(page, base + path))}
    assert leaks == {}
    page.goto(base + "2566/oit/o12.html", wait_until="load")
    assert page.locator(".md-content h1").inner_text().startswith("O12 "), "the code keeps its digits"
    assert "รอบ ๖ เดือน" in page.title()
