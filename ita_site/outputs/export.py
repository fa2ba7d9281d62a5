"""Open data: the agency's scores, questions, weaknesses and measures as CSV and JSON.

CSV is written UTF-8 with a byte order mark, because Excel (what most readers open it with) shows
Thai as garbage without one. ``ita-data.json`` holds every content file's validated data, so the
published figures can be checked against the published site by anyone.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_site.checks.references import framework_for
from ita_site.content.facts import project_facts
from ita_site.content.project import Project
from ita_site.outputs import schema

FULL_DATA = "ita-data.json"
# A cell Excel would run as a formula; prefixed with an apostrophe so it shows as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = dict[str, Any]


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values)


def score_rows(project: Project) -> Iterator[Row]:
    """The overall and per-indicator scores of every year, one row each."""
    for year, assessment in project.assessments.items():
        fw = framework_for(year)
        yield {"fiscal_year": year, "item": "overall", "indicator": None, "name": "ภาพรวม",
               "tool": None, "score": assessment.overall.score, "level": assessment.overall.level}
        for item in assessment.indicators:
            indicator = fw.indicator(item.number) if fw else None
            yield {"fiscal_year": year, "item": "indicator", "indicator": item.number,
                   "name": indicator.name if indicator else "", "tool": indicator.tool if indicator else None,
                   "score": item.score, "level": None}


def question_rows(project: Project) -> Iterator[Row]:
    for year, assessment in project.assessments.items():
        for q in assessment.questions:
            yield {"fiscal_year": year, "id": q.id, "tool": q.tool, "indicator": q.indicator, "code": q.code,
                   "text": q.text, "score": q.score}


def weakness_rows(project: Project) -> Iterator[Row]:
    for year, assessment in project.assessments.items():
        measures = [m.id for p in project.plans.values() if p.based_on == year for m in p.measures]
        answered = {m.id: m.addresses for p in project.plans.values() if p.based_on == year for m in p.measures}
        for w in assessment.weaknesses:
            yield {"fiscal_year": year, "id": w.id, "indicator": w.indicator, "title": w.title, "urgent": w.urgent,
                   "text": w.text, "questions": _join(w.questions), "recommendations": _join(w.recommendations),
                   "measures": _join([m for m in measures if w.id in answered[m]])}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def measure_rows(project: Project, today: dt.date) -> Iterator[Row]:
    """Measures as the site shows them on ``today``: state, percentage, owner, steps and dates (their own or
    the plan's), the latest report, and the date the plan's data is as of."""
    for year, plan_facts in project_facts(project, today).plans.items():
        plan = plan_facts.plan
        for facts in plan_facts.measures:
            measure = facts.measure
            yield {"fiscal_year": year, "based_on": plan.based_on, "id": measure.id, "number": measure.number,
                   "title": measure.title, "text": measure.text, "owner": facts.owner, "start": _iso(facts.start),
                   "end": _iso(facts.end), "state": facts.state.code, "state_label": facts.state.thai,
                   "percent": facts.percent, "latest_report": _iso(facts.latest.date if facts.latest else None),
                   "as_of": _iso(plan_facts.as_of), "addresses": _join(measure.addresses),
                   "indicators": _join(measure.indicators),
                   "steps": _join([f"{step.number} {' '.join(step.text.split())}" for step in plan.steps_of(measure)])}


def _tables(project: Project, today: dt.date) -> dict[str, Iterator[Row]]:
    return {"scores": score_rows(project), "questions": question_rows(project), "weaknesses": weakness_rows(project),
            "measures": measure_rows(project, today)}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def full_data(project: Project) -> dict[str, Any]:
    """Every validated content file as JSON-ready data (scores stay strings: "99.50", not 99.5)."""
    return {
        "agency": project.agency.model_dump(mode="json"),
        "assessments": {str(y): a.model_dump(mode="json") for y, a in project.assessments.items()},
        "plans": {str(y): p.model_dump(mode="json") for y, p in project.plans.items()},
        "oit": {str(y): e.model_dump(mode="json") for y, e in project.oit.items()},
    }


def export(project: Project, out_dir: Path, today: dt.date) -> list[Path]:
    """Write the CSV and JSON tables, the full data and the JSON Schema; returns the files written.

    ``today`` is the build date, so that measures are exported in the state the site shows them in.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, table in _tables(project, today).items():
        rows = [{k: _plain(v) for k, v in row.items()} for row in table]
        columns = list(rows[0]) if rows else []
        csv_path = out_dir / f"{name}.csv"
        with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([_cell(row[c]) for c in columns] for row in rows)
        json_path = out_dir / f"{name}.json"
        json_path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [csv_path, json_path]
    full = out_dir / FULL_DATA
    full.write_text(json.dumps(full_data(project), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(full)
    written += schema.write_schema_files(out_dir / "schema")
    return written
