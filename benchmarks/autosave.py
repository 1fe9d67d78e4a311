"""Autosave of a conversation: ≤ 20 ms per save, never blocking typing (benchmarks/README.md).

Measures, on a long conversation (seven themes, about 7,000 characters):
- the draft write itself (DraftService.save: one UPDATE on the primary key, committed with
  synchronous=FULL so it survives a power cut),
- the editor's whole autosave as the timer runs it on the UI thread (collecting the texts,
  encoding them, writing),
- one keystroke in the editor without a save, for comparison.

    python -m benchmarks.autosave [--data-dir DIR] [--saves 300]

Without --data-dir it builds a fresh store in a temporary folder on disk (autosave does not
depend on the store's size: it touches one row). Never point it at another branch's cached
benchmark store: opening a store migrates it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import report, timings_ms
from wijkteam.domain.contacts import THEMES, ContactKind, Theme
from wijkteam.services.contact_records import ContactInput
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

PARAGRAPH = (
    "Mevrouw vertelt uitgebreid over haar jaren in het naaiatelier, over de buren die "
    "verhuisd zijn en over haar kleinkinderen in Aken, die ze graag vaker zou zien. "
)


def conversation() -> ContactInput:
    themes = {theme: PARAGRAPH * 6 for theme in THEMES}
    return ContactInput(ContactKind.HOME_VISIT, "18-11-2026", "10:00", themes=themes)


def _resident_id(services: Services) -> int:
    from wijkteam.demo.generator import generate

    if services.store_is_empty():
        generate(services.store, services.audit, residents=200)
    return services.worklist.awaiting_visit_plan()[0].resident_id


def measure_service(services: Services, resident_id: int, saves: int) -> list[float]:
    data = conversation()
    draft_id = services.drafts.save(None, resident_id, None, data)
    count = iter(range(saves))

    def save() -> None:
        n = next(count)
        themes = dict(data.themes)
        themes[Theme.NETWORK] = f"{themes[Theme.NETWORK]} {n}"
        services.drafts.save(
            draft_id,
            resident_id,
            None,
            ContactInput(data.kind, data.date, data.time, themes=themes),
        )

    values = timings_ms(save, saves)
    services.drafts.discard(draft_id)
    return values


def measure_editor(services: Services, resident_id: int, saves: int) -> tuple[list[float], ...]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.dossier.conversation_editor import ConversationEditor

    application()
    editor = ConversationEditor(services)
    editor.resize(900, 700)
    editor.show()
    editor.start_new(resident_id, conversation())
    target = editor.theme_edits[Theme.NETWORK]
    target.setFocus()

    def key() -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "é")
            )

    keystrokes = timings_ms(key, saves)
    autosaves = []
    for _ in range(saves):
        key()
        autosaves += timings_ms(editor.autosave, 1)
    if editor.draft_id is not None:
        services.drafts.discard(editor.draft_id)
    editor.close()
    return keystrokes, autosaves


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args()
    if args.data_dir is not None:
        return run(args.data_dir, args.saves)
    with tempfile.TemporaryDirectory(prefix="wijkteam-autosave-") as folder:
        return run(Path(folder), args.saves)


def run(data_dir: Path, saves: int) -> int:
    print(f"store: {store_path(data_dir)}")
    services = Services.create(open_store(store_path(data_dir)))
    try:
        resident_id = _resident_id(services)
        size = len("".join(conversation().themes.values()))
        print(f"conversation of {size} characters, {saves} saves")
        service = measure_service(services, resident_id, saves)
        keystrokes, autosaves = measure_editor(services, resident_id, saves)
    finally:
        services.store.close()
    ok = all(
        [
            report("Draft write (DraftService.save, durable commit)", service, 20),
            report("Editor autosave on the UI thread (texts + encode + write)", autosaves, 20),
            report("One keystroke in the editor, without a save", keystrokes, 16),
        ]
    )
    print(f"slowest autosave {max(autosaves):.1f} ms, slowest draft write {max(service):.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
