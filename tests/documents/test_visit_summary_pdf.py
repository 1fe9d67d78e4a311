"""The resident's summary as a reader sees it: text extracted from the PDF."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.documents.pdftext import all_text, pages_text
from tests.documents.samples import THEME_WORDS, theme, visit_summary
from wijkteam.documents.texts import summary_texts
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import (
    THEME_KEYS,
    MemberContact,
    NextContact,
    ThemeText,
    choose_themes,
)
from wijkteam.domain.enums import Language

ALL_THEMES = tuple(theme(key) for key in THEME_KEYS)
TICKED = {"interests", "network"}

EXPECTED = {
    Language.DUTCH: ("Verslag van ons gesprek", "woensdag 18 november 2026", "pagina 1 van"),
    Language.GERMAN: (
        "Bericht über unser Gespräch",
        "Mittwoch, 18. November 2026",
        "Seite 1 von",
    ),
    Language.ENGLISH: ("Summary of our conversation", "Wednesday 18 November 2026", "page 1 of"),
}


@pytest.mark.parametrize("language", list(Language))
def test_only_the_ticked_themes_are_printed(language: Language) -> None:
    themes = choose_themes(ALL_THEMES, TICKED)
    text = all_text(build_visit_summary(visit_summary(language, themes)))
    names = summary_texts(language)
    for key in THEME_KEYS:
        printed = THEME_WORDS[key] in text
        assert printed == (key in TICKED), key
        assert (names.text(f"themes.{key}") in text) == (key in TICKED), key
    title, day, page = EXPECTED[language]
    assert title in text
    assert day in text
    assert page in text


def test_the_members_rewording_replaces_the_note_on_paper() -> None:
    themes = choose_themes(
        ALL_THEMES, {"network"}, edited={"network": "Ihre Tochter Ria hilft sonntags."}
    )
    text = all_text(build_visit_summary(visit_summary(Language.GERMAN, themes)))
    assert "Ihre Tochter Ria hilft sonntags." in text
    assert THEME_WORDS["network"] not in text


def test_steps_and_next_contact_in_german() -> None:
    text = all_text(build_visit_summary(visit_summary(Language.GERMAN)))
    assert "Was wir vereinbart haben" in text
    assert "Sie selbst" in text
    assert "Tessa Testlid (Wijkteam)" in text
    assert "Mittwoch, 25. November 2026" in text
    assert "noch offen" in text
    assert "Am Donnerstag, 3. Dezember 2026 um 10:00 Uhr." in text
    assert "Tessa Testlid ruft Sie an." in text
    assert "+31 6 12345678" in text  # dialled from Germany


def test_a_5000_word_note_runs_over_several_numbered_pages() -> None:
    words = " ".join(f"woord{i % 97}" for i in range(5000))
    note = f"{words}\n\nTweede alinea.\nMet een regel erin."
    pdf = build_visit_summary(visit_summary(themes=(ThemeText("situation", note),)))
    pages = pages_text(pdf)
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in text
    joined = " ".join(pages)
    assert joined.count("woord") == 5000  # nothing lost at the page breaks
    assert "Tweede alinea." in joined


def test_euro_sign_accents_and_markup_characters_come_out_as_typed() -> None:
    typed = "Koffie kost € 3,50 bij Café Zoë & Jürgen; Straße <b>niet vet</b> > 2."
    pdf = build_visit_summary(
        visit_summary(Language.GERMAN, (ThemeText("interests", typed),), decision="Ärger über Öfen")
    )
    text = all_text(pdf)
    assert typed in text
    assert "Ärger über Öfen" in text
    assert "Zoë Verzonnen" in text


def test_control_characters_do_not_break_the_pdf() -> None:
    pdf = build_visit_summary(visit_summary(themes=(ThemeText("other", "tab\there\x00\x07end"),)))
    assert "tab here" in all_text(pdf)


def test_the_font_is_embedded_and_the_metadata_holds_no_personal_data() -> None:
    pdf = build_visit_summary(visit_summary(Language.GERMAN, (theme("interests"),)))
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index,union-attr]
    }
    assert fonts and all(re.search(r"DejaVuSans", f) for f in fonts)
    info = reader.metadata
    assert info is not None
    assert info.title == "Gesprächsbericht"
    assert "Zoë" not in str(dict(info))
    assert "Verzonnen" not in str(dict(info))


def test_the_same_content_gives_the_same_bytes() -> None:
    content = visit_summary(themes=(theme("needs"),))
    assert build_visit_summary(content) == build_visit_summary(content)


def test_sections_without_content_are_left_out() -> None:
    pdf = build_visit_summary(
        visit_summary(
            themes=(), decision="", next_steps=(), next_contact=NextContact(), resident_name=None
        )
    )
    text = all_text(pdf)
    for heading in (
        "Waar we over",
        "Wat u hebt besloten",
        "Wat we hebben afgesproken",
        "Wanneer we",
    ):
        assert heading not in text
    assert "Vragen?" in text
    assert "Tessa Testlid" in text


@pytest.mark.parametrize(
    ("language", "printed"),
    [(Language.DUTCH, "06 12345678"), (Language.GERMAN, "+31 6 12345678")],
)
def test_the_members_number_is_dialled_from_where_the_reader_lives(
    language: Language, printed: str
) -> None:
    member = MemberContact("Tessa Testlid", phone="+31612345678")
    text = all_text(build_visit_summary(visit_summary(language, member=member)))
    assert printed in text and "+31612345678" not in text
