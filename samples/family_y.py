"""Family Y of the sample generator (held out from its making in session 22, 2026-12-05, helper s31-famy, before
anything was tuned on X, to its one measurement by the lead at the start of session 23; a development family since:
dev seeds 17001-17040, evaluation seed 2048 kept for evaluation only): the monthly payroll of a small organisation (a community centre, "читалище"; a school; a
kindergarten; a municipality's small service; a craftsmen's co-operative's workshop; 3-14 people; 1980-1996) as the
archive received it in a bundle of documents.

What Y draws, each file its own combination (samples/families.py applies it over the generic switches):
an A3 sheet, landscape, typed on a portable typewriter (fonts-liberation2's Liberation Mono, its regular and bold:
a font package none of A-X uses) with a worn ribbon (every key struck a little harder or softer, the ribbon's
fabric showing in the strokes, on some files its upper or lower half worn so the letters' tops or feet run light),
in the ribbon's black or violet; the title typed letter-spaced in capitals ("В Е Д О М О С Т") on some files,
the headings typed (in capitals on some files) with words none of A-X uses, a column order of Y's own
(``Y_LAYOUTS``: the itemised deductions ДОД, профсъюзен внос, аванс, запори on some, their sum the truth's
``deductions``), the money in a form the file keeps (a comma or a dot for the stotinki, the thousands by a dot, an
apostrophe, a space or nothing; a nought typed "-", "--" or in full; row numbers with a dot or without); the
table ruled afterwards with a ruler in pencil or ballpoint (every rule, or the columns and the heading's only),
the people's signatures scribbled in the last column.
What happened to the sheet in its month: a person who left is struck through, by a diagonal line across the row
or a horizontal line through it, with "напуснал(а)", "анулирано" or "освободен(а)" written by hand beside it. A
struck row paid nothing and is NOT in the truth (no person-month record of that sheet; its printed row number is
skipped by the truth's rows, the totals row sums the rows that stand), and the person is off the roster from then
on. A person hired late in the month is written in by hand (ink or ballpoint, the hand of family T's handwriting
faces, samples/family_t.Hand) under the typed rows, row number and all: in the truth, and on the roster typed from
the next month on; on such a sheet the totals' figures are written by the same hand (the totals' words, "Всичко
по листа:", "СУМА ПО ЛИСТА", ..., typed), including the written rows.
What happened to it in the bundle: folded in four (the folds' cross printing as creases, a ridge of light and
shade along each, the ink rubbed along them, the paper worn at their crossing), kept in a transparent plastic
sleeve ("джоб": its edge and its punched strip round the sheet, glare bands and reflections across parts of the
page, the film's haze); a paper clip at its top edge, a slip stapled on (a receipt, a note "Виж приложението", a
sick-leave note's number) or an archive's sticky label lying over some cells on some pages: what they hide stays in
the truth (a reader must flag what it cannot see, never guess), a mark ``{"kind": "covered", "row": i, "fields":
[...]}`` for every row some of whose typed or written cells they hide (the totals row's with ``"row": null``);
struck rows carry a mark ``{"kind": "struck", "row": null}``. Captured either on an A3 flatbed in its sleeve
(200 dpi, grey or colour, a little askew) or photographed from above (in perspective, lit unevenly, the glare
stronger); every page's boxes and marks follow the capture.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, hire, pay_scale, working_days
from .family_t import T_HANDS, Hand
from .render import FONT_DIR, MONEY, Geometry, Painter, Style, cell_text, rect_polygon

# the itemised deductions a layout may have (their sum is ``deductions``)
PARTS = ("tax", "union_fee", "advance", "court")
Y_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
     "advance", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "advance", "tax",
     "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "position", "base_pay", "extra_pay", "days_worked", "gross_pay", "tax", "advance",
     "court", "deductions", "net_pay", "signature"),
    ("row", "position", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "union_fee", "tax", "deductions",
     "net_pay", "signature"),
)  # fmt: skip

HEADINGS_Y: dict[str, tuple[str, ...]] = {
    "row": ("По\nред", "No\nпо\nред", "Пор.\nNo"),
    "name": ("Име, бащино и фамилно\nиме на служителя", "Служител\n(име, презиме, фамилия)", "Име и фамилия\nна лицето"),
    "position": ("Щатно\nмясто", "Длъжност\n(по щатното\nразписание)", "Служба /\nдлъжност"),
    "egn": ("ЕГН по\nлична карта", "Граждански\nномер\n(по паспорт)", "ЕГН -\n10 знака", "ЕГН\n(от л.к.)"),
    "days_worked": ("Дни\nна щат", "Изкарани\nработни дни", "Работил\nдни (бр.)", "Дни\n(явил се)"),
    "base_pay": ("Основна\nщатна\nзаплата", "Заплата\nпо щат\n(лв.)", "Полагаема\nзаплата"),
    "extra_pay": ("За прослужено\nвреме и др.", "Други\nдобавки\n(лв.)", "Класно и\nдобавки"),
    "gross_pay": ("Дължимо\nвсичко", "Начислено\nза м-ца", "Сума\nпо ведомост", "Полагаемо\nза м-ца"),
    "tax": ("Данък\nпо ДОД", "Удържан\nданък ДОД", "ДОД\n(по табл.)"),
    "union_fee": ("Вноска за\nсиндиката", "Профсъюзна\nчленска вн."),
    "advance": ("Взет аванс\nна 15-то", "Аванс\n(15-то число)"),
    "court": ("Запори\n(изп. листове)", "Изпълнителни\nлистове"),
    "deductions": ("Удържано\nобщо (лв.)", "Удръжки -\nвсичко (лв.)", "Общо\nудържки"),
    "net_pay": ("Остава\nза раздаване", "Получава\nна ръка", "За получ.\nна ръка", "Раздадено\n(лв.)"),
    "signature": ("Подпис\nна получил", "Получих\nсумата:", "Подпис\nна лицето\n(получил)"),
}  # fmt: skip

# faces of a font package none of A-X uses (scripts/setup.sh: fonts-liberation2)
_LM = "liberation2/LiberationMono-"
Y_FACES: dict[str, tuple[str, ...]] = {"typewriter": (_LM + "Regular.ttf", _LM + "Regular.ttf", _LM + "Bold.ttf")}
Y_SIZES: dict[str, tuple[int, int]] = {"typewriter": (32, 40)}  # the type on an A3 sheet drawn at 200 dpi
A3 = (3307, 2339)  # an A3 sheet, landscape, at 200 dpi

Y_MONEY = (("", ","), (".", ","), ("'", ","), ("", "."), (" ", "."))
RIBBONS = {"black": (28, 26, 30), "violet": (88, 48, 120)}
PENS = {"blue": (28, 48, 150), "black": (30, 30, 40), "violet": (96, 40, 140)}
PENCIL = (96, 96, 104)
PAPERS = ((238, 234, 222), (232, 230, 224), (240, 236, 216))

Y_TITLES = ("ВЕДОМОСТ", "ВЕДОМОСТ ЗА ЗАПЛАТИ", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ИЗПЛАТЕНИ ЗАПЛАТИ")
Y_TOTAL_WORDS = ("Всичко по листа:", "СУМА ПО ЛИСТА", "Всичко за м-ца:", "В с и ч к о :")
PERIODS: dict[str, str | tuple[str, ...]] = {
    "word": ("за месец {word} {y} година", "за м. {word} {y}г."),
    "upper": ("ЗА МЕСЕЦ {WORD} {y} ГОД.", "ЗА {WORD} {y} Г."),
    "digits": ("за {mm}.{y}г.", "месец {m}/{y} г."),
    "roman": ("за {roman}.{y} г.", "за м. {roman} - {y}"),
}
# the footer's two roles, by the organisation's kind
FOOTERS = {"chitalishte": (("Секретар:", "Председател на настоятелството:"), ("Касиер:", "Председател:")),
           "school": (("Съставил:", "Директор:"), ("Домакин:", "Директор:")),
           "kindergarten": (("Домакин:", "Директорка:"), ("Съставил:", "Завеждащ ЦДГ:")),
           "municipal": (("Изготвил:", "Кмет:"), ("Счетоводител:", "Ръководител:")),
           "workshop": (("Счетоводител:", "Председател на ТПК:"), ("Изготвил:", "Майстор:"))}  # fmt: skip
STRUCK_WORDS = (("напуснал", "напуснала"), ("анулирано", "анулирано"), ("освободен", "освободена"))
SLIPS = (("РАЗПИСКА", "Получих сумата", "............ лв.", "/подпис/"), ("Виж приложението!",),
         ("Болн. лист N {n}", "от {d}.{mm}.{y}"), ("Виж приложението", "- заповед N {n}"),
         ("Бележка:", "удръжка по", "изп. лист N {n}"))  # fmt: skip
LABELS = ("ф. {a}, оп. {b}, а.е. {c}", "Инв. N {n}", "ДА - {town}", "а.е. {c}, л. {b}")
TOWNS = ("Габрово", "Ловеч", "Кърджали", "Сливен", "Враца", "Видин")
# the organisations of each kind; straight quotes and hyphens: the portable typewriter had none else
EMPLOYERS: dict[str, tuple[str, ...]] = {
    "chitalishte": ("НЧ \"Христо Ботев - 1884\" - с. Бяла черква", "Народно читалище \"Просвета\" - гр. Дряново",
                    "НЧ \"Отец Паисий\" - с. Гложене", "Читалище \"Светлина - 1902\" - гр. Трявна"),
    "school": ("ОУ \"Васил Левски\" - с. Кривина", "СОУ \"Н. Й. Вапцаров\" - гр. Елена",
               "Основно училище \"Св. Св. Кирил и Методий\" - с. Катунец", "ПГ по земеделие - гр. Кнежа"),
    "kindergarten": ("ЦДГ N 3 \"Слънце\" - Габрово", "ОДЗ \"Радост\" - гр. Павликени", "ЦДГ \"Зора\" - с. Бистрец",
                     "Детска градина N 7 - Сливен"),
    "municipal": ("Общинска служба \"Гробищен парк\" - Ловеч", "Кметство с. Драгижево",
                  "Служба \"Озеленяване\" при ОбНС - Тетевен", "Общинска баня - гр. Вършец"),
    "workshop": ("ТПК \"Обувкар\" - Ямбол, шивашка работилница", "ТПК \"Единство\" - работилница за ремонт",
                 "ТПК \"Зора\" - Габрово, бояджийски цех", "ТПК \"Възход\" - с. Медвен, дърводелска работилница"),
}  # fmt: skip
# the positions at each kind, a man's and a woman's word
POSITIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "chitalishte": (("секретар", "библиотекарка"), ("художествен ръководител", "секретарка"), ("хигиенист", "чистачка"),
                    ("огняр", "касиерка"), ("хормайстор", "хореографка")),
    "school": (("учител", "учителка"), ("директор", "завеждаща канцелария"), ("пазач", "прислужница"),
               ("огняр", "домакинка"), ("възпитател", "възпитателка")),
    "kindergarten": (("огняр", "детска учителка"), ("шофьор", "помощник-възпитателка"), ("общ работник", "готвачка"),
                     ("пазач", "перачка"), ("домакин", "медицинска сестра")),
    "municipal": (("градинар", "озеленителка"), ("пазач", "касиерка"), ("шофьор", "чистачка"),
                  ("работник", "счетоводителка"), ("майстор", "деловодителка")),
    "workshop": (("обущар", "шивачка"), ("дърводелец", "кроячка"), ("бояджия", "приемчица"), ("шлосер", "касиерка"),
                 ("майстор", "гладачка")),
}  # fmt: skip


@dataclass(frozen=True)
class YHabits:
    """One Y file's switches, drawn once per file."""

    face: str  # the portable typewriter's face (under FONT_DIR)
    kind: str  # the organisation: "chitalishte", "school", "kindergarten", "municipal", "workshop"
    layout: tuple[str, ...]
    thousands: str
    decimal: str  # "," or "."
    zero: str  # how a nought is typed: "" (in full), "-" or "--"
    row_dot: bool  # row numbers typed "1."
    spaced_title: bool  # the title letter-spaced ("В Е Д О М О С Т")
    caps_heads: bool  # the headings typed in capitals
    title: str
    total_word: str
    footer: tuple[str, str]  # the roles signing under the table
    period: str  # PERIODS' key
    ruling: str  # "full" or "columns" (the columns and the heading's rules only)
    rule_pen: str  # "pencil" or PENS' key
    ribbon: str  # RIBBONS' key
    wear: float  # how worn the ribbon is (0.2..0.6)
    band: str  # "top", "bottom" or "none": which half of the ribbon is worn
    struck: float  # the share of months a leaver is struck
    strike: str  # "diagonal" or "line"
    late: float  # the share of months a late hire is written in
    hand: str  # the hand's face (family T's handwriting faces)
    slant: float
    pen: str  # PENS' key of the hand's pen
    clip: float  # the share of pages with a paper clip
    slip: float  # ... a stapled slip over the table
    label: float  # ... the archive's sticky label over the table
    photo: float  # the share of pages photographed (the rest scanned on an A3 flatbed)
    colour: bool  # a scan in colour (a photograph always is)


