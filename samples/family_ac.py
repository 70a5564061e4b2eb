"""Family AC of the sample generator (held out from its making in session 26, 2026-12-05, helper s35-famac, before
anything was tuned on AB, to its one measurement by the lead at the start of session 27; a development family since;
evaluation seed 2052, development seeds 21001-21040): the monthly piece-rate payroll of an agricultural or food employer's seasonal workers (a ТКЗС's or
an АПК's plant-growing brigade, a ДЗС, a canning works' or a tobacco works' raw-material base, a rose-oil works; from
1991 a land co-operative or a liquidation council) - pickers of roses, strawberries, cherries, raspberries,
apricots, tomatoes, grapes, apples, walnuts and rose hips, tobacco stringers, hoers and pruners in the winter - paid
by the quantity they brought in (kilograms, crates, strings of tobacco, decares, trees) at the month's rate; the
archive's file holds no original, only a certified photocopy of it, made from a copy in turn.

What AC draws, each file its own combination (samples/families.py applies it over the generic switches):
a typed sheet (scalable-cyrfonts-tex's Courier, regular, bold or oblique: a font package none of A-AB uses) on an A3
sheet across a wide carriage (a large brigade: reduced onto A4 by the first copy) or an A4 sheet, landscape or
portrait, on a printed blank form on some files (its headings and rules in the same package's Tarzana) or ruled
by hand; the columns of such a payroll: the quantity brought in ("Количество (кг)", "Брой каси", "Низи", "Декари";
no payroll-page/1 field, totalled under the table), the month's rate for the unit ("Цена лв/кг": no payroll-page/1
field, typed on each row or once with ditto marks under it), the piece earnings (the quantity times the rate, rounded
to the stotinka: ``base_pay``, or the gross where the layout has no base), a bonus for quality or the norm
(``extra_pay``), the gross, the deductions itemised on some layouts (ДОД, the field canteen's meals, the bus to the
fields, the weekly advance; their sum ``deductions``), the net, the people's signatures, the ЕГН first or last; the
names in full, surname first, or surname and initials ("Петрова М. И.": the truth as printed); the days and the
quantities written in by the brigade leader's hand (ink or ballpoint) on some files, the rest typed; the crop and
its unit of the month (a co-operative's seasonal brigade picks what is ripe: roses in May, grapes in September,
pruning in the winter) in the title ("Беритба на череши"); the brigade under the employer's name (no part of it);
seasonal people (students, housewives, pensioners: most of them women) coming and going from month to month; 1980-1996.
The copy: one to three generations of photocopy (each a little turned and shifted on the glass, the first reducing an
A3 sheet to A4), the toner's contrast (light strokes of the thin Courier dropping out, the dark ones filling in), toner
speckle and a drum's streak, the copier's dark border where the lid was open (and the original's punched holes and
staple copied black or grey), the "ВЯРНО С ОРИГИНАЛА" stamp (rectangular, the certifier's title and a date) with a
signature over the lower right of the table - across the last rows' figures and the totals on some pages (a mark
``stamp`` and a mark ``signature``) - put on the final copy (violet and blue, grey in the scan) or on an earlier one
and copied black with everything else; scanned grey at 200 or 300 dpi (300 where the copy reduced the type), a little
askew. Every page's boxes and marks
follow the copies and the scan (an affine map).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core import egn as egn_mod
from archive_core.records import MONEY_FIELDS

from . import data, family_t
from .content import EmployerFile, Person, SheetContent, amount_or_nought, cents, patronymic_of, pay_scale
from .render import FONT_DIR, Geometry, Painter, Style, face_at, rect_polygon

PARTS = ("tax", "ac_food", "ac_bus", "advance")  # the itemised deductions a layout may have (their sum: ``deductions``)
AC_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "days_worked", "ac_qty", "ac_rate", "base_pay", "extra_pay", "gross_pay", "tax", "ac_food",
     "deductions", "net_pay", "signature"),
    ("row", "name", "days_worked", "ac_qty", "ac_rate", "gross_pay", "tax", "advance", "deductions", "net_pay", "egn",
     "signature"),
    ("row", "egn", "name", "ac_qty", "ac_rate", "base_pay", "extra_pay", "gross_pay", "ac_food", "ac_bus", "deductions",
     "net_pay"),
    ("row", "egn", "name", "days_worked", "ac_qty", "ac_rate", "gross_pay", "deductions", "net_pay", "signature"),
    ("row", "name", "days_worked", "ac_qty", "ac_rate", "base_pay", "extra_pay", "gross_pay", "advance", "ac_food",
     "deductions", "net_pay", "egn"),
    ("row", "name", "egn", "ac_qty", "ac_rate", "base_pay", "extra_pay", "gross_pay", "tax", "deductions", "net_pay",
     "days_worked", "signature"),
)  # fmt: skip

# headings; "{u}" is the month's unit ("кг", "каси", ...)
HEADINGS_AC: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nсписък", "Пор.\n№", "№\nна\nберача"),
    "egn": ("ЕГН на\nсезонния\nработник", "Единен гр.\nномер", "ЕГН\n(от лична\nкарта)"),
    "name": ("Фамилия, име\nи презиме", "Име и фамилия\nна берача", "Сезонен работник\n(трите имена)"),
    "days_worked": ("Дни\nна\nполето", "Изле-\nзли\nдни", "Дни в\nкампа-\nнията"),
    "ac_qty": ("Предадено\nколичество\n({u})", "Набрано\n({u})", "Коли-\nчество\n{u}"),
    "ac_rate": ("Цена\nлв./{u}", "Ед.\nцена\n({u})", "Акордна\nрасценка\nза {u}"),
    "base_pay": ("Сума по\nакорда", "Заработено\nпо расценка", "Сума за\nпредаденото"),
    "extra_pay": ("Премия за\nкачество", "Доплащане\nза норма", "Премия\nберачи"),
    "gross_pay": ("Всичко\nзаработено\nв кампанията", "Общо\nза\nплащане", "Всичко\nсума\nбруто"),
    "tax": ("Данък\n(ДОД)\nсезонни", "ДОД\nудържан"),
    "ac_food": ("Храна\nна\nполето", "Стол\n(храна)"),
    "ac_bus": ("Транс-\nпорт\nавтобус", "Превоз\nдо\nполето"),
    "advance": ("Седмичен\nаванс", "Взети\nаванси"),
    "deductions": ("Всичко\nудържано", "Общо\nудръжки\nберачи", "Удържа-\nни\nсуми"),
    "net_pay": ("Чиста\nсума за\nизплащане", "За получа-\nване\n(лв.)", "Остава\nза\nплащане"),
    "signature": ("Подпис\nна берача", "Получил\nсумата", "Разпис-\nка за\nполучено"),
}  # fmt: skip

# faces of a font package none of A-AB uses (scripts/setup.sh: scalable-cyrfonts-tex): its Courier as the typewriter,
# its Tarzana as a printed form's
_CYR = "../../texmf/fonts/type1/public/scalable-cyrfonts-tex/"
AC_FACES: dict[str, tuple[str, ...]] = {"typewriter": tuple(_CYR + f + ".pfb" for f in ("fcrr6w", "fcrb6w", "fcrro6w"))}
AC_SIZES: dict[str, tuple[int, int]] = {"typewriter": (36, 44)}
FORM_FACES = tuple(_CYR + f + ".pfb" for f in ("ftar6w", "ftab6w"))
AC_MONEY = (("", "."), ("", ","), (" ", ","), ("", "."))  # (thousands, decimal)

# the crops and works of each month: (the work in the title, the unit in the headings, the unit's decimals,
# the quantity a day, the rate for the unit in 1985's leva)
WORKS: dict[int, tuple[tuple[str, str, int, tuple[float, float], tuple[float, float]], ...]] = {
    1: (("Резитба на лозя", "дка", 2, (0.8, 1.8), (3.2, 5.0)),),
    2: (("Резитба на лозя", "дка", 2, (0.8, 1.8), (3.2, 5.0)), ("Резитба на овощни дървета", "бр.", 0, (14, 30), (0.2, 0.35))),
    3: (("Резитба на овощни дървета", "бр.", 0, (14, 30), (0.2, 0.35)), ("Окопаване на лозя", "дка", 2, (1.2, 2.6), (2.2, 3.4))),
    4: (("Окопаване на лозя", "дка", 2, (1.2, 2.6), (2.2, 3.4)), ("Разсаждане на тютюн", "дка", 2, (0.3, 0.7), (9.0, 15.0))),
    5: (("Беритба на рози", "кг", 1, (18, 42), (0.16, 0.26)), ("Беритба на ягоди", "кг", 1, (16, 36), (0.18, 0.3))),
    6: (("Беритба на череши", "кг", 1, (40, 90), (0.07, 0.12)), ("Беритба на рози", "кг", 1, (18, 42), (0.16, 0.26)),
        ("Беритба на малини", "кг", 1, (8, 20), (0.35, 0.6))),
    7: (("Беритба на кайсии", "кг", 0, (70, 150), (0.04, 0.07)), ("Нанизване на тютюн", "низи", 0, (40, 90), (0.07, 0.12)),
        ("Беритба на малини", "кг", 1, (8, 20), (0.35, 0.6))),
    8: (("Беритба на домати", "каси", 0, (25, 60), (0.1, 0.2)), ("Нанизване на тютюн", "низи", 0, (40, 90), (0.07, 0.12)),
        ("Беритба на праскови", "кг", 0, (80, 160), (0.035, 0.06))),
    9: (("Гроздобер", "кг", 0, (160, 380), (0.016, 0.03)), ("Беритба на ябълки", "кг", 0, (150, 330), (0.018, 0.032)),
        ("Беритба на пипер", "каси", 0, (20, 45), (0.14, 0.25))),
    10: (("Гроздобер", "кг", 0, (160, 380), (0.016, 0.03)), ("Беритба на ябълки", "кг", 0, (150, 330), (0.018, 0.032)),
         ("Брулене на орехи", "кг", 1, (30, 70), (0.09, 0.16))),
    11: (("Беритба на шипки", "кг", 1, (15, 35), (0.16, 0.26)), ("Брулене на орехи", "кг", 1, (30, 70), (0.09, 0.16))),
    12: (("Резитба на лозя", "дка", 2, (0.8, 1.8), (3.2, 5.0)), ("Беритба на шипки", "кг", 1, (15, 35), (0.16, 0.26))),
}  # fmt: skip

KINDS_80S = ("ТКЗС „{p}“ – с. {v}", "АПК „{p}“ – {t}, растениевъдство", "ДЗС „{p}“ – {t}", "АПК „{p}“ – {t}",
             "Консервен комбинат „{p}“ – {t}, сурово­инна база", "ТК „{p}“ – {t}, база „Тютюн“",
             "Розоварна „{p}“ – с. {v}")  # fmt: skip
KINDS_90S = ("ЗКПУ „{p}“ – с. {v}", "ЛС на ТКЗС „{p}“ – с. {v}", "„{p}“ ЕООД – {t}", "Земеделска кооперация „{p}“ – с. {v}")
PATRONS = ("Розова долина", "Тракия", "Добруджа", "Първи май", "Георги Кирков", "Нова Загора", "Ален мак", "Родина",
           "Зора", "Напредък", "Балкан", "Житница", "Лозарско дело", "Сакар", "Мелник", "Черноморец", "Плиска")  # fmt: skip
TOWNS = ("Казанлък", "Карлово", "Кюстендил", "Сливен", "Ямбол", "Пазарджик", "Асеновград", "Петрич", "Сандански",
         "Хасково", "Свищов", "Сухиндол", "Харманли", "Павликени")  # fmt: skip
VILLAGES = ("Шейново", "Розово", "Кърнаре", "Горно Сахране", "Ягода", "Брестовица", "Първенец", "Старосел",
            "Черноград", "Лозен", "Крушово", "Мусина", "Хърсово", "Огняново")  # fmt: skip
BRIGADES = ("Бригада № {n} – сезонни работници", "Растениевъдна бригада № {n}", "Звено № {n} (берачи)",
            "Бригада „{w}“ № {n}", "Участък № {n}")  # fmt: skip
TITLES = ("ВЕДОМОСТ ЗА АКОРДНО ЗАПЛАЩАНЕ НА СЕЗОННИ РАБОТНИЦИ", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ НА БЕРАЧИТЕ",
          "ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ВЪЗНАГРАЖДЕНИЯ НА СЕЗОННИ РАБОТНИЦИ", "ПЛАТЕЖНА ВЕДОМОСТ – СЕЗОННИ РАБОТНИЦИ")  # fmt: skip
AC_PERIODS: dict[str, str | tuple[str, ...]] = {
    "word": ("за месец {word} {y} г.", "през месец {word} {y} година"),
    "span": ("от 01.{mm}.{y} до {last}.{mm}.{y} г.", "за периода 1 – {last} {word} {y} г."),
    "short": ("м. {mm}/{yy} г.", "за м. {WORD} {y} г."),
}
TOTAL_WORDS = ("Всичко по ведомостта:", "ВСИЧКО:", "Всичко за бригадата", "Общо:")
FOOTERS = (("Бригадир:", "Отчетник:", "Гл. счетоводител:"), ("Съставил:", "Бригадир:", "Председател:"),
           ("Отчетник-касиер:", "Гл. счетоводител:", "Директор:"))  # fmt: skip
CERTIFIERS = ("Ликвидатор:", "Гл. счетоводител:", "Архивист:", "Председател на ЛС:", "За директор:")
HAND_SCALE = 1.35  # a handwriting face's letters to the typewriter's
PAPERS = {"A3": (4961, 3508), "A4L": (3508, 2480), "A4P": (2480, 3508)}


@dataclass(frozen=True)
class ACHabits:
    """One AC file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str  # the typewriter's face (under FONT_DIR)
    form: bool  # a printed blank form: its headings and rules printed (FORM_FACES), the rest typed
    form_face: str
    rules: str  # "full", "rows" or "columns"
    thousands: str
    decimal: str
    zero: str  # a nought in an itemised deduction: "blank", "dash" ("-") or "zeros" ("0.00")
    names: str  # "full", "surname" (surname first) or "initials" (Петрова М. И.)
    ditto: bool  # the rate typed on the first row only, ditto marks under it
    hand: bool  # the days and the quantities written in by the brigade leader's hand
    hand_face: str  # family T's handwriting faces
    pen: str  # "ink" or "ballpoint"
    period: str  # AC_PERIODS' kind
    total_word: str
    footer: tuple[str, ...]
    # the copies and the scan
    generations: int  # 1 to 3 photocopies, each of the one before
    lid_open: bool  # the copier's lid up: black round the sheet, the holes black
    toner: float  # speckle, 0..1
    contrast: float  # how hard the copier's tone curve is, 0..1
    streak: bool  # a drum's streak down every copy
    holes: bool  # the original's two punched holes
    staple: bool  # the original's staple (or its holes) in a corner
    certified_last: bool  # the certifying stamp on the final copy (else on an earlier one, copied black)
    across: float  # the share of pages whose stamp lies over the table's last rows
    dpi: int

    @property
    def ruling(self) -> str:
        return self.rules


