"""Family AS of the sample generator (held out from its making in session 42, 2026-12-07, helper s52-famas, to its one
measurement by the lead at the start of session 43; evaluation seed 2068, development seeds 37001-37040): the monthly payroll of 1980-1996 of an
employer that closed without a successor (a district car-service station of "Автосервиз", a district dairy, a
consumer co-operative's bakery, a shoe co-operative (ТПК), a district printing house, a district hospital's
administration; Толбухин, Станке Димитров and Михайловград renamed in their years), typed by its payroll clerk on an
office typewriter (fonts-baekmuk's Baekmuk Batang, its Cyrillic cut to 10 or 12 to the inch, 15 where the table fits no
other way; a black ribbon; no en dash, quotation marks or "№" on its keyboard: a hyphen, '"' and "Nо") on an A4 sheet
turned (an A3 one where the table and the tapes beside it need it), single-spaced or at 1 1/2 lines, ruled in ink.

What makes AS's sheets hard (new): the accounts office checked the sheet's sums on a printing adding machine (an ELKA
of the Bulgarian works in Sofia and Silistra) and STAPLED ITS PAPER TAPES onto the sheet beside the table: one to three
tapes (fewer where a wide table leaves no room; 44 or 57 mm wide, torn off the roll with a jagged edge at both ends,
each laid a little crooked, fanned out to the right — the first on top, each next one under it further right, so that
its figures show —, one staple through their heads into the sheet), each the adding of one of the sheet's money
columns (net on every sheet, then gross, the deductions or the base) row by row:
- a tape prints, one a line about 3.5 mm apart in the machine's own narrow figures (the ribbon's violet or black), the
  column's amounts in the rows' order each with "+" after it ("1234.56 +", a decimal point or comma, no thousands'
  mark), the noughts left out, a figure keyed with two digits swapped and taken back ("-" after it) before the right
  one on some tapes, the
  cleared register ("0.00 *") at its head and the sum with "*" ("T" on some machines) at its foot — the column's total,
  equal to the typed "Всичко" —, the number of items ("023 #") under it on some;
- so a column of amounts, their sum and labels of their own stand beside the table, right of its last column at a few
  millimetres, their lines closer than the table's and crossing its rows' lines: none of it a field or a row of the
  truth (the tapes lie on the margin, never over a typed string of the sheet);
- the table itself (10-28 people): the ЕГН on three of four layouts (the truth's ЕГН null on the third), the days on
  three, the post on one, the itemised deductions on two (ДОД, the union's fee, the advance and a ДСК loan's
  instalment, or ДОД, the advance and the loan; ДОД, the union's fee and the advance withheld all the same where only
  their total is printed), the person's signature column on three, gross before its parts on one; the sheet's
  "Всичко" the truth's totals (the itemised deductions' sums beside them, no truth); a long name typed in full.
No value is corrected (no correction marks); every value of the truth is typed once and readable.

The capture: scanned on a flatbed with the tapes stapled on (the lid pressed them flat, a tape's edge casting a soft
shadow on the sheet where it curls, the tapes' paper whiter or yellower than the sheet's, the staple's two legs dark
with a bright edge); a little turned, grey at 300 dpi or colour at 200, an A3 sheet grey at 200 (under ~5 MB).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .content import EmployerFile, SheetContent, amount_or_nought
from .family_ah import LINE
from .family_ai import own_drawing
from .family_al import amount
from .family_al import cell as al_cell
from .family_am import PAPERS, PITCHES, _least, at_desk, staffed
from .family_an import typed_month
from .family_ao import PayHabit, pay_rows
from .family_ar import type_rows
from .handwork import flatbed_mode, on_the_glass, seen_by, signature, smooth_field
from .render import FONT_DIR, Geometry, Style

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)
UNPRINTED = frozenset({"tax", "union_fee", "advance"})  # withheld where a layout prints only the deductions' total

# the table's columns; "signature" no field
AS_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
     "advance", "loan", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "gross_pay", "base_pay", "extra_pay", "deductions", "net_pay", "signature"),
    ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "advance", "loan", "deductions",
     "net_pay", "signature"),
    ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AS: dict[str, str] = {
    "row": "Ред\nпо\nсп.",
    "egn": "ЕГН\n(от л.к.\nна лицето)",
    "name": "Трите имена\n(по паспорт)",
    "position": "Заемана\nдлъжност\nпо щат",
    "days_worked": "Отраб.\nраб.\nдни",
    "base_pay": "Заплата\nпо осн.\nтарифа",
    "extra_pay": "Други\nнаднорм.\nвъзнагр.",
    "gross_pay": "Всичко\nначисл.\nлв.",
    "tax": "Удържан\nданък\nобщ дох.",
    "union_fee": "Членск.\nвнос\nПС",
    "advance": "Получен\nаванс\nм-ца",
    "loan": "Погас.\nзаем\nДСК",
    "deductions": "Сума\nна\nудръжк.",
    "net_pay": "Чиста\nсума за\nполуч.",
    "signature": "Разпис-\nка за\nполуч.",
}

BATANG = "baekmuk/batang.ttf"
GULIM = "baekmuk/gulim.ttf"  # the adding machine's figures
# a font package none of A-AR uses (scripts/setup.sh: fonts-baekmuk): its Cyrillic cut to the typewriter's pitch
AS_FACES: dict[str, tuple[str, ...]] = {"typewriter": (BATANG,)}
AS_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AS_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)
MM = 300 / 25.4  # pixels a millimetre at 300 dpi
TAPE_MM = (44, 57)  # the adding machine's roll
FAN = 0.62  # each next tape this share of a tape's width further right, under the one before (its figures show)
CHECKED = ("net_pay", "gross_pay", "deductions", "base_pay")  # the columns the office added, the likeliest first

EMPLOYERS = (
    ('ДСО "Автосервиз" - Автосервиз гр. Толбухин', ("автотенекеджия", "автомонтьор", "електротехник", "бояджия",
                                                   "приемчик", "майстор", "касиер")),
    ('Млекозавод "Родопа" - гр. Смолян', ("млекар", "сиренар", "шофьор", "лаборант", "общ работник", "огняр")),
    ('Хлебозавод при РПК "Напредък" - гр. Станке Димитров', ("хлебар", "пекар", "тестомесач", "шофьор", "продавачка",
                                                             "общ работник")),
    ('ТПК "Обувна промишленост" - гр. Михайловград', ("обущар", "кроячка", "шивачка", "майстор", "технолог",
                                                      "общ работник")),
    ("Окръжна печатница - гр. Видин", ("печатар", "словослагател", "книговезец", "коректор", "общ работник",
                                       "счетоводител")),
    ("Окръжна болница - административна част, гр. Ловеч", ("счетоводител", "касиер", "домакин", "шофьор", "огняр",
                                                          "машинописка", "чистачка")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1992, "Станке Димитров", "Дупница"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„“№"  # the typewriter has no en dash, no low or high quotation mark, no "№": a hyphen, '"' and "Nо"
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "Ведомост за работната заплата", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ ЗА ЗАПЛАТИ")
PERIODS = ("за месец {word} {y} г.", "за м. {mm}.{y} г.", "МЕСЕЦ {upper} {y} Г.")
TOTALS = ("ВСИЧКО:", "Всичко по ведомостта:", "Общо:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Ръководител:"), ("ТРЗ:", "Счетоводител:", "Касиер:"))
RIBBON = (40.0, 38.0, 44.0)  # the typewriter's black (B, G, R)
PEN_INK = (140.0, 55.0, 30.0)  # the ballpoint's blue (B, G, R)
TAPE_INKS = {"violet": (120.0, 45.0, 85.0), "black": (55.0, 52.0, 55.0)}  # the adding machine's ribbon (B, G, R)
TAPE_PAPERS = {"white": (246.0, 248.0, 249.0), "yellowed": (196.0, 226.0, 236.0)}  # the roll's paper (B, G, R)
AS_PAY = PayHabit(extra=(0, 0, 3, 5, 8, 10, 12, 15), advance=(30, 40, 50), loan=(0, 0, 5, 8), tax=(50, 110),
                  drop=("advance", "loan"))  # fmt: skip


@dataclass
class ASHabits:
    """One AS file's switches, drawn once per file."""

    layout: int  # which of AS_LAYOUTS
    face: str
    cpi: int  # 10 or 12 to the inch (15 where the table and the tapes fit no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    spacing: float  # the rows 1 or 1 1/2 lines apart (1 where 1 1/2 would overrun the sheet)
    tapes: int  # how many columns the office added on the machine (a tape each)
    tape_mm: int  # the roll's width
    tape_ink: str  # "violet" or "black"
    tape_paper: str  # "white" or "yellowed"
    tape_decimal: str  # the machine's decimal mark: "." or ","
    total_mark: str  # the sum's mark: "*" or "T"
    count: bool  # the number of items printed under the sum
    slips: float  # the share of tapes with a figure keyed wrong and taken back
    grey: bool  # an A4 sheet scanned grey at 300 dpi (else colour at 200; an A3 one grey at 200)
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_as.render


