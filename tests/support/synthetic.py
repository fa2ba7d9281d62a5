"""Synthetic agencies at N times the seed's size, for benchmarks and many-agency builds.

An agency project (``mkdocs.yml``, its pages and theme folders, ``content/``) is scaled up from a
seed project: more fiscal years (as many as the packaged frameworks cover), and in each year more
weaknesses, questions, recommendations, measures and progress entries, with every cross-reference
(weakness -> question, measure -> weakness) pointing at its own copy so the result passes the
checks. Fields are copied from the seed's own YAML, and progress entries are only generated when
the content model has them, so the generator follows the model as it grows.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import shutil
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from ita_site.content import model
from ita_site.content.framework import available_years
from ita_site.content.project import Project, load_project
from ita_site.content.thai import to_arabic_digits, to_thai_digits

#: Files and folders of a project besides ``content/`` (read from its mkdocs.yml when present).
_DEFAULT_PROJECT_PARTS = ("mkdocs.yml", "pages", "theme_overrides")

#: Most progress entries generated per measure (half the factor, up to this).
_MAX_PROGRESS = 12


@dataclass(frozen=True)
class Scale:
    """How a factor translates into content: years, copies of each item per year, progress per measure."""

    years: tuple[int, ...]
    copies: int
    progress: int

    @classmethod
    def of(cls, factor: int, seed_year: int) -> Scale:
        """1x is the seed itself; larger factors spread the growth over the years that have a framework."""
        if factor < 1:
            raise ValueError("factor must be at least 1")
        known = available_years() or (seed_year,)
        count = min(factor, len(known))
        years = tuple(sorted(sorted(known, key=lambda y: (abs(y - seed_year), y))[:count]))
        return cls(years=years, copies=math.ceil(factor / count), progress=min(_MAX_PROGRESS, factor // 2))


def _suffix(value: str, copy_index: int) -> str:
    return value if copy_index == 0 else f"{value}-r{copy_index}"


def _shift_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


_BE_YEAR = re.compile(r"(?<![0-9])25[0-9]{2}(?![0-9])")
_BE_YEAR_THAI = re.compile(r"(?<![๐-๙])๒๕[๐-๙]{2}(?![๐-๙])")


def _shift_years(data: Any, years: int) -> Any:
    """Move every Buddhist-era year the content mentions by ``years``, in Arabic or Thai digits.

    A copy of the seed placed in another fiscal year must speak of that year, as the seed speaks of
    its own; years recorded in a fiscal-year contradiction move with it.
    """
    if not years:
        return data
    if isinstance(data, str):
        data = _BE_YEAR.sub(lambda m: str(int(m[0]) + years), data)
        return _BE_YEAR_THAI.sub(lambda m: to_thai_digits(str(int(to_arabic_digits(m[0])) + years)), data)
    if isinstance(data, list):
        return [_shift_years(item, years) for item in data]
    if isinstance(data, dict):
        shifted = {key: _shift_years(value, years) for key, value in data.items()}
        if data.get("field") == "fiscal_year":
            for key in ("value", "source_says"):
                if isinstance(data.get(key), (int, Decimal)):
                    shifted[key] = data[key] + years
        return shifted
    return data


def _replicate(items: list[dict], copies: int, rename: typing.Callable[[dict, int], dict]) -> list[dict]:
    return [rename(copy.deepcopy(item), k) for k in range(copies) for item in items]


def _assessment(seed: dict, year: int, copies: int) -> dict:
    data = _shift_years(copy.deepcopy(seed), year - seed["fiscal_year"])
    data["fiscal_year"] = year

    def question(q: dict, k: int) -> dict:
        q["id"] = _suffix(q["id"], k)
        return q

    def recommendation(r: dict, k: int) -> dict:
        r["id"] = _suffix(r["id"], k)
        if r.get("question"):
            r["question"] = _suffix(r["question"], k)
        for ref in r.get("oit_refs", []) if year != seed["fiscal_year"] else []:
            ref.setdefault("numbering", seed["fiscal_year"])  # OIT codes are numbered per year: keep the seed's
        return r

    def weakness(w: dict, k: int) -> dict:
        w["id"] = _suffix(w["id"], k)
        if k:
            w["title"] = f"{w['title']} ({k + 1})"
        w["questions"] = [_suffix(q, k) for q in w.get("questions", [])]
        w["recommendations"] = [_suffix(r, k) for r in w.get("recommendations", [])]
        return w

    for key, rename in (("questions", question), ("recommendations", recommendation), ("weaknesses", weakness)):
        if key in data:
            data[key] = _replicate(data[key], copies, rename)
    return data


def _plan(seed: dict, year: int, based_on: int | None, copies: int, progress: int) -> dict:
    shift = year - seed["fiscal_year"]
    data = _shift_years(copy.deepcopy(seed), shift)
    data["fiscal_year"] = year
    if based_on is not None:
        data["based_on"] = based_on
    if "period" in data:
        data["period"] = {k: _shift_date(v, shift) for k, v in data["period"].items()}
    entries = _progress_entries(progress, data.get("period", {}).get("start"))

    def measure(m: dict, k: int) -> dict:
        m["id"] = _suffix(m["id"], k)
        if k:
            m["number"] = f"{m['number']}.{k}"
            m["title"] = f"{m['title']} ({k + 1})"
        m["addresses"] = [_suffix(w, k) for w in m.get("addresses", [])]
        for key in ("start", "end"):
            if isinstance(m.get(key), dt.date):
                m[key] = _shift_date(m[key], shift)
        if entries:
            m["progress"] = copy.deepcopy(entries)
        return m

    data["measures"] = _replicate(data.get("measures", []), copies, measure)
    return data


def _progress_entries(count: int, start: dt.date | None) -> list[dict]:
    """``count`` dated progress entries shaped after the model's own fields; none if the model has none."""
    field = model.Measure.model_fields.get("progress")
    entry_model = _list_item_model(field.annotation) if field is not None else None
    if entry_model is None or count == 0:
        return []
    first = start or dt.date(2024, 1, 1)
    entries = []
    for i in range(count):
        entry = sample(entry_model, i, first + dt.timedelta(days=30 * i))
        if entry is None:
            return []
        entries.append(entry)
    return entries


