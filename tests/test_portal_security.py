"""Hostile text in what a portal reads (agency.yaml, stated levels, the manifest) stays text on every page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hostile import INLINE, elements
from ita_site.content.project import load_project
from ita_site.content.thai import to_arabic_digits
from support.harness import REPO, run_ita_site
from support.synthetic import portal_specs, write_portal_agency

pytestmark = pytest.mark.slow

_SPACES = re.compile(r"\s+")
#: Fields of agency.yaml the portal prints, and a stated level no scheme knows (printed as written).
AGENCY_FIELDS = ("name", "type", "province", "district")
LEVEL = "ระดับที่เขียนเอง"


def _portal(root: Path, payload: str) -> Path:
    """Two agencies with ``payload`` after every printed field, listed in a manifest that adds its own."""
    seed = load_project(REPO / "content", REPO)
    for spec in portal_specs(2):
        project = write_portal_agency(root / f"a{spec.index}", REPO, spec, seed)
        agency_file = project / "content" / "agency.yaml"
        agency = yaml.safe_load(agency_file.read_text(encoding="utf-8"))
        agency.update({key: agency[key] + payload for key in AGENCY_FIELDS}, website="javascript:alert(1)")
        agency_file.write_text(yaml.safe_dump(agency, allow_unicode=True), encoding="utf-8")
        assessment_file = project / "content" / "assessments" / "2567.yaml"
        assessment = yaml.safe_load(assessment_file.read_text(encoding="utf-8"))
        assessment["overall"]["level"] = LEVEL + payload
        assessment_file.write_text(yaml.safe_dump(assessment, allow_unicode=True), encoding="utf-8")
    manifest = root / "portal.yaml"
    manifest.write_text(yaml.safe_dump({"agencies": [{"path": "a1", "ministry": "กระทรวง" + payload},
                                                     {"path": "a2", "district": "อำเภอ" + payload}]},
                                       allow_unicode=True), encoding="utf-8")
    result = run_ita_site("portal", "--manifest", manifest, "-o", root / "site", "--today", "2025-11-15")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return (_portal(tmp_path_factory.mktemp("plain"), " ข้อความธรรมดา"),
            _portal(tmp_path_factory.mktemp("hostile"), INLINE))


def _kind(page: Path, site: Path) -> str:
    """Group pages are named after their group, so pages are compared by kind."""
    return re.sub(r"-[0-9a-f]{10}", "", page.relative_to(site).as_posix())


def test_hostile_text_adds_no_element_attribute_or_script(sites: tuple[Path, Path]) -> None:
    plain, hostile = sites
    assert sorted(_kind(p, plain) for p in plain.rglob("*.html")) == \
        sorted(_kind(p, hostile) for p in hostile.rglob("*.html"))
    expected = {_kind(p, plain): elements(p) for p in plain.rglob("*.html")}
    seen = {_kind(p, hostile): elements(p) for p in hostile.rglob("*.html")}
    problems = set()
    for kind, page in seen.items():
        allowed = {(tag, attr) for tag, attrs in expected[kind].tags for attr, _ in attrs}
        for tag, attrs in page.tags:
            for attr, value in attrs:
                if (tag, attr) not in allowed or attr.startswith("on") or value.lower().startswith("javascript"):
                    problems.add(f"{kind}: <{tag} {attr}={value[:30]!r}>")
        problems |= {f"{kind}: <script>{text[:30]}" for text in set(page.scripts) - set(expected[kind].scripts)}
        added = Counter(t for t, _ in page.tags) - Counter(t for t, _ in expected[kind].tags)
        problems |= {f"{kind}: {count} more <{tag}>" for tag, count in added.items()}
    assert not problems, "\n".join(sorted(problems))


def test_readers_see_the_hostile_text_as_typed(sites: tuple[Path, Path]) -> None:
    _, hostile = sites
    typed = _SPACES.sub(" ", INLINE).strip()
    for page in ("agencies/lohjood-1.html", "agencies/lohjood-2.html", "index.html", "groups/index.html"):
        text = _SPACES.sub(" ", "".join(elements(hostile / page).text))
        assert typed in to_arabic_digits(text), page  # the portal shows Thai digits
    title = re.search(r"<title>(.*?)</title>", (hostile / "agencies/lohjood-1.html").read_text(encoding="utf-8"), re.S)
    assert title is not None and "&lt;script&gt;" in title.group(1) and "&amp;lt;" not in title.group(1)
