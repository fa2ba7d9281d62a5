"""Thai digits wherever a Thai-digit agency's readers read a figure; codes, addresses and ids as typed.

The rendered pages (no MkDocs) of both agencies are checked: page titles, navigation and every heading.
The built pages, as a browser shows them, are checked in ``browser/test_thai_digits.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from html_text import arabic_outside_codes
from ita_site.content import thai
from ita_site.content.project import load_project
from ita_site.site.render import NavEntry, Site, render_site
from support.harness import REPO, changed_copy

EXAMPLE = REPO / "examples" / "tambon-example"


@pytest.mark.parametrize(("typed", "shown"), [
    ("ภายใน 3 วันทำการ", "ภายใน ๓ วันทำการ"),
    ("รอบ 6 เดือน ปี2566", "รอบ ๖ เดือน ปี๒๕๖๖"),
    ("มาตรการที่ 1.3", "มาตรการที่ ๑.๓"),
    ("โทร 0-7356-2000", "โทร ๐-๗๓๕๖-๒๐๐๐"),
    ("ข้อ O14 และ O28, E1-E10", "ข้อ O14 และ O28, E1-E10"),
    ("eit-6-1 ปี 2566", "eit-6-1 ปี ๒๕๖๖"),
    ("ดูที่ https://tambon.example/ita/2566/o12 ได้", "ดูที่ https://tambon.example/ita/2566/o12 ได้"),
    ("www.lohjood.go.th/2566 ปี 2566", "www.lohjood.go.th/2566 ปี ๒๕๖๖"),
    ("อีเมล saraban2566@lohjood.go.th", "อีเมล saraban2566@lohjood.go.th"),
])
def test_prose_figures_become_thai_and_codes_and_addresses_stay_as_typed(typed: str, shown: str) -> None:
    assert thai.digits(typed, "thai") == shown
    assert thai.digits(shown, "arabic") == thai.to_arabic_digits(shown)


def test_a_long_line_without_spaces_is_read_once() -> None:
    """No backtracking per character: a field of 200,000 characters is converted as fast as a short one."""
    for text in ("a" * 200_000 + "2566", "1" * 200_000, "a." * 100_000, "x@" * 100_000):
        assert len(thai.digits(text, "thai")) == len(text)


@pytest.fixture(scope="module", params=[REPO, EXAMPLE], ids=["seed", "example"])
def rendered(request: pytest.FixtureRequest) -> Site:
    project = load_project(request.param / "content", request.param)
    assert project.agency.digits == "thai"
    return render_site(project, thai.fiscal_year_bounds(2567)[1], open_data=True)


def _nav_titles(nav: list[NavEntry]) -> list[str]:
    titles = []
    for entry in nav:
        if isinstance(entry, dict):
            for title, value in entry.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += _nav_titles(value)
    return titles


def test_titles_and_navigation_have_thai_digits(rendered: Site) -> None:
    shown = [page.title for page in rendered.pages] + _nav_titles(rendered.nav)
    assert [title for title in shown if arabic_outside_codes(title)] == []


def test_every_heading_has_thai_digits(rendered: Site) -> None:
    headings = [(page.path, line) for page in rendered.pages for line in page.markdown.splitlines()
                if line.startswith("#")]
    assert len(headings) > 50
    leaks = [(path, line) for path, line in headings if arabic_outside_codes(re.sub(r"<[^>]*>", "", line))]
    assert leaks == []


def test_codes_in_titles_keep_arabic_digits(rendered: Site) -> None:
    """O12 stays O12 where the agency's item name around it turns Thai (รอบ ๖ เดือน)."""
    oit_titles = [page.title for page in rendered.pages if "/oit/o" in page.path]
    assert all(re.match(r"O[0-9]+( |$)", title) for title in oit_titles)


def test_the_example_titles_its_staff_typed_with_arabic_digits_are_shown_in_thai() -> None:
    project = load_project(EXAMPLE / "content", EXAMPLE)
    site = render_site(project, thai.fiscal_year_bounds(2567)[1])
    titles = _nav_titles(site.nav)
    assert "O12 รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ ๖ เดือน" in titles
    assert any(title.endswith("ภายใน ๓ วันทำการ") for title in titles)
    report = next(page for page in site.pages if page.path == "2567/measures/report.md")
    assert "## ๑. ความเป็นมา" in report.markdown


def test_an_arabic_digit_agency_sees_arabic_digits_everywhere(tmp_path: Path) -> None:
    copy = changed_copy(tmp_path / "example", ("content/agency.yaml", "digits: thai", "digits: arabic"), source=EXAMPLE)
    site = render_site(load_project(copy / "content", copy), thai.fiscal_year_bounds(2567)[1])
    assert not any(re.search("[๐-๙]", page.title + page.markdown) for page in site.pages)
