"""Family T of the sample generator (held out from its making in session 17, 2026-12-04, helper s26-famt, before
anything was tuned on S, to its one measurement at the start of session 18; a development family since, dev seeds
12001-12040, evaluation seed 2043 kept): an agricultural co-operative's payroll (a ТКЗС, an АПК's farm yard, a ДЗС; from 1991 a
liquidation council's, a land co-operative's) written out by hand, in ballpoint or in ink, on a blank form bought
printed from a state printing house. Measured once by the lead at the start of session 18 (seed 2043: 68.5 %
right, 4.75 % wrong without a flag, 46.6 % review).

What T draws, each file its own combination (samples/families.py applies it over the generic switches):
everything on the page but the form's own words written by one clerk's hand (handwriting faces from font
packages none of A-S uses: fonts-klee, fonts-kiloji, fonts-seto, their letters set close as a hand writes them,
no two quite the same size, leaning, wandering off the line or sitting low on the ruled line, pressed unevenly; a
ballpoint's even grey or a pen's ink bleeding into cheap paper, now and then its blot beside a name), the form's words printed in its own faces (fonts-vollkorn, fonts-yanone-kaffeesatz, none of A-S's),
small and in the form's coloured ink (the rules the same ink); the co-operative's name by its years (ТКЗС, АПК,
ДЗС, ПАК, кооперативна ферма; from 1991 ЛС на ТКЗС, ППК, ЗК, ЗКПУ) and its members' trades (полевъдка,
доячка, тракторист, говедар, a woman's in her form); column orders and heading words of its own ("член-
кооператор", "човекодни", "заработено по норми", "допълнително за продукция"); a column of the printed form the
farm never used, left empty (its heading printed: "Натурално заплащане", "Нощен труд", "Изпълнит. листове"; no
payroll-page/1 field); the amounts with a decimal comma or point, thousands by a space on some files, whole leva
written "146,—" or "146.-" on some (the truth 146.00); the period in a hand's words ("за месец Март 1985 г.",
"за м. III/85 г.", "Март – 1985 г.", "за месец Март, 1985 год."); the form's ruled lines the people did not
fill, struck through with a "Z" so nothing could be added; the totals underlined twice; corrections of a
hand: the wrong figure scraped off with a blade (the paper roughened and paler, a ghost of it left) and the
right one written on the scraped place, its ink running, or the right digits written over the wrong ones,
pressed harder; the form's furniture (its number "Образец № ..." in a top corner, the printing house's
imprint, order and print run at the foot); and the archive's: the archivist's folio number in pencil in the
top-right corner (an older number struck through beside it on some), the state archive's rectangular stamp
(fund, inventory, file and folio); the paper: browned with age, darker at the edges, foxing spots, a staple in
the top-left corner or the rust and holes of one removed, a bottom corner folded over when the sheet went
through the scanner; portrait or landscape; any year 1980-1996.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from . import data
from .content import EmployerFile, SheetContent, money_text
from .render import FONT_DIR, Geometry, Painter, Style, rect_polygon

ROMAN = data.ROMAN

# Column orders none of A-S draws ("parts" the itemised deductions as in samples/families.py; "spare" the printed
# column nobody filled, dropped where the file's switch says so)
T_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "spare", "deductions",
     "net_pay", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "spare", "gross_pay", "parts", "deductions",
     "net_pay", "signature"),
    ("row", "name", "position", "days_worked", "gross_pay", "spare", "deductions", "net_pay", "egn", "signature"),
    ("row", "position", "name", "egn", "days_worked", "extra_pay", "base_pay", "gross_pay", "parts", "deductions",
     "spare", "net_pay"),
    ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "spare", "net_pay", "egn",
     "signature"),
)  # fmt: skip
MAX_COLUMNS = 12

HEADINGS_T: dict[str, tuple[str, ...]] = {
    "row": ("№\nна\nчлена", "Ред.\n№", "№\nпо\nсписък"),
    "egn": ("ЕГН на\nчлена", "Граждан-\nски №\n(ЕГН)", "ЕГН\n(10 цифри)"),
    "name": ("Име, презиме и фамилия\nна члена-кооператор", "Член-кооператор\n(трите имена)",
             "Трите имена на\nчлена или работника"),
    "position": ("Бригада /\nзвено", "Работа /\nдлъжност", "Сектор\nи длъжност"),
    "days_worked": ("Отработени\nчовекодни", "Изработени\nдни", "Явявания\nна работа"),
    "base_pay": ("Заработено\nпо норми", "Основно\nвъзнагр.\nпо ставки", "Изкарано\nпо норми\n(лв.)"),
    "extra_pay": ("Допълнително\nза продукция", "Доплащане\nпо резултат", "Премия\nот добива"),
    "gross_pay": ("Общо\nзаработено", "Всичко\nполагаемо", "Всичко\nзаработено\nза месеца"),
    "deductions": ("Общо\nудържано", "Удържа\nсе всичко", "Всичко\nудръжки\nот члена"),
    "net_pay": ("Остава\nза изплащане", "Да се\nизплати", "Изплаща\nсе\nв брой"),
    "signature": ("Подпис\nна члена", "Разписка\nза полу-\nчаването", "Получил\n(подпис)"),
    "tax": ("Данък\nобщ\nдоход", "Данък\nвърху\nдохода"),
    "insurance": ("Осиг.\nвноска", "Пенс.\nфонд"),
    "advance": ("Аванси\nпрез\nмесеца", "Взети\nаванси"),
    "union_fee": ("Членски\nвнос\nпрофс.", "Проф.\nсъюз"),
    "spare": ("Натурално\nзаплащане", "Нощен\nтруд", "Изпълнит.\nлистове", "Извънреден\nтруд",
              "Обезщет.\nболничен", "Удръжки\nза храна"),
}  # fmt: skip

# The clerk's hands (each file one) and the printed form's faces, from font packages none of A-S uses
# (scripts/setup.sh): the hands fonts-klee, fonts-kiloji, fonts-seto; the form fonts-vollkorn, fonts-yanone-kaffeesatz
T_HANDS = ("klee/KleeOne-Regular.ttf", "klee/KleeOne-SemiBold.ttf", "kiloji/kiloji.ttf", "kiloji/kiloji_p.ttf",
           "kiloji/kiloji_b.ttf", "seto/setofont.ttf")  # fmt: skip
_YANONE = "../opentype/yanone-kaffeesatz/YanoneKaffeesatz-"
T_FACES: dict[str, tuple[str, ...]] = {
    "form": ("vollkorn/Vollkorn-Regular.ttf", "vollkorn/Vollkorn-Medium.ttf", _YANONE + "Regular.otf",
             _YANONE + "Light.otf"),
}  # fmt: skip
T_SIZES: dict[str, tuple[int, int]] = {"form": (38, 46)}
T_FORMATS = (("", ","), ("", ","), ("", "."), (" ", ","), (" ", "."))  # (thousands, decimal)

# The co-operatives by the years they were so named: (before 1991, from 1991)
ENTERPRISES: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("ТКЗС „Заря“ с. Овча могила", "ТКЗС „Г. Димитров“ с. Крушуна", "АПК „Златен клас“ Павликени",
     "АПК „Мир“ стопански двор с. Бяла черква", "ДЗС „Тракия“ Първомай", "ПАК „Марица“ с. Скутаре",
     "Кооперативна ферма „Единство“ с. Джулюница", "ТКЗС „Сеятел“ с. Горско Косово", "АПК „Родина“ Свищов",
     "ДЗС „Лозята“ с. Болярово"),
    ("ЛС на ТКЗС „Заря“ с. Овча могила", "ППК „Съгласие“ с. Скутаре", "ЗК „Нива“ с. Джулюница",
     "ЗКПУ „Бъдеще“ с. Крушуна", "ЛС на ТКЗС „Сеятел“ с. Горско Косово", "ЗК „Златен клас“ Павликени",
     "ППК „Дружба“ с. Бяла черква"),
)  # fmt: skip
# (a man's, a woman's) trade
POSITIONS: tuple[tuple[str, str], ...] = (
    ("полевъд", "полевъдка"), ("тракторист", "трактористка"), ("комбайнер", "комбайнерка"), ("говедар", "доячка"),
    ("овчар", "овчарка"), ("свинар", "свинарка"), ("лозар", "лозарка"), ("градинар", "градинарка"),
    ("тютюнопроизводител", "тютюнопроизводителка"), ("звеновод", "звеноводка"), ("бригадир", "бригадирка"),
    ("пазач на полето", "пазачка"), ("механизатор", "птицевъдка"), ("складодържател", "счетоводителка"),
    ("агроном", "агрономка"), ("ветеринарен техник", "ветеринарна техничка"), ("шофьор", "работничка"),
)  # fmt: skip
# T's periods as the clerk wrote them (data.said_period's templates)
T_PERIODS: dict[str, str | tuple[str, ...]] = {
    "month": "за месец {Word} {y} г.",
    "slash": "за м. {roman}/{yy} г.",
    "dash": "{Word} – {y} г.",
    "comma": "за месец {Word}, {y} год.",
}
T_TITLES = ("ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ НА ЧЛЕНОВЕТЕ-КООПЕРАТОРИ",
            "ВЕДОМОСТ ЗА ВЪЗНАГРАЖДЕНИЕТО НА ЧЛЕНОВЕТЕ И РАБОТНИЦИТЕ")  # fmt: skip
T_TOTAL_WORDS = ("Всичко:", "Всичко по ведомостта", "Всичко за месеца:")
FORM_NUMBERS = ("Образец № 1-05-12", "Обр. № 47 – ТКЗС", "Образец Сч. 5-08", "Бланка № 2-34 (ЦСУ)")
PRINTERS = ("Печ. „Д. Благоев“ – Пловдив", "ДП „Г. Димитров“ – София", "Печатница „Балкан“ – В. Търново",
            "ДП „Образци и бланки“ – Русе")  # fmt: skip
ARCHIVES = ("ДЪРЖАВЕН АРХИВ – В. ТЪРНОВО", "ДЪРЖАВЕН АРХИВ – РУСЕ", "ДЪРЖАВЕН АРХИВ – ХАСКОВО",
            "ДЪРЖАВЕН АРХИВ – ЛОВЕЧ", "ОКРЪЖЕН ДЪРЖАВЕН АРХИВ – ПЛЕВЕН")  # fmt: skip


@dataclass(frozen=True)
class THabits:
    """One T file's switches, drawn once per file."""

    face: str  # "form": the printed form's faces (T_FACES)
    hand: str  # the clerk's handwriting face (T_HANDS)
    slant: float  # how far the hand leans (a shear)
    low: float  # how far below the middle of the row the hand writes (in the type size: on the ruled line)
    pen: str  # "ballpoint" (an even grey) or "ink" (darker, uneven, bleeding)
    thousands: str
    decimal: str
    whole_mark: str  # what follows the decimal sign for no stotinki ("—", "-"), or "" (00)
    ruling: str  # "full" or "columns" (a printed form's rules)
    spare: bool  # a printed column nobody filled
    period: str  # "month" (за месец Март 1985 г.), "slash" (за м. III/85 г.), "dash" (Март – 1985 г.), "comma"
    blank_lines: int  # the form's ruled lines left empty under the people
    zstrike: bool  # the empty lines struck through with a "Z"
    double_under: bool  # the totals underlined twice
    correction: str  # "scraped", "over" or "none"
    form_no: bool  # the form's number in a top corner, the printing house's imprint at the foot
    folio: bool  # the archivist's folio number in pencil, top right
    refolio: bool  # an older folio number struck through beside it
    archive_stamp: bool  # the state archive's rectangular stamp
    aged: bool  # the paper browned with age, darker at the edges
    foxing: bool  # brown spots
    staple: str  # "", "staple" (still in), "removed" (its holes and rust)
    dog_ear: bool  # a bottom corner folded over on some sheets
    stamp_rows: bool
    signatures_cross: bool


