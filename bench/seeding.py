"""What the verification benchmarks share: their options, the data they run on (N synthetic records,
``bench.index_backends.records``, in the database and the index, and one page under verification:
30 rows, one gross misread per row) and the line a timing is reported in. Used by
``bench.verification_roundtrip`` and ``bench.web_screens``.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from decimal import Decimal

from sqlalchemy import insert

from archive_core.db import Database, Page, record_from_person_month
from archive_core.protocols import RecordIndex
from archive_core.records import PersonMonth, ReviewState
from bench.index_backends import records

BATCH = 5000


def arguments(doc: str | None, argv: list[str] | None) -> argparse.Namespace:
    """--records (other records in the database and the index) and --repeat (timed rounds)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    return ap.parse_args(argv)


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def timing_line(label: str, seconds: list[float], width: int, target_ms: int | None = None) -> str:
    """``label`` padded to ``width``, then the median, 95th percentile and maximum in ms."""
    ms = [v * 1000 for v in seconds]
    return (
        f"{label:{width}s} median {statistics.median(ms):7.1f} ms   p95 {_pct(ms, 0.95):7.1f} ms   "
        f"max {max(ms):7.1f} ms" + (f"   target < {target_ms} ms" if target_ms else "")
    )


def seed_records(db: Database, index: RecordIndex, n: int) -> float:
    """Write ``n`` records (and the pages they name) to the database and the index, in batches;
    returns the seconds it took."""
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

    for pm in records(n):
        batch.append(pm)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return time.perf_counter() - t0


def seed_review_page(
    db: Database, index: RecordIndex, name: bytes, rows: int = 30, *, layout: bool = False
) -> tuple[str, list[PersonMonth]]:
    """The page under verification (its sha256 is that of ``name``): ``rows`` rows that each need a
    review of gross pay (243.56 read where 234.56 adds up), in the database and the index. With
    ``layout`` the page also has its sheet number and each row its box on the image, as the
    verification screen draws them."""
    sha = hashlib.sha256(name).hexdigest()
    made = [
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
            bbox=[100, 400 + 60 * i, 3200, 455 + 60 * i] if layout else None,
        )  # fmt: skip
        for i in range(rows)
    ]
    totals = {"gross_pay": f"{Decimal('234.56') * rows:.2f}"}
    with db.Session.begin() as s:
        s.add(Page(sha256=sha, source="bench.png", status="done", size_bytes=1, year=1987, month=3,
                   sheet=1 if layout else None,
                   extraction={"rows": [{"gross_pay": "243.56"}] * rows, "totals": totals}))  # fmt: skip
        s.flush()
        s.add_all([record_from_person_month(pm) for pm in made])
    index.upsert(made)
    return sha, made
