"""Verification service timings on embedded defaults (SQLite + embedded index): ``page_review`` of a
30-row page (the data behind the verification screen) and a ``correct_field`` round-trip (validate,
store the change, re-run the row's checks, update the record, approve the page, upsert the index),
with N other records (default 100,000) in the database and the index.

    python -m bench.verification_roundtrip                 # 100,000 records
    python -m bench.verification_roundtrip --records 10000 --repeat 50
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from archive_core.config import Settings
from archive_core.db import Record, open_database
from bench.seeding import arguments, seed_records, seed_review_page, timing_line
from indexer.backend import open_index
from ingest.verification import correct_field, page_review


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        db = open_database(settings)
        index = open_index(settings)
        index.ensure()
        seeded = seed_records(db, index, args.records)
        sha, rows = seed_review_page(db, index, b"bench-page")
        reviews, corrections = [], []
        for k in range(args.repeat):
            t = time.perf_counter()
            page_review(db, sha)
            reviews.append(time.perf_counter() - t)
            t = time.perf_counter()
            correct_field(
                db, index, rows[k % 30].id, "gross_pay", "234.56" if k % 2 == 0 else "234.65", user="bench"
            )
            corrections.append(time.perf_counter() - t)
        with db.Session() as s:
            n = s.query(Record).count()
        db.dispose()
    print(f"records in database and index: {n} (seeded in {seeded:.1f} s)")
    for label, vals in (("page_review (30 rows)", reviews), ("correct_field round-trip", corrections)):
        print(timing_line(label, vals, 28))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
