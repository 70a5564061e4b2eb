"""Family V of the sample generator (held out from its making in session 19, 2026-12-05, helper s28-famv, before
anything was tuned on U, to its one measurement by the lead at the start of session 20; a development family since:
dev seeds 14001-14040, evaluation seed 2045 kept for evaluation only): a state enterprise's
payroll of 1980-1991 (a works, a combine, a factory; from 1989 a state firm, ДФ) typed on a wide-carriage typewriter
across a wide sheet, the sheets kept for years in a damp store room and scanned in colour by a modern archive
scanner.

What V draws, each file its own combination (samples/families.py applies it over the generic switches):
typewriter faces from font packages none of A-U uses (fonts-uralic's mono, roman, schoolbook, bookman and
palatino faces and t1-teams' Teams, every one set at a typewriter's fixed pitch: each letter in a cell of its own,
a wide one narrowed into it), typed through a worn blue or violet ribbon (the ink uneven, the ribbon's weave in
the strokes); a wide A3 sheet on most files (an A4 landscape on the rest), many pay-item columns: the base pay,
then items of the additional pay (за прослужено време / класна квалификация, прогресивка or ДМС, нощен труд,
извънреден труд, отпуск / болнични: two to five of them), their total (the truth's ``extra_pay`` is that total,
the printed sum of the items; the items themselves are no payroll-page/1 field), the gross, several deductions
(ДОД, фонд „Пенсии“, профсъюз, аванс, заеми / запори: their total is the truth's ``deductions``), the net;
gross = base + additional, net = gross - deductions, every column summed in the totals row; an item nobody
earned left blank, typed "-" or "0.00" as the file does; on some files a printed blank form (its rules and
headings printed in black, green or brown, the figures typed in the ribbon's colour), on the rest everything
typed, rules too; the signatures in a ballpoint's blue; the enterprise's names of the years ("Машиностроителен
завод „Васил Коларов“ – Габрово", "ДФ „Балкан“ – Ловеч"); headings, titles, periods, totals' and footer's words of
its own. The store room and the scanner: the paper yellowed, browner at the edges, foxing spots; the sheet folded
in four (creases across the table, the ink rubbed off along them); water stains with brown tide lines, the ribbon's
ink run inside them; a piece torn out of the left or right edge through one or two rows (what was typed there is
gone: the truth keeps the values and a mark ``{"kind": "torn", "row": i, "fields": [...]}`` for every row whose
typed cells it takes a part of, the totals row's with ``"row": null``); two
holes punched along the left edge; a crack mended with sellotape that yellowed; scanned in colour (RGB) at 200,
240 or 300 dpi on a black, grey or white backing, slightly askew, saved by the scanner as JPEG first (its blocks
and ringing) and kept as PNG.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import data, render
from .content import EmployerFile, SheetContent, amount_or_nought, cents
from .handwork import smooth_field
from .render import FONT_DIR, PAY_PARTS, Geometry, Painter, Style

# Column orders none of A-U draws: "pay" the itemised additional pay (before or after its total), "parts" the
# itemised deductions (before or after theirs)
V_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "base_pay", "pay", "extra_pay", "gross_pay", "parts",
     "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "pay", "extra_pay", "gross_pay", "parts", "deductions",
     "net_pay", "signature"),
    ("row", "name", "position", "egn", "base_pay", "pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "pay", "gross_pay", "deductions", "parts",
     "net_pay"),
    ("row", "name", "egn", "base_pay", "pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "days_worked"),
)  # fmt: skip
MAX_COLUMNS = {"A3": 19, "A4": 14}
A3 = (4961, 3508)  # landscape at 300 dpi

HEADINGS_V: dict[str, tuple[str, ...]] = {
    "row": ("Ред.\n№", "№\nна\nред", "По-\nред.\n№"),
    "egn": ("Единен\nграждански\nномер", "ЕГН\nна лицето", "ЕГН на\nработника"),
    "name": ("Собствено, бащино\nи фамилно име", "Трите имена\nна работника", "Име, презиме и\nфамилия на\nработника"),
    "position": ("Професия\n(длъжност)", "Длъжност /\nразряд", "Заемана\nдлъжност"),
    "days_worked": ("Дни\nизработено\nвреме", "Брой\nизраб.\nдни", "Присъствие\n(дни)"),
    "base_pay": ("Основна\nзаплата\nпо щат", "Заработка\nпо основна\nзаплата", "Основно\nтрудово\nвъзн."),
    "seniority": ("За\nпрослуж.\nвреме", "Доп. възн.\nза прослу-\nжено време", "Клас\nквали-\nфикация"),
    "piece": ("Прогре-\nсивка", "Премия\nпо ДМС", "Сделно\nнаработ."),
    "night": ("Нощен\nтруд", "Нощни\nчасове\n(лв.)", "За нощен\nтруд"),
    "overtime": ("Извън-\nреден\nтруд", "Извън-\nредни\nчасове", "Празничен\nи извънр.\nтруд"),
    "leave": ("Платен\nотпуск", "Болнични\n(3 дни)", "Отпуск и\nболнични"),
    "extra_pay": ("Всичко\nдоплащания", "Всичко\nдопълн.\nвъзнагр.", "Сума\nдоплащ."),
    "gross_pay": ("Всичко\nзаработено", "Общо\nначислено", "Брутна\nсума\nначислено"),
    "tax": ("ДОД\n(общ\nдоход)", "Данък\nвърху\nобщия\nдоход", "ДОД"),
    "insurance": ("Фонд\n„Пенсии“", "Вноска\nфонд\nПенсии", "Пенсионен\nфонд"),
    "union_fee": ("Профсъюз", "Профсъюзен\nчленски\nвнос", "Чл. внос\nБПС"),
    "advance": ("Аванс\nза\nмесеца", "Получен\nаванс", "Изпла-\nтен\nаванс"),
    "court": ("Запори\nи заеми", "Заеми\n(ДСК)", "Запор /\nзаем"),
    "deductions": ("Общо\nудръжки от\nзаплатата", "Удържано\nвсичко\n(лв.)", "Сума на\nудръжките"),
    "net_pay": ("Остатък\nза\nполучаване", "Чиста\nсума за\nполучаване", "Остатък за\nизплащане"),
    "signature": ("Подпис за\nполучената\nсума", "Разписка\nна\nполучателя", "Получил\n(подпис)"),
}  # fmt: skip

# Typewriter faces from font packages none of A-U uses (scripts/setup.sh: fonts-uralic, t1-teams), each set at a
# fixed pitch by Typebars below
_T1 = "../X11/Type1/"
V_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("uralic/monou___.ttf", "uralic/romau___.ttf", "uralic/schou___.ttf", "uralic/booku___.ttf",
                   "uralic/pallu___.ttf", _T1 + "teams.pfb"),
}  # fmt: skip
V_SIZES: dict[str, tuple[int, int]] = {"typewriter": (34, 42)}
# what prints a blank form's rules and headings (a face of V's packages)
FORM_FACES = ("uralic/sansu___.ttf", "uralic/sanscu__.ttf", "uralic/gothu___.ttf")
# (thousands, decimal) as the typists typed them
V_FORMATS = (("", "."), ("", ","), ("", "."), (" ", ","), (" ", "."), ("'", "."))
RIBBONS = {"violet": ((84, 38, 150), (108, 56, 164)), "blue": ((32, 52, 150), (50, 80, 170))}
FORM_INKS = {"black": (38, 36, 40), "green": (40, 86, 62), "brown": (110, 62, 40)}
BALLPOINT = (36, 58, 168)
STAMP_PAD = (120, 70, 170)  # a state office's violet stamp pad
BACKINGS = {"black": (18, 18, 20), "grey": (92, 94, 98), "white": (236, 236, 232)}

KINDS = ("Машиностроителен завод", "Завод за металорежещи машини", "Текстилен комбинат", "Химически комбинат",
         "Комбинат за цветни метали", "Завод за стоманобетонни елементи", "Мебелен комбинат", "Захарен завод",
         "Консервен комбинат", "Завод за електрокари", "Керамичен завод", "Пивоварен завод", "Тютюнев комбинат",
         "Завод за строителна механизация", "Обувна фабрика", "Памучен комбинат", "Завод за подемно-транспортни машини")  # fmt: skip
SHORT = {"Машиностроителен завод": "МЗ", "Текстилен комбинат": "ТК", "Химически комбинат": "ХК", "Мебелен комбинат": "МК",
         "Завод за металорежещи машини": "ЗММ", "Консервен комбинат": "КК", "Памучен комбинат": "ПК"}  # fmt: skip
PATRONS = ("Георги Димитров", "Васил Коларов", "9 септември", "Червено знаме", "Димитър Благоев", "Христо Ботев",
           "Васил Левски", "Антон Иванов", "Вела Благоева", "Победа", "Балкан", "Труд", "Родина", "Марица", "Прогрес",
           "Единство", "Средец", "Млада гвардия", "Стара планина", "Янтра", "Первомай", "Септемврийци")  # fmt: skip
TOWNS = ("Габрово", "Ловеч", "Пловдив", "Сливен", "Русе", "Казанлък", "Стара Загора", "Враца", "Перник", "Плевен",
         "Шумен", "Ямбол", "Кърджали", "Велико Търново", "Михайловград", "Толбухин", "Видин", "Димитровград")  # fmt: skip
# V's periods as the typist typed them (data.said_period's templates)
V_PERIODS: dict[str, str | tuple[str, ...]] = {
    "word": ("за месец {word} {y} година", "за {word} {y} г. – окончателно плащане"),
    "upper": ("Месец {WORD} {y} г.", "ЗА МЕСЕЦ {WORD} {y} Г."),
    "digits": ("за м. {mm}. {y} г.", "за месец {mm}.{y} год."),
    "roman": ("за м. {roman}. {y} г.", "за {roman} месец {y} година"),
}
V_TITLES = ("РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ТРУДОВИТЕ ВЪЗНАГРАЖДЕНИЯ",
            "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ ЗА ОКОНЧАТЕЛНО ПЛАЩАНЕ", "ВЕДОМОСТ ЗА ЗАПЛАТИТЕ НА РАБОТНИЦИТЕ И СЛУЖИТЕЛИТЕ",
            "ПЛАТЕЖНА ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ")  # fmt: skip
V_TOTAL_WORDS = ("ВСИЧКО ПО ВЕДОМОСТТА", "Всичко", "ВСИЧКО:", "Сума по ведомостта")
V_FOOTERS = (("Изготвил ТРЗ:", "Гл. счетоводител:", "Директор:"), ("Съставил:", "Проверил:", "Гл. счетоводител:"),
             ("Касиер:", "Гл. счетоводител:", "Директор:"), ("Отговорник ТРЗ:", "Гл. счетоводител:", "Ген. директор:"))  # fmt: skip
# (a man's, a woman's) trade in a state works
POSITIONS: tuple[tuple[str, str], ...] = (
    ("стругар", "стругарка"), ("шлосер", "шлосер"), ("фрезист", "фрезистка"), ("заварчик", "заварчичка"),
    ("монтьор", "монтьорка"), ("електротехник", "електротехник"), ("тъкач", "тъкачка"), ("предач", "предачка"),
    ("общ работник", "общ работник"), ("майстор", "майстор"), ("технолог", "технолог"), ("кранист", "кранистка"),
    ("шофьор", "склададжийка"), ("нормировчик", "нормировчичка"), ("пазач", "чистачка"), ("бригадир", "бригадир"),
)  # fmt: skip


@dataclass(frozen=True)
class VHabits:
    """One V file's switches, drawn once per file."""

    face: str  # the typewriter's face (a path under FONT_DIR)
    pitch: float  # the typewriter's advance per letter, as a share of the type's size
    ribbon: str  # "violet" or "blue"
    wear: float  # how worn the ribbon is (0: fresh, 1: nearly dry)
    form: str  # "" (everything typed) or the printed blank form's ink ("black", "green", "brown")
    paper: str  # "A3" or "A4" (landscape)
    ruling: str  # "full", "rows", "columns"
    thousands: str
    decimal: str
    zero: str  # an item nobody earned: "blank", "dash" ("-") or "zeros" ("0.00")
    period: str  # "word", "upper", "digits", "roman"
    total_word: str
    footer: tuple[str, ...]
    # the store room
    foxing: float  # how many foxing spots (0..1)
    fold: bool  # folded in four: creases across the table
    stains: float  # the share of the file's sheets with water stains
    torn: float  # the share of its sheets with a piece torn out of an edge
    holes: bool  # two holes punched along the left edge
    tape: float  # the share of its sheets with a crack mended with sellotape
    # the scanner
    dpi: int  # 200, 240 or 300
    quality: int  # the scanner's JPEG quality
    backing: str  # "black", "grey", "white"


