"""Contact moments (contactmomenten) and the open themes of the vrij gesprek.

The theme keys are stored in the database and in drafts: never rename a value. Their Dutch
labels and guiding prompts live in ui/labels.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class ContactKind(StrEnum):
    HOME_VISIT = "home_visit"  # huisbezoek
    PHONE = "phone"  # telefoongesprek
    MESSAGE = "message"  # bericht: WhatsApp, sms or e-mail
    ACCOMPANIED = "accompanied"  # meegaan naar een eerste afspraak
    OFFICE = "office"  # kantoorbezoek


class MessageMedium(StrEnum):
    WHATSAPP = "whatsapp"
    SMS = "sms"
    EMAIL = "email"


class Theme(StrEnum):
    """The seven open themes of the vrij gesprek, all optional."""

    WHO = "who"  # Wie is de persoon
    INTERESTS = "interests"  # Interesses
    MOTIVATION = "motivation"  # Wat motiveert
    SITUATION = "situation"  # Wat speelt er
    NEEDS = "needs"  # Achterliggende vragen en behoeften
    STRENGTHS = "strengths"  # Eigen kwaliteiten en krachten
    NETWORK = "network"  # Netwerk


# The order in which the editor shows the themes.
THEMES: tuple[Theme, ...] = tuple(Theme)

# Kinds of contact whose editor offers the themes of the vrij gesprek.
CONVERSATION_KINDS: frozenset[ContactKind] = frozenset({ContactKind.HOME_VISIT})

# WijVaals takes time for the first orientation: up to two or three conversations.
USUAL_ORIENTATION_CONVERSATIONS = 3

MAX_DURATION_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Orientation:
    """Which orientation conversation a home visit is: number 2 of the usual 3."""

    number: int
    usual: int = USUAL_ORIENTATION_CONVERSATIONS

    @property
    def beyond_usual(self) -> bool:
        return self.number > self.usual


# (date, time or None, id or None) of a conversation; a missing time counts as the day's start,
# a contact not yet saved comes after every saved one of the same moment.
ConversationKey = tuple[date, time | None, int | None]


def _sort_key(key: ConversationKey) -> tuple[date, time, float]:
    on, at, ident = key
    return on, at or time.min, float("inf") if ident is None else float(ident)


def orientation_of(key: ConversationKey, others: Iterable[ConversationKey]) -> Orientation:
    """The number of the conversation `key` among `others` of the same melding (itself
    excluded from `others`): 1 + how many took place before it."""
    mine = _sort_key(key)
    return Orientation(1 + sum(1 for other in others if _sort_key(other) < mine))


def orientation_numbers(keys: Iterable[ConversationKey]) -> dict[int, Orientation]:
    """Numbers for saved conversations (by id), in the order they took place."""
    ordered = sorted((k for k in keys if k[2] is not None), key=_sort_key)
    return {k[2]: Orientation(n) for n, k in enumerate(ordered, start=1) if k[2] is not None}
