"""`archive bench` reports the CPU of a run both ways: per page as the workers spent it (what the issue's ratio
to plain tesseract uses) and the whole run with the loads done once before the workers fork (so a reader
that moves work out of the pages into the start cannot hide it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from archive_core.config import Settings
from bench.extraction import format_report, run_bench
from ocr.engine import OcrEngine
from ocr.runner import Limits

from .conftest import FIXTURES


def test_the_bench_reports_the_whole_run_cpu_beside_the_pages(tmp_path: Path, settings: Settings, ocr_engine: OcrEngine) -> None:
    for png in sorted((FIXTURES / "pages").glob("page-*.png"))[:2]:
        shutil.copy(png, tmp_path / png.name)
        shutil.copy(png.with_suffix(".json"), tmp_path / png.with_suffix(".json").name)
    r = run_bench(tmp_path, workers=2, baseline=False, limits=Limits.of(settings), engine=ocr_engine,
                  lang="bul")  # fmt: skip
    per_page, whole = float(r["cpu_seconds_per_page"]), float(r["cpu_seconds_per_page_whole_run"])  # type: ignore[arg-type]
    assert per_page > 0.3  # a page is read, not skipped
    assert whole >= per_page  # the whole run holds every page's CPU and the loads before the fork
    assert f"с началното зареждане: {whole} s/стр" in format_report(r)
