"""Every file's problems in one run: a file that cannot be read stops only what needs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.harness import REPO, changed_copy, run_ita_site

EXAMPLE = REPO / "examples" / "tambon-example"
#: Three files broken three ways: a YAML syntax error, a fiscal year that is not a number, a level a check refuses.
BROKEN = (
    ("content/plans/2565.yaml", "title: มาตรการ", 'title: "มาตรการ'),
    ("content/plans/2566.yaml", "fiscal_year: 2566", "fiscal_year: 256x"),
    ("content/assessments/2566.yaml", "level: ผ่านดี", "level: ดีเยี่ยม"),
)


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    return changed_copy(tmp_path / "agency", *BROKEN, source=EXAMPLE)


def _errors(output: str) -> set[tuple[str, str]]:
    return {(f["file"], f["code"]) for f in json.loads(output)["findings"] if f["level"] == "error"}


def test_check_reports_every_broken_file_in_one_run(broken: Path) -> None:
    result = run_ita_site("check", broken, "--format", "json")
    assert result.returncode == 1
    assert _errors(result.stdout) == {("content/plans/2565.yaml", "ITA006"), ("content/plans/2566.yaml", "ITA103"),
                                      ("content/assessments/2566.yaml", "ITA412")}


def test_checks_that_need_a_broken_file_wait_for_it(tmp_path: Path) -> None:
    """The 2566 plan is based on the 2565 assessment: while that file cannot be read, the plan's reference to it
    is not reported as pointing at nothing."""
    project = changed_copy(tmp_path / "agency", ("content/assessments/2565.yaml", "fiscal_year: 2565",
                                                 "fiscal_year: 256x"), source=EXAMPLE)
    result = run_ita_site("check", project, "--format", "json")
    assert _errors(result.stdout) == {("content/assessments/2565.yaml", "ITA103")}


def test_build_reports_every_broken_file_in_one_run(broken: Path) -> None:
    result = run_ita_site("build", broken, "--format", "json")
    assert result.returncode == 1
    assert {file for file, _ in _errors(result.stdout)} == {"content/plans/2565.yaml", "content/plans/2566.yaml",
                                                           "content/assessments/2566.yaml"}
