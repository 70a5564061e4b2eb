"""Family Q of the sample generator (held out from its making in session 13, helper s22-famq): a public
institution's payroll (a hospital, a school, a municipality) typed on a portrait sheet, often photographed
by a phone instead of scanned. Nobody reads its pages or tunes the reader on it until the lead measures it
once (evaluation seed 2040).

What Q draws, each file its own combination (samples/families.py applies it over the generic switches):
the institution's name by the years it was so called (Окръжна болница, СОУ „...“, ОНС / Община ...) and its
staff's positions (медицинска сестра, учител, главен специалист), the ministry or council above it and the
ward or unit under it on some files (neither is the employer's name); column orders of its own (the ЕГН
right after the name, the net pay before the deductions, the days worked at the row's end); several
itemised deductions (tax, insurance, advance, union fee, a court order's "Запор"); every column heading on
three lines; thousands by an apostrophe or a dot with a decimal comma (1'468,02, 1.468,02); the period with
a Roman month ("за м. XI 1987 г."); a long month typed on two or three sheets, "Пренос от предходната
страница" at the head of a continued sheet and "Пренос" at the foot of one that continues (neither a
person's row; the totals as printed on the sheet's last row); corrections handwritten in the right margin
or figures typed over a slip; the office's stamp pressed over the totals' figures with the chief
accountant's signature across it; faces from font packages none of A-P uses (fonts-croscore: Cousine as
typewriter, Tinos and Arimo in print; fonts-agave and fonts-monofur typewriters; fonts-sil-doulos-compact
in print); a phone's photograph (the page in perspective on a desk, the light of a lamp falling off across
it, the phone's shadow, the vignette of its lens, the sheet's edge curling up, a lower effective resolution
and JPEG's blocks); always portrait; any year 1980-1996.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from . import content, data
from .content import EmployerFile, SheetContent, hire
from .render import Geometry, Painter, Style, circle_polygon, rect_polygon

ROMAN = data.ROMAN

# Column orders none of A-P draws: the ЕГН right after the name, the net pay before the deductions, the
# days worked at the row's end ("parts" stands for the itemised deductions, as in samples/families.py)
Q_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("row", "name", "egn", "gross_pay", "net_pay", "parts", "deductions", "days_worked"),
    ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "net_pay", "parts", "deductions", "days_worked"),
    ("row", "name", "egn", "position", "gross_pay", "net_pay", "parts", "deductions", "days_worked"),
    ("row", "name", "egn", "gross_pay", "parts", "deductions", "net_pay", "signature", "days_worked"),
    ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "net_pay", "parts", "deductions"),
)  # fmt: skip
# what a portrait sheet holds in a typewriter's small type (11 with a margin for corrections)
MAX_COLUMNS = 12

# Every heading on three lines, words none of A-P uses for the column
HEADINGS_Q: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nвед.", "Пор.\nред\n№", "№\nна\nред."),
    "name": ("Име,\nпрезиме,\nфамилия", "Трите\nимена на\nслужителя", "Собствено,\nбащино и\nфамилно име"),
    "egn": ("ЕГН\nна\nслужителя", "Ед.\nгражд.\nномер", "Е Г Н\nна\nлицето"),
    "position": ("Длъжност\nпо\nщата", "Заемана\nщатна\nдлъжност", "Длъжност\n(специал-\nност)"),
    "days_worked": ("Присъ-\nствени\nдни", "Дни\nот-\nработени", "Работ.\nдни\nв месеца"),
    "base_pay": ("Основна\nмесечна\nзаплата", "Щатна\nзаплата\n(лв.)", "Заплата\nпо щатно\nразписание"),
    "extra_pay": ("Доплащ.\nнощен\nтруд", "Добавки\nза\nстаж", "Допъл-\nнително\nвъзнагр."),
    "gross_pay": ("Всичко\nначислено\n(лв.)", "Общо\nначис-\nлено", "Брутно\nза\nмесеца"),
    "net_pay": ("Чиста\nсума за\nполучаване", "Полага\nсе за\nполучаване", "Остава\nза\nизплащане"),
    "deductions": ("Всичко\nудръжки\n(лв.)", "Общо\nудър-\nжано", "Сума\nна\nудръжките"),
    "signature": ("Получил\nсумата\n(подпис)", "Подпис\nза\nполучено", "Разпис-\nка на\nлицето"),
    "tax": ("Данък\nвърху\nдохода", "ДОД\nза\nмесеца"),
    "insurance": ("Осигу-\nровка\nДОО", "Пенсионна\nвноска\n(лв.)"),
    "advance": ("Аванс\nза\nмесеца", "Изпл.\nаванс\n(лв.)"),
    "union_fee": ("Проф-\nсъюзен\nвнос", "Синди-\nкален\nвнос"),
    "court": ("Запор\nпо изп.\nлист", "Удръжка\nпо\nзапор", "Съдебен\nзапор\n(лв.)"),
}

# Faces from font packages none of A-P uses (scripts/setup.sh): fonts-croscore, fonts-agave, fonts-monofur,
# fonts-sil-doulos-compact
Q_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("croscore/Cousine-Regular.ttf", "croscore/Cousine-Bold.ttf", "agave/agave-r-autohinted.ttf",
                   "monofur/monof55.ttf"),
    "print": ("croscore/Tinos-Regular.ttf", "croscore/Arimo-Regular.ttf", "croscore/Tinos-Italic.ttf",
              "../opentype/doulos/DoulosSILCompact-R.ttf"),
    "dot_matrix": ("croscore/Cousine-BoldItalic.ttf", "monofur/monof56.ttf"),
}  # fmt: skip
Q_SIZES: dict[str, tuple[int, int]] = {"typewriter": (33, 39), "print": (28, 33), "dot_matrix": (32, 37)}
Q_FORMATS = (("'", ","), ("'", ","), (".", ","), (".", ","), ("'", "."))  # (thousands, decimal)

# The institutions, by the years they were so named: (before 1991, from 1991)
INSTITUTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hospital": (
        ("Окръжна болница – Габрово", "Районна болница – Севлиево", "Поликлиника № 3 – Пловдив",
         "Дом за деца „Надежда“ – Ловеч", "Санаториум „Момина баня“ – Хисаря", "Медицински център – Белене"),
        ("Районна болница „Д-р Стамен Илиев“ – Монтана", "МБАЛ – Карлово", "ДКЦ № 2 – Русе",
         "Дом за медико-социални грижи – Тетевен", "Поликлиника – Нова Загора"),
    ),
    "school": (
        ("СОУ „Христо Ботев“ – Враца", "ОУ „Св. св. Кирил и Методий“ – с. Бистрица", "Техникум по механотехника – Русе",
         "ЦДГ № 12 „Слънце“ – Шумен", "ЕСПУ „Васил Левски“ – Карнобат"),
        ("ОУ „Христо Смирненски“ – с. Голям извор", "ПГ по икономика – Пазарджик", "СОУ „Иван Вазов“ – Кърджали",
         "ОДЗ № 5 „Звездичка“ – Добрич", "Спортно училище – Плевен"),
    ),
    "municipality": (
        ("ОНС – Троян", "Общински народен съвет – Елена", "Кметство с. Байкал", "Читалище „Развитие – 1869“ – Дряново",
         "ОбНС – Своге", "Общинска библиотека – Севлиево"),
        ("Община Елин Пелин", "Община Котел", "Кметство с. Брестовица", "Общинска администрация – Тутракан",
         "Читалище „Съгласие – 1894“ – Каспичан"),
    ),
}  # fmt: skip
POSITIONS: dict[str, tuple[str, ...]] = {
    "hospital": ("лекар", "медицинска сестра", "санитарка", "акушерка", "фелдшер", "лаборант", "рентгенолаборант",
                 "шофьор на линейка", "перачка", "главна сестра", "аптекар", "готвачка"),
    "school": ("учител", "старши учител", "директор", "зам.-директор", "възпитател", "педагогически съветник",
               "библиотекар", "хигиенистка", "огняр", "касиер-домакин", "портиер", "учителка"),
    "municipality": ("кмет", "секретар", "счетоводител", "главен специалист", "технически сътрудник", "деловодител",
                     "инспектор", "шофьор", "чистач", "архитект", "юрисконсулт", "библиотекарка"),
}  # fmt: skip
# what the institution answered to (printed above its name), and the ward or unit (printed under it)
PARENTS: dict[str, tuple[str, ...]] = {
    "hospital": ("Министерство на народното здраве", "МНЗСГ – Окръжна здравна служба", "Министерство на здравеопазването"),
    "school": ("Министерство на народната просвета", "Окръжен отдел „Народна просвета“", "Регионален инспекторат по образованието"),
    "municipality": ("Окръжен народен съвет", "Областна администрация", "Община – отдел „Финансов“"),
}  # fmt: skip
UNITS: dict[str, tuple[str, ...]] = {
    "hospital": ("Вътрешно отделение", "Хирургично отделение", "Детско отделение", "Административно-стопански персонал"),
    "school": ("Педагогически персонал", "Непедагогически персонал", "Начален курс"),
    "municipality": ("Общинска администрация", "Дейност „Благоустройство“", "Отдел „Култура“"),
}  # fmt: skip
Q_TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ НА ПЕРСОНАЛА", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ ЗА РАБОТНИ ЗАПЛАТИ",
            "ВЕДОМОСТ ЗА ЗАПЛАТИ НА ЩАТНИЯ ПЕРСОНАЛ")  # fmt: skip
Q_CARRY_IN = (
    "Пренос от предходната страница",
    "Пренос от предх. страница",
    "Пренесено от предходната страница",
)
Q_CARRY_OUT = ("Пренос", "Пренос:", "ПРЕНОС")


@dataclass(frozen=True)
class QHabits:
    """One Q file's switches, drawn once per file."""

    institution: str  # "hospital", "school", "municipality"
    face: str  # "typewriter", "print", "dot_matrix"
    thousands: str  # "'" or "."
    decimal: str  # "," (or "." after an apostrophe)
    ruling: str  # "full", "rows", "columns", "none"
    correction: str  # "margin" (handwritten in the right margin), "over" (typed over the slip), "none"
    court: bool  # a court order's column ("Запор") among the itemised deductions
    phone: bool  # photographed by a phone, not scanned
    curl: bool  # the photographed sheet's edge curling up (rows bend near it)
    carried: bool  # long months on two or three sheets ("Пренос от предходната страница" ... "Пренос")
    roman: bool  # the period with a Roman month (за м. XI 1987 г.)
    parent: bool  # the ministry or council printed above the institution
    unit: bool  # the ward or unit printed under it
    stamp_sign: bool  # the stamp over the totals' figures, the chief accountant's signature across it
    stamp_rows: bool  # a stamp across rows of the table
    signatures_cross: bool  # the people's signatures running across the figures
    totals_hand: bool  # the totals written in by hand


