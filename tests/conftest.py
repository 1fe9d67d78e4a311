from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.services import Services
from wijkteam.services.records import MemberRecord
from wijkteam.store import Store, open_store, store_path

# Wednesday 18 November 2026, 09:00: every test's "now" unless it moves the clock.
NOW = datetime(2026, 11, 18, 9, 0)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FixedClock) -> Iterator[Store]:
    opened = open_store(store_path(data_dir), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store) -> Services:
    return Services.create(store)


@pytest.fixture
def member(services: Services) -> MemberRecord:
    return services.members.add("Tessa Testlid", "TT", MemberRole.MEMBER)
