"""What a page asks for before its first paint: its stylesheet is written into it, and its first script decides
whether the text is drawn in Sarabun before any stylesheet loads (how that looks in a browser:
tests/browser/test_first_view.py; the Lighthouse figures: ``benchmarks/lighthouse.py``)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ita_site.site.site_assets import EXTRA_CSS, STYLESHEET, WEB_FONTS

pytestmark = pytest.mark.slow

_LOADER = re.compile(r'<script>\(function\(d,k\)\{.*?(\[[^\]]*\])\.forEach.*?\}\)\(document,"ita-fonts"\)</script>')
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def test_every_page_carries_its_stylesheet_and_font_loader_before_its_first_stylesheet(seed_site: Path) -> None:
    pages = [page for page in seed_site.rglob("*.html") if page.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        loader = _LOADER.search(html)
        assert loader is not None, page
        assert loader.start() < html.index('<link rel="stylesheet"') < html.index("<style>"), page
        urls = json.loads(loader.group(1))
        assert [Path(url).name for url in urls] == list(WEB_FONTS)
        assert all((page.parent / url).resolve().is_file() for url in urls), page
        assert EXTRA_CSS[0] not in html, page
        styles = [style for style in _STYLE.findall(html) if "@font-face" in style]
        assert len(styles) == 1, page
        fonts = re.findall(r'url\("([^"]+)"\)', styles[0])
        assert len(fonts) == 12 and all((page.parent / url).resolve().is_file() for url in fonts), (page, fonts)
        assert "/*" not in styles[0]  # minified


class _Scripts(HTMLParser):
    """The attributes of each external script element (a tag written inside a script's text is not one)."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("src"):
            self.external.append(dict(attrs))


def test_no_script_holds_back_the_first_paint(seed_site: Path) -> None:
    """Material's script (114 KB) at the end of the body held every page's first paint until it had arrived;
    every external script is deferred (or async), in the order written, so those after it still run after it."""
    for page in seed_site.rglob("*.html"):
        scripts = _Scripts()
        scripts.feed(page.read_text(encoding="utf-8"))
        assert any("assets/javascripts/bundle." in str(a["src"]) for a in scripts.external), page
        blocking = [a["src"] for a in scripts.external if not {"defer", "async"} & set(a) and a.get("type") != "module"]
        assert blocking == [], page


def test_the_404_page_links_its_stylesheet_and_preloads_nothing(seed_site: Path) -> None:
    """Where the host shows the 404 page is not known when it is built, so it keeps the stylesheet's link (made
    absolute with site_url) and has no font addresses to preload."""
    html = (seed_site / "404.html").read_text(encoding="utf-8")
    loader = _LOADER.search(html)
    assert loader is not None and json.loads(loader.group(1)) == []
    assert loader.start() < html.index(f'{EXTRA_CSS[0]}">')


def test_the_stylesheet_has_no_address_but_its_fonts() -> None:
    """Written into pages at any depth, only the font addresses are rewritten; any other relative url() would
    point to the wrong place."""
    css = STYLESHEET.read_text(encoding="utf-8")
    assert set(re.findall(r'url\("?([^")]+)', css)) == {f"../fonts/{name}" for name in (
        *WEB_FONTS, "sarabun-thai-400-italic.woff2", "sarabun-latin-400-italic.woff2")}