def draw(rng: random.Random) -> QHabits:
    thousands, decimal = rng.choice(Q_FORMATS)
    phone = rng.random() < 0.65
    return QHabits(
        institution=rng.choice(tuple(INSTITUTIONS)), face=rng.choice(("typewriter", "typewriter", "print", "dot_matrix")),
        thousands=thousands, decimal=decimal, ruling=rng.choice(("full", "full", "rows", "columns", "none")),
        correction=rng.choice(("margin", "margin", "over", "over", "none")), court=rng.random() < 0.55, phone=phone,
        curl=phone and rng.random() < 0.6, carried=rng.random() < 0.5, roman=rng.random() < 0.6,
        parent=rng.random() < 0.45, unit=rng.random() < 0.4, stamp_sign=rng.random() < 0.55,
        stamp_rows=rng.random() < 0.2, signatures_cross=rng.random() < 0.35, totals_hand=rng.random() < 0.15,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, q: QHabits, rng: random.Random) -> None:
    """A Q file over what the generic file has (its layout from Q_LAYOUTS, headings from HEADINGS_Q): the
    institution's name of the file's years, its staff's positions (more people where months run on to a
    second sheet), a court order's column, no more columns than a portrait sheet holds."""
    year = ef.start[0]
    ef.employer = rng.choice(INSTITUTIONS[q.institution][year >= 1991])
    if q.carried:  # a hospital's or a school's staff: a month fills more than one sheet
        ef.staff += [hire(rng, year) for _ in range(rng.randint(20, 30) - len(ef.staff))]
    for p in ef.staff:
        p.position = rng.choice(POSITIONS[q.institution])
    layout = list(ef.layout)
    if q.court and "deductions" in layout:
        layout.insert(layout.index("deductions"), "court")
        ef.headings["court"] = rng.choice(HEADINGS_Q["court"])
    room = MAX_COLUMNS - (q.correction == "margin")
    for c in ("union_fee", "advance", "insurance"):  # the page has no room for more
        if len(layout) > room and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)


