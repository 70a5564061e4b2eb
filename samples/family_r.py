"""Family R of the sample generator (held out from its making in session 15, helper s24-famr): a building,
transport or mining enterprise's brigade payroll, ruled by hand and kept on microfilm or scanned in black
and white. Measured once by the lead at the start of session 16 (evaluation seed 2041, bench/RESULTS.md); a
development family from then (seeds 10001-10060).

What R draws, each file its own combination (samples/families.py applies it over the generic switches):
the enterprise's name by the years it was so called (СМК, ДСК, Автобаза, ДАП, Рудник; ЕАД, ЕООД, АД from
1991) and its workers' trades (зидар, кофражист, шофьор, миньор), the site or the brigade under the name
(no part of it); piece-rate pay ("Акордна заработка") as the base pay, columns that are no payroll-page/1
field (the norm's fulfilment in per cent, the worker's grade in Roman numerals), on some files no row
numbers at all (the truth's row is then null); column orders and heading words of its own; the money in
whole leva from 1991 on some files (``3 450`` is 3450.00) or with the stotinki raised and underlined after
the leva (no separator typed), the net total in words under the table ("Словом: ..."); the title letter-
spaced (``В Е Д О М О С Т``); the period on a form's fields ("Месец: март   Година: 1985"); the table ruled
by hand with a ruler, in ink or in pencil (the rules leaning, overshooting the corners, a ruler moved
halfway); faces from font packages none of A-Q uses (fonts-open-sans and fonts-cantarell in print, their
bold weights under a typewriter's uneven ink, fonts-unifont's pixel face as a dot-matrix printer's); the sheet water-stained (a tide line, the ink run inside it) or a tear mended with yellowed tape;
the file kept on microfilm (the image printed from the film: grain, scratches, dust, the frame's dark edge,
its low contrast and resolution; on some files printed as a negative, white on black) or scanned in black and
white (a threshold, no greys); portrait or
landscape; any year 1980-1996.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import cv2
import numpy as np
from PIL import Image

from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, SheetContent
from .render import Geometry, Painter, Style

ROMAN = data.ROMAN

# Column orders none of A-Q draws ("parts" the itemised deductions as in samples/families.py); "row",
# "norm_pct" and "grade" are dropped where the file's switches say so.
R_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "grade", "position", "egn", "days_worked", "norm_pct", "base_pay", "extra_pay", "gross_pay",
     "deductions", "net_pay", "signature"),
    ("row", "egn", "name", "grade", "norm_pct", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts",
     "deductions", "net_pay"),
    ("row", "name", "egn", "days_worked", "grade", "norm_pct", "base_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
    ("row", "name", "position", "grade", "egn", "norm_pct", "days_worked", "base_pay", "extra_pay", "gross_pay",
     "parts", "deductions", "net_pay"),
    ("row", "egn", "name", "days_worked", "norm_pct", "grade", "gross_pay", "deductions", "net_pay", "signature"),
)  # fmt: skip
MAX_COLUMNS = 14

HEADINGS_R: dict[str, tuple[str, ...]] = {
    "row": ("№ в\nбригадата", "Пор.\nн-р", "№\nна\nработника"),
    "egn": ("ЕГН\nна члена", "ЕГН\n(граждански\nномер)", "Личен\nномер\nЕГН"),
    "name": ("Членове на\nбригадата", "Име и фамилия\nна работника\nот бригадата", "Работник\n(име, презиме,\nфамилия)"),
    "position": ("Специалност", "Професия\n(занятие)", "Машина /\nпрофесия"),
    "grade": ("Тарифен\nразряд", "Квалиф.\nразряд", "Раз-\nряд"),
    "norm_pct": ("Изпълнение\nна нормата\n%", "% изп.\nна\nнормата", "Норма\nизп. %"),
    "days_worked": ("Отработени\nчовекодни", "Дни\nна обекта", "Явки\n(дни)"),
    "base_pay": ("Акордна\nзаработка", "Заработка\nпо наряди", "Сделна\nзаработка"),
    "extra_pay": ("Бригадна\nпремия", "Извънреден\nтруд и\nнощни", "Доплащане\nза условия\nна труд"),
    "gross_pay": ("Всичко\nзаработено\nза месеца", "Общо\nзаработка", "Всичко\nполагаемо"),
    "deductions": ("Удръжки\nобщо от\nзаработката", "Всичко\nза удръжка", "Удържа се\nвсичко"),
    "net_pay": ("Остава\nза\nполучаване", "Следва\nда получи", "За плащане\nна ръка"),
    "signature": ("Подпис\nпри\nполучаване", "Получих\nпарите", "Лично\nподписал"),
    "tax": ("ДОД\nудържан\nот заработката", "Данък\nДОД\nза месеца"),
    "insurance": ("Лична\nосиг.\nвноска", "Вноска\nза ДОО\nот работника"),
    "advance": ("Аванс\nпо\nнаряд", "Взет\nаванс\nна обекта"),
    "union_fee": ("Проф.\nчленски\nвнос", "Членски\nвнос\nпрофсъюз"),
}  # fmt: skip

# Faces from font packages none of A-Q uses (scripts/setup.sh): fonts-open-sans and fonts-cantarell (print, and
# their bolder weights typed key by key under a typewriter's uneven ink: no monospaced face with Cyrillic is
# left), fonts-unifont (a pixel face: a dot-matrix printer's)
_CA = "../opentype/cantarell/Cantarell-"
R_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("open-sans/OpenSans-Semibold.ttf", _CA + "Bold.otf"),
    "print": ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-CondLight.ttf", "open-sans/OpenSans-Light.ttf",
              _CA + "Regular.otf", _CA + "Light.otf"),
    "dot_matrix": ("../opentype/unifont/unifont.otf", "open-sans/OpenSans-CondBold.ttf"),
}  # fmt: skip
R_SIZES: dict[str, tuple[int, int]] = {"typewriter": (36, 44), "print": (29, 35), "dot_matrix": (34, 40)}
R_FORMATS = (("", "."), (" ", "."), ("", ","), (" ", ","))  # (thousands, decimal) where the money is plain

# The enterprises by the years they were so named: (before 1991, from 1991)
ENTERPRISES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "building": (
        ("СМК – Монтана", "ДСК – Бургас", "СМУ „Промишлено строителство“ – Шумен", "Строителни войски – поделение 5320",
         "ПСО „Водстрой“ – Пловдив", "СМК „Металургстрой“ – Кремиковци", "Пътностроително управление – Смолян"),
        ("„Монтажи“ ЕАД – Стара Загора", "„Пътстрой“ АД – Габрово", "„Хидрострой“ ЕООД – Сливен",
         "„Строител-91“ ООД – Ямбол", "ДСК – Бургас ЕАД"),
    ),
    "transport": (
        ("ДАП – Видин", "Автобаза № 2 – Русе", "ТКЗС Автотранспорт – Казанлък", "ДСО „Български железници“ – депо Горна Оряховица",
         "Автотранспортно предприятие – Благоевград", "СО „Софиятранс“ – автобусен парк „Земляне“"),
        ("„Автотранспорт“ ЕООД – Ловеч", "„Международен автотранспорт“ АД – Пазарджик", "ДАП – Силистра ЕАД",
         "„Автобаза-Враца“ ООД"),
    ),
    "mining": (
        ("Рудник „Бабино“ – Бобов дол", "Мини „Марица-изток“ – рудник „Трояново-1“", "ДМП „Родопи“ – Мадан",
         "Рудник „Черно море“ – Бургас", "ГОК „Асарел“ – Панагюрище"),
        ("„Мини Бобов дол“ ЕАД", "„Горубсо-Мадан“ АД", "„Въгледобив“ ЕООД – Перник", "„Мини Марица-изток“ ЕАД"),
    ),
}  # fmt: skip
TRADES: dict[str, tuple[str, ...]] = {
    "building": ("зидар", "кофражист", "арматурист", "бетонджия", "мазач", "кранист", "заварчик", "бояджия",
                 "общ работник", "бригадир", "монтажник", "дърводелец"),
    "transport": ("шофьор", "автомонтьор", "диспечер", "кондуктор", "електротехник", "гумаджия", "стругар",
                  "бояджия", "шлосер", "тенекеджия", "механик", "мияч"),
    "mining": ("миньор", "забойчик", "крепач", "машинист комбайн", "взривник", "електрошлосер", "откатвач",
               "стрелочник", "лампаджия", "надзорник", "багерист", "помощник-миньор"),
}  # fmt: skip
# the site, brigade or shift printed under the enterprise (no part of its name)
SITES: dict[str, tuple[str, ...]] = {
    "building": ("Строителен участък № 3 – обект „Жилищен блок 12“", "Бригада № 4 (бригадир Г. Колев)",
                 "Обект „Детска градина – кв. Младост“", "Участък „Кофражни работи“"),
    "transport": ("Колона № 2 – товарни автомобили", "Ремонтна работилница", "Автоколона „Междуградски линии“",
                  "Бригада № 1 – техническо обслужване"),
    "mining": ("Участък № 5 – добив", "Смяна „Б“ – хоризонт 320", "Бригада № 7 (бригадир Н. Янев)",
               "Участък „Подготвителни работи“"),
}  # fmt: skip
R_TITLES = ("В Е Д О М О С Т", "В Е Д О М О С Т  ЗА  ЗАПЛАТИ", "Б Р И Г А Д Н А   В Е Д О М О С Т",
            "Р А З П Л А Щ А Т Е Л Н А   В Е Д О М О С Т")  # fmt: skip
IN_WORDS_LABELS = ("Словом:", "(словом:", "Словом за получаване:")


@dataclass(frozen=True)
class RHabits:
    """One R file's switches, drawn once per file."""

    trade: str  # "building", "transport", "mining"
    face: str  # "typewriter", "print", "dot_matrix"
    money: str  # "raised" (stotinki raised and underlined), "whole" (whole leva from 1991), "plain"
    thousands: str  # "" or " "
    decimal: str  # "." or "," (plain money and whole-leva files before 1991)
    rules: str  # "full", "columns", "none"
    hand: str  # the rules drawn by hand: "ink", "pencil", or "" (a printed form's)
    numbered: bool  # the rows numbered (no "№" column otherwise: the truth's row is null)
    norm: bool  # a column of the norm's fulfilment in per cent (no payroll-page/1 field)
    grade: bool  # a column of the worker's grade in Roman numerals (no payroll-page/1 field)
    spaced_title: bool  # the title letter-spaced (В Е Д О М О С Т)
    form_period: bool  # the period on a form's fields: "Месец: март   Година: 1985"
    in_words: bool  # the net total in words under the table ("Словом: ...")
    site: bool  # the site, brigade or shift printed under the enterprise's name
    capture: str  # "microfilm" (printed from the film), "bitonal" (scanned in black and white), "scan"
    negative: bool  # microfilm printed as a negative (white writing on black)
    water: bool  # water-stained: a tide line, the ink run inside it
    tape: bool  # a tear mended with yellowed tape
    correction: str  # "above" (handwritten over the struck figure) or "none"
    stamp_rows: bool
    signatures_cross: bool
    totals_hand: bool


