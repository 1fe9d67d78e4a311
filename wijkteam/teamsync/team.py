"""Team membership flows on top of the device session: register a team with the server's
registration code, invite a member, join with an invite code, take joined devices onto the
signed device list, rotate the key epoch (revoking devices), and the team recovery code."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from wijkteam.teamproto.codes import InviteCode, RecoveryCode, RegistrationCode, fingerprint
from wijkteam.teamproto.encoding import b64, token_hash, unb64
from wijkteam.teamproto.errors import OpenFailed
from wijkteam.teamproto.keys import BoxKey, DeviceKeys, SigningKey, new_secret
from wijkteam.teamproto.records import DEVICE_LIST, SERVER_KEY
from wijkteam.teamproto.wraps import (
    RECOVERY_RECIPIENT,
    open_bundle,
    open_enrolment,
    seal_bundle,
    seal_enrolment,
    unwrap_epoch,
    unwrap_signing_key,
    wrap_epoch,
    wrap_signing_key,
)
from wijkteam.teamsync.client import Observer, TeamClient
from wijkteam.teamsync.errors import InviteKeyWrong
from wijkteam.teamsync.session import DeviceSession, Outgoing
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.verify import PullOutcome

Persist = Callable[[DeviceState], None]


@dataclass(frozen=True)
class Identity:
    """A new device's id and keys, made once so that a join retried after a lost answer
    presents the same device."""

    device: str
    keys: DeviceKeys

    @staticmethod
    def new() -> Identity:
        return Identity(str(uuid.uuid4()), DeviceKeys.new())


def device_list_uuid(team: str) -> str:
    return str(uuid.uuid5(uuid.UUID(team), "devices"))


def _entry(member: str, role: str, keys_box: bytes, keys_sign: bytes) -> dict[str, str]:
    return {
        "member": member,
        "role": role,
        "box": b64(keys_box),
        "sign": b64(keys_sign),
        "status": "active",
    }


def register_team(
    server: str,
    code_text: str,
    member: str,
    *,
    identity: Identity | None = None,
    persist: Persist | None = None,
    observe: Observer | None = None,
) -> tuple[DeviceSession, str]:
    """The coordinator's laptop registers the team: makes the team key (epoch 1) and the
    coordinator signing key, publishes the signed device list and the recovery wrap. Returns
    the session and the team recovery code (to print once)."""
    code = RegistrationCode.parse(code_text)
    me = identity or Identity.new()
    client = TeamClient(server, [code.pin_prefix.hex()], observe=observe)
    answer = client.call("POST", "/v1/register", {"auth": b64(code.auth), "device": me.device})
    assert client.seen_pin is not None
    coordinator = SigningKey.new()
    state = DeviceState(
        server=server,
        pins=[client.seen_pin],
        team=answer["team"],
        device=me.device,
        token=answer["token"],
        role="coordinator",
        member=member,
        box_private=me.keys.box.private,
        signing_private=me.keys.signing.private,
        coordinator_public=coordinator.public,
        coordinator_private=coordinator.private,
        epochs={1: new_secret()},
    )
    client.pins = [client.seen_pin]
    session = DeviceSession(state, client, persist)
    session.persist()
    entry = _entry(member, "coordinator", me.keys.box.public, me.keys.signing.public)
    publish_devices(session, {me.device: entry})
    return session, renew_recovery(session)


def publish_devices(session: DeviceSession, devices: dict[str, dict[str, str]]) -> None:
    state = session.state
    slot = f"{DEVICE_LIST}/{device_list_uuid(state.team)}"
    base = state.versions.get(slot, 0)
    for _ in range(3):
        body = json.dumps({"devices": devices}).encode()
        op = Outgoing(str(uuid.uuid4()), DEVICE_LIST, device_list_uuid(state.team), base, body)
        outcome = session.push([op])
        if outcome.applied:
            state.devices = devices
            session.persist()  # the list as published, also if no round follows
            return
        base = outcome.conflicts[0].current_version
    raise OpenFailed()


def announce_server_key(session: DeviceSession, pin: str) -> None:
    """Coordinator: a new server key (its SPKI SHA-256, hex) announced in a signed record
    before the server uses it; every laptop adds it to its pins when it pulls the record."""
    state = session.state
    ident = str(uuid.uuid5(uuid.UUID(state.team), "server-key"))
    pins = [*state.pins, pin.lower()] if pin.lower() not in state.pins else list(state.pins)
    base = state.versions.get(f"{SERVER_KEY}/{ident}", 0)
    for _ in range(3):
        op = Outgoing(
            str(uuid.uuid4()), SERVER_KEY, ident, base, json.dumps({"pins": pins}).encode()
        )
        outcome = session.push([op])
        if outcome.applied:
            state.pins = pins
            session.client.pins = pins
            session.persist()
            return
        base = outcome.conflicts[0].current_version
    raise OpenFailed()


def renew_recovery(session: DeviceSession) -> str:
    """A new team recovery code: the coordinator key and every epoch key wrapped to a key
    derived from it; the server's previous recovery wrap and code stop working."""
    state = session.state
    code = RecoveryCode.new(bytes.fromhex(state.pins[0]))
    box = BoxKey.from_secret(code.secret)
    coordinator = session.coordinator_key()
    wraps = [
        {
            "epoch": e,
            "recipient": RECOVERY_RECIPIENT,
            "wrap": b64(
                wrap_epoch(coordinator, state.team, e, RECOVERY_RECIPIENT, box.public, key)
            ),
        }
        for e, key in sorted(state.epochs.items())
    ]
    body = {
        "auth_hash": token_hash(code.auth),
        "signing_wrap": b64(wrap_signing_key(box.public, state.team, coordinator)),
        "wraps": wraps,
    }
    session.client.call("PUT", "/v1/recovery", body)
    state.recovery_public = box.public
    session.persist()
    return code.text()


