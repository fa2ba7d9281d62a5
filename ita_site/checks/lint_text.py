"""Lints over free text: empty or placeholder text and unsafe links, plus the helpers other lints use
to walk every text field and to point at the exact line and column of a phrase inside one.

Text is prose staff paste from Word or PDF, so the mistakes live inside long folded strings; a finding
that names only the field's first line would leave them hunting, hence :func:`text_finding`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ita_site.content.findings import Finding
from ita_site.content.load import Document
from ita_site.content.project import Project

# Records of what the source got wrong quote the mistakes on purpose; lints must not report them again.
QUOTING_KEYS = frozenset({"source_notes", "contradictions"})
# Keys whose values are identifiers, codes or numbers, not prose.
_NOT_PROSE = frozenset({"id", "code", "number", "question", "questions", "recommendations", "addresses",
                        "tool", "part", "status", "kind", "digits", "field"})


_UNSAFE = re.compile(r"(?i)(?<![a-z0-9])(javascript|vbscript)\s*:|(?<![a-z0-9])(data):\s*[a-z]+/[a-z0-9.+-]+")
_WORDLIKE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class TextField:
    """One string value of a content file and where it sits."""

    doc: Document
    loc: tuple[str | int, ...]
    value: str

    @property
    def key(self) -> str:
        """The nearest mapping key above the value (``text`` for ``steps[2].text``)."""
        return next((str(p) for p in reversed(self.loc) if isinstance(p, str)), "")

    @property
    def prose(self) -> bool:
        return self.key not in _NOT_PROSE

    @property
    def field_name(self) -> str:
        return ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in self.loc).replace(".[", "[")


def content_documents(project: Project) -> list[Document]:
    """Every content document read, in file order."""
    return [project.documents[name] for name in sorted(project.documents)]


@lru_cache(maxsize=256)
def text_fields(doc: Document) -> tuple[TextField, ...]:
    """Every string in a document except the records that quote the source's mistakes (computed once)."""
    return tuple(TextField(doc, loc, value) for loc, value in doc.strings
                 if not any(part in QUOTING_KEYS for part in loc if isinstance(part, str)))


def prose_fields(project: Project) -> Iterator[TextField]:
    """Every prose string of every content document."""
    for doc in content_documents(project):
        yield from (f for f in text_fields(doc) if f.prose)


@lru_cache(maxsize=64)
def _lines(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


def _source_lines(doc: Document) -> tuple[str, ...]:
    try:
        stat = doc.path.stat()
        return _lines(doc.path, stat.st_mtime_ns, stat.st_size)
    except (OSError, UnicodeDecodeError):
        return ()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def locate_span(doc: Document, loc: tuple[str | int, ...], value: str, start: int, end: int) -> tuple[int, int]:
    """1-based (line, column) of ``value[start:end]`` in the file, falling back to the value's start.

    A folded or multi-line value spans the lines indented deeper than its first line; the phrase is the
    k-th occurrence of the same characters there, k counted in the value. A phrase broken across two
    lines is not found literally, and then the value's start is the best honest answer.
    """
    line, col = doc.locate(loc)
    needle = value[start:end]
    lines = _source_lines(doc)
    if not needle or not lines or line > len(lines):
        return line, col
    nth = value[:start].count(needle)
    first = line - 1
    block = [(first, col - 1)]
    base = _indent(lines[first])
    for i in range(first + 1, len(lines)):
        if lines[i].strip() and _indent(lines[i]) <= base:
            break
        block.append((i, 0))
    seen = 0
    for i, from_col in block:
        pos = lines[i].find(needle, from_col)
        while pos >= 0:
            if seen == nth:
                return i + 1, pos + 1
            seen += 1
            pos = lines[i].find(needle, pos + len(needle))
    return line, col


def text_finding(code: str, field: TextField, start: int, end: int, /, **args: object) -> Finding:
    """A finding pointing at characters ``start:end`` of a text field."""
    line, col = locate_span(field.doc, field.loc, field.value, start, end)
    return Finding(code, field.doc.name, line, col, args)


def check_empty_text(project: Project) -> Iterable[Finding]:
    """Blank optional text shows as an empty box; punctuation-only text is a placeholder left behind.

    A file that failed validation already has its blank required text reported there, once.
    """
    for field in prose_fields(project):
        if field.doc.name in project.unread:
            continue
        if not field.value.strip():
            yield field.doc.finding("ITA424", field.loc, field=field.field_name)
        elif not _WORDLIKE.search(field.value):
            yield field.doc.finding("ITA423", field.loc, field=field.field_name, got=f"\"{field.value.strip()}\"")


def check_unsafe_urls(project: Project) -> Iterable[Finding]:
    """Script and data links run code in a reader's browser; the site must never carry one."""
    for doc in content_documents(project):
        for field in text_fields(doc):
            for match in _UNSAFE.finditer(field.value):
                scheme = (match.group(1) or match.group(2)).lower()
                yield text_finding("ITA404", field, match.start(), match.end(), scheme=scheme)


# Fields that hold a web address the site links to: the agency's website and each evidence link.
_ADDRESS_KEYS = frozenset({"website", "url"})


def check_plain_http(project: Project) -> Iterable[Finding]:
    """An http:// address is sent unencrypted and browsers mark it "not secure"; the https:// form is asked for."""
    for doc in content_documents(project):
        for field in text_fields(doc):
            if field.key in _ADDRESS_KEYS and field.value.strip().lower().startswith("http://"):
                url = field.value.strip()
                yield doc.finding("ITA442", field.loc, url=url, https="https://" + url[len("http://"):])
