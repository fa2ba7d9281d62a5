"""Findings: what the loader and the checks report, located in the content files.

A finding carries a stable code and its arguments rather than a sentence, so the same finding
can be shown in Thai (the default) or English, and tests can assert on codes, not wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ita_site.content.messages import MESSAGES, Level

__all__ = ["ContentError", "Finding", "Level", "has_errors", "sort_findings"]

_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
_ANNOTATION = {"error": "error", "warning": "warning", "info": "notice"}
# Characters a workflow command cannot hold as they are: in its message, and also in a property value.
_MESSAGE = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_MESSAGE, ":": "%3A", ",": "%2C"}


def _escape(text: str, table: Mapping[str, str] = _MESSAGE) -> str:
    return "".join(table.get(char, char) for char in text)


@dataclass(frozen=True)
class Finding:
    """One located problem in one content file (``line``/``column`` are 1-based)."""

    code: str
    file: str
    line: int = 1
    column: int = 1
    args: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)
    level: Level | None = None

    def __post_init__(self) -> None:
        if self.code not in MESSAGES:
            raise KeyError(f"unknown finding code {self.code}")
        if self.level is None:
            object.__setattr__(self, "level", MESSAGES[self.code].level)

    @property
    def severity(self) -> Level:
        """The level, typed as always set (``__post_init__`` fills it from the catalogue)."""
        return self.level or MESSAGES[self.code].level

    def message(self, lang: str = "th") -> str:
        """The sentence that says what is wrong, in ``lang`` ("th" or "en")."""
        return MESSAGES[self.code].text(lang, "message").format(**self.args)

    def hint(self, lang: str = "th") -> str:
        """What to do about it."""
        return MESSAGES[self.code].text(lang, "hint").format(**self.args)

    def format(self, lang: str = "th") -> str:
        """``file:line:column: level CODE: message (hint)``, the form editors and CI logs understand; the code
        finds the finding in docs/checks.md."""
        hint = self.hint(lang)
        tail = f" ({hint})" if hint else ""
        return f"{self.file}:{self.line}:{self.column}: {self.level} {self.code}: {self.message(lang)}{tail}"

    def annotation(self, lang: str = "th") -> str:
        """A GitHub Actions workflow command, which shows the finding on the file's line in a pull request."""
        hint = self.hint(lang)
        text = _escape(self.message(lang) + (f" ({hint})" if hint else ""))
        where = ",".join(f"{key}={_escape(str(value), _PROPERTY)}" for key, value in
                         (("file", self.file), ("line", self.line), ("col", self.column), ("title", self.code)))
        return f"::{_ANNOTATION[str(self.level)]} {where}::{text}"

    def as_dict(self, lang: str = "th") -> dict[str, object]:
        """A JSON-ready record for ``ita-site check --format json``."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": str(self.level),
            "code": self.code,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }

    def sort_key(self) -> tuple[object, ...]:
        return (self.file, self.line, self.column, _ORDER[self.severity], self.code)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when anything must be fixed before the site may be published."""
    return any(f.level is Level.ERROR for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """File order, then position: the order a person fixes them in."""
    return sorted(set(findings), key=Finding.sort_key)


class ContentError(Exception):
    """Raised where content cannot be turned into a site; carries the findings that say why."""

    def __init__(self, findings: list[Finding]):
        self.findings = sort_findings(findings)
        super().__init__("\n".join(f.format() for f in self.findings))