def draw(rng: random.Random) -> ACHabits:
    thousands, decimal = rng.choice(AC_MONEY)
    generations = rng.choice((1, 2, 2, 3))
    return ACHabits(
        layout=rng.choice(AC_LAYOUTS), face=rng.choice(AC_FACES["typewriter"]), form=rng.random() < 0.4,
        form_face=rng.choice(FORM_FACES), rules=rng.choice(("full", "full", "rows", "columns")), thousands=thousands,
        decimal=decimal, zero=rng.choice(("blank", "dash", "zeros")), names=rng.choice(("full", "surname", "initials")),
        ditto=rng.random() < 0.35, hand=rng.random() < 0.4, hand_face=rng.choice(family_t.T_HANDS),
        pen=rng.choice(("ink", "ballpoint")), period=rng.choice(tuple(AC_PERIODS)), total_word=rng.choice(TOTAL_WORDS),
        footer=rng.choice(FOOTERS), generations=generations, lid_open=rng.random() < 0.45,
        toner=rng.uniform(0.1, 1.0), contrast=rng.uniform(0.2, 1.0), streak=rng.random() < 0.35,
        holes=rng.random() < 0.55, staple=rng.random() < 0.5, certified_last=generations == 1 or rng.random() < 0.6,
        across=rng.choice((0.3, 0.6, 0.9)), dpi=rng.choice((200, 300, 300)),
    )  # fmt: skip


