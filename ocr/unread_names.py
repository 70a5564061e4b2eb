"""People whose names the page shows and no row holds. Where the grid lost
a sheet's rows (its heading band took them, its lines ran together) and their ЕГН were not read as ten digits
alone (``unread_people`` brings those back), the page's reading still often holds each person's name on its
line: `Тодор Иванов Жечев крепач 5100912 ...`. A row lost so vanishes from the page's rows without a word,
and the rows after it stand at another's place (R dev 10095 p1: twelve people, four rows brought back by their
ЕГН, eight lost; R dev 10066 p1, 10076 p2: the first or last few people so).

A name here is a given name the lexicon knows (a letter misread allowed: ``names.correct_word``) followed on
its line by one or two words of letters, the last of which ends as a family name does (-ов, -ева, -ски ...;
on a line holding figures, a person's, either of them: the last one misread; R dev 10024 p3: the heading's
`ТРИ ДИНА забавно` read as `Юри Дина Забавно`, put first, every row after it one place down),
standing inside the table: below its top rule and above its `Всичко` line (or its last rule). A name no row
holds (no row's name or second reading like it, no row's band across its line) comes back as a row in review
(every field unreadable, the name as the page shows it, the region of its line), among the rows by its height.

A line that names two columns or more as their headings do (`Отработени`, `Норма`, `Заработка`: the
columns' keys as typed or cut short, ``columns.fields_named``) is the table's heading, not a person's line: its
`фамилия` misread `фана` is no given name `Фаня`, `Машина` beside it no family name (R dev 10073 p1, p2: a
negative microfilm's heading band read as a person `Фаня Машина`, put first, every person's row after it one
place down). A person's line holds a name, a trade and figures, none of them a column's key as typed.

The page goes to review as a page with the names a person must find on the sheet (U dev 13016 p3: a faxed
printout's fourteen rows taken for its heading, one row out, no page review; 13017 p3 so).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

from archive_core.records import SCORED_FIELDS, PageReview

from . import checks
from .columns import fields_named
from .geometry import Box, Grid, Word
from .name_case import capitalised
from .names import correct_word
from .unread_people import egns_on_page, given_names

_LETTERS = re.compile(r"^[\W\d_]*([А-Яа-яЁё]{3,})[\W\d_]*$")
_FAMILY = re.compile(r"(ов|ова|ев|ева|ски|ска|цки|цка|ин|ина|ян|ич)$")
_TOTAL = re.compile(r"всичко|общо", re.IGNORECASE)
NAMES_UNREAD = "names_unread"  # page review: names on the sheet no row read holds
SAME = 0.6  # a row's name this like the page's (difflib ratio) is a reading of it
NEARLY = 0.1  # names a row's reads within this much as alike as its best (and nearly SAME): its own on its line


def _lines(words: list[Word]) -> list[list[Word]]:
    """The page's words in lines: each word with the line whose first word's middle height it shares."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.box.cy):
        for line in lines:
            first = line[0].box
            if first.y0 <= w.box.cy <= first.y1:
                line.append(w)
                break
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.box.x0) for line in lines]


HEADING_FIELDS = 2  # a line naming this many columns as headings do is the table's heading


def heading_line(line: list[Word]) -> bool:
    """The line names ``HEADING_FIELDS`` columns or more by their headings' keys (no misread allowed)."""
    named = [fields_named(m.group(0)) for w in line for m in re.finditer(r"[А-Яа-яЁё№]+", w.text)]
    return len({frozenset(f) for f in named if f}) >= HEADING_FIELDS


def names_in_line(line: list[Word]) -> list[tuple[str, Box]]:
    """The names a line of words holds (``'Камен Николов Кънчев'``), each with its first word's box."""
    out: list[tuple[str, Box]] = []
    figures = any(ch.isdigit() for w in line for ch in w.text)
    i = 0
    while i < len(line):
        m = _LETTERS.match(line[i].text)
        given = correct_word(capitalised(m.group(1)))[0] if m else ""
        if given not in given_names():
            i += 1
            continue
        rest: list[str] = []
        j = i + 1
        while j < len(line) and len(rest) < 2:
            text, j = _split_word(line, j)
            if not (n := _LETTERS.match(text)):
                break
            rest.append(capitalised(n.group(1)))
        # its last word a family name's, or one of them on a line of figures (a person's: the last misread)
        if rest and (_FAMILY.search(rest[-1].lower()) or (figures and any(_FAMILY.search(r.lower()) for r in rest))):
            out.append((" ".join([given, *rest]), line[i].box))
            i = j
        else:
            i += 1
    return out


