"""The open data's tables as a Frictionless Data Package: one definition per column, read by every output.

Each column has a Thai name, which is the CSV header (spreadsheet users read Thai) and the Table Schema
field ``name`` (Frictionless matches header to name), and a stable ASCII ``key``, which names the same value
in the JSON export and in the field's ``jsonKey`` property. The Table Schemas, the JSON Schemas of the JSON
exports and the Thai data dictionary (``README.md``) are all written from these definitions, so they cannot
drift apart.

Every row has a key of the form ``<fiscal year>/<table>/<id>``: text a spreadsheet never turns into a date or
a number (a bare id such as ``1-1`` or ``1`` would be), unique across years, and for measures, weaknesses and
indicators the address of the row's page on the site. Links between tables are link tables of keys, so that
primary and foreign keys are real and checkable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ita_site.content.facts import State
from ita_site.content.project import Project

#: Written in the Data Package: UTF-8 (an IANA name every Frictionless implementation knows); the files start
#: with a byte order mark, which UTF-8 allows and Excel needs to read Thai.
ENCODING = "utf-8"
PACKAGE_FILE = "datapackage.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_JSON_TYPES = {"string": "string", "integer": "integer", "boolean": "boolean", "date": "string",
               "number": "string"}  # scores stay strings in JSON ("99.50"), as written, never 99.5


@dataclass(frozen=True)
class Column:
    """One column: ``key`` in JSON, ``name`` (Thai) in the CSV header, a Table Schema type and Thai help."""

    key: str
    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """Column ``column`` holds keys of the table ``table``."""

    column: str
    table: str


@dataclass(frozen=True)
class Table:
    """One CSV and one JSON file of the open data, with its columns and keys (column ``key`` names)."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


_KEY_HELP = "รหัสอ้างอิงของแถว รูปแบบ <ปีงบประมาณ พ.ศ.>/{table}/<id> ไม่ซ้ำกันทุกปี"
_AGENCY = Column("agency", "หน่วยงาน", "string", "ชื่อทางการของหน่วยงานที่เผยแพร่ข้อมูล (ทุกแถวของทุกตาราง "
                 "เพื่อรวมข้อมูลหลายหน่วยงานไว้ในตารางเดียวได้)", required=True)
_YEAR = Column("fiscal_year_be", "ปีงบประมาณ (พ.ศ.)", "integer",
               "ปีงบประมาณแบบพุทธศักราช เช่น 2567 คือ 1 ตุลาคม 2566 ถึง 30 กันยายน 2567", required=True)
_CE = " วันที่แบบคริสต์ศักราช รูปแบบ ปี-เดือน-วัน (ISO 8601) เช่น 2023-10-01 คือ 1 ตุลาคม 2566"
_INDICATOR = Column("indicator", "ตัวชี้วัด", "integer", "เลขตัวชี้วัดของการประเมิน ITA 1-10")
_TOOL = Column("tool", "เครื่องมือ", "string", "เครื่องมือการประเมิน: IIT (ภายใน), EIT (ภายนอก) หรือ OIT (เปิดเผยข้อมูล)",
               enum=("IIT", "EIT", "OIT"))


def _key(table: str, what: str) -> Column:
    return Column("key", "รหัส", "string", _KEY_HELP.format(table=table) + what, required=True)


SCORES = Table(
    "scores", "คะแนนการประเมิน ITA",
    "คะแนนภาพรวมและคะแนนรายตัวชี้วัดของทุกปีที่ประเมิน ตามที่ประกาศผล หนึ่งแถวต่อหนึ่งคะแนน",
    (_key("indicators", " แถวคะแนนภาพรวมใช้ <ปี>/overall แถวตัวชี้วัดคือที่อยู่หน้าตัวชี้วัดบนเว็บไซต์ (ไม่รวม .html)"),
     _AGENCY, _YEAR,
     Column("item", "รายการ", "string", "overall = คะแนนภาพรวม, indicator = คะแนนรายตัวชี้วัด",
            enum=("overall", "indicator"), required=True),
     _INDICATOR,
     Column("name", "ชื่อ", "string", "ชื่อตัวชี้วัดตามเกณฑ์ของปีนั้น หรือ ภาพรวม"),
     _TOOL,
     Column("score", "คะแนน", "number", "คะแนน 0-100 ทศนิยมสองตำแหน่งตามที่ประกาศ", required=True),
     Column("level", "ระดับผลการประเมิน", "string", "ระดับตามที่ประกาศ เช่น ผ่านดีเยี่ยม (เฉพาะแถวภาพรวม)")),
    ("key",))

