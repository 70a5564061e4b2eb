"""The sheet's header above the table: employer, the month and year it pays, the sheet number."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from .address_line import address_line, before_address, starts_address
from .employer_doubts import doubt
from .employer_end import cut_doubt
from .employer_marks import one_sided_dashes, village_doubts
from .fax_header import by_sender, fax_line, sender_words
from .fill_dots import fill_dots
from .form_imprint import without_form_numbers
from .geometry import Box, Word
from .hunspell_bg import common_word
from .name_leaders import without_dot_words, without_leaders
from .name_run import name_words, word_after
from .names import lexicon as name_lexicon
from .normalise import digits, quotes
from .number_sign import LOOKALIKES as _NUMBER_SIGN_LOOKALIKES
from .number_sign import lost_signs, sign_and_three, typed_sign, unread_signs
from .period_range import ROMAN_MONTHS, dated_range
from .printout_header import (
    centre_line,
    edge_mark,
    right_employer,
    short_year,
    tractor_holes,
    unknown_client_label,
    without_client_label,
)
from .quote_openings import earlier_opening_holds, open_lost
from .read_as_written import confidence, stands
from .superior_body import (
    misread_above_form,
    municipality_above_form,
    names_ministry,
    names_superior,
    names_unit,
)
from .unread_ink import UNREAD, ink_before, place_unmarked
from .wide_dust import unread_word_at_ends, wide_at_ends

MONTHS = (
    "януари", "февруари", "март", "април", "май", "юни",
    "юли", "август", "септември", "октомври", "ноември", "декември",
)  # fmt: skip
LATIN_LETTERS = str.maketrans(
    {"A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н", "K": "К", "M": "М",
     "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х", "x": "х", "y": "у"}
)  # fmt: skip
# The archive holds sheets of 1980-1996 (domain.md); a year outside is a misreading, not a period.
YEARS = (1980, 1996)
_TITLE_WORDS = ("ВЕДОМОСТ", "РАЗЧЕТНО", "ПЛАТЕЖНА", "ЗАПЛАТИ")
# the words a printout's title has besides ("ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ", family P)
_MORE_TITLE_WORDS = ("ВЪЗНАГРАЖДЕНИЕ", "ЗАПЛАТА")


def title_word(text: str) -> bool:
    """A word of the sheet's title, also "ВЕДОМОСТ" with a letter or two misread ("мЕДОМОСТ", "ВЕДОМО«Т")."""
    up = text.upper().strip(".,:;\"'")
    return any(t in up for t in _TITLE_WORDS + _MORE_TITLE_WORDS) or (
        len(up) >= 7 and Levenshtein.distance(up, "ВЕДОМОСТ", score_cutoff=2) <= 2
    )
# a Bulgarian quote read as a guillemet ("«Родопа-94"): the sheets' typewriters have „“ only
_GUILLEMETS = str.maketrans({"«": "„", "»": "“", "‹": "„", "›": "“"})
# what an employer's name is made of besides letters and digits; anything else is a misreading to check
_QUOTE_MARKS = "„“\".,"
_NAME_MARKS = frozenset(" „“-–.,№/()&\"'")


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
    employer_review: str | None = None  # why a person should check the employer's name (None: no doubt)
    employer_words: tuple[Word, ...] = ()  # the words the name was read from (a second reading's crop)
    period_conf: float = 0.0
    month_word: Word | None = None  # the words the period was read from (``ocr.period`` reads them again)
    year_word: Word | None = None
    period_review: str | None = None  # why a person should check the period as read (None: no doubt)
    period_bbox: list[int] | None = None  # the doubted words in the image as stored
    month_unsure: str | None = None  # why a month written as a number or in Roman numerals is in doubt
    period_line: tuple[Word, ...] = ()  # the line with the year where no month was read (``ocr.roman_month``)
    last_day: int | None = None  # the period's last day where it is written as a range ("от 1 до 31 юли")
    range_doubt: str | None = None  # why the period's two dates do not confirm its month (``ocr.period_range``)
    year_readings: tuple[int, ...] = ()  # the years the readings of a doubted year gave, the one taken first
    year_short: bool = False  # the year word stands where a year of two digits does ("м. март '84"), unread
    year_lost: bool = False  # the year read with three digits of its four ("Юни, 892 год."): sure only when read again so
    block_years: tuple[int, ...] = ()  # the years a title block's date and archive number give (``ocr.title_block``)


