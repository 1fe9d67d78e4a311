"""Typed errors from the core, turned into Dutch sentences. The only place that does so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.documents.texts import DOCUMENT_CODES, DOCUMENT_FIELD_LABELS
from ui.labels import STATUS
from ui.referrals.texts import REFERRAL_CODES, REFERRAL_FIELD_LABELS, referral_error_text
from ui.social_map.texts import social_map_error_text
from ui.sync.texts import SYNC_CODES, SYNC_FIELD_LABELS, sync_error_text
from wijkteam.errors import (
    KeyFileDamaged,
    NoPassphrase,
    NotAllowed,
    NotFound,
    OpenItemsRemain,
    PassphraseRefused,
    SignInRefused,
    StoreBackupFailed,
    StoreInUse,
    StoreNotADatabase,
    StoreNotEncrypted,
    StoreNotSetUp,
    StoreReadOnly,
    StoreTooNew,
    StoreUnreadable,
    StoreUpgradeFailed,
    TransitionRefused,
    ValidationError,
    ValidationFailed,
    WijkteamError,
)
from wijkteam.sync.imports.problems import (
    ImportDecisionInvalid,
    ImportInvalid,
    ImportNeedsDecision,
    ImportProblem,
    ImportRefused,
)

if TYPE_CHECKING:  # loaded when used: the sign-in screen imports this module early
    from wijkteam.sync.imports.preview import ImportPreview, ImportSummary

from ui.field_labels import FIELD_LABELS

_CODES = {
    "required": "Vul {field} in.",
    "too_long": "Dit is te lang: hoogstens {max} tekens.",
    "digits_only": "Een BSN bestaat alleen uit cijfers.",
    "length": "Een BSN heeft {expected} cijfers; dit zijn er {got}.",
    "elfproef": "Dit is geen geldig BSN: het voldoet niet aan de elfproef. "
    "Controleer of u geen cijfer verkeerd hebt overgenomen.",
    "bsn_in_use": "Dit BSN hoort al bij een andere inwoner. Zoek de inwoner op in plaats van "
    "een nieuwe aan te maken.",
    "confirmed_without_bsn": "Vul eerst het BSN in voordat u het als bevestigd aanmerkt.",
    "format": "Een postcode is vier cijfers en twee letters, bijvoorbeeld 6291 AB.",
    "letters_not_used": "Postcodes met de letters {letters} bestaan niet in Nederland.",
    "phone_format": "Dit is geen geldig telefoonnummer. Voorbeelden: 043 306 1234, "
    "06 12345678 of +49 241 123456.",
    "phone_country": "Alleen Nederlandse, Duitse en Belgische nummers worden geaccepteerd.",
    "email_format": "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
    "date_format": "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026.",
    "time_format": "Schrijf de tijd als uren:minuten, bijvoorbeeld 14:30.",
    "in_future": "Deze datum ligt in de toekomst.",
    "in_past": "Deze datum ligt in het verleden.",
    "too_old_received": "Deze datum ligt meer dan een jaar terug. Klopt hij?",
    "implausible_age": "Deze geboortedatum geeft een leeftijd van meer dan {years} jaar.",
    "identify_without_bsn": "Zonder BSN is een geboortedatum of een adres (postcode en "
    "huisnummer) nodig om de inwoner te herkennen.",
    "house_number_format": "Een huisnummer begint met een cijfer; zet letters bij de toevoeging.",
    "case_reference_in_use": "Dit zaaknummer is al gebruikt voor een andere melding.",
    "initials_taken": "Deze initialen zijn al in gebruik bij een ander teamlid.",
    "unknown_map_entry": "Deze plek op de sociale kaart bestaat niet (meer). Kies een andere.",
    "out_of_range": "Kies een getal van {low} tot en met {high}.",
    "already_recorded": "Dit nabelmoment is al vastgelegd.",
    "report_closed": "Deze melding is al afgesloten.",
    "duration_format": "Schrijf de duur in minuten (45) of in uren en minuten (1:30).",
    "duration_range": "De duur ligt tussen 1 minuut en {max} minuten (een dag).",
    "choose_medium": "Kies of het bericht via WhatsApp, sms of e-mail ging.",
    "age_format": "Schrijf een leeftijd in hele jaren, bijvoorbeeld 18.",
    "age_range": "Een leeftijd ligt tussen 0 en {max} jaar.",
    "age_order": "De leeftijd 'tot' is lager dan de leeftijd 'van'.",
    "website_format": "Dit is geen geldig webadres, bijvoorbeeld www.voorbeeld.nl.",
    "map_entry_exists": "Er staat al een item met deze naam in deze plaats op de sociale kaart. "
    "Zoek het op, of geef dit item een andere naam.",
    "unknown_kind": "'{value}' is geen soort. Kies uit: persoon, vrijwilliger, initiatief, "
    "activiteit of organisatie.",
    "unknown_category": "'{value}' is geen categorie van de sociale kaart.",
    "unknown_access": "'{value}' is geen toegang. Kies uit: vrij toegankelijk, via verwijzing, "
    "met voorwaarde of met indicatie.",
    "yes_no": "Schrijf 'ja' of 'nee' (niet '{value}').",
    "id_format": "De id is geen geldige code. Laat de cel leeg voor een nieuw item.",
    "duplicate_row": "Dit item staat al op regel {first_line} (dezelfde id, of dezelfde naam "
    "en plaats).",
    "extra_cells": "Deze regel heeft meer cellen dan er kolommen zijn. Staat er een puntkomma "
    "te veel in?",
    "unknown_member": "Kies een teamlid.",
    "password_too_short": "Kies minstens {min} tekens. Een lang wachtwoord is voor een dief "
    "veel moeilijker te raden dan een kort ingewikkeld wachtwoord; een zinnetje van een paar "
    "woorden is prima.",
    "password_too_simple": "Dit wachtwoord is te eenvoudig (bijna steeds hetzelfde teken, of "
    "spaties aan het begin of eind). Kies een zinnetje van een paar woorden.",
    "password_mismatch": "De twee wachtwoorden zijn niet gelijk.",
    "password_wrong": "Dit is niet uw huidige wachtwoord.",
    "last_coordinator": "Het team heeft minstens één coördinator nodig.",
    "cannot_remove_self": "U kunt uw eigen account niet uitzetten.",
}

_STORE = {
    StoreUnreadable: "Wijkteam kan het gegevensbestand niet lezen. Controleer of het bestand "
    "bestaat en of u er rechten op hebt.",
    StoreNotADatabase: "Het gegevensbestand is geen Wijkteam-bestand of is beschadigd. "
    "Het is niet aangeraakt. Neem contact op met uw beheerder.",
    StoreTooNew: "Deze gegevens zijn gemaakt met een nieuwere versie van Wijkteam. "
    "Installeer de nieuwste versie; de gegevens zijn niet aangeraakt.",
    StoreReadOnly: "Wijkteam kan niet schrijven in de map met gegevens (alleen-lezen of niet "
    "aan te maken). Kies een andere map of vraag uw beheerder om schrijfrechten.",
    StoreBackupFailed: "Deze versie van Wijkteam moet de gegevens bijwerken, maar kon eerst "
    "geen reservekopie maken (is de schijf vol?). Er is niets veranderd. Maak ruimte vrij "
    "en start Wijkteam opnieuw.",
    StoreUpgradeFailed: "Het bijwerken van de gegevens naar deze versie van Wijkteam is "
    "mislukt. Er is niets veranderd; de gegevens zijn zoals ze waren. Neem contact op met "
    "uw beheerder.",
    StoreInUse: "Wijkteam is op deze laptop al geopend. Gebruik het venster dat al open is "
    "(kijk in de taakbalk); de gegevens kunnen niet twee keer tegelijk open staan.",
    StoreNotEncrypted: "Het gegevensbestand is niet versleuteld, maar er staat wel een "
    "sleutelbestand naast. Het is niet aangeraakt. Neem contact op met uw beheerder.",
    NoPassphrase: "Geef het wachtwoord (of de herstelcode) in de omgevingsvariabele "
    "WIJKTEAM_PASSPHRASE.",
    PassphraseRefused: "Dit wachtwoord of deze herstelcode past niet bij deze gegevens.",
    StoreNotSetUp: "Hier is nog geen team aangemaakt (of de gegevens zijn nog niet "
    "versleuteld). Start eerst Wijkteam zelf om het team aan te maken.",
    KeyFileDamaged: "Het sleutelbestand (keys.json) naast de gegevens is beschadigd. Zonder "
    "dat bestand zijn de gegevens niet te lezen. Zet het terug uit een back-up of neem "
    "contact op met uw beheerder.",
}


def field_errors(error: WijkteamError) -> tuple[ValidationError, ...]:
    if isinstance(error, ValidationFailed):
        return error.errors
    if isinstance(error, ValidationError):
        return (error,)
    return ()


def field_error_text(error: ValidationError) -> str:
    template = _CODES.get(error.code, "Deze invoer klopt niet.")
    field = FIELD_LABELS.get(error.field, "dit veld")
    return template.format(field=field, **error.params)


def error_text(error: WijkteamError) -> str:
    """A sentence for any error a service raised."""
    for kind, text in _STORE.items():
        if isinstance(error, kind):
            return text
    referral_text = referral_error_text(error)
    if referral_text is not None:
        return referral_text
    if isinstance(error, TransitionRefused):
        from wijkteam.domain.status import ReportStatus

        current = STATUS[ReportStatus(error.params["current"])]
        wanted = STATUS[ReportStatus(error.params["wanted"])]
        return f"Dat kan niet: een melding met status '{current}' kan niet naar '{wanted}'."
    if isinstance(error, SignInRefused):
        return "Deze initialen en dit wachtwoord horen niet bij elkaar. Probeer het nog eens."
    if isinstance(error, NotAllowed):
        return "Dit kan alleen een coördinator doen."
    if isinstance(error, NotFound):
        return "Dit gegeven bestaat niet meer. Misschien is het intussen verwijderd."
    errors = field_errors(error)
    if errors:
        return "\n".join(field_error_text(e) for e in errors)
    sync_text = sync_error_text(error)
    if sync_text is not None:
        return sync_text
    if error.code == "duplicate_suspected":
        return "Deze inwoner lijkt al bekend te zijn."
    social_map = social_map_error_text(error)
    if social_map is not None:
        return social_map
    return "Er ging iets mis. Uw invoer is bewaard; probeer het nog eens."


# --- importing meldingen (CSV / JSON from the municipality) --------------------------------
FIELD_LABELS["source"] = "de bron"

_IMPORT_CODES = {
    "required": "{Field} ontbreekt.",
    "source_unknown": "Deze bron kent Wijkteam niet. Gebruik bijvoorbeeld gemeente, inwoner, "
    "familie, huisarts, buren, partnerorganisatie of anders (of laat het leeg).",
    "case_reference_repeated": "Dit zaaknummer staat al eerder in het bestand ({unit} {first}).",
    "column_missing": "De kolom '{source}' ontbreekt. Die is verplicht.",
    "column_unknown": "De kolom '{source}' kent Wijkteam niet; die wordt overgeslagen.",
    "column_repeated": "De kolom '{source}' staat er twee keer in.",
    "wrong_delimiter": "De kolommen zijn niet gescheiden door puntkomma's. Sla het bestand in "
    "Excel op als 'CSV (gescheiden door lijstscheidingsteken)'.",
    "cell_count": "Deze regel heeft {got} cellen, de kopregel {expected}. Staat er een "
    "puntkomma of aanhalingsteken te veel in?",
    "record_shape": 'Dit is geen zaak met rollen: verwacht is {{"zaak": {{…}}, "rollen": [ … ]}}.',
    "wrong_type": "Hier hoort tekst te staan.",
    "resident_role_missing": "Bij deze zaak staat geen inwoner: een rol met betrokkeneType "
    "'natuurlijk_persoon' en omschrijvingGeneriek 'belanghebbende'.",
    "resident_role_ambiguous": "Bij deze zaak staan meer inwoners (belanghebbenden); "
    "Wijkteam verwacht er één.",
}

_IMPORT_REFUSED = {
    "unreadable_file": "Het bestand kan niet worden gelezen. Bestaat het nog, en mag u het openen?",
    "too_large": "Het bestand is te groot (meer dan {max_mb} MB). Splits het in kleinere "
    "bestanden.",
    "too_many_records": "Het bestand bevat meer dan {max} meldingen. Splits het in kleinere "
    "bestanden.",
    "empty": "Het bestand is leeg.",
    "encoding": "De tekens in dit bestand zijn niet te lezen. Sla het op als 'CSV UTF-8' of "
    "als gewone CSV (Windows); een JSON-bestand moet UTF-8 zijn.",
    "binary": "Dit is geen tekstbestand. Kies een CSV- of JSON-bestand.",
    "wrong_kind": "Dit is geen CSV- of JSON-bestand (maar bijvoorbeeld een PDF, een afbeelding "
    "of een oud Excel-bestand). Sla de lijst in Excel op als CSV.",
    "excel_workbook": "Dit is een Excel-werkmap. Sla de lijst in Excel op als 'CSV UTF-8' en "
    "kies dat bestand.",
    "zip_damaged": "Het ZIP-bestand is beschadigd.",
    "zip_contents": "Het ZIP-bestand moet precies één CSV- of JSON-bestand bevatten.",
    "zip_unsafe_name": "Het ZIP-bestand bevat een onveilige bestandsnaam (een pad naar "
    "buiten de map). Het is niet geopend.",
    "zip_encrypted": "Het ZIP-bestand is versleuteld. Pak het eerst uit.",
    "csv_unreadable": "Het bestand is rond regel {line} niet als CSV te lezen.",
    "json_syntax": "Het JSON-bestand klopt niet rond regel {line}, teken {column}.",
    "json_too_deep": "Het JSON-bestand is te diep genest (meer dan {max} niveaus).",
    "json_envelope": "Dit JSON-bestand heeft niet de vorm die Wijkteam verwacht: "
    '{{"formaat": "{format}", "versie": {version}, "zaken": [ … ]}}.',
}

_UNIT_WORD = {"line": "regel", "record": "zaak", "file": "bestand"}


def import_problem_place(problem: ImportProblem) -> str:
    """'Regel 4' (CSV) or 'Zaak 2' (JSON); '' for the file as a whole."""
    if problem.position <= 0:
        return ""
    return f"{_UNIT_WORD[problem.unit.value].capitalize()} {problem.position}"


def import_problem_text(problem: ImportProblem) -> str:
    """The sentence for one problem of an import file, without its place."""
    params = dict(problem.param_map)
    field = FIELD_LABELS.get(problem.field, "dit veld")
    template = _IMPORT_CODES.get(problem.code)
    if template is None:
        return field_error_text(problem.as_validation_error())
    params.setdefault("source", problem.source)
    return template.format(
        field=field,
        Field=field[:1].upper() + field[1:],
        unit=_UNIT_WORD[problem.unit.value],
        **params,
    )


def import_problem_line(problem: ImportProblem) -> str:
    """'Regel 4, kolom bsn: Dit is geen geldig BSN …' for lists and the command line."""
    place = import_problem_place(problem)
    if problem.source and problem.code not in {"column_missing", "column_unknown"}:
        where = "kolom" if problem.unit.value == "line" else "veld"
        place = f"{place}, {where} {problem.source}" if place else f"{where} {problem.source}"
    text = import_problem_text(problem)
    return f"{place}: {text}" if place else text


def import_error_text(error: WijkteamError) -> str:
    """A sentence for an error of the import as a whole."""
    if isinstance(error, ImportRefused):
        template = _IMPORT_REFUSED.get(error.code, "Dit bestand kan Wijkteam niet importeren.")
        return template.format(**error.params)
    if isinstance(error, ImportInvalid):
        count = error.params["errors"]
        return (
            f"Er {'is' if count == 1 else 'zijn'} {count} "
            f"{'fout' if count == 1 else 'fouten'} in het bestand. Er is niets "
            "geïmporteerd. Verbeter het bestand, of importeer alleen de goede meldingen."
        )
    if isinstance(error, ImportNeedsDecision):
        numbers = ", ".join(str(p) for p in error.params["positions"])
        return (
            "Sommige meldingen lijken te horen bij een inwoner die al bekend is (zelfde "
            f"achternaam en geboortedatum): {numbers}. Kies per melding of het dezelfde "
            "persoon is."
        )
    if isinstance(error, ImportDecisionInvalid):
        return "De gekozen inwoner past niet bij deze melding. Kies opnieuw."
    return error_text(error)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def import_preview_text(preview: ImportPreview) -> str:
    """'5 meldingen gelezen: 4 goed, 1 met fouten, 0 al eerder geïmporteerd.'"""
    from wijkteam.sync.imports.preview import RowState

    parts = [
        f"{preview.count(RowState.VALID)} goed",
        f"{preview.count(RowState.INVALID)} met fouten",
    ]
    already = preview.count(RowState.ALREADY_IMPORTED)
    if already:
        parts.append(f"{already} al eerder geïmporteerd")
    return f"{_count(len(preview.rows), 'melding', 'meldingen')} gelezen: {', '.join(parts)}."


def import_summary_text(summary: ImportSummary) -> str:
    """What an import did, in one or two sentences."""
    text = (
        f"{_count(summary.created, 'nieuwe melding', 'nieuwe meldingen')} geïmporteerd "
        f"({_count(summary.new_residents, 'nieuwe inwoner', 'nieuwe inwoners')}, "
        f"{summary.known_residents} bij een bekende inwoner)."
    )
    skipped = []
    if summary.already_imported:
        skipped.append(f"{summary.already_imported} al eerder geïmporteerd")
    if summary.skipped_invalid:
        skipped.append(f"{summary.skipped_invalid} met fouten")
    if skipped:
        text += f" Overgeslagen: {' en '.join(skipped)}."
    return text


def describe(item: WijkteamError | ImportProblem | ImportPreview | ImportSummary) -> str:
    """Dutch text for an error, an import problem, an import preview or its result (the
    headless commands print these)."""
    from wijkteam.sync.imports.preview import ImportPreview, ImportSummary

    if isinstance(item, WijkteamError):
        return import_error_text(item)
    if isinstance(item, ImportPreview):
        return import_preview_text(item)
    if isinstance(item, ImportSummary):
        return import_summary_text(item)
    return import_problem_line(item)


# The sync's fields and codes (ui/sync/texts.py).
FIELD_LABELS.update(SYNC_FIELD_LABELS)
_CODES.update(SYNC_CODES)
# --- sociale kaart ---------------------------------------------------------------------------
FIELD_LABELS.update(REFERRAL_FIELD_LABELS)
_CODES.update(REFERRAL_CODES)
FIELD_LABELS.update(DOCUMENT_FIELD_LABELS)
_CODES.update(DOCUMENT_CODES)


def open_items_question(error: OpenItemsRemain) -> str:
    steps, calls = error.params["steps"], error.params["follow_ups"]
    parts = []
    if steps:
        parts.append(f"{steps} afspra{'ak' if steps == 1 else 'ken'}")
    if calls:
        parts.append(f"{calls} keer nabellen")
    return (
        f"Bij deze melding staat nog open: {' en '.join(parts)}. Toch afsluiten? Wat nog open "
        "staat, gaat dan niet door."
    )
