"""The schemas the app carries match the official ones; the settings are validated."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.sync.config import CATALOG, config, settings_input
from tests.sync.official import REFERENCE, spec
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ValidationFailed
from wijkteam.resources import resource
from wijkteam.sync.zgw.config_rules import statustype_field, validate_settings
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.schema_bundle import BUNDLE_NAME, bundle
from wijkteam.sync.zgw.schemas import ResourceInvalid, check


def test_the_bundled_request_schemas_equal_the_official_specification() -> None:
    carried = json.loads(resource("zgw", BUNDLE_NAME).read_text(encoding="utf-8"))
    fresh = bundle(REFERENCE, lambda path: spec("zaken" if "zaken" in path.name else "documenten"))
    assert carried == json.loads(json.dumps(fresh))
    assert carried["zaken"]["info"]["version"] == "1.5.1"
    assert carried["documenten"]["info"]["version"] == "1.4.2"


def test_the_runtime_check_names_the_field_and_rule_but_not_the_value() -> None:
    item = Resource(
        ResourceKind.ZAAK,
        uuid.uuid4(),
        "https://zaken.example.nl/zaken/api/v1/zaken/x",
        {"bronorganisatie": "999000019", "zaaktype": "https://c/z", "startdatum": "2026-01-01"},
        uuid.uuid4(),
    )
    with pytest.raises(ResourceInvalid) as raised:
        check(item)
    assert raised.value.params["rule"] == "required"
    assert "999000019" not in str(raised.value)
    too_long = Resource(
        ResourceKind.ZAAK,
        item.uuid,
        item.url,
        {**item.body, "verantwoordelijkeOrganisatie": "002220647", "omschrijving": "x" * 81},
        item.case_uuid,
    )
    with pytest.raises(ResourceInvalid) as raised:
        check(too_long)
    assert raised.value.params["field"] == "omschrijving"
    assert raised.value.params["rule"] == "maxLength"


def _codes(data) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as raised:
        validate_settings(data)
    return {e.field: e.code for e in raised.value.errors}


def test_a_complete_configuration_validates_and_trims_urls() -> None:
    made = validate_settings(settings_input(zaken="https://zaken.example.nl/zaken/api/v1/ "))
    assert made.zaken_url == "https://zaken.example.nl/zaken/api/v1"
    assert made.confidentiality == "zeer_geheim" and made.share_conversation is False
    assert made.statustypen[ReportStatus.NEW] == f"{CATALOG}/statustypen/new"


@pytest.mark.parametrize(
    ("rsin", "code"),
    [
        ("", "required"),
        ("00222064", "rsin_length"),
        ("00222064x", "rsin_digits"),
        ("002220648", "rsin_elfproef"),
    ],
)
def test_the_rsin_must_pass_the_11_proof(rsin: str, code: str) -> None:
    assert _codes(settings_input(rsin=rsin))["rsin"] == code


def test_rsin_with_spaces_or_dots_is_accepted() -> None:
    assert validate_settings(settings_input(rsin="0022.20.647")).rsin == "002220647"


def test_urls_are_checked_field_by_field() -> None:
    codes = _codes(
        settings_input(
            zaken="zaken.example.nl",
            documenten="http://documenten.example.nl/api",
            zaaktype="https://elders.example.nl/zaaktypen/1",
            statustypen={},
            informatieobjecttype=f"{CATALOG}/informatieobjecttypen/" + "x" * 200,
            confidentiality="geheimzinnig",
        )
    )
    assert codes["zaken_url"] == "url_format"
    assert codes["documenten_url"] == "url_https"
    assert codes["zaaktype"] == "url_not_in_catalog"
    assert codes[statustype_field(ReportStatus.NEW)] == "required"
    assert codes["informatieobjecttype"] == "too_long"
    assert codes["confidentiality"] == "confidentiality_unknown"
    assert "rsin" not in codes


def test_plain_http_is_allowed_only_on_this_computer() -> None:
    local = "http://127.0.0.1:8000"
    made = config(catalog=f"{local}/catalogi/api/v1", zaken=f"{local}/zaken/api/v1")
    assert made.zaken_url.startswith("http://127.0.0.1")
