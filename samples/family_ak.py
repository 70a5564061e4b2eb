"""Family AK of the sample generator (held out from its making in session 34, 2026-12-06, helper s44-famak, before
anything was tuned on AJ, to its one measurement by the lead at the start of session 35, then a development family; evaluation seed 2060, development seeds
29001-29040): the monthly payroll of 1986-1996 of an agricultural co-operative that closed without a successor (a ТКЗС,
an АПК or one of its farms; from 1992 its liquidation council, "ЛС на ТКЗС ..."), worked out at the co-operative's own
computing office on a Правец-16 or an ИЗОТ micro and printed by its 9-pin dot-matrix printer on fanfold paper 15 inches wide (a wide carriage's) or A4
(fonts-glasstty's VT220 face: a terminal's dot-built Cyrillic in its Russian forms, at 10, 12 or 17 characters to the
inch, six lines to the inch), the program's own way: capitals, the member's ledger number ("ПАРТ. N") after the row
number and the per cent of the norm fulfilled beside the days on some layouts (neither a payroll-page/1 field), the
members in the register's alphabetical order of their surnames, printed surname first on some files (the truth's name
as printed), amounts with a decimal point or comma, from 1991 thousands by a comma or a space on some files, an amount
under a lev printed without its nought (".85") and a nought as ".00" or "0.00" on some.

What makes AK's fields hard (new): a co-operative's 34-80 members fill two or three pages a month, and the program
prints the title, the period and the column headings on the first page only. Every page after it is headless: a running
line with the employer, the period and the page ("СТР. 2"; the truth's employer and period as there, its ``sheet`` the
page), then the rows go straight on, numbered on from the page before (the truth's row the printed number), with no
heading, no carried sums: which column is which must come from the first page, the figures' arithmetic and their
alignment. Each page ends with its own sums ("ВСИЧКО СТР. 2": the truth's totals, the page's rows' sums) and the last
page also with the month's sums over all its pages ("ВСИЧКО ЗА ВЕДОМОСТТА", no truth: they are not the page's) and the
signers. A member's row may take two lines: on most files the produce the member took in kind (wheat, maize, barley or
sunflower seed by the kilogram, wine by the litre, cheese) is itemised on a line of its own under the row, from the
name's column across the figures' ("В Т.Ч. НАТУРА: ПШЕНИЦА 380 КГ X ,16 = 60,80": a quantity, the year's price and
their product, the natura; no person's row, no column's figure, the row's box holds it). Where the layout itemises the
deductions (ДОД, the produce taken in kind, "натура", valued at the co-operative's prices, the advance) their sum is
``deductions``; the base is the member's rate for the days worked at the norm's per cent; the premium (the additional
pay) on the layouts that print it, none where the base stands alone before gross; net = gross - deductions. No layout
but one lacks the ЕГН (``egn_printed_only``: none in the truth there).

The printer: a worn ribbon (the ink paler in broad patches) and on some files a weak pin (one dot row of every line
printed faint, never missing: every figure stays readable). The capture (new): the archive's clerk photographed the
fanfold sheets with a phone on a desk under a lamp: the sheet a little turned and skewed on the desk's wood, a warm
lamp's uneven light, the shadow of the clerk's hand and phone across a part of the page (soft edged, the paper and the
print under it darker but every figure still darker than its ground), a little out of focus, JPEG-compressed and
decoded, saved as an RGB PNG at about 200 dpi of the sheet (under ~5 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS
from scanner_drivers.intake import decode_image

from . import data
from .content import (
    EmployerFile,
    SheetContent,
    amount_or_nought,
    cents,
    hire,
    money_text,
    pay_scale,
    working_days,
)
from .family_ah import LINE, _Typeball
from .family_ai import own_drawing
from .handwork import signature, smooth_field, typed_page
from .render import Geometry, Style, rect_polygon

PARTS = ("tax", "natura", "advance")  # the itemised deductions (their sum ``deductions``)
OTHER = ("ledger", "norm", "signature")  # printed columns that are no payroll-page/1 field

AK_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "natura", "advance",
     "deductions", "net_pay"),
    ("row", "ledger", "name", "egn", "days_worked", "norm", "base_pay", "extra_pay", "gross_pay", "deductions",
     "net_pay", "signature"),
    ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "natura", "deductions", "net_pay",
     "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "gross_pay", "tax", "advance", "deductions",
     "net_pay"),
    ("row", "ledger", "egn", "name", "norm", "days_worked", "gross_pay", "natura", "tax", "advance", "deductions",
     "net_pay"),
)  # fmt: skip

HEADINGS_AK: dict[str, tuple[str, ...]] = {
    "row": ("N\nП/Р", "ПОР.\nN"),
    "ledger": ("ПАРТ.\nN", "ЛИЦ.\nСМЕТ."),
    "egn": ("Е Г Н\nНА ЧЛЕНА", "ЕГН\nКООПЕРАТОР"),
    "name": ("ФАМИЛИЯ, ИМЕ\nПРЕЗИМЕ", "ЧЛЕН-КООПЕРАТОР\n(ИМЕ И ФАМИЛИЯ)"),
    "position": ("РАБОТА\nБРИГАДА", "ВИД\nТРУД"),
    "days_worked": ("ОТР.\nДНИ", "ДНИ\nНОРМО"),
    "norm": ("% ИЗП.\nНОРМА", "НОРМА\n%"),
    "base_pay": ("ЗАРАБ.\nПО\nНОРМИ", "ТРУДОВО\nВЪЗНАГР."),
    "extra_pay": ("ПРЕМИЯ\nПЛАН", "ДОП.\nВЪЗНАГР.\nПРЕМИИ"),
    "gross_pay": ("ВСИЧКО\nНАЧИСЛ.", "ОБЩО\nСУМА"),
    "tax": ("ДОД\nУДЪРЖ.", "ДАНЪК\nД.Д."),
    "natura": ("НАТУРА\nПО ЦЕНИ", "ПОЛУЧЕНО\nНАТУРА"),
    "advance": ("АВАНС\nИЗПЛ.", "ВЗЕТ\nАВАНС"),
    "deductions": ("ВСИЧКО\nУДЪРЖ.", "ОБЩО\nУДРЪЖКИ"),
    "net_pay": ("ЗА\nИЗПЛАЩАНЕ", "ОСТАТЪК\nЗА ПОЛУЧ."),
    "signature": ("ПОДПИС\nПОЛУЧИЛ", "РАЗПИСКА"),
}  # fmt: skip

GLASSTTY = "glasstty/Glass_TTY_VT220.ttf"
# a font package none of A-AJ uses (scripts/setup.sh: fonts-glasstty): the VT220 terminal's dot-built glyphs, the
# 9-pin printer's matrix face
AK_FACES: dict[str, tuple[str, ...]] = {"dot_matrix": (GLASSTTY,)}
AK_SIZES: dict[str, tuple[int, int]] = {"dot_matrix": (40, 40)}
AK_MONEY = (("", "."), (",", "."), (" ", ","), ("", ","))  # (thousands from 1991, decimal)
PITCHES = {10: 30, 12: 25, 17: 18}  # characters to the inch -> pixels at 300 dpi

EMPLOYERS = (
    'ТКЗС "ГЕОРГИ ДИМИТРОВ" С.БРЕСТОВИЦА', 'ТКЗС "НАПРЕДЪК" С.ЧЕРНИ ОСЪМ', 'АПК "ТРАКИЯ" ГР.ПАЗАРДЖИК',
    'АПК "ДРУЖБА" ГР.ГЕНЕРАЛ ТОШЕВО', 'ТКЗС "9 СЕПТЕМВРИ" С.КРИВА БАРА', 'АПК "ЗЛАТНА ДОБРУДЖА" - ТОЛБУХИН',
    'ТКЗС "ОСВОБОЖДЕНИЕ" С.ЛОМ ЧЕРКОВНА', 'АПК "ОГОСТА" - МИХАЙЛОВГРАД',
)  # fmt: skip
RENAMED = ((1990, "ТОЛБУХИН", "ДОБРИЧ"), (1993, "МИХАЙЛОВГРАД", "МОНТАНА"))
UNITS = ("БРИГАДА N 2 - РАСТЕНИЕВЪДСТВО", "ФЕРМА КРАВИ - ДОЯЧКИ", "ЗЕЛЕНЧУКОВА БРИГАДА", "МТС - ТРАКТОРИСТИ",
         "ЛОЗАРСКА БРИГАДА N 4", "ОВЦЕФЕРМА", "УЧАСТЪК ЖИВОТНОВЪДСТВО")  # fmt: skip
POSTS = ("ТРАКТОРИСТ", "ПОЛЕВЪДКА", "ДОЯЧКА", "ОВЧАР", "ЛОЗАР", "ЗЕЛЕНЧУКОПР.", "ШОФЬОР", "ПАЗАЧ", "БРИГАДИР",
         "СВИНЕВЪД", "КОМБАЙНЕР", "ОГНЯР")  # fmt: skip
TITLES = ("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ НА ЧЛЕН-КООПЕРАТОРИТЕ",
          "ВЕДОМОСТ ЗА ИЗПЛАЩАНЕ НА ВЪЗНАГРАЖДЕНИЯТА")  # fmt: skip
PERIODS = {"word": "ЗА МЕСЕЦ {WORD} {y} Г.", "digits": "ЗА {mm}.{y} Г.", "roman": "М. {roman}.{y}"}
# the produce a member took in kind: its name, unit, the co-operative's price a unit in 1986's leva (grown with the pay)
# and the quantities a member took
PRODUCE = (("ПШЕНИЦА", "КГ", Decimal("0.16"), (50, 400)), ("ЦАРЕВИЦА", "КГ", Decimal("0.14"), (50, 400)),
           ("ЕЧЕМИК", "КГ", Decimal("0.13"), (50, 300)), ("СЛЪНЧОГЛЕД", "КГ", Decimal("0.30"), (20, 100)),
           ("ВИНО", "Л", Decimal("0.85"), (5, 40)), ("СИРЕНЕ", "КГ", Decimal("2.40"), (1, 10)))  # fmt: skip
DETAIL = ("В Т.Ч. НАТУРА: {what} {qty} {unit} X {price} = {sum}", "НАТУРА {what} {qty} {unit} ПО {price} ЛВ. - {sum}")
PAGE_WORDS = ("СТР. {n}", "ЛИСТ {n}", "- {n} -")
PAGE_SUMS = ("ВСИЧКО СТР. {n}:", "ОБЩО ЛИСТ {n}", "СУМА СТР.{n}")
GRAND = ("ВСИЧКО ЗА ВЕДОМОСТТА:", "ОБЩО ЗА МЕСЕЦА", "ВСИЧКО ЗА ЗВЕНОТО")
SIGNERS = (("ИЗГОТВИЛ:", "ГЛ.СЧЕТОВОДИТЕЛ:", "ПРЕДСЕДАТЕЛ:"), ("СЪСТАВИЛ:", "ПРОВЕРИЛ:", "КАСИЕР:"))
PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480), "W15": (4500, 3300)}  # pixels at 300 dpi: the fanfold cut to A4
# or the wide carriage's 15 x 11 inch fanfold
DESKS = {"oak": (70.0, 110.0, 150.0), "grey": (120.0, 118.0, 112.0), "green": (70.0, 100.0, 60.0)}  # BGR


@dataclass
class AKHabits:
    """One AK file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    cpi: int  # 10, 12 or 17 characters to the inch (the first the table fits at, from this one)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: ".00" or "0.00" (with the decimal)
    bare: bool  # an amount under a lev without its nought (".85")
    period: str  # "word", "digits" or "roman"
    sep: str  # between the columns: "|", ":" or " " (none)
    portrait: bool  # on a portrait sheet where the table fits it
    surname_first: bool  # the register's names printed surname first
    pin: float  # a weak pin's dot row (its height over the baseline, a share of the letters'; 0: none)
    desk: str
    shadow: bool  # the hand's and phone's shadow across the page
    detail: bool  # the produce taken in kind itemised on a line of its own under its member's row
    kind: str = 'ТКЗС "НАПРЕДЪК" С.ЧЕРНИ ОСЪМ'
    ruling: str = "none"  # the program's own (render)


