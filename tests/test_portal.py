"""``ita-site portal``: one site over many agencies, its figures checked against the agencies it was built from."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from html_text import page_text
from ita_site.content.framework import framework_for
from ita_site.content.project import load_project
from ita_site.content.thai import to_arabic_digits
from ita_site.outputs.datapackage import MEASURES, SCORES, table_schema
from ita_site.outputs.export import export
from ita_site.portal.collect import collect
from ita_site.portal.figures import passed_level
from ita_site.portal.sources import read_manifest
from support.harness import REPO, run_ita_site
from support.synthetic import (
    PORTAL_OIT_YEAR,
    PORTAL_PROVINCES,
    PORTAL_RESULTS,
    PortalAgency,
    portal_specs,
    write_portal_agency,
)

TODAY = dt.date(2025, 11, 15)  # fiscal year 2569: the plans of 2568 have ended
PASSING = {"ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"}
#: What a status of an ended plan becomes on TODAY (facts: an unfinished measure past its period is overdue).
ENDED_STATE = {"done": "done", "cancelled": "cancelled", "in_progress": "overdue", "delayed": "overdue",
               None: "ended_unreported"}
OIT_CODES = list(framework_for(PORTAL_OIT_YEAR).oit_items)
SPECS = portal_specs(30)


def _id(spec: PortalAgency) -> str:
    return f"lohjood-{spec.index}"


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def agencies(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("agencies")
    seed = load_project(REPO / "content", REPO)
    return [write_portal_agency(root / f"a{spec.index:02d}", REPO, spec, seed) for spec in SPECS]


@pytest.fixture(scope="module")
def bad_sources(tmp_path_factory: pytest.TempPathFactory, agencies: list[Path]) -> list[Path]:
    """A source whose plan is broken YAML, and one that does not exist."""
    root = tmp_path_factory.mktemp("bad")
    broken = write_portal_agency(root / "broken", REPO, SPECS[0], load_project(REPO / "content", REPO))
    plan = next((broken / "content" / "plans").iterdir())
    plan.write_text("fiscal_year: 2568\nmeasures: [\n", encoding="utf-8")
    return [broken, root / "missing"]


def _build(folder: Path, sources: list[Path]):
    """``ita-site portal SOURCES -o site`` run in ``folder``, as a user names the output from where they are."""
    result = run_ita_site("portal", *sources, "-o", "site", "--today", TODAY.isoformat(), "-j", "2", cwd=folder)
    return result, folder / "site"


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory, agencies: list[Path], bad_sources: list[Path]):
    return _build(tmp_path_factory.mktemp("portal"), [*agencies, *bad_sources])


@pytest.fixture(scope="module")
def portal_from_exports(tmp_path_factory: pytest.TempPathFactory, agencies: list[Path], bad_sources: list[Path]):
    """The same portal from each agency's open data (what ``ita-site export`` writes), without their YAML."""
    root = tmp_path_factory.mktemp("exports")
    exports = []
    for folder in agencies:
        export(load_project(folder / "content", folder), root / folder.name, TODAY)
        exports.append(root / folder.name)
    return _build(root, [*exports, *bad_sources])


