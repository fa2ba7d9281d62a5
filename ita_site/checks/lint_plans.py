"""Measures plans: their fiscal year, and what each measure needs to be actionable.

The seed plan is for ปีงบประมาณ 2567 yet two of its steps say 2566; a reader cannot tell which is
meant, so text about a file's own year must name that year unless the contradiction is recorded. Text
may still name other years: a comparison with an earlier one, or the year of the related plan or assessment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ita_site.checks.lint_text import content_documents, text_fields, text_finding
from ita_site.content.findings import Finding
from ita_site.content.load import leaves
from ita_site.content.model import Assessment, Plan
from ita_site.content.project import Project
from ita_site.content.thai import christian_era_date, fiscal_year_bounds, format_date, to_arabic_digits

_FISCAL_YEAR = re.compile(r"(?P<own>ประจำ\s*)?ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(?P<y>[0-9๐-๙]{4})(?![0-9๐-๙])")
# How far before a year its sentence is read for what the year is about (Thai text has few full stops).
_CONTEXT = 60
# Words that set a year against another: "เพิ่มขึ้นจากปีงบประมาณ 2564", "เมื่อเทียบกับ", "สูงกว่า".
_COMPARISON = re.compile(r"จาก|เทียบ|กว่า|ก่อนหน้า|ที่ผ่านมา|ที่แล้ว|เดิม")
# What a sentence speaks of: an assessment result, or the measures planned from one.
_ASSESSMENT, _PLAN = "ประเมิน", "มาตรการ|แผน"
_SUBJECT = re.compile(f"(?P<assessment>{_ASSESSMENT})|(?P<plan>{_PLAN})")


def _subject(before: str) -> str | None:
    """"assessment" or "plan": what the sentence names last before a year, if either."""
    subjects = list(_SUBJECT.finditer(before))
    return subjects[-1].lastgroup if subjects else None


def _year_mention(item: Assessment | Plan, says: int, before: str, own: bool) -> str | None:
    """ITA417 when text about this file's year names another, ITA440 (a note) when that is only likely.

    A year compared with ("เพิ่มขึ้นจาก…") is an earlier year on purpose, and a plan names the year of the
    assessment it answers, as an assessment names the year of the plan made from it.
    """
    if says == item.fiscal_year:
        return None
    if says < item.fiscal_year and _COMPARISON.search(before):
        return None
    subject = _subject(before)
    other_kind, other_year = ("assessment", item.based_on) if isinstance(item, Plan) else ("plan", item.fiscal_year + 1)
    if subject == other_kind and says == other_year:
        return None
    return "ITA417" if own and subject != other_kind else "ITA440"


def _date_outside(project: Project, plan: Plan, loc: tuple[str | int, ...], value: dt.date) -> Iterable[Finding]:
    start, end = fiscal_year_bounds(plan.fiscal_year)
    if christian_era_date(value.isoformat()) is not None:
        return  # check_buddhist_era_dates says what was meant
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
    """"ประจำปีงบประมาณ พ.ศ. YYYY" about a file's own year must be that year, unless recorded; other years
    named in its text are fine when compared with or belonging to the related plan or assessment."""
    for item in project.assessments_and_plans:
        doc = project.doc_of(item)
        recorded = {r.source_says for r in item.contradictions if r.field == "fiscal_year" and r.source_says is not None}
        for field in text_fields(doc):
            if not field.prose:
                continue
            for match in _FISCAL_YEAR.finditer(field.value):
                says = int(to_arabic_digits(match.group("y")))
                before = field.value[max(0, match.start() - _CONTEXT):match.start()]
                code = _year_mention(item, says, before, bool(match.group("own")))
                if code is not None and says not in recorded:
                    yield text_finding(code, field, *match.span("y"), says=match.group("y"), year=item.fiscal_year)


def check_buddhist_era_dates(project: Project) -> Iterable[Finding]:
    """Dates are written in ค.ศ.; a พ.ศ. year (2567-09-30) would put the date five centuries ahead."""
    for doc in content_documents(project):
        for loc, value in leaves(doc.data):
            fixed = christian_era_date(value.isoformat()) if isinstance(value, dt.date) else None
            if fixed is not None:
                yield doc.finding("ITA441", loc, written=value.isoformat(), year=value.year, fixed=fixed)


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
