"""A reader's first page over http(s) is drawn as soon as the page and Material's stylesheet are there; Sarabun
comes after, for the pages that follow.

On Lighthouse's phone network every byte fetched before the first paint delays it: the site's fonts (44 KB)
and its stylesheet (a second render-blocking request) put the indicator page at 90 against stock Material's
95 (``benchmarks/lighthouse.py``). So the first page asks for neither before it is drawn: the stylesheet is in
the page, the text is drawn in the reader's own Thai font, and Sarabun is fetched once the page has loaded,
without redrawing it (nothing moves under the reader). Every later page draws in Sarabun from its first
paint, and print always does. From file:// (a USB stick) fonts cannot be preloaded, so the screen keeps the
reader's own font there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_fixtures import FONTS_REMEMBERED, PAGE_TYPES, base_url, fonts_drawing, seed_site  # noqa: F401

pytestmark = pytest.mark.browser

#: The pages benchmarks/lighthouse.py measures.
MEASURED = ("home", "indicator", "measure")

#: What the page fetched before its first contentful paint.
FETCHED_BEFORE_FIRST_PAINT = """() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return paint ? performance.getEntriesByType('resource')
        .filter(r => r.startTime < paint.startTime).map(r => r.name) : null;
}"""

#: The layout shifts of the page so far, summed (the measure Lighthouse calls CLS), and what moved.
LAYOUT_SHIFTS = """() => new Promise(done => {
    const shifts = [];
    new PerformanceObserver(list => shifts.push(...list.getEntries())).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done([shifts.reduce((total, e) => total + e.value, 0), shifts.map(e => [e.startTime,
        ...e.sources.map(s => `${s.node?.nodeName}.${s.node?.className?.baseVal ?? s.node?.className} `
            + `${s.previousRect.y} -> ${s.currentRect.y}`)])]), 300);
})"""


def assert_nothing_moved(page) -> None:
    total, shifts = page.evaluate(LAYOUT_SHIFTS)
    assert total < STILL, shifts


#: Layout shift allowed: Lighthouse's "good" is under 0.1. What remains (about 0.001) is Material's script
#: wrapping tables in their scroll box once it runs, when the page was drawn before it.
STILL = 0.01


@pytest.fixture
def reader(browser):
    """A phone-sized browser with nothing cached, as a first visit is."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True,
                                  has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", MEASURED)
def test_first_page_is_drawn_before_any_font_or_second_stylesheet(kind: str, seed_site: Path, serve,
                                                                   reader) -> None:
    reader.goto(base_url("http", seed_site, serve) + PAGE_TYPES[kind], wait_until="load")
    fetched = reader.evaluate(FETCHED_BEFORE_FIRST_PAINT)
    assert fetched is not None, "no first contentful paint"
    assert not [url for url in fetched if url.endswith(".woff2")], fetched
    assert [url for url in fetched if url.endswith(".css")] == [
        url for url in fetched if "/assets/stylesheets/main." in url], fetched
    assert_nothing_moved(reader)


def test_sarabun_arrives_after_the_first_page_and_draws_the_next(seed_site: Path, serve, reader) -> None:
    base = base_url("http", seed_site, serve)
    fonts: list[str] = []
    reader.on("response", lambda r: fonts.append(r.url.rsplit("/", 1)[1]) if r.url.endswith(".woff2") else None)
    reader.goto(base + PAGE_TYPES["home"], wait_until="load")
    reader.wait_for_function(FONTS_REMEMBERED, timeout=10_000)
    assert sorted(fonts) == sorted(f"sarabun-{subset}-{weight}-normal.woff2" for subset in ("latin", "thai")
                                   for weight in (400, 700))
    assert "Sarabun" not in fonts_drawing(reader, "article h1")  # loaded, not swapped in under the reader
    assert_nothing_moved(reader)

    reader.goto(base + PAGE_TYPES["indicator"], wait_until="load")
    reader.evaluate("document.fonts.ready.then(() => true)")
    assert set(fonts_drawing(reader, "article h1")) == {"Sarabun"}
    assert_nothing_moved(reader)


def test_from_a_usb_stick_pages_stay_in_the_readers_font_and_print_in_sarabun(seed_site: Path, serve,
                                                                              reader) -> None:
    """Chromium refuses font preloads from file://, so a face there always arrives after the first paint and
    would move the text; the screen keeps the reader's own Thai font, and print, which waits for it, Sarabun."""
    base = base_url("file", seed_site, serve)
    for kind in ("home", "indicator"):
        reader.goto(base + PAGE_TYPES[kind], wait_until="load")
        reader.evaluate("document.fonts.ready.then(() => true)")
        assert "Sarabun" not in fonts_drawing(reader, "article h1")
        assert_nothing_moved(reader)
    reader.emulate_media(media="print")
    reader.evaluate("document.fonts.ready.then(() => true)")
    assert set(fonts_drawing(reader, "article h1")) == {"Sarabun"}
