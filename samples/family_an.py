"""Family AN of the sample generator (held out from its making in session 37, 2026-12-07, helper s47-faman, to its one
measurement by the lead at the start of session 38; evaluation seed 2063, development seeds 32001-32040): the monthly payroll of
1980-1996 of a works that closed without a successor (a district motor-transport enterprise ДАП, a construction-and-
assembly combine, a state farm ДЗС, a machine-building works, a textile combine, an ore-mining enterprise, a consumer
co-operative's restaurants; Толбухин, Михайловград and Станке Димитров renamed in their years), typed by its payroll
clerk on an office typewriter with a gothic type (fonts-morisawa-bizud-gothic's BIZ UD Gothic, regular or bold, cut to
10 or 12 to the inch on an A4 sheet or a wide carriage's A3 one, 15 to the inch where the table fits no other way) as
an original and a carbon copy on thin paper; the archive keeps only the copy.

What makes AN's fields hard (new): the employer paid the temporary-incapacity benefits of the state social insurance
(ДОО: sick leave, maternity) with the pay, on the same sheet and in the same rows, though they are no pay of the
employer:
- the days on sick leave ("Дни болн.") in a column of their own beside the days worked (no payroll-page/1 field; the
  truth's days the days worked only, a person off sick for part of the month has fewer of them);
- the benefit's amount ("Обезщет. от ДОО") in a money column of its own (no payroll-page/1 field: never part of gross,
  the deductions or net), standing after net on some layouts, and between the additional pay and gross, or between the
  base and the additional pay, on others;
- the sum to pay out ("Сума за получаване" = net + the benefit: no payroll-page/1 field) as the last money column, to
  the right of net, on every layout: the rightmost amount of a row is not net where the person was off sick;
- a person on sick or maternity leave the whole month: the days worked 0, the base, additional pay, gross, deductions
  and net all nought (typed "-" or "0,00"), only the benefit and the sum to pay out non-zero;
- the totals row sums the benefit, the sum to pay out and the itemised deductions too (no truth); the truth's totals are
  the payroll-page/1 fields' sums;
- the itemised deductions (ДОД, the union's fee, the advance) on some layouts, only their total on one; one layout
  prints no ЕГН (``egn_printed_only``: the truth's ЕГН null there).
No value is corrected on an AN sheet (no correction marks).

The damage (new): the archive's copy is the carbon copy on thin copy paper (the strokes soft and grainy, a black or a
blue carbon), scanned on a flatbed with the file's next sheet (another month's sheet of the same employer, the same
people and layout, other figures) left under it: through the thin paper the sheet beneath shows as a faint, soft,
RIGHT-READING ghost of a second table (not mirrored: it faces the same way), shifted a fraction of a line and a few
characters and turned a little, so its rows and figures fall between and across this sheet's own; every typed string of
the sheet stays far darker than the ghost (the ghost at most a quarter of the carbon's strength). The copy has no
signatures (the people signed the original). Scanned on a flatbed a little turned, grey at 300 dpi or colour at 200, an
A3 sheet grey at 200 (under ~5 MB).
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .family_ah import LINE
from .family_ai import own_drawing
from .family_ai import renamed as ai_renamed
from .family_al import amount, type_cells
from .family_al import cell as al_cell
from .family_am import at_desk, paper_for, staffed
from .handwork import flatbed_mode, on_the_glass, seen_by, smooth_field
from .render import Geometry, Style

PARTS = ("tax", "union_fee", "advance")  # the itemised deductions (their sum ``deductions``)
OWN = ("sick_days", "sick_pay", "to_pay")  # printed columns that are no payroll-page/1 field

AN_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "sick_days", "base_pay", "extra_pay", "gross_pay", "tax",
     "union_fee", "advance", "deductions", "net_pay", "sick_pay", "to_pay", "signature"),
    ("row", "egn", "name", "days_worked", "sick_days", "base_pay", "extra_pay", "sick_pay", "gross_pay", "tax",
     "advance", "deductions", "net_pay", "to_pay"),
    ("row", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
     "sick_days", "sick_pay", "to_pay", "signature"),
    ("row", "name", "egn", "days_worked", "base_pay", "sick_days", "sick_pay", "extra_pay", "gross_pay", "tax",
     "union_fee", "advance", "deductions", "net_pay", "to_pay"),
)  # fmt: skip

HEADINGS_AN: dict[str, tuple[str, ...]] = {
    "row": ("По\nред", "Nо\nпо ред"),
    "egn": ("ЕГН\nна раб.", "Единен\nгражд.\nномер"),
    "name": ("Презиме, име\nи фамилия", "Трите имена на\nработника"),
    "position": ("Профе-\nсия", "Проф./\nдлъжн."),
    "days_worked": ("Дни\nотра-\nботени", "Изр.\nдни"),
    "sick_days": ("Дни\nболн.", "Дни в\nотпуск\nпо бол."),
    "base_pay": ("Заработ.\nза отраб.\nдни", "Основна\nзар-та"),
    "extra_pay": ("Доплащ.\nи премии", "Други\nзаработки"),
    "gross_pay": ("Всичко\nзаработ.", "Брутна\nзаработка"),
    "tax": ("ДОД", "Данък\nв-у\nдохода"),
    "union_fee": ("Профс.\nвнос", "Проф-\nсъюз"),
    "advance": ("Аванс\nза м.", "Аванс\n(25-то\nчисло)"),
    "deductions": ("Всичко\nудържано", "Удържано\nот зар-та"),
    "net_pay": ("Чиста\nзаработ.", "Остава\nза пол.\nот заплата"),
    "sick_pay": ("Обезщет.\nот ДОО", "Болнични\n(ДОО)"),
    "to_pay": ("Сума за\nполучаване", "Всичко за\nизплащане"),
    "signature": ("Подпис\nна пол.", "Разпис-\nка"),
}

GOTHIC, GOTHIC_BOLD = "bizud-gothic/BIZUDGothic-Regular.ttf", "bizud-gothic/BIZUDGothic-Bold.ttf"
# a font package none of A-AM uses (scripts/setup.sh: fonts-morisawa-bizud-gothic): its Cyrillic cut to the pitch
AN_FACES: dict[str, tuple[str, ...]] = {"typewriter": (GOTHIC, GOTHIC_BOLD)}
AN_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AN_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)

EMPLOYERS = (
    ('ДАП "Автотранспорт" - гр. Станке Димитров', ("шофьор", "автомонтьор", "кондуктор", "диспечер", "бояджия",
                                                   "автоелектр.")),
    ("Строително-монтажен комбинат - гр. Толбухин", ("зидар", "кофражист", "арматурист", "кранист", "бетонджия",
                                                      "техник")),
    ("ДЗС - с. Карапелит, Толбухинско", ("тракторист", "овощар", "говедар", "агроном", "пазач", "комбайнер")),
    ('Машиностроителен завод "Струма" - гр. Станке Димитров', ("стругар", "фрезист", "шлосер", "заварчик",
                                                               "технолог", "контрольор")),
    ('Текстилен комбинат "Огоста" - гр. Михайловград', ("тъкачка", "предачка", "сновачка", "бояджия", "майстор",
                                                        "работничка")),
    ('Рудодобивно предприятие "Плакалница" - Михайловградско', ("миньор", "забойчик", "машинист", "взривач",
                                                                 "сондьор", "маркшайдер")),
    ('ПК "Напредък" - ресторанти, гр. Толбухин', ("готвач", "сервитьор", "барман", "миячка", "управител",
                                                   "домакин")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1992, "Станке Димитров", "Дупница"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„№"  # the typewriter's keyboard has no en dash, low quotation mark or "№": a hyphen, '"' and "Nо"
TITLES = ("Ведомост за заплати и обезщетения", "Разплащателна ведомост за работна заплата и обезщетения от ДОО",
          "ВЕДОМОСТ ЗА ЗАРАБОТКИТЕ И БОЛНИЧНИТЕ")  # fmt: skip
PERIODS = ("за месец {word} {y} година", "м. {mm}/{y}", "{upper} {y}")
TOTALS = ("ВСИЧКО:", "Всичко по ведомостта", "Общо за месеца:")
SIGNERS = (("Изготвил ТРЗ:", "Гл. счетоводител:", "Директор:"), ("Съставил:", "Гл. сч-л:", "Касиер:"))
PEN_INK = (140.0, 55.0, 30.0)  # the ballpoint's blue (B, G, R)
CARBONS = {"black": (45.0, 42.0, 40.0), "blue": (120.0, 55.0, 35.0)}  # (B, G, R)


@dataclass
class ANHabits:
    """One AN file's switches, drawn once per file."""

    layout: int  # which of AN_LAYOUTS
    face: str
    cpi: int  # 10 or 12 to the inch (15 where the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    carbon: str  # "black" or "blue"
    grey: bool  # scanned grey at 300 dpi; else colour at 200 (an A3 sheet grey at 200 either way)
    ghost: float  # the sheet beneath: its strength through the paper (0.12-0.24)
    wide: bool  # a wide-carriage typewriter: an A3 sheet where the table fits no A4 at the file's pitch or elite
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_an.render


