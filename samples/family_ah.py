"""Family AH of the sample generator (held out from its making in session 31, 2026-12-06, helper s40-famah, before
anything was tuned on AG, to its one measurement by the lead at the start of session 32; evaluation seed 2057, development
seeds 26001-26040): the monthly crew payroll of a Bulgarian shipping company's vessel of 1980-1996 (a sea-going ship
of Параходство "Български морски флот" or Булфрахт, a river ship or pusher of "Българско речно плаване", an ocean
trawler of "Океански риболов"), typed on an electric typewriter with a gothic typeball; the sheet was torn in two or
three and mended with adhesive tape that has yellowed, and scanned on a flatbed in 16 levels of grey or as a dithered
bitonal image.

What AH draws, each file its own combination (samples/families.py applies it over the generic switches):
the columns. The crew in the order of their ranks (капитан, ст. помощник капитан, ... боцман, моторист, матрос,
готвач: the rank is the row's ``position`` where the sheet has a rank column), the days at sea and the days in port
(columns of their own, no payroll-page/1 field) and on some layouts their sum, the days on the roll (``days_worked``,
null where the sheet prints only the two parts); the base for the days on the roll (the rank's salary x days / working
days), the sea-service supplement ("морски добавки": the file's per cent of the base for the share of the days at
sea; ``extra_pay``), gross = base + supplement; itemised deductions (ДОД, the union's fee, the advance paid before
the voyage: their sum ``deductions``), net = gross - deductions; and the foreign-currency allowance for the days at
sea, in US dollars or Deutsche Mark ("Валутна част USD", "Дневни DM": the rank's daily rate x the days at sea, typed
with cents like the leva, totalled in the totals row, never part of gross or net and no payroll-page/1 field; on one
layout typed between the extra pay and gross); the totals row sums the leva columns and the currency; the ship's
line ('м/к "Родина"', 'тласкач "Видин"': not part of the employer's name) under the company, the port of registry on
some; the signatures of the crew in ballpoint, the master's and the accountant's at the foot.
The typing: an electric office typewriter with a gothic typeball (fonts-clear-sans's Clear Sans, regular or medium,
cut to a pitch of 10, 12 or 15 to the inch), a carbon-film ribbon (even strikes, crisp), the rules typed ("-" or
"_" across, "|" or "!" down) or ruled by pen; A4 landscape, or portrait on some files where the table fits.
The damage: the sheet torn in two or three pieces (a ragged tear across through a gap between two of the table's
lines, or down through a gap between two columns the whole sheet's height), a strip of paper lost along the tear no
wider than the blank band it runs in (wider in the margins: no typed string is torn or lost), the torn edges' white
fibres; mended with adhesive tape that has yellowed (short strips across the tear or one long strip along it, a
little askew, their ends cut by the dispenser's teeth: the tape darkens the paper and the typing under it, its edges
darker lines), the pieces a little shifted and turned against each other at the tear, apart (never overlapping), the
lid's white in the gap (the truth's boxes go with their piece).
The scan: a flatbed's glass, the lid's white behind the gaps, the tape's glare (a bright sheen over part of a tape
strip where it lifted, the typing under it paler but kept dark enough to read), a little turned; saved as 16 levels
of grey at 200 or 300 dpi, or as a bitonal 1-bit image at 300 dpi, the greys dithered (ordered or error-diffused)
after the scanner's white point: clean paper and the gaps white, the tape's yellow in dots.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .handwork import signature, smooth_field, typewriter_glyph
from .render import FONT_DIR, Geometry, Style, rect_polygon

PARTS = ("tax", "union_fee", "advance")  # the itemised deductions (their sum is ``deductions``)
DAYS = ("sea_days", "port_days")  # the days at sea and in port (no payroll-page/1 field)

AH_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "sea_days", "port_days", "days_worked", "base_pay", "extra_pay", "gross_pay",
     "deductions", "net_pay", "currency", "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
     "deductions", "net_pay", "currency"),
    ("row", "position", "name", "sea_days", "port_days", "base_pay", "extra_pay", "gross_pay", "tax", "advance",
     "deductions", "net_pay", "currency"),
    ("row", "name", "egn", "days_worked", "gross_pay", "deductions", "net_pay", "currency", "signature"),
    ("row", "name", "position", "sea_days", "port_days", "days_worked", "gross_pay", "tax", "advance", "deductions",
     "net_pay", "signature", "currency"),
    ("row", "egn", "name", "base_pay", "extra_pay", "currency", "gross_pay", "deductions", "net_pay", "signature"),
)  # fmt: skip

HEADINGS_AH: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nролята", "№ по\nекип.\nроля", "Ред.\n№"),
    "egn": ("ЕГН\nна моряка", "Граждан.\nномер", "ЕГН\nчлен на\nекипажа"),
    "name": ("Име, презиме и фамилия\nна члена на екипажа", "Трите имена\nна моряка", "Член на екипажа\n(име и фамилия)"),
    "position": ("Длъжност\nна кораба", "Корабна\nдлъжност", "Ранг\nпо екипажна\nроля"),
    "sea_days": ("Дни\nв море", "Ходови\nдни", "Дни\nплаване"),
    "port_days": ("Дни\nв при-\nстанище", "Стоян.\nдни", "Дни в\nпорт"),
    "days_worked": ("Всичко\nдни по\nролята", "Общо\nдни", "Дни\nна\nкораба"),
    "base_pay": ("Заплата\nпо ранг", "Основно\nвъзнагр.\nлв.", "Запл.\nпо\nдлъжн."),
    "extra_pay": ("Морски\nдобавки", "Добавка\nза плав.\nстаж", "Морско\nплаване\nлв."),
    "gross_pay": ("Всичко\nвъзнагр.\nлв.", "Общо\nв лева", "Бруто\nлв."),
    "tax": ("ДОД\nлв.", "Данък\nв лева", "Удържан\nДОД"),
    "union_fee": ("Синд.\nвнос\nморяци", "Профс.\nчленс.", "Вн.\nсинд."),
    "advance": ("Аванс\nпреди\nрейса", "Аванс\nв лева", "Получ.\nаванс"),
    "deductions": ("Всичко\nудръжки\nлв.", "Удръж.\nобщо", "Сбор\nудръжки"),
    "net_pay": ("За\nполучаване\nлв.", "Остатък\nза\nизплащ.", "Нето\nлв."),
    "currency": ("Валутна\nчаст\n{cur}", "Дневни\nв {cur}", "Валута\n{cur}"),
    "signature": ("Подпис\nна моряка", "Разпис\nза\nполучено", "Подпис\nчлен на\nекипажа"),
}  # fmt: skip

CLEAR = "clear-sans/ClearSans-Regular.ttf"
CLEAR_MEDIUM = "clear-sans/ClearSans-Medium.ttf"
# a font package none of A-AG uses (scripts/setup.sh: fonts-clear-sans): the electric typewriter's gothic typeball
AH_FACES: dict[str, tuple[str, ...]] = {"typewriter": (CLEAR, CLEAR_MEDIUM)}
AH_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AH_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)

# the companies: (name as typed, kind); renamed from 1991 where their form changed
EMPLOYERS = (
    ('Параходство "Български морски флот" - гр. Варна', "sea"), ('ДСО "Воден транспорт" - Параходство БМФ - Варна', "sea"),
    ('"Булфрахт" - гр. Варна', "sea"), ('Параходство "Българско речно плаване" - гр. Русе', "river"),
    ('ДСО "Воден транспорт" - БРП - гр. Русе', "river"), ('Параходство "Български морски флот" - клон Бургас', "sea"),
    ('ДСО "Океански риболов" - гр. Бургас', "fish"), ('"Рибно стопанство" - гр. Варна', "fish"),
)  # fmt: skip
RENAMED_1991 = (('ДСО "Воден транспорт" - Параходство БМФ - Варна', 'Параходство "Български морски флот" - гр. Варна'),
                ('ДСО "Воден транспорт" - БРП - гр. Русе', '"Българско речно плаване" ЕАД - гр. Русе'),
                ('Параходство "Българско речно плаване"', '"Българско речно плаване" ЕАД'),
                ('ДСО "Океански риболов"', '"Океански риболов" ЕАД'), ('"Булфрахт"', '"Булфрахт" ЕООД'))  # fmt: skip
SHIPS = {
    "sea": ('м/к "Родина"', 'м/к "Странджа"', 'м/к "Петър Берон"', 'т/к "Бургас"', 'м/к "Хан Аспарух"', 'м/к "Вихрен"',
            'м/к "Шипка"', 'ф/к "Героите на Одеса"', 'м/к "Балкан"', 'м/к "Янтра"'),
    "river": ('тласкач "Видин"', 'м/к "Русе"', 'м/к "Дунав"', 'тласкач "Козлодуй"', 'м/к "Тутракан"', 'т/к "Никопол"'),
    "fish": ('БМРТ "Орион"', 'РТМ "Атлантик"', 'БМРТ "Бургас"', 'РТМ "Созопол"', 'СРТ "Калиакра"'),
}  # fmt: skip
# the ranks in the crew list's order and each rank's share of the captain's salary and his daily currency rate
RANKS = {
    "sea": (("капитан", 100), ("ст. помощник капитан", 82), ("II помощник капитан", 70), ("III помощник капитан", 62),
            ("гл. механик", 90), ("II механик", 72), ("III механик", 63), ("електромеханик", 62),
            ("радиоофицер", 60), ("боцман", 52), ("моторист I кл.", 48), ("моторист II кл.", 45),
            ("матрос I кл.", 44), ("матрос II кл.", 41), ("готвач", 43), ("стюард", 38), ("чистач", 34)),
    "river": (("капитан", 100), ("пом.-капитан", 80), ("механик", 85), ("пом.-механик", 70), ("рулеви", 58),
              ("моторист", 52), ("матрос", 46), ("готвач", 44)),
    "fish": (("капитан", 100), ("ст. помощник", 80), ("тралмайстор", 70), ("гл. механик", 88), ("механик", 70),
             ("рибар", 50), ("рибообработвач", 46), ("моторист", 50), ("матрос", 44), ("готвач", 44)),
}  # fmt: skip
FILLERS = {"sea": ("матрос I кл.", "матрос II кл.", "моторист II кл."), "river": ("матрос", "моторист"),
           "fish": ("рибар", "рибообработвач", "матрос")}  # fmt: skip
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ НА ЕКИПАЖА", "Разплащателна ведомост на екипажа № {n}",
          "ВЕДОМОСТ за възнагражденията на плаващия състав", "ЕКИПАЖНА ВЕДОМОСТ ЗА ЗАПЛАТИ № {n}")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {word} {y} г.", "за {mm}.{y} г.", "МЕСЕЦ {WORD} {y} Г.",
           "рейс № {v}, месец {word} {y} г.")  # fmt: skip
PORTS = {"sea": ("пристанище на приписка Варна", "пристанище на приписка Бургас", ""),
         "river": ("пристанище на приписка Русе", "пристанище Лом", ""),
         "fish": ("пристанище на приписка Бургас", "")}  # fmt: skip
TOTALS = ("Всичко:", "ВСИЧКО ПО ВЕДОМОСТТА", "Общо за екипажа:")
SIGNERS = (("Капитан:", "Гл. счетоводител:", "Съставил:"), ("Капитан на кораба:", "Счетоводител:", "Касиер:"),
           ("Капитан:", "Ст. помощник:", "Изплатил:"))  # fmt: skip
CURRENCIES = ("USD", "DM")


@dataclass
class AHHabits:
    """One AH file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    pitch: int  # 10, 12 or 15 characters to the inch (a smaller one where the table fits no other way)
    row_pitch: float  # 1, 1.5 or 2 lines from a person's line to the next one's
    rules: str  # "typed" or "pen"
    across: str  # the typed rules' character across: "-" or "_"
    vchar: str  # the typed columns' character: "|" or "!"
    thousands: str  # from 1991
    decimal: str
    zero: str  # a deduction of nought: "-", "" or "0,00"
    currency: str  # "USD" or "DM"
    supplement: int  # the sea-service supplement's per cent of the base for the days at sea
    portrait: bool
    pen: str  # the signatures' ink: "blue" or "black"
    tears: int  # 1 or 2 tears (two or three pieces)
    across_tear: bool  # torn across (through a gap between rows); else down (between columns)
    lost: float  # the lost strip's widest (pixels at 300 dpi)
    tape: str  # "across" (short strips over the tear) or "along" (one long strip over it)
    yellow: float  # how far the tape has yellowed (0..1: its darkening of the paper under it)
    glare: float  # the tape's sheen under the scanner's lamp (0: none; up to 0.5 of the way to white, 0.25 bitonal)
    shift: float  # how far the pieces moved against each other (pixels at 300 dpi)
    turn: float  # how far they turned (degrees)
    bitonal: bool  # a 1-bit scan; else 16 levels of grey
    dither: str  # the bitonal scan's: "ordered" or "diffusion"
    dpi: int  # 200 or 300 (300 for every bitonal scan)
    kind: str = "sea"
    rates: dict[str, Decimal] = field(default_factory=dict)  # each person's daily currency rate by ЕГН
    ranks: dict[str, str] = field(default_factory=dict)  # each person's rank by ЕГН

    @property
    def ruling(self) -> str:
        return "none"  # the typist's own (render)


