"""The meaning stage: the read words of the grid become a payroll sheet's parts (heading, people's rows,
sums carried in, totals), each person's row a draft of values for the checks, and at last payroll-page/1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

import cv2
import numpy as np

from archive_core.records import SCORED_FIELDS, PageReview, PayrollPage, PayrollRow, ReviewReason

from . import checks, columns, inkcount, name_case, names, normalise, pay_items, spreadsheet_frame
from .analysis import Analysis
from .geometry import Box, Grid, Word, reading_text
from .header import Header, levenshtein, parse_header
from .reading import Reading, cell_words, confidence

NUMERIC = ("row", "egn", "days_worked", *checks.MONEY)


@dataclass
class Sheet:
    """The table's words cell by cell and the rows' roles; ``texts`` are the people's rows' cell texts."""

    cells: dict[tuple[int, int], list[Word]]
    header: Header
    headings: list[str]
    body_rows: list[int]
    totals_row: int | None
    carried_row: int | None
    texts: list[list[str]]
    cents: list[int] = field(default_factory=list)  # columns of stotinki joined to the leva on their left
    unsure: list[list[int]] = field(default_factory=list)  # boxes (image as given) of rows a person or the totals
    running: bool = False  # a headless continuation page: its rows numbered on from the page before, never from 1
    thousands: list[int] = field(default_factory=list)  # money columns whose thousands' groups, cut off to the left, joined them

    def text(self, r: int, c: int) -> str:
        return reading_text(self.cells.get((r, c), []))

    def figure_box(self, g: Grid, r: int, c: int) -> Box:
        """Cell (r, c) of the grid, with its stotinki's cell where they stand in a column of their own (read
        alone, the leva `8508` read as an amount in stotinki, 85.08: L dev 4008 p1)."""
        box = g.cell(r, c)
        if c in self.thousands:  # the group on the left read with it (``split_thousands``)
            left = g.cell(r, c - 1)
            box = Box(min(box.x0, left.x0), min(box.y0, left.y0), max(box.x1, left.x1), max(box.y1, left.y1))
        if c + 1 not in self.cents:
            return box
        right = g.cell(r, c + 1)
        return Box(min(box.x0, right.x0), min(box.y0, right.y0), max(box.x1, right.x1), max(box.y1, right.y1))


@dataclass(frozen=True)
class Target:
    """A cell to read a second time: ``row`` is the index of its draft, -1 for the totals row."""

    row: int
    kind: str
    box: Box


def is_total_label(text: str) -> bool:
    """ "Всичко" closes a month; "Пренос" closes a sheet whose month goes on on the next one."""
    return any(_near_total(t.lower().strip(":.,")) for t in text.split())


def _near_total(word: str) -> bool:
    """``word`` (lower case) within two letters of `всичко` or `пренос`."""
    return any(levenshtein(word, w) <= 2 for w in ("всичко", "пренос"))


def is_carried_label(text: str) -> bool:
    """`Пренос`, `Пренесено`, or `От предходна страница` (a computing centre's listing, AA dev 19011 p2: the
    carried sums read as a person's row) at a sheet's head."""
    words = [t.lower().strip(":.,") for t in text.split()]
    carried = ("пренос", "пренесено", "предходна")
    return any(levenshtein(t, w) <= 2 for t in words for w in carried) and not any(
        levenshtein(t, "всичко") <= 2 for t in words
    )


def _carried_first(r: int, text: str, row_text: Callable[[int], str]) -> bool:
    """Row ``r`` is the sums carried from the previous sheet (`Пренос`) with no figure in the rows above it
    but the heading's: it opens the table, it does not end it. Under a heading whose last line says `лв.` /
    `ст.` over each column (row 1) it was taken for the sheet's carried-out sums, and the people below it
    were lost (L dev 4020 p2: 0 of 2 rows)."""
    above = [t for q in range(1, r) for t in row_text(q).split()]  # (`лв.` may read `8`: no figure of 2 digits)
    return is_carried_label(text) and not any(len(normalise.digits(t)) >= 2 for t in above)


def _has_egn(text: str) -> bool:
    return any(len(normalise.digits(t)) == 10 for t in text.split())


def parts(a: Analysis, reading: Reading) -> Sheet:
    """The header above the table; the heading band (row 0); the people's rows between an "От пренос"
    row of carried sums and a "Всичко"/"Пренос" totals row, either of which may be missing."""
    g = a.grid
    cells, above = cell_words(reading.words, g)
    header = parse_header(above, a.clean.shape[1], reading.bands, a.gray)

    def row_text(r: int) -> str:
        return " ".join(reading_text(cells.get((r, c), [])) for c in range(g.n_cols))

    headings = [reading_text(cells.get((0, c), [])) for c in range(g.n_cols)]
    # a spreadsheet's column letters boxed over the heading, the grid's first row: the heading is under them
    lines = [[reading_text(cells.get((r, c), [])) for c in range(g.n_cols)] for r in range(1, g.n_rows)]
    skip = spreadsheet_frame.heading_lines(headings, lines)
    if skip:
        headings = [" ".join(t.strip() for t in (row[c] for row in lines[:skip]) if t.strip()) for c in range(g.n_cols)]
    running = not skip and g.n_rows > 1 and _running_line(headings)
    person_first = not skip and not running and _person_for_heading(headings, lines)
    if running:
        # a continuation page's running line (the employer, the period, the page) taken for the heading: the header
        header = parse_header(above + [w for c in range(g.n_cols) for w in cells.get((0, c), [])],
                              a.clean.shape[1], reading.bands, a.gray)  # fmt: skip
    body_rows, totals_row, carried_row = row_roles(
        g.n_rows - skip,
        lambda r: row_text(r + skip if r else 0),
        lambda r: any(cells.get((r + skip, c)) for c in range(g.n_cols)),
    )
    body_rows = [r + skip for r in body_rows]
    if person_first:  # a headless page's first person in the grid's first band: a row, no heading
        body_rows, headings = [0, *body_rows], [""] * g.n_cols
    totals_row = None if totals_row is None else totals_row + skip
    carried_row = None if carried_row is None else carried_row + skip
    if carried_row is None and len(body_rows) > CARRIED_ROWS and _sums_set_apart(a, body_rows[0], row_text(body_rows[0])):
        carried_row = body_rows.pop(0)
    unsure = []
    if totals_row is not None and _last_person_over_rule(
        a, body_rows, totals_row, row_text(totals_row), [row_text(r) for r in body_rows]
    ):
        body_rows, totals_row = [*body_rows, totals_row], None
        unsure.append(a.transform.box_to_original(row_box(g, body_rows[-1])))
    texts = [[reading_text(cells.get((r, c), [])) for c in range(g.n_cols)] for r in body_rows]
    return Sheet(cells, header, headings, body_rows, totals_row, carried_row, texts, unsure=unsure, running=running)


_PAGE_WORD = re.compile(r"(?:^|\s)(?:стр|лист)\.?\s*\d{1,2}(?:\s|$)|(?:^|\s)-\s*\d{1,2}\s*-(?:\s|$)", re.IGNORECASE)
_QUOTED = re.compile(r"[\"„“][^\"„“]{3,}[\"„“]")


def _person_for_heading(headings: list[str], lines: list[list[str]]) -> bool:
    """The grid's first band, taken for its heading, is a person's row: no column's heading in it but an ЕГН
    and figures, as on the band under it (a headless continuation page whose running line stands above the
    grid: AK dev 29003 p8, its first person `42 : 6503101884 : ХАДЖИЕВ АТАНАС` taken for the heading and lost
    without a flag)."""
    if any(columns.heading_votes(h) for h in headings) or not lines:
        return False
    first, under = " ".join(headings), " ".join(lines[0])
    return all(_has_egn(t) and _amounts_on(t) for t in (first, under))


def _running_line(headings: list[str]) -> bool:
    """The grid's heading band holds no column's heading but a continuation page's running line: a quoted name
    (the employer's) and the page's number ("СТР. 2", "ЛИСТ 2", "- 2 -"), every page of a month after its first
    printed so with no title and no headings (AK dev 29001 p2: the employer and the period came out empty)."""
    if any(columns.heading_votes(h) for h in headings):
        return False
    text = " ".join(h for h in headings if h.strip())
    return bool(_QUOTED.search(text)) and bool(_PAGE_WORD.search(text))


def _last_person_over_rule(a: Analysis, body_rows: list[int], r: int, text: str, above: list[str]) -> bool:
    """Grid row ``r``, taken for the totals for want of an ЕГН (no total's word read), is the grid's last, a
    rule under it and none over it, and no rule parts the people's rows above it: a typed table's last person
    over the rule that sets the totals apart under the grid (AB dev 20011 p7: `Пренася се:` under the grid's
    last rule, outside it; the last person, his ЕГН unread, taken for the totals and lost without a flag).
    The row may yet be the totals whose rule over them the film lost: it comes back in review (``unsure``). Not
    a row with a total's word among its first (`ОБЩО ЗА ЦЕХА`), taller than the people's half again (the totals
    and the signatures under them: Z dev 18001 p1), or with two amounts twice what the people's rows ``above``
    hold at the most (``_sums_first``'s measure)."""
    ys, rules = a.grid.ys, [h.pos for h in a.rules.horizontal]
    if r != len(ys) - 2 or len(body_rows) < 3 or is_total_label(text) or _has_egn(text):
        return False
    words = [w for w in _words(text) if any(ch.isalpha() for ch in w)]
    if any(levenshtein(w, t) <= 1 for w in words[:3] for t in SUBTOTAL_WORDS):
        return False
    heights = sorted(ys[q + 1] - ys[q] for q in body_rows)
    if ys[r + 1] - ys[r] > 1.5 * heights[len(heights) // 2]:
        return False
    most = sorted(max(_amounts_in(t), default=Decimal(0)) for t in above)
    top = most[int(0.9 * (len(most) - 1))]
    if top > 0 and sum(v >= CARRIED_TIMES * top for v in _amounts_in(text)) >= CARRIED_AMOUNTS:
        return False

    def ruled(y: int) -> bool:
        return any(abs(y - p) <= RULE_NEAR for p in rules)

    return ruled(ys[r + 1]) and not any(ruled(ys[q]) for q in [*body_rows[1:], r])


def doubt_unsure(s: Sheet, drafts: list[checks.RowDraft]) -> None:
    """Every field in review on the rows read from ``s.unsure``'s boxes (a person or the totals: a person
    tells)."""
    for box in s.unsure:
        for d in drafts:
            if d.bbox and box[1] <= (d.bbox[1] + d.bbox[3]) / 2 <= box[3]:
                d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)


GROUP_WORDS = (  # units of a works a sheet's people are grouped under (a department's heading row)
    "цех", "отдел", "склад", "бригада", "звено", "участък", "служба", "работилница", "администрация",
    "транспорт", "счетоводство", "ферма", "сектор", "поддръжка", "полевъдство", "животновъдство", "отделение",
    "поделение",
)
SUBTOTAL_WORDS = ("всичко", "общо", "итого", "сума")  # (`СУМА ЗА ЦЕХ 03:` a computing centre's, AA dev 19003)


def _words(text: str) -> list[str]:
    return [t.lower().strip(":.,;„“\"'()") for t in text.split()]


def _position(words: list[str], i: int) -> bool:
    """``words[i]`` is `общ` of a person's position, `общ работник` (a general worker), not `Общо` of a
    subtotal (O dev 7003 p2: row 5's ЕГН read with a digit too many, `5 общ работник` was taken for a
    subtotal and the person lost)."""
    return words[i] == "общ" and i + 1 < len(words) and levenshtein(words[i + 1], "работник") <= 2


def _figures(text: str) -> bool:
    """An amount or a count on the row: more than one number, or one of three digits or more (a tick
    read as `11` beside a department's name is neither)."""
    numbers = [sum(ch.isdigit() for ch in t) for t in text.split()]
    numbers = [n for n in numbers if n]
    return len(numbers) > 1 or any(n >= 3 for n in numbers)


def _amounts_on(text: str) -> bool:
    """An amount on the row: a number of three digits or more, or three numbers (a department's heading has its
    code and maybe a letter read as a nought: `ПОЧЕЛЕНИЕ 07 СКлапово стоп 0`, AA dev 19003 p5)."""
    numbers = [sum(ch.isdigit() for ch in t) for t in text.split()]
    numbers = [n for n in numbers if n]
    return len(numbers) > 2 or any(n >= 3 for n in numbers)


def _total_word(word: str, total: str) -> bool:
    """``word`` read as ``total`` (`всичко`, `общо` ...): a letter off, two in a long word, as ``is_total_label``
    allows them (AA dev 19003 p5: `ССИЧкоО За ПОДЕЛЕНИЕ 07` no subtotal but the sheet's totals, and the three
    departments under it lost without a flag)."""
    return levenshtein(word, total) <= (2 if len(total) >= 5 else 1)


def _grand_total_next(r: int, texts: dict[int, str]) -> bool:
    """The next row with ink after ``r`` is a total of figures ("Всичко за предприятието"): ``r`` closes
    the last department, that row the sheet."""
    after = [q for q in texts if q > r and texts[q].strip()]
    if not after or not _figures(texts[after[0]]):
        return False
    words = _words(texts[after[0]])  # or `Общо за месеца` (AA dev 19003 p3: the last department's `Сума за ...`)
    return is_total_label(texts[after[0]]) or any(
        _total_word(w, t) and not _position(words, i) for i, w in enumerate(words[:3]) for t in SUBTOTAL_WORDS
    )


def group_rows(n_rows: int, row_text: Callable[[int], str]) -> list[int]:
    """The rows of a sheet grouped by department (family O dev 7004: "Цех „Механичен“" over its people,
    "Общо за отдела" under them, the numbers running on): a heading row (a unit's word, no figure, no ЕГН)
    or a subtotal row (a total's word, no ЕГН) with a person's row (an ЕГН) below it, among the grid's rows
    below the heading. Neither is a person; the grand total under the last person stays the totals row."""
    texts = {r: row_text(r) for r in range(1, n_rows)}
    people = [r for r, t in texts.items() if _has_egn(t)]
    last = max((r for r, t in texts.items() if t.strip()), default=0)  # the grand total's, or a footer's
    out = []
    for r, text in texts.items():
        if _has_egn(text) or not people:
            continue
        words = _words(text)
        heading = (
            r < people[-1]
            and not _amounts_on(text)
            and any(w == g or (len(g) >= 5 and levenshtein(w, g) <= 1) for w in words for g in GROUP_WORDS)
        )
        subtotal = (
            people[0] < r < last
            and _figures(text)
            and any(
                _total_word(w, t) and not _position(words, i) for i, w in enumerate(words[:3]) for t in SUBTOTAL_WORDS
            )
            and (any(q > r for q in people) or _grand_total_next(r, texts))
        )
        if heading or subtotal or (people[0] < r and _detail_line(text)):
            out.append(r)
    return sorted(out + _spoilt_headings(texts, people, out))


# a line that itemises a part of the row above it ("В Т.Ч. НАТУРА: ПШЕНИЦА 120 КГ X 0.25 = 30.00": of which in
# kind; "НАТУРА ВИНО 10 Л ПО 0.85 ЛВ. - 8.50"): its opening words
DETAIL_OPENINGS = ("натура",)
_OF_WHICH = re.compile(r"^в\s*\.?\s*т\s*\.?\s*ч\b")  # "в т.ч.", "в т. ч.", "втч" (в това число)


def _detail_line(text: str) -> bool:
    """A line under a person's row, in the row's box, that itemises a part of it (the produce a member took in
    kind: "В Т.Ч. НАТУРА: ПШЕНИЦА 120 КГ X 0.25 = 30.00"), no person of its own: it opens with `в т.ч.` or a
    listed word (a letter off in a long one), with no ЕГН and no printed row number before it. Taken for a
    person, its quantity and sum went into the row's fields and every printed number below it moved on one
    (AK dev 29001 p4: two produce lines, the page's last two people cited under the numbers 36 and 38)."""
    if _has_egn(text) or _numbered(text):
        return False
    low = text.lower().strip(" :|")
    if _OF_WHICH.match(low) or _OF_WHICH.match(low.replace(" ", "")):
        return True
    words = [w for w in _words(low) if w][:2]
    return any(levenshtein(w, d) <= 1 for w in words for d in DETAIL_OPENINGS)


def _spoilt_headings(texts: dict[int, str], people: list[int], found: list[int]) -> list[int]:
    """Department headings whose words a stamp or a smudge spoilt (O dev 7008 p1: `РЕМОНТНА РАБОТИЛНИЦА`
    under the office's stamp read `РЕМОНТНА РАБ ел ДЛНР`, taken for a person's row, every person after it one
    row down): on a sheet whose other departments' headings were read (``found``), a row of words alone (no
    ЕГН, no figures) where a heading stands, right above a person's row and below the table's heading or a
    department's subtotal (a subtotal and the next heading may share one band of the grid)."""
    if not found:  # no department's heading nor subtotal read by its words: no departments
        return []
    inked = [r for r, t in texts.items() if t.strip()]
    out = []
    for i, r in enumerate(inked):
        text = texts[r]
        if r in found or _has_egn(text) or _figures(text) or not people or r > people[-1]:
            continue
        if sum(len(w) >= 3 and w.isalpha() for w in _words(text)) < 1:
            continue
        below = inked[i + 1] if i + 1 < len(inked) else None
        above = inked[i - 1] if i > 0 else None
        opens = above is None or (above in found and _figures(texts[above]))  # first, or after a subtotal
        if below in people and opens:
            out.append(r)
    return out


PEOPLE_BELOW = 2  # rows of people under a "closing" row at the least that say it closes nothing


def _people_below(r: int, text: str, row_text: Callable[[int], str], n_rows: int) -> bool:
    """Row ``r``, taken for the totals by a word like `Пренос` read within two letters, is a person's whose
    surname reads so (`Пенов`: AB dev 20003 p2, the ЕГН unread on a filmed sheet, the table cut after its
    fourth person and ten people lost without a flag): a name of two lexicon words on it, and under it
    ``PEOPLE_BELOW`` rows or more each with an ЕГН or a name of two lexicon words."""
    if not _lexicon_named(text):
        return False
    return sum(_has_egn(t) or _lexicon_named(t) for t in (row_text(q) for q in range(r + 1, n_rows))) >= PEOPLE_BELOW


def _numbered_on(r: int, row_text: Callable[[int], str], n_rows: int) -> bool:
    """Row ``r`` begins with a number one more than the row above's first and one less than the row below's
    (`4 ...`, `5 вкЛичко вагилова Бъчварова ...`, `6 ...`): a person's printed row number in the order of the
    rows, whatever word of the row reads like `Всичко` (AK dev 29002 p1: `Величко` read so on a dot-matrix page
    whose ЕГН the reading split in three columns, the table ended at the fifth person and nineteen people lost
    without a flag). The totals carry no row number and no person is numbered on under them — but on a form
    whose row numbers are printed down every line, the totals typed on the line after the last person carry the
    form's number, and the lines under them hold nothing but theirs (AP dev 34007 p1: `7 Общо ...` over the
    printed `8` to `13`, read as a person, the form's empty lines counted as rows whose ЕГН failed, every field
    of the page in review)."""
    if r + 1 >= n_rows or all(len(row_text(q).split()) <= 1 for q in range(r + 1, n_rows)):
        return False
    firsts = [row_text(q).split()[:1] for q in (r - 1, r, r + 1)]
    if not all(f and f[0].rstrip(".").isdigit() for f in firsts):
        return False
    a, b, c = (int(f[0].rstrip(".")) for f in firsts)
    return b == a + 1 and c == b + 1


SURNAME_ENDS = ("ов", "ев", "ова", "ева")  # a word so ended is a surname, not `Пренос` read two letters off


def _closing_word(text: str) -> bool:
    """``is_total_label`` but for a surname (AB dev 20005 p1, p2: `Лазар Димитров Ценов` read `Пазар Пимитров
    Пенов`, `Ангел Иванов Ценов` read `Ангоц Инабов пенов` on a thin film, their ЕГН unread: one taken for a
    subtotal and left out, the other for the totals and the eleven people under him lost, without a flag), nor
    a name the lexicon knows (`Величко`, two letters from `всичко`: AB dev 20011 p7, `Величко Маринова Василева`
    read `Величко Изринова В типева`, the ЕГН of the people under her unread, taken for the sheet's carried-out
    sums and the three people under her lost, two without a flag)."""
    words = [t.lower().strip(":.,()") for t in text.split()]
    known = names.lexicon()
    return any(_near_total(w) and not w.endswith(SURNAME_ENDS) and w.capitalize() not in known for w in words)


def _named(text: str) -> bool:
    """A word of a person's name the lexicon knows on the row (a name or a patronymic, three letters at least):
    the grid's last row so named is a person's, its ЕГН unread, not the totals with their label unread (AB dev
    20011 p1: the sheet's carried-out sums under the grid's last rule, outside it; its last person, `Радка
    Борисова Генчева` read `фара веч: ва Генчева`, taken for the totals and lost without a flag)."""
    known = names.lexicon() | names.patronymics()
    return any(len(w) >= 3 and w in known for w in (t.strip(".,:;") for t in text.split()))


def _lexicon_named(text: str) -> bool:
    known = names.lexicon() | names.patronymics()
    return sum(w.strip(".,:;") in known for w in text.split()) >= 2


def _last_total(r: int, text: str, row_text: Callable[[int], str], n_rows: int) -> bool:
    """Row ``r`` is the sheet's totals under its last person in words other than `Всичко` (`Общо за
    месеца:`, `ОБЩО:`): a total's word among its first words (not `общ работник`), figures, no ЕГН, a person
    above and none below it (U dev 13001 p6: the clerk's signatures' line under it in the grid, the totals
    were taken for a person and the signatures for the totals)."""
    words = [w for w in _words(text) if any(ch.isalpha() for ch in w)]  # (the frame's number before it)
    if _has_egn(text) or not _figures(text):
        return False
    if not any(levenshtein(w, t) <= 1 and not _position(words, i)
               for i, w in enumerate(words[:3]) for t in SUBTOTAL_WORDS):  # fmt: skip
        return False
    return any(_has_egn(row_text(q)) for q in range(1, r)) and not any(_has_egn(row_text(q)) for q in range(r + 1, n_rows))


def _sum_over_total(text: str) -> bool:
    """The row over the totals row is a sum of its own (`Сума:` over `Общо:`, `Всичко блок:` over `Всичко по
    ведомостта:`): a total's word among its first words (not `общ работник`), figures, no ЕГН and no name the
    lexicon knows. On a sheet without ЕГН ``group_rows`` finds no people to set a subtotal between, and the
    line was read as a person whose figures doubled the block's (AR dev 36011 p2: the right block's `Сума:`
    under its people, the sheet's `Общо:` under it). Not where people have an ЕГН: ``group_rows`` tells their
    subtotals. Only with people over it (AK dev 29010 p2: the grid's heading row holding every person, `СУМА
    СТР. 2` its only row under it — what the rows restored later stand on)."""
    words = [w for w in _words(text) if any(ch.isalpha() for ch in w)]
    if _has_egn(text) or not _figures(text) or _named(text):
        return False
    return any(levenshtein(w, t) <= 1 and not _position(words, i)
               for i, w in enumerate(words[:3]) for t in SUBTOTAL_WORDS)  # fmt: skip


def row_roles(
    n_rows: int, row_text: Callable[[int], str], inked: Callable[[int], bool]
) -> tuple[list[int], int | None, int | None]:
    """The grid's rows below the heading as (people's rows, totals row, carried row): the people between an
    "От пренос" row of carried sums and a "Всичко"/"Пренос" totals row, either of which may be missing."""
    body_rows = list(range(1, n_rows))
    totals_row = None
    groups = set(group_rows(n_rows, row_text))  # a department's heading or subtotal: no person
    for r in body_rows[:-1]:  # a "Всичко"/"Пренос" row above the last band ends the table (footer below)
        text = row_text(r)
        if r in groups:
            continue
        closing = _closing_word(text) or _last_total(r, text, row_text, n_rows)
        if r > 1 and closing and not _has_egn(text) and not _carried_first(r, text, row_text) and not _numbered_on(
            r, row_text, n_rows
        ):
            if _people_below(r, text, row_text, n_rows):  # a person named like `Пренос` (AB dev 20003 p2)
                continue
            if any(_has_egn(row_text(q)) for q in range(r + 1, n_rows)):
                # people under it: a department's subtotal whose words were read too poorly to tell it, not
                # the end of the table (AA dev 19003 p5: three departments' people lost without a flag)
                groups.add(r)
                continue
            body_rows = body_rows[: body_rows.index(r) + 1]
            break
    body_rows = [r for r in body_rows if r not in groups]
    if body_rows:
        last_text = row_text(body_rows[-1])
        if is_total_label(last_text) or not (_has_egn(last_text) or _named(last_text)):
            totals_row = body_rows[-1]
            body_rows = body_rows[:-1]
        if (totals_row is not None and len(body_rows) >= 2 and _sum_over_total(row_text(body_rows[-1]))
                and not any(_has_egn(row_text(r)) for r in body_rows)):  # fmt: skip
            body_rows = body_rows[:-1]  # a block's own sum over the sheet's total, no ЕГН on the sheet: no person
    body_rows = [r for r in body_rows if inked(r)]
    carried_row = None  # "От пренос": the sums carried from the previous sheet, not a person
    if body_rows:
        first_text = row_text(body_rows[0])
        if is_carried_label(first_text) and not _has_egn(first_text):
            carried_row = body_rows.pop(0)
        elif len(body_rows) >= 2 and _carried_first(body_rows[1], row_text(body_rows[1]), row_text):
            carried_row = body_rows.pop(1)  # under the heading's `лв.` / `ст.` line
        elif _sums_first([row_text(r) for r in body_rows]):
            carried_row = body_rows.pop(0)
    return body_rows, totals_row, carried_row


def _sums_set_apart(a: Analysis, r: int, text: str) -> bool:
    """Grid row ``r``, the first under the heading, is the sums carried from the previous sheet set apart by
    rules of their own over the people's lines, which no rule parts (a typed table's `Пренесено от лист 1:`
    between two typed rules, its label unread in a bold face filmed: AB dev 20001 p7): a rule over it and
    under it, none under the line below it; figures on it, and no ЕГН, no name of two lexicon words, no row
    number. A table ruled row by row has a rule under every person's line."""
    ys, rules = a.grid.ys, [h.pos for h in a.rules.horizontal]
    if r + 2 >= len(ys) or not _figures(text) or _has_egn(text) or _lexicon_named(text) or _numbered(text):
        return False

    def ruled(y: int) -> bool:
        return any(abs(y - p) <= RULE_NEAR for p in rules)

    return ruled(ys[r]) and ruled(ys[r + 1]) and not ruled(ys[r + 2])


RULE_NEAR = 8  # px: a grid's line this near a rule found is that rule


def _numbered(text: str) -> bool:
    """The row's text opens with a printed row number (one to three digits)."""
    first = text.split()[:1]
    return bool(first) and first[0].strip(".").isdigit() and 1 <= len(first[0].strip(".")) <= 3


CARRIED_ROWS = 4  # people's rows under a first line of sums at the least ...
CARRIED_TIMES = 2  # ... whose amounts are this many times the most a person's row holds (its 90th percentile) ...
CARRIED_AMOUNTS = 2  # ... this many of them at the least


def _sums_first(texts: list[str]) -> bool:
    """The first of the rows ``texts`` is the sums carried from the previous sheet, its label unread (AB dev
    20001 p7: `Пренесено от лист 1:` in a bold face filmed, read `Ас Те Фт Дист Е`, taken for a person with
    no name and the sums for his pay): no ЕГН and no name of two lexicon words and no row number on it,
    ``CARRIED_AMOUNTS`` amounts or more ``CARRIED_TIMES`` times the most nine in ten of the ``CARRIED_ROWS``
    or more rows under it hold (the carried sums' first digits lost to the film, 92173.93 read 2173.93: the
    rest tell)."""
    if len(texts) < CARRIED_ROWS + 1 or _has_egn(texts[0]) or _lexicon_named(texts[0]):
        return False
    if _numbered(texts[0]):
        return False
    most = [max(_amounts_in(t), default=Decimal(0)) for t in texts[1:]]
    top = sorted(most)[int(0.9 * (len(most) - 1))]
    return top > 0 and sum(a >= CARRIED_TIMES * top for a in _amounts_in(texts[0])) >= CARRIED_AMOUNTS


def _amounts_in(text: str) -> list[Decimal]:
    """The amounts of three to eight digits a row's text holds, token by token (no ЕГН)."""
    out = []
    for t in text.split():
        if 3 <= len(normalise.digits(t)) <= 8 and (m := normalise.money(t)) is not None:
            out.append(Decimal(m))
    return out


def _gutter(a: Analysis) -> bool:
    """A white strip down the middle of the table's height that not even a rule crosses: the paper
    between two sheets laid side by side (one sheet's rules and text cross its own middle)."""
    g = a.grid
    height, width = a.clean.shape
    x0, x1 = int(0.4 * width), int(0.6 * width)
    band = cv2.bitwise_or(a.ink, a.rules.mask)[g.ys[0] : g.ys[-1], x0:x1]
    if band.size == 0:
        return False
    per_x = (band > 0).sum(axis=0)
    clear = np.convolve((per_x <= 2).astype(np.int64), np.ones(20, dtype=np.int64), mode="valid")
    return bool(clear.size) and int(clear.max()) >= 20


def two_sheets_side_by_side(a: Analysis, s: Sheet, kinds: list[str | None]) -> bool:
    """An empty "column" across the middle of a landscape scan with people written right of it, or a white
    strip there no rule crosses: two sheets side by side."""
    g = a.grid
    height, width = a.clean.shape
    if width > 1.2 * height and _gutter(a):
        return True
    return width > 1.2 * height and any(
        kinds[c] is None
        and not any(row[c].strip() for row in s.texts)
        and g.xs[c] < width / 2 < g.xs[c + 1]
        and g.xs[c + 1] - g.xs[c] > 0.015 * width
        and _anyone_right_of(s, c + 1)
        for c in range(g.n_cols)
    )


PERSON_WORD = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more (a name's, a position's)
EGN_RUN = re.compile(r"\d{9,}")  # an ЕГН's digits, or most of them


def _anyone_right_of(s: Sheet, first: int) -> bool:
    """A cell from column ``first`` on holds a word of letters or an ЕГН's digits on some row: a second sheet's
    people may stand there. A wide sheet's blank column in the middle has only its figures right of it (V dev
    14002 p1: the extra pay to the net pay): no half of it is a sheet of its own (``extract._sheet_like``
    wants names, or an ЕГН with each row number), and its right half read alone is a page read for nothing."""
    return any(PERSON_WORD.search(t) or EGN_RUN.search(t.replace(" ", "")) for row in s.texts for t in row[first:])


# the kinds a heading names that one table has once (a name, an ЕГН, a sum): named again further right,
# a second table of the same columns stands beside the first (two sheets photographed side by side)
SET_KINDS = ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
             "net_pay", "signature")  # fmt: skip
MIN_REPEATS = 3  # kinds named twice, left set and right set, that make two tables (one may be a sheet's two pays)
# a second block under the same headings typed again in shorter words (`Име`, `Осн.`, `Удр.`): the people's
# names named again (``column_sets_repeat(..., named_again="name")``), with a blank strip between the blocks to
# show them (``extract``, ``block_gap``); two pay columns named alike on one table are no second block
MIN_BLOCK_REPEATS = 2


def heading_kind(text: str) -> str | None:
    """The one kind a heading names most (None when none, or two as much: `Общо удържано за изплащане`)."""
    votes = {k: v for k, v in columns.heading_votes(text).items() if k in SET_KINDS}
    if not votes:
        return None
    top = max(votes.values())
    best = [k for k, v in votes.items() if v == top]
    return best[0] if len(best) == 1 else None


def column_sets_repeat(headings: list[str], min_repeats: int = MIN_REPEATS, named_again: str | None = None) -> int | None:
    """The column where the header's column kinds begin again (``min_repeats`` kinds or more named left of
    it and again from it on, ``named_again`` among them if given): two tables of the same columns read as one
    wide table. None on one table."""
    named = [heading_kind(h) for h in headings]
    for split in range(2, len(named) - 1):
        if named[split] is None or named[split] not in named[:split]:
            continue
        lead = list(dict.fromkeys(k for k in named[:split] if k))
        again = list(dict.fromkeys(k for k in named[split:] if k))
        common = set(lead) & set(again)
        if (len(common) >= min_repeats and (named_again is None or named_again in common)
                and [k for k in lead if k in common] == [k for k in again if k in common]):
            return split
        return None  # the first kind named again: the second set begins there or not at all
    return None


def two_tables_to_review(page: PayrollPage, split: int | None = None) -> PayrollPage:
    """A page whose header names its columns twice, read as one table (the halves could not be read
    apart): any row may hold two people's figures, so every field of every row goes to review as
    ``TWO_TABLES`` and the page with it; nothing read is dropped."""
    for r in page.rows:
        # every field, read or not: a field left empty may be the other person's
        fields = ["row", *SCORED_FIELDS, *(["position"] if r.position is not None else [])]
        r.review = sorted({*(r.review or []), *fields})
        r.review_reasons = {
            **(r.review_reasons or {}),
            **{f: ReviewReason(reason=checks.TWO_TABLES, bbox=r.bbox) for f in fields},
        }
    where = f" (втората таблица от колона {split + 1})" if split is not None else ""
    page.page_review = page.page_review or PageReview(
        reason=checks.TWO_TABLES,
        detail=f"заглавията на колоните се повтарят{where}: два листа един до друг, разчетени като една таблица",
    )
    return page


def doubt_fields_the_other_sheet_has(half: PayrollPage, other: PayrollPage) -> None:
    """Two sheets of one month side by side, read apart: a field the other sheet's rows carry and none of
    this one's (its column not found on this half) goes to review on every row of this one as unreadable,
    not out empty."""
    lost = [f for f in SCORED_FIELDS
            if any(getattr(r, f) is not None for r in other.rows) and all(getattr(r, f) is None for r in half.rows)]  # fmt: skip
    for r in half.rows if lost else []:
        r.review = sorted({*(r.review or []), *lost})
        r.review_reasons = {
            **(r.review_reasons or {}),
            **{f: ReviewReason(reason=checks.UNREADABLE, bbox=r.bbox) for f in lost},
        }


def doubt_names_out_of_the_sheets_case(left: PayrollPage, right: PayrollPage) -> None:
    """Two sheets of one month side by side (the second going on from the first, `ОТ ПРЕНОС`), typed
    alike: a name whose capitals differ from most of both sheets' names was read in the wrong case, though
    its own half holds too few names to show the custom (hard dev seed 63 p10: the right half's seven
    names, `Марин Петров АТАНАСОВ` for Атанасов beside two garbled ones, out unflagged; the left half's
    seven all capitalised). Only more review: a name already in review stays so."""
    rows = left.rows + right.rows
    names = [r.name for r in rows]
    doubted = ["name" in (r.review or []) for r in rows]
    for i in name_case.out_of_case_of_sure(names, doubted):
        r = rows[i]
        if "name" not in (r.review or []):
            r.review = sorted({*(r.review or []), "name"})
            r.review_reasons = {**(r.review_reasons or {}), "name": ReviewReason(reason=checks.NAME_FORM, bbox=r.bbox)}


def _reading(kind: str, text: str) -> tuple[object, bool]:
    """(the cell's value, corrected?): a figure pencilled over the struck one it replaces is a correction."""
    if kind == "days_worked":
        return normalise.days_of_cell(text)
    if kind in checks.MONEY:
        return normalise.money_of_cell(text)
    return value(kind, text), False


def value(kind: str, text: str) -> object:
    """A cell's text as the value of its column's field (None when it does not read as one)."""
    if kind == "egn":
        return normalise.egn(text)
    if kind == "days_worked":
        return normalise.days_of_cell(text)[0]
    if kind == "row":
        return normalise.integer(text)
    if kind in checks.MONEY:
        return normalise.money_of_cell(text)[0]
    if kind == "name":
        return normalise.name(text)
    if kind == "position":
        return normalise.text_value(text)
    return None


def _separator_as_digit(text: str) -> str:
    """'2635 94' read from '263,94' (the comma taken for a digit): the digit before the stotinki dropped."""
    if "\n" in text or any(ch in text for ch in ".,'"):
        return text
    d = normalise.digits(text)
    return f"{d[:-3]}.{d[-2:]}" if len(d) >= 4 else text


def separator_as_digit(s: Sheet, kinds: list[str | None]) -> Sheet:
    """The sheet read again as if every amount's decimal separator had been taken for a digit (a typeface
    whose comma the digits model reads as 1 or 5): the people's rows and the totals."""
    money_cols = [c for c, k in enumerate(kinds) if k in checks.MONEY]
    texts = [[_separator_as_digit(t) if c in money_cols else t for c, t in enumerate(row)] for row in s.texts]
    cells = dict(s.cells)
    for r in (s.totals_row, s.carried_row):
        if r is None:
            continue
        for c in money_cols:
            ws = s.cells.get((r, c), [])
            if ws:
                cells[(r, c)] = [Word(_separator_as_digit(s.text(r, c)), min(w.conf for w in ws), ws[0].box)]
    return replace(s, texts=texts, cells=cells)


def row_box(g: Grid, r: int) -> Box:
    return Box(g.xs[0], g.ys[r], g.xs[-1], g.ys[r + 1])


def _amounts(row_texts: list[str], kinds: list[str | None], kind: str, blank: str | None) -> list[Decimal | None]:
    """A row's amounts in the columns of ``kind`` (itemised deductions, items of the additional pay), a blank
    cell read as ``blank``, a cell no amount reads from as None."""
    read = [
        normalise.money_of_cell(t)[0] if t.strip() or blank is None else blank
        for t, k in zip(row_texts, kinds, strict=False)
        if k == kind
    ]
    return [Decimal(x) if x is not None else None for x in read]


def drafts(a: Analysis, s: Sheet, kinds: list[str | None]) -> list[checks.RowDraft]:
    """One draft per person's row: each field's value and confidence, its box in the image as given."""
    out: list[checks.RowDraft] = []
    egn_cols = [c for c, k in enumerate(kinds) if k == "egn"]
    pitch = inkcount.digit_pitch(a.ink, [a.grid.cell(r, egn_cols[0]) for r in s.body_rows]) if egn_cols else None
    for r, row_texts in zip(s.body_rows, s.texts, strict=True):
        d = checks.RowDraft(values={}, bbox=a.transform.box_to_original(row_box(a.grid, r)))
        if columns.PART in kinds and "deductions" in kinds:
            d.parts = _amounts(row_texts, kinds, columns.PART, blank=None)
        if columns.PAY_ITEM in kinds:  # an item nobody earned is left blank: nought
            d.items = _amounts(row_texts, kinds, columns.PAY_ITEM, blank="0")
            if pay_items.items_only(kinds):  # no column of the additional pay: the items' sum is it, for the checks
                _extra_of_items(d, [s.cells.get((r, c), []) for c, k in enumerate(kinds) if k == columns.PAY_ITEM])
        for c, kind in enumerate(kinds):
            if kind is None or kind in ("signature", columns.PART, columns.PAY_ITEM):
                continue
            d.values[kind], corrected = _reading(kind, row_texts[c])
            if corrected:  # (days are never vouched by a sum: a corrected day count is in review as a correction)
                d.corrected.add(kind)
            d.conf[kind] = confidence(s.cells.get((r, c), []))
            d.boxes[kind] = a.transform.box_to_original(a.grid.cell(r, c))
            if kind == "days_worked" and (n := inkcount.digit_count(a.ink, a.grid.cell(r, c), pitch)) is not None:
                d.ink_digits[kind] = n
            if kind == "days_worked" and (n := inkcount.upright_blots(a.ink, a.grid.cell(r, c))) is not None:
                d.ink_blots[kind] = n
        out.append(d)
    if "days_worked" in kinds:  # a hand's `1` set close to the next digit: the ink as wide as two digits
        c = kinds.index("days_worked")
        cells = [(a.grid.cell(r, c), d.values.get("days_worked")) for r, d in zip(s.body_rows, out, strict=True)]
        for d, wide in zip(out, inkcount.wider_than_read(a.ink, cells), strict=True):
            if wide and "days_worked" not in d.ink_digits:
                d.ink_digits["days_worked"] = 2
    return out


def _extra_of_items(d: checks.RowDraft, cells: list[list[Word]]) -> None:
    """The additional pay of a sheet that prints its items only (``pay_items.items_only``): their sum, as sure
    as the least sure of them (None where one is unreadable). The checks hold it against the base and the
    gross as any additional pay; it goes out as no column of the sheet (``strip_items_total``)."""
    if d.items is None or any(x is None for x in d.items):
        d.values["extra_pay"] = None
        return
    d.values["extra_pay"] = f"{sum((x for x in d.items if x is not None), Decimal(0)):.2f}"
    d.conf["extra_pay"] = min((confidence(c) for c in cells if c), default=1.0)


def strip_items_total(drafts: list[checks.RowDraft], kinds: list[str | None]) -> None:
    """The additional pay the checks took from the items (``_extra_of_items``) goes out as the sheet has it: no
    column (payroll-page/1: a column the sheet does not have is null), and no doubt of it to review."""
    if not pay_items.items_only(kinds):
        return
    for d in drafts:
        d.values["extra_pay"] = None
        # (a page whose layout is unproved: that the sheet has no column of it is unproved too, AD dev 22009 p4:
        # `други възнагр.`, the items' sum, taken for an item beside a two-tier items' column; every row's
        # additional pay left out of a page in review whole, and not in review)
        if d.review.reasons.get("extra_pay") != checks.LAYOUT_UNPROVED and checks.LAYOUT_UNPROVED not in d.review.every(
            "extra_pay"
        ):
            d.review.discard("extra_pay")


def row_texts(s: Sheet, row: int | None) -> list[str] | None:
    """Every column's text on one row of the table (the totals row's: `Всичко` and its figures); None
    without that row."""
    return None if row is None else [s.text(row, c) for c in range(len(s.headings))]


def sums(s: Sheet, row: int | None, kinds: list[str | None]) -> dict[str, str]:
    """The money figures of one row of sums (the totals or the carried row); empty without that row."""
    out: dict[str, str] = {}
    if row is None:
        return out
    for c, kind in enumerate(kinds):
        if kind in checks.MONEY:
            v = normalise.money_of_cell(s.text(row, c))[0]
            if v is not None:
                out[kind] = v
    return out


def doubtful(g: Grid, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft]) -> list[Target]:
    """The cells the second pass reads: the figures the checks doubt or could not read (an ЕГН whose check
    digit fails among them; one that passes was never wrong on the development sheets, while its second
    reading often disagreed), every days figure (no sum vouches for it: read once, even a confident
    misreading went out unflagged on seed 777), the money figures of a row a check changed from what was
    read (a slip mended, the deductions from their parts: ``RowDraft.as_read``; read with the row, the
    other model may say which figure was misread), and the printed totals (the column checks' anchor)."""
    targets: list[Target] = []
    for i, (r, d) in enumerate(zip(s.body_rows, drafts, strict=True)):
        for c, kind in enumerate(kinds):
            if kind is None or kind not in NUMERIC or kind == "row":
                continue
            unsure = kind in d.review or d.values.get(kind) is None
            mended = bool(d.as_read) and kind in checks.MONEY  # a figure of the row changed: the row again
            if unsure or mended or kind == "days_worked":  # nothing else vouches for a days figure: always read twice
                targets.append(Target(i, kind, s.figure_box(g, r, c)))
    if s.totals_row is not None:
        for c, kind in enumerate(kinds):
            if kind in checks.MONEY:
                targets.append(Target(-1, kind, s.figure_box(g, s.totals_row, c)))
    return targets


def add_readings(drafts: list[checks.RowDraft], targets: list[Target], reread: dict[int, str]) -> dict[str, str]:
    """Put the second readings (``reread``: target index -> text) beside the first ones; a field the first
    pass could not read takes the second reading. Returns the second readings of the totals."""
    total_alts: dict[str, str] = {}
    for key, text in reread.items():
        t = targets[key]
        reading = value(t.kind, text)
        if reading is None:
            continue
        if t.row < 0:
            total_alts[t.kind] = str(reading)
            continue
        drafts[t.row].alts.setdefault(t.kind, []).append(reading)
        if drafts[t.row].values.get(t.kind) is None:
            drafts[t.row].values[t.kind] = reading
            drafts[t.row].second_only.add(t.kind)
    return total_alts


def to_page(image_name: str, header: Header, drafts: list[checks.RowDraft], totals: dict[str, str]) -> PayrollPage:
    """payroll-page/1 of the checked drafts."""
    rows = []
    for d in drafts:
        vals = {k: v for k, v in d.values.items() if k in PayrollRow.model_fields}
        review = sorted(f for f in d.review if f in PayrollRow.model_fields)
        reasons = {f: {"reason": d.review.reasons.get(f, checks.LOW_CONFIDENCE), "bbox": d.boxes.get(f, d.bbox)}
                   for f in review}  # fmt: skip
        rows.append(
            PayrollRow.model_validate(
                {
                    **vals,
                    "bbox": d.bbox,
                    "review": review,
                    "review_reasons": reasons,
                    "confidence": {k: round(v, 2) for k, v in d.conf.items()},
                }
            )
        )
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": {"name": header.employer, "review": header.employer_review},
            "period": {
                "year": header.year, "month": header.month, "review": header.period_review, "bbox": header.period_bbox,
            },  # fmt: skip
            "sheet": header.sheet,
            "rows": [r.model_dump() for r in rows],
            "totals": totals,
        }
    )
