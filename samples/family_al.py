"""Family AL of the sample generator (held out from its making in session 35, 2026-12-07, helper s45-famal, before
anything was tuned on AK, to its one measurement by the lead at the start of session 36, then a development family; evaluation seed 2061, development seeds
30001-30040): the monthly payroll of 1980-1996 of a works that closed without a successor and paid its people under two
pay systems (a bread works, a mine, a construction trust's building and assembly site, a shoe or sewing works of a
trade-production co-operative, a brickworks, a canning works, a bus depot's repair shop; Толбухин and Михайловград
renamed in their years), typed by its payroll clerk on an office typewriter ("Марица": fonts-morisawa-bizud-mincho's BIZ
UD Mincho cut to a pica, elite or micro-elite pitch, 10, 12 or 15 to the inch, the finer where the table fits no other
way; a black or a two-colour ribbon, the sections' titles and subtotals in its red half on some files), ruled in ink
with a ruler.

What makes AL's fields hard (new): the sheet holds two sections, one under the other, each under its own column
headings: the piece-rate workers ("на акорд", "сделна заработка по наряди": the norm-hours they produced, a column of no
payroll-page/1 field, and their earnings by the work orders as the base pay, the premium) and the time-rate workers and
staff ("на щатна заплата": the days worked, the post's monthly salary, a column of no field, the base for the days, the
supplement for years of service). Their column sets and orders differ (the ЕГН before or after the name, the post in one
section only, the days in one or both, the deductions itemised — ДОД, the union's fee, the advance, a ДСК loan's
instalment, their sum ``deductions`` — in one section and only their total in the other, or other items in each), so
gross and net stand at other places in the second section than in the first: the columns change mid-sheet at a second
heading row (the truth's days or post null for a section that prints none). The rows are numbered on across the sections
(the truth's row the printed number); each section ends with its own subtotal ("Всичко по раздел I": no truth, it is no
person and not the sheet's totals), and the sheet with the grand total over both ("ВСИЧКО ПО ВЕДОМОСТТА", typed under
the second section's columns, only the pay fields both sections print: the truth's totals). Which section comes first
differs by file. The base of a piece-rate row is its norm-hours at the work's rate (no rate printed), of a time-rate row
the salary for the days worked; gross = base + premium or supplement where the file prints them (both sections or
neither), net = gross - deductions; every layout prints the ЕГН.

The damage (new): the sheet was consulted for years by the employer's and then the archive's clerks issuing
certificates of service and income: the rows of the people asked about marked with a highlighter (yellow, green, pink or
orange; a chisel tip's band over the name or across the whole row, streaky, darker where two strokes overlap; the
typing under it always darker than the band), a pencil tick in the left margin beside them, a pencil line under the
name (in the gap under the typing, never through it) and, beside the row in the right margin, a pencilled note: the
certificate issued ("УП-2 изд.", "изд. удост. 14.03.03") or the person's gross copied for it (a figure outside the
table: no field). Scanned on a flatbed a little turned, in grey at 300 dpi (the highlighter a grey band) or in colour
at 200 dpi, an A3 sheet grey at 200 (under ~5 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import content, data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, money_text, pay_scale, working_days
from .family_ah import LINE, _Typeball
from .family_ai import own_drawing
from .family_ai import renamed as ai_renamed
from .family_t import T_HANDS, Hand
from .handwork import flatbed_mode, on_the_glass, seen_by, signature, smooth_field, typed_page
from .render import FONT_DIR, Geometry, Painter, Style, rect_polygon

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)
OTHER = ("norm_hours", "rate", "signature")  # printed columns that are no payroll-page/1 field

# (the piece-rate section's layout, the time-rate section's): their money fields the same but for the itemised parts
SECTIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("row", "name", "egn", "norm_hours", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee", "advance",
      "deductions", "net_pay", "signature"),
     ("row", "egn", "name", "position", "days_worked", "rate", "base_pay", "extra_pay", "gross_pay", "deductions",
      "net_pay", "signature")),
    (("row", "egn", "name", "position", "days_worked", "norm_hours", "base_pay", "gross_pay", "tax", "advance",
      "deductions", "net_pay"),
     ("row", "name", "egn", "days_worked", "rate", "base_pay", "gross_pay", "deductions", "net_pay")),
    (("row", "name", "egn", "days_worked", "norm_hours", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
      "signature"),
     ("row", "egn", "name", "position", "rate", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "loan",
      "advance", "deductions", "net_pay", "signature")),
    (("row", "egn", "name", "norm_hours", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee", "deductions",
      "net_pay"),
     ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "union_fee",
      "deductions", "net_pay")),
)  # fmt: skip
AL_LAYOUTS: tuple[tuple[str, ...], ...] = tuple(lay for pair in SECTIONS for lay in pair)

# each column's words in the piece-rate section (the first) and in the time-rate one (the second)
HEADINGS_PIECE: dict[str, tuple[str, ...]] = {
    "row": ("Ред\nно", "№\nв ред"),
    "egn": ("ЕГН на\nакордника", "Единен\nгражд. №"),
    "name": ("Презиме, име\nи фамилия на акордника", "Акордьор\n(трите имена)"),
    "position": ("Профе-\nсия", "Специал-\nност"),
    "days_worked": ("Дни\nна акорд", "Изл.\nдни"),
    "norm_hours": ("Изработени\nнорма-\nчасове", "Н-ч по\nнаряди"),
    "base_pay": ("Заработка\nпо наряди", "Сделна\nзаработка"),
    "extra_pay": ("Премия\nот ФРЗ", "Премии\nза пре-\nизпълн."),
    "gross_pay": ("Всичко\nзаработено", "Заработено\nобщо"),
    "tax": ("Данък\nобщ доход", "ДОД\nакорд"),
    "union_fee": ("Проф.\nчл.внос", "Член.\nвнос ПС"),
    "advance": ("Аванс\nI-ва пол.", "Аванс\nвзет"),
    "deductions": ("Удръжки\nобщо", "Сума\nудръжки"),
    "net_pay": ("Остава\nза получ.", "Получава\nна ръка"),
    "signature": ("Подпис на\nполучателя", "Разпис-\nка ак."),
}
HEADINGS_TIME: dict[str, tuple[str, ...]] = {
    "row": ("По\nред", "Ред\n№"),
    "egn": ("ЕГН\nна лицето", "ЕГН\nслужител"),
    "name": ("Име, бащино и\nфамилно име", "Служител\n(име и фамилия)"),
    "position": ("Щатна\nдлъжност", "Длъжност\nпо щат"),
    "days_worked": ("Прис.\nдни", "Явил се\nдни"),
    "rate": ("Щатна\nзаплата", "Месечна\nставка"),
    "base_pay": ("Заплата\nза прис.\nдни", "Заработено\nпо щат"),
    "extra_pay": ("Доб. за\nпрослуж.\nвреме", "Клас за\nстаж"),
    "gross_pay": ("Всичко\nполага се", "Сума\nначислена"),
    "tax": ("ДОД\nщатни", "Данък\nвърху\nдохода"),
    "union_fee": ("Проф.\nвнос", "ПС\nвнос"),
    "loan": ("ДСК\nмес. вн.", "Заем от\nДСК м."),
    "advance": ("Аванс\nполучен", "Взет\nаванс пол."),
    "deductions": ("Удържа\nсе всичко", "Удръжки\nвсичко щ."),
    "net_pay": ("За\nполучаване\nв брой", "Остатък\nза раздаване"),
    "signature": ("Подпис\nна лицето", "Получил"),
}
HEADINGS_AL: dict[str, tuple[str, ...]] = {c: HEADINGS_PIECE.get(c, ()) + HEADINGS_TIME.get(c, ())
                                           for c in (*HEADINGS_PIECE, *HEADINGS_TIME)}  # fmt: skip

MINCHO = "bizud-mincho/BIZUDMincho-Regular.ttf"
# a font package none of A-AK uses (scripts/setup.sh: fonts-morisawa-bizud-mincho): its Cyrillic cut to the typewriter's
# pitch, the office typewriter's pica type
AL_FACES: dict[str, tuple[str, ...]] = {"typewriter": (MINCHO,)}
AL_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AL_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)
PITCHES = {10: 30, 12: 25, 15: 20}  # characters to the inch -> pixels at 300 dpi
PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480), "A3L": (4961, 3508)}  # pixels at 300 dpi

# the works, the trades of its piece-rate workers and the posts of its staff
WORKS = (
    ("Хлебозавод „Изгрев“ – гр. Ботевград", ("тестомесач", "пекар", "фурнаджия", "опаковач", "разносвач")),
    ("Рудник „Ораново“ при ДМП „Черно море“", ("забойчик", "крепач", "миньор", "откаточник", "взривник")),
    ("СМУ-3 при Строителен трест – Михайловград", ("зидар", "кофражист", "арматурист", "мазач", "бетонджия")),
    ("ТПК „Шивашка“ – гр. Толбухин", ("шивачка", "кройкач", "гладачка", "шивачка", "надомница")),
    ("Обувна фабрика „Христо Ботев“ – гр. Кърджали", ("обущар", "кройкач", "заготвач", "монтажник", "лепач")),
    ("Тухларна фабрика „Победа“ – с. Злокучене", ("формовчик", "пещар", "товарач", "садач", "изваждач")),
    ("Консервен завод „Марица“ – гр. Пловдив", ("работничка", "сортировачка", "стерилизатор", "пълначка", "мияч")),
    ("ДАП – Толбухин, ремонтна работилница", ("автомонтьор", "стругар", "заварчик", "тенекеджия", "ел. техник")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"))
STAFF_POSTS = ("счетоводител", "касиер", "майстор", "технолог", "пазач", "чистачка", "огняр", "шофьор", "склададжия",
               "нормировчик", "ТРЗ", "началник цех")  # fmt: skip
TITLES = ("Разчетно-платежна ведомост", "Ведомост за заплатите на работниците и служителите",
          "Ведомост за изплащане на заработките")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {roman}. {y} г.", "за {mm}.{y} г.")
PIECE_TITLES = ("Работници на акорд (сделна заработка по наряди)", "Акордни работници", "Сделна работна заплата")
TIME_TITLES = ("Работници и служители на щатна заплата", "Щатен персонал (повременна заплата)",
               "Служители и помощен персонал")  # fmt: skip
NUMBERS = (("I.", "II."), ("А.", "Б."), ("Раздел I –", "Раздел II –"))
SUBTOTALS = ("Всичко по раздел {n}", "Сума раздел {n}:", "Итого {n}")
GRAND = ("ВСИЧКО ПО ВЕДОМОСТТА:", "Всичко за предприятието:", "ОБЩО I + II:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Директор:"), ("ТРЗ:", "Гл. счетоводител:", "Касиер:"))
NOTES = ("УП-2 изд.", "изд. удост. {d:02d}.{m:02d}.{yy:02d}", "УП-3", "вх.№ {n}", "{gross}")  # the consulting clerks'
# pencilled notes beside a row ({gross}: the person's gross copied for a certificate)
# highlighters' share of the light they let through (R, G, B)
HIGHLIGHTERS = {"yellow": (1.0, 0.96, 0.32), "green": (0.60, 0.97, 0.45), "pink": (1.0, 0.55, 0.78),
                "orange": (1.0, 0.72, 0.35)}  # fmt: skip
RIBBON = (40.0, 38.0, 44.0)  # the ribbon's black (B, G, R)
RED = (40.0, 40.0, 175.0)  # its red half
PEN_INK = (120.0, 50.0, 30.0)  # the rules' and signatures' ink
PENCIL = (95.0, 95.0, 100.0)


@dataclass
class ALHabits:
    """One AL file's switches, drawn once per file."""

    pair: int  # which of SECTIONS
    piece_first: bool  # the piece-rate section printed first
    face: str
    cpi: int  # 10, 12 or 15 to the inch (15 where the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    numbers: int  # which of NUMBERS
    spacing: float  # lines between two rows (1, 1.5 or 2; less where the page would overflow)
    red: bool  # the sections' titles and subtotals in the ribbon's red half
    grey: bool  # scanned grey at 300 dpi; else colour at 200 (an A3 sheet grey at 200 either way)
    marker: str  # the highlighter's colour
    consulted: float  # the share of rows the clerks marked
    kind: str = WORKS[0][0]
    trades: tuple[str, ...] = WORKS[0][1]
    piece: set[str] = field(default_factory=set)  # the ЕГН of the piece-rate workers
    ruling: str = "none"  # ruled in ink by family_al.render


