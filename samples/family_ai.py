"""Family AI of the sample generator (held out from its making in session 32, 2026-12-06, helper s41-famai, before
anything was tuned on AH, to its one measurement by the lead at the start of session 33; evaluation seed 2058, development
seeds 27001-27040, tuned on from then): the monthly payroll of 1980-1996 of a design organisation that closed without a successor (a
district design organisation, ТПО; a branch of a design institute, "Агропромпроект", "Промпроект", "Минпроект",
"Водпроект", "Транспроект"; a machine-building design bureau), drawn up the way its drawing office drew everything:
lettered by a draughtsman-copyist with a lettering stencil and a technical pen (ISO 3098 type B, upright or slanted
at 75 degrees) on tracing paper ("паус"), ruled with the pen (the frame and the outer lines thick, the inner thin), in
a drawing's sheet frame with the wide binding margin on the left and a title block ("основен надпис") at the lower
right that holds the employer, the document's name, the period, the section ("Секция ...", not the employer), the
sheet and the number of sheets, the archive number, the date it was drawn up (in the month after the one it pays) and
who made, checked and approved it; and kept by the archive
only as the diazo copy ("светлокопие") the office ran off on its whiteprint machine (photocopiers were registered
and scarce before 1990; the drawing office's copier was the ammonia one).

What AI draws, each file its own combination (samples/families.py applies it over the generic switches):
the columns. The base salary for the days worked, the designers' additional pay itemised as the fee for the projects
("хонорар по обекти": the month's share of the section's project fees) and the author's supervision of the sites
("авторски надзор"), their sum the additional pay (printed or not: null in the truth where only the items are), gross,
itemised deductions (ДОД, the union's fee, the mutual-aid fund "ВЗК", a ДСК loan's instalment, the advance: their sum
``deductions``), net; the posts of a drawing office (гл. проектант, архитект, инженер-конструктор, техник-проектант,
чертожник, копирист, светлокопирист); the ЕГН on most layouts (none on one: ``egn_printed_only``); the period lettered
in the title block only on most files ("м. III 1986 г." in Roman numerals, "март 1986 г." or "03.1986 г."), over the
table in a title line on some; the amounts with a decimal comma or point, thousands by a space from 1991 on some,
a nought as a dash; the signatures of the people and of those in the title block in the same pen (they copy too).
The copy: the diazo process as it works: the tracing paper's lines keep the light off the coating, whose dye is
left there (the lines blue-violet, sepia or near black), and the light through the clear paper bleaches the rest,
so the ground is left a pale tint where the copy ran through too fast (underexposed) and the thin lines go pale where
it ran too slowly; the exposure varies in bands across the feed (the machine's speed) and along the lamp; where the
tracing paper lifted off the copy paper on the glass cylinder (a curl, a crease) the lines spread soft; the tracing
paper's creases print as faint dark lines across the table; the ammonia's development uneven in streaks along the
feed; the copy aged: its ground yellowed and its dye faded along the edge that was left in the light; the tracing
paper shrunk a little more one way than the other. The scan: a flatbed at 200 dpi in colour or 300 dpi in grey, a
little turned; every lettered value kept clearly darker than the ground around it (the tests hold it to that).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, money_text, pay_scale, working_days
from .handwork import signature, smooth_field
from .render import FONT_DIR, Geometry, Style, rect_polygon

ITEMS = ("objects", "supervision")  # the additional pay's items (their sum ``extra_pay``)
PARTS = ("tax", "union_fee", "vsk", "dsk", "advance")  # the itemised deductions (their sum ``deductions``)

AI_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "egn", "days_worked", "base_pay", "objects", "supervision", "extra_pay", "gross_pay",
     "tax", "union_fee", "vsk", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "position", "base_pay", "objects", "supervision", "gross_pay", "tax", "union_fee",
     "advance", "deductions", "net_pay"),
    ("row", "position", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "tax", "vsk", "dsk", "deductions",
     "net_pay", "signature"),
    ("row", "name", "egn", "days_worked", "gross_pay", "advance", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "position", "objects", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AI: dict[str, tuple[str, ...]] = {
    "row": ("Поз.", "№\nпоз.", "Пор.\nномер"),
    "egn": ("ЕГН\nна лицето", "Ед. гражд.\nномер", "ЕГН\n(10 цифри)"),
    "name": ("Име, бащино и фамилно\nиме на лицето", "Трите имена\nна проектанта", "Лице\n(име, презиме, фамилия)"),
    "position": ("Длъжност\nв секцията", "Проектантска\nдлъжност", "Длъжност\nпо щат"),
    "days_worked": ("Присъств.\nдни", "Дни по\nтабела", "Раб.\nдни"),
    "base_pay": ("Основна\nзаплата\nза дните", "Заплата\nпо щатно\nразпис.", "Осн.\nзапл.\nлв."),
    "objects": ("Хонорар\nпо обекти", "Доплащ.\nпроектни\nработи", "Възнагр.\nот обекти"),
    "supervision": ("Авторски\nнадзор", "Авт.\nнадзор\nлв.", "Надзор\nна обекти"),
    "extra_pay": ("Всичко\nдоплащ.", "Допълн.\nвъзн.\nобщо", "Сума\nдоплащ.\nлв."),
    "gross_pay": ("Всичко\nначислено", "Общо\nначисл.\nлв.", "Начислена\nсума"),
    "tax": ("ДОД\nпо\nведомост", "Данък\nобщ\nдоход", "ДОД\nлв."),
    "union_fee": ("Вноска\nБПС", "Синдик.\nвноска", "Профс.\nвнос\nлв."),
    "vsk": ("Вноска\nВЗК", "Взаимо-\nспом.\nкаса", "ВЗК\nлв."),
    "dsk": ("Заем\nДСК", "Вноска\nпо заем\nДСК", "ДСК\nлв."),
    "advance": ("Аванс\nза м.", "Изпл.\nаванс", "Аванс\nлв."),
    "deductions": ("Удръжки\n- общо", "Общо\nудръжки\nлв.", "Удържано\nвсичко"),
    "net_pay": ("Сума за\nизплащане", "Остатък\nза получ.", "Чиста\nсума\nлв."),
    "signature": ("Подпис\nза сумата", "Получих\nсумата\n(подпис)", "Разписка\nза получ."),
}  # fmt: skip

OSIFONT = "osifont/osifont.ttf"
# a font package none of A-AH uses (scripts/setup.sh: fonts-osifont): ISO 3098 technical lettering, the stencil's
AI_FACES: dict[str, tuple[str, ...]] = {"lettering": (OSIFONT,)}
AI_SIZES: dict[str, tuple[int, int]] = {"lettering": (42, 42)}
AI_MONEY = (("", ","), ("", "."), (" ", ","), (" ", "."))  # (thousands from 1991, decimal)

# the employers (all closed without a successor); a district's name as it was in the sheet's year
EMPLOYERS = (
    "ТПО - гр. Враца", "Териториална проектантска организация - Михайловград", "ТПО - гр. Кърджали",
    '"Агропромпроект" - клон Стара Загора', '"Промпроект" - филиал Габрово', 'ПИ "Минпроект" - клон Перник',
    '"Водпроект" - филиал Плевен', 'ИПП "Транспроект" - бюро Горна Оряховица', "ЦКБ по машиностроене - Сливен",
    "ТПО - гр. Толбухин",
)  # fmt: skip
RENAMED = ((1990, "Толбухин", "Добрич"), (1993, "Михайловград", "Монтана"), (1991, "ЦКБ по", "ЦКБ ЕООД по"))
SECTIONS = ("Секция \"Архитектура\"", "Секция \"Конструкции\"", "Секция \"ВиК\"", "Секция \"Електро\"",
            "Секция \"ОВ и ТГ\"", "Секция \"Пътна\"", "Отдел \"Технологичен\"", "Чертожна зала")  # fmt: skip
# the posts of a drawing office, in the order of its staff list, and each post's share of the chief designer's salary
POSTS = (("гл. проектант", 100), ("ръководител секция", 95), ("архитект", 80), ("инж.-конструктор", 78),
         ("инженер-проектант", 74), ("ст. техник-проектант", 62), ("техник-проектант", 56), ("чертожник", 48),
         ("копирист", 44), ("светлокопирист", 42), ("машинописка", 42), ("куриер", 36))  # fmt: skip
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ", "Ведомост за работните заплати", "РАЗЧЕТНА ВЕДОМОСТ", "Ведомост заплати")
PERIODS = {"roman": "м. {roman} {y} г.", "word": "{word} {y} г.", "digits": "{mm}.{y} г."}
LINES = ("{title} на секцията за {period}", "{title} - {period}", "{title} за {period}")
TOTALS = ("Всичко:", "ВСИЧКО", "Общо за секцията:")
SIGNERS = (("Изготвил", "Проверил", "Гл. счетоводител"), ("Съставил", "Проверил", "Н-к отдел"),
           ("Изготвил", "Гл. счетоводител", "Директор"))  # fmt: skip
DYES = {"blue": (150.0, 62.0, 58.0), "sepia": (38.0, 64.0, 112.0), "black": (64.0, 50.0, 52.0)}  # BGR at full dye
PX_MM = 300 / 25.4  # pixels a millimetre at 300 dpi
PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480)}


@dataclass
class AIHabits:
    """One AI file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    height: float  # the lettering's height in millimetres (3.5 or 2.5; 1.8 where the table fits no other way)
    slant: bool  # ISO 3098 type B slanted at 75 degrees (else upright)
    row_mm: float  # the table's row height in millimetres
    thousands: str  # from 1991
    decimal: str
    zero: str  # a nought: "-" or "—"
    period: str  # "roman", "word" or "digits"
    title_line: bool  # the title and period also lettered over the table (else only in the title block)
    portrait: bool
    dye: str  # the diazo dye: "blue", "sepia" or "black"
    exposure: float  # the copy's exposure (1 right; under it the ground tinted, over it the thin lines pale)
    bands: float  # the exposure's bands across the feed (their share, up and down)
    lifts: int  # patches where the tracing paper lifted off the copy paper (the lines soft there)
    creases: int  # the tracing paper's creases printed as faint lines
    fade: float  # the dye faded along one edge left in the light (its share at the edge)
    fade_edge: str  # "left", "right", "top" or "bottom"
    shrink: float  # the tracing paper's shrinking across the feed more than along it (a share)
    grey: bool  # scanned grey at 300 dpi; else colour at 200 dpi
    kind: str = "ТПО"
    posts: dict[str, str] = field(default_factory=dict)  # each person's post by ЕГН
    share: Decimal = Decimal(0)  # the section's project fee share of the base (the month's varies around it)

    @property
    def ruling(self) -> str:
        return "none"  # the draughtsman's own (render)

    @property
    def dpi(self) -> int:
        return 300 if self.grey else 200


