"""Family AG of the sample generator (held out from its making in session 30, 2026-12-06, helper s39-famag, before
anything was tuned on AF, to its one measurement by the lead at the start of session 31; evaluation seed 2056, development
seeds 25001-25040): a state enterprise's monthly "разчетно-платежна ведомост" of 1980-1996 paid out in cash by its
cashier, the cashier's breakdown of every person's pay into banknotes and coins ("купюрен строеж") typed in columns
of its own; the sheet came through a fire in the archive and is photographed on a conservation copy stand.

What AG draws, each file its own combination (samples/families.py applies it over the generic switches):
the columns. The base for the days worked (the month's salary x days / working days), the additional pay (bonuses
and allowances in one column, printed or not), gross = base + additional; itemised deductions (ДОД, the union's fee,
the advance, a ДСК loan's instalment: their sum ``deductions``, printed or not), net = gross - deductions; then the
cashier's breakdown of the net pay: a count of banknotes of each denomination the file's year knew (1, 2, 5, 10 and
20 leva to 1990; 5 to 100 leva in 1991; 10 to 200 in 1992; 20 to 500 in 1993; 50 to 1000 from 1994: ``bill_0`` the
largest, greedy from it down) and the coins left under the smallest note as an amount (``coins``): sum(count x
denomination) + coins = net pay on every row (no payroll-page/1 field: the counts are neither days nor money); the
totals row sums the money and every count (the cashier's order of cash from the bank) under a group label
("Купюрен строеж") on most files; a person who did not come for the pay: "ДЕПОНИРАНО" stamped in violet across the
signature cell (a mark ``{"kind": "stamp", "row": i}``; the row's truth unchanged); the people's signatures in
ballpoint, the round stamp at the foot, "Изплатил:"/"Касиер:" signed.
The typing: an office typewriter (fonts-unfonts-core's UnBatang cut to a pica or elite pitch as its serif type, a
black fabric ribbon, the typist's uneven force), the rules typed ("-" or "=" across, "!" or ":" down) or ruled by
pen; A4 landscape or portrait.
The fire: the archive's store burned and was put out; the sheet's edges charred and burned away (one to three
edges, deepest at a corner on some; a ragged black band along the burned edge, the paper gone beyond it), the paper
scorched brown for a hand's breadth inward and browned by the heat all over, soot smudged over it; the burning kept
off every typed string (the truth's every value stays on the page; scorch and soot lie over the typing).
The capture: photographed on a copy stand by the archive's conservator (a DSLR square-on, two lamps: a little uneven
light, the lens's vignetting; the camera's noise smoothed away by its processing), the sheet on black or grey felt
(its soft nap) with a centimetre ruler and a colour chart beside it, a little turned; charred flakes fallen out of the
brittle paper just inside a burned edge on some pages; the sheet cockled by the heat waving off flat on some (a
vertical shift per column, its slopes lit or shaded; the truth's boxes follow it); the frame saved as RGB PNG at the sheet's 200, 240 or 300 dpi
(under ~5 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .handwork import StampCut, mix_ink, round_stamp, signature, smooth_field, typewriter_glyph
from .render import FONT_DIR, Geometry, Style, face_at, rect_polygon

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum is ``deductions``)
CUT = (*PARTS, "deductions")  # under "Удръжки"
MAX_BILLS = 5  # the denominations a year knew, the largest first (bill_0 .. bill_4)
BILLS = tuple(f"bill_{k}" for k in range(MAX_BILLS))
CASH = (*BILLS, "coins")  # under "Купюрен строеж"

# "bills" stands for the file's denominations and the coins (expanded by adapt_file)
AG_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "days_worked", "gross_pay", "tax", "deductions", "net_pay", "bills", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "bills",
     "signature"),
    ("row", "name", "position", "days_worked", "gross_pay", "advance", "deductions", "net_pay", "bills", "signature"),
    ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "bills"),
    ("row", "egn", "name", "gross_pay", "tax", "loan", "deductions", "net_pay", "signature", "bills"),
    ("row", "name", "days_worked", "gross_pay", "deductions", "net_pay", "bills", "signature"),
    ("row", "name", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee", "deductions", "net_pay", "bills",
     "signature"),
)  # fmt: skip

HEADINGS_AG: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nред", "Пор.\n№", "№ в\nведо-\nмост."),
    "egn": ("Единен\nгражд.\nномер", "ЕГН на\nработника", "ЕГН\nна\nполучат."),
    "name": ("Презиме, име\nи фамилия", "Име, презиме,\nфамилия", "Получател\n(трите имена)"),
    "position": ("Профе-\nсия", "Длъжност\nпо щат", "Профе-\nсия или\nдлъжн."),
    "days_worked": ("Отраб.\nдни", "Дни\nотработ.", "Работ.\nдни"),
    "base_pay": ("Заплата\nза отраб.\nдни", "Основна\nзаработка", "Осн.\nзапл.\nлв."),
    "extra_pay": ("Премии\nи\nдобавки", "Доплащ.\nи\nпремии", "Допълн.\nсуми"),
    "gross_pay": ("Всичко\nначис-\nлено", "Общо\nначисл.", "Брутна\nзаплата\nлв."),
    "tax": ("ДОД\nудърж.", "Данък\nобщ\nдоход", "Удърж.\nданък"),
    "union_fee": ("Синдик.\nчл-внос", "Проф.\nвнос", "Член.\nвнос\nсинд."),
    "advance": ("Изпл.\nаванс", "Аванс\n1-во\nчисло", "Аванс\nизпл."),
    "loan": ("Вноска\nДСК", "ДСК\nзаем", "Удърж.\nДСК"),
    "deductions": ("Общо\nудърж.", "Всичко\nудържано", "Сума\nудръж."),
    "net_pay": ("Чиста\nсума\nза получ.", "За\nполуча-\nване", "Сума\nза\nизплащ."),
    "signature": ("Подпис\nна\nполучил", "Получих\nсумата\n(подпис)", "Подпис\nполуч."),
    "coins": ("Мо-\nнети", "Дребни\nмонети", "Мон.\nлв."),
    **{b: ("{d}\nлв.", "по\n{d}", "{d}-\nлевки") for b in BILLS},
}  # fmt: skip
GROUPS = {
    "cash": ("Купюрен строеж", "К У П Ю Р Е Н   С Т Р О Е Ж", "Купюри и монети"),
    "cut": ("Удръжки", "У Д Р Ъ Ж К И", "Удържани суми"),
}

UNBATANG = "unfonts-core/UnBatang.ttf"
# a font package none of A-AF uses (scripts/setup.sh: fonts-unfonts-core): the office typewriter's serif type
AG_FACES: dict[str, tuple[str, ...]] = {"typewriter": (UNBATANG,)}
AG_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AG_MONEY = (("", ","), ("", "."), (" ", ","), ("'", ","))  # (thousands from 1991, decimal)

# the banknotes of each year, the largest first (the coins are what stays under the smallest)
DENOMINATIONS: tuple[tuple[int, tuple[int, ...]], ...] = (
    (1990, (20, 10, 5, 2, 1)), (1991, (100, 50, 20, 10, 5)), (1992, (200, 100, 50, 20, 10)),
    (1993, (500, 200, 100, 50, 20)), (1996, (1000, 500, 200, 100, 50)),
)  # fmt: skip

# the enterprises that paid in cash: (name as typed before 1989, kind)
EMPLOYERS = (
    ('Завод за металорежещи машини "Средец" - гр. София', "works"), ('ЗММ "Г. Кирков" - гр. Сопот', "works"),
    ('Машиностроителен завод "Вапцаров" - гр. Плевен', "works"), ('Завод "Електроника" - гр. Ботевград', "works"),
    ('ДСО "Строителство и монтажи" - гр. Враца', "construction"), ('СМК "Пътни строежи" - гр. Хасково', "construction"),
    ('Строителен трест № 3 - гр. Пазарджик', "construction"), ('Рудник "Ерма река" - с. Ерма река', "mine"),
    ('Мини "Бобов дол" - гр. Бобов дол', "mine"), ('Текстилен комбинат "Марица" - гр. Пловдив', "textile"),
    ('Памучен комбинат "Георги Генов" - гр. Габрово', "textile"), ('Трикотажна фабрика "Пирин" - гр. Благоевград', "textile"),
    ('Хлебозавод "Изгрев" - гр. Шумен', "food"), ('Консервен комбинат "Елена" - гр. Пловдив', "food"),
    ('Месокомбинат "Родопа" - гр. Смолян', "food"), ('Захарни заводи - гр. Горна Оряховица', "food"),
)  # fmt: skip
RENAMED_1989 = (("Завод за металорежещи машини", "ДФ Металорежещи машини"), ("ЗММ", "ДФ ЗММ"),
                ("Машиностроителен завод", "ДФ Машиностроене"), ("ДСО", "ДФ"), ("Текстилен комбинат", "ДФ Текстил"),
                ('"Георги Генов"', '"Габрово"'), ('"Г. Кирков"', '"Сопот"'))  # fmt: skip
RENAMED_1992 = (("ДФ ", ""), ("Консервен комбинат", '"Консервена индустрия" АД'), ("Хлебозавод", "Хлебозавод ЕООД"),
                ("Строителен трест", "Строителна фирма"), ("Рудник", "Рудник ЕАД"))  # fmt: skip
PARENTS = {
    "works": ("ДСО Машиностроене", "Министерство на машиностроенето", 'СО "Металургия"'),
    "construction": ('ДСО "Промишлено строителство"', "Министерство на строителството", "Окръжен народен съвет"),
    "mine": ('ДСО "Въгледобив"', 'СО "Руда"', "Министерство на енергетиката"),
    "textile": ('ДСО "Текстил"', "Министерство на леката промишленост", 'СО "Лека промишленост"'),
    "food": ('ДСО "Хранителна промишленост"', 'ДСО "Лозаро-винарска и хранителна"', "Окръжен народен съвет"),
}  # fmt: skip
POSTS = {
    "works": ("стругар", "фрезист", "шлосер", "заварчик", "монтьор", "електротехник", "инструментчик", "общ работник",
              "контрольор ОТК", "технолог"),
    "construction": ("зидар", "кофражист", "арматурист", "бояджия", "багерист", "шофьор", "кранист", "общ работник",
                     "бригадир", "техник"),
    "mine": ("миньор", "забойчик", "крепач", "машинист", "електрошлосер", "взривник", "откаточник", "надзирател"),
    "textile": ("тъкачка", "предачка", "шивачка", "гладачка", "майстор", "механик", "бояджия", "общ работник"),
    "food": ("хлебар", "пекар", "работничка", "машинист", "шофьор", "хладилен техник", "технолог", "общ работник"),
}  # fmt: skip
TITLES = ("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "Разчетно-платежна ведомост № {n}", "ПЛАТЕЖНА ВЕДОМОСТ",
          "ВЕДОМОСТ за изплащане на заплати", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ № {n}")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {word} {y} г.", "за {mm}.{y} г.", "МЕСЕЦ {WORD} {y} Г.",
           "за месец {roman} {y} г.", "за окончателно плащане за м. {word} {y} г.")  # fmt: skip
TOTALS = ("Всичко:", "ВСИЧКО", "Всичко по ведомостта:", "Общо:")
UNITS = ("Цех № {n}", "Участък {n}", "Бригада № {n}", "Отдел {n}")
SIGNERS = (("Гл. счетоводител:", "Съставил:", "Изплатил касиер:"), ("Директор:", "Гл. счетоводител:", "Касиер:"),
           ("Ръководител:", "Счетоводител ТРЗ:", "Изплатил:"))  # fmt: skip
DEPOSITED = ("ДЕПОНИРАНО", "ДЕПОЗИРАНО", "НЕПОЛУЧЕНО")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
EDGES = ("top", "right", "bottom", "left")


@dataclass
class AGHabits:
    """One AG file's switches, drawn once per file."""

    layout: tuple[str, ...]  # with "bills" (the file's denominations and the coins, expanded by adapt_file)
    face: str
    pitch: int  # 10 or 12 characters to the inch (15 where the table fits no other way)
    row_pitch: float  # lines from a person's line to the next one's: 1, 1.5 or 2
    strike: float  # how unevenly the typist strikes (a share of the force)
    rules: str  # "typed" or "pen" (ruled by pen on the typed sheet)
    across: str  # the typed rules' character across: "-" or "="
    vchar: str  # the typed columns' character: "!" or ":"
    groups: bool  # group headings over the breakdown's and the deductions' columns
    thousands: str  # from 1991 (the amounts reach the thousands)
    decimal: str
    zero: str  # a deduction of nought: "-", "" or "0,00"
    count_zero: str  # a count of no notes: "" or "-" (never a nought typed) or "0"
    deposit: float  # the share of rows stamped "ДЕПОНИРАНО" (not come for the pay)
    portrait: bool  # typed on a portrait sheet where the table fits it
    unit: bool  # a shop's, section's or brigade's line under the enterprise
    pen: str  # the signatures' ink: "blue" or "black"
    stamp: bool  # the round stamp at the foot
    burned: tuple[str, ...]  # the edges the fire took (one to three)
    depth: float  # how far it burned in (a share of the margin it could take)
    scorch: float  # the scorched band's width (pixels at 300 dpi)
    brown: float  # the heat's browning over the whole sheet (0..1)
    soot: float  # the soot smudged over it (0..1)
    cockle: float  # how far the heat-cockled sheet waves off flat on the stand (pixels at 300 dpi; 0 flat)
    felt: str  # the copy stand's felt: "black" or "grey"
    chart: str  # the ruler and colour chart beside the sheet: "right", "left" or "bottom"
    dpi: int  # the sheet's resolution in the frame: 200, 240 or 300
    light: float  # the lamps' unevenness (0..1)
    kind: str = "works"
    denominations: tuple[int, ...] = (20, 10, 5, 2, 1)
    loans: dict[str, int] = field(default_factory=dict)  # a ДСК loan's instalment by ЕГН (leva at 1985)
    bonus: dict[str, int] = field(default_factory=dict)  # the additional pay's share of the base in per cent, by ЕГН
    heads: dict[str, str] = field(default_factory=dict)  # the group headings' words

    @property
    def ruling(self) -> str:
        return "none"  # no generic rules: the typist's own (render)


