"""One pipeline: the findings of a build come from the plugin once, and the command line's options mean
the same in ``check`` and ``build``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from helpers import REPO, copy_project
from ita_site.content.messages import MESSAGES, checks_markdown

LOCATED = re.compile(r"^(?:\S+):\d+:\d+: (?:error|warning|info) (ITA\d{3}): ", re.MULTILINE)
THAI = re.compile(r"[\u0e00-\u0e7f]")


def ita_site(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "ita_site", *map(str, args)], capture_output=True, text=True,
                            env=env, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    return copy_project(REPO, tmp_path / "agency")


@pytest.mark.slow
def test_build_prints_each_finding_once_in_the_language_asked(seed: Path) -> None:
    checked = ita_site("check", "--lang", "en", seed)
    built = ita_site("build", "--lang", "en", seed)
    assert built.returncode == 0, built.stdout + built.stderr
    output = built.stdout + built.stderr
    lines = [line for line in output.splitlines() if LOCATED.match(line)]
    assert len(lines) == 13 and len(set(lines)) == len(lines), output
    assert lines[-1].startswith("mkdocs.yml:1:1: info ITA520: ")  # a build note: no site_url in mkdocs.yml
    assert lines[:-1] == [line for line in checked.stdout.splitlines() if LOCATED.match(line)]
    assert not [line for line in lines if THAI.match(line.split(": ", 2)[2])], "every message in English"
    assert "ต้นฉบับขัดแย้งกันเอง" not in output and "แต่ยังไม่มีรายงานความคืบหน้า" not in output  # nor again in Thai
    assert output.count("0 error(s), 4 warning(s), 9 note(s)") == 1


@pytest.mark.slow
def test_fail_on_from_the_command_line_wins_over_mkdocs_yml_in_check_and_build(seed: Path) -> None:
    config = seed / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      content_dir: content\n", "      content_dir: content\n      fail_on: warning\n"), encoding="utf-8")
    assert "fail_on: warning" in config.read_text(encoding="utf-8")
    for command in ("check", "build"):
        stopped = ita_site(command, "--lang", "en", seed)
        assert stopped.returncode == 1, (command, stopped.stdout + stopped.stderr)
        assert "0 error(s), 4 warning(s)" in stopped.stdout
        passed = ita_site(command, "--lang", "en", "--fail-on", "error", seed)
        assert passed.returncode == 0, (command, passed.stdout + passed.stderr)
    assert (seed / "site" / "index.html").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("command", ["check", "build"])
def test_github_format_writes_workflow_annotations(command: str, seed: Path) -> None:
    result = ita_site(command, "--format", "github", "--lang", "en", seed)
    assert result.returncode == 0, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    # the build adds one note of its own: no site_url in mkdocs.yml (ITA520)
    notices = {"check": 8, "build": 9}[command]
    assert Counter(line.split(" ", 1)[0] for line in annotations) == {"::warning": 4, "::notice": notices}
    assert ("::notice file=content/plans/2567.yaml,line=47,col=9,title=ITA602::measure 1.1 started on 2023-10-01 "
            "but has no progress entry (add an entry under progress%3A" not in result.stdout)  # only properties escape ':'
    assert "::notice file=content/plans/2567.yaml,line=47,col=9,title=ITA602::measure 1.1 started on" in result.stdout


@pytest.mark.slow
def test_a_broken_mkdocs_yml_is_located_for_every_command(seed: Path, tmp_path: Path) -> None:
    config = seed / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins: [\n", 1), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("plugins: [") + 2
    for args in (["check"], ["build"], ["links"], ["export", tmp_path / "out", "-p"], ["package"]):
        result = ita_site(*args, seed)
        assert result.returncode == 1, (args, result.stdout + result.stderr)
        assert re.search(rf"mkdocs\.yml:{line}:\d+: error ITA501: ", result.stdout + result.stderr), (args, result)


@pytest.mark.slow
def test_build_many_and_package_show_located_findings(seed: Path, tmp_path: Path) -> None:
    plan = seed / "content" / "plans" / "2567.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("fiscal_year: 2567", "fiscal_year: สองห้าหกเจ็ด"),
                    encoding="utf-8")
    many = ita_site("build-many", "--lang", "en", "--out", tmp_path / "sites", seed)
    packaged = ita_site("package", "--lang", "en", "-o", seed / "site.zip", seed)
    for result in (many, packaged):
        assert result.returncode == 1
        assert re.search(rf"(?m)^{re.escape(str(seed))}/content/plans/2567\.yaml:\d+:\d+: error ITA103: "
                         r'"fiscal_year" must be', result.stdout + result.stderr), result.stdout + result.stderr


def test_checks_md_is_generated_from_the_catalogue(repo: Path) -> None:
    documented = (repo / "docs" / "checks.md").read_text(encoding="utf-8")
    assert documented == checks_markdown(), "regenerate with: scripts/checks-doc"
    assert all(f"| {code} |" in documented for code in MESSAGES)


def test_every_finding_code_is_in_the_one_catalogue(repo: Path) -> None:
    registering = [path.relative_to(repo).as_posix() for path in (repo / "ita_site").rglob("*.py")
                   if re.search(r"\bMessage\(", path.read_text(encoding="utf-8"))]
    assert registering == ["ita_site/content/messages.py"]
