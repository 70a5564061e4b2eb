"""Family S of the sample generator (held out from its making in session 16, helper s25-fams, to its one
measurement at the start of session 17; a development family since, dev seeds 11001-11040): the payroll
book of a trade, catering or services enterprise (a shop, a restaurant or hotel, a works of household
services), its months typed or printed on the pages of a bound ledger and the book photographed or scanned
open. Evaluation seed 2042 is kept: never opened, never tuned on.

What S draws, each file its own combination (samples/families.py applies it over the generic switches):
the enterprise's name by the years it was so called (ОТП „Търговия“, РПК, Универсален магазин, ОП
„Обществено хранене“, хотел „...“ of Балкантурист, Битов комбинат; ЕООД, АД, ЕТ from 1991) and its staff's
positions in the feminine where the person is a woman (продавачка, сервитьорка, камериерка, шивачка); a
column that is no payroll-page/1 field: the month's turnover of the person's counter or the value of the
work done ("Оборот", "Изработено", money in the figures' format, totalled under the table), the additional
pay as a share of it ("% от оборота"); column orders and heading words of its own, the headings printed small
in the book where the figures are typed into it; the period in words of its own ("през месец март 1985 година",
"за март 1985 год.", "Заплати за м. март '85", "1985 год. – месец март"); titles of a book ("КНИГА ЗА
РАБОТНИТЕ ЗАПЛАТИ", "Разчетна книга ..."); the totals row as a book's page sums it ("Всичко за страницата",
"Сбор", "Всичко по книгата"); a figure struck through and the right one written above it by hand; the
book kept as the carbon copy on thin paper (soft, pale strokes, the back's typing showing through) on some
files; faces from font packages none of A-R uses (fonts-roboto-slab typed key by key, fonts-play in print,
fonts-pc's IBM VGA, MDA and Amstrad faces, their zeros dotted, as a personal computer's dot-matrix printer
printed them); and the book itself: the page curving down into the spine (its lines squeezed and bent there),
the gutter's shadow, the stitching's thread in it, the edge of the facing page beyond the gutter with a strip
of its own typing (no row of this page), the spine on the left of a right-hand page or the right of a
left-hand one; photographed from above (the page in perspective on a desk) or pressed on a flatbed scanner (a
narrow, dark gutter), or a leaf cut from the book scanned flat; portrait or landscape; any year 1980-1996.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

import cv2
import numpy as np
from PIL import Image

from . import data
from .content import EmployerFile, SheetContent
from .render import Geometry, Style

# Column orders none of A-R draws ("parts" the itemised deductions as in samples/families.py); "turnover" is
# dropped where the file has no such column
S_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "position", "turnover", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
     "net_pay", "signature"),
    ("row", "egn", "name", "position", "days_worked", "base_pay", "turnover", "extra_pay", "gross_pay", "parts",
     "deductions", "net_pay"),
    ("row", "name", "egn", "turnover", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "days_worked",
     "signature"),
    ("row", "position", "name", "egn", "days_worked", "turnover", "base_pay", "extra_pay", "gross_pay", "parts",
     "deductions", "net_pay"),
    ("row", "name", "days_worked", "egn", "turnover", "extra_pay", "base_pay", "gross_pay", "deductions", "net_pay",
     "signature"),
)  # fmt: skip
MAX_COLUMNS = 13

HEADINGS_S: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nкнига", "Ред\nв книгата", "№\nна\nлицето"),
    "egn": ("ЕГН\nна\nработещия", "Граждански\nномер\n(ЕГН)", "ЕГН на\nзаетия"),
    "name": ("Презиме, име\nи фамилия\nна лицето", "Име, бащино\nи фамилно\nна заетия", "Лице\n(трите имена)"),
    "position": ("Длъжност\nв обекта", "Работно\nмясто /\nщанд", "Длъжност /\nщанд"),
    "days_worked": ("Изработено\nвреме\n(дни)", "Дни\nв обекта", "Дни\nпо\nтабела"),
    "base_pay": ("Основна\nзаплата\nпо договор", "Твърда\nзаплата", "Заплата\nпо КТД"),
    "extra_pay": ("% от\nоборота", "Процент\nот\nреализацията", "Премия\nот\nоборота"),
    "gross_pay": ("Всичко\nзаработена\nзаплата", "Начислено\nвсичко\n(лв.)", "Сума\nна\nначисленото"),
    "deductions": ("Удържано\nвсичко", "Всичко\nудържано\n(лв.)", "Удръжки\nпо\nведомостта"),
    "net_pay": ("Сума\nза\nраздаване", "Полага се\nда получи", "Чиста\nзаплата\nза раздаване"),
    "signature": ("Подпис на\nполучилия\nсумата", "Получих:\n(подпис)", "Подпис\nв книгата"),
    "turnover": ("Оборот\n(лв.)", "Реализиран\nоборот", "Оборот\nза месеца"),
    "tax": ("Данък\nзаплати", "ДОД\nот\nзаплатата"),
    "insurance": ("Осиг.\nвноска\nна лицето", "ДОО\nот лицето"),
    "advance": ("Аванс\nот\nкасата", "Получен\nаванс\nв брой"),
    "union_fee": ("Проф.\nвнос", "Членски\nвнос"),
}  # fmt: skip
# the turnover's words where the trade sells services: the value of the work done
WORK_DONE = ("Изработено\n(лв.)", "Стойност\nна\nуслугите", "Приход\nот услуги")

# Faces from font packages none of A-R uses (scripts/setup.sh): fonts-roboto-slab (a slab serif typed key by
# key: a typewriter's), fonts-play (print), fonts-pc (an IBM PC's screen faces, as a Правец's dot-matrix printer
# printed them)
_SLAB = "../opentype/roboto/slab/RobotoSlab-"
S_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": (_SLAB + "Regular.otf", _SLAB + "Light.otf", _SLAB + "Bold.otf"),
    "print": ("play/Play-Regular.ttf", "play/Play-Bold.ttf", _SLAB + "Thin.otf"),
    "dot_matrix": ("../pc/Px_IBM_VGA8.ttf", "../pc/Px_IBM_MDA.ttf", "../pc/Px_AmstradPC1512-2y.ttf"),
}  # fmt: skip
S_SIZES: dict[str, tuple[int, int]] = {"typewriter": (34, 42), "print": (30, 36), "dot_matrix": (32, 38)}
S_FORMATS = ((" ", ","), ("", ","), ("", "."), (" ", "."), (".", ","))  # (thousands, decimal)

# The enterprises by the years they were so named: (before 1991, from 1991)
ENTERPRISES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "shop": (
        ("ОТП „Търговия“ – Враца", "РПК „Напредък“ – Елена", "Универсален магазин „Ларго“ – Пазарджик",
         "ТП „Хранителни стоки“ – Хасково", "ОП „Търговия на дребно“ – Кюстендил", "ЦУМ – София",
         "Кооп „Бъдеще“ – с. Славяново", "ТП „Галантерия-Текстил“ – Плевен"),
        ("„Търговия на дребно“ ЕООД – Враца", "„Ларго“ АД – Пазарджик", "ЕТ „Ваня Стоева – 91“ – Сливен",
         "РПК „Напредък“ – Елена", "„Хранителни стоки“ ЕООД – Хасково", "ЕТ „Мими – Марияна Генова“ – Ловеч"),
    ),
    "catering": (
        ("ОП „Обществено хранене“ – Габрово", "Ресторант „Бряста“ – Севлиево", "Хотел „Рила“ – Балкантурист – Боровец",
         "ДСО „Балкантурист“ – хотел „Морско око“", "ТП „Столове и закусвални“ – Димитровград",
         "Механа „Старият дъб“ – Велико Търново"),
        ("Хотел „Родина“ ЕАД – Смолян", "„Обществено хранене“ ЕООД – Габрово", "ЕТ „Златев – механа Чучура“",
         "„Рила“ АД – Боровец", "ЕТ „Пламен Маринов – ресторант Диана“"),
    ),
    "services": (
        ("Битов комбинат „Труд“ – Ямбол", "ДП „Битови услуги“ – Търговище", "ТПК „Шивашки труд“ – Разлог",
         "Комбинат за битови услуги – Дупница", "ОП „Чистота и услуги“ – Айтос"),
        ("„Битови услуги“ ЕООД – Търговище", "ЕТ „Шик – Радка Петрова“ – Ямбол", "„Шивашки труд“ ООД – Разлог",
         "„Услуга-92“ ООД – Дупница"),
    ),
}  # fmt: skip
# (a man's, a woman's) position
POSITIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "shop": (("продавач", "продавачка"), ("продавач-консултант", "продавач-консултантка"), ("касиер", "касиерка"),
             ("завеждащ магазин", "завеждаща магазин"), ("складов работник", "складова работничка"),
             ("зареждач", "зареждачка"), ("хигиенист", "хигиенистка"), ("шофьор", "шофьор")),
    "catering": (("сервитьор", "сервитьорка"), ("готвач", "готвачка"), ("барман", "барманка"),
                 ("администратор", "администраторка"), ("камериер", "камериерка"), ("салонен управител", "салонна управителка"),
                 ("помощник-готвач", "помощник-готвачка"), ("портиер", "портиерка"), ("миячка", "миячка")),
    "services": (("шивач", "шивачка"), ("фризьор", "фризьорка"), ("обущар", "обущарка"), ("часовникар", "часовникарка"),
                 ("приемчик", "приемчица"), ("химическо чистене", "химическо чистене"), ("бръснар", "маникюристка"),
                 ("тапицер", "тапицерка")),
}  # fmt: skip
# S's periods as the book's keeper wrote them (data.said_period's templates)
S_PERIODS: dict[str, str | tuple[str, ...]] = {
    "words": "през месец {word} {y} година",
    "short": "за {word} {y} год.",
    "apostrophe": "Заплати за м. {word} '{yy}",
    "year_first": "{y} год. – месец {word}",
}
S_TITLES = ("КНИГА ЗА РАБОТНИТЕ ЗАПЛАТИ", "Разчетна книга за заплатите", "Книга за заплатите на персонала",
            "ВЕДОМОСТ ЗА ЗАПЛАТИ НА ПЕРСОНАЛА В ОБЕКТА")  # fmt: skip
S_TOTAL_WORDS = ("Всичко за страницата", "Сбор:", "Всичко по книгата", "ВСИЧКО ЗА МЕСЕЦА")


@dataclass(frozen=True)
class SHabits:
    """One S file's switches, drawn once per file."""

    trade: str  # "shop", "catering", "services"
    face: str  # "typewriter", "print", "dot_matrix"
    thousands: str
    decimal: str
    ruling: str  # "full", "rows", "columns"
    turnover: bool  # a column of the month's turnover (or the value of the work done): no payroll-page/1 field
    period: str  # "words" (през месец март 1985 година), "short" (за март 1985 год.), "apostrophe" ('85), "year_first"
    small_heads: bool  # the headings printed small in the book, the figures typed into it (typewriter files only)
    correction: str  # "above" (struck through, the right figure written above by hand) or "none"
    carbon: bool  # the book keeps the carbon copy on thin paper (the back's typing shows through)
    book: str  # "photo" (photographed open from above), "scan" (pressed on a flatbed), "flat" (a loose leaf)
    spine: str  # "left" (a right-hand page) or "right" (a left-hand page)
    facing: bool  # the facing page's edge beyond the gutter, with a strip of its typing
    stitches: bool  # the binding's thread showing in the gutter
    stamp_rows: bool
    signatures_cross: bool
    totals_hand: bool


