"""Family AO of the sample generator (held out from its making in session 38, 2026-12-07, helper s48-famao, to its one
measurement by the lead at the start of session 39; evaluation seed 2064, development seeds 33001-33040): the monthly payroll of
1980-1996 of an employer that closed without a successor and typed its sheets on an A4 upright sheet (a district
people's council's kindergarten or school, a consumer co-operative's shops, a water-supply company ВиК, a district
trade enterprise, a municipal services enterprise, a ДАП's repair shop; Толбухин and Михайловград renamed in their
years), typed by its accountant on an office typewriter with a Japanese-made gothic type (fonts-migmix's MigMix 1M,
regular or bold, its half-width Cyrillic cut to 12 or 15 to the inch; an A4 turned, or an A3 one, where a long name or a
wide figure does not fit across it), ruled in ink with a ruler.

What makes AO's fields hard (new): the table has more columns than the upright sheet holds across, so the accountant
typed it in two parts one UNDER the other on the same page, each with its own column headings, ruling and totals row:
- part I, the pay ("Начислено": the row number, the name, the ЕГН on three of four layouts, the post on some, the
  days worked, the base, the additional pay, gross) closed by its totals row (the truth's totals of those columns);
- part II, a line of its own naming it ("II. Удръжки и сума за получаване", "Продължение - удръжки" ...), then for the
  same people in the same order again the row number, the name a second time (in full, as initials and surname
  "И. П. Георгиев"), gross again on some layouts (the same figure), the itemised
  deductions (ДОД, the union's fee, the advance, a ДСК loan's instalment on one layout; no payroll-page/1 field: their
  sum ``deductions``), the deductions' total, net, the person's signature; closed by its own totals row (the truth's
  totals of deductions and net; gross's again where printed, the items' sums no truth);
- so every person's fields stand in two places of the page, joined only by the row number (and the order): a truth
  row is the person's row of part I with the deductions and net of the same number's row of part II (its box the row
  of part I); the name as typed in part I is the truth's name (the shortened one of part II is no truth);
- one layout prints no ЕГН (``egn_printed_only``: the truth's ЕГН null there).
No value is corrected on an AO sheet (no correction marks); every value of the truth is typed once (gross on some
layouts twice, the same figure) and readable.

The damage (new): the sheet was crumpled into a ball (thrown away with the closed employer's papers, picked out of the
waste by the liquidator's clerk) and flattened again before it came to the archive: a web of creases in every
direction across the page (short and long, straight or a little bent), each a thin dark line with a lit and a shaded
side, the paper's facets between them a little lighter or darker, the typing and the rules kinked across every
crease by a pixel or two (the truth's boxes stay round their strings), a greyish soil in the creases; every typed string
stays far darker than the crease lines and the paper. Scanned on a flatbed a little turned, grey at 300 dpi or colour
at 200, an A3 sheet grey at 200 (under ~5 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from PIL import Image

from archive_core.records import MONEY_FIELDS

from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .family_ah import LINE
from .family_ai import own_drawing
from .family_al import amount, type_cells, type_headings
from .family_al import cell as al_cell
from .family_am import PAPERS, PITCHES, at_desk, staffed
from .family_an import typed_month
from .handwork import flatbed_mode, on_the_glass, seen_by, signature, smooth_field
from .render import Geometry, Style

PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum ``deductions``)

# each layout: (part I's columns, part II's columns); "name2" is the name typed again in part II (no truth)
AO_PANELS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay"),
     ("row", "name2", "gross_pay", "tax", "union_fee", "advance", "deductions", "net_pay", "signature")),
    (("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay"),
     ("row", "name2", "tax", "advance", "deductions", "net_pay", "signature")),
    (("row", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay"),
     ("row", "name2", "gross_pay", "tax", "union_fee", "advance", "deductions", "net_pay", "signature")),
    (("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay"),
     ("row", "name2", "advance", "tax", "union_fee", "loan", "deductions", "net_pay", "signature")),
)  # fmt: skip
# the sheet's columns once each, part I's then part II's new ones (the name again among them: no field)
AO_LAYOUTS: tuple[tuple[str, ...], ...] = tuple((*up, *(c for c in low if c not in up)) for up, low in AO_PANELS)

HEADINGS_AO: dict[str, tuple[str, ...]] = {
    "row": ("Nо", "Ред\nNо"),
    "egn": ("ЕГН по\nлична\nкарта", "Гр. номер\nЕГН"),
    "name": ("Име, презиме,\nфамилия (пълно)", "Служител -\nтри имена"),
    "name2": ("Име\n(съкр.)", "Лице"),
    "position": ("Длъжн./\nработно\nмясто", "Зает\nкато"),
    "days_worked": ("Явил\nсе дни", "Дни\nприсъств."),
    "base_pay": ("Основна\nзар. по\nприсъств.", "Заплата\nпо дни"),
    "extra_pay": ("Доплащ.\nза стаж\nи др.", "Надбавки\n(стаж,\nдр.)"),
    "gross_pay": ("Всичко\nначислено\nза м.", "Начислено\nза месеца\nобщо"),
    "tax": ("Данък\nв-у дох.\nфиз. л.", "ДОД\n(удържан)"),
    "union_fee": ("Профс.\nчл. внос", "Вноска\nпрофсъюз\n(1%)"),
    "advance": ("Аванс\n(взет)", "Аванс\nвзет на\n25-то"),
    "loan": ("ДСК\nвноска\nпо заем", "Погас.\nДСК"),
    "deductions": ("Удръжки\nобщо\n(I+II)", "Всичко\nудържано\nот лицето"),
    "net_pay": ("Остатък\nза изпла-\nщане", "За полу-\nчаване\nв брой"),
    "signature": ("Подпис\nна служ.", "Разпи-\nсал се"),
}

MIGMIX, MIGMIX_BOLD = "migmix/migmix-1m-regular.ttf", "migmix/migmix-1m-bold.ttf"
# a font package none of A-AN uses (scripts/setup.sh: fonts-migmix): its half-width Cyrillic cut to the pitch
AO_FACES: dict[str, tuple[str, ...]] = {"typewriter": (MIGMIX, MIGMIX_BOLD)}
AO_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 40)}
AO_MONEY = (("", ","), ("", "."), (" ", "."), ("'", ","))  # (thousands from 1991, decimal)
A4P = "A4P"  # an upright A4 sheet (family_am.PAPERS)

EMPLOYERS = (
    ('ОДЗ "Слънце" при ОбНС - гр. Толбухин', ("директор", "учителка", "пом. възпит.", "готвачка", "перачка",
                                               "огняр")),
    ('ЕСПУ "Христо Ботев" - с. Славотин, Михайловградско', ("директор", "учител", "възпитател", "прислужничка",
                                                            "домакин", "пазач")),
    ('РПК "Единство" - магазини, гр. Ловеч', ("продавач", "прод.-консулт.", "завеждащ маг.", "склададжия",
                                               "шофьор", "счетоводител")),
    ("ВиК - гр. Михайловград", ("водопроводчик", "помпиер", "инкасатор", "монтьор", "лаборант", "техник")),
    ('ОТП "Хранителни стоки" - гр. Толбухин', ("продавачка", "касиерка", "товарач", "шофьор", "завеждащ",
                                               "стоковед")),
    ('Предприятие "Благоустройство и комунално стопанство" - гр. Тетевен', ("общ работник", "метач", "шофьор",
                                                                            "градинар", "майстор", "техник")),
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"))
UNTYPED = "–„№“"  # the typewriter has no en dash, low or high quotation mark, no "№": a hyphen, '"' and "Nо"
TITLES = ("Ведомост за заплатите на персонала", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "Ведомост за работна заплата")
PERIODS = ("за месец {word} {y} год.", "за {mm}.{y} г.", "м. {upper} - {y} г.")
PART_ONE = ("I. НАЧИСЛЕНО", "I. Начисления", "Част I - начислено")
PART_TWO = ("II. УДРЪЖКИ И СУМА ЗА ПОЛУЧАВАНЕ", "II. Удръжки и за получаване", "Продължение - удръжки и изплатено")
TOTALS = ("Всичко:", "ВСИЧКО", "Общо по ведомостта")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Директор:"), ("Изготвил:", "Счетоводител:", "Ръководител:"))
RIBBONS = {"black": (40.0, 38.0, 42.0), "navy": (95.0, 45.0, 35.0)}  # (B, G, R)
PEN_INK = (140.0, 55.0, 30.0)  # the ballpoint's blue (B, G, R)
LIGHT = (0.72, 1.12)  # the creases' light over the paper: their darkest line, their brightest facet


@dataclass
class AOHabits:
    """One AO file's switches, drawn once per file."""

    layout: int  # which of AO_PANELS
    face: str
    cpi: int  # 12 to the inch (15 where the table fits no other way)
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "0,00" (with the decimal)
    period: int  # which of PERIODS
    name2: str  # how part II names the person again: "full", "initials" (where its layout has the column)
    ribbon: str  # "black" or "navy"
    grey: bool  # scanned grey at 300 dpi; else colour at 200
    creases: int  # how many creases the crumpling left (18-36)
    kind: str = EMPLOYERS[0][0]
    posts: tuple[str, ...] = EMPLOYERS[0][1]
    ruling: str = "none"  # ruled in ink by family_ao.render


