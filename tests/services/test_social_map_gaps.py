"""Gezocht, niet gevonden: notes of what the neighbourhood lacks."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.domain.social_map import MapCategory
from wijkteam.errors import NotFound, ValidationError
from wijkteam.services.records import MemberRecord
from wijkteam.services.social_map import GapCount
from wijkteam.wiring import Services


def test_record_and_list_newest_first(
    services: Services, member: MemberRecord, clock: FixedClock
) -> None:
    first = services.gaps.record_gap("Zwemles voor volwassenen", MapCategory.SPORT, member.id)
    clock.advance(days=2)
    services.gaps.record_gap("  Taalcafé op de avond ", MapCategory.LANGUAGE, member.id)
    gaps = services.gaps.gaps()
    assert [g.sought for g in gaps] == ["Taalcafé op de avond", "Zwemles voor volwassenen"]
    assert gaps[0].noted_on == date(2026, 11, 20)
    assert gaps[1] == first
    assert first.member_name == "Tessa Testlid" and first.resident_id is None


def test_grouped_by_category_most_sought_first(services: Services, member: MemberRecord) -> None:
    other = services.members.add("Olaf Ander", "OA", MemberRole.MEMBER)
    services.gaps.record_gap("Koffie-ochtend in Holset", MapCategory.MEETING, member.id)
    services.gaps.record_gap("Zwemles", MapCategory.SPORT, other.id)
    services.gaps.record_gap("Buurtbus", None, None)
    services.gaps.record_gap("Eetcafé voor alleenstaanden", MapCategory.MEETING, other.id)
    assert services.gaps.counts() == [
        GapCount(MapCategory.MEETING, 2),
        GapCount(MapCategory.SPORT, 1),
        GapCount(None, 1),
    ]
    meeting = services.gaps.gaps(MapCategory.MEETING)
    assert [g.sought for g in meeting] == [
        "Eetcafé voor alleenstaanden",
        "Koffie-ochtend in Holset",
    ]
    assert [g.sought for g in services.gaps.gaps(uncategorised=True)] == ["Buurtbus"]


def test_linked_to_a_resident_without_personal_data_in_the_note(
    services: Services, member: MemberRecord
) -> None:
    melding = services.reports.register(report(), resident=resident())
    gap = services.gaps.record_gap(
        "Maatje om mee te wandelen", MapCategory.MEETING, member.id, melding.resident_id
    )
    assert gap.resident_id == melding.resident_id
    with pytest.raises(NotFound):
        services.gaps.record_gap("Iets", None, member.id, resident_id=9999)


def test_empty_or_long_note_refused(services: Services, member: MemberRecord) -> None:
    with pytest.raises(ValidationError) as empty:
        services.gaps.record_gap("   ", MapCategory.SPORT, member.id)
    assert (empty.value.field, empty.value.code) == ("sought", "required")
    with pytest.raises(ValidationError) as long:
        services.gaps.record_gap("x" * 501, MapCategory.SPORT, member.id)
    assert long.value.code == "too_long"
    assert services.gaps.gaps() == []


def test_remove_a_note_made_by_mistake(services: Services, member: MemberRecord) -> None:
    gap = services.gaps.record_gap("Per ongeluk", None, member.id)
    services.gaps.remove_gap(gap.id)
    assert services.gaps.gaps() == []
    with pytest.raises(NotFound):
        services.gaps.remove_gap(gap.id)