QUESTIONS = Table(
    "questions", "ข้อคำถามที่ได้คะแนนต่ำ",
    "ข้อคำถามในการประเมินที่ได้คะแนนต่ำ ซึ่งหน่วยงานนำมาวิเคราะห์จุดอ่อน",
    (_key("questions", ""), _AGENCY, _YEAR, _TOOL, _INDICATOR,
     Column("code", "รหัสข้อ", "string", "รหัสข้อตามเอกสารการประเมิน เช่น I1 หรือ E4"),
     Column("text", "ข้อคำถาม", "string", "ข้อความของข้อคำถาม", required=True),
     Column("score", "คะแนน", "number", "คะแนนของข้อคำถาม 0-100 ทศนิยมสองตำแหน่ง", required=True)),
    ("key",))

WEAKNESSES = Table(
    "weaknesses", "จุดอ่อนจากผลการประเมิน",
    "จุดอ่อนที่หน่วยงานสรุปจากผลการประเมิน ข้อคำถามของแต่ละจุดอ่อนอยู่ในตาราง weakness_questions "
    "มาตรการที่แก้ไขอยู่ในตาราง measure_weaknesses",
    (_key("weaknesses", " คือที่อยู่หน้าของจุดอ่อนบนเว็บไซต์ (ไม่รวม .html)"), _AGENCY, _YEAR, _INDICATOR,
     Column("title", "จุดอ่อน", "string", "ชื่อจุดอ่อน", required=True),
     Column("urgent", "เร่งด่วน", "boolean", "true เมื่อต้องแก้ไขโดยเร่งด่วน มิฉะนั้น false", required=True),
     Column("text", "รายละเอียด", "string", "คำอธิบายจุดอ่อน")),
    ("key",))

def _pairs(name: str, title: str, description: str, *sides: tuple[str, str, str]) -> Table:
    """A linking table: each row pairs a row of one table with a row of another, by their keys. A side is
    (column, its Thai label, the table whose key it holds); the pair is the primary key."""
    columns = tuple(Column(column, label, "string", f"รหัสของ{label}ในตาราง {table}", required=True)
                    for column, label, table in sides)
    return Table(name, title, description, (_AGENCY, *columns), tuple(column for column, _, _ in sides),
                 tuple(ForeignKey(column, table) for column, _, table in sides))


WEAKNESS_QUESTIONS = _pairs(
    "weakness_questions", "ข้อคำถามของแต่ละจุดอ่อน",
    "ตารางเชื่อม: จุดอ่อนหนึ่งมาจากข้อคำถามได้หลายข้อ หนึ่งแถวต่อหนึ่งคู่",
    ("weakness", "จุดอ่อน", "weaknesses"), ("question", "ข้อคำถาม", "questions"))

MEASURES = Table(
    "measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "มาตรการของทุกแผน สถานะ ร้อยละ และรายงานความคืบหน้าล่าสุด ณ วันที่สร้างข้อมูล ตรงกับที่เว็บไซต์แสดง "
    "จุดอ่อนที่แต่ละมาตรการแก้ไขอยู่ในตาราง measure_weaknesses",
    (_key("measures", " คือที่อยู่หน้าของมาตรการบนเว็บไซต์ (ไม่รวม .html)"), _AGENCY, _YEAR,
     Column("based_on_be", "จากผลการประเมินปี (พ.ศ.)", "integer", "ปีงบประมาณ พ.ศ. ของผลการประเมินที่แผนนี้ตอบ"),
     Column("number", "ลำดับ", "string", "ลำดับมาตรการตามแผน เช่น 1.1 (เป็นข้อความ)", required=True),
     Column("title", "มาตรการ", "string", "ชื่อมาตรการ", required=True),
     Column("text", "รายละเอียด", "string", "คำอธิบายมาตรการ"),
     Column("owner", "ผู้รับผิดชอบ", "string", "ผู้รับผิดชอบของมาตรการ หรือของแผนเมื่อมาตรการไม่ได้ระบุ"),
     Column("start", "วันเริ่มต้น (ค.ศ.)", "date", "วันเริ่มต้นของมาตรการ หรือของแผน" + _CE),
     Column("end", "วันสิ้นสุด (ค.ศ.)", "date", "วันสิ้นสุดของมาตรการ หรือของแผน" + _CE),
     Column("state", "รหัสสถานะ", "string", "สถานะ ณ วันที่สร้างข้อมูล: " + ", ".join(
         f"{s.code} = {s.thai}" for s in State), enum=tuple(s.code for s in State), required=True),
     Column("state_label", "สถานะ", "string", "สถานะเป็นข้อความภาษาไทย ตามที่เว็บไซต์แสดง", required=True),
     Column("percent", "ร้อยละที่ดำเนินการแล้ว", "integer", "ร้อยละจากรายงานล่าสุด (100 เมื่อแล้วเสร็จ) ว่างเมื่อไม่มี"),
     Column("latest_report", "วันที่รายงานล่าสุด (ค.ศ.)", "date", "วันที่ของรายงานความคืบหน้าล่าสุด" + _CE),
     Column("latest_progress", "ความคืบหน้าล่าสุด", "string", "สิ่งที่ดำเนินการแล้วตามรายงานล่าสุด"),
     Column("as_of", "ข้อมูล ณ วันที่ (ค.ศ.)", "date", "วันที่รายงานล่าสุดของมาตรการใดก็ได้ในแผนเดียวกัน" + _CE),
     Column("indicators", "ตัวชี้วัดที่เกี่ยวข้อง", "string", "เลขตัวชี้วัดที่มาตรการนี้มุ่งพัฒนา คั่นด้วย ; "),
     Column("steps", "ขั้นตอน", "string", "ขั้นตอนการดำเนินงาน ลำดับตามด้วยข้อความ คั่นด้วย ; ")),
    ("key",))

