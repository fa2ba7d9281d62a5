"""One measure, one story: its page, the plan's table, the follow-up report, the CSV and the JSON agree.

The seed is built on 30 November 2026, long after its plan's period (fiscal year 2567) ended with no progress
report; the example on its own fixed date. Both are built and exported as staff do it, in a temporary folder.
"""

from __future__ import annotations

import csv
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from html_text import page_text, squashed
from support.harness import REPO, build_site, copy_project, replace_in, run_ita_site

EXAMPLE = REPO / "examples" / "tambon-example"
SEED_TODAY = "2026-11-30"
ENDED_UNREPORTED = "สิ้นสุดระยะเวลาแล้วไม่มีรายงานผล"


@dataclass(frozen=True)
class Built:
    """A built site and its open-data export."""

    site: Path
    csv_rows: list[dict[str, str]]
    json_rows: list[dict[str, object]]


def _build_and_export(project: Path, out: Path) -> Built:
    build = build_site(project, out)
    assert build.result.returncode == 0, build.output
    data = out / "open-data"
    exported = run_ita_site("export", data, "--project", project)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    rows = list(csv.DictReader((data / "measures.csv").read_text(encoding="utf-8-sig").splitlines()))
    return Built(build.site, rows, json.loads((data / "measures.json").read_text(encoding="utf-8")))


def _seed_on(today: str, dest: Path) -> Path:
    """A copy of the seed project whose build date is ``today`` (the ``today`` setting of the ita plugin)."""
    project = copy_project(REPO, dest)
    replace_in(project / "mkdocs.yml", "      content_dir: content\n", f'      content_dir: content\n      today: "{today}"\n')
    return project


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("seed")
    return _build_and_export(_seed_on(SEED_TODAY, out / "project"), out)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build_and_export(EXAMPLE, tmp_path_factory.mktemp("example"))


