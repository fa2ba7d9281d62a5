"""Reading what staff put in the project is safe: no file hangs ``ita-site check`` or fills the memory, no symlink
publishes what it leads to outside the project, and each such file gets a located finding that names the problem.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import time
from pathlib import Path

import pytest

from support.cases import bad_project
from support.harness import changed_copy, invoke_ita_site, located_errors, run_ita_site, run_mkdocs_build

ASSESSMENT = "content/assessments/2566.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return changed_copy(tmp_path / "project")


def _check(project: Path, lang: str = "th") -> tuple[list[tuple[str, int, int, str]], str]:
    """The errors of ``ita-site check``, and its text output in ``lang``."""
    located = invoke_ita_site("check", "--format", "json", project)
    text = invoke_ita_site("check", "--lang", lang, project)
    assert located.exit_code == text.exit_code == 1, located.output
    return located_errors(located.output), text.output


def _replace(path: Path) -> Path:
    """Remove a content file so a test can put something else under its name."""
    path.unlink()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_file_that_never_ends_is_refused_without_reading_it(project: Path, kind: str) -> None:
    """A symlink to /dev/zero used to fill the memory and a FIFO to hang the check forever."""
    target = _replace(project / ASSESSMENT)
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    started = time.monotonic()
    result = run_ita_site("check", "--format", "json", "--lang", "en", project, timeout=60)
    print(f"ita-site check with a {kind} as {ASSESSMENT}: {time.monotonic() - started:.2f} s")
    assert result.returncode == 1, result.stdout + result.stderr
    code, words = ("ITA020", "/dev/zero") if kind == "dev-zero" else ("ITA018", "not a regular file but a FIFO")
    assert located_errors(result.stdout) == [(ASSESSMENT, 1, 1, code)]
    assert words in result.stdout


def _unix_socket(path: Path) -> None:
    """Bind a socket at ``path`` (through a relative name: socket paths are limited to about 100 bytes)."""
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(path.name)
    finally:
        os.chdir(here)


@pytest.mark.parametrize(("kind", "word"), [("folder", "folder"), ("socket", "socket"), ("device", "device")])
def test_a_content_name_that_is_not_a_regular_file_says_what_it_is(project: Path, kind: str, word: str) -> None:
    target = _replace(project / ASSESSMENT)
    if kind == "folder":
        target.mkdir()
    elif kind == "socket":
        _unix_socket(target)
    else:
        try:
            os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # what /dev/zero is
        except PermissionError:
            pytest.skip("creating a device needs root")
    errors, text = _check(project, "en")
    assert errors == [(ASSESSMENT, 1, 1, "ITA018")]
    assert f"not a regular file but a {word}" in text


def test_every_unreadable_file_is_reported_in_one_run(project: Path) -> None:
    """A folder named like a content file, a dangling symlink, a symlink out of the project and a UTF-16 file,
    all in one project: each is named at its place, none stops the others from being reported."""
    outside = project.parent / "elsewhere.yaml"
    outside.write_text("secret: อยู่นอกโครงการ\n", encoding="utf-8")
    (project / "content" / "plans" / "x.yaml").mkdir()
    (project / "content" / "plans" / "2568.yaml").symlink_to(project / "gone.yaml")
    (project / "content" / "plans" / "2569.yaml").symlink_to(outside)
    agency = project / "content" / "agency.yaml"
    agency.write_bytes(agency.read_text(encoding="utf-8").encode("utf-16"))
    errors, text = _check(project)
    assert errors == [("content/agency.yaml", 1, 1, "ITA022"), ("content/plans/2568.yaml", 1, 1, "ITA019"),
                      ("content/plans/2569.yaml", 1, 1, "ITA020"), ("content/plans/x.yaml", 1, 1, "ITA018")]
    assert "โฟลเดอร์" in text and "symlink" in text and str(outside) in text
    assert "อยู่นอกโครงการ" not in text


def test_a_symlink_that_stays_inside_the_project_is_read(project: Path) -> None:
    drafts = project / "drafts"
    drafts.mkdir()
    shutil.move(project / ASSESSMENT, drafts / "2566.yaml")
    (project / ASSESSMENT).symlink_to(Path("..", "..", "drafts", "2566.yaml"))
    assert located_errors(invoke_ita_site("check", "--format", "json", project).output) == []


def test_a_file_the_user_may_not_read_is_named(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, who reads any file: open() is made to fail the way it does for staff without the right."""
    target = project / ASSESSMENT
    target.chmod(0)
    real_open = os.open

    def guarded_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: object) -> int:
        if Path(path).resolve() == target.resolve():
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    errors, text = _check(project)
    assert errors == [(ASSESSMENT, 1, 1, "ITA021")]
    assert "Permission denied" in text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16-le+bom", "utf-16-be+bom"])
def test_a_utf16_file_is_named_as_utf16_with_its_fix(project: Path, encoding: str) -> None:
    """Notepad's "Unicode" is UTF-16; it used to be called a binary file."""
    target = project / ASSESSMENT
    name, _, bom = encoding.partition("+")
    raw = target.read_text(encoding="utf-8").encode(name)
    target.write_bytes(("\ufeff".encode(name) if bom else b"") + raw)
    errors, text = _check(project)
    assert errors == [(ASSESSMENT, 1, 1, "ITA022")]
    assert "UTF-16" in text and "UTF-8" in text and "ไม่ใช่ข้อความ" not in text


def test_an_attachment_that_is_a_symlink_out_of_the_project_is_not_published(tmp_path: Path) -> None:
    project = bad_project("path-traversal", tmp_path)
    plan = project / "content" / "plans" / "2567.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("files/../../../etc/passwd", "files/form.pdf"),
                    encoding="utf-8")
    (project / "content" / "files").mkdir(exist_ok=True)
    (project / "content" / "files" / "form.pdf").symlink_to("/etc/passwd")
    errors, text = _check(project)
    assert errors == [("content/plans/2567.yaml", 39, 19, "ITA020")]
    assert "/etc/passwd" in text


def test_a_symlink_in_pages_to_a_file_outside_does_not_reach_the_site(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("ความลับนอกโครงการ\n", encoding="utf-8")
    (project / "pages" / "secret.md").symlink_to(outside)
    (project / "pages" / "secret.txt").symlink_to(outside)
    (project / "pages" / "about-us.md").symlink_to("about.md")  # stays inside pages/: allowed
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert [line.split(": ")[0] for line in output.splitlines() if ": error ITA" in line] == \
        ["pages/secret.md:1:1", "pages/secret.txt:1:1"]
    assert str(outside) in output
    published = [p for p in site.rglob("*") if p.is_file()] if site.exists() else []
    assert not any("ความลับนอกโครงการ" in p.read_text(encoding="utf-8", errors="replace") for p in published)
