"""Vocabulary of the synthetic sheets: people, employers, positions, column headings, inflation.

Everything here is data (lists and small tables) so the generator stays plain code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MALE_FIRST = (
    "Иван", "Георги", "Петър", "Димитър", "Никола", "Стефан", "Христо", "Тодор", "Васил", "Атанас",
    "Йордан", "Николай", "Стоян", "Илия", "Кирил", "Благой", "Любомир", "Марин", "Пенчо", "Цветан",
    "Ангел", "Борис", "Владимир", "Добромир", "Емил", "Живко", "Здравко", "Камен", "Лазар", "Митко",
    "Огнян", "Пламен", "Румен", "Симеон", "Трифон", "Филип", "Христофор", "Цанко", "Чавдар", "Юлиян",
)  # fmt: skip
FEMALE_FIRST = (
    "Мария", "Иванка", "Елена", "Йорданка", "Пенка", "Снежана", "Радка", "Стефка", "Цветанка", "Донка",
    "Величка", "Гергана", "Десислава", "Евгения", "Живка", "Златка", "Катя", "Лиляна", "Милка", "Надежда",
    "Петя", "Росица", "Светла", "Теменужка", "Фаня", "Христина", "Цонка", "Юлия", "Яна", "Ангелина",
)  # fmt: skip
# Father's first names give the patronymic (Иванов / Иванова); surnames have a male and a female form.
FATHERS = (
    "Иван", "Георги", "Петър", "Димитър", "Никола", "Стефан", "Христо", "Тодор", "Васил", "Атанас",
    "Йордан", "Стоян", "Илия", "Кирил", "Марин", "Пенчо", "Цветан", "Ангел", "Борис", "Лазар",
)  # fmt: skip
SURNAMES = (
    "Петров", "Георгиев", "Иванов", "Димитров", "Николов", "Стоянов", "Христов", "Тодоров", "Василев",
    "Атанасов", "Йорданов", "Илиев", "Кирилов", "Маринов", "Пенчев", "Цветков", "Ангелов", "Борисов",
    "Лазаров", "Костов", "Попов", "Колев", "Михайлов", "Павлов", "Русев", "Славов", "Томов", "Янков",
    "Златев", "Генчев", "Драганов", "Жечев", "Кънчев", "Найденов", "Бъчваров", "Шишков", "Чолаков",
    "Гърков", "Щерев", "Хаджиев", "Узунов", "Фъртунов", "Юруков", "Ярков", "Ценов", "Добрев",
)  # fmt: skip

POSITIONS = (
    "стругар", "шлосер", "заварчик", "шофьор", "тракторист", "счетоводител", "касиер", "домакин",
    "агроном", "ветеринар", "машинописка", "чистачка", "пазач", "оператор", "техник", "инженер",
    "работник", "общ работник", "готвач", "продавач", "бригадир", "склададжия", "електротехник",
    "монтьор", "гл. счетоводител", "секретар", "икономист", "зоотехник", "доячка", "механик",
)  # fmt: skip

EMPLOYERS_SOCIALIST = (
    "ДЗС „Напредък“ с. Крушовица", "ТКЗС „Георги Димитров“ с. Баня", "АПК „Тракия“ Пловдив",
    "Завод „Електроника“ София", "ДФ „Родопа“ Смолян", "Комбинат „Пирин“ Благоевград",
    "ДП „Стройинвест“ Плевен", "Консервен завод „Сливко“ Сливен", "ПК „Съгласие“ с. Голямо Враново",
    "Тухларна „Искър“ гр. Нови Искър", "Мелница „Зора“ гр. Попово", "ДСО „Мототехника“ Русе",
    "Шивашки завод „Мир“ Габрово", "Дърводелски цех „Бор“ Велинград", "ДИП „Балкан“ Троян",
)  # fmt: skip
EMPLOYERS_1990S = (
    "„Текстил-Инвест“ ООД Враца", "ЕТ „Петров-91“ Ямбол", "„Агрохим“ АД Разград", "„Металик“ ЕООД Перник",
    "„Хлебозавод-Стара Загора“ АД", "ЕТ „Стоянов и син“ Казанлък", "„Керамика“ АД Каолиново",
    "„Дунав Транс“ ООД Видин", "„Булмаш“ ЕАД Шумен", "ЗПК „Единство“ с. Бистрица",
)  # fmt: skip

MONTHS = (
    "януари", "февруари", "март", "април", "май", "юни",
    "юли", "август", "септември", "октомври", "ноември", "декември",
)  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def said_period(
    rng: random.Random, month: int, year: int, forms: dict[str, str | tuple[str, ...]], kind: str
) -> str:
    """The period as a family's clerk wrote it: ``forms[kind]``, one wording or one drawn from several. The
    wordings are templates of ``{word}`` (the month's name), ``{Word}``, ``{WORD}``, ``{mm}`` (two digits),
    ``{m}``, ``{roman}``, ``{y}``, ``{yy}`` (the year's last two digits) and ``{last}`` (the month's last day).
    Every kind with several wordings draws one, in order, whichever kind is said: the draws a family's pages
    were made with stay the same."""
    word = MONTHS[month - 1]
    last = {2: 29 if year % 4 == 0 else 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(month, 31)
    fields = {"word": word, "Word": word.capitalize(), "WORD": word.upper(), "mm": f"{month:02d}", "m": month,
              "roman": ROMAN[month - 1], "y": year, "yy": f"{year % 100:02d}", "last": last}  # fmt: skip
    said = {k: f if isinstance(f, str) else rng.choice(f) for k, f in forms.items()}
    return said[kind].format(**fields)

# Typical monthly base pay ranges (leva of the period) by year: the 1991-1996 inflation is the point.
PAY_RANGE: dict[int, tuple[int, int]] = {
    **{y: (140, 320) for y in range(1980, 1985)},
    **{y: (170, 380) for y in range(1985, 1990)},
    1990: (220, 520),
    1991: (600, 1800),
    1992: (1400, 3600),
    1993: (2200, 6000),
    1994: (3500, 9800),
    1995: (6000, 16000),
    1996: (9000, 42000),
}


@dataclass(frozen=True)
class Column:
    """One column a sheet may have: the payroll-page/1 field it fills and the ways it is headed."""

    field: str  # payroll-page/1 field, or "signature"
    headings: tuple[str, ...]  # heading variants; "\n" splits a heading over lines
    numeric: bool
    weight: float  # relative width


COLUMNS: dict[str, Column] = {
    "row": Column("row", ("№", "№\nпо ред", "№\nпо\nред"), True, 0.55),
    "egn": Column("egn", ("ЕГН",), True, 1.55),
    "name": Column(
        "name",
        ("Име, презиме, фамилия", "Име, презиме\nи фамилия", "Трите имена", "Име и фамилия"),
        False,
        3.5,
    ),
    "position": Column("position", ("Длъжност",), False, 1.9),
    "days_worked": Column("days_worked", ("Отработени\nдни", "Раб.\nдни", "Отраб.\nдни"), True, 0.85),
    "base_pay": Column("base_pay", ("Основна\nзаплата", "Основно\nвъзнаграждение"), True, 1.45),
    "extra_pay": Column(
        "extra_pay", ("Допълнително\nвъзнаграждение", "Други", "Допълнителни\nплащания"), True, 1.45
    ),
    "gross_pay": Column(
        "gross_pay", ("Всичко\nначислено", "Брутно\nвъзнаграждение", "Всичко\nначислено"), True, 1.5
    ),
    "deductions": Column("deductions", ("Удръжки", "Всичко\nудръжки", "Удръжки\n(данък, ДОО)"), True, 1.4),
    "net_pay": Column("net_pay", ("Сума за\nполучаване", "За\nполучаване", "Сума за\nизплащане"), True, 1.5),
    "signature": Column("signature", ("Подпис", "Подпис на\nполучателя"), False, 1.2),
    # itemised deductions (families C, D): not payroll-page/1 fields, their sum is `deductions`
    "tax": Column("tax", ("Данък",), True, 1.2),
    "insurance": Column("insurance", ("ДОО",), True, 1.2),
    "advance": Column("advance", ("Аванс",), True, 1.2),
    "union_fee": Column("union_fee", ("Синд.\nвнос",), True, 1.0),
    # columns of family J that are no payroll-page/1 field: the personnel number and the hours worked
    "tab_no": Column("tab_no", ("Таб. №",), True, 0.7),
    "hours": Column("hours", ("Отраб.\nчасове",), True, 0.8),
    # columns of family K that are no payroll-page/1 field: the day's rate (money, never totalled) and the
    # class for years of service (a percentage of the base pay)
    "rate": Column("rate", ("Дневна\nставка",), True, 1.1),
    "class_pct": Column("class_pct", ("Клас\n%",), True, 0.6),
    # family L's fifth itemised deduction: a court order's garnishment (запор), on a few people's pay
    "court": Column("court", ("Запор",), True, 1.1),
    # family L's column that is no payroll-page/1 field: the days on sick leave (paid by the insurance, not
    # the employer), beside the days worked
    "sick": Column("sick", ("Болнични\nдни",), True, 0.8),
    # family R's columns that are no payroll-page/1 field: the norm's fulfilment in per cent and the worker's
    # grade (a Roman numeral)
    "norm_pct": Column("norm_pct", ("Норма\n%",), True, 0.7),
    "grade": Column("grade", ("Разряд",), False, 0.6),
    # family S's column that is no payroll-page/1 field: the month's turnover of the person's counter (or the
    # value of the work done), money in the sheet's format
    "turnover": Column("turnover", ("Оборот",), True, 1.4),
    # family T's column that is no payroll-page/1 field (samples/family_t.py)
    "spare": Column("spare", ("—",), True, 0.9),
    # family V's itemised pay columns that are no payroll-page/1 field (their sum is the additional pay,
    # samples/family_v.py)
    "seniority": Column("seniority", ("Прослужено\nвреме",), True, 1.1),
    "piece": Column("piece", ("Прогре-\nсивка",), True, 1.1),
    "night": Column("night", ("Нощен\nтруд",), True, 1.0),
    "overtime": Column("overtime", ("Извънреден\nтруд",), True, 1.0),
    "leave": Column("leave", ("Отпуск",), True, 1.0),
}

# Column sets and orders seen on real sheets.
LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
     "net_pay", "signature"),
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "name", "days_worked", "gross_pay", "deductions", "net_pay", "signature"),
    ("row", "name", "position", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
     "net_pay"),
    ("row", "egn", "name", "position", "days_worked", "gross_pay", "deductions", "net_pay"),
)  # fmt: skip
