"""Shared fixtures: the repository, and the seed agency's site built once per test session."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support.harness import REPO, run_mkdocs_build


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The default site (content/ of this repository), built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("seed") / "site"
    result = run_mkdocs_build(REPO, site)
    return site, result


@pytest.fixture(scope="session")
def seed_site(seed_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    site, result = seed_build
    assert result.returncode == 0, result.stdout + result.stderr
    return site
