"""Benchmark of ``ita-site portal`` at 100, 1,000 and 8,317 generated agencies (ITA 2568 assessed 8,317).

    .venv/bin/python benchmarks/portal.py                  # 100 and 1,000 agencies
    .venv/bin/python benchmarks/portal.py --sizes 100 1000 8317
    .venv/bin/python benchmarks/portal.py --quick          # 20 agencies: checks that everything runs

Each size is built by the command itself in a fresh process (as a user runs it, every core used),
from agencies generated with known figures (``tests/support/synthetic.py``). Printed per size: wall
seconds; CPU seconds of the command and its workers, per agency, and that ratio to the smallest size
(1.0 is linear; CPU time hardly moves when others share the machine, wall time does); peak memory of
the command (max RSS of its largest process); pages; and the search index in bytes per agency.
Targets from the issue: 8,317 agencies in at most 15 minutes and 4 GB on 2 cores.
Results go to ``benchmarks/results/portal-<UTC time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO)]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from ita_site.content.project import load_project  # noqa: E402
from support.synthetic import portal_specs, write_portal_agency  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"
TODAY = "2025-11-15"
#: Distinct agencies written in full; the rest copy one of them under a new id and name (the figures of
#: ``portal_specs`` repeat with this period), which keeps generating 8,317 agencies to seconds.
_PATTERN = 420
TARGET_SECONDS, TARGET_MB = 15 * 60, 4096


def generate(root: Path, count: int) -> list[Path]:
    """``count`` agency folders with the figures of ``portal_specs(count)``."""
    seed = load_project(REPO / "content", REPO)
    folders = []
    for spec in portal_specs(count):
        dest = root / f"a{spec.index:05d}"
        if spec.index <= _PATTERN:
            write_portal_agency(dest, REPO, spec, seed)
        else:
            template = root / f"a{(spec.index - 1) % _PATTERN + 1:05d}"
            shutil.copytree(template / "content", dest / "content")
            agency = (dest / "content" / "agency.yaml").read_text(encoding="utf-8").splitlines()
            agency = [f"id: lohjood-{spec.index}" if line.startswith("id:") else
                      f"name: {spec.name}" if line.startswith("name:") else line for line in agency]
            (dest / "content" / "agency.yaml").write_text("\n".join(agency) + "\n", encoding="utf-8")
        folders.append(dest)
    return folders


def measure(count: int, work: Path) -> dict[str, float]:
    """Build a portal of ``count`` agencies in a fresh process; what it took."""
    sources = generate(work / f"agencies-{count}", count)
    site = work / f"portal-{count}"
    listing = work / f"sources-{count}.yaml"
    listing.write_text("agencies:\n" + "".join(f"  - path: {p.relative_to(work)}\n" for p in sources), "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "ita_site", "portal", "--manifest", str(listing), "-o", str(site),
                             "--today", TODAY], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"portal of {count} agencies failed:\n{result.stdout}\n{result.stderr}")
    index = site / "search" / "search_index.js"
    index = index if index.is_file() else site / "search" / "search_index.json"
    row = {"agencies": count, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
           "cpu_per_agency": cpu / count, "peak_mb": round(after.ru_maxrss / 1024, 1),
           "pages": sum(1 for _ in site.rglob("*.html")), "index_bytes_per_agency": round(index.stat().st_size / count)}
    shutil.rmtree(site)
    shutil.rmtree(work / f"agencies-{count}")
    return row


def table(rows: list[dict[str, float]]) -> str:
    base = rows[0]["cpu_per_agency"]
    lines = ["| agencies | wall s | CPU s | CPU s/agency | ratio to smallest | peak MB | pages | index bytes/agency |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['agencies']:,} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['cpu_per_agency']:.4f} | "
              f"{r['cpu_per_agency'] / base:.2f} | {r['peak_mb']:,.0f} | {r['pages']:,} | "
              f"{r['index_bytes_per_agency']:,} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--quick", action="store_true", help="one portal of 20 agencies")
    args = parser.parse_args()
    sizes = [20] if args.quick else sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="ita-portal-bench-") as folder:
        rows = [measure(count, Path(folder)) for count in sizes]
    print(table(rows))
    largest = rows[-1]
    print(f"\nlargest: {largest['seconds']:.0f} s (target {TARGET_SECONDS} s), "
          f"{largest['peak_mb']:.0f} MB (target {TARGET_MB} MB)")
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"portal-{stamp}.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
