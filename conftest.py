"""Root test configuration: Qt runs offscreen unless a developer chose a platform (e.g. xcb).

The offscreen screen is a 1280×800 laptop (tests/offscreen-screen.json), the smallest screen
the app is made for, so window and dialog sizes come out as on a real one."""

import os
from pathlib import Path

SCREEN = Path(__file__).parent / "tests" / "offscreen-screen.json"

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
