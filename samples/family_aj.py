"""Family AJ of the sample generator (held out from its making in session 33, 2026-12-06, helper s42-famaj, before
anything was tuned on AI, to its one measurement by the lead at the start of session 34; evaluation seed 2059,
development seeds 28001-28040): the monthly payroll of 1980-1996 of a hotel and restaurant complex of "Балкантурист" that closed
without a successor (a ХТК, хотелско-туристически комплекс, on the coast or in the mountains; an Интерхотел in a
district town; "Ленинград" in Plovdiv renamed "Санкт Петербург" in 1991, Толбухин and Михайловград in their years),
one sheet for one of its hotels or restaurants (the unit's line under the employer: not the employer's name), typed on
the accounts office's electric typewriter (fonts-umeplus's gothic at 10 or 12 to the inch, 15 where the table fits no
other way; a carbon-film ribbon) double-spaced on an A4 sheet or, for the widest tables (13-16 columns) and the
longest, an A3 one, checked by the accounts' checker with a red or blue pencil and kept in
the complex's store, where mice and insects got at the bundle.

What AJ draws, each file its own combination (samples/families.py applies it over the generic switches):
the staff in the order of the hotel's posts (управител, администратор, рецепционист, камериерка, сервитьор, барман,
готвач, миячка, портиер, перачка, огняр ...), the base for the days worked, the additional pay itemised as the share
of the restaurant's turnover ("% от оборота": waiters, barmen and the kitchen only) and the season's supplement
("сезонна добавка": June to September only, a per cent of the base), their sum the additional pay (printed or not:
null in the truth where only the items are), gross, itemised deductions (ДОД, the union's fee, the staff canteen's
meals by the days worked, the advance: their sum ``deductions``), net; the ЕГН on most layouts (none on one:
``egn_printed_only``); a long name wrapped onto a second line of its row in a narrow name column on some files (the
figures on the first; the truth's name the whole, joined by a space); a run of rows of one post merged in the post's
column on some files (the post typed once, on the run's middle row's line, the rules between the run's rows left out
there; every row's truth position the post); the period as "за месец юли 1987 г.", "м. VII
1987 г.", "07.1987 г." or "ЮЛИ 1987 Г."; amounts with a decimal comma or point, thousands by a space or a dot from
1991 on some, a nought typed "-", "—" or "0,00" as the file's decimal.

The checker's corrections (what makes AJ's fields hard): on most files the typist typed a row or three from a wrong
input (the days of the line above, a wrong share of the turnover, the advance of another person) and worked the whole
row out from it, so the typed row adds up on its own (base + additional = gross, gross - deductions = net) and so do
the typed totals (the typist's sums of the typed column); the checker recounted and, in red or blue pencil, struck
every typed figure that the right input changes (one stroke through it) and wrote the right one above it, the
totals' changed sums too. The truth is the value a clerk would take: the pencilled one (every pencilled row and
the pencilled totals add up; the struck typed ones are no truth), each pencilled cell a ``correction`` mark.

The store: the bundle lay where mice and insects got at it. Mice gnawed one or two edges or a corner (a ragged
bite with a brown rim, the paper gone beyond it), bookworms bored tunnels of small round holes through it, flies
left their specks (clusters of small dark dots, like full stops) and silverfish grazed the surface off in patches
(the paper lighter, the ribbon's ink and the rules there faded to a trace). Everything gnawed, bored, specked or
grazed is kept off every typed and pencilled string (the tests hold it to that): a hole may fall in an empty cell,
on a rule or a signature, a speck beside a figure but not on it. Scanned on a flatbed with a black, grey or white
backing behind the sheet (seen through the holes and the bites), a little turned, in colour at 200 dpi (the pencil
red or blue) or in grey at 300 dpi (the pencil a lighter grey than the typing), an A3 sheet in grey at 200 dpi.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, money_text, pay_scale, working_days
from .family_ah import LINE, _Typeball
from .family_ai import own_drawing
from .family_ai import renamed as ai_renamed
from .family_t import T_HANDS, Hand
from .handwork import signature, smooth_field
from .render import FONT_DIR, Geometry, Painter, Style, rect_polygon

ITEMS = ("turnover", "season")  # the additional pay's items (their sum ``extra_pay``)
PARTS = ("tax", "union_fee", "meals", "advance")  # the itemised deductions (their sum ``deductions``)

AJ_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "days_worked", "base_pay", "turnover", "season", "extra_pay", "gross_pay", "tax",
     "union_fee", "meals", "advance", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "turnover", "season", "gross_pay", "tax", "meals",
     "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "union_fee", "tax",
     "advance", "deductions", "net_pay"),
    ("row", "position", "name", "egn", "base_pay", "turnover", "extra_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "name", "days_worked", "egn", "gross_pay", "tax", "meals", "advance", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "season", "turnover", "extra_pay", "gross_pay",
     "meals", "tax", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AJ: dict[str, tuple[str, ...]] = {
    "row": ("Ред\nN", "По\nред", "N\nпо ред"),
    "egn": ("ЕГН на\nслужителя", "Единен\nгражд. N", "ЕГН\nпо л. к."),
    "name": ("Име, презиме\nи фамилия на служителя", "Служител\n(трите имена)", "Име и фамилия\nна работника"),
    "position": ("Длъжност\nв хотела", "Работно\nмясто", "Длъжност\nпо щат"),
    "days_worked": ("Израб.\nдни\nв м.", "Дни на\nработа", "Раб.\nдни\nпо табел"),
    "base_pay": ("Основна\nзаплата\nза дните", "Заплата\nпо тарифа", "Осн.\nвъзн.\nза м."),
    "turnover": ("% от\nоборота", "Процент\nот\nоборот", "Дял от\nоборота"),
    "season": ("Сезонна\nдобавка", "Сезонни\nдобавки", "Доб. за\nсезона"),
    "extra_pay": ("Всичко\nдопълн.\nвъзн.", "Доплащ.\nобщо", "Допълн.\nзаплати"),
    "gross_pay": ("Всичко\nзаработено", "Общо\nзаработка", "Брутна\nзаплата\nза м."),
    "tax": ("ДОД\nудържан", "Данък\nдоход", "ДОД\nза м."),
    "union_fee": ("Членски\nвнос\nпроф.", "Профсъюз\nвноска", "Проф.\nчл. внос"),
    "meals": ("Храна\nв стол", "Удръжка\nза храна", "Стол\nперсонал"),
    "advance": ("Взет\nаванс", "Аванс\nв брой", "Получен\nаванс"),
    "deductions": ("Сбор\nудръжки", "Всичко\nудр.\nза м.", "Удръжки\nобщо"),
    "net_pay": ("Чиста\nзаплата", "За\nполучав.", "Остава\nза получ."),
    "signature": ("Подпис\nна получ.", "Разпис\nза получ.", "Подпис\nслужител"),
}  # fmt: skip

UMEPLUS = "umeplus/umeplus-gothic.ttf"
# a font package none of A-AI uses (scripts/setup.sh: fonts-umeplus): M+ 1m's half-width Cyrillic in Ume Gothic, the
# electric typewriter's gothic element
AJ_FACES: dict[str, tuple[str, ...]] = {"typewriter": (UMEPLUS,)}
AJ_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AJ_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)

EMPLOYERS = (
    'ХТК "Слънчев бряг" - Несебър', 'ХТК "Златни пясъци" - Варна', 'ХТК "Боровец" - Самоков',
    'ХТК "Пампорово" - Смолян', 'Интерхотел "Ленинград" - Пловдив', 'Интерхотел "Велико Търново"',
    'ХТК "Балкантурист" - Толбухин', 'ХТК "Балкантурист" - Михайловград', 'ХТК "Дюни" - Созопол',
    'ХРК "Балкантурист" - Русе',
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"), (1991, "Ленинград", "Санкт Петербург"))
UNITS = ('Хотел "Кубан"', 'Хотел "Глобус"', 'Хотел "Шипка"', 'Хотел "Мура"', 'Ресторант "Хановете"',
         'Механа "Чучура"', 'Хотел "Родина" - рецепция и етажи', 'Ресторант "Морско казино"',
         'Бунгала "Ропотамо"', 'Хотел "Добруджа" - кухня и ресторант')  # fmt: skip
# the posts in the order of the staff list: (post, its share of the manager's salary, paid a share of the turnover)
POSTS = (("управител", 100, False), ("администратор", 72, False), ("рецепционист", 62, False),
         ("ст. сервитьор", 60, True), ("сервитьор", 52, True), ("барман", 56, True), ("готвач", 62, True),
         ("пом.-готвач", 48, True), ("камериерка", 46, False), ("миячка", 42, False), ("портиер", 45, False),
         ("перачка", 42, False), ("огняр", 50, False), ("шофьор", 54, False))  # fmt: skip
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ", "Разчетно-платежна ведомост N {n}", "ВЕДОМОСТ за трудовите възнаграждения",
          "Ведомост за работната заплата на персонала")  # fmt: skip
PERIODS = {"word": "за месец {word} {y} г.", "roman": "м. {roman} {y} г.", "digits": "{mm}.{y} г.",
           "caps": "{WORD} {y} Г."}  # fmt: skip
TOTALS = ("Всичко:", "ВСИЧКО ЗА ОБЕКТА", "Общо:")
SIGNERS = (("Гл. счетоводител:", "Проверил:", "Касиер:"), ("Управител:", "Съставил:", "Проверил:"),
           ("Директор:", "Гл. счетоводител:", "Изготвил:"))  # fmt: skip
PENCILS = {"red": (62.0, 52.0, 200.0), "blue": (175.0, 92.0, 40.0)}  # BGR of the checker's pencil at full pressure
BACKINGS = {"black": 22.0, "grey": 128.0, "white": 238.0}
PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480), "A3L": (4961, 3508)}  # pixels at 300 dpi (A3 for the widest)


@dataclass
class AJHabits:
    """One AJ file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    pitch: int  # 10 or 12 characters to the inch (15 where the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-", "—" or "0" (typed 0,00 or 0.00)
    period: str  # "word", "roman", "digits" or "caps"
    rules: str  # "typed" ("-" across, ":" down) or "pen"
    portrait: bool  # on a portrait sheet where the table fits it
    wrap: int  # the name column's width in characters where long names wrap onto a second line (0: never)
    merged: bool  # the post typed once for a run of rows of the same post, the rules between them left out there
    checked: float  # the share of the file's sheets the checker corrected (a row or three each)
    pencil: str  # "red" or "blue"
    bites: int  # the edges or corners the mice gnawed (0-2)
    worms: int  # the bookworms' tunnels (0-4)
    specks: int  # the flies' specks (0 to ~200)
    grazes: int  # the silverfish's grazed patches (0-2)
    backing: str  # "black", "grey" or "white" behind the sheet on the glass
    grey: bool  # scanned grey at 300 dpi; else colour at 200 dpi (an A3 sheet grey at 200 either way)
    kind: str = 'ХТК "Слънчев бряг" - Несебър'
    posts: dict[str, str] = field(default_factory=dict)  # each person's post by ЕГН

    @property
    def ruling(self) -> str:
        return "none"  # the typist's own (render)