def _employer(rng: random.Random, year: int) -> str:
    town, patron = rng.choice(TOWNS), rng.choice(PATRONS)
    if year >= 1989 and rng.random() < 0.4:  # Указ 56: state firms
        return rng.choice((f"ДФ „{patron}“ – {town}", f"Държавна фирма „{patron}“ – гр. {town}", f"ДФ „{patron}“ {town}"))
    kind = rng.choice(KINDS)
    if kind in SHORT and rng.random() < 0.35:
        return f"{SHORT[kind]} „{patron}“ – {town}"
    return rng.choice((f"{kind} „{patron}“ – {town}", f"{kind} „{patron}“ – гр. {town}", f"{kind} „{patron}“"))


def draw(rng: random.Random) -> VHabits:
    paper = "A3" if rng.random() < 0.7 else "A4"
    thousands, decimal = rng.choice(V_FORMATS)
    return VHabits(
        face=rng.choice(V_FACES["typewriter"]), pitch=rng.uniform(0.56, 0.64), ribbon=rng.choice(("violet", "blue")),
        wear=rng.uniform(0.1, 0.75), form=rng.choice(("", "", "black", "green", "brown")), paper=paper,
        ruling=rng.choice(("full", "full", "rows", "columns")), thousands=thousands, decimal=decimal,
        zero=rng.choice(("blank", "blank", "dash", "zeros")),
        period=rng.choice(("word", "upper", "digits", "roman")), total_word=rng.choice(V_TOTAL_WORDS),
        footer=rng.choice(V_FOOTERS), foxing=rng.uniform(0.0, 1.0), fold=rng.random() < 0.6,
        stains=rng.choice((0.0, 0.4, 0.7, 1.0)), torn=rng.choice((0.0, 0.0, 0.3, 0.6)), holes=rng.random() < 0.5,
        tape=rng.choice((0.0, 0.0, 0.3, 0.6)), dpi=rng.choice((200, 240, 300, 300)), quality=rng.randint(50, 88),
        backing=rng.choice(("black", "black", "grey", "white")),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, v: VHabits, rng: random.Random) -> None:
    """A V file in place of the generic file's layout and words: the enterprise's name of its years, its people's
    trades (a woman's in her form), its layout (the pay items and deductions it itemises; no more columns than the
    sheet holds), its headings."""
    year = ef.start[0]
    ef.employer = _employer(rng, year)
    for p in ef.staff:
        pair = rng.choice(POSITIONS)
        p.position = pair[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    base = list(rng.choice(V_LAYOUTS))
    items = ["seniority"] + [c for c in PAY_PARTS[1:] if rng.random() < 0.55]
    if len(items) < 2:  # two items at least
        items.append(rng.choice(PAY_PARTS[1:]))
        items.sort(key=PAY_PARTS.index)
    parts = ["tax"] + [c for c in ("insurance", "union_fee", "advance", "court") if rng.random() < 0.65]
    room = MAX_COLUMNS[v.paper]
    while len(base) - 2 + len(items) + len(parts) > room and (len(items) > 2 or len(parts) > 2):
        (items if len(items) >= len(parts) and len(items) > 2 else parts).pop()
    for c in ("position", "signature"):
        if len(base) - 2 + len(items) + len(parts) > room and c in base:
            base.remove(c)
    layout: list[str] = []
    for c in base:
        layout += items if c == "pay" else parts if c == "parts" else [c]
    ef.layout = tuple(layout)
    ef.headings = {c: rng.choice(HEADINGS_V[c]) for c in ef.layout}



def adapt_sheet(sheet: SheetContent, v: VHabits, rng: random.Random) -> None:
    """A V sheet: the items of the additional pay (their sum the additional pay, the gross the base and it), the
    deductions (their sum the deductions, the net the gross less them), every column's total; the title, the period,
    the totals' words, zeros as the file types them."""
    items = [c for c in sheet.layout if c in PAY_PARTS]
    parts = [c for c in sheet.layout if c in ("tax", "insurance", "union_fee", "advance", "court")]
    for r in sheet.rows:
        base = r["base_pay"]
        assert isinstance(base, Decimal)
        egn = str(r["egn"])
        amounts = {
            "seniority": cents(base * Decimal(int(egn[:2]) % 15 + 1) / 100),  # the class for years of service
            "piece": cents(base * Decimal(rng.randint(4, 30)) / 100) if rng.random() < 0.6 else Decimal(0),
            "night": cents(base * Decimal(rng.randint(2, 9)) / 100) if rng.random() < 0.3 else Decimal(0),
            "overtime": cents(base * Decimal(rng.randint(3, 15)) / 100) if rng.random() < 0.25 else Decimal(0),
            "leave": cents(base * Decimal(rng.randint(5, 40)) / 100) if rng.random() < 0.2 else Decimal(0),
        }
        for c in items:
            r[c] = amounts[c]
        extra = sum((amounts[c] for c in items), Decimal(0))
        gross = base + extra
        cuts = {
            "tax": cents(gross * Decimal(rng.randint(50, 110)) / 1000),
            "insurance": cents(gross * Decimal(rng.randint(20, 40)) / 1000),
            "union_fee": cents(gross / 100),
            "advance": Decimal(rng.choice((40, 50, 60, 80, 100))) if gross > 300 else Decimal(rng.choice((20, 30, 40))),
            "court": Decimal(rng.choice((15, 20, 25, 30, 45))) if rng.random() < 0.2 else Decimal(0),
        }
        for c in parts:
            r[c] = min(cuts[c], cents(gross / 4))
        ded = sum((amount_or_nought(r[c]) for c in parts), Decimal(0))
        r["extra_pay"], r["gross_pay"], r["deductions"], r["net_pay"] = extra, gross, ded, gross - ded
        if v.zero == "blank":
            for c in (*items, "court"):
                if c in r and r[c] == 0:
                    r[c] = None
    money = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", *items, *parts)
    sheet.totals = {f: sum((amount_or_nought(r.get(f)) for r in sheet.rows), Decimal(0)) for f in money if f in sheet.layout}
    sheet.dash_zero = v.zero == "dash"
    sheet.title = rng.choice(V_TITLES)
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, V_PERIODS, v.period)
    sheet.total_label = v.total_word



