"""Every page type reads on a 390 px phone and a 1280×900 desktop: no table wider than its column and no
cell off screen, no chart taller than 600 px, no value label crossed by a band line, and status told in
words and shape.

Each page is loaded once per width and per typeface, and measured in one pass (:data:`MEASURE`): from
disk, where the screen keeps the reader's own Thai font (Debian's Loma here), and over http as a returning
reader sees it, in Sarabun. Their widths differ, so a table or label that fits in one may not in the other. The seed
agency gives every page type it has; the example agency adds the kinds the seed lacks (OIT evidence,
a trend chart, progress reports with evidence, a document with its approval).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from site_fixtures import (  # noqa: F401
    EXAMPLE_PAGE_TYPES,
    PAGE_TYPES,
    example_site,
    open_as_returning_reader,
    seed_site,
)
from support.harness import serving

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 1280: 900}
#: "At most about 60 % of a desktop screen": the issue's limit for any chart at 1280×900.
CHART_LIMIT_PX = 600
#: The reader's own Thai font (a first page, or any page from file://), and Sarabun (a later page over http).
TYPEFACES = ("own-font", "sarabun")
CASES = [("seed", kind, width, face) for kind in PAGE_TYPES for width in WIDTHS for face in TYPEFACES]
CASES += [("example", kind, width, face) for kind in EXAMPLE_PAGE_TYPES for width in WIDTHS for face in TYPEFACES]

MEASURE = """() => {
    const column = document.querySelector('.md-content__inner');
    const edge = column.getBoundingClientRect();
    const offScreen = (r) => r.width === 0 || r.height === 0 || r.left < edge.left - 1 || r.right > edge.right + 1;
    const tables = [...column.querySelectorAll('table')].map((table) => ({
        cards: table.hasAttribute('data-ita-cards'),
        overflows: table.getBoundingClientRect().right > edge.right + 1 || table.scrollWidth > table.clientWidth + 1,
        cells: table.querySelectorAll('td').length,
        hiddenCells: [...table.querySelectorAll('td')]
            .filter((td) => offScreen(td.getBoundingClientRect()) || getComputedStyle(td).visibility !== 'visible')
            .map((td) => td.textContent.trim().slice(0, 40)),
    }));
    const charts = [...column.querySelectorAll('figure.ita-chart')].map((figure) => {
        const svg = figure.querySelector('svg');
        const uprights = [...svg.querySelectorAll('line')].filter((l) => l.x1.baseVal.value === l.x2.baseVal.value)
            .map((l) => ({x: l.x1.baseVal.value, top: Math.min(l.y1.baseVal.value, l.y2.baseVal.value),
                          bottom: Math.max(l.y1.baseVal.value, l.y2.baseVal.value)}));
        const levels = [...svg.querySelectorAll('line[stroke-dasharray]')].map((l) => l.y1.baseVal.value);
        const bands = [...svg.querySelectorAll('.ita-chart-band')].map((r) => r.getBBox());
        const barChart = svg.querySelector('.ita-chart-bar') !== null;
        // Upright labels only: a turned label's box is measured before its turn.
        const collisions = [...svg.querySelectorAll('.ita-chart-value:not([transform])')].filter((text) => {
            const b = text.getBBox();
            const across = (top, bottom) => top < b.y + b.height && bottom > b.y;
            if (!barChart) return levels.some((y) => across(y, y));
            return uprights.some((l) => l.x > b.x && l.x < b.x + b.width && across(l.top, l.bottom))
                || bands.some((r) => r.x + r.width > b.x + 0.5 && r.x < b.x + b.width && across(r.y, r.y + r.height));
        }).map((text) => text.textContent);
        return {id: figure.id, height: svg.getBoundingClientRect().height, collisions,
                labels: [...svg.querySelectorAll('.ita-chart-label')].map((t) => t.textContent)};
    });
    const badges = [...column.querySelectorAll('.ita-badge')].map((badge) => ({
        text: badge.textContent.trim(),
        shape: getComputedStyle(badge, '::before').content !== 'none'
            && parseFloat(getComputedStyle(badge, '::before').width) > 0,
    }));
    return {pageOverflow: document.documentElement.scrollWidth > innerWidth + 1,
            columnOverflow: column.scrollWidth > column.clientWidth + 1, tables, charts, badges};
}"""


@pytest.fixture(scope="module")
def sites(seed_site: Path, example_site: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    return {"seed": (seed_site, PAGE_TYPES), "example": (example_site, EXAMPLE_PAGE_TYPES)}


@pytest.fixture(scope="module")
def served(sites) -> Iterator[dict[str, str]]:
    """Each site's address on a local web server."""
    with contextlib.ExitStack() as servers:
        yield {name: servers.enter_context(serving(functools.partial(SimpleHTTPRequestHandler, directory=root)))
               for name, (root, _) in sites.items()}


