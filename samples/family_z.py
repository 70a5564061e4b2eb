"""Family Z of the sample generator (held out from its making in session 23, 2026-12-05, helper s32-famz, before
anything was tuned on Y, to its one measurement by the lead at the start of session 24; a development family since:
dev seeds 18001-18040, evaluation seed 2049 kept for evaluation only): a big enterprise's monthly payroll of 1980-1991 made at its machine-accounting station
(МСС, машинно-счетна станция) on an electromechanical bookkeeping machine (an Ascota 170 or a Robotron of its kind),
then scanned by the archive's mass digitisation on a sheet-fed production scanner.

What Z draws, each file its own combination (samples/families.py applies it over the generic switches):
a pre-printed continuous form (its form code, title, the words "Предприятие", "Лист №" and the period's words, the
column headings printed small and the columns ruled down to the form's foot, all in one coloured ink: green, blue,
brown or red-brown; pale row guides on some forms), in a face of a font package none of A-Y uses (t1-cyrillic's
Val-Free Helvetian, condensed on most forms). On it the machine printed, line by line: the people's names (surname
first, in capitals, the truth as printed), ЕГН and trade from their embossed metal address plates (адресограф:
xfonts-cronyx-misc's character-cell letters, blocky, each plate inked unevenly, its line a little off the machine's
line, up, down or sideways), the enterprise's name from its header plate, and every figure by the numeric print unit
(fonts-ocr-b's OCR-B, set narrow at a fixed pitch, every type struck a little harder or softer): the row number
(zero-padded on some files), the days, the amounts in a form the file keeps (a dot or a comma for the stotinki, the
thousands by nothing, a dot or an apostrophe; nought as "0.00" or ".00"), a symbol after a figure where the
machine's register says so ("-" or "CR" after a deduction on some files, "*" or "**" after each total), the
deductions on some files and every storno line in the red half of the ribbon; on some layouts the machine's running
control total (the net pay summed line by line: no payroll-page/1 field); the sheet's number and the period's digits
(the words pre-printed); the totals line after a blank line, its word ("ВСИЧКО", "ОБЩО ЗА ЦЕХА", ...) from a plate on
some files, none on others. A line the operator got wrong is printed, reversed by a storno line in red (the same
plate, the same figures with the minus symbol, the control total back where it was) and printed again right: the
wrong and the storno line are NO rows of the truth (no row number printed on them, marks ``{"kind": "struck",
"row": null}``), the totals are those of the rows that stand. The people sign for the money in a signature column on
some layouts (blue ballpoint).
Itemised deductions (ДОД, членски внос, аванс, запори; their sum is the truth's ``deductions``), gross = base +
additional, net = gross - deductions, every money column totalled; 12-28 people on the roster; 1980-1991.
The capture: the sheet fed through a production scanner's ADF, 200, 240 or 300 dpi, bitonal (a 1-bit PNG, the form's
pale ink partly dropping out) or grey; one to four vertical streaks from dust on the glass down the whole page, dark
or light; a little feed skew and a stretch along the feed; the file's punched holes in the left margin, the backing
showing through them; the archive's barcode separator sticker in the top margin on some sheets. Every page's boxes and
marks follow the capture (an affine map).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .content import EmployerFile, SheetContent, amount_or_nought, cents, hire
from .render import FONT_DIR, MONEY, Geometry, Style, face_at, rect_polygon

# the itemised deductions a layout may have (their sum is ``deductions``)
PARTS = ("tax", "union_fee", "advance", "court")
PLATE = ("egn", "name", "position")  # the fields an address plate prints
Z_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "advance", "tax", "union_fee",
     "deductions", "net_pay", "control"),
    ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "name", "position", "base_pay", "extra_pay", "gross_pay", "tax", "advance", "court", "deductions",
     "net_pay", "control"),
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "deductions", "net_pay",
     "control", "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
     "advance", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_Z: dict[str, tuple[str, ...]] = {
    "row": ("Ред\nNo", "No на\nреда", "Пор.\nномер"),
    "egn": ("ЕГН на\nработника", "Единен гр.\nномер", "ЕГН\n(10 цифри)"),
    "name": ("Фамилия, собствено\nи бащино име", "Презиме, име и\nбащино име", "Трите имена\n(фамилия първо)",
             "Собствено, бащино\nи фамилно име", "Име, презиме и\nфамилия (по плочка)"),
    "position": ("Професия /\nдлъжност", "Наименование\nна длъжността", "Профес.\n(код)"),
    "days_worked": ("Отработ.\nдни\n(бр.)", "Дни\nприсъст.", "Раб. дни\nпо табел"),
    "base_pay": ("Основно\nвъзнагр.\n(по тарифа)", "Заработка\nпо тарифа", "Осн. заплата\nза отраб.\nвреме"),
    "extra_pay": ("Доплащания\n(сума)", "Допълн. и\nнощен труд", "Прем. и\nдоплащ."),
    "gross_pay": ("Брутно\nначисл.", "Сума на\nначисленото", "Всичко\nбрутно"),
    "tax": ("Данък\nобщ доход", "ДОД\n(удръж.)"),
    "union_fee": ("Членски\nвнос БПС", "Синдик.\nвнос"),
    "advance": ("Изпл.\nаванс", "Аванс\nI полов."),
    "court": ("Запори,\nДСК", "Удръжки\nпо запор"),
    "deductions": ("Сума на\nудръжките", "Всичко\nудържано", "Общо удър-\nжано"),
    "net_pay": ("За изпла-\nщане", "Остатък\nза изпл.", "Чиста сума\nза изплащане"),
    "signature": ("Подпис\nза получ.", "Разписка\nна получ."),
    "control": ("Контролна\nсума", "Салдо\n(контр.)", "Натрупано\n(контр.)"),
}  # fmt: skip

# faces of font packages none of A-Y uses (scripts/setup.sh: xfonts-cronyx-misc, fonts-ocr-b, t1-cyrillic)
_CX, _T1 = "../X11/misc/", "../X11/Type1/"
Z_FACES: dict[str, tuple[str, ...]] = {
    "plate": (_CX + "koi9x18b_c.pcf.gz", _CX + "koi9x15b_c.pcf.gz", _CX + "koi10x16b_c.pcf.gz", _CX + "koi8x16b_c.pcf.gz"),
    "numeric": ("../opentype/ocr-b/OCRB.otf", "../opentype/ocr-b/OCRBS.otf"),
    "form": (_T1 + "n019043d.pfb", _T1 + "n019044d.pfb", _T1 + "n019003d.pfb"),
}
Z_SIZES: dict[str, tuple[int, int]] = {"numeric": (26, 31)}  # the numeric print unit's type, drawn at 200 dpi

Z_MONEY = (("", "."), ("", ","), (".", ","), ("'", "."))
FORM_INKS = {"green": (30, 104, 62), "blue": (36, 70, 150), "brown": (116, 72, 40), "red": (160, 52, 44)}
PAPERS = (236, 242, 230)  # the form's paper, grey
BLACK, RED, BALLPOINT = 34.0, 96.0, 90.0  # the ribbon's halves and the pen, as grey

Z_TITLES = ("РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА РАБОТНАТА ЗАПЛАТА", "РАЗЧЕТНА ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ",
            "ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ЗАПЛАТИ")  # fmt: skip
FORM_CODES = ("Образец No 6-ТРЗ", "МСС - обр. 12", "Форма Т-5 (МСС)", "Обр. 3-ЗП / ИЗЧ. СТАНЦИЯ")
Z_TOTAL_WORDS = ("ВСИЧКО", "ОБЩО ЗА ЦЕХА", "ВСИЧКО ЗА ЛИСТА", "", "")
EMPLOYERS = (
    "КМК ЛЕНИН - ПЕРНИК", "ЗММ ВАСИЛ КОЛАРОВ - СОФИЯ", "ДЗ БАЛКАНКАР - ЗАВОД ЕЛЕКТРОКАРИ", "ХИМКОМБИНАТ - ДЕВНЯ",
    "КЦМ - ПЛОВДИВ, ЦЕХ ОЛОВО", "ЗТМ - РУСЕ", "НЕФТОХИМ - БУРГАС, ПРОИЗВОДСТВО 2", "ЗАВОД ЗА ГУМИ - ВИДИН",
    "КОРАБОСТРОИТЕЛЕН ЗАВОД - ВАРНА", "ЗАХАРНИ ЗАВОДИ - ГОРНА ОРЯХОВИЦА", "МДК ПИРДОП, ЦЕХ ЕЛЕКТРОЛИЗА",
    "ЗАВОД ЗА ЛАГЕРИ - КАЗАНЛЪК",
)  # fmt: skip
POSITIONS = (("СТРУГАР", "СТРУГАРКА"), ("ШЛОСЕР", "ОПЕРАТОРКА"), ("ЗАВАРЧИК", "КОНТРОЛЬОРКА"),
             ("ЕЛЕКТРОТЕХНИК", "ТЕХНИК"), ("ФРЕЗИСТ", "ЛАБОРАНТКА"), ("КРАНИСТ", "КРАНИСТКА"), ("ИНЖЕНЕР", "ИНЖЕНЕР"),
             ("ОБЩ РАБОТНИК", "ОБЩ РАБОТНИК"), ("МАШИНИСТ", "ЧИСТАЧКА"), ("ШОФЬОР", "ПЛАНОВИЧКА"))  # fmt: skip
# the period's wordings: what the form printed and what the machine's numeric unit printed in its gaps
PERIODS: dict[str, tuple[tuple[str, str], ...]] = {
    "month": (("form", "за месец"), ("machine", "{mm}"), ("form", "19"), ("machine", "{yy}"), ("form", "г.")),
    "period": (("form", "ПЕРИОД"), ("machine", "{mm}.{y}")),
}


@dataclass(frozen=True)
class ZHabits:
    """One Z file's switches, drawn once per file."""

    layout: tuple[str, ...]
    plate_face: str  # the address plates' face (under FONT_DIR)
    numeric_face: str  # the numeric print unit's
    form_face: str  # the form's printed words
    form_ink: str  # FORM_INKS' key
    thousands: str
    decimal: str  # "." or ","
    zero: str  # how a nought prints: "0" ("0.00") or "" (".00")
    minus: str  # the symbol after a deduction: "-", "CR" or ""
    total_sym: str  # the symbol after a total: "*" or "**"
    red_minus: bool  # the deductions printed in the ribbon's red half
    row_zeros: int  # the row number's digits, zero-padded (0: as it is)
    surname_first: bool  # the plates' names surname first (else as the roster has them)
    title: str
    form_code: str
    total_word: str  # the totals line's plate word ("" none)
    period: str  # PERIODS' key
    ruling: str  # "columns" (the form's columns only) or "full" (pale row guides too)
    offset: float  # how far a plate's line strays from the machine's (pixels at 200 dpi)
    storno: float  # the share of sheets with a wrong line reversed and printed again
    bitonal: bool  # scanned bitonal (else grey)
    dpi: int  # 200, 240 or 300
    streaks: int  # dust streaks on the scanner's glass
    holes: int  # punched holes in the left margin: 2 or 4
    barcode: float  # the share of sheets with the archive's separator sticker
    backing: int  # the scanner's backing, seen through the holes: 20 (black) or 235 (white)


