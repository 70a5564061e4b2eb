"""Family X of the sample generator (held out from its making in session 21, 2026-12-05, helper s30-famx, before
anything was tuned on W, to its one measurement by the lead at the start of session 22; a development family since:
dev seeds 16001-16040, evaluation seed 2047 kept for evaluation only): a works' monthly payroll (a mine's section, a textile combine's shop, a railway section, a forestry
enterprise; 1980-1994) typed on a wax stencil and run off on the works' duplicator (ротатор, циклостил or the
spirit duplicator, "хектограф"), the archive keeping one of the copies; the copy scanned, or photographed by a
phone and kept as the phone saved it (a heavily compressed JPEG).

What X draws, each file its own combination (samples/families.py applies it over the generic switches):
a two-tier sheet ("двуетажна" ведомост): every person on two typed lines, the table's columns paired, one field
over another in the same column (the name over the position or the ЕГН, the base pay over the additional pay, the
gross over the deductions, the tax over the advance, ...; the column's heading split in two by a rule, the upper
field's words over the lower's), a few columns single (the row number, the net pay, the signature); the upper and
the lower line of a person's row parted by a dotted or a thin rule, or by nothing; the sums carried between the
pages of a long month ("Пренос от предходната страница" under the heading, "За пренасяне" at the foot: no person's
rows; their figures the sums so far, in both tiers); the title and the column headings lettered on the stencil
through a lettering guide (a face of a font package none of A-W uses: fonts-manrope), the rest typed on the
stencil (fonts-georgewilliams' GW Monospace, its regular and bold), the rules drawn on the stencil with a stylus along a
ruler (thin, a little wavy, running past the corners); the copy's number typed in the top corner ("Екз. № 2",
"Копие № 3": not the sheet's number); the itemised deductions (ДОД, пенсионна вноска from 1992, профсъюзен внос,
аванс, заеми: their sum is the truth's ``deductions``), gross = base + additional, net = gross - deductions; the
signatories' names typed in the footer (a copy carries no signatures) and the archive's violet "ВЯРНО С
ОРИГИНАЛА" stamp with a signature under the table (a mark ``stamp``).
The copy: the duplicator's ink (black, blue-black, or the spirit duplicator's violet) on cheap absorbent paper,
spread into the fibres, the small counters of some letters and figures filled with ink (the stencil's centres
fell out), the inking uneven (lighter and darker bands along the drum, a side running light), blots and specks of
ink, a crease in the stencil printing as a thin line; then either a flatbed scan (grey or colour, 200 or 300 dpi,
a little askew) or a phone's photograph (the sheet on a desk in perspective, lit unevenly, a shadow across it,
saved as a JPEG of low quality: its 8x8 blocks and smeared colour kept in the PNG).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from scanner_drivers.intake import decode_image

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents
from .render import FONT_DIR, MONEY, Geometry, Style, cell_text, rect_polygon

# the itemised deductions a sheet may pair (their sum is ``deductions``)
PARTS = ("tax", "insurance", "union_fee", "advance", "court")
# Two-tier layouts: every column an (upper, lower) pair of fields, "" for a column with one field; "part1", "part2"
# stand for itemised deductions the file chooses.
X_PAIRS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("row", ""), ("name", "position"), ("egn", "days_worked"), ("base_pay", "extra_pay"), ("gross_pay", "deductions"),
     ("net_pay", ""), ("signature", "")),
    (("row", ""), ("name", "egn"), ("position", "days_worked"), ("base_pay", "extra_pay"), ("part1", "part2"),
     ("gross_pay", "deductions"), ("net_pay", "")),
    (("row", ""), ("egn", "name"), ("days_worked", ""), ("base_pay", "gross_pay"), ("extra_pay", "deductions"),
     ("part1", "part2"), ("net_pay", "signature")),
    (("row", ""), ("name", "position"), ("egn", ""), ("days_worked", ""), ("base_pay", "extra_pay"), ("gross_pay", ""),
     ("part1", "part2"), ("part3", "deductions"), ("net_pay", ""), ("signature", "")),
    (("row", ""), ("name", "egn"), ("days_worked", ""), ("base_pay", "extra_pay"), ("gross_pay", ""),
     ("deductions", "net_pay"), ("signature", "")),
)  # fmt: skip

HEADINGS_X: dict[str, tuple[str, ...]] = {
    "row": ("№", "№ на\nреда", "Ред.\n№"),
    "name": ("Име, презиме, фамилия", "Трите имена на лицето", "Собствено, бащино\nи фамилно име (изцяло)"),
    "position": ("Длъжност", "Професия, разряд", "Длъжност (разряд)"),
    "egn": ("ЕГН", "Единен гражд. номер", "ЕГН на лицето"),
    "days_worked": ("Отраб.\nдни", "Дни\nявяв.", "Израб.\nдни"),
    "base_pay": ("Основна\nзаплата", "Заработка\n(осн.)", "Заработка\nпо наряди"),
    "extra_pay": ("Допълнит.\nвъзнагр.", "Доплащания\nпо КТД", "Премии,\nдобавки"),
    "gross_pay": ("Всичко\nначислено", "Брутна\nзаработка", "Общо\nначисл."),
    "deductions": ("Всичко\nудръжки", "Общо\nудържано\nот лицето", "Удръжки -\nобщо"),
    "net_pay": ("Сума за\nполучаване", "Остатък\nза плащане", "Чисто за\nполучаване"),
    "signature": ("Подпис", "Сумата\nполучих", "Подпис на\nполучателя"),
    "tax": ("ДОД", "Данък", "Данък\nпо табл."),
    "insurance": ("Пенс.\nвноска", "Лична\nпенс. вн."),
    "union_fee": ("Проф.\nвнос", "Членски\nвнос ПС"),
    "advance": ("Аванс", "Аванс\nI-ва пол."),
    "court": ("Заеми,\nзапори", "ДСК и\nзапори"),
}  # fmt: skip

# faces of font packages none of A-W uses (scripts/setup.sh: fonts-georgewilliams, fonts-manrope)
_GW = "fonts-georgewilliams/"
X_FACES: dict[str, tuple[str, ...]] = {"typewriter": (_GW + "GWMonospace.ttf", _GW + "GWMonospace.ttf",
                                                      _GW + "GWMonospaceBold.ttf")}  # fmt: skip
X_SIZES: dict[str, tuple[int, int]] = {"typewriter": (34, 42)}
LETTERING = ("manrope/Manrope-Medium.ttf", "manrope/Manrope-Regular.ttf", "manrope/Manrope-SemiBold.ttf",
             "manrope/Manrope-Light.ttf")  # fmt: skip

X_MONEY = (("", "."), ("", ","), (" ", ","), (" ", "."), ("", ","))
# the duplicator's ink (RGB) and paper
INKS = {"black": (34, 32, 38), "blueblack": (30, 38, 72), "violet": (104, 52, 150)}
PAPERS = ((232, 228, 214), (226, 224, 218), (236, 230, 206), (222, 220, 210))
DESKS = ((92, 70, 52), (140, 136, 128), (60, 62, 66), (170, 150, 120))
STAMP_VIOLET = (120, 70, 170)

X_TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА РАБОТНИ ЗАПЛАТИ",
            "ПЛАТЕЖНА ВЕДОМОСТ")  # fmt: skip
X_TOTAL_WORDS = ("Всичко:", "ВСИЧКО", "Всичко по ведомостта", "Общо:")
CARRY_IN = ("Пренос от предходната страница", "Пренос от предх. стр.", "Пренесено от стр.")
CARRY_OUT = ("За пренасяне", "Пренася се:", "За пренасяне:")
COPY_MARKS = ("Екз. № {n}", "Копие № {n}", "Екземпляр {n}", "{n}. екземпляр")
FOOTERS = (("Съставил:", "Гл. счетоводител:", "Началник:"), ("Изготвил:", "Гл. счетоводител:", "Директор:"),
           ("Счетоводител:", "Касиер:", "Ръководител:"))  # fmt: skip
SIGNATORIES = ("Р. Петрова", "Ив. Колев", "Г. Тодорова", "Ст. Маринов", "Д. Илиева", "Н. Русев", "М. Станчева")
# (kind, employers, trades for a man and a woman); no en dash (the stencil's typewriter had none: a hyphen)
EMPLOYERS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("mine", ("Рудник \"Бели брег\" - участък N 3", "Мина \"Черно море\" - Бургас", "ДМП \"Бобов дол\" - рудник Бабино",
              "Рудник \"Ерма река\" - Златоград", "Мини \"Марица-изток\" - рудник \"Трояново-1\""),
     (("миньор", "лампаджийка"), ("забойчик", "сортировачка"), ("крепач", "диспечерка"), ("машинист", "нормировчица"),
      ("електрошлосер", "счетоводителка"))),
    ("textile", ("ТК \"Септември\" - Сливен, тъкачен цех", "ПК \"Вълна\" - Габрово, предачен цех",
                 "Памучен комбинат \"Ст. Караджа\" - Пловдив", "ТК \"Д. Благоев\" - Враца, цех 2"),
     (("тъкач", "тъкачка"), ("механик", "предачка"), ("бояджия", "контрольорка"), ("общ работник", "шивачка"),
      ("майстор", "нормировчица"))),
    ("railway", ("Ж.п. секция - Горна Оряховица", "НРПС \"Подвижен състав\" - депо Русе",
                 "Ж.п. поделение \"Движение\" - Пловдив", "Секция \"Път\" - Мездра"),
     (("стрелочник", "касиерка"), ("машинист", "кондукторка"), ("монтьор", "чистачка"), ("ремонтчик", "телеграфистка"),
      ("маневрист", "диспечерка"))),
    ("forest", ("ГС \"Родопи\" - Смолян", "Горско стопанство - Тетевен", "ДЛС \"Воден\" - с. Ивански",
                "Горскостопанско предприятие - Елена"),
     (("горски стражар", "счетоводителка"), ("лесничей", "техничка"), ("секач", "работничка"),
      ("тракторист", "разсадничарка"), ("шофьор", "домакиня"))),
)  # fmt: skip


@dataclass(frozen=True)
class XHabits:
    """One X file's switches, drawn once per file."""

    face: str  # the stencil's typewriter (under FONT_DIR)
    lettering: str  # the lettering guide's face (title and headings)
    kind: str  # "mine", "textile", "railway", "forest"
    pairs: tuple[tuple[str, str], ...]  # the two-tier layout (the parts not yet chosen: part1, part2, part3)
    thousands: str
    decimal: str  # "." or ","
    dash_zero: bool  # a zero amount typed "-"
    row_dot: bool  # row numbers typed "1."
    tier: str  # what parts a person's two lines: "none", "dotted", "thin"
    heading_scale: float  # the lettering's size to the typing's
    carried: bool  # long months on two or three pages, the sums carried
    copy_mark: str  # "" or the copy's number's words ("Екз. № {n}")
    copy_no: int
    title: str
    total_word: str
    footer: tuple[str, ...]
    period: str  # "word", "upper", "digits", "roman"
    # the copy
    ink: str  # "black", "blueblack", "violet"
    paper: int  # PAPERS index
    spread: float  # how far the ink spread into the paper (blur sigma at 300 dpi)
    fill: float  # the share of the page where small counters filled with ink
    bands: float  # how uneven the inking is (0..0.4)
    light_side: float  # how much one side ran light (0..0.35)
    blots: int  # ink blots per page (up to)
    crease: bool  # a crease in the stencil printing as a thin line
    stamp: bool  # the archive's "ВЯРНО С ОРИГИНАЛА"
    # the capture
    phone: float  # the share of pages photographed by a phone (the rest scanned)
    jpeg: tuple[int, int]  # the phone's JPEG quality range
    colour: bool  # a scan in colour (a phone's photograph is always colour)
    dpi: int  # a scan's dpi


