"""Bad input never hurts: every broken project under tests/fixtures/bad/ gives exactly the located
findings its case lists, exit code 1, and no traceback, through ``ita-site check`` and MkDocs.

Each case (tests/fixtures/bad/<name>.yaml, read by support.cases) is the small good project
tests/fixtures/good/lohjood with one mistake, and its ``file:line:column: level CODE`` lines for
errors and warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from html_text import page_text, parse, squashed
from ita_site.content.load import MAX_BYTES, MAX_DEPTH
from support.cases import BadCase, bad_case, bad_cases, bad_project
from support.harness import GOOD, build_site, changed_copy, invoke_ita_site, located, run_ita_site

CASES = bad_cases()


def _location(expected: str) -> str:
    """``file:line:column`` of an expected ``file:line:column: level CODE`` line."""
    return expected.rsplit(": ", 1)[0]


def test_every_bad_case_is_kept() -> None:
    assert len(CASES) >= 42
    assert all(case.expected for case in CASES), "every case names at least one finding"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_case_gives_its_located_findings(case: BadCase, tmp_path: Path) -> None:
    result = invoke_ita_site("check", "--format", "json", case.write(tmp_path))
    assert result.exit_code == 1, result.output
    assert located(result.output) == list(case.expected)


def test_a_case_changes_only_what_it_names(tmp_path: Path) -> None:
    """Line numbers count in the base file, and every other byte of the project is the good project's."""
    project = bad_project("seed-mistakes", tmp_path)
    changed = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()
               and p.read_bytes() != (GOOD / p.relative_to(project)).read_bytes()}
    assert changed == {"content/assessments/2566.yaml", "content/plans/2567.yaml"}
    lines = (project / "content" / "assessments" / "2566.yaml").read_text(encoding="utf-8").split("\n")
    assert "โลหะจุด" in lines[17] and "๐๑๓" in lines[53] and lines[55] == "      - code: ๐๑๓"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["encoding-tis620", "alias-bomb", "binary-file", "seed-mistakes",
                                  "broken-mkdocs-config", "path-traversal"])
def test_bad_case_through_the_installed_command(name: str, tmp_path: Path) -> None:
    """The same, as staff run it: text output in Thai, each line located, exit 1."""
    case = bad_case(name)
    result = run_ita_site("check", case.write(tmp_path), timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for expected in case.expected:  # the text line starts as the golden line does: "file:line:column: level CODE: "
        assert any(line.startswith(f"{expected}: ") for line in lines), (expected, result.stdout)
    assert lines[-1].startswith("ข้อผิดพลาด ")


def test_tis620_file_is_named_with_its_fix(tmp_path: Path) -> None:
    result = invoke_ita_site("check", bad_project("encoding-tis620", tmp_path))
    assert "TIS-620/Windows-874" in result.output
    assert "UTF-8" in result.output


def test_huge_file_is_refused(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "huge", ("content/agency.yaml", "id: lohjood\n",
                                               "id: lohjood\n# " + "ก" * MAX_BYTES + "\n"))
    result = run_ita_site("check", "--format", "json", project, timeout=60)
    assert result.returncode == 1
    assert located(result.stdout) == ["content/agency.yaml:1:1: error ITA009"]


@pytest.mark.parametrize("opening", ["[", "{k: "])
def test_deeply_nested_file_is_refused(tmp_path: Path, opening: str) -> None:
    """Nesting bombs stop at the first level too deep, with a located message."""
    project = changed_copy(tmp_path / "deep")
    (project / "content" / "plans" / "2567.yaml").write_text("a: " + opening * 100_000 + "\n", encoding="utf-8")
    result = invoke_ita_site("check", "--format", "json", project)
    assert result.exit_code == 1
    column = 3 + MAX_DEPTH * len(opening) - (len(opening) - 1)
    assert located(result.output) == [f"content/plans/2567.yaml:1:{column}: error ITA012"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["name-variant", "encoding-tis620", "path-traversal"])
def test_mkdocs_build_of_a_bad_project_fails_cleanly(name: str, tmp_path: Path) -> None:
    case = bad_case(name)
    build = build_site(case.write(tmp_path), tmp_path)
    assert build.result.returncode != 0
    assert "Traceback" not in build.output
    assert _location(case.expected[0]) in build.output
    assert not (build.site / "index.html").exists()


@pytest.mark.slow
def test_script_and_html_in_text_are_escaped_on_the_site(tmp_path: Path) -> None:
    """Markup typed into content shows as text: no script runs, no element is injected, no link is made."""
    typed = "<script>alert(1)</script> <img src=x onerror=alert(2)> [ลิงก์](jav&#x61;script:alert(3))"
    project = changed_copy(tmp_path / "xss", ("content/plans/2567.yaml", "ให้เข้าถึงได้ง่าย", f"ให้เข้าถึงได้ง่าย {typed}"))
    result = run_ita_site("build", project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = project / "site" / "2567" / "measures" / "1-2.html"
    assert squashed(typed) in page_text(page), "readers see exactly what was typed"
    collected = parse(page)
    assert not any(tag == "img" and href == "x" for tag, href in collected.links)
    assert not any("script:" in href.lower() for _, href in collected.links)
    for html in (p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html")):
        assert "<script>alert" not in html
        assert not re.search(r"<img[^>]*onerror", html)


def test_javascript_link_in_text_stops_the_build(tmp_path: Path) -> None:
    project = bad_project("unsafe-url", tmp_path)
    result = run_ita_site("build", project, timeout=120)
    assert result.returncode == 1
    assert "content/plans/2567.yaml:30:83: error ITA404:" in result.stdout
    assert not (project / "site").exists()