def draw(rng: random.Random) -> YHabits:
    thousands, decimal = rng.choice(Y_MONEY)
    kind = rng.choice(tuple(EMPLOYERS))
    return YHabits(
        face=rng.choice(Y_FACES["typewriter"]), kind=kind,
        layout=rng.choice(Y_LAYOUTS), thousands=thousands, decimal=decimal, zero=rng.choice(("", "-", "--")),
        row_dot=rng.random() < 0.5, spaced_title=rng.random() < 0.5, caps_heads=rng.random() < 0.35,
        title=rng.choice(Y_TITLES), total_word=rng.choice(Y_TOTAL_WORDS), footer=rng.choice(FOOTERS[kind]),
        period=rng.choice(tuple(PERIODS)), ruling=rng.choice(("full", "full", "columns")),
        rule_pen=rng.choice(("pencil", "pencil", "blue", "black")), ribbon=rng.choice(("black", "black", "violet")),
        wear=rng.uniform(0.2, 0.6), band=rng.choice(("top", "bottom", "none")),
        struck=rng.choice((0.0, 0.3, 0.5)), strike=rng.choice(("diagonal", "line")), late=rng.choice((0.0, 0.35, 0.6)),
        hand=rng.choice(T_HANDS), slant=rng.uniform(-0.05, 0.25), pen=rng.choice(tuple(PENS)),
        clip=rng.choice((0.3, 0.7)), slip=rng.choice((0.0, 0.4, 0.6)), label=rng.choice((0.0, 0.3, 0.5)),
        photo=rng.choice((0.0, 0.5, 1.0)), colour=rng.random() < 0.6,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, y: YHabits, rng: random.Random) -> None:
    """A Y file in place of the generic file's layout and words: 3-14 people, the organisation of its kind, its
    people's positions (a woman's in her form), the layout and its headings (in capitals on some files)."""
    ef.employer = rng.choice(EMPLOYERS[y.kind])
    ef.staff = ef.staff[: rng.randint(4, min(14, len(ef.staff)))]
    for p in ef.staff:
        p.position = rng.choice(POSITIONS[y.kind])[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    ef.layout = y.layout
    ef.headings = {c: rng.choice(HEADINGS_Y[c]) for c in ef.layout}
    if y.caps_heads:
        ef.headings = {c: h.upper() for c, h in ef.headings.items()}



def _money(r: dict[str, object], parts: list[str], rng: random.Random) -> None:
    """A row's money: gross = base + additional, the itemised deductions (or one sum), net = gross - deductions."""
    base, extra = r["base_pay"], r["extra_pay"]
    assert isinstance(base, Decimal) and isinstance(extra, Decimal)
    gross = base + extra
    cuts = {"tax": cents(gross * Decimal(rng.randint(50, 110)) / 1000), "union_fee": cents(gross / 100),
            "advance": cents(gross * Decimal(rng.choice((0, 0, 30, 40))) / 100),
            "court": Decimal(rng.choice((15, 20, 30))) * (10 if gross > 2000 else 1) if rng.random() < 0.25 else Decimal(0)}  # fmt: skip
    for c in parts:
        r[c] = min(cuts[c], cents(gross * Decimal("0.4")))
    ded = sum((amount_or_nought(r[c]) for c in parts), Decimal(0)) if parts else cents(gross * Decimal(rng.randint(70, 160)) / 1000)
    r["gross_pay"], r["deductions"], r["net_pay"] = gross, ded, gross - ded


def adapt_sheet(sheet: SheetContent, y: YHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """A Y sheet: the money (``_money``); a leaver struck (out of the truth and off the roster); a late hire written
    in by hand (in the truth, on the roster from the next month); the totals of the rows that stand; the amounts'
    form, the title, the period, the totals' word. ``sheet.extra``: "y_lines" (the page's rows in order: ("typed",
    row), ("struck", row, word) or ("hand", row))."""
    if ef is None:
        raise ValueError("family Y: a sheet without its file")
    parts = [c for c in sheet.layout if c in PARTS]
    for r in sheet.rows:
        _money(r, parts, rng)
    lines: list[tuple[object, ...]] = [("typed", r) for r in sheet.rows]
    if len(sheet.rows) >= 4 and len(ef.staff) > 3 and rng.random() < y.struck:  # a leaver: typed, then struck
        k = rng.randrange(1, len(sheet.rows))
        gone = sheet.rows.pop(k)
        female = int(str(gone["egn"])[8]) % 2
        lines[k] = ("struck", gone, rng.choice(STRUCK_WORDS)[female])
        ef.staff = [p for p in ef.staff if p.egn != gone["egn"]]
    if len(ef.staff) < 14 and rng.random() < y.late:  # a late hire, written in under the typed rows
        y0 = ef.start[0]
        p = hire(rng, y0)
        p.position = rng.choice(POSITIONS[y.kind])[int(p.egn[8]) % 2]
        wd = working_days(sheet.year, sheet.month)
        days = rng.randint(2, max(2, wd - 2))
        base = cents(p.salary * pay_scale(y0, sheet.year) * Decimal(days) / Decimal(wd))
        last = max(int(str(ln[1]["row"])) for ln in lines)  # type: ignore[index]
        late: dict[str, object] = {"row": last + 1, "egn": p.egn, "name": p.name,
                                "position": p.position if "position" in sheet.layout else None,
                                "days_worked": days if "days_worked" in sheet.layout else None, "days_paid": days,
                                "base_pay": base, "extra_pay": Decimal(0)}  # fmt: skip
        _money(late, parts, rng)
        sheet.rows.append(late)
        lines.append(("hand", late))
        ef.staff.append(p)
    sheet.extra["y_lines"] = lines
    money = (*MONEY, *parts)
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in money if f in sheet.layout}
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.thousands_space, sheet.thousands_sep = bool(y.thousands), y.thousands or " "
    sheet.decimal_comma = y.decimal == ","
    sheet.decimal_sep = ""
    sheet.dash_zero = y.zero == "-"
    sheet.zero_mark = "--" if y.zero == "--" else ""
    sheet.row_dot = y.row_dot
    sheet.title = " ".join(y.title) if y.spaced_title else y.title
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, PERIODS, y.period)
    sheet.total_label = y.total_word


