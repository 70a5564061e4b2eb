"""One exception hierarchy; exit codes are mapped in one place (``exit_code`` attribute).

Page-level errors (``PageError`` and subclasses) fail that page alone: the pipeline records the
reason in the page ledger and carries on with the next page. ``retryable`` errors are the only
ones a queue retries.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """Base of every error the project raises on purpose. ``str(err)`` is one line a person can act on."""

    exit_code = 1
    retryable = False


class UsageError(ArchiveError):
    """Bad command-line input."""

    exit_code = 2


class ConfigError(ArchiveError):
    """Settings invalid or a configured server unusable."""

    exit_code = 3


class NotFoundError(ArchiveError):
    exit_code = 4


class NotAllowedError(ArchiveError):
    """The user may not do this (e.g. the clerk who issues a certificate verified some of its records)."""

    exit_code = 9


class PageError(ArchiveError):
    """A single page cannot be processed; it fails alone."""

    exit_code = 5


class InputFileError(PageError):
    """The input file is empty, not an image, truncated, too large or hostile (triage)."""


class ExtractionError(PageError):
    """OCR/table extraction could not make sense of the page."""


class BackendUnavailable(ArchiveError):
    """A server (database, Redis, Elasticsearch, S3) did not answer; try again later."""

    exit_code = 6
    retryable = True


class IntegrityError(ArchiveError):
    """Stored bytes do not match their digest, or a write-once object would be overwritten."""

    exit_code = 7


EXIT_OK = 0
EXIT_SOME_PAGES_FAILED = 8  # a batch ran, but some pages failed (each listed on stderr)