# --- the file: its employer, its seasonal people ---


def printed_name(first: str, father: str, surname: str, ac: ACHabits) -> str:
    """A name as the file types it (the truth is what is printed)."""
    if ac.names == "surname":
        return f"{surname} {first} {father}"
    if ac.names == "initials":
        return f"{surname} {first[0]}. {father[0]}."
    return f"{first} {father} {surname}"


def _picker(rng: random.Random, year: int, ac: ACHabits) -> Person:
    """A seasonal worker: a student, a housewife or a pensioner, most of them women."""
    female = rng.random() < 0.72
    first = rng.choice(data.FEMALE_FIRST if female else data.MALE_FIRST)
    father = patronymic_of(rng.choice(data.FATHERS)) + ("а" if female else "")
    surname = rng.choice(data.SURNAMES) + ("а" if female else "")
    age = rng.choice((rng.randint(16, 19), rng.randint(20, 55), rng.randint(56, 74)))
    born = date(year - age, rng.randint(1, 12), rng.randint(1, 28))
    return Person(egn_mod.make(born, rng.randint(0, 499), female), printed_name(first, father, surname, ac),
                  "сезонен работник", Decimal(0))  # fmt: skip


def adapt_file(ef: EmployerFile, ac: ACHabits, rng: random.Random) -> None:
    """An AC file: the employer of its years, the brigade (kept in ``ef.departments[""]``: no part of the name), a roster
    of 14-44 seasonal people (more than a month's sheet holds: they come and go), the layout and its headings."""
    year = ef.start[0]
    forms = KINDS_90S if year >= 1991 and rng.random() < 0.7 else KINDS_80S
    ef.employer = rng.choice(forms).format(p=rng.choice(PATRONS), t=rng.choice(TOWNS), v=rng.choice(VILLAGES))
    ef.employer = ef.employer.replace("\u00ad", "")
    ef.staff = [_picker(rng, year, ac) for _ in range(rng.randint(14, 44))]
    ef.layout = ac.layout
    ef.headings = {c: rng.choice(HEADINGS_AC[c]) for c in ef.layout}
    ef.departments[""] = rng.choice(BRIGADES).format(n=rng.randint(1, 12), w=rng.choice(("Овощарство", "Лозарство",
                                                                                          "Зеленчукопроизводство")))



