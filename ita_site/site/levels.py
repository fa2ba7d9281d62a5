"""What the pages say about a result's level: the level as the agency states it and the rule behind it.

The site never recomputes or corrects a level (``ita-site check`` compares it with the rules): it shows
the stated level with what backs it. Up to 2565 that is the letter and its score band; from 2566, when
letter grades were abolished, the tool scores the content gives and the condition of the stated level.
Charts draw the thresholds of the year's scheme as reference lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ita_site.content.model import Assessment
from ita_site.content.rating import Rule, Scheme, SchemeKind, judge, scheme_for
from ita_site.site.charts import Band

_CENT = Decimal("0.01")
_TOP = Decimal("100.00")
_BOTTOM = Decimal("0.00")
# Rating years have no level per score range, so their chart bands name only the range.
_RANGE = "ช่วงคะแนน"


@dataclass(frozen=True)
class LetterBand:
    """A letter grade (2563-2565) and the totals it covers."""

    code: str
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class LevelShown:
    """The stated level; with its letter band (letter years) or its rule and the tool scores (from 2566)."""

    stated: str
    letter: LetterBand | None
    rule: Rule | None
    tools: tuple[tuple[str, Decimal], ...]


def _upper(scheme: Scheme, rule: Rule) -> Decimal:
    """The highest total of a letter band: one hundredth below the next band up."""
    above = [r.total_min for r in scheme.rules if r.total_min > rule.total_min]
    return min(above) - _CENT if above else _TOP


def level_shown(assessment: Assessment) -> LevelShown:
    """What a page shows next to the total."""
    stated = assessment.overall.level
    tools = tuple(assessment.tool_totals.items())
    scheme = scheme_for(assessment.fiscal_year)
    rule = judge(scheme, assessment.overall.score, dict(tools), stated).stated if scheme else None
    if scheme is None or rule is None:
        return LevelShown(stated, None, None, tools)
    if scheme.kind is SchemeKind.LETTERS:
        return LevelShown(stated, LetterBand(rule.code or "", rule.total_min, _upper(scheme, rule)), None, tools)
    return LevelShown(stated, None, rule if rule.rule_th else None, tools)


def chart_bands(year: int) -> list[Band]:
    """Tinted ranges between the year's thresholds: the letter bands to 2565, 85 and 95 from 2566."""
    scheme = scheme_for(year)
    if scheme is None:
        return []
    lows = (*scheme.bands, _BOTTOM)
    highs = (_TOP, *(low - _CENT for low in scheme.bands))
    if scheme.kind is SchemeKind.LETTERS:
        named = {r.total_min: r for r in scheme.rules}
        return [Band(named[low].code or "", named[low].label, low, high) for low, high in zip(lows, highs)]
    return [Band("", _RANGE, low, high) for low, high in zip(lows, highs)]
