"""Render a Project into Markdown pages and a navigation tree, written nowhere.

The output is plain data (path -> Markdown) so that MkDocs, a test, or any other site generator
can use it; this module imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ita_site.content import oit, thai
from ita_site.content.addresses import (
    DATA_PACKAGE_PATH,
    GLOSSARY_PATH,
    HOME_PATH,
    OIT_REFERENCES_PATH,
    OPEN_DATA_DIR,
    assessment_path,
    document_path,
    indicator_path,
    measure_path,
    oit_index_path,
    oit_item_path,
    plan_path,
    report_path,
    weakness_index_path,
    weakness_path,
)
from ita_site.content.facts import DUE_SOON_DAYS, MeasureFacts, ProjectFacts, State, project_facts
from ita_site.content.framework import Framework, framework_for
from ita_site.content.model import Assessment, Evidence, Measure, OitRef, Plan, Recommendation, ToolResult, Weakness
from ita_site.content.project import Project
from ita_site.site import charts
from ita_site.site.glossary import TERMS, with_abbreviations
from ita_site.site.levels import LevelShown, chart_bands, level_shown
from ita_site.site.line_breaks import short_questions
from ita_site.site.sharing import share_lines

# Every character that starts Markdown or extension syntax in a line of text: emphasis, code, links,
# raw HTML, tables, headings, attribute lists ({: onfocus=...}) and admonitions (!!!). As numeric
# character references they show as typed but can no longer start syntax.
_MD_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_[]<>|#{}!=\""}
_MD_ESCAPES["&"] = "&amp;"
_MD_TABLE = str.maketrans(_MD_ESCAPES)
_SPACES = re.compile(r"\s+")

NavEntry = dict[str, Any] | str


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its title, its Markdown, the file it came from, and the one line
    that describes it to search engines and shared links."""

    path: str
    title: str
    markdown: str
    source: str
    description: str = ""


@dataclass
class Site:
    pages: list[Page]
    nav: list[NavEntry]

    @cached_property
    def _by_path(self) -> dict[str, Page]:
        return {page.path: page for page in self.pages}

    def page_at(self, path: str) -> Page | None:
        """The generated page at a source path, or None for the agency's own pages."""
        return self._by_path.get(path)


def escape_md(text: str) -> str:
    """Content text as inert Markdown on one line: no HTML, links, emphasis, attribute lists or admonitions,
    safe in paragraphs, headings and table cells alike."""
    return _SPACES.sub(" ", str(text)).translate(_MD_TABLE)


