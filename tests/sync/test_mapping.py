"""The pure mapping: every resource kind, checked against the official ZGW request schemas."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import date, datetime

import pytest

from tests.sync.config import CATALOG, DOCUMENTEN, RSIN, ZAKEN, config
from tests.sync.official import post_schema_name, request_errors
from wijkteam.domain.enums import ClosingReason, ReportSource
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.zgw.data import (
    CaseData,
    ClosingData,
    ContactMomentData,
    DocumentData,
    MemberData,
    ReferralData,
    ResidentData,
    StatusData,
)
from wijkteam.sync.zgw.documents import DocumentChanged, map_document
from wijkteam.sync.zgw.klantcontact import map_klantcontact
from wijkteam.sync.zgw.referral import map_wmo_zaak
from wijkteam.sync.zgw.resources import API_OF, COLLECTION, REQUEST_SCHEMA, ResourceKind
from wijkteam.sync.zgw.rol import map_member_rol, map_resident_rol
from wijkteam.sync.zgw.status import map_resultaat, map_status
from wijkteam.sync.zgw.zaak import map_zaak

CASE = uuid.UUID("11111111-2222-4333-8444-555555555555")
PDF = b"%PDF-1.4\n% synthetic test document\n%%EOF\n"


def case(**overrides: object) -> CaseData:
    values: dict[str, object] = {
        "uuid": CASE,
        "received_on": date(2026, 11, 10),
        "registered_on": date(2026, 11, 11),
        "source": ReportSource.RELATIVE,
        "question": "Mijn moeder komt de deur niet meer uit.",
    }
    values.update(overrides)
    return CaseData(**values)  # type: ignore[arg-type]


def assert_valid(kind: ResourceKind, body: dict) -> None:  # type: ignore[type-arg]
    assert request_errors(kind, body) == []


@pytest.mark.parametrize("kind", list(ResourceKind))
def test_each_kind_uses_the_schema_the_official_spec_names_for_post(kind: ResourceKind) -> None:
    assert post_schema_name(API_OF[kind], COLLECTION[kind]) == REQUEST_SCHEMA[kind]


def test_a_melding_is_a_zaak_with_its_uuid_in_kenmerken() -> None:
    zaak = map_zaak(case(), config())
    assert zaak.url == f"{ZAKEN}/zaken/{CASE}"
    assert zaak.body["identificatie"] == f"WT-{CASE.hex}"
    assert zaak.body["bronorganisatie"] == zaak.body["verantwoordelijkeOrganisatie"] == RSIN
    assert zaak.body["zaaktype"].startswith(CATALOG)
    assert zaak.body["startdatum"] == "2026-11-10"
    assert zaak.body["registratiedatum"] == "2026-11-11"
    assert zaak.body["vertrouwelijkheidaanduiding"] == "zeer_geheim"
    assert zaak.body["kenmerken"] == [{"kenmerk": str(CASE), "bron": "Wijkteam"}]
    assert "deur" not in zaak.body["toelichting"]  # the question stays on the laptop
    assert_valid(ResourceKind.ZAAK, zaak.body)


def test_the_question_leaves_only_when_configured_and_the_zaaknummer_is_kept() -> None:
    zaak = map_zaak(
        case(case_reference="Z-2026-000123"),
        config(share_conversation=True, confidentiality="vertrouwelijk"),
    )
    assert "deur niet meer uit" in zaak.body["toelichting"]
    assert zaak.body["identificatie"] == "Z-2026-000123"
    assert zaak.body["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert_valid(ResourceKind.ZAAK, zaak.body)


def test_the_resident_is_known_by_bsn_alone_when_there_is_one() -> None:
    person = ResidentData("Verzonnen", "Zoë", None, date(1950, 2, 1), bsn="999000019")
    rol = map_resident_rol(CASE, person, config())
    assert rol.body["betrokkeneType"] == "natuurlijk_persoon"
    assert rol.body["betrokkeneIdentificatie"] == {"inpBsn": "999000019"}
    assert rol.body["zaak"] == f"{ZAKEN}/zaken/{CASE}"
    assert_valid(ResourceKind.ROL, rol.body)


def test_without_bsn_the_resident_is_known_by_name_and_birth_date() -> None:
    person = ResidentData("Müller-Šimić", "Zoë Anna", "van der", date(1950, 2, 1))
    rol = map_resident_rol(CASE, person, config())
    assert rol.body["betrokkeneIdentificatie"] == {
        "geslachtsnaam": "Müller-Šimić",
        "voorvoegselGeslachtsnaam": "van der",
        "voornamen": "Zoë Anna",
        "voorletters": "Z.A.",
        "geboortedatum": "1950-02-01",
    }
    assert_valid(ResourceKind.ROL, rol.body)
    # the same melding always gets the same rol
    assert map_resident_rol(CASE, person, config()).uuid == rol.uuid


def test_the_assigned_member_is_a_medewerker() -> None:
    member = MemberData(uuid.uuid4(), "Tessa Testlid", "TT")
    rol = map_member_rol(CASE, member, config())
    assert rol.body["betrokkeneType"] == "medewerker"
    assert rol.body["roltype"] == f"{CATALOG}/roltypen/behandelaar"
    assert rol.body["betrokkeneIdentificatie"] == {
        "identificatie": "TT",
        "achternaam": "Tessa Testlid",
    }
    assert_valid(ResourceKind.ROL, rol.body)


@pytest.mark.parametrize("status", list(ReportStatus))
def test_every_status_change_is_a_status_of_its_configured_type(status: ReportStatus) -> None:
    change = StatusData(uuid.uuid4(), CASE, status, datetime(2026, 11, 12, 14, 30))
    item = map_status(change, config())
    assert item.body["statustype"] == f"{CATALOG}/statustypen/{status.value}"
    assert item.body["datumStatusGezet"].startswith("2026-11-12T14:30:00")
    assert item.url == f"{ZAKEN}/statussen/{change.uuid}"
    assert_valid(ResourceKind.STATUS, item.body)


@pytest.mark.parametrize("reason", list(ClosingReason))
def test_closing_is_a_resultaat_of_the_reasons_type(reason: ClosingReason) -> None:
    item = map_resultaat(ClosingData(CASE, reason, note="persoonlijke notitie"), config())
    assert item.body["resultaattype"] == f"{CATALOG}/resultaattypen/{reason.value}"
    assert "notitie" not in item.body["toelichting"]
    assert_valid(ResourceKind.RESULTAAT, item.body)


def test_contact_moments_leave_without_conversation_content_by_default() -> None:
    contact = ContactMomentData(
        uuid.uuid4(),
        CASE,
        "home_visit",
        datetime(2026, 11, 13, 10, 0),
        duration_minutes=45,
        subject="Eenzaamheid en de tuin",
        summary="Vertelt over haar overleden man.",
    )
    item = map_klantcontact(contact, config())
    body = item.body
    assert body["kanaal"] == "huisbezoek"
    assert body["onderwerp"] == "Huisbezoek door het wijkteam"
    assert body["toelichting"] == "Duur: 45 minuten."
    assert len(body["identificatie"]) <= 14
    assert_valid(ResourceKind.KLANTCONTACT, body)
    shared = map_klantcontact(contact, config(share_conversation=True)).body
    assert shared["onderwerp"] == "Eenzaamheid en de tuin"
    assert "overleden man" in shared["toelichting"]
    assert_valid(ResourceKind.KLANTCONTACT, shared)


def test_a_printed_document_is_an_informatieobject_linked_to_the_zaak() -> None:
    document = DocumentData(
        uuid.uuid4(),
        CASE,
        "visit_summary",
        "de",
        datetime(2026, 11, 13, 11, 0),
        hashlib.sha256(PDF).hexdigest(),
        PDF,
    )
    eio, link = map_document(document, config())
    assert eio.url == f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{document.uuid}"
    assert base64.b64decode(eio.body["inhoud"]) == PDF
    assert eio.body["formaat"] == "application/pdf"
    assert eio.body["taal"] == "ger"
    assert eio.body["titel"] == "Gespreksverslag 13-11-2026"
    assert eio.body["bestandsnaam"] == f"visit_summary-{document.uuid.hex[:8]}.pdf"
    assert eio.body["integriteit"]["waarde"] == document.sha256
    assert link.body == {
        "informatieobject": eio.url,
        "zaak": f"{ZAKEN}/zaken/{CASE}",
        "titel": eio.body["titel"],
    }
    assert_valid(ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, eio.body)
    assert_valid(ResourceKind.ZAAKINFORMATIEOBJECT, link.body)


def test_a_document_whose_bytes_changed_is_refused() -> None:
    document = DocumentData(
        uuid.uuid4(), CASE, "visit_summary", "nl", datetime(2026, 11, 13), "0" * 64, PDF
    )
    with pytest.raises(DocumentChanged):
        map_document(document, config())


def test_a_sent_wmo_consultation_is_a_follow_up_zaak_due_six_weeks_after_sending() -> None:
    referral = ReferralData(
        uuid.uuid4(), CASE, "consultation", "wmo", datetime(2026, 11, 16, 15, 0)
    )
    wmo = map_wmo_zaak(referral, config())
    assert wmo is not None
    assert wmo.body["zaaktype"] == f"{CATALOG}/zaaktypen/wmo-melding"
    assert wmo.body["relevanteAndereZaken"] == [
        {"url": f"{ZAKEN}/zaken/{CASE}", "aardRelatie": "vervolg"}
    ]
    # Wmo 2015 art. 2.3.2: six weeks after the melding, which the referral is.
    assert wmo.body["uiterlijkeEinddatumAfdoening"] == "2026-12-28"
    assert wmo.body["startdatum"] == wmo.body["registratiedatum"] == "2026-11-16"
    assert wmo.uuid != CASE and wmo.case_uuid == CASE
    assert wmo.body["kenmerken"] == [{"kenmerk": str(referral.uuid), "bron": "Wijkteam"}]
    assert wmo.body["identificatie"] == f"WT-{wmo.uuid.hex}"
    assert_valid(ResourceKind.ZAAK, wmo.body)
    # The same referral always makes the same zaak.
    again = map_wmo_zaak(referral, config())
    assert again is not None and again.uuid == wmo.uuid and again.body == wmo.body


def test_referrals_not_sent_or_not_wmo_or_not_configured_make_no_wmo_zaak() -> None:
    sent = datetime(2026, 11, 16, 15, 0)

    def referral(kind: str, law: str | None, at: datetime | None) -> ReferralData:
        return ReferralData(uuid.uuid4(), CASE, kind, law, at)

    assert map_wmo_zaak(referral("consultation", "wmo", None), config()) is None
    assert map_wmo_zaak(referral("consultation", "jeugdwet", sent), config()) is None
    assert map_wmo_zaak(referral("escalation", None, sent), config()) is None
    assert map_wmo_zaak(referral("consultation", "wmo", sent), config(wmo_zaaktype="")) is None


@pytest.mark.parametrize(
    ("referred_to", "shared", "text"),
    [
        ("consultation:wmo", False, "Doorverwezen naar een Wmo-consulent (keukentafelgesprek)"),
        ("consultation:jeugdwet", False, "Doorverwezen naar een consulent jeugd"),
        ("consultation:other", False, "Doorverwezen naar een consulent"),
        ("escalation:veilig_thuis", False, "Doorverwezen naar een specialist"),
        ("escalation:veilig_thuis", True, "Opgeschaald naar Veilig Thuis"),
        ("escalation:ggz", False, "Doorverwezen naar een specialist"),
        (None, False, "Doorverwezen"),
    ],
)
def test_the_status_doorverwezen_says_where_to_but_an_escalation_only_when_shared(
    referred_to: str | None, shared: bool, text: str
) -> None:
    change = StatusData(
        uuid.uuid4(), CASE, ReportStatus.REFERRED, datetime(2026, 11, 16, 15), referred_to
    )
    item = map_status(change, config(share_conversation=shared))
    assert item.body["statustype"] == f"{CATALOG}/statustypen/referred"
    assert item.body["statustoelichting"] == text
    assert_valid(ResourceKind.STATUS, item.body)


def test_a_status_keeps_its_microseconds() -> None:
    change = StatusData(uuid.uuid4(), CASE, ReportStatus.NEW, datetime(2026, 11, 16, 15, 0, 0, 1))
    assert ".000001" in map_status(change, config()).body["datumStatusGezet"]


def test_the_official_validator_does_reject_a_broken_body() -> None:
    body = map_zaak(case(), config()).body
    assert request_errors(ResourceKind.ZAAK, {**body, "bronorganisatie": "123"})
    assert request_errors(ResourceKind.ZAAK, {k: v for k, v in body.items() if k != "zaaktype"})
    rol = map_resident_rol(CASE, ResidentData("X", bsn="999000019"), config()).body
    assert request_errors(ResourceKind.ROL, {**rol, "betrokkeneType": "alien"})
