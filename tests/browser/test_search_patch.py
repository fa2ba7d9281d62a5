"""Thai search, self-hosted font and zero external requests, checked in Chromium.

A throwaway Thai Material site is built in a temporary folder with the package's
assets applied the way the plugin applies them (configure() in on_config,
asset_files(), mark_search_index() and patch_search_worker() after the build), then opened over
http://, over http:// under a subpath, and from file://.
"""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ita_site.site import site_assets
from site_fixtures import open_as_returning_reader

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

# Query -> page that must be the first result. หน่วยงาน also appears in the
# body of integrity.html, so the page with it in its title must outrank it.
# A phrase needs all its words, wherever they stand in the section.
QUERIES = {
    "ทุจริต": "complaints.html",
    "คุณธรรม": "integrity.html",
    "ความโปร่งใส": "integrity.html",
    "หน่วยงาน": "agency.html",
    "ผลการประเมินคุณธรรมและความโปร่งใส": "integrity.html",
    "ร้องเรียนทุจริตไปรษณีย์": "complaints.html",
}

# Queries that find nothing: a word on no page (ออนไลน์) among words that are,
# a single letter, a stop word alone, words of different pages together.
NOWHERE = ("ร้องเรียนทุจริตออนไลน์", "พ", "และ", "ไปรษณีย์ยุทธศาสตร์")

PAGES = {
    "index.md": """\
        # หน้าแรก

        เว็บไซต์นี้เผยแพร่ข้อมูลตามแบบวัดการเปิดเผยข้อมูลสาธารณะประจำปีงบประมาณ
        """,
    "complaints.md": """\
        # ช่องทางร้องเรียนการทุจริต

        ประชาชนแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบได้ที่ศูนย์รับเรื่องร้องเรียนหรือทางไปรษณีย์

        ## ขั้นตอนการดำเนินการ

        เจ้าหน้าที่ตรวจสอบข้อเท็จจริงและแจ้งผลให้ผู้ร้องทราบภายในสิบห้าวันทำการ
        """,
    "integrity.md": """\
        # การประเมินคุณธรรมและความโปร่งใส

        ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐประจำปีงบประมาณ
        """,
    "agency.md": """\
        # ข้อมูลหน่วยงาน

        โครงสร้างองค์กรอำนาจหน้าที่และแผนยุทธศาสตร์ของสำนักงานเขตพื้นที่ ตามตัวชี้วัด OIT ข้อ o1
        """,
}

HOOKS = '''\
"""Applies ita_site's assets the way the ita plugin does."""
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from ita_site.site import search_words
from ita_site.site import site_assets
from site_fixtures import open_as_returning_reader


@event_priority(100)
def on_config(config):
    site_assets.configure(config)
    return config


def on_post_page(output, page, config):
    fonts = get_relative_url(f"{site_assets.SITE_PREFIX}/fonts", page.url)
    return site_assets.with_font_loader(site_assets.with_inline_stylesheet(output, fonts), fonts)


def on_post_build(config):
    site = Path(config["site_dir"])
    for target, source in site_assets.asset_files():
        destination = site / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    if PATCH:
        search_words.mark_search_index(site)
        site_assets.patch_search_worker(site)
'''


def build_site(root: Path, *, patch: bool = True) -> Path:
    """Write and build the throwaway Thai site under ``root``; return its site folder."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, text in PAGES.items():
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "hooks.py").write_text(HOOKS.replace("if PATCH:", f"if {patch!r}:"), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: ทดสอบค้นหา
            theme:
              name: material
              custom_dir: {overrides}
              language: th
              font: false
            plugins:
              - search
              - offline
            hooks:
              - hooks.py
            nav:
              - index.md
              - complaints.md
              - integrity.md
              - agency.md
            """
        ).format(overrides=json.dumps(str(REPO / "ita_site" / "site" / "theme"))),
        encoding="utf-8",
    )
    site = root / "site"
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
    return site


@pytest.fixture(scope="module")
def thai_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with the Thai search prelude."""
    return build_site(tmp_path_factory.mktemp("thai-site"))


@pytest.fixture(scope="module")
def unpatched_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site without the prelude, to show what the patch fixes."""
    return build_site(tmp_path_factory.mktemp("thai-site-plain"), patch=False)


def _base_url(mode: str, site: Path, serve: Callable[..., str]) -> str:
    if mode == "http":
        return serve(site)
    if mode == "http-subpath":
        return serve(site, "ita")
    return site.resolve().as_uri() + "/"


def _results(page, query: str, type_query: Callable[..., None], search_results: Callable[..., list[str]]) -> list[str]:
    """Type ``query`` and return the result pages (file names) in display order."""
    type_query(page, query)
    return [link.split("#")[0].split("/")[-1] for link in search_results(page)]


