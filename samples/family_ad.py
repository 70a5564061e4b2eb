"""Family AD of the sample generator (held out from its making in session 27, 2026-12-06, helper s36-famad, before
anything was tuned on AC, to its one measurement by the lead at the start of session 28; a development family since;
evaluation seed 2053, development seeds 22001-22040): the monthly payroll of an enterprise of the Rhodopes or the north-east
(a lead-zinc mine's section, a tobacco works or a tobacco co-operative, a forestry enterprise, a textile, knitwear or
shoe factory in the Kardzhali, Smolyan, Razgrad, Shumen or Targovishte district; 1980-1996) whose people are Bulgarian
Turks, Pomaks, Roma, Armenians, Karakachans and Bulgarians, typed on an East German office typewriter and kept by the
archive on acidic paper gone yellow and brittle, scanned in colour.

What AD draws, each file its own combination (samples/families.py applies it over the generic switches):
the names. Names a Bulgarian name dictionary does not hold (Мехмед Хасанов Юсеинов, Айше Мустафова Халилова, Акоп
Кеворков Агопян, Ставри Танасов Бугов); and the state's renaming: the Turks' and the Muslim Roma's names replaced by
Bulgarian ones from December 1984 to March 1985 (the new name mostly of the old one's initial: Мехмед -> Методи,
Хасанов -> Христов), the Pomaks' already before 1980; from March 1990 the old names restored, person by person, into
1991. The ЕГН never changes with a name. What a sheet of such a month shows:
- on the first sheets after a person's renaming (some files) the old name typed from the month before, struck through
  by pen and the new one written by hand above it;
- on the first sheets after a restoration either the same (the imposed name typed and struck through, the restored one
  written above by hand) or the restored name typed and a typed note under it in the name's column
  ("/бивше Методи Юлиянов/", "(до 1990 г. Методи Христов Юлиянов)").
The truth's ``name`` is the name that stands on the sheet: the name written above a struck one (struck text is not the
name, as family Y's struck rows are not rows), the typed name above a note (the note is not the name). A struck name
is boxed by a mark ``{"kind": "struck", "row": i, "fields": ["name"]}``, the name written over it by ``{"kind":
"correction", "row": i}``, a typed note by ``{"kind": "note", "row": i}``.
The sheet: typed (an Optima, Erika or Robotron office machine with a Cyrillic type face of a font package none of A-AC
uses: fonts-vlgothic's VL Gothic as the machine's sans "Grotesk" type, fonts-ipafont-mincho's IPA Mincho cut down to
the machine's pitch as its serif "Pica" type) at 10 or 12 characters to the inch (15 where a table needs it), in a black or violet ribbon, each
typebar its own way (a bent one's letters always off the line, a clogged one's counters filled, the heavy letters
struck harder), on an A3 sheet or an A4 sheet (landscape; a longer month on A3); columns of AD's own order, some of
them in two tiers (the name over the post or over the ЕГН, the base over the additional pay, the ДОД over the union's
fee or the advance: each person on two typed lines), the earnings and the deductions under the group headings
"Трудово възнаграждение" and "Удръжки", column numbers under the headings on some files; the rules typed ("!" or ":"
down the columns, "-" and "=" across, as a Bulgarian keyboard has no "|") or ruled by pen; the seniority allowance
("За прослужено време") and the bonus or the underground work (their sum the additional pay, printed or not), the
itemised deductions (ДОД, the union's fee, the advance: their sum ``deductions``); the people's signatures in the
"Подпис" column; the works' parent body over its name and the section under it (neither is the employer's name).
The capture: the original on acidic paper: yellowed to brown (darker to its edges), foxing, brittle: small chips along
its edges, on some pages a corner or a piece of an edge broken off through the rows there (what was typed on it is lost:
the truth keeps the values and a mark ``{"kind": "torn", "row": i, "fields": [...]}`` for every row whose typed cells
it takes part of, the totals row's with ``"row": null``); a crack from an edge mended with tape gone yellow; scanned in
colour on an A3 flatbed (the lid white, grey or black round the sheet) at 300 dpi, an A4 sheet at 300 or 400 dpi, the
sheet a little turned, saved PNG. Every page's boxes and marks follow the scan (an affine map).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial

import cv2
import numpy as np
from PIL import Image, ImageDraw

from archive_core import egn as egn_mod
from archive_core.records import MONEY_FIELDS

from . import data
from .content import EmployerFile, Person, SheetContent, amount_or_nought, cents
from .family_t import T_HANDS, Hand
from .handwork import signature, smooth_field
from .render import FONT_DIR, Geometry, Painter, Style, face_at, rect_polygon

ITEMS = ("ad_years", "ad_bonus")  # the pay items (their sum is the additional pay)
PARTS = ("tax", "union_fee", "advance")  # the itemised deductions (their sum is ``deductions``)
EARN = ("base_pay", "ad_years", "ad_bonus", "extra_pay", "gross_pay")  # under "Трудово възнаграждение"
CUT = ("tax", "union_fee", "advance", "deductions")  # under "Удръжки"

# each column (its upper field, its lower field or ""): a person's row is two typed lines
AD_COLUMNS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("row", ""), ("name", "position"), ("egn", ""), ("days_worked", ""), ("base_pay", ""), ("ad_years", ""),
     ("ad_bonus", ""), ("gross_pay", ""), ("tax", ""), ("advance", ""), ("deductions", ""), ("net_pay", ""),
     ("signature", "")),
    (("row", ""), ("name", "egn"), ("position", ""), ("days_worked", ""), ("base_pay", "extra_pay"), ("gross_pay", ""),
     ("tax", "union_fee"), ("advance", ""), ("deductions", ""), ("net_pay", ""), ("signature", "")),
    (("row", ""), ("egn", ""), ("name", ""), ("days_worked", ""), ("base_pay", ""), ("ad_years", "ad_bonus"),
     ("extra_pay", ""), ("gross_pay", ""), ("tax", ""), ("union_fee", "advance"), ("deductions", ""), ("net_pay", ""),
     ("signature", "")),
    (("row", ""), ("name", "egn"), ("days_worked", ""), ("base_pay", ""), ("extra_pay", ""), ("gross_pay", ""),
     ("tax", "advance"), ("deductions", ""), ("net_pay", ""), ("signature", "")),
    (("row", ""), ("egn", ""), ("name", "position"), ("days_worked", ""), ("base_pay", ""), ("ad_bonus", ""),
     ("ad_years", ""), ("gross_pay", ""), ("advance", ""), ("tax", ""), ("union_fee", ""), ("deductions", ""),
     ("net_pay", ""), ("signature", "")),
)  # fmt: skip
AD_LAYOUTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f for pair in cols for f in pair if f) for cols in AD_COLUMNS
)

HEADINGS_AD: dict[str, tuple[str, ...]] = {
    "row": ("N\nпо\nред", "Пор.\nN", "N"),
    "egn": ("Единен граждански\nномер", "ЕГН\nна работника", "ЕГН"),
    "name": ("Име, презиме\nи фамилия\nна работника", "Собствено, бащино\nи фамилно име", "Трите имена\nна работника"),
    "position": ("Длъжност\n(професия)", "Професия", "Длъжност\nпо щат"),
    "days_worked": ("Прослу-\nжени\nдни", "Отра-\nботени\nдни", "Дни\nна\nработа"),
    "base_pay": ("основно\nпо тарифа", "по\nтарифна\nставка", "основна\nзаплата"),
    "ad_years": ("за прослу-\nжено\nвреме", "Прослу-\nжено\nвреме", "клас за\nпрослуж.\nвреме"),
    "ad_bonus": ("доплащане\nи премии", "премия\nот ФРЗ", "подзе-\nмен\nтруд"),
    "extra_pay": ("доплащания\nвсичко", "допълни-\nтелно", "други\nвъзнагр."),
    "gross_pay": ("всичко\nначислено", "общо\nвъзнаграж-\nдение", "сума\nначислена"),
    "tax": ("ДОД", "данък\nДОД", "данък\nобщ\nдоход"),
    "union_fee": ("проф-\nсъюз", "член-\nски\nвнос", "профс.\nвнос"),
    "advance": ("аванс", "изпла-\nтен\nаванс", "аванс\nза м."),
    "deductions": ("всичко\nудръжки", "общо\nудър-\nжано", "сума\nудръжки"),
    "net_pay": ("Сума за\nполучаване\nв лева", "Остава\nда се\nполучи", "Чиста сума\nза получа-\nване"),
    "signature": ("Подпис\nна лицето", "Получих\n(подпис)", "Разписка\nза\nполучено"),
}  # fmt: skip
GROUPS = {
    "earn": ("Трудово възнаграждение", "ТРУДОВО ВЪЗНАГРАЖДЕНИЕ", "Възнаграждение"),
    "cut": ("Удръжки", "У Д Р Ъ Ж К И", "Удръжки от заплатата"),
}

# faces of font packages none of A-AC uses (scripts/setup.sh: fonts-vlgothic, fonts-ipafont-mincho): the machine's
# sans "Grotesk" type and its serif "Pica" type (IPA Mincho's Cyrillic, full width, cut down to the machine's pitch)
AD_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("vlgothic/VL-Gothic-Regular.ttf", "../opentype/ipafont-mincho/ipam.ttf"),
}
AD_SIZES: dict[str, tuple[int, int]] = {"typewriter": (50, 50)}
AD_MONEY = (("", ","), ("", ","), ("", "."), (" ", ","), (" ", "."))  # (thousands from 1991, decimal)

# --- the people and their names ---

TURK_MALE = ("Мехмед", "Ахмед", "Сюлейман", "Хасан", "Хюсеин", "Мустафа", "Ибрахим", "Исмаил", "Осман", "Салих",
             "Рамадан", "Шукри", "Бейхан", "Неджми", "Февзи", "Сабри", "Юсеин", "Решат", "Кемал", "Енвер", "Джемал",
             "Нури", "Ердинч", "Мюмюн", "Садък", "Фикри", "Назиф", "Хайри", "Юмер", "Ремзи")  # fmt: skip
TURK_FEMALE = ("Айше", "Фатме", "Зюлкяр", "Хатидже", "Емине", "Зейнеб", "Сабрие", "Гюлтен", "Неджмие", "Назмие",
               "Мюзейен", "Севдие", "Шефка", "Гюлфие", "Ниязие", "Мелек", "Айтен", "Сениха", "Фериде", "Юмюгюл",
               "Хава", "Сейде", "Нурие", "Кезбан")  # fmt: skip
TURK_FATHERS = ("Хасан", "Мустафа", "Халил", "Юсеин", "Ахмед", "Мехмед", "Салих", "Исмаил", "Осман", "Рамадан",
                "Хюсеин", "Сюлейман", "Ибрахим", "Шакир", "Реджеб", "Емин", "Бекир", "Шериф", "Кязим", "Мурад",
                "Ферад", "Юмер", "Сали", "Адем", "Муса", "Ибрям", "Якуб", "Карахасан", "Молламехмед", "Хаджиахмед")  # fmt: skip
POMAK_MALE = ("Мехмед", "Салих", "Рамадан", "Ахмед", "Юсеин", "Ибрахим", "Сабри", "Рахим", "Реджеб", "Исмаил",
              "Халил", "Мустафа")  # fmt: skip
POMAK_FEMALE = ("Фатме", "Айше", "Емине", "Хатидже", "Зейнеб", "Сабрие", "Рахме", "Селиме", "Назифе")
POMAK_FATHERS = ("Салих", "Рамадан", "Юсеин", "Халил", "Реджеб", "Мустафа", "Али", "Кямил", "Карамфил", "Кехай",
                 "Мурад", "Кадир", "Хаджи")  # fmt: skip
ROMA_MALE = ("Ибиш", "Юмер", "Кадир", "Джевдет", "Ибрям", "Реджеп", "Асан", "Сейфи", "Мустафа", "Сали")
ROMA_FEMALE = ("Зекие", "Сийка", "Айше", "Фатме", "Ширин", "Зюмбюл", "Мюмюне")
ROMA_FATHERS = ("Ибиш", "Юмер", "Кадир", "Асан", "Сали", "Реджеп", "Ибрям", "Мемиш", "Сейфи", "Шабан")
ARMENIAN_MALE = ("Акоп", "Ованес", "Гарабед", "Арутюн", "Кеворк", "Бедрос", "Мигран", "Саркис", "Онник", "Торос")
ARMENIAN_FEMALE = ("Сирануш", "Ануш", "Мари", "Хермине", "Зарухи", "Такухи", "Сатеник", "Аршалуйс")
ARMENIAN_SURNAMES = ("Агопян", "Бедросян", "Торосян", "Кеворкян", "Манукян", "Гарабедян", "Арутюнян", "Папазян",
                     "Хачадурян", "Кирякосян", "Мурадян", "Овакимян")  # fmt: skip
KARAKACHAN_MALE = ("Ставри", "Спиро", "Тома", "Апостол", "Андон", "Стерьо", "Вангел", "Таки", "Коста", "Яни")
KARAKACHAN_FEMALE = ("Фроса", "Кица", "Ставрула", "Зоя", "Василка", "Ирина", "Пандора")
KARAKACHAN_FATHERS = ("Танас", "Коч", "Андон", "Спиро", "Ставри", "Тома", "Пас", "Зико", "Михал")
KARAKACHAN_SURNAMES = ("Бугов", "Дзимов", "Пасков", "Калоянов", "Кочов", "Ставров", "Караджов", "Маргаритов",
                       "Нинов", "Хаджиев")  # fmt: skip
# who a works' people are, by region (weights): turk, pomak, roma, armenian, karakachan, bulgarian
PEOPLE = {
    "rhodope": (0.45, 0.22, 0.04, 0.02, 0.02, 0.25),
    "smolyan": (0.10, 0.55, 0.03, 0.0, 0.04, 0.28),
    "north-east": (0.45, 0.0, 0.16, 0.04, 0.03, 0.32),
}
KINDS = ("turk", "pomak", "roma", "armenian", "karakachan", "bulgarian")

# the works: (name, region, trade), as typed in the socialist years and from 1991
WORKS = (
    ("ДФ „Горубсо“ - рудник „Петровица“ - гр. Мадан", "smolyan", "mine"),
    ("Рудник „Ерма река“ - гр. Златоград", "smolyan", "mine"),
    ("Оловно-цинков рудник „Звездел“ - Момчилград", "rhodope", "mine"),
    ("Рудник „Гърнати“ - Кърджали", "rhodope", "mine"),
    ("ДТП „Български тютюн“ - Кърджали", "rhodope", "tobacco"),
    ("Тютюнев комбинат - Шумен", "north-east", "tobacco"),
    ("ДТП - клон Крумовград", "rhodope", "tobacco"),
    ("ТКЗС „Родопи“ - с. Бенковски, Кърджалийско", "rhodope", "tobacco"),
    ("АПК „Лудогорие“ - Исперих", "north-east", "tobacco"),
    ("Горско стопанство - гр. Ардино", "rhodope", "forest"),
    ("Горско стопанство „Перелик“ - Смолян", "smolyan", "forest"),
    ("ДП „Дървообработване“ - Омуртаг", "north-east", "forest"),
    ("Трикотажна фабрика „Родопчанка“ - Кърджали", "rhodope", "textile"),
    ("Шивашки завод „Ахрида“ - Момчилград", "rhodope", "textile"),
    ("Обувна фабрика „Лудогорие“ - Разград", "north-east", "shoe"),
    ("Шивашко предприятие - гр. Попово", "north-east", "textile"),
    ("Обувен завод „Момина крепост“ - Търговище", "north-east", "shoe"),
    ("Текстилен завод „Мадара“ - Шумен", "north-east", "textile"),
)  # fmt: skip
WORKS_1990S = {
    "mine": ("„Горубсо - Мадан“ ЕАД", "„Рудметал - Кърджали“ ЕАД", "„Горубсо - Златоград“ АД"),
    "tobacco": ("„Булгартабак - Кърджали“ ЕАД", "„Тютюн - Шумен“ АД", "ЗК „Тютюнопроизводител“ - Джебел"),
    "forest": ("„Родопа-Гора“ ЕООД - Ардино", "ЕТ „Дърводелец - Ахмед Юсеинов“ - Смолян"),
    "textile": ("„Родопчанка“ АД - Кърджали", "„Ахрида“ ООД - Момчилград", "„Мадара-Текс“ ЕООД - Шумен"),
    "shoe": ("„Лудогорие-Обувки“ АД - Разград", "„Крепост“ ЕООД - Търговище"),
}
PARENTS = {
    "mine": ("ДСО „Рудметал“", "СО „Цветни метали“ - Пловдив", "Министерство на металургията"),
    "tobacco": ("ДСО „Български тютюн“", "НАПС „Тютюн“"),
    "forest": ("Окръжно управление на горите", "СО „Бор“ - Пловдив", "Министерство на горите"),
    "textile": ("ДСО „Текстил“", "СО „Лека промишленост“"),
    "shoe": ("ДСО „Кожи и обувки“", "СО „Лека промишленост“"),
}
SECTIONS = {
    "mine": ("Участък N {n} - добив", "Участък „Подготовка“", "Рудник - смяна {n}", "Цех „Обогатителна фабрика“"),
    "tobacco": ("Склад N {n} - манипулация", "Бригада N {n}", "Цех „Ферментация“"),
    "forest": ("Лесничейство „Беден“", "Сечище N {n}", "Бригада дърводобив N {n}"),
    "textile": ("Цех „Кроялен“", "Цех N {n} - шивашки", "Плетачен цех"),
    "shoe": ("Цех „Заготовка“", "Цех N {n} - монтаж", "Кроялен цех"),
}
POSTS = {
    "mine": ("миньор", "забойчик", "крепач", "откаточник", "взривник", "машинист", "ел. монтьор", "помпиер",
             "бригадир", "стволов", "лебедчик"),
    "tobacco": ("тютюноработник", "сортировачка", "манипулант", "бригадир", "общ работник", "кантарджия",
                "балировач", "огняр"),
    "forest": ("горски работник", "секач", "извозвач", "горски стражар", "резач", "шофьор", "тракторист"),
    "textile": ("шивачка", "кроячка", "плетачка", "контрольор", "гладачка", "механик", "опаковчик"),
    "shoe": ("обущар", "кроячка", "монтажник", "заготовчик", "лепачка", "контрольор", "общ работник"),
}  # fmt: skip
TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИ", "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ N {n}", "В Е Д О М О С Т",
          "ВЕДОМОСТ за изплатените трудови възнаграждения", "ПЛАТЕЖНА ВЕДОМОСТ")  # fmt: skip
PERIODS = ("за месец {word} {y} г.", "за м. {roman}.{y} г.", "за {Word} {y} година", "за месец {WORD} {y} г.")
TOTALS = ("Всичко:", "ВСИЧКО:", "Всичко за цеха:", "Общо:")
SIGNERS = (("Изготвил:", "Гл. счетоводител:", "Директор:"), ("Съставил:", "Гл. счетоводител:", "Ръководител:"),
           ("Ведомостта съставил:", "Счетоводител:", "Нач. участък:"))  # fmt: skip
NOTES = ("/бивше {first} {surname}/", "(до {y} г. {name})", "/б. {first} {initial}. {surname}/", "(предишно: {name})")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class ADPerson:
    """One person of an AD file: the name they were born with, the name the state gave them (if any) and when, the
    month their own was given back (if it was)."""

    kind: str  # KINDS
    own: str
    imposed: str = ""
    renamed: tuple[int, int] = (0, 0)  # the month of the renaming ((0, 0) none)
    restored: tuple[int, int] = (9999, 1)  # the month the own name came back (never: (9999, 1))


@dataclass
class ADHabits:
    """One AD file's switches, drawn once per file; ``people`` its persons' names by ЕГН (filled by adapt_file)."""

    columns: tuple[tuple[str, str], ...]
    face: str
    ribbon: str  # "black" or "violet"
    ink: float  # the ribbon's strength, 0.6 to 1.0
    bent: float  # how far a bent typebar's letters sit off the line, pixels
    clogged: int  # how many letters' counters the dirt fills
    paper: str  # "A3L" (A3 landscape, a wide carriage's) or "A4L" (A4 landscape; a longer month on A3)
    pitch: int  # 10 or 12 characters to the inch (wider sheets 12)
    row_pitch: float  # lines from a person's first line to the next one's: 2.5 or 3
    rules: str  # "typed" or "pen"
    vchar: str  # the typed columns' character: "!" or ":"
    numbers: bool  # the columns numbered under the headings
    thousands: str  # from 1991 (the amounts reach the thousands)
    decimal: str
    zero: str  # an item or a deduction of nought: "-", "" or "0,00"
    pen: str  # the pen's colour: "blue", "violet" or "black"
    early: float  # the share of the renaming's first months typed with the old names (struck, the new one written)
    restore: str  # how a restored name shows its first months: "hand" (struck, written) or "note" (typed note)
    torn: float  # the share of pages with a corner or a piece of an edge broken off
    tape: float  # the share of pages with a crack mended with tape
    browning: float  # how brown the paper went, 0.3 to 1
    foxing: int  # foxing spots per page
    lid: str  # the scanner's lid round the sheet: "white", "grey" or "black"
    dpi: int  # an A4 sheet's scan dpi (an A3 sheet's is 300)
    region: str = "rhodope"
    trade: str = "mine"
    people: dict[str, ADPerson] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # the group headings' words ("earn", "cut")

    @property
    def ruling(self) -> str:
        return "none"  # no generic rules: the typist's or the pen's (render)

    @property
    def layout(self) -> tuple[str, ...]:
        return tuple(f for pair in self.columns for f in pair if f)


def draw(rng: random.Random) -> ADHabits:
    thousands, decimal = rng.choice(AD_MONEY)
    paper = rng.choice(("A3L", "A3L", "A3L", "A4L"))
    return ADHabits(
        columns=rng.choice(AD_COLUMNS), face=rng.choice(AD_FACES["typewriter"]), ribbon=rng.choice(("black", "violet")),
        ink=rng.uniform(0.6, 1.0), bent=rng.uniform(0.5, 4.0), clogged=rng.randint(0, 5), paper=paper,
        pitch=rng.choice((10, 12)), row_pitch=rng.choice((2.5, 3.0)), rules=rng.choice(("typed", "typed", "pen")),
        vchar=rng.choice(("!", ":")), numbers=rng.random() < 0.4, thousands=thousands, decimal=decimal,
        zero=rng.choice(("-", "", "0")), pen=rng.choice(("blue", "blue", "violet", "black")),
        early=rng.choice((0.0, 0.7, 1.0)), restore=rng.choice(("hand", "note")), torn=rng.choice((0.0, 0.4, 0.7)),
        tape=rng.choice((0.0, 0.25, 0.5)), browning=rng.uniform(0.3, 1.0), foxing=rng.choice((0, 20, 60, 150)),
        lid=rng.choice(("white", "grey", "black")), dpi=rng.choice((300, 400)),
    )  # fmt: skip


def _initial_like(name: str, pool: tuple[str, ...], rng: random.Random) -> str:
    """A Bulgarian name for ``name``: of its initial where the pool has one (as the renaming's lists mostly did)."""
    same = [n for n in pool if n[0] == name[0]]
    return rng.choice(same) if same and rng.random() < 0.8 else rng.choice(pool)


def _patronymic(father: str, female: bool) -> str:
    from .content import patronymic_of

    p = patronymic_of(father)
    return p + "а" if female else p


def _family_name(stem: str, female: bool) -> str:
    if stem.endswith(("ов", "ев")):
        return stem + "а" if female else stem
    return _patronymic(stem, female)


def _person(kind: str, female: bool, rng: random.Random) -> tuple[str, tuple[str, str, str]]:
    """A person's name and its parts (first, father's, family stem) for ``kind``."""
    if kind == "turk":
        first = rng.choice(TURK_FEMALE if female else TURK_MALE)
        father, stem = rng.choice(TURK_FATHERS), rng.choice(TURK_FATHERS)
    elif kind == "pomak":
        first = rng.choice(POMAK_FEMALE if female else POMAK_MALE)
        father, stem = rng.choice(POMAK_FATHERS), rng.choice(POMAK_FATHERS)
    elif kind == "roma":
        first = rng.choice(ROMA_FEMALE if female else ROMA_MALE)
        father, stem = rng.choice(ROMA_FATHERS), rng.choice(ROMA_FATHERS)
    elif kind == "armenian":
        first = rng.choice(ARMENIAN_FEMALE if female else ARMENIAN_MALE)
        father = rng.choice(ARMENIAN_MALE)
        return f"{first} {_patronymic(father, female)} {rng.choice(ARMENIAN_SURNAMES)}", (first, father, "")
    elif kind == "karakachan":
        first = rng.choice(KARAKACHAN_FEMALE if female else KARAKACHAN_MALE)
        father, stem = rng.choice(KARAKACHAN_FATHERS), rng.choice(KARAKACHAN_SURNAMES)
    else:
        first = rng.choice(data.FEMALE_FIRST if female else data.MALE_FIRST)
        father, stem = rng.choice(data.FATHERS), rng.choice(data.SURNAMES)
    return f"{first} {_patronymic(father, female)} {_family_name(stem, female)}", (first, father, stem)


def _imposed(parts: tuple[str, str, str], female: bool, rng: random.Random) -> str:
    """The Bulgarian name the renaming gave: the first name, the father's (so the patronymic) and the family's."""
    first, father, stem = parts
    new_first = _initial_like(first, data.FEMALE_FIRST if female else data.MALE_FIRST, rng)
    new_father = _initial_like(father, data.FATHERS, rng)
    surnames = data.SURNAMES + ("Методиев", "Юлиянов", "Ралев", "Шишманов", "Ерменков", "Сиромахов", "Хубенов",
                                "Асенов", "Огнянов", "Радославов", "Славчев", "Садовски", "Ненков", "Фотев")  # fmt: skip
    new_stem = _initial_like(stem, surnames, rng)
    return f"{new_first} {_patronymic(new_father, female)} {_family_name(new_stem, female)}"


def _month_add(ym: tuple[int, int], k: int) -> tuple[int, int]:
    n = ym[0] * 12 + ym[1] - 1 + k
    return n // 12, n % 12 + 1


def adapt_file(ef: EmployerFile, ad: ADHabits, rng: random.Random) -> None:
    """An AD file: a works of the Rhodopes or the north-east, its start often in the renaming's or the restoration's
    months, 6-22 people (as many as its sheet holds) of its region's peoples with their names' history, their posts
    and seniority classes, the layout and headings."""
    name, region, trade = rng.choice(WORKS)
    ad.region, ad.trade = region, trade
    u = rng.random()  # the file's months: around the renaming, around the restoration, or any
    if u < 0.35:
        start = rng.choice(((1984, 10), (1984, 11), (1984, 12), (1985, 1), (1985, 2)))
    elif u < 0.65:
        start = (rng.choice((1989, 1990, 1990, 1991)), rng.randint(1, 12))
    else:
        start = (rng.randint(1980, 1996), rng.randint(1, 12))
    ef.start = start
    year = start[0]
    employer = rng.choice(WORKS_1990S[trade]) if year >= 1992 and rng.random() < 0.6 else name
    ef.employer = employer.replace("„", '"').replace("“", '"')  # the machine has no „ “: typed " (the truth as typed)
    wave = (1984, 12) if region != "north-east" else rng.choice(((1985, 1), (1985, 2)))
    back = (1990, rng.randint(3, 9))  # the restoration's first month at the works
    lines = {"A3L": 70, "A4L": 49}[ad.paper] - (36 if ad.paper == "A3L" else 38)  # the head, headings, foot, notes
    want = max(4, int(lines / ad.row_pitch) - rng.randint(0, 1))  # more than an A4 holds: typed on an A3 (render)
    lo, hi = data.PAY_RANGE[year]
    weights = PEOPLE[region]
    ef.staff, ad.people = [], {}
    while len(ef.staff) < want:
        kind = rng.choices(KINDS, weights=weights)[0]
        female = rng.random() < (0.75 if trade in ("textile", "shoe", "tobacco") else 0.15)
        born = date(rng.randint(1920, min(1978, year - 17)), rng.randint(1, 12), rng.randint(1, 28))
        egn = egn_mod.make(born, rng.randint(0, 499), female)
        if egn in ad.people:
            continue
        own, parts = _person(kind, female, rng)
        person = ADPerson(kind, own)
        if kind in ("turk", "pomak") or (kind == "roma" and rng.random() < 0.6):
            person.imposed = _imposed(parts, female, rng)
            person.renamed = (rng.randint(1971, 1974), rng.randint(1, 12)) if kind == "pomak" else wave
            if rng.random() < (0.45 if kind == "pomak" else 0.9):
                person.restored = _month_add(back, rng.choice((0, 0, 0, 1, 2, 4, 7, 12)))
        ad.people[egn] = person
        salary = Decimal(rng.randint(lo * 100, hi * 100)) / 100
        ef.staff.append(Person(egn, own, rng.choice(POSTS[trade]), salary))
    ef.layout = ad.layout
    ef.headings = {c: rng.choice(HEADINGS_AD[c]) for c in ef.layout}
    for p in ef.staff:  # the seniority class, per cent of the base, kept month to month
        ef.class_pct[p.egn] = rng.choice((0, 2, 4, 6, 8, 10, 12, 15))
    ad.groups = {g: rng.choice(GROUPS[g]) for g in ("earn", "cut")}


def name_on(person: ADPerson, ym: tuple[int, int], ad: ADHabits, rng: random.Random) -> tuple[str, str, str]:
    """A person's name on the sheet of month ``ym``: (the name that stands, what is typed, how: "" typed as it stands,
    "struck" (the typed name struck, the standing one written above by hand) or "note" (a typed note under it, the
    former name))."""
    if not person.imposed or ym < person.renamed:
        return person.own, person.own, ""
    if ym < person.restored:
        if ym < _month_add(person.renamed, 3) and person.kind != "pomak" and rng.random() < ad.early:
            return person.imposed, person.own, "struck"  # typed from the month before's list
        return person.imposed, person.imposed, ""
    if ym < _month_add(person.restored, 2):
        if ad.restore == "hand":
            return person.own, person.imposed, "struck"
        return person.own, person.own, "note"
    return person.own, person.own, ""



def adapt_sheet(sheet: SheetContent, ad: ADHabits, rng: random.Random, ef: EmployerFile | None) -> None:
    """An AD month: each row's name as it stands that month (``name_on``: the typed, struck or noted name kept in
    ``sheet.extra["ad_names"]``), its items (the seniority class's per cent of the base, a bonus or the underground
    work; their sum the additional pay, gross = base + it), its itemised deductions (their sum ``deductions``), net =
    gross - deductions; the totals of every money column; the title, period and words."""
    ym = (sheet.year, sheet.month)
    names: list[tuple[str, str, str]] = []
    cols = set(sheet.layout)
    for r in sheet.rows:
        person = ad.people.get(str(r["egn"]))
        stands, typed, how = name_on(person, ym, ad, rng) if person else (str(r["name"]), str(r["name"]), "")
        if how == "note" and person is not None:
            first, *_, surname = person.imposed.split()
            initial = person.imposed.split()[1][0]
            note = rng.choice(NOTES).format(first=first, surname=surname, initial=initial, name=person.imposed,
                                            y=person.restored[0])  # fmt: skip
            names.append((stands, typed, note))
        else:
            names.append((stands, typed, how))
        r["name"] = stands
        base = amount_or_nought(r["base_pay"])
        pct = Decimal(ef.class_pct.get(str(r["egn"]), 4) if ef is not None else 4)
        bonus_pct = rng.choice((0, 0, 5, 8, 10, 12)) if ad.trade != "mine" else rng.choice((15, 20, 25, 30))
        items = {"ad_years": cents(base * pct / 100), "ad_bonus": cents(base * Decimal(bonus_pct) / 100)}
        extra = items["ad_years"] + items["ad_bonus"]
        gross = base + extra
        cut = {"tax": cents(gross * Decimal(rng.randint(55, 105)) / 1000), "union_fee": cents(gross / 100),
               "advance": Decimal(0)}  # fmt: skip
        if rng.random() < 0.6 and gross > 0:
            step = Decimal(10) if sheet.year < 1991 else Decimal(100)
            adv = (gross * Decimal(rng.choice((25, 30, 40))) / 100 / step).quantize(Decimal(1)) * step
            cut["advance"] = min(adv, cents(gross / 2))
        parts = [c for c in PARTS if c in cols]
        ded = sum((cut[c] for c in parts), Decimal(0)) if parts else cut["tax"] + cut["union_fee"]
        r.update({c: items[c] for c in ITEMS if c in cols})
        r.update({c: cut[c] for c in parts})
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": gross - ded}
        for f in MONEY_FIELDS:
            r[f] = money[f] if f in cols else None
    sheet.totals = {f: sum((amount_or_nought(r[f]) for r in sheet.rows), Decimal(0)) for f in (*MONEY_FIELDS, *ITEMS, *PARTS)
                    if f in cols}  # fmt: skip
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    sheet.title = rng.choice(TITLES).format(n=rng.randint(1, 40))
    sheet.period_text = rng.choice(PERIODS).format(word=word, Word=word.capitalize(), WORD=word.upper(),
                                                   roman=ROMAN[m - 1], y=y)  # fmt: skip
    sheet.decimal_comma = ad.decimal == ","
    sheet.thousands_space = bool(ad.thousands) and y >= 1991
    sheet.thousands_sep = ad.thousands or " "
    sheet.stotinki = sheet.loose_thousands = sheet.split_cents = False
    parent = rng.choice(PARENTS[ad.trade]) if rng.random() < 0.6 else ""
    section = rng.choice(SECTIONS[ad.trade]).format(n=rng.randint(1, 9)) if rng.random() < 0.7 else ""
    sheet.extra["ad_names"] = names
    sheet.extra["ad_job"] = {"parent": parent, "section": section, "total": rng.choice(TOTALS),
                             "signers": rng.choice(SIGNERS)}  # fmt: skip


def amount(v: Decimal, ad: ADHabits, year: int, *, part: bool = False) -> str:
    """An amount as typed (``part``: an item or an itemised deduction, its nought as the file types it)."""
    if part and v == 0 and ad.zero != "0":
        return ad.zero
    leva, st = f"{abs(v):.2f}".split(".")
    if ad.thousands and year >= 1991 and len(leva) > 3:
        leva = f"{int(leva):,}".replace(",", ad.thousands)
    return f"{'-' if v < 0 else ''}{leva}{ad.decimal}{st}"


def style(ad: ADHabits, rng: random.Random, base: Style) -> None:
    """An AD page's style: the machine's face (the rest is drawn by family_ad.render)."""
    base.font = FONT_DIR / ad.face
    base.typewriter = True
    base.size = AD_SIZES["typewriter"][0]
    base.landscape = True
    base.corrections = base.totals_hand = base.stamp_rows = base.signatures_cross = False
    base.ruled, base.ruling = False, "none"
    del rng


# --- the typewriter ---

PAPERS = {"A3L": (4961, 3508), "A4L": (3508, 2480)}  # pixels at 300 dpi
LINE = 50.0  # six lines to the inch at 300 dpi



@lru_cache(maxsize=4096)
def _glyph(path: str, ch: str, pitch: int) -> tuple[np.ndarray, int]:
    """One type of the machine: ``ch`` of the face at ``path`` cut to the pitch (a wider letter narrowed to it), its
    strokes evened as a typebar's are (ink 0..1), and the row of its baseline."""
    em = int(round(pitch / 0.6))
    f = face_at(path, em)
    size = em * 2
    img = Image.new("L", (size * 2, size), 0)
    base = int(em * 1.3)
    ImageDraw.Draw(img).text((em // 2, base), ch, font=f, fill=255, anchor="ls")
    a = np.asarray(img, np.float32) / 255.0
    top, bottom = base - int(em * 1.05), base + int(em * 0.35)
    a = a[top:bottom]
    cols = np.flatnonzero(a.max(axis=0) > 0.2)
    out = np.zeros((a.shape[0], pitch + 6), np.float32)
    if not len(cols):
        return out, base - top
    ink = np.asarray(a[:, cols[0] : cols[-1] + 1], np.float32)
    room = int(pitch * 0.88)
    if ink.shape[1] > room:  # a wide letter narrowed to the typebar's room
        ink = np.asarray(cv2.resize(ink, (room, ink.shape[0]), interpolation=cv2.INTER_AREA), np.float32)
    if "ipam" in path:  # the serif face's hairlines evened
        ink = np.asarray(cv2.dilate(ink, np.ones((2, 2), np.uint8)), np.float32)
    x = (out.shape[1] - ink.shape[1]) // 2
    out[:, x : x + ink.shape[1]] = ink
    blurred = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.6), np.float32)
    return np.asarray(np.clip(blurred * 1.15, 0, 1), np.float32), base - top


class _Machine:
    """The office typewriter: a fixed pitch, each typebar its own way, each strike a little harder or softer."""

    def __init__(self, ad: ADHabits, rng: random.Random, W: int, H: int, pitch: int, x0: float, top: float) -> None:
        self.ad, self.rng = ad, rng
        self.ink = np.zeros((H, W), np.float32)
        self.pitch, self.x0, self.top = pitch, x0, top
        self.path = str(FONT_DIR / ad.face)
        chars = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюя0123456789.,"
        self.offset = {c: rng.gauss(0, ad.bent * 0.3) for c in chars}
        for c in rng.sample(chars, 4):  # bent typebars
            self.offset[c] = rng.choice((-1, 1)) * ad.bent
        self.force = {c: 1.08 if c in "ЖШЩМЮФжшщмюф" else (0.75 if c in ".,-:!" else 1.0) for c in chars}
        self.clogged = set(rng.sample("оаеОВБРд690", ad.clogged))

    def x(self, col: float) -> float:
        return self.x0 + col * self.pitch

    def y(self, line: float) -> float:
        """The baseline of ``line``."""
        return self.top + line * LINE

    def text(self, col: float, line: float, s: str) -> None:
        s = s.replace("„", '"').replace("“", '"')  # the machine has no „ “
        for k, ch in enumerate(s):
            if ch == " ":
                continue
            g, base = _glyph(self.path, ch, self.pitch)
            if ch in self.clogged:
                g = cv2.morphologyEx(g, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
            ink = g * (self.ad.ink * self.force.get(ch, 1.0) * self.rng.uniform(0.8, 1.0))
            x = int(round(self.x(col + k) - 3 + self.rng.gauss(0, 0.6)))
            y = int(round(self.y(line) - base + self.offset.get(ch, 0.0) + self.rng.gauss(0, 0.5)))
            self._put(ink, x, y)

    def _put(self, ink: np.ndarray, x: int, y: int) -> None:
        h, w = ink.shape
        H, W = self.ink.shape
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            sub = ink[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(self.ink[y0:y1, x0:x1], sub, out=self.ink[y0:y1, x0:x1])


def _least(c: str) -> int:
    return {"row": 2, "egn": 10, "days_worked": 2, "position": 8, "name": 18, "signature": 8}.get(c, 7)


def _heading(c: str, sheet: SheetContent) -> list[str]:
    return sheet.headings.get(c, c).split("\n") if c else []


def render(sheet: SheetContent, st: Style, ad: ADHabits, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """One page at 300 dpi: the parent body, the works and its section, the sheet's number, the title and period, the
    two-tier headings under their groups, the rows (a person on two lines, a struck name with the standing one written
    above it, a typed note under a restored one), the totals, the signers; the rules typed or ruled by pen, the
    people's signatures. The pen's layer goes to ``sheet.extra["ad_pen"]``, each typed cell's box (row, field, box) to
    ``sheet.extra["ad_boxes"]``."""
    cols = ad.columns
    job = sheet.extra["ad_job"]
    names = sheet.extra["ad_names"]
    assert isinstance(job, dict) and isinstance(names, list)
    year = sheet.year

    def cell(c: str, i: int) -> str:
        r = sheet.rows[i]
        if not c or c == "signature":
            return ""
        if c == "name":
            return str(names[i][1])
        v = r.get(c)
        if c in ("row", "egn", "position", "days_worked"):
            return "" if v is None else str(v)
        return amount(amount_or_nought(v), ad, year, part=c in ITEMS or c in PARTS)

    texts = [{c: cell(c, i) for pair in cols for c in pair} for i in range(len(sheet.rows))]
    notes = [str(n[2]) if n[2] not in ("", "struck") else "" for n in names]
    sums = {c: amount(sheet.totals[c], ad, year) for pair in cols for c in pair if c in sheet.totals}
    heads = [(_heading(a, sheet), _heading(b, sheet)) for a, b in cols]
    widths = []
    for j, (a, b) in enumerate(cols):
        w = max([len(s) for s in heads[j][0] + heads[j][1]] + [len(t.get(a, "")) for t in texts]
                + [len(t.get(b, "")) for t in texts] + [len(sums.get(a, "")), len(sums.get(b, "")), _least(a)])  # fmt: skip
        if a == "name":
            w = max([w, len(str(job["total"]))] + [len(n) for n in notes])
        widths.append(w)
    group_of = ["earn" if a in EARN else "cut" if a in CUT else "" for a, _ in cols]
    labels = dict(ad.groups)
    gap = 3
    for g in ("earn", "cut"):
        js = [j for j, x in enumerate(group_of) if x == g]
        if js and g in labels:
            span = sum(widths[j] for j in js) + gap * (len(js) - 1)
            widths[js[-1]] += max(0, len(labels[g]) - span)
    starts, pos = [], 2
    for w in widths:
        starts.append(pos)
        pos += w + gap
    right = pos - gap + 2  # the right outer rule's position + 1
    n_head = max(len(heads[j][0]) + (len(heads[j][1]) + 1 if b else 0) + (2 if group_of[j] in labels else 0)
                 for j, (_, b) in enumerate(cols))  # fmt: skip
    top_px = rng.uniform(120, 200)
    need = (3 + bool(job["parent"]) + bool(job["section"]) + 3 + n_head + (2 if ad.numbers else 0)
            + len(texts) * ad.row_pitch + sum(1 for n in notes if n) + 7.5)  # fmt: skip
    paper, cpi = ad.paper, 0
    for p in (ad.paper, "A3L"):  # a sheet too small for the table: an A3 sheet
        W, H = PAPERS[p]
        cpi = next((c for c in (ad.pitch, 12, 15) if right * (300 // c) <= W - 360), 0)  # 15: the machine's micro
        if cpi and top_px + need * LINE < H - 100:
            paper = p
            break
    assert cpi, "the table overran the paper"
    pitch = 300 // cpi
    x0 = (W - right * pitch) / 2 + rng.uniform(-40, 40)
    mach = _Machine(ad, rng, W, H, pitch, x0, top_px)
    pen_img = Image.new("L", (W, H), 255)
    pen = ImageDraw.Draw(pen_img)
    hand = Hand(str(FONT_DIR / rng.choice(T_HANDS)), rng.uniform(0.1, 0.3), "ballpoint" if ad.pen != "violet" else "ink", 0)
    painter = Painter(pen_img, replace(st, size=int(pitch * 1.25), writer=None), rng)
    geo = Geometry(W, H)
    boxes: list[tuple[int | None, str, list[int]]] = []
    y = 0.0
    if job["parent"]:
        mach.text(0, y, str(job["parent"]))
        y += 1
    mach.text(0, y, sheet.employer)
    label = f"Лист N {sheet.sheet}"
    mach.text(right - len(label), y, label)
    y += 1
    if job["section"]:
        mach.text(0, y, str(job["section"]))
        y += 1
    y += 1
    mach.text(max(0, (right - len(sheet.title)) // 2), y, sheet.title)
    y += 1
    mach.text(max(0, (right - len(sheet.period_text)) // 2), y, sheet.period_text)
    y += 2

    def line_box(col0: float, col1: float, n0: float, n1: float) -> list[int]:
        return [int(mach.x(col0)), int(mach.y(n0) - 0.8 * LINE), int(mach.x(col1)), int(mach.y(n1) + 0.3 * LINE)]

    seps = [s - 2 for s in starts] + [right - 1]
    table_top = y
    rules: list[tuple[float, str]] = []  # (line, character) of the rules across

    def rule(ch: str) -> None:
        nonlocal y
        rules.append((y, ch))
        y += 1

    rule("-")
    head_top = y
    sub_rules: list[tuple[float, int, int]] = []
    for g in ("earn", "cut"):
        js = [j for j, x in enumerate(group_of) if x == g]
        if js and g in labels:
            span0, span1 = starts[js[0]], starts[js[-1]] + widths[js[-1]]
            mach.text(span0 + (span1 - span0 - len(labels[g])) // 2, y, labels[g])
            sub_rules.append((y + 1, span0 - 1, span1 + 1))
    for j, (_, b) in enumerate(cols):
        up, low = heads[j]
        k = y + (2 if group_of[j] in labels else 0)
        lines = up + (["-" * min(8, widths[j])] if b else []) + low
        for s in lines:
            mach.text(starts[j] + (widths[j] - len(s.strip())) // 2, k, s.strip())
            k += 1
        geo.cells.append((0, j, line_box(starts[j], starts[j] + widths[j], head_top, head_top + n_head - 1),
                          " ".join(x for x in up + low)))  # fmt: skip
    y += n_head
    rule("-")
    if ad.numbers:
        for j in range(len(cols)):
            s = str(j + 1)
            mach.text(starts[j] + (widths[j] - len(s)) // 2, y, s)
        y += 1
        rule("-")
    xl, xr = int(mach.x(seps[0])), int(mach.x(seps[-1] + 1))
    lead = 0.5 if ad.row_pitch == 3.0 else 0.25  # the space over a person's first line
    for i, t in enumerate(texts):
        y += lead
        top = y
        for j, (a, b) in enumerate(cols):
            for c, n in ((a, y), (b, y + 1)):
                txt = t.get(c, "") if c else ""
                if not txt:
                    continue
                left = c in ("name", "position") or (c == "egn" and b == "egn")
                mach.text(starts[j] + (0 if left else widths[j] - len(txt)), n, txt)
                boxes.append((i, c, line_box(starts[j], starts[j] + widths[j], n, n)))
            both = " ".join(x for x in (t.get(a, ""), t.get(b, "") if b else "") if x)
            if both:
                geo.cells.append((i + 1, j, line_box(starts[j], starts[j] + widths[j], y, y + 1), both))
        name_j = next(j for j, (a, b) in enumerate(cols) if "name" in (a, b))
        name_n = y if cols[name_j][0] == "name" else y + 1
        stands, typed, how = names[i]
        bottom = y + 1
        if how == "struck":  # the typed name struck through by pen, the standing one written above it
            x_a, x_b = mach.x(starts[name_j]) - 4, mach.x(starts[name_j] + len(str(typed))) + 4
            ym = mach.y(name_n) - 0.3 * LINE
            if rng.random() < 0.5:
                pen.line((x_a, ym + rng.uniform(-4, 4), x_b, ym + rng.uniform(-4, 4)), fill=0, width=3)
            else:
                pen.line((x_a, ym + 10, x_b, ym - 12), fill=0, width=3)
                pen.line((x_a, ym - 6, x_b, ym + 6), fill=0, width=2)
            geo.marks.append({"kind": "struck", "row": i, "fields": ["name"],
                              "polygon": rect_polygon(*line_box(starts[name_j], starts[name_j] + len(str(typed)),
                                                                name_n, name_n))})  # fmt: skip
            hx = mach.x(starts[name_j]) + rng.uniform(0, 3 * pitch)
            hy = mach.y(name_n) - 0.95 * LINE
            hand.text(painter, hx, hy, str(stands), 1.1)
            hw = hand.width(painter, str(stands), 1.1)
            geo.marks.append({"kind": "correction", "row": i,
                              "polygon": rect_polygon(hx - 8, hy - 0.55 * LINE, hx + hw + 8, hy + 0.45 * LINE)})  # fmt: skip
        elif how:  # a typed note under the restored name
            mach.text(starts[name_j], y + 2, how)
            geo.marks.append({"kind": "note", "row": i,
                              "polygon": rect_polygon(*line_box(starts[name_j], starts[name_j] + len(how), y + 2, y + 2))})  # fmt: skip
            bottom = y + 2
        if "signature" in (a for a, _ in cols) and rng.random() < 0.85:
            sj = next(j for j, (a, _) in enumerate(cols) if a == "signature")
            _scribble(pen, mach.x(starts[sj]), mach.y(y + 0.5), widths[sj] * pitch, rng)
        y0b, y1b = int(mach.y(top) - 0.85 * LINE), int(mach.y(bottom) + 0.35 * LINE)
        geo.row_bboxes.append([xl, y0b, xr, y1b])
        geo.row_polygons.append(rect_polygon(xl + 2, y0b + 2, xr - 2, y1b - 2))
        y = top + ad.row_pitch - lead + (bottom - top - 1)
    y += 0.6
    rule("-")
    label_j = next(j for j, (a, b) in enumerate(cols) if "name" in (a, b))
    mach.text(starts[label_j], y, str(job["total"]))
    n_tot = len(sheet.rows) + 1
    geo.cells.append((n_tot, label_j, line_box(starts[label_j], starts[label_j] + widths[label_j], y, y),
                      str(job["total"])))  # fmt: skip
    for j, (a, b) in enumerate(cols):
        for c, n in ((a, y), (b, y + 1)):
            if c in sums:
                mach.text(starts[j] + widths[j] - len(sums[c]), n, sums[c])
                boxes.append((None, c, line_box(starts[j], starts[j] + widths[j], n, n)))
        both = " ".join(sums[c] for c in (a, b) if c in sums)
        if both:
            geo.cells.append((n_tot, j, line_box(starts[j], starts[j] + widths[j], y, y + 1), both))
    y += 2
    rule("=")
    table_bottom = y - 1
    # the rules: typed, or ruled by pen
    if ad.rules == "typed":
        for n, ch in rules:
            mach.text(seps[0], n, ch * (seps[-1] - seps[0] + 1))
        for n, c0, c1 in sub_rules:
            mach.text(c0, n, "-" * (c1 - c0))
        inner = {j for j in range(1, len(cols)) if group_of[j] in labels and group_of[j] == group_of[j - 1]}
        k = table_top + 0.5
        while k < table_bottom - 0.2:
            if all(abs(k - n) > 0.3 for n, _ in rules):
                for j, sp in enumerate(seps):
                    if not (j in inner and k < head_top + 1.7):  # not across a group's label
                        mach.text(sp, k, ad.vchar)
            k += 0.5
    else:
        slope = rng.uniform(-0.002, 0.002)
        for n, _ in rules:
            yy = mach.y(n) - 0.35 * LINE
            pen.line((xl, yy, xr, yy + slope * (xr - xl)), fill=40, width=rng.choice((2, 3)))
        for n, c0, c1 in sub_rules:
            yy = mach.y(n) - 0.35 * LINE
            pen.line((mach.x(c0), yy, mach.x(c1), yy), fill=40, width=2)
        ya, yb = mach.y(table_top) - 0.35 * LINE, mach.y(table_bottom) - 0.35 * LINE
        for j, sp in enumerate(seps):
            xx = mach.x(sp + 0.5)
            top_y = ya
            if 0 < j < len(seps) - 1 and group_of[j] in labels and group_of[j] == group_of[j - 1]:
                top_y = mach.y(head_top + 1) - 0.35 * LINE  # under the group's label
            pen.line((xx, top_y, xx + rng.uniform(-3, 3), yb), fill=40, width=rng.choice((2, 3)))
    y += 1.5
    signers = job["signers"]
    assert isinstance(signers, tuple)
    for k, s in enumerate(signers):
        mach.text(k * (right // 3), y, f"{s} .............")
    geo.table_bbox = [xl, int(mach.y(table_top) - 0.8 * LINE), xr, int(mach.y(table_bottom))]
    assert mach.y(y) < H - 60, "the page's lines overran its paper"
    if rng.random() < 0.7:  # the ribbon's fabric in the strokes
        noise = cv2.GaussianBlur(np.random.default_rng(rng.randrange(1 << 30)).random((H, W), np.float32), (0, 0), 0.9)
        mach.ink *= np.clip(0.6 + np.asarray(noise, np.float32), 0, 1.0)
    sheet.extra["ad_pen"] = np.asarray(pen_img, np.uint8)
    sheet.extra["ad_boxes"] = boxes
    sheet.extra["ad_paper"] = paper
    img = Image.fromarray(np.asarray(255.0 * (1.0 - np.clip(mach.ink, 0, 1)), np.uint8), "L")
    return img, geo


# a person's signature across the column
_scribble = partial(signature, amp=(10, 22), darkest=50, widths=(2, 3))


# --- the page's damage and the scan ---


@dataclass
class ADPage:
    ad: ADHabits
    seed: int
    pen: np.ndarray  # the pen's layer (uint8, 255 white)
    paper: str
    piece: tuple[tuple[float, float], ...]  # the piece broken off (a polygon in page pixels), or ()
    crack: tuple[tuple[float, float], ...]  # a crack from an edge (a polyline), or ()
    tape: tuple[float, float, float, float, float]  # (cx, cy, length, width, angle) of the tape over it, or zeros


def page_of(img: Image.Image, geo: Geometry, sheet: SheetContent, ad: ADHabits, rng: random.Random) -> ADPage:
    """The page's damage decided on its drawn geometry: a corner or a piece of an edge broken off on some pages (its
    rows' marks ``{"kind": "torn"}``, the truth keeping their values), a crack mended with tape on some."""
    W, H = img.size
    boxes = sheet.extra["ad_boxes"]
    assert isinstance(boxes, list)
    piece: list[tuple[float, float]] = []
    rows = geo.row_bboxes
    if rows and rng.random() < ad.torn:
        piece = _piece(rows, W, H, rng)
        hit: dict[int | None, list[str]] = {}
        for i, c, b in boxes:
            if _meets(piece, b, 0.15) and c not in hit.get(i, []):
                hit.setdefault(i, []).append(c)
        for i in [*range(len(sheet.rows)), None]:
            if i in hit:
                geo.marks.append({"kind": "torn", "row": i, "fields": hit[i], "polygon": [list(p) for p in piece]})
    crack: list[tuple[float, float]] = []
    tape = (0.0, 0.0, 0.0, 0.0, 0.0)
    if rng.random() < ad.tape:
        x = rng.uniform(0.2, 0.8) * W
        down = rng.random() < 0.5
        length = rng.uniform(200, 0.35 * H)
        y0, y1 = (0.0, length) if down else (float(H), H - length)
        steps = 16
        crack = [(x + rng.uniform(-12, 12) + (k / steps) * rng.uniform(-50, 50), y0 + (y1 - y0) * k / steps)
                 for k in range(steps + 1)]  # fmt: skip
        tape = ((crack[0][0] + crack[-1][0]) / 2, (y0 + y1) / 2, length + rng.uniform(60, 140), rng.uniform(110, 190),
                90 + rng.uniform(-5, 5))  # fmt: skip
    pen = sheet.extra["ad_pen"]
    paper = sheet.extra["ad_paper"]
    assert isinstance(pen, np.ndarray) and isinstance(paper, str)
    return ADPage(ad, rng.randrange(1 << 30), pen, paper, tuple(piece), tuple(crack), tape)


def _piece(rows: list[list[int]], W: int, H: int, rng: random.Random) -> list[tuple[float, float]]:
    """A jagged piece broken off the left or right edge through a few rows, or off a lower corner."""
    k = rng.randrange(len(rows))
    span = rows[k : k + rng.choice((1, 2, 3))]
    y0, y1 = span[0][1] - rng.uniform(0, 40), span[-1][3] + rng.uniform(0, 40)
    left = rng.random() < 0.5
    depth = (rows[0][0] if left else W - rows[0][2]) + rng.uniform(30, 320)  # past the rule into a column or two
    pts: list[tuple[float, float]] = [(0.0, y0)]
    n = 12
    if k >= len(rows) - 3 and rng.random() < 0.5:  # a lower corner: from the last rows across to the sheet's foot
        foot = depth * rng.uniform(1.2, 2.2)
        for s in range(1, n + 1):
            t = s / n
            pts.append((float(foot * t ** 1.3 + rng.uniform(-6, 6)), y0 + (H - y0) * t + rng.uniform(-8, 8)))
        pts += [(float(foot), H + 5.0), (-5.0, H + 5.0)]
    else:
        for s in range(n + 1):  # the broken edge, jagged, out and back
            t = s / n
            d = depth * np.sin(np.pi * t) ** 0.6 * rng.uniform(0.75, 1.1)
            pts.append((float(d), y0 + (y1 - y0) * t + rng.uniform(-8, 8)))
        pts.append((0.0, y1))
    pts = [(max(-5.0, x), min(float(H) + 5, max(-5.0, yy))) for x, yy in pts]
    return pts if left else [(W - x, yy) for x, yy in pts]


def _meets(poly: list[tuple[float, float]], box: list[int], share: float) -> bool:
    """Does the polygon take ``share`` of the box or more?"""
    x0, y0, x1, y1 = box
    mask = np.zeros((max(1, y1 - y0), max(1, x1 - x0)), np.uint8)
    cv2.fillPoly(mask, [np.array([[x - x0, y - y0] for x, y in poly], np.int32)], 1)
    return int(mask.sum()) >= max(30.0, share * mask.size)


def flat(a: np.ndarray, page: ADPage) -> np.ndarray:
    """The page before it aged (``--pristine``): the typing and the pen on white paper, grey."""
    ink = np.maximum((255.0 - a) / 255.0, (255.0 - page.pen.astype(np.float32)) / 255.0)
    return np.asarray(250.0 - 225.0 * ink, np.float32)



RIBBONS = {"black": (32.0, 30.0, 36.0), "violet": (88.0, 52.0, 128.0)}
PENS = {"blue": (40.0, 60.0, 165.0), "violet": (95.0, 45.0, 140.0), "black": (35.0, 35.0, 45.0)}
LIDS = {"white": (236.0, 236.0, 232.0), "grey": (150.0, 152.0, 150.0), "black": (22.0, 22.0, 24.0)}


def scan(a: np.ndarray, page: ADPage, np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """The aged original on the A3 flatbed, in colour: the acidic paper yellowed to brown at its edges, foxing, the
    typing in its ribbon's colour and the pen's, small chips along the edges and the piece broken off (the lid shows
    there), the crack and its yellowed tape; the sheet a little turned on the glass, scanned at its dpi. Returns the RGB
    image (uint8), the 2x3 map from the drawn page to it and its dpi."""
    ad = page.ad
    rng = random.Random(page.seed)
    H, W = a.shape
    type_ink = (255.0 - a) / 255.0
    pen_ink = (255.0 - page.pen.astype(np.float32)) / 255.0
    # the paper: yellowed, browner to its edges, blotched, foxed
    b = ad.browning
    tone = np.array([236.0 - 14 * b, 222.0 - 30 * b, 188.0 - 52 * b], np.float32)
    blotch = smooth_field(H, W, rng, 0.95, 1.03, 7)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    edge = np.minimum(np.minimum(xx, W - 1 - xx), np.minimum(yy, H - 1 - yy))
    reach = rng.uniform(60, 220)
    brown = np.exp(-edge / reach) * (0.1 + 0.18 * b)
    del xx, yy, edge
    paper = np.empty((H, W, 3), np.float32)
    for ch, (t, d) in enumerate(zip(tone, (0.6, 0.85, 1.25), strict=True)):
        paper[:, :, ch] = t * blotch * (1.0 - brown * d)
    for _ in range(ad.foxing):
        cx, cy = rng.uniform(0, W), rng.uniform(0, H)
        for _ in range(rng.randint(1, 4)):
            r = rng.uniform(2, 9)
            px, py = int(cx + rng.uniform(-25, 25)), int(cy + rng.uniform(-25, 25))
            x0, y0, x1, y1 = max(0, px - int(3 * r)), max(0, py - int(3 * r)), min(W, px + int(3 * r)), min(H, py + int(3 * r))
            if x1 <= x0 or y1 <= y0:
                continue
            gy, gx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            s = np.exp(-((gx - px) ** 2 + (gy - py) ** 2) / (2 * r * r)) * rng.uniform(0.25, 0.6)
            for ch, c in enumerate((150.0, 105.0, 65.0)):
                paper[y0:y1, x0:x1, ch] = paper[y0:y1, x0:x1, ch] * (1 - s) + c * s
    # the inks: the ribbon faded a little, the pen
    rib = np.array(RIBBONS[ad.ribbon], np.float32) + (rng.uniform(0, 30) if ad.ribbon == "violet" else 0)
    pcol = np.array(PENS[ad.pen], np.float32)
    out = paper
    for ink, col, k in ((type_ink, rib, rng.uniform(0.85, 0.97)), (pen_ink, pcol, rng.uniform(0.8, 0.95))):
        mix = np.asarray(ink * k, np.float32)[:, :, None]
        out = np.asarray(out * (1.0 - mix) + col[None, None, :] * mix, np.float32)
    # the crack and the tape over it
    if page.crack:
        pts = np.array(page.crack, np.int32)
        cv2.polylines(out, [pts], False, (110.0, 90.0, 60.0), 2)
        cv2.polylines(out, [pts + np.array([2, 0], np.int32)], False, (245.0, 238.0, 215.0), 1)
        cx, cy, length, width, ang = page.tape
        box = cv2.boxPoints(((cx, cy), (length, width), ang)).astype(np.int32)
        taped = np.zeros((H, W), np.uint8)
        cv2.fillPoly(taped, [box], 1)
        sel = taped.astype(bool)
        glaze = np.array((225.0, 195.0, 120.0), np.float32)
        alpha = rng.uniform(0.22, 0.38)
        out[sel] = out[sel] * (1 - alpha) + glaze * alpha
        cv2.polylines(out, [box], True, (170.0, 140.0, 80.0), 2)
    # what is left of the sheet: small chips along the edges, the piece broken off
    sheet_mask = np.ones((H, W), np.uint8)
    for _ in range(rng.randint(4, 14)):
        side = rng.randrange(4)
        t = rng.uniform(0, 1)
        r = rng.uniform(6, 28)
        at = [(t * W, 0.0), (W - 1.0, t * H), (t * W, H - 1.0), (0.0, t * H)][side]
        cv2.ellipse(sheet_mask, (int(at[0]), int(at[1])), (int(r * rng.uniform(1, 2.5)), int(r)), rng.uniform(0, 180),
                    0, 360, 0, -1)  # fmt: skip
    if page.piece:
        cv2.fillPoly(sheet_mask, [np.array(page.piece, np.int32)], 0)
    rim = cv2.dilate(1 - sheet_mask, np.ones((5, 5), np.uint8)).astype(bool) & sheet_mask.astype(bool)
    out[rim] = np.minimum(255.0, out[rim] * 1.05 + 8)  # the broken edge's fibres, lighter
    # onto the flatbed: the lid round the sheet, the sheet a little turned, at the scan's dpi
    dpi = 300 if page.paper.startswith("A3") else ad.dpi
    s = dpi / 300.0
    margin = rng.randint(30, 110)
    ang = np.deg2rad(rng.uniform(-0.9, 0.9))
    ow, oh = int((W + 2 * margin) * s), int((H + 2 * margin) * s)
    c, sn = np.cos(ang), np.sin(ang)
    lin = np.array([[s * c, -s * sn], [s * sn, s * c]])
    tr = np.array([ow / 2, oh / 2]) - lin @ np.array([W / 2, H / 2])
    mat = np.hstack([lin, tr[:, None]])
    lid = np.array(LIDS[ad.lid], np.float32)
    warped = np.empty((oh, ow, 3), np.float32)
    for ch in range(3):
        warped[:, :, ch] = cv2.warpAffine(np.ascontiguousarray(out[:, :, ch]), mat, (ow, oh), flags=cv2.INTER_LINEAR,
                                          borderValue=float(lid[ch]))  # fmt: skip
    keep = cv2.warpAffine(sheet_mask.astype(np.float32), mat, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=0.0)
    shade = np.clip((cv2.GaussianBlur(keep, (0, 0), 5 * s) - keep) * 2.5, 0, 1)  # the sheet's edge off the glass
    k3 = keep[:, :, None]
    lid_img = lid[None, None, :] * (1.0 - 0.35 * shade)[:, :, None]
    img = warped * k3 + lid_img * (1 - k3)
    img = cv2.GaussianBlur(img, (0, 0), 0.55 * s)
    lamp = smooth_field(oh, ow, rng, 0.97, 1.02, 4)
    img *= lamp[:, :, None]
    grain = np_rng.standard_normal((oh // 2 + 1, ow // 2 + 1)).astype(np.float32)
    img += cv2.resize(grain, (ow, oh), interpolation=cv2.INTER_NEAREST)[:, :, None] * rng.uniform(1.0, 2.2)
    return np.clip(img, 0, 255).astype(np.uint8), mat, dpi
