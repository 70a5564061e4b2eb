"""Dotted zeros read as eights (``ocr.dotted_zeros``): the eights-as-zeros readings go beside the first
one, and only the row sums choose; where several readings fit, the figure stays in review."""

from __future__ import annotations

from ocr import checks
from ocr.dotted_zeros import add_zero_readings, eights_as_zeros, page_reads_zeros_as_eights
from ocr.geometry import Box
from ocr.header import Header
from ocr.sheet import Sheet, Target

KINDS: list[str | None] = ["name", *checks.MONEY]
PRESENT = [k for k in KINDS if k]


def _sheet(texts: list[list[str]]) -> Sheet:
    return Sheet(cells={}, header=Header(), headings=[""] * len(KINDS), body_rows=list(range(1, len(texts) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def _draft(*money: str) -> checks.RowDraft:
    return checks.RowDraft(
        values={"name": "Росица Димитрова Чолакова", **dict(zip(checks.MONEY, money, strict=True))}
    )


def _targets(rows: int) -> list[Target]:
    return [Target(r, "extra_pay", Box(0, 0, 10, 10)) for r in range(rows)]


def test_every_choice_of_a_figures_eights_is_offered_as_zeros():
    assert set(eights_as_zeros("8.88")) == {"0.88", "8.08", "8.80", "0.08", "0.80", "8.00", "0.00"}
    assert eights_as_zeros("183.76") == ["103.76"]
    assert eights_as_zeros("1611.13") == []


def test_a_page_reading_stotinki_88_in_several_cells_is_taken_for_a_dotted_zero_face():
    zero_row = ["Йордан Пенчов Ангелов", "8,88", "8,88", "8,88", "8,88", "0,00"]
    other = ["Николай Цветанов Атанасов", "23.613,97", "944,56", "24.558,53", "3.422,47", "21.136,06"]
    assert page_reads_zeros_as_eights(_sheet([zero_row, other]), KINDS)
    assert not page_reads_zeros_as_eights(_sheet([other, other[:4] + ["1.547,88", "21.136,06"]]), KINDS)


def test_the_row_sums_choose_the_zero_for_an_eight():
    # E dev 501 page 5, fifth person: additional pay `0,00` read `8,88`
    texts = [["Росица Димитрова Чолакова", "9.590,33", "8,88", "9.590,33", "1.611,18", "7.979,15"],
             ["Йордан Пенчов Ангелов", "8,88", "8,88", "8,88", "8,88", "0,00"]]  # fmt: skip
    d = _draft("9590.33", "8.88", "9590.33", "1611.18", "7979.15")
    add_zero_readings(_sheet(texts), KINDS, [d, _draft("8.88", "8.88", "8.88", "8.88", "0.00")], _targets(2))
    checks.check_money(d, PRESENT)
    assert [d.values[f] for f in checks.MONEY] == ["9590.33", "0.00", "9590.33", "1611.18", "7979.15"]
    assert "extra_pay" not in d.review


def test_a_row_that_several_readings_fit_stays_in_review():
    # a row of zeros all read `8,88`: 0/0/0/0/0 fits, and so do 8.88/0/8.88/8.88/0 and others
    texts = [["Йордан Пенчов Ангелов", "8,88", "8,88", "8,88", "8,88", "0,00"]] * 2
    d = _draft("8.88", "8.88", "8.88", "8.88", "0.00")
    add_zero_readings(_sheet(texts), KINDS, [d], _targets(1))
    checks.check_money(d, PRESENT)
    assert {"base_pay", "extra_pay", "gross_pay", "deductions"} <= set(d.review)


def test_nothing_is_offered_on_a_page_without_the_sign():
    texts = [["Росица Димитрова Чолакова", "9.590,33", "8,88", "9.590,33", "1.611,18", "7.979,15"]]
    d = _draft("9590.33", "8.88", "9590.33", "1611.18", "7979.15")
    add_zero_readings(_sheet(texts), KINDS, [d], _targets(1))
    assert d.alts == {}