def invite(session: DeviceSession, member: str, valid_hours: int = 72) -> str:
    """An invite code for one member's new laptop (printed once)."""
    state = session.state
    code = InviteCode.new(bytes.fromhex(state.pins[0]), state.coordinator_public)
    auth_hash = token_hash(code.auth)
    bundle = {
        "team": state.team,
        "member": member,
        "epochs": {str(e): b64(k) for e, k in state.epochs.items()},
        "coordinator": b64(state.coordinator_public),
        "pins": state.pins,
    }
    sealed = seal_bundle(code.key_part, auth_hash, bundle)
    state.invites[auth_hash] = {
        "member": member,
        "key_part": code.key_part.hex(),
        "expires": (datetime.now(UTC) + timedelta(hours=valid_hours)).isoformat(),
    }
    session.persist()
    session.client.call(
        "POST",
        "/v1/invites",
        {"auth_hash": auth_hash, "bundle": b64(sealed), "valid_hours": valid_hours},
    )
    return code.text()


def join_team(
    server: str,
    code_text: str,
    *,
    identity: Identity | None = None,
    persist: Persist | None = None,
    observe: Observer | None = None,
) -> DeviceSession:
    """A member's new laptop joins with an invite code; InviteKeyWrong if the key part does
    not open the invite (nothing is read then)."""
    code = InviteCode.parse(code_text)
    me = identity or Identity.new()
    auth_hash = token_hash(code.auth)
    enrolment = seal_enrolment(
        code.key_part, auth_hash, me.device, me.keys.box.public, me.keys.signing.public
    )
    client = TeamClient(server, [code.pin_prefix.hex()], observe=observe)
    body = {"auth": b64(code.auth), "device": me.device, "enrolment": b64(enrolment)}
    answer = client.call("POST", "/v1/join", body)
    try:
        bundle = open_bundle(code.key_part, auth_hash, unb64(answer["bundle"]))
        coordinator_public = unb64(bundle["coordinator"])
    except (OpenFailed, KeyError, ValueError) as error:
        raise InviteKeyWrong() from error
    if fingerprint(coordinator_public) != code.coordinator_fingerprint or (
        bundle["team"] != answer["team"]
    ):
        raise InviteKeyWrong()
    pins = [p for p in bundle["pins"] if p.startswith(code.pin_prefix.hex())] + [
        p for p in bundle["pins"] if not p.startswith(code.pin_prefix.hex())
    ]
    epochs = {int(e): unb64(k) for e, k in bundle["epochs"].items()}
    state = DeviceState(
        server=server,
        pins=pins,
        team=answer["team"],
        device=me.device,
        token=answer["token"],
        role="member",
        member=bundle["member"],
        box_private=me.keys.box.private,
        signing_private=me.keys.signing.private,
        coordinator_public=coordinator_public,
        epochs=epochs,
        current_epoch=max(epochs),
    )
    client.pins = pins
    session = DeviceSession(state, client, persist)
    session.persist()
    session.refresh_keys()  # the first authenticated call: the server deletes the bundle
    return session


