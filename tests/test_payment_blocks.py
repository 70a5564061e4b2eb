"""A line printer's payroll by kinds of payment (машинограма: a block of lines a person) read into person rows: the
blocks parsed from the words of a synthetic printout (``ocr.block_lines``), the arithmetic that proves them
(``ocr.block_proof``), and a dev page of family AQ through the whole reader (``ocr.payment_blocks``)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import cv2
import pytest
from PIL import Image

from ocr.block_lines import parse
from ocr.block_proof import BlockSums, solve
from ocr.engine import OcrEngine
from ocr.extract import extract_image
from ocr.geometry import Box, Word
from samples.generate import Options, generate_pages

CW = 20  # a print position's width in the synthetic printout, pixels
LH = 40  # a line's pitch


def _line(k: int, pieces: list[tuple[int, str]]) -> list[Word]:
    """Line ``k`` of a printout: each text printed from its print position, one word a blank apart."""
    out = []
    for pos, text in pieces:
        x = pos * CW
        for w in text.split(" "):
            if w:
                out.append(Word(w, 0.9, Box(x, k * LH, x + len(w) * CW, k * LH + 30)))
            x += (len(w) + 1) * CW
    return out


def _printout(net2: str = "1485.59") -> list[Word]:
    """Two people's blocks, the recapitulation and the grand total (one person's item misread as letters)."""
    lines = [
        [(0, "001"), (6, "ЖИВКО ХРИСТОВ ДИМИТРОВ"), (34, "ЕГН 4604074485"), (52, "ПЕКАР")],
        [(0, "210 ТАРИФНА ЗАПЛАТА"), (23, "22"), (30, "842.31"), (68, "610 ДАНЪК"), (101, "94.61")],
        [(0, "242 ДОПЛ. ИЗВЪНР."), (31, "остана"), (68, "620 ПРОФ. ЧЛ.ВНОС"), (102, "9.10")],
        [(68, "630 ПОЛУЧЕН АВАНС"), (100, "420.00")],
        [(4, "НАЧИСЛЕНО ОБЩО"), (30, "909.69"), (72, "С-МА УДРЪЖКИ"), (100, "523.71")],
        [(72, "ЧИСТА СУМА ЗА ИЗПЛ."), (100, "385.98")],
        [(0, "002"), (6, "ИВАН МАРИНОВ ГЪРКОВ"), (34, "ЕГН 5304205945"), (52, "ТЕХНОЛОГ")],
        [(0, "210 ТАРИФНА ЗАПЛАТА"), (23, "22"), (28, "1659.88"), (68, "610 ДАНЪК"), (100, "141.09")],
        [(68, "620 ПРОФ. ЧЛ.ВНОС"), (101, "33.20")],
        [(4, "НАЧИСЛЕНО ОБЩО"), (28, "1659.88"), (72, "С-МА УДРЪЖКИ"), (100, "174.29")],
        [(72, "ЧИСТА СУМА ЗА ИЗПЛ."), (99, net2)],
        [(0, "РЕКАПИТУЛАЦИЯ ПО ВИДОВЕ")],
        [(0, "210 ТАРИФНА ЗАПЛАТА"), (28, "2502.19"), (68, "610 ДАНЪК"), (100, "235.70")],
        [(0, "242 ДОПЛ. ИЗВЪНР."), (31, "67.38"), (68, "620 ПРОФ. ЧЛ.ВНОС"), (101, "42.30")],
        [(0, "ВСИЧКО ЗА ПРЕДПРИЯТИЕТО")],
        [(4, "НАЧИСЛЕНО ОБЩО: 2569.57"), (40, "С-МА УДРЪЖКИ: 698.00"), (70, "ЧИСТА СУМА ЗА ИЗПЛ.: 1871.57")],
    ]
    return [w for k, pieces in enumerate(lines) for w in _line(k + 10, pieces)]


def test_blocks_parsed_from_a_synthetic_printout() -> None:
    p = parse(_printout())
    assert [b.person.number.text for b in p.blocks] == ["001", "002"]
    first = p.blocks[0]
    assert [it.code for it in first.items] == ["210", "610", "242", "620", "630"]
    assert [w.text for w in first.items[0].days] == ["22"]  # the days beside the base only
    assert [w.text for w in first.items[2].amount] == ["остана"]  # an amount read as letters is still the amount
    assert {s.kind for s in first.sums} == {"gross_pay", "deductions", "net_pay"}
    assert [it.code for it in p.recap] == ["210", "610", "242", "620"]
    assert {s.kind: s.amount[0].text for s in p.grand} == {"gross_pay": "2569.57", "deductions": "698.00",
                                                            "net_pay": "1871.57"}  # fmt: skip


def _d(*vs: str) -> list[Decimal]:
    return [Decimal(v) for v in vs]


def test_block_sums_choose_the_reading_that_adds_up_and_prove_every_field() -> None:
    # the digits model read the night work 57.38, the text model 67.38: only 67.38 makes base + extra = gross
    s = solve(BlockSums([_d("842.31"), _d("57.38", "67.38")], [_d("94.61"), _d("9.10"), _d("420.00")],
                        _d("909.69"), _d("523.71"), _d("385.98")))  # fmt: skip
    assert s.values["extra_pay"] == Decimal("67.38")
    assert s.proven == {"base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"}


def test_a_block_whose_sums_fail_proves_nothing_it_cannot() -> None:
    # the net misread (1485.69 for 1485.59): gross - deductions != net, the accruals still prove nothing alone
    s = solve(BlockSums([_d("1659.88")], [_d("141.09"), _d("33.20")], _d("1659.88"), _d("174.29"), _d("1485.69")))
    assert "net_pay" not in s.proven and "base_pay" not in s.proven


def test_an_unread_net_is_worked_out_but_never_proven() -> None:
    s = solve(BlockSums([_d("1659.88")], [_d("141.09"), _d("33.20")], _d("1659.88"), _d("174.29"), []))
    assert s.values["net_pay"] == Decimal("1485.59")
    assert "net_pay" in s.derived and "net_pay" not in s.proven


AQ_DEV = 35001


@pytest.mark.slow
def test_a_dev_printout_read_into_person_rows(tmp_path: Path, ocr_engine: OcrEngine) -> None:
    """Family AQ's dev page through the whole reader: every person a row, not the page in review whole, no field
    wrong without a doubt, most fields right."""
    (png,) = generate_pages(tmp_path, 1, AQ_DEV, options=Options(family="AQ"))
    dpi = round(Image.open(png).info.get("dpi", (300, 300))[0])
    got = extract_image(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), image_name=png.name, engine=ocr_engine, dpi=dpi)
    truth = json.loads(png.with_suffix(".json").read_text())
    assert got.page_review is None
    assert len(got.rows) == len(truth["rows"])
    right = silent = total = 0
    for g, t in zip(got.rows, truth["rows"], strict=True):
        for f, v in t.items():
            if f in ("bbox", "polygon") or v is None:
                continue
            total += 1
            right += getattr(g, f) == v
            silent += getattr(g, f) != v and f not in (g.review or [])
    assert silent == 0
    assert right >= 0.8 * total


def test_a_post_read_in_pieces_or_with_its_dash_apart_is_joined_as_printed() -> None:
    from ocr.payment_blocks import _joined

    # "ВОДОПР" "ОВОДЧИК": the second word's left edge six print positions after the first's (no blank between)
    pieces = [Word("ВОДОПР", 0.9, Box(100, 0, 275, 30)), Word("ОВОДЧИК", 0.9, Box(100 + 6 * CW, 0, 400, 30))]
    assert _joined(pieces, [], CW) == "ВОДОПРОВОДЧИК"
    # "ШОФЬОР" "-" "РАЗНОС.": the dash read as a word of its own between them
    words = [Word("ШОФЬОР", 0.9, Box(100, 0, 100 + 6 * CW, 30)), Word("РАЗНОС.", 0.9, Box(100 + 7 * CW, 0, 400, 30))]
    dash = [Word("-", 0.5, Box(100 + 6 * CW + 4, 10, 100 + 7 * CW - 4, 14))]
    assert _joined(words, dash, CW) == "ШОФЬОР-РАЗНОС."
    # two words a blank apart stay two
    two = [Word("ОБЩ", 0.9, Box(100, 0, 160, 30)), Word("РАБОТНИК", 0.9, Box(100 + 4 * CW, 0, 400, 30))]
    assert _joined(two, [], CW) == "ОБЩ РАБОТНИК"


def test_the_period_over_the_heading_is_no_person() -> None:
    """'ЗА МЕСЕЦ АВГУСТ': a short word of letters read for digits and two words after it, but no items under it."""
    words = _line(3, [(40, "ЗА МЕСЕЦ АВГУСТ 1991 Г.")]) + _line(4, [(0, "ОРГАНИЗАЦИЯ 8073 - ХЛЕБОЗАВОД")]) + _printout()
    p = parse(words)
    assert [b.person.number.text for b in p.blocks] == ["001", "002"]


def test_a_table_of_rows_is_no_printout_of_blocks() -> None:
    """A typed table's rows (a number, a name, figures in columns): no item codes recur, no person's sums."""
    from ocr.payment_blocks import is_printout

    rows = [[(0, f"{i}"), (4, name), (34, "22"), (40, "245.60"), (52, "29.47"), (64, "216.13")]
            for i, name in enumerate(("ИВАН ПЕТРОВ ГЕОРГИЕВ", "МАРИЯ ИВАНОВА ПЕТРОВА", "ПЕТЪР СТОЯНОВ ДИМОВ"), 1)]
    words = [w for k, pieces in enumerate(rows) for w in _line(k + 5, pieces)]
    assert not is_printout(parse(words))
    assert is_printout(parse(_printout()))


def test_a_block_lost_between_two_read_sends_the_page_to_review() -> None:
    from ocr.checks import RowDraft
    from ocr.payment_blocks import _numbers_skip

    review = _numbers_skip([RowDraft({"row": n}) for n in (1, 2, 4, 5)])
    assert review is not None and "3" in review.detail
    assert _numbers_skip([RowDraft({"row": n}) for n in (1, 2, 3, 4)]) is None
    assert _numbers_skip([RowDraft({"row": n}) for n in (1, 7, 3, 4)]) is None  # one number misread: no block lost


def test_a_misread_row_number_takes_the_order_its_neighbours_keep_in_review() -> None:
    from ocr.checks import RowDraft
    from ocr.payment_blocks import _number

    drafts = [RowDraft({"row": n}) for n in (7, 2, 3)]  # "0001" read "0007"
    _number(drafts)
    assert [d.values["row"] for d in drafts] == [1, 2, 3]
    assert [("row" in d.review) for d in drafts] == [True, False, False]
