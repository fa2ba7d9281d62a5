"""The typed content model: what an agency's disclosure is made of.

Each content file validates into one of the top-level models below. Field names are the YAML
keys staff type, so the JSON Schema (``ita-site schema``) doubles as their reference.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Score = Annotated[Decimal, Field(allow_inf_nan=False)]
Number = Annotated[str, StringConstraints(pattern=r"^[0-9]+(?:\.[0-9]+)*$")]
ToolCode = Literal["IIT", "EIT", "OIT"]
ToolPart = Literal["public", "survey"]
Status = Literal["not_started", "in_progress", "done", "delayed", "cancelled"]
WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s]+$")]

STATUS_LABELS: dict[str, str] = {
    "not_started": "ยังไม่เริ่ม",
    "in_progress": "กำลังดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
    "delayed": "ล่าช้า",
    "cancelled": "ยกเลิก",
}


#: Thai title and help of each kind of record, shown by editors that read the JSON Schema.
MODEL_HELP: dict[str, tuple[str, str]] = {
    "SourceNote": ("หมายเหตุการแก้ไขจากต้นฉบับ", "การแก้ไขที่ทำระหว่างคัดลอกจากเอกสารต้นฉบับ บันทึกไว้ให้ผู้อ่านเห็น"),
    "Contradiction": ("ข้อขัดแย้งในต้นฉบับ", "จุดที่เอกสารต้นฉบับขัดแย้งกันเอง เก็บไว้ แสดงบนเว็บไซต์ และรายงานทุกครั้งที่ตรวจ"),
    "Contact": ("ช่องทางติดต่อ", "ที่อยู่ โทรศัพท์ และอีเมลของหน่วยงาน"),
    "Agency": ("ข้อมูลหน่วยงาน (content/agency.yaml)", "หน่วยงานที่เผยแพร่เว็บไซต์นี้"),
    "OpenData": ("ข้อมูลเปิด", "สัญญาอนุญาต ผู้เผยแพร่ และรายละเอียดชุดข้อมูลสำหรับบัญชีข้อมูล (data.go.th) "
                 "ของข้อมูลเปิดที่เว็บไซต์เผยแพร่ในโฟลเดอร์ data/"),
    "License": ("สัญญาอนุญาต", "สัญญาอนุญาตการใช้ข้อมูลที่หน่วยงานเลือก: ชื่อและที่อยู่เว็บของข้อความสัญญาอนุญาต"),
    "Overall": ("ผลการประเมินภาพรวม", "คะแนนรวมและระดับผลการประเมิน"),
    "IndicatorScore": ("คะแนนรายตัวชี้วัด", "เลขตัวชี้วัดและคะแนนที่ได้"),
    "Analysis": ("การวิเคราะห์ผลการประเมิน", "การอ่านผลการประเมินของหน่วยงานเอง เป็นข้อความ"),
    "ToolResult": ("ผลรายเครื่องมือ", "สิ่งที่ผู้ประเมินสรุปสำหรับแต่ละเครื่องมือ (IIT, EIT และส่วนย่อย, OIT)"),
    "Question": ("ข้อคำถามที่ได้คะแนนต่ำ", "ข้อคำถามในการประเมินที่ได้คะแนนต่ำ และคะแนนของข้อนั้น"),
    "OitRef": ("ข้อ OIT ที่อ้างถึง", "ข้อ OIT ที่ข้อเสนอแนะอ้างถึง โดยเขียนรหัสตามที่ปรากฏในข้อความ"),
    "Recommendation": ("ข้อเสนอแนะ", "ข้อเสนอแนะจากผลการประเมิน"),
    "Weakness": ("จุดอ่อน", "จุดอ่อนที่หน่วยงานสรุปจากผลการประเมิน มาตรการอ้างถึงด้วย id"),
    "Assessment": ("ผลการประเมิน ITA (content/assessments/<ปี>.yaml)", "ผลการประเมิน ITA ของปีงบประมาณหนึ่ง"),
    "Evidence": ("เอกสารหลักฐาน", "ไฟล์ในโฟลเดอร์ content/files/ หรือที่อยู่เว็บ อย่างใดอย่างหนึ่ง"),
    "Progress": ("รายงานความคืบหน้า", "ความคืบหน้าของมาตรการ ณ วันที่รายงาน พร้อมหลักฐาน"),
    "Approval": ("การอนุมัติ", "ผู้อนุมัติเอกสารและวันที่อนุมัติ แสดงในส่วนลงนามของฉบับพิมพ์ ถ้าไม่ระบุ ฉบับพิมพ์เว้นบรรทัดไว้ลงนาม"),
    "Step": ("ขั้นตอน", "ขั้นตอนการดำเนินงานหนึ่งขั้น"),
    "Period": ("ระยะเวลา", "วันเริ่มต้นและวันสิ้นสุด"),
    "Measure": ("มาตรการ", "มาตรการหนึ่งของแผน ผู้รับผิดชอบ ขั้นตอน และวันที่ ใช้ของแผนเมื่อไม่ได้ระบุ"),
    "Plan": ("แผนมาตรการ (content/plans/<ปี>.yaml)", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณหนึ่ง"),
    "OitEntry": ("ข้อ OIT", "สิ่งที่หน่วยงานเผยแพร่สำหรับข้อ OIT หนึ่งข้อ: ชื่อ เอกสาร และวันที่"),
    "OitEvidence": ("หลักฐาน OIT (content/oit/<ปี>.yaml)", "หลักฐานการเปิดเผยข้อมูล OIT ของปีงบประมาณหนึ่ง รายข้อ"),
}
_DATE = "วันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2024-09-30 (ไม่ใช่ พ.ศ.)"
_YEAR = "ปีงบประมาณ พ.ศ. สี่หลัก เช่น 2567"
_ID = "ชื่อเรียกภาษาอังกฤษตัวเล็ก a-z 0-9 และ - ไม่ซ้ำกันในไฟล์ ใช้เป็นส่วนหนึ่งของที่อยู่เว็บ"
_SCORE = "คะแนน 0-100 ทศนิยมสองตำแหน่ง เช่น 95.50"
_TOOL = "เครื่องมือการประเมิน: IIT, EIT หรือ OIT"
_PART = "ส่วนของ EIT: public (ผู้รับบริการตอบเอง) หรือ survey (ผู้ประเมินเก็บข้อมูล)"
_INDICATOR = "เลขตัวชี้วัด 1-10"
_STATUS = "สถานะ: " + ", ".join(f"{key} = {label}" for key, label in STATUS_LABELS.items())
#: Thai title and help of each field; "Model.field" where a name means something else in that record.
FIELD_HELP: dict[str, tuple[str, str]] = {
    "id": ("รหัส", _ID),
    "kind": ("ประเภท", "misspelling = แก้คำสะกดผิด, editorial = แก้ถ้อยคำ, other = อื่น ๆ"),
    "text": ("ข้อความ", "ข้อความที่แสดงบนเว็บไซต์"),
    "field": ("ช่องที่ขัดแย้ง", "ชื่อช่องในไฟล์นี้ที่ต้นฉบับขัดแย้งกันเอง"),
    "indicator": ("ตัวชี้วัด", _INDICATOR),
    "value": ("ค่าที่ใช้", "ค่าที่ไฟล์นี้ใช้"),
    "source_says": ("ค่าในต้นฉบับ", "ค่าที่ต้นฉบับอีกแห่งระบุ"),
    "quote": ("ข้อความต้นฉบับ", "ข้อความที่ยกมาจากต้นฉบับตามที่เขียนไว้"),
    "note": ("คำอธิบาย", "อธิบายว่าต้นฉบับขัดแย้งกันอย่างไร"),
    "address": ("ที่อยู่", "ที่ตั้งสำนักงาน: เลขที่ หมู่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์"),
    "phone": ("โทรศัพท์", "หมายเลขโทรศัพท์ เขียนในเครื่องหมายคำพูด เช่น \"0 0000 0000\""),
    "email": ("อีเมล", "อีเมลของหน่วยงาน"),
    "name": ("ชื่อทางการ", "ชื่อเต็มของหน่วยงาน ระบบตรวจการสะกดชื่อนี้ในทุกข้อความ"),
    "short_name": ("ชื่อย่อ", "เช่น อบต. ทต. ทม. ทน. อบจ. ตามด้วยชื่อ"),
    "aliases": ("ชื่ออื่นที่ถูกต้อง", "ชื่อหน่วยงานแบบอื่นที่เขียนได้ถูกต้อง ระบบไม่แจ้งว่าสะกดผิด"),
    "type": ("ประเภทหน่วยงาน", "เช่น องค์การบริหารส่วนตำบล เทศบาลตำบล เทศบาลเมือง"),
    "district": ("อำเภอ", "ชื่ออำเภอ ไม่ต้องเขียนคำว่า อำเภอ"),
    "province": ("จังหวัด", "ชื่อจังหวัด ไม่ต้องเขียนคำว่า จังหวัด"),
    "website": ("เว็บไซต์", "ที่อยู่เว็บไซต์แบบเต็ม ขึ้นต้นด้วย https://"),
    "contact": ("ช่องทางติดต่อ", "ที่อยู่ โทรศัพท์ และอีเมล"),
    "digits": ("รูปแบบตัวเลข", "ตัวเลขบนเว็บไซต์: thai = ๙๕.๕๐, arabic = 95.50"),
    "updated": ("ปรับปรุงล่าสุด", _DATE),
    "source_notes": ("หมายเหตุการแก้ไขจากต้นฉบับ", "การแก้ไขที่ทำระหว่างคัดลอกจากเอกสารต้นฉบับ"),
    "score": ("คะแนน", _SCORE),
    "level": ("ระดับผลการประเมิน", "เช่น ผ่านดีเยี่ยม ตามที่ประกาศ"),
    "number": ("ลำดับ", "เลขลำดับ เช่น 1 หรือ 1.2"),
    "summary": ("สรุปผล", "สรุปผลการประเมินด้วยคำของหน่วยงาน"),
    "urgent_heading": ("หัวข้อเรื่องเร่งด่วน", "หัวข้อของประเด็นที่ต้องแก้ไขโดยเร่งด่วน"),
    "urgent": ("เรื่องเร่งด่วน", "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน"),
    "tool": ("เครื่องมือ", _TOOL),
    "part": ("ส่วนของ EIT", _PART),
    "maintain": ("ตัวชี้วัดที่ควรรักษาไว้", "เลขตัวชี้วัดที่ได้คะแนนดีและควรรักษาไว้"),
    "improve": ("ตัวชี้วัดที่ควรพัฒนา", "เลขตัวชี้วัดที่ควรปรับปรุง"),
    "code": ("รหัสข้อ", "รหัสตามเอกสาร เช่น O1 หรือ I1: ตัวอักษรภาษาอังกฤษตามด้วยเลขอารบิก"),
    "numbering": ("เลขข้อตามเกณฑ์ปี", "ปี พ.ศ. ของเกณฑ์ที่รหัสนี้ใช้เลขข้อ เมื่อไม่ใช่ปีของการประเมินนี้"),
    "meaning": ("ความหมาย", "สิ่งที่ข้อความหมายถึง เมื่อไม่มีข้อใดในรายการตรง"),
    "question": ("ข้อคำถาม", "id ของข้อคำถามใน questions"),
    "oit_refs": ("ข้อ OIT ที่อ้างถึง", "ข้อ OIT ที่ข้อความอ้างถึง"),
    "title": ("ชื่อเรื่อง", "ชื่อที่แสดงเป็นหัวข้อบนเว็บไซต์"),
    "questions": ("ข้อคำถาม", "ข้อคำถามที่ได้คะแนนต่ำ"),
    "recommendations": ("ข้อเสนอแนะ", "ข้อเสนอแนะจากผลการประเมิน"),
    "fiscal_year": ("ปีงบประมาณ", _YEAR),
    "overall": ("ผลภาพรวม", "คะแนนรวมและระดับผลการประเมิน"),
    "indicators": ("ตัวชี้วัด", "คะแนนรายตัวชี้วัด"),
    "analysis": ("การวิเคราะห์ผล", "การอ่านผลการประเมินของหน่วยงานเอง"),
    "tools": ("ผลรายเครื่องมือ", "สรุปของผู้ประเมินรายเครื่องมือ"),
    "weaknesses": ("จุดอ่อน", "จุดอ่อนที่หน่วยงานสรุปจากผลการประเมิน"),
    "contradictions": ("ข้อขัดแย้งในต้นฉบับ", "จุดที่เอกสารต้นฉบับขัดแย้งกันเอง"),
    "file": ("ไฟล์", "ที่อยู่ไฟล์ในโฟลเดอร์ content เช่น files/2567/o1.pdf"),
    "url": ("ที่อยู่เว็บ", "ที่อยู่แบบเต็ม ขึ้นต้นด้วย https://"),
    "published": ("วันที่เผยแพร่", _DATE),
    "date": ("วันที่รายงาน", _DATE),
    "status": ("สถานะ", _STATUS),
    "percent": ("ร้อยละที่ดำเนินการแล้ว", "ตัวเลข 0-100"),
    "evidence": ("หลักฐาน", "เอกสารหลักฐาน แต่ละรายการมี file หรือ url อย่างใดอย่างหนึ่ง"),
    "start": ("วันเริ่มต้น", _DATE),
    "end": ("วันสิ้นสุด", _DATE),
    "addresses": ("จุดอ่อนที่แก้ไข", "id ของจุดอ่อนที่มาตรการนี้แก้ไข"),
    "owner": ("ผู้รับผิดชอบ", "หน่วยงานย่อยหรือตำแหน่งที่รับผิดชอบ"),
    "steps": ("ขั้นตอน", "ขั้นตอนการดำเนินงาน"),
    "progress": ("ความคืบหน้า", "รายงานความคืบหน้าตามวันที่"),
    "based_on": ("จากผลการประเมินปี", "ปี พ.ศ. ของผลการประเมินที่แผนนี้ตอบ"),
    "intro": ("บทนำ", "ข้อความนำของแผน"),
    "period": ("ระยะเวลาดำเนินการ", "วันเริ่มต้นและวันสิ้นสุดของแผน"),
    "measures": ("มาตรการ", "มาตรการของแผน"),
    "documents": ("เอกสาร", "เอกสารที่เผยแพร่สำหรับข้อนี้"),
    "notes": ("หมายเหตุ", "หมายเหตุของข้อนี้"),
    "items": ("รายการข้อ OIT", "ข้อ OIT ที่หน่วยงานเผยแพร่ ทีละข้อ"),
    "attachments": ("ต้นฉบับที่ลงนาม", "ไฟล์ต้นฉบับที่ลงนามแล้ว (เช่น ประกาศฉบับสแกน) แต่ละรายการมี file หรือ url อย่างใดอย่างหนึ่ง"),
    "approval": ("การอนุมัติ", "ผู้อนุมัติเอกสารและวันที่อนุมัติ (name, position, date)"),
    "Approval.name": ("ชื่อผู้อนุมัติ", "ชื่อและนามสกุลของผู้อนุมัติ เช่น นายก อบต."),
    "Approval.position": ("ตำแหน่ง", "ตำแหน่งของผู้อนุมัติ ตามที่ลงนามในต้นฉบับ เช่น นายกองค์การบริหารส่วนตำบล"),
    "Approval.date": ("วันที่อนุมัติ", _DATE),
    "open_data": ("ข้อมูลเปิด", "สัญญาอนุญาต ผู้เผยแพร่ และรายละเอียดชุดข้อมูลของข้อมูลเปิด (ไม่ระบุก็ได้ "
                  "แต่ถ้าไม่ระบุสัญญาอนุญาต ข้อมูลเปิดจะแจ้งว่ายังไม่ได้ระบุ)"),
    "license": ("สัญญาอนุญาต", "สัญญาอนุญาตที่หน่วยงานเลือกเอง เช่น Open Data Common หรือ CC-BY-4.0 "
                "ระบบไม่เลือกให้"),
    "License.title": ("ชื่อสัญญาอนุญาต", "เช่น Creative Commons Attribution 4.0"),
    "License.url": ("ที่อยู่ข้อความสัญญาอนุญาต", "ที่อยู่เว็บแบบเต็ม เช่น https://creativecommons.org/licenses/by/4.0/"),
    "publisher": ("ผู้เผยแพร่", "หน่วยงานผู้เผยแพร่ข้อมูล ถ้าไม่ระบุใช้ชื่อทางการของหน่วยงาน"),
    "contact_name": ("ผู้ติดต่อ", "ชื่อหรือตำแหน่งของผู้ดูแลชุดข้อมูล เช่น งานบริหารทั่วไป สำนักปลัด"),
    "contact_email": ("อีเมลผู้ติดต่อ", "อีเมลของผู้ดูแลชุดข้อมูล ถ้าไม่ระบุใช้อีเมลใน contact"),
    "objective": ("วัตถุประสงค์", "วัตถุประสงค์ของชุดข้อมูล ตามที่บัญชีข้อมูลภาครัฐกำหนดให้เลือก"),
    "category": ("หมวดหมู่", "หมวดหมู่ชุดข้อมูลตามบัญชีข้อมูลภาครัฐ"),
    "update_frequency": ("ความถี่ในการปรับปรุง", "เช่น ปีละครั้ง หรือ ทุกครั้งที่มีรายงานความคืบหน้า"),
    "keywords": ("คำสำคัญ", "คำค้นของชุดข้อมูล ทีละคำ"),
    "Agency.id": ("รหัสหน่วยงาน", "ชื่อย่อภาษาอังกฤษตัวเล็ก a-z 0-9 และ - ใช้เป็นส่วนหนึ่งของที่อยู่เว็บ ห้ามเปลี่ยนหลังเผยแพร่"),
    "Weakness.indicator": ("ตัวชี้วัด", _INDICATOR),
    "Weakness.urgent": ("ต้องแก้ไขเร่งด่วน", "true เมื่อจุดอ่อนนี้ต้องแก้ไขโดยเร่งด่วน"),
    "Weakness.questions": ("ข้อคำถามที่เกี่ยวข้อง", "id ของข้อคำถามใน questions"),
    "Weakness.recommendations": ("ข้อเสนอแนะที่เกี่ยวข้อง", "id ของข้อเสนอแนะใน recommendations"),
    "Measure.indicators": ("ตัวชี้วัดที่เกี่ยวข้อง", "เลขตัวชี้วัด 1-10 ที่มาตรการนี้มุ่งพัฒนา"),
    "Measure.status": ("สถานะ", _STATUS + " (ถ้าไม่ระบุ ใช้สถานะจากรายงานความคืบหน้าล่าสุด)"),
    "Measure.number": ("ลำดับมาตรการ", "เลขลำดับ เช่น 1.2 เขียนในเครื่องหมายคำพูด \"1.10\" เมื่อมีเลขศูนย์ท้าย"),
    "Step.number": ("ลำดับขั้นตอน", "เลขลำดับ เช่น 3.1 เขียนในเครื่องหมายคำพูด \"3.10\" เมื่อมีเลขศูนย์ท้าย"),
    "IndicatorScore.number": ("ตัวชี้วัดที่", _INDICATOR),
    "OitEntry.title": ("ชื่อข้อของหน่วยงาน", "ชื่อที่หน่วยงานใช้สำหรับข้อนี้ ถ้าไม่ระบุใช้ชื่อตามเกณฑ์"),
    "Evidence.title": ("ชื่อเอกสาร", "ชื่อเอกสารที่แสดงเป็นลิงก์"),
    "Progress.text": ("สิ่งที่ดำเนินการแล้ว", "สิ่งที่ดำเนินการแล้ว ณ วันที่รายงาน"),
    "OitRef.code": ("รหัสข้อ OIT", "รหัสตามที่ข้อความเขียน เช่น O13"),
    "Plan.title": ("ชื่อแผน", "ชื่อแผนมาตรการ"),
    "Plan.owner": ("ผู้รับผิดชอบ", "ผู้รับผิดชอบของทุกมาตรการที่ไม่ได้ระบุเอง"),
    "Plan.steps": ("ขั้นตอน", "ขั้นตอนของทุกมาตรการที่ไม่ได้ระบุเอง"),
}


def _thai_help(schema: dict[str, Any], model: type[Any]) -> None:
    """Thai titles and help in the JSON Schema, so editors show staff what each key means as they type."""
    schema["title"], schema["description"] = MODEL_HELP[model.__name__]
    for name, field in schema.get("properties", {}).items():
        field["title"], field["description"] = FIELD_HELP.get(f"{model.__name__}.{name}") or FIELD_HELP[name]


class Model(BaseModel):
    """Strict base: unknown keys are errors, because a misspelt key would silently vanish."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, json_schema_extra=_thai_help)