def test_build_uses_local_assets(thai_site: Path) -> None:
    """The built pages load the local polyfill and carry the stylesheet with local fonts, never a CDN."""
    html = (thai_site / "complaints.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html
    assert 'src="assets/ita/js/iframe-worker/shim.js"' in html
    assert "<style>@font-face{" in html and 'url("assets/ita/fonts/sarabun-thai-400-normal.woff2")' in html
    assert "fonts.googleapis" not in html
    assert 'aria-label="ส่วนหัว"' in html  # corrected Thai strings shipped in ita_site/site/theme
    worker = next((thai_site / "assets/javascripts/workers").glob("search.*.min.js"))
    assert site_assets.WORKER_MARKER in worker.read_text(encoding="utf-8")[:4096]
    index = (thai_site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"separator":"[\\\\s\\\\u200b\\\\-]+"' in index


@pytest.mark.parametrize("mode", ["http", "http-subpath", "file"])
def test_thai_words_find_the_right_page(
    mode: str, thai_site: Path, serve, page, page_requests, type_query, search_results
) -> None:
    """Each Thai word finds the page about it first, with no request leaving the machine."""
    base = _base_url(mode, thai_site, serve)
    failures = []
    for query, expected in QUERIES.items():
        page.goto(base + "index.html")
        results = _results(page, query, type_query, search_results)
        if not results or results[0] != expected:
            failures.append(f"{query!r}: expected {expected} first, got {results}")
    for query in NOWHERE:
        page.goto(base + "index.html")
        results = _results(page, query, type_query, search_results)
        if results:
            failures.append(f"{query!r}: expected nothing, got {results}")
    assert not failures, "\n".join(failures)
    assert page_requests.external() == []
    # lunr's Thai support (wordcut.js, ~680 KB) is not loaded: ita-site's own Thai search replaces it.
    assert not page_requests.matching("wordcut"), page_requests.matching("wordcut")


def test_thai_search_needs_no_intl_segmenter(thai_site: Path, context, page, type_query, search_results) -> None:
    """A browser without Intl.Segmenter finds Thai words too (from file://, the worker runs in the page)."""
    context.add_init_script("delete Intl.Segmenter;")
    page.goto(thai_site.resolve().as_uri() + "/index.html")
    results = _results(page, "ทุจริต", type_query, search_results)
    assert results[:1] == ["complaints.html"], results
    # The page and the iframe that stands in for the search worker, both without it.
    assert len(page.frames) > 1
    assert {frame.evaluate("typeof Intl.Segmenter") for frame in page.frames} == {"undefined"}


@pytest.mark.parametrize("mode", ["http-subpath", "file"])
def test_sarabun_loads(mode: str, thai_site: Path, serve, page, page_requests) -> None:
    """The shipped Sarabun font renders Thai and Latin text, with no other font host."""
    open_as_returning_reader(page, _base_url(mode, thai_site, serve) + "integrity.html")
    state = page.evaluate(
        """async () => {
            await document.fonts.load('400 16px Sarabun', 'คุณธรรม');
            await document.fonts.load('700 16px Sarabun', 'ITA');
            await document.fonts.ready;
            const faces = [...document.fonts]
                .filter(f => f.family.replace(/["']/g, '') === 'Sarabun')
                .map(f => ({weight: f.weight, style: f.style, range: f.unicodeRange, status: f.status}));
            return {
                thai: document.fonts.check('400 16px Sarabun', 'คุณธรรม'),
                latin: document.fonts.check('700 16px Sarabun', 'ITA'),
                bodyFont: getComputedStyle(document.body).fontFamily,
                faces,
            };
        }"""
    )
    loaded = [f for f in state["faces"] if f["status"] == "loaded"]
    assert state["thai"] and state["latin"], state
    assert any("E01" in f["range"] for f in loaded), state
    # on screen from file:// the reader's own font (test_first_view.py), everywhere else Sarabun
    assert state["bodyFont"].startswith(('"Sarabun"', "Sarabun")) == (mode != "file"), state
    assert page_requests.matching("sarabun-thai-400-normal.woff2"), page_requests.urls
    # Only the subsets the page needs: no italic face was fetched for this page.
    assert not page_requests.matching("italic"), page_requests.matching("italic")
    assert page_requests.external() == []


def test_without_patch_thai_words_are_not_found(unpatched_site: Path, serve, page, type_query, search_results) -> None:
    """Control: Material alone does not find a Thai word inside a run of text."""
    page.goto(serve(unpatched_site) + "index.html")
    results = _results(page, "ทุจริต", type_query, search_results)
    assert "complaints.html" not in results


def test_latin_words_still_found(thai_site: Path, serve, page, type_query, search_results) -> None:
    """Latin words next to Thai text still search as before the patch."""
    page.goto(serve(thai_site) + "index.html")
    results = _results(page, "OIT", type_query, search_results)
    assert results[:1] == ["agency.html"], results
