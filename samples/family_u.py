"""Family U of the sample generator (held out from its making in session 18, 2026-12-05, helper s27-famu, before
anything was tuned on T, to its one measurement at the start of session 19; a development family since, dev seeds 13001-13040): a private or newly privatised firm's payroll of 1992-1996 (a sole trader's ЕТ with the
owner's name in it, an ООД, ЕООД, АД or ЕАД) made on a PC in a spreadsheet or an accounting program, printed on a
laser, inkjet or 9-pin printer, and kept in the file as it was sent: many pages by fax. Evaluation seed 2044 is kept
for evaluation only.

What U draws, each file its own combination (samples/families.py applies it over the generic switches):
faces from font packages none of A-T uses (fonts-stix, fonts-noto-core's Noto Serif and Noto Sans, fonts-inter,
fonts-jura in print; fonts-terminus-otb's bitmap as a 9-pin printer's own characters, every pixel one pin's dot,
the rules printed as rows of dots); a spreadsheet's look on some files (the heading row bold, shaded grey, the
grid thin, on some its frame printed: the column letters above, the spreadsheet's own row numbers at the
left, none of them the table's) or an accounting program's (its name and the print's date and time at the foot); the firm's name as
registered (ЕТ „Иван Петров – Вега“, „Орион Трейд“ ООД, „Мизия“ ЕАД, the town after it on some) with its address
and БУЛСТАТ or tax number under it on some files (not part of the name in the truth); column orders and heading
words of its own ("Брутна заплата", "Нетно за изплащане", "Доплащания / корекции", "Лични осиг. вноски"); the
money of 1992-1996 in leva with a spreadsheet's separators ("12 345,67", "12,345.67", "12345.67", "12345,67"),
a negative correction of an earlier month in the additional pay on some rows ("-312.50" or "(312.50)"; the truth
-312.50, gross = base + the correction); the period as a program writes it ("за месец 03.1995 г.", "Период:
01.03.1995 - 31.03.1995", "МАРТ 1995 г."); the sheet's number as "Стр. 2" or "Страница 2"; the totals' words of
its own ("ОБЩО:", "Всичко по ведомостта:"); a month continued over two or three pages, the sums carried in rows
of their own ("Пренос" at the foot, "Пренос от предходна страница" at the head; no person's row, the printed
totals of each page the sums so far); the footer "Изготвил:", "Гл. счетоводител:", "Управител:";
portrait mostly (a landscape sheet goes through the fax sideways). The fax (most pages of a faxed file): the
sending machine's header line along the top ("12.04.95 14:32 ТЕЛ. 046/6-21-34 ЕТ ВЕГА  СТР. 01/03", or in Latin,
"P.01/03"), the page sampled at 204 x 98 dpi (or 196, fine mode) and made black and white, a transmission's
lost lines, a dirty glass's streak or a dead heating element's white line down the page, printed on thermal
paper that greyed and faded unevenly, the receiving machine's line at the foot on some; a staple in the top-left
corner, its shadow or its holes; some pages scanned turned by 90 or 180 degrees (a minority; the truth's boxes
turn with them).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import content, data
from .content import EmployerFile, SheetContent
from .render import FONT_DIR, Geometry, Painter, Style

ROMAN = data.ROMAN

# Column orders none of A-T draws ("parts" the itemised deductions as in samples/families.py)
U_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "position", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "days_worked", "signature"),
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "net_pay", "deductions", "signature"),
    ("row", "name", "position", "base_pay", "extra_pay", "gross_pay", "deductions", "parts", "net_pay", "egn"),
    ("row", "name", "egn", "gross_pay", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "position", "days_worked", "gross_pay", "parts", "deductions", "net_pay"),
    ("row", "name", "days_worked", "egn", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
     "signature"),
)  # fmt: skip
MAX_COLUMNS = 12

HEADINGS_U: dict[str, tuple[str, ...]] = {
    "row": ("Пор.\n№", "Ред.\nN", "N:"),
    "egn": ("ЕГН\nслужител", "ЕГН /\nгражд. №", "ЕГН (10 зн.)"),
    "name": ("Служител\n(трите имена)", "Име, презиме, фамилия\nна служителя", "Име и фамилия\nна служителя",
             "СЛУЖИТЕЛ / РАБОТНИК"),
    "position": ("Длъжност по\nтр. договор", "Длъжност /\nпрофесия", "Заемана\nпозиция"),
    "days_worked": ("Отр.\nр. дни", "Отраб.\nдни (бр.)", "Работни\nдни (отр.)"),
    "base_pay": ("Основна\nбрутна з-та", "Основно\nвъзнагр.\nпо ТД", "Осн. з-та\nпо договор"),
    "extra_pay": ("Доплащания /\nкорекции", "Бонуси\nи корекции", "Други\nначисл."),
    "gross_pay": ("Брутна\nзаплата", "Брутно\nза месеца", "Начислено\nбрутно"),
    "deductions": ("Удръжки\nот брутното", "Удържано\nот лицето", "Удръжки\nвсичко (лв)"),
    "net_pay": ("Нетна\nзаплата", "Нетно за\nизплащане", "Сума за\nраздаване"),
    "signature": ("Подпис\nслужител", "Получил\nсумата", "Подпис на\nслужителя"),
    "tax": ("Данък\nдоход", "Удържан\nданък", "ДОД\n(данък)"),
    "insurance": ("Осиг.\nвноски\n(лице)", "Лични\nосиг.\nвноски"),
    "advance": ("Аванс\n(изпл.)", "Получен\nаванс"),
    "union_fee": ("Синдикат\n(вноска)",),
}  # fmt: skip

# The faces, from font packages none of A-T uses (scripts/setup.sh): print (fonts-stix, fonts-noto-core, fonts-inter,
# fonts-jura), a 9-pin printer's own bitmap characters (fonts-terminus-otb)
_OT = "../opentype/"
U_FACES: dict[str, tuple[str, ...]] = {
    "print": (_OT + "stix-word/STIX-Regular.otf", _OT + "stix/STIXGeneral-Regular.otf", "noto/NotoSerif-Regular.ttf",
              "noto/NotoSans-Regular.ttf", "noto/NotoSansDisplay-Regular.ttf", _OT + "inter/Inter-Regular.otf",
              _OT + "jura/Jura-Medium.otf"),
    "pin9": (_OT + "terminus/terminus-normal.otb", _OT + "terminus/terminus-bold.otb"),
}  # fmt: skip
U_SIZES: dict[str, tuple[int, int]] = {"print": (32, 42), "pin9": (33, 42)}
# what prints the stamps and a 9-pin file's own marks where its bitmap has no size (a face of U's packages)
VECTOR = "noto/NotoSans-Regular.ttf"
# (thousands, decimal) as a spreadsheet's cell format puts them
U_FORMATS = ((" ", ","), (" ", ","), (",", "."), ("", "."), ("", ","), (" ", "."))

BRANDS = ("Вега", "Орион", "Бисер", "Елит", "Хемус", "Марица", "Родопи", "Евростил", "Зора", "Мега", "Делта", "Алфа",
          "Тера", "Лотос", "Виктория", "Стела", "Витоша", "Янтра", "Арда", "Тунджа", "Камчия", "Ропотамо", "Интерком",
          "Агроцентър", "Бриз", "Капитал")  # fmt: skip
SUFFIXES = ("Комерс", "Трейд", "Инвест", "Транс", "Консулт", "Строй", "Холдинг", "Импекс", "Сервиз", "Прес")
PRIVATISED = ("Мизия", "Химко", "Балкан", "Пирин", "Хлебопроизводство", "Търговия на едро", "Автотранспорт",
              "Зърнени храни", "Мебел", "Млечни продукти", "Електроразпределение", "Строителни материали")  # fmt: skip
TOWNS = ("Ямбол", "Сливен", "Хасково", "Пазарджик", "Габрово", "Шумен", "Добрич", "Кърджали", "София", "Пловдив",
         "Варна", "Бургас", "Русе", "Плевен", "Стара Загора", "Враца", "Монтана", "Търговище", "Силистра", "Кюстендил")  # fmt: skip
STREETS = ("ул. „Раковски“ № 14", "бул. „България“ № 3", "ул. „Търговска“ 12, ет. 2", "ж.к. „Младост“ бл. 12, вх. Б",
           "ул. „Васил Левски“ № 41", "бул. „Христо Ботев“ 88", "ул. „Индустриална“ 5")  # fmt: skip
# (a man's, a woman's) position in a private firm
POSITIONS: tuple[tuple[str, str], ...] = (
    ("управител", "управител"), ("търговски представител", "търговски представител"),
    ("продавач-консултант", "продавач-консултантка"), ("шофьор", "шофьор"), ("счетоводител", "счетоводителка"),
    ("касиер", "касиерка"), ("складов работник", "складова работничка"), ("охранител", "чистачка"),
    ("технически сътрудник", "технически сътрудник"), ("оператор", "операторка"), ("монтажник", "шивачка"),
    ("готвач", "готвачка"), ("сервитьор", "сервитьорка"), ("общ работник", "общ работник"), ("механик", "офис-секретар"),
    ("дистрибутор", "дистрибутор"), ("пекар", "пекарка"),
)  # fmt: skip
# U's periods as the program printed them (data.said_period's templates)
U_PERIODS: dict[str, str | tuple[str, ...]] = {
    "digits": ("за месец {mm}.{y} г.", "Месец: {mm}.{y}", "за м. {mm}.{y}"),
    "range": ("Период: 01.{mm}.{y} - {last}.{mm}.{y}", "от 01.{mm}.{y} до {last}.{mm}.{y} г."),
    "word": ("{WORD} {y} г.", "за месец {Word}, {y} г.", "Месец: {WORD} {y}"),
    "slash": ("за м. {mm}/{y}", "за {m}/{y} г.", "м. {roman}/{y}"),
}
U_TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ ЗА ТРУДОВИ ВЪЗНАГРАЖДЕНИЯ", "Ведомост за работни заплати",
            "ВЕДОМОСТ ЗА ИЗПЛАТЕНИ ТРУДОВИ ВЪЗНАГРАЖДЕНИЯ", "Разчетна ведомост за заплати")  # fmt: skip
U_TOTAL_WORDS = ("ОБЩО:", "Всичко по ведомостта:", "ОБЩО ЗА ФИРМАТА", "Общо за месеца:")
U_CARRY_IN = ("Пренос от предходна страница", "Пренос от предх. стр.", "ПРЕНОС ОТ ПРЕДХОДНА СТРАНИЦА")
U_CARRY_OUT = ("Пренос", "Пренос за следваща страница", "ПРЕНОС:", "Сума за пренасяне")
FOOTERS = (("Изготвил:", "Гл. счетоводител:", "Управител:"), ("Изготвил:", "Гл. счетоводител:"),
           ("Съставил ведомостта:", "Счетоводител:", "Управител:"), ("Изготвил:", "Проверил:", "Утвърдил:"),
           ("Касиер:", "Гл. счетоводител:", "Управител:"))  # fmt: skip
SHEET_WORDS = ("Стр. {n}", "Страница {n}", "стр. {n}", "Лист: {n}", "Ведомост № {n}")
PROGRAMS = ("* ТРЗ-ЗАПЛАТИ v2.1 *", "Ажур-Заплати 3.0", "ПП „Личен състав и заплати“", "Lotus 1-2-3", "MS Excel 5.0",
            "Quattro Pro 4.0", "ЛЗ-94 (c) Информационно обслужване")  # fmt: skip
LATIN = dict(zip("абвгдежзийклмнопрстуфхцчшщъьюя", ("a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
             "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "y", "yu", "ya"), strict=True))  # fmt: skip
MON_LATIN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@dataclass(frozen=True)
class UHabits:
    """One U file's switches, drawn once per file."""

    face: str  # "print" or "pin9" (a 9-pin printer's own characters)
    printer: str  # "laser", "inkjet" or "pin9"
    program: str  # "spreadsheet" (bold, shaded heading row, thin grid) or "accounting" (its name at the foot)
    thousands: str
    decimal: str
    negative: str  # "" (no corrections of earlier months), "minus" ("-312.50") or "paren" ("(312.50)")
    ruling: str  # "full", "rows", "head" or "none"
    head_fill: bool
    bold_heads: bool
    employer: str
    address: str  # "" or the line under the firm's name (its address, БУЛСТАТ or tax number)
    sender: str  # the fax header's name of the firm
    phone: str
    period: str  # "digits", "range", "word", "slash"
    carried: bool  # long months continued on the next page, the sums carried
    footer: tuple[str, ...]
    sheet_words: str
    landscape: float  # the share of landscape sheets
    program_line: bool  # the program's name and the print's date at the foot
    fax: bool  # the file keeps the pages as they came by fax (most of them)
    fine: bool  # the fax's fine mode (204 x 196 dpi), else standard (204 x 98)
    fax_words: str  # "bg" (СТР. 01/03), "latin" (P.01/03), "short"
    rx_line: bool  # the receiving machine's line at the foot
    streaks: bool  # a streak down the page (dirt on the sender's glass, a dead heating element) and lost lines
    fade: float  # how far the thermal paper faded (0..1)
    staple: str  # "", "staple", "shadow" (seen through the paper), "holes" (taken out)
    turned: bool  # the archive's operator fed some pages turned
    frame: bool = False  # a spreadsheet printed with its frame: the sheet's column letters above, its row numbers left


