"""A Python-Markdown extension for reading on a phone: tables that become cards, lines that break between words.

* Every body cell of a table with three or more columns gets ``data-label`` with its column's heading,
  and the table ``data-ita-cards``; on a narrow screen the stylesheet shows each row as a card of
  "heading: value" lines instead of a table wider than the screen. The markup stays a table, so screen
  readers keep its rows and columns.
* In table cells and headings, each word that the browser's dictionary would cut
  (:func:`line_breaks.thai_words`) is wrapped in ``<span class="ita-word">`` (no wrapping inside), so a
  narrow cell or a large title breaks between words.
* Everywhere, a figure stays on one line with its unit, a date with its month and year
  (:func:`line_breaks.keep_together`).

The labels are the headings' text, set as attributes on the element tree, so the serializer escapes
them; content never becomes markup here. Used by name (``ita_site.site.phone_tables``) in MkDocs'
``markdown_extensions``, or by any other Python-Markdown user.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ita_site.content.thai import THAI_CHARACTER
from ita_site.site.line_breaks import keep_together, may_break_inside, thai_words

__all__ = ["PhoneTablesExtension", "makeExtension", "CARD_COLUMNS"]

#: Tables with at least this many columns become cards on a phone; a two-column table already fits.
CARD_COLUMNS = 3

#: Where a line is short for its words: table cells on a phone, and headings in large type.
_NARROW = frozenset(("td", "th", "h1", "h2", "h3", "h4", "h5", "h6"))
#: Elements whose text is not running prose.
_SKIP = frozenset(("code", "pre", "script", "style", "svg", "kbd"))
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_THAI_RUN = re.compile(f"(?:{THAI_CHARACTER.pattern})+")


class _PhoneTables(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            self._label_cells(table)
        for element in [element for element in root.iter() if element.tag in _NARROW]:
            _wrap_words(element)
        _keep_together(root)

    def _label_cells(self, table: ET.Element) -> None:
        head = table.find("thead")
        first_row = head.find("tr") if head is not None else None
        if first_row is None:
            return
        labels = [self._plain_text(th) for th in first_row.findall("th")]
        if len(labels) < CARD_COLUMNS:
            return
        table.set("data-ita-cards", "")
        for body in table.findall("tbody"):
            for row in body.findall("tr"):
                for label, cell in zip(labels, row.findall("td")):
                    if label:
                        cell.set("data-label", label)

    def _plain_text(self, element: ET.Element) -> str:
        """What a heading cell reads as: stashed markup resolved and stripped, entities decoded, one line."""

        def stashed(match: re.Match[str]) -> str:
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(match.group(1))
            raw = blocks[index] if index < len(blocks) else ""
            return raw if isinstance(raw, str) else "".join(raw.itertext())

        text = HTML_PLACEHOLDER_RE.sub(stashed, "".join(element.itertext()))
        return " ".join(_CONTROL.sub("", html.unescape(_TAG.sub("", text))).split())


def _wrap_words(element: ET.Element) -> None:
    """Wrap each Thai word of ``element``'s text that holds a line-break opportunity in a no-wrap span."""
    if element.tag in _SKIP or element.get("class") == "ita-word":
        return
    for child in list(element):
        _wrap_words(child)
    lead, spans = _split(element.text)
    if spans:
        element.text = lead
        for offset, span in enumerate(spans):
            element.insert(offset, span)
    for child in list(element):
        lead, spans = _split(child.tail)
        if spans:
            child.tail = lead
            at = list(element).index(child) + 1
            for offset, span in enumerate(spans):
                element.insert(at + offset, span)


def _split(text: str | None) -> tuple[str | None, list[ET.Element]]:
    """``text`` as leading text plus spans (each with its following text as tail) for words of many pieces.

    Stashed-markup placeholders hold no Thai, so they always fall between words and stay intact.
    """
    if not text or not THAI_CHARACTER.search(text):
        return text, []
    lead = ""
    spans: list[ET.Element] = []
    last = 0
    for run in _THAI_RUN.finditer(text):
        between = text[last:run.start()]
        if spans:
            spans[-1].tail = (spans[-1].tail or "") + between
        else:
            lead += between
        for word in thai_words(run.group()):
            if may_break_inside(word):
                span = ET.Element("span", {"class": "ita-word"})
                span.text = word
                spans.append(span)
            elif spans:
                spans[-1].tail = (spans[-1].tail or "") + word
            else:
                lead += word
        last = run.end()
    if spans:
        spans[-1].tail = (spans[-1].tail or "") + text[last:]
    else:
        lead += text[last:]
    return lead, spans


def _keep_together(element: ET.Element) -> None:
    if element.tag in _SKIP:
        return
    if element.text:
        element.text = keep_together(element.text)
    for child in element:
        _keep_together(child)
        if child.tail:
            child.tail = keep_together(child.tail)


class PhoneTablesExtension(Extension):
    """Registers the tree pass after inline Markdown (links, emphasis) and before the table of contents."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_PhoneTables(md), "ita_phone_tables", 7)


def makeExtension(**kwargs: object) -> PhoneTablesExtension:
    """What Python-Markdown calls when the extension is named by its module path."""
    return PhoneTablesExtension(**kwargs)
