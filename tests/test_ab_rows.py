"""Family AB's rows (a daisy wheel's payroll filmed): a person whose surname reads within two letters of
`Пренос` (`Пенов`) does not close the table when people follow (ocr/sheet.py ``row_roles``)."""

from __future__ import annotations

from ocr.sheet import row_roles


def _roles(texts: list[str]) -> tuple[list[int], int | None, int | None]:
    rows = ["heading", *texts]
    return row_roles(len(rows), lambda r: rows[r], lambda r: bool(rows[r].strip()))


def test_a_surname_like_the_carried_sums_word_closes_nothing_above_people() -> None:
    texts = ["1 Дкдуртир Петров Иванов огняр 2 230.90", "2 Чавдар Георгиев Йорданов стругар 299.00",
             "3 Иван Борисов Пенов шофьор 4363.00", "4 Стефан Тодоров Найденов счетоводител 1434.00",
             "5 Мария Иванова Петрова касиер 1200.00", "Всичко: 7427.90"]  # fmt: skip
    body, totals, carried = _roles(texts)
    assert body == [1, 2, 3, 4, 5] and totals == 6 and carried is None


def test_the_carried_sums_word_still_closes_the_table() -> None:
    texts = ["1 Дкдуртир Петров Иванов огняр 2 230.90", "2 Чавдар Георгиев Йорданов стругар 299.00",
             "Пренос: 529.90", "Гл. счетоводител: Иван Петров", "Командир:"]  # fmt: skip
    body, totals, _ = _roles(texts)
    assert body == [1, 2] and totals == 3


def test_a_first_line_of_sums_far_above_the_peoples_is_the_carried_sums() -> None:
    """AB dev 20001 p7: `Пренесено от лист 1:` read `Ас Те Фт Дист Е`: no name, no ЕГН, no number, sums."""
    from ocr.sheet import _sums_first

    people = [f"{28 + k} 50121722{k:02d} Георгиев Атанас Кирилов 21 {2999 + 300 * k}.46 {3599 + 300 * k}.36"
              for k in range(6)]  # fmt: skip
    assert _sums_first(["Ас Те Фт Дист Е: 92173.93 108267.77 13957.59 94310.18", *people])
    # a person's row with the ЕГН and number unread, the pay a person's: no sums
    assert not _sums_first(["Петрова Радка 3699.13 4401.96", *people])
    assert not _sums_first(["29 Ас Те 92173.93 108267.77", *people])  # a printed number: a person's row


def test_a_line_of_sums_between_typed_rules_over_unruled_people_is_the_carried_sums() -> None:
    from types import SimpleNamespace

    from ocr.geometry import Grid
    from ocr.lines import Rule
    from ocr.sheet import _sums_set_apart

    grid = Grid(xs=[0, 100, 200], ys=[700, 900, 1000, 1080, 1160, 1240], ruled=True)

    def page(rules: list[int]) -> SimpleNamespace:
        return SimpleNamespace(grid=grid, rules=SimpleNamespace(horizontal=[Rule(y, 0, 200) for y in rules]))

    sums = "ас те Фт дист Е: 2173.93 3230.27 596.56"
    assert _sums_set_apart(page([700, 900, 1000, 1240]), 1, sums)  # type: ignore[arg-type]
    assert not _sums_set_apart(page([700, 900, 1000, 1080, 1160, 1240]), 1, sums)  # type: ignore[arg-type]
    assert not _sums_set_apart(page([700, 900, 1000, 1240]), 1, "29 Ас Те 2173.93")  # type: ignore[arg-type]



def test_a_person_whose_surname_reads_like_the_carried_sums_word_is_neither_a_subtotal_nor_the_totals() -> None:
    """AB dev 20005 p1: `Лазар Димитров Ценов` read `Пазар Пимитров Пенов` on a thin film, his ЕГН unread, the
    people under him with theirs: taken for a department's subtotal read poorly and left out. 20005 p2: every
    ЕГН unread, `Ангел Иванов Ценов` read `Ангоц Инабов пенов` taken for the totals, eleven people lost."""
    texts = [f"{k} Петров Иван Колев {7001011230 + 7 * k} 230.90" for k in range(1, 5)]
    texts += ["31 Пазар Пимитров Пенов 2,7 ят 2451 4459", "32 Ката Атанасова Иванова 4102099750 2694.00",
              "33 Цанко Васияов Стоднон 8507111234 3780.00", "Всичко: 19427.90"]  # fmt: skip
    body, totals, _ = _roles(texts)
    assert body == [1, 2, 3, 4, 5, 6, 7] and totals == 8
    unread = [f"{k} Петров Иван Колев 70010 230.90" for k in range(1, 5)]
    unread += ["36 Ангоц Инабов пенов 38184 291.82", "Петър иеянов Щижилав 7 18.8", "Ката Атанасова 949 2306",
               "Всичко: 19427.90", "Гл. счетоводител:"]  # fmt: skip
    body, totals, _ = _roles(unread)
    assert body == [1, 2, 3, 4, 5, 6, 7] and totals == 8


