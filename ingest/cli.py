"""``archive ingest``, ``archive scan``, ``archive fixity``."""

from __future__ import annotations

from pathlib import Path

import click

from archive_core.config import load_settings
from archive_core.errors import EXIT_SOME_PAGES_FAILED, ArchiveError, IntegrityError
from archive_core.progress import tqdm_progress
from scanner_drivers.sane import SaneDriver

from .backends import open_backends
from .fixity import run_fixity
from .pipeline import BatchInfo, ingest_captures, ingest_paths


class SomePagesFailed(ArchiveError):
    """The batch ran, but some pages were refused or not recognised (each listed on stderr)."""

    exit_code = EXIT_SOME_PAGES_FAILED


def some_failed(n: int) -> SomePagesFailed:
    return SomePagesFailed(f"{n} страници не са приети или разчетени — вижте редовете по-горе")


def _report(summary) -> None:
    """Problems one line each on stderr, the summary line on stdout; exit 8 if any page failed."""
    for p in summary.problems:
        click.echo(p.message, err=True)
    click.echo(summary.line())
    if not summary.ok:
        raise some_failed(len(summary.problems))


_batch_options = [
    click.option("--employer", required=True, help="Работодател, чието е делото."),
    click.option("--file-no", required=True, help="Номер на делото."),
    click.option("--box", default=None, help="Архивна кутия, в която се пази делото."),
    click.option("--operator", default=None, help="Кой сканира/въвежда (записва се в дневника)."),
]


def _with_batch_options(f):
    for opt in reversed(_batch_options):
        f = opt(f)
    return f


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_with_batch_options
def ingest(
    paths: tuple[Path, ...], employer: str, file_no: str, box: str | None, operator: str | None
) -> None:
    """Ingest page images (PNG, JPEG, multi-page TIFF, PDF; folders too) of one employer's file."""
    backends = open_backends(load_settings())
    try:
        summary = ingest_paths(
            backends,
            list(paths),
            employer=employer,
            file_no=file_no,
            box=box,
            operator=operator,
            progress=tqdm_progress,
        )
    finally:
        backends.close()
    _report(summary)


@click.command()
@click.option(
    "--device", default="test:0", show_default=True, help="Устройство на SANE (вижте scanimage -L)."
)
@click.option(
    "--pages", type=click.IntRange(min=1), default=1, show_default=True, help="Брой страници за сканиране."
)
@click.option(
    "--resolution",
    type=click.IntRange(75, 1200),
    default=300,
    show_default=True,
    help="Разделителна способност (dpi).",
)
@click.option("--mode", default="Gray", show_default=True, help="Режим на сканиране (Gray, Color, ...).")
@_with_batch_options
def scan(
    device: str,
    pages: int,
    resolution: int,
    mode: str,
    employer: str,
    file_no: str,
    box: str | None,
    operator: str | None,
) -> None:
    """Scan pages from a SANE scanner and ingest them into one employer's file."""
    driver = SaneDriver(device, pages=pages, resolution=resolution, mode=mode or None)
    backends = open_backends(load_settings())
    try:
        summary = ingest_captures(
            backends,
            driver.pages(),
            BatchInfo(employer=employer, file_no=file_no, box=box, operator=operator),
            progress=tqdm_progress,
            total=pages,
        )
    finally:
        backends.close()
    _report(summary)


@click.command()
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    default=None,
    help="Проверка само на N случайно избрани оригинала.",
)
def fixity(sample: int | None) -> None:
    """Re-hash stored originals against the database; report missing and changed ones."""
    backends = open_backends(load_settings(), with_queue=False)
    try:
        report = run_fixity(backends, sample=sample, progress=tqdm_progress)
    finally:
        backends.close()
    for line in report.problems:
        click.echo(line, err=True)
    click.echo(report.line())
    if report.problems:
        raise IntegrityError(
            f"{len(report.missing)} липсващи и {len(report.changed)} променени оригинала"
            " — възстановете ги от резервното копие"
        )