def draw(rng: random.Random) -> RHabits:
    money = rng.choice(("raised", "whole", "whole", "plain"))
    thousands, decimal = rng.choice(R_FORMATS)
    rules = rng.choice(("full", "full", "columns", "none"))
    capture = rng.choice(("microfilm", "microfilm", "bitonal", "bitonal", "scan"))
    hand = rng.choice(("ink", "ink", "pencil", "")) if rules != "none" else ""
    return RHabits(
        trade=rng.choice(tuple(ENTERPRISES)), face=rng.choice(("typewriter", "typewriter", "print", "dot_matrix")),
        money=money, thousands=thousands, decimal=decimal, rules=rules, hand=hand, numbered=rng.random() < 0.6,
        norm=rng.random() < 0.6, grade=rng.random() < 0.5, spaced_title=rng.random() < 0.6,
        form_period=rng.random() < 0.5, in_words=rng.random() < 0.45, site=rng.random() < 0.5,
        capture=capture, negative=capture == "microfilm" and rng.random() < 0.2, water=rng.random() < 0.3,
        tape=rng.random() < 0.25, correction="none" if money == "raised" or rng.random() < 0.5 else "above",
        stamp_rows=rng.random() < 0.2, signatures_cross=rng.random() < 0.3, totals_hand=rng.random() < 0.15,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, r: RHabits, rng: random.Random) -> None:
    """An R file over what the generic file has (its layout from R_LAYOUTS, headings from HEADINGS_R): the
    enterprise's name of the file's years, its workers' trades, no row numbers, norm or grade columns where
    the switches say so, no more columns than the page holds."""
    ef.employer = rng.choice(ENTERPRISES[r.trade][ef.start[0] >= 1991])
    for p in ef.staff:
        p.position = rng.choice(TRADES[r.trade])
    drop = {c for c, keep in (("row", r.numbered), ("norm_pct", r.norm), ("grade", r.grade)) if not keep}
    layout = [c for c in ef.layout if c not in drop]
    for c in ("union_fee", "advance", "insurance"):  # the page has no room for more
        if len(layout) > MAX_COLUMNS and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)


