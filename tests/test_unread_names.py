"""People whose names a page in review shows inside its table and no row holds come back as rows in review
(ocr/unread_names.py: R dev 10095 p1, eight of twelve people lost to the heading band)."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.geometry import Box, Grid, Word
from ocr.unread_names import names_in_line, restore_named

GRID = Grid(xs=[100, 400, 900, 1500], ys=[50, 100, 150, 200, 250, 300], ruled=True)


def _same(box: Box) -> list[int]:
    return box.as_list()


def _line(text: str, y: int) -> list[Word]:
    out, x = [], 120
    for t in text.split():
        out.append(Word(t, 0.9, Box(x, y, x + 20 * len(t), y + 30)))
        x += 20 * len(t) + 15
    return out


def _row(y: int, **values: object) -> checks.RowDraft:
    return checks.RowDraft(values=dict(values), bbox=[100, y, 1500, y + 50])


def test_a_name_on_a_line_is_found_with_a_letter_misread_and_the_profession_left_out() -> None:
    assert [n for n, _b in names_in_line(_line("Стешка Василова Борисова крепач 5105091222 22", 0))] == [
        "Стефка Василова Борисова"
    ]
    assert names_in_line(_line("Име и фамилия на работника", 0)) == []
    assert names_in_line(_line("Всичко заработено за месеца", 0)) == []


def test_a_person_no_row_holds_comes_back_in_review_in_its_place() -> None:
    drafts = [_row(100, name="Тодор Иванов Жечев", egn="5105091222"), _row(200, name="Ангел Иванов Йорданов")]
    words = [*_line("Тодор Иванов Жечев крепач", 110), *_line("Камен Николов Маринов надзорник", 160),
             *_line("Ангел Иванов Йорданов", 210)]  # fmt: skip
    back = restore_named(drafts, words, GRID, _same)
    assert back == ["Камен Николов Маринов"]
    assert [d.values.get("name") for d in drafts] == [
        "Тодор Иванов Жечев",
        "Камен Николов Маринов",
        "Ангел Иванов Йорданов",
    ]
    assert set(drafts[1].review) >= set(SCORED_FIELDS)


def test_a_row_on_the_names_line_holds_it_even_with_its_name_unread() -> None:
    drafts = [_row(150, egn="5405179947")]  # brought back by its ЕГН, its name not read
    assert restore_named(drafts, _line("Камен Николов Маринов", 160), GRID, _same) == []
    assert len(drafts) == 1


def test_names_above_the_table_or_under_its_total_line_are_no_rows() -> None:
    drafts = [_row(100, name="Тодор Иванов Жечев")]
    words = [*_line("Завод Георги Димитров", 10), *_line("Тодор Иванов Жечев", 110), *_line("Всичко:", 200),
             *_line("Съставил: Мария Петрова Иванова", 250)]  # fmt: skip
    assert restore_named(drafts, words, GRID, _same) == []


def test_the_page_goes_to_review_naming_them_and_the_screen_says_why_in_both_languages() -> None:
    from archive_api.i18n_reasons import REASON_WORDS
    from ocr.unread_names import NAMES_UNREAD, page_review

    review = page_review(["Камен Николов Маринов"])
    assert (
        review is not None
        and review.reason == NAMES_UNREAD
        and "Камен Николов Маринов" in (review.detail or "")
    )
    assert page_review([]) is None
    assert REASON_WORDS["bg"][f"reason.{NAMES_UNREAD}"] and REASON_WORDS["en"][f"reason.{NAMES_UNREAD}"]


def test_a_names_likeness_is_difflibs_wherever_it_can_reach_same() -> None:
    """``_ratio`` skips the full match where difflib's upper bounds fall below ``SAME``: wherever the ratio reaches
    ``SAME`` it is difflib's own, and below it stays below (which row holds which name is decided the same)."""
    from difflib import SequenceMatcher

    from ocr.unread_names import SAME, _ratio

    names = ["Иван Петров Иванов", "Иванка Петрова", "Петър Иванов Петров", "Мария Георгиева", "Георги Маринов",
             "ИВАН ПЕТРОВ", "Ива", "", "Стефан Стефанов Стоянов", "Стоян Стефанов"]  # fmt: skip
    for a in names:
        for b in names:
            full = SequenceMatcher(None, a.lower(), b.lower()).ratio() if a else 0.0
            got = _ratio(a, b)
            assert got == full if full >= SAME else got < SAME, (a, b, got, full)
    assert _ratio(None, "Иван Петров") == 0.0


def test_one_matcher_per_name_asked_of_every_text_rates_as_a_fresh_one() -> None:
    """``_held`` makes one matcher per name found and asks it of every row's texts in turn: each answer is the
    one a matcher made for that pair alone gives (nothing of one text stays for the next)."""
    from difflib import SequenceMatcher

    from ocr.unread_names import _ratio, _ratio_to

    names = ["Иван Петров Иванов", "Иванка Петрова", "Петър Иванов Петров", "Мария Георгиева", "ИВАН ПЕТРОВ",
             "Ива", "Стефан Стефанов Стоянов", "Стоян Стефанов", "Иван Петров Иванов"]  # fmt: skip
    for b in names:
        m = SequenceMatcher(None, "", b.lower())
        for a in [*names, "", None, *reversed(names)]:
            assert _ratio_to(m, a) == _ratio(a, b), (a, b)