def draw(rng: random.Random) -> ALHabits:
    thousands, decimal = rng.choice(AL_MONEY)
    return ALHabits(
        pair=rng.randrange(len(SECTIONS)), piece_first=rng.random() < 0.7, face=MINCHO, cpi=rng.choice((10, 12, 12, 15, 15)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        numbers=rng.randrange(len(NUMBERS)), spacing=rng.choice((1.0, 1.5, 1.5, 2.0)), red=rng.random() < 0.45,
        grey=rng.random() < 0.65, marker=rng.choice(tuple(HIGHLIGHTERS)), consulted=rng.uniform(0.08, 0.3),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, al: ALHabits, rng: random.Random) -> None:
    """An AL file: a works' 10-20 people, about three in five of them on piece rates (their trade the post), the rest
    on salaries (a staff post)."""
    al.kind, al.trades = rng.choice(WORKS)
    ef.employer = ai_renamed(al.kind, ef.start[0], RENAMED)
    want = rng.randint(10, 20)
    while len(ef.staff) < want:
        ef.staff.append(content.hire(rng, ef.start[0]))
    del ef.staff[want:]
    n_piece = max(3, min(want - 3, round(want * rng.uniform(0.45, 0.7))))
    al.piece = {p.egn for p in ef.staff[:n_piece]}
    for p in ef.staff:
        p.position = rng.choice(al.trades) if p.egn in al.piece else rng.choice(STAFF_POSTS)
    ef.layout = SECTIONS[al.pair][1]
    ef.headings = {}


def sections(al: ALHabits) -> list[tuple[str, tuple[str, ...]]]:
    """The sheet's sections in print order: (its kind, "piece" or "time", its layout)."""
    piece, time = SECTIONS[al.pair]
    out = [("piece", piece), ("time", time)]
    return out if al.piece_first else out[::-1]


def _row(salary: Decimal, days: int, wd: int, kind: str, cols: set[str], loan: Decimal, rng: random.Random) -> dict[str, Any]:
    """One person's month in its section: a piece-rate worker's norm-hours (the days at 8 hours at the norm's per cent)
    at the work's rate, a premium; a time-rate one's salary for the days, the supplement for years of service; gross;
    the deductions' items (only those the section prints where it prints any), their sum (never above gross); net."""
    if kind == "piece":
        hours = round(days * 8 * rng.randint(88, 135) / 100)
        base = cents(salary / Decimal(wd * 8) * hours) if wd else Decimal(0)
        extra = cents(base * rng.choice((0, 5, 10, 12, 15, 20, 25)) / 100)
        rate = None
    else:
        hours = None
        rate = salary.quantize(Decimal(1))
        base = cents(rate * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        extra = cents(base * rng.choice((0, 2, 4, 6, 8, 10, 12, 15)) / 100)
    if "extra_pay" not in cols:
        extra = Decimal(0)
    gross = base + extra
    cut = {"tax": cents(gross * rng.randint(45, 110) / 1000), "union_fee": cents(gross / 100),
           "advance": (cents(salary * Decimal(rng.choice((20, 30, 40))) / 100 / 10) * 10).quantize(Decimal(1))
           if rng.random() < 0.55 else Decimal(0), "loan": loan}  # fmt: skip
    if any(c in cols for c in PARTS):
        cut = {c: (v if c in cols else Decimal(0)) for c, v in cut.items()}
    for dropped in ("loan", "advance", "union_fee", "tax"):  # the cashier holds back no more than the month's gross
        if sum(cut.values(), Decimal(0)) <= gross:
            break
        cut[dropped] = Decimal(0)
    ded = sum(cut.values(), Decimal(0))
    return {"norm_hours": hours, "rate": rate, "base_pay": base, "extra_pay": extra, "gross_pay": gross,
            "deductions": ded, "net_pay": gross - ded, **cut}  # fmt: skip


def adapt_sheet(sheet: SheetContent, al: ALHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AL month: the present people cut into the two sections (print order), each row worked out (``_row``),
    numbered on across the sections; each section's subtotals (``al_sub``), the sheet's totals the grand total over
    both of the pay fields both print; the file's number formats and words."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    secs = sections(al)
    rows: list[dict[str, object]] = []
    subs: list[dict[str, Decimal]] = []
    groups = {kind: [r for r in sheet.rows if (str(r["egn"]) in al.piece) == (kind == "piece")] for kind, _ in secs}
    for kind, other in (("piece", "time"), ("time", "piece")):
        if not groups[kind]:  # a section is never empty: the other's last person of the month is moved to it
            groups[kind] = [groups[other].pop()]
    for k, (kind, lay) in enumerate(secs):
        cols = set(lay)
        first = len(rows)
        for old in groups[kind]:
            egn = str(old["egn"])
            person = staff.get(egn)
            salary = (person.salary if person is not None else Decimal(200)) * scale
            days = int(str(old.get("days_paid", wd)))
            loan = Decimal(rng.choice((15, 20, 25, 30, 40))) if int(egn[-2:]) % 3 == 0 else Decimal(0)
            w = _row(salary, days, wd, kind, cols, loan, rng)
            r: dict[str, object] = {"row": len(rows) + 1, "egn": egn, "name": str(old["name"]), "days_paid": days,
                                    "section": k, "position": (person.position if person else None) if "position" in cols else None,
                                    "days_worked": days if "days_worked" in cols else None}  # fmt: skip
            r.update({c: v for c, v in w.items() if c not in MONEY_FIELDS})
            for f in MONEY_FIELDS:
                r[f] = w[f] if f in cols else None
            rows.append(r)
        subs.append(_sums(rows[first:], cols))
    common = [f for f in MONEY_FIELDS if all(f in lay for _, lay in secs)]
    sheet.rows = rows
    sheet.layout = secs[-1][1]
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in common}
    m, y = sheet.month, sheet.year
    sheet.period_text = PERIODS[al.period].format(word=data.MONTHS[m - 1], roman=data.ROMAN[m - 1], mm=f"{m:02d}", y=y)
    sheet.title = rng.choice(TITLES)
    sheet.employer = ai_renamed(al.kind, y, RENAMED)
    # the typist's number formats: its decimal, from 1991 its thousands' mark, its nought; every layout prints the ЕГН
    sheet.thousands_space, sheet.thousands_sep = bool(al.thousands) and y >= 1991, al.thousands or " "
    sheet.decimal_comma, sheet.zero_mark = al.decimal == ",", al.zero.replace(",", al.decimal)
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    heads = []
    for kind, lay in secs:
        words = HEADINGS_PIECE if kind == "piece" else HEADINGS_TIME
        heads.append({c: rng.choice(words[c]) for c in lay})
    num = NUMBERS[al.numbers]
    sheet.extra["al_job"] = {
        "heads": heads, "sub": subs, "titles": [f"{num[k]} {rng.choice(PIECE_TITLES if kind == 'piece' else TIME_TITLES)}"
                                               for k, (kind, _) in enumerate(secs)],
        "subtotal": rng.choice(SUBTOTALS), "grand": rng.choice(GRAND), "signers": rng.choice(SIGNERS),
        "sheet_word": rng.choice(("Лист № {n}", "Лист {n}", "стр. {n}")),
    }  # fmt: skip


def _sums(rows: list[dict[str, object]], cols: set[str]) -> dict[str, Decimal]:
    """A section's subtotals: its money columns, its itemised deductions and its norm-hours."""
    out = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *PARTS) if f in cols}
    if "norm_hours" in cols:
        out["norm_hours"] = Decimal(sum(int(str(r["norm_hours"])) for r in rows))
    return out


