"""Assemble a content folder into one validated Project, or say precisely why it cannot be.

This is the single entry point the checks, the renderer, the CLI and the MkDocs plugin share.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ita_site.content.findings import ContentError, Finding, Level, sort_findings
from ita_site.content.load import Document, iter_content_files, read_document, refusal
from ita_site.content.model import Agency, Assessment, Evidence, OitEvidence, Plan
from ita_site.content.thai import christian_era_date

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


@dataclass
class Project:
    """Everything one agency publishes, with the documents it was read from."""

    root: Path
    content_dir: Path
    agency: Agency
    assessments: dict[int, Assessment]
    plans: dict[int, Plan]
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[int, Document] = field(default_factory=dict)
    warnings: list[Finding] = field(default_factory=list)
    oit: dict[int, OitEvidence] = field(default_factory=dict)
    attachments: dict[str, Path] = field(default_factory=dict)
    #: Content files left out because they could not be read or validated (see :func:`read_project`).
    unread: frozenset[str] = frozenset()

    def lacks(self, folder: str) -> bool:
        """Whether a file of ``folder`` of content/ (e.g. "plans") was left out, so a check that needs all of
        them would report false alarms."""
        return any(name.split("/")[-2:-1] == [folder] for name in self.unread)

    def doc_of(self, obj: BaseModel) -> Document:
        """The document a top-level model came from (assessment, plan or agency)."""
        return self.sources[id(obj)]

    @property
    def years(self) -> list[int]:
        """Every fiscal year that has an assessment or a plan, oldest first."""
        return sorted(set(self.assessments) | set(self.plans))

    @property
    def assessments_and_plans(self) -> list[Assessment | Plan]:
        """The documents that quote the agency's source, and so record where it contradicts itself."""
        return [*self.assessments.values(), *self.plans.values()]

    @property
    def latest_assessment(self) -> Assessment | None:
        return self.assessments[max(self.assessments)] if self.assessments else None


_EXPECTED = {
    "int": ("จำนวนเต็ม", "a whole number", "เช่น 2566", "e.g. 2566"),
    "decimal": ("ตัวเลขทศนิยม", "a number", "เช่น 99.50 (ใช้เลขอารบิก)", "e.g. 99.50 (Arabic digits)"),
    "date": ("วันที่แบบ ปี ค.ศ.-เดือน-วัน", "a date YYYY-MM-DD", "เช่น 2023-10-01 คือ 1 ตุลาคม 2566",
             "e.g. 2023-10-01"),
    "string": ("ข้อความ", "text", "ใส่ข้อความ ถ้ามีเครื่องหมาย : ให้ครอบด้วยเครื่องหมายคำพูด",
               "write text; quote it if it contains a colon"),
    "list": ("รายการ (แต่ละบรรทัดขึ้นต้นด้วย - )", "a list (lines starting with - )",
             "เช่น\n  - รายการแรก", "e.g. - first item"),
    "dict": ("ชุดข้อมูล (ชื่อช่อง: ค่า)", "a mapping (key: value)", "ดูตัวอย่างจาก ita-site init",
             "see the files ita-site init writes"),
    "bool": ("true หรือ false", "true or false", "เขียน true หรือ false", "write true or false"),
}


def _expected_kind(error_type: str) -> str | None:
    for prefix in ("int", "decimal", "date", "string", "list", "dict", "bool"):
        if error_type.startswith(prefix) or error_type == f"{prefix}_type":
            return prefix
    if error_type in ("model_type", "model_attributes_type"):
        return "dict"
    if error_type.startswith("float"):
        return "decimal"
    return None


