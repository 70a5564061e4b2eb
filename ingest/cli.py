"""``archive ingest``, ``archive scan``, ``archive fixity``."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import select

from archive_core.config import load_settings
from archive_core.db import Page
from archive_core.errors import EXIT_SOME_PAGES_FAILED, ArchiveError, IntegrityError, UsageError
from archive_core.progress import tqdm_progress
from scanner_drivers.base import ScannerDriver, ScannerError
from scanner_drivers.escl import EsclDriver
from scanner_drivers.files import FileDriver, expand_paths
from scanner_drivers.hotfolder import HotFolderDriver
from scanner_drivers.sane import SaneDriver
from scanner_drivers.separator import Separator, separator_pdf

from .backends import open_backends
from .batches import default_actor
from .duplicates import keep_scan
from .fixity import run_fixity
from .hotfolder import watch_folder
from .pipeline import BatchInfo, index_pending, ingest_captures, ingest_paths


class SomePagesFailed(ArchiveError):
    """The batch ran, but some pages were refused or not recognised (each listed on stderr)."""

    exit_code = EXIT_SOME_PAGES_FAILED


def some_failed(n: int) -> SomePagesFailed:
    return SomePagesFailed(f"{n} страници не са приети или разчетени — вижте редовете по-горе")


def _report(summary, line: str | None = None) -> None:
    """Problems one line each on stderr; what the checks at capture found and the summary line on
    stdout; exit 8 if any page failed."""
    for p in summary.problems:
        click.echo(p.message, err=True)
    if summary.notes:
        click.echo("Проверки при сканиране:")
        for n in summary.notes:
            click.echo(f"  {n.message}")
    click.echo(line or summary.line())
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


DRIVERS = ("sane", "escl", "folder", "files")


def _resume_hint(driver: str, employer: str, file_no: str) -> str:
    return (
        f"За да продължите: archive scan --driver {driver} --employer \"{employer}\" --file-no {file_no} ..."
        " — страниците продължават в същото дело след вече приетите"
    )


@click.command()
@click.option("--driver", type=click.Choice(DRIVERS), default="sane", show_default=True,
              help="Откъде идват страниците: SANE скенер, eSCL (AirScan) скенер по мрежата, папка"
              " за сканиране (hot folder) или файлове.")  # fmt: skip
@click.option(
    "--device", default="test:0", show_default=True, help="SANE: устройство (вижте scanimage -L)."
)
@click.option("--url", default=None, help="eSCL: адрес на скенера, напр. http://192.168.1.20")
@click.option("--source", type=click.Choice(("flatbed", "adf", "duplex")), default="flatbed",
              show_default=True, help="eSCL: стъкло, подаващо устройство или двустранно.")  # fmt: skip
@click.option("--colour", type=click.Choice(("gray", "color", "bw")), default="gray", show_default=True,
              help="eSCL: цветови режим.")  # fmt: skip
@click.option("--folder", type=click.Path(path_type=Path), default=None, help="folder: папката за сканиране.")
@click.option("--idle-exit", type=float, default=None,
              help="folder: спиране след толкова секунди без нови файлове (по подразбиране: до Ctrl-C).")  # fmt: skip
@click.option("--stable-for", type=float, default=2.0, show_default=True,
              help="folder: файл се взема, когато не се е променял толкова секунди.")  # fmt: skip
@click.option(
    "--pages", type=click.IntRange(min=1), default=1, show_default=True, help="SANE: брой страници."
)
@click.option(
    "--resolution",
    type=click.IntRange(75, 1200),
    default=300,
    show_default=True,
    help="Разделителна способност (dpi).",
)
@click.option("--mode", default="Gray", show_default=True, help="SANE: режим на сканиране (Gray, Color, ...).")
@click.option("--replace", default=None, metavar="SHA",
              help="Повторно сканиране на една страница на нейното място в делото (sha256 или началото му).")  # fmt: skip
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_with_batch_options
def scan(
    driver: str,
    device: str,
    url: str | None,
    source: str,
    colour: str,
    folder: Path | None,
    idle_exit: float | None,
    stable_for: float,
    pages: int,
    resolution: int,
    mode: str,
    replace: str | None,
    paths: tuple[Path, ...],
    employer: str,
    file_no: str,
    box: str | None,
    operator: str | None,
) -> None:
    """Scan pages into one employer's file: one line per page (what the checks found), then a summary.

    A separator sheet (archive separator) in the stream starts the next employer's file."""
    settings = load_settings()
    batch = BatchInfo(employer=employer, file_no=file_no, box=box, operator=operator)
    source_driver: ScannerDriver
    total: int | None = None
    if driver == "folder":
        if folder is None:
            raise UsageError("--driver folder иска --folder ПАПКА")
        hot = HotFolderDriver(
            folder, max_pixels=settings.max_pixels, max_file_bytes=settings.max_file_bytes, stable_for=stable_for
        )
        backends = open_backends(settings)
        click.echo(f"Следя {hot.folder} (Ctrl-C за край)...", err=True)
        try:
            result = watch_folder(backends, hot, batch, idle_exit=idle_exit, on_page=click.echo)
        except KeyboardInterrupt:
            click.echo("Спряно. Взетите файлове са записани; при следващо пускане се вземат само новите.", err=True)
            return
        finally:
            backends.close()
        _report(result.pages, line=result.line())
        return
    if driver == "escl":
        if not url:
            raise UsageError("--driver escl иска --url АДРЕС на скенера")
        source_driver = EsclDriver(url, source=source, resolution=resolution, colour=colour)
    elif driver == "files":
        if not paths:
            raise UsageError("--driver files иска поне един файл или папка")
        source_driver = FileDriver(
            expand_paths(list(paths)), max_pixels=settings.max_pixels, max_file_bytes=settings.max_file_bytes
        )
    else:
        source_driver = SaneDriver(device, pages=pages, resolution=resolution, mode=mode or None)
        total = pages
    backends = open_backends(settings)
    try:
        summary = ingest_captures(
            backends,
            source_driver.pages(),
            batch,
            progress=tqdm_progress,
            total=total,
            on_page=click.echo,
            replace=replace,
        )
    finally:
        backends.close()
    if summary.interrupted:
        last = summary.batch or batch
        click.echo(
            f"Сканирането спря след {summary.pages_in} страници: {summary.interrupted}. Приетите страници са"
            f" запазени. {_resume_hint(driver, last.employer, last.file_no)}",
            err=True,
        )
    _report(summary)
    if summary.interrupted:
        raise ScannerError(summary.interrupted)


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


