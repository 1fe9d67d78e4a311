"""Finding a resource that may already be on the server, before posting it again.

The ZGW APIs have no idempotency key. After a broken connection, or with a lost ledger (a
laptop copy from before a push), the client does not know what arrived, so it asks first,
with the filters each list offers, and compares what it finds with what it meant to send:

- a zaak or a document by `identificatie` and `bronorganisatie` (unique there by the
  standard; the server also answers a second POST with `identificatie-niet-uniek`);
- everything that belongs to a zaak (rollen, statussen, resultaat, klantcontacten, links to
  documents) by `zaak`: one list per zaak and kind, fetched once per push and matched here
  (a rol by its type and person, a status by its type and moment, a link by its document...).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from wijkteam.sync.export.push.client import ZgwClient
from wijkteam.sync.zgw.resources import ResourceKind

Body = dict[str, Any]
Matcher = Callable[[Body, Body], bool]  # (what we would send, what the server has)

BY_IDENTIFICATIE = frozenset({ResourceKind.ZAAK, ResourceKind.ENKELVOUDIGINFORMATIEOBJECT})


class Lookups:
    """Asks the server; keeps each zaak's list of a kind for the rest of the push."""

    def __init__(self, client: ZgwClient) -> None:
        self._client = client
        self._per_zaak: dict[tuple[ResourceKind, str], list[Body]] = {}

    def find(self, kind: ResourceKind, body: Body) -> str | None:
        """The server URL of a resource matching `body` (with server URLs in it), or None."""
        if kind in BY_IDENTIFICATIE:
            params = {"identificatie": body["identificatie"]}
            params["bronorganisatie"] = body["bronorganisatie"]
            for found in self._client.find(kind, params):
                if found.get("identificatie") == body["identificatie"]:
                    return str(found["url"])
            return None
        matches = _MATCHERS[kind]
        for found in self.of_zaak(kind, body["zaak"]):
            if matches(body, found):
                return str(found["url"])
        return None

    def same_rol_type(self, body: Body) -> str | None:
        """A rol of the same type on the zaak, whoever it names: when the server allows only
        one (an initiator: `max-occurences`), that one is the resident's."""
        for found in self.of_zaak(ResourceKind.ROL, body["zaak"]):
            if found.get("roltype") == body["roltype"]:
                return str(found["url"])
        return None

    def of_zaak(self, kind: ResourceKind, zaak: str) -> list[Body]:
        key = (kind, zaak)
        if key not in self._per_zaak:
            self._per_zaak[key] = self._client.find(kind, {"zaak": zaak})
        return self._per_zaak[key]

    def remember(self, kind: ResourceKind, made: Body) -> None:
        """What this push created, for later matches on the same zaak."""
        zaak = made.get("zaak")
        if isinstance(zaak, str) and (kind, zaak) in self._per_zaak:
            self._per_zaak[(kind, zaak)].append(made)


def _status(mine: Body, theirs: Body) -> bool:
    return theirs.get("statustype") == mine["statustype"] and same_instant(
        theirs.get("datumStatusGezet"), mine["datumStatusGezet"]
    )


def _rol(mine: Body, theirs: Body) -> bool:
    if theirs.get("roltype") != mine["roltype"]:
        return False
    if theirs.get("betrokkeneType") != mine["betrokkeneType"]:
        return False
    person = theirs.get("betrokkeneIdentificatie") or {}
    wanted = mine.get("betrokkeneIdentificatie") or {}
    return all(person.get(key) == value for key, value in wanted.items())


def _resultaat(mine: Body, theirs: Body) -> bool:
    return theirs.get("resultaattype") == mine["resultaattype"]


def _klantcontact(mine: Body, theirs: Body) -> bool:
    if mine.get("identificatie"):
        return theirs.get("identificatie") == mine["identificatie"]
    return same_instant(theirs.get("datumtijd"), mine["datumtijd"])


def _zaakinformatieobject(mine: Body, theirs: Body) -> bool:
    return theirs.get("informatieobject") == mine["informatieobject"]


_MATCHERS: dict[ResourceKind, Matcher] = {
    ResourceKind.STATUS: _status,
    ResourceKind.ROL: _rol,
    ResourceKind.RESULTAAT: _resultaat,
    ResourceKind.KLANTCONTACT: _klantcontact,
    ResourceKind.ZAAKINFORMATIEOBJECT: _zaakinformatieobject,
}


def same_instant(found: Any, sent: str) -> bool:
    """The same moment to the second: a server may keep fewer digits than were sent."""
    if not isinstance(found, str):
        return False
    try:
        return _parse(found) == _parse(sent)
    except ValueError:
        return found == sent


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    value = value if value.tzinfo else value.astimezone()
    return value.replace(microsecond=0)