def _written(value: Any) -> str:
    """A value as staff wrote it in the file (never a Python repr such as Decimal('1.10'))."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, Decimal, int)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if value is None:
        return "ค่าว่าง"
    if isinstance(value, dict):
        return "ชุดข้อมูล (ชื่อช่อง: ค่า)"
    if isinstance(value, list):
        return "รายการ (- ...)"
    return str(value)


def _show(value: Any) -> str:
    text = f'"{value}"' if isinstance(value, str) else _written(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _example(kind: str, got: Any) -> tuple[str, str] | None:
    """A hint that names the fix for the value itself, where the generic example would not show it."""
    if kind == "string" and isinstance(got, (int, Decimal, dt.date, bool)):
        quoted = f'"{_written(got)}"'
        return (f"ค่านี้ถูกอ่านเป็นตัวเลขหรือวันที่ ให้ครอบด้วยเครื่องหมายคำพูด: {quoted}",
                f"it was read as a number or a date; quote it: {quoted}")
    if kind == "decimal" and isinstance(got, str) and re.search("[๐-๙]", got):
        return "พิมพ์ตัวเลขด้วยเลขอารบิก เช่น 99.50 (เว็บไซต์แสดงเป็นเลขไทยให้เอง)", "use Arabic digits"
    if kind == "date" and isinstance(got, str) and (fixed := christian_era_date(got)) is not None:
        return (f"ปี {got[:4]} ดูเหมือนเป็นปี พ.ศ. วันที่เขียนแบบ ปี ค.ศ.: {fixed}",
                f"{got[:4]} looks like a Buddhist-era year; dates are written in the Christian era: {fixed}")
    return None


def _field_name(loc: tuple) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc]
    return ".".join(parts).replace(".[", "[") or "(ทั้งไฟล์)"


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed where an unknown key appeared, for a did-you-mean suggestion."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validation_findings(doc: Document, model: type[BaseModel], exc: ValidationError) -> list[Finding]:
    """Translate pydantic's errors into located Thai findings with a hint each."""
    findings = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-"))))
        etype = error["type"]
        name = _field_name(loc)
        if etype == "missing":
            findings.append(doc.finding("ITA101", loc[:-1], field=name))
        elif etype == "extra_forbidden":
            allowed = _allowed_fields(model, loc)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            findings.append(doc.finding(
                "ITA102", loc, key=True, field=name,
                suggestion=f"หรือหมายถึง \"{close[0]}\"?" if close else f"ช่องที่ใช้ได้: {', '.join(allowed)}",
                suggestion_en=f"did you mean \"{close[0]}\"?" if close else f"allowed: {', '.join(allowed)}",
            ))
        elif etype == "string_too_short":
            findings.append(doc.finding("ITA104", loc, field=name))
        elif etype in ("literal_error", "enum"):
            allowed = error.get("ctx", {}).get("expected", "")
            findings.append(doc.finding(
                "ITA105", loc, field=name, allowed=allowed, got=_show(error.get("input")),
                suggestion="ตรวจตัวสะกด ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน", suggestion_en="check spelling and case",
            ))
        elif (kind := _expected_kind(etype)) is not None:
            th, en, ex_th, ex_en = _EXPECTED[kind]
            got = error.get("input")
            ex_th, ex_en = _example(kind, got) or (ex_th, ex_en)
            findings.append(doc.finding("ITA103", loc, field=name, expected_th=th, expected_en=en,
                                        got=_show(got), example_th=ex_th, example_en=ex_en))
        else:
            detail = error["msg"]
            findings.append(doc.finding("ITA106", loc, field=name, detail=detail,
                                        example_th="แก้ค่าให้ถูกต้องตามคำอธิบาย", example_en="correct the value"))
    return findings


def _validate(doc: Document, model: type[BaseModel]) -> BaseModel | list[Finding]:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        return validation_findings(doc, model, exc)


_Yearly = TypeVar("_Yearly", Assessment, Plan, OitEvidence)


def _file_under_year(target: dict[int, _Yearly], model: _Yearly, doc: Document,
                     sources: dict[int, Document]) -> list[Finding]:
    """Keep ``model`` under its fiscal year unless another file holds that year; what is wrong with the year."""
    findings = []
    year = model.fiscal_year
    match = _YEAR_FILE.match(doc.path.name)
    if match and int(match.group(1)) != year:
        findings.append(doc.finding("ITA015", ("fiscal_year",), name_year=match.group(1), year=year))
    if year in target:
        findings.append(doc.finding("ITA016", ("fiscal_year",), year=year, other=sources[id(target[year])].name))
    else:
        target[year] = model
    return findings


def load_project(content_dir: Path, root: Path | None = None) -> Project:
    """Read and validate every content file; raise ContentError with all problems found."""
    project, findings = read_project(content_dir, root)
    if project is None or any(f.level is Level.ERROR for f in findings):
        raise ContentError(findings)
    return project


