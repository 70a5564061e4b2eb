"""Family AB of the sample generator (held out from its making in session 25, 2026-12-05, helper s34-famab, to its one
measurement by the lead at the start of session 26; a development family since, dev seeds 20001-20040): a state
institution's monthly payroll of 1985-1996 for its civilian staff and long-service personnel (a military unit's or a
construction-troops detachment's, a military hospital's or repair base's, a civil defence staff's), printed by its
finance service on a daisy-wheel printer and kept by the archive on 16 mm roll microfilm, scanned from the film.

What AB draws, each file its own combination (samples/families.py applies it over the generic switches):
the sheet printed across a wide carriage (15 inches of 11-inch paper) at 10, 12 or 15 characters to the inch (the
pitch the layout's columns need), in a daisy wheel's Courier of a font package none of A-AA uses (xfonts-cronyx-100dpi's
Cronyx Courier, regular, bold or oblique, drawn smooth as a wheel's type), letter quality: on a carbon film ribbon (even,
dark, crisp) or a fabric ribbon (greyer, the weave's speckle); each petal of the wheel its own way (a bent petal's
letter always a little off the line, a chipped petal's letter always broken, the heavy letters struck harder); the
headings and the totals double-struck on some files. The many allowance columns of such a payroll (for rank or
class, for years of service, ration money, quarters money, night and overtime work, harmful conditions, a bonus: each
layout a few of them; their total "Всичко добавки" is the additional pay where the layout prints it, else the
additional pay is no column and the gross is the base and the allowances), itemised deductions (ДОД, the union's fee,
ДСК instalments, a court order's запор, quarters' rent; their total is ``deductions``), the rank or post column
(ranks abbreviated as the service writes them: "ст. с-т", "к-н"; the truth as printed), the names in full or surname
first; a nought printed "0.00", "-" or left blank in an allowance or a deduction (the truth 0.00); no thousands
separator, a space or a dot (with a decimal comma); the columns between printed '|' or blanks, rules of '-', '_' or
'='. Above the table a classification mark ("СЕКРЕТНО", "За служебно ползване", its copy number) on some files, the
ministry (not the employer) over the institution's name, the title with the payroll's number, the period in words,
as "м. III.1988 г." or "03/1988"; a month over one to three pages with the sums carried between them ("Пренос",
"Пренесено от лист 1": neither a row; a page's totals are what its foot prints), the page's "Лист N" (the truth's
``sheet``), the signatures' lines of the head of finance and the commander under the last; the archive's
"РАЗСЕКРЕТЕНО" stamp over the head of some pages; 12-45 people; 1985-1996.
The capture: the page filmed at a reduction onto 16 mm roll film (in cine or comic mode), the film's resolution and
grain, the exposure off a little either way, scratches along the film (dark or light), dust and a hair, the gap to the
neighbouring frame and a strip of it, the blip mark beside the frame; the film scanned to grey or bitonal at 200 or
300 dpi, the frame a little turned. Every page's boxes follow the capture (an affine map).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archive_core.records import MONEY_FIELDS

from .content import EmployerFile, SheetContent, amount_or_nought, cents, hire
from .render import FONT_DIR, Geometry, Style, rect_polygon

ADDS = ("ab_rank", "ab_years", "ab_food", "ab_flat", "ab_night", "ab_harm", "ab_bonus")  # the allowances
CUTS = ("tax", "union_fee", "dsk", "ab_court", "ab_rent")  # the itemised deductions
AB_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "egn", "days_worked", "base_pay", "ab_rank", "ab_years", "ab_food", "extra_pay",
     "gross_pay", "tax", "union_fee", "deductions", "net_pay"),
    ("row", "egn", "name", "days_worked", "base_pay", "ab_years", "ab_night", "ab_harm", "gross_pay", "tax", "dsk",
     "ab_court", "deductions", "net_pay"),
    ("row", "name", "egn", "position", "base_pay", "ab_rank", "ab_years", "ab_flat", "ab_bonus", "extra_pay",
     "gross_pay", "tax", "ab_rent", "union_fee", "deductions", "net_pay", "days_worked"),
    ("egn", "row", "name", "days_worked", "base_pay", "ab_years", "ab_food", "ab_night", "extra_pay", "gross_pay",
     "deductions", "net_pay"),
    ("row", "name", "position", "days_worked", "base_pay", "ab_years", "ab_harm", "ab_bonus", "gross_pay", "tax",
     "union_fee", "dsk", "deductions", "net_pay", "egn"),
    ("row", "position", "name", "egn", "days_worked", "base_pay", "ab_rank", "ab_food", "ab_flat", "ab_night",
     "extra_pay", "gross_pay", "tax", "ab_rent", "ab_court", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AB: dict[str, tuple[str, ...]] = {
    "row": ("Пор.\nN", "N\nпо\nред", "Ред\nN"),
    "egn": ("ЕГН на\nлицето", "Единен\nгражд.\nномер", "ЕГН\n(личен N)"),
    "name": ("Звание (длъжност),\nиме и фамилия", "Име, бащино и\nфамилно име", "Трите имена\nна служителя",
             "Фамилия, собствено\nи бащино име"),
    "position": ("Звание/\nдлъжност", "Длъжност\nпо щат", "Звание\nили длъжн."),
    "days_worked": ("Дни\nслуж.", "Отраб.\nдни\nв м.", "Дни\nна\nработа"),
    "base_pay": ("Основно\nвъзнагр.\nпо щат", "Щатна\nзаплата", "Заплата\nпо длъжн."),
    "ab_rank": ("За\nзвание", "Добавка\nза\nзвание", "Класна\nдобавка"),
    "ab_years": ("За\nпрослуж.\nгодини", "Прослуж.\nвреме", "За\nстаж"),
    "ab_food": ("Дажбени\nпари", "Храна\n(дажби)", "Хранит.\nнадб."),
    "ab_flat": ("Квартир.\nпари", "Квар-\nтирни", "За\nжилище"),
    "ab_night": ("Нощен\nтруд", "Нощни и\nизвънр.", "Извън-\nреден\nтруд"),
    "ab_harm": ("За\nвредност", "Вредни\nусловия", "Вредна\nсреда"),
    "ab_bonus": ("Премия", "Премии\nот ФРЗ", "Поощ-\nрения"),
    "extra_pay": ("Всичко\nдобавки", "Сума\nдобавки", "Общо\nнадбавки"),
    "gross_pay": ("Всичко\nпарично\nдоволств.", "Общо\nполагаемо", "Всичко\nза\nмесеца"),
    "tax": ("ДОД\nудържан", "Данък\n(ДОД)\nза м."),
    "union_fee": ("Профсъюз\nвнос", "Синдик.\nчл.внос"),
    "dsk": ("Заем\nДСК", "Вноска\nДСК"),
    "ab_court": ("Запор\n(съдебно)", "Изпълн.\nлист"),
    "ab_rent": ("Наем\nжилище", "Кварт.\nнаем"),
    "deductions": ("Всичко\nудържано", "Общо\nудръжки\nза м.", "Сума\nудържки"),
    "net_pay": ("Сума за\nизплащане", "Остава\nза\nполучаване", "Подлежи\nна\nизплащане"),
}  # fmt: skip

# faces of a font package none of A-AA uses (scripts/setup.sh: xfonts-cronyx-100dpi's Cronyx Courier): a daisy wheel's
_DPI100 = "../X11/100dpi/"
AB_FACES: dict[str, tuple[str, ...]] = {
    "daisy": tuple(_DPI100 + f + "_c.pcf.gz" for f in ("crox3c", "crox3c", "crox2c", "crox3cb", "crox2cb", "crox3co")),
}
AB_SIZES: dict[str, tuple[int, int]] = {"daisy": (20, 20)}
_PX = {"crox1c": 14, "crox2c": 17, "crox3c": 20}  # the bitmap's pixel size by its name's stem

AB_MONEY = (("", "."), ("", "."), ("", ","), (" ", "."), (" ", ","), (".", ","))  # (thousands, decimal)
INSTITUTIONS = (
    "Поделение 42800 - Сливен", "В/ч 28850 - Ямбол", "Строителни войски - поделение 54320 - Плевен",
    "Военна болница - Плевен", "Военноремонтна база - Търговище", "Щаб на Гражданска отбрана - Враца",
    "Поделение 34750 - Пловдив", "Военен санаториум - Банкя", "Полкова болница - Карлово",
    "ТВО-Строителни войски - поделение 13990 - Русе", "Военно-почивен дом - Велинград", "Поделение 22450 - Казанлък",
)  # fmt: skip
MINISTRIES = ("МИНИСТЕРСТВО НА НАРОДНАТА ОТБРАНА", "Министерство на народната отбрана", "МИНИСТЕРСТВО НА ОТБРАНАТА",
              "Министерство на строителството - Строителни войски", "")  # fmt: skip
MARKS = ("СЕКРЕТНО", "СЕКРЕТНО!", "За служебно ползване", "ПОВЕРИТЕЛНО", "")
TITLES = ("РАЗПЛАЩАТЕЛНА ВЕДОМОСТ N {n}", "ВЕДОМОСТ N {n} ЗА ПАРИЧНО ДОВОЛСТВИЕ",
          "Ведомост N {n} за заплатите на цивилните служители", "ПАРИЧНА ВЕДОМОСТ N {n}")  # fmt: skip
PERIODS = ("за месец {m} {y} г.", "за м. {R}.{y} г.", "за {mm}/{y}", "месец {M} {y} година")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MONTHS = ("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември",
          "декември")  # fmt: skip
RANKS = ("ред.", "ефр.", "мл. с-т", "с-т", "ст. с-т", "старшина", "мл. л-т", "л-т", "ст. л-т", "к-н")
POSTS = ("шофьор", "готвач", "санитар", "огняр", "машинописка", "счетоводител", "касиер", "домакин", "пазач",
         "ел. монтьор", "мед. сестра", "шивачка", "общ работник", "склададжия", "бояджия", "механик", "фелдшер",
         "библиотекар", "чистачка", "стругар")  # fmt: skip
CIVIL = ("цив. сл.", "ц. сл.")
TOTALS = ("Всичко:", "ВСИЧКО", "Всичко по ведомостта:", "ОБЩО:")
CARRY_OUT = ("Пренос:", "Пренася се:", "Всичко на листа (пренос):")
CARRY_IN = ("Пренесено от лист {k}:", "Пренос от лист {k}", "От пренос:")
SIGNERS = (("Началник ФС:", "Командир:"), ("Началник финансова служба:", "Началник:"),
           ("Гл. счетоводител:", "Командир на поделението:"), ("Ковчежник:", "Нач. ФС:"))  # fmt: skip
STAMPS = ("РАЗСЕКРЕТЕНО", "РАЗСЕКРЕТЕНО\nпротокол N {n}/{y}")


@dataclass(frozen=True)
class ABHabits:
    """One AB file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str  # the wheel's face (under FONT_DIR)
    ribbon: str  # "film" (carbon film: even, dark) or "fabric" (greyer, speckled)
    ink: float  # the ribbon's darkness, 0.55 to 1.0
    bent: float  # how far a bent petal's letter sits off the line, pixels
    chipped: int  # how many petals are chipped (their letter always broken)
    bold: bool  # the headings and totals double-struck
    spacing: float  # the line feed: 1.0, 1.5 or 2.0 lines of 6 to the inch
    sep: str  # between the columns: " " or "|"
    rule: str  # the rules' character: "-", "_" or "="
    thousands: str
    decimal: str
    zero: str  # a nought in an allowance or a deduction: "0.00" (as an amount), "-" or "" (blank)
    surname_first: bool
    civil: bool  # the civilians' posts written "цив. сл. шофьор"
    mark: str  # the classification mark (MARKS: "" none)
    ministry: str  # over the institution (not the employer; "" none)
    period: str  # PERIODS' form
    stamp: float  # the share of pages with the archive's "РАЗСЕКРЕТЕНО" stamp
    film: str  # "cine" (the page along the film) or "comic" (across it)
    scratches: int  # how many scratches run along the film
    negative: bool  # the scratches dark (printed from a negative) or light
    bitonal: bool  # the film scanned to black and white
    exposure: float  # the film's exposure off: -1 (thin, grey letters) to 1 (dense, letters filled)
    dpi: int  # the scan's dpi (200 or 300)

    @property
    def ruling(self) -> str:
        return "none"  # no drawn rules: the printer's are characters


