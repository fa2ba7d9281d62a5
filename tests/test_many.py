"""``ita-site build-many``: twenty agencies, one with broken content, built two at a time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO
from ita_site.content.project import load_project
from ita_site.plugin.staging import MARKER
from support.synthetic import write_agency

AGENCIES = 20
BROKEN = 7


@pytest.fixture(scope="module")
def agencies(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Twenty seed-sized agencies; number 7's overall score is not a number."""
    root = tmp_path_factory.mktemp("agencies")
    seed = load_project(REPO / "content", REPO)
    projects = [write_agency(root / f"agency-{i:02d}", REPO, factor=1, index=i, seed=seed) for i in range(AGENCIES)]
    broken = projects[BROKEN] / "content" / "assessments" / "2566.yaml"
    text = broken.read_text(encoding="utf-8")
    assert re.search(r"(?m)^  score: 99\.50?$", text)
    broken.write_text(re.sub(r"(?m)^  score: 99\.50?$", "  score: เก้าสิบเก้า", text, count=1), encoding="utf-8")
    return projects


@pytest.fixture(scope="module")
def run(agencies: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("sites")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "ita_site", "build-many", "--jobs", "2", "--out", str(out),
                             *map(str, agencies)], capture_output=True, text=True, env=env, timeout=300)
    return result, out


@pytest.mark.slow
def test_one_broken_agency_fails_alone(run: tuple[subprocess.CompletedProcess[str], Path], agencies: list[Path]) -> None:
    result, out = run
    assert result.returncode == 1, result.stdout + result.stderr
    built = sorted(p.parent.name for p in out.glob("*/index.html"))
    assert built == sorted(a.name for i, a in enumerate(agencies) if i != BROKEN)
    assert not (out / agencies[BROKEN].name).exists()
    # each built site is that agency's own
    assert "องค์การบริหารส่วนตำบลโละจูด 3" in (out / "agency-03" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_failure_is_located_in_the_broken_file(run: tuple[subprocess.CompletedProcess[str], Path],
                                                   agencies: list[Path]) -> None:
    result, _ = run
    located = re.findall(r"(?m)^(\S+\.yaml):(\d+):(\d+): error ITA103: (.*)$", result.stdout)
    assert len(located) == 1, result.stdout
    path, line, column, message = located[0]
    broken = agencies[BROKEN] / "content" / "assessments" / "2566.yaml"
    assert Path(path) == broken
    assert broken.read_text(encoding="utf-8").splitlines()[int(line) - 1][int(column) - 1:] == "เก้าสิบเก้า"
    assert "overall.score" in message


def test_summary_lists_every_agency(run: tuple[subprocess.CompletedProcess[str], Path],
                                    agencies: list[Path]) -> None:
    result, _ = run
    names = {str(a) for a in agencies}
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()
            if line.split() and line.split()[0] in names}
    assert len(rows) == AGENCIES
    assert rows[str(agencies[BROKEN])] == "ล้มเหลว"
    assert list(rows.values()).count("สำเร็จ") == AGENCIES - 1
    assert "สร้างเว็บไซต์สำเร็จ 19 จาก 20 โครงการ ล้มเหลว 1" in result.stdout


@pytest.mark.slow
def test_english_messages_and_a_failed_build_keeps_the_previous_site(agencies: list[Path], tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    good = [str(agencies[0]), str(agencies[1])]
    result = subprocess.run([sys.executable, "-m", "ita_site", "build-many", "--jobs", "2", "--lang", "en",
                             "--out", str(tmp_path), *good], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 of 2 sites built, 0 failed" in result.stdout
    previous = tmp_path / "again" / agencies[BROKEN].name
    previous.mkdir(parents=True)
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    (previous / MARKER).write_text("", encoding="utf-8")  # as every build leaves in its site
    failing = subprocess.run([sys.executable, "-m", "ita_site", "build-many", "--lang", "en", "--out",
                              str(tmp_path / "again"), str(agencies[BROKEN])],
                             capture_output=True, text=True, env=env, timeout=300)
    assert failing.returncode == 1
    assert re.search(r'2566\.yaml:\d+:\d+: error ITA103: "overall\.score" must be a number', failing.stdout)
    assert [p.name for p in previous.parent.iterdir()] == [previous.name]  # no half-built folder left behind
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
