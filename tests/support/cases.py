"""Broken projects kept as small changes to a good one, each with the findings ``ita-site check`` must give.

A case is a YAML file under tests/fixtures/bad/ beside the good projects it starts from::

    base: good/lohjood               # a project under tests/fixtures/
    changes:
      - file: content/plans/2567.yaml
        lines: 31                    # or 11-17: these lines of the base file become...
        to: "    addresses: []"      # ...this line (or a list of lines)
      - file: mkdocs.yml
        after: 24                    # add these lines after line 24 of the base file
        add: "      fail_on: warning"
      - {file: content/plans/2567.yaml, remove: 7}          # delete line 7 (or 11-17)
      - {file: content/agency.yaml, write: "text\n"}        # the whole file, as UTF-8 text
      - {file: content/agency.yaml, bytes: "\x00\x89PNG"}   # the whole file, one byte per character
      - {file: content/agency.yaml, encoding: tis-620}      # the same text in another encoding
      - {file: content/agency.yaml, delete: true}
    expected:
      - "content/plans/2567.yaml:31:17: error ITA203"     # file:line:column: level CODE

Line numbers always count in the base file, so the changes to one file can be read in any order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from support.harness import copy_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD = FIXTURES / "bad"

_LINE_EDITS = ("lines", "remove", "after")
_WHOLE_FILE = ("write", "bytes", "encoding", "delete")


@dataclass(frozen=True)
class BadCase:
    """One broken project: the good project it starts from, what changes, and the findings it gives."""

    name: str
    base: Path
    changes: tuple[dict[str, Any], ...]
    expected: tuple[str, ...]

    def write(self, parent: Path) -> Path:
        """Write the broken project to ``parent/<name>`` and return its folder."""
        project = copy_project(self.base, parent / self.name)
        line_edits: dict[str, list[dict[str, Any]]] = {}
        for change in self.changes:
            if any(key in change for key in _LINE_EDITS):
                line_edits.setdefault(change["file"], []).append(change)
            else:
                _rewrite(project / change["file"], change)
        for name, edits in line_edits.items():
            path = project / name
            path.write_text(_edited(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
        return project


def _span(value: int | str) -> tuple[int, int]:
    """``7`` or ``"11-17"`` as the first and last line numbers."""
    first, _, last = str(value).partition("-")
    return int(first), int(last or first)


def _new_lines(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _edited(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with line edits applied bottom up, so that each edit's numbers are those of the base file."""
    lines = text.split("\n")

    def start(edit: dict[str, Any]) -> int:
        return edit["after"] + 1 if "after" in edit else _span(edit.get("lines", edit.get("remove")))[0]

    for edit in sorted(edits, key=start, reverse=True):
        if "after" in edit:
            assert 0 <= edit["after"] < len(lines), edit
            lines[edit["after"]:edit["after"]] = _new_lines(edit["add"])
            continue
        first, last = _span(edit["lines"] if "lines" in edit else edit["remove"])
        assert 1 <= first <= last < len(lines), edit
        lines[first - 1:last] = _new_lines(edit["to"]) if "lines" in edit else []
    return "\n".join(lines)


def _rewrite(path: Path, change: dict[str, Any]) -> None:
    """Replace, re-encode or delete a whole file."""
    (kind,) = [key for key in _WHOLE_FILE if key in change]
    if kind == "write":
        path.write_text(change["write"], encoding="utf-8")
    elif kind == "bytes":
        path.write_bytes(change["bytes"].encode("latin-1"))
    elif kind == "encoding":
        path.write_bytes(path.read_text(encoding="utf-8").encode(change["encoding"]))
    else:
        path.unlink()


def bad_case(name: str) -> BadCase:
    """The case in tests/fixtures/bad/<name>.yaml."""
    data = yaml.safe_load((BAD / f"{name}.yaml").read_text(encoding="utf-8"))
    return BadCase(name=name, base=FIXTURES / data["base"], changes=tuple(data["changes"]),
                   expected=tuple(data["expected"]))


def bad_cases() -> list[BadCase]:
    """Every case, by name."""
    return [bad_case(path.stem) for path in sorted(BAD.glob("*.yaml"))]


def bad_project(name: str, parent: Path) -> Path:
    """The broken project of case ``name``, written under ``parent``."""
    return bad_case(name).write(parent)
