"""An inzage on a team laptop (issue 14 point 5, DESIGN.md §11 "Retention"): closed meldingen
that left the laptop come back from the team server while it holds them, every laptop's audit
rows are in it named by laptop, values two laptops disagree on and records still waiting are
in it, and a server that cannot be asked is said in the document itself. Two real SQLCipher
stores against the real server on a real PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from sqlalchemy import select

from tests.conftest import NOW
from tests.factories import report, resident
from tests.team.servers import ServerProcess
from tests.team.stores import coordinator_laptop, member_laptop
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import TeamChangesPending
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.store.models import Report, TeamSynced, TeamVersion, TeamWaiting
from wijkteam.store.team_kinds import BY_NAME, dumps, sent_columns
from wijkteam.wiring.setup import Opened

QUESTION = "Mevrouw Proefkonijn zoekt hulp bij het opruimen van de zolder"
STILL_OPEN = "Vraag over de buurtbus naar de markt"
UNREACHABLE = (
    "De teamserver was niet bereikbaar; gesloten meldingen die alleen daar staan ontbreken in "
    "dit overzicht"
)


@pytest.fixture
def pair(
    tmp_path: Path, server: ServerProcess, pg_role: Any
) -> Iterator[tuple[Opened, Opened, ServerProcess]]:
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    clock = FixedClock(NOW)
    carla = coordinator_laptop(tmp_path / "carla", process.url, database, clock)
    mo = member_laptop(carla, tmp_path / "mo", process.url, clock)
    yield carla, mo, process
    for opened in (carla, mo):
        opened.services.store.close()
    process.stop()


def _sync_until(opened: Opened, arrived: Any) -> None:
    """The server hands a push out once no older transaction in its cluster can still commit
    (the cluster is shared with other test runs)."""
    deadline = time.monotonic() + 30
    while True:
        opened.services.team.sync()
        if arrived() or time.monotonic() > deadline:
            return
        time.sleep(0.3)


def _texts(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def _section(data: dict[str, Any], heading: str) -> dict[str, Any]:
    def walk(parts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for part in parts:
            yield part
            yield from walk(part.get("onderdelen", []))

    found = [p for p in walk(data["onderdelen"]) if p["kop"] == heading]
    assert found, heading
    return found[0]


@contextmanager
def older_version() -> Iterator[None]:
    """A laptop on a version from before retention was the team's: a removal leaves this
    laptop only, and the team server keeps the case (what the inzage fetches from it)."""
    with patch("wijkteam.services.retention.team_capture.retire"):
        yield


def _closed_case_removed(
    carla: Opened, mo: Opened, *, locally: bool = True
) -> tuple[int, int, uuid.UUID]:
    """A resident with a closed melding (visit held, conversation) and an open one, both on
    both laptops, Mo's laptop having looked at the dossier; the closed one acknowledged by the
    municipality long ago and removed from Carla's laptop (`locally`: by an older version,
    so the team server still holds it; else for the whole team). Returns (resident id on
    Carla's laptop, resident id on Mo's, the removed melding's UUID)."""
    c = carla.services
    closed = c.reports.register(report(question=QUESTION), resident=resident(surname="Proefkonijn"))
    c.visits.plan(closed.id, VisitInput(date=f"{NOW:%d-%m-%Y}", time="23:00"))
    c.visits.mark_held(closed.id)
    c.contacts.record(
        closed.resident_id,
        ContactInput(
            kind=ContactKind.HOME_VISIT,
            date=f"{NOW:%d-%m-%Y}",
            report_id=closed.id,
            themes={Theme.NEEDS: "De zolder leeg voor de winter"},
            notes="Buurman Kees helpt zaterdag met dragen",
        ),
    )
    c.reports.close(closed.id, ClosingReason.SOLVED_VOORVELD, "zolder is leeg")
    c.reports.register(report(question=STILL_OPEN), resident_id=closed.resident_id)
    c.team.sync()

    def arrived() -> list[Any]:
        return mo.services.residents.search("proefkonijn")

    _sync_until(mo, arrived)
    [on_mo] = arrived()
    mo.services.residents.get(on_mo.id)  # Mo looks at the dossier: an audit row on Mo's laptop
    mo.services.reports.for_resident(on_mo.id)
    mo.services.team.sync()
    before = len(_audit_devices(carla))
    _sync_until(carla, lambda: len(_audit_devices(carla)) > before)

    with c.store.transaction() as session:
        row = session.get(Report, closed.id)
        assert row is not None
        row.sync_acknowledged_at = NOW - timedelta(days=200)
    c.team.sync()  # what was left to send goes before the termijn runs out
    assert [x.report_id for x in c.retention.due()] == [closed.id]
    with older_version() if locally else nullcontext():
        assert c.retention.remove([closed.id]).reports == 1
    c.team.sync()
    assert [x.question for x in c.reports.for_resident(closed.resident_id)] == [STILL_OPEN]
    return closed.resident_id, on_mo.id, closed.uuid


def _audit_devices(opened: Opened) -> set[uuid.UUID]:
    from wijkteam.store.models import AuditEvent

    with opened.services.store.transaction() as session:
        return set(session.scalars(select(AuditEvent.device_uuid).distinct()))


def test_a_closed_melding_removed_from_the_laptop_comes_back_from_the_team_server(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _server = pair
    resident_id, _on_mo, removed = _closed_case_removed(carla, mo)
    # The laptop remembers by UUID what left it, the melding and what hung under it, and
    # keeps no copy of their content in the sync's own tables.
    with carla.services.store.transaction() as session:
        gone = {
            (r.kind, r.record_uuid): r.payload
            for r in session.scalars(select(TeamSynced).where(TeamSynced.gone.is_(True)))
        }
    assert ("report", removed) in gone
    assert {k for k, _u in gone} >= {"report", "home_visit", "report_event"}
    assert all(payload is None for payload in gone.values())

    data = carla.services.privacy.inzage(resident_id).data
    assert data["waarschuwingen"] == []
    text = _texts(data)
    assert "opgehaald van de teamserver" in text  # the introduction says where it came from
    server = _section(data, "Afgesloten meldingen van de teamserver")
    [case] = server["onderdelen"]
    fields = dict(map(tuple, case["velden"]))
    assert fields["De vraag, in de woorden van de melder"] == QUESTION
    assert fields["Waarom afgesloten"] == "samen opgelost, zonder indicatie"
    case_text = _texts(case)
    assert "Huisbezoeken" in case_text and "Verloop van de melding" in case_text
    assert "zolder is leeg" in case_text  # the closing note, from the melding's events
    # The conversation stays on the laptop (only the melding left): it is in the inzage once.
    assert text.count("Buurman Kees helpt zaterdag met dragen") == 1
    # The open melding is there as before, once.
    assert text.count(STILL_OPEN) == 1
    assert text.count(QUESTION) == 1


def test_every_laptops_audit_rows_are_in_the_inzage_named_by_laptop(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _server = pair
    resident_id, _on_mo, _removed = _closed_case_removed(carla, mo)
    data = carla.services.privacy.inzage(resident_id).data
    protocol = _section(data, "Wie uw gegevens heeft gebruikt")
    columns = protocol["tabel"]["kolommen"]
    assert columns[-1] == "Op welke laptop"
    rows = protocol["tabel"]["rijen"]
    laptops = {row[-1] for row in rows}
    assert "deze laptop" in laptops
    assert "laptop van Mo Member" in laptops  # rows written on Mo's laptop, synced here
    mo_rows = [row for row in rows if row[-1] == "laptop van Mo Member"]
    assert any(row[1] == "Mo Member" for row in mo_rows)


def test_conflicting_values_and_waiting_records_are_in_the_inzage(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _server = pair
    c, m = carla.services, mo.services
    made = c.reports.register(
        report(question="Vraag van de melder"), resident=resident(surname="Proefkonijn")
    )
    c.team.sync()
    _sync_until(mo, lambda: m.residents.search("proefkonijn"))
    [on_mo] = m.residents.search("proefkonijn")
    [theirs] = m.reports.for_resident(on_mo.id)
    m.reports.update(theirs.id, report(question="Tuinonderhoud volgens Mo"))
    c.reports.update(made.id, report(question="Tuinonderhoud volgens Carla"))
    m.team.sync()
    _sync_until(carla, lambda: c.team.status().conflicts == 1)
    # A conversation of theirs that arrived before its melding (a child waits for its parent).
    person = c.residents.get(made.resident_id).uuid
    body: dict[str, Any] = {column.name: None for column in sent_columns(BY_NAME["contact"])}
    body |= {
        "uuid": str(uuid.uuid4()), "resident_id": str(person), "kind": "phone",
        "report_id": str(uuid.uuid4()),  # a melding this laptop has not received yet
        "occurred_on": NOW.date().isoformat(), "created_at": NOW.isoformat(),
        "notes": "Belde over de sleutel bij de buren", "contact_theme": [],
    }  # fmt: skip
    with c.store.transaction() as session:
        session.add(
            TeamWaiting(kind="contact", record_uuid=uuid.UUID(body["uuid"]), version=1,
                        payload=dumps(body))
        )  # fmt: skip

    data = c.privacy.inzage(made.resident_id).data
    conflicts = _section(data, "Gegevens die op twee laptops verschillend zijn gewijzigd")
    [row] = conflicts["tabel"]["rijen"]
    assert row[0] == "Melding: De vraag, in de woorden van de melder"
    assert row[1:4] == [
        "Vraag van de melder",
        "Tuinonderhoud volgens Carla",
        "Tuinonderhoud volgens Mo",
    ]
    assert row[5] == "nog niet besloten"
    waiting = _section(data, "Gegevens die nog wachten")
    assert "Belde over de sleutel bij de buren" in _texts(waiting)


def test_a_server_that_is_down_is_said_in_the_inzage_pdf_and_json(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    carla, mo, server = pair
    resident_id, _on_mo, _removed = _closed_case_removed(carla, mo)
    server.kill()
    folder = tmp_path / "inzage"
    folder.mkdir()
    files = carla.services.privacy.write_inzage(resident_id, folder)
    assert len(files.warnings) == 1 and files.warnings[0].startswith(UNREACHABLE)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert data["waarschuwingen"] == files.warnings
    assert QUESTION not in _texts(data)
    assert "opgehaald van de teamserver" not in _texts(data)  # no claim it was asked
    shown = subprocess.run(
        ["pdftotext", "-layout", str(files.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(shown.split())
    assert "Let op: dit overzicht is misschien niet compleet" in flat
    assert UNREACHABLE in flat
    assert STILL_OPEN in flat  # what the laptop holds is there
    # Nothing personal reached a file name in the folder.
    assert all("roefkonijn" not in p.name for p in folder.iterdir())


def test_an_older_version_handed_out_by_the_server_is_refused_and_said(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _server = pair
    resident_id, _on_mo, removed = _closed_case_removed(carla, mo)
    with carla.services.store.transaction() as session:
        row = session.scalar(
            select(TeamSynced).where(TeamSynced.kind == "report", TeamSynced.record_uuid == removed)
        )
        assert row is not None
        row.version += 5  # this laptop saw a newer version than the server now hands out
    data = carla.services.privacy.inzage(resident_id).data
    [warning] = data["waarschuwingen"]
    assert warning.startswith("Een deel van wat de teamserver over u bewaart, konden wij niet")
    assert QUESTION not in _texts(data)


def test_an_older_version_than_the_laptop_saw_in_a_pull_is_refused_too(pair) -> None:  # type: ignore[no-untyped-def]
    """The highest version seen comes from the store's team_version table as well."""
    carla, mo, _server = pair
    resident_id, _on_mo, removed = _closed_case_removed(carla, mo)
    with carla.services.store.transaction() as session:
        row = session.get(TeamVersion, f"report/{removed}")
        assert row is not None
        row.version += 5  # a pull once verified a newer version than the server now hands out
    data = carla.services.privacy.inzage(resident_id).data
    [warning] = data["waarschuwingen"]
    assert warning.startswith("Een deel van wat de teamserver over u bewaart, konden wij niet")
    assert QUESTION not in _texts(data)


def test_a_resident_with_nothing_left_on_the_laptop_is_found_and_given_an_inzage(
    pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    carla, mo, server = pair
    resident_id, _on_mo, _removed = _closed_case_removed(carla, mo)
    c = carla.services
    [still] = c.reports.for_resident(resident_id)
    c.reports.close(still.id, ClosingReason.MOVED)
    with c.store.transaction() as session:
        row = session.get(Report, still.id)
        assert row is not None
        row.sync_acknowledged_at = NOW - timedelta(days=200)
    # The closing has not reached the team server yet: removing now would lose it there.
    with pytest.raises(TeamChangesPending):
        c.retention.remove([still.id])
    assert c.reports.get(still.id).status is ReportStatus.CLOSED
    c.team.sync()
    with older_version():
        assert c.retention.remove([still.id]).residents == 1
    c.team.sync()
    assert c.residents.search("proefkonijn") == []  # nothing of theirs left on this laptop

    assert c.privacy.find_removed("Proefkonijn", "02-02-1950").found == []
    search = c.privacy.find_removed("proefkonijn", "1-2-1950")
    [person] = search.found
    assert search.reachable and person.name == "Zoë Proefkonijn"
    folder = tmp_path / "inzage"
    folder.mkdir()
    files = c.privacy.write_removed_inzage(person.uuid, folder)
    assert files.warnings == []
    data = json.loads(files.json.read_text(encoding="utf-8"))
    text = _texts(data)
    assert "staan niet meer op de laptops van het team" in text
    assert text.count(QUESTION) == 1 and text.count(STILL_OPEN) == 1
    assert "Buurman Kees helpt zaterdag met dragen" in text  # their conversation, from the server
    assert text.count('"verhuisd"') == 2  # the second melding's closing, in its fields and events
    fields = dict(map(tuple, _section(data, "Uw gegevens")["velden"]))
    assert fields["Achternaam"] == "Proefkonijn"
    protocol = _section(data, "Wie uw gegevens heeft gebruikt")["tabel"]["rijen"]
    assert {row[-1] for row in protocol} >= {"deze laptop", "laptop van Mo Member"}
    assert all("roefkonijn" not in p.name for p in folder.iterdir())

    server.kill()
    down = c.privacy.find_removed("Proefkonijn", "01-02-1950")
    assert (down.reachable, down.found) == (False, [])


RETENTION_SAID = (
    "Een afgesloten melding die wij aan de gemeente hebben doorgegeven, verwijderen wij 90 "
    "dagen nadat de gemeente de ontvangst bevestigde (de bewaartermijn) van alle laptops van "
    "het team en van de teamserver. De gemeente bewaart de melding in haar eigen zaaksysteem"
)


def test_a_case_removed_by_the_teams_retention_is_gone_and_the_inzage_says_so(
    pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _server = pair
    resident_id, on_mo, _removed = _closed_case_removed(carla, mo, locally=False)
    _sync_until(mo, lambda: len(mo.services.reports.for_resident(on_mo)) == 1)
    for opened, person in ((carla, resident_id), (mo, on_mo)):
        assert [r.question for r in opened.services.reports.for_resident(person)] == [STILL_OPEN]
    data = carla.services.privacy.inzage(resident_id).data
    assert data["waarschuwingen"] == []
    assert RETENTION_SAID in data["inleiding"][1]
    text = _texts(data)
    assert QUESTION not in text and "opgehaald van de teamserver" not in text
    assert "Afgesloten meldingen van de teamserver" not in text
    assert text.count(STILL_OPEN) == 1
    # Once the open one is closed and removed too, nothing of the resident is left anywhere.
    c = carla.services
    [still] = c.reports.for_resident(resident_id)
    c.reports.close(still.id, ClosingReason.MOVED)
    with c.store.transaction() as session:
        row = session.get(Report, still.id)
        assert row is not None
        row.sync_acknowledged_at = NOW - timedelta(days=200)
    c.team.sync()
    assert c.retention.remove([still.id]).residents == 1
    c.team.sync()
    _sync_until(mo, lambda: not mo.services.residents.search("proefkonijn"))
    assert mo.services.residents.search("proefkonijn") == []
    search = c.privacy.find_removed("proefkonijn", "1-2-1950")
    assert search.reachable and search.found == []