MEASURE_WEAKNESSES = _pairs(
    "measure_weaknesses", "จุดอ่อนที่แต่ละมาตรการแก้ไข",
    "ตารางเชื่อม: มาตรการหนึ่งแก้ไขจุดอ่อนได้หลายข้อ และจุดอ่อนหนึ่งมีได้หลายมาตรการ หนึ่งแถวต่อหนึ่งคู่",
    ("measure", "มาตรการ", "measures"), ("weakness", "จุดอ่อน", "weaknesses"))

TABLES: tuple[Table, ...] = (SCORES, QUESTIONS, WEAKNESSES, WEAKNESS_QUESTIONS, MEASURES, MEASURE_WEAKNESSES)


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "title": column.name, "description": column.description,
                             "type": column.type, "jsonKey": column.key}
    if column.type == "boolean":
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    constraints: dict[str, Any] = {"required": True} if column.required else {}
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of ``table``: Thai field names as in the CSV header, keys by name."""
    names = [table.column(key).name for key in table.primary_key]
    schema: dict[str, Any] = {"fields": [_field(c) for c in table.columns], "missingValues": [""],
                              "primaryKey": names}
    if table.foreign_keys:
        by_name = {t.name: t for t in TABLES}
        schema["foreignKeys"] = [
            {"fields": [table.column(fk.column).name],
             "reference": {"resource": fk.table, "fields": [by_name[fk.table].column("key").name]}}
            for fk in table.foreign_keys]
    return schema


def json_schema(table: Table) -> dict[str, Any]:
    """The JSON Schema of ``table``'s JSON export: an array of objects keyed by the columns' ASCII keys."""
    properties: dict[str, Any] = {}
    for column in table.columns:
        kind: dict[str, Any] = {"type": _JSON_TYPES[column.type]}
        if column.type == "date":
            kind["format"] = "date"
        if column.type == "number":
            kind["pattern"] = r"^[0-9]+(\.[0-9]+)?$"
        if column.enum:
            kind["enum"] = list(column.enum)
        properties[column.key] = {"title": column.name, "description": column.description,
                                  **(kind if column.required else {"anyOf": [kind, {"type": "null"}]})}
    return {"$schema": JSON_SCHEMA_DIALECT, "title": table.title, "description": table.description,
            "type": "array", "items": {"type": "object", "additionalProperties": False,
                                       "required": [c.key for c in table.columns], "properties": properties}}


def dataset_title(project: Project) -> str:
    return f"ผลการประเมิน ITA และมาตรการส่งเสริมคุณธรรมและความโปร่งใส {project.agency.name}"


def keywords(project: Project) -> list[str]:
    """The agency's keywords, else what any reader of an ITA disclosure would search for."""
    return list(project.agency.open_data.keywords) or ["ITA", "คุณธรรมและความโปร่งใส", project.agency.name]


def publisher(project: Project) -> str:
    return project.agency.open_data.publisher or project.agency.name


def contact_email(project: Project) -> str | None:
    return project.agency.open_data.contact_email or project.agency.contact.email


def licence_note(project: Project) -> str:
    """What the metadata says about the licence: the agency's own choice, or that it has not made one."""
    licence = project.agency.open_data.license
    if licence is None:
        return ("หน่วยงานยังไม่ได้ระบุสัญญาอนุญาตการใช้ข้อมูล (open_data.license ใน content/agency.yaml) "
                "ก่อนนำข้อมูลไปใช้ซ้ำ ให้สอบถามหน่วยงาน")
    return f"สัญญาอนุญาต: {licence.title} ({licence.url})"


