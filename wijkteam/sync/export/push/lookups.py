"""Finding a resource that may already be on the server, before posting it again.

The ZGW APIs have no idempotency key. After a broken connection the client does not know
whether its last POST arrived, so it asks first, with the filters each list offers, and
compares what it finds with what it meant to send.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from wijkteam.sync.export.push.client import ZgwClient
from wijkteam.sync.zgw.resources import ResourceKind

Body = dict[str, Any]


def find_existing(client: ZgwClient, kind: ResourceKind, body: Body) -> str | None:
    """The server URL of a resource matching `body` (with server URLs in it), or None."""
    params, matches = _LOOKUPS[kind](body)
    for candidate in client.find(kind, params):
        if matches(candidate):
            return str(candidate["url"])
    return None


def _by_identificatie(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    params = {"identificatie": body["identificatie"], "bronorganisatie": body["bronorganisatie"]}
    return params, lambda found: found.get("identificatie") == body["identificatie"]


def _status(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    def matches(found: Body) -> bool:
        return found.get("statustype") == body["statustype"] and _same_instant(
            found.get("datumStatusGezet"), body["datumStatusGezet"]
        )

    return {"zaak": body["zaak"], "statustype": body["statustype"]}, matches


def _rol(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    mine = body.get("betrokkeneIdentificatie") or {}

    def matches(found: Body) -> bool:
        theirs = found.get("betrokkeneIdentificatie") or {}
        return all(theirs.get(key) == value for key, value in mine.items())

    params = {"zaak": body["zaak"], "betrokkeneType": body["betrokkeneType"]}
    params["roltype"] = body["roltype"]
    return params, matches


def _resultaat(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    return {"zaak": body["zaak"]}, lambda found: found.get("resultaattype") == body["resultaattype"]


def _klantcontact(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    def matches(found: Body) -> bool:
        if body.get("identificatie"):
            return found.get("identificatie") == body["identificatie"]
        return _same_instant(found.get("datumtijd"), body["datumtijd"])

    return {"zaak": body["zaak"]}, matches


def _zaakinformatieobject(body: Body) -> tuple[dict[str, str], Callable[[Body], bool]]:
    params = {"zaak": body["zaak"], "informatieobject": body["informatieobject"]}
    return params, lambda found: found.get("informatieobject") == body["informatieobject"]


_LOOKUPS: dict[ResourceKind, Callable[[Body], tuple[dict[str, str], Callable[[Body], bool]]]] = {
    ResourceKind.ZAAK: _by_identificatie,
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: _by_identificatie,
    ResourceKind.STATUS: _status,
    ResourceKind.ROL: _rol,
    ResourceKind.RESULTAAT: _resultaat,
    ResourceKind.KLANTCONTACT: _klantcontact,
    ResourceKind.ZAAKINFORMATIEOBJECT: _zaakinformatieobject,
}


def _same_instant(found: Any, sent: str) -> bool:
    if not isinstance(found, str):
        return False
    try:
        return _parse(found) == _parse(sent)
    except ValueError:
        return found == sent


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.astimezone()
