"""The files ``ita-site init`` writes: the packaged templates, with the chosen fiscal years filled in.

Template file names and texts carry ``@NAME@`` placeholders (braces would clash with YAML flow
mappings). A new project gets the assessment of one ITA year, the plan of measures for the next fiscal
year that answers it, and an OIT evidence file for the assessment year with a few items of that year's list.

Some files belong to the ita-site release rather than to the agency (``RELEASE_FILES``, the wheel in
``vendor/`` and the schema files): ``ita-site upgrade`` rewrites those and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

from ita_site.cli.wheel import running_wheel
from ita_site.content.framework import framework_for
from ita_site.outputs import schema as content_schema

#: Scaffold templates that come with the release: the Pages workflow and the pins it installs with.
RELEASE_FILES = (".github/workflows/pages.yml", "constraints.txt")
#: Where a project carries the ita-site wheel its workflow installs.
VENDOR_DIR = "vendor"

#: How many OIT items the scaffold's evidence file shows as examples.
EXAMPLE_OIT_ITEMS = 3
_BE_OFFSET = 543


def latest_result_year(today: dt.date) -> int:
    """The latest ITA year an agency can have results for on ``today`` (พ.ศ.).

    The NACC announces a year's results around August, at the end of that fiscal year: from September
    of CE year Y the results of Y+543 are out, before it only those of Y+542.
    """
    return today.year + _BE_OFFSET - (0 if today.month >= 9 else 1)


def placeholders(assessment_year: int) -> dict[str, str]:
    """Every placeholder's value for a project starting from the ITA result of ``assessment_year``."""
    plan_year = assessment_year + 1
    plan_end_ce = plan_year - _BE_OFFSET  # fiscal year พ.ศ. Y runs 1 Oct (Y-544) to 30 Sep (Y-543) CE
    return {
        "@ASSESSMENT_YEAR@": str(assessment_year),
        "@PLAN_YEAR@": str(plan_year),
        "@PLAN_START@": f"{plan_end_ce - 1}-10-01",
        "@PLAN_END@": f"{plan_end_ce}-09-30",
        "@PLAN_MIDYEAR@": f"{plan_end_ce}-03-31",
        "@OIT_ITEMS@": _example_oit_items(assessment_year),
    }


def scaffold_files(assessment_year: int) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of every file of a new project, dotfiles included: the agency's own starting
    files for ``assessment_year`` and the release's files."""
    values = placeholders(assessment_year)
    for name, text in _templates():
        if name not in RELEASE_FILES:
            yield _fill(name, values), _fill(text, values).encode("utf-8")
    yield from release_files()


def release_files() -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of the files that come with the running ita-site release: the workflow (naming
    the wheel and its sha256), the constraints, the wheel itself and the schema files."""
    wheel = running_wheel()
    values = {"@WHEEL@": f"{VENDOR_DIR}/{wheel.name}", "@WHEEL_SHA256@": wheel.sha256}
    for name, text in _templates():
        if name in RELEASE_FILES:
            yield name, _fill(text, values).encode("utf-8")
    yield f"{VENDOR_DIR}/{wheel.name}", wheel.data
    for name, schema_text in content_schema.schema_files().items():
        yield f"schema/{name}", schema_text.encode("utf-8")


def _templates() -> Iterator[tuple[str, str]]:
    """(relative path, text) of every packaged scaffold template, placeholders unfilled."""
    with as_file(files("ita_site").joinpath("scaffold")) as scaffold:
        base = Path(scaffold)
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path.relative_to(base).as_posix(), path.read_text(encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _example_oit_items(year: int) -> str:
    """YAML lines for the first titled items of the year's OIT list (O1-O3 where the tool has no list)."""
    framework = framework_for(year)
    titled: list[tuple[str, str | None]] = [(item.code, item.title) for item in framework.oit_items.values()
                                            if item.title and item.site_page is None] if framework else []
    examples = titled[:EXAMPLE_OIT_ITEMS] or [(f"O{n}", None) for n in range(1, EXAMPLE_OIT_ITEMS + 1)]
    lines = []
    for code, title in examples:
        lines.append(f"  - code: {code}")
        if title:
            lines.append(f"    # ชื่อข้อตามเกณฑ์ปี {year}: {title}")
        lines += ["    documents:",
                  f"      - title: {title or 'เอกสารของข้อ ' + code}",
                  f"        url: https://www.example.go.th/ita/{year}/{code.lower()}"]
    return "\n".join(lines) + "\n"
