"""The team server's copy of what left this laptop, for an inzage (services/privacy_remote.py).

Asks POST /v1/records for the newest version of records by kind and UUID and opens each
under its epoch key with team, kind, UUID, version and epoch bound, so the server can neither
read nor alter them. A record that does not open, or is older than one this laptop already
had (a server handing out an old version), is counted as refused and left out; a tombstone
(the resident was erased meanwhile) is left out. No connection, a refusal or a revoked device:
"not reachable", and the inzage says so.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from wijkteam.services.privacy_remote import Fetched, Wanted, body
from wijkteam.store import Store
from wijkteam.store.models import TeamLink
from wijkteam.teamproto.encoding import unb64
from wijkteam.teamproto.errors import OpenFailed, SignatureInvalid, TeamError
from wijkteam.teamproto.records import RecordId, open_record, verify_control
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.outbox import load_state
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.versions import slot

log = logging.getLogger(__name__)
CHUNK = 1000  # the server's limit per request


class ServerArchive:
    def __init__(self, store: Store, timeout: float = 15.0) -> None:
        self._store = store
        self._timeout = timeout

    def fetch(self, wanted: Sequence[Wanted]) -> Fetched:
        with self._store.transaction() as session:
            state = load_state(session)
            link = session.get(TeamLink, 1)
            revoked = link is not None and link.revoked
        if state is None or revoked:
            return Fetched(reachable=False)
        state.versions.load(slot(w.kind, str(w.uuid)) for w in wanted)  # one read
        seen = {(w.kind, str(w.uuid)): max(w.version, state.versions.get(slot(w.kind, str(w.uuid))))
                for w in wanted}  # fmt: skip
        client = TeamClient(state.server, state.pins, state.token, timeout=self._timeout)
        records: list[tuple[str, uuid.UUID, dict]] = []  # type: ignore[type-arg]
        refused = 0
        try:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                answer = client.call(
                    "POST",
                    "/v1/records",
                    {"records": [{"kind": w.kind, "uuid": str(w.uuid)} for w in chunk]},
                )
                for item in answer.get("records", []):
                    opened = _open(state, item, seen)
                    if opened is None:
                        refused += 1
                    elif opened is not False:
                        records.append(opened)
        except TeamError as error:
            log.warning("Inzage: team server not reachable (%s)", error.code)
            return Fetched(reachable=False)
        finally:
            client.close()
        if refused:
            log.warning("Inzage: %d record(s) from the team server refused", refused)
        return Fetched(reachable=True, records=records, refused=refused)


def _open(state: DeviceState, item: dict, seen: dict) -> object:  # type: ignore[type-arg]
    """(kind, uuid, body); False for an erased record (a tombstone the coordinator signed) or
    one not asked for; None: refused."""
    kind, ident = str(item["kind"]), str(item["uuid"])
    if (kind, ident) not in seen:
        return False
    version, epoch = int(item["version"]), int(item["key_epoch"])
    tombstone = bool(item["tombstone"])
    key = state.epochs.get(epoch)
    if version < seen[(kind, ident)] or key is None:
        return None
    record = RecordId(state.team, kind, ident, version, epoch, tombstone)
    try:
        plaintext = open_record(key, record, unb64(item["ciphertext"]))
        if tombstone:
            verify_control(state.coordinator_public, record, plaintext)
            return False
    except (OpenFailed, SignatureInvalid, ValueError):
        return None
    return kind, uuid.UUID(ident), body(plaintext)