def style(y: YHabits, rng: random.Random, base: Style) -> None:
    """A Y sheet's style: the portable typewriter on an A3 sheet (the rest is drawn by family_y.render)."""
    base.font = FONT_DIR / y.face
    base.typewriter = True
    base.size = rng.randint(*Y_SIZES["typewriter"])
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = True, y.ruling


# --- drawing the sheet: the typing on an A3 sheet; the pen's layer (rules, written rows, strikes, signatures) ---


@lru_cache(maxsize=16)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(10, size))


class _Typewriter:
    """A portable typewriter: a fixed pitch, every key struck a little harder or softer, a little off the line."""

    def __init__(self, img: Image.Image, face: str, size: int, rng: random.Random) -> None:
        self.draw = ImageDraw.Draw(img)
        self.f = _font(face, size)
        self.pitch = self.f.getlength("0")
        self.rng = rng
        self.size = size
        self.lines: list[list[int]] = []  # every typed line's box (the ribbon's worn half shows on them)

    def width(self, text: str) -> float:
        return len(text) * self.pitch

    def type(self, x: float, y_mid: float, text: str) -> None:
        asc, desc = self.f.getmetrics()
        top = y_mid - asc * 0.62
        for k, ch in enumerate(text):
            if ch != " ":
                self.draw.text((x + k * self.pitch + self.rng.uniform(-0.6, 0.6), top + self.rng.uniform(-1.2, 1.2)), ch,
                               font=self.f, fill=self.rng.randint(0, 95))  # fmt: skip
        if text.strip():
            self.lines.append([int(x), int(top), int(x + len(text) * self.pitch) + 1, int(top + asc + desc)])


