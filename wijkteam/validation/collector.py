from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from wijkteam.errors import ValidationError, ValidationFailed

T = TypeVar("T")


class Collector:
    """Runs rules and remembers every failure, so one save reports all problems at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, rule: Callable[[], T], default: T | None = None) -> T | None:
        try:
            return rule()
        except ValidationError as error:
            self.errors.append(error)
            return default

    def add(self, error: ValidationError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)
