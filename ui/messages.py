"""Typed errors from the core, turned into Dutch sentences. The only place that does so."""

from __future__ import annotations

from ui.labels import STATUS
from wijkteam.errors import (
    KeyFileDamaged,
    NotAllowed,
    NotFound,
    SignInRefused,
    StoreInUse,
    StoreNotADatabase,
    StoreNotEncrypted,
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
    "team_name": "de naam van het team",
    "municipality": "de gemeente",
    "password": "het wachtwoord",
    "password_again": "het wachtwoord nog een keer",
    "current_password": "uw huidige wachtwoord",
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
    "password_too_short": "Kies minstens {min} tekens. Een lang wachtwoord is voor een dief "
    "veel moeilijker te raden dan een kort ingewikkeld wachtwoord; een zinnetje van een paar "
    "woorden is prima.",
    "password_too_simple": "Dit wachtwoord is te eenvoudig (bijna steeds hetzelfde teken, of "
    "spaties aan het begin of eind). Kies een zinnetje van een paar woorden.",
    "password_mismatch": "De twee wachtwoorden zijn niet gelijk.",
    "password_wrong": "Dit is niet uw huidige wachtwoord.",
    "last_coordinator": "Het team heeft minstens één coördinator nodig.",
    "cannot_remove_self": "U kunt uw eigen account niet uitzetten.",
    "out_of_range": "Kies een getal van {low} tot en met {high}.",
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
    StoreInUse: "Wijkteam is op deze laptop al geopend. Gebruik het venster dat al open is "
    "(kijk in de taakbalk); de gegevens kunnen niet twee keer tegelijk open staan.",
    StoreNotEncrypted: "Het gegevensbestand is niet versleuteld, maar er staat wel een "
    "sleutelbestand naast. Het is niet aangeraakt. Neem contact op met uw beheerder.",
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
    if error.code == "duplicate_suspected":
        return "Deze inwoner lijkt al bekend te zijn."
    return "Er ging iets mis. Uw invoer is bewaard; probeer het nog eens."
