"""Family AQ of the sample generator (held out from its making in session 40, 2026-12-07, helper s50-famaq, to its one
measurement by the lead at the start of session 41; evaluation seed 2066, development seeds 35001-35040): the monthly payroll of
1980-1996 of an employer that closed without a successor and had its pay worked out by a district computing centre
(a district dairy, a brick works, a district building-repair enterprise, a bakery, a furniture works, a hosiery
co-operative; Толбухин, Станке Димитров and Михайловград renamed in their years), kept as the centre's line-printer
printout (машинограма) of the payroll BY KINDS OF PAYMENT ("по видове плащания"): no table with a column a field, but a
BLOCK OF LINES A PERSON, each line of it an item under the centre's code for its kind.

The printout (132 print positions at 10 characters to the inch, 6 or 8 lines to the inch, on 15-inch fanfold paper: the
tractor strips' holes down both edges or the strips torn off along their perforation, green or blue bars 1/2 inch deep
or plain paper, the bars fixed to the paper and the lines not lined up with them): capitals only (the names, posts and
employer in capitals: the truth as printed), in a face of a font package none of A-AP uses (fonts-wqy-microhei's
WenQuanYi Micro Hei cut to the print positions); the centre's job line (the centre, its machine, the program, the run's
date, the sheet's number: the truth's ``sheet``), the title, the period ("ЗА МЕСЕЦ МАРТ 1987 Г.", "ПЕРИОД: 03.1987",
"МЕСЕЦ 03/1987"), the employer after a label and the centre's client code (neither is part of the name), two heading
lines between rules of '=' or '-' — the first over the person's line (the row number, the name, the ЕГН or the
personnel number, the post), the second over the items (the code, the kind, the days, the amount: the accruals in the
left half, the deductions in the right half) —; the columns unruled. Each person's block:
- a line with the row number (zero-padded), the name (in full, given name or surname first), the ЕГН (after "ЕГН"
  on some files) on three of four layouts (the personnel number "ТАБ.N" in its place on one, the truth's ЕГН null there;
  after it on another), the post on three, each as wide as its longest entry or heading;
- then the items, one a line, under the centre's codes (three code books: "101 ОСНОВНА ЗАПЛАТА", "01 ЗАПЛ. ОТР. ВРЕМЕ",
  "210 ТАРИФНА ЗАПЛАТА" ...): in the left half the accruals — the base for the days (the days beside it: the truth's
  days and base), then only those the person had of the years of service, a bonus, night work, overtime (their sum the
  truth's additional pay, printed nowhere as one figure) —, in the right half the deductions — the income tax, the
  union's fee, the advance, a ДСК loan's instalment, the mutual-aid fund, a garnishment (only those the person had;
  their sum the deductions) —, the two halves side by side, so a line holds an accrual and a deduction of the person
  that have nothing to do with each other;
- the person's sums: on one line ("НАЧИСЛЕНО ... УДЪРЖАНО ... ЗА ПОЛУЧАВАНЕ ...") or under the two halves (gross under
  the accruals, the deductions under the deductions, net on the line under them): the truth's gross, deductions, net;
- a blank line, a line of dashes or nothing before the next person.
At the foot the recapitulation by kinds (every code's sum over the people: the base's the truth's total base), the
grand total (gross, deductions, net: the truth's totals; no additional pay's total), the number of people and the
job's end line. A month on one sheet: a file's 3-5 people at 6 lines to the inch, 4-7 at 8 (a month whose blocks would
run past the sheet's foot keeps the people that fit: the page and its truth end there).

The printer: a drum printer's letters each a little above or below the line (the same letter always the same way) or
a chain printer's a little off their pitch; a fresh or a faint ribbon, the ribbon's wear across the page, a print
position's hammer striking light. The scan: the sheet on an A3 flatbed (the fanfold's 15 x 11 inches fit it) a little
turned, grey at 200 dpi; the bars a light grey band, the holes the lid's white.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image

from .content import EmployerFile, SheetContent, cents, pay_scale, working_days
from .family_ai import own_drawing
from .family_al import amount
from .family_am import staffed
from .family_an import typed_month
from .handwork import on_the_glass, seen_by, smooth_field, typewriter_glyph
from .render import FONT_DIR, Geometry, Style, rect_polygon

WQY = "wqy/wqy-microhei.ttc"
# a font package none of A-AP uses (scripts/setup.sh: fonts-wqy-microhei): its gothic cut to the print positions
AQ_FACES: dict[str, tuple[str, ...]] = {"typewriter": (WQY,)}
AQ_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AQ_MONEY = (("", "."), ("", "."), ("", ","), (" ", "."))  # (thousands from 1991, decimal)

ACCRUALS = ("base", "service", "bonus", "night", "overtime")  # the left half's kinds (all but the base: extra_pay)
CUTS = ("tax", "union_fee", "advance", "loan", "fund", "garnish")  # the right half's kinds (their sum ``deductions``)
# the centres' code books: each kind's code and words
CODES: tuple[dict[str, tuple[str, str]], ...] = (
    {"base": ("101", "ОСНОВНА ЗАПЛАТА"), "service": ("112", "КЛАС ПРОД.ТР.СТАЖ"), "bonus": ("130", "ПРЕМИЯ ФРЗ"),
     "night": ("141", "НОЩЕН ТРУД"), "overtime": ("142", "ИЗВЪНРЕДЕН ТРУД"), "tax": ("501", "ДАНЪК ОБЩ ДОХОД"),
     "union_fee": ("510", "ЧЛ.ВНОС ПРОФСЪЮЗ"), "advance": ("520", "АВАНС"), "loan": ("531", "ЗАЕМ ДСК"),
     "fund": ("540", "ВЗАИМОСП. КАСА"), "garnish": ("560", "ЗАПОР")},
    {"base": ("01", "ЗАПЛ. ОТР. ВРЕМЕ"), "service": ("05", "ДОБАВКА СТАЖ"), "bonus": ("07", "ПРЕМИИ"),
     "night": ("11", "НОЩНИ"), "overtime": ("12", "ИЗВЪНРЕДНИ"), "tax": ("51", "ДОД"), "union_fee": ("53", "ПРОФ.ВНОС"),
     "advance": ("55", "АВАНС I ПОЛ."), "loan": ("57", "ДСК ВНОСКА"), "fund": ("58", "ВЗК"),
     "garnish": ("59", "ИЗП.ЛИСТ/ЗАПОР")},
    {"base": ("210", "ТАРИФНА ЗАПЛАТА"), "service": ("225", "ПРОД.ТРУДОВ СТАЖ"), "bonus": ("230", "ПРЕМИАЛНИ"),
     "night": ("241", "ДОПЛ. НОЩЕН ТР."), "overtime": ("242", "ДОПЛ. ИЗВЪНР."), "tax": ("610", "ДАНЪК"),
     "union_fee": ("620", "ПРОФ. ЧЛ.ВНОС"), "advance": ("630", "ПОЛУЧЕН АВАНС"), "loan": ("640", "ДСК ЗАЕМ"),
     "fund": ("650", "КАСА ВЗАИМОПОМОЩ"), "garnish": ("660", "ЗАПОРИ")},
)  # fmt: skip
# the person's line in each layout (then the items and sums: the truth's days, base, gross, deductions, net); "tab"
# the personnel number, "codes_in"/"codes_out" the accruals' and deductions' items (no payroll-page/1 field)
PERSON_LINES = (("row", "name", "egn", "position"), ("row", "egn", "name", "position"), ("row", "tab", "name", "position"),
                ("row", "name", "egn", "tab"))  # fmt: skip
AQ_LAYOUTS: tuple[tuple[str, ...], ...] = tuple(
    (*p, "codes_in", "days_worked", "base_pay", "codes_out", "gross_pay", "deductions", "net_pay") for p in PERSON_LINES
)
# the heading words over the person's line and over the items (one line each), the sums' labels
HEADINGS_AQ: dict[str, tuple[str, ...]] = {
    "row": ("ПОР.N", "N ПО РЕД", "ЛИЦЕ N"),
    "name": ("ФАМИЛНО, ЛИЧНО И БАЩИНО ИМЕ", "ИМЕ ПРЕЗИМЕ ФАМИЛИЯ НА ЛИЦЕТО", "ТРИ ИМЕНА НА РАБОТНИКА/СЛУЖ."),
    "egn": ("ЕГН НА ЛИЦЕТО", "ЕДИНЕН ГР.НОМЕР", "ЕГН (10 ЗНАКА)"),
    "tab": ("ТАБЕЛЕН N", "ЛИЧЕН КОД"),
    "position": ("ДЛЪЖНОСТ ПО ЩАТ", "КОД ДЛЪЖН./ПРОФЕСИЯ", "ДЛЪЖНОСТ (ПРОФЕСИЯ) ПО ЩАТ"),
    "codes_in": ("ВИД НАЧИСЛЕНИЕ", "НАЧИСЛЕНИЯ ПО ВИДОВЕ"),
    "days_worked": ("ДНИ ОТР.", "ДНИ/ЧАСОВЕ"),
    "codes_out": ("ВИД УДРЪЖКА", "УДРЪЖКИ ПО ВИДОВЕ"),
    "gross_pay": ("ВСИЧКО НАЧИСЛЕНО", "НАЧИСЛЕНО ОБЩО", "С-МА НАЧИСЛЕНИЯ"),
    "deductions": ("ВСИЧКО УДЪРЖАНО", "УДЪРЖАНО ОБЩО", "С-МА УДРЪЖКИ"),
    "net_pay": ("ЗА ПОЛУЧАВАНЕ", "ОСТАТЪК ЗА ИЗПЛАЩАНЕ", "ЧИСТА СУМА ЗА ИЗПЛ."),
}

EMPLOYERS = (
    ('ДП "МЛЕЧНА ПРОМИШЛЕНОСТ" - ГР. ТОЛБУХИН', ("ЛАБОРАНТ", "ОПЕРАТОР", "ШОФЬОР", "СИРЕНАР", "ОБЩ РАБОТНИК", "ТЕХНОЛОГ")),
    ('ТУХЛАРСКИ ЗАВОД "ГЕО МИЛЕВ" - ГР. МИХАЙЛОВГРАД', ("ТУХЛАР", "ПЕЩАР", "МАШИНИСТ", "ЕЛЕКТРОТЕХНИК", "СКЛАДОДЪРЖ.",
                                                        "ПАЗАЧ")),
    ("ОКРЪЖНО ПРЕДПР. ЖИЛИЩНО СТРОИТЕЛСТВО И РЕМОНТ - СТАНКЕ ДИМИТРОВ", ("ЗИДАР", "МАЗАЧ", "БОЯДЖИЯ", "ВОДОПРОВОДЧИК",
                                                                      "ТЕХН.РЪКОВОД.", "ШОФЬОР")),
    ('ХЛЕБОЗАВОД "ПРОГРЕС" - ГР. ХАСКОВО', ("ХЛЕБАР", "ТЕСТОМЕС", "ПЕКАР", "ШОФЬОР-РАЗНОС.", "ТЕХНОЛОГ", "ОГНЯР")),
    ('МЕБЕЛНА ФАБРИКА "ВИХРЕН" - ГР. РАЗЛОГ', ("ДЪРВОДЕЛЕЦ", "ТАПИЦЕР", "ЛАКИРОВЧИК", "МАШИНИСТ", "НОРМИРОВЧИК",
                                                 "ЧИСТАЧКА")),
    ('ТПК "ТРИКОТАЖ" - ГР. ТОЛБУХИН', ("ПЛЕТАЧКА", "ШИВАЧКА", "КРОЯЧ", "МЕХАНИК", "СЧЕТОВОДИТЕЛ", "ОПАКОВЧИЧКА")),
)  # fmt: skip
RENAMED = ((1990, "ТОЛБУХИН", "ДОБРИЧ"), (1992, "СТАНКЕ ДИМИТРОВ", "ДУПНИЦА"), (1993, "МИХАЙЛОВГРАД", "МОНТАНА"))
CENTRES = ("ОИЦ ТОЛБУХИН", "ТИЦ ХАСКОВО", "ОИЦ КЮСТЕНДИЛ", "ИЦ ПРИ ОНС БЛАГОЕВГРАД", "ОИЦ МИХАЙЛОВГРАД")
MACHINES = ("ЕС-1022", "ЕС-1035", "ИЗОТ 1016С", "ЕС-1037")
PROGRAMS = ("ТРЗ-ВИД", "ZPVID7", "ВПЛ-11", "RZ2A")
TITLES = ("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ ПО ВИДОВЕ ПЛАЩАНИЯ", "ВЕДОМОСТ ЗА ЗАПЛАТИ - НАЧИСЛЕНИЯ И УДРЪЖКИ ПО ВИДОВЕ",
          "МАШИНОГРАМА - РАЗЧЕТНА ВЕДОМОСТ ЗА ТРУДОВИ ВЪЗНАГРАЖДЕНИЯ")  # fmt: skip
PERIODS = ("ЗА МЕСЕЦ {upper} {y} Г.", "ПЕРИОД: {mm}.{y}", "МЕСЕЦ {mm}/{y}")
LABELS = ("ПРЕДПРИЯТИЕ:", "КЛИЕНТ {code}", "ОРГАНИЗАЦИЯ {code} -")
CLOSES = ("line", "split")  # the person's sums on one line, or under the two halves
SEPARATORS = ("blank", "dashes", "none")
RECAP = ("РЕКАПИТУЛАЦИЯ ПО ВИДОВЕ", "ОБОБЩЕНИЕ ПО ВИДОВЕ ПЛАЩАНИЯ")
GRAND = ("ВСИЧКО ЗА ПРЕДПРИЯТИЕТО", "ОБЩО ПО ВЕДОМОСТТА")
ENDS = ("*** КРАЙ НА ВЕДОМОСТТА ***", "КРАЙ НА ЗАДАНИЕТО")
BARS = {"green": (196.0, 226.0, 200.0), "blue": (232.0, 214.0, 196.0), "plain": (240.0, 240.0, 240.0)}  # (B, G, R)
RIBBONS = {"fresh": 38.0, "faint": 92.0}  # the typing's darkest grey
POSITIONS = 132  # print positions a line
PITCH = 30  # a print position at 300 dpi (10 to the inch)
PAPER = (4500, 3300)  # 15 x 11 inches at 300 dpi
STRIP = 150  # a tractor strip, pixels (1/2 inch)
HALF = 68  # the right half's first print position


@dataclass
class AQHabits:
    """One AQ file's switches, drawn once per file."""

    layout: int  # which of AQ_LAYOUTS (its person's line)
    face: str
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought (a sum of nothing): "0,00" or ",00" (with the decimal)
    period: int  # which of PERIODS
    codes: int  # which of CODES
    lpi: int  # 6 or 8 lines to the inch
    close: str  # CLOSES
    separator: str  # SEPARATORS
    surname_first: bool  # the names surname first
    egn_label: bool  # "ЕГН" before the number
    row_zeros: int  # the row numbers' digits
    bars: str  # BARS
    strips: bool  # the tractor strips still on (else torn off)
    drum: bool  # a drum printer (letters above or below the line); else a chain printer (letters off their pitch)
    ribbon: str  # RIBBONS
    label: int  # which of LABELS before the employer
    words: int  # the seed of the centre's words for the file (its centre, machine, program, client code, headings)
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # nothing ruled: the printout's rules are characters