def draw(rng: random.Random) -> AKHabits:
    thousands, decimal = rng.choice(AK_MONEY)
    return AKHabits(
        layout=rng.choice(AK_LAYOUTS), face=GLASSTTY, cpi=rng.choice((10, 12, 12, 17)), thousands=thousands,
        decimal=decimal, zero=rng.choice((".00", "0.00")), bare=rng.random() < 0.5, period=rng.choice(tuple(PERIODS)),
        sep=rng.choice(("|", ":", " ")), portrait=rng.random() < 0.35, surname_first=rng.random() < 0.6,
        pin=rng.choice((0.0, 0.0, 0.3, 0.55)), desk=rng.choice(tuple(DESKS)), shadow=rng.random() < 0.8,
        detail=rng.random() < 0.6,
    )  # fmt: skip


def renamed(name: str, year: int) -> str:
    """The employer's name as printed in ``year``: a district town renamed, from 1992 the liquidation council's."""
    for since, old, new in RENAMED:
        if year >= since:
            name = name.replace(old, new)
    return f"ЛС НА {name}" if year >= 1992 and name.startswith("ТКЗС") else name


def adapt_file(ef: EmployerFile, ak: AKHabits, rng: random.Random) -> None:
    """An AK file: one co-operative's 34-80 members in the register's order (by surname), their names in capitals
    (surname first on some files), each member's post and ledger number."""
    ak.kind = rng.choice(EMPLOYERS)
    ef.employer = renamed(ak.kind, ef.start[0])
    want = rng.randint(34, 80)
    while len(ef.staff) < want:
        ef.staff.append(hire(rng, ef.start[0]))
    del ef.staff[want:]
    for p in ef.staff:
        parts = p.name.upper().split()
        p.name = " ".join([parts[-1], *parts[:-1]] if ak.surname_first else parts)
        p.position = rng.choice(POSTS)
    ef.staff.sort(key=lambda p: (p.name.split()[-1 if not ak.surname_first else 0], p.egn))
    start = rng.randint(10, 900)
    ef.tab_numbers = {p.egn: n for p, n in zip(ef.staff, rng.sample(range(start, start + 3 * want), want), strict=True)}
    ef.layout = ak.layout
    ef.headings = {c: rng.choice(HEADINGS_AK[c]) for c in ef.layout}