def _firm(rng: random.Random) -> tuple[str, str, str]:
    """(the firm's name as registered, its town, the fax header's name)."""
    town = rng.choice(TOWNS)
    brand = rng.choice(BRANDS)
    kind = rng.choice(("ЕТ", "ЕТ", "ЕТ", "ООД", "ЕООД", "АД", "ЕАД"))
    if kind == "ЕТ":
        first, surname = rng.choice(data.MALE_FIRST), rng.choice(data.SURNAMES)
        if rng.random() < 0.25:
            first, surname = rng.choice(data.FEMALE_FIRST), rng.choice(data.SURNAMES) + "а"
        name = rng.choice((f"ЕТ „{first} {surname}“", f"ЕТ „{brand} – {first} {surname}“",
                           f"ЕТ „{first} {surname} – {brand}“", f"ЕТ „{brand}-{first[0]}{surname[0]}“"))  # fmt: skip
        short = f"ЕТ {brand.upper()}" if brand in name else f"ЕТ {surname.upper()}"
    elif kind in ("АД", "ЕАД"):
        old = rng.choice(PRIVATISED)
        name, short = f"„{old}“ {kind}", f"{old.upper()} {kind}"
    else:
        word = rng.choice((brand, f"{brand} {rng.choice(SUFFIXES)}", f"{brand}-{rng.randint(91, 95)}"))
        name, short = f"„{word}“ {kind}", f"{word.upper()} {kind}"
    if rng.random() < 0.45:
        name += rng.choice((f" – гр. {town}", f", гр. {town}", f" {town}"))
    return name, town, short


