"""Dutch words for the sync's codes and errors. ui/messages.py merges these in."""

from __future__ import annotations

from ui.labels import CLOSING_REASON, STATUS
from wijkteam.domain.sync import BatchChannel, BatchState, Undelivered
from wijkteam.errors import WijkteamError
from wijkteam.sync.zgw.config_rules import resultaattype_field, statustype_field
from wijkteam.sync.zgw.resources import ResourceKind

RESOURCE = {
    ResourceKind.ZAAK: "Zaken",
    ResourceKind.ROL: "Betrokkenen (rollen)",
    ResourceKind.KLANTCONTACT: "Contactmomenten",
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: "Documenten",
    ResourceKind.ZAAKINFORMATIEOBJECT: "Koppelingen document–zaak",
    ResourceKind.RESULTAAT: "Resultaten (afsluitingen)",
    ResourceKind.STATUS: "Statussen",
}

BATCH_STATE = {
    BatchState.CREATED: "Aangemaakt",
    BatchState.ACKNOWLEDGED: "Bevestigd",
    BatchState.PARTIAL: "Deels bevestigd",
}
CHANNEL = {BatchChannel.FILE: "Bestand", BatchChannel.PUSH: "Rechtstreeks"}

# One resource, as the member reads it in a list of what did not arrive.
RESOURCE_ONE = {
    ResourceKind.ZAAK: "De zaak",
    ResourceKind.ROL: "Een betrokkene (rol)",
    ResourceKind.KLANTCONTACT: "Een contactmoment",
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: "Een document",
    ResourceKind.ZAAKINFORMATIEOBJECT: "De koppeling van een document aan de zaak",
    ResourceKind.RESULTAAT: "Het resultaat (afsluiting)",
    ResourceKind.STATUS: "Een status",
}
# What it waited for, after "Wacht op".
WAITED_FOR = {
    ResourceKind.ZAAK: "de zaak",
    ResourceKind.ROL: "een betrokkene",
    ResourceKind.KLANTCONTACT: "een contactmoment",
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: "het document",
    ResourceKind.ZAAKINFORMATIEOBJECT: "een koppeling",
    ResourceKind.RESULTAAT: "het resultaat",
    ResourceKind.STATUS: "een status",
}
UNDELIVERED_SHORT = {
    Undelivered.ZAAK_CLOSED: "Zaak al afgesloten bij de gemeente",
    Undelivered.NOT_ALLOWED: "Geen toestemming van het zaaksysteem",
    Undelivered.INVALID: "Geweigerd door het zaaksysteem",
    Undelivered.NOT_UNIQUE: "Staat er al, maar anders",
    Undelivered.SERVER_ERROR: "Storing bij het zaaksysteem",
    Undelivered.OTHER: "Onverwacht antwoord",
    Undelivered.SCHEMA: "Voldoet niet aan de ZGW-standaard",
    Undelivered.WAITS: "Wacht op {waits_for}",
    Undelivered.CLOSING_WAITS: "Afsluiten wacht",
}
UNDELIVERED_WHY = {
    Undelivered.ZAAK_CLOSED: "De gemeente heeft deze zaak al afgesloten; het zaaksysteem neemt "
    "er niets meer bij aan. Vraag de beheerder van het zaaksysteem de zaak te heropenen, of "
    "Wijkteam het recht 'geforceerd bijwerken' te geven. Tot dan probeert Wijkteam het bij "
    "elke synchronisatie opnieuw; de melding blijft op deze laptop.",
    Undelivered.NOT_ALLOWED: "Het zaaksysteem staat Wijkteam dit niet toe (foutcode {status}). "
    "Vraag de beheerder van het zaaksysteem de rechten van de client na te lopen.",
    Undelivered.INVALID: "Het zaaksysteem weigerde dit onderdeel (foutcode {status}: {codes}). "
    "Vaak klopt een type uit de catalogus niet bij het zaaktype: kijk de instellingen van de "
    "koppeling na, of geef dit door aan de beheerder van het zaaksysteem.",
    Undelivered.NOT_UNIQUE: "Het zaaksysteem heeft hier al iets anders staan ({codes}). Geef "
    "dit door aan de beheerder van het zaaksysteem.",
    Undelivered.SERVER_ERROR: "Het zaaksysteem had een storing (foutcode {status}). Wijkteam "
    "probeert het bij de volgende synchronisatie opnieuw.",
    Undelivered.OTHER: "Het zaaksysteem antwoordde onverwacht (foutcode {status}). Wijkteam "
    "probeert het bij de volgende synchronisatie opnieuw.",
    Undelivered.SCHEMA: "Dit onderdeel voldoet hier niet aan de ZGW-standaard ({codes}) en is "
    "daarom niet verstuurd. Geef dit door aan de beheerder van Wijkteam.",
    Undelivered.WAITS: "Dit onderdeel hoort bij {waits_for}, die niet aankwam. Het gaat mee "
    "zodra dat wel lukt.",
    Undelivered.CLOSING_WAITS: "Zolang niet alles van deze melding bij de gemeente is, sluit "
    "Wijkteam de zaak daar niet af: op een afgesloten zaak kan niets meer bij. De afsluiting "
    "gaat mee zodra de rest is aangekomen.",
}


