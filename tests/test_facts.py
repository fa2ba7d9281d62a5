"""Measure facts on a fixed date: state, percentage, owner, deadlines, counts and the date the data is as of."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from html_text import page_text
from ita_site.checks import run_checks
from ita_site.checks.loop import check_progress_reported, check_weakness_measures
from ita_site.content.facts import DUE_SOON_DAYS, State, measure_facts, plan_facts, reference_date
from ita_site.content.findings import Level
from ita_site.content.model import Plan, Progress
from ita_site.content.project import load_project
from ita_site.site.render import render_site

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "tambon-example"


def _line_of(path: Path, text: str) -> int:
    """1-based line of the first line containing ``text``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def _plan(*measures: dict, owner: str | None = None) -> Plan:
    return Plan.model_validate({
        "fiscal_year": 2567, "title": "มาตรการ", "owner": owner, "period": {"start": "2023-10-01", "end": "2024-09-30"},
        "measures": [{"id": f"m{i}", "number": f"1.{i}", "title": f"มาตรการ {i}", **m}
                     for i, m in enumerate(measures, start=1)],
    })


def _entry(day: str, status: str, percent: int | None = None) -> dict:
    return {"date": day, "status": status, "percent": percent, "text": "รายงาน"}


TODAY = dt.date(2024, 9, 10)


def test_a_period_that_ended_makes_an_unfinished_measure_overdue_or_ended_unreported() -> None:
    plan = _plan({"end": "2024-06-30", "progress": [_entry("2024-05-31", "in_progress", 60)]},
                 {"end": "2024-06-30", "progress": [_entry("2024-06-20", "done")]},
                 {"end": "2024-06-30", "progress": [_entry("2024-06-20", "cancelled")]},
                 {"end": "2024-06-30"},
                 {"end": "2024-06-30", "status": "not_started"})
    facts = [measure_facts(plan, m, TODAY) for m in plan.measures]
    assert [f.state for f in facts] == [State.OVERDUE, State.DONE, State.CANCELLED, State.ENDED_UNREPORTED,
                                        State.OVERDUE]
    assert facts[0].percent == 60 and facts[0].days_left == -72 and facts[0].report_note is State.IN_PROGRESS
    assert facts[1].percent == 100  # done without a percentage counts as complete
    assert facts[3].reported is None and facts[3].latest is None
    assert [f.late for f in facts] == [True, False, False, True, True]


@pytest.mark.parametrize(("end", "state"), [
    (TODAY, State.DUE_SOON),
    (TODAY + dt.timedelta(days=DUE_SOON_DAYS), State.DUE_SOON),
    (TODAY + dt.timedelta(days=DUE_SOON_DAYS + 1), State.IN_PROGRESS),
    (TODAY - dt.timedelta(days=1), State.OVERDUE),
])
def test_due_soon_window_is_inclusive_thirty_days(end: dt.date, state: State) -> None:
    plan = _plan({"end": end.isoformat(), "progress": [_entry("2024-01-01", "in_progress", 10)]})
    assert measure_facts(plan, plan.measures[0], TODAY).state is state


def test_finished_measures_are_never_due_soon() -> None:
    plan = _plan({"progress": [_entry("2024-08-01", "done")]})
    assert measure_facts(plan, plan.measures[0], TODAY).state is State.DONE


def test_latest_report_up_to_the_reference_date_gives_the_state() -> None:
    plan = _plan({"end": "2024-12-31", "progress": [_entry("2024-09-20", "done", 100),
                                                    _entry("2024-01-10", "not_started", 0),
                                                    _entry("2024-08-01", "delayed", 20)]})
    facts = measure_facts(plan, plan.measures[0], TODAY)
    assert facts.state is State.DELAYED and facts.percent == 20
    assert [e.date for e in facts.reports] == [dt.date(2024, 1, 10), dt.date(2024, 8, 1)]
    assert measure_facts(plan, plan.measures[0], dt.date(2024, 9, 21)).state is State.DONE


