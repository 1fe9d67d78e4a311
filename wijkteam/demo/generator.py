"""Synthetic demo data: invented residents of Vaals, Lemiers, Vijlen and Holset.

Writes in bulk so the same generator fills a benchmark store of 100,000 residents.
Every melding status occurs, some home-visit deadlines are overdue, and some visits are
planned for today and this week.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select

from wijkteam.demo.conversations import add_demo_conversations
from wijkteam.demo.referrals import add_demo_referrals
from wijkteam.demo.steps import add_demo_steps
from wijkteam.domain.enums import Channel, ClosingReason, Language, ReportSource, VisitState
from wijkteam.domain.status import Event, EventKind, ReportStatus, derive_status
from wijkteam.resources import resource
from wijkteam.services.audit import AuditService
from wijkteam.services.case_facts import write_facts
from wijkteam.services.resident_rules import search_columns
from wijkteam.services.social_map.examples import load_demo_map
from wijkteam.store import Store
from wijkteam.store.models import HomeVisit, Member, Report, ReportEvent, Resident, StatusChange

BATCH = 5000
CLOSED_AFTER_DAYS = 40
# Share of residents whose BSN the demo knows. Demo BSNs start with 999 (derived from the
# row id, so they are unique), a range kept for tests and never issued to a person.
BSN_SHARE = 0.6


@dataclass(frozen=True)
class DemoSummary:
    members: int
    residents: int
    reports: int


def generate(
    store: Store, audit: AuditService, residents: int = 60, seed: int = 2020
) -> DemoSummary:
    """Writes through the same rules as the app: each melding's status follows from its
    events, and every record made is in the audit log (as made by `audit`'s member)."""
    vocabulary = json.loads(resource("demo", "vaals.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    maker = _Maker(store, vocabulary, rng)
    member_ids = maker.ensure_members(audit)
    first_id = maker.next_id(Resident)
    report_count = 0
    for start in range(0, residents, BATCH):
        chunk = range(first_id + start, first_id + min(start + BATCH, residents))
        rows = [maker.resident(i) for i in chunk]
        with store.transaction() as session:
            session.execute(insert(Resident), rows)
            made = maker.reports_for(chunk, member_ids)
            session.execute(insert(Report), made.reports)
            session.execute(insert(ReportEvent), made.events)
            session.execute(insert(StatusChange), made.changes)
            if made.visits:
                session.execute(insert(HomeVisit), made.visits)
            write_facts(session, [r["id"] for r in made.reports if r["closing_reason"]])
            audit.record_changes(session)
        report_count += len(made.reports)
    load_demo_map(store, audit, member_ids)
    add_demo_referrals(store, audit)
    add_demo_conversations(store, audit)
    add_demo_steps(store, audit)
    store.refresh_statistics()
    return DemoSummary(members=len(member_ids), residents=residents, reports=report_count)


class _Maker:
    def __init__(self, store: Store, vocabulary: dict[str, Any], rng: random.Random) -> None:
        self.store = store
        self.v = vocabulary
        self.rng = rng
        self.today = store.clock.today()
        self.stamp = store.clock.utcnow()
        self.next_report_id = self.next_id(Report)

    def next_id(self, model: Any) -> int:
        with self.store.transaction() as session:
            return (session.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0) + 1

    def ensure_members(self, audit: AuditService) -> list[int]:
        """The demo colleagues whose initials are still free join the team (a new store
        already has its first coordinator); every active member gets demo work."""
        with self.store.transaction() as session:
            taken = {i.upper() for i in session.scalars(select(Member.initials))}
            session.add_all(
                Member(**m) for m in self.v["members"] if m["initials"].upper() not in taken
            )
            audit.record_changes(session)
            return list(session.scalars(select(Member.id).where(Member.active.is_(True))))

    def _common(self, row_id: int) -> dict[str, Any]:
        return {
            "id": row_id,
            "uuid": uuid.uuid4(),
            "created_at": self.stamp,
            "updated_at": self.stamp,
        }

    def resident(self, row_id: int) -> dict[str, Any]:
        rng = self.rng
        place = rng.choice(self.v["places"])
        born = self.today - timedelta(days=rng.randint(17 * 365, 94 * 365))
        values: dict[str, Any] = {
            "first_names": rng.choice(self.v["first_names"]),
            "prefix": rng.choice(self.v["prefixes"]) or None,
            "surname": rng.choice(self.v["surnames"]),
            "birth_date": born,
            "bsn": _demo_bsn(row_id) if rng.random() < BSN_SHARE else None,
            "bsn_confirmed": False,
            "street": rng.choice(place["streets"]),
            "house_number": str(rng.randint(1, 180)),
            "house_number_suffix": rng.choice(["", "", "", "", "a", "b"]) or None,
            "postcode": f"{place['postcode']} {_letters(rng)}",
            "place": place["place"],
            "district": place["place"],
            # 06-1 to 06-6: numbers the app's own phone check accepts (06-7 and 06-9 are no
            # mobile numbers; a demo resident's save was refused on a field nobody touched).
            "phone": f"+316{rng.randint(1, 6)}{rng.randint(0, 9_999_999):07d}",
            "email": None,
            "preferred_channel": rng.choice(list(Channel)),
            "language": rng.choices(list(Language), weights=[80, 17, 3])[0],
            "network_notes": None,
        }
        values["bsn_confirmed"] = bool(values["bsn"]) and rng.random() < 0.7
        return {**self._common(row_id), **values, **search_columns(values)}

    def reports_for(self, resident_ids: range, member_ids: list[int]) -> _Made:
        made = _Made()
        for resident_id in resident_ids:
            count = 2 if self.rng.random() < 0.5 else 1
            for n in range(count):
                scenario = _scenario(resident_id, n, self.rng)
                self._report(made, resident_id, scenario, member_ids)
        return made

    def _report(self, made: _Made, resident_id: int, scenario: str, member_ids: list[int]) -> None:
        rng, today = self.rng, self.today
        report_id = self.next_report_id
        self.next_report_id += 1
        received = today - timedelta(days=_age_days(scenario, rng))
        source = rng.choice(list(ReportSource))
        member = rng.choice(member_ids)
        closed = scenario == "closed"
        report = {
            **self._common(report_id),
            "resident_id": resident_id,
            "reporter_name": None
            if source is ReportSource.RESIDENT
            else rng.choice(self.v["reporter_first_names"]),
            "reporter_relation": rng.choice(self.v["relations"][source.value]),
            "reporter_contact": None,
            "question": rng.choice(self.v["questions"]),
            "source": source,
            "received_on": received,
            "assigned_member_id": None if scenario == "new_unassigned" else member,
            "closing_reason": rng.choice(list(ClosingReason)) if closed else None,
            "closed_on": received + timedelta(days=CLOSED_AFTER_DAYS) if closed else None,
            "case_reference": f"Z-{received.year}-{report_id:06d}",
        }
        visits = self._visits(report_id, scenario, received, member)
        events = [
            self._event(report_id, kind, at, member, visits, report["closing_reason"])
            for kind, at in _path(scenario, received)
        ]
        # The status column says what the one status rule derives from the events.
        report["status"] = derive_status(
            Event(e["uuid"], e["kind"], e["subject_uuid"]) for e in events
        )
        made.reports.append(report)
        made.events.extend(events)
        made.visits.extend(visits)
        shown: list[Event] = []
        for e in events:  # the status after each event, as the history shows it
            shown.append(Event(e["uuid"], e["kind"], e["subject_uuid"]))
            made.changes.append(
                self._change(report_id, derive_status(shown), e["occurred_at"], member)
            )

    def _event(
        self,
        report_id: int,
        kind: EventKind,
        at: datetime,
        member: int,
        visits: list[dict[str, Any]],
        closing: ClosingReason | None,
    ) -> dict[str, Any]:
        subject = None
        if kind in (EventKind.VISIT_PLANNED, EventKind.VISIT_HELD):
            subject = visits[0]["uuid"]
        return {
            **self._common_uuid(),
            "report_id": report_id,
            "kind": kind,
            "occurred_at": at,
            "member_id": member,
            "subject_uuid": subject,
            "cancels_uuid": None,
            "reason": closing.value if closing and kind is EventKind.CLOSED else None,
            "note": None,
        }

    def _common_uuid(self) -> dict[str, Any]:
        return {"uuid": uuid.uuid4(), "created_at": self.stamp, "updated_at": self.stamp}

    def _change(
        self, report_id: int, status: ReportStatus, at: datetime, member: int
    ) -> dict[str, Any]:
        return {
            **self._common_uuid(),
            "report_id": report_id,
            "status": status,
            "changed_at": at,
            "member_id": member,
            "note": None,
        }

    def _visits(
        self, report_id: int, scenario: str, received: date, member: int
    ) -> list[dict[str, Any]]:
        if scenario in {"new_overdue", "new_soon", "new_fresh", "new_unassigned"}:
            return []
        if scenario == "planned_today":
            day = self.today
        elif scenario == "planned_week":
            day = self.today + timedelta(days=self.rng.randint(1, 6))
        else:
            day = received + timedelta(days=self.rng.randint(3, 13))
        if scenario != "planned_today":
            day = _weekday_on_or_after(day)  # the team visits on working days
        state = VisitState.PLANNED if scenario.startswith("planned") else VisitState.HELD
        at = datetime.combine(day, time(self.rng.choice([9, 10, 11, 13, 14, 15, 16]), 0))
        return [
            {
                "uuid": uuid.uuid4(),
                "created_at": self.stamp,
                "updated_at": self.stamp,
                "report_id": report_id,
                "planned_at": at,
                "member_id": member,
                "state": state,
                "replan_reason": None,
            }
        ]


@dataclass
class _Made:
    """Rows for one batch of residents, written in bulk."""

    reports: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)


# The first residents of a store cover every scenario; the rest follow the usual mix.
_FIRST = [
    "new_overdue",
    "new_soon",
    "new_fresh",
    "planned_today",
    "planned_week",
    "in_conversation",
    "closed",
    "new_unassigned",
    "new_overdue",
    "planned_week",
]
_MIX = (
    ["closed"] * 12
    + ["in_conversation"] * 4
    + ["planned_week"] * 1
    + ["new_fresh"] * 1
    + ["new_soon"] * 1
    + ["new_overdue"] * 1
)


def _scenario(resident_id: int, n: int, rng: random.Random) -> str:
    if n == 0 and resident_id <= len(_FIRST):
        return _FIRST[resident_id - 1]
    if n == 1:
        return "closed"  # a second melding is an older, closed one
    return rng.choice(_MIX)


def _age_days(scenario: str, rng: random.Random) -> int:
    return {
        "new_overdue": lambda: rng.randint(15, 21),
        "new_soon": lambda: rng.randint(11, 14),
        "new_fresh": lambda: rng.randint(0, 8),
        "new_unassigned": lambda: rng.randint(0, 3),
        "planned_today": lambda: rng.randint(3, 12),
        "planned_week": lambda: rng.randint(2, 10),
        "in_conversation": lambda: rng.randint(15, 120),
        "closed": lambda: rng.randint(60, 3000),
    }[scenario]()


def _path(scenario: str, received: date) -> Iterator[tuple[EventKind, datetime]]:
    """What happened to a melding of this scenario, and when."""
    start = datetime.combine(received, time(9, 30))
    yield EventKind.RECEIVED, start
    if scenario.startswith("new"):
        return
    yield EventKind.VISIT_PLANNED, start + timedelta(days=1)
    if scenario.startswith("planned"):
        return
    yield EventKind.VISIT_HELD, start + timedelta(days=8)
    if scenario == "closed":
        yield EventKind.CLOSED, start + timedelta(days=CLOSED_AFTER_DAYS)


def _letters(rng: random.Random) -> str:
    while True:
        pair = "".join(rng.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(2))
        if pair not in {"SA", "SD", "SS"}:
            return pair


def _demo_bsn(row_id: int) -> str | None:
    """999 + five digits of the row id + the 11-proof check digit (None if none fits)."""
    if row_id >= 100_000:
        return None
    body = f"999{row_id:05d}"
    check = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
    return body + str(check) if check < 10 else None


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
