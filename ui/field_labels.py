"""How a field is named in a Dutch sentence ("Controleer de postcode"): one table for every
screen (the error texts in ui/messages fill {field} from it)."""

from __future__ import annotations

from ui.labels import CLOSING_REASON, STATUS
from wijkteam.sync.zgw.config_rules import resultaattype_field, statustype_field

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
    "visit_member": "het teamlid",
    "contact_member": "het teamlid",
    "handover_member": "het teamlid",
    "handover_note": "de notitie",
    "reopen_reason": "de reden",
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
    "team_name": "de naam van het team",
    "municipality": "de gemeente",
    "password": "het wachtwoord",
    "password_again": "het wachtwoord nog een keer",
    "current_password": "uw huidige wachtwoord",
    # --- importing meldingen
    "source": "de bron",
    # --- the link with the municipality
    "rsin": "het RSIN",
    "catalog_url": "het adres van de catalogus",
    "zaken_url": "het adres van de Zaken-API",
    "documenten_url": "het adres van de Documenten-API",
    "zaaktype": "het zaaktype",
    "roltype_resident": "het roltype voor de inwoner",
    "roltype_member": "het roltype voor het teamlid",
    "informatieobjecttype": "het informatieobjecttype",
    "confidentiality": "de vertrouwelijkheid",
    "wmo_zaaktype": "het zaaktype voor een Wmo-melding",
    "client_id": "de client-id",
    "passphrase": "een wachtzin",
    "passphrase_repeat": "de wachtzin nog een keer",
    "target": "waar het bestand komt",
    "secret": "het geheim (client secret)",
    # --- referrals
    "referral_question": "de vraag aan de consulent",
    "law": "de wet",
    "law_other": "de naam van de wet of regeling",
    "specialist": "de specialist",
    "specialist_other": "de naam van de specialist",
    "urgency_reason": "waarom het spoed heeft",
    "consent_given_by": "wie toestemming gaf",
    "consent_given_on": "de datum",
    "consent_scope": "waarvoor de toestemming geldt",
    "planned_on": "de datum van het gesprek",
    "consultant_name": "de naam van de consulent",
    "returned_reason": "de reden",
    "outcome_note": "de toelichting",
    "handover_text": "de overdracht",
    # --- documents
    "next_contact_on": "de datum van het volgende contact",
    "next_contact_at": "de tijd van het volgende contact",
}

# The status and result types of the link, one field per status and closing reason.
_PER_STATUS = {statustype_field(s): f"het statustype voor '{label}'" for s, label in STATUS.items()}
_PER_RESULT = {
    resultaattype_field(r): f"het resultaattype voor '{text}'" for r, text in CLOSING_REASON.items()
}
FIELD_LABELS |= _PER_STATUS | _PER_RESULT