def draw(rng: random.Random) -> ZHabits:
    thousands, decimal = rng.choice(Z_MONEY)
    layout = rng.choice(Z_LAYOUTS)
    return ZHabits(
        layout=layout, plate_face=rng.choice(Z_FACES["plate"]), numeric_face=rng.choice(Z_FACES["numeric"]),
        form_face=rng.choice(Z_FACES["form"]), form_ink=rng.choice(tuple(FORM_INKS)), thousands=thousands,
        decimal=decimal, zero=rng.choice(("0", "")), minus=rng.choice(("-", "CR", "")), total_sym=rng.choice(("*", "**")),
        red_minus=rng.random() < 0.4, row_zeros=rng.choice((0, 0, 2, 3)), surname_first=rng.random() < 0.8,
        title=rng.choice(Z_TITLES), form_code=rng.choice(FORM_CODES), total_word=rng.choice(Z_TOTAL_WORDS),
        period=rng.choice(tuple(PERIODS)), ruling=rng.choice(("columns", "columns", "full")), offset=rng.uniform(2.0, 9.0),
        storno=rng.choice((0.0, 0.4, 0.7)), bitonal=rng.random() < 0.6, dpi=rng.choice((200, 240, 300)),
        streaks=rng.randint(1, 4), holes=rng.choice((2, 4)), barcode=rng.choice((0.0, 0.5, 1.0)),
        backing=rng.choice((20, 235)),
    )  # fmt: skip