def draw(rng: random.Random) -> AHHabits:
    thousands, decimal = rng.choice(AH_MONEY)
    bitonal = rng.random() < 0.45
    return AHHabits(
        layout=rng.choice(AH_LAYOUTS), face=rng.choice(AH_FACES["typewriter"]), pitch=rng.choice((10, 12, 12, 15)),
        row_pitch=rng.choice((1.0, 1.5, 1.5, 2.0)), rules=rng.choice(("typed", "pen")), across=rng.choice(("-", "_")),
        vchar=rng.choice(("|", "!")), thousands=thousands, decimal=decimal, zero=rng.choice(("-", "", "0,00")),
        currency=rng.choice(CURRENCIES), supplement=rng.choice((20, 30, 40, 50, 60)), portrait=rng.random() < 0.3,
        pen=rng.choice(("blue", "black")), tears=rng.choice((1, 1, 2)), across_tear=rng.random() < 0.7,
        lost=rng.uniform(4, 16), tape=rng.choice(("across", "across", "along")), yellow=rng.uniform(0.07, 0.2),
        glare=rng.choice((0.0, 0.25, 0.4, 0.5)) if not bitonal else rng.choice((0.0, 0.15, 0.25)), shift=rng.uniform(1.5, 6.0), turn=rng.uniform(0.05, 0.35),
        bitonal=bitonal, dither=rng.choice(("ordered", "diffusion")), dpi=300 if bitonal else rng.choice((200, 300)),
    )  # fmt: skip