def draw(rng: random.Random) -> ASHabits:
    thousands, decimal = rng.choice(AS_MONEY)
    return ASHabits(
        layout=rng.randrange(len(AS_LAYOUTS)), face=rng.choice(AS_FACES["typewriter"]), cpi=rng.choice((10, 12, 12)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        spacing=rng.choice((1.0, 1.5)), tapes=rng.choice((1, 1, 2, 2, 3)), tape_mm=rng.choice(TAPE_MM),
        tape_ink=rng.choice(("violet", "violet", "black")), tape_paper=rng.choice(("white", "yellowed")),
        tape_decimal=rng.choice((".", ".", ",")), total_mark=rng.choice(("*", "*", "T")), count=rng.random() < 0.5,
        slips=rng.choice((0.0, 0.3, 0.6)), grey=rng.random() < 0.5,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, as_: ASHabits, rng: random.Random) -> None:
    """An AS file: an employer's 10-28 people, each in one of its posts."""
    staffed(ef, as_, rng, EMPLOYERS, RENAMED, AS_LAYOUTS, people=(10, 28))


def adapt_sheet(sheet: SheetContent, as_: ASHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AS month: a row a present person; the sheet's totals over the payroll-page/1 fields; the file's number formats
    and words; which columns the office added on the machine (a tape each)."""
    lay = AS_LAYOUTS[as_.layout]
    rows = pay_rows(sheet, as_, ef, lay, rng, AS_PAY, frozenset() if set(lay) & set(PARTS) else UNPRINTED)
    typed_month(sheet, as_, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third layout prints no ЕГН
    cols = [c for c in CHECKED if c in lay]
    checked = [cols[0], *rng.sample(cols[1:], min(as_.tapes, len(cols)) - 1)]
    sheet.extra["as_job"] = {
        "checked": checked, "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS),
        "sheet_word": rng.choice(("Лист {n}", "л. {n}", "стр. {n}")),
    }  # fmt: skip
    while len(checked) > 1 and not fits(sheet, as_, len(checked)):  # a wide table: fewer tapes beside it
        checked.pop()


def fits(sheet: SheetContent, as_: ASHabits, n: int) -> bool:
    """Whether the table and ``n`` tapes beside it fit on a sheet (``fit``)."""
    try:
        fit(sheet, as_, n)
    except AssertionError:
        return False
    return True


def style(as_: ASHabits, rng: random.Random, base: Style) -> None:
    """An AS page's style: the typewriter's face on a sheet turned, no generic ruling or marks (the rest is drawn by
    family_as.render)."""
    del rng
    own_drawing(base, as_.face, AS_SIZES["typewriter"][0], True)


# --- the sheet typed ---


def _parts_sums(sheet: SheetContent) -> dict[str, Decimal]:
    """The itemised deductions' sums over the sheet (typed beside the totals: no truth)."""
    return {c: sum((amount_or_nought(r[c]) for r in sheet.rows), Decimal(0)) for c in PARTS if c in sheet.layout}


def widths_of(sheet: SheetContent) -> list[int]:
    """The table's column widths in characters: the headings, the rows, the totals."""
    sums = {**sheet.totals, **_parts_sums(sheet)}
    out = []
    for c in sheet.layout:
        w = [len(s) for s in HEADINGS_AS[c].split("\n")] + [len(al_cell(c, r, sheet)) for r in sheet.rows]
        w += [len(amount(sums[c], sheet))] if c in sums else []
        out.append(max(*w, _least(c)))
    return out


def tape_width(as_: ASHabits, n: int) -> int:
    """The room ``n`` fanned tapes take beside the table (pixels at 300 dpi, with a margin each side)."""
    w = as_.tape_mm * MM
    return int(w * (1 + FAN * (n - 1)) + 220)


def lines_of(sheet: SheetContent, spacing: float) -> float:
    """The lines the sheet takes from the employer's line to the signers'."""
    return 5.5 + 3 + 0.15 + len(sheet.rows) * spacing + 1 + 2.5 + 1


def fit(sheet: SheetContent, as_: ASHabits, n: int) -> tuple[str, int, float, list[int]]:
    """The paper, the pitch (pixels a character) and the rows' spacing (lines) the table and ``n`` tapes beside it fit
    at: A4 turned at the file's pitch or 12 to the inch, else A3 turned, else 15 to the inch; 1 1/2 lines where the
    file's and the paper allow; and the columns' widths. AssertionError where they fit on none."""
    ws = widths_of(sheet)
    end = sum(ws) + 2 * (len(ws) - 1)
    room = tape_width(as_, n)
    typed = sorted(c for c in PITCHES if as_.cpi <= c < 15)
    for paper, cpi in [*(("A4L", c) for c in typed), *(("A3L", c) for c in typed), ("A4L", 15), ("A3L", 15)]:
        W, H = PAPERS[paper]
        for sp in sorted({as_.spacing, 1.0}, reverse=True):
            if end * PITCHES[cpi] + room + 2 * 130 <= W and lines_of(sheet, sp) * LINE + 200 + 20 <= H - 120:
                return paper, PITCHES[cpi], sp, ws
    raise AssertionError(f"the sheet overran the paper: {ws}")


def render(sheet: SheetContent, st: Style | None, as_: ASHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi: the employer and the sheet's number, the title and period, the headings between ruled
    lines, a row a person, the "Всичко" (the truth's totals, the itemised deductions' sums beside them), the signers;
    ruled in ink; the table to the left of the sheet, the tapes' room on its right. The pen's layer goes to
    ``sheet.extra["as_pen"]``, every typed string's box to ``as_keep``, the tapes to ``as_tapes``."""
    del st
    job = sheet.extra["as_job"]
    assert isinstance(job, dict)
    paper, pitch, sp, ws = fit(sheet, as_, len(job["checked"]))
    lay, n = sheet.layout, len(sheet.rows)
    W, _H = PAPERS[paper]
    end = sum(ws) + 2 * (len(ws) - 1)
    left = min(130.0 + rng.uniform(0, 60), W - tape_width(as_, len(job["checked"])) - end * pitch - 130)
    heads = [HEADINGS_AS[c].split("\n") for c in lay]
    desk = at_desk(sheet, as_, rng, paper, pitch, ws, heads, str(job["sheet_word"]), left=left)
    ball, geo, starts, y = desk.ball, desk.geo, desk.starts, desk.y
    name_j = lay.index("name")
    first = ball.y(y) - 0.85 * LINE
    y = type_rows(desk, sheet, sheet.rows, 1, lay, pitch, y, sp, rng)
    desk.rule(ball.y(y) - 0.85 * LINE)
    ball.text(starts[name_j], y, str(job["total"]))
    for c, v in {**sheet.totals, **_parts_sums(sheet)}.items():
        j, t = lay.index(c), amount(v, sheet)
        ball.text(starts[j] + ws[j] - len(t), y, t)
        if c in sheet.totals:  # the truth's totals: cells of the totals row
            geo.cells.append((n + 1, j, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                         int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y) + 0.3 * LINE)], t))  # fmt: skip
    desk.close(y)
    y += 2.5
    for q, who in enumerate(job["signers"]):
        at = round(q * end / 3)
        ball.text(at, y, str(who))
        signature(desk.pen, ball.x(at + len(who) + 1), ball.y(y) - 0.3 * LINE, 9 * pitch, rng)
    img = desk.lift(sheet, "as", y, rng)
    sheet.extra["as_tapes"] = lay_tapes(sheet, as_, rng, desk.xr, first, img.size)
    return img, geo


