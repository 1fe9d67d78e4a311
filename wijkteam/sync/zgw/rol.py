"""The resident and the assigned member are Rollen on the zaak."""

from __future__ import annotations

import uuid

from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.data import MemberData, ResidentData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.urls import derived_uuid
from wijkteam.sync.zgw.values import clip, iso_date, without_empty


def resident_rol_uuid(case_uuid: uuid.UUID) -> uuid.UUID:
    return derived_uuid("rol-inwoner", case_uuid)


def member_rol_uuid(case_uuid: uuid.UUID, member_uuid: uuid.UUID) -> uuid.UUID:
    return derived_uuid("rol-teamlid", case_uuid, member_uuid)


def map_resident_rol(case_uuid: uuid.UUID, resident: ResidentData, config: ZgwConfig) -> Resource:
    """A natuurlijk persoon: by BSN alone when it is known (the municipality has the rest in
    the BRP), otherwise by name and date of birth."""
    rol_uuid = resident_rol_uuid(case_uuid)
    return _rol(
        rol_uuid,
        case_uuid,
        config,
        betrokkene_type="natuurlijk_persoon",
        roltype=config.roltype_resident,
        explanation="Inwoner",
        identification=_person(resident),
    )


def map_member_rol(case_uuid: uuid.UUID, member: MemberData, config: ZgwConfig) -> Resource:
    """A medewerker: the team member the melding is assigned to."""
    return _rol(
        member_rol_uuid(case_uuid, member.uuid),
        case_uuid,
        config,
        betrokkene_type="medewerker",
        roltype=config.roltype_member,
        explanation="Teamlid van het wijkteam",
        identification=without_empty(
            {
                "identificatie": clip(member.initials, 128),
                "achternaam": clip(member.name, 200),
            }
        ),
    )


def _person(resident: ResidentData) -> dict[str, str]:
    if resident.bsn:
        return {"inpBsn": resident.bsn}
    return without_empty(
        {
            "geslachtsnaam": clip(resident.surname, 200),
            "voorvoegselGeslachtsnaam": clip(resident.prefix, 80),
            "voornamen": clip(resident.first_names, 200),
            "voorletters": clip(_initials(resident.first_names), 20),
            "geboortedatum": iso_date(resident.birth_date) if resident.birth_date else None,
        }
    )


def _initials(first_names: str | None) -> str | None:
    if not first_names:
        return None
    return "".join(f"{name[0].upper()}." for name in first_names.split())


def _rol(
    rol_uuid: uuid.UUID,
    case_uuid: uuid.UUID,
    config: ZgwConfig,
    *,
    betrokkene_type: str,
    roltype: str,
    explanation: str,
    identification: dict[str, str],
) -> Resource:
    urls = config.urls
    return Resource(
        kind=ResourceKind.ROL,
        uuid=rol_uuid,
        url=urls.url(ResourceKind.ROL, rol_uuid),
        body={
            "zaak": urls.url(ResourceKind.ZAAK, case_uuid),
            "betrokkeneType": betrokkene_type,
            "roltype": roltype,
            "roltoelichting": explanation,
            "betrokkeneIdentificatie": identification,
        },
        case_uuid=case_uuid,
    )
