"""Thai lines break between words, never inside a word, a date, a year or a figure with its unit;
on a phone, table rows read as cards labelled with their column headings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest

from ita_site.site.line_breaks import NO_BREAK_SPACE, keep_together, may_break_inside, short_questions, thai_words
from ita_site.site.phone_tables import PhoneTablesExtension
from ita_site.site.render import escape_md


@pytest.mark.parametrize(("text", "words"), [
    ("เจ้าหน้าที่ของหน่วยงาน", ("เจ้าหน้าที่", "ของ", "หน่วยงาน")),
    ("ผู้รับผิดชอบ", ("ผู้รับผิดชอบ",)),
    ("ร้อยละ", ("ร้อยละ",)),
    ("ผลการดำเนินการ", ("ผล", "การดำเนินการ")),
])
def test_words_the_dictionary_cuts_stay_whole(text: str, words: tuple[str, ...]) -> None:
    assert any(may_break_inside(word) for word in words), "ICU cuts these words; they are joined back here"
    assert thai_words(text) == words


@pytest.mark.parametrize("text", ["การเปิดเผยข้อมูลสาธารณะ O13 ปี 2566", "abc", "", "ทุจริตและประพฤติมิชอบ ๙๙.๕๐"])
def test_splitting_into_words_loses_and_adds_nothing(text: str) -> None:
    assert "".join(thai_words(text)) == text


@pytest.mark.parametrize(("text", "kept"), [
    ("ปีงบประมาณ พ.ศ. ๒๕๖๖", "พ.ศ. ๒๕๖๖"),
    ("ปีงบประมาณ พ.ศ. 2567 ดังนี้", "พ.ศ. 2567"),
    ("ตั้งแต่ 1 ตุลาคม 2566 ถึง", "1 ตุลาคม 2566"),
    ("๑ ต.ค. ๒๕๖๖ – ๓๐ ก.ย. ๒๕๖๗", "๓๐ ก.ย. ๒๕๖๗"),
    ("ได้ ๙๙.๕๐ คะแนน", "๙๙.๕๐ คะแนน"),
    ("ตัวชี้วัดที่ 6 คุณภาพ", "ตัวชี้วัดที่ 6"),
    ("อีก 3 วัน", "อีก 3 วัน"),
])
def test_dates_years_and_figures_are_kept_together(text: str, kept: str) -> None:
    result = keep_together(text)
    assert kept.replace(" ", NO_BREAK_SPACE) in result
    assert result.replace(NO_BREAK_SPACE, " ") == text, "only spaces change, into spaces that do not break"


def test_words_between_figures_may_still_break() -> None:
    assert keep_together("มาตรการ ส่งเสริม คุณธรรม") == "มาตรการ ส่งเสริม คุณธรรม"
    assert keep_together("O13 ITA") == "O13 ITA"


def test_questions_are_labelled_by_what_they_ask() -> None:
    asked = ["หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสาร มากน้อยเพียงใด",
             "หน่วยงานมีช่องทางที่ท่านสามารถติชมหรือแสดงความคิดเห็นต่อการปฏิบัติงานหรือการให้บริการของหน่วยงาน"
             "ได้ทุกช่องทางและทุกเวลาที่สะดวก มากน้อยเพียงใด"]
    short = short_questions(asked)
    assert short[0] == "หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสาร"
    assert short[1].endswith("…") and len(short[1]) <= 64
    assert asked[1].startswith(short[1].removesuffix("…")), "cut, never reworded"
    assert re.sub(r"\s", "", short[1][:-1]) in "".join(thai_words(asked[1])), "cut between words"


def test_shared_opening_words_are_left_out() -> None:
    shared = short_questions(["ท่าน เห็นว่า ข้อแรก", "ท่าน เห็นว่า ข้อที่สอง"])
    assert shared == ["ข้อแรก", "ข้อที่สอง"]
    assert short_questions(["ท่าน เห็นว่า"]) == ["ท่าน เห็นว่า"]


def _html(text: str) -> ET.Element:
    body = markdown.markdown(text, extensions=["tables", "attr_list", PhoneTablesExtension()])
    return ET.fromstring(f"<body>{body}</body>")


TABLE = """
| มาตรการ | ผู้รับผิดชอบ | สถานะ |
| :-- | :-- | :-- |
| 1.1 | เจ้าหน้าที่ของหน่วยงาน | ดำเนินการแล้ว |
"""


def test_each_cell_of_a_wide_table_carries_its_column_heading() -> None:
    table = _html(TABLE).find("table")
    assert table is not None and table.get("data-ita-cards") == ""
    cells = table.findall("tbody/tr/td")
    assert [cell.get("data-label") for cell in cells] == ["มาตรการ", "ผู้รับผิดชอบ", "สถานะ"]
    assert table.find("thead") is not None, "the headings stay in the table for screen readers"


def test_a_two_column_table_stays_a_table() -> None:
    table = _html("| รายการ | ค่า |\n| :-- | :-- |\n| คะแนน | 99.50 |\n").find("table")
    assert table is not None and table.get("data-ita-cards") is None
    assert all(cell.get("data-label") is None for cell in table.iter("td"))


def test_words_in_cells_and_headings_do_not_break_inside() -> None:
    root = _html("# เจ้าหน้าที่\n\nเจ้าหน้าที่ในย่อหน้า\n" + TABLE)
    cell = root.findall(".//td")[1]
    assert [span.text for span in cell.iter("span")] == ["เจ้าหน้าที่", "หน่วยงาน"]
    assert all(span.get("class") == "ita-word" for span in cell.iter("span"))
    assert "".join(cell.itertext()) == "เจ้าหน้าที่ของหน่วยงาน", "copied text gains nothing"
    assert root.find("h1/span") is not None
    assert root.find("p/span") is None, "running text wraps as the browser likes"


def test_a_heading_keeps_the_year_with_its_era() -> None:
    heading = _html("## ผลการประเมิน ปีงบประมาณ พ.ศ. ๒๕๖๖").find("h2")
    assert heading is not None and f"พ.ศ.{NO_BREAK_SPACE}๒๕๖๖" in "".join(heading.itertext())


def test_headings_with_markup_give_plain_escaped_labels() -> None:
    hostile = escape_md('<img src=x onerror=alert(1)> "q" สถานะ')
    table = f"| ก | ข | {hostile} |\n| :-- | :-- | :-- |\n| 1 | 2 | 3 |\n"
    html = markdown.markdown(table, extensions=["tables", PhoneTablesExtension()])
    assert 'data-label="&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; สถานะ"' in html
    assert "<img" not in html
    assert "\x02" not in html and "\x03" not in html
