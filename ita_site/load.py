"""Read content files into plain data while keeping where every key and item came from.

Everything that can go wrong with a file a person edited (encoding, tabs, YAML syntax, duplicate
keys, aliases, size) becomes a located Finding here; nothing below this module sees raw bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

from .findings import ContentError, Finding

MAX_BYTES = 2 * 1024 * 1024
# Content nests about six levels deep; far deeper is a mistake (unclosed brackets) or an attack.
MAX_DEPTH = 40
_THAI = re.compile("[\u0e00-\u0e7f]")

Loc = tuple[str | int, ...]


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that reads floats as Decimal, so 99.50 stays 99.50."""


def _construct_decimal(constructor: RoundTripConstructor, node: Any) -> Decimal | str:
    text = node.value.replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation:  # .inf / .nan: leave as text so validation names it
        return node.value


_Constructor.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass
class Document:
    """One parsed content file: its plain data and the ruamel tree that knows positions."""

    path: Path
    name: str
    data: dict[str, Any]
    tree: CommentedMap

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``; the key itself with ``key``.

        A path that goes further than the data (a missing field) stops at the deepest node that
        exists, which is where a person would add the missing line.
        """
        node: Any = self.tree
        line, col = node.lc.line, node.lc.col
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, CommentedMap) and part in node:
                kl, kc = node.lc.key(part)
                vl, vc = node.lc.value(part)
                line, col = (kl, kc) if key and last else (vl, vc)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
            else:
                break
        return line + 1, col + 1

    def finding(self, code: str, loc: Sequence[str | int] = (), /, *, key: bool = False, **args: object) -> Finding:
        line, col = self.locate(loc, key=key)
        return Finding(code, self.name, line, col, args)


def _plain(node: Any) -> Any:
    """ruamel's round-trip objects as plain dicts, lists, str, int, Decimal, date, bool."""
    if isinstance(node, CommentedMap):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None or isinstance(node, Decimal):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    return node


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


def parse(text: str, name: str) -> CommentedMap:
    """Parse YAML text into a positioned tree, refusing aliases before anything is built."""
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
        tree = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _duplicate_key_name(exc)
        first = _first_key_line(text, key, exc.context_mark.line if exc.context_mark else 0, mark.line, mark.column)
        raise ContentError([Finding("ITA007", name, mark.line + 1, mark.column + 1, {"key": key, "first": first})]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ContentError([Finding("ITA006", name, line, col, {"problem": _problem(exc)})]) from None
    except YAMLError as exc:
        raise ContentError([Finding("ITA006", name, 1, 1, {"problem": str(exc).splitlines()[0]})]) from None
    except RecursionError:
        raise ContentError([Finding("ITA012", name, 1, 1)]) from None
    if not isinstance(tree, CommentedMap):
        raise ContentError([Finding("ITA011", name, 1, 1)])
    return tree


def _first_key_line(text: str, key: str, start: int, duplicate: int, column: int) -> int | str:
    """Line of the earlier occurrence of a duplicated key in the same mapping (ruamel names only the second)."""
    lines = text.splitlines()
    for number in range(start, duplicate):
        line = lines[number]
        if line[:column].strip(" -") == "" and line[column:].startswith(f"{key}:"):
            return number + 1
    return "?"


def _duplicate_key_name(exc: DuplicateKeyError) -> str:
    match = re.search(r'found duplicate key "([^"]*)"', str(exc.problem))
    return match.group(1) if match else "?"


def read_document(path: Path, root: Path) -> Document:
    """Read one content file; ``root`` only shapes the name shown in messages."""
    try:
        name = path.relative_to(root).as_posix()
    except ValueError:
        name = path.as_posix()
    text = decode(path.read_bytes(), name)
    tree = parse(text, name)
    try:
        data = _plain(tree)
    except RecursionError:
        raise ContentError([Finding("ITA012", name, 1, 1)]) from None
    return Document(path=path, name=name, data=data, tree=tree)


def iter_content_files(content_dir: Path) -> Iterator[Path]:
    """Every YAML file under the content folder, in a stable order."""
    for pattern in ("*.yaml", "*.yml"):
        yield from sorted(content_dir.rglob(pattern))