def _d(x: object) -> Decimal:
    assert isinstance(x, Decimal)
    return x


def _whole(x: object) -> object:
    return x.quantize(Decimal(1), rounding=ROUND_HALF_UP) if isinstance(x, Decimal) else x


def adapt_sheet(sheet: SheetContent, r: RHabits, rng: random.Random) -> None:
    """An R sheet over the generic money: whole leva from 1991 on "whole" files (every amount rounded, the
    sums kept: gross = base + extra, net = gross - deductions, the totals the columns' sums), no row numbers
    where the file has none, the norm's fulfilment and the grade (keys payroll-page/1 does not have), the
    title, the period on a form's fields, the site under the name."""
    parts = [c for c in sheet.layout if c in ("tax", "insurance", "advance", "union_fee")]
    if r.money == "whole" and sheet.year >= 1991:
        for row in sheet.rows:
            for f in (*MONEY_FIELDS, *parts):
                row[f] = _whole(row[f]) if f in row else None
            base, extra = row.get("base_pay"), row.get("extra_pay")
            if isinstance(base, Decimal) and isinstance(extra, Decimal):
                row["gross_pay"] = base + extra
            if parts:
                row["deductions"] = sum((_d(row[p]) for p in parts), Decimal(0))
            gross, ded = row["gross_pay"], row["deductions"]
            assert isinstance(gross, Decimal) and isinstance(ded, Decimal)
            row["net_pay"] = gross - ded
        cols = set(sheet.layout)
        sheet.totals = {
            f: sum((_d(row[f]) for row in sheet.rows), Decimal(0))
            for f in (*MONEY_FIELDS, *parts)
            if f in cols
        }
        sheet.whole_leva = True
    for row in sheet.rows:
        if not r.numbered:
            row["row"] = None
        days = row.get("days_paid")
        worked = isinstance(days, int) and days > 0
        row["norm_pct"] = rng.randint(78, 148) if worked else None
        row["grade"] = ROMAN[int(str(row["egn"])[-2]) % 5 + 1]  # a worker's grade: II-VI, the same each month
    if r.spaced_title or rng.random() < 0.3:
        sheet.title = rng.choice(R_TITLES)
    if r.form_period:
        mname, y = data.MONTHS[sheet.month - 1], sheet.year
        sheet.period_text = rng.choice(
            (f"Месец: {mname}      Година: {y}", f"Месец {sheet.month:02d}     Година {y}",
             f"месец: {mname.upper()}     год.: {y}")
        )  # fmt: skip
    if r.site:
        sheet.address = rng.choice(SITES[r.trade])