def draw(rng: random.Random) -> AIHabits:
    thousands, decimal = rng.choice(AI_MONEY)
    return AIHabits(
        layout=rng.choice(AI_LAYOUTS), face=OSIFONT, height=rng.choice((3.5, 2.5, 2.5)), slant=rng.random() < 0.5,
        row_mm=rng.choice((7.0, 8.0, 8.0, 10.0)), thousands=thousands, decimal=decimal, zero=rng.choice(("-", "—")),
        period=rng.choice(("roman", "roman", "word", "digits")), title_line=rng.random() < 0.35,
        portrait=rng.random() < 0.25, dye=rng.choice(("blue", "blue", "sepia", "black")),
        exposure=rng.uniform(0.7, 1.35), bands=rng.uniform(0.05, 0.22), lifts=rng.choice((0, 1, 1, 2)),
        creases=rng.choice((0, 1, 2, 3)), fade=rng.choice((0.0, rng.uniform(0.1, 0.35))),
        fade_edge=rng.choice(("left", "right", "top", "bottom")), shrink=rng.uniform(0.0, 0.008),
        grey=rng.random() < 0.4,
    )  # fmt: skip


def renamed(name: str, year: int, table: tuple[tuple[int, str, str], ...] = RENAMED) -> str:
    """The employer's name as lettered in ``year`` (a district town renamed, a bureau's new form; AJ's ``table``: a
    town or a hotel renamed)."""
    for since, old, new in table:
        if year >= since:
            name = name.replace(old, new)
    return name


