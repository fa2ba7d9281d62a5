"""The NACC ITA framework of each fiscal year: indicators, tools and the OIT catalogue.

How a result is rated (letter bands, later the Rating Score) is in `rating` (frameworks/ratings.yaml).

The data lives in package files ``ita_site/frameworks/<fiscal year>.yaml``. OIT codes (O1, O2, …) are
renumbered between fiscal years, so every item is reached through its year's `Framework`, never by code
alone; `find_oit_code_in_other_years` helps recognise a code written with another year's numbering.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import InvalidOperation
from difflib import SequenceMatcher
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from ita_site.content.thai import to_arabic_digits

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATA_DIR = "frameworks"
_YEAR_FILE = re.compile(r"(\d{4})\.yaml")

# A letter O (or the Thai digit zero typed in its place) followed by a one- or two-digit number, in Arabic or
# Thai digits. Full-width forms are folded to ASCII by NFKC before matching.
_OIT_CODE = re.compile(r"([Oo๐])\s*([0-9๐-๙]{1,2})")
_SPACE = re.compile(r"[\s\u200b]+")


class UnknownFrameworkYear(ValueError):
    """Raised for a fiscal year that has no framework file, so callers can list the years that do."""

    def __init__(self, fiscal_year: int, available: tuple[int, ...]) -> None:
        self.fiscal_year = fiscal_year
        self.available = available
        years = ", ".join(str(y) for y in available) or "none"
        super().__init__(f"no NACC ITA framework for fiscal year {fiscal_year}; available: {years}")


class FrameworkDataError(ValueError):
    """Raised when a packaged framework file is malformed, naming the file and the problem."""


@dataclass(frozen=True)
class Indicator:
    """One of the ITA indicators; aliases are other spellings seen in published documents."""

    number: int
    name: str
    aliases: tuple[str, ...]
    tool: str


@dataclass(frozen=True)
class ToolPart:
    """A separately reported part of a tool, e.g. EIT ส่วนที่ 1 (Public) and ส่วนที่ 2 (Survey)."""

    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Tool:
    """An assessment tool (IIT, EIT, OIT) and the indicators it scores."""

    code: str
    name: str
    name_en: str
    indicators: tuple[int, ...]
    parts: tuple[ToolPart, ...]


@dataclass(frozen=True)
class OitGroup:
    """A sub-indicator of indicators 9/10 (e.g. "9.1" ข้อมูลพื้นฐาน) grouping OIT items."""

    code: str
    name: str
    subgroups: tuple[str, ...]
    verified: bool


@dataclass(frozen=True)
class SitePage:
    """A page this site publishes that is itself the evidence for an OIT item.

    Some years' OIT list asks for the measures document (``page`` "plan") or the report on it ("report"):
    exactly what the site generates from a plan, the one of fiscal year ``plan_year``.
    """

    page: str
    plan_year: int


@dataclass(frozen=True)
class OitItem:
    """One OIT disclosure item of one fiscal year; `title` is None where the year's list has a gap.

    `group` is written as the source writes it (code, name and sub-group); `sources` are full citations.
    """

    code: str
    title: str | None
    group: str | None
    indicator: int | None
    verified: bool
    requires: str | None
    note: str | None
    sources: tuple[str, ...]
    site_page: SitePage | None = None


@dataclass(frozen=True)
class EitQuestion:
    """An EIT question; `linked_oit` keeps OIT codes exactly as the source cites them (they may be stale)."""

    code: str
    indicator: int
    text: str
    verified: bool
    linked_oit: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    """Everything known about the NACC ITA of one fiscal year, with the caveats in `notes`.

    Notes name sources by short id (e.g. "sme2565"); `source_ids` maps each id to its citation.
    Instances are cached and shared: treat the dicts as read-only.
    """

    name: str
    fiscal_year: int
    sources: tuple[str, ...]
    indicators: dict[int, Indicator]
    indicators_verified: bool
    tools: dict[str, Tool]
    oit_groups: tuple[OitGroup, ...]
    oit_items: dict[str, OitItem]
    eit_questions: tuple[EitQuestion, ...]
    notes: dict[str, str]
    source_ids: dict[str, str]
    carried_from: int | None = None

    def indicator(self, number: int) -> Indicator | None:
        """The indicator with this number, or None if the year has no such indicator."""
        return self.indicators.get(number)

    def oit(self, code: str) -> OitItem | None:
        """This year's OIT item for a code in any accepted spelling (see `normalize_oit_code`)."""
        canonical = normalize_oit_code(code)
        return self.oit_items.get(canonical) if canonical else None

    def indicator_by_name(self, name: str) -> Indicator | None:
        """The indicator whose name or alias equals `name`, ignoring whitespace that documents insert in Thai."""
        wanted = _squash(name)
        for indicator in self.indicators.values():
            if any(_squash(n) == wanted for n in (indicator.name, *indicator.aliases)):
                return indicator
        return None


