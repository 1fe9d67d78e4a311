"""The example files in resources/ work on any day: their dates move to the store's today."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from wijkteam.clock import FixedClock
from wijkteam.common.example_dates import EXAMPLES_AS_OF, as_of
from wijkteam.resources import resource
from wijkteam.services.social_map.examples import load_example_map
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

DAYS = [datetime(2025, 12, 3, 10), datetime(2027, 12, 3, 10), datetime(2029, 2, 28, 10)]


@pytest.fixture(params=DAYS, ids=lambda d: f"{d:%Y-%m-%d}")
def services_on(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    store = open_store(
        store_path(tmp_path), secrets.token_bytes(32), clock=FixedClock(request.param)
    )
    yield Services.create(store)
    store.close()


def _example(name: str) -> bytes:
    return resource("import", name).read_bytes()


def test_the_example_map_loads_whole_a_year_back_and_ahead(services_on: Services) -> None:
    result = load_example_map(services_on.social_map_transfer, services_on.store.clock.today())
    assert result.created == 27 and result.skipped == 0


@pytest.mark.parametrize(
    ("name", "count"), [("voorbeeld_meldingen.csv", 5), ("voorbeeld_meldingen.json", 3)]
)
def test_the_example_meldingen_are_valid_on_any_day(
    services_on: Services, name: str, count: int
) -> None:
    today = services_on.store.clock.today()
    unmoved = services_on.imports.preview_bytes(_example(name), name)
    moved = services_on.imports.preview_bytes(as_of(_example(name), today), name)
    assert moved.is_valid and len(moved.rows) == count
    assert not unmoved.is_valid  # the file as shipped would be refused on these days


def test_dates_move_by_whole_days_and_nothing_else_changes() -> None:
    text = (
        b"ZK-2026-000101;09-11-2026;14-03-1941;31-02-1950\n"
        b'"registratiedatum": "2026-11-11", "uuid": "6a1d0c1e-0f4e-4c55-9a55-1b8f7f2d0201"\n'
    )
    moved = as_of(text, date(2027, 11, 18)).decode()
    assert moved == (
        "ZK-2026-000101;09-11-2027;14-03-1942;31-02-1950\n"
        '"registratiedatum": "2027-11-11", "uuid": "6a1d0c1e-0f4e-4c55-9a55-1b8f7f2d0201"\n'
    )
    assert as_of(text, EXAMPLES_AS_OF) == text
