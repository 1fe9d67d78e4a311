"""Property-based tests: whatever bytes arrive, the parsers never crash. They return records
and typed problems, or refuse the whole file with ImportRefused, and nothing else."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.import_files import COLUMNS, HEADER, csv_bytes, json_bytes, zaak_item
from wijkteam.sync.imports.parse import parse_import
from wijkteam.sync.imports.problems import ImportProblem, ImportRefused, PositionUnit
from wijkteam.sync.imports.records import ParseResult

TODAY = date(2026, 11, 18)
HEADER_CODES = {"column_missing", "column_unknown", "column_repeated", "wrong_delimiter"}
SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), max_size=30
)
cell = st.one_of(
    cell_text,
    st.sampled_from(["", "999000019", "999000018", "10-11-2026", "31-02-2026", "6291 AB", "="]),
)


def _check(result: ParseResult) -> None:
    """The promise every parse keeps: typed problems pointing at existing records."""
    positions = {row.position for row in result.rows}
    for problem in result.problems:
        assert isinstance(problem, ImportProblem)
        assert isinstance(problem.code, str) and problem.code
        assert problem.unit in (PositionUnit.LINE, PositionUnit.RECORD)
        assert problem.position in positions or problem.code in HEADER_CODES
    for row in result.rows:
        failing = [p for p in result.problems if p.position == row.position and p.is_error]
        assert row.valid == (not failing), (row, failing)


def _parse_or_refuse(data: bytes, name: str) -> None:
    try:
        result = parse_import(data, name, TODAY)
    except ImportRefused as refused:
        assert refused.code
        return
    _check(result)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.json", "x.zip", "x"]))
def test_random_bytes_never_crash(data: bytes, name: str) -> None:
    _parse_or_refuse(data, name)


@SETTINGS
@given(
    st.lists(st.lists(cell, min_size=0, max_size=len(COLUMNS) + 2), max_size=8),
    st.sampled_from(["utf-8-sig", "cp1252", "utf-8"]),
)
def test_csv_with_random_cells_gives_records_or_typed_problems(
    rows: list[list[str]], encoding: str
) -> None:
    lines = [";".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows]
    try:
        data = csv_bytes(*lines, header=HEADER, encoding=encoding)
    except UnicodeEncodeError:
        return  # text cp1252 cannot hold is not a file Excel could have written
    _parse_or_refuse(data, "x.csv")


@SETTINGS
@given(st.text(max_size=400))
def test_csv_text_of_any_shape_never_crashes(text: str) -> None:
    _parse_or_refuse(text.encode("utf-8", "surrogatepass"), "x.csv")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | cell_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(cell_text, inner, max_size=4),
    max_leaves=25,
)
zaak_keys = st.sampled_from(
    ["identificatie", "registratiedatum", "startdatum", "toelichting", "omschrijving"]
)
rol_keys = st.sampled_from(
    ["betrokkeneType", "omschrijvingGeneriek", "betrokkeneIdentificatie", "contactpersoonRol"]
)


@SETTINGS
@given(st.lists(json_values, max_size=5))
def test_json_with_random_zaken_gives_records_or_typed_problems(zaken: list[object]) -> None:
    _parse_or_refuse(json_bytes(*zaken), "x.json")


@SETTINGS
@given(
    st.dictionaries(zaak_keys, json_values, max_size=5),
    st.lists(st.dictionaries(rol_keys, json_values, max_size=4), max_size=3),
)
def test_json_with_mutated_zaak_and_rollen_fields(zaak: dict, rollen: list) -> None:  # type: ignore[type-arg]
    item = zaak_item()
    item["zaak"].update(zaak)
    item["rollen"] = [{**item["rollen"][0], **rollen[0]}, *rollen[1:]] if rollen else []
    _parse_or_refuse(json_bytes(item), "x.json")


@SETTINGS
@given(json_values)
def test_any_json_document_never_crashes(document: object) -> None:
    _parse_or_refuse(json.dumps(document).encode("utf-8"), "x.json")