def draw(rng: random.Random) -> ABHabits:
    thousands, decimal = rng.choice(AB_MONEY)
    mark = rng.choice(MARKS)
    ribbon = rng.choice(("film", "film", "fabric"))
    return ABHabits(
        layout=rng.choice(AB_LAYOUTS), face=rng.choice(AB_FACES["daisy"]), ribbon=ribbon,
        ink=rng.uniform(0.85, 1.0) if ribbon == "film" else rng.uniform(0.55, 0.85), bent=rng.uniform(0.5, 3.0),
        chipped=rng.randint(0, 4), bold=rng.random() < 0.5, spacing=rng.choice((1.0, 1.5, 1.5, 2.0)),
        sep=rng.choice((" ", "|", "|")), rule=rng.choice(("-", "-", "_", "=")), thousands=thousands, decimal=decimal,
        zero=rng.choice(("0", "-", "")), surname_first=rng.random() < 0.4, civil=rng.random() < 0.35, mark=mark,
        ministry=rng.choice(MINISTRIES), period=rng.choice(PERIODS), stamp=rng.choice((0.0, 0.0, 0.6)) if mark else 0.0,
        film=rng.choice(("cine", "comic")), scratches=rng.choice((0, 1, 2, 3, 5)), negative=rng.random() < 0.6,
        bitonal=rng.random() < 0.35, exposure=rng.uniform(-1.0, 1.0), dpi=rng.choice((200, 300, 300)),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, ab: ABHabits, rng: random.Random) -> None:
    """An AB file: an institution with 12-45 people, their posts or ranks as the service writes them, their names
    surname first on some files; each person's class for years of service (``ef.class_pct``, per cent of the base,
    kept month to month), the layout and its headings."""
    ef.employer = rng.choice(INSTITUTIONS)
    want = rng.randint(12, 45)
    while len(ef.staff) < want:
        ef.staff.append(hire(rng, ef.start[0]))
    ef.staff = ef.staff[:want]
    ef.layout = ab.layout
    ef.headings = {c: rng.choice(HEADINGS_AB[c]) for c in ef.layout}
    for p in ef.staff:
        if rng.random() < 0.3:
            p.position = rng.choice(RANKS)
        else:
            post = rng.choice(POSTS)
            p.position = f"{rng.choice(CIVIL)} {post}" if ab.civil else post
        parts = p.name.split()
        if ab.surname_first and len(parts) == 3:
            p.name = " ".join((parts[2], parts[0], parts[1]))
    for p in ef.staff:  # each person's allowances, per cent of the base (0: none), kept month to month
        ef.class_pct[p.egn] = rng.randint(2, 24)