def _latin(text: str) -> str:
    return "".join(LATIN.get(ch.lower(), ch).upper() if ch.lower() in LATIN else ch for ch in text)


def draw(rng: random.Random) -> UHabits:
    face = rng.choice(("print", "print", "print", "pin9"))
    printer = "pin9" if face == "pin9" else rng.choice(("laser", "laser", "inkjet"))
    program = rng.choice(("accounting", "accounting", "spreadsheet")) if face == "pin9" else rng.choice(
        ("spreadsheet", "spreadsheet", "accounting"))  # fmt: skip
    thousands, decimal = rng.choice(U_FORMATS)
    employer, town, short = _firm(rng)
    address = ""
    if rng.random() < 0.55:
        number = rng.choice((f"БУЛСТАТ {rng.randint(10**8, 10**9 - 1)}", f"Дан. № {rng.randint(10**9, 10**10 - 1)}",
                             f"ЕИК по БУЛСТАТ {rng.randint(10**8, 10**9 - 1)}"))  # fmt: skip
        address = rng.choice((f"гр. {town}, {rng.choice(STREETS)}; {number}", f"{number}, гр. {town}",
                              f"Адрес: гр. {town}, {rng.choice(STREETS)}"))  # fmt: skip
    code = rng.choice(("02", "032", "046", "044", "052", "056", "082", "064", "092", "038", "058"))
    phone = rng.choice((f"{code}/{rng.randint(2, 9)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                        f"+359 {code[1:]} {rng.randint(20, 99)}{rng.randint(10, 99)}{rng.randint(10, 99)}",
                        f"({code}) {rng.randint(2, 9)}{rng.randint(10, 99)} {rng.randint(10, 99)}"))  # fmt: skip
    fax = rng.random() < 0.65
    fax_words = rng.choice(("bg", "bg", "latin", "short"))
    return UHabits(
        face=face, printer=printer, program=program, thousands=thousands, decimal=decimal,
        negative=rng.choice(("", "minus", "minus", "paren")), ruling=rng.choice(("full", "full", "rows", "head", "none")),
        head_fill=program == "spreadsheet" and rng.random() < 0.6, bold_heads=face == "print" and rng.random() < 0.7,
        employer=employer, address=address, sender=_latin(short) if fax_words == "latin" else short, phone=phone,
        period=rng.choice(("digits", "range", "word", "slash")), carried=rng.random() < 0.45,
        footer=rng.choice(FOOTERS), sheet_words=rng.choice(SHEET_WORDS) if rng.random() < 0.6 else "",
        landscape=rng.choice((0.0, 0.0, 0.1, 0.25)), program_line=rng.random() < 0.5,
        fax=fax, fine=rng.random() < 0.4, fax_words=fax_words, rx_line=fax and rng.random() < 0.35,
        streaks=fax and rng.random() < 0.45, fade=rng.uniform(0.0, 0.7),
        staple=rng.choice(("", "", "staple", "shadow", "holes")), turned=rng.random() < 0.35,
        frame=program == "spreadsheet" and rng.random() < 0.4,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, u: UHabits, rng: random.Random) -> None:
    """A U file over what the generic file has (its layout from U_LAYOUTS, headings from HEADINGS_U): the firm's
    name, its people's positions (a woman's in her form), no union fee (a private firm's people), no more columns
    than the page holds."""
    ef.employer = u.employer
    for p in ef.staff:
        pair = rng.choice(POSITIONS)
        p.position = pair[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    ef.staff[0].position = "управител"
    layout = [c for c in ef.layout if c != "union_fee"]
    for c in ("advance", "signature", "position"):  # the page has no room for more
        if len(layout) > MAX_COLUMNS and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)


