"""Lighthouse scores of the seed site against stock Material showing the same Markdown.

Builds the default site (the repository's mkdocs.yml, with the ``ita`` plugin and its theme, stylesheet
and scripts), and a second site from exactly the Markdown pages and navigation the plugin generates,
written to a plain docs folder and built with a plain ``theme: material`` configuration (no ita plugin,
no theme overrides, CSS or JS; ``font: false`` because the build machine has no network, so stock
Material's Google Fonts request could only fail). Serves both on 127.0.0.1 and runs Lighthouse
(npm ``lighthouse``, installed by ``npm ci --prefix benchmarks/lighthouse``) with Debian's chromium,
mobile preset (its default), on the home page, an indicator page and a measure page. Runs take turns
(ours, stock, then stock, ours, ...) and each score is the median of its runs.

Usage: ``python benchmarks/lighthouse.py [--runs 3]``. Writes
benchmarks/results/lighthouse-<UTC time>.json and prints the table: accessibility, SEO, best
practices and performance per page, ours against stock, with the audits that cost points.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT / "tests" / "browser"), str(REPO_ROOT / "tests")]

from conftest import CHROMIUM_PATH, _QuietHandler  # noqa: E402  (the browser tests' Chromium and file handler)
from ita_site.content.facts import reference_date  # noqa: E402
from ita_site.content.project import load_project  # noqa: E402
from ita_site.site.render import render_site  # noqa: E402
from site_fixtures import PAGE_TYPES, build_site  # noqa: E402
from support.harness import serving  # noqa: E402

RESULTS_DIR = Path(__file__).resolve().parent / "results"
LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "seo", "best-practices", "performance")
PAGES = ("home", "indicator", "measure")
#: The measurements the performance score is made of, as Lighthouse names them.
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")
TARGETS = {"accessibility": "100", "seo": "100", "best-practices": "≥ 95", "performance": "≥ stock"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


def stock_site(destination: Path) -> Path:
    """The generated Markdown, the agency's own pages and the attachments, built with plain Material."""
    with open(REPO_ROOT / "mkdocs.yml", encoding="utf-8") as config_file:
        extensions = _markdown_extensions(config_file.read())
    project = load_project(REPO_ROOT / "content")
    site = render_site(project, reference_date(), open_data=True)  # the Markdown the plugin hands MkDocs
    docs = destination / "docs"
    shutil.copytree(REPO_ROOT / "pages", docs)
    for page in site.pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.markdown, encoding="utf-8")
    for dest, src in project.attachments.items():
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, docs / dest)
    config = {"site_name": project.agency.name, "docs_dir": "docs", "use_directory_urls": False,
              "theme": {"name": "material", "language": "th", "font": False},
              "plugins": ["search"], "markdown_extensions": extensions,
              "nav": [*site.nav, *sorted(p.relative_to(REPO_ROOT / "pages").as_posix()
                                           for p in (REPO_ROOT / "pages").rglob("*.md"))]}
    (destination / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return build_site(destination / "site", destination / "mkdocs.yml")


def _markdown_extensions(config_text: str) -> list[str]:
    """The extensions the repository's mkdocs.yml lists, so both sites read the Markdown alike."""
    lines = config_text.split("markdown_extensions:", 1)[1].splitlines()
    names = []
    for line in lines[1:]:
        if line.startswith("  - "):
            names.append(line[4:].strip().rstrip(":"))
        elif line and not line.startswith(" "):
            break
    return names


def lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run: the four category scores (0-100), the performance metrics (ms; layout shift as a
    fraction) and the audits that cost points."""
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM_PATH)}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env=env, timeout=300, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failing = sorted({f"{name}: {audit_ref['id']}" for name in CATEGORIES if name != "performance"
                      for audit_ref in report["categories"][name]["auditRefs"]
                      if audit_ref["weight"] and (report["audits"][audit_ref["id"]]["score"] or 0) < 1
                      and report["audits"][audit_ref["id"]]["scoreDisplayMode"] == "binary"})
    metrics = {name: report["audits"][name]["numericValue"] for name in METRICS}
    return {"scores": scores, "metrics": metrics, "failing": failing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and site (default 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: npm ci --prefix benchmarks/lighthouse", file=sys.stderr)
        return 2
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {site: {page: [] for page in PAGES} for site in ("ours", "stock")}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as servers:
        folders = {"ours": build_site(Path(tmp) / "ours"), "stock": stock_site(Path(tmp) / "stock")}
        bases = {name: servers.enter_context(serving(_handler(folder))) for name, folder in folders.items()}
        for run in range(args.runs):
            order = ("ours", "stock") if run % 2 == 0 else ("stock", "ours")
            for page in PAGES:
                for site in order:
                    runs[site][page].append(lighthouse(bases[site] + PAGE_TYPES[page]))
                    print(f"run {run + 1}/{args.runs} {page} {site}: {runs[site][page][-1]['scores']}", file=sys.stderr)
    medians = {site: {page: {name: statistics.median(r["scores"][name] for r in page_runs) for name in CATEGORIES}
                      for page, page_runs in by_page.items()} for site, by_page in runs.items()}
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"lighthouse-{stamp}.json"
    out.write_text(json.dumps({"runs": runs, "medians": medians}, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(medians, runs, args.runs))
    print(f"\nwritten: {out.relative_to(REPO_ROOT)}")
    return 0


def _handler(folder: Path) -> Any:
    """The browser tests' quiet static file handler, serving ``folder``."""
    return functools.partial(_QuietHandler, directory=str(folder))


def table(medians: dict[str, dict[str, dict[str, float]]], runs: dict[str, dict[str, list[dict[str, Any]]]],
          count: int) -> str:
    """The medians side by side, the targets, and each audit that failed in any run."""
    head = f"Lighthouse 12 (mobile preset), median of {count} runs; ours / stock Material on the same Markdown"
    lines = [head, "", f"| page | {' | '.join(CATEGORIES)} |", "| :-- |" + " --: |" * len(CATEGORIES)]
    for page in PAGES:
        cells = [f"{medians['ours'][page][name]:g} / {medians['stock'][page][name]:g}" for name in CATEGORIES]
        lines.append(f"| {page} | {' | '.join(cells)} |")
    lines.append(f"| target (ours) | {' | '.join(TARGETS[name] for name in CATEGORIES)} |")
    lines += ["", "performance metrics, medians, ours / stock (ms; CLS unitless)", "",
              "| page | FCP | LCP | TBT | CLS | SI |", "| :-- |" + " --: |" * len(METRICS)]
    for page in PAGES:
        cells = [" / ".join(_metric(name, statistics.median(r["metrics"][name] for r in runs[site][page]))
                            for site in ("ours", "stock")) for name in METRICS]
        lines.append(f"| {page} | {' | '.join(cells)} |")
    for site in ("ours", "stock"):
        failing = sorted({audit for page_runs in runs[site].values() for r in page_runs for audit in r["failing"]})
        lines.append(f"\nfailed audits, {site}: {', '.join(failing) or 'none'}")
    return "\n".join(lines)


def _metric(name: str, value: float) -> str:
    return f"{value:.3f}" if name == "cumulative-layout-shift" else f"{value:.0f}"


if __name__ == "__main__":
    raise SystemExit(main())
