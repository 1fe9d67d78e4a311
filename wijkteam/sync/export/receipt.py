"""The receipt a back office returns for an export archive (format in docs/sync-export.md):

    {"format": "wijkteam-zgw-receipt", "format_version": 1,
     "batch": "<the manifest's batch UUID>", "received_at": "2026-11-18T10:00:00Z",
     "counts": {"zaak": 12, "status": 30, ...}}

`counts` is optional; when present it must match what the batch carried.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijkteam.sync.export.errors import ReceiptInvalid

RECEIPT_FORMAT = "wijkteam-zgw-receipt"
RECEIPT_VERSION = 1
MAX_RECEIPT_BYTES = 64 * 1024


@dataclass(frozen=True)
class Receipt:
    batch: uuid.UUID
    received_at: str | None
    counts: dict[str, int] | None


def receipt_json(batch: uuid.UUID, received_at: str, counts: dict[str, int] | None) -> str:
    """A receipt as a back office would write it (for tests and documentation)."""
    body: dict[str, Any] = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "batch": str(batch),
        "received_at": received_at,
    }
    if counts is not None:
        body["counts"] = counts
    return json.dumps(body, indent=2)


def read_receipt(path: Path) -> Receipt:
    try:
        if Path(path).stat().st_size > MAX_RECEIPT_BYTES:
            raise ReceiptInvalid("not_a_receipt")
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        raise ReceiptInvalid("unreadable") from None
    except (json.JSONDecodeError, RecursionError):
        raise ReceiptInvalid("not_a_receipt") from None
    return parse_receipt(data)


def parse_receipt(data: Any) -> Receipt:
    if (
        not isinstance(data, dict)
        or data.get("format") != RECEIPT_FORMAT
        or data.get("format_version") != RECEIPT_VERSION
        or not isinstance(data.get("batch"), str)
    ):
        raise ReceiptInvalid("not_a_receipt")
    try:
        batch = uuid.UUID(data["batch"])
    except ValueError:
        raise ReceiptInvalid("not_a_receipt") from None
    counts = data.get("counts")
    if counts is not None and not (
        isinstance(counts, dict)
        and all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items())
    ):
        raise ReceiptInvalid("not_a_receipt")
    received = data.get("received_at")
    return Receipt(batch, received if isinstance(received, str) else None, counts)
