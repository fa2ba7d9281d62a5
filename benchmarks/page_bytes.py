"""Bytes per page as a plan grows: the seed, then its latest plan at 1,000 and 5,000 measures.

    .venv/bin/python benchmarks/page_bytes.py                 # 1,000 and 5,000 measures
    .venv/bin/python benchmarks/page_bytes.py --measures 200  # other sizes

Every size is built with lean copies of the seed's measures (id, number, title, weaknesses, owner,
dates: 5,000 full copies would pass the content file size limit), and up to 1,000 with full copies too.

Each site is built in its own temporary folder with ``mkdocs build``; the table gives the number of
pages, the average and largest page, and the average page as a ratio to the seed's (the same build
of the same theme, so the ratio does not depend on the machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the synthetic-agency generator lives with the tests

from support.synthetic import write_many_measures  # noqa: E402


def _build(project: Path, site: Path) -> tuple[int, float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   check=True, env=env)
    sizes = [p.stat().st_size for p in site.rglob("*.html")]
    return len(sizes), sum(sizes) / len(sizes), max(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--measures", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ita-page-bytes-") as tmp:
        rows = [("seed", *_build(REPO, Path(tmp) / "seed-site"))]
        for count in args.measures:
            for lean in (False, True):
                if not lean and count > 1000:
                    continue
                name = f"{count:,} {'lean' if lean else 'full'}"
                project = write_many_measures(Path(tmp) / name, REPO, count, lean=lean)
                rows.append((name, *_build(project, Path(tmp) / f"{name}-site")))
    seed_average = rows[0][2]
    print(f"{'site':<16} {'pages':>6} {'avg bytes':>10} {'max bytes':>10} {'avg / seed':>10}")
    for name, pages, average, largest in rows:
        print(f"{name:<16} {pages:>6} {average:>10,.0f} {largest:>10,} {average / seed_average:>10.2f}")


if __name__ == "__main__":
    main()
