"""Every page address of a site, from fiscal years, ids and codes alone.

Agencies paste these addresses into the NACC's ITAS system, so an address must depend on nothing but
what names the page: it never moves when unrelated content changes. The checks use them too, to
refuse an id whose page would land on another page's address.
"""

from __future__ import annotations

HOME_PATH = "index.md"
OIT_REFERENCES_PATH = "oit-references.md"
GLOSSARY_PATH = "glossary.md"

#: Where a build puts the open data (a Frictionless Data Package), inside the site folder.
OPEN_DATA_DIR = "data"
DATA_PACKAGE_PATH = f"{OPEN_DATA_DIR}/datapackage.json"
#: The share image drawn at build time (Open Graph / social previews).
SHARE_IMAGE_PATH = "assets/images/share.png"


def assessment_path(year: int) -> str:
    return f"{year}/index.md"


def indicator_path(year: int, number: int) -> str:
    return f"{year}/indicators/{number}.md"


def weakness_index_path(year: int) -> str:
    return f"{year}/weaknesses/index.md"


def weakness_path(year: int, wid: str) -> str:
    return f"{year}/weaknesses/{wid}.md"


def plan_path(year: int) -> str:
    return f"{year}/measures/index.md"


def measure_path(year: int, mid: str) -> str:
    return f"{year}/measures/{mid}.md"


def document_path(year: int) -> str:
    return f"{year}/measures/document.md"


def report_path(year: int) -> str:
    return f"{year}/measures/report.md"


def oit_index_path(year: int) -> str:
    return f"{year}/oit/index.md"


def oit_item_path(year: int, code: str) -> str:
    """The permanent page of one item: depends on nothing but the year and the code."""
    return f"{year}/oit/{code.lower()}.md"


def page_url(path: str, use_directory_urls: bool = False) -> str:
    """The address MkDocs gives a page source path (``a/b.md`` -> ``a/b.html`` or ``a/b/``)."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if use_directory_urls else f"{stem}.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"