# --- the adding machine's tapes ---


@dataclass
class Tape:
    """One tape as stapled on the sheet: its lines, where it lies (its head's centre, pixels at 300 dpi), its turn
    (degrees) and size, the line pitch; its drawn paper (0..1) and ink (0..1) once made, their box on the sheet."""

    column: str
    lines: list[str]
    cx: float
    top: float
    angle: float
    width: int
    pitch: float
    seed: int
    box: tuple[int, int, int, int] = (0, 0, 0, 0)
    paper: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    ink: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))


def _tape_figure(v: Decimal, as_: ASHabits) -> str:
    return f"{v:.2f}".replace(".", as_.tape_decimal)


def tape_lines(values: list[Decimal], total: Decimal, as_: ASHabits, rng: random.Random) -> list[str]:
    """What the machine printed adding ``values`` (the noughts left out): the cleared register, each figure with "+"
    (one keyed wrong and taken back with "-" on some tapes), a blank line, the sum with the file's mark, the number of
    items on some; the figure and its mark a column apart."""
    shown = [v for v in values if v != 0]
    out = [(_tape_figure(Decimal(0), as_), "*")]
    slip = rng.randrange(len(shown)) if shown and rng.random() < as_.slips else -1
    for k, v in enumerate(shown):
        if k == slip:  # two figures swapped on the keys, taken back
            s = f"{v:.2f}"
            wrong = Decimal(s[:-2] + s[-1] + s[-2]) if s[-1] != s[-2] else v + 10
            out += [(_tape_figure(wrong, as_), "+"), (_tape_figure(wrong, as_), "-")]
        out.append((_tape_figure(v, as_), "+"))
    out.append(("", ""))
    out.append((_tape_figure(total, as_), as_.total_mark))
    if as_.count:
        out.append((f"{len(shown):03d}", "#"))
    wide = max(len(f) for f, _ in out)
    return [f"{f:>{wide}} {m}" if f else "" for f, m in out]


