"""The rules by which Open Zaak 1.30 (the ZGW reference implementation) refuses a POST, as
the test server applies them, with Open Zaak's error bodies (read from its source:
components/zaken/api/{serializers,validators,mixins,viewsets}.py).

- 400 `invalid`: the body breaks the official request schema, or names a URL the server
  does not know (`bad-url`);
- 400 `identificatie-niet-uniek`: a second zaak (or document) with the same identificatie
  and bronorganisatie;
- 400 `unique`: a second status of a zaak at the same `datumStatusGezet`, a second resultaat
  of a zaak, a second link of one document to one zaak;
- 400 `max-occurences`: a second rol of an initiator roltype on a zaak;
- 400 `resultaat-does-not-exist`: a final status on a zaak without a resultaat;
- 403 `permission_denied`, type `…/ZaakClosed/`: a rol, resultaat, klantcontact or link to a
  document for a closed zaak ("Je mag geen gegevens aanpassen van een gesloten zaak");
- 403 `permission_denied`: a status on a closed zaak (reopening needs a scope we lack).
Lists refuse query parameters the specification does not name (`unknown-parameters`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tests.sync.official import request_errors, spec
from wijkteam.sync.zgw.resources import API_OF, COLLECTION, ResourceKind

CLOSED_DETAIL = "Je mag geen gegevens aanpassen van een gesloten zaak."
REOPEN_DETAIL = (
    "Het heropenen van een gesloten zaak is niet toegestaan zonder de scope zaken.heropenen"
)
ZAAK_CLOSED_KINDS = frozenset(
    {
        ResourceKind.ROL,
        ResourceKind.RESULTAAT,
        ResourceKind.KLANTCONTACT,
        ResourceKind.ZAAKINFORMATIEOBJECT,
    }
)
PERSON_FIELDS = (
    "inpBsn",
    "anpIdentificatie",
    "inpA_nummer",
    "geslachtsnaam",
    "voorvoegselGeslachtsnaam",
    "voorletters",
    "voornamen",
    "geslachtsaanduiding",
    "geboortedatum",
)


@dataclass
class Answer:
    status: int
    body: Any


def fault(
    base: str,
    status: int,
    code: str,
    *,
    exception: str,
    detail: str = "",
    params: list[tuple[str, str, str]] | None = None,
) -> Answer:
    """An error body as Open Zaak writes it."""
    body: dict[str, Any] = {
        "type": f"{base}/ref/fouten/{exception}/",
        "code": code,
        "title": detail or code,
        "status": status,
        "detail": detail or code,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if params is not None:
        body["invalidParams"] = [{"name": n, "code": c, "reason": r} for n, c, r in params]
    return Answer(status, body)


def invalid(base: str, name: str, code: str, reason: str = "") -> Answer:
    return fault(
        base, 400, "invalid", exception="ValidationError", params=[(name, code, reason or code)]
    )


def allowed_filters(kind: ResourceKind) -> frozenset[str]:
    operation = spec(API_OF[kind])["paths"][f"/{COLLECTION[kind]}"]["get"]
    return frozenset(p["name"] for p in operation.get("parameters", []) if "name" in p)


def check_post(state: Any, base: str, kind: ResourceKind, body: dict[str, Any]) -> Answer | None:
    """Open Zaak's answer to a POST it refuses; None when it would create the resource.
    `state` is the test server's ServerState (resources, closed zaken, types)."""
    problems = request_errors(kind, body)
    if problems:
        state.refusals.append((kind, problems))
        return fault(
            base,
            400,
            "invalid",
            exception="ValidationError",
            params=[("body", "invalid", p) for p in problems],
        )
    known = state.urls()
    wanted = [body.get("zaak"), body.get("informatieobject")]
    wanted += [r["url"] for r in body.get("relevanteAndereZaken", [])]
    for url in wanted:
        if url and url not in known:
            state.refusals.append((kind, [f"bad-url {url}"]))
            return invalid(base, "url", "bad-url", url)
    same_zaak = [r for r in state.resources[kind] if body.get("zaak") and r["zaak"] == body["zaak"]]
    refused = _not_unique(base, kind, body, state.resources[kind], same_zaak)
    if refused is not None:
        return refused
    if (
        kind is ResourceKind.ROL
        and body["roltype"] == state.initiator_roltype
        and any(r["roltype"] == body["roltype"] for r in same_zaak)
    ):
        return invalid(base, "roltype", "max-occurences", "There are already 1 `initiator`")
    final = kind is ResourceKind.STATUS and body["statustype"] == state.final_statustype
    if final and not any(
        r["zaak"] == body["zaak"] for r in state.resources[ResourceKind.RESULTAAT]
    ):
        return invalid(base, "nonFieldErrors", "resultaat-does-not-exist")
    if body.get("zaak") in state.closed:
        if kind in ZAAK_CLOSED_KINDS:
            return fault(
                base, 403, "permission_denied", exception="ZaakClosed", detail=CLOSED_DETAIL
            )
        if kind is ResourceKind.STATUS:
            return fault(
                base, 403, "permission_denied", exception="PermissionDenied", detail=REOPEN_DETAIL
            )
    return None


def _not_unique(
    base: str,
    kind: ResourceKind,
    body: dict[str, Any],
    existing: list[dict[str, Any]],
    same_zaak: list[dict[str, Any]],
) -> Answer | None:
    if kind in (ResourceKind.ZAAK, ResourceKind.ENKELVOUDIGINFORMATIEOBJECT) and any(
        r["identificatie"] == body.get("identificatie")
        and r["bronorganisatie"] == body["bronorganisatie"]
        for r in existing
    ):
        return invalid(base, "identificatie", "identificatie-niet-uniek")
    if kind is ResourceKind.STATUS and any(
        _instant(r["datumStatusGezet"]) == _instant(body["datumStatusGezet"]) for r in same_zaak
    ):
        return invalid(base, "nonFieldErrors", "unique")
    if kind is ResourceKind.RESULTAAT and same_zaak:
        return invalid(base, "zaak", "unique")
    if kind is ResourceKind.ZAAKINFORMATIEOBJECT and any(
        r["informatieobject"] == body["informatieobject"] for r in same_zaak
    ):
        return invalid(base, "nonFieldErrors", "unique")
    return None


def stored_form(kind: ResourceKind, body: dict[str, Any]) -> dict[str, Any]:
    """The resource as Open Zaak answers with it: a status's moment in UTC, a person's
    identification with every field (empty where not given)."""
    item = dict(body)
    if kind is ResourceKind.STATUS:
        moment = datetime.fromisoformat(body["datumStatusGezet"].replace("Z", "+00:00"))
        utc = moment.astimezone(UTC).isoformat()
        item["datumStatusGezet"] = utc.replace("+00:00", "Z")
    if kind is ResourceKind.ROL and body.get("betrokkeneType") == "natuurlijk_persoon":
        given = body.get("betrokkeneIdentificatie") or {}
        item["betrokkeneIdentificatie"] = {f: given.get(f, "") for f in PERSON_FIELDS} | given
    return item


def closes(state: Any, kind: ResourceKind, body: dict[str, Any]) -> bool:
    return kind is ResourceKind.STATUS and body["statustype"] == state.final_statustype


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
