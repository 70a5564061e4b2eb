"""Family AP of the sample generator (held out from its making in session 39, 2026-12-07, helper s49-famap, to its one
measurement by the lead at the start of session 40; evaluation seed 2065, development seeds 34001-34040): the monthly payroll of
1980-1996 of a small employer that closed without a successor and bought its payroll forms from the state printing
house (a district road administration, a veterinary clinic, a children's home, a car-repair shop, a fishery, a market
administration; Толбухин and Михайловград renamed in their years), TYPED on a PRE-PRINTED BLANK FORM ("Образец № 14-ТРЗ"
and the like) that was ruled for handwriting: the form's grid does not match the typewriter.

The form (printed by offset in one ink — green, brown-red, blue-grey or black — in a condensed gothic print of
fonts-takao-gothic's Takao P Gothic; A3 or A4 landscape): its code in the top corner, its title and subtitle, the printed
labels "Предприятие (учреждение)", "за месец ... 19 ... г." and "Лист №" each before a dotted line, the grid: a band of
printed column headings (two or three lines, small), on some forms a row of printed column numbers, 13-28 printed rows
of a pitch of 7, 8 or 8.5 mm (meant for a pen), the rows' numbers PRINTED in the first column on most forms, a printed
foot row "В с и ч к о", the printed signers' lines under the grid and the printing house's imprint in tiny print.
The form has columns the employer never fills ("Нощен труд", "Извънреден труд", "Болнични дни", "Запори": printed, left
blank on every row; no payroll-page/1 field) beside the ones it does (the ЕГН on three of four forms, the name, the post
on one, the days worked on three, the base, the additional pay, gross, the itemised deductions — ДОД, the union's fee,
the advance, a ДСК loan's instalment — their total, net, the signature).

What makes AP's fields hard (new): the typing is the typewriter's, the grid the printer's, and they disagree:
- the typist used the typewriter's line spacing (1 1/2 or 2 lines, 6.35 or 8.47 mm) on rows printed 7-8.5 mm apart, so
  the typed lines creep up or down across the printed rows, row by row, until she noticed and turned the platen to line
  the next row up again (on some files she lined up every row by eye, a little off each time): a typed line sits on a
  printed rule, its figures struck through by it, or high or low in its row, never more than about a third of a row off
  its printed row at its left end;
- the sheet went into the typewriter a little crooked (0.1-0.3 degrees): every typed line slants across the printed
  rules, further off its printed row at one end than at the other;
- the tab stops were set on the form's columns by eye at the typewriter's pitch (10, 12 or 15 to the inch) and the sheet
  sat a character or so left or right of where they were set: figures touch or cross the printed vertical rules, a
  wide figure (the 1990s' thousands) runs over into the neighbouring column, often a blank one;
- the printed rows under the last person stay empty with their printed numbers (no rows of the truth; on some files
  struck out with a ballpoint's Z); the totals typed either on the printed foot row "Всичко" (after the empty rows) or
  on the row after the last person with a typed "Всичко:" (the printed foot row left empty): the truth's totals;
- the employer, the month and the year's last two digits ("19" printed, "87" typed) and the sheet's number typed on the
  printed dotted lines, a little above or across them (the truth the typed values).
A name too long for its printed column typed with the father's name as an initial ("Иван П. Георгиев"; the truth as
typed). No value is corrected. One form prints no ЕГН (``egn_printed_only``: the truth's ЕГН null there).

The scan: the form's ink and the paper (white or a greyish recycled paper), the ribbon's typing (black or blue-black),
the ballpoint's signatures, on a flatbed a little turned, grey at 300 dpi or colour at 200, an A3 sheet grey at 200
(under ~5 MB).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import content
from .content import EmployerFile, SheetContent, pay_scale, working_days
from .family_ai import own_drawing
from .family_ai import renamed as ai_renamed
from .family_al import amount
from .family_al import cell as al_cell
from .family_am import PAPERS, PITCHES
from .family_an import typed_month
from .family_ao import PayHabit, month_pay
from .handwork import flatbed_mode, on_the_glass, seen_by, signature, smooth_field, typewriter_glyph
from .render import FONT_DIR, Geometry, Style, face_at, rect_polygon

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)
UNUSED = ("night", "overtime", "sick_days", "garnish")  # printed columns the employer never fills (no field)
MM = 300 / 25.4  # pixels a millimetre at 300 dpi
LINE = 50.0  # the typewriter's single line at 300 dpi (six to the inch)

# each form: its code, its paper, its printed columns (the column, its width in mm)
AP_FORMS: tuple[tuple[str, str, tuple[tuple[str, float], ...]], ...] = (
    ("Образец № 14-ТРЗ", "A3L", (("row", 10), ("egn", 25), ("name", 56), ("position", 26), ("days_worked", 13),
                                 ("night", 15), ("overtime", 15), ("base_pay", 25), ("extra_pay", 23),
                                 ("gross_pay", 25), ("tax", 21), ("union_fee", 18), ("advance", 21), ("garnish", 19),
                                 ("deductions", 23), ("net_pay", 25), ("signature", 24))),
    ("Обр. 2-ТРЗ-87", "A3L", (("row", 9), ("name", 62), ("egn", 25), ("days_worked", 13), ("sick_days", 14),
                              ("base_pay", 26), ("extra_pay", 23), ("gross_pay", 26), ("tax", 21), ("advance", 21),
                              ("loan", 21), ("garnish", 19), ("deductions", 24), ("net_pay", 26), ("signature", 30))),
    ("Обр. ТРЗ-5", "A4L", (("row", 8), ("name", 50), ("days_worked", 11), ("night", 12), ("base_pay", 23),
                           ("extra_pay", 21), ("gross_pay", 23), ("tax", 19), ("union_fee", 16), ("advance", 19),
                           ("deductions", 21), ("net_pay", 23), ("signature", 20))),
    ("Образец 7-ТРЗ", "A4L", (("row", 8), ("name", 50), ("egn", 24), ("base_pay", 22), ("overtime", 14),
                              ("extra_pay", 20), ("gross_pay", 22), ("tax", 18), ("advance", 18), ("deductions", 20),
                              ("net_pay", 22))),
)  # fmt: skip
# the sheet's columns: every printed column of the form, filled or not
AP_LAYOUTS: tuple[tuple[str, ...], ...] = tuple(tuple(c for c, _w in cols) for _code, _paper, cols in AP_FORMS)

HEADINGS_AP: dict[str, tuple[str, ...]] = {
    "row": ("По\nред", "Nº\nпо\nред"),
    "egn": ("ЕГН на\nработника\n(служителя)", "Единен граж-\nдански номер"),
    "name": ("Собствено, бащино и фамилно\nиме на работника", "Трите имена на\nработника (служителя)"),
    "position": ("Длъжност\n(професия)", "Длъжност /\nспециалност"),
    "days_worked": ("Отра-\nботени\nдни", "Дни\nна ра-\nбота"),
    "night": ("Нощен\nтруд\n(лв.)", "Нощен\nтруд"),
    "overtime": ("Извън-\nреден\nтруд", "Извън-\nреден\nтруд (лв.)"),
    "sick_days": ("Болнични\nдни", "Дни по\nболнич-\nни листи"),
    "base_pay": ("Основна\nзаплата за\nотраб. време", "Заплата по\nщат за отр.\nвреме"),
    "extra_pay": ("Допълнит.\nвъзнагр.\n(стаж и др.)", "Други\nдоплащания\nи премии"),
    "gross_pay": ("Всичко\nначислена\nзаплата", "Всичко\nначислено\n(лв.)"),
    "tax": ("Данък\nобщ доход", "ДОД\nудържан\n(лв.)"),
    "union_fee": ("Членски\nвнос\nпрофсъюз", "Чл. внос\nпрофсъюзна\nорганиз."),
    "advance": ("Получен\nаванс", "Изплатен\nаванс\n(I-ва пол.)"),
    "loan": ("Вноски\nпо заеми\nДСК", "Заеми\nДСК\n(вноска)"),
    "garnish": ("Запори\nи др.", "Удръжки\nпо запори"),
    "deductions": ("Всичко\nудръжки\n(лв.)", "Сума на\nудръжките\n(8+9+...)"),
    "net_pay": ("Сума за\nполучаване\n(лв.)", "Остатък\nза\nполучаване"),
    "signature": ("Подпис на\nполучателя", "Подпис за\nполучена\nзаплата"),
}

TAKAO, TAKAO_P = "takao-gothic/TakaoGothic.ttf", "takao-gothic/TakaoPGothic.ttf"
# a font package none of A-AO uses (scripts/setup.sh: fonts-takao-gothic): its fixed gothic cut to the typewriter's
# pitch as the typing, its proportional gothic condensed as the form's print
AP_FACES: dict[str, tuple[str, ...]] = {"typewriter": (TAKAO,)}
AP_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AP_MONEY = (("", ","), (" ", ","), ("", "."), (".", ","))  # (thousands from 1991, decimal)

EMPLOYERS = (
    ("Окръжно пътно управление - гр. Толбухин", ("пътен майстор", "пътен работн.", "шофьор", "багерист",
                                                  "техник", "пазач")),
    ("Районна ветеринарна лечебница - гр. Михайловград", ("ветеринар", "вет. техник", "санитар", "хигиенист",
                                                           "шофьор", "чистачка")),
    ('Дом за деца "Йордан Йовков" - гр. Толбухин', ("възпитател", "мед. сестра", "готвач", "перачка", "домакин",
                                                     "огняр")),
    ('Авторемонтна работилница "Прогрес" - гр. Габрово', ("автомонтьор", "тенекеджия", "бояджия", "електротехн.",
                                                           "стругар", "майстор")),
    ('Рибарско стопанство "Черноморец" - гр. Бургас', ("рибар", "моторист", "капитан", "мрежар", "готвач",
                                                       "счетоводител")),
    ("Общински пазар - гр. Михайловград", ("пазарен инсп.", "касиер", "хигиенист", "пазач", "общ работник",
                                           "счетоводител")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„“№"  # the typewriter has no en dash, no low or high quotation mark, no "№": a hyphen, '"' and "Nо"
TITLES = ("РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ЗАПЛАТИ", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ")
SUBTITLES = ("за заплатите на работниците и служителите", "за изплащане на трудовите възнаграждения")
PERIODS = ("{word}", "{upper}", "{mm}")  # the month as typed on the printed "за месец ..." line
TOTALS = ("Всичко:", "ВСИЧКО", "Общо:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Ръководител:"), ("Изготвил:", "Счетоводител:", "Директор:"))
IMPRINTS = ('ДП "Тодор Димитров" - София, {y} г.', 'Печатница "Балкан" - {y}', 'ДИ "Техника" - {y} г.')
INKS = {"green": (95.0, 140.0, 70.0), "brown": (70.0, 95.0, 150.0), "slate": (140.0, 115.0, 90.0),
        "black": (60.0, 58.0, 58.0)}  # the form's print (B, G, R)
RIBBONS = {"black": (38.0, 36.0, 40.0), "blue-black": (85.0, 45.0, 40.0)}  # (B, G, R)
PAPERS_TINT = {"white": (0.97, 0.99, 1.0), "recycled": (0.90, 0.93, 0.94)}  # the paper's share of the light (B, G, R)
PEN_INK = (140.0, 55.0, 30.0)  # the ballpoint's blue (B, G, R)
ROW_PITCHES = (7.0, 8.0, 8.5)  # the form's printed rows, mm apart
SPACINGS = (75.0, 100.0)  # the typewriter's 1 1/2 and 2 lines, pixels
DRIFT = 0.25  # how far (in printed rows) the typed line drifts before the typist lines it up again
SET = 0.72  # where in its printed row a typed line's baseline was meant to sit (share of the row from its top)


@dataclass
class APHabits:
    """One AP file's switches, drawn once per file."""

    layout: int  # which of AP_FORMS
    face: str
    cpi: int  # 10 or 12 to the inch (15 where the figures fit the form's columns no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    pitch_mm: float  # the form's printed rows, mm apart
    lever: bool  # the typewriter's line spacing (drift, lined up again now and then); else every row by eye
    numbered: bool  # the form prints the rows' numbers (else the typist types them)
    col_numbers: bool  # the form prints a row of column numbers under its headings
    foot: bool  # the totals typed on the printed foot row (else on the row after the last person)
    strike: bool  # the empty printed rows struck out with a ballpoint's Z
    ink: str  # the form's ink (INKS)
    ribbon: str  # RIBBONS
    paper: str  # PAPERS_TINT
    grey: bool  # scanned grey at 300 dpi; else colour at 200 (an A3 sheet grey at 200 either way)
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # the grid printed by family_ap.render


