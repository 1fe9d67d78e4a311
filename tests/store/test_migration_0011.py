"""Upgrading a store of schema 0010: every melding keeps its status (now derived from the
events the migration writes), and the audit rows become rows per device, named by UUID,
chained again and intact."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from wijkteam.domain.status import EventKind, derive_status
from wijkteam.services.status_moves import events_of
from wijkteam.store import open_store
from wijkteam.store.migrate import downgrade, upgrade
from wijkteam.wiring import Services

T = datetime(2026, 11, 1, 9, 0)
ORIGIN = str(uuid.uuid4())


class Old:
    """Rows written straight into a 0010 store, as the old code left them."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection
        self.tables = sa.MetaData()
        self.tables.reflect(connection)
        self.ids: dict[str, int] = {}

    def add(self, table: str, **values: Any) -> int:
        number = self.ids[table] = self.ids.get(table, 0) + 1
        row = {"id": number, "uuid": uuid.uuid4(), "created_at": T, "updated_at": T, **values}
        self.connection.execute(self._table(table).insert(), row)
        return number

    def _table(self, name: str) -> sa.Table:
        table = self.tables.tables[name]
        uuids = {c.name for c in table.columns if c.name.endswith("uuid")}
        columns = [sa.Column(c.name, sa.Uuid() if c.name in uuids else c.type) for c in table.c]
        return sa.Table(name, sa.MetaData(), *columns)

    def melding(self, status: str, history: list[str], **extra: Any) -> int:
        person = self.add("resident", surname="Oud", bsn_confirmed=False, preferred_channel="phone",
                          language="nl", search_text="oud", surname_key="oud")  # fmt: skip
        report = self.add("report", resident_id=person, question="Vraag", source="resident",
                          received_on=date(2026, 10, 20), status=status,
                          assigned_member_id=1, **extra)  # fmt: skip
        for n, state in enumerate(history):
            self.add("status_change", report_id=report, status=state,
                     changed_at=datetime(2026, 10, 20 + n, 10), member_id=1)  # fmt: skip
        return report

    def contact(self, report: int, kind: str) -> None:
        person = self.connection.execute(
            sa.text("SELECT resident_id FROM report WHERE id = :r"), {"r": report}
        ).scalar()
        self.add("contact", resident_id=person, report_id=report, kind=kind,
                 occurred_on=date(2026, 10, 25), member_id=1)  # fmt: skip

    def visit(self, report: int, state: str) -> None:
        self.add("home_visit", report_id=report, planned_at=datetime(2026, 10, 24, 10),
                 state=state, member_id=1)  # fmt: skip

    def step(self, report: int, status: str) -> None:
        done = date(2026, 10, 28) if status != "open" else None
        self.add("step", report_id=report, what="Stap", actor="resident", resident_chose=True,
                 first_step=False, status=status, done_on=done)  # fmt: skip

    def referral(self, report: int, status: str) -> None:
        returned = date(2026, 10, 30) if status == "returned" else None
        self.add("referral", report_id=report, kind="consultation", question="Wmo?",
                 urgency="normal", handover_text="", support_wish="not_told", status=status,
                 sent_at=datetime(2026, 10, 27, 11), returned_on=returned, law="wmo")  # fmt: skip

    def audit(self, count: int) -> None:
        """Old rows in one chain (the 0010 hash), the last naming a resident since erased."""
        previous = ""
        for number in range(1, count + 1):
            resident_id = 999 if number == count else 1
            row_uuid = uuid.uuid4()
            fields = [number, row_uuid, T.isoformat(), 1, "", ORIGIN, "view", "resident",
                      resident_id, resident_id, "done", previous]  # fmt: skip
            digest = hashlib.sha256("|".join(str(f) for f in fields).encode()).hexdigest()
            self.connection.execute(
                self._table("audit_event").insert(),
                {"id": number, "uuid": row_uuid, "created_at": T, "updated_at": T,
                 "actor_member_id": 1, "origin": ORIGIN, "action": "view",
                 "object_type": "resident", "object_id": resident_id,
                 "resident_id": resident_id, "result": "done", "previous_hash": previous,
                 "entry_hash": digest},
            )  # fmt: skip
            previous = digest