def adapt_sheet(sheet: SheetContent, u: UHabits, rng: random.Random) -> None:
    """A U sheet: the title, the period as the program writes it, the totals' and carried rows' words, the address
    under the firm's name, and on some rows a negative correction of an earlier month in the additional pay (gross
    and net follow; the totals are the columns' sums)."""
    sheet.title = rng.choice(U_TITLES)
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, U_PERIODS, u.period)
    sheet.total_label = rng.choice(U_TOTAL_WORDS)
    sheet.carry_in_label, sheet.carry_out_label = rng.choice(U_CARRY_IN), rng.choice(U_CARRY_OUT)
    sheet.address = u.address
    sheet.negative = "paren" if u.negative == "paren" else ""
    if u.negative and "extra_pay" in sheet.layout and "base_pay" in sheet.layout:
        for r in sheet.rows:
            base, extra, gross, ded = (r.get(f) for f in ("base_pay", "extra_pay", "gross_pay", "deductions"))
            if not (isinstance(base, Decimal) and isinstance(extra, Decimal) and isinstance(ded, Decimal)):
                continue
            assert isinstance(gross, Decimal)
            if rng.random() >= 0.12:
                continue
            fix = -(base * Decimal(rng.randint(3, 20)) / 100).quantize(Decimal("1")) - Decimal(rng.choice((0, 50))) / 100
            if base + fix - ded <= 0:
                continue
            r["extra_pay"], r["gross_pay"] = fix, base + fix
            r["net_pay"] = base + fix - ded
        sheet.totals = {f: sum((Decimal(str(r[f])) for r in sheet.rows), Decimal(0)) for f in sheet.totals}


