"""Synthetic people for tests. Invented names; BSNs from the 999 test range."""

from __future__ import annotations

from wijkteam.domain.enums import ReportSource
from wijkteam.services.inputs import ReportInput, ResidentInput

# Pass the 11-proof; the 999 range is not issued to people.
BSN_A = "999000019"
BSN_B = "999000032"
BSN_BAD = "999000018"


def resident(**overrides: object) -> ResidentInput:
    values: dict[str, object] = {
        "surname": "Verzonnen",
        "first_names": "Zoë",
        "birth_date": "01-02-1950",
        "postcode": "6291 AB",
        "house_number": "12",
        "place": "Vaals",
    }
    values.update(overrides)
    return ResidentInput(**values)  # type: ignore[arg-type]


def report(**overrides: object) -> ReportInput:
    values: dict[str, object] = {
        "question": "Mijn moeder komt de deur niet meer uit.",
        "source": ReportSource.RELATIVE,
        "received_on": "10-11-2026",
        "reporter_name": "Ria",
        "reporter_relation": "dochter",
    }
    values.update(overrides)
    return ReportInput(**values)  # type: ignore[arg-type]