def draw(rng: random.Random) -> THabits:
    thousands, decimal = rng.choice(T_FORMATS)
    blank = rng.random() < 0.6
    folio = rng.random() < 0.6
    return THabits(
        face="form", hand=rng.choice(T_HANDS), slant=rng.uniform(-0.05, 0.28), low=rng.uniform(0.0, 0.15), pen=rng.choice(("ballpoint", "ballpoint", "ink")),
        thousands=thousands, decimal=decimal, whole_mark=rng.choice(("—", "-")) if rng.random() < 0.4 else "",
        ruling=rng.choice(("full", "full", "full", "columns")), spare=rng.random() < 0.65,
        period=rng.choice(("month", "slash", "dash", "comma")), blank_lines=rng.randint(3, 10) if blank else 0,
        zstrike=blank and rng.random() < 0.75, double_under=rng.random() < 0.55,
        correction=rng.choice(("scraped", "scraped", "over", "none")), form_no=rng.random() < 0.6,
        folio=folio, refolio=folio and rng.random() < 0.3, archive_stamp=rng.random() < 0.45,
        aged=rng.random() < 0.6, foxing=rng.random() < 0.45, staple=rng.choice(("", "", "staple", "removed")),
        dog_ear=rng.random() < 0.3, stamp_rows=rng.random() < 0.15, signatures_cross=rng.random() < 0.3,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, t: THabits, rng: random.Random) -> None:
    """A T file over what the generic file has (its layout from T_LAYOUTS, headings from HEADINGS_T): the
    co-operative's name of the file's years, its members' trades (a woman's in her form), the printed column
    nobody filled only where the switch says so, no more columns than the page holds."""
    ef.employer = rng.choice(ENTERPRISES[ef.start[0] >= 1991])
    for p in ef.staff:
        pair = rng.choice(POSITIONS)
        p.position = pair[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    layout = [c for c in ef.layout if c != "spare" or t.spare]
    for c in ("union_fee", "advance", "spare", "insurance"):  # the page has no room for more
        if len(layout) > MAX_COLUMNS and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)


