"""Scores: their range and precision, the stated level against the year's rating rule, the total
against the tool weights, and the figures the prose repeats.

The seed document prints indicator 6 as 98.54 in its table and 97.07 in its analysis; a reader cannot
tell which is true, so any figure in text must agree with the structured one or be recorded under
``contradictions`` (which contradictions.py reports).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ita_site.checks.lint_text import TextField, text_fields, text_finding
from ita_site.content.findings import Finding
from ita_site.content.load import Document
from ita_site.content.model import Assessment, Contradiction
from ita_site.content.project import Project
from ita_site.content.rating import Rule, Scheme, SchemeKind, Status, judge, scheme_for, weighted_total
from ita_site.content.thai import to_arabic_digits

_NUMBER = r"[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?"
_INDICATOR_FIGURE = re.compile(rf"ตัวชี้วัดที่\s*(?P<n>[0-9๐-๙]{{1,2}})[^0-9๐-๙]{{0,60}}?ได้คะแนน\s*(?P<x>{_NUMBER})")
_OVERALL_FIGURE = re.compile(rf"คะแนน\s*(?:ใน)?ภาพรวม\s*(?:อยู่ที่|เท่ากับ|คือ|:)?\s*(?P<x>{_NUMBER})")
_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)


def _number(text: str) -> Decimal:
    return Decimal(to_arabic_digits(text))


def _scores(assessment: Assessment) -> Iterator[tuple[tuple[str | int, ...], Decimal]]:
    yield ("overall", "score"), assessment.overall.score
    for i, item in enumerate(assessment.indicators):
        yield ("indicators", i, "score"), item.score
    for i, tool in enumerate(assessment.tools):
        if tool.score is not None:
            yield ("tools", i, "score"), tool.score
    for i, question in enumerate(assessment.questions):
        yield ("questions", i, "score"), question.score


def check_score_values(project: Project) -> Iterable[Finding]:
    """Scores run from 0 to 100 and are published with exactly two decimals."""
    for assessment in project.assessments.values():
        doc = project.doc_of(assessment)
        for loc, score in _scores(assessment):
            if not Decimal(0) <= score <= _HUNDRED:
                yield doc.finding("ITA410", loc, score=str(score))
            elif score.as_tuple().exponent != -2:
                yield doc.finding("ITA411", loc, score=str(score),
                                  fixed=str(score.quantize(_CENT, rounding=ROUND_HALF_UP)))


def _points(value: Decimal) -> str:
    """A rule's threshold as the rules say it: 95, not 95.00."""
    return f"{value.normalize():f}"


def _needs(rule: Rule) -> tuple[str, str]:
    """What a level needs, in Thai and English."""
    if rule.tools_min is not None:
        return (f"คะแนนรวมและทุกเครื่องมือตั้งแต่ {_points(rule.tools_min)} ขึ้นไป",
                f"the total and every tool at {_points(rule.tools_min)} or more")
    return f"คะแนนรวมตั้งแต่ {_points(rule.total_min)} ขึ้นไป", f"a total of {_points(rule.total_min)} or more"


def _reason(scheme: Scheme, stated: Rule, best: Rule, total: Decimal, tools: dict[str, Decimal]) -> tuple[str, str]:
    """Why the scores rule out ``stated``: the condition it fails, or the higher level's condition they meet."""
    needs_th, needs_en = _needs(stated)
    if total < stated.total_min:
        return (f"{stated.label} ต้องมี{needs_th} แต่คะแนนรวมได้ {total:.2f}",
                f"{stated.label} needs {needs_en}, but the total is {total:.2f}")
    low = [(t, score) for t, score in tools.items() if stated.tools_min is not None and score < stated.tools_min]
    if low:
        tool, score = low[0]
        return (f"{stated.label} ต้องมี{needs_th} แต่ {tool} ได้ {score:.2f}",
                f"{stated.label} needs {needs_en}, but {tool} scored {score:.2f}")
    # the next level up that asks only for a total; a level that asks for tool scores is the last case
    upper = min((r.total_min for r in scheme.rules if r.total_min > stated.total_min and r.tools_min is None),
                default=None)
    if upper is not None and total >= upper:
        return (f"{stated.label} ใช้กับคะแนนรวมต่ำกว่า {_points(upper)} แต่คะแนนรวมได้ {total:.2f}",
                f"{stated.label} is for a total below {_points(upper)}, but the total is {total:.2f}")
    best_th, best_en = _needs(best)
    return (f"คะแนนนี้มี{best_th} ซึ่งเป็นเกณฑ์ของระดับ{best.label}",
            f"the result has {best_en}, the rule of {best.label}")


def _expected(scheme: Scheme, possible: tuple[Rule, ...]) -> str:
    """The levels the scores allow, as staff may write them (with the letter in letter years)."""
    return ", ".join(f"{r.code} {r.label}" if scheme.kind is SchemeKind.LETTERS else r.label for r in possible)