def draw(rng: random.Random) -> AJHabits:
    thousands, decimal = rng.choice(AJ_MONEY)
    return AJHabits(
        layout=rng.choice(AJ_LAYOUTS), face=UMEPLUS, pitch=rng.choice((10, 12, 12)), thousands=thousands,
        decimal=decimal, zero=rng.choice(("-", "—", "0")), period=rng.choice(tuple(PERIODS)),
        rules=rng.choice(("typed", "pen", "pen")), portrait=rng.random() < 0.3,
        wrap=rng.choice((0, 0, 17, 19, 21)), merged=rng.random() < 0.4, checked=rng.choice((0.0, 0.6, 0.8, 1.0, 1.0)),
        pencil=rng.choice(("red", "red", "blue")), bites=rng.choice((0, 1, 1, 2)), worms=rng.choice((0, 1, 2, 4)),
        specks=rng.choice((0, 30, 80, 200)), grazes=rng.choice((0, 0, 1, 2)), backing=rng.choice(tuple(BACKINGS)),
        grey=rng.random() < 0.4,
    )  # fmt: skip


def renamed(name: str, year: int) -> str:
    """The employer's name as typed in ``year`` (a district town or a hotel renamed)."""
    return ai_renamed(name, year, RENAMED)


def adapt_file(ef: EmployerFile, aj: AJHabits, rng: random.Random) -> None:
    """An AJ file: one hotel's or restaurant's staff (up to 14: a double-spaced A4 sheet's) in the order of their
    posts, the salary by post."""
    aj.kind = rng.choice(EMPLOYERS)
    ef.employer = renamed(aj.kind, ef.start[0])
    ef.layout = aj.layout
    ef.headings = {c: rng.choice(HEADINGS_AJ[c]) for c in ef.layout}
    del ef.staff[14:]
    top = max(p.salary for p in ef.staff) * Decimal(rng.choice((105, 120, 130))) / 100
    posts = [POSTS[0], *(rng.choice(POSTS[1:]) for _ in range(len(ef.staff) - 1))][: len(ef.staff)]
    order = [p[0] for p in POSTS]
    posts.sort(key=lambda p: order.index(p[0]))
    for p, (post, share, _) in zip(ef.staff, posts, strict=True):
        p.position = post
        p.salary = (top * share / 100).quantize(Decimal(1))
        aj.posts[p.egn] = post


