"""Family AT of the sample generator (held out from its making in session 43, 2026-12-08, helper s53-famat, to its one
measurement by the lead; evaluation seed 2069, development seeds 38001-38040): the monthly payroll of 1980-1996 of an
employer that closed without a successor (a glass works, a town's communal services enterprise, a woodworking combine, a
district post and telecommunications office, a brick and tile works, a co-operative farm; Толбухин, Станке Димитров and
Михайловград renamed in their years), typed by its payroll clerk on an office typewriter with a STANDARD CARRIAGE that
takes an A4 sheet upright only (fonts-nanum's NanumMyeongjo, its Cyrillic cut to 10 or 12 to the inch, 15 where the
table fits no other way; a black or violet fabric ribbon, the strokes a little spread; no en dash, quotation marks or
"№" on its keyboard: a hyphen, '"' and "Nо"), ruled in ink.

What makes AT's sheets hard (new): the table is too wide for one upright sheet, so the clerk TYPED IT ON TWO A4 SHEETS
AND JOINED THEM SIDE BY SIDE, each typed on its own (its own top margin, its own line feed):
- the left sheet: the employer and the sheet's number, the title and period, the headings, a row a person (the row
  number, the name, the ЕГН on three of four layouts, the post on two, the days on three, the base, the additional pay,
  gross), the "Всичко" under its money columns, the first signer;
- the right sheet: a line of its own ("(продължение)", "Продължение на л. 1", "л. 1-а": no employer, no title; the
  period again on some), the headings, the SAME PEOPLE AGAIN IN THE SAME ORDER, the row numbers typed again 1.. at its
  left ("Ред" again, no truth of its own), the surname or "И. П. Петров" again on two layouts (no truth), gross carried
  over on one (no truth), the itemised deductions (ДОД, the union's fee, the advance, a ДСК loan) on two layouts or only
  their total, net, the signature column on three; its own "Всичко" (the deductions' and net's totals; the itemised
  deductions' sums beside them, no truth), the other two signers;
- the two halves of a person's line are NOT level: the right sheet's paper was fed at another height and pasted a few
  millimetres higher or lower, so its rows sit up to about a row and a half above or below the left's (each month its
  own: a left row level with the next or the previous person's right half on many months), and a little crooked (up to
  half a degree, a degree where laid loose); on some files the right sheet was typed on the office's other machine
  (fonts-nanum's NanumGothicCoding, its own pitch, its line feed 3-4 per cent longer or shorter, so the halves drift
  apart down the sheet);
- a truth row is the person's left line and right line of the same number (its box round both), the truth's totals the
  two "Всичко" rows' fields; no value is corrected, every value of the truth is typed once and readable.

The join and the capture: glued (the right sheet pasted over the left's right margin by 8-20 mm, the glue's darker band
under the right sheet's edge and its thin shadow), taped from behind (the sheets butted, a hairline gap, the tape's
strips showing through as a darker band), or laid loose side by side on the glass (a gap of 3-12 mm, the right sheet
turned on its own); scanned together on an A3 flatbed, a little turned, grey at 200 dpi (under ~5 MB). Neither sheet's typing lies on
the join.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from decimal import Decimal

import cv2
import numpy as np
from PIL import Image

from .content import EmployerFile, SheetContent, amount_or_nought
from .degrade import map_box, map_points
from .family_ah import LINE
from .family_ai import own_drawing
from .family_al import amount, type_cells
from .family_al import cell as al_cell
from .family_am import PITCHES, Desk, _least, at_desk, staffed
from .family_an import typed_month
from .family_ao import PayHabit, initials, pay_rows
from .handwork import on_the_glass, signature, smooth_field
from .render import Geometry, Style

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)
UNPRINTED = frozenset({"tax", "union_fee", "advance"})  # withheld where a layout prints only the deductions' total
OWN = ("row2", "name2", "gross2")  # the right sheet's row number, name and gross again: no truth

# the table's columns: the left sheet's up to "row2", the right sheet's from it; "signature" no field
AT_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay",
     "row2", "tax", "union_fee", "advance", "loan", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay",
     "row2", "name2", "deductions", "net_pay", "signature"),
    ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay",
     "row2", "gross2", "tax", "advance", "loan", "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "position", "base_pay", "extra_pay", "gross_pay",
     "row2", "name2", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AT: dict[str, str] = {
    "row": "Ред\nпо\nвед.",
    "egn": "ЕГН\nна работ-\nника",
    "name": "Име, бащино и\nфамилно име\nна лицето",
    "position": "Длъжност\nпо щатно\nразпис.",
    "days_worked": "Явени\nдни",
    "base_pay": "Заработ.\nза явени\nдни",
    "extra_pay": "Други\nдобавки\nи премии",
    "gross_pay": "Заработено\nвсичко\nлв.",
    "row2": "Ред\nпо\nвед.",
    "name2": "Фамилия",
    "gross2": "Пренос\nзаработено",
    "tax": "Данък\nобщ доход\nпо табл.",
    "union_fee": "Член-\nски внос\nБПС",
    "advance": "Аванс\nизплатен\nна 15-то",
    "loan": "Удръжка\nДСК\nзаем",
    "deductions": "Удръжки\nобщо\nлв.",
    "net_pay": "Остава\nза раз-\nдаване",
    "signature": "Разпис.\nза по-\nлучено",
}

MYEONGJO = "nanum/NanumMyeongjo.ttf"
CODING = "nanum/NanumGothicCoding.ttf"  # the office's other machine (the right sheet on some files)
# a font package none of A-AS uses (scripts/setup.sh: fonts-nanum): its Cyrillic cut to the typewriter's pitch
AT_FACES: dict[str, tuple[str, ...]] = {"typewriter": (MYEONGJO,)}
AT_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AT_MONEY = (("", ","), ("", "."), (" ", ","), ("'", "."))  # (thousands from 1991, decimal)
MM = 300 / 25.4  # pixels a millimetre at 300 dpi
A4 = (2480, 3508)  # an upright A4 sheet at 300 dpi (W, H)
JOINS = ("glued", "taped", "loose")
PAD = 30  # the lid round the joined sheets on the drawn page (pixels at 300 dpi)

EMPLOYERS = (
    ('Завод за стъкло "Ал. Стамболийски" - гр. Толбухин', ("стъклар", "духач", "шлифовчик", "общ работник", "огняр",
                                                          "шофьор", "технолог")),
    ('Районно предприятие "Комунални услуги" - гр. Михайловград', ("водопроводчик", "електротехник", "общ работник",
                                                                   "шофьор", "касиер", "бояджия", "зидар")),
    ('Дървообработващ комбинат "Гео Милев" - гр. Станке Димитров', ("дърводелец", "машинист", "стругар",
                                                                    "общ работник", "шофьор", "склададжия")),
    ("Районна служба Пощи и далекосъобщения - гр. Враца", ("пощальон", "телефонистка", "касиер", "шофьор", "чистачка",
                                                           "монтьор")),
    ("Завод за тухли и керемиди - гр. Елхово", ("тухлар", "пещар", "общ работник", "огняр", "майстор", "шофьор")),
    ('ТКЗС "Христо Ботев" - с. Крива бара, Михайловградско', ("тракторист", "кравар", "полевъд", "свинар",
                                                             "счетоводител", "бригадир")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1992, "Станке Димитров", "Дупница"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„“№"  # the typewriter has no en dash, no low or high quotation mark, no "№": a hyphen, '"' and "Nо"
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "Ведомост за изплащане на заплатите", "РАЗЧЕТНА ВЕДОМОСТ")
PERIODS = ("за месец {word} {y} г.", "за м. {mm}.{y} г.", "м. {upper} {y} г.")
GOONS = ("(продължение)", "Продължение на л. {n}", "л. {n}-а (продължение)")  # the right sheet's own line
TOTALS = ("ВСИЧКО:", "Всичко:", "ОБЩО:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Директор:"), ("ТРЗ:", "Счетоводител:", "Касиер:"))
RIBBONS = {"black": 28.0, "violet": 70.0}  # the ribbon's ink as a grey scan sees it
AT_PAY = PayHabit(extra=(0, 0, 4, 6, 8, 10, 12), advance=(30, 40, 50), loan=(0, 0, 5, 8), tax=(50, 110),
                  drop=("advance", "loan"))  # fmt: skip


@dataclass
class ATHabits:
    """One AT file's switches, drawn once per file."""

    layout: int  # which of AT_LAYOUTS
    face: str
    cpi: int  # 10 or 12 to the inch (15 where a sheet's half of the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    spacing: float  # the rows 2 or 1 1/2 lines apart (closer where they would overrun the sheet)
    other: bool  # the right sheet typed on the office's other machine (another face, pitch and line feed)
    feed: float  # the right machine's line feed to the left's (1.0 on the same machine)
    join: str  # "glued", "taped" or "loose" (each month's offset, turn and gap drawn by adapt_sheet)
    name2: str  # the right sheet's name again: "surname" or "initials" (layouts that print it)
    goon: int  # which of GOONS
    period_again: bool  # the right sheet repeats the period
    ribbon: str  # "black" or "violet"
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_at.render


