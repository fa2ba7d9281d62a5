"""Read every source of a portal into figures, in parallel, and keep what failed with its reasons.

Each agency is read and reduced to its figures and its open-data rows in a worker process, so only
those travel back and a portal of thousands of agencies uses every core without holding every project
in memory.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ita_site.content.findings import Finding
from ita_site.portal.figures import AgencyFigures, agency_figures
from ita_site.portal.open_data import agency_rows
from ita_site.portal.pages import FailedSource
from ita_site.portal.sources import Failure, Source, load_source

#: Sources one worker reads per task: enough to keep the cost of handing work over small.
_CHUNK = 16


@dataclass(frozen=True)
class Read:
    """One agency as the portal keeps it: its figures and its rows of the open-data tables (CSV lines)."""

    figures: AgencyFigures
    rows: dict[str, str]


@dataclass(frozen=True)
class Collected:
    """The agencies the portal shows and the sources it leaves out, in the order they were given."""

    agencies: list[AgencyFigures]
    failed: list[FailedSource]
    #: Each shown agency's open-data rows, in the order of ``agencies``.
    rows: list[dict[str, str]]


def read_source(source: Source, today: dt.date) -> Read | Failure:
    """One source's figures and rows on ``today``, or why it could not be read."""
    loaded = load_source(source)
    if isinstance(loaded, Failure):
        return loaded
    return Read(agency_figures(loaded, today), agency_rows(loaded.project, today))


def _read(sources: list[Source], today: dt.date, jobs: int) -> Iterator[Read | Failure]:
    if jobs <= 1 or len(sources) < 2 * _CHUNK:
        yield from (read_source(source, today) for source in sources)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(read_source, sources, [today] * len(sources), chunksize=_CHUNK)


def collect(sources: list[Source], today: dt.date, jobs: int | None = None) -> Collected:
    """Every source read on the reference date ``today``; an agency given twice (same ``id``) is kept once."""
    agencies: list[AgencyFigures] = []
    rows: list[dict[str, str]] = []
    failed: list[FailedSource] = []
    first: dict[str, Source] = {}
    for source, result in zip(sources, _read(sources, today, jobs or os.cpu_count() or 1)):
        if isinstance(result, Failure):
            failed.append(FailedSource(source.shown, result.findings))
            continue
        agency_id = result.figures.id
        if agency_id in first:
            repeat = source.finding("ITA701", id=agency_id, first=first[agency_id].shown)
            failed.append(FailedSource(source.shown, (repeat,)))
            continue
        first[agency_id] = source
        agencies.append(result.figures)
        rows.append(result.rows)
    return Collected(agencies, failed, rows)


def findings_of(collected: Collected) -> list[Finding]:
    """Every reason a source was left out, in the order of the sources."""
    return [finding for failure in collected.failed for finding in failure.findings]
