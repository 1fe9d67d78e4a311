"""The template texts live in resource files, one per language, all with the same keys."""

from __future__ import annotations

import json
import string
from datetime import date, time

import pytest

from wijkteam.documents.texts import handover_texts, key_paths, summary_file, summary_texts
from wijkteam.domain.documents import THEME_KEYS, Actor
from wijkteam.domain.enums import Channel, Language
from wijkteam.domain.referral import ConsentForm, Law, Specialist, Urgency
from wijkteam.resources import resource


def _load(language: Language) -> dict:  # type: ignore[type-arg]
    return json.loads(summary_file(language).read_text(encoding="utf-8"))


def _leaves(data: dict, prefix: str = "") -> dict[str, object]:  # type: ignore[type-arg]
    out: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_all_languages_have_the_same_keys() -> None:
    keys = {language: set(key_paths(_load(language))) for language in Language}
    assert keys[Language.GERMAN] == keys[Language.DUTCH]
    assert keys[Language.ENGLISH] == keys[Language.DUTCH]


def test_the_same_placeholders_and_list_lengths_in_every_language() -> None:
    dutch = _leaves(_load(Language.DUTCH))
    for language in (Language.GERMAN, Language.ENGLISH):
        other = _leaves(_load(language))
        for key, value in dutch.items():
            if isinstance(value, str):
                assert _placeholders(other[key]) == _placeholders(value), (language, key)  # type: ignore[arg-type]
            else:
                assert len(other[key]) == len(value), (language, key)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", list(Language))
def test_every_code_has_words(language: Language) -> None:
    texts = summary_texts(language)
    for key in THEME_KEYS:
        assert texts.text(f"themes.{key}")
    for actor in Actor:
        assert texts.text(f"actors.{actor.value}")
        assert texts.text(f"actors_named.{actor.value}", name="X")
    for channel in Channel:
        assert texts.text(f"next_contact.channels.{channel.value}", name="X")


@pytest.mark.parametrize(
    ("language", "expected", "clock"),
    [
        (Language.DUTCH, "woensdag 18 november 2026", "09:05 uur"),
        (Language.GERMAN, "Mittwoch, 18. November 2026", "09:05 Uhr"),
        (Language.ENGLISH, "Wednesday 18 November 2026", "09:05"),
    ],
)
def test_dates_in_the_words_of_each_language(language: Language, expected: str, clock: str) -> None:
    texts = summary_texts(language)
    assert texts.long_date(date(2026, 11, 18)) == expected
    assert texts.clock_time(time(9, 5)) == clock


def test_the_handover_has_words_for_every_code() -> None:
    texts = handover_texts()
    for law in Law:
        assert texts.text(f"laws.{law.value}")
    for urgency in Urgency:
        assert texts.text(f"urgency.{urgency.value}")
    for form in ConsentForm:
        assert texts.text(f"consent_forms.{form.value}")
    for specialist in Specialist:
        assert texts.text(f"specialists.{specialist.value}")
    assert texts.long_date(date(2026, 3, 2)) == "maandag 2 maart 2026"


def test_no_template_text_in_the_builders() -> None:
    """The builders take every printed word from the resource files."""
    root = resource("..", "wijkteam", "documents")
    for name in ("visit_summary.py", "handover.py"):
        source = (root / name).read_text(encoding="utf-8")
        for word in ("Verslag", "gesprek", "Toestemming", "pagina", "Wanneer", "Gespräch"):
            assert word not in source, (name, word)