def draw(rng: random.Random) -> XHabits:
    thousands, decimal = rng.choice(X_MONEY)
    ink = rng.choice(("black", "black", "blueblack", "violet"))
    return XHabits(
        face=rng.choice(X_FACES["typewriter"]), lettering=rng.choice(LETTERING),
        kind=rng.choice(("mine", "textile", "railway", "forest")), pairs=rng.choice(X_PAIRS),
        thousands=thousands, decimal=decimal, dash_zero=rng.random() < 0.4, row_dot=rng.random() < 0.5,
        tier=rng.choice(("none", "dotted", "thin")), heading_scale=rng.uniform(0.62, 0.78), carried=rng.random() < 0.6,
        copy_mark=rng.choice(("",) + COPY_MARKS), copy_no=rng.randint(2, 5), title=rng.choice(X_TITLES),
        total_word=rng.choice(X_TOTAL_WORDS), footer=rng.choice(FOOTERS),
        period=rng.choice(("word", "upper", "digits", "roman")),
        ink=ink, paper=rng.randrange(len(PAPERS)), spread=rng.uniform(0.7, 1.5), fill=rng.uniform(0.1, 0.45),
        bands=rng.uniform(0.1, 0.35), light_side=rng.uniform(0.0, 0.3), blots=rng.randint(0, 5),
        crease=rng.random() < 0.4, stamp=rng.random() < 0.7,
        phone=rng.choice((0.0, 0.5, 0.8, 1.0)), jpeg=rng.choice(((22, 32), (28, 40), (35, 50))),
        colour=ink == "violet" or rng.random() < 0.5, dpi=rng.choice((200, 300, 300)),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, x: XHabits, rng: random.Random) -> None:
    """An X file in place of the generic file's layout and words: the employer of its kind, its people's trades (a
    woman's in her form), the deductions it itemises in the layout's "part" cells (the pension contribution only
    from 1992), the layout (every field of the pairs, in order) and its headings."""
    _, names, trades = next(e for e in EMPLOYERS if e[0] == x.kind)
    ef.employer = rng.choice(names)
    for p in ef.staff:
        p.position = rng.choice(trades)[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    choice = ["tax", "advance", "union_fee", "court"] + (["insurance"] if ef.start[0] >= 1992 else [])
    rng.shuffle(choice)
    parts = sorted(choice[:3], key=PARTS.index)
    named = {"part1": parts[0], "part2": parts[1], "part3": parts[2]}
    pairs = tuple((named.get(a, a), named.get(b, b)) for a, b in x.pairs)
    ef.pairs = pairs
    ef.layout = tuple(f for pair in pairs for f in pair if f)
    ef.headings = {c: rng.choice(HEADINGS_X[c]) for c in ef.layout}


def pairs_of(sheet: SheetContent) -> tuple[tuple[str, str], ...]:
    """The sheet's two-tier columns: its file's pairs, which ``adapt_sheet`` keeps in ``sheet.extra``."""
    pairs = sheet.extra.get("x_pairs")
    assert isinstance(pairs, tuple)
    return pairs



def adapt_sheet(sheet: SheetContent, x: XHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An X sheet: the deductions' items (their sum the deductions, the net the gross less them; gross = base +
    additional), every money column's total; the amounts' form, the title, the period, the totals' words."""
    if ef is None or not ef.pairs:
        raise ValueError("family X: a sheet without its file's two-tier columns")
    sheet.extra["x_pairs"] = ef.pairs
    parts = [c for c in sheet.layout if c in PARTS]
    for r in sheet.rows:
        base, extra = amount_or_nought(r["base_pay"]), amount_or_nought(r["extra_pay"])
        gross = base + extra
        cuts = {
            "tax": cents(gross * Decimal(rng.randint(60, 120)) / 1000),
            "insurance": cents(gross * Decimal(rng.randint(20, 40)) / 1000),
            "union_fee": cents(gross / 100),
            "advance": Decimal(rng.choice((20, 30, 40, 50, 60))) * (10 if gross > 1500 else 1),
            "court": Decimal(rng.choice((10, 15, 20, 35))) if rng.random() < 0.3 else Decimal(0),
        }
        for c in parts:
            r[c] = min(cuts[c], cents(gross / 5))
        ded = sum((amount_or_nought(r[c]) for c in parts), Decimal(0)) if parts else cents(gross * Decimal(rng.randint(80, 190)) / 1000)
        r["base_pay"], r["extra_pay"], r["gross_pay"], r["deductions"], r["net_pay"] = base, extra, gross, ded, gross - ded
    money = (*MONEY, *parts)
    sheet.totals = {f: sum((amount_or_nought(r.get(f)) for r in sheet.rows), Decimal(0)) for f in money if f in sheet.layout}
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.thousands_space, sheet.thousands_sep = bool(x.thousands), x.thousands or " "
    sheet.decimal_comma = x.decimal == ","
    sheet.decimal_sep = ""
    sheet.dash_zero = x.dash_zero
    sheet.row_dot = x.row_dot
    sheet.title = x.title
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[m - 1]
    sheet.period_text = {
        "word": rng.choice((f"за месец {word} {y} г.", f"за м. {word} {y} година")),
        "upper": rng.choice((f"ЗА МЕСЕЦ {word.upper()} {y} Г.", f"ЗА М. {word.upper()} {y} ГОД.")),
        "digits": rng.choice((f"за м. {m:02d}.{y} г.", f"месец {m:02d}/{y} г.")),
        "roman": rng.choice((f"за м. {roman}-{y} г.", f"месец {roman}.{y} г.")),
    }[x.period]  # fmt: skip
    sheet.total_label = x.total_word
    sheet.carry_in_label = rng.choice(CARRY_IN)
    sheet.carry_out_label = rng.choice(CARRY_OUT)


def style(x: XHabits, rng: random.Random, base: Style) -> None:
    """An X sheet's style: the stencil's typewriter, the lettering guide's face for the title and headings; the
    rest (the two-tier table, the stylus's rules) is drawn by family_x.render."""
    base.font = FONT_DIR / x.face
    base.typewriter = True
    base.size = rng.randint(*X_SIZES["typewriter"])
    base.form_font = FONT_DIR / x.lettering
    base.heading_scale = x.heading_scale
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = True, "full"
    base.line_width = 2
    base.ink = 18


# --- drawing the stencil: a two-tier table ---


@lru_cache(maxsize=32)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(10, size))


