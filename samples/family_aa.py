"""Family AA of the sample generator (held out from its making in session 24, 2026-12-05, helper s33-famaa, to its one
measurement by the lead at the start of session 25; a development family since, dev seeds 19001-19040): a monthly
payroll listing of 1984-1993 printed for its client enterprises by a district computing centre (ОИЦ, окръжен
изчислителен център, or a ТИЦ) on its ЕС ЕИМ mainframe's line printer, then kept on microfiche by the archive.

What AA draws, each file its own combination (samples/families.py applies it over the generic switches):
the listing on 132 print positions at 10 characters to the inch, 6 or 8 lines to the inch, on fanfold continuous
paper (green or blue bars every few lines, or plain; the tractor strips' holes down both edges, their tear lines) or,
on some files, written by the centre's COM recorder straight onto the fiche (no paper: no bars, no holes, the
characters even). The line printer's character set has capitals only (the names, trades, the enterprise and every word
in capitals: the truth as printed), in a face of a font package none of A-Z uses (xfonts-base's character-cell
"fixed" faces, drawn smooth as a printer's type); a drum printer's letters each a little off the line, the same
letter always the same way, or a chain printer's letters off their pitch; the ribbon faint or heavy (the type
bleeding), a print position's hammer striking light, a few worn characters of the drum or chain printing broken.
Every page reprints the centre's job line (the centre, the machine, the program's name, the run's date and the page
number: the truth's ``sheet``), the title and period, the client's code and name (the name alone is the employer),
and the column headings, between rules of '-' or '=' characters; the columns are separated by spaces or by printed
'!', '|' or ':' characters. A month's listing runs over one to four perforated pages: each page but the last ends
with the sums so far ("ПРЕНОС ..."), each but the first begins with them ("ОТ ПРЕДХОДНА СТРАНИЦА ..."), the last
ends with the month's total; neither carried line is a person's row (the truth of a page is its rows; its totals are
the sums its foot prints). On some files the people are listed by department, each under a heading line of its own
and closed by its subtotal ("ВСИЧКО ЗА ОТДЕЛ 03"; neither line is a row). The row numbers run on over the pages
(zero-padded on some files), the personnel number ("ТАБ. N", no payroll-page/1 field) beside them on some layouts,
single or double spacing, the names in full or surname first, on some files cut at the program's field width (the
truth as printed), itemised deductions (ДОД, членски внос, аванс, ДСК; their sum is ``deductions``) on most
layouts, every money column totalled, no thousands separator or a space, a decimal point or comma, nought as "0.00"
or ".00" (an itemised deduction of nought left blank on some files); 24-72 people; 1984-1992 (months into 1993).
The capture: the fiche read on a reader-printer and its print scanned (white on black from a negative fiche on some
files, black on grey on others: low resolution, the lamp's vignetting, the focus uneven across the frame, the
printer's sweep in faint bands, the neighbouring frame's edge at a side) or a positive copy of the fiche scanned in
grey (flat, soft, grainy); the frame a little turned in the reader. Every page's boxes follow the capture (an affine
map).
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

PARTS = ("tax", "union_fee", "advance", "dsk")  # the itemised deductions a layout may have (their sum: ``deductions``)
AA_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "tab", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee", "advance",
     "deductions", "net_pay"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
    ("tab", "row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "tax", "dsk", "deductions", "net_pay",
     "days_worked"),
    ("row", "name", "egn", "days_worked", "gross_pay", "tax", "union_fee", "advance", "dsk", "deductions", "net_pay"),
    ("row", "egn", "tab", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "deductions",
     "net_pay"),
)  # fmt: skip

# the printed headings: capitals, cut to the print positions, over two or three lines
HEADINGS_AA: dict[str, tuple[str, ...]] = {
    "row": ("ПОР\nНОМ", "N\nПОР", "РЕД\nN"),
    "tab": ("ТАБ.\nНОМЕР", "ТАБ\nN", "ЛИЧЕН\nНОМЕР"),
    "egn": ("ЕДИНЕН ГРАЖД.\nНОМЕР", "Е Г Н\nНА ЛИЦЕТО", "ЕГН НА\nРАБОТНИКА/СЛ."),
    "name": ("ФАМИЛИЯ, ИМЕ,\nПРЕЗИМЕ", "ИМЕ, ПРЕЗИМЕ, ФАМИЛИЯ\nНА РАБОТНИКА", "ТРИТЕ ИМЕНА НА\nРАБОТНИКА/СЛУЖИТЕЛЯ",
             "ИМЕ И ФАМИЛИЯ\n(ПО ЛИЧЕН КАРТОН)"),
    "position": ("ДЛЪЖНОСТ /\nПРОФЕСИЯ", "ЗАЕМАНА\nДЛЪЖН.", "ДЛЪЖН.\nКОД И ИМЕ"),
    "days_worked": ("ОТР\nДНИ", "ДНИ\nОТР.", "ИЗР.\nДНИ"),
    "base_pay": ("ОСНОВНА\nРАБ.ЗАПЛ.", "ТАРИФНА\nЗАПЛАТА", "ОСН.ВЪЗН.\nОТР.ВРЕМЕ"),
    "extra_pay": ("ДОПЪЛН.\nВЪЗН-Я", "ДОБАВКИ\nСТАЖ,ПРЕМ", "ДРУГИ\nНАЧИСЛ."),
    "gross_pay": ("ВСИЧКО\nНАЧ.СУМА", "БРУТНА\nСУМА", "ОБЩО\nНАЧИСЛЕНИ"),
    "tax": ("ДАНЪК\nОБЩ ДОХ.", "ДОД\nУДЪРЖ."),
    "union_fee": ("ЧЛЕНСК.\nВНОС", "ПРОФ.\nВНОС"),
    "advance": ("АВАНС\nИЗПЛ.", "ПОЛУЧЕН\nАВАНС"),
    "dsk": ("ДСК\nВНОСКИ", "ЗАЕМИ\nДСК"),
    "deductions": ("ВСИЧКО\nУДЪРЖ-ИЯ", "ОБЩО\nУДРЪЖКИ", "СУМА НА\nУДРЪЖК."),
    "net_pay": ("СУМА ЗА\nПОЛУЧ.", "ЗА\nИЗПЛАЩ.", "ОСТАТЪК ЗА\nИЗПЛАЩАНЕ"),
}  # fmt: skip

# faces of a font package none of A-Z uses (scripts/setup.sh: xfonts-base's ISO 10646 "fixed" character cells)
_MISC = "../X11/misc/"
AA_FACES: dict[str, tuple[str, ...]] = {
    "printer": tuple(_MISC + f + ".pcf.gz" for f in ("9x15", "9x15B", "9x18", "9x18B", "10x20", "8x13B", "7x14B")),
}
AA_SIZES: dict[str, tuple[int, int]] = {"printer": (20, 20)}  # the print pitch, 10 to the inch at 200 dpi

AA_MONEY = (("", "."), ("", "."), ("", ","), (" ", "."))  # (thousands, decimal)
BARS = {"green": 222.0, "blue": 214.0, "plain": 255.0}  # the bars' tone in the film's grey (the paper: 250)
CENTRES = ("ОИЦ - СЛИВЕН", "ОИЦ - ХАСКОВО", "ТИЦ - ВЕЛИКО ТЪРНОВО", "ОКРЪЖЕН ИЗЧ. ЦЕНТЪР - МИХАЙЛОВГРАД",
           "ОИЦ - КЪРДЖАЛИ", "ТИЦ - СМОЛЯН", "ОИЦ - ПАЗАРДЖИК", "ОКР. ИЗЧИСЛИТЕЛЕН ЦЕНТЪР - ЯМБОЛ")  # fmt: skip
MACHINES = ("ЕС-1022", "ЕС-1035", "ЕС-1033", "ЕС-1055", "ЕС 1040")
PROGRAMS = ("ТРЗ040", "ZPL12", "TRZ-03", "РЗ-ОБР.7", "PAYR02", "ВЕД-ЗП4")
TITLES = ("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА РАБОТНИ ЗАПЛАТИ", "ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ТРУДОВИ ВЪЗНАГРАЖДЕНИЯ",
          "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ - МАШИННА ОБРАБОТКА")  # fmt: skip
CLIENT_LABELS = ("ОРГ.", "ПОТРЕБИТЕЛ", "ШИФЪР", "ПРЕДПР. КОД")
EMPLOYERS = (
    "ДП ГРАДСКИ ТРАНСПОРТ", "ЗАВОД ЗА ПОМПИ", "ДФ ХЛЕБОЗАВОД", "ПТК ПЛАСТМАСИ", "ОКРЪЖНА БОЛНИЦА - СТОПАНСКА ЧАСТ",
    "ДП ВОДОСНАБДЯВАНЕ И КАНАЛИЗАЦИЯ", "ТЕКСТИЛЕН КОМБИНАТ - ПРЕДАЧНО", "ДП ПЪТНО ПОДДЪРЖАНЕ", "ЗАВОД ЗА КАБЕЛИ",
    "МЕБЕЛЕН КОМБИНАТ", "ОКРЪЖНО ПОТРЕБИТЕЛНО ДРУЖЕСТВО", "ДП МЛЕКОПРЕРАБОТВАНЕ", "ТРИКОТАЖНА ФАБРИКА",
    "ЗАВОД ЗА СТОМАНЕНИ КОНСТРУКЦИИ",
)  # fmt: skip
POSITIONS = ("МОНТЬОР", "ШИВАЧКА", "ОПЕРАТОР", "ЕЛЕКТРОТЕХНИК", "СЧЕТОВОДИТЕЛ", "ОБЩ РАБОТНИК", "ШОФЬОР", "ТЕХНОЛОГ",
             "ДИСПЕЧЕР", "ПАЗАЧ", "ЧИСТАЧ", "ЗАВАРЧИК", "ИКОНОМИСТ", "КОНТРОЛЬОР", "СКЛАДОДЕРЖ.", "ИНЖЕНЕР")  # fmt: skip
DEPT_WORDS = ("ОТДЕЛ", "ЦЕХ", "ЗВЕНО", "ПОДЕЛЕНИЕ")
DEPT_NAMES = ("УПРАВЛЕНИЕ", "ПРОИЗВОДСТВО", "СНАБДЯВАНЕ", "ТРАНСПОРТ", "РЕМОНТНО", "СКЛАДОВО СТОПАНСТВО", "ОТК",
              "ОБСЛУЖВАЩО")  # fmt: skip
SUB_FORMS = ("ВСИЧКО ЗА {w} {n}", "ОБЩО {w} {n}", "СУМА ЗА {w} {n}:")
CARRY_OUT = ("ПРЕНОС", "ПРЕНОС НА СЛЕДВАЩА СТРАНИЦА", "ВСИЧКО ЗА СТРАНИЦАТА - ПРЕНОС")
CARRY_IN = ("ОТ ПРЕДХОДНА СТРАНИЦА", "ПРЕНОС ОТ ПРЕДХ. СТРАНИЦА", "ПРЕНОС")
GRAND = ("ВСИЧКО ЗА ПРЕДПРИЯТИЕТО", "ОБЩО ПО ВЕДОМОСТТА", "ВСИЧКО ЗА ОРГАНИЗАЦИЯТА", "ОБЩО ЗА МЕСЕЦА")
ENDS = ("КРАЙ НА ВЕДОМОСТТА", "*** КРАЙ ***", "КРАЙ НА ЗАДАНИЕТО")
PERIODS = ("ЗА МЕСЕЦ {mm}.{y}", "МЕСЕЦ {M} {y} Г.", "ПЕРИОД {yy}{mm}", "ЗА {M} {y}")
MONTHS_UP = ("ЯНУАРИ", "ФЕВРУАРИ", "МАРТ", "АПРИЛ", "МАЙ", "ЮНИ", "ЮЛИ", "АВГУСТ", "СЕПТЕМВРИ", "ОКТОМВРИ", "НОЕМВРИ",
             "ДЕКЕМВРИ")  # fmt: skip


@dataclass(frozen=True)
class AAHabits:
    """One AA file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str  # the printer's face (under FONT_DIR)
    source: str  # "paper" (a line printer's listing, filmed) or "com" (written onto the fiche by the COM recorder)
    printer: str  # "drum" (letters off the line) or "chain" (letters off their pitch)
    bars: str  # BARS' key: the fanfold's bars ("plain": none)
    bar_lines: int  # lines per bar
    lpi: int  # 6 or 8 lines to the inch
    spacing: int  # 1 (single) or 2 (a blank line after each person)
    sep: str  # between the columns: " ", "!", "|" or ":"
    rule: str  # the rules' character: "-" or "="
    ribbon: float  # the ribbon's ink, 0.45 (faint) to 1.0
    heavy: bool  # the type bleeding (a fresh, wet ribbon)
    stray: float  # how far a letter strays from its line (drum) or pitch (chain), pixels at 200 dpi
    worn: int  # how many characters of the drum or chain print broken
    thousands: str
    decimal: str
    zero: str  # nought as "0" ("0.00") or "" (".00")
    blank_parts: bool  # an itemised deduction of nought left blank
    row_zeros: int  # the row number zero-padded to this many digits (0: as it is)
    names: str  # "full", "surname" (the surname first) or "cut" (surname first, cut at the field's width)
    name_width: int  # the name field's print positions where names are cut
    departments: bool  # the people listed by department, each with its heading and subtotal lines
    period: str  # PERIODS' form
    capture: str  # "negative" (reader-printer, white on black), "positive" (reader-printer) or "scan" (a copy scanned)
    dpi: int  # the scan's dpi (200 or 300)
    neighbour: float  # the share of pages with the neighbouring frame's edge in view

    @property
    def ruling(self) -> str:
        return "none"  # no drawn rules: the printer's are characters


