"""A valid ЕГН the page shows and no row holds is a person the grid lost (J dev 1001 p16: a table in
very small print read as one row, the people under it never became rows): the person comes back as a row in review, with
the ЕГН as the page shows it, and the page goes to review as a page — never a person silently missing."""

from __future__ import annotations

from archive_api.i18n_reasons import REASON_WORDS
from archive_core import egn as egn_mod
from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.geometry import Box, Grid, Word
from ocr.unread_people import (
    PEOPLE_MERGED,
    PEOPLE_UNREAD,
    number_above_first,
    restore_unread,
    split_merged_names,
)

GRID = Grid(xs=[100, 400, 900, 1500], ys=[50, 100, 150, 200, 250], ruled=True)
A, B, C = "4103272127", "4411165236", "5111256403"


def _row(egn: str | None, y: int, **values: object) -> checks.RowDraft:
    return checks.RowDraft(values={"egn": egn, **values}, bbox=[100, y, 1500, y + 50])


def _same(box: Box) -> list[int]:
    return box.as_list()


def test_the_three_are_valid() -> None:
    assert all(egn_mod.is_valid(e) for e in (A, B, C))


def test_a_person_no_row_holds_comes_back_in_review_between_its_neighbours() -> None:
    drafts = [_row(A, 100, name="Румен Щерев"), _row(C, 200, name="Йордан Атанасов")]
    words = [Word(A, 0.9, Box(420, 110, 600, 140)), Word(B, 0.9, Box(420, 160, 600, 190)),
             Word(C, 0.9, Box(420, 210, 600, 240))]
    review = restore_unread(drafts, words, GRID, _same)
    assert review is not None and review.reason == PEOPLE_UNREAD and review.detail == B
    assert [d.values.get("egn") for d in drafts] == [A, B, C]  # in its place on the sheet
    lost = drafts[1]
    assert set(lost.review) >= set(SCORED_FIELDS) and lost.review.reasons["egn"] == checks.UNREADABLE
    assert lost.bbox == [100, 160, 1500, 190]


def test_an_egn_a_row_holds_as_read_inside_another_cell_or_a_digit_off_is_no_lost_person() -> None:
    off = B[:4] + ("0" if B[4] != "0" else "1") + B[5:]
    for held in ([_row(B, 100)], [_row(None, 100, gross_pay=f"{B}75636.84")], [_row(off, 100)]):
        words = [Word(f"ЕГН {B}", 0.9, Box(420, 110, 600, 140))]
        assert restore_unread(held, words, GRID, _same) is None
        assert len(held) == 1


def test_ten_digits_that_are_no_valid_egn_and_longer_runs_are_left_alone() -> None:
    bad = A[:9] + str((int(A[9]) + 1) % 10)
    words = [Word(bad, 0.9, Box(420, 110, 600, 140)), Word(A + "5", 0.9, Box(420, 160, 600, 190))]
    drafts = [_row(C, 100)]
    assert restore_unread(drafts, words, GRID, _same) is None and len(drafts) == 1


def test_the_screen_says_the_reason_in_both_languages() -> None:
    assert "ЕГН" in REASON_WORDS["bg"][f"reason.{PEOPLE_UNREAD}"]
    assert "ЕГН" in REASON_WORDS["en"][f"reason.{PEOPLE_UNREAD}"]


def test_an_egn_in_the_band_of_a_row_whose_own_was_not_read_is_that_rows_person() -> None:
    """F regression sheet `f-hard-signature-into-wrapped-name-line`: the row is there, its ЕГН unread (in
    review); a row of its own would take the row's printed number from the certificate's line."""
    drafts = [_row(None, 100, name="Трифон Христов"), _row(C, 150)]
    words = [Word(B, 0.9, Box(420, 110, 600, 140))]
    assert restore_unread(drafts, words, GRID, _same) is None and len(drafts) == 2
    drafts = [_row(A, 100, name="Румен Щерев")]  # a band holding another person's valid ЕГН: two people
    assert restore_unread(drafts, words, GRID, _same) is not None and len(drafts) == 2


def test_a_band_holding_several_people_answers_for_none_of_them() -> None:
    """R dev 10004 p2 (a clean brigade payroll, its rows ruled only at the heading and the total): the
    grid read the ten people as one row of ten names, the row's ЕГН unread; the page came out with one row
    and nothing said nine people were missing. One row is one person: each ЕГН in its band comes back."""
    merged = checks.RowDraft(values={"egn": None, "name": "Румен Щерев Йордан Атанасов"}, bbox=[100, 100, 1500, 250])
    drafts = [merged]
    words = [Word(e, 0.9, Box(420, y, 600, y + 30)) for e, y in ((A, 110), (B, 160), (C, 210))]
    review = restore_unread(drafts, words, GRID, _same)
    assert review is not None and review.reason == PEOPLE_UNREAD and review.detail == ", ".join((A, B, C))
    assert {d.values.get("egn") for d in drafts} >= {A, B, C}
    assert all(set(d.review) >= set(SCORED_FIELDS) for d in drafts if d is not merged)


