"""Bulgarian personal names: a lexicon to check and correct what OCR read in the name column.

Names are three words: first name, patronymic (father's first name + -ов/-ев, -ова/-ева for women),
family name. A word that is in the lexicon passes; a word one letter away from exactly one lexicon word
is that word (a misread letter); anything else goes to a person. In production the lexicon would be
loaded from the civil registry's name statistics; this list covers the common names of the period.
"""

from __future__ import annotations

from functools import lru_cache

# ocr.header's edit distance, taken from rapidfuzz directly: ocr.header imports this module's lexicon
from rapidfuzz.distance.Levenshtein import distance as levenshtein

from .name_case import capitalised, case_like

MALE = """
Адриан Александър Алекси Ангел Антон Асен Атанас Благой Бойко Бойчо Борис Борислав Божидар Божил Бончо
Валентин Валери Васил Величко Венцислав Веселин Видол Виктор Владимир Владислав Вълко Вълчо Гавраил Генчо
Георги Герасим Гочо Григор Груди Давид Даниел Делчо Денчо Деян Димитър Димо Динко Добри Добромир Драган
Дончо Евгени Емил Живко Желязко Желю Жечо Захари Здравко Златан Златко Иван Ивайло Игнат Илия
Илко Йордан Йосиф Калин Камен Кирил Климент Колю Константин Костадин Кольо Красимир Кръстю Кънчо Лазар
Любен Любомир Марин Марко Матей Методи Милан Милен Милко Милчо Минчо Митко Михаил Младен Найден
Неделчо Недко Никифор Никола Николай Нено Огнян Павел Пейо Пенчо Пенко Петко Петър Пламен Продан Радко
Радослав Радой Райко Ради Румен Русин Светлин Светослав Северин Симеон Слави Славчо Спас Спиридон Стамен
Станимир Станислав Станко Стефан Стоил Стойко Стойчо Стоян Страхил Сава Танас Тихомир Тодор Тончо Трайко
Трендафил Трифон Филип Христо Христофор Цанко Цветан Цветко Цоньо Чавдар Юлиян Юри Яким Янко Ясен Ячо
"""
FEMALE = """
Александра Анастасия Ангелина Анелия Анна Антоанета Асенка Бистра Благовеста Богдана Бонка Борислава
Валентина Вангелия Ваня Величка Вера Веселина Виолета Галина Гергана Гинка Гюла Дафина Даниела Деница
Десислава Диана Димитрина Добринка Донка Дора Евгения Екатерина Елена Елисавета Еленка Емилия Живка Жечка
Запряна Здравка Зла Златка Зоя Иванка Ивелина Илиана Йорданка Калина Катерина Катя Кина Красимира Кремена
Лала Лиляна Лора Людмила Магдалена Маргарита Мариана Мария Марийка Мила Милена Милка Мина Надежда Невена
Нели Николина Нина Павлина Пенка Петя Петранка Поля Радка Райна Росица Руска Румяна Севда Светла Снежана
Соня Станка Стефка Стоянка Султана Теменужка Тодорка Трендафилка Фаня Христина Цанка Цветанка Цонка
Юлия Яна Янка Ясена
"""
SURNAME_STEMS = """
Петр Георги Иван Димитр Никол Стоян Христ Тодор Васил Атанас Йордан Или Кирил Марин Пенч Цветк Ангел Борис
Лазар Кост Поп Кол Михайл Павл Рус Слав Том Янк Злат Генч Драган Жеч Кънч Найден Бъчвар Шишк Чолак Гърк
Щер Хаджи Узун Фъртун Юрук Ярк Цен Добр Стойк Стефан Симеон Радев Стан Тон Андон Арнаудов Балабан Бакал
Бел Бонев Вълк Вълч Гавраил Ганч Глушк Гоч Грозд Дел Ден Дончев Ден Дин Евтим Желязк Захари Здравк Илк
Кам Калч Караив Кисьов Коцев Кръст Куманов Любен Манол Марк Мил Минч Митк Младен Недялк Нен Нешев Огнян
Пейч Пет Пламен Продан Радк Райк Рад Рачев Сав Сарафов Серафим Сим Спас Стам Стойч Табак Тан Тенев Тин
Тодоров Трайк Трифон Филип Халач Христозов Цанк Цон Чакър Чан Чобан Шоп Янев Ямбол
"""
SURNAMES_WHOLE = """
Петров Георгиев Иванов Димитров Николов Стоянов Христов Тодоров Василев Атанасов Йорданов Илиев Кирилов
Маринов Пенчев Цветков Ангелов Борисов Лазаров Костов Попов Колев Михайлов Павлов Русев Славов Томов Янков
Златев Генчев Драганов Жечев Кънчев Найденов Бъчваров Шишков Чолаков Гърков Щерев Хаджиев Узунов
Фъртунов Юруков Ярков Ценов Добрев Стойков Стефанов Симеонов Радев Станев Тонев Андонов Балабанов Бакалов
Белев Бонев Вълков Вълчев Ганчев Грозданов Делчев Денев Динев Евтимов Желязков Захариев Здравков Илков
Каменов Калчев Караиванов Коцев Кръстев Куманов Любенов Манолов Марков Милев Минчев Митков Младенов
Недялков Ненов Нешев Огнянов Пейчев Петков Пламенов Проданов Радков Райков Радов Рачев Савов Сарафов
Серафимов Симов Спасов Стаменов Стойчев Табаков Танев Тенев Тинев Трайков Трифонов Филипов Халачев
Христозов Цанков Цонев Чакъров Чанев Чобанов Шопов Янев Гочев Глушков Ганев Бояджиев Ковачев Куртев
Дечев Пеев Райчев Кисьов Алексиев Станчев Тасев Шумков Сотиров Динчев
"""