def take_in_enrolments(session: DeviceSession) -> list[str]:
    """Coordinator: devices that joined with this laptop's invites go onto the signed device
    list (their keys opened with the invite's key part, bound to its member). Returns their
    ids. An enrolment that does not open (not made with the code) is never listed."""
    state = session.state
    found = session.client.call("GET", "/v1/enrolments")["enrolments"]
    devices = {k: dict(v) for k, v in state.devices.items()}
    added, done = [], []
    for item in found:
        pending = state.invites.get(item["auth_hash"])
        if pending is None:
            continue
        try:
            box, sign = open_enrolment(
                bytes.fromhex(pending["key_part"]),
                item["auth_hash"],
                item["device"],
                unb64(item["enrolment"]),
            )
        except OpenFailed:
            done.append(item)
            continue
        devices[item["device"]] = _entry(pending["member"], "member", box, sign)
        added.append(item["device"])
        done.append(item)
    if added:
        publish_devices(session, devices)
    for item in done:
        session.client.call("POST", f"/v1/enrolments/{item['device']}/done")
        state.invites.pop(item["auth_hash"], None)
    session.persist()
    return added


def rotate(session: DeviceSession, revoke: Iterable[str] = ()) -> int:
    """A new key epoch wrapped only to the listed, not revoked devices (and the recovery
    key); revoked devices are refused by the server from now on; pending invites voided."""
    take_in_enrolments(session)
    state = session.state
    revoked = set(revoke)
    coordinator = session.coordinator_key()
    epoch = max(state.epochs) + 1
    key = new_secret()
    devices = {k: dict(v) for k, v in state.devices.items()}
    wraps = []
    for device, entry in devices.items():
        if device in revoked:
            entry["status"] = "revoked"
        elif entry["status"] == "active":
            wrapped = wrap_epoch(coordinator, state.team, epoch, device, unb64(entry["box"]), key)
            wraps.append({"epoch": epoch, "recipient": device, "wrap": b64(wrapped)})
    if state.recovery_public is not None:
        wrapped = wrap_epoch(
            coordinator, state.team, epoch, RECOVERY_RECIPIENT, state.recovery_public, key
        )
        wraps.append({"epoch": epoch, "recipient": RECOVERY_RECIPIENT, "wrap": b64(wrapped)})
    body = {"epoch": epoch, "wraps": wraps, "revoke": sorted(revoked)}
    session.client.call("POST", "/v1/rotate", body)
    state.epochs[epoch] = key
    state.current_epoch = epoch
    state.invites.clear()
    session.persist()
    publish_devices(session, devices)
    return epoch


def recover(
    server: str,
    code_text: str,
    member: str,
    *,
    identity: Identity | None = None,
    persist: Persist | None = None,
    observe: Observer | None = None,
) -> tuple[DeviceSession, str, PullOutcome]:
    """Every laptop lost: a new laptop takes the team back with the team recovery code (the
    coordinator key and every epoch key), becomes the coordinator's device, and prints a new
    recovery code (the old one stops working). Also returns what the first pull delivered
    (the whole team, for the new laptop's store)."""
    code = RecoveryCode.parse(code_text)
    me = identity or Identity.new()
    client = TeamClient(server, [code.pin_prefix.hex()], observe=observe)
    answer = client.call("POST", "/v1/recover", {"auth": b64(code.auth), "device": me.device})
    box = BoxKey.from_secret(code.secret)
    team = answer["team"]
    try:
        coordinator = unwrap_signing_key(box, team, unb64(answer["signing_wrap"]))
        epochs = {
            int(w["epoch"]): unwrap_epoch(
                box, coordinator.public, team, int(w["epoch"]), RECOVERY_RECIPIENT, unb64(w["wrap"])
            )
            for w in answer["wraps"]
        }
    except OpenFailed as error:
        raise InviteKeyWrong() from error
    assert client.seen_pin is not None
    state = DeviceState(
        server=server,
        pins=[client.seen_pin],
        team=team,
        device=me.device,
        token=answer["token"],
        role="coordinator",
        member=member,
        box_private=me.keys.box.private,
        signing_private=me.keys.signing.private,
        coordinator_public=coordinator.public,
        coordinator_private=coordinator.private,
        epochs=epochs,
        current_epoch=max(epochs),
        recovery_public=box.public,
    )
    client.pins = [client.seen_pin]
    session = DeviceSession(state, client, persist)
    session.persist()
    pulled = session.pull()
    devices = {k: dict(v) for k, v in state.devices.items()}
    devices[me.device] = _entry(member, "coordinator", me.keys.box.public, me.keys.signing.public)
    publish_devices(session, devices)
    return session, renew_recovery(session), pulled