def style(r: RHabits, rng: random.Random, base: Style) -> None:
    """An R sheet's style over the generic family style: portrait or landscape as the office chose, the
    rules drawn by hand (in ink or pencil), the stotinki raised."""
    base.landscape = rng.random() < 0.55
    base.hand_rules = r.hand
    base.raised_cents = r.money == "raised"
    if r.hand == "pencil":
        base.rule_ink = rng.randint(120, 165)
    elif r.hand == "ink":
        base.rule_ink = rng.randint(25, 80)


UNITS_M = ("", "един", "два", "три", "четири", "пет", "шест", "седем", "осем", "девет")
UNITS_F = ("", "една", "две", "три", "четири", "пет", "шест", "седем", "осем", "девет")
TEENS = ("десет", "единадесет", "дванадесет", "тринадесет", "четиринадесет", "петнадесет", "шестнадесет",
         "седемнадесет", "осемнадесет", "деветнадесет")  # fmt: skip
TENS = ("", "", "двадесет", "тридесет", "четиридесет", "петдесет", "шестдесет", "седемдесет", "осемдесет",
        "деветдесет")  # fmt: skip
HUNDREDS = ("", "сто", "двеста", "триста", "четиристотин", "петстотин", "шестстотин", "седемстотин",
            "осемстотин", "деветстотин")  # fmt: skip


