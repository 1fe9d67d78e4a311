"""Dutch texts for the sociale kaart's own errors (its CSV files, referenced entries)."""

from __future__ import annotations

from wijkteam.errors import WijkteamError

_SAVE_AS_CSV = "Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'."
_MAP_FILE = {
    "too_large": "Dit bestand is groter dan {max_mb} MB. Een sociale kaart past in een veel "
    "kleiner bestand: is dit het goede bestand?",
    "too_many_rows": "Dit bestand heeft meer dan {max} regels. Is dit het goede bestand?",
    "empty": "Het bestand is leeg.",
    "binary": "Dit is geen tekstbestand. " + _SAVE_AS_CSV,
    "wrong_kind": "Dit is geen CSV-bestand (maar bijvoorbeeld een PDF, een afbeelding of een "
    "Excel-werkmap). " + _SAVE_AS_CSV,
    "encoding": "De tekens in dit bestand zijn niet te lezen. Sla het in Excel op als 'CSV UTF-8'.",
    "wrong_delimiter": "De kolommen in dit bestand worden gescheiden door {found} in plaats van "
    "een puntkomma. " + _SAVE_AS_CSV,
    "missing_columns": "In de eerste regel ontbreken deze kolommen: {columns}. De eerste regel "
    "moet de namen van de kolommen bevatten.",
    "duplicate_columns": "Deze kolommen staan twee keer in de eerste regel: {columns}.",
    "malformed": "Regel {line} is niet te lezen: misschien wordt een aanhalingsteken niet "
    "gesloten, of is een cel veel te lang.",
    "unreadable": "Het bestand kan niet worden geopend. Bestaat het nog, en hebt u er rechten op?",
    "unwritable": "Het bestand kan hier niet worden opgeslagen. Kies een andere map.",
}
_DELIMITER_NAMES = {",": "komma's", "tab": "tabs"}


def social_map_error_text(error: WijkteamError) -> str | None:
    """Dutch text for the sociale kaart's own refusals; None for other errors."""
    # Imported here: the package loads the store layer, which the CLI's texts do not need.
    from wijkteam.services.social_map.errors import (
        EntryReferenced,
        ImportNotConfirmed,
        MapFileRefused,
    )

    if isinstance(error, EntryReferenced):
        return (
            "Dit item hoort bij een afspraak en kan daarom niet worden verwijderd. "
            "U kunt het wel deactiveren."
        )
    if isinstance(error, ImportNotConfirmed):
        return (
            f"In het bestand staan {error.params['bad_rows']} regels met fouten. Kies of u "
            "alleen de goede regels wilt importeren."
        )
    if isinstance(error, MapFileRefused):
        params = dict(error.params)
        if "columns" in params:
            params["columns"] = ", ".join(f"'{c}'" for c in params["columns"])
        if "found" in params:
            params["found"] = _DELIMITER_NAMES.get(params["found"], f"'{params['found']}'")
        template = _MAP_FILE.get(error.code, "Dit bestand kan niet worden gelezen.")
        return template.format(**params)
    return None


# Referrals (ui/referrals/texts.py).
