"""The open data's metadata: what only the agency can decide, and the catalogue needs, reported before publishing."""

from __future__ import annotations

from collections.abc import Iterator

from ita_site.content.findings import Finding
from ita_site.content.project import Project


def check_licence(project: Project) -> Iterator[Finding]:
    """A note while agency.yaml names no licence: the open data says so, and ita-site never chooses one."""
    if project.agency.open_data.license is None:
        yield project.doc_of(project.agency).finding("ITA630", ("open_data", "license"), key=True)
