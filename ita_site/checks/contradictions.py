"""Report every contradiction recorded in the content, until someone resolves it."""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..project import Project


def check_recorded(project: Project) -> Iterable[Finding]:
    """The source disagrees with itself: keep saying so, at the record that documents it."""
    for item in [*project.assessments.values(), *project.plans.values()]:
        doc = project.doc_of(item)
        for i, record in enumerate(item.contradictions):
            yield doc.finding("ITA301", ("contradictions", i, "id"), note=" ".join(record.note.split()), id=record.id)
