"""The OIT evidence index: per fiscal year, each catalogue item with the agency's documents, or the gap.

An agency gives the NACC one address per OIT item through ITAS. Each item therefore gets a page at a
permanent path built only from the fiscal year and the item's code (``2566/oit/o13.md``), and
:func:`itas_rows` / :func:`write_itas_csv` turn those pages into the item -> URL sheet staff paste from.
Codes are always resolved in the framework of the evidence file's own fiscal year.

Where a year's item asks for the measures document or the report on it (`OitItem.site_page`), the site's
own plan or follow-up report page is that item's evidence whenever the project has the plan: staff need
not list it by hand, and any documents they list still count.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ita_site.content.addresses import oit_item_path, page_url, plan_path, report_path
from ita_site.content.findings import ContentError, Finding
from ita_site.content.framework import Framework, OitItem, framework_for, normalize_oit_code
from ita_site.content.model import Evidence, OitEntry, OitEvidence
from ita_site.content.project import Project


def code_order(code: str) -> int:
    """Sort key for O-codes: O2 before O10."""
    digits = code[1:]
    return int(digits) if digits.isdigit() else 0


@dataclass(frozen=True)
class OwnPage:
    """A page of this site that is evidence for an OIT item: its source path (``2569/measures/index.md``)."""

    path: str
    title: str


_OWN_PAGES = {
    "plan": (plan_path, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. {year}"),
    "report": (report_path, "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. {year}"),
}


def own_pages(item: OitItem | None, plan_years: Collection[int]) -> tuple[OwnPage, ...]:
    """The site's own page that is the item's evidence, when the item asks for one and the project has that plan."""
    if item is None or item.site_page is None or item.site_page.plan_year not in plan_years:
        return ()
    path_of, title = _OWN_PAGES[item.site_page.page]
    year = item.site_page.plan_year
    return (OwnPage(path=path_of(year), title=title.format(year=year)),)


@dataclass(frozen=True)
class OitRow:
    """One item of a year's index: the catalogue's item (None where the year has no catalogue) and the
    agency's entry for it (None where the agency lists nothing)."""

    year: int
    code: str
    item: OitItem | None
    entry: OitEntry | None
    own_pages: tuple[OwnPage, ...] = ()

    @property
    def documents(self) -> list[Evidence]:
        return list(self.entry.documents) if self.entry else []

    @property
    def evidence_count(self) -> int:
        """The agency's documents plus the site's own pages for the item."""
        return len(self.documents) + len(self.own_pages)

    @property
    def missing(self) -> bool:
        return not self.evidence_count

    @property
    def title(self) -> str | None:
        """The catalogue's title, or the agency's own where the catalogue does not know the item."""
        if self.item and self.item.title:
            return self.item.title
        return self.entry.title if self.entry else None

    def published(self, evidence: Evidence) -> dt.date | None:
        """A document's own date, else the date the agency gives for the whole item."""
        return evidence.published or (self.entry.published if self.entry else None)

    @property
    def last_published(self) -> dt.date | None:
        dates = [d for e in self.documents if (d := self.published(e)) is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class OitYear:
    """The index of one fiscal year that has a ``content/oit/<year>.yaml``."""

    year: int
    framework: Framework | None
    evidence: OitEvidence
    rows: tuple[OitRow, ...]

    @property
    def has_catalogue(self) -> bool:
        return bool(self.framework and self.framework.oit_items)

    @property
    def missing(self) -> list[OitRow]:
        return [r for r in self.rows if r.missing]

    @property
    def present(self) -> list[OitRow]:
        return [r for r in self.rows if not r.missing]


def entries_by_code(evidence: OitEvidence) -> dict[str, OitEntry]:
    """The agency's entries keyed by canonical code; the first of repeated entries wins (a check reports the rest)."""
    found: dict[str, OitEntry] = {}
    for entry in evidence.items:
        code = normalize_oit_code(entry.code)
        if code is not None:
            found.setdefault(code, entry)
    return found


def oit_year(year: int, evidence: OitEvidence, plan_years: Collection[int] = ()) -> OitYear:
    """Every item of the year's catalogue with the agency's evidence; without a catalogue, the agency's own list.

    ``plan_years`` are the fiscal years the project has a plan for, whose pages the site publishes.
    """
    framework = framework_for(year)
    entries = entries_by_code(evidence)
    if framework and framework.oit_items:
        rows = [OitRow(year, code, item, entries.get(code), own_pages(item, plan_years))
                for code, item in framework.oit_items.items()]
    else:
        rows = [OitRow(year, code, None, entry) for code, entry in entries.items()]
    rows.sort(key=lambda r: code_order(r.code))
    return OitYear(year=year, framework=framework, evidence=evidence, rows=tuple(rows))


def oit_years(project: Project) -> dict[int, OitYear]:
    """The index of every year the project has an OIT evidence file for, oldest first."""
    return {year: oit_year(year, evidence, project.plans) for year, evidence in project.oit.items()}


# --- attached files ---

_TYPE_NAMES = {
    "pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel", "csv": "CSV", "ppt": "PowerPoint",
    "pptx": "PowerPoint", "jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "txt": "ข้อความ", "zip": "ZIP", "odt": "ODT",
    "ods": "ODS",
}


@dataclass(frozen=True)
class FileInfo:
    """What a reader should know before opening an attached file: its type and size."""

    kind: str
    size: int

    @property
    def size_text(self) -> str:
        if self.size < 1024:
            return f"{self.size} ไบต์"
        if self.size < 1024 * 1024:
            return f"{self.size / 1024:.1f} KB"
        return f"{self.size / (1024 * 1024):.1f} MB"


def file_info(path: Path) -> FileInfo:
    suffix = path.suffix.lower().lstrip(".")
    return FileInfo(kind=_TYPE_NAMES.get(suffix, suffix.upper() or "ไฟล์"), size=path.stat().st_size)


# --- the ITAS sheet ---

ITAS_HEADER = ("code", "title", "agency_title", "url", "documents", "status")


@dataclass(frozen=True)
class ItasRow:
    """One line of the sheet: the item, and the permanent address to paste into ITAS for it."""

    code: str
    title: str
    agency_title: str
    url: str
    documents: int
    missing: bool


def itas_rows(project: Project, year: int, base_url: str, use_directory_urls: bool = False) -> list[ItasRow]:
    """The item -> URL sheet of one fiscal year; ``base_url`` is the published site's address (site_url).

    An item whose only evidence is one of the site's own pages gets that page's address, so the assessor
    opens the measures document or report at once; every other item gets its permanent item page.
    Raises KeyError when the project has no ``content/oit/<year>.yaml``.
    """
    index = oit_year(year, project.oit[year], project.plans)
    base = base_url if base_url.endswith("/") else base_url + "/"
    return [ItasRow(code=row.code, title=row.title or "", agency_title=(row.entry.title or "") if row.entry else "",
                    url=base + page_url(_itas_page(row), use_directory_urls),
                    documents=row.evidence_count, missing=row.missing)
            for row in index.rows]


def _itas_page(row: OitRow) -> str:
    """The page to give ITAS for a row: the site's own page when it is the only evidence, else the item page."""
    if len(row.own_pages) == 1 and not row.documents:
        return row.own_pages[0].path
    return oit_item_path(row.year, row.code)


def site_address(config: Mapping[str, Any]) -> tuple[str | None, bool]:
    """From a parsed mkdocs.yml: the published address (site_url) and whether pages get directory URLs.

    Material's offline plugin, when enabled, turns directory URLs off, so the sheet must follow it.
    """
    directory_urls = bool(config.get("use_directory_urls", True))
    for entry in config.get("plugins") or []:
        settings = entry.get("offline") if isinstance(entry, dict) and "offline" in entry else \
            {} if entry == "offline" else None
        if settings is not None and (settings or {}).get("enabled", True) is not False:
            directory_urls = False
    site_url = config.get("site_url")
    return (str(site_url) if site_url else None), directory_urls


def write_itas_sheet(project: Project, year: int, out_dir: Path, config: Mapping[str, Any]) -> Path:
    """``itas-<year>.csv`` in ``out_dir``: the sheet for one fiscal year, with the addresses MkDocs will publish."""
    if year not in project.oit:
        wanted = project.content_dir / "oit" / f"{year}.yaml"
        path = (wanted.relative_to(project.root) if wanted.is_relative_to(project.root) else wanted).as_posix()
        available = ", ".join(str(y) for y in project.oit) or "-"
        raise ContentError([Finding("ITA607", path, 1, 1, {"year": year, "path": path, "available": available})])
    base_url, directory_urls = site_address(config)
    if base_url is None:
        raise ContentError([Finding("ITA608", "mkdocs.yml", 1, 1)])
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"itas-{year}.csv"
    write_itas_csv(target, itas_rows(project, year, base_url, directory_urls))
    return target


def write_itas_csv(target: Path | TextIO, rows: list[ItasRow]) -> None:
    """Write the sheet as CSV; a path gets UTF-8 with a BOM so that Excel shows the Thai titles."""
    if isinstance(target, Path):
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            _write(handle, rows)
    else:
        _write(target, rows)


def _write(handle: TextIO, rows: list[ItasRow]) -> None:
    writer = csv.writer(handle)
    writer.writerow(ITAS_HEADER)
    for row in rows:
        writer.writerow([row.code, row.title, row.agency_title, row.url, row.documents,
                         "missing" if row.missing else "published"])
