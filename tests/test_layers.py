"""The package's layers import only downwards, and no module imports itself back through others."""

from __future__ import annotations

import ast
from pathlib import Path

#: Lowest first: each layer may import only itself and the layers before it.
LAYERS = ["content", "checks", "site", "outputs", "portal", "plugin", "cli"]


def _module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(package: Path) -> dict[str, set[str]]:
    """Each ita_site module and the ita_site modules it imports (anywhere in it, functions included)."""
    files = {_module_name(path, package): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in files else node.module
                             for alias in node.names)
        graph[name] = {module for module in found if module in files and module != name}
    return graph


def _layer(module: str) -> int:
    """The module's place in LAYERS; ``python -m ita_site`` (``__main__``) sits on top of them all."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else len(LAYERS)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module], found = 1, None
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = 2
        path.pop()
        return None

    return next((found for module in sorted(graph) if module not in state and (found := visit(module))), None)


def test_layers_import_only_downwards(repo: Path) -> None:
    graph = _imports(repo / "ita_site")
    upward = {f"{module} -> {target}" for module, targets in graph.items() for target in targets
              if _layer(target) > _layer(module)}
    assert upward == set()


def test_no_import_cycles(repo: Path) -> None:
    assert _cycle(_imports(repo / "ita_site")) is None


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
