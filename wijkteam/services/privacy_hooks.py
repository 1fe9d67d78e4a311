"""Where other parts of the app hook into erasure, retention and inzage: one line each.

- ERASERS run inside the removal transaction, before a resident's or melding's rows are
  deleted, for data that ON DELETE CASCADE does not reach (e.g. files, drafts without a
  foreign key). Signature: (session, resident_id, report_ids) -> None.
- INZAGE_SECTIONS add a section to a resident's inzage export: (title, function) where the
  function (session, resident_id) -> list of plain dicts (JSON-safe values).

Tables with a foreign key to resident/report and ON DELETE CASCADE need nothing here; the
erasure tests check every table of the store for what is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

Eraser = Callable[[Session, int, list[int]], None]
Section = Callable[[Session, int], list[dict[str, Any]]]

ERASERS: tuple[Eraser, ...] = ()
INZAGE_SECTIONS: tuple[tuple[str, Section], ...] = ()
