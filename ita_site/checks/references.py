"""Identity and reference integrity: unique ids, known indicators and OIT items, no dangling links."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from ita_site.content.addresses import (
    HOME_PATH,
    OIT_REFERENCES_PATH,
    assessment_path,
    document_path,
    measure_path,
    oit_index_path,
    plan_path,
    report_path,
    weakness_index_path,
    weakness_path,
)
from ita_site.content.findings import Finding
from ita_site.content.framework import Framework, available_years, framework_for, normalize_oit_code
from ita_site.content.load import Document
from ita_site.content.project import Project


def _duplicates(doc: Document, items: Sequence[object], list_name: str, attr: str = "id") -> Iterable[Finding]:
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        value = getattr(item, attr)
        if value in first:
            line, _ = doc.locate((list_name, first[value], attr))
            yield doc.finding("ITA204", (list_name, i, attr), id=value, first=line)
        else:
            first[value] = i


def check_ids(project: Project) -> Iterable[Finding]:
    """Ids are how pages, URLs and cross-references find things: each must be unique in its file."""
    for assessment in project.assessments.values():
        doc = project.doc_of(assessment)
        for name in ("questions", "recommendations", "weaknesses", "contradictions", "source_notes"):
            yield from _duplicates(doc, getattr(assessment, name), name)
        seen: dict[int, int] = {}
        for i, score in enumerate(assessment.indicators):
            if score.number in seen:
                yield doc.finding("ITA206", ("indicators", i, "number"), number=score.number)
            seen[score.number] = i
    for plan in project.plans.values():
        doc = project.doc_of(plan)
        yield from _duplicates(doc, plan.measures, "measures")
        yield from _duplicates(doc, plan.measures, "measures", "number")
        yield from _duplicates(doc, plan.steps, "steps", "number")
        yield from _duplicates(doc, plan.contradictions, "contradictions")


def check_page_paths(project: Project) -> Iterable[Finding]:
    """An id becomes a page address; one that is also the address of another page would replace it.

    Measure ids "index", "document" and "report", and weakness id "index", are the addresses of the
    plan, its full document, its report and the weakness list.
    """
    fixed = {HOME_PATH: "หน้าแรก", OIT_REFERENCES_PATH: "หน้าข้อ OIT ที่อ้างถึง"}
    for year in project.assessments:
        fixed |= {assessment_path(year): "หน้าผลการประเมิน", weakness_index_path(year): "หน้ารายการจุดอ่อน"}
    for year in project.plans:
        fixed |= {plan_path(year): "หน้ามาตรการ", document_path(year): "หน้าฉบับเต็มสำหรับพิมพ์",
                  report_path(year): "หน้ารายงานผลการดำเนินการ"}
    for year in project.oit:
        fixed[oit_index_path(year)] = "หน้ารายการข้อ OIT"
    claims: list[tuple[str, Document, tuple[str | int, ...], str]] = []
    for year, assessment in project.assessments.items():
        claims += [(weakness_path(year, w.id), project.doc_of(assessment), ("weaknesses", i, "id"), w.id)
                   for i, w in enumerate(assessment.weaknesses)]
    for year, plan in project.plans.items():
        claims += [(measure_path(year, m.id), project.doc_of(plan), ("measures", i, "id"), m.id)
                   for i, m in enumerate(plan.measures)]
    for path, doc, loc, ident in claims:
        if path in fixed:
            yield doc.finding("ITA209", loc, id=ident, page=fixed[path], path=path.removesuffix(".md"))


def _indicator(doc: Document, fw: Framework, number: int, loc: tuple) -> Iterable[Finding]:
    if fw.indicators and fw.indicator(number) is None:
        yield doc.finding("ITA201", loc, number=number, year=fw.fiscal_year, max=max(fw.indicators))


def check_framework(project: Project) -> Iterable[Finding]:
    """Indicator numbers and OIT codes must exist in the framework of the year they belong to."""
    for year, assessment in project.assessments.items():
        doc = project.doc_of(assessment)
        fw = framework_for(year)
        if fw is None:
            years = ", ".join(str(y) for y in available_years())
            yield doc.finding("ITA205", ("fiscal_year",), year=year, available=years)
            continue
        for i, score in enumerate(assessment.indicators):
            yield from _indicator(doc, fw, score.number, ("indicators", i, "number"))
        numbered = {s.number for s in assessment.indicators}
        missing = sorted(set(fw.indicators) - numbered)
        if fw.indicators and missing:
            yield doc.finding("ITA207", ("indicators",), missing=", ".join(map(str, missing)))
        for i, tool in enumerate(assessment.tools):
            for name in ("maintain", "improve"):
                for j, number in enumerate(getattr(tool, name)):
                    yield from _indicator(doc, fw, number, ("tools", i, name, j))
        for name in ("questions", "weaknesses", "recommendations"):
            for i, item in enumerate(getattr(assessment, name)):
                if item.indicator is not None:
                    yield from _indicator(doc, fw, item.indicator, (name, i, "indicator"))
        for i, rec in enumerate(assessment.recommendations):
            for j, ref in enumerate(rec.oit_refs):
                yield from _oit_ref(doc, year, ref.code, ref.numbering, ("recommendations", i, "oit_refs", j, "code"))
    for year, plan in project.plans.items():
        fw = framework_for(plan.based_on or year)
        if fw is None:
            continue
        doc = project.doc_of(plan)
        for i, measure in enumerate(plan.measures):
            for j, number in enumerate(measure.indicators):
                yield from _indicator(doc, fw, number, ("measures", i, "indicators", j))


def check_carried_framework(project: Project) -> Iterable[Finding]:
    """A note on an assessment or plan of a year whose framework is the last known year's, carried over."""
    for year, model in [*project.assessments.items(), *project.plans.items()]:
        fw = framework_for(year)
        if fw is not None and fw.carried_from is not None:
            yield project.doc_of(model).finding("ITA210", ("fiscal_year",), year=year, source=fw.carried_from)


