"""What a resource says, in a sentence a member can check before it leaves the laptop."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from wijkteam.sync.zgw.resources import ResourceKind

Body = dict[str, Any]


def describe(kind: ResourceKind, body: Body) -> str:
    return _DESCRIBE[kind](body)


def _day(text: str | None) -> str:
    if not text:
        return "?"
    try:
        return date.fromisoformat(text[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return text


def _moment(text: str | None) -> str:
    if not text:
        return "?"
    try:
        return datetime.fromisoformat(text).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return text


def _zaak(body: Body) -> str:
    text = f"Zaak {body.get('identificatie', '')}: {body.get('omschrijving', '')}, "
    text += f"gestart {_day(body.get('startdatum'))}"
    if body.get("uiterlijkeEinddatumAfdoening"):
        text += f", uiterlijk klaar {_day(body['uiterlijkeEinddatumAfdoening'])}"
    if body.get("relevanteAndereZaken"):
        text += " (vervolg op de zaak van het wijkteam)"
    if body.get("toelichting"):
        text += f"\n    {body['toelichting']}"
    return text


def _rol(body: Body) -> str:
    who = body.get("betrokkeneIdentificatie") or {}
    if body.get("betrokkeneType") == "medewerker":
        return f"Teamlid: {who.get('achternaam', '')} ({who.get('identificatie', '')})"
    if who.get("inpBsn"):
        return f"Inwoner: BSN {who['inpBsn']}"
    name = " ".join(
        p
        for p in (
            who.get("voornamen"),
            who.get("voorvoegselGeslachtsnaam"),
            who.get("geslachtsnaam"),
        )
        if p
    )
    born = f", geboren {_day(who['geboortedatum'])}" if who.get("geboortedatum") else ""
    return f"Inwoner: {name}{born}"


def _status(body: Body) -> str:
    return (
        f"Status '{body.get('statustoelichting', '')}' op {_moment(body.get('datumStatusGezet'))}"
    )


def _resultaat(body: Body) -> str:
    return f"Resultaat: {body.get('toelichting', '')}"


def _klantcontact(body: Body) -> str:
    text = f"Contact op {_moment(body.get('datumtijd'))} ({body.get('kanaal', '')}): "
    text += body.get("onderwerp", "")
    if body.get("toelichting"):
        text += f"\n    {body['toelichting']}"
    return text


def _document(body: Body) -> str:
    size = max((body.get("bestandsomvang") or 0) // 1024, 1)
    return f"Document '{body.get('titel', '')}' ({size} kB, taal {body.get('taal', '')})"


def _link(body: Body) -> str:
    return f"Koppeling van '{body.get('titel', '')}' aan de zaak"


_DESCRIBE = {
    ResourceKind.ZAAK: _zaak,
    ResourceKind.ROL: _rol,
    ResourceKind.STATUS: _status,
    ResourceKind.RESULTAAT: _resultaat,
    ResourceKind.KLANTCONTACT: _klantcontact,
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: _document,
    ResourceKind.ZAAKINFORMATIEOBJECT: _link,
}
