"""Benchmarks of ita-site against its performance targets; prints a table and writes JSON.

    .venv/bin/python benchmarks/run.py            # full run (about 7 minutes on 2 idle cores)
    .venv/bin/python benchmarks/run.py --quick    # tiny sizes, one repeat: checks that everything runs

Measured, each against its target:

* overhead ratio: a full build with the ``ita`` plugin vs a bare MkDocs build of the very same
  Markdown pages (written to a plain docs folder, same theme and plugins, no ``ita``); the two are
  interleaved in one process after a warm-up of each, median of ``--repeats`` runs each;
* scaling: synthetic agencies at 1x, 10x and 100x the seed's size, each built in a fresh process
  (warmed up on the seed first): pages, build seconds, seconds per page, peak memory (max RSS);
* ``ita-site check``: loading plus checks in-process (median), split into the two, and one run of
  the command itself, at each size;
* rebuild after one YAML edit, as ``mkdocs serve`` does it (configuration reloaded, then built);
* ``build-many``: several seed-sized agencies with ``--jobs 1`` vs ``--jobs`` = CPU count.

Results go to ``benchmarks/results/<UTC time>.json`` and ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

TARGETS = {
    "overhead_ratio": 1.10,  # at most
    "seconds_per_page_growth": 1.3,  # at most: s/page at the largest size over s/page at 1x
    "check_seconds": 1.0,  # under, at the largest size
    "peak_memory_mb": 500.0,  # under, at the largest size
}


# --- helpers used in the child processes ------------------------------------------------------------

def now() -> float:
    """The benchmark clock: this process's CPU time (default), or wall time with ``--clock wall``.

    CPU time hardly moves when other work shares the machine; wall time is what a person waits.
    """
    return time.perf_counter() if os.environ.get("ITA_BENCH_CLOCK") == "wall" else time.process_time()


def _quiet_mkdocs() -> None:
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)


def _timed_build(config_file: Path, site_dir: Path, serve_url: str | None = None) -> tuple[float, Any]:
    """Load the configuration and build, as ``mkdocs build`` (or one ``mkdocs serve`` rebuild) does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = now()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    build(config, serve_url=serve_url)
    return now() - start, config


def _pages(site_dir: Path) -> int:
    return sum(1 for path in site_dir.rglob("*.html") if path.name != "404.html")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_project(config: Any, source_config: Path, dest: Path) -> Path:
    """The pages an ``ita`` build generated, as a plain MkDocs project with the same theme settings."""
    import yaml

    plugin = config.plugins["ita"]
    docs = dest / "docs"
    docs.mkdir(parents=True)
    for page in plugin.site.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    own_docs = Path(config.docs_dir)
    for path in own_docs.rglob("*"):
        if path.is_file():
            target = docs / path.relative_to(own_docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    raw = yaml.safe_load(source_config.read_text(encoding="utf-8"))
    raw["plugins"] = [p for p in raw.get("plugins", []) if not (p == "ita" or isinstance(p, dict) and "ita" in p)]
    raw["docs_dir"] = "docs"
    raw["site_name"] = config.site_name
    raw["nav"] = config.nav
    raw["extra"] = {"ita": dict(config.extra["ita"])}
    custom = raw.get("theme", {}).get("custom_dir")
    if custom:
        raw["theme"]["custom_dir"] = str((source_config.parent / custom).resolve())
    out = dest / "mkdocs.yml"
    out.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def child_overhead(project: str, repeats: int) -> dict[str, Any]:
    """Interleaved full and bare builds of the same pages in this process, after one warm-up of each."""
    _quiet_mkdocs()
    work = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    full_config = Path(project) / "mkdocs.yml"
    _, config = _timed_build(full_config, work / "site-full")
    bare_config = _bare_project(config, full_config, work / "bare")
    _timed_build(bare_config, work / "site-bare")
    full, bare = [], []
    for _ in range(repeats):
        full.append(_timed_build(full_config, work / "site-full")[0])
        bare.append(_timed_build(bare_config, work / "site-bare")[0])
    pages_full, pages_bare = _pages(work / "site-full"), _pages(work / "site-bare")
    shutil.rmtree(work, ignore_errors=True)
    return {"full_seconds": full, "bare_seconds": bare, "pages_full": pages_full, "pages_bare": pages_bare}


def _time_content_loading() -> list[float]:
    """Record how long each build spends reading the content files (the plugin's load_project)."""
    from ita_site.plugin import plugin

    spent: list[float] = []
    load = plugin.load_project

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = now()
        try:
            return load(*args, **kwargs)
        finally:
            spent.append(now() - start)

    plugin.load_project = timed
    return spent


def child_build(project: str, warm: str, repeats: int) -> dict[str, Any]:
    """Build ``project`` ``repeats`` times in this fresh process, after one warm-up build of ``warm``."""
    _quiet_mkdocs()
    loading = _time_content_loading()
    work = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    _timed_build(Path(warm) / "mkdocs.yml", work / "warm")
    times = [_timed_build(Path(project) / "mkdocs.yml", work / "site")[0] for _ in range(repeats)]
    pages = _pages(work / "site")
    shutil.rmtree(work, ignore_errors=True)
    return {"seconds": times, "pages": pages, "peak_mb": _peak_mb(), "load_seconds": loading[1:]}


def child_rebuild(project: str, repeats: int) -> dict[str, Any]:
    """What a staff member waits for under ``mkdocs serve`` after saving one YAML edit (a weakness title)."""
    _quiet_mkdocs()
    work = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    config_file = Path(project) / "mkdocs.yml"
    _timed_build(config_file, work / "site", serve_url="http://127.0.0.1:8000/")
    target = sorted((Path(project) / "content" / "assessments").glob("*.yaml"))[-1]
    original = target.read_text(encoding="utf-8")
    times = []
    try:
        for i in range(repeats):
            edited = re.sub(r"(?m)^(\s+title: .*)$", rf"\g<1> (แก้ไขครั้งที่ {i + 1})", original, count=1)
            assert edited != original, f"no weakness title to edit in {target}"
            target.write_text(edited, encoding="utf-8")
            times.append(_timed_build(config_file, work / "site", serve_url="http://127.0.0.1:8000/")[0])
    finally:
        target.write_text(original, encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)
    return {"seconds": times}


def _child(mode: str, *args: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter, so memory and caches are its own."""
    result = subprocess.run([sys.executable, __file__, "--child", json.dumps([mode, *args])],
                            capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- measurements run from the parent -------------------------------------------------------------

def make_agencies(work: Path, sizes: list[int]) -> dict[str, Path]:
    """A synthetic agency project per size ("1x", "10x", ...)."""
    from ita_site.content.project import load_project
    from support.synthetic import write_agency

    seed = load_project(REPO / "content", REPO)
    projects = {}
    for size in sizes:
        project = write_agency(work / f"{size}x", REPO, factor=size, seed=seed)
        projects[f"{size}x"] = project
    return projects


def measure_check(project: Path, repeats: int) -> dict[str, Any]:
    """``ita-site check``'s work in this process (load, checks), and one run of the command."""
    from ita_site.checks import run_checks
    from ita_site.content.facts import reference_date
    from ita_site.content.project import load_project

    loads, checks = [], []
    for _ in range(repeats):
        start = now()
        loaded = load_project(project / "content", project)
        middle = now()
        run_checks(loaded, reference_date())
        loads.append(middle - start)
        checks.append(now() - middle)
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "ita_site", "check", str(project)], capture_output=True, text=True,
                         timeout=600)
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    cli_seconds = wall if os.environ.get("ITA_BENCH_CLOCK") == "wall" else cpu
    return {"load_seconds": statistics.median(loads), "checks_seconds": statistics.median(checks),
            "core_seconds": statistics.median(a + b for a, b in zip(loads, checks)),
            "cli_seconds": cli_seconds, "cli_exit": cli.returncode}