def _typable(text: str) -> str:
    """What the stencil's typewriter could type: no en or em dash (a hyphen), no typographic quotes."""
    return text.replace("–", "-").replace("—", "-").replace("„", '"').replace("“", '"')


class _Pen:
    """The stencil's typing (a monospaced face, every key cut evenly, a little off the line now and then) and its
    lettering (the lettering guide's face)."""

    def __init__(self, img: Image.Image, st: Style, rng: random.Random, size: int) -> None:
        self.draw = ImageDraw.Draw(img)
        self.rng = rng
        self.face = str(st.font)
        self.letter = str(st.form_font or st.font)
        self.size = size
        self.hs = st.heading_scale

    def width(self, text: str, scale: float = 1.0) -> int:
        return int(math.ceil(_font(self.face, int(self.size * scale)).getlength(_typable(text))))

    def lwidth(self, text: str, scale: float) -> int:
        return int(math.ceil(_font(self.letter, int(self.size * scale)).getlength(text)))

    def type(self, x: float, y_mid: float, text: str, scale: float = 1.0) -> None:
        f = _font(self.face, int(self.size * scale))
        asc, _ = f.getmetrics()
        y = y_mid - asc * 0.62
        cx = x
        for ch in _typable(text):
            if ch != " ":
                self.draw.text((cx + self.rng.uniform(-0.7, 0.7), y + self.rng.uniform(-1.5, 1.5)), ch, font=f,
                               fill=self.rng.randint(10, 40))  # fmt: skip
            cx += f.getlength(ch)

    def letter_text(self, x: float, y_mid: float, text: str, scale: float) -> None:
        f = _font(self.letter, int(self.size * scale))
        asc, _ = f.getmetrics()
        self.draw.text((x, y_mid - asc * 0.6), text, font=f, fill=self.rng.randint(15, 35))

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int = 2) -> None:
        """A stylus along a ruler: thin, a little wavy, running past its ends by a few pixels."""
        over = self.rng.uniform(0, 10)
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        x0, y0, x1, y1 = x0 - ux * over, y0 - uy * over, x1 + ux * self.rng.uniform(0, 10), y1 + uy * self.rng.uniform(0, 10)
        n = max(2, int(length / 60))
        amp, phase = self.rng.uniform(0.3, 1.4), self.rng.uniform(0, math.tau)
        pts = []
        for k in range(n + 1):
            t = k / n
            wob = amp * math.sin(phase + t * self.rng.uniform(5, 9))
            pts.append((x0 + (x1 - x0) * t - uy * wob, y0 + (y1 - y0) * t + ux * wob))
        self.draw.line(pts, fill=self.rng.randint(20, 45), width=width)

    def dotted(self, x0: float, x1: float, y: float) -> None:
        x = x0 + self.rng.uniform(0, 8)
        while x < x1:
            self.draw.ellipse((x - 1.4, y - 1.4, x + 1.4, y + 1.4), fill=50)
            x += self.rng.uniform(10, 13)


