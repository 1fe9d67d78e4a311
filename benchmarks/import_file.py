"""Importing a large file of new meldingen: reading and checking it (the preview the member
waits for) and writing it in one transaction, on a fresh store.

    python -m benchmarks.import_file [--records 10000]

No target in the product's list; the ones used here: the preview of 10,000 meldingen within 5 s and
the import within 10 s (both run off the UI thread).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import BENCH_KEY
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

HEADER = (
    "zaaknummer;ontvangen;bsn;voornamen;achternaam;geboortedatum;postcode;huisnummer;telefoon;vraag"
)
PREVIEW_TARGET_S = 5.0
COMMIT_TARGET_S = 10.0


def synthetic_csv(records: int) -> bytes:
    received = (date.today() - timedelta(days=2)).strftime("%d-%m-%Y")
    lines = [HEADER]
    for n in range(records):
        born = f"{1 + n % 28:02d}-{1 + n % 12:02d}-{1930 + n % 70}"
        lines.append(
            f"BENCH-{n:06d};{received};;Test;Synthetisch{n};{born};6291 AB;{1 + n % 200};"
            f"043 306 1234;Synthetische vraag nummer {n} voor de benchmark."
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    data = synthetic_csv(args.records)
    folder = Path(tempfile.mkdtemp(prefix="wijkteam-import-bench-"))
    store = open_store(store_path(folder), BENCH_KEY)
    services = Services.create(store)
    try:
        started = time.perf_counter()
        preview = services.imports.preview_bytes(data, "bench.csv")
        previewed = time.perf_counter()
        summary = services.imports.commit(preview)
        committed = time.perf_counter()
    finally:
        store.close()
    assert summary.created == args.records, summary
    ok = True
    for what, took, target in (
        ("preview", previewed - started, PREVIEW_TARGET_S),
        ("import", committed - previewed, COMMIT_TARGET_S),
    ):
        verdict = "OK" if took <= target else "TOO SLOW"
        ok &= took <= target
        print(
            f"{what} of {args.records} meldingen ({len(data) // 1024} KiB): {took:.2f} s "
            f"(target {target:.0f} s) {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
