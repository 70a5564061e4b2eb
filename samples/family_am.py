"""Family AM of the sample generator (held out from its making in session 36, 2026-12-07, helper s46-famam, to its one
measurement by the lead at the start of session 37; evaluation seed 2062, development seeds 31001-31040): the monthly payroll
of 1980-1996 of a public employer that closed without a successor (a district hospital, a sanatorium, a research
institute of an association, a drama theatre, a district cinema enterprise, a state printing house, a forestry, a
railway section of БДЖ; Толбухин and Михайловград renamed in their years), typed by its payroll clerk on an office
typewriter (fonts-motoya-l-cedar's Motoya L Cedar cut to a pica or elite pitch, 10 or 12 to the inch, on an A4 sheet
or on a wide carriage's A3 one, 15 to the inch on A4 where the table fits no other way) with a violet aniline ribbon on most files (a black one on the rest), single-spaced, ruled in
ink with a ruler.

What makes AM's fields hard (new):
- the advance paid in two instalments, each in a column of its own ("Аванс I", "Аванс II": itemised deductions, no
  payroll-page/1 field, with ДОД and on some layouts the union's fee; their sum ``deductions``);
- the month's supplementary payroll ("допълнителна ведомост") typed on the same sheet under the regular one: a line
  naming what it pays (the quarter's bonus from the fund for material incentives "ДМС", compensation for unused leave,
  a jubilee award, overtime, a recalculation of an earlier month), then rows for a few of the same people again
  (the same ЕГН and name a second time on the sheet, the post typed again), numbered on after the regular rows, with
  only the additional pay (the base and the days empty: null in the truth; gross = the additional pay), its ДОД and
  net; on some files the regular rows closed by their own subtotal ("Всичко по основната ведомост": no truth) before
  it; the sheet's "Всичко" under both (the truth's totals, the sums over every row of both);
- one layout prints no ЕГН (``egn_printed_only``: the truth's ЕГН null there).

The damage (new): the sheet lay for years on top of a bundle or half out of its folder in a sunny office, so the light
faded the exposed part of it: the violet aniline dye of the ribbon fades to a half or two thirds of its strength
there and turns bluish (a black ribbon fades less, to two thirds or three quarters), the pen's rules and signatures fade too, the
paper there yellowed; the part that the folder or a shorter sheet on top covered kept its colour, so a sharp edge
(straight, about vertical or horizontal, slanted up to 14 degrees, or the two edges of a shorter sheet's corner) crosses the
table through its rows or columns, the same column dark on one side and pale on the other; every typed string stays
readable (the faded ink still far darker than its paper). Scanned on a flatbed a little turned, grey at 300 dpi or
colour at 200, an A3 sheet grey at 200 (under ~5 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import content, data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .family_ah import LINE, _Typeball
from .family_ai import own_drawing
from .family_ai import renamed as ai_renamed
from .family_al import amount, type_cells, type_headings
from .family_al import cell as al_cell
from .handwork import flatbed_mode, on_the_glass, seen_by, signature, smooth_field, typed_page
from .render import Geometry, Style, rect_polygon

PARTS = ("tax", "union_fee", "advance1", "advance2")  # the itemised deductions (their sum ``deductions``)

AM_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
     "advance1", "advance2", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "position", "base_pay", "days_worked", "extra_pay", "gross_pay", "advance1", "advance2",
     "tax", "deductions", "net_pay"),
    ("row", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "advance1", "advance2",
     "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "union_fee", "tax", "advance1",
     "advance2", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AM: dict[str, tuple[str, ...]] = {
    "row": ("Nо\nпо\nред", "Пор.\nNо"),
    "egn": ("ЕГН\n(единен гр.\nномер)", "ЕГН на\nщатния сл."),
    "name": ("Име, презиме и\nфамилия на служителя", "Име, бащино\nи фамилно\n(на служ.)"),
    "position": ("Длъжност\nпо щатното\nразписание", "Длъжност\n(щат)"),
    "days_worked": ("Дни\nна раб.\nместо", "Работ.\nдни в\nмесеца"),
    "base_pay": ("Основно\nвъзнагр.\nза дните", "Заплата по\nщатното\nразп."),
    "extra_pay": ("Други\nначисле-\nния", "Добавки\nи допл."),
    "gross_pay": ("Брутна\nзаплата\nза месеца", "Общо на-\nчислено\nза месеца"),
    "tax": ("Данък\nОД", "Данък\nвърху\nзаплатата"),
    "union_fee": ("Синдик.\nчленски\nвнос", "Вноска\nза КНСБ"),
    "advance1": ("Аванс\nI", "I-ви\nаванс"),
    "advance2": ("Аванс\nII", "II-ри\nаванс"),
    "deductions": ("Сбор на\nудръжките", "Удържано\nобщо за\nмесеца"),
    "net_pay": ("Чиста\nсума за\nплащане", "Остава за\nизплащане\nв брой"),
    "signature": ("Подпис\nполучил", "Разпис\nна получ."),
}

MOTOYA = "motoya-l-cedar/MTLc3m.ttf"
# a font package none of A-AL uses (scripts/setup.sh: fonts-motoya-l-cedar): its Cyrillic cut to the typewriter's pitch
AM_FACES: dict[str, tuple[str, ...]] = {"typewriter": (MOTOYA,)}
AM_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AM_MONEY = (("", "."), ("", ","), (" ", "."), ("'", ","))  # (thousands from 1991, decimal)
PITCHES = {10: 30, 12: 25, 15: 20}  # characters to the inch -> pixels at 300 dpi
PAPERS = {"A4L": (3508, 2480), "A3L": (4961, 3508), "A4P": (2480, 3508)}  # pixels at 300 dpi (A4P: AO's upright sheet)

EMPLOYERS = (
    ("Окръжна болница - гр. Толбухин", ("лекар", "мед. сестра", "акушерка", "санитарка", "лаборант", "готвач")),
    ('Санаториум "Вита" - с. Баня, Карловско', ("лекар", "рехабилитатор", "мед. сестра", "камериерка", "огняр")),
    ("Институт по стъкло и керамика при НПСК - София", ("н. с. I ст.", "н. с. II ст.", "химик", "лаборант",
                                                          "техник", "препаратор")),
    ('Драматичен театър "Димитър Димов" - гр. Михайловград', ("актьор", "режисьор", "сценограф", "осветител",
                                                               "реквизитор", "гардеробиер")),
    ("Окръжно кинопредприятие - Михайловград", ("киномеханик", "касиерка", "разпоредител", "техник", "шофьор")),
    ('Държавна печатница "Балкан" - гр. Габрово', ("печатар", "словослагател", "книговезец", "коректор", "техник")),
    ("Горско стопанство - гр. Батак", ("лесничей", "горски стражар", "техник-лесовъд", "секач", "коняр")),
    ("Железопътна секция - гр. Горна Оряховица", ("стрелочник", "линеен пазач", "ръководител движение",
                                                   "прелезопазач", "монтьор")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"))
# the typewriter's keyboard (and the face) has no en dash, no low quotation mark and no "№": a hyphen, '"' and "Nо"
UNTYPED = "–„№"
TITLES = ("Ведомост за заплати", "Разплащателна ведомост за заплатите", "ВЕДОМОСТ ЗА РАБОТНАТА ЗАПЛАТА")
PERIODS = ("за м. {word} {y} г.", "месец {word} {y}", "за {roman}/{y} г.")
# what the supplementary payroll pays ({q}: the quarter, {prev}: the month before)
SUPPLEMENTS = ("ДМС за {q} тримесечие", "обезщетение за неизползван отпуск", "юбилейна награда",
               "извънреден труд за м. {prev}", "преизчисление за м. {prev}")  # fmt: skip
SUPP_LINES = ("Допълнителна ведомост - {what}", "ДОПЪЛНИТЕЛНО НАЧИСЛЕНИ: {what}", "Доп. ведомост за {what}")
SUBTOTALS = ("Всичко по основната ведомост", "Сума основна вед.:")
TOTALS = ("ВСИЧКО:", "Всичко по ведомостта", "Всичко с допълнителната:")
SIGNERS = (("Изготвил:", "Гл. счетоводител:", "Директор:"), ("ТРЗ:", "Счетоводител:", "Касиер:"))
VIOLET = (150.0, 40.0, 95.0)  # the aniline ribbon's violet (B, G, R)
VIOLET_FADED = (160.0, 85.0, 100.0)  # faded by the light: bluish, paler
BLACK = (40.0, 38.0, 44.0)
PEN_INK = (140.0, 55.0, 30.0)  # the ballpoint's blue
SUN_PAPER = (0.86, 0.94, 0.99)  # the exposed paper yellowed (B, G, R share)


@dataclass
class AMHabits:
    """One AM file's switches, drawn once per file."""

    layout: int  # which of AM_LAYOUTS
    face: str
    cpi: int  # 10 or 12 to the inch (15 where the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    violet: bool  # the aniline ribbon (else a black one: it fades far less)
    subtotal: bool  # the regular rows closed by their own subtotal before the supplementary ones
    grey: bool  # scanned grey at 300 dpi; else colour at 200 (an A3 sheet grey at 200 either way)
    cover: str  # what kept part of the sheet from the light: "folder" (one straight edge) or "sheet" (a corner)
    fade: float  # the exposed ink's remaining strength
    wide: bool  # a wide-carriage typewriter: an A3 sheet where the table fits no A4 at the file's pitch or elite
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_am.render