def draw(rng: random.Random) -> AGHabits:
    thousands, decimal = rng.choice(AG_MONEY)
    burned = tuple(sorted(rng.sample(EDGES, k=rng.choice((1, 1, 2, 2, 3))), key=EDGES.index))
    return AGHabits(
        layout=rng.choice(AG_LAYOUTS), face=AG_FACES["typewriter"][0], pitch=rng.choice((10, 12, 12)),
        row_pitch=rng.choice((1.0, 1.5, 1.5, 2.0)), strike=rng.uniform(0.1, 0.3), rules=rng.choice(("typed", "pen")),
        across=rng.choice(("-", "=")), vchar=rng.choice(("!", ":")), groups=rng.random() < 0.7, thousands=thousands,
        decimal=decimal, zero=rng.choice(("-", "", "0,00")), count_zero=rng.choice(("", "-", "0")),
        deposit=rng.choice((0.0, 0.0, 0.06, 0.12)), portrait=rng.random() < 0.35, unit=rng.random() < 0.5,
        pen=rng.choice(("blue", "blue", "black")), stamp=rng.random() < 0.6, burned=burned,
        depth=rng.uniform(0.35, 0.95), scorch=rng.uniform(80, 260), brown=rng.uniform(0.05, 0.35),
        soot=rng.choice((0.0, 0.05, 0.12)), cockle=rng.choice((0.0, 3.0, 6.0, 10.0)), felt=rng.choice(("black", "grey")),
        chart=rng.choice(("right", "left", "bottom")), dpi=rng.choice((200, 240, 300)), light=rng.uniform(0.05, 0.2),
    )  # fmt: skip