def test_a_person_brought_back_where_the_numbers_leave_one_line_takes_its_number_in_review() -> None:
    """R dev 10016 p1: the first row went into the heading; its person came back from the ЕГН without the
    printed 1, so the certificate's line (and every figure of it) had no row to cite."""
    drafts = [_row(B, 150, row=2), _row(C, 200, row=3)]
    restore_unread(drafts, [Word(A, 0.9, Box(420, 110, 600, 140))], GRID, _same)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3] and "row" in drafts[0].review
    drafts = [_row(A, 100, row=1), _row(C, 200, row=5)]  # three lines between, one person: which, nobody says
    restore_unread(drafts, [Word(B, 0.9, Box(420, 160, 600, 190))], GRID, _same)
    assert drafts[1].values.get("row") is None


def test_people_brought_back_fill_the_lines_the_numbers_leave_for_them() -> None:
    """R dev 10086 p1: the first two rows went into the heading; their people came back from their ЕГН
    with no number, so the printed 1 and 2 (and every figure of them) had no row to cite. Two people before
    a first row numbered 3 are 1 and 2, in order and in review; two before a row numbered 4 are not placed."""
    drafts = [_row(C, 200, row=3)]
    restore_unread(drafts, [Word(A, 0.9, Box(420, 110, 600, 140)), Word(B, 0.9, Box(420, 160, 600, 190))], GRID, _same)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3]
    assert all("row" in d.review for d in drafts[:2]) and [d.values["egn"] for d in drafts] == [A, B, C]
    drafts = [_row(C, 200, row=4)]  # three lines above, two people: which is where, nobody says
    restore_unread(drafts, [Word(A, 0.9, Box(420, 110, 600, 140)), Word(B, 0.9, Box(420, 160, 600, 190))], GRID, _same)
    assert [d.values.get("row") for d in drafts] == [None, None, 4]


def test_a_person_brought_back_right_above_a_continuation_pages_first_number_takes_the_number_before_it() -> None:
    """AK dev 29001 p4: a page whose rows are numbered on from the page before (33, 34 ...), its first line taken
    into the grid's heading band; its person came back from the ЕГН without a number and the printed 33 (every
    figure of it) had no row to cite. A line right above the row numbered 34 is 33, in review; a person two lines
    above it may be 32 or 33: nobody says."""
    drafts = [_row(C, 200, row=34), _row(A, 250, row=35)]
    restore_unread(drafts, [Word(B, 0.9, Box(420, 160, 600, 190))], GRID, _same)
    assert [d.values.get("row") for d in drafts] == [33, 34, 35] and "row" in drafts[0].review
    drafts = [_row(C, 200, row=34), _row(A, 250, row=35)]
    restore_unread(drafts, [Word(B, 0.9, Box(420, 110, 600, 140))], GRID, _same)
    assert [d.values.get("row") for d in drafts] == [None, 34, 35]
    drafts = [_row(C, 200, row=34), _row(A, 250, row=35)]  # inside the band of the row numbered 34: its own line
    restore_unread(drafts, [Word(B, 0.9, Box(420, 205, 600, 240))], GRID, _same)
    assert drafts[0].values.get("row") is None


def test_a_row_holding_several_peoples_names_is_each_of_them_in_review() -> None:
    """R dev 10011 p2 (dot-matrix, scanned in black and white): eleven people read as one row, their ЕГНs
    unread, the page out with one row and no review. Each name comes back as a row in review, in order."""
    merged = checks.RowDraft(values={"name": "Елена Цветанова Жечева Лиляна Атанасова Иванова Златка Попова",
                                     "gross_pay": "29.46"}, bbox=[100, 100, 1500, 250])  # fmt: skip
    drafts = [merged]
    review = split_merged_names(drafts)
    assert review is not None and review.reason == PEOPLE_MERGED
    assert [d.values["name"] for d in drafts] == ["Елена Цветанова Жечева", "Лиляна Атанасова Иванова", "Златка Попова"]
    assert all(set(d.review) >= set(SCORED_FIELDS) for d in drafts)
    assert [d.bbox[1] for d in drafts if d.bbox] == [100, 150, 200]
    assert "имената" in REASON_WORDS["bg"][f"reason.{PEOPLE_MERGED}"]
    assert "names" in REASON_WORDS["en"][f"reason.{PEOPLE_MERGED}"]


