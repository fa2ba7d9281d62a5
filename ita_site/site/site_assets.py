"""Browser assets of the site: font, stylesheet, file:// worker shim, Thai search.

Everything a page needs in the browser ships inside the package (no CDN), so a
built site works offline, from a subpath and from ``file://``. The MkDocs plugin
uses this module in four places:

* ``on_config``: :func:`configure` adds the stylesheet, the local polyfill and
  the search separator to the configuration;
* ``on_files`` / ``on_post_build``: :func:`asset_files` lists what to copy into
  the site, under :data:`SITE_PREFIX`;
* ``on_post_page`` / ``on_post_template``: what a page needs before its first
  paint: the stylesheet written in (:func:`with_inline_stylesheet`), the font
  loader (:func:`with_font_loader`), Material's script deferred
  (:func:`with_deferred_scripts`) and the shim only on file://
  (:func:`shim_only_on_file`);
* ``on_post_build``: :func:`patch_search_worker` adds Thai queries and stop
  words, and a faster build of the search index, to Material's search worker
  (the index's Thai word boundaries are marked by :mod:`ita_site.site.search_words`).

Nothing here imports MkDocs, so it is testable on plain mappings.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import rcssmin

__all__ = [
    "ASSETS_DIR",
    "SITE_PREFIX",
    "EXTRA_CSS",
    "POLYFILL_PATH",
    "SEARCH_SEPARATOR",
    "MATERIAL_DEFAULT_SEPARATOR",
    "SEARCH_LANG",
    "WORKER_PRELUDES",
    "prelude_bytes",
    "WORKER_MARKER",
    "WORKER_GLOB",
    "asset_files",
    "WEB_FONTS",
    "WEB_FONT_CLASS",
    "STYLESHEET",
    "with_font_loader",
    "with_deferred_scripts",
    "with_inline_stylesheet",
    "patch_search_worker",
    "configure",
    "search_separator",
]

#: Source folder of the shipped assets.
ASSETS_DIR: Path = Path(__file__).resolve().parent / "assets"
#: Theme partials (footer, Thai strings, navigation) the plugin puts after the agency's custom_dir.
THEME_DIR: Path = Path(__file__).resolve().parent / "theme"

#: Folder inside the built site where the assets land.
SITE_PREFIX = "assets/ita"

#: Stylesheets to add to ``extra_css`` (site-relative, so they work from a subpath).
EXTRA_CSS: list[str] = [f"{SITE_PREFIX}/css/ita.css"]

#: Site-relative path of the vendored ``iframe-worker`` shim. It contains
#: "iframe-worker", which stops Material's offline plugin from adding its CDN URL.
POLYFILL_PATH: str = f"{SITE_PREFIX}/js/iframe-worker/shim.js"

#: Search separator: whitespace, hyphen and U+200B, the zero-width space Thai
#: writers put between words as a line-break hint, and the one
#: :mod:`ita_site.site.search_words` puts between the Thai words of the search index.
SEARCH_SEPARATOR = r"[\s\u200b\-]+"

#: Separator Material's search plugin fills in when none is configured; it
#: cannot split Thai, so it counts as "not set" for :func:`configure`.
MATERIAL_DEFAULT_SEPARATOR = r"[\s\-]+"

#: Search plugin ``lang`` used when none is configured. Material's worker loads
#: lunr language support for each entry; for "th" that includes wordcut.js
#: (about 680 KB, fetched on every page load) whose tokenizer Material replaces
#: with its own, so it adds weight and nothing else. Thai words come from
#: :mod:`ita_site.site.search_words` instead; "en" keeps English stop-word filtering.
SEARCH_LANG: list[str] = ["en"]

#: Scripts prepended, in this order, to Material's search worker: Thai queries
#: and stop words, and faster building of lunr's index.
WORKER_PRELUDES: tuple[Path, ...] = (
    ASSETS_DIR / "js" / "thai-search-worker.js",
    ASSETS_DIR / "js" / "lunr-builder.js",
)

#: Text of the first prelude's marker comment; its presence means "already patched".
WORKER_MARKER = "ita-site: Thai word segmentation for the search worker"

#: Where Material puts its search worker; the hash changes between releases.
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"

# Files under ASSETS_DIR that are not copied into the site: Markdown would be
# rendered as a page by MkDocs, and the prelude is merged into the worker.
_NOT_SHIPPED_SUFFIXES = {".md", ".py", ".pyc"}


#: The faces every page draws its text with: Thai and Latin, regular and bold. A reader's first page over
#: http(s) is drawn without them and fetches them once it has loaded (:func:`with_font_loader`): fetched before
#: the first paint they delayed it by about 0.6 s on Lighthouse's phone network, and swapped in after it they
#: moved the text under the reader (a layout shift of 0.28 on the home page).
WEB_FONTS: tuple[str, ...] = tuple(f"sarabun-{subset}-{weight}-normal.woff2"
                                   for subset in ("thai", "latin") for weight in (400, 700))

#: Class of ``<html>`` that draws the page's text in Sarabun; also the browser-storage key that remembers
#: the fonts have been fetched (so they come from the browser's cache).
WEB_FONT_CLASS = "ita-fonts"

#: The site stylesheet, written into every page (:func:`with_inline_stylesheet`).
STYLESHEET: Path = ASSETS_DIR / "css" / "ita.css"

_SHIM_TAG = re.compile(r'<script src="([^"]*/js/iframe-worker/shim\.js)"></script>')


def shim_only_on_file(page: str) -> str:
    """``page`` with the worker shim's script loaded only on ``file://`` pages, the one place it does anything.

    Over http(s) the shim is a parser-blocking request in ``<head>`` before the first paint (about 100 ms on
    Lighthouse's mobile network) for nothing; on file:// it must still run before the theme's bundle starts the
    search worker, so it is written in while the head is parsed, where it was.
    """
    def loader(match: re.Match[str]) -> str:
        # the address stays written as src='…' (what the hand-over zip follows); "<\/" keeps the HTML parser
        # from reading the inner closing tag as the end of this script
        return ('<script>if(location.protocol==="file:")document.write('
                + json.dumps(f"<script src='{html.escape(match.group(1))}'></script>").replace("</", "<\\/") + ")</script>")
    return _SHIM_TAG.sub(loader, page, count=1)


_THEME_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')
_BLOCKING_SCRIPT = re.compile(r'<script (?![^>]*(?:\basync\b|\bdefer\b|type="module"))(?=[^>]*\bsrc=)')


def with_deferred_scripts(page: str) -> str:
    """``page`` with Material's script, and the scripts after it, run once the page is parsed (``defer``).

    At the end of the body it blocks the first paint until its 114 KB have arrived: on Lighthouse's phone
    network that put the first paint of every page at 2.4 s (1.65 s with ``defer``). The page is drawn, and
    readable, before the theme's script adds search and the other interactive parts. The scripts after it
    (``extra_javascript``, which may use its ``document$``) are deferred too, so they still run after it.
    """
    bundle = _THEME_BUNDLE.search(page)
    if bundle is None:
        return page
    return page[:bundle.start()] + _BLOCKING_SCRIPT.sub("<script defer ", page[bundle.start():])


def with_font_loader(page: str, fonts_url: str | None) -> str:
    """``page`` with a script before its first stylesheet deciding, before the first paint, whether the page
    is drawn in Sarabun.

    Over http(s), once an earlier page has fetched the fonts (remembered in localStorage), it sets
    :data:`WEB_FONT_CLASS` on ``<html>`` and preloads :data:`WEB_FONTS` from ``fonts_url`` (the page's relative
    address of the font folder; ``None`` where it is not known, as on the 404 page). Otherwise the page is
    drawn in the reader's own Thai font. Once it has loaded, every page fetches the faces print uses
    ("Sarabun Print", the same files), which puts them in the browser's cache for the next page, without
    redrawing this one. Not from file://: Chromium refuses font
    preloads there, so a face would arrive after the first paint and move the text; the screen keeps the
    reader's font. A script rather than ``<link rel="preload">`` for the same reason.
    """
    return page.replace('<link rel="stylesheet"', _font_loader(fonts_url) + '<link rel="stylesheet"', 1)


def _font_loader(fonts_url: str | None) -> str:
    urls = json.dumps([f"{fonts_url}/{name}" for name in WEB_FONTS] if fonts_url is not None else [])
    key = json.dumps(WEB_FONT_CLASS)
    sample = json.dumps("\u0e01A")  # a Thai and a Latin letter: both subsets of a weight
    return ('<script>(function(d,k){try{if(location.protocol!=="file:"&&localStorage.getItem(k)){'
            'd.documentElement.classList.add(k);' + urls + '.forEach(function(u){'
            'var l=d.createElement("link");l.rel="preload";l.as="font";l.type="font/woff2";l.crossOrigin="anonymous";'
            'l.href=u;d.head.appendChild(l)})}}catch(e){}'
            'addEventListener("load",function(){if(d.fonts)Promise.all(["400","700"].map(function(w){'
            'return d.fonts.load(w+\' 1em "Sarabun Print"\',' + sample + ')})).then(function(f){'
            'if(f[0].length&&f[1].length)try{localStorage.setItem(k,"1")}catch(e){}},function(){})})'
            '})(document,' + key + ')</script>')


_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(EXTRA_CSS[0]) + '">')


@functools.cache
def _minified_stylesheet() -> str:
    return rcssmin.cssmin(STYLESHEET.read_text(encoding="utf-8"))


def with_inline_stylesheet(page: str, fonts_url: str) -> str:
    """``page`` with its link to the site stylesheet replaced by the stylesheet itself, minified, its font
    addresses made relative to the page (``fonts_url``, the page's address of the font folder).

    Written in, it costs the page about 14 KB (4 KB compressed) and saves a render-blocking request, which
    Lighthouse's phone network put at 0.2 s before the first paint.
    """
    css = _minified_stylesheet().replace('url("../fonts/', f'url("{fonts_url}/')
    return _STYLESHEET_LINK.sub(lambda _: f"<style>{css}</style>", page, count=1)


def asset_files() -> list[tuple[str, Path]]:
    """List ``(path inside the site, source file)`` for every shipped asset.

    Sorted by site path with POSIX separators, so builds are reproducible.
    Licence files are included because the font and shim licences require them
    to travel with the files.
    """
    result: list[tuple[str, Path]] = []
    for path in ASSETS_DIR.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(ASSETS_DIR)
        if any(part.startswith((".", "__")) for part in relative.parts):
            continue
        if path.suffix in _NOT_SHIPPED_SUFFIXES or path in WORKER_PRELUDES:
            continue
        result.append((f"{SITE_PREFIX}/{relative.as_posix()}", path))
    result.sort(key=lambda item: item[0])
    return result


#: A comment on lines of its own, other than a prelude's "ita-site:" title line.
_COMMENT_LINES = re.compile(r"^[ \t]*/\*(?![ \t]*ita-site:)(?:(?!\*/).)*\*/[ \t]*\n", re.DOTALL | re.MULTILINE)


def prelude_bytes() -> bytes:
    """Return the preludes joined, with LF line endings whatever the checkout did.

    Their explanatory comments stay in the package and are left out of the
    worker every page loads (about 5 KB); each prelude's title line is kept.
    """
    parts = []
    for script in WORKER_PRELUDES:
        text = script.read_text(encoding="utf-8").replace("\r\n", "\n")
        text = _COMMENT_LINES.sub("", text)
        parts.append(text if text.endswith("\n") else text + "\n")
    return "".join(parts).encode("utf-8")


def patch_search_worker(site_dir: Path) -> Path | None:
    """Prepend the preludes (:data:`WORKER_PRELUDES`) to Material's search worker.

    Returns the patched worker, or ``None`` when the site has no search worker
    (search disabled). Idempotent: a worker that already carries
    :data:`WORKER_MARKER` is left alone, so running it twice (or after a
    ``--dirty`` rebuild) gives the same bytes. If the worker's source map sits
    beside it, its line mappings are shifted by the prelude's line count so
    browser developer tools still point at the right source lines. When several
    workers match (stale files in a reused site folder) all are patched and the
    first in sorted order is returned.
    """
    workers = sorted(Path(site_dir).glob(WORKER_GLOB))
    if not workers:
        return None
    prelude = prelude_bytes()
    marker = WORKER_MARKER.encode("utf-8")
    for worker in workers:
        original = worker.read_bytes()
        if marker in original[: len(prelude) + 1024]:
            continue
        worker.write_bytes(prelude + original)
        _shift_source_map(worker.with_name(worker.name + ".map"), prelude.count(b"\n"))
    return workers[0]


def _shift_source_map(map_file: Path, lines: int) -> None:
    """Move every mapping of a source map down by ``lines`` generated lines."""
    if not map_file.is_file() or lines <= 0:
        return
    text = map_file.read_text(encoding="utf-8")
    key = '"mappings":"'
    at = text.find(key)
    if at < 0:
        return
    at += len(key)
    map_file.write_text(text[:at] + ";" * lines + text[at:], encoding="utf-8")


def _plugin(config: MutableMapping[str, Any], name: str) -> Any | None:
    """Find a configured plugin by short name (``search`` or ``material/search``)."""
    plugins = config.get("plugins")
    if not plugins or not hasattr(plugins, "items"):
        return None
    for key, plugin in plugins.items():
        if key == name or str(key).endswith("/" + name):
            return plugin
    return None


def _plugin_options(plugin: Any) -> MutableMapping[str, Any] | None:
    """Return a plugin's options: a plugin instance's ``.config`` or a plain mapping."""
    if plugin is None:
        return None
    options = getattr(plugin, "config", plugin)
    return options if isinstance(options, MutableMapping) or hasattr(options, "__setitem__") else None


def _enabled_options(config: MutableMapping[str, Any], name: str) -> MutableMapping[str, Any] | None:
    """A plugin's options when it is configured and not switched off with ``enabled: false``, else None."""
    options = _plugin_options(_plugin(config, name))
    return options if options is not None and options.get("enabled", True) else None


def configure(config: MutableMapping[str, Any]) -> None:
    """Apply what the shipped assets need to a MkDocs configuration mapping.

    Keys touched, and only these:

    * ``config["extra_css"]``: each of :data:`EXTRA_CSS` is appended if missing
      (created as a list if absent).
    * ``config["extra"]["polyfills"]``, only when the ``offline`` plugin (or
      ``material/offline``) is enabled: remote ``iframe-worker`` URLs are dropped
      and :data:`POLYFILL_PATH` is appended unless a local ``iframe-worker`` entry
      is already there. Other entries are kept in order.
    * The search plugin's (``search`` or ``material/search``) options, only
      when the plugin is enabled:

      - ``separator``, when unset or equal to Material's own default
        :data:`MATERIAL_DEFAULT_SEPARATOR` (which the search plugin fills in
        during its ``on_config``): it becomes :data:`SEARCH_SEPARATOR`. If the
        search plugin has already built its index object (its ``on_config`` ran
        first), that object's copy is updated too.
      - ``lang``, when unset (``None`` or empty): it becomes :data:`SEARCH_LANG`.
        This only works before the search plugin's ``on_config``, which fills in
        the theme language.

    ``config["plugins"]`` may map names to plugin instances (their ``.config``
    is used) or to plain option mappings. Call it from the plugin's
    ``on_config`` with a priority above 0 so it runs before Material's search
    and offline plugins.
    """
    extra_css = config.get("extra_css")
    if extra_css is None:
        extra_css = []
        config["extra_css"] = extra_css
    for css in EXTRA_CSS:
        if css not in [str(item) for item in extra_css]:
            extra_css.append(css)

    if _enabled_options(config, "offline") is not None:
        extra = config.get("extra")
        if extra is None:
            extra = {}
            config["extra"] = extra
        polyfills = [
            item
            for item in list(extra.get("polyfills") or [])
            if not ("iframe-worker" in str(item) and _is_remote(str(item)))
        ]
        if not any("iframe-worker" in str(item) for item in polyfills):
            polyfills.append(POLYFILL_PATH)
        extra["polyfills"] = polyfills

    search = _enabled_options(config, "search")
    if search is None:
        return
    if search.get("separator") in (None, "", MATERIAL_DEFAULT_SEPARATOR):
        search["separator"] = SEARCH_SEPARATOR
        index = getattr(_plugin(config, "search"), "search_index", None)
        index_config = getattr(index, "config", None)
        if isinstance(index_config, MutableMapping):
            index_config["separator"] = SEARCH_SEPARATOR
    if not search.get("lang"):
        search["lang"] = list(SEARCH_LANG)


def search_separator(config: MutableMapping[str, Any]) -> str | None:
    """The enabled search plugin's ``separator``, or ``None`` without search (or none set)."""
    search = _enabled_options(config, "search")
    return (search.get("separator") or None) if search is not None else None


def _is_remote(url: str) -> bool:
    """Tell whether a script URL points off the site (scheme or protocol-relative)."""
    return "://" in url or url.startswith("//")
