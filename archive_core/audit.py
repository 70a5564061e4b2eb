"""The audit log: who signed in, searched, viewed a page or record, corrected and issued what, when
and — for searches and views — why. Rows are only ever added (the database refuses UPDATE/DELETE,
migration 0002). An ЕГН is written as HMAC-SHA256 under ``Settings.audit_key`` (generated once into
``<data_dir>/audit.key`` when the setting is unset), so the log can be searched by ЕГН without holding it.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from .config import Settings
from .db import AuditEntry, Database, utcnow
from .errors import ConfigError


class Action(enum.StrEnum):
    sign_in = "sign_in"  # password and second factor accepted
    sign_in_failed = "sign_in_failed"
    sign_out = "sign_out"
    search = "search"
    view_record = "view_record"
    view_page = "view_page"
    view_image = "view_image"
    citizen_copy = "citizen_copy"
    correction = "correction"
    reading_chosen = "reading_chosen"  # a clerk chose which of two differing readings of a month counts
    certificate_issued = "certificate_issued"
    certificate_view = "certificate_view"
    user_added = "user_added"
    user_disabled = "user_disabled"
    token_created = "token_created"


class Purpose(enum.StrEnum):
    """Why personal data is looked at (the short list; ``other`` needs a few words)."""

    certificate = "certificate"  # an application for a certificate of service or income
    person_request = "person_request"  # the person asks for their own data or a copy
    authority = "authority"  # a court, the prosecution, another public body
    verification = "verification"  # checking what OCR read against the page
    other = "other"


def _key_path(settings: Settings):
    return settings.resolved_data_dir / "audit.key"


def audit_key(settings: Settings) -> bytes:
    """The HMAC key: ``ARCHIVE_AUDIT_KEY``, or the one generated into the data dir on first use."""
    if settings.audit_key is not None:
        key = settings.audit_key.get_secret_value().encode()
        if len(key) < 16:
            raise ConfigError("ARCHIVE_AUDIT_KEY е твърде къс: поне 16 знака (по-добре 64 шестнадесетични)")
        return key
    path = _key_path(settings)
    if not path.exists():
        fd = None
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, secrets.token_hex(32).encode())
        except FileExistsError:
            pass  # another process made it first
        finally:
            if fd is not None:
                os.close(fd)
    key = path.read_bytes().strip()
    if len(key) < 16:
        raise ConfigError(f"{path}: ключът на дневника е повреден — възстановете го от резервното копие")
    return key


def egn_hash(key: bytes, egn: str) -> str:
    return hmac.new(key, egn.strip().encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    egn: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 200


class AuditLog:
    def __init__(self, db: Database, settings: Settings, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.key = audit_key(settings)
        self.clock = clock

    def record(
        self,
        actor: str,
        action: Action,
        *,
        role: str | None = None,
        outcome: str = "ok",
        target: str | None = None,
        egn: str | None = None,
        purpose: Purpose | None = None,
        purpose_text: str | None = None,
        detail: dict[str, Any] | None = None,
        client: str | None = None,
    ) -> None:
        with self.db.Session.begin() as s:
            s.add(
                AuditEntry(
                    at=self.clock(),
                    actor=actor[:64],
                    role=role,
                    action=str(action),
                    outcome=outcome,
                    target=target[:200] if target else None,
                    egn_hash=egn_hash(self.key, egn) if egn else None,
                    purpose=str(purpose) if purpose else None,
                    purpose_text=purpose_text[:500] if purpose_text else None,
                    detail=detail,
                    client=client[:64] if client else None,
                )
            )

    def entries(self, f: AuditFilter) -> list[AuditEntry]:
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, min(f.limit, 5000)))
        if f.actor:
            q = q.where(AuditEntry.actor == f.actor.strip().lower())
        if f.action:
            q = q.where(AuditEntry.action == f.action)
        if f.egn:
            q = q.where(AuditEntry.egn_hash == egn_hash(self.key, f.egn))
        if f.since:
            q = q.where(AuditEntry.at >= f.since)
        if f.until:
            q = q.where(AuditEntry.at < f.until)
        with self.db.Session() as s:
            return list(s.scalars(q).all())
