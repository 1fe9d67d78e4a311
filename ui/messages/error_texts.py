"""Dutch sentences for the core's typed errors, each keyed by its type (and, where one type
carries several codes, by the code). Field errors are in field_texts.py, import files in
import_texts.py; ui/messages/registry.py refuses a key defined twice."""

from __future__ import annotations

from typing import Any

from ui.labels import STATUS
from ui.messages.registry import Entry, typed
from ui.referrals.texts import REFERRAL_STATUS
from wijkteam.domain.referral import ReferralStatus
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import (
    Cancelled,
    DuplicateSuspected,
    EntryReferenced,
    EventRefused,
    ImportNotConfirmed,
    KeyFileDamaged,
    MapFileRefused,
    NoPassphrase,
    NotAllowed,
    NotFound,
    OpenItemsRemain,
    PassphraseRefused,
    ReferralTransitionRefused,
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
    TeamChangesPending,
    TransitionRefused,
    Unexpected,
    WijkteamError,
)
from wijkteam.sync.export.errors import (
    ArchiveUnreadable,
    ClientRefused,
    ConnectionLost,
    ExportNotConfigured,
    ExportTargetUnwritable,
    NothingToExport,
    PushNotConfigured,
    ReceiptInvalid,
    ServerRefused,
    SettingsFileInvalid,
)
from wijkteam.sync.imports.problems import (
    ImportDecisionInvalid,
    ImportInvalid,
    ImportNeedsDecision,
    ImportNothingValid,
)
from wijkteam.sync.zgw.errors import DocumentChanged, ResourceInvalid

GENERIC = "Er ging iets mis. Uw invoer is bewaard; probeer het nog eens."

_RECEIPT = {
    "unreadable": "Het ontvangstbewijs kan niet worden gelezen.",
    "not_a_receipt": "Dit bestand is geen ontvangstbewijs van de gemeente voor Wijkteam.",
    "unknown_batch": "Dit ontvangstbewijs hoort bij een export die hier niet bekend is. "
    "Misschien komt het van een andere laptop.",
    "counts_differ": "Volgens het ontvangstbewijs kwam er iets anders aan dan er is verstuurd. "
    "De export blijft open; neem contact op met de gemeente.",
}
_SAVE_AS_CSV = "Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'."
_DELIMITER_NAMES = {",": "komma's", "tab": "tabs"}


def _transition(error: TransitionRefused) -> str:
    current = STATUS[ReportStatus(error.params["current"])]
    wanted = STATUS[ReportStatus(error.params["wanted"])]
    return f"Dat kan niet: een melding met status '{current}' kan niet naar '{wanted}'."


# Why the status rule refused an event (EventRefused.reason).
_EVENT_REFUSED = {
    "report_closed": "Deze melding is afgesloten. Heropen hem eerst (Melding heropenen…).",
    "not_closed": "Deze melding is niet afgesloten.",
    "no_conversation": "Dit volgt op een gesprek met de inwoner. Leg eerst het huisbezoek of "
    "een ander gesprek vast bij deze melding.",
    "already_recorded": "Dit staat al bij de melding.",
    "already_received": "Deze melding is al ontvangen.",
    "nothing_to_undo": "Er is hier niets terug te draaien.",
    "step_not_open": "Deze afspraak is al afgerond.",
}


def _event_refused(error: EventRefused) -> str:
    return _EVENT_REFUSED.get(str(error.params.get("reason")), "Dat kan nu niet bij deze melding.")


def _referral_transition(error: ReferralTransitionRefused) -> str:
    current = REFERRAL_STATUS[ReferralStatus(error.params["current"])]
    wanted = REFERRAL_STATUS[ReferralStatus(error.params["wanted"])]
    return f"Dat kan niet: een doorverwijzing met status '{current}' kan niet naar '{wanted}'."


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


def _receipt(error: ReceiptInvalid) -> str:
    return _RECEIPT.get(str(error.params.get("reason")), _RECEIPT["not_a_receipt"])