def adapt_sheet(sheet: SheetContent, ab: ABHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AB month: each row's allowances (gross = base + their sum; the additional pay their total where the
    layout prints it), its itemised deductions (their sum ``deductions``), net = gross - deductions; the totals, the
    title and the period as the service prints them. The month's pages are ``pages``'."""
    adds = [c for c in sheet.layout if c in ADDS]
    cuts = [c for c in sheet.layout if c in CUTS]
    for r in sheet.rows:
        base = amount_or_nought(r["base_pay"])
        pct = Decimal(ef.class_pct.get(str(r["egn"]), 8) if ef is not None else 8)
        ranked = str(r.get("position") or "") in RANKS
        share = {"ab_rank": Decimal(rng.choice((12, 15, 18))) if ranked else Decimal(0), "ab_years": pct,
                 "ab_food": Decimal(rng.choice((9, 10, 11))), "ab_flat": Decimal(6) if rng.random() < 0.5 else Decimal(0),
                 "ab_night": Decimal(rng.randint(3, 14)) if rng.random() < 0.3 else Decimal(0),
                 "ab_harm": Decimal(rng.choice((5, 10))) if rng.random() < 0.4 else Decimal(0),
                 "ab_bonus": Decimal(rng.randint(5, 25)) if rng.random() < 0.35 else Decimal(0)}  # fmt: skip
        add = {c: cents(base * share[c] / 100) for c in adds}
        extra = sum(add.values(), Decimal(0))
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(55, 110)) / 1000), "union_fee": cents(gross / 100),
               "dsk": Decimal(rng.choice((15, 20, 25, 40))) if rng.random() < 0.25 else Decimal(0),
               "ab_court": cents(gross * Decimal(rng.choice((20, 25, 33))) / 100) if rng.random() < 0.06 else Decimal(0),
               "ab_rent": Decimal(rng.choice((8, 12, 14, 18))) if rng.random() < 0.3 else Decimal(0)}  # fmt: skip
        if sum((cut[c] for c in cuts), Decimal(0)) > gross / 2:  # a short month: no instalment, no rent
            cut["dsk"] = cut["ab_rent"] = Decimal(0)
        if sum((cut[c] for c in cuts), Decimal(0)) > gross / 2:
            cut["ab_court"] = Decimal(0)
        ded = sum((cut[c] for c in cuts), Decimal(0)) if cuts else cents(gross * Decimal(rng.randint(60, 140)) / 1000)
        r.update(add)
        r.update({c: cut[c] for c in cuts})
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in sheet.layout else None
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in (*MONEY_FIELDS, *ADDS, *CUTS)
                    if f in sheet.layout}  # fmt: skip
    m, y = sheet.month, sheet.year
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 60))
    sheet.period_text = ab.period.format(m=MONTHS[m - 1], y=y, R=ROMAN[m - 1], mm=f"{m:02d}", M=MONTHS[m - 1].upper())
    sheet.decimal_comma, sheet.thousands_space = ab.decimal == ",", bool(ab.thousands)
    sheet.thousands_sep = ab.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.extra["ab_job"] = {
        "total": rng.choice(TOTALS), "carry_out": rng.choice(CARRY_OUT), "carry_in": rng.choice(CARRY_IN),
        "signers": rng.choice(SIGNERS), "copy": rng.choice(("Екз. N 1", "Екз. единствен", "Екз. N 2", "")),
        "stamp": rng.choice(STAMPS).format(n=rng.randint(3, 99), y=rng.choice((1991, 1992, 1997, 1998))),
    }  # fmt: skip


# --- the month's pages ---


def amount(v: Decimal, ab: ABHabits, *, part: bool = False) -> str:
    """An amount as the program prints it (``part``: an allowance or an itemised deduction, its nought as the file
    prints it)."""
    if part and v == 0 and ab.zero != "0":
        return ab.zero
    leva, st = f"{abs(v):.2f}".split(".")
    if ab.thousands and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", ab.thousands)
    return f"{'-' if v < 0 else ''}{leva}{ab.decimal}{st}"


def pages(sheet: SheetContent, ab: ABHabits, rng: random.Random) -> list[SheetContent]:
    """The month cut into the pages 11 inches of paper hold at the file's line feed: each page its rows, its totals
    the sums so far (what its foot prints), the carried sums at its head after the first; the page's "Лист N" (the
    truth's ``sheet``) from 1."""
    lines = int((11 * 6 - 24) / ab.spacing)  # the head, headings, rules, foot and signatures take about 24 lines
    per = max(8, lines - rng.randint(0, 3))
    chunks = [sheet.rows[k : k + per] for k in range(0, len(sheet.rows), per)]
    while len(chunks) > 1 and len(chunks[-1]) < 3:  # the last page holds three rows at least
        chunks[-1].insert(0, chunks[-2].pop())
    out: list[SheetContent] = []
    run = dict.fromkeys(sheet.totals, Decimal(0))
    before: dict[str, Decimal] | None = None
    for k, rows in enumerate(chunks):
        run = {f: run[f] + sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in run}
        out.append(replace(sheet, rows=rows, totals=dict(run), carried_in=before, carry_out=k < len(chunks) - 1,
                           sheet=k + 1, extra=dict(sheet.extra)))  # fmt: skip
        before = dict(run)
    return out