def lay_tapes(sheet: SheetContent, as_: ASHabits, rng: random.Random, xr: float, first: float,
              size: tuple[int, int]) -> list[Tape]:  # fmt: skip
    """The tapes of the columns the office added, fanned out right of the table's right side ``xr`` from about its
    first row's line ``first``: each a little crooked, the next one under it further right (its figures showing beyond
    the one above); their line pitch
    closer where a long tape would run off the sheet (``size``)."""
    job = sheet.extra["as_job"]
    assert isinstance(job, dict)
    W, H = size
    width = int(as_.tape_mm * MM)
    out = []
    x = xr + 90 + rng.uniform(0, 40)
    for k, c in enumerate(job["checked"]):
        vals = [amount_or_nought(r[c]) for r in sheet.rows]
        lines = tape_lines(vals, sheet.totals[c], as_, rng)
        top = first + rng.uniform(-60, 120) + k * rng.uniform(20, 70)
        pitch = min(rng.uniform(40, 46), (H - 90 - top - 160) / (len(lines) + 3))
        cx = min(x + width / 2 + k * FAN * width, W - 70 - width / 2)
        out.append(Tape(c, lines, cx, top, rng.uniform(-2.0, 2.0), width, pitch, rng.randrange(1 << 30)))
    for t in out:
        make_tape(t, as_)
    return out