def renamed(name: str, year: int) -> str:
    """The company's name as typed in ``year`` (its new form from 1991)."""
    if year >= 1991:
        for old, new in RENAMED_1991:
            name = name.replace(old, new)
    return name


def adapt_file(ef: EmployerFile, ah: AHHabits, rng: random.Random) -> None:
    """An AH file: a shipping company and one ship's crew in the order of their ranks (the salary by rank), each
    rank's daily currency rate, the layout and headings."""
    name, kind = rng.choice(EMPLOYERS)
    ah.kind = kind
    ef.employer = renamed(name, ef.start[0])
    ef.layout = ah.layout
    ef.headings = {c: rng.choice(HEADINGS_AH[c]).format(cur=ah.currency) for c in ef.layout}
    ranks = RANKS[kind]
    del ef.staff[22:]  # one ship's crew on one sheet
    top = max(p.salary for p in ef.staff) * Decimal(rng.choice((110, 125, 140))) / 100
    n_top = min(len(ranks), max(3, len(ef.staff) - rng.randint(2, 6)))
    crew = [ranks[k] for k in range(n_top)]
    shares = dict(ranks)
    crew += [(f, shares[f]) for f in (rng.choice(FILLERS[kind]) for _ in range(len(ef.staff) - n_top))]
    order = [r for r, _ in ranks]
    crew.sort(key=lambda r: order.index(r[0]))  # the crew list in the order of the ranks
    usd = rng.choice((Decimal("0.8"), Decimal("1.0"), Decimal("1.2")))
    for p, (rank, share) in zip(ef.staff, crew, strict=True):
        p.position = rank
        p.salary = (top * share / 100).quantize(Decimal(1))
        ah.ranks[p.egn] = rank
        ah.rates[p.egn] = (Decimal(6 + 18 * share / 100) * usd).quantize(Decimal("0.01"))