def _row(salary: Decimal, days: int, wd: int, norm: int, cols: set[str], rng: random.Random, prices: Decimal) -> dict[str, Any]:
    """One member's month: the base for the days at the norm's per cent, the premium, gross, the deductions' items
    (only those the layout prints where it prints any; the natura a quantity of one produce at the co-operative's
    price, ``produce``), their sum (never above gross), net."""
    base = cents(salary * Decimal(days) / Decimal(wd) * norm / 100) if wd else Decimal(0)
    extra = Decimal(0)
    if "extra_pay" in cols or "base_pay" not in cols:
        extra = cents(base * rng.choice((0, 0, 5, 10, 15, 20, 25)) / 100)
    gross = base + extra
    what, unit, price, took = rng.choice(PRODUCE)
    price = max(Decimal("0.01"), cents(price * prices))  # the year's price
    qty = rng.randint(*took)
    cut = {"tax": cents(gross * rng.randint(40, 90) / 1000),
           "natura": cents(qty * price) if rng.random() < 0.45 else Decimal(0),
           "advance": (cents(salary * Decimal(rng.choice((20, 30, 40))) / 100 / 10) * 10).quantize(Decimal(1))
           if rng.random() < 0.5 else Decimal(0)}  # fmt: skip
    if any(c in cols for c in PARTS):
        cut = {c: (v if c in cols else Decimal(0)) for c, v in cut.items()}
    for dropped in ("advance", "natura", "tax"):  # the cashier holds back no more than the month's gross
        if sum(cut.values(), Decimal(0)) <= gross:
            break
        cut[dropped] = Decimal(0)
    ded = sum(cut.values(), Decimal(0))
    produce = (what, qty, unit, price) if cut["natura"] else None  # what the natura is (its line under the row)
    return {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded,
            "produce": produce, **cut}