@lru_cache(maxsize=4)
def _tape_face(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / GULIM), size)


def make_tape(t: Tape, as_: ASHabits) -> None:
    """The tape drawn and turned: its paper (a strip torn jagged at both ends) and its printed lines (the machine's
    figures right-aligned, the marks a column after them, the strikes a little uneven), turned by ``t.angle`` about its
    head; ``t.box`` where the drawn patch lies on the sheet."""
    rng = random.Random(t.seed)
    h = int(t.pitch * (len(t.lines) + 3)) + 60
    w = t.width
    paper = Image.new("L", (w, h), 0)
    dr = ImageDraw.Draw(paper)
    # the jagged ends where it was torn off against the machine's blade
    top = [(float(x), rng.uniform(6, 22)) for x in range(0, w + 1, 12)]
    bottom = [(float(x), h - rng.uniform(6, 22)) for x in range(w, -1, -12)]
    dr.polygon([*top, *bottom], fill=255)
    ink = Image.new("L", (w, h), 0)
    di = ImageDraw.Draw(ink)
    face = _tape_face(int(t.pitch * 0.72))
    right = w - int(w * 0.16)
    for k, line in enumerate(t.lines):
        if not line:
            continue
        base = 40 + (k + 1.5) * t.pitch
        di.text((right + rng.uniform(-1.0, 1.0), base + rng.uniform(-1.0, 1.0)), line, font=face,
                fill=rng.randint(200, 255), anchor="rs", stroke_width=1, stroke_fill=rng.randint(170, 230))  # fmt: skip
    big = max(w, h) * 2
    pad = np.zeros((big, big, 2), np.float32)
    y0, x0 = big // 2 - 30, big // 2 - w // 2
    pad[y0 : y0 + h, x0 : x0 + w, 0] = np.asarray(paper, np.float32) / 255.0
    pad[y0 : y0 + h, x0 : x0 + w, 1] = np.asarray(ink, np.float32) / 255.0
    m = cv2.getRotationMatrix2D((big / 2, big / 2), t.angle, 1.0)
    turned = np.asarray(cv2.warpAffine(pad, m, (big, big), flags=cv2.INTER_LINEAR), np.float32)
    ys, xs = np.nonzero(turned[..., 0] > 0.01)
    ya, yb, xa, xb = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    t.paper = np.ascontiguousarray(turned[ya:yb, xa:xb, 0])
    t.ink = np.ascontiguousarray(turned[ya:yb, xa:xb, 1]) * t.paper
    ox, oy = int(round(t.cx - big / 2)), int(round(t.top + 30 - big / 2))
    t.box = (ox + xa, oy + ya, ox + xb, oy + yb)
    del as_


