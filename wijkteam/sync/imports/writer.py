"""Writing checked records inside the one import transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.errors import NotFound
from wijkteam.services.resident_rules import resident_values, search_columns
from wijkteam.services.status_moves import record_received
from wijkteam.store.models import Report, Resident
from wijkteam.sync.imports.matching import CHUNK, known_references
from wijkteam.sync.imports.preview import ImportSummary, PreviewRow
from wijkteam.sync.imports.records import CheckedRecord
from wijkteam.validation import Collector, parse_received_date, required_text
from wijkteam.validation.rules import optional_text


class ImportWriter:
    """Adds meldingen (and residents where needed) to an open session. What the store holds
    is looked up again inside this transaction, not taken from the preview: zaaknummers
    already present are skipped (a file imported twice, or by two members at once, never
    creates a melding twice) and residents are linked by BSN as they are now."""

    def __init__(
        self,
        session: Session,
        rows: Sequence[PreviewRow],
        today: date,
        now: datetime,
        member_id: int | None,
        utc: datetime,
    ) -> None:
        self._session = session
        self._today = today
        self._now = now
        self._utc = utc
        self._member_id = member_id  # who imports: the meldingen's first event names them
        checked = [r.checked for r in rows if r.checked is not None]
        self._taken = known_references(session, [c.case_reference for c in checked])
        self._by_bsn = _resident_ids_by_bsn(session, [c.bsn for c in checked if c.bsn])
        self._by_identity: dict[tuple[str, ...], Resident | int] = {}
        self._reports: list[Report] = []
        self._new_residents = 0
        self._known_residents = 0
        self._already = 0

    def write(self, row: PreviewRow, decision: int | None) -> None:
        checked = row.checked
        assert checked is not None
        if checked.case_reference in self._taken:
            self._already += 1
            return
        self._taken.add(checked.case_reference)
        report = Report(**self._report(checked))
        target = self._resident(checked, decision)
        if isinstance(target, Resident):
            report.resident = target
        else:
            report.resident_id = target
        self._session.add(report)
        self._reports.append(report)

    def summary(self, already_in_preview: int, skipped_invalid: int) -> ImportSummary:
        """Flushes what was written (in bulk) and adds each melding's first event."""
        self._session.flush()
        record_received(self._session, self._reports, self._now, self._utc, self._member_id)
        return ImportSummary(
            created=len(self._reports),
            new_residents=self._new_residents,
            known_residents=self._known_residents,
            already_imported=self._already + already_in_preview,
            skipped_invalid=skipped_invalid,
            report_ids=tuple(r.id for r in self._reports),
        )

    def _resident(self, checked: CheckedRecord, decision: int | None) -> Resident | int:
        if checked.identity in self._by_identity:  # the same person earlier in this file
            return self._by_identity[checked.identity]
        if checked.bsn and checked.bsn in self._by_bsn:
            return self._known(checked, self._by_bsn[checked.bsn])
        if decision is not None:
            if self._session.get(Resident, decision) is None:
                raise NotFound("resident", decision)
            return self._known(checked, decision)
        errors = Collector()
        values = resident_values(checked.resident, self._today, errors)
        errors.raise_if_any()
        resident = Resident(**values, **search_columns(values))
        self._session.add(resident)
        self._by_identity[checked.identity] = resident
        self._new_residents += 1
        return resident

    def _known(self, checked: CheckedRecord, resident_id: int) -> int:
        self._by_identity.setdefault(checked.identity, resident_id)
        self._known_residents += 1
        return resident_id

    def _report(self, checked: CheckedRecord) -> dict[str, object]:
        data = checked.report
        errors = Collector()
        values = {
            "question": errors.check(lambda: required_text("question", data.question, 5000)),
            "source": data.source,
            "received_on": errors.check(lambda: parse_received_date(data.received_on, self._today)),
            "reporter_name": errors.check(
                lambda: optional_text("reporter_name", data.reporter_name, 120)
            ),
            "reporter_relation": errors.check(
                lambda: optional_text("reporter_relation", data.reporter_relation, 80)
            ),
            "reporter_contact": errors.check(
                lambda: optional_text("reporter_contact", data.reporter_contact, 120)
            ),
            "case_reference": checked.case_reference,
        }
        errors.raise_if_any()
        return values


def _resident_ids_by_bsn(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    unique = sorted(set(numbers))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        for bsn, ident in session.execute(
            select(Resident.bsn, Resident.id).where(Resident.bsn.in_(chunk))
        ):
            found[bsn or ""] = ident
    return found