def draw(rng: random.Random) -> AAHabits:
    thousands, decimal = rng.choice(AA_MONEY)
    source = "com" if rng.random() < 0.25 else "paper"
    paper = source == "paper"
    names = rng.choice(("full", "surname", "cut", "cut"))
    return AAHabits(
        layout=rng.choice(AA_LAYOUTS), face=rng.choice(AA_FACES["printer"]), source=source,
        printer=rng.choice(("drum", "drum", "chain")), bars=rng.choice(tuple(BARS)) if paper else "plain",
        bar_lines=rng.choice((2, 3, 3)), lpi=rng.choice((6, 6, 6, 8)), spacing=rng.choice((1, 1, 2)),
        sep=rng.choice((" ", "!", "!", "|", ":")), rule=rng.choice(("-", "-", "=")),
        ribbon=rng.uniform(0.45, 1.0) if paper else 1.0, heavy=paper and rng.random() < 0.3,
        stray=rng.uniform(0.6, 2.6) if paper else 0.0, worn=rng.randint(2, 6) if paper else 0, thousands=thousands,
        decimal=decimal, zero=rng.choice(("0", "")), blank_parts=rng.random() < 0.5, row_zeros=rng.choice((0, 0, 3, 4)),
        names=names, name_width=rng.randint(20, 24), departments=rng.random() < 0.45, period=rng.choice(PERIODS),
        capture=rng.choice(("negative", "negative", "positive", "scan")) if paper else rng.choice(("negative", "negative", "scan")),
        dpi=rng.choice((200, 300, 300)), neighbour=rng.choice((0.0, 0.5, 0.9)),
    )  # fmt: skip


