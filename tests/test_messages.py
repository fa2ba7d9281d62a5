"""What staff read must be something they can act on: Thai without Python reprs or the YAML parser's English,
the exact value to write, and ids and codes on the pages exactly as they typed them.

Each case runs ``ita-site check`` as staff do, on the small good project with one line changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.html_text import parse
from tests.support.harness import build_site, changed_copy, run_ita_site

AGENCY = "content/agency.yaml"
A = "content/assessments/2566.yaml"
P = "content/plans/2567.yaml"
MEASURE = "    addresses: [eit-7]\n"
_LATIN_WORDS = re.compile(r"[A-Za-z]{4,}")


def _findings(project: Path, lang: str = "th") -> list[dict[str, object]]:
    result = run_ita_site("check", project, "--format", "json", "--lang", lang)
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def _only(project: Path, code: str, lang: str = "th") -> dict[str, object]:
    [finding] = [f for f in _findings(project, lang) if f["code"] == code]
    return finding


def test_an_unquoted_measure_number_says_to_quote_it(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (P, 'number: "1.2"', "number: 1.20"))
    finding = _only(project, "ITA103")
    assert (finding["file"], finding["line"]) == (P, 27)
    assert "Decimal" not in str(finding["message"]) and "พบ 1.20" in str(finding["message"])
    assert '"1.20"' in str(finding["hint"]) and "เครื่องหมายคำพูด" in str(finding["hint"])


@pytest.mark.slow
@pytest.mark.parametrize(("file", "old", "new", "where", "thai"), [
    (P, "title: พัฒนาช่องทางการรับฟังความคิดเห็น", "title: พัฒนาช่องทาง: การรับฟังความคิดเห็น", (28, 24),
     "เครื่องหมาย :"),
    (P, "    title: พัฒนาช่องทาง", "   title: พัฒนาช่องทาง", (28, 4), "ย่อหน้า"),
    (P, "    status: in_progress\n", "    status: 'in_progress\n", (25, 13), "เครื่องหมายคำพูด"),
    (A, "  - {number: 1, score: 100.00}", "  - {number: 1, score: 100.00", (7, 5), "วงเล็บ {"),
])
def test_yaml_mistakes_are_told_in_thai_where_they_are(tmp_path: Path, file: str, old: str, new: str,
                                                       where: tuple[int, int], thai: str) -> None:
    project = changed_copy(tmp_path / "p", (file, old, new))
    finding = _only(project, "ITA006")
    assert (finding["line"], finding["column"]) == where
    assert thai in str(finding["message"]) and not _LATIN_WORDS.search(str(finding["message"]).replace("YAML", ""))
    assert _LATIN_WORDS.search(str(_only(project, "ITA006", "en")["message"]))


@pytest.mark.slow
def test_a_buddhist_era_date_says_so_and_gives_the_date_to_write(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (P, "  end: 2024-09-30", "  end: 2567-09-30"))
    findings = [f for f in _findings(project) if f["level"] != "info"]
    assert [(f["file"], f["line"], f["code"]) for f in findings] == [(P, 10, "ITA441")]
    assert "พ.ศ." in str(findings[0]["message"]) and "2024-09-30" in str(findings[0]["hint"])
    assert "3110" not in run_ita_site("check", project).stdout


def test_a_buddhist_era_date_that_is_no_date_in_the_christian_era_gives_the_date_to_write(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (P, "  end: 2024-09-30", "  end: 2567-02-29"))
    finding = _only(project, "ITA103")
    assert "2024-02-29" in str(finding["hint"]) and "พ.ศ." in str(finding["hint"])


@pytest.mark.slow
@pytest.mark.parametrize(("file", "old", "new", "line"), [
    (AGENCY, "website: https://www.lohjood.go.th", "website: http://www.lohjood.go.th", 10),
    (P, MEASURE, MEASURE + "    progress:\n      - date: 2024-01-15\n        status: in_progress\n"
                           "        text: เริ่มดำเนินการ\n        evidence:\n"
                           "          - url: http://www.lohjood.go.th/news/1\n", 37),
])
def test_plain_http_links_get_a_warning_with_the_https_form(tmp_path: Path, file: str, old: str, new: str,
                                                           line: int) -> None:
    project = changed_copy(tmp_path / "p", (file, old, new))
    finding = _only(project, "ITA442")
    assert (finding["file"], finding["line"], finding["level"]) == (file, line, "warning")
    assert "https://www.lohjood.go.th" in str(finding["hint"])


@pytest.mark.slow
def test_a_code_unknown_to_the_year_in_prose_says_so_with_the_years_range(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (A, "สื่อสารสองทาง (อ้างอิงจาก O8)", "สื่อสารสองทาง (อ้างอิงจาก O99)"))
    finding = _only(project, "ITA202")
    assert (finding["line"], finding["column"]) == (66, 33)
    assert "O99" in str(finding["message"]) and "O1 ถึง O43" in str(finding["hint"])
    assert not [f for f in _findings(project) if f["code"] == "ITA407"]


def test_a_code_cited_in_a_year_without_an_oit_list_gets_a_note(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (A, "fiscal_year: 2566", "fiscal_year: 2565"),
                           (P, "based_on: 2566", "based_on: 2565"))
    (project / A).rename(project / "content/assessments/2565.yaml")
    findings = [f for f in _findings(project) if f["code"] == "ITA443"]
    assert [(f["line"], f["level"]) for f in findings] == [(68, "info")]
    assert "O8" in str(findings[0]["message"]) and "2565" in str(findings[0]["message"])


@pytest.mark.slow
def test_ids_and_codes_keep_their_digits_on_pages_in_thai_digits(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (A, "    title: คุณภาพการดำเนินงาน", "    title: eit-6-1 คุณภาพการดำเนินงาน 2566"))
    build = build_site(project, tmp_path)
    assert build.result.returncode == 0, build.output
    page = " ".join(" ".join(parse(build.site / "2566/weaknesses/eit-6.html").text).split())
    assert "eit-6-1 คุณภาพการดำเนินงาน ๒๕๖๖" in page
    assert "(อ้างอิงจาก O13)" in page and "๙๗.๐๙" in page
