"""The team sync's words in the status bar and the conflicts view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ui.team.code_dialog import code_lines
from ui.team.texts import field_label, local_time, result_text, status_line, value_text, when


@dataclass(frozen=True)
class Status:
    connected: bool = True
    server_url: str | None = "https://teamserver.example"
    last_sync_at: datetime | None = None
    pending: int = 0
    conflicts: int = 0
    revoked: bool = False
    is_coordinator: bool = False


@dataclass(frozen=True)
class Result:
    pushed: int
    pulled: int
    conflicts: int


def test_last_sync_is_said_as_a_person_would() -> None:
    now = datetime.now(UTC)
    today = local_time(now).date()
    assert when(None, today) == "nog nooit"
    assert when(now, today) == f"vandaag {local_time(now):%H:%M}"
    assert when(now - timedelta(days=1), today).startswith("gisteren ")
    earlier = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    assert when(earlier, date(2026, 1, 10)).startswith("4 maart 2025 ")


def test_status_line_offline_revoked_and_pending() -> None:
    today = date(2026, 11, 18)
    assert status_line(Status(connected=False), today, offline=False) == ""
    assert status_line(Status(), today, offline=True).startswith(
        "Offline — laatste synchronisatie nog nooit"
    )
    assert "3 wijzigingen nog te delen" in status_line(Status(pending=3), today, offline=False)
    assert "1 wijziging nog te delen" in status_line(Status(pending=1), today, offline=False)
    assert "alles gedeeld" in status_line(Status(), today, offline=False)
    assert status_line(Status(revoked=True), today, offline=False).startswith(
        "Uit het team gehaald"
    )


def test_conflict_labels_are_dutch() -> None:
    assert field_label("phone") == "Telefoonnummer"
    assert field_label("assigned_member_id") == "Teamlid"
    assert value_text(None) == "(leeg)"
    assert value_text("abc", {"abc": "Tessa Testlid"}) == "Tessa Testlid"
    assert value_text("+31431234567", field="phone") == "043 123 4567"
    assert value_text("2026-11-18") == "18-11-2026"
    assert value_text("Hulp bij de tuin") == "Hulp bij de tuin"


def test_round_result_in_words() -> None:
    assert result_text(Result(0, 0, 0)) == "Gesynchroniseerd: niets nieuws."
    text = result_text(Result(1, 2, 1))
    assert text.startswith("Gesynchroniseerd: 1 wijziging gedeeld, 2 ontvangen.")
    assert result_text(Result(3, 0, 0)) == "Gesynchroniseerd: 3 wijzigingen gedeeld, 0 ontvangen."
    assert "1 conflict wacht op uw keuze" in text


def test_long_codes_in_lines_of_five_groups() -> None:
    code = "-".join(["ABCDE"] * 12)
    lines = code_lines(code).splitlines()
    assert len(lines) == 3 and lines[0] == "-".join(["ABCDE"] * 5)


def test_a_team_setting_in_a_conflict_is_named_by_the_setting_it_is() -> None:
    from ui.team.texts import conflict_field_label, kind_label
    from wijkteam.domain.team_settings import team_setting_uuid

    follow_up = team_setting_uuid("follow_up_days")
    assert kind_label("team_setting") == "Teaminstelling"
    assert conflict_field_label("team_setting", follow_up, "value") == "Nazorgtermijn (dagen)"
    assert conflict_field_label("team_setting", team_setting_uuid("team_name"), "value") == (
        "Naam van het team"
    )
    assert conflict_field_label("team_setting", team_setting_uuid("zgw.rsin"), "value") == (
        "Koppeling met de gemeente"
    )
    assert conflict_field_label("resident", follow_up, "phone") == "Telefoonnummer"


def test_a_members_laptops_in_words() -> None:
    from ui.team.texts import laptops_text
    from wijkteam.teamsync.laptops import MemberLaptops

    until = datetime(2026, 12, 7, 13, 5, tzinfo=UTC)
    shown = local_time(until)
    assert laptops_text(None) == "nog geen laptop"
    assert laptops_text(MemberLaptops(1, 0, None, True)) == "deze laptop"
    assert laptops_text(MemberLaptops(2, 0, None, False)) == "2 laptops doen mee"
    assert laptops_text(MemberLaptops(1, 1, until, False)) == (
        f"1 laptop doet mee, uitgenodigd tot 7 december {shown:%H:%M}"
    )
    assert laptops_text(MemberLaptops(0, 1, None, False)) == "1 laptop uit het team gehaald"