def draw(rng: random.Random) -> AQHabits:
    thousands, decimal = rng.choice(AQ_MONEY)
    return AQHabits(
        layout=rng.randrange(len(AQ_LAYOUTS)), face=WQY, thousands=thousands, decimal=decimal,
        zero=rng.choice(("0,00", ",00")), period=rng.randrange(len(PERIODS)), codes=rng.randrange(len(CODES)),
        lpi=rng.choice((6, 8, 8)), close=rng.choice(CLOSES), separator=rng.choice(SEPARATORS),
        surname_first=rng.random() < 0.4, egn_label=rng.random() < 0.5, row_zeros=rng.choice((3, 4)),
        bars=rng.choice(("green", "green", "blue", "plain")), strips=rng.random() < 0.6, drum=rng.random() < 0.5,
        ribbon=rng.choice(("fresh", "fresh", "faint")), label=rng.randrange(len(LABELS)),
        words=rng.randrange(1 << 30),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, aq: AQHabits, rng: random.Random) -> None:
    """An AQ file: an employer's 3-5 people (4-7 at 8 lines to the inch: what the sheet holds), each in one of its
    posts."""
    staffed(ef, aq, rng, EMPLOYERS, RENAMED, AQ_LAYOUTS, (3, 5) if aq.lpi == 6 else (4, 7))