class SourceNote(Model):
    """A correction made while transcribing the source, recorded so readers can see it."""

    id: Slug
    kind: Literal["misspelling", "editorial", "other"] = "other"
    text: Text


class Contradiction(Model):
    """Where the source document disagrees with itself. Kept, shown, and reported by checks."""

    id: Slug
    field: str | None = None
    indicator: int | None = None
    value: Decimal | None = None
    source_says: Decimal | None = None
    quote: str | None = None
    note: Text


class Contact(Model):
    address: str | None = None
    phone: str | None = None
    email: str | None = None


class License(Model):
    """The licence the agency chose for its open data; named by the agency, never assumed."""

    title: Text
    url: WebUrl


class OpenData(Model):
    """What the open-data catalogue asks beyond the content: the licence, the publisher and the dataset fields."""

    license: License | None = None
    publisher: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    objective: str | None = None
    category: str | None = None
    update_frequency: str | None = None
    keywords: list[Text] = []


class Agency(Model):
    """``content/agency.yaml``: who publishes the site."""

    id: Slug
    name: Text
    short_name: str | None = None
    aliases: list[Text] = []
    type: Text
    district: Text
    province: Text
    website: str | None = None
    contact: Contact = Contact()
    digits: Literal["thai", "arabic"] = "thai"
    updated: dt.date | None = None
    source_notes: list[SourceNote] = []
    open_data: OpenData = OpenData()


