"""Report every contradiction recorded in the content, until someone resolves it."""

from __future__ import annotations

from collections.abc import Iterable

from ita_site.content.findings import Finding
from ita_site.content.project import Project


def check_recorded(project: Project) -> Iterable[Finding]:
    """The source disagrees with itself: keep saying so, at the record that documents it."""
    for item in project.assessments_and_plans:
        doc = project.doc_of(item)
        for i, record in enumerate(item.contradictions):
            yield doc.finding("ITA301", ("contradictions", i, "id"), note=" ".join(record.note.split()), id=record.id)