def style(al: ALHabits, rng: random.Random, base: Style) -> None:
    """An AL page's style: the typewriter's face, no generic ruling or marks (the rest is drawn by family_al.render)."""
    del rng
    own_drawing(base, al.face, AL_SIZES["typewriter"][0], True)


# --- the sheet typed ---


def amount(v: object, sheet: SheetContent) -> str:
    return money_text(amount_or_nought(v), sheet)


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    if c == "signature":
        return ""
    if c in ("row", "egn", "name", "position", "days_worked", "norm_hours"):
        v = r.get(c)
        return "" if v is None else str(v)
    if c == "rate":
        return amount(r.get(c), sheet) if r.get(c) is not None else ""
    return amount(r.get(c), sheet)


def _least(c: str) -> int:
    return {"row": 3, "egn": 10, "name": 18, "position": 10, "signature": 10, "days_worked": 3}.get(c, 6)


def widths_of(sheet: SheetContent, k: int, lay: tuple[str, ...], heads: dict[str, str]) -> list[int]:
    """A section's column widths in characters: its headings, its rows, its subtotals and, for the last section, the
    grand total."""
    job = sheet.extra["al_job"]
    assert isinstance(job, dict)
    sub = job["sub"][k]
    rows = [r for r in sheet.rows if r["section"] == k]
    out = []
    for c in lay:
        cells = [len(cell(c, r, sheet)) for r in rows]
        sums = [len(amount(sub[c], sheet))] if c in sub else []
        if k == len(job["heads"]) - 1 and c in sheet.totals:
            sums.append(len(amount(sheet.totals[c], sheet)))
        out.append(max([len(s) for s in heads[c].split("\n")] + cells + sums + [_least(c)]))
    return out


