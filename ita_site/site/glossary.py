"""The abbreviations a reader meets on the site, spelled out once per page and listed on the glossary page.

One table serves both: the ``<abbr>`` a page gives the first use of each abbreviation, and the glossary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Term:
    """An abbreviation, what it stands for in Thai and in English, and what it means to a reader."""

    code: str
    thai: str
    english: str
    meaning: str


TERMS: tuple[Term, ...] = (
    Term("ITA", "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
         "Integrity and Transparency Assessment",
         "การประเมินที่สำนักงาน ป.ป.ช. จัดทุกปีงบประมาณ ให้คะแนนหน่วยงานภาครัฐจากเครื่องมือสามชุด (IIT, EIT และ OIT) "
         "รวมเป็นคะแนนภาพรวมและระดับผลการประเมิน"),
    Term("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "Internal Integrity and Transparency Assessment",
         "แบบสอบถามที่บุคลากรของหน่วยงานตอบ เรื่องการปฏิบัติหน้าที่ การใช้งบประมาณ การใช้อำนาจ "
         "การใช้ทรัพย์สินของราชการ และการแก้ไขปัญหาการทุจริต"),
    Term("EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "External Integrity and Transparency Assessment",
         "แบบสอบถามที่ผู้รับบริการหรือผู้มาติดต่อหน่วยงานตอบ เรื่องคุณภาพการดำเนินงาน ประสิทธิภาพการสื่อสาร "
         "และการปรับปรุงการทำงาน"),
    Term("OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ", "Open Data Integrity and Transparency Assessment",
         "รายการข้อมูลที่หน่วยงานต้องเผยแพร่บนเว็บไซต์ของตนเอง แต่ละข้อมีรหัส เช่น O1 ถึง O43 "
         "และผู้ตรวจประเมินตรวจว่ามีครบถ้วนหรือไม่"),
)

_BY_CODE = {term.code: term for term in TERMS}
_CODES = re.compile(r"(?<![A-Za-z0-9_\-./])(" + "|".join(_BY_CODE) + r")(?![A-Za-z0-9_\-])")
# Inside a line: tags, link targets and character references, where an abbreviation is not text.
_NOT_TEXT = re.compile(r"(<[^>]*>|\]\([^)]*\)|&#?[0-9A-Za-z]+;)")


def abbr(code: str) -> Markup:
    """``<abbr title="…">ITA</abbr>``: the Thai name as the title, as screen readers and a hover show it."""
    term = _BY_CODE[code]
    return Markup('<abbr title="{}">{}</abbr>').format(term.thai, term.code)


def with_abbreviations(markdown: str) -> str:
    """The page's Markdown with the first use of each abbreviation in its text marked with ``<abbr>``.

    Skips the front matter, inline SVG (charts) and admonition titles, and never looks inside a tag, a link
    target or a character reference.
    """
    pending = set(_BY_CODE)
    lines = markdown.split("\n")
    in_svg = in_front_matter = False
    for number, line in enumerate(lines):
        if not pending:
            break
        stripped = line.strip()
        if number == 0 and stripped == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = stripped != "---"
            continue
        if "<svg" in line:
            in_svg = True
        if in_svg or stripped.startswith("!!!"):
            in_svg = in_svg and "</svg>" not in line
            continue
        lines[number] = "".join(part if index % 2 else _marked(part, pending)
                                for index, part in enumerate(_NOT_TEXT.split(line)))
    return "\n".join(lines)


def _marked(text: str, pending: set[str]) -> str:
    def first_use(match: re.Match[str]) -> str:
        code = match.group(1)
        if code not in pending:
            return code
        pending.discard(code)
        return str(abbr(code))

    return _CODES.sub(first_use, text)
