"""The sheet's header above the table: employer, the month and year it pays, the sheet number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .geometry import Word
from .normalise import digits, quotes

MONTHS = (
    "януари", "февруари", "март", "април", "май", "юни",
    "юли", "август", "септември", "октомври", "ноември", "декември",
)  # fmt: skip
_LATIN_LETTERS = str.maketrans(
    {"A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н", "K": "К", "M": "М",
     "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х", "x": "х", "y": "у"}
)  # fmt: skip
# The archive holds sheets of 1980-1996 (domain.md); a year outside is a misreading, not a period.
YEARS = (1980, 1996)
_TITLE_WORDS = ("ВЕДОМОСТ", "РАЗЧЕТНО", "ПЛАТЕЖНА", "ЗАПЛАТИ")


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), rapidfuzz's: the column and total labels
    ask it thousands of times a page."""
    return Levenshtein.distance(a, b)


@dataclass
class Header:
    employer: str | None = None
    year: int | None = None
    month: int | None = None
    sheet: int | None = None
    employer_conf: float = 0.0
    period_conf: float = 0.0


def _lines(words: list[Word], bands: list[tuple[int, int]] | None = None) -> list[list[Word]]:
    """Group words into visual lines (the text bands found on the image when given), top to bottom,
    each left to right."""
    if bands:
        by_band: list[list[Word]] = [[] for _ in bands]
        for w in words:
            for i, (y0, y1) in enumerate(bands):
                if y0 - 6 <= w.box.cy <= y1 + 6:
                    by_band[i].append(w)
                    break
        return [sorted(line, key=lambda w: w.box.x0) for line in by_band if line]
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.box.cy):
        for line in lines:
            ref = line[0].box
            if abs(w.box.cy - ref.cy) < 0.5 * max(ref.h, w.box.h):
                line.append(w)
                break
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.box.x0) for line in lines]


def _month(word: str, *, in_context: bool = False) -> int | None:
    """The month a word names. Short words must match exactly, unless the word stands where a month must
    (between "за м." and a year): then one misread letter is allowed when only one month fits."""
    w = re.sub(r"[^а-я]", "", word.lower().translate(_LATIN_LETTERS))
    if len(w) < 3:
        return None
    dist = [(levenshtein(w, m), i) for i, m in enumerate(MONTHS, 1)]
    best_d, best = min(dist)
    limit = (1 if in_context else 0) if len(w) <= 3 else 1 if len(w) <= 5 else 2
    if best_d > limit or sum(1 for d, _ in dist if d == best_d) > 1:
        return None
    return best


# Towns and villages named on the sheets' headers; a word one letter away from exactly one of them is it.
TOWNS = frozenset(
    (
        "София", "Пловдив", "Варна", "Бургас", "Русе", "Стара", "Загора", "Плевен", "Сливен", "Добрич",
        "Шумен", "Перник", "Хасково", "Ямбол", "Пазарджик", "Благоевград", "Велико", "Търново", "Враца",
        "Габрово", "Асеновград", "Видин", "Казанлък", "Кюстендил", "Кърджали", "Монтана", "Димитровград",
        "Търговище", "Ловеч", "Силистра", "Дупница", "Разград", "Горна", "Оряховица", "Смолян", "Петрич",
        "Самоков", "Сандански", "Свищов", "Велинград", "Карлово", "Севлиево", "Нова", "Троян", "Айтос",
        "Ботевград", "Гоце", "Делчев", "Харманли", "Карнобат", "Свиленград", "Панагюрище", "Чирпан", "Попово",
        "Раднево", "Разлог", "Бяла", "Слатина", "Поморие", "Нови", "Искър", "Каолиново", "Крушовица", "Баня",
        "Враново", "Голямо", "Бистрица", "Костинброд", "Елхово", "Берковица", "Козлодуй", "Лом", "Мездра",
        "Оряхово", "Павликени", "Пещера", "Ихтиман", "Тетевен", "Луковит", "Червен", "Бряг", "Несебър",
        "Балчик", "Каварна", "Девня", "Провадия", "Пазар", "Омуртаг", "Исперих", "Кубрат", "Тутракан",
        "Дулово", "Генерал", "Тошево",
    )
)  # fmt: skip
_ABBREVIATIONS = (
    "ООД",
    "ЕООД",
    "АД",
    "ЕАД",
    "ЕТ",
    "ДЗС",
    "ТКЗС",
    "АПК",
    "ДФ",
    "ДП",
    "ПК",
    "ДСО",
    "ДИП",
    "ЗПК",
    "СД",
    "КД",
)


