"""Family AF of the sample generator (held out from its making in session 29, 2026-12-06, helper s38-famaf, before
anything was tuned on AE, to its one measurement by the lead at the start of session 30; evaluation seed 2055, development
seeds 24001-24040): the monthly payroll of 1980-1996 of a culture or education institution (a читалище, a school or
a kindergarten, a district house of culture, a music or art school, a district library), run off as spirit-duplicator
("ditto", hectograph) copies in violet aniline ink.

What AF draws, each file its own combination (samples/families.py applies it over the generic switches):
the columns. Part-time staff: the post's share in a column of its own (``share``: "1", "1/2", "1/4", "3/4" or
"1,00", "0,50"; no payroll-page/1 field), the base the month's salary times that share for the days paid; the same
person on two rows, a main post and an additional contract (a choir, a circle, the library's half post: the same ЕГН
and name on both, each row its own post, share, base and deductions; the truth keeps both rows); lecturers' honoraria
in columns of their own (``lessons``: the lessons given, ``rate_l``: the rate per lesson, ``af_honor``: their
product), items for years of service (``af_years``) and a class teacher's or leader's allowance (``af_class``); the
additional pay their sum (printed or not), gross = base + additional; civil-contract rows (a lecturer or accompanist
from outside, "г.д." in the share column, no days, the base a nought, the honorarium their whole pay, only the tax on
it deducted); itemised deductions (ДОД, the union's fee, the advance, a ДСК loan's instalment: their sum
``deductions``), net = gross - deductions; the totals row sums the money and the lessons (their total no truth). The
rows sorted by post, the director first, the teachers or specialists next, the service staff last; each additional
contract right under its person's main row or in a block at the foot, the civil contracts last (under a typed label
on some files: no row); the director's approval ("УТВЪРЖДАВАМ:", signed on the copy) at the top right on some files.
The master: typed on a manual typewriter (fonts-unfonts-extra's UnShinmun as its serif type, set at 10, 12 or 15
characters to the inch, every letter struck with the typist's uneven force) onto a spirit master whose aniline
carbon is transferred to each copy by the duplicator's fluid; the rules typed ("-", "=" across, "!" or "I" down) or
drawn on the master with a ruler (violet like the typing); a figure or a name struck wrong, its carbon scraped off
the master with a razor and the right one typed over (the wrong one's faint ghost and a smear left on every copy: a
mark ``{"kind": "correction", "row": i, "fields": [field]}``; the truth the retyped value); the copy: violet strokes spread and blurred, the dye fading
unevenly down the page (or across it) and paler on the run's last copies, streaks along the feed, a faint violet haze
where the master smudged, the text a little askew to the paper; on the copy the people's signatures in ballpoint,
the stamp in violet; glossy thin paper (greyer over a dark backing in the scanner) folded in quarters (a crease across and one down the middle, through rows:
the dye cracked along them), punched for a ring binder (two or four holes along the left of a portrait sheet or the
top of a landscape one, kept clear of the typing; one torn out to the edge on some pages); scanned on a modern
sheet-fed document scanner (ADF) at 200 or 300 dpi in colour, a little skewed and stretched by the feed, a dust line
along the feed on some files, JPEG-compressed by the scanner at a low quality (Pillow's encoder, decoded back), saved
PNG (under ~5 MB).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import data
from .content import (
    EmployerFile,
    Person,
    SheetContent,
    amount_or_nought,
    cents,
    hire,
    pay_scale,
    working_days,
)
from .handwork import StampCut, mix_ink, round_stamp, signature, smooth_field, typewriter_glyph
from .render import FONT_DIR, Geometry, Style, rect_polygon

ITEMS = ("af_honor", "af_years", "af_class")  # the pay items (their sum is the additional pay)
PARTS = ("tax", "union_fee", "advance", "loan")  # the itemised deductions (their sum is ``deductions``)
HONOR = ("lessons", "rate_l", "af_honor")  # under "Хонорувани часове" (no payroll-page/1 field)
CUT = (*PARTS, "deductions")  # under "Удръжки"

AF_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "share", "days_worked", "base_pay", "lessons", "rate_l", "af_honor", "extra_pay",
     "gross_pay", "tax", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "share", "base_pay", "af_years", "lessons", "rate_l", "af_honor", "gross_pay", "tax",
     "advance", "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "share", "days_worked", "base_pay", "af_class", "af_years", "lessons", "rate_l",
     "af_honor", "gross_pay", "deductions", "net_pay"),
    ("row", "name", "position", "share", "base_pay", "lessons", "rate_l", "af_honor", "gross_pay", "tax", "loan",
     "deductions", "net_pay", "egn"),
    ("row", "egn", "name", "share", "days_worked", "base_pay", "lessons", "rate_l", "af_honor", "gross_pay", "tax",
     "union_fee", "advance", "deductions", "net_pay"),
    ("row", "position", "name", "egn", "share", "base_pay", "af_years", "lessons", "rate_l", "af_honor", "extra_pay",
     "gross_pay", "deductions", "net_pay"),
    ("row", "name", "share", "base_pay", "lessons", "rate_l", "af_honor", "gross_pay", "deductions", "net_pay"),
)  # fmt: skip

HEADINGS_AF: dict[str, tuple[str, ...]] = {
    "row": ("Поре-\nден\nномер", "№\nпо\nред", "Ред.\nном."),
    "egn": ("ЕГН на\nлицето", "ЕГН\nпо лична\nкарта", "ЕГН\n(10 цифри)"),
    "name": ("Име и фамилия\nна работника", "Трите имена\nна лицето", "Фамилия\nи имена"),
    "position": ("Заемана\nдлъжност", "Длъжност\n(предмет)", "Длъжност"),
    "share": ("Щат", "Щатна\nбройка", "Част\nот\nщат"),
    "days_worked": ("Дни\nприс.", "Дни\nна\nработа", "Прис.\nдни"),
    "base_pay": ("Заплата\nпо щат", "Основна\nзаплата", "Щатна\nзаплата"),
    "lessons": ("Брой\nчасове", "Лекц.\nчасове", "Брой\nуроци"),
    "rate_l": ("Ставка\nна час", "Цена\nна\nчас", "Лв.\nна\nчас"),
    "af_honor": ("Сума\nхонорар", "Хонорар\nлв.", "За\nлектор.\nчасове"),
    "af_years": ("За\nпрослуж.\nвреме", "Стаж\n%", "Клас\nза\nстаж"),
    "af_class": ("За класно\nръковод.", "Ръковод.\nдобавка", "За\nръковод-\nство"),
    "extra_pay": ("Всичко\nдобавки", "Допълн.\nвъзнагр.", "Общо\nдобавки"),
    "gross_pay": ("Всичко\nза\nмесеца", "Брутна\nсума", "Начисл.\nвсичко"),
    "tax": ("Данък\nДОД", "ДОД\nлв.", "Данък\nвърху\nзапл."),
    "union_fee": ("Синд.\nвнос", "Чл. внос\nсиндикат", "Профсъюз\nвнос"),
    "advance": ("Аванс\nза\nмесеца", "Взет\nаванс", "Аванс\nлв."),
    "loan": ("ДСК\nвноска", "Заем\nДСК", "Погас.\nзаем"),
    "deductions": ("Всичко\nудръжки", "Сбор\nудръжки", "Удръж.\nвсичко"),
    "net_pay": ("Сума за\nплащане", "Остава\nза\nплащане", "Да се\nизплати\nлв."),
    "signature": ("Подпис\nна\nполучателя", "Разпис\nза\nполучено", "Подпис"),
}  # fmt: skip
GROUPS = {
    "honor": ("Хонорувани часове", "Х О Н О Р А Р", "Лекторски часове"),
    "cut": ("Удръжки", "У Д Р Ъ Ж К И", "Удържани суми"),
}

UNSHINMUN = "unfonts-extra/UnShinmun.ttf"
# a font package none of A-AE uses (scripts/setup.sh: fonts-unfonts-extra): the manual typewriter's serif type
AF_FACES: dict[str, tuple[str, ...]] = {"typewriter": (UNSHINMUN,)}
AF_SIZES: dict[str, tuple[int, int]] = {"typewriter": (42, 42)}
AF_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)

# the institutions: (name, kind) as typed in the socialist years (a school's ЕСПУ an СОУ from 1991)
EMPLOYERS = (
    ('НЧ "Напредък - 1869" - гр. Бяла Слатина', "chitalishte"), ('Народно читалище "Просвета" - с. Брестовица',
    "chitalishte"), ('НЧ "Пробуда - 1905" - с. Крушовица', "chitalishte"), ('Читалище "Светлина" - гр. Лом', "chitalishte"),
    ('ЕСПУ "Христо Смирненски" - гр. Плевен', "school"), ('ЕСПУ "Георги Кирков" - гр. Дряново', "school"),
    ('ОУ "Отец Паисий" - гр. Кърджали', "school"), ('Основно училище "Иван Вазов" - с. Мокреш', "school"),
    ('ЦДГ № 12 "Слънце" - гр. Русе', "kindergarten"), ('ОДЗ № 4 "Радост" - гр. Варна', "kindergarten"),
    ('ЦДГ "Мир" - с. Брезово', "kindergarten"), ('Районен дом на културата - гр. Своге', "house"),
    ('Дом на културата "Г. Димитров" - гр. Троян', "house"), ('Окръжен дом на културата - гр. Смолян', "house"),
    ('Детска музикална школа - гр. Габрово', "music"), ('СМУ "Добрин Петков" - гр. Пловдив', "music"),
    ('Художествена гимназия - гр. Казанлък', "music"), ('Окръжна библиотека - гр. Михайловград', "library"),
    ('Районна библиотека - гр. Пещера', "library"), ('Градска библиотека "Н. Й. Вапцаров" - гр. Разлог', "library"),
)  # fmt: skip
RENAMED_1991 = (("ЕСПУ", "СОУ"), ("Михайловград", "Монтана"), ('"Г. Димитров"', '"Иван Вазов"'),
                ("Окръжна библиотека", "Регионална библиотека"), ("Окръжен дом", "Общински дом"),
                ("Районен дом", "Общински дом"))  # fmt: skip
PARENTS = {
    "chitalishte": ('Общински народен съвет - отдел "Култура"', 'Окръжен съвет за култура', 'Община Бяла Слатина'),
    "school": ('Инспекторат по народна просвета', 'ОНС - отдел "Народна просвета"', 'Министерство на народната просвета'),
    "kindergarten": ('ОНС - отдел "Народна просвета"', 'Районен съвет - Просвета', 'Община Русе'),
    "house": ('Комитет за култура', 'Общински съвет за култура', 'ОНС - отдел "Култура"'),
    "music": ('Комитет за култура', 'Министерство на културата', 'Инспекторат по култура'),
    "library": ('Окръжен съвет за култура', 'Комитет за култура', 'Общински народен съвет'),
}  # fmt: skip
# each kind's posts in the order its sheets list them (the director first, the service staff last)
POSTS = {
    "chitalishte": ("секретар", "библиотекар", "худ. ръководител", "хореограф", "корепетитор", "касиер-домакин",
                    "чистачка", "огняр"),
    "school": ("директор", "зам.-директор", "ст. учител", "учител", "възпитател", "пед. съветник", "счетоводител",
               "домакин", "огняр", "хигиенист", "пазач"),
    "kindergarten": ("директор", "ст. учителка", "учителка", "мед. сестра", "пом.-възпитател", "готвач", "перачка",
                     "домакин", "огняр"),
    "house": ("директор", "зам.-директор", "методист", "режисьор", "худ. ръководител", "звукооператор", "осветител",
              "касиер", "чистачка", "пазач"),
    "music": ("директор", "препод. пиано", "препод. цигулка", "препод. акордеон", "препод. солфеж", "корепетитор",
              "счетоводител", "домакин", "чистачка"),
    "library": ("директор", "зав. отдел", "ст. библиотекар", "библиотекар", "библиограф", "книговезец",
                "счетоводител", "чистачка"),
}  # fmt: skip
TEACHING = ("учител", "учителка", "препод.", "методист", "ръководител", "хореограф", "корепетитор", "режисьор",
            "библиотекар", "библиограф", "възпитател")  # fmt: skip
EXTRA_POSTS = ("ръководител хор", "ръководител кръжок", "библиотекар", "корепетитор", "касиер", "ръков. състав",
               "хонорувани часове", "огняр (сезон)")  # fmt: skip
CIVIL_POSTS = ("лектор", "хоноруван преподавател", "корепетитор", "хореограф", "акордьор", "лектор по история")
SHARES = (Decimal(1), Decimal(1), Decimal(1), Decimal(1), Decimal("0.5"), Decimal("0.5"), Decimal("0.25"),
          Decimal("0.75"))  # fmt: skip
TITLES = ("ВЕДОМОСТ", "ВЕДОМОСТ ЗА ЗАПЛАТИ", "ВЕДОМОСТ за заплатите на персонала", "ПЛАТЕЖНА ВЕДОМОСТ № {n}",
          "ВЕДОМОСТ за заплати и хонорари")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {word} {y} г.", "за {mm}.{y} г.", "МЕСЕЦ {WORD} {y} Г.",
           "за месец {roman}.{y} г.")  # fmt: skip
TOTALS = ("Всичко:", "ВСИЧКО", "Общо за ведомостта:", "Всичко по ведомостта")
CIVIL_LABELS = ("По граждански договори:", "Извънщатни:", "Хонорувани лица:")
EXTRA_LABELS = ("По допълнителни договори:", "Съвместителство:")
SIGNERS = (("Директор:", "Гл. счетоводител:", "Касиер:"), ("Председател:", "Счетоводител:", "Изплатил:"),
           ("Ръководител:", "Съставил:", "Касиер:"))  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class AFHabits:
    """One AF file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    pitch: int  # 10 or 12 characters to the inch (15 where the table fits no other way)
    row_pitch: float  # lines from a person's line to the next one's: 1, 1.5 or 2
    strike: float  # how unevenly the typist strikes (a share of the force)
    rules: str  # "typed" or "ruled" (drawn on the master with a ruler: violet too)
    across: str  # the typed rules' character across: "-" or "="
    vchar: str  # the typed columns' character: "!" or "I"
    groups: bool  # group headings over the lessons' and the deductions' columns
    share_fmt: str  # "frac" (1/2) or "dec" (0,50)
    civil_mark: str  # what the share column holds on a civil contract: "г.д.", "ГД" or "-"
    thousands: str  # from 1991 (the amounts reach the thousands)
    decimal: str
    zero: str  # an item or a deduction of nought: "-", "" or "0,00"; a nought base "-" or "0,00"
    extras_at: str  # the additional contracts' rows: "next" (under the main one) or "foot" (a block)
    labels: bool  # a typed label over the civil contracts' (and a foot block's) rows
    portrait: bool  # the master typed on a portrait sheet where the table fits it
    run: int  # copies the master gave (its last copies paler)
    fade: str  # where the dye fades: "down" the page or "across" it
    spread: float  # how far the dye spreads (the strokes' blur, pixels at 300 dpi)
    haze: float  # the master's smudge: a violet haze over the copy
    skew: float  # the master askew on the drum (degrees)
    pen: str  # the signatures' ink: "blue" or "black"
    stamp: bool  # the round violet stamp at the foot
    holes: int  # 2 or 4 punched holes
    torn: float  # the share of pages with a hole torn out to the edge
    folded: bool  # folded in quarters
    dpi: int  # the ADF's 200 or 300 dpi
    quality: int  # the scanner's JPEG quality (at 200 dpi no lower than 25: the figures stay legible)
    dust: bool  # a dust line on the ADF's glass (a line along the feed)
    backing: str  # the ADF's backing (seen through the holes and round the sheet): "white", "grey" or "black"
    scraped: float  # the share of typed cells struck wrong on the master, scraped off and retyped (a faint ghost)
    approve: bool  # "УТВЪРЖДАВАМ:" and the director's line typed at the top right (signed on the copy)
    kind: str = "school"
    shares: dict[str, Decimal] = field(default_factory=dict)  # each person's share of a post, by ЕГН
    rank: dict[str, int] = field(default_factory=dict)  # each person's post's place in the list, by ЕГН
    class_pct: dict[str, int] = field(default_factory=dict)  # years-of-service class by ЕГН
    leads: dict[str, int] = field(default_factory=dict)  # a class teacher's or a leader's allowance by ЕГН (leva)
    loans: dict[str, int] = field(default_factory=dict)  # a ДСК loan's instalment by ЕГН (leva)
    extras: dict[str, tuple[str, Decimal, Decimal]] = field(default_factory=dict)  # ЕГН: (post, share, salary)
    civil: list[Person] = field(default_factory=list)  # people on civil contracts
    rate0: Decimal = Decimal("1.80")  # the rate per lesson at the file's first year
    heads: dict[str, str] = field(default_factory=dict)  # the group headings' words

    @property
    def ruling(self) -> str:
        return "none"  # no generic rules: the master's own (render)


