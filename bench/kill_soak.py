"""Kill soak: intake on the production backends with real OCR, one worker killed per batch.

    python -m bench.kill_soak --runs 20                  # 10 sheets a batch, 2 workers, real OCR
    python -m bench.kill_soak --runs 4 --extractor fake  # quick check of the machinery

Starts PostgreSQL, Redis, noida-db (Elasticsearch API) and moto (S3) once (bench/cluster.py). A clean
reference batch first gives the records real OCR finds on each sheet. Then ``--runs`` batches, each
on a fresh database, index and bucket with its own ``archive worker``: at a random moment of the
batch (the first run right at its start: the moment the first worker takes a job, before it can
claim the page) one busy rq worker gets ``kill -9``, alternately the worker process and its work
horse. Production defaults for the last-resort timers (stuck_after 900 s, job_timeout 600 s), so
only the immediate retry and the heartbeats can save the page.

Per run: pages in / processed / lost / duplicated (records beyond the reference, in PostgreSQL or
in the index), how long after the kill the held page was back in the queue and when its extraction
started again. At the end the totals and the slowest retry (target: at most 60 s). Exit status 1
if any page was lost or duplicated or a batch did not finish.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import PageEventRow, open_database
from ingest.rq_queue import page_of_job
from tests.faults import harness, plugin

from . import cluster


@dataclass
class Kill:
    mode: str  # "worker" | "horse"
    delay: float  # seconds after the batch started


@dataclass
class RunResult:
    run: int
    mode: str
    delay: float
    killed: str  # page the killed worker held ("" if it held none)
    pages_in: int
    processed: int
    lost: int
    duplicated: int
    requeued_after: float | None  # kill -> 'queued' event of the held page
    retried_after: float | None  # kill -> its extraction started again
    requeued_by: str
    seconds: float
    notes: list[str]

    def row(self) -> str:
        def f(x: float | None) -> str:
            return f"{x:7.2f}" if x is not None else "      -"

        return (
            f"{self.run:>3} {self.mode:<6} {self.delay:6.1f} {self.killed[:12]:<12} {self.pages_in:>4} "
            f"{self.processed:>5} {self.lost:>4} {self.duplicated:>4} {f(self.requeued_after)} "
            f"{f(self.retried_after)} {self.seconds:7.1f}  {self.requeued_by}"
        )


HEADER = (
    f"{'run':>3} {'kill':<6} {'at s':>6} {'held page':<12} {'in':>4} {'proc':>5} {'lost':>4} {'dup':>4} "
    f"{'queued':>7} {'retried':>7} {'batch s':>7}  re-queued by"
)


def _kill_one(
    settings: Settings, kill: Kill, t0: float, batch: harness.Background
) -> tuple[str, float] | None:
    """Wait ``kill.delay`` s after ``t0``, then kill -9 a busy worker (or its horse) as soon as one
    has a job. Returns (job id, time of the kill), None if the batch ended first."""
    rng = random.Random()
    time.sleep(max(0.0, t0 + kill.delay - time.time()))
    while batch.thread.is_alive():
        busy = cluster.busy_workers(settings)
        if busy:
            b = rng.choice(busy)
            target: int | None = b.pid
            if kill.mode == "horse":
                target = None
                deadline = time.time() + 3.0
                while target is None and time.time() < deadline:  # the horse may not be forked yet
                    target = cluster.work_horse(b.pid)
                    if target is None:
                        time.sleep(0.01)
            if target is not None and cluster.kill9(target):
                return b.job_id, time.time()
        time.sleep(0.02)
    return None


def _first_after(settings: Settings, sha: str, kill_at: float) -> tuple[float | None, str]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            rows = s.execute(
                select(PageEventRow.at, PageEventRow.actor)
                .where(PageEventRow.page_sha256 == sha, PageEventRow.kind == "queued")
                .order_by(PageEventRow.id)
            ).all()
    finally:
        db.dispose()
    for at, actor in rows:
        t = (at if at.tzinfo else at.replace(tzinfo=UTC)).timestamp()
        if t > kill_at:
            return t - kill_at, actor
    return None, ""


def run_batch(
    cl: cluster.Cluster,
    pages: list[Path],
    run: int,
    workers: int,
    extractor: str,
    kill: Kill | None,
    expected: dict[str, int] | None,
) -> tuple[RunResult, Settings]:
    settings = cl.settings(f"soak{run}")
    run_dir = cl.tmp / f"run{run}"
    log = run_dir / "extract.log"
    fleets = cluster.start_hosts(settings, [workers], run_dir, pages[0].parent, log, extractor)
    try:
        cluster.wait_for_workers(settings, workers)
        t0 = time.time()
        batch = harness.Background(harness.ingest_all, settings, pages)
        killed = _kill_one(settings, kill, t0, batch) if kill is not None else None
        summary = batch.result(timeout=900)
        seconds = time.time() - t0
    except BaseException:
        for f in fleets:
            print(f.log_tail(40), file=sys.stderr)
        raise
    finally:
        cluster.stop_all(fleets)
    t = harness.tally(settings, pages[0].parent, len(pages), log=log, expected=expected)
    notes = list(t.notes) + [p.message for p in summary.problems]
    held, requeued, retried, by = "", None, None, ""
    if kill is not None and killed is None:
        notes.append("no worker was busy before the batch ended: nothing killed")
    if killed is not None:
        job_id, kill_at = killed
        held = page_of_job(job_id) or ""
        if held:
            requeued, by = _first_after(settings, held, kill_at)
            name = cluster.page_names(settings).get(held, "")
            starts = [at for img, at in plugin.extraction_starts(log) if img == name and at > kill_at]
            retried = min(starts) - kill_at if starts else None
    result = RunResult(
        run,
        kill.mode if kill else "none",
        kill.delay if kill else 0.0,
        held,
        t.pages_in,
        t.processed,
        t.lost,
        t.duplicated,
        requeued,
        retried,
        by,
        seconds,
        notes,
    )
    return result, settings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pages", type=int, default=10, help="sheets per batch")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extractor", choices=("real", "fake"), default="real")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, help="write the per-run results here")
    args = ap.parse_args(argv)

    from samples.generate import Options, generate_pages

    rng = random.Random(args.seed)
    results: list[RunResult] = []
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="archive-soak-") as tmp_s, ExitStack() as stack:
        tmp = Path(tmp_s)
        pages = generate_pages(tmp / "pages", args.pages, args.seed, options=Options(degraded=False))
        cl = cluster.Cluster(stack, tmp)
        ref, ref_settings = run_batch(cl, pages, 0, args.workers, args.extractor, None, None)
        expected = cluster.records_per_page(ref_settings)
        print(
            f"reference batch: {ref.processed}/{ref.pages_in} pages done, {sum(expected.values())} records, "
            f"{ref.seconds:.1f} s",
            flush=True,
        )
        if ref.processed != ref.pages_in:
            print("the reference batch did not finish cleanly:", *ref.notes, sep="\n  ")
            return 1
        print(HEADER, flush=True)
        for run in range(1, args.runs + 1):
            mode = "worker" if run % 2 else "horse"
            delay = 0.0 if run <= 2 else rng.uniform(0.0, 0.8 * ref.seconds)  # runs 1-2: right at the start
            r, _ = run_batch(cl, pages, run, args.workers, args.extractor, Kill(mode, delay), expected)
            results.append(r)
            print(r.row(), flush=True)
            for n in r.notes:
                print("     ", n, flush=True)
    killed = [r for r in results if r.killed]
    retries = [r.retried_after for r in killed if r.retried_after is not None]
    requeues = [r.requeued_after for r in killed if r.requeued_after is not None]
    pages_in = sum(r.pages_in for r in results)
    processed = sum(r.processed for r in results)
    lost = sum(r.lost for r in results)
    dup = sum(r.duplicated for r in results)
    print(
        f"\n{len(results)} runs ({args.extractor} OCR, {args.pages} sheets, {args.workers} workers, "
        f"started {started:%Y-%m-%d %H:%M} UTC): pages in {pages_in} / processed {processed} / "
        f"lost {lost} / duplicated {dup}"
    )
    print(f"killed while holding a page: {len(killed)} of {len(results)}")
    if requeues:
        print(
            f"back in the queue after the kill: median {sorted(requeues)[len(requeues) // 2]:.2f} s, slowest {max(requeues):.2f} s"
        )
    if retries:
        print(
            f"extraction started again after the kill: median {sorted(retries)[len(retries) // 2]:.2f} s, "
            f"slowest {max(retries):.2f} s (target <= 60 s)"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False) + "\n")
    ok = lost == 0 and dup == 0 and processed == pages_in and all(not r.notes for r in killed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
