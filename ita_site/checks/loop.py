"""The loop from score to next score: weaknesses answered by measures, measures reported on, OIT evidence complete.

These checks read the content and the framework of each fiscal year; the one about progress reports reads
the same measure facts the pages show on the build date (:mod:`ita_site.content.facts`), so the two agree.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterable

from ita_site.checks.lint_oit import code_problem
from ita_site.content import thai
from ita_site.content.facts import project_facts
from ita_site.content.findings import Finding
from ita_site.content.framework import find_oit_code_in_other_years, framework_for, normalize_oit_code
from ita_site.content.load import Document
from ita_site.content.model import OitEvidence
from ita_site.content.oit import code_order, oit_year
from ita_site.content.project import Project


def check_weakness_measures(project: Project) -> Iterable[Finding]:
    """Once a plan answers an assessment, each of that assessment's weaknesses should have a measure."""
    for year, assessment in project.assessments.items():
        plans = [p for p in project.plans.values() if p.based_on == year]
        if not plans:
            continue
        answered = {wid for p in plans for m in p.measures for wid in m.addresses}
        names = ", ".join(project.doc_of(p).name for p in plans)
        doc = project.doc_of(assessment)
        for i, weakness in enumerate(assessment.weaknesses):
            if weakness.id not in answered:
                yield doc.finding("ITA601", ("weaknesses", i, "id"), id=weakness.id, plans=names)


def check_progress_reported(project: Project, today: dt.date) -> Iterable[Finding]:
    """A measure that has started (by its own or its plan's dates) by the build date and reports nothing
    yet: no progress entry up to that date and no status written on it.

    Noted, not warned: the site already says so, and nothing is wrong until a report is due.
    """
    for plan_facts in project_facts(project, today).plans.values():
        doc = project.doc_of(plan_facts.plan)
        for i, facts in enumerate(plan_facts.measures):
            if facts.start is not None and facts.start <= today and facts.reported is None:
                yield doc.finding("ITA602", ("measures", i, "id"), number=facts.measure.number,
                                  start=thai.format_date(facts.start), start_iso=facts.start.isoformat())


def check_oit_evidence(project: Project) -> Iterable[Finding]:
    """Per OIT evidence file: codes of that year's catalogue, listed once, dated in the year, none missing."""
    for year, evidence in project.oit.items():
        yield from _oit_file(project.doc_of(evidence), year, evidence, project.plans)


def _oit_file(doc: Document, year: int, evidence: OitEvidence, plan_years: Collection[int]) -> Iterable[Finding]:
    fw = framework_for(year)
    catalogue = fw.oit_items if fw else {}
    if not catalogue:
        yield doc.finding("ITA606", ("fiscal_year",), year=year)
    first: dict[str, int] = {}
    for i, entry in enumerate(evidence.items):
        problem = code_problem(entry.code)
        code = normalize_oit_code(entry.code)
        if problem or code is None:  # an entry under a code that is no code would be dropped from the index unseen
            if problem:
                yield doc.finding(problem[0], ("items", i, "code"), problem[1])
            continue
        if code in first:
            line, _ = doc.locate(("items", first[code], "code"))
            yield doc.finding("ITA204", ("items", i, "code"), id=code, first=line)
            continue
        first[code] = i
        item = catalogue.get(code)
        if catalogue and item is None:
            close = difflib.get_close_matches(code, list(catalogue), n=1)
            codes = sorted(catalogue, key=code_order)
            yield doc.finding("ITA202", ("items", i, "code"), code=code, year=year,
                              suggestion=f"รหัสในปีนี้: {codes[0]} ถึง {codes[-1]}"
                                         + (f" หรือหมายถึง {close[0]}?" if close else ""),
                              suggestion_en=f"this year's codes run {codes[0]} to {codes[-1]}")
        elif item is not None and not item.verified:
            yield doc.finding("ITA605", ("items", i, "code"), code=code, year=year, title=item.title or "?")
        if item is not None and entry.title:
            yield from _other_numbering(doc, ("items", i, "code"), code, entry.title, year)
    yield from _dates(doc, year, evidence)
    missing = [row.code for row in oit_year(year, evidence, plan_years).missing if row.item is not None and row.item.title]
    if catalogue and missing:
        yield doc.finding("ITA604", ("items",), key=True, year=year, count=len(missing), codes=", ".join(missing),
                          file=doc.name)


def _other_numbering(doc: Document, loc: tuple, code: str, title: str, year: int) -> Iterable[Finding]:
    """The agency's own title names another item of this year, and ``code`` is that item's code in another year."""
    found = find_oit_code_in_other_years(code, title, year)
    right = [c for y, c, _ in found if y == year]
    other = sorted({y for y, c, _ in found if c == code and y != year})
    if right and code not in right and other:
        yield doc.finding("ITA609", loc, code=code, title=title, year=year, right=right[0],
                          other=", ".join(map(str, other)))


def _dates(doc: Document, year: int, evidence: OitEvidence) -> Iterable[Finding]:
    """Evidence must be published within the item's fiscal year (1 October to 30 September)."""
    start, end = thai.fiscal_year_bounds(year)
    bounds: dict[str, object] = {"start": thai.format_date(start), "end": thai.format_date(end), "year": year,
                                 "start_iso": start.isoformat(), "end_iso": end.isoformat()}
    for i, entry in enumerate(evidence.items):
        if entry.published and not start <= entry.published <= end:
            yield doc.finding("ITA603", ("items", i, "published"), bounds, code=entry.code,
                              date=thai.format_date(entry.published), date_iso=entry.published.isoformat())
        for j, document in enumerate(entry.documents):
            if document.published and not start <= document.published <= end:
                yield doc.finding("ITA603", ("items", i, "documents", j, "published"), bounds, code=entry.code,
                                  date=thai.format_date(document.published), date_iso=document.published.isoformat())


def check_unverified_citations(project: Project) -> Iterable[Finding]:
    """Recommendations citing an OIT item whose code or title is not confirmed for that year's framework."""
    for year, assessment in project.assessments.items():
        doc = project.doc_of(assessment)
        for i, rec in enumerate(assessment.recommendations):
            for j, ref in enumerate(rec.oit_refs):
                fw = framework_for(ref.numbering or year)
                item = fw.oit(ref.code) if fw and not ref.meaning else None
                if item is not None and not item.verified:
                    yield doc.finding("ITA605", ("recommendations", i, "oit_refs", j, "code"), code=item.code,
                                      year=ref.numbering or year, title=item.title or "?")
