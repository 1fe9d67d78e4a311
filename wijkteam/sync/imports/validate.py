"""Every field of a raw record checked with the app's own rules (wijkteam.validation and the
resident rules the forms use), so an imported melding obeys exactly what a typed one does."""

from __future__ import annotations

from datetime import date
from typing import Any

from wijkteam.domain.enums import ReportSource
from wijkteam.domain.text import fold, person_name
from wijkteam.errors import ValidationError
from wijkteam.services.inputs import ReportInput, ResidentInput
from wijkteam.services.resident_rules import resident_values
from wijkteam.sync.imports.problems import ImportProblem, PositionUnit, Severity
from wijkteam.sync.imports.records import CheckedRecord, ParsedRow, RawRecord
from wijkteam.validation import Collector, parse_date, parse_received_date, required_text
from wijkteam.validation.rules import optional_text

# Words a back office may write in the `bron` column (any letter case); empty means the
# municipality's desk, where meldingen for the team usually come in. Any other word is the
# back office's own code: the melding comes in as OTHER with that word kept under its question.
SOURCE_WORDS: dict[str, ReportSource] = {
    "": ReportSource.MUNICIPAL_DESK,
    "gemeente": ReportSource.MUNICIPAL_DESK,
    "balie": ReportSource.MUNICIPAL_DESK,
    "balie gemeente": ReportSource.MUNICIPAL_DESK,
    "inwoner": ReportSource.RESIDENT,
    "inwoner zelf": ReportSource.RESIDENT,
    "zelf": ReportSource.RESIDENT,
    "familie": ReportSource.RELATIVE,
    "huisarts": ReportSource.GP,
    "buren": ReportSource.NEIGHBOUR,
    "buurt": ReportSource.NEIGHBOUR,
    "partnerorganisatie": ReportSource.PARTNER_ORGANISATION,
    "partner": ReportSource.PARTNER_ORGANISATION,
    "anders": ReportSource.OTHER,
    "overig": ReportSource.OTHER,
    **{source.value: source for source in ReportSource},
}
DISPLAY_NAME_CHARS = 80
QUESTION_CHARS = 5000
SOURCE_NOTE = "Bron volgens de gemeente: {}"
KEPT_SOURCE_CHARS = 200  # a code; anything longer is cut, so the note cannot crowd the question


def check_record(
    raw: RawRecord, today: date, unit: PositionUnit
) -> tuple[ParsedRow, list[ImportProblem]]:
    """The row for the preview and the problems of this record (empty when it passed)."""
    errors = Collector()
    reference = errors.check(lambda: required_text("case_reference", raw.get("case_reference"), 40))
    source, kept_source = _source(raw.get("source"))
    note = SOURCE_NOTE.format(kept_source) if kept_source else ""
    resident = ResidentInput(
        surname=raw.get("surname"),
        first_names=raw.get("first_names"),
        prefix=raw.get("prefix"),
        birth_date=raw.get("birth_date"),
        bsn=raw.get("bsn"),
        street=raw.get("street"),
        house_number=raw.get("house_number"),
        house_number_suffix=raw.get("house_number_suffix"),
        postcode=raw.get("postcode"),
        place=raw.get("place"),
        phone=raw.get("phone"),
        email=raw.get("email"),
    )
    report = ReportInput(
        question=with_note(raw.get("question"), note),
        source=source,
        received_on=raw.get("received_on"),
        reporter_name=raw.get("reporter_name"),
        reporter_relation=raw.get("reporter_relation"),
        reporter_contact=raw.get("reporter_contact"),
        case_reference=raw.get("case_reference"),
    )
    values = resident_values(resident, today, errors)
    received = _report_checks(report, raw.get("question"), note, today, errors)
    problems = [_problem(raw, unit, e) for e in errors.errors]
    checked = None
    if not problems:
        assert reference is not None and received is not None
        checked = CheckedRecord(
            position=raw.position,
            case_reference=reference,
            resident=resident,
            report=report,
            bsn=values["bsn"],
            birth_date=values["birth_date"],
            received_on=received,
            identity=identity(values),
        )
    row = ParsedRow(
        position=raw.position,
        case_reference=_shown_reference(raw.get("case_reference")),
        resident_name=_display_name(raw),
        birth_date=values["birth_date"] or _quiet_date(raw.get("birth_date")),
        received_on=received or _quiet_date(raw.get("received_on")),
        checked=checked,
    )
    if kept_source:
        problems.append(_source_kept(raw, unit))
    return row, problems


def with_note(question: str, note: str) -> str:
    """The question as sent, with the note on a line of its own below it."""
    if not note or not question.strip():
        return question
    return f"{question.rstrip()}\n\n{note}"


def identity(values: dict[str, Any]) -> tuple[str, ...]:
    """The BSN when known; else name, birth date and address, folded: two rows of one file
    that agree on all of these are taken to be one person."""
    if values.get("bsn"):
        return ("bsn", values["bsn"])
    born = values.get("birth_date")
    return (
        "name",
        fold(values.get("surname")),
        fold(values.get("first_names")),
        born.isoformat() if born else "",
        values.get("postcode") or "",
        fold(values.get("house_number")),
    )


def _source(text: str) -> tuple[ReportSource, str]:
    """The source, and the file's own word for it when Wijkteam does not know that word."""
    words = " ".join(text.split())
    source = SOURCE_WORDS.get(words.lower())
    if source is not None:
        return source, ""
    if len(words) > KEPT_SOURCE_CHARS:
        words = words[: KEPT_SOURCE_CHARS - 1] + "…"
    return ReportSource.OTHER, words


def _source_kept(raw: RawRecord, unit: PositionUnit) -> ImportProblem:
    """A note, never an error: the back office has its own codes. Carries no cell content."""
    return ImportProblem.make(
        raw.position,
        unit,
        "source_kept_as_text",
        field="source",
        source=raw.sources.get("source", ""),
        severity=Severity.NOTICE,
    )


def _report_checks(
    report: ReportInput, question: str, note: str, today: date, errors: Collector
) -> date | None:
    # The question as sent is checked, leaving room for the note that goes below it.
    room = QUESTION_CHARS - (len(note) + 2 if note else 0)
    errors.check(lambda: required_text("question", question, room))
    received = errors.check(lambda: parse_received_date(report.received_on, today))
    errors.check(lambda: optional_text("reporter_name", report.reporter_name, 120))
    errors.check(lambda: optional_text("reporter_relation", report.reporter_relation, 80))
    errors.check(lambda: optional_text("reporter_contact", report.reporter_contact, 120))
    return received


def _problem(raw: RawRecord, unit: PositionUnit, error: ValidationError) -> ImportProblem:
    return ImportProblem.make(
        raw.position,
        unit,
        error.code,
        field=error.field,
        source=raw.sources.get(error.field, ""),
        **dict(error.params),
    )


def _shown_reference(text: str) -> str:
    """The zaaknummer for the preview; one too long to be real is cut with an ellipsis, so
    it can never be mistaken for a zaaknummer in the store."""
    stripped = text.strip()
    return stripped if len(stripped) <= 40 else stripped[:39] + "…"


def _display_name(raw: RawRecord) -> str:
    name = person_name(
        raw.get("first_names").strip() or None,
        raw.get("prefix").strip() or None,
        raw.get("surname").strip(),
    )
    return " ".join(name.split())[:DISPLAY_NAME_CHARS]


def _quiet_date(text: str) -> date | None:
    try:
        return parse_date(text[:40], "date")
    except ValidationError:
        return None
