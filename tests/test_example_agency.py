"""The example agency (fictional data, build date fixed at 10 September 2024) built strictly, checked in HTML:
three years of scores, overdue and due-soon measures, the follow-up report, and the OIT index with its gaps."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from html_text import parse, squashed
from support.harness import REPO, run_ita_site, run_mkdocs_build

EXAMPLE = REPO / "examples" / "tambon-example"


def page_text(path: Path) -> str:
    """The visible text of a page's article (no navigation), squashed."""
    page = path.read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    return squashed(html.unescape(re.sub(r"<[^>]+>", " ", article)))


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    site = tmp_path_factory.mktemp("example") / "site"
    return site, run_mkdocs_build(EXAMPLE, site)


@pytest.fixture(scope="module")
def site(example_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    path, result = example_build
    assert result.returncode == 0, result.stdout + result.stderr
    return path


@pytest.mark.slow
def test_builds_strictly_without_mkdocs_warnings(example_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = example_build
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.slow
def test_site_says_its_data_is_fictional(site: Path) -> None:
    home = page_text(site / "index.html")
    assert "องค์การบริหารส่วนตำบลตัวอย่าง" in home
    assert "เป็นข้อมูลสมมติ" in home
    assert "ข้อมูลสมมติ" in page_text(site / "2564" / "index.html")


def test_home_shows_latest_year_and_change_from_previous(site: Path) -> None:
    home = page_text(site / "index.html")
    assert "ผลการประเมินคุณธรรมและความโปร่งใส(ITA)ปีงบประมาณพ.ศ.2566" in home
    assert "คะแนนภาพรวมปีงบประมาณพ.ศ.256588.40คะแนน→ปีงบประมาณพ.ศ.256693.12คะแนน:ดีขึ้น(+4.72)" in home
    assert "8การปรับปรุงการทำงาน88.3086.90ลดลง(-1.40)" in home


def test_indicator_trend_over_three_years(site: Path) -> None:
    page = site / "2566" / "indicators" / "6.html"
    text = page_text(page)
    assert "คะแนนย้อนหลัง" in text
    table = text[text.index("ปีงบประมาณคะแนน"):]
    assert table.startswith("ปีงบประมาณคะแนนปีงบประมาณพ.ศ.256472.50ปีงบประมาณพ.ศ.256585.60ปีงบประมาณพ.ศ.256690.20")
    html = page.read_text(encoding="utf-8")
    chart = html[html.index('id="trend-6"'):]
    chart = chart[:chart.index("</svg>")]
    assert chart.count("<circle") >= 3  # one point per year
    links = {href for _, href in parse(page).links}
    assert {"../../2564/indicators/6.html", "../../2565/indicators/6.html"} <= links


@pytest.mark.parametrize(("year", "wid", "expected"), [
    ("2564", "eit-6", "ผลปีถัดไป:ตัวชี้วัดที่6ปีงบประมาณ2565ได้85.60คะแนนดีขึ้น(+13.10)"),
    ("2565", "eit-7", "ผลปีถัดไป:ตัวชี้วัดที่7ปีงบประมาณ2566ได้80.15คะแนนเท่าเดิม(0.00)"),
    ("2565", "eit-8", "ผลปีถัดไป:ตัวชี้วัดที่8ปีงบประมาณ2566ได้86.90คะแนนลดลง(-1.40)"),
])
def test_weakness_links_to_its_measures_and_next_years_score(site: Path, year: str, wid: str, expected: str) -> None:
    page = site / year / "weaknesses" / f"{wid}.html"
    assert expected in page_text(page)
    next_year = str(int(year) + 1)
    assert any(href.startswith(f"../../{next_year}/measures/") for _, href in parse(page).links)


def test_plan_flags_overdue_and_due_soon_for_the_fixed_date(site: Path) -> None:
    plan = page_text(site / "2567" / "measures" / "index.html")
    assert "สรุปความคืบหน้าข้อมูลณวันที่1สิงหาคม2567" in plan and "ปรับปรุงหน้านี้10กันยายน2567" in plan
    rows = {m.group(1): m.group(2) for m in re.finditer(r"(1\.\d)(.*?)(?=1\.\d|สรุปความคืบหน้า)", plan)}
    assert "เลยกำหนด" in rows["1.2"] and "ใกล้ครบกำหนด" not in rows["1.2"]
    assert "ใกล้ครบกำหนดอีก20วัน" in rows["1.3"] and "ใกล้ครบกำหนดอีก20วัน" in rows["1.4"]
    assert "เลยกำหนด" not in rows["1.1"] and "ดำเนินการแล้วเสร็จ" in rows["1.1"]
    assert "เลยกำหนด1" in plan and "ใกล้ครบกำหนด(ภายใน30วัน)3" in plan
    measure = page_text(site / "2567" / "measures" / "e-service.html")
    assert "เลยกำหนด" in measure and "ร้อยละ60" in measure
    assert "31มกราคม2567กำลังดำเนินการ30" in measure and "31พฤษภาคม2567กำลังดำเนินการ60" in measure


def test_follow_up_report_reads_like_the_official_document(site: Path) -> None:
    page = site / "2567" / "measures" / "report.html"
    text = page_text(page)
    assert text.count(
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณพ.ศ.2567") >= 1
    for heading in ("1.ความเป็นมา", "2.สรุปผลการดำเนินการ", "3.ผลการดำเนินการรายมาตรการ", "4.ปัญหาและอุปสรรค"):
        assert heading in text
    assert "ข้อมูลณวันที่1สิงหาคม2567·ปรับปรุงหน้านี้10กันยายน2567" in text  # the latest report, then the build
    assert "ดำเนินการแล้วเสร็จ1" in text and "รวม5" in text
    problems = text[text.index("4.ปัญหาและอุปสรรค"):]
    assert "1.2เปิดบริการยื่นคำร้องออนไลน์:กำลังดำเนินการเลยกำหนดสิ้นสุด30มิถุนายน2567" in problems
    assert "1.4อบรมการสื่อสารกับผู้รับบริการ:ล่าช้า" in problems
    assert "files/2567/feedback-summary-q2.pdf" in {href.split("../")[-1] for _, href in parse(page).links}
    earlier = page_text(site / "2566" / "measures" / "report.html")
    assert "5.ผลการประเมินปีถัดไปผลการประเมินITAปีงบประมาณพ.ศ.2566:93.12คะแนน" in earlier


def test_oit_index_lists_every_item_and_what_is_missing(site: Path) -> None:
    index = site / "2566" / "oit" / "index.html"
    text = page_text(index)
    assert "มีข้อมูลแล้ว36ข้อจากทั้งหมด43ข้อ·ยังไม่มีข้อมูล7ข้อ" in text
    missing = text[text.index("ข้อที่ยังไม่มีข้อมูล"):]
    for code in ("O10", "O16", "O17", "O26", "O29", "O33", "O41"):
        assert code in missing
    assert "O42" not in missing and "O43" not in missing  # O43: the site's own report on the 2566 measures
    links = {href for _, href in parse(index).links}
    assert {f"o{n}.html" for n in range(1, 44)} <= links
    o43 = site / "2566" / "oit" / "o43.html"
    assert "../measures/report.html" in {href for _, href in parse(o43).links}
    assert "ยังไม่มีข้อมูล" in page_text(site / "2566" / "oit" / "o41.html")


def test_attached_files_are_published_at_their_content_path_with_type_and_size(site: Path) -> None:
    source = EXAMPLE / "content" / "files" / "2566" / "o1-structure.pdf"
    published = site / "files" / "2566" / "o1-structure.pdf"
    assert published.read_bytes() == source.read_bytes()
    item = site / "2566" / "oit" / "o1.html"
    assert "../../files/2566/o1-structure.pdf" in {href for _, href in parse(item).links}
    assert f"(PDF{source.stat().st_size}ไบต์)" in page_text(item)


def test_example_cites_no_code_with_another_years_numbering() -> None:
    result = run_ita_site("check", EXAMPLE, "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ITA408" not in result.stdout and "numbering" not in result.stdout
    assert " error:" not in result.stdout


def test_o13_cited_under_2566_with_2564_numbering_is_reported(tmp_path: Path) -> None:
    project = tmp_path / "agency"
    shutil.copytree(EXAMPLE / "content", project / "content")
    assessment = project / "content" / "assessments" / "2566.yaml"
    text = assessment.read_text(encoding="utf-8")
    assessment.write_text(text.replace("weaknesses:\n", (
        "recommendations:\n"
        "  - id: e1\n    tool: EIT\n    indicator: 6\n"
        "    text: หน่วยงานควรเผยแพร่คู่มือหรือมาตรฐานการปฏิบัติงาน (อ้างอิงจาก O13) ให้ผู้รับบริการทราบ\n"
        "    oit_refs:\n      - code: O13\n"
        "weaknesses:\n"), 1), encoding="utf-8")
    line = next(n for n, row in enumerate(assessment.read_text(encoding="utf-8").splitlines(), 1) if "(อ้างอิงจาก O13)" in row)
    result = run_ita_site("check", project, "--lang", "en")
    reported = [row for row in result.stdout.splitlines() if "O13" in row and "2564" in row]
    assert reported, result.stdout
    assert reported[0].startswith(f"content/assessments/2566.yaml:{line}:")
    assert "O14" in reported[0]  # what the item is called in 2566's numbering


def test_letter_years_keep_their_letter_and_band_and_later_years_show_the_rule(site: Path) -> None:
    assert "ระดับผลการประเมิน:ผ่าน(B:75.00–84.99คะแนน)" in page_text(site / "2564" / "index.html")
    assert "ระดับผลการประเมิน:ผ่านดี(A:85.00–94.99คะแนน)" in page_text(site / "2565" / "index.html")
    latest = page_text(site / "2566" / "index.html")
    assert "ระดับผลการประเมิน:ผ่านดีเกณฑ์ระดับผ่านดี:คะแนนรวมและคะแนนทุกเครื่องมือตั้งแต่85ขึ้นไป" in latest
    assert not re.search(r"(?<![A-Za-z])(?:AA|[A-F])(?:ผ่าน|ไม่ผ่าน)", latest)
    assert "ช่วงคะแนน85.00–94.99" in latest  # chart bands from 2566: the 85 and 95 lines, no letters


def test_oit_pages_leave_verification_to_staff(site: Path) -> None:
    for page in (site / "2566" / "oit").glob("*.html"):
        assert "ยืนยัน" not in page_text(page), page
