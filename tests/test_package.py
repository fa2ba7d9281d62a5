"""``ita-site package``: a deterministic zip of the built site, one folder inside, ready to open from disk."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import REPO, copy_project

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def package(*args: str, epoch: int | None = EPOCH, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return subprocess.run([sys.executable, "-m", "ita_site", "package", *args], capture_output=True, text=True,
                          env=env, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(REPO, tmp_path_factory.mktemp("package") / "agency")


@pytest.fixture(scope="module")
def two_zips(project: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project packaged twice, each time built from scratch."""
    out = tmp_path_factory.mktemp("zips")
    zips = (out / "one" / "ita-lohjood.zip", out / "two" / "ita-lohjood.zip")
    for target in zips:
        result = package(str(project), "--output", str(target), cwd=out)
        assert result.returncode == 0, result.stdout + result.stderr
        assert str(target) in result.stdout
    return zips


@pytest.mark.slow
def test_zip_holds_the_site_in_one_folder(two_zips: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(two_zips[0]) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {name.split("/")[0] for name in names} == {"ita-lohjood"}
        for needed in ("index.html", "search/search_index.js", "2566/index.html", "assets/ita/css/ita.css"):
            assert f"ita-lohjood/{needed}" in names
        assert "องค์การบริหารส่วนตำบลโละจูด" in archive.read("ita-lohjood/index.html").decode("utf-8")
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert archive.testzip() is None


@pytest.mark.slow
def test_packaging_twice_gives_the_same_bytes(two_zips: tuple[Path, Path]) -> None:
    one, two = two_zips
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.slow
def test_an_existing_site_is_zipped_without_building(two_zips: tuple[Path, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(two_zips[0]) as archive:
        archive.extractall(tmp_path / "extracted")
    site = tmp_path / "extracted" / "ita-lohjood"
    target = tmp_path / "again.zip"
    result = package("--site-dir", str(site), "--output", str(target), "--lang", "en", epoch=None, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "open again/index.html" in result.stdout
    with zipfile.ZipFile(target) as archive:
        infos = archive.infolist()
        assert [i.filename.removeprefix("again/") for i in infos] == \
            sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}  # no SOURCE_DATE_EPOCH: the zip epoch
        assert archive.read("again/index.html") == (site / "index.html").read_bytes()


def test_broken_content_writes_no_zip(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "agency")
    plan = project / "content" / "plans" / "2567.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("fiscal_year: 2567", "fiscal_year: สองห้าหกเจ็ด"),
                    encoding="utf-8")
    result = package(str(project), "--output", str(tmp_path / "site.zip"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{project}/content/plans/2567.yaml:" in result.stderr
    assert "fiscal_year" in result.stderr
    assert not (tmp_path / "site.zip").exists()


def test_an_output_outside_the_project_and_here_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "agency"
    (project / "site").mkdir(parents=True)
    (project / "site" / "index.html").write_text("site", encoding="utf-8")
    result = package("--site-dir", "site", "-o", "../x.zip", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "--output" in result.stderr and "นอกโฟลเดอร์โครงการ" in result.stderr
    assert not (tmp_path / "x.zip").exists()


def test_links_out_of_the_site_and_the_build_marker_stay_out_of_the_zip(tmp_path: Path) -> None:
    from ita_site.plugin.staging import MARKER

    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("site", encoding="utf-8")
    (site / MARKER).write_text("", encoding="utf-8")
    (site / "leak.txt").symlink_to(secret)
    (site / "assets" / "outside").symlink_to(tmp_path)
    result = package("--site-dir", str(site), "-o", str(tmp_path / "out.zip"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.namelist() == ["out/index.html"]
    assert "leak.txt" in result.stderr and "assets/outside" in result.stderr
