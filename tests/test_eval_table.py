"""scripts/eval_table.py: the RESULTS table row comes from what `archive bench` printed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("eval_table", Path(__file__).parents[1] / "scripts" / "eval_table.py")
assert SPEC is not None and SPEC.loader is not None
eval_table = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(eval_table)

PRINTED = """страници: 16 (неуспешни: 1)
точност на полетата: 86.32%   тихи грешки: 0.28%   за проверка: 45.77%
намерени редове: 100.00%   работодател: 81.25%   период: 100.00%
грешни без флаг: работодател 12.50%, период 0.00% (от страниците)
номера на редовете верни: 99.32%   листове за проверка като цяло: 4
скорост: 10.6 стр/мин с 2 процеса; CPU 2.091 s/стр (с началното зареждане: 2.144 s/стр)
tesseract --psm 6 (база): ЕГН 37.67%, имена 52.05%, суми 37.11% дословно; CPU 3.68 s/стр; отношение CPU: 0.57×
"""


def test_a_bench_summary_becomes_one_row_with_every_figure_in_its_column(tmp_path: Path, capsys) -> None:
    (tmp_path / "M-t.txt").write_text(PRINTED, encoding="utf-8")
    (tmp_path / "L-t.txt").write_text("Разчитане: 40%", encoding="utf-8")  # a bench that did not finish
    assert eval_table.main([str(tmp_path), "t", "M=**M, held out**"]) == 0
    out = capsys.readouterr().out
    assert ("| **M, held out** | 86.32% | 0.28% | 45.77% | 100.00% | 99.32% | 4 / 1 of 16 | 81.25% (12.50%) "
            "| 100.00% (0.00%) | 2.091 / 3.68 s = 0.57× |") in out  # fmt: skip
    assert "| L (16, seed 2035) | not measured |" in out


def test_a_summary_missing_a_figure_is_an_error_naming_it() -> None:
    with pytest.raises(ValueError, match="row_no"):
        eval_table.row(PRINTED.replace("номера на редовете верни", "x"), "M")
