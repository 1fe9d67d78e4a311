"""The Dutch words for the audit log's codes (resources/documents/audit.json), shared by the
audit screen, its CSV export and the protocol in an inzage, so all three say the same."""

from __future__ import annotations

import json
from functools import cache

from wijkteam.resources import resource


@cache
def _labels() -> dict[str, dict[str, str]]:
    return json.loads(resource("documents", "audit.json").read_text(encoding="utf-8"))


def action_label(code: str) -> str:
    return _labels()["actions"].get(str(code), str(code))


def object_label(code: str) -> str:
    return _labels()["objects"].get(str(code), str(code))


def result_label(code: str) -> str:
    return _labels()["results"].get(str(code), str(code))


def object_labels() -> dict[str, str]:
    return dict(_labels()["objects"])
