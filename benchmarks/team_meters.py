"""Meters for benchmarks/team_sync.py: CPU seconds of the server process and of the
PostgreSQL backends serving the benchmark's database, the machine's busy CPU, and the cost
of one TLS handshake with the server. Linux /proc only (the benchmark machine)."""

from __future__ import annotations

import os
import resource
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def own_and_children() -> float:
    """CPU of this process and of its children that ended (the laptop pool, the barrier)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, over all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return (total - idle) / TICK, total / TICK


def _is_backend(pid: str, database: str) -> bool | None:
    """A PostgreSQL backend connected to `database` (its process title names it); None while
    a new PostgreSQL process has no title yet (or another database's: it may be reused)."""
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    if title.startswith(b"postgres: ") and f" {database} ".encode() in title:
        return True
    return None if b"postgres" in title else False


@dataclass
class BackendMeter:
    """CPU of the database's backends over an interval. Polled from a thread, because the
    server's pool closes overflow connections (their backends exit with their CPU)."""

    database: str
    seen: dict[int, tuple[float, float]] = field(default_factory=dict)  # pid: (first, last)
    _known: set[int] = field(default_factory=set)
    _others: set[str] = field(default_factory=set)  # pids seen not to be ours: not read again
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _poll(self) -> None:
        pids = []
        for name in os.listdir("/proc"):
            if not name.isdigit() or name in self._others:
                continue
            ours = int(name) in self.seen or _is_backend(name, self.database)
            if ours:
                pids.append(int(name))
            elif ours is False:
                self._others.add(name)
        for pid in pids:
            now = cpu_seconds(pid)
            if not now:  # exited meanwhile: its last reading stands
                continue
            first = self.seen.get(pid, (now, now))[0]
            self.seen[pid] = (first, now)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._poll()

    def start(self) -> BackendMeter:
        self._poll()
        # A backend already there counts from now; one born later counts from zero.
        self.seen = {pid: (last, last) for pid, (_, last) in self.seen.items()}
        self._known = set(self.seen)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> tuple[float, int]:
        """(CPU seconds, backends started during the interval)."""
        self._stop.set()
        assert self._thread is not None
        self._thread.join()
        self._poll()
        new = [pid for pid in self.seen if pid not in self._known]
        cpu = sum(last - (0.0 if pid in new else first) for pid, (first, last) in self.seen.items())
        return cpu, len(new)


def handshake_ms(url: str, count: int = 20) -> float:
    """Mean wall time of TCP connect + TLS handshake with the server (idle machine)."""
    parts = urlsplit(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    started = time.perf_counter()
    for _ in range(count):
        with (
            socket.create_connection((parts.hostname, parts.port)) as raw,
            context.wrap_socket(raw) as tls,
        ):
            tls.getpeercert(binary_form=True)
    return (time.perf_counter() - started) / count * 1000


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
