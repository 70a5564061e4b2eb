"""The verification screen through the web app on embedded defaults (SQLite + embedded index), with N
other records (default 100,000) in the database and the index: the server-side render time of the
screen of a 30-row page (GET /verify/{sha256}: page_review, the kept changes, the audit entry, the
template) and a correction round-trip (POST of one cell as htmx sends it, correct_field, the audit
entry and the partial answer: the row(s), the page's status, the history). FastAPI's TestClient, so
the figures are the server's (no network, no browser). Targets: screen < 300 ms, round-trip < 100 ms.

    python -m bench.web_screens                      # 100,000 records, 40 repeats
    python -m bench.web_screens --records 10000 --repeat 20
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.db import Record, open_database
from archive_core.records import PersonMonth
from bench.seeding import arguments, seed_records, seed_review_page, timing_line
from indexer.backend import open_index
from ingest.verification import correct_field, page_review

ROWS = 30


def _seed(settings: Settings, n: int) -> tuple[str, list[PersonMonth], float]:
    db = open_database(settings)
    index = open_index(settings)
    index.ensure()
    seeded = seed_records(db, index, n)
    sha, rows = seed_review_page(db, index, b"bench-web-page", ROWS, layout=True)
    index.refresh()
    db.dispose()
    return sha, rows, seeded


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        sha, rows, seeded = _seed(settings, args.records)
        app = create_app(settings)
        app.state.accounts.add_user("bench", "verifier", "a long bench password")
        _, token = app.state.accounts.create_token("bench", "bench")
        client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
        for _ in range(3):  # warm up (templates compiled, connections opened)
            assert client.get(f"/verify/{sha}").status_code == 200
        screens, trips = [], []
        for k in range(args.repeat):
            t = time.perf_counter()
            r = client.get(f"/verify/{sha}")
            screens.append(time.perf_counter() - t)
            assert r.status_code == 200 and r.text.count('class="vrow') == ROWS
            rec = rows[k % ROWS]
            current = client.get(f"/api/records/{rec.id}", params={"purpose": "verification"}).json()
            value = "234.56" if current["gross_pay"] != "234.56" else "234.65"
            t = time.perf_counter()
            r = client.post(
                f"/verify/{sha}/records/{rec.id}/gross_pay",
                data={"action": "correct", "value": value, "expected": current["gross_pay"]},
                headers={"HX-Request": "true"},
            )
            trips.append(time.perf_counter() - t)
            assert r.status_code == 200 and 'id="page-status"' in r.text and 'role="alert"' not in r.text, (
                r.text[:500]
            )
        # where a round-trip's time goes: the service calls alone (same database and index)
        db, index = app.state.db, app.state.index
        reviews, services, upserts = [], [], []
        for k in range(args.repeat):
            t = time.perf_counter()
            page_review(db, sha)
            reviews.append(time.perf_counter() - t)
            rec = rows[k % ROWS]
            t = time.perf_counter()
            res = correct_field(db, index, rec.id, "gross_pay", "234.56" if k % 2 else "234.65", user="bench")
            services.append(time.perf_counter() - t)
            t = time.perf_counter()
            index.upsert([res.record])
            upserts.append(time.perf_counter() - t)
        with app.state.db.Session() as s:
            n = s.query(Record).count()
        client.close()
        app.state.backends.close()
    print(f"records in database and index: {n} (seeded in {seeded:.1f} s); {args.repeat} repeats")
    for label, vals, target in (
        (f"verification screen ({ROWS} rows)", screens, 300),
        ("correction round-trip (POST + partial)", trips, 100),
        ("  of which: page_review (service)", reviews, None),
        ("  of which: correct_field (service)", services, None),
        ("    of which: index upsert of 1 record", upserts, None),
    ):
        print(timing_line(label, vals, 40, target))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