def draw(rng: random.Random) -> SHabits:
    thousands, decimal = rng.choice(S_FORMATS)
    book = rng.choice(("photo", "photo", "scan", "scan", "flat"))
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    return SHabits(
        trade=rng.choice(tuple(ENTERPRISES)), face=face,
        thousands=thousands, decimal=decimal, ruling=rng.choice(("full", "full", "rows", "columns")),
        turnover=rng.random() < 0.7, period=rng.choice(("words", "short", "apostrophe", "year_first")),
        small_heads=face == "typewriter" and rng.random() < 0.75, correction="above" if rng.random() < 0.45 else "none",
        carbon=rng.random() < 0.3, book=book, spine=rng.choice(("left", "right")),
        facing=book != "flat" and rng.random() < 0.6, stitches=book != "flat" and rng.random() < 0.6,
        stamp_rows=rng.random() < 0.2, signatures_cross=rng.random() < 0.3, totals_hand=rng.random() < 0.15,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, s: SHabits, rng: random.Random) -> None:
    """An S file over what the generic file has (its layout from S_LAYOUTS, headings from HEADINGS_S): the
    enterprise's name of the file's years, its staff's positions (a woman's in the feminine), the turnover's
    words of its trade, no turnover column where the switch says so, no more columns than the page holds."""
    ef.employer = rng.choice(ENTERPRISES[s.trade][ef.start[0] >= 1991])
    for p in ef.staff:
        pair = rng.choice(POSITIONS[s.trade])
        p.position = pair[int(p.egn[8]) % 2]  # the ЕГН's ninth digit is odd for a woman
    layout = [c for c in ef.layout if c != "turnover" or s.turnover]
    for c in ("union_fee", "advance", "insurance"):  # the page has no room for more
        if len(layout) > MAX_COLUMNS and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)
    if "turnover" in ef.headings and s.trade == "services":
        ef.headings["turnover"] = rng.choice(WORK_DONE)