@dataclass(frozen=True)
class _Inputs:
    """What a row is worked out from (the typist's may be wrong in one of them)."""

    days: int
    salary: Decimal  # the month's full salary at the sheet's year
    turnover: int  # the share of the turnover, per mille of the base
    season: int  # the season's supplement, per cent of the base
    tax: int  # the tax, per mille of gross
    meal: Decimal  # the canteen's price of a day's meals
    advance: Decimal


def _worked(i: _Inputs, wd: int, cols: set[str]) -> dict[str, Any]:
    """A row's items, deductions and money worked out from its inputs (the ones the layout does not print none)."""
    base = cents(i.salary * Decimal(i.days) / Decimal(wd)) if wd else Decimal(0)
    items = {"turnover": cents(base * i.turnover / 1000), "season": cents(base * i.season / 100)}
    if any(c in cols for c in ITEMS):
        items = {c: (v if c in cols else Decimal(0)) for c, v in items.items()}
    extra = items["turnover"] + items["season"]
    gross = base + extra
    cut = {"tax": cents(gross * i.tax / 1000), "union_fee": cents(gross / 100), "meals": cents(i.meal * i.days),
           "advance": i.advance}  # fmt: skip
    if any(c in cols for c in PARTS):
        cut = {c: (v if c in cols else Decimal(0)) for c, v in cut.items()}
    while sum(cut.values(), Decimal(0)) > gross and any(cut.values()):  # never more than the gross
        big = max(cut, key=lambda c: cut[c])
        cut[big] = Decimal(0)
    ded = sum(cut.values(), Decimal(0))
    return {"days_worked": i.days, "base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded,
            "net_pay": gross - ded, **items, **cut}  # fmt: skip


def _wrong(i: _Inputs, wd: int, rng: random.Random) -> _Inputs:
    """The typist's wrong input for a row: the days of another line, a wrong turnover share or another advance."""
    kinds = ["days"] + (["turnover"] if i.turnover else []) + (["advance"] if i.advance else [])
    kind = rng.choice(kinds)
    if kind == "days":
        days = i.days + rng.choice((-3, -2, -1, 1, 2)) if i.days > 3 else i.days + rng.randint(1, 3)
        return _Inputs(min(wd, max(1, days)) if min(wd, max(1, days)) != i.days else i.days - 1, i.salary, i.turnover,
                       i.season, i.tax, i.meal, i.advance)  # fmt: skip
    if kind == "turnover":
        return _Inputs(i.days, i.salary, i.turnover + rng.choice((-100, -50, 50, 100)), i.season, i.tax, i.meal,
                       i.advance)  # fmt: skip
    step = i.advance / 2 if i.advance >= 20 else Decimal(10)
    return _Inputs(i.days, i.salary, i.turnover, i.season, i.tax, i.meal, i.advance + rng.choice((-step, step)))