# --- the scan ---


@dataclass
class ASPage:
    as_: ASHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    tapes: list[Tape]
    angle: float  # the sheet turned on the glass (degrees)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, as_: ASHabits, rng: random.Random) -> ASPage:
    """The sheet with its tapes as laid on the glass: its pen's layer, its tapes, its turn."""
    del img, geo
    pen, tapes = sheet.extra["as_pen"], sheet.extra["as_tapes"]
    assert isinstance(pen, np.ndarray) and isinstance(tapes, list)
    return ASPage(as_, rng.randrange(1 << 30), pen, tapes, rng.uniform(-0.9, 0.9))


def _clip(t: Tape, H: int, W: int) -> tuple[slice, slice, slice, slice] | None:
    """The part of tape ``t`` on a sheet ``H`` x ``W``: the sheet's and the patch's slices (rows, columns)."""
    x0, y0, x1, y1 = t.box
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if xb <= xa or yb <= ya:
        return None
    return slice(ya, yb), slice(xa, xb), slice(ya - y0, yb - y0), slice(xa - x0, xb - x0)


def _staple(out: np.ndarray, t: Tape, seen: Callable[[tuple[float, ...]], np.ndarray], rng: random.Random) -> None:
    """The staple through the tapes' heads: a short dark bar with a bright edge, a little crooked."""
    H, W = out.shape[:2]
    cx, cy = t.cx + rng.uniform(-40, 40), t.top + 36 + rng.uniform(-6, 6)
    length, tilt = rng.uniform(120, 150), rng.uniform(-0.12, 0.12)
    x0, y0 = int(cx - 100), int(cy - 40)
    bar, shine = Image.new("L", (200, 80), 0), Image.new("L", (200, 80), 0)
    ends = [(100 - length / 2, 40 - tilt * length / 2), (100 + length / 2, 40 + tilt * length / 2)]
    ImageDraw.Draw(bar).line(ends, fill=255, width=9)
    ImageDraw.Draw(shine).line([(x, y - 3) for x, y in ends], fill=255, width=2)
    ya, yb, xa, xb = max(0, y0), min(H, y0 + 80), max(0, x0), min(W, x0 + 200)
    if yb <= ya or xb <= xa:
        return
    for layer, colour in ((bar, (70.0, 72.0, 75.0)), (shine, (235.0, 235.0, 235.0))):
        a = (np.asarray(layer, np.float32) / 255.0)[ya - y0 : yb - y0, xa - x0 : xb - x0, None]
        out[ya:yb, xa:xb] = out[ya:yb, xa:xb] * (1 - a) + seen(colour) * a