def test_a_first_name_like_the_totals_word_closes_nothing() -> None:
    """AB dev 20011 p7: `Величко` is two letters from `Всичко`; `Величко Маринова Василева` read `Величко Изринова
    В типева`, no ЕГН read under her: taken for the carried-out sums, the people under her lost."""
    texts = [f"{k} Петров Иван Колев 2{k}0.90" for k in range(1, 5)]
    texts += ["5 Величко Изринова В типева цив сл стругар 9655.38", "6 Цветанка Стефанова Ангелова с-т 12106.19",
              "7 Лазар Ангелов Георгиев ел монтьор 10959.26", "Пренася се: 252220.59"]  # fmt: skip
    body, totals, _ = _roles(texts)
    assert body == [1, 2, 3, 4, 5, 6, 7] and totals == 8


def test_a_last_row_with_a_persons_name_and_no_egn_is_a_person_not_the_totals() -> None:
    """AB dev 20011 p1: the carried-out sums under the grid's last rule, outside it; the last person, `Радка
    Борисова Генчева` read `фара веч: ва Генчева`, her ЕГН unread, was taken for the totals and lost."""
    texts = [f"{k} Петров Иван Колев 2{k}0.90" for k in range(1, 5)]
    body, totals, _ = _roles([*texts, "3 фара веч: ва Генчева до сп Готвач «3 83 38"])
    assert body == [1, 2, 3, 4, 5] and totals is None
    body, totals, _ = _roles([*texts, "Вснчк: 9383.38 1020.40"])  # the totals, their label misread: as before
    assert body == [1, 2, 3, 4] and totals == 5


def test_the_grids_last_row_over_its_closing_rule_with_no_rule_over_it_is_a_person_in_review() -> None:
    """AB dev 20011 p7: `Пренася се:` under the grid's last rule, outside it; the last person (`Емил Кирилов
    Борисов` read `Енип Рврил.в Бери в`), his ЕГН unread, taken for the totals and lost without a flag."""
    from types import SimpleNamespace

    from archive_core.records import SCORED_FIELDS
    from ocr.checks import RowDraft
    from ocr.geometry import Grid
    from ocr.lines import Rule
    from ocr.sheet import Sheet, _last_person_over_rule, doubt_unsure

    grid = Grid(xs=[0, 100, 200], ys=[700, 900, 975, 1050, 1125, 1200, 1290], ruled=True)

    def page(rules: list[int]) -> SimpleNamespace:
        return SimpleNamespace(grid=grid, rules=SimpleNamespace(horizontal=[Rule(y, 0, 200) for y in rules]))

    body, last = [1, 2, 3, 4], 5
    above = [f"{k} Петров Иван Колев 1{k}956.56 2{k}04.10" for k in body]
    person = "28 Енип Рврил.в Бери в 14956.56 1732.79"
    assert _last_person_over_rule(page([700, 900, 1290]), body, last, person, above)  # type: ignore[arg-type]
    assert not _last_person_over_rule(page([700, 900, 1200, 1290]), body, last, "Пр с: 14956.56", above)  # type: ignore[arg-type]
    assert not _last_person_over_rule(page([700, 900, 1290]), body, last, "Пренос: 252220.59", above)  # type: ignore[arg-type]
    ruled_rows = page([700, 900, 975, 1050, 1125, 1200, 1290])  # a table ruled row by row: as before
    assert not _last_person_over_rule(ruled_rows, body, last, person, above)  # type: ignore[arg-type]
    # Z dev 18001 p1: the totals `ОБЩО ЗА ЦЕХА` read `ОБЩО ЗЛА ЦЕХА`; sums far above a person's: the totals
    assert not _last_person_over_rule(page([700, 900, 1290]), body, last, "ОБЩО ЗЛА ЦЕХА 14956.56", above)  # type: ignore[arg-type]
    assert not _last_person_over_rule(page([700, 900, 1290]), body, last, "Вс о 94873.99 95557.53", above)  # type: ignore[arg-type]
    s = Sheet({}, None, [], [*body, last], None, None, [], unsure=[[0, 1200, 200, 1290]])  # type: ignore[arg-type]
    drafts = [RowDraft(values={}, bbox=[0, y, 200, y + 75]) for y in (900, 975, 1050, 1125, 1205)]
    doubt_unsure(s, drafts)
    assert set(SCORED_FIELDS) <= set(drafts[-1].review) and not set(drafts[0].review)