def patronymic(father: str) -> str:
    if father.endswith("ър"):
        return father[:-2] + "ров"
    if father.endswith(("й", "я")):
        return father[:-1] + "ев"
    if father.endswith("и"):
        return father + "ев"
    if father.endswith(("а", "ю")):
        return father[:-1] + "ов"
    if father.endswith(("о", "е")):
        return father + "в"
    return father + "ов"


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    male = set(MALE.split())
    female = set(FEMALE.split())
    words = set(male) | female
    for f in male:
        p = patronymic(f)
        words |= {p, p + "а"}
    for s in SURNAMES_WHOLE.split():
        words |= {s, s + "а"}
    for stem in SURNAME_STEMS.split():
        for suffix in ("ов", "ев"):
            w = stem if stem.endswith(("ов", "ев")) else stem + suffix
            words |= {w, w + "а"}
    return frozenset(
        w for w in words if w.isalpha() and all("а" <= ch.lower() <= "я" or ch in "ѝЁё" for ch in w)
    )


@lru_cache(maxsize=1)
def _by_length() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for w in lexicon():
        out.setdefault(len(w), []).append(w)
    return out


def correct_word(word: str) -> tuple[str, bool]:
    """(word, sure): a lexicon word stays; a word one edit from exactly one lexicon word becomes it."""
    if word in lexicon():
        return word, True
    near = []
    for n in (len(word) - 1, len(word), len(word) + 1):
        for cand in _by_length().get(n, []):
            if levenshtein(word, cand) == 1:
                near.append(cand)
    if len(near) == 1:
        # a letter added at the word's end: the cell's right rule or the printer's column may have cut the
        # name there, a person reads it (AA dev 19001 p3: "ДИМИТРО" made "ДИМИТРОВ" for sure)
        return near[0], not (len(near[0]) == len(word) + 1 and near[0].startswith(word))
    common = [c for c in near if c in _common()]
    if len(common) == 1:  # 'Маринав': 'Маринов' or the rare 'Маринев': the common one, shown to a person
        return common[0], False
    return word, False


@lru_cache(maxsize=1)
def patronymics() -> frozenset[str]:
    """Every patronymic of the lexicon's given names, a man's and a woman's form."""
    return frozenset(w for f in MALE.split() for w in (patronymic(f), patronymic(f) + "а"))


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """The names a sheet most often holds: given names, their patronymics, the common family names. The
    rest of the lexicon (a stem with the other of -ов/-ев: 'Димитрев', 'Лазарев') is rare."""
    whole = SURNAMES_WHOLE.split()
    return female_names() | male_names() | patronymics() | frozenset(whole) | frozenset(w + "а" for w in whole)


_SWAP = {"ов": "ев", "ев": "ов", "ова": "ева", "ева": "ова"}


def _other_suffix(word: str) -> str | None:
    for end in ("ова", "ева", "ов", "ев"):
        if word.endswith(end):
            return word[: -len(end)] + _SWAP[end]
    return None


