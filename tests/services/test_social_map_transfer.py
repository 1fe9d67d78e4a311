"""Import and export of the sociale kaart against a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.social_map_factories import csv_bytes, map_entry
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.resources import resource
from wijkteam.services.social_map import ImportNotConfirmed, MapFileRefused, MapQuery
from wijkteam.services.social_map import service as service_module
from wijkteam.services.social_map.csv_read import MAX_FILE_BYTES
from wijkteam.services.social_map.examples import load_demo_map, load_example_map
from wijkteam.wiring import Services

HEADER = "naam;soort;categorieën;plaats;telefoon"
GOOD = "Huiskamer;initiatief;ontmoeting;Vaals;043 000 0101"
BAD = "Kapot;initiatief;ontmoeting;Vaals;12345"
OTHER = "Wandelgroep;activiteit;sport en bewegen;Vijlen;"


def _all(services: Services) -> list[str]:
    return [e.name for e in services.social_map.search(MapQuery(include_inactive=True))]


def test_preview_writes_nothing(services: Services) -> None:
    preview = services.social_map_transfer.preview(csv_bytes(HEADER, GOOD, BAD, OTHER))
    assert (preview.new, preview.updates, preview.unchanged) == (2, 0, 0)
    assert [p.line for p in preview.problems] == [3]
    assert services.social_map.is_empty()


def test_bad_rows_need_confirmation_then_only_valid_rows_go_in(services: Services) -> None:
    transfer = services.social_map_transfer
    preview = transfer.preview(csv_bytes(HEADER, GOOD, BAD, OTHER))
    with pytest.raises(ImportNotConfirmed) as refused:
        transfer.apply(preview)
    assert refused.value.params == {"bad_rows": 1}
    assert services.social_map.is_empty()
    result = transfer.apply(preview, only_valid=True)
    assert (result.created, result.updated, result.unchanged, result.skipped) == (2, 0, 0, 1)
    assert _all(services) == ["Huiskamer", "Wandelgroep"]


def test_importing_the_same_file_twice_adds_nothing(services: Services) -> None:
    transfer = services.social_map_transfer
    data = csv_bytes(HEADER, GOOD, OTHER)
    transfer.apply(transfer.preview(data))
    again = transfer.preview(data)
    assert (again.new, again.updates, again.unchanged) == (0, 0, 2)
    result = transfer.apply(again)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert _all(services) == ["Huiskamer", "Wandelgroep"]


def test_rows_match_on_id_first_then_on_name_and_place(services: Services) -> None:
    entry = services.social_map.create(map_entry(name="Oude naam", place="Vaals"))
    services.social_map.create(map_entry(name="Wandelgroep", place="Vijlen", phone=""))
    data = csv_bytes(
        "id;naam;soort;plaats;toegang",
        f"{entry.uuid};Nieuwe naam;organisatie;Vaals;met indicatie",  # renamed, found by id
        ";WANDELGROEP;activiteit;vijlen;",  # found by name and place, spelled differently
    )
    preview = services.social_map_transfer.preview(data)
    assert (preview.new, preview.updates) == (0, 2)
    services.social_map_transfer.apply(preview)
    renamed = services.social_map.get(entry.id)
    assert (renamed.name, renamed.kind, renamed.access) == (
        "Nieuwe naam",
        MapEntryKind.ORGANISATION,
        MapAccess.INDICATION,
    )
    assert _all(services) == ["Nieuwe naam", "WANDELGROEP"]


def test_columns_missing_from_the_file_are_left_alone(services: Services) -> None:
    entry = services.social_map.create(
        map_entry(name="Huiskamer", categories=frozenset({MapCategory.HEALTH}), email="a@b.example")
    )
    services.social_map_transfer.apply(
        services.social_map_transfer.preview(
            csv_bytes("naam;soort;plaats", "Huiskamer;activiteit;Vaals")
        )
    )
    after = services.social_map.get(entry.id)
    assert after.kind is MapEntryKind.ACTIVITY  # in the file
    assert after.categories == (MapCategory.HEALTH,)  # not in the file: kept
    assert after.email == "a@b.example" and after.phone == "+31430000901"


def test_new_entry_keeps_the_files_id(services: Services) -> None:
    data = csv_bytes("id;naam;soort", "0f0e0d0c-0b0a-0908-0706-050403020100;Huiskamer;initiatief")
    services.social_map_transfer.apply(services.social_map_transfer.preview(data))
    (entry,) = services.social_map.search()
    assert str(entry.uuid) == "0f0e0d0c-0b0a-0908-0706-050403020100"


def test_one_transaction_nothing_written_when_a_write_fails(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    transfer = services.social_map_transfer
    preview = transfer.preview(csv_bytes(HEADER, GOOD, OTHER))
    calls = []
    real = service_module.apply_values

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr("wijkteam.services.social_map.transfer.apply_values", failing)
    with pytest.raises(RuntimeError):
        transfer.apply(preview)
    assert services.social_map.is_empty()


def test_export_and_import_into_another_store_round_trips(
    services: Services, tmp_path: Path
) -> None:
    load_example_map(services.social_map_transfer, services.store.clock.today())
    path = tmp_path / "kaart.csv"
    count = services.social_map_transfer.export_file(path)
    assert count == 27
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    # The same store: nothing changes.
    preview = services.social_map_transfer.preview_file(path)
    assert (preview.new, preview.updates, preview.unchanged) == (0, 0, 27)
    assert preview.problems == ()


def test_huge_file_refused_before_reading(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(MapFileRefused) as refused:
        services.social_map_transfer.preview_file(path)
    assert refused.value.code == "too_large"
    with pytest.raises(MapFileRefused) as missing:
        services.social_map_transfer.preview_file(tmp_path / "weg.csv")
    assert missing.value.code == "unreadable"


def test_the_shipped_example_map(services: Services) -> None:
    preview = services.social_map_transfer.preview(
        resource("social_map", "vaals_voorbeeld.csv").read_bytes()
    )
    assert preview.problems == ()
    assert preview.new >= 25
    rows = preview.parsed.rows
    assert all(row.values["is_example"] for row in rows)
    assert set().union(*(row.categories for row in rows)) == set(MapCategory)
    assert {row.values["kind"] for row in rows} == set(MapEntryKind)
    assert {row.values["access"] for row in rows} == set(MapAccess)
    phones = {row.values[f] for row in rows for f in ("phone", "backup_phone")} - {None}
    assert all(p.startswith("+31430000") for p in phones)  # the block nobody has
    emails = {row.values["email"] for row in rows} - {None}
    assert all(e.endswith(".example") for e in emails)


def test_demo_data_loads_the_example_map_once(services: Services) -> None:
    member = services.members.add("Tessa Testlid", "TT")
    load_demo_map(services.store, services.audit, [member.id])
    load_demo_map(services.store, services.audit, [member.id])
    assert services.social_map.count(MapQuery(include_inactive=True)) == 27
    assert all(e.is_example for e in services.social_map.search(MapQuery(include_inactive=True)))
    assert len(services.gaps.gaps()) == 6


def test_example_map_does_not_overwrite_a_teams_changes(services: Services) -> None:
    load_example_map(services.social_map_transfer, services.store.clock.today())
    linde = services.social_map.search(MapQuery(text="huiskamer de linde"))[0]
    services.social_map.deactivate(linde.id)
    result = load_example_map(services.social_map_transfer, services.store.clock.today())
    assert result.created == 0
    assert not services.social_map.get(linde.id).active