class _Rows(HTMLParser):
    """Rows of a page's tables that carry ``data-KEY``: the key and each cell's sort key (else its text)."""

    def __init__(self, key: str) -> None:
        super().__init__(convert_charrefs=True)
        self.key, self.rows, self._row, self._cell = f"data-{key}", {}, None, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and self.key in found:
            self._row = self.rows.setdefault(found[self.key], [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = found.get("data-sort")
            self._row.append(self._cell if self._cell is not None else "")
            self._cell = None if "data-sort" in found else ""

    def handle_data(self, data: str) -> None:
        if self._row is not None and self._cell is not None:
            self._row[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "tr":
            self._row = None


def rows(page: Path, key: str, within: str = "") -> dict[str, list[str]]:
    html = page.read_text(encoding="utf-8")
    if within:
        html = html[html.index(within):]
        html = html[:html.index("</table>")]
    parser = _Rows(key)
    parser.feed(html)
    return {k: [to_arabic_digits(c.strip()) for c in v] for k, v in parser.rows.items()}


def _squashed(text: str) -> str:
    """Text as page_text gives it: without white space."""
    return "".join(text.split())


def _linked_agencies(html: str) -> set[str]:
    return set(re.findall(r'href="agencies/([a-z0-9-]+)\.html"', html))


@pytest.mark.slow
def test_bad_sources_are_listed_and_the_others_still_build(portal, bad_sources: list[Path]) -> None:
    result, out = portal
    assert result.returncode == 1, result.stdout + result.stderr
    broken, missing = bad_sources
    assert re.search(rf"^{re.escape(str(broken))}/content/plans/2568\.yaml:\d+:\d+: error ITA0\d\d", result.stdout,
                     re.MULTILINE), result.stdout
    assert f'{missing}:1:1: error ITA700' in result.stdout
    status = page_text(out / "status.html")
    assert _squashed("อ่านข้อมูลได้ 30 แห่ง อ่านไม่ได้ 2 แห่ง") in to_arabic_digits(status)
    assert f"{broken}/content/plans/2568.yaml:" in status and "ITA700" in status
    assert len(list((out / "agencies").glob("*.html"))) == 30


@pytest.mark.slow
def test_overview_counts_and_distributions_follow_the_inputs(portal) -> None:
    _, out = portal
    years = rows(out / "index.html", "year")
    for year in (2566, 2567):
        stated = [spec.results[year] for spec in SPECS if year in spec.results]
        assessed, average, passed, below = years[str(year)][1:]
        assert (int(assessed), Decimal(average)) == (len(stated), _mean([t for t, _ in stated]))
        assert (int(passed), int(below)) == (sum(lv in PASSING for _, lv in stated),
                                              sum(lv not in PASSING for _, lv in stated))
        levels = rows(out / "index.html", "level", within=f'data-levels="{year}"')
        assert {label: int(cells[1]) for label, cells in levels.items()} == \
            {label: Counter(lv for _, lv in stated)[label] for _, label in PORTAL_RESULTS}
    provinces = rows(out / "index.html", "group")
    for province in PORTAL_PROVINCES:
        members = [spec for spec in SPECS if spec.province == province]
        assert provinces[province][1:] == [str(len(members)), "2567",
                                           str(_mean([s.results[2567][0] for s in members])),
                                           str(sum(s.results[2567][1] in PASSING for s in members)),
                                           str(sum(s.results[2567][1] not in PASSING for s in members))]


@pytest.mark.slow
def test_group_tables_give_each_agency_its_figures(portal) -> None:
    _, out = portal
    tables = {}
    for page in (out / "groups").glob("province-*.html"):
        tables.update(rows(page, "agency"))
    assert set(tables) == {_id(spec) for spec in SPECS}
    for spec in SPECS:
        _, place, year, total, level, change, measures, ended, oit = tables[_id(spec)]
        assert (place, year, Decimal(total), level) == (f"{spec.district} {spec.province}", "2567",
                                                        spec.results[2567][0], spec.results[2567][1])
        expected_change = spec.results[2567][0] - spec.results[2566][0] if 2566 in spec.results else None
        assert (Decimal(change) if change else None) == expected_change
        assert int(measures) == len(spec.statuses)  # the latest plan's
        assert int(ended) == spec.statuses.count(None)
        if spec.oit_year is None:
            assert oit == ""
        else:
            present = len(OIT_CODES) - len(spec.oit_missing)
            assert Decimal(oit) == (Decimal(100) * present / len(OIT_CODES)).quantize(Decimal("0.01"),
                                                                                      rounding=ROUND_HALF_UP)


@pytest.mark.slow
def test_attention_lists_name_exactly_the_agencies_concerned(portal) -> None:
    _, out = portal
    html = (out / "attention.html").read_text(encoding="utf-8")
    sections = dict(zip(["below-pass", "no-current-plan", "ended-unreported", "missing-oit"],
                        re.split(r'<h2 id="(?:below-pass|no-current-plan|ended-unreported|missing-oit)"', html)[1:]))
    expected = {
        "below-pass": {_id(s) for s in SPECS if s.results[2567][1] not in PASSING},
        "no-current-plan": {_id(s) for s in SPECS if not s.next_plan},
        "ended-unreported": {_id(s) for s in SPECS if None in s.statuses},
        "missing-oit": {_id(s) for s in SPECS if s.oit_year is None or s.oit_missing},
    }
    assert {name: _linked_agencies(text) for name, text in sections.items()} == expected
    assert all(expected.values())


@pytest.mark.slow
def test_every_agency_page_summarises_its_agency(portal) -> None:
    _, out = portal
    for spec in SPECS:
        page = out / "agencies" / f"{_id(spec)}.html"
        text = to_arabic_digits(page_text(page))
        assert spec.name in text and _squashed(f"อำเภอ{spec.district} จังหวัด{spec.province}") in text
        assert f'href="https://agency-{spec.index}.example/"' in page.read_text(encoding="utf-8")
        results = rows(page, "year")
        assert {int(y): (Decimal(c[1]), c[2]) for y, c in results.items()} == spec.results
        states = rows(page, "state")
        if spec.next_plan:
            assert {k: int(v[1]) for k, v in states.items()} == {"in_progress": len(spec.statuses)}
        else:
            assert {k: int(v[1]) for k, v in states.items()} == Counter(ENDED_STATE[s] for s in spec.statuses)
        assert _squashed(f"สิ้นสุดระยะเวลาแล้วแต่ไม่มีรายงานผล (ทุกแผน): {spec.statuses.count(None)}") in text
        if spec.oit_year is None:
            assert _squashed("ไม่มีข้อมูล OIT") in text
        elif spec.oit_missing:
            assert _squashed(f"ข้อที่ยังไม่เผยแพร่: {', '.join(spec.oit_missing)}") in text


def test_a_level_passes_as_the_scheme_ranks_it_never_as_its_score_would() -> None:
    assert passed_level(2567, "ผ่าน") == ("ผ่าน", True)
    assert passed_level(2567, "ต้องปรับปรุง") == ("ต้องปรับปรุง", False)
    assert passed_level(2565, "B") == ("ผ่าน", True)
    assert passed_level(2565, "ไม่ผ่าน") == ("ไม่ผ่าน", False)
    assert passed_level(2567, "ดีมาก") == ("ดีมาก", None)  # not a level of the year: neither passes nor fails
    assert passed_level(2540, "ผ่าน") == ("ผ่าน", None)


@pytest.mark.slow
def test_a_manifest_groups_agencies_and_its_mistakes_are_located(tmp_path: Path) -> None:
    seed = load_project(REPO / "content", REPO)
    for spec in SPECS[:2]:
        write_portal_agency(tmp_path / f"a{spec.index}", REPO, spec, seed)
    manifest = tmp_path / "portal.yaml"
    manifest.write_text("agencies:\n  - path: a1\n    ministry: กระทรวงมหาดไทย\n    name: อบต.ทดสอบ\n"
                        "  - path: a2\n  - path: gone\n  - path: a1\n", encoding="utf-8")
    collected = collect(read_manifest(manifest), TODAY, jobs=1)
    assert [(a.name, a.ministry) for a in collected.agencies] == [("อบต.ทดสอบ", "กระทรวงมหาดไทย"),
                                                                  (SPECS[1].name, None)]
    assert [(f.code, Path(f.file).name, f.line, f.column) for failed in collected.failed for f in failed.findings] \
        == [("ITA700", "portal.yaml", 6, 11), ("ITA701", "portal.yaml", 7, 11)]
    inside = run_ita_site("portal", tmp_path / "a1", "-o", tmp_path / "a1" / "site")
    assert inside.returncode == 1 and "ITA511" in inside.stdout and not (tmp_path / "a1" / "site").exists()
    manifest.write_text("agencies:\n  - path: a1\n    provnce: ชลบุรี\n", encoding="utf-8")
    result = run_ita_site("portal", "--manifest", manifest, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert re.search(r"portal\.yaml:3:5: error ITA1\d\d", result.stdout), result.stdout
    assert not (tmp_path / "out").exists()


def _articles(site: Path) -> dict[str, str]:
    """What each page says (its article), by page."""
    return {page.relative_to(site).as_posix(): re.search(r"<article.*</article>", page.read_text("utf-8"), re.S)[0]
            for page in site.rglob("*.html") if page.name != "404.html"}


@pytest.mark.slow
def test_a_portal_from_the_agencies_open_data_alone_shows_the_same_figures(portal, portal_from_exports) -> None:
    (first, site), (second, from_exports) = portal, portal_from_exports
    assert second.returncode == first.returncode == 1  # the same two bad sources
    exports = sorted(from_exports.parent.glob("a*"))
    assert len(exports) == 30 and not any((folder / "content").exists() for folder in exports)
    same = {name for name in _articles(site) if name != "status.html"}
    assert {name: _articles(site)[name] for name in same} == {name: _articles(from_exports)[name] for name in same}
    for table in ("scores.csv", "measures.csv"):
        assert (site / "data" / table).read_bytes() == (from_exports / "data" / table).read_bytes()


@pytest.mark.slow
def test_the_open_data_of_all_agencies_is_one_valid_package_with_the_agencies_own_columns(portal) -> None:
    frictionless = pytest.importorskip("frictionless")
    _, site = portal
    report = frictionless.validate(site / "data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((site / "data" / "datapackage.json").read_text("utf-8"))
    for table in (SCORES, MEASURES):
        [resource] = [r for r in package["resources"] if r["name"] == table.name]
        assert resource["schema"]["fields"] == table_schema(table)["fields"]
    with (site / "data" / "scores.csv").open(encoding="utf-8-sig", newline="") as handle:
        scores = list(csv.DictReader(handle))
    overall = {(row[SCORES.column("agency").name], int(row[SCORES.column("fiscal_year_be").name])):
               (Decimal(row[SCORES.column("score").name]), row[SCORES.column("level").name])
               for row in scores if row[SCORES.column("item").name] == "overall"}
    assert overall == {(spec.name, year): result for spec in SPECS for year, result in spec.results.items()}
    with (site / "data" / "measures.csv").open(encoding="utf-8-sig", newline="") as handle:
        states = Counter(row[MEASURES.column("state").name] for row in csv.DictReader(handle))
    expected = Counter(ENDED_STATE[status] for spec in SPECS for status in spec.statuses)
    expected["in_progress"] += sum(len(spec.statuses) for spec in SPECS if spec.next_plan)
    assert states == expected
