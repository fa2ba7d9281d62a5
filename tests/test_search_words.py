"""Thai word boundaries marked in the search index at build time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita_site.content import thai
from ita_site.content.project import load_project
from ita_site.content.thai import to_thai_digits
from ita_site.site.search_words import (
    INDEX_PATH,
    THAI_DIGITS_FIELD,
    WORD_BREAK,
    mark_search_index,
    search_form,
    separates_words,
    thai_word_marker,
)
from ita_site.site.site_assets import SEARCH_SEPARATOR

ZW = WORD_BREAK


@pytest.fixture
def mark():
    return thai_word_marker()


def test_thai_run_is_split_into_words_that_add_up_to_it(mark) -> None:
    marked = mark("การประเมินคุณธรรมและความโปร่งใส")
    words = marked.split(ZW)
    assert "".join(words) == "การประเมินคุณธรรมและความโปร่งใส"
    assert {"การ", "ประเมิน", "คุณธรรม", "และ"} <= set(words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O13ข้อ", f"O13{ZW}ข้อ"),
        ("(อ้างอิง)", f"({ZW}อ้างอิง{ZW})"),
        ("ปี2566", f"ปี{ZW}2566"),
        ("OIT ITA-2566 o13", "OIT ITA-2566 o13"),
        ("ทุจริต ทุจริต", "ทุจริต ทุจริต"),
    ],
)
def test_latin_and_digits_split_from_thai_and_left_alone(mark, text: str, expected: str) -> None:
    assert mark(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O๑๔ข้อ", f"O๑๔{ZW}ข้อ"),
        ("๒๕๖๖เป็นปีแรก", f"๒๕๖๖{ZW}เป็น{ZW}ปี{ZW}แรก"),
        ("(๙๗.๐๙)", f"({ZW}๙๗.๐๙{ZW})"),
        ("(E1)", f"({ZW}E1{ZW})"),
        ("O28,", f"O28{ZW},"),
        ("www.lohjood.go.th", "www.lohjood.go.th"),
    ],
)
def test_figures_and_codes_are_words_of_their_own(mark, text: str, expected: str) -> None:
    """A figure or code is one word in either digits, apart from the Thai and the brackets around it."""
    assert mark(text) == expected


def test_thai_digits_are_indexed_as_arabic_with_their_places() -> None:
    assert search_form("ปี ๒๕๖๖ คะแนน ๙๙.๕๐ (O14)") == ("ปี 2566 คะแนน 99.50 (O14)", [3, 4, 14, 2, 17, 2])
    assert search_form("2566 O14") == ("2566 O14", [])
    # Places count as JavaScript does: a character beyond the BMP is two.
    assert search_form("\U0001F4CA ๑") == ("\U0001F4CA 1", [3, 1])


def test_markup_is_left_alone(mark) -> None:
    text = '<p title="การประเมิน">ผลการประเมิน</p><a href="x.html#การทุจริต">ทุจริต</a>'
    marked = mark(text)
    assert re.findall(r"<[^>]*>", marked) == re.findall(r"<[^>]*>", text)
    assert f"ผล{ZW}การ{ZW}ประเมิน" in marked


def test_marking_twice_changes_nothing(mark) -> None:
    once = mark("<p>ช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ (O13ข้อ)</p>")
    assert once.count(ZW) >= 5
    assert thai_word_marker()(once) == once


CONFIG = {"lang": ["en"], "separator": "[\\s\\u200b\\-]+", "pipeline": ["stopWordFilter"]}


def _index(folder: Path, docs: list[dict]) -> Path:
    index = folder / INDEX_PATH
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": CONFIG, "docs": docs}), encoding="utf-8")  # escaped, as Material writes
    return index


def test_index_titles_and_texts_are_marked_in_place(tmp_path: Path) -> None:
    docs = [
        {"location": "การทุจริต.html", "title": "การประเมินคุณธรรม", "text": "<p>แจ้งการทุจริต</p>", "tags": ["ทุจริตภาครัฐ"]},
        {"location": "a.html#x", "title": "OIT", "text": ""},
        {"location": "b.html", "title": "ปี ๒๕๖๖", "text": "<p>คะแนน ๙๙.๕๐ O14</p>"},
    ]
    index = mark_search_index(tmp_path)
    assert index is None  # no index yet: search disabled

    index = _index(tmp_path, docs)
    assert mark_search_index(tmp_path) == index
    raw = index.read_text(encoding="utf-8")
    assert "ทุจริต" in raw and "\\u0e17" not in raw  # Thai stays UTF-8: about half the bytes of \u escapes
    marked = json.loads(raw)
    assert marked["config"] == CONFIG
    first, second, figures = marked["docs"]
    assert first["title"] == f"การ{ZW}ประเมิน{ZW}คุณธรรม"
    assert first["text"] == f"<p>แจ้ง{ZW}การ{ZW}ทุจริต</p>"
    assert first["location"] == "การทุจริต.html" and first["tags"] == ["ทุจริตภาครัฐ"]
    assert second == docs[1]
    assert THAI_DIGITS_FIELD not in first
    # Figures in one form for search, with where the agency's Thai digits go back for display.
    assert (figures["title"], figures["text"]) == ("ปี 2566", "<p>คะแนน 99.50 O14</p>")
    assert figures[THAI_DIGITS_FIELD] == {"title": [3, 4], "text": [9, 2, 12, 2]}
    assert _indexed_text(figures) == "คะแนน ๙๙.๕๐ O14"

    again = index.read_bytes()
    mark_search_index(tmp_path)
    assert index.read_bytes() == again


@pytest.mark.slow
def test_seed_site_index_and_its_file_copy_are_marked(seed_site: Path) -> None:
    index = json.loads((seed_site / INDEX_PATH).read_text(encoding="utf-8"))
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert f"การ{ZW}ประเมิน" in texts and f"คุณธรรม{ZW}และ" in texts
    # Material's offline plugin copies the marked index for file:// pages.
    script = (seed_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script == "var __index = " + (seed_site / INDEX_PATH).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("separator", "splits"),
    [(SEARCH_SEPARATOR, True), (r"[\s\-]+", False), (r"[\s\u200b]+", True), (r"[\s\p{P}]+", True)],
)
def test_separates_words(separator: str, splits: bool) -> None:
    """Whether a search separator splits at the mark; JavaScript-only syntax (\\p{P}) is not held against it."""
    assert separates_words(separator) is splits


def _indexed_text(doc: dict) -> str:
    """A search document's text as a reader would read it: no markup, no word marks, the agency's digits."""
    places = doc.get(THAI_DIGITS_FIELD, {}).get("text", [])
    text = doc["text"]
    for start, length in zip(places[::2], places[1::2], strict=True):
        text = text[:start] + to_thai_digits(text[start:start + length]) + text[start + length:]
    return " ".join(re.sub(r"<[^>]*>", " ", text).replace(ZW, "").split())


@pytest.mark.slow
def test_each_recommendation_and_step_is_indexed_once(seed_site: Path, repo: Path) -> None:
    """Pages repeat the inspectors' recommendations and a plan's shared steps; search finds each in one place."""
    project = load_project(repo / "content", repo)
    digits = project.agency.digits
    paragraphs = [r.text for a in project.assessments.values() for r in a.recommendations]
    paragraphs += [s.text for p in project.plans.values() for s in p.steps]
    assert len(paragraphs) >= 8
    index = json.loads((seed_site / INDEX_PATH).read_text(encoding="utf-8"))
    texts = [(doc["location"], _indexed_text(doc)) for doc in index["docs"]]
    repeated = {}
    for paragraph in paragraphs:
        shown = " ".join(thai.digits(paragraph, digits).split())
        places = [location for location, text in texts if shown in text]
        if len(places) != 1:
            repeated[shown[:40]] = places
    assert not repeated
