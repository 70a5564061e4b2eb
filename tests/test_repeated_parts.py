"""ocr.repeated_parts: a sheet typed in two parts one under the other, part II the same people again (family AO:
the pay above, the deductions and net below), joined by the row number: never part II's lines as people of their
own, never its itemised deductions as anyone's pay."""

from __future__ import annotations

from archive_core.records import PayrollPage, PayrollRow
from ocr import repeated_parts as rp
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet

NAMES = ["Гергана Лазарова Генчева", "Стефка Илиева Николова", "Пенчо Иванов Маринов"]
# part I: base, extra, gross
PAY = [("318.80", "31.88", "350.68"), ("289.44", "34.73", "324.17"), ("249.75", "29.97", "279.72")]
# part II as its own reading took it (AO dev 33001 p16): the advance as base, the tax as extra, the deductions'
# total as gross (they add up as base + extra = gross), the net as net
AGAIN = [("128.00", "29.81", "157.81", "192.87"), ("116.00", "21.07", "137.07", "187.10"),
         ("100.00", "17.34", "117.34", "162.38")]  # fmt: skip


def _upper() -> PayrollPage:
    rows = [PayrollRow(row=i + 1, name=n, base_pay=b, extra_pay=e, gross_pay=g, review=["deductions", "net_pay"],
                       bbox=[0, 100 * i, 900, 100 * i + 40])
            for i, (n, (b, e, g)) in enumerate(zip(NAMES, PAY, strict=True))]  # fmt: skip
    return PayrollPage(image="p.png", rows=rows, totals={"base_pay": "857.99", "extra_pay": "96.58",
                                                         "gross_pay": "954.57"})  # fmt: skip


def _lower(names: list[str] | None = None, numbers: list[int] | None = None) -> PayrollPage:
    names = names or [rp_initials(n) for n in NAMES]
    numbers = numbers or [1, 2, 3]
    rows = [PayrollRow(row=k, name=n, base_pay=b, extra_pay=e, gross_pay=g, net_pay=net)
            for k, n, (b, e, g, net) in zip(numbers, names, AGAIN, strict=True)]  # fmt: skip
    return PayrollPage(image="p.png", rows=rows, totals={"base_pay": "344.00", "extra_pay": "68.22",
                                                         "gross_pay": "412.22", "net_pay": "542.35"})  # fmt: skip


def rp_initials(name: str) -> str:
    w = name.split()
    return " ".join([*(x[0] + "." for x in w[:-1]), w[-1]])


def test_part_two_of_the_same_people_shortened_is_a_repetition():
    assert rp.repeats_people(_upper().rows, _lower().rows)
    assert rp.repeats_people(_upper().rows, _lower(names=NAMES).rows)  # the names again in full
    assert rp.same_person("Огнян Цветанов Златев", "О Ц Златев")  # the points lost in the reading


def test_a_second_section_of_other_people_numbered_on_is_no_repetition():
    other = ["Иван Петров Колев", "Мария Георгиева Иванова", "Петър Стоянов Димов"]
    assert not rp.repeats_people(_upper().rows, _lower(names=other, numbers=[4, 5, 6]).rows)
    assert not rp.repeats_people(_upper().rows, _lower(names=other).rows)  # same numbers, other people
    assert not rp.same_person("Гергана Лазарова Генчева", "Г. Л. Николова")


def test_part_twos_deductions_are_never_taken_for_pay_and_its_pair_adding_to_gross_is_deductions_and_net():
    rows, totals = rp.join(_upper(), _lower())
    assert len(rows) == 3  # part II's lines are no people of their own
    assert [(r.base_pay, r.extra_pay, r.gross_pay) for r in rows] == PAY
    assert [(r.deductions, r.net_pay) for r in rows] == [(g, n) for _, _, g, n in AGAIN]
    assert all(not r.review for r in rows)  # deductions + net = part I's gross: proved on every row
    assert totals == {"base_pay": "857.99", "extra_pay": "96.58", "gross_pay": "954.57", "deductions": "412.22",
                      "net_pay": "542.35"}  # fmt: skip


