"""Hostile content: every text field of a project carries markup, script and Markdown extension syntax.

The security tests (HTML parsed page by page, and pages opened in Chromium) build the same hostile
projects, so both live here. Fields are found in the content files themselves and matched against
the content model, so a new text field in the model is attacked without anyone listing it.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ita_site.checks import run_checks
from ita_site.content.findings import ContentError, Finding, Level
from ita_site.content.load import Loc, iter_content_files, read_document
from ita_site.content.model import Agency, Assessment, OitEvidence, Plan
from ita_site.content.project import load_project
from support.harness import REPO, copy_project

#: Put at the start of a field: block syntax that only works at the start of a line.
BLOCK = '!!! danger "ITA"\n\n<div markdown>\n<script>alert("block")</script>\n</div>\n\n'
#: Put at the end of a field: inline markup, template syntax, and an attribute list last.
INLINE = (' <script>alert("s")</script> <img src=x onerror=alert("i")> "><svg onload=alert("v")>'
          ' {{ 7*7 }} {% raw %} {: autofocus onfocus=alert("a") }')
#: Script and data links, in Markdown and HTML: the checks refuse them in any field.
LINKS = ' [ลิงก์](javascript:alert("j")) <a href="data:text/html,x">d</a>'

PROJECTS = {
    "small": REPO / "tests" / "fixtures" / "good" / "lohjood",
    "example": REPO / "examples" / "tambon-example",
    "seed": REPO,
}
#: The date the hostile projects are checked and built for (mkdocs.yml's ``today``).
TODAY = dt.date(2024, 3, 1)
_ROOT_MODELS = {"agency.yaml": Agency, "assessments": Assessment, "plans": Plan, "oit": OitEvidence}




@dataclass
class HostileProject:
    """A copy of a project with hostile text in every field that the checks accept."""

    root: Path
    attacked: set[tuple[str, Loc]] = field(default_factory=set)
    refused: set[tuple[str, Loc]] = field(default_factory=set)


def _set(data: Any, loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _root_model(name: str) -> type[BaseModel]:
    return _ROOT_MODELS[name if name == "agency.yaml" else name.split("/")[0]]


def make_hostile(source: Path, dest: Path, digits: str, *, attack: bool = True,
                 prefix: str = BLOCK, suffix: str = INLINE) -> HostileProject:
    """Copy ``source`` to ``dest`` with hostile text in every string field the content checks accept.

    A field whose hostile text is refused with a located error (an id, a code, an address) is kept
    as it was and recorded as refused: refusal is also a safe outcome. Without ``attack`` the copy
    differs from ``source`` only in its digit style and build date, for a plain build to compare with.
    """
    copy_project(source, dest)
    content = dest / "content"
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - ita:\n", f"  - ita:\n      today: '{TODAY.isoformat()}'\n", 1), encoding="utf-8")
    originals = {path.relative_to(content).as_posix(): yaml.safe_load(path.read_text(encoding="utf-8"))
                 for path in iter_content_files(content)}
    originals["agency.yaml"]["digits"] = digits
    attacked = {(name, loc) for name in originals for loc, _ in read_document(content / name, dest).strings
                if attack and loc != ("digits",)}
    refused: set[tuple[str, Loc]] = set()
    for _ in range(20):
        for name, data in originals.items():
            copy = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))
            for file, loc in attacked:
                if file == name:
                    _set(copy, loc, prefix + _get(data, loc) + suffix)
            (content / name).write_text(yaml.safe_dump(copy, allow_unicode=True, sort_keys=False), encoding="utf-8")
        errors = _errors(dest)
        if not errors:
            return HostileProject(dest, attacked, refused)
        blamed = {_blame(content, dest, f, attacked) for f in errors} - {None}
        assert blamed, f"errors not caused by a hostile field: {[f.format('en') for f in errors]}"
        attacked -= blamed
        refused |= blamed
    raise AssertionError("hostile fields kept failing the checks")


def _blame(content: Path, root: Path, finding: Finding, attacked: set[tuple[str, Loc]]) -> tuple[str, Loc] | None:
    """The attacked field a finding points into: the last one that starts at or before it."""
    name = finding.file.removeprefix("content/")
    document = read_document(content / name, root)
    starts = sorted((document.locate(loc), loc) for file, loc in attacked if file == name)
    before = [loc for start, loc in starts if start <= (finding.line, finding.column)]
    return (name, before[-1]) if before else None


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _errors(root: Path) -> list[Finding]:
    try:
        project = load_project(root / "content", root)
    except ContentError as exc:
        return [f for f in exc.findings if f.level is Level.ERROR]
    return [f for f in run_checks(project, TODAY) if f.level is Level.ERROR]


# --- the content model's text fields -------------------------------------------------------------

def model_text_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of the model (``measures[].title``) whose value can be text."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{info.alias or name}"
        found |= _annotation_fields(info.annotation, path)
    return found


def _annotation_fields(annotation: Any, path: str) -> set[str]:
    if annotation is str or (isinstance(annotation, type) and issubclass(annotation, str)):
        return {path}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_text_fields(annotation, f"{path}.")
    found: set[str] = set()
    origin = typing.get_origin(annotation)
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Literal or isinstance(arg, (str, int)):
            continue
        found |= _annotation_fields(arg, f"{path}[]" if origin in (list, tuple) else path)
    if typing.get_origin(annotation) is typing.Literal:
        return set()
    return found


def field_path(name: str, loc: Loc) -> tuple[str, str]:
    """(root model name, field path without list positions) of a leaf of a content file."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += "[]"
        else:
            path += f".{part}" if path else str(part)
    return _root_model(name).__name__, path


# --- what a built page holds ---------------------------------------------------------------------

class Elements(HTMLParser):
    """Every start tag of a page with its attributes, the text of its scripts, and its other text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple((k, v or "") for k, v in attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def elements(page: Path) -> Elements:
    parsed = Elements()
    parsed.feed(page.read_text(encoding="utf-8"))
    parsed.close()
    return parsed
