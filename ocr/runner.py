"""Running extraction over many images: decode once, one worker process per core, one failure per page.

Used by `archive extract`, `archive tables` and `archive bench`. Workers get file paths from the
command line (local files the user named), never anything pickled beyond a path string and options.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from archive_core.config import Settings
from archive_core.errors import ArchiveError
from archive_core.runtime import keep_freed_memory, limit_ocr_threads, no_huge_pages
from scanner_drivers import intake

from .engine import OcrEngine


@dataclass
class Outcome:
    path: Path
    ok: bool
    document: str | None = None  # JSON text
    error: str | None = None
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class Limits:
    """What a worker needs of the settings to refuse a file: plain numbers, nothing pickled."""

    max_file_bytes: int
    max_pixels: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_file_bytes, settings.max_pixels)


def read_image(path: Path, limits: Limits) -> tuple[np.ndarray, int | None]:
    """Decode an image file once, through the one image intake (scanner_drivers.intake)."""
    return intake.read_image(path, max_file_bytes=limits.max_file_bytes, max_pixels=limits.max_pixels)


def _init_worker() -> None:
    limit_ocr_threads()
    keep_freed_memory()
    no_huge_pages()


def _load_stage(what: str, engine: OcrEngine) -> None:
    """Import the reading stage (OpenCV, scipy, tesserocr and the reader's modules: ~0.27 s of CPU) and
    load the engine's models (tesseract's English model ~0.3 s) in this process, before any worker is
    forked: the workers share them instead of each importing and loading its own on its first page; the
    reader's dictionary and word lists likewise (``preload.data``: ~0.3 s of a worker's first page)."""
    if what == "tables":
        from . import structure  # noqa: F401
    else:
        from . import extract, preload  # noqa: F401

        preload.data()
    load = getattr(engine, "load", None)  # an engine that loads its models up front (TesseractEngine)
    if load is not None:
        with suppress(ArchiveError):  # a model that does not load: every page says so, as it did
            load(figures=what != "tables")  # the table stage reads with the text model only


def _cpu() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _extract_one(
    path_str: str, what: str, limits: Limits, engine: OcrEngine, overlay_dir: str | None = None
) -> Outcome:
    path = Path(path_str)
    start = _cpu()
    try:
        img, dpi = read_image(path, limits)
        if what == "tables":
            from .structure import table_structure

            doc = table_structure(img, image_name=path.name, engine=engine, dpi=dpi)
        else:
            from .extract import extract_image

            page = extract_image(img, image_name=path.name, engine=engine, dpi=dpi)
            doc = page.to_json()
            if overlay_dir:
                from . import overlay

                overlay.write(img, page, Path(overlay_dir) / f"{path.stem}.overlay.png")
        return Outcome(path, True, document=doc, cpu_seconds=_cpu() - start)
    except ArchiveError as e:
        return Outcome(path, False, error=str(e), cpu_seconds=_cpu() - start)
    except Exception as e:  # one bad page must not stop the rest; the reason is reported, not swallowed
        return Outcome(path, False, error=f"{path.name}: неочаквана грешка при разчитане: {type(e).__name__}: {e}",
                       cpu_seconds=_cpu() - start)  # fmt: skip


def run(paths: Sequence[Path], *, limits: Limits, engine: OcrEngine, what: str = "extract",
        workers: int = 1, on_done: Callable[[Outcome], None] | None = None,
        overlay_dir: Path | None = None) -> Iterator[Outcome]:  # fmt: skip
    """Yield one Outcome per path as it is read (in completion order when parallel; ``on_done`` is told of
    each first: the caller writes it then, so a crash at page 900 keeps the 899 before). ``engine``: the OCR
    engine the program made at its start; worker processes get a copy (it must pickle: TesseractEngine
    does). Once all are read, ``agree`` compares a person's readings across them."""
    for out in _read_each(paths, limits, engine, what, workers, overlay_dir):
        if on_done:
            on_done(out)
        yield out


def agree(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The pages of one run, all read: their people's readings compared across pages
    (``batch_agreement``), and their months in the file's order (``period_run``); the outcomes whose rows
    or period gained doubt, their documents written again (the caller writes those pages again; the others
    stay as they were written)."""
    from archive_core.records import PayrollPage

    from . import batch_agreement, period_run

    read = [(o, PayrollPage.model_validate_json(o.document)) for o in outcomes if o.ok and o.document]
    if len(read) < 2:
        return []
    before = [p.model_copy(deep=True) for _, p in read]
    batch_agreement.doubt_disagreeing([p for _, p in read])
    # the months in the file's order (the pages' names): one out of step with its neighbours, to a person
    period_run.doubt_out_of_step([p for _, p in sorted(read, key=lambda op: _in_file_order(op[0].path))])
    changed = []
    for (o, p), b in zip(read, before, strict=True):
        if p != b:
            o.document = p.to_json()
            changed.append(o)
    return changed


def _in_file_order(path: Path) -> list[tuple[int, str]]:
    """A page's place in its file by its name, numbers as numbers ("scan-2" before "scan-10")."""
    return [(int(t), "") if t.isdigit() else (-1, t) for t in re.split(r"(\d+)", str(path))]


def _read_each(paths: Sequence[Path], limits: Limits, engine: OcrEngine, what: str, workers: int,
               overlay_dir: Path | None) -> Iterator[Outcome]:  # fmt: skip
    _load_stage(what, engine)
    if workers <= 1 or len(paths) <= 1:
        _init_worker()
        for p in paths:
            yield _extract_one(str(p), what, limits, engine, str(overlay_dir) if overlay_dir else None)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        futures = [pool.submit(_extract_one, str(p), what, limits, engine,
                               str(overlay_dir) if overlay_dir else None) for p in paths]  # fmt: skip
        from concurrent.futures import as_completed

        for fut in as_completed(futures):
            yield fut.result()