def adapt_file(ef: EmployerFile, ai: AIHabits, rng: random.Random) -> None:
    """An AI file: a design organisation's section, its staff in the order of their posts (the salary by post), the
    project fee's usual share, the layout and headings."""
    name = rng.choice(EMPLOYERS)
    ai.kind = name
    ef.employer = renamed(name, ef.start[0])
    ef.layout = ai.layout
    ef.headings = {c: rng.choice(HEADINGS_AI[c]) for c in ef.layout}
    del ef.staff[15:]  # one section on one sheet
    top = max(p.salary for p in ef.staff) * Decimal(rng.choice((110, 120, 135))) / 100
    posts = [POSTS[0], POSTS[1], *(rng.choice(POSTS[2:]) for _ in range(len(ef.staff) - 2))][: len(ef.staff)]
    order = [p for p, _ in POSTS]
    posts.sort(key=lambda p: order.index(p[0]))  # the staff list in the order of the posts
    for p, (post, share) in zip(ef.staff, posts, strict=True):
        p.position = post
        p.salary = (top * share / 100).quantize(Decimal(1))
        ai.posts[p.egn] = post
    ai.share = Decimal(rng.choice((15, 20, 25, 30, 40)))


def adapt_sheet(sheet: SheetContent, ai: AIHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AI month: each person's base for the days worked, the project fee and the author's supervision (the
    additional pay), gross, the itemised deductions and net; the totals of every money column and item; the words
    (the title, the period as the title block letters it, the section, the signers)."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    scale = pay_scale(ef.start[0] if ef is not None else sheet.year, sheet.year)
    parts = [c for c in PARTS if c in cols]
    printed_items = [c for c in ITEMS if c in cols]
    month_share = ai.share * Decimal(rng.choice((0, 50, 80, 100, 100, 120, 150))) / 100  # the projects paid this month
    step = Decimal(10) if sheet.year < 1991 else Decimal(100)
    rows: list[dict[str, object]] = []
    for old in sheet.rows:
        egn = str(old["egn"])
        person = staff.get(egn)
        salary = person.salary if person is not None else Decimal(300)
        days = int(str(old.get("days_paid", wd)))
        base = cents(salary * scale * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        post = ai.posts.get(egn, "техник-проектант")
        designer = post not in ("копирист", "светлокопирист", "машинописка", "куриер")
        items = {"objects": cents(base * month_share * Decimal(rng.randint(70, 130)) / 10000) if designer else Decimal(0),
                 "supervision": Decimal(0)}  # fmt: skip
        if designer and rng.random() < 0.35:
            items["supervision"] = cents(Decimal(rng.randint(2, 12)) * Decimal(rng.choice((3, 4, 5))) * scale)
        if printed_items:  # the items the sheet does not print are none (the printed ones add up to the extra pay)
            items = {c: (v if c in printed_items else Decimal(0)) for c, v in items.items()}
        extra = items["objects"] + items["supervision"]
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(60, 120)) / 1000), "union_fee": cents(gross / 100),
               "vsk": Decimal(rng.choice((1, 2, 3, 5))) * (scale if sheet.year >= 1991 else 1), "dsk": Decimal(0),
               "advance": Decimal(0)}  # fmt: skip
        cut["vsk"] = cents(cut["vsk"])
        if rng.random() < 0.3:
            cut["dsk"] = cents(Decimal(rng.choice((15, 20, 25, 40))) * scale)
        if rng.random() < 0.5 and gross > 0:
            cut["advance"] = (gross * Decimal(rng.choice((30, 40))) / 100 / step).quantize(Decimal(1)) * step
        if parts:  # the deductions the sheet does not print are none
            cut = {c: (v if c in parts else Decimal(0)) for c, v in cut.items()}
        while sum(cut.values(), Decimal(0)) > gross and any(cut.values()):  # never more than the gross
            big = max(cut, key=lambda c: cut[c])
            cut[big] = Decimal(0)
        ded = sum(cut.values(), Decimal(0))
        r: dict[str, object] = {"egn": egn, "name": str(old["name"]), "days_paid": days}
        r["position"] = post if "position" in cols else None
        r["days_worked"] = days if "days_worked" in cols else None
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None
        r.update(items)
        r.update(cut)
        rows.append(r)
    for i, r in enumerate(rows, start=1):
        r["row"] = i
    sheet.rows = rows
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *ITEMS, *PARTS)
                    if f in cols}  # fmt: skip
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    period = PERIODS[ai.period].format(roman=data.ROMAN[m - 1], word=word, mm=f"{m:02d}", y=y)
    sheet.title = rng.choice(TITLES)
    sheet.period_text = period
    sheet.employer = renamed(ai.kind, y)
    sheet.decimal_comma = ai.decimal == ","
    sheet.thousands_space = bool(ai.thousands) and y >= 1991
    sheet.thousands_sep = ai.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = sheet.dash_zero = False
    sheet.zero_mark = ai.zero  # a nought lettered as a dash (content.money_text)
    sheet.egn_printed_only = True  # two layouts print no ЕГН: none in their truth (samples/generate.truth_of)
    sheet.extra["ai_job"] = {
        "section": rng.choice(SECTIONS), "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS),
        "line": rng.choice(LINES).format(title=sheet.title, period=period), "sheets": sheet.sheet + rng.randint(0, 9),
        "archive": f"Арх. № {rng.randint(100, 9999)}/{y % 100:02d}",
    }  # fmt: skip


