"""``site_url``: a build without it notes once, in Thai, that the 404 page then works only at the host's root;
``ita-site build --site-url`` sets it for one build (as the Pages workflow does), winning over mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.harness import initialised_project, replace_in, run_ita_site

NOTE = re.compile(r"(?m)^mkdocs\.yml:1:1: info ITA520: ไม่ได้ตั้ง site_url หน้า 404 จึงแสดงถูกต้องเฉพาะเมื่อ"
                  r"เว็บไซต์อยู่ที่รากของโดเมน.*\(ตั้ง site_url: ใน mkdocs\.yml")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return initialised_project(tmp_path_factory.mktemp("site-url") / "agency")


def local_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]*)"', html)


@pytest.mark.slow
def test_build_without_site_url_notes_it_once_and_still_passes_strictly(project: Path) -> None:
    built = run_ita_site("build", "--strict", "--fail-on", "warning", project)
    output = built.stdout + built.stderr
    assert len(NOTE.findall(output)) == 1, output
    assert built.returncode == 1  # the scaffold's OIT items still to publish are warnings, never the note
    assert "ITA520" not in "".join(line for line in output.splitlines() if " warning " in line or " error " in line)
    strict = run_ita_site("build", "--strict", project)
    assert strict.returncode == 0 and len(NOTE.findall(strict.stdout)) == 1, strict.stdout + strict.stderr
    assert local_links((project / "site" / "404.html").read_text(encoding="utf-8"))[0].startswith("/assets/")


@pytest.mark.slow
def test_site_url_option_wins_over_mkdocs_yml_and_addresses_the_404_page(project: Path, tmp_path: Path) -> None:
    replace_in(project / "mkdocs.yml", "site_name: ITA\n", "site_name: ITA\nsite_url: https://old.example.go.th/\n")
    built = run_ita_site("build", "--site-url", "https://agency-example.github.io/ita", project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "ITA520" not in built.stdout + built.stderr
    links = local_links((project / "site" / "404.html").read_text(encoding="utf-8"))
    assert links and all(link.startswith("/ita/") for link in links)
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://agency-example.github.io/ita/index.html</loc>" in sitemap and "old.example" not in sitemap


def test_a_site_url_that_is_no_web_address_is_a_usage_error(project: Path) -> None:
    result = run_ita_site("build", "--site-url", "www.example.go.th/ita", project)
    assert result.returncode == 2
    assert "--site-url" in result.stderr and "ไม่ใช่ที่อยู่เว็บ" in result.stderr