def _by_middle(words: list[Word]) -> list[list[Word]]:
    """Words in lines by their middles, top to bottom: a word joins the line whose mean middle is nearest its
    own, when that is within half a letter's height (the line's median height or the word's)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.box.cy):
        # the line's middle and height as its words give them, not its first word's: a small word highest
        # on the line (the sheet number's "Ке" far right) put "гр." of the name on a line of its own (N dev
        # 6007 p3: "Мелница „Зора“ Попово гр" out without a doubt); the nearest line, not the first one
        # near enough: a tall word between two close lines went to the upper one
        near = []
        for i, line in enumerate(lines):
            off = abs(w.box.cy - float(np.mean([x.box.cy for x in line])))
            if off < 0.5 * max(float(np.median([x.box.h for x in line])), w.box.h):
                near.append((off, i))
        if near:
            lines[min(near)[1]].append(w)
        else:
            lines.append([w])
    return lines


def _split_band(words: list[Word]) -> list[list[Word]]:
    """A text band that holds two lines (the title and the period under it joined by a speck or the back of
    the sheet showing through, N dev 6001 p6: "от 7 до ЗА 31 ТРУДОВИ яли 1984") as its lines: each line with
    two words of two letters or digits at least; marks and single letters go with the nearest line."""
    parts = _rejoin_sloped(_by_middle(words))
    big = [p for p in parts if sum(sum(ch.isalnum() for ch in w.text) >= 2 for w in p) >= 2]
    if not big:
        return [words]
    middles = [float(np.mean([w.box.cy for w in p])) for p in big]
    small = [p for p in parts if not any(p is b for b in big)]
    own = [p for p in small if _line_of_its_own(p, big, middles)]
    if len(big) + len(own) < 2:
        return [words]
    for p in small:
        if not any(p is o for o in own):
            for w in p:
                big[int(np.argmin([abs(w.box.cy - m) for m in middles]))].append(w)
    return sorted(big + own, key=lambda p: float(np.mean([w.box.cy for w in p])))


def _rejoin_sloped(parts: list[list[Word]]) -> list[list[Word]]:
    """Parts of one sloping line put together again: the engine read them on one line (the same block,
    paragraph and line), side by side (neither reaches over the other), their middles less than a letter's
    height apart. A cockled sheet's line falls a letter's height from its start to its end (AG dev 25002 p2:
    "Мини „Бобов дол“ - гр. Бобов дол" split in two, the town's half went under it)."""
    out: list[list[Word]] = []
    for p in sorted(parts, key=lambda p: min(w.box.x0 for w in p)):
        ids = {w.line for w in p}
        for q in out:
            if len(ids) == 1 and ids == {w.line for w in q} and ids != {(0, 0, 0)}:
                height = float(np.median([w.box.h for w in q + p]))
                side = min(w.box.x0 for w in p) >= max(w.box.x1 for w in q)
                near = abs(np.mean([w.box.cy for w in p]) - np.mean([w.box.cy for w in q])) < height
                if side and near:
                    q.extend(p)
                    break
        else:
            out.append(list(p))
    return sorted(out, key=lambda p: float(np.mean([w.box.cy for w in p])))


def _line_of_its_own(part: list[Word], big: list[list[Word]], middles: list[float]) -> bool:
    """Is a short part of a band (one word and a number: "Участък 3") a line of its own, not marks of the
    nearest line? When it holds a word of three letters, the engine read it on a line none of the band's
    lines holds (its block, paragraph and line), and it lies more than half a letter's height from the
    nearest line's middle. The lines of a sheet photographed cockled slope (AG dev 25001 p1: the unit's
    line "Участък 3" went onto the employer's line above it, read "Участък Строителен 3 трест ..." and the
    association's line "ДСО „...“" over it came out as the employer without a doubt)."""
    if not any(sum(ch.isalpha() for ch in w.text) >= 3 for w in part) or any(w.line == (0, 0, 0) for w in part):
        return False
    ids = {w.line for line in big for w in line}
    if any(w.line in ids for w in part):
        return False
    cy = float(np.mean([w.box.cy for w in part]))
    k = int(np.argmin([abs(cy - m) for m in middles]))
    return abs(cy - middles[k]) > 0.5 * float(np.median([w.box.h for w in big[k]]))


def lines_of(words: list[Word], bands: list[tuple[int, int]] | None = None) -> list[list[Word]]:
    """Group words into visual lines (the text bands found on the image when given, a band split where it
    holds two lines), top to bottom, each left to right."""
    if bands:
        by_band: list[list[Word]] = [[] for _ in bands]
        for w in words:
            for i, (y0, y1) in enumerate(bands):
                if y0 - 6 <= w.box.cy <= y1 + 6:
                    by_band[i].append(w)
                    break
        split = [line for band in by_band if band for line in _split_band(band)]
        return [sorted(line, key=lambda w: w.box.x0) for line in split]
    return [sorted(line, key=lambda w: w.box.x0) for line in _by_middle(words)]


def month_letters(word: str) -> str:
    """A month word's letters as compared with ``MONTHS`` (Latin look-alikes made Cyrillic)."""
    return re.sub(r"[^а-я]", "", word.lower().translate(LATIN_LETTERS))


def _month(word: str, *, in_context: bool = False) -> int | None:
    """The month a word names. Short words must match exactly, unless the word stands where a month must
    (between "за м." and a year): then one misread letter is allowed when only one month fits."""
    w = month_letters(word)
    if len(w) < 3:
        return None
    dist = [(levenshtein(w, m), i) for i, m in enumerate(MONTHS, 1)]
    best_d, best = min(dist)
    limit = (1 if in_context else 0) if len(w) <= 3 else 1 if len(w) <= 5 else 2
    if best_d > limit or sum(1 for d, _ in dist if d == best_d) > 1:
        # an abbreviation ("септ.", "окт.", "февр."): the one month it begins
        starts = [i for i, m in enumerate(MONTHS, 1) if m.startswith(w) and m != w]
        return starts[0] if word.endswith(".") and len(starts) == 1 else None
    return best


# Words of employers' names (data, ocr/data/employer_words.json): places, legal forms, enterprises' nouns,
# the people and words enterprises were named after. A near-miss is corrected to one of them, never guessed.
WORDS_FILE = Path(__file__).with_name("data") / "employer_words.json"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    raw = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    places = [p for k in ("towns", "villages") for p in raw[k]]
    words = {w for p in places + raw["nouns"] for w in p.split() if len(w) >= 4}
    return {
        "legal_forms": frozenset(raw["legal_forms"] + raw["combines"]),  # the combines' abbreviations alike
        "words": frozenset(words),
        "places": frozenset(places),
        "dedications": frozenset(raw["dedications"]),
        "stems": frozenset(raw["stems"]),
        "councils": frozenset(raw["councils"]),
    }


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """The words of the listed towns' and villages' names ("Горна", "Липница"): a common word read near one
    ("Горка") is a place misread, not a word standing as read (``ocr.read_as_written``)."""
    return frozenset(w for p in vocabulary()["places"] for w in p.split())


LOW_CONF = 0.6  # a word of the employer's name read with less confidence goes to a person unless it is known
# a legal form read with less confidence, another form one letter from it, goes to a person: a hand's "ППК" read
# "АПК" at 0.66 (T dev 12020 p1) is a known form all the same
FORM_SURE = 0.75
# the legal forms and the combines' abbreviations ("КЦМ", "МДК": Z's header plates, printed as written)
_RAW_FORMS = json.loads(WORDS_FILE.read_text(encoding="utf-8"))  # the word list read once at import
_ABBREVIATIONS = tuple(_RAW_FORMS["legal_forms"]) + tuple(_RAW_FORMS["combines"])
_LISTED_ABBREVIATIONS = frozenset(_ABBREVIATIONS) | frozenset(_RAW_FORMS["councils"])
_COMPANY_FORMS = frozenset({"АД", "ЕАД", "ООД", "ЕООД"})  # a company's name before them is quoted
_DIGIT_LETTERS = str.maketrans({"0": "О", "3": "З", "6": "Б"})  # a legal form's letters read as digits
# the people's and municipal councils' abbreviations in capitals -> as written ("ОБНС" -> "ОбНС")
_COUNCILS = {c.upper(): c for c in _RAW_FORMS["councils"]}
# the listed abbreviations written with a small letter inside ("ОбНС", "ВиК"): no capital misread in a word
_MIXED_CASE = frozenset(a for a in [*_ABBREVIATIONS, *_RAW_FORMS["councils"]] if re.search(r"[а-я][А-Я]", a))


def near_word(core: str, conf: float = 1.0) -> str | None:
    """The one vocabulary word ``core`` is a near-miss of: one letter away, or two for a word of seven
    letters or more read with low confidence; None when none or several are that near."""
    words = vocabulary()["words"]
    if len(core) < 4 or core in words or not core.isalpha():
        return None
    for limit in (1, 2) if (len(core) >= 7 and conf < 0.6) else (1,):
        near = [w for w in words if abs(len(w) - len(core)) <= limit
                and Levenshtein.distance(core, w, score_cutoff=limit) <= limit]  # fmt: skip
        if near:
            return near[0] if len(near) == 1 else None
    return None


def _town(tok: str, conf: float = 1.0, doubts: list[str] | None = None, as_read: bool = False) -> str:
    """A word outside quotes one letter from exactly one known word of employers' names is that word
    (two letters from it, read with low confidence, or one from it and a common word itself: corrected, and the
    name goes to a person); not a common word read with confidence (``as_read``, ``ocr.read_as_written``:
    "Мини" is no misread "Мина"), nor one read unsure near a word that is no place's (kept, and doubted)."""
    core = tok.strip(".,")
    words = vocabulary()["words"]
    if core.islower() and core not in words and core.capitalize() in words:  # "кърджали": a place's capital
        return tok.replace(core, core.capitalize())
    if "„" in core or "“" in core or not core[:1].isupper():
        return tok
    near = near_word(core, conf)
    if near and as_read and near not in place_words():
        return tok
    # a common word read unsure one letter from a listed noun ("Мини", the plural, near the list's "Мина": X dev
    # 16002): another form of the word as likely as a misread; kept as read, the listed word offered to a person
    if near and doubts is not None and near not in place_words() and common_word(core):
        doubts.append(doubt("maybe", core, near))
        return tok
    # two letters off, or a word itself ("Мини" read unsure, "Горка"): the list's word is a guess, a person checks
    if near and doubts is not None and (Levenshtein.distance(core, near) > 1 or common_word(core)):
        doubts.append(doubt("corrected", core, near))
    return tok.replace(core, near) if near else tok


def _outside_quotes(toks: list[str]) -> list[bool]:
    """For each token: does it stand outside a quoted name ("ЕТ „Марин Колев – МК“ Силистра")?"""
    out, open_ = [], False
    for t in toks:
        starts = t.startswith("„")
        out.append(not (open_ or starts))
        if starts:
            open_ = True
        if "“" in t:
            open_ = False
    return out


def _nearer_listed(inner: str, apart: int) -> bool:
    """Is ``inner`` (a quoted name) a listed place or word, or nearer one than ``apart`` letters? Then it is
    that, not a dedication two letters off: „Черноморец“ (a village's name, a fishery's) went out as
    „Черно море“ without a doubt (AP eval seed 2065, 2 of 16 pages)."""
    known = vocabulary()["places"] | vocabulary()["words"]
    if inner in known:
        return True
    return apart > 1 and any(Levenshtein.distance(inner, k, score_cutoff=apart - 1) < apart for k in known)


def _dedication(name: str) -> str:
    """A quoted name one or two letters from exactly one person or word enterprises were named after
    („А. Вапцаров“ -> „Н. Вапцаров“); anything else stays as read."""
    def fix(m: re.Match[str]) -> str:
        inner = m.group(1)
        if len(inner) < 6 or inner in vocabulary()["dedications"]:
            return m.group(0)
        limit = 1 if len(inner) < 10 else 2
        near = [d for d in vocabulary()["dedications"]
                if Levenshtein.distance(inner, d, score_cutoff=limit) <= limit]  # fmt: skip
        if len(near) != 1 or _nearer_listed(inner, Levenshtein.distance(inner, near[0])):
            return m.group(0)
        return f"„{near[0]}“"

    return re.sub(r"„([^„“]+)“", fix, name)


def _balance_quotes(name: str, closed_by_town: list[bool] | None = None) -> str:
    """Every „ closed by a “: a closing quote read as ':' or '.' is put back; an opening quote that closes
    nothing is noise; colons and semicolons are not part of employers' names."""
    toks = name.split()
    out: list[str] = []
    open_ = False
    closed_by_town = [] if closed_by_town is None else closed_by_town
    for k, tok in enumerate(toks):
        if tok.startswith("„"):
            first = max((i for i, t in enumerate(out) if t.startswith("„")), default=None)
            if open_ and first is not None and earlier_opening_holds([*out, *toks[k:]], first, k, vocabulary()["dedications"]):
                tok = tok[1:]  # '„Христо "Смирнейски“': the second opening a speck ("Христо Смирненски" a dedication)
                if "“" in tok:
                    open_ = False
                out.append(tok)
                continue
            if open_:  # a second opening before any closing: the earlier one was noise
                for i in range(len(out) - 1, -1, -1):
                    if out[i].startswith("„"):
                        out[i] = out[i][1:]
                        break
            open_ = "“" not in tok
            closed_later = any("“" in t for t in toks[k + 1 :])
            # "„Металик:" closes its own quote; "„Н. Вапцаров“" (an initial) and "„Балкантурист. – ...“" do not;
            # nor does a short word's full stop before the closing quote: "„Св. Анна“" (W dev 15005 p1), an abbreviation's
            abbreviated = tok[-1] == "." and len(tok) <= 4 and closed_later
            if open_ and tok[-1] in ":;.,!'\"" and len(tok) > 3 and not abbreviated:
                # closed by its own mark, unless a closing quote follows: then the mark is a speck
                tok = tok[:-1] + ("" if closed_later else "“")
                open_ = closed_later
        elif open_ and "“" in tok:
            open_ = False
        out.append(tok)
    if open_:  # never closed: a later word ending in a mark the closing quote was read as, else drop it
        i0 = max(i for i, t in enumerate(out) if t.startswith("„"))
        # the village's or town's "с."/"гр." after it: the quoted name ended before them
        town = next((j for j in range(i0 + 1, len(out)) if out[j].lower().rstrip(".,") in ("с", "гр")), None)
        for j in range(i0 + 1, len(out) if town is None else town):
            if len(out[j]) > 2 and out[j][-1] in ".:;,'\"" and out[j][-2].isalnum():
                out[j] = out[j][:-1] + "“"
                break
        else:
            if town is not None and town > i0 + (0 if len(out[i0]) > 1 else 1):
                # the quoted name ends before the village's or town's "с."/"гр." ('„Загоре гр. Стара Загора'):
                # the closing quote put there (the name goes to a person all the same: ``quote_unclosed``)
                out[town - 1] += "“"
                closed_by_town.append(True)
            else:
                out[i0] = out[i0][1:]
    return " ".join(t.replace(":", "").replace(";", "") for t in out if t.replace(":", "").replace(";", ""))


_DASHES = {"-", "–", "—", "--"}
_DASH_LOOKALIKES = {">", "~", "=", "_", "+"}  # a lone dash between two words read as another stroke
_CROSSED_DASH = "+"  # a dash with a speck across it (N dev 6022 p1): taken for the dash, the name goes to a person


def _abbreviation(tok: str, substitute: bool = True, doubts: list[str] | None = None) -> str:
    """A legal form's abbreviation with one letter misread ("АФ", "1Ф" for "ДФ"): the one known
    abbreviation of the same length one letter away, the last letter kept when several are. Legal forms
    are a closed list of short words one letter apart ("КГ" is one from "КД" and the sheet said "ЕТ"), so
    a letter put in for another is never sure: the name goes to a person (``doubts``)."""
    core = tok.strip(".,")
    # a letter read twice, once as a small one beside its capital ("ДИПп", "Ццдг", "ТПкК": Y dev 17008 p3, 17009 p2)
    twice = {core[:i] + core[i + 1 :] for i, ch in enumerate(core)
             if ch.islower() and ch.upper() in (core[i - 1 : i] + core[i + 1 : i + 2])}  # fmt: skip
    single = {t.upper() for t in twice} & set(_ABBREVIATIONS)
    if len(single) == 1 and len(core) >= 3:
        return tok.replace(core, single.pop())
    if (council := _council(core, doubts)) is not None:
        return tok.replace(core, council)
    if not (2 <= len(core) <= 4) or core in _ABBREVIATIONS or not all(ch.isupper() or ch.isdigit() for ch in core):
        return tok
    if core.translate(_DIGIT_LETTERS) in _ABBREVIATIONS and not core.isdigit():  # "00Д" for "ООД"
        return tok.replace(core, core.translate(_DIGIT_LETTERS))
    if not substitute:
        return tok
    near = [a for a in _ABBREVIATIONS if len(a) == len(core) and levenshtein(a, core) == 1]
    if len(near) > 1:
        near = [a for a in near if a[-1] == core[-1]]
    if len(near) != 1:
        return tok
    if doubts is not None:
        doubts.append(doubt("form_substituted", core, near[0]))
    return tok.replace(core, near[0])


def _council(core: str, doubts: list[str] | None) -> str | None:
    """The listed council a reading of capitals and digits stands for: its small letter read as a digit or a
    capital ("О6НС", "06НС", "ОБНС" for "ОбНС"), or so with a mark more or less ("О06НС": the "б" read as two
    digits; corrected, and the name goes to a person); None for any other word."""
    if not (2 <= len(core) <= 6) or core in _COUNCILS.values() or not all(ch.isupper() or ch.isdigit() for ch in core):
        return None
    if core.isdigit():
        return None
    as_letters = core.translate(_DIGIT_LETTERS)
    if as_letters in _COUNCILS:
        return _COUNCILS[as_letters]
    near = [c for c in _COUNCILS if len(c) >= 3 and levenshtein(as_letters, c) == 1]
    if len(near) != 1 or len(core) < 4 or not any(ch.isdigit() for ch in core):
        return None
    if doubts is not None:
        doubts.append(doubt("corrected", core, _COUNCILS[near[0]]))
    return _COUNCILS[near[0]]


def _near_form(core: str) -> bool:
    """Three or four capitals one letter from a listed legal form of their length ("АПЖ" for "АПК")."""
    return 3 <= len(core) <= 4 and core.isupper() and any(len(a) == len(core) and levenshtein(a, core) == 1 for a in _ABBREVIATIONS)


_PREPOSITIONS = frozenset({"ЗА", "НА", "ПО", "ОТ", "ДО", "КЪМ", "ПРИ"})


def _preposition(core: str, nxt: str) -> bool:
    """A preposition in capitals before a word of three letters or more that is no legal form ("ЗАВОД ЗА КАБЕЛИ"):
    between two words of a name in capitals it is no legal form misread (a form stands first or after the quoted
    name, before the town's dash)."""
    after = nxt.strip("„“.,")
    return core in _PREPOSITIONS and sum(ch.isalpha() for ch in after) >= 3 and after.upper() not in _ABBREVIATIONS


def _form_like(core: str) -> bool:
    """Two to four capitals that are no listed legal form and no known word ("АЛ", "ЕАЛ", "ООЛ"): after the
    quoted name a legal form misread, not a word of the name (towns are written in small letters)."""
    words = vocabulary()["words"]
    return (2 <= len(core) <= 4 and core.isalpha() and core.isupper() and core not in _ABBREVIATIONS
            and core not in words and core.capitalize() not in words)  # fmt: skip


def _legal_form_doubt(tok: str, doubts: list[str] | None) -> str:
    """The first word outside quotes that looks like a legal form's abbreviation but is none: one letter
    too many ("САПК": only "АПК" is one letter shorter) is that form, else left as read; either way the
    name goes to a person ("До": "ДФ" or "ДП"?)."""
    core = tok.strip("„“.,")
    # two small letters ("де" for "ДФ", J dev 1003 p4) are no word a name starts with, but "гр." and "им."
    small = len(core) == 2 and core.islower() and core not in ("гр", "им")
    # a speck or a staple's mark glued before a form of four letters ("УЗКПУ", "УТКЗС": T dev 12026, 12034)
    glued = len(core) == 5 and core.isupper() and (core[1:] in _ABBREVIATIONS or core[:-1] in _ABBREVIATIONS)
    if not (2 <= len(core) <= 4 or glued) or not (core[:1].isupper() or small) or core.upper() in _ABBREVIATIONS or not core.isalpha():
        return tok
    if core in ("ГР", "ИМ") and tok.endswith("."):  # "ГР." of a name in capitals (a printout's, family P)
        return tok
    # "Дий": three letters in mixed case one letter from a legal form ("ДИП"), no word of names either
    near_form = len(core) >= 3 and any(len(a) == len(core) and levenshtein(a, core.upper()) == 1 for a in _ABBREVIATIONS)
    if core in vocabulary()["words"] or not (core.isupper() or len(core) == 2 or near_form):
        return tok
    shorter = {core[:i] + core[i + 1 :] for i in range(len(core))} & set(_ABBREVIATIONS) if core.isupper() else set()
    if doubts is not None:
        doubts.append(doubt("form_unknown", core))
    if len(shorter) == 1:
        return tok.replace(core, next(iter(shorter)))
    # else the one form of three letters or more a letter from it ("Дку" for "ДКЦ", Q dev 9002 p7), doubted all the same
    same = [a for a in _ABBREVIATIONS if len(a) == len(core) >= 3 and levenshtein(a, core.upper()) == 1]
    return tok.replace(core, same[0]) if not shorter and len(same) == 1 else tok


def quoted_near_misses(name: str, doubts: list[str] | None = None, words: list[Word] | None = None) -> str:
    """A word of a quoted name one letter from exactly one known word of the same length (a place, an
    enterprise's noun, a person's first or family name: „Нарин Колев“ -> „Марин Колев“) is that word, and
    the name goes to a person: a quoted name may be a made-up word, so the change is never silent. A common
    word read with confidence (``words``: as read) stays („Мини Бобов дол“, ``ocr.read_as_written``)."""
    known = vocabulary()["words"] | name_lexicon() | {w for d in vocabulary()["dedications"] for w in d.split()}

    def mend(word: str) -> str:
        core = word.strip(".,-–")
        if len(core) < 4 or not core.isalpha() or not core[0].isupper() or core in known:
            return word
        # one letter read as another (a brand made from a place by a letter more, „Сливко“, stays)
        near = [w for w in known if len(w) == len(core) and Levenshtein.distance(core, w, score_cutoff=1) <= 1]
        if near and words is not None and stands(core, confidence(core, words)) and not set(near) & place_words():
            return word
        if len(near) == 1:
            if doubts is not None:
                doubts.append(doubt("corrected", core, near[0]))
            word = word.replace(core, near[0])
        return word

    def fix(m: re.Match[str]) -> str:
        # each part of a hyphened word too (N dev 6008 p3: „Хлебозавод-Старя Загора“: "Старя" -> "Стара")
        out = ["-".join(mend(part) for part in word.split("-")) for word in m.group(1).split(" ")]
        return "„" + " ".join(out) + "“"

    return re.sub(r"„([^„“]+)“", fix, name)


def _form_after_quote(words: list[Word], i: int) -> bool:
    """Word ``i`` is capitals in a legal form's place right after the quoted name ("„Химко“ ЕНД", read at 0.2:
    U dev 13001 p3, dropped as dust and the name out as '„Химко“' without a doubt): kept, to be read as the form
    it is one letter from or doubted (``clean_employer``)."""
    core = words[i].text.strip(".,").translate(LATIN_LETTERS)
    return i > 0 and words[i - 1].text.rstrip(".,").endswith(("“", '"')) and (_form_like(core) or core in _ABBREVIATIONS)


def _works_for(kept: list[str], doubts: list[str] | None) -> list[str]:
    """ "ЗАВОД ЗК ГУМИ" -> "ЗАВОД ЗА ГУМИ": after the noun "завод" a two-letter word one letter from "за" is
    the preposition of "Завод за гуми", not a legal form (no form follows "завод"; Z dev 18004, a header plate's
    blocky А read К). A letter put in: a person checks it (``doubts``)."""
    out = list(kept)
    for i in range(1, len(out)):
        t = out[i]
        if out[i - 1].lower() == "завод" and len(t) == 2 and t.lower() != "за" and levenshtein(t.lower(), "за") == 1:
            out[i] = "ЗА" if out[i - 1].isupper() else "за"
            if doubts is not None:
                doubts.append(doubt("form_substituted", t, out[i]))
    return out


def clean_employer(words: list[Word], doubts: list[str] | None = None) -> str | None:
    """The employer's name as printed: Cyrillic letters, Bulgarian quotes, known abbreviations upper-case.
    ``doubts`` gets why a person should check it: a word read with low confidence that is no known word,
    a word corrected by two letters."""
    wide = {id(w) for w in wide_at_ends(words)}  # a word read as one letter: ink unread, doubted below
    kept = [
        w.text for i, w in enumerate(words) if id(w) not in wide and any(ch.isalnum() for ch in w.text)
        and (w.conf >= 0.3 or len(w.text) >= 4 or w.text.strip(".,").translate(LATIN_LETTERS) in _ABBREVIATIONS)
        or (w.text in _DASHES | _DASH_LOOKALIKES and w.conf >= 0.3  # "ЕООД – Ловеч": the name's dash
            and (w.text != _CROSSED_DASH or w.box.h < 0.7 * w.box.w))  # a "+" flat as a dash, not a cross
        or (w.text == "№" and w.conf >= 0.3)  # an institution's number: "Поликлиника № 3", "ОДЗ № 5" (family Q)
        or _form_after_quote(words, i)
    ]  # fmt: skip
    if doubts is not None:  # a word of letters between the name's words dropped as dust: "Дърводелски цет „Бор“"
        inner = [w for w in words if any(ch.isalnum() for ch in w.text) and w.text in kept]
        lo, hi = (words.index(inner[0]), words.index(inner[-1])) if inner else (0, -1)
        # also before the first word kept: "ЖП" (0.29) for the legal form "ДП" of "ДП „Пътно поддържане“"
        doubts += [doubt("dropped", w.text) for w in words[: max(lo, 0)]
                   + words[lo + 1 : hi] if w.text not in kept and sum(ch.isalpha() for ch in w.text) >= 2]  # fmt: skip
        # marks no speck explains before the name's first word kept ('/.. Строй“ 00Д': "„Бисер" read as marks,
        # U dev 13002 p2, the opening quote then put back before "Строй“"): a word unread
        if any(len(w.text) >= 2 and not any(ch.isalnum() for ch in w.text)
               and any(ch not in _PLAIN_MARKS for ch in w.text) for w in words[: max(lo, 0)]) or unread_word_at_ends(words):  # fmt: skip
            doubts.append(UNREAD)
    if doubts is not None and (cut := cut_doubt(kept)) is not None:  # '... стопанство“ – гр': the end cut off?
        doubts.append(cut)
    while kept and kept[0] in _DASHES | _DASH_LOOKALIKES:
        kept.pop(0)
    while kept and kept[-1] in _DASHES | _DASH_LOOKALIKES:
        kept.pop()
    if doubts is not None and _CROSSED_DASH in kept:
        doubts.append(doubt("odd_mark", _CROSSED_DASH))
    kept = ["–" if t in _DASHES | _DASH_LOOKALIKES else t for t in kept]
    kept = sign_and_three(kept, _DASHES)
    kept = _za_as_digits(kept, doubts)
    # "№" read as a letter between a word and a number ("Поликлиника м 3", "ОДЗ N 5"): no name has a lone
    # letter there, the sign of the institution's number does (family Q)
    kept = ["№" if t in _NUMBER_SIGN_LOOKALIKES and 0 < i < len(kept) - 1 and kept[i + 1].isdigit()
            and kept[i - 1].isalpha() else t for i, t in enumerate(kept)]  # fmt: skip
    if doubts is not None:  # a number right after a word outside quotes: its "№" lost ("Поликлиника 3")?
        outside = _outside_quotes(kept)
        doubts += [doubt("number_unsigned", f"{kept[i - 1]} {t}") for i, t in enumerate(kept)
                   if i > 0 and outside[i] and t.isdigit() and len(t) <= 3 and kept[i - 1].isalpha()]  # fmt: skip
        # a company's form after a word and no quote on the line: its name's faint quotes dropped as specks?
        # (S dev 11028 p1: 'Хотел Родина ЕАД – Смолян' for 'Хотел „Родина“ ЕАД', out without a doubt)
        if not any(q in t for t in kept for q in "„“\""):
            # (the word as kept, a mark glued to it the quote read as another: "Родина:")
            bare = [t.strip(".,:;'!|") for t in kept]
            doubts += [doubt("quotes_missing", bare[i - 1]) for i, t in enumerate(kept)
                       if i > 0 and t in _COMPANY_FORMS and bare[i - 1].isalpha() and bare[i - 1][:1].isupper()
                       and bare[i - 1] not in _ABBREVIATIONS]  # fmt: skip
    # a dash read as a look-alike (">") and found again in the gap beside it (``lost_dashes``) is one dash
    # (K dev 3014 p2: 'ЕТ „Вели – – 2“ с. Черноочене' out without a doubt): no name has two in a row
    kept = [t for i, t in enumerate(kept) if not (t == "–" and i > 0 and kept[i - 1] == "–")]
    conf_of = {w.text.strip("„“\"',.").translate(LATIN_LETTERS): w.conf for w in words}
    name = " ".join(kept).translate(LATIN_LETTERS).translate(_GUILLEMETS)
    name = quotes(re.sub(r"\s+", " ", name)).strip(" .,:;|!")
    # a closing quote glued after a town's abbreviation is a speck: "с." and "гр." stand before the place's
    # name, never at a quoted name's end (N dev 6001 p12: 'ЕТ „Вели – 2“ с.” Черноочене' came out
    # 'ЕТ „Вели – „2“ с.“ Черноочене', the lost opening quote put back before "2“", without a doubt)
    name = re.sub(r"(^|\s)(с|гр|С|ГР)\.[“”\"](?=\s)", r"\1\2.", name)
    # a speck read as a dash or full stop glued to a word's edge: "-ЗПК", "„Родопа“.Смолян", "Смолян-"
    name = re.sub(r"^[-–—_.,](?=[А-ЯA-Z„])", "", name)
    name = re.sub(r"(?<=\s)[_.,](?=[А-ЯA-Z„])", "", name)
    # a dash with a space on one side only, inside the name ("ЕООД –Ловеч"): the name's dash or a hyphen,
    # never silently dropped as a speck (``ocr.employer_marks``)
    name = one_sided_dashes(name, doubts)
    name = re.sub(r"“[-–—.,](?=[А-Я])", "“ ", name).strip(" -–—_")
    # glued before a town's abbreviation: a full stop is a speck, a comma the town's (L dev 4001 p1: "„Балкан“.гр.")
    name = re.sub(r"“([.,])(?=(?:гр|с)\.)", lambda m: "“, " if m.group(1) == "," else "“ ", name)
    toks = name.split()
    while toks and len(toks[-1].strip("„“.,")) <= 1 and toks[-1].islower():  # dust read as a letter
        toks.pop()
    while toks and len(toks[0].strip("„“.,")) <= 1 and toks[0].islower():
        toks.pop(0)
    # a lone digit or capital before the quoted name or a legal form (N dev 6004 p2: a hole's edge read "1"
    # before „Металик“; T dev 12002 p5: a staple's stroke read "Х" before "ППК", out without a doubt): no
    # name begins so; dropped, and the name goes to a person
    # (a form of three letters or more with one misread too: "А АПЖ „Златен клас“", T dev 12023 p3; marks with no
    # letter, the form's place: "0) „Отец Паисий“" for "ОУ", AF dev 24006 p2)
    lone = len(toks[0]) == 1 and (toks[0].isdigit() or toks[0].isupper()) if toks else False
    markish = bool(toks) and len(toks[0]) <= 3 and not any(ch.isalpha() for ch in toks[0]) and toks[0] not in _DASHES
    if len(toks) >= 2 and (lone or markish and toks[0] != "№") and (
        toks[1].startswith("„") or toks[1].strip(".,") in _ABBREVIATIONS or _near_form(toks[1].strip(".,"))
    ):
        if doubts is not None:
            doubts.append(doubt("dropped", toks[0]))
        toks.pop(0)
    # capitals read unsure before a legal form (T dev 12002 p6: a staple's stroke read "ЛА" at 0.31 before "ППК",
    # taken for the form "ЛС"): no name has two forms in a row; dropped, and the name goes to a person
    if (len(toks) >= 2 and 2 <= len(toks[0]) <= 4 and toks[0].isalpha() and toks[0].isupper()
            and conf_of.get(toks[0], 1.0) < LOW_CONF and toks[1].strip(".,").upper() in _ABBREVIATIONS):  # fmt: skip
        if doubts is not None:
            doubts.append(doubt("dropped", toks[0]))
        toks.pop(0)
    out = []
    for i, (tok, free) in enumerate(zip(toks, _outside_quotes(toks), strict=True)):
        core = tok.strip("„“.,")
        if core.upper() in _ABBREVIATIONS:  # legal forms are written without a full stop ("ПК." is a speck)
            tok = tok.replace(core, core.upper()).rstrip(".") if free else tok.replace(core, core.upper())
        elif free and i == 0 and _abbreviation(tok).strip("„“.,") not in _ABBREVIATIONS:
            tok = _town(_legal_form_doubt(tok, doubts), min(conf_of.get(core, 1.0), 1.0), doubts,
                        stands(core, conf_of.get(core, 0.0)))
        elif free and 0 < i < len(toks) - 1 and _preposition(core, toks[i + 1]):
            pass  # "ЗАВОД ЗА КАБЕЛИ", "МИНИСТЕРСТВО НА ОТБРАНАТА": a name in capitals (families AA, AB), no form
        elif free and i > 0 and _form_like(core):  # "„Стомана“ АЛ": in a legal form's place, capitals no form has
            tok = _abbreviation(tok, doubts=doubts)
            tok = tok if tok.strip("„“.,") in _ABBREVIATIONS else _legal_form_doubt(tok, doubts)
        elif free and i > 0 and toks[i - 1].endswith("“") and len(core) == 2 and core.isalpha() and core.islower():
            # two small letters right after the quoted name ('„Балкантурист – Слънчев бряг“ дд', N dev 6025 p1: "АД"
            # out so without a doubt): a legal form misread unless a word
            tok = _legal_form_doubt(tok, doubts)
        elif free:  # a legal form or a place with a letter misread; a quoted name stays as read
            tok = _town(_abbreviation(tok, substitute=i == 0, doubts=doubts), min(conf_of.get(core, 1.0), 1.0), doubts,
                        stands(core, conf_of.get(core, 0.0)))
        if free and i + 1 < len(toks) and toks[i + 1].startswith("„"):
            tok = _mark_before_quote(tok, doubts)
        out.append(tok)
    name = " ".join(out)
    # a comma before the town read as a semicolon ('„Химко" АД; гр. Габрово', U dev 13003 p2): no name holds one
    if re.search(r";(?=\s+(?:гр|с)\.)", name):
        name = re.sub(r";(?=\s+(?:гр|с)\.)", ",", name)
        if doubts is not None:
            doubts.append(doubt("odd_mark", ";"))
    opened = name.count("„")
    by_town: list[bool] = []
    name = _balance_quotes(name, by_town)
    if doubts is not None and (name.count("„") < opened or by_town):  # an opening quote that nothing closed: where did it end?
        doubts.append(doubt("quote_unclosed"))
    name = re.sub(r"(\w)- (?=[А-Я])", r"\1-", name)  # "Хлебозавод- Стара" -> "Хлебозавод-Стара"
    # a typewriter's hyphen in a cell of its own, read with a space either side ("подемно - транспортни", V dev
    # 14030 p3): between two words of small letters it joins them; the name's dash stands before a town or its
    # "гр."/"с." (two letters or fewer), after a quote or a capital's word, never so
    # (not a dash typed with a space either side, as wide as three of its letters: "Строителни войски - поделение
    # 13990", family AB)
    spaced = _spaced_dashes(words)
    name = re.sub(r"(?<=[а-я]{3}) [-–] (?=[а-я]{3})",
                  lambda m: m[0] if _around(name, m) in spaced else "-", name)  # fmt: skip
    name = re.sub(r"(^|\s)(с|гр|С|ГР)\.+(?=[А-Я])", r"\1\2. ", name)  # "гр.Нови" -> "гр. Нови" ("с..Бяла" too)
    name = _dotted_comma(name, doubts)
    # a speck after the closing quote; not a comma before the town (`ТПК „Христо Ботев“, гр. Котел`, family L)
    name = re.sub(r"“(?:[.:;]|,(?!\s+(?:гр|с)\.\s))(?=\s|$)", "“", name)
    toks = name.split()
    if len(toks) >= 3 and len(toks[-1]) == 1 and toks[-1].isalpha():  # a stamp's letter after the town
        name = " ".join(toks[:-1])
    name = _town_mark_misread(name, doubts)
    # village/town abbreviations keep their dot
    name = re.sub(r"(^|\s)(с|гр|С|ГР)[.,]?(?=\s+„?[А-Я])", r"\1\2.", name)
    toks = name.split()
    if (len(toks) >= 2 and toks[-1].endswith("“") and name.count("„") < name.count("“")
            and toks[-1][:-1].strip(".,") in vocabulary()["words"]):  # a speck after the town read as a quote
        name = " ".join([*toks[:-1], toks[-1][:-1]])
    if name.count("„") < name.count("“"):  # the opening quote read as ".," or "," glued before a word
        name = re.sub(r"(?<=\w)[.,]{1,2}(?=[А-Я][^\s„“]*(\s[^\s„“]+)*“)", " „", name, count=1)
    if name.count("„") < name.count("“"):  # a closing quote with no opening one: where a dedication or a form says
        name = open_lost(name, vocabulary()["dedications"], frozenset(_ABBREVIATIONS), doubts) or name
    if name.count("„") < name.count("“"):  # ... else the opening was lost before the closing quote's word
        name = re.sub(r"(^|\s)([^\s„“]+“)", lambda m: m.group(1) + "„" + m.group(2), name, count=1)
    if name.endswith("“") and name.count("„") < name.count("“"):
        name = name[:-1]
    while name.endswith("“") and name.count("“") > name.count("„"):
        name = name[:-1]
    name = quoted_near_misses(_dedication(name), doubts, words)
    # a legal form in quotes of its own after the quoted name ('„Автотранспорт“ „АД“': a speck after the form
    # read as a closing quote, the opening one then put back): no form is written in quotes
    name = re.sub(r"(?<=“ )„([А-Я]{2,5})“(?=\s|$)", lambda m: m[1] if m[1] in _ABBREVIATIONS else m[0], name)
    if doubts is not None:
        known = vocabulary()["words"] | vocabulary()["legal_forms"]
        marks = "„“\".,:;«»"  # a straight quote or a guillemet glued to a word is no part of it either
        doubts += [doubt("unsure", w.text.strip(marks[:3] + "«»")) for w in words
                   if w.conf < LOW_CONF and any(ch.isalpha() for ch in w.text) and w.text.strip(marks) not in known
                   and w.text.strip(marks) in name and not any(w.text.strip(marks) in d for d in doubts)]  # fmt: skip
        doubts += _unsure_forms(words, name, doubts)
    if doubts is not None:  # a capital after small letters ("ПиваШки" for "Шивашки"): no typist's word
        doubts += [doubt("capital_inside", t.strip(_QUOTE_MARKS)) for t in name.split()
                   if re.search(r"[а-я][А-Я]", t) and t.strip(_QUOTE_MARKS) not in _MIXED_CASE]  # fmt: skip
        # a quoted name begun with a small letter ('„балкантурист – …“', N dev 6018: the capital Б misread):
        # no typist's name; the letter may be another one, so a person reads it
        doubts += [doubt("small_first", m[1]) for m in re.finditer(r"„([а-я][^\s„“]*)", name)]
        marks = re.sub(r"[^„“]", "", name)
        if marks and marks != "„“" * (len(marks) // 2) and doubt("quote_unclosed") not in doubts:
            doubts.append(doubt("quote_unclosed"))  # quotes that do not open and close in turn: '„Вели – „2“ с.“'
        if len(re.findall(r"„[^„“]+“", name)) >= 2:  # '„Стоянов и син“ "Казанлък"': specks read as quotes?
            doubts.append(doubt("two_quoted"))
        doubts += village_doubts(name)  # "Черноочене" without its "с.": the mark may not have been read
        odd = sorted({ch for ch in name if not ch.isalnum() and ch not in _NAME_MARKS})
        if odd:
            doubts.append(doubt("odd_mark", "".join(odd)))
    name = " ".join(_works_for(name.split(), doubts))
    name = _glue_marks(name, _glued_marks(words))
    name = _near_places(name, doubts)
    return name if len(name) >= 4 else None


_TOWN_MARK = re.compile(r"(с|гр)\.", re.IGNORECASE)
_MARK_GLUED = re.compile(r"(с|гр)\.+[А-Я]{2}", re.IGNORECASE)
MONO_SPREAD = 1.15  # the widest word's letters at most this many times the narrowest's: a fixed pitch
BEARINGS = 0.3  # of a letter: the blank at a word's two ends its box leaves out
GLUED_WIDTH = 0.3  # of a letter: a word "С.ЛОМ" no wider than its letters and this, printed with no space
GLUED_GAP = 1.1  # of a letter: the mark this near the next word, printed with no space ...
GLUED_SPACE = 0.75  # ... and nearer than this share of the line's other spaces between words (a glued mark
# 0.6 of them on AK dev 29001; a header whose words stand evenly apart, `ГР. ГЕНЕРАЛ ТОШЕВО` as the other words,
# keeps its space however narrow the line's spaces are)


def _glued_marks(words: list[Word]) -> set[int]:
    """Which of the line's town marks ("с."/"гр.", counted in order) the page prints with no space before the
    town ("С.ЛОМ ЧЕРКОВНА", a co-operative's printout in capitals, AK dev 29001): measured in a fixed-pitch
    face only (two words of three letters or more, each as wide a letter as the rest) and a town in capitals,
    as a word no wider than its letters, or as a gap to the next word narrower than a letter (a space is a
    letter's cell and more) and than the line's other spaces (``GLUED_SPACE``). Elsewhere, or in a proportional face, the mark is spaced as most names write it
    ("гр. Нови")."""
    sized = [w.box.w / (len(w.text) - BEARINGS) for w in words if sum(ch.isalnum() for ch in w.text) >= 3
             and not _TOWN_MARK.match(w.text) and w.box.w > 0]  # fmt: skip
    if len(sized) < 2 or max(sized) > MONO_SPREAD * min(sized):
        return set()
    pitch = sorted(sized)[len(sized) // 2]
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:], strict=False)]
    out: set[int] = set()
    k = 0
    for i, w in enumerate(words):
        if _TOWN_MARK.fullmatch(w.text):
            after = words[i + 1] if i + 1 < len(words) else None
            spaces = sorted(g for j, g in enumerate(gaps) if j != i and g > 0)  # the line's other spaces
            if (after is not None and after.text[:2].isupper() and after.text[:2].isalpha() and spaces
                    and 0 <= after.box.x0 - w.box.x1 < min(GLUED_GAP * pitch, GLUED_SPACE * spaces[len(spaces) // 2])):
                out.add(k)
            k += 1
        elif _MARK_GLUED.match(w.text) and w.text.split(".")[-1][:2].isupper():
            if w.box.w < (len(w.text) + GLUED_WIDTH) * pitch:
                out.add(k)
            k += 1
    return out


_MARKED_PLACE = re.compile(r"(?:^|\s)(?:с|гр)\.\s?([А-Яа-я]{3,})", re.IGNORECASE)


def _near_places(name: str, doubts: list[str] | None) -> str:
    """The word after a village's or town's mark that no listed place has, one letter from exactly one word a
    listed place has ("С.ПОМ ЧЕРКОВНА" for "С.ЛОМ", a dot-built Л read П: AK dev 29001 p6, out without a doubt):
    that word, in the case read, and the name goes to a person (a place of three letters too, too short for
    ``_town`` to put right); with several such words, kept as read and doubted all the same."""
    places = place_words()

    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        core = word.capitalize()
        if core in places:
            return m.group(0)
        near = sorted(p for p in places if len(p) == len(core) and Levenshtein.distance(core, p) == 1)
        if not near:
            return m.group(0)
        listed = near[0].upper() if word.isupper() else near[0]
        if doubts is not None:
            doubts.append(doubt("corrected", word, listed) if len(near) == 1 else doubt("maybe", word, listed))
        return m.group(0)[: m.start(1) - m.start(0)] + (listed if len(near) == 1 else word)

    return _MARKED_PLACE.sub(fix, name)


def _glue_marks(name: str, glued: set[int]) -> str:
    """The name with its ``glued`` town marks (``_glued_marks``: counted in order) joined to the next word."""
    if not glued:
        return name
    toks = name.split()
    out: list[str] = []
    k = 0
    for t in toks:
        if out and (k - 1) in glued and _TOWN_MARK.fullmatch(out[-1]) and t[:1].isupper():
            out[-1] += t
            continue
        if _TOWN_MARK.fullmatch(t):
            k += 1
        out.append(t)
    return " ".join(out)


SPACED = 2.8  # two words this many letters' widths apart about a dash: it was typed with a space either side
SPACE_SHARE = 0.8  # a dash this share of the line's space between words from each of its words: spaced


def _spaced_dashes(words: list[Word]) -> set[tuple[str, str]]:
    """The pairs of words (their letters) between which a dash stands with a space either side on the page: each
    word that far from the other, in the widths of their letters (a typewriter's hyphen in a cell of its own is
    one letter's width from each), or, in a print face, each as far from the dash as the line's words are from one
    another (R dev 10030 p1: 'Строителни войски – поделение 5320', the words 2.1 letters apart about the dash,
    read 'войски-поделение' without a doubt; a typewriter's hyphen stands closer to its words than a space)."""
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:], strict=False)
            if a.text not in _DASHES and b.text not in _DASHES and a.box.y0 < b.box.y1 and b.box.y0 < a.box.y1]  # fmt: skip
    space = float(np.median(gaps)) if len(gaps) >= 2 else 0.0
    out = set()
    for a, d, b in zip(words, words[1:], words[2:], strict=False):
        if d.text not in _DASHES or not a.text.isalpha() or not b.text.isalpha():
            continue
        pitch = float(np.median([a.box.w / len(a.text), b.box.w / len(b.text)]))
        printed = space > 0 and min(d.box.x0 - a.box.x1, b.box.x0 - d.box.x1) >= SPACE_SHARE * space
        if b.box.x0 - a.box.x1 >= SPACED * pitch or printed:
            out.add((a.text.lower(), b.text.lower()))
    return out


