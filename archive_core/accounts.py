"""Staff accounts: roles, passwords (argon2), the TOTP second factor, sessions and API tokens.

One class, ``Accounts(db, settings, clock)``, owns every rule: a wrong password or code counts
towards a lock (``signin_max_failures`` in a row lock the account for ``signin_lock_minutes``); a TOTP
code is accepted once (the user's last accepted time step is kept, an older or equal step is a
replay); sessions end ``session_minutes`` after sign-in or ``session_idle_minutes`` after the last
request, and can be revoked; cookie values and API tokens are random and only their sha256 is kept.
The web layer (archive_api.auth) and the CLI (archive_api.users_cli) only call it.
"""

from __future__ import annotations

import enum
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update

from .config import Settings
from .db import ApiToken, Database, SessionRow, User, utcnow
from .errors import NotFoundError, UsageError

ISSUER = "NOI-archive"
TOKEN_PREFIX = "pa_"
MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_TOTP_STEP = 30


class Role(enum.StrEnum):
    scan_operator = "scan_operator"
    verifier = "verifier"
    clerk = "clerk"
    administrator = "administrator"
    citizen = "citizen"  # reserved: citizens sign in their own way (their own issue)


STAFF_ROLES: tuple[Role, ...] = (Role.scan_operator, Role.verifier, Role.clerk, Role.administrator)


class Refusal(enum.StrEnum):
    """Why a sign-in step was refused (kept in the audit log; the user sees one general message)."""

    bad_credentials = "bad_credentials"
    locked = "locked"
    disabled = "disabled"
    bad_code = "bad_code"
    replayed_code = "replayed_code"
    no_session = "no_session"


@dataclass(frozen=True)
class Principal:
    """The signed-in user of one request."""

    user_id: int
    username: str
    role: Role
    via: str  # "session" | "token"
    session_id: str | None = None  # sha256 of the cookie value
    csrf_token: str | None = None  # the session's CSRF token (None for API tokens)


@dataclass(frozen=True)
class Enrolment:
    username: str
    role: Role
    totp_secret: str
    totp_uri: str


@dataclass(frozen=True)
class UserInfo:
    username: str
    role: str
    disabled: bool
    totp_confirmed: bool
    locked_until: datetime | None
    created_at: datetime
    tokens: int


