"""Thai word boundaries in the site's search index, marked at build time.

Thai is written without spaces between words, so Material's search (lunr),
which splits text at spaces, sees a whole run of Thai as one word and cannot
find "ทุจริต" inside "การทุจริตและประพฤติมิชอบ". This module puts a zero-width
space (U+200B, a separator of the site's search, see
:data:`ita_site.site.site_assets.SEARCH_SEPARATOR`) between the Thai words of each
document's title and text in ``search/search_index.json``, after Material's
search plugin has written it and before its offline plugin copies it for
file:// pages. The pages themselves are left alone, so copying text from
them, or finding it with the browser's own find, is unchanged.

Figures and codes are indexed in one form, whatever digits the agency shows:
Thai digits become Arabic ones (๒๕๖๖ is indexed as 2566, O๑๔ as O14), and the
search worker turns a reader's digits the same way, so 2566 and ๒๕๖๖ find the
same pages. Each document keeps, in :data:`THAI_DIGITS_FIELD`, where its Thai
digits were; the worker puts them back once the index is built, so results
show the agency's digits, with the matched words highlighted at the same places
(a Thai and an Arabic digit are one character each).

Words come from ICU's dictionary word breaker (through icu4py), the same
segmentation browsers offer as Intl.Segmenter. Doing it here, once per build,
spares every reader's browser the segmentation (and the start-up of its Intl
support) on every page load. The search worker splits typed queries into the
words the index holds (``assets/js/thai-search-worker.js``).

Nothing here imports MkDocs; it works on the built site folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from icu4py.breakers import WordBreaker

from ita_site.content.thai import THAI_CHARACTER, THAI_DIGITS, to_arabic_digits, to_thai_digits
from ita_site.site.site_assets import SEARCH_SEPARATOR

__all__ = [
    "WORD_BREAK",
    "INDEX_PATH",
    "THAI_DIGITS_FIELD",
    "separates_words",
    "thai_word_marker",
    "search_form",
    "mark_search_index",
]

#: What goes between two Thai words: invisible, and a separator of the search.
WORD_BREAK = "\u200b"

#: Where Material's search plugin writes the index, inside the site folder.
INDEX_PATH = "search/search_index.json"

#: The document fields whose text the search indexes.
_FIELDS = ("title", "text")

#: Key of a search document that lists, per field, where its Thai digits were:
#: ``{"text": [start, length, start, length, ...]}`` in UTF-16 code units, as
#: the search worker's JavaScript counts them.
THAI_DIGITS_FIELD = "thai_digits"

#: An HTML tag (Material keeps some markup in a document's text) or the search's
#: separators (whitespace, U+200B, hyphen): the text between two is a token.
_DELIMITER = re.compile(f"(<[^>]*>|{SEARCH_SEPARATOR})")
#: ICU does not break between Latin letters or digits and Thai ("O13ข้อ" and
#: "๒๕๖๖เป็น" are one word to it), so those runs are split apart first. A run of
#: Latin letters and digits of either script is one word, with the points and
#: commas inside it ("99.50", "๙๙.๕๐", "www.x.go.th", "O๑๔"); the brackets and
#: marks around it are split off, so "(E1)" is found as E1.
_ALNUM = f"A-Za-z0-9{THAI_DIGITS}\u00C0-\u024F"
_LATIN_OR_FIGURE = re.compile(f"[{_ALNUM}]+(?:[.,][{_ALNUM}]+)*")
_LATIN_OR_OTHER_RUN = re.compile(f"{_LATIN_OR_FIGURE.pattern}|[^{_ALNUM}]+")
_THAI_DIGIT_RUN = re.compile(f"[{THAI_DIGITS}]+")


def separates_words(separator: str) -> bool:
    """Tell whether a search ``separator`` splits text at :data:`WORD_BREAK`, as Thai search needs.

    A pattern Python cannot read (JavaScript-only syntax) is given the benefit of the doubt.
    """
    try:
        return len(re.split(separator, f"ก{WORD_BREAK}ข")) == 2
    except re.error:
        return True


def thai_word_marker() -> Callable[[str], str]:
    """Return a function that marks the Thai word boundaries of a text with :data:`WORD_BREAK`.

    Markup inside ``<...>`` is left as it is. Marking a marked text again
    changes nothing. The function remembers each token it has split, as a
    site's pages repeat much of their wording.
    """
    words: dict[str, str] = {}

    def token_words(token: str) -> str:
        marked = words.get(token)
        if marked is None:
            pieces: list[str] = []
            for run in _LATIN_OR_OTHER_RUN.findall(token):
                thai_letters = THAI_CHARACTER.search(run) and not _LATIN_OR_FIGURE.fullmatch(run)
                pieces.extend(WordBreaker(run, "th") if thai_letters else (run,))
            marked = words[token] = WORD_BREAK.join(pieces)
        return marked

    def mark(text: str) -> str:
        parts = _DELIMITER.split(text)
        parts[::2] = [token_words(token) for token in parts[::2]]
        return "".join(parts)

    return mark


def search_form(text: str) -> tuple[str, list[int]]:
    """Return ``text`` with Arabic digits for Thai ones, and where the Thai digits were.

    The places are ``[start, length, ...]`` runs in UTF-16 code units, so the
    search worker can show the agency's digits again at exactly those places.
    """
    runs: list[int] = []
    counted, units = 0, 0
    for match in _THAI_DIGIT_RUN.finditer(text):
        units += _utf16_length(text[counted : match.start()])
        runs.extend((units, match.end() - match.start()))
        counted = match.start()
    return to_arabic_digits(text), runs


def _with_thai_digits(text: str, runs: Sequence[int]) -> str:
    """Undo :func:`search_form` (for an index marked before): Thai digits back at their places."""
    if not runs:
        return text
    units = text.encode("utf-16-le")
    for start, length in zip(runs[::2], runs[1::2], strict=True):
        span = units[2 * start : 2 * (start + length)].decode("utf-16-le")
        units = units[: 2 * start] + to_thai_digits(span).encode("utf-16-le") + units[2 * (start + length) :]
    return units.decode("utf-16-le")


def _utf16_length(text: str) -> int:
    """Length of ``text`` as JavaScript counts it (characters beyond the BMP count twice)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def mark_search_index(site_dir: Path) -> Path | None:
    """Mark the Thai word boundaries in the site's search index, in place.

    Thai digits are indexed as Arabic ones, with their places kept in
    :data:`THAI_DIGITS_FIELD` (see :func:`search_form`).

    Returns the index file, or ``None`` when the site has none (search
    disabled). Written compact like Material writes it, but with Thai as
    UTF-8 rather than ``\\u`` escapes, which makes the file readers download
    much smaller. Running it twice gives the same bytes.
    """
    index_file = Path(site_dir) / INDEX_PATH
    if not index_file.is_file():
        return None
    index = json.loads(index_file.read_text(encoding="utf-8"))
    mark = thai_word_marker()
    for doc in index.get("docs", []):
        places = doc.pop(THAI_DIGITS_FIELD, {})
        for field in _FIELDS:
            if isinstance(doc.get(field), str):
                shown = _with_thai_digits(doc[field], places.get(field, ()))
                doc[field], runs = search_form(mark(shown))
                if runs:
                    places[field] = runs
                else:
                    places.pop(field, None)
        if places:
            doc[THAI_DIGITS_FIELD] = places
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return index_file
