"""What a reader needs to follow the pages: abbreviations spelled out, a glossary, links that say where they
lead, the signed original and the open data, no empty sections, a Thai 404 page, and no staff-only markers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from html_text import parse
from ita_site.content import thai
from ita_site.content.addresses import GLOSSARY_PATH, OIT_REFERENCES_PATH
from ita_site.content.project import load_project
from ita_site.site.glossary import TERMS, with_abbreviations
from ita_site.site.render import Site, render_site
from support.harness import GOOD, REPO, build_site, built_site

EXAMPLE = REPO / "examples" / "tambon-example"
TODAY = thai.fiscal_year_bounds(2567)[1]
_ABBR = re.compile(r'<abbr title="([^"]*)">([A-Z]+)</abbr>')


def _site(root: Path, open_data: bool = True) -> Site:
    return render_site(load_project(root / "content", root), TODAY, open_data=open_data)


@pytest.fixture(scope="module", params=[REPO, EXAMPLE], ids=["seed", "example"])
def rendered(request: pytest.FixtureRequest) -> Site:
    return _site(request.param)


def test_the_first_use_of_each_abbreviation_is_spelled_out_once() -> None:
    text = "---\nsearch: ITA\n---\n# ผล ITA 2566\n\nITA และ OIT [ข้อ OIT](oit/ITA.md) <span id=\"EIT\">EIT</span>\n<svg><text>IIT</text></svg>\nIIT"
    marked = with_abbreviations(text)
    assert marked.startswith("---\nsearch: ITA\n---\n# ผล <abbr title=\"การประเมินคุณธรรม")
    assert [code for _, code in _ABBR.findall(marked)] == ["ITA", "OIT", "EIT", "IIT"]
    assert "(oit/ITA.md)" in marked and 'id="EIT"' in marked and "<text>IIT</text>" in marked
    assert marked.endswith("\n" + '<abbr title="แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน">IIT</abbr>')


def test_every_page_spells_out_the_abbreviations_it_uses(rendered: Site) -> None:
    titles = {term.code: term.thai for term in TERMS}
    for page in rendered.pages:
        marked = _ABBR.findall(page.markdown)
        assert all(titles[code] == title for title, code in marked), page.path
        codes = [code for _, code in marked]
        assert len(codes) == len(set(codes)), page.path
        plain = re.sub(r"<svg.*?</svg>|<[^>]*>|\]\([^)]*\)", " ", page.markdown, flags=re.S)
        used = {code for code in titles if re.search(rf"(?<![A-Za-z0-9/.-]){code}(?![A-Za-z0-9-])", plain)}
        assert used <= set(codes), (page.path, used - set(codes))


def test_the_glossary_lists_every_abbreviation_and_the_navigation_leads_there(rendered: Site) -> None:
    glossary = rendered.page_at(GLOSSARY_PATH)
    assert glossary is not None and {"คำย่อ": GLOSSARY_PATH} in rendered.nav
    for term in TERMS:
        assert f"## {term.code}" in glossary.markdown or f">{term.code}</abbr> {term.thai}" in glossary.markdown
        assert term.english in glossary.markdown


def test_a_weakness_is_not_titled_like_an_indicator_of_its_year(rendered: Site) -> None:
    def titles(kind: str) -> set[tuple[str, str]]:
        return {(page.path.split("/")[0], page.title.split(" ", 2)[-1] if kind == "indicators" else page.title)
                for page in rendered.pages if f"/{kind}/" in page.path and not page.path.endswith("index.md")}

    assert titles("weaknesses") and titles("weaknesses").isdisjoint(titles("indicators"))


def test_a_weakness_titled_with_its_indicator_name_reads_as_a_weakness() -> None:
    """The seed's weakness iit-4 is titled "การใช้ทรัพย์สินของราชการ", the name of indicator 4."""
    site = _site(REPO)
    assert site.page_at("2566/weaknesses/iit-4.md").title == "จุดอ่อนด้านการใช้ทรัพย์สินของราชการ"  # type: ignore[union-attr]
    home = site.page_at("index.md").markdown  # type: ignore[union-attr]
    assert "[จุดอ่อนด้านการใช้ทรัพย์สินของราชการ](2566/weaknesses/iit-4.md)" in home