def style(u: UHabits, rng: random.Random, base: Style) -> None:
    """A U sheet's style over the generic family style: the printer's ink and rules, a 9-pin printer's pins, a
    spreadsheet's bold and shaded heading row, the footer's and the sheet number's words, portrait mostly."""
    base.landscape = rng.random() < u.landscape
    base.corrections = False
    base.totals_hand = False
    base.footer_roles = u.footer
    base.sheet_words = u.sheet_words
    base.heading_scale = rng.uniform(0.8, 1.0)
    if u.face == "pin9":
        base.writer = Pins(str(base.font))
        base.font = FONT_DIR / VECTOR
        base.ink = rng.randint(25, 75)  # a ribbon printed over and over
        base.rule_ink = base.ink
        base.pin_rules = True
        base.line_width = 3
    else:
        base.ink = rng.randint(0, 20) if u.printer == "laser" else rng.randint(15, 45)
        base.rule_ink = base.ink + rng.randint(0, 20)
        base.line_width = rng.choice((1, 2, 2))
        if u.bold_heads:
            bold = FONT_DIR / str(base.font.relative_to(FONT_DIR)).replace("Regular", "Bold").replace("Medium", "Bold")
            base.form_font = bold if bold.exists() else None
            base.printed_heads = base.form_font is not None
    if u.head_fill:
        base.head_fill = rng.randint(200, 228)
    base.ruled = u.ruling != "none"
    base.ruling = u.ruling if u.ruling != "none" else "full"


def carried_pages(sheet: SheetContent, ef: EmployerFile, rng: random.Random, room: int) -> list[SheetContent]:
    """The month's sheet printed on two pages (three where it has 13 rows or more and ``room`` pages are left):
    each but the last ends with "Пренос" (the sums so far, its printed totals), each but the first begins with
    "Пренос от предходна страница" (the sums before it); the row numbers run on, each page its own number."""
    pages = content.carried_pages(sheet, ef, rng, room, three_from=13, three_share=0.35)
    return pages


# --- a 9-pin printer's own characters ---


@lru_cache(maxsize=32)
def _bitmap(path: str, strike: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, strike)


@lru_cache(maxsize=32)
def _x_middle(path: str, strike: int) -> float:
    """The middle of the bitmap's x-height, in its pixels from the top of a line drawn at y=0."""
    box = _bitmap(path, strike).getbbox("x")
    return (box[1] + box[3]) / 2


STRIKES = (12, 14, 16, 18, 20, 22, 24)


@lru_cache(maxsize=64)
def _fit(size: int) -> tuple[int, int]:
    """(the pins' pitch in pixels, the bitmap's strike) that print characters about ``size`` pixels high."""
    return min(((p, s) for p in (3, 4, 2) for s in STRIKES), key=lambda ps: (abs(ps[0] * ps[1] - size), ps[0] != 3))