def draw(rng: random.Random) -> ANHabits:
    thousands, decimal = rng.choice(AN_MONEY)
    return ANHabits(
        layout=rng.randrange(len(AN_LAYOUTS)), face=rng.choice(AN_FACES["typewriter"]), cpi=rng.choice((10, 12, 12)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        carbon=rng.choice(("black", "blue")), grey=rng.random() < 0.6, ghost=rng.uniform(0.12, 0.24),
        wide=rng.random() < 0.5,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, an: ANHabits, rng: random.Random) -> None:
    """An AN file: a works' 8-16 people, each in one of its trades."""
    staffed(ef, an, rng, EMPLOYERS, RENAMED, AN_LAYOUTS)


def _month(salary: Decimal, days: int, sick: int, wd: int, cols: set[str], rng: random.Random) -> dict[str, Any]:
    """A person's month: the base for the days worked, a premium, the deductions (those the layout itemises, all three
    where it itemises none; the advance dropped where it would come above gross), net, the benefit for the days off
    sick (70-100 % of the day's pay, no tax) and the sum to pay out."""
    base = cents(salary * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
    extra = cents(base * rng.choice((0, 0, 5, 8, 10, 15, 20, 25)) / 100)
    gross = base + extra
    itemised = [c for c in PARTS if c in cols] or list(PARTS)
    adv = (cents(salary * Decimal(rng.choice((30, 40, 50))) / 100 / 5) * 5).quantize(Decimal(1)) if days else Decimal(0)
    cut = {"tax": cents(gross * rng.randint(45, 110) / 1000), "union_fee": cents(gross / 100), "advance": adv}
    cut = {c: (v if c in itemised else Decimal(0)) for c, v in cut.items()}
    if sum(cut.values(), Decimal(0)) > gross:  # the advance came before the sick leave: the cashier holds back no more
        cut["advance"] = Decimal(0)
    ded = sum(cut.values(), Decimal(0))
    rate = Decimal(rng.choice((70, 80, 90, 100))) / 100
    sick_pay = cents(salary / Decimal(wd) * sick * rate) if sick else Decimal(0)
    return {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded,
            "sick_pay": sick_pay, "to_pay": gross - ded + sick_pay, **cut}  # fmt: skip


def adapt_sheet(sheet: SheetContent, an: ANHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AN month: a row a present person, a third of them off sick a few days (fewer days worked, the benefit), one
    on some months off sick or on maternity leave the whole month (every field nought, only the benefit); the sheet's
    totals over the payroll-page/1 fields; the file's number formats and words."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    lay = AN_LAYOUTS[an.layout]
    cols = set(lay)
    rows: list[dict[str, object]] = []
    away = rng.randrange(len(sheet.rows)) if sheet.rows and rng.random() < 0.5 else -1
    for k, old in enumerate(sheet.rows):
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = int(str(old.get("days_paid", wd)))
        sick = 0
        if k == away:
            days, sick = 0, wd
        elif days > 2 and rng.random() < 0.33:
            sick = rng.randint(1, min(12, days - 1))
            days -= sick
        post = person.position if person is not None else rng.choice(an.posts)
        w = _month(salary, days, sick, wd, cols, rng)
        r: dict[str, object] = {"row": k + 1, "egn": egn, "name": str(old["name"]),
                                "position": post if "position" in cols else None,
                                "days_worked": days if "days_worked" in cols else None, "days_paid": days,
                                "sick_days": sick}  # fmt: skip
        r.update({c: w[c] for c in (*PARTS, "sick_pay", "to_pay")})
        for f in MONEY_FIELDS:
            r[f] = w[f] if f in cols else None
        rows.append(r)
    typed_month(sheet, an, rows, lay, rng, (PERIODS, TITLES, RENAMED))
    sheet.extra["an_job"] = {
        "heads": {c: rng.choice(HEADINGS_AN[c]) for c in lay}, "total": rng.choice(TOTALS),
        "signers": rng.choice(SIGNERS), "sheet_word": rng.choice(("Лист {n}", "стр. {n}")),
    }  # fmt: skip


def typed_month(sheet: SheetContent, own: Any, rows: list[dict[str, object]], lay: tuple[str, ...], rng: random.Random,
                words: tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, str, str], ...]]) -> None:  # fmt: skip
    """The month's ``rows`` in the layout ``lay`` on the ``sheet`` (AN's, AO's): the totals over the payroll-page/1
    fields it prints, the period in the file's wording (``own.period`` of ``words``' periods), a title of its titles, the
    employer as named in the year (its renamings), the file's number formats (``own``'s thousands from 1991, decimal,
    nought); the ЕГН truth only where printed."""
    periods, titles, renamed = words
    sheet.rows = rows
    sheet.layout = lay
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in MONEY_FIELDS if f in lay}
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.period_text = periods[own.period].format(word=word, mm=f"{m:02d}", upper=word.upper(), y=y)
    sheet.title = rng.choice(titles)
    sheet.employer = ai_renamed(own.kind, y, renamed)
    sheet.thousands_space, sheet.thousands_sep = bool(own.thousands) and y >= 1991, own.thousands or " "
    sheet.decimal_comma, sheet.zero_mark = own.decimal == ",", own.zero.replace(",", own.decimal)
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    sheet.egn_printed_only = True  # a layout prints no ЕГН: none in its truth (samples/generate.truth_of)


