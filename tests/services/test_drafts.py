from __future__ import annotations

from datetime import datetime

import pytest

from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.errors import NotFound
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.draft_codec import decode, encode
from wijkteam.wiring import Services


def typed(**themes: str) -> ContactInput:
    return ContactInput(
        ContactKind.HOME_VISIT,
        "18-11-2026",
        "10:00",
        duration="1u",  # not valid yet: a draft keeps it as typed
        themes={Theme(k): v for k, v in themes.items()},
    )


@pytest.fixture
def resident_id(services: Services) -> int:
    return services.reports.register(report(), resident=resident()).resident_id


def test_save_restore_and_discard(services: Services, resident_id: int, clock: FixedClock) -> None:
    draft_id = services.drafts.save(None, resident_id, None, typed(who="Zoë is één van zeven"))
    clock.advance(seconds=2)
    again = services.drafts.save(
        draft_id, resident_id, None, typed(who="Zoë is één van zeven kinderen", network="Ria")
    )
    assert again == draft_id
    (draft,) = services.drafts.pending()
    assert (draft.id, draft.resident_name, draft.contact_id) == (draft_id, "Zoë Verzonnen", None)
    assert draft.saved_at == datetime(2026, 11, 18, 9, 0, 2)
    assert draft.content == typed(who="Zoë is één van zeven kinderen", network="Ria")
    assert services.drafts.get(draft_id) == draft
    assert services.drafts.for_resident(resident_id) == [draft]

    services.drafts.discard(draft_id)
    assert services.drafts.pending() == []
    with pytest.raises(NotFound):
        services.drafts.get(draft_id)
    # A discarded draft that is written again (another editor) comes back as a new row.
    revived = services.drafts.save(draft_id, resident_id, None, typed(who="nog iets"))
    assert services.drafts.get(revived).content.themes == {Theme.WHO: "nog iets"}


def test_one_draft_per_contact(services: Services, resident_id: int) -> None:
    contact = services.contacts.record(
        resident_id,
        ContactInput(ContactKind.HOME_VISIT, "18-11-2026", themes={Theme.WHO: "opgeslagen"}),
    )
    first = services.drafts.save(None, resident_id, contact.id, typed(who="meer"))
    second = services.drafts.save(None, resident_id, contact.id, typed(who="nog meer"))
    assert first == second
    (row,) = services.contacts.for_resident(resident_id)
    assert row.draft_id == first
    assert services.drafts.get(first).content.themes == {Theme.WHO: "nog meer"}


def test_saving_the_contact_cleans_up_its_draft(services: Services, resident_id: int) -> None:
    new_draft = services.drafts.save(None, resident_id, None, typed(who="tekst"))
    saved = services.contacts.record(
        resident_id,
        ContactInput(ContactKind.HOME_VISIT, "18-11-2026", themes={Theme.WHO: "tekst"}),
        draft_id=new_draft,
    )
    assert services.drafts.pending() == []
    edit_draft = services.drafts.save(None, resident_id, saved.id, typed(who="tekst en meer"))
    services.contacts.update(
        saved.id, ContactInput(ContactKind.HOME_VISIT, "18-11-2026", themes={Theme.WHO: "x"})
    )
    assert services.drafts.pending() == []
    with pytest.raises(NotFound):
        services.drafts.get(edit_draft)


def test_pending_lists_the_newest_first(
    services: Services, resident_id: int, clock: FixedClock
) -> None:
    older = services.drafts.save(None, resident_id, None, typed(who="a"))
    clock.advance(minutes=1)
    newer = services.drafts.save(None, resident_id, None, typed(who="b"))
    assert [d.id for d in services.drafts.pending()] == [newer, older]


def test_draft_is_committed_durably_and_settings_restored(
    services: Services, resident_id: int, data_dir
) -> None:  # type: ignore[no-untyped-def]
    draft_id = services.drafts.save(None, resident_id, None, typed(who="Schöne Grüße"))
    # A fresh connection (same key, new pool: as another process would) sees the committed
    # text at once.
    other = services.store.engine.pool.recreate().connect()
    try:
        cursor = other.cursor()
        cursor.execute("SELECT content FROM contact_draft WHERE id = ?", (draft_id,))
        (content,) = cursor.fetchone()
    finally:
        other.close()
    assert "Schöne Grüße" in content
    with services.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL again


def test_codec_never_drops_text() -> None:
    data = typed(who="één", strengths="kan goed koken")
    assert decode(encode(data)) == data
    future = (
        '{"v":2,"kind":"video_call","date":"18-11-2026",'
        '"themes":{"who":"wie","dreams":"naar Maastricht"},"notes":"n"}'
    )
    restored = decode(future)
    assert restored.kind is ContactKind.HOME_VISIT
    assert restored.themes == {Theme.WHO: "wie"}
    assert restored.notes == "n\n\ndreams:\nnaar Maastricht"
    assert decode("niet te lezen").notes == "niet te lezen"