def adapt_sheet(sheet: SheetContent, t: THabits, rng: random.Random) -> None:
    """A T sheet: the form's title, the period in the clerk's words, the totals' words, whole leva as the
    clerk writes them."""
    sheet.title = rng.choice(T_TITLES)
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, T_PERIODS, t.period)
    sheet.total_label = rng.choice(T_TOTAL_WORDS)
    sheet.whole_mark = t.whole_mark


def style(t: THabits, rng: random.Random, base: Style) -> None:
    """A T sheet's style over the generic family style: the clerk's hand for everything written, the form's face
    for its printed words (the headings small), its coloured ink for them and its rules, the empty ruled lines."""
    base.form_font = base.font
    base.printed_heads = True
    ink = rng.randint(55, 105) if t.pen == "ballpoint" else rng.randint(20, 55)
    base.writer = Hand(str(FONT_DIR / t.hand), t.slant, t.pen, ink, t.low)
    base.typewriter = base.dot_matrix = False
    base.heading_scale = rng.uniform(0.6, 0.75)
    base.ink = rng.randint(60, 120)  # the form's printing ink (green, brown, violet) in grey
    base.rule_ink = base.ink + rng.randint(-10, 30)
    base.line_width = rng.choice((2, 2, 3))
    base.landscape = rng.random() < 0.45
    base.blank_rows = t.blank_lines
    base.corrections = False
    base.totals_hand = False


