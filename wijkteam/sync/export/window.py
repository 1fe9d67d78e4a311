"""Which changes an export carries: those after the last acknowledged batch, up to now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, true

# Records are stamped when a transaction flushes, not when it commits. A change stamped just
# before an export took its `until`, but committed just after the export read, would fall
# between two windows. So each window reaches back a little over the previous one: what
# changed in those seconds is sent twice, which the stable UUIDs make harmless. The app's
# transactions take milliseconds; a big import takes a few seconds.
OVERLAP = timedelta(seconds=15)


@dataclass(frozen=True, slots=True)
class ExportWindow:
    since: datetime | None  # None: everything (the first export, or --all)
    until: datetime

    @classmethod
    def after(cls, acknowledged_until: datetime | None, now: datetime) -> ExportWindow:
        since = None if acknowledged_until is None else acknowledged_until - OVERLAP
        return cls(since=since, until=now)

    def changed(self, updated_at: Any) -> ColumnElement[bool]:
        """A condition for records changed inside the window."""
        if self.since is None:
            return true()
        return and_(updated_at > self.since, updated_at <= self.until)