@lru_cache(maxsize=8)
def _pin(pitch: int) -> np.ndarray:
    r = pitch * 0.5 + (0.05 if pitch == 2 else -0.1)
    yy, xx = np.mgrid[0:pitch, 0:pitch].astype(np.float32) - (pitch - 1) / 2
    return ((xx**2 + yy**2) <= r * r).astype(np.uint8)


@dataclass(frozen=True)
class Pins:
    """What draws a 9-pin file's text (render.Writer): the printer's own bitmap characters (Terminus), every pixel
    of a character one round dot of a pin, the ribbon's ink uneven from line to line."""

    font: str

    def width(self, p: Painter, text: str, scale: float) -> int:
        pitch, strike = _fit(int(p.style.size * scale))
        return int(round(_bitmap(self.font, strike).getlength(text) * pitch))

    def text(self, p: Painter, x: float, y_mid: float, text: str, scale: float) -> None:
        if not text.strip():
            return
        pitch, strike = _fit(int(p.style.size * scale))
        f = _bitmap(self.font, strike)
        w = int(f.getlength(text)) + 2
        glyphs = Image.new("L", (w, strike + 4), 0)
        ImageDraw.Draw(glyphs).text((0, 0), text, font=f, fill=255)
        grid = (np.asarray(glyphs) > 127).astype(np.uint8)
        dots = Image.fromarray(np.kron(grid, _pin(pitch)) * 255)
        top = y_mid - _x_middle(self.font, strike) * pitch + p.rng.uniform(-0.8, 0.8)
        ink = min(200, p.style.ink + p.rng.randint(0, 30))
        p.img.paste(ink, (int(round(x)), int(round(top))), dots)


# --- after the drawing: the program's line at the foot (samples/generate.py) ---


def after_render(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, u: UHabits, rng: random.Random) -> None:
    """A spreadsheet's frame (its column letters and row numbers, none of them the sheet's); the accounting
    program's (or the spreadsheet file's) line at the foot: its name, the print's date and time."""
    if u.frame:
        _frame(img, geo, sheet, st, rng)
    if not u.program_line:
        return
    p = Painter(img, st, rng)
    y, m = (sheet.year, sheet.month + 1) if sheet.month < 12 else (sheet.year + 1, 1)
    when = f"{rng.randint(1, 12):02d}.{m:02d}.{y} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
    if u.program == "spreadsheet":
        line = f"{rng.choice(('C:', 'A:'))}\\ZAPL\\ZAP{sheet.month:02d}{sheet.year % 100:02d}.{rng.choice(('XLS', 'WK1', 'WQ1'))}"
    else:
        line = f"Отпечатано на {when}    {rng.choice(PROGRAMS)}"
    W, H = img.size
    x = rng.randint(150, 300)
    if rng.random() < 0.5:
        x = W - 180 - p.width(line, 0.7)
    p.text(x, H - rng.randint(70, 100), line, 0.7)


def _frame(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, rng: random.Random) -> None:
    """The spreadsheet's frame printed with the table: a band of column letters (A, B, C, ...) over the heading and
    a column of the spreadsheet's row numbers left of the table (its title rows above counted, the heading, the
    carried row, every person, the totals), in small boxes; neither is the table's row number."""
    n = len(sheet.rows)
    heads = sorted((b for r, _, b, _ in geo.cells if r == 0), key=lambda b: b[0])
    totals = [b for r, _, b, _ in geo.cells if r == n + 1]
    if not heads or not totals or not geo.row_bboxes:
        return
    p = Painter(img, st, rng)
    d = ImageDraw.Draw(img)
    grey = rng.randint(90, 150)
    x0 = geo.row_bboxes[0][0]
    top, head_bottom = min(b[1] for b in heads), max(b[3] for b in heads)
    band = int(st.size * 1.0)
    if top - band < 10 or x0 - 8 < int(st.size * 1.6):
        return
    box_w = int(st.size * 1.5)
    xs = sorted({b[0] for b in heads} | {b[2] for b in heads})
    letters = [chr(ord("A") + k) for k in range(len(xs) - 1)]
    d.rectangle((x0 - box_w, top - band, xs[-1], top), outline=grey, width=1)
    for k, letter in enumerate(letters):
        d.line((xs[k], top - band, xs[k], top), fill=grey, width=1)
        p.text((xs[k] + xs[k + 1] - p.width(letter, 0.6)) / 2, top - band / 2, letter, 0.6)
    first = rng.randint(3, 7) + (0 if sheet.carried_in is None else rng.randint(30, 60))
    spans = [(top, head_bottom)]
    if sheet.carried_in:
        spans.append((head_bottom, geo.row_bboxes[0][1]))
    spans += [(b[1], b[3]) for b in geo.row_bboxes]
    spans.append((min(b[1] for b in totals), max(b[3] for b in totals)))
    for k, (y0, y1) in enumerate(spans):
        label = str(first + k)
        d.rectangle((x0 - box_w, y0, x0, y1), outline=grey, width=1)
        p.text(x0 - box_w + (box_w - p.width(label, 0.6)) / 2, (y0 + y1) / 2, label, 0.6)