@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[dict[int, object]]:
    """One browser context per screen width, phones with touch as a phone has it."""
    made = {width: browser.new_context(viewport={"width": width, "height": height}, locale="th-TH",
                                       is_mobile=width < 600, has_touch=width < 600)
            for width, height in WIDTHS.items()}
    yield made
    for context in made.values():
        context.close()


def _table_roles(page) -> set[str]:
    """The roles Chromium's accessibility tree gives the page's nodes (what a screen reader is told)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return {node.get("role", {}).get("value", "") for node in nodes}


@pytest.mark.parametrize(("site", "kind", "width", "face"), CASES)
def test_page_reads_at_width(sites, served, contexts, site: str, kind: str, width: int, face: str) -> None:
    root, kinds = sites[site]
    page = contexts[width].new_page()
    try:
        if face == "sarabun":
            open_as_returning_reader(page, served[site] + kinds[kind])
        else:
            page.goto((root / kinds[kind]).resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
        drawn_in = page.evaluate("getComputedStyle(document.body).fontFamily.split(',')[0]")
        assert ("Sarabun" in drawn_in) == (face == "sarabun"), drawn_in
        found = page.evaluate(MEASURE)
        roles = _table_roles(page) if any(t["cards"] for t in found["tables"]) else set()
    finally:
        page.close()

    assert not found["pageOverflow"] and not found["columnOverflow"], "the page scrolls sideways"
    for table in found["tables"]:
        assert not table["overflows"], f"a table wider than its column at {width} px"
        assert not table["hiddenCells"], f"cells off screen at {width} px: {table['hiddenCells']}"
    if roles:
        assert {"columnheader", "cell"} <= roles, "cards keep the table's rows and columns for screen readers"
    for chart in found["charts"]:
        assert chart["height"] <= CHART_LIMIT_PX, f"{chart['id']} is {chart['height']:.0f} px tall"
        assert not chart["collisions"], f"{chart['id']}: values drawn over band lines: {chart['collisions']}"
        if chart["id"].startswith("questions-"):
            bare = [label for label in chart["labels"] if re.fullmatch(r"(ข้อ\s*)?[A-Z]?[0-9๐-๙]+", label.strip())]
            assert not bare, f"questions labelled by number only: {bare}"
    for badge in found["badges"]:
        assert badge["text"] and badge["shape"], "a status is said in words and shown by a shape, not colour alone"


def test_the_pages_measured_hold_tables_cards_charts_and_statuses(sites) -> None:
    """The cases above see what they check: the seed's measure index has a card table with status badges,
    its home a chart, and the example a question chart and a trend chart."""
    seed, _ = sites["seed"]
    example, _ = sites["example"]
    plan = (seed / PAGE_TYPES["plan"]).read_text(encoding="utf-8")
    assert "data-ita-cards" in plan and 'data-label="สถานะ"' in plan and "ita-badge" in plan
    assert 'class="ita-chart"' in (seed / PAGE_TYPES["home"]).read_text(encoding="utf-8")
    assessment = (seed / PAGE_TYPES["assessment"]).read_text(encoding="utf-8")
    assert 'class="ita-source-note"' in assessment and "admonition warning" not in assessment, \
        "a contradiction in the source is a quiet note beside the figure, not a warning box"
    trend = (example / EXAMPLE_PAGE_TYPES["indicator-trend"]).read_text(encoding="utf-8")
    assert 'id="trend-' in trend or 'id="questions-' in trend