def style(ai: AIHabits, rng: random.Random, base: Style) -> None:
    """An AI page's style: the stencil's face, no generic ruling or marks (the rest is drawn by family_ai.render)."""
    del rng
    own_drawing(base, ai.face, AI_SIZES["lettering"][0], not ai.portrait)


def own_drawing(base: Style, face: str, size: int, landscape: bool) -> None:
    """The style of a page its family draws all by itself (AI, AJ): its face, size and orientation, no generic
    ruling, corrections, handwritten totals, stamps or signatures across."""
    base.font, base.size, base.landscape = FONT_DIR / face, size, landscape
    base.typewriter = base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = base.ruled = False
    base.ruling = "none"


# --- the sheet, lettered on tracing paper ---


@lru_cache(maxsize=64)
def _face(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / OSIFONT), size)


class _Stencil:
    """The draughtsman's lettering: each string through the stencil at the file's height, upright or slanted, the
    stencil set down a little off the line each time; the pen's lines thin or thick."""

    def __init__(self, W: int, H: int, height: float, slant: bool, rng: random.Random) -> None:
        self.ink = np.zeros((H, W), np.float32)
        self.rng, self.slant = rng, slant
        self.size = int(round(height * PX_MM / 0.7))  # the capitals' height is 0.7 of the em
        self.boxes: list[tuple[int, int, int, int]] = []  # every lettered string
        self.words: list[tuple[str, tuple[int, int, int, int]]] = []  # ... with its box

    def width(self, s: str, size: int | None = None) -> float:
        return float(_face(size or self.size).getlength(s))

    def text(self, x: float, base: float, s: str, *, size: int | None = None, align: str = "l", keep: bool = True) -> list[int]:
        """Letter ``s`` on the baseline ``base`` from ``x`` (``align`` "r": ending at ``x``; "c": centred on it);
        the string's box."""
        if not s.strip():
            return [int(x), int(base), int(x), int(base)]
        f = _face(size or self.size)
        w = f.getlength(s)
        x0 = x - w if align == "r" else x - w / 2 if align == "c" else x
        asc = int(f.size * 1.05)
        pad = int(f.size * 0.5)
        img = Image.new("L", (int(w) + 2 * pad, asc + pad), 0)
        ImageDraw.Draw(img).text((pad, asc), s, font=f, fill=255, anchor="ls")
        if self.slant:  # type B slanted 75 degrees: the top leans right by tan(15) of the height
            k = float(np.tan(np.radians(15)))
            img = img.transform(img.size, Image.Transform.AFFINE, (1, k, -k * asc, 0, 1, 0), Image.Resampling.BILINEAR)
        g = np.asarray(cv2.dilate(np.asarray(img, np.uint8), np.ones((2, 2), np.uint8)), np.float32) / 255.0  # 0.35 mm
        dx, dy = self.rng.gauss(0, 1.2), self.rng.gauss(0, 1.5)
        xa, ya = int(round(x0 - pad + dx)), int(round(base - asc + dy))
        H, W = self.ink.shape
        h, wg = g.shape
        a0, b0, a1, b1 = max(0, xa), max(0, ya), min(W, xa + wg), min(H, ya + h)
        if a1 > a0 and b1 > b0:
            np.maximum(self.ink[b0:b1, a0:a1], g[b0 - ya : b1 - ya, a0 - xa : a1 - xa], out=self.ink[b0:b1, a0:a1])
        box = [int(x0) - 4, int(base - 0.8 * f.size), int(x0 + w) + 4, int(base + 0.3 * f.size)]
        if keep:
            self.boxes.append((box[0], box[1], box[2], box[3]))
            self.words.append((s, self.boxes[-1]))
        return box

    def line(self, x0: float, y0: float, x1: float, y1: float, thick: bool) -> None:
        w = 8 if thick else 4  # 0.7 and 0.35 mm pens
        cv2.line(self.ink, (int(round(x0)), int(round(y0))), (int(round(x1)), int(round(y1))), 0.95, w)