def adapt_sheet(sheet: SheetContent, aj: AJHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AJ month: each person's row worked out from the days, the salary, the turnover's share, the season, the
    canteen and the advance; on a checked sheet a row or three typed from a wrong input (``aj_typed``: row index ->
    field -> the typed, struck value; ``aj_worked``: the typist's whole row) and the typed totals (``aj_typed_totals``); the truth the right (pencilled)
    values and their totals; the words (the title, the period, the unit, the signers)."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    season = rng.choice((10, 15, 20)) if 6 <= sheet.month <= 9 else 0
    busy = rng.choice((1, 2, 3)) if 6 <= sheet.month <= 9 else 1  # the turnover's share grows in the season
    meal = cents(Decimal(rng.choice((40, 50, 60, 80))) / 100 * scale)
    step = Decimal(10) if sheet.year < 1991 else Decimal(100)
    inputs: list[_Inputs] = []
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        post = aj.posts.get(egn, "камериерка")
        share = next((t for p, _, t in POSTS if p == post), False)
        days = int(str(old.get("days_paid", wd)))
        advance = Decimal(0)
        if rng.random() < 0.5:
            advance = (salary * Decimal(rng.choice((25, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
        i = _Inputs(days, salary, rng.randint(60, 160) * busy if share else 0, season, rng.randint(60, 110), meal,
                    advance)  # fmt: skip
        inputs.append(i)
        w = _worked(i, wd, cols)
        r: dict[str, object] = {"egn": egn, "name": str(old["name"]), "days_paid": days,
                                "position": post if "position" in cols else None}  # fmt: skip
        r.update({k: v for k, v in w.items() if k not in MONEY_FIELDS and k != "days_worked"})
        r["days_worked"] = days if "days_worked" in cols else None
        for f in MONEY_FIELDS:
            r[f] = w[f] if f in cols else None
        r["row"] = len(rows) + 1
        rows.append(r)
    sheet.rows = rows
    kept = (*MONEY_FIELDS, *ITEMS, *PARTS)
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in kept if f in cols}
    typed: dict[int, dict[str, object]] = {}  # the printed figures typed wrong, by row
    worked: dict[int, dict[str, Any]] = {}  # the whole row as the typist worked it out
    if rows and rng.random() < aj.checked:
        shown = [c for c in sheet.layout if c in (*kept, "days_worked")]
        for k in rng.sample(range(len(rows)), min(len(rows), rng.choice((1, 1, 2, 3)))):
            for _ in range(5):  # a wrong input that changes a printed figure
                w = _worked(_wrong(inputs[k], wd, rng), wd, cols)
                diff = {c: w[c] for c in shown if w[c] != rows[k][c]}
                if diff and all(amount_or_nought(w[c]) >= 0 for c in kept if c in w):
                    typed[k], worked[k] = diff, w
                    break
    sheet.extra["aj_typed"] = typed
    sheet.extra["aj_worked"] = worked
    sheet.extra["aj_typed_totals"] = {
        f: sum((amount_or_nought(typed.get(k, {}).get(f, r[f])) for k, r in enumerate(rows)), Decimal(0)) for f in sheet.totals
    }
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.period_text = PERIODS[aj.period].format(word=word, WORD=word.upper(), roman=data.ROMAN[m - 1], mm=f"{m:02d}",
                                                  y=y)  # fmt: skip
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 40))
    sheet.employer = renamed(aj.kind, y)
    sheet.decimal_comma = aj.decimal == ","
    sheet.thousands_space = bool(aj.thousands) and y >= 1991
    sheet.thousands_sep = aj.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    sheet.zero_mark = f"0{aj.decimal}00" if aj.zero == "0" else aj.zero
    sheet.egn_printed_only = True  # one layout prints no ЕГН: none in its truth (samples/generate.truth_of)
    sheet.extra["aj_job"] = {"unit": rng.choice(UNITS), "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS)}


def style(aj: AJHabits, rng: random.Random, base: Style) -> None:
    """An AJ page's style: the typewriter's face, no generic ruling or marks (the rest is drawn by family_aj.render)."""
    del rng
    own_drawing(base, aj.face, AJ_SIZES["typewriter"][0], not aj.portrait)


# --- the typed sheet and the checker's pencil ---


def _split(name: str, width: int) -> list[str]:
    """``name`` on the lines of a name column ``width`` characters wide (0: one line): broken at the last space
    that fits."""
    if not width or len(name) <= width:
        return [name]
    cut = name.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else width
    return [name[:cut], *_split(name[cut:].strip(), width)]


def runs(values: list[object]) -> list[tuple[int, int]]:
    """The runs of two or more equal values (none is no value) in ``values``: (first, last) indices."""
    out, i = [], 0
    while i < len(values):
        k = i
        while k + 1 < len(values) and values[k + 1] is not None and values[k + 1] == values[i]:
            k += 1
        if k > i:
            out.append((i, k))
        i = k + 1
    return out


def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "name": 14, "position": 8, "signature": 9, "days_worked": 3}.get(c, 5)


def render(sheet: SheetContent, st: Style | None, aj: AJHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The typed sheet at 300 dpi, double-spaced: the employer and the unit's line, the title and the period, the
    headings, a person a row (a long name over two lines where the file wraps), the totals, the signers; the rules
    typed or ruled by pen; the checker's pencil: each struck figure's stroke and the right one above it. The pencil's
    layer goes to ``sheet.extra["aj_pencil"]``, the signatures' to ``aj_pen``, every typed and pencilled string's box
    to ``aj_keep`` and the strings with their boxes to ``aj_words``."""
    del st
    cols = sheet.layout
    job = sheet.extra["aj_job"]
    typed = sheet.extra["aj_typed"]
    typed_totals = sheet.extra["aj_typed_totals"]
    assert isinstance(job, dict) and isinstance(typed, dict) and isinstance(typed_totals, dict)

    def text(c: str, v: object) -> str:
        if c == "signature":
            return ""
        if c in ("row", "egn", "name", "position", "days_worked"):
            return "" if v is None else str(v)
        return money_text(amount_or_nought(v), sheet)

    right = [{c: text(c, r.get(c)) for c in cols} for r in sheet.rows]
    shown = [{c: text(c, typed.get(i, {}).get(c, r.get(c))) for c in cols} for i, r in enumerate(sheet.rows)]
    sums = {c: money_text(sheet.totals[c], sheet) for c in cols if c in sheet.totals}
    typed_sums = {c: money_text(amount_or_nought(typed_totals[c]), sheet) for c in sums}
    names = [_split(t["name"], aj.wrap) for t in right]
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    widths = []
    for j, c in enumerate(cols):
        cells = [len(t[c]) for t in (*right, *shown)] if c != "name" else [len(s) for n in names for s in n]
        w = max([len(s) for s in heads[j]] + cells + [len(sums.get(c, "")), len(typed_sums.get(c, "")), _least(c)])
        widths.append(max(w, len(str(job["total"]))) if c == "name" else w)
    n_head = max(len(h) for h in heads)
    lines = sum(1 + len(n) for n in names)  # a row: the pencil's line over it, its name's lines
    tries = [(p, cpi, gap) for p in (*(("A4P",) if aj.portrait else ()), "A4L", "A3L")
             for cpi in (aj.pitch, 12, 15) if cpi >= aj.pitch for gap in (2, 1)]  # fmt: skip
    for paper, cpi, gap in tries:
        W, H = PAPERS[paper]
        starts = list(np.cumsum([2, *(w + gap for w in widths[:-1])]))
        end = starts[-1] + widths[-1] + 2
        pitch = 300 // cpi
        side, top = rng.uniform(150, 210), rng.uniform(170, 230)
        if end * pitch <= W - 2 * side and top + (11 + n_head + lines) * LINE < H - 100:
            break
    else:
        raise AssertionError(f"the table overran the paper: {list(zip(cols, widths, strict=True))}")
    x0 = side + max(0.0, (W - 2 * side - end * pitch) / 2) + rng.uniform(-15, 15)
    ball = _Typeball(aj, rng, W, H, pitch, x0, top)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    pencil_img = Image.new("L", (W, H), 255)
    hand = Hand(str(FONT_DIR / rng.choice(T_HANDS)), rng.uniform(0.05, 0.25), "ballpoint", 40)
    pp = Painter(pencil_img, Style(font=FONT_DIR / aj.face, typewriter=True, size=int(pitch * 1.5), ruled=False,
                                   landscape=W > H), rng)  # fmt: skip
    strokes = ImageDraw.Draw(pencil_img)
    rules = np.zeros((H, W), np.uint8)
    geo = Geometry(W, H)
    words: list[tuple[str, tuple[int, int, int, int]]] = []

    def put(col: float, line: float, s: str, *, keep: bool = True) -> None:
        ball.text(col, line, s, keep=keep)
        if keep and s.strip():
            words.append((s, ball.boxes[-1]))

    def box(j: int, line0: float, line1: float) -> list[int]:
        return [int(ball.x(starts[j])), int(ball.y(line0) - 0.8 * LINE), int(ball.x(starts[j] + widths[j])),
                int(ball.y(line1) + 0.3 * LINE)]  # fmt: skip

    def correct(j: int, line: float, old: str, new: str, row: int) -> list[int]:
        """Strike ``old`` typed right-aligned in column ``j`` on ``line`` and pencil ``new`` above it; the two's box."""
        xa, xb = ball.x(starts[j] + widths[j] - len(old)), ball.x(starts[j] + widths[j])
        yb = ball.y(line) - 0.3 * LINE
        strokes.line((xa - 6, yb + rng.uniform(-4, 4), xb + 6, yb + rng.uniform(-6, 2)), fill=rng.randint(40, 80),
                     width=3)  # fmt: skip
        wn = hand.width(pp, new, 0.95)
        xn = min(xb - wn, ball.x(starts[j] + widths[j]) - wn) + rng.uniform(-4, 4)
        ym = ball.y(line) - 0.95 * LINE  # on the blank line over it, under the rule above the row
        hand.text(pp, xn, ym, new, 0.95)
        nb = (int(xn) - 6, int(ym - 0.42 * LINE), int(xn + wn) + 10, int(ym + 0.45 * LINE))
        ball.boxes.append(nb)
        words.append((new, nb))
        geo.marks.append({"kind": "correction", "row": row, "fields": [cols[j]],
                          "polygon": rect_polygon(min(nb[0], xa), nb[1], max(nb[2], xb), yb + 12)})  # fmt: skip
        return [int(min(nb[0], xa)), nb[1], int(max(nb[2], xb)), int(ball.y(line) + 0.3 * LINE)]

    y = 0.0
    put(0, y, sheet.employer)
    y += 1
    put(0, y, str(job["unit"]))
    y += 2
    put(max(0, (end - len(sheet.title)) // 2), y, sheet.title)
    y += 1
    put(max(0, (end - len(sheet.period_text)) // 2), y, sheet.period_text)
    y += 2
    seps = [s - gap / 2 - 0.5 for s in starts] + [end - 2 + gap / 2 - 0.5]
    xl, xr = int(ball.x(seps[0] + 0.5)), int(ball.x(seps[-1] + 0.5))
    table_top = y
    across = [y]
    y += 1
    for j in range(len(cols)):
        for k, s in enumerate(heads[j]):
            put(starts[j] + (widths[j] - len(s.strip())) // 2, y + k, s.strip())
        geo.cells.append((0, j, box(j, y, y + n_head - 1), " ".join(heads[j])))
    y += n_head
    across.append(y)
    left = ("name", "position")
    sig_j = cols.index("signature") if "signature" in cols else -1
    post_j = cols.index("position") if aj.merged and "position" in cols else -1
    merged = runs([r["position"] for r in sheet.rows]) if post_j >= 0 else []
    in_run = {i for r0, r1 in merged for i in range(r0, r1 + 1)}
    lines_of: list[tuple[float, float]] = []  # each row's first and last typed line
    for i, (t, was) in enumerate(zip(right, shown, strict=True)):
        y += 1  # the line for the checker's pencil over the row's typed line
        for j, c in enumerate(cols):
            if j == post_j and i in in_run:
                continue  # typed once for its run (below)
            if c == "name":
                for k, part in enumerate(names[i]):
                    put(starts[j], y + k, part)
                geo.cells.append((i + 1, j, box(j, y, y + len(names[i]) - 1), t[c]))
            elif was[c]:
                put(starts[j] + (0 if c in left else widths[j] - len(was[c])), y, was[c])
                b = correct(j, y, was[c], t[c], i) if was[c] != t[c] else box(j, y, y)
                geo.cells.append((i + 1, j, b, t[c]))
        if sig_j >= 0 and rng.random() < 0.9:
            signature(pen, ball.x(starts[sig_j]), ball.y(y) - 0.3 * LINE, widths[sig_j] * pitch, rng)
        last = y + len(names[i]) - 1
        lines_of.append((y, last))
        ya, yb = int(ball.y(y) - 1.37 * LINE), int(ball.y(last) + 0.4 * LINE)  # between the rules
        geo.row_bboxes.append([xl, ya, xr, yb])
        geo.row_polygons.append(rect_polygon(xl + 2, ya + 2, xr - 2, yb - 2))
        y = last + 1
        across.append(y)
    for r0, r1 in merged:  # a merged cell: the post typed once, on its middle row's line, the cell the run's height
        put(starts[post_j], lines_of[(r0 + r1) // 2][0], right[r0]["position"])
        whole = box(post_j, lines_of[r0][0], lines_of[r1][1])
        cell = [whole[0], geo.row_bboxes[r0][1] + 4, whole[2], geo.row_bboxes[r1][3] - 4]
        for i in range(r0, r1 + 1):
            geo.cells.append((i + 1, post_j, cell, right[i]["position"]))
    open_at = {2 + i for r0, r1 in merged for i in range(r0, r1)}  # the rules under a merged cell's rows but its last
    y += 1
    name_j = cols.index("name")
    put(starts[name_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    for j, c in enumerate(cols):
        if sums.get(c):
            put(starts[j] + widths[j] - len(typed_sums[c]), y, typed_sums[c])
            b = correct(j, y, typed_sums[c], sums[c], -1) if typed_sums[c] != sums[c] else box(j, y, y)
            geo.cells.append((n_tot, j, b, sums[c]))
    y += 1
    across.append(y)
    geo.table_bbox = [xl, int(ball.y(table_top) - 0.4 * LINE), xr, int(ball.y(y) - 0.4 * LINE)]
    spans = {k: ([(seps[0], seps[post_j]), (seps[post_j + 1], seps[-1])] if k in open_at else [(seps[0], seps[-1])])
             for k in range(len(across))}  # fmt: skip
    if aj.rules == "typed":
        for k, n in enumerate(across):
            for sa, sb in spans[k]:
                put(sa + 0.5, n - 0.4, "-" * int(sb - sa), keep=False)
        at = table_top + 0.5
        while at < y - 0.3:
            for sp in seps:
                put(sp, at, ":", keep=False)
            at += 0.5
    else:
        for k, n in enumerate(across):
            for sa, sb in spans[k]:
                yy = int(ball.y(n) - 0.4 * LINE)
                cv2.line(rules, (int(ball.x(sa + 0.5)), yy), (int(ball.x(sb + 0.5)), yy), 217, 3)
        for sp in seps:
            xx = int(ball.x(sp + 0.5))
            cv2.line(rules, (xx, geo.table_bbox[1]), (xx, geo.table_bbox[3]), 217, 3)
    y += 1.5
    third = end // 3
    for k, who in enumerate(job["signers"]):
        put(k * third, y, f"{who} ..........")
        signature(pen, ball.x(k * third + len(who) + 1), ball.y(y) - 0.4 * LINE, 10 * pitch, rng)
    assert ball.y(y) < H - 100, "the page's lines overran its paper"
    for mk in geo.marks:  # the totals' corrections belong to no row
        mk["row"] = None if mk["row"] == -1 else mk["row"]
    sheet.extra["aj_pencil"] = np.asarray(cv2.erode(np.asarray(pencil_img, np.uint8), np.ones((2, 2), np.uint8)), np.uint8)
    # (the pencil's stroke a little broader than the handwriting face's)
    sheet.extra["aj_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["aj_keep"] = list(ball.boxes)
    sheet.extra["aj_words"] = words
    typed = np.asarray(255.0 * (1.0 - np.clip(ball.ink, 0, 1)), np.uint8)
    return Image.fromarray(np.minimum(typed, 255 - rules), "L"), geo


# --- the store's mice and insects, and the flatbed ---


@dataclass
class AJPage:
    aj: AJHabits
    seed: int
    pencil: np.ndarray  # the checker's pencil (255 none)
    pen: np.ndarray  # the signatures' ballpoint (255 none)
    lost: np.ndarray  # the paper gnawed or bored away (bool, at the drawn page's size)
    rim: np.ndarray  # the gnawed and bored edges' brown rim (0..255 for 0..1)
    specks: np.ndarray  # the flies' specks (0..255)
    grazed: np.ndarray  # the surface grazed off (0..255)
    angle: float  # the sheet turned on the glass (degrees)


def keep_mask(shape: tuple[int, int], keep: list[tuple[int, int, int, int]], pad: int) -> np.ndarray:
    """Where no damage may reach: every kept string's box grown by ``pad`` pixels (bool)."""
    m = np.zeros(shape, bool)
    H, W = shape
    for x0, y0, x1, y1 in keep:
        m[max(0, y0 - pad) : min(H, y1 + pad), max(0, x0 - pad) : min(W, x1 + pad)] = True
    return m


def _disc_free(mask: np.ndarray, x: float, y: float, r: float) -> bool:
    """No kept pixel within ``r`` of (x, y) (and the point on the page)."""
    H, W = mask.shape
    if not (0 <= x < W and 0 <= y < H):
        return False
    x0, y0, x1, y1 = max(0, int(x - r)), max(0, int(y - r)), min(W, int(x + r) + 1), min(H, int(y + r) + 1)
    yy, xx = np.ogrid[y0:y1, x0:x1]
    return not bool(mask[y0:y1, x0:x1][(xx - x) ** 2 + (yy - y) ** 2 <= r * r].any())


def _bite(lost: np.ndarray, mask: np.ndarray, rng: random.Random) -> None:
    """The mice's bite at an edge or a corner: overlapping gnawed scallops as deep as the kept strings allow (drawn
    as 1 on ``lost``, uint8)."""
    H, W = lost.shape
    where = rng.choice(("left", "right", "top", "bottom", "corner"))
    if where == "corner":
        cx, cy = rng.choice((0, W - 1)), rng.choice((0, H - 1))
        pts = [(cx + rng.uniform(-1, 1) * 200, cy + rng.uniform(-1, 1) * 200) for _ in range(rng.randint(4, 8))]
    else:
        along = rng.uniform(0.15, 0.85)
        span = rng.uniform(150, 500)
        pts = []
        for _ in range(rng.randint(4, 9)):
            t = along * (H if where in ("left", "right") else W) + rng.uniform(-span, span) / 2
            d = {"left": (0.0, t), "right": (W - 1.0, t), "top": (t, 0.0), "bottom": (t, H - 1.0)}[where]
            pts.append(d)
    for x, y in pts:
        r = rng.uniform(40, 160)
        while r > 12 and mask[max(0, int(y - r)) : max(0, int(y + r)), max(0, int(x - r)) : max(0, int(x + r))].any():
            r *= 0.8  # no deeper than the kept strings allow
        if r > 12:
            cv2.circle(lost, (int(x), int(y)), int(r), 1, -1)


def _worm(lost: np.ndarray, mask: np.ndarray, rng: random.Random) -> None:
    """A bookworm's tunnel: a wandering chain of small round holes where no kept string is (1 on ``lost``, uint8)."""
    H, W = lost.shape
    x, y = rng.uniform(0.05, 0.95) * W, rng.uniform(0.05, 0.95) * H
    heading = rng.uniform(0, 2 * math.pi)
    for _ in range(rng.randint(4, 16)):
        r = rng.uniform(3.5, 8.0)
        if _disc_free(mask, x, y, r + 10):
            cv2.circle(lost, (int(x), int(y)), int(round(r)), 1, -1)
        heading += rng.uniform(-0.8, 0.8)
        step = rng.uniform(1.4, 4.0) * r
        x, y = x + step * math.cos(heading), y + step * math.sin(heading)


def _specks(out: np.ndarray, mask: np.ndarray, n: int, rng: random.Random) -> None:
    """Flies' specks: small dark dots in clusters, none on a kept string (their darkness 0..255 on ``out``, uint8)."""
    H, W = out.shape
    centres = [(rng.uniform(0, W), rng.uniform(0, H)) for _ in range(rng.randint(1, 4))]
    for _ in range(n):
        cx, cy = rng.choice(centres)
        x, y = cx + rng.gauss(0, 180), cy + rng.gauss(0, 140)
        r = rng.uniform(1.5, 4.0)
        if _disc_free(mask, x, y, r + 8):
            cv2.circle(out, (int(x), int(y)), int(round(r)), int(255 * rng.uniform(0.55, 0.9)), -1)


def _graze(out: np.ndarray, mask: np.ndarray, rng: random.Random) -> None:
    """A silverfish's grazing: an irregular patch of the surface eaten off (its share 0..255 on ``out``, uint8), kept
    off the strings."""
    H, W = out.shape
    rx, ry = rng.uniform(120, 350), rng.uniform(80, 260)
    cx, cy = rng.uniform(rx, W - rx), rng.uniform(ry, H - ry)
    x0, y0, x1, y1 = int(cx - rx), int(cy - ry), int(cx + rx), int(cy + ry)
    small = np.asarray(cv2.resize(np.array([[rng.random() for _ in range(9)] for _ in range(7)], np.float32),
                                  (x1 - x0, y1 - y0), interpolation=cv2.INTER_CUBIC), np.float32)  # fmt: skip
    yy, xx = np.mgrid[y0:y1, x0:x1]
    inside = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
    patch = np.clip((small - 0.45) * 4, 0, 1) * (inside < 1) * np.clip((1 - inside) * 3, 0, 1)
    patch[mask[y0:y1, x0:x1]] = 0
    soft = _u8(np.asarray(cv2.GaussianBlur(patch, (0, 0), 2.5), np.float32))
    soft[mask[y0:y1, x0:x1]] = 0
    out[y0:y1, x0:x1] = np.maximum(out[y0:y1, x0:x1], soft)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, aj: AJHabits, rng: random.Random) -> AJPage:
    """The page's damage decided on its drawn geometry (the kept strings' boxes): the mice's bites, the worms'
    holes, the flies' specks, the silverfish's grazing; the turn on the glass."""
    del geo
    W, H = img.size
    keep = sheet.extra["aj_keep"]
    assert isinstance(keep, list)
    near = keep_mask((H, W), keep, 14)
    bitten = np.zeros((H, W), np.uint8)
    for _ in range(aj.bites):
        _bite(bitten, near, rng)
    lost = np.zeros((H, W), np.uint8)
    if bitten.any():  # the gnawed edge ragged: the scallops' outline roughened by the teeth (where they are)
        ys, xs = np.nonzero(bitten)
        y0, y1, x0, x1 = max(0, ys.min() - 30), ys.max() + 31, max(0, xs.min() - 30), xs.max() + 31
        part = bitten[y0:y1, x0:x1].astype(np.float32)
        noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.0, part.shape).astype(np.float32)
        rough = np.asarray(cv2.GaussianBlur(part, (0, 0), 4), np.float32)
        lost[y0:y1, x0:x1] = rough + np.asarray(cv2.GaussianBlur(noise, (0, 0), 2.5), np.float32) * 1.6 > 0.5
    for _ in range(aj.worms):
        _worm(lost, near, rng)
    lost = lost.astype(bool) & ~near
    ring = np.asarray(cv2.dilate(lost.astype(np.uint8), np.ones((7, 7), np.uint8)), bool) & ~lost & ~near
    specks = np.zeros((H, W), np.uint8)
    _specks(specks, near, aj.specks, rng)
    grazed = np.zeros((H, W), np.uint8)
    for _ in range(aj.grazes):
        _graze(grazed, near, rng)
    pencil, pen = sheet.extra["aj_pencil"], sheet.extra["aj_pen"]
    assert isinstance(pencil, np.ndarray) and isinstance(pen, np.ndarray)
    return AJPage(aj, rng.randrange(1 << 30), pencil, pen, lost, ring.astype(np.uint8) * 178, specks, grazed,
                  rng.uniform(-0.7, 0.7))  # fmt: skip


def _u8(share: np.ndarray) -> np.ndarray:
    """A share 0..1 kept as 0..255 (a quarter of the memory)."""
    return np.asarray(np.round(np.clip(share, 0.0, 1.0) * 255.0), np.uint8)


def flat(a: np.ndarray, page: AJPage) -> np.ndarray:
    """The typed sheet with its pencil and signatures, undamaged (``--pristine``): grey, the ink on white."""
    marks = np.minimum(page.pencil, page.pen).astype(np.float32)
    return np.asarray(np.minimum(250.0 - 230.0 * (255.0 - a) / 255.0, marks), np.float32)


RIBBON = (34.0, 30.0, 32.0)  # the carbon-film ribbon's black (BGR)
BALLPOINT = (150.0, 60.0, 40.0)
SPECK = (28.0, 38.0, 52.0)  # the flies' specks' dark brown
RIM = (70.0, 105.0, 140.0)  # the gnawed edge's brown
AGED = (0.86, 0.95, 1.0)  # the aged paper's B, G, R share of its light


def scan(a: np.ndarray, page: AJPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The damaged sheet on the flatbed: the aged paper, the ribbon's typing and rules, the pencil in its colour, the
    ballpoint; grazed patches lighter and their ink faded to a trace, the specks, the rims and, through the holes
    and bites and round the sheet, the backing; turned a little, an A4 sheet at 200 dpi in colour (RGB) or 300 in
    grey, an A3 one at 200 in grey. Returns the image, the 2x3 map from the drawn page to it, its dpi and no bend."""
    aj = page.aj
    rng = random.Random(page.seed)
    H, W = a.shape
    a3 = W > 4000  # an A3 sheet (the widest tables), 4961 pixels wide
    grey, dpi = aj.grey or a3, 300 if aj.grey and not a3 else 200
    paper = smooth_field(H, W, rng, 226.0, 242.0, 5)
    back = BACKINGS[aj.backing]
    out = np.empty((H, W, 3), np.uint8)
    for y0 in range(0, H, 128):  # in strips: the layers over the paper, then the holes
        sl = slice(y0, y0 + 128)
        graze = page.grazed[sl][..., None].astype(np.float32) / 255.0
        layers = (((255.0 - a[sl]) / 255.0, RIBBON), ((255.0 - page.pencil[sl].astype(np.float32)) / 215.0,
                  PENCILS[aj.pencil]), ((255.0 - page.pen[sl].astype(np.float32)) / 255.0, BALLPOINT),
                  (page.specks[sl] / 255.0, SPECK), (page.rim[sl] / 255.0, RIM))  # fmt: skip
        o = paper[sl][..., None] * np.array(AGED, np.float32) + graze * 14.0
        for k, (share, colour) in enumerate(layers):
            sh = np.clip(share, 0, 1)[..., None]
            if k < 3:  # the grazed surface took the ink with it
                sh = sh * (1.0 - 0.8 * graze)
            o = o * (1.0 - sh) + np.array(colour, np.float32) * sh
        o[page.lost[sl]] = back
        out[sl] = np.clip(np.round(o), 0, 255).astype(np.uint8)
    del paper
    pad, f = 40, dpi / 300.0
    size = (int((W + 2 * pad) * f), int((H + 2 * pad) * f))
    m = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, f)  # the sheet's middle to the image's
    m[:, 2] += np.array([size[0] / 2 - W / 2, size[1] / 2 - H / 2])
    img = np.asarray(cv2.warpAffine(out, m, size, flags=cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR,
                                    borderValue=(back, back, back)), np.uint8)  # fmt: skip
    del out
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.6), np.uint8)
    img = np.asarray(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY if grey else cv2.COLOR_BGR2RGB), np.uint8)  # saved RGB
    noisy = img.astype(np.float32) + np_rng.normal(0.0, 0.8 if grey else 0.5, img.shape).astype(np.float32)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8), np.asarray(m, np.float64), dpi, None
