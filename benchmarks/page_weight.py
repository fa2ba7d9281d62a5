"""Page weight of the home page, search index size, and Thai search speed with and without segmentation.

Builds the default site (the repository's mkdocs.yml) and the same site with
the ``ita`` plugin's ``thai_search: false`` (Material's own search index and
worker: no Thai segmentation), serves both over
http://127.0.0.1 and opens them in headless Chromium (Debian's, via
Playwright). Reports:

* the home page's weight: every response body the page receives on a cold
  load (HTML, CSS, JS, fonts, images, and the search index the worker loads),
  in KB as sent by a server that does not compress (Python's), against the
  400 KB target for HTML + CSS + JS + fonts, and as it would be gzip-compressed;
* the search index size (bytes on disk and gzip-compressed);
* milliseconds from navigation start until search is ready, and until the
  first answer to a Thai query typed with key presses as soon as the page has
  loaded, for both builds: as the reader sees them (the result box changes),
  and as the page receives them from the search worker (before it draws the
  results; the segmented build finds more pages to draw); and how long the
  worker took to build its index (from receiving the documents to being
  ready; a probe is put in front of both workers after the page weight is
  measured). Runs take turns (segmented, plain, then plain, segmented, ...)
  and are compared as ratios: of the two medians, and the median of the
  ratios of runs made one after the other (less sensitive to the machine
  getting busier or quieter during the benchmark). ``--control`` also times
  an identical copy of the plain site: its ratio to plain is the noise.

Usage: ``python benchmarks/page_weight.py [--runs 7] [--query ทุจริต] [--control]``.
Writes benchmarks/results/page_weight-<UTC time>.json and prints a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import importlib.util
import json
import shutil
import statistics
import sys
import tempfile
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any

from ita_site.site import site_assets

REPO_ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = REPO_ROOT / "tests" / "browser"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
TARGET_KB = 400

#: Response types that make up the page weight the target speaks of.
WEIGHT_KINDS = ("html", "css", "js", "font")

#: Records, in the page, when search became ready and when the first answer showed
#: (performance.now() counts from navigation start), both as the reader sees them
#: (the result box changes) and as the page receives them from the search worker
#: (its "ready" message, its first answer with results), before the page draws them.
TIMING_SCRIPT = """
(() => {
  const mark = {initial: null, ready: null, answer: null, readyMessage: null, answerMessage: null};
  window.__itaTiming = mark;
  const check = () => {
    const meta = document.querySelector(".md-search-result__meta");
    if (meta && mark.initial === null) mark.initial = meta.textContent;
    /* The "initialising" line gives way once the worker has built the index. */
    if (mark.ready === null && meta && meta.textContent !== mark.initial) mark.ready = performance.now();
    if (mark.answer === null && (document.querySelector(".md-search-result__item")
        || (meta && /ไม่พบ/.test(meta.textContent)))) mark.answer = performance.now();
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
  const NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options);
    worker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === 1 && mark.readyMessage === null) mark.readyMessage = performance.now();
      if (message.type === 3 && mark.answerMessage === null && message.data.items.length) {
        mark.answerMessage = performance.now();
      }
    });
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
"""


#: Timings taken per run, in ms.
TIMED = ("ready_ms", "first_answer_ms", "ready_message_ms", "answer_message_ms", "index_build_ms")

#: How the table names them.
LABELS = {
    "ready_ms": "ready",
    "first_answer_ms": "1st answer",
    "ready_message_ms": "ready msg",
    "answer_message_ms": "answer msg",
    "index_build_ms": "index build",
}

#: Put in front of both search workers: logs how long the worker took from
#: receiving the documents until it was free again, having built its index.
WORKER_PROBE = """\
addEventListener("message", function (event) {
  if (!event.isTrusted || !event.data || event.data.type !== 0) return;
  var received = performance.now();
  setTimeout(function () {
    console.log("ita-bench index-build " + (performance.now() - received));
  }, 0);
});
"""


def _load_module(name: str, path: Path) -> ModuleType:
    """Import a helper module of the browser tests by path (they are not a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sys.path[:0] = [str(BROWSER_TESTS), str(REPO_ROOT / "tests")]
test_helpers = _load_module("helpers", REPO_ROOT / "tests" / "helpers.py")
browser_conftest = _load_module("ita_browser_conftest", BROWSER_TESTS / "conftest.py")
site_fixtures = _load_module("site_fixtures", BROWSER_TESTS / "site_fixtures.py")


def serving(directory: Path) -> AbstractContextManager[str]:
    """Serve ``directory`` on a free port of 127.0.0.1 with the browser tests' handler; yield its URL."""
    return test_helpers.serving(functools.partial(browser_conftest._QuietHandler, directory=str(directory)))


def _kind(url: str, content_type: str) -> str:
    """Classify a response for the weight table."""
    path = url.split("?", 1)[0]
    if path.endswith(".woff2") or content_type.startswith("font/"):
        return "font"
    if "search_index" in path:
        return "search index"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".js"):
        return "js"
    if path.endswith(".html") or path.endswith("/") or content_type == "text/html":
        return "html"
    if content_type.startswith("image/") or path.endswith((".png", ".svg", ".ico")):
        return "image"
    return "other"


