"""Family AR of the sample generator (held out from its making in session 41, 2026-12-07, helper s51-famar, to its one
measurement by the lead at the start of session 42; evaluation seed 2067, development seeds 36001-36040): the monthly payroll of 1980-1996 of an
employer with many people on few columns that closed without a successor (a construction combine's building site, a
state farm, a sewing co-operative's shop, a sugar works, a town's cleaning enterprise, a canning works; Толбухин and
Михайловград renamed in their years), typed by its payroll clerk on an electric typewriter with a rounded gothic
typeball (fonts-motoya-l-maruberi's Motoya L Maruberi cut to 12 or 15 to the inch; a black or blue ribbon; no en dash,
quotation marks or "№" on its keyboard: a hyphen, '"' and "Nо") on an A3 sheet turned, ruled in ink with a ruler.

What makes AR's fields hard (new): the list is long (26-56 people) and the table narrow, so the clerk typed it SNAKED in
two blocks SIDE BY SIDE on the one sheet, as a newspaper sets its columns: the first people down the left half under
the column headings, the rest down the right half under the same headings typed again (in shorter words on some files),
the row numbers running on (1-20 on the left, 21-38 on the right), the gap between the blocks a few characters wide,
one blank between the columns where two would not fit (a name longer than 20 characters typed with the father's
initial, "Иван П. Георгиев", where even that would not: the truth as typed);
- the left block split off evenly (half the people each side) or two to six rows the longer (the right block the
  shorter), its line after the last row the block's sums on most files: carried over ("Пренася се:" at the left
  block's foot, "Пренос:" with the same sums at the right block's head) or each block's own "Сума:" (none of them a
  truth row or the truth's totals), or nothing;
- the sheet's "Всичко" (the truth's totals: the sums over both blocks) at the right block's foot only;
- so a line of the page holds two people (the left block's row k and the right block's row k + the left's count), each
  with every field: a truth row is one block's line (its box that block's part of the line), in reading order the
  left block's rows, then the right's;
- the rows 1, 1 1/2 or 2 lines apart (closer where the longer block would overrun the sheet); both blocks' headings
  between the same rules, the rows typed line by line across the sheet;
- the itemised deductions (ДОД, the union's fee, the advance) on two of four layouts (only their total on the others,
  withheld all the same), the days on three, the post on one, the ЕГН on three (the truth's ЕГН null on the third
  layout, its days null on the fourth).
No value is corrected (no correction marks); every value of the truth is typed once and readable.

The capture (new): the archive had only an A4 flatbed, so the A3 sheet was scanned in TWO PASSES, its left and its
right half (each over the glass's 297 mm with some overlap), and the two scans joined into one image by the scanning
software: a seam down the middle of the sheet (within 15 mm of it, so through the gap between the blocks or through the
outer columns of one of them); the right pass a little higher or lower (up to 5 pixels at 300 dpi) and turned against
the left (up to 0.2 degrees: its lines sloping away from the seam, a sheared copy), its light a few per cent brighter or
darker, the overlap cut hard at the seam (a faint line of the glass's edge down it on some files) or blended across a
band of 40-160 pixels (the strokes there doubled a little); the title and the period centred across the sheet broken at
the seam. The truth's boxes follow each pass. Scanned grey at 200 dpi, the joined image a little turned (under ~5 MB).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from .content import EmployerFile, SheetContent, amount_or_nought
from .family_ah import LINE, _Typeball
from .family_ai import own_drawing
from .family_al import amount, type_cells, type_headings
from .family_al import cell as al_cell
from .family_am import PAPERS, PITCHES, Desk, staffed
from .family_an import typed_month
from .family_ao import PayHabit, pay_rows
from .family_ap import short_name
from .handwork import on_the_glass, signature, smooth_field
from .render import Geometry, Style

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)
UNPRINTED = frozenset({"tax", "union_fee", "advance"})  # withheld where a layout prints only the deductions' total

# a block's columns (both blocks the same); "signature" no field
AR_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
    ("row", "egn", "name", "days_worked", "gross_pay", "tax", "advance", "deductions", "net_pay"),
    ("row", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee", "deductions", "net_pay"),
)  # fmt: skip

# each column's words: the first the left block's, the second the right block's where it is typed shorter
HEADINGS_AR: dict[str, tuple[str, ...]] = {
    "row": ("Nо\nпо\nсписък", "Nо"),
    "egn": ("ЕГН\n(по л.к.)", "ЕГН"),
    "name": ("Собствено, бащино\nи фамилно име", "Име"),
    "position": ("Профе-\nсия", "Проф."),
    "days_worked": ("Раб.\nдни\nм-ца", "Дни"),
    "base_pay": ("Заработ.\nпо\nосновна", "Осн."),
    "extra_pay": ("Доба-\nвъчни", "Доб."),
    "gross_pay": ("Общо\nзарабо-\nтено", "Общо"),
    "tax": ("ДОД\nза м-ца", "ДОД"),
    "union_fee": ("Проф-\nсъюз", "ПС"),
    "advance": ("Аванс\nм-ца", "Ав."),
    "deductions": ("Общо\nудърж.", "Удр."),
    "net_pay": ("Оста-\nва за\nплащане", "Остава"),
    "signature": ("Подпис\nполуч.", "Подп."),
}

MARUBERI = "motoya-l-maruberi/MTLmr3m.ttf"
# a font package none of A-AQ uses (scripts/setup.sh: fonts-motoya-l-maruberi): its Cyrillic cut to the typeball's pitch
AR_FACES: dict[str, tuple[str, ...]] = {"typewriter": (MARUBERI,)}
AR_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AR_MONEY = (("", ","), ("", "."), (" ", ","), ("'", "."))  # (thousands from 1991, decimal)
A3L = "A3L"  # an A3 sheet turned (family_am.PAPERS)
MM = 300 / 25.4  # pixels a millimetre at 300 dpi
TOP = 200.0  # the first line's baseline (pixels at 300 dpi; the typeball's top, give or take 20)
ROOM = 30  # the most rows a block holds on the sheet one line apart
SHORTER = 20  # a name longer than this typed with the father's initial where the blocks would not fit

EMPLOYERS = (
    ('СМК "Вратица" - Строително управление 2, гр. Враца', ("зидар", "кофражист", "арматурист", "общ работник",
                                                           "бригадир", "кранист")),
    ('ДЗС "Добруджа" - гр. Толбухин', ("тракторист", "комбайнер", "полевъд", "общ работник", "пазач", "бригадир")),
    ('ТПК "Родина" - шивашки цех, гр. Михайловград', ("шивачка", "кроячка", "гладачка", "контрольор", "майстор",
                                                      "общ работник")),
    ("Захарни заводи - гр. Горна Оряховица", ("апаратчик", "центрофугист", "шлосер", "общ работник", "лаборант",
                                              "огняр")),
    ('ОП "Чистота" - гр. Пазарджик', ("метач", "шофьор", "общ работник", "сметосъбирач", "механик", "бригадир")),
    ('Консервна фабрика "Марица" - гр. Пловдив', ("работничка", "опаковач", "машинист", "лаборант", "склададжия",
                                                  "шофьор")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„“№"  # the typewriter has no en dash, no low or high quotation mark, no "№": a hyphen, '"' and "Nо"
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "Разплащателна ведомост за заплатите", "ВЕДОМОСТ за изплащане на заплати")
PERIODS = ("за месец {word} {y} г.", "за м. {mm}. {y} г.", "МЕСЕЦ {upper} {y}")
CARRIES = (("Пренася се:", "Пренос:"), ("За пренасяне:", "Пренесено:"))  # the left block's foot, the right one's head
SUMS = ("Сума:", "Всичко блок:")
TOTALS = ("ВСИЧКО:", "Всичко по ведомостта:", "Общо:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Директор:"), ("Изготвил ТРЗ:", "Счетоводител:", "Касиер:"))
RIBBONS = {"black": 0.0, "blue": 18.0}  # how much lighter than black the ribbon's ink comes out grey
AR_PAY = PayHabit(extra=(0, 0, 4, 6, 8, 10, 15, 20), advance=(25, 30, 40), loan=(0,), tax=(50, 110),
                  drop=("advance", "loan"))  # fmt: skip


@dataclass
class ARHabits:
    """One AR file's switches, drawn once per file."""

    layout: int  # which of AR_LAYOUTS
    face: str
    cpi: int  # 12 to the inch (15 where the blocks fit no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    spacing: float  # the rows 1, 1 1/2 or 2 lines apart (closer where the longer block would overrun the sheet)
    split: str  # "even": half the people each side; "full": the left block down to the sheet's foot
    carry: str  # the blocks' sums: "carry" (carried over), "sums" (each its own), "none"
    short_heads: bool  # the right block's headings in shorter words
    ribbon: str  # "black" or "blue"
    seam: float  # where the two passes meet, mm off the sheet's middle
    blend: int  # the overlap blended across this many pixels (300 dpi); 0: cut hard
    edge: bool  # a hard cut's faint line of the glass's edge
    step: float  # the right pass's offset down at the seam, pixels (300 dpi)
    tilt: float  # the right pass turned against the left, degrees
    exposure: float  # the right pass's light over the left's
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_ar.render


