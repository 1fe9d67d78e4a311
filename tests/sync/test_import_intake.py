"""Hostile or mistaken files are refused whole, with a code the interface explains."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.sync.import_files import GOOD_ROWS, csv_bytes, json_bytes, zaak_item
from wijkteam.sync.imports import intake
from wijkteam.sync.imports.limits import MAX_FILE_BYTES, MAX_RECORDS
from wijkteam.sync.imports.parse import parse_import
from wijkteam.sync.imports.problems import ImportRefused

TODAY = date(2026, 11, 18)


def _refusal(data: bytes, name: str = "meldingen.csv") -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        parse_import(data, name, TODAY)
    return refused.value


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(ImportRefused) as refused:
        intake.read_limited(path)
    assert refused.value.code == "too_large"
    assert refused.value.params["max_mb"] == 10


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        intake.read_limited(tmp_path / "weg.csv")
    assert refused.value.code == "unreadable_file"


def test_too_many_records_are_refused() -> None:
    rows = [f"ZK-{n};10-11-2026;;;;X;01-01-1950;;;;;;;;;;v;" for n in range(MAX_RECORDS + 1)]
    assert _refusal(csv_bytes(*rows)).code == "too_many_records"
    items = [{"zaak": {}, "rollen": []}] * (MAX_RECORDS + 1)
    assert _refusal(json_bytes(*items), "x.json").code == "too_many_records"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf \r\n", "empty"),
        (b"%PDF-1.7\n...", "wrong_kind"),
        (b"\x89PNG\r\n\x1a\n....", "wrong_kind"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "wrong_kind"),
        (bytes(range(256)) * 10, "binary"),
        (b"zaaknummer;ontvangen\x01\x02\x03\x04\x05;achternaam;vraag\r\n", "binary"),
        ("zaaknummer;ontvangen;achternaam;vraag\r\n".encode("utf-16"), "encoding"),
        ("zaaknummer;ontvangen;achternaam;vraag\r\n".encode("utf-16-le"), "binary"),
        (b"zaaknummer;achternaam\r\nZK-1;\x81\x8d\x8f\r\n", "encoding"),  # not cp1252 either
        (b"\xef\xbb\xbfzaaknummer;achternaam\r\nZK-1;\xff\xfe\r\n", "encoding"),  # BOM, not UTF-8
    ],
)
def test_binary_garbage_and_wrong_encodings_are_refused(data: bytes, code: str) -> None:
    assert _refusal(data).code == code


def test_an_excel_workbook_is_recognised() -> None:
    workbook = _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})
    assert _refusal(workbook, "meldingen.xlsx").code == "excel_workbook"


def test_a_zip_with_one_csv_or_json_is_read_in_memory() -> None:
    result = parse_import(_zip({"export/meldingen.csv": csv_bytes(*GOOD_ROWS)}), "x.zip", TODAY)
    assert result.is_valid and len(result.rows) == 3
    result = parse_import(_zip({"zaken.json": json_bytes(zaak_item())}), "x.zip", TODAY)
    assert result.is_valid and len(result.rows) == 1


@pytest.mark.parametrize(
    "name",
    [
        "../meldingen.csv",
        "map/../../meldingen.csv",
        "/etc/meldingen.csv",
        "C:/Users/meldingen.csv",
        "map\\..\\meldingen.csv",
        "melding\x07en.csv",
    ],
)
def test_path_tricks_in_archive_names_are_refused(name: str) -> None:
    data = _zip({name: csv_bytes(*GOOD_ROWS)})
    assert _refusal(data, "x.zip").code == "zip_unsafe_name"


def test_zip_bombs_and_odd_archives_are_refused() -> None:
    bomb = _zip({"meldingen.csv": b"a" * (MAX_FILE_BYTES + 10)})
    assert len(bomb) < 100_000
    assert _refusal(bomb, "x.zip").code == "too_large"
    two = _zip({"a.csv": csv_bytes(*GOOD_ROWS), "b.csv": csv_bytes(*GOOD_ROWS)})
    assert _refusal(two, "x.zip").code == "zip_contents"
    other = _zip({"a.exe": b"MZ"})
    assert _refusal(other, "x.zip").code == "zip_contents"
    assert _refusal(b"PK\x03\x04" + b"\x00" * 40, "x.zip").code == "zip_damaged"


def test_a_zip_whose_directory_lies_about_the_size_is_still_bounded() -> None:
    data = bytearray(_zip({"meldingen.csv": b"a" * (MAX_FILE_BYTES + 10)}))
    entry = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    # Claim 10 bytes in the central directory: the reader must still stop at the limit.
    central = bytes(data).rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    assert entry.file_size > MAX_FILE_BYTES
    assert _refusal(bytes(data), "x.zip").code in {"too_large", "zip_damaged"}
