"""``ita-site serve`` on content with errors: the browser shows them, then the site again once they are fixed."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support.harness import ENV, ITA_SITE, changed_copy, replace_in

BROKEN_LINE = ("content/plans/2567.yaml", "fiscal_year: 2567", "fiscal_year: <b>25x7")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _poll(url: str, seconds: float, wanted: str) -> tuple[int, str]:
    """The first answer that contains ``wanted``, asking until ``seconds`` have passed."""
    deadline, answer = time.monotonic() + seconds, (0, "")
    while time.monotonic() < deadline:
        try:
            answer = _get(url)
        except OSError:  # not listening yet
            answer = (0, "")
        if wanted in answer[1]:
            return answer
        time.sleep(0.2)
    return answer


@pytest.mark.slow
def test_serve_shows_the_errors_then_the_site_once_fixed(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "agency", BROKEN_LINE)
    port = _free_port()
    server = subprocess.Popen([*ITA_SITE, "serve", str(project), "-a", f"127.0.0.1:{port}"], env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = time.monotonic()
        status, page = _poll(f"http://127.0.0.1:{port}/any/page/", 5, "content/plans/2567.yaml:1:")
        assert time.monotonic() - started < 5
        assert status == 500 and "เนื้อหามีข้อผิดพลาด" in page
        assert "content/plans/2567.yaml:1:14" in page
        assert "&lt;b&gt;25x7" in page and "<b>" not in page  # content is escaped
        assert "/livereload/" in page  # the page reloads itself when the files change

        replace_in(project / BROKEN_LINE[0], "<b>25x7", "2567")
        status, page = _poll(f"http://127.0.0.1:{port}/", 20, "<nav")
        assert status == 200 and "เนื้อหามีข้อผิดพลาด" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)