def draw(rng: random.Random) -> ARHabits:
    thousands, decimal = rng.choice(AR_MONEY)
    blend = rng.choice((0, 0, rng.randrange(40, 161)))
    return ARHabits(
        layout=rng.randrange(len(AR_LAYOUTS)), face=rng.choice(AR_FACES["typewriter"]), cpi=rng.choice((12, 15)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        spacing=rng.choice((1.0, 1.5, 2.0, 2.0)), split=rng.choice(("even", "full")),
        carry=rng.choice(("carry", "carry", "sums", "none")), short_heads=rng.random() < 0.4,
        ribbon=rng.choice(("black", "blue")), seam=rng.uniform(-15, 15), blend=blend,
        edge=blend == 0 and rng.random() < 0.6, step=rng.uniform(-5, 5), tilt=rng.uniform(-0.2, 0.2),
        exposure=rng.uniform(0.93, 1.06),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, ar: ARHabits, rng: random.Random) -> None:
    """An AR file: an employer's 26-56 people, each in one of its posts."""
    staffed(ef, ar, rng, EMPLOYERS, RENAMED, AR_LAYOUTS, people=(26, 56))


def adapt_sheet(sheet: SheetContent, ar: ARHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AR month: a row a present person; the sheet's totals over the payroll-page/1 fields (both blocks); the
    file's number formats and words; how many rows the left block holds."""
    lay = AR_LAYOUTS[ar.layout]
    rows = pay_rows(sheet, ar, ef, lay, rng, AR_PAY, frozenset() if set(lay) & set(PARTS) else UNPRINTED)
    typed_month(sheet, ar, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third layout prints no ЕГН
    n = len(rows)
    left = (n + 1) // 2 if ar.split == "even" else min(n - 2, (n + 1) // 2 + rng.randint(2, 6), ROOM)
    job: dict[str, object] = {
        "heads": {c: HEADINGS_AR[c][0] for c in lay},
        "heads_r": {c: HEADINGS_AR[c][1 if ar.short_heads else 0] for c in lay},
        "left": left, "carry": rng.choice(CARRIES), "sum": rng.choice(SUMS), "total": rng.choice(TOTALS),
        "signers": rng.choice(SIGNERS), "sheet_word": rng.choice(("Лист {n}", "л. {n}", "стр. {n}")),
    }  # fmt: skip
    sheet.extra["ar_job"] = job
    if fit(ar, widths_of(sheet)) is None:  # the blocks too wide: the long names typed with the father's initial
        for r in rows:
            if len(str(r["name"])) > SHORTER:
                r["name"] = short_name(str(r["name"]))


def style(ar: ARHabits, rng: random.Random, base: Style) -> None:
    """An AR page's style: the typeball's face on an A3 sheet turned, no generic ruling or marks (the rest is drawn by
    family_ar.render)."""
    del rng
    own_drawing(base, ar.face, AR_SIZES["typewriter"][0], True)


# --- the sheet typed in two blocks side by side ---


def block_sums(rows: list[dict[str, object]], lay: tuple[str, ...]) -> dict[str, Decimal]:
    """A block's sums (its money columns and itemised deductions over ``rows``)."""
    return {c: sum((amount_or_nought(r[c]) for r in rows), Decimal(0)) for c in lay if c in MONEY_FIELDS or c in PARTS}


def widths_of(sheet: SheetContent) -> list[int]:
    """The blocks' column widths in characters (both the same): the headings, the rows, the sums and the totals."""
    job = sheet.extra["ar_job"]
    assert isinstance(job, dict)
    lay, k = sheet.layout, int(job["left"])
    sums = [block_sums(sheet.rows[:k], lay), block_sums(sheet.rows[k:], lay), block_sums(sheet.rows, lay)]
    least = {"row": 3, "egn": 10, "name": 16, "position": 8, "signature": 8, "days_worked": 3}
    label = max(len(s) for s in (*job["carry"], job["sum"], job["total"]))
    out = []
    for c in lay:
        w = [len(s) for h in ("heads", "heads_r") for s in job[h][c].split("\n")]
        w += [len(al_cell(c, r, sheet)) for r in sheet.rows] + [least.get(c, 6)]
        w += [len(amount(s[c], sheet)) for s in sums if c in s]
        out.append(max(w) if c != "name" else max(*w, label))
    return out


def fit(ar: ARHabits, ws: list[int]) -> tuple[int, int, int] | None:
    """The pitch, the blank characters between two columns and the blocks' gap (characters) the two blocks fit across
    the A3 sheet at: the file's pitch or 15 to the inch, two blanks between the columns or one, a gap of 5 or 3; None
    where they do not."""
    W, _H = PAPERS[A3L]
    for c in sorted({ar.cpi, 15}):
        for sep in (2, 1):
            for gap in (5, 3):
                if (2 * (sum(ws) + sep * (len(ws) - 1)) + gap) * PITCHES[c] <= W - 2 * 130:
                    return PITCHES[c], sep, gap
    return None


def spacing_for(ar: ARHabits, rows: int, H: int) -> float:
    """The rows' spacing in lines: the file's, or closer where the longer block's ``rows`` would overrun the sheet
    (``H`` pixels high) with the title, the headings, the sums, the totals and the signers."""
    room = (H - 60 - TOP - 20) / LINE - 16
    return next(s for s in (2.0, 1.5, 1.0) if s <= ar.spacing and (rows * s <= room or s == 1.0))


def type_rows(desk: Desk, sheet: SheetContent, rows: list[dict[str, object]], first: int, lay: tuple[str, ...],
              pitch: float, y: float, sp: float, rng: random.Random) -> float:
    """The people's rows typed at ``desk`` from line ``y``, ``sp`` lines apart and numbered from ``first``, each
    signed (most) in a "signature" column and boxed; the line after the last row (also family AS's)."""
    ball, starts, ws = desk.ball, desk.starts, desk.ws
    for i, r in enumerate(rows, first):
        type_cells(ball, desk.geo, i, lay, [al_cell(c, r, sheet) for c in lay], starts, ws, y)
        if "signature" in lay and rng.random() < 0.85:
            j = lay.index("signature")
            signature(desk.pen, ball.x(starts[j]), ball.y(y) - 0.3 * LINE, ws[j] * pitch, rng)
        desk.row_box(y)
        y += sp
    return y + 1 - sp


def _sums_line(ball: _Typeball, label: str, vals: dict[str, Decimal], starts: list[int], ws: list[int],
               lay: tuple[str, ...], y: float, sheet: SheetContent) -> list[tuple[int, str, list[int]]]:  # fmt: skip
    """A line of sums under (or over) a block: the label in the name's column, each amount to its column's right; gives
    the typed amounts' (column, text, box)."""
    ball.text(starts[lay.index("name")], y, label)
    out = []
    for c, v in vals.items():
        t, j = amount(v, sheet), lay.index(c)
        ball.text(starts[j] + ws[j] - len(t), y, t)
        out.append((j, t, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE), int(ball.x(starts[j] + ws[j])) + 4,
                           int(ball.y(y) + 0.3 * LINE)]))  # fmt: skip
    return out


def render(sheet: SheetContent, st: Style | None, ar: ARHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi: the employer and the sheet's number over the whole sheet, the title and period
    centred across it; the left block (headings between ruled lines, its people, its sums or carry) and beside it the
    right block (the headings again, the carry on some, the rest of the people numbered on, its sums on some, the
    sheet's "Всичко"); the signers under both. Ruled in ink. A row's box its block's part of its line; the truth's
    heading cells the left block's. The pen's layer goes to ``sheet.extra["ar_pen"]``, every typed string's box to
    ``ar_keep``, where the blocks end (pixels) to ``ar_blocks``."""
    del st
    job = sheet.extra["ar_job"]
    assert isinstance(job, dict)
    lay, n, k = sheet.layout, len(sheet.rows), int(job["left"])
    ws = widths_of(sheet)
    fitted = fit(ar, ws)
    assert fitted is not None, f"the two blocks overran the sheet: {ws}"
    pitch, sep, gap = fitted
    W, H = PAPERS[A3L]
    block = sum(ws) + sep * (len(ws) - 1)
    end = 2 * block + gap
    side = max(130.0, (W - end * pitch) / 2 + rng.uniform(-30, 30))
    ball = _Typeball(ar, rng, W, H, pitch, side, TOP + rng.uniform(-20, 20))
    pen_img = Image.new("L", (W, H), 255)
    geo = Geometry(W, H)
    ball.text(0, 0, sheet.employer)
    word = str(job["sheet_word"]).format(n=sheet.sheet)
    ball.text(end - len(word), 0, word)
    ball.text(max(0, (end - len(sheet.title)) // 2), 2, sheet.title)
    ball.text(max(0, (end - len(sheet.period_text)) // 2), 3, sheet.period_text)
    y0, sp = 5.5, spacing_for(ar, max(k, n - k), H)
    carry = block_sums(sheet.rows[:k], lay)
    heads = [[job[h][c].split("\n") for c in lay] for h in ("heads", "heads_r")]
    n_head = max(len(h) for hs in heads for h in hs)
    ends: list[float] = []
    desks: list[Desk] = []
    for b, off in enumerate((0, block + gap)):
        starts = [off + int(s) for s in np.cumsum([0, *(w + sep for w in ws[:-1])])]
        desk = Desk(ball, pen_img, ImageDraw.Draw(pen_img), geo, starts, ws, starts[-1] + ws[-1], ball.x(off - 0.5),
                    ball.x(starts[-1] + ws[-1] + 0.5), y0, ball.y(y0) - 0.95 * LINE, rng, sep)  # fmt: skip
        desks.append(desk)
        desk.rule(desk.y_top)
        mark = len(geo.cells)
        type_headings(ball, geo, heads[b], starts, ws, y0)
        if b == 1:  # the right block's headings again: no cells of the truth
            del geo.cells[mark:]
        y = y0 + n_head  # both blocks' headings between the same rules: the rows typed line by line across the sheet
        desk.rule(ball.y(y) - 0.95 * LINE + 4)
        y += 0.15
        if b == 1 and ar.carry == "carry":  # the left block's sums carried over, on the first row's line
            _sums_line(ball, str(job["carry"][1]), carry, starts, ws, lay, y, sheet)
            y += sp
        rows = sheet.rows[:k] if b == 0 else sheet.rows[k:]
        y = type_rows(desk, sheet, rows, 1 if b == 0 else k + 1, lay, pitch, y, sp, rng)
        own = block_sums(rows, lay)
        if b == 0 and ar.carry != "none":
            desk.rule(ball.y(y) - 0.85 * LINE)
            _sums_line(ball, str(job["carry"][0] if ar.carry == "carry" else job["sum"]), own, starts, ws, lay, y, sheet)
            y += 1
        if b == 1:
            if ar.carry == "sums":
                desk.rule(ball.y(y) - 0.85 * LINE)
                _sums_line(ball, str(job["sum"]), own, starts, ws, lay, y, sheet)
                y += 1
            desk.rule(ball.y(y) - 0.85 * LINE)
            truth = {c: v for c, v in block_sums(sheet.rows, lay).items() if c in sheet.totals}
            for j, t, box in _sums_line(ball, str(job["total"]), truth, starts, ws, lay, y, sheet):
                geo.cells.append((n + 1, j, box, t))  # the truth's totals: cells of the totals row
            parts = {c: v for c, v in block_sums(sheet.rows, lay).items() if c in PARTS}
            _sums_line(ball, "", parts, starts, ws, lay, y, sheet)
            y += 1
        desk.close(y - 1)
        ends.append(y - 1)
    last = max(ends)
    geo.table_bbox = [int(desks[0].xl), int(desks[0].y_top), int(desks[1].xr), int(ball.y(last) + 0.35 * LINE + 8)]
    y = last + 2.5
    for q, who in enumerate(job["signers"]):
        at = round(q * end / 3)
        ball.text(at, y, str(who))
        signature(desks[0].pen, ball.x(at + len(who) + 1), ball.y(y) - 0.3 * LINE, 9 * pitch, rng)
    sheet.extra["ar_blocks"] = [desks[0].xr, desks[1].xl]
    return desks[0].lift(sheet, "ar", y, rng), geo


# --- the two passes and the joined scan ---


@dataclass
class ARPage:
    ar: ARHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    seam: float  # where the passes meet (pixels at 300 dpi)
    angle: float  # the joined image turned (degrees)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ar: ARHabits, rng: random.Random) -> ARPage:
    """Where the two passes meet: the sheet's middle moved by ``ar.seam`` millimetres; the joined image's turn."""
    del geo
    pen = sheet.extra["ar_pen"]
    assert isinstance(pen, np.ndarray)
    return ARPage(ar, rng.randrange(1 << 30), pen, img.width / 2 + ar.seam * MM, rng.uniform(-0.8, 0.8))


def flat(a: np.ndarray, page: ARPage) -> np.ndarray:
    """The typed sheet with its ruling and signatures, in one piece and unscanned (``--pristine``)."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def joined(page: ARPage, W: int) -> tuple[np.ndarray, np.ndarray]:
    """How the image is made of the two passes, column by column: the right pass's share (0 left of the seam, 1 right of
    it, a ramp across the blended band) and the right pass's shift down (pixels: its offset at the seam and its turn)."""
    ar = page.ar
    xs = np.arange(W, dtype=np.float32)
    if ar.blend:
        share = np.clip((xs - (page.seam - ar.blend / 2)) / ar.blend, 0, 1)
    else:
        share = (xs >= page.seam).astype(np.float32)
    shift = ar.step + (xs - page.seam) * math.tan(math.radians(ar.tilt))
    return np.asarray(share, np.float32), np.asarray(shift, np.float32)


def scan(a: np.ndarray, page: ARPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """The A3 sheet scanned in two passes on an A4 flatbed and joined: each pass the paper's grey and the ribbon's ink
    (the ruling and signatures in ballpoint), the right pass shifted down by ``joined``'s shift and its light times
    ``exposure``, the two mixed by the right pass's share (a hard cut's glass edge a faint line on some); the joined
    image turned a little, grey at 200 dpi. Returns the image, the 2x3 map from the drawn page to it, its dpi and the
    bend (the right pass's shift where it shows: the truth's boxes follow it)."""
    ar = page.ar
    rng = random.Random(page.seed)
    H, W = a.shape
    share, shift = joined(page, W)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 222.0, 240.0, 7), (W, H)), np.float32)
    ink = np.clip((255.0 - a) / 255.0 * 1.1, 0, 1)
    pen = np.clip((255.0 - page.pen.astype(np.float32)) / 255.0 * 0.85, 0, 1)
    sheet = paper * (1.0 - pen) + 60.0 * pen
    sheet = sheet * (1.0 - ink) + (30.0 + RIBBONS[ar.ribbon]) * ink
    del paper, ink, pen
    x0 = int(np.flatnonzero(share > 0)[0]) if (share > 0).any() else W
    right = sheet[:, x0:]
    yy = np.arange(H, dtype=np.float32)[:, None] - shift[None, x0:]
    xx = np.broadcast_to(np.arange(W - x0, dtype=np.float32)[None, :], yy.shape)
    moved = np.asarray(cv2.remap(right, np.ascontiguousarray(xx), yy, cv2.INTER_LINEAR, borderValue=235.0), np.float32)
    moved *= ar.exposure
    s = share[None, x0:]
    sheet[:, x0:] = right * (1.0 - s) + moved * s
    del moved, right, yy, xx
    if ar.edge:  # the glass's edge down the hard cut
        c = int(round(page.seam))
        sheet[:, max(0, c - 1) : c + 1] *= rng.uniform(0.9, 0.96)
    out = np.clip(np.round(sheet), 0, 255).astype(np.uint8)[..., None]
    del sheet
    img, m = on_the_glass(out, True, 200, page.angle, np_rng)
    return img, m, 200, np.asarray(share * shift, np.float64)