def undelivered_short(reason: Undelivered, waits_for: ResourceKind | None) -> str:
    return UNDELIVERED_SHORT[reason].format(waits_for=WAITED_FOR.get(waits_for, "iets anders"))


def undelivered_why(
    reason: Undelivered, status: int | None, codes: tuple[str, ...], waits_for: ResourceKind | None
) -> str:
    return UNDELIVERED_WHY[reason].format(
        status=status or "onbekend",
        codes=", ".join(codes) or "geen code",
        waits_for=WAITED_FOR.get(waits_for, "iets anders"),
    )


CONFIDENTIALITY = {
    "openbaar": "Openbaar",
    "beperkt_openbaar": "Beperkt openbaar",
    "intern": "Intern",
    "zaakvertrouwelijk": "Zaakvertrouwelijk",
    "vertrouwelijk": "Vertrouwelijk",
    "confidentieel": "Confidentieel",
    "geheim": "Geheim",
    "zeer_geheim": "Zeer geheim",
}

SYNC_FIELD_LABELS = {
    "rsin": "het RSIN",
    "catalog_url": "het adres van de catalogus",
    "zaken_url": "het adres van de Zaken-API",
    "documenten_url": "het adres van de Documenten-API",
    "zaaktype": "het zaaktype",
    "roltype_resident": "het roltype voor de inwoner",
    "roltype_member": "het roltype voor het teamlid",
    "informatieobjecttype": "het informatieobjecttype",
    "confidentiality": "de vertrouwelijkheid",
    "wmo_zaaktype": "het zaaktype voor een Wmo-melding",
    "client_id": "de client-id",
    "passphrase": "een wachtzin",
    "passphrase_repeat": "de wachtzin nog een keer",
    "target": "waar het bestand komt",
    "secret": "het geheim (client secret)",
}
SYNC_FIELD_LABELS.update(
    {statustype_field(s): f"het statustype voor '{label}'" for s, label in STATUS.items()}
)
SYNC_FIELD_LABELS.update(
    {resultaattype_field(r): f"het resultaattype voor '{t}'" for r, t in CLOSING_REASON.items()}
)

SYNC_CODES = {
    "rsin_digits": "Een RSIN bestaat alleen uit cijfers.",
    "rsin_length": "Een RSIN heeft 9 cijfers; dit zijn er {got}.",
    "rsin_elfproef": "Dit is geen geldig RSIN: het voldoet niet aan de elfproef. "
    "Neem het nummer over uit de gegevens van de gemeente.",
    "url_format": "Dit is geen geldig internetadres. Het begint met https:// en heeft geen "
    "spaties, bijvoorbeeld https://zaken.gemeente.nl/zaken/api/v1.",
    "url_https": "Gebruik een beveiligd adres dat met https:// begint.",
    "url_not_in_catalog": "Dit adres hoort niet bij de catalogus van de koppeling. "
    "Kopieer het uit de catalogus van de gemeente.",
    "confidentiality_unknown": "Kies een vertrouwelijkheid uit de lijst.",
    "passphrase_too_short": "Kies een wachtzin van minstens {min} tekens, bijvoorbeeld een "
    "paar woorden achter elkaar.",
    "passphrase_mismatch": "De twee wachtzinnen zijn niet gelijk.",
}

