"""Agency names as staff mistype them: a corpus of real and habitual misspellings, and a new agency's first try.

The corpus (fixtures/misspellings.yaml) holds misspelt names with the finding each must give, and correct
writings that must pass; the seed and the example stay free of name findings.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from ita_site.checks.lint_names import AgencyNames
from ita_site.content.model import Agency
from ita_site.content.thai_text import graphemes, prefix_distances
from support.harness import MUNICIPALITY, REPO, replace_in, run_ita_site, scaffold_municipality

CORPUS = Path(__file__).parent / "fixtures" / "misspellings.yaml"


@cache
def corpus() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return data


@cache
def names_of(agency: str) -> AgencyNames:
    fields = corpus()["agencies"][agency]
    return AgencyNames(Agency.model_validate({"id": agency, "district": "-", "province": "-", **fields}))


def reported(case: dict[str, str]) -> list[tuple[str, str]]:
    text = case["text"]
    return [(text[v.start:v.end], v.expected) for v in names_of(case["agency"]).variants(text)]


@pytest.mark.parametrize("case", corpus()["misspelt"], ids=lambda case: case["text"])
def test_each_misspelling_is_reported_with_the_spelling_meant(case: dict[str, str]) -> None:
    assert reported(case) == [(case["found"], case["expected"])]


@pytest.mark.parametrize("case", corpus()["correct"], ids=lambda case: case["text"])
def test_correct_writings_are_not_reported(case: dict[str, str]) -> None:
    assert reported(case) == []


def test_corpus_recall_and_false_positives() -> None:
    misspelt, correct = corpus()["misspelt"], corpus()["correct"]
    caught = sum(reported(case) == [(case["found"], case["expected"])] for case in misspelt)
    false_alarms = sum(bool(reported(case)) for case in correct)
    print(f"\nmisspellings: {len(misspelt)}, recall {caught}/{len(misspelt)} = {caught / len(misspelt):.0%}; "
          f"correct writings: {len(correct)}, false positives {false_alarms}")
    assert len(misspelt) >= 30
    assert (caught, false_alarms) == (len(misspelt), 0)


@pytest.mark.parametrize(("written", "wanted", "edits"), [
    ("ท่าเดื่อ", "ท่าเดื่อ", 0.0),
    ("ท่าเดือ", "ท่าเดื่อ", 0.25),   # a tone mark left out is a slip, not a missing letter
    ("ท่าเดื้อ", "ท่าเดื่อ", 0.25),  # a wrong tone mark
    ("ทาเดือ", "ท่าเดื่อ", 0.5),     # two tone marks: two slips
    ("ศรีษะ", "ศรีสะ", 0.25),        # ศ/ส/ษ
    ("มืดกาา", "มืดกา", 0.25),       # a key typed twice
    ("ท่าเดื่อมืดกา", "ท่าเดื่อ-มืดกา", 0.25),
    ("ละงูต", "โละจูด", 1.5),        # a vowel letter, a different letter, a final consonant spelt by ear
])
def test_edits_between_spellings(written: str, wanted: str, edits: float) -> None:
    assert prefix_distances(graphemes(written), graphemes(wanted))[-1] == edits


@pytest.mark.slow
@pytest.mark.parametrize("project", [REPO, REPO / "examples" / "tambon-example"])
def test_seed_and_example_have_no_name_findings(project: Path) -> None:
    result = run_ita_site("check", "--format", "json", project)
    assert result.returncode == 0, result.stdout
    assert [f for f in json.loads(result.stdout)["findings"] if f["code"] == "ITA401"] == []


@pytest.mark.slow
def test_a_new_municipality_is_told_each_misspelt_name_and_how_to_write_it(tmp_path: Path) -> None:
    project = scaffold_municipality(tmp_path / "agency")
    assessment = project / "content" / "assessments" / "2568.yaml"
    original = "    หน่วยงานมีผลการประเมินในระดับผ่านดีเยี่ยม"
    for mistake, meant in [("เทศบาลตำบลท่าเดือ-มืดกา", MUNICIPALITY), ("เทสบาลตำบลท่าเดื่อ-มืดกา", MUNICIPALITY),
                           ("เทศบาลตำบลท่าเดื่อ-มืดกาา", MUNICIPALITY), ("ทต.ท่าเดือ-มืดกา", "ทต.ท่าเดื่อ-มืดกา")]:
        replace_in(assessment, original, f"    {mistake}มีผลการประเมินในระดับผ่านดีเยี่ยม")
        result = run_ita_site("check", project)
        assert result.returncode == 1
        assert (f"content/assessments/2568.yaml:34:5: error ITA401: ชื่อหน่วยงานเขียนเป็น \"{mistake}\""
                in result.stdout), result.stdout
        assert f"หรือหมายถึง \"{meant}\"?" in result.stdout
        replace_in(assessment, f"    {mistake}มีผลการประเมินในระดับผ่านดีเยี่ยม", f"    {meant}มีผลการประเมินในระดับผ่านดีเยี่ยม")
        fixed = run_ita_site("check", project)
        assert "ITA401" not in fixed.stdout and fixed.returncode == 0, fixed.stdout
        replace_in(assessment, f"    {meant}มีผลการประเมินในระดับผ่านดีเยี่ยม", original)
