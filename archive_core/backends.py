"""The backends of one program, as one object.

Chosen once where a program starts (a CLI command, the app factory, a worker's start) by
``ingest.backends.open_backends`` from the settings, and passed down; nothing below opens a backend
of its own. Unset server settings mean the embedded default (archive_core/config.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Settings
from .db import Database
from .protocols import JobQueue, OriginalStore, RecordIndex


@dataclass
class Backends:
    settings: Settings
    db: Database
    store: OriginalStore
    index: RecordIndex
    queue: JobQueue | None = None  # only programs that feed the queue open one

    def close(self) -> None:
        self.db.dispose()
