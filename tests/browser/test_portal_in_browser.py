"""A portal in Chromium: no accessibility violation, Thai search finds an agency by name, tables sort, offline.

One portal of six generated agencies serves every test of the module, over http:// and from file://.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from ita_site.content.project import load_project
from site_fixtures import ARTIFACTS_DIR, MODES, base_url, open_page, search_results
from support.harness import REPO, run_ita_site
from support.synthetic import portal_specs, write_portal_agency

pytestmark = pytest.mark.browser

SPECS = portal_specs(6)


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portal")
    seed = load_project(REPO / "content", REPO)
    sources = [write_portal_agency(root / f"a{spec.index}", REPO, spec, seed) for spec in SPECS]
    result = run_ita_site("portal", *sources, "-o", root / "site", "--today", "2025-11-15")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _pages(site: Path) -> dict[str, str]:
    """One page of each kind: the overview, a province's table, an agency, the attention lists."""
    province = next((site / "groups").glob("province-*.html"))
    return {"overview": "index.html", "group": province.relative_to(site).as_posix(),
            "agency": "agencies/lohjood-1.html", "attention": "attention.html"}


@pytest.mark.parametrize("kind", ["overview", "group", "agency", "attention"])
def test_portal_page_has_no_axe_violations(kind: str, portal_site: Path, serve, page) -> None:
    open_page(page, base_url("http", portal_site, serve) + _pages(portal_site)[kind])
    violations = Axe().run(page).response["violations"]
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"axe-portal-{kind}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1),
                                                           "utf-8")
    assert page.evaluate("document.documentElement.lang") == "th"
    assert not violations, [f"{v['id']}: {v['nodes'][0]['target']} {v['help']}" for v in violations]


@pytest.mark.parametrize("mode", MODES)
def test_search_finds_an_agency_by_its_thai_name_and_nothing_leaves_the_machine(
        mode: str, portal_site: Path, serve, page, page_requests, type_query, clear_query) -> None:
    base = base_url(mode, portal_site, serve)
    open_page(page, base + "index.html")
    for spec in SPECS[:3]:
        place = spec.name.removeprefix("องค์การบริหารส่วนตำบล")
        found = search_results(page, base, place, type_query, clear_query)
        assert f"agencies/lohjood-{spec.index}.html" in found[:3], (place, found)
    assert page_requests.external() == []


@pytest.mark.parametrize("mode", MODES)
def test_a_reader_sorts_a_group_table_by_total(mode: str, portal_site: Path, serve, page, page_requests) -> None:
    page.goto(base_url(mode, portal_site, serve) + _pages(portal_site)["group"], wait_until="load")
    table = page.locator("table[data-ita-sort]").first
    heading = table.locator("th", has_text="คะแนนรวม")
    totals = "t => Array.from(t.tBodies[0].rows, r => parseFloat(r.cells[3].dataset.sort))"
    heading.get_by_role("button").press("Enter")  # a keyboard reaches it as a pointer does
    assert heading.get_attribute("aria-sort") == "ascending"
    ascending = table.evaluate(totals)
    assert ascending == sorted(ascending) and len(ascending) > 1
    heading.get_by_role("button").click()
    assert table.evaluate(totals) == sorted(ascending, reverse=True)
    assert page_requests.external() == []
