"""Dutch sentences for one field that failed one rule: ValidationError(field, code). The
field's name comes from ui/field_labels.py ({field}); each code is defined once in the
registry (ui/messages/registry.py refuses a second definition)."""

from __future__ import annotations

from ui.messages.registry import Entry, field

FIELD_TEXTS: tuple[Entry, ...] = (
    # --- residents, meldingen, visits, contacts, steps, members
    field("required", "Vul {field} in."),
    field("too_long", "Dit is te lang: hoogstens {max} tekens."),
    field("digits_only", "Een BSN bestaat alleen uit cijfers."),
    field("length", "Een BSN heeft {expected} cijfers; dit zijn er {got}."),
    field(
        "elfproef",
        "Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer of u geen cijfer "
        "verkeerd hebt overgenomen.",
    ),
    field(
        "bsn_in_use",
        "Dit BSN hoort al bij een andere inwoner. Zoek de inwoner op in plaats van een nieuwe "
        "aan te maken.",
    ),
    field("confirmed_without_bsn", "Vul eerst het BSN in voordat u het als bevestigd aanmerkt."),
    field("format", "Een postcode is vier cijfers en twee letters, bijvoorbeeld 6291 AB."),
    field("letters_not_used", "Postcodes met de letters {letters} bestaan niet in Nederland."),
    field(
        "phone_format",
        "Dit is geen geldig telefoonnummer. Voorbeelden: 043 306 1234, 06 12345678 of +49 241 "
        "123456.",
    ),
    field("phone_country", "Alleen Nederlandse, Duitse en Belgische nummers worden geaccepteerd."),
    field("email_format", "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl."),
    field("date_format", "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026."),
    field("time_format", "Schrijf de tijd als uren:minuten, bijvoorbeeld 14:30."),
    field("in_future", "Deze datum ligt in de toekomst."),
    field("in_past", "Deze datum ligt in het verleden."),
    field("too_old_received", "Deze datum ligt meer dan een jaar terug. Klopt hij?"),
    field("implausible_age", "Deze geboortedatum geeft een leeftijd van meer dan {years} jaar."),
    field(
        "identify_without_bsn",
        "Zonder BSN is een geboortedatum of een adres (postcode en huisnummer) nodig om de "
        "inwoner te herkennen.",
    ),
    field(
        "house_number_format",
        "Een huisnummer begint met een cijfer; zet letters bij de toevoeging.",
    ),
    field("case_reference_in_use", "Dit zaaknummer is al gebruikt voor een andere melding."),
    field("no_such_member", "Er is geen teamlid met deze initialen."),
    field("initials_taken", "Deze initialen zijn al in gebruik bij een ander teamlid."),
    field(
        "unknown_map_entry", "Deze plek op de sociale kaart bestaat niet (meer). Kies een andere."
    ),
    field("out_of_range", "Kies een getal van {low} tot en met {high}."),
    field("already_recorded", "Dit nabelmoment is al vastgelegd."),
    field("report_closed", "Deze melding is al afgesloten."),
    field("duration_format", "Schrijf de duur in minuten (45) of in uren en minuten (1:30)."),
    field("duration_range", "De duur ligt tussen 1 minuut en {max} minuten (een dag)."),
    field("choose_medium", "Kies of het bericht via WhatsApp, sms of e-mail ging."),
    field("age_format", "Schrijf een leeftijd in hele jaren, bijvoorbeeld 18."),
    field("age_range", "Een leeftijd ligt tussen 0 en {max} jaar."),
    field("age_order", "De leeftijd 'tot' is lager dan de leeftijd 'van'."),
    field("website_format", "Dit is geen geldig webadres, bijvoorbeeld www.voorbeeld.nl."),
    field(
        "map_entry_exists",
        "Er staat al een item met deze naam in deze plaats op de sociale kaart. Zoek het op, of "
        "geef dit item een andere naam.",
    ),
    field(
        "unknown_kind",
        "'{value}' is geen soort. Kies uit: persoon, vrijwilliger, initiatief, activiteit of "
        "organisatie.",
    ),
    field("unknown_category", "'{value}' is geen categorie van de sociale kaart."),
    field(
        "unknown_access",
        "'{value}' is geen toegang. Kies uit: vrij toegankelijk, via verwijzing, met voorwaarde "
        "of met indicatie.",
    ),
    field("yes_no", "Schrijf 'ja' of 'nee' (niet '{value}')."),
    field("id_format", "De id is geen geldige code. Laat de cel leeg voor een nieuw item."),
    field(
        "duplicate_row",
        "Dit item staat al op regel {first_line} (dezelfde id, of dezelfde naam en plaats).",
    ),
    field(
        "extra_cells",
        "Deze regel heeft meer cellen dan er kolommen zijn. Staat er een puntkomma te veel in?",
    ),
    field("unknown_member", "Kies een teamlid."),
    field(
        "password_too_short",
        "Kies minstens {min} tekens. Een lang wachtwoord is voor een dief veel moeilijker te "
        "raden dan een kort ingewikkeld wachtwoord; een zinnetje van een paar woorden is prima.",
    ),
    field(
        "password_too_simple",
        "Dit wachtwoord is te eenvoudig (bijna steeds hetzelfde teken, of spaties aan het begin "
        "of eind). Kies een zinnetje van een paar woorden.",
    ),
    field("password_mismatch", "De twee wachtwoorden zijn niet gelijk."),
    field("password_wrong", "Dit is niet uw huidige wachtwoord."),
    field("last_coordinator", "Het team heeft minstens één coördinator nodig."),
    field("cannot_remove_self", "U kunt uw eigen account niet uitzetten."),
    field("account_inactive", "Dit account staat uit. Zet het eerst weer aan."),
    # --- meldingen: who works on them, visits
    field("choose_member", "Kies het teamlid: een huisbezoek of contact is altijd van iemand."),
    field("member_inactive", "Dit teamlid werkt niet meer in het team. Kies een ander teamlid."),
    field("already_assigned", "De melding is al van dit teamlid. Kies een ander teamlid."),
    field(
        "no_planned_visit",
        "Er is geen huisbezoek gepland. Plan het eerst, of leg het gesprek vast bij Gesprekken.",
    ),
    field(
        "visit_not_yet",
        "Dit huisbezoek is pas later gepland; het telt als gehouden vanaf de geplande dag. Was "
        "het eerder? Leg het gesprek dan vast bij Gesprekken.",
    ),
    # --- the link with the municipality (sync settings, export)
    field("rsin_digits", "Een RSIN bestaat alleen uit cijfers."),
    field("rsin_length", "Een RSIN heeft 9 cijfers; dit zijn er {got}."),
    field(
        "rsin_elfproef",
        "Dit is geen geldig RSIN: het voldoet niet aan de elfproef. Neem het nummer over uit de "
        "gegevens van de gemeente.",
    ),
    field(
        "url_format",
        "Dit is geen geldig internetadres. Het begint met https:// en heeft geen spaties, "
        "bijvoorbeeld https://zaken.gemeente.nl/zaken/api/v1.",
    ),
    field("url_https", "Gebruik een beveiligd adres dat met https:// begint."),
    field(
        "url_not_in_catalog",
        "Dit adres hoort niet bij de catalogus van de koppeling. Kopieer het uit de catalogus "
        "van de gemeente.",
    ),
    field("confidentiality_unknown", "Kies een vertrouwelijkheid uit de lijst."),
    field(
        "passphrase_too_short",
        "Kies een wachtzin van minstens {min} tekens, bijvoorbeeld een paar woorden achter elkaar.",
    ),
    field("passphrase_mismatch", "De twee wachtzinnen zijn niet gelijk."),
    # --- referrals
    field("choose_law", "Kies onder welke wet de vraag valt."),
    field("choose_specialist", "Kies naar welke specialist u opschaalt."),
    field(
        "consent_missing",
        "Versturen kan pas als de inwoner toestemming heeft gegeven. Leg eerst vast wie "
        "toestemming gaf, wanneer, hoe en waarvoor.",
    ),
    field(
        "consent_withdrawn",
        "De inwoner heeft de toestemming ingetrokken. Zonder toestemming gaat er niets naar de "
        "consulent. Leg nieuwe toestemming vast als de inwoner die opnieuw geeft.",
    ),
    field(
        "consent_in_force",
        "Er is al toestemming vastgelegd. Is er iets veranderd? Leg dan eerst vast dat de "
        "toestemming is ingetrokken.",
    ),
    field(
        "referral_not_editable",
        "Deze doorverwijzing is al verstuurd en kan niet meer worden gewijzigd.",
    ),
    field(
        "referral_report_closed",
        "Deze melding is afgesloten. Een doorverwijzing hoort bij een open melding.",
    ),
    # --- documents
    field("report_of_other_resident", "Dit verslag hoort bij een melding van een andere inwoner."),
    field(
        "no_visit_held",
        "Er is voor deze melding nog geen huisbezoek gehouden of vastgelegd. Leg eerst het "
        "gesprek vast op het tabblad Gesprekken, of zet het huisbezoek op ‘gehouden’.",
    ),
    field(
        "no_member_for_visit",
        "Bij dit gesprek staat geen teamlid. Wijs de melding eerst toe aan een teamlid: dat is "
        "de contactpersoon op het verslag.",
    ),
    field("not_a_visit_of_report", "Dit gesprek hoort niet bij deze melding."),
    field("not_a_pdf", "Het verslag kon niet worden bewaard: het is geen PDF."),
    field("time_without_date", "Vul ook de datum in, of maak de tijd leeg."),
)