def style(an: ANHabits, rng: random.Random, base: Style) -> None:
    """An AN page's style: the typewriter's face, no generic ruling or marks (the rest is drawn by family_an.render)."""
    del rng
    own_drawing(base, an.face, AN_SIZES["typewriter"][0], True)


# --- the sheet typed ---


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    """What a row prints in column ``c``: the days off sick and the benefit empty where none, the rest as AL's typist."""
    if c in ("sick_days", "sick_pay") and not r.get(c):
        return ""
    if c == "sick_days":
        return str(r[c])
    return al_cell(c, r, sheet)


def _sums(sheet: SheetContent) -> dict[str, Decimal]:
    """The totals row's amounts: the truth's totals, the itemised deductions', the benefit's and the sums to pay out."""
    extra = {c: sum((amount_or_nought(r[c]) for r in sheet.rows), Decimal(0)) for c in (*PARTS, "sick_pay", "to_pay")
             if c in sheet.layout}  # fmt: skip
    return {**sheet.totals, **extra}


def widths_of(sheet: SheetContent) -> list[int]:
    job = sheet.extra["an_job"]
    assert isinstance(job, dict)
    sums = _sums(sheet)
    least = {"row": 2, "egn": 10, "name": 18, "position": 8, "signature": 8, "days_worked": 3, "sick_days": 3}
    return [max([len(s) for s in job["heads"][c].split("\n")] + [len(cell(c, r, sheet)) for r in sheet.rows]
                + [len(amount(sums[c], sheet)) if c in sums else 0, least.get(c, 6)]) for c in sheet.layout]  # fmt: skip


