"""A ship's crew payroll's columns (issue 9, family AH): the days at sea and the days in port are parts of the
days on the roll (no days worked of their own), a foreign-currency allowance (`Валутна част DM`) is no pay
though typed and totalled like the leva, and the crew's headings name their fields (`Общо в лева` the gross,
`Аванс преди рейса` a deduction, `Подпис член на екипажа` the signature). Figures as AH dev 26001 p1 and
26003 p2 print them: taken for pay, the currency pushed the gross and the net one column along; the days at
sea were read as the days worked."""

from __future__ import annotations

import pytest

from ocr import columns, outside_columns


@pytest.mark.parametrize(
    ("heading", "votes"),
    [
        ("Дни\nплаване", {"days_part": 1}),  # the days at sea: a part of the days on the roll
        ("Дни\nв при-\nстанище", {"days_part": 1}),
        ("Стоян.\nдни", {"days_part": 2}),
        ("Ходови\nдни", {"days_part": 1}),
        ("Всичко\nдни по\nролята", {"days_worked": 1}),
        ("Общо\nв лева", {"gross_pay": 1}),  # the money's unit is no `нето`: beside `Общо`, the whole pay
        ("Всичко\nвъзнагр.\nлв.", {"gross_pay": 1}),
        ("Основно\nвъзнагр.\nлв.", {"base_pay": 2}),
        ("Морско\nплаване\nлв.", {"extra_pay": 1}),  # an amount in leva: no days
        ("Морски\nдобавки", {"extra_pay": 2}),
        ("Аванс\nпреди\nрейса", {"deduction_part": 1}),  # `преди` is no `премии`
        ("Подпис\nчлен на\nекипажа", {"signature": 1}),  # a crew member (`член`) is no union fee
        ("ЕГН\nна моряка", {"egn": 1}),  # a sailor (`моряка`) is no sea supplement
        ("Ранг\nпо екипажна\nроля", {"position": 1}),
        ("Прис.\nдни", {"days_worked": 1}),  # the days present (присъствени, family AF): no days in port
        ("Дни\nприс.", {"days_worked": 1}),
    ],
)
def test_a_crew_heading_names_its_field(heading: str, votes: dict[str, int]) -> None:
    assert columns.heading_votes(heading) == votes


def test_a_currency_heading_is_no_pay() -> None:
    for h in ("Валутна\nчаст\nDM", "Дневни\nв USD", "Валута\nUSD", "Валутна\nчаст\nОм"):
        assert outside_columns.named_not_pay(h), h
    assert not outside_columns.named_not_pay("Общо\nв лева")


# sea days, port days, days, gross, tax, advance, deductions, net, currency (AH dev 26001 p1)
CREW = [
    ("8", "15", "23", "441,39", "45,02", "", "45,02", "396,37", "230,40"),
    ("8", "15", "23", "352,17", "23,95", "", "23,95", "328,22", "195,84"),
    ("8", "15", "23", "308,74", "28,40", "90,00", "118,40", "190,34", "178,56"),
    ("8", "15", "23", "290,10", "18,30", "60,00", "78,30", "211,80", "160,20"),
    ("1", "11", "12", "109,06", "7,09", "40,00", "47,09", "61,97", "24,00"),
]
CREW_HEADS = ["Ред.\n№", "Име, презиме и фамилия", "Корабна\nдлъжност", "Дни\nплаване", "Дни\nв при-\nстанище",
              "Общо\nдни", "Общо\nв лева", "Данък\nв лева", "Аванс\nпреди\nрейса", "Удръж.\nобщо",
              "Остатък\nза\nизплащ.", "Валутна\nчаст\nDM"]  # fmt: skip


def _crew(rows: list[tuple[str, ...]]) -> list[list[str]]:
    names = ("Пенчо Йорданов Йорданов", "Христо Николов Кирилов", "Стефка Илиева Узунова")
    ranks = ("капитан", "гл. механик", "матрос")
    return [[str(i + 1), names[i % 3], ranks[i % 3], *r] for i, r in enumerate(rows)]


