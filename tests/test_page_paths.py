"""Ids become page addresses: one that is the address of a generated page is refused, never overwrites it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, run_mkdocs_build

GOOD = REPO / "tests" / "fixtures" / "good" / "lohjood"
CLI = [sys.executable, "-m", "ita_site"]


def _project(tmp_path: Path, file: str, old: str, new: str) -> Path:
    project = shutil.copytree(GOOD, tmp_path / "project")
    path = project / "content" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return project


@pytest.mark.parametrize(("file", "old", "new", "where"), [
    ("plans/2567.yaml", 'id: "1-1"', "id: index", "content/plans/2567.yaml:19:9:"),
    ("plans/2567.yaml", 'id: "1-1"', "id: document", "content/plans/2567.yaml:19:9:"),
    ("plans/2567.yaml", 'id: "1-2"', "id: report", "content/plans/2567.yaml:26:9:"),
    ("assessments/2566.yaml", "  - id: eit-6\n", "  - id: index\n", "content/assessments/2566.yaml:70:9:"),
])
def test_an_id_that_is_a_generated_page_address_is_a_located_error(tmp_path: Path, file: str, old: str, new: str,
                                                                   where: str) -> None:
    project = _project(tmp_path, file, old, new)
    if "eit-6\n" in old:  # the measure that addresses the weakness follows its new id
        plan = project / "content" / "plans" / "2567.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("[eit-6]", "[index]"), encoding="utf-8")
    result = subprocess.run([*CLI, "check", str(project)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{where} error: id" in result.stdout, result.stdout
    built = run_mkdocs_build(project, tmp_path / "site")
    assert built.returncode != 0 and where in built.stdout + built.stderr, "plain mkdocs build refuses it too"
    assert not (tmp_path / "site" / "index.html").exists()


def test_ids_that_only_look_like_page_names_are_fine(tmp_path: Path) -> None:
    project = _project(tmp_path, "plans/2567.yaml", 'id: "1-1"', "id: index-1")
    result = subprocess.run([*CLI, "check", str(project)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