@dataclass
class _Plan:
    size: int
    pad: int
    widths: list[int]
    up_h: int  # the heading's upper tier
    head_h: int
    row_h: int
    line_h: int


def _measure(sheet: SheetContent, pen: _Pen, pairs: tuple[tuple[str, str], ...]) -> _Plan:
    fs = pen.size
    pad = int(fs * 0.45)
    hs = pen.hs
    line_h = int(fs * 1.2 * hs)
    carried = sheet.carried_in or {}
    widths: list[int] = []
    up_lines = lo_lines = single_lines = 1
    for a, b in pairs:
        w = 0
        for f in (a, b):
            if not f:
                continue
            lines = sheet.headings[f].split("\n")
            w = max(w, *(pen.lwidth(line, hs) for line in lines))
            if f == "signature":
                w = max(w, int(fs * 4))
                continue
            w = max(w, *(pen.width(cell_text(sheet, r, f)) for r in sheet.rows))
            for sums in (sheet.totals, carried):
                if f in sums:
                    w = max(w, pen.width(cell_text(sheet, {f: sums[f]}, f)))
        widths.append(w + 2 * pad)
        if b:
            up_lines = max(up_lines, len(sheet.headings[a].split("\n")))
            lo_lines = max(lo_lines, len(sheet.headings[b].split("\n")))
        else:
            single_lines = max(single_lines, len(sheet.headings[a].split("\n")))
    up_h = up_lines * line_h + 2 * pad
    head_h = max(up_h + lo_lines * line_h + 2 * pad, single_lines * line_h + 2 * pad)
    row_h = int(fs * 2.9)
    return _Plan(fs, pad, widths, up_h, head_h, row_h, line_h)


