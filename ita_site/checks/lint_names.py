"""The agency's own name and web address, as staff mistype them.

The seed document spells its agency five ways (โลหะจุด, ละจุด, โลหะจูด, ละงูต, โละจูด) and prints its
website with an extra letter; both are invisible to a spell checker and obvious to every citizen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from ita_site.checks.lint_text import content_documents, text_fields, text_finding
from ita_site.content.findings import Finding
from ita_site.content.model import Agency
from ita_site.content.project import Project

# Standard abbreviations of local-government types, as agencies write them in their own documents.
_ABBREVIATIONS = {
    "องค์การบริหารส่วนตำบล": "อบต.",
    "องค์การบริหารส่วนจังหวัด": "อบจ.",
    "เทศบาลตำบล": "ทต.",
    "เทศบาลเมือง": "ทม.",
    "เทศบาลนคร": "ทน.",
}
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
_LEADING_VOWELS = frozenset("เแโใไ")
_NAME_SIMILARITY = 0.5
_NAME_SLACK = 0.1
_HOST = re.compile(r"(?i)(?<![a-z0-9@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![a-z0-9-])")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_HOST_SIMILARITY = 0.8
# Keys of agency.yaml that define the name rather than use it.
_NAME_KEYS = frozenset({"name", "short_name", "aliases", "type", "website"})


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class AgencyNames:
    """The official place name, the prefixes written before it, and every accepted spelling."""

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
        self.places = {self.place} if self.place else set()
        for alias in [agency.name, *agency.aliases, *([agency.short_name] if agency.short_name else [])]:
            squashed = _squash(alias)
            for prefix in prefixes:
                if squashed.startswith(prefix) and len(squashed) > len(prefix):
                    self.places.add(squashed[len(prefix):])
        # Longest prefix first, so "องค์การบริหารส่วนตำบล" wins over any shorter one it contains.
        alternatives = "|".join(r"\s?".join(map(re.escape, p)) for p in sorted(prefixes, key=len, reverse=True))
        self.pattern = re.compile(rf"(?:{alternatives})\s*(?=[\u0e00-\u0e7f])") if self.places else None

    def variants(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name in ``text`` that is close to, but not, an accepted spelling."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            run = _THAI_RUN.match(text, match.end())
            if run is None:
                continue
            word = run.group(0)
            if any(word.startswith(p) for p in self.places):
                continue
            best = self._closest(word)
            if best:
                yield match.start(), match.end() + best

    def _closest(self, word: str) -> int:
        """Length of the start of ``word`` that is a misspelt place name, or 0 if none is close.

        Among starts about as close as the closest (a misspelling may add letters), the longest wins:
        "ละงูต" is reported whole, not as "ละงู".
        """
        scored: list[tuple[float, int]] = []
        for place in self.places:
            for length in range(max(2, len(place) - 3), min(len(word), len(place) + 3) + 1):
                if length < len(word) and (unicodedata.category(word[length]) == "Mn"
                                           or word[length - 1] in _LEADING_VOWELS):
                    continue  # never cut a syllable: a vowel or tone mark belongs to the letter before it
                scored.append((SequenceMatcher(None, word[:length], place).ratio(), length))
        best = max((ratio for ratio, _ in scored), default=0.0)
        if best < _NAME_SIMILARITY:
            return 0
        return max(length for ratio, length in scored if ratio >= max(_NAME_SIMILARITY, best - _NAME_SLACK))


def check_agency_name(project: Project) -> Iterable[Finding]:
    """Any text that names the agency must spell it as the agency does."""
    names = AgencyNames(project.agency)
    agency_doc = project.doc_of(project.agency)
    for doc in content_documents(project):
        for field in text_fields(doc):
            if doc is agency_doc and field.loc and field.loc[0] in _NAME_KEYS:
                continue
            for start, end in names.variants(field.value):
                yield text_finding("ITA401", field, start, end, found=field.value[start:end], official=names.official)


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
