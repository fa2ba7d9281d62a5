"""Thai search on the seed site, over http://, under a subpath and from file://.

Every query of search_queries finds its page in the top three; words on no page
of the site find nothing, with a way onward; figures and codes are found however
their digits are typed; no paragraph comes back twice; the answer line counts in
the agency's digits. Queries are typed with key presses into one loaded page
(Material searches on keyup). The recall per mode is written to
test-artifacts/search-recall-<mode>.json.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from html_text import page_text
from search_queries import ABSENT, FIGURES, QUERIES, TOP
from site_fixtures import (  # noqa: F401
    ARTIFACTS_DIR,
    MODES,
    PAGE_TYPES,
    base_url,
    open_page,
    search_results,
    seed_site,
    site_path,
)

pytestmark = pytest.mark.browser


def test_queries_point_at_generated_pages(seed_site: Path) -> None:
    """Every expected page exists, so a renamed page fails here and not as a search miss."""
    missing = sorted({q.expected for q in QUERIES if not (seed_site / q.expected).is_file()})
    assert not missing
    assert len(QUERIES) >= 30
    assert len({q.text for q in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("mode", MODES)
def test_thai_queries_find_their_page(
    mode: str, seed_site: Path, serve, page, page_requests, type_query, clear_query
) -> None:
    """Each query lists its expected page among the first results; nothing leaves the machine."""
    base = base_url(mode, seed_site, serve)
    page.goto(base + PAGE_TYPES["home"])
    rows = []
    for query in QUERIES:
        results = search_results(page, base, query.text, type_query, clear_query)
        rows.append(
            {
                "query": query.text,
                "kind": query.kind,
                "expected": query.expected,
                "found": query.expected in results[:TOP],
                "rank": results.index(query.expected) + 1 if query.expected in results else None,
                "top": results[:TOP],
            }
        )
    found = sum(row["found"] for row in rows)
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"search-recall-{mode}.json").write_text(
        json.dumps({"mode": mode, "found": found, "total": len(rows), "top": TOP, "queries": rows},
                   ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    misses = [f"{r['query']} ({r['kind']}): expected {r['expected']}, got {r['top']}" for r in rows if not r["found"]]
    assert not misses, f"recall {found}/{len(rows)} over {mode}:\n" + "\n".join(misses)
    assert page_requests.external() == []


#: How a reader reaches the site: a web server at its root or under a subpath, or the files on disk.
PLACES = [("http", ""), ("http", "ita"), ("file", "")]

#: Material's answer line and the "more on this page" lines of the results.
ANSWER_LINES = """() => [
    document.querySelector(".md-search-result__meta").textContent.trim(),
    ...[...document.querySelectorAll(".md-search-result__more > summary")].map(e => e.textContent.trim()),
]"""

#: Each result as the reader sees it: its page, and the text of each of its sections.
SHOWN_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map(item => ({
    href: item.querySelector("a.md-search-result__link").href,
    sections: [...item.querySelectorAll(".md-search-result__article")].map(a => a.textContent.replace(/\\s+/g, " ").trim()),
    marks: [...item.querySelectorAll("mark")].map(m => m.textContent),
}))"""


def _nothing_found_line(page) -> str:
    return page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")


def test_absent_words_are_on_no_page(seed_site: Path) -> None:
    """The words that must find nothing really are on no page of the site (its visible text, any digits)."""
    texts = [page_text(path) for path in seed_site.rglob("*.html")]
    assert len(texts) > 20
    present = [word for word in ABSENT if any(word in text for text in texts)]
    assert not present
    assert {"เบี้ยยังชีพ", "จัดซื้อจัดจ้าง"} <= set(ABSENT)


