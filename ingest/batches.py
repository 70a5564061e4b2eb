"""Batches (one employer's file) and the page event log (append-only)."""

from __future__ import annotations

import getpass
import os
import socket

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_core.db import Batch, PageEventRow, utcnow
from archive_core.errors import UsageError


def default_actor() -> str:
    """Who did it, when no operator was named: the OS user at this host."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    return f"{user}@{socket.gethostname()}"


def worker_actor() -> str:
    return f"worker:{socket.gethostname()}:{os.getpid()}"


def get_or_create_batch(
    session: Session, *, employer: str, file_no: str, box: str | None, operator: str | None
) -> Batch:
    """The batch for (employer, file number); box and operator fill in what was missing."""
    employer = " ".join(employer.split())
    file_no = file_no.strip()
    if not employer:
        raise UsageError("--employer не може да е празно: посочете името на работодателя")
    if not file_no:
        raise UsageError("--file-no не може да е празно: посочете номера на делото")
    batch = session.scalars(select(Batch).where(Batch.employer == employer, Batch.file_no == file_no)).first()
    if batch is None:
        batch = Batch(employer=employer, file_no=file_no, box=box, operator=operator, created_at=utcnow())
        session.add(batch)
        session.flush()
    else:
        if box and not batch.box:
            batch.box = box
        if operator and not batch.operator:
            batch.operator = operator
    return batch


def add_event(session: Session, page_sha256: str, kind: str, actor: str, detail: str | None = None) -> None:
    """Append one event to a page's log (never updated, never deleted)."""
    session.add(PageEventRow(page_sha256=page_sha256, kind=kind, actor=actor, at=utcnow(), detail=detail))
