"""The CSV parser: good files, Excel's habits, and every problem with its line number."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import BSN_A, BSN_BAD
from tests.sync.import_files import BAD_BSN_ROW, GOOD_ROWS, HEADER, csv_bytes, csv_row
from wijkteam.domain.enums import ReportSource
from wijkteam.sync.imports.parse import parse_import
from wijkteam.sync.imports.problems import ImportRefused, PositionUnit, Severity

TODAY = date(2026, 11, 18)


def _parse(data: bytes, name: str = "meldingen.csv"):  # type: ignore[no-untyped-def]
    return parse_import(data, name, TODAY)


def _codes(result) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    return [(p.position, p.field, p.code) for p in result.problems]


def test_a_good_file_gives_checked_records_in_file_order() -> None:
    result = _parse(csv_bytes(*GOOD_ROWS))
    assert result.is_valid and result.problems == ()
    assert result.unit is PositionUnit.LINE
    assert [r.position for r in result.rows] == [2, 3, 4]
    first = result.rows[0].checked
    assert first is not None
    assert first.case_reference == "ZK-1"
    assert first.bsn == BSN_A
    assert first.received_on == date(2026, 11, 10)
    assert first.report.source is ReportSource.RELATIVE
    assert result.rows[1].resident_name == "Jürgen Bakker"
    assert result.rows[1].birth_date == date(1960, 2, 2)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_utf8_with_or_without_bom_and_windows_1252_read_alike(encoding: str) -> None:
    result = _parse(csv_bytes(*GOOD_ROWS, encoding=encoding))
    assert result.is_valid
    assert [r.resident_name for r in result.rows] == ["Zoë Aalders", "Jürgen Bakker", "Zoë Çelik"]


def test_columns_in_any_order_and_case_extra_columns_reported_not_fatal() -> None:
    header = "VRAAG;Achternaam;Opmerking intern;Ontvangen;ZaakNummer;Relatie-Melder;geboortedatum"
    row = "Hulp bij de tuin;Verzonnen;iets;10-11-2026;ZK-7;buurman;01-02-1950"
    result = _parse(csv_bytes(row, header=header))
    assert result.is_valid
    assert _codes(result) == [(1, "", "column_unknown")]
    assert result.problems[0].severity is Severity.NOTICE
    assert result.problems[0].source == "opmerking_intern"
    checked = result.rows[0].checked
    assert checked is not None
    assert checked.report.reporter_relation == "buurman"
    assert checked.report.source is ReportSource.MUNICIPAL_DESK  # no bron column: the desk


def test_missing_required_columns_are_named_on_line_1() -> None:
    result = _parse(csv_bytes("ZK-1;Verzonnen", header="zaaknummer;achternaam"))
    assert not result.is_valid
    assert result.rows == ()
    assert _codes(result) == [
        (1, "received_on", "column_missing"),
        (1, "question", "column_missing"),
    ]


def test_a_comma_separated_file_is_explained() -> None:
    result = _parse(b"zaaknummer,ontvangen,achternaam,vraag\r\nZK-1,10-11-2026,X,Y\r\n")
    assert _codes(result) == [(1, "", "wrong_delimiter")]


def test_every_problem_has_its_line_number() -> None:
    rows = [
        GOOD_ROWS[0],  # line 2
        BAD_BSN_ROW,  # line 3
        csv_row(zaaknummer="ZK-10", ontvangen="31-12-2026", postcode="6291 SS"),  # line 4
        csv_row(zaaknummer="ZK-11", telefoon="12345", email="geen-adres"),  # line 5
        csv_row(zaaknummer="", achternaam="", vraag=""),  # line 6
        csv_row(zaaknummer="ZK-12", geboortedatum="31-02-1950", bron="Wmo-loket"),  # line 7
        csv_row(zaaknummer="ZK-1", achternaam="Herhaald"),  # line 8: repeated zaaknummer
    ]
    result = _parse(csv_bytes(*rows))
    assert not result.is_valid
    assert set(_codes(result)) == {
        (3, "bsn", "elfproef"),
        (4, "received_on", "in_future"),
        (4, "postcode", "letters_not_used"),
        (5, "phone", "phone_format"),
        (5, "email", "email_format"),
        (6, "case_reference", "required"),
        (6, "surname", "required"),
        (6, "question", "required"),
        (7, "birth_date", "date_format"),
        (7, "source", "source_kept_as_text"),  # a note only
        (8, "case_reference", "case_reference_repeated"),
    }
    assert [r.valid for r in result.rows] == [True, False, False, False, False, False, False]
    repeated = next(p for p in result.problems if p.code == "case_reference_repeated")
    assert repeated.param_map == {"first": 2}
    bsn = next(p for p in result.problems if p.field == "bsn")
    assert bsn.source == "bsn"
    assert BSN_BAD not in repr(result.problems)  # problems carry no cell contents


def test_line_numbers_count_physical_lines_of_multiline_cells_and_blank_rows() -> None:
    rows = [
        csv_row(zaaknummer="ZK-1", vraag="Eerste regel\nTweede regel\nDerde regel"),  # 2-4
        ";;;;;;;;;;;;;;;;;",  # line 5: an empty row Excel left behind
        "",  # line 6
        csv_row(zaaknummer="ZK-2", bsn=BSN_BAD),  # line 7
    ]
    result = _parse(csv_bytes(*rows))
    assert [r.position for r in result.rows] == [2, 7]
    assert _codes(result) == [(7, "bsn", "elfproef")]
    checked = result.rows[0].checked
    assert checked is not None and checked.report.question.count("\n") == 2


def test_a_row_with_more_cells_than_the_header_is_an_error() -> None:
    result = _parse(csv_bytes(csv_row() + ";te veel"))
    assert _codes(result) == [(2, "", "cell_count")]
    assert not result.rows[0].valid


def test_formula_like_cells_are_kept_exactly_as_typed() -> None:
    text = '=HYPERLINK("http://voorbeeld.invalid";"klik")'
    result = _parse(csv_bytes(csv_row(vraag=text, melder="+31 6 1234", relatie_melder="@buur")))
    checked = result.rows[0].checked
    assert checked is not None
    assert checked.report.question == text
    assert checked.report.reporter_name == "+31 6 1234"


def test_a_header_alone_is_a_valid_empty_file() -> None:
    result = _parse(csv_bytes(header=HEADER))
    assert result.is_valid and result.rows == ()


def test_broken_quoting_is_refused_with_the_line() -> None:
    data = csv_bytes(csv_row(), 'ZK-5;10-11-2026;"' + "x" * 200_000)
    with pytest.raises(ImportRefused) as refused:
        _parse(data)
    assert refused.value.code == "csv_unreadable"
    assert refused.value.params["line"] == 3
