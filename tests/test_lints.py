"""The lints in detail, in-process: what each catches, what it must leave alone, and where it points.

Every lint also has a bad fixture (tests/fixtures/bad/, checked in test_bad_input.py) and stays silent
on tests/fixtures/good/lohjood and on the seed content.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ita_site.checks import lint_names, lint_scores, run_checks
from ita_site.checks.lint_names import AgencyNames
from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Finding, Level
from ita_site.content.project import load_project
from ita_site.content.rating import Status
from support.harness import GOOD, REPO, changed_copy

# The source document sits in the shared folder beside the repository (skipped where it is absent).
EXAMPLE = REPO / "examples" / "tambon-example"
SEED_DOCUMENT = REPO.parent / "shared" / "seeds" / "000_ada7b3907a0588cc.txt"
A, P, AG = "content/assessments/2566.yaml", "content/plans/2567.yaml", "content/agency.yaml"


def findings_of(tmp_path: Path, *edits: tuple[str, str, str]) -> list[Finding]:
    """Findings for a copy of the good project with ``(file, old, new)`` replacements applied."""
    project = changed_copy(tmp_path / "project", *edits)
    try:
        return run_checks(load_project(project / "content", project), reference_date())
    except ContentError as exc:
        return exc.findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.level is not Level.INFO]


def test_good_project_has_no_errors_or_warnings(tmp_path: Path) -> None:
    assert codes(findings_of(tmp_path)) == []


def test_seed_content_only_reports_its_recorded_contradictions() -> None:
    findings = run_checks(load_project(REPO / "content", REPO), reference_date())
    assert {f.code for f in findings if f.level is not Level.INFO} == {"ITA301"}


@pytest.fixture(scope="module")
def seed_names() -> AgencyNames:
    return AgencyNames(load_project(GOOD / "content", GOOD).agency)


def test_every_misspelt_name_in_the_seed_document_is_found(seed_names: AgencyNames) -> None:
    if not SEED_DOCUMENT.is_file():
        pytest.skip("seed document not available")
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    found = [text[v.start:v.end] for v in seed_names.variants(text)]
    assert set(found) == {"องค์การบริหารส่วนตำบลโลหะจูด", "องค์การบริหารส่วนตำบลโลหะจุด", "องค์การบริหารส่วนตำบลละงูต",
                          "องค์การบริหารส่วนตำบลละจุด", "องค์การบริหาร ส่วนตำบลโลหะจูด"}
    assert len(found) == 16


@pytest.mark.parametrize("text", [
    "องค์การบริหารส่วนตำบลโละจูด อำเภอแว้ง", "องค์การบริหารส่วนตำบล โละจูด", "อบต.โละจูด", "ของ อบต.โละจูดในวงกว้าง",
    "สำนักปลัด อบต.งานบริหารทั่วไป", "งานบริหารทั่วไป สำนักปลัด อบต.", "องค์การบริหารส่วนตำบลทุกแห่งทั่วประเทศ",
])
def test_correct_names_and_other_words_are_not_flagged(seed_names: AgencyNames, text: str) -> None:
    assert list(seed_names.variants(text)) == []


@pytest.mark.parametrize(("text", "variant"), [
    ("ของอบต.ละงูต ได้", "อบต.ละงูต"), ("องค์การบริหารส่วนตำบลโลหะจุดในวงกว้าง", "องค์การบริหารส่วนตำบลโลหะจุด"),
    ("อบต. โละจุด", "อบต. โละจุด"),
])
def test_variants_are_reported_whole(seed_names: AgencyNames, text: str, variant: str) -> None:
    assert [text[v.start:v.end] for v in seed_names.variants(text)] == [variant]


def test_name_variant_points_at_the_name_inside_folded_text(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (A, "อบต.โละจูด ควรพัฒนา", "อบต.โลหะจุด ควรพัฒนา"))
    [finding] = [f for f in findings if f.code == "ITA401"]
    assert (finding.line, finding.column) == (33, 7)
    assert "องค์การบริหารส่วนตำบลโละจูด" in finding.hint("th")


@pytest.mark.parametrize("url", ["htps//www.lohjood.go.th", "https://www.lohjood .go.th",
                                 "ftp://www.lohjood.go.th", "https://www.lohjood..go.th", "https://user:pw@www.lohjood.go.th",
                                 "https://-lohjood-.go.th", "https://www.lohjood.go.th:99999/"])
def test_malformed_websites(tmp_path: Path, url: str) -> None:
    findings = findings_of(tmp_path, (AG, "website: https://www.lohjood.go.th", f"website: \"{url}\""))
    assert codes(findings) == ["ITA402"]


@pytest.mark.parametrize("url", ["https://www.lohjood.go.th/", "http://lohjood.go.th/ita?year=2566",
                                 "https://โละจูด.go.th"])
def test_wellformed_websites(tmp_path: Path, url: str) -> None:
    findings = findings_of(tmp_path, (AG, "website: https://www.lohjood.go.th", f"website: \"{url}\""))
    assert "ITA402" not in codes(findings)


def test_near_miss_domain_suggests_the_agency_website(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (P, "บนเว็บไซต์ www.lohjood.go.th", "บนเว็บไซต์ https://lohjod.go.th/ita"))
    [finding] = [f for f in findings if f.code == "ITA403"]
    assert finding.args["expected"] == "lohjood.go.th"
    assert codes(findings_of(tmp_path / "other", (P, "www.lohjood.go.th", "www.nacc.go.th"))) == []


def test_other_year_numbering_names_the_right_code(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (A, "      - code: O13\n        numbering: 2564\n", "      - code: O13\n"))
    [finding] = [f for f in findings if f.code == "ITA408"]
    assert finding.args["right"] == "O14" and finding.args["other"] == "2564"
    assert finding.level is Level.WARNING


def test_declared_numbering_is_a_note() -> None:
    findings = run_checks(load_project(GOOD / "content", GOOD), reference_date())
    [note] = [f for f in findings if f.code == "ITA409"]
    assert note.level is Level.INFO
    assert "2564" in note.message("en") and "O14" in note.message("en")


@pytest.mark.parametrize(("written", "code"), [("๐๑๓", "ITA405"), ("o13", "ITA406"), ("O๑๓", "ITA406"),
                                               ("X13", "ITA406")])
def test_oit_ref_spellings(tmp_path: Path, written: str, code: str) -> None:
    findings = findings_of(tmp_path, (A, "      - code: O8\n", f"      - code: \"{written}\"\n"))
    assert code in codes(findings)


def test_code_cited_in_text_but_missing_from_oit_refs(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (A, "สื่อสารสองทาง (อ้างอิงจาก O8)", "สื่อสารสองทาง (อ้างอิงจาก O8) (อ้างอิงจาก O30)"))
    [finding] = [f for f in findings if f.code == "ITA407"]
    assert (finding.line, finding.column, finding.args["code"]) == (66, 49, "O30")


def test_prose_figures_in_thai_digits_and_recorded_contradictions(tmp_path: Path) -> None:
    wrong = (A, "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน ได้คะแนน 98.54", "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน ได้คะแนน ๙๗.๐๗")
    assert codes(findings_of(tmp_path / "a", wrong)) == ["ITA414"]
    record = (A, "weaknesses:\n", "contradictions:\n  - id: i6\n    indicator: 6\n    field: score\n"
                                  "    source_says: 97.07\n    note: ตารางกับข้อความไม่ตรงกัน\nweaknesses:\n")
    assert codes(findings_of(tmp_path / "b", wrong, record)) == ["ITA301"]


def test_fiscal_year_in_text_recorded_or_not(tmp_path: Path) -> None:
    wrong = (P, "ประจำปีงบประมาณ พ.ศ. 2567 บนเว็บไซต์", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ บนเว็บไซต์")
    assert codes(findings_of(tmp_path / "a", wrong)) == ["ITA417"]
    record = (P, "measures:\n", "contradictions:\n  - id: year\n    field: fiscal_year\n    source_says: 2566\n"
                                "    note: ขั้นตอนระบุปี 2566\nmeasures:\n")
    assert codes(findings_of(tmp_path / "b", wrong, record)) == ["ITA301"]


def test_measure_dates_fall_back_to_the_plan_period(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (P, "    addresses: [eit-7]\n", "    addresses: [eit-7]\n    end: 2023-09-01\n"))
    assert sorted(codes(findings)) == ["ITA416", "ITA420"]


def test_letter_years_accept_the_letter_or_its_label(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "project", ("content/assessments/2565.yaml", "  level: ผ่านดี", "  level: A"),
                           source=EXAMPLE)
    findings = run_checks(load_project(project / "content", project), reference_date())
    assert not [f for f in findings if f.code in ("ITA412", "ITA425", "ITA426")]


@pytest.mark.parametrize(("text", "code"), [("\"   \"", "ITA104"), ("\"...\"", "ITA423")])
def test_empty_and_placeholder_text(tmp_path: Path, text: str, code: str) -> None:
    findings = findings_of(tmp_path, (A, "    title: ประสิทธิภาพการสื่อสาร\n", f"    title: {text}\n"))
    assert codes(findings) == [code]


def test_blank_optional_text_is_a_warning(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, (A, "  urgent: >-\n", "  urgent_heading: \"\"\n  urgent: >-\n"))
    assert codes(findings) == ["ITA424"]


@pytest.mark.parametrize("text", ["Open Data: OIT", "ดูข้อมูล data: ตารางที่ 1", "https://www.lohjood.go.th/data:x"])
def test_innocent_colons_are_not_unsafe_links(tmp_path: Path, text: str) -> None:
    assert codes(findings_of(tmp_path, (P, "ให้เข้าถึงได้ง่าย", f"ให้เข้าถึงได้ง่าย {text}"))) == []


def test_a_total_off_unverified_weights_is_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = lint_scores.scheme_for
    monkeypatch.setattr(lint_scores, "scheme_for",
                        lambda year: dataclasses.replace(packaged(year), weights_status=Status.INFERRED))
    tools = [(A, f"  - tool: {t}\n", f"  - tool: {t}\n    score: 99.00\n") for t in ("IIT", "EIT")]
    oit = (A, "questions:\n", "  - tool: OIT\n    score: 99.00\nquestions:\n")
    [finding] = [f for f in findings_of(tmp_path, *tools, oit) if f.code in ("ITA413", "ITA428")]
    assert (finding.code, finding.level, finding.args["computed"]) == ("ITA428", Level.INFO, "99.00")


def test_host_pattern_ignores_file_names_and_emails(tmp_path: Path) -> None:
    text = "ดาวน์โหลด report.pdf หรือส่งอีเมลถึง saraban@lohjood.go.th"
    assert codes(findings_of(tmp_path, (P, "ให้เข้าถึงได้ง่าย", f"ให้เข้าถึงได้ง่าย {text}"))) == []
    assert lint_names._bare("WWW.Lohjood.go.th") == "lohjood.go.th"
