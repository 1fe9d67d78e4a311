"""The consultant's handover: Dutch, complete, and only with the resident's consent."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from tests.documents.pdftext import all_text, pages_text
from tests.documents.samples import handover
from tests.factories import BSN_A
from wijkteam.documents.handover import build_handover_report
from wijkteam.domain.referral import Law, ReferralKind, Specialist
from wijkteam.errors import ValidationError


def test_the_handover_holds_what_the_consultant_needs() -> None:
    pages = pages_text(build_handover_report(handover()))
    text = " ".join(pages)
    for expected in (
        "Overdrachtsverslag",
        "Aanvraag keukentafelgesprek · Wmo 2015",
        "Zoë Verzonnen",
        "1 februari 1950",
        "Kerkstraat 12, 6291 AB Vaals",
        BSN_A,
        "043 123 4567",
        "Mevrouw vraagt hulp bij het douchen en het huishouden.",
        "Urgent",
        "Zij is vorige week gevallen.",
        "mondeling",
        "Dit verslag delen met de consulent.",
        "woensdag 18 november 2026",
        "Thuiszorg kost ± € 120 per maand.",
        "Tessa Testlid",
    ):
        assert expected in text, expected
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"WijVaals pagina {number} van {len(pages)}")


def test_unknown_details_say_so() -> None:
    content = handover(resident=replace(handover().resident, bsn=None, birth_date=None))
    text = all_text(build_handover_report(content))
    assert "BSN niet bekend" in text
    assert "Geboortedatum niet bekend" in text


@pytest.mark.parametrize("withdrawn", [False, True])
def test_no_handover_without_consent_in_force(withdrawn: bool) -> None:
    consent = replace(handover().consent, withdrawn_on=date(2026, 11, 19)) if withdrawn else None
    with pytest.raises(ValidationError) as raised:
        build_handover_report(handover(consent=consent))
    assert raised.value.field == "consent"


def test_an_escalation_and_a_named_other_law() -> None:
    escalation = handover(kind=ReferralKind.ESCALATION, specialist=Specialist.VEILIG_THUIS)
    assert "Opschaling naar Veilig Thuis" in all_text(build_handover_report(escalation))
    other = handover(law=Law.OTHER, law_other="Participatiewet")
    assert "Aanvraag keukentafelgesprek · Participatiewet" in all_text(build_handover_report(other))


def test_a_long_handover_and_a_long_consent_scope_break_across_pages() -> None:
    long_text = " ".join(f"regel{i % 50}" for i in range(5000))
    scope = "Delen met de consulent. " * 60
    content = handover(handover_text=long_text, consent=replace(handover().consent, scope=scope))
    pages = pages_text(build_handover_report(content))
    assert len(pages) >= 3
    assert all(f"pagina {n} van {len(pages)}" in p for n, p in enumerate(pages, start=1))
    assert len(re.findall(r"\bregel\d+", " ".join(pages))) == 5000
