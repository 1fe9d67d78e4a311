"""The printed summary as laid out on paper: no page holds only the closing "Questions?"
box, whatever the length of what comes before it."""

from __future__ import annotations

import pytest

from tests.documents.pdftext import pages_text
from tests.documents.samples import visit_summary
from wijkteam.documents.texts import summary_texts
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import NextContact, ThemeText
from wijkteam.domain.enums import Language

SENTENCE = {
    Language.DUTCH: "We spraken over de buurt en over wat u graag doet. ",
    Language.GERMAN: "Wir haben über die Nachbarschaft gesprochen und was Sie gerne tun. ",
    Language.ENGLISH: "We talked about the neighbourhood and what you like to do. ",
}


def _content_before_box(page: str, language: Language) -> str:
    texts = summary_texts(language)
    box = texts.text("headings.contact")
    return page.split(box)[0] if box in page else page


SHAPES = {
    "full": {},
    "themes only": {"next_steps": (), "next_contact": NextContact(), "decision": ""},
    "no next contact": {"next_contact": NextContact()},
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("language", list(Language))
def test_the_closing_box_never_stands_alone_on_a_page(language: Language, shape: str) -> None:
    texts = summary_texts(language)
    box_title = texts.text("headings.contact")
    lonely = []
    for sentences in range(0, 90, 3):
        themes = (ThemeText("situation", SENTENCE[language] * sentences),)
        pdf = build_visit_summary(visit_summary(language, themes, **SHAPES[shape]))
        pages = pages_text(pdf)
        last = pages[-1]
        assert box_title in last  # the box closes the summary
        day = texts.long_date(visit_summary().visit_date)
        header = texts.text("document.later_pages", date=day)
        before = _content_before_box(last, language).replace(header, "").strip()
        if len(pages) > 1 and not before:
            lonely.append(sentences)
    assert not lonely, f"'{box_title}' alone on its page with {lonely} sentences"
