"""The dataset's entry for the national open-data catalogue (data.go.th, a CKAN catalogue), from agency.yaml.

What the content already says (title, publisher, coverage in place and time, language, formats) is filled in;
what only the agency can decide (licence, objective, category, update frequency, contact) is taken from
``open_data`` in agency.yaml and never guessed. ``catalogue-template.yaml`` lists, in Thai, the fields still
missing, as an ``open_data:`` block staff can copy into agency.yaml.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ita_site.content.project import Project
from ita_site.content.thai import fiscal_year_bounds
from ita_site.outputs.datapackage import (
    JSON_SCHEMA_DIALECT,
    contact_email,
    dataset_title,
    keywords,
    licence_note,
    publisher,
)

CATALOGUE_FILE = "catalogue.json"
CATALOGUE_SCHEMA = "catalogue.schema.json"
TEMPLATE_FILE = "catalogue-template.yaml"


@dataclass(frozen=True)
class CatalogueField:
    """One dataset field: its CKAN-style key, Thai label, value, and the agency.yaml key that sets it, if any."""

    key: str
    label: str
    value: Any
    setting: str | None = None
    hint: str = ""


def _coverage(project: Project) -> tuple[str | None, str | None]:
    """First and last day of the fiscal years the data covers, in the Christian era."""
    if not project.years:
        return None, None
    return (fiscal_year_bounds(min(project.years))[0].isoformat(),
            fiscal_year_bounds(max(project.years))[1].isoformat())


def catalogue_fields(project: Project, today: dt.date) -> list[CatalogueField]:
    """The catalogue's dataset fields, in the catalogue's order."""
    agency = project.agency
    wanted = agency.open_data
    start, end = _coverage(project)
    licence = wanted.license
    return [
        CatalogueField("title", "ชื่อชุดข้อมูล", dataset_title(project)),
        CatalogueField("notes", "รายละเอียด", "คะแนนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                       "ข้อคำถามที่ได้คะแนนต่ำ จุดอ่อน และมาตรการพร้อมความคืบหน้า"),
        CatalogueField("tag_string", "คำสำคัญ", keywords(project), "keywords", "คำค้นของชุดข้อมูล ทีละคำ"),
        CatalogueField("objective", "วัตถุประสงค์", wanted.objective, "objective",
                       "เลือกตามบัญชีข้อมูลภาครัฐ เช่น เพื่อการเปิดเผยข้อมูลต่อสาธารณะ"),
        CatalogueField("category", "หมวดหมู่", wanted.category, "category",
                       "หมวดหมู่ชุดข้อมูลตามบัญชีข้อมูลภาครัฐ เช่น การบริหารจัดการภาครัฐ"),
        CatalogueField("owner_org", "หน่วยงานเจ้าของข้อมูล", publisher(project), "publisher"),
        CatalogueField("maintainer", "ผู้ติดต่อ", wanted.contact_name, "contact_name",
                       "ชื่อหรือตำแหน่งผู้ดูแลชุดข้อมูล เช่น งานบริหารทั่วไป สำนักปลัด"),
        CatalogueField("maintainer_email", "อีเมลผู้ติดต่อ", contact_email(project), "contact_email",
                       "อีเมลของผู้ดูแลชุดข้อมูล"),
        CatalogueField("update_frequency", "ความถี่ในการปรับปรุงข้อมูล", wanted.update_frequency, "update_frequency",
                       "เช่น ปีละครั้ง หรือ ทุกครั้งที่มีรายงานความคืบหน้า"),
        CatalogueField("geo_coverage", "ขอบเขตเชิงภูมิศาสตร์", f"อำเภอ{agency.district} จังหวัด{agency.province}"),
        CatalogueField("data_source", "แหล่งที่มา", agency.website),
        CatalogueField("data_format", "รูปแบบข้อมูล", ["CSV", "JSON"]),
        CatalogueField("license_id", "สัญญาอนุญาต", {"title": licence.title, "url": licence.url} if licence else None,
                       "license", "ชื่อและที่อยู่เว็บของสัญญาอนุญาตที่หน่วยงานเลือก (title และ url)"),
        CatalogueField("data_language", "ภาษาที่ใช้", ["ไทย"]),
        CatalogueField("temporal_coverage_start", "ช่วงเวลาของข้อมูล: เริ่มต้น (ค.ศ.)", start),
        CatalogueField("temporal_coverage_end", "ช่วงเวลาของข้อมูล: สิ้นสุด (ค.ศ.)", end),
        CatalogueField("last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด (ค.ศ.)", today.isoformat()),
    ]


def catalogue(project: Project, today: dt.date) -> dict[str, Any]:
    """``catalogue.json``: field -> value, Thai labels beside, and which fields agency.yaml has yet to give."""
    fields = catalogue_fields(project, today)
    return {"dataset": {f.key: f.value for f in fields},
            "labels": {f.key: f.label for f in fields},
            "missing": [f.key for f in fields if f.value is None],
            "license_note": licence_note(project)}


def json_schema(project: Project, today: dt.date) -> dict[str, Any]:
    """The JSON Schema of ``catalogue.json``: one property per catalogue field, titled with its Thai label."""
    fields = catalogue_fields(project, today)
    keys = [f.key for f in fields]
    return {"$schema": JSON_SCHEMA_DIALECT, "title": "รายละเอียดชุดข้อมูลสำหรับบัญชีข้อมูลภาครัฐ (catalogue.json)",
            "type": "object", "additionalProperties": False,
            "required": ["dataset", "labels", "missing", "license_note"],
            "properties": {
                "dataset": {"type": "object", "additionalProperties": False, "required": keys,
                            "properties": {f.key: {"title": f.label} for f in fields}},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "missing": {"type": "array", "items": {"enum": keys}},
                "license_note": {"type": "string"}}}


def _yaml_value(value: Any) -> str:
    """A value as YAML: JSON is YAML, and quoting it keeps agency text from becoming YAML structure."""
    return json.dumps(value, ensure_ascii=False)


def template(project: Project, today: dt.date) -> str:
    """A commented ``open_data:`` block for agency.yaml: what is set, and in Thai what staff must still add."""
    settable = [f for f in catalogue_fields(project, today) if f.setting]
    missing = [f for f in settable if f.value is None]
    lines = ["# ข้อมูลสำหรับบัญชีข้อมูลภาครัฐ (data.go.th) ของชุดข้อมูลนี้",
             "# คัดลอกส่วน open_data: ด้านล่างไปไว้ใน content/agency.yaml แล้วเติมช่องที่ยังว่าง",
             "# แล้วสร้างเว็บไซต์ใหม่ ข้อมูลเปิดจะมีค่าเหล่านี้ ระบบไม่เลือกสัญญาอนุญาตหรือค่าอื่นแทนหน่วยงาน",
             f"# ยังขาด {len(missing)} ช่อง: " + (", ".join(f.label for f in missing) or "ไม่มี"),
             "open_data:"]
    for field in settable:
        lines.append(f"  # {field.label}" + (f": {field.hint}" if field.hint else ""))
        if field.value is None:
            example = "  #   title: ...\n  #   url: https://..." if field.setting == "license" else ""
            lines.append(f"  # {field.setting}:" + ("\n" + example if example else ""))
        elif field.setting == "license":
            lines.append(f"  license:\n    title: {_yaml_value(field.value['title'])}\n"
                         f"    url: {_yaml_value(field.value['url'])}")
        else:
            lines.append(f"  {field.setting}: {_yaml_value(field.value)}")
    return "\n".join(lines) + "\n"