def adapt_sheet(sheet: SheetContent, s: SHabits, rng: random.Random) -> None:
    """An S sheet over the generic money: each person's turnover (a key payroll-page/1 does not have; the
    commission in the additional pay a share of it, whole leva as a till counts them) and its total, the
    book's title, the period in words of its own, the totals row's words."""
    if "turnover" in sheet.layout:
        for row in sheet.rows:
            gross = row.get("gross_pay")
            assert isinstance(gross, Decimal)
            row["turnover"] = Decimal(int(gross * Decimal(rng.uniform(18, 70)))) if gross > 0 else Decimal(0)
        sheet.totals["turnover"] = sum((_dec(r["turnover"]) for r in sheet.rows), Decimal(0))
    sheet.title = rng.choice(S_TITLES)
    sheet.period_text = data.said_period(rng, sheet.month, sheet.year, S_PERIODS, s.period)
    sheet.total_label = rng.choice(S_TOTAL_WORDS)
    sheet.egn_printed_only = True  # the first layout prints no ЕГН: none in its truth (samples/generate.truth_of)


def _dec(x: object) -> Decimal:
    assert isinstance(x, Decimal)
    return x


def style(s: SHabits, rng: random.Random, base: Style) -> None:
    """An S sheet's style over the generic family style: portrait or landscape as the book is bound, the
    headings printed small on most, the book's printed rules paler than the typing."""
    base.landscape = rng.random() < 0.45
    if s.small_heads:
        base.heading_scale = rng.uniform(0.55, 0.7)
    base.rule_ink = rng.randint(60, 120)


