"""Read content files into plain data while keeping where every key and item came from.

Everything that can go wrong with a file a person edited (encoding, tabs, YAML syntax, duplicate
keys, aliases, size) becomes a located Finding here; nothing below this module sees raw bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
)

from .findings import ContentError, Finding
from .thai import THAI_CHARACTER

MAX_BYTES = 2 * 1024 * 1024
# Content nests about six levels deep; far deeper is a mistake (unclosed brackets) or an attack.
MAX_DEPTH = 40

Loc = tuple[str | int, ...]


def _yaml() -> YAML:
    """ruamel's YAML 1.2 parser, with its C extension where installed (ten times faster)."""
    return YAML(typ="safe")


Spot = tuple[int, int, int, int]  # 0-based line and column of a value, then of its key


@dataclass(eq=False)  # identity: a document is one reading of one file, and can key caches
class Document:
    """One parsed content file: its plain data and where each key and item of it stands."""

    path: Path
    name: str
    data: dict[str, Any]
    spots: dict[Loc, Spot]

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``; the key itself with ``key``.

        A path that goes further than the data (a missing field) stops at the deepest node that
        exists, which is where a person would add the missing line.
        """
        loc = tuple(loc)
        for depth in range(len(loc), -1, -1):
            spot = self.spots.get(loc[:depth])
            if spot is not None:
                line, col, key_line, key_col = spot
                if key and depth == len(loc):
                    line, col = key_line, key_col
                return line + 1, col + 1
        return 1, 1

    def finding(self, code: str, loc: Sequence[str | int] = (), /, *, key: bool = False, **args: object) -> Finding:
        line, col = self.locate(loc, key=key)
        return Finding(code, self.name, line, col, args)

    @cached_property
    def strings(self) -> tuple[tuple[Loc, str], ...]:
        """Every text value with its path, computed once: many checks scan all of them."""
        return tuple((loc, value) for loc, value in _strings(self.data, ()))


def _strings(node: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*loc, index))
    elif isinstance(node, str):
        yield loc, node


# YAML 1.2 core schema: what a plain (unquoted) scalar means.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_SPECIAL_START = frozenset("~nNtTfF0123456789+-.")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9:.+\-Zz ]+)?$")


def _scalar(event: ScalarEvent) -> Any:
    """A scalar as the content model expects it: floats as Decimal, so 99.50 keeps its two decimals.

    Only plain scalars are interpreted; quoted and block scalars are always text.
    """
    value = event.value
    if event.style or (event.tag and event.tag != "!" and not event.implicit[0]):
        return value
    if value and value[0] not in _SPECIAL_START:  # most content is Thai text: no pattern can match
        return value
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value.lower() == "true"
    if _DATE.match(value):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if _INT.match(value):
        digits = value.replace("_", "")
        return int(digits, 0) if digits[:2] in ("0x", "0o") else int(digits, 10)
    if _FLOAT.match(value):
        try:
            return Decimal(value.replace("_", ""))
        except InvalidOperation:  # .inf and .nan: keep the text so validation names it
            return value
    return value


@dataclass
class _Open:
    """A mapping or sequence being read: where it is, and (for a mapping) the key waiting for its value."""

    value: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_mark: tuple[int, int] = (0, 0)


def _located(code: str, name: str, mark: Any, **args: object) -> ContentError:
    return ContentError([Finding(code, name, mark.line + 1, mark.column + 1, args)])


def _read_events(events: Iterable[Any], name: str) -> tuple[dict[str, Any], dict[Loc, Spot]]:
    """Build plain data and positions in one pass over the parser's events.

    Working on events (not a composed tree) lets aliases, nesting bombs and duplicate keys be
    refused the moment they appear, and skips a second parse.
    """
    spots: dict[Loc, Spot] = {}
    stack: list[_Open] = []
    root: Any = None
    documents = 0

    def place(value: Any, mark: Any) -> Loc | None:
        """Put a value where the parser is; return its path, or None when it was a mapping key."""
        nonlocal root
        if not stack:
            spots[()] = (mark.line, mark.column, mark.line, mark.column)
            root = value
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            loc = (*top.loc, len(top.value))
            spots[loc] = (mark.line, mark.column, mark.line, mark.column)
            top.value.append(value)
            return loc
        if top.key is None:
            if not isinstance(value, (str, int, Decimal, bool, dt.date)) and value is not None:
                raise _located("ITA006", name, mark, problem="a key must be a plain word")
            key = str(value)
            if key in top.value:
                raise _located("ITA007", name, mark, key=key, first=spots[(*top.loc, key)][2] + 1)
            top.key, top.key_mark = key, (mark.line, mark.column)
            return None
        loc = (*top.loc, top.key)
        spots[loc] = (mark.line, mark.column, *top.key_mark)
        top.value[top.key] = value
        top.key = None
        return loc

    for event in events:
        if isinstance(event, ScalarEvent):  # the most frequent event first
            if event.anchor:
                raise _located("ITA008", name, event.start_mark)
            place(_scalar(event), event.start_mark)
        elif isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _located("ITA006", name, event.start_mark, problem="more than one YAML document (---)")
        elif isinstance(event, AliasEvent) or (isinstance(event, CollectionStartEvent) and event.anchor):
            raise _located("ITA008", name, event.start_mark)
        elif isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:  # refuse before the parser's cost grows with the square of the depth
                raise _located("ITA012", name, event.start_mark)
            container: dict[str, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
            loc = place(container, event.start_mark)
            assert loc is not None  # place() refuses a mapping or list used as a key
            stack.append(_Open(container, loc))
        elif isinstance(event, CollectionEndEvent):
            stack.pop()
    if not isinstance(root, dict):
        raise ContentError([Finding("ITA011", name, 1, 1)])
    return root, spots


def _line_col_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def decode(raw: bytes, name: str) -> str:
    """Bytes to text, or a ContentError that says exactly what is wrong with the encoding."""
    if len(raw) > MAX_BYTES:
        raise ContentError([Finding("ITA009", name, 1, 1, {"size": len(raw), "limit": MAX_BYTES})])
    if b"\x00" in raw:
        line, col = _line_col_of_offset(raw, raw.index(b"\x00"))
        raise ContentError([Finding("ITA010", name, line, col)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError([Finding("ITA004", name, 1, 1)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_offset(raw, exc.start)
        try:
            looks_thai = bool(THAI_CHARACTER.search(raw.decode("cp874")))
        except UnicodeDecodeError:
            looks_thai = False
        if looks_thai:  # point at the first Thai character: that is where the wrong encoding shows
            first = next(i for i, byte in enumerate(raw) if byte >= 0x80)
            raise ContentError([Finding("ITA001", name, *_line_col_of_offset(raw, first))]) from None
        raise ContentError([Finding("ITA002", name, line, col, {"byte": f"{raw[exc.start]:02X}"})]) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise ContentError([Finding("ITA003", name, 1, 1)])
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            raise ContentError([Finding("ITA005", name, number, indent.index("\t") + 1)])
    return text


def _problem(exc: MarkedYAMLError) -> str:
    return " ".join(str(p) for p in (exc.context, exc.problem) if p) or "syntax error"


def parse(text: str, name: str) -> tuple[dict[str, Any], dict[Loc, Spot]]:
    """Parse YAML text into plain data and the position of every key and item."""
    try:
        return _read_events(_yaml().parse(text), name)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ContentError([Finding("ITA006", name, line, col, {"problem": _problem(exc)})]) from None
    except YAMLError as exc:
        raise ContentError([Finding("ITA006", name, 1, 1, {"problem": str(exc).splitlines()[0]})]) from None


def read_document(path: Path, root: Path) -> Document:
    """Read one content file; ``root`` only shapes the name shown in messages."""
    try:
        name = path.relative_to(root).as_posix()
    except ValueError:
        name = path.as_posix()
    text = decode(path.read_bytes(), name)
    data, spots = parse(text, name)
    return Document(path=path, name=name, data=data, spots=spots)


def iter_content_files(content_dir: Path) -> Iterator[Path]:
    """Every YAML file under the content folder, in a stable order."""
    for pattern in ("*.yaml", "*.yml"):
        yield from sorted(content_dir.rglob(pattern))