_PIECE = re.compile(r"^[А-Яа-яЁё]{1,2}$")
_GOES_ON = re.compile(r"^[а-яё]{3,}[\W\d_]*$")


def _split_word(line: list[Word], j: int) -> tuple[str, int]:
    """The word at ``j`` and the index after it: a piece of one or two letters followed by a word going on in
    small letters is one word the reading split at a gap in the ink (R dev 10070 p6: 'Кирил Ба рисов Кънчев',
    the last person's line, lost below the grid's last row)."""
    if j + 1 < len(line) and _PIECE.match(line[j].text) and _GOES_ON.match(line[j + 1].text):
        return line[j].text + line[j + 1].text, j + 2
    return line[j].text, j + 1


def _span(words: list[Word], grid: Grid, found: list[tuple[str, Box]]) -> tuple[float, float]:
    """The table's height on the page: its top rule to its `Всичко` line (the first below the first name: a
    heading's `Всичко удръжки` is above it), else its last rule."""
    top = grid.ys[0] if grid.ys else 0
    first = min((box.cy for _n, box in found if box.cy > top), default=top)
    totals = [w.box.y0 for w in words if _TOTAL.search(w.text) and w.box.y0 > first]
    bottom = min(totals) if totals else (grid.ys[-1] if grid.ys else float("inf"))
    return top, bottom


def _ratio(a: object, b: str) -> float:
    """difflib's ratio of the two names, or 0.0 where even its upper bounds (the lengths', the letters shared
    whatever their order) fall below ``SAME``: ``_held`` asks only whether a ratio reaches ``SAME`` and which
    name's is highest among those that do, so the answer is the same, without the full match (the letters
    shared bound it: most pairs of a page's names are far apart, and the match was most of this rule's CPU)."""
    return _ratio_to(SequenceMatcher(None, "", b.lower()), a)


def _ratio_to(m: SequenceMatcher[str], a: object) -> float:
    """``_ratio`` of ``a`` to the name ``m`` holds as its second sequence: a matcher made once per name and
    asked of every row's texts (difflib keeps what it worked out of the second sequence; the first is set
    anew)."""
    if not a:
        return 0.0
    m.set_seq1(str(a).lower())
    if m.real_quick_ratio() < SAME or m.quick_ratio() < SAME:
        return 0.0
    return m.ratio()


def _held(
    found: list[tuple[str, float]],
    drafts: list[checks.RowDraft],
    elsewhere: Callable[[checks.RowDraft, int], bool] | None = None,
) -> set[int]:
    """The names (indices of ``found``: name, its line's middle height) a row holds: the one its name (or
    second reading) reads most like, else the one whose line is nearest its middle, inside its band (rows
    drawn tall over a skewed page cover their neighbours' lines: the nearest is its own), unless the row's
    own ЕГН stands ``elsewhere`` than that line."""
    held: set[int] = set()
    matchers = [SequenceMatcher(None, "", name.lower()) for name, _mid in found]
    for d in drafts:
        texts = [d.values.get("name"), *d.alts.get("name", [])]
        like = [(max(_ratio_to(m, t) for t in texts), k) for k, m in enumerate(matchers)]
        best = max(like, default=(0.0, -1))
        on_band = [(r, k) for r, k in like if r >= max(SAME - NEARLY, best[0] - NEARLY) and d.bbox is not None
                   and d.bbox[1] <= found[k][1] <= d.bbox[3]]  # fmt: skip
        if on_band:  # two people of one given and family name (a surname-first plate's `ИВАНОВ ЛАЗАР ЙОРДАНОВ`
            # and `ДИМИТРОВ ЛАЗАР ЙОРДАНОВ`, both read `Лазар Йорданов`: Z dev 18001 p2, the first one's line
            # brought back as a person unread): of names read nearly as alike, the one on its own line
            held.add(max(on_band)[1])
        elif best[0] >= SAME:
            held.add(best[1])  # its name: that person, wherever its band is drawn
        elif d.bbox is not None:
            centre = (d.bbox[1] + d.bbox[3]) / 2
            near = min(range(len(found)), key=lambda k: abs(found[k][1] - centre), default=None)
            if near is not None and d.bbox[1] <= found[near][1] <= d.bbox[3] and not (elsewhere and elsewhere(d, near)):
                held.add(near)  # a row on its line whose name was misread or not read: that row is the person
    return held


