"""The GitHub Pages workflow ``ita-site init`` scaffolds: valid, pinned, and its check and build steps run here."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from support.harness import REPO, run_ita_site

WORKFLOW = Path(".github/workflows/pages.yml")
OFFICIAL = {"actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``ita-site init``, as an agency starts one."""
    target = tmp_path_factory.mktemp("init") / "agency"
    result = run_ita_site("init", target, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def workflow(project: Path) -> dict:
    data = yaml.safe_load((project / WORKFLOW).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict, job: str) -> dict[str, dict]:
    return {step.get("id") or step["uses"].split("@")[0]: step for step in workflow["jobs"][job]["steps"]}


def run_step(step: dict, workflow: dict, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a step's ``run:`` script with bash, as the runner does, with ``ita-site`` from this environment."""
    env = {**os.environ, **{k: str(v) for k, v in workflow.get("env", {}).items()},
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=300)


def test_workflow_uses_the_official_pages_actions(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    used = {step["uses"].split("@")[0] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step}
    assert used == OFFICIAL
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    build = steps(workflow, "build")
    order = list(build)
    assert order.index("install") < order.index("check") < order.index("build") \
        < order.index("actions/upload-pages-artifact")


def test_workflow_installs_the_pinned_versions(workflow: dict, project: Path) -> None:
    install = steps(workflow, "build")["install"]["run"]
    assert "--constraint constraints.txt" in install
    assert workflow["env"]["ITA_SITE"] == f"ita-site=={version('ita-site')}"
    pins = dict(re.findall(r"(?m)^([A-Za-z0-9_.\-]+)==(\S+)$", (project / "constraints.txt").read_text()))
    for package in ("mkdocs", "mkdocs-material", "pydantic", "ruamel.yaml", "Jinja2", "click"):
        assert pins.get(package) == version(package), package


@pytest.mark.slow
def test_check_and_build_steps_run_and_publish_the_uploaded_folder(workflow: dict, project: Path) -> None:
    build = steps(workflow, "build")
    checked = run_step(build["check"], workflow, project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run_step(build["build"], workflow, project)
    assert built.returncode == 0, built.stdout + built.stderr
    uploaded = project / build["actions/upload-pages-artifact"]["with"]["path"]
    assert (uploaded / "index.html").is_file()
    assert (uploaded / "search" / "search_index.json").is_file()


def test_check_step_stops_the_workflow_on_bad_content(workflow: dict, project: Path, tmp_path: Path) -> None:
    agency = project / "content" / "agency.yaml"
    original = agency.read_text(encoding="utf-8")
    assert re.search(r"(?m)^digits: ", original)
    try:
        agency.write_text(re.sub(r"(?m)^digits: .*$", "digits: roman", original), encoding="utf-8")
        checked = run_step(steps(workflow, "build")["check"], workflow, project)
    finally:
        agency.write_text(original, encoding="utf-8")
    assert checked.returncode != 0
    assert re.search(r"content/agency\.yaml:\d+:\d+: ", checked.stdout + checked.stderr)


@pytest.mark.slow
def test_matrix_template_shards_every_agency_exactly_once(tmp_path: Path) -> None:
    """Each runner of the many-agency template builds its share; together they build every agency once."""
    from ita_site.content.project import load_project
    from support.synthetic import write_agency

    template = yaml.safe_load((REPO / "docs" / "templates" / "build-many-matrix.yml").read_text(encoding="utf-8"))
    job = template["jobs"]["build"]
    assert job["strategy"]["fail-fast"] is False
    assert len(job["strategy"]["matrix"]["shard"]) == int(template["env"]["SHARDS"])
    assert {s["uses"].split("@")[0] for s in job["steps"] if "uses" in s} <= OFFICIAL | {"actions/upload-artifact"}
    seed = load_project(REPO / "content", REPO)
    for i in range(3):
        write_agency(tmp_path / "agencies" / f"agency-{i}", REPO, factor=1, index=i, seed=seed)
    step = steps(template, "build")["build"]
    built: dict[int, list[str]] = {}
    for shard in (0, 1):
        workflow = {"env": {**template["env"], "SHARDS": "2", "SHARD": str(shard)}}
        result = run_step(step, workflow, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        built[shard] = sorted(p.parent.name for p in (tmp_path / "sites").glob("*/index.html")
                              if p.parent.name not in sum(built.values(), []))
    assert built == {0: ["agency-0", "agency-2"], 1: ["agency-1"]}
