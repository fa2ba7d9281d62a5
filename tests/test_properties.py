"""Property tests: whatever a content file holds, checking it gives findings or a ContentError, never a
crash, and whatever loads also renders and exports without losing data.

Runs 500 examples (half the mutations on the seed itself, the rest on the small good fixture), derandomized so CI and a laptop see the same ones.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_site.checks import run_checks
from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Finding
from ita_site.content.model import Agency, Assessment, Plan
from ita_site.content.project import Project, load_project
from ita_site.outputs.export import full_data
from ita_site.site.render import render_site
from support.harness import REPO

SEED = REPO / "content"
SMALL = Path(__file__).parent / "fixtures" / "good" / "lohjood" / "content"
FILES = ("agency.yaml", "assessments/2566.yaml", "plans/2567.yaml")
BASE = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

KEYS = ["id", "name", "type", "district", "province", "website", "aliases", "fiscal_year", "overall", "score",
        "level", "indicators", "number", "tools", "tool", "questions", "text", "recommendations", "oit_refs",
        "code", "numbering", "weaknesses", "title", "measures", "addresses", "owner", "steps", "period", "start",
        "end", "based_on", "contradictions", "source_says", "digits", "evidence", "file", "progress"]
TEXT = st.text(alphabet=st.sampled_from(list("กขคงจฉอบตโละจูด๐๑๒๓๔๕๖๗๘๙0123456789 .:-_/<>[]{}()&*#%'\"\\\nOoxyz")),
               max_size=40)
SCALARS = (st.none() | st.booleans() | st.integers(-10**4, 10**6) | TEXT | st.dates()
           | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(["99.50", "O13", "๐๑๓", "2566"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=5), max_leaves=25)
DOCUMENTS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=10) | VALUES


def outcome(root: Path) -> Project | None:
    """Load and check; the only allowed failure is a ContentError. Every finding must format in both languages."""
    try:
        project = load_project(root / "content", root)
    except ContentError as exc:
        _formats(exc.findings)
        assert exc.findings, "a ContentError always says why"
        return None
    _formats(run_checks(project, reference_date()))
    return project


def _formats(findings: list[Finding]) -> None:
    for finding in findings:
        for lang in ("th", "en"):
            line = finding.format(lang)
            assert line.startswith(f"{finding.file}:{finding.line}:{finding.column}: {finding.level} {finding.code}: ")
            assert finding.line >= 1 and finding.column >= 1


def seed_copy(tmp: Path, base: Path = SMALL) -> Path:
    """A project folder with a copy of ``base`` (the small good fixture unless the seed is asked for)."""
    shutil.copytree(base, tmp / "content")
    return tmp


@pytest.mark.slow
@settings(BASE, max_examples=170)
@given(target=st.sampled_from(FILES), document=DOCUMENTS)
def test_random_yaml_documents_never_crash(target: str, document: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = seed_copy(Path(tmp))
        (root / "content" / target).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        outcome(root)


@settings(BASE, max_examples=60)
@given(target=st.sampled_from(FILES), raw=st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8")))
def test_random_bytes_never_crash(target: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = seed_copy(Path(tmp))
        (root / "content" / target).write_bytes(raw)
        outcome(root)


def _paths(node: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield loc
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*loc, i))


def _parent(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


def _thai_digits(value: Any) -> Any:
    return str(value).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def mutate(data: Any, draw: st.DataObject) -> Any:
    """One staff-like mistake at a random place: a key deleted, a value of the wrong type or in Thai
    digits, an item duplicated."""
    locs = [loc for loc in _paths(data) if loc]
    loc = draw.draw(st.sampled_from(locs), label="where")
    parent, last = _parent(data, loc), loc[-1]
    operation = draw.draw(st.sampled_from(["delete", "retype", "thai-digits", "duplicate"]), label="mistake")
    if operation == "delete":
        del parent[last]
    elif operation == "retype":
        parent[last] = draw.draw(SCALARS | st.lists(SCALARS, max_size=2), label="value")
    elif operation == "thai-digits":
        parent[last] = _thai_digits(parent[last])
    elif isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(parent[last], default=str)))
    else:
        parent[f"{last}_copy" if draw.draw(st.booleans(), label="rename") else last] = parent[last]
    return data


@pytest.mark.slow
@settings(BASE, max_examples=220)
@given(base=st.sampled_from([SEED, SMALL]), target=st.sampled_from(FILES),
       how=st.sampled_from(["data", "truncate", "text"]), draw=st.data())
def test_mutated_seed_content_never_crashes(base: Path, target: str, how: str, draw: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = seed_copy(Path(tmp), base)
        path = root / "content" / target
        text = path.read_text(encoding="utf-8")
        if how == "truncate":
            text = text[: draw.draw(st.integers(0, len(text)), label="cut")]
        elif how == "text":
            lines = text.splitlines(keepends=True)
            at = draw.draw(st.integers(0, len(lines)), label="line")
            text = "".join([*lines[:at], draw.draw(TEXT, label="inserted") + "\n", *lines[at:]])
        else:
            text = yaml.safe_dump(mutate(yaml.safe_load(text), draw), allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        project = outcome(root)
        if project is not None:
            assert_round_trip(project)


def assert_round_trip(project: Project) -> None:
    """What export writes validates back into the very models that were loaded."""
    data = json.loads(json.dumps(full_data(project), ensure_ascii=False))
    assert Agency.model_validate(data["agency"]) == project.agency
    for year, assessment in project.assessments.items():
        assert Assessment.model_validate(data["assessments"][str(year)]) == assessment
    for year, plan in project.plans.items():
        assert Plan.model_validate(data["plans"][str(year)]) == plan


@pytest.mark.slow
@settings(BASE, max_examples=50)
@given(draw=st.data())
def test_mutated_content_that_loads_also_renders(draw: st.DataObject) -> None:
    """A project that loads without errors renders to pages, whatever the mistake that slipped through."""
    target = draw.draw(st.sampled_from(FILES[1:]), label="file")
    with tempfile.TemporaryDirectory() as tmp:
        root = seed_copy(Path(tmp))
        path = root / "content" / target
        path.write_text(yaml.safe_dump(mutate(yaml.safe_load(path.read_text(encoding="utf-8")), draw),
                                       allow_unicode=True), encoding="utf-8")
        project = outcome(root)
        if project is None or any(f.level == "error" for f in run_checks(project, reference_date())):
            return  # the build refuses such content; the checks above already ran without crashing
        site = render_site(project, dt.date(2024, 6, 1))
        assert site.pages and all(page.markdown.strip() for page in site.pages)


def test_seed_round_trips_through_export() -> None:
    project = load_project(SEED, REPO)
    assert_round_trip(project)
    exported = full_data(project)["assessments"]["2566"]
    assert exported["overall"]["score"] == "99.50", "scores keep their written precision"
