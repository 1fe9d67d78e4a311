"""Fault drills (issue 17): damaged, missing and full. Each drill asserts the Dutch message,
the exit code, that nothing committed is lost, and that nothing personal leaks."""

from __future__ import annotations

from tests.gui.conftest import collect_on_the_ui_thread as collect_on_the_ui_thread
from tests.gui.conftest import window as window
