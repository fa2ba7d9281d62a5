"""Measures plans: their fiscal year, and what each measure needs to be actionable.

The seed plan is for ปีงบประมาณ 2567 yet two of its steps say 2566; a reader cannot tell which is
meant, so text must name the plan's own year unless the contradiction is recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ita_site.checks.lint_text import text_fields, text_finding
from ita_site.content.findings import Finding
from ita_site.content.model import Plan
from ita_site.content.project import Project
from ita_site.content.thai import fiscal_year_bounds, format_date, to_arabic_digits

_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(?P<y>[0-9๐-๙]{4})(?![0-9๐-๙])")


def _date_outside(project: Project, plan: Plan, loc: tuple[str | int, ...], value: dt.date) -> Iterable[Finding]:
    start, end = fiscal_year_bounds(plan.fiscal_year)
    if not start <= value <= end:
        yield project.doc_of(plan).finding("ITA416", loc, date=format_date(value), year=plan.fiscal_year,
                                           start=format_date(start), end=format_date(end), iso_start=start.isoformat())


def check_plan_dates(project: Project) -> Iterable[Finding]:
    """A plan's period and every measure's dates lie in its fiscal year, and never end before they start."""
    for plan in project.plans.values():
        doc = project.doc_of(plan)
        dated: list[tuple[tuple[str | int, ...], dt.date | None, dt.date | None]] = []
        if plan.period:
            dated.append((("period",), plan.period.start, plan.period.end))
        for i, measure in enumerate(plan.measures):
            dated.append((("measures", i), measure.start, measure.end))
        for loc, start, end in dated:
            for key, value in (("start", start), ("end", end)):
                if value is not None:
                    yield from _date_outside(project, plan, (*loc, key), value)
            if start is not None and end is not None and end < start:
                yield doc.finding("ITA420", (*loc, "end"), start=format_date(start), end=format_date(end))
        for i, measure in enumerate(plan.measures):
            start, end = plan.start_of(measure), plan.end_of(measure)
            if (measure.start is None) != (measure.end is None) and start and end and end < start:
                key = "end" if measure.end is not None else "start"
                yield doc.finding("ITA420", ("measures", i, key), start=format_date(start), end=format_date(end))


def check_fiscal_year_text(project: Project) -> Iterable[Finding]:
    """"ปีงบประมาณ พ.ศ. YYYY" in a file's text must be that file's fiscal year, unless recorded."""
    for item in project.assessments_and_plans:
        doc = project.doc_of(item)
        recorded = {r.source_says for r in item.contradictions if r.field == "fiscal_year" and r.source_says is not None}
        for field in text_fields(doc):
            if not field.prose:
                continue
            for match in _FISCAL_YEAR.finditer(field.value):
                says = int(to_arabic_digits(match.group("y")))
                if says != item.fiscal_year and says not in recorded:
                    yield text_finding("ITA417", field, *match.span("y"), says=match.group("y"), year=item.fiscal_year)


def check_measures(project: Project) -> Iterable[Finding]:
    """Every measure needs someone responsible and steps to follow, its own or the plan's."""
    for plan in project.plans.values():
        doc = project.doc_of(plan)
        for i, measure in enumerate(plan.measures):
            owner = plan.owner_of(measure)
            if owner is None or not owner.strip():
                yield doc.finding("ITA418", ("measures", i, "id"), number=measure.number)
            if not plan.steps_of(measure):
                yield doc.finding("ITA419", ("measures", i, "id"), number=measure.number)


def check_measure_addresses(project: Project) -> Iterable[Finding]:
    """A measure should answer some weakness (loop.py reports weaknesses that no measure answers)."""
    for plan in project.plans.values():
        doc = project.doc_of(plan)
        for i, measure in enumerate(plan.measures):
            if not measure.addresses:
                yield doc.finding("ITA422", ("measures", i, "id"), number=measure.number)
