"""The columns of the import dialog's tables (records, problems, proposed matches)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ui.formatting import short_date
from ui.messages import import_problem_place, import_problem_text
from ui.models.columns import Column
from wijkteam.services.records import ResidentRecord
from wijkteam.sync.imports.preview import MatchKind, PreviewRow, RowState
from wijkteam.sync.imports.problems import ImportProblem, PositionUnit

UNIT_TITLE = {PositionUnit.LINE: "Regel", PositionUnit.RECORD: "Zaak", PositionUnit.FILE: ""}
STATE_TEXT = {
    RowState.VALID: "Goed",
    RowState.INVALID: "Fouten: wordt niet geïmporteerd",
    RowState.ALREADY_IMPORTED: "Al eerder geïmporteerd",
}


def match_text(row: PreviewRow, unit: PositionUnit) -> str:
    if row.match is MatchKind.BSN:
        return "Bekende inwoner (zelfde BSN)"
    if row.match is MatchKind.NAME_BIRTH:
        return "Lijkt op een bekende inwoner: kies hieronder"
    if row.match is MatchKind.SAME_IN_FILE:
        return f"Zelfde persoon als {UNIT_TITLE[unit].lower()} {row.same_as}"
    if row.match is MatchKind.NEW:
        return "Nieuwe inwoner"
    return ""


def record_columns(unit: PositionUnit) -> list[Column]:
    return [
        Column(UNIT_TITLE[unit], lambda r: str(r.position)),
        Column("Zaaknummer", lambda r: r.case_reference),
        Column(
            "Inwoner", lambda r: r.resident_name, tooltip=lambda r: r.resident_name, max_width=220
        ),
        Column("Geboren", lambda r: short_date(r.birth_date)),
        Column("Ontvangen", lambda r: short_date(r.received_on)),
        Column(
            "Huisbezoek uiterlijk",
            lambda r: short_date(r.deadline_due),
            tooltip=lambda r: "Binnen 14 dagen na ontvangst",
        ),
        Column(
            "Inwoner in Wijkteam",
            lambda r: match_text(r, unit),
            tooltip=lambda r: match_text(r, unit),
            max_width=200,
        ),
        Column("Status", lambda r: STATE_TEXT[r.state], stretch=True),
    ]


def _problem_source(problem: ImportProblem) -> str:
    if problem.code in {"column_missing", "column_unknown", "column_repeated"}:
        return ""
    return problem.source


def problem_columns(unit: PositionUnit) -> list[Column]:
    return [
        Column(UNIT_TITLE[unit] or "Plaats", lambda p: import_problem_place(p), width=90),
        Column(
            "Kolom" if unit is PositionUnit.LINE else "Veld",
            _problem_source,
            tooltip=lambda p: p.source,
            width=170 if unit is PositionUnit.LINE else 260,
        ),
        Column(
            "Probleem",
            lambda p: ("Let op: " if not p.is_error else "") + import_problem_text(p),
            tooltip=lambda p: import_problem_text(p),
            stretch=True,
        ),
    ]


def _resident_text(resident: ResidentRecord) -> str:
    born = f"geboren {short_date(resident.birth_date)}" if resident.birth_date else ""
    return " · ".join(p for p in (resident.list_name, born, resident.address_line) if p)


def proposal_columns(
    unit: PositionUnit, decisions: Mapping[int, int | None], chosen: Callable[[int], bool]
) -> list[Column]:
    """Rows are (PreviewRow, candidate ResidentRecord) pairs."""

    def choice(pair: tuple[PreviewRow, ResidentRecord]) -> str:
        row, candidate = pair
        if not chosen(row.position):
            return "Nog kiezen"
        decided = decisions[row.position]
        if decided is None:
            return "Nieuwe inwoner"
        return "Zelfde persoon: koppelen" if decided == candidate.id else "Andere inwoner gekozen"

    return [
        Column(UNIT_TITLE[unit], lambda p: str(p[0].position), width=60),
        Column(
            "In het bestand",
            lambda p: " · ".join(x for x in (p[0].resident_name, short_date(p[0].birth_date)) if x),
            width=260,
        ),
        Column("Bekende inwoner", lambda p: _resident_text(p[1]), width=380),
        Column("Keuze", choice, stretch=True),
    ]
