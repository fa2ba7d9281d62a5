"""Years in prose: text about a file's own year that names another is a contradiction; a comparison with an
earlier year, the year of the related plan or assessment, and dates are not. When unsure, a note.

Each case runs ``ita-site check`` as staff do, on the small good project with one sentence changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.harness import REPO, changed_copy, copy_project, replace_in, run_ita_site

A = "content/assessments/2566.yaml"
P = "content/plans/2567.yaml"
SUMMARY = "    โดยมีคะแนนในภาพรวมอยู่ที่ 99.50 คะแนน\n"
INTRO = "  จึงสรุปเป็นมาตรการประจำปีงบประมาณ พ.ศ. 2567 ดังนี้\n"


def _year_findings(project: Path) -> list[tuple[str, int, str, str]]:
    """(file, line, level, code) of every finding about a year named in text."""
    result = run_ita_site("check", project, "--format", "json")
    return [(f["file"], f["line"], f["level"], f["code"]) for f in json.loads(result.stdout)["findings"]
            if f["code"] in ("ITA417", "ITA440")]


@pytest.mark.slow
@pytest.mark.parametrize(("file", "old", "new"), [
    (A, SUMMARY, SUMMARY + "    เพิ่มขึ้นจากปีงบประมาณ 2565 ซึ่งได้ 88.37 คะแนน\n"),
    (A, SUMMARY, SUMMARY + "    เมื่อเทียบกับปีงบประมาณ พ.ศ. 2565 ซึ่งอยู่ในระดับผ่าน\n"),
    (A, SUMMARY, SUMMARY + "    สูงกว่าผลการประเมินประจำปีงบประมาณ พ.ศ. 2565\n"),
    (A, SUMMARY, SUMMARY + "    และนำไปจัดทำมาตรการประจำปีงบประมาณ พ.ศ. 2567\n"),
    (P, INTRO, "  จึงสรุปเป็นมาตรการประจำปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566 ถึง 30 กันยายน 2567) ดังนี้\n"),
    (P, INTRO, "  จากผลการประเมินประจำปีงบประมาณ พ.ศ. 2566 จึงสรุปเป็นมาตรการประจำปีงบประมาณ พ.ศ. 2567\n"),
])
def test_comparisons_related_years_and_dates_are_not_contradictions(tmp_path: Path, file: str, old: str,
                                                                    new: str) -> None:
    assert _year_findings(changed_copy(tmp_path / "p", (file, old, new))) == []


def test_another_year_without_a_comparison_is_a_note(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (A, SUMMARY, SUMMARY + "    ในปีงบประมาณ 2565 หน่วยงานได้ 88.37 คะแนน\n"))
    assert _year_findings(project) == [(A, 20, "info", "ITA440")]


def test_this_files_year_named_as_another_is_an_error(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", (P, INTRO, INTRO.replace("2567", "2566")))
    assert _year_findings(project) == [(P, 6, "error", "ITA417")]


@pytest.mark.slow
def test_the_seeds_recorded_contradiction_is_reported_and_found_again_unrecorded(tmp_path: Path) -> None:
    seed = copy_project(REPO, tmp_path / "seed")
    result = run_ita_site("check", seed, "--format", "json")
    recorded = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "ITA301" and f["file"] == P]
    assert len(recorded) == 1 and "2566" in recorded[0]["message"]
    replace_in(seed / P, "contradictions:\n  - id: plan-fiscal-year", "former:\n  - id: plan-fiscal-year")
    text = (seed / P).read_text(encoding="utf-8")
    (seed / P).write_text(text[:text.index("former:\n")], encoding="utf-8")
    assert _year_findings(seed) == [(P, 34, "error", "ITA417"), (P, 38, "error", "ITA417")]