@dataclass
class _Plan:
    xs: list[int]  # the columns' edges
    top: int  # the table's top
    head_h: int
    row_h: int
    rows: list[tuple[str, int, int, dict[str, object], str]]  # (kind, y0, y1, row, word) in the page's order
    total: tuple[int, int]  # the totals row
    footer: int
    signs: list[float] = field(default_factory=list)  # where the footer's signatures go


def _heading_lines(sheet: SheetContent, c: str) -> list[str]:
    return sheet.headings[c].split("\n")


def render(sheet: SheetContent, st: Style, y: YHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The typed A3 sheet (grey, 200 dpi) and the geometry of its rows: the type a size smaller until the table fits
    (as the typist chose the pitch). What the pen did is drawn by ``page_of``; its plan is kept in
    ``sheet.extra["y_plan"]``."""
    W, H = A3
    lines = sheet.extra["y_lines"]
    assert isinstance(lines, list)
    size = st.size
    spacing = rng.uniform(2.3, 3.0) if len(lines) > 8 else rng.uniform(2.6, 3.4)  # the typist's spacing of the rows
    while True:
        tw = _Typewriter(Image.new("L", (4, 4), 255), str(st.font), size, rng)
        pad = int(tw.pitch * 0.8)
        widths = []
        for c in sheet.layout:
            w = max(tw.width(t) for t in _heading_lines(sheet, c))
            cells = [cell_text(sheet, ln[1], c) for ln in lines]
            if c in sheet.totals:
                cells.append(cell_text(sheet, sheet.totals, c))  # type: ignore[arg-type]
            w = max(w, *(tw.width(t) for t in cells), tw.pitch * (8 if c == "signature" else 2))
            widths.append(int(w) + 2 * pad)
        line_h = int(size * 1.25)
        head_h = max(len(_heading_lines(sheet, c)) for c in sheet.layout) * line_h + 2 * pad
        row_h = int(size * spacing)
        table_h = head_h + (len(lines) + 1) * row_h
        if sum(widths) <= W - 260 and table_h <= H - 700 or size <= 20:
            break
        size -= 1
    st.size = size
    img = Image.new("L", (W, H), 255)
    tw = _Typewriter(img, str(st.font), size, rng)
    geo = Geometry(W, H)
    spare = W - 260 - sum(widths)
    grow = [w + int(max(0, spare) * 0.5 * w / sum(widths)) for w in widths]
    x0 = (W - sum(grow)) // 2 + rng.randint(-40, 40)
    xs = [x0]
    for w in grow:
        xs.append(xs[-1] + w)

    # the header: the organisation, the sheet's number, the title, the period
    ty = rng.randint(180, 420)
    tw.type(xs[0] + rng.randint(0, 60), ty, sheet.employer)
    label = rng.choice((f"Лист N {sheet.sheet}", f"стр. {sheet.sheet}", f"- {sheet.sheet} -"))
    tw.type(xs[-1] - tw.width(label) - rng.randint(0, 40), ty, label)
    ty += int(size * 2.6)
    tw.type((W - tw.width(sheet.title)) / 2, ty, sheet.title)
    ty += int(size * 1.6)
    tw.type((W - tw.width(sheet.period_text)) / 2, ty, sheet.period_text)
    top = ty + int(size * 2.2)

    # the headings, typed, each column's lines centred
    for j, c in enumerate(sheet.layout):
        hl = _heading_lines(sheet, c)
        ym = top + (head_h - len(hl) * line_h) / 2 + line_h / 2
        for k, t in enumerate(hl):
            tw.type(xs[j] + (xs[j + 1] - xs[j] - tw.width(t)) / 2, ym + k * line_h, t)
        geo.cells.append((0, j, [xs[j], top, xs[j + 1], top + head_h], " ".join(hl)))

    def put(j: int, c: str, y_mid: float, t: str) -> None:
        if c in ("name", "position", "egn"):
            tw.type(xs[j] + pad, y_mid, t)
        else:
            tw.type(xs[j + 1] - pad - tw.width(t), y_mid, t)

    plan_rows: list[tuple[str, int, int, dict[str, object], str]] = []
    yr = top + head_h
    i = 0
    for ln in lines:
        kind, row = str(ln[0]), ln[1]
        assert isinstance(row, dict)
        for j, c in enumerate(sheet.layout):
            t = cell_text(sheet, row, c)
            if not t or c == "signature":
                continue
            if kind != "hand":
                put(j, c, yr + row_h * 0.55, t)
            if kind != "struck":
                geo.cells.append((i + 1, j, [xs[j], yr, xs[j + 1], yr + row_h], t))
        if kind != "struck":
            geo.row_bboxes.append([xs[0], yr, xs[-1], yr + row_h])
            geo.row_polygons.append(rect_polygon(xs[0] + 3, yr + 3, xs[-1] - 3, yr + row_h - 3))
            i += 1
        else:
            geo.marks.append({"kind": "struck", "row": None, "polygon": rect_polygon(xs[0], yr, xs[-1], yr + row_h)})
        plan_rows.append((kind, yr, yr + row_h, row, str(ln[2]) if kind == "struck" else ""))
        yr += row_h
    by_hand = any(k == "hand" for k, *_ in plan_rows)
    label_j = next(j for j, c in enumerate(sheet.layout) if c == "name")
    tw.type(xs[label_j] + pad, yr + row_h * 0.55, sheet.total_label)
    geo.cells.append((i + 1, label_j, [xs[label_j], yr, xs[label_j + 1], yr + row_h], sheet.total_label))
    for j, c in enumerate(sheet.layout):
        if c in sheet.totals:
            t = cell_text(sheet, sheet.totals, c)  # type: ignore[arg-type]
            if not by_hand:
                put(j, c, yr + row_h * 0.55, t)
            geo.cells.append((i + 1, j, [xs[j], yr, xs[j + 1], yr + row_h], t))
    bottom = yr + row_h
    geo.table_bbox = [xs[0], top, xs[-1], bottom]
    # the footer: the roles typed, signed by hand (page_of)
    fy = min(bottom + int(size * 3), H - 200)
    signs = []
    for k, role in enumerate(y.footer):
        tw.type(xs[0] + 80 + k * (W // 2 - 100), fy, f"{role} ..............")
        signs.append(xs[0] + 80 + k * (W // 2 - 100) + tw.width(role) + tw.pitch)
    sheet.extra["y_plan"] = _Plan(xs, top, head_h, row_h, plan_rows, (yr, bottom), fy, signs)
    sheet.extra["y_typed_lines"] = tw.lines
    return img, geo


# --- the pen, and what lies over the sheet in the bundle ---


@dataclass
class YPage:
    y: YHabits
    seed: int
    photo: bool
    pen: np.ndarray  # the pen's ink (0..1): the written rows and totals, strikes, words, signatures
    rules: np.ndarray  # the ruler's lines (0..1), in pencil or the pen's ink
    cover_rgb: np.ndarray  # what lies over the sheet (the slip, the label, the clip): its colour (times ``cover_a``) ...
    cover_a: np.ndarray  # ... and how much of the sheet it hides (0..1)
    typed_lines: list[list[int]]


def _scribble(d: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
    pts = []
    n = rng.randint(10, 18)
    for k in range(n):
        t = k / (n - 1)
        pts.append((x + w * t, y + h * 0.45 * math.sin(t * rng.uniform(8, 16)) + rng.uniform(-h * 0.2, h * 0.2)))
    d.line(pts, fill=rng.randint(200, 250), width=rng.choice((2, 3)), joint="curve")


def _line(d: ImageDraw.ImageDraw, x0: float, y0: float, x1: float, y1: float, rng: random.Random, width: int) -> None:
    """A line along a ruler: straight, its ends a little past where they were meant."""
    over = rng.uniform(-4, 12)
    n = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / n, (y1 - y0) / n
    d.line((x0 - ux * over, y0 - uy * over, x1 + ux * rng.uniform(-4, 12), y1 + uy * rng.uniform(-4, 12)),
           fill=rng.randint(170, 235), width=width)  # fmt: skip


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, y: YHabits, rng: random.Random) -> YPage:
    """What the pen added (the rules, the rows and totals written in, the strikes and their words, the signatures)
    and what lies over the sheet (a clip, a stapled slip, a sticky label); a mark ``covered`` for every row whose
    typed or written cells they hide some of."""
    plan = sheet.extra["y_plan"]
    assert isinstance(plan, _Plan)
    W, H = img.size
    xs = plan.xs
    pen_img = Image.new("L", (W, H), 0)
    rules_img = Image.new("L", (W, H), 0)
    rd = ImageDraw.Draw(rules_img)
    bottom = plan.total[1]
    width = 2 if y.rule_pen == "pencil" else 3
    for xv in xs:
        _line(rd, xv, plan.top, xv + rng.uniform(-3, 3), bottom, rng, width)
    for yv in (plan.top, plan.top + plan.head_h, plan.total[0], bottom):
        _line(rd, xs[0], yv, xs[-1], yv + rng.uniform(-3, 3), rng, width)
    if y.ruling == "full":
        for _, _, y1, _, _ in plan.rows[:-1]:
            _line(rd, xs[0], y1, xs[-1], y1 + rng.uniform(-3, 3), rng, width)
    pd = ImageDraw.Draw(pen_img)
    hand = Hand(str(FONT_DIR / y.hand), y.slant, "ink" if y.pen == "violet" else "ballpoint", 235)
    p = Painter(pen_img, Style(font=st.font, typewriter=False, size=int(st.size * 1.05), ruled=True, landscape=True),
                rng)  # fmt: skip
    sig_j = sheet.layout.index("signature") if "signature" in sheet.layout else -1
    name_j = sheet.layout.index("name")
    for kind, y0, y1, row, word in plan.rows:
        ym = (y0 + y1) / 2
        if kind == "hand":  # written in under the typed rows, every cell
            for j, c in enumerate(sheet.layout):
                t = cell_text(sheet, row, c)
                if not t or c == "signature":
                    continue
                room = xs[j + 1] - xs[j] - 20
                scale = min(1.0, room / max(1, hand.width(p, t)))  # a hand writes smaller where the cell is narrow
                wd = hand.width(p, t, scale)
                x = xs[j] + 10 if c in ("name", "position", "egn") else xs[j + 1] - 10 - wd
                hand.text(p, x, ym, t, scale)
        if kind == "struck":
            if y.strike == "diagonal":
                pd.line((xs[1] + rng.uniform(0, 40), y1 - 6, xs[-1] - rng.uniform(0, 60), y0 + 6), fill=230, width=3)
            else:
                pd.line((xs[0] + rng.uniform(0, 30), ym + rng.uniform(-4, 4), xs[-1] - rng.uniform(0, 40),
                         ym + rng.uniform(-6, 6)), fill=230, width=3)  # fmt: skip
            wx = xs[sig_j] + 10 if sig_j >= 0 else xs[-1] + 20  # in the signature's cell, or in the margin
            room = (xs[sig_j + 1] - xs[sig_j] - 20) if sig_j >= 0 else W - wx - 30
            hand.text(p, wx, ym - (y1 - y0) * 0.12, word, min(1.0, room / max(1, hand.width(p, word))))
        elif sig_j >= 0 and rng.random() < 0.9:  # the person's signature for the money
            _scribble(pd, xs[sig_j] + rng.uniform(10, 40), ym, (xs[sig_j + 1] - xs[sig_j]) * rng.uniform(0.4, 0.7),
                      y1 - y0, rng)  # fmt: skip
    if any(k == "hand" for k, *_ in plan.rows):  # the totals' figures by the same hand
        y0, y1 = plan.total
        for j, c in enumerate(sheet.layout):
            if c in sheet.totals and j != name_j:
                t = cell_text(sheet, sheet.totals, c)  # type: ignore[arg-type]
                scale = min(1.0, (xs[j + 1] - xs[j] - 20) / max(1, hand.width(p, t)))
                hand.text(p, xs[j + 1] - 10 - hand.width(p, t, scale), (y0 + y1) / 2, t, scale)
    for sx in plan.signs:  # the footer's signatures, on the dots
        _scribble(pd, sx + rng.uniform(0, 40), plan.footer - 10, st.size * 5, st.size * 1.4, rng)
    pen = np.asarray(pen_img, np.float32) / 255.0
    rules = np.asarray(rules_img, np.float32) / 255.0
    cover_rgb, cover_a = _covers(sheet, geo, y, rng, W, H)
    page = YPage(y, rng.randrange(1 << 30), rng.random() < y.photo, pen, rules, cover_rgb, cover_a,
                 list(sheet.extra.get("y_typed_lines", [])))  # type: ignore[call-overload]
    _covered_marks(geo, np.asarray(img), pen, cover_a, len(geo.row_bboxes), sheet)
    return page


def _covers(sheet: SheetContent, geo: Geometry, y: YHabits, rng: random.Random, W: int, H: int) -> tuple[np.ndarray, np.ndarray]:
    """The paper clip at the top edge, a slip stapled on over some cells, the archive's sticky label: their colour
    and how opaque they are, full size."""
    rgb = Image.new("RGB", (W, H), (0, 0, 0))
    alpha = Image.new("L", (W, H), 0)
    d, da = ImageDraw.Draw(rgb), ImageDraw.Draw(alpha)
    tx0, ty0, tx1, ty1 = geo.table_bbox
    f = _font(str(FONT_DIR / Y_FACES["typewriter"][0]), 26)
    if rng.random() < y.slip:  # a slip over a part of the table, stapled at its top
        w, h = rng.randint(420, 620), rng.randint(240, 340)
        cx, cy = rng.uniform(tx0 + w * 0.3, tx1 - w * 0.3), rng.uniform(ty0 + (ty1 - ty0) * 0.3, ty1 + h * 0.2)
        _paper(d, da, cx, cy, w, h, rng.uniform(-8, 8), rng.choice(((244, 240, 226), (236, 226, 214), (226, 232, 236))))
        lines = rng.choice(SLIPS)
        vals = {"n": rng.randint(1000, 99999), "d": rng.randint(1, 28), "mm": f"{sheet.month:02d}", "y": sheet.year}
        for k, t in enumerate(lines):
            d.text((cx - w / 2 + 40, cy - h / 2 + 50 + k * 42), t.format(**vals), font=f, fill=(50, 50, 70))
        sx = cx + rng.uniform(-w * 0.3, w * 0.3)
        sy = cy - h / 2 + 22
        d.line((sx - 30, sy, sx + 30, sy), fill=(120, 120, 126), width=5)  # the staple
        da.line((sx - 30, sy, sx + 30, sy), fill=255, width=5)
    if rng.random() < y.label:  # the archive's sticky label
        w, h = rng.randint(300, 420), rng.randint(90, 130)
        cx, cy = rng.uniform(tx0 + w / 2, tx1 - w / 2), rng.uniform(ty0 + h, ty1)
        _paper(d, da, cx, cy, w, h, rng.uniform(-4, 4), rng.choice(((246, 240, 170), (246, 246, 240))))
        t = rng.choice(LABELS).format(a=rng.randint(1, 900), b=rng.randint(1, 9), c=rng.randint(1, 400),
                                      n=rng.randint(100, 9999), town=rng.choice(TOWNS))  # fmt: skip
        d.text((cx - w / 2 + 24, cy - 16), t, font=f, fill=(40, 40, 50))
    if rng.random() < y.clip:  # a paper clip over the top edge
        cx = rng.uniform(W * 0.15, W * 0.85)
        top = rng.uniform(-60, 20)
        cw, ch = rng.randint(46, 60), rng.randint(220, 300)
        for inset in (0, 12):
            box = (cx - cw / 2 + inset, top + inset, cx + cw / 2 - inset, top + ch - inset)
            d.rounded_rectangle(box, radius=cw / 2 - inset, outline=(150, 152, 160), width=5)
            da.rounded_rectangle(box, radius=cw / 2 - inset, outline=255, width=5)
    # a little out of focus like the rest; the colour stays premultiplied by how much it hides
    soft = np.asarray(cv2.GaussianBlur(np.asarray(rgb, np.float32), (0, 0), 0.9), np.float32)
    return soft, np.asarray(cv2.GaussianBlur(np.asarray(alpha, np.float32) / 255.0, (0, 0), 0.9), np.float32)


def _paper(d: ImageDraw.ImageDraw, da: ImageDraw.ImageDraw, cx: float, cy: float, w: float, h: float, ang: float,
           colour: tuple[int, int, int]) -> None:  # fmt: skip
    """A piece of paper lying on the sheet, turned by ``ang`` degrees, opaque."""
    a = math.radians(ang)
    pts = [(cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a))
           for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]  # fmt: skip
    d.polygon(pts, fill=colour, outline=(colour[0] - 40, colour[1] - 40, colour[2] - 40))
    da.polygon(pts, fill=255)


def _covered_marks(geo: Geometry, typed: np.ndarray, pen: np.ndarray, cover: np.ndarray, n: int,
                   sheet: SheetContent) -> None:  # fmt: skip
    """A mark ``covered`` for every row (the totals row: ``"row": None``, its figures only) some of whose cells' ink
    lies under what covers the sheet (a twentieth of a cell's ink or more), with the fields hidden."""
    ink = (typed < 150) | (pen > 0.35)
    hidden = cover > 0.5
    by_row: dict[int, list[str]] = {}
    for r, j, box, _ in geo.cells:
        if r == 0 or (r > n and sheet.layout[j] not in sheet.totals):  # the headings; the totals' word
            continue
        x0, y0, x1, y1 = box
        cell_ink = ink[y0:y1, x0:x1]
        total = int(cell_ink.sum())
        if total and (cell_ink & hidden[y0:y1, x0:x1]).sum() >= max(1, total // 20):
            by_row.setdefault(r, []).append(sheet.layout[j] if r <= n else f"total:{sheet.layout[j]}")
    for r, fields in sorted(by_row.items()):
        row = r - 1 if r <= n else None
        y0, y1 = next((b[1], b[3]) for rr, _, b, _ in geo.cells if rr == r)
        box = [geo.table_bbox[0], y0, geo.table_bbox[2], y1]
        names = sorted({f.removeprefix("total:") for f in fields})
        geo.marks.append({"kind": "covered", "row": row, "fields": names, "polygon": rect_polygon(*box)})


# --- the bundle: the fold, the sleeve, the capture ---


def _low(h: int, w: int, rng: random.Random, lo: float, hi: float, n: int = 5) -> np.ndarray:
    grid = np.array([[rng.uniform(lo, hi) for _ in range(n + 1)] for _ in range(n)], np.float32)
    return np.asarray(cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC), np.float32)


def _ribbon(a: np.ndarray, page: YPage, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    """The typed ink (0..1) through a worn ribbon: its fabric in the strokes, one half of it worn on some files."""
    y = page.y
    ink = (255.0 - a) / 255.0
    weave = np.asarray(cv2.GaussianBlur(np_rng.standard_normal(a.shape, dtype=np.float32), (0, 0), 0.9), np.float32)
    weave /= max(1e-6, float(weave.std()))  # the ribbon's weave, in the strokes
    ink *= np.clip(1.0 - y.wear * (0.3 + 0.55 * weave), 0.15, 1.0)
    if y.band != "none":
        for x0, y0, x1, y1 in page.typed_lines:
            h = max(2, y1 - y0)
            ramp = np.linspace(1.0 - y.wear, 1.0, h, dtype=np.float32)
            ink[y0:y1, x0:x1] *= (ramp if y.band == "top" else ramp[::-1])[: ink[y0:y1, x0:x1].shape[0], None]
    return np.asarray(cv2.GaussianBlur(ink, (0, 0), 0.7), np.float32)


def _fold(H: int, W: int, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """The folds' cross: the light's ridge and shade along each crease (a multiplier of the page) and where the ink
    rubbed off along them and at their crossing (a multiplier of the ink)."""
    fx, fy = W / 2 + rng.uniform(-50, 50), H / 2 + rng.uniform(-40, 40)
    xx = np.arange(W, dtype=np.float32)[None, :] - fx
    yy = np.arange(H, dtype=np.float32)[:, None] - fy
    s = rng.uniform(8, 16)
    k = rng.uniform(0.08, 0.16)
    light = 1.0 + k * (xx / s) * np.exp(-(xx**2) / (2 * s * s)) - 0.05 * np.exp(-(xx**2) / 3.0)
    light = light + (rng.uniform(0.06, 0.14) * (yy / s) * np.exp(-(yy**2) / (2 * s * s)) - 0.05 * np.exp(-(yy**2) / 3.0))
    rub = 1.0 - 0.35 * np.exp(-(xx**2) / 18.0) - 0.35 * np.exp(-(yy**2) / 18.0)
    r = rng.uniform(25, 55)
    cross = np.exp(-(xx**2 + yy**2) / (2 * r * r))
    light = light - 0.08 * cross
    rub = rub * (1.0 - 0.6 * cross)
    return np.asarray(light, np.float32), np.asarray(np.clip(rub, 0, 1), np.float32)


def _glare(H: int, W: int, rng: random.Random, strong: bool) -> np.ndarray:
    """The sleeve's glare (0..1): one to three bands across the page, a reflection or two."""
    g = np.zeros((H, W), np.float32)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    for _ in range(rng.randint(1, 3)):
        ang = rng.uniform(-0.6, 0.6) + math.pi / 2 * rng.choice((0, 1))
        d = (xx - rng.uniform(0, W)) * math.cos(ang) + (yy - rng.uniform(0, H)) * math.sin(ang)
        w = rng.uniform(40, 160)
        g = np.maximum(g, rng.uniform(0.25, 0.6 if strong else 0.45) * np.exp(-(d / w) ** 2))
    for _ in range(rng.randint(0, 2)):
        cx, cy, rx, ry = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(80, 260), rng.uniform(40, 120)
        e = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
        g = np.maximum(g, rng.uniform(0.4, 0.75 if strong else 0.55) * np.exp(-e * 2))
    return g


def _sheet(
    a: np.ndarray, page: YPage, rng: random.Random, np_rng: np.random.Generator
) -> tuple[np.ndarray, tuple[int, int]]:
    """The sheet as it lies in its sleeve (RGB float, 200 dpi, the sleeve's margin round it): paper, the typing
    through the worn ribbon, the pen, the fold, what lies over it, the sleeve's haze, edge and punched strip, the
    glare."""
    y = page.y
    H, W = a.shape
    light, rub = _fold(H, W, rng)
    typed = _ribbon(a, page, rng, np_rng) * rub
    pen = np.asarray(cv2.GaussianBlur(page.pen, (0, 0), 0.6), np.float32) * rub
    rules = np.asarray(cv2.GaussianBlur(page.rules, (0, 0), 0.6), np.float32) * (0.55 if y.rule_pen == "pencil" else 0.85)
    paper = np.array(PAPERS[rng.randrange(len(PAPERS))], np.float32)
    fibre = cv2.resize(np_rng.standard_normal((H // 3, W // 3)).astype(np.float32), (W, H)) * 3.0
    out = np.broadcast_to(paper, (H, W, 3)) + fibre[..., None]
    for layer, colour in ((rules, PENCIL if y.rule_pen == "pencil" else PENS[y.rule_pen]), (typed, RIBBONS[y.ribbon]),
                          (pen, PENS[y.pen])):  # fmt: skip
        layer = np.clip(layer, 0, 1)[..., None]
        out = out - layer * (out - np.array(colour, np.float32))
    a_c = page.cover_a[..., None]
    shadow = np.asarray(cv2.GaussianBlur(page.cover_a, (0, 0), 6), np.float32)
    shadow = np.roll(np.roll(shadow, 6, axis=0), 5, axis=1)[..., None]
    out = out * (1 - 0.25 * np.clip(shadow - a_c, 0, 1))
    out = out * (1 - a_c) + page.cover_rgb
    out = out * light[..., None] * _low(H, W, rng, 0.94, 1.02)[..., None]
    # the sleeve: a margin round the sheet, its punched strip on the left
    m, strip = rng.randint(24, 50), rng.randint(90, 130)
    big = np.full((H + 2 * m, W + 2 * m + strip, 3), 0.0, np.float32)
    back = np.array(rng.choice(((250, 250, 250), (70, 70, 74), (200, 196, 188))), np.float32)
    big[:] = back
    big[m : m + H, m + strip : m + strip + W] = out
    big[:, : strip + m // 2] = big[:, : strip + m // 2] * 0.9 + 12  # the strip's double film
    for k in range(4):
        cy = int((H + 2 * m) * (0.2 + 0.2 * k))
        cv2.circle(big, (strip // 2, cy), 16, tuple(float(v) * 0.6 for v in back), -1)
        cv2.circle(big, (strip // 2, cy), 18, (150.0, 150.0, 150.0), 2)
    cv2.rectangle(big, (2, 2), (big.shape[1] - 3, big.shape[0] - 3), (180.0, 180.0, 186.0), 2)
    big = big * 0.95 + 8  # the film's haze
    g = _glare(big.shape[0], big.shape[1], rng, page.photo)[..., None]
    return np.asarray(big * (1 - g) + 252 * g, np.float32), (strip + m, m)


def scan(a: np.ndarray, page: YPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The sheet in its sleeve as the archive captured it: on an A3 flatbed (200 dpi, grey or colour, a little
    askew) or photographed from above (in perspective, lit unevenly). Returns the image (RGB or grey), the map from
    the drawn sheet to it (2x3, or 3x3 for the photograph) and its dpi."""
    rng = random.Random(page.seed)
    big, (ox, oy) = _sheet(a, page, rng, np_rng)
    h, w = big.shape[:2]
    shift = np.array([[1.0, 0.0, ox], [0.0, 1.0, oy], [0.0, 0.0, 1.0]])
    if not page.photo:
        rot = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-0.9, 0.9), 1.0)
        flatbed = np.asarray(cv2.warpAffine(big, rot, (w, h), flags=cv2.INTER_LINEAR, borderValue=(250, 250, 250)), np.float32)
        flatbed += np_rng.standard_normal(flatbed.shape).astype(np.float32) * 2.0
        rgb = np.clip(flatbed, 0, 255).astype(np.uint8)
        m = (np.vstack([rot, [0, 0, 1]]) @ shift)[:2]
        if not page.y.colour:
            return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), np.uint8), m, 200
        return rgb, m, 200
    s = rng.uniform(0.85, 0.95)
    margin = int(rng.uniform(0.03, 0.05) * w * s)
    ow, oh = int(w * s) + 2 * margin, int(h * s) + 2 * margin
    j = 0.02 * min(ow, oh)
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    corners = ((0, 0), (1, 0), (1, 1), (0, 1))  # the sleeve's corners as the camera saw them, each a little off
    dst = np.array([[margin + cx * (ow - 2 * margin) + rng.uniform(-j, j), margin + cy * (oh - 2 * margin) + rng.uniform(-j, j)]
                    for cx, cy in corners], np.float32)  # fmt: skip
    persp = np.asarray(cv2.getPerspectiveTransform(src, dst), np.float64)
    desk = rng.choice(((96.0, 74.0, 56.0), (128.0, 124.0, 118.0), (58.0, 60.0, 64.0)))
    out = np.asarray(cv2.warpPerspective(big, persp, (ow, oh), flags=cv2.INTER_AREA, borderValue=desk), np.float32)
    out *= _low(oh, ow, rng, 0.78, 1.04, 3)[..., None]
    out += np_rng.standard_normal(out.shape).astype(np.float32) * 2.5
    return np.clip(out, 0, 255).astype(np.uint8), persp @ shift, int(round(200 * s))


def flat(a: np.ndarray, page: YPage) -> np.ndarray:
    """The sheet before the bundle (``--pristine``): the typing, the rules and the pen, grey."""
    ink = np.maximum(np.maximum((255.0 - a) / 255.0, page.pen), page.rules * 0.7)
    return np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.float32)