def _list_item_model(annotation: Any) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (None,)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def _sample_value(annotation: Any, i: int, day: dt.date) -> Any:
    """A plausible value for a field type, or None when the type is not one the generator knows."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _sample_value(args[0], i, day)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _sample_value(options[0], i, day) if options else None
    if origin is typing.Literal:
        return args[i % len(args)]
    if origin is list:
        item = _sample_value(args[0], i, day) if args else None
        return [item] if item is not None else []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return sample(annotation, i, day)
    simple = {bool: False, int: 10 * (i % 10) + 10, Decimal: Decimal("50.00"), float: 50.0, dt.date: day,
              str: f"รายงานผลการดำเนินงานครั้งที่ {i + 1}"}
    return simple.get(annotation)


def sample(target: type[BaseModel], i: int = 0, day: dt.date = dt.date(2024, 1, 1)) -> dict | None:
    """Data that validates as ``target``: every field filled if that validates, else only the required ones.

    Returns None when neither validates (a rule the generator cannot guess), so callers leave the
    field out rather than write content that fails.
    """
    full: dict[str, Any] = {}
    for name, info in target.model_fields.items():
        value = _sample_value(info.annotation, i, day)
        if value is not None:
            full[name] = value
    required = {name: value for name, value in full.items() if target.model_fields[name].is_required()}
    for candidate in (full, required):
        try:
            target.model_validate(candidate)
        except ValidationError:
            continue
        return candidate
    return None


def scaled_content(seed: Project, factor: int, index: int = 0) -> dict[str, dict]:
    """The content files of an agency ``factor`` times the seed's size, as ``{relative path: data}``.

    ``index`` tells agencies generated from the same seed apart (their ``id`` and name differ).
    """
    if not seed.assessments:
        raise ValueError("the seed project has no assessment to scale")
    seed_year = max(seed.assessments)
    assessment_seed = seed.doc_of(seed.assessments[seed_year]).data
    plan = next((p for p in seed.plans.values() if p.based_on == seed_year), None)
    plan_seed = seed.doc_of(plan).data if plan is not None else None
    scale = Scale.of(factor, seed_year)
    agency = copy.deepcopy(seed.doc_of(seed.agency).data)
    if index:
        agency["id"] = f"{agency['id']}-{index}"
        agency["name"] = f"{agency['name']} {index}"
    files: dict[str, dict] = {"agency.yaml": agency}
    for year in scale.years:
        files[f"assessments/{year}.yaml"] = _assessment(assessment_seed, year, scale.copies)
        if plan_seed is not None:
            plan_year = year + (plan_seed["fiscal_year"] - seed_year)
            files[f"plans/{plan_year}.yaml"] = _plan(plan_seed, plan_year, year, scale.copies, scale.progress)
    return files


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 120
    yaml.sort_base_mapping_type_on_output = False
    yaml.representer.ignore_aliases = lambda data: True  # content files forbid anchors and aliases
    yaml.representer.add_representer(
        Decimal, lambda rep, value: rep.represent_scalar("tag:yaml.org,2002:float", str(value)))
    return yaml


def _project_parts(seed_root: Path) -> list[str]:
    """mkdocs.yml plus the docs and theme folders it names (defaults when it cannot be read)."""
    config_file = seed_root / "mkdocs.yml"
    try:
        config = YAML(typ="safe", pure=True).load(config_file.read_text(encoding="utf-8")) or {}
    except Exception:  # a config with custom tags: fall back to the usual layout
        return list(_DEFAULT_PROJECT_PARTS)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    parts = ["mkdocs.yml", str(config.get("docs_dir", "docs"))]
    if theme.get("custom_dir"):
        parts.append(str(theme["custom_dir"]))
    return parts


def write_agency(dest: Path, seed_root: Path, factor: int = 1, index: int = 0, seed: Project | None = None) -> Path:
    """Write a complete agency project to ``dest``, scaled from the project at ``seed_root``.

    Pass an already loaded ``seed`` to skip reading it again when writing many agencies.
    """
    seed_root = Path(seed_root)
    seed = seed or load_project(seed_root / "content", seed_root)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in _project_parts(seed_root):
        source = seed_root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy2(source, dest / part)
    yaml = _yaml()
    for relative, data in scaled_content(seed, factor, index).items():
        path = dest / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return dest


#: What a lean copy of a measure keeps: a plan of 5,000 full copies of the seed's measures would pass
#: the content file size limit.
_LEAN_MEASURE = ("id", "number", "title", "addresses", "owner", "start", "end")


def write_many_measures(dest: Path, seed_root: Path, measures: int, *, lean: bool = False) -> Path:
    """The seed project with its latest plan grown to ``measures`` measures (copies of its own, renumbered).

    Only the measures grow, so page sizes can be compared with the seed's page for page. ``lean``
    copies keep only the fields in ``_LEAN_MEASURE``.
    """
    seed_root = Path(seed_root)
    project = load_project(seed_root / "content", seed_root)
    year = max(project.plans)
    dest = Path(dest)
    for part in _project_parts(seed_root):
        source = seed_root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, dirs_exist_ok=True)
        elif source.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / part)
    shutil.copytree(seed_root / "content", dest / "content", dirs_exist_ok=True)
    plan_file = project.doc_of(project.plans[year]).path.relative_to(seed_root)
    yaml = _yaml()
    data = yaml.load((seed_root / plan_file).read_text(encoding="utf-8"))
    originals = data["measures"]
    grown = []
    for i in range(measures):
        measure = copy.deepcopy(originals[i % len(originals)])
        if lean:
            measure = {key: value for key, value in measure.items() if key in _LEAN_MEASURE}
        measure["id"] = f"m-{i + 1}"
        measure["number"] = f"{i // len(originals) + 1}.{i % len(originals) + 1}"
        grown.append(measure)
    data["measures"] = grown
    with (dest / plan_file).open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return dest


#: Thai place names for generated agencies of a portal, each a distinct word a search can find.
PORTAL_PLACES = (
    "บ้านนา", "หนองบัว", "ดอนตูม", "ท่าช้าง", "โคกกลาง", "นาดี", "ห้วยทราย", "บางปลา", "คลองขุด", "วังน้ำเย็น",
    "ทุ่งโพธิ์", "สามเงา", "เขาดิน", "ป่าแดง", "หาดใหญ่น้อย", "เชียงคาน", "โพนทอง", "นาเกลือ", "บ่อทอง", "ศรีสะอาด",
    "ไผ่ล้อม", "ดงมะไฟ", "ลำปลายมาศ", "หนองแสง", "แม่สลอง", "บางกระทุ่ม", "ท่าตะเกียบ", "ควนขนุน", "ปากพลี", "เกาะยอ",
)


@dataclass(frozen=True)
class PortalAgency:
    """A generated agency with known figures: stated results per year, its latest plan's measure statuses
    (None: no status, no report), whether it has a plan for the next fiscal year, and the OIT items it lacks."""

    index: int
    name: str
    province: str
    district: str
    results: dict[int, tuple[Decimal, str]]
    statuses: tuple[str | None, ...]
    next_plan: bool
    oit_year: int | None
    oit_missing: tuple[str, ...]


def write_portal_agency(dest: Path, seed_root: Path, spec: PortalAgency, seed: Project) -> Path:
    """An agency project with ``spec``'s figures: the seed's assessment for each year of ``results`` (the total
    and level replaced, tool scores left out so no rule contradicts the stated level), the seed's plan for the
    year after the latest result with the measures' statuses replaced, and OIT evidence for every item of
    ``oit_year``'s catalogue but ``oit_missing``. It passes ``ita-site check``, as a published agency's does."""
    from ita_site.content.framework import framework_for

    write_agency(dest, seed_root, 1, spec.index, seed)
    content = dest / "content"
    shutil.rmtree(content / "assessments")
    shutil.rmtree(content / "plans")
    yaml = _yaml()
    files = scaled_content(seed, 1, spec.index)
    agency = files["agency.yaml"]
    agency.update(name=spec.name, province=spec.province, district=spec.district,
                  website=f"https://agency-{spec.index}.example/")
    for key in ("short_name", "aliases", "source_notes"):
        agency.pop(key, None)
    agency["contact"] = {}
    out: dict[str, dict] = {"agency.yaml": agency}
    seed_year = max(seed.assessments)
    assessment_seed = seed.doc_of(seed.assessments[seed_year]).data
    for year, (total, level) in spec.results.items():
        data = _assessment(assessment_seed, year, 1)
        data["overall"] = {"score": total, "level": level}
        data["tools"] = [{k: v for k, v in tool.items() if k != "score"} for tool in data.get("tools", [])]
        for key in ("contradictions", "analysis"):  # the seed's prose restates the seed's own figures
            data.pop(key, None)
        out[f"assessments/{year}.yaml"] = data
    plan_seed = next(seed.doc_of(p).data for p in seed.plans.values() if p.based_on == seed_year)
    latest = max(spec.results)
    plans = [(latest + 1, spec.statuses)]
    if spec.next_plan:
        plans.append((latest + 2, ("in_progress",) * len(spec.statuses)))
    for year, statuses in plans:
        data = _plan(plan_seed, year, latest, 1, 0)
        data.pop("contradictions", None)
        # the seed's steps name the seed agency and its fiscal year: the same steps, in words of no year
        data["steps"] = [{"number": step["number"], "text": f"ขั้นตอนที่ {step['number']} ของมาตรการ"}
                         for step in data.get("steps", [])]
        measures = data["measures"][:len(statuses)]
        for measure, status in zip(measures, statuses):
            measure.pop("progress", None)
            measure.pop("status", None)
            if status is not None:
                measure["status"] = status
        data["measures"] = measures
        out[f"plans/{year}.yaml"] = data
    framework = framework_for(spec.oit_year) if spec.oit_year else None
    if spec.oit_year and framework:
        items = [{"code": code, "published": dt.date(spec.oit_year - 544, 10, 15),
                  "documents": [{"title": f"เอกสาร {code}", "url": f"https://agency-{spec.index}.example/oit/{code}"}]}
                 for code in framework.oit_items if code not in spec.oit_missing]
        out[f"oit/{spec.oit_year}.yaml"] = {"fiscal_year": spec.oit_year, "items": items}
    for relative, data in out.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return dest


PORTAL_PROVINCES = {"ชลบุรี": ("บางละมุง", "ศรีราชา"), "ขอนแก่น": ("ชุมแพ", "พล"), "สงขลา": ("หาดใหญ่", "ระโนด")}
#: Totals and the levels stated with them (rating years): each level of the scheme once.
PORTAL_RESULTS = [("97.50", "ผ่านดีเยี่ยม"), ("91.20", "ผ่านดี"), ("86.05", "ผ่าน"), ("78.40", "ต้องปรับปรุง"),
                  ("65.10", "ต้องปรับปรุงโดยด่วน")]
PORTAL_STATUSES: list[tuple[str | None, ...]] = [
    ("done", "done", "in_progress", None), ("done", "cancelled", None, None), ("done", "done", "done", "done"),
    ("in_progress", "delayed", "done", None)]
PORTAL_OIT_YEAR = 2568


def portal_specs(count: int) -> list[PortalAgency]:
    """``count`` agencies in three provinces with every level, change, measure state and OIT gap in the mix:
    results for 2567 (and 2566 for three in four), a plan for 2568, one for 2569 for two in three."""
    from ita_site.content.framework import framework_for

    framework = framework_for(PORTAL_OIT_YEAR)
    codes = list(framework.oit_items) if framework else []
    specs = []
    for i in range(count):
        province = list(PORTAL_PROVINCES)[i % 3]
        latest_total, latest_level = PORTAL_RESULTS[i % 5]
        results = {2567: (Decimal(latest_total) + Decimal(i % 3) / 100, latest_level)}
        if i % 4:
            earlier_total, earlier_level = PORTAL_RESULTS[(i + 2) % 5]
            results[2566] = (Decimal(earlier_total), earlier_level)
        place = PORTAL_PLACES[i % len(PORTAL_PLACES)]
        name = f"องค์การบริหารส่วนตำบล{place}" + (f" {i // len(PORTAL_PLACES)}" if i >= len(PORTAL_PLACES) else "")
        specs.append(PortalAgency(
            index=i + 1, name=name, province=province, district=PORTAL_PROVINCES[province][i % 2],
            results=dict(sorted(results.items())), statuses=PORTAL_STATUSES[i % 4], next_plan=bool(i % 3),
            oit_year=None if i % 7 == 0 else PORTAL_OIT_YEAR,
            oit_missing=() if i % 2 == 0 else tuple(codes[:i % 4 + 1])))
    return specs
