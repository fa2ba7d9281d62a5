"""The MkDocs adapter, driven the way MkDocs drives it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from helpers import REPO


def _configured() -> object:
    config = load_config(str(REPO / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_serve_watches_the_content_folder() -> None:
    config = _configured()
    assert str((REPO / "content").resolve()) in [str(Path(p).resolve()) for p in config.watch]


def test_site_name_theme_and_search_come_from_the_plugin() -> None:
    config = _configured()
    assert config.site_name == "องค์การบริหารส่วนตำบลโละจูด"
    assert any(Path(d).parts[-2:] == ("ita_site", "theme") for d in config.theme.dirs)
    assert config.theme.dirs.index(str(REPO / "theme_overrides")) < \
        [Path(d).parts[-2:] for d in config.theme.dirs].index(("ita_site", "theme"))
    assert "assets/ita/css/ita.css" in [str(css) for css in config.extra_css]