def draw(rng: random.Random) -> AMHabits:
    thousands, decimal = rng.choice(AM_MONEY)
    violet = rng.random() < 0.75
    return AMHabits(
        layout=rng.randrange(len(AM_LAYOUTS)), face=MOTOYA, cpi=rng.choice((10, 12, 12)), thousands=thousands,
        decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)), violet=violet,
        subtotal=rng.random() < 0.5, grey=rng.random() < 0.6, cover=rng.choice(("folder", "sheet")),
        fade=rng.uniform(0.5, 0.68) if violet else rng.uniform(0.6, 0.75), wide=rng.random() < 0.5,
    )  # fmt: skip


def staffed(ef: EmployerFile, own: Any, rng: random.Random, employers: tuple[tuple[str, tuple[str, ...]], ...],
            renamed: tuple[tuple[int, str, str], ...], layouts: tuple[tuple[str, ...], ...],
            people: tuple[int, int] = (8, 16)) -> None:  # fmt: skip
    """A file of 8-16 people (``people``) of an employer drawn from ``employers`` (its name as in the file's first year),
    each in one of its posts, in the layout ``own.layout`` of ``layouts`` (AM's institutions, AN's works, AQ's
    employers)."""
    own.kind, own.posts = rng.choice(employers)
    ef.employer = ai_renamed(own.kind, ef.start[0], renamed)
    want = rng.randint(*people)
    while len(ef.staff) < want:
        ef.staff.append(content.hire(rng, ef.start[0]))
    del ef.staff[want:]
    for p in ef.staff:
        p.position = rng.choice(own.posts)
    ef.layout = layouts[own.layout]
    ef.headings = {}


