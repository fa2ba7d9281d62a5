"""The portal's MkDocs side: a generated mkdocs.yml, and a plugin that hands MkDocs the rendered pages.

The portal's pages come from :mod:`ita_site.portal` as plain Markdown; this module only runs MkDocs +
Material over them with what every ita-site site has: Thai interface, self-hosted assets, the same
Content-Security-Policy and Thai search, offline use from ``file://``. The site is built beside the
output folder and swapped in only on success, as for an agency's site.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ita_site.content.findings import ContentError, Finding
from ita_site.plugin.plugin import REQUIRED_EXTENSIONS, escaped_nav, html_text
from ita_site.plugin.settings import collected_log
from ita_site.plugin.staging import MARKER, published_folder, staged
from ita_site.site import csp, search_words, site_assets
from ita_site.site.render import Site

#: The portal's own browser files: the table sorter and its style, beside the site's shared assets.
PORTAL_ASSETS = Path(__file__).resolve().parents[1] / "portal" / "assets"
_SORT_JS = f"{site_assets.SITE_PREFIX}/portal/sort.js"
_PORTAL_CSS = f"{site_assets.SITE_PREFIX}/portal/portal.css"


def portal_config(title: str) -> dict[str, object]:
    """The mkdocs.yml of a portal: the agency sites' theme and plugins, file names instead of folder URLs."""
    return {
        "site_name": title,
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "th", "font": False,
                  "features": ["navigation.indexes", "navigation.prune", "navigation.top", "search.highlight"]},
        "plugins": [{"search": {"separator": site_assets.SEARCH_SEPARATOR}}, {"offline": {"enabled": True}}],
        "markdown_extensions": [*REQUIRED_EXTENSIONS],
        "extra_css": [_PORTAL_CSS],
        "extra_javascript": [_SORT_JS],
    }


class PortalPlugin(BasePlugin):
    """Adds the rendered portal pages, the shared assets and the Thai search to the build."""

    def __init__(self, site: Site, files: dict[str, bytes]) -> None:
        super().__init__()
        self.site = site
        self.files = files

    @event_priority(50)  # before Material's search and offline plugins read the settings adjusted here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.site_name = html_text(config.site_name)
        site_assets.configure(config)
        config.theme.dirs.insert(0, str(site_assets.THEME_DIR))
        config.extra["ita"] = None
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # As for an agency's site: titles reach the theme escaped, and stripping tags keeps them escaped.
        env.filters["striptags"] = lambda value: escape(Markup(str(value)).striptags())
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.site.pages:
            files.append(File.generated(config, page.path, content=page.markdown))
        for path, data in self.files.items():
            files.append(File.generated(config, path, content=data))
        for dest, src in site_assets.asset_files():
            files.append(File.generated(config, dest, abs_src_path=str(src)))
        for src in sorted(PORTAL_ASSETS.iterdir()):
            files.append(File.generated(config, f"{site_assets.SITE_PREFIX}/portal/{src.name}", abs_src_path=str(src)))
        config.nav = escaped_nav(self.site.nav)
        return files

    @event_priority(-100)  # last: the hashes must be of the inline scripts exactly as written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return csp.with_policy(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return csp.with_policy(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search_words.mark_search_index(Path(config.site_dir))
        site_assets.patch_search_worker(Path(config.site_dir))


@dataclass
class PortalBuild:
    """Whether MkDocs built the portal, what it said, and how many pages it wrote."""

    ok: bool
    messages: list[str]
    pages: int = 0


def check_output(out: Path, sources: list[Path]) -> None:
    """Raise ContentError unless ``out`` may be replaced: not a source nor around one, and empty or a built site."""
    target = published_folder(out).resolve()
    for source in sources:
        resolved = source.resolve()
        if resolved.is_relative_to(target) or target.is_relative_to(resolved):
            raise ContentError([Finding("ITA511", str(out), 1, 1, {"site": str(out), "other": str(source),
                                                                   "setting": "SOURCE"})])
    if target.exists() and not (target.is_dir() and ((target / MARKER).is_file() or not any(target.iterdir()))):
        raise ContentError([Finding("ITA512", str(out), 1, 1, {"site": str(out)})])


def build_portal(site: Site, out: Path, *, title: str, files: dict[str, bytes]) -> PortalBuild:
    """Build the portal's pages and ``files`` (site path -> bytes) into ``out`` with MkDocs + Material;
    ``out`` is replaced only on success."""
    out = out.absolute()  # MkDocs reads a relative site_dir from the generated mkdocs.yml's folder
    with tempfile.TemporaryDirectory(prefix="ita-portal-") as work:
        config_file = Path(work) / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(portal_config(title), allow_unicode=True), encoding="utf-8")
        (Path(work) / "docs").mkdir()
        with collected_log("mkdocs", logging.WARNING) as logged:
            try:
                with staged(out) as temporary:
                    config = load_config(str(config_file), site_dir=str(temporary))
                    config.plugins["ita-portal"] = PortalPlugin(site, files)
                    config.strict = True
                    build(config)
            except Exception as exc:  # MkDocs says what failed in its log; the exception adds its own summary
                return PortalBuild(ok=False, messages=logged or [str(exc) or type(exc).__name__])
    pages = sum(1 for path in published_folder(out).rglob("*.html") if path.name != "404.html")
    return PortalBuild(ok=True, messages=list(logged), pages=pages)