def _lines(sheet: SheetContent, spacing: float) -> float:
    """The lines the sheet takes at ``spacing``: the header, each section's title, headings, rows and subtotal, the
    grand total and the signers."""
    job = sheet.extra["al_job"]
    assert isinstance(job, dict)
    n = 6.0 + 5.0
    for h in job["heads"]:
        n += 2.5 + max(len(s.split("\n")) for s in h.values()) + 1.5
    return n + spacing * len(sheet.rows)


def fit(sheet: SheetContent, al: ALHabits) -> tuple[str, int, float, list[list[int]]]:
    """The paper, the pitch (the file's or a finer one), the rows' spacing (the file's or closer) and the sections'
    widths the sheet fits at: an A4 sheet, portrait or landscape, at the file's pitch or elite, else an A3 one,
    else the micro-elite 15 to the inch."""
    job = sheet.extra["al_job"]
    assert isinstance(job, dict)
    secs = sections(al)
    widths = [widths_of(sheet, k, lay, job["heads"][k]) for k, (_, lay) in enumerate(secs)]
    end = max(sum(w) + 2 * (len(w) - 1) for w in widths)
    typed = sorted(c for c in PITCHES if al.cpi <= c < 15)  # the file's pica or elite; the micro-elite last
    a4 = ("A4P", "A4L")
    for paper, cpi in [*((p, c) for c in typed for p in a4), *(("A3L", c) for c in typed),
                       *((p, 15) for p in (*a4, "A3L"))]:  # fmt: skip
        W, H = PAPERS[paper]
        if end * PITCHES[cpi] > W - 2 * 150:
            continue
        for spacing in sorted({s for s in (2.0, 1.5, 1.0) if s <= al.spacing}, reverse=True):
            if _lines(sheet, spacing) * LINE <= H - 200 - 180:
                return paper, PITCHES[cpi], spacing, widths
    raise AssertionError(f"the sheet overran the paper: {widths}")