def _below_thousand(n: int, units: tuple[str, ...]) -> list[str]:
    h, rest = divmod(n, 100)
    words = [HUNDREDS[h]] if h else []
    if 10 <= rest < 20:
        words.append(TEENS[rest - 10])
    elif rest:
        t, u = divmod(rest, 10)
        words += [w for w in (TENS[t], units[u]) if w]
    if len(words) > 1:  # "и" before the last word: сто и пет, двадесет и три, триста двадесет и три
        words.insert(len(words) - 1, "и")
    return words


def in_words(n: int) -> str:
    """A whole number of leva in Bulgarian words (as a cashier wrote the sum out): 2432 -> "две хиляди
    четиристотин тридесет и два"."""
    if n == 0:
        return "нула"
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands == 1:
        words.append("хиляда")
    elif thousands:
        words += _below_thousand(thousands, UNITS_F) + ["хиляди"]
    tail = _below_thousand(rest, UNITS_M)
    if words and tail and "и" not in tail:  # хиляда и сто, две хиляди и пет
        tail = ["и", *tail]
    return " ".join(words + tail)


def sum_in_words(amount: Decimal) -> str:
    leva, st = divmod(int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP)), 100)
    return f"{in_words(leva)} {'лев' if leva == 1 else 'лева'}" + (f" и {st:02d} ст." if st else "")


def after_render(img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, r: RHabits, rng: random.Random) -> None:
    """The net total written out in words under the table (printed text, no row's)."""
    net = sheet.totals.get("net_pay")
    if not r.in_words or net is None or sheet.carry_out or not geo.table_bbox:
        return
    p = Painter(img, st, rng)
    x0, _, _, bottom = geo.table_bbox
    label = rng.choice(IN_WORDS_LABELS)
    text = f"{label} {sum_in_words(net)}" + (")" if label.startswith("(") else "")
    p.text(x0 + rng.randint(0, 40), bottom + st.size * 1.15, text, 0.85)


# --- the sheet on paper and how it was captured (samples/generate.py, degrade_page) ---


def on_paper(a: np.ndarray, r: RHabits, rng: random.Random) -> np.ndarray:
    """What happened to the paper before it was captured: a water stain (the ink run and paler inside its
    tide line), a tear mended with tape gone yellow (darker, a sheen of blur, the tear under it)."""
    if r.water and rng.random() < 0.7:
        a = _water(a, rng)
    if r.tape and rng.random() < 0.6:
        a = _tape(a, rng)
    return a


def _water(a: np.ndarray, rng: random.Random) -> np.ndarray:
    h, w = a.shape
    gh, gw = h // 16, w // 16
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    cx, cy = rng.choice((0.0, 1.0)) * gw, rng.uniform(0.2, 1.0) * gh  # from a side where it stood in water
    reach = rng.uniform(0.25, 0.5) * max(gw, gh)
    noise = cv2.GaussianBlur(np.asarray([[rng.random() for _ in range(gw)] for _ in range(gh)], np.float32), (0, 0), 6)
    noise = (noise - noise.mean()) / (noise.std() + 1e-6)  # the stain's edge wandering
    field = 1.0 - np.hypot(xx - cx, yy - cy) / reach + noise * 0.08
    field = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC)  # smooth: the stain's edge a curve
    mask = np.clip(field * 25 + 0.5, 0, 1)
    run = cv2.GaussianBlur(a, (0, 0), rng.uniform(1.2, 2.2))  # the ink ran
    paler = 255 - (255 - run) * rng.uniform(0.6, 0.85)
    out = a * (1 - mask) + paler * mask * rng.uniform(0.9, 0.96)
    edge = np.exp(-((field * 60) ** 2))  # the tide line where the water stopped
    return out * (1 - edge * rng.uniform(0.15, 0.3))