def _check_word(word: str, middle: bool) -> tuple[str, bool]:
    """One word of a name (``middle``: the patronymic of 'given patronymic family'). A face whose о looks
    like е reads 'Лазаров' as 'Лазарев', a word the lexicon holds too: a rare word one letter from exactly
    one common name is that name, and a patronymic's place holding a family name whose other ending is a
    patronymic ('Пенчев' where 'Пенчов' is the father's), stays as read; both go to a person, and so does
    a rare word one letter from several common names."""
    if word in lexicon() and word not in _common():
        near = [c for c in _common() if abs(len(c) - len(word)) <= 1 and levenshtein(word, c) == 1]
        if len(near) == 1:
            return near[0], False
        if near:  # 'Пейчова' (a rare family name's form) for 'Пенчова', 'Пейова' or 'Пейчева': which, a person says
            return word, False
    if middle and word in lexicon() and word not in patronymics() and _other_suffix(word) in patronymics():
        return word, False
    if _short_i_for_n(word) or _ya_for_gu(word):
        return word, False
    return correct_word(word)


def _ya_for_gu(word: str) -> bool:
    """A known name with a `я` that, `гъ`, makes another ('Ярков' / 'Гърков'): an address plate's blocky
    `ГЪ` reads as one `Я` (Z dev 18006 p2: three 'ГЪРКОВА' out as 'ЯРКОВА' unflagged); which, a person says."""
    low = word.lower()
    return word in lexicon() and any(
        ch == "я" and capitalised(low[:i] + "гъ" + low[i + 1 :]) in lexicon() for i, ch in enumerate(low)
    )


def _short_i_for_n(word: str) -> bool:
    """A common name with a `й` that, an `н`, makes another ('Пейчев' / 'Пенчев', 'Бойчо' / 'Бончо'): a
    duplicator's copy fills the gap of an `н` with ink and the reading takes it for a `й` (X dev 16001 p1 and
    p4: 'Пенчев' read 'Пейчев' on both, a name the lexicon holds); which, a person says."""
    return word in _common() and any(
        ch == "й" and word[:i] + "н" + word[i + 1 :] in _common() for i, ch in enumerate(word)
    )


def _patronymic_for_surname(word: str) -> bool:
    """A patronymic no family name of the lists, whose other ending (-ов/-ев) is one: 'Пенчов' (Пенчев)."""
    return word in patronymics() and word not in _whole_surnames() and _other_suffix(word) in _whole_surnames()


def check_name(name: str | None) -> tuple[str | None, bool]:
    """(corrected name, sure). Sure only when every word is a known name (after at most one letter fix
    per word) and the name has two or three words. (A name of two words on a sheet whose other names
    have three lost one, under a stamp or to a column split off its first word: ``plausibility``'s
    sheet-wide check flags it; a sheet that writes every name in two words is not flagged for that.)
    The given name stands first or, on a sheet that types the family name first ('ПЕТРОВ Иван
    Георгиев'), second; a word typed in capitals is looked up capitalised and kept in capitals."""
    if not name:
        return name, False
    read = name.split()
    words = [capitalised(w) for w in read]
    fixed = []
    sure = 2 <= len(words) <= 3
    given_names = female_names() | male_names()
    at = next((k for k in (0, 1) if k < len(words) and words[k] in given_names), None)
    for k, w in enumerate(words):
        c, ok = _check_word(w, len(words) == 3 and at is not None and k == at + 1)
        fixed.append(c)
        sure = sure and ok
    # a woman's patronymic and family name end in -а, a man's do not
    given = fixed[at] if at is not None and at < len(fixed) else fixed[0]
    female = given in female_names()
    male = given in male_names()
    if female or male:
        for w in (w for k, w in enumerate(fixed) if k != at):
            if w.endswith(("ов", "ев", "ова", "ева")) and w.endswith("а") != female:
                sure = False
    # the patronymic's place holding a given name ('Милка Пенчо Ценова' for Пенчова: the ending under a
    # stamp or lost at the cell's edge, the stem a name the lexicon knows): a sheet writes the father's
    # name as a patronymic (hard dev seed 72 p4, out unflagged)
    if len(fixed) == 3 and at is not None and at + 1 < len(fixed) and fixed[at + 1] in given_names:
        sure = False
    # the family name's place holding a given name ('Десислава Лазарова Никола' for Николова: the ending lost
    # at the cell's right edge, the stem a given name the lexicon knows; R dev 10066 p3, out unflagged)
    if len(fixed) == 3 and at == 0 and fixed[2] in given_names and fixed[2] not in _whole_surnames():
        sure = False
    # the family name's place holding a patronymic whose other ending is a family name ('Илия Атанасов Кънчов'
    # for Кънчев: a face whose е looks like о; AB dev 20007 p1 rows 10 and 21, out unflagged): the patronymic's
    # place has the same doubt (``_check_word``); which, a person says
    if len(fixed) == 3 and at is not None and _patronymic_for_surname(fixed[2 if at == 0 else 0]):
        sure = False
    # three words of which neither the first nor the second is a given name ('Симов Стефанов Кънчев' for
    # Симеон: a given name misread as a family name the lexicon holds; AB dev 20013 p1 row 25, out unflagged)
    if len(fixed) == 3 and not any(w in given_names for w in fixed[:2]):  # as fixed: 'Ралка' is Радка
        sure = False
    # two words of which the first is no given name but a patronymic's or family name's form
    # ('Цветанов Славов'): the given name was lost (read into another column or not at all)
    if len(fixed) == 2 and at is None and fixed[0].endswith(("ов", "ев", "ова", "ева")):
        sure = False
    return " ".join(case_like(c, w) for c, w in zip(fixed, read, strict=True)), sure


