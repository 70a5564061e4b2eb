"""A bookkeeping machine's control total (ocr/control_total.py): the net pay summed line by line in a column of
its own (family Z) is no pay; the money columns keep their own fields (Z dev 18005 p1: it was read as the
deductions, the deductions as an itemised one, the page in review whole)."""

from __future__ import annotations

from decimal import Decimal

from ocr import columns, control_total, normalise

HEADINGS = ["No", "ЕГН", "Име", "Основно", "Доплащания", "Брутно", "ДОД", "Аванс", "Удържано", "За изплащане", "Контр."]


def _body(rows: int = 8) -> list[list[str]]:
    body, running = [], Decimal(0)
    for i in range(rows):
        base, extra = Decimal(200 + 13 * i) + Decimal("0.45"), Decimal(20 + 3 * i) + Decimal("0.10")
        gross = base + extra
        tax, advance = (gross * Decimal("0.07")).quantize(Decimal("0.01")), Decimal(f"{80 + i}.00")
        ded = tax + advance
        net = gross - ded
        running += net
        body.append([str(i + 1), f"460615316{i}", f"ИВАНОВ ПЕТЪР {i}", str(base), str(extra), str(gross), str(tax),
                     str(advance), str(ded), str(net), str(running)])  # fmt: skip
    return body


def test_the_running_total_of_the_net_is_no_pay() -> None:
    kinds = columns.identify(_body(), HEADINGS)
    assert kinds[3:10] == ["base_pay", "extra_pay", "gross_pay", "deduction_part", "deduction_part", "deductions",
                           "net_pay"]  # fmt: skip
    assert kinds[10] is None


def test_a_pay_column_is_no_running_total() -> None:
    body = _body()
    cols = [[r[c] for r in body] for c in range(len(HEADINGS))]
    assert control_total.control_columns(cols, list(range(3, 11))) == [10]
    assert control_total.control_columns(cols, list(range(3, 10))) == []


def test_each_columns_figures_are_read_once_for_every_pair_they_are_tried_in(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every money column is tried as the running sum of every other (AA dev 19001: 12 columns, 132 pairs): its
    figures are read once, not again for each pair; the same columns found."""
    body = _body(12)
    cols = [[r[c] for r in body] for c in range(len(HEADINGS))]
    read: list[str] = []
    money = normalise.money  # every cell's amount is read through it (normalise.amount)

    def counted(text: str) -> str | None:
        read.append(text)
        return money(text)

    monkeypatch.setattr(normalise, "money", counted)
    assert control_total.control_columns(cols, list(range(3, 11))) == [10]
    assert len(read) == 8 * 12
    assert all(control_total.sums_down(cols[10], cols[o]) == (o == 9) for o in range(3, 10))
