"""``ita-site package``: a deterministic zip of the built site, one folder inside, ready to open from disk."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import REPO, copy_project
from support.harness import build_site

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


@pytest.mark.slow
def test_the_zip_holds_only_what_the_site_loads(tmp_path: Path) -> None:
    """No source maps or unused search languages, at most 60 % of a zip of the whole site folder."""
    project = copy_project(REPO, tmp_path / "agency")
    built = build_site(project, tmp_path)
    assert built.result.returncode == 0, built.output
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w") as archive:
        for path in sorted(p for p in built.site.rglob("*") if p.is_file()):
            archive.write(path, f"site/{path.relative_to(built.site).as_posix()}", zipfile.ZIP_DEFLATED, 9)
    lean = tmp_path / "site.zip"
    result = package("--site-dir", str(built.site), "--output", str(lean), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(lean) as archive:
        names = {name.removeprefix("site/") for name in archive.namelist()}
    assert [n for n in names if n.endswith(".map")] == []
    assert [n for n in names if n.startswith("assets/javascripts/lunr/")] == []  # the index's language is en
    site_files = {p.relative_to(built.site).as_posix() for p in built.site.rglob("*") if p.is_file()}
    pages = {n for n in site_files if n.endswith(".html")}
    worker = next(n for n in site_files if n.startswith("assets/javascripts/workers/") and n.endswith(".js"))
    fonts = {n for n in site_files if n.startswith("assets/ita/fonts/")}
    kept = {worker, "search/search_index.js", "assets/ita/js/iframe-worker/shim.js",
            "assets/ita/js/iframe-worker/inner.js", "assets/ita/js/iframe-worker/LICENSE", "data/datapackage.json"}
    assert pages | fonts | kept <= names, sorted(pages | fonts | kept - names)
    ratio = lean.stat().st_size / whole.stat().st_size
    print(f"zip: whole site {whole.stat().st_size} bytes, lean {lean.stat().st_size} bytes ({ratio:.0%})")
    assert ratio <= 0.6, ratio


def test_the_zip_follows_references_from_file_to_file(tmp_path: Path) -> None:
    """Pages lead to stylesheets, scripts and fonts; the search index's languages to the lunr files they need."""
    from ita_site.outputs.package import loaded_files

    files = {
        "index.html": '<link href="css/site.css"><script src="js/app.js"></script><a href="2566/">ปี</a>'
                      '<a href="files/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8.pdf?v=1&amp;x=2">ประกาศ</a>',
        "files/ประกาศ.pdf": "",
        "2566/index.html": '<img src="../img/chart.svg">',
        "css/site.css": "@font-face{src:url(../fonts/thai.woff2)}", "fonts/thai.woff2": "", "fonts/OFL.txt": "",
        "js/app.js": 'new URL("search/search_index.js",base);//# sourceMappingURL=app.js.map',
        "js/app.js.map": "", "search/search_index.js": "", "img/chart.svg": "", "img/unused.png": "",
        "search/search_index.json": '{"config": {"lang": ["th"]}}',
        "assets/javascripts/lunr/wordcut.js": "", "assets/javascripts/lunr/min/lunr.th.min.js": "",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "", "assets/javascripts/lunr/min/lunr.de.min.js": "",
        "data/datapackage.json": "{}",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    kept = loaded_files(tmp_path, set(files))
    assert set(files) - kept == {"js/app.js.map", "img/unused.png", "search/search_index.json",
                                 "assets/javascripts/lunr/min/lunr.de.min.js"}
