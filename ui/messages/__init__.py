"""Typed errors from the core, turned into Dutch sentences: the only place that does so.

The texts are in one registry (registry.py), built from its tables (field_texts.py,
error_texts.py, import_texts.py, team_texts.py, store_texts.py) keyed by error type and code;
a key defined twice is refused. No Qt here: the headless commands print these sentences too
(`describe`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.field_labels import FIELD_LABELS
from ui.messages.error_texts import ERROR_TEXTS, GENERIC, open_items_question
from ui.messages.field_texts import FIELD_TEXTS
from ui.messages.import_texts import IMPORT_TEXTS
from ui.messages.registry import Registry, render
from ui.messages.store_texts import STORE_TEXTS
from ui.messages.team_texts import TEAM_TEXTS
from wijkteam.errors import ValidationError, ValidationFailed, WijkteamError
from wijkteam.sync.imports.problems import ImportProblem

if TYPE_CHECKING:  # loaded when used: the sign-in screen imports this module early
    from wijkteam.sync.imports.preview import ImportPreview, ImportSummary

REGISTRY = Registry(FIELD_TEXTS, ERROR_TEXTS, IMPORT_TEXTS, TEAM_TEXTS, STORE_TEXTS)
FIELD_FALLBACK = "Deze invoer klopt niet."
_UNIT_WORD = {"line": "regel", "record": "zaak", "file": "bestand"}

__all__ = [
    "REGISTRY",
    "describe",
    "error_text",
    "field_error_text",
    "field_errors",
    "import_preview_text",
    "import_problem_line",
    "import_problem_place",
    "import_problem_text",
    "import_summary_text",
    "open_items_question",
]


def field_errors(error: WijkteamError) -> tuple[ValidationError, ...]:
    if isinstance(error, ValidationFailed):
        return error.errors
    if isinstance(error, ValidationError):
        return (error,)
    return ()


def field_error_text(error: ValidationError) -> str:
    template = REGISTRY.find(error) or FIELD_FALLBACK
    label = FIELD_LABELS.get(error.field, "dit veld")
    return render(template, error, {**error.params, "field": label})


def error_text(error: WijkteamError) -> str:
    """A sentence for any error a service raised (several lines for a form's field errors)."""
    errors = field_errors(error)
    if errors:
        return "\n".join(field_error_text(e) for e in errors)
    text = REGISTRY.find(error) or GENERIC
    params = {k: v for k, v in error.params.items() if isinstance(v, str | int)}
    return render(text, error, params)


def import_problem_place(problem: ImportProblem) -> str:
    """'Regel 4' (CSV) or 'Zaak 2' (JSON); '' for the file as a whole."""
    if problem.position <= 0:
        return ""
    return f"{_UNIT_WORD[problem.unit.value].capitalize()} {problem.position}"


def import_problem_text(problem: ImportProblem) -> str:
    """The sentence for one problem of an import file, without its place: the import's own
    wording where it has one, else the field rule's (the same as in the app's forms)."""
    if not REGISTRY.has_code(ImportProblem, problem.code):
        return field_error_text(problem.as_validation_error())
    field = FIELD_LABELS.get(problem.field, "dit veld")
    params: dict[str, Any] = {
        "source": problem.source,
        **problem.param_map,
        "field": field,
        "Field": field[:1].upper() + field[1:],
        "unit": _UNIT_WORD[problem.unit.value],
    }
    return render(REGISTRY.find(problem) or FIELD_FALLBACK, problem, params)


def import_problem_line(problem: ImportProblem) -> str:
    """'Regel 4, kolom bsn: Dit is geen geldig BSN …' for lists and the command line; a note
    that does not stop the record reads 'Regel 5, kolom bron: Let op: …'."""
    place = import_problem_place(problem)
    if problem.source and problem.code not in {"column_missing", "column_unknown"}:
        where = "kolom" if problem.unit.value == "line" else "veld"
        place = f"{place}, {where} {problem.source}" if place else f"{where} {problem.source}"
    text = import_problem_text(problem)
    if not problem.is_error:
        text = f"Let op: {text}"
    return f"{place}: {text}" if place else text


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def import_preview_text(preview: ImportPreview) -> str:
    """'5 meldingen gelezen: 4 goed, 1 met fouten, 0 al eerder geïmporteerd.'"""
    from wijkteam.sync.imports.preview import RowState

    parts = [
        f"{preview.count(RowState.VALID)} goed",
        f"{preview.count(RowState.INVALID)} met fouten",
    ]
    already = preview.count(RowState.ALREADY_IMPORTED)
    if already:
        parts.append(f"{already} al eerder geïmporteerd")
    return f"{_count(len(preview.rows), 'melding', 'meldingen')} gelezen: {', '.join(parts)}."


def import_summary_text(summary: ImportSummary) -> str:
    """What an import did, in one or two sentences."""
    text = (
        f"{_count(summary.created, 'nieuwe melding', 'nieuwe meldingen')} geïmporteerd "
        f"({_count(summary.new_residents, 'nieuwe inwoner', 'nieuwe inwoners')}, "
        f"{summary.known_residents} bij een bekende inwoner)."
    )
    skipped = []
    if summary.already_imported:
        skipped.append(f"{summary.already_imported} al eerder geïmporteerd")
    if summary.skipped_invalid:
        skipped.append(f"{summary.skipped_invalid} met fouten")
    if skipped:
        text += f" Overgeslagen: {' en '.join(skipped)}."
    return text


def describe(item: WijkteamError | ImportProblem | ImportPreview | ImportSummary) -> str:
    """Dutch text for an error, an import problem, an import preview or its result (the
    headless commands print these)."""
    from wijkteam.sync.imports.preview import ImportPreview, ImportSummary

    if isinstance(item, WijkteamError):
        return error_text(item)
    if isinstance(item, ImportPreview):
        return import_preview_text(item)
    if isinstance(item, ImportSummary):
        return import_summary_text(item)
    return import_problem_line(item)
