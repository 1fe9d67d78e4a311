"""The team's contact details as printed on every document (resources/documents/team.json).
Read here, low, because the services fill documents with it and the PDF builders print it."""

from __future__ import annotations

import json
from functools import cache

from wijkteam.domain.documents import TeamInfo
from wijkteam.resources import resource


@cache
def team_info() -> TeamInfo:
    data = json.loads(resource("documents", "team.json").read_text(encoding="utf-8"))
    return TeamInfo(
        name=data["name"],
        phone=data.get("phone"),
        email=data.get("email"),
        address=data.get("address"),
    )
