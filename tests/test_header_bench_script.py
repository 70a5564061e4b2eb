"""scripts/header_bench.py (the header's stages alone on labelled pages): its usage, a directory with no
pages, and how it counts a page (right, wrong without a doubt, in review). No OCR here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ocr.header import Header

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "header_bench.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("header_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_help_says_what_it_prints() -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, check=True)
    assert "employer name or period" in out.stdout and "--cache" in out.stdout and "dirs" in out.stdout


def test_a_directory_without_pages_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main([str(tmp_path)]) == 2
    assert "no page-*.png" in capsys.readouterr().err


def test_a_page_counts_right_silent_or_in_review() -> None:
    bench = _script()
    truth = {"employer": {"name": "ДП „Пътно поддържане“ – Монтана"}, "period": {"year": 1989, "month": 3}}
    tally = bench.Tally()
    # quotes and dashes as glyphs and case do not count; the period right
    assert tally.add(truth, Header(employer='дп "Пътно поддържане" - Монтана', year=1989, month=3)) == (True, True)
    # the name wrong without a doubt, the period wrong with one
    wrong = Header(employer="„Пътно поддържане“ – Монтана", year=1989, month=8, period_review="юли/юни?")
    assert tally.add(truth, wrong) == (False, False)
    # the name wrong and doubted
    assert tally.add(truth, Header(employer="ДП „Пътно подържане“", employer_review="x", year=1989, month=3))[0] is False
    assert tally.line() == (
        "pages 3: employer 33.3% silent 33.3% review 33.3% | period 66.7% silent 0.0% review 33.3%"
    )