def type_headings(ball: _Typeball, geo: Geometry, heads: list[list[str]], starts: list[int], ws: list[int],
                  y: float) -> int:  # fmt: skip
    """The columns' headings (their lines) typed centred in their columns from the line ``y``, each a cell of row 0 of
    ``geo``; gives the lines they take (AL's sections', AM's sheet's)."""
    n_head = max(len(h) for h in heads)
    for j in range(len(heads)):
        for q, s in enumerate(heads[j]):
            ball.text(starts[j] + (ws[j] - len(s)) // 2, y + q, s)
        geo.cells.append((0, j, [int(ball.x(starts[j])), int(ball.y(y) - 0.8 * LINE), int(ball.x(starts[j] + ws[j])),
                                 int(ball.y(y + n_head - 1) + 0.3 * LINE)], " ".join(heads[j])))  # fmt: skip
    return n_head


def type_cells(ball: _Typeball, geo: Geometry, n: int, lay: tuple[str, ...], texts: list[str], starts: list[int],
               ws: list[int], y: float) -> None:  # fmt: skip
    """Row ``n``'s strings typed in its columns on the line ``y`` (the name and post from the column's left, the rest to
    its right), each field's a cell of row ``n`` of ``geo``."""
    for j, (c, s) in enumerate(zip(lay, texts, strict=True)):
        if s:
            ball.text(starts[j] + (0 if c in ("name", "position") else ws[j] - len(s)), y, s)
        if c in ("row", "egn", "name", "position", "days_worked", *MONEY_FIELDS):
            geo.cells.append((n, j, [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                     int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y) + 0.3 * LINE)], s))  # fmt: skip


