"""Using a project as staff do: copy it, change a line, build its site, run ``ita-site`` on it.

Every test that builds a site or runs the command goes through here, so that each runs them the same
way: MkDocs in strict mode into a folder of the test's own, the command as a separate program (or in
this process, where a test must patch it), never with a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from click.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[2]
#: The small good project every broken case starts from.
GOOD = REPO / "tests" / "fixtures" / "good" / "lohjood"
#: The environment a user's shell gives the command (without MkDocs' notice about its next version).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MKDOCS = [sys.executable, "-m", "mkdocs"]
ITA_SITE = [sys.executable, "-m", "ita_site"]


def copy_project(source: Path, dest: Path) -> Path:
    """A throwaway copy of an agency project (mkdocs.yml, pages/, content/ and theme overrides)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "pages", "content", "theme_overrides"):
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def replace_in(path: Path, old: str, new: str, count: int = 1) -> Path:
    """Replace ``old`` in a text file, failing when it is not there (a test must change what it means to)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def changed_copy(dest: Path, *changes: tuple[str, str, str], source: Path = GOOD) -> Path:
    """A copy of ``source`` (the small good project) with ``(file, old, new)`` replacements applied."""
    project = shutil.copytree(source, dest)
    for name, old, new in changes:
        replace_in(project / name, old, new)
    return project


#: A municipality with a tone mark in its name, as a second agency's staff met the product.
MUNICIPALITY = "เทศบาลตำบลท่าเดื่อ-มืดกา"


def scaffold_municipality(root: Path) -> Path:
    """``ita-site init --year 2568`` made the municipality's own: its name, short form, alias and type."""
    assert run_ita_site("init", "--year", "2568", root).returncode == 0
    agency = root / "content" / "agency.yaml"
    replace_in(agency, "name: องค์การบริหารส่วนตำบลตัวอย่าง", f"name: {MUNICIPALITY}")
    replace_in(agency, "short_name: อบต.ตัวอย่าง", "short_name: ทต.ท่าเดื่อ-มืดกา")
    replace_in(agency, "  - อบต.ตัวอย่าง", "  - ทต.ท่าเดื่อ-มืดกา")
    replace_in(agency, "type: องค์การบริหารส่วนตำบล", "type: เทศบาลตำบล")
    return root


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` as a user runs it, returning what it printed."""
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site_dir), *extra], cwd=project,
                          capture_output=True, text=True, env=ENV, timeout=300)


@dataclass(frozen=True)
class Build:
    """What a strict MkDocs build printed, and the folder it wrote the site to."""

    result: subprocess.CompletedProcess[str]
    site: Path

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr


def build_site(project: Path, work: Path) -> Build:
    """Build ``project`` strictly into ``work/site``."""
    site = work / "site"
    return Build(run_mkdocs_build(project, site), site)


def built_site(project: Path, work: Path) -> Path:
    """``project`` built strictly into ``work/site``, for tests that read a site that must build."""
    build = build_site(project, work)
    assert build.result.returncode == 0, build.output
    return build.site


def initialised_project(target: Path) -> Path:
    """A project made by ``ita-site init TARGET``, as an agency starts one."""
    result = run_ita_site("init", target, cwd=target.parent, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def run_ita_site(*args: str | Path, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``ita-site ARGS`` as a separate program, as staff run it; it never shows a traceback."""
    result = subprocess.run([*ITA_SITE, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=ENV,
                            timeout=timeout)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def invoke_ita_site(*args: str | Path) -> Result:
    """``ita-site ARGS`` in this process, for tests that patch what it calls; it never shows a traceback."""
    from ita_site.cli.commands import main  # here, so that copying and building need no working command

    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output, result.output
    return result


def located(check_json: str) -> list[str]:
    """``file:line:column: level CODE`` of each error and warning in ``ita-site check --format json`` output."""
    return [f"{f['file']}:{f['line']}:{f['column']}: {f['level']} {f['code']}"
            for f in json.loads(check_json)["findings"] if f["level"] != "info"]


def located_errors(check_json: str) -> list[tuple[str, int, int, str]]:
    """``(file, line, column, code)`` of each error in ``ita-site check --format json`` output."""
    return [(f["file"], f["line"], f["column"], f["code"]) for f in json.loads(check_json)["findings"]
            if f["level"] == "error"]


@contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """Serve with ``handler`` on a free port of 127.0.0.1 (over TLS given a server context), in the background;
    yield ``http://127.0.0.1:PORT/`` (``https://`` with TLS)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
