"""Vocabulary of the sync with the municipal case system (stored as text)."""

from __future__ import annotations

from enum import StrEnum


class BatchState(StrEnum):
    """A batch is 'aangemaakt' when written or pushed, 'bevestigd' once the municipality
    acknowledged it (a receipt file, or a push in which every resource arrived)."""

    CREATED = "aangemaakt"
    ACKNOWLEDGED = "bevestigd"


class BatchChannel(StrEnum):
    FILE = "file"
    PUSH = "push"


class RemoteState(StrEnum):
    """What the push knows about one resource on the server."""

    SENT = "sent"  # a POST went out; whether it arrived is unknown (look it up on retry)
    CREATED = "created"  # the server answered with its URL
