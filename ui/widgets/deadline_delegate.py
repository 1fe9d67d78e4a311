"""Paints the home-visit deadline as a coloured badge with words (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.formatting import deadline_text, short_date
from ui.models.columns import DEADLINE_ROLE
from wijkteam.domain.deadlines import Deadline, DeadlineState

BADGE_COLOURS = {
    DeadlineState.OVERDUE: (QColor("#fbe0de"), QColor("#9f1c17")),
    DeadlineState.DUE_SOON: (QColor("#fff0d1"), QColor("#7a4a00")),
    DeadlineState.ON_TIME: (QColor("#e2f3e6"), QColor("#1d6531")),
}


BADGE_PADDING = 16  # inside the badge, left and right together
GAP = 8  # between the badge and the date
MARGIN = 6  # between the cell's edge and the badge (and after the date)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class DeadlineDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        deadline = index.data(DEADLINE_ROLE)
        size = super().sizeHint(option, index)
        if not isinstance(deadline, Deadline):
            return size
        badge = QFontMetrics(_bold(option.font)).horizontalAdvance(deadline_text(deadline))
        date = option.fontMetrics.horizontalAdvance(short_date(deadline.due))
        return QSize(MARGIN + badge + BADGE_PADDING + GAP + date + 2 * MARGIN, size.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        deadline = index.data(DEADLINE_ROLE)
        if not isinstance(deadline, Deadline):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        background, foreground = BADGE_COLOURS[deadline.state]
        badge_text = deadline_text(deadline)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = _bold(option.font)
        rect = option.rect.adjusted(MARGIN, 4, -MARGIN, -4)
        badge_width = QFontMetrics(bold).horizontalAdvance(badge_text) + BADGE_PADDING
        badge = QRect(rect.left(), rect.top(), min(badge_width, rect.width()), rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(foreground)
        painter.setFont(bold)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        painter.setFont(option.font)
        painter.setPen(option.palette.text().color())
        rest = QRect(
            badge.right() + GAP, rect.top(), rect.width() - badge.width() - GAP, rect.height()
        )
        painter.drawText(
            rest,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            short_date(deadline.due),
        )
        painter.restore()