@click.command()
@click.option("--employer", required=True, help="Работодател на следващото дело.")
@click.option("--file-no", required=True, help="Номер на следващото дело.")
@click.option("--box", default=None, help="Архивна кутия.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="PDF файл за печат.")
def separator(employer: str, file_no: str, box: str | None, out: Path) -> None:
    """Print a separator sheet (PDF with a QR code and the same text): placed before an employer's
    file in the feeder or dropped into the scan folder, it starts that file and is not a page."""
    separator_pdf(Separator(" ".join(employer.split()), file_no.strip(), box), out)
    click.echo(f"Разделител за дело {file_no} на {employer}: {out}")


@click.command()
@click.argument("action", type=click.Choice(("list", "keep")), default="list")
@click.argument("sha", required=False)
def duplicates(action: str, sha: str | None) -> None:
    """The same sheet scanned twice: list the pairs, or keep one scan (its records count, the other's
    are held back)."""
    backends = open_backends(load_settings(), with_queue=False)
    try:
        if action == "keep":
            if not sha:
                raise UsageError("archive duplicates keep SHA: посочете кое сканиране да остане")
            with backends.db.Session() as s:
                kept, held = keep_scan(s, sha, default_actor())
                s.commit()
            backends.index.delete_page(held)
            index_pending(backends, only=[kept, held])
            click.echo(f"Запазено: {kept[:12]}; задържано: {held[:12]}")
            return
        with backends.db.Session() as s:
            rows = list(s.scalars(select(Page).where(Page.duplicate_of.is_not(None)).order_by(Page.batch_id)))
            for p in rows:
                other = s.get(Page, p.duplicate_of)
                click.echo(f"{p.sha256[:12]} {p.source} — същият лист като {other.source if other else p.duplicate_of}")
            click.echo(f"Повторно сканирани листа: {len(rows)}")
    finally:
        backends.close()
