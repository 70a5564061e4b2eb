"""Family AE of the sample generator (held out from its making in session 28, 2026-12-06, helper s37-famae, before
anything was tuned on AD, to its one measurement by the lead at the start of session 29; a development family since;
evaluation seed 2054, development seeds 23001-23040): the monthly payroll of 1980-1996 of a shift-working employer (a bus enterprise, ДАП or
"Автотранспорт"; a railway depot of БДЖ; a district hospital or the emergency centre; a bread works) whose people are
paid by the hour: the hours worked, the night hours and the overtime hours beside the days (or instead of them), typed
on an electric typewriter of the late 1980s with a correcting ribbon, and kept by an archive whose boxes were flooded.

What AE draws, each file its own combination (samples/families.py applies it over the generic switches):
the columns. Hours columns none of A-AD draws side by side (``hours``: the hours worked, ``night_h``: of them at night,
``over_h``: overtime hours; the hourly rate ``rate_h`` with three decimals on some files: none is a payroll-page/1
field, none is days or money) typed as the file types hours ("176", "176,5", "176,0" or "176:30"), on some layouts
with no days column at all (the truth's ``days_worked`` then null: the hours are not days), on 12-hour shift trades
the days a shift count far under the hours; the base pay for the hours at the hour's rate, the additional pay itemised
(``ae_night`` for the night hours, ``ae_over`` for the overtime, ``ae_shift`` for the shift regime, ``ae_years`` for
the years of service: their sum the truth's ``extra_pay``, printed or not; on one layout only the hours stand for
them), gross = base + additional, the itemised deductions (ДОД, the union's fee, the advance: their sum
``deductions``), net = gross - deductions; the totals row sums the money and the hours (the hours' totals no truth);
group headings ("Отработено време", "Доплащания", "Удръжки") over runs of columns on some files, the "№" sign
typed; the people's signatures in the last column; the employer's parent body over it and its unit under it (neither
the employer's name), "Лист №" at the right.
The machine: an electric typebar typewriter (a Марица, an Optima or a Ятрань) whose type is the Letter Gothic of the
late 1980s (fonts-naver-d2coding's D2Coding, regular or bold, a font package none of A-AD uses), every letter struck
with the same force, at 10, 12 or 15 characters to the inch, on a carbon-film ribbon (crisp, black) or a fabric one
(softer, its weave in the strokes); the rules typed ("-", "_" or "=" across, "!" or ":" down) or ruled by pen; the
correcting ribbon: a typed figure or name lifted off and retyped over the same place, the lifted letters left as pale
ghosts under the right ones (a little off where the carriage did not come back exactly; a mark ``{"kind":
"correction", "row": i or None, "fields": [field]}`` per retyped cell; the truth the retyped value).
The flood: the boxes stood in water; on each page the water's reach from its foot (or from a side, the box on its
side) ends in a brown tide line, fainter lines inside it where the water stood longer, the paper there darker and
blotched; the ribbon's ink there a little run (a fabric ribbon's more), the pen's and the stamp's aniline inks run and
feathered far more (the signatures and the violet stamp at the foot: no truth); mould colonies (dark grey-green specks,
pink ones on some) mostly in the wet part and along the edges, thin over the typed cells; the sheet cockled as it
dried (the rows wave up and down across it, the light and the focus with them); pages stuck together: the facing
sheet's typing set off mirrored and faint where they stuck, and where they were pulled apart the paper's surface
torn off in patches (lighter, fibrous, what stood there gone; patches kept off every typed cell and the heading's
lines, so that every truth value stays readable); scanned on a flatbed at 300 dpi on a white, grey or black backing,
a little turned, an A4 sheet in colour or grey, an A3 one grey (a colour A3 scan would be twice AE's ~5 MB a page), saved
PNG. Every page's boxes and marks follow the cockling and the scan (a vertical shift per column, then an affine map).
The sheet: A4 landscape where the table fits it (at the machine's pitch or a smaller one, two spaces between the
columns or, if need be, one), else the wide carriage's A3 landscape.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent, amount_or_nought, cents, pay_scale, working_days
from .handwork import StampCut, round_stamp, signature, smooth_field
from .render import FONT_DIR, Geometry, Style, face_at, rect_polygon

ITEMS = ("ae_night", "ae_over", "ae_shift", "ae_years")  # the pay items (their sum is the additional pay)
PARTS = ("tax", "union_fee", "advance")  # the itemised deductions (their sum is ``deductions``)
HOURS = ("hours", "night_h", "over_h")  # hours (no payroll-page/1 field; summed in the totals row)
TIME = ("days_worked", *HOURS)  # under "Отработено време"
EARN = ("base_pay", "rate_h", *ITEMS, "extra_pay")  # under "Доплащания" (the items and their total)
CUT = (*PARTS, "deductions")  # under "Удръжки"

AE_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "days_worked", "hours", "night_h", "over_h", "base_pay", "ae_night", "ae_over",
     "ae_years", "extra_pay", "gross_pay", "tax", "advance", "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "hours", "rate_h", "base_pay", "night_h", "ae_night", "over_h", "ae_over", "gross_pay",
     "tax", "union_fee", "deductions", "net_pay", "signature"),
    ("row", "name", "egn", "days_worked", "hours", "base_pay", "ae_shift", "ae_night", "extra_pay", "gross_pay",
     "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "position", "days_worked", "hours", "night_h", "base_pay", "ae_night", "ae_years",
     "gross_pay", "tax", "union_fee", "advance", "deductions", "net_pay"),
    ("row", "name", "egn", "hours", "over_h", "night_h", "base_pay", "ae_over", "ae_night", "extra_pay", "gross_pay",
     "tax", "advance", "deductions", "net_pay", "signature"),
    ("row", "name", "days_worked", "hours", "night_h", "over_h", "base_pay", "extra_pay", "gross_pay", "tax",
     "deductions", "net_pay", "egn"),
)  # fmt: skip
HIDDEN_ITEMS = ("ae_night", "ae_over")  # what the additional pay is where no item is printed (the hours stand for it)

HEADINGS_AE: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nсписък", "№\nна\nреда", "Пореден\n№"),
    "egn": ("ЕГН\nна служителя", "Единен\nграждански №", "ЕГН"),
    "name": ("Име, презиме, фамилия", "Трите имена\nна служителя", "Собствено, бащино\nи фамилно име\nна лицето"),
    "position": ("Длъжност /\nквалификация", "Длъжност", "Специалност"),
    "days_worked": ("Явя-\nвания\n(дни)", "Дни\nна\nлице", "Отраб.\nдни"),
    "hours": ("Отрабо-\nтени\nчасове", "Часове\nвсичко", "Отраб.\nчасове"),
    "night_h": ("В т.ч.\nнощни\nчасове", "Нощни\nч.", "Нощен\nтруд\nчасове"),
    "over_h": ("Извън-\nредни\nчасове", "Извънр.\nч.", "Часове\nизвънр.\nтруд"),
    "rate_h": ("Часова\nставка\nлв/ч", "Ставка\nна час", "Тарифна\nставка\nна час"),
    "base_pay": ("По\nчасова\nставка", "Основно\nза\nчасовете", "Заработка\nпо тариф"),
    "ae_night": ("За\nнощен\nтруд", "Добавка\nнощен\nтруд", "Нощен\nтруд\nлв."),
    "ae_over": ("За\nизвънреден\nтруд", "Извънр.\nтруд\nлв.", "Доплащане\nизвънр.\nтруд"),
    "ae_shift": ("За\nмногосменен\nрежим", "Сменна\nдобавка", "За работа\nна смени"),
    "ae_years": ("За\nтрудов\nстаж", "Добавка\nза стаж", "Прослужено\nвреме\nлв."),
    "extra_pay": ("Всичко\nдобавки", "Сума на\nдоплащанията", "Общо\nдопълнително"),
    "gross_pay": ("Всичко\nначислено", "Брутно\nвъзнагр.", "Сума\nзаработено"),
    "tax": ("ДОД", "Удържан\nданък\nДОД", "ДОД\nза\nмесеца\nлв."),
    "union_fee": ("Профсъюзен\nвнос", "Внос\nКНСБ", "Вноска\nсиндикат"),
    "advance": ("Полу-\nчен\nаванс", "Аванс\nна 15-то", "Изплатен\nаванс\nлв."),
    "deductions": ("Всичко\nудръжки", "Общо\nудръжки\nлв.", "Сума\nудържано"),
    "net_pay": ("Остатък\nза\nизплащане", "За\nполучаване\nлв.", "Чисто\nза\nполучаване"),
    "signature": ("Подпис\nза\nполучено", "Получил\nсумата", "Подпис\nна\nслужителя"),
}  # fmt: skip
GROUPS = {
    "time": ("Отработено време", "О Т Р А Б О Т Е Н О", "Време"),
    "earn": ("Доплащания", "Н А Ч И С Л Е Н О", "Възнаграждение"),
    "cut": ("Удръжки", "У Д Р Ъ Ж К И", "Удържано"),
}

_D2 = sorted(Path(FONT_DIR / "naver-d2coding").glob("D2Coding*.ttc")) if (FONT_DIR / "naver-d2coding").exists() else []
D2CODING = str(_D2[0].relative_to(FONT_DIR)) if _D2 else "naver-d2coding/D2Coding-Ver1.3.2-20180524-all.ttc"
# a font package none of A-AD uses (scripts/setup.sh: fonts-naver-d2coding): the electric machine's Letter Gothic type
AE_FACES: dict[str, tuple[str, ...]] = {"typewriter": (D2CODING,)}
AE_SIZES: dict[str, tuple[int, int]] = {"typewriter": (44, 44)}
AE_MONEY = (("", ","), ("", "."), (" ", ","), (".", ","))  # (thousands from 1991, decimal)

# the employers: (name, trade), as typed in the socialist years, and from 1991
EMPLOYERS = (
    ('ДАП "Автотранспорт" - Пловдив', "bus"), ('ДСО "Автотранспорт" - АТП Стара Загора', "bus"),
    ('ДАП - гр. Враца', "bus"), ('Градски транспорт - Русе', "bus"), ('АТП "Транстрой" - Бургас', "bus"),
    ('БДЖ - Локомотивно депо Горна Оряховица', "rail"), ('БДЖ - Локомотивно депо Пловдив', "rail"),
    ('БДЖ - Вагонно депо Подуяне', "rail"), ('Поделение за пътнически превози - Варна', "rail"),
    ('Окръжна болница - гр. Габрово', "hospital"), ('Районна болница - Самоков', "hospital"),
    ('Център за спешна медицинска помощ - Сливен', "hospital"), ('ОРБ "Д-р Никола Василиев" - Кюстендил', "hospital"),
    ('Хлебозавод "Добруджа" - Толбухин', "bread"), ('ДСО "Хлебни изделия" - Хлебозавод Хасково', "bread"),
    ('Хлебозавод - гр. Ямбол', "bread"),
)  # fmt: skip
EMPLOYERS_1990S = {
    "bus": ('"Автотранспорт" ЕАД - Пловдив', '"Стара Загора - Автотранспорт" ЕООД', '"Тролейбусен транспорт" ЕООД'),
    "rail": ('НК "БДЖ" - Локомотивно депо Горна Оряховица', 'НК "БДЖ" - ЛД Пловдив', 'НК "БДЖ" - ПП Варна'),
    "hospital": ('МБАЛ - Габрово', 'Районна болница - Самоков', 'ЦСМП - Сливен'),
    "bread": ('"Добруджански хляб" АД - Добрич', '"Хлебопроизводство" ЕООД - Хасково', '"Ямболен" АД - Ямбол'),
}  # fmt: skip
PARENTS = {
    "bus": ('Министерство на транспорта', 'ДСО "Автотранспорт"', 'СО "Български автомобилен транспорт"'),
    "rail": ('Министерство на транспорта', 'НПС "Български държавни железници"', 'Железопътно управление - Пловдив'),
    "hospital": ('ОНС - отдел "Здравеопазване"', 'Министерство на народното здраве', 'ДМО - Габрово'),
    "bread": ('ДСО "Хлебни изделия"', 'СО "Зърнени храни и хлебни изделия"', 'ОНС - отдел "Търговия"'),
}  # fmt: skip
UNITS = {
    "bus": ("Автоколона № {n}", "Автобаза № {n} - гр. Асеновград", "Ремонтна работилница", "Автоколона междуградски линии"),
    "rail": ("Цех \"Експлоатация\"", "Цех \"Ремонт\"", "Локомотивни бригади", "Пункт за технически преглед № {n}"),
    "hospital": ("Хирургично отделение", "Вътрешно отделение", "Детско отделение", "Отделение № {n}",
                 "Бърза помощ - филиал № {n}"),
    "bread": ("Цех № {n} - хляб", "Цех \"Сладкарски\"", "Пекарна № {n}", "Цех \"Закуски\""),
}  # fmt: skip
POSTS = {
    "bus": ("шофьор", "шофьор I кат.", "кондуктор", "автомонтьор", "диспечер", "автотенекеджия", "бензинджия",
            "нощен пазач", "шлосер"),
    "rail": ("машинист", "пом.-машинист", "локомотивен монтьор", "вагонен майстор", "стрелочник", "кондуктор",
             "маневрист", "шлосер", "дежурен по депо"),
    "hospital": ("медицинска сестра", "ст. мед. сестра", "санитарка", "лекар", "фелдшер", "акушерка", "шофьор",
                 "лаборант", "огняр"),
    "bread": ("хлебопроизводител", "пекар", "тестомесач", "майстор-пекар", "общ работник", "шофьор", "опаковач",
              "огняр", "ел. техник"),
}  # fmt: skip
SHIFT = {"bus": (8, 8, 8), "rail": (8, 12, 12), "hospital": (12, 12, 8), "bread": (8, 8, 8)}  # a shift's hours
TITLES = ("РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА РАБОТНИ ЗАПЛАТИ № {n}", "РАЗЧЕТНА ВЕДОМОСТ",
          "ВЕДОМОСТ за начислени и изплатени възнаграждения", "ВЕДОМОСТ - ЗАПЛАТИ")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {mm}.{y} г.", "месец {WORD} {y} година", "за {roman}-{y} г.",
           "за периода 01.{mm}.{y} - {last}.{mm}.{y} г.")  # fmt: skip
TOTALS = ("Всичко по ведомостта:", "ВСИЧКО:", "Общо:", "Всичко:")
SIGNERS = (("Съставил:", "Гл. счетоводител:", "Директор:"), ("Изготвил:", "Счетоводител:", "Началник:"),
           ("Ведомостта изготвил:", "Гл. счетоводител:", "Ръководител:"))  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class AEHabits:
    """One AE file's switches, drawn once per file."""

    layout: tuple[str, ...]
    face: str
    bold: bool  # the machine's type struck bold (D2Coding Bold)
    ribbon: str  # "film" (a carbon-film ribbon: crisp) or "fabric" (its weave, softer; runs more when wet)
    pitch: int  # 10, 12 or 15 characters to the inch (the machine changes pitch by a key)
    row_pitch: float  # lines from a person's line to the next one's: 1.5 or 2
    rules: str  # "typed" or "pen"
    across: str  # the typed rules' character across: "-", "_" or "="
    vchar: str  # the typed columns' character: "!" or ":"
    groups: bool  # group headings over the time, earnings and deductions columns
    hours_fmt: str  # "plain" (176, 176,5), "one" (176,0) or "hm" (176:30)
    thousands: str  # from 1991 (the amounts reach the thousands)
    decimal: str
    zero: str  # an item, a deduction or an hours figure of nought: "-", "" or "0"
    lifted: float  # the share of typed cells lifted off and retyped (the correcting ribbon's ghosts)
    pen: str  # the signatures' ink: "blue", "violet" or "black"
    stamp: bool  # the round violet stamp at the foot
    flood: str  # where the water came from: "foot" or "side"
    reach: tuple[float, float]  # how far it reached (a share of the page) on the file's pages, from .. to
    mould: int  # mould colonies per page
    cockle: float  # the cockles' amplitude, pixels
    stuck: float  # the share of pages stuck to the next (the set-off, the torn-off patches)
    backing: str  # the scanner's backing round the sheet: "white", "grey" or "black"
    colour: bool  # scanned in colour (else grey)
    trade: str = "bus"
    night_pct: int = 25  # the night hour's pay, per cent of the hour's rate
    shift_pct: int = 8  # the shift regime's pay, per cent of the base
    class_pct: dict[str, int] = field(default_factory=dict)  # the years-of-service class by ЕГН
    heads: dict[str, str] = field(default_factory=dict)  # the group headings' words ("time", "earn", "cut")

    @property
    def ruling(self) -> str:
        return "none"  # no generic rules: the typist's or the pen's (render)