def _town(tok: str) -> str:
    core = tok.strip(".,")
    if "„" in core or "“" in core or len(core) < 4 or not core[:1].isupper() or core in TOWNS:
        return tok
    near = [t for t in TOWNS if abs(len(t) - len(core)) <= 1 and levenshtein(core, t) == 1]
    return tok.replace(core, near[0]) if len(near) == 1 else tok


def _balance_quotes(name: str) -> str:
    """Every „ closed by a “: a closing quote read as ':' or '.' is put back; an opening quote that closes
    nothing is noise; colons and semicolons are not part of employers' names."""
    toks = name.split()
    out: list[str] = []
    open_ = False
    for k, tok in enumerate(toks):
        if tok.startswith("„"):
            if open_:  # a second opening before any closing: the earlier one was noise
                for i in range(len(out) - 1, -1, -1):
                    if out[i].startswith("„"):
                        out[i] = out[i][1:]
                        break
            open_ = "“" not in tok
            closed_later = any("“" in t for t in toks[k + 1 :])
            # "„Металик:" closes its own quote; "„Н. Вапцаров“" (an initial) and "„Балкантурист. – ...“" do not
            if open_ and tok[-1] in ":;.,!'\"" and len(tok) > 3:
                # closed by its own mark, unless a closing quote follows: then the mark is a speck
                tok = tok[:-1] + ("" if closed_later else "“")
                open_ = closed_later
        elif open_ and "“" in tok:
            open_ = False
        out.append(tok)
    if open_:  # never closed: a later word ending in a mark the closing quote was read as, else drop it
        i0 = max(i for i, t in enumerate(out) if t.startswith("„"))
        for j in range(i0 + 1, len(out)):
            if len(out[j]) > 2 and out[j][-1] in ".:;,'\"" and out[j][-2].isalnum():
                out[j] = out[j][:-1] + "“"
                break
        else:
            out[i0] = out[i0][1:]
    return " ".join(t.replace(":", "").replace(";", "") for t in out if t.replace(":", "").replace(";", ""))


_DASHES = {"-", "–", "—", "--"}
_DASH_LOOKALIKES = {">", "~", "=", "_"}  # a lone dash between two words read as another stroke


def _abbreviation(tok: str) -> str:
    """A legal form's abbreviation with one letter misread ("АФ", "1Ф" for "ДФ"): the one known
    abbreviation of the same length one letter away, the last letter kept when several are."""
    core = tok.strip(".,")
    if not (2 <= len(core) <= 4) or core in _ABBREVIATIONS or not all(ch.isupper() or ch.isdigit() for ch in core):
        return tok
    near = [a for a in _ABBREVIATIONS if len(a) == len(core) and levenshtein(a, core) == 1]
    if len(near) > 1:
        near = [a for a in near if a[-1] == core[-1]]
    return tok.replace(core, near[0]) if len(near) == 1 else tok