@dataclass
class SiteView:
    """Lookups the templates need, computed once from the project."""

    project: Project
    today: dt.date
    #: Whether the build writes the open data into the site (``addresses.DATA_PACKAGE_PATH``), so pages may link it.
    open_data: bool = False
    digits: str = field(init=False)

    def __post_init__(self) -> None:
        self.digits = self.project.agency.digits

    # --- framework ---
    def framework(self, year: int) -> Framework | None:
        return framework_for(year)

    def indicator_name(self, year: int, number: int) -> str:
        fw = self.framework(year)
        ind = fw.indicator(number) if fw else None
        return ind.name if ind else f"ตัวชี้วัดที่ {number}"

    def indicator_tool(self, year: int, number: int) -> str | None:
        fw = self.framework(year)
        ind = fw.indicator(number) if fw else None
        return ind.tool if ind else None

    def level(self, assessment: Assessment) -> LevelShown:
        return level_shown(assessment)

    def bands(self, year: int) -> list[charts.Band]:
        return chart_bands(year)

    # --- assessments ---
    def score_of(self, year: int, number: int) -> Decimal | None:
        assessment = self.project.assessments.get(year)
        if assessment is None:
            return None
        return next((s.score for s in assessment.indicators if s.number == number), None)

    def previous_year(self, year: int) -> int | None:
        earlier = [y for y in self.project.assessments if y < year]
        return max(earlier) if earlier else None

    def next_year(self, year: int) -> int | None:
        later = [y for y in self.project.assessments if y > year]
        return min(later) if later else None

    def trend(self, number: int) -> list[tuple[int, Decimal]]:
        return [(y, s) for y in self.project.assessments if (s := self.score_of(y, number)) is not None]

    def question(self, assessment: Assessment, qid: str):
        return next(q for q in assessment.questions if q.id == qid)

    def recommendation(self, assessment: Assessment, rid: str) -> Recommendation:
        return next(r for r in assessment.recommendations if r.id == rid)

    def weakness_title(self, year: int, weakness: Weakness) -> str:
        """A weakness's title that tells it from its indicator: a title that only repeats the indicator's name
        (as the official form often has it) reads "จุดอ่อนด้าน…", so the two pages are not named alike."""
        if weakness.indicator and _words(weakness.title) == _words(self.indicator_name(year, weakness.indicator)):
            return f"จุดอ่อนด้าน{weakness.title}"
        return weakness.title

    def weaknesses_of_indicator(self, assessment: Assessment, number: int) -> list[Weakness]:
        return [w for w in assessment.weaknesses if w.indicator == number]

    def recommendations_of_indicator(self, assessment: Assessment, number: int) -> list[Recommendation]:
        qids = {q.id for q in assessment.questions if q.indicator == number}
        return [r for r in assessment.recommendations if r.indicator == number or r.question in qids]

    # --- plans and measures ---
    def plans_based_on(self, year: int) -> list[Plan]:
        return [p for p in self.project.plans.values() if p.based_on == year]

    def measures_for_weakness(self, year: int, wid: str) -> list[MeasureFacts]:
        return [self.facts.of_measure(p, m) for p in self.plans_based_on(year) for m in p.measures
                if wid in m.addresses]

    def measures_for_indicator(self, year: int, number: int) -> list[tuple[Plan, Measure]]:
        assessment = self.project.assessments.get(year)
        wids = {w.id for w in assessment.weaknesses if w.indicator == number} if assessment else set()
        return [(p, m) for p in self.plans_based_on(year) for m in p.measures
                if number in m.indicators or wids & set(m.addresses)]

    def weaknesses_of_measure(self, plan: Plan, measure: Measure) -> list[Weakness]:
        base = self.project.assessments.get(plan.based_on) if plan.based_on else None
        return [w for w in base.weaknesses if w.id in measure.addresses] if base else []

    def indicators_of_measure(self, plan: Plan, measure: Measure) -> list[int]:
        numbers = set(measure.indicators)
        numbers |= {w.indicator for w in self.weaknesses_of_measure(plan, measure) if w.indicator}
        return sorted(numbers)

    # --- measures on the build date: the same facts the export and the checks read ---
    @cached_property
    def facts(self) -> ProjectFacts:
        return project_facts(self.project, self.today)

    # --- OIT evidence ---
    @cached_property
    def oit_years(self) -> dict[int, oit.OitYear]:
        return oit.oit_years(self.project)

    def file_info(self, evidence: Evidence) -> oit.FileInfo:
        return oit.file_info(self.project.attachments[evidence.file or ""])

    # --- OIT references ---
    def oit_title(self, year: int, ref: OitRef) -> str | None:
        """The catalogue title of a cited code, or None where the text means otherwise.

        Whether the catalogue entry is verified is for staff (``ita-site check``), not for readers.
        """
        if ref.meaning:
            return None
        fw = self.framework(ref.numbering or year)
        item = fw.oit(ref.code) if fw else None
        return item.title if item else None

    @property
    def cites_oit(self) -> bool:
        """Whether any recommendation cites an OIT item: without one, the references page would be empty."""
        return any(self.oit_citations.values())

    @cached_property
    def oit_citations(self) -> dict[int, list[Citation]]:
        """Per assessment year, each distinct cited item and the recommendations citing it."""
        found: dict[int, list[Citation]] = {}
        for year, assessment in self.project.assessments.items():
            by_key: dict[tuple[int, str, bool], Citation] = {}
            for rec in assessment.recommendations:
                for ref in rec.oit_refs:
                    key = (ref.numbering or year, ref.code, ref.meaning is not None)
                    by_key.setdefault(key, Citation(ref, [])).recs.append(rec)
            found[year] = [by_key[k] for k in sorted(by_key, key=lambda k: (k[0], _code_number(k[1]), k[2]))]
        return found


