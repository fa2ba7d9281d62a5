"""Thai search on the seed site: every query finds its page in the top three, over http:// and file://.

Queries are typed with key presses into one loaded page (Material searches on
keyup). The recall per mode is written to test-artifacts/search-recall-<mode>.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_queries import QUERIES, TOP
from site_fixtures import ARTIFACTS_DIR, MODES, PAGE_TYPES, base_url, search_results, seed_site  # noqa: F401

pytestmark = pytest.mark.browser


def test_queries_point_at_generated_pages(seed_site: Path) -> None:
    """Every expected page exists, so a renamed page fails here and not as a search miss."""
    missing = sorted({q.expected for q in QUERIES if not (seed_site / q.expected).is_file()})
    assert not missing
    assert len(QUERIES) >= 30
    assert len({q.text for q in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("mode", MODES)
def test_thai_queries_find_their_page(
    mode: str, seed_site: Path, serve, page, page_requests, type_query, clear_query
) -> None:
    """Each query lists its expected page among the first results; nothing leaves the machine."""
    base = base_url(mode, seed_site, serve)
    page.goto(base + PAGE_TYPES["home"])
    rows = []
    for query in QUERIES:
        results = search_results(page, base, query.text, type_query, clear_query)
        rows.append(
            {
                "query": query.text,
                "kind": query.kind,
                "expected": query.expected,
                "found": query.expected in results[:TOP],
                "rank": results.index(query.expected) + 1 if query.expected in results else None,
                "top": results[:TOP],
            }
        )
    found = sum(row["found"] for row in rows)
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"search-recall-{mode}.json").write_text(
        json.dumps({"mode": mode, "found": found, "total": len(rows), "top": TOP, "queries": rows},
                   ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    misses = [f"{r['query']} ({r['kind']}): expected {r['expected']}, got {r['top']}" for r in rows if not r["found"]]
    assert not misses, f"recall {found}/{len(rows)} over {mode}:\n" + "\n".join(misses)
    assert page_requests.external() == []
