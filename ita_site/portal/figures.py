"""The figures a portal shows, per agency, per group of agencies and over them all.

Each agency's figures are derived once from its content by the same code its own site uses (the
measure facts of :mod:`ita_site.content.facts`, the OIT index of :mod:`ita_site.content.oit`), so the
portal and the agency's site never disagree. A level is the one the agency states: it is matched to
the year's rating scheme only to know where it stands against ผ่าน, never computed from a score.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ita_site.content.facts import State, project_facts
from ita_site.content.model import Assessment
from ita_site.content.oit import code_order, oit_years
from ita_site.content.rating import scheme_for
from ita_site.content.thai import fiscal_year_of
from ita_site.portal.sources import Loaded

_CENT = Decimal("0.01")
#: The NACC's pass level: "below ผ่าน" means a stated level the year's scheme ranks under it.
PASS_LABEL = "ผ่าน"
_WEB = re.compile(r"^https?://[^\s]+$")


@dataclass(frozen=True)
class YearResult:
    """One fiscal year's result as stated: the total, the level, and whether that level is ผ่าน or better.

    ``passed`` is None when the stated level is not one of the year's scheme (or no scheme is known).
    """

    year: int
    total: Decimal
    level: str
    passed: bool | None


def passed_level(year: int, level: str) -> tuple[str, bool | None]:
    """The stated level (the scheme's own spelling when it names one of its levels) and whether it passes."""
    scheme = scheme_for(year)
    if scheme is None:
        return level, None
    named = [rule for rule in scheme.rules if rule.matches(level)]
    pass_rank = next((i for i, rule in enumerate(scheme.rules) if rule.label == PASS_LABEL), None)
    if not named or pass_rank is None:
        return level, None
    return named[0].label, scheme.rules.index(named[0]) <= pass_rank


def year_result(assessment: Assessment) -> YearResult:
    """An assessment's stated total and level."""
    label, passed = passed_level(assessment.fiscal_year, assessment.overall.level)
    return YearResult(assessment.fiscal_year, assessment.overall.score, label, passed)


@dataclass(frozen=True)
class AgencyFigures:
    """What the portal shows of one agency; plain values, so they can come from its content or its open data."""

    id: str
    name: str
    type: str
    province: str
    district: str
    ministry: str | None
    website: str | None
    source: str
    results: tuple[YearResult, ...]
    #: The fiscal year of the plan whose measures are counted (the latest plan), and the count per state.
    plan_year: int | None
    states: tuple[tuple[State, int], ...]
    #: Measures of every plan whose period ended with no progress report.
    ended_unreported: int
    #: The fiscal year the reference date falls in, and whether the agency has a plan for it.
    current_year: int
    has_current_plan: bool
    #: The latest year with OIT evidence: items published, items in the year's list, and the missing codes.
    oit_year: int | None
    oit_present: int
    oit_total: int
    oit_missing: tuple[str, ...]

    @property
    def latest(self) -> YearResult | None:
        return self.results[-1] if self.results else None

    @property
    def previous(self) -> YearResult | None:
        """The result of the fiscal year just before the latest, when the agency states one."""
        latest = self.latest
        return next((r for r in self.results if latest and r.year == latest.year - 1), None)

    @property
    def change(self) -> Decimal | None:
        """Latest total minus the previous year's."""
        latest, previous = self.latest, self.previous
        return latest.total - previous.total if latest and previous else None

    @property
    def measures(self) -> int:
        return sum(count for _, count in self.states)

    @property
    def below_pass(self) -> bool:
        return self.latest is not None and self.latest.passed is False

    @property
    def lacks_oit(self) -> bool:
        """Missing OIT items in the latest OIT year, or no OIT evidence at all."""
        return self.oit_year is None or bool(self.oit_missing)

    @property
    def oit_percent(self) -> Decimal | None:
        if not self.oit_total:
            return None
        return (Decimal(100) * self.oit_present / self.oit_total).quantize(_CENT, rounding=ROUND_HALF_UP)


def agency_figures(loaded: Loaded, today: dt.date) -> AgencyFigures:
    """One agency's figures on the reference date ``today``; the manifest's grouping wins over agency.yaml."""
    project, source = loaded.project, loaded.source
    agency = project.agency
    facts = project_facts(project, today)
    latest_plan = facts.latest_plan
    current = fiscal_year_of(today)
    indexes = oit_years(project)
    oit = indexes[max(indexes)] if indexes else None
    website = agency.website if agency.website and _WEB.match(agency.website) else None
    return AgencyFigures(
        id=agency.id, name=source.name or agency.name, type=source.type or agency.type,
        province=source.province or agency.province, district=source.district or agency.district,
        ministry=source.ministry, website=website, source=source.shown,
        results=tuple(year_result(a) for _, a in sorted(project.assessments.items())),
        plan_year=latest_plan.plan.fiscal_year if latest_plan else None,
        states=tuple(latest_plan.counts) if latest_plan else tuple((s, 0) for s in State),
        ended_unreported=sum(1 for m in facts.measures.values() if m.state is State.ENDED_UNREPORTED),
        current_year=current, has_current_plan=current in project.plans,
        oit_year=oit.year if oit else None, oit_present=len(oit.present) if oit else 0,
        oit_total=len(oit.rows) if oit else 0, oit_missing=tuple(r.code for r in oit.missing) if oit else ())


def mean(values: Iterable[Decimal]) -> Decimal | None:
    """The average to two decimals (half up), as the NACC reports averages; None for no values."""
    values = list(values)
    return (sum(values, Decimal(0)) / len(values)).quantize(_CENT, rounding=ROUND_HALF_UP) if values else None


@dataclass(frozen=True)
class YearSummary:
    """One fiscal year over a set of agencies: how many stated a result, at which level, the average, passes."""

    year: int
    assessed: int
    levels: tuple[tuple[str, int], ...]
    average: Decimal | None
    passed: int
    below: int


def _level_order(year: int, counted: Counter[str]) -> list[str]:
    """The year's levels best first (every one, counted or not), then any other stated level by name."""
    scheme = scheme_for(year)
    known = list(dict.fromkeys(rule.label for rule in scheme.rules)) if scheme else []
    return known + sorted(label for label in counted if label not in known)


def year_summaries(agencies: Iterable[AgencyFigures]) -> list[YearSummary]:
    """Every fiscal year any of ``agencies`` states a result for, newest first."""
    by_year: dict[int, list[YearResult]] = {}
    for agency in agencies:
        for result in agency.results:
            by_year.setdefault(result.year, []).append(result)
    summaries = []
    for year in sorted(by_year, reverse=True):
        results = by_year[year]
        counted = Counter(r.level for r in results)
        summaries.append(YearSummary(
            year=year, assessed=len(results),
            levels=tuple((label, counted[label]) for label in _level_order(year, counted)),
            average=mean(r.total for r in results), passed=sum(1 for r in results if r.passed),
            below=sum(1 for r in results if r.passed is False)))
    return summaries


GROUP_KINDS = {"province": "จังหวัด", "district": "อำเภอ", "ministry": "กระทรวง/สังกัด"}


@dataclass(frozen=True)
class Group:
    """Agencies sharing a province, a district (within its province) or a ministry."""

    kind: str
    name: str
    agencies: tuple[AgencyFigures, ...]

    @property
    def title(self) -> str:
        return f"{GROUP_KINDS[self.kind]}{self.name}" if self.kind != "ministry" else self.name

    @property
    def latest_year(self) -> int | None:
        return max((a.latest.year for a in self.agencies if a.latest), default=None)

    @property
    def latest(self) -> YearSummary | None:
        """The group's newest fiscal year: the results its agencies state for it."""
        year = self.latest_year
        return next((s for s in year_summaries(self.agencies) if s.year == year), None)


def _group_key(agency: AgencyFigures, kind: str) -> str | None:
    if kind == "district":
        return f"{agency.district} จังหวัด{agency.province}"
    return agency.province if kind == "province" else agency.ministry


def groups(agencies: Iterable[AgencyFigures]) -> list[Group]:
    """Every province, district and ministry group, each kind in Thai alphabetical order; agencies by name."""
    agencies = sorted(agencies, key=lambda a: (a.name, a.id))
    found = []
    for kind in GROUP_KINDS:
        members: dict[str, list[AgencyFigures]] = {}
        for agency in agencies:
            key = _group_key(agency, kind)
            if key:
                members.setdefault(key, []).append(agency)
        found += [Group(kind, name, tuple(members[name])) for name in sorted(members)]
    return found


@dataclass(frozen=True)
class Attention:
    """The agencies an overseer looks at first, each list by name."""

    below_pass: tuple[AgencyFigures, ...]
    no_current_plan: tuple[AgencyFigures, ...]
    ended_unreported: tuple[AgencyFigures, ...]
    lacking_oit: tuple[AgencyFigures, ...]


def attention(agencies: Iterable[AgencyFigures]) -> Attention:
    """Below ผ่าน in the latest stated year; no plan for the current fiscal year; measures ended without a
    report; OIT items missing (or no OIT evidence)."""
    ordered = sorted(agencies, key=lambda a: (a.name, a.id))
    return Attention(below_pass=tuple(a for a in ordered if a.below_pass),
                     no_current_plan=tuple(a for a in ordered if not a.has_current_plan),
                     ended_unreported=tuple(a for a in ordered if a.ended_unreported),
                     lacking_oit=tuple(a for a in ordered if a.lacks_oit))


def most_lacked_oit(agencies: Iterable[AgencyFigures]) -> list[tuple[int, str, int, int]]:
    """Per OIT year and item: how many of the agencies with evidence that year lack it, most lacked first."""
    lacking: Counter[tuple[int, str]] = Counter()
    reporting: Counter[int] = Counter()
    for agency in agencies:
        if agency.oit_year is not None:
            reporting[agency.oit_year] += 1
            lacking.update((agency.oit_year, code) for code in agency.oit_missing)
    return sorted(((year, code, count, reporting[year]) for (year, code), count in lacking.items()),
                  key=lambda row: (-row[0], -row[2], code_order(row[1])))


def most_improved(agencies: Iterable[AgencyFigures], limit: int = 10) -> list[AgencyFigures]:
    """The agencies whose latest total rose most over the previous year's."""
    rising = [a for a in agencies if a.change is not None and a.change > 0]
    return sorted(rising, key=lambda a: (-(a.change or 0), a.name))[:limit]