def _fits(sheet: SheetContent, ai: AIHabits, cols: tuple[str, ...], texts: list[dict[str, str]],
          sums: dict[str, str], job: dict[str, object]) -> tuple[str, float, float, list[float]]:
    """The paper, lettering height, row height and column widths (pixels) the table fits on: the file's own, turned
    to landscape, then smaller lettering and lower rows."""
    papers = ("A4P", "A4L") if ai.portrait else ("A4L",)
    heights = [h for h in (3.5, 2.5, 1.8) if h <= ai.height]
    for paper in papers:
        W, H = PAPERS[paper]
        for height in heights:
            for row_mm in (ai.row_mm, 7.0, 6.0):
                if row_mm > ai.row_mm:
                    continue
                size = int(round(height * PX_MM / 0.7))
                f = _face(size)
                pad = 1.2 * size
                widths = []
                for c in cols:
                    lines = [f.getlength(s) for s in sheet.headings.get(c, c).split("\n")]
                    cells = [f.getlength(t[c]) for t in texts] + [f.getlength(sums.get(c, ""))]
                    least = {"signature": 5 * size, "name": f.getlength(str(job["total"]))}.get(c, 0.0)
                    widths.append(max([*lines, *cells, least]) + pad)
                inner = W - (20 + 5) * PX_MM - 2 * 2 * PX_MM
                head = max(len(sheet.headings.get(c, c).split("\n")) for c in cols) * 1.5 * size + 0.8 * size
                block = 55 * PX_MM
                need = (10 * PX_MM + (row_mm * PX_MM * (len(texts) + 1)) + head + block + 12 * PX_MM
                        + (2.5 * size if ai.title_line else 0))  # fmt: skip
                if sum(widths) <= inner and need <= H:
                    return paper, height, row_mm, widths
    raise AssertionError(f"the table overran the paper: {len(cols)} columns, {len(texts)} rows")


