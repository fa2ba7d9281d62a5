"""OIT evidence files: codes resolved per fiscal year, attached files kept inside content/files/, the checks
on evidence, and the item -> URL sheet for ITAS."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from ita_site.checks import run_checks
from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Level
from ita_site.content.oit import itas_rows, oit_year, site_address, write_itas_csv
from ita_site.content.project import load_project
from ita_site.site.render import render_site
from support.harness import REPO, run_ita_site

EXAMPLE = REPO / "examples" / "tambon-example"
AGENCY = "id: a\nname: องค์การบริหารส่วนตำบลทดสอบ\ntype: องค์การบริหารส่วนตำบล\ndistrict: ก\nprovince: ข\n"


def _project(tmp_path: Path, oit: dict[int, str], files: dict[str, bytes] | None = None) -> Path:
    content = tmp_path / "content"
    (content / "oit").mkdir(parents=True)
    (content / "agency.yaml").write_text(AGENCY, encoding="utf-8")
    for year, text in oit.items():
        (content / "oit" / f"{year}.yaml").write_text(text, encoding="utf-8")
    for name, data in (files or {}).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(data)
    return content


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_attached_files_must_exist_inside_content_files(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    text = (
        "fiscal_year: 2566\nitems:\n"
        "  - code: O1\n    documents:\n"
        "      - {file: ../secret.txt}\n"
        "      - {file: /etc/hostname}\n"
        "      - {file: files/2566/o1-structur.pdf}\n"
        "      - {file: other/o1.pdf}\n"
        "      - {file: files/link.pdf}\n"
        "      - {file: files/2566/o1-structure.pdf}\n"
    )
    content = _project(tmp_path, {2566: text}, {"files/2566/o1-structure.pdf": b"%PDF-1.4\n", "other/o1.pdf": b"x"})
    (content / "files" / "link.pdf").symlink_to(outside)
    with pytest.raises(ContentError) as caught:
        load_project(content, tmp_path)
    found = [(f.code, f.line) for f in caught.value.findings]
    assert found == [("ITA610", 5), ("ITA610", 6), ("ITA611", 7), ("ITA612", 8), ("ITA020", 9)]
    missing = caught.value.findings[2]
    assert missing.file == "content/oit/2566.yaml"
    assert "o1-structure.pdf" in missing.hint("th")  # the near-miss is suggested
    assert "files/2566/o1-structur.pdf" in missing.format("en")


def test_evidence_needs_exactly_one_of_file_or_url(tmp_path: Path) -> None:
    text = "fiscal_year: 2566\nitems:\n  - code: O1\n    documents:\n      - {title: ไม่มีที่อยู่}\n"
    with pytest.raises(ContentError) as caught:
        load_project(_project(tmp_path, {2566: text}), tmp_path)
    assert [(f.code, f.line) for f in caught.value.findings] == [("ITA106", 5)]


def test_checks_on_evidence(tmp_path: Path) -> None:
    text = (
        "fiscal_year: 2566\nitems:\n"
        "  - code: O1\n    published: 2022-09-30\n    documents:\n      - {url: 'https://a.example/o1'}\n"
        "  - code: O2\n    documents:\n      - {url: 'https://a.example/o2', published: 2023-10-01}\n"
        "      - {url: 'https://a.example/o2b', published: 2023-09-30}\n"
        "  - code: O1\n    documents:\n      - {url: 'https://a.example/o1b'}\n"
        "  - code: O44\n    documents:\n      - {url: 'https://a.example/o44'}\n"
        "  - code: O4\n    documents:\n      - {url: 'https://a.example/o4'}\n"
    )
    content = _project(tmp_path, {2566: text, 2565: "fiscal_year: 2565\nitems:\n  - code: O1\n"})
    findings = [f for f in run_checks(load_project(content, tmp_path), reference_date())
                if f.file.startswith("content/oit/")]
    got = {(f.file[-9:], f.code, f.line, f.level) for f in findings}
    assert ("2566.yaml", "ITA603", 4, Level.WARNING) in got  # the day before FY2566 began
    assert ("2566.yaml", "ITA603", 9, Level.WARNING) in got  # the day after it ended
    assert not any(code == "ITA603" and line == 10 for _, code, line, _ in got)  # 30 Sep 2023 is inside
    assert ("2566.yaml", "ITA204", 11, Level.ERROR) in got  # O1 listed twice
    assert ("2566.yaml", "ITA202", 14, Level.ERROR) in got  # no O44 in 2566
    assert ("2566.yaml", "ITA605", 17, Level.INFO) in got  # O4 of 2566 is not verified
    assert ("2565.yaml", "ITA606", 1, Level.WARNING) in got  # no catalogue for 2565
    missing = next(f for f in findings if f.code == "ITA604")
    assert missing.level is Level.WARNING and missing.args["count"] == 43 - 3
    assert missing.args["codes"].startswith("O3, O5, O6,") and "O43" in missing.args["codes"]


def test_codes_are_resolved_in_their_own_year(tmp_path: Path) -> None:
    entry = "items:\n  - code: O13\n    documents:\n      - {url: 'https://a.example/o13'}\n"
    content = _project(tmp_path, {2564: "fiscal_year: 2564\n" + entry, 2566: "fiscal_year: 2566\n" + entry})
    project = load_project(content, tmp_path)
    titles = {year: next(r.title for r in oit_year(year, project.oit[year]).rows if r.code == "O13")
              for year in (2564, 2566)}
    assert titles == {2564: "คู่มือหรือมาตรฐานการปฏิบัติงาน", 2566: "รายงานผลการดำเนินงานประจำปี"}
    pages = {p.path: p.markdown for p in render_site(project, dt.date(2024, 1, 1)).pages}
    assert "# O13 คู่มือหรือมาตรฐานการปฏิบัติงาน" in pages["2564/oit/o13.md"]
    assert "# O13 รายงานผลการดำเนินงานประจำปี" in pages["2566/oit/o13.md"]
    assert len([p for p in pages if p.startswith("2564/oit/o")]) == 43


def test_site_address_follows_the_offline_plugin() -> None:
    assert site_address({"site_url": "https://x.example/"}) == ("https://x.example/", True)
    assert site_address({"site_url": "https://x.example/", "plugins": ["search", "offline"]})[1] is False
    assert site_address({"plugins": [{"offline": {"enabled": False}}]}) == (None, True)
    assert site_address({"use_directory_urls": False}) == (None, False)


def test_itas_rows_give_one_permanent_url_per_catalogue_item() -> None:
    project = load_project(EXAMPLE / "content", EXAMPLE)
    rows = itas_rows(project, 2566, "https://tambon.example", use_directory_urls=True)
    assert len(rows) == 43 and rows[12].code == "O13"
    assert rows[12].url == "https://tambon.example/2566/oit/o13/"
    # O43, the report on the 2566 measures, is the site's own report page (the project has the 2566 plan)
    assert [r.code for r in rows if r.missing] == ["O10", "O16", "O17", "O26", "O29", "O33", "O41"]
    buffer = io.StringIO()
    write_itas_csv(buffer, rows[:2])
    assert list(csv.reader(io.StringIO(buffer.getvalue())))[1] == [
        "O1", "โครงสร้าง", "โครงสร้าง", "https://tambon.example/2566/oit/o1/", "1", "published"]


@pytest.mark.slow
def test_export_itas_writes_the_sheet_with_published_addresses(tmp_path: Path) -> None:
    done = run_ita_site("export", tmp_path, "--itas", "2566", "-p", EXAMPLE, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sheet = tmp_path / "itas-2566.csv"
    assert done.stdout.strip() == str(sheet)
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Thai
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 43
    o13 = next(r for r in rows if r["code"] == "O13")
    assert o13["url"] == "https://tambon.example/2566/oit/o13.html"  # the example uses the offline plugin
    assert next(r for r in rows if r["code"] == "O41")["status"] == "missing"
    o43 = next(r for r in rows if r["code"] == "O43")
    assert (o43["url"], o43["status"]) == ("https://tambon.example/2566/measures/report.html", "published")
    missing_year = run_ita_site("export", tmp_path, "--itas", "2565", "-p", EXAMPLE, "--lang", "en", cwd=tmp_path)
    assert missing_year.returncode == 1
    assert "no OIT evidence file for fiscal year 2565" in missing_year.stdout + missing_year.stderr


def test_example_evidence_dates_lie_in_their_fiscal_year() -> None:
    findings = run_checks(load_project(EXAMPLE / "content", EXAMPLE), reference_date())
    assert not [f for f in findings if f.code in ("ITA603", "ITA202", "ITA204", "ITA606")]
    sheet = EXAMPLE / "content" / "oit" / "2567.yaml"
    missing = [f for f in findings if f.code == "ITA604"]
    assert [(f.file, f.line, f.args["codes"]) for f in missing] == [
        ("content/oit/2566.yaml", _line_of(EXAMPLE / "content" / "oit" / "2566.yaml", "items:"),
         "O10, O16, O17, O26, O29, O33, O41"),
        ("content/oit/2567.yaml", _line_of(sheet, "items:"), "O12"),
    ]


def test_evidence_filed_under_another_years_code_is_reported(tmp_path: Path) -> None:
    text = ("fiscal_year: 2566\nitems:\n"
            "  - code: O13\n    title: คู่มือหรือมาตรฐานการปฏิบัติงาน\n    documents:\n      - {url: 'https://a.example/m'}\n"
            "  - code: O14\n    title: คู่มือหรือมาตรฐานการปฏิบัติงาน\n    documents:\n      - {url: 'https://a.example/n'}\n")
    findings = run_checks(load_project(_project(tmp_path, {2566: text}), tmp_path), reference_date())
    wrong = [f for f in findings if f.code == "ITA609"]
    assert [(f.line, f.args["right"], f.args["other"]) for f in wrong] == [(3, "O14", "2564")]
    assert wrong[0].format("en").endswith("use the 2566 numbering: code: O14)")