def restore_named(
    drafts: list[checks.RowDraft],
    words: list[Word],
    grid: Grid,
    to_original: Callable[[Box], list[int]],
    *,
    page_in_review: bool = False,
    left_out: list[tuple[int, int]] | None = None,
) -> list[str]:
    """After the rows are final: a row in review for each name inside the table no row holds, put among the
    rows by its height; the names brought back. On a page already going to review as a page
    (``page_in_review``) a row whose name was not read holds the name its band covers only where its own
    ЕГН stands on that name's line (``own_egn_elsewhere``). ``left_out``: the grid's bands (top, bottom) taken out
    of the people's rows as no person's line (a machine's wrong line and its storno: ``storno_lines``); a name
    on them is the person's whose row follows, no one unread."""
    named = [(name, box) for line in _lines(words) if not heading_line(line) for name, box in names_in_line(line)]
    top, bottom = _span(words, grid, named)
    found = [(name, box) for name, box in named
             if top < box.cy < bottom and not any(y0 <= box.cy <= y1 for y0, y1 in left_out or [])]
    lines = [(name, to_original(Box(grid.xs[0], box.y0, grid.xs[-1], box.y1))) for name, box in found]
    spans = [(box.y0, box.y1) for _n, box in found]
    elsewhere = own_egn_elsewhere(words, spans) if page_in_review else None
    held = _held([(name, (bbox[1] + bbox[3]) / 2) for name, bbox in lines], drafts, elsewhere)
    back: list[str] = []
    for k, (name, bbox) in enumerate(lines):
        if k in held:
            continue
        mid = (bbox[1] + bbox[3]) / 2
        d = checks.RowDraft(values={"name": name}, bbox=bbox)
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        at = sum(1 for o in drafts if o.bbox is not None and (o.bbox[1] + o.bbox[3]) / 2 < mid)
        drafts.insert(at, d)
        back.append(name)
    for k, d in enumerate(drafts):
        if d.values.get("name") in back and d.values.get("row") is None:
            _number_between(drafts, k)
    return back


def _number_between(drafts: list[checks.RowDraft], k: int) -> None:
    """A row brought back by its name takes the printed number its place gives, in review: the one after its
    neighbour's above where the numbers run on by one across it (the next row's one more again, or none
    below), else nothing (AB dev 20007 p3: the last person's line, under row 25, brought back with no
    number; cited under none, his figures were a row nobody was told of). A neighbour's number in doubt
    counts where the one over it is one less (R dev 10076 p2: the last person brought back under row 9, its
    number doubted, rows 8 and 9 above it: left with no number he was scored lost, every field unflagged)."""
    above = drafts[k - 1].values.get("row") if k > 0 else None
    below = drafts[k + 1].values.get("row") if k + 1 < len(drafts) else None
    if not isinstance(above, int):
        return
    if "row" in drafts[k - 1].review and not (k > 1 and drafts[k - 2].values.get("row") == above - 1):
        return
    if k + 1 < len(drafts) and not (isinstance(below, int) and below == above + 2):
        return
    drafts[k].values["row"] = above + 1
    drafts[k].review.add("row", checks.UNREADABLE)


def own_egn_elsewhere(words: list[Word], spans: list[tuple[int, int]]) -> Callable[[checks.RowDraft, int], bool]:
    """Whether a row's own ЕГН, found on the page as ten digits alone, stands off the line of name ``k``
    (its middle outside the height ``spans[k]`` of the name's first word, both on the straightened page: in
    the image as given a skew puts a line's far end off its start, R dev 10026 p8, 1.75 degrees, the first
    person's ЕГН 36 px under the start of its name, name and ЕГН brought back as two rows). A row's band drawn
    between the typed lines (R dev 10065 p1: the rules' grid half a line below the typing, the first person's
    line taken into the heading) covers two people's lines: its ЕГН's, and the line above with a name no row
    read; the row is the person whose ЕГН it holds, the other comes back as a row in review."""
    at: dict[str, float] = {}
    for egn, box in egns_on_page(words).items():
        at[egn] = box.cy

    def elsewhere(d: checks.RowDraft, k: int) -> bool:
        own = at.get(str(d.values.get("egn") or ""))
        return own is not None and not spans[k][0] <= own <= spans[k][1]

    return elsewhere


def page_review(back: list[str]) -> PageReview | None:
    """The page's review for the names brought back (``restore_named``), None when there are none."""
    return PageReview(reason=NAMES_UNREAD, detail=", ".join(back)) if back else None
