"""Where a portal's agencies come from: folders named on the command line or listed in a manifest.

A source is an agency project folder (``content/`` inside, or a content folder itself), or the folder of
an agency's published open data (``datapackage.json`` beside ``ita-data.json``, as ``ita-site export``
and every build write it): its content validated again by the same model, so a portal built from what
agencies publish shows the same figures as one built from their YAML. A manifest
(YAML) lists sources and may say how to group them: name, type, province, district and ministry
written there win over ``agency.yaml``, so a ministry's integrity unit can group agencies its own way.
A source that cannot be read never stops the others: it comes back as a :class:`Failure` whose
findings say why, located in the agency's own files (or at its line of the manifest).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ita_site.content.findings import ContentError, Finding, Level
from ita_site.content.load import read_document
from ita_site.content.model import Agency, Assessment, OitEvidence, Plan, Text
from ita_site.content.project import Project, read_project, validation_findings
from ita_site.outputs.datapackage import PACKAGE_FILE
from ita_site.outputs.export import FULL_DATA


@dataclass(frozen=True)
class Source:
    """One agency to read, as named by whoever asked, with the grouping a manifest gives it."""

    path: Path
    shown: str
    name: str | None = None
    type: str | None = None
    province: str | None = None
    district: str | None = None
    ministry: str | None = None
    #: The manifest and the 1-based line and column of this entry, for findings about the source itself.
    listed_at: tuple[str, int, int] | None = None

    def finding(self, code: str, **args: object) -> Finding:
        """A finding about the source as a whole, at its manifest entry when it has one."""
        file, line, column = self.listed_at or (self.shown, 1, 1)
        return Finding(code, file, line, column, {"path": self.shown, **args})


@dataclass(frozen=True)
class Loaded:
    """A source read without errors."""

    source: Source
    project: Project


@dataclass(frozen=True)
class Failure:
    """A source left out of the portal, and why."""

    source: Source
    findings: tuple[Finding, ...]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Text
    name: Text | None = None
    type: Text | None = None
    province: Text | None = None
    district: Text | None = None
    ministry: Text | None = None


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    agencies: list[_Entry]


def read_manifest(manifest: Path) -> list[Source]:
    """The sources a manifest lists, paths taken from the manifest's folder; ContentError when it is unusable."""
    doc = read_document(manifest, manifest.parent, (manifest.parent.resolve(),))
    try:
        parsed = _Manifest.model_validate(doc.data)
    except ValidationError as exc:
        raise ContentError(validation_findings(doc, _Manifest, exc)) from None
    sources = []
    for index, entry in enumerate(parsed.agencies):
        line, column = doc.locate(("agencies", index, "path"))
        sources.append(Source(path=(manifest.parent / entry.path), shown=entry.path, name=entry.name, type=entry.type,
                              province=entry.province, district=entry.district, ministry=entry.ministry,
                              listed_at=(doc.name if manifest.is_absolute() else manifest.as_posix(), line, column)))
    return sources


def folder_source(folder: str) -> Source:
    """A source named on the command line."""
    return Source(path=Path(folder), shown=folder)


def _content_dir(root: Path) -> Path:
    """``content/`` of a project folder, or the folder itself when it holds agency.yaml."""
    return root if not (root / "content").is_dir() and (root / "agency.yaml").is_file() else root / "content"


def _shown_from(source: Source, finding: Finding) -> Finding:
    """The finding with its file named from where the command was run, so it can be opened from there."""
    if Path(finding.file).is_absolute():
        return finding
    return replace(finding, file=f"{source.shown.rstrip('/')}/{finding.file}")


class _OpenData(BaseModel):
    """``ita-data.json`` of an agency's open data: every content file, validated as the content itself is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: Agency
    assessments: dict[int, Assessment]
    plans: dict[int, Plan]
    oit: dict[int, OitEvidence]


def _from_open_data(source: Source, root: Path) -> Loaded | Failure:
    """An agency read from its open data: the JSON is YAML too, so its findings are located as the content's."""
    try:
        doc = read_document(root / FULL_DATA, root, (root,))
        data = _OpenData.model_validate(doc.data)
    except ContentError as exc:
        return Failure(source, tuple(_shown_from(source, f) for f in exc.findings))
    except ValidationError as exc:
        return Failure(source, tuple(_shown_from(source, f) for f in validation_findings(doc, _OpenData, exc)))
    project = Project(root=root, content_dir=root, agency=data.agency, assessments=dict(sorted(data.assessments.items())),
                      plans=dict(sorted(data.plans.items())), oit=dict(sorted(data.oit.items())))
    return Loaded(source, project)


def load_source(source: Source) -> Loaded | Failure:
    """Read one agency's content or open data; every error of its files comes back, none is raised."""
    if not source.path.is_dir():
        return Failure(source, (source.finding("ITA700"),))
    root = source.path.resolve()
    if (root / PACKAGE_FILE).is_file():
        return _from_open_data(source, root)
    project, findings = read_project(_content_dir(root), root)
    errors = tuple(_shown_from(source, f) for f in findings if f.level is Level.ERROR)
    if project is None or errors:
        return Failure(source, errors or (source.finding("ITA700"),))
    return Loaded(source, project)
