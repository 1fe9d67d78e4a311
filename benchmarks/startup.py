"""Start to first usable screen: ≤ 1.5 × a bare PySide6 window's start (benchmarks/README.md).

Both are started as fresh processes, the way a member starts them; the clock stops when the
child reports that its window was painted. The app opens the 100,000-resident store and shows
The first usable screen is the sign-in screen (the store is encrypted): it appears before the
database layer is loaded. After it, the child signs in and shows Vandaag; that time (the key
derivation, about half a second on purpose, plus opening the store) is printed as well.

    python -m benchmarks.startup [--residents N] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from benchmarks.common import DEFAULT_RESIDENTS, benchmark_store

BARE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
window = QLabel("Hallo")
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
print("ready", flush=True)
"""

APP = """
import sys, time
from pathlib import Path
from ui.app import application
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import InlineTaskRunner
from wijkteam.wiring.access import StoreAccess
app = application()
dialog = SignInDialog(StoreAccess(Path(sys.argv[1])), InlineTaskRunner())
dialog.show()
app.processEvents()
dialog.grab()
print("ready", flush=True)
started = time.perf_counter()
from benchmarks.common import BENCH_PASSWORD
from wijkteam.wiring.headless import DEMO_TEAM
dialog.initials.setText(DEMO_TEAM[3])
dialog.password.setText(BENCH_PASSWORD)
dialog.sign_in()
from ui.main_window import MainWindow
window = MainWindow(dialog.opened.services, InlineTaskRunner())
window.show()
app.processEvents()
window.grab()
assert window.today_page.unplanned.model.rowCount() > 0
print(f"{(time.perf_counter() - started) * 1000:.0f}", flush=True)
"""


SIGNED_IN: list[float] = []


def time_to_ready(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    SIGNED_IN.extend(float(rest) for rest in child.stdout.read().split())
    child.wait()
    if line.strip() != "ready":
        raise SystemExit(f"child did not get ready (exit {child.returncode})")
    return elapsed * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=DEFAULT_RESIDENTS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data_dir = benchmark_store(args.residents)
    time_to_ready(BARE)  # warm the file cache for both
    time_to_ready(APP, str(data_dir))
    bare = statistics.median(time_to_ready(BARE) for _ in range(args.runs))
    app = statistics.median(time_to_ready(APP, str(data_dir)) for _ in range(args.runs))
    ok = app <= 1.5 * bare
    print(
        f"{'OK ' if ok else 'TOO SLOW'} start to first usable screen: app {app:.0f} ms, "
        f"bare PySide6 window {bare:.0f} ms, ratio {app / bare:.2f} (target ≤ 1.5)"
    )
    if SIGNED_IN:
        print(f"    then sign-in to Vandaag: median {statistics.median(SIGNED_IN):.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
