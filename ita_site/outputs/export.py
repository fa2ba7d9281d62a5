"""Open data: the agency's scores, questions, weaknesses and measures as a Frictionless Data Package.

Each table is written twice from the same rows: CSV with Thai headers for spreadsheets (UTF-8 with a byte
order mark, because Excel shows Thai as garbage without one) and JSON keyed in ASCII for programs. The
tables' shape is defined once in :mod:`ita_site.outputs.datapackage`. ``ita-data.json`` holds every content
file's validated data, so the published figures can be checked against the published site by anyone.
The build writes the same files into the site (``addresses.OPEN_DATA_DIR``), byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_site.content import addresses
from ita_site.content.facts import project_facts
from ita_site.content.framework import framework_for
from ita_site.content.project import Project
from ita_site.outputs import catalogue, datapackage, schema
from ita_site.outputs.datapackage import TABLES, Table

FULL_DATA = "ita-data.json"
FULL_DATA_SCHEMA = "ita-data.schema.json"
DICTIONARY = "README.md"
SCHEMA_DIR = "schema"
# A cell Excel would run as a formula; prefixed with an apostrophe so it shows as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = dict[str, Any]


def _page_key(path: str) -> str:
    """A row's key where the row has a page: the page's address without its extension."""
    return path.removesuffix(".md")


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def score_rows(project: Project) -> Iterator[Row]:
    """The overall and per-indicator scores of every year, one row each."""
    agency = project.agency.name
    for year, assessment in sorted(project.assessments.items()):
        fw = framework_for(year)
        yield {"key": f"{year}/overall", "agency": agency, "fiscal_year_be": year, "item": "overall",
               "indicator": None, "name": "ภาพรวม", "tool": None, "score": assessment.overall.score,
               "level": assessment.overall.level}
        for item in assessment.indicators:
            indicator = fw.indicator(item.number) if fw else None
            yield {"key": _page_key(addresses.indicator_path(year, item.number)), "agency": agency,
                   "fiscal_year_be": year, "item": "indicator", "indicator": item.number,
                   "name": indicator.name if indicator else None, "tool": indicator.tool if indicator else None,
                   "score": item.score, "level": None}


def _question_key(year: int, qid: str) -> str:
    return f"{year}/questions/{qid}"


def question_rows(project: Project) -> Iterator[Row]:
    for year, assessment in sorted(project.assessments.items()):
        for q in assessment.questions:
            yield {"key": _question_key(year, q.id), "agency": project.agency.name, "fiscal_year_be": year,
                   "tool": q.tool, "indicator": q.indicator, "code": q.code, "text": q.text, "score": q.score}


def _weakness_key(year: int, wid: str) -> str:
    return _page_key(addresses.weakness_path(year, wid))


def weakness_rows(project: Project) -> Iterator[Row]:
    for year, assessment in sorted(project.assessments.items()):
        for w in assessment.weaknesses:
            yield {"key": _weakness_key(year, w.id), "agency": project.agency.name, "fiscal_year_be": year,
                   "indicator": w.indicator, "title": w.title, "urgent": w.urgent, "text": w.text}


def weakness_question_rows(project: Project) -> Iterator[Row]:
    for year, assessment in sorted(project.assessments.items()):
        for w in assessment.weaknesses:
            for qid in w.questions:
                yield {"agency": project.agency.name, "weakness": _weakness_key(year, w.id),
                       "question": _question_key(year, qid)}


def measure_rows(project: Project, today: dt.date) -> Iterator[Row]:
    """Measures as the site shows them on ``today``: state, percentage, owner, steps and dates (their own or
    the plan's), the latest report, and the date the plan's data is as of."""
    for year, plan_facts in project_facts(project, today).plans.items():
        plan = plan_facts.plan
        for facts in plan_facts.measures:
            measure, latest = facts.measure, facts.latest
            yield {"key": _page_key(addresses.measure_path(year, measure.id)), "agency": project.agency.name,
                   "fiscal_year_be": year, "based_on_be": plan.based_on, "number": measure.number,
                   "title": measure.title, "text": measure.text, "owner": facts.owner, "start": _iso(facts.start),
                   "end": _iso(facts.end), "state": facts.state.code, "state_label": facts.state.thai,
                   "percent": facts.percent, "latest_report": _iso(latest.date if latest else None),
                   "latest_progress": latest.text if latest else None, "as_of": _iso(plan_facts.as_of),
                   "indicators": _join(measure.indicators) or None,
                   "steps": _join([f"{step.number} {' '.join(step.text.split())}"
                                   for step in plan.steps_of(measure)]) or None}


def measure_weakness_rows(project: Project) -> Iterator[Row]:
    for year, plan in sorted(project.plans.items()):
        if plan.based_on is None:  # nothing to answer: the checks refuse addresses without an assessment
            continue
        for measure in plan.measures:
            for wid in measure.addresses:
                yield {"agency": project.agency.name, "measure": _page_key(addresses.measure_path(year, measure.id)),
                       "weakness": _weakness_key(plan.based_on, wid)}


def table_rows(project: Project, today: dt.date) -> dict[str, list[Row]]:
    """Every table's rows by table name, in the order of :data:`datapackage.TABLES`."""
    rows = {"scores": score_rows(project), "questions": question_rows(project),
            "weaknesses": weakness_rows(project), "weakness_questions": weakness_question_rows(project),
            "measures": measure_rows(project, today), "measure_weaknesses": measure_weakness_rows(project)}
    return {table.name: list(rows[table.name]) for table in TABLES}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind != "string":
        return str(value)
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(table: Table, rows: list[Row]) -> str:
    """The table as CSV: the Thai header row always, even without rows; text cells on one line, never formulas."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_cell(row[c.key], c.type) for c in table.columns] for row in rows)
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def full_data(project: Project) -> dict[str, Any]:
    """Every validated content file as JSON-ready data (scores stay strings: "99.50", not 99.5)."""
    return {
        "agency": project.agency.model_dump(mode="json"),
        "assessments": {str(y): a.model_dump(mode="json") for y, a in project.assessments.items()},
        "plans": {str(y): p.model_dump(mode="json") for y, p in project.plans.items()},
        "oit": {str(y): e.model_dump(mode="json") for y, e in project.oit.items()},
    }


def full_data_schema() -> dict[str, Any]:
    """The JSON Schema of ``ita-data.json``: each part refers to its content file's definition."""
    def by_year(model: str) -> dict[str, Any]:
        return {"type": "object", "propertyNames": {"pattern": "^[0-9]{4}$"},
                "additionalProperties": {"$ref": f"{schema.SCHEMA_FILE}#/$defs/{model}"}}
    return {"$schema": schema.DIALECT, "title": "ข้อมูลทั้งหมดของหน่วยงาน (ita-data.json)",
            "description": "เนื้อหาทุกไฟล์ที่ผ่านการตรวจแล้ว ตามปีงบประมาณ พ.ศ.", "type": "object",
            "additionalProperties": False, "required": ["agency", "assessments", "plans", "oit"],
            "properties": {"agency": {"$ref": f"{schema.SCHEMA_FILE}#/$defs/Agency"},
                           "assessments": by_year("Assessment"), "plans": by_year("Plan"),
                           "oit": by_year("OitEvidence")}}


def open_data_files(project: Project, today: dt.date) -> dict[str, bytes]:
    """Relative path -> bytes of every file of the open data on ``today``: what both export and build write."""
    files: dict[str, str] = {}
    json_files: dict[str, tuple[str, str]] = {}
    tables = table_rows(project, today)
    for table in TABLES:
        rows = [{k: _plain(v) for k, v in row.items()} for row in tables[table.name]]
        files[f"{table.name}.csv"] = "\ufeff" + csv_text(table, rows)
        files[f"{table.name}.json"] = _json(rows)
        files[f"{SCHEMA_DIR}/{table.name}.schema.json"] = _json(datapackage.json_schema(table))
        json_files[f"{table.name}-json"] = (f"{table.name}.json", f"{SCHEMA_DIR}/{table.name}.schema.json")
    files[FULL_DATA] = _json(full_data(project))
    files[f"{SCHEMA_DIR}/{FULL_DATA_SCHEMA}"] = _json(full_data_schema())
    json_files["ita-data"] = (FULL_DATA, f"{SCHEMA_DIR}/{FULL_DATA_SCHEMA}")
    json_files["catalogue"] = (catalogue.CATALOGUE_FILE, f"{SCHEMA_DIR}/{catalogue.CATALOGUE_SCHEMA}")
    files.update({f"{SCHEMA_DIR}/{name}": text for name, text in schema.schema_files().items()})
    files[datapackage.PACKAGE_FILE] = _json(datapackage.descriptor(project, today, json_files))
    files[catalogue.CATALOGUE_FILE] = _json(catalogue.catalogue(project, today))
    files[f"{SCHEMA_DIR}/{catalogue.CATALOGUE_SCHEMA}"] = _json(catalogue.json_schema(project, today))
    files[catalogue.TEMPLATE_FILE] = catalogue.template(project, today)
    files[DICTIONARY] = datapackage.data_dictionary(project)
    return {name: text.encode("utf-8") for name, text in sorted(files.items())}


def export(project: Project, out_dir: Path, today: dt.date) -> list[Path]:
    """Write the open data into ``out_dir``; returns the files written.

    ``today`` is the build date, so that measures are exported in the state the site shows them in.
    """
    written = []
    for name, data in open_data_files(project, today).items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
