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


def theme_label(key: str) -> str:
    return SUMMARY_THEME_LABEL.get(key) or THEME_LABEL[Theme(key)]
