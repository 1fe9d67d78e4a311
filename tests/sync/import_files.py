"""Synthetic import files for tests. Invented people; BSNs from the 999 range."""

from __future__ import annotations

import json
from typing import Any

from tests.factories import BSN_A, BSN_B, BSN_BAD

HEADER = (
    "zaaknummer;ontvangen;bsn;voornamen;voorvoegsel;achternaam;geboortedatum;straat;huisnummer;"
    "huisnummertoevoeging;postcode;woonplaats;telefoon;email;melder;relatie_melder;vraag;bron"
)
COLUMNS = HEADER.split(";")


def csv_row(**values: str) -> str:
    defaults = {
        "zaaknummer": "ZK-1",
        "ontvangen": "10-11-2026",
        "achternaam": "Verzonnen",
        "voornamen": "Zoë",
        "geboortedatum": "01-02-1950",
        "postcode": "6291 AB",
        "huisnummer": "12",
        "woonplaats": "Vaals",
        "vraag": "Mevrouw komt de deur niet meer uit.",
        "bron": "familie",
    }
    defaults.update(values)
    return ";".join(_cell(defaults.get(c, "")) for c in COLUMNS)


def _cell(text: str) -> str:
    if any(ch in text for ch in ';"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8-sig") -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode(encoding)


GOOD_ROWS = (
    csv_row(zaaknummer="ZK-1", bsn=BSN_A, achternaam="Aalders", geboortedatum="01-01-1940"),
    csv_row(zaaknummer="ZK-2", achternaam="Bakker", voornamen="Jürgen", geboortedatum="2-2-1960"),
    csv_row(zaaknummer="ZK-3", bsn=BSN_B, achternaam="Çelik", ontvangen="14-11-2026"),
)
BAD_BSN_ROW = csv_row(zaaknummer="ZK-9", bsn=BSN_BAD, achternaam="Dekker")


def zaak_item(
    identificatie: str = "ZK-J1",
    bsn: str | None = BSN_A,
    surname: str = "Verzonnen",
    born: str = "1950-02-01",
    received: str = "2026-11-10",
    **zaak_extra: Any,
) -> dict[str, Any]:
    person: dict[str, Any] = {
        "voornamen": "Zoë",
        "geslachtsnaam": surname,
        "geboortedatum": born,
        "verblijfsadres": {
            "aoaIdentificatie": "0000000000000000",
            "wplWoonplaatsNaam": "Vaals",
            "gorOpenbareRuimteNaam": "Kerkstraat",
            "aoaPostcode": "6291 AB",
            "aoaHuisnummer": 12,
        },
    }
    if bsn:
        person["inpBsn"] = bsn
    return {
        "zaak": {
            "identificatie": identificatie,
            "registratiedatum": received,
            "toelichting": "Meneer is eenzaam sinds zijn vrouw overleed.",
            **zaak_extra,
        },
        "rollen": [
            {
                "betrokkeneType": "natuurlijk_persoon",
                "omschrijvingGeneriek": "belanghebbende",
                "betrokkeneIdentificatie": person,
                "contactpersoonRol": {"naam": "Zoë", "telefoonnummer": "043 306 1234"},
            },
            {
                "betrokkeneType": "natuurlijk_persoon",
                "omschrijvingGeneriek": "initiator",
                "afwijkendeNaamBetrokkene": "Ria Buurvrouw",
                "roltoelichting": "buurvrouw",
                "contactpersoonRol": {"naam": "Ria", "telefoonnummer": "06 12345678"},
            },
        ],
    }


def json_bytes(*items: Any, **envelope: Any) -> bytes:
    document = {"formaat": "wijkteam-meldingen", "versie": 1, "zaken": list(items), **envelope}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
