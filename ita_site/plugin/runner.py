"""Run MkDocs in this process, the one way every ita-site command builds or serves a site.

The ``ita`` plugin loads and checks the content inside MkDocs (as for a plain ``mkdocs build``); the
runner reads its findings back as objects, so the command shows them once, in the language asked,
with MkDocs' own messages kept apart. A site is built beside the published one and swapped in only
on success (``staging``), after ``site_guard`` has said it may be replaced.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from ita_site.content.findings import ContentError, Finding
from ita_site.plugin.plugin import ItaPlugin
from ita_site.plugin.settings import Settings, collected_log
from ita_site.plugin.site_guard import check_site_folder
from ita_site.plugin.staging import staged
from ita_site.site.error_page import error_page


@dataclass
class BuildResult:
    """One build: whether it succeeded, the findings of its content, and MkDocs' own warnings and errors."""

    ok: bool
    findings: list[Finding] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    site_dir: Path | None = None
    pages: int = 0
    seconds: float = 0.0


def _run(settings: Settings, config: MkDocsConfig, serve_url: str | None = None) -> BuildResult:
    """Build ``config`` as it is; the plugin's findings come back, never raised and never logged."""
    plugin = config.plugins["ita"]
    assert isinstance(plugin, ItaPlugin)
    plugin.logs_findings = False
    with collected_log("mkdocs", logging.WARNING) as logged:
        try:
            build(config, serve_url=serve_url)
        except Exception as exc:  # MkDocs says what failed in its log; the exception adds its own summary
            stopped_by_content = bool(settings.failing(plugin.findings))
            messages = [] if stopped_by_content else logged or [str(exc) or type(exc).__name__]
            return BuildResult(ok=False, findings=plugin.findings, messages=messages)
    return BuildResult(ok=True, findings=plugin.findings, messages=logged)


class _NotBuilt(Exception):
    """Leaves the staging block without publishing, carrying what the build said."""

    def __init__(self, result: BuildResult):
        super().__init__()
        self.result = result


def build_site(settings: Settings, site_dir: Path | None = None, *, strict: bool = True) -> BuildResult:
    """Build the project's site (or into ``site_dir``), replacing the previous one only on success."""
    start = time.perf_counter()
    site = site_dir.resolve() if site_dir else settings.site_dir
    try:
        check_site_folder(settings, site)
        config = settings.config or settings.mkdocs_config()
        config.strict = strict
        with staged(site) as temporary:
            config.site_dir = str(temporary)
            result = _run(settings, config)
            if not result.ok:
                raise _NotBuilt(result)
    except ContentError as exc:
        result = BuildResult(ok=False, findings=exc.findings)
    except _NotBuilt as failed:
        result = failed.result
    else:
        result.site_dir = site
        result.pages = sum(1 for path in site.rglob("*.html") if path.name != "404.html")
    result.seconds = time.perf_counter() - start
    return result


class _PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, answering every page with the error page while the last build failed.

    The error page carries MkDocs' reload script like any served page, so the browser shows the site again
    by itself once a rebuild succeeds. Its status is 500: the page asked for could not be made, and nothing
    that reads the status (a script, a link checker) takes the error page for the site.
    """

    error_html: str | None = None

    def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        page = self.error_html
        if page is None or environ["PATH_INFO"].startswith("/livereload/"):
            return super().serve_request(environ, start_response)
        with self._epoch_cond:
            epoch = self._visible_epoch
        body = self._inject_js_into_html(page.encode(), epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]


def serve_site(settings: Settings, show: Callable[[BuildResult], None], *, dev_addr: str | None = None,
               strict: bool = False) -> None:
    """Build into a temporary folder and serve it, rebuilding on every change; ``show`` gets each build.

    While the content has errors, every page is the error page (``site/error_page``), which turns back into
    the site once a rebuild succeeds. MkDocs' own progress lines go to the terminal.
    """
    check_site_folder(settings)
    logger = logging.getLogger("mkdocs")
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(console)
    logger.setLevel(logging.INFO)
    with tempfile.TemporaryDirectory(prefix="ita-serve-") as site_dir:
        options = {"site_dir": site_dir, "strict": strict, **({"dev_addr": dev_addr} if dev_addr else {})}
        config = settings.mkdocs_config(**options)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        url = f"http://{host}:{port}{mount_path}"

        server = _PreviewServer(builder=lambda: served(settings.mkdocs_config(**options)), host=host, port=port,
                                root=site_dir, mount_path=mount_path)

        def served(fresh: MkDocsConfig) -> None:
            fresh.site_url = url
            result = _run(settings, fresh, serve_url=url)
            show(result)
            failing = settings.failing(result.findings)
            server.error_html = None if result.ok else error_page(failing or result.findings, result.messages,
                                                                   settings.lang)

        served(config)
        for path in (config.docs_dir, config.config_file_path, *config.watch):
            server.watch(path)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            logger.removeHandler(console)
