"""Read content files into plain data while keeping where every key and item came from.

Everything that can go wrong with a file a person edited (what the name stands for, encoding, tabs, YAML
syntax, duplicate keys, aliases, size) becomes a located Finding here; nothing below this module sees raw bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from typing import Any

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

from ita_site.content.findings import ContentError, Finding
from ita_site.content.thai import THAI_CHARACTER

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

    def finding(self, code: str, loc: Sequence[str | int] = (), given: Mapping[str, object] | None = None, /, *,
                key: bool = False, **args: object) -> Finding:
        """A finding at ``loc``; its message arguments are ``args``, after any ``given`` as a mapping (as a check
        that works out the code and arguments elsewhere returns them)."""
        line, col = self.locate(loc, key=key)
        return Finding(code, self.name, line, col, {**(given or {}), **args})

    @cached_property
    def strings(self) -> tuple[tuple[Loc, str], ...]:
        """Every text value with its path, computed once: many checks scan all of them."""
        return tuple((loc, value) for loc, value in leaves(self.data) if isinstance(value, str))


def leaves(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every scalar value of parsed data (text, number, date…) with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*loc, index))
    else:
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
                raise _located("ITA006", name, mark, problem="ชื่อช่องต้องเป็นคำธรรมดา ไม่ใช่รายการหรือชุดข้อมูล",
                              problem_en="a key must be a plain word")
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
                raise _located("ITA006", name, event.start_mark, problem="มีเอกสาร YAML มากกว่าหนึ่งชุด (---) ในไฟล์เดียว",
                              problem_en="more than one YAML document (---)")
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


def _utf16(raw: bytes) -> str | None:
    """"UTF-16 LE" or "UTF-16 BE" when the bytes are UTF-16 text (Notepad's "Unicode"), with or without a BOM.

    Without a BOM, the NUL high bytes of the ASCII keys all fall on one side of each pair, which no UTF-8
    file and hardly any binary file does.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 LE" if raw[0] == 0xFF else "UTF-16 BE"
    if len(raw) % 2 or b"\x00" not in raw:
        return None
    for order, low, high in (("LE", raw[0::2], raw[1::2]), ("BE", raw[1::2], raw[0::2])):
        if b"\x00" in high and b"\x00" not in low:
            try:
                raw.decode(f"utf-16-{order.lower()}")
            except UnicodeDecodeError:
                return None
            return f"UTF-16 {order}"
    return None


def decode(raw: bytes, name: str) -> str:
    """Bytes to text, or a ContentError that says exactly what is wrong with the encoding."""
    if len(raw) > MAX_BYTES:
        raise ContentError([Finding("ITA009", name, 1, 1, {"size": len(raw), "limit": MAX_BYTES})])
    if (utf16 := _utf16(raw)) is not None:
        raise ContentError([Finding("ITA022", name, 1, 1, {"encoding": utf16})])
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


# The parser's common complaints, as staff can act on them: (words of the parser's problem, Thai, English).
_PROBLEMS = (
    ("mapping values are not allowed", "พบเครื่องหมาย : ในที่ที่ไม่ควรมี ถ้าข้อความมี : ให้ครอบทั้งข้อความด้วย"
     "เครื่องหมายคำพูด \"...\" หรือถ้าไม่ใช่ ให้ตรวจว่าบรรทัดนี้ย่อหน้าเท่ากับบรรทัดอื่นในระดับเดียวกัน",
     "a colon where none may stand: quote text that contains a colon, or indent this line like its neighbours"),
    ("did not find expected key", "การย่อหน้าไม่ตรงกัน บรรทัดนี้ย่อหน้าไม่เท่ากับบรรทัดอื่นในระดับเดียวกัน",
     "inconsistent indentation: this line is not indented like the others at its level"),
    ("expected '-' indicator", "การย่อหน้าไม่ตรงกัน บรรทัดนี้ย่อหน้าไม่เท่ากับรายการ - อื่นในระดับเดียวกัน",
     "inconsistent indentation: this line is not indented like the list items (-) at its level"),
    ("quoted scalar", "เปิดเครื่องหมายคำพูดที่นี่แล้วไม่ได้ปิด",
     "a quotation mark opened here is never closed"),
    ("tab character", "พบปุ่ม Tab ซึ่ง YAML ไม่อนุญาต ให้ใช้เว้นวรรคแทน", "a tab character; YAML needs spaces"),
    ("could not find expected ':'", "บรรทัดนี้ไม่มีเครื่องหมาย : หลังชื่อช่อง",
     "this line has no colon after its key"),
    ("flow sequence", "เปิดวงเล็บ [ แล้วไม่ได้ปิดด้วย ]", "a [ is never closed by ]"),
    ("flow mapping", "เปิดวงเล็บ { แล้วไม่ได้ปิดด้วย }", "a { is never closed by }"),
    ("cannot start any token", "ค่านี้ขึ้นต้นด้วยเครื่องหมายที่ YAML สงวนไว้ (เช่น @ ` %) ให้ครอบข้อความด้วยเครื่องหมายคำพูด",
     "the value starts with a character YAML reserves (such as @ ` %); quote the text"),
)


def _problem(exc: MarkedYAMLError) -> tuple[str, str, Any]:
    """What is wrong, in Thai and in English, and where: a quote left open is shown where it opens."""
    english = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "syntax error"
    for words, thai, translated in _PROBLEMS:
        if words in english:
            opened = words == "quoted scalar" and exc.context_mark is not None
            return thai, translated, exc.context_mark if opened else exc.problem_mark or exc.context_mark
    return "เขียนไม่ตรงรูปแบบ YAML", english, exc.problem_mark or exc.context_mark


def parse(text: str, name: str) -> tuple[dict[str, Any], dict[Loc, Spot]]:
    """Parse YAML text into plain data and the position of every key and item."""
    try:
        return _read_events(_yaml().parse(text), name)
    except MarkedYAMLError as exc:
        thai, english, mark = _problem(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ContentError([Finding("ITA006", name, line, col, {"problem": thai, "problem_en": english})]) from None
    except YAMLError as exc:
        raise ContentError([Finding("ITA006", name, 1, 1, {"problem": "เขียนไม่ตรงรูปแบบ YAML",
                                                           "problem_en": str(exc).splitlines()[0]})]) from None


_NOT_REGULAR = (  # what a name can stand for besides a file, as the finding names it
    (stat.S_ISDIR, "โฟลเดอร์", "folder"),
    (stat.S_ISFIFO, "ท่อส่งข้อมูล (FIFO)", "FIFO (named pipe)"),
    (stat.S_ISSOCK, "ซ็อกเก็ต (socket)", "socket"),
    (stat.S_ISCHR, "อุปกรณ์ (device)", "device"),
    (stat.S_ISBLK, "อุปกรณ์ (device)", "device"),
)
# Opening a FIFO or a device must not wait for a writer or take over the terminal.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _not_regular(mode: int, shown: str) -> dict[str, object] | None:
    """The ITA018 arguments naming what a non-regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    th, en = next(((th, en) for test, th, en in _NOT_REGULAR if test(mode)), ("ไฟล์พิเศษ", "special file"))
    return {"path": shown, "kind": th, "kind_en": en}


def _unreadable(exc: OSError, shown: str) -> tuple[str, dict[str, object]]:
    return "ITA021", {"path": shown, "problem": exc.strerror or type(exc).__name__}


def refusal(path: Path, shown: str, inside: Sequence[Path]) -> tuple[str, dict[str, object]] | None:
    """Why ``path`` (``shown`` in messages) may not be read or published: a finding code and its arguments.

    Only regular files qualify, and a symlink only when it resolves into one of the ``inside`` folders
    (resolved): anything else could hang a reader, never end, or publish a file from outside the project.
    """
    try:
        info = path.stat()
    except OSError as exc:
        if path.is_symlink():
            return "ITA019", {"path": shown, "target": os.readlink(path)}
        return _unreadable(exc, shown)
    real = Path(os.path.realpath(path))
    if not any(real.is_relative_to(folder) for folder in inside):
        return "ITA020", {"path": shown, "target": str(real), "folder": inside[0].name}
    kind = _not_regular(info.st_mode, shown)
    return ("ITA018", kind) if kind is not None else None


def _read_bytes(path: Path, name: str, inside: Sequence[Path]) -> bytes:
    """The bytes of a content file, never more than MAX_BYTES + 1 of them, without blocking."""
    def refuse(code: str, args: dict[str, object]) -> ContentError:
        return ContentError([Finding(code, name, 1, 1, args)])

    problem = refusal(path, name, inside)
    if problem is not None:
        raise refuse(*problem)
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as file:
            info = os.fstat(file.fileno())  # the name may have been replaced since it was checked
            kind = _not_regular(info.st_mode, name)
            if kind is not None:
                raise refuse("ITA018", kind)
            if info.st_size > MAX_BYTES:
                raise refuse("ITA009", {"size": info.st_size, "limit": MAX_BYTES})
            return file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise refuse(*_unreadable(exc, name)) from None


def read_document(path: Path, root: Path, inside: Sequence[Path] = ()) -> Document:
    """Read one content file, named in messages relative to ``root``.

    The file must resolve into ``root`` or one of the ``inside`` folders (see ``refusal``).
    """
    try:
        name = path.relative_to(root).as_posix()
    except ValueError:
        name = path.as_posix()
    text = decode(_read_bytes(path, name, (Path(root).resolve(), *inside)), name)
    data, spots = parse(text, name)
    return Document(path=path, name=name, data=data, spots=spots)


def iter_content_files(content_dir: Path) -> Iterator[Path]:
    """Every name under the content folder ending in .yaml or .yml, in a stable order.

    Folders, symlinks and special files with such a name are included, so the reader can say what is wrong.
    """
    for pattern in ("*.yaml", "*.yml"):
        yield from sorted(content_dir.rglob(pattern))
