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


def _name_cells(lines: list[tuple[str, str]]) -> Sheet:
    """Name cells of two lines: the name, the ЕГН typed under it (family P)."""
    words = {}
    for r, (name, egn) in enumerate(lines, start=1):
        y = 100 * r
        ws = [Word(t, 0.9, Box(60 * k, y, 60 * k + 50, y + 30)) for k, t in enumerate(name.split())]
        if egn:
            ws.append(Word(egn, 0.9, Box(0, y + 40, 170, y + 70)))
        words[(r, 1)] = ws
    texts = [["1", f"{name} {egn}".strip(), "", "100.00"] for name, egn in lines]
    return Sheet(cells=words, header=Header(), headings=[""] * 4, body_rows=list(range(1, len(lines) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def test_an_egn_typed_under_the_name_on_most_rows_is_the_rows_egn():
    """P dev 8014 p1: the ЕГН under each name (the name's heading over both), read as part of the name;
    no ЕГН on the page, and every field of it in review."""
    s = _name_cells([("Любомир Иванов Русев", "3407129047"), ("Петър Георгиев Златев", "4003159966"),
                     ("Пламен Николов Василев", "")])  # fmt: skip
    found = split_egn_cells(s, ["row", "name", "position", "gross_pay"])
    assert {i: w.text for i, w in found.items()} == {0: "3407129047", 1: "4003159966"}
    assert [t[1] for t in s.texts] == ["Любомир Иванов Русев", "Петър Георгиев Златев", "Пламен Николов Василев"]


def test_an_egn_on_the_names_line_is_left_there():
    s = _name_cells([("Любомир Иванов Русев", ""), ("Петър Георгиев Златев", "")])
    for r in (1, 2):  # the ten digits beside the name, on its line (a grid not found right: H dev 809 p6)
        s.cells[(r, 1)].append(Word("3407129047", 0.9, Box(200, 100 * r, 370, 100 * r + 30)))
    assert split_egn_cells(s, ["row", "name", "position", "gross_pay"]) == {}


def test_under_a_heading_naming_the_egn_a_misread_line_under_the_name_is_the_egns_place():
    """P dev 8015 p1, out of focus: one ЕГН of seven read as ten digits, another split and misread
    (`зоово` `тт`), under the heading `ИМЕ ПРЕЗИМЕ ФАМИЛИЯ (ЕГН)`: each is taken out of the name, for the
    digits model to read again."""
    s = _name_cells([("Огнян Тодоров Янков", "3301148241"), ("Стоян Димитров Василев", ""),
                     ("Стефан Иванов Ценов", "")])  # fmt: skip
    s.cells[(2, 1)] += [Word("зоово", 0.1, Box(0, 240, 100, 270)), Word("тт", 0.1, Box(110, 240, 170, 270))]
    s.texts[1][1] = "Стоян Димитров Василев зоово тт"
    assert split_egn_cells(s, ["row", "name", "position", "gross_pay"]) == {}  # most rows: no ЕГН read
    s.headings[1] = "ИМЕ ПРЕЗИМЕ ФАМИЛИЯ (ЕГН)"
    found = split_egn_cells(s, ["row", "name", "position", "gross_pay"])
    assert {i: w.text for i, w in found.items()} == {0: "3301148241", 1: "зоово тт"}
    assert [t[1] for t in s.texts] == ["Огнян Тодоров Янков", "Стоян Димитров Василев", "Стефан Иванов Ценов"]
