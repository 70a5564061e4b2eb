"""Dotted zeros read as eights (``ocr.dotted_zeros``): the eights-as-zeros readings go beside the first
one, and only the row sums choose; where several readings fit, the figure stays in review."""

from __future__ import annotations

from ocr import checks
from ocr.dotted_zeros import add_zero_readings, choose_by_columns, eights_as_zeros, page_reads_zeros_as_eights
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


def _vouched(*money: str) -> checks.RowDraft:
    d = _draft(*money)
    checks.check_money(d, PRESENT)
    assert not d.review
    return d


def test_the_column_total_chooses_among_a_zero_rows_readings_and_its_sums_confirm_it():
    # a row of zeros read `8,88` (net `0,00`): several readings fit its sums; the column totals leave one
    zero = _draft("8.88", "8.88", "8.88", "8.88", "0.00")
    texts = [["Йордан Пенчов Ангелов", "8,88", "8,88", "8,88", "8,88", "0,00"]] * 2
    rows = [zero, _vouched("9590.33", "0.00", "9590.33", "1611.18", "7979.15")]
    offered = add_zero_readings(_sheet(texts), KINDS, rows, _targets(1))
    checks.check_money(zero, PRESENT)
    assert {"base_pay", "extra_pay", "gross_pay", "deductions"} <= set(zero.review)
    totals = {"base_pay": "9590.33", "extra_pay": "0.00", "gross_pay": "9590.33", "deductions": "1611.18",
              "net_pay": "7979.15"}  # fmt: skip
    choose_by_columns(rows, totals, PRESENT, None, offered)
    assert [zero.values[f] for f in checks.MONEY] == ["0.00"] * 5
    assert not set(checks.MONEY) & set(zero.review)


def test_a_figure_no_column_chose_keeps_its_flag_though_its_row_sum_holds():
    # E dev 501 page 5, seventh person: base `26079.66` + additional `8.88` = gross holds, both wrong; the
    # deductions column chose `4282.85`: the base and the additional pay stay in review
    row = _draft("26079.66", "8.88", "26088.54", "4282.05", "21885.69")
    row.review.add("base_pay", checks.ROW_SUM)
    row.review.add("extra_pay", checks.ROW_SUM)
    row.review.add("deductions", checks.ROW_SUM)
    row.alts["deductions"] = ["4282.85"]
    other = _vouched("1000.00", "0.00", "1000.00", "100.00", "900.00")
    totals = {"deductions": "4382.85"}
    choose_by_columns([row, other], totals, PRESENT, None, {0})
    assert row.values["deductions"] == "4282.85"
    assert {"base_pay", "extra_pay"} <= set(row.review)


def test_two_choices_meeting_the_total_choose_nothing():
    # two rows' additional pay `8,88`, each perhaps `0,00`; the column's 8.88 fits either: both stay in review
    rows = [_draft("8.88", "8.88", "8.88", "8.88", "0.00") for _ in range(2)]
    for r in rows:
        r.review.add("extra_pay", checks.ROW_SUM)
        r.alts["extra_pay"] = ["0.00"]
    choose_by_columns(rows, {"extra_pay": "8.88"}, PRESENT, None, {0, 1})
    assert all(r.values["extra_pay"] == "8.88" and "extra_pay" in r.review for r in rows)