def adapt_sheet(sheet: SheetContent, q: QHabits, rng: random.Random) -> None:
    """A Q sheet over the generic money (its itemised deductions add up to the deductions): its title, the
    period with a Roman month, the ministry above and the unit under the institution, the words of the
    carried rows."""
    if rng.random() < 0.6:
        sheet.title = rng.choice(Q_TITLES)
    if q.roman:
        m, y = ROMAN[sheet.month - 1], sheet.year
        sheet.period_text = rng.choice((f"за м. {m} {y} г.", f"за м. {m}/{y} г.", f"за месец {m} {y} година"))
    if q.parent:
        sheet.parent = rng.choice(PARENTS[q.institution])
    if q.unit:
        sheet.address = rng.choice(UNITS[q.institution])
    sheet.carry_in_label, sheet.carry_out_label = rng.choice(Q_CARRY_IN), rng.choice(Q_CARRY_OUT)


def style(q: QHabits, rng: random.Random, base: Style) -> None:
    """A Q sheet's style over the generic family style: always portrait (typed on an A4 sheet upright)."""
    base.landscape = False
    base.stamp_total = False


def carried_pages(sheet: SheetContent, ef: EmployerFile, rng: random.Random, room: int) -> list[SheetContent]:
    """The month's sheet typed on two or three pages (three where it has 21 rows or more and ``room``
    pages are left): each but the last ends with "Пренос" (the sums so far, its printed totals), each but
    the first begins with "Пренос от предходната страница" (the sums before it); the row numbers run on,
    each page its own sheet number. No carried row is a person's."""
    pages = content.carried_pages(sheet, ef, rng, room, three_from=21, three_share=0.6)
    assert pages[-1].totals == sheet.totals
    return pages


