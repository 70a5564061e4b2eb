"""A fax machine's transmission header (its TTI line) along the page's top: neither the employer nor the period.

A page that came by fax carries the sending machine's line above the sheet's own header: the date and time of the
transmission, the sender's telephone number, its station ID (the firm's short name, often in Latin letters) and
the page's number ("20.12.93 12:82 ТЕЛ. (064) 71 76 ЕТ СЛАВОВА СТР. 01/02", "DEC-06-93 10:57 FROM STROITELNI
MATERIALI EAD TEL +359 32 394815 P.02/02"), printed in the machine's own small characters. Its words are read
with the Bulgarian model and garbled ("4нн-28-94 1258 РРОМ ЗТРОТТЕСНТ ... Р.й1"), but what it is made of shows
through: a time, a date of two-digit groups, a telephone number, a page counter, the words TEL/FROM. A line with
two kinds of these is the fax's, whatever else it holds (a name's line has none of them)."""

from __future__ import annotations

import re

from .geometry import Word

# hh:mm (its last digit read as a mark: "15:8?")
_TIME = re.compile(r"\d{1,2}:\d[\d?]")
# the transmission's date: "20.12.93", "95-09-25", "DEC-06-93" / "ОСТ-2й-98" (letters for the month), "4нн-28-94"
_DATE = re.compile(r"\S{2,3}[.,-]\S{2}[.,-]\S{2}")
# the sender's number: "+359 32 394815", "(064) 71 76", "(892)", "056/4-10-65" ("85674-10-65": the slash read 7)
_PHONE = re.compile(r"(\+3\d{1,3}|\(\S{2,4}\)|\d{6,}|\d[\d/]{2,5}-\S{2}-\S{2})")
# the page counter: "P.02/02", "Р,й2702" (the slash read as 7), "01/02", "й17/82"; "СТР. 01/02" / "СТР,й2"
_PAGE = re.compile(r"([PРR][.,:]\S{1,2}(\S?\S{1,2})?|\S{1,3}/\S{2})")
_YEAR = re.compile(r"(19|20)\d\d")  # a period's date or year ("01.03.1995", "05/1995"): the sheet's, not the fax's
_PAGE_WORD = re.compile(r"(СТР|CTP|STR)([.,:]\S{1,5})?")  # "СТР", "СТР,й2" (not "СТРОИТЕЛНИ")
_WORDS = ("TEL", "ТЕЛ", "FROM", "FAX", "ФАКС")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def fax_signs(line: list[Word]) -> set[str]:
    """The kinds of a fax header's parts the line's words show ("time", "date", "phone", "page", "word")."""
    signs: set[str] = set()
    for w in line:
        t = w.text.strip(",;\"'„“")
        up = t.upper().rstrip(".,:")
        if _TIME.fullmatch(t):
            signs.add("time")
        elif _DATE.fullmatch(t) and _digits(t) >= 2 and not _YEAR.search(t):
            signs.add("date")  # (a period's date writes the year with four digits: "01.03.1995")
        elif _PHONE.fullmatch(t) and _digits(t) >= 2:
            signs.add("phone")
        elif (_PAGE.fullmatch(t) and _digits(t) >= 2 and not _YEAR.search(t)) or _PAGE_WORD.fullmatch(up):
            signs.add("page")
        elif up in _WORDS:
            signs.add("word")
    return signs


def fax_line(line: list[Word]) -> bool:
    """Is the line a fax machine's transmission header (two kinds of its parts at least)?"""
    return len(fax_signs(line)) >= 2


# the fax's station ID in Latin letters as Bulgarian ones ("STROITELNI" -> "СТРОИТЕЛНИ"): longest first
_FROM_LATIN = (("SHT", "Щ"), ("ZH", "Ж"), ("SH", "Ш"), ("CH", "Ч"), ("TS", "Ц"), ("YU", "Ю"), ("YA", "Я"),
               ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("E", "Е"), ("Z", "З"), ("I", "И"),
               ("Y", "Й"), ("K", "К"), ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"), ("P", "П"), ("R", "Р"),
               ("S", "С"), ("T", "Т"), ("U", "У"), ("F", "Ф"), ("H", "Х"), ("C", "Ц"))  # fmt: skip


def _cyrillic(word: str) -> str:
    if not re.fullmatch(r"[A-Z]+", word):
        return word
    out, i = "", 0
    while i < len(word):
        lat, cyr = next((p for p in _FROM_LATIN if word.startswith(p[0], i)), (word[i], word[i]))
        out, i = out + cyr, i + len(lat)
    return out


def sender_words(lines: list[list[Word]]) -> set[str]:
    """The words of four letters or more on the fax's lines, in capitals (its station ID's: "ЕЛИТ", "СЛАВОВА")."""
    out: set[str] = set()
    for line in lines:
        for w in line:
            for part in re.split(r"[^A-Za-zА-Яа-я]+", w.text):
                if len(part) >= 4 and part.isupper():
                    out.add(_cyrillic(part))
    return out


def by_sender(name: str, senders: set[str], corrected: list[tuple[str, str]], doubted: str) -> str:
    """A word of the name in doubt (named in ``doubted``, the name's doubts) one letter from exactly one word of the
    fax's station ID, of the same length, is that word ("„Елин-РА“" and "ЕТ ЕЛИТ" on the fax's line: „Елит-РА“):
    a word read sure is not changed for one the fax's line may have garbled. ``corrected`` gets (as read, as
    mended): the name goes to a person all the same."""

    def mend(m: re.Match[str]) -> str:
        core = m.group(0)
        up = core.upper()
        if len(core) < 4 or up in senders:
            return core
        near = [s for s in senders if len(s) == len(up) and sum(a != b for a, b in zip(s, up, strict=True)) == 1]
        if len(near) != 1 or core not in doubted:
            return core
        new = near[0] if core.isupper() else near[0].capitalize() if core[0].isupper() else near[0].lower()
        corrected.append((core, new))
        return new

    return re.sub(r"[А-Яа-я]+", mend, name)
