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
from typing import Any, Iterator, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .findings import ContentError, Finding

MAX_BYTES = 2 * 1024 * 1024
# Content nests about six levels deep; far deeper is a mistake (unclosed brackets) or an attack.
MAX_DEPTH = 40
_THAI = re.compile("[\u0e00-\u0e7f]")

Loc = tuple[str | int, ...]


_TAG = "tag:yaml.org,2002:"


def _yaml() -> YAML:
    """ruamel's YAML 1.2 parser, with its C extension where installed (ten times faster)."""
    return YAML(typ="safe")


Spot = tuple[int, int, int, int]  # 0-based line and column of a value, then of its key


@dataclass
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


def _scalar(node: ScalarNode) -> Any:
    """A scalar as the content model expects it: floats as Decimal, so 99.50 keeps its two decimals."""
    tag, value = node.tag, node.value
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        digits = value.replace("_", "")
        return int(digits, 0) if digits.lstrip("+-")[:2].lower() in ("0x", "0o", "0b") else int(digits, 10)
    if tag == _TAG + "float":
        try:
            return Decimal(value.replace("_", ""))
        except InvalidOperation:
            return value
    if tag == _TAG + "timestamp":
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value  # an explicit tag such as !!binary: keep the text and let validation name it


def _build(node: Node, loc: Loc, spots: dict[Loc, Spot], name: str) -> Any:
    """Plain data from a composed node tree, recording the position of every key and item."""
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node)) if isinstance(key_node, ScalarNode) else None
            if key is None:
                mark = key_node.start_mark
                raise ContentError([Finding("ITA006", name, mark.line + 1, mark.column + 1,
                                            {"problem": "a key must be a plain word"})])
            if key in result:
                mark = key_node.start_mark
                first = spots[(*loc, key)][2] + 1
                raise ContentError([Finding("ITA007", name, mark.line + 1, mark.column + 1,
                                            {"key": key, "first": first})])
            value_mark, key_mark = value_node.start_mark, key_node.start_mark
            spots[(*loc, key)] = (value_mark.line, value_mark.column, key_mark.line, key_mark.column)
            result[key] = _build(value_node, (*loc, key), spots, name)
        return result
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            mark = item.start_mark
            spots[(*loc, index)] = (mark.line, mark.column, mark.line, mark.column)
            items.append(_build(item, (*loc, index), spots, name))
        return items
    return _scalar(node)


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
            looks_thai = bool(_THAI.search(raw.decode("cp874")))
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
    """Parse YAML text into plain data and positions, refusing aliases before anything is built."""
    yaml = _yaml()
    try:
        depth = 0
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent) or (
                isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor
            ):
                mark = event.start_mark
                raise ContentError([Finding("ITA008", name, mark.line + 1, mark.column + 1)])
            depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
            if depth > MAX_DEPTH:  # stop before the parser's cost grows with the square of the depth
                mark = event.start_mark
                raise ContentError([Finding("ITA012", name, mark.line + 1, mark.column + 1)])
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ContentError([Finding("ITA006", name, line, col, {"problem": _problem(exc)})]) from None
    except YAMLError as exc:
        raise ContentError([Finding("ITA006", name, 1, 1, {"problem": str(exc).splitlines()[0]})]) from None
    if not isinstance(root, MappingNode):
        raise ContentError([Finding("ITA011", name, 1, 1)])
    mark = root.start_mark
    spots: dict[Loc, Spot] = {(): (mark.line, mark.column, mark.line, mark.column)}
    return _build(root, (), spots, name), spots


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