def _tape(a: np.ndarray, rng: random.Random) -> np.ndarray:
    h, w = a.shape
    out = a.copy()
    length, width = rng.uniform(0.12, 0.3) * h, rng.uniform(150, 220)  # tape of 12-19 mm
    x = rng.uniform(0.15, 0.85) * w
    y0 = 0.0 if rng.random() < 0.5 else h - length  # a tear from the top or the bottom edge
    angle = rng.uniform(-12, 12)
    rect = ((x, y0 + length / 2), (width, length), angle)
    mask = np.zeros((h, w), np.float32)
    cv2.fillPoly(mask, [cv2.boxPoints(rect).astype(np.int32)], 1.0)
    soft = cv2.GaussianBlur(out, (0, 0), 0.9)
    out = out * (1 - mask) + soft * mask * rng.uniform(0.88, 0.95)
    tear = np.zeros((h, w), np.float32)  # the tear under the tape: a jagged line down its middle
    t = np.deg2rad(angle)
    pts = []
    for k in range(12):
        s = -length / 2 + length * k / 11
        jx = rng.uniform(-8, 8)
        pts.append([x - s * np.sin(t) + jx, y0 + length / 2 + s * np.cos(t)])
    cv2.polylines(tear, [np.asarray(pts, np.int32)], False, 1.0, 2)
    return out * (1 - tear * 0.35)


def capture(a: np.ndarray, r: RHabits, rng: random.Random, paper: float) -> np.ndarray:
    """How the file was captured: printed from microfilm (lower resolution and contrast, the film's grain,
    scratches down it and dust, the frame's dark edge on one or two sides; ``negative``: printed white on
    black) or scanned in black and white (a dynamic threshold: no grey left, thin strokes broken, faint ones
    gone)."""
    h, w = a.shape
    if r.capture == "microfilm":
        f = rng.uniform(0.4, 0.6)  # the film's resolution over the page
        small = cv2.resize(a, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)
        a = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
        lo, hi = rng.uniform(25, 60), rng.uniform(200, 235)  # a grey paper, ink not black
        a = lo + (a / 255.0) ** rng.uniform(0.8, 1.3) * (hi - lo)
        if r.negative:  # a reader-printer's negative print: the writing white on black, its contrast pushed up
            a = 255.0 - a
            lo_p, hi_p = np.percentile(a[::4, ::4], (2, 99.7))
            a = 15 + np.clip((a - lo_p) / max(1.0, hi_p - lo_p), 0, 1) * rng.uniform(200, 235)
        grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(6, 12), (h // 2, w // 2))
        a = a + cv2.resize(grain.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
        scratches = np.zeros((h, w), np.float32)
        for _ in range(rng.randint(1, 4)):  # scratches down the film: thin, faint, light or dark
            x = rng.uniform(0, w)
            y0, y1 = (0, h) if rng.random() < 0.6 else sorted((rng.randrange(h), rng.randrange(h)))
            cv2.line(scratches, (int(x), y0), (int(x + rng.uniform(-25, 25)), y1), rng.choice((1.0, -1.0)), 1)
        a = (a + cv2.GaussianBlur(scratches, (0, 0), 0.8) * rng.uniform(35, 70)).astype(np.float32)
        for _ in range(rng.randint(10, 35)):  # dust
            cv2.circle(a, (rng.randrange(w), rng.randrange(h)), rng.randint(1, 4), rng.choice((235.0, 30.0)), -1)
        for side in rng.sample(("top", "bottom", "left", "right"), rng.randint(1, 2)):  # the frame's dark edge
            d = int(rng.uniform(0.01, 0.04) * (h if side in ("top", "bottom") else w))
            region = {"top": (slice(0, d), slice(None)), "bottom": (slice(h - d, h), slice(None)),
                      "left": (slice(None), slice(0, d)), "right": (slice(None), slice(w - d, w))}[side]  # fmt: skip
            a[region] = rng.uniform(10, 40)
        return np.clip(a, 0, 255)
    if r.capture == "bitonal":  # the scanner's dynamic threshold: a share of the paper's brightness around each pixel
        small = a
        if rng.random() < 0.6:  # at 200 dpi, brought back to the page's size
            small = cv2.resize(a, (w * 2 // 3, h * 2 // 3), interpolation=cv2.INTER_AREA)
        paper_here = cv2.dilate(small, np.ones((31, 31), np.uint8))  # the brightest nearby: the paper under the ink
        paper_here = cv2.GaussianBlur(paper_here, (0, 0), 15)
        small = np.where(small < paper_here * rng.uniform(0.68, 0.8), 0.0, 255.0).astype(np.float32)
        return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST) if small.shape != a.shape else small
    return a