_STATUS = {Status.UNVERIFIED: ("ยังไม่ยืนยัน (ใช้เกณฑ์ของปีอื่น)", "unverified (assumed from another year)"),
           Status.INFERRED: ("ยังไม่ยืนยัน (อนุมานจากปีก่อน)", "inferred from earlier years, not seen for this year"),
           Status.SINGLE_SOURCE: ("ยังไม่ยืนยัน (มีแหล่งข้อมูลเดียว)", "from a single source")}
# Letter grades ended with ITA 2566; the last year that had them names them.
_LAST_LETTER_YEAR = 2565


def _level_findings(doc: Document, scheme: Scheme, assessment: Assessment) -> Iterator[Finding]:
    written, total = assessment.overall.level, assessment.overall.score
    tools = assessment.tool_totals
    verdict = judge(scheme, total, tools, written)
    where = ("overall", "level")
    if verdict.broken is None:
        if verdict.evaluation.missing_tools:
            yield doc.finding("ITA427", where, level=written, missing=", ".join(verdict.evaluation.missing_tools))
        return
    expected = _expected(scheme, verdict.evaluation.possible)
    letters = scheme_for(_LAST_LETTER_YEAR)
    letter_codes = {r.code for r in letters.rules} if letters else set()
    if scheme.kind is SchemeKind.RATING and written.strip().upper() in letter_codes:
        labels = ", ".join(r.label for r in scheme.rules)
        yield doc.finding("ITA426", where, level=written, year=scheme.year, expected=expected, labels=labels)
        return
    if verdict.stated is None:
        reason = (f"ไม่ใช่ระดับของเกณฑ์ปีนี้ ({', '.join(r.label for r in scheme.rules)})",
                  f"not a level of this year ({', '.join(r.label for r in scheme.rules)})")
    else:
        reason = _reason(scheme, verdict.stated, verdict.evaluation.possible[0], total, tools)
    args = dict(level=written, year=scheme.year, reason_th=reason[0], reason_en=reason[1], expected=expected)
    if verdict.blocks:
        yield doc.finding("ITA412", where, args)
    else:
        status = verdict.status or Status.UNVERIFIED
        yield doc.finding("ITA425", where, args, status_th=_STATUS[status][0], status_en=_STATUS[status][1])


def check_level(project: Project) -> Iterable[Finding]:
    """The stated level against the year's rating rule; only a contradiction of a verified rule blocks."""
    for year, assessment in project.assessments.items():
        scheme = scheme_for(year)
        doc = project.doc_of(assessment)
        if scheme is None:
            yield doc.finding("ITA208", ("overall", "level"), year=year)
        else:
            yield from _level_findings(doc, scheme, assessment)


def check_weighting(project: Project) -> Iterable[Finding]:
    """Given all three tool totals, the total must be their weighted sum (IIT 30, EIT 30, OIT 40) to 0.01."""
    for year, assessment in project.assessments.items():
        scheme = scheme_for(year)
        computed = weighted_total(scheme, assessment.tool_totals) if scheme else None
        if scheme is None or computed is None or abs(computed - assessment.overall.score) <= _CENT:
            continue
        weights = ", ".join(f"{tool} {weight}" for tool, weight in scheme.weights.items())
        args = dict(score=f"{assessment.overall.score:.2f}", computed=str(computed), weights=weights, year=year)
        doc = project.doc_of(assessment)
        if scheme.weights_status is Status.VERIFIED:
            yield doc.finding("ITA413", ("overall", "score"), args)
        else:
            status = _STATUS[scheme.weights_status]
            yield doc.finding("ITA428", ("overall", "score"), args, status_th=status[0], status_en=status[1])


def _recorded(records: list[Contradiction], says: Decimal, indicator: int | None) -> bool:
    return any(r.source_says is not None and r.source_says == says and r.indicator == indicator for r in records)


def _figures(field: TextField, assessment: Assessment, records: list[Contradiction]) -> Iterator[Finding]:
    scores = {s.number: s.score for s in assessment.indicators}
    for match in _INDICATOR_FIGURE.finditer(field.value):
        number = int(to_arabic_digits(match.group("n")))
        try:
            says = _number(match.group("x"))
        except InvalidOperation:
            continue
        score = scores.get(number)
        if score is None or says == score or _recorded(records, says, number):
            continue
        yield text_finding("ITA414", field, *match.span("x"), number=number, says=match.group("x"),
                           score=f"{score:.2f}")
    for match in _OVERALL_FIGURE.finditer(field.value):
        says = _number(match.group("x"))
        score = assessment.overall.score
        if says == score or _recorded(records, says, None):
            continue
        yield text_finding("ITA415", field, *match.span("x"), says=match.group("x"), score=f"{score:.2f}")


def check_prose_figures(project: Project) -> Iterable[Finding]:
    """Scores quoted in prose ("ตัวชี้วัดที่ 6 … ได้คะแนน 97.07") must equal the scores themselves."""
    for assessment in project.assessments.values():
        doc = project.doc_of(assessment)
        for field in text_fields(doc):
            if field.prose:
                yield from _figures(field, assessment, assessment.contradictions)
    for plan in project.plans.values():
        base = project.assessments.get(plan.based_on) if plan.based_on else None
        if base is None:
            continue
        for field in text_fields(project.doc_of(plan)):
            if field.prose:
                yield from _figures(field, base, plan.contradictions)
