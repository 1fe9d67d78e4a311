"""Root test configuration: Qt runs offscreen unless a developer chose a platform (e.g. xcb)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