@dataclass
class Citation:
    ref: OitRef
    recs: list[Recommendation]


def _words(text: str) -> str:
    return " ".join(text.split())


def _code_number(code: str) -> int:
    digits = "".join(ch for ch in code if ch.isdigit())
    return int(digits) if digits else 0


def oit_anchor(year: int, ref: OitRef) -> Markup:
    """Fragment id of a cited item on the OIT references page; stable across builds, ASCII digits."""
    suffix = "-text" if ref.meaning else ""
    return Markup(f"oit-{year}-{ref.numbering or year}-{escape_md(ref.code.lower())}{suffix}")


def _score_label(number: int, year: int, score: Decimal | None) -> str:
    """What a link to an indicator's result of a year says, so it reads on its own as well as in a table."""
    shown = f"ตัวชี้วัดที่ {number} ปีงบประมาณ {year}"
    return f"{shown} ได้ {score:.2f} คะแนน" if score is not None else shown


def _per_render(styled: Callable[[Any], Markup]) -> Callable[..., Markup]:
    """A filter Jinja calls when each page is rendered: the digit style changes from one project to the next,
    so a filter of a constant (``{{ 1|num }}``) must not be folded into the compiled template once for all."""
    return pass_context(lambda _context, value: styled(value))


class Renderer:
    """Holds the Jinja2 environment; one instance renders any number of projects."""

    def __init__(self) -> None:
        self._digits = "arabic"
        self._current = ""
        env = Environment(
            loader=PackageLoader("ita_site.site", "templates"),
            undefined=StrictUndefined,
            finalize=_per_render(self._finalize),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=True,
        )
        env.filters.update(
            t=_per_render(self._finalize),
            score=_per_render(lambda v: Markup(thai.format_score(v, self._digits)) if v is not None else Markup("–")),
            date=_per_render(lambda v: Markup(thai.format_date(v, self._digits)) if v else Markup("–")),
            date_short=_per_render(lambda v: Markup(thai.format_date(v, self._digits, short=True)) if v else Markup("–")),
            date_signed=_per_render(self._date_signed),
            fy=_per_render(lambda v: Markup(thai.fiscal_year_label(v, self._digits))),
            num=_per_render(lambda v: Markup(thai.digits(str(v), self._digits))),
            code=lambda v: Markup(escape_md(v)),  # identifiers staff type into ITAS keep ASCII digits
        )
        env.globals.update(
            link=self._link, chart_bars=self._chart_bars, chart_trend=self._chart_trend,
            home_path=lambda: HOME_PATH, oit_path=lambda: OIT_REFERENCES_PATH, oit_anchor=oit_anchor,
            assessment_path=assessment_path, indicator_path=indicator_path, weakness_path=weakness_path,
            plan_path=plan_path, measure_path=measure_path, document_path=document_path, report_path=report_path,
            oit_index_path=oit_index_path, oit_item_path=oit_item_path, evidence_link=self._evidence_link,
            file_link=self._file_link, data_package_path=lambda: DATA_PACKAGE_PATH, open_data_dir=lambda: OPEN_DATA_DIR,
            state_class=lambda state: Markup(f"ita-status--{state.code}"), due_soon_days=DUE_SOON_DAYS, State=State,
            indicator_rows=self._indicator_rows, question_rows=self._question_rows, change=self._change,
            score_text=lambda v: Markup(thai.format_score(v, self._digits)) if v is not None else Markup("–"),
            tool_heading=self._tool_heading, tool_name=self._tool_name, rec_label=self._rec_label,
            score_label=_score_label,
        )
        self.env = env

    def _finalize(self, value: Any) -> Markup:
        """Every value a template prints: content text made inert, digits in the agency's style.

        Autoescaping is on so that macro output and filter results (Markup) pass through as they are.
        """
        if value is None:
            return Markup("")
        if isinstance(value, Markup):
            return value
        return Markup(escape_md(thai.digits(str(value), self._digits)))  # digits first: entities keep ASCII

    def _date_signed(self, value: dt.date) -> Markup:
        """A date as an official document writes it under a signature: ``30 กันยายน พ.ศ. 2566``, on one line."""
        day_month, year = thai.format_date(value, self._digits).rsplit(" ", 1)
        return Markup(f"{day_month} พ.ศ. {year}".replace(" ", "\u00a0"))

    def _link(self, target: str, text: Any, anchor: str = "") -> Markup:
        rel = posixpath.relpath(target, posixpath.dirname(self._current) or ".")
        label = self._finalize(text)
        return Markup(f"[{label}]({rel}{'#' + anchor if anchor else ''})")

    def _file_link(self, target: str, text: Any) -> Markup:
        """A link to a file the build writes after MkDocs has checked the pages' links (the open data), as HTML
        so that MkDocs does not look for it among the pages."""
        rel = posixpath.relpath(target, posixpath.dirname(self._current) or ".") + ("/" if target.endswith("/") else "")
        href = urllib.parse.quote(rel, safe="/._-")
        return Markup(f'<a href="{href}">{self._finalize(text)}</a>')

    def _evidence_link(self, evidence: Evidence, text: Any = None) -> Markup:
        """A link to an attached file (copied to the same path under the site) or to a web address."""
        if evidence.file is not None:
            target = posixpath.relpath(evidence.file, posixpath.dirname(self._current) or ".")
            default = posixpath.basename(evidence.file)
        else:
            target, default = evidence.url or "", evidence.url or ""
        href = urllib.parse.quote(target, safe=":/?#@!$&'*+,;=%~-._")
        return Markup(f"[{self._finalize(text or evidence.title or default)}]({href})")

    def _chart_bars(self, chart_id: str, title: str, description: str, rows: Iterable[tuple[str, Decimal]],
                    bands: list[charts.Band]) -> Markup:
        bars = [charts.Bar(label=thai.digits(label, self._digits), value=value) for label, value in rows]
        svg = charts.bar_chart(chart_id=chart_id, title=thai.digits(title, self._digits),
                               description=thai.digits(description, self._digits), bars=bars, bands=bands,
                               fmt=lambda v: thai.format_score(v, self._digits))
        return Markup(svg)

    def _chart_trend(self, chart_id: str, title: str, description: str, points: list[tuple[int, Decimal]],
                     bands: list[charts.Band]) -> Markup:
        svg = charts.trend_chart(chart_id=chart_id, title=thai.digits(title, self._digits),
                                 description=thai.digits(description, self._digits),
                                 points=[(thai.digits(str(y), self._digits), v) for y, v in points], bands=bands,
                                 fmt=lambda v: thai.format_score(v, self._digits))
        return Markup(svg)

    def _indicator_rows(self, year: int, assessment: Assessment) -> list[tuple[str, Decimal]]:
        view = self._view
        return [(f"{s.number} {view.indicator_name(year, s.number)}", s.score)
                for s in sorted(assessment.indicators, key=lambda s: s.number)]

    def _question_rows(self, questions: list) -> list[tuple[str, Decimal]]:
        """Each question labelled by what it asks (shortened; the table beside the chart has it whole)."""
        labels = short_questions([q.text for q in questions])
        return [(" ".join(filter(None, (q.code, label))), q.score) for q, label in zip(questions, labels)]

    def _change(self, before: Decimal | None, after: Decimal | None) -> Markup:
        if before is None or after is None:
            return Markup("–")
        delta = after - before
        word = "ดีขึ้น" if delta > 0 else "ลดลง" if delta < 0 else "เท่าเดิม"
        sign = "+" if delta > 0 else ""
        return Markup(f"{word} ({thai.digits(f'{sign}{delta:.2f}', self._digits)})")

    def _tool_name(self, year: int, code: str | None) -> Markup:
        fw = self._view.framework(year)
        tool = fw.tools.get(code) if fw and code else None
        return self._finalize(f"{tool.name} ({tool.code})" if tool else code or "–")

    def _tool_heading(self, year: int, result: ToolResult) -> Markup:
        fw = self._view.framework(year)
        tool = fw.tools.get(result.tool) if fw else None
        name = f"{tool.name} ({result.tool})" if tool else result.tool
        if result.part and tool:
            part = next((p for p in tool.parts if p.code == result.part), None)
            name = f"{result.tool} {part.name}" if part else f"{result.tool} {result.part}"
        return self._finalize(name)

    def _rec_label(self, year: int, rec: Recommendation) -> str:
        assessment = self._view.project.assessments[year]
        if rec.question:
            q = self._view.question(assessment, rec.question)
            return f"ข้อเสนอแนะ {q.code or q.id}"
        return f"ข้อเสนอแนะ {rec.tool}" + (f" ตัวชี้วัดที่ {rec.indicator}" if rec.indicator else "")

    def page(self, view: SiteView, path: str, template: str, title: str, source: str, *,
             description: str | None = None, **context: Any) -> Page:
        self._current = path
        title = thai.digits(title, self._digits)
        text = with_abbreviations(self.env.get_template(template).render(
            view=view, project=view.project, agency=view.project.agency, page_path=path, title=title, **context))
        description = thai.digits(description or f"{title} · {view.project.agency.name}", self._digits)
        return Page(path=path, title=title, markdown=text, source=source, description=description)

    def render(self, project: Project, today: dt.date, open_data: bool = False) -> Site:
        """Every page of the site and the navigation that orders them."""
        self._digits = project.agency.digits
        view = self._view = SiteView(project, today, open_data)
        agency_src = project.doc_of(project.agency).name
        pages = [self.page(view, HOME_PATH, "home.md.j2", project.agency.name, agency_src,
                           description=" · ".join(share_lines(project)))]
        nav: list[NavEntry] = [{"หน้าแรก": HOME_PATH}]
        for year in sorted(project.assessments, reverse=True):
            pages_, nav_ = self._assessment_pages(view, year)
            pages += pages_
            nav.append(nav_)
        for year in sorted(project.plans, reverse=True):
            pages_, nav_ = self._plan_pages(view, year)
            pages += pages_
            nav.append(nav_)
        for year in sorted(view.oit_years, reverse=True):
            pages_, nav_ = self._oit_pages(view, year)
            pages += pages_
            nav.append(nav_)
        if view.cites_oit:
            pages.append(self.page(view, OIT_REFERENCES_PATH, "oit_references.md.j2", "ข้อ OIT ที่อ้างถึงในข้อเสนอแนะ",
                                   agency_src))
            nav.append({"ข้อ OIT ที่อ้างถึง": OIT_REFERENCES_PATH})
        pages.append(self.page(view, GLOSSARY_PATH, "glossary.md.j2", "คำย่อที่ใช้ในเว็บไซต์นี้", agency_src, terms=TERMS))
        nav.append({"คำย่อ": GLOSSARY_PATH})
        return Site(pages=pages, nav=self._nav_digits(nav))

    def _nav_digits(self, nav: list[NavEntry]) -> list[NavEntry]:
        """Navigation titles in the agency's digit style, as the page titles and headings they name."""
        return [{thai.digits(title, self._digits): self._nav_digits(value) if isinstance(value, list) else value
                 for title, value in entry.items()} if isinstance(entry, dict) else entry for entry in nav]

    def _assessment_pages(self, view: SiteView, year: int) -> tuple[list[Page], NavEntry]:
        assessment = view.project.assessments[year]
        src = view.project.doc_of(assessment).name
        pages = [self.page(view, assessment_path(year), "assessment.md.j2", f"ผลการประเมิน ITA {year}", src,
                           assessment=assessment, year=year)]
        indicator_nav = []
        for score in sorted(assessment.indicators, key=lambda s: s.number):
            name = view.indicator_name(year, score.number)
            title = f"ตัวชี้วัดที่ {score.number} {name}"
            path = indicator_path(year, score.number)
            pages.append(self.page(view, path, "indicator.md.j2", title, src, assessment=assessment, year=year,
                                   score=score, name=name))
            indicator_nav.append({title: path})
        weakness_nav: list[NavEntry] = [weakness_index_path(year)]
        pages.append(self.page(view, weakness_index_path(year), "weaknesses.md.j2", f"จุดอ่อน ปี {year}", src,
                               assessment=assessment, year=year))
        for weak in assessment.weaknesses:
            path = weakness_path(year, weak.id)
            title = view.weakness_title(year, weak)
            pages.append(self.page(view, path, "weakness.md.j2", title, src, assessment=assessment, year=year,
                                   weakness=weak))
            weakness_nav.append({title: path})
        weakness_nav = _listed(weakness_nav)
        nav = {f"ผลการประเมิน ITA {year}": [assessment_path(year), {"ตัวชี้วัด": indicator_nav},
                                              {"จุดอ่อน": weakness_nav}]}
        return pages, nav

    def _plan_pages(self, view: SiteView, year: int) -> tuple[list[Page], NavEntry]:
        plan = view.project.plans[year]
        src = view.project.doc_of(plan).name
        plan_facts = view.facts.of_plan(plan)
        pages = [self.page(view, plan_path(year), "plan.md.j2", f"มาตรการ ปี {year}", src, plan=plan, year=year,
                           plan_facts=plan_facts)]
        nav_items: list[NavEntry] = [plan_path(year)]
        for measure_facts in plan_facts.measures:
            measure = measure_facts.measure
            title = f"{measure.number} {measure.title}"
            path = measure_path(year, measure.id)
            pages.append(self.page(view, path, "measure.md.j2", title, src, plan=plan, measure=measure,
                                   measure_facts=measure_facts, year=year))
            nav_items.append({title: path})
        nav_items = _listed(nav_items)
        pages.append(self.page(view, document_path(year), "document.md.j2", f"{plan.title} (ฉบับเต็ม)", src,
                               plan=plan, year=year, plan_facts=plan_facts,
                               assessment=view.project.assessments.get(plan.based_on) if plan.based_on else None))
        nav_items.append({"ฉบับเต็มสำหรับพิมพ์": document_path(year)})
        report_title = f"รายงานผลการดำเนินการตามมาตรการ ประจำ{thai.fiscal_year_label(year)}"
        pages.append(self.page(view, report_path(year), "followup.md.j2", report_title, src, plan=plan, year=year,
                               plan_facts=plan_facts))
        nav_items.append({"รายงานผลการดำเนินการ": report_path(year)})
        return pages, {f"มาตรการ ปี {year}": nav_items}

    def _oit_pages(self, view: SiteView, year: int) -> tuple[list[Page], NavEntry]:
        index = view.oit_years[year]
        src = view.project.doc_of(index.evidence).name
        pages = [self.page(view, oit_index_path(year), "oit_index.md.j2", f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {year}",
                           src, oit_index=index, year=year)]
        nav_items: list[NavEntry] = [oit_index_path(year)]
        for row in index.rows:
            title = f"{row.code} {row.title or ''}".strip()
            path = oit_item_path(year, row.code)
            pages.append(self.page(view, path, "oit_item.md.j2", title, src, oit_index=index, row=row, year=year))
            nav_items.append({title: path})
        return pages, {f"OIT ปี {year}": nav_items}


#: Most pages a navigation section lists one by one. Every page carries its open section's list, so
#: a longer list would make every page of the section grow with their number (a plan of 1,000
#: measures gave 1,000 pages of 1,000 links each); past it, the section lists only its index page,
#: whose table links them all.
NAV_SECTION_LIMIT = 40


def _listed(section: list[NavEntry]) -> list[NavEntry]:
    """A section's navigation: its index page, then its pages one by one while there are few enough."""
    return section if len(section) <= NAV_SECTION_LIMIT + 1 else section[:1]


@lru_cache(maxsize=1)
def _renderer() -> Renderer:
    """One Jinja2 environment per process: compiling the templates costs more than rendering them."""
    return Renderer()


def render_site(project: Project, today: dt.date | None = None, *, open_data: bool = False) -> Site:
    """Every page of the site and its navigation, for the build date ``today``; with ``open_data`` when the build
    writes the open data beside the pages, so the year pages link it."""
    return _renderer().render(project, today or dt.date.today(), open_data)