def page_weight(browser: Any, url: str) -> dict[str, Any]:
    """Bytes received per kind on a cold load of ``url``, once search is ready and fonts are in."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    try:
        page = context.new_page()
        received: list[tuple[str, str, int, int]] = []

        def on_response(response: Any) -> None:
            body = response.body() if response.ok else b""
            content_type = response.headers.get("content-type", "")
            received.append((response.url, content_type, len(body), len(gzip.compress(body, 6))))

        context.on("response", on_response)
        log = browser_conftest.record_requests(context)
        site_fixtures.open_page(page, url)
        page.wait_for_timeout(300)  # late requests (favicon) land too
        by_kind: dict[str, int] = {}
        gzip_by_kind: dict[str, int] = {}
        for response_url, content_type, size, gzipped in received:
            kind = _kind(response_url, content_type)
            by_kind[kind] = by_kind.get(kind, 0) + size
            gzip_by_kind[kind] = gzip_by_kind.get(kind, 0) + gzipped
        weight = sum(by_kind.get(kind, 0) for kind in WEIGHT_KINDS)
        gzip_weight = sum(gzip_by_kind.get(kind, 0) for kind in WEIGHT_KINDS)
        return {
            "url": url,
            "bytes_by_kind": dict(sorted(by_kind.items())),
            "gzip_bytes_by_kind": dict(sorted(gzip_by_kind.items())),
            "responses": len(received),
            "weight_kb": round(weight / 1024, 1),
            "weight_gzip_kb": round(gzip_weight / 1024, 1),
            "total_kb": round(sum(by_kind.values()) / 1024, 1),
            "fonts": sorted(Path(u).name for u, *_ in received if _kind(u, "") == "font"),
            "external_requests": log.external(),
        }
    finally:
        context.close()


def search_timing(browser: Any, url: str, query: str) -> dict[str, float]:
    """Milliseconds from navigation start to search ready and to the first answer to ``query``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    try:
        context.add_init_script(TIMING_SCRIPT)
        page = context.new_page()
        builds: list[float] = []

        def on_console(message: Any) -> None:
            if message.text.startswith("ita-bench index-build "):
                builds.append(float(message.text.split()[-1]))

        page.on("console", on_console)
        page.goto(url, wait_until="load")
        browser_conftest.type_query(page, query, delay_ms=0)
        page.wait_for_function("Object.values(window.__itaTiming).every(value => value !== null)",
                               timeout=30_000, polling=10)
        timing = page.evaluate("window.__itaTiming")
        results = page.locator(".md-search-result__item").count()
        page.wait_for_timeout(50)  # the worker's console message may trail its answer
        if len(builds) != 1:
            raise RuntimeError(f"expected one index build logged by the worker at {url}, got {builds}")
        return {"ready_ms": timing["ready"], "first_answer_ms": timing["answer"],
                "ready_message_ms": timing["readyMessage"], "answer_message_ms": timing["answerMessage"],
                "index_build_ms": builds[0],
                "results": results}
    finally:
        context.close()


def _plugins_without_thai_search() -> list[Any]:
    """The ``plugins`` setting of the repository's mkdocs.yml, with ``thai_search: false`` for ``ita``."""
    import yaml

    plugins = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    for i, plugin in enumerate(plugins):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "ita":
            options = {} if isinstance(plugin, str) else dict(plugin["ita"] or {})
            plugins[i] = {"ita": {**options, "thai_search": False}}
    return plugins


def _add_probe(site: Path) -> None:
    """Put :data:`WORKER_PROBE` in front of the site's search worker."""
    for worker in site.glob(site_assets.WORKER_GLOB):
        worker.write_text(WORKER_PROBE + worker.read_text(encoding="utf-8"), encoding="utf-8")