# --- the fax, its thermal paper, the scan (samples/generate.py, degrade_page) ---


@dataclass(frozen=True)
class UPage:
    """One U page's way to the archive: by fax or not (its header's words: the page of how many, the date), and how
    the archive's operator fed it to the scanner (quarter turns)."""

    u: UHabits
    fax: bool
    header: str
    rx: str
    quarter_turns: int


def page_of(u: UHabits, sheet: SheetContent, k: int, n: int, rng: random.Random) -> UPage:
    """Page ``k`` (from 0) of a month's ``n`` pages, as it came to the archive."""
    fax = u.fax and rng.random() < 0.9
    cover = 1 if fax and rng.random() < 0.3 else 0  # a cover sheet went first
    k, n = k + 1 + cover, n + cover
    y, m = sheet.year, sheet.month + rng.choice((1, 1, 2, 3))
    y, m = (y + 1, m - 12) if m > 12 else (y, m)
    if rng.random() < 0.25:  # faxed when the firm closed
        y, m = rng.randint(max(1997, y), 2001), rng.randint(1, 12)
    d, hh, mi = rng.randint(1, 28), rng.randint(8, 18), rng.randint(0, 59)
    if u.fax_words == "latin":
        header = f"{MON_LATIN[m - 1]}-{d:02d}-{y % 100:02d} {hh:02d}:{mi:02d}  FROM {u.sender}   TEL {u.phone}      P.{k:02d}/{n:02d}"
    elif u.fax_words == "short":
        header = f"{y % 100:02d}-{m:02d}-{d:02d} {hh:02d}:{mi:02d}  {u.phone}  {u.sender}   СТР.{k:02d}"
    else:
        header = f"{d:02d}.{m:02d}.{y % 100:02d}  {hh:02d}:{mi:02d}   ТЕЛ. {u.phone}   {u.sender}        СТР. {k:02d}/{n:02d}"
    rx = f"RX {d:02d}-{m:02d}-{y % 100:02d} {hh:02d}:{(mi + 1) % 60:02d}  {k}/{n}"
    turns = 0
    if u.turned and rng.random() < 0.3:
        turns = rng.choice((1, 2, 2, 3))
    return UPage(u, fax, header, rx, turns)


def before_scan(a: np.ndarray, page: UPage, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """The page before the archive's scanner: an inkjet's ink spread and banding; faxed: a landscape page fed in
    sideways, the sender's header, the transmission at 204 x 98 (or 196) dpi in black and white with its lost lines
    and streaks, the thermal print greyed and faded; then the staple. Returns the page and its 2x3 map."""
    from . import degrade

    u = page.u
    m = degrade.identity()
    if u.printer == "inkjet":
        a = _inkjet(a, rng)
    if page.fax:
        if a.shape[1] > a.shape[0]:  # a landscape sheet goes through the fax sideways
            a, m = degrade.turn(a, rng.choice((1, 3)))
        a = _fax(a, page, rng)
    if u.staple:
        a = _staple(a, u.staple, rng)
    return a, m


def after_scan(a: np.ndarray, m: np.ndarray, page: UPage) -> tuple[np.ndarray, np.ndarray]:
    """The page fed to the scanner turned (quarter turns counter-clockwise), its map composed."""
    from . import degrade

    if not page.quarter_turns:
        return a, m
    a, t = degrade.turn(a, page.quarter_turns)
    return a, degrade.compose(t, m)


def _low(h: int, w: int, rng: random.Random, lo: float, hi: float, n: int = 5) -> np.ndarray:
    grid = np.array([[rng.uniform(lo, hi) for _ in range(n)] for _ in range(n)], dtype=np.float32)
    return cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)


def _inkjet(a: np.ndarray, rng: random.Random) -> np.ndarray:
    """An inkjet's ink spreading into plain paper, lighter bands where the head's passes met."""
    ink = 255.0 - cv2.GaussianBlur(a.astype(np.float32), (0, 0), rng.uniform(0.6, 1.0))
    pitch = rng.randint(90, 140)
    y = np.arange(a.shape[0], dtype=np.float32)
    band = 1.0 - rng.uniform(0.1, 0.25) * (np.mod(y + rng.randint(0, pitch), pitch) < rng.randint(4, 9))
    return 255.0 - ink * band[:, None]


