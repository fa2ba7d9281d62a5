"""Where a line of Thai may break: between words, and never inside a date, a year or a figure with its unit.

Thai has no spaces between words, so browsers break Thai lines with a dictionary (ICU's, through the
same data this module reads with icu4py). That dictionary cuts finer than a reader does: it breaks
เจ้า|หน้าที่, รับ|ผิด|ชอบ and ร้อย|ละ, and a narrow table cell then splits a word over two lines. Here
ICU's words are joined back into the units a reader sees as one word (:data:`COMPOUNDS`, and the
prefixes :data:`BOUND_PREFIXES` that form nouns), and the spaces inside "พ.ศ. ๒๕๖๖", "1 ตุลาคม 2566",
"99.50 คะแนน" or "ตัวชี้วัดที่ 6" become no-break spaces, which copy as plain spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from icu4py.breakers import WordBreaker

from ita_site.content.thai import MONTHS_FULL, MONTHS_SHORT, THAI_CHARACTER

__all__ = ["COMPOUNDS", "BOUND_PREFIXES", "NO_BREAK_SPACE", "thai_words", "may_break_inside", "keep_together",
           "short_question",
           "short_questions"]

NO_BREAK_SPACE = "\u00a0"

#: Words of ITA reports that ICU's dictionary cuts in two or more: each is one word to a reader.
COMPOUNDS = frozenset("""
    เจ้าหน้าที่ รับผิดชอบ ผู้รับผิดชอบ ร้อยละ หน่วยงาน งบประมาณ ปีงบประมาณ โปร่งใส ข้อเสนอแนะ ตัวชี้วัด
    ดำเนินการ ดำเนินงาน ประพฤติมิชอบ ผลประโยชน์ทับซ้อน ผลประโยชน์ เผยแพร่ เปิดเผย ผู้บริหาร ผู้รับบริการ
    ผู้มาติดต่อ ติดต่อ ข้อคำถาม แบบวัด จัดซื้อจัดจ้าง ร้องเรียน สำนักงานปลัด กองคลัง กองช่าง กองการศึกษา
    องค์การบริหารส่วนตำบล องค์การบริหารส่วนจังหวัด คืบหน้า ระยะเวลา สิ้นสุด ขั้นตอน ช่องทาง ผู้ตรวจประเมิน
    หลักฐาน ดีขึ้น เท่าเดิม เร่งด่วน ประจำปี ปฏิบัติการ ปฏิบัติงาน ข้อมูลข่าวสาร ทุจริต คุณธรรม ประสิทธิภาพ
    ปรับปรุง พัฒนา ประชาสัมพันธ์ ประเมินผล รายงานผล เลยกำหนด ครบกำหนด ยกเลิก บุคลากร ราชการ ทรัพย์สิน
    """.split())

#: Prefixes that make a noun of the word after them (ผู้, ความ, การ, นัก): a line never ends on one.
BOUND_PREFIXES = frozenset(("ผู้", "ความ", "การ", "นัก", "ข้อ", "ตัว"))

_LONGEST = max(len(word) for word in COMPOUNDS)
_DIGIT = "[0-9๐-๙]"
_MONTH = "|".join(re.escape(m) for m in (*MONTHS_FULL, *MONTHS_SHORT))
#: "พ.ศ. 2566", "ค.ศ. 2023", "ตัวชี้วัดที่ 6", "ร้อยละ 50", "ข้อ 3", "มาตรการ 1.1" and the like: a word and its number.
_WORD_THEN_NUMBER = re.compile(
    rf"(พ\.ศ\.|ค\.ศ\.|ที่|ร้อยละ|ข้อ|มาตรการ|ระดับ|ปี|ตัวชี้วัด|อีก|ภายใน)( +)(?={_DIGIT})")
#: "1 ตุลาคม 2566", "1 ต.ค. 2566": day, month and year.
_DATE = re.compile(rf"({_DIGIT}{{1,2}})( +)({_MONTH})( +)(?={_DIGIT})")
#: "99.50 คะแนน", "3 วัน", "4 มาตรการ": a figure and its unit.
_NUMBER_THEN_UNIT = re.compile(
    rf"({_DIGIT}(?:[0-9๐-๙.,]*{_DIGIT})?)( +)(?=คะแนน|มาตรการ|ข้อ|วัน|เดือน|ปี|คน|บาท|เอกสาร|ตัว|ครั้ง|รายการ|%)")


def keep_together(text: str) -> str:
    """``text`` with no-break spaces where a line break would separate a figure from what it counts."""
    text = _DATE.sub(lambda m: f"{m[1]}{NO_BREAK_SPACE}{m[3]}{NO_BREAK_SPACE}", text)
    text = _WORD_THEN_NUMBER.sub(lambda m: f"{m[1]}{NO_BREAK_SPACE}", text)
    return _NUMBER_THEN_UNIT.sub(lambda m: f"{m[1]}{NO_BREAK_SPACE}", text)


#: How a survey question ends when it only asks "how much" or "or not": a short label does without it.
_QUESTION_ENDING = re.compile(r"\s*(?:มากน้อยเพียงใด|เพียงใด|หรือไม่|อย่างไร)\s*\??\s*$")
#: Longest short form of a question, in characters: two lines of a chart label on a phone.
SHORT_QUESTION = 64


def short_questions(texts: Sequence[str], limit: int = SHORT_QUESTION) -> list[str]:
    """Questions shown side by side as chart labels: the opening words they all share left out (the chart's
    title says what they are about), then each shortened by :func:`short_question`."""
    words = [_QUESTION_ENDING.sub("", " ".join(text.split())).split(" ") for text in texts]
    shared = 0
    if len(words) > 1:
        while all(len(w) > shared + 1 and w[shared] == words[0][shared] for w in words):
            shared += 1
    return [short_question(" ".join(w[shared:]), limit) for w in words]


def short_question(text: str, limit: int = SHORT_QUESTION) -> str:
    """A question as a chart label: without its "how much" ending, cut between words with "…" if still long."""
    text = _QUESTION_ENDING.sub("", " ".join(text.split()))
    if len(text) <= limit:
        return text
    shown = ""
    for word in thai_words(text):
        if len(shown) + len(word) > limit - 1:
            break
        shown += word
    return f"{shown.rstrip()}…"


@lru_cache(maxsize=4096)
def thai_words(run: str) -> tuple[str, ...]:
    """The words of a run of text as a reader sees them: ICU's words, compounds and prefixed nouns joined.

    Joining the result gives ``run`` back unchanged; only the places a line may break are decided here.
    """
    if not THAI_CHARACTER.search(run):
        return (run,)
    pieces = list(WordBreaker(run, "th"))
    units: list[str] = []
    i = 0
    while i < len(pieces):
        end = _compound_end(pieces, i)
        unit = "".join(pieces[i:end])
        while unit in BOUND_PREFIXES and end < len(pieces) and THAI_CHARACTER.match(pieces[end]):
            following = _compound_end(pieces, end)
            unit += "".join(pieces[end:following])
            end = following
        units.append(unit)
        i = end
    return tuple(units)


@lru_cache(maxsize=4096)
def may_break_inside(word: str) -> bool:
    """Whether a browser's dictionary would allow a line break inside ``word`` (ICU cuts it in pieces)."""
    return bool(THAI_CHARACTER.search(word)) and len(list(WordBreaker(word, "th"))) > 1


def _compound_end(pieces: list[str], start: int) -> int:
    """End of the longest known compound starting at ``pieces[start]``, or just past that one piece."""
    best, text = start + 1, ""
    for end in range(start, len(pieces)):
        text += pieces[end]
        if len(text) > _LONGEST:
            break
        if text in COMPOUNDS:
            best = end + 1
    return best
