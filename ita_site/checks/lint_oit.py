"""OIT item codes as recommendations cite them.

Two real mistakes: codes typed with the Thai digit zero for the letter O ("๐๑๓" for O13), and codes
that follow another fiscal year's numbering (the 2566 result cites คู่มือหรือมาตรฐานการปฏิบัติงาน as
O13, its 2564 code; in 2566 it is O14). Whether a code is known at all is checked in references.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import cache, lru_cache

from ita_site.checks.lint_text import TextField, text_finding
from ita_site.checks.references import unknown_oit_code
from ita_site.content.findings import Finding
from ita_site.content.framework import (
    available_years,
    find_oit_code_in_other_years,
    framework_for,
    is_thai_zero_typing,
    load_framework,
    normalize_oit_code,
)
from ita_site.content.model import Assessment, OitRef, Recommendation
from ita_site.content.project import Project

_CITATION = re.compile(r"\(\s*อ้างอิงจาก\s*([^()]{1,12}?)\s*\)")
_TITLE_SIMILARITY = 0.75
_TAIL_SLACK = 3


def _suggest(code: str | None) -> dict[str, str]:
    if code is None:
        return {"suggestion": "รหัส OIT คือตัวอักษร O ตามด้วยเลขข้อ เช่น O13",
                "suggestion_en": "an OIT code is the letter O followed by a number, e.g. O13"}
    return {"suggestion": f"เขียนเป็น {code}", "suggestion_en": f"write {code}"}


def code_problem(written: str) -> tuple[str, dict[str, object]] | None:
    """The finding code and arguments for an OIT code not written canonically, or None when it is fine."""
    code = normalize_oit_code(written)
    if code == written:
        return None
    if code is not None and is_thai_zero_typing(written):
        return "ITA405", {"written": written, "code": code}
    return "ITA406", {"written": written, **_suggest(code)}


def check_oit_codes(project: Project) -> Iterable[Finding]:
    """oit_refs codes and "(อ้างอิงจาก …)" citations are written O13, never ๐๑๓, and the two lists agree."""
    for assessment in project.assessments.values():
        doc = project.doc_of(assessment)
        for i, rec in enumerate(assessment.recommendations):
            for j, ref in enumerate(rec.oit_refs):
                problem = code_problem(ref.code)
                if problem:
                    yield doc.finding(problem[0], ("recommendations", i, "oit_refs", j, "code"), problem[1])
            field = TextField(doc, ("recommendations", i, "text"), rec.text)
            for match in _CITATION.finditer(rec.text):
                written = match.group(1)
                if normalize_oit_code(written) is None:
                    continue  # "(อ้างอิงจาก คู่มือ…)" cites a document, not an OIT item
                problem = code_problem(written)
                if problem is None and _ref_for(rec, written) is None:
                    fw = framework_for(assessment.fiscal_year)
                    problem = (unknown_oit_code(fw, written) if fw else None) or ("ITA407", {"code": written})
                if problem:
                    yield text_finding(problem[0], field, *match.span(1), **problem[1])


@cache
def _title_matchers() -> tuple[tuple[int, SequenceMatcher[str]], ...]:
    """The length and a matcher of each OIT item title of every year (spaces removed), the title pre-indexed."""
    titles = {re.sub(r"\s+", "", item.title) for year in available_years()
              for item in load_framework(year).oit_items.values() if item.title}
    matchers = []
    for title in sorted(titles):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(title)
        matchers.append((len(title), matcher))
    return tuple(matchers)


@lru_cache(maxsize=1024)
def named_item(before: str) -> str | None:
    """The OIT item title the text names just before a citation, as the text writes it, if any."""
    squashed = re.sub(r"\s+", "", before)
    best, phrase = _TITLE_SIMILARITY, None
    for size, matcher in _title_matchers():
        for length in range(max(1, size - _TAIL_SLACK), min(len(squashed), size + _TAIL_SLACK) + 1):
            matcher.set_seq1(squashed[-length:])
            if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
                continue
            ratio = matcher.ratio()
            if ratio >= best:
                best, phrase = ratio, squashed[-length:]
    return phrase


@cache
def _other_years(code: str, phrase: str, year: int) -> tuple[tuple[int, str, float], ...]:
    return tuple(find_oit_code_in_other_years(code, phrase, year))


def _ref_for(rec: Recommendation, code: str) -> OitRef | None:
    return next((ref for ref in rec.oit_refs if normalize_oit_code(ref.code) == code), None)


def _numbering_findings(project: Project, year: int, assessment: Assessment) -> Iterable[Finding]:
    doc = project.doc_of(assessment)
    for i, rec in enumerate(assessment.recommendations):
        field = TextField(doc, ("recommendations", i, "text"), rec.text)
        previous_end = 0
        for match in _CITATION.finditer(rec.text):
            before, previous_end = rec.text[previous_end:match.start()], match.end()
            code = normalize_oit_code(match.group(1))
            phrase = named_item(before) if code else None
            if code is None or phrase is None:
                continue
            found = _other_years(code, phrase, year)
            right = [c for y, c, _ in found if y == year]
            if not right or code in right:
                continue
            other = sorted({y for y, c, _ in found if c == code and y != year})
            if not other:
                continue
            ref = _ref_for(rec, code)
            declared = ref is not None and ref.numbering in other
            title = load_framework(year).oit_items[right[0]].title
            yield text_finding("ITA409" if declared else "ITA408", field, *match.span(1), code=code, title=title,
                               year=year, right=right[0],
                               other=ref.numbering if declared and ref else ", ".join(map(str, other)))


def check_oit_numbering(project: Project) -> Iterable[Finding]:
    """A cited code must name the item the text describes under the assessment year's numbering."""
    for year, assessment in project.assessments.items():
        if framework_for(year) is None:
            continue  # references.py already says the year has no framework
        yield from _numbering_findings(project, year, assessment)