_RECEIPT = {
    "unreadable": "Het ontvangstbewijs kan niet worden gelezen.",
    "not_a_receipt": "Dit bestand is geen ontvangstbewijs van de gemeente voor Wijkteam.",
    "unknown_batch": "Dit ontvangstbewijs hoort bij een export die hier niet bekend is. "
    "Misschien komt het van een andere laptop.",
    "counts_differ": "Volgens het ontvangstbewijs kwam er iets anders aan dan er is verstuurd. "
    "De export blijft open; neem contact op met de gemeente.",
}

_SETTINGS_FILE = {
    "unreadable": "Het instellingenbestand kan niet worden gelezen. Controleer de naam en of "
    "het een tekstbestand (UTF-8) is.",
    "not_json": "Het instellingenbestand is geen geldige JSON (zie regel {line}).",
    "not_settings": "Dit bestand bevat geen instellingen van de koppeling voor Wijkteam: "
    '"format" moet "wijkteam-zgw-settings" zijn en "format_version" 1. Maak een voorbeeld '
    "met wijkteam zgw-settings --show.",
    "unknown_key": "Het instellingenbestand heeft een onbekende sleutel: '{key}'. Controleer "
    "de spelling; wijkteam zgw-settings --show toont alle sleutels.",
    "wrong_type": "In het instellingenbestand heeft '{key}' de verkeerde soort waarde: een "
    "adres staat tussen aanhalingstekens, share_conversation is true of false, statustypen "
    "en resultaattypen zijn lijsten van naam en adres.",
    "secret_in_file": "Het geheim (client secret) hoort niet in het instellingenbestand "
    "('{key}'): Wijkteam bewaart het nooit. Haal het uit het bestand; het wordt gevraagd "
    "bij het synchroniseren.",
}

_ERRORS = {
    "export_not_configured": "De koppeling met de gemeente is nog niet ingesteld. Kies "
    "Synchronisatie › Instellingen koppeling.",
    "export_target_unwritable": "Het bestand kan daar niet worden geschreven. Kies een andere "
    "map of controleer of de USB-stick er nog in zit.",
    "nothing_to_export": "Er is niets nieuws om te versturen.",
    "resource_invalid": "Een gegeven voldoet niet aan de ZGW-standaard ({kind}, veld {field}). "
    "Er is niets verstuurd. Geef dit door aan uw beheerder.",
    "document_changed": "Een document is veranderd sinds het werd gemaakt en wordt daarom niet "
    "verstuurd. Geef dit door aan uw beheerder.",
    "archive_unreadable": "Het bestand kan niet worden geopend: verkeerde wachtzin of beschadigd.",
    "push_not_configured": "Vul de client-id in bij de instellingen en het geheim hier.",
    "push_client_refused": "Het zaaksysteem van de gemeente laat Wijkteam niet binnen. "
    "Controleer de client-id (bij de instellingen) en het geheim, en vraag de beheerder van het "
    "zaaksysteem of deze client zaken mag lezen en aanmaken. Er is niets verstuurd.",
    "push_connection_lost": "De verbinding met de gemeente viel weg. Wat al aankwam is "
    "bewaard; probeer het straks opnieuw, er wordt niets dubbel verstuurd.",
    "push_refused": "Het zaaksysteem van de gemeente gaf een fout (foutcode {status}) voordat "
    "er iets verstuurd was. Probeer het straks opnieuw; blijft het, geef het dan door aan de "
    "beheerder van het zaaksysteem.",
    "push_unresolved_reference": "Een onderdeel verwijst naar iets dat de gemeente nog niet "
    "heeft. Maak eerst een volledige export.",
}


def sync_error_text(error: WijkteamError) -> str | None:
    """A sentence for the sync's own errors, or None for others."""
    if error.code == "receipt_invalid":
        return _RECEIPT.get(str(error.params.get("reason")), _RECEIPT["not_a_receipt"])
    if error.code == "settings_file_invalid":
        text = _SETTINGS_FILE.get(str(error.params.get("reason")), _SETTINGS_FILE["not_settings"])
        return text.format(key=error.params.get("key", ""), line=error.params.get("line", 0))
    template = _ERRORS.get(error.code)
    if template is None:
        return None
    params = {k: v for k, v in error.params.items() if isinstance(v, str | int)}
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template.split(" (")[0] + "."
