"""Headers that once failed (issue 9, family T: a co-operative's payroll handwritten on a printed blank form),
read again by the header's stages alone (scripts/header_bench.py): the employer and the period right, or in
review, never wrong without a doubt. The fixtures (the page down to its third person's row, at the scan's 300 dpi,
16 grey levels) and what went wrong: tests/fixtures/regression/README.md ("Headers")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from archive_core.records import PayrollPage
from bench.scoring import _norm
from ocr.engine import OcrEngine

from .conftest import FIXTURES

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "header_bench.py"
HEADERS = FIXTURES / "regression" / "header"
# sheet -> what must come out right (the other field: right or in review, never silent)
RIGHT = {
    "t-form-number-taken-for-employer": ("employer", "period"),  # was 'Образец Сч. 5-08', without a doubt
    "t-form-blank-number-joined-to-employer": ("employer",),  # was 'Бланка ке, защсу) ДЗС „Тракия“ Първомай'
    "t-legal-form-pak": ("employer",),  # was 'ПСК „Марица“ с. Скутаре' ("ПАК" no listed form)
    "t-roman-month-slash-year": ("employer", "period"),  # 'за м. Х/94 г.' read no period; 'сета зи)' the employer
    "t-year-digit-lost": ("employer", "period"),  # 'за месец Юни, 892 год.': no period
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("header_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("sheet", sorted(RIGHT))
def test_header_that_once_failed_is_right_and_never_silent(sheet: str, ocr_engine: OcrEngine) -> None:
    png = HEADERS / f"{sheet}.png"
    truth = PayrollPage.load(png.with_suffix(".json"))
    h = _script().header_of(png, ocr_engine, None, False)
    employer_ok = _norm(truth.employer.name) == _norm(h.employer)
    period_ok = (truth.period.year, truth.period.month) == (h.year, h.month)
    assert employer_ok or h.employer is None or h.employer_review, f"employer {h.employer!r} without a doubt"
    assert period_ok or h.year is None or h.month is None or h.period_review, f"period {h.month}.{h.year} without a doubt"
    if "employer" in RIGHT[sheet]:
        assert employer_ok, (h.employer, h.employer_review)
    if "period" in RIGHT[sheet]:
        assert period_ok, (h.month, h.year, h.period_review)
