"""Render a portal's figures into Markdown pages and a navigation tree, written nowhere.

Like the agency site's renderer, this imports nothing from MkDocs. Tables a reader may sort are HTML
(``data-ita-sort``) with each cell's sort key in ``data-sort``; the portal's own small script sorts them,
and without it they read in a sensible order. Every value printed is escaped by the environment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ita_site.content import thai
from ita_site.content.findings import Finding
from ita_site.content.thai import fiscal_year_of
from ita_site.portal.figures import (
    GROUP_KINDS,
    AgencyFigures,
    Group,
    attention,
    groups,
    most_improved,
    most_lacked_oit,
    year_summaries,
)
from ita_site.site.render import NavEntry, Page, Site, escape_md

HOME_PATH = "index.md"
ATTENTION_PATH = "attention.md"
GROUPS_PATH = "groups/index.md"
STATUS_PATH = "status.md"


def agency_path(agency: AgencyFigures) -> str:
    return f"agencies/{agency.id}.md"


def group_path(group: Group) -> str:
    """A stable address from the group's kind and name (Thai names make poor file names)."""
    digest = hashlib.sha256(group.name.encode("utf-8")).hexdigest()[:10]
    return f"groups/{group.kind}-{digest}.md"


@dataclass(frozen=True)
class FailedSource:
    """A source left out, as the status page lists it."""

    source: str
    findings: tuple[Finding, ...]


class PortalRenderer:
    """The Jinja2 environment of the portal's templates and the page being rendered (for relative links)."""

    def __init__(self, digits: str) -> None:
        self._digits = digits
        self._current = HOME_PATH
        env = Environment(loader=PackageLoader("ita_site.portal", "templates"), undefined=StrictUndefined,
                          finalize=self._finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                          autoescape=True)
        env.filters.update(
            score=lambda v: Markup(thai.format_score(v, digits)) if v is not None else Markup("–"),
            change=self._change, num=lambda v: Markup(thai.digits(str(v), digits)),
            date=lambda v: Markup(thai.format_date(v, digits)),
            sort_key=lambda v: Markup("" if v is None else escape_md(str(v))),  # ASCII digits, for the sorter
            code=lambda v: Markup(escape_md(v)),
        )
        env.globals.update(href=self._href, link=self._link, agency_path=agency_path, group_path=group_path,
                           GROUP_KINDS=GROUP_KINDS, GROUPS_PATH=GROUPS_PATH, STATUS_PATH=STATUS_PATH)
        self.env = env

    def _finalize(self, value: Any) -> Markup:
        if value is None:
            return Markup("")
        if isinstance(value, Markup):
            return value
        return Markup(escape_md(thai.digits(str(value), self._digits)))

    def _change(self, value: Decimal | None) -> Markup:
        if value is None:
            return Markup("–")
        sign = "+" if value > 0 else "−" if value < 0 else "±"
        return Markup(sign + thai.format_score(abs(value), self._digits))

    def _relative(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self._current) or ".")

    def _href(self, target: str) -> Markup:
        """The built page's address from the current one, for links inside HTML (MkDocs rewrites only Markdown)."""
        return Markup(escape_md(self._relative(target).removesuffix(".md") + ".html"))

    def _link(self, target: str, text: Any) -> Markup:
        return Markup(f"[{self._finalize(text)}]({self._relative(target)})")

    def page(self, path: str, template: str, title: str, **context: Any) -> Page:
        self._current = path
        markdown = self.env.get_template(template).render(page_path=path, title=title, **context)
        return Page(path=path, title=title, markdown=markdown, source="")


def render_portal(agencies: list[AgencyFigures], failed: list[FailedSource], *, title: str, today: dt.date,
                  digits: str = "thai") -> Site:
    """Every page of the portal and its navigation."""
    renderer = PortalRenderer(digits)
    ordered = sorted(agencies, key=lambda a: (a.name, a.id))
    found = groups(ordered)
    of_agency: dict[str, list[Group]] = {}
    for group in found:
        for agency in group.agencies:
            of_agency.setdefault(agency.id, []).append(group)
    common = {"today": today, "current_year": fiscal_year_of(today), "failed": failed, "agencies": ordered}
    pages = [
        renderer.page(HOME_PATH, "overview.md.j2", title, years=year_summaries(ordered), groups=found,
                      improved=most_improved(ordered), lacked=most_lacked_oit(ordered)[:20], **common),
        renderer.page(ATTENTION_PATH, "attention.md.j2", "หน่วยงานที่ควรติดตาม", attention=attention(ordered), **common),
        renderer.page(GROUPS_PATH, "groups.md.j2", "กลุ่มหน่วยงาน", groups=found, **common),
        renderer.page(STATUS_PATH, "status.md.j2", "สถานะแหล่งข้อมูล", **common),
    ]
    pages += [renderer.page(group_path(g), "group.md.j2", g.title, group=g, **common) for g in found]
    pages += [renderer.page(agency_path(a), "agency.md.j2", a.name, agency=a, member_of=of_agency.get(a.id, []),
                            **common) for a in ordered]
    # Group and agency pages are reached from the tables, so every page carries the same four links,
    # however many agencies there are.
    nav: list[NavEntry] = [{"ภาพรวม": HOME_PATH}, {"หน่วยงานที่ควรติดตาม": ATTENTION_PATH},
                           {"กลุ่มหน่วยงาน": GROUPS_PATH}, {"สถานะแหล่งข้อมูล": STATUS_PATH}]
    return Site(pages=pages, nav=nav)