def render(sheet: SheetContent, st: Style | None, an: ANHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi on the paper and at the pitch it fits (family_am.paper_for): the employer and the
    sheet's number, the title and period, the headings between ruled lines, a person a line, the totals row, the
    signers' words (no signatures: the copy); ruled in ink. The pen's layer goes to ``sheet.extra["an_pen"]``, every
    typed string's box to ``an_keep``."""
    del st
    job = sheet.extra["an_job"]
    assert isinstance(job, dict)
    ws = widths_of(sheet)
    paper, pitch = paper_for(ws, 14.0 + len(sheet.rows) + 4, an.cpi, an.wide)
    lay = sheet.layout
    desk = at_desk(sheet, an, rng, paper, pitch, ws, [job["heads"][c].split("\n") for c in lay], str(job["sheet_word"]))
    ball, geo, starts, y = desk.ball, desk.geo, desk.starts, desk.y
    for n, r in enumerate(sheet.rows, 1):  # (the columns that are no field typed too: no cell of the truth)
        type_cells(ball, geo, n, lay, [cell(c, r, sheet) for c in lay], starts, ws, y)
        desk.row_box(y)
        y += 1
    desk.rule(ball.y(y) - 0.85 * LINE)
    ball.text(starts[lay.index("name")], y, str(job["total"]))
    for c, v in _sums(sheet).items():
        t, j = amount(v, sheet), lay.index(c)
        ball.text(starts[j] + ws[j] - len(t), y, t)
        if c in MONEY_FIELDS:  # the truth's totals: cells of the totals row
            geo.cells.append((len(sheet.rows) + 1, j, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                                       int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y) + 0.3 * LINE)],
                              t))  # fmt: skip
    desk.close(y)
    y += 2.5
    for q, who in enumerate(job["signers"]):
        ball.text(round(q * desk.end / 3), y, str(who))
    return desk.lift(sheet, "an", y, rng), geo


