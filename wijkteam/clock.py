"""The one source of "now". Services and the store take a Clock so tests can move today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Local wall-clock time, naive (what the team member sees on the wall)."""

    def utcnow(self) -> datetime:
        """UTC time, naive, for record timestamps."""

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def utcnow(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock that only moves when told to (tests, demo generation)."""

    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def utcnow(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def set(self, now: datetime) -> None:
        self._now = now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)
