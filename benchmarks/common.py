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
from wijkteam.security.headless import DEMO_TEAM
from wijkteam.security.setup import TeamSetup, first_start, open_unlocked, unlock
from wijkteam.services import Services

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