def render(sheet: SheetContent, st: Style, x: XHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The stencil's sheet, drawn (grey, 300 dpi) with the geometry of its rows: portrait where it fits, else
    landscape; the type a size smaller until the table fits the page (as a typist would have chosen)."""
    pairs = pairs_of(sheet)
    size = st.size
    landscape = len(pairs) >= 8
    while True:
        W, H = (3508, 2480) if landscape else (2480, 3508)
        probe = _Pen(Image.new("L", (4, 4), 255), st, rng, size)
        plan = _measure(sheet, probe, pairs)
        n_rows = len(sheet.rows) + (1 if sheet.carried_in else 0) + 1
        table_h = plan.head_h + n_rows * plan.row_h
        if sum(plan.widths) <= W - 300 and 480 + table_h < H - 420:
            break
        if size <= 26:
            if landscape:  # fifteen people at most: never so
                raise ValueError("family X: the sheet does not fit the page")
            landscape, size = True, st.size
            continue
        size -= 2
    st.size, st.landscape = size, landscape
    img = Image.new("L", (W, H), 255)
    pen = _Pen(img, st, rng, size)
    geo = Geometry(W, H)
    fs, pad = size, plan.pad
    hs = pen.hs
    spare = W - 300 - sum(plan.widths)
    mx = 150 + rng.randint(0, max(0, min(120, spare // 3)))
    grow = [w + int(max(0, W - 2 * mx - sum(plan.widths)) * 0.6 * w / sum(plan.widths)) for w in plan.widths]
    xs = [mx]
    for w in grow:
        xs.append(xs[-1] + w)

    # the header: the employer, the sheet's number and the copy's, the lettered title, the period
    y = rng.randint(130, 200)
    pen.type(mx + rng.randint(0, 50), y, sheet.employer, 1.05)
    sheet_label = rng.choice((f"Лист № {sheet.sheet}", f"Лист {sheet.sheet}", f"Стр. {sheet.sheet}"))
    pen.type(W - mx - pen.width(sheet_label) - rng.randint(0, 30), y, sheet_label)
    if x.copy_mark:
        mark = x.copy_mark.format(n=x.copy_no)
        pen.type(W - mx - pen.width(mark, 0.85) - rng.randint(0, 30), y + fs * 1.3, mark, 0.85)
    y += int(fs * 2.5)
    pen.letter_text((W - pen.lwidth(sheet.title, 1.25)) / 2, y, sheet.title, 1.25)
    y += int(fs * 1.9)
    pen.type((W - pen.width(sheet.period_text)) / 2, y, sheet.period_text)
    y += int(fs * 1.9)

    # the heading: a pair's upper field's words over the lower's, a rule between them
    top = y
    for j, (a, b) in enumerate(pairs):
        for f, y0, y1 in ((a, top, top + plan.up_h), (b, top + plan.up_h, top + plan.head_h)) if b else ((a, top, top + plan.head_h),):
            lines = sheet.headings[f].split("\n")
            ym = y0 + (y1 - y0 - len(lines) * plan.line_h) / 2 + plan.line_h / 2
            for k, line in enumerate(lines):
                pen.letter_text(xs[j] + (xs[j + 1] - xs[j] - pen.lwidth(line, hs)) / 2, ym + k * plan.line_h, line, hs)
            geo.cells.append((0, j, [xs[j], int(y0), xs[j + 1], int(y1)], " ".join(lines)))
        if b:
            pen.rule(xs[j], top + plan.up_h, xs[j + 1], top + plan.up_h)  # the heading's tiers parted
    yrow = top + plan.head_h
    row_h = plan.row_h
    upper, lower = 0.26, 0.76  # the two typed lines' middles (the rule between them at 0.53)

    def put(j: int, f: str, y_mid: float, t: str) -> None:
        if not t:
            return
        if f not in ("name", "position", "egn"):  # figures to the column's right, words and the ЕГН from its left
            pen.type(xs[j + 1] - pad - pen.width(t), y_mid, t)
        else:
            pen.type(xs[j] + pad, y_mid, t)

    label_j = next((j for j, (a, b) in enumerate(pairs) if "name" in (a, b)), 1)
    edges = [yrow]

    def sums_row(sums: dict[str, Decimal], label: str, y0: float) -> None:
        words = label.split(" ", 2) if len(label) > 18 else [label]
        if len(words) == 3:
            words = [" ".join(words[:2]), words[2]]
        for k, wd in enumerate(words):
            pen.type(xs[label_j] + pad, y0 + row_h * (upper if k == 0 else lower), wd)
        for j, (a, b) in enumerate(pairs):
            for f, at in ((a, upper), (b, lower)):
                if f and f in sums and j != label_j:
                    put(j, f, y0 + row_h * at, cell_text(sheet, {f: sums[f]}, f))

    if sheet.carried_in:  # the sums carried from the page before (no person's row)
        sums_row(sheet.carried_in, sheet.carry_in_label, yrow)
        yrow += row_h
        edges.append(yrow)
    for i, r in enumerate(sheet.rows):
        for j, (a, b) in enumerate(pairs):
            for f, at in ((a, upper), (b, lower)) if b else ((a, upper),):
                if f == "signature":
                    continue
                t = cell_text(sheet, r, f)
                put(j, f, yrow + row_h * at, t)
                if t:
                    y0, y1 = (yrow, yrow + row_h // 2) if at == upper else (yrow + row_h // 2, yrow + row_h)
                    geo.cells.append((i + 1, j, [xs[j], int(y0), xs[j + 1], int(y1)], t))
        if x.tier != "none":  # the rule between a person's two lines, across the paired columns
            for j, (_, b) in enumerate(pairs):
                if b:
                    if x.tier == "dotted":
                        pen.dotted(xs[j] + 4, xs[j + 1] - 4, yrow + row_h * 0.53)
                    else:
                        pen.rule(xs[j], yrow + row_h * 0.53, xs[j + 1], yrow + row_h * 0.53, 1)
        geo.row_bboxes.append([xs[0], int(yrow), xs[-1], int(yrow + row_h)])
        geo.row_polygons.append(rect_polygon(xs[0] + 3, yrow + 3, xs[-1] - 3, yrow + row_h - 3))
        yrow += row_h
        edges.append(yrow)
    total_label = sheet.carry_out_label if sheet.carry_out else sheet.total_label
    sums_row(sheet.totals, total_label, yrow)
    geo.cells.append((len(sheet.rows) + 1, label_j, [xs[label_j], int(yrow), xs[label_j + 1], int(yrow + row_h)], total_label))
    bottom = yrow + row_h
    geo.table_bbox = [xs[0], top, xs[-1], int(bottom)]

    # the stylus's rules
    for xv in xs:
        pen.rule(xv, top, xv, bottom)
    pen.rule(xs[0], top, xs[-1], top)
    pen.rule(xs[0], top + plan.head_h, xs[-1], top + plan.head_h)
    for e in edges[1:]:
        pen.rule(xs[0], e, xs[-1], e)
    pen.rule(xs[0], bottom, xs[-1], bottom)

    # the footer: the signatories' names typed (a copy carries no signatures)
    fy = min(bottom + int(fs * 2.6), H - 300)
    texts = [f"{role} ........... /{rng.choice(SIGNATORIES)}/" for role in x.footer]
    third = (W - 2 * mx) // 3
    if all(pen.width(t, 0.9) < third - fs for t in texts):  # side by side
        for k, t in enumerate(texts):
            pen.type(mx + k * third, fy, t, 0.9)
    else:  # one under another
        for k, t in enumerate(texts):
            pen.type(mx + 40, fy + k * fs * 1.5, t, 0.9)
        fy += int(2 * fs * 1.5)
    if x.stamp and (not sheet.carry_out or rng.random() < 0.5):
        geo.marks.append(_certified(img, rng, W, mx, fy, H, fs))
    return img, geo


def _certified(img: Image.Image, rng: random.Random, W: int, mx: int, fy: float, H: int, fs: int) -> dict[str, object]:
    """The archive's "ВЯРНО С ОРИГИНАЛА" (a rectangular rubber stamp) and a signature over it, under the footer (drawn
    grey here; family_x.scan prints it violet by its mark)."""
    d = ImageDraw.Draw(img)
    f = _font(str(FONT_DIR / LETTERING[2]), int(fs * 0.8))
    text = rng.choice(("ВЯРНО С ОРИГИНАЛА", "ВЯРНО С ОРИГИНАЛА!", "КОПИЕ - ВЯРНО"))
    tw = f.getlength(text)
    w, h = tw + 60, fs * 2.2
    cx = rng.uniform(mx + w / 2 + 40, W - mx - w / 2 - 40)
    cy = min(fy + fs * 2.4 + h / 2, H - h / 2 - 60)
    x0, y0 = cx - w / 2, cy - h / 2
    ink = rng.randint(90, 130)
    d.rectangle((x0, y0, x0 + w, y0 + h), outline=ink, width=4)
    d.text((x0 + 30, cy - fs * 0.55), text, font=f, fill=ink)
    pts = []
    for k in range(24):  # a signature across it
        t = k / 23
        pts.append((x0 + w * (0.2 + 0.7 * t), cy + fs * 0.6 * math.sin(t * rng.uniform(9, 14)) + rng.uniform(-6, 6)))
    d.line(pts, fill=ink - 40, width=3)
    return {"kind": "stamp", "row": None, "polygon": rect_polygon(x0 - 12, y0 - 24, x0 + w + 12, y0 + h + 24)}


# --- the duplicator's copy and its capture ---


@dataclass
class XPage:
    x: XHabits
    seed: int
    phone: bool
    stamps: list[list[list[float]]]  # the polygons of the violet stamps (printed in the stamp's ink)
    table: list[int]  # the table's box on the drawn page (the blots fall outside it)


def page_of(geo: Geometry, x: XHabits, rng: random.Random) -> XPage:
    stamps = [m["polygon"] for m in geo.marks if m.get("kind") == "stamp"]
    return XPage(x, rng.randrange(1 << 30), rng.random() < x.phone, stamps, list(geo.table_bbox))  # type: ignore[arg-type]


def _low(h: int, w: int, rng: random.Random, lo: float, hi: float, n: int) -> np.ndarray:
    grid = np.array([[rng.uniform(lo, hi) for _ in range(n + 1)] for _ in range(n)], dtype=np.float32)
    return np.asarray(cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC), np.float32)


def _copy(a: np.ndarray, page: XPage, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    """The duplicator's copy of the drawn stencil (RGB float, 300 dpi): the ink spread into the paper, small
    counters filled, the inking uneven, blots and specks, the stencil's crease; the archive's stamp in violet."""
    x = page.x
    H, W = a.shape
    ink = np.asarray((255.0 - a) / 255.0, np.float32)
    stamp = np.zeros((H, W), np.uint8)
    for poly in page.stamps:
        cv2.fillPoly(stamp, [np.asarray(poly, np.int32)], 1)
    stamped = ink * stamp
    ink = ink * (1 - stamp)
    # the stencil's centres fell out here and there: the small counters filled with ink
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5)))
    where = (_low(H, W, rng, 0.0, 1.0, 6) < x.fill).astype(np.float32)
    ink = np.asarray(np.maximum(ink, closed * where * 0.92), np.float32)
    # the ink spreading into the absorbent paper
    ink = np.asarray(np.maximum(ink, cv2.dilate(ink, np.ones((2, 2), np.uint8)) * 0.6), np.float32)
    ink = np.asarray(cv2.GaussianBlur(ink, (0, 0), x.spread), np.float32) * 1.15
    # the inking: bands along the drum (down the page), one side running light, mottled
    cols = np.array([rng.uniform(1 - x.bands, 1.0) for _ in range(9)], np.float32)
    band = cv2.resize(cols[None, :], (W, 1), interpolation=cv2.INTER_CUBIC)[0]
    side = 1.0 - x.light_side * np.linspace(0, 1, W, dtype=np.float32) ** 1.5
    if rng.random() < 0.5:
        side = side[::-1]
    mottle = np.asarray(cv2.GaussianBlur(np_rng.standard_normal((H // 8, W // 8)).astype(np.float32), (0, 0), 2.0), np.float32)
    mottle = cv2.resize(mottle, (W, H)) * 0.35 + 1.0
    ink = np.clip(ink * (band * side)[None, :] * mottle, 0, 1)
    # blots, specks and the stencil's crease
    extra = np.zeros((H, W), np.float32)
    tx0, ty0, tx1, ty1 = page.table
    for _ in range(rng.randint(0, x.blots)):  # the blots off the table (its figures stay legible)
        cx, cy = rng.randint(0, W - 1), rng.randint(0, H - 1)
        if tx0 - 90 < cx < tx1 + 90 and ty0 - 90 < cy < ty1 + 90:
            continue
        cv2.ellipse(extra, (cx, cy), (rng.randint(6, 30), rng.randint(4, 18)), rng.uniform(0, 180), 0, 360,
                    rng.uniform(0.3, 0.7), -1)  # fmt: skip
    n = rng.randint(300, 1500)
    for px, py in zip(np_rng.integers(0, W, n), np_rng.integers(0, H, n), strict=True):
        inside = tx0 < px < tx1 and ty0 < py < ty1  # no speck in the table like a decimal point
        cv2.circle(extra, (int(px), int(py)), 1 if inside else rng.choice((1, 1, 2)), rng.uniform(0.1, 0.3 if inside else 0.6), -1)
    if x.crease:
        x0, x1 = rng.uniform(0, W), rng.uniform(0, W)
        cv2.line(extra, (int(x0), 0), (int(x1), H), rng.uniform(0.15, 0.3), 1)
    extra = np.asarray(cv2.GaussianBlur(extra, (0, 0), 1.2), np.float32)
    ink = np.clip(ink + extra, 0, 1)
    paper = np.array(PAPERS[x.paper], np.float32)
    colour = np.array(INKS[x.ink], np.float32)
    fibre = np_rng.standard_normal((H // 2, W // 2)).astype(np.float32)
    fibre = cv2.resize(np.asarray(cv2.GaussianBlur(fibre, (0, 0), 1.0), np.float32), (W, H)) * 5.0
    base = paper[None, None, :] + fibre[..., None]
    out = base - ink[..., None] * (base - colour[None, None, :])
    sv = np.clip(np.asarray(cv2.GaussianBlur(stamped, (0, 0), 1.0), np.float32) * 1.4, 0, 1)
    out = out - sv[..., None] * (out - np.array(STAMP_VIOLET, np.float32)[None, None, :])
    return np.asarray(out, np.float32)


def scan(a: np.ndarray, page: XPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The copy as the archive captured it: a flatbed scan (grey or colour, 200 or 300 dpi, a little askew) or a
    phone's photograph (in perspective on a desk, lit unevenly, a shadow across, a low-quality JPEG). Returns the
    image (RGB or grey), the map from the drawn page to it (2x3, or 3x3 for the photograph) and its dpi."""
    rng = random.Random(page.seed)
    x = page.x
    out = _copy(a, page, rng, np_rng)
    H, W = a.shape
    if not page.phone:
        s = x.dpi / 300
        w2, h2 = int(round(W * s)), int(round(H * s))
        out = cv2.resize(out, (w2, h2), interpolation=cv2.INTER_AREA)
        ang = rng.uniform(-0.8, 0.8)
        rot = cv2.getRotationMatrix2D((w2 / 2, h2 / 2), ang, 1.0)
        m = rot @ np.array([[s, 0.0, 0.0], [0.0, s, 0.0], [0.0, 0.0, 1.0]])
        out = np.asarray(cv2.warpAffine(out, rot, (w2, h2), flags=cv2.INTER_LINEAR, borderValue=(245, 245, 245)), np.float32)
        out *= _low(h2, w2, rng, 0.93, 1.02, 3)[..., None]
        out += np_rng.standard_normal(out.shape).astype(np.float32) * 2.0
        rgb = np.clip(out, 0, 255).astype(np.uint8)
        if not x.colour:
            return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), np.uint8), m, x.dpi
        return rgb, m, x.dpi
    # the phone: the sheet on a desk, in perspective, at about 200 dpi
    s = rng.uniform(0.62, 0.72)
    margin = int(rng.uniform(0.03, 0.06) * max(W, H) * s)
    ow, oh = int(W * s) + 2 * margin, int(H * s) + 2 * margin
    j = 0.018 * min(ow, oh)
    sw, sh = int(round(W * s)), int(round(H * s))
    small = cv2.resize(out, (sw, sh), interpolation=cv2.INTER_AREA)  # the phone's resolution, then its perspective
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    dst = np.array([[margin + rng.uniform(-j, j), margin + rng.uniform(-j, j)],
                    [ow - margin + rng.uniform(-j, j), margin + rng.uniform(-j, j)],
                    [ow - margin + rng.uniform(-j, j), oh - margin + rng.uniform(-j, j)],
                    [margin + rng.uniform(-j, j), oh - margin + rng.uniform(-j, j)]], np.float32)  # fmt: skip
    persp = np.asarray(cv2.getPerspectiveTransform(src, dst), np.float64)
    m3 = persp @ np.array([[sw / W, 0.0, 0.0], [0.0, sh / H, 0.0], [0.0, 0.0, 1.0]])
    desk = DESKS[rng.randrange(len(DESKS))]
    out = np.asarray(cv2.warpPerspective(small, persp, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=desk), np.float32)
    # the light: brighter towards one corner, a soft shadow (the phone, a hand) across a part of it
    yy, xx = np.mgrid[0:oh, 0:ow].astype(np.float32)
    lx, ly = rng.uniform(0, ow), rng.uniform(0, oh)
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / math.hypot(ow, oh)
    light = 1.06 - rng.uniform(0.18, 0.32) * dist
    if rng.random() < 0.7:
        ang = rng.uniform(0, math.pi)
        off = (xx - ow / 2) * math.cos(ang) + (yy - oh / 2) * math.sin(ang) - rng.uniform(-0.3, 0.3) * min(ow, oh)
        light *= 1.0 - rng.uniform(0.12, 0.22) * (1.0 / (1.0 + np.exp(off / (0.04 * min(ow, oh)))))
    del yy, xx, dist
    out *= light[..., None]
    out += np_rng.standard_normal(out.shape).astype(np.float32) * 2.5
    rgb = np.clip(out, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, rng.randint(*x.jpeg)])
    if not ok:
        raise RuntimeError("family X: the phone's JPEG could not be encoded")
    back = decode_image(buf.tobytes(), name="family X: the phone's JPEG", mode="RGB")  # the one page decoder
    rgb = np.asarray(cv2.cvtColor(back, cv2.COLOR_BGR2RGB), np.uint8)
    return rgb, m3, int(round(300 * s))


def flat(a: np.ndarray) -> np.ndarray:
    """The drawn stencil before any copying (``--pristine``)."""
    return a
