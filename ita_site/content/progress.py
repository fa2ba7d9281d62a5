"""Where each measure stands on the build date: its latest status, and whether it is overdue or due soon.

Everything here is computed for an explicit ``today`` (the build date), never the clock, so the same
content and the same build date always give the same site.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ita_site.content.model import Measure, Plan, Progress, Status

DUE_SOON_DAYS = 30
"""A measure ending within this many days of the build date, and not finished, is due soon."""

FINISHED: frozenset[str] = frozenset({"done", "cancelled"})
NO_REPORT_LABEL = "ไม่มีรายงานความคืบหน้า"


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


@dataclass(frozen=True)
class MeasureState:
    """A measure as of one date: the status to show, how far along it is, and its deadline flags.

    ``status`` is the latest progress entry's status (entries dated after ``today`` are ignored), else
    the status written on the measure, else None ("no progress report"). A measure past its end whose
    status is unknown is ``ended_unreported``, not overdue: nothing says it was left undone.
    """

    plan: Plan
    measure: Measure
    today: dt.date
    start: dt.date | None
    end: dt.date | None
    status: Status | None
    percent: int | None
    entries: tuple[Progress, ...]

    @property
    def latest(self) -> Progress | None:
        return self.entries[-1] if self.entries else None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def days_left(self) -> int | None:
        """Days from the build date to the end date (negative once it has passed)."""
        return (self.end - self.today).days if self.end else None

    @property
    def overdue(self) -> bool:
        return self.status is not None and not self.finished and self.end is not None and self.end < self.today

    @property
    def due_soon(self) -> bool:
        days = self.days_left
        return not self.finished and days is not None and 0 <= days <= DUE_SOON_DAYS

    @property
    def ended_unreported(self) -> bool:
        return self.status is None and self.end is not None and self.end < self.today


def measure_state(plan: Plan, measure: Measure, today: dt.date) -> MeasureState:
    """The state of one measure of ``plan`` on ``today``."""
    entries = tuple(sorted((e for e in measure.progress if e.date <= today), key=lambda e: e.date))
    latest = entries[-1] if entries else None
    status = latest.status if latest else measure.status
    percent = latest.percent if latest and latest.percent is not None else (100 if status == "done" else None)
    return MeasureState(plan=plan, measure=measure, today=today, start=plan.start_of(measure),
                        end=plan.end_of(measure), status=status, percent=percent, entries=entries)


@dataclass(frozen=True)
class PlanSummary:
    """How a plan's measures stand on one date, for the plan page and the follow-up report."""

    states: tuple[MeasureState, ...]

    def with_status(self, *statuses: str | None) -> list[MeasureState]:
        return [s for s in self.states if s.status in statuses]

    @property
    def total(self) -> int:
        return len(self.states)

    @property
    def done(self) -> list[MeasureState]:
        return self.with_status("done")

    @property
    def in_progress(self) -> list[MeasureState]:
        return self.with_status("in_progress", "delayed")

    @property
    def not_started(self) -> list[MeasureState]:
        return self.with_status("not_started")

    @property
    def cancelled(self) -> list[MeasureState]:
        return self.with_status("cancelled")

    @property
    def unreported(self) -> list[MeasureState]:
        return self.with_status(None)

    @property
    def overdue(self) -> list[MeasureState]:
        return [s for s in self.states if s.overdue]

    @property
    def due_soon(self) -> list[MeasureState]:
        return [s for s in self.states if s.due_soon]

    @property
    def late(self) -> list[MeasureState]:
        """Overdue or reported as delayed: what a follow-up report must explain."""
        return [s for s in self.states if s.overdue or s.status == "delayed"]

    @property
    def mean_percent(self) -> int | None:
        """Average completion over measures that report a percentage (cancelled ones excluded)."""
        values = [s.percent for s in self.states if s.percent is not None and s.status != "cancelled"]
        return round(sum(values) / len(values)) if values else None


def plan_summary(plan: Plan, today: dt.date) -> PlanSummary:
    """Every measure's state on ``today``, in the plan's order."""
    return PlanSummary(tuple(measure_state(plan, m, today) for m in plan.measures))
