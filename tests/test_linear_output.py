"""Pages do not grow with the number of measures: a plan of 1,000 measures keeps pages the seed's size."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_site.site.render import NAV_SECTION_LIMIT
from support.harness import REPO, run_mkdocs_build
from support.synthetic import write_many_measures

pytestmark = pytest.mark.slow


def _average_page(site: Path) -> float:
    pages = list(site.rglob("*.html"))
    return sum(p.stat().st_size for p in pages) / len(pages)


def test_a_thousand_measures_keep_the_average_page_near_the_seeds(seed_site: Path, tmp_path: Path) -> None:
    project = write_many_measures(tmp_path / "big", REPO, 1000)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    measures = sorted((tmp_path / "site" / "2567" / "measures").glob("m-*.html"))
    assert len(measures) == 1000
    ratio = _average_page(tmp_path / "site") / _average_page(seed_site)
    print(f"average page, 1,000 measures / seed: {ratio:.2f}")
    assert ratio <= 1.5
    plan = (tmp_path / "site" / "2567" / "measures" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{m.name}"' in plan for m in measures), "the plan page links every measure"


def test_a_short_section_lists_its_pages_in_the_navigation(seed_site: Path) -> None:
    measure = (seed_site / "2567" / "measures" / "1-1.html").read_text(encoding="utf-8")
    assert 'href="1-2.html"' in measure and NAV_SECTION_LIMIT >= 4