def style(ab: ABHabits, rng: random.Random, base: Style) -> None:
    """An AB page's style: the wheel's face (the rest is drawn by family_ab.render)."""
    base.font = FONT_DIR / ab.face
    base.typewriter = False
    base.size = AB_SIZES["daisy"][0]
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the daisy wheel ---


def _px(path: str) -> int:
    stem = path.rsplit("/", 1)[-1].split("_", 1)[0]
    return _PX[stem[:6]]


@lru_cache(maxsize=8)
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _px(path))


@lru_cache(maxsize=8192)
def _glyph(path: str, ch: str, pitch: float, height: int) -> np.ndarray:
    """One character of the wheel: the bitmap's cell drawn smooth at ``pitch`` x ``height`` pixels (ink 0..1)."""
    f = _font(path)
    px = _px(path)
    cw = int(round(f.getlength("Ж")))
    img = Image.new("L", (cw + 4, px + 4), 0)
    ImageDraw.Draw(img).text((2, 2), ch, font=f, fill=255)
    a = np.asarray(img, np.float32) / 255.0
    w = max(4, int(round(pitch * (cw + 4) / cw)))
    big = cv2.resize(a, (w, height + int(round(4 * height / px))), interpolation=cv2.INTER_CUBIC)
    big = cv2.GaussianBlur(big, (0, 0), 0.7)
    return np.asarray(np.clip((big - 0.3) * 2.5, 0, 1), np.float32)


