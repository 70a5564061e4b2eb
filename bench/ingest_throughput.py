"""Ingest throughput with rq workers on PostgreSQL + Redis: pages per minute.

    python -m bench.ingest_throughput                       # 40 sheets, 2 workers, real OCR
    python -m bench.ingest_throughput --pages 100 --workers 4
    python -m bench.ingest_throughput --extractor fake      # queue/DB/store/index overhead only
    python -m bench.ingest_throughput --baseline            # also the embedded default (in-process)

Starts a throw-away PostgreSQL and redis-server (tests/servers_sql.py), generates synthetic sheets
(samples.generate; degraded scans unless --pristine), runs ``archive worker --processes N`` and
``ingest_paths`` with ARCHIVE_REDIS_URL/ARCHIVE_DATABASE_URL set, and times from the first page
captured to the last page done. ``--extractor fake`` replaces OCR by the ground truth (the fault
tests' plugin) to measure everything around OCR. Results: a table on stdout, optionally JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

from archive_core.config import Settings
from ingest.backends import open_backends
from tests.faults import harness, plugin
from tests.servers_sql import PostgresServer, RedisServer


@dataclass
class Run:
    setup: str
    extractor: str
    workers: int
    pages: int
    done: int
    failed: int
    records: int
    seconds: float

    @property
    def pages_per_min(self) -> float:
        return 60.0 * self.done / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        return (
            f"{self.setup:<28} {self.extractor:<5} {self.workers:>3} {self.pages:>6} {self.done:>6} "
            f"{self.failed:>6} {self.records:>8} {self.seconds:>9.1f} {self.pages_per_min:>10.1f}"
        )


HEADER = (
    f"{'setup':<28} {'ocr':<5} {'wrk':>3} {'pages':>6} {'done':>6} {'failed':>6} {'records':>8} "
    f"{'seconds':>9} {'pages/min':>10}"
)


def _fake_env(env: dict[str, str], truth: Path, log: Path) -> dict[str, str]:
    env = dict(env)
    env["ARCHIVE_FAULT_PLUGIN"] = "tests.faults.plugin"
    env[plugin.ENV_TRUTH] = str(truth)
    env[plugin.ENV_LOG] = str(log)
    return env


def run_rq(pages: list[Path], workers: int, extractor: str, tmp: Path) -> Run:
    with ExitStack() as stack:
        pg = stack.enter_context(PostgresServer())
        redis = stack.enter_context(RedisServer())
        settings = Settings(
            data_dir=tmp / "rq-data",
            database_url=pg.create_database("bench"),
            redis_url=redis.url,
            elasticsearch_url=None,
            s3_endpoint=None,
            workers=workers,
        )
        env = harness.server_env(settings)
        if extractor == "fake":
            env = _fake_env(env, pages[0].parent, tmp / "extract.log")
        fleet = stack.enter_context(harness.fleet(env, tmp, processes=workers))
        time.sleep(3.0)  # let the worker processes start (spawn + imports) before the clock runs
        del fleet
        t0 = time.perf_counter()
        summary = harness.ingest_all(settings, pages, employer="ДЗС Бенчмарк", file_no="1/2026")
        seconds = time.perf_counter() - t0
    return Run(
        "rq + PostgreSQL + Redis",
        extractor,
        workers,
        len(pages),
        summary.done,
        summary.failed,
        summary.records,
        seconds,
    )


def run_embedded(pages: list[Path], workers: int, extractor: str, tmp: Path) -> Run:
    from ingest.pipeline import ingest_paths

    settings = Settings(
        data_dir=tmp / "embedded-data",
        database_url=None,
        redis_url=None,
        elasticsearch_url=None,
        s3_endpoint=None,
        workers=workers,
    )
    if extractor == "fake":
        os.environ.update(_fake_env({}, pages[0].parent, tmp / "extract-embedded.log"))
        plugin.install()  # workers == 1 runs in this process; spawned pool workers do not see it
        if workers > 1:
            raise SystemExit("--baseline with --extractor fake needs --workers 1 (in-process)")
    t0 = time.perf_counter()
    summary = ingest_paths(open_backends(settings), pages, employer="ДЗС Бенчмарк", file_no="1/2026")
    seconds = time.perf_counter() - t0
    return Run(
        "embedded (in-process)",
        extractor,
        workers,
        len(pages),
        summary.done,
        summary.failed,
        summary.records,
        seconds,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extractor", choices=("real", "fake"), default="real")
    ap.add_argument("--pristine", action="store_true", help="sheets without scan damage")
    ap.add_argument("--baseline", action="store_true", help="also time the embedded default")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args(argv)

    from samples.generate import Options, generate_pages

    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp_s:
        tmp = Path(tmp_s)
        t0 = time.perf_counter()
        pages = generate_pages(
            tmp / "pages", args.pages, args.seed, options=Options(degraded=not args.pristine)
        )
        print(f"{len(pages)} sheets generated in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        runs.append(run_rq(pages, args.workers, args.extractor, tmp))
        if args.baseline:
            runs.append(run_embedded(pages, args.workers, args.extractor, tmp))
    print(f"cpu cores: {os.cpu_count()}")
    print(HEADER)
    for r in runs:
        print(r.row())
    if args.json:
        args.json.write_text(
            json.dumps([{**asdict(r), "pages_per_min": r.pages_per_min} for r in runs], indent=2) + "\n"
        )
    return 0 if all(r.done + r.failed == r.pages for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