def draw(rng: random.Random) -> AEHabits:
    thousands, decimal = rng.choice(AE_MONEY)
    lo = rng.uniform(0.1, 0.45)
    return AEHabits(
        layout=rng.choice(AE_LAYOUTS), face=AE_FACES["typewriter"][0], bold=rng.random() < 0.35,
        ribbon=rng.choice(("film", "fabric")), pitch=rng.choice((10, 12, 12, 15)), row_pitch=rng.choice((1.5, 2.0)),
        rules=rng.choice(("typed", "typed", "pen")), across=rng.choice(("-", "_", "=")), vchar=rng.choice(("!", ":")),
        groups=rng.random() < 0.5, hours_fmt=rng.choice(("plain", "one", "hm")), thousands=thousands, decimal=decimal,
        zero=rng.choice(("-", "", "0")), lifted=rng.choice((0.0, 0.015, 0.04)), pen=rng.choice(("blue", "violet", "black")),
        stamp=rng.random() < 0.6, flood=rng.choice(("foot", "foot", "side")), reach=(lo, min(0.95, lo + rng.uniform(0.1, 0.5))),
        mould=rng.choice((0, 4, 10, 20)), cockle=rng.uniform(1.5, 6.0), stuck=rng.choice((0.0, 0.5, 0.9)),
        backing=rng.choice(("white", "grey", "black")), colour=rng.random() < 0.7,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, ae: AEHabits, rng: random.Random) -> None:
    """An AE file: a shift-working employer, its people's posts and classes for the years of service, the night
    hour's and the shift regime's pay, the layout and headings."""
    name, trade = rng.choice(EMPLOYERS)
    ae.trade = trade
    year = ef.start[0]
    employer = rng.choice(EMPLOYERS_1990S[trade]) if year >= 1991 and rng.random() < 0.6 else name
    ef.employer = employer.replace("Толбухин", "Добрич") if year >= 1991 else employer  # the town's name from 1990
    ef.layout = ae.layout
    ef.headings = {c: rng.choice(HEADINGS_AE[c]) for c in ef.layout}
    for p in ef.staff:
        p.position = rng.choice(POSTS[trade])
        ae.class_pct[p.egn] = rng.choice((0, 2, 4, 6, 8, 10, 12))
    ae.night_pct = rng.choice((20, 25, 50))
    ae.shift_pct = rng.choice((5, 8, 10, 12))
    ae.heads = {g: rng.choice(GROUPS[g]) for g in GROUPS}



