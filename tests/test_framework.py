"""Tests for the per-fiscal-year NACC ITA framework data and its loader."""

from importlib.resources import files

import pytest
import yaml

from ita_site.content.framework import (
    Framework,
    UnknownFrameworkYear,
    available_years,
    find_oit_code_in_other_years,
    is_thai_zero_typing,
    load_framework,
    normalize_oit_code,
)

YEARS = (2564, 2565, 2566, 2567, 2568, 2569, 2570)


def _file_text(year: int) -> str:
    return files("ita_site.content").joinpath("frameworks", f"{year}.yaml").read_text(encoding="utf-8")


def test_available_years() -> None:
    assert available_years() == YEARS


@pytest.mark.parametrize("year", YEARS)
def test_every_year_loads(year: int) -> None:
    framework = load_framework(year)
    assert isinstance(framework, Framework)
    assert framework.name == "nacc-ita"
    assert framework.fiscal_year == year
    assert framework.sources
    assert load_framework(year) is framework


@pytest.mark.parametrize("year", YEARS)
def test_file_header_cites_every_addressable_source(year: int) -> None:
    text = _file_text(year)
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert text.startswith("#")
    for ref in load_framework(year).sources:
        if " " not in ref:
            assert ref in header, ref
        elif ref.startswith("public source code"):
            assert "public source code" in header, ref
        else:
            assert ref.split(",")[0] in header, ref


@pytest.mark.parametrize("year", YEARS)
def test_thai_text_is_intact(year: int) -> None:
    assert "\ufffd" not in _file_text(year)


def test_2566_indicators_have_the_published_names() -> None:
    framework = load_framework(2566)
    names = {number: indicator.name for number, indicator in framework.indicators.items()}
    assert names == {
        1: "การปฏิบัติหน้าที่",
        2: "การใช้งบประมาณ",
        3: "การใช้อำนาจ",
        4: "การใช้ทรัพย์สินของราชการ",
        5: "การแก้ไขปัญหาการทุจริต",
        6: "คุณภาพการดำเนินงาน",
        7: "ประสิทธิภาพการสื่อสาร",
        8: "การปรับปรุงการทำงาน",
        9: "การเปิดเผยข้อมูล",
        10: "การป้องกันการทุจริต",
    }
    assert [framework.indicators[n].tool for n in range(1, 11)] == ["IIT"] * 5 + ["EIT"] * 3 + ["OIT"] * 2
    assert framework.indicators_verified is True


def test_indicator_lookup_by_name_and_alias() -> None:
    framework = load_framework(2566)
    assert framework.indicator_by_name("การปรับปรุงระบบการทำงาน").number == 8
    assert framework.indicator_by_name("การปรับปรุง การทำงาน").number == 8
    assert framework.indicator_by_name("การใช้ทรัพย์สินของทางราชการ").number == 4
    assert framework.indicator_by_name("คุณภาพดำเนินการ").number == 6
    assert framework.indicator_by_name("คุณภาพ\u200bการดำเนินงาน").number == 6
    assert framework.indicator_by_name("การประชาสัมพันธ์") is None
    assert framework.indicator(10).name == "การป้องกันการทุจริต"
    assert framework.indicator(11) is None


@pytest.mark.parametrize("year", YEARS)
def test_levels_live_in_the_rating_rules_not_in_a_years_file(year: int) -> None:
    """Levels are rated by ratings.yaml (letters to 2565, the Rating Score from 2566): one place, one evaluator."""
    data = yaml.safe_load(_file_text(year))
    assert not {"levels", "levels_verified", "pass_threshold"} & (set(data) | set(data["notes"]))


def test_oit_codes_are_per_year() -> None:
    fy2564, fy2566 = load_framework(2564), load_framework(2566)
    assert fy2564.oit("O13").title == "คู่มือหรือมาตรฐานการปฏิบัติงาน"
    assert fy2564.oit("O14").title == "คู่มือหรือมาตรฐานการให้บริการ"
    assert fy2566.oit("O13").title == "รายงานผลการดำเนินงานประจำปี"
    assert fy2566.oit("O14").title == "คู่มือหรือมาตรฐานการปฏิบัติงาน"
    assert fy2566.oit("๐๑๔") is fy2566.oit("O14")
    assert fy2566.oit("O44") is None
    assert fy2566.oit("hello") is None
    assert load_framework(2568).oit("O8").title == "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"


def test_unverified_flags_are_preserved() -> None:
    fy2566 = load_framework(2566)
    assert fy2566.oit("O13").verified is False
    assert fy2566.oit("O31").verified is True
    assert "CONFLICT" in fy2566.oit("O13").note
    verified = [code for code, item in fy2566.oit_items.items() if item.verified]
    assert verified == [
        "O1", "O2", "O3", "O8", "O27", "O28", "O31", "O32", "O33", "O34", "O35", "O39", "O40", "O41"
    ]
    assert all(item.verified for item in load_framework(2564).oit_items.values())
    fy2568 = load_framework(2568)
    assert [code for code, item in fy2568.oit_items.items() if item.title is None] == ["O2", "O5", "O6", "O7"]
    assert not any(item.verified for item in fy2568.oit_items.values() if item.title is None)