def draw(rng: random.Random) -> AFHabits:
    thousands, decimal = rng.choice(AF_MONEY)
    return AFHabits(
        layout=rng.choice(AF_LAYOUTS), face=AF_FACES["typewriter"][0], pitch=rng.choice((10, 12, 12)),
        row_pitch=rng.choice((1.0, 1.5, 1.5, 2.0)), strike=rng.uniform(0.1, 0.3), rules=rng.choice(("typed", "ruled")),
        across=rng.choice(("-", "=")), vchar=rng.choice(("!", "I")), groups=rng.random() < 0.5,
        share_fmt=rng.choice(("frac", "dec")), civil_mark=rng.choice(("г.д.", "ГД", "-")), thousands=thousands,
        decimal=decimal, zero=rng.choice(("-", "", "0,00")), extras_at=rng.choice(("next", "next", "foot")),
        labels=rng.random() < 0.5, portrait=rng.random() < 0.5, run=rng.choice((15, 30, 50, 80)),
        fade=rng.choice(("down", "down", "across")), spread=rng.uniform(1.2, 2.6), haze=rng.choice((0.0, 0.03, 0.06)),
        skew=rng.uniform(-0.6, 0.6), pen=rng.choice(("blue", "blue", "black")), stamp=rng.random() < 0.6,
        holes=rng.choice((2, 2, 4)), torn=rng.choice((0.0, 0.3, 0.6)), folded=rng.random() < 0.7,
        dpi=rng.choice((200, 300)), quality=rng.choice((15, 25, 35, 50)), dust=rng.random() < 0.3,
        backing=rng.choice(("white", "grey", "black")), scraped=rng.choice((0.0, 0.005, 0.015)),
        approve=rng.random() < 0.4,
    )  # fmt: skip


