from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from wijkteam.clock import Clock, FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.security.kdf import KdfParams
from wijkteam.services.records import MemberRecord
from wijkteam.store import Store, open_store, store_path
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened, TeamSetup, first_start, open_unlocked, unlock

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
    # Encrypted like every real store, with a random store key (no key file: tests that need
    # accounts and sign-in use the `team` fixture).
    opened = open_store(store_path(data_dir), secrets.token_bytes(32), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store) -> Services:
    """Signed in as the team's coordinator (Carla Coördinator, CC), as the app always is:
    every action has a member responsible for it."""
    opened = Services.create(store)
    me = opened.members.add("Carla Coördinator", "CC", MemberRole.COORDINATOR)
    opened.context.act_as(me.id, me.role)
    return opened


@pytest.fixture
def member(services: Services) -> MemberRecord:
    return services.members.add("Tessa Testlid", "TT", MemberRole.MEMBER)


# --- security (issue 5) --------------------------------------------------------------------
# Weak KDF settings, for tests only: a real key file always gets the strong default.
TEST_KDF = KdfParams(n=2**4, r=1, p=1)
TEAM_PASSWORD = "correct paard batterij"


@pytest.fixture
def fast_kdf() -> KdfParams:
    return TEST_KDF


def team_setup(**overrides: str) -> TeamSetup:
    values = {
        "team_name": "Wijkteam Proef",
        "municipality": "Vaals",
        "name": "Carla Coördinator",
        "initials": "CC",
        "password": TEAM_PASSWORD,
        "password_again": TEAM_PASSWORD,
    }
    values.update(overrides)
    return TeamSetup(**values)


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    return tmp_path / "team"


@pytest.fixture
def team(team_dir: Path, clock: FixedClock, fast_kdf: KdfParams) -> Iterator[Opened]:
    """A store made by first start: key file, team, coordinator CC signed in."""
    opened = first_start(team_dir, team_setup(), kdf=fast_kdf, clock=clock)
    yield opened
    opened.services.store.close()


def make_team_store(data_dir: Path, clock: Clock | None = None) -> Store:
    """An encrypted team store as first start makes it (coordinator CC, TEAM_PASSWORD),
    open and signed in. Headless commands open it with WIJKTEAM_PASSPHRASE=TEAM_PASSWORD."""
    return first_start(data_dir, team_setup(), kdf=TEST_KDF, clock=clock).services.store


def open_team_store(data_dir: Path, clock: Clock | None = None) -> Store:
    ring, unlocked = unlock(data_dir, "CC", TEAM_PASSWORD)
    return open_unlocked(data_dir, ring, unlocked, clock=clock).services.store


def team_environment() -> dict[str, str]:
    """For subprocesses running headless commands on a team store."""
    return {**os.environ, "WIJKTEAM_PASSPHRASE": TEAM_PASSWORD}
