"""Telling Dutch, German and English paragraphs apart (the summary's language warning)."""

from __future__ import annotations

import pytest

from wijkteam.documents.language_check import (
    DISTINCTIVE,
    guess_language,
    in_another_language,
)
from wijkteam.domain.enums import Language

DUTCH = (
    "Woont sinds 1979 in dit huis. Weduwe sinds twee jaar; een dochter in Aken, een zoon "
    "in Heerlen. Werkte dertig jaar in een naaiatelier in Vaals en vertelt daar graag over."
)
GERMAN = (
    "Wohnt seit 1979 in diesem Haus. Seit zwei Jahren Witwe; eine Tochter in Aachen, ein "
    "Sohn in Heerlen. Hat dreißig Jahre in einer Näherei in Vaals gearbeitet und erzählt "
    "gern davon."
)
ENGLISH = (
    "Has lived in this house since 1979. Widowed for two years; a daughter in Aachen and a "
    "son in Heerlen. Worked for thirty years at a sewing workshop in Vaals and likes to "
    "talk about it."
)
MORE = {
    Language.DUTCH: [
        "Sinds de heupoperatie in het voorjaar komt ze weinig buiten. Fietsen gaat niet "
        "meer, de bus vindt ze lastig met de rollator.",
        "Wil weer onder de mensen komen en niet alleen op de kinderen leunen.",
        "Ze is handig, nieuwsgierig en gezellig.",
    ],
    Language.GERMAN: [
        "Seit der Hüftoperation im Frühjahr kommt sie wenig nach draußen. Radfahren geht "
        "nicht mehr, den Bus findet sie mit dem Rollator schwierig.",
        "Sie möchte wieder unter Menschen kommen und sich nicht nur auf die Kinder stützen.",
        "Sie ist geschickt, neugierig und gesellig.",
    ],
    Language.ENGLISH: [
        "Since the hip operation in the spring she rarely goes out. Cycling is no longer "
        "possible, and she finds the bus hard with the walker.",
        "She wants to be among people again and not only lean on the children.",
    ],
}


@pytest.mark.parametrize(
    ("text", "language"),
    [(DUTCH, Language.DUTCH), (GERMAN, Language.GERMAN), (ENGLISH, Language.ENGLISH)]
    + [(text, language) for language, texts in MORE.items() for text in texts],
)
def test_a_paragraph_is_told_by_its_small_words(text: str, language: Language) -> None:
    assert guess_language(text) is language


@pytest.mark.parametrize(
    "text", ["", "Ja.", "Vaals, Lemiers, Vijlen", "Piotr van den Çelik", "06 12345678", "ok"]
)
def test_too_little_to_tell_gives_no_guess(text: str) -> None:
    assert guess_language(text) is None


def test_names_do_not_tip_a_german_text_into_dutch() -> None:
    text = "Frau van den Berg möchte mit ihrer Tochter zum Chor in Lemiers gehen."
    assert guess_language(text) is Language.GERMAN


def test_no_word_counts_for_two_languages() -> None:
    dutch, german, english = (DISTINCTIVE[lang] for lang in Language)
    assert not (dutch & german) and not (dutch & english) and not (german & english)
    for shared in ("in", "was", "die", "is", "will", "week", "er", "hier", "of", "an"):
        assert not any(shared in words for words in DISTINCTIVE.values()), shared


def test_a_dutch_paragraph_under_a_german_summary_is_flagged_the_german_one_is_not() -> None:
    texts = [("Wie is de persoon", DUTCH), ("Wat speelt er", MORE[Language.GERMAN][0])]
    assert in_another_language(texts, Language.GERMAN) == [("Wie is de persoon", Language.DUTCH)]
    assert in_another_language([("Wie is de persoon", GERMAN)], Language.GERMAN) == []
    assert in_another_language([("Wie is de persoon", DUTCH)], Language.DUTCH) == []
