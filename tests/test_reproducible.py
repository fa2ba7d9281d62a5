"""Reproducible builds: with SOURCE_DATE_EPOCH set, the same content gives the same bytes, file for file."""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from support.harness import REPO
from support.synthetic import write_agency

pytestmark = pytest.mark.slow  # two whole builds of a synthetic agency

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by POSIX path relative to it."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def start_build(project: Path, site: Path, hash_seed: str) -> subprocess.Popen[str]:
    """``mkdocs build --strict`` in a fresh process (its own hash seed), as a user or CI runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": hash_seed}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same three-fold agency (three years, progress entries) copied to two places and built into two others."""
    base = tmp_path_factory.mktemp("reproducible")
    first = write_agency(base / "a" / "agency", REPO, factor=3)
    second = write_agency(base / "elsewhere" / "deeper" / "agency", REPO, factor=3)
    builds = [start_build(first, base / "site-one", "1"), start_build(second, base / "out" / "site-two", "2")]
    for process in builds:
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, output
    return base / "site-one", base / "out" / "site-two"


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    one, two = map(tree_hashes, two_builds)
    assert len(one) > 100
    assert "data/datapackage.json" in one and "data/measures.csv" in one  # the open data too
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_the_sitemap_timestamp_comes_from_source_date_epoch(two_builds: tuple[Path, Path]) -> None:
    site, _ = two_builds
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(raw).startswith(b"<?xml")
    assert struct.unpack("<I", raw[4:8])[0] == EPOCH - EPOCH % 86400  # gzip header MTIME: that day, 00:00 UTC
