"""A wide sheet's itemised additional pay (family V): among many pay-item columns the base pay, the additional
pay's total (printed before or after its items), the gross, the deductions' total and the net pay are the
columns the rows' sums tie together; an item of the additional pay (`Сделно наработ.`, which on a brigade's
sheet is the base pay) is no field. A brigade's sheet without items keeps its `Сделна заработка` as the base.
Sheets: tests/fixtures/regression/README.md (v-*)."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr import columns
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet

# V dev 14002 p1 as read (headings misread as the typewriter's ribbon left them): row, name, position, ЕГН,
# base, three items (one never earned), the items' total, gross, three deductions, their total, net, signature
HEADS = ["Ред. Ке", "Трите имена на работника", "С разрда", "ЕГН на лицето", "Основно РАО", "Клас ДОМ",
         "Сделно наработ.", "Извън- РЕМНО", "Всичко ДОПЪЛН. възнагр.", "Брутна оваа", "ДОД", "Получен аоанс",
         "ФОО“", "Общо удръжки от заплатата", "Чиста Омаза", "Подпис за (получено"]  # fmt: skip
ROWS = [["1", "Камен Христов Чолаков", "предач", "3709280520", "147,42", "11.79", "41.28", "", "53.07",
         "200.49", "16.24", "30.00", "20.00", "66.24", "134 25", ""],
        ["2", "Тодор Василов Борисов", "електротехник", "4111236107", "199.98", "24.00", "32.00", "", "56.00",
         "255.98", "24.57", "40.00", "20.00", "84.57", "171.41", ""],
        ["3", "Елена Стефанова Юрукова", "общ работник", "6608177675", "210.48", "14.73", "54.72", "", "69.45",
         "279.93", "17.64", "30.00", "", "47.64", "232.29", ""],
        ["4", "Росица Лазарова Узунова", "чистачка", "2704190818", "322.79", "41.96", "", "", "41.96",
         "364.75", "29.18", "91.19", "", "120.37", "244.38", ""],
        ["5", "Христофор Петров Георгиев", "кранист", "5511051727", "342.43", "37.67", "51.36", "-", "89.03",
         "431.46", "55.69", "60.00", "30.00", "145.69", "285.77", ""],
        ["6", "Благой Иванов Борисов", "пазач", "6212154361", "208.22", "6.25", "27.07", "-", "33.32",
         "241.54", "18.68", "30.00", "", "48.68", "192.86", ""]]  # fmt: skip


def test_items_of_the_additional_pay_are_no_field_and_the_totals_are_found() -> None:
    kinds = columns.identify([list(r) for r in ROWS], HEADS)
    assert kinds[4] == "base_pay"  # not `Сделно наработ.`, an item
    assert kinds[8] == "extra_pay"  # the items' total, not one item
    assert (kinds[9], kinds[13], kinds[14]) == ("gross_pay", "deductions", "net_pay")
    assert not {kinds[5], kinds[6]} & set(columns.MONEY)


def test_the_items_total_printed_before_its_items_is_the_additional_pay() -> None:
    order = [0, 1, 2, 3, 4, 8, 5, 6, 7, 9, 13, 10, 11, 12, 14, 15]  # `Сума доплащ.` first, deductions' total first
    heads = [HEADS[i] for i in order]
    rows = [[r[i] for i in order] for r in ROWS]
    kinds = columns.identify(rows, heads)
    assert (kinds[4], kinds[5], kinds[9], kinds[10], kinds[14]) == (
        "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")  # fmt: skip
    assert kinds[6] not in columns.MONEY and kinds[7] not in columns.MONEY


def test_a_brigades_piece_rate_pay_without_items_stays_the_base_pay() -> None:
    heads = ["№", "Име, презиме, фамилия", "ЕГН", "Сделна заработка", "Доплащане", "Всичко полагаемо",
             "Удръжки", "Следва да получи"]  # fmt: skip
    rows = [[str(i + 1), "Иван Петров Иванов", "3709280520", f"{200 + i}.00", f"{10 + i}.00", f"{210 + 2 * i}.00",
             "20.00", f"{190 + 2 * i}.00"] for i in range(6)]  # fmt: skip
    kinds = columns.identify(rows, heads)
    assert kinds[3:] == ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


@pytest.mark.parametrize("sheet", ["v-pay-item-not-base", "v-items-total-before-items"])
def test_a_wide_sheets_pay_is_read_and_the_page_not_sent_to_review_whole(sheet: str, ocr_engine: OcrEngine) -> None:
    truth, got = read_regression_sheet(sheet, ocr_engine)
    assert got.page_review is None, got.page_review
    s = Score()
    s.add(truth, got)
    assert sum(s.silent.values()) == 0, f"wrong and not flagged: {s.silent}"
    for f in columns.MONEY:  # most of each pay column read right and out of review
        assert s.field_accuracy(f) >= 0.75, (f, s.field_accuracy(f))


def test_allowances_without_their_total_are_items_and_the_additional_pay_no_column() -> None:
    """Family AB (layout of AB dev 20004): a state institution's allowances for years of service, night work
    and harmful conditions between the base pay and the gross, no `Всичко добавки` column: base + items =
    gross row by row; the additional pay goes out as no column (``sheet.strip_items_total``)."""
    from decimal import Decimal

    from ocr import checks, pay_items, sheet

    heads = ["Пор. N", "Единен гражд. номер", "Име, бащино и фамилно име", "Дни на работа", "Щатна заплата",
             "Прослуж. време", "Нощни и извънр.", "Вредни условия", "Общо полагаемо", "Данък (ДОД) за м.",
             "Вноска ДСК", "Общо удръжки за м.", "Остава за получаване"]  # fmt: skip
    rows = []
    for i in range(6):
        base = Decimal(4000 + 137 * i) + Decimal("0.35")
        years, night, harm = (base * Decimal("0.1")).quantize(Decimal("0.01")), (Decimal("55.20") if i % 2 else Decimal(0)), Decimal(40 + i)
        gross = base + years + night + harm
        tax, dsk = Decimal(300 + i) + Decimal("0.15"), (Decimal(25) if i % 3 == 0 else Decimal(0))
        ded = tax + dsk
        rows.append([str(i + 1), "5810047575", "Иванова Живка Борисова", "22", f"{base:.2f}", f"{years:.2f}",
                     f"{night:.2f}" if night else "-", f"{harm:.2f}", f"{gross:.2f}", f"{tax:.2f}",
                     f"{dsk:.2f}" if dsk else "-", f"{ded:.2f}", f"{gross - ded:.2f}"])  # fmt: skip
    kinds = columns.identify(rows, heads)
    assert (kinds[4], kinds[8], kinds[11], kinds[12]) == ("base_pay", "gross_pay", "deductions", "net_pay")
    assert kinds[5:8] == [columns.PAY_ITEM] * 3 and "extra_pay" not in kinds
    assert pay_items.items_only(kinds)
    d = checks.RowDraft(values={"base_pay": rows[1][4], "gross_pay": rows[1][8]})
    d.items = [Decimal(rows[1][5]), Decimal(rows[1][6]), Decimal(rows[1][7])]
    sheet._extra_of_items(d, [])
    assert Decimal(str(d.values["base_pay"])) + Decimal(str(d.values["extra_pay"])) == Decimal(rows[1][8])
    d.review.add("extra_pay", checks.UNREADABLE)
    sheet.strip_items_total([d], kinds)
    assert d.values["extra_pay"] is None and "extra_pay" not in d.review


def test_a_page_whose_layout_is_unproved_keeps_its_items_total_in_review() -> None:
    """AD dev 22009 p4: `други възнагр.` (the items' sum) taken for an item beside a two-tier items' column, the
    page in review whole as its layout unproved: that the sheet prints no additional pay is unproved too, each
    row's additional pay (left out, as a column the sheet does not have) stays in review, not silently empty."""
    from ocr import checks, pay_items, sheet

    kinds = ["row", "name", "base_pay", pay_items.PAY_ITEM, pay_items.PAY_ITEM, "gross_pay", "net_pay"]
    d = checks.RowDraft({"base_pay": "145.45", "extra_pay": "14.55", "gross_pay": "160.00"})
    d.review.add("extra_pay", checks.LAYOUT_UNPROVED)
    sheet.strip_items_total([d], kinds)
    assert d.values["extra_pay"] is None and "extra_pay" in d.review
    proved = checks.RowDraft({"base_pay": "145.45", "extra_pay": "14.55", "gross_pay": "160.00"})
    proved.review.add("extra_pay", checks.UNREADABLE)  # a doubt of the items' own: no column to review, as before
    sheet.strip_items_total([proved], kinds)
    assert proved.values["extra_pay"] is None and "extra_pay" not in proved.review


def test_a_rate_beside_its_fee_among_three_items_keeps_the_items_order() -> None:
    """Family AF (AF dev 24004 p1): a cultural club's seniority pay, then the fee for paid hours as count, rate
    and amount, between the base and the gross, no `Всичко добавки`: on the rows with a fee the rate (`2.00`)
    taken for a third item spoils the items' sum, and base + the other two make the gross. That is no proof
    that the items are no items (as where two "items" are the additional pay and a benefit beside it): the
    order with the items stands, and the base, gross, deductions and net are where they are."""
    from decimal import Decimal

    from ocr import pay_items

    base = ["352.35", "286.11", "77.86", "314.90", "164.87", "168.82"]
    years = ["21.14", "34.33", "9.34", "18.89", "0.00", "15.19"]
    fee = ["", "32.00", "", "16.00", "16.00", "32.00"]
    rate = ["" if not f else "2.00" for f in fee]
    gross = [Decimal(b) + Decimal(y) + Decimal(f or 0) for b, y, f in zip(base, years, fee, strict=True)]
    tax = [(g * Decimal("0.06")).quantize(Decimal("0.01")) for g in gross]
    advance = ["90.00", "0.00", "30.00", "90.00", "50.00", "60.00"]
    ded = [t + Decimal(a) for t, a in zip(tax, advance, strict=True)]
    cols = [base, years, rate, fee, [f"{g:.2f}" for g in gross], [f"{t:.2f}" for t in tax], advance,
            [f"{d:.2f}" for d in ded], [f"{g - d:.2f}" for g, d in zip(gross, ded, strict=True)]]  # fmt: skip
    wide = pay_items.wide_layout(cols, list(range(len(cols))))
    assert wide is not None
    kept, kinds, _ = wide
    at = dict(zip(kinds, kept, strict=False))
    assert (at["base_pay"], at["gross_pay"], at["net_pay"]) == (0, 4, 8)
    assert columns.PAY_ITEM in kinds and "extra_pay" not in kinds


def test_one_row_whose_sum_holds_without_an_item_does_not_undo_two_items_proved_on_others() -> None:
    """Two allowances with no total column, both paid and adding up with the base to the gross on most rows:
    one row where the base and one of them alone make the gross (a chance, or a misread figure on a copy) does
    not make the other no pay (the items order stands; where more rows say so, as with the state insurance's
    benefit beside the additional pay, it falls: ``test_benefit_columns``)."""
    from decimal import Decimal

    from ocr import pay_items

    base = ["410.00", "385.20", "300.00", "512.40", "250.00"]
    one = ["41.00", "38.52", "30.00", "51.24", "25.00"]
    two = ["12.00", "15.00", "20.00", "18.00", "25.00"]
    gross = [Decimal(b) + Decimal(x) + Decimal(y) for b, x, y in zip(base, one, two, strict=True)]
    gross[4] = Decimal(base[4]) + Decimal(one[4])  # the last row: base + the first alone (its second misread)
    ded = [(g * Decimal("0.1")).quantize(Decimal("0.01")) for g in gross]
    cols = [base, one, two, [f"{g:.2f}" for g in gross], [f"{d:.2f}" for d in ded],
            [f"{g - d:.2f}" for g, d in zip(gross, ded, strict=True)]]  # fmt: skip
    wide = pay_items.wide_layout(cols, list(range(len(cols))))
    assert wide is not None and wide[1].count(columns.PAY_ITEM) == 2 and "extra_pay" not in wide[1]
