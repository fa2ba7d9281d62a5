"""Pages ask for the Sarabun faces of their first screen before their stylesheets, so over http(s) the text is
drawn in Sarabun from the first paint and does not move when the font arrives (Lighthouse measured a layout
shift of 0.28 on the home page before; ``benchmarks/lighthouse.py``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita_site.site.site_assets import PRELOADED_FONTS

pytestmark = pytest.mark.slow

_PRELOAD = re.compile(r'<script>if\(location\.protocol!=="file:"\)\{(\[[^\]]*\])\.forEach')


def test_every_page_preloads_its_fonts_before_the_first_stylesheet(seed_site: Path) -> None:
    pages = [page for page in seed_site.rglob("*.html") if page.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = _PRELOAD.search(html)
        assert found is not None, page
        assert found.start() < html.index('<link rel="stylesheet"'), page
        urls = json.loads(found.group(1))
        assert [Path(url).name for url in urls] == list(PRELOADED_FONTS)
        assert all((page.parent / url).resolve().is_file() for url in urls), page
