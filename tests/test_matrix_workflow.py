"""The many-agency workflow template (docs/templates/build-many-matrix.yml): runners that each build a share of
the agencies' sites and open data, then one that builds the portal from their artifacts. It installs ita-site
exactly as the scaffolded Pages workflow does, passes actionlint, and its ``run:`` steps, run as written on two
runners and a third, give a portal with every agency and its figures, grouped by portal.yaml when there is one."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from html_text import page_text
from ita_site.cli.scaffold import release_files
from ita_site.content.project import load_project
from ita_site.content.thai import to_arabic_digits
from ita_site.outputs.datapackage import SCORES
from support.harness import REPO
from support.synthetic import portal_specs, write_portal_agency
from support.workflow import JobRun, actionlint, committed_project, steps

TEMPLATE = REPO / "docs" / "templates" / "build-many-matrix.yml"
PAGES = REPO / "ita_site" / "scaffold" / ".github" / "workflows" / "pages.yml"
#: The steps every job shares with the Pages workflow's build job, in this order.
SHARED_STEPS = ["actions/checkout", "actions/setup-python", "verify", "install", "date"]
USES = re.compile(r"(?m)^\s*(?:- )?uses: (\S+)@(\S+)(.*)$")
SPECS = portal_specs(4)


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def template() -> dict:
    return _load(TEMPLATE)


# --- what the template says --------------------------------------------------------------------------------

def test_jobs_are_least_privileged_bounded_and_the_portal_waits_for_every_runner(template: dict) -> None:
    jobs = template["jobs"]
    assert template["permissions"] == {}
    assert jobs["build"]["permissions"] == jobs["portal"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert all(0 < job["timeout-minutes"] <= 60 for job in jobs.values())
    assert jobs["build"]["strategy"]["fail-fast"] is False
    assert (jobs["portal"]["needs"], jobs["portal"]["if"]) == ("build", "${{ !cancelled() }}")
    assert jobs["deploy"]["needs"] == "portal" and "needs.portal.outputs.publish == 'true'" in jobs["deploy"]["if"]
    assert jobs["portal"]["outputs"]["publish"] == "${{ env.PUBLISH_PORTAL }}"
    assert template["env"]["PUBLISH_PORTAL"] == "false"  # publishing is the repository's choice
    assert "env.PUBLISH_PORTAL == 'true'" in steps(template, "portal")["upload-pages"]["if"]


def test_every_job_installs_ita_site_exactly_as_the_pages_workflow_does(template: dict) -> None:
    """The carried wheel, its sha256 checked first, the same pins, the same date: one scheme, not two."""
    pages = _load(PAGES)
    assert {k: template["env"][k] for k in ("ITA_SITE_WHEEL", "ITA_SITE_SHA256")} == \
        {k: pages["env"][k] for k in ("ITA_SITE_WHEEL", "ITA_SITE_SHA256")}
    shared = [steps(pages, "build")[name] for name in SHARED_STEPS]
    for job in ("build", "portal"):
        assert list(steps(template, job).values())[:len(SHARED_STEPS)] == shared, job
    assert "ita-site==" not in TEMPLATE.read_text(encoding="utf-8")


def test_every_action_is_pinned_by_commit_and_the_same_as_the_pages_workflow(template: dict) -> None:
    used = USES.findall(TEMPLATE.read_text(encoding="utf-8"))
    assert len(used) == sum("uses" in s for job in template["jobs"].values() for s in job["steps"])
    for action, ref, comment in used:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action}@{ref} is not a commit"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), f"{action}: no version comment"
    pinned = {action: (ref, comment) for action, ref, comment in USES.findall(PAGES.read_text(encoding="utf-8"))}
    assert all(pinned.get(action, (ref, comment)) == (ref, comment) for action, ref, comment in used)
    assert {action for action, _, _ in used} - set(pinned) == {"actions/upload-artifact", "actions/download-artifact"}
    assert len({(ref, comment) for action, ref, comment in used if action == "actions/upload-artifact"}) == 1


def test_actionlint_passes_the_template() -> None:
    result = actionlint(TEMPLATE)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


# --- the jobs' run: steps, on two runners and the portal's --------------------------------------------------

class Artifacts:
    """What actions/upload-artifact keeps between jobs, and what actions/download-artifact gives back."""

    def __init__(self, store: Path) -> None:
        self.store = store

    def upload(self, run: JobRun, step: dict) -> None:
        """One folder's contents under the artifact's name; an absent folder uploads nothing."""
        settings = step["with"]
        assert settings["if-no-files-found"] == "ignore"
        source = run.workspace / settings["path"]
        if source.is_dir() and any(source.iterdir()):
            shutil.copytree(source, self.store / run.expand(settings["name"]))

    def download(self, run: JobRun, step: dict) -> None:
        """Every artifact the pattern names, merged into one folder."""
        settings = step["with"]
        assert settings["merge-multiple"] is True
        for artifact in sorted(self.store.iterdir()):
            if fnmatch.fnmatch(artifact.name, settings["pattern"]):
                shutil.copytree(artifact, run.workspace / settings["path"], dirs_exist_ok=True)


def run_job(run: JobRun, job: str, artifacts: Artifacts) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every step of ``job`` in order: ``run:`` steps as written, artifact actions by ``artifacts``; a failing
    step fails the test with its output."""
    results = {}
    for step_id, step in steps(run.workflow, job).items():
        action = step.get("uses", "").split("@")[0]
        if action == "actions/upload-artifact":
            artifacts.upload(run, step)
        elif action == "actions/download-artifact":
            artifacts.download(run, step)
        elif action == "actions/upload-pages-artifact":
            assert run.workflow["env"]["PUBLISH_PORTAL"] == "false"  # not published: the step is skipped
        else:
            results[step_id] = run.run(job, step_id)
            assert results[step_id].returncode == 0, (step_id, results[step_id].stdout + results[step_id].stderr)
    return results


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of four agencies in agencies/, carrying the release's wheel and pins, as committed."""
    folder = tmp_path_factory.mktemp("many") / "work"
    seed = load_project(REPO / "content", REPO)
    for spec in SPECS:
        write_portal_agency(folder / "agencies" / f"a{spec.index}", REPO, spec, seed)
    for name, data in release_files():
        if name == "constraints.txt" or name.startswith("vendor/"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    return committed_project(folder, folder.parent / "origin", dt.datetime.now(dt.UTC).replace(microsecond=0))


def filled_template(shards: int) -> dict:
    """The template as a repository fills it: the wheel and sha256 ita-site init writes into pages.yml."""
    template = _load(TEMPLATE)
    scaffolded = yaml.safe_load(dict(release_files())[".github/workflows/pages.yml"])["env"]
    template["env"].update({k: scaffolded[k] for k in ("ITA_SITE_WHEEL", "ITA_SITE_SHA256")})
    template["jobs"]["build"]["strategy"]["matrix"]["shard"] = list(range(shards))
    return template


@pytest.mark.slow
def test_runners_build_their_share_and_the_portal_from_their_artifacts_lists_every_agency(
        repository: Path, tmp_path: Path) -> None:
    template = filled_template(shards=2)
    python = tmp_path / "python"
    subprocess.run([sys.executable, "-m", "venv", str(python)], check=True, capture_output=True, timeout=300)
    artifacts = Artifacts(tmp_path / "artifacts")
    artifacts.store.mkdir()

    def runner(name: str, **share: dict[str, str]) -> JobRun:
        """A fresh runner's checkout of the repository."""
        checkout = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(repository), str(checkout)], check=True, capture_output=True)
        return JobRun(template, checkout, python / "bin", **share)

    dates = []
    for shard in (0, 1):
        run = runner(f"build-{shard}", matrix={"shard": str(shard)},
                     strategy={"job-index": str(shard), "job-total": "2"})
        run_job(run, "build", artifacts)
        dates.append(run.exported["SOURCE_DATE_EPOCH"])
    portal = runner("portal")
    results = run_job(portal, "portal", artifacts)
    dates.append(portal.exported["SOURCE_DATE_EPOCH"])
    assert len(set(dates)) == 1

    shares = {name: sorted(p.name for p in (artifacts.store / name).iterdir())
              for name in ("sites-0", "sites-1", "exports-0", "exports-1")}
    assert shares == {"sites-0": ["a1", "a3"], "sites-1": ["a2", "a4"],
                      "exports-0": ["a1", "a3"], "exports-1": ["a2", "a4"]}
    assert all((artifacts.store / f"sites-{i % 2}" / f"a{i + 1}" / "index.html").is_file() for i in range(4))
    assert all((artifacts.store / f"exports-{i % 2}" / f"a{i + 1}" / "datapackage.json").is_file()
               for i in range(4))

    assert "หน่วยงาน 4 แห่ง อ่านไม่ได้ 0 แห่ง" in results["portal"].stdout
    site = artifacts.store / "portal"
    with (site / "data" / "scores.csv").open(encoding="utf-8-sig", newline="") as handle:
        scores = list(csv.DictReader(handle))
    column = {key: SCORES.column(key).name for key in ("agency", "fiscal_year_be", "item", "score", "level")}
    overall = {(row[column["agency"]], int(row[column["fiscal_year_be"]])):
               (Decimal(row[column["score"]]), row[column["level"]])
               for row in scores if row[column["item"]] == "overall"}
    assert overall == {(spec.name, year): result for spec in SPECS for year, result in spec.results.items()}
    assert sorted(p.stem for p in (site / "agencies").glob("*.html")) == [f"lohjood-{s.index}" for s in SPECS]
    for spec in SPECS:
        page = site / "agencies" / f"lohjood-{spec.index}.html"
        text = to_arabic_digits(page_text(page))
        assert spec.name in text
        assert all(f"{total}" in text and level in text for total, level in spec.results.values())
        assert f'href="https://agency-{spec.index}.example/"' in page.read_text(encoding="utf-8")

    # a repository with portal.yaml: its list and grouping, over the same artifacts
    grouped = runner("portal-with-manifest")
    (grouped.workspace / "portal.yaml").write_text(
        "agencies:\n  - path: exports/a1\n    ministry: กระทรวงมหาดไทย\n  - path: exports/a2\n", encoding="utf-8")
    shutil.rmtree(artifacts.store / "portal")
    assert "หน่วยงาน 2 แห่ง อ่านไม่ได้ 0 แห่ง" in run_job(grouped, "portal", artifacts)["portal"].stdout
    site = artifacts.store / "portal"
    assert sorted(p.stem for p in (site / "agencies").glob("*.html")) == ["lohjood-1", "lohjood-2"]
    [ministry] = (site / "groups").glob("ministry-*.html")
    assert "กระทรวงมหาดไทย" in page_text(ministry) and SPECS[0].name in page_text(ministry)
