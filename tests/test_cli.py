"""The ``ita-site`` command as staff use it: run as a program, judged by its output and exit code."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import REPO, run_mkdocs_build
from ita_site.cli import commands as cli
from ita_site.content.project import load_project
from ita_site.outputs import schema
from support.cases import bad_project

CLI = [sys.executable, "-m", "ita_site"]
GOOD = Path(__file__).parent / "fixtures" / "good" / "lohjood"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=ENV, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "agency"
    result = run("init", "--year", "2568", target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.mark.slow
def test_help_is_thai_then_english() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "check", "build", "serve", "export", "schema"):
        assert command in result.stdout
        sub = run(command, "--help")
        assert sub.returncode == 0
        summary = sub.stdout.split("\n\n")[1]
        thai = next(i for i, ch in enumerate(summary) if "\u0e00" <= ch <= "\u0e7f")
        assert thai < summary.index("/") < len(summary) - 1, summary


@pytest.mark.slow
def test_init_then_mkdocs_build_strict_passes(scaffold: Path, tmp_path: Path) -> None:
    result = run_mkdocs_build(scaffold, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "2568" / "index.html").is_file()
    assert (tmp_path / "site" / "2569" / "measures" / "index.html").is_file()
    oit_index = (tmp_path / "site" / "2568" / "oit" / "index.html").read_text(encoding="utf-8")
    assert len(set(re.findall(r'href="(o\d+\.html)"', oit_index))) == 26


def test_init_writes_dotfiles_schema_and_modelines(scaffold: Path) -> None:
    assert (scaffold / ".gitignore").is_file()
    for yaml_file in (scaffold / "content").rglob("*.yaml"):
        first = yaml_file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (yaml_file.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), target
        pointer = json.loads(target.read_text(encoding="utf-8"))["$ref"].split("#")
        shared = json.loads((target.parent / pointer[0]).read_text(encoding="utf-8"))
        assert pointer[1].rsplit("/", 1)[1] in shared["$defs"]


def test_init_checks_clean_but_for_the_oit_items_and_the_licence_still_to_give(scaffold: Path) -> None:
    result = run("check", "--format", "json", scaffold)
    assert result.returncode == 0
    findings = json.loads(result.stdout)["findings"]
    assert [(f["file"], f["code"], f["level"]) for f in findings] == [
        ("content/agency.yaml", "ITA630", "info"), ("content/oit/2568.yaml", "ITA604", "warning")]
    assert "19" in findings[1]["message"], findings[1]


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "agency"
    (target / "content").mkdir(parents=True)
    (target / "content" / "agency.yaml").write_text("id: mine\n", encoding="utf-8")
    result = run("init", target)
    assert result.returncode == 1
    assert "content/agency.yaml" in result.stdout and "ไม่เขียนทับ" in result.stdout
    assert (target / "content" / "agency.yaml").read_text(encoding="utf-8") == "id: mine\n"
    assert not (target / "mkdocs.yml").exists(), "nothing is written when anything would be overwritten"


def test_check_seed_reports_only_recorded_contradictions() -> None:
    result = run("check", "--format", "json", REPO)
    assert result.returncode == 0, result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert {f["code"] for f in findings if f["level"] != "info"} == {"ITA301"}
    assert sum(f["level"] == "warning" for f in findings) == json.loads(result.stdout)["summary"]["warning"]


@pytest.mark.slow
def test_check_text_output_and_languages(tmp_path: Path) -> None:
    project = bad_project("level-mismatch", tmp_path)
    thai = run("check", project)
    assert thai.returncode == 1
    assert thai.stdout.splitlines()[0].startswith("content/assessments/2566.yaml:4:10: error ITA412: ระดับ \"ต้องปรับปรุง\"")
    assert thai.stdout.splitlines()[-1] == "ข้อผิดพลาด 1 รายการ คำเตือน 0 รายการ หมายเหตุ 1 รายการ"
    english = run("check", "--lang", "en", project)
    assert ("error ITA412: level \"ต้องปรับปรุง\" contradicts the 2566 rule: ต้องปรับปรุง is for a total below 85, "
            "but the total is 99.50") in english.stdout
    assert english.stdout.splitlines()[-1] == "1 error(s), 0 warning(s), 1 note(s)"


@pytest.mark.slow
def test_check_finds_project_from_its_folder_and_content_folder() -> None:
    assert run("check", cwd=GOOD).returncode == 0
    inside = run("check", "--format", "json", GOOD / "content")
    assert inside.returncode == 0
    assert json.loads(inside.stdout)["summary"]["error"] == 0


@pytest.mark.slow
def test_fail_on_warning_from_mkdocs_yml_and_option(tmp_path: Path) -> None:
    project = bad_project("score-precision", tmp_path)
    assert run("check", project).returncode == 1
    assert run("check", "--fail-on", "error", project).returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["check", "--lang", "fr"], ["nope"],
                                  ["check", "/no/such/folder"], ["init"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_unexpected_error_is_exit_3_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(content_dir: object, root: object, today: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "checked_project", broken)
    result = CliRunner().invoke(cli.main, ["check", str(GOOD)])
    assert result.exit_code == 3
    assert "RuntimeError: boom" in result.output and "Traceback" not in result.output
    with pytest.raises(RuntimeError):
        CliRunner().invoke(cli.main, ["--debug", "check", str(GOOD)], catch_exceptions=False)


def _site_copy(tmp_path: Path) -> Path:
    project = shutil.copytree(GOOD, tmp_path / "agency")
    result = run("build", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.slow
def test_build_replaces_site_and_leaves_no_temporary_folders(tmp_path: Path) -> None:
    project = _site_copy(tmp_path)
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert run("build", project).returncode == 0
    assert not (project / "site" / "stale.html").exists(), "a build replaces the whole site"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.slow
@pytest.mark.parametrize("breakage", ["content", "mkdocs"])
def test_failed_build_leaves_previous_site_intact(tmp_path: Path, breakage: str) -> None:
    project = _site_copy(tmp_path)
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    if breakage == "content":
        agency = project / "content" / "agency.yaml"
        agency.write_text(agency.read_text(encoding="utf-8").replace("name: ", "nmae: "), encoding="utf-8")
    else:  # content is fine, MkDocs itself fails in strict mode on a broken link in a page
        (project / "pages" / "about.md").write_text("# เกี่ยวกับ\n\n[ลิงก์](missing.md)\n", encoding="utf-8")
    result = run("build", project)
    assert result.returncode == 1
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_export_writes_csv_with_bom_json_and_schema(tmp_path: Path) -> None:
    out = tmp_path / "open-data"
    result = run("export", out, "--project", GOOD)
    assert result.returncode == 0, result.stderr
    raw = (out / "scores.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((out / "scores.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == {"รหัส": "2566/overall", "หน่วยงาน": "องค์การบริหารส่วนตำบลโละจูด", "ปีงบประมาณ (พ.ศ.)": "2566",
                       "รายการ": "overall", "ตัวชี้วัด": "", "ชื่อ": "ภาพรวม", "เครื่องมือ": "", "คะแนน": "99.50",
                       "ระดับผลการประเมิน": "ผ่านดีเยี่ยม"}
    assert rows[4]["ชื่อ"] == "การใช้ทรัพย์สินของราชการ" and rows[4]["คะแนน"] == "99.07"
    measures = list(csv.DictReader((out / "measures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [m["ผู้รับผิดชอบ"] for m in measures] == ["งานบริหารทั่วไป สำนักปลัด อบต."] * 2
    assert measures[0]["วันเริ่มต้น (ค.ศ.)"] == "2023-10-01"
    links = json.loads((out / "measure_weaknesses.json").read_text(encoding="utf-8"))
    assert [(link["measure"], link["weakness"]) for link in links] == [
        ("2567/measures/1-1", "2566/weaknesses/eit-6"), ("2567/measures/1-2", "2566/weaknesses/eit-7")]
    questions = list(csv.DictReader((out / "questions.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [q["รหัส"] for q in questions] == ["2566/questions/eit-6-1", "2566/questions/eit-7-3"]
    assert json.loads((out / "schema" / "content.schema.json").read_text(encoding="utf-8")) == \
        schema.content_schema()
    project = load_project(GOOD / "content", GOOD)
    full = json.loads((out / "ita-data.json").read_text(encoding="utf-8"))
    assert full["assessments"]["2566"]["overall"] == {"score": "99.50", "level": "ผ่านดีเยี่ยม"}
    assert type(project.plans[2567]).model_validate(full["plans"]["2567"]) == project.plans[2567]


def test_export_refuses_content_with_errors(tmp_path: Path) -> None:
    result = run("export", tmp_path / "out", "-p", bad_project("wrong-type", tmp_path))
    assert result.returncode == 1
    assert not (tmp_path / "out").exists()


def test_schema_command_prints_the_packaged_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    printed = json.loads(result.stdout)
    assert set(printed["$defs"]) >= {"Agency", "Assessment", "Plan"}
    assert printed["$defs"]["Assessment"]["additionalProperties"] is False
    packaged = (REPO / "ita_site" / "outputs" / "schema" / "content.schema.json").read_text(encoding="utf-8")
    assert packaged == result.stdout, "regenerate with: ita-site schema > ita_site/outputs/schema/content.schema.json"
    kind = json.loads(run("schema", "--kind", "plan").stdout)
    assert kind["$ref"] == "content.schema.json#/$defs/Plan"