def after_render(
    img: Image.Image, geo: Geometry, sheet: SheetContent, st: Style, q: QHabits, rng: random.Random
) -> None:
    """What is pressed and written over the typed sheet: the office's round stamp over the totals' figures
    and the chief accountant's signature across the stamp and the figures beside it (marks, no row's)."""
    if not q.stamp_sign:
        return
    last = len(sheet.rows) + 1
    money = [box for r, c, box, _ in geo.cells if r == last and sheet.layout[c] in sheet.totals]
    if not money:
        return
    p = Painter(img, st, rng)
    x0, y0, x1, y1 = rng.choice(money)
    r = rng.randint(115, 150)
    cx = (x0 + x1) / 2 + rng.uniform(-0.3, 0.3) * r
    cy = (y0 + y1) / 2 + rng.uniform(-0.35, 0.1) * r
    p.stamp(cx, cy, r, sheet.employer)
    geo.marks.append({"kind": "stamp", "row": None, "polygon": circle_polygon(cx, cy, r + 6)})
    sx0, sx1 = (
        max(20.0, cx - r * rng.uniform(1.0, 1.5)),
        min(img.width - 20.0, cx + r * rng.uniform(0.8, 1.3)),
    )
    sy0, sy1 = cy - r * rng.uniform(0.4, 0.7), cy + r * rng.uniform(0.2, 0.5)
    p.squiggle(sx0, sy0, sx1, sy1)
    geo.marks.append(
        {"kind": "signature", "row": None, "polygon": rect_polygon(sx0 - 14, sy0 - 10, sx1 + 14, sy1 + 10)}
    )