def plate_name(name: str, surname_first: bool) -> str:
    """A person's name as the address plate has it: in capitals, the surname first on most files."""
    parts = name.split()
    if surname_first and len(parts) == 3:
        parts = [parts[2], parts[0], parts[1]]
    return " ".join(parts).upper()


def adapt_file(ef: EmployerFile, z: ZHabits, rng: random.Random) -> None:
    """A Z file in place of the generic file's layout and words: a big enterprise's 12-28 people (its trades, a
    woman's in her form, in capitals as the plates have them), the layout and its headings."""
    ef.employer = rng.choice(EMPLOYERS)
    want = rng.randint(12, 28)
    while len(ef.staff) < want:
        ef.staff.append(hire(rng, ef.start[0]))
    ef.staff = ef.staff[:want]
    for p in ef.staff:
        p.position = rng.choice(POSITIONS)[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
        p.name = plate_name(p.name, z.surname_first)
    ef.layout = z.layout
    ef.headings = {c: rng.choice(HEADINGS_Z[c]) for c in ef.layout}
    names = HEADINGS_Z["name"][:3] if z.surname_first else HEADINGS_Z["name"][3:]  # the heading says the order
    ef.headings["name"] = rng.choice(names)



def _money(r: dict[str, object], parts: list[str], rng: random.Random) -> None:
    """A row's money: gross = base + additional, the itemised deductions (or one sum), net = gross - deductions."""
    base, extra = amount_or_nought(r["base_pay"]), amount_or_nought(r["extra_pay"])
    gross = base + extra
    cuts = {"tax": cents(gross * Decimal(rng.randint(40, 100)) / 1000), "union_fee": cents(gross / 100),
            "advance": cents(gross * Decimal(rng.choice((0, 30, 40, 40))) / 100),
            "court": Decimal(rng.choice((10, 15, 25))) if rng.random() < 0.2 else Decimal(0)}  # fmt: skip
    for c in parts:
        r[c] = cuts[c]
    ded = sum((amount_or_nought(r[c]) for c in parts), Decimal(0)) if parts else cents(gross * Decimal(rng.randint(60, 150)) / 1000)
    r["base_pay"], r["extra_pay"] = base, extra
    r["gross_pay"], r["deductions"], r["net_pay"] = gross, ded, gross - ded


def adapt_sheet(sheet: SheetContent, z: ZHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """A Z sheet: the money (``_money``); on some sheets a wrong line and its storno before a row (neither in the
    truth); the totals; the running control total. ``sheet.extra["z_lines"]``: the machine's lines in order,
    ("row", row), ("wrong", figures) or ("storno", figures); ``sheet.extra["z_control"]``: the control total after
    each. ``ef``, the sheet's file, as the other families take it: the roster is the plates', no sheet changes it."""
    del ef
    parts = [c for c in sheet.layout if c in PARTS]
    for r in sheet.rows:
        _money(r, parts, rng)
    lines: list[tuple[str, dict[str, object]]] = [("row", r) for r in sheet.rows]
    if len(sheet.rows) >= 3 and rng.random() < z.storno:
        k = rng.randrange(1, len(sheet.rows))
        wrong = dict(sheet.rows[k])
        wrong["row"] = None
        wrong["base_pay"] = amount_or_nought(wrong["base_pay"]) + Decimal(rng.choice((10, 20, 100, -10))) * (1 if amount_or_nought(wrong["base_pay"]) > 150 else 0) + Decimal(rng.choice(("0.90", "9.00", "1.80")))  # fmt: skip
        _money(wrong, parts, rng)
        lines[k:k] = [("wrong", wrong), ("storno", wrong)]
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in (*MONEY, *parts) if f in sheet.layout}
    running = Decimal(0)
    control = []
    for kind, r in lines:
        running += -amount_or_nought(r["net_pay"]) if kind == "storno" else amount_or_nought(r["net_pay"])
        control.append(running)
    sheet.extra["z_lines"] = lines
    sheet.extra["z_control"] = control
    sheet.title = z.title
    fields = {"mm": f"{sheet.month:02d}", "yy": f"{sheet.year % 100:02d}", "y": sheet.year}
    sheet.period_text = " ".join(seg.format(**fields) for _, seg in PERIODS[z.period]).replace("19 ", "19")
    sheet.thousands_space, sheet.thousands_sep = bool(z.thousands), z.thousands or " "
    sheet.decimal_comma = z.decimal == ","
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False


def amount(v: Decimal, z: ZHabits, sym: str = "") -> str:
    """An amount as the numeric print unit prints it, the symbol after it."""
    leva, st = f"{abs(v):.2f}".split(".")
    if z.thousands and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", z.thousands)
    if leva == "0" and not z.zero:
        leva = ""
    return f"{leva}{z.decimal}{st}{sym}"


def style(z: ZHabits, rng: random.Random, base: Style) -> None:
    """A Z sheet's style: the numeric print unit's face (the rest is drawn by family_z.render)."""
    base.font = FONT_DIR / z.numeric_face
    base.typewriter = False
    base.size = rng.randint(*Z_SIZES["numeric"])
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = True, z.ruling


# --- the machine's printing on the form ---



def _cell_height(path: str) -> int:
    """A character-cell face's one size: its cell's height, in the file's name ("koi9x18b_c": 18)."""
    return int(path.rsplit("/", 1)[-1].split("x", 1)[1].split("_")[0].rstrip("b"))


def _plate_font(path: str) -> ImageFont.FreeTypeFont:
    return face_at(path, _cell_height(path))


class _Machine:
    """The bookkeeping machine: the numeric print unit (narrow type at a fixed pitch) and the address plates."""

    def __init__(self, size: int, z: ZHabits, rng: random.Random, W: int, H: int) -> None:
        self.f = face_at(str(FONT_DIR / z.numeric_face), size)
        self.pitch = size * 0.56
        self.size = size
        self.rng = rng
        self.black = np.zeros((H, W), np.float32)
        self.red = np.zeros((H, W), np.float32)
        self.z_face = z.plate_face
        self.pf = _plate_font(str(FONT_DIR / z.plate_face))
        self.pscale = 30.0 / _cell_height(z.plate_face) * size / 28
        self.pcell = self.pf.getlength("Ж") * self.pscale

    def width(self, text: str) -> float:
        return len(text) * self.pitch

    def plate_width(self, text: str) -> float:
        return len(text) * self.pcell

    def _put(self, layer: np.ndarray, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = layer.shape
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(layer[y0:y1, x0:x1], sub, out=layer[y0:y1, x0:x1])

    def number(self, x_right: float, y_mid: float, text: str, red: bool = False) -> None:
        """Figures right-aligned at ``x_right``: each type struck a little harder or softer, narrow."""
        if not text:
            return
        adv = self.f.getlength("0")
        img = Image.new("L", (int(adv * len(text)) + 8, int(self.size * 1.4)), 0)
        d = ImageDraw.Draw(img)
        for k, ch in enumerate(text):
            d.text((4 + k * adv, 2 + self.rng.uniform(-0.8, 0.8)), ch, font=self.f, fill=self.rng.randint(170, 255))
        arr = np.asarray(img, np.float32) / 255.0
        w = max(1, int(round(arr.shape[1] * self.pitch / adv)))
        arr = np.asarray(cv2.resize(arr, (w, arr.shape[0]), interpolation=cv2.INTER_AREA), np.float32)
        self._put(self.red if red else self.black, arr, int(x_right - w), int(y_mid - self.size * 0.62))

    def plate(self, x: float, y_mid: float, text: str, red: bool = False) -> None:
        """An address plate's line: character-cell letters, blocky, inked unevenly along the plate."""
        if not text:
            return
        cw = self.pf.getlength("Ж")
        img = Image.new("L", (int(cw * len(text)) + 4, _cell_height(self.z_face) + 4), 0)
        ImageDraw.Draw(img).text((2, 2), text, font=self.pf, fill=255)
        arr = np.asarray(img, np.float32) / 255.0
        s = self.pscale
        big = cv2.resize(arr, (int(arr.shape[1] * s), int(arr.shape[0] * s)), interpolation=cv2.INTER_NEAREST)
        big = cv2.GaussianBlur(big, (0, 0), 0.4 * s)
        ink = np.clip((big - 0.3) * 2.4, 0, 1)
        w = ink.shape[1]
        ramp = np.linspace(self.rng.uniform(0.55, 0.95), self.rng.uniform(0.75, 1.0), w, dtype=np.float32)
        if self.rng.random() < 0.5:
            ramp = ramp[::-1]
        blot = cv2.resize(np.array([[self.rng.uniform(0.75, 1.1) for _ in range(max(2, len(text) // 3))]], np.float32),
                          (w, 1), interpolation=cv2.INTER_LINEAR)[0]  # fmt: skip
        ink = np.asarray(np.clip(ink * (ramp * blot)[None, :], 0, 1), np.float32)
        self._put(self.red if red else self.black, ink, int(x), int(y_mid - ink.shape[0] * 0.5))


@dataclass
class _Plan:
    xs: list[int]
    top: int
    head_h: int
    lines: list[tuple[str, int, int]]  # (kind, y0, y1)
    total: tuple[int, int]
    form_bottom: int


def _heading_lines(sheet: SheetContent, c: str) -> list[str]:
    return sheet.headings[c].split("\n")


def _cells(sheet: SheetContent, z: ZHabits, kind: str, r: dict[str, object], control: Decimal) -> dict[str, str]:
    """What the machine prints on a line, by column."""
    out: dict[str, str] = dict.fromkeys(sheet.layout, "")
    minus = z.minus
    storno = kind == "storno"
    for c in sheet.layout:
        v = r.get(c)
        if c == "row":
            out[c] = "" if v is None else (f"{v:0{z.row_zeros}d}" if z.row_zeros else str(v))
        elif c in PLATE or c == "days_worked":
            out[c] = "" if v is None else str(v)
        elif c == "control":
            out[c] = amount(control, z, "-" if control < 0 else "")
        elif c in (*MONEY, *PARTS):
            is_minus = c in PARTS or c == "deductions"
            sym = (minus or "-") if storno and not is_minus else ("" if storno else (minus if is_minus else ""))
            out[c] = amount(amount_or_nought(v), z, sym)
    return out


def _kept_lines(sheet: SheetContent) -> tuple[list[tuple[str, dict[str, object]]], list[Decimal]]:
    """The machine's lines of this sheet and the control total after each: all of the month's, or (a month the
    ``carried`` hard case split over two sheets) those of the rows on it, a storno with the row printed after it."""
    lines = sheet.extra["z_lines"]
    control = sheet.extra["z_control"]
    assert isinstance(lines, list) and isinstance(control, list)
    if len(sheet.rows) == sum(k == "row" for k, _ in lines):
        return lines, control
    here = {id(r) for r in sheet.rows}
    kept: list[tuple[str, dict[str, object]]] = []
    for n, (kind, r) in enumerate(lines):
        row = r if kind == "row" else next(x for k, x in lines[n:] if k == "row")
        if id(row) in here:
            kept.append((kind, r))
    running, totals = Decimal(0), []
    for kind, r in kept:
        running += -amount_or_nought(r["net_pay"]) if kind == "storno" else amount_or_nought(r["net_pay"])
        totals.append(running)
    return kept, totals


def render(sheet: SheetContent, st: Style, z: ZHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The form and the machine's printing (200 dpi): the machine's black as the returned image, the red half and the
    form's ink kept in ``sheet.extra["z_layers"]`` for ``page_of``; the type a size smaller until the table fits."""
    W, H = rng.choice((2900, 3000, 3100)), rng.randint(2300, 2420)
    lines, control = _kept_lines(sheet)
    form_font = str(FONT_DIR / z.form_face)
    size = st.size
    left = rng.randint(250, 300)  # the punched margin
    while True:
        m = _Machine(size, z, rng, 4, 4)
        hf = face_at(form_font, max(14, int(size * 0.62)))
        pad = int(m.pitch * 0.9)
        texts = [_cells(sheet, z, k, r, c) for (k, r), c in zip(lines, control, strict=True)]
        widths = []
        for c in sheet.layout:
            w = max(hf.getlength(t) for t in _heading_lines(sheet, c))
            for line in texts:
                w = max(w, m.plate_width(line[c]) if c in PLATE else m.width(line[c]))
            if c in sheet.totals:
                w = max(w, m.width(amount(sheet.totals[c], z, z.total_sym)))
            if c == "control":
                w = max(w, m.width(amount(control[-1], z, z.total_sym)))
            w = max(w, m.pitch * (10 if c == "signature" else 2))
            widths.append(int(w) + 2 * pad)
        row_h = int(size * 2.0)
        hl = max(len(_heading_lines(sheet, c)) for c in sheet.layout)
        head_h = int(hl * hf.size * 1.2) + 2 * pad
        need = 460 + head_h + (len(lines) + 2) * row_h + 80
        if (sum(widths) <= W - left - 90 and need <= H) or size <= 18:
            break
        size -= 1
    st.size = size
    m = _Machine(size, z, rng, W, H)
    form = Image.new("L", (W, H), 0)
    fd = ImageDraw.Draw(form)
    geo = Geometry(W, H)
    x0 = left + rng.randint(0, max(0, W - left - 90 - sum(widths)) // 3)
    xs = [x0]
    spare = max(0, W - left - 90 - sum(widths)) * 0.6
    for w in widths:
        xs.append(int(xs[-1] + w + spare * w / sum(widths)))
    # the form's header, pre-printed; the machine's plate and digits on it
    small = face_at(form_font, max(14, int(size * 0.55)))
    big = face_at(form_font, int(size * 1.25))
    fd.text((xs[0], 70), z.form_code, font=small, fill=255)
    fd.text(((xs[0] + xs[-1]) / 2 - big.getlength(z.title) / 2, 120), z.title, font=big, fill=255)
    lab = face_at(form_font, int(size * 0.8))
    y_emp = 250
    fd.text((xs[0], y_emp - lab.size * 0.6), "Предприятие:", font=lab, fill=255)
    m.plate(xs[0] + lab.getlength("Предприятие:") + 20, y_emp + rng.uniform(-z.offset, z.offset), sheet.employer)
    sheet_label = "Лист No"
    sx = xs[-1] - 300
    fd.text((sx, y_emp - lab.size * 0.6), sheet_label, font=lab, fill=255)
    m.number(sx + lab.getlength(sheet_label) + 40 + m.width("0000"), y_emp, f"{sheet.sheet:04d}")
    y_per = 330
    # the period: its words printed by the form, its digits by the machine in the form's gaps
    fields = {"mm": f"{sheet.month:02d}", "yy": f"{sheet.year % 100:02d}", "y": sheet.year}
    px = (xs[0] + xs[-1]) / 2 - lab.getlength(sheet.period_text) * 0.6
    for who, seg in PERIODS[z.period]:
        said = seg.format(**fields)
        if who == "form":
            fd.text((px, y_per - lab.size * 0.6), said, font=lab, fill=255)
            px += lab.getlength(said)
        else:
            m.number(px + 12 + m.width(said), y_per, said)
            px += m.width(said) + 24
    top = 420
    form_bottom = H - 70
    # the column headings, printed small, centred; the columns ruled down to the form's foot
    for j, c in enumerate(sheet.layout):
        hls = _heading_lines(sheet, c)
        yy = top + (head_h - len(hls) * hf.size * 1.2) / 2
        for k, words in enumerate(hls):
            fd.text((xs[j] + (xs[j + 1] - xs[j] - hf.getlength(words)) / 2, yy + k * hf.size * 1.2), words, font=hf,
                    fill=255)  # fmt: skip
        geo.cells.append((0, j, [xs[j], top, xs[j + 1], top + head_h], " ".join(hls)))
    for xv in xs:
        fd.line((xv, top, xv, form_bottom), fill=255, width=2)
    for yv in (top, top + head_h):
        fd.line((xs[0], yv, xs[-1], yv), fill=255, width=2)
    fd.line((xs[0], top + head_h + 4, xs[-1], top + head_h + 4), fill=255, width=1)
    fd.line((xs[0], form_bottom, xs[-1], form_bottom), fill=255, width=2)
    if z.ruling == "full":  # pale guides for the machine's lines
        yv = top + head_h + row_h
        while yv < form_bottom:
            fd.line((xs[0], yv, xs[-1], yv), fill=90, width=1)
            yv += row_h

    def put(j: int, c: str, y_mid: float, t: str, red: bool, dy: float, dx: float) -> None:
        if c in PLATE:
            m.plate(xs[j] + pad + dx, y_mid + dy, t, red)
        else:
            m.number(xs[j + 1] - pad, y_mid, t, red)

    plan_lines: list[tuple[str, int, int]] = []
    yr = top + head_h + int(row_h * 0.3)
    i = 0
    for (kind, _), t in zip(lines, texts, strict=True):
        dy, dx = rng.uniform(-z.offset, z.offset), rng.uniform(-z.offset, z.offset) * 0.6  # the plate's own line
        ym = yr + row_h * 0.5
        for j, c in enumerate(sheet.layout):
            if c == "signature" or not t[c]:
                continue
            red = kind == "storno" or (z.red_minus and (c in PARTS or c == "deductions"))
            put(j, c, ym, t[c], red, dy, dx)
            if kind == "row":
                geo.cells.append((i + 1, j, [xs[j], yr, xs[j + 1], yr + row_h], t[c]))
        if kind == "row":
            geo.row_bboxes.append([xs[0], yr, xs[-1], yr + row_h])
            geo.row_polygons.append(rect_polygon(xs[0] + 3, yr + 3, xs[-1] - 3, yr + row_h - 3))
            i += 1
        else:
            geo.marks.append({"kind": "struck", "row": None, "polygon": rect_polygon(xs[0], yr, xs[-1], yr + row_h)})
        plan_lines.append((kind, yr, yr + row_h))
        yr += row_h
    yr += row_h  # the machine skipped a line before the totals
    ym = yr + row_h * 0.5
    if z.total_word:
        j = sheet.layout.index("name")
        m.plate(xs[j] + pad, ym + rng.uniform(-z.offset, z.offset), z.total_word)
        geo.cells.append((i + 1, j, [xs[j], yr, xs[j + 1], yr + row_h], z.total_word))
    for j, c in enumerate(sheet.layout):
        if c in sheet.totals:
            figure = amount(sheet.totals[c], z, z.total_sym)
            m.number(xs[j + 1] - pad, ym, figure, z.red_minus and (c in PARTS or c == "deductions"))
            geo.cells.append((i + 1, j, [xs[j], yr, xs[j + 1], yr + row_h], figure))
        elif c == "control":
            m.number(xs[j + 1] - pad, ym, amount(control[-1], z, z.total_sym))
    geo.table_bbox = [xs[0], top, xs[-1], yr + row_h]
    sheet.extra["z_plan"] = _Plan(xs, top, head_h, plan_lines, (yr, yr + row_h), form_bottom)
    sheet.extra["z_layers"] = (m.red, np.asarray(form, np.float32) / 255.0)
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(m.black, 0, 1)), np.uint8), "L")
    return img, geo


# --- the page: the pen, the sticker; the production scanner ---


@dataclass
class ZPage:
    z: ZHabits
    seed: int
    red: np.ndarray  # the ribbon's red half (0..1)
    form: np.ndarray  # the form's printed ink (0..1)
    pen: np.ndarray  # the signatures (0..1)
    barcode: bool


def _scribble(d: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
    pts = []
    n = rng.randint(9, 16)
    for k in range(n):
        t = k / (n - 1)
        pts.append((x + w * t, y + h * 0.4 * np.sin(t * rng.uniform(8, 15)) + rng.uniform(-h * 0.2, h * 0.2)))
    d.line(pts, fill=rng.randint(190, 245), width=2, joint="curve")


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, z: ZHabits, rng: random.Random) -> ZPage:
    """The people's signatures for the money (blue ballpoint, in the signature column) and whether the archive's
    separator sticker is on the sheet."""
    plan = sheet.extra["z_plan"]
    layers = sheet.extra["z_layers"]
    assert isinstance(plan, _Plan) and isinstance(layers, tuple)
    red, form = layers
    W, H = img.size
    pen_img = Image.new("L", (W, H), 0)
    if "signature" in sheet.layout:
        j = sheet.layout.index("signature")
        pd = ImageDraw.Draw(pen_img)
        for kind, y0, y1 in plan.lines:
            if kind == "row" and rng.random() < 0.9:
                w = plan.xs[j + 1] - plan.xs[j]
                _scribble(pd, plan.xs[j] + rng.uniform(8, 30), (y0 + y1) / 2, w * rng.uniform(0.4, 0.75), y1 - y0, rng)
    return ZPage(z, rng.randrange(1 << 30), red, form, np.asarray(pen_img, np.float32) / 255.0, rng.random() < z.barcode)


def _grey(a: np.ndarray, page: ZPage, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    """The sheet in grey (200 dpi): the paper, the form's ink, the ribbon's black and red halves, the pen."""
    z = page.z
    H, W = a.shape
    paper = float(rng.choice(PAPERS))
    r, g, b = FORM_INKS[z.form_ink]
    form_l = 0.299 * r + 0.587 * g + 0.114 * b
    out = np.full((H, W), paper, np.float32)
    out += cv2.resize(np_rng.standard_normal((H // 4, W // 4)).astype(np.float32), (W, H)) * 2.0
    black = (255.0 - a) / 255.0
    for layer, tone, k in ((page.form, form_l, rng.uniform(0.85, 1.0)), (page.pen, BALLPOINT, 0.9),
                           (page.red, RED, 1.0), (black, BLACK, 1.0)):  # fmt: skip
        lay = np.clip(layer * k, 0, 1)
        out -= lay * (out - tone)
    return out


def _barcode(out: np.ndarray, rng: random.Random, top: int, x_lo: int, x_hi: int) -> None:
    """The archive's separator sticker in the top margin: bars, the digits under them."""
    h, w = 110, rng.randint(420, 520)
    x = rng.randint(x_lo, max(x_lo, x_hi - w))
    y = rng.randint(8, max(9, top - h - 300))
    out[y : y + h, x : x + w] = 250.0
    cv2.rectangle(out, (x, y), (x + w, y + h), 200.0, 1)
    bx = x + 20
    while bx < x + w - 24:
        bw = rng.choice((2, 2, 4, 6))
        out[y + 10 : y + 74, bx : bx + bw] = 20.0
        bx += bw + rng.choice((2, 4, 4, 6))
    f = face_at(str(FONT_DIR / Z_FACES["numeric"][0]), 22)
    img = Image.new("L", (w - 40, 28), 0)
    ImageDraw.Draw(img).text((0, 0), f"*{rng.randint(10**8, 10**9 - 1)}*", font=f, fill=255)
    ink = np.asarray(img, np.float32) / 255.0
    out[y + 78 : y + 106, x + 20 : x + w - 20] -= ink * (out[y + 78 : y + 106, x + 20 : x + w - 20] - 30.0)


def scan(a: np.ndarray, page: ZPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The sheet through the production scanner's feeder: the punched holes and the sticker on it, its dpi, a little
    skew and a stretch along the feed, the glass's dust streaks down the page, bitonal (0/255) or grey. Returns the
    image, the affine map from the drawn sheet (2x3) and the dpi."""
    z = page.z
    rng = random.Random(page.seed)
    out = _grey(a, page, rng, np_rng)
    H, W = out.shape
    for k in range(z.holes):  # the file's punched holes (the backing through them)
        cy = H / 2 + (k - (z.holes - 1) / 2) * (160 if z.holes == 4 else 320)
        cv2.circle(out, (int(rng.uniform(95, 110)), int(cy)), 26, float(z.backing), -1)
    if page.barcode:
        plan_top = 420
        _barcode(out, rng, plan_top, W // 2, W - 150)
    s = z.dpi / 200.0
    stretch = rng.uniform(1.0, 1.025)
    ang = np.deg2rad(rng.uniform(-0.7, 0.7))
    ow, oh = int(W * s), int(H * s * stretch)
    cx, cy = W / 2, H / 2
    c, sn = np.cos(ang), np.sin(ang)
    lin = np.array([[s * c, -s * sn], [s * stretch * sn, s * stretch * c]])
    t = np.array([ow / 2, oh / 2]) - lin @ np.array([cx, cy])
    mat = np.hstack([lin, t[:, None]])
    out = np.asarray(cv2.warpAffine(out, mat, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=float(z.backing)), np.float32)
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.5 * s), np.float32)
    out += np_rng.standard_normal(out.shape).astype(np.float32) * 3.0
    for _ in range(z.streaks):  # dust on the glass: a line down the whole page, dark or light
        x = rng.randint(40, ow - 40)
        wd = rng.choice((1, 2, 2, 3))
        tone = rng.uniform(30, 110) if rng.random() < 0.7 else rng.uniform(235, 255)
        out[:, x : x + wd] = out[:, x : x + wd] * 0.25 + tone * 0.75
    if z.bitonal:
        thr = rng.uniform(145, 180)
        return np.where(out < thr, 0, 255).astype(np.uint8), mat, z.dpi
    return np.clip(out, 0, 255).astype(np.uint8), mat, z.dpi


def flat(a: np.ndarray, page: ZPage) -> np.ndarray:
    """The sheet before the scanner (``--pristine``): the form, the ribbon and the pen, grey."""
    ink = np.maximum(np.maximum((255.0 - a) / 255.0, page.red), np.maximum(page.form * 0.6, page.pen))
    return np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.float32)
