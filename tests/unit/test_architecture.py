"""The dependency direction of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.unit import layers

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


def test_no_import_cycle_between_wijkteam_subpackages() -> None:
    found = layers.edges(ROOT)
    assert layers.cycles(layers.graph_of(found)) == []


def test_wijkteam_layers_run_one_way() -> None:
    """domain <- store <- services <- sync/documents/teamsync <- wiring <- cli/server."""
    assert layers.upward(layers.edges(ROOT)) == []


def test_the_layer_check_sees_deferred_relative_and_typing_imports(tmp_path: Path) -> None:
    """The checks above would pass on a broken tree if they missed imports: prove they don't."""
    package = tmp_path / "wijkteam"
    for folder in ("services", "sync", "store", "services/deep"):
        (package / folder).mkdir(parents=True, exist_ok=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "services" / "a.py").write_text(
        "def later():\n    from wijkteam.sync import b  # deferred\n"
    )
    (package / "services" / "deep" / "c.py").write_text("from ...store import d\n")
    (package / "store" / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..services import a\n"
    )
    (package / "sync" / "b.py").write_text("import wijkteam.services.a\n")
    found = layers.edges(tmp_path)
    assert set(found) == {
        ("services", "sync"),
        ("services", "store"),
        ("store", "services"),
        ("sync", "services"),
    }
    assert layers.cycles(layers.graph_of(found)) == [["services", "store", "sync"]]
    assert [w.split(" (")[0] for w in layers.upward(found)] == [
        "services imports sync",
        "store imports services",
    ]


def test_ui_never_opens_a_store_or_holds_its_key() -> None:
    """First start, sign-in, reset and restore are wijkteam/wiring services the UI calls."""
    low = ("wijkteam.store", "wijkteam.security.keyring", "wijkteam.security.conversion")
    bad = {
        f"{p.relative_to(ROOT)}: {n}"
        for p in _modules("ui")
        for n in _imports(p)
        if n.startswith(low) or n == "wijkteam.wiring.setup"
    }
    assert not bad
