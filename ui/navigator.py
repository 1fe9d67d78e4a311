"""What pages may ask of the main window (pages get a Navigator in their constructor), and
where the member has been: one place at a time, and a history that Back walks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from ui.tasks import TaskRunner


class Navigator(Protocol):
    runner: TaskRunner  # the one runner for background work, made at start-up

    def open_dossier(self, resident_id: int, report_id: int | None = None) -> None: ...

    def open_referral(self, resident_id: int, report_id: int, referral_id: int) -> None:
        """The dossier on its Doorverwijzing tab, with this referral shown."""

    def plan_visit(self, report_id: int) -> None: ...

    def new_report(self, resident_id: int | None = None) -> None: ...

    def data_changed(self) -> None:
        """Something was saved: pages showing lists refresh."""

    def notify(self, text: str) -> None:
        """A short confirmation, shown where the member is looking."""


class PageKey(StrEnum):
    TODAY = "today"
    WORKLIST = "worklist"
    SOCIAL_MAP = "social_map"
    DOSSIER = "dossier"


# The sidebar's rows, top to bottom. The dossier has no row: it is opened from a list.
SIDEBAR_PAGES: tuple[PageKey, ...] = (PageKey.TODAY, PageKey.WORKLIST, PageKey.SOCIAL_MAP)


@dataclass(frozen=True, slots=True)
class Place:
    """A page, and for the dossier whose dossier it is."""

    page: PageKey
    resident_id: int | None = None

    @property
    def sidebar_row(self) -> int:
        """The sidebar row that tells the member where they are; -1 for none (a dossier)."""
        return SIDEBAR_PAGES.index(self.page) if self.page in SIDEBAR_PAGES else -1


T = TypeVar("T")

HISTORY_LIMIT = 50


class History(Generic[T]):
    """The places the member came from, most recent last. An entry is whatever the window
    needs to return there (the place, and where the keyboard focus was)."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._entries: list[T] = []
        self._limit = limit

    def push(self, entry: T) -> None:
        self._entries.append(entry)
        del self._entries[: -self._limit]

    def pop(self) -> T | None:
        return self._entries.pop() if self._entries else None

    def peek(self) -> T | None:
        return self._entries[-1] if self._entries else None

    def drop_where(self, unwanted) -> None:  # type: ignore[no-untyped-def]
        """Forgets entries that cannot be returned to (e.g. an erased resident's dossier)."""
        self._entries = [e for e in self._entries if not unwanted(e)]

    def __len__(self) -> int:
        return len(self._entries)
