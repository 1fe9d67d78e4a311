"""Dutch words for the sync screens: resource kinds, batch states, confidentiality. (Error
texts: ui/messages; field names: ui/field_labels.py.)"""

from __future__ import annotations

from wijkteam.domain.sync import BatchChannel, BatchState
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

BATCH_STATE = {BatchState.CREATED: "Aangemaakt", BatchState.ACKNOWLEDGED: "Bevestigd"}
CHANNEL = {BatchChannel.FILE: "Bestand", BatchChannel.PUSH: "Rechtstreeks"}

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
