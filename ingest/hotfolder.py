"""Ingest from a hot folder: each group of files that settles goes through the pipeline at once.

A file is recorded as processed (``scanner_drivers.hotfolder``) only after its pages have been
admitted, so a watcher stopped at any moment takes the unrecorded files again on its next start and
the ledger (keyed by sha256) counts each page once. A file whose pages were all refused goes to
``rejected/`` with the reasons.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from archive_core.backends import Backends
from archive_core.progress import ProgressFactory, null_progress
from scanner_drivers.base import CapturedPage
from scanner_drivers.hotfolder import HotFolderDriver

from .pipeline import Admitted, BatchInfo, IngestSummary, Problem, ingest_captures


@dataclass
class FolderSummary:
    files: int = 0
    rejected_files: int = 0
    pages: IngestSummary = field(default_factory=IngestSummary)

    def add(self, s: IngestSummary) -> None:
        t = self.pages
        for name in ("pages_in", "stored", "duplicates", "rejected", "blank", "separators", "held_duplicates",
                     "failed", "done", "records", "fields_under_review"):  # fmt: skip
            setattr(t, name, getattr(t, name) + getattr(s, name))
        t.index_pending = s.index_pending
        t.problems += s.problems
        t.notes += s.notes
        t.page_sha256s += [x for x in s.page_sha256s if x not in t.page_sha256s]

    def line(self) -> str:
        return f"Файлове: {self.files} взети, {self.rejected_files} в rejected/. " + self.pages.line()


def watch_folder(
    backends: Backends,
    driver: HotFolderDriver,
    batch: BatchInfo,
    *,
    idle_exit: float | None = None,
    stop: threading.Event | None = None,
    progress: ProgressFactory = null_progress,
    on_page: Callable[[str], None] = lambda _line: None,
) -> FolderSummary:
    total = FolderSummary()
    for group in driver.wait(idle_exit=idle_exit, stop=stop):
        outcomes: dict[str, list[Admitted]] = defaultdict(list)

        def note(captured: CapturedPage, adm: Admitted, outcomes: dict[str, list[Admitted]] = outcomes) -> None:
            outcomes[captured.source].append(adm)

        pages = [p for taken in group for p in taken.pages]
        summary = ingest_captures(backends, pages, batch, progress=progress, on_page=on_page, on_admitted=note)
        batch = summary.batch or batch
        total.add(summary)
        for taken in group:
            total.files += 1
            got = outcomes.get(str(taken.path), [])
            if got and all(a.outcome == "rejected" for a in got):
                reasons = [a.message or "страницата не е приета" for a in got]
                moved = driver.reject(taken, reasons)
                total.rejected_files += 1
                total.pages.notes.append(Problem(str(taken.path), f"{taken.path.name} преместен в {moved}"))
                driver.record(taken, "rejected")
            else:
                driver.record(taken, "taken")
    return total
