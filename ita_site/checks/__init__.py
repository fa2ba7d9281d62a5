"""Checks: one module per family, each a function ``Project -> Iterable[Finding]``.

``ita-site check``, ``ita-site build`` and the MkDocs plugin all call :func:`run_checks`, so
staff see exactly the same findings wherever they look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from ita_site.checks import (
    contradictions,
    lint_names,
    lint_oit,
    lint_plans,
    lint_scores,
    lint_text,
    loop,
    open_data,
    references,
)
from ita_site.content.findings import ContentError, Finding, has_errors, sort_findings
from ita_site.content.project import Project, read_project

Check = Callable[[Project], Iterable[Finding]]
DatedCheck = Callable[[Project, dt.date], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    references.check_ids,
    references.check_framework,
    references.check_carried_framework,
    references.check_links,
    references.check_page_paths,
    contradictions.check_recorded,
    loop.check_weakness_measures,
    loop.check_oit_evidence,
    loop.check_unverified_citations,
    lint_text.check_empty_text,
    lint_text.check_unsafe_urls,
    lint_text.check_plain_http,
    lint_names.check_agency_name,
    lint_names.check_website,
    lint_oit.check_oit_codes,
    lint_oit.check_oit_numbering,
    lint_scores.check_score_values,
    lint_scores.check_level,
    lint_scores.check_weighting,
    lint_scores.check_prose_figures,
    lint_plans.check_plan_dates,
    lint_plans.check_buddhist_era_dates,
    lint_plans.check_fiscal_year_text,
    lint_plans.check_measures,
    lint_plans.check_measure_addresses,
    open_data.check_licence,
)


# Checks that depend on the build date, so that they agree with what the pages say on that date.
DATED_CHECKS: tuple[DatedCheck, ...] = (
    loop.check_progress_reported,
)


#: Checks that compare one file with every file of another folder of content/: while a file of that folder
#: cannot be read they would report what it holds as missing, so they wait until it reads.
NEEDS_WHOLE_FOLDER: dict[Check, str] = {
    references.check_links: "assessments",
    loop.check_weakness_measures: "plans",
    loop.check_oit_evidence: "plans",
}


def run_checks(project: Project, today: dt.date) -> list[Finding]:
    """All findings for a loaded project, including those raised while loading it.

    ``today`` is the build date (see :func:`ita_site.content.facts.reference_date`), decided once by
    whoever builds, so that the checks and the pages agree on it.
    """
    found: list[Finding] = list(project.warnings)
    for check in CHECKS:
        folder = NEEDS_WHOLE_FOLDER.get(check)
        if folder is None or not project.lacks(folder):
            found.extend(check(project))
    for dated in DATED_CHECKS:
        found.extend(dated(project, today))
    return sort_findings(found)


def checked_project(content_dir: Path, root: Path, today: dt.date) -> tuple[Project, list[Finding]]:
    """Load the content and run every check on it; when loading found errors, raise ContentError with the
    problems of every file at once.

    A file that cannot be read or validated stops only what needs it: the other files are still checked.
    """
    project, loaded = read_project(content_dir, root)
    if project is None:
        raise ContentError(loaded)
    found = run_checks(project, today)
    if has_errors(loaded):  # a project with a file left out is no site to build
        raise ContentError(found)
    return project, found