def denominations(year: int) -> tuple[int, ...]:
    """The banknotes a cashier paid out in ``year``, the largest first."""
    return next(d for last, d in DENOMINATIONS if year <= last)


def breakdown(net: Decimal, dens: tuple[int, ...]) -> tuple[list[int], Decimal]:
    """The cashier's breakdown of ``net``: the count of each note (greedy from the largest) and the coins left."""
    rest, counts = net, []
    for d in dens:
        n = int(rest // d) if rest > 0 else 0
        counts.append(n)
        rest -= n * d
    return counts, rest


def renamed(name: str, year: int) -> str:
    """The enterprise's name as typed in ``year`` (a state firm, ДФ, from 1989; the firm's new form from 1992)."""
    if year >= 1989:
        for old, new in RENAMED_1989:
            name = name.replace(old, new)
    if year >= 1992:
        for old, new in RENAMED_1992:
            name = name.replace(old, new)
    return name


def expand(layout: tuple[str, ...], n: int) -> tuple[str, ...]:
    """The layout with its "bills" as the file's ``n`` denominations' columns and the coins'."""
    out: list[str] = []
    for c in layout:
        out += [*BILLS[:n], "coins"] if c == "bills" else [c]
    return tuple(out)


def adapt_file(ef: EmployerFile, ag: AGHabits, rng: random.Random) -> None:
    """An AG file: a state enterprise, its people's trades, bonuses and loans, the denominations of its first year
    (the breakdown's columns of its form), the layout and headings."""
    name, kind = rng.choice(EMPLOYERS)
    ag.kind = kind
    year = ef.start[0]
    ef.employer = renamed(name, year)
    ag.denominations = denominations(year)
    ef.layout = expand(ag.layout, len(ag.denominations))
    heads = {}
    for c in ef.layout:
        words = rng.choice(HEADINGS_AG[c])
        if c in BILLS:
            words = words.format(d=ag.denominations[BILLS.index(c)])
        heads[c] = words
    ef.headings = heads
    posts = POSTS[kind]
    del ef.staff[22:]  # a shop's or brigade's month on one sheet
    for p in ef.staff:
        p.position = rng.choice(posts)
        ag.bonus[p.egn] = rng.choice((0, 5, 10, 15, 20, 25, 30))
        if rng.random() < 0.2:
            ag.loans[p.egn] = rng.choice((10, 15, 20, 25, 30))
    ag.heads = {g: rng.choice(GROUPS[g]) for g in GROUPS}



def adapt_sheet(sheet: SheetContent, ag: AGHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AG month: each person's base for the days worked, the additional pay, gross, the itemised deductions, net;
    the cashier's breakdown of the net pay into the file's notes and the coins; the rows "ДЕПОНИРАНО"; the totals
    (the money and every count); the words."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    y0 = ef.start[0] if ef is not None else sheet.year
    scale = pay_scale(y0, sheet.year)
    parts = [c for c in PARTS if c in cols]
    dens = ag.denominations
    step = Decimal(10) if sheet.year < 1991 else Decimal(100)
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = person.salary if person is not None else Decimal(200)
        days = int(str(old.get("days_paid", wd)))
        base = cents(salary * scale * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        extra = cents(base * Decimal(ag.bonus.get(egn, 10)) / 100)
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(55, 105)) / 1000), "union_fee": cents(gross / 100),
               "advance": Decimal(0), "loan": min(cents(Decimal(ag.loans.get(egn, 0)) * pay_scale(1985, sheet.year)), cents(gross / 4))}  # fmt: skip
        if rng.random() < 0.7 and gross > 0:
            adv = (gross * Decimal(rng.choice((25, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
            cut["advance"] = min(adv, cents(gross / 2))
        ded = sum((cut[c] for c in parts), Decimal(0)) if parts else cut["tax"] + cut["union_fee"] + cut["advance"]
        net = gross - ded
        counts, coins = breakdown(net, dens)
        r: dict[str, object] = {"egn": egn, "name": str(old["name"]), "days_paid": days}
        r["position"] = (person.position if person is not None else "общ работник") if "position" in cols else None
        r["days_worked"] = days if "days_worked" in cols else None
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": net}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None
        r.update({c: cut[c] for c in parts})
        r.update({BILLS[k]: n for k, n in enumerate(counts)})
        r["coins"] = coins
        r["ag_deposited"] = "signature" in cols and rng.random() < ag.deposit
        rows.append(r)
    for i, r in enumerate(rows, start=1):
        r["row"] = i
    sheet.rows = rows
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *PARTS, "coins")
                    if f in cols}  # fmt: skip
    sheet.extra["ag_counts"] = [sum(int(str(r[b])) for r in rows) for b in BILLS[: len(dens)]]
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 60))
    sheet.period_text = rng.choice(PERIODS).format(word=word, WORD=word.upper(), mm=f"{m:02d}", roman=ROMAN[m - 1], y=y)
    sheet.employer = renamed(sheet.employer, y)
    sheet.decimal_comma = ag.decimal == ","
    sheet.thousands_space = bool(ag.thousands) and y >= 1991
    sheet.thousands_sep = ag.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.egn_printed_only = True  # three layouts print no ЕГН: none in their truth (samples/generate.truth_of)
    parent = rng.choice(PARENTS[ag.kind]) if rng.random() < 0.5 else ""
    unit = rng.choice(UNITS).format(n=rng.randint(1, 9)) if ag.unit else ""
    sheet.extra["ag_job"] = {"parent": parent, "unit": unit, "total": rng.choice(TOTALS),
                             "signers": rng.choice(SIGNERS), "deposited": rng.choice(DEPOSITED)}  # fmt: skip


