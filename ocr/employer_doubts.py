"""Why a person should check the employer's name as read (payroll-page/1 ``employer.review``): every doubt
the reader can write, by kind, in the words it writes them (Bulgarian, ``{word}``: the word as read,
``{near}``: what it was taken for). The doubts of one name are joined by "; ". The verification screen
shows each kind in the user's language (``archive_api/i18n_reasons.py`` ``employer.part.<kind>``;
``ingest.employer_doubt.parts_of`` tells the kind back from the words)."""

from __future__ import annotations

import re
from functools import lru_cache

DOUBTS: dict[str, str] = {
    # a word taken for a known word one or two letters from it
    "corrected": "„{word}“ прочетено като „{near}“",
    "unsure": "„{word}“ неуверено разчетено",
    # a word of letters dropped as dust between (or before) the name's words
    "dropped": "„{word}“ неуверено разчетено и пропуснато: проверете името",
    "form_substituted": "„{word}“ прочетено като правна форма „{near}“: проверете формата",
    "form_unknown": "„{word}“ не е позната правна форма",
    "form_unsure": "„{word}“ неуверено разчетено: правната форма може да е друга",
    "not_a_word": "„{word}“ не е дума от речника: проверете името",
    # several known words near; ``near``: up to three of them, joined by "“, „"
    "maybe": "„{word}“ може да е „{near}“: проверете името",
    "quote_unclosed": "кавичка без затваряща: проверете къде свършва името в кавички",
    "two_quoted": "две имена в кавички: проверете кавичките",
    "capital_inside": "„{word}“: главна буква в средата на думата",
    "small_first": "„{word}“: името в кавички започва с малка буква",
    "odd_mark": "знак „{word}“ не се среща в имена на работодатели: проверете името",
    "mark_before_quote": "„{word}“ пред кавичките: точка на съкращение или петно?",
    "unread_before": "знаци пред името не са разчетени: проверете началото на името",
    "line_below": "ред под името, започващ под него: проверете дали е част от името",
    # the name's line read a second time alone gives other words (``ocr.employer_reread.confirm_employer``)
    "reread_differs": "при втори прочит „{near}“: двата прочита се различават, проверете името",
    # the name's dash with a space on one side only ("ЕООД –Ловеч"): a dash or a hyphen? (``ocr.employer_marks``)
    "dash_one_side": "„{word}“: тире с интервал само от едната страна, проверете тирето",
    # a village's name without "с." before it: the mark may not have been read (``ocr.employer_marks``)
    "village_unmarked": "„{word}“ е село, но без „с.“ пред него: проверете името",
    # an institution's number without its sign after a word ("Поликлиника 3"): the "№" may not have been read
    "number_unsigned": "„{word}“: номер без „№“ пред него: проверете името",
    # the glyph before an institution's number is neither clearly a "№" nor a typed "N" (``ocr.number_sign``)
    "number_sign": "знакът пред номера не е ясен („№“ или „N“): проверете името",
    # a company's name before its form ("Родина ЕАД") read without quotes: faint quotes dropped as specks?
    "quotes_missing": "„{word}“ пред правната форма без кавички: проверете кавичките",
    # the line taken for the name is a ministry's, no line under it read as the institution's (``ocr.superior_body``)
    "ministry": "„{word}“ е министерство: проверете дали името на работодателя не е под него",
    # the other pages of the same file read the name a letter or two otherwise (``ocr.batch_agreement``)
    "other_pages": "на другите листове „{near}“: проверете името",
    # the name ends where no name does: a town's or village's mark, a preposition, a dash, a comma
    # (``ocr.employer_end``: its end cut off, or typed on past where the reading stopped)
    "name_cut": "името свършва на „{word}“: проверете дали краят му не е отрязан",
    # a word on the name's line right after it, farther than a space (a crease?), that may carry it on
    # (``ocr.name_run``)
    "tail_apart": "след името на реда стои „{word}“: проверете дали не е краят на името",
    # the name typed on a form's dotted line, the dots read into its words and taken out (``ocr.name_leaders``):
    # a dash or a stop among them may have gone with them
    "dotted_line": "името е написано върху пунктир и точките са прочетени в него: проверете тиретата и точките",
    # the name read from a title block under the table, no other cell of it or more than one naming an
    # organisation (``ocr.title_block``)
    "title_block": "„{word}“ е от основния надпис под таблицата, без да е сигурно кое поле е работодателят: проверете името",
    # ... where the name over the table was in doubt (``ocr.title_block``)
    "above_table": "„{word}“ е от основния надпис под таблицата, а над таблицата е прочетено „{near}“: проверете името",
}


def doubt(kind: str, word: str = "", near: str = "") -> str:
    """The reader's words for a doubt of ``kind`` (a key of ``DOUBTS``)."""
    return DOUBTS[kind].format(word=word, near=near)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each kind's words as a pattern, the longest first (so "неуверено разчетено и пропуснато" is not
    taken for "неуверено разчетено")."""
    out = []
    for kind, words in sorted(DOUBTS.items(), key=lambda kv: -len(kv[1])):
        pieces = re.split(r"(\{word\}|\{near\})", words)
        rx = "".join(
            "(?P<word>.+?)" if p == "{word}" else "(?P<near>.+)" if p == "{near}" else re.escape(p) for p in pieces
        )
        out.append((kind, re.compile(f"^{rx}$")))
    return out


def kind_of(text: str) -> tuple[str, str, str] | None:
    """(kind, word, near) of one doubt in the reader's words, None when no kind has those words."""
    for kind, rx in _patterns():
        if m := rx.match(text):
            groups = m.groupdict()
            return kind, groups.get("word") or "", groups.get("near") or ""
    return None
