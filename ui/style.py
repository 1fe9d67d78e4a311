"""One calm, readable look: large enough type for a kitchen table, clear focus, soft colours."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11

STYLESHEET = """
QWidget { color: #1f2933; }
QMainWindow, QDialog { background: #f7f8fa; }
#sidebar, #nav { background: #24455c; border: none; }
#nav { padding-top: 4px; font-size: 12pt; }
QPushButton#newReport { margin: 0 10px; padding: 8px 10px; font-weight: 600; color: #1f4e79;
  background: white; border: 1px solid #b8c2cc; }
QPushButton#newReport:hover { background: #e8f0f8; }
QPushButton#newReport:focus { border: 2px solid #f0b429; }
#nav::item { color: #e8eef3; padding: 10px 16px; border-left: 4px solid transparent; }
#nav::item:selected { background: #2f5975; color: white; border-left: 4px solid #f0b429; }
#nav::item:hover { background: #2b516a; }
QLabel#heading1 { font-size: 17pt; font-weight: 600; margin: 4px 0 6px 0; }
QLabel#heading2 { font-size: 13pt; font-weight: 600; margin: 4px 0; }
QLabel#heading3 { font-size: 11pt; font-weight: 600; margin-top: 8px; }
QLabel#muted { color: #52606d; }
QLabel#fieldError { color: #b42318; font-size: 10pt; }
QLabel#warning { color: #7a4a00; background: #fff0d1; padding: 6px; border-radius: 4px; }
QLabel#quote { font-size: 12pt; font-style: italic; background: white; padding: 10px;
  border-left: 4px solid #9fb3c8; }
QLabel#deadline { padding: 6px 10px; border-radius: 4px; font-weight: 600; }
QLabel#deadline[state="overdue"] { background: #fbe0de; color: #9f1c17; }
QLabel#deadline[state="due_soon"] { background: #fff0d1; color: #7a4a00; }
QLabel#deadline[state="on_time"] { background: #e2f3e6; color: #1d6531; }
QLabel#deadline[state="none"] { background: #eef1f4; color: #3e4c59; }
QFrame#section, QFrame#duplicatePanel { background: white; border: 1px solid #d9e2ec;
  border-radius: 6px; }
QFrame#duplicatePanel { background: #fff8e6; border-color: #f0b429; }
QLineEdit, QPlainTextEdit, QComboBox { background: white; border: 1px solid #bcccdc;
  border-radius: 4px; padding: 4px 6px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 2px solid #2f80c2; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {
  border: 2px solid #b42318; background: #fff5f4; }
QPushButton { padding: 6px 14px; border-radius: 4px; border: 1px solid #9fb3c8;
  background: white; }
QPushButton:hover { background: #eef4fa; }
QPushButton:focus { border: 2px solid #2f80c2; }
QPushButton:default { background: #24455c; color: white; border-color: #24455c; }
QPushButton:disabled { color: #9aa5b1; border-color: #d9e2ec; }
QTableView { background: white; alternate-background-color: #f5f7fa; border: none;
  selection-background-color: #d3e5f5; selection-color: #1f2933; }
QTableView:focus { border: 1px solid #2f80c2; }
QHeaderView::section { background: #eef1f4; padding: 6px; border: none;
  border-bottom: 1px solid #d9e2ec; font-weight: 600; }
QGroupBox { font-weight: 600; border: 1px solid #d9e2ec; border-radius: 6px;
  margin-top: 14px; padding-top: 8px; background: white; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QTabWidget::pane { border: 1px solid #d9e2ec; background: white; }
QTabBar::tab { padding: 8px 16px; }
QTabBar::tab:selected { background: white; }
QFrame#busyNote { background: white; border: 1px solid #9fb3c8; border-radius: 6px; }
QLabel#toast { background: #1f3a4d; color: white; padding: 10px 16px; border-radius: 6px;
  font-size: 11pt; }
QStatusBar { background: #eef1f4; }
QStatusBar > QLabel, QStatusBar > QPushButton { margin-right: 10px; }
"""


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
