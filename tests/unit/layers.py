"""The import graph between wijkteam's subpackages, read from the source (every import
counts, deferred and TYPE_CHECKING ones too; relative imports resolved)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

# docs/architecture.md, lowest first. A subpackage may import its own rank's
# package and the ranks below it, never one above or beside it.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "clock", "paths", "resources", "logs", "__init__"}),
    frozenset({"faults"}),
    frozenset({"domain", "validation", "teamproto"}),
    frozenset({"common"}),
    frozenset({"store"}),
    frozenset({"security"}),
    frozenset({"services"}),
    frozenset({"sync", "documents", "teamsync"}),
    frozenset({"demo"}),
    frozenset({"wiring"}),
    frozenset({"server", "selftest"}),
    frozenset({"server_command"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}


def unit_of(module: str) -> str | None:
    """`wijkteam.sync.export.cli` -> `sync`; `wijkteam` itself -> `__init__`."""
    parts = module.split(".")
    if parts[0] != "wijkteam":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _imported(path: Path, module: str) -> Iterator[tuple[str, int]]:
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield target, node.lineno
            for alias in node.names:  # `from wijkteam import sync` names a subpackage
                if target == "wijkteam" and not alias.name.startswith("__"):
                    yield f"wijkteam.{alias.name}", node.lineno


def edges(root: Path) -> dict[tuple[str, str], list[str]]:
    """(from unit, to unit) -> where ('wijkteam/x.py:12'), for imports across units."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted((root / "wijkteam").rglob("*.py")):
        rel = path.relative_to(root)
        if "migrations" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        source = unit_of(module) if len(parts) > 2 or parts[-1] == "__init__" else parts[-1]
        if len(parts) == 2 and parts[-1] == "__init__":
            source = "__init__"
        for target, line in _imported(path, module):
            dest = unit_of(target)
            if dest is not None and source is not None and dest != source:
                found.setdefault((source, dest), []).append(f"{rel}:{line}")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one unit (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def graph_of(found: dict[tuple[str, str], list[str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for source, dest in found:
        graph.setdefault(source, set()).add(dest)
    return graph


def upward(found: dict[tuple[str, str], list[str]]) -> list[str]:
    """Imports that go up or sideways in LAYERS, or touch a unit that has no rank yet."""
    wrong = []
    for (source, dest), where in sorted(found.items()):
        if source not in RANK or dest not in RANK:
            unknown = source if source not in RANK else dest
            wrong.append(f"wijkteam.{unknown} has no layer (add it to LAYERS): {where[0]}")
        elif RANK[dest] >= RANK[source]:
            wrong.append(f"{source} imports {dest} ({', '.join(where)})")
    return wrong