_SETTINGS_FILE = {
    "unreadable": "Het instellingenbestand kan niet worden gelezen. Controleer de naam en of "
    "het een tekstbestand (UTF-8) is.",
    "not_json": "Het instellingenbestand is geen geldige JSON (zie regel {line}).",
    "not_settings": "Dit bestand bevat geen instellingen van de koppeling voor Wijkteam: "
    '"format" moet "wijkteam-zgw-settings" zijn en "format_version" 1. Maak een voorbeeld '
    "met wijkteam zgw-settings --show.",
    "unknown_key": "Het instellingenbestand heeft een onbekende sleutel: '{key}'. Controleer "
    "de spelling; wijkteam zgw-settings --show toont alle sleutels.",
    "wrong_type": "In het instellingenbestand heeft '{key}' de verkeerde soort waarde: een "
    "adres staat tussen aanhalingstekens, share_conversation is true of false, statustypen "
    "en resultaattypen zijn lijsten van naam en adres.",
    "secret_in_file": "Het geheim (client secret) hoort niet in het instellingenbestand "
    "('{key}'): Wijkteam bewaart het nooit. Haal het uit het bestand; het wordt gevraagd "
    "bij het synchroniseren.",
}


def _settings_file(error: SettingsFileInvalid) -> str:
    text = _SETTINGS_FILE.get(str(error.params.get("reason")), _SETTINGS_FILE["not_settings"])
    return text.format(key=error.params.get("key", ""), line=error.params.get("line", 0))


def _columns(error: MapFileRefused) -> str:
    columns = ", ".join(f"'{c}'" for c in error.params["columns"])
    if error.code == "missing_columns":
        return (
            f"In de eerste regel ontbreken deze kolommen: {columns}. De eerste regel moet de "
            "namen van de kolommen bevatten."
        )
    return f"Deze kolommen staan twee keer in de eerste regel: {columns}."


def _delimiter(error: MapFileRefused) -> str:
    found = error.params["found"]
    name = _DELIMITER_NAMES.get(found, f"'{found}'")
    return (
        f"De kolommen in dit bestand worden gescheiden door {name} in plaats van een "
        f"puntkomma. {_SAVE_AS_CSV}"
    )


def _import_invalid(error: Any) -> str:
    count = error.params["errors"]
    return (
        f"Er {'is' if count == 1 else 'zijn'} {count} {'fout' if count == 1 else 'fouten'} in "
        "het bestand. Er is niets geïmporteerd. Verbeter het bestand, of importeer alleen de "
        "goede meldingen."
    )


def _needs_decision(error: Any) -> str:
    numbers = ", ".join(str(p) for p in error.params["positions"])
    return (
        "Sommige meldingen lijken te horen bij een inwoner die al bekend is (zelfde "
        f"achternaam en geboortedatum): {numbers}. Kies per melding of het dezelfde persoon is."
    )