# --- the carbon copy, the sheet beneath it and the scan ---


@dataclass
class ANPage:
    an: ANHabits
    seed: int
    pen: np.ndarray  # the rules' ink (255 none)
    ghost: np.ndarray  # the sheet beneath as it shows through the thin paper: its strength 0..``an.ghost``
    angle: float


def beneath(sheet: SheetContent, an: ANHabits, rng: random.Random) -> SheetContent:
    """The file's next sheet, left under this one on the glass: the next month's, the same people, layout and words,
    other figures (each row's days a little other, its amounts by a share of their own)."""
    under = copy.deepcopy(sheet)
    under.extra = {"an_job": copy.deepcopy(sheet.extra["an_job"])}
    under.month, under.year = sheet.month % 12 + 1, sheet.year + sheet.month // 12
    under.sheet = sheet.sheet + 1
    word = data.MONTHS[under.month - 1]
    under.period_text = PERIODS[an.period].format(word=word, mm=f"{under.month:02d}", upper=word.upper(), y=under.year)
    for r in under.rows:
        f = Decimal(str(round(rng.uniform(0.8, 1.25), 3)))
        for c in (*MONEY_FIELDS, *PARTS, "sick_pay", "to_pay"):
            if isinstance(r.get(c), Decimal):
                r[c] = cents(Decimal(str(r[c])) * f)
        if isinstance(r.get("days_worked"), int) and r["days_worked"]:
            r["days_worked"] = max(1, int(str(r["days_worked"])) + rng.randint(-3, 2))
        r["sick_days"] = rng.choice((0, 0, 0, rng.randint(1, 9)))
    under.totals = {f: sum((amount_or_nought(r[f]) for r in under.rows), Decimal(0)) for f in under.totals}
    return under


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, an: ANHabits, rng: random.Random) -> ANPage:
    """The sheet beneath typed like this one, shifted a fraction of a line (and a few whole ones) and a few characters,
    turned a little, softened by the thin paper between: its strength ``an.ghost`` at most."""
    del geo
    W, H = img.size
    pen = sheet.extra["an_pen"]
    assert isinstance(pen, np.ndarray)
    under = beneath(sheet, an, rng)
    u_img, _ = render(under, None, an, random.Random(rng.randrange(1 << 30)))
    u_pen = under.extra["an_pen"]
    assert isinstance(u_pen, np.ndarray)
    dark = np.zeros((H, W), np.float32)
    h, w = min(H, u_img.height), min(W, u_img.width)
    dark[:h, :w] = (255.0 - np.minimum(np.asarray(u_img, np.float32), u_pen.astype(np.float32))[:h, :w]) / 255.0
    del u_img, u_pen, under
    dy = rng.choice((-1, 1)) * rng.uniform(0.3, 0.7) * LINE + rng.randint(-2, 2) * LINE
    dx = rng.choice((-1, 1)) * rng.uniform(40, 180)
    m = cv2.getRotationMatrix2D((W / 2, H / 2), rng.uniform(-0.8, 0.8), 1.0)
    m[:, 2] += np.array([dx, dy])
    dark = np.asarray(cv2.warpAffine(dark, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=0), np.float32)
    ghost = np.asarray(cv2.GaussianBlur(dark, (0, 0), rng.uniform(2.2, 3.4)), np.float32)
    ghost *= np.float32(an.ghost / max(float(ghost.max()), 1e-6))
    return ANPage(an, rng.randrange(1 << 30), pen, ghost, rng.uniform(-1.0, 1.0))