def phone_photo(
    a: np.ndarray, rng: random.Random, paper: float, bend: np.ndarray | None, curl: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The sheet photographed by a phone held over a desk: the sheet's edge curling up (``curl``: rows bend
    near one side), the page in perspective with the desk around it, a lamp's light falling off across it,
    the phone's soft shadow, the lens's vignette, then the phone's lower resolution and its JPEG's blocks
    (brought back to the scan's size). Returns the image, the 3x3 homography of the page's points and the
    bending (vertical shift per column, added to ``bend``; applied before the homography)."""
    h, w = a.shape
    if curl:
        x = np.arange(w, dtype=np.float64)
        reach = rng.uniform(0.15, 0.35) * w
        t = (
            np.clip((x - (w - reach)) / reach, 0, 1)
            if rng.random() < 0.5
            else np.clip((reach - x) / reach, 0, 1)
        )
        shift = rng.choice((-1, 1)) * rng.uniform(10, 28) * t**2 + rng.uniform(2, 7) * np.sin(np.pi * x / w)
        map_x = np.tile(np.arange(w, dtype=np.float32), (h, 1))
        map_y = (np.arange(h, dtype=np.float32)[:, None] - shift[None, :].astype(np.float32)).astype(
            np.float32
        )
        a = cv2.remap(a, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=paper)
        bend = shift if bend is None else bend + shift
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    keystone = rng.uniform(0.015, 0.06) * w  # the phone leaning over the sheet's foot: its head narrower
    jitter = [(rng.uniform(0.02, 0.05) * w, rng.uniform(0.015, 0.04) * h) for _ in range(4)]
    dst = np.array([[jitter[0][0] + keystone, jitter[0][1]], [w - jitter[1][0] - keystone, jitter[1][1]],
                    [w - jitter[2][0], h - jitter[2][1]], [jitter[3][0], h - jitter[3][1]]], dtype=np.float32)  # fmt: skip
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-2.5, 2.5), 1.0)
    dst = (np.hstack([dst, np.ones((4, 1), np.float32)]) @ turn.T).astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst).astype(np.float64)
    out = cv2.warpPerspective(
        a.astype(np.float32), m, (w, h), flags=cv2.INTER_LINEAR, borderValue=rng.uniform(45, 130)
    )
    out = out * _light(h, w, rng)
    factor = rng.uniform(0.42, 0.65)  # the phone's resolution over the page: 125-195 dpi
    small = cv2.resize(out, (round(w * factor), round(h * factor)), interpolation=cv2.INTER_AREA)
    buf = io.BytesIO()
    Image.fromarray(np.clip(small, 0, 255).astype(np.uint8)).save(buf, "JPEG", quality=rng.randint(45, 80))
    small = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L"), dtype=np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), m, bend


def _light(h: int, w: int, rng: random.Random) -> np.ndarray:
    """The light over a phone's photograph (a factor per pixel): a lamp's light falling off across the page,
    the lens's vignette and the phone's soft shadow over part of it."""
    gh, gw = h // 8, w // 8
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    yy, xx = yy / gh - 0.5, xx / gw - 0.5
    ang = rng.uniform(0, 2 * np.pi)
    along = (np.cos(ang) * xx + np.sin(ang) * yy) / 0.71  # -1..1 across the page towards the lamp
    field = 1.0 - rng.uniform(0.1, 0.28) * (1 - along) / 2
    field *= 1.0 - rng.uniform(0.1, 0.3) * (xx**2 + yy**2) / 0.5
    sx, sy = rng.choice((-0.5, 0.5)) * rng.uniform(0.6, 1.1), rng.uniform(-0.4, 0.5)
    rx, ry = rng.uniform(0.2, 0.35), rng.uniform(0.15, 0.3)
    shadow = np.exp(-(((xx - sx) / rx) ** 2 + ((yy - sy) / ry) ** 2))
    field *= 1.0 - rng.uniform(0.15, 0.35) * shadow
    return cv2.resize(cv2.GaussianBlur(field, (0, 0), 3), (w, h), interpolation=cv2.INTER_LINEAR)
