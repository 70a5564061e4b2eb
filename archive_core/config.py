"""One settings object, read from ``ARCHIVE_*`` environment variables and validated at start.

Nothing else in the project reads the environment for configuration: components receive a
``Settings`` instance (CLI builds one, ``create_app(settings)`` takes one, tests build their own).
Unset server URLs mean the embedded default for that role.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ARCHIVE_", extra="ignore")

    data_dir: Path = Field(Path("./archive-data"), description="root of everything the embedded defaults keep")

    # Production backends; None = embedded default.
    database_url: str | None = Field(None, description="postgresql://user@host:5432/db; unset = SQLite under data_dir")
    redis_url: str | None = Field(None, description="redis://host:6379/0; unset = in-process workers")
    elasticsearch_url: str | None = Field(None, description="http://host:9200; unset = embedded SQLite index")
    s3_endpoint: str | None = Field(None, description="host:port of MinIO/S3; unset = content-addressed files")
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_bucket: str = "archive-originals"
    s3_derivatives_bucket: str = "archive-derivatives"
    s3_secure: bool = False
    s3_region: str | None = None

    # Search index name / alias (Elasticsearch) .
    index_alias: str = "payroll-records"

    # Work queue.
    queue_name: str = "pages"
    job_timeout: int = Field(600, ge=1, description="seconds one page may take before its job is failed")
    job_retries: int = Field(3, ge=0, description="retries for retryable errors (backend unavailable)")
    stuck_after: int = Field(900, ge=1, description="seconds after which a page still 'processing' is re-queued")
    worker_heartbeat: int = Field(
        15, ge=2, description="seconds without a heartbeat after which an rq worker (or its host) is taken for dead"
    )
    workers: int = Field(0, ge=0, description="in-process OCR workers; 0 = one per core")

    # OCR.
    ocr_lang: str = Field("bul", description="tesseract model for text (names, headings, header) and second readings")
    ocr_digits_lang: str = Field("eng", description="tesseract model for the first reading of the figures' columns")
    max_pixels: int = Field(120_000_000, ge=1, description="largest page image accepted (width*height)")
    max_file_bytes: int = Field(512 * 1024 * 1024, ge=1)

    # Web app.
    host: str = "127.0.0.1"
    port: int = 8000

    # Sign-in, sessions and audit (archive_core.accounts, archive_core.audit, archive_api.auth).
    audit_key: SecretStr | None = Field(
        None, description="HMAC key for ЕГН in the audit log; unset = generated once into data_dir/audit.key"
    )
    session_minutes: int = Field(480, ge=1, description="a session ends this long after sign-in")
    session_idle_minutes: int = Field(30, ge=1, description="a session ends after this long without a request")
    signin_max_failures: int = Field(5, ge=1, description="wrong passwords/codes in a row before the lock")
    signin_lock_minutes: int = Field(15, ge=1, description="how long an account stays locked")
    signin_ip_attempts: int = Field(30, ge=1, description="sign-in attempts per address per 15 minutes")
    cookie_secure: bool | None = Field(
        None, description="Secure cookies; unset = when the request came over HTTPS"
    )

    @field_validator("database_url", "redis_url", "elasticsearch_url", "s3_endpoint", mode="before")
    @classmethod
    def _empty_is_unset(cls, v: object) -> object:
        return None if isinstance(v, str) and not v.strip() else v

    @cached_property
    def resolved_data_dir(self) -> Path:
        p = self.data_dir.expanduser().resolve()
        p.mkdir(parents=True, exist_ok=True)
        return p

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL in SQLAlchemy form (psycopg 3 driver for PostgreSQL)."""
        if not self.database_url:
            return f"sqlite:///{self.resolved_data_dir / 'archive.sqlite'}"
        url = self.database_url
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    def effective_workers(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)


def load_settings(**overrides: Any) -> Settings:
    """Build and validate the settings once per command; invalid settings are a ConfigError."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err.get("loc", ()))
        raise ConfigError(f"invalid setting ARCHIVE_{field.upper()}: {err.get('msg')}") from None
