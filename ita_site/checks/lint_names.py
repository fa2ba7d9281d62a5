"""The agency's own name and web address, as staff mistype them.

The seed document spells its agency five ways (โลหะจุด, ละจุด, โลหะจูด, ละงูต, โละจูด) and prints its
website with an extra letter; both are invisible to a spell checker and obvious to every citizen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from typing import NamedTuple
from urllib.parse import urlsplit

from ita_site.checks.lint_text import content_documents, text_fields, text_finding
from ita_site.content.findings import Finding
from ita_site.content.model import Agency
from ita_site.content.project import Project
from ita_site.content.thai_text import MARKS, SOUND_ALIKE, can_end_word, graphemes, prefix_distances

# Standard abbreviations of local-government types, as agencies write them in their own documents.
_ABBREVIATIONS = {
    "องค์การบริหารส่วนตำบล": "อบต.",
    "องค์การบริหารส่วนจังหวัด": "อบจ.",
    "เทศบาลตำบล": "ทต.",
    "เทศบาลเมือง": "ทม.",
    "เทศบาลนคร": "ทน.",
}
# A place name: Thai letters, with single hyphens or spaces between its parts (ท่าเดื่อ-มืดกา).
_NAME_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:[-–\s][\u0e00-\u0e7f]+)*")
# A misspelling is within this many edits per cluster of the place name, and never more than _MAX_EDITS:
# one wrong letter and two slips (ละงูต for โละจูด), or six slips; a short name takes fewer.
_EDITS_PER_CLUSTER = 0.3
_MAX_EDITS = 1.5
# How many clusters past the length of the place name a misspelling may run (added letters, a doubled key).
_NAME_SLACK = 4
_HOST = re.compile(r"(?i)(?<![a-z0-9@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![a-z0-9-])")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_HOST_SIMILARITY = 0.8
# Keys of agency.yaml that define the name rather than use it.
_NAME_KEYS = frozenset({"name", "short_name", "aliases", "type", "website"})


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class NameVariant(NamedTuple):
    """A misspelt agency name: where it is in the text, and the accepted spelling it was meant to be."""

    start: int
    end: int
    expected: str


class AgencyNames:
    """The official place name, the prefixes written before it, and every accepted spelling.

    Names are compared by grapheme clusters (:mod:`ita_site.content.thai_text`): a missing tone mark,
    a sound-alike letter (ศ/ส/ษ), a key typed twice or a missing hyphen are small edits, so a name a few
    slips away from an accepted spelling is found even where the prefix itself is misspelt (เทสบาล).
    """

    def __init__(self, agency: Agency) -> None:
        self.official = agency.name
        kind = _squash(agency.type)
        name = _squash(agency.name)
        self.place = name[len(kind):] if name.startswith(kind) and len(name) > len(kind) else ""
        prefixes = {kind}
        if kind in _ABBREVIATIONS:
            prefixes.add(_ABBREVIATIONS[kind])
        if agency.short_name and self.place and _squash(agency.short_name).endswith(self.place):
            prefixes.add(_squash(agency.short_name)[: -len(self.place)])
        prefixes.discard("")
        self.prefixes = sorted(prefixes, key=len, reverse=True)
        self.places = {self.place} if self.place else set()
        for alias in [agency.name, *agency.aliases, *([agency.short_name] if agency.short_name else [])]:
            squashed = _squash(alias)
            for prefix in prefixes:
                if squashed.startswith(prefix) and len(squashed) > len(prefix):
                    self.places.add(squashed[len(prefix):])
        self._place_clusters = {place: graphemes(place) for place in self.places}
        # Longest prefix first, so "องค์การบริหารส่วนตำบล" wins over any shorter one it contains.
        alternatives = "|".join(_loose_pattern(p) for p in self.prefixes)
        self.pattern = re.compile(rf"(?:{alternatives})\s*(?=[\u0e00-\u0e7f])") if self.places else None

    def variants(self, text: str) -> Iterator[NameVariant]:
        """Each name in ``text`` that is close to, but not, an accepted spelling."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            run = _NAME_RUN.match(text, match.end())
            if run is None:
                continue
            written_prefix = _squash(match.group(0))
            prefix, prefix_edits = min(((p, prefix_distances(graphemes(written_prefix), graphemes(p))[-1])
                                        for p in self.prefixes), key=lambda scored: scored[1])
            found = self._closest(run.group(0))
            if found is None:
                continue
            length, place, place_edits = found
            if prefix_edits + place_edits > 0:
                yield NameVariant(match.start(), match.end() + length, prefix + place)

    def _closest(self, run: str) -> tuple[int, str, float] | None:
        """(characters, place, edits) of the start of ``run`` closest to an accepted place, or None if none is close.

        Among starts equally close, the longest wins: "ละงูต" is reported whole, not as "ละงู".
        """
        best: tuple[float, int, str] | None = None
        for place, wanted in self._place_clusters.items():
            # A cluster holds at most a letter and two marks, so this many characters hold the clusters needed.
            written = graphemes(run[: len(place) + _NAME_SLACK * 3])[: len(wanted) + _NAME_SLACK]
            distances = prefix_distances(written, wanted)
            for length in range(1, len(written) + 1):
                if not can_end_word(written, length):
                    continue
                candidate = (distances[length], -len("".join(written[:length])), place)
                if distances[length] <= _allowed_edits(wanted) and (best is None or candidate < best):
                    best = candidate
        return None if best is None else (-best[1], best[2], best[0])


