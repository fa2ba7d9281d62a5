"""The full document and a measure page print as official A4 documents: Sarabun embedded, as many pages as
the text needs, no page left mostly empty, and the approval block signed or ready to sign.

How the pages are looked at: Chromium prints each page to PDF (``page.pdf(format="A4")``, the print
stylesheet and its ``@page`` rule). No PDF renderer is installed, so ``support/pdf_pages.py`` reads the
drawing operators of each printed page and records the box of every glyph run, filled area and stroke;
how far down a page its lowest mark reaches, within the ``@page`` margins, is how full the page is. The
page maps it draws (text dark, fills grey) are written to ``test-artifacts/print/`` with the PDFs and a
screenshot of the whole page laid out for print.

How many pages to expect: the same page laid out with the print stylesheet on one endless sheet as wide
as the printed text column is ``H`` px tall; a sheet of A4 holds ``h`` px within its margins, so the print
needs at least ``ceil(H / h)`` pages. Rows, figures, notes and the approval block are kept whole and
headings stay with what follows, which moves some lines to the next page; that may cost up to a quarter
more (and at least one page), never more.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from ita_site.content import thai
from ita_site.content.project import load_project
from ita_site.site.line_breaks import NO_BREAK_SPACE
from site_fixtures import (  # noqa: F401
    ARTIFACTS_DIR,
    EXAMPLE_CONFIG,
    EXAMPLE_PAGE_TYPES,
    PAGE_TYPES,
    example_site,
    seed_site,
)
from support.harness import serving
from support.pdf_pages import PdfPage, draw_page, font_names, read_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PRINT_DIR = ARTIFACTS_DIR / "print"
A4_MM = (210.0, 297.0)
PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4
#: A page is mostly empty when its text stops above half of its printable height; the last page of a
#: document may be shorter, but not a few lines spilled over (the old measure page printed 15 %).
FULL_ENOUGH = 0.5
LAST_PAGE_AT_LEAST = 0.25

PAGE_MARGINS = """() => {
    let found = null;
    const visit = (rules) => {
        for (const rule of rules) {
            if (rule.cssRules) visit(rule.cssRules);
            if (rule.type === CSSRule.PAGE_RULE && rule.style.marginTop) {
                found = ['marginTop', 'marginRight', 'marginBottom', 'marginLeft'].map((side) => rule.style[side]);
            }
        }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
    return found;
}"""


#: Print type as laid out: body, table and title sizes in pt (1 CSS px = 0.75 pt), and the title's alignment.
TYPE_SIZES = """() => {
    const pt = (selector) => {
        const element = document.querySelector('.md-content__inner ' + selector);
        return element ? parseFloat(getComputedStyle(element).fontSize) * 0.75 : null;
    };
    return {body: pt('p'), table: pt('td'), title: pt('h1'),
            titleAlign: getComputedStyle(document.querySelector('.md-content__inner h1')).textAlign};
}"""


#: Notes on the source in the print layout: how many, and whether every one comes after all the text.
END_NOTES = """() => {
    const shown = [...document.querySelector('.md-content__inner').children]
        .filter((element) => element.getBoundingClientRect().height > 0);
    const notes = shown.filter((element) => element.classList.contains('ita-source-note'));
    const text = shown.filter((element) => !notes.includes(element));
    const textEnds = Math.max(...text.map((element) => element.getBoundingClientRect().bottom));
    return {count: notes.length, last: notes.every((note) => note.getBoundingClientRect().top >= textEnds - 1)};
}"""


class Printed:
    """One page of the site printed to A4, with what it takes to judge the print."""

    def __init__(self, name: str, pdf: bytes, margins_mm: list[float], layout_px: float, approval: str,
                 type_sizes: dict[str, float | str | None], end_notes: dict[str, int | bool]) -> None:
        self.name = name
        self.pdf = pdf
        self.pages: list[PdfPage] = read_pages(pdf)
        self.top_mm, self.right_mm, self.bottom_mm, self.left_mm = margins_mm
        self.layout_px = layout_px
        self.approval = approval
        self.type_sizes = type_sizes
        self.end_notes = end_notes

    @property
    def sheet_px(self) -> float:
        """Height of the printable area of one A4 sheet, in CSS px."""
        return (A4_MM[1] - self.top_mm - self.bottom_mm) * PX_PER_MM

    def fill(self, page: PdfPage) -> float:
        """How far down the printable area the page's lowest mark reaches (0 = blank, 1 = full)."""
        top = self.top_mm * PT_PER_MM
        usable = page.height - top - self.bottom_mm * PT_PER_MM
        return (page.ink_bottom - top) / usable


def _millimetres(value: str) -> float:
    assert value.endswith("mm"), f"the @page margins are given in mm: {value}"
    return float(value.removesuffix("mm"))


def _print(browser, base: str, path: str, name: str) -> Printed:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    try:
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        page.emulate_media(media="print")  # so the faces print needs (bold Latin, say) are loaded before printing
        page.evaluate("document.fonts.ready.then(() => true)")
        margins = page.evaluate(PAGE_MARGINS)
        assert margins, "the stylesheet sets the @page margins"
        margins_mm = [_millimetres(m) for m in margins]
        pdf = page.pdf(format="A4")
        column_px = (A4_MM[0] - margins_mm[1] - margins_mm[3]) * PX_PER_MM
        page.set_viewport_size({"width": math.floor(column_px), "height": 900})
        layout_px = page.evaluate("document.querySelector('.md-content__inner').getBoundingClientRect().height")
        approval = page.evaluate("document.querySelector('.ita-approval')?.innerText ?? ''")
        type_sizes = page.evaluate(TYPE_SIZES)
        end_notes = page.evaluate(END_NOTES)
        PRINT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=PRINT_DIR / f"{name}-print-layout.png", full_page=True)
    finally:
        context.close()
    printed = Printed(name, pdf, margins_mm, layout_px, approval, type_sizes, end_notes)
    (PRINT_DIR / f"{name}.pdf").write_bytes(pdf)
    for number, pdf_page in enumerate(printed.pages, start=1):
        draw_page(pdf_page, PRINT_DIR / f"{name}-page-{number}.png")
    return printed


