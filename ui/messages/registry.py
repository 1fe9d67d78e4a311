"""The one registry of Dutch error texts. Every text is keyed by the error's type and, where
one type carries several codes (ValidationError, ImportRefused, MapFileRefused,
ImportProblem), by its code; a key defined twice is refused when the registry is built, so
no later table can silently overwrite an earlier one.

A text is a template, formatted with the error's parameters (and, for a field, {field}),
or a function of the error for sentences that need more than that."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from wijkteam.errors import ValidationError

Key = tuple[type, str | None]
Text = str | Callable[[Any], str]
Entry = tuple[Key, Text]


class DuplicateText(Exception):
    """Two tables define a text for the same error type and code."""


def field(code: str, text: str) -> Entry:
    """The sentence for ValidationError(field, code)."""
    return (ValidationError, code), text


def typed(kind: type, text: Text, code: str | None = None) -> Entry:
    """The sentence for an error type, or for one code of it."""
    return (kind, code), text


def duplicates(*tables: Iterable[Entry]) -> list[Key]:
    seen: set[Key] = set()
    repeated: list[Key] = []
    for table in tables:
        for key, _text in table:
            if key in seen:
                repeated.append(key)
            seen.add(key)
    return repeated


class Registry:
    def __init__(self, *tables: Iterable[Entry]) -> None:
        repeated = duplicates(*tables)
        if repeated:
            names = ", ".join(f"{kind.__name__}/{code}" for kind, code in repeated)
            raise DuplicateText(f"defined twice: {names}")
        self._texts: dict[Key, Text] = {key: text for table in tables for key, text in table}

    def keys(self) -> set[Key]:
        return set(self._texts)

    def find(self, item: Any) -> Text | None:
        """The text for `item` (an error, or an import problem): its own type and code
        first, then its type, then each base type the same way."""
        code = getattr(item, "code", None)
        for kind in type(item).__mro__:
            for key in ((kind, code), (kind, None)):
                if key in self._texts:
                    return self._texts[key]
        return None

    def has_code(self, kind: type, code: str) -> bool:
        return (kind, code) in self._texts


MISSING_DETAIL = "Deze invoer klopt niet."


def render(text: Text, item: Any, params: Mapping[str, Any]) -> str:
    """A template filled in with `params`. When a detail is missing, what can be said
    without it: the text before the parenthesis or sentence that holds it."""
    if callable(text):
        return text(item)
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        head = text[: text.index("{")]
        if " (" in head:
            return head.rsplit(" (", 1)[0].rstrip(".") + "."
        sentences = head.rsplit(". ", 1)
        return sentences[0] + "." if len(sentences) == 2 else MISSING_DETAIL
