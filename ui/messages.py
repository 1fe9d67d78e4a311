"""Typed errors from the core, turned into Dutch sentences. The only place that does so."""

from __future__ import annotations

from collections.abc import Iterable

from ui.labels import STATUS
from wijkteam.errors import (
    NotFound,
    StoreNotADatabase,
    StoreReadOnly,
    StoreTooNew,
    StoreUnreadable,
    TransitionRefused,
    ValidationError,
    ValidationFailed,
    WijkteamError,
)

FIELD_LABELS = {
    "surname": "de achternaam",
    "first_names": "de voornamen",
    "prefix": "het voorvoegsel",
    "birth_date": "de geboortedatum",
    "bsn": "het BSN",
    "street": "de straat",
    "house_number": "het huisnummer",
    "house_number_suffix": "de toevoeging",
    "postcode": "de postcode",
    "place": "de woonplaats",
    "district": "de wijk of kern",
    "phone": "het telefoonnummer",
    "email": "het e-mailadres",
    "network_notes": "de notities over het netwerk",
    "question": "de vraag",
    "received_on": "de datum van ontvangst",
    "reporter_name": "de naam van de melder",
    "reporter_relation": "de relatie van de melder",
    "reporter_contact": "het contact van de melder",
    "case_reference": "het zaaknummer",
    "visit_date": "de datum",
    "visit_time": "de tijd",
    "replan_reason": "de reden",
    "closing_note": "de toelichting",
    "member_name": "de naam",
    "member_initials": "de initialen",
    "step_what": "wat er afgesproken is",
    "step_actor_name": "de naam",
    "step_due": "de datum",
    "follow_up_due": "de datum",
    "retry_on": "de datum",
    "follow_up_outcome": "hoe het ging",
    "new_question": "de nieuwe vraag",
    "follow_up_days": "het aantal dagen",
    "step_map_entry": "de plek op de sociale kaart",
    "contact_date": "de datum",
    "contact_time": "de tijd",
    "duration": "de duur",
    "medium": "hoe het bericht ging",
    "contact_notes": "de vrije notities",
    "name": "de naam",
    "sought": "wat er gezocht werd",
    "kind": "de soort",
    "contact_name": "de contactpersoon",
    "backup_phone": "het telefoonnummer van de back-up",
}

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
    if isinstance(error, TransitionRefused):
        from wijkteam.domain.status import ReportStatus

        current = STATUS[ReportStatus(error.params["current"])]
        wanted = STATUS[ReportStatus(error.params["wanted"])]
        return f"Dat kan niet: een melding met status '{current}' kan niet naar '{wanted}'."
    if isinstance(error, NotFound):
        return "Dit gegeven bestaat niet meer. Misschien is het intussen verwijderd."
    errors = field_errors(error)
    if errors:
        return "\n".join(field_error_text(e) for e in errors)
    if error.code == "duplicate_suspected":
        return "Deze inwoner lijkt al bekend te zijn."
    social_map = social_map_error_text(error)
    if social_map is not None:
        return social_map
    return "Er ging iets mis. Uw invoer is bewaard; probeer het nog eens."


# --- sociale kaart ---------------------------------------------------------------------------
_SAVE_AS_CSV = "Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'."
_MAP_FILE = {
    "too_large": "Dit bestand is groter dan {max_mb} MB. Een sociale kaart past in een veel "
    "kleiner bestand: is dit het goede bestand?",
    "too_many_rows": "Dit bestand heeft meer dan {max} regels. Is dit het goede bestand?",
    "empty": "Het bestand is leeg.",
    "not_text": "Dit is geen CSV-bestand. " + _SAVE_AS_CSV,
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


def map_import_problem_lines(line: int, errors: Iterable[ValidationError]) -> list[str]:
    """'Regel 5, kolom 'telefoon': Dit is geen geldig telefoonnummer. …' for each reason."""
    from wijkteam.services.social_map.csv_columns import HEADER_OF_FIELD

    texts = []
    for error in errors:
        column = HEADER_OF_FIELD.get(error.field)
        where = f"Regel {line}, kolom '{column}'" if column else f"Regel {line}"
        texts.append(f"{where}: {field_error_text(error)}")
    return texts
