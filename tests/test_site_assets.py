"""Unit tests of ita_site.site.site_assets and the files it ships (no browser needed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from ita_site.site import site_assets
from ita_site.site.site_assets import (
    ASSETS_DIR,
    EXTRA_CSS,
    POLYFILL_PATH,
    SEARCH_LANG,
    SEARCH_SEPARATOR,
    SITE_PREFIX,
    WORKER_MARKER,
    WORKER_PRELUDES,
    asset_files,
    configure,
    patch_search_worker,
)

REPO = Path(__file__).resolve().parent.parent
CSS = ASSETS_DIR / "css" / "ita.css"
FONTS = ASSETS_DIR / "fonts"
THAI_STRINGS = REPO / "ita_site" / "site" / "theme" / "partials" / "languages" / "th.html"

FONT_FILES = [
    "sarabun-latin-400-italic.woff2",
    "sarabun-latin-400-normal.woff2",
    "sarabun-latin-700-normal.woff2",
    "sarabun-thai-400-italic.woff2",
    "sarabun-thai-400-normal.woff2",
    "sarabun-thai-700-normal.woff2",
]


# --- asset_files -------------------------------------------------------------


def test_asset_files_is_sorted_deterministic_and_inside_prefix() -> None:
    first = asset_files()
    assert first == asset_files()
    targets = [target for target, _ in first]
    assert targets == sorted(targets)
    assert len(set(targets)) == len(targets)
    for target, source in first:
        assert target.startswith(SITE_PREFIX + "/")
        assert "\\" not in target
        assert source.is_file()
        assert source.resolve().is_relative_to(ASSETS_DIR)
        assert target == f"{SITE_PREFIX}/{source.relative_to(ASSETS_DIR).as_posix()}"


def test_asset_files_ship_what_pages_reference_and_nothing_rendered_as_a_page() -> None:
    targets = {target for target, _ in asset_files()}
    assert set(EXTRA_CSS) <= targets
    assert POLYFILL_PATH in targets
    assert {f"{SITE_PREFIX}/fonts/{name}" for name in FONT_FILES} <= targets
    assert f"{SITE_PREFIX}/fonts/OFL.txt" in targets
    assert f"{SITE_PREFIX}/js/iframe-worker/LICENSE" in targets
    # Markdown would become a page in MkDocs; the prelude goes into the worker.
    assert not [t for t in targets if t.endswith(".md")]
    assert not {source for _, source in asset_files()} & set(WORKER_PRELUDES)


# --- fonts and licences ------------------------------------------------------


def test_fonts_are_woff2_with_licence() -> None:
    for name in FONT_FILES:
        assert (FONTS / name).read_bytes()[:4] == b"wOF2", name
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Sarabun Project Authors" in licence
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    assert "@fontsource/sarabun" in readme and "5.3.0" in readme


def test_polyfill_is_vendored_with_licence() -> None:
    shim = (ASSETS_DIR / "js" / "iframe-worker" / "shim.js").read_text(encoding="utf-8")
    assert "IFrameWorker" in shim and 'location.protocol==="file:"' in shim
    licence = (ASSETS_DIR / "js" / "iframe-worker" / "LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence
    assert "iframe-worker" in POLYFILL_PATH  # what Material's offline plugin looks for


def test_font_bytes_for_a_thai_page_stay_small() -> None:
    """A Thai page in regular and bold fetches four files; keep them far below the page budget."""
    needed = [f"sarabun-{subset}-{weight}-normal.woff2" for subset in ("thai", "latin") for weight in (400, 700)]
    assert sum((FONTS / name).stat().st_size for name in needed) < 60_000
    assert sum(source.stat().st_size for _, source in asset_files()) < 150_000


# --- stylesheet --------------------------------------------------------------


def _css() -> str:
    return CSS.read_text(encoding="utf-8")


def test_css_urls_are_relative_and_resolve() -> None:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", _css())
    assert urls
    for url in urls:
        assert not re.match(r"^(?:[a-z]+:|/)", url), f"not relative: {url}"
        assert (CSS.parent / url).resolve().is_file(), url
    # Every shipped font is declared.
    assert {Path(u).name for u in urls} == set(FONT_FILES)


def test_every_font_is_a_screen_face_never_swapped_in_late_and_a_print_face_that_is() -> None:
    """Screen faces are "optional" (one that misses the first paint is never swapped in under the reader);
    print faces are "swap" (a page printed before they arrive is printed in them once they are there)."""
    faces = re.findall(r"@font-face\s*{([^}]*)}", _css())
    families = {"Sarabun": "optional", "Sarabun Print": "swap"}
    assert len(faces) == len(families) * len(FONT_FILES)
    for family, display in families.items():
        declared = [face for face in faces if f'font-family: "{family}";' in face]
        assert sorted(re.search(r'url\("\.\./fonts/([^"]+)"\)', face)[1] for face in declared) == sorted(FONT_FILES)
        for face in declared:
            assert f"font-display: {display};" in face
            assert "U+0E01-0E5B" in face if "-thai-" in face else "U+0000-00FF" in face


def test_css_sets_text_font_and_required_classes() -> None:
    css = _css()
    assert re.search(r'--md-text-font:\s*"Sarabun"', css)
    for selector in (
        ".ita-score",
        ".ita-level",
        ".ita-badge",
        ".ita-note",
        ".ita-chart",
        ":focus-visible",
        "@page",
        "size: A4",
        'a[href^="http"]::after',
        'content: " (" attr(href) ")"',
        "break-inside: avoid",
    ):
        assert selector in css, selector


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(fg: str, bg: str) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme_prefix", ["", '[data-md-color-scheme="slate"] '])
def test_status_badges_meet_wcag_aa(scheme_prefix: str) -> None:
    css = _css()
    statuses = ["not_started", "in_progress", "done", "delayed", "cancelled", "overdue", "due_soon"]
    for status in statuses:
        pattern = (
            re.escape(f"{scheme_prefix}.md-typeset .ita-status--{status}")
            + r"\s*{\s*color:\s*(#[0-9a-f]{6});\s*background-color:\s*(#[0-9a-f]{6});"
        )
        found = re.search(("^" if not scheme_prefix else "") + pattern, css, re.MULTILINE)
        assert found, f"{scheme_prefix}{status}"
        fg, bg = found.groups()
        assert _contrast(fg, bg) >= 4.5, (status, fg, bg, _contrast(fg, bg))


def test_theme_colour_overrides_meet_wcag_aa_on_white() -> None:
    css = _css()
    accent = re.search(r"--md-accent-fg-color:\s*(#[0-9a-f]{6});", css).group(1)
    assert _contrast(accent, "#ffffff") >= 4.5


# --- search worker patch -----------------------------------------------------

# Stands in for Material's worker: records what it receives and answers queries;
# a query with a required term (+) finds nothing, any other finds one page.
FAKE_WORKER = (
    '"use strict";(()=>{self.received=[];addEventListener("message",t=>{self.received.push(t.data);'
    'if(typeof t.data.data==="string")'
    'postMessage({type:3,data:{items:/\uFDD0/.test(t.data.data)?[]:[[{location:"a.html",terms:{"2566":true}}]]}})'
    "});})();\n"
    "//# sourceMappingURL=search.0123abcd.min.js.map\n"
)
FAKE_MAP = '{"version":3,"sources":["a.ts"],"mappings":"AAAA,CAAC;AACD"}'


def _fake_site(root: Path) -> Path:
    workers = root / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.0123abcd.min.js").write_text(FAKE_WORKER, encoding="utf-8")
    (workers / "search.0123abcd.min.js.map").write_text(FAKE_MAP, encoding="utf-8")
    return root


def test_patch_prepends_prelude_once(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    worker = patch_search_worker(site)
    assert worker == site / "assets/javascripts/workers/search.0123abcd.min.js"
    patched = worker.read_bytes()
    prelude = site_assets.prelude_bytes()
    assert patched.startswith(prelude)
    assert patched.endswith(FAKE_WORKER.encode())
    assert patched.count(WORKER_MARKER.encode()) == 1
    map_file = worker.with_name(worker.name + ".map")
    first_map = map_file.read_bytes()
    lines = prelude.count(b"\n")
    assert json.loads(first_map)["mappings"] == ";" * lines + "AAAA,CAAC;AACD"

    assert patch_search_worker(site) == worker
    assert worker.read_bytes() == patched
    assert map_file.read_bytes() == first_map


def test_patch_gives_same_bytes_on_every_build(tmp_path: Path) -> None:
    one = patch_search_worker(_fake_site(tmp_path / "one"))
    two = patch_search_worker(_fake_site(tmp_path / "two"))
    assert one is not None and two is not None
    assert one.read_bytes() == two.read_bytes()


def test_patch_without_worker_returns_none(tmp_path: Path) -> None:
    assert patch_search_worker(tmp_path) is None


def test_worker_gets_the_preludes_without_their_comments() -> None:
    prelude = site_assets.prelude_bytes().decode("utf-8")
    titles = [line for line in prelude.splitlines() if "/*" in line]
    assert titles == [path.read_text(encoding="utf-8").splitlines()[1] for path in WORKER_PRELUDES]
    assert "*/" not in prelude.replace(titles[0], "").replace(titles[1], "")
    assert prelude.count('"use strict";') == len(WORKER_PRELUDES)
    assert len(prelude) < sum(len(path.read_text(encoding="utf-8")) for path in WORKER_PRELUDES) * 0.8


def test_preludes_keep_strict_mode_and_marker_at_top() -> None:
    for path in WORKER_PRELUDES:
        assert path.read_text(encoding="utf-8").startswith('"use strict";\n/* ita-site: ')
    assert WORKER_MARKER in WORKER_PRELUDES[0].read_text(encoding="utf-8")[:300]


NODE = shutil.which("node")

NODE_HARNESS = textwrap.dedent(
    """
    const fs = require("fs");
    const scope = new EventTarget();
    const answers = [];
    globalThis.self = globalThis;
    globalThis.addEventListener = scope.addEventListener.bind(scope);
    globalThis.dispatchEvent = scope.dispatchEvent.bind(scope);
    globalThis.postMessage = message => answers.push(message);
    /* What Material's worker exposes: lunr with its English stop-word filter and index builder. */
    const english = token => (String(token) === "the" ? undefined : token);
    english.label = "stopWordFilter";
    function Builder() {}
    Builder.prototype.build = function () { return { invertedIndex: this.terms }; };
    globalThis.lunr = { version: "test", stopWordFilter: english, Builder };
    new Function(fs.readFileSync(process.argv[2], "utf8"))();
    const send = data => scope.dispatchEvent(new MessageEvent("message", { data }));
    /* The index as the build writes it: Arabic digits, and where the page shows Thai ones. */
    const docs = [{ location: "a.html", title: "ปี 2566", text: "<p>O14 2566</p>",
                    thai_digits: { title: [3, 4], text: [7, 4] } }];
    send({ type: 0, data: { config: { pipeline: ["stopWordFilter"] }, docs } });
    /* Material builds the index: these are its terms. */
    const builder = new lunr.Builder();
    builder.terms = Object.fromEntries(
      ["ช่องทาง", "ร้องเรียน", "ทุจริต", "ประเมิน", "คุณธรรม", "คุณภาพ", "oit", "2566"].map(t => [t, {}]));
    const built = builder.build();
    const filter = lunr.stopWordFilter;
    for (const query of ["ร้องเรียนการทุจริต OIT", "OIT", "การ", "ทุจริตออนไลน์", "ประเมินคุณธ",
                         "คุณธรรม -ทุจริตร้องเรียน", "O๑๔ ๒๕๖๖", "พ", "คุณธรรม 2566 "])
      send({ type: 2, data: query });
    console.log(JSON.stringify({
      received: self.received, answers, docs,
      built: built === undefined ? null : Object.keys(built.invertedIndex).length,
      kept: ["การ", "ของ", "ทุจริต", "(", "–", "the", "OIT", "๙๙.๕๐"].filter(t => filter(t) !== undefined),
      label: filter.label,
    }));
    """
)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_prelude_splits_thai_queries_into_index_words(tmp_path: Path) -> None:
    """Run the patched fake worker in node with a minimal worker global scope."""
    worker = patch_search_worker(_fake_site(tmp_path / "site"))
    harness = tmp_path / "harness.js"
    harness.write_text(NODE_HARNESS, encoding="utf-8")
    out = subprocess.run([NODE, str(harness), str(worker)], capture_output=True, text=True, check=True, timeout=60)
    result = json.loads(out.stdout)

    # lunr's index is still what lunr built; its stop-word filter also drops
    # Thai stop words and bare punctuation.
    assert result["built"] == 8
    assert result["kept"] == ["ทุจริต", "OIT", "๙๙.๕๐"]
    assert result["label"] == "stopWordFilter"

    # Once the index is built, the documents show the agency's Thai digits again.
    assert result["docs"] == [{"location": "a.html", "title": "ปี ๒๕๖๖", "text": "<p>O14 ๒๕๖๖</p>"}]

    # Every word is required, digits are Arabic, and a query that cannot match
    # becomes one lunr answers with nothing.
    nothing = "+\ufdd0*"
    setup, *queries = result["received"]
    assert setup["type"] == 0 and setup["data"]["docs"] == result["docs"]
    assert [q["data"] for q in queries] == [
        # the stop word การ is dropped; the last word may be unfinished
        "+ร้องเรียน +ทุจริต +oit*",
        "+oit*",
        # a stop word alone tells no page apart
        nothing,
        # letters that start no word of the index: a word on no page
        nothing,
        # the end of the run may be a word still being typed
        "+ประเมิน +คุณธ*",
        # a minus excludes every word of its run
        "+คุณธรรม -ทุจริต -ร้องเรียน",
        # Thai digits are read as Arabic ones, in codes too
        "+o14 +2566*",
        # a single letter tells no page apart
        nothing,
        # a space after the last word: it is finished
        "+คุณธรรม +2566",
    ]
    # One answer per query; a figure the page shows in Thai digits is highlighted in them too.
    found = [[{"location": "a.html", "terms": {"2566": True, "๒๕๖๖": True}}]]
    assert [answer["data"]["items"] for answer in result["answers"]] == [
        found, found, [], [], found, found, found, [], found]


# --- configure -----------------------------------------------------------------


def _plain_config(**search: object) -> dict:
    return {
        "extra_css": [],
        "extra": {},
        "plugins": {
            "material/search": {"enabled": True, "separator": None, "lang": None, **search},
            "material/offline": {"enabled": True},
        },
    }


def test_configure_sets_css_polyfill_separator_and_lang() -> None:
    config = _plain_config()
    configure(config)
    assert config["extra_css"] == EXTRA_CSS
    assert config["extra"]["polyfills"] == [POLYFILL_PATH]
    assert config["plugins"]["material/search"]["separator"] == SEARCH_SEPARATOR
    assert config["plugins"]["material/search"]["lang"] == SEARCH_LANG
    configure(config)  # idempotent
    assert config["extra_css"] == EXTRA_CSS
    assert config["extra"]["polyfills"] == [POLYFILL_PATH]


def test_configure_creates_missing_keys() -> None:
    config: dict = {"plugins": {"offline": {}}}
    configure(config)
    assert config == {"plugins": {"offline": {}}, "extra_css": EXTRA_CSS, "extra": {"polyfills": [POLYFILL_PATH]}}


def test_configure_keeps_user_choices() -> None:
    config = _plain_config(separator=r"[\s]+", lang=["th"])
    config["extra_css"] = ["custom.css"]
    config["extra"] = {"polyfills": ["vendor/other.js", "https://unpkg.com/iframe-worker/shim"]}
    configure(config)
    assert config["extra_css"] == ["custom.css", *EXTRA_CSS]
    assert config["extra"]["polyfills"] == ["vendor/other.js", POLYFILL_PATH]
    assert config["plugins"]["material/search"]["separator"] == r"[\s]+"
    assert config["plugins"]["material/search"]["lang"] == ["th"]


def test_configure_replaces_material_default_separator() -> None:
    config = _plain_config(separator=site_assets.MATERIAL_DEFAULT_SEPARATOR)
    configure(config)
    assert config["plugins"]["material/search"]["separator"] == SEARCH_SEPARATOR


def test_configure_keeps_a_local_polyfill_the_user_chose() -> None:
    config = _plain_config()
    config["extra"] = {"polyfills": ["js/iframe-worker.js"]}
    configure(config)
    assert config["extra"]["polyfills"] == ["js/iframe-worker.js"]


def test_configure_without_offline_or_search_touches_only_css() -> None:
    config = {
        "extra_css": [],
        "extra": {},
        "plugins": {"search": {"enabled": False, "separator": None}, "offline": {"enabled": False}},
    }
    configure(config)
    assert config == {
        "extra_css": EXTRA_CSS,
        "extra": {},
        "plugins": {"search": {"enabled": False, "separator": None}, "offline": {"enabled": False}},
    }


def _mkdocs_config(tmp_path: Path):
    load_config = pytest.importorskip("mkdocs.config").load_config
    pytest.importorskip("material")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# หน้าแรก\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: {name: material, language: th, font: false}\nplugins: [search, offline]\n",
        encoding="utf-8",
    )
    return load_config(config_file=str(tmp_path / "mkdocs.yml"))


def test_configure_on_a_real_mkdocs_config_before_material(tmp_path: Path) -> None:
    config = _mkdocs_config(tmp_path)
    configure(config)
    for name in ("material/search", "material/offline"):
        config["plugins"][name].on_config(config)
    assert EXTRA_CSS[0] in config["extra_css"]
    assert config["extra"]["polyfills"] == [POLYFILL_PATH]  # no CDN URL added
    search = config["plugins"]["material/search"]
    assert search.config["separator"] == SEARCH_SEPARATOR
    assert search.config["lang"] == SEARCH_LANG
    assert search.search_index.config["separator"] == SEARCH_SEPARATOR


def test_configure_on_a_real_mkdocs_config_after_material(tmp_path: Path) -> None:
    config = _mkdocs_config(tmp_path)
    for name in ("material/search", "material/offline"):
        config["plugins"][name].on_config(config)
    assert any("unpkg" in str(p) for p in config["extra"]["polyfills"])
    configure(config)
    assert config["extra"]["polyfills"] == [POLYFILL_PATH]
    search = config["plugins"]["material/search"]
    assert search.config["separator"] == SEARCH_SEPARATOR
    assert search.search_index.config["separator"] == SEARCH_SEPARATOR


# --- Thai interface strings ----------------------------------------------------


def _strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"), re.MULTILINE))


def test_thai_strings_fix_known_errors_and_cover_material_keys() -> None:
    material = pytest.importorskip("material")
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    ours = _strings(THAI_STRINGS)
    assert ours["source.file.date.updated"] == "ปรับปรุงล่าสุด"
    assert ours["source.file.date.updated"] != ours["source.file.date.created"]
    assert ours["blog.categories.in"] == "ใน"
    assert ours["language"] == "th"
    assert set(_strings(languages / "th.html")) <= set(ours)
    assert set(_strings(languages / "en.html")) - {"direction", "search.config.pipeline"} <= set(ours)


def test_thai_strings_render_with_material_language_template() -> None:
    jinja2 = pytest.importorskip("jinja2")
    material = pytest.importorskip("material")
    loader = jinja2.FileSystemLoader([str(REPO / "ita_site" / "site" / "theme"), str(Path(material.__file__).parent / "templates")])
    env = jinja2.Environment(loader=loader)
    template = env.from_string(
        '{% import "partials/language.html" as lang with context %}'
        '{{ lang.t("source.file.date.updated") }}|{{ lang.t("search.config.separator") }}'
        '|{{ lang.t("search.config.lang") }}|{{ lang.t("direction") }}'
    )
    rendered = template.render(config={"theme": {"language": "th"}})
    assert rendered == f"ปรับปรุงล่าสุด|{SEARCH_SEPARATOR}|{SEARCH_LANG[0]}|ltr"


def test_material_script_and_the_scripts_after_it_are_deferred_in_order() -> None:
    page = ('<head><script src="polyfill.js"></script></head><body><script src="a.js" defer></script>'
            '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script><script src="extra.js"></script>'
            '<script src="m.js" type="module"></script><script async src="z.js"></script></body>')
    assert site_assets.with_deferred_scripts(page) == (
        '<head><script src="polyfill.js"></script></head><body><script src="a.js" defer></script>'
        '<script defer src="assets/javascripts/bundle.a5f9d56c.min.js"></script><script defer src="extra.js"></script>'
        '<script src="m.js" type="module"></script><script async src="z.js"></script></body>')
    assert site_assets.with_deferred_scripts("<body><script src=other.js></script></body>") == (
        "<body><script src=other.js></script></body>")  # no Material script: nothing to do