def render(sheet: SheetContent, st: Style | None, ai: AIHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The lettered sheet at 300 dpi: the drawing frame (the binding margin on the left), the title line on some, the
    ruled table (headings, a person a row, the totals), the title block at the lower right (the employer, the
    document, the period, the section, the sheet and sheets, the archive number, the signers). The typed strings'
    boxes go to ``sheet.extra["ai_keep"]``, the strings with them to ``sheet.extra["ai_words"]``."""
    del st
    cols = sheet.layout
    job = sheet.extra["ai_job"]
    assert isinstance(job, dict)

    def cell(c: str, r: dict[str, object]) -> str:
        v = r.get(c)
        if c == "signature":
            return ""
        if c in ("row", "egn", "name", "position", "days_worked"):
            return "" if v is None else str(v)
        return money_text(amount_or_nought(v), sheet)

    texts = [{c: cell(c, r) for c in cols} for r in sheet.rows]
    sums = {c: money_text(sheet.totals[c], sheet) for c in cols if c in sheet.totals}
    paper, height, row_mm, widths = _fits(sheet, ai, cols, texts, sums, job)
    W, H = PAPERS[paper]
    pen = _Stencil(W, H, height, ai.slant, rng)
    size = pen.size
    geo = Geometry(W, H)
    # the drawing's frame: 20 mm on the left for the binding, 5 mm elsewhere
    fx0, fy0, fx1, fy1 = 20 * PX_MM, 5 * PX_MM, W - 5 * PX_MM, H - 5 * PX_MM
    for ends in ((fx0, fy0, fx1, fy0), (fx1, fy0, fx1, fy1), (fx0, fy1, fx1, fy1), (fx0, fy0, fx0, fy1)):
        pen.line(*ends, True)
    x = fx0 + 2 * PX_MM + rng.uniform(0, max(0.0, (fx1 - fx0 - 4 * PX_MM - sum(widths)) * 0.3))
    starts = []
    for w in widths:
        starts.append(x)
        x += w
    xl, xr = starts[0], x
    y = fy0 + rng.uniform(8, 12) * PX_MM
    if ai.title_line:
        pen.text((xl + xr) / 2, y, str(job["line"]), align="c")
        y += 2.5 * size
    # the headings
    table_top = y
    n_head = max(len(sheet.headings.get(c, c).split("\n")) for c in cols)
    head_h = n_head * 1.5 * size + 0.8 * size
    for j, c in enumerate(cols):
        lines = sheet.headings.get(c, c).split("\n")
        top = y + (head_h - len(lines) * 1.5 * size) / 2
        for k, s in enumerate(lines):
            pen.text(starts[j] + widths[j] / 2, top + (k + 1) * 1.5 * size - 0.35 * size, s, align="c")
        geo.cells.append((0, j, [int(starts[j]), int(y), int(starts[j] + widths[j]), int(y + head_h)], " ".join(lines)))
    y += head_h
    rules = [table_top, y]
    rh = row_mm * PX_MM
    left = ("name", "position")
    sig_j = cols.index("signature") if "signature" in cols else -1
    name_j = cols.index("name")
    sig_layer = Image.new("L", (W, H), 255)
    sig = ImageDraw.Draw(sig_layer)
    for i, t in enumerate(texts):
        base = y + rh / 2 + 0.35 * size
        for j, c in enumerate(cols):
            if t[c]:
                at, align = (starts[j] + 0.6 * size, "l") if c in left else (starts[j] + widths[j] - 0.6 * size, "r")
                b = pen.text(at, base, t[c], align=align)
                geo.cells.append((i + 1, j, [int(starts[j]), b[1], int(starts[j] + widths[j]), b[3]], t[c]))
        if sig_j >= 0 and rng.random() < 0.9:
            signature(sig, starts[sig_j] + 4, base - 0.3 * size, widths[sig_j] - 8, rng)
        geo.row_bboxes.append([int(xl), int(y) + 3, int(xr), int(y + rh) - 3])
        geo.row_polygons.append(rect_polygon(xl + 5, y + 5, xr - 5, y + rh - 5))
        y += rh
        rules.append(y)
    base = y + rh / 2 + 0.35 * size
    pen.text(starts[name_j] + 0.6 * size, base, str(job["total"]))
    n_tot = len(texts) + 1
    for j, c in enumerate(cols):
        if sums.get(c):
            b = pen.text(starts[j] + widths[j] - 0.6 * size, base, sums[c], align="r")
            geo.cells.append((n_tot, j, [int(starts[j]), b[1], int(starts[j] + widths[j]), b[3]], sums[c]))
    y += rh
    rules.append(y)
    for k, ry in enumerate(rules):  # the outer lines and the headings' thick, the rows' thin
        pen.line(xl, ry, xr, ry, k in (0, 1, len(rules) - 2, len(rules) - 1))
    for k, sx in enumerate([*starts, xr]):
        pen.line(sx, table_top, sx, y, k in (0, len(starts)))
    geo.table_bbox = [int(xl), int(table_top), int(xr), int(y)]
    _title_block(pen, sheet, job, fx1, fy1, sig, rng)
    ink = np.maximum(pen.ink, (255.0 - np.asarray(sig_layer, np.float32)) / 255.0)
    sheet.extra["ai_keep"] = pen.boxes
    sheet.extra["ai_words"] = pen.words
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.uint8), "L")
    return img, geo


def _fit(pen: _Stencil, s: str, room: float) -> int:
    """The stencil's size for ``s`` in ``room`` pixels: the file's, or the next smaller stencil's where it is too long."""
    size = pen.size
    while size > 24 and pen.width(s, size) > room:
        size = int(size * 0.8)
    return size


def _title_block(pen: _Stencil, sheet: SheetContent, job: dict[str, object], fx1: float, fy1: float,
                 sig: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """The drawing's title block (185 x 55 mm) in the frame's lower right: the signers' rows on the left (their role,
    a name, a signature, the date), the employer over the document's name and the period, the section, the sheet, the
    sheets and the archive number on the right."""
    mm = PX_MM
    x0, y0 = fx1 - 185 * mm, fy1 - 55 * mm
    pen.line(x0, y0, fx1, y0, True)
    pen.line(x0, y0, x0, fy1, True)
    small = int(pen.size * 0.8)
    signers = job["signers"]
    assert isinstance(signers, tuple)
    cols_x = [x0, x0 + 25 * mm, x0 + 50 * mm, x0 + 65 * mm]
    for k, role in enumerate(signers):  # three signers' rows of 10 mm at the block's foot
        ry = fy1 - (3 - k) * 10 * mm
        pen.line(x0, ry, x0 + 65 * mm, ry, False)
        pen.text(x0 + 1.5 * mm, ry + 7 * mm, role, size=small, keep=False)
        pen.text(cols_x[1] + 1.5 * mm, ry + 7 * mm, rng.choice(data.SURNAMES)[:10], size=small, keep=False)
        signature(sig, cols_x[2] + 1 * mm, ry + 5 * mm, 13 * mm, rng)
    for cx in cols_x[1:]:
        pen.line(cx, fy1 - 30 * mm, cx, fy1, False)
    pen.line(x0 + 65 * mm, y0, x0 + 65 * mm, fy1, True)
    right = x0 + 65 * mm
    # the employer across the top 15 mm, the document's name and the period under it, the section, the sheets
    pen.line(right, y0 + 15 * mm, fx1, y0 + 15 * mm, True)
    pen.text((right + fx1) / 2, y0 + 10 * mm, sheet.employer, align="c", size=_fit(pen, sheet.employer, 116 * mm))
    pen.line(right, y0 + 35 * mm, fx1, y0 + 35 * mm, False)
    pen.text((right + fx1 - 50 * mm) / 2, y0 + 23 * mm, sheet.title, align="c")
    pen.text((right + fx1 - 50 * mm) / 2, y0 + 31.5 * mm, sheet.period_text, align="c")
    pen.line(fx1 - 50 * mm, y0 + 15 * mm, fx1 - 50 * mm, fy1, True)
    pen.text((right + fx1 - 50 * mm) / 2, y0 + 47 * mm, str(job["section"]), size=small, align="c")
    pen.text(fx1 - 48 * mm, y0 + 21 * mm, "Лист", size=small, keep=False)
    pen.text(fx1 - 23 * mm, y0 + 21 * mm, "Листа", size=small, keep=False)
    pen.line(fx1 - 25 * mm, y0 + 15 * mm, fx1 - 25 * mm, y0 + 35 * mm, False)
    pen.line(fx1 - 50 * mm, y0 + 23 * mm, fx1, y0 + 23 * mm, False)
    pen.text(fx1 - 37.5 * mm, y0 + 31 * mm, str(sheet.sheet), align="c")
    pen.text(fx1 - 12.5 * mm, y0 + 31 * mm, str(job["sheets"]), align="c")
    pen.text(fx1 - 25 * mm, y0 + 47 * mm, str(job["archive"]), size=small, align="c")
    pen.text(x0 + 1.5 * mm, y0 + 7 * mm, "Инв. №", size=small, keep=False)
    pen.line(x0, y0 + 10 * mm, x0 + 65 * mm, y0 + 10 * mm, False)
    pen.text(x0 + 1.5 * mm, y0 + 17 * mm, "Дата", size=small, keep=False)
    pen.text(cols_x[1] + 1.5 * mm, y0 + 17 * mm, f"{rng.randint(1, 9):02d}.{sheet.month % 12 + 1:02d}.{(sheet.year + (sheet.month == 12)) % 100:02d}",
             size=small, keep=False)  # fmt: skip


# --- the diazo copy and the flatbed ---


@dataclass
class AIPage:
    ai: AIHabits
    seed: int
    keep: tuple[tuple[int, int, int, int], ...]  # every lettered string's box
    lifts: tuple[tuple[float, float, float, float, float, float], ...]  # (x, y, rx, ry, turn, blur sigma): the
    # lines soft there
    creases: tuple[tuple[float, float, float, float, float], ...]  # (x0, y0, x1, y1, darkness) of each crease line
    angle: float  # the copy turned on the glass (degrees)
    feed_down: bool  # the sheet fed down its height (else across its width)


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ai: AIHabits, rng: random.Random) -> AIPage:
    """The page's copy and scan decided on its drawn geometry: where the tracing paper lifted (over the table), its
    creases (across the sheet), the feed, the turn on the glass."""
    W, H = img.size
    typed = sheet.extra["ai_keep"]
    assert isinstance(typed, list)
    keep = tuple((int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in typed)
    tx0, ty0, tx1, ty1 = geo.table_bbox
    lifts = tuple((rng.uniform(tx0, tx1), rng.uniform(ty0, ty1), rng.uniform(250, 700), rng.uniform(150, 450),
                   rng.uniform(0, 180), rng.uniform(1.0, 1.8)) for _ in range(ai.lifts))  # fmt: skip
    creases = []
    for _ in range(ai.creases):
        if rng.random() < 0.5:  # across the sheet, a little askew
            ya = rng.uniform(0.15, 0.85) * H
            creases.append((0.0, ya, float(W), ya + rng.uniform(-80, 80), rng.uniform(0.08, 0.2)))
        else:
            xa = rng.uniform(0.15, 0.85) * W
            creases.append((xa, 0.0, xa + rng.uniform(-80, 80), float(H), rng.uniform(0.08, 0.2)))
    del sheet
    return AIPage(ai, rng.randrange(1 << 30), keep, lifts, tuple(creases), rng.uniform(-0.6, 0.6), rng.random() < 0.5)


def flat(a: np.ndarray, page: AIPage) -> np.ndarray:
    """The tracing paper's drawing without the copy (``--pristine``): the ink on white, grey."""
    del page
    return np.asarray(250.0 - 230.0 * (255.0 - a) / 255.0, np.float32)


def dye(a: np.ndarray, page: AIPage) -> np.ndarray:
    """The diazo copy's dye (0..1) at every pixel of the drawn page: the light through the tracing paper (kept off
    by the ink, by the creases a little, the lines spread where the paper lifted) bleaches the coating; what is left
    is the dye, its exposure in bands across the feed and uneven along the lamp, its development streaked along the
    feed, faded along the edge left in the light."""
    ai = page.ai
    rng = random.Random(page.seed)
    H, W = a.shape
    ink = (255.0 - a) / 255.0
    for x, y, rx, ry, turn, sigma in page.lifts:  # the lines soft where the tracing paper lifted off (a little spread too)
        x0, y0 = max(0, int(x - rx - 200)), max(0, int(y - ry - 200))
        x1, y1 = min(W, int(x + rx + 200)), min(H, int(y + ry + 200))
        part = ink[y0:y1, x0:x1]
        soft = np.clip(np.asarray(cv2.GaussianBlur(part, (0, 0), sigma), np.float32) * 1.5, 0.0, 1.0)
        small = np.zeros(((y1 - y0) // 8 + 1, (x1 - x0) // 8 + 1), np.float32)  # the lift's edge drawn soft at an eighth
        cv2.ellipse(small, (int(x - x0) // 8, int(y - y0) // 8), (int(rx) // 8, int(ry) // 8), turn, 0,
                    360, 1.0, -1)  # fmt: skip
        small = np.asarray(cv2.GaussianBlur(small, (0, 0), 7.5), np.float32)
        mask = np.asarray(cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR), np.float32)
        ink[y0:y1, x0:x1] = part * (1.0 - mask) + soft * mask
    block = np.clip(ink, 0.0, 1.0) * 0.97
    crease = np.zeros((H, W), np.float32)
    for ca, cb, cc, cd, dark in page.creases:
        cv2.line(crease, (int(ca), int(cb)), (int(cc), int(cd)), dark, rng.randint(3, 6))
    block = np.maximum(block, np.asarray(cv2.GaussianBlur(crease, (0, 0), 1.2), np.float32))
    n_feed, n_lamp = (H, W) if page.feed_down else (W, H)
    knots = np.array([[rng.uniform(-1, 1) for _ in range(rng.randint(6, 14))]], np.float32)
    band = cv2.resize(knots, (n_feed, 1), interpolation=cv2.INTER_CUBIC)[0] * ai.bands
    lamp = cv2.resize(np.array([[rng.uniform(-1, 1) for _ in range(5)]], np.float32), (n_lamp, 1),
                      interpolation=cv2.INTER_CUBIC)[0] * 0.06  # fmt: skip
    streak = np.asarray(np.random.default_rng(rng.randrange(1 << 30)).normal(0, 1, n_lamp), np.float32)
    streak = np.asarray(cv2.GaussianBlur(streak[None, :], (0, 0), 6), np.float32)[0]
    streak = np.clip(streak / (np.abs(streak).max() + 1e-6), -1, 1) * 0.08
    if page.feed_down:
        expo = ai.exposure * (1.0 + band[:, None]) * (1.0 + lamp[None, :])
        dev = 1.0 - np.maximum(streak, 0)[None, :]
    else:
        expo = ai.exposure * (1.0 + band[None, :]) * (1.0 + lamp[:, None])
        dev = 1.0 - np.maximum(streak, 0)[:, None]
    light = np.clip(expo * (1.0 - block), 0.0, None)
    d = np.exp(-2.5 * light) * dev  # the dye left
    if ai.fade:  # faded toward the edge left in the light
        ramp = {"left": np.linspace(1, 0, W)[None, :], "right": np.linspace(0, 1, W)[None, :],
                "top": np.linspace(1, 0, H)[:, None], "bottom": np.linspace(0, 1, H)[:, None]}[ai.fade_edge]  # fmt: skip
        d = d * (1.0 - ai.fade * np.clip(ramp * 3.0 - 2.0, 0.0, 1.0))
    return np.asarray(d, np.float32)


def scan(a: np.ndarray, page: AIPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The diazo copy on the flatbed: its dye in the dye's colour on the aged copy paper (yellowed, most where it
    faded), shrunk with the tracing paper, a little turned, at 200 dpi in colour (BGR) or 300 dpi in grey. Returns
    the image, the 2x3 map from the drawn page to it, its dpi and no bend."""
    ai = page.ai
    rng = random.Random(page.seed + 1)
    H, W = a.shape
    d = dye(a, page)
    paper = smooth_field(H, W, rng, 236.0, 248.0, 5)
    yellow = np.array([0.86, 0.95, 1.0], np.float32)  # the aged ground's B, G, R share
    col = np.array(DYES[ai.dye], np.float32)
    out = np.empty((H, W, 3), np.float32)
    for k in range(3):
        ground = paper * (1.0 - (1.0 - yellow[k]) * rng.uniform(0.6, 1.0))
        out[:, :, k] = ground * (1.0 - d) + col[k] * d
    del d, paper
    s = ai.dpi / 300.0
    sx, sy = (1.0 - ai.shrink, 1.0) if page.feed_down else (1.0, 1.0 - ai.shrink)
    m = np.asarray(cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, s), np.float64)
    m[:, 0] *= sx
    m[:, 1] *= sy
    ow, oh = int(W * s) + 20, int(H * s) + 20
    c = m @ np.array([W / 2, H / 2, 1.0])
    m[0, 2] += ow / 2 - c[0]
    m[1, 2] += oh / 2 - c[1]
    img = cv2.warpAffine(out, m, (ow, oh), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR,
                         borderValue=(246.0, 248.0, 250.0))  # fmt: skip
    del out
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.5), np.float32)
    if ai.grey:
        g = np.asarray(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), np.float32)
        g += np_rng.normal(0.0, 1.2, g.shape).astype(np.float32)
        return np.clip(np.round(g), 0, 255).astype(np.uint8), m, ai.dpi, None
    img += np_rng.normal(0.0, 0.7, img.shape).astype(np.float32)
    return np.clip(np.round(img), 0, 255).astype(np.uint8), m, ai.dpi, None
