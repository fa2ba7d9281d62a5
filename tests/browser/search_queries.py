"""Thai search queries drawn from the seed site's own text, with the page each must find.

A reader types them without spaces, as Thai is written. Each query must bring its
page into the first three results. ``kind`` groups them for the recall report.
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    expected: str
    kind: str


WORD = "word"
PHRASE = "phrase"
INDICATOR = "indicator name"
MEASURE = "measure name"
QUESTION = "question"

QUERIES: tuple[Query, ...] = (
    # Single words.
    Query("ทุจริต", "2566/indicators/5.html", WORD),
    Query("คุณธรรม", "2567/measures/index.html", WORD),
    Query("หน่วยงาน", "2567/measures/index.html", WORD),
    Query("จุดอ่อน", "2566/weaknesses/index.html", WORD),
    Query("งบประมาณ", "2566/indicators/2.html", WORD),
    Query("อำนาจ", "2566/indicators/3.html", WORD),
    Query("ทรัพย์สิน", "2566/indicators/4.html", WORD),
    Query("สื่อสาร", "2566/indicators/7.html", WORD),
    Query("บุคลากร", "2567/measures/1-3.html", WORD),
    Query("ความโปร่งใส", "2567/measures/index.html", WORD),
    Query("ข้อเสนอแนะ", "oit-references.html", WORD),
    Query("เว็บไซต์", "about.html", WORD),
    Query("โละจูด", "index.html", WORD),
    # Names of the indicators (ตัวชี้วัด), typed as one run.
    Query("การปฏิบัติหน้าที่", "2566/indicators/1.html", INDICATOR),
    Query("การใช้งบประมาณ", "2566/indicators/2.html", INDICATOR),
    Query("การใช้อำนาจ", "2566/indicators/3.html", INDICATOR),
    Query("การใช้ทรัพย์สินของราชการ", "2566/indicators/4.html", INDICATOR),
    Query("การแก้ไขปัญหาการทุจริต", "2566/indicators/5.html", INDICATOR),
    Query("คุณภาพการดำเนินงาน", "2566/indicators/6.html", INDICATOR),
    Query("ประสิทธิภาพการสื่อสาร", "2566/indicators/7.html", INDICATOR),
    Query("การปรับปรุงการทำงาน", "2566/indicators/8.html", INDICATOR),
    Query("การเปิดเผยข้อมูล", "2566/indicators/9.html", INDICATOR),
    Query("การป้องกันการทุจริต", "2566/indicators/10.html", INDICATOR),
    # Names of the measures (มาตรการ) and of the plan.
    Query("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "2567/measures/index.html", MEASURE),
    Query("ส่งเสริมการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสียภายนอก", "2567/measures/1-1.html", MEASURE),
    Query("พัฒนาช่องทางการรับฟังความคิดเห็น", "2567/measures/1-2.html", MEASURE),
    Query("ส่งเสริมการอบรมความรู้ของบุคลากร", "2567/measures/1-3.html", MEASURE),
    Query("ปรับปรุงพัฒนาหน่วยงานและนำเทคโนโลยีมาใช้", "2567/measures/1-4.html", MEASURE),
    # Other phrases from headings and text.
    Query("ช่องทางร้องเรียน", "2566/weaknesses/eit-8.html", PHRASE),
    Query("ผลการประเมินคุณธรรมและความโปร่งใส", "2566/index.html", PHRASE),
    Query("แบบวัดการเปิดเผยข้อมูลสาธารณะ", "2566/index.html", PHRASE),
    Query("ที่มาของข้อมูล", "about.html", PHRASE),
    Query("ข้อ OIT ที่อ้างถึง", "oit-references.html", PHRASE),
    # Parts of survey questions, found on the page of their indicator (per-question scores).
    Query("ระบบการให้บริการออนไลน์", "2566/indicators/8.html", QUESTION),
    Query("ช่องทางเผยแพร่ข้อมูลข่าวสาร", "2566/indicators/7.html", QUESTION),
    Query("เรียกเก็บเงิน", "2566/indicators/6.html", QUESTION),
)

#: Results a query may be found in: the first three, as a reader scanning the list sees them.
TOP = 3

#: Words of Thai local government that are on no page of the seed site (test_site_search checks
#: the built pages): each must find nothing, whether none of its parts is on the site or some are
#: (ศูนย์ and พัฒนา are, เด็กเล็ก is not; ป้าย is, ภาษี is not).
ABSENT: tuple[str, ...] = (
    "เบี้ยยังชีพ",
    "จัดซื้อจัดจ้าง",
    "ภาษีป้าย",
    "ขยะมูลฝอย",
    "ศูนย์พัฒนาเด็กเล็ก",
    "ผู้สูงอายุ",
)

#: A figure or code typed in different ways, a page it must find, and how the result highlights it.
FIGURES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("2566", "๒๕๖๖"), "2566/index.html", "๒๕๖๖"),
    (("99.50", "๙๙.๕๐"), "2566/index.html", "๙๙.๕๐"),
    (("O28", "o28", "O๒๘"), "oit-references.html", "O28"),
    (("O14", "o14", "O๑๔"), "oit-references.html", "O14"),
)