def _around(name: str, m: re.Match[str]) -> tuple[str, str]:
    """The words (in small letters) either side of a match in ``name``."""
    before, after = name[: m.start()].split(), name[m.end() :].split()
    return (before[-1].lower() if before else "", after[0].lower() if after else "")


def _unsure_forms(words: list[Word], name: str, doubts: list[str]) -> list[str]:
    """A listed legal form read with low confidence that another form is near (two-letter forms are all
    near one another: "ЕТ", "КД", "ДП", "ДФ"; "ООД"/"ЕООД", "АПК"/"ЗПК" one letter apart): being on the list
    says little, the name goes to a person. A form no other is near ("ТКЗС") stands."""
    out: list[str] = []
    forms = {t.strip("„“.,") for t in name.split()}
    for w in words:
        core = w.text.strip("„“\".,:;«»").translate(LATIN_LETTERS).upper()
        if w.conf >= FORM_SURE or core not in _ABBREVIATIONS or core not in forms:
            continue
        limit = 2 if len(core) == 2 else 1
        near = any(a != core and levenshtein(a, core) <= limit for a in _ABBREVIATIONS)
        if near and not any(f"„{core}“" in d for d in doubts + out):
            out.append(doubt("form_unsure", core))
    return out


_ZA_AS_DIGITS = re.compile(r"[3Зз][89аА]")  # the preposition "за" read as digits ("38", "39")