class Overall(Model):
    score: Score
    level: Text


class IndicatorScore(Model):
    number: int
    score: Score


class Analysis(Model):
    """The agency's own reading of its results, as prose."""

    summary: str | None = None
    urgent_heading: str | None = None
    urgent: str | None = None


class ToolResult(Model):
    """What the assessors said per tool (IIT, EIT and its parts, OIT)."""

    tool: ToolCode
    part: ToolPart | None = None
    score: Score | None = None
    maintain: list[int] = []
    improve: list[int] = []
    text: str | None = None

    @property
    def key(self) -> str:
        return f"{self.tool}-{self.part}" if self.part else self.tool


class Question(Model):
    """A low-scoring assessment question and its score."""

    id: Slug
    tool: ToolCode
    indicator: int
    code: str | None = None
    text: Text
    score: Score


class OitRef(Model):
    """An OIT item cited in a recommendation, with the code exactly as the text writes it.

    ``numbering`` names the framework year whose numbering the code follows when that is not the
    assessment's own year; ``meaning`` says what the text refers to when no catalogue item fits.
    """

    code: Text
    numbering: int | None = None
    meaning: str | None = None


class Recommendation(Model):
    id: Slug
    tool: ToolCode
    part: ToolPart | None = None
    indicator: int | None = None
    question: Slug | None = None
    text: Text
    oit_refs: list[OitRef] = []