@pytest.fixture(scope="module")
def printed(browser, seed_site: Path, example_site: Path) -> Iterator[dict[str, Printed]]:
    """The seed's full document and a measure page, and the example's document (which has an approval).

    Served over http: from file:// a page may not read its own stylesheets' rules, where the @page rule is.
    """
    with contextlib.ExitStack() as servers:
        seed, example = (servers.enter_context(serving(functools.partial(SimpleHTTPRequestHandler, directory=site)))
                         for site in (seed_site, example_site))
        yield {
            "document": _print(browser, seed, PAGE_TYPES["document"], "document"),
            "measure": _print(browser, seed, PAGE_TYPES["measure"], "measure"),
            "example-document": _print(browser, example, EXAMPLE_PAGE_TYPES["document-approved"], "example-document"),
        }


@pytest.mark.parametrize("name", ["document", "measure", "example-document"])
def test_prints_on_as_many_a4_pages_as_the_text_needs(printed, name: str) -> None:
    result = printed[name]
    least = math.ceil(result.layout_px / result.sheet_px)
    a4 = (A4_MM[0] * PT_PER_MM, A4_MM[1] * PT_PER_MM)
    assert all(abs(p.width - a4[0]) < 2 and abs(p.height - a4[1]) < 2 for p in result.pages), "A4 portrait"
    assert least <= len(result.pages) <= least + max(1, least // 4), (least, len(result.pages))


@pytest.mark.parametrize("name", ["document", "measure", "example-document"])
def test_sarabun_is_embedded(printed, name: str) -> None:
    fonts = font_names(printed[name].pdf)
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= fonts, fonts


@pytest.mark.parametrize("name", ["document", "measure", "example-document"])
def test_no_page_is_mostly_empty(printed, name: str) -> None:
    result = printed[name]
    fills = [round(result.fill(page), 2) for page in result.pages]
    assert all(fill >= FULL_ENOUGH for fill in fills[:-1]), fills
    assert fills[-1] >= LAST_PAGE_AT_LEAST, fills


@pytest.mark.parametrize("name", ["document", "measure"])
def test_official_type_sizes_and_a_centred_title(printed, name: str) -> None:
    """Thai official documents set the body in Sarabun at 16 pt; tables may be smaller, never below 14 pt."""
    sizes = printed[name].type_sizes
    assert sizes["body"] == pytest.approx(16, abs=0.1)
    assert sizes["table"] is None or sizes["table"] >= 14 - 0.1
    assert sizes["title"] >= 16 and sizes["titleAlign"] == "center"


def test_notes_on_the_source_print_as_end_notes(printed) -> None:
    """The seed's document records contradictions and corrections: in print they follow all of the text."""
    notes = printed["document"].end_notes
    assert notes["count"] >= 1 and notes["last"], notes


def test_the_approval_block_shows_who_approved_and_when(printed) -> None:
    """From content where the plan names its approver; lines to sign on where it does not (the seed's
    source gives no approval, and none is invented)."""
    project = load_project(EXAMPLE_CONFIG.parent / "content")
    approval = max(project.plans.values(), key=lambda plan: plan.fiscal_year).approval
    assert approval and approval.name and approval.position and approval.date
    signed = printed["example-document"].approval.replace(NO_BREAK_SPACE, " ")
    assert approval.name in signed and approval.position in signed
    assert thai.digits(f"พ.ศ. {approval.date.year + thai.BE_OFFSET}", project.agency.digits) in signed
    blank = printed["document"].approval
    assert "(ลงชื่อ) ......" in blank and "ตำแหน่ง ......" in blank and "พ.ศ. ....." in blank
