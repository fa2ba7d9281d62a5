"""Ids become page addresses: one that is the address of a generated page is refused, never overwrites it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.harness import build_site, changed_copy, replace_in, run_ita_site


@pytest.mark.parametrize(("file", "old", "new", "where"), [
    ("plans/2567.yaml", 'id: "1-1"', "id: index", "content/plans/2567.yaml:19:9:"),
    ("plans/2567.yaml", 'id: "1-1"', "id: document", "content/plans/2567.yaml:19:9:"),
    ("plans/2567.yaml", 'id: "1-2"', "id: report", "content/plans/2567.yaml:26:9:"),
    ("assessments/2566.yaml", "  - id: eit-6\n", "  - id: index\n", "content/assessments/2566.yaml:70:9:"),
])
@pytest.mark.slow
def test_an_id_that_is_a_generated_page_address_is_a_located_error(tmp_path: Path, file: str, old: str, new: str,
                                                                   where: str) -> None:
    project = changed_copy(tmp_path / "project", (f"content/{file}", old, new))
    if "eit-6\n" in old:  # the measure that addresses the weakness follows its new id
        replace_in(project / "content" / "plans" / "2567.yaml", "[eit-6]", "[index]")
    result = run_ita_site("check", project, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{where} error ITA209: id" in result.stdout, result.stdout
    build = build_site(project, tmp_path)
    assert build.result.returncode != 0 and where in build.output, "plain mkdocs build refuses it too"
    assert not (build.site / "index.html").exists()


def test_ids_that_only_look_like_page_names_are_fine(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "project", ("content/plans/2567.yaml", 'id: "1-1"', "id: index-1"))
    result = run_ita_site("check", project, timeout=60)
    assert result.returncode == 0, result.stdout