def amount(v: Decimal, ag: AGHabits, year: int, *, part: bool = False) -> str:
    """An amount as typed (``part``: an itemised deduction or the coins, its nought as the file types it; any other
    nought "-")."""
    if v == 0 and (ag.zero != "0,00" or not part):
        return "" if part and ag.zero == "" else "-"
    leva, st = f"{abs(v):.2f}".split(".")
    if ag.thousands and year >= 1991 and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", ag.thousands)
    return f"{'-' if v < 0 else ''}{leva}{ag.decimal}{st}"


def count_text(n: int, ag: AGHabits) -> str:
    """A count of notes as typed (none: blank, "-" or "0", as the file types it)."""
    return str(n) if n else ag.count_zero


def style(ag: AGHabits, rng: random.Random, base: Style) -> None:
    """An AG page's style: the machine's face (the rest is drawn by family_ag.render)."""
    base.font = FONT_DIR / ag.face
    base.typewriter = True
    base.size = AG_SIZES["typewriter"][0]
    base.landscape = not ag.portrait
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the sheet, typed ---

PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480)}  # pixels at 300 dpi
LINE = 50.0  # six lines to the inch at 300 dpi



class _Machine:
    """The manual typewriter on the sheet: a fixed pitch, every letter struck with the typist's uneven force
    (the ribbon's ink in proportion), the strikes a little off their places."""

    def __init__(self, ag: AGHabits, rng: random.Random, W: int, H: int, pitch: int, x0: float, top: float) -> None:
        self.ag, self.rng = ag, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.top = pitch, x0, top
        self.path = str(FONT_DIR / ag.face)
        self.boxes: list[tuple[int, int, int, int]] = []  # every string typed

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def y(self, line: float) -> float:
        """The baseline of ``line``."""
        return self.top + line * LINE

    def text(self, col: float, line: float, s: str, *, strength: float = 1.0, dx: float = 0.0) -> None:
        if s.strip() and strength >= 1.0:
            self.boxes.append((int(self.x(col)) - 6, int(self.y(line) - 0.8 * LINE), int(self.x(col + len(s))) + 6,
                               int(self.y(line) + 0.35 * LINE)))  # fmt: skip
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, base = typewriter_glyph(self.path, ch, self.pitch)
            ink = g * ((1.0 - self.ag.strike * self.rng.random()) * strength)
            x = int(round(self.x(col + k) - 4 + dx + self.rng.gauss(0, 0.6)))
            y = int(round(self.y(line) - base + self.rng.gauss(0, 0.8)))
            self._put(ink, x, y)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])




def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "name": 16, "position": 10, "signature": 8}.get(c, 3 if c in BILLS else 4)


