"""Fixity: re-hash stored originals against the page ledger; every check is recorded."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import select

from archive_core.backends import Backends
from archive_core.db import FixityCheck, Page, utcnow
from archive_core.errors import NotFoundError
from archive_core.hashing import sha256_hex
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus

from .batches import add_event, default_actor


@dataclass
class FixityReport:
    checked: int = 0
    ok: int = 0
    missing: list[str] = field(default_factory=list)  # lines: "<sha256> (<source>): ..."
    changed: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.missing + self.changed

    def line(self) -> str:
        return (
            f"Проверени оригинали: {self.checked}; изправни: {self.ok};"
            f" липсващи: {len(self.missing)}; променени: {len(self.changed)}"
        )


def run_fixity(
    backends: Backends,
    *,
    sample: int | None = None,
    seed: int | None = None,
    actor: str | None = None,
    progress: ProgressFactory = null_progress,
) -> FixityReport:
    """Check every stored original (or a random ``sample`` of them) against its digest."""
    actor = actor or default_actor()
    store, db = backends.store, backends.db
    report = FixityReport()
    with db.Session() as s:
        rows = s.execute(
            select(Page.sha256, Page.source).where(Page.status != PageStatus.rejected).order_by(Page.sha256)
        ).all()
    pages = [(str(r[0]), str(r[1])) for r in rows]
    if sample is not None and sample < len(pages):
        pages = random.Random(seed).sample(pages, sample)
    bar = progress(total=len(pages), desc="Проверка", unit=" стр.")
    try:
        for sha, source in pages:
            detail: str | None
            try:
                data = store.read_unverified(sha)
            except NotFoundError:
                outcome, detail = "missing", "оригиналът липсва в хранилището"
            else:
                actual = sha256_hex(data)
                if actual == sha:
                    outcome, detail = "ok", None
                else:
                    outcome, detail = "changed", f"съдържанието е променено (sha256 сега {actual})"
            report.checked += 1
            if outcome == "ok":
                report.ok += 1
            else:
                line = f"{sha} ({source}): {detail}"
                (report.missing if outcome == "missing" else report.changed).append(line)
            with db.Session() as s:
                s.add(FixityCheck(sha256=sha, at=utcnow(), outcome=outcome, detail=detail))
                add_event(
                    s, sha, "fixity-checked", actor, outcome if detail is None else f"{outcome}: {detail}"
                )
                s.commit()
            bar.update(1)
    finally:
        bar.close()
    return report
