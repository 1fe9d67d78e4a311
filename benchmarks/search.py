"""Search-as-you-type over 100,000 residents: ≤ 50 ms per keystroke (p95), benchmarks/README.md.

Each keystroke runs what the screens run: the Werkvoorraad count plus its first page, and the
resident search of the Nieuwe-melding dialog.

    python -m benchmarks.search [--residents N]
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.common import (
    DEFAULT_RESIDENTS,
    benchmark_store,
    open_services,
    peak_rss_mb,
    raw_sql_of,
    report,
    report_with_anchor,
    timings_ms,
)
from wijkteam.domain.status import ReportStatus
from wijkteam.services.worklist import WorklistQuery

TYPED = ["Jansen", "Schmitz", "6291 AB", "62912", "999000", "Lemiers Hermans", "kerkstraat"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=DEFAULT_RESIDENTS)
    args = parser.parse_args()
    services = open_services(benchmark_store(args.residents))
    worklist, residents, worklist_raw, residents_raw = [], [], [], []
    for text in TYPED:
        for end in range(1, len(text) + 1):
            prefix = text[:end]
            query = WorklistQuery(text=prefix)

            def page(q: WorklistQuery = query) -> object:
                return services.worklist.count(q), services.worklist.rows(q, 0, 100)

            def search(p: str = prefix) -> object:
                return services.residents.search(p)

            # Each keystroke once to learn its SQL (both then run on a warm cache), then
            # through the service (with its audit entry), then its raw SQL alone.
            page_sql, search_sql = (
                raw_sql_of(services.store, page),
                raw_sql_of(services.store, search),
            )
            worklist += timings_ms(page, 1)
            worklist_raw += timings_ms(page_sql, 1)
            residents += timings_ms(search, 1)
            residents_raw += timings_ms(search_sql, 1)
    all_statuses = WorklistQuery(statuses=frozenset(ReportStatus))
    ok = all(
        [
            report_with_anchor(
                "Werkvoorraad, per keystroke (count + first page)", worklist, worklist_raw, 50
            ),
            report_with_anchor("Residents search, per keystroke", residents, residents_raw, 50),
            report(
                "Werkvoorraad, all statuses unfiltered (count + first page)",
                timings_ms(
                    lambda: (
                        services.worklist.count(all_statuses),
                        services.worklist.rows(all_statuses, 0, 100),
                    ),
                    20,
                ),
                50,
            ),
            report("Vandaag lists", timings_ms(services.worklist.awaiting_visit_plan, 20), 100),
        ]
    )
    print(f"peak RSS {peak_rss_mb():.0f} MB (target ≤ 300 MB)")
    services.store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
