"""Dates written the Dutch way, independent of the machine's locale ("donderdag 3 december
2026"): shared by the window and by the documents a resident reads."""

from __future__ import annotations

from datetime import date

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def dutch_date(value: date) -> str:
    """3 december 2026"""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def long_date(value: date) -> str:
    """donderdag 3 december 2026"""
    return f"{DAYS[value.weekday()]} {dutch_date(value)}"