@pytest.fixture(params=["seed", "example"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def _cell_text(fragment: str) -> str:
    return squashed(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def _article(page: Path) -> str:
    source = page.read_text(encoding="utf-8")
    return source[source.index("<article"):source.index("</article>")]


def _tables(page: Path) -> list[list[tuple[str, list[str]]]]:
    """Each table of a page's article: per row, its raw HTML and the visible text of its cells."""
    article = _article(page)
    return [[(row, [_cell_text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)])
             for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
            for table in re.findall(r"<table[^>]*>(.*?)</table>", article, re.S)]


def _measure_row(page: Path, measure_id: str) -> dict[str, str]:
    """The row of the measure table that links to the measure's page, by column heading."""
    for table in _tables(page):
        headings = table[0][1]
        for row, cells in table[1:]:
            if f'href="{measure_id}.html"' in row:
                return dict(zip(headings, cells, strict=True))
    raise AssertionError(f"no row for {measure_id} in {page}")


def _details(page: Path) -> dict[str, str]:
    """The measure page's two-column table of details, by row name."""
    table = next(t for t in _tables(page) if t[0][1] == ["รายการ", "รายละเอียด"])
    return {cells[0]: cells[1] for _, cells in table[1:]}


def _counts(page: Path) -> dict[str, int]:
    """The summary table of measures by state: label -> number of measures."""
    table = next(t for t in _tables(page) if t[0][1] == ["ผลการดำเนินการ", "จำนวนมาตรการ"])
    return {cells[0]: int(cells[1]) for _, cells in table[1:]}


def _assert_shows(cell: str, row: dict[str, str], where: str) -> None:
    """A status cell shows the exported state first, and the percentage exactly when there is one."""
    assert cell.startswith(squashed(row["สถานะ"])), (where, cell, row["สถานะ"])
    if row["ร้อยละที่ดำเนินการแล้ว"]:
        assert f"ร้อยละ{row['ร้อยละที่ดำเนินการแล้ว']}" in cell, (where, cell)
    else:
        assert "ร้อยละ" not in cell, (where, cell)


@pytest.mark.slow
def test_every_measure_reads_the_same_on_every_page_and_in_the_export(built: Built) -> None:
    assert built.csv_rows and len(built.csv_rows) == len(built.json_rows)
    for row, record in zip(built.csv_rows, built.json_rows, strict=True):
        assert row["รหัสสถานะ"] and row["สถานะ"], row  # every measure has a state in the CSV
        assert (record["key"], record["state"], record["owner"]) == (row["รหัส"], row["รหัสสถานะ"], row["ผู้รับผิดชอบ"])
        assert record["percent"] == (int(row["ร้อยละที่ดำเนินการแล้ว"]) if row["ร้อยละที่ดำเนินการแล้ว"] else None)
        folder = built.site / row["ปีงบประมาณ (พ.ศ.)"] / "measures"
        owner = squashed(row["ผู้รับผิดชอบ"])
        details = _details(built.site / f"{row['รหัส']}.html")  # a measure's key is its page's address
        _assert_shows(details["สถานะ"], row, "measure page")
        assert details["ผู้รับผิดชอบ"] == owner
        for page in ("index.html", "report.html"):
            table_row = _measure_row(folder / page, row["รหัส"].rsplit("/", 1)[1])
            _assert_shows(table_row["สถานะ"], row, page)
            assert table_row["ผู้รับผิดชอบ"] == owner, page


@pytest.mark.slow
def test_every_measure_is_counted_once_in_each_summary(built: Built) -> None:
    for year in sorted({row["ปีงบประมาณ (พ.ศ.)"] for row in built.csv_rows}):
        rows = [row for row in built.csv_rows if row["ปีงบประมาณ (พ.ศ.)"] == year]
        expected: dict[str, int] = {}
        for row in rows:
            expected[squashed(row["สถานะ"])] = expected.get(squashed(row["สถานะ"]), 0) + 1
        for page in ("index.html", "report.html"):
            counts = _counts(built.site / year / "measures" / page)
            assert counts.pop("รวม") == len(rows), (year, page)
            assert sum(counts.values()) == len(rows), (year, page, counts)
            shown = {label: n for label, n in counts.items() if n}
            assert {next(k for k in expected if label.startswith(k)): n for label, n in shown.items()} == expected


def test_seed_measures_whose_period_ended_unreported_are_counted_as_such(seed: Built) -> None:
    assert {row["รหัสสถานะ"] for row in seed.csv_rows} == {"ended_unreported"}
    assert len(seed.csv_rows) == 4
    folder = seed.site / "2567" / "measures"
    for page in (folder / "index.html", folder / "report.html", seed.site / "index.html"):
        counts = _counts(page)
        assert counts.get(ENDED_UNREPORTED) == 4, (page, counts)
        assert not counts.get("เลยกำหนด"), (page, counts)
    report = _cell_text(_article(folder / "report.html"))
    problems = report[report.index("4.ปัญหาและอุปสรรค"):report.index("5.ผลการประเมินปีถัดไป")]
    assert "ไม่มีมาตรการที่เลยกำหนด" not in problems
    assert problems.count(ENDED_UNREPORTED) == 4


def test_report_data_date_is_the_latest_progress_report_not_the_build_date(seed: Built, example: Built) -> None:
    example_report = page_text(example.site / "2567" / "measures" / "report.html")
    assert "ข้อมูลณวันที่1สิงหาคม2567" in example_report  # the latest report of the example's 2567 measures
    assert "ข้อมูลณวันที่10กันยายน2567" not in example_report
    assert "ปรับปรุงหน้านี้10กันยายน2567" in example_report
    assert {row["ข้อมูล ณ วันที่ (ค.ศ.)"] for row in example.csv_rows if row["ปีงบประมาณ (พ.ศ.)"] == "2567"} == \
        {"2024-08-01"}
    seed_report = page_text(seed.site / "2567" / "measures" / "report.html")
    assert "ข้อมูลณวันที่30พฤศจิกายน2569" not in seed_report
    assert "ยังไม่มีรายงานความคืบหน้า" in seed_report and "ปรับปรุงหน้านี้30พฤศจิกายน2569" in seed_report
    assert {row["ข้อมูล ณ วันที่ (ค.ศ.)"] for row in seed.csv_rows} == {""}