def accrued(salary: Decimal, days: int, wd: int, rng: random.Random) -> dict[str, Decimal]:
    """A person's accruals by kind: the base for the days, then only the kinds the person had this month (a per cent of
    the base each)."""
    base = cents(salary * Decimal(days) / Decimal(wd))
    shares = {"service": (0, 0, 3, 5, 7, 9, 12), "bonus": (0, 0, 0, 10, 15, 20), "night": (0, 0, 0, 0, 0, 4, 6),
              "overtime": (0, 0, 0, 0, 0, 0, 5, 8)}  # fmt: skip
    out = {"base": base}
    for kind, choices in shares.items():
        share = rng.choice(choices)
        if share:
            out[kind] = cents(base * share / 100)
    return out


def withheld(gross: Decimal, salary: Decimal, rng: random.Random) -> dict[str, Decimal]:
    """A person's deductions by kind (only those withheld): the tax, the union's fee, the advance, a loan's instalment,
    the mutual-aid fund, a garnishment; the last kinds dropped where the sum would come above gross."""
    drawn = {
        "tax": cents(gross * rng.randint(50, 120) / 1000), "union_fee": cents(gross / 100),
        "advance": (salary * rng.choice((0, 30, 40, 50)) / 500).quantize(Decimal(1)) * 5,
        "loan": cents(salary * rng.choice((0, 0, 0, 5, 8)) / 100), "fund": cents(salary * rng.choice((0, 0, 1, 2)) / 100),
        "garnish": cents(gross * rng.choice((0,) * 9 + (15,)) / 100),
    }  # fmt: skip
    out = {k: v for k, v in drawn.items() if v > 0}
    for kind in reversed(CUTS):  # the last kinds give way first
        if sum(out.values(), Decimal(0)) > gross:
            out.pop(kind, None)
    return out


