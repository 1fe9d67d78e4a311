"""How an inzage writes values for a resident: Dutch labels and dates ("3 december 2026"),
names instead of numbers, Dutch words instead of codes (resources/documents/inzage.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from typing import Any

from wijkteam.common.dutch_dates import dutch_date
from wijkteam.resources import resource
from wijkteam.validation.rules import format_phone

# Columns holding UTC moments (record stamps, acknowledgements); others hold wall-clock time.
UTC_COLUMNS = frozenset({"created_at", "updated_at", "sync_acknowledged_at", "acknowledged_at"})


@cache
def inzage_texts() -> dict[str, Any]:
    return json.loads(resource("documents", "inzage.json").read_text(encoding="utf-8"))


def dutch_time(value: time) -> str:
    return f"{value:%H:%M}"


def local(value: datetime) -> datetime:
    """A naive UTC moment as the resident's wall-clock time."""
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def dutch_moment(value: datetime) -> str:
    return f"{dutch_date(value.date())} {inzage_texts()['at']} {dutch_time(value.time())}"


class Words:
    """Formats one store's values: knows the members' names."""

    def __init__(self, members: Mapping[int, str]) -> None:
        self.texts = inzage_texts()
        self.members = members

    def label(self, table: str, column: str) -> str:
        return str(self.texts["fields"][table][column])

    def heading(self, key: str, **params: object) -> str:
        return str(self.texts["headings"][key]).format(**params)

    def member(self, member_id: int | None) -> str:
        if member_id is None:
            return str(self.texts["system"])
        return self.members.get(member_id, str(self.texts["unknown_member"]))

    def code(self, value: Enum) -> str:
        return str(self.texts["values"][type(value).__name__][value.value])

    def value(self, column: str, value: Any) -> str:
        """The value as the resident reads it."""
        if isinstance(value, bool):
            return str(self.texts["yes" if value else "no"])
        if isinstance(value, Enum):
            return self.code(value)
        if isinstance(value, datetime):
            return dutch_moment(local(value) if column in UTC_COLUMNS else value)
        if isinstance(value, date):
            return dutch_date(value)
        if isinstance(value, time):
            return dutch_time(value)
        if column == "phone":
            return format_phone(value)
        if column.endswith("member_id"):
            return self.member(value)
        if column == "duration_minutes":
            return str(self.texts["minutes"]).format(n=value)
        if column == "days_to_send":
            return str(self.texts["days"]).format(n=value)
        if column == "size":
            return str(self.texts["bytes"]).format(n=max(1, round(value / 1024)))
        return str(value)

    def fields(
        self, table: str, row: Any, overrides: Mapping[str, str] | None = None
    ) -> list[list[str]]:
        """[label, value] for every labelled column of the row that holds something, in the
        order of the text file; `overrides` gives the text of columns the caller words
        itself (e.g. a reference to another record)."""
        pairs: list[list[str]] = []
        for column, label in self.texts["fields"][table].items():
            if overrides and column in overrides:
                if overrides[column]:
                    pairs.append([label, overrides[column]])
                continue
            value = getattr(row, column, None)
            if value is None or value == "":
                continue
            pairs.append([label, self.value(column, value)])
        return pairs
