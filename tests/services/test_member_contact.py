"""A member's work phone and e-mail (printed on the visit summary): validation, roles, audit."""

from __future__ import annotations

import pytest

from tests.audit_rows import audit_rows
from wijkteam.demo.generator import generate
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotAllowed, NotFound, ValidationFailed
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.records import MemberRecord
from wijkteam.validation import normalise_email, normalise_phone
from wijkteam.wiring import Services


def _events(services: Services) -> list[tuple[str, str, int | None, str, object]]:
    return [
        (e.action.value, e.object_type, e.object_id, e.result.value, e.actor_member_uuid)
        for e in audit_rows(services)
    ]


def test_own_contact_details_are_normalised_stored_and_audited(
    services: Services, member: MemberRecord
) -> None:
    services.context.act_as(member.id, MemberRole.MEMBER)
    saved = services.members.set_contact(member.id, " 06-12345678 ", " t.testlid@wijkteam.example ")
    assert (saved.phone, saved.email) == ("+31612345678", "t.testlid@wijkteam.example")
    stored = {m.id: m for m in services.members.list()}[member.id]
    assert (stored.phone, stored.email) == ("+31612345678", "t.testlid@wijkteam.example")
    assert _events(services)[-1] == (
        AuditAction.CHANGE.value,
        "member",
        member.id,
        AuditResult.DONE.value,
        member.uuid,
    )


def test_a_german_number_is_accepted_in_international_form(
    services: Services, member: MemberRecord
) -> None:
    saved = services.members.set_contact(member.id, "0049 241 123456", "")
    assert saved.phone == "+49241123456"


def test_bad_phone_and_email_are_reported_together_and_nothing_changes(
    services: Services, member: MemberRecord
) -> None:
    services.members.set_contact(member.id, "043 306 1234", "oud@wijkteam.example")
    before = len(_events(services))
    with pytest.raises(ValidationFailed) as caught:
        services.members.set_contact(member.id, "12345", "geen-adres")
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("phone", "phone_format"),
        ("email", "email_format"),
    }
    stored = {m.id: m for m in services.members.list()}[member.id]
    assert (stored.phone, stored.email) == ("+31433061234", "oud@wijkteam.example")
    assert len(_events(services)) == before


def test_a_number_outside_nl_de_be_is_refused(services: Services, member: MemberRecord) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.members.set_contact(member.id, "+44 20 7946 0958", "")
    assert [(e.field, e.code) for e in caught.value.errors] == [("phone", "phone_country")]


def test_empty_values_clear_the_details(services: Services, member: MemberRecord) -> None:
    services.members.set_contact(member.id, "06 12345678", "t.testlid@wijkteam.example")
    cleared = services.members.set_contact(member.id, "  ", "")
    assert (cleared.phone, cleared.email) == (None, None)


def test_a_member_cannot_change_a_colleagues_details(
    services: Services, member: MemberRecord
) -> None:
    colleague = services.members.add("Cees Collega", "CE", MemberRole.MEMBER)
    services.context.act_as(member.id, MemberRole.MEMBER)
    with pytest.raises(NotAllowed):
        services.members.set_contact(colleague.id, "06 12345678", "")
    stored = {m.id: m for m in services.members.list()}[colleague.id]
    assert stored.phone is None
    assert _events(services)[-1][:4] == ("change", "member", None, "refused")


def test_a_coordinator_changes_a_colleagues_details(
    services: Services, member: MemberRecord
) -> None:
    boss = services.members.add("Carla Coördinator", "CO", MemberRole.COORDINATOR)
    services.context.act_as(boss.id, MemberRole.COORDINATOR)
    saved = services.members.set_contact(member.id, "043 306 1234", "tt@wijkteam.example")
    assert saved.phone == "+31433061234"
    assert _events(services)[-1] == ("change", "member", member.id, "done", boss.uuid)


def test_an_unknown_member_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        services.members.set_contact(9999, "", "")


def test_demo_members_carry_valid_work_contact_details(services: Services) -> None:
    signed_in = services.accounts.current()
    generate(services.store, services.audit, residents=5)
    members = [m for m in services.members.list() if signed_in is None or m.id != signed_in.id]
    assert len(members) == 4
    for m in members:
        assert m.phone and normalise_phone(m.phone) == m.phone
        assert m.email and normalise_email(m.email) == m.email
