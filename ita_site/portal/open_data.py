"""The portal's open data: every agency's scores and measures in one Frictionless Data Package.

The tables are the agencies' own (:mod:`ita_site.outputs.datapackage`): the same columns, Thai headers,
types and help, rows made by the same functions, so a table of one agency and the portal's table of all
of them read alike. Row keys (``<year>/<table>/<id>``) are unique within one agency only, and two agencies
may share a name, so the combined tables declare no primary key.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ita_site.content.project import Project
from ita_site.outputs.datapackage import MEASURES, PACKAGE_FILE, SCORES, Table, csv_resource, table_schema
from ita_site.outputs.export import csv_text, measure_rows, score_rows

#: Where the package sits in the portal site.
DATA_DIR = "data"
TABLES: tuple[Table, ...] = (SCORES, MEASURES)


def agency_rows(project: Project, today: dt.date) -> dict[str, str]:
    """One agency's rows of each table as CSV lines (no header), small enough to travel between processes."""
    rows = {SCORES.name: score_rows(project), MEASURES.name: measure_rows(project, today)}
    return {table.name: csv_text(table, [{k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()}
                                         for row in rows[table.name]]).split("\r\n", 1)[1]
            for table in TABLES}


def _schema(table: Table) -> dict[str, Any]:
    schema = table_schema(table)
    schema.pop("primaryKey", None)
    return schema


def package_files(agencies: list[dict[str, str]], *, title: str, today: dt.date) -> dict[str, bytes]:
    """``data/`` of the portal: one CSV per table (UTF-8 with a byte order mark, for Excel) and datapackage.json."""
    files = {f"{DATA_DIR}/{table.name}.csv": ("\ufeff" + csv_text(table, []) + "".join(
        rows[table.name] for rows in agencies)).encode("utf-8") for table in TABLES}
    descriptor = {
        "name": "ita-portal",
        "title": title,
        "description": (f"คะแนนการประเมิน ITA และมาตรการของหน่วยงาน {len(agencies)} แห่ง ตามที่แต่ละหน่วยงานเผยแพร่ "
                        f"สถานะของมาตรการ ณ วันที่ {today.isoformat()} คอลัมน์เหมือนข้อมูลเปิดของแต่ละหน่วยงาน"),
        "created": f"{today.isoformat()}T00:00:00Z",
        "resources": [csv_resource(t, _schema(t)) for t in TABLES],
    }
    files[f"{DATA_DIR}/{PACKAGE_FILE}"] = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files