def draw(rng: random.Random) -> APHabits:
    thousands, decimal = rng.choice(AP_MONEY)
    layout = rng.randrange(len(AP_FORMS))
    return APHabits(
        layout=layout, face=TAKAO, cpi=rng.choice((10, 12, 12)), thousands=thousands, decimal=decimal,
        zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        pitch_mm=rng.choice(ROW_PITCHES if AP_FORMS[layout][1] == "A3L" else ROW_PITCHES[:2]),
        lever=rng.random() < 0.7, numbered=rng.random() < 0.7, col_numbers=rng.random() < 0.5,
        foot=rng.random() < 0.5, strike=rng.random() < 0.45, ink=rng.choice(sorted(INKS)),
        ribbon=rng.choice(sorted(RIBBONS)), paper=rng.choice(sorted(PAPERS_TINT)), grey=rng.random() < 0.6,
    )  # fmt: skip


# --- the form's frame: where its grid and rows fall ---


@dataclass
class Frame:
    """The printed form of a file at 300 dpi: its size, the grid's left edge and columns' edges (pixels), the heading
    band's top and bottom, the first printed row's top, the rows' pitch, how many rows, the foot row's top."""

    W: int
    H: int
    edges: list[float]  # the columns' edges, left to right (len(columns) + 1)
    top: float  # the grid's top rule
    head_bottom: float  # under the headings (and the column numbers)
    first: float  # the first printed row's top
    pitch: float  # the printed rows' pitch, pixels
    rows: int  # printed rows for people
    foot: float  # the printed foot row's top

    def row_top(self, i: int) -> float:
        """The top of printed row ``i`` (0-based; ``rows`` is the foot row)."""
        return self.first + i * self.pitch


