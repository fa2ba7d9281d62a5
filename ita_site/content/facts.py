"""Every fact about measures that a reader sees, derived once from the content and one reference date.

The pages, the open-data export and the checks read these facts and compute none of their own, so a
measure's state, percentage and owner are the same wherever they appear. The reference date is the build's
"today" (:func:`reference_date`): it decides which periods have ended and which are due soon. The date the
data is *as of* is another one, the latest progress report: a site rebuilt today does not make the
agency's last report any newer.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import Enum

from ita_site.content.model import Measure, Plan, Progress, Status
from ita_site.content.project import Project

DUE_SOON_DAYS = 30
"""A measure ending within this many days of the reference date, and not finished, is due soon."""


def reference_date(setting: str | None = None) -> dt.date:
    """The build's idea of today: the ``today`` setting (YYYY-MM-DD), else the UTC date of
    SOURCE_DATE_EPOCH, else the clock. Fixing it makes builds reproducible and lets overdue
    measures be computed for a known date; a malformed setting raises ValueError.
    """
    if setting:
        return dt.date.fromisoformat(setting)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


class State(Enum):
    """Where a measure stands on the reference date. Each measure is in exactly one state, so counts by
    state always add up to the number of measures. The first five are also what a progress report can say."""

    DONE = ("done", "ดำเนินการแล้วเสร็จ", "done")
    IN_PROGRESS = ("in_progress", "กำลังดำเนินการ", "in progress")
    DELAYED = ("delayed", "ล่าช้า", "delayed")
    NOT_STARTED = ("not_started", "ยังไม่เริ่ม", "not started")
    CANCELLED = ("cancelled", "ยกเลิก", "cancelled")
    NO_REPORT = ("no_report", "ยังไม่มีรายงาน (ยังไม่สิ้นสุดระยะเวลา)", "no report yet, period not ended")
    DUE_SOON = ("due_soon", "ใกล้ครบกำหนด", "due soon")
    OVERDUE = ("overdue", "เลยกำหนด", "overdue: period ended, reported not done")
    ENDED_UNREPORTED = ("ended_unreported", "สิ้นสุดระยะเวลาแล้ว ไม่มีรายงานผล", "period ended with no report")

    def __init__(self, code: str, thai: str, english: str) -> None:
        self.code = code
        self.thai = thai
        self.english = english

    @classmethod
    def reported(cls, status: Status) -> State:
        """The state a progress report's (or a measure's written) status names."""
        return next(state for state in cls if state.code == status)


_FINISHED = (State.DONE, State.CANCELLED)


@dataclass(frozen=True)
class MeasureFacts:
    """One measure on the reference date.

    ``reported`` is what the latest progress report up to that date says (reports dated later are not
    yet known), else the status written on the measure, else None. ``state`` adds the deadline: a period
    that has ended makes an unfinished measure overdue, or "ended with no report" when nothing was reported.
    """

    plan: Plan
    measure: Measure
    state: State
    reported: State | None
    percent: int | None
    owner: str | None
    start: dt.date | None
    end: dt.date | None
    days_left: int | None
    reports: tuple[Progress, ...]

    @property
    def latest(self) -> Progress | None:
        return self.reports[-1] if self.reports else None

    @property
    def report_note(self) -> State | None:
        """What the latest report says, shown beside a deadline state, which alone would hide it."""
        if self.state in (State.DUE_SOON, State.OVERDUE):
            return self.reported or State.NO_REPORT
        return None

    @property
    def late(self) -> bool:
        """Past its period unfinished, or reported as delayed: what a follow-up report must explain."""
        return self.state in (State.OVERDUE, State.ENDED_UNREPORTED) or self.reported is State.DELAYED


def _state(reported: State | None, days_left: int | None) -> State:
    if reported in _FINISHED or days_left is None:
        return reported or State.NO_REPORT
    if days_left < 0:
        return State.OVERDUE if reported else State.ENDED_UNREPORTED
    if days_left <= DUE_SOON_DAYS:
        return State.DUE_SOON
    return reported or State.NO_REPORT


def measure_facts(plan: Plan, measure: Measure, today: dt.date) -> MeasureFacts:
    """The facts of one measure of ``plan`` on ``today``."""
    reports = tuple(sorted((e for e in measure.progress if e.date <= today), key=lambda e: e.date))
    latest = reports[-1] if reports else None
    status = latest.status if latest else measure.status
    reported = State.reported(status) if status else None
    percent = latest.percent if latest and latest.percent is not None else (100 if reported is State.DONE else None)
    end = plan.end_of(measure)
    days_left = (end - today).days if end else None
    return MeasureFacts(plan=plan, measure=measure, state=_state(reported, days_left), reported=reported,
                        percent=percent, owner=plan.owner_of(measure), start=plan.start_of(measure), end=end,
                        days_left=days_left, reports=reports)


@dataclass(frozen=True)
class PlanFacts:
    """A plan's measures on the reference date, in the plan's order, and what they add up to."""

    plan: Plan
    today: dt.date
    measures: tuple[MeasureFacts, ...]

    @property
    def counts(self) -> list[tuple[State, int]]:
        """Measures per state, every state listed, every measure counted once."""
        return [(state, sum(1 for m in self.measures if m.state is state)) for state in State]

    @property
    def unreported(self) -> list[MeasureFacts]:
        """Measures without any dated progress report (a status written on the measure is not a report)."""
        return [m for m in self.measures if m.latest is None]

    @property
    def late(self) -> list[MeasureFacts]:
        return [m for m in self.measures if m.late]

    @property
    def owners(self) -> list[str]:
        """Who is responsible for the plan's measures, each named once, in the plan's order."""
        named = [m.owner for m in self.measures] if self.measures else [self.plan.owner]
        return list(dict.fromkeys(owner for owner in named if owner))

    @property
    def as_of(self) -> dt.date | None:
        """The date of the latest progress report on any measure: what the data is as of."""
        return max((m.latest.date for m in self.measures if m.latest), default=None)

    @property
    def mean_percent(self) -> int | None:
        """Average completion over measures that report a percentage (cancelled ones excluded)."""
        values = [m.percent for m in self.measures if m.percent is not None and m.state is not State.CANCELLED]
        return round(sum(values) / len(values)) if values else None


def plan_facts(plan: Plan, today: dt.date) -> PlanFacts:
    """Every measure of ``plan`` on ``today``."""
    return PlanFacts(plan, today, tuple(measure_facts(plan, m, today) for m in plan.measures))


@dataclass(frozen=True)
class ProjectFacts:
    """Every plan's facts on one reference date, by fiscal year, and each measure's by (year, id)."""

    plans: dict[int, PlanFacts]
    measures: dict[tuple[int, str], MeasureFacts]

    def of_plan(self, plan: Plan) -> PlanFacts:
        return self.plans[plan.fiscal_year]

    def of_measure(self, plan: Plan, measure: Measure) -> MeasureFacts:
        return self.measures[plan.fiscal_year, measure.id]

    @property
    def latest_plan(self) -> PlanFacts | None:
        return self.plans[max(self.plans)] if self.plans else None


def project_facts(project: Project, today: dt.date) -> ProjectFacts:
    """The facts of every plan of ``project`` on ``today``."""
    plans = {year: plan_facts(plan, today) for year, plan in sorted(project.plans.items())}
    measures = {(year, m.measure.id): m for year, facts in plans.items() for m in facts.measures}
    return ProjectFacts(plans, measures)