def draw(rng: random.Random) -> AOHabits:
    thousands, decimal = rng.choice(AO_MONEY)
    return AOHabits(
        layout=rng.randrange(len(AO_PANELS)), face=rng.choice(AO_FACES["typewriter"]), cpi=rng.choice((12, 12, 15)),
        thousands=thousands, decimal=decimal, zero=rng.choice(("-", "0,00")), period=rng.randrange(len(PERIODS)),
        name2=rng.choice(("full", "initials")), ribbon=rng.choice(("black", "navy")), grey=rng.random() < 0.6,
        creases=rng.randint(18, 36),
    )  # fmt: skip


def adapt_file(ef: EmployerFile, ao: AOHabits, rng: random.Random) -> None:
    """An AO file: an employer's 8-16 people, each in one of its posts."""
    staffed(ef, ao, rng, EMPLOYERS, RENAMED, AO_LAYOUTS)


@dataclass(frozen=True)
class PayHabit:
    """How an employer's cashier figured a person's month: the additional pay in per cent of the base (drawn from
    `extra`), the advance in per cent of the salary rounded to 5 lv. (`advance`), a loan's instalment in per cent of the
    salary (`loan`), the income tax in per mille of gross (`tax`, a range), and the order in which the advance and the
    loan are dropped where the deductions would come above gross."""

    extra: tuple[int, ...]
    advance: tuple[int, ...]
    loan: tuple[int, ...]
    tax: tuple[int, int]
    drop: tuple[str, ...]


