"""Referrals leave the laptop: the status 'doorverwezen' on the team's zaak, and a sent Wmo
consultation as a zaak of the municipality's Wmo-melding zaaktype that follows from it, due
six weeks after sending (Wmo 2015 art. 2.3.2). In the file and in the push, valid against
the official schemas, from a real store and from the demo data."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.factories import report, resident
from tests.sync.config import SECRET, USER, settings_input
from tests.sync.official import request_errors
from tests.sync.zgw_server import FakeZgwServer
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.demo.zgw_example import example_settings
from wijkteam.domain.referral import ConsentForm, Law, ReferralKind, Specialist, SupportWish
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.sync.export.archive import ArchiveReader
from wijkteam.sync.zgw.resources import KIND_ORDER, ResourceKind
from wijkteam.sync.zgw.values import identificatie
from wijkteam.wiring import Services

PASSPHRASE = "fietsen langs de Geul"
WMO = ReferralInput(ReferralKind.CONSULTATION, "Hulp bij het huishouden?", law=Law.WMO)
GGZ = ReferralInput(ReferralKind.ESCALATION, "Zorgen over somberheid", specialist=Specialist.GGZ)
CONSENT = ConsentInput("de inwoner zelf", "18-11-2026", ConsentForm.SPOKEN, "Wmo-consulent")


def in_conversation(
    services: Services, member: MemberRecord, surname: str = "Verzonnen"
) -> ReportRecord:
    saved = services.reports.register(
        report(assigned_member_id=member.id), resident=resident(surname=surname)
    )
    services.visits.plan(saved.id, VisitInput("18-11-2026", "08:00"))
    return services.visits.mark_held(saved.id)


def send(services: Services, melding: ReportRecord, data: ReferralInput) -> None:
    referral = services.referrals.create(melding.id, data)
    services.referrals.give_consent(referral.id, CONSENT)
    # A keukentafelgesprek leaves only once the resident heard about client support.
    services.referrals.set_support(referral.id, SupportWish.WANTS)
    services.referrals.send(referral.id)


def bodies(services: Services, target: Path) -> dict[ResourceKind, list[dict]]:  # type: ignore[type-arg]
    services.export.exports.export(target, PASSPHRASE, include_all=True)
    reader = ArchiveReader(target, PASSPHRASE)
    found = {kind: reader.bodies(kind) for kind in KIND_ORDER}
    for kind, items in found.items():
        for body in items:
            assert request_errors(kind, body) == []
    return found


def test_a_sent_wmo_referral_is_a_status_and_a_wmo_zaak_due_six_weeks_after_sending(
    services: Services, member: MemberRecord, clock: FixedClock, tmp_path: Path
) -> None:
    services.export.settings.save(settings_input())
    config = services.export.settings.config()
    melding = in_conversation(services, member)
    clock.advance(hours=2)
    send(services, melding, WMO)
    clock.advance(minutes=5)
    found = bodies(services, tmp_path / "a.zip")
    team_zaak, wmo_zaak = found[ResourceKind.ZAAK]
    assert team_zaak["identificatie"] == identificatie(melding.uuid)
    assert wmo_zaak["zaaktype"] == config.wmo_zaaktype
    assert wmo_zaak["relevanteAndereZaken"] == [
        {"url": f"{config.zaken_url}/zaken/{melding.uuid}", "aardRelatie": "vervolg"}
    ]
    assert wmo_zaak["startdatum"] == "2026-11-18"
    assert wmo_zaak["uiterlijkeEinddatumAfdoening"] == "2026-12-30"  # 18-11 + 6 weeks
    referred = [s for s in found[ResourceKind.STATUS] if s["statustype"].endswith("/referred")]
    assert [s["statustoelichting"] for s in referred] == [
        "Doorverwezen naar een Wmo-consulent (keukentafelgesprek)"
    ]
    # Nothing personal on the Wmo zaak: the resident is on the team's zaak it follows.
    assert "Verzonnen" not in str(wmo_zaak)


def test_without_a_wmo_zaaktype_or_for_an_escalation_only_the_status_leaves(
    services: Services, member: MemberRecord, clock: FixedClock, tmp_path: Path
) -> None:
    services.export.settings.save(settings_input(wmo_zaaktype=""))
    first = in_conversation(services, member)
    second = in_conversation(services, member, "Bedacht")
    clock.advance(hours=1)
    send(services, first, WMO)
    send(services, second, GGZ)
    clock.advance(minutes=5)
    found = bodies(services, tmp_path / "a.zip")
    assert len(found[ResourceKind.ZAAK]) == 2
    texts = sorted(
        s["statustoelichting"]
        for s in found[ResourceKind.STATUS]
        if s["statustype"].endswith("/referred")
    )
    # Where an escalation went is sensitive: named only when conversation content may leave.
    assert texts == [
        "Doorverwezen naar een Wmo-consulent (keukentafelgesprek)",
        "Doorverwezen naar een specialist",
    ]
    services.export.settings.save(settings_input())
    found = bodies(services, tmp_path / "b.zip")
    assert len(found[ResourceKind.ZAAK]) == 3  # the escalation made no zaak


def test_a_demo_store_with_referrals_exports_a_valid_wmo_zaak(
    services: Services, tmp_path: Path
) -> None:
    """The issue's 'done when': the demo data with the demo's example settings."""
    generate(services.store, services.audit, residents=40)
    services.export.settings.save(example_settings())
    found = bodies(services, tmp_path / "demo.zip")
    wmo = [z for z in found[ResourceKind.ZAAK] if z["zaaktype"].endswith("/wmo-melding")]
    assert len(wmo) == 1  # the demo sends one Wmo consultation (one more is a concept)
    (zaak,) = wmo
    team = {z["kenmerken"][0]["kenmerk"] for z in found[ResourceKind.ZAAK]}
    (follows,) = zaak["relevanteAndereZaken"]
    assert follows["aardRelatie"] == "vervolg"
    assert follows["url"].rsplit("/", 1)[1] in team
    start = date.fromisoformat(zaak["startdatum"])
    assert date.fromisoformat(zaak["uiterlijkeEinddatumAfdoening"]) == start + timedelta(weeks=6)


def test_the_push_links_the_wmo_zaak_to_the_teams_zaak_on_the_server(
    linked: Services, member: MemberRecord, clock: FixedClock, server: FakeZgwServer
) -> None:
    melding = in_conversation(linked, member)
    clock.advance(hours=1)
    send(linked, melding, WMO)
    clock.advance(minutes=5)
    first = linked.export.push.push(SECRET, USER)
    assert first.complete and server.state.refusals == []
    zaken = server.state.resources[ResourceKind.ZAAK]
    team = next(z for z in zaken if z["kenmerken"][0]["kenmerk"] == str(melding.uuid))
    (wmo,) = [z for z in zaken if z is not team]
    assert wmo["relevanteAndereZaken"] == [{"url": team["url"], "aardRelatie": "vervolg"}]
    posts = server.state.posts
    again = linked.export.push.push(SECRET, USER, include_all=True)
    assert server.state.posts == posts and again.created == 0