def frame_of(ap: APHabits) -> Frame:
    """The form's frame: its paper, its columns centred across the sheet, the header above the grid, as many printed
    rows of the form's pitch as the sheet holds above the foot row and the signers' lines."""
    _code, paper, cols = AP_FORMS[ap.layout]
    W, H = PAPERS[paper]
    width = sum(w for _c, w in cols) * MM
    x = (W - width) / 2
    edges = [x]
    for _c, w in cols:
        x += w * MM
        edges.append(x)
    top = 560.0
    head_bottom = top + 175.0 + (55.0 if ap.col_numbers else 0.0)
    pitch = ap.pitch_mm * MM
    rows = int((H - 330.0 - head_bottom) / pitch) - 1
    return Frame(W, H, edges, top, head_bottom, head_bottom, pitch, rows, head_bottom + rows * pitch)


def capacity(ap: APHabits) -> int:
    """How many people the form's printed rows hold with a row to spare (for the totals)."""
    return frame_of(ap).rows - 1


def adapt_file(ef: EmployerFile, ap: APHabits, rng: random.Random) -> None:
    """An AP file: a small employer's 5-16 people (no more than its form's printed rows hold), each in one of its
    posts."""
    ap.kind, ap.posts = rng.choice(EMPLOYERS)
    ef.employer = ai_renamed(ap.kind, ef.start[0], RENAMED)
    want = rng.randint(5, min(16, capacity(ap)))
    while len(ef.staff) < want:
        ef.staff.append(content.hire(rng, ef.start[0]))
    del ef.staff[want:]
    for p in ef.staff:
        p.position = rng.choice(ap.posts)
    ef.layout = AP_LAYOUTS[ap.layout]
    ef.headings = {}


