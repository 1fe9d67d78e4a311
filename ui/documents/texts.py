"""Dutch words for the documents screens (the printed words live in resources/documents/)."""

from __future__ import annotations

from ui.labels import THEME_LABEL
from wijkteam.domain.contacts import Theme
from wijkteam.domain.documents import OTHER_THEME, DocumentKind

DOCUMENT_KIND = {
    DocumentKind.VISIT_SUMMARY: "Bezoekverslag",
    DocumentKind.HANDOVER: "Overdrachtsverslag",
}

# The summary's themes as the member knows them from the conversation editor.
SUMMARY_THEME_LABEL = {
    **{theme.value: label for theme, label in THEME_LABEL.items()},
    OTHER_THEME: "Overige aantekeningen",
}

# The file names offered: no personal data in a file name unless the member types it.
FILE_NAME = {
    DocumentKind.VISIT_SUMMARY: "bezoekverslag.pdf",
    DocumentKind.HANDOVER: "overdrachtsverslag.pdf",
}

DOCUMENT_CODES = {
    "no_visit_held": "Er is voor deze melding nog geen huisbezoek gehouden of vastgelegd. "
    "Leg eerst het gesprek vast op het tabblad Gesprekken, of zet het huisbezoek op "
    "‘gehouden’.",
    "no_member_for_visit": "Bij dit gesprek staat geen teamlid. Wijs de melding eerst toe aan "
    "een teamlid: dat is de contactpersoon op het verslag.",
    "not_a_visit_of_report": "Dit gesprek hoort niet bij deze melding.",
    "not_a_pdf": "Het verslag kon niet worden bewaard: het is geen PDF.",
    "time_without_date": "Vul ook de datum in, of maak de tijd leeg.",
}

DOCUMENT_FIELD_LABELS = {
    "next_contact_on": "de datum van het volgende contact",
    "next_contact_at": "de tijd van het volgende contact",
}


def theme_label(key: str) -> str:
    return SUMMARY_THEME_LABEL.get(key) or THEME_LABEL[Theme(key)]
