"""What pages may ask of the main window. Pages get this in their constructor."""

from __future__ import annotations

from typing import Protocol

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
        """A short confirmation in the status bar."""
