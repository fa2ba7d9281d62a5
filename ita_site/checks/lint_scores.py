"""Scores: their range and precision, the level they earn, the overall they add up to, and the
figures the prose repeats.

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
from ita_site.content.framework import Framework, ScoreBand, framework_for
from ita_site.content.model import Assessment, Contradiction
from ita_site.content.project import Project
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


def _level_matches(written: str, band: ScoreBand) -> bool:
    """Staff may write the level's Thai name or its code (ผ่านดีเยี่ยม or AA)."""
    wanted = re.sub(r"\s+", "", written).casefold()
    return wanted in (re.sub(r"\s+", "", band.name).casefold(), band.code.casefold())


def check_level(project: Project) -> Iterable[Finding]:
    """The level printed next to the overall score must be the band that score falls in that year."""
    for year, assessment in project.assessments.items():
        fw = framework_for(year)
        if fw is None:
            continue  # references.py reports the missing framework
        doc = project.doc_of(assessment)
        if not fw.levels:
            yield doc.finding("ITA208", ("overall", "level"), year=year)
            continue
        score = assessment.overall.score
        level = fw.level_for(score)
        if level is None or _level_matches(assessment.overall.level, level):
            continue
        yield doc.finding("ITA412", ("overall", "level"), level=assessment.overall.level, score=f"{score:.2f}",
                          year=year, expected=level.name, code=level.code, low=level.min, high=level.max)


def weighted_overall(fw: Framework, assessment: Assessment) -> Decimal | None:
    """The overall score the framework's verified tool weights give, or None when they are not known.

    A tool's score is the mean of its indicators' scores. Nothing is computed unless every tool has a
    verified weight and every indicator a score: guessed weights would accuse correct results.
    """
    weights = {w.tool: w.weight for w in fw.tool_weights if w.verified and w.weight is not None}
    if not fw.tool_weights or set(weights) != set(fw.tools) or not sum(weights.values()):
        return None
    scores = {s.number: s.score for s in assessment.indicators}
    total = Decimal(0)
    for code, tool in fw.tools.items():
        if not tool.indicators or any(n not in scores for n in tool.indicators):
            return None
        mean = sum((scores[n] for n in tool.indicators), Decimal(0)) / len(tool.indicators)
        total += weights[code] * mean
    return (total / sum(weights.values())).quantize(_CENT, rounding=ROUND_HALF_UP)


def check_weighting(project: Project) -> Iterable[Finding]:
    """Where the framework publishes tool weights, the overall must be their weighted sum."""
    for year, assessment in project.assessments.items():
        fw = framework_for(year)
        computed = weighted_overall(fw, assessment) if fw else None
        if fw is None or computed is None or abs(computed - assessment.overall.score) <= _CENT:
            continue
        weights = ", ".join(f"{w.tool} {w.weight}" for w in fw.tool_weights)
        yield project.doc_of(assessment).finding("ITA413", ("overall", "score"), score=f"{assessment.overall.score:.2f}",
                                                 computed=str(computed), weights=weights)


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
