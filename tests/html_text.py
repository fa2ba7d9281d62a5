"""Read built HTML pages the way a reader sees them: visible text and links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ita_site.content.thai import to_arabic_digits


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append((tag, attributes[name] or ""))
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def squashed(text: str) -> str:
    """Text with Arabic digits and without any whitespace, for comparing wrapped Thai text."""
    return re.sub(r"[\s\u200b]+", "", to_arabic_digits(text))


def page_text(path: Path) -> str:
    """The visible text of a page, squashed."""
    return squashed(" ".join(parse(path).text))


#: What keeps Arabic digits on a Thai-digit page: web and e-mail addresses, and codes and ids (a Latin letter
#: then letters, digits, dots or hyphens: O14, E1, eit-6-1, ITA2566).
_KEPT_AS_TYPED = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")


def arabic_outside_codes(text: str) -> bool:
    """Whether a reader would see an Arabic digit that is not part of a code, an id or an address."""
    return bool(re.search("[0-9]", _KEPT_AS_TYPED.sub("", text)))