def printed_name(name: str, aa: AAHabits, width: int) -> str:
    """A name as the program prints it: capitals, the surname first on some files, cut at the field's ``width`` (the
    truth is what is printed)."""
    parts = name.upper().split()
    if aa.names != "full" and len(parts) == 3:
        parts = [parts[2], parts[0], parts[1]]
    return " ".join(parts)[:width].rstrip()


def adapt_file(ef: EmployerFile, aa: AAHabits, rng: random.Random) -> None:
    """An AA file: a client enterprise of the centre with 24-72 people (their trades, names as printed), their
    personnel numbers, their departments (runs of the roster), the layout and its headings."""
    ef.employer = rng.choice(EMPLOYERS)
    want = rng.randint(24, 72)
    while len(ef.staff) < want:
        ef.staff.append(hire(rng, ef.start[0]))
    ef.staff = ef.staff[:want]
    ef.layout = aa.layout
    ef.headings = {c: rng.choice(HEADINGS_AA[c]) for c in ef.layout}
    room = name_room(ef.layout, ef.headings, aa)
    for p in ef.staff:
        p.position = rng.choice(POSITIONS)
        p.name = printed_name(p.name, aa, min(room, aa.name_width) if aa.names == "cut" else room)
    start = rng.randint(100, 8000)
    ef.tab_numbers = {p.egn: n for p, n in zip(ef.staff, rng.sample(range(start, start + 40 * want), want), strict=True)}
    if aa.departments:
        word = rng.choice(DEPT_WORDS)
        cuts = sorted(rng.sample(range(3, want - 2), rng.randint(1, min(4, want // 6))))
        codes = sorted(rng.sample(range(1, 30), len(cuts) + 1))
        names = rng.sample(DEPT_NAMES, len(cuts) + 1)
        for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, want], strict=True)):
            for p in ef.staff[a:b]:
                ef.departments[p.egn] = f"{word} {codes[k]:02d} {names[k]}"



def adapt_sheet(sheet: SheetContent, aa: AAHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AA month: each row's money (gross = base + additional, the itemised deductions or one sum, net = gross -
    deductions), its personnel number and department (keys payroll-page/1 does not have), the totals, the title and
    the period as the program prints them. The listing's pages are ``pages``'."""
    parts = [c for c in sheet.layout if c in PARTS]
    for r in sheet.rows:
        base = amount_or_nought(r["base_pay"]) if "base_pay" in sheet.layout else amount_or_nought(r["gross_pay"])
        extra = amount_or_nought(r["extra_pay"]) if "extra_pay" in sheet.layout else Decimal(0)
        gross = base + extra
        cuts = {"tax": cents(gross * Decimal(rng.randint(50, 110)) / 1000), "union_fee": cents(gross / 100),
                "advance": Decimal(rng.choice((0, 0, 40, 50, 60, 80))) * (1 if gross > 200 else 0),
                "dsk": Decimal(rng.choice((12, 18, 25, 30))) if rng.random() < 0.25 else Decimal(0)}  # fmt: skip
        if sum((cuts[c] for c in parts), Decimal(0)) > gross / 2:  # a short month's pay: no advance, no instalment
            cuts["advance"] = cuts["dsk"] = Decimal(0)
        for c in parts:
            r[c] = cuts[c]
        ded = sum((cuts[c] for c in parts), Decimal(0)) if parts else cents(gross * Decimal(rng.randint(70, 160)) / 1000)
        r["gross_pay"], r["deductions"], r["net_pay"] = gross, ded, gross - ded
        if "base_pay" in sheet.layout:
            r["base_pay"], r["extra_pay"] = base, extra
        if ef is not None:
            r["tab"] = ef.tab_numbers.get(str(r["egn"]))
            r["dept"] = ef.departments.get(str(r["egn"]), "")
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in (*MONEY_FIELDS, *parts)
                    if f in sheet.layout}  # fmt: skip
    sheet.title = rng.choice(TITLES)
    m, y = sheet.month, sheet.year
    sheet.period_text = aa.period.format(mm=f"{m:02d}", y=y, yy=f"{y % 100:02d}", M=MONTHS_UP[m - 1])
    sheet.decimal_comma, sheet.thousands_space, sheet.thousands_sep = aa.decimal == ",", bool(aa.thousands), aa.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.extra["aa_job"] = {
        "centre": rng.choice(CENTRES), "machine": rng.choice(MACHINES), "program": rng.choice(PROGRAMS),
        "run": f"{rng.randint(2, 12):02d}.{m % 12 + 1:02d}.{(y + (m == 12)) % 100:02d}",
        "client": f"{rng.choice(CLIENT_LABELS)} {rng.randint(10, 9999):04d}", "grand": rng.choice(GRAND),
        "carry_out": rng.choice(CARRY_OUT), "carry_in": rng.choice(CARRY_IN), "sub": rng.choice(SUB_FORMS),
        "end": rng.choice(ENDS),
    }  # fmt: skip


# --- the listing: its lines, its pages ---


def amount(v: Decimal, aa: AAHabits) -> str:
    """An amount as the program prints it."""
    leva, st = f"{abs(v):.2f}".split(".")
    if aa.thousands and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", aa.thousands)
    if leva == "0" and not aa.zero:
        leva = ""
    return f"{'-' if v < 0 else ''}{leva}{aa.decimal}{st}"


def _sums(rows: list[dict[str, object]], fields: list[str]) -> dict[str, Decimal]:
    return {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in fields}


def month_lines(sheet: SheetContent) -> list[tuple[str, object]]:
    """The month's listing, line by line before it is cut into pages: ("dept", label), ("row", row), ("sub", (label,
    sums)); the total comes at the foot of the last page."""
    fields = list(sheet.totals)
    job = sheet.extra["aa_job"]
    assert isinstance(job, dict)
    lines: list[tuple[str, object]] = []
    run: list[dict[str, object]] = []
    for n, r in enumerate(sheet.rows):
        dept = str(r.get("dept") or "")
        if dept and (n == 0 or sheet.rows[n - 1].get("dept") != dept):
            lines.append(("dept", dept))
        lines.append(("row", r))
        run.append(r)
        if dept and (n == len(sheet.rows) - 1 or sheet.rows[n + 1].get("dept") != dept):
            word, code = dept.split()[:2]
            lines.append(("sub", (str(job["sub"]).format(w=word, n=code), _sums(run, fields))))
            run = []
    return lines


def pages(sheet: SheetContent, ef: EmployerFile, aa: AAHabits, rng: random.Random) -> list[SheetContent]:
    """The month's listing cut into the pages the fanfold's length holds (11 or 12 inches): each page its rows, its
    totals the sums so far (what its foot prints), the carried sums at its head (``carried_in``) after the first; the
    page number (the truth's ``sheet``) from 1. ``extra["aa_body"]``: each page's lines."""
    del ef
    lines = month_lines(sheet)
    inches = rng.choice((11, 11, 12))
    room = inches * aa.lpi - int(0.6 * aa.lpi) - 1 - 16 - aa.lpi // 2  # the job lines, headings, rules, foot, margin
    cost = {"row": aa.spacing, "dept": 1, "sub": 2}
    out: list[list[tuple[str, object]]] = [[]]
    used = 0
    for kind, v in lines:
        if used + cost[kind] > room and any(k == "row" for k, _ in out[-1]):
            out.append([])
            used = aa.spacing  # the carried sums
        out[-1].append((kind, v))
        used += cost[kind]
    result: list[SheetContent] = []
    before: dict[str, Decimal] | None = None
    run = dict.fromkeys(sheet.totals, Decimal(0))
    for k, body in enumerate(out):
        rows = [v for kind, v in body if kind == "row" and isinstance(v, dict)]
        got = _sums(rows, list(run))
        run = {f: run[f] + got[f] for f in run}
        extra = {**sheet.extra, "aa_body": body, "aa_inches": inches}
        result.append(replace(sheet, rows=rows, totals=dict(run), carried_in=before, carry_out=k < len(out) - 1,
                              sheet=k + 1, extra=extra))  # fmt: skip
        before = dict(run)
    return result


def style(aa: AAHabits, rng: random.Random, base: Style) -> None:
    """An AA page's style: the printer's face (the rest is drawn by family_aa.render)."""
    base.font = FONT_DIR / aa.face
    base.typewriter = False
    base.size = AA_SIZES["printer"][0]
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the printer ---


@lru_cache(maxsize=16)
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, int(path.rsplit("/", 1)[-1].split("x", 1)[1].split(".")[0].rstrip("B")))


@lru_cache(maxsize=4096)
def _glyph(path: str, ch: str, pitch: int, height: int) -> np.ndarray:
    """One character of the printer's type: the character cell drawn smooth at ``pitch`` x ``height`` pixels (ink
    0..1)."""
    f = _font(path)
    cw = int(round(f.getlength("Ж")))
    ch_h = int(path.rsplit("/", 1)[-1].split("x", 1)[1].split(".")[0].rstrip("B"))
    img = Image.new("L", (cw + 2, ch_h + 2), 0)
    ImageDraw.Draw(img).text((1, 1), ch, font=f, fill=255)
    a = np.asarray(img, np.float32) / 255.0
    big = cv2.resize(a, (pitch + 2, height + 2), interpolation=cv2.INTER_CUBIC)
    big = cv2.GaussianBlur(big, (0, 0), 0.9)
    return np.asarray(np.clip((big - 0.25) * 2.2, 0, 1), np.float32)


class _Printer:
    """The line printer (or the COM recorder): characters at a fixed pitch on a fixed line grid."""

    def __init__(self, aa: AAHabits, rng: random.Random, W: int, H: int, pitch: int, line_h: float, x0: int) -> None:
        self.aa, self.rng = aa, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.line_h, self.x0 = pitch, line_h, x0
        self.path = str(FONT_DIR / aa.face)
        cell = _font(self.path)
        natural = pitch * cell.size / cell.getlength("Ж")  # the character cell's height at this pitch
        self.gh = int(min(natural, line_h * 1.15))
        chars = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ0123456789.,"
        self.offset = {c: rng.gauss(0, aa.stray) for c in chars}  # a drum's letter: always the same way off its line
        self.worn = set(rng.sample(chars, aa.worn))
        self.hammer = [rng.uniform(0.8, 1.05) if rng.random() < 0.9 else rng.uniform(0.5, 0.75) for _ in range(140)]
        self.masks = {c: _wear(self.gh + 2, pitch + 2, rng) if rng.random() < 0.6 else None for c in sorted(self.worn)}

    def text(self, col: int, line: float, s: str) -> None:
        """``s`` from print position ``col`` on (fractional) line ``line``'s baseline grid."""
        aa = self.aa
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g = _glyph(self.path, ch, self.pitch, self.gh)
            pos = col + k
            dy = self.offset.get(ch, 0.0) if aa.printer == "drum" else self.rng.gauss(0, 0.3)
            dx = self.rng.gauss(0, aa.stray * 0.5) if aa.printer == "chain" else 0.0
            strike = aa.ribbon * (self.hammer[pos % len(self.hammer)] if aa.source == "paper" else 1.0)
            strike *= self.rng.uniform(0.88, 1.0) if aa.source == "paper" else 1.0
            ink = g * strike
            if ch in self.worn:
                mask = self.masks[ch]
                ink = ink * (0.55 if mask is None else mask)
            x = int(round(self.x0 + pos * self.pitch + dx))
            y = int(round(line * self.line_h + (self.line_h - self.gh) / 2 + dy))
            self._put(ink, x, y)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])


