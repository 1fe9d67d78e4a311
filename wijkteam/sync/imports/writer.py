"""Writing checked records inside the one import transaction."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.status import ReportStatus
from wijkteam.errors import NotFound
from wijkteam.services.resident_rules import resident_values, search_columns
from wijkteam.store.models import Report, Resident, StatusChange
from wijkteam.sync.imports.preview import ImportSummary, PreviewRow
from wijkteam.sync.imports.records import CheckedRecord
from wijkteam.validation import Collector, parse_received_date, required_text
from wijkteam.validation.rules import optional_text


class ImportWriter:
    """Adds meldingen (and residents where needed) to an open session. Zaaknummers already
    in the store are skipped, looked up inside the same transaction, so a file imported
    twice, or by two members at once, never creates a melding twice."""

    def __init__(self, session: Session, today: date, now: datetime) -> None:
        self._session = session
        self._today = today
        self._now = now
        self._by_identity: dict[tuple[str, ...], int] = {}
        self._created: list[int] = []
        self._new_residents = 0
        self._known_residents = 0
        self._already = 0

    def write(self, row: PreviewRow, decision: int | None) -> None:
        checked = row.checked
        assert checked is not None
        if self._session.scalar(
            select(Report.id).where(Report.case_reference == checked.case_reference)
        ):
            self._already += 1
            return
        resident_id = self._resident(checked, decision)
        report = Report(resident_id=resident_id, status=ReportStatus.NEW, **self._report(checked))
        self._session.add(report)
        self._session.flush()
        self._session.add(
            StatusChange(report_id=report.id, status=ReportStatus.NEW, changed_at=self._now)
        )
        self._created.append(report.id)

    def summary(self, already_in_preview: int, skipped_invalid: int) -> ImportSummary:
        self._session.flush()
        return ImportSummary(
            created=len(self._created),
            new_residents=self._new_residents,
            known_residents=self._known_residents,
            already_imported=self._already + already_in_preview,
            skipped_invalid=skipped_invalid,
            report_ids=tuple(self._created),
        )

    def _resident(self, checked: CheckedRecord, decision: int | None) -> int:
        if checked.identity in self._by_identity:  # the same person earlier in this file
            return self._by_identity[checked.identity]
        if checked.bsn:
            known = self._session.scalar(select(Resident.id).where(Resident.bsn == checked.bsn))
            if known is not None:
                return self._known(checked, known)
        if decision is not None:
            if self._session.get(Resident, decision) is None:
                raise NotFound("resident", decision)
            return self._known(checked, decision)
        errors = Collector()
        values = resident_values(checked.resident, self._today, errors)
        errors.raise_if_any()
        resident = Resident(**values, **search_columns(values))
        self._session.add(resident)
        self._session.flush()
        self._by_identity[checked.identity] = resident.id
        self._new_residents += 1
        return resident.id

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