def test_the_headings_line_misread_is_no_person_and_the_rows_keep_their_places() -> None:
    # R dev 10073 p1: `фамилия` read `фана` (a given name one letter off), `Машина` beside it a family name's ending
    drafts = [_row(100, name="Борис Ангелов Николов")]
    words = [*_line("иа фана Машина / рредрлеа Отработени Норма Заработка Всичко", 60),
             *_line("Борис Ангелов Николов бояджия", 110)]  # fmt: skip
    assert restore_named(drafts, words, GRID, _same) == []
    assert [d.values.get("name") for d in drafts] == ["Борис Ангелов Николов"]
    # a person's line, even with a trade, names no column
    assert restore_named(drafts, [*words, *_line("Камен Николов Маринов надзорник 22", 160)], GRID, _same) == [
        "Камен Николов Маринов"
    ]


def test_a_person_brought_back_takes_the_number_his_place_gives_in_review() -> None:
    """AB dev 20007 p3: the last person's line under row 25 brought back with no number: cited under none."""
    drafts = [_row(100, name="Тодор Иванов Жечев", row=24), _row(150, name="Ангел Иванов Йорданов", row=25)]
    words = [*_line("Тодор Иванов Жечев", 110), *_line("Ангел Иванов Йорданов", 160),
             *_line("Камен Николов Маринов", 210)]  # fmt: skip
    assert restore_named(drafts, words, GRID, _same) == ["Камен Николов Маринов"]
    assert drafts[2].values.get("row") == 26 and "row" in drafts[2].review
    # between two rows whose numbers leave no gap for him: no number
    drafts = [_row(100, name="Тодор Иванов Жечев", row=24), _row(200, name="Ангел Иванов Йорданов", row=25)]
    words = [*_line("Тодор Иванов Жечев", 110), *_line("Камен Николов Маринов", 160),
             *_line("Ангел Иванов Йорданов", 210)]  # fmt: skip
    restore_named(drafts, words, GRID, _same)
    assert drafts[1].values.get("row") is None


def test_a_person_brought_back_under_a_doubted_number_takes_the_next_where_the_numbers_above_run_on() -> None:
    # R dev 10076 p2: the last person brought back under row 9, its number in doubt, row 8 over it
    drafts = [_row(50, name="Тодор Иванов Жечев", row=8), _row(100, name="Ангел Иванов Йорданов", row=9)]
    drafts[1].review.add("row", checks.UNREADABLE)
    words = [*_line("Тодор Иванов Жечев", 60), *_line("Ангел Иванов Йорданов", 110),
             *_line("Камен Николов Маринов", 160)]  # fmt: skip
    assert restore_named(drafts, words, GRID, _same) == ["Камен Николов Маринов"]
    assert drafts[2].values.get("row") == 10 and "row" in drafts[2].review
    # a doubted number with nothing over it to back it: no number
    drafts = [_row(50, name="Тодор Иванов Жечев", row=5), _row(100, name="Ангел Иванов Йорданов", row=9)]
    drafts[1].review.add("row", checks.UNREADABLE)
    restore_named(drafts, words, GRID, _same)
    assert drafts[2].values.get("row") is None


def test_a_line_without_figures_whose_last_word_is_no_family_name_is_no_person() -> None:
    # R dev 10024 p3: the heading band's `Работник ... Сделна заработка` read `ТРИ ДИНА забавно` (`Юри`, a given
    # name one letter off; `Дина` ends as `-ина` does): put first, every person's row after it one place down
    assert names_in_line(_line("вмерарение мор ВВ ТРИ ДИНА забавно ие ооо Пол", 0)) == []
    # a person's line of figures keeps a name whose family name is misread
    assert [n for n, _b in names_in_line(_line("Тодор Иванов Жечеп 5105091222 22 245.60", 0))] == ["Тодор Иванов Жечеп"]
    assert [n for n, _b in names_in_line(_line("Камен Николов Маринов надзорник", 0))] == ["Камен Николов Маринов"]


def test_a_row_brought_back_by_its_egn_holds_the_name_on_its_line_of_a_skewed_page() -> None:
    # R dev 10026 p8 (1.75 degrees askew): the first person's line taken into the heading, its ЕГН and its name
    # each brought back; in the image as given the ЕГН stands 36 px under the name's start: two rows of one
    # person, every person under them one line down
    def skewed(box: Box) -> list[int]:  # the image as given: 1.75 degrees, a line's far end 3 % lower
        return [box.x0, box.y0 + box.x0 * 3 // 100, box.x1, box.y1 + box.x1 * 3 // 100]

    egn = Word("3205144235", 0.9, Box(1200, 160, 1400, 190))
    name = _line("Теменужка Илиева Василева багерист", 160)
    row = checks.RowDraft(values={"egn": "3205144235"}, bbox=skewed(Box(100, 160, 1500, 190)))
    drafts = [row, _row(200, name="Снежана Маринова Павлова", egn="6901179131")]
    back = restore_named(drafts, [*name, egn, *_line("Снежана Маринова Павлова", 210)], GRID, skewed,
                         page_in_review=True)  # fmt: skip
    assert back == [] and len(drafts) == 2