ERROR_TEXTS: tuple[Entry, ...] = (
    typed(WijkteamError, GENERIC),
    typed(
        Unexpected,
        "Er ging onverwacht iets mis (referentie {reference}). Wat u invoerde is bewaard. "
        "Probeer het nog eens; gebeurt het weer, geef dan de referentie door aan uw beheerder.",
    ),
    typed(Cancelled, "Gestopt. Er is niets half opgeslagen."),
    # --- opening the store, signing in
    typed(
        StoreUnreadable,
        "Wijkteam kan het gegevensbestand niet lezen. Controleer of het bestand bestaat en of u "
        "er rechten op hebt.",
    ),
    typed(
        StoreNotADatabase,
        "Het gegevensbestand is geen Wijkteam-bestand of is beschadigd. Het is niet aangeraakt. "
        "Neem contact op met uw beheerder.",
    ),
    typed(
        StoreTooNew,
        "Deze gegevens zijn gemaakt met een nieuwere versie van Wijkteam. Installeer de nieuwste "
        "versie; de gegevens zijn niet aangeraakt.",
    ),
    typed(
        StoreReadOnly,
        "Wijkteam kan niet schrijven in de map met gegevens (alleen-lezen of niet aan te maken). "
        "Kies een andere map of vraag uw beheerder om schrijfrechten.",
    ),
    typed(
        StoreBackupFailed,
        "Deze versie van Wijkteam moet de gegevens bijwerken, maar kon eerst geen reservekopie "
        "maken (is de schijf vol?). Er is niets veranderd. Maak ruimte vrij en start Wijkteam "
        "opnieuw.",
    ),
    typed(
        StoreUpgradeFailed,
        "Het bijwerken van de gegevens naar deze versie van Wijkteam is mislukt. Er is niets "
        "veranderd; de gegevens zijn zoals ze waren. Neem contact op met uw beheerder.",
    ),
    typed(
        StoreInUse,
        "Wijkteam is op deze laptop al geopend. Gebruik het venster dat al open is (kijk in de "
        "taakbalk); de gegevens kunnen niet twee keer tegelijk open staan.",
    ),
    typed(
        StoreNotEncrypted,
        "Het gegevensbestand is niet versleuteld, maar er staat wel een sleutelbestand naast. "
        "Het is niet aangeraakt. Neem contact op met uw beheerder.",
    ),
    typed(
        NoPassphrase,
        "Geef het wachtwoord (of de herstelcode) in de omgevingsvariabele WIJKTEAM_PASSPHRASE.",
    ),
    typed(PassphraseRefused, "Dit wachtwoord of deze herstelcode past niet bij deze gegevens."),
    typed(
        StoreNotSetUp,
        "Hier is nog geen team aangemaakt (of de gegevens zijn nog niet versleuteld). Start "
        "eerst Wijkteam zelf om het team aan te maken.",
    ),
    typed(
        KeyFileDamaged,
        "Het sleutelbestand (keys.json) naast de gegevens is beschadigd. Zonder dat bestand zijn "
        "de gegevens niet te lezen. Zet het terug uit een back-up of neem contact op met uw "
        "beheerder.",
    ),
    typed(
        SignInRefused,
        "Deze initialen en dit wachtwoord horen niet bij elkaar. Probeer het nog eens.",
    ),
    typed(NotAllowed, "Dit kan alleen een coördinator doen."),
    typed(NotFound, "Dit gegeven bestaat niet meer. Misschien is het intussen verwijderd."),
    # --- meldingen
    typed(TransitionRefused, _transition),
    typed(EventRefused, _event_refused),
    typed(ReferralTransitionRefused, _referral_transition),
    typed(DuplicateSuspected, "Deze inwoner lijkt al bekend te zijn."),
    typed(OpenItemsRemain, open_items_question),
    typed(
        TeamChangesPending,
        "Deze laptop heeft nog wijzigingen die de teamserver nog niet heeft. Synchroniseer "
        "eerst (F9) en verwijder daarna: anders zouden die wijzigingen verloren gaan.",
    ),
    # --- the export, the push and receipts
    typed(
        ExportNotConfigured,
        "De koppeling met de gemeente is nog niet ingesteld. Kies Synchronisatie › Instellingen "
        "koppeling.",
    ),
    typed(
        ExportTargetUnwritable,
        "Het bestand kan daar niet worden geschreven. Kies een andere map of controleer of de "
        "USB-stick er nog in zit.",
    ),
    typed(NothingToExport, "Er is niets nieuws om te versturen."),
    typed(
        ResourceInvalid,
        "Een gegeven voldoet niet aan de ZGW-standaard ({kind}, veld {field}). Er is niets "
        "verstuurd. Geef dit door aan uw beheerder.",
    ),
    typed(
        DocumentChanged,
        "Een document is veranderd sinds het werd gemaakt en wordt daarom niet verstuurd. Geef "
        "dit door aan uw beheerder.",
    ),
    typed(
        ArchiveUnreadable, "Het bestand kan niet worden geopend: verkeerde wachtzin of beschadigd."
    ),
    typed(PushNotConfigured, "Vul de client-id in bij de instellingen en het geheim hier."),
    typed(
        ConnectionLost,
        "De verbinding met de gemeente viel weg. Wat al aankwam is bewaard; probeer het straks "
        "opnieuw, er wordt niets dubbel verstuurd.",
    ),
    typed(
        ServerRefused,
        "Het zaaksysteem van de gemeente gaf een fout (foutcode {status}) voordat er iets "
        "verstuurd was. Probeer het straks opnieuw; blijft het, geef het dan door aan de "
        "beheerder van het zaaksysteem.",
    ),
    typed(
        ClientRefused,
        "Het zaaksysteem van de gemeente laat Wijkteam niet binnen. Controleer de client-id (bij "
        "de instellingen) en het geheim, en vraag de beheerder van het zaaksysteem of deze "
        "client zaken mag lezen en aanmaken. Er is niets verstuurd.",
    ),
    typed(ReceiptInvalid, _receipt),
    typed(SettingsFileInvalid, _settings_file),
    # --- the sociale kaart
    typed(
        EntryReferenced,
        "Dit item hoort bij een afspraak en kan daarom niet worden verwijderd. U kunt het wel "
        "deactiveren.",
    ),
    typed(
        ImportNotConfirmed,
        "In het bestand staan {bad_rows} regels met fouten. Kies of u alleen de goede regels "
        "wilt importeren.",
    ),
    typed(MapFileRefused, "Dit bestand kan niet worden gelezen."),
    typed(
        MapFileRefused,
        "Dit bestand is groter dan {max_mb} MB. Een sociale kaart past in een veel kleiner "
        "bestand: is dit het goede bestand?",
        "too_large",
    ),
    typed(
        MapFileRefused,
        "Dit bestand heeft meer dan {max} regels. Is dit het goede bestand?",
        "too_many_rows",
    ),
    typed(MapFileRefused, "Het bestand is leeg.", "empty"),
    typed(
        MapFileRefused,
        "Dit is geen tekstbestand. Sla het in Excel op als 'CSV (gescheiden door "
        "lijstscheidingsteken)'.",
        "binary",
    ),
    typed(
        MapFileRefused,
        "Dit is geen CSV-bestand (maar bijvoorbeeld een PDF, een afbeelding of een "
        "Excel-werkmap). Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'.",
        "wrong_kind",
    ),
    typed(
        MapFileRefused,
        "De tekens in dit bestand zijn niet te lezen. Sla het in Excel op als 'CSV UTF-8'.",
        "encoding",
    ),
    typed(
        MapFileRefused,
        "Regel {line} is niet te lezen: misschien wordt een aanhalingsteken niet gesloten, of is "
        "een cel veel te lang.",
        "malformed",
    ),
    typed(
        MapFileRefused,
        "Het bestand kan niet worden geopend. Bestaat het nog, en hebt u er rechten op?",
        "unreadable",
    ),
    typed(
        MapFileRefused,
        "Het bestand kan hier niet worden opgeslagen. Kies een andere map.",
        "unwritable",
    ),
    typed(MapFileRefused, _delimiter, "wrong_delimiter"),
    typed(MapFileRefused, _columns, "missing_columns"),
    typed(MapFileRefused, _columns, "duplicate_columns"),
    # --- importing meldingen (the file's own problems: import_texts.py)
    typed(ImportInvalid, _import_invalid),
    typed(ImportNeedsDecision, _needs_decision),
    typed(
        ImportNothingValid,
        "Geen enkele melding in het bestand is goed ({errors} met fouten). Er is niets "
        "geïmporteerd. Verbeter het bestand en importeer het opnieuw.",
    ),
    typed(ImportDecisionInvalid, "De gekozen inwoner past niet bij deze melding. Kies opnieuw."),
)
