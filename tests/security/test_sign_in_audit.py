"""Sign-ins and account changes in the audit log (issue 13 point 6): every refused or
successful sign-in and recovery attempt at its own time, for the member it concerns or as
unknown initials; every account change saying what changed."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import SignInRefused
from wijkteam.security.attempts import attempts_path
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_records import AuditQuery, AuditRecord
from wijkteam.wiring.setup import Opened, open_unlocked, reset_password, unlock

BAS_PASSWORD = "bas zijn eigen wachtwoord"


def _sign_in(team_dir: Path, initials: str, password: str, clock: FixedClock) -> Opened:
    ring, unlocked = unlock(team_dir, initials, password, clock)
    return open_unlocked(team_dir, ring, unlocked, clock=clock)


def _rows(opened: Opened, *actions: AuditAction) -> list[AuditRecord]:
    rows = opened.services.audit.events(AuditQuery(since=None, until=None), 0, 1000)
    # in the order they happened (refusals are written later, at the next sign-in, with
    # their own time); rows of one moment in the order their device wrote them
    return sorted((r for r in rows if r.action in actions), key=lambda r: (r.at, r.seq))


def test_refused_sign_ins_are_logged_at_their_own_time_for_whom_they_concern(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    bas = team.services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS_PASSWORD, BAS_PASSWORD)
    team.services.store.close()
    first = clock.now()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "bl", "niet het wachtwoord van Bas", clock)
    assert attempts_path(team_dir).exists()
    sealed = attempts_path(team_dir).read_bytes()
    # sealed: only the envelope's fields, no initials as a JSON string (base64 has no quotes,
    # so a random "BL" inside the ciphertext is no finding)
    assert set(json.loads(sealed)) == {"ephemeral", "nonce", "data"}
    assert b'"BL"' not in sealed and b'"bl"' not in sealed
    clock.advance(minutes=7)
    with pytest.raises(SignInRefused):
        unlock(team_dir, "QQ", "wie weet het wachtwoord", clock)
    clock.advance(minutes=5)
    with pytest.raises(SignInRefused):
        reset_password(
            team_dir,
            "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
            "CC",
            "een nieuw wachtwoord",
            "een nieuw wachtwoord",
            clock=clock,
        )
    clock.advance(hours=2)
    with pytest.raises(SignInRefused):  # Bas's right password with Carla's initials
        _sign_in(team_dir, "CC", BAS_PASSWORD, clock)
    clock.advance(minutes=1)

    opened = _sign_in(team_dir, "CC", TEAM_PASSWORD, clock)
    try:
        rows = _rows(opened, AuditAction.SIGN_IN, AuditAction.RECOVERY)
        me, me_uuid = opened.member.id, opened.member.uuid
        seen = [
            (r.action, r.result, r.actor_member_uuid, r.object_type, r.object_id, r.at)
            for r in rows
        ]
        refused, done = AuditResult.REFUSED, AuditResult.DONE
        sign_in, recovery = AuditAction.SIGN_IN, AuditAction.RECOVERY
        assert seen[-5:] == [
            (sign_in, refused, bas.uuid, "member", bas.id, first),
            (sign_in, refused, None, "unknown_initials", None, first + timedelta(minutes=7)),
            (recovery, refused, None, "recovery_code", None, first + timedelta(minutes=12)),
            (sign_in, refused, me_uuid, "member", me, first + timedelta(minutes=132)),
            (sign_in, done, me_uuid, "member", me, first + timedelta(minutes=133)),
        ]
    finally:
        opened.services.store.close()
    assert not attempts_path(team_dir).exists()


def test_account_changes_say_what_changed(team: Opened) -> None:
    accounts = team.services.accounts
    bas = accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS_PASSWORD, BAS_PASSWORD)
    accounts.set_role(bas.id, MemberRole.COORDINATOR)
    accounts.set_role(bas.id, MemberRole.MEMBER)
    accounts.set_password(bas.id, "een tijdelijk wachtwoord", "een tijdelijk wachtwoord")
    accounts.deactivate(bas.id)
    accounts.reactivate(bas.id, "weer een tijdelijk wachtwoord", "weer een tijdelijk wachtwoord")
    changes = [
        (r.action, r.object_id)
        for r in _rows(
            team,
            AuditAction.ROLE_COORDINATOR,
            AuditAction.ROLE_MEMBER,
            AuditAction.PASSWORD_RESET,
            AuditAction.DEACTIVATE,
            AuditAction.REACTIVATE,
            AuditAction.KEY_ROTATION,
        )
    ]
    assert changes == [
        (AuditAction.ROLE_COORDINATOR, bas.id),
        (AuditAction.ROLE_MEMBER, bas.id),
        (AuditAction.PASSWORD_RESET, bas.id),
        (AuditAction.DEACTIVATE, bas.id),
        (AuditAction.KEY_ROTATION, None),
        (AuditAction.REACTIVATE, bas.id),
    ]
    assert not [r for r in _rows(team, AuditAction.ACCOUNT) if r.object_type == "member"]


def test_a_member_chooses_their_own_password_at_first_sign_in(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    team.services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS_PASSWORD, BAS_PASSWORD)
    team.services.store.close()
    bas = _sign_in(team_dir, "BL", BAS_PASSWORD, clock)
    assert bas.services.accounts.must_choose_password()
    bas.services.accounts.choose_own_password("mijn eigen geheime zin", "mijn eigen geheime zin")
    assert not bas.services.accounts.must_choose_password()
    bas.services.store.close()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "BL", BAS_PASSWORD, clock)
    _sign_in(team_dir, "BL", "mijn eigen geheime zin", clock).services.store.close()