def style(v: VHabits, rng: random.Random, base: Style) -> None:
    """A V sheet's style: the typewriter at its fixed pitch (Typebars), a wide A3 or an A4 sheet, landscape; the
    printed form's face for its headings where there is a form; no corrections, stamps across or hand totals."""
    base.landscape = True
    base.page = A3 if v.paper == "A3" else None
    base.font = FONT_DIR / v.face
    base.writer = Typebars(str(FONT_DIR / v.face), v.pitch)
    base.typewriter = False
    base.corrections = False
    base.totals_hand = False
    base.stamp_rows = False
    base.signatures_cross = False
    base.footer_roles = v.footer
    base.ruled = True
    base.ruling = v.ruling
    base.ink = rng.randint(20, 50)
    base.rule_ink = base.ink
    base.line_width = rng.choice((2, 3))
    base.heading_scale = rng.uniform(0.75, 0.9)
    if v.form:
        faces = [FONT_DIR / f for f in FORM_FACES if (FONT_DIR / f).exists()]
        base.form_font = rng.choice(faces) if faces else None
        base.printed_heads = base.form_font is not None


# --- the typewriter: a fixed pitch, each letter in its own cell ---


@lru_cache(maxsize=16)
def _face(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@lru_cache(maxsize=4096)
def _glyph(path: str, size: int, ch: str, cell: int) -> tuple[Image.Image, int, int] | None:
    """The letter's mask narrowed into a cell ``cell`` pixels wide where it is wider (Ш, Щ, Ж, М, Ю of a
    proportional face), and its offset from the cell's left and the line's top."""
    f = _face(path, size)
    box = [int(round(b)) for b in f.getbbox(ch)]
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    im = Image.new("L", (box[2] - box[0] + 2, box[3] - box[1] + 2), 0)
    ImageDraw.Draw(im).text((1 - box[0], 1 - box[1]), ch, font=f, fill=255)
    w = im.width
    if w > cell * 0.92:
        w = max(2, int(cell * 0.92))
        im = im.resize((w, im.height), Image.Resampling.LANCZOS)
        return im, (cell - w) // 2, box[1] - 1
    left = box[0] - 1 + int(round((cell - f.getlength(ch)) / 2))
    return im, left, box[1] - 1


@dataclass(frozen=True)
class Typebars:
    """What types a V sheet's text (render.Writer): a typewriter's fixed pitch, every letter in a cell of its own
    (a proportional face's wide letters narrowed into it), struck a little off the line and with uneven force."""

    font: str
    pitch: float

    def width(self, p: Painter, text: str, scale: float) -> int:
        return int(round(len(text) * self._cell(p, scale)))

    def _cell(self, p: Painter, scale: float) -> float:
        return max(12, int(p.style.size * scale)) * self.pitch

    def text(self, p: Painter, x: float, y_mid: float, text: str, scale: float) -> None:
        size = max(12, int(p.style.size * scale))
        cell = self._cell(p, scale)
        f = _face(self.font, size)
        asc, _ = f.getmetrics()
        top = y_mid - asc * 0.62
        for k, ch in enumerate(text):
            if not ch.strip():
                continue
            g = _glyph(self.font, size, ch, int(cell))
            if g is None:
                continue
            mask, dx, dy = g
            ink = min(170, p.style.ink + int(abs(p.rng.gauss(0, 30))))
            pos = (int(round(x + k * cell + dx + p.rng.uniform(-0.8, 0.8))), int(round(top + dy + p.rng.uniform(-1.6, 1.6))))
            p.img.paste(ink, pos, mask)


# --- after the drawing: what happened to the page in the store room (decided here, drawn by scan) ---


@dataclass(frozen=True)
class VPage:
    """One V page's damage and scan, decided on the drawn page's geometry (300 dpi): where the ribbon's, the
    printed form's and the ballpoint's ink lie (boxes), the creases, the water stains, the torn piece, the holes, the
    mended crack and its tape, the scanner's angle and margins."""

    v: VHabits
    seed: int
    form_lines: tuple[tuple[int, int, int, int], ...]  # the printed form's rules (x0, y0, x1, y1), thin boxes
    form_boxes: tuple[tuple[int, int, int, int], ...]  # its printed headings' cells
    pen_boxes: tuple[tuple[int, int, int, int], ...]  # the ballpoint's (signatures)
    stamp_boxes: tuple[tuple[int, int, int, int], ...]  # the stamp pad's (the enterprise's round stamp)
    creases: tuple[float, float] | None  # the fold in four: x and y of the creases
    stains: tuple[tuple[float, float, float, float], ...]  # (cx, cy, rx, ry)
    tear: tuple[tuple[float, float], ...]  # the piece torn out (a polygon), or ()
    holes: tuple[tuple[float, float, float], ...]  # (cx, cy, r)
    crack: tuple[tuple[float, float], ...]  # the mended crack (a polyline), or ()
    tape: tuple[float, float, float, float, float]  # (cx, cy, length, width, angle in degrees) of the tape, or zeros
    angle: float
    margin: int  # the backing around the sheet, pixels at 300 dpi


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, v: VHabits, rng: random.Random) -> VPage:
    """Decide the page's damage on its drawn geometry; a torn piece's rows get a mark ``{"kind": "torn"}`` each (the
    truth keeps their values)."""
    W, H = img.size
    n = len(sheet.rows)
    heads = sorted((b for r, _, b, _ in geo.cells if r == 0), key=lambda b: b[0])
    xs = sorted({b[0] for b in heads} | {b[2] for b in heads})
    tb = geo.table_bbox or [0, 0, W, H]
    lines: list[tuple[int, int, int, int]] = []
    boxes: list[tuple[int, int, int, int]] = []
    if v.form and heads:
        t = st.line_width + 3
        ys = sorted({tb[1], tb[3], max(b[3] for b in heads)} | {b[1] for b in geo.row_bboxes} | {b[3] for b in geo.row_bboxes})
        lines += [(x - t, tb[1] - t, x + t, tb[3] + t) for x in xs]
        lines += [(tb[0] - t, y - t, tb[2] + t, y + t) for y in ys]
        if st.printed_heads:
            boxes += [(b[0] + t, b[1] + t, b[2] - t, b[3] - t) for b in heads]
    pen: list[tuple[int, int, int, int]] = []
    sig = [j for j, c in enumerate(sheet.layout) if c == "signature"]
    head_bottom = max((b[3] for b in heads), default=tb[1])
    if sig and len(xs) > sig[0] + 1:  # the people's signatures in their column
        pen.append((xs[sig[0]], head_bottom + 2, xs[sig[0] + 1], tb[3]))
    fs, mx = st.size, tb[0]
    fy = min(tb[3] + int(fs * 2.5), H - 260)
    words = Painter(img, st, random.Random(0))
    words = render._form_painter(words) if st.printed_heads else words
    for k, role in enumerate(st.footer_roles):  # the signatures after the footer's words (as render draws them)
        sx = mx + k * ((W - 2 * mx) // 3) + words.width(role) + 20
        pen.append((int(sx - 12), int(fy - fs * 0.6 - 12), int(sx + fs * 4 + 14), int(fy + fs * 0.5 + 12)))
    stamp = tuple(_box_of(mk["polygon"]) for mk in geo.marks if mk["kind"] == "stamp")
    creases = (W / 2 + rng.uniform(-60, 60), H / 2 + rng.uniform(-60, 60)) if v.fold else None
    stains = []
    if rng.random() < v.stains:
        for _ in range(rng.randint(1, 3)):
            r = rng.uniform(0.06, 0.2) * W
            stains.append((rng.uniform(0, W), rng.uniform(0, H), r, r * rng.uniform(0.5, 1.1)))
    tear: list[tuple[float, float]] = []
    if rng.random() < v.torn and n >= 2 and len(xs) >= 3:
        tear = _tear(geo, xs, W, rng, sheet.layout[-1] == "signature")
        for i in range(n + 1):  # each person's row, then the totals row (row None)
            fields = torn_cells(tear, geo, i + 1, sheet.layout)
            if fields:
                geo.marks.append({"kind": "torn", "row": i if i < n else None, "fields": fields,
                                  "polygon": [list(p) for p in tear]})  # fmt: skip
    holes = []
    if v.holes:
        r, inset = rng.uniform(30, 36), rng.uniform(60, 85)
        for k in (-1, 1):
            holes.append((inset, H / 2 + k * 472 + rng.uniform(-6, 6), r))
    crack: list[tuple[float, float]] = []
    tape = (0.0, 0.0, 0.0, 0.0, 0.0)
    if rng.random() < v.tape:
        x = rng.uniform(0.15, 0.85) * W
        down = rng.random() < 0.5
        length = rng.uniform(250, 800)
        y0, y1 = (0.0, length) if down else (float(H), H - length)
        steps = 14
        crack = [(x + rng.uniform(-25, 25) + (k / steps) * rng.uniform(-40, 40), y0 + (y1 - y0) * k / steps) for k in range(steps + 1)]
        cx, cy = (crack[0][0] + crack[-1][0]) / 2, (y0 + y1) / 2
        tape = (cx, cy, length + rng.uniform(60, 160), rng.uniform(140, 230), 90 + rng.uniform(-6, 6))
    return VPage(
        v=v, seed=rng.randrange(2**31), form_lines=tuple(lines), form_boxes=tuple(boxes), pen_boxes=tuple(pen),
        stamp_boxes=stamp,
        creases=creases, stains=tuple(stains), tear=tuple(tear), holes=tuple(holes), crack=tuple(crack), tape=tape,
        angle=rng.uniform(-1.2, 1.2), margin=rng.randint(25, 110),
    )  # fmt: skip


def _tear(geo: Geometry, xs: list[int], W: int, rng: random.Random, signed: bool) -> list[tuple[float, float]]:
    """A piece torn out of the left or right edge through one or two of the first or last rows, reaching into the
    table by part of its first (or last) columns (past the signatures' column into the figures where that is last):
    a jagged polygon."""
    rows = geo.row_bboxes
    k = rng.choice((0, 1, len(rows) - 2, len(rows) - 1))
    span = rows[k : k + rng.choice((1, 2))]
    y0 = span[0][1] - rng.uniform(0.1, 0.8) * (span[0][3] - span[0][1])
    y1 = span[-1][3] + rng.uniform(-0.3, 0.6) * (span[-1][3] - span[-1][1])
    left = rng.random() < 0.5
    if left:
        depth = xs[0] + rng.uniform(0.3, 1.6) * (xs[1] - xs[0]) + rng.uniform(0.0, 0.5) * (xs[2] - xs[1])
    else:
        depth = W - xs[-1] + rng.uniform(0.3, 1.3) * (xs[-1] - xs[-2])
        if signed and len(xs) >= 4:
            depth = W - xs[-2] + rng.uniform(0.3, 1.0) * (xs[-2] - xs[-3])
    out_top, out_bottom = y0 - rng.uniform(20, 120), y1 + rng.uniform(20, 120)
    pts = [(0.0, out_top)]
    steps = 18
    for j in range(steps + 1):  # the torn edge: down the inside, jagged, deepest in the middle
        t = j / steps
        yy = out_top + (out_bottom - out_top) * t
        bulge = np.sin(np.pi * t) ** 0.6
        pts.append((float(depth * bulge + rng.uniform(-12, 12)), float(yy)))
    pts.append((0.0, out_bottom))
    if not left:
        pts = [(W - x, y) for x, y in pts]
    return pts


def _box_of(polygon: object) -> tuple[int, int, int, int]:
    pts = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    return (int(pts[:, 0].min()), int(pts[:, 1].min()), int(pts[:, 0].max()) + 1, int(pts[:, 1].max()) + 1)


def torn_cells(tear: list[tuple[float, float]], geo: Geometry, r: int, layout: tuple[str, ...]) -> list[str]:
    """The columns of table row ``r`` (1 the first person's; the totals row after the last) whose cell, typed on,
    the torn piece takes a part of (a sixth of the cell or more: a corner of it may go with nothing typed there)."""
    return [layout[c] for rr, c, b, text in geo.cells if rr == r and text and _poly_meets(tear, b, 0.15)]


def _poly_meets(poly: list[tuple[float, float]], box: list[int], share: float) -> bool:
    """Does the polygon take ``share`` of the box or more?"""
    x0, y0, x1, y1 = box
    mask = np.zeros((max(1, y1 - y0), max(1, x1 - x0)), np.uint8)
    pts = np.array([[x - x0, y - y0] for x, y in poly], dtype=np.int32)
    cv2.fillPoly(mask, [pts], 1)
    return int(mask.sum()) >= max(30.0, share * mask.size)


# --- the scan: paper, store room and scanner, in colour ---



def _mask_of(shape: tuple[int, int], boxes: tuple[tuple[int, int, int, int], ...], s: float) -> np.ndarray:
    m = np.zeros(shape, np.uint8)
    for x0, y0, x1, y1 in boxes:
        cv2.rectangle(m, (int(x0 * s), int(y0 * s)), (int(x1 * s), int(y1 * s)), 1, -1)
    return m.astype(bool)


def scan(a: np.ndarray, page: VPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The drawn page (grey, 300 dpi) as the archive's colour scanner saw it: the ribbon's, the form's and the
    ballpoint's inks in their colours on yellowed paper with foxing, creases, water stains (the ink run inside them),
    the torn piece, the holes and the tape; on the scanner's backing, askew, at its dpi, through its JPEG. Returns
    the RGB image (uint8), the 2x3 map from the drawn page to it, and its dpi."""
    from . import degrade

    v = page.v
    rng = random.Random(page.seed)
    s = v.dpi / 300
    H0, W0 = a.shape
    W, H = int(round(W0 * s)), int(round(H0 * s))
    m = np.array([[W / W0, 0.0, 0.0], [0.0, H / H0, 0.0]])
    g = cv2.resize(a.astype(np.float32), (W, H), interpolation=cv2.INTER_AREA) if s != 1 else a.astype(np.float32)
    ink = np.clip((255.0 - g) / 255.0, 0.0, 1.0)
    del g
    # the inks: the printed form's, the ballpoint's, the ribbon's (worn: uneven, its weave in the strokes)
    form = _mask_of((H, W), page.form_lines + page.form_boxes, s) if v.form else np.zeros((H, W), bool)
    pen = _mask_of((H, W), page.pen_boxes, s) & ~form
    pad_ink = _mask_of((H, W), page.stamp_boxes, s) & ~form & ~pen
    weave = cv2.resize(np_rng.random((H // 3 + 1, W // 3 + 1), dtype=np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    ribbon = ink * (1.0 - v.wear * 0.45) * (0.78 + 0.22 * weave) * smooth_field(H, W, rng, 0.8, 1.0, 4)
    del weave
    ribbon[form | pen | pad_ink] = 0.0
    printed = np.where(form, ink, 0.0).astype(np.float32)
    ballpoint = np.where(pen, ink, 0.0).astype(np.float32)
    stamped = np.where(pad_ink, ink, 0.0).astype(np.float32)
    del ink, form, pen, pad_ink
    # water: the ribbon's aniline ink ran inside each stain; the tide line brown at its edge
    tide = np.zeros((H, W), np.float32)
    for cx, cy, rx, ry in page.stains:  # each in its own window of the page
        r = int(max(rx, ry) * s) + 24
        x0, y0 = max(0, int(cx * s) - r), max(0, int(cy * s) - r)
        x1, y1 = min(W, int(cx * s) + r), min(H, int(cy * s) + r)
        if x1 - x0 < 32 or y1 - y0 < 32:
            continue
        h, w = y1 - y0, x1 - x0
        blob = np.zeros((h, w), np.uint8)
        cv2.ellipse(blob, (int(cx * s) - x0, int(cy * s) - y0), (int(rx * s), int(ry * s)), rng.uniform(0, 180), 0, 360, 1, -1)
        blob &= (smooth_field(h, w, rng, 0.0, 1.0, 7) > 0.4).astype(np.uint8)
        blob = np.asarray(cv2.morphologyEx(blob, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8)), np.uint8)
        inside = blob.astype(bool)
        if not inside.any():
            continue
        win = ribbon[y0:y1, x0:x1]
        run = cv2.GaussianBlur(win, (0, 0), rng.uniform(2.0, 4.5) * s + 1)
        win[inside] = np.maximum(win[inside] * rng.uniform(0.45, 0.7), np.minimum(1.0, run[inside] * 1.5))
        edge = cv2.morphologyEx(blob, cv2.MORPH_GRADIENT, np.ones((5, 5), np.uint8)).astype(np.float32)
        tide[y0:y1, x0:x1] += cv2.GaussianBlur(edge, (0, 0), 2.0) * rng.uniform(0.6, 1.0) + inside * rng.uniform(0.04, 0.12)
    # the paper: yellowed, browner towards its edges, foxing (every layer a grey map; the colours per channel below)
    base = np.array([rng.uniform(226, 240), rng.uniform(212, 226), rng.uniform(170, 196)], np.float32)
    xx, yy = np.arange(W, dtype=np.float32), np.arange(H, dtype=np.float32)
    rim = np.minimum(np.minimum(xx, W - 1 - xx)[None, :], np.minimum(yy, H - 1 - yy)[:, None])
    shade = 1.0 - 0.1 * np.exp(-rim / (60 * s)) * rng.uniform(0.6, 1.0)
    del rim
    shade *= smooth_field(H, W, rng, 0.93, 1.02)
    spots = np.zeros((H, W), np.float32)
    for _ in range(int(v.foxing * rng.randint(20, 160))):
        cx, cy = rng.uniform(0, W), rng.uniform(0, H)
        cv2.circle(spots, (int(cx), int(cy)), max(1, int(rng.uniform(2, 14) * s)), rng.uniform(0.25, 0.7), -1)
    spots = np.asarray(cv2.GaussianBlur(spots, (0, 0), 2.0 * s + 0.5), np.float32)
    tide *= 0.5
    # the inks (each absorbs what its colour does not reflect)
    lo, hi = RIBBONS[v.ribbon]
    k_ribbon = 1.0 - np.array(lo if rng.random() < 0.5 else hi, np.float32) / 255.0
    k_form = 1.0 - np.array(FORM_INKS[v.form or "black"], np.float32) / 255.0
    k_pen = 1.0 - np.array(BALLPOINT, np.float32) / 255.0
    k_pad = 1.0 - np.array(STAMP_PAD, np.float32) / 255.0
    # the fold in four: a crease down and one across, a shadow beside each, the ink rubbed off along them
    down = across = None
    if page.creases is not None:
        cx_, cy_ = int(page.creases[0] * s), int(page.creases[1] * s)
        d = xx - cx_
        down = 1.0 - 0.12 * np.exp(-(((d - 4 * s) / (5 * s)) ** 2)) + 0.06 * np.exp(-(((d + 4 * s) / (4 * s)) ** 2))
        d = yy - cy_
        across = 1.0 - 0.12 * np.exp(-(((d - 4 * s) / (5 * s)) ** 2)) + 0.06 * np.exp(-(((d + 4 * s) / (4 * s)) ** 2))
    # the mended crack under yellowed sellotape
    crack = band = tape_edge = None
    amber = np.ones(3, np.float32)
    if page.crack:
        crack = np.zeros((H, W), np.uint8)
        pts = np.array([[x * s, y * s] for x, y in page.crack], np.int32)
        cv2.polylines(crack, [pts], False, 1, max(1, int(2 * s)))
        tcx, tcy, length, width, ang = page.tape
        band = np.zeros((H, W), np.float32)
        cv2.fillPoly(band, [cv2.boxPoints(((tcx * s, tcy * s), (length * s, width * s), ang)).astype(np.int32)], 1.0)
        band = np.asarray(cv2.GaussianBlur(band, (0, 0), 1.5), np.float32)
        amber = np.array([0.95, 0.84, 0.55], np.float32) * rng.uniform(0.92, 1.0)
        tape_edge = cv2.morphologyEx((band > 0.5).astype(np.uint8), cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8)).astype(bool)
    out = np.empty((H, W, 3), np.float32)
    for c, (foxed, tidal, rub, cracked) in enumerate(zip((150, 100, 50), (140, 100, 60), (225, 214, 180), (95, 75, 55), strict=True)):
        ch = shade * base[c]
        ch *= 1.0 - spots
        ch += foxed * spots
        ch *= 1.0 - tide
        ch += tidal * tide
        absorb = ribbon * k_ribbon[c]
        if v.form:
            absorb += printed * k_form[c]
        absorb += ballpoint * k_pen[c]
        absorb += stamped * k_pad[c]
        ch *= 1.0 - absorb
        del absorb
        if down is not None and across is not None:
            ch *= down[None, :]
            ch *= across[:, None]
            for sl in (np.s_[:, max(0, cx_ - 2) : cx_ + 2], np.s_[max(0, cy_ - 2) : cy_ + 2, :]):
                ch[sl] = ch[sl] * 0.4 + rub * 0.6
        if crack is not None and band is not None and tape_edge is not None:
            ch[crack.astype(bool)] = cracked
            ch *= 1.0 - band * (1.0 - amber[c])
            ch[tape_edge] *= 0.85
        out[..., c] = ch
        del ch
    del shade, spots, tide, ribbon, printed, ballpoint, stamped, band, crack, tape_edge
    # what is not paper any more: the torn piece (a light fibrous rim along the tear) and the holes
    gone = np.zeros((H, W), np.uint8)
    if page.tear:
        cv2.fillPoly(gone, [np.array([[x * s, y * s] for x, y in page.tear], np.int32)], 1)
        rim_ = cv2.dilate(gone, np.ones((5, 5), np.uint8)).astype(bool) & ~gone.astype(bool)
        out[rim_] = out[rim_] * 0.3 + np.array([245, 240, 225], np.float32) * 0.7
    for hx, hy, hr in page.holes:
        cv2.circle(gone, (int(hx * s), int(hy * s)), int(hr * s), 1, -1)
    back = np.array(BACKINGS[v.backing], np.float32)
    out[gone.astype(bool)] = back
    del gone
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), rng.uniform(0.4, 0.8)), np.float32)
    # on the scanner: the backing around the sheet, the sheet a little askew
    pad = int(page.margin * s)
    rot = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, 1.0)
    rot[:, 2] += pad
    border = (float(back[0]), float(back[1]), float(back[2]))
    out = np.asarray(cv2.warpAffine(out, rot, (W + 2 * pad, H + 2 * pad), flags=cv2.INTER_LINEAR, borderValue=border), np.float32)
    m = degrade.compose(rot, m)
    out += np_rng.standard_normal(out.shape, dtype=np.float32) * np.float32(rng.uniform(1.5, 3.5))
    rgb = np.clip(out, 0, 255).astype(np.uint8)
    del out
    # saved as JPEG and read back (by Pillow: the page decoder is scanner_drivers/intake.py's alone); RGB throughout
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=v.quality)
    buf.seek(0)
    with Image.open(buf) as jpg:
        rgb = np.asarray(jpg.convert("RGB"), np.uint8)
    return rgb, m, v.dpi
