"""The settings form as typed, and the rules that turn it into a ZgwConfig.

RSIN: nine digits passing the same 11-proof as a BSN. python-stdnum has no RSIN module; its
`stdnum.nl.btw` validates the RSIN inside a VAT number with `stdnum.nl.bsn`, and the ZGW
reference implementation checks bronorganisatie with the BSN 11-proof as well (the schema
links to it). So the RSIN is checked with `stdnum.nl.bsn.is_valid` after the length check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from stdnum.nl import bsn as stdnum_bsn

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ValidationError
from wijkteam.sync.zgw.config import CONFIDENTIALITY_LEVELS, DEFAULT_CONFIDENTIALITY, ZgwConfig
from wijkteam.validation import Collector

URL_MAX = 1000
INFORMATIEOBJECTTYPE_MAX = 200  # the Documenten API allows no more
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class ZgwSettingsInput:
    """What the member typed. Per-status and per-reason fields are keyed by enum value."""

    rsin: str = ""
    catalog_url: str = ""
    zaken_url: str = ""
    documenten_url: str = ""
    zaaktype: str = ""
    statustypen: Mapping[str, str] = field(default_factory=dict)
    roltype_resident: str = ""
    roltype_member: str = ""
    resultaattypen: Mapping[str, str] = field(default_factory=dict)
    informatieobjecttype: str = ""
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    share_conversation: bool = False
    wmo_zaaktype: str = ""
    client_id: str = ""


def statustype_field(status: ReportStatus) -> str:
    return f"statustype:{status.value}"


def resultaattype_field(reason: ClosingReason) -> str:
    return f"resultaattype:{reason.value}"


def normalise_rsin(value: str, field_name: str = "rsin") -> str:
    text = re.sub(r"[\s.]", "", value)
    if not text:
        raise ValidationError(field_name, "required")
    if not (text.isascii() and text.isdecimal()):
        raise ValidationError(field_name, "rsin_digits")
    if len(text) != 9:
        raise ValidationError(field_name, "rsin_length", got=len(text))
    if not stdnum_bsn.is_valid(text):
        raise ValidationError(field_name, "rsin_elfproef")
    return text


def normalise_url(
    value: str, field_name: str, *, required: bool = True, limit: int = URL_MAX
) -> str | None:
    text = value.strip()
    if not text:
        if required:
            raise ValidationError(field_name, "required")
        return None
    if len(text) > limit:
        raise ValidationError(field_name, "too_long", max=limit)
    parts = urlsplit(text)
    if (
        any(ch.isspace() for ch in text)
        or not parts.netloc
        or parts.scheme not in ("http", "https")
    ):
        raise ValidationError(field_name, "url_format")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise ValidationError(field_name, "url_https")
    if parts.query or parts.fragment:
        raise ValidationError(field_name, "url_format")
    return text.rstrip("/")


def validate_settings(data: ZgwSettingsInput) -> ZgwConfig:
    """A ZgwConfig, or ValidationFailed with every problem of the form at once."""
    errors = Collector()
    rsin = errors.check(lambda: normalise_rsin(data.rsin))
    catalog = errors.check(lambda: normalise_url(data.catalog_url, "catalog_url"))
    zaken = errors.check(lambda: normalise_url(data.zaken_url, "zaken_url"))
    documenten = errors.check(lambda: normalise_url(data.documenten_url, "documenten_url"))

    def type_url(
        value: str, name: str, *, required: bool = True, limit: int = URL_MAX
    ) -> str | None:
        url = errors.check(lambda: normalise_url(value, name, required=required, limit=limit))
        if url and catalog and not url.startswith(catalog + "/"):
            errors.add(ValidationError(name, "url_not_in_catalog"))
        return url

    zaaktype = type_url(data.zaaktype, "zaaktype")
    statustypen = {
        s: type_url(data.statustypen.get(s.value, ""), statustype_field(s)) for s in ReportStatus
    }
    resident_type = type_url(data.roltype_resident, "roltype_resident")
    member_type = type_url(data.roltype_member, "roltype_member")
    resultaattypen = {
        r: type_url(data.resultaattypen.get(r.value, ""), resultaattype_field(r))
        for r in ClosingReason
    }
    document_type = type_url(
        data.informatieobjecttype, "informatieobjecttype", limit=INFORMATIEOBJECTTYPE_MAX
    )
    wmo_type = type_url(data.wmo_zaaktype, "wmo_zaaktype", required=False)
    if data.confidentiality not in CONFIDENTIALITY_LEVELS:
        errors.add(ValidationError("confidentiality", "confidentiality_unknown"))
    client_id = data.client_id.strip()
    if len(client_id) > 100:
        errors.add(ValidationError("client_id", "too_long", max=100))
    errors.raise_if_any()
    return ZgwConfig(
        rsin=rsin or "",
        catalog_url=catalog or "",
        zaken_url=zaken or "",
        documenten_url=documenten or "",
        zaaktype=zaaktype or "",
        statustypen={s: u or "" for s, u in statustypen.items()},
        roltype_resident=resident_type or "",
        roltype_member=member_type or "",
        resultaattypen={r: u or "" for r, u in resultaattypen.items()},
        informatieobjecttype=document_type or "",
        confidentiality=data.confidentiality,
        share_conversation=data.share_conversation,
        wmo_zaaktype=wmo_type,
        client_id=client_id or None,
    )
