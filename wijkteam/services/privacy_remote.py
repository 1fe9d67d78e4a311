"""The part of an inzage that is no longer on this laptop (DESIGN.md §11 "Retention"): a
closed melding leaves the laptop once the municipality acknowledged it plus the grace period,
while the team server keeps its ciphertext. The laptop remembers the UUIDs of what it removed
(`team_synced.gone`); an inzage fetches those records from the server (through `TeamArchive`,
implemented in teamsync), opens them here and keeps the resident's. Only the laptop reads
them; nothing is written to disk.

When the server cannot be asked, the inzage says so in its own text: it never claims to be
complete when it may not be.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.store.models import TeamLink, TeamSynced

CASE_KINDS = (
    "home_visit",
    "contact",
    "step",
    "follow_up",
    "referral",
    "referral_consent",
    "report_event",
)
# The reference that ties each kind to the melding (or to a record under it).
PARENT = {
    "home_visit": ("report_id", "report"),
    "contact": ("report_id", "report"),
    "step": ("report_id", "report"),
    "follow_up": ("report_id", "report"),
    "referral": ("report_id", "report"),
    "report_event": ("report_id", "report"),
    "referral_consent": ("referral_id", "referral"),
}


@dataclass(frozen=True)
class Wanted:
    kind: str
    uuid: uuid.UUID
    version: int  # the version this laptop last had: an older one is refused


@dataclass(frozen=True)
class Fetched:
    """What the server answered: the opened records (kind, UUID, wire body), and how many
    could not be trusted (did not open, or older than this laptop saw)."""

    reachable: bool
    records: list[tuple[str, uuid.UUID, dict[str, Any]]] = field(default_factory=list)
    refused: int = 0


class TeamArchive(Protocol):
    def fetch(self, wanted: Sequence[Wanted]) -> Fetched: ...


@dataclass
class RemoteCases:
    """The resident's closed meldingen fetched from the server, by kind: wire bodies."""

    asked: bool = False  # something had left this laptop, so the server was asked
    reachable: bool = True
    refused: int = 0
    bodies: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def reports(self) -> list[dict[str, Any]]:
        return self.bodies.get("report", [])

    def uuids(self) -> set[uuid.UUID]:
        return {uuid.UUID(b["uuid"]) for found in self.bodies.values() for b in found}


def removed(session: Session, kinds: Sequence[str]) -> list[Wanted]:
    """What left this laptop (retention) and may still be on the server; not what was
    erased (a tombstone)."""
    rows = session.execute(
        select(TeamSynced.kind, TeamSynced.record_uuid, TeamSynced.version).where(
            TeamSynced.gone.is_(True),
            TeamSynced.tombstone.is_(False),
            TeamSynced.kind.in_(list(kinds)),
        )
    )
    return [Wanted(kind, record, version) for kind, record, version in rows]


def in_team(session: Session) -> bool:
    return session.get(TeamLink, 1) is not None


def fetch_removed(
    archive: TeamArchive, reports: list[Wanted], children: list[Wanted], resident: uuid.UUID
) -> RemoteCases:
    """The resident's removed meldingen and what hung under them. `reports` and `children`:
    what this laptop removed (`removed`); the children are asked only when one of the
    melding is the resident's."""
    found = RemoteCases(asked=bool(reports))
    if not reports:
        return found
    first = archive.fetch(reports)
    if not first.reachable:
        found.reachable = False
        return found
    found.refused += first.refused
    mine = [
        b for k, _u, b in first.records if k == "report" and b.get("resident_id") == str(resident)
    ]
    if not mine:
        return found
    found.bodies["report"] = mine
    if not children:
        return found
    second = archive.fetch(children)
    if not second.reachable:
        found.reachable = False
        return found
    found.refused += second.refused
    parents = {"report": {b["uuid"] for b in mine}}
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for kind, _uuid, body in second.records:
        by_kind.setdefault(kind, []).append(body)
    for kind in CASE_KINDS:  # parents before children (referral before its consents)
        column, parent = PARENT[kind]
        kept = [
            b
            for b in by_kind.get(kind, [])
            if b.get(column) in parents.get(parent, set())
            or (kind == "contact" and b.get("resident_id") == str(resident))
        ]
        if kept:
            found.bodies[kind] = kept
            parents.setdefault(kind, set()).update(b["uuid"] for b in kept)
    return found


@dataclass(frozen=True)
class RemovedResident:
    """A resident no longer on this laptop whose data the team server still holds."""

    uuid: uuid.UUID
    name: str
    birth_date: date | None


@dataclass(frozen=True)
class RemovedSearch:
    reachable: bool
    found: list[RemovedResident]


def match_removed(
    fetched: Fetched, surname: str, birth_date: date
) -> list[tuple[RemovedResident, dict[str, Any]]]:
    """The fetched residents with this surname (any case, with or without prefix) and
    birth date."""
    wanted = " ".join(surname.split()).casefold()
    found = []
    for kind, record, data in fetched.records:
        if kind != "resident" or data.get("birth_date") != birth_date.isoformat():
            continue
        prefix, last = str(data.get("prefix") or ""), str(data.get("surname") or "")
        if wanted not in (last.casefold(), f"{prefix} {last}".strip().casefold()):
            continue
        name = " ".join(p for p in (data.get("first_names"), prefix, last) if p)
        found.append((RemovedResident(record, name, birth_date), data))
    return found


def body(text: str | bytes) -> dict[str, Any]:
    found = json.loads(text)
    return found if isinstance(found, dict) else {}