GARBLED_SHARE = 0.5  # more of a page's names than this unknown: the page's letters are read badly
GARBLED_AT_LEAST = 4  # names on the page before it tells


def names_garbled(names: list[object]) -> bool:
    """Most of the page's names unknown to the lexicon even after its one-letter fixes (``check_name``):
    the page's letters are read badly (a plate's blocky face under a dust streak, Z dev 18009 p3: 20 names
    of 25 garbled, 'ЯНКО ЦВЕТАНОВ' for 'ДИМИТРОВ ЦАНКО ЦВЕТАНОВ' read at 0.48 and out unflagged), and a
    name that happens to come out known is no surer than its confidence says."""
    read = [n for n in names if isinstance(n, str) and n.strip()]
    if len(read) < GARBLED_AT_LEAST:
        return False
    return sum(not check_name(n)[1] for n in read) > GARBLED_SHARE * len(read)


@lru_cache(maxsize=1)
def _whole_surnames() -> frozenset[str]:
    """The family names the lists hold whole (not made from a stem), as typed: a given name among them
    ('Стоян' is a family name too) is a family name where it stands."""
    whole = SURNAMES_WHOLE.split()
    return frozenset(whole) | frozenset(w + "а" for w in whole)


@lru_cache(maxsize=1)
def clipped_names() -> dict[str, str]:
    """Lexicon words that are a common name with its first letter lost: 'Танас' (Атанас), 'Райков' (Трайков),
    'Катерина' (Екатерина), 'Танев' (Станев); each -> the longer name. Found by the word as it would
    follow the lost letter (one look-up per common name: pairing every lexicon word with every common
    name was ~0.2 s of a worker's first page)."""
    following: dict[str, list[str]] = {}  # 'танас' -> ['Танас']: a word with its first letter lowered
    for w in lexicon():
        following.setdefault(w[0].lower() + w[1:], []).append(w)
    out: dict[str, str] = {}
    for c in _common():
        for w in following.get(c[1:], ()):
            out[w] = c
    return out


def clipped_word(name: str | None) -> tuple[str, str] | None:
    """(word, the longer name) when the name's first word, the one at the cell's left edge, may be another
    name with its first letter lost at the rule (R dev 10013 p2 read 'Атанас' as 'Танас', both known names),
    or None. The lexicon vouches for such a word only when the reading was sure of it."""
    words = (name or "").split()
    full = clipped_names().get(capitalised(words[0])) if words else None
    return (words[0], full) if full is not None else None


@lru_cache(maxsize=1)
def female_names() -> frozenset[str]:
    """The women's given names of the lists (``FEMALE``), as typed: 'Мария'."""
    return frozenset(FEMALE.split())


@lru_cache(maxsize=1)
def male_names() -> frozenset[str]:
    """The men's given names of the lists (``MALE``), as typed: 'Иван'."""
    return frozenset(MALE.split())


def given_name_position(name: str | None) -> int | None:
    """Which word of the name is a known given name (0: first, as "Иван Петров Иванов"; 1: second, as a
    sheet that puts the family name first), None when neither or both are. A name in capitals counts."""
    words = [capitalised(w) for w in (name or "").split()]
    given = female_names() | male_names()
    at = [i for i in (0, 1) if i < len(words) and words[i] in given]
    return at[0] if len(at) == 1 else None
