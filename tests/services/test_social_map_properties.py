"""Properties of the sociale kaart's CSV format, checked on many generated maps and files."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.domain.text import fold
from wijkteam.services.social_map import MapEntryRecord, MapFileRefused
from wijkteam.services.social_map.csv_cells import FORMULA_TRIGGERS, guard, unguard
from wijkteam.services.social_map.csv_read import read_map_csv
from wijkteam.services.social_map.csv_write import write_map_csv

TODAY = date(2026, 11, 18)
PHONES = ["+31430000101", "+31612345678", "+49241123456", "+3287123456", "+32470123456"]
# Letters, digits, punctuation (quotes, ; , = + - @ ' |), symbols (€) and spaces of any script.
_CHARS = st.characters(categories=("L", "N", "P", "S", "Zs"))


def _text(max_size: int, lines: bool = False) -> st.SearchStrategy[str | None]:
    alphabet = st.one_of(_CHARS, st.just("\n")) if lines else _CHARS
    return st.text(alphabet, max_size=max_size).map(lambda t: t.strip() or None)


@st.composite
def _records(draw: st.DrawFn) -> MapEntryRecord:
    low = draw(st.none() | st.integers(0, 120))
    high = draw(st.none() | st.integers(low or 0, 120))
    return MapEntryRecord(
        id=0,
        uuid=draw(st.uuids()),
        name=draw(_text(80).filter(bool)),  # type: ignore[arg-type]
        kind=draw(st.sampled_from(MapEntryKind)),
        categories=tuple(
            c for c in MapCategory if c in draw(st.frozensets(st.sampled_from(MapCategory)))
        ),
        access=draw(st.sampled_from(MapAccess)),
        target_group=draw(_text(60)),
        age_min=low,
        age_max=high,
        schedule=draw(_text(60)),
        location=draw(_text(60)),
        cost=draw(_text(30)),
        place=draw(_text(30)),
        contact_name=draw(_text(40)),
        phone=draw(st.none() | st.sampled_from(PHONES)),
        email=draw(st.none() | st.sampled_from(["info@huiskamer.example", "a.b@c-d.example"])),
        backup_name=draw(_text(40)),
        backup_phone=draw(st.none() | st.sampled_from(PHONES)),
        website=draw(st.none() | st.sampled_from(["www.x.example", "https://y.example/pad?a=1"])),
        description=draw(_text(300, lines=True)),
        active=draw(st.booleans()),
        last_checked=draw(st.none() | st.dates(date(1950, 1, 1), TODAY)),
        is_example=draw(st.booleans()),
        stale=False,
        updated_at=datetime(2026, 1, 1),
    )


_FIELDS = [
    f
    for f in MapEntryRecord.__slots__
    if f not in {"id", "uuid", "categories", "stale", "updated_at"}
]  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        _records(),
        max_size=6,
        unique_by=(lambda r: (fold(r.name), fold(r.place)), lambda r: r.uuid),
    )
)
def test_export_then_import_gives_back_every_field(records: list[MapEntryRecord]) -> None:
    parsed = read_map_csv(write_map_csv(records), TODAY)
    assert parsed.problems == ()
    assert len(parsed.rows) == len(records)
    for record, row in zip(records, parsed.rows, strict=True):
        assert row.entry_id == record.uuid
        assert row.categories == set(record.categories)
        assert {f: row.values[f] for f in _FIELDS} == {f: getattr(record, f) for f in _FIELDS}


@given(st.text())
def test_guard_is_undone_exactly_and_never_leaves_a_formula(text: str) -> None:
    guarded = guard(text)
    assert unguard(guarded) == text
    assert not guarded or guarded[0] not in FORMULA_TRIGGERS


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_cleanly(data: bytes) -> None:
    try:
        parsed = read_map_csv(b"naam;soort;telefoon\r\n" + data, TODAY)
    except MapFileRefused:
        return
    lines = data.count(b"\n") + data.count(b"\r") + 2
    for item in (*parsed.rows, *parsed.problems):
        assert 2 <= item.line <= lines


_CELL = st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), max_size=8))
def test_every_row_ends_up_valid_or_reported_with_its_line(grid: list[list[str]]) -> None:
    rows = [";".join(c.replace('"', "") for c in row) for row in grid]
    lines = ["naam;soort;plaats;leeftijd van", *rows]
    data = ("\r\n".join(lines) + "\r\n").encode()
    try:
        parsed = read_map_csv(data, TODAY)
    except MapFileRefused:
        return
    seen = sorted(item.line for item in (*parsed.rows, *parsed.problems))
    expected = [n + 2 for n, row in enumerate(rows) if any(c.strip() for c in row.split(";"))]
    assert seen == expected
    assert all(problem.errors for problem in parsed.problems)