AP_PAY = PayHabit(extra=(0, 0, 3, 5, 8, 10, 15), advance=(25, 30, 40), loan=(0, 0, 0, 5, 7), tax=(50, 115),
                  drop=("loan", "advance"))  # fmt: skip  # the loan dropped first, then the advance


def adapt_sheet(sheet: SheetContent, ap: APHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AP month: a row a present person, the sheet's totals over the payroll-page/1 fields, the file's number
    formats and words, the form's printed words."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    lay = AP_LAYOUTS[ap.layout]
    cols = set(lay)
    rows: list[dict[str, object]] = []
    for k, old in enumerate(sheet.rows[: capacity(ap)]):
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = int(str(old.get("days_paid", wd)))
        post = person.position if person is not None else rng.choice(ap.posts)
        w = month_pay(salary, days, wd, cols, rng, AP_PAY)
        r: dict[str, object] = {"row": k + 1, "egn": egn, "name": str(old["name"]),
                                "position": post if "position" in cols else None,
                                "days_worked": days if "days_worked" in cols else None, "days_paid": days}  # fmt: skip
        r.update({c: w[c] for c in PARTS})
        for f in MONEY_FIELDS:
            r[f] = w[f] if f in cols else None
        rows.append(r)
    typed_month(sheet, ap, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third form prints no ЕГН
    sheet.title = TITLES[ap.layout % len(TITLES)]  # the form's printed title
    sheet.period_text = f"за месец {sheet.period_text} {sheet.year} г."
    sheet.extra["ap_job"] = {
        "heads": {c: rng.choice(HEADINGS_AP[c]) for c in lay}, "total": rng.choice(TOTALS),
        "signers": SIGNERS[ap.layout % 2], "subtitle": SUBTITLES[ap.layout % 2],
        "imprint": IMPRINTS[ap.layout % 3].format(y=rng.randint(1976, max(1976, min(sheet.year, 1990)))),
        "run": rng.randint(1200, 9800),
    }  # fmt: skip


def style(ap: APHabits, rng: random.Random, base: Style) -> None:
    """An AP page's style: the typewriter's face on a landscape form, no generic ruling or marks (the rest is drawn by
    family_ap.render)."""
    del rng
    own_drawing(base, ap.face, AP_SIZES["typewriter"][0], True)


# --- the form, printed ---


@lru_cache(maxsize=4096)
def _letter(ch: str, em: int) -> tuple[np.ndarray, int]:
    """One letter of the form's print (Takao P Gothic at ``em`` pixels) cut to its ink (0..1), and its baseline's row."""
    f = face_at(str(FONT_DIR / TAKAO_P), em)
    w, h = em * 2, int(em * 1.6)
    img = Image.new("L", (w, h), 0)
    base = int(em * 1.15)
    ImageDraw.Draw(img).text((em // 2, base), ch, font=f, fill=255, anchor="ls")
    a = np.asarray(img, np.float32) / 255.0
    cols = np.flatnonzero(a.max(axis=0) > 0.05)
    if not len(cols):
        return np.zeros((h, max(1, int(em * 0.3))), np.float32), base  # a space
    return np.asarray(a[:, int(cols[0]) : int(cols[-1]) + 1], np.float32), base


@lru_cache(maxsize=512)
def _printed(text: str, em: int, squeeze: float) -> tuple[np.ndarray, int]:
    """``text`` in the form's print: its letters set close (a tenth of the size apart; the face's wide Cyrillic set
    close, as a printer's condensed gothic), condensed to ``squeeze`` of their width: its ink 0..1 and its baseline's
    row."""
    letters = [_letter(ch, em) for ch in text]
    gap = max(2, int(em * 0.1))
    h, base = letters[0][0].shape[0], letters[0][1]
    w = sum(g.shape[1] for g, _b in letters) + gap * (len(letters) - 1)
    a = np.zeros((h, max(1, w)), np.float32)
    x = 0
    for g, _b in letters:
        a[:, x : x + g.shape[1]] = np.maximum(a[:, x : x + g.shape[1]], g)
        x += g.shape[1] + gap
    narrow = max(1, int(round(a.shape[1] * squeeze)))
    return np.asarray(cv2.resize(a, (narrow, h), interpolation=cv2.INTER_AREA), np.float32), base


class Press:
    """The form's printing plate: its ink 0..1 at 300 dpi."""

    def __init__(self, W: int, H: int) -> None:
        self.ink = np.zeros((H, W), np.float32)

    def text(self, x: float, base: float, s: str, em: int, squeeze: float = 0.9, align: str = "l") -> float:
        """``s`` printed on the baseline ``base`` from ``x`` (``align`` "c": centred on it, "r": ending at it); gives
        its width."""
        a, b = _printed(s, em, squeeze)
        h, w = a.shape
        left = x - (w / 2 if align == "c" else w if align == "r" else 0)
        xi, yi = int(round(left)), int(round(base)) - b
        H, W = self.ink.shape
        xa, ya, xb, yb = max(0, xi), max(0, yi), min(W, xi + w), min(H, yi + h)
        if xb > xa and yb > ya:
            np.maximum(self.ink[ya:yb, xa:xb], a[ya - yi : yb - yi, xa - xi : xb - xi], out=self.ink[ya:yb, xa:xb])
        return float(w)

    def hline(self, x0: float, x1: float, y: float, width: int) -> None:
        cv2.line(self.ink, (int(x0), int(round(y))), (int(x1), int(round(y))), 1.0, width)

    def vline(self, x: float, y0: float, y1: float, width: int) -> None:
        cv2.line(self.ink, (int(round(x)), int(y0)), (int(round(x)), int(y1)), 1.0, width)

    def dots(self, x0: float, x1: float, y: float) -> None:
        """A dotted line to be written on."""
        x = x0
        while x < x1:
            cv2.circle(self.ink, (int(x), int(round(y))), 2, 1.0, -1)
            x += 13


def print_form(sheet: SheetContent, ap: APHabits, fr: Frame) -> tuple[Press, dict[str, tuple[float, float]]]:
    """The blank form: its code, title, subtitle, the labels before their dotted lines (where each line starts and its
    baseline: "employer", "month", "year", "sheet"), the grid with its headings (and column numbers), its printed rows
    (their numbers), the foot row, the signers' lines and the imprint."""
    job = sheet.extra["ap_job"]
    assert isinstance(job, dict)
    code, _paper, cols = AP_FORMS[ap.layout]
    press = Press(fr.W, fr.H)
    left, right = fr.edges[0], fr.edges[-1]
    press.text(right, 150, code, 30, align="r")
    press.text(fr.W / 2, 240, sheet.title, 62, 0.85, "c")
    press.text(fr.W / 2, 305, str(job["subtitle"]), 36, 0.85, "c")
    lines: dict[str, tuple[float, float]] = {}
    y = 420.0
    w = press.text(left, y, "Предприятие (учреждение)", 34)
    lines["employer"] = (left + w + 20, y)
    press.dots(left + w + 14, right - 560, y + 4)
    w = press.text(right - 480, y, "Лист Nº", 34)
    lines["sheet"] = (right - 480 + w + 20, y)
    press.dots(right - 480 + w + 14, right - 200, y + 4)
    y = 490.0
    x = (left + right) / 2 - 330
    w = press.text(x, y, "за месец", 34)
    lines["month"] = (x + w + 20, y)
    press.dots(x + w + 14, x + w + 360, y + 4)
    x += w + 372
    w = press.text(x, y, "19", 34)
    lines["year"] = (x + w + 8, y)
    press.dots(x + w + 4, x + w + 90, y + 4)
    press.text(x + w + 98, y, "г.", 34)
    # the grid
    press.hline(left, right, fr.top, 4)
    press.hline(left, right, fr.head_bottom - (55 if ap.col_numbers else 0), 2)
    press.hline(left, right, fr.head_bottom, 3)
    for j, (c, _w) in enumerate(cols):
        heads = str(job["heads"][c]).split("\n")
        cx = (fr.edges[j] + fr.edges[j + 1]) / 2
        band = fr.top + 12
        step = 36.0
        y0 = band + (175 - 12 - step * len(heads)) / 2 + 28
        for q, s in enumerate(heads):
            em = 30
            while em > 18 and _printed(s, em, 0.9)[0].shape[1] > fr.edges[j + 1] - fr.edges[j] - 10:
                em -= 2
            press.text(cx, y0 + q * step, s, em, align="c")
        if ap.col_numbers:
            press.text(cx, fr.head_bottom - 15, str(j + 1), 26, align="c")
    for i in range(fr.rows + 1):
        press.hline(left, right, fr.row_top(i + 1), 2 if i < fr.rows else 3)
        if ap.numbered and i < fr.rows:
            press.text((fr.edges[0] + fr.edges[1]) / 2, fr.row_top(i) + 0.68 * fr.pitch, str(i + 1), 30, align="c")
    bottom = fr.row_top(fr.rows + 1)
    press.hline(left, right, bottom + 7, 3)
    name_j = AP_LAYOUTS[ap.layout].index("name")
    press.text(fr.edges[name_j] + 20, fr.foot + 0.68 * fr.pitch, "В с и ч к о", 32)
    for k, x in enumerate(fr.edges):
        press.vline(x, fr.top, bottom + 7, 4 if k in (0, len(fr.edges) - 1) else 2)
    ys = bottom + 120
    for q, who in enumerate(job["signers"]):
        xs = left + q * (right - left) / 3
        w = press.text(xs, ys, str(who), 32)
        press.dots(xs + w + 10, xs + (right - left) / 3 - 60, ys + 4)
    press.text(left, fr.H - 70, f"{job['imprint']}, з. {job['run']}", 22)
    return press, lines


# --- the sheet, typed on the form ---


class Crooked:
    """The typewriter with the form in it a little crooked: a fixed pitch from the carriage's left ``x0``, every
    letter's baseline stepped by the sheet's ``slope`` along the line (from ``pivot``), the strikes a little off."""

    def __init__(self, ap: APHabits, rng: random.Random, W: int, H: int, pitch: int, x0: float, slope: float,
                 pivot: float) -> None:  # fmt: skip
        self.rng = rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.slope, self.pivot = pitch, x0, slope, pivot
        self.path = str(FONT_DIR / ap.face)
        self.boxes: list[tuple[int, int, int, int]] = []  # every string typed (its box, the slant included)

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def drop(self, x: float) -> float:
        """How far the crooked line has dropped at ``x`` (pixels)."""
        return (x - self.pivot) * self.slope

    def box(self, col: float, n: int, base: float) -> list[int]:
        """The box of ``n`` characters from ``col`` on the baseline ``base`` (at the carriage's left)."""
        xa, xb = self.x(col), self.x(col + n)
        da, db = self.drop(xa), self.drop(xb)
        return [int(xa) - 4, int(base + min(da, db) - 0.8 * LINE), int(xb) + 4, int(base + max(da, db) + 0.3 * LINE)]

    def text(self, col: float, base: float, s: str) -> list[int]:
        """``s`` typed from ``col`` on the baseline ``base``; gives its box."""
        b = self.box(col, len(s), base)
        if s.strip():
            self.boxes.append((b[0], b[1], b[2], b[3]))
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, gb = typewriter_glyph(self.path, ch, self.pitch)
            xc = self.x(col + k)
            x = int(round(xc - 4 + self.rng.gauss(0, 0.4)))
            y = int(round(base + self.drop(xc) - gb + self.rng.gauss(0, 0.4)))
            h, w = g.shape
            H, W = self.ink.shape
            xa, ya, xb, yb = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
            if xb > xa and yb > ya:
                np.maximum(self.ink[ya:yb, xa:xb], g[ya - y : yb - y, xa - x : xb - x], out=self.ink[ya:yb, xa:xb])
        return b


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    """What a row types in column ``c`` (a column the employer never fills: nothing)."""
    return "" if c in UNUSED else al_cell(c, r, sheet)


def short_name(name: str) -> str:
    """"Иван Петров Георгиев" with the father's name as an initial: "Иван П. Георгиев"."""
    words = name.split()
    return " ".join([words[0], *(w[0] + "." for w in words[1:-1]), words[-1]]) if len(words) > 2 else name


@dataclass
class Tabs:
    """Where the typist typed each column at a pitch (characters from the carriage's left, with the tab stops set on
    the form at no shift): a field's first character (names, posts, the ЕГН) or its last one's end (figures)."""

    pitch: int
    start: list[int]
    end: list[int]


def tabs_for(fr: Frame, pitch: int) -> Tabs:
    """The tab stops set by eye on the form's columns: a character in from the left rule, a character short of the right
    one."""
    start = [math.ceil((fr.edges[j] + 0.5 * pitch - fr.edges[0]) / pitch) for j in range(len(fr.edges) - 1)]
    end = [math.floor((fr.edges[j + 1] - 0.5 * pitch - fr.edges[0]) / pitch) for j in range(len(fr.edges) - 1)]
    return Tabs(pitch, start, end)


LEFT = ("egn", "name", "position")  # typed from the column's tab stop; the rest end at its right


def _at(c: str, s: str, j: int, tabs: Tabs) -> int:
    """Where column ``j``'s string ``s`` starts: at the tab stop (names, posts, the ЕГН), centred (the row number, the
    days), else ending a character short of the right rule."""
    if c in LEFT:
        return tabs.start[j]
    if c in ("row", "days_worked"):
        return (tabs.start[j] + tabs.end[j] - len(s) + 1) // 2
    return tabs.end[j] - len(s)


def placed(texts: list[str], lay: tuple[str, ...], tabs: Tabs) -> list[tuple[int, str]] | None:
    """A line's strings at their characters (the name with the father's name as an initial where in full it runs into
    the next string); None where two strings would still touch."""
    for tried in (texts, [short_name(s) if c == "name" else s for c, s in zip(lay, texts, strict=True)]):
        out = [(_at(c, s, j, tabs), s) for j, (c, s) in enumerate(zip(lay, tried, strict=True))]
        typed = [(at, s) for at, s in out if s]
        if all(a + len(s) + 1 <= b for (a, s), (b, _t) in zip(typed, typed[1:], strict=False)):
            return out
    return None


def fit(sheet: SheetContent, ap: APHabits, fr: Frame) -> tuple[int, list[list[tuple[int, str]]]]:
    """The pitch the month's lines fit the form's columns at (the file's, else 12, else 15 to the inch) and every line's
    placed strings (the people's, then the totals')."""
    lay = sheet.layout
    for cpi in sorted({ap.cpi, 12, 15}):
        if cpi < ap.cpi:
            continue
        tabs = tabs_for(fr, PITCHES[cpi])
        lines = [placed(texts, lay, tabs) for texts in _texts(sheet, ap)]
        if all(ln is not None for ln in lines):
            return PITCHES[cpi], [ln for ln in lines if ln is not None]
    raise AssertionError(f"the month's figures fit no pitch on the form {ap.layout}")


def _texts(sheet: SheetContent, ap: APHabits) -> list[list[str]]:
    """Every line's strings by column: the people's (the row number where the form prints none), the totals'."""
    job = sheet.extra["ap_job"]
    assert isinstance(job, dict)
    lay = sheet.layout
    out = []
    for r in sheet.rows:
        out.append([("" if ap.numbered else cell(c, r, sheet)) if c == "row" else cell(c, r, sheet) for c in lay])
    sums = [amount(sheet.totals[c], sheet) if c in sheet.totals else "" for c in lay]
    if not ap.foot:
        sums[lay.index("name")] = str(job["total"])
    out.append(sums)
    return out


def offsets(n: int, ap: APHabits, fr: Frame, rng: random.Random) -> list[float]:
    """How far (pixels, down) each of ``n`` typed lines sat from where it was meant to in its printed row: with the
    lever, the line spacing's difference to the printed pitch piling up until past ``DRIFT`` of a row the typist lined
    the next one up again; by eye, a little off each time."""
    P = fr.pitch
    if not ap.lever:
        return [rng.uniform(-0.14, 0.14) * P for _ in range(n)]
    spacing = min(SPACINGS, key=lambda s: abs(s - P)) if rng.random() < 0.8 else max(SPACINGS, key=lambda s: abs(s - P))
    out = [rng.uniform(-0.18, 0.18) * P]
    for _ in range(n - 1):
        o = out[-1] + (spacing - P) + rng.gauss(0, 1.5)
        out.append(o if abs(o) <= DRIFT * P else rng.uniform(-0.08, 0.08) * P)
    return out


def render(sheet: SheetContent, st: Style | None, ap: APHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The form printed and the month typed on it at 300 dpi: the employer, the month, the year's digits and the sheet's
    number on the printed dotted lines, a person a printed row (the typed lines off their rows by the spacing's drift,
    the sheet's slant and its shift across), the totals on the foot row or the row after the last person, the people's
    and the signers' signatures, the empty rows struck out on some files. The truth's cells the typed strings (the
    printed row numbers where the form prints them); a row's box its typed line. The form's ink goes to
    ``sheet.extra["ap_form"]``, the pen's layer to ``ap_pen``, every typed string's box to ``ap_keep``."""
    del st
    job = sheet.extra["ap_job"]
    assert isinstance(job, dict)
    fr = frame_of(ap)
    lay, n = sheet.layout, len(sheet.rows)
    press, dotted = print_form(sheet, ap, fr)
    pitch, lines = fit(sheet, ap, fr)
    for r, line in zip(sheet.rows, lines, strict=False):  # the name as typed (shortened where it did not fit)
        r["name"] = line[lay.index("name")][1]
    shift = rng.choice((-1, 1)) * rng.uniform(0.2, 1.3) * pitch  # the sheet sat off the tab stops set for it
    slope = math.tan(math.radians(rng.choice((-1, 1)) * rng.uniform(0.1, 0.3)))
    ball = Crooked(ap, rng, fr.W, fr.H, pitch, fr.edges[0] + shift, slope, fr.edges[0])
    pen_img = Image.new("L", (fr.W, fr.H), 255)
    pen = ImageDraw.Draw(pen_img)
    geo = Geometry(fr.W, fr.H)
    head = rng.uniform(-14, 10)  # the header's typing above or across its dotted lines
    for key, text in (("employer", sheet.employer), ("month", _month_typed(sheet, ap)),
                      ("year", f"{sheet.year % 100:02d}"), ("sheet", str(sheet.sheet))):  # fmt: skip
        x, y = dotted[key]
        ball.text(round((x - ball.x0) / pitch), y - 6 + head, text)
    for j, c in enumerate(lay):  # the printed headings: row 0's cells
        geo.cells.append((0, j, [int(fr.edges[j]), int(fr.top), int(fr.edges[j + 1]), int(fr.head_bottom)],
                          " ".join(str(job["heads"][c]).split("\n"))))  # fmt: skip
    offs = offsets(n + 1, ap, fr, rng)
    if ap.foot:  # the totals on the printed foot row, lined up again there
        offs[n] = rng.uniform(-0.15, 0.15) * fr.pitch
    bases = [fr.row_top(i) + SET * fr.pitch + offs[i] for i in range(n)]
    bases.append((fr.foot if ap.foot else fr.row_top(n)) + SET * fr.pitch + offs[n])
    xl, xr = fr.edges[0], fr.edges[-1]
    for i, (line, base) in enumerate(zip(lines, bases, strict=True)):
        for j, (at, s) in enumerate(line):
            c = lay[j]
            b = ball.text(at, base, s) if s else []
            if c == "row" and ap.numbered and i < n:  # the printed number: the row's cell
                cx, cy = (fr.edges[0] + fr.edges[1]) / 2, fr.row_top(i) + 0.68 * fr.pitch
                geo.cells.append((i + 1, j, [int(cx - 30), int(cy - 36), int(cx + 30), int(cy + 10)], str(i + 1)))
            elif b and c in ("row", "egn", "name", "position", "days_worked", *MONEY_FIELDS) and (
                    i < n or c in sheet.totals):
                geo.cells.append((i + 1, j, b, s))
        if i < n:
            top = [[p[0], p[1] + ball.drop(p[0])] for p in rect_polygon(xl + 2, base - 0.8 * LINE, xr - 2,
                                                                         base + 0.3 * LINE)]  # fmt: skip
            geo.row_polygons.append(top)
            ys = [p[1] for p in top]
            geo.row_bboxes.append([int(xl), int(min(ys)) - 2, int(xr), int(max(ys)) + 2])
            if "signature" in lay and rng.random() < 0.9:
                j = lay.index("signature")
                signature(pen, fr.edges[j] + 10, base + ball.drop(fr.edges[j]) - 0.3 * LINE,
                          fr.edges[j + 1] - fr.edges[j] - 20, rng)  # fmt: skip
    last = n + (0 if ap.foot else 1)  # the first printed row left empty
    if ap.strike and last < fr.rows:  # the empty rows struck out: a ballpoint's Z over them
        ya, yb = fr.row_top(last) + 0.45 * fr.pitch, fr.row_top(fr.rows) - 0.3 * fr.pitch
        xa, xb = fr.edges[1] + 40, fr.edges[-2] - 40
        pen.line([(xa, ya), (xb, ya + rng.uniform(-8, 8)), (xa + rng.uniform(-30, 30), yb), (xb, yb)], fill=60, width=3)
    geo.table_bbox = [int(xl), int(fr.top), int(xr), int(fr.row_top(fr.rows + 1) + 8)]
    y_sign = fr.row_top(fr.rows + 1) + 100  # the signers' signatures over their printed lines
    for q in range(3):
        signature(pen, xl + q * (xr - xl) / 3 + 260, y_sign, 200, rng)
    sheet.extra["ap_form"] = np.asarray(np.round(255.0 * (1.0 - np.clip(press.ink, 0, 1))), np.uint8)
    sheet.extra["ap_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ap_keep"] = list(ball.boxes)
    ink = ball.ink * smooth_field(fr.H, fr.W, rng, 0.85, 1.0, 5)
    return Image.fromarray(np.asarray(np.round(255.0 * (1.0 - np.clip(ink, 0, 1))), np.uint8), "L"), geo


def _month_typed(sheet: SheetContent, ap: APHabits) -> str:
    """The month as the typist typed it on the printed "за месец ..." line."""
    from . import data

    word = data.MONTHS[sheet.month - 1]
    return PERIODS[ap.period].format(word=word, upper=word.upper(), mm=f"{sheet.month:02d}")


# --- the scan ---


@dataclass
class APPage:
    ap: APHabits
    seed: int
    form: np.ndarray  # the form's print (255 none)
    pen: np.ndarray  # the signatures' and strokes' ink (255 none)
    angle: float


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ap: APHabits, rng: random.Random) -> APPage:
    """The typed form as it goes to the scanner: its print, its pen, the turn on the glass."""
    del img, geo
    form, pen = sheet.extra["ap_form"], sheet.extra["ap_pen"]
    assert isinstance(form, np.ndarray) and isinstance(pen, np.ndarray)
    return APPage(ap, rng.randrange(1 << 30), form, pen, rng.uniform(-1.0, 1.0))


def flat(a: np.ndarray, page: APPage) -> np.ndarray:
    """The typed form with its print and signatures, unscanned (``--pristine``)."""
    return np.asarray(np.minimum(np.minimum(a, page.form.astype(np.float32)), page.pen.astype(np.float32)), np.float32)


def scan(a: np.ndarray, page: APPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The form on the flatbed: the paper (its tint, a little cloudy), the form's print in its ink, the ballpoint, the
    ribbon's typing over them; turned a little, grey at 300 dpi or colour at 200. Returns the image, the 2x3 map from
    the drawn page to it, its dpi and no bend."""
    ap = page.ap
    rng = random.Random(page.seed)
    H, W = a.shape
    grey, dpi = flatbed_mode(W, ap.grey)
    seen = seen_by(grey)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 228.0, 244.0, 7), (W, H)), np.float32)
    tint, ink, ribbon, ballpoint = seen(PAPERS_TINT[ap.paper]), seen(INKS[ap.ink]), seen(RIBBONS[ap.ribbon]), seen(PEN_INK)
    out = np.empty((H, W, 1 if grey else 3), np.uint8)
    for y0 in range(0, H, 128):
        sl = slice(y0, y0 + 128)
        o = paper[sl][..., None] * tint
        f = ((255.0 - page.form[sl].astype(np.float32)) / 255.0 * 0.9)[..., None]
        o = o * (1.0 - f) + ink * f
        p = ((255.0 - page.pen[sl].astype(np.float32)) / 255.0 * 0.85)[..., None]
        o = o * (1.0 - p) + ballpoint * p
        t = np.clip((255.0 - a[sl]) / 255.0 * 1.1, 0, 1)[..., None]
        o = o * (1.0 - t) + ribbon * t
        out[sl] = np.clip(np.round(o), 0, 255).astype(np.uint8)
    del paper
    img, m = on_the_glass(out, grey, dpi, page.angle, np_rng)
    return img, m, dpi, None
