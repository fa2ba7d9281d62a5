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
from collections.abc import Callable
from pathlib import Path

from icu4py.breakers import WordBreaker

from ita_site.content.thai import THAI_CHARACTER
from ita_site.site.site_assets import SEARCH_SEPARATOR

__all__ = ["WORD_BREAK", "INDEX_PATH", "separates_words", "thai_word_marker", "mark_search_index"]

#: What goes between two Thai words: invisible, and a separator of the search.
WORD_BREAK = "\u200b"

#: Where Material's search plugin writes the index, inside the site folder.
INDEX_PATH = "search/search_index.json"

#: The document fields whose text the search indexes.
_FIELDS = ("title", "text")

#: An HTML tag (Material keeps some markup in a document's text) or the search's
#: separators (whitespace, U+200B, hyphen): the text between two is a token.
_DELIMITER = re.compile(f"(<[^>]*>|{SEARCH_SEPARATOR})")
#: ICU does not break between Latin letters or digits and Thai ("O13ข้อ" is one
#: word to it), so those runs are split apart first.
_LATIN_OR_OTHER_RUN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+|[^A-Za-z0-9\u00C0-\u024F]+")


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
        if not THAI_CHARACTER.search(token):
            return token
        marked = words.get(token)
        if marked is None:
            pieces: list[str] = []
            for run in _LATIN_OR_OTHER_RUN.findall(token):
                pieces.extend(WordBreaker(run, "th") if THAI_CHARACTER.search(run) else (run,))
            marked = words[token] = WORD_BREAK.join(pieces)
        return marked

    def mark(text: str) -> str:
        parts = _DELIMITER.split(text)
        parts[::2] = [token_words(token) for token in parts[::2]]
        return "".join(parts)

    return mark


def mark_search_index(site_dir: Path) -> Path | None:
    """Mark the Thai word boundaries in the site's search index, in place.

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
        for field in _FIELDS:
            if isinstance(doc.get(field), str):
                doc[field] = mark(doc[field])
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return index_file