def tab_number(egn: str) -> str:
    """The person's personnel number at the employer (the same every month): four digits."""
    return f"{int(egn[4:9]) % 899 + 1:04d}"


def block_lines(r: dict[str, object], aq: AQHabits) -> int:
    """How many lines a person's block takes: the person's line, the items, the sums, the separator."""
    items = max(len(r["accruals"]), len(r["cuts"]))  # type: ignore[arg-type]
    return 1 + items + (1 if aq.close == "line" else 2) + (0 if aq.separator == "none" else 1)


def page_lines(aq: AQHabits) -> int:
    """Lines a sheet holds between its top and bottom margins (1/2 inch each)."""
    return (PAPER[1] - 2 * 150) * aq.lpi // 300


HEAD_LINES = 9  # the job line, a blank, the title, the period, the employer, a rule, two heading lines, a rule


def foot_lines(rows: list[dict[str, object]]) -> int:
    """The foot's lines: a rule, the recapitulation's title, its lines (the more of the two halves' kinds), a rule, the
    grand total (two lines), the number of people, the end line."""
    kinds_in = {k for r in rows for k in r["accruals"]}  # type: ignore[attr-defined]
    kinds_out = {k for r in rows for k in r["cuts"]}  # type: ignore[attr-defined]
    return 2 + max(len(kinds_in), len(kinds_out)) + 1 + 2 + 2


