"""`archive samples`: synthetic payroll sheets with their ground truth."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from archive_core.errors import UsageError
from archive_core.progress import tqdm_progress

from .generate import HARD_CASES, Options, generate_pages


@click.command("samples")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="Папка за листовете.")
@click.option("--pages", type=int, default=12, show_default=True, help="Брой листове.")
@click.option(
    "--seed",
    type=int,
    default=2026,
    show_default=True,
    help="Семе: едно и също семе дава едни и същи листове.",
)
@click.option("--clean", is_flag=True, help="Изтрий папката преди генериране.")
@click.option("--pristine", is_flag=True, help="Без повреди (изкривяване, шум, избледняване).")
@click.option(
    "--hard",
    multiple=True,
    help=f"Труден случай (може няколко пъти или 'all'): {', '.join(HARD_CASES)}.",
)
@click.option(
    "--family",
    default="A",
    show_default=True,
    help="Семейство листове (samples/families.py): A (досегашните), B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, "
    "S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT или mixed (B/C/D наслуки) (най-новото семейство е отделено за независимо измерване: никой "
    "не чете листовете му и не се настройва по тях).",
)
def samples(
    out: Path, pages: int, seed: int, clean: bool, pristine: bool, hard: tuple[str, ...], family: str
) -> None:
    """Write synthetic 300-dpi payroll sheets (PNG) and their payroll-page/1 ground truth (JSON)."""
    if clean and out.exists():
        if not out.is_dir():
            raise UsageError(f"{out}: не е папка")
        shutil.rmtree(out)
    cases = frozenset(HARD_CASES) if "all" in hard else frozenset(h for hs in hard for h in hs.split(","))
    paths = generate_pages(
        out, pages, seed, options=Options(degraded=not pristine, hard=cases, family=family.strip()), progress=tqdm_progress
    )
    click.echo(f"{len(paths)} листа в {out}")
