"""Checks: one module per family, each a function ``Project -> Iterable[Finding]``.

``ita-site check``, ``ita-site build`` and the MkDocs plugin all call :func:`run_checks`, so
staff see exactly the same findings wherever they look.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..findings import Finding, sort_findings
from ..project import Project
from . import contradictions, references

Check = Callable[[Project], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    references.check_ids,
    references.check_framework,
    references.check_links,
    contradictions.check_recorded,
)


def run_checks(project: Project) -> list[Finding]:
    """All findings for a loaded project, including warnings raised while loading it."""
    found: list[Finding] = list(project.warnings)
    for check in CHECKS:
        found.extend(check(project))
    return sort_findings(found)
