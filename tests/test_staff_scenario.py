"""A new municipality's staff, from `ita-site init` on: each mistake they made, its message, the fix, and quiet after.

The agency has a tone mark in its name (เทศบาลตำบลท่าเดื่อ-มืดกา). Each step makes one mistake met in real
use, runs `ita-site check` as staff do, reads the message, fixes the file and checks the message is gone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.harness import MUNICIPALITY, replace_in, run_ita_site, scaffold_municipality

pytestmark = pytest.mark.slow

@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A scaffolded 2568 project made the municipality's own, which checks clean of errors."""
    root = scaffold_municipality(tmp_path / "agency")
    assert run_ita_site("check", root).returncode == 0
    return root


def _mistake(root: Path, file: str, right: str, wrong: str, expected: list[str], *, blocks: bool) -> None:
    """Make one mistake, see each expected text in the output, fix it, and see the messages go."""
    path = root / "content" / file
    replace_in(path, right, wrong)
    result = run_ita_site("check", root)
    assert (result.returncode == 1) is blocks, result.stdout
    for text in expected:
        assert text in result.stdout, result.stdout
    replace_in(path, wrong, right)
    fixed = run_ita_site("check", root)
    assert fixed.returncode == 0, fixed.stdout
    assert not any(text in fixed.stdout for text in expected[:1]), fixed.stdout


def test_a_correct_comparison_with_an_earlier_year_is_not_an_error(project: Path) -> None:
    path = project / "content" / "assessments" / "2568.yaml"
    replace_in(path, "    โดยมีคะแนนในภาพรวมอยู่ที่ 95.50 คะแนน",
               "    โดยมีคะแนนในภาพรวมอยู่ที่ 95.50 คะแนน เพิ่มขึ้นจากปีงบประมาณ พ.ศ. 2567 ซึ่งได้ 88.37 คะแนน")
    result = run_ita_site("check", project)
    assert result.returncode == 0 and "ITA417" not in result.stdout, result.stdout


@pytest.mark.parametrize(("file", "right", "wrong", "expected", "blocks"), [
    ("assessments/2568.yaml", "    หน่วยงานมีผลการประเมินในระดับผ่านดีเยี่ยม",
     "    เทศบาลตำบลท่าเดือ-มืดกามีผลการประเมินในระดับผ่านดีเยี่ยม",
     ["error ITA401", f"หรือหมายถึง \"{MUNICIPALITY}\"?"], True),
    ("plans/2569.yaml", "  end: 2026-09-30", "  end: 2569-09-30", ["ITA441", "2026-09-30"], True),
    ("agency.yaml", "website: https://www.example.go.th", "website: http://www.example.go.th",
     ["warning ITA442", "https://www.example.go.th"], False),
    ("plans/2569.yaml", '    number: "1"\n    title: เผยแพร่', "    number: 1.10\n    title: เผยแพร่", ['"1.10"'], True),
])
def test_each_mistake_is_named_with_its_fix_and_gone_once_fixed(project: Path, file: str, right: str, wrong: str,
                                                                expected: list[str], blocks: bool) -> None:
    _mistake(project, file, right, wrong, expected, blocks=blocks)


def test_errors_in_two_files_come_in_one_run(project: Path) -> None:
    plan = project / "content" / "plans" / "2569.yaml"
    assessment = project / "content" / "assessments" / "2568.yaml"
    replace_in(plan, "fiscal_year: 2569", "fiscal_year: 25x9")
    replace_in(assessment, "  level: ผ่านดีเยี่ยม", "  level: ต้องปรับปรุง")
    result = run_ita_site("check", project)
    assert result.returncode == 1
    assert "content/plans/2569.yaml:5:" in result.stdout and "content/assessments/2568.yaml:9:" in result.stdout
