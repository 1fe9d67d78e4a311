"""The one registry of Dutch error texts (ui/messages): every key once, every error of the
core worded, and no error recognised by its code as a string where it has a type."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import wijkteam
from ui.messages import REGISTRY, error_text, field_error_text
from ui.messages.error_texts import ERROR_TEXTS, GENERIC
from ui.messages.field_texts import FIELD_TEXTS
from ui.messages.import_texts import IMPORT_TEXTS
from ui.messages.registry import DuplicateText, Registry, duplicates, field, typed
from wijkteam.errors import (
    Cancelled,
    MapFileRefused,
    OpenItemsRemain,
    StoreError,
    Unexpected,
    ValidationError,
    ValidationFailed,
    WijkteamError,
)
from wijkteam.sync.export.errors import ServerRefused
from wijkteam.sync.imports.problems import ImportProblem
from wijkteam.sync.zgw.resources import ResourceKind

ROOT = Path(__file__).resolve().parents[2]
# Types whose instances carry their own code (one text per code), and bases never raised.
# SelfTestProblem: its report (ui/selftest.py PROBLEMS) words each code; tests/packaging checks.
PER_INSTANCE = {
    "ValidationError",
    "ImportRefused",
    "MapFileRefused",
    "TextRefused",
    "SelfTestProblem",
}
NOT_SHOWN = {"WijkteamError", "StoreError", "ValidationFailed", "ValidationError", "TextRefused"}


def _all_error_types() -> list[type[WijkteamError]]:
    for module in pkgutil.walk_packages(wijkteam.__path__, "wijkteam."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[WijkteamError]] = []
    todo = [WijkteamError]
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return [k for k in found if k.__module__.startswith("wijkteam.")]


def test_no_key_is_defined_twice() -> None:
    assert duplicates(FIELD_TEXTS, ERROR_TEXTS, IMPORT_TEXTS) == []


def test_a_key_defined_twice_is_refused() -> None:
    """What happened to report_closed: a later table silently overwrote the first text."""
    first = (field("report_closed", "Deze melding is al afgesloten."),)
    later = (field("report_closed", "Een doorverwijzing hoort bij een open melding."),)
    with pytest.raises(DuplicateText, match="ValidationError/report_closed"):
        Registry(first, later)
    with pytest.raises(DuplicateText):
        Registry((typed(Cancelled, "a"), typed(Cancelled, "b")))


def test_every_error_type_has_its_own_code() -> None:
    owners: dict[str, list[str]] = {}
    for kind in _all_error_types():
        if "code" in vars(kind) and kind.__name__ not in PER_INSTANCE - {"ValidationError"}:
            owners.setdefault(kind.code, []).append(kind.__qualname__)
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}


def test_every_error_the_core_raises_has_words_of_its_own() -> None:
    unworded = []
    for kind in _all_error_types():
        if kind.__name__ in NOT_SHOWN | PER_INSTANCE:
            continue
        text = REGISTRY.find(kind.__new__(kind))
        if text is None or text == GENERIC or text is REGISTRY.find(StoreError()):
            unworded.append(kind.__qualname__)
    assert unworded == []


def _raised_field_codes() -> set[str]:
    """Every ValidationError("field", "code") written in the core."""
    codes: set[str] = set()
    for path in (ROOT / "wijkteam").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "ValidationError"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                codes.add(node.args[1].value)
    return codes


def test_every_field_code_the_core_raises_is_worded() -> None:
    codes = _raised_field_codes()
    assert len(codes) > 40
    # A field rule of the import may come back as an ImportProblem with the import's wording.
    unworded = [
        c
        for c in codes
        if not REGISTRY.has_code(ValidationError, c) and not REGISTRY.has_code(ImportProblem, c)
    ]
    assert sorted(unworded) == []


def _import_problem_codes() -> set[str]:
    """Every ImportProblem.make(position, unit, "code", ...) written in the core."""
    codes: set[str] = set()
    for path in (ROOT / "wijkteam").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "make"
                and getattr(node.func.value, "id", "") == "ImportProblem"
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant)
            ):
                codes.add(node.args[2].value)
    return codes


def test_every_import_problem_the_core_makes_is_worded() -> None:
    """Errors and notes alike (e.g. an unknown source kept as text)."""
    codes = _import_problem_codes()
    assert {"source_kept_as_text", "column_unknown", "cell_count"} <= codes
    assert sorted(c for c in codes if not REGISTRY.has_code(ImportProblem, c)) == []


def _class_codes() -> set[str]:
    return {
        kind.code
        for kind in _all_error_types()
        if "code" in vars(kind) and kind.__name__ not in PER_INSTANCE
    }


def test_no_error_is_recognised_by_its_code_where_it_has_a_type() -> None:
    """`error.code == "duplicate_suspected"` instead of isinstance(error, DuplicateSuspected)."""
    codes = _class_codes()
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "wijkteam").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Compare) and _is_code(node.left)):
                continue
            for other in node.comparators:
                strings = [c.value for c in ast.walk(other) if isinstance(c, ast.Constant)]
                if any(s in codes for s in strings):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _is_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "code"


def test_a_closed_melding_is_worded_per_refusal() -> None:
    follow_up = ValidationFailed([ValidationError("follow_up", "report_closed")])
    referral = ValidationError("report", "referral_report_closed")
    assert error_text(follow_up) == "Deze melding is al afgesloten."
    assert "doorverwijzing" in error_text(referral)


def test_templates_get_their_details_and_degrade_without_them() -> None:
    assert "referentie AB12CD34" in error_text(Unexpected("AB12CD34"))
    assert "2 afspraken en 1 keer nabellen" in error_text(OpenItemsRemain(2, 1))
    columns = MapFileRefused("duplicate_columns", columns=["naam"])
    assert error_text(columns) == "Deze kolommen staan twee keer in de eerste regel: 'naam'."
    assert field_error_text(ValidationError("bsn", "length")) == "Deze invoer klopt niet."
    refused = ServerRefused(ResourceKind.ZAAK, 400)
    assert error_text(refused).startswith("Het zaaksysteem van de gemeente gaf een fout")
    assert "foutcode 400" in error_text(refused)


def test_field_labels_define_each_field_once() -> None:
    tree = ast.parse((ROOT / "ui" / "field_labels.py").read_text(encoding="utf-8"))
    (table,) = [n.value for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)][:1]
    assert isinstance(table, ast.Dict)
    keys = [k.value for k in table.keys if isinstance(k, ast.Constant)]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