def flat(a: np.ndarray, page: ANPage) -> np.ndarray:
    """The typed sheet with its ruling, without the carbon's softness and the sheet beneath (``--pristine``)."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def scan(a: np.ndarray, page: ANPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The carbon copy on the flatbed: the thin paper (a little grey, cloudy), the sheet beneath showing through it in
    its carbon's colour, the ballpoint's rules, the typing in carbon (soft, grainy: 75-95 % of full strength); turned a
    little, an A4 sheet grey at 300 dpi or colour at 200, an A3 one grey at 200. Returns the image, the 2x3 map from the
    drawn page to it, its dpi and no bend."""
    an = page.an
    rng = random.Random(page.seed)
    H, W = a.shape
    grey, dpi = flatbed_mode(W, an.grey)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 226.0, 242.0, 5), (W, H)), np.float32)
    seen = seen_by(grey)
    carbon = seen(CARBONS[an.carbon])
    typed = np.asarray(cv2.GaussianBlur(np.clip((255.0 - a) / 255.0, 0, 1), (0, 0), 0.9), np.float32)
    out = np.empty((H, W, 1 if grey else 3), np.uint8)
    for y0 in range(0, H, 128):
        sl = slice(y0, y0 + 128)
        o = paper[sl][..., None] * seen((0.96, 0.98, 1.0))
        g = page.ghost[sl][..., None]
        o = o * (1.0 - g) + carbon * g
        penned = np.clip((255.0 - page.pen[sl].astype(np.float32)) / 255.0, 0, 1)[..., None] * 0.85
        o = o * (1.0 - penned) + seen(PEN_INK) * penned
        grain = np_rng.random((o.shape[0], W), dtype=np.float32)[..., None]
        t = np.clip(typed[sl][..., None] * 1.15, 0, 1) * (0.75 + 0.2 * grain)
        o = o * (1.0 - t) + carbon * t
        out[sl] = np.clip(np.round(o), 0, 255).astype(np.uint8)
    del paper, typed
    img, m = on_the_glass(out, grey, dpi, page.angle, np_rng)
    return img, m, dpi, None
