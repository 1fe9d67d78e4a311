"""The sociale kaart's CSV file format: its columns and the words its cells use.

The file is meant to be kept in (Dutch) Excel, so headers and values are Dutch words. This is
a file format, not interface text: the words here are what the file says, read and written.
"""

from __future__ import annotations

import re

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.domain.text import fold

# (header as written on export, field) in the order of the exported file.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("naam", "name"),
    ("soort", "kind"),
    ("categorieën", "categories"),
    ("toegang", "access"),
    ("doelgroep", "target_group"),
    ("leeftijd van", "age_min"),
    ("leeftijd tot", "age_max"),
    ("wanneer", "schedule"),
    ("waar", "location"),
    ("kosten", "cost"),
    ("plaats", "place"),
    ("contactpersoon", "contact_name"),
    ("telefoon", "phone"),
    ("e-mail", "email"),
    ("back-up contact", "backup_name"),
    ("telefoon back-up", "backup_phone"),
    ("website", "website"),
    ("omschrijving", "description"),
    ("actief", "active"),
    ("laatst gecontroleerd", "last_checked"),
    ("voorbeeld", "is_example"),
)
HEADER_OF_FIELD = {field: header for header, field in COLUMNS}
REQUIRED_FIELDS = ("name", "kind")

_ALIASES = {
    "uuid": "id",
    "name": "name",
    "naamvanhetitem": "name",
    "type": "kind",
    "categorie": "categories",
    "category": "categories",
    "categories": "categories",
    "toegankelijkheid": "access",
    "leeftijdvanaf": "age_min",
    "minimaleleeftijd": "age_min",
    "leeftijdtotenmet": "age_max",
    "maximaleleeftijd": "age_max",
    "tijden": "schedule",
    "locatie": "location",
    "adres": "location",
    "prijs": "cost",
    "woonplaats": "place",
    "kern": "place",
    "contact": "contact_name",
    "telefoonnummer": "phone",
    "emailadres": "email",
    "backup": "backup_name",
    "reservecontact": "backup_name",
    "telefoonbackupcontact": "backup_phone",
    "site": "website",
    "beschrijving": "description",
    "gecontroleerd": "last_checked",
    "laatstgecheckt": "last_checked",
    "isvoorbeeld": "is_example",
}


def header_key(header: str) -> str:
    """'Categorieën ' → 'categorieen', 'E-mail' → 'email': case, accents, spaces and
    punctuation do not matter in a header."""
    return re.sub(r"[^0-9a-z]", "", fold(header))


FIELD_OF_HEADER = {header_key(h): f for h, f in COLUMNS} | _ALIASES

KIND_WORDS = {
    MapEntryKind.PERSON: "persoon",
    MapEntryKind.VOLUNTEER: "vrijwilliger",
    MapEntryKind.INITIATIVE: "initiatief",
    MapEntryKind.ACTIVITY: "activiteit",
    MapEntryKind.ORGANISATION: "organisatie",
}
CATEGORY_WORDS = {
    MapCategory.MEETING: "ontmoeting",
    MapCategory.SPORT: "sport en bewegen",
    MapCategory.VOLUNTEERING: "vrijwilligerswerk",
    MapCategory.EDUCATION_WORK: "opleiding en werk",
    MapCategory.MONEY_DEBT: "geldzaken en schulden",
    MapCategory.DAY_ACTIVITIES: "dagbesteding",
    MapCategory.INFORMAL_CARE: "mantelzorg",
    MapCategory.HOUSING: "wonen",
    MapCategory.HEALTH: "gezondheid",
    MapCategory.LANGUAGE: "taal",
}
ACCESS_WORDS = {
    MapAccess.FREE: "vrij toegankelijk",
    MapAccess.REFERRAL: "via verwijzing",
    MapAccess.CONDITION: "met voorwaarde",
    MapAccess.INDICATION: "met indicatie",
}
YES, NO = "ja", "nee"


def _lookup(words: dict, extra: dict[str, object]) -> dict[str, object]:  # type: ignore[type-arg]
    table: dict[str, object] = {header_key(w): v for v, w in words.items()}
    table |= {header_key(v.value): v for v in words}
    table |= {header_key(k): v for k, v in extra.items()}
    return table


KIND_OF_WORD = _lookup(
    KIND_WORDS,
    {
        "personen": MapEntryKind.PERSON,
        "vrijwilligers": MapEntryKind.VOLUNTEER,
        "initiatieven": MapEntryKind.INITIATIVE,
        "activiteiten": MapEntryKind.ACTIVITY,
        "organisaties": MapEntryKind.ORGANISATION,
    },
)
CATEGORY_OF_WORD = _lookup(
    CATEGORY_WORDS,
    {
        "sport": MapCategory.SPORT,
        "bewegen": MapCategory.SPORT,
        "sport & bewegen": MapCategory.SPORT,
        "werk": MapCategory.EDUCATION_WORK,
        "opleiding": MapCategory.EDUCATION_WORK,
        "opleiding & werk": MapCategory.EDUCATION_WORK,
        "geldzaken": MapCategory.MONEY_DEBT,
        "schulden": MapCategory.MONEY_DEBT,
        "geld": MapCategory.MONEY_DEBT,
        "geldzaken & schulden": MapCategory.MONEY_DEBT,
    },
)
ACCESS_OF_WORD = _lookup(
    ACCESS_WORDS,
    {
        "vrij": MapAccess.FREE,
        "verwijzing": MapAccess.REFERRAL,
        "voorwaarde": MapAccess.CONDITION,
        "met voorwaarden": MapAccess.CONDITION,
        "indicatie": MapAccess.INDICATION,
    },
)
BOOLEAN_OF_WORD = {
    **{w: True for w in ("ja", "j", "yes", "y", "waar", "true", "1", "x")},
    **{w: False for w in ("nee", "n", "no", "onwaar", "false", "0")},
}
# Several categories in one cell: "ontmoeting, taal" or "ontmoeting|taal".
CATEGORY_SEPARATORS = re.compile(r"[,|]")
