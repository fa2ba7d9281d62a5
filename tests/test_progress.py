"""Progress of measures on a fixed date: status, overdue, due soon, and the honest "no report" of the seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from html_text import page_text
from ita_site.checks import run_checks
from ita_site.checks.loop import check_progress_reported, check_weakness_measures
from ita_site.content.findings import Level
from ita_site.content.model import Plan
from ita_site.content.progress import DUE_SOON_DAYS, measure_state, plan_summary, reference_date
from ita_site.content.project import load_project

REPO = Path(__file__).resolve().parent.parent


def _line_of(path: Path, text: str) -> int:
    """1-based line of the first line containing ``text``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def _plan(*measures: dict) -> Plan:
    return Plan.model_validate({
        "fiscal_year": 2567, "title": "มาตรการ", "period": {"start": "2023-10-01", "end": "2024-09-30"},
        "measures": [{"id": f"m{i}", "number": f"1.{i}", "title": f"มาตรการ {i}", **m}
                     for i, m in enumerate(measures, start=1)],
    })


def _entry(day: str, status: str, percent: int | None = None) -> dict:
    return {"date": day, "status": status, "percent": percent, "text": "รายงาน"}


TODAY = dt.date(2024, 9, 10)


def test_overdue_needs_a_known_unfinished_status_and_a_past_end() -> None:
    plan = _plan({"end": "2024-06-30", "progress": [_entry("2024-05-31", "in_progress", 60)]},
                 {"end": "2024-06-30", "progress": [_entry("2024-06-20", "done")]},
                 {"end": "2024-06-30", "progress": [_entry("2024-06-20", "cancelled")]},
                 {"end": "2024-06-30"})
    states = [measure_state(plan, m, TODAY) for m in plan.measures]
    assert [s.overdue for s in states] == [True, False, False, False]
    assert states[0].percent == 60 and states[0].days_left == -72
    assert states[1].percent == 100  # done without a percentage counts as complete
    assert states[3].status is None and states[3].ended_unreported and not states[3].overdue


@pytest.mark.parametrize(("end", "due_soon"), [
    (TODAY, True),
    (TODAY + dt.timedelta(days=DUE_SOON_DAYS), True),
    (TODAY + dt.timedelta(days=DUE_SOON_DAYS + 1), False),
    (TODAY - dt.timedelta(days=1), False),
])
def test_due_soon_window_is_inclusive_thirty_days(end: dt.date, due_soon: bool) -> None:
    plan = _plan({"end": end.isoformat(), "progress": [_entry("2024-01-01", "in_progress", 10)]})
    assert measure_state(plan, plan.measures[0], TODAY).due_soon is due_soon


def test_finished_measures_are_never_due_soon() -> None:
    plan = _plan({"progress": [_entry("2024-08-01", "done")]})
    assert not measure_state(plan, plan.measures[0], TODAY).due_soon


def test_latest_entry_up_to_the_build_date_gives_the_status() -> None:
    plan = _plan({"progress": [_entry("2024-09-20", "done", 100), _entry("2024-01-10", "not_started", 0),
                               _entry("2024-08-01", "delayed", 20)]})
    state = measure_state(plan, plan.measures[0], TODAY)
    assert state.status == "delayed" and state.percent == 20
    assert [e.date for e in state.entries] == [dt.date(2024, 1, 10), dt.date(2024, 8, 1)]
    later = measure_state(plan, plan.measures[0], dt.date(2024, 9, 21))
    assert later.status == "done"


def test_plan_summary_counts() -> None:
    plan = _plan({"end": "2024-03-31", "progress": [_entry("2024-03-01", "done")]},
                 {"end": "2024-06-30", "progress": [_entry("2024-05-01", "in_progress", 50)]},
                 {"progress": [_entry("2024-08-01", "delayed", 20)]},
                 {"progress": [_entry("2024-02-01", "cancelled")]},
                 {})
    summary = plan_summary(plan, TODAY)
    assert (summary.total, len(summary.done), len(summary.in_progress), len(summary.cancelled),
            len(summary.unreported)) == (5, 1, 2, 1, 1)
    assert [s.measure.number for s in summary.overdue] == ["1.2"]
    assert [s.measure.number for s in summary.due_soon] == ["1.3", "1.5"]
    assert [s.measure.number for s in summary.late] == ["1.2", "1.3"]
    assert summary.mean_percent == round((100 + 50 + 20) / 3)