def normalize_oit_code(text: str) -> str | None:
    """Canonical "O13" for the ways OIT codes are typed in Thai documents, or None if `text` is not one.

    Accepts "O13", "o13", "O 13", Thai digits ("O๑๓"), full-width "Ｏ１３", and the Thai digit zero typed
    for the letter O ("๐๑๓", "๐13"). Numbers run from 1 to 99 without a leading zero.
    """
    match = _OIT_CODE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    digits = to_arabic_digits(match.group(2))
    if digits.startswith("0"):
        return None
    return f"O{int(digits)}"


def is_thai_zero_typing(text: str) -> bool:
    """Whether `text` is an OIT code typed with the Thai digit zero "๐" for the letter O (e.g. "๐๑๓")."""
    stripped = unicodedata.normalize("NFKC", text).strip()
    return stripped.startswith("๐") and normalize_oit_code(stripped) is not None


def available_years() -> tuple[int, ...]:
    """Fiscal years with a packaged framework file, ascending."""
    years = []
    for entry in files("ita_site.content").joinpath(_DATA_DIR).iterdir():
        match = _YEAR_FILE.fullmatch(entry.name)
        if match:
            years.append(int(match.group(1)))
    return tuple(sorted(years))


@cache
def load_framework(fiscal_year: int) -> Framework:
    """The framework of a fiscal year, read once from package data."""
    available = available_years()
    if fiscal_year not in available:
        raise UnknownFrameworkYear(fiscal_year, available)
    name = f"{fiscal_year}.yaml"
    data = _read(name)
    try:
        if "carried_from" in data:
            data = _carried_over(data, _read(f"{data['carried_from']}.yaml"))
        framework = _build(data)
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise FrameworkDataError(f"{_DATA_DIR}/{name}: {exc!r}") from exc
    if framework.fiscal_year != fiscal_year:
        raise FrameworkDataError(f"{_DATA_DIR}/{name}: fiscal_year is {framework.fiscal_year}")
    return framework


def _read(name: str) -> dict[str, Any]:
    text = files("ita_site.content").joinpath(_DATA_DIR, name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=_LOADER)  # package data: libyaml's C parser is 15x faster here
    return data


def _carried_over(data: dict[str, Any], last_known: dict[str, Any]) -> dict[str, Any]:
    """A year nothing is published for yet: the last known year's data under this year's number and notes."""
    if "carried_from" in last_known:
        raise ValueError(f"carried_from {data['carried_from']} is itself carried over")
    return {**last_known, **data, "notes": {**last_known["notes"], **data["notes"]}}


def framework_for(fiscal_year: int) -> Framework | None:
    """The framework of a fiscal year, or None where the package has no data for that year."""
    try:
        return load_framework(fiscal_year)
    except UnknownFrameworkYear:
        return None


def find_oit_code_in_other_years(
    code: str, title_hint: str, fiscal_year: int, min_similarity: float = 0.75
) -> list[tuple[int, str, float]]:
    """Where the item a text names next to `code` sits in each year's numbering.

    For every fiscal year, the item(s) whose title best matches `title_hint` (difflib ratio on the
    whitespace-free, case-folded text) are returned as (year, code, similarity) if the similarity reaches
    `min_similarity`. A check reads the entry for `fiscal_year` as the right code for the document's year,
    and entries with the cited code in other years as the numbering the text actually followed. Ordered by
    similarity, then the document's year, then the cited code, then year and code.
    """
    cited = normalize_oit_code(code)
    if cited is None:
        raise ValueError(f"not an OIT code: {code!r}")
    available = available_years()
    if fiscal_year not in available:
        raise UnknownFrameworkYear(fiscal_year, available)
    hint = _squash(title_hint)
    if not hint:
        return []
    found: list[tuple[int, str, float]] = []
    for year in available:
        scored = []
        for item in load_framework(year).oit_items.values():
            matcher = SequenceMatcher(None, hint, _squash(item.title or ""))
            # the quick ratios are upper bounds of ratio(): skip titles that cannot reach the threshold
            if item.title and matcher.real_quick_ratio() >= min_similarity and matcher.quick_ratio() >= min_similarity:
                scored.append((matcher.ratio(), item.code))
        best = max((score for score, _ in scored), default=0.0)
        if best >= min_similarity:
            found.extend((year, item_code, score) for score, item_code in scored if score == best)
    found.sort(
        key=lambda f: (-f[2], f[0] != fiscal_year, f[1] != cited, f[0], int(f[1][1:]))
    )
    return found


