"""Verification service timings on embedded defaults (SQLite + embedded index): ``page_review`` of a
30-row page (the data behind the verification screen) and a ``correct_field`` round-trip (validate,
store the change, re-run the row's checks, update the record, approve the page, upsert the index),
with N other records (default 100,000) in the database and the index.

    python -m bench.verification_roundtrip                 # 100,000 records
    python -m bench.verification_roundtrip --records 10000 --repeat 50
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from archive_core.config import Settings
from archive_core.db import Page, Record, open_database, record_from_person_month
from archive_core.records import PersonMonth, ReviewState
from bench.index_backends import records
from indexer.backend import open_index
from ingest.verification import correct_field, page_review


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        db = open_database(settings)
        index = open_index(settings)
        index.ensure()
        t0 = time.perf_counter()
        batch: list[PersonMonth] = []
        pages: set[str] = set()

        def flush() -> None:
            with db.Session.begin() as s:
                new = [p for p in dict.fromkeys(pm.page_sha256 for pm in batch) if p not in pages]
                if new:
                    s.execute(insert(Page), [{"sha256": p, "source": "bench", "status": "done", "size_bytes": 1,
                                              "page_no": 1, "attempts": 0} for p in new])  # fmt: skip
                    pages.update(new)
                s.add_all([record_from_person_month(pm) for pm in batch])
            index.upsert(batch)
            batch.clear()

        for pm in records(args.records):
            batch.append(pm)
            if len(batch) >= 5000:
                flush()
        if batch:
            flush()
        seeded = time.perf_counter() - t0
        # the page under verification: 30 rows, one gross misread per row
        sha = hashlib.sha256(b"bench-page").hexdigest()
        rows = []
        for i in range(30):
            rows.append(
                PersonMonth(
                    id=PersonMonth.make_id(sha, i),
                    page_sha256=sha,
                    row_index=i,
                    row_no=i + 1,
                    egn="5003140242",
                    name=f"Лице {i}",
                    employer="Бенчмарк",
                    year=1987,
                    month=3,
                    sheet=1,
                    days_worked=21,
                    base_pay=Decimal("200.00"),
                    extra_pay=Decimal("34.56"),
                    gross_pay=Decimal("243.56"),
                    deductions=Decimal("24.45"),
                    net_pay=Decimal("210.11"),
                    review=["gross_pay"],
                    review_state=ReviewState.needs_review,
                )  # fmt: skip
            )
        totals = {"gross_pay": f"{Decimal('234.56') * 30:.2f}"}
        with db.Session.begin() as s:
            s.add(Page(sha256=sha, source="bench.png", status="done", size_bytes=1, year=1987, month=3,
                       extraction={"rows": [{"gross_pay": "243.56"}] * 30, "totals": totals}))  # fmt: skip
            s.flush()
            s.add_all([record_from_person_month(pm) for pm in rows])
        index.upsert(rows)
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
        ms = [v * 1000 for v in vals]
        print(
            f"{label:28s} median {statistics.median(ms):7.1f} ms   p95 {_pct(ms, 0.95):7.1f} ms   max {max(ms):7.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