def test_percent_outside_0_to_100_is_a_located_error(tmp_path: Path) -> None:
    from ita_site.content.findings import ContentError

    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    (content / "agency.yaml").write_text("id: a\nname: หน่วยงาน\ntype: อบต.\ndistrict: ก\nprovince: ข\n",
                                         encoding="utf-8")
    (content / "plans" / "2567.yaml").write_text(
        "fiscal_year: 2567\ntitle: มาตรการ\nmeasures:\n  - id: a\n    number: '1'\n    title: ก\n    progress:\n"
        "      - {date: 2024-01-01, status: done, percent: 120, text: เสร็จ}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_project(content, tmp_path)
    assert [(f.code, f.file, f.line) for f in caught.value.findings] == [("ITA106", "content/plans/2567.yaml", 8)]


def test_seed_has_no_new_warnings_and_only_notes_about_progress() -> None:
    findings = run_checks(load_project(REPO / "content", REPO))
    loop_codes = [f for f in findings if f.code.startswith("ITA6")]
    assert all(f.level is Level.INFO for f in loop_codes), [f.format("en") for f in loop_codes]
    progress_notes = [f for f in findings if f.code == "ITA602"]
    plan = REPO / "content" / "plans" / "2567.yaml"
    assert [(f.file, f.line) for f in progress_notes] == [
        ("content/plans/2567.yaml", _line_of(plan, f'- id: "1-{n}"')) for n in (1, 2, 3, 4)]


def test_weakness_without_measure_is_reported_only_once_a_plan_answers_the_year() -> None:
    project = load_project(REPO / "content", REPO)
    assert list(check_weakness_measures(project)) == []
    plan = project.plans[2567]
    trimmed = plan.model_copy(update={"measures": [m for m in plan.measures if "iit-4" not in m.addresses]})
    project.sources[id(trimmed)] = project.doc_of(plan)
    project.plans[2567] = trimmed
    findings = list(check_weakness_measures(project))
    assert [(f.code, f.args["id"], f.level) for f in findings] == [("ITA601", "iit-4", Level.WARNING)]
    assert findings[0].line == _line_of(REPO / "content" / "assessments" / "2566.yaml", "- id: iit-4")
    assert list(check_progress_reported(project, reference_date()))  # still noted: none of the seed's measures has a report


def test_seed_site_shows_no_progress_report_honestly(seed_site: Path) -> None:
    measure = page_text(seed_site / "2567" / "measures" / "1-1.html")
    assert "ไม่มีรายงานความคืบหน้า" in measure
    assert "เลยกำหนด" not in measure  # nothing says the measure was left undone
    report = page_text(seed_site / "2567" / "measures" / "report.html")
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณพ.ศ.2567" in report
    assert "ไม่มีรายงานความคืบหน้า4" in report  # the summary table row: all four measures


def test_build_date_comes_from_the_setting_else_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 9, 10, 23, 0, tzinfo=dt.UTC).timestamp())))
    assert reference_date(None) == dt.date(2024, 9, 10)
    assert reference_date("2023-01-02") == dt.date(2023, 1, 2)
    findings = list(check_progress_reported(load_project(REPO / "content", REPO), reference_date()))
    assert len(findings) == 4  # the seed's measures started on 1 October 2023
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2023, 9, 30, tzinfo=dt.UTC).timestamp())))
    assert list(check_progress_reported(load_project(REPO / "content", REPO), reference_date())) == []  # not started


def test_checks_use_the_build_date_the_pages_use() -> None:
    project = load_project(REPO / "content", REPO)
    assert [f.code for f in run_checks(project, dt.date(2024, 9, 10))].count("ITA602") == 4
    assert "ITA602" not in [f.code for f in run_checks(project, dt.date(2023, 9, 30))]