# --- the book: the page bound at its spine, photographed or scanned open (samples/generate.py) ---


@dataclass(frozen=True)
class _Curve:
    """The page's map near the spine: distance from the spine ``d`` -> ``F(d)`` (squeezed within ``zone``),
    the rows drawn towards the page's middle line ``cy`` there (``shrink``) and lifted (``lift`` pixels at the
    spine); the page starts ``off`` pixels from the image's spine-side edge."""

    zone: float
    squeeze: float
    shrink: float
    lift: float
    cy: float
    off: float

    def f(self, d: np.ndarray) -> np.ndarray:
        t = np.clip(1.0 - d / self.zone, 0.0, 1.0)
        return d - self.squeeze * self.zone / 3.0 * (1.0 - t**3)

    def y(self, d: np.ndarray, y: np.ndarray) -> np.ndarray:
        t = np.clip(1.0 - d / self.zone, 0.0, 1.0) ** 2
        return self.cy + (y - self.cy) * (1.0 - self.shrink * t) + self.lift * t

    def points(self, pts: np.ndarray, w: int, flip: bool) -> np.ndarray:
        """Points of the flat page to the bound one (the spine on the left of the flat page, or mirrored)."""
        x, y = pts[:, 0].astype(np.float64), pts[:, 1].astype(np.float64)
        d = w - x if flip else x
        xo = self.off + self.f(d)
        out_w = self.off + w
        return np.stack([out_w - xo if flip else xo, self.y(d, y)], axis=1)


