"""The site's own plan and follow-up report pages are the evidence for the OIT items that ask for them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ita_site.checks import run_checks
from ita_site.cli.scaffold import scaffold_files
from ita_site.content.oit import itas_rows, oit_year
from ita_site.content.project import load_project
from ita_site.site.render import render_site
from support.harness import REPO

EXAMPLE = REPO / "examples" / "tambon-example"
SITE = "https://agency.example"


def _scaffold(target: Path, *years: int) -> Path:
    """A project with the scaffold of each ITA year: assessments ``years``, plans ``year + 1``."""
    for year in years:
        for name, data in scaffold_files(year):
            path = target / name
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    return target


def _oit(root: Path, year: int, text: str) -> None:
    (root / "content" / "oit" / f"{year}.yaml").write_text(f"fiscal_year: {year}\nitems:\n{text}", encoding="utf-8")


def test_2569_sheet_gives_the_plan_of_2569_for_o25_and_the_report_of_2568_for_o26(tmp_path: Path) -> None:
    root = _scaffold(tmp_path, 2567, 2568)  # plans 2568 and 2569
    _oit(root, 2569, "  - code: O1\n    documents:\n      - {url: 'https://agency.example/o1'}\n")
    project = load_project(root / "content", root)
    rows = {row.code: row for row in itas_rows(project, 2569, SITE)}
    assert len(rows) == 26
    assert rows["O25"].url == f"{SITE}/2569/measures/index.html"
    assert rows["O26"].url == f"{SITE}/2568/measures/report.html"
    assert (rows["O25"].missing, rows["O25"].documents) == (False, 1)
    assert (rows["O26"].missing, rows["O26"].documents) == (False, 1)
    assert rows["O24"].missing and rows["O24"].url == f"{SITE}/2569/oit/o24.html"
    findings = run_checks(project, dt.date(2026, 11, 30))
    missing = next(f for f in findings if f.code == "ITA604" and f.args["year"] == 2569)
    assert "O25" not in missing.args["codes"] and "O26" not in missing.args["codes"]
    assert "O24" in missing.args["codes"]


def test_without_the_plan_the_item_stays_missing(tmp_path: Path) -> None:
    root = _scaffold(tmp_path, 2568)  # plan 2569 only: no report of 2568 measures
    _oit(root, 2569, "  []\n")
    rows = {row.code: row for row in itas_rows(load_project(root / "content", root), 2569, SITE)}
    assert not rows["O25"].missing
    assert rows["O26"].missing and rows["O26"].url == f"{SITE}/2569/oit/o26.html"


def test_the_agencys_own_documents_still_count(tmp_path: Path) -> None:
    root = _scaffold(tmp_path, 2568)
    _oit(root, 2569, "  - code: O25\n    documents:\n      - {title: คำสั่งแต่งตั้งคณะทำงาน, url: 'https://agency.example/o25'}\n")
    project = load_project(root / "content", root)
    o25 = next(row for row in itas_rows(project, 2569, SITE) if row.code == "O25")
    assert (o25.documents, o25.url) == (2, f"{SITE}/2569/oit/o25.html")
    pages = {p.path: p.markdown for p in render_site(project, dt.date(2026, 11, 30)).pages}
    item = pages["2569/oit/o25.md"]
    assert "](../measures/index.md)" in item and "(หน้าของเว็บไซต์นี้)" in item
    assert "คำสั่งแต่งตั้งคณะทำงาน" in item
    index_row = next(line for line in pages["2569/oit/index.md"].splitlines() if "o25.md" in line)
    assert "| ๒ |" in index_row and "มีข้อมูล" in index_row  # the scaffold agency writes Thai digits


def test_2566_o42_and_o43_are_the_plan_and_report_of_the_same_year() -> None:
    project = load_project(EXAMPLE / "content", EXAMPLE)
    rows = {row.code: row for row in itas_rows(project, 2566, SITE)}
    assert rows["O42"].documents == 2  # the agency's own document plus the site's plan page
    assert rows["O42"].url == f"{SITE}/2566/oit/o42.html"
    assert rows["O43"].url == f"{SITE}/2566/measures/report.html" and not rows["O43"].missing
    assert [r.code for r in oit_year(2566, project.oit[2566]).missing] == [
        "O10", "O16", "O17", "O26", "O29", "O33", "O41", "O43"], "without the project's plans nothing is filled"
