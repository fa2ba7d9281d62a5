"""Bad content stops ``mkdocs build`` with one located, readable message: no traceback, no site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import copy_project, run_mkdocs_build

# (case, file, old text, new text (None: replace the whole file by old text), expected location, expected words)
CASES = [
    ("yaml-syntax", "content/assessments/2566.yaml", "  score: 99.50\n", "  score: [99.50\n",
     "content/assessments/2566.yaml:7:8", "YAML"),
    ("wrong-type", "content/assessments/2566.yaml", "{number: 4, score: 99.07}", "{number: 4, score: สูง}",
     "content/assessments/2566.yaml:14:", "ตัวเลข"),
    ("missing-field", "content/assessments/2566.yaml", "  level: ผ่านดีเยี่ยม\n", "",
     "content/assessments/2566.yaml:6:3", "overall.level"),
    ("unknown-field", "content/plans/2567.yaml", "owner: งานบริหาร", "ownr: งานบริหาร",
     "content/plans/2567.yaml:18:1", "owner"),
    ("dangling-weakness", "content/plans/2567.yaml", "addresses: [eit-7, eit-8]", "addresses: [eit-7, eit-9]",
     "content/plans/2567.yaml:", "eit-9"),
    ("unknown-indicator", "content/assessments/2566.yaml", "{number: 10, score: 100.00}",
     "{number: 11, score: 100.00}", "content/assessments/2566.yaml:20:", "11"),
    ("unknown-oit-code", "content/assessments/2566.yaml", "      - code: O8\n", "      - code: O99\n",
     "content/assessments/2566.yaml:", "O99"),
    ("bad-date", "content/plans/2567.yaml", "end: 2024-09-30", "end: 30/09/2567",
     "content/plans/2567.yaml:23:8", "ค.ศ.-เดือน-วัน"),
    ("empty-file", "content/agency.yaml", "", None, "content/agency.yaml:1:1", "ว่าง"),
    ("tis-620", "content/agency.yaml", "name: องค์การบริหารส่วนตำบลโละจูด\n".encode("cp874"), None,
     "content/agency.yaml:1:7", "TIS-620"),
    ("tab-indent", "content/plans/2567.yaml", "  start: 2023-10-01", "\tstart: 2023-10-01",
     "content/plans/2567.yaml:22:1", "Tab"),
    ("duplicate-key", "content/agency.yaml", "district: แว้ง\n", "district: แว้ง\ndistrict: แว้ง\n",
     "content/agency.yaml:12:1", "district"),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_content_fails_cleanly(case: tuple, repo: Path, tmp_path: Path) -> None:
    _, name, old, new, location, words = case
    project = copy_project(repo, tmp_path / "agency")
    target = project / name
    if new is None:
        target.write_bytes(old if isinstance(old, bytes) else old.encode("utf-8"))
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert location in output, output
    assert words in output, output
    assert re.search(r":\d+:\d+: error ITA\d{3}: .+ \(.+\)", output), output
    assert not site.exists()