def render(sheet: SheetContent, st: Style, ag: AGHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The typed sheet at 300 dpi: the parent body, the enterprise (its shop's or brigade's line on some), "Лист №",
    the title and period, the headings (under their groups on some files), a person a line (the counts of notes and
    the coins at the right), the totals, the signers; the rules typed or ruled by pen. The pen's layer (signatures)
    goes to ``sheet.extra["ag_pen"]``, the stamps' (the round one, "ДЕПОНИРАНО") to ``sheet.extra["ag_stamp"]``, the
    typed strings' boxes to ``sheet.extra["ag_keep"]``."""
    cols = sheet.layout
    job = sheet.extra["ag_job"]
    assert isinstance(job, dict)
    year = sheet.year

    def cell(c: str, r: dict[str, object]) -> str:
        v = r.get(c)
        if c == "signature":
            return ""
        if c in BILLS:
            return count_text(int(str(v)), ag)
        if c in ("row", "egn", "name", "position", "days_worked"):
            return "" if v is None else str(v)
        return amount(amount_or_nought(v), ag, year, part=c in PARTS or c == "coins")

    texts = [{c: cell(c, r) for c in cols} for r in sheet.rows]
    sums = {c: amount(sheet.totals[c], ag, year) for c in cols if c in sheet.totals}
    counts = sheet.extra["ag_counts"]
    assert isinstance(counts, list)
    sums.update({BILLS[k]: str(n) for k, n in enumerate(counts)})
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    widths = []
    for j, c in enumerate(cols):
        w = max([len(s) for s in heads[j]] + [len(t[c]) for t in texts] + [len(sums.get(c, "")), _least(c)])
        if c == "name":
            w = max(w, len(str(job["total"])))
        widths.append(w)
    group_of = ["cash" if c in CASH else "cut" if c in CUT else "" for c in cols]
    labels = dict(ag.heads) if ag.groups else {}
    for g in GROUPS:
        js = [j for j, x in enumerate(group_of) if x == g]
        if len(js) < 2 or js != list(range(js[0], js[-1] + 1)):
            labels.pop(g, None)  # a group only over a run of two columns or more

    def spaced(gap: int) -> tuple[list[int], list[int], int]:
        ws = list(widths)
        for g in labels:
            js = [j for j, x in enumerate(group_of) if x == g]
            ws[js[-1]] += max(0, len(labels[g]) - (sum(ws[j] for j in js) + gap * (len(js) - 1)))
        at, pos = [], 2
        for w in ws:
            at.append(pos)
            pos += w + gap
        return ws, at, pos - gap + 2

    n_head = max(len(heads[j]) + (2 if group_of[j] in labels else 0) for j in range(len(cols)))
    paper, pitch, W, H, starts, right, row_pitch = "", 0, 0, 0, [0], 0, ag.row_pitch
    side, top_px = 0.0, 0.0
    tries = [(p, gap, c, rp) for p in (("A4P", "A4L") if ag.portrait else ("A4L",)) for gap in (2, 1)
             for c in (ag.pitch, 12, 15) if c >= ag.pitch for rp in (ag.row_pitch, 1.0)]  # fmt: skip
    for p, gap, cpi, rp in tries:  # the table on the sheet the typist chose or, if need be, turned, a smaller pitch,
        W, H = PAPERS[p]  # one space between the columns, single spacing
        widths, starts, right = spaced(gap)
        px = 300 // cpi
        side = rng.uniform(150, 210)
        top_px = rng.uniform(190, 240)
        need = 13 + bool(job["parent"]) + bool(job["unit"]) + n_head + len(texts) * rp
        if right * px <= W - 2 * side and top_px + need * LINE < H - 150:
            paper, pitch, row_pitch = p, px, rp
            break
    assert paper, f"the table overran the paper: {right} {list(zip(cols, widths, strict=True))}"
    x0 = side + max(0.0, (W - 2 * side - right * pitch) / 2) + rng.uniform(-15, 15)
    mach = _Machine(ag, rng, W, H, pitch, x0, top_px)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    ruler_img = Image.new("L", (W, H), 0)  # the rules ruled by pen (the typing's layer: dark ink)
    ruler = ImageDraw.Draw(ruler_img)
    stamp = np.zeros((H, W), np.float32)
    geo = Geometry(W, H)

    def line_box(col0: float, col1: float, n0: float, n1: float) -> list[int]:
        return [int(mach.x(col0)), int(mach.y(n0) - 0.8 * LINE), int(mach.x(col1)), int(mach.y(n1) + 0.3 * LINE)]

    y = 0.0
    if job["parent"]:
        mach.text(0, y, str(job["parent"]))
        y += 1
    mach.text(0, y, sheet.employer)
    label = f"Лист № {sheet.sheet}"
    mach.text(right - len(label), y, label)
    y += 1
    if job["unit"]:
        mach.text(0, y, str(job["unit"]))
        y += 1
    y += 1
    mach.text(max(0, (right - len(sheet.title)) // 2), y, sheet.title)
    y += 1
    mach.text(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text)
    y += 2
    seps = [s - 1 for s in starts] + [right - 1]
    table_top = y
    rules: list[float] = []

    def rule() -> None:
        nonlocal y
        rules.append(y)
        y += 1

    rule()
    head_top = y
    sub_rules: list[tuple[float, int, int]] = []
    for g in GROUPS:
        js = [j for j, x in enumerate(group_of) if x == g]
        if js and g in labels:
            span0, span1 = starts[js[0]], starts[js[-1]] + widths[js[-1]]
            mach.text(span0 + (span1 - span0 - len(labels[g])) // 2, y, labels[g])
            sub_rules.append((y + 1, span0 - 1, span1 + 1))
    for j, _ in enumerate(cols):
        k = y + (2 if group_of[j] in labels else 0)
        for s in heads[j]:
            mach.text(starts[j] + (widths[j] - len(s.strip())) // 2, k, s.strip())
            k += 1
        geo.cells.append((0, j, line_box(starts[j], starts[j] + widths[j], head_top, head_top + n_head - 1),
                          " ".join(heads[j])))  # fmt: skip
    y += n_head
    rule()
    xl, xr = int(mach.x(seps[0])), int(mach.x(seps[-1] + 1))
    lead = (row_pitch - 1) / 2
    left_cols = ("name", "position")
    name_j = next(j for j, c in enumerate(cols) if c == "name")
    sig_j = next((j for j, c in enumerate(cols) if c == "signature"), -1)
    for i, t in enumerate(texts):
        y += lead
        for j, c in enumerate(cols):
            if t[c]:
                col = starts[j] + (0 if c in left_cols else widths[j] - len(t[c]))
                mach.text(col, y, t[c])
                geo.cells.append((i + 1, j, line_box(starts[j], starts[j] + widths[j], y, y), t[c]))
        if sig_j >= 0 and sheet.rows[i].get("ag_deposited"):  # not come for the pay: stamped across the signature
            sx0, sy0, sx1, sy1 = line_box(starts[sig_j], starts[sig_j] + widths[sig_j], y, y)
            _deposit(stamp, (sx0 + sx1) / 2, (sy0 + sy1) / 2 - 6, sx1 - sx0, str(job["deposited"]), rng)
            geo.marks.append({"kind": "stamp", "row": i, "polygon": rect_polygon(sx0, sy0 - 10, sx1, sy1 + 10)})
        elif sig_j >= 0 and rng.random() < 0.92:
            signature(pen, mach.x(starts[sig_j]), mach.y(y) - 0.3 * LINE, widths[sig_j] * pitch, rng)
        y0b, y1b = int(mach.y(y) - 0.85 * LINE), int(mach.y(y) + 0.35 * LINE)
        geo.row_bboxes.append([xl, y0b, xr, y1b])
        geo.row_polygons.append(rect_polygon(xl + 2, y0b + 2, xr - 2, y1b - 2))
        y += 1 + lead
    y += 0.3
    rule()
    mach.text(starts[name_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    for j, c in enumerate(cols):
        if c in sums and sums[c]:
            mach.text(starts[j] + widths[j] - len(sums[c]), y, sums[c])
            geo.cells.append((n_tot, j, line_box(starts[j], starts[j] + widths[j], y, y), sums[c]))
    y += 1
    rule()
    table_bottom = y - 1
    if ag.rules == "typed":
        for n in rules:
            mach.text(seps[0], n, ag.across * (seps[-1] - seps[0] + 1))
        for n, c0, c1 in sub_rules:
            mach.text(c0, n, ag.across * (c1 - c0))
        inner = {j for j in range(1, len(cols)) if group_of[j] in labels and group_of[j] == group_of[j - 1]}
        k = table_top + 0.5
        while k < table_bottom - 0.2:
            if all(abs(k - n) > 0.3 for n in rules):
                for j, sp in enumerate(seps):
                    if not (j in inner and k < head_top + 1.7):  # not across a group's label
                        mach.text(sp, k, ag.vchar)
            k += 0.5
    else:  # ruled by pen along a ruler on the typed sheet
        for n in rules:
            yy = mach.y(n) - 0.4 * LINE
            ruler.line((xl, yy, xr, yy), fill=210, width=3)
        for n, c0, c1 in sub_rules:
            yy = mach.y(n) - 0.4 * LINE
            ruler.line((mach.x(c0), yy, mach.x(c1), yy), fill=210, width=3)
        ya, yb = mach.y(table_top) - 0.4 * LINE, mach.y(table_bottom) - 0.4 * LINE
        for j, sp in enumerate(seps):
            xx = mach.x(sp + 0.5)
            top_y = ya
            if 0 < j < len(seps) - 1 and group_of[j] in labels and group_of[j] == group_of[j - 1]:
                top_y = mach.y(head_top + 1) - 0.4 * LINE
            ruler.line((xx, top_y, xx, yb), fill=210, width=3)
    y += 1.5
    signers = job["signers"]
    assert isinstance(signers, tuple)
    third = right // 3
    for k, s in enumerate(signers):
        mach.text(k * third, y, f"{s} ............")
        if rng.random() < 0.85:
            signature(pen, mach.x(k * third + len(s) + 1), mach.y(y) - 0.4 * LINE, 11 * pitch, rng)
    r = rng.uniform(120, 160)
    cx = min(W - r - 200, mach.x(2 * third) + rng.uniform(0.1, 0.5) * third * pitch)
    cy = max(mach.y(table_bottom) + r + 80, mach.y(y) + rng.uniform(-0.2, 0.5) * r)
    if ag.stamp and cy < H - r - 150:  # the round stamp at the foot (no figure under it)
        _stamp(stamp, cx, cy, r, sheet.employer, rng)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": rect_polygon(cx - r, cy - r, cx + r, cy + r)})
    geo.table_bbox = [xl, int(mach.y(table_top) - 0.8 * LINE), xr, int(mach.y(table_bottom))]
    assert mach.y(y) < H - 100, "the page's lines overran its paper"
    ink = np.maximum(mach.ink, np.asarray(ruler_img, np.float32) / 255.0)
    sheet.extra["ag_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ag_stamp"] = stamp
    sheet.extra["ag_keep"] = mach.boxes
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.uint8), "L")
    return img, geo

# the round office stamp (the enterprise round the rim)
_stamp = partial(round_stamp, cut=StampCut(UNBATANG))




def _deposit(layer: np.ndarray, cx: float, cy: float, w: float, word: str, rng: random.Random) -> None:
    """The cashier's rectangular stamp ("ДЕПОНИРАНО" in a frame) across a signature cell, a little turned, pressed
    unevenly."""
    f = face_at(str(FONT_DIR / UNBATANG), 34)
    tw = int(f.getlength(word)) + 30
    size = (tw + 40, 100)
    img = Image.new("L", size, 0)
    d = ImageDraw.Draw(img)
    d.rectangle((20, 20, 20 + tw, 80), outline=255, width=4)
    d.text((35, 30), word, font=f, fill=255)
    a = np.asarray(img.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BILINEAR, expand=True), np.float32) / 255.0
    if a.shape[1] > w * 1.25:  # the stamp no wider than the cell and its rules
        k = w * 1.25 / a.shape[1]
        a = np.asarray(cv2.resize(a, (int(a.shape[1] * k), max(1, int(a.shape[0] * k))), interpolation=cv2.INTER_AREA), np.float32)
    a *= np.linspace(rng.uniform(0.45, 0.75), 1.0, a.shape[1], dtype=np.float32)[None, ::rng.choice((1, -1))]
    H, W = layer.shape
    h, wd = a.shape
    x0, y0 = int(cx - wd / 2), int(cy - h / 2)
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(W, x0 + wd), min(H, y0 + h)
    if xb > xa and yb > ya:
        np.maximum(layer[ya:yb, xa:xb], a[ya - y0 : yb - y0, xa - x0 : xb - x0] * 0.85, out=layer[ya:yb, xa:xb])


# --- the fire and the copy stand ---


@dataclass
class AGPage:
    ag: AGHabits
    seed: int
    pen: np.ndarray  # the pen's layer (uint8, 255 white)
    stamp: np.ndarray  # the stamps' ink (float 0..1)
    keep: tuple[tuple[int, int, int, int], ...]  # every typed string's box
    burn: dict[str, np.ndarray]  # each burned edge's depth along it (pixels from that edge, per pixel along it)
    char: float  # the charred band's width inside the burned line (pixels)
    flakes: tuple[tuple[float, float, float, float, float], ...]  # charred flakes fallen out near a burned edge:
    # (x, y, half-width, half-height, turn in degrees)
    angle: float  # the sheet turned on the copy stand (degrees)
    bend: np.ndarray | None = None  # the cockled sheet's vertical shift per column (pixels; None where it lay flat)


def margins(keep: tuple[tuple[int, int, int, int], ...], W: int, H: int) -> dict[str, float]:
    """How far each edge lies from the nearest typed string."""
    return {"top": min(b[1] for b in keep), "bottom": H - max(b[3] for b in keep), "left": min(b[0] for b in keep),
            "right": W - max(b[2] for b in keep)}  # fmt: skip


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ag: AGHabits, rng: random.Random) -> AGPage:
    """The page's fire and photograph decided on its drawn geometry: each burned edge's ragged line (never nearer a
    typed string than 40 pixels with its charred band), the band's width, the sheet's turn on the stand."""
    W, H = img.size
    typed = sheet.extra["ag_keep"]
    assert isinstance(typed, list)
    keep = tuple((int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in typed)
    room = margins(keep, W, H)
    char = rng.uniform(14, 40)
    burn = {}
    for edge in ag.burned:
        n = W if edge in ("top", "bottom") else H
        most = max(0.0, room[edge] - 40 - char)
        knots = np.array([rng.uniform(0.15, 1.0) ** 1.5 for _ in range(rng.randint(4, 9))], np.float32)[None, :]
        prof = cv2.resize(knots, (n, 1), interpolation=cv2.INTER_CUBIC)[0]
        ragged = np.cumsum(np.random.default_rng(rng.randrange(1 << 30)).normal(0, 1.2, n)).astype(np.float32)
        ragged -= np.asarray(cv2.blur(ragged[None, :], (301, 1)), np.float32)[0]  # a ragged line, no drift
        d = np.clip(prof, 0.05, 1.0) * most * ag.depth + ragged
        burn[edge] = np.clip(d, 4.0, most).astype(np.float32)
    flakes = []
    for _ in range(rng.choice((0, 2, 5, 9))):  # bits of the brittle charred paper fallen out just inside the line
        edge = rng.choice(ag.burned)
        d = burn[edge]
        k = rng.randrange(len(d))
        r = rng.uniform(6, 22)
        room_k = room[edge] - 40 - char - r  # the flake's far side and its charred band clear of the typing
        if room_k <= d[k] + 2:
            continue
        e = rng.uniform(float(d[k]) + 2, min(room_k, float(d[k]) + 3 * r + 10))
        x, y = {"top": (k, e), "bottom": (k, H - 1 - e), "left": (e, k), "right": (W - 1 - e, k)}[edge]
        flakes.append((float(x), float(y), r, r * rng.uniform(0.4, 1.0), rng.uniform(0, 180)))
    pen = sheet.extra["ag_pen"]
    stamp = sheet.extra["ag_stamp"]
    assert isinstance(pen, np.ndarray) and isinstance(stamp, np.ndarray)
    bend = None
    if ag.cockle:  # the heat cockled the sheet: it waves across, a wave or two
        xs = np.arange(W, dtype=np.float64)
        bend = np.zeros(W)
        for _ in range(rng.choice((1, 2))):
            bend += ag.cockle * rng.uniform(0.5, 1.0) * np.sin(2 * np.pi * xs / (W * rng.uniform(0.5, 1.3)) + rng.uniform(0, 6.3))
    return AGPage(ag, rng.randrange(1 << 30), pen, stamp, keep, burn, char, tuple(flakes), rng.uniform(-1.5, 1.5), bend)


def flat(a: np.ndarray, page: AGPage) -> np.ndarray:
    """The sheet before the fire and the camera (``--pristine``): the typing, the pen and the stamps on white paper,
    grey."""
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0)
    ink = np.maximum(ink, page.stamp * 0.6)
    return np.asarray(250.0 - 225.0 * ink, np.float32)



RIBBON = (28.0, 26.0, 30.0)  # the fabric ribbon's black
PENS = {"blue": (35.0, 55.0, 160.0), "black": (35.0, 35.0, 45.0)}
STAMP_INK = (95.0, 60.0, 160.0)
CHAR = (30.0, 24.0, 20.0)  # the charred paper
SCORCH = (0.62, 0.42, 0.22)  # the scorched paper's share of the light it sends back, by channel
BROWNED = (0.86, 0.76, 0.6)  # the heat's browning all over
SOOT = (55.0, 54.0, 56.0)
FELTS = {"black": (20.0, 20.0, 22.0), "grey": (104.0, 104.0, 108.0)}
CHART = ((115, 82, 68), (194, 150, 130), (98, 122, 157), (87, 108, 67), (133, 128, 177), (103, 189, 170),
         (214, 126, 44), (80, 91, 166), (193, 90, 99), (94, 60, 108), (157, 188, 64), (224, 163, 46),
         (56, 61, 150), (70, 148, 73), (175, 54, 60), (231, 199, 31), (187, 86, 149), (8, 133, 161),
         (243, 243, 242), (200, 200, 200), (160, 160, 160), (122, 122, 121), (85, 85, 85), (52, 52, 52))  # fmt: skip


def burned_mask(page: AGPage, W: int, H: int) -> np.ndarray:
    """Where the paper is gone (True): within each burned edge's line."""
    gone = np.zeros((H, W), bool)
    ys = np.arange(H, dtype=np.float32)[:, None]
    xs = np.arange(W, dtype=np.float32)[None, :]
    for edge, d in page.burn.items():
        if edge == "top":
            gone |= ys < d[None, :]
        elif edge == "bottom":
            gone |= ys > H - 1 - d[None, :]
        elif edge == "left":
            gone |= xs < d[:, None]
        else:
            gone |= xs > W - 1 - d[:, None]
    if page.flakes:
        holes = np.zeros((H, W), np.uint8)
        for x, y, a, b, turn in page.flakes:
            cv2.ellipse(holes, ((x, y), (2 * a, 2 * b), turn), 1, -1)
        gone |= holes.astype(bool)
    return gone


def fire(out: np.ndarray, page: AGPage, rng: random.Random) -> np.ndarray:
    """The fire over the sheet's colour planes (3, H, W) in place: browned all over, scorched brown inward from the
    burned edges, a charred band along them, soot; returns the paper's alpha (0 where burned away)."""
    ag = page.ag
    _, H, W = out.shape
    gone = burned_mask(page, W, H)
    dist = cv2.distanceTransform((~gone).astype(np.uint8), cv2.DIST_L2, 5).astype(np.float32)
    for ch in range(3):
        out[ch] *= 1.0 - ag.brown * (1.0 - BROWNED[ch])
    scorch = np.exp(-dist / (ag.scorch * rng.uniform(0.8, 1.2))) * smooth_field(H, W, rng, 0.6, 1.0, 7)
    for ch in range(3):
        out[ch] *= 1.0 - scorch * (1.0 - SCORCH[ch]) * 0.9
    if ag.soot:
        soot = smooth_field(H, W, rng, 0.0, 1.0, 9) ** 2 * ag.soot * (0.4 + np.exp(-dist / (3 * ag.scorch)))
        mix_ink(out, np.asarray(soot, np.float32), SOOT, 1.0)
    char = np.clip(1.0 - dist / page.char, 0.0, 1.0) ** 0.7
    char *= np.asarray(cv2.GaussianBlur(np.random.default_rng(rng.randrange(1 << 30)).random((H // 4, W // 4), np.float32), (0, 0), 1.0), np.float32).repeat(4, 0).repeat(4, 1)[:H, :W] * 0.4 + 0.75
    mix_ink(out, np.clip(char, 0, 1).astype(np.float32), CHAR, 0.97)
    alpha = np.asarray(cv2.GaussianBlur((~gone).astype(np.float32), (0, 0), 1.0), np.float32)
    return alpha


def _chart(frame: np.ndarray, x: int, y: int, w: int, h: int, s: float) -> None:
    """The colour chart: 24 patches on a black card, four rows of six (or six of four where the card stands)."""
    frame[y : y + h, x : x + w] = (25, 25, 25)
    across = w > h
    nx, ny = (6, 4) if across else (4, 6)
    pad = int(14 * s)
    pw, ph = (w - pad * (nx + 1)) // nx, (h - pad * (ny + 1)) // ny
    for k, col in enumerate(CHART):
        i, j = (k % nx, k // nx)
        px, py = x + pad + i * (pw + pad), y + pad + j * (ph + pad)
        frame[py : py + ph, px : px + pw] = col


def _ruler(frame: np.ndarray, x: int, y: int, length: int, w: int, s: float, along_x: bool) -> None:
    """A white centimetre ruler, its millimetres ticked (longer every 5 and 10) and numbered every centimetre."""
    mm = 300 / 25.4 * s
    h_img = Image.new("RGB", (length, w), (238, 236, 226))
    d = ImageDraw.Draw(h_img)
    f = face_at(str(FONT_DIR / UNBATANG), max(10, int(22 * s)))
    k = 0
    while k * mm < length - 4:
        t = int(w * (0.5 if k % 10 == 0 else 0.35 if k % 5 == 0 else 0.2))
        d.line((k * mm + 4, 0, k * mm + 4, t), fill=(20, 20, 20), width=max(1, int(2 * s)))
        if k % 10 == 0 and k:
            d.text((k * mm + 6, t - 4), str(k // 10), font=f, fill=(20, 20, 20))
        k += 1
    a = np.asarray(h_img, np.uint8)
    if not along_x:
        a = np.ascontiguousarray(np.rot90(a, -1))
    hh, ww = a.shape[:2]
    frame[y : y + hh, x : x + ww] = a[: frame.shape[0] - y, : frame.shape[1] - x]


def scan(a: np.ndarray, page: AGPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray | None]:
    """The burned sheet photographed on the copy stand: the typing in the ribbon's black, the pen and the stamps, on
    aged paper browned by the heat, scorched and charred along the burned edges and gone beyond them, soot over it;
    laid on black or grey felt a little turned, a ruler and a colour chart beside it, lit by two lamps (uneven light,
    vignetting), the heat-cockled sheet waving off flat on some; the frame at the sheet's 200, 240 or 300 dpi. Returns
    the RGB image, the 2x3 map from the drawn page to it, its dpi and the cockle's shift per column (None where flat)."""
    ag = page.ag
    rng = random.Random(page.seed)
    H, W = a.shape
    typed = np.asarray(cv2.GaussianBlur((255.0 - a) / 255.0, (0, 0), 0.8), np.float32)
    pen = (255.0 - page.pen.astype(np.float32)) / 255.0
    tone = np.array([240.0, 234.0, 218.0], np.float32) - rng.uniform(0, 10)
    out = np.empty((3, H, W), np.float32)
    grain = smooth_field(H, W, rng, 0.975, 1.01, 8)
    for ch in range(3):
        np.multiply(grain, tone[ch], out=out[ch])
    ribbon = np.clip(typed * smooth_field(H, W, rng, 0.8, 1.0, 5) * 1.1, 0, 1)
    for ink, col, k in ((ribbon, RIBBON, 0.95), (pen, PENS[ag.pen], 0.9), (page.stamp, STAMP_INK, 0.85)):
        mix_ink(out, np.asarray(ink, np.float32), col, k)
    del typed, pen, ribbon, grain
    alpha = fire(out, page, rng)
    np.clip(out, 0, 255, out=out)
    if page.bend is not None:  # the cockled sheet: every column shifted by its wave, its slopes lit or shaded
        map_x = np.repeat(np.arange(W, dtype=np.float32)[None, :], H, axis=0)
        map_y = np.arange(H, dtype=np.float32)[:, None] - page.bend.astype(np.float32)[None, :]
        shade = (1.0 + 6.0 * np.gradient(page.bend)).astype(np.float32)[None, :]
        for ch in range(3):
            out[ch] = cv2.remap(out[ch], map_x, map_y, cv2.INTER_LINEAR, borderValue=0.0) * shade
        alpha = np.asarray(cv2.remap(alpha, map_x, map_y, cv2.INTER_LINEAR, borderValue=0.0), np.float32)
        del map_x, map_y
    # the copy stand: the sheet laid a little turned on the felt, the ruler and the chart beside it
    s = ag.dpi / 300.0
    pad = int(110 * s)
    side = int(430 * s)
    ow = int(W * s) + 2 * pad + (side if ag.chart in ("left", "right") else 0)
    oh = int(H * s) + 2 * pad + (side if ag.chart == "bottom" else 0)
    ox = pad + (side if ag.chart == "left" else 0)
    m = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, s)
    m[0, 2] += ox + W * s / 2 - W / 2
    m[1, 2] += pad + H * s / 2 - H / 2
    felt = np.array(FELTS[ag.felt], np.float32)
    frame = np.empty((oh, ow, 3), np.float32)
    frame[:] = felt
    nap = np_rng.normal(0, 4.0, (oh // 12 + 1, ow // 12 + 1)).astype(np.float32)  # the felt's nap, soft
    frame += np.asarray(cv2.resize(nap, (ow, oh), interpolation=cv2.INTER_CUBIC), np.float32)[:, :, None]
    if ag.chart == "bottom":
        cy = pad + int(H * s) + int(70 * s)
        _ruler_at = (pad, cy, int(W * s * 0.55), int(90 * s), True)
        chart_at = (pad + int(W * s * 0.6), cy, int(W * s * 0.38), int(side - 120 * s))
    else:
        cx = (pad + int(W * s) + int(70 * s)) if ag.chart == "right" else int(60 * s)
        _ruler_at = (cx, pad, int(H * s * 0.55), int(90 * s), False)
        chart_at = (cx + int(120 * s), pad + int(H * s * 0.6), int(side - 200 * s), int(H * s * 0.38))
    base = np.zeros((oh, ow, 3), np.uint8)
    rx, ry, rl, rw, along = _ruler_at
    _ruler(base, rx, ry, rl, rw, s, along)
    _chart(base, *chart_at, s)
    for x, y, w, h in ((rx, ry, rl if along else rw, rw if along else rl), chart_at[:4]):
        win = base[y : y + h, x : x + w]
        props = win.any(axis=2)
        frame[y : y + h, x : x + w][props] = win[props]
    del base
    warp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    al = cv2.warpAffine(alpha, m, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=0.0)
    for ch in range(3):
        plane = cv2.warpAffine(out[ch], m, (ow, oh), flags=warp, borderValue=0.0)
        frame[:, :, ch] = plane * al + frame[:, :, ch] * (1.0 - al)
    del out, al
    # two lamps and the lens: the light uneven across the frame, darker to its corners (a smooth field)
    sy, sx = np.mgrid[0:64, 0:64].astype(np.float32) / 63.0
    r2 = ((sx - 0.5) / 0.5) ** 2 + ((sy - 0.5) / 0.5) ** 2
    tilt = rng.uniform(-1, 1) * (sx - 0.5) + rng.uniform(-1, 1) * (sy - 0.5)
    light = cv2.resize((1.0 - 0.08 * r2 + ag.light * tilt).astype(np.float32), (ow, oh), interpolation=cv2.INTER_LINEAR)
    frame *= light[:, :, None]
    return np.clip(frame, 0, 255).astype(np.uint8), m, ag.dpi, page.bend

