"""The audit trail's hash chain, per device: the canonical hash of one row, and the small
file next to keys.json that remembers each device's last row.

The head file (audit-head.json) lives in the data dir, outside the store. Back-ups copy the
store and keys.json, never this file, so after a restore of an older store the file still
names rows the store no longer has: the chain check reports them missing. It holds no
personal data: device UUIDs, sequence numbers and hashes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HEAD_FILENAME = "audit-head.json"


def entry_hash(
    *,
    entry_uuid: uuid.UUID,
    device: uuid.UUID,
    seq: int,
    created_at: datetime,
    actor: uuid.UUID | None,
    responsible: uuid.UUID | None,
    action: str,
    object_type: str,
    object_uuid: uuid.UUID | None,
    resident_uuid: uuid.UUID | None,
    result: str,
    previous_hash: str,
) -> str:
    """SHA-256 over the row's fields (never its local id) and the previous row's hash."""
    fields = [
        entry_uuid,
        device,
        seq,
        created_at.isoformat(),
        actor,
        responsible,
        action,
        object_type,
        object_uuid,
        resident_uuid,
        result,
        previous_hash,
    ]
    text = "|".join("" if f is None else str(f) for f in fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    hash: str


def head_path(data_dir: Path) -> Path:
    return Path(data_dir) / HEAD_FILENAME


def read_heads(data_dir: Path) -> dict[uuid.UUID, Head] | None:
    """Each device's last row as this data dir last saw it; None without a (readable) file."""
    try:
        raw = json.loads(head_path(data_dir).read_text(encoding="utf-8"))
        return {uuid.UUID(k): Head(int(v["seq"]), str(v["hash"])) for k, v in raw.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


_known: dict[Path, dict[uuid.UUID, Head]] = {}  # what this process last wrote, per file


def write_head(data_dir: Path, device: uuid.UUID, head: Head) -> None:
    """Remembers `device`'s newest row (never going back). Written in place after every
    audited commit, so it must be cheap: the file is read once per process. Best effort: a
    data dir that cannot be written leaves the file as it was, and the chain check says so."""
    path = head_path(data_dir)
    heads = _known.get(path)
    if heads is None:
        heads = _known[path] = read_heads(data_dir) or {}
    known = heads.get(device)
    if known is not None and known.seq > head.seq:
        return
    heads[device] = head
    payload = {str(k): {"seq": v.seq, "hash": v.hash} for k, v in heads.items()}
    with contextlib.suppress(OSError):
        path.write_text(json.dumps(payload), encoding="utf-8")