def test_the_days_at_sea_and_in_port_are_no_days_worked_and_the_currency_no_pay() -> None:
    kinds = columns.identify(_crew(CREW), CREW_HEADS)
    assert kinds == ["row", "name", "position", None, None, "days_worked", "gross_pay", "deduction_part",
                     "deduction_part", "deductions", "net_pay", None]  # fmt: skip


def test_where_only_the_days_at_sea_and_in_port_print_no_days_worked_is_read() -> None:
    rows = [(*r[:2], *r[3:]) for r in CREW]
    kinds = columns.identify(_crew(rows), [*CREW_HEADS[:5], *CREW_HEADS[6:]])
    assert "days_worked" not in kinds
    assert kinds[3:5] == [None, None] and kinds[-1] is None


# base, extra, currency, gross, deductions, net (AH dev 26003 p2: the currency typed between extra and gross)
BETWEEN = [
    ("334,00", "85,89", "403,20", "419,89", "32,33", "387,56"),
    ("274,00", "78,29", "268,80", "352,29", "96,42", "255,87"),
    ("234,00", "66,86", "244,80", "300,86", "25,87", "274,99"),
    ("207,00", "59,14", "211,20", "266,14", "70,23", "195,91"),
]


def test_a_currency_typed_between_the_extra_pay_and_the_gross_is_no_pay() -> None:
    body = [[str(i + 1), f"660119684{i}", "Мария Борисова Петрова", *r] for i, r in enumerate(BETWEEN)]
    heads = ["Ред.\n№", "ЕГН\nна моряка", "Трите имена\nна моряка", "Заплата\nпо ранг", "Морски\nдобавки",
             "Валута\nUSD", "Бруто\nлв.", "Сбор\nудръжки", "Нето\nлв."]  # fmt: skip
    assert columns.identify(body, heads)[3:] == ["base_pay", "extra_pay", None, "gross_pay", "deductions", "net_pay"]


def test_an_unplaced_currency_column_sends_no_missing_pay_to_review() -> None:
    """A column of amounts left unplaced means a pay field may be missing, unless its heading names it no
    pay: AH dev 26001 p1's `Валутна част DM` sent every row's base and additional pay (the sheet has
    neither) to review as unreadable."""
    from ocr import checks

    kinds = ["row", "egn", "name", "gross_pay", "deductions", "net_pay", None]

    def page(heading: str) -> list[checks.RowDraft]:
        rows = [checks.RowDraft(values={"name": "Пенчо Йорданов Йорданов", "egn": "6101219786", "gross_pay": "441.39",
                                        "deductions": "45.02", "net_pay": "396.37"}) for _ in range(4)]  # fmt: skip
        texts = [["1", "6101219786", "Пенчо", "441,39", "45,02", "396,37", "230,40"] for _ in rows]
        checks.guard_page(rows, kinds, texts, headings=["", "", "", "", "", "", heading])
        return rows

    assert not any({"base_pay", "extra_pay"} & page("Валутна\nчаст\nDM")[0].review)
    assert {"base_pay", "extra_pay"} <= page("")[0].review  # a column of amounts unnamed: a pay may be missing


@pytest.mark.parametrize(
    ("cell", "egn"),
    [
        ("| 12607133398 1", "2607133398"),  # the typed rules each side read `|` and `1`, the left one joined
        ("16601196842 1", "6601196842"),
        ("!2907187630", "2907187630"),
        ("2607133398", "2607133398"),
        ("12345678901", None),  # no ten digits of it pass the check: no ЕГН
        ("26071333981", "2607133398"),
        ("126071333988", None),  # an `8` is no rule
    ],
)
def test_an_egn_with_a_typed_rule_read_as_a_one_beside_it(cell: str, egn: str | None) -> None:
    from ocr import normalise

    assert normalise.egn(cell) == egn


