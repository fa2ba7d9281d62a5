"""The default site, built from the seed agency's content, says everything the source says."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import seed_expectations as seed
from html_text import page_text, parse, squashed
from ita_site.content.rating import scheme_for
from support.harness import build_site, changed_copy, copy_project, run_mkdocs_build


def test_strict_build_has_no_warnings(seed_build) -> None:
    site, result = seed_build
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (site / "index.html").is_file()


def test_home_shows_overall_score_level_and_every_indicator(seed_site: Path) -> None:
    text = page_text(seed_site / "index.html")
    assert squashed(seed.OVERALL[0]) in text and seed.OVERALL[1] in text
    for number, (name, score) in seed.INDICATORS.items():
        assert squashed(f"{number}{name}") in text or squashed(name) in text
        assert score in text


@pytest.mark.parametrize("number", list(seed.INDICATORS))
def test_indicator_page(seed_site: Path, number: int) -> None:
    name, score = seed.INDICATORS[number]
    text = page_text(seed_site / "2566" / "indicators" / f"{number}.html")
    assert squashed(name) in text
    assert f"คะแนน{score}" in text
    for indicator, question, _score in seed.QUESTIONS:
        if indicator == number:
            assert squashed(question) in text, question


def test_assessment_page_has_every_question_and_score(seed_site: Path) -> None:
    text = page_text(seed_site / "2566" / "index.html")
    for _, question, score in seed.QUESTIONS:
        assert squashed(question) + score in text, question


def test_every_recommendation_with_its_oit_references(seed_site: Path) -> None:
    text = page_text(seed_site / "2566" / "index.html")
    for phrase, codes in seed.RECOMMENDATIONS:
        start = text.index(squashed(phrase))
        cited = text[start:]
        tail = cited[: cited.index("ข้อOITที่อ้างถึง:") + 80]
        positions = [tail.index(code) for code in codes]
        assert all(p >= 0 for p in positions), (phrase, codes)
    references = page_text(seed_site / "oit-references.html")
    for _, codes in seed.RECOMMENDATIONS:
        for code in codes:
            assert code in references


def test_measures_owner_steps_and_period(seed_site: Path) -> None:
    document = page_text(seed_site / "2567" / "measures" / "document.html")
    plan = page_text(seed_site / "2567" / "measures" / "index.html")
    for number, phrase in seed.MEASURES.items():
        assert squashed(phrase) in document, number
        assert number in plan
    for number, phrase in seed.STEPS.items():
        assert number + ")" + squashed(phrase)[:10] in document.replace(squashed("สำนักปลัด อบต.งานบริหารทั่วไป"), "")\
            or squashed(phrase) in document, number
    for text in (document, plan):
        assert squashed(seed.OWNER) in text
        assert squashed(seed.PERIOD[0]) in text and squashed(seed.PERIOD[1]) in text


def test_page_per_indicator_weakness_and_measure(seed_site: Path) -> None:
    assert sorted(p.stem for p in (seed_site / "2566" / "indicators").glob("*.html")) == sorted(
        str(n) for n in seed.INDICATORS)
    weaknesses = {p.stem for p in (seed_site / "2566" / "weaknesses").glob("*.html")} - {"index"}
    assert weaknesses == {"iit-4", "eit-6", "eit-7", "eit-8"}
    measures = {p.stem for p in (seed_site / "2567" / "measures").glob("*.html")} - {"index", "document", "report"}
    assert measures == {"1-1", "1-2", "1-3", "1-4"}


def test_measures_and_weaknesses_link_both_ways(seed_site: Path) -> None:
    measure = parse(seed_site / "2567" / "measures" / "1-2.html")
    assert any(href.endswith("weaknesses/eit-7.html") for _, href in measure.links)
    weakness = parse(seed_site / "2566" / "weaknesses" / "eit-7.html")
    assert any(href.endswith("measures/1-2.html") for _, href in weakness.links)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_broken_internal_links(seed_site: Path) -> None:
    broken = []
    # 404.html is served for any missing path, so MkDocs gives it root-based links on purpose.
    for page in [p for p in _html_pages(seed_site) if p.name != "404.html"]:
        collected = parse(page)
        for _, href in collected.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("#", "//", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path and not target.exists():
                broken.append(f"{page.relative_to(seed_site)} -> {href}")
            if parts.fragment and parts.path.endswith(".html") and target.exists():
                if parts.fragment not in parse(target).ids:
                    broken.append(f"{page.relative_to(seed_site)} -> {href} (anchor)")
    assert not broken, broken


def test_canonical_name_on_every_page_and_no_misspelling(seed_site: Path) -> None:
    for page in _html_pages(seed_site):
        text = page_text(page)
        assert squashed(seed.OFFICIAL_NAME) in text, page
        for wrong in seed.MISSPELLINGS:
            assert squashed(wrong) not in text, (page, wrong)


# A letter grade as pages printed it ("AA ผ่านดีเยี่ยม", a legend "A ผ่านดี 85.00–94.99"), in squashed text.
_LETTER_GRADE = re.compile(r"(?<![A-Za-z])(?:AA|[A-F])(?:ผ่าน|ไม่ผ่าน)")


def test_no_letter_grade_and_no_verification_marker_on_any_page(seed_site: Path) -> None:
    """Letter grades ended with ITA 2566; whether a catalogue entry is verified is for staff (check), not readers."""
    for page in _html_pages(seed_site):
        text = page_text(page)
        assert not _LETTER_GRADE.search(text), (page, _LETTER_GRADE.findall(text))
        assert "ยังไม่ยืนยัน" not in text and "ยังไม่ได้ยืนยัน" not in text, page
        assert not re.search(r"<th[^>]*>ระดับ</th>", page.read_text(encoding="utf-8")), page  # indicators have none


@pytest.mark.parametrize("page", ["index.html", "2566/index.html"])
def test_the_rule_behind_the_stated_level_is_shown(seed_site: Path, page: str) -> None:
    scheme = scheme_for(2566)
    assert scheme is not None
    rule = next((r for r in scheme.rules if r.matches(seed.OVERALL[1])), None)
    assert rule is not None and "95" in rule.rule_th
    assert squashed(f"เกณฑ์ระดับ{rule.label}: {rule.rule_th}") in page_text(seed_site / page)


@pytest.mark.slow
def test_tool_scores_given_are_shown_with_the_level(tmp_path: Path) -> None:
    assessment = "content/assessments/2566.yaml"
    project = changed_copy(tmp_path / "project", (assessment, "  - tool: EIT\n", "  - tool: EIT\n    score: 98.10\n"))
    build = build_site(project, tmp_path)
    assert build.result.returncode == 0, build.output
    assert "ระดับผลการประเมิน:ผ่านดีเยี่ยมคะแนนรายเครื่องมือ:EIT98.10" in page_text(build.site / "2566" / "index.html")


def test_thai_digits_as_the_agency_wants(seed_site: Path) -> None:
    raw = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "๙๙.๕๐" in raw and "99.50" not in raw


def test_contradictions_are_shown_where_they_apply(seed_site: Path) -> None:
    text = page_text(seed_site / "2566" / "indicators" / "6.html")
    assert "97.07" in text and "98.54" in text
    plan = page_text(seed_site / "2567" / "measures" / "index.html")
    assert squashed("ปีงบประมาณ พ.ศ. 2566") in plan


@pytest.mark.slow
def test_edit_links_point_at_the_content_file(tmp_path: Path, repo: Path) -> None:
    project = copy_project(repo, tmp_path / "agency")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "repo_url: https://example.org/agency/site\nedit_uri: edit/main/pages/\n" + config, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    hrefs = [href for _, href in parse(tmp_path / "site" / "2566" / "indicators" / "4.html").links]
    assert "https://example.org/agency/site/edit/main/content/assessments/2566.yaml" in hrefs