def adapt_sheet(sheet: SheetContent, ae: AEHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AE month: each person's shifts (the days), hours, night and overtime hours, the hour's rate (the monthly
    salary over the month's norm of hours), the base for the hours, the items (night, overtime, shift regime, years of
    service; their sum the additional pay), gross = base + it, the itemised deductions (their sum ``deductions``),
    net = gross - deductions; the totals of every money and hours column; the title, period and words."""
    cols = set(sheet.layout)
    wd = working_days(sheet.year, sheet.month)
    staff = {p.egn: p for p in ef.staff} if ef is not None else {}
    y0 = ef.start[0] if ef is not None else sheet.year
    paid = [c for c in ITEMS if c in cols] or list(HIDDEN_ITEMS)
    for r in sheet.rows:
        egn = str(r["egn"])
        person = staff.get(egn)
        shift = rng.choice(SHIFT[ae.trade])
        days_paid = int(str(r.get("days_paid", wd)))
        days = days_paid if shift == 8 else int(round(days_paid * 8 / 12))
        half = Decimal(rng.choice((0, 0, 0, 1, 2, 4))) / 2
        hours = max(Decimal(0), Decimal(days * shift) - half)
        night_share = {"bus": 0.2, "rail": 0.35, "hospital": 0.4, "bread": 0.6}[ae.trade]
        night = Decimal(0)
        if hours and rng.random() < 0.75:
            night = Decimal(int(float(hours) * night_share * rng.uniform(0.4, 1.0) * 2)) / 2
        over = Decimal(rng.choice((0, 0, 0, 2, 4, 6, 8, 12, 16, 24))) if hours else Decimal(0)
        salary = person.salary * pay_scale(y0, sheet.year) if person is not None else Decimal(300)
        rate = (salary / Decimal(wd * 8 if wd else 168)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        base = cents(hours * rate)
        items = {
            "ae_night": cents(night * rate * Decimal(ae.night_pct) / 100),
            "ae_over": cents(over * rate * Decimal("1.5")),
            "ae_shift": cents(base * Decimal(ae.shift_pct) / 100),
            "ae_years": cents(base * Decimal(ae.class_pct.get(egn, 4)) / 100),
        }
        extra = sum((items[c] for c in paid), Decimal(0))
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(55, 105)) / 1000), "union_fee": cents(gross / 100),
               "advance": Decimal(0)}  # fmt: skip
        if rng.random() < 0.6 and gross > 0:
            step = Decimal(10) if sheet.year < 1991 else Decimal(100)
            adv = (gross * Decimal(rng.choice((25, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
            cut["advance"] = min(adv, cents(gross / 2))
        parts = [c for c in PARTS if c in cols]
        ded = sum((cut[c] for c in parts), Decimal(0)) if parts else cut["tax"] + cut["union_fee"]
        r["days_paid"] = days
        r["days_worked"] = days if "days_worked" in cols else None
        r.update({"hours": hours, "night_h": night, "over_h": over, "rate_h": rate})
        r.update({c: items[c] for c in ITEMS if c in cols})
        r.update({c: cut[c] for c in parts})
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None
        if "position" in cols and person is not None:
            r["position"] = person.position
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in (*MONEY_FIELDS, *ITEMS, *PARTS)
                    if f in cols}  # fmt: skip
    sheet.extra["ae_hours"] = {h: sum((amount_or_nought(r[h]) for r in sheet.rows), Decimal(0)) for h in HOURS if h in cols}
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 60))
    sheet.period_text = rng.choice(PERIODS).format(word=word, WORD=word.upper(), mm=f"{m:02d}", roman=ROMAN[m - 1],
                                                   y=y, last=_last_day(y, m))  # fmt: skip
    sheet.decimal_comma = ae.decimal == ","
    sheet.thousands_space = bool(ae.thousands) and y >= 1991
    sheet.thousands_sep = ae.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    sheet.egn_printed_only = True  # the first layout prints no ЕГН: none in its truth (samples/generate.truth_of)
    parent = rng.choice(PARENTS[ae.trade]) if rng.random() < 0.6 else ""
    parent = "" if parent in sheet.employer else parent  # not the body the employer's own name begins with
    unit = rng.choice(UNITS[ae.trade]).format(n=rng.randint(1, 9)) if rng.random() < 0.7 else ""
    sheet.extra["ae_job"] = {"parent": parent, "unit": unit, "total": rng.choice(TOTALS),
                             "signers": rng.choice(SIGNERS)}  # fmt: skip


def _last_day(y: int, m: int) -> int:
    from archive_core.egn import days_in_month

    return days_in_month(y, m)


def amount(v: Decimal, ae: AEHabits, year: int, *, part: bool = False) -> str:
    """An amount as typed (``part``: an item or an itemised deduction, its nought as the file types it)."""
    if part and v == 0 and ae.zero != "0":
        return ae.zero
    leva, st = f"{abs(v):.2f}".split(".")
    if ae.thousands and year >= 1991 and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", ae.thousands)
    return f"{'-' if v < 0 else ''}{leva}{ae.decimal}{st}"


def hours_text(v: Decimal, ae: AEHabits, *, part: bool = False) -> str:
    """Hours as the file types them: "176", "176,5"; "176,0"; "176:30" (``part``: night or overtime, its nought as
    the file types a nought)."""
    if v == 0 and part and ae.zero != "0":
        return ae.zero
    whole, frac = int(v), v - int(v)
    if ae.hours_fmt == "hm":
        return f"{whole}:{int(frac * 60):02d}"
    if ae.hours_fmt == "one":
        return f"{whole}{ae.decimal}{int(frac * 10)}"
    return f"{whole}{ae.decimal}{int(frac * 10)}" if frac else str(whole)


def rate_text(v: Decimal, ae: AEHabits) -> str:
    return f"{v:.3f}".replace(".", ae.decimal)


def style(ae: AEHabits, rng: random.Random, base: Style) -> None:
    """An AE page's style: the machine's face (the rest is drawn by family_ae.render)."""
    base.font = FONT_DIR / ae.face
    base.typewriter = True
    base.size = AE_SIZES["typewriter"][0]
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the electric typewriter ---

PAPERS = {"A4L": (3508, 2480), "A3L": (4961, 3508)}  # pixels at 300 dpi (landscape: a wide carriage's A3)
LINE = 50.0  # six lines to the inch at 300 dpi
# the scanner's noise, its amplitude in a grey scan and in each of a colour scan's channels (a colour A4 page's PNG
# stays under ~5 MB, an A3 grey one under ~4 MB)
GRAIN_GREY, GRAIN_COLOUR = 0.5, 0.15



@lru_cache(maxsize=4096)
def _glyph(path: str, index: int, ch: str, pitch: int) -> tuple[np.ndarray, int]:
    """One type of the machine: ``ch`` of the face at ``path`` (``index`` in its collection) at the pitch's size, its
    strokes as a typebar prints them (ink 0..1), and the row of its baseline."""
    em = int(round(pitch * 1.55))
    f = face_at(path, em, index)
    w, h = pitch + 8, int(em * 1.5)
    img = Image.new("L", (w * 2, h), 0)
    base = int(em * 1.1)
    ImageDraw.Draw(img).text((w // 2 + 4 + (pitch - f.getlength(ch)) / 2, base), ch, font=f, fill=255, anchor="ls")
    a = np.asarray(img, np.float32)[:, w // 2 : w // 2 + w] / 255.0
    blurred = np.asarray(cv2.GaussianBlur(a, (0, 0), 0.5), np.float32)
    return np.asarray(np.clip(blurred * 1.1, 0, 1), np.float32), base


class _Machine:
    """The electric typewriter: a fixed pitch, every letter struck with the same force, the strikes a little off
    their places as a machine's are; the correcting ribbon's lifted letters left as ghosts."""

    def __init__(self, ae: AEHabits, rng: random.Random, W: int, H: int, pitch: int, x0: float, top: float) -> None:
        self.ae, self.rng = ae, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.top = pitch, x0, top
        self.path = str(FONT_DIR / ae.face)
        self.index = 1 if ae.bold else 0
        self.strength = 0.97 if ae.ribbon == "film" else rng.uniform(0.75, 0.92)
        self.line_off = rng.gauss(0, 0.4)
        self.boxes: list[tuple[int, int, int, int]] = []  # every string typed (the ghosts' not)

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def y(self, line: float) -> float:
        """The baseline of ``line``."""
        return self.top + line * LINE

    def text(self, col: float, line: float, s: str, *, strength: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> None:
        if strength >= 1.0 and s.strip():
            self.boxes.append((int(self.x(col)) - 6, int(self.y(line) - 0.8 * LINE), int(self.x(col + len(s))) + 6,
                               int(self.y(line) + 0.35 * LINE)))  # fmt: skip
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, base = _glyph(self.path, self.index, ch, self.pitch)
            ink = g * (self.strength * strength * self.rng.uniform(0.94, 1.0))
            x = int(round(self.x(col + k) - 4 + dx + self.rng.gauss(0, 0.35)))
            y = int(round(self.y(line) - base + dy + self.line_off + self.rng.gauss(0, 0.3)))
            self._put(ink, x, y)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])


def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "name": 18, "position": 10, "signature": 9}.get(c, 5)


def _heading(c: str, sheet: SheetContent) -> list[str]:
    return sheet.headings.get(c, c).split("\n")


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
        d = str((int(text[k]) + rng.choice((1, 2, 3, 7, 8, 9))) % 10)
        return text[:k] + d + text[k + 1 :]
    letters = [k for k, ch in enumerate(text) if ch.isalpha()]
    if letters:
        k = rng.choice(letters)
        return text[:k] + rng.choice("аеиоунт") + text[k + 1 :]
    return text


def render(sheet: SheetContent, st: Style, ae: AEHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """One page at 300 dpi: the parent body, the employer and its unit, "Лист №", the title and period, the headings
    (under their groups on some files), a person a line, the totals of the money and the hours, the signers; the
    rules typed or ruled by pen, the people's signatures, the stamp; the lifted and retyped cells. The pen's layer goes
    to ``sheet.extra["ae_pen"]``, the stamp's to ``sheet.extra["ae_stamp"]``, each typed cell's box (row or None or
    "head", field, box) to ``sheet.extra["ae_boxes"]``."""
    cols = ae.layout
    job = sheet.extra["ae_job"]
    assert isinstance(job, dict)
    hours_tot = sheet.extra["ae_hours"]
    assert isinstance(hours_tot, dict)
    year = sheet.year

    def cell(c: str, r: dict[str, object]) -> str:
        if c == "signature":
            return ""
        v = r.get(c)
        if c in ("row", "egn", "name", "position", "days_worked"):
            return "" if v is None else str(v)
        if c in HOURS:
            return hours_text(amount_or_nought(v), ae, part=c != "hours")
        if c == "rate_h":
            return rate_text(amount_or_nought(v), ae)
        return amount(amount_or_nought(v), ae, year, part=c in ITEMS or c in PARTS)

    texts = [{c: cell(c, r) for c in cols} for r in sheet.rows]
    sums = {c: amount(sheet.totals[c], ae, year) for c in cols if c in sheet.totals}
    sums |= {c: hours_text(amount_or_nought(hours_tot[c]), ae) for c in cols if c in hours_tot}
    heads = [_heading(c, sheet) for c in cols]
    widths = []
    for j, c in enumerate(cols):
        w = max([len(s) for s in heads[j]] + [len(t[c]) for t in texts] + [len(sums.get(c, "")), _least(c)])
        if c == "name":
            w = max(w, len(str(job["total"])))
        widths.append(w)
    group_of = ["time" if c in TIME else "earn" if c in ITEMS or c == "extra_pay" else "cut" if c in CUT else ""
                for c in cols]  # fmt: skip
    labels = dict(ae.heads) if ae.groups else {}
    for g in GROUPS:
        js = [j for j, x in enumerate(group_of) if x == g]
        if len(js) < 2 or js != list(range(js[0], js[-1] + 1)):
            labels.pop(g, None)  # a group only over a run of two columns or more

    def spaced(gap: int) -> tuple[list[int], list[int], int]:
        """The columns' widths (a group's label wider than its columns widens its last), starts and the right outer
        rule's position + 1, ``gap`` spaces apart."""
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
    top_px = rng.uniform(110, 190)
    need = (3 + bool(job["parent"]) + bool(job["unit"]) + 3 + n_head + len(texts) * ae.row_pitch + 9)
    paper, cpi, W, H, starts, right = "", 0, 0, 0, [0], 0
    for p, gap in (("A4L", 2), ("A4L", 1), ("A3L", 2)):  # the smallest sheet the table fits, at the machine's pitch
        W, H = PAPERS[p]  # or a smaller one, two spaces between the columns or, on an A4 sheet, one
        widths, starts, right = spaced(gap)
        cpi = next((c for c in (ae.pitch, 12, 15) if c >= ae.pitch and right * (300 // c) <= W - 300), 0)
        if cpi and top_px + need * LINE < H - 120:
            paper = p
            break
    assert paper, "the table overran the paper"
    pitch = 300 // cpi
    x0 = (W - right * pitch) / 2 + rng.uniform(-40, 40)
    mach = _Machine(ae, rng, W, H, pitch, x0, top_px)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    stamp = np.zeros((H, W), np.float32)
    geo = Geometry(W, H)
    boxes: list[tuple[int | str | None, str, list[int]]] = []

    def line_box(col0: float, col1: float, n0: float, n1: float) -> list[int]:
        return [int(mach.x(col0)), int(mach.y(n0) - 0.8 * LINE), int(mach.x(col1)), int(mach.y(n1) + 0.3 * LINE)]

    def head_line(col: float, n: float, s: str, what: str) -> None:
        mach.text(col, n, s)
        boxes.append(("head", what, line_box(col, col + len(s), n, n)))

    y = 0.0
    if job["parent"]:
        head_line(0, y, str(job["parent"]), "parent")
        y += 1
    head_line(0, y, sheet.employer, "employer")
    label = f"Лист № {sheet.sheet}"
    head_line(right - len(label), y, label, "sheet")
    y += 1
    if job["unit"]:
        head_line(0, y, str(job["unit"]), "unit")
        y += 1
    y += 1
    head_line(max(0, (right - len(sheet.title)) // 2), y, sheet.title, "title")
    y += 1
    head_line(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text, "period")
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
    lead = (ae.row_pitch - 1) / 2
    left_cols = ("name", "position")
    lifted = 0

    def typed_cell(i: int | None, j: int, c: str, txt: str, n: float) -> None:
        nonlocal lifted
        col = starts[j] + (0 if c in left_cols else widths[j] - len(txt))
        box = line_box(starts[j], starts[j] + widths[j], n, n)
        if c != "signature" and rng.random() < ae.lifted:  # struck wrong, lifted off, the right one typed over
            wrong = wrong_version(txt, rng)
            if wrong != txt:
                off = rng.random() < 0.35  # the carriage not back exactly
                dx = rng.choice((-0.3, 0.3)) * pitch if off else 0.0
                dy = rng.uniform(-5, 5) if off else 0.0
                mach.text(col, n, wrong, strength=rng.uniform(0.15, 0.3), dx=dx, dy=dy)
                geo.marks.append({"kind": "correction", "row": i, "fields": [c],
                                  "polygon": rect_polygon(*line_box(col, col + len(txt), n, n))})  # fmt: skip
                lifted += 1
        mach.text(col, n, txt)
        boxes.append((i, c, box))

    for i, t in enumerate(texts):
        y += lead
        for j, c in enumerate(cols):
            if t[c]:
                typed_cell(i, j, c, t[c], y)
                geo.cells.append((i + 1, j, line_box(starts[j], starts[j] + widths[j], y, y), t[c]))
            elif c == "signature" and rng.random() < 0.88:
                _scribble(pen, mach.x(starts[j]), mach.y(y) - 0.3 * LINE, widths[j] * pitch, rng)
        y0b, y1b = int(mach.y(y) - 0.85 * LINE), int(mach.y(y) + 0.35 * LINE)
        geo.row_bboxes.append([xl, y0b, xr, y1b])
        geo.row_polygons.append(rect_polygon(xl + 2, y0b + 2, xr - 2, y1b - 2))
        y += 1 + lead
    y += 0.3
    rule()
    label_j = next(j for j, c in enumerate(cols) if c == "name")
    mach.text(starts[label_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    geo.cells.append((n_tot, label_j, line_box(starts[label_j], starts[label_j] + widths[label_j], y, y),
                      str(job["total"])))  # fmt: skip
    for j, c in enumerate(cols):
        if c in sums:
            typed_cell(None, j, c, sums[c], y)
            geo.cells.append((n_tot, j, line_box(starts[j], starts[j] + widths[j], y, y), sums[c]))
    y += 1
    rule()
    table_bottom = y - 1
    if ae.rules == "typed":
        ch_across = ae.across
        for n in rules:
            mach.text(seps[0], n if ch_across != "_" else n - 0.75, ch_across * (seps[-1] - seps[0] + 1))
        for n, c0, c1 in sub_rules:
            mach.text(c0, n if ch_across != "_" else n - 0.75, ch_across * (c1 - c0))
        inner = {j for j in range(1, len(cols)) if group_of[j] in labels and group_of[j] == group_of[j - 1]}
        k = table_top + 0.5
        while k < table_bottom - 0.2:
            if all(abs(k - n) > 0.3 for n in rules):
                for j, sp in enumerate(seps):
                    if not (j in inner and k < head_top + 1.7):  # not across a group's label
                        mach.text(sp, k, ae.vchar)
            k += 0.5
    else:
        slope = rng.uniform(-0.002, 0.002)
        for n in rules:
            yy = mach.y(n) - 0.4 * LINE
            pen.line((xl, yy, xr, yy + slope * (xr - xl)), fill=40, width=rng.choice((2, 3)))
        for n, c0, c1 in sub_rules:
            yy = mach.y(n) - 0.4 * LINE
            pen.line((mach.x(c0), yy, mach.x(c1), yy), fill=40, width=2)
        ya, yb = mach.y(table_top) - 0.4 * LINE, mach.y(table_bottom) - 0.4 * LINE
        for j, sp in enumerate(seps):
            xx = mach.x(sp + 0.5)
            top_y = ya
            if 0 < j < len(seps) - 1 and group_of[j] in labels and group_of[j] == group_of[j - 1]:
                top_y = mach.y(head_top + 1) - 0.4 * LINE  # under the group's label
            pen.line((xx, top_y, xx + rng.uniform(-3, 3), yb), fill=40, width=rng.choice((2, 3)))
    y += 1.5
    signers = job["signers"]
    assert isinstance(signers, tuple)
    third = right // 3
    for k, s in enumerate(signers):
        mach.text(k * third, y, f"{s} .............")
        if rng.random() < 0.8:
            _scribble(pen, mach.x(k * third + len(s) + 1), mach.y(y) - 0.4 * LINE, 12 * pitch, rng)
    r = rng.uniform(140, 190)
    cx = min(W - r - 30, mach.x(2 * third) + rng.uniform(0.2, 0.6) * third * pitch)
    cy = max(mach.y(table_bottom) + r + 90, mach.y(y) + rng.uniform(-0.2, 0.6) * r)  # clear of the totals, run or not
    if ae.stamp and cy < H - r - 20:  # the round stamp beside the last signer's (the foot, no figure under it)
        _stamp(stamp, cx, cy, r, sheet.employer, rng)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": rect_polygon(cx - r, cy - r, cx + r, cy + r)})
    geo.table_bbox = [xl, int(mach.y(table_top) - 0.8 * LINE), xr, int(mach.y(table_bottom))]
    assert mach.y(y) < H - 60, "the page's lines overran its paper"
    if ae.ribbon == "fabric":  # the ribbon's weave in the strokes
        noise = cv2.GaussianBlur(np.random.default_rng(rng.randrange(1 << 30)).random((H, W), np.float32), (0, 0), 0.9)
        mach.ink *= np.clip(0.62 + np.asarray(noise, np.float32), 0, 1.0)
    sheet.extra["ae_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ae_stamp"] = stamp
    sheet.extra["ae_boxes"] = boxes
    sheet.extra["ae_keep"] = mach.boxes
    sheet.extra["ae_paper"] = paper
    sheet.extra["ae_lifted"] = lifted
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(mach.ink, 0, 1)), np.uint8), "L")
    return img, geo


# a signature: a few loops and a tail
_scribble = partial(signature, amp=(10, 20), darkest=50, widths=(2, 3))


# the round office stamp (the employer round the rim), in the typewriter's face
_stamp = partial(round_stamp, cut=StampCut(AE_FACES["typewriter"][0], index=1, inner=0.68, rim=0.84, rim_letters=34,
                                           words=("СЧЕТОВОДСТВО", "ЗА ЗАПЛАТИ", "КАСА"), strength=0.85))


# --- the flood and the scan ---


@dataclass
class AEPage:
    ae: AEHabits
    seed: int
    pen: np.ndarray  # the pen's layer (uint8, 255 white)
    stamp: np.ndarray  # the stamp's ink (float 0..1)
    paper: str
    keep: tuple[tuple[int, int, int, int], ...]  # every typed cell's and heading line's box (no patch over them)
    reach: float  # how far the water reached (a share of the page from the foot or the side)
    side: str  # "foot", "left" or "right"
    lines: tuple[float, ...]  # the tide lines inside the reach (shares of it)
    colonies: tuple[tuple[float, float, float, str], ...]  # mould colonies (x, y, radius, "dark" or "pink")
    waves: tuple[tuple[float, float, float], ...]  # the cockles (amplitude, period, phase)
    stuck: tuple[float, float, float, float]  # the stuck part (cx, cy, rx, ry) or zeros
    patches: tuple[tuple[tuple[float, float], ...], ...]  # the torn-off patches (polygons)
    setoff: tuple[float, float]  # the facing sheet's shift (its typing set off mirrored)
    angle: float
    margin: int


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ae: AEHabits, rng: random.Random) -> AEPage:
    """The page's flood decided on its drawn geometry: the water's reach and tide lines, the mould colonies, the
    cockles, the stuck part and the patches torn off it (kept off every typed cell and heading line)."""
    W, H = img.size
    typed = sheet.extra["ae_keep"]
    assert isinstance(typed, list)
    keep = tuple((int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in typed)
    side = "foot" if ae.flood == "foot" else rng.choice(("left", "right"))
    reach = rng.uniform(*ae.reach)
    lines = tuple(sorted(rng.uniform(0.25, 0.85) for _ in range(rng.randint(0, 3))))
    colonies = []
    for _ in range(ae.mould):
        if rng.random() < 0.7:  # in the wet part
            t = rng.uniform(0.0, reach)
            u = rng.uniform(0, 1)
            x, yy = {"foot": (u * W, H * (1 - t)), "left": (t * W, u * H), "right": (W * (1 - t), u * H)}[side]
        else:  # along an edge
            e = rng.randrange(4)
            u = rng.uniform(0, 1)
            x, yy = [(u * W, rng.uniform(0, 120)), (W - rng.uniform(0, 120), u * H), (u * W, H - rng.uniform(0, 120)),
                     (rng.uniform(0, 120), u * H)][e]  # fmt: skip
        colonies.append((x, yy, rng.uniform(20, 110), "pink" if rng.random() < 0.2 else "dark"))
    waves = tuple((ae.cockle * rng.uniform(0.4, 1.0), rng.uniform(180, 650), rng.uniform(0, 2 * np.pi))
                  for _ in range(rng.randint(2, 3)))  # fmt: skip
    stuck = (0.0, 0.0, 0.0, 0.0)
    patches: list[tuple[tuple[float, float], ...]] = []
    if rng.random() < ae.stuck:
        stuck = (rng.uniform(0.2, 0.8) * W, rng.uniform(0.3, 0.9) * H, rng.uniform(0.2, 0.45) * W, rng.uniform(0.15, 0.35) * H)
        grown = [(x0 - 14, y0 - 14, x1 + 14, y1 + 14) for x0, y0, x1, y1 in keep]
        for _ in range(rng.randint(2, 6)):
            for _try in range(30):
                px = float(np.clip(rng.gauss(stuck[0], stuck[2] / 2), 20, W - 20))
                py = float(np.clip(rng.gauss(stuck[1], stuck[3] / 2), 20, H - 20))
                poly = _blob(px, py, rng.uniform(25, 110), rng)
                xs, ys = [p[0] for p in poly], [p[1] for p in poly]
                bb = (min(xs), min(ys), max(xs), max(ys))
                if not any(bb[0] < b[2] and b[0] < bb[2] and bb[1] < b[3] and b[1] < bb[3] for b in grown):
                    patches.append(tuple(poly))
                    break
    pen = sheet.extra["ae_pen"]
    stamp = sheet.extra["ae_stamp"]
    paper = sheet.extra["ae_paper"]
    assert isinstance(pen, np.ndarray) and isinstance(stamp, np.ndarray) and isinstance(paper, str)
    return AEPage(ae, rng.randrange(1 << 30), pen, stamp, paper, keep, reach, side, lines, tuple(colonies), waves,
                  stuck, tuple(patches), (rng.uniform(-60, 60), rng.uniform(-90, 90)), rng.uniform(-1.0, 1.0),
                  rng.randint(30, 90))  # fmt: skip


def _blob(cx: float, cy: float, r: float, rng: random.Random) -> list[tuple[float, float]]:
    """An irregular patch round (cx, cy), about ``r`` across its half."""
    n = 18
    k = [rng.uniform(0, 2 * np.pi) for _ in range(3)]
    pts = []
    for s in range(n):
        a = 2 * np.pi * s / n
        rr = r * (1 + 0.25 * np.sin(2 * a + k[0]) + 0.15 * np.sin(3 * a + k[1]) + 0.1 * np.sin(5 * a + k[2]))
        rr *= rng.uniform(0.85, 1.1)
        pts.append((cx + rr * np.cos(a) * 1.3, cy + rr * np.sin(a)))
    return pts


def flat(a: np.ndarray, page: AEPage) -> np.ndarray:
    """The page before the flood (``--pristine``): the typing, the pen and the stamp on white paper, grey."""
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0)
    ink = np.maximum(ink, page.stamp * 0.6)
    return np.asarray(250.0 - 225.0 * ink, np.float32)



PENS = {"blue": (40.0, 60.0, 165.0), "violet": (95.0, 45.0, 140.0), "black": (35.0, 35.0, 45.0)}
STAMP_INK = (105.0, 60.0, 160.0)
BACKINGS = {"white": (238.0, 238.0, 236.0), "grey": (140.0, 142.0, 140.0), "black": (20.0, 20.0, 22.0)}


def _blur_small(a: np.ndarray, sigma: float, k: int, across: float | None = None) -> np.ndarray:
    """``a`` blurred by ``sigma`` (``across`` across, if given: the rest down the page) at 1/``k`` of its size (a wide
    blur at a fraction of the CPU), back at its size."""
    h, w = a.shape[:2]
    small = cv2.resize(a, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    sx = (across if across is not None else sigma) / k
    small = cv2.GaussianBlur(small, (0, 0), sigmaX=max(0.3, sx), sigmaY=max(0.3, sigma / k))
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)


def _depth(H: int, W: int, page: AEPage, rng: random.Random) -> tuple[np.ndarray, float]:
    """How far inside the water's reach each pixel lies (< 0 dry, 0 at the reach's wavy edge, 1 at the foot or the
    side), and the pixels from that edge to the foot or side (the depth's scale)."""
    if page.side == "foot":
        t = 1.0 - np.arange(H, dtype=np.float32) / H  # a share of the page from the foot
        along, across = W, H
    else:
        t = np.arange(W, dtype=np.float32) / W
        t = t if page.side == "left" else 1.0 - t
        along, across = H, W
    u = np.arange(along, dtype=np.float32) / along
    wave = np.zeros(along, np.float32)
    for k in range(5):  # the edge's bays and tongues, larger ones slower
        wave += rng.uniform(0.3, 1.0) * 0.03 / (k + 1) * np.sin(2 * np.pi * (u * rng.uniform(1, 4) * (k + 1) + rng.uniform(0, 1)))
    knots = np.array([rng.gauss(0, 0.006) for _ in range(60)], np.float32)[None, :]
    wave += cv2.resize(knots, (along, 1), interpolation=cv2.INTER_CUBIC)[0]
    reach = page.reach + wave - wave.mean()
    reach = np.maximum(reach, 0.03)
    d = (reach[None, :] - t[:, None]) / reach[None, :] if page.side == "foot" else (reach[:, None] - t[None, :]) / reach[:, None]
    return np.asarray(d, np.float32), float(page.reach * across)


def scan(a: np.ndarray, page: AEPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """The flooded sheet on the flatbed: the paper aged and, inside the water's reach, darker and blotched under its
    tide lines, the inks run there (the ribbon's a little, the pen's and the stamp's far more), the facing sheet's
    typing set off where the pages stuck and the patches torn off there, mould; the sheet cockled (the rows wave, the
    light and the focus with them), a little turned on the scanner's backing. Returns the image (RGB, or grey), the
    2x3 map from the cockled page to it, its dpi (300) and the cockling (a vertical shift per column of the drawn
    page)."""
    ae = page.ae
    rng = random.Random(page.seed)
    H, W = a.shape
    typed = (255.0 - a) / 255.0
    pen = (255.0 - page.pen.astype(np.float32)) / 255.0
    stamp = page.stamp
    depth, scale = _depth(H, W, page, rng)  # > 0 wet
    wet = np.clip(depth * scale / 25.0, 0, 1).astype(np.float32)  # soft for 25 px inside the reach's edge
    # the inks run where wet: the ribbon's a little, the aniline inks of the pen and the stamp far more
    k_rib = 0.25 if ae.ribbon == "fabric" else 0.1
    halo = _blur_small(typed, 3.0, 2)
    typed = np.maximum(typed * (1 - 0.12 * wet), halo * (k_rib * 2.2) * wet)
    for layer, sig in ((pen, 7.0), (stamp, 9.0)):
        if layer.any():
            run = _blur_small(layer, sig, 4)
            down = _blur_small(layer, sig * 2.5, 4, across=2.5)
            mixed = layer * (1 - 0.45 * wet) + (run * 1.6 + down * 1.2) * wet
            layer = np.clip(mixed, 0, 1)
        if sig == 7.0:
            pen = layer
        else:
            stamp = layer
    # the facing sheet's typing set off, mirrored and faint, where the pages stuck
    stuck_mask = np.zeros((H, W), np.float32)
    if page.stuck[2] > 0:
        cx, cy, rx, ry = page.stuck
        cv2.ellipse(stuck_mask, (int(cx), int(cy)), (int(rx), int(ry)), rng.uniform(-20, 20), 0, 360, 1.0, -1)
        stuck_mask = _blur_small(stuck_mask, 40, 8)
        dx, dy = page.setoff
        flipped = np.ascontiguousarray(typed[:, ::-1])
        moved = cv2.warpAffine(flipped, np.array([[1.0, 0.0, dx], [0.0, 1.0, dy]]), (W, H), borderValue=0.0)
        mirror = np.asarray(cv2.GaussianBlur(moved, (0, 0), 1.6), np.float32)
        typed = np.maximum(typed, mirror * stuck_mask * rng.uniform(0.1, 0.2))
    # the paper: aged, darker and blotched where the water stood, the tide lines (planes: red, green, blue)
    tone = np.array([234.0, 226.0, 206.0], np.float32) - rng.uniform(0, 12)
    blotch = smooth_field(H, W, rng, 0.96, 1.03, 8)
    stain = (smooth_field(H, W, rng, 0.3, 1.0, 10) * 0.6 + smooth_field(H, W, rng, 0.0, 1.0, 45) * 0.4) * wet * rng.uniform(0.6, 1.0)
    out = np.empty((3, H, W), np.float32)
    for ch, dirt in enumerate((0.1, 0.16, 0.27)):
        np.multiply(blotch, 1.0 - dirt * stain, out=out[ch])
        out[ch] *= tone[ch]
    del blotch, stain
    for level in (0.0, *page.lines):  # the reach's edge and the lines where the water stood longer
        width = rng.uniform(5, 12)
        strength = rng.uniform(0.7, 1.0) if level == 0.0 else rng.uniform(0.3, 0.6)
        near = (depth > level - 12 / scale) & (depth < level + 40 * width / scale)
        span = np.flatnonzero(near.any(axis=1) if page.side == "foot" else near.any(axis=0))
        del near
        if not len(span):
            continue
        win = (slice(span[0], span[-1] + 1), slice(None)) if page.side == "foot" else (slice(None), slice(span[0], span[-1] + 1))
        px = (depth[win] - level) * scale  # pixels inside the line
        edge = 1.0 / (1.0 + np.exp(-np.clip(px, -60, 60) / 1.2))  # the dirt's sharp edge on the dry side
        inner = np.maximum(px, 0)
        line = edge * (0.75 * np.exp(-inner / width) + 0.25 * np.exp(-inner / (6 * width))) * (0.5 * strength)
        line = line.astype(np.float32)
        for ch, c in enumerate((118.0, 88.0, 52.0)):
            plane = out[ch][win]
            plane *= 1 - line
            plane += c * line
        del px, edge, inner, line
    # the inks over the paper
    rib = (28.0, 28.0, 34.0) if ae.ribbon == "film" else (40.0, 38.0, 48.0)
    for ink, col in ((typed, rib), (pen, PENS[ae.pen]), (stamp, STAMP_INK)):
        if not ink.any():
            continue
        mix = np.clip(ink, 0, 1) * 0.93
        for ch in range(3):
            out[ch] *= 1.0 - mix
            out[ch] += col[ch] * mix
    del typed, pen, stamp, halo
    # mould: dark grey-green specks (pink on some), thin over the typed cells
    keep_mask = np.zeros((H, W), np.uint8)
    for x0, y0, x1, y1 in page.keep:
        keep_mask[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)] = 1
    for x, yy, r, kind in page.colonies:
        _colony(out, keep_mask, x, yy, r, kind, rng)
    # the patches torn off where the pages stuck: the paper's inner fibres, lighter, what stood there gone
    for poly in page.patches:
        _patch(out, poly, rng)
    grey = not ae.colour or page.paper == "A3L"  # an A3 sheet scanned grey (a colour one is twice AE's ~5 MB a page)
    planes = [out[0] * 0.299 + out[1] * 0.587 + out[2] * 0.114] if grey else [out[0], out[1], out[2]]
    del out
    # cockled as it dried: the rows wave, the light and the focus with them
    xs = np.arange(W, dtype=np.float64)
    bend = np.zeros(W)
    for amp, period, phase in page.waves:
        bend += amp * np.sin(2 * np.pi * xs / period + phase)
    slope = np.gradient(bend)
    light = (1.0 + np.clip(slope, -0.2, 0.2) * 0.35).astype(np.float32)[None, :]
    height = (bend - bend.min()) / max(1e-6, np.ptp(bend))
    lift = (np.clip(height - 0.55, 0, 1) / 0.45).astype(np.float32)[None, :]
    map_x = np.tile(np.arange(W, dtype=np.float32), (H, 1))
    map_y = np.arange(H, dtype=np.float32)[:, None] - bend.astype(np.float32)[None, :]
    back = np.array(BACKINGS[ae.backing], np.float32)
    backs = [float(back @ np.array((0.299, 0.587, 0.114), np.float32))] if grey else [float(v) for v in back]
    pad = page.margin
    rot = cv2.getRotationMatrix2D((W / 2, H / 2), page.angle, 1.0)
    rot[:, 2] += pad
    ow, oh = W + 2 * pad, H + 2 * pad
    sheet = cv2.warpAffine(np.ones((H, W), np.float32), rot, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=0.0)
    shade = 1.0 - 0.3 * np.clip((cv2.GaussianBlur(sheet, (0, 0), 5) - sheet) * 2.5, 0, 1)  # its edge off the glass
    del sheet
    grain = np_rng.standard_normal((oh // 2 + 1, ow // 2 + 1)).astype(np.float32)
    strength = rng.uniform(0.8, 1.6) * (GRAIN_GREY if grey else GRAIN_COLOUR)
    grain = cv2.resize(grain, (ow, oh), interpolation=cv2.INTER_NEAREST) * np.float32(strength)
    done = []
    for plane, border in zip(planes, backs, strict=True):
        plane *= light
        soft = _blur_small(plane, 1.4, 2)
        plane += (soft - plane) * lift
        del soft
        plane = cv2.remap(plane, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)
        # on the flatbed: the backing round the sheet, a little turned
        plane = cv2.warpAffine(plane, rot, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=border)
        plane = cv2.GaussianBlur(plane * shade, (0, 0), 0.5) + grain
        done.append(np.clip(plane, 0, 255).astype(np.uint8))
    del planes, map_x, map_y, grain, shade
    if grey:
        return done[0], rot, 300, bend
    return np.dstack(done), rot, 300, bend


def _colony(out: np.ndarray, keep: np.ndarray, x: float, y: float, r: float, kind: str, rng: random.Random) -> None:
    """A mould colony: a faint fuzzy stain and many small specks clustered round (x, y), thin over the typed cells."""
    H, W = keep.shape
    x0, y0, x1, y1 = int(max(0, x - 2 * r)), int(max(0, y - 2 * r)), int(min(W, x + 2 * r)), int(min(H, y + 2 * r))
    if x1 <= x0 or y1 <= y0:
        return
    h, w = y1 - y0, x1 - x0
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    halo = np.exp(-((gx - (x - x0)) ** 2 + (gy - (y - y0)) ** 2) / (2 * (0.7 * r) ** 2))
    halo *= smooth_field(h, w, rng, 0.2, 1.0, 5) * 0.16
    lay = np.asarray(halo, np.float32)
    for _ in range(rng.randint(2, 6)):  # the colony's clusters
        cx, cy = x - x0 + rng.gauss(0, r * 0.4), y - y0 + rng.gauss(0, r * 0.4)
        for _ in range(int(r * rng.uniform(0.5, 1.2))):
            px, py = int(cx + rng.gauss(0, r * 0.25)), int(cy + rng.gauss(0, r * 0.25))
            cv2.circle(lay, (px, py), rng.choice((1, 1, 1, 2, 2, 3)), rng.uniform(0.35, 0.8), -1)
    lay = np.asarray(cv2.GaussianBlur(lay, (0, 0), 0.9), np.float32)
    under = np.asarray(cv2.GaussianBlur(keep[y0:y1, x0:x1].astype(np.float32), (0, 0), 8), np.float32)
    lay *= 1.0 - 0.65 * under  # thinner over a typed cell (the figures stay legible), no edge round it
    col = np.array((52.0, 60.0, 46.0) if kind == "dark" else (190.0, 110.0, 140.0), np.float32)
    sub = out[:, y0:y1, x0:x1]
    sub[:] = sub * (1 - lay[None]) + col[:, None, None] * lay[None]


def _patch(out: np.ndarray, poly: tuple[tuple[float, float], ...], rng: random.Random) -> None:
    """A patch of the paper's surface torn off: the inner fibres lighter and rough, a thin lighter rim."""
    H, W = out.shape[1:]
    pts = np.array(poly, np.float32)
    x0, y0 = np.maximum(0, np.floor(pts.min(axis=0)).astype(int) - 6)
    x1, y1 = np.minimum([W, H], np.ceil(pts.max(axis=0)).astype(int) + 6)
    if x1 <= x0 or y1 <= y0:
        return
    mask = np.zeros((y1 - y0, x1 - x0), np.float32)
    cv2.fillPoly(mask, [np.round(pts - [x0, y0]).astype(np.int32)], 1.0)
    fib = np.zeros_like(mask)
    for _ in range(int(mask.sum() / 40)):
        fx, fy = rng.uniform(0, x1 - x0), rng.uniform(0, y1 - y0)
        a = rng.uniform(0, np.pi)
        ln = rng.uniform(4, 14)
        cv2.line(fib, (int(fx), int(fy)), (int(fx + ln * np.cos(a)), int(fy + ln * np.sin(a))), rng.uniform(0.3, 1.0), 1)
    ring = cv2.dilate(mask, np.ones((3, 3), np.uint8)) - cv2.erode(mask, np.ones((3, 3), np.uint8))
    mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), 0.8), np.float32)
    sub = out[:, y0:y1, x0:x1]
    local = np.median(sub.reshape(3, -1), axis=1)  # the paper round it
    inner = np.minimum(255.0, local * 1.04 + 10.0)  # the inner fibres, lighter, no ink
    rough = inner[:, None, None] - 16.0 * fib[None] + 6.0 * smooth_field(y1 - y0, x1 - x0, rng, -1, 1, 4)[None]
    sub[:] = sub * (1 - mask[None]) + rough.astype(np.float32) * mask[None]
    sub[:] = sub * (1 - 0.25 * ring[None]) + (local * 0.75)[:, None, None] * 0.25 * ring[None]
