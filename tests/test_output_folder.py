"""Where a site may be written: a build never replaces the project, its pages or its content, and a
published site is readable by a web server, whole at every instant, and only ever the build's own."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ita_site.plugin.staging import MARKER, staged, swap_into_place
from support.harness import GOOD, invoke_ita_site


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder), links as their target."""
    return {p.relative_to(folder).as_posix(): (os.readlink(p).encode() if p.is_symlink() else
                                               None if p.is_dir() else p.read_bytes())
            for p in folder.rglob("*")}


def line_of(config: Path, key: str) -> int:
    return next(i for i, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith(f"{key}:"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return shutil.copytree(GOOD, tmp_path / "agency")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def set_site_dir(project: Path, value: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site\n", f"site_dir: {value}\n"),
                      encoding="utf-8")


@pytest.mark.parametrize("site_dir", ["content", ".", "pages", "theme", "content/files"])
@pytest.mark.parametrize("command", ["build", "build-many"])
def test_a_site_folder_over_the_project_is_refused_and_nothing_moves(project: Path, site_dir: str,
                                                                      command: str) -> None:
    (project / "theme").mkdir()
    (project / "theme" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    set_site_dir(project, site_dir)
    before = snapshot(project.parent)
    result = invoke_ita_site(command, project)
    assert result.exit_code == 1, result.output
    located = f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'site_dir')}:1: error ITA5"
    assert located in result.output
    assert "site_dir" in result.output
    assert snapshot(project.parent) == before


def test_a_site_folder_of_someone_elses_files_is_refused(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / "report.pdf").write_bytes(b"%PDF-1.4 not ours")
    before = snapshot(project.parent)
    result = invoke_ita_site("build", project)
    assert result.exit_code == 1, result.output
    assert f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'site_dir')}:1: error ITA5" in result.output
    assert snapshot(project.parent) == before


def test_a_build_replaces_its_own_site_and_leaves_a_readable_one(project: Path, umask_022: None) -> None:
    assert invoke_ita_site("build", project).exit_code == 0
    assert (project / "site" / MARKER).is_file()
    assert invoke_ita_site("build", project).exit_code == 0, "the second build recognises its own site"
    site = project / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()} == {0o644}
    assert {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_dir()} == {0o755}


def test_staging_folders_of_a_killed_build_are_removed(project: Path) -> None:
    for name in (".site.new-k1ll3d", ".site.old-k1ll3d"):
        (project / name / "assets").mkdir(parents=True)
        (project / name / "index.html").write_text("half", encoding="utf-8")
    assert invoke_ita_site("build", project).exit_code == 0
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.slow
def test_a_second_build_of_a_site_waits_for_the_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    second = [sys.executable, "-c", "import sys; from pathlib import Path; from ita_site.plugin.staging import staged\n"
              "with staged(Path(sys.argv[1])) as folder: (folder / 'index.html').write_text('second')", str(site)]
    with staged(site) as folder:
        (folder / "index.html").write_text("first", encoding="utf-8")
        waiting = subprocess.Popen(second)
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=2)
        assert (folder / "index.html").is_file(), "the second build leaves the first one's folder alone"
    assert waiting.wait(timeout=60) == 0
    assert (site / "index.html").read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


class Killed(BaseException):
    pass


def test_a_build_killed_while_swapping_leaves_a_site_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, built = tmp_path / "site", tmp_path / ".site.new-x"
    for folder, text in ((site, "old"), (built, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")

    def killed(*args: object, **kwargs: object) -> None:
        raise Killed

    rename = Path.rename
    monkeypatch.setattr(Path, "rename", lambda self, to: (monkeypatch.setattr(Path, "rename", killed),
                                                          rename(self, to))[1])
    monkeypatch.setattr(shutil, "rmtree", killed)  # killed at the first step after the swap
    with pytest.raises(Killed):
        swap_into_place(built, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"


@pytest.mark.slow
def test_a_symlinked_site_updates_its_target_and_keeps_the_link(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "www" / "ita"
    target.mkdir(parents=True)
    (project / "site").symlink_to(target)
    for _ in range(2):
        result = invoke_ita_site("build", project)
        assert result.exit_code == 0, result.output
    assert (project / "site").is_symlink() and os.readlink(project / "site") == str(target)
    assert (target / "index.html").is_file() and (target / MARKER).is_file()
    assert sum(str(target) in line for line in result.output.splitlines()) == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["ita"]


def test_a_project_without_the_ita_plugin_is_refused(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - ita:\n      content_dir: content\n", ""),
                      encoding="utf-8")
    result = invoke_ita_site("build", project)
    assert result.exit_code == 1, result.output
    assert f"mkdocs.yml:{line_of(config, 'plugins')}:1: error ITA5" in result.output
    assert "- ita" in result.output
    assert not (project / "site").exists()