class _Wheel:
    """The daisy-wheel printer: characters at a fixed pitch, each petal its own way."""

    def __init__(self, ab: ABHabits, rng: random.Random, W: int, H: int, pitch: float, line_h: float, x0: float) -> None:
        self.ab, self.rng = ab, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.line_h, self.x0 = pitch, line_h, x0
        self.path = str(FONT_DIR / ab.face)
        self.gh = int(round(pitch * 1.55))
        chars = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюя0123456789.,"
        self.offset = {c: rng.gauss(0, ab.bent * 0.35) for c in chars}
        for c in rng.sample(chars, 3):  # a few bent petals
            self.offset[c] = rng.choice((-1, 1)) * ab.bent
        self.force = {c: 1.06 if c in "ЖШЩМЮФ" else (0.8 if c in ".,-" else 1.0) for c in chars}
        self.masks = {c: _chip(self.gh, int(pitch) + 4, rng) for c in rng.sample(chars, ab.chipped)}

    def text(self, col: float, line: float, s: str, *, bold: bool = False) -> None:
        """``s`` from print position ``col`` on (fractional) line ``line``."""
        ab = self.ab
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g = _glyph(self.path, ch, self.pitch, self.gh)
            ink = g * (ab.ink * self.force.get(ch, 1.0) * self.rng.uniform(0.93, 1.0))
            if ch in self.masks:
                m = self.masks[ch]
                hh, ww = min(m.shape[0], ink.shape[0]), min(m.shape[1], ink.shape[1])
                ink = ink.copy()
                ink[:hh, :ww] *= m[:hh, :ww]
            x = int(round(self.x0 + (col + k) * self.pitch))
            y = int(round(line * self.line_h + self.offset.get(ch, 0.0) + self.rng.gauss(0, 0.25)))
            self._put(ink, x, y)
            if bold:  # struck again a little to the right
                self._put(ink, x + 2, y)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])