def adapt_sheet(sheet: SheetContent, ah: AHHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AH month: each seafarer's days at sea and in port, the base for the days on the roll, the sea-service
    supplement, gross, the itemised deductions, net; the currency allowance for the days at sea; the totals (the leva
    columns and the currency); the words."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    parts = [c for c in PARTS if c in cols]
    at_sea = rng.uniform(0.3, 0.95)  # the month's share at sea (the ship's voyage)
    step = Decimal(10) if sheet.year < 1991 else Decimal(100)
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = person.salary if person is not None else Decimal(300)
        days = int(str(old.get("days_paid", wd)))
        sea = min(days, max(0, round(days * at_sea) + rng.choice((-1, 0, 0, 1))))
        base = cents(salary * scale * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        extra = cents(base * Decimal(ah.supplement) / 100 * Decimal(sea) / Decimal(days)) if days else Decimal(0)
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(60, 110)) / 1000), "union_fee": cents(gross / 100),
               "advance": Decimal(0)}  # fmt: skip
        if rng.random() < 0.6 and gross > 0:
            adv = (gross * Decimal(rng.choice((20, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
            cut["advance"] = min(adv, cents(gross / 2))
        ded = sum((cut[c] for c in parts), Decimal(0)) if parts else cut["tax"] + cut["union_fee"] + cut["advance"]
        r: dict[str, object] = {"egn": egn, "name": str(old["name"]), "days_paid": days}
        r["position"] = ah.ranks.get(egn, "матрос") if "position" in cols else None
        r["days_worked"] = days if "days_worked" in cols else None
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None
        r.update({c: cut[c] for c in parts})
        r["sea_days"], r["port_days"] = sea, days - sea
        r["currency"] = cents(ah.rates.get(egn, Decimal(10)) * sea)
        rows.append(r)
    for i, r in enumerate(rows, start=1):
        r["row"] = i
    sheet.rows = rows
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *PARTS, "currency")
                    if f in cols}  # fmt: skip
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 40))
    sheet.period_text = rng.choice(PERIODS).format(word=word, WORD=word.upper(), mm=f"{m:02d}", y=y,
                                                   v=rng.randint(1, 30))  # fmt: skip
    sheet.employer = renamed(sheet.employer, y)
    sheet.decimal_comma = ah.decimal == ","
    sheet.thousands_space = bool(ah.thousands) and y >= 1991
    sheet.thousands_sep = ah.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.egn_printed_only = True  # three layouts print no ЕГН: none in their truth (samples/generate.truth_of)
    ship = rng.choice(SHIPS[ah.kind])
    port = rng.choice(PORTS[ah.kind])
    sheet.extra["ah_job"] = {"ship": ship, "port": port, "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS)}


def amount(v: Decimal, ah: AHHabits, year: int, *, part: bool = False) -> str:
    """An amount as typed (``part``: an itemised deduction, its nought as the file types it; any other nought "-")."""
    if v == 0 and (ah.zero != "0,00" or not part):
        return "" if part and ah.zero == "" else "-"
    leva, st = f"{abs(v):.2f}".split(".")
    if ah.thousands and year >= 1991 and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", ah.thousands)
    return f"{'-' if v < 0 else ''}{leva}{ah.decimal}{st}"


def style(ah: AHHabits, rng: random.Random, base: Style) -> None:
    """An AH page's style: the typeball's face (the rest is drawn by family_ah.render)."""
    base.font = FONT_DIR / ah.face
    base.typewriter = True
    base.size = AH_SIZES["typewriter"][0]
    base.landscape = not ah.portrait
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the sheet, typed ---

PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480)}  # pixels at 300 dpi
LINE = 50.0  # six lines to the inch at 300 dpi


class _Faced(Protocol):
    face: str  # the font's path under FONT_DIR (family AJ's typewriter too)


class _Typeball:
    """The electric typewriter: a fixed pitch, every letter struck with the same force (a carbon-film ribbon), the
    ball's strikes a little off their places."""

    def __init__(self, ah: _Faced, rng: random.Random, W: int, H: int, pitch: int, x0: float, top: float) -> None:
        self.rng = rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.top = pitch, x0, top
        self.path = str(FONT_DIR / ah.face)
        self.boxes: list[tuple[int, int, int, int]] = []  # every string typed

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def y(self, line: float) -> float:
        """The baseline of ``line``."""
        return self.top + line * LINE

    def text(self, col: float, line: float, s: str, *, keep: bool = True) -> None:
        if s.strip() and keep:
            self.boxes.append((int(self.x(col)) - 4, int(self.y(line) - 0.8 * LINE), int(self.x(col + len(s))) + 4,
                               int(self.y(line) + 0.3 * LINE)))  # fmt: skip
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, base = typewriter_glyph(self.path, ch, self.pitch)
            x = int(round(self.x(col + k) - 4 + self.rng.gauss(0, 0.4)))
            y = int(round(self.y(line) - base + self.rng.gauss(0, 0.4)))
            h, w = g.shape
            H, W = self.ink.shape
            xa, ya, xb, yb = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
            if xb > xa and yb > ya:
                np.maximum(self.ink[ya:yb, xa:xb], g[ya - y : yb - y, xa - x : xb - x], out=self.ink[ya:yb, xa:xb])


def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "name": 16, "position": 8, "signature": 8, "sea_days": 3, "port_days": 3}.get(c, 4)


