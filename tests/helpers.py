"""The shared test helpers under their earlier name; they live in ``support.harness``."""

from support.harness import REPO, copy_project, run_mkdocs_build, serving

__all__ = ["REPO", "copy_project", "run_mkdocs_build", "serving"]