def _za_as_digits(kept: list[str], doubts: list[str] | None) -> list[str]:
    """The preposition "за" read as two digits between two words of the same case ("дом 39 деца", Q dev 9019 p3;
    "ЗАВОД 38 КАБЕЛИ", AA dev 19005 p1): "Дом за деца", "Завод за кабели" (a number stands after "№" or before a
    dash, its words capitalised: "Поликлиника 3 – Пловдив"). The name goes to a person."""
    out = list(kept)
    for i in range(1, len(out) - 1):
        a, t, b = out[i - 1], out[i], out[i + 1]
        same_case = (a.islower() and b.islower()) or (a.isupper() and b.isupper())
        if _ZA_AS_DIGITS.fullmatch(t) and any(ch.isdigit() for ch in t) and a.isalpha() and b.isalpha() and len(a) >= 3 and len(b) >= 3 and same_case:
            out[i] = "ЗА" if a.isupper() else "за"
            if doubts is not None:
                doubts.append(doubt("corrected", t, out[i]))
    return out


def _dotted_comma(name: str, doubts: list[str] | None) -> str:
    """An abbreviation written with stops between its letters ending in a comma ("Ж.п, секция", X dev 16023 p2:
    out without a doubt): its last stop read as a comma; the stop, and the name to a person."""

    def mend(m: re.Match[str]) -> str:
        if doubts is not None:
            doubts.append(doubt("corrected", m[1] + ",", m[1] + "."))
        return m[1] + "."

    return re.sub(r"(?<!\S)((?:[А-Яа-я]\.)+[А-Яа-я]),(?=\s)", mend, name)


def _town_mark_misread(name: str, doubts: list[str] | None) -> str:
    """A town's "гр." with its full stop read as a letter ("– гре Шумен", V dev 14023 p1: a typewriter's stop
    apart from the letters) before a town the lists know: "гр.", and the name to a person (the mark was not
    read as such)."""

    def mend(m: re.Match[str]) -> str:
        if m.group(3) not in vocabulary()["words"]:
            return m.group(0)
        if doubts is not None:
            doubts.append(doubt("corrected", m.group(2), "гр."))
        return f"{m.group(1)}гр. {m.group(3)}"

    return re.sub(r"(^|\s)(гр[а-яё:;'])\s+([А-Я][а-я]+)", mend, name)


def _mark_before_quote(tok: str, doubts: list[str] | None) -> str:
    """A full stop or comma after a word just before the quoted name ("Комбинат. „Пирин“"): after a known
    word of employers' names (a noun, a place) it is a speck; after another word it may be an abbreviation's
    dot, so it stays and the name goes to a person."""
    core = tok.rstrip(".,")
    if core == tok or len(core) < 4 or not core.isalpha():
        return tok  # "с.", "им.": short abbreviations keep their dot
    if core in vocabulary()["words"]:
        return core
    if doubts is not None:
        doubts.append(doubt("mark_before_quote", tok))
    return tok