def draw(rng: random.Random) -> ATHabits:
    thousands, decimal = rng.choice(AT_MONEY)
    other = rng.random() < 0.35
    return ATHabits(
        layout=rng.randrange(len(AT_LAYOUTS)), face=rng.choice(AT_FACES["typewriter"]), cpi=rng.choice((10, 12, 12)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        spacing=rng.choice((1.5, 2.0)), other=other,
        feed=rng.choice((0.96, 0.97, 1.03, 1.04)) if other else 1.0, join=rng.choice(JOINS), name2=rng.choice(("surname", "initials")), goon=rng.randrange(len(GOONS)),
        period_again=rng.random() < 0.5, ribbon=rng.choice(("black", "black", "violet")),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, at: ATHabits, rng: random.Random) -> None:
    """An AT file: an employer's 10-30 people, each in one of its posts."""
    staffed(ef, at, rng, EMPLOYERS, RENAMED, AT_LAYOUTS, people=(10, 30))


def adapt_sheet(sheet: SheetContent, at: ATHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AT month: a row a present person (its left and right halves one truth row); the sheet's totals over the
    payroll-page/1 fields; the file's number formats and words."""
    lay = AT_LAYOUTS[at.layout]
    rows = pay_rows(sheet, at, ef, lay, rng, AT_PAY, frozenset() if set(lay) & set(PARTS) else UNPRINTED)
    for r in rows:  # the right sheet's name again: no truth
        r["name2"] = str(r["name"]).split()[-1] if at.name2 == "surname" else initials(str(r["name"]))
    typed_month(sheet, at, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third layout prints no ЕГН
    gap = {"glued": (8.0, 20.0), "taped": (0.0, 1.5), "loose": (3.0, 12.0)}[at.join]
    sheet.extra["at_job"] = {
        "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS),
        "sheet_word": rng.choice(("Лист {n}", "л. {n}", "стр. {n}")),
        "offset": rng.uniform(-1.5, 1.5),  # the right sheet's rows below (+) or above the left's, in rows
        "tilt": rng.uniform(-0.5, 0.5) if at.join != "loose" else rng.uniform(-1.0, 1.0),  # its turn (degrees)
        "gap_mm": rng.uniform(*gap),  # glued: the overlap; taped, loose: the gap between the sheets
    }  # fmt: skip


def style(at: ATHabits, rng: random.Random, base: Style) -> None:
    """An AT page's style: the typewriter's face, no generic ruling or marks (the rest is drawn by family_at.render)."""
    del rng
    own_drawing(base, at.face, AT_SIZES["typewriter"][0], True)


# --- the two sheets typed ---


def halves(lay: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The left sheet's columns and the right sheet's (from its row number again)."""
    k = lay.index("row2")
    return lay[:k], lay[k:]


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    """What a row prints in column ``c``: the right sheet's row number, name and gross again, else AL's cell."""
    if c == "row2":
        return str(r["row"])
    if c == "name2":
        return str(r["name2"])
    if c == "gross2":
        return amount(r["gross_pay"], sheet)
    return al_cell(c, r, sheet)


def parts_sums(sheet: SheetContent) -> dict[str, Decimal]:
    """The right sheet's sums that are no truth: the itemised deductions' and the carried gross's."""
    out = {c: sum((amount_or_nought(r[c]) for r in sheet.rows), Decimal(0)) for c in PARTS if c in sheet.layout}
    if "gross2" in sheet.layout:
        out["gross2"] = sheet.totals["gross_pay"]
    return out


def label_column(cols: tuple[str, ...]) -> str:
    """The column a sheet's "Всичко" is typed in: the name's (again), else the row number's (widened to hold it)."""
    return next(c for c in ("name", "name2", "row2") if c in cols)


def widths_of(sheet: SheetContent, cols: tuple[str, ...]) -> list[int]:
    """A sheet's column widths in characters: the headings, the rows, the sums, the "Всичко" label."""
    job = sheet.extra["at_job"]
    assert isinstance(job, dict)
    sums = {**sheet.totals, **parts_sums(sheet)}
    out = []
    for c in cols:
        w = [len(s) for s in HEADINGS_AT[c].split("\n")] + [len(cell(c, r, sheet)) for r in sheet.rows]
        w += [len(amount(sums[c], sheet))] if c in sums else []
        w += [len(str(job["total"]))] if c == label_column(cols) else []
        out.append(max(*w, _least(c) if c not in OWN else 3))
    return out


def lines_of(rows: int, spacing: float) -> float:
    """The lines a sheet takes from its first line to its signers'."""
    return 5.5 + 3 + 0.15 + rows * spacing + 1 + 2.5 + 1


def pitch_for(ws: list[int], cpi: int, room: float) -> int:
    """The pitch (pixels a character) a sheet's columns ``ws`` fit ``room`` pixels at: the machine's, 12 or 15 to the
    inch."""
    end = sum(ws) + 2 * (len(ws) - 1)
    for c in sorted(c for c in PITCHES if c >= cpi):
        if end * PITCHES[c] <= room:
            return PITCHES[c]
    raise AssertionError(f"a sheet's half of the table overran the paper: {ws}")


def spacing_for(at: ATHabits, rows: int) -> float:
    """The rows' spacing: the file's, or closer where the rows would overrun the sheet (the right machine's longer line
    feed too)."""
    longest = max(1.0, at.feed)
    return next(s for s in (2.0, 1.5, 1.0) if s <= at.spacing and
                (lines_of(rows, s * longest) * LINE + 260 <= A4[1] - 160 or s == 1.0))  # fmt: skip


@dataclass
class Half:
    """One sheet typed: its ink (0..1), the pen's layer (255 none), its geometry, every typed string's box, each row's
    line (pixels, its own sheet's) and where its table ends (pixels)."""

    ink: np.ndarray
    pen: np.ndarray
    geo: Geometry
    keep: list[tuple[int, int, int, int]]
    xl: float
    xr: float


def _type_half(desk: Desk, sheet: SheetContent, cols: tuple[str, ...], sp: float, pitch: int, rng: random.Random) -> float:
    """A sheet's rows and its "Всичко" typed at ``desk`` (its columns ``cols``), each row boxed and signed where the sheet
    has a signature column; gives the line after the totals."""
    job = sheet.extra["at_job"]
    assert isinstance(job, dict)
    ball, starts, ws, geo = desk.ball, desk.starts, desk.ws, desk.geo
    y, n = desk.y, len(sheet.rows)
    for i, r in enumerate(sheet.rows, 1):
        texts = [cell(c, r, sheet) for c in cols]
        type_cells(ball, geo, i, cols, [t if c not in OWN else "" for c, t in zip(cols, texts, strict=True)], starts,
                   ws, y)  # fmt: skip
        for j, (c, t) in enumerate(zip(cols, texts, strict=True)):  # the right sheet's row number and name again
            if c in OWN and t:
                ball.text(starts[j] + (0 if c == "name2" else ws[j] - len(t)), y, t)
        if "signature" in cols and rng.random() < 0.85:
            j = cols.index("signature")
            signature(desk.pen, ball.x(starts[j]), ball.y(y) - 0.3 * LINE, ws[j] * pitch, rng)
        desk.row_box(y)
        y += sp
    y += 1 - sp
    desk.rule(ball.y(y) - 0.85 * LINE)
    ball.text(starts[cols.index(label_column(cols))], y, str(job["total"]))
    for c, v in {**sheet.totals, **parts_sums(sheet)}.items():
        if c not in cols:
            continue
        j, t = cols.index(c), amount(v, sheet)
        ball.text(starts[j] + ws[j] - len(t), y, t)
        if c in sheet.totals:  # the truth's totals: cells of the totals row
            geo.cells.append((n + 1, j, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                         int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y) + 0.3 * LINE)], t))  # fmt: skip
    desk.close(y)
    return y + 2.5


def _half(sheet: SheetContent, at: ATHabits, cols: tuple[str, ...], j0: int, rng: random.Random, face: str,
          pitch: int, left: float, sp: float, signers: list[str]) -> Half:  # fmt: skip
    """One sheet in the typewriter: its head (the left sheet's employer, title and period; the right sheet's own line),
    its headings, rows and "Всичко", its ``signers``."""
    job = sheet.extra["at_job"]
    assert isinstance(job, dict)
    typed = copy.copy(sheet)
    word = str(job["sheet_word"])
    if j0:  # the right sheet: its own line, the period again on some
        typed.employer, typed.title = GOONS[at.goon].format(n=sheet.sheet), ""
        typed.period_text = sheet.period_text if at.period_again else ""
        word = ""
    ws = widths_of(sheet, cols)
    machine = _Face(face)
    desk = at_desk(typed, machine, rng, "A4P", pitch, ws, [HEADINGS_AT[c].split("\n") for c in cols], word, left=left)
    y = _type_half(desk, sheet, cols, sp, pitch, rng)
    end = desk.end
    for q, who in enumerate(signers):
        at_col = round(q * end / max(2, len(signers)))
        desk.ball.text(at_col, y, who)
        signature(desk.pen, desk.ball.x(at_col + len(who) + 1), desk.ball.y(y) - 0.3 * LINE, 9 * pitch, rng)
    assert desk.ball.y(y) < A4[1] - 60, "the sheet's lines overran its paper"
    fabric = np.clip(np.asarray(cv2.GaussianBlur(desk.ball.ink, (0, 0), 0.9), np.float32) * 1.7, 0, 1)  # a fabric ribbon
    ink = fabric * smooth_field(A4[1], A4[0], rng, 0.85, 1.0, 5)
    return Half(ink, np.asarray(desk.pen_img, np.uint8), desk.geo, list(desk.ball.boxes), desk.xl, desk.xr)


@dataclass
class _Face:
    face: str


def render(sheet: SheetContent, st: Style | None, at: ATHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The two sheets typed at 300 dpi and joined side by side: the left one (the employer, the title, the period, the
    people's pay), the right one (its own line, the same people's deductions and net, their row numbers again), the
    right sheet's rows the month's offset (rows) below the left's and turned by its tilt; each ruled in ink. A row's box
    round both its halves. The pen's layer goes to ``sheet.extra["at_pen"]``, every typed string's box to ``at_keep``,
    the join (which sheet lies where) to ``at_join``."""
    del st
    job = sheet.extra["at_job"]
    assert isinstance(job, dict)
    lay, n = sheet.layout, len(sheet.rows)
    left_cols, right_cols = halves(lay)
    gap_mm, offset, tilt = float(job["gap_mm"]), float(job["offset"]), float(job["tilt"])
    over = gap_mm * MM if at.join == "glued" else 0.0
    sp = spacing_for(at, n)
    pitch_l = pitch_for(widths_of(sheet, left_cols), at.cpi, A4[0] - 180 - over - 80)
    face_r = CODING if at.other else at.face
    r_ws, r_room = widths_of(sheet, right_cols), A4[0] - over - 230
    same = (sum(r_ws) + 2 * (len(r_ws) - 1)) * pitch_l <= r_room  # the same machine types both where it can
    pitch_r = pitch_for(r_ws, rng.choice((10, 12)), r_room) if at.other or not same else pitch_l
    signers = [str(s) for s in job["signers"]]
    lh = _half(sheet, at, left_cols, 0, rng, at.face, pitch_l, 140 + rng.uniform(0, 40), sp, signers[:1])
    rh = _half(sheet, at, right_cols, len(left_cols), rng, face_r, pitch_r, over + 110 + rng.uniform(0, 40),
               sp * at.feed, signers[1:])  # fmt: skip
    # where the right sheet lies: beside the left, its first row ``offset`` rows below the left's, turned
    x_r = PAD + A4[0] - over if at.join == "glued" else PAD + A4[0] + gap_mm * MM
    dy = lh.geo.row_bboxes[0][3] - rh.geo.row_bboxes[0][3] + offset * sp * LINE
    top = PAD + max(0.0, -dy)
    W, H = int(x_r + A4[0] + PAD), int(A4[1] + abs(dy) + 2 * PAD)
    m_l = np.array([[1.0, 0.0, float(PAD)], [0.0, 1.0, top]])
    m_r = cv2.getRotationMatrix2D((A4[0] / 2, A4[1] / 2), tilt, 1.0)
    m_r[:, 2] += np.array([x_r, top + dy])
    ink = np.zeros((H, W), np.float32)
    pen = np.full((H, W), 255, np.uint8)
    papers = np.zeros((H, W), np.uint8)  # 0 none (the lid), 1 the left sheet, 2 the right one
    t, sl = int(round(top)), slice(PAD, PAD + A4[0])
    ink[t : t + A4[1], sl] = lh.ink
    pen[t : t + A4[1], sl] = lh.pen
    papers[t : t + A4[1], sl] = 1
    r_ink = cv2.warpAffine(rh.ink, m_r, (W, H), flags=cv2.INTER_LINEAR)
    r_pen = cv2.warpAffine(rh.pen, m_r, (W, H), flags=cv2.INTER_LINEAR, borderValue=255)
    r_paper = cv2.warpAffine(np.ones(rh.ink.shape, np.uint8), m_r, (W, H), flags=cv2.INTER_NEAREST)
    on = r_paper > 0
    ink[on], pen[on], papers[on] = r_ink[on], r_pen[on], 2  # the right sheet over the left's margin where glued
    del r_ink, r_pen
    geo = _joined_geometry(lh, rh, m_l, m_r, len(left_cols), n, W, H)
    sheet.extra["at_pen"] = pen
    sheet.extra["at_papers"] = papers
    sheet.extra["at_keep"] = [tuple(map_box(list(b), m_l)) for b in lh.keep] + [
        tuple(map_box(list(b), m_r)) for b in rh.keep]
    sheet.extra["at_join"] = (float(x_r), float(over), gap_mm)
    img = Image.fromarray(np.asarray(np.round(255.0 * (1.0 - np.clip(ink, 0, 1))), np.uint8), "L")
    return img, geo


def _joined_geometry(lh: Half, rh: Half, m_l: np.ndarray, m_r: np.ndarray, k: int, n: int, W: int,
                     H: int) -> Geometry:  # fmt: skip
    """The truth's geometry on the joined page: each row's box round its left and right halves, its polygon round both
    (joined at the sheets' meeting), the cells of both sheets (the right sheet's columns after the left's), the table's
    box round both tables."""
    geo = Geometry(W, H)
    geo.cells = [(i, j, map_box(b, m_l), s) for i, j, b, s in lh.geo.cells]
    geo.cells += [(i, j + k, map_box(b, m_r), s) for i, j, b, s in rh.geo.cells]
    for q in range(n):
        a, b = map_box(lh.geo.row_bboxes[q], m_l), map_box(rh.geo.row_bboxes[q], m_r)
        geo.row_bboxes.append([min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])])
        x0, y0, x1, y1 = rh.geo.row_bboxes[q]
        right = map_points(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float64), m_r)
        geo.row_polygons.append([[float(a[0]), float(a[1])], [float(a[2]), float(a[1])], *right[:3].tolist(),
                                 right[3].tolist(), [float(a[2]), float(a[3])], [float(a[0]), float(a[3])]])  # fmt: skip
    ta, tb = map_box(lh.geo.table_bbox, m_l), map_box(rh.geo.table_bbox, m_r)
    geo.table_bbox = [min(ta[0], tb[0]), min(ta[1], tb[1]), max(ta[2], tb[2]), max(ta[3], tb[3])]
    return geo


# --- the join and the scan ---


@dataclass
class ATPage:
    at: ATHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    papers: np.ndarray  # 0 the lid, 1 the left sheet, 2 the right one
    join: tuple[float, float, float]  # the right sheet's left edge (pixels), the overlap (pixels), the gap (mm)
    angle: float  # the joined sheets turned on the glass (degrees)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, at: ATHabits, rng: random.Random) -> ATPage:
    """The joined sheets as laid on the glass: the pen's layer, which sheet lies where, the join, the turn."""
    del img, geo
    pen, papers, join = sheet.extra["at_pen"], sheet.extra["at_papers"], sheet.extra["at_join"]
    assert isinstance(pen, np.ndarray) and isinstance(papers, np.ndarray) and isinstance(join, tuple)
    return ATPage(at, rng.randrange(1 << 30), pen, papers, join, rng.uniform(-0.8, 0.8))


def flat(a: np.ndarray, page: ATPage) -> np.ndarray:
    """The joined sheets with their ruling and signatures, the lid white round them, unscanned (``--pristine``)."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def _join_marks(paper: np.ndarray, page: ATPage, rng: random.Random) -> None:
    """What the join leaves on the paper's grey (in place): glued, the glue's darker band under the right sheet's edge
    and the edge's thin shadow on the left sheet; taped, the tape's strips through the paper, a darker band across the
    meeting; loose, each sheet's edge a thin shadow on the lid."""
    at, papers = page.at, page.papers
    x_r, over, gap_mm = page.join
    H, W = paper.shape
    xs = np.arange(W, dtype=np.float32)[None, :]
    edge = np.zeros((H, W), np.float32)
    rows = np.arange(H)
    first = np.argmax(papers == 2, axis=1).astype(np.float32)  # the right sheet's left edge on each line
    has = (papers == 2).any(axis=1)
    first[~has] = np.float32(W)
    d = xs - first[:, None]  # across the right sheet's left edge
    if at.join == "glued":
        glue = smooth_field(H // 16 + 1, max(1, int(over)) // 16 + 2, rng, 0.9, 0.97, 4)
        tone = cv2.resize(glue, (max(1, int(over)), H))
        for y in rows[has]:
            x0 = int(first[y])
            x1 = min(W, x0 + int(over))
            paper[y, x0:x1] *= tone[y, : x1 - x0]
        edge = np.where((d < 0) & (d > -5), np.float32(0.82), np.float32(1.0))
    elif at.join == "taped":
        mid = x_r - gap_mm * MM / 2
        for q in range(rng.randint(2, 3)):  # strips of tape on the back across the meeting
            y0 = rng.uniform(0.05, 0.75) * H if q else rng.uniform(0.0, 0.1) * H
            y1 = min(H, y0 + rng.uniform(0.15, 0.4) * H)
            half = 19 * MM / 2
            sl = slice(int(y0), int(y1))
            inside = (np.abs(xs - mid - rng.uniform(-8, 8)) < half) & (papers[sl] > 0)
            paper[sl] *= np.where(inside, np.float32(rng.uniform(0.95, 0.975)), np.float32(1.0))
        edge = np.where((d < 0) & (d > -4) & (papers == 0), np.float32(0.75), np.float32(1.0))
    else:
        edge = np.where((d < 0) & (d > -6) & (papers == 0), np.float32(0.8), np.float32(1.0))
    left_edge = (papers == 0) & (np.roll(papers, 5, axis=1) == 1)  # the left sheet's right edge on the lid
    paper *= edge
    paper[left_edge] *= np.float32(0.85)


def scan(a: np.ndarray, page: ATPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The joined sheets on an A3 flatbed: each sheet's paper (the right one of another ream: a little lighter or
    darker), the lid white between and round them, the join's marks, the ribbon's ink and the ballpoint's rules and
    signatures; turned a little, grey at 200 dpi. Returns the image, the 2x3 map from the drawn page to it, its dpi and
    no bend."""
    rng = random.Random(page.seed)
    H, W = a.shape
    field = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 224.0, 240.0, 7), (W, H)), np.float32)
    tone = np.array([246.0, 1.0, rng.uniform(0.96, 1.03)], np.float32)  # the lid's white; each sheet's share
    paper = np.where(page.papers == 0, tone[0], field * tone[np.clip(page.papers, 1, 2)])
    del field
    _join_marks(paper, page, rng)
    ink = np.clip((255.0 - a) / 255.0 * 1.1, 0, 1)
    pen = np.clip((255.0 - page.pen.astype(np.float32)) / 255.0 * 0.85, 0, 1)
    out = paper * (1.0 - pen) + 60.0 * pen
    out = out * (1.0 - ink) + RIBBONS[page.at.ribbon] * ink
    del paper, ink, pen
    img, m = on_the_glass(np.clip(np.round(out), 0, 255).astype(np.uint8)[..., None], True, 200, page.angle, np_rng)
    return img, m, 200, None