def test_a_row_whose_part_two_line_is_missing_is_doubted_not_filled():
    lower = _lower()
    lower.rows = lower.rows[:2]
    rows, _ = rp.join(_upper(), lower)
    assert rows[2].deductions is None and rows[2].net_pay is None
    assert {"deductions", "net_pay"} <= set(rows[2].review or [])
    assert not rows[0].review and not rows[1].review


def test_a_part_two_line_of_another_person_under_the_same_number_is_in_review():
    names = [rp_initials(n) for n in NAMES]
    names[1] = "И. П. Колев"
    rows, _ = rp.join(_upper(), _lower(names=names))
    assert {"row", "deductions", "net_pay"} <= set(rows[1].review or [])
    assert not rows[0].review


def test_figures_that_add_up_to_no_gross_leave_deductions_and_net_in_review():
    lower = _lower()
    for r in lower.rows:
        r.net_pay = "1.00"  # no two of part II's figures add up to part I's gross
    rows, _ = rp.join(_upper(), lower)
    assert all({"deductions", "net_pay"} <= set(r.review or []) for r in rows)
    assert all(r.gross_pay in {g for _, _, g in PAY} for r in rows)  # part I's pay stands


def test_a_part_two_line_whose_number_part_one_lacks_is_kept_in_review():
    lower = _lower(numbers=[1, 2, 9])
    rows, _ = rp.join(_upper(), lower)
    stray = [r for r in rows if r.row == 9]
    assert len(stray) == 1 and stray[0].base_pay is None and stray[0].gross_pay is None
    assert {"row", "deductions", "net_pay"} <= set(stray[0].review or [])
    assert {"deductions", "net_pay"} <= set(rows[2].review or [])  # row 3's part II line not found


def test_part_twos_gross_printed_again_and_disagreeing_sends_gross_to_review():
    lower = _lower()
    for r, (_, _, g, net) in zip(lower.rows, AGAIN, strict=True):
        r.base_pay, r.extra_pay, r.gross_pay, r.deductions, r.net_pay = None, None, "350.68", g, net
    rows, _ = rp.join(_upper(), lower)
    assert not rows[0].review  # 350.68 again, and 157.81 + 192.87 = 350.68
    assert "gross_pay" in (rows[1].review or [])  # 350.68 again for 324.17: one of the two misread


def test_the_parts_hold_the_one_readings_people_by_number_where_its_names_are_garbled():
    garbled = [PayrollRow(row=i + 1, name=f"ЗЗО Зоя {n} З З") for i, n in enumerate(NAMES)]
    assert rp.holds_everyone(_upper().rows, _lower().rows, garbled)
    garbled.append(PayrollRow(row=4, name="ЗЗО Зоя Иван Петров Колев"))  # a fourth person part I lost
    assert not rp.holds_everyone(_upper().rows, _lower().rows, garbled)


def test_part_twos_lines_without_numbers_are_joined_by_their_order():
    lower = _lower()
    for r in lower.rows:
        r.row = None  # part II's numbers unread on every line
    assert rp.repeats_people(_upper().rows, lower.rows)
    rows, _ = rp.join(_upper(), lower)
    assert [r.row for r in rows] == [1, 2, 3]
    assert [(r.deductions, r.net_pay) for r in rows] == [(g, n) for _, _, g, n in AGAIN]
    lower.rows = lower.rows[:2]  # one line fewer: no order to trust
    assert not rp.repeats_people(_upper().rows, lower.rows)


def test_a_sheet_in_two_parts_is_read_one_row_a_person_with_part_twos_deductions_and_net(ocr_engine: OcrEngine):
    """AO dev 33001 p16: part II (the tax, the advance, the deductions' total, net) was read as a second section
    of people, its items as base, additional pay and gross: every pay figure of the page silently wrong. Joined
    to part I by row number: one row a person, part I's pay, part II's deductions and net, none of it in doubt."""
    truth, got = read_regression_sheet("ao-part-two-deductions-read-as-pay", ocr_engine)
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    fields = ("egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
    assert [[getattr(r, f) for f in fields] for r in got.rows] == [[getattr(r, f) for f in fields] for r in truth.rows]
    assert got.page_review is None