@dataclass(frozen=True)
class StepResult:
    """Outcome of one sign-in step: a user id when accepted, else the refusal."""

    user_id: int | None
    username: str
    role: Role | None = None
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _aware(dt: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were stored as UTC."""
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def totp_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def check_role(role: str) -> Role:
    try:
        r = Role(role)
    except ValueError:
        r = None
    if r is None or r not in STAFF_ROLES:
        raise UsageError(f"няма роля {role!r}: изберете една от {', '.join(STAFF_ROLES)}")
    return r


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"паролата е твърде къса: поне {MIN_PASSWORD} знака")


class Accounts:
    def __init__(self, db: Database, settings: Settings, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.hasher = PasswordHasher()
        self._dummy_hash = self.hasher.hash(secrets.token_hex(16))  # equal time for unknown names

    # ----------------------------------------------------------------- administration (CLI, demo)

    def add_user(self, username: str, role: str, password: str) -> Enrolment:
        username = username.strip().lower()
        if not _USERNAME.match(username):
            raise UsageError(
                f"потребителското име {username!r} не става: малки латински букви, цифри, '.', '_', '-' (2-64 знака)"
            )
        r = check_role(role)
        check_new_password(password)
        secret = pyotp.random_base32()
        with self.db.Session.begin() as s:
            if s.scalar(select(User.id).where(User.username == username)) is not None:
                raise UsageError(f"потребител {username} вече има: изберете друго име")
            s.add(
                User(
                    username=username,
                    role=str(r),
                    password_hash=self.hasher.hash(password),
                    totp_secret=secret,
                    created_at=self.clock(),
                )
            )
        return Enrolment(username, r, secret, totp_uri(secret, username))

    def reset_password(self, username: str, password: str) -> Enrolment:
        """A new password (the TOTP key stays); unlocks the account. Returns the enrolment data."""
        check_new_password(password)
        with self.db.Session.begin() as s:
            user = self._user(s, username)
            user.password_hash = self.hasher.hash(password)
            user.failed_signins = 0
            user.locked_until = None
            return Enrolment(
                user.username, Role(user.role), user.totp_secret, totp_uri(user.totp_secret, user.username)
            )

    def exists(self, username: str) -> bool:
        with self.db.Session() as s:
            return s.scalar(select(User.id).where(User.username == username.strip().lower())) is not None

    def _user(self, s, username: str) -> User:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise NotFoundError(f"няма потребител {username}: вижте 'archive users list'")
        return user

    def list_users(self) -> list[UserInfo]:
        with self.db.Session() as s:
            users = s.scalars(select(User).order_by(User.username)).all()
            out = []
            for u in users:
                tokens = len(
                    s.scalars(
                        select(ApiToken.id).where(ApiToken.user_id == u.id, ApiToken.revoked_at.is_(None))
                    ).all()
                )
                out.append(
                    UserInfo(
                        u.username,
                        u.role,
                        u.disabled,
                        u.totp_confirmed,
                        _aware(u.locked_until),
                        _aware(u.created_at) or self.clock(),
                        tokens,
                    )
                )
            return out

    def disable(self, username: str) -> None:
        """The user can no longer sign in; every session and API token of theirs stops working."""
        now = self.clock()
        with self.db.Session.begin() as s:
            user = self._user(s, username)
            user.disabled = True
            s.execute(
                update(SessionRow)
                .where(SessionRow.user_id == user.id, SessionRow.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            s.execute(
                update(ApiToken)
                .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=now)
            )

    def unlock(self, username: str) -> None:
        with self.db.Session.begin() as s:
            user = self._user(s, username)
            user.failed_signins = 0
            user.locked_until = None

    def create_token(self, username: str, label: str | None = None) -> tuple[int, str]:
        """A new API token (shown once: only its sha256 is kept). Returns (token id, token)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.db.Session.begin() as s:
            user = self._user(s, username)
            if user.disabled:
                raise UsageError(f"потребител {username} е изключен: не може да получи ключ")
            row = ApiToken(
                user_id=user.id, token_hash=sha256_hex(token), label=label, created_at=self.clock()
            )
            s.add(row)
            s.flush()
            return row.id, token

    def revoke_token(self, token_id: int) -> None:
        with self.db.Session.begin() as s:
            row = s.get(ApiToken, token_id)
            if row is None:
                raise NotFoundError(f"няма ключ {token_id}")
            if row.revoked_at is None:
                row.revoked_at = self.clock()

    # ----------------------------------------------------------------- sign-in steps

    def _refuse(self, user: User, refusal: Refusal) -> StepResult:
        """Count one failure; the N-th in a row locks the account."""
        user.failed_signins += 1
        if user.failed_signins >= self.settings.signin_max_failures:
            user.locked_until = self.clock() + timedelta(minutes=self.settings.signin_lock_minutes)
        return StepResult(user.id, user.username, Role(user.role), refusal)

    def _blocked(self, user: User) -> Refusal | None:
        if user.disabled:
            return Refusal.disabled
        locked = _aware(user.locked_until)
        if locked is not None and locked > self.clock():
            return Refusal.locked
        return None

    def check_password(self, username: str, password: str) -> StepResult:
        name = username.strip().lower()[:64]
        with self.db.Session.begin() as s:
            user = s.scalar(select(User).where(User.username == name))
            if user is None:
                self._verify(self._dummy_hash, password)
                return StepResult(None, name, None, Refusal.bad_credentials)
            blocked = self._blocked(user)
            if blocked is not None:
                return StepResult(user.id, user.username, Role(user.role), blocked)
            if not self._verify(user.password_hash, password):
                return self._refuse(user, Refusal.bad_credentials)
            if self.hasher.check_needs_rehash(user.password_hash):
                user.password_hash = self.hasher.hash(password)
            return StepResult(user.id, user.username, Role(user.role))

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    def check_code(self, user_id: int, code: str) -> StepResult:
        """The TOTP code of the current, previous or next 30 s step, never one already used."""
        code = re.sub(r"\s", "", code or "")
        with self.db.Session.begin() as s:
            user = s.get(User, user_id)
            if user is None:
                return StepResult(None, "?", None, Refusal.no_session)
            blocked = self._blocked(user)
            if blocked is not None:
                return StepResult(user.id, user.username, Role(user.role), blocked)
            totp = pyotp.TOTP(user.totp_secret)
            now = self.clock()
            step_now = int(now.timestamp()) // _TOTP_STEP
            matched = [
                step
                for step in (step_now - 1, step_now, step_now + 1)
                if code.isdigit() and secrets.compare_digest(totp.at(step * _TOTP_STEP), code)
            ]
            if not matched:
                return self._refuse(user, Refusal.bad_code)
            if matched[0] <= user.totp_last_step:
                return self._refuse(user, Refusal.replayed_code)
            user.totp_last_step = matched[0]
            user.totp_confirmed = True
            user.failed_signins = 0
            user.locked_until = None
            return StepResult(user.id, user.username, Role(user.role))

    def totp_secret(self, user_id: int) -> tuple[str, str, bool]:
        """(secret, otpauth URI, confirmed) for the enrolment page."""
        with self.db.Session() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFoundError("няма такъв потребител")
            return user.totp_secret, totp_uri(user.totp_secret, user.username), user.totp_confirmed

    # ----------------------------------------------------------------- sessions

    def start_session(self, user_id: int, stage: str) -> str:
        """A new session; returns the cookie value. ``stage`` "password": second factor pending
        (lives 5 minutes); "full": signed in."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        life = timedelta(minutes=self.settings.session_minutes) if stage == "full" else timedelta(minutes=5)
        with self.db.Session.begin() as s:
            s.add(
                SessionRow(
                    id=sha256_hex(token),
                    user_id=user_id,
                    stage=stage,
                    csrf_token=secrets.token_urlsafe(32),
                    created_at=now,
                    last_seen_at=now,
                    expires_at=now + life,
                )
            )
        return token

    def _live_session(self, s, token: str, stage: str) -> tuple[SessionRow, User] | None:
        row = s.get(SessionRow, sha256_hex(token))
        if row is None or row.stage != stage or row.revoked_at is not None:
            return None
        now = self.clock()
        expires = _aware(row.expires_at)
        last = _aware(row.last_seen_at)
        assert expires is not None and last is not None
        if expires <= now or last + timedelta(minutes=self.settings.session_idle_minutes) <= now:
            return None
        user = s.get(User, row.user_id)
        if user is None or user.disabled:
            return None
        if now - last > timedelta(seconds=60):  # keep writes rare: once a minute is enough for idling
            row.last_seen_at = now
        return row, user

    def pending_user(self, token: str | None) -> int | None:
        """The user whose password was accepted in this (second-factor-pending) session."""
        if not token:
            return None
        with self.db.Session.begin() as s:
            live = self._live_session(s, token, "password")
            return live[1].id if live else None

    def principal_from_session(self, token: str | None) -> Principal | None:
        if not token:
            return None
        with self.db.Session.begin() as s:
            live = self._live_session(s, token, "full")
            if live is None:
                return None
            row, user = live
            return Principal(user.id, user.username, Role(user.role), "session", row.id, row.csrf_token)

    def principal_from_token(self, token: str | None) -> Principal | None:
        if not token or not token.startswith(TOKEN_PREFIX):
            return None
        now = self.clock()
        with self.db.Session.begin() as s:
            row = s.scalar(select(ApiToken).where(ApiToken.token_hash == sha256_hex(token)))
            if row is None or row.revoked_at is not None:
                return None
            user = s.get(User, row.user_id)
            if user is None or user.disabled:
                return None
            last = _aware(row.last_used_at)
            if last is None or now - last > timedelta(seconds=60):
                row.last_used_at = now
            return Principal(user.id, user.username, Role(user.role), "token")

    def end_session(self, token: str | None) -> None:
        if not token:
            return
        with self.db.Session.begin() as s:
            row = s.get(SessionRow, sha256_hex(token))
            if row is not None and row.revoked_at is None:
                row.revoked_at = self.clock()

    def revoke_sessions(self, username: str) -> int:
        with self.db.Session.begin() as s:
            user = self._user(s, username)
            res = s.execute(
                update(SessionRow)
                .where(SessionRow.user_id == user.id, SessionRow.revoked_at.is_(None))
                .values(revoked_at=self.clock())
            )
            return int(getattr(res, "rowcount", 0) or 0)
