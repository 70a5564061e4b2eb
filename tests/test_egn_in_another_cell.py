"""An ЕГН typed in the position's cell (no rule between the two columns, one heading cell over both)
is the row's ЕГН, taken out of the position (H dev 803 p6: no ЕГН column, the whole page in review)."""

from __future__ import annotations

from ocr.egncells import split_egn_cells
from ocr.geometry import Box, Word
from ocr.header import Header
from ocr.sheet import Sheet

KINDS = ["row", "name", "position", "gross_pay"]


def _sheet(cells: list[str]) -> Sheet:
    words = {(r, 2): [Word(t, 0.9, Box(0, 10 * r, 50, 10 * r + 8)) for t in text.split()]
             for r, text in enumerate(cells, start=1)}  # fmt: skip
    texts = [["1", "Иван Петров Иванов", text, "100.00"] for text in cells]
    return Sheet(cells=words, header=Header(), headings=[""] * 4, body_rows=list(range(1, len(cells) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def test_ten_digits_before_the_position_on_most_rows_are_the_egn():
    s = _sheet(["з212124з2о стругар", "3309121036 шлосер", "склададжия"])
    found = split_egn_cells(s, KINDS)
    assert {i: w.text for i, w in found.items()} == {0: "з212124з2о", 1: "3309121036"}
    assert [t[2] for t in s.texts] == ["стругар", "шлосер", "склададжия"]


def test_a_sheet_with_an_egn_column_or_few_such_words_is_left_as_read():
    s = _sheet(["3212124320 стругар", "шлосер", "склададжия"])
    assert split_egn_cells(s, KINDS) == {} and s.texts[0][2] == "3212124320 стругар"
    s = _sheet(["3212124320 стругар", "3309121036 шлосер"])
    assert split_egn_cells(s, [*KINDS[:3], "egn"]) == {}


def test_an_egn_in_the_names_cell_is_left_there():
    s = _sheet(["3212124320 стругар", "3309121036 шлосер"])
    assert split_egn_cells(s, ["row", "position", "name", "gross_pay"]) == {}