AO_PAY = PayHabit(extra=(0, 2, 4, 6, 8, 10, 12), advance=(30, 40, 50), loan=(0, 0, 4, 6, 8), tax=(45, 110),
                  drop=("advance", "loan"))  # fmt: skip


def month_pay(
    salary: Decimal, days: int, wd: int, cols: set[str], rng: random.Random, habit: PayHabit
) -> dict[str, Any]:
    """A person's month: the base for the days worked, the additional pay (years of service and the like), gross, the
    itemised deductions the layout prints (tax, union fee, advance, loan; dropped in the habit's order where they would
    come above gross), net."""
    base = cents(salary * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
    extra = cents(base * rng.choice(habit.extra) / 100)
    gross = base + extra
    adv = (cents(salary * Decimal(rng.choice(habit.advance)) / 100 / 5) * 5).quantize(Decimal(1)) if days else Decimal(0)
    loan = cents(salary * Decimal(rng.choice(habit.loan)) / 100)
    cut = {"tax": cents(gross * rng.randint(*habit.tax) / 1000), "union_fee": cents(gross / 100), "advance": adv,
           "loan": loan}  # fmt: skip
    cut = {c: (v if c in cols else Decimal(0)) for c, v in cut.items()}
    for dropped in habit.drop:  # the cashier holds back no more than the month's gross
        if sum(cut.values(), Decimal(0)) > gross:
            cut[dropped] = Decimal(0)
    ded = sum(cut.values(), Decimal(0))
    return {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded, **cut}


def initials(name: str) -> str:
    """"Иван Петров Георгиев" as part II shortens it: "И. П. Георгиев"."""
    words = name.split()
    return " ".join([*(w[0] + "." for w in words[:-1]), words[-1]])


def pay_rows(sheet: SheetContent, own: Any, ef: EmployerFile | None, lay: tuple[str, ...], rng: random.Random,
             habit: PayHabit, withheld: frozenset[str] = frozenset()) -> list[dict[str, object]]:  # fmt: skip
    """A month's rows (AO's, AR's): a row a present person, numbered 1.., the post of the file (``own.posts`` where the
    person is none of its staff), the pay by ``habit`` (family_ao.month_pay) with the itemised deductions ``lay`` prints
    and those ``withheld`` though not printed (their total the only deductions on the sheet); the fields ``lay`` has
    not null, the itemised deductions kept (nought where not withheld)."""
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    cols = set(lay)
    rows: list[dict[str, object]] = []
    for k, old in enumerate(sheet.rows):
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = (person.salary if person is not None else Decimal(200)) * scale
        days = int(str(old.get("days_paid", wd)))
        post = person.position if person is not None else rng.choice(own.posts)
        w = month_pay(salary, days, wd, cols | withheld, rng, habit)
        r: dict[str, object] = {"row": k + 1, "egn": egn, "name": str(old["name"]),
                                "position": post if "position" in cols else None,
                                "days_worked": days if "days_worked" in cols else None, "days_paid": days}  # fmt: skip
        r.update({c: w[c] for c in PARTS})
        for f in MONEY_FIELDS:
            r[f] = w[f] if f in cols else None
        rows.append(r)
    return rows


def adapt_sheet(sheet: SheetContent, ao: AOHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AO month: a row a present person (part I's and part II's figures of one truth row); the sheet's totals over
    the payroll-page/1 fields; the file's number formats and words."""
    lay = AO_LAYOUTS[ao.layout]
    rows = pay_rows(sheet, ao, ef, lay, rng, AO_PAY)
    for r in rows:  # part II's name: no truth
        r["name2"] = r["name"] if ao.name2 == "full" else initials(str(r["name"]))
    typed_month(sheet, ao, rows, lay, rng, (PERIODS, TITLES, RENAMED))  # the third layout prints no ЕГН
    up, low = AO_PANELS[ao.layout]
    sheet.extra["ao_job"] = {
        "heads": {c: rng.choice(HEADINGS_AO[c]) for c in (*up, *low)}, "total": rng.choice(TOTALS),
        "one": rng.choice(PART_ONE), "two": rng.choice(PART_TWO), "signers": rng.choice(SIGNERS),
        "sheet_word": rng.choice(("Лист {n}", "стр. {n}", "л. {n}")),
    }  # fmt: skip


def style(ao: AOHabits, rng: random.Random, base: Style) -> None:
    """An AO page's style: the typewriter's face on an upright sheet, no generic ruling or marks (the rest is drawn by
    family_ao.render)."""
    del rng
    own_drawing(base, ao.face, AO_SIZES["typewriter"][0], False)


# --- the sheet typed in two parts ---


def cell(c: str, r: dict[str, object], sheet: SheetContent) -> str:
    """What a row prints in column ``c`` (part II's name as the file shortens it, the rest as AL's typist)."""
    return str(r["name2"]) if c == "name2" else al_cell(c, r, sheet)


def part_sums(sheet: SheetContent, cols: tuple[str, ...]) -> dict[str, Decimal]:
    """A part's totals row: the sums of its money columns (the truth's totals and the itemised deductions')."""
    return {c: sum((amount_or_nought(r[c]) for r in sheet.rows), Decimal(0)) for c in cols
            if c in MONEY_FIELDS or c in PARTS}  # fmt: skip


def widths_of(sheet: SheetContent, cols: tuple[str, ...]) -> list[int]:
    """A part's column widths in characters: its headings, its rows, its totals."""
    job = sheet.extra["ao_job"]
    assert isinstance(job, dict)
    sums = part_sums(sheet, cols)
    least = {"row": 3, "egn": 10, "name": 18, "name2": 12, "position": 9, "signature": 10, "days_worked": 3}
    return [max([len(s) for s in job["heads"][c].split("\n")] + [len(cell(c, r, sheet)) for r in sheet.rows]
                + [len(amount(sums[c], sheet)) if c in sums else 0, least.get(c, 6)]) for c in cols]  # fmt: skip


def fit(sheet: SheetContent, ao: AOHabits, ws: list[list[int]]) -> tuple[str, int]:
    """The paper and the pitch the two parts fit at one under the other: an upright A4 at the file's pitch or 15 to
    the inch, else (a long name, a wide figure) an A4 turned, else (many people too) an A3 turned."""
    end = max(sum(w) + 2 * (len(w) - 1) for w in ws)
    lines = 5.5 + 2 * (3 + len(sheet.rows) + 1) + 2.5 + 4
    for paper, c in ((A4P, ao.cpi), (A4P, 15), ("A4L", 12), ("A4L", 15), ("A3L", 12), ("A3L", 15)):
        W, H = PAPERS[paper]
        if end * PITCHES[c] <= W - 2 * 150 and lines * LINE <= H - 380:
            return paper, PITCHES[c]
    raise AssertionError(f"the sheet overran the paper: {ws}")


def render(sheet: SheetContent, st: Style | None, ao: AOHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The sheet typed at 300 dpi: the employer and the sheet's number, the title and period; part I's line, headings
    between ruled lines, a person a line, its totals row; part II's line, headings, the same people again, its totals
    row; the signers. Ruled in ink. The truth's cells carry the sheet's columns (``sheet.layout``): part II's cells of
    the columns part I has not (a row's deductions and net on its part II line); a row's box its part I line. The pen's
    layer goes to ``sheet.extra["ao_pen"]``, every typed string's box to ``ao_keep``."""
    del st
    job = sheet.extra["ao_job"]
    assert isinstance(job, dict)
    up, low = AO_PANELS[ao.layout]
    ws = [widths_of(sheet, up), widths_of(sheet, low)]
    paper, pitch = fit(sheet, ao, ws)
    lay, n = sheet.layout, len(sheet.rows)
    desk = at_desk(sheet, ao, rng, paper, pitch, ws[0], [job["heads"][c].split("\n") for c in up], str(job["sheet_word"]))
    ball, geo, pen = desk.ball, desk.geo, desk.pen
    ball.text(0, 4.25, str(job["one"]))
    y_top = desk.y_top
    y = desk.y
    for part, cols in enumerate((up, low)):
        starts = desk.starts
        if part == 1:  # part II under part I: its line, its own columns and headings
            y += 1.6
            ball.text(0, y, str(job["two"]))
            y += 1.5
            starts = [int(s) for s in np.cumsum([0, *(w + 2 for w in ws[1][:-1])])]
            desk.starts, desk.ws, desk.end = starts, ws[1], starts[-1] + ws[1][-1]
            desk.xl, desk.xr = ball.x(-0.5), ball.x(desk.end + 0.5)
            desk.y_top = ball.y(y) - 0.95 * LINE
            desk.rule(desk.y_top)
            mark = len(geo.cells)
            y += type_headings(ball, geo, [job["heads"][c].split("\n") for c in low], starts, ws[1], y)
            geo.cells[mark:] = [(0, lay.index(low[j]), b, t) for _, j, b, t in geo.cells[mark:] if _own(low[j], up)]
            desk.rule(ball.y(y) - 0.95 * LINE + 4)
            y += 0.15
        for k, r in enumerate(sheet.rows, 1):
            mark = len(geo.cells)
            typed_as = tuple("name" if c == "name2" else c for c in cols)  # the name again from its column's left
            type_cells(ball, geo, k, typed_as, [cell(c, r, sheet) for c in cols], starts, ws[part], y)
            if part == 1:
                geo.cells[mark:] = [(k, lay.index(cols[j]), b, t) for _, j, b, t in geo.cells[mark:]
                                    if _own(cols[j], up)]  # fmt: skip
                if "signature" in cols and rng.random() < 0.9:
                    j = cols.index("signature")
                    signature(pen, ball.x(starts[j]), ball.y(y) - 0.3 * LINE, ws[1][j] * pitch, rng)
            else:
                desk.row_box(y)
            y += 1
        desk.rule(ball.y(y) - 0.85 * LINE)
        ball.text(starts[cols.index("name2" if part else "name")], y, str(job["total"]))
        for c, v in part_sums(sheet, cols).items():
            t, j = amount(v, sheet), cols.index(c)
            ball.text(starts[j] + ws[part][j] - len(t), y, t)
            if c in MONEY_FIELDS and _own(c, up if part else ()):  # the truth's totals: cells of the totals row
                geo.cells.append((n + 1, lay.index(c), [int(ball.x(starts[j])) - 4, int(ball.y(y) - 0.8 * LINE),
                                                        int(ball.x(starts[j] + ws[part][j])) + 4,
                                                        int(ball.y(y) + 0.3 * LINE)], t))  # fmt: skip
        desk.close(y)
        y += 1
    geo.table_bbox = [int(ball.x(-0.5)), int(y_top), int(max(ball.x(sum(w) + 2 * len(w)) for w in ws)),
                      int(ball.y(y - 1) + 0.35 * LINE + 8)]  # fmt: skip
    y += 1.5
    for q, who in enumerate(job["signers"]):
        at = round(q * desk.end / 3)
        ball.text(at, y, str(who))
        signature(pen, ball.x(at + len(who) + 1), ball.y(y) - 0.3 * LINE, 8 * pitch, rng)
    return desk.lift(sheet, "ao", y, rng), geo


def _own(c: str, before: tuple[str, ...]) -> bool:
    """Is part II's column ``c`` one part I has not typed (its cells the sheet's; the name's again no truth)?"""
    return c not in before


# --- the crumpling and the scan ---


@dataclass
class AOPage:
    ao: AOHabits
    seed: int
    pen: np.ndarray  # the rules' and signatures' ink (255 none)
    creases: list[tuple[float, float, float, float, float, float, float]]  # x0, y0, angle, length, depth, kink, facet
    angle: float


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ao: AOHabits, rng: random.Random) -> AOPage:
    """Where the crumpled sheet creased: ``ao.creases`` straight creases at every angle, a third of them long (across
    most of the page), the rest short, a few through the table for sure; each its depth (how dark its line) and its
    kink (how far the paper on one side shifted, a pixel or two); the turn on the glass."""
    del geo
    W, H = img.size
    pen = sheet.extra["ao_pen"]
    assert isinstance(pen, np.ndarray)
    creases = []
    for _ in range(ao.creases):
        long = rng.random() < 0.33
        creases.append((rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0, np.pi),
                        rng.uniform(1500, 3200) if long else rng.uniform(300, 1200), rng.uniform(0.06, 0.16),
                        rng.choice((-1, 1)) * rng.uniform(0.6, 2.0), rng.uniform(0.04, 0.09)))  # fmt: skip
    return AOPage(ao, rng.randrange(1 << 30), pen, creases, rng.uniform(-1.0, 1.0))


def flat(a: np.ndarray, page: AOPage) -> np.ndarray:
    """The typed sheet with its ruling and signatures, uncrumpled and unscanned (``--pristine``)."""
    return np.asarray(np.minimum(a, page.pen.astype(np.float32)), np.float32)


def crumpled(page: AOPage, H: int, W: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The creases' light (a factor round 1: each crease a thin dark line, one side lit, the other shaded, fading along
    its ends) and the paper's shift across them (x and y, pixels: a step of the crease's kink, smoothed)."""
    light = np.ones((H, W), np.float32)
    sx = np.zeros((H, W), np.float32)
    sy = np.zeros((H, W), np.float32)
    for x0, y0, ang, length, depth, kink, facet in page.creases:
        ux, uy = float(np.cos(ang)), float(np.sin(ang))
        nx, ny = -uy, ux
        xa, xb = x0 - ux * length / 2, x0 + ux * length / 2
        ya, yb = y0 - uy * length / 2, y0 + uy * length / 2
        pad = 260
        c0, c1 = max(0, int(min(xa, xb) - pad)), min(W, int(max(xa, xb) + pad))
        r0, r1 = max(0, int(min(ya, yb) - pad)), min(H, int(max(ya, yb) + pad))
        if c1 <= c0 or r1 <= r0:
            continue
        yy, xx = np.mgrid[r0:r1, c0:c1].astype(np.float32)
        t = (xx - x0) * ux + (yy - y0) * uy  # along the crease, 0 at its middle
        d = (xx - x0) * nx + (yy - y0) * ny  # across it
        along = np.clip((length / 2 - np.abs(t)) / 150.0, 0, 1)  # fading out over its last 150 pixels
        line = np.exp(-((d / 2.2) ** 2)) * depth
        side = np.tanh(d / 30.0) * np.exp(-np.abs(d) / 320.0) * facet
        light[r0:r1, c0:c1] *= 1.0 - along * (line - side)
        step = np.tanh(d / 3.0) * kink * 0.5 * along
        sx[r0:r1, c0:c1] += step * nx
        sy[r0:r1, c0:c1] += step * ny
    return np.clip(light, LIGHT[0], LIGHT[1]), sx, sy


def scan(a: np.ndarray, page: AOPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The flattened sheet on the flatbed: the paper (a little soiled, greyer in the creases), the typing in the
    ribbon's ink and the ballpoint's rules and signatures kinked across the creases, the creases' light over all;
    turned a little, grey at 300 dpi or colour at 200. Returns the image, the 2x3 map from the drawn page to it, its
    dpi and no bend."""
    ao = page.ao
    rng = random.Random(page.seed)
    H, W = a.shape
    grey, dpi = flatbed_mode(W, ao.grey)
    light, sx, sy = crumpled(page, H, W)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    typed = np.clip((255.0 - a) / 255.0, 0, 1)
    penned = np.clip((255.0 - page.pen.astype(np.float32)) / 255.0, 0, 1)
    typed = np.asarray(cv2.remap(typed, xx - sx, yy - sy, cv2.INTER_LINEAR, borderValue=0), np.float32)
    penned = np.asarray(cv2.remap(penned, xx - sx, yy - sy, cv2.INTER_LINEAR, borderValue=0), np.float32)
    del xx, yy, sx, sy
    paper = np.asarray(cv2.resize(smooth_field(H // 8, W // 8, rng, 226.0, 242.0, 7), (W, H)), np.float32)
    seen = seen_by(grey)
    ink = seen(RIBBONS[ao.ribbon])
    out = np.empty((H, W, 1 if grey else 3), np.uint8)
    for y0 in range(0, H, 128):
        sl = slice(y0, y0 + 128)
        o = paper[sl][..., None] * seen((0.95, 0.98, 1.0))
        p = (penned[sl] * 0.85)[..., None]
        o = o * (1.0 - p) + seen(PEN_INK) * p
        t = np.clip(typed[sl] * 1.1, 0, 1)[..., None]
        o = o * (1.0 - t) + ink * t
        out[sl] = np.clip(np.round(o * light[sl][..., None]), 0, 255).astype(np.uint8)
    del paper, typed, penned, light
    img, m = on_the_glass(out, grey, dpi, page.angle, np_rng)
    return img, m, dpi, None