def renamed(name: str, year: int) -> str:
    """The institution's name as typed in ``year`` (from 1991 the ЕСПУ an СОУ, Михайловград Монтана, ...)."""
    if year < 1991:
        return name
    for old, new in RENAMED_1991:
        name = name.replace(old, new)
    return name


def adapt_file(ef: EmployerFile, af: AFHabits, rng: random.Random) -> None:
    """An AF file: a culture or education institution, its people's posts (sorted as its sheets list them), shares,
    classes, allowances, loans and additional contracts, its lecturers on civil contracts, the layout and headings."""
    name, kind = rng.choice(EMPLOYERS)
    af.kind = kind
    year = ef.start[0]
    ef.employer = renamed(name, year)
    ef.layout = af.layout
    ef.headings = {c: rng.choice(HEADINGS_AF[c]) for c in ef.layout}
    posts = POSTS[kind]
    del ef.staff[15:]  # a small institution: its month on one sheet
    for k, p in enumerate(ef.staff):
        rank = 0 if k == 0 else rng.randrange(1, len(posts))
        p.position = posts[rank]
        af.rank[p.egn] = rank
        lo, hi = data.PAY_RANGE[year]  # the post's pay: the director's highest, the service staff's lowest
        band = (0.85, 1.0) if rank == 0 else (0.45, 0.8) if any(t in p.position for t in TEACHING) else (0.05, 0.4)
        p.salary = Decimal(int((lo + (hi - lo) * rng.uniform(*band)) * 100)) / 100
        af.shares[p.egn] = Decimal(1) if rank == 0 else rng.choice(SHARES)
        af.class_pct[p.egn] = rng.choice((0, 0, 3, 6, 9, 12))
        if any(t in p.position for t in TEACHING) and rng.random() < 0.4:
            af.leads[p.egn] = rng.choice((10, 15, 20))
        if rng.random() < 0.2:
            af.loans[p.egn] = rng.choice((10, 15, 20, 25, 30))
    for p in rng.sample(ef.staff, k=min(len(ef.staff), rng.randint(1, 3))):
        salary = (p.salary * Decimal(rng.choice((40, 50, 60))) / 100).quantize(Decimal("0.01"))
        af.extras[p.egn] = (rng.choice(EXTRA_POSTS), rng.choice((Decimal("0.5"), Decimal("0.25"))), salary)
    af.civil = [hire(rng, year) for _ in range(rng.randint(0, 3))]
    for p in af.civil:
        p.position = rng.choice(CIVIL_POSTS)
    af.rate0 = Decimal(rng.choice(("1.20", "1.50", "1.80", "2.00", "2.40", "3.00")))
    af.heads = {g: rng.choice(GROUPS[g]) for g in GROUPS}