def render(sheet: SheetContent, st: Style, ah: AHHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The typed sheet at 300 dpi: the company, the ship's line (the port on some), "Лист №", the title and period,
    the headings, a seafarer a line, the totals, the signers; the rules typed or ruled by pen. The pen's layer
    (signatures) goes to ``sheet.extra["ah_pen"]``, the typed strings' boxes to ``sheet.extra["ah_keep"]``."""
    del st
    cols = sheet.layout
    job = sheet.extra["ah_job"]
    assert isinstance(job, dict)
    year = sheet.year

    def cell(c: str, r: dict[str, object]) -> str:
        v = r.get(c)
        if c == "signature":
            return ""
        if c in ("row", "egn", "name", "position", "days_worked", *DAYS):
            return "" if v is None else str(v)
        return amount(amount_or_nought(v), ah, year, part=c in PARTS)

    texts = [{c: cell(c, r) for c in cols} for r in sheet.rows]
    sums = {c: amount(sheet.totals[c], ah, year) for c in cols if c in sheet.totals}
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    widths = []
    for j, c in enumerate(cols):
        w = max([len(s) for s in heads[j]] + [len(t[c]) for t in texts] + [len(sums.get(c, "")), _least(c)])
        if c == "name":
            w = max(w, len(str(job["total"])))
        widths.append(w)
    n_head = max(len(h) for h in heads)
    paper, pitch, W, H, starts, right, row_pitch = "", 0, 0, 0, [0], 0, ah.row_pitch
    side, top_px = 0.0, 0.0
    tries = [(p, gap, c, rp) for p in (("A4P", "A4L") if ah.portrait else ("A4L",)) for gap in (2, 1)
             for c in (ah.pitch, 12, 15) if c >= ah.pitch for rp in (ah.row_pitch, 1.0)]  # fmt: skip
    for p, gap, cpi, rp in tries:  # the table on the sheet the typist chose or, if need be, turned, a smaller pitch,
        W, H = PAPERS[p]  # one space between the columns, single spacing
        starts, pos = [], 2
        for w in widths:
            starts.append(pos)
            pos += w + gap
        right = pos - gap + 2
        px = 300 // cpi
        side = rng.uniform(140, 200)
        top_px = rng.uniform(180, 240)
        need = 13 + bool(job["port"]) + n_head + len(texts) * rp
        if right * px <= W - 2 * side and top_px + need * LINE < H - 150:
            paper, pitch, row_pitch = p, px, rp
            break
    assert paper, f"the table overran the paper: {right} {list(zip(cols, widths, strict=True))}"
    x0 = side + max(0.0, (W - 2 * side - right * pitch) / 2) + rng.uniform(-15, 15)
    ball = _Typeball(ah, rng, W, H, pitch, x0, top_px)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    ruler_img = Image.new("L", (W, H), 0)
    ruler = ImageDraw.Draw(ruler_img)
    geo = Geometry(W, H)

    def line_box(col0: float, col1: float, n0: float, n1: float) -> list[int]:
        return [int(ball.x(col0)), int(ball.y(n0) - 0.8 * LINE), int(ball.x(col1)), int(ball.y(n1) + 0.3 * LINE)]

    y = 0.0
    ball.text(0, y, sheet.employer)
    label = f"Лист № {sheet.sheet}"
    ball.text(right - len(label), y, label)
    y += 1
    ball.text(0, y, str(job["ship"]))
    y += 1
    if job["port"]:
        ball.text(0, y, str(job["port"]))
        y += 1
    y += 1
    ball.text(max(0, (right - len(sheet.title)) // 2), y, sheet.title)
    y += 1
    ball.text(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text)
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
    for j, _ in enumerate(cols):
        for k, s in enumerate(heads[j]):
            ball.text(starts[j] + (widths[j] - len(s.strip())) // 2, y + k, s.strip())
        geo.cells.append((0, j, line_box(starts[j], starts[j] + widths[j], head_top, head_top + n_head - 1),
                          " ".join(heads[j])))  # fmt: skip
    y += n_head
    rule()
    xl, xr = int(ball.x(seps[0])), int(ball.x(seps[-1] + 1))
    lead = (row_pitch - 1) / 2
    left_cols = ("name", "position")
    name_j = cols.index("name")
    sig_j = cols.index("signature") if "signature" in cols else -1
    for i, t in enumerate(texts):
        y += lead
        for j, c in enumerate(cols):
            if t[c]:
                col = starts[j] + (0 if c in left_cols else widths[j] - len(t[c]))
                ball.text(col, y, t[c])
                geo.cells.append((i + 1, j, line_box(starts[j], starts[j] + widths[j], y, y), t[c]))
        if sig_j >= 0 and rng.random() < 0.93:
            signature(pen, ball.x(starts[sig_j]), ball.y(y) - 0.3 * LINE, widths[sig_j] * pitch, rng)
        y0b, y1b = int(ball.y(y) - 0.85 * LINE), int(ball.y(y) + 0.35 * LINE)
        geo.row_bboxes.append([xl, y0b, xr, y1b])
        geo.row_polygons.append(rect_polygon(xl + 2, y0b + 2, xr - 2, y1b - 2))
        y += 1 + lead
    y += 0.3
    rule()
    ball.text(starts[name_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    for j, c in enumerate(cols):
        if sums.get(c):
            ball.text(starts[j] + widths[j] - len(sums[c]), y, sums[c])
            geo.cells.append((n_tot, j, line_box(starts[j], starts[j] + widths[j], y, y), sums[c]))
    y += 1
    rule()
    table_bottom = y - 1
    if ah.rules == "typed":
        for n in rules:
            ball.text(seps[0], n - (0.35 if ah.across == "_" else 0), ah.across * (seps[-1] - seps[0] + 1), keep=False)
        at = table_top + 0.5
        while at < table_bottom - 0.2:
            if all(abs(at - n) > 0.3 for n in rules):
                for sp in seps:
                    ball.text(sp, at, ah.vchar, keep=False)
            at += 0.5
    else:
        for n in rules:
            yy = ball.y(n) - 0.4 * LINE
            ruler.line((xl, yy, xr, yy), fill=215, width=3)
        ya, yb = ball.y(table_top) - 0.4 * LINE, ball.y(table_bottom) - 0.4 * LINE
        for sp in seps:
            xx = ball.x(sp + 0.5)
            ruler.line((xx, ya, xx, yb), fill=215, width=3)
    y += 1.5
    signers = job["signers"]
    assert isinstance(signers, tuple)
    third = right // 3
    for k, s in enumerate(signers):
        ball.text(k * third, y, f"{s} ............")
        if rng.random() < 0.85:
            signature(pen, ball.x(k * third + len(s) + 1), ball.y(y) - 0.4 * LINE, 11 * pitch, rng)
    geo.table_bbox = [xl, int(ball.y(table_top) - 0.8 * LINE), xr, int(ball.y(table_bottom))]
    assert ball.y(y) < H - 100, "the page's lines overran its paper"
    ink = np.maximum(ball.ink, np.asarray(ruler_img, np.float32) / 255.0)
    sheet.extra["ah_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ah_keep"] = ball.boxes
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.uint8), "L")
    return img, geo


# --- the tear, the tape and the flatbed ---


@dataclass
class AHPage:
    ah: AHHabits
    seed: int
    pen: np.ndarray  # the pen's layer (uint8, 255 white)
    keep: tuple[tuple[int, int, int, int], ...]  # every typed string's box
    tears: tuple[np.ndarray, ...]  # each tear's line: y per x (torn across) or x per y (torn down), top or left first
    lost: tuple[np.ndarray, ...]  # the strip lost along each tear, below or right of its line (pixels, per pixel)
    moves: tuple[np.ndarray, ...]  # each piece's 2x3 move against the first (the first the identity)
    tapes: tuple[tuple[float, float, float, float, float, float], ...]  # (x, y, length, width, turn in degrees,
    # glare: the share of the way to white its sheen takes the typing under it)
    angle: float  # the sheet turned on the glass (degrees)
    across: bool = True  # torn across (else down: where the file tears down but this page has no gap the whole height)


def _text_mask(img: Image.Image, keep: tuple[tuple[int, int, int, int], ...]) -> np.ndarray:
    """Where a typed string's ink is (True): the dark pixels inside the typed strings' boxes."""
    a = np.asarray(img, np.uint8) < 200
    inside = np.zeros(a.shape, bool)
    for x0, y0, x1, y1 in keep:
        inside[max(0, y0) : y1, max(0, x0) : x1] = True
    return a & inside


def _runs(blank: np.ndarray, lo: int, hi: int, least: int) -> list[tuple[int, int]]:
    """The runs of True in ``blank[lo:hi]`` at least ``least`` long, as (first, last + 1)."""
    out, start = [], None
    for k in range(lo, hi):
        if blank[k] and start is None:
            start = k
        elif not blank[k] and start is not None:
            if k - start >= least:
                out.append((start, k))
            start = None
    if start is not None and hi - start >= least:
        out.append((start, hi))
    return out


def _tear_line(n: int, run: tuple[int, int], rng: random.Random) -> np.ndarray:
    """A tear's ragged line along ``n`` pixels, kept inside the blank ``run`` (a slow wander and the fibres' jags)."""
    lo, hi = run[0] + 1.0, run[1] - 2.0
    mid, amp = (lo + hi) / 2, max(0.0, (hi - lo) / 2)
    knots = np.array([[rng.uniform(-1, 1) for _ in range(rng.randint(5, 11))]], np.float32)
    slow = cv2.resize(knots, (n, 1), interpolation=cv2.INTER_CUBIC)[0] * amp * 0.8
    jag = np.cumsum(np.random.default_rng(rng.randrange(1 << 30)).normal(0, 0.7, n)).astype(np.float32)
    jag -= np.asarray(cv2.blur(jag[None, :], (61, 1)), np.float32)[0]
    return np.clip(mid + slow + jag, lo, hi).astype(np.float32)


def _move_box(box: list[int], mv: np.ndarray) -> list[int]:
    pts = np.array([[box[0], box[1], 1.0], [box[2], box[1], 1.0], [box[0], box[3], 1.0], [box[2], box[3], 1.0]])
    q = pts @ mv.T
    return [int(round(q[:, 0].min())), int(round(q[:, 1].min())), int(round(q[:, 0].max())), int(round(q[:, 1].max()))]


def piece_of(page: AHPage, x: float, y: float) -> int:
    """The piece of the torn sheet that the drawn page's point lies on (0 the top or left one)."""
    k = 0
    for t in page.tears:
        if page.across:
            k += y > t[int(np.clip(x, 0, len(t) - 1))]
        else:
            k += x > t[int(np.clip(y, 0, len(t) - 1))]
    return k


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ah: AHHabits, rng: random.Random) -> AHPage:
    """The page's tear, mending and scan decided on its drawn geometry: each tear through a band no typed string
    crosses (a gap between two rows, or down a gap between two columns the whole sheet's height; across where the
    sheet has no such gap), the strip lost along it no wider than that band, each piece's move, the tape; the truth's
    boxes moved with their piece (``geo`` in place)."""
    W, H = img.size
    typed = sheet.extra["ah_keep"]
    assert isinstance(typed, list)
    keep = tuple((int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in typed)
    text = _text_mask(img, keep)
    x_lo, x_hi = min(b[0] for b in keep), max(b[2] for b in keep)
    across = ah.across_tear
    runs: list[tuple[int, int]] = []
    if not across:  # down a gap between two columns, blank the whole height
        blank = np.asarray(~text.any(axis=0), bool)
        t0, t1 = geo.table_bbox[0], geo.table_bbox[2]
        runs = _runs(blank, t0 + 200, t1 - 200, 8)
        across = not runs
    if across:  # through a gap between two rows of the table
        blank = np.asarray(~text.any(axis=1), bool)
        ty0, ty1 = geo.row_bboxes[0][1], geo.row_bboxes[-1][3]
        runs = _runs(blank, ty0, ty1, 5) or _runs(blank, 300, H - 300, 5)
    picks = [rng.choice(runs)]
    far = [r for r in runs if r[0] - picks[0][1] >= 300 or picks[0][0] - r[1] >= 300]
    if ah.tears == 2 and far:  # a second tear a hand's breadth or more from the first
        picks = sorted([*picks, rng.choice(far)])
    n = W if across else H
    tears, lost = [], []
    for run in picks:
        line = _tear_line(n, run, rng)
        room = run[1] - 2.0 - line  # the band's room below (right of) the line
        prof = cv2.resize(np.array([[rng.uniform(0.2, 1.0) for _ in range(6)]], np.float32), (n, 1),
                          interpolation=cv2.INTER_CUBIC)[0] * ah.lost  # fmt: skip
        if across:  # beyond the typing (the margins) the strip may be as wide as it tore
            free = (np.arange(n) < x_lo - 10) | (np.arange(n) > x_hi + 10)
            room = np.where(free, ah.lost, room)
        tears.append(line)
        lost.append(np.clip(np.minimum(prof, room), 0.0, None).astype(np.float32))
    moves = [np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])]
    for k, line in enumerate(tears):  # each piece moved against the one before it, away from the tear
        turn = rng.uniform(-ah.turn, ah.turn)
        along = rng.uniform(-ah.shift, ah.shift)
        away = rng.uniform(0.3, 1.0) * ah.shift + abs(np.radians(turn)) * n / 2
        centre = (n / 2, float(line[n // 2])) if across else (float(line[n // 2]), n / 2)
        mv = cv2.getRotationMatrix2D(centre, turn, 1.0)
        mv[0, 2] += along if across else away + lost[k].max() * 0.3
        mv[1, 2] += away + lost[k].max() * 0.3 if across else along
        prev = np.vstack([moves[-1], [0, 0, 1]])
        moves.append((prev @ np.vstack([mv, [0, 0, 1]]))[:2])
    page = AHPage(ah, rng.randrange(1 << 30), np.zeros((1, 1), np.uint8), keep, tuple(tears), tuple(lost),
                  tuple(moves), (), rng.uniform(-0.6, 0.6), across)  # fmt: skip
    # the truth's boxes with their piece
    def moved(box: list[int]) -> list[int]:
        return _move_box(box, moves[piece_of(page, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2)])

    geo.row_bboxes = [moved(b) for b in geo.row_bboxes]
    geo.row_polygons = [rect_polygon(b[0] + 2, b[1] + 2, b[2] - 2, b[3] - 2) for b in geo.row_bboxes]
    geo.cells = [(r, j, moved(list(b)), t) for r, j, b, t in geo.cells]
    corners = [_move_box(list(geo.table_bbox), mv) for mv in moves]
    geo.table_bbox = [min(c[0] for c in corners), min(c[1] for c in corners), max(c[2] for c in corners),
                      max(c[3] for c in corners)]  # fmt: skip
    # the tape over the tear: short strips across it or one long strip along it
    tapes = []
    width = rng.uniform(170, 225)  # 15-19 mm
    for line in tears:
        if ah.tape == "along":
            c = n / 2 + rng.uniform(-0.05, 0.05) * n
            y = float(line[int(c)])
            length = n * rng.uniform(0.7, 0.95)
            turn = rng.uniform(-1.5, 1.5)
            x_, y_ = (c, y) if across else (y, c)
            tapes.append((x_, y_, length, width, turn if across else 90 + turn, ah.glare * rng.uniform(0.6, 1.0)))
        else:
            for _ in range(rng.randint(2, 4)):
                c = rng.uniform(0.08, 0.92) * n
                y = float(line[int(c)])
                length = rng.uniform(650, 1300)
                turn = rng.uniform(-8, 8)
                x_, y_ = (c, y) if across else (y, c)
                tapes.append((x_, y_, length, width, 90 + turn if across else turn,
                              ah.glare * rng.uniform(0.5, 1.0) if rng.random() < 0.6 else 0.0))  # fmt: skip
    pen = sheet.extra["ah_pen"]
    assert isinstance(pen, np.ndarray)
    page.pen, page.tapes = pen, tuple(tapes)
    return page


def flat(a: np.ndarray, page: AHPage) -> np.ndarray:
    """The mended sheet without its tape and the scan (``--pristine``): the typing and the pen on white paper, grey,
    the pieces where the truth's boxes say."""
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0 * 0.8)
    return _mend(np.asarray(250.0 - 230.0 * ink, np.float32), page)


def _mend(sheet: np.ndarray, page: AHPage) -> np.ndarray:
    """The torn sheet's pieces laid together on the lid's white: each with its lost strip cut away and its torn edges'
    white fibres, moved against the first."""
    H, W = sheet.shape
    ys = np.arange(H, dtype=np.float32)[:, None]
    xs = np.arange(W, dtype=np.float32)[None, :]
    pos = ys if page.across else xs
    label = np.zeros((H, W), np.uint8)
    cut = np.zeros((H, W), bool)
    fibre = np.zeros((H, W), bool)
    for line, strip in zip(page.tears, page.lost, strict=True):
        edge = line[None, :] if page.across else line[:, None]
        width = strip[None, :] if page.across else strip[:, None]
        label += (pos > edge).astype(np.uint8)
        cut |= (pos > edge) & (pos <= edge + width)
        fibre |= (pos > edge + width) & (pos <= edge + width + 2.5)
        fibre |= (pos <= edge) & (pos > edge - 1.5)
    sheet = np.where(fibre, np.maximum(sheet, 250.0), sheet)
    out = np.full((H, W), LID, np.float32)
    for k, mv in enumerate(page.moves):
        mask = ((label == k) & ~cut).astype(np.float32)
        if k == 0:
            out = out * (1.0 - mask) + sheet * mask
            continue
        wm = cv2.warpAffine(mask, mv, (W, H), flags=cv2.INTER_LINEAR, borderValue=0.0)
        ws = cv2.warpAffine(sheet, mv, (W, H), flags=cv2.INTER_LINEAR, borderValue=LID)
        out = out * (1.0 - wm) + ws * wm
    return out


def _tape_mask(W: int, H: int, tape: tuple[float, ...], rng: random.Random) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One tape strip's cover (0..1), its long edges' lines and its glare (a soft band along part of it)."""
    x, y, length, width, turn, glare = tape
    t = np.radians(turn)
    u, v = np.array([np.cos(t), np.sin(t)]), np.array([-np.sin(t), np.cos(t)])
    c = np.array([x, y])
    teeth = 14
    end_a = [c - u * length / 2 + v * width * (k / teeth - 0.5) + u * (6 if k % 2 else 0) for k in range(teeth + 1)]
    end_b = [c + u * length / 2 + v * width * (0.5 - k / teeth) - u * (6 if k % 2 else 0) for k in range(teeth + 1)]
    poly = np.array(end_a + end_b, np.float32).round().astype(np.int32)
    cover = np.zeros((H, W), np.uint8)
    cv2.fillPoly(cover, [poly], 1)
    edges = np.zeros((H, W), np.uint8)
    for s in (-0.5, 0.5):
        p0, p1 = c - u * length / 2 + v * width * s, c + u * length / 2 + v * width * s
        cv2.line(edges, tuple(int(q) for q in p0.round()), tuple(int(q) for q in p1.round()), 1, 3)
    edges = np.minimum(edges, cv2.dilate(cover, np.ones((5, 5), np.uint8)))
    sheen = np.zeros((H, W), np.float32)
    if glare:
        g0 = rng.uniform(-0.4, 0.2) * length
        g1 = g0 + rng.uniform(0.2, 0.5) * length
        off = rng.uniform(-0.2, 0.2) * width
        p0, p1 = (c + u * g0 + v * off) / 8, (c + u * g1 + v * off) / 8  # drawn soft at an eighth, then enlarged
        small = np.zeros((H // 8 + 1, W // 8 + 1), np.float32)
        cv2.line(small, tuple(int(q) for q in p0.round()), tuple(int(q) for q in p1.round()), 1.0, max(1, int(width * 0.35 / 8)))
        small = np.asarray(cv2.GaussianBlur(small, (0, 0), width * 0.15 / 8), np.float32)
        sheen = np.asarray(cv2.resize(small, (W, H), interpolation=cv2.INTER_LINEAR), np.float32) * glare * cover
    return cover.astype(np.float32), edges.astype(np.float32), sheen


BAYER = np.array([[0, 32, 8, 40, 2, 34, 10, 42], [48, 16, 56, 24, 50, 18, 58, 26], [12, 44, 4, 36, 14, 46, 6, 38],
                  [60, 28, 52, 20, 62, 30, 54, 22], [3, 35, 11, 43, 1, 33, 9, 41], [51, 19, 59, 27, 49, 17, 57, 25],
                  [15, 47, 7, 39, 13, 45, 5, 37], [63, 31, 55, 23, 61, 29, 53, 21]], np.float32)  # fmt: skip
LID = 247.0  # the scanner lid's white behind the gaps


def scan(a: np.ndarray, page: AHPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The torn and taped sheet on the flatbed: the typing and the pen on aged paper; each piece with its lost strip
    cut away and its torn edge's white fibres, moved against the first; the lid's white in the gaps; the yellowed tape
    (darker paper under it, its edges' lines, its glare); a little turned on the glass, at the file's dpi; 16 levels
    of grey or a dithered bitonal image. Returns the image, the 2x3 map from the drawn page to it, its dpi and no
    bend."""
    ah = page.ah
    rng = random.Random(page.seed)
    H, W = a.shape
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0 * 0.75)
    paper = smooth_field(H, W, rng, 228.0, 242.0, 6)
    sheet = paper * (1.0 - ink) + 22.0 * ink
    del ink, paper
    out = _mend(sheet, page)
    del sheet
    for tape in page.tapes:  # the yellowed tape over the mended tear
        cover, edges, sheen = _tape_mask(W, H, tape, rng)
        out *= 1.0 - ah.yellow * cover
        out *= 1.0 - 0.3 * edges
        out += sheen * (255.0 - out)
    s = ah.dpi / 300.0
    m = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, s)
    ow, oh = int(W * s), int(H * s)
    m[0, 2] += ow / 2 - W / 2
    m[1, 2] += oh / 2 - H / 2
    img = cv2.warpAffine(out, m, (ow, oh), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR, borderValue=LID)
    del out
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.6), np.float32)
    img += np_rng.normal(0.0, 1.5, img.shape).astype(np.float32)
    if ah.bitonal:  # the scanner's white point and black point, then its halftone
        lo, hi = 55.0, float(np.percentile(img, 60)) - 6.0
        v = np.clip((img - lo) / max(hi - lo, 1.0) * 255.0, 0, 255)
        if ah.dither == "ordered":
            thr = (BAYER + 0.5) / 64.0 * 255.0
            tiled = np.tile(thr, (oh // 8 + 1, ow // 8 + 1))[:oh, :ow]
            bits = np.where(v > tiled, 255, 0).astype(np.uint8)
        else:
            bits = np.asarray(Image.fromarray(v.astype(np.uint8), "L").convert("1"), np.uint8) * 255
        return bits.astype(np.uint8), m, ah.dpi, None
    grey = np.clip(np.round(img / 17.0) * 17.0, 0, 255).astype(np.uint8)  # 16 levels
    return grey, m, ah.dpi, None
