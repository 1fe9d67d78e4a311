"""Shared helpers: a cached synthetic store and simple timing statistics."""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from wijkteam.demo.generator import generate
from wijkteam.wiring import Services
from wijkteam.wiring.headless import DEMO_TEAM
from wijkteam.wiring.setup import TeamSetup, first_start, open_unlocked, unlock

# Benchmark stores are encrypted like real ones (the targets hold with SQLCipher).
BENCH_PASSWORD = "benchmark wachtwoord"
# Scripts that build their own throw-away stores key them with this fixed raw store key
# (SQLCipher's cost is measured; the key file's password step is not what they time).
BENCH_KEY = bytes(range(32))

DEFAULT_RESIDENTS = 100_000


def benchmark_store(residents: int = DEFAULT_RESIDENTS) -> Path:
    """A data dir with `residents` synthetic residents, built once and reused."""
    root = Path(
        os.environ.get("WIJKTEAM_BENCH_DIR", Path(tempfile.gettempdir()) / "wijkteam-bench")
    )
    data_dir = root / f"encrypted-residents-{residents}"
    marker = data_dir / "complete"
    if not marker.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        team, place, name, initials = DEMO_TEAM
        setup = TeamSetup(team, place, name, initials, BENCH_PASSWORD, BENCH_PASSWORD)
        services = first_start(data_dir, setup).services
        store = services.store
        try:
            generate(store, services.audit, residents=residents)
        finally:
            store.close()
        marker.write_text("ok")
        print(f"built store with {residents} residents in {time.perf_counter() - started:.1f} s")
    return data_dir


def open_services(data_dir: Path) -> Services:
    """Signed in as the demo coordinator (the key derivation included)."""
    ring, unlocked = unlock(data_dir, DEMO_TEAM[3], BENCH_PASSWORD)
    return open_unlocked(data_dir, ring, unlocked).services


def timings_ms(action: Callable[[], object], repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        result.append((time.perf_counter() - started) * 1000)
    return result


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def report(name: str, values: list[float], target_ms: float) -> bool:
    verdict = "OK " if p95(values) <= target_ms else "TOO SLOW"
    print(
        f"{verdict} {name}: median {statistics.median(values):.1f} ms, "
        f"p95 {p95(values):.1f} ms (target p95 ≤ {target_ms:.0f} ms, n={len(values)})"
    )
    return p95(values) <= target_ms


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_sql_of(store, action: Callable[[], object]) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    """The anchor for a service call: the SELECT statements it ran, replayed with their
    parameters on one raw connection of the same encrypted file (no ORM, no records, no
    audit entry). Returns a callable that runs them once."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "audit_event" not in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)

    def replay() -> None:
        connection = store.engine.raw_connection()  # from the pool, as the service's
        try:
            cursor = connection.cursor()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            cursor.close()
        finally:
            connection.close()

    return replay


def report_with_anchor(
    name: str, values: list[float], anchor: list[float], target_ms: float
) -> bool:
    """The figure, its anchor measured in the same run, and the ratio of the medians."""
    ok = report(name, values, target_ms)
    ratio = statistics.median(values) / max(statistics.median(anchor), 0.001)
    print(
        f"    anchor (its raw SQL, same file): median {statistics.median(anchor):.1f} ms, "
        f"p95 {p95(anchor):.1f} ms; ratio of medians {ratio:.1f}"
    )
    return ok