@pytest.fixture
def old_store(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "wijkteam.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    cases: dict[str, int] = {}
    with engine.begin() as connection:
        upgrade(connection, "0010")
        old = Old(connection)
        old.add("member", name="Anouk Meertens", initials="AM", role="coordinator", active=True)
        connection.execute(
            sa.text("INSERT INTO setting (key, value) VALUES ('origin_id', :o)"), {"o": ORIGIN}
        )
        cases["new"] = old.melding("new", ["new"])
        cases["new_visited_unplanned"] = old.melding("new", ["new"])  # the old bug
        old.contact(cases["new_visited_unplanned"], "home_visit")
        cases["new_with_step"] = old.melding("new", ["new"])  # a step the old code skipped
        old.step(cases["new_with_step"], "open")
        cases["planned"] = old.melding("visit_planned", ["new", "visit_planned"])
        old.visit(cases["planned"], "planned")
        old.contact(cases["planned"], "phone")
        path_to_talk = ["new", "visit_planned", "in_conversation"]
        cases["in_conversation"] = old.melding("in_conversation", path_to_talk)
        old.visit(cases["in_conversation"], "held")
        cases["referred_while_new"] = old.melding("in_conversation", ["new", "in_conversation"])
        old.referral(cases["referred_while_new"], "sent")  # sent early: the move was skipped
        old.contact(cases["referred_while_new"], "home_visit")
        cases["steps"] = old.melding("steps_running", ["new", "in_conversation", "steps_running"])
        old.contact(cases["steps"], "home_visit")
        old.step(cases["steps"], "open")
        old.step(cases["steps"], "done")
        cases["follow_up"] = old.melding("follow_up", ["new", "in_conversation", "follow_up"])
        old.visit(cases["follow_up"], "held")
        old.step(cases["follow_up"], "done")
        cases["follow_up_odd"] = old.melding("follow_up", ["new", "follow_up"])  # an open step
        old.step(cases["follow_up_odd"], "open")
        cases["steps_odd"] = old.melding("steps_running", ["new", "steps_running"])  # no steps
        cases["referred"] = old.melding("referred", ["new", "in_conversation", "referred"])
        old.visit(cases["referred"], "held")
        old.referral(cases["referred"], "sent")
        cases["returned"] = old.melding("in_conversation", ["new", "in_conversation"])
        old.visit(cases["returned"], "held")
        old.referral(cases["returned"], "returned")
        cases["closed"] = old.melding("closed", ["new", "closed"], closing_reason="moved",
                                      closed_on=date(2026, 10, 30))  # fmt: skip
        old.audit(5)
    engine.dispose()
    return path, cases


def test_upgrading_keeps_every_status_and_writes_the_events(
    old_store: tuple[Path, dict[str, int]],
) -> None:
    path, cases = old_store
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        before = dict(connection.execute(sa.text("SELECT id, status FROM report")).all())
    engine.dispose()
    store = open_store(path)  # migrates to the newest schema
    try:
        services = Services.create(store)
        for name, report_id in cases.items():
            record = services.reports.get(report_id)
            assert record.status.value == before[report_id], name
            with store.transaction() as session:
                assert derive_status(events_of(session, report_id)) is record.status, name
        kinds = {n: [e.kind for e in services.reports.get(i).events] for n, i in cases.items()}
        assert kinds["new"] == [EventKind.RECEIVED]
        assert EventKind.VISIT_HELD not in kinds["new_visited_unplanned"]  # left as it was
        assert EventKind.STEP_AGREED not in kinds["new_with_step"]
        assert EventKind.CONVERSATION in kinds["planned"]
        assert EventKind.REFERRAL_RETURNED in kinds["returned"]
        assert kinds["closed"][-1] is EventKind.CLOSED
        # From here the melding follows the one rule: the old bug's visit now counts.
        services.visits.plan(cases["new"], _tomorrow())
        assert services.reports.get(cases["new"]).status.value == "visit_planned"
    finally:
        store.close()


def test_old_audit_rows_become_rows_per_device_and_verify(
    old_store: tuple[Path, dict[str, int]],
) -> None:
    path, _cases = old_store
    store = open_store(path)
    try:
        services = Services.create(store)
        check = services.audit.verify()
        assert check.intact and check.checked == 5 and check.devices == 1
        with store.engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT device_uuid, seq, actor_member_uuid, responsible_member_uuid, "
                    "resident_uuid FROM audit_event ORDER BY seq"
                )
            ).all()
            member = connection.execute(sa.text("SELECT uuid FROM member")).scalar()
            first = connection.execute(sa.text("SELECT uuid FROM resident WHERE id = 1")).scalar()
        assert [r[1] for r in rows] == [1, 2, 3, 4, 5]
        assert {uuid.UUID(r[0]) for r in rows} == {uuid.UUID(ORIGIN)}
        assert {(r[2], r[3]) for r in rows} == {(member, member)}  # responsible filled in
        assert [r[4] for r in rows[:4]] == [first] * 4
        assert rows[4][4] not in (None, first)  # an erased resident: a stable stand-in
        services.residents.get(1)  # new rows continue the device's chain
        assert services.audit.verify().intact
    finally:
        store.close()


def test_downgrading_back_to_0010_keeps_the_rows(old_store: tuple[Path, dict[str, int]]) -> None:
    path, _cases = old_store
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade(connection)
        downgrade(connection, "0010")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM audit_event")).scalar() == 5
        statuses = connection.execute(sa.text("SELECT count(*) FROM report")).scalar()
    engine.dispose()
    assert statuses == 13


def _tomorrow():  # type: ignore[no-untyped-def]
    from wijkteam.services.inputs import VisitInput

    day = date.today().toordinal() + 1
    return VisitInput(f"{date.fromordinal(day):%d-%m-%Y}", "10:00")
