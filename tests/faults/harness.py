"""Shared pieces of the fault tests (and the ingest benchmark): sample pages with ground truth, a fleet
of ``archive worker`` processes, and the final tally "pages in / processed / lost / duplicated"."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from archive_core.config import Settings
from archive_core.db import Page, Record, open_database
from archive_core.records import PageStatus, PayrollPage
from ingest.backends import open_backends

from . import plugin

REPO = Path(__file__).resolve().parents[2]


def make_sample_pages(out: Path, n: int, *, seed: int = 4242, without_truth: int = 0) -> list[Path]:
    """``n`` pristine synthetic sheets with ground truth; the last ``without_truth`` of them lose their
    ground truth (the fake extractor then fails them)."""
    from samples.generate import Options, generate_pages

    paths = generate_pages(out, n, seed, options=Options(degraded=False))
    for p in paths[len(paths) - without_truth :] if without_truth else []:
        p.with_suffix(".json").unlink()
    return paths


def truth_rows(truth_dir: Path, source: str) -> int | None:
    p = truth_dir / f"{Path(source).stem}.json"
    return len(PayrollPage.load(p).rows) if p.exists() else None


@dataclass
class Tally:
    pages_in: int
    processed: int
    lost: int
    duplicated: int
    extractions: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"pages in {self.pages_in} / processed {self.processed} / lost {self.lost} / "
            f"duplicated {self.duplicated} (extractions started: {self.extractions})"
        )


def tally(
    settings: Settings,
    truth_dir: Path,
    pages_in: int,
    *,
    log: Path | None = None,
    expected: Mapping[str, int] | None = None,
) -> Tally:
    """Compare the ledger, the records and the search index with the ground truth.

    processed: pages ``done`` with exactly their ground-truth rows as records (and indexed);
    lost: pages that entered but are not processed; duplicated: records beyond the ground truth,
    in the database or in the search index. ``expected``: rows per page sha256 to use instead of
    the ground truth (with real OCR: the rows a clean run found)."""
    from indexer.backend import open_index

    db = open_database(settings)
    try:
        with db.Session() as s:
            pages = list(s.execute(select(Page.sha256, Page.source, Page.status, Page.indexed_at)))
            per_page = dict(
                s.execute(select(Record.page_sha256, func.count()).group_by(Record.page_sha256)).all()
            )
            db_records = sum(per_page.values())
    finally:
        db.dispose()
    index = open_index(settings)
    index.refresh()
    indexed = index.count()
    processed = 0
    duplicated = 0
    notes: list[str] = []
    for sha, source, status, indexed_at in pages:
        want = expected.get(sha) if expected is not None else truth_rows(truth_dir, source)
        got = per_page.get(sha, 0)
        if want is not None and got > want:
            duplicated += got - want
        if status == PageStatus.done and want is not None and got == want and indexed_at is not None:
            processed += 1
        else:
            notes.append(f"{source}: status={status} records={got}/{want} indexed={indexed_at is not None}")
    if indexed > db_records:
        duplicated += indexed - db_records
        notes.append(f"index holds {indexed} records, database {db_records}")
    lost = pages_in - processed
    return Tally(pages_in, processed, lost, duplicated, len(plugin.extraction_log(log)) if log else 0, notes)


def assert_exactly_once(t: Tally) -> None:
    print(t.line())
    for n in t.notes:
        print("  ", n)
    assert t.lost == 0, t.notes
    assert t.duplicated == 0, t.notes
    assert t.processed == t.pages_in


def server_env(settings: Settings) -> dict[str, str]:
    """ARCHIVE_* variables that give a worker process the same settings as ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIVE_")}
    for name, value in settings.model_dump(mode="json").items():
        if value is not None:
            env[f"ARCHIVE_{name.upper()}"] = str(value)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def worker_env(settings: Settings, truth_dir: Path, log: Path, *, slow: float = 0.0) -> dict[str, str]:
    env = server_env(settings)
    env["ARCHIVE_FAULT_PLUGIN"] = "tests.faults.plugin"
    env[plugin.ENV_TRUTH] = str(truth_dir)
    env[plugin.ENV_LOG] = str(log)
    env[plugin.ENV_SLOW] = str(slow)
    return env


