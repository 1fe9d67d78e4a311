"""How contact moments read in the dossier: kind, moment, and the orientation count."""

from __future__ import annotations

from datetime import date, time

from ui.formatting import short_date
from ui.labels import CONTACT_KIND, MESSAGE_MEDIUM
from wijkteam.domain.contacts import ContactKind, MessageMedium, Orientation

_NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}


def kind_text(kind: ContactKind, medium: MessageMedium | None = None) -> str:
    if kind is ContactKind.MESSAGE and medium is not None:
        return f"{CONTACT_KIND[kind]} via {MESSAGE_MEDIUM[medium]}"
    return CONTACT_KIND[kind]


def moment_text(on: date, at: time | None) -> str:
    return f"{short_date(on)} {at:%H:%M}" if at else short_date(on)


def orientation_text(orientation: Orientation) -> str:
    """'Oriënterend gesprek 2 van 3'; a fourth is allowed and says so."""
    if orientation.beyond_usual:
        usual = _NUMBER_WORDS.get(orientation.usual, str(orientation.usual))
        return f"Oriënterend gesprek {orientation.number} — meer dan de gebruikelijke {usual}"
    return f"Oriënterend gesprek {orientation.number} van {orientation.usual}"


def orientation_short(orientation: Orientation | None) -> str:
    if orientation is None:
        return ""
    if orientation.beyond_usual:
        return f"{orientation.number} (extra)"
    return f"{orientation.number} van {orientation.usual}"