def test_catalogue_sizes() -> None:
    assert list(load_framework(2564).oit_items) == [f"O{n}" for n in range(1, 44)]
    assert list(load_framework(2566).oit_items) == [f"O{n}" for n in range(1, 44)]
    assert list(load_framework(2567).oit_items) == ["O1", "O2", "O3", "O11", "O12"]
    assert list(load_framework(2568).oit_items) == [f"O{n}" for n in range(1, 27)]
    assert list(load_framework(2569).oit_items) == [f"O{n}" for n in range(1, 27)]
    assert load_framework(2565).oit_items == {}
    assert "not found" in load_framework(2565).notes["oit_items"]


def test_item_sources_are_full_citations() -> None:
    assert load_framework(2566).oit("O31").sources == ("https://75010020.skm.go.th/",)
    assert load_framework(2567).oit("O11").sources == ("https://hia.anamai.moph.go.th/th/oit-2",)
    assert "public source code" in load_framework(2564).oit("O42").sources[0]


def test_2568_has_ten_indicators_named_by_continuity() -> None:
    fy2568 = load_framework(2568)
    assert {n: i.name for n, i in fy2568.indicators.items()} == {
        n: i.name for n, i in load_framework(2567).indicators.items()}
    assert {code: tool.indicators for code, tool in fy2568.tools.items()} == {
        "IIT": (1, 2, 3, 4, 5), "EIT": (6, 7, 8), "OIT": (9, 10)}
    assert fy2568.indicators_verified is False
    assert "count verified" in fy2568.notes["indicators"] and "inferred" in fy2568.notes["indicators"]


def test_assumed_indicators_are_flagged() -> None:
    assert load_framework(2565).indicators_verified is False
    assert "assumed" in load_framework(2565).notes["indicators"]


def test_eit_parts_only_where_reported() -> None:
    eit = load_framework(2566).tools["EIT"]
    assert eit.indicators == (6, 7, 8)
    assert [(part.code, part.name, part.name_en) for part in eit.parts] == [
        ("public", "ส่วนที่ 1 ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง", "EIT Public"),
        ("survey", "ส่วนที่ 2 ผู้ประเมินจัดเก็บข้อมูล", "EIT Survey"),
    ]
    assert load_framework(2564).tools["EIT"].parts == ()


def test_eit_questions_2566_only() -> None:
    questions = load_framework(2566).eit_questions
    assert [q.code for q in questions] == [f"E{n}" for n in range(1, 16)]
    assert [q.code for q in questions if q.verified] == ["E1", "E4", "E8", "E10"]
    assert questions[0].linked_oit == ("O13", "O14")
    for year in (2564, 2565, 2567, 2568, 2569, 2570):
        assert load_framework(year).eit_questions == ()


def test_notes_name_sources_by_known_ids() -> None:
    fy2566 = load_framework(2566)
    assert "lohjood2566" in fy2566.source_ids
    assert "lohjood2566" in fy2566.notes["indicators"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O13", "O13"),
        ("o13", "O13"),
        ("O 13", "O13"),
        (" O13 ", "O13"),
        ("O๑๓", "O13"),
        ("O๓๔", "O34"),
        ("๐๑๓", "O13"),
        ("๐13", "O13"),
        ("๐๘", "O8"),
        ("Ｏ13", "O13"),
        ("Ｏ１３", "O13"),
        ("O8", "O8"),
        ("hello", None),
        ("O", None),
        ("O0", None),
        ("O013", None),
        ("O100", None),
        ("13", None),
        ("E13", None),
        ("", None),
    ],
)
def test_normalize_oit_code(text: str, expected: str | None) -> None:
    assert normalize_oit_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("๐๑๓", True), ("๐13", True), ("๐๘", True), ("O๑๓", False), ("O13", False), ("๐", False), ("๐๐", False)],
)
def test_is_thai_zero_typing(text: str, expected: bool) -> None:
    assert is_thai_zero_typing(text) is expected


def test_find_code_cited_with_another_years_numbering() -> None:
    found = find_oit_code_in_other_years("O13", "คู่มือหรือมาตรฐานการปฏิบัติงาน", 2566)
    assert (2566, "O14", 1.0) in found
    assert (2564, "O13", 1.0) in found
    assert found[0] == (2566, "O14", 1.0)
    assert all(not (year == 2566 and code == "O13") for year, code, _ in found)
    assert all(0.0 <= similarity <= 1.0 for _, _, similarity in found)
    assert found == find_oit_code_in_other_years("๐๑๓", "คู่มือหรือ มาตรฐาน การปฏิบัติงาน", 2566)


def test_find_code_with_a_paraphrased_title() -> None:
    found = find_oit_code_in_other_years("O14", "คู่มือการให้บริการ", 2566)
    assert [(year, code) for year, code, _ in found] == [(2566, "O15"), (2564, "O14")]


def test_find_code_without_match_or_hint() -> None:
    assert find_oit_code_in_other_years("O13", "ไม่มีหัวข้อนี้ในรายการใด", 2566) == []
    assert find_oit_code_in_other_years("O13", "  ", 2566) == []
    with pytest.raises(ValueError):
        find_oit_code_in_other_years("hello", "คู่มือ", 2566)
    with pytest.raises(UnknownFrameworkYear):
        find_oit_code_in_other_years("O13", "คู่มือ", 2571)


def test_unknown_year_lists_available_years() -> None:
    with pytest.raises(UnknownFrameworkYear) as info:
        load_framework(2599)
    assert isinstance(info.value, ValueError)
    assert info.value.fiscal_year == 2599
    assert info.value.available == YEARS
    assert "2564, 2565, 2566, 2567, 2568, 2569, 2570" in str(info.value)