def _oit_ref(doc: Document, year: int, written: str, numbering: int | None, loc: tuple) -> Iterable[Finding]:
    code = normalize_oit_code(written)
    if code is None or code != written:
        return  # a mistyped code is the lints' business: they can say what was meant
    fw = framework_for(numbering or year)
    if fw is None:
        years = ", ".join(str(y) for y in available_years())
        yield doc.finding("ITA205", loc[:-1] + ("numbering",), year=numbering or year, available=years)
    else:
        problem = unknown_oit_code(fw, code)
        if problem is not None:
            yield doc.finding(problem[0], loc, problem[1])


def unknown_oit_code(fw: Framework, code: str) -> tuple[str, dict[str, object]] | None:
    """ITA202 with the year's range when ``code`` is not an item of ``fw``; ITA443 when the year has no list
    to tell; None when the item exists."""
    if not fw.oit_items:
        return "ITA443", {"code": code, "year": fw.fiscal_year}
    if fw.oit(code) is not None:
        return None
    close = difflib.get_close_matches(code, list(fw.oit_items), n=1)
    first, last = min(fw.oit_items, key=_code_order), max(fw.oit_items, key=_code_order)
    return "ITA202", {"code": code, "year": fw.fiscal_year,
                      "suggestion": f"รหัสในปีนี้: {first} ถึง {last}" + (f" หรือหมายถึง {close[0]}?" if close else ""),
                      "suggestion_en": f"this year's codes run {first} to {last}"}


def _code_order(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else 0


def check_links(project: Project) -> Iterable[Finding]:
    """Every id a file refers to must exist, so no page links to nothing."""
    for assessment in project.assessments.values():
        doc = project.doc_of(assessment)
        questions = {q.id for q in assessment.questions}
        recs = {r.id for r in assessment.recommendations}
        for i, rec in enumerate(assessment.recommendations):
            if rec.question and rec.question not in questions:
                yield _dangling(doc, ("recommendations", i, "question"), rec.question, questions, "ข้อคำถาม", "question")
        for i, weak in enumerate(assessment.weaknesses):
            for j, ref in enumerate(weak.questions):
                if ref not in questions:
                    yield _dangling(doc, ("weaknesses", i, "questions", j), ref, questions, "ข้อคำถาม", "question")
            for j, ref in enumerate(weak.recommendations):
                if ref not in recs:
                    yield _dangling(doc, ("weaknesses", i, "recommendations", j), ref, recs, "ข้อเสนอแนะ",
                                    "recommendation")
    for plan in project.plans.values():
        doc = project.doc_of(plan)
        base = project.assessments.get(plan.based_on) if plan.based_on else None
        if plan.based_on and base is None:
            yield _dangling(doc, ("based_on",), str(plan.based_on), {str(y) for y in project.assessments},
                            "ผลการประเมินปี", "the assessment of")
            continue
        weaknesses = {w.id for w in base.weaknesses} if base else set()
        for i, measure in enumerate(plan.measures):
            for j, ref in enumerate(measure.addresses):
                if ref not in weaknesses:
                    yield _dangling(doc, ("measures", i, "addresses", j), ref, weaknesses, "จุดอ่อน", "weakness")


def _dangling(doc: Document, loc: tuple, ref: str, known: set[str], kind: str, kind_en: str) -> Finding:
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.5)
    listing = ", ".join(sorted(known)) or "(ยังไม่มี)"
    return doc.finding(
        "ITA203", loc, kind=kind, kind_en=kind_en, ref=ref,
        suggestion=f"หรือหมายถึง \"{close[0]}\"?" if close else f"ที่มีอยู่: {listing}",
        suggestion_en=f"did you mean \"{close[0]}\"?" if close else f"known: {listing}",
    )
