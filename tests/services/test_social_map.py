"""The sociale kaart's service: search, filters, stale entries, deactivating, deleting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Column, ForeignKey, Integer, Table

from tests.social_map_factories import PHONE_B, map_entry
from wijkteam.clock import FixedClock
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind, is_stale, stale_before
from wijkteam.errors import NotFound, ValidationFailed
from wijkteam.services.social_map import EntryReferenced, MapQuery
from wijkteam.services.social_map.references import referencing_columns
from wijkteam.store import Store
from wijkteam.store.models import Base
from wijkteam.wiring import Services


def _names(services: Services, **query: object) -> list[str]:
    return [e.name for e in services.social_map.search(MapQuery(**query))]  # type: ignore[arg-type]


@pytest.fixture
def little_map(services: Services) -> None:
    create = services.social_map.create
    create(map_entry())
    create(
        map_entry(
            name="Wandelgroep Vijlerbos",
            kind=MapEntryKind.ACTIVITY,
            categories=frozenset({MapCategory.SPORT, MapCategory.MEETING}),
            place="Vijlen",
            contact_name="Harrie Wetzelaer",
            description="Een uur wandelen, daarna koffie.",
            last_checked="10-10-2025",
        )
    )
    create(
        map_entry(
            name="Taalcafé",
            kind=MapEntryKind.ACTIVITY,
            categories=frozenset({MapCategory.LANGUAGE}),
            contact_name="Fatma Yıldız",
            backup_name="Gerd Müller",
            description="Nederlands oefenen.",
            last_checked="",
        )
    )
    create(
        map_entry(
            name="Budgetbureau",
            kind=MapEntryKind.ORGANISATION,
            categories=frozenset({MapCategory.MONEY_DEBT}),
            access=MapAccess.CONDITION,
            place="vaals",  # another spelling of the same place
            contact_name="",
            description="Hulp bij schulden.",
        )
    )


def test_create_normalises_and_reads_back(services: Services) -> None:
    created = services.social_map.create(
        map_entry(age_min="18", age_max="67", backup_phone="+49 241 123456", website="x.example")
    )
    entry = services.social_map.get(created.id)
    assert entry.phone == "+31430000901"
    assert entry.backup_phone == "+49241123456"
    assert (entry.age_min, entry.age_max) == (18, 67)
    assert entry.categories == (MapCategory.MEETING,)
    assert entry.last_checked == date(2026, 10, 1)
    assert entry.active and not entry.stale and not entry.is_example


def test_every_problem_of_an_entry_at_once(services: Services) -> None:
    with pytest.raises(ValidationFailed) as raised:
        services.social_map.create(
            map_entry(
                name=" ",
                phone="12345",
                email="geen-adres",
                age_min="70",
                age_max="12",
                website="niet een site",
                last_checked="01-01-2027",
            )
        )
    codes = {(e.field, e.code) for e in raised.value.errors}
    assert codes == {
        ("name", "required"),
        ("phone", "phone_format"),
        ("email", "email_format"),
        ("age_max", "age_order"),
        ("website", "website_format"),
        ("last_checked", "in_future"),
    }
    assert services.social_map.count(MapQuery(include_inactive=True)) == 0


def test_ages_must_be_whole_years_within_reason(services: Services) -> None:
    with pytest.raises(ValidationFailed) as raised:
        services.social_map.create(map_entry(age_min="achttien", age_max="130"))
    assert {(e.field, e.code) for e in raised.value.errors} == {
        ("age_min", "age_format"),
        ("age_max", "age_range"),
    }


def test_same_name_in_same_place_is_refused(services: Services) -> None:
    services.social_map.create(map_entry())
    with pytest.raises(ValidationFailed) as raised:
        services.social_map.create(map_entry(name="huiskamer  TESTSTRAAT", place="vaals"))
    assert [(e.field, e.code) for e in raised.value.errors] == [("name", "map_entry_exists")]
    services.social_map.create(map_entry(place="Lemiers"))  # elsewhere it is another entry


@pytest.mark.usefixtures("little_map")
def test_search_as_you_type_ignores_accents_and_case(services: Services) -> None:
    assert _names(services, text="taalcafe") == ["Taalcafé"]
    assert _names(services, text="YILDIZ") == ["Taalcafé"]  # the dotless ı too
    assert _names(services, text="muller") == ["Taalcafé"]  # the back-up contact
    assert _names(services, text="wetzel") == ["Wandelgroep Vijlerbos"]  # part of a word
    assert _names(services, text="koffie") == ["Huiskamer Teststraat", "Wandelgroep Vijlerbos"]
    assert _names(services, text="koffie vijlen") == ["Wandelgroep Vijlerbos"]  # every word
    assert _names(services, text="schulden") == ["Budgetbureau"]  # the description
    assert _names(services, text="100%_") == []  # LIKE wildcards are plain text


@pytest.mark.usefixtures("little_map")
def test_filters_on_kind_category_and_place(services: Services) -> None:
    assert _names(services, kind=MapEntryKind.ACTIVITY) == ["Taalcafé", "Wandelgroep Vijlerbos"]
    assert _names(services, category=MapCategory.MEETING) == [
        "Huiskamer Teststraat",
        "Wandelgroep Vijlerbos",
    ]
    assert _names(services, place="VAALS") == ["Budgetbureau", "Huiskamer Teststraat", "Taalcafé"]
    assert _names(services, kind=MapEntryKind.ACTIVITY, category=MapCategory.SPORT) == [
        "Wandelgroep Vijlerbos"
    ]
    assert services.social_map.places() == ["Vaals", "Vijlen"]  # each place once
    assert services.social_map.count(MapQuery(place="Vaals")) == 3


@pytest.mark.usefixtures("little_map")
def test_stale_entries_follow_the_store_clock(services: Services, clock: FixedClock) -> None:
    # Never checked, or checked before 18-11-2025 (a year before today).
    assert _names(services, stale_only=True) == ["Taalcafé", "Wandelgroep Vijlerbos"]
    clock.set(clock.now().replace(year=2027, month=10, day=2))
    assert _names(services, stale_only=True) == [
        "Budgetbureau",
        "Huiskamer Teststraat",
        "Taalcafé",
        "Wandelgroep Vijlerbos",
    ]
    assert all(e.stale for e in services.social_map.search())


@pytest.mark.usefixtures("little_map")
def test_checked_today_makes_an_entry_current(services: Services) -> None:
    walk = services.social_map.search(MapQuery(text="wandel"))[0]
    assert walk.stale
    checked = services.social_map.mark_checked(walk.id)
    assert checked.last_checked == date(2026, 11, 18)
    assert not checked.stale
    assert _names(services, stale_only=True) == ["Taalcafé"]


def test_stale_rule_on_leap_day() -> None:
    assert stale_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert is_stale(None, date(2026, 1, 1))
    assert not is_stale(date(2025, 1, 1), date(2026, 1, 1))
    assert is_stale(date(2024, 12, 31), date(2026, 1, 1))


@pytest.mark.usefixtures("little_map")
def test_deactivate_hides_and_reactivate_brings_back(services: Services) -> None:
    cafe = services.social_map.search(MapQuery(text="taalcafe"))[0]
    assert not services.social_map.deactivate(cafe.id).active
    assert "Taalcafé" not in _names(services)
    assert "Taalcafé" in _names(services, include_inactive=True)
    assert _names(services, text="taal", include_inactive=True) == ["Taalcafé"]
    assert services.social_map.reactivate(cafe.id).active
    assert "Taalcafé" in _names(services)


def test_update_changes_fields_and_categories(services: Services) -> None:
    entry = services.social_map.create(map_entry())
    updated = services.social_map.update(
        entry.id,
        map_entry(
            name="Huiskamer Teststraat",
            categories=frozenset({MapCategory.HEALTH, MapCategory.MEETING}),
            phone=PHONE_B,
            contact_name="Nieuwe Naam",
        ),
    )
    assert updated.categories == (MapCategory.MEETING, MapCategory.HEALTH)
    assert updated.phone == "+31430000902"
    assert _names(services, text="nieuwe") == ["Huiskamer Teststraat"]
    assert _names(services, text="verzonnen") == []  # the old contact left the search text


def test_unknown_entry(services: Services) -> None:
    with pytest.raises(NotFound):
        services.social_map.get(404)
    with pytest.raises(NotFound):
        services.social_map.deactivate(404)


def test_delete_when_nothing_refers_to_the_entry(services: Services) -> None:
    entry = services.social_map.create(map_entry())
    assert not services.social_map.is_referenced(entry.id)
    services.social_map.delete(entry.id)
    assert services.social_map.is_empty()


@pytest.fixture
def steps_table(store: Store) -> Iterator[Table]:
    """A table that refers to entries the way the steps of issue 3 will (a foreign key in a
    column social_map_entry_id), mapped only for this test."""
    table = Table(
        "test_step",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("social_map_entry_id", ForeignKey("social_map_entry.id"), nullable=True),
    )
    table.create(store.engine)
    yield table
    table.drop(store.engine)
    Base.metadata.remove(table)


def test_delete_is_refused_while_a_step_refers_to_the_entry(
    services: Services, store: Store, steps_table: Table
) -> None:
    assert steps_table.c.social_map_entry_id in set(referencing_columns())
    entry = services.social_map.create(map_entry())
    other = services.social_map.create(map_entry(name="Ander item"))
    with store.engine.begin() as connection:
        connection.execute(steps_table.insert().values(social_map_entry_id=entry.id))
    assert services.social_map.is_referenced(entry.id)
    with pytest.raises(EntryReferenced):
        services.social_map.delete(entry.id)
    assert services.social_map.get(entry.id).active  # untouched
    services.social_map.delete(other.id)  # an entry nobody refers to can go
    # Deactivating is always possible.
    assert not services.social_map.deactivate(entry.id).active


def test_remove_examples_deletes_or_deactivates(
    services: Services, store: Store, steps_table: Table
) -> None:
    used = services.social_map.create(map_entry(name="Voorbeeld A", is_example=True))
    services.social_map.create(map_entry(name="Voorbeeld B", is_example=True))
    own = services.social_map.create(map_entry(name="Eigen item"))
    with store.engine.begin() as connection:
        connection.execute(steps_table.insert().values(social_map_entry_id=used.id))
    assert services.social_map.remove_examples() == (1, 1)
    assert _names(services, include_inactive=True) == ["Eigen item", "Voorbeeld A"]
    assert not services.social_map.get(used.id).active
    assert services.social_map.get(own.id).active


def test_category_rows_go_with_a_deleted_entry(services: Services, store: Store) -> None:
    entry = services.social_map.create(map_entry(categories=frozenset(MapCategory)))
    services.social_map.delete(entry.id)
    with store.engine.connect() as connection:
        left = connection.exec_driver_sql("SELECT count(*) FROM social_map_entry_category")
        assert left.scalar() == 0