def csv_resource(table: Table, schema: dict[str, Any]) -> dict[str, Any]:
    """The Data Package entry of one table's CSV file (``<name>.csv`` beside ``datapackage.json``)."""
    return {"name": table.name, "title": table.title, "description": table.description, "path": f"{table.name}.csv",
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": ENCODING,
            "dialect": {"header": True, "delimiter": ","}, "schema": schema}


def descriptor(project: Project, today: dt.date, json_files: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """``datapackage.json``: the tables with their schemas, the JSON exports, the publisher and the licence.

    ``json_files`` maps a resource name to its JSON file and JSON Schema beside it (non-tabular resources).
    """
    agency = project.agency
    years = sorted(project.years)
    email = contact_email(project)
    package: dict[str, Any] = {
        "name": f"{agency.id}-ita",
        "title": dataset_title(project),
        "description": (f"ข้อมูลเปิดของ{agency.name} อำเภอ{agency.district} จังหวัด{agency.province} "
                        f"ปีงบประมาณ {', '.join(str(y) for y in years)}: คะแนน ข้อคำถาม จุดอ่อน และมาตรการ "
                        f"ข้อมูล ณ วันที่ {today.isoformat()} ไฟล์ CSV เป็น UTF-8 มี BOM เปิดด้วย Excel ได้ "
                        f"{licence_note(project)}"),
        "created": f"{today.isoformat()}T00:00:00Z",
        "keywords": keywords(project),
        "contributors": [{"title": publisher(project), "role": "publisher",
                          **({"path": agency.website} if agency.website else {}),
                          **({"email": email} if email else {})}],
    }
    if agency.website:
        package["homepage"] = agency.website
    if agency.open_data.license:
        package["licenses"] = [{"title": agency.open_data.license.title, "path": agency.open_data.license.url}]
    resources = [csv_resource(t, table_schema(t)) for t in TABLES]
    resources += [{"name": name, "path": path, "format": "json", "mediatype": "application/json",
                   "encoding": ENCODING, "jsonSchema": schema_path}
                  for name, (path, schema_path) in json_files.items()]
    package["resources"] = resources
    return package


def data_dictionary(project: Project) -> str:
    """The Thai data dictionary (``README.md`` of the export), written from the same column definitions."""
    agency = project.agency
    lines = [f"# ข้อมูลเปิด: {_md(agency.name)}", "",
             "ชุดข้อมูลนี้เป็น Frictionless Data Package (`datapackage.json`) ตรวจได้ด้วย "
             "`frictionless validate datapackage.json`", "",
             "- ไฟล์ CSV เป็น UTF-8 มี BOM เปิดด้วย Excel ได้ทันที หัวคอลัมน์เป็นภาษาไทย",
             "- ไฟล์ JSON ใช้ชื่อคอลัมน์ภาษาอังกฤษ (jsonKey) และมี JSON Schema ในโฟลเดอร์ `schema/`",
             "- ปีงบประมาณเป็น พ.ศ. ส่วนวันที่เป็น ค.ศ. รูปแบบ ปี-เดือน-วัน (ระบุไว้ในชื่อคอลัมน์)",
             "- รหัสของทุกแถวเป็นข้อความรูปแบบ `<ปีงบประมาณ>/<ตาราง>/<id>` ตารางเชื่อมใช้รหัสนี้อ้างถึงกัน",
             "- ข้อความที่ขึ้นต้นด้วย = + - @ มีเครื่องหมาย ' นำหน้าใน CSV เพื่อไม่ให้โปรแกรมตารางคำนวณทำงานเป็นสูตร",
             f"- {_md(licence_note(project))}", ""]
    for table in TABLES:
        keys = ", ".join(table.column(k).name for k in table.primary_key)
        lines += [f"## {table.title} (`{table.name}.csv`, `{table.name}.json`)", "", table.description, "",
                  f"คีย์หลัก: {keys}", ""]
        references = [f"- {table.column(fk.column).name} อ้างถึงรหัสในตาราง `{fk.table}`" for fk in table.foreign_keys]
        lines += [*references, *([""] if references else [])]
        lines += ["| คอลัมน์ | ชื่อใน JSON | ชนิด | คำอธิบาย |", "| --- | --- | --- | --- |"]
        lines += [f"| {c.name} | `{c.key}` | {c.type} | {_md(c.description)} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Text as plain Markdown on one line: no markup, links, HTML or table cells of its own."""
    escaped = " ".join(text.split())
    for char in "\\`*_[]<>&|~":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
