"""The YAML -> Markdown core must not depend on MkDocs, so the plugin stays a thin adapter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

#: Every layer below the plugin: none of them may import MkDocs.
CORE = ["content", "checks", "site", "outputs"]


def test_core_modules_load_without_mkdocs(repo: Path) -> None:
    code = (
        "import sys\n"
        + "".join(f"import ita_site.{name}.{module.stem}\n" for name in CORE
                  for module in sorted((repo / "ita_site" / name).glob("*.py")))
        + "from pathlib import Path\n"
        "from ita_site.content.project import load_project\n"
        "from ita_site.site.render import render_site\n"
        "site = render_site(load_project(Path('content')))\n"
        "assert len(site.pages) > 20\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs' or m.startswith('material')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_plugin_imports_mkdocs(repo: Path) -> None:
    importers = set()
    for path in (repo / "ita_site").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                importers.add(path.relative_to(repo / "ita_site").as_posix())
    core = {p for p in importers if p.split("/")[0].removesuffix(".py") in CORE}
    assert not core, core
    assert "plugin/plugin.py" in importers


def test_every_finding_code_is_documented(repo: Path) -> None:
    import ita_site.checks
    import ita_site.cli  # noqa: F401
    from ita_site.content.messages import MESSAGES

    documented = (repo / "docs" / "checks.md").read_text(encoding="utf-8")
    assert [code for code in MESSAGES if f"| {code} |" not in documented] == []
