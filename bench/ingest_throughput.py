"""Ingest throughput with rq workers on PostgreSQL + Redis: pages per minute.

    python -m bench.ingest_throughput                       # 40 sheets, 2 workers, real OCR
    python -m bench.ingest_throughput --pages 100 --workers 4
    python -m bench.ingest_throughput --extractor fake      # queue/DB/store/index overhead only
    python -m bench.ingest_throughput --baseline            # also the embedded default (in-process)
    python -m bench.ingest_throughput --hosts 2 --workers 1 2 4 --kill-host

Several hosts (``--hosts``, or ``--cluster``): every server a deployment shares (PostgreSQL, Redis,
an Elasticsearch-API server, S3; bench/cluster.py) and one ``archive worker`` per "host", each in its
own session and working folder; the workers are spread over the hosts (4 on 2 hosts: 2 + 2). One
run per ``--workers`` figure. ``--kill-host``: one more batch with the most workers, in which the
last host gets ``kill -9`` on every process once a third of the pages are done; it prints pages
in / processed / lost / duplicated (against the ground truth with the fake extractor, against the
records of the first clean run with real OCR) and when the pages the dead host held were retried.

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
import socket
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Page, open_database
from ingest.backends import open_backends
from tests.faults import harness, plugin
from tests.servers_sql import PostgresServer, RedisServer

from . import cluster


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
            f"{self.setup:<30} {self.extractor:<5} {self.workers:>3} {self.pages:>6} {self.done:>6} "
            f"{self.failed:>6} {self.records:>8} {self.seconds:>9.1f} {self.pages_per_min:>10.1f}"
        )


HEADER = (
    f"{'setup':<30} {'ocr':<5} {'wrk':>3} {'pages':>6} {'done':>6} {'failed':>6} {'records':>8} "
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


def spread(workers: int, hosts: int) -> list[int]:
    """Workers per host, as even as can be (hosts without a worker are left out)."""
    per = [workers // hosts + (1 if i < workers % hosts else 0) for i in range(hosts)]
    return [n for n in per if n]


def run_cluster(
    cl: cluster.Cluster, pages: list[Path], workers: int, hosts: int, extractor: str, name: str
) -> tuple[Run, Settings]:
    settings = cl.settings(name)
    run_dir = cl.tmp / name
    per_host = spread(workers, hosts)
    fleets = cluster.start_hosts(
        settings, per_host, run_dir, pages[0].parent, run_dir / "extract.log", extractor
    )
    try:
        cluster.wait_for_workers(settings, workers)
        t0 = time.perf_counter()
        summary = harness.ingest_all(settings, pages, employer="ДЗС Бенчмарк", file_no="1/2026")
        seconds = time.perf_counter() - t0
    finally:
        cluster.stop_all(fleets)
    setup = f"PG+Redis+ES+S3, {len(per_host)} host{'s' if len(per_host) > 1 else ''} ({'+'.join(map(str, per_host))})"
    run = Run(setup, extractor, workers, len(pages), summary.done, summary.failed, summary.records, seconds)
    return run, settings


@dataclass
class HostKill:
    tally: harness.Tally
    host_processes: int
    held: int  # pages the dead host's workers held (processing) at the kill
    retried: list[float]  # per held page: seconds from the kill to its extraction starting again
    seconds: float


def run_kill_host(
    cl: cluster.Cluster,
    pages: list[Path],
    workers: int,
    hosts: int,
    extractor: str,
    expected: dict[str, int] | None,
) -> HostKill:
    """A batch on ``hosts`` hosts; the last one dies (kill -9, every process) a third of the way."""
    settings = cl.settings("killhost")
    run_dir = cl.tmp / "killhost"
    log = run_dir / "extract.log"
    per_host = spread(workers, hosts)
    if len(per_host) < 2:
        raise SystemExit("--kill-host needs at least two hosts with workers")
    fleets = cluster.start_hosts(settings, per_host, run_dir, pages[0].parent, log, extractor)
    doomed = fleets[-1]
    try:
        cluster.wait_for_workers(settings, workers)
        t0 = time.perf_counter()
        batch = harness.Background(harness.ingest_all, settings, pages, "ДЗС Бенчмарк", "2/2026")
        harness.wait_for(
            lambda: harness.ledger_count(settings, "done") >= len(pages) // 3,
            900,
            "a third of the pages done",
        )
        assert doomed.proc is not None
        prefix = f"{socket.gethostname()}.{doomed.proc.pid}."  # the names its supervisor gives its workers
        db = open_database(settings)

        def in_hand() -> list[str]:
            with db.Session() as s:
                q = select(Page.source).where(Page.status == "processing", Page.worker.startswith(prefix))
                return list(s.scalars(q))

        deadline = time.monotonic() + 60
        while not in_hand() and time.monotonic() < deadline and batch.thread.is_alive():
            time.sleep(0.05)  # kill it with a page in hand
        killed = doomed.kill_host()
        kill_at = time.time()
        held = in_hand()
        db.dispose()
        print(
            f"host {len(fleets)} killed (kill -9, {killed} processes) with {len(held)} page(s) in hand",
            file=sys.stderr,
        )
        batch.result(timeout=900)
        seconds = time.perf_counter() - t0
    except BaseException:
        for f in fleets:
            print(f.log_tail(30), file=sys.stderr)
        raise
    finally:
        cluster.stop_all(fleets)
    starts = plugin.extraction_starts(log)
    retried = []
    for source in held:
        after = [at for img, at in starts if img == Path(source).name and at > kill_at]
        if after:
            retried.append(min(after) - kill_at)
    t = harness.tally(settings, pages[0].parent, len(pages), log=log, expected=expected)
    return HostKill(t, killed, len(held), retried, seconds)


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
    ap.add_argument("--workers", type=int, nargs="+", default=[2], help="one run per figure, e.g. 1 2 4")
    ap.add_argument("--hosts", type=int, default=1, help="worker hosts (implies --cluster when > 1)")
    ap.add_argument("--cluster", action="store_true", help="all production servers (ES and S3 too)")
    ap.add_argument(
        "--kill-host", action="store_true", help="one more batch; the last host dies a third of the way"
    )
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
        kill: HostKill | None = None
        if args.cluster or args.hosts > 1 or args.kill_host:
            with ExitStack() as stack:
                cl = cluster.Cluster(stack, tmp)
                expected: dict[str, int] | None = None
                for i, w in enumerate(args.workers):
                    run, settings = run_cluster(cl, pages, w, args.hosts, args.extractor, f"w{w}-{i}")
                    runs.append(run)
                    print(run.row(), file=sys.stderr)
                    if expected is None and args.extractor == "real":
                        expected = cluster.records_per_page(settings)
                if args.kill_host:
                    kill = run_kill_host(
                        cl, pages, max(args.workers), max(2, args.hosts), args.extractor, expected
                    )
        else:
            for w in args.workers:
                runs.append(run_rq(pages, w, args.extractor, tmp))
        if args.baseline:
            runs.append(run_embedded(pages, args.workers[0], args.extractor, tmp))
    print(f"cpu cores: {os.cpu_count()}")
    print(HEADER)
    for r in runs:
        print(r.row())
    if kill is not None:
        t = kill.tally
        print(
            f"one host killed mid-batch ({max(args.workers)} workers on {max(2, args.hosts)} hosts, "
            f"{args.extractor} OCR, {kill.seconds:.1f} s): pages in {t.pages_in} / processed {t.processed} / "
            f"lost {t.lost} / duplicated {t.duplicated}"
        )
        for n in t.notes:
            print("  ", n)
        slowest = f"{max(kill.retried):.1f} s" if kill.retried else "-"
        print(
            f"the dead host held {kill.held} page(s); extraction started again for {len(kill.retried)}, "
            f"slowest {slowest} after the kill"
        )
    if args.json:
        args.json.write_text(
            json.dumps([{**asdict(r), "pages_per_min": r.pages_per_min} for r in runs], indent=2) + "\n"
        )
    ok = all(r.done + r.failed == r.pages for r in runs)
    if kill is not None:
        ok = ok and kill.tally.lost == 0 and kill.tally.duplicated == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