def adapt_sheet(sheet: SheetContent, af: AFHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AF month: the month's people sorted by post (the director first), each one's share of a post and base for
    the days paid, lessons at the rate per lesson (the honorarium), the years' and the leader's items (their sum the
    additional pay), gross = base + it, the itemised deductions; a second row for each additional contract (the same
    ЕГН); the civil contracts' rows last (the honorarium alone, the tax alone deducted); the totals; the words."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    y0 = ef.start[0] if ef is not None else sheet.year
    scale = pay_scale(y0, sheet.year)
    rate = (af.rate0 * pay_scale(1985, sheet.year) * 10).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 10  # 1985's
    paid = [c for c in ITEMS if c in cols]
    parts = [c for c in PARTS if c in cols]
    step = Decimal(10) if sheet.year < 1991 else Decimal(100)
    month = sorted(sheet.rows, key=lambda r: (af.rank.get(str(r["egn"]), 99), str(r["name"])))

    def money_row(r: dict[str, object], base: Decimal, lessons: int, items: dict[str, Decimal],
                  cut: dict[str, Decimal]) -> None:  # fmt: skip
        extra = sum((items[c] for c in paid), Decimal(0))
        gross = base + extra
        ded = sum((cut[c] for c in parts), Decimal(0)) if parts else cut["tax"] + cut["union_fee"]
        r.update({"lessons": lessons, "rate_l": rate})
        r.update({c: items[c] for c in ITEMS if c in cols})
        r.update({c: cut[c] for c in parts})
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None

    def staff_row(egn: str, name: str, post: str, share: Decimal, salary: Decimal, days: int, *, main: bool) -> dict[str, object]:
        base = cents(salary * scale * share * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        teaching = any(t in post for t in TEACHING) or post == "хонорувани часове"
        lessons = rng.choice((0, 0, 4, 6, 8, 12, 16, 20)) if teaching else 0
        items = {"af_honor": cents(lessons * rate), "af_years": cents(base * af.class_pct.get(egn, 0) / 100) if main else Decimal(0),
                 "af_class": cents(Decimal(af.leads.get(egn, 0)) * scale) if main else Decimal(0)}  # fmt: skip
        gross = base + sum((items[c] for c in paid), Decimal(0))
        cut = {"tax": cents(gross * Decimal(rng.randint(55, 105)) / 1000), "union_fee": cents(gross / 100),
               "advance": Decimal(0), "loan": Decimal(0)}  # fmt: skip
        if main:
            cut["loan"] = min(cents(Decimal(af.loans.get(egn, 0)) * scale), cents(gross / 4))
            if rng.random() < 0.6 and gross > 0:
                adv = (gross * Decimal(rng.choice((25, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
                cut["advance"] = min(adv, cents(gross / 2))
        r: dict[str, object] = {"egn": egn, "name": name, "days_paid": days, "share": share, "af_kind": "main" if main else "extra"}
        r["position"] = post if "position" in cols else None
        r["days_worked"] = days if "days_worked" in cols else None
        money_row(r, base, lessons, items, cut)
        return r

    rows: list[dict[str, object]] = []
    foot: list[dict[str, object]] = []
    for old in month:
        egn = str(old["egn"])
        person = staff.get(egn)
        post = person.position if person is not None else "учител"
        salary = person.salary if person is not None else Decimal(200)
        days = int(str(old.get("days_paid", wd)))
        rows.append(staff_row(egn, str(old["name"]), post, af.shares.get(egn, Decimal(1)), salary, days, main=True))
        if egn in af.extras:
            xpost, xshare, xsalary = af.extras[egn]
            extra = staff_row(egn, str(old["name"]), xpost, xshare, xsalary, days, main=False)
            (rows if af.extras_at == "next" else foot).append(extra)
    sheet.extra["af_foot_at"] = len(rows) if foot else None
    rows += foot
    civil_at = len(rows)
    for p in af.civil:
        if rng.random() < 0.15:
            continue  # no lessons given by them this month
        lessons = rng.randint(4, 40)
        honor = cents(lessons * rate)
        items = {"af_honor": honor, "af_years": Decimal(0), "af_class": Decimal(0)}
        cut = {"tax": cents(honor / 10), "union_fee": Decimal(0), "advance": Decimal(0), "loan": Decimal(0)}
        r: dict[str, object] = {"egn": p.egn, "name": p.name, "days_paid": 0, "share": None, "af_kind": "civil",
                                "position": p.position if "position" in cols else None, "days_worked": None}  # fmt: skip
        money_row(r, Decimal(0), lessons, items, cut)
        rows.append(r)
    sheet.extra["af_civil_at"] = civil_at if civil_at < len(rows) else None
    for i, r in enumerate(rows, start=1):
        r["row"] = i
    sheet.rows = rows
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in rows), Decimal(0)) for f in (*MONEY_FIELDS, *ITEMS, *PARTS)
                    if f in cols}  # fmt: skip
    sheet.extra["af_lessons"] = sum(int(str(r["lessons"])) for r in rows)
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 40))
    sheet.period_text = rng.choice(PERIODS).format(word=word, WORD=word.upper(), mm=f"{m:02d}", roman=ROMAN[m - 1], y=y)
    sheet.employer = renamed(sheet.employer, y)
    sheet.decimal_comma = af.decimal == ","
    sheet.thousands_space = bool(af.thousands) and y >= 1991
    sheet.thousands_sep = af.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.egn_printed_only = True  # two layouts print no ЕГН: none in their truth (samples/generate.truth_of)
    parent = rng.choice(PARENTS[af.kind]) if rng.random() < 0.6 else ""
    sheet.extra["af_job"] = {"parent": parent, "total": rng.choice(TOTALS), "signers": rng.choice(SIGNERS),
                             "civil_label": rng.choice(CIVIL_LABELS), "extra_label": rng.choice(EXTRA_LABELS)}  # fmt: skip


def amount(v: Decimal, af: AFHabits, year: int, *, part: bool = False) -> str:
    """An amount as typed (``part``: an item or an itemised deduction, its nought as the file types it; any other
    nought "-" or "0,00", never blank)."""
    if v == 0 and (af.zero == "-" or (part and af.zero == "") or (not part and af.zero == "")):
        return "" if part and af.zero == "" else "-"
    leva, st = f"{abs(v):.2f}".split(".")
    if af.thousands and year >= 1991 and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", af.thousands)
    return f"{'-' if v < 0 else ''}{leva}{af.decimal}{st}"


def share_text(v: Decimal | None, af: AFHabits) -> str:
    """A share of a post as the file types it: "1", "1/2", "3/4" or "1,00", "0,50"; a civil contract's mark."""
    if v is None:
        return af.civil_mark
    if af.share_fmt == "dec":
        return f"{v:.2f}".replace(".", af.decimal)
    return {Decimal(1): "1", Decimal("0.5"): "1/2", Decimal("0.25"): "1/4", Decimal("0.75"): "3/4"}.get(v, str(v))


def rate_text(v: Decimal, af: AFHabits) -> str:
    return f"{v:.2f}".replace(".", af.decimal)


def style(af: AFHabits, rng: random.Random, base: Style) -> None:
    """An AF page's style: the machine's face (the rest is drawn by family_af.render)."""
    base.font = FONT_DIR / af.face
    base.typewriter = True
    base.size = AF_SIZES["typewriter"][0]
    base.landscape = not af.portrait
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the master, typed ---

PAPERS = {"A4P": (2480, 3508), "A4L": (3508, 2480)}  # pixels at 300 dpi
LINE = 50.0  # six lines to the inch at 300 dpi
HOLE_R = 36  # a punched hole's radius (6 mm at 300 dpi)
HOLE_IN = 140  # a hole's centre from the edge (12 mm)
CLEAR = 250  # the typing kept this far from the punched edge



class _Machine:
    """The manual typewriter on the spirit master: a fixed pitch, every letter struck with the typist's uneven force
    (the carbon taken up in proportion), the strikes a little off their places."""

    def __init__(self, af: AFHabits, rng: random.Random, W: int, H: int, pitch: int, x0: float, top: float) -> None:
        self.af, self.rng = af, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.top = pitch, x0, top
        self.path = str(FONT_DIR / af.face)
        self.boxes: list[tuple[int, int, int, int]] = []  # every string typed

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def y(self, line: float) -> float:
        """The baseline of ``line``."""
        return self.top + line * LINE

    def text(self, col: float, line: float, s: str, *, strength: float = 1.0, dx: float = 0.0) -> None:
        if s.strip() and strength >= 1.0:
            self.boxes.append((int(self.x(col)) - 6, int(self.y(line) - 0.8 * LINE), int(self.x(col + len(s))) + 6,
                               int(self.y(line) + 0.35 * LINE)))  # fmt: skip
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, base = typewriter_glyph(self.path, ch, self.pitch)
            ink = g * ((1.0 - self.af.strike * self.rng.random()) * strength)
            x = int(round(self.x(col + k) - 4 + dx + self.rng.gauss(0, 0.6)))
            y = int(round(self.y(line) - base + self.rng.gauss(0, 0.8)))
            self._put(ink, x, y)

    def scrape(self, col: float, line: float, n: int) -> None:
        """The carbon scraped off the master with a razor over ``n`` letters: a faint smear where it was."""
        x0, x1 = int(self.x(col)) - 4, int(self.x(col + n)) + 4
        y0, y1 = int(self.y(line) - 0.75 * LINE), int(self.y(line) + 0.25 * LINE)
        smear = np.zeros((y1 - y0, x1 - x0), np.float32)
        cv2.ellipse(smear, ((x1 - x0) // 2, (y1 - y0) // 2), ((x1 - x0) // 2, (y1 - y0) // 2), 0, 0, 360, 1.0, -1)
        smear = np.asarray(cv2.GaussianBlur(smear, (0, 0), 6), np.float32) * self.rng.uniform(0.06, 0.12)
        self._put(smear, x0, y0)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])


def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "name": 16, "position": 10, "signature": 7}.get(c, 4)


