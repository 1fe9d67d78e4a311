"""Dutch sentences for what is wrong with an import file of meldingen: the file as a whole
(ImportRefused, by code) and one line or zaak in it (ImportProblem, by code). Placeholders:
{field} / {Field} the field's name, {unit} regel or zaak, {source} the column or JSON path."""

from __future__ import annotations

from ui.messages.registry import Entry, typed
from wijkteam.sync.imports.problems import ImportProblem, ImportRefused

IMPORT_TEXTS: tuple[Entry, ...] = (
    # --- one line (CSV) or zaak (JSON) of the file
    typed(ImportProblem, "{Field} ontbreekt.", "required"),
    typed(
        ImportProblem,
        "Deze bron kent Wijkteam niet. De melding wordt geïmporteerd met bron 'Anders'; wat in "
        "het bestand staat, komt onder de vraag te staan ('Bron volgens de gemeente: …').",
        "source_kept_as_text",
    ),
    typed(
        ImportProblem,
        "Dit zaaknummer staat al eerder in het bestand ({unit} {first}).",
        "case_reference_repeated",
    ),
    typed(ImportProblem, "De kolom '{source}' ontbreekt. Die is verplicht.", "column_missing"),
    typed(
        ImportProblem,
        "De kolom '{source}' kent Wijkteam niet; die wordt overgeslagen.",
        "column_unknown",
    ),
    typed(ImportProblem, "De kolom '{source}' staat er twee keer in.", "column_repeated"),
    typed(
        ImportProblem,
        "De kolommen zijn niet gescheiden door puntkomma's. Sla het bestand in Excel op als 'CSV "
        "(gescheiden door lijstscheidingsteken)'.",
        "wrong_delimiter",
    ),
    typed(
        ImportProblem,
        "Deze regel heeft {got} cellen, de kopregel {expected}. Staat er een puntkomma of "
        "aanhalingsteken te veel in?",
        "cell_count",
    ),
    typed(
        ImportProblem,
        'Dit is geen zaak met rollen: verwacht is {{"zaak": {{…}}, "rollen": [ … ]}}.',
        "record_shape",
    ),
    typed(ImportProblem, "Hier hoort tekst te staan.", "wrong_type"),
    typed(
        ImportProblem,
        "Bij deze zaak staat geen inwoner: een rol met betrokkeneType 'natuurlijk_persoon' en "
        "omschrijvingGeneriek 'belanghebbende'.",
        "resident_role_missing",
    ),
    typed(
        ImportProblem,
        "Bij deze zaak staan meer inwoners (belanghebbenden); Wijkteam verwacht er één.",
        "resident_role_ambiguous",
    ),
    # --- the file as a whole
    typed(ImportRefused, "Dit bestand kan Wijkteam niet importeren."),
    typed(
        ImportRefused,
        "Het bestand kan niet worden gelezen. Bestaat het nog, en mag u het openen?",
        "unreadable_file",
    ),
    typed(
        ImportRefused,
        "Het bestand is te groot (meer dan {max_mb} MB). Splits het in kleinere bestanden.",
        "too_large",
    ),
    typed(
        ImportRefused,
        "Het bestand bevat meer dan {max} meldingen. Splits het in kleinere bestanden.",
        "too_many_records",
    ),
    typed(ImportRefused, "Het bestand is leeg.", "empty"),
    typed(
        ImportRefused,
        "Het bestand bevat geen meldingen, alleen de eerste regel met kolomnamen. Er is niets "
        "geïmporteerd.",
        "no_records",
    ),
    typed(
        ImportRefused,
        "De tekens in dit bestand zijn niet te lezen. Sla het op als 'CSV UTF-8' of als gewone "
        "CSV (Windows); een JSON-bestand moet UTF-8 zijn.",
        "encoding",
    ),
    typed(ImportRefused, "Dit is geen tekstbestand. Kies een CSV- of JSON-bestand.", "binary"),
    typed(
        ImportRefused,
        "Dit is geen CSV- of JSON-bestand (maar bijvoorbeeld een PDF, een afbeelding of een oud "
        "Excel-bestand). Sla de lijst in Excel op als CSV.",
        "wrong_kind",
    ),
    typed(
        ImportRefused,
        "Dit is een Excel-werkmap. Sla de lijst in Excel op als 'CSV UTF-8' en kies dat bestand.",
        "excel_workbook",
    ),
    typed(ImportRefused, "Het ZIP-bestand is beschadigd.", "zip_damaged"),
    typed(
        ImportRefused,
        "Het ZIP-bestand moet precies één CSV- of JSON-bestand bevatten.",
        "zip_contents",
    ),
    typed(
        ImportRefused,
        "Het ZIP-bestand bevat een onveilige bestandsnaam (een pad naar buiten de map). Het is "
        "niet geopend.",
        "zip_unsafe_name",
    ),
    typed(ImportRefused, "Het ZIP-bestand is versleuteld. Pak het eerst uit.", "zip_encrypted"),
    typed(
        ImportRefused, "Het bestand is rond regel {line} niet als CSV te lezen.", "csv_unreadable"
    ),
    typed(
        ImportRefused,
        "Het JSON-bestand klopt niet rond regel {line}, teken {column}.",
        "json_syntax",
    ),
    typed(
        ImportRefused,
        "Het JSON-bestand is te diep genest (meer dan {max} niveaus).",
        "json_too_deep",
    ),
    typed(
        ImportRefused,
        'Dit JSON-bestand heeft niet de vorm die Wijkteam verwacht: {{"formaat": "{format}", '
        '"versie": {version}, "zaken": [ … ]}}.',
        "json_envelope",
    ),
)