def read_project(content_dir: Path, root: Path | None = None) -> tuple[Project | None, list[Finding]]:
    """Every content file that reads and validates, and what is wrong with the others, so that one broken file
    does not hide the problems of the rest.

    The project lists the files it left out in ``unread``; it is None when the agency file itself is unusable
    (every page and every name check needs it) or the content folder is missing.
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    if not content_dir.is_dir():
        return None, [Finding("ITA017", str(content_dir), 1, 1, {"path": str(content_dir)})]
    findings: list[Finding] = []
    documents: dict[str, Document] = {}
    unread: set[str] = set()
    for path in iter_content_files(content_dir):
        try:
            doc = read_document(path, root, (content_dir.resolve(),))
        except ContentError as exc:
            findings.extend(exc.findings)
            unread.add(path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix())
            continue
        documents[doc.name] = doc

    agency: Agency | None = None
    assessments: dict[int, Assessment] = {}
    plans: dict[int, Plan] = {}
    oit: dict[int, OitEvidence] = {}
    sources: dict[int, Document] = {}
    agency_name = (content_dir / "agency.yaml").relative_to(root).as_posix() if content_dir.is_relative_to(root) \
        else "agency.yaml"
    for name, doc in documents.items():
        rel = doc.path.relative_to(content_dir).as_posix()
        kind = _kind_of(rel)
        if kind is None:
            findings.append(Finding("ITA013", name, 1, 1, level=Level.WARNING))
            continue
        result = _validate(doc, kind)
        if isinstance(result, list):
            findings.extend(result)
            unread.add(name)
            continue
        sources[id(result)] = doc
        if isinstance(result, Agency):
            agency = result
        elif isinstance(result, Assessment | Plan | OitEvidence):
            target: dict[int, Any] = assessments if isinstance(result, Assessment) else \
                plans if isinstance(result, Plan) else oit
            findings.extend(_file_under_year(target, result, doc, sources))
            if target[result.fiscal_year] is not result:  # another file holds its year
                unread.add(name)
    if agency is None and not any(f.file == agency_name for f in findings):
        findings.append(Finding("ITA014", agency_name, 1, 1, {"name": "agency.yaml"}))
    attachments: dict[str, Path] = {}
    for model in [*assessments.values(), *plans.values(), *oit.values()]:
        doc = sources[id(model)]
        for loc, evidence in evidence_of(model):
            if evidence.file is not None:
                found = _attachment(content_dir, doc, loc + ("file",), evidence.file)
                if isinstance(found, Finding):
                    findings.append(found)
                else:
                    attachments[evidence.file] = found
    if agency is None:
        return None, sort_findings(findings)
    return Project(root=root, content_dir=content_dir, agency=agency, assessments=dict(sorted(assessments.items())),
                   plans=dict(sorted(plans.items())), documents=documents, sources=sources, warnings=findings,
                   oit=dict(sorted(oit.items())), attachments=dict(sorted(attachments.items())),
                   unread=frozenset(unread)), sort_findings(findings)


ATTACHMENT_DIR = "files"


def evidence_of(model: BaseModel) -> Iterator[tuple[tuple[str | int, ...], Evidence]]:
    """Every evidence record of an assessment or a plan (its signed originals, progress entries) or an OIT
    evidence file, with its location."""
    if isinstance(model, Assessment | Plan):
        for i, evidence in enumerate(model.attachments):
            yield ("attachments", i), evidence
    if isinstance(model, Plan):
        for i, measure in enumerate(model.measures):
            for j, entry in enumerate(measure.progress):
                for k, evidence in enumerate(entry.evidence):
                    yield ("measures", i, "progress", j, "evidence", k), evidence
    elif isinstance(model, OitEvidence):
        for i, item in enumerate(model.items):
            for j, evidence in enumerate(item.documents):
                yield ("items", i, "documents", j), evidence


def _attachment(content_dir: Path, doc: Document, loc: tuple, written: str) -> Path | Finding:
    """The file an evidence record attaches, or why it cannot be published: it must sit in content/files/."""
    parts = written.replace("\\", "/").split("/")
    if written.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", written) or ".." in parts:
        return doc.finding("ITA610", loc, path=written)
    if len(parts) < 2 or parts[0] != ATTACHMENT_DIR:
        return doc.finding("ITA612", loc, path=written)
    path = content_dir / written
    if not os.path.lexists(path):
        folder = path.parent
        inside = folder.is_dir() and folder.resolve().is_relative_to(content_dir.resolve())
        names = sorted(f.name for f in folder.iterdir() if f.is_file()) if inside else []
        close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.5)
        listing = ", ".join(names[:8]) or "(ว่าง / empty)"
        return doc.finding("ITA611", loc, path=written,
                           suggestion=f"หรือหมายถึง \"{close[0]}\"?" if close else f"ไฟล์ในโฟลเดอร์นั้น: {listing}",
                           suggestion_en=f"did you mean \"{close[0]}\"?" if close else f"files there: {listing}")
    problem = refusal(path, written, (content_dir.resolve(),))  # a symlink out of content/ or not a plain file
    if problem is not None:
        code, args = problem
        return doc.finding(code, loc, args)
    return path.resolve()


#: The model of a file in each folder of content/.
_KINDS: dict[str, type[BaseModel]] = {"assessments": Assessment, "plans": Plan, "oit": OitEvidence}


def _kind_of(rel: str) -> type[BaseModel] | None:
    if rel in ("agency.yaml", "agency.yml"):
        return Agency
    folder, _, filename = rel.partition("/")
    if "/" in filename:
        return None
    return _KINDS.get(folder)
