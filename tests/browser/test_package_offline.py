"""The packaged zip, extracted anywhere, opens from disk (file://) with working Thai search and no network."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from support.harness import REPO, copy_project

pytestmark = pytest.mark.browser

WORD = "ทรัพย์สิน"  # inside longer runs of Thai text, e.g. การใช้ทรัพย์สินของราชการ (indicator 4)
ABOUT_WORD = {"2566/indicators/4.html", "2566/weaknesses/iit-4.html"}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed agency packaged with ``ita-site package`` and extracted to a folder with a Thai name."""
    work = tmp_path_factory.mktemp("offline")
    project = copy_project(REPO, work / "agency")
    target = work / "ita.zip"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "ita_site", "package", str(project),
                             "--output", str(target)], capture_output=True, text=True, env=env, timeout=300,
                            cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    usb = work / "แฟลชไดรฟ์"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(usb)
    return usb / "ita"


def test_search_works_from_the_extracted_folder(extracted: Path, page, page_requests, type_query,
                                                search_results) -> None:
    page.goto((extracted / "index.html").as_uri())
    assert page.url.startswith("file://")
    type_query(page, WORD)
    base = extracted.as_uri() + "/"
    links = search_results(page)
    results = [unquote(href.split("#")[0].split("?")[0]).removeprefix(unquote(base)) for href in links]
    assert results, "no search results over file://"
    for result in results:  # every hit is a page of the extracted site that has the word
        assert WORD in (extracted / result).read_text(encoding="utf-8"), result
    assert ABOUT_WORD & set(results), results
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(base)
    assert WORD in page.locator("article").inner_text()
    assert page_requests.external() == []


def test_every_page_loads_everything_it_asks_for_from_the_lean_zip(extracted: Path, page) -> None:
    """The zip leaves out what no page loads: no page of the extracted folder misses a file it requests."""
    missing: list[str] = []
    page.on("requestfailed", lambda request: missing.append(request.url)
            if request.failure == "net::ERR_FILE_NOT_FOUND" else None)  # not those cut short by the next page
    # 404.html is for a web server to answer unknown addresses with; from disk it is never opened
    pages = sorted(p for p in extracted.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    for html in pages:
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        # the site stylesheet is there (written into the page), and so is Sarabun for print, fetched after the page
        assert "Noto Sans Thai" in page.evaluate("getComputedStyle(document.body).fontFamily"), html
        assert page.evaluate("document.fonts.ready.then(() => document.fonts.check('16px \"Sarabun Print\"', 'ทดสอบ'))"), html
    page.wait_for_timeout(300)  # the search worker loads after the page
    assert missing == []