# --- the clerk's hand ---


@lru_cache(maxsize=32)
def _face(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _mask(f: ImageFont.FreeTypeFont, ch: str) -> bytes:
    n = int(f.size)
    im = Image.new("L", (n * 2, n * 2), 0)
    ImageDraw.Draw(im).text((n // 2, n // 4), ch, font=f, fill=255)
    return im.tobytes()


# what a hand writes for a sign its face does not have
STAND_INS = {"„": ",,", "“": "\"", "–": "-", "—": "-", "’": "'"}


@lru_cache(maxsize=64)
def _missing(path: str) -> frozenset[str]:
    """The signs of STAND_INS that the face at ``path`` lacks (drawn as its empty box or not at all)."""
    f = _face(path, 40)
    none = _mask(f, "\U0010fffd")  # no face has it: what the face draws for what it lacks
    return frozenset(ch for ch in STAND_INS if _mask(f, ch) == none or not any(_mask(f, ch)))


@lru_cache(maxsize=8192)
def _glyph(path: str, size: int, ch: str) -> tuple[float, float]:
    """(left edge of the ink from the pen's position, the ink's width) of ``ch``."""
    f = _face(path, size)
    if not ch.strip():
        return 0.0, 0.0
    im = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(im).text((size // 2, size // 4), ch, font=f, fill=255)
    cols = np.flatnonzero((np.asarray(im) > 60).any(axis=0))
    if not len(cols):
        return 0.0, size * 0.2
    return float(cols[0] - size // 2), float(cols[-1] - cols[0] + 1)


@lru_cache(maxsize=256)
def _x_height(path: str, size: int) -> float:
    _, y0, _, y1 = _face(path, size).getbbox("ахо")
    return float(y1 - y0)


@dataclass(frozen=True)
class Hand:
    """One clerk's handwriting (a render.Writer): the letters of a handwriting face set as close as a hand writes
    them, leaning by ``slant``, wandering off the line, pressed unevenly; ``pen`` "ink" bleeds a little."""

    font: str
    slant: float
    pen: str
    ink: int
    low: float = 0.0  # how far below ``y_mid`` it writes, in the type size

    def _chars(self, text: str) -> str:
        missing = _missing(self.font)
        return "".join(STAND_INS[c] if c in missing else c for c in text)

    def _advances(self, text: str, size: int) -> list[float]:
        gap = size * 0.07
        return [size * 0.36 if not ch.strip() else _glyph(self.font, size, ch)[1] + gap for ch in text]

    def width(self, p: Painter, text: str, scale: float = 1.0) -> int:
        size = max(12, int(p.style.size * scale))
        return int(math.ceil(sum(self._advances(self._chars(text), size)) + abs(self.slant) * size * 0.5))

    def text(self, p: Painter, x: float, y_mid: float, text: str, scale: float = 1.0) -> None:
        text = self._chars(text)
        if not text.strip():
            return
        rng = p.rng
        size = max(12, int(p.style.size * scale))
        f = _face(self.font, size)
        asc, desc = f.getmetrics()
        adv = self._advances(text, size)
        margin = int(abs(self.slant) * (asc + desc)) + 6
        w, h = int(sum(adv)) + 2 * margin + 8, asc + desc + size // 2
        top = size // 4  # the layer's room above the ascender
        base = top + asc
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        drift = rng.uniform(-0.12, 0.12) * size / max(1, len(text))  # off the line, a little more each letter
        cx = float(margin + 4)
        for k, ch in enumerate(text):
            if ch.strip():
                x0, _ = _glyph(self.font, size, ch)
                press = rng.randint(215, 255) if self.pen == "ballpoint" else rng.randint(150, 255)
                grow = rng.choice((-1, 0, 0, 1)) * max(1, size // 30)  # no two letters quite the same size
                g = _face(self.font, size + grow)
                d.text((cx - x0 + rng.uniform(-0.8, 0.8), top + drift * k + rng.uniform(-0.05, 0.05) * size - grow * 0.8),
                       ch, font=g, fill=press)  # fmt: skip
            cx += adv[k]
        if self.slant:  # lean about the baseline: the top to the right, the tails to the left
            layer = layer.transform(layer.size, Image.Transform.AFFINE, (1, self.slant, -self.slant * base, 0, 1, 0),
                                    resample=Image.Resampling.BILINEAR)  # fmt: skip
        if self.pen == "ink":
            layer = layer.filter(ImageFilter.GaussianBlur(0.7))
        baseline = y_mid + _x_height(self.font, size) / 2 + self.low * size
        p.img.paste(max(0, self.ink + rng.randint(-8, 8)), (int(round(x - margin - 4)), int(round(baseline - base))), layer)


# --- after the drawing: what the clerk, the archive and the form's printer added (samples/generate.py) ---


def after_render(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, t: THabits, rng: random.Random) -> None:
    """The empty lines struck through, the totals underlined twice, the corrections, the form's number and
    imprint, the archivist's folio and the archive's stamp."""
    p = Painter(img, st, rng)
    hand = st.writer if isinstance(st.writer, Hand) else None
    n = len(sheet.rows)
    total_cells = [(c, b, tx) for r, c, b, tx in geo.cells if r == n + 1 and c != _label_col(sheet)]
    if t.zstrike and st.blank_rows and geo.row_bboxes and total_cells:
        x0, _, x1, y0 = geo.row_bboxes[-1]
        y1 = min(b[1] for _, b, _ in total_cells)
        if y1 - y0 > st.size:
            _z(p, x0 + rng.uniform(20, 80), y0 + rng.uniform(8, 20), x1 - rng.uniform(20, 120), y1 - rng.uniform(8, 20), hand)
    if t.double_under and not sheet.carry_out:
        for _, b, tx in total_cells:
            w = p.width(tx)
            xr = b[2] - int(st.size * 0.45)
            ym = (b[1] + b[3]) / 2 + st.size * rng.uniform(0.45, 0.55)
            for k in range(2):
                _stroke(p, xr - w - rng.uniform(0, 10), ym + k * rng.uniform(7, 10), xr + rng.uniform(0, 10), ym + k * 8, hand)
    if t.correction != "none" and hand is not None:
        _corrections(p, geo, sheet, st, t, hand, rng)
    if t.pen == "ink" and hand is not None and rng.random() < 0.5:
        _blot(p, geo, sheet, hand, rng)
    form = Painter(img, _printed(st), rng)
    W, H = img.size
    if t.form_no:
        label = rng.choice(FORM_NUMBERS)
        right = not t.folio and rng.random() < 0.5  # the top-right corner is the folio's
        x = W - int(st.size * 2) - form.width(label, 0.5) if right else int(st.size * 2)
        form.text(x, rng.randint(55, 75), label, 0.5)
        year = min(sheet.year, rng.randint(sheet.year - 4, sheet.year))
        imprint = f"{rng.choice(PRINTERS)}, зак. {rng.randint(120, 4800)}/{year} г. – тираж {rng.choice((5, 10, 20, 50))} 000"
        form.text(int(st.size * 2) + rng.randint(0, 200), H - rng.randint(55, 80), imprint, 0.45)
    folio = rng.randint(2, 280)
    if t.folio:
        pencil = Hand(hand.font if hand else str(st.font), 0.1, "ballpoint", rng.randint(120, 155))
        pp = Painter(img, st, rng)
        size = st.size * 0.9
        x = W - rng.randint(150, 260) - pencil.width(pp, str(folio), 0.9)
        y = rng.randint(60, 90)
        pencil.text(pp, x, y, str(folio), 0.9)
        if t.refolio:  # the older number, struck through
            old = str(folio + rng.choice((-3, -2, -1, 1, 2, 4, 7)))
            ox = x - pencil.width(pp, old, 0.9) - size * 0.8
            pencil.text(pp, ox, y, old, 0.9)
            p.draw.line((ox - 4, y + size * 0.25, ox + pencil.width(pp, old, 0.9) + 4, y - size * 0.25), fill=140, width=2)
    if t.archive_stamp:
        poly = _archive_stamp(img, st, rng, folio)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": poly})


def _blot(p: Painter, geo: Geometry, sheet: SheetContent, hand: Hand, rng: random.Random) -> None:
    """The pen's blot: a drop of ink fallen on the page where a name leaves its cell empty (on nothing written)."""
    if "name" not in sheet.layout:
        return
    j, pad = list(sheet.layout).index("name"), int(p.style.size * 0.45)
    room = [(b, tx) for r, c, b, tx in geo.cells if c == j and 1 <= r <= len(sheet.rows)]
    rng.shuffle(room)
    for b, tx in room:
        x0, x1 = b[0] + pad + p.width(tx) + 40, b[2] - pad - 40
        if x1 - x0 < 40:
            continue
        cx, cy, r = rng.uniform(x0, x1), (b[1] + b[3]) / 2 + rng.uniform(-4, 4), rng.uniform(5, 12)
        for _ in range(rng.randint(3, 6)):  # a round drop and its splashes
            ox, oy, rr = rng.uniform(-r, r) * 0.6, rng.uniform(-r, r) * 0.6, r * rng.uniform(0.3, 0.8)
            p.draw.ellipse((cx + ox - rr, cy + oy - rr, cx + ox + rr, cy + oy + rr), fill=max(0, hand.ink - 10))
        p.draw.ellipse((cx - r, cy - r * 0.9, cx + r, cy + r * 0.9), fill=max(0, hand.ink - 15))
        return


def _label_col(sheet: SheetContent) -> int:
    cols = list(sheet.layout)
    return cols.index("name") if "name" in cols else 1


def _printed(st: Style) -> Style:
    from dataclasses import replace

    return replace(st, font=st.form_font or st.font, writer=None, typewriter=False, dot_matrix=False)


def _stroke(p: Painter, x0: float, y0: float, x1: float, y1: float, hand: Hand | None) -> None:
    """A line drawn by hand (no ruler): a little wavy, the clerk's ink."""
    ink = hand.ink if hand else 70
    pts = [(x0 + (x1 - x0) * k / 6 + p.rng.uniform(-1, 1), y0 + (y1 - y0) * k / 6 + p.rng.uniform(-2, 2)) for k in range(7)]
    p.draw.line(pts, fill=ink + p.rng.randint(0, 15), width=p.rng.choice((2, 3)), joint="curve")


def _z(p: Painter, x0: float, y0: float, x1: float, y1: float, hand: Hand | None) -> None:
    """The empty lines struck through with a "Z": along the top, down across, along the bottom."""
    _stroke(p, x0, y0, x1, y0 + p.rng.uniform(-6, 6), hand)
    _stroke(p, x1, y0, x0, y1, hand)
    _stroke(p, x0, y1, x1, y1 + p.rng.uniform(-6, 6), hand)


def _slip(text: str, rng: random.Random) -> str:
    idx = [i for i, ch in enumerate(text) if ch.isdigit()]
    i = rng.choice(idx)
    return text[:i] + rng.choice([d for d in "0123456789" if d != text[i]]) + text[i + 1 :]


MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


def _corrections(p: Painter, geo: Geometry, sheet: SheetContent, st: Style, t: THabits, hand: Hand,
                 rng: random.Random) -> None:  # fmt: skip
    """Now and then a person's figure the clerk got wrong: scraped off with a blade (the place paler and rough, a
    ghost of the wrong figure left) and the right one written on it, its ink running; or the right digits written
    over the wrong ones, pressed harder. The truth keeps the right figure."""
    cols = list(sheet.layout)
    pad = int(st.size * 0.45)
    a = np.asarray(p.img)
    for r, c, b, tx in list(geo.cells):
        if not 1 <= r <= len(sheet.rows) or cols[c] not in MONEY or not tx[-1:].isdigit() or rng.random() >= 0.07:
            continue
        right = money_text(Decimal(str(sheet.rows[r - 1][cols[c]])), sheet)
        if right != tx:
            continue
        wrong = _slip(tx, rng)
        x1 = b[2] - pad
        ym = (b[1] + b[3]) / 2
        w = max(hand.width(p, tx, 1.0), hand.width(p, wrong, 1.0))
        bx0, by0 = int(max(b[0] + 4, x1 - w - 10)), int(max(b[1] + 4, ym - st.size * 0.75))
        bx1, by1 = int(min(b[2] - 3, x1 + 10)), int(min(b[3] - 4, ym + st.size * 0.6))
        if bx1 - bx0 < 10 or by1 - by0 < 10:
            continue
        if t.correction == "scraped":
            size = (bx1 - bx0, by1 - by0)
            paper = float(np.percentile(a[max(0, by0 - 30) : by1 + 30, max(0, bx0 - 30) : bx1 + 30], 90))
            rough = np.random.default_rng(rng.randrange(2**32)).random((size[1], size[0])).astype(np.float32)
            scraped = paper - rng.uniform(2, 6) - rough * rng.uniform(4, 10)
            ghost = Image.new("L", size, 255)  # what the blade left of the wrong figure
            hand.text(Painter(ghost, st, rng), x1 - bx0 - hand.width(p, wrong, 1.0), ym - by0, wrong, 1.0)
            scraped -= (255 - np.asarray(ghost, np.float32)) * rng.uniform(0.1, 0.2)
            wet = Image.new("L", size, 255)  # the right figure, its ink running in the rough place
            hand.text(Painter(wet, st, rng), x1 - bx0 - hand.width(p, tx, 1.0), ym - by0 + rng.uniform(-2, 2), tx, 1.0)
            ink = np.asarray(wet.filter(ImageFilter.GaussianBlur(0.6)), np.float32)
            out = np.minimum(scraped, ink)
            yy, xx = np.mgrid[0 : size[1], 0 : size[0]].astype(np.float32)  # the scraped place's ragged edge
            edge = np.minimum.reduce([xx, yy, size[0] - 1 - xx, size[1] - 1 - yy])
            alpha = np.clip(edge / rng.uniform(5, 9) + rough * 0.3, 0.0, 1.0)
            under = a[by0:by1, bx0:bx1].astype(np.float32)
            out = under * (1 - alpha) + np.minimum(out, under + 255 * (1 - alpha)) * alpha
            p.img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (bx0, by0))
        else:  # the right digits written over the wrong ones, the pen pressed harder
            hand.text(p, x1 - hand.width(p, wrong, 1.0), ym, wrong, 1.0)
            heavy = Hand(hand.font, hand.slant, hand.pen, max(0, hand.ink - 15))
            heavy.text(p, x1 - hand.width(p, tx, 1.0) + rng.uniform(-1.5, 1.5), ym, tx, 1.0)
        a = np.asarray(p.img)
        geo.marks.append({"kind": "correction", "row": r - 1, "polygon": rect_polygon(bx0, by0, bx1, by1)})


def _archive_stamp(img: Image.Image, st: Style, rng: random.Random, folio: int) -> list[list[float]]:
    """The state archive's rectangular stamp (its name, the fund, inventory, file and folio, the numbers
    written in by hand) in the bottom margin, in violet ink, turned a little; returns its outline."""
    W, H = img.size
    face = str(st.form_font or st.font)
    size = rng.randint(22, 28)
    f = ImageFont.truetype(face, size)
    lines = [rng.choice(ARCHIVES), f"Ф. {rng.randint(12, 1900)}   Оп. {rng.randint(1, 6)}",
             f"А.е. {rng.randint(1, 450)}   Л. {folio}"]  # fmt: skip
    lh = int(size * 1.5)
    w = int(max(f.getlength(s) for s in lines)) + 40
    h = lh * len(lines) + 24
    layer = Image.new("L", (w + 12, h + 12), 0)
    d = ImageDraw.Draw(layer)
    d.rectangle((6, 6, 6 + w, 6 + h), outline=255, width=3)
    for k, s in enumerate(lines):
        d.text((6 + (w - f.getlength(s)) / 2, 16 + k * lh), s, font=f, fill=255)
    angle = rng.uniform(-4, 4)
    turned = layer.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True)
    press = np.asarray(turned, np.float32) * rng.uniform(0.6, 0.95)
    press *= np.linspace(rng.uniform(0.5, 1.0), rng.uniform(0.5, 1.0), press.shape[1], dtype=np.float32)[None, :]
    cx = rng.uniform(W * 0.3, W * 0.62)
    cy = H - turned.height / 2 - rng.randint(25, 60)
    ox, oy = int(cx - turned.width / 2), int(cy - turned.height / 2)
    img.paste(rng.randint(110, 150), (ox, oy), Image.fromarray(press.astype(np.uint8)))
    return rect_polygon(ox, oy, ox + turned.width, oy + turned.height)


# --- the paper (samples/generate.py, degrade_page) ---


def on_paper(a: np.ndarray, t: THabits, rng: random.Random) -> np.ndarray:
    """The sheet as the archive kept it: browned with age and darker at its edges, foxing spots, a staple
    (or its holes and rust), a bottom corner folded over on some sheets."""
    h, w = a.shape
    out = a.astype(np.float32)
    if t.aged:
        yy = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
        xx = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
        edge = np.maximum(np.abs(xx), np.abs(yy)) ** 6
        small = np.asarray([[rng.random() for _ in range(9)] for _ in range(12)], np.float32)
        blotch = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BICUBIC),
                            np.float32) / 255.0  # fmt: skip
        tone = rng.uniform(0.88, 0.95) - edge * rng.uniform(0.06, 0.14) - blotch * rng.uniform(0.02, 0.05)
        out *= tone
    if t.foxing:
        for _ in range(rng.randint(6, 30)):
            cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(2.5, 11)
            _spot(out, cx, cy, r, rng.uniform(0.78, 0.93))
    if t.staple:
        x, y = rng.uniform(70, 140), rng.uniform(60, 120)
        ang = math.radians(rng.uniform(20, 70))
        dx, dy = math.cos(ang) * 62, math.sin(ang) * 62
        _spot(out, x + dx / 2, y + dy / 2, rng.uniform(22, 40), rng.uniform(0.82, 0.92))  # rust
        if t.staple == "staple":
            pts = [(x, y), (x + dx, y + dy)]
            layer = Image.fromarray(out.clip(0, 255).astype(np.uint8))
            ImageDraw.Draw(layer).line(pts, fill=rng.randint(50, 90), width=6)
            ImageDraw.Draw(layer).line([(x + 2, y - 3), (x + dx + 2, y + dy - 3)], fill=rng.randint(170, 210), width=2)
            out = np.asarray(layer, np.float32)
        else:
            for px, py in ((x, y), (x + dx, y + dy)):
                _spot(out, px, py, 3.5, 0.35)
    if t.dog_ear and rng.random() < 0.5:
        out = _dog_ear(out, rng)
    return out


def _spot(a: np.ndarray, cx: float, cy: float, r: float, depth: float) -> None:
    """Darken a round soft spot (to ``depth`` of the paper at its middle)."""
    h, w = a.shape
    x0, x1 = max(0, int(cx - 2 * r)), min(w, int(cx + 2 * r) + 1)
    y0, y1 = max(0, int(cy - 2 * r)), min(h, int(cy + 2 * r) + 1)
    if x1 <= x0 or y1 <= y0:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    d2 = ((xx - cx) ** 2 + (yy - cy) ** 2) / (r * r)
    a[y0:y1, x0:x1] *= 1.0 - (1.0 - depth) * np.exp(-d2 * 1.5)


def _dog_ear(a: np.ndarray, rng: random.Random) -> np.ndarray:
    """A bottom corner folded over: beyond the fold the scanner's white lid, the flap the paper's back (a
    shade darker), a shadow along the flap's edges."""
    h, w = a.shape
    leg = rng.uniform(80, 165)
    right = rng.random() < 0.5
    n = int(leg) + 8
    x0 = w - n if right else 0
    box = a[h - n :, x0 : x0 + n]
    yy, xx = np.mgrid[h - n : h, x0 : x0 + n].astype(np.float32)
    u = (w - 1 - xx) if right else xx  # from the corner, across
    v = h - 1 - yy  # from the corner, up
    corner = u + v < leg
    flap = (u <= leg) & (v <= leg) & ~corner
    paper = float(np.percentile(a[h - 3 * n : h - n, x0 : x0 + n], 95))
    box[corner] = rng.uniform(238, 250)
    box[flap] = paper * rng.uniform(0.9, 0.95)
    shadow = ((np.abs(u - leg) < 4) | (np.abs(v - leg) < 4)) & (u <= leg + 4) & (v <= leg + 4) & ~corner
    box[shadow] *= 0.7
    return a
