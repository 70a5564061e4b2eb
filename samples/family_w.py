"""Family W of the sample generator (held out from its making in session 20, 2026-12-05, helper s29-famw, before
anything was tuned on V, to its one measurement by the lead at the start of session 21; dev seeds 15001-15040 since,
evaluation seed 2046 kept for evaluation only): the archive's copy of a monthly payroll (разчетно-платежна ведомост) filled in on an electric
typewriter on a ministry's printed blank form (образец), 1980-1996, of a district's trade co-operative, a
scientific institute, a hospital's kitchens or a transport depot; the copy a carbon copy on thin onionskin paper,
foliated by the archive and scanned by an overhead book scanner.

What W draws, each file its own combination (samples/families.py applies it over the generic switches):
the form printed in a face of a font package none of A-V uses (fonts-tuffy: Tuffy, its bold and italic) in black,
green or blue-grey ink, its code printed in a top corner ("Образец № 2-ТРЗ"); its column headings printed
on their side (read from the bottom up) in the narrow columns (the row number, the days, the deductions'
items and more), across in the wide ones, on most files a two-level heading ("Начислено" over the pay, "Удръжки"
over the deductions' items and their total, merged cells); on most files a row of column numbers under the heading
("1 2 3 ..." in small print; no person's row); the amounts as the file types them (a dot or a comma, a dash for the
decimal point "1234-56", on some files leva and stotinki in two printed columns "лв." | "ст." with a line of their
own over the column numbers), thousands by a space on some files; the days worked as integers; the figures typed
by an electric typewriter (Tuffy set at a fixed pitch, every letter struck evenly) through carbon paper (black or
the blue-violet "индиго"); title, period, totals' words ("Всичко" row: every column summed) and footer
(главен счетоводител, ръководител, касиер) of its own, the employer's round stamp under the table; deductions itemised (ДОД, пенсионен фонд from 1992,
профсъюзен внос, аванс, заеми и запори: their sum is the truth's ``deductions``), gross = base + additional,
net = gross - deductions.
The copy: the carbon's letters blurred and spread, fainter strokes here and there, the carbon's grey smudges and
finger marks, the next sheet's typing showing through mirrored from the back of the thin paper, creases across it;
corrections: a figure covered with correction fluid (a white blob with a raised grey edge) and retyped over it a
little off the line, and on some files an accountant's figure struck out by hand with the right one written above
it in blue or red ink (the truth is the right figure; a mark ``{"kind": "correction"}`` boxes the written one);
the archive's foliation in a top corner (a violet ring or box stamp "Лист №" with the number written in, or a
pencilled number; neither is the sheet's own number), a staple's rust mark, and the sheet on an overhead book
scanner: one or two fingers holding it at its side edges (flesh-coloured, over the margin and at most the row
numbers' cells, never a scored figure: a mark ``{"kind": "finger"}`` each), the page slightly bent (the truth's
boxes follow), askew on a dark cradle, lit unevenly, at 240 or 300 dpi, in colour (RGB) or greyscale.
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

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents
from .handwork import smooth_field
from .render import FONT_DIR, MONEY, Geometry, Painter, Style, rect_polygon

# Layouts none of A-V draws ("parts": the itemised deductions, before their total)
W_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
     "net_pay"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "signature"),
    ("row", "name", "position", "days_worked", "egn", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
     "net_pay", "signature"),
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "position", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
     "net_pay"),
)  # fmt: skip
PARTS = ("tax", "insurance", "union_fee", "advance", "court")
MAX_COLUMNS = 14

HEADINGS_W: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nвед.", "Ред\n№", "№\nна\nлице"),
    "egn": ("Единен гражд.\nномер", "ЕГН\n(от л. карта)", "Граждански\nномер ЕГН"),
    "name": ("Име, презиме и фамилия\n(по лична карта)", "Трите имена на\nработника/служителя", "Собствено, бащино и\nфамилно име"),
    "position": ("Длъжност\nпо щатно\nразписание", "Заемана\nдлъжност\n(професия)", "Длъжност,\nкатегория"),
    "days_worked": ("Дни\nотраб.", "Дни на\nработа\nпо табел", "Явявания\n(дни)"),
    "base_pay": ("Основно\nтрудово\nвъзнагр-е", "Заплата по\nщатно разписание", "Основна\nработна заплата"),
    "extra_pay": ("Допълн.\nтрудови\nвъзнагр.", "Доплащания\nи премии", "Премии и\nнадбавки"),
    "gross_pay": ("Всичко\nначислено\nза м-ца", "Общо\nначислена\nсума", "Брутно\nвъзнагр.\nза месеца"),
    "tax": ("Данък\nобщ доход\n(ДОД)", "ДОД\nпо\nтаблица", "Данък\nвърху доход"),
    "insurance": ("Лична\nвноска ДОО", "Вноска\nза пенсия", "Пенс.\nвноска\nлична"),
    "union_fee": ("Профсъюз\n1 %", "Членски\nвнос БПС", "Проф.\nчленски\nвнос"),
    "advance": ("Аванс\n(1-во число)", "Аванс\nизплатен", "Получен\nаванс\nза м-ца"),
    "court": ("Заеми\nДСК", "Удръжки по\nизп. листове", "Запори,\nзаеми\nи др."),
    "deductions": ("Всичко\nудържано", "Общо\nудръжки\nза м-ца", "Удръжки\nвсичко"),
    "net_pay": ("Остава за\nплащане", "Сума за\nполучаване\nна ръка", "Чиста\nсума\n(за плащане)"),
    "signature": ("Получих\n(подпис)", "Подпис на\nполучилия", "Подпис\nна лицето"),
}  # fmt: skip
# the group cells over the pay and over the deductions (a two-level heading)
GROUPS_PAY = ("НАЧИСЛЕНО", "Начислено", "Начислени суми")
GROUPS_CUT = ("УДРЪЖКИ", "Удръжки", "Удържани суми")
# the narrow columns whose headings the form prints on their side
NARROW = ("row", "days_worked", "extra_pay", *PARTS, "deductions")

# faces of a font package none of A-V uses (scripts/setup.sh: fonts-tuffy)
_TUFFY = "tuffy/"
W_FACES: dict[str, tuple[str, ...]] = {"typewriter": (_TUFFY + "Tuffy.ttf", _TUFFY + "Tuffy_Bold.ttf")}
W_SIZES: dict[str, tuple[int, int]] = {"typewriter": (34, 40)}
FORM_FACES = (_TUFFY + "Tuffy.ttf", _TUFFY + "Tuffy_Bold.ttf", _TUFFY + "Tuffy_Italic.ttf")
HAND_FACE = _TUFFY + "Tuffy_Bold_Italic.ttf"  # an accountant's figures, slanted, each a little turned

# (thousands, decimal) as the files type them; "-" a dash for the decimal point, "split" leva and stotinki in
# columns of their own
W_MONEY = (("", "."), ("", ","), ("", "-"), (" ", ","), (" ", "-"), ("", "split"), (" ", "split"))
FORM_INKS = {"black": (30, 30, 34), "green": (34, 92, 70), "bluegrey": (52, 70, 102)}
CARBONS = {"black": (40, 40, 46), "indigo": (58, 48, 132)}
PEN_INKS = {"blue": (30, 56, 170), "red": (176, 34, 40)}
STAMP_PAD = (118, 64, 168)
PENCIL = (96, 96, 100)
SKIN = ((226, 172, 142), (206, 150, 118), (232, 186, 160), (188, 132, 104))
CRADLES = {"black": (16, 16, 18), "grey": (62, 62, 66), "green": (24, 46, 34)}

# W's periods as the typist typed them on the form (data.said_period's templates)
W_PERIODS: dict[str, str | tuple[str, ...]] = {
    "word": ("през месец {word} {y} година", "Месец {word}, {y} г."),
    "upper": ("ЗА МЕСЕЦ {WORD} {y} ГОДИНА", "МЕСЕЦ: {WORD} {y} г."),
    "roman": ("за м. {roman}/{y} г.", "месец {roman} – {y} г."),
    "digits": ("за м. {mm}/{y} г.", "месец {mm} – {y} год."),
}
W_TITLES = ("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ ЗА ТРУДОВИТЕ ВЪЗНАГРАЖДЕНИЯ", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ ЗА ЗАПЛАТИ",
            "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ (ОКОНЧАТЕЛНО)", "ВЕДОМОСТ ЗА РАБОТНИ ЗАПЛАТИ И УДРЪЖКИ")  # fmt: skip
W_TOTAL_WORDS = ("Всичко по ведомостта:", "ВСИЧКО ЗА МЕСЕЦА", "Всичко за изплащане", "ВСИЧКО ПО ЛИСТА:")
W_FOOTERS = (("Гл. счетоводител:", "Ръководител:", "Касиер:"), ("Главен счетоводител:", "Директор:", "Касиер:"),
             ("Изготвил:", "Главен счетоводител:", "Ръководител:"), ("Касиер:", "Гл. счетоводител:", "Председател:"))  # fmt: skip
FORM_CODES = ("Образец № 2-ТРЗ", "Обр. 16 ТРЗ – ДП „Образци“", "Образец ТРЗ-3, утв. от МФ", "Бланка № 112 (ТРЗ)")
# (kind, names, trades for a man and a woman)
EMPLOYERS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("coop", ("Районна потребителна кооперация „Зора“ – Нова Загора", "РПК „Родопи“ – гр. Девин",
              "Районен кооперативен съюз – Провадия", "ПК „Еделвайс“ – с. Бяла черква", "РПК „Огоста“ – Берковица"),
     (("продавач", "продавачка"), ("счетоводител", "счетоводителка"), ("складодържател", "касиерка"),
      ("шофьор", "продавач-консултант"), ("заготвител", "заготвителка"), ("хлебар", "сладкарка"))),
    ("institute", ("Институт по лозарство и винарство – Плевен", "Институт по физиология на растенията – БАН",
                   "НИИ по мелиорации – Пловдив", "Опитна станция по тютюна – Пазарджик",
                   "Институт по металознание при БАН – София"),
     (("н.с. II ст.", "н.с. II ст."), ("лаборант", "лаборантка"), ("химик", "химичка"), ("техник", "техничка"),
      ("инженер", "инженер"), ("библиотекар", "библиотекарка"))),
    ("kitchen", ("Окръжна болница – Кърджали, кухненски блок", "ОРБ „Св. Анна“ – Варна, болнична кухня",
                 "Градска болница – Свищов, кухня", "Районна болница – Ихтиман, домакинство"),
     (("готвач", "готвачка"), ("помощник-готвач", "кухненска работничка"), ("домакин", "домакиня"),
      ("диетолог", "диетоложка"), ("общ работник", "миячка"), ("снабдител", "хигиенистка"))),
    ("depot", ("Трамвайно депо „Красна поляна“ – София", "Тролейбусно депо – Плевен", "Автобусно депо „Изток“ – Бургас",
               "ДАП – Кубрат, автоколона № 2", "Автобусно депо – Хасково"),
     (("водач на МПС", "кондукторка"), ("автомонтьор", "диспечерка"), ("електромонтьор", "кондукторка"),
      ("стругар", "касиерка"), ("нарядчик", "нарядчичка"), ("бояджия", "чистачка"))),
)  # fmt: skip


@dataclass(frozen=True)
class WHabits:
    """One W file's switches, drawn once per file."""

    face: str  # the typewriter's face (under FONT_DIR)
    pitch: float  # its advance per letter, as a share of the type's size
    form_face: str  # the printed form's face
    form_ink: str  # "black", "green", "bluegrey"
    carbon: str  # "black" or "indigo"
    kind: str  # "coop", "institute", "kitchen", "depot"
    thousands: str
    decimal: str  # ".", ",", "-" or "split" (leva and stotinki in columns of their own)
    groups: bool  # the two-level heading
    numbers: bool  # the row of column numbers
    period: str  # "word", "upper", "roman", "digits"
    total_word: str
    footer: tuple[str, ...]
    form_code: str
    # the copy
    blur: float  # how much the carbon spread the letters (sigma at 300 dpi)
    strength: float  # how dark the carbon is (0..1)
    faint: float  # the share of faint strokes
    through: float  # how strongly the next sheet's typing shows through mirrored
    smudges: int  # the carbon's grey smudges per page (up to)
    prints: int  # the carbon's finger marks per page (up to)
    creases: int  # creases per page (up to)
    fluid: float  # the share of pages with a figure under correction fluid
    hand: float  # the share of pages with a figure struck out and written above by hand
    pen: str  # the accountant's ink
    folio: str  # "ring", "box", "pencil"
    folio_offset: int  # the archive's sheet count before this file's first sheet
    staple: bool
    # the overhead scanner
    fingers: float  # the share of pages held by one or two fingers
    bend: float  # how much the page bends (pixels at 300 dpi, up to)
    colour: bool
    dpi: int
    cradle: str