def test_plan_counts_every_measure_once_cancelled_included() -> None:
    plan = _plan({"end": "2024-03-31", "progress": [_entry("2024-03-01", "done")]},
                 {"end": "2024-06-30", "progress": [_entry("2024-05-01", "in_progress", 50)]},
                 {"progress": [_entry("2024-08-01", "delayed", 20)]},
                 {"progress": [_entry("2024-02-01", "cancelled")]},
                 {"end": "2024-12-31"},
                 {})
    summary = plan_facts(plan, TODAY)
    counts = {state: n for state, n in summary.counts if n}
    assert counts == {State.DONE: 1, State.OVERDUE: 1, State.DUE_SOON: 2, State.CANCELLED: 1, State.NO_REPORT: 1}
    assert sum(n for _, n in summary.counts) == len(plan.measures)
    assert [m.measure.number for m in summary.late] == ["1.2", "1.3"]
    assert [m.measure.number for m in summary.unreported] == ["1.5", "1.6"]
    assert summary.as_of == dt.date(2024, 8, 1)
    assert summary.mean_percent == round((100 + 50 + 20) / 3)


def test_owners_are_the_measures_own_else_the_plans() -> None:
    plan = _plan({"owner": "กองคลัง"}, {"owner": "กองช่าง"}, {"owner": "กองคลัง"})
    assert plan_facts(plan, TODAY).owners == ["กองคลัง", "กองช่าง"]
    shared = _plan({}, {"owner": "กองช่าง"}, owner="สำนักปลัด")
    assert [m.owner for m in plan_facts(shared, TODAY).measures] == ["สำนักปลัด", "กองช่าง"]
    assert plan_facts(shared, TODAY).owners == ["สำนักปลัด", "กองช่าง"]
    assert plan_facts(_plan(), TODAY).as_of is None


def test_plan_page_names_the_measures_owners_and_counts_measures_without_a_report() -> None:
    """Owners written only on the measures, two measures with no dated report (one has a written status)."""
    project = load_project(EXAMPLE / "content", EXAMPLE)
    plan = project.plans[2567]
    owners = ["กองคลัง (สมมติ)", "กองช่าง (สมมติ)", "กองการศึกษา (สมมติ)", "กองคลัง (สมมติ)", "กองช่าง (สมมติ)"]
    measures = [m.model_copy(update={"owner": owner}) for m, owner in zip(plan.measures, owners, strict=True)]
    measures[3] = measures[3].model_copy(update={"progress": [], "status": "not_started"})
    changed = plan.model_copy(update={"owner": None, "measures": measures})
    project.sources[id(changed)] = project.doc_of(plan)
    project.plans[2567] = changed
    pages = {page.path: page.markdown for page in render_site(project, TODAY).pages}
    plan_page = pages["2567/measures/index.md"]
    responsible = plan_page[plan_page.index("## ผู้รับผิดชอบ"):]
    assert "ไม่ได้ระบุ" not in responsible
    assert all(owner in responsible for owner in owners)
    assert "มาตรการที่ยังไม่มีรายงานความคืบหน้า ๒ มาตรการ" in plan_page
    report = pages["2567/measures/report.md"]
    assert "ผู้รับผิดชอบ: ไม่ได้ระบุ" not in report and "มาตรการที่ยังไม่มีรายงานความคืบหน้า ๒ มาตรการ" in report


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
    findings = run_checks(load_project(REPO / "content", REPO), dt.date(2026, 11, 30))
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


def test_a_report_dated_after_the_reference_date_is_not_yet_a_report() -> None:
    """The check notes what the pages show: a measure whose only report is dated later has none yet."""
    project = load_project(REPO / "content", REPO)
    plan = project.plans[2567]
    reported_later = plan.measures[0].model_copy(
        update={"progress": [Progress.model_validate(_entry("2024-09-01", "done"))]})
    changed = plan.model_copy(update={"measures": [reported_later, *plan.measures[1:]]})
    project.sources[id(changed)] = project.doc_of(plan)
    project.plans[2567] = changed
    assert len(list(check_progress_reported(project, dt.date(2024, 8, 1)))) == 4
    assert len(list(check_progress_reported(project, dt.date(2024, 9, 1)))) == 3


@pytest.mark.slow
def test_seed_site_shows_no_progress_report_honestly(seed_site: Path) -> None:
    measure = page_text(seed_site / "2567" / "measures" / "1-1.html")
    assert "ยังไม่มีรายงานความคืบหน้า" in measure
    assert "เลยกำหนด" not in measure  # nothing says the measure was left undone
    report = page_text(seed_site / "2567" / "measures" / "report.html")
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณพ.ศ.2567" in report
    assert "มาตรการที่ยังไม่มีรายงานความคืบหน้า4มาตรการ" in report


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
