"""Vocabulary of the sync with the municipal case system (stored as text)."""

from __future__ import annotations

from enum import StrEnum


class BatchState(StrEnum):
    """A batch is 'aangemaakt' when written, 'bevestigd' once the municipality acknowledged
    it (a receipt file, or a push in which every resource arrived), 'deels bevestigd' after a
    push in which the server refused something (what did not arrive is retried next time)."""

    CREATED = "aangemaakt"
    ACKNOWLEDGED = "bevestigd"
    PARTIAL = "deels bevestigd"


class BatchChannel(StrEnum):
    FILE = "file"
    PUSH = "push"


class RemoteState(StrEnum):
    """What the push knows about one resource on the server."""

    SENT = "sent"  # a POST went out; whether it arrived is unknown (look it up on retry)
    CREATED = "created"  # the server answered with its URL (or had it already)
    REFUSED = "refused"  # the server (or the schema check) refused it; retried next push
    HELD = "held"  # not sent: it needs something that did not arrive; retried next push


class Undelivered(StrEnum):
    """Why a resource did not reach the server (the refusal's code; Dutch in ui/sync)."""

    ZAAK_CLOSED = "zaak_closed"  # 403 ZaakClosed: the zaak was closed at the server
    NOT_ALLOWED = "not_allowed"  # 403 otherwise: the client lacks a right (scope)
    INVALID = "invalid"  # 400: the server's own rules (codes say which)
    NOT_UNIQUE = "not_unique"  # 400: it exists there, but not as we would have made it
    SERVER_ERROR = "server_error"  # 5xx
    OTHER = "other"  # any other answer
    SCHEMA = "schema"  # broke the official schema here; never sent
    WAITS = "waits"  # needs a resource that did not arrive (its zaak, its document)
    CLOSING_WAITS = "closing_waits"  # a zaak is not closed while some of it did not arrive