def wrong_version(text: str, rng: random.Random) -> str:
    """What the typist struck first: two neighbouring digits swapped, a digit mistyped, or a letter of a name."""
    digits = [k for k, ch in enumerate(text) if ch.isdigit()]
    if len(digits) >= 2 and rng.random() < 0.5:
        k = rng.randrange(len(digits) - 1)
        a, b = digits[k], digits[k + 1]
        if text[a] != text[b] and b == a + 1:
            return text[:a] + text[b] + text[a] + text[b + 1 :]
    if digits:
        k = rng.choice(digits)
        return text[:k] + str((int(text[k]) + rng.choice((1, 2, 3, 7, 8, 9))) % 10) + text[k + 1 :]
    letters = [k for k, ch in enumerate(text) if ch.isalpha()]
    if letters:
        k = rng.choice(letters)
        return text[:k] + rng.choice("аеиоунт") + text[k + 1 :]
    return text


def render(sheet: SheetContent, st: Style, af: AFHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """The master at 300 dpi as its copies show it (the typing's ink, before the duplicator): the parent body, the
    institution, "Лист №", the title and period, the headings (under their groups on some files), a person a line
    (labels over the foot block and the civil contracts on some files), the totals, the signers; the rules typed or
    ruled. The pen's layer (the signatures on the copy) goes to ``sheet.extra["af_pen"]``, the stamp's to
    ``sheet.extra["af_stamp"]``, the typed strings' boxes to ``sheet.extra["af_keep"]``, the paper to
    ``sheet.extra["af_paper"]`` and the punched edge to ``sheet.extra["af_punched"]`` ("left" or "top")."""
    cols = af.layout
    job = sheet.extra["af_job"]
    assert isinstance(job, dict)
    year = sheet.year

    def cell(c: str, r: dict[str, object]) -> str:
        v = r.get(c)
        if c == "signature":
            return ""
        if c in ("row", "egn", "name", "position", "days_worked", "lessons"):
            return "" if v is None or (c == "lessons" and v == 0) else str(v)
        if c == "share":
            return share_text(v if isinstance(v, Decimal) else None, af)
        if c == "rate_l":
            return rate_text(amount_or_nought(v), af) if r.get("lessons") else ""
        return amount(amount_or_nought(v), af, year, part=c in ITEMS or c in PARTS)

    texts = [{c: cell(c, r) for c in cols} for r in sheet.rows]
    sums = {c: amount(sheet.totals[c], af, year) for c in cols if c in sheet.totals}
    sums["lessons"] = str(sheet.extra["af_lessons"])
    heads = [sheet.headings.get(c, c).split("\n") for c in cols]
    widths = []
    for j, c in enumerate(cols):
        w = max([len(s) for s in heads[j]] + [len(t[c]) for t in texts] + [len(sums.get(c, "")), _least(c)])
        if c == "name":
            w = max(w, len(str(job["total"])), len(str(job["civil_label"])), len(str(job["extra_label"])))
        widths.append(w)
    group_of = ["honor" if c in HONOR else "cut" if c in CUT else "" for c in cols]
    labels = dict(af.heads) if af.groups else {}
    for g in GROUPS:
        js = [j for j, x in enumerate(group_of) if x == g]
        if len(js) < 2 or js != list(range(js[0], js[-1] + 1)):
            labels.pop(g, None)  # a group only over a run of two columns or more

    def spaced(gap: int) -> tuple[list[int], list[int], int]:
        ws = list(widths)
        for g in labels:
            js = [j for j, x in enumerate(group_of) if x == g]
            ws[js[-1]] += max(0, len(labels[g]) - (sum(ws[j] for j in js) + gap * (len(js) - 1)))
        at, pos = [], 2
        for w in ws:
            at.append(pos)
            pos += w + gap
        return ws, at, pos - gap + 2

    n_head = max(len(heads[j]) + (2 if group_of[j] in labels else 0) for j in range(len(cols)))
    n_labels = (sheet.extra.get("af_civil_at") is not None) + (sheet.extra.get("af_foot_at") is not None)
    paper, pitch, W, H, starts, right, row_pitch = "", 0, 0, 0, [0], 0, af.row_pitch
    top_px = 0.0
    approve, block_labels = af.approve, af.labels
    tries = [(p, gap, c, rp, extra) for extra in (True, False) for p in (("A4P", "A4L") if af.portrait else ("A4L",))
             for gap in (2, 1) for c in (af.pitch, 12, 15) if c >= af.pitch for rp in (af.row_pitch, 1.0)]  # fmt: skip
    for p, gap, cpi, rp, extra in tries:  # the table on the sheet the typist chose or, if need be, turned, a smaller
        W, H = PAPERS[p]  # pitch, one space between the columns, single spacing; at last no approval nor labels
        approve, block_labels = af.approve and extra, af.labels and extra
        punched = "left" if p == "A4P" else "top"
        widths, starts, right = spaced(gap)
        px = 300 // cpi
        side = CLEAR + 60 if punched == "left" else 100
        top_px = (CLEAR + 30 if punched == "top" else 130) + rng.uniform(0, 40)
        need = 13 + 2 * approve + bool(job["parent"]) + n_head + len(texts) * rp + n_labels * rp * block_labels
        if right * px <= W - side - 80 and top_px + need * LINE < H - 100:
            paper, pitch, row_pitch = p, px, rp
            break
    assert paper, f"the table overran the paper: {right} {list(zip(cols, widths, strict=True))}"
    punched = "left" if paper == "A4P" else "top"
    side = CLEAR + 60 if punched == "left" else 100
    x0 = side + max(0.0, (W - side - 80 - right * pitch) / 2) + rng.uniform(-15, 15)
    mach = _Machine(af, rng, W, H, pitch, x0, top_px)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    ruler_img = Image.new("L", (W, H), 0)  # the rules drawn on the master (violet: the typing's layer)
    ruler = ImageDraw.Draw(ruler_img)
    stamp = np.zeros((H, W), np.float32)
    geo = Geometry(W, H)

    def line_box(col0: float, col1: float, n0: float, n1: float) -> list[int]:
        return [int(mach.x(col0)), int(mach.y(n0) - 0.8 * LINE), int(mach.x(col1)), int(mach.y(n1) + 0.3 * LINE)]

    y = 0.0
    if approve:  # the director's approval at the top right, signed on the copy
        mach.text(right - 24, y, "УТВЪРЖДАВАМ:")
        mach.text(right - 24, y + 1, "Директор: ............")
        if rng.random() < 0.85:
            signature(pen, mach.x(right - 13), mach.y(y + 1) - 0.4 * LINE, 11 * pitch, rng)
        y += 2
    if job["parent"]:
        mach.text(0, y, str(job["parent"]))
        y += 1
    mach.text(0, y, sheet.employer)
    label = f"Лист № {sheet.sheet}"
    mach.text(right - len(label), y, label)
    y += 2
    mach.text(max(0, (right - len(sheet.title)) // 2), y, sheet.title)
    y += 1
    mach.text(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text)
    y += 2
    seps = [s - 1 for s in starts] + [right - 1]
    table_top = y
    rules: list[float] = []

    def rule() -> None:
        nonlocal y
        rules.append(y)
        y += 1

    rule()
    head_top = y
    sub_rules: list[tuple[float, int, int]] = []
    for g in GROUPS:
        js = [j for j, x in enumerate(group_of) if x == g]
        if js and g in labels:
            span0, span1 = starts[js[0]], starts[js[-1]] + widths[js[-1]]
            mach.text(span0 + (span1 - span0 - len(labels[g])) // 2, y, labels[g])
            sub_rules.append((y + 1, span0 - 1, span1 + 1))
    for j, _ in enumerate(cols):
        k = y + (2 if group_of[j] in labels else 0)
        for s in heads[j]:
            mach.text(starts[j] + (widths[j] - len(s.strip())) // 2, k, s.strip())
            k += 1
        geo.cells.append((0, j, line_box(starts[j], starts[j] + widths[j], head_top, head_top + n_head - 1),
                          " ".join(heads[j])))  # fmt: skip
    y += n_head
    rule()
    xl, xr = int(mach.x(seps[0])), int(mach.x(seps[-1] + 1))
    lead = (row_pitch - 1) / 2
    left_cols = ("name", "position")
    name_j = next(j for j, c in enumerate(cols) if c == "name")
    for i, t in enumerate(texts):
        for at, key in ((sheet.extra.get("af_foot_at"), "extra_label"), (sheet.extra.get("af_civil_at"), "civil_label")):
            if at == i and block_labels:  # a typed label over the block (no row)
                y += lead
                mach.text(starts[name_j], y, str(job[key]))
                y += 1 + lead
        y += lead
        for j, c in enumerate(cols):
            if t[c]:
                col = starts[j] + (0 if c in left_cols else widths[j] - len(t[c]))
                if rng.random() < af.scraped:  # struck wrong, the carbon scraped off, the right one typed over
                    wrong = wrong_version(t[c], rng)
                    if wrong != t[c]:
                        mach.scrape(col, y, max(len(wrong), len(t[c])))
                        mach.text(col, y, wrong, strength=rng.uniform(0.15, 0.3), dx=rng.uniform(-2, 2))
                        geo.marks.append({"kind": "correction", "row": i, "fields": [c],
                                          "polygon": rect_polygon(*line_box(col, col + len(t[c]), y, y))})  # fmt: skip
                mach.text(col, y, t[c])
                geo.cells.append((i + 1, j, line_box(starts[j], starts[j] + widths[j], y, y), t[c]))
            elif c == "signature" and rng.random() < 0.9:
                signature(pen, mach.x(starts[j]), mach.y(y) - 0.3 * LINE, widths[j] * pitch, rng)
        y0b, y1b = int(mach.y(y) - 0.85 * LINE), int(mach.y(y) + 0.35 * LINE)
        geo.row_bboxes.append([xl, y0b, xr, y1b])
        geo.row_polygons.append(rect_polygon(xl + 2, y0b + 2, xr - 2, y1b - 2))
        y += 1 + lead
    y += 0.3
    rule()
    mach.text(starts[name_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    for j, c in enumerate(cols):
        if c in sums and sums[c]:
            mach.text(starts[j] + widths[j] - len(sums[c]), y, sums[c])
            geo.cells.append((n_tot, j, line_box(starts[j], starts[j] + widths[j], y, y), sums[c]))
    y += 1
    rule()
    table_bottom = y - 1
    if af.rules == "typed":
        for n in rules:
            mach.text(seps[0], n, af.across * (seps[-1] - seps[0] + 1))
        for n, c0, c1 in sub_rules:
            mach.text(c0, n, af.across * (c1 - c0))
        inner = {j for j in range(1, len(cols)) if group_of[j] in labels and group_of[j] == group_of[j - 1]}
        k = table_top + 0.5
        while k < table_bottom - 0.2:
            if all(abs(k - n) > 0.3 for n in rules):
                for j, sp in enumerate(seps):
                    if not (j in inner and k < head_top + 1.7):  # not across a group's label
                        mach.text(sp, k, af.vchar)
            k += 0.5
    else:  # drawn on the master with a ruler and a hard pencil or stylus
        for n in rules:
            yy = mach.y(n) - 0.4 * LINE
            ruler.line((xl, yy, xr, yy), fill=230, width=3)
        for n, c0, c1 in sub_rules:
            yy = mach.y(n) - 0.4 * LINE
            ruler.line((mach.x(c0), yy, mach.x(c1), yy), fill=230, width=3)
        ya, yb = mach.y(table_top) - 0.4 * LINE, mach.y(table_bottom) - 0.4 * LINE
        for j, sp in enumerate(seps):
            xx = mach.x(sp + 0.5)
            top_y = ya
            if 0 < j < len(seps) - 1 and group_of[j] in labels and group_of[j] == group_of[j - 1]:
                top_y = mach.y(head_top + 1) - 0.4 * LINE
            ruler.line((xx, top_y, xx, yb), fill=230, width=3)
    y += 1.5
    signers = job["signers"]
    assert isinstance(signers, tuple)
    third = right // 3
    for k, s in enumerate(signers):
        mach.text(k * third, y, f"{s} ............")
        if rng.random() < 0.8:
            signature(pen, mach.x(k * third + len(s) + 1), mach.y(y) - 0.4 * LINE, 11 * pitch, rng)
    r = rng.uniform(120, 160)
    cx = min(W - r - 80, mach.x(2 * third) + rng.uniform(0.1, 0.5) * third * pitch)
    cy = max(mach.y(table_bottom) + r + 80, mach.y(y) + rng.uniform(-0.2, 0.5) * r)
    if af.stamp and cy < H - r - 60:  # the round stamp at the foot (no figure under it)
        _stamp(stamp, cx, cy, r, sheet.employer, rng)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": rect_polygon(cx - r, cy - r, cx + r, cy + r)})
    geo.table_bbox = [xl, int(mach.y(table_top) - 0.8 * LINE), xr, int(mach.y(table_bottom))]
    assert mach.y(y) < H - 60, "the page's lines overran its paper"
    ink = np.maximum(mach.ink, np.asarray(ruler_img, np.float32) / 255.0)
    sheet.extra["af_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["af_stamp"] = stamp
    sheet.extra["af_keep"] = mach.boxes
    sheet.extra["af_paper"] = paper
    sheet.extra["af_punched"] = punched
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(ink, 0, 1)), np.uint8), "L")
    return img, geo



# the round office stamp (the institution round the rim)
_stamp = partial(round_stamp, cut=StampCut(UNSHINMUN))


# --- the copy and the scan ---


@dataclass
class AFPage:
    af: AFHabits
    seed: int
    pen: np.ndarray  # the pen's layer (uint8, 255 white)
    stamp: np.ndarray  # the stamp's ink (float 0..1)
    paper: str
    punched: str  # "left" or "top"
    keep: tuple[tuple[int, int, int, int], ...]  # every typed string's box (on the master)
    copy: int  # this copy's place in the master's run (1 the first)
    offset: np.ndarray  # 2x3: the master's typing onto the copy's paper (askew on the drum)
    holes: tuple[tuple[float, float], ...]  # the punched holes' centres (paper)
    torn: int  # the hole torn out to the edge (-1 none)
    folds: tuple[float, float]  # the creases (x of the one down, y of the one across; paper) or (0, 0)
    angle: float  # the sheet's skew in the ADF (degrees)
    stretch: float  # the feed's stretch along it
    dust: float  # the dust line's place across the feed (a share of the width) or -1


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, af: AFHabits, rng: random.Random) -> AFPage:
    """The page's copy and scan decided on its drawn geometry: its place in the master's run, the master askew on the
    paper, the holes along the punched edge (one torn out on some), the creases, the ADF's skew, stretch and dust."""
    W, H = img.size
    typed = sheet.extra["af_keep"]
    assert isinstance(typed, list)
    keep = tuple((int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in typed)
    ang = np.deg2rad(af.skew + rng.uniform(-0.15, 0.15))
    c, s = float(np.cos(ang)), float(np.sin(ang))
    dx, dy = rng.uniform(-25, 25), rng.uniform(-25, 25)
    offset = np.array([[c, -s, W / 2 - c * W / 2 + s * H / 2 + dx], [s, c, H / 2 - s * W / 2 - c * H / 2 + dy]])
    punched = sheet.extra["af_punched"]
    assert isinstance(punched, str)
    along = H if punched == "left" else W
    gaps = (-40.0, 40.0) if af.holes == 2 else (-120.0, -40.0, 40.0, 120.0)  # mm apart about the middle
    holes = tuple((HOLE_IN, along / 2 + g * 300 / 25.4) if punched == "left" else (along / 2 + g * 300 / 25.4, HOLE_IN)
                  for g in gaps)  # fmt: skip
    torn = rng.randrange(len(holes)) if rng.random() < af.torn else -1
    folds = (W / 2 * rng.uniform(0.97, 1.03), H / 2 * rng.uniform(0.97, 1.03)) if af.folded else (0.0, 0.0)
    pen = sheet.extra["af_pen"]
    stamp = sheet.extra["af_stamp"]
    paper = sheet.extra["af_paper"]
    assert isinstance(pen, np.ndarray) and isinstance(stamp, np.ndarray) and isinstance(paper, str)
    return AFPage(af, rng.randrange(1 << 30), pen, stamp, paper, punched, keep, rng.randint(1, af.run), offset,
                  holes, torn, folds, rng.uniform(-1.2, 1.2), rng.uniform(0.985, 1.015),
                  rng.uniform(0.05, 0.95) if af.dust else -1.0)  # fmt: skip


def flat(a: np.ndarray, page: AFPage) -> np.ndarray:
    """The copy before the duplicator's and the scanner's marks (``--pristine``): the typing, the pen and the stamp on
    white paper, grey."""
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0)
    ink = np.maximum(ink, page.stamp * 0.6)
    return np.asarray(250.0 - 225.0 * ink, np.float32)



VIOLET = (92.0, 40.0, 150.0)  # the aniline dye at its densest
PENS = {"blue": (35.0, 55.0, 160.0), "black": (35.0, 35.0, 45.0)}
STAMP_INK = (110.0, 70.0, 170.0)
BACKINGS = {"white": (236.0, 236.0, 234.0), "grey": (128.0, 130.0, 130.0), "black": (18.0, 18.0, 20.0)}
THIN = {"white": 1.0, "grey": 0.975, "black": 0.93}  # the thin paper over the ADF's backing: a dark one shows through


def copy_strength(page: AFPage) -> float:
    """How much dye the copy took (1 the run's first copies, paler to its last)."""
    t = (page.copy - 1) / max(1, page.af.run - 1)
    return float(1.0 - 0.45 * t**1.5)


def dye(typed: np.ndarray, page: AFPage, rng: random.Random) -> np.ndarray:
    """The master's typing as the copy took it (0..1): the strokes spread and blurred, mottled, the dye fading
    unevenly down the page (or across it) and with the copy's place in the run, streaks along the feed."""
    H, W = typed.shape
    af = page.af
    spread = np.asarray(cv2.GaussianBlur(typed, (0, 0), af.spread), np.float32)
    halo = cv2.resize(typed, (W // 4, H // 4), interpolation=cv2.INTER_AREA)
    halo = cv2.resize(cv2.GaussianBlur(halo, (0, 0), af.spread * 0.9), (W, H), interpolation=cv2.INTER_LINEAR)
    out = np.maximum(typed * 0.8, np.clip(spread * 1.3 + np.asarray(halo, np.float32) * 0.35, 0, 1))
    fade = rng.uniform(0.25, 0.5)
    if af.fade == "down":
        ramp = 1.0 - fade * (np.arange(H, dtype=np.float32) / H) ** rng.uniform(1.0, 2.0)
        field_ = np.repeat(ramp[:, None], W, axis=1)
    else:
        ramp = 1.0 - fade * (np.arange(W, dtype=np.float32) / W) ** rng.uniform(1.0, 2.0)
        ramp = ramp if rng.random() < 0.5 else ramp[::-1].copy()
        field_ = np.repeat(ramp[None, :], H, axis=0)
    field_ *= smooth_field(H, W, rng, 0.8, 1.05, 7)
    streaks = np.array([rng.uniform(0.88, 1.0) for _ in range(40)], np.float32)[None, :]
    field_ *= cv2.resize(streaks, (W, 1), interpolation=cv2.INTER_CUBIC)[0][None, :]  # along the feed: down the page
    speck = np.random.default_rng(rng.randrange(1 << 30)).random((H // 2, W // 2), np.float32)
    grain = np.asarray(cv2.resize(cv2.GaussianBlur(speck, (0, 0), 0.8), (W, H), interpolation=cv2.INTER_LINEAR), np.float32)
    field_ *= 0.7 + 0.5 * grain  # the dye mottled in the strokes
    return np.asarray(np.clip(out * field_ * copy_strength(page), 0, 1), np.float32)


def scan(a: np.ndarray, page: AFPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, None]:
    """The spirit-duplicator copy through the ADF: the master's typing (askew on the paper) in violet dye as the copy
    took it, a violet haze where the master smudged, the signatures in ballpoint and the stamp, on glossy thin paper
    folded in quarters (the creases, the dye cracked along them) and punched (a hole torn out on some); fed through a
    sheet-fed scanner at 200 or 300 dpi in colour (skewed, stretched along the feed, a dust line on some), JPEG-
    compressed at a low quality and decoded. Returns the RGB image, the 2x3 map from the drawn page to it, its dpi and
    no bending."""
    af = page.af
    rng = random.Random(page.seed)
    H, W = a.shape
    off = page.offset.astype(np.float64)
    typed = cv2.warpAffine((255.0 - a) / 255.0, off, (W, H), flags=cv2.INTER_LINEAR, borderValue=0.0)
    violet = dye(np.asarray(typed, np.float32), page, rng)
    del typed
    pen = cv2.warpAffine((255.0 - page.pen.astype(np.float32)) / 255.0, off, (W, H), borderValue=0.0)
    stamp = cv2.warpAffine(page.stamp, off, (W, H), borderValue=0.0)
    # the paper: glossy, thin, a cool white; the master's smudge a faint violet haze
    tone = np.array([246.0, 245.0, 241.0], np.float32) - rng.uniform(0, 8)
    sheen = smooth_field(H, W, rng, 0.985, 1.01, 5)
    haze = smooth_field(H, W, rng, 0.0, 1.0, 6) * af.haze * copy_strength(page) if af.haze else None
    out = np.empty((3, H, W), np.float32)
    for ch in range(3):
        np.multiply(sheen, tone[ch], out=out[ch])
    for ink, col, k in ((haze, VIOLET, 1.0), (violet, VIOLET, 0.95), (pen, PENS[af.pen], 0.9), (stamp, STAMP_INK, 0.85)):
        if ink is not None:
            mix_ink(out, ink, col, k)
    del violet, pen, stamp, haze, sheen
    # folded in quarters: a crease down and one across, a dark line beside a light one, the dye cracked along them
    if page.folds[0] > 0:
        fx, fy = page.folds
        xs = np.arange(W, dtype=np.float32) - fx
        ys = np.arange(H, dtype=np.float32) - fy
        for d, axis in ((xs, 1), (ys, 0)):
            crease = (-26.0 * np.exp(-(d**2) / (2 * 1.6**2)) + 10.0 * np.exp(-((d - 5) ** 2) / (2 * 3.0**2))
                      - 5.0 * np.exp(-(d**2) / (2 * 40.0**2)))  # fmt: skip
            crease = crease.astype(np.float32)
            line = crease[None, :] if axis == 1 else crease[:, None]
            out += line[None]
        crack = np.zeros((H, W), np.float32)
        for _ in range(60):
            if rng.random() < 0.5:
                yy = rng.uniform(0, H)
                cv2.line(crack, (int(fx + rng.uniform(-2, 2)), int(yy)), (int(fx + rng.uniform(-2, 2)), int(yy + rng.uniform(5, 40))), 1.0, 2)
            else:
                xx = rng.uniform(0, W)
                cv2.line(crack, (int(xx), int(fy + rng.uniform(-2, 2))), (int(xx + rng.uniform(5, 40)), int(fy + rng.uniform(-2, 2))), 1.0, 2)
        crack = np.asarray(cv2.GaussianBlur(crack, (0, 0), 0.7), np.float32) * 0.6
        mix_ink(out, crack, tuple(float(v) for v in tone), 1.0)  # where the dye cracked the paper shows
    out *= THIN[af.backing]  # the thin paper: the backing behind it shows through
    np.clip(out, 0, 255, out=out)
    # punched: the holes (the ADF's backing through them), one torn out to the edge on some pages
    back = np.array(BACKINGS[af.backing], np.float32)
    hole = np.zeros((H, W), np.float32)
    for k, (hx, hy) in enumerate(page.holes):
        cv2.circle(hole, (int(hx), int(hy)), HOLE_R, 1.0, -1, lineType=cv2.LINE_AA)
        if k == page.torn:
            _tear(hole, hx, hy, page.punched, rng)
    mix_ink(out, hole, tuple(float(v) for v in back), 1.0)
    del hole
    # the ADF: the sheet a little skewed and stretched along the feed, at its dpi, the backing round the sheet
    scale = af.dpi / 300.0
    pad = int(30 * scale)
    rot = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, 1.0)
    s = np.diag([scale, scale * page.stretch, 1.0])
    m = (s @ np.vstack([rot, [0, 0, 1]]))[:2]
    m[:, 2] += pad
    ow, oh = int(W * scale) + 2 * pad, int(H * scale * page.stretch) + 2 * pad
    planes = []
    for ch in range(3):
        plane = cv2.warpAffine(out[ch], m, (ow, oh), flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
                               borderValue=float(back[ch]))  # fmt: skip
        planes.append(plane)
    del out
    rgb = np.dstack(planes)
    if page.dust >= 0:  # a speck of dust on the glass: a line along the feed, through the whole scan
        x = int(page.dust * ow)
        rgb[:, x : x + max(1, int(2 * scale))] *= rng.uniform(0.55, 0.8)
    rgb += np_rng.standard_normal((oh, ow, 1)).astype(np.float32) * 1.2
    buf = io.BytesIO()
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB").save(buf, "JPEG", quality=jpeg_quality(af), subsampling=2)
    buf.seek(0)
    with Image.open(buf) as im:
        decoded = np.asarray(im.convert("RGB"), np.uint8)
    full = np.vstack([m, [0, 0, 1]]) @ np.vstack([off, [0, 0, 1]])
    return decoded, full[:2], af.dpi, None


def jpeg_quality(af: AFHabits) -> int:
    """The scanner's JPEG quality: the file's, no lower than 25 at 200 dpi."""
    return max(af.quality, 25) if af.dpi == 200 else af.quality



def _tear(hole: np.ndarray, hx: float, hy: float, edge: str, rng: random.Random) -> None:
    """The paper between a hole and the edge torn away: a ragged wedge from the hole out to the sheet's edge."""
    pts = []
    n = 8
    w0 = HOLE_R * rng.uniform(0.7, 1.0)
    for k in range(n + 1):  # one side of the tear, from the hole to the edge
        t = k / n
        pts.append((t, -w0 * (1 + 0.6 * t) + rng.uniform(-6, 6)))
    for k in range(n, -1, -1):
        t = k / n
        pts.append((t, w0 * (1 + 0.6 * t) + rng.uniform(-6, 6)))
    if edge == "left":
        poly = [(hx - t * (hx + 5), hy + u) for t, u in pts]
    else:
        poly = [(hx + u, hy - t * (hy + 5)) for t, u in pts]
    cv2.fillPoly(hole, [np.round(np.array(poly)).astype(np.int32)], 1.0, lineType=cv2.LINE_AA)