def draw(rng: random.Random) -> WHabits:
    thousands, decimal = rng.choice(W_MONEY)
    return WHabits(
        face=rng.choice(W_FACES["typewriter"]), pitch=rng.uniform(0.58, 0.66), form_face=rng.choice(FORM_FACES),
        form_ink=rng.choice(tuple(FORM_INKS)), carbon=rng.choice(("black", "indigo", "indigo")),
        kind=rng.choice(("coop", "institute", "kitchen", "depot")), thousands=thousands, decimal=decimal,
        groups=rng.random() < 0.75, numbers=rng.random() < 0.8, period=rng.choice(("word", "upper", "roman", "digits")),
        total_word=rng.choice(W_TOTAL_WORDS), footer=rng.choice(W_FOOTERS), form_code=rng.choice(FORM_CODES),
        blur=rng.uniform(1.1, 2.2), strength=rng.uniform(0.62, 0.9), faint=rng.uniform(0.0, 0.25),
        through=rng.uniform(0.04, 0.14), smudges=rng.randint(0, 4), prints=rng.randint(0, 3), creases=rng.randint(0, 3),
        fluid=rng.choice((0.3, 0.6, 0.9)), hand=rng.choice((0.0, 0.0, 0.4, 0.7)), pen=rng.choice(("blue", "red")),
        folio=rng.choice(("ring", "box", "pencil")), folio_offset=rng.randint(3, 180), staple=rng.random() < 0.6,
        fingers=rng.choice((0.3, 0.6, 0.9)), bend=rng.uniform(3.0, 16.0), colour=rng.random() < 0.6,
        dpi=rng.choice((240, 300, 300)), cradle=rng.choice(tuple(CRADLES)),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, w: WHabits, rng: random.Random) -> None:
    """A W file in place of the generic file's layout and words: the employer of its kind, its people's trades (a
    woman's in her form), its layout (the deductions it itemises; no more columns than the form holds), its
    headings and group cells."""
    _, names, trades = next(e for e in EMPLOYERS if e[0] == w.kind)
    ef.employer = rng.choice(names)
    for p in ef.staff:
        p.position = rng.choice(trades)[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    base = list(rng.choice(W_LAYOUTS))
    parts = ["tax"] + [c for c in PARTS[1:] if rng.random() < 0.5]
    if ef.start[0] < 1992 and "insurance" in parts:  # the personal pension contribution came in 1992
        parts.remove("insurance")
    if len(parts) < 2:
        parts.append(rng.choice(("union_fee", "advance")))
        parts.sort(key=PARTS.index)
    room = MAX_COLUMNS - (2 if w.decimal == "split" else 0)
    for c in ("position", "signature"):
        if len(base) - 1 + len(parts) > room and c in base:
            base.remove(c)
    while len(base) - 1 + len(parts) > room and len(parts) > 2:
        parts.pop()
    layout: list[str] = []
    for c in base:
        layout += parts if c == "parts" else [c]
    ef.layout = tuple(layout)
    ef.headings = {c: rng.choice(HEADINGS_W[c]) for c in ef.layout}
    ef.groups = ()
    if w.groups:
        ef.groups = (("base_pay", "gross_pay", rng.choice(GROUPS_PAY)), (parts[0], "deductions", rng.choice(GROUPS_CUT)))



def adapt_sheet(sheet: SheetContent, w: WHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """A W sheet: the deductions' items (their sum the deductions, the net the gross less them; gross = base +
    additional), every column's total; the amounts' form, the title, the period, the totals' words, the groups."""
    parts = [c for c in sheet.layout if c in PARTS]
    for r in sheet.rows:
        base, extra = amount_or_nought(r["base_pay"]), amount_or_nought(r["extra_pay"])
        gross = base + extra
        big = gross > 2000
        cuts = {
            "tax": cents(gross * Decimal(rng.randint(60, 130)) / 1000),
            "insurance": cents(gross * Decimal(rng.randint(20, 45)) / 1000),
            "union_fee": cents(gross / 100),
            "advance": Decimal(rng.choice((30, 40, 50, 60, 80))) * (100 if big else 1),
            "court": Decimal(rng.choice((12, 18, 25, 40))) * (100 if big else 1) if rng.random() < 0.25 else Decimal(0),
        }
        for c in parts:
            r[c] = min(cuts[c], cents(gross / 5))
        ded = sum((amount_or_nought(r[c]) for c in parts), Decimal(0))
        r["extra_pay"], r["gross_pay"], r["deductions"], r["net_pay"] = extra, gross, ded, gross - ded
    money = (*MONEY, *parts)
    sheet.totals = {f: sum((amount_or_nought(r.get(f)) for r in sheet.rows), Decimal(0)) for f in money if f in sheet.layout}
    sheet.stotinki = sheet.loose_thousands = False
    sheet.thousands_space, sheet.thousands_sep = bool(w.thousands), w.thousands or " "
    sheet.split_cents = w.decimal == "split"
    sheet.decimal_comma = w.decimal == ","
    sheet.decimal_sep = "-" if w.decimal == "-" else ""
    sheet.dash_zero = w.decimal in ("-", "split")  # a dash for nothing, where a dash is not the decimal point too
    sheet.groups = ef.groups if ef is not None else sheet.groups
    sheet.title = rng.choice(W_TITLES)
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, W_PERIODS, w.period)
    sheet.total_label = w.total_word


def style(w: WHabits, rng: random.Random, base: Style) -> None:
    """A W sheet's style: the electric typewriter at its fixed pitch (Electric: the typing on a layer of its own, the
    carbon's), a printed A4 form, landscape, fully ruled, its headings printed (on their side in the narrow columns),
    the column numbers; no corrections, stamps across or hand totals of the generic kind."""
    base.landscape = True
    base.page = None
    base.font = FONT_DIR / w.face
    base.size = min(base.size, W_SIZES["typewriter"][1])
    base.writer = Electric(str(FONT_DIR / w.face), w.pitch)
    base.typewriter = False
    base.corrections = False
    base.totals_hand = False
    base.stamp_rows = False
    base.signatures_cross = False
    base.footer_roles = w.footer
    base.ruled = True
    base.ruling = "full"
    base.ink = rng.randint(15, 35)
    base.rule_ink = base.ink
    base.line_width = 2
    base.heading_scale = rng.uniform(0.62, 0.74)
    base.form_font = FONT_DIR / w.form_face
    base.printed_heads = True
    base.vertical_cols = tuple(c for c in NARROW if rng.random() < 0.85 or c in ("row", "days_worked"))
    base.column_numbers = w.numbers
    base.stamp_below = True


# --- the electric typewriter: a fixed pitch, every letter struck evenly, on a layer of its own ---


@lru_cache(maxsize=8)
def _face(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@lru_cache(maxsize=4096)
def _glyph(path: str, size: int, ch: str, cell: int) -> tuple[Image.Image, int, int] | None:
    """The letter's mask narrowed into its cell where it is wider, its offset from the cell's left and the top."""
    f = _face(path, size)
    box = [int(round(b)) for b in f.getbbox(ch)]
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    im = Image.new("L", (box[2] - box[0] + 2, box[3] - box[1] + 2), 0)
    ImageDraw.Draw(im).text((1 - box[0], 1 - box[1]), ch, font=f, fill=255)
    if im.width > cell * 0.9:
        wd = max(2, int(cell * 0.9))
        im = im.resize((wd, im.height), Image.Resampling.LANCZOS)
        return im, (cell - wd) // 2, box[1] - 1
    return im, box[0] - 1 + int(round((cell - f.getlength(ch)) / 2)), box[1] - 1


class Electric:
    """What types a W sheet's text (render.Writer): an electric typewriter's fixed pitch, every key struck with the
    same force; the typing goes onto a layer of its own (``layer_of(page)``: white, the page's size), the carbon's,
    which family_w.scan spreads and blurs; the form's print and the pen stay on the page."""

    def __init__(self, font: str, pitch: float) -> None:
        self.font = font
        self.pitch = pitch
        self._layers: dict[int, tuple[Image.Image, Image.Image]] = {}

    def layer_of(self, page: Image.Image) -> Image.Image:
        got = self._layers.get(id(page))
        if got is None or got[0] is not page:
            got = (page, Image.new("L", page.size, 255))
            self._layers = {id(page): got}  # the page being drawn (render's earlier tries are dropped)
        return got[1]

    def cell(self, size: int, scale: float) -> float:
        return max(12, int(size * scale)) * self.pitch

    def width(self, p: Painter, text: str, scale: float) -> int:
        return int(round(len(text) * self.cell(p.style.size, scale)))

    def text(self, p: Painter, x: float, y_mid: float, text: str, scale: float) -> None:
        self.type_on(self.layer_of(p.img), p.style.size, p.style.ink, x, y_mid, text, scale, p.rng)

    def type_on(
        self, layer: Image.Image, size: int, ink: int, x: float, y_mid: float, text: str, scale: float, rng: random.Random
    ) -> None:
        sz = max(12, int(size * scale))
        cell = self.cell(size, scale)
        f = _face(self.font, sz)
        top = y_mid - f.getmetrics()[0] * 0.62
        for k, ch in enumerate(text):
            if not ch.strip():
                continue
            g = _glyph(self.font, sz, ch, int(cell))
            if g is None:
                continue
            mask, dx, dy = g
            pos = (int(round(x + k * cell + dx + rng.uniform(-0.5, 0.5))), int(round(top + dy + rng.uniform(-0.7, 0.7))))
            layer.paste(min(90, ink + rng.randint(0, 12)), pos, mask)


# --- after the drawing: corrections, foliation and what the copy and the scanner did (decided here) ---


@dataclass(frozen=True, eq=False)
class WPage:
    """One W page's layers and damage, decided on the drawn page (300 dpi): the carbon's typing (``typed``), what
    was retyped over correction fluid (``over``), the pen's (``pen``), the archive's foliation (``folio``); the
    fluid's patches, the ballpoint's and stamps' boxes on the page, smudges, finger marks, creases, the staple, the
    fingers holding the sheet, its bend, angle and margin on the cradle."""

    w: WHabits
    seed: int
    typed: np.ndarray
    over: np.ndarray
    pen: np.ndarray
    folio: np.ndarray
    fluids: tuple[tuple[int, int, int, int], ...]
    pen_boxes: tuple[tuple[int, int, int, int], ...]  # signatures on the page (ballpoint)
    stamp_boxes: tuple[tuple[int, int, int, int], ...]  # the employer's stamp on the page
    smudges: tuple[tuple[float, float, float, float, float, float], ...]  # (cx, cy, rx, ry, angle, strength)
    prints: tuple[tuple[float, float, float, float, float, float], ...]  # the carbon's finger marks, the same
    creases: tuple[tuple[float, float, float], ...]  # (x, y, angle in degrees) of a line across the sheet
    staple: tuple[float, float, float] | None  # (x, y, angle) of the staple's rust at the top-left corner
    fingers: tuple[tuple[float, float, float, float, float, int], ...]  # (tip x, tip y, base x, base y, width, tone)
    bend: tuple[float, bool]  # (amplitude, raised at the right edge)
    through: tuple[int, int]  # the mirrored typing's shift (dx, dy)
    angle: float
    margin: int


def _slip(text: str, rng: random.Random) -> str:
    """The figure with one digit struck wrong (never its first)."""
    digits = [k for k, ch in enumerate(text) if ch.isdigit() and k > 0]
    k = rng.choice(digits) if digits else len(text) - 1
    wrong = rng.choice([d for d in "0123456789" if d != text[k]])
    return text[:k] + wrong + text[k + 1 :]


def _parts(text: str, split: bool) -> tuple[str, str]:
    """A figure as typed: (leva, stotinki) in a split column, else (the figure, "")."""
    if split and len(text) > 3 and not text[-3].isdigit():
        return text[:-3], text[-2:]
    return text, ""


def _type_cell(
    layer: Image.Image, bars: Electric, st: Style, x0: float, x1: float, y_mid: float, text: str, split: bool,
    rng: random.Random, dx: float = 0.0,
) -> tuple[float, float]:
    """A figure typed right-aligned in the cell between ``x0`` and ``x1`` as render's ``put`` types it (leva and
    stotinki in their columns where the money is split); returns the x span it takes."""
    fs = st.size
    pad = int(fs * 0.45)
    wd = lambda t: round(len(t) * bars.cell(fs, 1.0))  # noqa: E731
    leva, cents = _parts(text, split)
    if cents:
        cents_w = wd("00") + pad
        xc = x1 - (cents_w + wd(cents)) / 2 + dx
        xl = x1 - cents_w - pad / 2 - wd(leva) + dx
        bars.type_on(layer, fs, st.ink, xc, y_mid, cents, 1.0, rng)
        bars.type_on(layer, fs, st.ink, xl, y_mid, leva, 1.0, rng)
        return xl, xc + wd(cents)
    x = x1 - pad - wd(text) + dx
    bars.type_on(layer, fs, st.ink, x, y_mid, text, 1.0, rng)
    return x, x + wd(text)


def _hand(layer: Image.Image, x1: float, y_mid: float, text: str, size: int, rng: random.Random) -> tuple[float, float]:
    """An accountant's figure written in ink ending at ``x1`` (each digit a little turned and off the line);
    returns its x span."""
    f = _face(str(FONT_DIR / HAND_FACE), size)
    widths = [f.getlength(ch) + 2 for ch in text]
    x = x1 - sum(widths)
    x_start = x
    for ch, wch in zip(text, widths, strict=True):
        g = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(g).text((size // 2, size // 3), ch, font=f, fill=255)
        g = g.rotate(rng.uniform(-7, 7), resample=Image.Resampling.BILINEAR)
        layer.paste(rng.randint(20, 50), (int(x - size // 2), int(y_mid - size * 0.45 - size // 3 + rng.uniform(-3, 3))), g)
        x += wch
    return x_start, x


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, w: WHabits, rng: random.Random) -> WPage:
    """Decide the page's corrections, foliation, copy and scan on its drawn geometry: the corrections go onto the
    layers (the truth keeps the right figures; a hand correction gets a mark ``correction``), the fingers get a
    mark ``finger`` each."""
    bars = st.writer
    assert isinstance(bars, Electric)
    W, H = img.size
    typed = bars.layer_of(img)
    over = Image.new("L", (W, H), 255)
    pen = Image.new("L", (W, H), 255)
    folio = Image.new("L", (W, H), 255)
    cols = sheet.layout
    n = len(sheet.rows)
    fs = st.size
    heads = sorted((b for r, _, b, _ in geo.cells if r == 0), key=lambda b: b[0])
    xs = sorted({b[0] for b in heads} | {b[2] for b in heads})
    tb = geo.table_bbox
    cells = {(r, c): (b, t) for r, c, b, t in geo.cells}
    money = [j for j, c in enumerate(cols) if c in MONEY or c in PARTS]
    spots = [(i, j) for i in range(1, n + 1) for j in money if (i, j) in cells and cells[(i, j)][1][-1:].isdigit()]
    n_fluid = rng.randint(1, 3) if rng.random() < w.fluid else 0
    n_hand = rng.randint(1, 2) if rng.random() < w.hand else 0
    chosen = rng.sample(spots, min(len(spots), n_fluid + n_hand))
    fluids: list[tuple[int, int, int, int]] = []
    erase = ImageDraw.Draw(typed)
    for k, (i, j) in enumerate(chosen):
        box, right = cells[(i, j)]
        x0, y0, x1, y1 = box
        ymid = (y0 + y1) / 2
        row_h = y1 - y0
        erase.rectangle((x0 + 2, y0 + 2, x1 - 2, y1 - 2), fill=255)
        wrong = _slip(right, rng)
        if k < n_fluid:  # the slip whited out, the right figure typed on the dried patch a little off the line
            a, b = _type_cell(typed, bars, st, x0, x1, ymid, wrong, sheet.split_cents, rng)
            fx0 = max(x0 + 4, int(a - rng.uniform(6, 14)))
            fx1 = min(x1 - 4, int(b + rng.uniform(4, 12)))
            fy0 = max(y0 + 3, int(ymid - fs * rng.uniform(0.62, 0.78)))
            fy1 = min(y1 - 3, int(ymid + fs * rng.uniform(0.48, 0.62)))
            fluids.append((fx0, fy0, fx1, fy1))
            dy = rng.choice((-1, 1)) * fs * rng.uniform(0.08, 0.18)
            _type_cell(over, bars, st, x0, x1, ymid + dy, right, sheet.split_cents, rng, dx=rng.uniform(-5, 5))
        else:  # typed wrong lower in the row, struck out by hand, the right one written above it in ink
            y_wrong = ymid + row_h * 0.16
            a, b = _type_cell(typed, bars, st, x0, x1, y_wrong, wrong, sheet.split_cents, rng)
            d = ImageDraw.Draw(pen)
            for _ in range(rng.choice((1, 1, 2))):
                d.line((a - 6, y_wrong + rng.uniform(-4, 5), b + 6, y_wrong + rng.uniform(-7, 2)), fill=rng.randint(25, 55),
                       width=rng.choice((3, 4)))  # fmt: skip
            size = int(fs * 0.78)
            y_fix = ymid - row_h * 0.24
            leva, cents = _parts(right, sheet.split_cents)
            pad = int(fs * 0.45)
            if cents:  # the leva over the leva, the stotinki over the stotinki
                cents_w = round(2 * bars.cell(fs, 1.0)) + pad
                h0, _ = _hand(pen, x1 - cents_w - pad / 2, y_fix, leva, size, rng)
                _, h1 = _hand(pen, x1 - pad / 3, y_fix, cents, size, rng)
            else:
                while size > fs * 0.5 and _face(str(FONT_DIR / HAND_FACE), size).getlength(right) + 2 * len(right) > x1 - x0 - pad * 2:
                    size -= 2
                h0, h1 = _hand(pen, x1 - pad - rng.uniform(0, 8), y_fix, right, size, rng)
            geo.marks.append({"kind": "correction", "row": i - 1,
                              "polygon": rect_polygon(h0 - 8, y_fix - size * 0.7, h1 + 8, y_fix + size * 0.55)})  # fmt: skip
    # the form's code, printed in a top corner; the archive's foliation in the other
    code_font = _face(str(FONT_DIR / w.form_face), int(fs * 0.6))
    form = ImageDraw.Draw(img)
    left_code = rng.random() < 0.5
    cw = code_font.getlength(w.form_code)
    cx_code = tb[0] if left_code else W - tb[0] - cw
    form.text((cx_code, rng.uniform(40, 70)), w.form_code, font=code_font, fill=st.rule_ink)
    _foliate(folio, w, sheet.sheet + w.folio_offset, W, left_code, rng)
    # the ballpoint's boxes (signatures) and the stamps' (the employer's), coloured apart from the form in the scan
    pens: list[tuple[int, int, int, int]] = []
    head_bottom = max((b[3] for b in heads), default=tb[1])
    if "signature" in cols and len(xs) > cols.index("signature") + 1:
        j = cols.index("signature")
        pens.append((xs[j] + 3, head_bottom + 3, xs[j + 1] - 3, tb[3] - 3))
    fy = min(tb[3] + int(fs * 2.5), H - 260)
    role_font = _face(str(FONT_DIR / w.form_face), fs)
    for k, role in enumerate(st.footer_roles):
        sx = tb[0] + k * ((W - 2 * tb[0]) // 3) + role_font.getlength(role) + 20
        pens.append((int(sx - 12), int(fy - fs * 0.6 - 12), int(sx + fs * 4 + 14), int(fy + fs * 0.5 + 12)))
    stamps = tuple(_box_of(mk["polygon"]) for mk in geo.marks if mk["kind"] == "stamp")
    # the copy's carbon smudges and finger marks, creases, the staple
    smudges = tuple((rng.uniform(0, W), rng.uniform(0, H), rng.uniform(60, 260), rng.uniform(40, 160), rng.uniform(0, 180),
                     rng.uniform(0.04, 0.12)) for _ in range(rng.randint(0, w.smudges)))  # fmt: skip
    prints = tuple((rng.uniform(0, W), rng.uniform(0, H), rng.uniform(55, 80), rng.uniform(75, 105), rng.uniform(0, 180),
                    rng.uniform(0.08, 0.2)) for _ in range(rng.randint(0, w.prints)))  # fmt: skip
    creases = tuple((rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H, rng.choice((0.0, 90.0)) + rng.uniform(-12, 12))
                    for _ in range(rng.randint(0, w.creases)))  # fmt: skip
    staple = (rng.uniform(70, 160), rng.uniform(50, 110), rng.uniform(-50, -10)) if w.staple else None
    fingers = _fingers(geo, cols, xs, W, H, w, rng)
    for f in fingers:
        geo.marks.append({"kind": "finger", "row": None, "polygon": _finger_polygon(f, W)})
    return WPage(
        w=w, seed=rng.randrange(2**31), typed=np.asarray(typed, np.uint8), over=np.asarray(over, np.uint8),
        pen=np.asarray(pen, np.uint8), folio=np.asarray(folio, np.uint8), fluids=tuple(fluids), pen_boxes=tuple(pens),
        stamp_boxes=stamps, smudges=smudges, prints=prints, creases=creases, staple=staple, fingers=fingers,
        bend=(rng.uniform(0.4, 1.0) * w.bend, rng.random() < 0.5), through=(rng.randint(-40, 40), rng.randint(-60, 60)),
        angle=rng.uniform(-1.4, 1.4), margin=rng.randint(40, 120),
    )  # fmt: skip


def _foliate(layer: Image.Image, w: WHabits, number: int, W: int, right: bool, rng: random.Random) -> None:
    """The archive's foliation in a top corner: a ring stamp or a box stamp "Лист №" with the number written in,
    or a pencilled number."""
    d = ImageDraw.Draw(layer)
    ink = rng.randint(40, 90)
    hand = _face(str(FONT_DIR / HAND_FACE), rng.randint(38, 48))
    small = _face(str(FONT_DIR / w.form_face), 22)
    cx = W - rng.uniform(95, 125) if right else rng.uniform(95, 125)  # in the very corner, over the header's margin
    cy = rng.uniform(62, 80)
    if w.folio == "pencil":
        d.text((cx - 30, cy - 25), str(number), font=hand, fill=ink + 40)
        if rng.random() < 0.5:
            d.ellipse((cx - 48, cy - 36, cx + 48 + 8 * len(str(number)), cy + 36), outline=ink + 50, width=2)
        return
    if w.folio == "ring":
        r = rng.uniform(54, 62)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=4)
        d.ellipse((cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72), outline=ink, width=2)
        rim = "НОИ * ОСИГУРИТЕЛЕН АРХИВ * "
        tiny = _face(str(FONT_DIR / w.form_face), 15)
        for k, ch in enumerate(rim):
            a = -math.pi / 2 + 2 * math.pi * k / len(rim)
            d.text((cx + r * 0.86 * math.cos(a) - 5, cy + r * 0.86 * math.sin(a) - 8), ch, font=tiny, fill=ink)
        d.text((cx - 24, cy - 32), "Лист №", font=tiny, fill=ink)
        d.text((cx - 22, cy - 12), str(number), font=hand, fill=max(20, ink - 30))
        return
    cx += -20 if right else 20
    d.rectangle((cx - 80, cy - 36, cx + 80, cy + 36), outline=ink, width=3)
    d.text((cx - 70, cy - 28), "АРХИВ НОИ", font=small, fill=ink)
    d.text((cx - 70, cy + 4), "Лист №", font=small, fill=ink)
    d.text((cx + 8, cy - 12), str(number), font=hand, fill=max(20, ink - 30))


def _box_of(polygon: object) -> tuple[int, int, int, int]:
    pts = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    return (int(pts[:, 0].min()), int(pts[:, 1].min()), int(pts[:, 0].max()) + 1, int(pts[:, 1].max()) + 1)


def _fingers(
    geo: Geometry, cols: tuple[str, ...], xs: list[int], W: int, H: int, w: WHabits, rng: random.Random
) -> tuple[tuple[float, float, float, float, float, int], ...]:
    """One or two fingers holding the sheet at its left or right edge on the cradle: each reaches in from beyond the
    edge over the margin, at most over the row numbers' (or the signatures') cells, never a scored figure."""
    if rng.random() >= w.fingers or len(xs) < 3 or not geo.row_bboxes:
        return ()
    tb = geo.table_bbox
    out: list[tuple[float, float, float, float, float, int]] = []
    sides = rng.choice(((0,), (1,), (0, 0), (0, 1), (1, 1)))
    for k, side in enumerate(sides):
        if side == 0:  # the left edge: the row numbers' cells at most (where the table opens with them)
            limit = (xs[1] - 10) if cols[0] == "row" else (tb[0] - 14)
            tip_x = rng.uniform(min(limit, tb[0] * 0.45), limit)
        else:
            limit = (xs[-2] + 10) if cols[-1] in ("signature",) else (tb[2] + 14)
            tip_x = rng.uniform(limit, max(limit, W - (W - tb[2]) * 0.45))
        width = rng.uniform(150, 210)
        length = rng.uniform(320, 480)
        y = rng.uniform(0.2, 0.85) * H if k == 0 else out[0][1] + rng.choice((-1, 1)) * rng.uniform(width * 1.1, width * 1.5)
        y = min(max(y, width), H - width)
        tilt = rng.uniform(-0.35, 0.35)
        over = width / 2 * (1 - math.cos(tilt)) + 3  # the round tip's reach beyond its point where it leans
        tip_x = tip_x - over if side == 0 else tip_x + over
        base_x = tip_x - length * math.cos(tilt) if side == 0 else tip_x + length * math.cos(tilt)
        base_y = y + length * math.sin(tilt)
        out.append((tip_x, y, base_x, base_y, width, rng.randrange(len(SKIN))))
    return tuple(out)


def _finger_polygon(f: tuple[float, float, float, float, float, int], W: int) -> list[list[float]]:
    """The finger's outline on the page (a capsule from its base to its tip, ``width`` wide), clipped to the sheet."""
    tx, ty, bx, by, width, _ = f
    ang = math.atan2(ty - by, tx - bx)
    nx, ny = -math.sin(ang), math.cos(ang)
    r = width / 2
    pts = []
    for k in range(13):  # the round tip
        a = ang - math.pi / 2 + math.pi * k / 12
        pts.append([tx - r * math.cos(ang) + r * math.cos(a), ty - r * math.sin(ang) + r * math.sin(a)])
    pts += [[bx - nx * r, by - ny * r], [bx + nx * r, by + ny * r]]
    return [[min(max(x, 0.0), float(W)), y] for x, y in pts]


# --- the scan: the carbon copy on onionskin, on an overhead book scanner ---



def _mask_of(shape: tuple[int, int], boxes: tuple[tuple[int, int, int, int], ...], s: float) -> np.ndarray:
    m = np.zeros(shape, np.uint8)
    for x0, y0, x1, y1 in boxes:
        cv2.rectangle(m, (int(x0 * s), int(y0 * s)), (int(x1 * s), int(y1 * s)), 1, -1)
    return m.astype(bool)


def _ink(layer: np.ndarray, W: int, H: int) -> np.ndarray:
    x = np.asarray((255.0 - layer.astype(np.float32)) / 255.0, np.float32)
    if x.shape != (H, W):
        x = np.asarray(cv2.resize(x, (W, H), interpolation=cv2.INTER_AREA), np.float32)
    return x


def _carbon(ink: np.ndarray, w: WHabits, s: float, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    """Typing as a carbon copy takes it: spread and blurred, uneven, grainy, some strokes faint."""
    h, wd = ink.shape
    x = cv2.GaussianBlur(ink, (0, 0), w.blur * s + 0.3)
    x = np.minimum(1.0, x * rng.uniform(1.25, 1.6))
    x *= w.strength * smooth_field(h, wd, rng, 0.78, 1.05, 5)
    grain = cv2.resize(np_rng.random((h // 3 + 1, wd // 3 + 1), dtype=np.float32), (wd, h), interpolation=cv2.INTER_LINEAR)
    x *= 0.8 + 0.2 * grain
    if w.faint > 0:  # strokes the key struck lighter (the carbon worn there): patches a letter or two wide
        small = (np_rng.random((h // 18 + 1, wd // 18 + 1), dtype=np.float32) < w.faint).astype(np.float32)
        small = np.asarray(cv2.GaussianBlur(small, (0, 0), 0.6), np.float32)
        x *= 1.0 - 0.45 * cv2.resize(small, (wd, h), interpolation=cv2.INTER_LINEAR)
    return np.asarray(np.clip(x, 0.0, 1.0), np.float32)


def _soft(x: np.ndarray, sigma: float, k: int) -> np.ndarray:
    """``x`` blurred by ``sigma`` (pixels of ``x``), the blur done at 1/``k`` of its size."""
    h, w = x.shape
    small = cv2.resize(x, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), max(0.5, sigma / k))
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)


def _window(layer: np.ndarray) -> tuple[slice, slice] | None:
    """The bounding window of a layer's non-zero pixels, or None."""
    rows = np.flatnonzero(layer.any(axis=1))
    if not len(rows):
        return None
    cols = np.flatnonzero(layer[rows[0] : rows[-1] + 1].any(axis=0))
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def _absorb(ch: np.ndarray, layer: np.ndarray, k: float, win: tuple[slice, slice] | None) -> None:
    """``ch`` darkened in place where ``layer`` has ink absorbing ``k`` of the light (inside its window)."""
    if win is None:
        return
    part = layer[win] * np.float32(k)
    np.subtract(np.float32(1.0), part, out=part)
    ch[win] *= part


def _ellipse_map(h: int, w: int, cx: float, cy: float, rx: float, ry: float, ang: float, blur: float) -> np.ndarray:
    m = np.zeros((h, w), np.float32)
    cv2.ellipse(m, (int(cx), int(cy)), (max(1, int(rx)), max(1, int(ry))), ang, 0, 360, 1.0, -1)
    return np.asarray(cv2.GaussianBlur(m, (0, 0), blur), np.float32)


def scan(a: np.ndarray, page: WPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """The drawn page (grey, 300 dpi: the form's print, signatures and stamps) with its layers as the overhead
    scanner saw the carbon copy: the carbon's typing, the correction fluid and the retyped figures, the pen, the
    foliation, the mirrored typing from the back, smudges, finger marks, creases, the staple's rust; bent, askew on
    the cradle, lit unevenly, the fingers over its edges. Returns the image (RGB, or grey when the file is scanned
    in greyscale), the 2x3 map from the drawn page to it (after the bend), its dpi and the bend (the vertical shift
    per column of the drawn page)."""
    from . import degrade

    w = page.w
    rng = random.Random(page.seed)
    s = w.dpi / 300
    H0, W0 = a.shape
    W, H = int(round(W0 * s)), int(round(H0 * s))
    m = np.array([[W / W0, 0.0, 0.0], [0.0, H / H0, 0.0]])
    main = _ink(a, W, H)
    pen_box = _mask_of((H, W), page.pen_boxes, s)
    stamp_box = _mask_of((H, W), page.stamp_boxes, s) & ~pen_box
    signed = np.where(pen_box, main, 0.0).astype(np.float32)
    stamped = np.where(stamp_box, main, 0.0).astype(np.float32)
    main[pen_box | stamp_box] = 0.0
    del pen_box, stamp_box
    raw = _ink(page.typed, W, H)
    typed = _carbon(raw, w, s, rng, np_rng)
    over = _carbon(_ink(page.over, W, H), w, s, rng, np_rng)
    pen = _ink(page.pen, W, H)
    pen = np.asarray(cv2.GaussianBlur(pen, (0, 0), 0.6 * s + 0.2), np.float32)
    folio = _ink(page.folio, W, H)
    # the next sheet's typing through the thin paper, mirrored
    back = cv2.flip(raw, 1)
    dx, dy = int(page.through[0] * s), int(page.through[1] * s)
    back = np.roll(np.roll(back, dy, axis=0), dx, axis=1)
    back = _soft(back, 2.2 * s + 0.8, 2) * np.float32(w.through)
    del raw
    # the fluid's patches: the typing under them covered, their raised edge's shadow; then what was retyped
    white = np.zeros((H, W), np.float32)
    edge = np.zeros((H, W), np.float32)
    for x0, y0, x1, y1 in page.fluids:
        bx0, by0, bx1, by1 = int(x0 * s) - 6, int(y0 * s) - 6, int(x1 * s) + 6, int(y1 * s) + 6
        bx0, by0 = max(0, bx0), max(0, by0)
        hh, ww = by1 - by0, bx1 - bx0
        if hh < 8 or ww < 8:
            continue
        blob = np.zeros((hh, ww), np.uint8)
        cv2.ellipse(blob, (ww // 2, hh // 2), (max(2, ww // 2 - 5), max(2, hh // 2 - 5)), 0, 0, 360, 1, -1)
        cv2.rectangle(blob, (int(ww * 0.12), 6), (int(ww * 0.88), hh - 6), 1, -1)
        coat = rng.uniform(0.9, 0.98)
        inside = blob.astype(bool)
        typed[by0:by1, bx0:bx1][inside] *= 1.0 - coat
        back[by0:by1, bx0:bx1][inside] *= 0.2
        white[by0:by1, bx0:bx1][inside] = 1.0
        ring = cv2.morphologyEx(blob, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8)).astype(np.float32)
        shift = np.roll(np.roll(ring, 2, axis=0), 2, axis=1)  # the shadow under the raised edge
        edge[by0:by1, bx0:bx1] += cv2.GaussianBlur(shift, (0, 0), 1.2) * rng.uniform(0.25, 0.4)
    typed = np.maximum(typed, over)
    del over
    # the carbon's smudges and finger marks (grey), the staple's rust
    e = 8  # the smudges drawn and blurred at an eighth of the size
    dirt_small = np.zeros((H // e + 1, W // e + 1), np.float32)
    for cx, cy, rx, ry, ang, k in page.smudges:
        dirt_small += _ellipse_map(H // e + 1, W // e + 1, cx * s / e, cy * s / e, rx * s / e, ry * s / e, ang,
                                   max(rx, ry) * s / e / 3) * np.float32(k)  # fmt: skip
    dirt = np.asarray(cv2.resize(dirt_small, (W, H), interpolation=cv2.INTER_LINEAR), np.float32)
    for cx, cy, rx, ry, ang, k in page.prints:
        r = int(max(rx, ry) * s) + 8
        x0, y0 = max(0, int(cx * s) - r), max(0, int(cy * s) - r)
        x1, y1 = min(W, int(cx * s) + r), min(H, int(cy * s) + r)
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        t = math.radians(ang)
        u = ((xx - cx * s) * math.cos(t) + (yy - cy * s) * math.sin(t)) / (rx * s)
        v = (-(xx - cx * s) * math.sin(t) + (yy - cy * s) * math.cos(t)) / (ry * s)
        rr = np.sqrt(u * u + v * v)
        ridges = 0.5 + 0.5 * np.sin(rr * rx * 2 * math.pi / 9.0 + 1.5 * np.sin(3 * u + 2 * v))
        dirt[y0:y1, x0:x1] += (np.clip(1.2 - rr, 0, 1) * ridges * k).astype(np.float32)
    rust = np.zeros((H, W), np.float32)
    holes = np.zeros((H, W), np.float32)
    if page.staple is not None:
        sx, sy, ang = page.staple
        t = math.radians(ang)
        ends = [(sx * s + c * 70 * s * math.cos(t), sy * s + c * 70 * s * math.sin(t)) for c in (-1, 1)]
        line = np.zeros((H, W), np.float32)
        cv2.line(line, (int(ends[0][0]), int(ends[0][1])), (int(ends[1][0]), int(ends[1][1])), 1.0, max(2, int(6 * s)))
        rust = np.asarray(cv2.GaussianBlur(line, (0, 0), 9 * s), np.float32) * np.float32(rng.uniform(1.2, 2.2))
        rust = np.minimum(rust, 0.7) + line * 0.3
        for ex, ey in ends:
            cv2.circle(holes, (int(ex), int(ey)), max(2, int(4 * s)), 1.0, -1)
    # the paper: onionskin (light, a faint cream or grey, its fibres), creases, lit by the scanner's lamps
    shade = smooth_field(H, W, rng, 0.93, 1.02, 5)
    fib = cv2.resize(np_rng.random((H // 6 + 1, W // 2 + 1), dtype=np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    shade *= 0.985 + 0.03 * fib
    del fib
    if page.creases:  # each a dark groove beside a light ridge, the carbon rubbed off along it
        groove = np.zeros((H, W), np.float32)
        ridge = np.zeros((H, W), np.float32)
        rub = np.zeros((H, W), np.float32)
        reach = 2 * (W + H)
        for cx, cy, ang in page.creases:
            t = math.radians(ang)
            ux, uy, nx, ny = math.cos(t), math.sin(t), -math.sin(t), math.cos(t)
            for layer, off in ((groove, 3 * s), (ridge, -3 * s), (rub, 0.0)):
                a0 = (int(cx * s + off * nx - reach * ux), int(cy * s + off * ny - reach * uy))
                a1 = (int(cx * s + off * nx + reach * ux), int(cy * s + off * ny + reach * uy))
                cv2.line(layer, a0, a1, 1.0, max(2, int(3 * s)))
        shade *= 1.0 - 0.1 * cv2.GaussianBlur(groove, (0, 0), 1.5 * s) + 0.05 * cv2.GaussianBlur(ridge, (0, 0), 1.5 * s)
        typed *= 1.0 - 0.4 * cv2.GaussianBlur(rub, (0, 0), 1.2 * s)
        del groove, ridge, rub
    paper = np.array([rng.uniform(232, 244), rng.uniform(230, 242), rng.uniform(220, 236)], np.float32)
    carbon = 1.0 - np.array(CARBONS[w.carbon], np.float32) / 255.0
    form_k = 1.0 - np.array(FORM_INKS[w.form_ink], np.float32) / 255.0
    pen_k = 1.0 - np.array(PEN_INKS[w.pen], np.float32) / 255.0
    ball_k = 1.0 - np.array(PEN_INKS["blue"], np.float32) / 255.0
    pad_k = 1.0 - np.array(STAMP_PAD, np.float32) / 255.0
    folio_k = 1.0 - np.array(PENCIL if w.folio == "pencil" else STAMP_PAD, np.float32) / 255.0
    grey_k = 1.0 - np.array((90, 90, 96), np.float32) / 255.0
    rust_k = 1.0 - np.array((150, 92, 52), np.float32) / 255.0
    np.minimum(signed, 1.0, out=signed)
    np.minimum(pen, 1.0, out=pen)
    full = (slice(0, H), slice(0, W))
    wins = {id(x): _window(x) for x in (white, edge, rust, stamped, signed, pen, folio, holes)}
    out = np.empty((H, W, 3), np.float32)
    for c in range(3):
        ch = np.asarray(shade * paper[c], np.float32)
        win = wins[id(white)]
        if win is not None:
            ch[win] += white[win] * (250.0 - ch[win]) * 0.8
        for lay, k, win in ((back, carbon[c], full), (dirt, grey_k[c], full), (edge, grey_k[c], wins[id(edge)]),
                              (rust, rust_k[c], wins[id(rust)]), (main, form_k[c], full), (typed, carbon[c], full),
                              (stamped, pad_k[c], wins[id(stamped)]), (signed, ball_k[c], wins[id(signed)]),
                              (pen, pen_k[c], wins[id(pen)]), (folio, folio_k[c], wins[id(folio)]),
                              (holes, 0.85, wins[id(holes)])):  # fmt: skip
            _absorb(ch, lay, float(k), win)
        out[..., c] = ch
    del shade, white, back, dirt, edge, rust, main, typed, stamped, signed, pen, folio, holes
    # the page bent on the cradle: one edge raised (the rows curve towards it), the light falling off there
    amp, right = page.bend
    xr = np.arange(W0, dtype=np.float64) / max(1, W0 - 1)
    bend = -amp * ((xr if right else 1.0 - xr) ** 2.5)
    shift_s = (np.interp(np.arange(W) / s, np.arange(W0), bend) * s).astype(np.float32)
    map_x = np.tile(np.arange(W, dtype=np.float32), (H, 1))
    map_y = np.arange(H, dtype=np.float32)[:, None] - shift_s[None, :]
    cradle = np.array(CRADLES[w.cradle], np.float32)
    border = (float(cradle[0]), float(cradle[1]), float(cradle[2]))
    out = np.asarray(cv2.remap(out, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border), np.float32)
    del map_x, map_y
    fall = 1.0 - 0.08 * ((xr if right else 1.0 - xr) ** 3) * amp / 16.0
    out *= cv2.resize(fall.astype(np.float32)[None, :], (W, 1))[0][None, :, None]
    # on the cradle, a little askew, the margin around it dark
    pad = int(page.margin * s)
    rot = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, 1.0)
    rot[:, 2] += pad
    out = np.asarray(cv2.warpAffine(out, rot, (W + 2 * pad, H + 2 * pad), flags=cv2.INTER_LINEAR, borderValue=border), np.float32)
    m = degrade.compose(rot, m)
    hh, ww = out.shape[:2]
    out *= smooth_field(hh, ww, rng, 0.9, 1.04, 4)[..., None]
    # the fingers holding it (over the sheet's edge and the cradle beside it)
    for f in page.fingers:
        _finger(out, f, m, rng)
    out += np_rng.standard_normal(out.shape, dtype=np.float32) * np.float32(rng.uniform(1.5, 3.0))
    rgb = np.clip(out, 0, 255).astype(np.uint8)
    del out
    if not w.colour:
        return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), np.uint8), m, w.dpi, bend
    return rgb, m, w.dpi, bend


def flat(a: np.ndarray, page: WPage) -> np.ndarray:
    """The drawn page with its layers as they lie on the sheet, before any copying or scanning (``--pristine``):
    the darkest of the page and its layers, the fluid's patches white under what was retyped."""
    typed = page.typed.astype(np.float32)
    for x0, y0, x1, y1 in page.fluids:
        typed[y0:y1, x0:x1] = 255.0
    layers = (a, typed, page.over.astype(np.float32), page.pen.astype(np.float32), page.folio.astype(np.float32))
    return np.asarray(np.minimum.reduce(layers), np.float32)


def _finger(out: np.ndarray, f: tuple[float, float, float, float, float, int], m: np.ndarray, rng: random.Random) -> None:
    """A finger over the image: a capsule of skin from its base to its round tip, shaded across, a nail near the
    tip, a soft shadow beside it."""
    from . import degrade

    tx, ty, bx, by, width, tone = f
    (tx2, ty2), (bx2, by2) = degrade.map_points(np.array([[tx, ty], [bx, by]]), m)
    r = width / 2 * math.hypot(m[0, 0], m[1, 0])
    hh, ww = out.shape[:2]
    x0, x1 = int(max(0, min(tx2, bx2) - r - 20)), int(min(ww, max(tx2, bx2) + r + 20))
    y0, y1 = int(max(0, min(ty2, by2) - r - 20)), int(min(hh, max(ty2, by2) + r + 20))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    ax, ay = tx2 - bx2, ty2 - by2
    length = math.hypot(ax, ay) or 1.0
    ux, uy = ax / length, ay / length
    along = (xx - bx2) * ux + (yy - by2) * uy  # 0 at the base, ``length`` at the tip
    across = -(xx - bx2) * uy + (yy - by2) * ux
    t = np.clip(along, 0, length - r)
    dist = np.sqrt((along - t) ** 2 + across**2)  # to the capsule's axis (its round end at the tip)
    body = np.clip((r - dist) / 3.0, 0, 1)
    shadow = np.clip((r + 14 - dist) / 14.0, 0, 1) * (1 - body) * 0.35
    roll = np.clip(1.0 - (across / r) ** 2, 0, 1) ** 0.5  # rounder in the middle, darker at its sides
    skin = np.array(SKIN[tone], np.float32)
    win = out[y0:y1, x0:x1]
    win *= (1.0 - shadow)[..., None]
    colour = skin[None, None, :] * (0.72 + 0.28 * roll)[..., None]
    nail = ((((along - (length - r * 1.05)) / (r * 0.75)) ** 2 + (across / (r * 0.55)) ** 2) < 1.0).astype(np.float32)
    nail = np.asarray(cv2.GaussianBlur(nail, (0, 0), 2.0), np.float32) * rng.uniform(0.35, 0.55)
    colour = colour * (1 - nail[..., None]) + np.array((236, 214, 206), np.float32) * nail[..., None]
    win[:] = win * (1 - body[..., None]) + colour * body[..., None]