def _fax(a: np.ndarray, page: UPage, rng: random.Random) -> np.ndarray:
    """The page through the fax: sampled at 204 dpi across and 98 (fine: 196) down, made black and white, the
    sender's header line along the top, lines lost in the transmission, a streak down the page; printed back on
    thermal paper at that resolution (each dot a tall rectangle in standard mode), greyed and faded unevenly."""
    u = page.u
    h, w = a.shape
    fw, fh = round(w * 204 / 300), round(h * (196 if u.fine else 98) / 300)
    small = cv2.resize(a.astype(np.float32), (fw, fh), interpolation=cv2.INTER_AREA)
    black = small < rng.uniform(165, 200)
    head = _fax_text(page.header, 2, 2 if u.fine else 1)
    y0, x0 = rng.randint(3, 8) * (2 if u.fine else 1), rng.randint(20, 80)
    hh, hw = head.shape
    hw = min(hw, fw - x0 - 4)
    black[y0 : y0 + hh, x0 : x0 + hw] |= head[:, :hw]
    if u.rx_line:
        rx = _fax_text(page.rx, 2, 2 if u.fine else 1)
        ry, rx0 = fh - rx.shape[0] - rng.randint(3, 8), fw - rx.shape[1] - rng.randint(30, 120)
        black[ry : ry + rx.shape[0], rx0 : rx0 + rx.shape[1]] |= rx
    if u.streaks:
        for _ in range(rng.randint(1, 3)):  # lost lines: the line before repeated, or noise
            y = rng.randint(fh // 8, fh - 4)
            n = rng.randint(1, 2)
            if rng.random() < 0.6:
                black[y : y + n] = black[y - 1]
            else:
                black[y : y + n] = np.random.default_rng(rng.randrange(2**32)).random((n, fw)) < 0.08
        x = rng.randint(fw // 10, fw - fw // 10)
        if rng.random() < 0.5:
            black[:, x] = True  # dirt on the sender's glass: a black line down the page
        else:
            black[:, x] = False  # a dead heating element: a white line down the print
    dots = cv2.resize(black.astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST).astype(np.float32)
    paper = rng.uniform(222, 245) * _low(h, w, rng, 0.94, 1.0)
    ink = rng.uniform(20, 60)
    faded = ink + (paper - ink) * np.clip(u.fade * _low(h, w, rng, 0.3, 1.0), 0.0, 0.72)
    out = paper - (paper - faded) * dots
    return cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 0.9))


@lru_cache(maxsize=8)
def _fax_face(strike: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / U_FACES["pin9"][1]), strike)


def _fax_text(text: str, sx: int, sy: int) -> np.ndarray:
    """A fax machine's line of its own characters (a bitmap face, every pixel ``sx`` by ``sy`` fax dots)."""
    f = _fax_face(12)
    im = Image.new("L", (int(f.getlength(text)) + 2, 14), 0)
    ImageDraw.Draw(im).text((0, 0), text, font=f, fill=255)
    return np.kron(np.asarray(im) > 127, np.ones((sy, sx), dtype=bool))


def _staple(a: np.ndarray, kind: str, rng: random.Random) -> np.ndarray:
    """A staple in the top-left corner (a dark bar with a bright edge and its shadow), its shadow through the paper
    (a staple on the back), or the two holes of one taken out."""
    out = a.astype(np.float32).copy()
    h, w = out.shape
    x, y = rng.uniform(40, 110), rng.uniform(40, 110)
    ang = np.radians(rng.uniform(25, 65))
    dx, dy = np.cos(ang) * rng.uniform(110, 140), -np.sin(ang) * rng.uniform(110, 140) * rng.choice((-1, 1))
    y = y if dy > 0 else y + abs(dy)
    p0, p1 = (int(x), int(y)), (int(x + dx), int(y + dy))
    layer = np.zeros((h, w), np.float32)
    if kind == "holes":
        for px, py in (p0, p1):
            cv2.circle(layer, (px, py), 4, 1.0, -1)
        return out * (1 - 0.6 * layer)
    cv2.line(layer, (p0[0] + 5, p0[1] + 6), (p1[0] + 5, p1[1] + 6), 1.0, 9)
    shadow = cv2.GaussianBlur(layer, (0, 0), 4.0)
    out *= 1 - rng.uniform(0.25, 0.4) * shadow
    if kind == "shadow":
        return out
    bar = np.zeros((h, w), np.float32)
    cv2.line(bar, p0, p1, 1.0, 7)
    out = out * (1 - bar) + rng.uniform(60, 100) * bar
    shine = np.zeros((h, w), np.float32)
    cv2.line(shine, (p0[0], p0[1] - 2), (p1[0], p1[1] - 2), 1.0, 2)
    return out * (1 - shine) + rng.uniform(170, 210) * shine