def adapt_sheet(sheet: SheetContent, ac: ACHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AC month: the work of the month and its rate, the people who came (each of the roster with a chance, in the
    roster's order, numbered from 1), each one's days, quantity, piece earnings (quantity x rate), bonus, deductions
    and net; the totals (the quantity's in ``extra["ac_qty_total"]``); the title, the period, the totals' words."""
    year, month = sheet.year, sheet.month
    work, unit, places, per_day, rate0 = rng.choice(WORKS[month])
    scale = pay_scale(1985, year)
    rate = Decimal(str(rng.uniform(*rate0))) * scale
    rate = rate.quantize(Decimal("0.001") if rate < 1 else Decimal("0.01"), rounding=ROUND_HALF_UP)
    step = Decimal(1).scaleb(-places)
    dim = egn_mod.days_in_month(year, month)
    staff = ef.staff if ef is not None else []
    came = [p for p in staff if rng.random() < 0.7]
    if len(came) < 6:
        came = staff[: max(6, len(came))]
    lay = sheet.layout
    parts = [c for c in lay if c in PARTS]
    food, bus = cents(Decimal(str(rng.uniform(0.5, 0.9))) * scale), cents(Decimal(str(rng.uniform(0.15, 0.4))) * scale)
    tax_pct = Decimal(rng.randint(3, 8)) if year < 1991 else Decimal(rng.randint(10, 20))
    rows: list[dict[str, object]] = []
    for i, p in enumerate(came, start=1):
        days = rng.randint(3, min(dim, 26))
        skill = rng.uniform(0.7, 1.3)
        qty = (Decimal(str(days * rng.uniform(*per_day) * skill)) / 1).quantize(step, rounding=ROUND_HALF_UP)
        qty = max(qty, step)
        piece = cents(qty * rate)
        bonus = cents(piece * Decimal(rng.choice((5, 8, 10, 12, 15))) / 100) if rng.random() < 0.4 else Decimal(0)
        has_base = "base_pay" in lay
        extra = bonus if "extra_pay" in lay else Decimal(0)
        gross = piece + extra
        cuts = {
            "tax": cents(gross * tax_pct / 100),
            "ac_food": cents(food * days) if rng.random() < 0.8 else Decimal(0),
            "ac_bus": cents(bus * days) if rng.random() < 0.7 else Decimal(0),
            "advance": cents(Decimal(rng.choice((10, 15, 20, 30))) * scale * (days // 7)) if rng.random() < 0.6 else Decimal(0),
        }
        if parts:
            while sum((cuts[c] for c in parts), Decimal(0)) > gross * Decimal("0.6"):
                big = max(parts, key=lambda c: cuts[c])
                cuts[big] = cents(cuts[big] / 2)
            ded = sum((cuts[c] for c in parts), Decimal(0))
        else:
            ded = cents(gross * Decimal(rng.randint(4, 14)) / 100)
        row: dict[str, object] = {
            "row": i, "egn": p.egn, "name": p.name, "position": None,
            "days_worked": days if "days_worked" in lay else None, "days_paid": days,
            "base_pay": piece if has_base else None, "extra_pay": extra if "extra_pay" in lay else None,
            "gross_pay": gross, "deductions": ded, "net_pay": gross - ded, "ac_qty": qty, "ac_rate": rate,
        }  # fmt: skip
        for c in parts:
            row[c] = cuts[c] if cuts[c] or ac.zero != "blank" else None
        rows.append(row)
    sheet.rows = rows
    sheet.totals = {f: sum((amount_or_nought(r.get(f)) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *parts) if f in lay}
    sheet.decimal_comma, sheet.thousands_space, sheet.thousands_sep = ac.decimal == ",", bool(ac.thousands), ac.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.headings = {c: h.format(u=unit) for c, h in sheet.headings.items()}
    sheet.title = rng.choice(TITLES)
    sheet.period_text = data.said_period(rng, month, year, AC_PERIODS, ac.period)
    sheet.total_label = ac.total_word
    sheet.extra["ac_work"] = f"{work} ({unit})" if rng.random() < 0.5 else work
    sheet.extra["ac_unit"] = unit
    sheet.extra["ac_places"] = places
    sheet.extra["ac_qty_total"] = sum((amount_or_nought(r["ac_qty"]) for r in rows), Decimal(0))
    sheet.extra["ac_brigade"] = ef.departments.get("", "") if ef is not None else ""


def style(ac: ACHabits, rng: random.Random, base: Style) -> None:
    """An AC page's style: the typewriter's face (the rest is drawn by family_ac.render)."""
    base.font = FONT_DIR / ac.face
    base.typewriter = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = True, ac.rules
    base.ink = rng.randint(15, 60)
    del rng


# --- the typed sheet ---


def amount(v: Decimal, ac: ACHabits) -> str:
    whole, st = f"{abs(v):.2f}".split(".")
    if ac.thousands and len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", ac.thousands)
    return f"{'-' if v < 0 else ''}{whole}{ac.decimal}{st}"


def quantity(v: Decimal, places: int, ac: ACHabits) -> str:
    text = f"{v:.{places}f}"
    return text.replace(".", ac.decimal) if places else text


def rate_text(v: Decimal, ac: ACHabits) -> str:
    return f"{v}".replace(".", ac.decimal)


def cell(sheet: SheetContent, r: dict[str, object], c: str, ac: ACHabits, first: bool) -> str:
    """What the typist (or the brigade leader) put in column ``c`` of row ``r``."""
    v = r.get(c)
    if c == "signature":
        return ""
    if c == "ac_qty":
        places = sheet.extra["ac_places"]
        assert isinstance(places, int) and isinstance(v, Decimal)
        return quantity(v, places, ac)
    if c == "ac_rate":
        assert isinstance(v, Decimal)
        return rate_text(v, ac) if first or not ac.ditto else "\""
    if c in ("row", "egn", "name", "days_worked"):
        return "" if v is None else str(v)
    if v is None:
        return ""
    d = amount_or_nought(v)
    if c in PARTS and d == 0:
        return {"blank": "", "dash": "-", "zeros": amount(d, ac)}[ac.zero]
    if c == "extra_pay" and d == 0:
        return "-" if ac.zero == "dash" else amount(d, ac)
    return amount(d, ac)



class _Typist:
    """The typewriter: the face at its fixed pitch, each key struck a little off the line and with its own force."""

    def __init__(self, img: Image.Image, path: str, size: int, ink: int, rng: random.Random) -> None:
        self.img, self.path, self.size, self.ink, self.rng = img, path, size, ink, rng
        self.draw = ImageDraw.Draw(img)
        self.pitch = face_at(path, size).getlength("0")

    def width(self, s: str, scale: float = 1.0) -> float:
        return len(s) * self.pitch * scale

    def text(self, x: float, y_mid: float, s: str, scale: float = 1.0) -> None:
        size = max(12, int(self.size * scale))
        f = face_at(self.path, size)
        pitch = f.getlength("0")
        asc, _ = f.getmetrics()
        top = y_mid - asc * 0.62
        for k, ch in enumerate(s):
            if not ch.strip():
                continue
            ink = min(120, self.ink + int(abs(self.rng.gauss(0, 20))))
            self.draw.text((x + k * pitch + self.rng.uniform(-0.8, 0.8), top + self.rng.uniform(-1.5, 1.5)), ch, font=f,
                           fill=ink)  # fmt: skip


class _Form:
    """A printed blank form's words (its own face, set whole)."""

    def __init__(self, img: Image.Image, path: str, size: int) -> None:
        self.draw, self.path, self.size = ImageDraw.Draw(img), path, size

    def width(self, s: str, scale: float = 1.0) -> float:
        return face_at(self.path, max(12, int(self.size * scale))).getlength(s.replace("№", "N"))

    def text(self, x: float, y_mid: float, s: str, scale: float = 1.0) -> None:
        f = face_at(self.path, max(12, int(self.size * scale)))
        asc, _ = f.getmetrics()
        self.draw.text((x, y_mid - asc * 0.62), s.replace("№", "N"), font=f, fill=40)


def _scribble(draw: ImageDraw.ImageDraw, x0: float, y0: float, x1: float, y1: float, rng: random.Random, ink: int) -> None:
    """A signature: a few loops and a tail, within the box."""
    w, h = x1 - x0, y1 - y0
    pts = []
    n = rng.randint(8, 16)
    for k in range(n):
        t = k / (n - 1)
        pts.append((x0 + w * (0.05 + 0.9 * t) + rng.uniform(-0.04, 0.04) * w,
                    y0 + h * (0.5 + 0.38 * np.sin(t * rng.uniform(9, 16)) * rng.uniform(0.6, 1.0))))  # fmt: skip
    draw.line(pts, fill=ink, width=rng.choice((2, 3)), joint="curve")


def _line(draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], ink: int, width: int,
          rng: random.Random, hand: bool) -> None:  # fmt: skip
    """A rule: printed straight, or drawn along a ruler in ink (a little off, past the corner)."""
    if not hand:
        draw.line([a, b], fill=ink, width=width)
        return
    over = rng.uniform(-6, 14)
    (xa, ya), (xb, yb) = a, b
    if abs(xb - xa) > abs(yb - ya):
        draw.line([(xa - over, ya + rng.uniform(-2, 2)), (xb + over, yb + rng.uniform(-3, 3))], fill=ink, width=width)
    else:
        draw.line([(xa + rng.uniform(-2, 2), ya - over), (xb + rng.uniform(-3, 3), yb + over)], fill=ink, width=width)


def render(sheet: SheetContent, st: Style, ac: ACHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The original sheet at 300 dpi (grey): the employer and brigade, the sheet's number, the title, the work and the
    period, the table (headings, rows, totals; the days and quantities by hand on some files, the signatures), the
    footer's roles and signatures. The paper is A3 (landscape) where the month's people need it, else A4."""
    n = len(sheet.rows)
    paper = "A3" if n > 22 or len(sheet.layout) >= 14 else rng.choice(("A4L", "A4L", "A4P")) if n <= 16 else "A4L"
    if paper == "A4P" and len(sheet.layout) > 11:
        paper = "A4L"
    W, H = PAPERS[paper]
    size = st.size
    places = sheet.extra["ac_places"]
    assert isinstance(places, int)
    layout = sheet.layout
    texts = [{c: cell(sheet, r, c, ac, k == 0) for c in layout} for k, r in enumerate(sheet.rows)]
    qty_total = sheet.extra["ac_qty_total"]
    assert isinstance(qty_total, Decimal)
    totals = {c: amount(v, ac) for c, v in sheet.totals.items()}
    totals["ac_qty"] = quantity(qty_total, places, ac)
    while True:  # the type as large as the sheet allows (a typist's ball or a smaller machine)
        img = Image.new("L", (W, H), 255)
        ty = _Typist(img, str(FONT_DIR / ac.face), size, st.ink, rng)
        heads_by = _Form(img, str(FONT_DIR / ac.form_face), int(size * 0.8)) if ac.form else None
        pad = int(size * 0.45)
        hs = 0.85
        widths = []
        for c in layout:
            lines = sheet.headings[c].split("\n")
            hw = max((heads_by.width(x) if heads_by else ty.width(x, hs)) for x in lines)
            bw = max([ty.width(t[c]) for t in texts] + [ty.width(totals.get(c, ""))])
            if c == "signature":
                bw = size * 4.5
            if c == "name":
                bw = max(bw, ty.width(sheet.total_label))
            widths.append(int(max(hw, bw) + 2 * pad))
        mx = 150 if paper != "A4P" else 190
        row_h = int(size * rng.uniform(1.6, 1.9))
        head_lines = max(len(sheet.headings[c].split("\n")) for c in layout)
        line_h = int(size * 1.15 * hs)
        head_h = head_lines * line_h + 2 * pad
        need_h = 200 + size * 8 + head_h + (n + 1) * row_h + size * 7
        if sum(widths) <= W - 2 * mx and need_h <= H - 120:
            break
        if size <= 24:
            raise ValueError("the AC sheet does not fit its paper")
        size -= 2
    spare = W - 2 * mx - sum(widths)
    name_j = layout.index("name")
    widths[name_j] += int(spare * 0.35)
    for j, c in enumerate(layout):
        if c not in ("name", "row"):
            widths[j] += int(spare * 0.6 / (len(layout) - 2))
    xs = [mx]
    for w_ in widths:
        xs.append(xs[-1] + w_)
    geo = Geometry(W, H)
    y = rng.randint(150, 230)
    ty.text(mx + rng.randint(0, 40), y, sheet.employer, 1.05)
    label = rng.choice((f"Лист № {sheet.sheet}", f"Лист {sheet.sheet}", f"л. {sheet.sheet}"))
    ty.text(W - mx - ty.width(label) - rng.randint(0, 30), y, label)
    brigade = str(sheet.extra.get("ac_brigade") or "")
    if brigade:
        y += int(size * 1.4)
        ty.text(mx + rng.randint(0, 40), y, brigade, 0.95)
    y += int(size * 2.3)
    title_by = heads_by if heads_by is not None else ty
    title_by.text((W - title_by.width(sheet.title, 1.1)) / 2, y, sheet.title, 1.1)
    y += int(size * 1.6)
    work = str(sheet.extra["ac_work"])
    line2 = f"{work} – {sheet.period_text}" if rng.random() < 0.5 else f"{sheet.period_text}   {work}"
    ty.text((W - ty.width(line2)) / 2, y, line2)
    y += int(size * 2.0)
    top = y
    rule_ink = 40 if ac.form else rng.randint(30, 90)
    lw = 3 if ac.form else rng.choice((2, 3))
    # the headings
    for j, c in enumerate(layout):
        lines = sheet.headings[c].split("\n")
        y0 = top + (head_h - len(lines) * line_h) / 2 + line_h / 2
        for k, words in enumerate(lines):
            by = heads_by if heads_by is not None else ty
            wdt = by.width(words) if heads_by is not None else ty.width(words, hs)
            by.text(xs[j] + (widths[j] - wdt) / 2, y0 + k * line_h, words, 1.0 if heads_by is not None else hs)
        geo.cells.append((0, j, [xs[j], top, xs[j + 1], top + head_h], " ".join(lines)))
    yrow = top + head_h
    hand = None
    if ac.hand:
        hand = family_t.Hand(str(FONT_DIR / ac.hand_face), rng.uniform(-0.04, 0.2), ac.pen, 35 if ac.pen == "ink" else 60,
                             rng.uniform(0.12, 0.25))  # fmt: skip
    painter = Painter(img, Style(font=FONT_DIR / ac.face, typewriter=True, size=size, ruled=True, landscape=True), rng)
    by_hand = ("days_worked", "ac_qty")
    draw = ImageDraw.Draw(img)
    edges = [yrow]
    for i in range(n):
        ym = yrow + row_h / 2
        for j, c in enumerate(layout):
            t = texts[i][c]
            if c == "signature":
                _scribble(draw, xs[j] + pad, yrow + 4, xs[j + 1] - pad, yrow + row_h - 4, rng, rng.randint(40, 90))
                continue
            if not t:
                continue
            if hand is not None and c in by_hand:  # the leader's figures, as large as a hand writes them in a cell
                tw = hand.width(painter, t, HAND_SCALE)
                hand.text(painter, xs[j + 1] - pad - tw, ym, t, HAND_SCALE)
            elif c == "name":
                ty.text(xs[j] + pad, ym, t)
            elif c == "ac_rate" and t == "\"":
                ty.text((xs[j] + xs[j + 1] - ty.width(t)) / 2, ym, t)
            else:
                ty.text(xs[j + 1] - pad - ty.width(t), ym, t)
            geo.cells.append((i + 1, j, [xs[j], yrow, xs[j + 1], yrow + row_h], t))
        geo.row_bboxes.append([xs[0], yrow, xs[-1], yrow + row_h])
        geo.row_polygons.append(rect_polygon(xs[0] + 3, yrow + 3, xs[-1] - 3, yrow + row_h - 3))
        yrow += row_h
        edges.append(yrow)
    # the totals row
    ym = yrow + row_h / 2
    ty.text(xs[name_j] + pad, ym, sheet.total_label)
    for j, c in enumerate(layout):
        t = totals.get(c, "")
        if not t:
            continue
        if hand is not None and c == "ac_qty":
            hand.text(painter, xs[j + 1] - pad - hand.width(painter, t, HAND_SCALE), ym, t, HAND_SCALE)
        else:
            ty.text(xs[j + 1] - pad - ty.width(t), ym, t)
        geo.cells.append((n + 1, j, [xs[j], yrow, xs[j + 1], yrow + row_h], t))
    bottom = yrow + row_h
    # the rules
    by_ruler = not ac.form

    def rule(a: tuple[float, float], b: tuple[float, float]) -> None:
        _line(draw, a, b, rule_ink, lw, rng, by_ruler)

    rule((xs[0], top), (xs[-1], top))
    rule((xs[0], top + head_h), (xs[-1], top + head_h))
    rule((xs[0], yrow), (xs[-1], yrow))
    rule((xs[0], bottom), (xs[-1], bottom))
    if ac.rules in ("full", "columns"):
        for x_ in xs:
            rule((x_, top), (x_, bottom))
    else:
        for x_ in (xs[0], xs[-1]):
            rule((x_, top), (x_, bottom))
    if ac.rules in ("full", "rows"):
        for e in edges[1:-1]:
            rule((xs[0], e), (xs[-1], e))
    geo.table_bbox = [xs[0], top, xs[-1], bottom]
    # the footer: the roles, each signed
    fy = bottom + int(size * 2.6)
    step = (W - 2 * mx) / len(ac.footer)
    for k, role in enumerate(ac.footer):
        fx = mx + k * step
        ty.text(fx, fy, role)
        sx = fx + ty.width(role) + 20
        _scribble(draw, sx, fy - size * 0.9, sx + size * 4, fy + size * 0.6, rng, rng.randint(30, 80))
    sheet.extra["ac_paper"] = paper
    return img, geo


# --- the copies and the scan ---


@dataclass
class ACPage:
    """One AC page's copies, decided on the drawn original: each generation's turn, shift and scale on the glass, the
    certifying stamp (a small grey layer, where it lies on the original and on which copy it was put), the holes and the
    staple of the original."""

    ac: ACHabits
    seed: int
    sizes: tuple[tuple[int, int], ...]  # each copy's paper (w, h) at 300 dpi
    maps: tuple[np.ndarray, ...]  # each copy's 2x3 map from the sheet before it
    stamp: np.ndarray  # the stamp's and signature's ink (0..1), its top-left at ``stamp_at`` on the original
    stamp_at: tuple[int, int]
    stamp_on: int  # the copy it was put on (1 the first)
    holes: tuple[tuple[float, float, float], ...]
    staple: tuple[float, float, float] | None  # (x, y, angle) on the original


def _fit(W: int, H: int, Wt: int, Ht: int, scale: float, angle: float, box: list[int], rng: random.Random) -> np.ndarray:
    """The map of a sheet W x H laid on the glass of a copier whose paper is Wt x Ht: scaled, turned by ``angle``
    degrees about its centre, shifted a little (never so far that ``box`` - the table - leaves the copy)."""
    m = cv2.getRotationMatrix2D((W / 2, H / 2), angle, scale)
    m[:, 2] += np.array([Wt / 2 - W / 2, Ht / 2 - H / 2])
    x0, y0, x1, y1 = box
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], np.float64) @ m.T
    lo_x, hi_x = 25 - pts[:, 0].min(), Wt - 25 - pts[:, 0].max()
    lo_y, hi_y = 25 - pts[:, 1].min(), Ht - 25 - pts[:, 1].max()
    dx = rng.uniform(max(lo_x, -70), min(hi_x, 70)) if lo_x <= hi_x else (lo_x + hi_x) / 2
    dy = rng.uniform(max(lo_y, -70), min(hi_y, 70)) if lo_y <= hi_y else (lo_y + hi_y) / 2
    m[:, 2] += np.array([dx, dy])
    return m


def _map_box(box: list[int], m: np.ndarray) -> list[int]:
    x0, y0, x1, y1 = box
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], np.float64) @ m.T
    return [int(pts[:, 0].min()), int(pts[:, 1].min()), int(pts[:, 0].max()) + 1, int(pts[:, 1].max()) + 1]


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ac: ACHabits, rng: random.Random) -> ACPage:
    """Decide the page's copies and its certification; the stamp and the signature are marks of the page (no row's)."""
    W, H = img.size
    tb = geo.table_bbox
    sizes: list[tuple[int, int]] = []
    maps: list[np.ndarray] = []
    cur_w, cur_h, box = W, H, list(tb)
    for g in range(ac.generations):
        if g == 0 and sheet.extra.get("ac_paper") == "A3":
            wt, ht, scale = 3508, 2480, rng.uniform(0.69, 0.71)  # A3 onto A4
        else:
            wt, ht, scale = cur_w, cur_h, rng.uniform(0.985, 1.0)
        m = _fit(cur_w, cur_h, wt, ht, scale, rng.uniform(-1.3, 1.3), box, rng)
        sizes.append((wt, ht))
        maps.append(m)
        box = _map_box(box, m)
        cur_w, cur_h = wt, ht
    # the certifying stamp and signature, on the original's scale (drawn here, put on a copy by scan)
    size = max(34, int(min(W, H) / 52))
    f = face_at(str(FONT_DIR / FORM_FACES[0]), size)
    fb = face_at(str(FONT_DIR / FORM_FACES[1]), int(size * 1.15))
    word = "ВЯРНО С ОРИГИНАЛА"
    who = rng.choice(CERTIFIERS)
    when = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1997, 2004)} г."
    sw = int(max(fb.getlength(word), f.getlength(who) + size * 5) + size * 1.4)
    sh = int(size * 4.6)
    layer = Image.new("L", (sw, sh + int(size * 2.2)), 0)
    d = ImageDraw.Draw(layer)
    d.rectangle((3, 3, sw - 4, sh - 4), outline=220, width=max(3, size // 9))
    d.text(((sw - fb.getlength(word)) / 2, size * 0.5), word, font=fb, fill=230)
    d.text((size * 0.7, size * 2.2), who, font=f, fill=220)
    d.text((size * 0.7, sh - size * 1.3), when, font=f, fill=210)
    _scribble(d, size * 0.7 + f.getlength(who) + 10, size * 1.4, sw + 0.0 - size * 0.3, sh + size * 1.8, rng, 255)
    stamp = np.asarray(layer, np.float32) / 255.0
    sh_all, sw_all = stamp.shape
    across = rng.random() < ac.across
    if across:  # over the last rows' figures and the totals, at the table's right
        x = int(tb[2] - sw_all - rng.uniform(0.05, 0.35) * (tb[2] - tb[0]) * 0.5)
        y = int(tb[3] - sh_all * rng.uniform(0.45, 0.8))
    else:  # under the table, at its right
        x = int(tb[2] - sw_all - rng.uniform(0, 0.25) * (tb[2] - tb[0]))
        y = int(min(H - sh_all - 40, tb[3] + rng.uniform(0.4, 1.6) * size))
    x, y = max(40, min(W - sw_all - 40, x)), max(40, min(H - sh_all - 40, y))
    geo.marks.append({"kind": "stamp", "row": None, "polygon": rect_polygon(x, y, x + sw, y + sh)})
    geo.marks.append({"kind": "signature", "row": None, "polygon": rect_polygon(x, y + sh * 0.3, x + sw, y + sh_all)})
    holes: tuple[tuple[float, float, float], ...] = ()
    if ac.holes:
        r = rng.uniform(26, 34)
        if W > H:  # a landscape sheet filed by its top edge
            holes = tuple((W / 2 + k * 472 + rng.uniform(-5, 5), rng.uniform(55, 80), r) for k in (-1, 1))
        else:
            holes = tuple((rng.uniform(55, 80), H / 2 + k * 472 + rng.uniform(-5, 5), r) for k in (-1, 1))
    staple = (rng.uniform(60, 140), rng.uniform(60, 140), rng.uniform(30, 60)) if ac.staple else None
    stamp_on = ac.generations if ac.certified_last else rng.randint(1, ac.generations - 1)
    return ACPage(ac, rng.randrange(1 << 30), tuple(sizes), tuple(maps), stamp, (x, y), stamp_on, holes, staple)


def flat(a: np.ndarray, page: ACPage) -> np.ndarray:
    """The original before it was copied (``--pristine``)."""
    del page
    return a


def _tone(x: np.ndarray, contrast: float) -> np.ndarray:
    """A copier's tone curve (0 black, 255 white): the light greys to white, the darks to black."""
    lo, hi = 25 + 45 * contrast, 240 - 30 * contrast
    return np.clip((x - lo) / (hi - lo), 0.0, 1.0) * 255.0


def scan(a: np.ndarray, page: ACPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The original through its copies and the archive's scanner: each copy the sheet before it laid on the glass
    (turned, shifted, reduced for an A3 sheet), the lid's black or white round it, the optics' softness, the toner's
    tone curve, its speckle and streak; the stamp put on its copy (ink, or copied black after it); then scanned grey at
    the file's dpi, a little askew. Returns the image, the 2x3 map from the original and the dpi."""
    from . import degrade

    ac = page.ac
    rng = random.Random(page.seed)
    cur = a.astype(np.float32) * rng.uniform(0.95, 0.985)  # the original's paper, a little yellowed
    H0, W0 = cur.shape
    gone = np.zeros((H0, W0), np.uint8)  # what is no paper: the holes
    for hx, hy, hr in page.holes:
        cv2.circle(gone, (int(hx), int(hy)), int(hr), 1, -1)
    if page.staple is not None:
        sx, sy, ang = page.staple
        pts = cv2.boxPoints(((sx, sy), (150.0, 9.0), ang)).astype(np.int32)
        cv2.fillPoly(cur, [pts], 95.0)
    total = degrade.identity()
    stamp_full: np.ndarray | None = None
    for g, ((wt, ht), m) in enumerate(zip(page.sizes, page.maps, strict=True), start=1):
        h, w = cur.shape
        paper = np.ones((h, w), np.float32)
        if g == 1:
            paper[gone.astype(bool)] = 0.0
        lid = rng.uniform(15, 45) if ac.lid_open else rng.uniform(235, 250)
        warped = cv2.warpAffine(cur, m, (wt, ht), flags=cv2.INTER_AREA if m[0, 0] < 0.9 else cv2.INTER_LINEAR,
                                borderValue=255.0)  # fmt: skip
        on = cv2.warpAffine(paper, m, (wt, ht), flags=cv2.INTER_LINEAR, borderValue=0.0)
        cur = np.asarray(warped * on + lid * (1.0 - on), np.float32)
        edge = cv2.morphologyEx((on > 0.5).astype(np.uint8), cv2.MORPH_GRADIENT, np.ones((5, 5), np.uint8)).astype(bool)
        cur[edge] *= 0.55  # the sheet's edge casts its line
        total = degrade.compose(m, total)
        cur = np.asarray(cv2.GaussianBlur(cur, (0, 0), rng.uniform(0.5, 0.85)), np.float32)
        cur = _tone(cur, ac.contrast * (1.0 - 0.2 * (g - 1)))  # a copy of a copy: its greys are darker already
        # the toner: speckle, a haze, a drum's streak
        spots = int(ac.toner * rng.uniform(400, 2500) * (wt * ht) / 8.7e6)
        xs = np_rng.integers(0, wt, spots)
        ys = np_rng.integers(0, ht, spots)
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            cv2.circle(cur, (x, y), rng.choice((1, 1, 1, 2, 2, 3)), rng.uniform(0, 120), -1)
        haze = cv2.resize(np_rng.random((6, 6)).astype(np.float32), (wt, ht), interpolation=cv2.INTER_CUBIC)
        cur -= haze * ac.toner * rng.uniform(4, 14)
        if ac.streak:
            sx0 = rng.randint(int(wt * 0.1), int(wt * 0.9))
            cur[:, sx0 : sx0 + rng.randint(2, 5)] *= rng.uniform(0.55, 0.85)
        if g == page.stamp_on:  # certified on this copy: violet ink and a blue pen, grey in the scan
            st = page.stamp
            x, y = page.stamp_at
            move = np.array([[1.0, 0.0, float(x)], [0.0, 1.0, float(y)]])
            stamp_full = cv2.warpAffine(st, degrade.compose(total, move), (wt, ht), flags=cv2.INTER_LINEAR, borderValue=0.0)
            cur = np.asarray(cur * (1.0 - stamp_full * rng.uniform(0.45, 0.7)), np.float32)
        cur = np.clip(cur, 0, 255)
    # the archive's scanner: grey, at its dpi (300 for a sheet whose copy reduced its type), a little askew
    dpi = 300 if float(np.hypot(*page.maps[0][0, :2])) < 0.9 else ac.dpi
    s = dpi / 300
    h, w = cur.shape
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-0.8, 0.8), s)
    ow, oh = int(w * s), int(h * s)
    rot[:, 2] += np.array([ow / 2 - w / 2, oh / 2 - h / 2])
    out = cv2.warpAffine(cur, rot, (ow, oh), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR, borderValue=245.0)
    out = np.asarray(out, np.float32) + np_rng.standard_normal((oh, ow)).astype(np.float32) * rng.uniform(1.5, 3.5)
    total = degrade.compose(rot, total)
    return np.clip(out, 0, 255).astype(np.uint8), total, dpi