def _allowed_edits(place: tuple[str, ...]) -> float:
    """How many edits a place name can take and still be taken for a misspelling of it."""
    return min(_MAX_EDITS, _EDITS_PER_CLUSTER * len(place))


def _loose_pattern(prefix: str) -> str:
    """A pattern for ``prefix`` as staff mistype it: marks left out or swapped, sound-alike letters,
    a space between letters, the dot of an abbreviation left out."""
    parts = []
    for cluster in graphemes(prefix):
        if cluster == ".":
            parts.append(r"\.?")
            continue
        letter = re.escape(cluster[0])
        group = next((g for g in SOUND_ALIKE if cluster[0] in g), None)
        marks = f"[{MARKS}]*" + ("\u0e32?" if "\u0e33" in cluster else "") if len(cluster) > 1 else ""
        parts.append((f"[{group}]" if group else letter) + marks)  # ำ is also typed as ํ + า
    return r"\s?".join(parts)


def check_agency_name(project: Project) -> Iterable[Finding]:
    """Any text that names the agency must spell it as the agency does."""
    names = AgencyNames(project.agency)
    agency_doc = project.doc_of(project.agency)
    for doc in content_documents(project):
        for field in text_fields(doc):
            if doc is agency_doc and field.loc and field.loc[0] in _NAME_KEYS:
                continue
            for start, end, expected in names.variants(field.value):
                yield text_finding("ITA401", field, start, end, found=field.value[start:end], expected=expected,
                                   official=names.official)


def _host_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with a website address, in Thai and English, or None when it is fine."""
    if any(ch.isspace() for ch in url):
        return "มีช่องว่าง", "it contains a space"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return "อ่านที่อยู่ไม่ได้", "it cannot be parsed"
    if parts.scheme not in ("http", "https"):
        return "ต้องขึ้นต้นด้วย https:// หรือ http://", "it must start with https:// or http://"
    if parts.username or parts.password:
        return "มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในที่อยู่", "it contains a user name or password"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "ชื่อโดเมนไม่ถูกต้อง", "the domain name is invalid"
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return "ชื่อโดเมนไม่ถูกต้อง", "the domain name is invalid"
    return None


def _bare(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def check_website(project: Project) -> Iterable[Finding]:
    """The agency's website must be a real address, and text must not cite a near-miss of it."""
    agency = project.agency
    doc = project.doc_of(agency)
    if agency.website is None:
        return
    problem = _host_problem(agency.website)
    if problem is not None:
        yield doc.finding("ITA402", ("website",), url=agency.website, problem_th=problem[0], problem_en=problem[1])
        return
    own = _bare(urlsplit(agency.website).hostname or "")
    for content in content_documents(project):
        for field in text_fields(content):
            if content is doc and field.loc == ("website",):
                continue
            for match in _HOST.finditer(field.value):
                found = _bare(match.group(1))
                if found != own and SequenceMatcher(None, found, own).ratio() >= _HOST_SIMILARITY:
                    expected = match.group(1)[: len(match.group(1)) - len(found)] + own
                    yield text_finding("ITA403", field, match.start(1), match.end(1), found=match.group(1),
                                       expected=expected)