def _squash(text: str) -> str:
    """Text without whitespace or zero-width spaces, case-folded, for comparing Thai phrases."""
    return _SPACE.sub("", text).casefold()


_PLAN_YEAR_OFFSETS = {"same": 0, "previous": -1}
_SITE_PAGE_KINDS = ("plan", "report")


def _site_page(entry: dict[str, str] | None, fiscal_year: int) -> SitePage | None:
    """``{page: plan|report, plan_year: same|previous}`` of an OIT item, resolved to the plan's fiscal year."""
    if entry is None:
        return None
    if entry["page"] not in _SITE_PAGE_KINDS:
        raise ValueError(f"site_page.page must be one of {_SITE_PAGE_KINDS}, got {entry['page']!r}")
    return SitePage(page=entry["page"], plan_year=fiscal_year + _PLAN_YEAR_OFFSETS[entry["plan_year"]])


def _index(entries: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    """Entries keyed by `key`, in file order; a repeated key is a data error, not a silent overwrite."""
    indexed: dict[Any, dict[str, Any]] = {}
    for entry in entries:
        if entry[key] in indexed:
            raise ValueError(f"{key} {entry[key]!r} listed twice")
        indexed[entry[key]] = entry
    return indexed


def _build(data: dict[str, Any]) -> Framework:
    """Turn one parsed framework file into a `Framework`, resolving source ids to citations."""
    source_refs = {key: entry["ref"] for key, entry in _index(data["sources"], "id").items()}

    def cite(ids: list[str]) -> tuple[str, ...]:
        return tuple(source_refs[source_id] for source_id in ids)

    indicators = {
        number: Indicator(
            number=number,
            name=entry["name_th"],
            aliases=tuple(entry["aliases_th"]),
            tool=entry["tool"],
        )
        for number, entry in _index(data["indicators"], "number").items()
    }
    tools = {
        code: Tool(
            code=entry["code"],
            name=entry["name_th"],
            name_en=entry["name_en"],
            indicators=tuple(entry["indicators"]),
            parts=tuple(
                ToolPart(code=part["code"], name=part["name_th"], name_en=part["name_en"])
                for part in entry.get("parts", [])
            ),
        )
        for code, entry in _index(data["tools"], "code").items()
    }
    for tool in tools.values():
        unknown = set(tool.indicators) - set(indicators)
        if unknown:
            raise ValueError(f"tool {tool.code} names unknown indicators {sorted(unknown)}")
    oit_items = {
        code: OitItem(
            code=code,
            title=entry["title_th"],
            group=entry["group"],
            indicator=entry["indicator"],
            verified=entry["verified"],
            requires=entry.get("requires"),
            note=entry.get("note"),
            sources=cite(entry["sources"]),
            site_page=_site_page(entry.get("site_page"), data["fiscal_year"]),
        )
        for code, entry in _index(data["oit_items"], "code").items()
    }
    noncanonical = [code for code in oit_items if normalize_oit_code(code) != code]
    if noncanonical:
        raise ValueError(f"OIT codes not in canonical form: {noncanonical}")
    return Framework(
        name=data["framework"],
        fiscal_year=data["fiscal_year"],
        sources=tuple(source_refs.values()),
        indicators=indicators,
        indicators_verified=data["indicators_verified"],
        tools=tools,
        oit_groups=tuple(
            OitGroup(
                code=entry["code"],
                name=entry["name_th"],
                subgroups=tuple(entry["subgroups"]),
                verified=entry["verified"],
            )
            for entry in data["oit_groups"]
        ),
        oit_items=oit_items,
        eit_questions=tuple(
            EitQuestion(
                code=entry["code"],
                indicator=entry["indicator"],
                text=entry["text_th"],
                verified=entry["verified"],
                linked_oit=tuple(entry.get("linked_oit", [])),
            )
            for entry in data["eit_questions"]
        ),
        notes=dict(data["notes"]),
        source_ids=source_refs,
        carried_from=data.get("carried_from"),
    )