def test_a_column_of_egns_with_the_rules_read_beside_them_is_the_egn_column() -> None:
    """AH dev 26004 p2: the ЕГН column typed between `!` rules, read `12607133398`, `16601196842 1`: no ЕГН
    column found, every row's ЕГН lost."""
    cells = ["| 12607133398 1", "16601196842 1", "!2907187630", "14702231423 1"]
    body = [[str(i + 1), e, "Живка Иванова Узунова", "23", *r[3:]] for i, (e, r) in enumerate(zip(cells, CREW, strict=False))]
    heads = ["Ред.\n№", "ЕГН\nчлен на\nекипажа", "Член на екипажа", "Общо\nдни", "Общо\nв лева", "Данък\nв лева",
             "Аванс\nпреди\nрейса", "Удръж.\nобщо", "Остатък\nза\nизплащ.", "Валутна\nчаст\nDM"]  # fmt: skip
    assert columns.identify(body, heads)[:4] == ["row", "egn", "name", "days_worked"]


def test_the_column_the_days_at_sea_and_in_port_add_up_to_is_the_days_worked() -> None:
    """Their headings unread (a tape's glare over them), the days at sea (`8`) were taken for the days worked
    (23) by their figures alone; the two parts add up to the whole on every row."""
    kinds = columns.identify(_crew(CREW), [*CREW_HEADS[:3], "", "", "", *CREW_HEADS[6:]])
    assert kinds[3:6] == [None, None, "days_worked"]


def test_days_worked_headed_so_beside_sick_days_and_their_sum_stay_the_days_worked() -> None:
    rows = [("20", "3", "23", *r[3:]) for r in CREW]
    kinds = columns.identify(_crew(rows), [*CREW_HEADS[:3], "Отработени\nдни", "Болнични\nдни", "", *CREW_HEADS[6:]])
    assert kinds[3] == "days_worked"


def test_the_ship_s_line_under_the_company_is_no_employer() -> None:
    """AH dev 26004 p2: 'ДСО "Воден транспорт" - Параходство БМФ - Варна' over 'м/к "Вихрен"': the company's
    line was skipped as a state association's above its enterprise, and the ship went out as the employer
    without a doubt."""
    from ocr.geometry import Box, Word
    from ocr.header import parse_header
    from ocr.superior_body import names_vessel

    def line(y: int, *texts: str) -> list[Word]:
        out, x = [], 190
        for t in texts:
            out.append(Word(t, 0.95, Box(x, y, x + 20 * len(t), y + 30)))
            x += 20 * len(t) + 15
        return out

    company = line(150, "ДСО", '"Воден', 'транспорт"', "-", "Параходство", "БМФ", "-", "Варна")
    ship = line(195, "м/к", '"Вихрен"')
    title = line(260, "Разплащателна", "ведомост", "на", "екипажа", "№", "39")
    for first, name in (("м/к", '"Вихрен"'), ("БМРТ", '"Орион"'), ("тласкач", '"Видин"')):
        assert names_vessel(line(0, first, name))
    assert not names_vessel(company)
    h = parse_header([*company, *ship, *title], 3508)
    assert h.employer is not None and h.employer.startswith("ДСО „Воден транспорт“")


def test_an_unheaded_piece_of_the_days_at_sea_is_no_days_worked() -> None:
    """AH dev 26003 p1: the days at sea cut in two by a tape's edge, the unheaded piece taken for the days
    worked on a sheet that prints only the days at sea and in port (no days worked: the page in review)."""
    rows = [(r[0], "", r[1], *r[3:]) for r in CREW]
    heads = [*CREW_HEADS[:4], "", CREW_HEADS[4], *CREW_HEADS[6:]]
    body = _crew(rows)
    for i, r in enumerate(body):
        r[4] = "1" if i < 3 else ""  # the piece: a digit on some rows
    assert "days_worked" not in columns.identify(body, heads)
