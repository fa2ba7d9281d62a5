"""Bad input never hurts: every broken project under tests/fixtures/bad/ gives exactly the located
findings its expected.txt lists, exit code 1, and no traceback, through ``ita-site check`` and MkDocs.

Each fixture is a full small project (a copy of tests/fixtures/good/lohjood with one mistake);
expected.txt holds its ``file:line:column: level: code`` lines for errors and warnings.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import run_mkdocs_build
from html_text import page_text, parse, squashed
from ita_site.cli.commands import main
from ita_site.content.load import MAX_BYTES, MAX_DEPTH

FIXTURES = Path(__file__).parent / "fixtures"
BAD = sorted(p for p in (FIXTURES / "bad").iterdir() if (p / "expected.txt").is_file())
GOOD = FIXTURES / "good" / "lohjood"
CLI = [sys.executable, "-m", "ita_site"]


def _expected(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").split("\n")[:-1]


def _located(payload: str) -> list[str]:
    findings = json.loads(payload)["findings"]
    return [f"{f['file']}:{f['line']}:{f['column']}: {f['level']}: {f['code']}" for f in findings
            if f["level"] != "info"]


def test_there_are_at_least_25_bad_fixtures() -> None:
    assert len(BAD) >= 25
    assert all(_expected(case) for case in BAD), "every expected.txt names at least one finding"


@pytest.mark.parametrize("case", BAD, ids=[p.name for p in BAD])
def test_bad_fixture_gives_its_located_findings(case: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(case)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert _located(result.output) == _expected(case)


@pytest.mark.parametrize("name", ["encoding-tis620", "alias-bomb", "binary-file", "seed-mistakes",
                                  "broken-mkdocs-config", "path-traversal"])
def test_bad_fixture_through_the_installed_command(name: str) -> None:
    """The same, as staff run it: text output in Thai, each line located, exit 1."""
    case = FIXTURES / "bad" / name
    result = subprocess.run([*CLI, "check", str(case)], capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = result.stdout.splitlines()
    for expected in _expected(case):
        location, level, _code = expected.rsplit(": ", 2)
        assert any(line.startswith(f"{location}: {level}: ") for line in lines), (expected, output)
    assert lines[-1].startswith("ข้อผิดพลาด ")


def test_tis620_file_is_named_with_its_fix() -> None:
    result = CliRunner().invoke(main, ["check", str(FIXTURES / "bad" / "encoding-tis620")])
    assert "TIS-620/Windows-874" in result.output
    assert "UTF-8" in result.output


def test_huge_file_is_refused(tmp_path: Path) -> None:
    project = shutil.copytree(GOOD, tmp_path / "huge")
    agency = project / "content" / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "# " + "ก" * MAX_BYTES + "\n", encoding="utf-8")
    result = subprocess.run([*CLI, "check", "--format", "json", str(project)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert _located(result.stdout) == ["content/agency.yaml:1:1: error: ITA009"]


@pytest.mark.parametrize("opening", ["[", "{k: "])
def test_deeply_nested_file_is_refused(tmp_path: Path, opening: str) -> None:
    """Nesting bombs stop at the first level too deep, with a located message."""
    project = shutil.copytree(GOOD, tmp_path / "deep")
    (project / "content" / "plans" / "2567.yaml").write_text("a: " + opening * 100_000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(project)], catch_exceptions=False)
    assert result.exit_code == 1
    column = 3 + MAX_DEPTH * len(opening) - (len(opening) - 1)
    assert _located(result.output) == [f"content/plans/2567.yaml:1:{column}: error: ITA012"]


@pytest.mark.parametrize("name", ["name-variant", "encoding-tis620", "path-traversal"])
def test_mkdocs_build_of_a_bad_project_fails_cleanly(name: str, tmp_path: Path) -> None:
    case = FIXTURES / "bad" / name
    result = run_mkdocs_build(case, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    location = _expected(case)[0].rsplit(": ", 2)[0]
    assert location in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_script_and_html_in_text_are_escaped_on_the_site(tmp_path: Path) -> None:
    """Markup typed into content shows as text: no script runs, no element is injected, no link is made."""
    project = shutil.copytree(GOOD, tmp_path / "xss")
    typed = "<script>alert(1)</script> <img src=x onerror=alert(2)> [ลิงก์](jav&#x61;script:alert(3))"
    plan = project / "content" / "plans" / "2567.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("ให้เข้าถึงได้ง่าย", f"ให้เข้าถึงได้ง่าย {typed}"),
                    encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([*CLI, "build", str(project)], capture_output=True, text=True, env=env, timeout=300)
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
    case = FIXTURES / "bad" / "unsafe-url"
    project = shutil.copytree(case, tmp_path / "unsafe")
    result = subprocess.run([*CLI, "build", str(project)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "content/plans/2567.yaml:30:83: error:" in result.stdout
    assert not (project / "site").exists()