class Weakness(Model):
    """A weakness the agency derived from its results; measures answer it by id."""

    id: Slug
    indicator: int | None = None
    title: Text
    urgent: bool = False
    text: str | None = None
    questions: list[Slug] = []
    recommendations: list[Slug] = []


class Evidence(Model):
    """A document that proves something was done or published: a file under content/files/ or a web address.

    ``file`` is relative to the content folder (e.g. ``files/2566/o1-structure.pdf``); the site copies it
    to the same path, so its address never changes while the file keeps its name.
    """

    title: str | None = None
    file: str | None = None
    url: WebUrl | None = None
    published: dt.date | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Evidence:
        if (self.file is None) == (self.url is None):
            raise ValueError("ใส่ file หรือ url อย่างใดอย่างหนึ่ง / give exactly one of file or url")
        return self


class Assessment(Model):
    """``content/assessments/<year>.yaml``: one fiscal year's ITA result."""

    fiscal_year: int = Field(ge=2500, le=2700)
    overall: Overall
    indicators: list[IndicatorScore]
    analysis: Analysis = Analysis()
    tools: list[ToolResult] = []
    questions: list[Question] = []
    recommendations: list[Recommendation] = []
    weaknesses: list[Weakness] = []
    contradictions: list[Contradiction] = []
    source_notes: list[SourceNote] = []
    #: The signed original (scanned announcement, the NACC's result sheet), linked from the year's page.
    attachments: list[Evidence] = []

    @property
    def tool_totals(self) -> dict[str, Decimal]:
        """The tool totals the content gives: ``tools:`` entries without a part that carry a score."""
        return {t.tool: t.score for t in self.tools if t.part is None and t.score is not None}


