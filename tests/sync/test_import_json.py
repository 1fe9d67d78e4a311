"""The JSON parser: Zaak and Rol shapes of the ZGW Zaken API in the documented envelope."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.factories import BSN_A, BSN_BAD
from tests.sync.import_files import json_bytes, zaak_item
from wijkteam.domain.enums import ReportSource
from wijkteam.resources import resource
from wijkteam.sync.imports.limits import MAX_JSON_DEPTH
from wijkteam.sync.imports.parse import parse_import
from wijkteam.sync.imports.problems import ImportRefused, PositionUnit

TODAY = date(2026, 11, 18)


def _parse(data: bytes):  # type: ignore[no-untyped-def]
    return parse_import(data, "meldingen.json", TODAY)


def _codes(result) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    return [(p.position, p.field, p.code) for p in result.problems]


def _refused(data: bytes) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        _parse(data)
    return refused.value


def test_zaak_and_rollen_become_a_melding_with_resident_and_reporter() -> None:
    result = _parse(json_bytes(zaak_item(communicatiekanaalNaam="Buren")))
    assert result.is_valid and result.unit is PositionUnit.RECORD
    checked = result.rows[0].checked
    assert checked is not None and checked.position == 1
    assert checked.case_reference == "ZK-J1"
    assert checked.bsn == BSN_A
    assert checked.received_on == date(2026, 11, 10)
    assert checked.birth_date == date(1950, 2, 1)
    assert checked.resident.street == "Kerkstraat"
    assert checked.resident.house_number == "12"
    assert checked.resident.phone == "043 306 1234"
    assert checked.report.reporter_name == "Ria Buurvrouw"
    assert checked.report.reporter_relation == "buurvrouw"
    assert checked.report.reporter_contact == "06 12345678"
    assert checked.report.source is ReportSource.NEIGHBOUR


def test_request_shapes_without_omschrijving_generiek_and_brp_dates() -> None:
    item = zaak_item(bsn=None, born="19500201")
    for rol in item["rollen"]:
        rol.pop("omschrijvingGeneriek")
    item["rollen"].pop()  # only the resident's rol
    result = _parse(json_bytes(item))
    assert result.is_valid
    checked = result.rows[0].checked
    assert checked is not None and checked.birth_date == date(1950, 2, 1)
    assert checked.report.reporter_name == ""


def test_problems_carry_the_record_number_and_the_json_path() -> None:
    wrong_types = zaak_item("ZK-J3")
    wrong_types["rollen"][0]["betrokkeneIdentificatie"]["inpBsn"] = 999000019
    wrong_types["rollen"][0]["betrokkeneIdentificatie"]["verblijfsadres"]["aoaHuisnummer"] = "12"
    no_resident = zaak_item("ZK-J4")
    no_resident["rollen"] = no_resident["rollen"][1:]
    items = [
        zaak_item("ZK-J1"),
        zaak_item("ZK-J2", bsn=BSN_BAD, received="2027-01-01"),
        wrong_types,
        no_resident,
        "geen zaak",
        zaak_item("ZK-J1", bsn=None),
    ]
    result = _parse(json_bytes(*items))
    assert set(_codes(result)) == {
        (2, "bsn", "elfproef"),
        (2, "received_on", "in_future"),
        (3, "bsn", "wrong_type"),
        (4, "surname", "resident_role_missing"),
        (4, "surname", "required"),
        (5, "", "record_shape"),
        (6, "case_reference", "case_reference_repeated"),
    }
    assert [r.valid for r in result.rows] == [True, False, False, False, False, False]
    bsn = next(p for p in result.problems if p.code == "elfproef")
    assert bsn.source == "zaken[1].rollen[0].betrokkeneIdentificatie.inpBsn"
    typed = next(p for p in result.problems if p.code == "wrong_type")
    assert typed.source == "zaken[2].rollen[0].betrokkeneIdentificatie.inpBsn"


def test_two_belanghebbenden_are_ambiguous() -> None:
    item = zaak_item()
    item["rollen"].append(dict(item["rollen"][0]))
    assert ("resident_role_ambiguous") in {p.code for p in _parse(json_bytes(item)).problems}


@pytest.mark.parametrize(
    "data",
    [
        b'{"formaat": "wijkteam-meldingen", "versie": 1, "zaken": [',
        b'{"formaat": "wijkteam-meldingen", "versie": 1, "zaken": [NaN]}',
        b'{"formaat": "wijkteam-meldingen", "versie": 1, "zaken": [' + b"9" * 5000 + b"]}",
    ],
)
def test_broken_json_is_refused(data: bytes) -> None:
    assert _refused(data).code == "json_syntax"


def test_syntax_errors_say_where() -> None:
    error = _refused(b'{"formaat": "wijkteam-meldingen",\n  "versie": 1,\n  "zaken": [}\n')
    assert error.params["line"] == 3


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"zaken": []},
        {"formaat": "wijkteam-meldingen", "versie": 2, "zaken": []},
        {"formaat": "wijkteam-meldingen", "versie": True, "zaken": []},
        {"formaat": "wijkteam-meldingen", "versie": 1, "zaken": {}},
    ],
)
def test_the_envelope_is_checked(document: Any) -> None:
    assert _refused(json.dumps(document).encode()).code == "json_envelope"


def test_deep_nesting_is_refused_before_parsing() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    data = b'{"formaat": "wijkteam-meldingen", "versie": 1, "zaken": ' + deep.encode() + b"}"
    error = _refused(data)
    assert error.code == "json_too_deep"
    assert error.params["max"] == MAX_JSON_DEPTH


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    item = zaak_item(toelichting='[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{ \\" ]]]]')
    assert _parse(json_bytes(item)).is_valid


def test_json_must_be_utf8() -> None:
    data = json_bytes(zaak_item()).decode().encode("utf-16")
    assert _refused(data).code == "encoding"
    latin = json_bytes(zaak_item()).decode().encode("cp1252")
    assert _refused(latin).code == "encoding"


def test_the_example_file_matches_the_official_zgw_request_schemas() -> None:
    yaml = pytest.importorskip("yaml")
    validator_module = pytest.importorskip("openapi_schema_validator")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT4

    spec_path = Path(__file__).resolve().parents[1] / "reference/zgw/zaken-openapi.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    registry = referencing.Registry().with_resource(
        "zaken.yaml", referencing.Resource.from_contents(spec, default_specification=DRAFT4)
    )

    def errors(schema: str, body: Any) -> list[str]:
        ref = {"$ref": f"zaken.yaml#/components/schemas/{schema}"}
        validator = validator_module.OAS30Validator(ref, registry=registry)
        return [e.message for e in validator.iter_errors(body)]

    document = json.loads(resource("import", "voorbeeld_meldingen.json").read_text("utf-8"))
    for item in document["zaken"]:
        assert errors("ZaakRequest", item["zaak"]) == []
        for rol in item["rollen"]:
            assert errors("RolRequest", rol) == []
    broken = dict(document["zaken"][0]["rollen"][0])
    broken["betrokkeneIdentificatie"] = {"inpBsn": "12345"}
    assert errors("RolRequest", broken)  # the check itself can fail
    result = _parse(resource("import", "voorbeeld_meldingen.json").read_bytes())
    assert result.is_valid and len(result.rows) == 3