def adapt_sheet(sheet: SheetContent, ak: AKHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AK month: each member's row (``_row``), numbered 1.. over the month, the ledger number and the norm's per
    cent where printed, the month's totals; the program's number formats; the words (title, period, unit, page
    words, sums' labels, signers). ``pages`` cuts the month into its pages."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = int(str(old.get("days_paid", wd)))
        norm = rng.randint(82, 135)
        w = _row(salary, days, wd, norm, cols, rng, pay_scale(1986, sheet.year))
        r: dict[str, object] = {"row": len(rows) + 1, "egn": egn, "name": str(old["name"]), "days_paid": days,
                                "position": (person.position if person is not None else POSTS[0]) if "position" in cols else None,
                                "days_worked": days if "days_worked" in cols else None, "norm": norm,
                                "ledger": ef.tab_numbers.get(egn, 0) if ef is not None else 0}  # fmt: skip
        r.update({k: v for k, v in w.items() if k not in MONEY_FIELDS})
        for f in MONEY_FIELDS:
            r[f] = w[f] if f in cols else None
        rows.append(r)
    sheet.rows = rows
    sheet.totals = _sums(rows, cols)
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.period_text = PERIODS[ak.period].format(WORD=word.upper(), roman=data.ROMAN[m - 1], mm=f"{m:02d}", y=y)
    sheet.title = rng.choice(TITLES)
    sheet.employer = renamed(ak.kind, y)
    # the program's number formats: its decimal, from 1991 its thousands' mark, its nought; nothing else of the
    # generic switches; one layout prints no ЕГН: none in its truth (samples/generate.truth_of)
    sheet.thousands_space, sheet.thousands_sep = bool(ak.thousands) and y >= 1991, ak.thousands or " "
    sheet.decimal_comma, sheet.zero_mark, sheet.egn_printed_only = ak.decimal == ",", ak.zero.replace(".", ak.decimal), True
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    sheet.extra["ak_job"] = {"unit": rng.choice(UNITS), "page": rng.choice(PAGE_WORDS), "sums": rng.choice(PAGE_SUMS),
                             "grand": rng.choice(GRAND), "signers": rng.choice(SIGNERS),
                             "head_rule": rng.random() < 0.5, "detail": rng.choice(DETAIL)}  # fmt: skip


def _sums(rows: list[dict[str, object]], cols: set[str]) -> dict[str, Decimal]:
    kept = (*MONEY_FIELDS, *PARTS)
    return {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in kept if f in cols}


def style(ak: AKHabits, rng: random.Random, base: Style) -> None:
    """An AK page's style: the printer's face, no generic ruling or marks (the rest is drawn by family_ak.render)."""
    del rng
    own_drawing(base, ak.face, AK_SIZES["dot_matrix"][0], not ak.portrait)


# --- the month over its pages, printed ---


def amount(v: object, sheet: SheetContent, ak: AKHabits) -> str:
    """How the program prints an amount: the sheet's separators, a nought as the file's, under a lev bare (".85")."""
    s = money_text(amount_or_nought(v), sheet)
    return s[1:] if ak.bare and s.startswith("0") and len(s) > 1 and s[1] in ".," and amount_or_nought(v) else s


def cell(c: str, r: dict[str, object], sheet: SheetContent, ak: AKHabits) -> str:
    if c == "signature":
        return ""
    if c in ("row", "ledger", "norm", "egn", "name", "position", "days_worked"):
        v = r.get(c)
        return "" if v is None else str(v)
    return amount(r.get(c), sheet, ak)


def _least(c: str) -> int:
    return {"row": 3, "ledger": 4, "egn": 10, "name": 16, "position": 8, "signature": 10, "days_worked": 3,
            "norm": 3}.get(c, 6)  # fmt: skip


def fit(sheet: SheetContent, ak: AKHabits) -> tuple[str, int, list[int], int]:
    """The program's column widths (every row of the month, its sums, the headings) and the file's pitch (or the
    first finer one) with the first sheet the table fits on at it, a wide fanfold last: (paper, pixels a character,
    widths, the gap between columns)."""
    cols = sheet.layout
    gap = 3 if ak.sep != " " else 2
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    widths = []
    for j, c in enumerate(cols):
        cells = [len(cell(c, r, sheet, ak)) for r in sheet.rows]
        sums = [len(amount(sheet.totals[c], sheet, ak))] if c in sheet.totals else []
        widths.append(max([len(s) for s in heads[j]] + cells + sums + [_least(c)]))
    end = sum(widths) + gap * (len(cols) - 1)
    for cpi in sorted(c for c in PITCHES if c >= ak.cpi):
        for paper in (*(("A4P",) if ak.portrait else ()), "A4L", "W15"):
            if end * PITCHES[cpi] <= PAPERS[paper][0] - 2 * 160:
                return paper, PITCHES[cpi], widths, gap
    raise AssertionError(f"the table overran the paper: {list(zip(cols, widths, strict=True))}")


def detail(r: dict[str, object], sheet: SheetContent, ak: AKHabits) -> str:
    """The line under a member's row itemising the produce taken in kind where the file prints it ("" none)."""
    produce = r.get("produce")
    if not ak.detail or not isinstance(produce, tuple):
        return ""
    what, qty, unit, price = produce
    job = sheet.extra["ak_job"]
    assert isinstance(job, dict)
    return str(job["detail"]).format(what=what, qty=qty, unit=unit, price=amount(price, sheet, ak), sum=amount(r["natura"], sheet, ak))


def lines(r: dict[str, object], ak: AKHabits) -> int:
    """The printed lines a member's row takes: its own and, where the file itemises the produce, that line."""
    return 2 if ak.detail and r.get("produce") else 1


def _head_lines(sheet: SheetContent) -> int:
    return 8 + max(len(sheet.headings.get(c, c).split("\n")) for c in sheet.layout)


def pages(sheet: SheetContent, ak: AKHabits, rng: random.Random) -> list[SheetContent]:
    """The month cut into the pages the sheet holds: the first with the title and the headings, the rest headless
    (a running line, the rows straight on); each page's totals its own rows' sums (what its foot prints), the month's
    sums (``ak_grand``) on the last; the page number the truth's ``sheet``. ``extra["ak_fit"]``: the paper, pitch,
    widths and gap (one for the whole month)."""
    del rng
    paper, pitch, widths, gap = fit(sheet, ak)
    avail = int((PAPERS[paper][1] - 240 - 160) / LINE)
    foot = 7  # the rule, the page's sums, the month's sums, a blank line, the signers
    first = avail - _head_lines(sheet) - foot
    rest = avail - 3 - foot
    cuts: list[tuple[int, int]] = []
    at = 0
    while at < len(sheet.rows):
        room, b = first if not cuts else rest, at
        while b < len(sheet.rows) and room >= lines(sheet.rows[b], ak):
            room -= lines(sheet.rows[b], ak)
            b += 1
        cuts.append((at, b))
        at = b
    cols = set(sheet.layout)
    out = []
    for k, (a, b) in enumerate(cuts):
        extra = {**sheet.extra, "ak_fit": (paper, pitch, widths, gap), "ak_page": k + 1, "ak_pages": len(cuts),
                 "ak_grand": dict(sheet.totals)}  # fmt: skip
        rows = sheet.rows[a:b]
        out.append(replace(sheet, rows=rows, totals=_sums(rows, cols), sheet=k + 1, extra=extra))
    return out


def render(sheet: SheetContent, st: Style | None, ak: AKHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """One page printed at 300 dpi, six lines to the inch: on the first page the employer, the unit, the title, the
    period and the headings between rules; on the others a running line only; a member a line, the page's sums, on the
    last page the month's sums and the signers; the printer's worn ribbon and weak pin. The signatures' layer goes to
    ``sheet.extra["ak_pen"]``, every printed string's box to ``ak_keep``."""
    del st
    cols = sheet.layout
    job = sheet.extra["ak_job"]
    fitted = sheet.extra["ak_fit"]
    assert isinstance(fitted, tuple)
    paper, pitch, widths, gap = (str(fitted[0]), int(fitted[1]), [int(w) for w in fitted[2]], int(fitted[3]))
    page, n_pages = int(sheet.extra["ak_page"]), int(sheet.extra["ak_pages"])  # type: ignore[call-overload]
    assert isinstance(job, dict)
    W, H = PAPERS[paper]
    starts = [int(s) for s in np.cumsum([0, *(w + gap for w in widths[:-1])])]
    end = starts[-1] + widths[-1]
    side = max(60.0, (W - end * pitch) / 2 + rng.uniform(-40, 40))
    ball = _Typeball(ak, rng, W, H, pitch, side, 240 + rng.uniform(-20, 20))
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    geo = Geometry(W, H)
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    seps = [s - (gap + 1) / 2 for s in starts[1:]]
    bases: list[float] = []  # every printed line's baseline (the weak pin's rows)

    def put(col: float, line: float, s: str, *, keep: bool = True) -> None:
        ball.text(col, line, s, keep=keep)
        bases.append(ball.y(line))

    def box(j: int, line: float) -> list[int]:
        return [int(ball.x(starts[j])) - 4, int(ball.y(line) - 0.8 * LINE), int(ball.x(starts[j] + widths[j])) + 4,
                int(ball.y(line) + 0.3 * LINE)]  # fmt: skip

    def rule(line: float) -> None:
        put(0, line, "-" * end, keep=False)

    def bars(line: float) -> None:
        if ak.sep != " ":
            for sp in seps:
                put(sp, line, ak.sep, keep=False)

    y = 0.0
    word = str(job["page"]).format(n=page)
    if page == 1:
        put(0, y, sheet.employer)
        put(end - len(word), y, word)
        put(0, y + 1, str(job["unit"]))
        put(max(0, (end - len(sheet.title)) // 2), y + 3, sheet.title)
        put(max(0, (end - len(sheet.period_text)) // 2), y + 4, sheet.period_text)
        y += 6
        rule(y - 0.5)
        n_head = max(len(h) for h in heads)
        for j in range(len(cols)):
            for k, s in enumerate(heads[j]):
                put(starts[j] + (widths[j] - len(s)) // 2, y + k, s)
            geo.cells.append((0, j, [box(j, y)[0], box(j, y)[1], box(j, y)[2], box(j, y + n_head - 1)[3]],
                              " ".join(heads[j])))  # fmt: skip
        for k in range(n_head):
            bars(y + k)
        y += n_head
        rule(y - 0.5)
    else:  # the running line: the program's page heading, no column headings
        head = f"{sheet.employer}  {sheet.period_text}"
        put(0, y, head)
        put(end - len(word), y, word)
        y += 2
        if job["head_rule"]:
            rule(y - 0.5)
    xl, xr = int(ball.x(0)) - 8, int(ball.x(end)) + 8
    top_line = y
    name_j = cols.index("name")
    sig_j = cols.index("signature") if "signature" in cols else -1
    for i, r in enumerate(sheet.rows):
        for j, c in enumerate(cols):
            s = cell(c, r, sheet, ak)
            if s:
                put(starts[j] + (0 if c in ("name", "position") else widths[j] - len(s)), y, s)
            if c in ("row", "egn", "name", "position", "days_worked", *MONEY_FIELDS):
                geo.cells.append((i + 1, j, box(j, y), s))
        bars(y)
        if sig_j >= 0 and rng.random() < 0.85:
            signature(pen, ball.x(starts[sig_j]), ball.y(y) - 0.3 * LINE, widths[sig_j] * pitch, rng)
        ya = int(ball.y(y) - 0.85 * LINE)
        note = detail(r, sheet, ak)
        if note:  # the produce's line under the row (the row's)
            y += 1
            put(min(starts[name_j] + 2, max(0, end - len(note))), y, note)
        yb = int(ball.y(y) + 0.3 * LINE)
        geo.row_bboxes.append([xl, ya, xr, yb])
        geo.row_polygons.append(rect_polygon(xl + 2, ya + 2, xr - 2, yb - 2))
        y += 1
    geo.table_bbox = [xl, int(ball.y(top_line) - 0.9 * LINE), xr, int(ball.y(y) + 0.4 * LINE)]
    rule(y - 0.5)

    def sums_line(label: str, sums: dict[str, Decimal], line: float, n_row: int | None) -> None:
        put(starts[name_j], line, label)
        for j, c in enumerate(cols):
            if c in sums:
                s = amount(sums[c], sheet, ak)
                put(starts[j] + widths[j] - len(s), line, s)
                if n_row is not None:
                    geo.cells.append((n_row, j, box(j, line), s))

    sums_line(str(job["sums"]).format(n=page), sheet.totals, y, len(sheet.rows) + 1)
    y += 1
    if page == n_pages:
        if n_pages > 1:
            grand = sheet.extra["ak_grand"]
            assert isinstance(grand, dict)
            sums_line(str(job["grand"]), grand, y, None)
        y += 2
        for k, who in enumerate(job["signers"]):  # the printed word, signed on the line under it
            at = round(k * end / 3)
            put(at, y, str(who))
            signature(pen, ball.x(at), ball.y(y + 1) - 0.5 * LINE, (len(who) + 4) * pitch, rng)
        y += 1
    assert ball.y(y) < H - 80, "the page's lines overran its paper"
    ink = ball.ink
    if ak.pin:  # a weak pin: its dot row printed faint on every line
        em = pitch * 1.6
        for b in set(bases):
            row = int(b - ak.pin * 0.7 * em)
            ink[max(0, row - int(em / 14)) : row + int(em / 14) + 1] *= 0.45
    ribbon = smooth_field(H, W, rng, 0.62, 1.0, 5)  # the worn ribbon's paler patches
    sheet.extra["ak_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ak_keep"] = list(ball.boxes)
    return typed_page(ink * ribbon), geo


# --- the phone's photograph on the desk ---


@dataclass
class AKPage:
    ak: AKHabits
    seed: int
    pen: np.ndarray  # the signatures' ballpoint (255 none)
    angle: float  # the sheet turned on the desk (degrees)
    shear: float  # the phone held a little off square


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ak: AKHabits, rng: random.Random) -> AKPage:
    """The page's photograph decided: its turn and skew on the desk (the shadow and the light are drawn at ``scan``
    from the page's own seed)."""
    del img, geo
    pen = sheet.extra["ak_pen"]
    assert isinstance(pen, np.ndarray)
    return AKPage(ak, rng.randrange(1 << 30), pen, rng.uniform(-2.5, 2.5), rng.uniform(-0.025, 0.025))


def flat(a: np.ndarray, page: AKPage) -> np.ndarray:
    """The printed sheet with its signatures, unphotographed (``--pristine``): grey, the ink on white."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def shadow(h: int, w: int, rng: random.Random) -> np.ndarray:
    """The hand's and the phone's shadow (0 none .. 1 the darkest), coming in from one edge: a forearm's band and
    the hand and phone at its end, soft edged (the lamp is no point)."""
    mask = np.zeros((h, w), np.float32)
    edge = rng.choice(("bottom", "right", "left"))
    reach = rng.uniform(0.25, 0.5)
    along = rng.uniform(0.3, 0.7)
    if edge == "bottom":
        x0, y0, x1, y1 = along * w, h + 50.0, along * w + rng.uniform(-0.2, 0.2) * w, h * (1 - reach)
    elif edge == "right":
        x0, y0, x1, y1 = w + 50.0, along * h, w * (1 - reach), along * h + rng.uniform(-0.2, 0.2) * h
    else:
        x0, y0, x1, y1 = -50.0, along * h, w * reach, along * h + rng.uniform(-0.2, 0.2) * h
    arm = int(min(h, w) * rng.uniform(0.09, 0.13))
    cv2.line(mask, (int(x0), int(y0)), (int(x1), int(y1)), 1.0, arm)
    cv2.ellipse(mask, (int(x1), int(y1)), (int(arm * 1.1), int(arm * 0.8)), rng.uniform(0, 180), 0, 360, 1.0, -1)
    px, py = x1 + (x1 - x0) * 0.12, y1 + (y1 - y0) * 0.12  # the phone beyond the hand
    cv2.ellipse(mask, (int(px), int(py)), (int(arm * 0.9), int(arm * 0.55)), rng.uniform(0, 180), 0, 360, 1.0, -1)
    return np.asarray(cv2.GaussianBlur(mask, (0, 0), min(h, w) * rng.uniform(0.012, 0.03)), np.float32)


LAMP = (0.80, 0.93, 1.0)  # the lamp's warm light (B, G, R shares)
PRINT = (48.0, 44.0, 46.0)  # the ribbon's black
BALLPOINT = (150.0, 60.0, 40.0)


def scan(a: np.ndarray, page: AKPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The sheet photographed on the desk: the paper lit by the warm lamp unevenly, the print and the signatures, the
    hand's and the phone's shadow (the paper there down to about half its light, the print still darker), the desk
    round it; turned and skewed a little, about 200 dpi of the sheet, a little soft, JPEG-compressed and decoded.
    Returns the RGB image, the 2x3 map from the drawn page to it, its dpi and no bend."""
    ak = page.ak
    rng = random.Random(page.seed)
    H, W = a.shape
    light = smooth_field(H // 4, W // 4, rng, 0.78, 1.0, 4)
    if ak.shadow:
        light = light * (1.0 - rng.uniform(0.35, 0.5) * shadow(H // 4, W // 4, rng))
    light = np.asarray(cv2.resize(light, (W, H), interpolation=cv2.INTER_LINEAR), np.float32)
    ink = (255.0 - a) / 255.0
    pen = (255.0 - page.pen.astype(np.float32)) / 255.0
    out = np.empty((H, W, 3), np.uint8)
    for ch in range(3):
        o = 238.0 * (1.0 - ink) + PRINT[ch] * ink
        o = o * (1.0 - pen) + BALLPOINT[ch] * pen
        out[..., ch] = np.clip(o * light * LAMP[ch], 0, 255).astype(np.uint8)
    del light, ink, pen
    f = 200 / 300
    pad = 60
    size = (int((W + 2 * pad) * f), int((H + 2 * pad) * f))
    m = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, f)
    m[0, 1] += page.shear * f  # the phone a little off square: a skew
    m[:, 2] += np.array([size[0] / 2 - W / 2, size[1] / 2 - H / 2])
    m[0, 2] -= page.shear * f * H / 2
    desk = tuple(float(v) for v in DESKS[ak.desk])
    img = np.asarray(cv2.warpAffine(out, m, size, flags=cv2.INTER_AREA, borderValue=desk), np.uint8)
    del out
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 0.9)), np.uint8)
    noisy = img.astype(np.float32) + np_rng.normal(0.0, 0.8, img.shape).astype(np.float32)
    img = np.clip(np.round(noisy), 0, 255).astype(np.uint8)
    ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(70, 88)])
    if not ok:
        raise RuntimeError("family AK: the phone's JPEG could not be encoded")
    # the one page decoder (scanner_drivers.intake), as family X: mode "RGB" decodes once, as BGR
    img = np.asarray(decode_image(enc.tobytes(), name="family AK: the phone's JPEG", mode="RGB"), np.uint8)
    return np.asarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), np.uint8), np.asarray(m, np.float64), 200, None
