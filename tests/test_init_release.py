"""What a project carries of the ita-site release (``ita-site init``) and how ``ita-site upgrade`` moves it on:
the wheel its workflow installs, that wheel's sha256, the constraints and the workflow; never the agency's
content or settings."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from support.harness import REPO, initialised_project, run_ita_site

WORKFLOW = ".github/workflows/pages.yml"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``ita-site init`` run from outside the source tree, as an agency runs it."""
    return initialised_project(tmp_path_factory.mktemp("init") / "agency")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_wheel_is_complete_and_its_record_matches(project: Path) -> None:
    wheel = next((project / "vendor").glob("*.whl"))
    assert wheel.name == f"ita_site-{version('ita-site')}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        dist_info = f"ita_site-{version('ita-site')}.dist-info"
        record = list(csv.reader(io.StringIO(archive.read(f"{dist_info}/RECORD").decode())))
        for name, digest, size in record:
            if name == f"{dist_info}/RECORD":
                assert (digest, size) == ("", "")
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert (digest, int(size)) == (f"sha256={expected}", len(data)), name
        assert sorted(row[0] for row in record) == sorted(names)
        assert "ita-site = ita_site.cli:main" in archive.read(f"{dist_info}/entry_points.txt").decode()
        assert re.search(r"(?m)^Requires-Dist: icu4py", archive.read(f"{dist_info}/METADATA").decode())
    shipped = {name.removeprefix("ita_site/") for name in names if name.startswith("ita_site/")}
    assert {"__init__.py", "cli/commands.py", "scaffold/.github/workflows/pages.yml",
            "scaffold/constraints.txt", "site/assets/css/ita.css"} <= shipped
    assert not [name for name in shipped if "__pycache__" in name or name.endswith(".pyc")]


def test_wheel_is_the_same_bytes_whichever_folder_ita_site_runs_from(tmp_path: Path) -> None:
    """From the source tree (its egg-info first on the path) and from elsewhere: one release, one sha256."""
    hashes = [subprocess.run([sys.executable, "-c", "from ita_site.cli.wheel import running_wheel; "
                              "print(running_wheel().sha256)"], cwd=cwd, capture_output=True, text=True,
                             check=True).stdout for cwd in (REPO, tmp_path)]
    assert re.fullmatch(r"[0-9a-f]{64}\n", hashes[0]) and hashes[0] == hashes[1]


def test_upgrade_replaces_the_release_and_keeps_the_agency_files(project: Path, tmp_path: Path) -> None:
    older = tmp_path / "agency"
    files = tree(project)
    for name, data in files.items():
        (older / name).parent.mkdir(parents=True, exist_ok=True)
        (older / name).write_bytes(data)
    current = next((older / "vendor").glob("*.whl"))
    previous = older / "vendor" / "ita_site-0.0.9-py3-none-any.whl"
    current.rename(previous)
    workflow = (older / WORKFLOW).read_text(encoding="utf-8")
    (older / WORKFLOW).write_text(workflow.replace(current.name, previous.name), encoding="utf-8")
    (older / "constraints.txt").write_text("mkdocs==1.6.0\n", encoding="utf-8")
    (older / "content" / "agency.yaml").write_text(files["content/agency.yaml"].decode() + "# แก้โดยหน่วยงาน\n",
                                                   encoding="utf-8")
    (older / "mkdocs.yml").write_text(files["mkdocs.yml"].decode() + "site_url: https://ita.example.go.th/\n",
                                      encoding="utf-8")
    agency_files = {name: data for name, data in tree(older).items()
                    if name.startswith(("content/", "pages/")) or name in ("mkdocs.yml", ".gitignore")}

    result = run_ita_site("upgrade", older)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"แทนที่ {WORKFLOW}", "แทนที่ constraints.txt", f"เพิ่ม vendor/{current.name}",
        f"ลบ vendor/{previous.name}",
        f"ย้ายโครงการไปใช้ ita-site {version('ita-site')} แล้ว ไม่ได้แก้ content/ pages/ และ mkdocs.yml "
        "ตรวจความเปลี่ยนแปลงด้วย git diff แล้ว commit ทั้งหมด"]
    upgraded = tree(older)
    assert {name: upgraded[name] for name in agency_files} == agency_files
    assert sorted(set(upgraded) - set(agency_files)) == sorted(set(files) - set(agency_files))
    env = yaml.safe_load(upgraded[WORKFLOW])["env"]
    assert env["ITA_SITE_WHEEL"] == f"vendor/{current.name}"
    assert hashlib.sha256(upgraded[env["ITA_SITE_WHEEL"]]).hexdigest() == env["ITA_SITE_SHA256"]
    assert upgraded["constraints.txt"] == files["constraints.txt"]

    again = run_ita_site("upgrade", older)
    assert (again.returncode, again.stdout) == (0, f"โครงการใช้ ita-site {version('ita-site')} อยู่แล้ว ไม่มีไฟล์ใดเปลี่ยน\n")
    assert tree(older) == upgraded


def test_upgrade_refuses_a_folder_that_is_not_a_project(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = run_ita_site("upgrade", tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}:1:1: error ITA521: " in result.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]

