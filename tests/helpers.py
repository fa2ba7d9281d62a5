"""Helpers the tests share (a plain module: pytest keeps one name for every conftest.py)."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` as a user runs it, returning what it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site_dir), *extra], cwd=project,
                          capture_output=True, text=True, env=env, timeout=300)


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
