"""Content is untrusted: hostile text in every field builds a site with no script, handler or markup of its own.

Each project is built per digit style as it is and with hostile text in every text field (hostile.py);
every page of the hostile build is parsed with an HTML parser and compared with the same page of the
plain build, so only what the templates put there may be there.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from hostile import INLINE, LINKS, PROJECTS, HostileProject, elements, field_path, make_hostile, model_text_fields
from ita_site.checks.lint_text import QUOTING_KEYS
from ita_site.content.model import Agency, Assessment, OitEvidence, Plan
from ita_site.site.csp import inline_script_hashes as csp_hashes
from ita_site.site.glossary import TERMS
from support.harness import run_mkdocs_build

pytestmark = pytest.mark.slow

CASES = [(name, digits) for name in PROJECTS for digits in ("thai", "arabic")]
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster"}
_SPACES = re.compile(r"\s+")
_BUILT: dict[tuple[str, str], tuple[Path, Path, HostileProject]] = {}
#: The first use of ITA, OIT, IIT or EIT on a page is spelled out from the glossary, whoever typed it.
SPELLED_OUT = {("title", term.thai) for term in TERMS}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """``built(name, digits)``: (plain site, hostile site, hostile project), each built once per module."""

    def build(name: str, digits: str) -> tuple[Path, Path, HostileProject]:
        if (name, digits) not in _BUILT:
            root = tmp_path_factory.mktemp(f"{name}-{digits}")
            plain = make_hostile(PROJECTS[name], root / "plain", digits, attack=False)
            hostile = make_hostile(PROJECTS[name], root / "hostile", digits)
            sites = []
            for project in (plain, hostile):
                result = run_mkdocs_build(project.root, project.root / "site")
                assert result.returncode == 0, result.stdout + result.stderr
                sites.append(project.root / "site")
            _BUILT[name, digits] = (sites[0], sites[1], hostile)
        return _BUILT[name, digits]

    return build


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize(("name", "digits"), CASES)
def test_hostile_text_adds_no_element_attribute_or_script(built, name: str, digits: str) -> None:
    plain, hostile, project = built(name, digits)
    pages = _pages(hostile)
    assert [p.relative_to(hostile) for p in pages] == [p.relative_to(plain) for p in _pages(plain)]
    problems: set[str] = set()
    for page in pages:
        seen, expected = elements(page), elements(plain / page.relative_to(hostile))
        allowed = {(tag, attr) for tag, attrs in expected.tags for attr, _ in attrs}
        where = page.relative_to(hostile).as_posix()
        for tag, attrs in seen.tags:
            if tag == "abbr" and set(attrs) <= SPELLED_OUT:
                continue
            for attr, value in attrs:
                if (tag, attr) not in allowed or attr.startswith("on"):
                    problems.add(f"{where}: <{tag} {attr}={value[:30]!r}>")
                scheme = _SPACES.sub("", value).lower().split(":", 1)[0]
                if attr in _URL_ATTRIBUTES and scheme in ("javascript", "data", "vbscript"):
                    problems.add(f"{where}: <{tag} {attr}={value[:30]!r}>")
        problems |= {f"{where}: <script>{text[:30]}" for text in set(seen.scripts) - set(expected.scripts)}
        added = Counter(t for t, _ in seen.tags) - Counter(t for t, _ in expected.tags)
        added.pop("tspan", None)  # a longer chart label wraps onto more lines: layout, not markup
        added.pop("abbr", None)  # an abbreviation typed in a field may be a page's first use: spelled out as above
        problems |= {f"{where}: {count} more <{tag}>" for tag, count in added.items()}
    assert not problems, "\n".join(sorted(problems))
    assert len(project.attacked) > 20


@pytest.mark.parametrize(("name", "digits"), CASES)
def test_readers_see_the_hostile_text_as_typed(built, name: str, digits: str) -> None:
    """Escaped once, not twice: the page text holds exactly what staff typed, markup and all."""
    _, hostile, _ = built(name, digits)
    home = elements(hostile / "index.html")
    text = _SPACES.sub(" ", "".join(home.text))
    typed = _SPACES.sub(" ", INLINE).strip()
    assert typed in text
    title = re.search(r"<title>(.*?)</title>", (hostile / "index.html").read_text(encoding="utf-8"), re.S)
    assert title is not None and "&lt;script&gt;" in title.group(1), "the agency name is escaped in <title>"
    assert "&amp;lt;" not in title.group(1), "and escaped only once"


def test_every_text_field_of_the_model_is_attacked_or_refused(built) -> None:
    """A new text field in the content model must appear in a fixture, so the hostile builds cover it."""
    model_fields = {(model.__name__, path) for model in (Agency, Assessment, Plan, OitEvidence)
                    for path in model_text_fields(model)}
    attacked: set[tuple[str, str]] = set()
    refused: set[tuple[str, str]] = set()
    for name in PROJECTS:
        _, _, project = built(name, "thai")
        attacked |= {field_path(file, loc) for file, loc in project.attacked}
        refused |= {field_path(file, loc) for file, loc in project.refused}
    uncovered = sorted(model_fields - attacked - refused)
    assert not uncovered, f"text fields no fixture holds (add them to tests/fixtures/good/lohjood): {uncovered}"
    must_be_attacked = {("Agency", "name"), ("Plan", "measures[].title"), ("Assessment", "weaknesses[].title"),
                        ("Assessment", "questions[].text"), ("Plan", "measures[].owner"), ("Plan", "title"),
                        ("OitEvidence", "items[].title"), ("Plan", "measures[].progress[].text")}
    assert must_be_attacked <= attacked, sorted(must_be_attacked - attacked)


@pytest.mark.parametrize("name", list(PROJECTS))
def test_script_and_data_links_are_refused_and_never_become_links(tmp_path: Path, name: str) -> None:
    """javascript: and data: addresses stop the build wherever they are typed, except in the records that
    quote the source word for word (source notes, contradictions); there they show as text, never as a link."""
    project = make_hostile(PROJECTS[name], tmp_path / name, "arabic", prefix="", suffix=LINKS)
    quoting = {(file, loc) for file, loc in project.attacked if set(loc) & QUOTING_KEYS}
    assert project.refused and project.attacked == quoting, sorted(project.attacked - quoting)
    result = run_mkdocs_build(project.root, project.root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in _pages(project.root / "site"):
        for tag, attrs in elements(page).tags:
            for attr, value in attrs:
                scheme = _SPACES.sub("", value).lower().split(":", 1)[0]
                assert not (attr in _URL_ATTRIBUTES and scheme in ("javascript", "data")), f"{page}: <{tag} {attr}>"


def test_every_page_carries_a_policy_that_allows_only_its_own_inline_scripts(seed_site: Path) -> None:
    for page in _pages(seed_site):
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<head[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta is not None, f"{page}: no policy first in <head>"
        sources = meta.group(1).split(";")[0].split()
        assert sources[:2] == ["script-src", "'self'"] and "'unsafe-inline'" not in sources
        assert len(sources) - 2 == len(set(csp_hashes(html))), page
