"""The MkDocs adapter, driven the way MkDocs drives it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from helpers import REPO, copy_project, run_mkdocs_build
from ita_site.site import site_assets


def _configured() -> object:
    config = load_config(str(REPO / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_serve_watches_the_content_folder() -> None:
    config = _configured()
    assert str((REPO / "content").resolve()) in [str(Path(p).resolve()) for p in config.watch]


def test_site_name_theme_and_search_come_from_the_plugin() -> None:
    config = _configured()
    assert config.site_name == "องค์การบริหารส่วนตำบลโละจูด"
    assert any(Path(d).parts[-2:] == ("site", "theme") for d in config.theme.dirs)
    assert config.theme.dirs.index(str(REPO / "theme_overrides")) < \
        [Path(d).parts[-2:] for d in config.theme.dirs].index(("site", "theme"))
    assert "assets/ita/css/ita.css" in [str(css) for css in config.extra_css]


@pytest.mark.slow
def test_thai_search_marks_the_index_and_patches_the_worker_unless_turned_off(seed_site: Path, tmp_path: Path) -> None:
    def search_files(site: Path) -> tuple[str, str]:
        """The search index's titles and texts (parsed: Material writes Thai as \\u escapes), and the worker."""
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js"))
        return " ".join(doc["title"] + doc["text"] for doc in index["docs"]), worker.read_text(encoding="utf-8")

    index, worker = search_files(seed_site)
    assert "\u200b" in index and site_assets.WORKER_MARKER in worker

    project = copy_project(REPO, tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      content_dir: content\n", "      content_dir: content\n      thai_search: false\n"), encoding="utf-8")
    assert "thai_search: false" in config.read_text(encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    index, worker = search_files(tmp_path / "site")
    assert "\u200b" not in index and site_assets.WORKER_MARKER not in worker


def test_a_separator_that_hides_thai_words_is_warned_about(tmp_path: Path, caplog) -> None:
    project = copy_project(REPO, tmp_path / "project")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "separator: '[\\s\\u200b\\-]+'" in text
    config_file.write_text(text.replace("separator: '[\\s\\u200b\\-]+'", "separator: '[\\s\\-_]+'"), encoding="utf-8")
    config = load_config(str(config_file))
    with caplog.at_level("WARNING", logger="mkdocs.plugins.ita_site.plugin"):
        config.plugins.on_config(config)
    assert [r.getMessage() for r in caplog.records if "U+200B" in r.getMessage()] == [
        "ita: search separator '[\\\\s\\\\-_]+' ไม่แบ่งคำที่ U+200B จึงค้นหาคำภาษาไทยไม่พบ "
        "(ลบ separator ออกจาก mkdocs.yml หรือเพิ่ม \\u200b เข้าไป)"
    ]