def _chip(h: int, w: int, rng: random.Random) -> np.ndarray:
    """A chipped petal's mask: a corner or a stroke of its letter gone."""
    m = np.ones((h + 8, w), np.float32)
    if rng.random() < 0.5:
        y = rng.randint(h // 4, 2 * h // 3)
        m[y : y + max(2, h // 7), :] = 0.1
    else:
        m[: h // 2, rng.choice((slice(0, w // 2), slice(w // 2, w)))] = 0.15
    return m


def _cell(ab: ABHabits, c: str, r: dict[str, object]) -> str:
    v = r.get(c)
    if c in ("row", "name", "position", "egn", "days_worked"):
        return "" if v is None else str(v)
    return amount(amount_or_nought(v), ab, part=c in ADDS or c in CUTS)


def _least(c: str, ab: ABHabits) -> int:
    return {"row": 3, "egn": 10, "days_worked": 2, "position": 8, "name": 20}.get(c, 8 if ab.thousands else 7)


def render(sheet: SheetContent, st: Style, ab: ABHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """One page at 200 dpi on 15 x 11 inches: the mark, the ministry and institution, the title and period, the
    page's number, the headings between rules, the carried sums, the rows, the sums at the foot, the signatures."""
    del st
    W, H = 3000, 2200
    layout = sheet.layout
    job = sheet.extra["ab_job"]
    assert isinstance(job, dict)
    row_texts = [{c: _cell(ab, c, r) for c in layout} for r in sheet.rows]
    sums = [s for s in (sheet.totals, sheet.carried_in) if s]
    sum_texts = [{c: amount(s[c], ab) for c in layout if c in s} for s in sums]
    heads = {c: sheet.headings[c].split("\n") for c in layout}
    widths = [max([len(h) for h in heads[c]] + [len(t.get(c, "")) for t in row_texts + sum_texts] + [_least(c, ab)])
              for c in layout]  # fmt: skip
    gap = 3 if ab.sep == "|" else 2
    positions = sum(widths) + gap * (len(layout) - 1) + (4 if ab.sep == "|" else 0)
    cpi = next((p for p in (10, 12, 15) if positions / p <= 14.2), 17)
    pitch = 200.0 / cpi
    line_h = 200.0 / 6 * ab.spacing
    base_h = 200.0 / 6
    starts, pos = [], 2 if ab.sep == "|" else 0
    for w in widths:
        starts.append(pos)
        pos += w + gap
    right = pos - gap + (2 if ab.sep == "|" else 0)
    x0 = (W - right * pitch) / 2 + rng.uniform(-30, 30)
    wh = _Wheel(ab, rng, W, H, pitch, base_h, x0)
    geo = Geometry(W, H)
    y = 1.6 + rng.uniform(0, 0.6)  # in lines of 6 to the inch
    if ab.mark:
        wh.text(right - len(ab.mark), y, ab.mark, bold=True)
        if job["copy"]:
            wh.text(right - len(str(job["copy"])), y + 1, str(job["copy"]))
    if ab.ministry:
        wh.text(0, y, ab.ministry)
        y += 1
    wh.text(0, y, sheet.employer)
    y += 2
    title = sheet.title
    wh.text(max(0, (right - len(title)) // 2), y, title, bold=ab.bold)
    y += 1
    wh.text(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text)
    label = f"Лист {sheet.sheet}"
    wh.text(right - len(label), y, label)
    y += 2

    def box(j: int, n: float) -> list[int]:
        xa = int(x0 + starts[j] * pitch)
        return [xa, int(n * base_h), int(x0 + (starts[j] + widths[j]) * pitch), int((n + 1) * base_h)]

    def rule(ch: str) -> None:
        nonlocal y
        wh.text(0, y - (0.5 if ch == "_" else 0.0), ch * right)
        y += 1

    def seps(n: float, h: float = 1.0) -> None:
        if ab.sep != "|":
            return
        for j in range(len(layout)):
            p = starts[j] - gap / 2 - 0.5 if j else 0.0
            wh.text(p, n, "|")
        wh.text(right - 1, n, "|")

    rule(ab.rule)
    head_top = y
    for k in range(max(len(h) for h in heads.values())):
        for j, c in enumerate(layout):
            if k < len(heads[c]):
                wh.text(starts[j] + (widths[j] - len(heads[c][k])) // 2, y, heads[c][k], bold=ab.bold)
        seps(y)
        y += 1
    for j, c in enumerate(layout):
        b = box(j, head_top)
        geo.cells.append((0, j, [b[0], b[1], b[2], int(y * base_h)], " ".join(heads[c])))
    rule(ab.rule if ab.rule != "_" else "-")
    name_j = layout.index("name")

    def sums_line(words: str, s: dict[str, Decimal], i: int | None) -> None:
        nonlocal y
        wh.text(starts[name_j], y, words, bold=ab.bold)
        for j, c in enumerate(layout):
            if c in s:
                t = amount(s[c], ab)
                wh.text(starts[j] + widths[j] - len(t), y, t, bold=ab.bold)
                if i is not None:
                    geo.cells.append((i, j, box(j, y), t))
        seps(y)
        y += 1

    if sheet.carried_in:
        sums_line(str(job["carry_in"]).format(k=sheet.sheet - 1), sheet.carried_in, None)
        rule("-")
    xl, xr = int(x0), int(x0 + right * pitch)
    step = line_h / base_h
    for i, t in enumerate(row_texts):
        for j, c in enumerate(layout):
            txt = t[c]
            if txt:
                left = c in ("name", "position")
                wh.text(starts[j] + (0 if left else widths[j] - len(txt)), y, txt)
                geo.cells.append((i + 1, j, box(j, y), txt))
        seps(y)
        y0, y1 = int(y * base_h), int((y + 1) * base_h)
        geo.row_bboxes.append([xl, y0, xr, y1])
        geo.row_polygons.append(rect_polygon(xl + 2, y0 + 2, xr - 2, y1 - 2))
        y += step
    y += 1 - step
    rule(ab.rule)
    foot = str(job["carry_out"] if sheet.carry_out else job["total"])
    sums_line(foot, sheet.totals, len(row_texts) + 1)
    if not sheet.carry_out:
        rule("=")
        y += 1.5
        one, two = job["signers"]
        wh.text(4, y, f"{one} ....................")
        wh.text(right // 2 + 4, y, f"{two} ....................")
    geo.table_bbox = [xl, int(head_top * base_h), xr, int(y * base_h)]
    assert y * base_h < H - 20, "the page's lines overran its paper"
    if ab.ribbon == "fabric":  # the weave's speckle in the strokes
        noise = np.asarray(cv2.GaussianBlur(np.random.default_rng(rng.randrange(1 << 30)).random((H, W), np.float32),
                                            (0, 0), 0.8), np.float32)  # fmt: skip
        wh.ink *= np.clip(0.55 + noise, 0, 1.0)
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(wh.ink, 0, 1)), np.uint8), "L")
    sheet.extra["ab_stamp"] = rng.random() < ab.stamp
    sheet.extra["ab_stamp_at"] = (int(x0 + right * pitch * rng.uniform(0.55, 0.75)), int(rng.uniform(0.3, 1.2) * 200))
    return img, geo


# --- the page and the capture ---


@dataclass
class ABPage:
    ab: ABHabits
    seed: int
    stamp: str  # the archive's stamp's words ("" none)
    stamp_at: tuple[int, int]


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ab: ABHabits, rng: random.Random) -> ABPage:
    """The page's stamp (if any) and the seed of its capture."""
    del img, geo
    job = sheet.extra["ab_job"]
    at = sheet.extra["ab_stamp_at"]
    assert isinstance(job, dict) and isinstance(at, tuple)
    stamp = str(job["stamp"]) if sheet.extra.get("ab_stamp") else ""
    return ABPage(ab, rng.randrange(1 << 30), stamp, (int(at[0]), int(at[1])))


def flat(a: np.ndarray, page: ABPage) -> np.ndarray:
    """The page before it was filmed (``--pristine``): the type on the paper, the stamp over it."""
    paper = np.full(a.shape, 246.0, np.float32)
    ink = (255.0 - a) / 255.0
    out = paper * (1.0 - ink) + 25.0 * ink
    if page.stamp:
        rng = random.Random(page.seed ^ 0x5A5A)
        layer = Image.new("L", (a.shape[1], a.shape[0]), 0)
        d = ImageDraw.Draw(layer)
        f = ImageFont.truetype(str(FONT_DIR / AB_FACES["daisy"][3]), 20)
        lines = page.stamp.split("\n")
        x, y = page.stamp_at
        w = max(int(f.getlength(s)) for s in lines) * 2 + 40
        h = 46 * len(lines) + 24
        d.rectangle((x, y, x + w, y + h), outline=255, width=5)
        small = Image.new("L", (w // 2, h // 2), 0)
        ds = ImageDraw.Draw(small)
        for k, s in enumerate(lines):
            ds.text((10, 6 + 23 * k), s, font=f, fill=255)
        layer.paste(small.resize((w, h), Image.Resampling.BILINEAR), (x, y), small.resize((w, h)))
        d.rectangle((x, y, x + w, y + h), outline=255, width=5)
        layer = layer.rotate(rng.uniform(-6, 6), center=(x + w // 2, y + h // 2), resample=Image.Resampling.BILINEAR)
        s_ink = np.asarray(layer, np.float32) / 255.0 * rng.uniform(0.45, 0.7)
        out = out * (1.0 - s_ink) + 90.0 * s_ink
    return np.asarray(out, np.float32)


def scan(a: np.ndarray, page: ABPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The page filmed onto 16 mm roll film and scanned from it: the film's resolution and grain, its exposure, the
    scratches along it, dust and a hair, the gap to the neighbouring frame and a strip of that page, the blip mark;
    grey or black and white, the frame a little turned. Returns the image, the affine map from the drawn page (2x3)
    and the dpi."""
    ab = page.ab
    rng = random.Random(page.seed)
    sheet = flat(a, page)
    H, W = sheet.shape
    along_x = ab.film == "comic"  # the film runs across the page (comic) or down it (cine)
    mx, my = (int(0.03 * W), int(0.1 * H)) if not along_x else (int(0.06 * W), int(0.04 * H))
    film = np.full((H + 2 * my, W + 2 * mx), 248.0, np.float32)  # the clear film between frames prints white
    film[my : my + H, mx : mx + W] = sheet
    fh, fw = film.shape
    gap = int(rng.uniform(0.015, 0.03) * (W if along_x else H))
    strip = rng.randint(0, 1)
    if strip and not along_x:  # the neighbouring frame's foot above, or its head below
        n = my - gap
        if rng.random() < 0.5:
            film[:n, mx : mx + W] = sheet[H - n :, :]
        else:
            film[fh - n :, mx : mx + W] = sheet[:n, :]
    elif strip:
        n = mx - gap
        film[my : my + H, :n] = sheet[:, W - n :]
    # the blip: a dark mark beside the frame in the film's margin
    bx, by = (rng.randint(mx, mx + W // 3), fh - my // 2) if not along_x else (fw - mx // 2, rng.randint(my, my + H // 3))
    cv2.rectangle(film, (bx - 30, by - 10), (bx + 30, by + 10), 30.0, -1)
    # the film's resolution: reduced some 20 times and read back
    f = rng.uniform(0.4, 0.55)
    small = cv2.resize(film, (int(fw * f), int(fh * f)), interpolation=cv2.INTER_AREA)
    film = np.asarray(cv2.resize(small, (fw, fh), interpolation=cv2.INTER_LINEAR), np.float32)
    film = np.asarray(cv2.GaussianBlur(film, (0, 0), rng.uniform(0.8, 1.4)), np.float32)
    # the exposure: a thin film greys the letters, a dense one fills them
    gamma = 1.0 + 0.45 * ab.exposure
    lo = 20.0 + max(0.0, -ab.exposure) * 55.0

    def dense(v: np.ndarray | float) -> np.ndarray:
        return np.asarray(lo + np.clip(np.asarray(v, np.float32) / 255.0, 0, 1) ** (1.0 / gamma) * (250.0 - lo))

    film = dense(film)
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    film *= 1.0 - rng.uniform(0.04, 0.12) * (((xx / fw - 0.5) ** 2 + (yy / fh - 0.5) ** 2) / 0.5)
    # the scratches along the film, dust, a hair
    for _ in range(ab.scratches):
        tone = rng.uniform(40, 110) if ab.negative else rng.uniform(245, 255)
        width = rng.choice((1, 1, 2, 3))
        pos = rng.uniform(0.05, 0.95) * (fh if along_x else fw)
        drift = rng.uniform(-0.01, 0.01)
        a0, a1 = sorted(rng.uniform(0, 1) for _ in range(2)) if rng.random() < 0.4 else (0.0, 1.0)
        length = fw if along_x else fh
        pts = []
        for s in np.linspace(a0 * length, a1 * length, 24):
            q = pos + drift * s + rng.gauss(0, 0.6)
            pts.append((int(s), int(q)) if along_x else (int(q), int(s)))
        cv2.polylines(film, [np.array(pts, np.int32)], False, tone, width)
    for _ in range(rng.randint(5, 40)):
        cv2.circle(film, (rng.randrange(fw), rng.randrange(fh)), rng.choice((1, 1, 2, 3)), rng.uniform(20, 90), -1)
    if rng.random() < 0.4:
        x, y = rng.randrange(fw), rng.randrange(fh)
        pts = [(x, y)]
        for _ in range(12):
            x, y = x + rng.randint(-15, 25), y + rng.randint(-10, 25)
            pts.append((x, y))
        cv2.polylines(film, [np.array(pts, np.int32)], False, rng.uniform(30, 80), 1)
    # onto the scan at its dpi, the frame a little turned
    s = ab.dpi / 200.0
    ang = np.deg2rad(rng.uniform(-1.5, 1.5))
    ow, oh = int(fw * s) + 10, int(fh * s) + 10
    c, sn = np.cos(ang), np.sin(ang)
    lin = np.array([[s * c, -s * sn], [s * sn, s * c]])
    tr = np.array([ow / 2, oh / 2]) - lin @ np.array([fw / 2, fh / 2])
    mat = np.hstack([lin, tr[:, None]])
    out = np.asarray(cv2.warpAffine(film, mat, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=20.0), np.float32)
    grain = np_rng.standard_normal((oh // 2 + 1, ow // 2 + 1)).astype(np.float32)
    out += cv2.resize(grain, (ow, oh), interpolation=cv2.INTER_LINEAR) * rng.uniform(4, 10)
    if ab.bitonal:  # the scanner's threshold, set between the type's tone and the paper's
        ink, paper = float(dense(25.0)), float(dense(246.0))
        level = ink + (paper - ink) * rng.uniform(0.62, 0.8)
        out = np.where(out > level, 255.0, 0.0)
    to_film = np.hstack([np.eye(2), np.array([[mx], [my]], float)])
    full = mat @ np.vstack([to_film, [0, 0, 1]])
    return np.clip(out, 0, 255).astype(np.uint8), full, ab.dpi