def measure_many(work: Path, count: int, jobs: int, repeats: int) -> dict[str, Any]:
    from ita_site.content.project import load_project
    from ita_site.plugin.many import build_many
    from support.synthetic import write_agency

    seed = load_project(REPO / "content", REPO)
    projects = [str(write_agency(work / "many" / f"agency-{i:02d}", REPO, factor=1, index=i, seed=seed))
                for i in range(count)]
    timings: dict[int, list[float]] = {1: [], jobs: []}
    for _ in range(repeats):
        for n in timings:
            start = time.perf_counter()
            results = build_many(projects, jobs=n, out=work / "many-out" / str(n))
            timings[n].append(time.perf_counter() - start)
            if not all(r.ok for r in results):
                raise RuntimeError("\n".join(m for r in results for m in r.messages))
    sequential, parallel = statistics.median(timings[1]), statistics.median(timings[jobs])
    return {"agencies": count, "jobs": jobs, "sequential_seconds": sequential, "parallel_seconds": parallel,
            "speedup": sequential / parallel}


def run(sizes: list[int], repeats: int, many: int) -> dict[str, Any]:
    from ita_site.plugin.many import usable_cpus

    started = dt.datetime.now(dt.UTC)
    report: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"), "clock": os.environ.get("ITA_BENCH_CLOCK", "cpu"),
        "python": sys.version.split()[0], "cpus": os.cpu_count(), "load_average_start": os.getloadavg(),
        "targets": TARGETS, "sizes": sizes, "repeats": repeats,
    }
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp:
        work = Path(tmp)
        projects = make_agencies(work, sizes)
        seed_project = projects[f"{sizes[0]}x"]
        overhead = _child("overhead", str(seed_project), max(repeats, 5))
        overhead["ratio"] = statistics.median(overhead["full_seconds"]) / statistics.median(overhead["bare_seconds"])
        report["overhead"] = overhead
        report["scaling"] = {}
        for name, project in projects.items():
            size = int(name.split("x")[0])
            runs = repeats if size < 100 else 1
            result = _child("build", str(project), str(seed_project), runs)
            result["build_seconds"] = statistics.median(result["seconds"])
            result["seconds_per_page"] = result["build_seconds"] / result["pages"]
            result["content_load_seconds"] = statistics.median(result["load_seconds"])
            result["check"] = measure_check(project, 3 if size < 100 else 1)
            result["rebuild_seconds"] = statistics.median(_child("rebuild", str(project), runs)["seconds"])
            report["scaling"][name] = result
        report["build_many"] = measure_many(work, many, usable_cpus(), 2 if repeats > 1 else 1)
    report["load_average_end"] = os.getloadavg()
    report["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    report["verdicts"] = verdicts(report)
    return report


def verdicts(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target with the measured figure and whether it is met."""
    scaling = report["scaling"]
    sizes = report["sizes"]
    small, large = scaling[f"{sizes[0]}x"], scaling[f"{sizes[-1]}x"]
    growth = large["seconds_per_page"] / small["seconds_per_page"]
    rows = {
        "overhead_ratio": (report["overhead"]["ratio"], report["overhead"]["ratio"] <= TARGETS["overhead_ratio"]),
        "seconds_per_page_growth": (growth, growth <= TARGETS["seconds_per_page_growth"]),
        "check_seconds": (large["check"]["core_seconds"], large["check"]["core_seconds"] < TARGETS["check_seconds"]),
        "peak_memory_mb": (large["peak_mb"], large["peak_mb"] < TARGETS["peak_memory_mb"]),
    }
    return {name: {"measured": round(value, 3), "met": met} for name, (value, met) in rows.items()}


def table(report: dict[str, Any]) -> str:
    """The report as plain-text tables."""
    o = report["overhead"]
    lines = [
        f"ita-site benchmarks  {report['started']}  python {report['python']}  {report['cpus']} CPUs  "
        f"load average {report['load_average_start'][0]:.2f} -> {report['load_average_end'][0]:.2f}  "
        f"clock: {report['clock']} seconds (build-many: wall)",
        "",
        f"Overhead (seed, {len(o['full_seconds'])} interleaved runs each): with ita {statistics.median(o['full_seconds']):.3f} s,"
        f" bare MkDocs {statistics.median(o['bare_seconds']):.3f} s ({o['pages_full']} / {o['pages_bare']} pages),"
        f" ratio {o['ratio']:.3f}",
        "",
        "build s: load_config + build in a warmed-up process; (yaml): of which reading the content files",
        "check s: load_project + run_checks in-process, split into (load, checks); CLI s: `ita-site check` run once",
        "",
        f"{'size':<11}{'pages':>6}{'build s':>9}{'(yaml)':>8}{'s/page':>8}{'peak MB':>9}{'check s':>9}{'(load':>8}"
        f"{'checks)':>9}{'CLI s':>7}{'rebuild s':>11}",
    ]
    for name, r in report["scaling"].items():
        check = r.get("check")
        tail = (f"{check['core_seconds']:>9.3f}{check['load_seconds']:>8.3f}{check['checks_seconds']:>9.3f}"
                f"{check['cli_seconds']:>7.2f}{r['rebuild_seconds']:>11.3f}") if check else ""
        lines.append(f"{name:<11}{r['pages']:>6}{r['build_seconds']:>9.3f}{r['content_load_seconds']:>8.3f}"
                     f"{r['seconds_per_page']:>8.4f}"
                     f"{r['peak_mb']:>9.1f}{tail}")
    m = report["build_many"]
    lines += ["", f"build-many: {m['agencies']} seed-sized agencies, --jobs 1 {m['sequential_seconds']:.2f} s, "
                  f"--jobs {m['jobs']} {m['parallel_seconds']:.2f} s, speed-up {m['speedup']:.2f}x", "",
              f"{'target':<38}{'limit':>8}{'measured':>10}  met"]
    for name, verdict in report["verdicts"].items():
        lines.append(f"{name:<38}{TARGETS[name]:>8}{verdict['measured']:>10}  {'yes' if verdict['met'] else 'NO'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated multiples of the seed (default 1,10,100)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per measurement (at least 5 for the overhead)")
    parser.add_argument("--many", type=int, default=8, help="agencies for the build-many speed-up")
    parser.add_argument("--quick", action="store_true", help="sizes 1,2, one repeat, 2 agencies: a smoke run")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="time builds and checks by CPU time of the measuring process (default; steady on a"
                             " shared machine) or by wall time; build-many is always wall time")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = json.loads(args.child)
        print(json.dumps({"overhead": child_overhead, "build": child_build, "rebuild": child_rebuild}[mode](*rest)))
        return
    os.environ["ITA_BENCH_CLOCK"] = args.clock
    sizes = [1, 2] if args.quick else sorted(int(s) for s in args.sizes.split(","))
    repeats = 1 if args.quick else args.repeats
    report = run(sizes, repeats, 2 if args.quick else args.many)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = report["started"].replace(":", "").replace("-", "").replace("+0000", "Z")
    text = json.dumps(report, indent=2, ensure_ascii=False)
    (RESULTS / f"{stamp}.json").write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    print(table(report))
    print(f"\nJSON: {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    sys.path[:0] = [str(REPO), str(REPO / "tests")]  # the synthetic-agency generator lives with the tests
    main()
