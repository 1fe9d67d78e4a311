"""Dutch words for the sync screens: resource kinds, batch states, confidentiality. (Error
texts: ui/messages; field names: ui/field_labels.py.)"""

from __future__ import annotations

from wijkteam.domain.sync import BatchChannel, BatchState, Undelivered
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