WIDER = 1.5  # a dash's width at least this many times its height (blurred), in a gap between two words
# ... or this many times, at the letters' very middle with a space on either side: a duplicator's dye spreads a
# dash round (AF dev 24007 p2: 10 columns by 7 rows under the paper); a full stop the engine left apart from its
# word ("гр" read without it, AF dev 24011 p2: 4 by 3) sits lower and touches the word it ends
SPREAD_WIDER, SPREAD_MIDDLE = 1.3, (0.4, 0.6)
DOTTED_LOW = 0.2  # of the letters' frame above a dotted line: a dash's middle no higher


def without_leader_dots(gap: np.ndarray, dark: float, h: int, paper: float) -> np.ndarray:
    """``gap`` (the grey between two words, ``h`` their letters' height) with the dots of a form's dotted line
    whitened to ``paper``: marks darker than ``dark``, as high as wide (a dash is twice as wide as high at
    least), a quarter of a letter high at most, in the gap's lowest three tenths (a round dash, AF dev 24007 p2,
    stands higher). The name typed on a printed line of dots ("Предприятие (учреждение) ......", family AP): the dots under its dash made it no dash ('„Черноморец“ гр.
    Бургас' for '"Черноморец" - гр. Бургас', AP dev 34001 p2, out without a doubt). A full stop is such a mark
    too, and no dash either way."""
    mask = (gap < dark).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = gap
    for i in range(1, n):
        x, y, w, hh = (int(v) for v in stats[i][:4])
        if hh <= max(4.0, 0.25 * h) and w <= 1.6 * hh + 1 and y + hh / 2 >= 0.7 * gap.shape[0]:
            out = out.copy() if out is gap else out
            out[labels == i] = paper
    return out


def lost_dashes(words: list[Word], gray: np.ndarray | None) -> list[Word]:
    """A dash the engine skipped between two words of a line ("Хлебозавод-Стара", "ЕООД – Ловеч"): in
    the gap between them, a thin band of rows at the letters' middle darker than the paper, nothing else
    (looked for on the grey page: a faint dash is dust to the ink mask). Glued to both words it is a
    hyphen (the words join), else a dash of its own."""
    if gray is None or len(words) < 2:
        return words
    ly0, ly1 = min(w.box.y0 for w in words), max(w.box.y1 for w in words)
    line = gray[ly0:ly1, words[0].box.x0 : words[-1].box.x1]
    if line.size == 0:
        return words
    paper, dark = float(np.median(line)), float(np.percentile(line, 3))
    step = max(10.0, 0.15 * (paper - dark))
    out = [words[0]]
    for a, b in zip(words, words[1:], strict=False):
        h = min(a.box.h, b.box.h)
        x0, x1 = a.box.x1 + 2, b.box.x0 - 2
        y0, y1 = min(a.box.y0, b.box.y0), max(a.box.y1, b.box.y1)
        if x1 - x0 >= 0.25 * h and h >= 8 and a.text[-1:] not in "-–—" and b.text[:1] not in "-–—":
            inked = cv2.GaussianBlur(gray[y0:y1, x0:x1], (3, 3), 0).astype(np.float32)
            gap = without_leader_dots(inked, paper - step, h, paper)  # a form's dotted line under the typing
            # on a dotted line the words' boxes reach down to its dots: the letters' frame ends where the dots
            # begin, and a dash stands a little higher in it (AP dev 34009 p1: 5 rows of 24 from the top)
            dots = np.nonzero(((inked < paper - step) & (gap >= paper - step)).any(axis=1))[0]
            frame, low = (int(dots[0]), DOTTED_LOW) if dots.size else (y1 - y0, 0.3)
            rows = np.nonzero((gap < paper - step).sum(axis=1) >= max(3.0, 0.2 * h))[0]
            # a bold face's dash is a third of its small letters' height thick (N dev 6018 p3: 12 rows blurred under 37)
            band = rows.size and rows[-1] - rows[0] + 1 == rows.size and rows.size <= max(2, 0.35 * max(a.box.h, b.box.h))
            middle = band and low * frame <= (rows[0] + rows[-1]) / 2 <= 0.8 * frame
            if middle and not (gap.min(axis=1)[np.r_[: max(0, rows[0] - 2), rows[-1] + 3 : len(gap)]] < paper - 2 * step).any():
                cols = np.nonzero(gap[rows[0] : rows[-1] + 1].min(axis=0) < paper - step)[0]
                # a dash is wider than high; a dot ("гр. Перник", the engine read `гр`) is as high as wide
                high = np.count_nonzero(gap[:, cols[0] : cols[-1] + 1].min(axis=1) < paper - step) if cols.size else 0
                left, right = (int(cols[0]) + 2, (x1 - x0) - int(cols[-1]) + 1) if cols.size else (0, 0)
                centre = (rows[0] + rows[-1]) / 2 / (y1 - y0)
                spread = SPREAD_MIDDLE[0] <= centre <= SPREAD_MIDDLE[1] and min(left, right) > 0.3 * h
                wide = cols.size >= WIDER * high or (spread and cols.size >= SPREAD_WIDER * high)
                if cols.size >= 0.2 * h and wide:
                    if max(left, right) <= 0.3 * h:  # glued to both: one word with a hyphen
                        out[-1] = replace(out[-1], text=out[-1].text + "-")
                    else:
                        box = Box(x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)
                        out.append(Word("–", 0.9, box))
        out.append(b)
    return out


def _ends_in_dash(box: Box, gray: np.ndarray) -> bool:
    """Is the last mark inside ``box`` a dash: wider than a third of the letters' height, thin, at their
    middle (a speck there is as high as it is wide)?"""
    h = box.h
    crop = gray[box.y0 : box.y1, max(0, box.x1 - h) : box.x1 + 2]
    if crop.size == 0 or h < 8:
        return False
    paper, dark = float(np.median(crop)), float(np.percentile(crop, 2))
    mask = (crop < paper - max(10.0, 0.4 * (paper - dark))).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    marks = [stats[i] for i in range(1, n) if stats[i][cv2.CC_STAT_AREA] >= 4]
    if not marks:
        return False
    last = max(marks, key=lambda st: st[cv2.CC_STAT_LEFT] + st[cv2.CC_STAT_WIDTH])
    w, hh = int(last[cv2.CC_STAT_WIDTH]), int(last[cv2.CC_STAT_HEIGHT])
    mid = (last[cv2.CC_STAT_TOP] + hh / 2) / crop.shape[0]
    return w >= 0.3 * h and hh <= 0.25 * h and w >= 2 * hh and 0.3 <= mid <= 0.8