@pytest.mark.parametrize(("mode", "subpath"), PLACES)
def test_words_on_no_page_find_nothing_and_point_onward(
    mode: str, subpath: str, seed_site: Path, serve, page, page_requests, type_query, clear_query
) -> None:
    """A word of no page gives "nothing found", no result, and links to the weaknesses and measures that work."""
    base = base_url(mode, seed_site, serve, subpath)
    open_page(page, base + PAGE_TYPES["indicator"])
    onward = page.locator(".ita-search-onward")
    for word in ABSENT:
        results = search_results(page, base, word, type_query, clear_query)
        assert results == [], f"{word}: {results}"
        assert page.evaluate(ANSWER_LINES) == [_nothing_found_line(page)], word
        assert onward.is_visible(), word
    links = onward.locator("a")
    assert links.all_inner_texts() == ["จุดอ่อน ปี ๒๕๖๖", "มาตรการ ปี ๒๕๖๗"]
    # The links lead there from any page, however the site is reached.
    links.first.click()
    page.wait_for_load_state()
    assert site_path(page.url, base) == PAGE_TYPES["weakness-index"]
    # A query that finds something hides them again.
    open_page(page, page.url)
    assert search_results(page, base, "ทุจริต", type_query, clear_query)
    assert not onward.is_visible()
    assert page_requests.external() == []


@pytest.mark.parametrize("mode", MODES)
def test_figures_and_codes_are_found_however_typed(
    mode: str, seed_site: Path, serve, page, type_query, clear_query
) -> None:
    """2566 = ๒๕๖๖, 99.50 = ๙๙.๕๐, O28 = o28 = O๒๘: the same pages, shown and highlighted in the agency's digits."""
    base = base_url(mode, seed_site, serve)
    open_page(page, base + PAGE_TYPES["home"])
    for spellings, expected, shown in FIGURES:
        answers = []
        for typed in spellings:
            results = search_results(page, base, typed, type_query, clear_query)
            assert expected in results, f"{typed}: {results}"
            answers.append(results)
            marks = [mark for result in page.evaluate(SHOWN_RESULTS) for mark in result["marks"]]
            assert shown in marks, f"{typed}: highlighted {marks}"
        assert all(answer == answers[0] for answer in answers), dict(zip(spellings, answers, strict=True))


def test_no_paragraph_comes_back_twice(seed_site: Path, serve, page, type_query, clear_query) -> None:
    """Pages that repeat a recommendation or a plan's steps give one result for it, not one per page."""
    base = base_url("http", seed_site, serve)
    open_page(page, base + PAGE_TYPES["home"])
    for query in ("O28", "ปกปิดข้อมูลผู้แจ้งเบาะแส", "แจ้งเวียนมาตรการ", "ระบบการให้บริการออนไลน์"):
        results = search_results(page, base, query, type_query, clear_query)
        assert results and len(results) == len(set(results)), f"{query}: {results}"
        sections = [text for result in page.evaluate(SHOWN_RESULTS) for text in result["sections"] if len(text) > 40]
        repeated = {text[:60] for text in sections if sections.count(text) > 1}
        assert not repeated, f"{query}: {repeated}"


def test_answer_line_counts_in_the_agency_digits(seed_site: Path, serve, page, type_query, clear_query) -> None:
    """On a Thai-digit site "พบ 7 เอกสาร" reads "พบ ๗ เอกสาร", and so do the "more on this page" lines."""
    base = base_url("http", seed_site, serve)
    open_page(page, base + PAGE_TYPES["home"])
    more_lines = []
    for query in ("2566", "ตัวชี้วัด", "มาตรการ"):
        assert search_results(page, base, query, type_query, clear_query), query
        answer, *more = page.evaluate(ANSWER_LINES)
        assert re.fullmatch(r"พบ [๐-๙]+ เอกสารที่ตรงกัน", answer), answer
        more_lines += more
    assert more_lines and all(re.fullmatch(r"อีก [๐-๙]+ รายการในหน้านี้", line) for line in more_lines), more_lines


def test_opened_result_marks_the_figure_as_the_page_shows_it(seed_site: Path, serve, page, type_query, clear_query) -> None:
    """2566 typed, the opened page highlights its ๒๕๖๖ (Material's search.highlight)."""
    base = base_url("http", seed_site, serve)
    open_page(page, base + PAGE_TYPES["home"])
    assert search_results(page, base, "2566", type_query, clear_query)
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_function("() => document.querySelector('article mark') !== null", timeout=10_000)
    assert "๒๕๖๖" in page.eval_on_selector_all("article mark", "marks => marks.map(mark => mark.textContent)")
