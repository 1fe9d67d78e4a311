"""Incremental export of 10,000 changed cases: ≤ 10 s, memory flat (benchmarks/README.md).

Builds a store with the demo generator (once, cached), exports everything and acknowledges
it, then changes N meldingen (a new status each, as a day of work would) and times the
incremental export in a fresh process, which also reports its peak RSS. Run for a small and
a large N: a streamed export keeps the peak the same.

    python -m benchmarks.export [--residents 10000] [--changed 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from benchmarks.common import BENCH_KEY
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.demo.zgw_example import example_settings
from wijkteam.domain.status import ReportStatus
from wijkteam.store import open_store, store_path
from wijkteam.store.models import Report
from wijkteam.wiring import Services

PASSPHRASE = "een wachtzin voor de meting"
T0 = datetime(2026, 11, 18, 9, 0)
TARGET_SECONDS = 10.0

CHILD = """
import json, resource, sys, time
from datetime import datetime
from pathlib import Path
from benchmarks.common import BENCH_KEY
from wijkteam.clock import FixedClock
from wijkteam.wiring import Services
from wijkteam.store import open_store, store_path
clock = FixedClock(datetime.fromisoformat(sys.argv[2]))
store = open_store(store_path(Path(sys.argv[1])), bytes(range(32)), clock=clock)
services = Services.create(store)
started = time.perf_counter()
result = services.export.exports.export(Path(sys.argv[3]), sys.argv[4])
elapsed = time.perf_counter() - started
store.close()
print(json.dumps({
    "seconds": elapsed,
    "cases": result.batch.cases,
    "counts": dict(result.batch.counts),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "bytes": Path(sys.argv[3]).stat().st_size,
}))
"""


def base_store(residents: int) -> Path:
    """A store with everything exported once and acknowledged; built once and reused."""
    default = Path(tempfile.gettempdir()) / "wijkteam-bench"
    root = Path(os.environ.get("WIJKTEAM_BENCH_DIR", default))
    data_dir = root / f"encrypted-export-base-{residents}"
    marker = data_dir / "complete"
    if marker.exists():
        return data_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    clock = FixedClock(T0 - timedelta(days=1))
    store = open_store(store_path(data_dir), BENCH_KEY, clock=clock)
    try:
        started = time.perf_counter()
        services = Services.create(store)
        generate(store, services.audit, residents=residents)
        services.export.settings.save(example_settings())
        clock.set(T0 - timedelta(hours=1))
        full = services.export.exports.export(data_dir / "full.zip", PASSPHRASE)
        services.export.batches.acknowledge(full.batch.uuid)
        (data_dir / "full.zip").unlink()
        print(
            f"built and fully exported a store of {residents} residents / "
            f"{full.batch.cases} meldingen in {time.perf_counter() - started:.1f} s"
        )
    finally:
        store.close()
    marker.write_text("ok")
    return data_dir


def change(data_dir: Path, count: int) -> None:
    """N meldingen each get a new status at T0, as a day's work would: an event through the
    status rule (a closed melding is reopened, an open one closed), audited like any change."""
    from wijkteam.domain.status import EventKind, live_of
    from wijkteam.services.status_moves import events_of, record_event

    store = open_store(store_path(data_dir), BENCH_KEY, clock=FixedClock(T0))
    try:
        services = Services.create(store)
        with store.transaction() as session:
            reports = session.scalars(select(Report).order_by(Report.id).limit(count)).all()
            for report in reports:
                if report.status is not ReportStatus.CLOSED:
                    record_event(session, report, EventKind.CLOSED, T0, member_id=None)
                    continue
                for closed in live_of(events_of(session, report.id), EventKind.CLOSED):
                    record_event(
                        session, report, EventKind.REOPENED, T0, member_id=None, cancels=closed.uuid
                    )
            services.audit.record_changes(session)
        if len(reports) < count:
            raise SystemExit(f"the store has only {len(reports)} meldingen; use more --residents")
    finally:
        store.close()


def measure(base: Path, count: int) -> dict:  # type: ignore[type-arg]
    import json

    with tempfile.TemporaryDirectory(prefix="wijkteam-export-bench-") as tmp:
        work = Path(tmp) / "data"
        shutil.copytree(base, work)
        change(work, count)
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(work),
                (T0 + timedelta(minutes=5)).isoformat(),
                str(Path(tmp) / "export.zip"),
                PASSPHRASE,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(child.stdout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=10_000)
    args = parser.parse_args()
    base = base_store(args.residents)
    small = measure(base, max(args.changed // 10, 1))
    large = measure(base, args.changed)
    for label, run in (("small", small), ("large", large)):
        print(
            f"{label}: {run['cases']} changed cases -> {sum(run['counts'].values())} resources "
            f"({run['bytes'] / 1e6:.1f} MB archive) in {run['seconds']:.2f} s, "
            f"peak RSS {run['peak_rss_mb']:.0f} MB"
        )
    ok = large["seconds"] <= TARGET_SECONDS
    growth = large["peak_rss_mb"] - small["peak_rss_mb"]
    print(
        f"{'OK ' if ok else 'TOO SLOW'} incremental export of {large['cases']} changed cases: "
        f"{large['seconds']:.2f} s (target ≤ {TARGET_SECONDS:.0f} s); peak RSS grows "
        f"{growth:.0f} MB from {small['cases']} to {large['cases']} cases (streamed: flat)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