def lay_on(out: np.ndarray, page: ASPage, seen: Callable[[tuple[float, ...]], np.ndarray], rng: random.Random) -> None:
    """The tapes laid on the drawn sheet ``out`` (H x W x planes, float) in their order: each tape's soft shadow on what
    lies under it (its curling edge), its paper, its printed lines; the staple through their heads."""
    H, W = out.shape[:2]
    as_ = page.as_
    tone, ink = seen(TAPE_PAPERS[as_.tape_paper]), seen(TAPE_INKS[as_.tape_ink])
    for t in reversed(page.tapes):  # the first on top, each next one under it further right
        cut = _clip(t, H, W)
        if cut is None:
            continue
        sy, sx, py, px = cut
        paper, printed = t.paper[py, px], t.ink[py, px]
        dx = rng.choice((-1, 1)) * rng.randint(6, 14)
        shade = np.roll(np.asarray(cv2.GaussianBlur(paper, (0, 0), 6), np.float32), dx, axis=1)
        shade = np.clip(shade - paper, 0, 1)[..., None] * rng.uniform(0.18, 0.3)
        p, k = paper[..., None], printed[..., None]
        under = out[sy, sx] * (1 - shade)
        lit = tone * smooth_field(p.shape[0], p.shape[1], rng, 0.97, 1.02, 3)[..., None]
        out[sy, sx] = (under * (1 - p) + lit * p) * (1 - k * 0.92) + ink * k * 0.92
    if page.tapes:
        _staple(out, page.tapes[0], seen, rng)


def _sheet(a: np.ndarray, page: ASPage, grey: bool, rng: random.Random) -> np.ndarray:
    """The drawn sheet in the scanner's planes: the paper's grey (a little cloudy), the ribbon's black, the ballpoint's
    rules and signatures."""
    H, W = a.shape
    seen = seen_by(grey)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 226.0, 242.0, 6), (W, H)), np.float32)
    out = np.empty((H, W, 1 if grey else 3), np.float32)
    tint = seen((0.93, 0.97, 1.0))
    for y0 in range(0, H, 256):
        sl = slice(y0, y0 + 256)
        o = paper[sl][..., None] * tint
        typed = np.clip((255.0 - a[sl]) / 255.0 * 1.1, 0, 1)[..., None]
        penned = np.clip((255.0 - page.pen[sl].astype(np.float32)) / 255.0 * 0.85, 0, 1)[..., None]
        o = o * (1.0 - penned) + seen(PEN_INK) * penned
        out[sl] = o * (1.0 - typed) + seen(RIBBON) * typed
    return out


def flat(a: np.ndarray, page: ASPage) -> np.ndarray:
    """The typed sheet with its ruling, signatures and tapes, unscanned (``--pristine``)."""
    out = np.minimum(a, page.pen.astype(np.float32))[..., None]
    lay_on(out, page, seen_by(True), random.Random(page.seed))
    return np.asarray(out[..., 0], np.float32)


def scan(a: np.ndarray, page: ASPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The sheet with its tapes on the flatbed: its paper, typing and pen, the tapes laid on it; turned a little, an A4
    sheet grey at 300 dpi or colour at 200, an A3 one grey at 200. Returns the image, the 2x3 map from the drawn page to
    it, its dpi and no bend."""
    rng = random.Random(page.seed)
    grey, dpi = flatbed_mode(a.shape[1], page.as_.grey)
    out = _sheet(a, page, grey, rng)
    lay_on(out, page, seen_by(grey), rng)
    img, m = on_the_glass(np.clip(np.round(out), 0, 255).astype(np.uint8), grey, dpi, page.angle, np_rng)
    return img, m, dpi, None