class Progress(Model):
    """One dated progress report on a measure: what was done by then, and the evidence."""

    date: dt.date
    status: Status
    percent: int | None = Field(default=None, ge=0, le=100)
    text: Text
    evidence: list[Evidence] = []


class Approval(Model):
    """Who approved the published document and when: the print's approval block.

    Left out, the print keeps blank lines to sign on, as the paper original has.
    """

    name: str | None = None
    position: str | None = None
    date: dt.date | None = None


class Step(Model):
    number: Number
    text: Text


class Period(Model):
    start: dt.date
    end: dt.date


class Measure(Model):
    """One measure of a plan. Owner, steps and dates fall back to the plan's."""

    id: Slug
    number: Number
    title: Text
    text: str | None = None
    addresses: list[Slug] = []
    indicators: list[int] = []
    owner: str | None = None
    steps: list[Step] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    status: Status | None = None
    progress: list[Progress] = []

    @field_validator("addresses", "indicators")
    @classmethod
    def _no_repeats(cls, value: list) -> list:
        if len(set(value)) != len(value):
            raise ValueError("ซ้ำกัน / repeated")
        return value


class Plan(Model):
    """``content/plans/<year>.yaml``: the measures an agency will take in a fiscal year."""

    fiscal_year: int = Field(ge=2500, le=2700)
    based_on: int | None = Field(default=None, ge=2500, le=2700)
    title: Text
    intro: str | None = None
    owner: str | None = None
    period: Period | None = None
    steps: list[Step] = []
    measures: list[Measure] = []
    contradictions: list[Contradiction] = []
    source_notes: list[SourceNote] = []
    approval: Approval | None = None
    #: The signed original of the plan, linked from the plan's pages.
    attachments: list[Evidence] = []

    def owner_of(self, measure: Measure) -> str | None:
        return measure.owner or self.owner

    def steps_of(self, measure: Measure) -> list[Step]:
        return measure.steps if measure.steps is not None else self.steps

    def start_of(self, measure: Measure) -> dt.date | None:
        return measure.start or (self.period.start if self.period else None)

    def end_of(self, measure: Measure) -> dt.date | None:
        return measure.end or (self.period.end if self.period else None)


class OitEntry(Model):
    """What the agency publishes for one OIT item: its own title for it, the documents and when."""

    code: Text
    title: str | None = None
    published: dt.date | None = None
    documents: list[Evidence] = []
    notes: str | None = None


class OitEvidence(Model):
    """``content/oit/<year>.yaml``: the agency's OIT evidence for one fiscal year, item by item."""

    fiscal_year: int = Field(ge=2500, le=2700)
    items: list[OitEntry] = []
