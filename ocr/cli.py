"""`archive extract` and `archive tables`: page images in, one JSON per image out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive_core.config import load_settings
from archive_core.errors import EXIT_SOME_PAGES_FAILED, UsageError
from archive_core.progress import tqdm_progress

from .engine import engine_from_settings
from .runner import Limits, Outcome, agree, run

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pbm", ".pgm", ".ppm", ".bmp"}


def _collect(images: tuple[Path, ...]) -> list[Path]:
    paths: list[Path] = []
    for p in images:
        if p.is_dir():
            paths += sorted(q for q in p.iterdir() if q.suffix.lower() in IMAGE_SUFFIXES)
        elif not p.exists():
            raise UsageError(f"{p}: няма такъв файл")
        else:
            paths.append(p)
    if not paths:
        raise UsageError("няма изображения за обработка")
    # each page is written to OUT/<stem>.json: two images of one stem (from two folders, or "p.png" and "p.tif")
    # would write one file, the second page over the first — said before anything is read
    seen: dict[str, Path] = {}
    for p in paths:
        if p.stem in seen:
            raise UsageError(
                f"{seen[p.stem]} и {p} биха се записали в един файл {p.stem}.json: преименувайте единия "
                "или ги обработете с отделни --out"
            )
        seen[p.stem] = p
    return paths


def _run(
    images: tuple[Path, ...], out: Path, jobs: int | None, what: str, desc: str, overlay: Path | None = None
) -> None:
    settings = load_settings()
    paths = _collect(images)
    out.mkdir(parents=True, exist_ok=True)
    if overlay:
        overlay.mkdir(parents=True, exist_ok=True)
    workers = jobs or settings.effective_workers()
    bar = tqdm_progress(total=len(paths), desc=desc, unit="стр")
    failed: list[Outcome] = []
    written: list[Outcome] = []

    def write(o: Outcome) -> None:
        assert o.document is not None
        target = out / f"{o.path.stem}.json"
        tmp = target.with_suffix(".json.part")
        tmp.write_text(o.document, encoding="utf-8")
        tmp.replace(target)

    def done(o: Outcome) -> None:  # each page written as soon as it is read: a crash loses none read before
        bar.update(1)
        if o.ok and o.document is not None:
            write(o)
            written.append(o)
        else:
            failed.append(o)

    engine = engine_from_settings(settings)
    for _ in run(paths, limits=Limits.of(settings), engine=engine, what=what, workers=workers, on_done=done,
                 overlay_dir=overlay):  # fmt: skip
        pass
    if what == "extract":  # all read: a person's ЕГН or name read otherwise on the other pages, to review
        for o in agree(written):
            write(o)
    bar.close()
    for o in failed:
        click.echo(f"грешка: {o.error}", err=True)
    click.echo(f"{len(paths) - len(failed)} от {len(paths)} страници записани в {out}", err=True)
    if failed:
        sys.exit(EXIT_SOME_PAGES_FAILED)


@click.command("extract")
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Папка за JSON файловете (payroll-page/1).")  # fmt: skip
@click.option("--jobs", type=int, default=None, help="Паралелни процеси (по подразбиране: по един на ядро).")
@click.option("--overlay", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Папка за картинки на разчетеното: редовете в рамка, зелено/червено за проверка.")  # fmt: skip
def extract(images: tuple[Path, ...], out: Path, jobs: int | None, overlay: Path | None) -> None:
    """Read payroll sheets: writes OUT/<stem>.json (payroll-page/1) for every IMAGE."""
    _run(images, out, jobs, "extract", "Разчитане", overlay)


@click.command("tables")
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Папка за JSON файловете (table-structure/1).")  # fmt: skip
@click.option("--jobs", type=int, default=None, help="Паралелни процеси (по подразбиране: по един на ядро).")
def tables(images: tuple[Path, ...], out: Path, jobs: int | None) -> None:
    """Find table structure: writes OUT/<stem>.json (table-structure/1) for every IMAGE."""
    _run(images, out, jobs, "tables", "Таблици")
