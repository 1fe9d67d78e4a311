"""The ZGW resources the export produces, and the order they must reach a server in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ResourceKind(StrEnum):
    """ZGW resource names in lower case, as used in the manifest and the archive."""

    ZAAK = "zaak"
    STATUS = "status"
    ROL = "rol"
    KLANTCONTACT = "klantcontact"
    RESULTAAT = "resultaat"
    ZAAKINFORMATIEOBJECT = "zaakinformatieobject"
    ENKELVOUDIGINFORMATIEOBJECT = "enkelvoudiginformatieobject"


# A server needs a zaak before anything points at it, a document before its link to the
# zaak, and the resultaat before the final status (which closes the zaak). Statuses go last.
KIND_ORDER: tuple[ResourceKind, ...] = (
    ResourceKind.ZAAK,
    ResourceKind.ROL,
    ResourceKind.KLANTCONTACT,
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT,
    ResourceKind.ZAAKINFORMATIEOBJECT,
    ResourceKind.RESULTAAT,
    ResourceKind.STATUS,
)

# Which API serves a kind, its collection path there, and the official request schema.
API_OF: dict[ResourceKind, str] = {
    kind: "documenten" if kind is ResourceKind.ENKELVOUDIGINFORMATIEOBJECT else "zaken"
    for kind in ResourceKind
}
COLLECTION: dict[ResourceKind, str] = {
    ResourceKind.ZAAK: "zaken",
    ResourceKind.STATUS: "statussen",
    ResourceKind.ROL: "rollen",
    ResourceKind.KLANTCONTACT: "klantcontacten",
    ResourceKind.RESULTAAT: "resultaten",
    ResourceKind.ZAAKINFORMATIEOBJECT: "zaakinformatieobjecten",
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: "enkelvoudiginformatieobjecten",
}
REQUEST_SCHEMA: dict[ResourceKind, str] = {
    ResourceKind.ZAAK: "ZaakRequest",
    ResourceKind.STATUS: "StatusRequest",
    ResourceKind.ROL: "RolRequest",
    ResourceKind.KLANTCONTACT: "KlantContactRequest",
    ResourceKind.RESULTAAT: "ResultaatRequest",
    ResourceKind.ZAAKINFORMATIEOBJECT: "ZaakInformatieObjectRequest",
    ResourceKind.ENKELVOUDIGINFORMATIEOBJECT: "EnkelvoudigInformatieObjectCreateLockRequest",
}


@dataclass(frozen=True, slots=True)
class Resource:
    """One ZGW resource: the body to POST, and where it lives at the configured base URL.

    `case_uuid` is the local melding it belongs to (for batch bookkeeping, never sent).
    """

    kind: ResourceKind
    uuid: uuid.UUID
    url: str
    body: dict[str, Any]
    case_uuid: uuid.UUID