class WorkerFleet:
    """``archive worker --processes N`` as a subprocess in its own process group."""

    def __init__(
        self, env: dict[str, str], processes: int = 2, log_path: Path | None = None, cwd: Path | None = None
    ) -> None:
        self.env = env
        self.processes = processes
        self.log_path = log_path
        self.cwd = cwd or REPO  # a "host" of its own: its own working folder
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerFleet:
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "archive_cli", "worker", "--processes", str(self.processes)],
            env=self.env,
            cwd=self.cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def descendants(self) -> list[int]:
        if self.proc is None:
            return []
        out: list[int] = []
        todo = [self.proc.pid]
        while todo:
            kids = children_of(todo.pop())
            out.extend(kids)
            todo.extend(kids)
        return out

    def session(self) -> list[int]:
        """Every process of this "host": its session (workers and horses leave the supervisor's
        process group, not its session)."""
        if self.proc is None:
            return []
        return session_members(self.proc.pid)

    def kill_host(self) -> int:
        """kill -9 every process of the host at once (a host that lost power); how many."""
        pids = self.session()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return len(pids)

    def terminate(self) -> None:
        """SIGTERM to the supervisor alone (as an operator's Ctrl-C or systemd KillMode=mixed)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        everyone = self.descendants()
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in everyone:  # workers live in their own process groups
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)

    def log_tail(self, n: int = 30) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])

    def __enter__(self) -> WorkerFleet:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _processes() -> Iterator[tuple[int, list[str]]]:
    """(pid, the fields of /proc/PID/stat after the command: state, ppid, pgrp, session, ...) of each
    process still there."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        yield int(entry.name), stat.rsplit(")", 1)[1].split()


def session_members(sid: int) -> list[int]:
    return [pid for pid, fields in _processes() if int(fields[3]) == sid and fields[0] != "Z"]


def children_of(pid: int) -> list[int]:
    return [child for child, fields in _processes() if int(fields[1]) == pid]


def kill_busy_worker(
    redis_url: str,
    timeout: float = 30.0,
    *,
    which: Callable[[str], bool] = lambda job_id: True,
    target: str = "both",
) -> str:
    """kill -9 one rq worker that is in the middle of a job ``which`` accepts: ``target`` "both" its
    process and its children, "worker" its process alone (the work horse dies with it), "horse" its
    work horse alone (the child in a process group of its own). Returns the job id."""
    import redis
    from rq import Worker

    conn = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in Worker.all(connection=conn):
            job_id = w.get_current_job_id()
            if job_id and w.pid and which(job_id):
                children = children_of(w.pid)
                if target == "horse":
                    horses = [c for c in children if _pgid(c) == c]
                    if not horses:
                        continue
                    os.kill(horses[0], signal.SIGKILL)
                    return job_id
                for child in children if target == "both" else []:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(child, signal.SIGKILL)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(w.pid, signal.SIGKILL)
                return job_id
        time.sleep(0.05)
    raise AssertionError("no rq worker picked up a job in time")


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def wait_for(pred: Callable[[], bool], timeout: float, what: str, poll: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def ledger_count(settings: Settings, *statuses: str) -> int:
    db = open_database(settings)
    try:
        with db.Session() as s:
            q = select(func.count()).select_from(Page)
            if statuses:
                q = q.where(Page.status.in_(statuses))
            return int(s.scalar(q) or 0)
    finally:
        db.dispose()


class Background:
    """Run a blocking call (e.g. ``ingest_paths``) in a thread; ``result()`` re-raises its error."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._value: Any = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._value = fn(*args, **kwargs)
            except BaseException as e:  # handed to the test thread
                self._error = e

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def result(self, timeout: float) -> Any:
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise AssertionError(f"still running after {timeout:.0f}s")
        if self._error is not None:
            raise self._error
        return self._value


@contextlib.contextmanager
def fleet(env: dict[str, str], tmp: Path, processes: int = 2) -> Iterator[WorkerFleet]:
    f = WorkerFleet(env, processes, tmp / "workers.log").start()
    try:
        yield f
    except BaseException:
        print(f.log_tail(60))
        raise
    finally:
        f.stop()


def ingest_all(
    settings: Settings, paths: Sequence[Path], employer: str = "ДЗС Тест", file_no: str = "1/2026"
) -> Any:
    from ingest.pipeline import ingest_paths

    return ingest_paths(open_backends(settings), list(paths), employer=employer, file_no=file_no)


@dataclass
class Batch:
    """One fault scenario's batch: the ingest running in the background while workers process it."""

    settings: Settings
    pages: list[Path]
    log: Path  # the fake extractor's log of extractions started
    run: Background

    def tally(self) -> Tally:
        return tally(self.settings, self.pages[0].parent, len(self.pages), log=self.log)


@contextlib.contextmanager
def batch_under_workers(
    settings: Settings, pages: list[Path], tmp: Path, *, slow: float, processes: int = 2
) -> Iterator[Batch]:
    """Start a worker fleet with the slowed fake extractor and ingest ``pages`` in the background."""
    log = tmp / "extract.log"
    env = worker_env(settings, pages[0].parent, log, slow=slow)
    with fleet(env, tmp, processes=processes):
        yield Batch(settings, pages, log, Background(ingest_all, settings, pages))
