"""The words of the printed documents, read from resources/documents/ (one file per language
for the resident's summary, handover.json for the consultant's). Nothing printed is in code."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

from wijkteam.domain.enums import Language
from wijkteam.resources import resource

DOCUMENTS_DIR = ("documents",)


class DocumentTexts:
    """The texts of one template. Keys are dotted paths into the file, e.g. "headings.steps"."""

    def __init__(self, data: Mapping[str, Any], dates: Mapping[str, Any]) -> None:
        self._data = data
        self._dates = dates

    def text(self, key: str, **params: object) -> str:
        value: Any = self._data
        for part in key.split("."):
            value = value[part]
        if not isinstance(value, str):
            raise KeyError(key)
        return value.format_map(params) if params else value

    def has(self, key: str) -> bool:
        try:
            self.text(key)
        except KeyError:
            return False
        return True

    @property
    def language_tag(self) -> str:
        return self.text("language_tag")

    def long_date(self, value: date) -> str:
        """E.g. "woensdag 18 november 2026", "Mittwoch, 18. November 2026"."""
        return str(self._dates["format"]).format(
            weekday=self._dates["weekdays"][value.weekday()],
            day=value.day,
            month=self._dates["months"][value.month - 1],
            year=value.year,
        )

    def clock_time(self, value: time) -> str:
        return str(self._dates["time"]).format(hour=f"{value.hour:02d}", minute=f"{value:%M}")


def _read(name: str) -> dict[str, Any]:
    path = resource(*DOCUMENTS_DIR, name)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def summary_texts(language: Language) -> DocumentTexts:
    """The resident's summary in `language` (nl, de or en)."""
    data = _read(f"{Language(language).value}.json")
    return DocumentTexts(data, data["date"])


@cache
def handover_texts() -> DocumentTexts:
    """The consultant's handover: Dutch only, dates in Dutch words."""
    return DocumentTexts(_read("handover.json"), _read("nl.json")["date"])


def logo_path() -> Path:
    return resource(*DOCUMENTS_DIR, "logo.png")


def summary_file(language: Language) -> Path:
    return resource(*DOCUMENTS_DIR, f"{Language(language).value}.json")


def key_paths(data: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    """Every key of a nested text file as a dotted path (lists count as one key)."""
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from key_paths(value, f"{path}.")
        else:
            yield path