def _wear(h: int, w: int, rng: random.Random) -> np.ndarray:
    """A worn type's mask: a part of the character gone or faint (a nick across it)."""
    m = np.ones((h, w), np.float32)
    y = rng.randint(h // 4, 3 * h // 4)
    m[y : y + max(2, h // 6), :] = rng.uniform(0.0, 0.3)
    if rng.random() < 0.5:
        m[:, : w // 2] *= rng.uniform(0.35, 0.7)
    return m


@dataclass
class _Columns:
    """The listing's columns on the print positions: each column's first position and width, the separators'."""

    start: list[int]
    width: list[int]
    seps: list[int]
    right: int


def _cell(aa: AAHabits, c: str, r: dict[str, object]) -> str:
    v = r.get(c)
    if c == "row":
        return "" if v is None else (f"{v:0{aa.row_zeros}d}" if aa.row_zeros else str(v))
    if c in ("name", "position", "egn", "tab", "days_worked"):
        return "" if v is None else str(v)
    d = amount_or_nought(v)
    if c in PARTS and d == 0 and aa.blank_parts:
        return ""
    return amount(d, aa)


def _least(c: str, aa: AAHabits) -> int:
    """A column's least width in print positions (its values'), the name's aside."""
    return {"row": max(3, aa.row_zeros), "tab": 4, "egn": 10, "days_worked": 2, "position": 13}.get(c, 9 if aa.thousands else 8)


def _widths(layout: tuple[str, ...], headings: dict[str, str], aa: AAHabits, texts: list[dict[str, str]]) -> list[int]:
    return [max([len(h) for h in headings[c].split("\n")] + [len(t.get(c, "")) for t in texts] + [_least(c, aa)])
            for c in layout]  # fmt: skip


def _place(widths: list[int], sep: str) -> _Columns:
    """The columns on the print positions: "!content!content!" with a printed separator, else one blank between."""
    start, seps = [], []
    pos = 0
    for w in widths:
        if sep != " ":
            seps.append(pos)
            pos += 1
        start.append(pos)
        pos += w + (0 if sep != " " else 1)
    if sep != " ":
        seps.append(pos)
        pos += 1
    return _Columns(start, list(widths), seps, pos)


def name_room(layout: tuple[str, ...], headings: dict[str, str], aa: AAHabits) -> int:
    """How many print positions of the 132 the names get on this layout (the program's field: 30 at most)."""
    others = sum(w for c, w in zip(layout, _widths(layout, headings, aa, []), strict=True) if c != "name")
    return min(30, 132 - others - len(layout) - 1)


def render(sheet: SheetContent, st: Style, aa: AAHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """One page of the listing at 200 dpi (the type as the returned image's ink; the paper under it, its bars and
    tractor strips, in ``sheet.extra["aa_paper"]``): the job line, title and client, the headings between rules, the
    carried sums, the lines of the body, the sums at the foot."""
    del st
    body, job = sheet.extra["aa_body"], sheet.extra["aa_job"]
    inches = sheet.extra["aa_inches"]
    assert isinstance(body, list) and isinstance(job, dict) and isinstance(inches, int)
    W, H = 2975, inches * 200  # 14 7/8 in wide
    line_h, pitch = 200.0 / aa.lpi, 20
    layout = sheet.layout
    row_texts = [{c: _cell(aa, c, r) for c in layout} for kind, r in body if kind == "row"]
    subs = [v[1] for kind, v in body if kind == "sub"]
    sum_texts = [{c: amount(s[c], aa) for c in layout if c in s} for s in [sheet.totals, *subs]]
    widths = _widths(layout, sheet.headings, aa, row_texts + sum_texts)
    pad = 1 if aa.sep != " " and sum(widths) + 3 * len(layout) + 1 <= 132 else 0  # a blank inside each "!" if it fits
    cols = _place([w + 2 * pad for w in widths], aa.sep)
    cols.start, cols.width = [x + pad for x in cols.start], [w - 2 * pad for w in cols.width]
    x0 = (W - cols.right * pitch) // 2 + rng.randint(-40, 40)
    pr = _Printer(aa, rng, W, H, pitch, line_h, x0)
    geo = Geometry(W, H)
    line = float(int(0.6 * aa.lpi) + rng.choice((0, 1)))  # the first line below the perforation
    pr.text(0, line, f"{job['centre']}   {job['machine']}   ПРОГРАМА {job['program']}   ДАТА {job['run']}")
    label = f"СТР.{sheet.sheet:4d}"
    pr.text(max(cols.right, 100) - len(label), line, label)
    line += 2
    title = f"{sheet.title}  {sheet.period_text}"
    pr.text(max(0, (cols.right - len(title)) // 2), line, title)
    line += 1
    pr.text(0, line, f"{job['client']}  {sheet.employer}")
    line += 2

    def box(j: int, n: float) -> list[int]:
        xa = x0 + cols.start[j] * pitch
        return [xa, int(n * line_h), xa + cols.width[j] * pitch, int((n + 1) * line_h)]

    def rule(ch: str) -> None:
        nonlocal line
        s = "".join("+" if p in cols.seps and ch == "-" and aa.sep in "!|" else ch for p in range(cols.right))
        pr.text(0, line, s)
        line += 1

    def seps_on(n: float) -> None:
        for p in cols.seps:
            pr.text(p, n, aa.sep)

    rule(aa.rule)
    head_top = line
    heads = {c: sheet.headings[c].split("\n") for c in layout}
    for k in range(max(len(h) for h in heads.values())):
        for j, c in enumerate(layout):
            if k < len(heads[c]):
                pr.text(cols.start[j] + (cols.width[j] - len(heads[c][k])) // 2, line, heads[c][k])
        seps_on(line)
        line += 1
    for j, c in enumerate(layout):
        b = box(j, head_top)
        geo.cells.append((0, j, [b[0], b[1], b[2], int(line * line_h)], " ".join(heads[c])))
    rule("-")
    name_j = layout.index("name")

    def sums_line(words: str, s: dict[str, Decimal], i: int | None) -> None:
        nonlocal line
        pr.text(cols.start[name_j], line, words)
        for j, c in enumerate(layout):
            if c in s:
                t = amount(s[c], aa)
                pr.text(cols.start[j] + cols.width[j] - len(t), line, t)
                if i is not None:
                    geo.cells.append((i, j, box(j, line), t))
        seps_on(line)
        line += 1

    if sheet.carried_in:
        sums_line(str(job["carry_in"]), sheet.carried_in, None)
        line += aa.spacing - 1
    i = 0
    xl, xr = x0, x0 + cols.right * pitch
    for kind, v in body:
        if kind == "dept":
            pr.text(cols.start[name_j], line, str(v))
            line += 1
        elif kind == "sub":
            sums_line(v[0], v[1], None)
            line += 1
        else:
            for j, c in enumerate(layout):
                txt = row_texts[i][c]
                if txt:
                    left = c in ("name", "position")
                    pr.text(cols.start[j] + (0 if left else cols.width[j] - len(txt)), line, txt)
                    geo.cells.append((i + 1, j, box(j, line), txt))
            seps_on(line)
            y0, y1 = int(line * line_h), int((line + 1) * line_h)
            geo.row_bboxes.append([xl, y0, xr, y1])
            geo.row_polygons.append(rect_polygon(xl + 2, y0 + 2, xr - 2, y1 - 2))
            line += aa.spacing
            i += 1
    if aa.spacing == 2:
        line -= 1
    rule(aa.rule)
    sums_line(str(job["carry_out"] if sheet.carry_out else job["grand"]), sheet.totals, i + 1)
    if not sheet.carry_out:
        pr.text(0, line + 1, str(job["end"]))
    geo.table_bbox = [xl, int(head_top * line_h), xr, int(line * line_h)]
    assert line * line_h < H - 40, "the page's lines overran its paper"
    if aa.heavy:  # a fresh ribbon: the type bleeds
        pr.ink = np.asarray(cv2.GaussianBlur(cv2.dilate(pr.ink, np.ones((2, 2), np.uint8)), (0, 0), 0.8), np.float32)
    sheet.extra["aa_paper"] = _paper(aa, rng, W, H, line_h)
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(pr.ink, 0, 1)), np.uint8), "L")
    return img, geo


def _paper(aa: AAHabits, rng: random.Random, W: int, H: int, line_h: float) -> np.ndarray:
    """The sheet under the type, in the film's grey: paper, bars, the tractor strips (their holes the copy board's
    dark), their tear lines; a COM frame is the recorder's clear background."""
    out = np.full((H, W), 250.0, np.float32)
    if aa.source != "paper":
        return out
    tone = BARS[aa.bars]
    if aa.bars != "plain":
        band = aa.bar_lines * line_h
        y = rng.choice((0.5, 1.0)) * 200
        while y < H:
            out[int(y) : int(y + band), 100 : W - 100] = tone
            y += 2 * band
    for x in range(0, W, 12):  # the perforations the page was torn along, at its head and foot
        out[:3, x : x + 6] = out[H - 3 :, x : x + 6] = 35.0
    for x in (100, W - 100):  # the strips' tear lines
        for yy in range(0, H, 12):
            out[yy : yy + 6, x : x + 2] = 200.0
    for cx in (50, W - 50):  # the feed holes, every half inch
        y = 50.0
        while y < H:
            cv2.circle(out, (cx, int(y)), 15, 35.0, -1)
            y += 100
    return out


# --- the page and the capture ---


@dataclass
class AAPage:
    aa: AAHabits
    seed: int
    paper: np.ndarray  # the sheet under the type (grey)
    neighbour: bool  # the neighbouring frame's edge in view


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, aa: AAHabits, rng: random.Random) -> AAPage:
    """The page's paper and whether the reader shows the neighbouring frame's edge."""
    del img, geo
    paper = sheet.extra["aa_paper"]
    assert isinstance(paper, np.ndarray)
    return AAPage(aa, rng.randrange(1 << 30), paper, rng.random() < aa.neighbour)


def flat(a: np.ndarray, page: AAPage) -> np.ndarray:
    """The page before it was filmed (``--pristine``): the type on the paper."""
    ink = (255.0 - a) / 255.0
    return np.asarray(page.paper * (1.0 - ink) + 20.0 * ink, np.float32)


def scan(a: np.ndarray, page: AAPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The page filmed onto the fiche and read back: on a reader-printer whose print was scanned (its lamp's
    vignetting, the focus uneven across the frame, the sweep's bands, the neighbouring frame's edge; white on black
    from a negative fiche) or as a positive copy scanned in grey. Returns the image, the affine map from the drawn
    page (2x3) and the dpi."""
    aa = page.aa
    rng = random.Random(page.seed)
    sheet = flat(a, page)
    H, W = sheet.shape
    margin = int(rng.uniform(0.03, 0.07) * W)
    board = 25.0  # the copy board around the paper (a COM frame's clear background runs on)
    frame = np.full((H + 2 * margin, W + 2 * margin), board if aa.source == "paper" else 250.0, np.float32)
    frame[margin : margin + H, margin : margin + W] = sheet
    if page.neighbour:  # the next frame's edge: a strip of another page's type beyond the gap
        side = rng.choice(("left", "right"))
        at = rng.randint(W // 3, W // 2)
        strip = sheet[:, at : at + margin // 2]
        x = 0 if side == "left" else frame.shape[1] - strip.shape[1]
        frame[margin : margin + H, x : x + strip.shape[1]] = strip
    fh, fw = frame.shape
    # the film's resolution: the frame reduced and read back
    f = rng.uniform(0.42, 0.6)
    small = cv2.resize(frame, (int(fw * f), int(fh * f)), interpolation=cv2.INTER_AREA)
    frame = np.asarray(cv2.resize(small, (fw, fh), interpolation=cv2.INTER_LINEAR), np.float32)
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    if aa.capture != "scan":  # the focus: sharp at one side, soft at the other
        soft = np.asarray(cv2.GaussianBlur(frame, (0, 0), rng.uniform(1.6, 2.8)), np.float32)
        wx = np.clip((xx / fw - rng.uniform(0.2, 0.5)) * rng.choice((1.5, -1.5)), 0, 1)
        frame = frame * (1 - wx) + soft * wx
    else:
        frame = np.asarray(cv2.GaussianBlur(frame, (0, 0), 1.1), np.float32)
    if aa.capture == "negative":
        frame = 255.0 - frame
    # the tones of the print or the copy
    lo, hi = (rng.uniform(10, 35), rng.uniform(215, 245)) if aa.capture != "scan" else (rng.uniform(45, 75), rng.uniform(195, 225))
    frame = lo + np.clip(frame / 255.0, 0, 1) * (hi - lo)
    if aa.capture != "scan":  # the lamp: bright at the middle, dim to the corners; the sweep's bands
        cx, cy = fw * rng.uniform(0.4, 0.6), fh * rng.uniform(0.4, 0.6)
        r2 = ((xx - cx) / fw) ** 2 + ((yy - cy) / fh) ** 2
        light = 1.0 - rng.uniform(0.35, 0.6) * np.clip(r2 / 0.5, 0, 1)
        frame = frame * light
        period = rng.uniform(90, 260)
        frame = frame * (1.0 + rng.uniform(0.02, 0.05) * np.sin(2 * np.pi * yy / period + rng.uniform(0, 6.3)))
    # onto the scan: the frame a little turned, at the scan's dpi (an A4 print's width or the scanner's frame)
    s = (aa.dpi / 200.0) * (11.3 / 14.875 if aa.capture != "scan" else rng.uniform(0.7, 0.8))
    ang = np.deg2rad(rng.uniform(-1.2, 1.2))
    ow, oh = int(fw * s) + 20, int(fh * s) + 20
    c, sn = np.cos(ang), np.sin(ang)
    lin = np.array([[s * c, -s * sn], [s * sn, s * c]])
    t = np.array([ow / 2, oh / 2]) - lin @ np.array([fw / 2, fh / 2])
    to_frame = np.hstack([np.eye(2), np.array([[margin], [margin]], float)])
    mat = np.hstack([lin, t[:, None]])
    border = float(np.median(frame[:8, :8]))
    out = np.asarray(cv2.warpAffine(frame, mat, (ow, oh), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR,
                                    borderValue=border), np.float32)  # fmt: skip
    grain = np_rng.standard_normal((oh // 2 + 1, ow // 2 + 1)).astype(np.float32)
    out += cv2.resize(grain, (ow, oh), interpolation=cv2.INTER_LINEAR) * rng.uniform(4, 9)
    out += np_rng.standard_normal(out.shape).astype(np.float32) * 2.5
    full = mat @ np.vstack([to_frame, [0, 0, 1]])
    return np.clip(out, 0, 255).astype(np.uint8), full, aa.dpi