def adapt_sheet(sheet: SheetContent, aq: AQHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AQ month: a row a present person (as many as the sheet holds), the items by kind, the truth's fields from
    them, the totals, the file's number formats and words."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    lay = AQ_LAYOUTS[aq.layout]
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = max(1, int(str(old.get("days_paid", wd))))  # a block only for who worked: its base line with the days
        acc = accrued(salary, days, wd, rng)
        gross = sum(acc.values(), Decimal(0))
        cuts = withheld(gross, salary, rng)
        ded = sum(cuts.values(), Decimal(0))
        words = str(old["name"]).upper().split()
        name = " ".join([words[-1], *words[:-1]] if aq.surname_first else words)
        r: dict[str, object] = {
            "row": len(rows) + 1, "egn": egn, "name": name,
            "position": (person.position if person is not None else rng.choice(aq.posts)) if "position" in lay else None,
            "days_worked": days, "days_paid": days, "base_pay": acc["base"], "extra_pay": gross - acc["base"],
            "gross_pay": gross, "deductions": ded, "net_pay": gross - ded, "accruals": acc, "cuts": cuts,
            "tab": tab_number(egn),
        }  # fmt: skip
        if HEAD_LINES + sum(block_lines(x, aq) for x in (*rows, r)) + foot_lines([*rows, r]) > page_lines(aq):
            break  # the sheet is full: the file's people fit it (adapt_file), a long month's last ones do not
        rows.append(r)
    typed_month(sheet, aq, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third layout prints no ЕГН
    run = f"{rng.randint(2, 12):02d}.{sheet.month % 12 + 1:02d}.{(sheet.year + (sheet.month == 12)) % 100:02d}"
    said = centre_words(aq)
    sheet.extra["aq_job"] = {"run": run, **said}
    sheet.title = str(said["title"])


def centre_words(aq: AQHabits) -> dict[str, object]:
    """The words the centre's program prints on every month of the file: its centre, machine, program, the client's
    code, the title, the headings and the foot's words."""
    rng = random.Random(aq.words)
    return {
        "heads": {c: rng.choice(words) for c, words in HEADINGS_AQ.items()},
        "centre": rng.choice(CENTRES), "machine": rng.choice(MACHINES), "program": rng.choice(PROGRAMS),
        "client": f"{rng.randint(100, 9899):04d}", "recap": rng.choice(RECAP), "grand": rng.choice(GRAND),
        "end": rng.choice(ENDS), "title": rng.choice(TITLES),
    }  # fmt: skip


def style(aq: AQHabits, rng: random.Random, base: Style) -> None:
    """An AQ page's style: the printer's face on a landscape sheet, no generic ruling or marks (the rest is drawn by
    family_aq.render)."""
    del rng
    own_drawing(base, aq.face, AQ_SIZES["typewriter"][0], True)


# --- the printout ---


class LinePrinter:
    """The centre's line printer on the fanfold sheet at 300 dpi: print position ``pos`` of line ``k`` at a fixed pitch
    from the left margin ``x0`` and the first line's baseline ``y0``; a drum's letters each off the line its own way, a
    chain's off their pitch, the hammers of a few positions light."""

    def __init__(self, aq: AQHabits, rng: random.Random, W: int, H: int, x0: float, y0: float) -> None:
        self.aq, self.rng = aq, rng
        self.ink = np.zeros((H, W), np.float32)
        self.x0, self.y0, self.line = x0, y0, 300.0 / aq.lpi
        self.path = str(FONT_DIR / aq.face)
        self.lift: dict[str, int] = {}  # a drum's letter: how far above or below the line it always prints
        self.hammer = [rng.uniform(0.55, 0.8) if rng.random() < 0.05 else 1.0 for _ in range(POSITIONS)]
        self.boxes: list[tuple[int, int, int, int]] = []  # every string printed

    def base(self, k: int) -> float:
        return self.y0 + k * self.line

    def box(self, k: int, pos: int, n: int) -> list[int]:
        """The box of ``n`` print positions from ``pos`` on line ``k``."""
        y, (up, down) = self.base(k), ((44, 9) if self.aq.lpi == 6 else (33, 7))
        return [int(self.x0 + pos * PITCH) - 3, int(y - up), int(self.x0 + (pos + n) * PITCH) + 3, int(y + down)]

    def put(self, k: int, pos: int, s: str) -> list[int]:
        """``s`` printed from position ``pos`` on line ``k``; gives its box."""
        b = self.box(k, pos, len(s))
        if s.strip():
            self.boxes.append((b[0], b[1], b[2], b[3]))
        H, W = self.ink.shape
        for q, ch in enumerate(s):
            if ch == " " or pos + q >= POSITIONS:
                continue
            g, gb = printed_glyph(self.path, ch, self.aq.lpi)
            if self.aq.drum:
                reach = 3 if self.aq.lpi == 6 else 2  # the smaller type's drum a little truer
                dy, dx = self.lift.setdefault(ch, self.rng.randint(-reach, reach)), 0
            else:
                dy, dx = 0, self.rng.choice((-2, -1, 0, 0, 0, 1, 2))
            x = int(round(self.x0 + (pos + q) * PITCH)) - 4 + dx
            y = int(round(self.base(k))) - gb + dy
            h, w = g.shape
            xa, ya, xb, yb = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
            if xb > xa and yb > ya:
                np.maximum(self.ink[ya:yb, xa:xb], g[ya - y : yb - y, xa - x : xb - x] * self.hammer[pos + q],
                           out=self.ink[ya:yb, xa:xb])  # fmt: skip
        return b


@lru_cache(maxsize=1024)
def printed_glyph(path: str, ch: str, lpi: int) -> tuple[np.ndarray, int]:
    """A letter of the printer's type at its print position (the typewriter's cut of the face), three quarters as tall
    at 8 lines to the inch (the printer's smaller type there), and its baseline's row."""
    g, gb = typewriter_glyph(path, ch, PITCH)
    if lpi == 6:
        return g, gb
    h = int(round(g.shape[0] * 0.75))
    return np.asarray(cv2.resize(g, (g.shape[1], h), interpolation=cv2.INTER_AREA), np.float32), int(round(gb * 0.75))


def _money(v: Decimal, sheet: SheetContent, width: int) -> str:
    return amount(v, sheet).rjust(width)


def _item(kind: str, v: Decimal, days: int | None, aq: AQHabits, sheet: SheetContent) -> str:
    """An item's line in its half: the code, the kind's words, the days (the base only), the amount."""
    code, words = CODES[aq.codes][kind]
    return f"{code:<4}{words:<18}{'' if days is None else days:>4}{_money(v, sheet, 12)}"


AMOUNT_END = 38  # where an item's amount ends in its half (4 + 18 + 4 + 12)


def _person_text(c: str, r: dict[str, object], aq: AQHabits) -> str:
    """What the person's line prints in its column ``c`` (the ЕГН after "ЕГН " on some files)."""
    if c == "row":
        return f"{int(str(r['row'])):0{aq.row_zeros}d}"
    if c == "egn":
        return ("ЕГН " if aq.egn_label else "") + str(r["egn"])
    if c == "tab":
        return f"ТАБ.N {r['tab']}"
    return str(r[c])


def person_columns(sheet: SheetContent, aq: AQHabits) -> list[tuple[str, int]]:
    """The person's line's columns and where each starts: as wide as its longest text or heading, two apart."""
    heads = sheet.extra["aq_job"]["heads"]  # type: ignore[index]
    out, pos = [], 0
    for c in PERSON_LINES[aq.layout]:
        out.append((c, pos))
        pos += max([len(str(heads[c]))] + [len(_person_text(c, r, aq)) for r in sheet.rows]) + 2
    return out


def print_page(sheet: SheetContent, aq: AQHabits, lp: LinePrinter, geo: Geometry) -> None:
    """The month printed: the job line, the title, the period, the employer, the headings, a block a person, the
    recapitulation and the grand total. The truth's cells go to ``geo`` (row 0 the headings, n + 1 the totals)."""
    job = sheet.extra["aq_job"]
    assert isinstance(job, dict)
    heads, lay, n = job["heads"], sheet.layout, len(sheet.rows)
    rule = "=" if aq.lpi == 6 else "-"
    lp.put(0, 0, f"{job['centre']}   {job['machine']}   ПРОГРАМА {job['program']}   ДАТА {job['run']}")
    lp.put(0, POSITIONS - 10, f"ЛИСТ {sheet.sheet:3d}")
    lp.put(2, (POSITIONS - len(sheet.title)) // 2, sheet.title)
    lp.put(3, (POSITIONS - len(sheet.period_text)) // 2, sheet.period_text)
    label = LABELS[aq.label].format(code=job["client"])
    lp.put(4, 0, label)
    lp.put(4, len(label) + 1, sheet.employer)
    lp.put(5, 0, rule * POSITIONS)
    for c, p in person_columns(sheet, aq):
        geo.cells.append((0, lay.index(c), lp.put(6, p, str(heads[c])), str(heads[c])))
    for at, codes in ((0, "codes_in"), (HALF, "codes_out")):
        geo.cells.append((0, lay.index(codes), lp.put(7, at, str(heads[codes])), str(heads[codes])))
        lp.put(7, at + AMOUNT_END - 4, "СУМА")
    geo.cells.append((0, lay.index("days_worked"), lp.put(7, 23, "ДНИ"), "ДНИ"))
    lp.put(8, 0, rule * POSITIONS)
    k = HEAD_LINES
    for i, r in enumerate(sheet.rows, start=1):
        k = _block(sheet, aq, lp, geo, r, i, k, heads)
    _foot(sheet, aq, lp, geo, k, rule, n)


def _block(sheet: SheetContent, aq: AQHabits, lp: LinePrinter, geo: Geometry, r: dict[str, object], i: int, k: int,
           heads: dict[str, str]) -> int:  # fmt: skip
    """Person ``i``'s block from line ``k``: the person's line, the items, the sums; gives the next block's line."""
    lay = sheet.layout
    top = k
    for c, p in person_columns(sheet, aq):
        s = _person_text(c, r, aq)
        b = lp.put(k, p, s)
        if c == "egn":  # the number's own box (after its label)
            geo.cells.append((i, lay.index(c), lp.box(k, p + len(s) - 10, 10), str(r["egn"])))
        elif c in ("row", "name", "position"):
            geo.cells.append((i, lay.index(c), b, s))
    acc, cuts = r["accruals"], r["cuts"]
    assert isinstance(acc, dict) and isinstance(cuts, dict)
    left = [(kind, acc[kind]) for kind in ACCRUALS if kind in acc]
    right = [(kind, cuts[kind]) for kind in CUTS if kind in cuts]
    for q in range(max(len(left), len(right))):
        k += 1
        if q < len(left):
            kind, v = left[q]
            lp.put(k, 0, _item(kind, v, int(str(r["days_worked"])) if kind == "base" else None, aq, sheet))
            if kind == "base":
                days = str(r["days_worked"])
                geo.cells.append((i, lay.index("days_worked"), lp.box(k, 26 - len(days), len(days)), days))
                s = amount(v, sheet)
                geo.cells.append((i, lay.index("base_pay"), lp.box(k, AMOUNT_END - len(s), len(s)), s))
        if q < len(right):
            lp.put(k, HALF, _item(right[q][0], right[q][1], None, aq, sheet))
    k += 1
    sums = [(c, amount(r[c], sheet)) for c in ("gross_pay", "deductions", "net_pay")]
    if aq.close == "line":
        pos = 6
        for c, s in sums:
            word = f"{heads[c]}:"
            lp.put(k, pos, word)
            pos += len(word) + 1
            geo.cells.append((i, lay.index(c), lp.put(k, pos, s), s))
            pos += len(s) + 5
    else:
        for (c, s), (at, line) in zip(sums, ((0, k), (HALF, k), (HALF, k + 1)), strict=True):
            lp.put(line, at + 4, str(heads[c]))
            geo.cells.append((i, lay.index(c), lp.put(line, at + AMOUNT_END - len(s), s), s))
        k += 1
    box = [int(lp.x0) - 6, int(lp.base(top) - 0.8 * lp.line), int(lp.x0 + POSITIONS * PITCH) + 6,
           int(lp.base(k) + 0.2 * lp.line)]  # the block's lines, to half-way to the next line's
    geo.row_polygons.append(rect_polygon(box[0], box[1], box[2], box[3]))
    geo.row_bboxes.append(box)
    k += 1
    if aq.separator == "dashes":
        lp.put(k, 0, "- " * (POSITIONS // 2))
    return k + (0 if aq.separator == "none" else 1)


def _foot(sheet: SheetContent, aq: AQHabits, lp: LinePrinter, geo: Geometry, k: int, rule: str, n: int) -> None:
    """The recapitulation by kinds (each code's sum; the base's the truth's total), the grand total (gross,
    deductions, net: the truth's totals), the number of people, the end line."""
    job = sheet.extra["aq_job"]
    assert isinstance(job, dict)
    lay = sheet.layout
    lp.put(k, 0, rule * POSITIONS)
    lp.put(k + 1, 0, str(job["recap"]))
    k += 2
    sums_in = {kind: sum((r["accruals"].get(kind, Decimal(0)) for r in sheet.rows), Decimal(0))  # type: ignore[attr-defined]
               for kind in ACCRUALS}  # fmt: skip
    sums_out = {kind: sum((r["cuts"].get(kind, Decimal(0)) for r in sheet.rows), Decimal(0))  # type: ignore[attr-defined]
                for kind in CUTS}  # fmt: skip
    left = [(kind, v) for kind, v in sums_in.items() if v]
    right = [(kind, v) for kind, v in sums_out.items() if v]
    for q in range(max(len(left), len(right))):
        if q < len(left):
            kind, v = left[q]
            lp.put(k, 0, _item(kind, v, None, aq, sheet))
            if kind == "base":
                s = amount(v, sheet)
                geo.cells.append((n + 1, lay.index("base_pay"), lp.box(k, AMOUNT_END - len(s), len(s)), s))
        if q < len(right):
            lp.put(k, HALF, _item(right[q][0], right[q][1], None, aq, sheet))
        k += 1
    lp.put(k, 0, rule * POSITIONS)
    lp.put(k + 1, 0, str(job["grand"]))
    pos = 4
    for c in ("gross_pay", "deductions", "net_pay"):
        word, s = f"{job['heads'][c]}:", amount(sheet.totals[c], sheet)
        lp.put(k + 2, pos, word)
        geo.cells.append((n + 1, lay.index(c), lp.put(k + 2, pos + len(word) + 1, s), s))
        pos += len(word) + len(s) + 6
    lp.put(k + 3, 0, f"БРОЙ ЛИЦА: {n}")
    lp.put(k + 4, (POSITIONS - len(str(job["end"]))) // 2, str(job["end"]))
    geo.table_bbox = [int(lp.x0) - 6, int(lp.base(5) - 40), int(lp.x0 + POSITIONS * PITCH) + 6, int(lp.base(k + 2) + 16)]


def render(sheet: SheetContent, st: Style | None, aq: AQHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The printout at 300 dpi: the month printed on the fanfold sheet (the strips torn off on some files). The truth's
    cells the printed strings of the fields; a row's box its block. Every printed string's box goes to
    ``sheet.extra["aq_keep"]``."""
    del st
    W, H = PAPER[0] - (0 if aq.strips else 2 * STRIP), PAPER[1]
    x0 = (W - POSITIONS * PITCH) / 2 + rng.uniform(-20, 20)
    lp = LinePrinter(aq, rng, W, H, x0, 150 + 0.8 * 300 / aq.lpi + rng.uniform(-10, 10))
    geo = Geometry(W, H)
    print_page(sheet, aq, lp, geo)
    wear = smooth_field(H, W, rng, 0.8 if aq.ribbon == "faint" else 0.9, 1.0, 5)
    sheet.extra["aq_keep"] = list(lp.boxes)
    ink = np.clip(lp.ink * wear, 0, 1)
    return Image.fromarray(np.asarray(np.round(255.0 * (1.0 - ink)), np.uint8), "L"), geo


# --- the scan ---


@dataclass
class AQPage:
    aq: AQHabits
    seed: int
    angle: float
    bar_from: float  # where the paper's first bar starts (pixels from the sheet's top)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, aq: AQHabits, rng: random.Random) -> AQPage:
    """The printout as it goes to the scanner: its turn on the glass, where its bars lie."""
    del img, geo, sheet
    return AQPage(aq, rng.randrange(1 << 30), rng.uniform(-0.7, 0.7), rng.uniform(0, 150))


def _paper(page: AQPage, H: int, W: int, rng: random.Random) -> np.ndarray:
    """The fanfold sheet in grey: the paper a little cloudy, the bars 1/2 inch deep every inch between the strips'
    perforations, the strips' holes (the lid's white, a shadow at their rim) and perforations."""
    aq = page.aq
    see = seen_by(True)
    paper = smooth_field(H // 8, W // 8, rng, 236.0, 246.0, 6)
    out = np.asarray(cv2.resize(paper, (W, H)), np.float32)
    strip = STRIP if aq.strips else 0
    bar = float(see(BARS[aq.bars])[0]) / 240.0
    y = page.bar_from
    while y < H:
        out[int(y) : int(min(H, y + 150)), strip : W - strip] *= bar
        y += 300
    if aq.strips:
        for x in (strip, W - strip):  # the strips' perforations
            for y0 in range(0, H, 24):
                out[y0 : y0 + 12, x - 1 : x + 2] *= 0.82
        for cx in (STRIP // 2, W - STRIP // 2):
            for hole in range(75, H, 150):
                cv2.circle(out, (cx, hole), 26, 205.0, -1)
                cv2.circle(out, (cx, hole), 23, 250.0, -1)
    return out


def flat(a: np.ndarray, page: AQPage) -> np.ndarray:
    """The printout unscanned (``--pristine``): the printing on white."""
    del page
    return a


def scan(a: np.ndarray, page: AQPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The sheet on an A3 flatbed: the paper with its bars and holes, the ribbon's printing over them (its darkest grey
    the ribbon's), turned a little, grey at 200 dpi. Returns the image, the 2x3 map from the drawn page to it, its dpi
    and no bend."""
    rng = random.Random(page.seed)
    H, W = a.shape
    out = _paper(page, H, W, rng)
    t = np.clip((255.0 - a) / 255.0 * 1.1, 0, 1)
    dark = RIBBONS[page.aq.ribbon]
    out = out * (1.0 - t) + dark * t
    grey = np.clip(np.round(out), 0, 255).astype(np.uint8)[..., None]
    img, m = on_the_glass(grey, True, 200, page.angle, np_rng)
    return img, m, 200, None