def test_no_link_is_only_a_number(rendered: Site) -> None:
    bare = [(page.path, match) for page in rendered.pages
            for match in re.findall(r"\[[0-9๐-๙.\s]+\]\(", page.markdown)]
    assert bare == []


def test_no_table_without_rows(rendered: Site) -> None:
    for page in rendered.pages:
        lines = page.markdown.splitlines()
        for number, line in enumerate(lines[:-1]):
            if re.match(r"^\| :?--", line):
                assert lines[number + 1].startswith("|"), (page.path, lines[number - 1])


def test_the_references_page_is_left_out_when_no_recommendation_cites_an_oit_item() -> None:
    example = _site(EXAMPLE)
    assert example.page_at(OIT_REFERENCES_PATH) is None
    assert "oit-references.md" not in "".join(page.markdown for page in example.pages)
    assert _site(REPO).page_at(OIT_REFERENCES_PATH) is not None


def test_year_pages_link_the_signed_original_and_the_open_data() -> None:
    site = _site(GOOD)
    for path in ("2566/index.md", "2567/measures/index.md"):
        markdown = site.page_at(path).markdown  # type: ignore[union-attr]
        assert "## เอกสารต้นฉบับและข้อมูลเปิด" in markdown, path
        assert '<a href="../data/datapackage.json">' in markdown or '<a href="../../data/datapackage.json">' in markdown
    assessment = site.page_at("2566/index.md").markdown  # type: ignore[union-attr]
    assert "(../files/2566/ita-result-signed.pdf)" in assessment and "(https://itas.nacc.go.th/result/2566)" in assessment
    plan = site.page_at("2567/measures/index.md").markdown  # type: ignore[union-attr]
    assert "(https://www.lohjood.go.th/ita/2567/measures-signed.pdf)" in plan
    without_data = _site(REPO, open_data=False)
    assert "datapackage.json" not in "".join(page.markdown for page in without_data.pages)


@pytest.mark.slow
def test_the_open_data_links_lead_to_what_the_build_wrote(tmp_path: Path) -> None:
    build = build_site(GOOD, tmp_path)
    assert build.result.returncode == 0, build.output
    for page in ("2566/index.html", "2567/measures/index.html"):
        links = [href for tag, href in parse(build.site / page).links if tag == "a" and "data" in href]
        assert links, page
        for href in links:
            assert (build.site / page).parent.joinpath(href).resolve().exists(), (page, href)
    signed = [href for _, href in parse(build.site / "2566" / "index.html").links if href.endswith("signed.pdf")]
    assert signed and (build.site / "2566" / signed[0]).resolve().is_file()


@pytest.mark.slow
def test_the_404_page_is_thai_and_leads_home_and_to_search(seed_site: Path) -> None:
    page = seed_site / "404.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="th"' in html and "Not found" not in html
    text = " ".join(" ".join(parse(page).text).split())
    assert "ไม่พบหน้าที่ต้องการ" in text and "กลับหน้าแรก" in text and "ค้นหาในเว็บไซต์" in text
    assert re.search(r'<a class="md-button md-button--primary" href="/index.html">กลับหน้าแรก</a>', html)
    assert re.search(r'<label class="md-button[^"]*" for="__search">', html)


#: Words only staff output may carry: the verification state of a rule or an OIT item, finding codes,
#: check levels, and editing notes.
STAFF_ONLY = re.compile(r"ยังไม่ยืนยัน|อนุมานจากปีก่อน|มีแหล่งข้อมูลเดียว|ใช้เกณฑ์ของปีอื่น|\bunverified\b|\bverified\b"
                        r"|\bITA[0-9]{3}\b|\bTODO\b|\bFIXME\b|ต้องตรวจสอบ")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(EXAMPLE, tmp_path_factory.mktemp("example"))


@pytest.mark.slow
def test_no_public_page_carries_a_staff_only_marker(seed_site: Path, example_site: Path) -> None:
    published = [p for site in (seed_site, example_site) for p in [*site.rglob("*.html"), *site.rglob("search_index.*")]]
    assert len(published) > 60
    found = [(p.name, m.group()) for p in published for m in STAFF_ONLY.finditer(" ".join(parse(p).text)
                                                                                   if p.suffix == ".html"
                                                                                   else p.read_text("utf-8"))]
    assert found == []
    oit_pages = list((example_site / "2566" / "oit").glob("o*.html"))
    assert len(oit_pages) == 43, "every OIT item page of the example was scanned"
