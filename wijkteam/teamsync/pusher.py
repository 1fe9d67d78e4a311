"""One device per team sends the team's work to the municipality (DESIGN.md §11 "The
municipality"): the coordinator's, unless the coordinator designates another.

The designation is part of the team's device list (`control.devices`), which only the
coordinator's laptop can sign and the server accepts only from it: the chosen device's entry
carries `"zgw": "pusher"`. Every laptop reads it from its own copy of the list, so the check
needs no connection. A laptop without a team pushes as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.store.models import Member, TeamLink
from wijkteam.teamsync import team as flows
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.errors import NotTeamPusher, UnknownDevice
from wijkteam.teamsync.exclusive import device_lock
from wijkteam.teamsync.outbox import Persist, load_state, require_state
from wijkteam.teamsync.session import DeviceSession
from wijkteam.teamsync.state import DeviceState

FLAG, PUSHER = "zgw", "pusher"
SHORT = 8  # a device id as shown: its first characters


@dataclass(frozen=True)
class TeamDevice:
    device: str
    short: str
    member_initials: str  # "" when the member is not on this laptop
    member_name: str
    coordinator: bool
    pusher: bool
    this_laptop: bool


@dataclass(frozen=True)
class PusherView:
    """Who sends to the municipality. `team` False: this laptop has no team (it sends itself)."""

    team: bool
    this_laptop_pushes: bool
    designated: bool  # chosen by the coordinator (not the default)
    pusher: TeamDevice | None  # None: the device list has not arrived yet
    devices: tuple[TeamDevice, ...]  # the team's active devices


def pusher_of(state: DeviceState) -> tuple[str | None, bool]:
    """(the device that pushes, whether it was designated): the active device marked in the
    device list, else the coordinator's active device (the last listed, after a recovery)."""
    active = {d: e for d, e in state.devices.items() if e.get("status") == "active"}
    for device, entry in active.items():
        if entry.get(FLAG) == PUSHER:
            return device, True
    coordinators = [d for d, e in active.items() if e.get("role") == "coordinator"]
    if coordinators:
        return coordinators[-1], False
    return (state.device, False) if state.role == "coordinator" else (None, False)


def with_pusher(devices: dict[str, dict[str, str]], chosen: str) -> dict[str, dict[str, str]]:
    """The device list with `chosen` marked as the one that pushes (and no other)."""
    out = {}
    for device, entry in devices.items():
        changed = {k: v for k, v in entry.items() if k != FLAG}
        if device == chosen:
            changed[FLAG] = PUSHER
        out[device] = changed
    return out


class PusherService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def view(self) -> PusherView:
        with self._store.transaction() as session:
            state = load_state(session)
            if state is None:
                return PusherView(False, True, False, None, ())
            members = {
                str(u): (i, n) for u, i, n in session.execute(
                    select(Member.uuid, Member.initials, Member.name))
            }  # fmt: skip
            link = session.get(TeamLink, 1)
            revoked = bool(link and link.revoked)
        pusher, designated = pusher_of(state)
        devices = tuple(
            _device(state, d, e, members, pusher)
            for d, e in state.devices.items()
            if e.get("status") == "active"
        )
        found = next((d for d in devices if d.device == pusher), None)
        if found is None and pusher is not None:
            found = _device(state, pusher, {}, members, pusher)
        mine = pusher == state.device and not revoked
        return PusherView(True, mine, designated, found, devices)

    def require(self) -> None:
        """Raises NotTeamPusher unless this laptop sends for its team (or has no team)."""
        with self._store.transaction() as session:
            link = session.get(TeamLink, 1)
            revoked = bool(link and link.revoked)
        view = self.view()
        if view.this_laptop_pushes:
            return
        if revoked:
            raise NotTeamPusher(reason="revoked", initials="", device="")
        if view.pusher is None:
            raise NotTeamPusher(reason="unknown", initials="", device="")
        raise NotTeamPusher(
            reason="other", initials=view.pusher.member_initials, device=view.pusher.short
        )

    def designate(self, device: str) -> TeamDevice:
        """Coordinator: `device` (its id, or the start of it as shown) sends for the team from
        now on. Published in the signed device list; the other laptops learn it at their
        next sync. Audited."""
        self._audit.require_coordinator(AuditAction.TEAM_PUSHER, "team")
        with device_lock(self._store):  # not beside a sync round (teamsync/exclusive.py)
            with self._store.transaction() as session:
                state = require_state(session)
            client = TeamClient(state.server, state.pins)
            engine = DeviceSession(state, client, Persist(self._store))
            flows.take_in_enrolments(engine)
            chosen = _match(engine.state, device)
            flows.publish_devices(engine, with_pusher(engine.state.devices, chosen))
            engine.persist()  # the published list is this laptop's own from now on
        self._audit.log(AuditAction.TEAM_PUSHER, "team")
        found = self.view().pusher
        assert found is not None
        return found


def _match(state: DeviceState, typed: str) -> str:
    wanted = typed.strip().lower()
    found = [
        d
        for d, e in state.devices.items()
        if e.get("status") == "active" and wanted and d.lower().startswith(wanted)
    ]
    if len(found) != 1:
        raise UnknownDevice(device=typed.strip()[:40])
    return found[0]


def _device(
    state: DeviceState,
    device: str,
    entry: dict[str, str],
    members: dict[str, tuple[str, str]],
    pusher: str | None,
) -> TeamDevice:
    initials, name = members.get(entry.get("member", ""), ("", ""))
    return TeamDevice(
        device=device,
        short=device[:SHORT],
        member_initials=initials,
        member_name=name,
        coordinator=entry.get("role") == "coordinator",
        pusher=device == pusher,
        this_laptop=device == state.device,
    )
