"""What the export to the municipality reads, in order: the one list of sources. A new
source (referrals, say) is a function under sync/export/collectors/ and one line here."""

from __future__ import annotations

from wijkteam.sync.export.collectors import cases, contacts, documents, referrals
from wijkteam.sync.export.sources import ResourceSource
from wijkteam.sync.zgw.resources import ResourceKind

EXPORT_SOURCES: tuple[ResourceSource, ...] = (
    ResourceSource(ResourceKind.ZAAK, "meldingen", cases.zaken),
    # after the meldingen: a Wmo zaak refers to the team's zaak
    ResourceSource(ResourceKind.ZAAK, "wmo-meldingen", referrals.wmo_zaken),
    ResourceSource(ResourceKind.ROL, "inwoners", cases.resident_rollen),
    ResourceSource(ResourceKind.ROL, "teamleden", cases.member_rollen),
    ResourceSource(ResourceKind.STATUS, "statuswijzigingen", cases.statussen),
    ResourceSource(ResourceKind.RESULTAAT, "afsluitingen", cases.resultaten),
    ResourceSource(ResourceKind.KLANTCONTACT, "contactmomenten", contacts.contact_moments),
    ResourceSource(
        ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, "documenten", documents.information_objects
    ),
    ResourceSource(ResourceKind.ZAAKINFORMATIEOBJECT, "documentkoppelingen", documents.case_links),
)
