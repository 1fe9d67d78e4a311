"""A text box's hint shows in full, wrapped over the box (Qt paints one line only)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ui.app import application
from ui.dossier.theme_edit import ThemeEdit
from ui.widgets.text_box import TextBox

HINT = (
    "Hoe vertelt de inwoner over zichzelf? Wonen, werk of dagbesteding, wat iemand "
    "belangrijk vindt, wie er in het leven van de inwoner is en wat er speelt."
)


def _inked_rows(image: QImage, background: QColor) -> list[int]:
    rows = []
    for y in range(image.height()):
        for x in range(8, image.width() - 8, 2):
            if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 60:
                rows.append(y)
                break
    return rows


@pytest.mark.parametrize("make", [TextBox, lambda: ThemeEdit(HINT)])
def test_a_long_hint_shows_on_every_line(qtbot: QtBot, make) -> None:  # type: ignore[no-untyped-def]
    application()
    box = make()
    box.setPlaceholderText(HINT)
    box.resize(300, 200)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.viewport().grab().toImage()
    inked = _inked_rows(image, box.viewport().palette().base().color())
    line = box.fontMetrics().lineSpacing()
    width = box.viewport().width() - 2 * int(box.document().documentMargin()) - 2
    lines = box.fontMetrics().boundingRect(0, 0, width, 1000, 0x1000, HINT).height() // line
    assert lines >= 3
    assert inked and max(inked) - min(inked) >= (lines - 1) * line - 2, "the hint is cut"