def adapt_file(ef: EmployerFile, am: AMHabits, rng: random.Random) -> None:
    """An AM file: an institution's 8-16 people, each in one of its posts."""
    staffed(ef, am, rng, EMPLOYERS, RENAMED, AM_LAYOUTS)


def _cuts(gross: Decimal, adv: tuple[Decimal, Decimal], cols: set[str], rng: random.Random) -> dict[str, Decimal]:
    """The itemised deductions the layout prints: ДОД, the union's fee, the two advances (dropped, the second first,
    where they would come above gross)."""
    cut = {"tax": cents(gross * rng.randint(45, 110) / 1000), "union_fee": cents(gross / 100),
           "advance1": adv[0], "advance2": adv[1]}  # fmt: skip
    cut = {c: (v if c in cols else Decimal(0)) for c, v in cut.items()}
    for dropped in ("advance2", "advance1", "union_fee"):  # the cashier holds back no more than the month's gross
        if sum(cut.values(), Decimal(0)) <= gross:
            break
        cut[dropped] = Decimal(0)
    return cut


def _regular(salary: Decimal, days: int, wd: int, cols: set[str], rng: random.Random) -> dict[str, Any]:
    base = cents(salary * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
    extra = cents(base * rng.choice((0, 0, 3, 5, 8, 10, 12, 15)) / 100)
    gross = base + extra
    adv = (cents(salary * Decimal(rng.choice((20, 25, 30))) / 100 / 5) * 5).quantize(Decimal(1))
    adv2 = (cents(salary * Decimal(rng.choice((15, 20, 25))) / 100 / 5) * 5).quantize(Decimal(1))
    cut = _cuts(gross, (adv if days else Decimal(0), adv2 if days and rng.random() < 0.8 else Decimal(0)), cols, rng)
    ded = sum(cut.values(), Decimal(0))
    return {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded,
            **cut}  # fmt: skip


def _supplementary(salary: Decimal, what: int, rng: random.Random) -> dict[str, Any]:
    """A supplementary row: only the additional pay (a share of the salary), its tax; no base, no days, no advance."""
    share = (rng.uniform(0.3, 0.9), rng.uniform(0.4, 1.2), rng.uniform(0.5, 2.0), rng.uniform(0.1, 0.4),
             rng.uniform(0.03, 0.2))[what]  # fmt: skip
    extra = cents(salary * Decimal(str(round(share, 3))))
    tax = cents(extra * rng.randint(50, 120) / 1000)
    return {"base_pay": None, "extra_pay": extra, "gross_pay": extra, "deductions": tax, "net_pay": extra - tax,
            "tax": tax, "union_fee": Decimal(0), "advance1": Decimal(0), "advance2": Decimal(0)}  # fmt: skip


def adapt_sheet(sheet: SheetContent, am: AMHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AM month: the present people's regular rows, then the supplementary payroll's rows for 2-4 of them (numbered
    on, only the additional pay), the regular rows' subtotal (``am_sub``), the sheet's totals over both; the file's
    number formats and words."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    lay = AM_LAYOUTS[am.layout]
    cols = set(lay)
    rows: list[dict[str, object]] = []
    people = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = int(str(old.get("days_paid", wd)))
        post = person.position if person is not None else rng.choice(am.posts)
        w = _regular(salary, days, wd, cols, rng)
        people.append((egn, str(old["name"]), post, salary))
        rows.append(_with(len(rows) + 1, egn, str(old["name"]), post, days, w, cols, False))
    n_regular = len(rows)
    what = rng.randrange(len(SUPPLEMENTS))
    for egn, name, post, salary in rng.sample(people, min(len(people), rng.randint(2, 4))):
        rows.append(_with(len(rows) + 1, egn, name, post, None, _supplementary(salary, what, rng), cols, True))
    sheet.rows = rows
    sheet.layout = lay
    money = [f for f in MONEY_FIELDS if f in cols]
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in money}
    m, y = sheet.month, sheet.year
    sheet.period_text = PERIODS[am.period].format(word=data.MONTHS[m - 1], roman=data.ROMAN[m - 1], y=y)
    sheet.title = rng.choice(TITLES)
    sheet.employer = ai_renamed(am.kind, y, RENAMED)
    sheet.thousands_space, sheet.thousands_sep = bool(am.thousands) and y >= 1991, am.thousands or " "
    sheet.decimal_comma, sheet.zero_mark = am.decimal == ",", am.zero.replace(",", am.decimal)
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    sheet.egn_printed_only = True  # the third layout prints no ЕГН: none in its truth (samples/generate.truth_of)
    prev = data.MONTHS[(m - 2) % 12]
    sheet.extra["am_job"] = {
        "heads": {c: rng.choice(HEADINGS_AM[c]) for c in lay}, "n_regular": n_regular,
        "sub": {f: sum((amount_or_nought(r[f]) for r in rows[:n_regular]), Decimal(0)) for f in (*money, *PARTS)
                if f in cols},
        "supp": rng.choice(SUPP_LINES).format(what=SUPPLEMENTS[what].format(q=("I", "II", "III", "IV")[(m - 1) // 3],
                                                                           prev=prev)),
        "subtotal": rng.choice(SUBTOTALS), "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS),
        "sheet_word": rng.choice(("Лист Nо {n}", "л. {n}")),
    }  # fmt: skip


def _with(n: int, egn: str, name: str, post: str, days: int | None, w: dict[str, Any], cols: set[str],
          supp: bool) -> dict[str, object]:  # fmt: skip
    """A row of the truth (and its printed items): the layout's fields, null where it prints none."""
    r: dict[str, object] = {"row": n, "egn": egn, "name": name, "position": post if "position" in cols else None,
                            "days_worked": days if "days_worked" in cols else None, "days_paid": days or 0,
                            "supplementary": supp}  # fmt: skip
    r.update({c: w[c] for c in PARTS})
    for f in MONEY_FIELDS:
        r[f] = w[f] if f in cols else None
    return r


def style(am: AMHabits, rng: random.Random, base: Style) -> None:
    """An AM page's style: the typewriter's face, no generic ruling or marks (the rest is drawn by family_am.render)."""
    del rng
    own_drawing(base, am.face, AM_SIZES["typewriter"][0], True)


# --- the sheet typed ---


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    """What a row prints in column ``c`` as AL's typist would (a supplementary row's base and days empty)."""
    if c == "base_pay" and r.get("supplementary"):
        return ""
    return al_cell(c, r, sheet)


def _least(c: str) -> int:
    return {"row": 3, "egn": 10, "name": 18, "position": 10, "signature": 9, "days_worked": 3}.get(c, 6)


def widths_of(sheet: SheetContent) -> list[int]:
    job = sheet.extra["am_job"]
    assert isinstance(job, dict)
    out = []
    for c in sheet.layout:
        cells = [len(cell(c, r, sheet)) for r in sheet.rows]
        every = sum((amount_or_nought(r.get(c)) for r in sheet.rows), Decimal(0)) if c in PARTS else None
        sums = [len(amount(v, sheet)) for k, v in (*job["sub"].items(), *sheet.totals.items(), (c, every)) if k == c
                and v is not None]
        out.append(max([len(s) for s in job["heads"][c].split("\n")] + cells + sums + [_least(c)]))
    return out


def paper_for(widths: list[int], lines: float, cpi: int, wide: bool) -> tuple[str, int]:
    """The paper and the pitch (pixels a character) a table of columns ``widths`` (characters, two apart) and ``lines``
    lines fits at: A4 landscape at the file's ``cpi`` or elite, else on a ``wide`` carriage A3 at them, else 15 cpi on
    A4 (A3 where even that does not fit) (AM's, AN's)."""
    end = sum(widths) + 2 * (len(widths) - 1)
    typed = sorted(c for c in PITCHES if cpi <= c < 15)
    a3 = [("A3L", c) for c in typed] if wide else []
    for paper, c in [*(("A4L", c) for c in typed), *a3, ("A4L", 15), *(("A3L", c) for c in (*typed, 15))]:
        W, H = PAPERS[paper]
        if end * PITCHES[c] <= W - 2 * 150 and lines * LINE <= H - 380:
            return paper, PITCHES[c]
    raise AssertionError(f"the sheet overran the paper: {widths}")


def fit(sheet: SheetContent, am: AMHabits) -> tuple[str, int, list[int]]:
    """The paper and the pitch the table fits at (``paper_for``) and its columns' widths."""
    widths = widths_of(sheet)
    return (*paper_for(widths, 14.0 + 3 + len(sheet.rows) + 4, am.cpi, am.wide), widths)


@dataclass
class Desk:
    """A sheet in the typewriter (AM's, AN's): the typeball, the pen's layer, the geometry, the columns' starts and
    widths (characters), the table's ends, the line typed next and the table's top rule."""

    ball: _Typeball
    pen_img: Image.Image
    pen: ImageDraw.ImageDraw
    geo: Geometry
    starts: list[int]
    ws: list[int]
    end: int
    xl: float
    xr: float
    y: float
    y_top: float
    rng: random.Random
    sep: int = 2  # the blank characters between two columns (AR's narrowest blocks: 1)

    def rule(self, y: float) -> None:
        """A line ruled in ink across the table at ``y`` (pixels)."""
        self.pen.line([(self.xl, y), (self.xr, y + self.rng.uniform(-1.5, 1.5))], fill=self.rng.randint(30, 70), width=3)

    def row_box(self, y: float) -> None:
        """The truth's box of the row typed on the line ``y``."""
        ya, yb = int(self.ball.y(y) - 0.85 * LINE), int(self.ball.y(y) + 0.15 * LINE)
        self.geo.row_bboxes.append([int(self.xl), ya, int(self.xr), yb])
        self.geo.row_polygons.append(rect_polygon(self.xl + 2, ya + 2, self.xr - 2, yb - 2))

    def close(self, y: float) -> None:
        """The table closed under its totals on the line ``y``: a double rule, the columns' rules and its sides."""
        rng, pen = self.rng, self.pen
        y_bot = self.ball.y(y) + 0.35 * LINE
        self.rule(y_bot)
        self.rule(y_bot + 7)
        for s in self.starts[1:]:
            x = self.ball.x(s - self.sep / 2)
            pen.line([(x, self.y_top), (x + rng.uniform(-1.5, 1.5), y_bot)], fill=rng.randint(30, 70), width=2)
        for x in (self.xl, self.xr):
            pen.line([(x, self.y_top), (x, y_bot)], fill=rng.randint(30, 70), width=3)
        self.geo.table_bbox = [int(self.xl), int(self.y_top), int(self.xr), int(y_bot + 8)]

    def lift(self, sheet: SheetContent, key: str, y: float, rng: random.Random) -> Image.Image:
        """The sheet out of the typewriter, its last line ``y``: the typing a little uneven; the pen's layer goes to
        ``sheet.extra[key + "_pen"]``, every typed string's box to ``key + "_keep"``."""
        H, W = self.ball.ink.shape
        assert self.ball.y(y) < H - 60, "the sheet's lines overran its paper"
        sheet.extra[f"{key}_pen"] = np.asarray(self.pen_img, np.uint8)
        sheet.extra[f"{key}_keep"] = list(self.ball.boxes)
        return typed_page(self.ball.ink * smooth_field(H, W, rng, 0.85, 1.0, 5))


def at_desk(sheet: SheetContent, own: Any, rng: random.Random, paper: str, pitch: int, ws: list[int],
            heads: list[list[str]], sheet_word: str, left: float | None = None) -> Desk:  # fmt: skip
    """The sheet put in the typewriter (AM's, AN's, AS's): the employer and the sheet's number (``sheet_word``), the
    title and the period typed, the columns' ``heads`` between two ruled lines, the table centred on the sheet (or from
    ``left`` pixels); the desk ready for the first row."""
    W, H = PAPERS[paper]
    starts = [int(s) for s in np.cumsum([0, *(w + 2 for w in ws[:-1])])]
    end = starts[-1] + ws[-1]
    side = max(120.0, (W - end * pitch) / 2 + rng.uniform(-30, 30)) if left is None else left
    ball = _Typeball(own, rng, W, H, pitch, side, 200 + rng.uniform(-20, 20))
    pen_img = Image.new("L", (W, H), 255)
    ball.text(0, 0, sheet.employer)
    word = sheet_word.format(n=sheet.sheet)
    ball.text(end - len(word), 0, word)
    ball.text(max(0, (end - len(sheet.title)) // 2), 2, sheet.title)
    ball.text(max(0, (end - len(sheet.period_text)) // 2), 3, sheet.period_text)
    y = 5.5
    desk = Desk(ball, pen_img, ImageDraw.Draw(pen_img), Geometry(W, H), starts, ws, end, ball.x(-0.5),
                ball.x(end + 0.5), y, ball.y(y) - 0.95 * LINE, rng)  # fmt: skip
    desk.rule(desk.y_top)
    y += type_headings(ball, desk.geo, heads, starts, ws, y)
    desk.rule(ball.y(y) - 0.95 * LINE + 4)
    desk.y = y + 0.15
    return desk


def render(sheet: SheetContent, st: Style | None, am: AMHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi: the employer and the sheet's number, the title and period, the headings between
    ruled lines, the regular rows, their subtotal on some files, the supplementary payroll's line and rows, the
    "Всичко" under both, the signers; ruled in ink. The pen's layer (rules, signatures) goes to ``sheet.extra["am_pen"]``,
    every typed string's box to ``am_keep``."""
    del st
    job = sheet.extra["am_job"]
    assert isinstance(job, dict)
    paper, pitch, ws = fit(sheet, am)
    lay = sheet.layout
    desk = at_desk(sheet, am, rng, paper, pitch, ws, [job["heads"][c].split("\n") for c in lay], str(job["sheet_word"]))
    ball, pen, geo, starts, end, y = desk.ball, desk.pen, desk.geo, desk.starts, desk.end, desk.y
    rule = desk.rule
    name_j = lay.index("name")
    n_reg = int(str(job["n_regular"]))

    def sums(label: str, vals: dict[str, Decimal], i: int | None) -> None:
        ball.text(starts[name_j], y, label)
        for j, c in enumerate(lay):
            if c in vals:
                s = amount(vals[c], sheet)
                ball.text(starts[j] + ws[j] - len(s), y, s)
                if i is not None:
                    geo.cells.append((i, j, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                             int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y) + 0.3 * LINE)], s))  # fmt: skip

    for n, r in enumerate(sheet.rows, 1):
        if n == n_reg + 1:  # the regular payroll's end: its subtotal on some files, the supplementary payroll's line
            if am.subtotal:
                rule(ball.y(y) - 0.85 * LINE)
                sums(str(job["subtotal"]), dict(job["sub"]), None)
                y += 1
                rule(ball.y(y) - 0.85 * LINE)
            ball.text(starts[name_j], y + 0.2, str(job["supp"]))
            y += 1.4
        type_cells(ball, geo, n, lay, [cell(c, r, sheet) for c in lay], starts, ws, y)
        if "signature" in lay and rng.random() < 0.85:
            j = lay.index("signature")
            signature(pen, ball.x(starts[j]), ball.y(y) - 0.3 * LINE, ws[j] * pitch, rng)
        desk.row_box(y)
        y += 1
    rule(ball.y(y) - 0.85 * LINE)
    parts = {c: sum((amount_or_nought(r[c]) for r in sheet.rows), Decimal(0)) for c in PARTS if c in lay}
    sums(str(job["total"]), dict(sheet.totals), len(sheet.rows) + 1)  # the truth's totals, their cells
    sums("", parts, None)  # and the itemised deductions' sums on the same line
    desk.close(y)
    y += 2.5
    for q, who in enumerate(job["signers"]):
        at = round(q * end / 3)
        ball.text(at, y, str(who))
        signature(pen, ball.x(at + len(who) + 1), ball.y(y) - 0.3 * LINE, 9 * pitch, rng)
    return desk.lift(sheet, "am", y, rng), geo


# --- the light's fading and the scan ---


@dataclass
class AMPage:
    am: AMHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    exposed: np.ndarray  # 1 where the light reached the sheet, 0 where it was covered (a sharp edge between)
    angle: float


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, am: AMHabits, rng: random.Random) -> AMPage:
    """What the light reached: a folder's straight edge across the table (vertical, horizontal or slanted, either side
    exposed) or a shorter sheet's corner over part of it (the rest exposed); the edge always through the table's rows,
    so that part of the table is faded and part is not; the turn on the glass."""
    W, H = img.size
    pen = sheet.extra["am_pen"]
    assert isinstance(pen, np.ndarray)
    x0, y0, x1, y1 = geo.table_bbox
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    if am.cover == "folder":
        tilt = rng.uniform(-0.25, 0.25)
        if rng.random() < 0.5:  # a near-vertical edge through the table's columns
            cx = rng.uniform(x0 + 0.25 * (x1 - x0), x0 + 0.75 * (x1 - x0))
            d = xx - (cx + tilt * (yy - H / 2))
        else:  # a near-horizontal edge through its rows
            cy = rng.uniform(y0 + 0.3 * (y1 - y0), y0 + 0.75 * (y1 - y0))
            d = yy - (cy + tilt * (xx - W / 2))
        side = np.float32(1.0 if rng.random() < 0.5 else -1.0)
        exposed = np.clip(side * d / 3.0 + 0.5, 0, 1)
    else:  # a shorter sheet's corner: it covered the area below and left (or right) of its corner
        cx = rng.uniform(x0 + 0.3 * (x1 - x0), x0 + 0.7 * (x1 - x0))
        cy = rng.uniform(y0 + 0.3 * (y1 - y0), y0 + 0.7 * (y1 - y0))
        t = rng.uniform(-0.04, 0.04)
        dx = (xx - cx - t * (yy - cy)) * (1.0 if rng.random() < 0.5 else -1.0)
        dy = yy - cy + t * (xx - cx)
        covered = np.clip(np.minimum(dx, dy) / 3.0 + 0.5, 0, 1)
        exposed = 1.0 - covered
    return AMPage(am, rng.randrange(1 << 30), pen, np.asarray(exposed, np.float32), rng.uniform(-1.0, 1.0))


def flat(a: np.ndarray, page: AMPage) -> np.ndarray:
    """The typed sheet with its ruling and signatures, unfaded and unscanned (``--pristine``)."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def scan(a: np.ndarray, page: AMPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The sheet on the flatbed: the paper (yellowed where exposed), the ribbon's ink (violet or black; where exposed
    faded to the file's share and, the violet, turned bluish), the ballpoint's rules and signatures (faded there too);
    turned a little, an A4 sheet grey at 300 dpi or colour at 200, an A3 one grey at 200. Returns the image, the 2x3
    map from the drawn page to it, its dpi and no bend."""
    am = page.am
    rng = random.Random(page.seed)
    H, W = a.shape
    grey, dpi = flatbed_mode(W, am.grey)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 230.0, 244.0, 5), (W, H)), np.float32)
    seen = seen_by(grey)
    ink, faded = (VIOLET, VIOLET_FADED) if am.violet else (BLACK, BLACK)
    out = np.empty((H, W, 1 if grey else 3), np.uint8)
    for y0 in range(0, H, 128):
        sl = slice(y0, y0 + 128)
        e = page.exposed[sl][..., None]
        o = paper[sl][..., None] * (seen((0.97, 0.99, 1.0)) * (1 - e) + seen(SUN_PAPER) * e)
        typed = np.clip((255.0 - a[sl]) / 255.0, 0, 1)[..., None]
        penned = np.clip((255.0 - page.pen[sl].astype(np.float32)) / 255.0, 0, 1)[..., None]
        for share, full, pale, k in ((typed, ink, faded, am.fade), (penned, PEN_INK, PEN_INK, 0.55)):
            if share.max() > 0:
                strength = share * (1 - e + e * k)
                colour = seen(full) * (1 - e) + seen(pale) * e
                o = o * (1.0 - strength) + colour * strength
        out[sl] = np.clip(np.round(o), 0, 255).astype(np.uint8)
    del paper
    img, m = on_the_glass(out, grey, dpi, page.angle, np_rng)
    return img, m, dpi, None
