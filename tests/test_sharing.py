"""A shared link shows the agency's result: a description and Open Graph tags on every page, and a share image.

The image is drawn at build time from the content (no network); the same content gives the same bytes.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from ita_site.content.project import load_project
from ita_site.site import sharing
from support.harness import GOOD, REPO, build_site, changed_copy

AGENCY = "content/agency.yaml"
ASSESSMENT = "content/assessments/2566.yaml"


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def test_the_share_image_is_a_png_of_the_result_drawn_the_same_every_time() -> None:
    project = load_project(REPO / "content", REPO)
    png = sharing.share_image(project)
    assert _image(png).size == (1200, 630) and _image(png).format == "PNG"
    assert sharing.share_image(load_project(REPO / "content", REPO)) == png
    assert sharing.share_lines(project) == ["องค์การบริหารส่วนตำบลโละจูด", "ผลการประเมินคุณธรรมและความโปร่งใส (ITA)",
                                            "ปีงบประมาณ พ.ศ. ๒๕๖๖", "๙๙.๕๐ คะแนน", "ระดับผ่านดีเยี่ยม"]


def test_the_image_changes_with_the_score_and_shows_the_figure_as_transcribed(tmp_path: Path) -> None:
    before = load_project(GOOD / "content", GOOD)
    copy = changed_copy(tmp_path / "p", (ASSESSMENT, "  score: 99.50", "  score: 95.00"),
                        (AGENCY, "digits: thai", "digits: arabic"))
    after = load_project(copy / "content", copy)
    assert "95.00 คะแนน" in sharing.share_lines(after)
    assert sharing.share_image(after) != sharing.share_image(before)


def test_a_name_too_long_for_the_image_is_cut_not_drawn_past_the_edge(tmp_path: Path) -> None:
    long_name = "องค์การบริหารส่วนตำบล" + "ยาวมาก" * 2000
    copy = changed_copy(tmp_path / "p", (AGENCY, "name: องค์การบริหารส่วนตำบลโละจูด", f"name: {long_name}"))
    project = load_project(copy / "content", copy)
    image = _image(sharing.share_image(project)).convert("L")
    right_margin = image.crop((1200 - 60, 20, 1200, 630))  # below the coloured band along the top
    assert right_margin.getextrema() == (255, 255), "nothing is drawn in the right margin"


def test_head_tags_escape_every_value_once() -> None:
    tags = sharing.head_tags(title='ก"<script>', description="x & y", site_name="<b>", image_url="a.png?x=1&y=2",
                             page_url=None)
    assert '<script>' not in tags and "<b>" not in tags
    assert 'content="ก&#34;&lt;script&gt;"' in tags and 'content="x &amp; y"' in tags
    assert 'content="a.png?x=1&amp;y=2"' in tags and "og:url" not in tags


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.meta.append({k: v or "" for k, v in attrs})


def _meta(page: Path) -> dict[str, list[str]]:
    head = _Head()
    head.feed(page.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for meta in head.meta:
        key = meta.get("name") or meta.get("property")
        if key:
            found.setdefault(key, []).append(meta.get("content", ""))
    return found


@pytest.mark.slow
def test_every_page_has_one_description_and_open_graph_tags(seed_site: Path) -> None:
    pages = [p for p in seed_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        meta = _meta(page)
        assert "&lt;/head&gt;" not in page.read_text(encoding="utf-8"), f"{page}: the head's end shown as text"
        assert len(meta.get("description", [])) == 1, page
        assert meta["og:locale"] == ["th_TH"] and meta["og:type"] == ["website"], page
        assert meta["og:title"][0] and meta["og:description"] == meta["description"], page
        image = (page.parent / meta["og:image"][0]).resolve()
        assert image == (seed_site / "assets" / "images" / "share.png").resolve() and image.is_file(), page
        assert "og:url" not in meta, "without site_url a page does not know its address"
    home = _meta(seed_site / "index.html")
    assert "๙๙.๕๐ คะแนน" in home["description"][0] and "ผ่านดีเยี่ยม" in home["description"][0]
    indicator = _meta(seed_site / "2566" / "indicators" / "6.html")
    assert indicator["og:title"] == ["ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน"]
    assert (seed_site / "assets" / "images" / "share.png").read_bytes() == sharing.share_image(
        load_project(REPO / "content", REPO))


@pytest.mark.slow
def test_with_site_url_pages_give_their_address_and_the_image_in_full(tmp_path: Path) -> None:
    project = changed_copy(tmp_path / "p", ("mkdocs.yml", "site_name:", "site_url: https://ita.lohjood.go.th/ita/\nsite_name:"))
    build = build_site(project, tmp_path)
    assert build.result.returncode == 0, build.output
    meta = _meta(build.site / "2566" / "index.html")
    assert meta["og:image"] == ["https://ita.lohjood.go.th/ita/assets/images/share.png"]
    assert [re.sub(r"index\.html$", "", url) for url in meta["og:url"]] == ["https://ita.lohjood.go.th/ita/2566/"]
