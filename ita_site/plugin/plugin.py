"""The MkDocs adapter: the only module that imports MkDocs.

It loads and checks the content, asks the renderer for pages, and hands them to MkDocs as
generated files with a generated navigation. Content errors stop the build with located
messages instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ita_site.checks import checked_project
from ita_site.content import thai
from ita_site.content.addresses import OPEN_DATA_DIR, SHARE_IMAGE_PATH, plan_path, weakness_index_path
from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Finding, Level, sort_findings
from ita_site.content.load import refusal
from ita_site.content.project import Project
from ita_site.outputs import export as open_data
from ita_site.site import csp, search_words, sharing, site_assets
from ita_site.site.render import NavEntry, Site, render_site

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "toc", "ita_site.site.phone_tables")


class ItaConfig(Config):
    content_dir = c.Type(str, default="content")
    today = c.Optional(c.Type(str))
    fail_on = c.Choice(("error", "warning"), default="error")
    lang = c.Choice(("th", "en"), default="th")
    site_name_from_agency = c.Type(bool, default=True)
    #: Thai word search: word boundaries marked in the search index, Thai queries split into its words.
    thai_search = c.Type(bool, default=True)


def html_text(text: str) -> Markup:
    """Content text as one line of HTML text, escaped once: MkDocs and Material print titles and the site
    name as HTML."""
    return escape(" ".join(text.split()))


def escaped_nav(nav: list[NavEntry]) -> list[NavEntry]:
    """The generated navigation with every title escaped for the theme; page paths unchanged."""
    return [{html_text(title): escaped_nav(value) if isinstance(value, list) else value
             for title, value in entry.items()} if isinstance(entry, dict) else entry for entry in nav]


class ItaPlugin(BasePlugin[ItaConfig]):
    """Adds the agency's generated disclosure pages to an MkDocs + Material site."""

    def __init__(self) -> None:
        self.project: Project | None = None
        self.today: dt.date | None = None
        self.site: Site | None = None
        #: What the last build found, for whoever runs MkDocs in-process (see ``plugin/runner.py``).
        self.findings: list[Finding] = []
        #: False when the one running MkDocs shows the findings itself, so they are not logged twice.
        self.logs_findings = True

    @event_priority(50)  # before Material's search and offline plugins read the settings we adjust
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        content_dir = (root / self.config.content_dir).resolve()
        config.watch.append(str(content_dir))
        try:
            today = reference_date(self.config.today)
        except ValueError as exc:
            raise PluginError(f"ita: today: {exc} (ใช้รูปแบบ YYYY-MM-DD)") from None
        try:
            project, self.findings = checked_project(content_dir, root.resolve(), today)
        except ContentError as exc:
            self.findings = exc.findings
            raise PluginError(self._report(exc.findings)) from None
        if not config.site_url:  # MkDocs then links the 404 page from the host's root
            self.findings = sort_findings([*self.findings, Finding("ITA520", Path(config.config_file_path).name)])
        self._log(self.findings)
        threshold = {Level.ERROR} if self.config.fail_on == "error" else {Level.ERROR, Level.WARNING}
        if any(f.level in threshold for f in self.findings):
            raise PluginError(self._report([f for f in self.findings if f.level in threshold]))
        self.project, self.today = project, today
        self.site = render_site(project, today, open_data=True)  # written into the site by on_post_build
        if self.config.site_name_from_agency:
            config.site_name = html_text(project.agency.name)
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        site_assets.configure(config)
        self._check_separator(site_assets.search_separator(config))
        self._add_theme_dir(config)
        config.extra["ita"] = self._footer(project)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Material prints titles and the site name without escaping, and strips tags from page titles
        # with Jinja's striptags, which also unescapes them: "&lt;/title&gt;" would close <title>.
        # Titles reach the theme escaped (html_text), and stripping tags keeps them escaped.
        env.filters["striptags"] = lambda value: escape(Markup(str(value)).striptags())
        return env

    def _check_separator(self, separator: str | None) -> None:
        """Warn when the agency's own search separator would hide the Thai words marked in the index."""
        if not self.config.thai_search or separator is None or search_words.separates_words(separator):
            return
        if self.config.lang == "th":
            log.warning(f"ita: search separator {separator!r} ไม่แบ่งคำที่ U+200B จึงค้นหาคำภาษาไทยไม่พบ "
                        "(ลบ separator ออกจาก mkdocs.yml หรือเพิ่ม \\u200b เข้าไป)")
        else:
            log.warning(f"ita: search separator {separator!r} does not split at U+200B, so Thai words cannot be "
                        "found (remove separator from mkdocs.yml, or add \\u200b to it)")

    @staticmethod
    def _add_theme_dir(config: MkDocsConfig) -> None:
        """Our footer and Thai strings sit after the agency's custom_dir, so the agency can still override them."""
        dirs = config.theme.dirs
        if str(site_assets.THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(site_assets.THEME_DIR))

    def _report(self, findings: list[Finding]) -> str:
        lines = [f.format(self.config.lang) for f in findings] if self.logs_findings else []
        head = "ita: เนื้อหามีข้อผิดพลาด แก้ไขแล้วสร้างเว็บไซต์ใหม่" if self.config.lang == "th" \
            else "ita: the content has errors; fix them and build again"
        return "\n".join([head, *lines])

    def _log(self, findings: list[Finding]) -> None:
        for finding in findings:
            if finding.level is not Level.ERROR and self.logs_findings:
                log.info(finding.format(self.config.lang))

    def _footer(self, project: Project) -> dict[str, object]:
        agency = project.agency
        digits = agency.digits
        return {
            "name": agency.name,
            "address": thai.digits(agency.contact.address or f"อำเภอ{agency.district} จังหวัด{agency.province}",
                                   digits),
            "phone": thai.digits(agency.contact.phone, digits) if agency.contact.phone else None,
            "email": agency.contact.email,
            "website": agency.website,
            "latest_year": thai.fiscal_year_label(max(project.years), digits) if project.years else None,
            "updated": thai.format_date(agency.updated, digits) if agency.updated else None,
        }

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None and self.project is not None
        docs_dir = Path(config.docs_dir).resolve()
        self._refuse_unsafe_sources(files, config.docs_dir, Path(config.config_file_path).parent)
        for page in self.site.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None and not existing.generated_by:
                raise PluginError(f"ita: {page.path} มีอยู่แล้วใน docs_dir และชนกับหน้าที่สร้างจากเนื้อหา "
                                  f"(เปลี่ยนชื่อหรือลบไฟล์นั้น) / {page.path} in docs_dir clashes with a generated page")
            generated = File.generated(config, page.path, content=page.markdown)
            source = (self.project.root / page.source).resolve()
            generated.edit_uri = posixpath.relpath(source.as_posix(), docs_dir.as_posix())
            files.append(generated)
        for dest, src in site_assets.asset_files():
            files.append(File.generated(config, dest, abs_src_path=str(src)))
        for dest, src in self.project.attachments.items():  # same path as under content/: a permanent address
            files.append(File.generated(config, dest, abs_src_path=str(src)))
        files.append(File.generated(config, SHARE_IMAGE_PATH, content=sharing.share_image(self.project)))
        if config.nav is None:
            own = sorted(f.src_uri for f in files.documentation_pages() if not f.generated_by)
            config.nav = [*escaped_nav(self.site.nav), *own]
        config.extra["ita_search"] = {"digits": self.project.agency.digits, "onward": self._search_onward(files)}
        return files

    def _search_onward(self, files: Files) -> list[dict[str, str]]:
        """Where the search box points a reader it found nothing for: the latest weaknesses and measures."""
        assert self.site is not None and self.project is not None
        paths = [weakness_index_path(max(self.project.assessments))] if self.project.assessments else []
        paths += [plan_path(max(self.project.plans))] if self.project.plans else []
        links = []
        for path in paths:
            page, file = self.site.page_at(path), files.get_file_from_path(path)
            if page is not None and file is not None:
                links.append({"title": thai.digits(page.title, self.project.agency.digits), "url": file.url})
        return links

    def _refuse_unsafe_sources(self, files: Files, docs_dir: str, root: Path) -> None:
        """Stop the build on a symlink in docs_dir that leads out of it (MkDocs would publish its target) or on a
        name that is not a regular file, naming each one."""
        findings = []
        for file in files:
            if file.generated_by or file.src_dir != docs_dir or file.abs_src_path is None:  # theme files come later
                continue
            shown = Path(os.path.relpath(file.abs_src_path, root)).as_posix()
            problem = refusal(Path(file.abs_src_path), shown, (Path(docs_dir).resolve(),))
            if problem is not None:
                findings.append(Finding(problem[0], shown, 1, 1, problem[1]))
        if findings:
            self.findings = sort_findings([*self.findings, *findings])
            raise PluginError(self._report(findings))

    @event_priority(-100)  # last: the hashes must be of the inline scripts exactly as written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        fonts = get_relative_url(f"{site_assets.SITE_PREFIX}/fonts", page.url)
        return _ready_to_paint(site_assets.with_inline_stylesheet(self._with_share_tags(output, page, config), fonts),
                               fonts)

    def _with_share_tags(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page's description (unless the theme already gives one) and Open Graph tags."""
        assert self.site is not None
        site_name = Markup(config.site_name).striptags()  # plain text: head_tags escapes it once
        generated = self.site.page_at(page.file.src_uri)
        title = generated.title if generated else Markup(page.title or site_name).striptags()
        description = generated.description if generated else f"{title} · {site_name}"
        image = get_relative_url(SHARE_IMAGE_PATH, page.url)
        if config.site_url:
            image = urljoin(config.site_url, SHARE_IMAGE_PATH)
        tags = sharing.head_tags(title=title, description=description, site_name=site_name,
                                 image_url=image, page_url=page.canonical_url,
                                 with_description='<meta name="description"' not in output)
        return output.replace("</head>", tags + Markup("</head>"), 1)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        # the 404 page keeps its stylesheet link: its addresses depend on where the host shows it
        return _ready_to_paint(output_content, None)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.project is not None and self.today is not None
        # The open data beside the pages, on the pages' date: the same bytes as ``ita-site export``.
        open_data.export(self.project, Path(config.site_dir) / OPEN_DATA_DIR, self.today)
        # Runs after Material's search plugin writes the index, before its offline plugin copies it.
        if self.config.thai_search:
            search_words.mark_search_index(Path(config.site_dir))
            site_assets.patch_search_worker(Path(config.site_dir))


def _ready_to_paint(output: str, fonts_url: str | None) -> str:
    """A page's scripts as its first paint needs them: the font loader, Material's script deferred, the worker
    shim only on file://, then the Content-Security-Policy hashing the inline scripts as finally written."""
    output = site_assets.with_deferred_scripts(site_assets.with_font_loader(output, fonts_url))
    return csp.with_policy(site_assets.shim_only_on_file(output))
