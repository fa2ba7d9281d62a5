"""The GitHub Pages workflow ``ita-site init`` scaffolds: it installs only what the project carries, is pinned
and least-privileged, passes actionlint, and its own ``run:`` steps, run as written, publish the site."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import time
from importlib.metadata import distribution
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support.harness import REPO, initialised_project
from support.workflow import JobRun, actionlint, committed_project, steps

WORKFLOW = Path(".github/workflows/pages.yml")
OFFICIAL = {"actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"}
#: What actions/configure-pages answers for a project site of the agency's organisation.
PAGES_BASE_URL = "https://agency-example.github.io/ita"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)$", re.MULTILINE)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``ita-site init``, as an agency starts one."""
    return initialised_project(tmp_path_factory.mktemp("init") / "agency")


@pytest.fixture(scope="module")
def workflow(project: Path) -> dict:
    data = yaml.safe_load((project / WORKFLOW).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def runtime_requirements(name: str) -> set[str]:
    """Every distribution ``name`` needs at run time on this platform (its extras left out), by installed
    metadata."""
    needed: set[str] = set()
    todo = [name]
    while todo:
        current = canonicalize_name(todo.pop())
        if current in needed:
            continue
        needed.add(current)
        for line in distribution(current).requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return needed - {canonicalize_name(name)}


def pins(text: str) -> dict[str, str]:
    return {canonicalize_name(name): pinned for name, pinned in PIN.findall(text)}


# --- what the workflow says --------------------------------------------------------------------------------

def test_workflow_runs_on_push_daily_and_by_hand_with_least_privilege(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as true
    assert set(triggers) == {"push", "schedule", "workflow_dispatch"}
    assert [len(entry["cron"].split()) for entry in triggers["schedule"]] == [5]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert all(0 < job["timeout-minutes"] <= 30 for job in jobs.values())
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    order = list(steps(workflow, "build"))
    assert order.index("verify") < order.index("install") < order.index("date") < order.index("check") \
        < order.index("pages") < order.index("build") < order.index("actions/upload-pages-artifact")


def test_every_action_is_official_and_pinned_by_commit_with_its_version(project: Path, workflow: dict) -> None:
    used = re.findall(r"(?m)^\s*(?:- )?uses: (\S+)@(\S+)(.*)$", (project / WORKFLOW).read_text(encoding="utf-8"))
    assert {action for action, _, _ in used} == OFFICIAL
    assert len(used) == sum("uses" in s for job in workflow["jobs"].values() for s in job["steps"])
    for action, ref, comment in used:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action}@{ref} is not a commit"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), f"{action}: no version comment"


def test_workflow_installs_the_wheel_the_project_carries_with_its_hash(project: Path, workflow: dict) -> None:
    env = workflow["env"]
    wheel = project / env["ITA_SITE_WHEEL"]
    assert wheel.parent == project / "vendor" and wheel.is_file()
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == env["ITA_SITE_SHA256"]
    assert [p.name for p in (project / "vendor").iterdir()] == [wheel.name]
    build = steps(workflow, "build")
    assert "sha256sum --check" in build["verify"]["run"]
    assert "--constraint constraints.txt" in build["install"]["run"] and '"./$ITA_SITE_WHEEL"' in build["install"]["run"]
    assert "ita-site==" not in (project / WORKFLOW).read_text(encoding="utf-8")


def test_scaffold_constraints_pin_the_runtime_exactly_as_the_project_does() -> None:
    scaffolded = pins((REPO / "ita_site" / "scaffold" / "constraints.txt").read_text(encoding="utf-8"))
    tested = pins((REPO / "constraints.txt").read_text(encoding="utf-8"))
    runtime = runtime_requirements("ita-site")
    assert {"icu4py", "pillow", "mkdocs-material"} <= runtime
    assert scaffolded == {name: tested[name] for name in runtime}


def test_check_and_build_annotate_and_build_gets_the_pages_address(workflow: dict) -> None:
    build = steps(workflow, "build")
    assert build["pages"]["uses"].startswith("actions/configure-pages@")
    assert "--format github" in build["check"]["run"] and "--format github" in build["build"]["run"]
    assert build["build"]["env"] == {"PAGES_BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert '--site-url "$PAGES_BASE_URL/"' in build["build"]["run"]


@pytest.mark.parametrize(("committed_days_ago", "expected"), [(0, "commit"), (3, "start of today")])
def test_site_date_is_the_last_commit_or_the_start_of_a_later_day(workflow: dict, project: Path, tmp_path: Path,
                                                                   committed_days_ago: int, expected: str) -> None:
    """A push builds with its commit's date; the daily rebuild moves the date on to the day it runs."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    when = now - dt.timedelta(days=committed_days_ago, seconds=5)
    clone = committed_project(project, tmp_path / "agency", when)
    run = JobRun(workflow, clone, Path(sys.executable).parent, event="schedule")
    result = run.run("build", "date")
    assert result.returncode == 0, result.stderr
    start_of_today = dt.datetime.combine(now.date(), dt.time(), dt.UTC)
    wanted = when if expected == "commit" and when >= start_of_today else start_of_today
    assert run.exported == {"SOURCE_DATE_EPOCH": str(int(wanted.timestamp()))}


def test_check_step_annotates_bad_content_and_stops(workflow: dict, project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "agency"
    shutil.copytree(project, clone)
    agency = clone / "content" / "agency.yaml"
    original = agency.read_text(encoding="utf-8")
    assert re.search(r"(?m)^digits: ", original)
    agency.write_text(re.sub(r"(?m)^digits: .*$", "digits: roman", original), encoding="utf-8")
    checked = JobRun(workflow, clone, Path(sys.executable).parent).run("build", "check")
    assert checked.returncode != 0
    assert re.search(r"(?m)^::error file=content/agency\.yaml,line=\d+,col=\d+,title=ITA\d+::", checked.stdout)


# --- actionlint ----------------------------------------------------------------------------------------------

def test_actionlint_passes_the_workflow(project: Path) -> None:
    result = actionlint(project / WORKFLOW)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_finds_a_broken_step_reference(project: Path, tmp_path: Path) -> None:
    broken = tmp_path / "pages.yml"
    broken.write_text((project / WORKFLOW).read_text(encoding="utf-8").replace("steps.pages.", "steps.page."),
                      encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert re.search(r'pages\.yml:\d+:\d+: property "page" is not defined', result.stdout)


# --- the whole build job in a fresh environment -----------------------------------------------------------

@pytest.mark.slow
def test_build_job_run_steps_publish_the_site_from_a_fresh_environment(workflow: dict, project: Path,
                                                                       tmp_path: Path) -> None:
    """A new agency repository's first run: a fresh Python that reaches only the package registries, the
    ``run:`` steps as written; the uploaded folder holds the site, addressed under the Pages base URL."""
    venv = tmp_path / "python"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    python_ready = time.perf_counter() - started
    clone = committed_project(project, tmp_path / "agency", dt.datetime.now(dt.UTC).replace(microsecond=0))
    run = JobRun(workflow, clone, venv / "bin", action_outputs={"pages": {"base_url": PAGES_BASE_URL}})
    results = {step_id: run.run("build", step_id) for step_id in steps(workflow, "build")}
    failed = {step_id: r.stdout + r.stderr for step_id, r in results.items() if r.returncode != 0}
    assert failed == {}
    print("\n".join([f"{'setup-python (python -m venv)':<50} {python_ready:6.1f} s",
                     *(f"{name:<50} {seconds:6.1f} s" for name, seconds in run.seconds)]))
    assert re.search(r"(?m)^::warning file=content/oit/\d{4}\.yaml,line=\d+,col=\d+,title=ITA604::",
                     results["check"].stdout)
    assert "ITA520" not in results["build"].stdout  # site_url came from the Pages step
    uploaded = clone / steps(workflow, "build")["actions/upload-pages-artifact"]["with"]["path"]
    assert (uploaded / "index.html").is_file()
    assert (uploaded / "search" / "search_index.json").is_file()
    not_found = (uploaded / "404.html").read_text(encoding="utf-8")
    local_links = re.findall(r'(?:href|src)="(/[^"]*)"', not_found)
    assert local_links and all(link.startswith("/ita/") for link in local_links)
    installed = subprocess.run([venv / "bin" / "python", "-c", "from ita_site.cli.wheel import running_wheel; "
                                "print(running_wheel().sha256)"], cwd=clone, capture_output=True, text=True,
                               check=True)
    assert installed.stdout.strip() == workflow["env"]["ITA_SITE_SHA256"]  # rebuilt from a wheel install: same
