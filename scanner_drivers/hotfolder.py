"""Hot folder (a scanner's scan-to-folder): files are taken once completely written and stable.

``watchdog`` reports every change in the folder; a file is *settled* when neither an event nor its
size and modification time have changed for ``stable_for`` seconds (a scanner writing a file slowly
keeps it unsettled). Files present when the watcher starts (dropped while it was stopped) are taken
too.

Settled files are handed on at most ``max_group`` at a time: a backlog (files dropped while the watcher
was stopped, or faster than they are ingested) is ingested group by group, and a watcher asked to stop
stops after the group in hand, not after the whole backlog.

Each file is taken at most once, also across restarts: after its pages have been handed on, the
file is recorded in ``<folder>/.archive-hotfolder/processed.jsonl`` by its sha256 and path; a file
dropped again with the same content under the same name is skipped (a copy under another name is
the same original, and the ledger counts it once). A file whose pages were all refused is moved to
``<folder>/rejected/`` with ``<name>.txt`` saying why.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from archive_core.hashing import sha256_hex

from .base import CapturedPage
from .files import IMAGE_SUFFIXES, FileDriver

STATE_DIR = ".archive-hotfolder"
REJECTED_DIR = "rejected"


@dataclass(frozen=True)
class Taken:
    """A settled file as read: its digest and its pages."""

    path: Path
    sha256: str
    pages: list[CapturedPage]


class _Changes(FileSystemEventHandler):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()
        self.last_event: dict[Path, float] = {}

    def _note(self, path: str | bytes) -> None:
        p = Path(os.fsdecode(path))
        if p.parent == self.folder:
            with self.lock:
                self.last_event[p] = time.monotonic()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        self._note(event.src_path)
        dest = getattr(event, "dest_path", None)
        if dest:
            self._note(dest)


class HotFolderDriver:
    def __init__(
        self,
        folder: Path,
        *,
        max_pixels: int,
        max_file_bytes: int | None = None,
        stable_for: float = 1.0,
        poll: float = 0.2,
        max_group: int = 16,
    ) -> None:
        self.folder = folder.resolve()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.state_dir = self.folder / STATE_DIR
        self.state_dir.mkdir(exist_ok=True)
        self.state_file = self.state_dir / "processed.jsonl"
        self.rejected = self.folder / REJECTED_DIR
        self.files = FileDriver([], max_pixels=max_pixels, max_file_bytes=max_file_bytes)
        self.stable_for, self.poll = stable_for, poll
        self.max_group = max(1, max_group)
        self.changes = _Changes(self.folder)
        self.observer: Observer | None = None  # type: ignore[valid-type]
        self.seen: dict[Path, tuple[int, int, float]] = {}  # size, mtime_ns, since when unchanged
        self.done: dict[Path, tuple[int, int]] = {}  # files taken or skipped, as they were then
        self.processed = self._load_state()

    # -- state ----------------------------------------------------------------------------------

    def _load_state(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        if self.state_file.exists():
            for line in self.state_file.read_text(encoding="utf-8").splitlines():
                try:
                    d = json.loads(line)
                except ValueError:
                    continue  # a line cut short by a crash: that file is taken again (the ledger dedups)
                out.add((d["sha256"], d["path"]))
        return out

    def record(self, taken: Taken, outcome: str) -> None:
        line = json.dumps({"sha256": taken.sha256, "path": str(taken.path), "outcome": outcome, "at": time.time()})
        with open(self.state_file, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.processed.add((taken.sha256, str(taken.path)))

    def reject(self, taken: Taken, reasons: Sequence[str]) -> Path:
        """Move a refused file to rejected/ with a .txt saying why."""
        self.rejected.mkdir(exist_ok=True)
        target = self.rejected / taken.path.name
        n = 1
        while target.exists():
            target = self.rejected / f"{taken.path.stem}-{n}{taken.path.suffix}"
            n += 1
        if taken.path.exists():
            shutil.move(str(taken.path), target)
        target.with_name(target.name + ".txt").write_text("\n".join(reasons) + "\n", encoding="utf-8")
        return target

    # -- watching -------------------------------------------------------------------------------

    def start(self) -> None:
        if self.observer is None:
            self.observer = Observer()
            self.observer.schedule(self.changes, str(self.folder), recursive=False)
            self.observer.start()

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None

    def _candidates(self) -> list[Path]:
        return sorted(
            p for p in self.folder.iterdir()
            if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")
        )  # fmt: skip

    def settled(self) -> list[Path]:
        """Files that have not changed for ``stable_for`` seconds (size, time, no event)."""
        now = time.monotonic()
        out: list[Path] = []
        with self.changes.lock:
            events = dict(self.changes.last_event)
        for p in self._candidates():
            try:
                st = p.stat()
            except OSError:
                continue
            key = (st.st_size, st.st_mtime_ns)
            if self.done.get(p) == key:
                continue
            prev = self.seen.get(p)
            if prev is None or prev[:2] != key:
                self.seen[p] = (*key, now)
                continue
            quiet_since = max(prev[2], events.get(p, 0.0))
            if st.st_size > 0 and now - quiet_since >= self.stable_for:
                out.append(p)
        return out

    def take(self, path: Path) -> Taken | None:
        """Read a settled file; None when it was taken before (same content, same path)."""
        try:
            st = path.stat()
            data = path.read_bytes()
        except OSError:
            return None
        sha = sha256_hex(data)
        self.seen.pop(path, None)
        self.done[path] = (st.st_size, st.st_mtime_ns)
        if (sha, str(path)) in self.processed:
            return None
        return Taken(path, sha, list(self.files.capture_file(path)))

    def wait(self, *, idle_exit: float | None = None, stop: threading.Event | None = None) -> Iterator[list[Taken]]:
        """Groups of newly settled files (``max_group`` at most), as they settle; ends after
        ``idle_exit`` seconds with no file in the folder waiting, or when ``stop`` is set (checked
        between groups: the rest of a backlog stays for the next start)."""
        self.start()
        idle_since = time.monotonic()
        try:
            while not (stop is not None and stop.is_set()):
                group: list[Taken] = []
                for p in self.settled():
                    if len(group) >= self.max_group:
                        break  # the others are settled still: the next group
                    if (t := self.take(p)) is not None:
                        group.append(t)
                if group:
                    yield group
                    idle_since = time.monotonic()
                    continue
                pending = [p for p in self._candidates() if p in self.seen]
                if pending:
                    idle_since = time.monotonic()
                if idle_exit is not None and time.monotonic() - idle_since >= idle_exit:
                    return
                time.sleep(self.poll)
        finally:
            self.stop()

    def pages(self) -> Iterator[CapturedPage]:
        """The ScannerDriver view: every page of the files that settle until the folder is quiet
        for a few seconds (each file recorded once its pages have been handed on)."""
        for group in self.wait(idle_exit=max(3.0, 3 * self.stable_for)):
            for taken in group:
                yield from taken.pages
                self.record(taken, "taken")
