"""Reading and writing the sociale kaart's CSV file (pure functions, no store)."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import replace
from datetime import date, datetime

import pytest

from tests.social_map_factories import csv_bytes
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.services.social_map import MapEntryRecord, MapFileRefused
from wijkteam.services.social_map.csv_cells import guard, needs_guard, unguard
from wijkteam.services.social_map.csv_read import MAX_FILE_BYTES, MAX_ROWS, read_map_csv
from wijkteam.services.social_map.csv_write import write_map_csv

TODAY = date(2026, 11, 18)
HEADER = "naam;soort;categorieën;toegang;plaats;telefoon;laatst gecontroleerd"


def _problems(data: bytes) -> dict[int, set[tuple[str, str]]]:
    parsed = read_map_csv(data, TODAY)
    return {p.line: {(e.field, e.code) for e in p.errors} for p in parsed.problems}


def test_a_good_file() -> None:
    parsed = read_map_csv(
        csv_bytes(
            HEADER,
            "Huiskamer De Linde;initiatief;ontmoeting;vrij toegankelijk;Vaals;043 000 0101;"
            "12-09-2026",
            "Taalcafé;Activiteit;taal, ontmoeting;via verwijzing;Vaals;;",
        ),
        TODAY,
    )
    assert parsed.problems == ()
    first, second = parsed.rows
    assert first.line == 2 and second.line == 3
    assert first.values["name"] == "Huiskamer De Linde"
    assert first.values["phone"] == "+31430000101"
    assert first.values["last_checked"] == date(2026, 9, 12)
    assert first.values["kind"] is MapEntryKind.INITIATIVE
    assert second.categories == {MapCategory.LANGUAGE, MapCategory.MEETING}
    assert second.values["access"] is MapAccess.REFERRAL
    assert second.values["active"] is True and second.values["is_example"] is False
    assert parsed.fields == {
        "name",
        "kind",
        "categories",
        "access",
        "place",
        "phone",
        "last_checked",
    }


def test_headers_in_any_order_case_and_spelling() -> None:
    parsed = read_map_csv(
        csv_bytes(
            " PLAATS ;Categorieen;E-MAILADRES;Naam;SOORT;Opmerking van Excel",
            "Lemiers;sport en bewegen|gezondheid;info@bewegen.example;Bewegen;activiteit;x",
        ),
        TODAY,
    )
    assert parsed.problems == ()
    (row,) = parsed.rows
    assert row.values["place"] == "Lemiers"
    assert row.values["email"] == "info@bewegen.example"
    assert row.categories == {MapCategory.SPORT, MapCategory.HEALTH}
    assert parsed.ignored_columns == ("Opmerking van Excel",)


def test_every_bad_row_with_its_line_number_and_reasons() -> None:
    data = csv_bytes(
        HEADER,
        "Goed;initiatief;ontmoeting;;Vaals;;",
        ";initiatief;ontmoeting;;Vaals;;",  # line 3: no name
        "",  # line 4: empty lines are skipped but counted
        "Fout nummer;organisatie;wonen;;Vaals;12345;",  # line 5
        '"Met een',  # lines 6-7: a quoted cell over two lines, then a bad kind and date
        'regel erin";clubhuis;knutselen;soms;Vaals;;31-02-2026',
        "Tweede goede;persoon;;;Holset;;",  # line 8
        "Goed;initiatief;;;vaals;;",  # line 9: the same entry as line 2
    )
    assert _problems(data) == {
        3: {("name", "required")},
        5: {("phone", "phone_format")},
        6: {
            ("kind", "unknown_kind"),
            ("categories", "unknown_category"),
            ("access", "unknown_access"),
            ("last_checked", "date_format"),
        },
        9: {("name", "duplicate_row")},
    }
    parsed = read_map_csv(data, TODAY)
    assert [r.line for r in parsed.rows] == [2, 8]
    duplicate = next(p for p in parsed.problems if p.line == 9).errors[0]
    assert duplicate.params == {"first_line": 2}
    bad_kind = next(e for e in parsed.problems[2].errors if e.field == "kind")
    assert bad_kind.params == {"value": "clubhuis"}


def test_cp1252_file_from_old_excel() -> None:
    data = csv_bytes(
        HEADER, "Café Ühle;initiatief;ontmoeting;;Vaals;;", bom=False, encoding="cp1252"
    )
    assert "é".encode("cp1252") in data  # really not UTF-8
    parsed = read_map_csv(data, TODAY)
    assert parsed.rows[0].values["name"] == "Café Ühle"


def test_utf8_without_bom() -> None:
    parsed = read_map_csv(csv_bytes(HEADER, "Zoë's plek;persoon;;;Vaals;;", bom=False), TODAY)
    assert parsed.rows[0].values["name"] == "Zoë's plek"


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (
            csv_bytes("naam,soort,plaats", "Huiskamer,initiatief,Vaals"),
            "wrong_delimiter",
            {"found": ","},
        ),
        (csv_bytes("naam\tsoort", "Huiskamer\tinitiatief"), "wrong_delimiter", {"found": "tab"}),
        (csv_bytes("sep=,", "naam,soort"), "wrong_delimiter", {"found": ","}),
        (csv_bytes("naam;plaats", "Huiskamer;Vaals"), "missing_columns", {"columns": ("soort",)}),
        (csv_bytes("wat;waar", "x;y"), "missing_columns", {"columns": ("naam", "soort")}),
        (csv_bytes("naam;soort;Naam", "a;b;c"), "duplicate_columns", {"columns": ("naam",)}),
        (b"", "empty", {}),
        (csv_bytes("", "", bom=True), "empty", {}),
        (b"naam;soort\x00\r\n", "binary", {}),
        (b"%PDF-1.7 naam;soort", "wrong_kind", {"kind": "pdf"}),
        (b"\xef\xbb\xbfnaam;soort\r\n\xff\xfe;x\r\n", "encoding", {}),
        (b"naam;soort\r\n\x81\x8d;x\r\n", "encoding", {}),  # bytes cp1252 leaves undefined
    ],
)
def test_files_refused_as_a_whole(data: bytes, code: str, params: dict[str, object]) -> None:
    with pytest.raises(MapFileRefused) as refused:
        read_map_csv(data, TODAY)
    assert refused.value.code == code
    assert dict(refused.value.params) == params


def test_excel_separator_hint_and_header_only() -> None:
    parsed = read_map_csv(csv_bytes("sep=;", "naam;soort"), TODAY)
    assert parsed.rows == () and parsed.problems == ()


def test_extra_cells_beyond_the_header() -> None:
    assert _problems(csv_bytes("naam;soort", "Huiskamer;initiatief;;", "Club;initiatief;x")) == {
        3: {("row", "extra_cells")}
    }


def test_bad_booleans_and_id() -> None:
    data = csv_bytes("id;naam;soort;actief;voorbeeld", "abc;Huiskamer;initiatief;misschien;ja")
    assert _problems(data) == {2: {("id", "id_format"), ("active", "yes_no")}}
    data = csv_bytes("naam;soort;actief;voorbeeld", "Huiskamer;initiatief;nee;ja")
    row = read_map_csv(data, TODAY).rows[0]
    assert (row.values["active"], row.values["is_example"]) == (False, True)


def test_huge_files_are_refused_before_parsing() -> None:
    with pytest.raises(MapFileRefused) as refused:
        read_map_csv(b"x" * (MAX_FILE_BYTES + 1), TODAY)
    assert refused.value.code == "too_large"
    rows = ["naam;soort"] + [f"Item {n};initiatief" for n in range(MAX_ROWS + 1)]
    with pytest.raises(MapFileRefused) as many:
        read_map_csv(csv_bytes(*rows), TODAY)
    assert many.value.code == "too_many_rows"


def test_a_giant_cell_is_a_clean_refusal() -> None:
    data = csv_bytes("naam;soort", '"' + "x" * 200_000 + '";initiatief')
    with pytest.raises(MapFileRefused) as refused:
        read_map_csv(data, TODAY)
    assert refused.value.code == "malformed"
    assert refused.value.params == {"line": 2}


def _record(**overrides: object) -> MapEntryRecord:
    values: dict[str, object] = dict(
        id=1,
        uuid=uuid.UUID("12345678-1234-5678-1234-567812345678"),
        name="Huiskamer",
        kind=MapEntryKind.INITIATIVE,
        categories=(MapCategory.MEETING, MapCategory.LANGUAGE),
        access=MapAccess.FREE,
        target_group=None,
        age_min=18,
        age_max=None,
        schedule=None,
        location=None,
        cost=None,
        place="Vaals",
        contact_name=None,
        phone="+31430000101",
        email=None,
        backup_name=None,
        backup_phone="+49241123456",
        website=None,
        description=None,
        active=True,
        last_checked=date(2026, 9, 12),
        is_example=False,
        stale=False,
        updated_at=datetime(2026, 11, 18),
    )
    values.update(overrides)
    return MapEntryRecord(**values)  # type: ignore[arg-type]


def test_export_is_what_excel_expects() -> None:
    data = write_map_csv([_record()])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = rows[0]
    cells = dict(zip(header, rows[1], strict=True))
    assert cells["id"] == "12345678-1234-5678-1234-567812345678"
    assert cells["categorieën"] == "ontmoeting, taal"
    assert cells["telefoon"] == "043 000 0101"
    assert cells["telefoon back-up"] == "'+49 241 123456"  # a + would start a formula
    assert cells["laatst gecontroleerd"] == "12-09-2026"
    assert (cells["actief"], cells["voorbeeld"]) == ("ja", "nee")
    assert cells["leeftijd van"] == "18" and cells["leeftijd tot"] == ""


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://x")', "+31 6", "-1+1", "@SUM(A1)", "\tcmd", " =1+1", "'=1+1", "＝1"],
)
def test_formula_injection_guarded_on_export_and_undone_on_import(dangerous: str) -> None:
    assert needs_guard(dangerous)
    assert guard(dangerous) == "'" + dangerous
    assert unguard(guard(dangerous)) == dangerous
    record = _record(description="ok", target_group=dangerous.strip() or "x", cost=dangerous)
    data = write_map_csv([record])
    cells = list(csv.reader(io.StringIO(data[3:].decode(), newline=""), delimiter=";"))[1]
    assert all(not cell or not needs_guard(cell) or cell.startswith("'") for cell in cells)
    assert not any(cell[:1] in "=+-@\t" for cell in cells if cell)


@pytest.mark.parametrize("harmless", ["Koffie", "'t Hofke", "", "3 euro", "e-mail"])
def test_harmless_cells_are_left_alone(harmless: str) -> None:
    assert guard(harmless) == harmless
    assert unguard(harmless) == harmless


def test_export_then_import_gives_the_same_entry() -> None:
    record = _record(
        description='Twee regels;\nmet "aanhalingstekens" en een puntkomma',
        cost="-",
        target_group="@iedereen",
    )
    (row,) = read_map_csv(write_map_csv([record]), TODAY).rows
    assert row.entry_id == record.uuid
    assert row.values["description"] == record.description
    assert row.values["cost"] == "-"
    assert row.values["target_group"] == "@iedereen"
    assert row.values["backup_phone"] == "+49241123456"
    assert row.categories == set(record.categories)
    inactive = replace(record, active=False, is_example=True)
    (again,) = read_map_csv(write_map_csv([inactive]), TODAY).rows
    assert (again.values["active"], again.values["is_example"]) == (False, True)
