"""``archive ingest``, ``archive scan``, ``archive fixity``, ``archive demo``."""

from __future__ import annotations

from pathlib import Path

import click

from archive_core.errors import EXIT_SOME_PAGES_FAILED, ArchiveError, IntegrityError


class SomePagesFailed(ArchiveError):
    """The batch ran, but some pages were refused or not recognised (each listed on stderr)."""

    exit_code = EXIT_SOME_PAGES_FAILED


def _some_failed(n: int) -> SomePagesFailed:
    return SomePagesFailed(f"{n} страници не са приети или разчетени — вижте редовете по-горе")


def _report(summary) -> None:
    """Problems one line each on stderr, the summary line on stdout; exit 8 if any page failed."""
    for p in summary.problems:
        click.echo(p.message, err=True)
    click.echo(summary.line())
    if not summary.ok:
        raise _some_failed(len(summary.problems))


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
    from archive_core.cli import load_settings
    from archive_core.progress import tqdm_progress

    from .pipeline import ingest_paths

    settings = load_settings()
    summary = ingest_paths(
        settings,
        list(paths),
        employer=employer,
        file_no=file_no,
        box=box,
        operator=operator,
        progress=tqdm_progress,
    )
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
    from archive_core.cli import load_settings
    from archive_core.progress import tqdm_progress
    from scanner_drivers.sane import SaneDriver

    from .pipeline import BatchInfo, ingest_captures

    settings = load_settings()
    driver = SaneDriver(device, pages=pages, resolution=resolution, mode=mode or None)
    summary = ingest_captures(
        settings,
        driver.pages(),
        BatchInfo(employer=employer, file_no=file_no, box=box, operator=operator),
        progress=tqdm_progress,
        total=pages,
    )
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
    from archive_core.cli import load_settings
    from archive_core.progress import tqdm_progress

    from .fixity import run_fixity

    report = run_fixity(load_settings(), sample=sample, progress=tqdm_progress)
    for line in report.problems:
        click.echo(line, err=True)
    click.echo(report.line())
    if report.problems:
        raise IntegrityError(
            f"{len(report.missing)} липсващи и {len(report.changed)} променени оригинала"
            " — възстановете ги от резервното копие"
        )


@click.command()
@click.option(
    "--pages", type=click.IntRange(min=1), default=12, show_default=True, help="Брой примерни листове."
)
@click.option("--seed", type=int, default=2026, show_default=True, help="Начално число на генератора.")
def demo(pages: int, seed: int) -> None:
    """Generate sample sheets, run them through the whole pipeline, search and certify."""
    from archive_core.cli import load_settings
    from archive_core.progress import tqdm_progress

    from .demo import describe, run_demo

    settings = load_settings()
    result = run_demo(
        settings, pages=pages, seed=seed, progress=tqdm_progress, say=lambda m: click.echo(m, err=True)
    )
    for label, s in result.summaries:
        click.echo(f"{label}: {s.line()}")
    total = result.total
    for p in total.problems:
        click.echo(p.message, err=True)
    click.echo(
        f"Общо: {total.pages_in} страници, {result.records} записа,"
        f" {result.fields_under_review} полета за проверка"
    )
    if result.egn:
        click.echo(f"Търсене по ЕГН {result.egn}: {len(result.hits)} записа")
        if result.hits:
            shown = next((h for h in result.hits if not h.review), result.hits[0])
            click.echo("  " + describe(shown))
    if result.certificate:
        click.echo(f"Удостоверение: {result.certificate}")
    if result.accounts:
        click.echo("Вход в уеб приложението: 'archive serve', после http://127.0.0.1:8000/ —")
        click.echo("  потребител и парола, после шестцифреният код от приложение за удостоверяване")
        click.echo("  (FreeOTP, Google Authenticator: сканирайте QR кода при първия вход или въведете TOTP ключа;")
        click.echo("  без телефон: python3 -c \"import pyotp; print(pyotp.TOTP('КЛЮЧ').now())\").")
        for enrolment, password in result.accounts:
            click.echo(
                f"  {enrolment.role}: потребител {enrolment.username}, парола {password},"
                f" TOTP ключ {enrolment.totp_secret}"
            )
    if not total.ok:
        raise _some_failed(len(total.problems))
