"""Paints the home-visit deadline as a coloured badge with words (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.formatting import deadline_text, short_date
from ui.models.columns import DEADLINE_ROLE
from wijkteam.domain.deadlines import Deadline, DeadlineState

BADGE_COLOURS = {
    DeadlineState.OVERDUE: (QColor("#fbe0de"), QColor("#9f1c17")),
    DeadlineState.DUE_SOON: (QColor("#fff0d1"), QColor("#7a4a00")),
    DeadlineState.ON_TIME: (QColor("#e2f3e6"), QColor("#1d6531")),
}


class DeadlineDelegate(QStyledItemDelegate):
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
        metrics = option.fontMetrics
        rect = option.rect.adjusted(6, 4, -6, -4)
        badge_width = metrics.horizontalAdvance(badge_text) + 16
        badge = QRect(rect.left(), rect.top(), min(badge_width, rect.width()), rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(foreground)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(option.palette.text().color())
        rest = QRect(badge.right() + 8, rect.top(), rect.width() - badge.width() - 8, rect.height())
        painter.drawText(
            rest,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            short_date(deadline.due),
        )
        painter.restore()
