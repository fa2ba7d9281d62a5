"""``ita-site init --year``: which ITA year a new project starts from, and what it scaffolds for it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ita_site.cli.scaffold import latest_result_year
from support.harness import build_site, invoke_ita_site


def _epoch(day: str) -> str:
    return str(int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp()))


@pytest.mark.parametrize(("today", "year"), [
    ("2026-11-30", 2569), ("2026-09-01", 2569), ("2026-08-31", 2568), ("2027-01-15", 2569), ("2027-10-01", 2570),
])
def test_latest_result_year(today: str, year: int) -> None:
    assert latest_result_year(dt.date.fromisoformat(today)) == year


def test_init_without_year_starts_from_the_latest_announced_results(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch("2026-11-30"))
    assert invoke_ita_site("init", tmp_path / "a").exit_code == 0
    content = tmp_path / "a" / "content"
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*.yaml")) == [
        "agency.yaml", "assessments/2569.yaml", "oit/2569.yaml", "plans/2570.yaml"]
    plan = (content / "plans" / "2570.yaml").read_text(encoding="utf-8")
    assert "fiscal_year: 2570\nbased_on: 2569\n" in plan
    assert "start: 2026-10-01\n  end: 2027-09-30\n" in plan
    assert "@" not in plan.replace("@example", "")


def test_init_year_2570_notes_the_carried_over_framework(tmp_path: Path) -> None:
    assert invoke_ita_site("init", "--year", "2569", tmp_path / "a").exit_code == 0
    result = invoke_ita_site("check", "--format", "json", tmp_path / "a")
    notes = [(f["file"], f["code"]) for f in json.loads(result.output)["findings"] if f["level"] == "info"]
    assert ("content/plans/2570.yaml", "ITA210") in notes
    assert ("content/assessments/2569.yaml", "ITA210") not in notes
    assert invoke_ita_site("init", "--year", "2570", tmp_path / "b").exit_code == 0
    result = invoke_ita_site("check", "--format", "json", "--lang", "en", tmp_path / "b")
    noted = [f for f in json.loads(result.output)["findings"] if f["code"] == "ITA210"]
    assert [f["file"] for f in noted] == ["content/assessments/2570.yaml"]
    assert "2569" in noted[0]["message"]


@pytest.mark.slow
def test_init_year_2569_builds_strictly_with_26_oit_items(tmp_path: Path) -> None:
    assert invoke_ita_site("init", "--year", "2569", tmp_path / "p").exit_code == 0
    build = build_site(tmp_path / "p", tmp_path)
    assert build.result.returncode == 0, build.output
    oit_index = (build.site / "2569" / "oit" / "index.html").read_text(encoding="utf-8")
    assert len(set(re.findall(r'href="(o\d+\.html)"', oit_index))) == 26
    assert "โครงสร้าง หน้าที่และอำนาจ" in oit_index
    assert (build.site / "2570" / "measures" / "index.html").is_file()