def bind(img: Image.Image, geo: Geometry, s: SHabits, rng: random.Random) -> Image.Image:
    """The page as it lies in the open book: squeezed and bent towards the spine, the gutter's shadow, the
    stitching's thread, the facing page's edge beyond it. The image grows by the gutter and the facing strip
    on the spine's side; the truth's boxes, polygons, marks and cells move with the page."""
    if s.book == "flat":
        return img
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    flip = s.spine == "right"
    if flip:
        a = np.ascontiguousarray(a[:, ::-1])
    photo = s.book == "photo"
    gutter = rng.randint(40, 70) if photo else rng.randint(15, 30)
    strip = rng.randint(120, 260) if s.facing else 0
    c = _Curve(
        zone=rng.uniform(400, 700) if photo else rng.uniform(110, 180), squeeze=rng.uniform(0.35, 0.6),
        shrink=rng.uniform(0.02, 0.05) if photo else 0.0, lift=rng.choice((-1, 1)) * rng.uniform(12, 40) if photo else 0.0,
        cy=h / 2, off=gutter + strip,
    )  # fmt: skip
    W = int(c.off) + w
    # the inverse map: each output pixel's place on the flat page
    d_grid = np.arange(0, w + 1, dtype=np.float64)
    xo = np.arange(W, dtype=np.float64) - c.off
    d_of = np.interp(xo, c.f(d_grid), d_grid, left=-1.0, right=w + 10.0)
    t = np.clip(1.0 - d_of / c.zone, 0.0, 1.0) ** 2
    yy = np.arange(h, dtype=np.float64)[:, None]
    src_y = c.cy + (yy - c.cy - c.lift * t[None, :]) / (1.0 - c.shrink * t[None, :])
    src_x = np.broadcast_to(d_of[None, :], (h, W))
    page = cv2.remap(a, src_x.astype(np.float32), src_y.astype(np.float32), cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_CONSTANT, borderValue=255.0)  # fmt: skip
    # the gutter's shadow: darkest at the spine, fading into the page
    spine_x = c.off
    dist = np.abs(np.arange(W, dtype=np.float32) - spine_x)
    depth = rng.uniform(0.45, 0.7) if photo else rng.uniform(0.55, 0.8)
    reach = rng.uniform(50, 110) if photo else rng.uniform(20, 45)
    shade = 1.0 - depth * np.exp(-dist / reach)
    out = page * shade[None, :]
    if strip:  # the facing page's edge: its own typing, squeezed away into the gutter, a shade darker
        out[:, :strip] = _facing(a, h, strip, rng) * shade[None, :strip]
        out[:, strip : strip + 3] *= rng.uniform(0.55, 0.75)  # the facing page's edge
    if s.stitches:  # the thread through the fold, a stitch every few centimetres
        x = int(spine_x)
        step = rng.randint(260, 380)
        for y0 in range(rng.randint(60, 200), h - 60, step):
            cv2.line(out, (x + rng.randint(-3, 3), y0), (x + rng.randint(-3, 3), y0 + rng.randint(50, 90)),
                     rng.uniform(20, 60), rng.randint(3, 5))  # fmt: skip
    if flip:
        out = np.ascontiguousarray(out[:, ::-1])
    _move(geo, c, w, flip)
    geo.width = W
    return Image.fromarray(np.rint(out).clip(0, 255).astype(np.uint8))


def _facing(a: np.ndarray, h: int, strip: int, rng: random.Random) -> np.ndarray:
    """The facing page's part near the spine: typing of its own (taken from elsewhere on this page, shifted
    up or down so its lines do not run on into this page's rows), squeezed as it turns away into the gutter."""
    w = a.shape[1]
    src_w = min(w // 3, int(strip * rng.uniform(1.6, 2.4)))
    x0 = rng.randint(w // 4, w - src_w - 150)
    piece = a[:, x0 : x0 + src_w]
    dy = rng.choice((-1, 1)) * rng.randint(40, 160)
    piece = np.roll(piece, dy, axis=0)
    squeezed = cv2.resize(piece, (strip, h), interpolation=cv2.INTER_AREA)
    return squeezed * rng.uniform(0.86, 0.94)


def _move(geo: Geometry, c: _Curve, w: int, flip: bool) -> None:
    def box(b: list[int]) -> list[int]:
        x0, y0, x1, y1 = b
        xs = np.linspace(x0, x1, 12)
        pts = np.concatenate([np.stack([xs, np.full(12, y0)], 1), np.stack([xs, np.full(12, y1)], 1)])
        q = c.points(pts, w, flip)
        return [int(round(q[:, 0].min())), int(round(q[:, 1].min())), int(round(q[:, 0].max())),
                int(round(q[:, 1].max()))]  # fmt: skip

    for b in geo.row_bboxes:
        b[:] = box(b)
    if geo.table_bbox:
        geo.table_bbox[:] = box(geo.table_bbox)
    geo.row_polygons = [c.points(np.asarray(p, np.float64), w, flip).tolist() for p in geo.row_polygons]
    for mark in geo.marks:
        mark["polygon"] = c.points(np.asarray(mark["polygon"], np.float64), w, flip).tolist()
    geo.cells = [(r, k, box(b), t) for r, k, b, t in geo.cells]