def render(sheet: SheetContent, st: Style | None, al: ALHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi: the employer and the sheet's number, the title and period; each section's title,
    its headings between ruled lines, its rows (numbered on), its subtotal; the grand total under the last section's
    columns, the signers; the grid ruled in ink per section. The pen's layer (rules, signatures) goes to
    ``sheet.extra["al_pen"]``, the red half's typing to ``al_red``, every typed string's box to ``al_keep``."""
    del st
    job = sheet.extra["al_job"]
    assert isinstance(job, dict)
    paper, pitch, spacing, widths = fit(sheet, al)
    W, H = PAPERS[paper]
    secs = sections(al)
    gap = 2
    end = max(sum(w) + gap * (len(w) - 1) for w in widths)
    side = max(120.0, (W - end * pitch) / 2 + rng.uniform(-30, 30))
    ball = _Typeball(al, rng, W, H, pitch, side, 200 + rng.uniform(-20, 20))
    red = _Typeball(al, rng, W, H, pitch, side, ball.top)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    geo = Geometry(W, H)

    def rule(x0: float, x1: float, y: float) -> None:
        wob = rng.uniform(-1.5, 1.5)
        pen.line([(x0, y), (x1, y + wob)], fill=rng.randint(30, 70), width=3)

    y = 0.0
    ball.text(0, y, sheet.employer)
    word = str(job["sheet_word"]).format(n=sheet.sheet)
    ball.text(end - len(word), y, word)
    ball.text(max(0, (end - len(sheet.title)) // 2), y + 2, sheet.title)
    ball.text(max(0, (end - len(sheet.period_text)) // 2), y + 3, sheet.period_text)
    y += 5
    top_table = ball.y(y) - 0.9 * LINE
    n = 0
    for k, (_kind, lay) in enumerate(secs):
        ws = widths[k]
        starts = [int(s) for s in np.cumsum([0, *(w + gap for w in ws[:-1])])]
        sec_end = starts[-1] + ws[-1]
        heads = [job["heads"][k][c].split("\n") for c in lay]
        (red if al.red else ball).text(0, y, str(job["titles"][k]))
        y += 1.5
        xl, xr = ball.x(-0.5), ball.x(sec_end + 0.5)
        y_top = ball.y(y) - 0.95 * LINE
        rule(xl, xr, y_top)
        n_head = type_headings(ball, geo, heads, starts, ws, y)
        y += n_head
        rule(xl, xr, ball.y(y) - 0.95 * LINE + 4)
        y += 0.15
        rows = [r for r in sheet.rows if r["section"] == k]
        for r in rows:
            n += 1
            type_cells(ball, geo, n, lay, [cell(c, r, sheet) for c in lay], starts, ws, y)
            if "signature" in lay and rng.random() < 0.85:
                j = lay.index("signature")
                signature(pen, ball.x(starts[j]), ball.y(y) - 0.3 * LINE, ws[j] * pitch, rng)
            ya = int(ball.y(y) - 0.85 * LINE)
            yb = int(ball.y(y) + min(0.4, spacing - 0.85) * LINE) if spacing > 1 else int(ball.y(y) + 0.15 * LINE)
            geo.row_bboxes.append([int(xl), ya, int(xr), yb])
            geo.row_polygons.append(rect_polygon(xl + 2, ya + 2, xr - 2, yb - 2))
            y += spacing
        y_rows = ball.y(y - spacing) + 0.4 * LINE if rows else ball.y(y)
        rule(xl, xr, y_rows)
        y = (y_rows + 0.95 * LINE - ball.top) / LINE
        label = str(job["subtotal"]).format(n=("I", "II")[k])
        name_j = lay.index("name")
        (red if al.red else ball).text(starts[name_j], y, label)
        sub = job["sub"][k]
        for j, c in enumerate(lay):
            if c in sub:
                s = amount(sub[c], sheet) if c != "norm_hours" else str(int(sub[c]))
                (red if al.red else ball).text(starts[j] + ws[j] - len(s), y, s)
        y_bot = ball.y(y) + 0.4 * LINE
        rule(xl, xr, y_bot)
        for sx in [*starts[1:]]:  # the section's own verticals: its columns' borders
            x = ball.x(sx - gap / 2)
            pen.line([(x, y_top), (x + rng.uniform(-1.5, 1.5), y_bot)], fill=rng.randint(30, 70), width=2)
        for x in (xl, xr):
            pen.line([(x, y_top), (x, y_bot)], fill=rng.randint(30, 70), width=3)
        y += 2.5
        if k == len(secs) - 1:  # the grand total under the last section's columns: the truth's totals
            ball.text(starts[name_j], y - 1, str(job["grand"]))
            for j, c in enumerate(lay):
                if c in sheet.totals:
                    s = amount(sheet.totals[c], sheet)
                    ball.text(starts[j] + ws[j] - len(s), y - 1, s)
                    geo.cells.append((len(sheet.rows) + 1, j, [int(ball.x(starts[j])) - 4, int(ball.y(y - 1) - 0.8 * LINE),
                                                               int(ball.x(starts[j] + ws[j])) + 4, int(ball.y(y - 1) + 0.3 * LINE)], s))  # fmt: skip
            rule(xl, xr, ball.y(y - 1) + 0.45 * LINE)
            rule(xl, xr, ball.y(y - 1) + 0.45 * LINE + 7)
            y += 1.5
    geo.table_bbox = [int(ball.x(-0.5)), int(top_table), int(ball.x(end + 0.5)), int(ball.y(y - 2))]
    for q, who in enumerate(job["signers"]):
        at = round(q * end / 3)
        ball.text(at, y, str(who))
        signature(pen, ball.x(at + len(who) + 1), ball.y(y) - 0.3 * LINE, 9 * pitch, rng)
    assert ball.y(y) < H - 60, "the sheet's lines overran its paper"
    sheet.extra["al_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["al_red"] = np.clip(red.ink, 0, 1)
    sheet.extra["al_keep"] = list(ball.boxes) + list(red.boxes)
    sheet.extra["al_pitch"] = pitch
    sheet.extra["al_spacing"] = spacing
    return typed_page(ball.ink * smooth_field(H, W, rng, 0.8, 1.0, 5)), geo  # the ribbon's ink a little uneven


# --- the clerks' marks and the scan ---


@dataclass
class ALPage:
    al: ALHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    red: np.ndarray  # the ribbon's red half (ink 0..1)
    pencil: np.ndarray  # the clerks' pencil (255 none)
    marker: np.ndarray  # the highlighter's strength (0..1)
    marked: list[int]  # the rows (0-based) the clerks marked
    angle: float


def _band(marker: np.ndarray, x0: float, x1: float, yc: float, h: float, rng: random.Random) -> None:
    """A highlighter's stroke from ``x0`` to ``x1`` about ``yc``, ``h`` high: a chisel tip's band, its edges a little
    wavy, streaky along the stroke, a second pass overlapping part of it darker."""
    H, W = marker.shape
    xa, xb = max(0, int(x0)), min(W, int(x1))
    if xb <= xa:
        return
    xs = np.arange(xa, xb, dtype=np.float32)
    tilt = rng.uniform(-0.01, 0.01)
    for p in range(2 if rng.random() < 0.45 else 1):
        if p:  # the second pass over a part of the first
            xa2 = xa + int(rng.uniform(0, 0.5) * (xb - xa))
            xs = np.arange(xa2, min(xb, xa2 + int(rng.uniform(0.2, 0.5) * (xb - xa)) + 1), dtype=np.float32)
        mid = yc + rng.uniform(-0.08, 0.08) * h + tilt * (xs - xs[0]) + 2.0 * np.sin(xs / rng.uniform(60, 140))
        top, bot = mid - h / 2, mid + h / 2
        ya, yb = max(0, int(top.min()) - 2), min(H, int(bot.max()) + 3)
        yy = np.arange(ya, yb, dtype=np.float32)[:, None]
        inside = np.clip(np.minimum(yy - top[None, :], bot[None, :] - yy) / 2.0 + 0.5, 0, 1)
        streak = 0.82 + 0.18 * np.cos(yy / rng.uniform(3, 6) + rng.uniform(0, 6))  # the felt's ridges
        fade = np.clip(np.linspace(rng.uniform(0.75, 1.0), rng.uniform(0.7, 1.0), len(xs), dtype=np.float32), 0, 1)
        s = inside * streak * fade[None, :]
        x_lo = int(xs[0])
        win = marker[ya:yb, x_lo : x_lo + len(xs)]
        np.clip(win + s * (0.55 if p else 1.0), 0, 1.4, out=win)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, al: ALHabits, rng: random.Random) -> ALPage:
    """The clerks' marks on the page: a share of the rows highlighted (the name or the whole row), each with a pencil
    tick in the left margin, on some a pencil line under the name (in the gap below the typing) and a pencilled note in
    the right margin (the certificate issued or the row's gross copied); the turn on the glass."""
    W, H = img.size
    pen = sheet.extra["al_pen"]
    red = sheet.extra["al_red"]
    assert isinstance(pen, np.ndarray) and isinstance(red, np.ndarray)
    pitch = int(str(sheet.extra["al_pitch"]))
    spaced = float(str(sheet.extra["al_spacing"])) > 1.2  # room under the rows' typing for a pencil line
    marker = np.zeros((H, W), np.float32)
    pencil_img = Image.new("L", (W, H), 255)
    strokes = ImageDraw.Draw(pencil_img)
    hand = Hand(str(FONT_DIR / rng.choice(T_HANDS)), rng.uniform(0.05, 0.25), "ballpoint", 70)
    pp = Painter(pencil_img, Style(font=FONT_DIR / al.face, typewriter=True, size=int(pitch * 1.4), ruled=False,
                                   landscape=W > H), rng)  # fmt: skip
    n = len(sheet.rows)
    k = max(1, round(n * al.consulted))
    marked = sorted(rng.sample(range(n), min(n, k)))
    name_cells = {i - 1: box for i, j, box, _ in geo.cells if 0 < i <= n and _col(sheet, al, i - 1, j) == "name"}
    for i in marked:
        x0, y0, x1, y1 = geo.row_bboxes[i]
        base = y0 + 0.85 * LINE  # the row's baseline
        yc, h = base - 0.3 * LINE, 0.82 * LINE
        if rng.random() < 0.55 and i in name_cells:
            nx0, _, nx1, _ = name_cells[i]
            _band(marker, nx0 - rng.uniform(0, 20), nx1 + rng.uniform(-40, 20), yc, h, rng)
        else:
            _band(marker, x0 + rng.uniform(0, 30), x1 - rng.uniform(0, 60), yc, h, rng)
        tx, ty = x0 - rng.uniform(40, 90), base - 0.2 * LINE  # the tick in the left margin
        strokes.line([(tx, ty - 10), (tx + 12, ty + 8), (tx + 40, ty - 30)], fill=rng.randint(60, 110), width=3,
                     joint="curve")  # fmt: skip
        if i in name_cells and spaced and rng.random() < 0.4:  # a line under the name, in the gap below the typing
            nx0, _, nx1, _ = name_cells[i]
            uy = base + 0.36 * LINE
            strokes.line([(nx0, uy + rng.uniform(-2, 2)), (nx1 - rng.uniform(0, 60), uy + rng.uniform(-3, 3))],
                         fill=rng.randint(70, 120), width=2)  # fmt: skip
        note = rng.choice(NOTES).format(d=rng.randint(1, 28), m=rng.randint(1, 12), yy=rng.randint(0, 9),
                                        n=rng.randint(100, 9999), gross=amount(sheet.rows[i]["gross_pay"], sheet))  # fmt: skip
        at = x1 + rng.uniform(30, 60)
        if rng.random() < 0.6 and at + hand.width(pp, note) < W - 40:  # the note in the right margin, where it fits
            hand.text(pp, at, base - 0.3 * LINE, note)
    return ALPage(al, rng.randrange(1 << 30), pen, red, np.asarray(pencil_img, np.uint8), marker, marked,
                  rng.uniform(-1.2, 1.2))


def _col(sheet: SheetContent, al: ALHabits, i: int, j: int) -> str:
    """The column ``j`` of the section row ``i`` (0-based) is in."""
    k = int(str(sheet.rows[i]["section"]))
    return sections(al)[k][1][j]


def flat(a: np.ndarray, page: ALPage) -> np.ndarray:
    """The typed sheet with its ruling, signatures and red typing, unmarked and unscanned (``--pristine``)."""
    red = np.asarray(255.0 * (1.0 - page.red), np.float32)
    return np.asarray(np.minimum(np.minimum(a, page.pen.astype(np.float32)), red), np.float32)


def scan(a: np.ndarray, page: ALPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The marked sheet on the flatbed: the paper, the ribbon's black and red, the ink's rules and signatures, the
    pencil, the highlighter over all of them (it lets through its colour's share of the light: the typing under it
    stays darker than the band); turned a little, an A4 sheet grey at 300 dpi or colour at 200, an A3 one grey at 200.
    Returns the image, the 2x3 map from the drawn page to it, its dpi and no bend."""
    al = page.al
    rng = random.Random(page.seed)
    H, W = a.shape
    grey, dpi = flatbed_mode(W, al.grey)
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 228.0, 242.0, 5), (W, H)), np.float32)
    tint = HIGHLIGHTERS[al.marker]
    seen = seen_by(grey)  # the colours as the scanner sees them
    through = seen((tint[2], tint[1], tint[0]))
    out = np.empty((H, W, 1 if grey else 3), np.uint8)
    for y0 in range(0, H, 128):
        sl = slice(y0, y0 + 128)
        layers = (((255.0 - a[sl]) / 255.0, RIBBON), (page.red[sl], RED),
                  ((255.0 - page.pen[sl].astype(np.float32)) / 255.0, PEN_INK),
                  ((255.0 - page.pencil[sl].astype(np.float32)) / 200.0, PENCIL))  # fmt: skip
        o = paper[sl][..., None] * seen((0.97, 0.99, 1.0))
        for share, colour in layers:
            if share.max() > 0:  # (a strip with none of this layer's ink left as it is)
                sh = np.clip(share, 0, 1)[..., None]
                o = o * (1.0 - sh) + seen(colour) * sh
        if page.marker[sl].max() > 0:
            mk = page.marker[sl][..., None]
            o = o * (1.0 - mk * (1.0 - through))  # the highlighter's transparent dye
        out[sl] = np.clip(np.round(o), 0, 255).astype(np.uint8)
    del paper
    img, m = on_the_glass(out, grey, dpi, page.angle, np_rng)
    return img, m, dpi, None