def _median(runs: list[dict[str, float]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 1)


def _pair_ratios(timings: dict[str, list[dict[str, float]]], name: str, key: str) -> dict[str, float]:
    """Quartiles of name/plain over the runs made back to back."""
    ratios = [run[key] / plain[key] for run, plain in zip(timings[name], timings["plain"])]
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    return {"q1": round(q1, 3), "median": round(median, 3), "q3": round(q3, 3)}


def run(runs: int, query: str, control: bool = False) -> dict[str, Any]:
    """Build the sites, measure, and return the figures.

    With ``control``, a byte-for-byte copy of the plain site is timed too, as
    "plain again": how far apart two identical sites come out shows the noise.
    """
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp, ExitStack() as stack:
        sites = {
            "segmented": site_fixtures.build_site(Path(tmp) / "segmented"),
            "plain": site_fixtures.build_site(Path(tmp) / "plain", plugins=_plugins_without_thai_search()),
        }
        if control:
            sites["plain again"] = shutil.copytree(sites["plain"], Path(tmp) / "plain-again")
        index_bytes = (sites["segmented"] / "search" / "search_index.json").read_bytes()
        plain_index = (sites["plain"] / "search" / "search_index.json").read_bytes()
        urls = {name: stack.enter_context(serving(site)) for name, site in sites.items()}
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(
            executable_path=str(browser_conftest.CHROMIUM_PATH), args=browser_conftest.CHROMIUM_ARGS
        )
        try:
            weight = page_weight(browser, urls["segmented"] + "index.html")
            for site in sites.values():
                _add_probe(site)
            names = list(sites)
            for name in names:  # one untimed load each, so no build is timed cold first
                search_timing(browser, urls[name] + "index.html", query)
            timings: dict[str, list[dict[str, float]]] = {name: [] for name in names}
            for i in range(runs):
                for name in names[i % len(names):] + names[: i % len(names)]:
                    timings[name].append(search_timing(browser, urls[name] + "index.html", query))
        finally:
            browser.close()
    medians = {
        name: {key: _median(values, key) for key in (*TIMED, "results")}
        for name, values in timings.items()
    }
    others = [name for name in timings if name != "plain"]
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "query": query,
        "runs": runs,
        "home_page": weight,
        "target_kb": TARGET_KB,
        "within_target": weight["weight_kb"] < TARGET_KB,
        "search_index": {"bytes": len(index_bytes), "gzip_bytes": len(gzip.compress(index_bytes, 9))},
        "search_index_plain": {"bytes": len(plain_index), "gzip_bytes": len(gzip.compress(plain_index, 9))},
        "search_timing_runs": timings,
        "search_timing_median": medians,
        "ratio_to_plain": {
            name: {key: round(medians[name][key] / medians["plain"][key], 3) for key in TIMED} for name in others
        },
        "pair_ratio_to_plain": {name: {key: _pair_ratios(timings, name, key) for key in TIMED} for name in others},
    }


def table(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    home = figures["home_page"]
    lines = [
        f"Home page weight (HTML+CSS+JS+fonts): {home['weight_kb']} KB uncompressed "
        f"(target < {figures['target_kb']} KB: {'met' if figures['within_target'] else 'NOT met'}), "
        f"{home['weight_gzip_kb']} KB gzip-compressed",
        f"All responses incl. search index: {home['total_kb']} KB in {home['responses']} responses",
        *(
            f"  {kind:<13} {size / 1024:8.1f} KB  ({home['gzip_bytes_by_kind'][kind] / 1024:.1f} KB gzip)"
            for kind, size in home["bytes_by_kind"].items()
        ),
        f"  fonts loaded: {', '.join(home['fonts'])}",
        f"  external requests: {len(home['external_requests'])}",
        f"Search index: {figures['search_index']['bytes'] / 1024:.1f} KB "
        f"({figures['search_index']['gzip_bytes'] / 1024:.1f} KB gzip); without Thai search "
        f"{figures['search_index_plain']['bytes'] / 1024:.1f} KB "
        f"({figures['search_index_plain']['gzip_bytes'] / 1024:.1f} KB gzip)",
        f"Search {figures['query']!r}, median of {figures['runs']} interleaved runs (ms from navigation start):",
        f"  {'build':<12}" + "".join(f"{LABELS[key]:>12}" for key in TIMED) + f"{'results':>9}",
    ]
    for name, m in figures["search_timing_median"].items():
        lines.append(f"  {name:<12}" + "".join(f"{m[key]:12.0f}" for key in TIMED) + f"{m['results']:9.0f}")
    for name, ratio in figures["ratio_to_plain"].items():
        pairs = figures["pair_ratio_to_plain"][name]
        lines.append(f"  {name}/plain, ratio of medians:  " + ", ".join(f"{LABELS[key]} {ratio[key]}" for key in TIMED))
        lines.append(f"  {name}/plain, back-to-back runs, median (quartiles):")
        lines.extend(f"    {LABELS[key]:<12} {pairs[key]['median']} ({pairs[key]['q1']}-{pairs[key]['q3']})" for key in TIMED)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per build, interleaved (at least 5)")
    parser.add_argument("--query", default="ทุจริต", help="Thai query typed into the search box")
    parser.add_argument("--control", action="store_true",
                        help="also time an identical copy of the plain site, to show the noise")
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    figures = run(args.runs, args.query, args.control)
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = figures["when"].replace(":", "").replace("+0000", "Z")
    out = RESULTS_DIR / f"page_weight-{stamp}.json"
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(figures))
    print(f"written: {out.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
