"""The dependency direction of DESIGN.md §4, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("wijkteam"), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_ui_or_qt(path: Path) -> None:
    bad = {n for n in _imports(path) if n.split(".")[0] in {"ui", "PySide6", "shiboken6"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _modules("ui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_never_touches_the_database_layer(path: Path) -> None:
    bad = {
        n
        for n in _imports(path)
        if n.split(".")[0] in {"sqlalchemy", "alembic", "sqlite3"}
        or n.startswith("wijkteam.store.models")
    }
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_modules_stay_small() -> None:
    too_big = {
        str(p.relative_to(ROOT)): n
        for p in _modules("wijkteam") + _modules("ui")
        if "migrations/versions" not in str(p)
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not too_big
