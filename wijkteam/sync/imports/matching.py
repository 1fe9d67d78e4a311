"""Looking up what the store already knows about a parsed file: zaaknummers imported before,
residents with the same BSN, and residents with the same surname and birth date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.text import fold
from wijkteam.services.convert import resident_record
from wijkteam.services.records import ResidentRecord
from wijkteam.store.models import Report, Resident
from wijkteam.sync.imports.preview import MatchKind, PreviewRow, RowState
from wijkteam.sync.imports.records import CheckedRecord, ParsedRow

CHUNK = 500  # SQLite allows 999 bound parameters per statement (older builds)
MAX_CANDIDATES = 5
T = TypeVar("T")


def preview_rows(session: Session, rows: Sequence[ParsedRow]) -> list[PreviewRow]:
    # Also for rows with errors: a record imported before is skipped, whatever it says now.
    known = known_references(session, [r.case_reference for r in rows if r.case_reference])
    checked_rows = [r.checked for r in rows if r.checked is not None]
    by_bsn = _residents_by_bsn(session, [c.bsn for c in checked_rows if c.bsn])
    by_birth = _residents_by_birth(session, [c.birth_date for c in checked_rows if c.birth_date])
    seen: dict[tuple[str, ...], int] = {}
    result: list[PreviewRow] = []
    for row in rows:
        base = {
            "position": row.position,
            "case_reference": row.case_reference,
            "resident_name": row.resident_name,
            "birth_date": row.birth_date,
            "received_on": row.received_on,
        }
        checked = row.checked
        if row.case_reference in known:
            result.append(PreviewRow(**base, state=RowState.ALREADY_IMPORTED, checked=checked))
            continue
        if checked is None:
            result.append(PreviewRow(**base, state=RowState.INVALID))
            continue
        extra: dict[str, object] = {"match": MatchKind.NEW}
        if checked.bsn and checked.bsn in by_bsn:
            extra = {"match": MatchKind.BSN, "resident_id": by_bsn[checked.bsn].id}
        elif checked.identity in seen:
            extra = {"match": MatchKind.SAME_IN_FILE, "same_as": seen[checked.identity]}
        elif candidates := _candidates(by_birth, checked):
            extra = {"match": MatchKind.NAME_BIRTH, "candidates": candidates}
        seen.setdefault(checked.identity, row.position)
        result.append(PreviewRow(**base, state=RowState.VALID, checked=checked, **extra))  # type: ignore[arg-type]
    return result


def known_references(session: Session, references: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(references))):
        found.update(
            session.scalars(select(Report.case_reference).where(Report.case_reference.in_(chunk)))
        )
    return found


def _residents_by_bsn(session: Session, numbers: Iterable[str]) -> dict[str, ResidentRecord]:
    found: dict[str, ResidentRecord] = {}
    for chunk in _chunks(sorted(set(numbers))):
        for resident in session.scalars(select(Resident).where(Resident.bsn.in_(chunk))):
            found[resident.bsn or ""] = resident_record(resident)
    return found


def _residents_by_birth(
    session: Session, births: Iterable[date]
) -> dict[date, list[ResidentRecord]]:
    found: dict[date, list[ResidentRecord]] = {}
    for chunk in _chunks(sorted(set(births))):
        query = select(Resident).where(Resident.birth_date.in_(chunk)).order_by(Resident.id)
        for resident in session.scalars(query):
            assert resident.birth_date is not None
            found.setdefault(resident.birth_date, []).append(resident_record(resident))
    return found


def _candidates(
    by_birth: dict[date, list[ResidentRecord]], checked: CheckedRecord
) -> tuple[ResidentRecord, ...]:
    """Same folded surname and birth date; a known resident with another BSN is someone else."""
    if checked.birth_date is None:
        return ()
    key, bsn = fold(checked.resident.surname), checked.bsn
    matches = [
        r
        for r in by_birth.get(checked.birth_date, [])
        if fold(r.surname) == key and not (bsn and r.bsn and r.bsn != bsn)
    ]
    return tuple(matches[:MAX_CANDIDATES])


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
