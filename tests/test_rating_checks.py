"""``ita-site check`` on the stated level, as staff run it: each year's rating rule, blocking only on evidence.

From 2566 a level follows from the total and every tool's score; letter grades belong to 2563-2565.
Each case is the small good project with a line or two changed (its 2566 level sits on line 4).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.harness import REPO, changed_copy, run_ita_site

A = "content/assessments/2566.yaml"
EXAMPLE = REPO / "examples" / "tambon-example"
LEVEL = ("content/assessments/2566.yaml", 4)


def _findings(tmp_path: Path, *changes: tuple[str, str, str]) -> list[dict]:
    project = changed_copy(tmp_path / "project", *changes)
    result = run_ita_site("check", "--format", "json", project)
    return json.loads(result.stdout)["findings"]


def _total(score: str) -> tuple[tuple[str, str, str], ...]:
    """The total changed in the score and in the summary that quotes it."""
    return (A, "  score: 99.50\n", f"  score: {score}\n"), (A, "อยู่ที่ 99.50", f"อยู่ที่ {score}")


def _level(label: str) -> tuple[str, str, str]:
    return A, "  level: ผ่านดีเยี่ยม", f"  level: {label}"


def _tool(code: str, score: str) -> tuple[str, str, str]:
    return A, f"  - tool: {code}\n", f"  - tool: {code}\n    score: {score}\n"


def _errors(findings: list[dict]) -> list[tuple[str, int, str]]:
    return [(f["file"], f["line"], f["code"]) for f in findings if f["level"] == "error"]


def test_a_level_below_the_pass_line_for_a_top_total_is_an_error_on_the_level_line(tmp_path: Path) -> None:
    [error] = [f for f in _findings(tmp_path, _level("ต้องปรับปรุง")) if f["level"] == "error"]
    assert (error["file"], error["line"], error["code"]) == (*LEVEL, "ITA412")
    assert "99.50" in error["message"] and "85" in error["message"]


def test_a_letter_grade_after_2566_is_reported_with_the_thai_label_to_write(tmp_path: Path) -> None:
    [error] = [f for f in _findings(tmp_path, _level("AA")) if f["level"] == "error"]
    assert (error["file"], error["line"]) == LEVEL
    assert error["code"] != "ITA412"
    assert "2566" in error["message"] and "ผ่านดีเยี่ยม" in error["hint"]


def test_pass_for_9434_with_an_eit_below_85_is_right(tmp_path: Path) -> None:
    findings = _findings(tmp_path, *_total("94.34"), _level("ผ่าน"), _tool("EIT", "84.00"))
    assert _errors(findings) == []


def test_good_for_9434_with_an_eit_below_85_names_the_rule_and_the_tool(tmp_path: Path) -> None:
    [error] = [f for f in _findings(tmp_path, *_total("94.34"), _level("ผ่านดี"), _tool("EIT", "84.00"))
               if f["level"] == "error"]
    assert (error["file"], error["line"], error["code"]) == (*LEVEL, "ITA412")
    assert "ผ่านดี ต้องมีคะแนนรวมและทุกเครื่องมือตั้งแต่ 85 ขึ้นไป แต่ EIT ได้ 84.00" in error["message"]


def test_excellent_needs_every_tool_at_95(tmp_path: Path) -> None:
    [error] = [f for f in _findings(tmp_path, *_total("96.00"), _tool("IIT", "94.00")) if f["level"] == "error"]
    assert (error["file"], error["line"], error["code"]) == (*LEVEL, "ITA412")
    assert "ผ่านดีเยี่ยม ต้องมีคะแนนรวมและทุกเครื่องมือตั้งแต่ 95 ขึ้นไป แต่ IIT ได้ 94.00" in error["message"]


def test_a_level_against_an_unverified_letter_band_is_a_note(tmp_path: Path) -> None:
    """The example agency's 2564 "ผ่าน" for 88.37: the 2564 bands are assumed from 2565, so never a blocker."""
    e2564 = "content/assessments/2564.yaml"
    project = changed_copy(tmp_path / "project", (e2564, "  score: 82.15", "  score: 88.37"), source=EXAMPLE)
    findings = json.loads(run_ita_site("check", "--format", "json", project).stdout)["findings"]
    assert _errors(findings) == []
    [note] = [f for f in findings if (f["file"], f["line"]) == (e2564, 5)]
    assert note["level"] == "info" and "ยังไม่ยืนยัน" in note["message"]


def test_without_tool_scores_a_note_says_which_to_add(tmp_path: Path) -> None:
    findings = _findings(tmp_path, _tool("EIT", "99.00"))
    [note] = [f for f in findings if (f["file"], f["line"]) == LEVEL]
    assert note["level"] == "info" and "IIT" in note["message"] and "OIT" in note["message"]
    assert "EIT" not in note["message"] and "score:" in note["hint"]


@pytest.mark.slow
def test_the_total_must_follow_the_tool_weights(tmp_path: Path) -> None:
    tools = (_tool("IIT", "99.00"), _tool("EIT", "99.00"))
    oit = (A, "questions:\n", "  - tool: OIT\n    score: 100.00\nquestions:\n")
    assert _errors(_findings(tmp_path / "a", *_total("99.40"), *tools, oit)) == []  # 0.3*99+0.3*99+0.4*100
    errors = _errors(_findings(tmp_path / "b", *tools, oit))
    assert errors == [(A, 3, "ITA413")]


def test_pass_when_every_tool_reaches_95_names_the_excellent_rule(tmp_path: Path) -> None:
    tools = (_tool("IIT", "99.50"), _tool("EIT", "99.50"), (A, "questions:\n", "  - tool: OIT\n    score: 99.50\nquestions:\n"))
    [error] = [f for f in _findings(tmp_path, _level("ผ่าน"), *tools) if f["level"] == "error"]
    assert (error["file"], error["line"], error["code"]) == (*LEVEL, "ITA412")
    assert "ทุกเครื่องมือตั้งแต่ 95 ขึ้นไป ซึ่งเป็นเกณฑ์ของระดับผ่านดีเยี่ยม" in error["message"]