def glued_dashes(words: list[Word], gray: np.ndarray | None) -> list[Word]:
    """A dash read glued to a quote at a word's end ('„Родопа“-', 'Колев"-'): a typist puts spaces around
    the name's dash, so it is a dash of its own when the image shows one there (and a quote mark before
    it that a later closing quote makes one too many is a speck), else a speck read as a dash."""
    if gray is None:
        return words
    out: list[Word] = []
    for k, w in enumerate(words):
        if len(w.text) > 3 and w.text[-1] in "-–" and w.text[-2] in "\"“”'":
            if _ends_in_dash(w.box, gray):
                closed_later = any("“" in x.text or '"' in x.text for x in words[k + 1 :])
                out.append(replace(w, text=w.text[:-2] if closed_later else w.text[:-1]))
                out.append(Word("–", w.conf, Box(w.box.x1 - w.box.h // 2, w.box.y0, w.box.x1, w.box.y1)))
                continue
            w = replace(w, text=w.text[:-1])
        out.append(w)
    return out


_SPECKED_DASH = re.compile(r"[.,]?[-–—][.,]?")
# a quote glued before the town's "гр." or the village's "с.": no quoted name opens so, the name's dash spread by a
# duplicator's dye into a tick (AF dev 24019 p1: "Окръжна библиотека “гр. Михайловград" out "– „гр“ Михайловград")
_QUOTED_TOWN_MARK = re.compile(r"[“„\"”]((?:гр|с)\.)")


def specked_dashes(words: list[Word]) -> list[Word]:
    """The name's dash read with a speck beside it: alone (".-", "-.") it is the dash; glued to a word after a
    full stop or comma ("ЕООД.-") or to a legal form ("ЕООД-": no form is the first half of a compound) it
    is a dash of its own, the speck dropped."""
    out: list[Word] = []
    for k, w in enumerate(words):
        town = _QUOTED_TOWN_MARK.fullmatch(w.text)
        if town and k > 0:  # the name's dash read as a quote glued to the town's mark ("библиотека “гр. Михайловград")
            cut = w.box.x0 + max(4, w.box.h // 2)
            out.append(Word("–", w.conf, Box(w.box.x0, w.box.y0, cut, w.box.y1)))
            out.append(replace(w, text=town.group(1), box=Box(cut, w.box.y0, w.box.x1, w.box.y1)))
            continue
        m = re.fullmatch(r"(.*\w)([.,]?)([-–—])", w.text)
        core = m.group(1).strip("„“\"").translate(LATIN_LETTERS).upper() if m else ""
        if _SPECKED_DASH.fullmatch(w.text) and w.text not in _DASHES:
            out.append(replace(w, text="–"))
        elif m and (m.group(2) or core in _ABBREVIATIONS):
            cut = w.box.x1 - max(4, w.box.h // 2)
            out.append(replace(w, text=m.group(1), box=Box(w.box.x0, w.box.y0, cut, w.box.y1)))
            out.append(Word("–", w.conf, Box(cut, w.box.y0, w.box.x1, w.box.y1)))
        else:
            out.append(w)
    return out


# marks read alone between two words of the name: a speck, or the name's dash; a guillemet too (N dev 6018
# p3: the dash of "„Балкантурист – Слънчев бряг“" read "«", dropped, the name out without its dash): a
# typist's quote is glued to its word, never alone; a stroke "|" too (N dev 6002 p1: the dash of
# "ЕООД – Перник" read "|" (0.44) split the gap, the dash was not found: "„Металик“ ЕООД Перник")
_LONE_SPECKS = ".,:;·'`«»‹›|"


def without_lone_specks(words: list[Word]) -> list[Word]:
    """A full stop, comma, colon or stroke read alone between two words of the name ("ЕООД . Ловеч",
    "ЕООД | Перник"): a speck, a rule's fragment, or the name's dash read as one; left out, so that the gap
    is looked at whole (``lost_dashes``)."""
    return [w for i, w in enumerate(words)
            if not (0 < i < len(words) - 1 and w.text and (all(ch in _LONE_SPECKS for ch in w.text) or _stroke(w.text)))]  # fmt: skip


def _stroke(text: str) -> bool:
    """A stroke read with a quote beside it ('“|': Q dev 9009 p2, the name's dash so read and dropped, the name out
    as "Спортно училище Плевен" without a doubt): a quote is glued to its word, never alone with a stroke."""
    return "|" in text and len(text) >= 2 and all(ch in _LONE_SPECKS + "„“”\"" for ch in text)


TINY = 0.5  # a mark under this share of the name's letters' height is no letter of it
GUESS = 0.3  # words far from the name all read with less confidence than this (none a known word): no words


def _guesses(words: list[Word]) -> bool:
    known = vocabulary()["words"] | vocabulary()["legal_forms"]
    return bool(words) and all(w.conf < GUESS and w.text.strip("„“\".,:;-") not in known for w in words)


def without_far_marks(words: list[Word]) -> list[Word]:
    """Marks far right of the name (a speck, a stamp's digit: "Смолян        2") are no part of it: after a
    gap wider than four letters' height, what holds two letters or digits at most is dropped, and so are marks
    under ``TINY`` of the name's letters' height however many (the rims of a bookworm's holes read "9 е 13 9",
    AJ dev 28013 p1), and guesses (every word read under ``GUESS``, none a known word: the gnawed edge of a mouse's
    bite read "пронас Али", AJ dev 28010 p2), and guesses far left of it."""
    if len(words) < 2:
        return words
    h = float(np.median([w.box.h for w in words]))
    # guesses far left of it alike (specks read "В Тонь" before "ХТК ...", AJ dev 28013 p1)
    i = next((i for i in range(1, len(words)) if words[i].box.x0 - words[i - 1].box.x1 > 4 * h), None)
    if i is not None and _guesses([w for w in words[:i] if w.box.h >= TINY * h]):
        words = words[i:]
    for i in range(1, len(words)):
        far = words[i].box.x0 - words[i - 1].box.x1 > 4 * h
        tall = TINY * float(np.median([w.box.h for w in words[:i]]))
        rest = [w for w in words[i:] if w.box.h >= tall]
        if far and (sum(ch.isalnum() for w in rest for ch in w.text) <= 2 or _guesses(rest)):
            return words[:i]
    return words


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The words of the listed places and enterprises' nouns ("Толбухин", "стопанство")."""
    return place_words() | vocabulary()["words"]


def read_employer(words: list[Word], gray: np.ndarray | None, doubts: list[str] | None = None) -> str | None:
    """The employer's name from the words of its line (``gray``: the page, where dashes are looked at)."""
    words = without_leaders(words, _LISTED_ABBREVIATIONS, doubts)  # a form's dotted line read into the name
    words = without_dot_words(words, _known_words(), doubts)  # ... and as words of their own past its end
    marked = specked_dashes(glued_dashes(without_far_marks(words), gray))
    words = without_lone_specks(marked)
    if doubts is not None:
        doubts += [doubt("odd_mark", w.text) for w in odd_marks(words)]
    # a dash read unsure is dropped as a speck (``clean_employer``): the page shows whether it is one (AP dev 34007
    # p4: '"Йовков" - гр.' typed over a dotted line, its dash read at 0.21, out without it and without a doubt)
    words = [w for w in words if not (w.text in _DASHES and w.conf < 0.3)] if gray is not None else words
    dashed = lost_dashes(words, gray)
    dashed = unread_signs(dashed, gray) if gray is not None else dashed  # 'Поликлиника " 3': the sign read as a mark
    dashed = lost_signs(dashed, gray) if gray is not None else dashed  # 'трест 3': the sign read as nothing
    if doubts is not None:  # a lone guillemet where the page shows no dash: what was it? A person looks
        gone = [w for w in marked if w not in words and (any(ch in "«»‹›" for ch in w.text) or _stroke(w.text))]
        dashes = [w for w in dashed if w not in words]
        doubts += [doubt("odd_mark", w.text) for w in gone
                   if not any(d.box.x0 < w.box.x1 and w.box.x0 < d.box.x1 for d in dashes)]  # fmt: skip
    name = clean_employer(dashed, doubts)
    return typed_sign(name, dashed, gray, doubts) if name and "№" in name and gray is not None else name


_PLAIN_MARKS = ".,:;·'`“”\"-–—_"  # specks, a closing quote, dashes: what a name's marks read as


def odd_marks(words: list[Word]) -> list[Word]:
    """Words between the name's first and last of marks alone with a full stop, one of them no speck, dash
    or closing quote explains (`«.`): an abbreviation misread (K dev 3020: `с.` before the village read
    `«.` and dropped, `ЕТ „Вели – 2“ Черноочене` out without a doubt). The name goes to a person."""
    return [w for w in words[1:-1] if "." in w.text and not any(ch.isalnum() for ch in w.text)
            and any(ch not in _PLAIN_MARKS for ch in w.text)]  # fmt: skip


_LABELS = ("предприятие", "работодател", "организация", "учреждение", "фирма", "стопанство", "поделение")


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _label_core(text: str) -> str:
    return re.sub(r"[^а-я]", "", text.lower().translate(LATIN_LETTERS))


def _is_label(core: str) -> bool:
    return len(core) >= 5 and any(Levenshtein.distance(core, lab, score_cutoff=2) <= 2 for lab in _LABELS)


def _printed_label(words: list[Word]) -> int:
    """How many words a form's printed label with its alternative in brackets takes at the line's start
    ("Предприятие (учреждение)", also glued "Предприятие(учреждение)" or with a colon after it, a letter or two
    misread, the closing bracket lost): no name opens with a word and another name's word in brackets. 0 when the
    line does not start so (a bare "Предприятие" may open the name itself: 'Предприятие "Благоустройство ..."')."""
    if not words:
        return 0
    first = words[0].text.translate(LATIN_LETTERS)
    if "(" in first[1:]:  # glued: "Предприятие(учреждение)"
        head, _, tail = first.partition("(")
        if not (_is_label(_label_core(head)) and _is_label(_label_core(tail))):
            return 0
        n = 1
    else:
        second = words[1].text.translate(LATIN_LETTERS) if len(words) > 1 else ""
        if not (second.startswith("(") and _is_label(_label_core(first)) and _is_label(_label_core(second))):
            return 0
        n = 2
    return n + 1 if n < len(words) and re.fullmatch(r"[:).]+", words[n].text) else n


def _without_label(words: list[Word]) -> list[Word]:
    """ "Предприятие: ДЗС „Напредък“ ..." -> the name without its label (a label word with its colon)."""
    printed = _printed_label(words)
    if printed:
        return words[printed:]
    for i, w in enumerate(words[:2]):
        core = re.sub(r"[^а-я]", "", w.text.lower().translate(LATIN_LETTERS))
        colon = w.text.endswith(":") or (i + 1 < len(words) and words[i + 1].text == ":")
        # "Предприятие." the colon's lower dot lost: the form's label all the same, a name follows it
        colon = colon or (w.text.endswith(".") and i + 1 < len(words) and Levenshtein.distance(core, "предприятие") <= 2)
        if colon and len(core) >= 5 and any(Levenshtein.distance(core, lab, score_cutoff=2) <= 2 for lab in _LABELS):
            rest = words[i + 1 :]
            return rest[1:] if rest and rest[0].text == ":" else rest
        # the form's label in its small letters, its colon lost to a bitonal scan, before a name a plate printed in
        # capitals ("Предтияие КМК ЛЕНИН", Z dev 18009 p1): the label, three letters off at most
        caps = i + 1 < len(words) and _capitals(words[i + 1].text)
        if caps and not _capitals(w.text) and len(core) >= 8 and Levenshtein.distance(core, "предприятие") <= 3:
            rest = words[i + 1 :]
            return rest[1:] if rest and rest[0].text == ":" else rest
    return words


def _town_line(name: list[Word], nxt: list[Word], page_width: int) -> list[Word]:
    """The employer's town typed on the line below its name ("гр. Плевен", "с. Бяла"), starting under it."""
    if not name or not nxt or nxt[0].box.x0 > page_width * 0.62 or address_line(nxt):
        return []  # (an address under the name starts with its town too: "гр. Варна, ул. „Раковски“ 7")
    h = max(w.box.h for w in name)
    if nxt[0].box.y0 - max(w.box.y1 for w in name) > 1.5 * h or nxt[0].box.x0 > name[-1].box.x1:
        return []
    first = nxt[0].text.translate(LATIN_LETTERS).strip(",")
    words = [w for w in nxt if w.box.x0 < page_width * 0.62]
    # a place's word, not an enterprise's noun: "Поликлиника № 5 – Пловдив" under the ministry's line is a name
    # (Q dev 9003 p4: taken for the ministry's town, the two lines came out as one name)
    if first.lower() in ("с.", "гр.") or (first.strip(".") in place_words() and len(words) <= 3):
        return words
    return []


LINE_BELOW = doubt("line_below")
_OPENING, _CLOSING = "„\"'«", "“”\"'»"


def _under_name(name: list[Word], nxt: list[Word], page_width: int) -> list[Word]:
    """The words of the line below the name's, left of the title's middle, when it starts under the name
    within a line and a half of it and is no title, period or sheet number: what may be the name's second
    line ("Земеделска кооперация" / "„Напредък“ с. Бяла")."""
    words = [w for w in nxt if w.box.x0 < page_width * 0.62]
    if not name or not words or _noise_line(words) or address_line(words):
        return []  # (the employer's address or registration line: no part of its name, ``ocr.address_line``)
    h = max(w.box.h for w in name)
    if words[0].box.y0 - max(w.box.y1 for w in name) > 1.5 * h:
        return []
    if not (name[0].box.x0 - 2 * h <= words[0].box.x0 <= name[-1].box.x1):
        return []
    text = " ".join(w.text for w in words)
    upper = text.upper()
    if any(t in upper for t in _TITLE_WORDS) or any(_month(w.text) for w in words):
        return []
    # (a year's four digits: a military unit's number of five is a name's, "поделение 13990", family AB; a
    # year inside the quotes is the name's too: "НЧ „Напредък – 1869“", AF dev 24008 p1)
    years = [re.search(r"(?<!\d)\d{4}(?!\d)", w.text) for w in words]
    if any(y and free for y, free in zip(years, _unquoted(words), strict=True)):
        return []
    if re.match(r"(?i)(лист|л\.)", text.translate(LATIN_LETTERS)):
        return []
    return words


_WHOLE_NAME = re.compile(
    r"^(?:[^„“]*\s)?„[^„“]+“(?: (?P<form>[А-Я]{2,4}))?(?:\s*[-–—]\s*(?:гр\.\s*)?(?P<town>[^\s„“]+(?: [^\s„“–—-]+)?))?$"
)


def unit_below(name: str, below: list[Word]) -> bool:
    """Is the line ``below`` the employer's unit the sheet is for, not the rest of its name? The name read is whole
    by itself (a quoted name it closes, nothing after the closing quote but a legal form, a dash and a listed town:
    'ХТК „Боровец“ – Самоков', 'Интерхотел „Велико Търново“', '„Зора“ АД – Бяла'), and the line below opens a
    designation of its own (a capitalised word, no legal form nor place, before a quoted name: 'Хотел „Кубан“',
    'Ресторант „Хановете“': a complex's hotel or restaurant, AJ dev 28001-28007). A name's second line ends it
    ('„Напредък“ с. Бяла', '– Несебър', 'АД'): ``_continued`` takes those, and a line no whole name stands above
    still goes to a person."""
    m = _WHOLE_NAME.match(name)
    if m is None or (m["town"] is not None and m["town"].strip(".,") not in vocabulary()["places"]):
        return False
    if m["form"] is not None and m["form"] not in _ABBREVIATIONS:
        return False
    lead = next((i for i, w in enumerate(below) if w.conf >= LOW_CONF or len(w.text) > 2), len(below))
    toks = [w.text.translate(LATIN_LETTERS) for w in below[lead:]]  # (specks read before it: "а", AJ dev 28013)
    if len(toks) < 2 or toks[1][:1] not in _OPENING:
        return False
    first = toks[0].strip(".,:")
    return (
        len(first) >= 4 and first.isalpha() and first[0].isupper() and first[1:].islower()
        and first.upper() not in _ABBREVIATIONS and first not in place_words()
    )  # fmt: skip


def _unquoted(words: list[Word]) -> list[bool]:
    """For each word: does it stand outside a quoted name? A straight quote opens a name where none is
    open and closes the open one ('НЧ "Напредък - 1869" - гр. Бяла Слатина')."""
    out, open_ = [], False
    for w in words:
        starts = w.text[:1] in _OPENING and not open_
        out.append(not (open_ or starts))
        open_ = open_ or starts
        if open_ and any(ch in _CLOSING for ch in w.text[1 if starts else 0 :]):
            open_ = False
    return out


def superior_above(name: list[Word], below: list[Word], page_width: int) -> bool:
    """Is ``name`` the line of the body the enterprise belonged to, its name on the line ``below``
    (``ocr.superior_body``)? Not when the line below is the town's, or a ward's or a department's (the line
    is the institution's, the unit under it: "Общински народен съвет – Елена" / "Отдел „Култура“")."""
    forms = frozenset(_ABBREVIATIONS)
    if not (names_superior(name) or misread_above_form(name, below, forms) or municipality_above_form(name, below, forms)):
        return False
    if _town_line(name, below, page_width) or names_unit(below):
        return False
    return bool(_under_name(name, below, page_width))


def _continued(name: list[Word], below: list[Word]) -> bool:
    """Is the line below the rest of the name: a quote the name opened and the line closes, a dash the
    name's line ends in, or a legal form or dash the line starts with ("„Балкантурист – Слънчев бряг“" / "АД")?"""
    toks = [w.text for w in name]
    last_open = max((i for i, t in enumerate(toks) if t[:1] in _OPENING), default=None)
    unclosed = last_open is not None and not any(t[-1:] in _CLOSING for t in toks[last_open:] if len(t) > 1)
    closes = any(ch in w.text for w in below for ch in _CLOSING)
    first = below[0].text.strip(".,").translate(LATIN_LETTERS).upper()
    return (unclosed and closes) or toks[-1][-1:] in "-–—" or first in _ABBREVIATIONS or below[0].text in _DASHES


def _guesses_above_form(words: list[Word], below: list[Word]) -> bool:
    """``words`` are guesses (each read under ``LOW_CONF``, none a known word or legal form: the form's number
    in a top corner misread, "сета зи)" for "Бланка № 2-34 (ЦСУ)", T dev 12004) and the line below opens with a
    legal form ("ЗКПУ „Бъдеще“ ..."): the name is on the line below."""
    known = vocabulary()["words"] | vocabulary()["legal_forms"]
    if not words or any(w.conf >= LOW_CONF or w.text.strip("„“\".,:;-()") in known for w in words):
        return False
    first = next((w for w in below if sum(ch.isalpha() for ch in w.text) >= 2), None)
    return first is not None and first.text.strip("„“\".,").translate(LATIN_LETTERS) in _ABBREVIATIONS


EDGE_SHARE = 0.7  # a line starting this far across the page (its share of the width) stands at its right edge


def _edge_guesses(words: list[Word], page_width: int) -> bool:
    """A few guesses at the page's right edge (yellowed sellotape over its corner, V dev 14029 p3: "рента та" read
    above the employer's line): every word beyond ``EDGE_SHARE`` of the width, none a known word, one read with
    confidence under 0.3. No employer's name so read is one (its line is looked for below)."""
    known = vocabulary()["words"] | vocabulary()["legal_forms"]
    return (
        len(words) <= 3
        and all(w.box.x0 > EDGE_SHARE * page_width for w in words)
        and not any(w.text.strip("„“\".,:;-") in known for w in words)
        and min(w.conf for w in words) < 0.3
    )


def _noise_line(words: list[Word]) -> bool:
    """A line of guesses (most words read with confidence under 0.3, none a known word or legal form): the
    page's edge or a smudge, not the employer's name (the name is looked for on the next line)."""
    known = vocabulary()["words"] | vocabulary()["legal_forms"]
    if any(w.text.strip("„“\".,:;-") in known for w in words):
        return False
    return float(np.median([w.conf for w in words])) < 0.3


# what a Roman numeral's strokes are read as besides I, V and X: Cyrillic look-alikes, a stroke as "l" or "|"
# and Cyrillic letters a typist's strokes look like ("П" II, "Ш" III, "У" V: L dev 4010 "ЗА П-1985 Г.")
_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "l": "I", "|": "I", "1": "I", "Х": "X", "х": "X", "x": "X", "v": "V",
                                   "П": "II", "Ш": "III", "У": "V", "у": "V"})  # fmt: skip
_PERIOD_CONTEXT = {"м", "мес", "месец", "за"}  # what stands before the month: "за м. III 1989 г."
_YEAR_LABELS = {"година", "год", "г"}  # what stands between the month and the year: "Месец 05 Година 1984"


def month_as_number(text: str) -> tuple[int | None, str | None]:
    """The month a word writes as a number ("03", "3") or in Roman numerals ("III", "XII"), and why it is in
    doubt (a stroke read as another mark: "ІІ" may have been "III"); (None, None) when the word is neither."""
    core = text.strip(".,:;/-")
    if core.isdigit() and 1 <= len(core) <= 2:
        return (int(core), None) if 1 <= int(core) <= 12 else (None, None)
    roman = core.translate(_ROMAN_LOOKALIKES)
    if roman not in ROMAN_MONTHS:
        return None, None
    return ROMAN_MONTHS.index(roman) + 1, None if roman == core else f"римското число „{core}“ прочетено като „{roman}“"


def _split_period(line: list[Word]) -> list[Word]:
    """ "III.1989", "03/1989", "3-1989 г.": a month glued to its year by a full stop, slash or dash, as two
    words (the year keeps what follows it)."""
    out: list[Word] = []
    for w in line:
        m = re.fullmatch(r"([^\s./-]{1,4})[./-](\d{4}.*)", w.text)
        if m and month_as_number(m.group(1))[0] is not None:
            cut = w.box.x0 + round(w.box.w * len(m.group(1)) / len(w.text))
            out += [replace(w, text=m.group(1), box=Box(w.box.x0, w.box.y0, cut, w.box.y1)),
                    replace(w, text=m.group(2), box=Box(cut, w.box.y0, w.box.x1, w.box.y1))]  # fmt: skip
        else:
            out.append(w)
    return out


# the two digits of a year after a slash read as letters ("9З" for 93, "8О" for 80)
_SHORT_YEAR_DIGITS = str.maketrans({"З": "3", "з": "3", "О": "0", "о": "0", "Б": "6", "б": "6"})
# "за м. III/85 г.": the month in Roman numerals (or its number) and the year's last two digits, one word or
# three ("III/ 85", "III /85"); a hand's stroke of the slash read "|" or "1" is no slash (too like a numeral)
_SLASHED = re.compile(r"([^\s/]{1,4})/(['’]?[^\s/]{2})(?:г\.?|год\.?)?[.,]?")


def _slash_period(line: list[Word]) -> Header | None:
    """The month and year written "за м. III/85 г." (family T, a clerk's hand): a Roman numeral or a month's
    number, a slash, the year's two digits, after "за"/"м." (or at the line's start, before "г."), as a Header
    of the period alone. Its ``year`` is None where the two digits were read with a letter ("Х/Ф1"): the
    month is kept with the year's word for ``ocr.period`` to read it again. A numeral read with a look-alike
    ("ХП" for XII) is the month in doubt (``month_unsure``)."""
    for i, w in enumerate(line):
        text = w.text
        j = i
        if text.endswith("/") and i + 1 < len(line):  # "III/ 85"
            text, j = text + line[i + 1].text, i + 1
        elif i + 2 < len(line) and line[i + 1].text == "/":  # "III / 85"
            text, j = text + "/" + line[i + 2].text, i + 2
        elif i + 1 < len(line) and line[i + 1].text.startswith("/"):  # "III /85"
            text, j = text + line[i + 1].text, i + 1
        m = _SLASHED.fullmatch(text.strip(".,"))
        if m is None:
            continue
        before = line[i - 1].text.lower().strip(".,") if i > 0 else ""
        after = line[j + 1].text.lower().strip(".,") if j + 1 < len(line) else ""
        if not (before in _PERIOD_CONTEXT or before == "зам" or (i == 0 and after in ("г", "год"))):
            continue
        mon, unsure = month_as_number(m.group(1))
        year_text = m.group(2).lstrip("'’").translate(_SHORT_YEAR_DIGITS)
        if mon is None and short_year(year_text) is None:
            continue  # neither the month nor the year: no period of this form
        # the boxes by the letters' share of the word: the month's up to the year's two digits (a hand's numeral
        # is wider than its letters' share: all its strokes for ``ocr.roman_month`` to read again), the year's
        # from half a letter before them
        last = line[j]
        n, tail = len(last.text), len(m.group(2)) + len(last.text) - len(last.text.rstrip(".,гдо"))
        year_x0 = last.box.x1 - round(last.box.w * (tail + 0.5) / max(1, n))
        month_x1 = w.box.x1 if j > i else max(w.box.x0 + 1, last.box.x1 - round(last.box.w * tail / max(1, n)))
        month_word = replace(w, text=m.group(1), box=Box(w.box.x0, w.box.y0, month_x1, w.box.y1))
        year_word = replace(last, text=m.group(2), box=Box(max(last.box.x0, year_x0), last.box.y0, last.box.x1, last.box.y1))
        # a month no numeral reads ("М/9З" for VIII/93, a hand's V) is read again (``ocr.roman_month``)
        return Header(month=mon, year=short_year(year_text), month_word=month_word,
                      year_word=year_word, year_short=True, month_unsure=unsure,
                      period_conf=min(w.conf, last.conf))  # fmt: skip
    return None


def _set_period(h: Header, p: Header) -> None:
    h.month, h.year, h.month_word, h.year_word, h.year_short = p.month, p.year, p.month_word, p.year_word, p.year_short
    h.month_unsure, h.period_conf = p.month_unsure, p.period_conf


def _lost_digit(line: list[Word], i: int) -> int | None:
    """The index of a word of three digits after the month's name at ``i`` (a dash between them allowed), "г." or
    "год." after it, whose last two digits are a year of the archive: the year written by hand, its first
    digit lost or two of its digits read as one ("Юни, 892 год.", "Август, 191 год."); None when there is none."""
    k = i + 1
    if k < len(line) and line[k].text.strip(".,") in _DASHES:
        k += 1
    if k + 1 >= len(line) or not re.fullmatch(r"\d{3},?", line[k].text):
        return None
    if line[k + 1].text.lower().strip(".,") not in ("г", "год"):
        return None
    return k if YEARS[0] <= 1900 + int(line[k].text[1:3]) <= YEARS[1] else None


def _year_like(text: str) -> bool:
    """A word where the year stands that was not read as a year of the archive: four or five marks, three
    of them digits ("Г994", "1895", "198?г."): the period's year, to be read again (``ocr.period``)."""
    core = re.sub(r"(г|год|r)\.?$", "", text.strip(".,:;"))
    return 4 <= len(core) <= 5 and sum(ch.isdigit() for ch in core) >= 3


def _year_label(w: Word) -> bool:
    """The word that names the year after the month ("Година", "год.:", "г.")."""
    return w.text.lower().strip(".,:;„“\"'") in _YEAR_LABELS


def _lone_mark(text: str) -> bool:
    """A word of one or two marks and no letter or digit (an apostrophe read as "?", "'", "\"")."""
    return 1 <= len(text) <= 2 and not any(ch.isalnum() for ch in text)


# what a typewriter's or a dot-matrix printer's digits are misread as in a year of two digits
_YEAR_LOOKALIKES = frozenset("ВвЗзОоБбSsIlЧч#")  # "#" a dotted zero or an 8 of pins


def _short_year_like(text: str) -> bool:
    """A word where a year of two digits stands after the month, read with letters for its digits: an
    apostrophe or the like first ('"ВЗ', "'8З"), then two marks, each a digit or a digit's look-alike."""
    core = text.strip(".,:;")
    if not core or core[0] not in "'’‘`\"?*^°":
        return False
    rest = core.lstrip("'’‘`\"?*^°")
    return len(rest) == 2 and all(ch.isdigit() or ch in _YEAR_LOOKALIKES for ch in rest)


def _range_end(line: list[Word], i: int) -> int | None:
    """The last day of a period written as a range of days before the month ("от 1 до 31 юли 1984 г."): the
    number right before word ``i`` when "до" stands before it; None when the line does not say so."""
    if i < 2 or line[i - 2].text.lower().strip(".,") != "до":
        return None
    day = line[i - 1].text.strip(".,")
    return int(day) if day.isdigit() and 28 <= int(day) <= 31 else None


def _split_label(line: list[Word]) -> list[Word]:
    """ "Месец:11.1993": the period's word glued to the month by its colon, as two words."""
    out: list[Word] = []
    for w in line:
        m = re.fullmatch(r"(?i)(месец|период|м\.?):(\S+)", w.text)
        if m is None:
            out.append(w)
            continue
        cut = w.box.x0 + round(w.box.w * (len(m.group(1)) + 1) / len(w.text))
        out += [replace(w, text=m.group(1) + ":", box=Box(w.box.x0, w.box.y0, cut, w.box.y1)),
                replace(w, text=m.group(2), box=Box(cut, w.box.y0, w.box.x1, w.box.y1))]  # fmt: skip
    return out


def _glued_period(line: list[Word], h: Header) -> bool:
    """ "Месец: 111992": the month's two digits and the year as one word after the period's word, the point between
    them lost (a fax's dots, U dev 13003 p2); the month in doubt (the word may have been another)."""
    for i, w in enumerate(line[1:], 1):
        m = re.fullmatch(r"(0[1-9]|1[0-2])(\d{4})(г|год)?\.?", w.text.strip(".,"))
        before = re.sub(r"[^а-я]", "", line[i - 1].text.lower().translate(LATIN_LETTERS))
        if m is None or not YEARS[0] <= int(m.group(2)) <= YEARS[1] or before not in _PERIOD_CONTEXT:
            continue
        cut = w.box.x0 + round(w.box.w * 2 / len(w.text))
        h.month, h.year = int(m.group(1)), int(m.group(2))
        h.month_word = replace(w, text=m.group(1), box=Box(w.box.x0, w.box.y0, cut, w.box.y1))
        h.year_word = replace(w, text=m.group(2), box=Box(cut, w.box.y0, w.box.x1, w.box.y1))
        h.period_conf = w.conf
        h.month_unsure = f"месецът и годината без точка помежду им: „{w.text}“, взет месец {h.month}"
        return True
    return False


def read_period(line: list[Word], h: Header) -> bool:
    """The month and year on ``line``: a month's name, number or Roman numeral, then the year (within two
    words of a name, next to a number). A month before a word where the year stands, not read as one,
    is kept with that word (``h.year`` None) for ``ocr.period`` to read it again."""
    line = _split_period(_split_label(fill_dots(line)))
    # a speck read as a mark before the year's label ("Месец 05 > Година 1984", R dev 10002 p1) stands for nothing
    line = [w for k, w in enumerate(line) if not (_lone_mark(w.text) and k + 1 < len(line) and _year_label(line[k + 1]))]
    if _glued_period(line, h):
        return True
    slashed = _slash_period(line)
    if slashed is not None and slashed.year is not None and slashed.month is not None:
        _set_period(h, slashed)
        return True
    unread: tuple[int, Word, Word] | None = None
    unread_short = False  # the unread year stands where a year of two digits does
    for i, w in enumerate(line):
        nums = [digits(x.text) for x in line[i + 1 : i + 3]]
        at = next((j for j, n in enumerate(nums) if len(n) == 4 and YEARS[0] <= int(n) <= YEARS[1]), None)
        before = line[i - 1].text.lower().strip(".„“\"«»") if i > 0 else ""  # a speck read as a quote: "„Месец"
        # after a one-letter abbreviation and right before the year ("за н, ини 1981 г.": "м." misread as
        # "н,"), a word stands where the month does
        abbreviated = i > 0 and re.fullmatch(r"\w[.,]", line[i - 1].text) is not None
        last_day = _range_end(line, i)
        # "несец" (N dev 6020 p3, a worn "м"): the word "месец" with a letter misread is the month's context
        context = before in _PERIOD_CONTEXT or (len(before) == 5 and levenshtein(before, "месец") <= 1)
        mon = _month(w.text, in_context=context or (at == 0 and (abbreviated or last_day is not None)))
        unsure = None
        if mon is None and (context or at == 0):
            mon, unsure = month_as_number(w.text)
            # a number is the month only right before the year, or before the year's label and the year ("Месец 07
            # Година 1984", R dev 10012 p1: no period read)
            at = at if at == 0 or (at == 1 and _year_label(line[i + 1])) else None
            if mon is not None and at is None and i + 1 < len(line) and _year_like(line[i + 1].text):
                unread = unread or (mon, w, line[i + 1])
            mon = mon if at is not None else None
        elif mon is not None and at is None:
            nxt = next((x for x in line[i + 1 : i + 3] if _year_like(x.text)), None)
            if nxt is not None and (context or month_letters(w.text) in MONTHS):
                unread = unread or (mon, w, nxt)
            lost = _lost_digit(line, i) if month_letters(w.text) in MONTHS else None
            if lost is not None and nxt is None:
                h.month, h.year, h.month_word, h.year_word = mon, 1900 + int(line[lost].text[1:3]), w, line[lost]
                h.period_conf, h.year_lost = min(w.conf, line[lost].conf), True
                return True
        year = int(nums[at]) if mon is not None and at is not None else None
        # a long month's name with one letter misread ("декенври", S dev 11002 p1) names it as well
        named = context or month_letters(w.text) in MONTHS or (
            mon is not None and len(month_letters(w.text)) >= 6
            and levenshtein(month_letters(w.text), MONTHS[mon - 1]) <= 1
        )  # fmt: skip
        if mon is not None and at is None and i + 1 < len(line) and named:
            # a year of two digits right after the month ("за м. март 89 г.", "МАРТ '89", family P); the
            # apostrophe before it read as a word of its own ("януари ? 84", S dev 11003 p1)
            at = 1 if _lone_mark(line[i + 1].text) and i + 2 < len(line) else 0
            year = short_year(line[i + 1 + at].text.lstrip("?!*^°`'’‘\""))
            if year is None and unread is None and _short_year_like(line[i + 1 + at].text):
                # read with letters for digits ('"ВЗ' for '83, S dev 11001 p1): ``ocr.period`` reads it again
                unread, unread_short = (mon, w, line[i + 1 + at]), True
            at = at if year is not None else None
        if mon is None or at is None or year is None:
            continue
        h.month, h.year = mon, year
        h.month_word, h.year_word = w, line[i + 1 + at]
        h.period_conf = min([w.conf] + [x.conf for x in line[i + 1 : i + 2]])
        h.month_unsure = unsure
        h.last_day = last_day if at == 0 else None
        if h.last_day is not None and h.last_day != calendar.monthrange(h.year, mon)[1] and unsure is None:
            h.month_unsure = f"последният ден {h.last_day} не е последният ден на „{MONTHS[mon - 1]}“: месецът може да е друг"
        return True
    # the year first: "за 1989 г. м. март", "1989 г., месец март", "година 1989, м. март", "1989 г. – март"
    for i, w in enumerate(line):
        if not re.fullmatch(r"\d{4}(г|год)?\.?", w.text.lower().rstrip(",;:")):
            continue
        if not YEARS[0] <= int(w.text[:4]) <= YEARS[1]:
            continue
        skip = {"", "г", "год", "м", "месец", "за"}
        after = [x for x in line[i + 1 : i + 5] if x.text.lower().strip(".,:;–—-") not in skip]
        if len(after) >= 2 and len(after[0].text.strip(".,")) <= 1 and _month(after[1].text, in_context=True):
            after = after[1:]  # a speck read as a letter between the year and the month ("1986 Г у МЕСЕЦ")
        mon = _month(after[0].text, in_context=True) if after else None
        if mon is not None:
            h.month, h.year, h.month_word, h.year_word = mon, int(w.text[:4]), after[0], w
            h.period_conf = min(w.conf, after[0].conf)
            return True
    if slashed is not None and h.month is None:  # its year or month read with a letter: read again
        # (the year by ``ocr.period``, the month by ``ocr.roman_month``)
        _set_period(h, slashed)
        return False
    if unread is not None and h.month is None:
        h.month, h.month_word, h.year_word = unread
        h.year_short = unread_short
        h.period_conf = min(h.month_word.conf, h.year_word.conf)
    return False


AMOUNT = re.compile(r"\d{1,6}[.,]\d{2}[:;.,]?")  # a sum of money as a table's cell prints it ("175,09")


def _table_row(words: list[Word]) -> bool:
    """Is the line a person's row of the table (two sums of money in it, or an ЕГН's ten digits and a sum)? The
    words above a grid found low on the page hold the table's first rows (AG dev 25006 p1: a row labelled by a
    mark before its number, "Любомир Иваново Пенчев 4101102585 19 175,09 ...", went out as the employer)."""
    amounts = sum(AMOUNT.fullmatch(w.text.strip(":;")) is not None for w in words)
    egn = any(re.fullmatch(r"\d{10}", w.text.strip(":;.,|")) for w in words)
    return amounts >= 2 or (egn and amounts >= 1)


def _cut_by_top(line: list[Word]) -> bool:
    """Is the line cut by the image's top edge (half its words or more touch it) and read as guesses (its
    words' median confidence under ``EDGE_GUESSES``)? No typed line is: what the engine reads there is the
    backing or the burned edge of the sheet (family AG, photographed on felt, its top edge charred: "жшф <--“«
    г ча ге ре са" read along the top of AG dev 25004 p1 and taken for the employer, the name under it lost)."""
    touching = sum(w.box.y0 <= TOP_EDGE for w in line) * 2 >= len(line)
    return touching and float(np.median([w.conf for w in line])) < EDGE_GUESSES


TOP_EDGE = 2  # pixels: a word's top this near the image's top edge touches it
EDGE_GUESSES = 0.6  # a line along the top edge read at a median confidence under this is guesses


def parse_header(
    words: list[Word], page_width: int, bands: list[tuple[int, int]] | None = None, gray: np.ndarray | None = None
) -> Header:
    """Employer, period and sheet number from the words above the table (``gray``: the page, where a dash
    the engine skipped is looked for)."""
    h = Header()
    words = [w for w in words if not edge_mark(w, page_width)]  # the holes of a printout's tractor strips
    holes = {id(w) for w in tractor_holes(words)}  # ... inside a filmed listing's frame (family AA)
    words = [w for w in words if id(w) not in holes]
    words = without_form_numbers(words)  # the printed form's number in a top corner ("Образец № 1-05-12")
    lines = lines_of([w for w in words if w.conf > 0.1 or len(w.text) > 2], bands)
    faxed = [line for line in lines if fax_line(line)]  # a fax machine's line along the top (``ocr.fax_header``)
    lines = [line for line in lines if not fax_line(line) and not _cut_by_top(line)]
    sheet_words: list[Word] = []
    by_label = False  # the employer was read from a line labelled as its name
    for line in lines:
        # the sheet number: "Лист № 4" / "л. № 4", usually on the right; a program's "Стр. 4", "Страница 4" and
        # "Ведомост № 22" right of the name (family U: not the title, the name's line is no title's)
        for i, w in enumerate(line):
            t = w.text.lower().translate(LATIN_LETTERS)
            program = h.sheet is None and (t.rstrip(".:,") in ("стр", "страница") or (
                t.startswith("ведомост") and i > 0 and w.box.x0 > page_width * 0.5
            ))
            if t.startswith(("лист", "л.")) or (t in {"л", "лист"}) or program:
                for x in line[i + 1 : i + 4]:
                    m = re.search(r"(\d+)$", x.text.strip(".,:;"))
                    if m and len(m.group(1)) <= 4 and sum(ch.isalpha() for ch in x.text) <= 2:
                        h.sheet = int(m.group(1))
                        sheet_words = line[i : i + 4]
                        break
                break
    for k, line in enumerate(lines):
        text = " ".join(w.text for w in line)
        if centre_line(line, page_width):
            continue  # a computer centre's name and its run's date over the client's header (family P)
        if h.year is None:
            read_period(line, h)
        if h.month_word is not None and _holds(line, h.month_word):
            line = _running_employer(line, h.month_word, sheet_words) if len(lines) == 1 else []
            if not line:
                continue  # the period's line names no employer
            text = " ".join(w.text for w in line)
        # a line labelled as the employer's ("Предприятие: ...") is its name, also where a line above it
        # was taken for the name (the ministry or union the enterprise belonged to); the name in the
        # top-right corner, the sheet's number on the left (family P)
        right = right_employer(line, page_width)
        left = name_words(line, sheet_words, page_width)  # (a long name reaching past the line's left part too)
        apart = word_after(line, left, sheet_words)  # a word a little farther on that may be the name's end
        candidate = right if right is not None else left
        rest = _without_label(without_client_label(candidate))
        labelled = len(rest) < len(candidate)
        guessed = [] if labelled else unknown_client_label(rest, _known_label, frozenset(_ABBREVIATIONS))  # "ВНОЪР 4171": a label misread
        rest = rest[len(guessed) :]
        address = starts_address(rest)  # the address's or registration's line is never the name
        address = address or _table_row(rest)  # nor is a person's row of a table the header's words reach into
        rest = before_address(rest)  # nor is the address read on the name's line part of it
        # nor marks and guesses far from it (a mouse's bite read "„е": a quote the line below closed, AJ dev 28010 p2)
        rest = without_far_marks(rest)
        if h.employer is None or (labelled and not by_label):
            upper = " ".join(w.text for w in line if w not in sheet_words).upper()
            titled = any(t in upper for t in _TITLE_WORDS) or any(title_word(w.text) for w in line if w not in sheet_words)
            # the period's line, its month not read (yet): "Период: 01.09.1992 - 30.09.1992", "Месец: ...", "за месец"
            titled = titled or _period_label(line) or _subtitle(line)
            if rest and not titled and _month(text.split()[-1]) is None and not address:
                doubts: list[str] = [doubt("dropped", " ".join(w.text for w in guessed))] if guessed else []
                below = lines[k + 1] if k + 1 < len(lines) else []
                # the next line with words on the left: a classification mark or its copy's number typed at the
                # right between the ministry's line and the institution's ("СЕКРЕТНО" / "Екз. N 2", family AB)
                left_below = next((ln for ln in lines[k + 1 :] if any(w.box.x0 < page_width * 0.62 for w in ln)), [])
                if h.employer is None and superior_above(rest, left_below, page_width):
                    continue  # the ministry or union the enterprise belonged to: its name is on the next line
                if h.employer is None and _guesses_above_form(rest, left_below):
                    continue  # a line of guesses (a form's number misread) above a line opened by a legal form
                town = _town_line(rest, below, page_width)
                more = [] if town or names_unit(below) else _under_name(rest, below, page_width)
                joined = bool(more) and _continued(rest, more)
                rest += town or (more if joined else [])
                if apart is not None and right is None and rest and rest[-1] is left[-1]:
                    doubts.append(doubt("tail_apart", apart.text))  # "... стопанство“ – гр." | "Тетевен" (a crease)
                name = read_employer(rest, gray, doubts)
                if UNREAD not in doubts and ink_before(rest, max((w.box.x1 for w in line if w.box.x1 <= rest[0].box.x0), default=0), gray):
                    doubts.append(UNREAD)  # a word before the name the engine did not read (a legal form?)
                if more and not joined and not (name and unit_below(name, more)):  # a line under the name that
                    # may be its end (not the employer's hotel or restaurant under its whole name): a person decides
                    doubts.append(LINE_BELOW)
                if (ministry := names_ministry(rest)) is not None:  # no line under it read as the institution's
                    doubts.append(doubt("ministry", ministry))
                if (place := place_unmarked(rest, gray)) is not None:  # "„Дружба“ Бяла черква": "с." unread?
                    doubts.append(doubt("village_unmarked", place))
                if (name and sum(ch.isalpha() for ch in name) >= 4 and not _noise_line(rest)
                        and not _edge_guesses(rest, page_width)):  # fmt: skip
                    h.employer = name
                    h.employer_review = "; ".join(doubts) or None
                    h.employer_conf = min(w.conf for w in rest)
                    h.employer_words = tuple(rest)
                    by_label = labelled
    if h.employer is not None and faxed:  # a word of the name one letter from the fax's station ID's: that word
        corrected: list[tuple[str, str]] = []
        h.employer = by_sender(h.employer, sender_words(faxed), corrected, h.employer_review or "")
        doubts = [doubt("corrected", old, new) for old, new in corrected]  # (two readings of a garbled name)
        h.employer_review = "; ".join(([h.employer_review] if h.employer_review else []) + doubts) or None
    if h.year is None and h.month is None:  # the period as the month's first and last day: "от 01.08.1992 до 31.08.1992 г."
        next((True for line in lines if dated_period(line, h)), None)
    if h.month is None:
        filled = (fill_dots(line) for line in lines)  # "за месец ....Х.... 19..88.. г.": the dots taken out
        h.period_line = next((tuple(line) for line in filled if year_line(line, sheet_words)), ())
    return h


_PERIOD_OPENINGS = ("за", "месец", "м", "мес")
_OPENING_DIGITS = str.maketrans("340", "зао")  # "ЗА" in a dot-built face read "34"


def _running_employer(line: list[Word], month: Word, sheet_words: list[Word]) -> list[Word]:
    """A continuation page's running line, the employer's quoted name, the period and the page's number on one
    line ('ЛС НА ТКЗС "ОСВОБОЖДЕНИЕ" С.ЛОМ ЧЕРКОВНА  ЗА МЕСЕЦ МАРТ 1994 Г.  СТР. 2', AK dev 29001 p2): the
    words before the period, where the line also holds the page's number (``sheet_words``) and a quote, and is the
    header's only line (the caller's test: T's `t-roman-month-slash-year`, a title misread before the period over
    the employer's line); [] for any other line with the period (a period's line names no employer)."""
    if not any(w in sheet_words for w in line):
        return []
    before = [w for w in line if w.box.x1 <= month.box.x0 and w not in sheet_words]
    while before and re.sub(r"[^а-я]", "", before[-1].text.lower().translate(LATIN_LETTERS).translate(
            _OPENING_DIGITS)) in _PERIOD_OPENINGS:  # fmt: skip
        before.pop()
    if len(before) < 2 or not any(q in w.text for w in before for q in "„“\""):
        return []
    return before


def _known_label(text: str) -> bool:
    """A word of a name, not a client's label misread: a listed word or legal form, or a dictionary's word."""
    core = text.strip(".,:;„“").translate(LATIN_LETTERS)
    return (core in _ABBREVIATIONS or core.capitalize() in vocabulary()["words"] or core in vocabulary()["words"]
            or common_word(core))  # fmt: skip


_PERIOD_LABELS = ("период", "месец")


def _period_label(line: list[Word]) -> bool:
    """Does the line start as the period's ("Период:", "Месец:", "за месец", "от 01.09.1992 до ...")? No name does."""
    first = [re.sub(r"[^а-я]", "", w.text.lower().translate(LATIN_LETTERS)) for w in line[:2]]
    if first and first[0] in ("за", "от") and len(line) > 1:
        return first[1] == "месец" or re.match(r"\d", line[1].text) is not None
    return bool(first) and len(first[0]) >= 5 and any(levenshtein(first[0], lab) <= 1 for lab in _PERIOD_LABELS)


def _subtitle(line: list[Word]) -> bool:
    """Is the line a form's subtitle under its title, opened by a small "за" and a word in small letters ("за
    изплащане на трудовите възнаграждения", "за заплатите на работниците": AP eval seed 2065, taken for the employer
    on 5 pages of 16)? No employer's name opens so."""
    first = [w.text.strip(".,:;„“\"") for w in line[:2]]
    return len(first) == 2 and first[0] == "за" and len(first[1]) >= 3 and first[1].isalpha() and first[1].islower()


def _holds(line: list[Word], word: Word) -> bool:
    """Is ``word`` on the line, also as a part of one of its words ("11" of "11.1993", ``_split_period``)?"""
    return word in line or any(w.box.x0 <= word.box.cx <= w.box.x1 and w.box.y0 <= word.box.cy <= w.box.y1 for w in line)


def dated_period(line: list[Word], h: Header) -> bool:
    """The month and year of a line that writes the period as dates (``ocr.period_range``), set on ``h``."""
    dated = dated_range(line, YEARS)
    if dated is None:
        return False
    h.month, h.year, h.month_word, h.year_word = dated.month, dated.year, dated.month_word, dated.year_word
    h.period_conf, h.range_doubt = min(dated.month_word.conf, dated.year_word.conf), dated.doubt
    h.month_unsure = month_as_number(dated.month_word.text)[1]  # a numeral's stroke read as a letter
    return True


def year_line(line: list[Word], sheet_words: list[Word]) -> bool:
    """A line that holds a year of the archive (also glued to what stands before it: "VII.1991"), is no
    title and holds no sheet number: where the period is, its month not read."""
    if any(t in " ".join(w.text for w in line).upper() for t in _TITLE_WORDS) or any(w in sheet_words for w in line):
        return False
    years = (re.search(r"(\d{4})(г|год|r)?\.?$", w.text.strip(".,:;")) for w in line)
    return any(m is not None and YEARS[0] <= int(m.group(1)) <= YEARS[1] for m in years)
