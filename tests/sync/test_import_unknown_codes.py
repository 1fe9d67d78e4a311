"""A back office has its own codes: a source Wijkteam does not know never blocks a melding.
It comes in as 'Anders', the word from the file is kept under the question, and the preview
says so as a note (issue 17, point 9)."""

from __future__ import annotations

import pytest

from tests.sync.import_files import csv_bytes, csv_row, json_bytes, zaak_item
from ui.messages import describe, import_problem_text
from wijkteam.domain.enums import ReportSource
from wijkteam.sync.imports.preview import RowState
from wijkteam.sync.imports.problems import Severity
from wijkteam.wiring import Services

QUESTION = "Mevrouw komt de deur niet meer uit."
JSON_QUESTION = "Meneer is eenzaam sinds zijn vrouw overleed."
OWN_CODE = "Wmo-loket Vaals"


def _csv(*rows: str) -> tuple[bytes, str]:
    return csv_bytes(*rows), "meldingen.csv"


def _json(*items: object) -> tuple[bytes, str]:
    return json_bytes(*items), "meldingen.json"


@pytest.mark.parametrize(
    ("file", "source", "place"),
    [
        (_csv(csv_row(zaaknummer="ZK-1", bron=OWN_CODE)), "bron", "Regel 2"),
        (
            _json(zaak_item(communicatiekanaalNaam=OWN_CODE)),
            "zaken[0].zaak.communicatiekanaalNaam",
            "Zaak 1",
        ),
    ],
    ids=["csv", "json"],
)
def test_an_unknown_source_is_imported_as_other_with_the_word_kept(
    services: Services, file: tuple[bytes, str], source: str, place: str
) -> None:
    preview = services.imports.preview_bytes(*file)
    assert preview.is_valid
    assert [r.state for r in preview.rows] == [RowState.VALID]
    (note,) = preview.problems
    assert (note.code, note.field, note.source) == ("source_kept_as_text", "source", source)
    assert note.severity is Severity.NOTICE
    assert OWN_CODE not in repr(note)  # a problem carries no cell content
    assert "Anders" in import_problem_text(note)
    assert describe(note).startswith(f"{place}, ")
    assert "Let op: Deze bron kent Wijkteam niet." in describe(note)

    summary = services.imports.commit(preview)  # "Alles importeren": nothing blocks it
    assert summary.created == 1
    melding = services.reports.get(summary.report_ids[0])
    assert melding.source is ReportSource.OTHER
    question = JSON_QUESTION if file[1].endswith(".json") else QUESTION
    assert melding.question == f"{question}\n\nBron volgens de gemeente: {OWN_CODE}"


def test_known_words_and_an_empty_cell_add_no_note(services: Services) -> None:
    rows = (
        csv_row(zaaknummer="ZK-1", bron="Huisarts"),
        csv_row(zaaknummer="ZK-2", bron=""),
        csv_row(zaaknummer="ZK-3", bron=" partner  "),
    )
    preview = services.imports.preview_bytes(*_csv(*rows))
    assert preview.problems == ()
    summary = services.imports.commit(preview)
    reports = [services.reports.get(i) for i in summary.report_ids]
    assert [r.source for r in reports] == [
        ReportSource.GP,
        ReportSource.MUNICIPAL_DESK,
        ReportSource.PARTNER_ORGANISATION,
    ]
    assert all(r.question == QUESTION for r in reports)


def test_the_note_never_hides_a_real_error_of_the_same_record(services: Services) -> None:
    # No question at all: the note below it must not count as one.
    preview = services.imports.preview_bytes(*_csv(csv_row(vraag="", bron=OWN_CODE)))
    codes = {(p.code, p.severity) for p in preview.problems}
    assert codes == {("required", Severity.ERROR), ("source_kept_as_text", Severity.NOTICE)}
    assert [r.state for r in preview.rows] == [RowState.INVALID]


def test_the_question_leaves_room_for_the_note_and_the_word_is_cut_when_very_long(
    services: Services,
) -> None:
    long_code = "x" * 500
    fits = "v" * (5000 - len("\n\nBron volgens de gemeente: ") - 200)
    rows = (
        csv_row(zaaknummer="ZK-1", vraag=fits, bron=long_code),
        csv_row(zaaknummer="ZK-2", vraag=fits + "v", bron=long_code),
    )
    preview = services.imports.preview_bytes(*_csv(*rows))
    assert [r.state for r in preview.rows] == [RowState.VALID, RowState.INVALID]
    too_long = next(p for p in preview.problems if p.is_error)
    assert (too_long.position, too_long.field, too_long.code) == (3, "question", "too_long")
    summary = services.imports.commit(preview, only_valid=True)
    question = services.reports.get(summary.report_ids[0]).question
    assert len(question) == 5000
    assert question.endswith("Bron volgens de gemeente: " + "x" * 199 + "…")