def clean_employer(words: list[Word]) -> str | None:
    """The employer's name as printed: Cyrillic letters, Bulgarian quotes, known abbreviations upper-case."""
    kept = [
        w.text for w in words if any(ch.isalnum() for ch in w.text) and (w.conf >= 0.3 or len(w.text) >= 4)
        or (w.text in _DASHES | _DASH_LOOKALIKES and w.conf >= 0.3)  # "ЕООД – Ловеч": the name's dash
    ]  # fmt: skip
    while kept and kept[0] in _DASHES | _DASH_LOOKALIKES:
        kept.pop(0)
    while kept and kept[-1] in _DASHES | _DASH_LOOKALIKES:
        kept.pop()
    kept = ["–" if t in _DASHES | _DASH_LOOKALIKES else t for t in kept]
    kept = [_abbreviation(t) if i == 0 else t for i, t in enumerate(kept)]
    name = " ".join(kept).translate(_LATIN_LETTERS)
    name = quotes(re.sub(r"\s+", " ", name)).strip(" .,:;|!")
    # a speck read as a dash or full stop glued to a word's edge: "-ЗПК", "„Родопа“.Смолян", "Смолян-"
    name = re.sub(r"(^|\s)[-–—_.,](?=[А-ЯA-Z„])", r"\1", name)
    name = re.sub(r"“[-–—.,](?=[А-Я])", "“ ", name).strip(" -–—_")
    toks = name.split()
    while toks and len(toks[-1].strip("„“.,")) <= 1 and toks[-1].islower():  # dust read as a letter
        toks.pop()
    while toks and len(toks[0].strip("„“.,")) <= 1 and toks[0].islower():
        toks.pop(0)
    out = []
    for tok in toks:
        core = tok.strip("„“.,")
        if core.upper() in _ABBREVIATIONS:
            tok = tok.replace(core, core.upper())
        out.append(tok)
    out = [_town(t) for t in out]
    name = " ".join(out)
    name = _balance_quotes(name)
    name = re.sub(r"(\w)- (?=[А-Я])", r"\1-", name)  # "Хлебозавод- Стара" -> "Хлебозавод-Стара"
    name = re.sub(r"(^|\s)(с|гр)\.(?=[А-Я])", r"\1\2. ", name)  # "гр.Нови" -> "гр. Нови"
    name = re.sub(r"“[.,:;](?=\s|$)", "“", name)  # a speck after the closing quote
    toks = name.split()
    if len(toks) >= 3 and len(toks[-1]) == 1 and toks[-1].isalpha():  # a stamp's letter after the town
        name = " ".join(toks[:-1])
    name = re.sub(r"(^|\s)(с|гр)(?=\s+„?[А-Я])", r"\1\2.", name)  # village/town abbreviations keep their dot
    if name.count("„") < name.count("“"):  # the opening quote read as ".," or "," glued before a word
        name = re.sub(r"(?<=\w)[.,]{1,2}(?=[А-Я][^\s„“]*(\s[^\s„“]+)*“)", " „", name, count=1)
    if name.count("„") < name.count("“"):  # a closing quote with no opening one: the opening was lost
        name = re.sub(r"(^|\s)([^\s„“]+“)", lambda m: m.group(1) + "„" + m.group(2), name, count=1)
    if name.endswith("“") and name.count("„") < name.count("“"):
        name = name[:-1]
    while name.endswith("“") and name.count("“") > name.count("„"):
        name = name[:-1]
    return name if len(name) >= 4 else None


def parse_header(words: list[Word], page_width: int, bands: list[tuple[int, int]] | None = None) -> Header:
    h = Header()
    lines = _lines([w for w in words if w.conf > 0.1 or len(w.text) > 2], bands)
    sheet_words: list[Word] = []
    for line in lines:
        # the sheet number: "Лист № 4" / "л. № 4", usually on the right
        for i, w in enumerate(line):
            t = w.text.lower().translate(_LATIN_LETTERS)
            if t.startswith(("лист", "л.")) or (t in {"л", "лист"}):
                for x in line[i + 1 : i + 4]:
                    m = re.search(r"(\d+)$", x.text.strip(".,:;"))
                    if m and len(m.group(1)) <= 4 and sum(ch.isalpha() for ch in x.text) <= 2:
                        h.sheet = int(m.group(1))
                        sheet_words = line[i : i + 4]
                        break
                break
    for line in lines:
        text = " ".join(w.text for w in line)
        if h.month is None:
            for i, w in enumerate(line):
                nums = [digits(x.text) for x in line[i + 1 : i + 3]]
                year = next((int(n) for n in nums if len(n) == 4 and YEARS[0] <= int(n) <= YEARS[1]), None)
                if year is None:
                    continue
                before = line[i - 1].text.lower().strip(".") if i > 0 else ""
                mon = _month(w.text, in_context=before in {"м", "месец", "за"})
                if mon is None:
                    continue
                h.month, h.year = mon, year
                h.period_conf = min([w.conf] + [x.conf for x in line[i + 1 : i + 2]])
                break
        if h.employer is None:
            rest = [w for w in line if w not in sheet_words and w.box.x0 < page_width * 0.62]
            upper = text.upper()
            if rest and not any(t in upper for t in _TITLE_WORDS) and _month(text.split()[-1]) is None:
                name = clean_employer(rest)
                if name and sum(ch.isalpha() for ch in name) >= 4:
                    h.employer = name
                    h.employer_conf = min(w.conf for w in rest)
    return h