def test_one_persons_name_is_not_split() -> None:
    # (R dev 10026 p10: a family name wrapped onto the line under, `Генчев` read `Генчо У Га Вк`)
    for name in ("Иван Петров Марин", "Мария Иванова", "Иван Петров Иванов Зидар", "Петров Иван Георгиев Стоян",
                 "Тодор Димитров Генчо У Га Вк"):
        drafts = [checks.RowDraft(values={"name": name}, bbox=[100, 100, 1500, 150])]
        assert split_merged_names(drafts) is None and len(drafts) == 1 and drafts[0].values["name"] == name


def test_a_name_read_garbled_into_two_given_names_on_a_row_of_one_persons_height_is_not_split() -> None:
    """AA dev 19003 p6: `МИХАЙЛОВ НИКОЛА ЛАЗАРОВ` read `НИХАНЛОВ ЯНКО Ля ЛАЗАР Ов` on a row as tall as its
    neighbours: one person, not two."""
    rows = [checks.RowDraft(values={"name": "Иван Петров Иванов"}, bbox=[100, 100 + 38 * k, 1500, 138 + 38 * k])
            for k in range(5)]  # fmt: skip
    rows[2].values["name"] = "НИХАНЛОВ ЯНКО Ля ЛАЗАР Ов"
    assert split_merged_names(rows) is None and len(rows) == 5
    tall = [*rows[:4], checks.RowDraft(values={"name": "Елена Цветанова Жечева Лиляна Атанасова Иванова"},
                                       bbox=[100, 300, 1500, 380])]  # fmt: skip
    assert split_merged_names(tall) is not None and len(tall) == 6


def test_a_name_brought_back_right_above_a_continuation_pages_first_number_takes_the_number_before_it() -> None:
    """AK dev 29003 p6: the first line of a page numbered on from the page before came back from its name (no
    ЕГН read) over the row numbered 43, without a number: every figure of the printed 42 had no row to cite."""
    back = checks.RowDraft(values={"name": "Христо Пенчов Пазаров"}, bbox=[100, 150, 1500, 190])
    back.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
    drafts = [back, _row(C, 200, row=43), _row(A, 250, row=44)]
    number_above_first(drafts)
    assert [d.values.get("row") for d in drafts] == [42, 43, 44] and back.review.reasons["row"] == checks.UNREADABLE
    read = _row(B, 150)  # its ЕГН read, its number not (AK dev 29003 p4)
    drafts = [read, _row(C, 200, row=43), _row(A, 250, row=44)]
    number_above_first(drafts)
    assert drafts[0].values.get("row") == 42 and "row" in read.review
    nothing = checks.RowDraft(values={"days_worked": 3}, bbox=[100, 150, 1500, 190])  # no person's line
    drafts = [nothing, _row(C, 200, row=43), _row(A, 250, row=44)]
    number_above_first(drafts)
    assert drafts[0].values.get("row") is None


def test_a_first_row_with_its_produce_line_under_it_takes_the_number_before_the_first_read() -> None:
    """AK dev 29017 p2: the continuation page's first person, `29`, came back by its ЕГН without its number, two
    lines above `30` (the produce it took in kind printed on a line of its own under it, as under `31`): every
    figure of 29 counted missing. A step as long as the page's own two-line rows is a row with its line under it;
    one longer than any row numbered one apart is not the line right above."""
    def page(top: int) -> list[checks.RowDraft]:
        back = _row(B, top)
        back.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        rows = [_row(A, 300, row=30), _row(C, 333, row=31), _row(None, 398, row=32, name="Яркова"),
                _row(None, 431, row=33, name="Юрукова")]  # fmt: skip
        return [back, *rows]

    two_lines = page(232)  # 68 px over `30`: as `31` over `32` (65 px), its produce line between
    number_above_first(two_lines)
    assert two_lines[0].values.get("row") == 29 and two_lines[0].review.reasons["row"] == checks.UNREADABLE
    far = page(180)  # 120 px: further than any row of the page from the next: no line right above
    number_above_first(far)
    assert far[0].values.get("row") is None
    title = page(232)  # AK dev 29017 p4: the title's `Георги Димитров` brought back as a name two lines over
    title[0].values.update(egn=None, name="Георги Димитров")
    number_above_first(title)
    assert title[0].values.get("row") is None
