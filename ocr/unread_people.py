"""People the sheet shows whom no row holds. A valid ЕГН (date and check digit right) that the page's
reading found anywhere, and that no row read holds, not even inside another of its cells or as a reading
one or two digits off, nor stands in the band of a row whose own ЕГН was not read, is a person the grid lost: on a table printed very small on a landscape scan, the
grid took the heading for the one row and the eight people under it vanished without a word (J dev 1001
p16). Each such person comes back as a row in review (every field unreadable, the ЕГН as the page shows
it, the region of its line), and the page goes to review as a page with the ЕГН a person must find on the
sheet. Chance is small: a run of ten digits is a valid ЕГН about once in fifteen times, and it must also
be a date and stand alone as a word."""

from __future__ import annotations

import re
from collections.abc import Callable

from archive_core import egn as egn_mod
from archive_core.records import SCORED_FIELDS, PageReview

from . import checks
from .geometry import Box, Grid, Word
from .name_case import capitalised
from .names import correct_word, female_names, male_names

PEOPLE_UNREAD = "people_unread"  # page review: a valid ЕГН on the sheet with no row read for it
NEAR = 2  # digits: a row's ЕГН this close is a reading of the same one
_TEN = re.compile(r"(?<!\d)\d{10}(?!\d)")


def egns_on_page(words: list[Word]) -> dict[str, Box]:
    """Every valid ЕГН the page's words hold as a run of ten digits alone, with the first word's box."""
    found: dict[str, Box] = {}
    for w in words:
        for m in _TEN.finditer(w.text):
            if egn_mod.is_valid(m.group()):
                found.setdefault(m.group(), w.box)
    return found


def _texts(d: checks.RowDraft) -> list[str]:
    out = [str(v) for v in d.values.values() if v is not None]
    return out + [str(a) for alts in d.alts.values() for a in alts if a is not None]


def _held(egn: str, drafts: list[checks.RowDraft]) -> bool:
    for d in drafts:
        for text in _texts(d):
            if egn in text:
                return True
            if len(text) == 10 and sum(x != y for x, y in zip(text, egn, strict=True)) <= NEAR:
                return True
    return False


def unheld(words: list[Word], drafts: list[checks.RowDraft]) -> dict[str, Box]:
    """The valid ЕГН on the page (``egns_on_page``) that no row holds, with their boxes."""
    return {e: b for e, b in egns_on_page(words).items() if not _held(e, drafts)}


def _bands(box: Box, drafts: list[checks.RowDraft], to_original: Callable[[Box], list[int]]) -> list[int]:
    """The rows with no valid ЕГН of their own (their ЕГН cell misread or not placed) in whose band the
    ЕГН stands: such a row is that person, and in review for its ЕГН."""
    b = to_original(box)
    mid = (b[1] + b[3]) / 2
    return [
        i for i, d in enumerate(drafts)
        if d.bbox is not None and d.bbox[1] <= mid <= d.bbox[3] and not egn_mod.is_valid(str(d.values.get("egn") or ""))
    ]  # fmt: skip


def _unheld_in_bands(
    unheld: dict[str, Box], drafts: list[checks.RowDraft], to_original: Callable[[Box], list[int]]
) -> set[str]:
    """The ЕГНs a row's band answers for: one row is one person, so a band holding two or more of the
    unheld ЕГНs (rows the grid ran together: R dev 10004 p2, ten people read as one row of ten names)
    answers for none of them."""
    at = {e: _bands(b, drafts, to_original) for e, b in unheld.items()}
    count: dict[int, int] = {}
    for rows in at.values():
        for i in rows:
            count[i] = count.get(i, 0) + 1
    return {e for e, rows in at.items() if any(count[i] == 1 for i in rows)}


def restore_unread(
    drafts: list[checks.RowDraft], words: list[Word], grid: Grid, to_original: Callable[[Box], list[int]]
) -> PageReview | None:
    """After the rows are final: a row in review for each valid ЕГН on the page that no row holds (put
    among the rows by its height on the page), and the page's review reason; None when every ЕГН the page
    shows has its row. ``to_original`` maps a box of the deskewed page to the image as given."""
    unread = unheld(words, drafts)
    banded = _unheld_in_bands(unread, drafts, to_original)
    lost = {e: b for e, b in unread.items() if e not in banded}
    if not lost:
        return None
    back: list[checks.RowDraft] = []
    for egn, box in sorted(lost.items(), key=lambda kv: kv[1].y0):
        line = Box(grid.xs[0], box.y0, grid.xs[-1], box.y1)
        bbox = to_original(line)
        d = checks.RowDraft(values={"egn": egn}, bbox=bbox)
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        mid = (bbox[1] + bbox[3]) / 2
        at = sum(1 for o in drafts if o.bbox is not None and (o.bbox[1] + o.bbox[3]) / 2 < mid)
        drafts.insert(at, d)
        back.append(d)
    _number_between(drafts, back)
    return PageReview(reason=PEOPLE_UNREAD, detail=", ".join(sorted(lost, key=lambda e: lost[e].y0)))


def _number_between(drafts: list[checks.RowDraft], back: list[checks.RowDraft]) -> None:
    """People brought back between rows whose printed numbers leave room for exactly as many lines as were
    brought back there (one between 2 and 4, two before a first row numbered 3, after the last row of a run
    numbered from 1) take those lines' numbers in order, in review as an inference: the certificate's line is
    the one the sheet shows (R dev 10016: the first row, taken into the heading, came back without its number
    1, every figure of it counted missing; R dev 10086 p1, 10091 p1: the first two or three rows so, their
    numbers 1, 2 (3) unread). A run with more or fewer lines of room than people says nothing of which
    person stands on which line, and stays unnumbered."""
    nums = [r if isinstance(r := d.values.get("row"), int) else None for d in drafts]
    taken = {n for n in nums if n is not None}
    run = [n for n in nums if n is not None]
    from_one = bool(run) and run == list(range(1, len(run) + 1))
    brought = [any(d is b for b in back) for d in drafts]
    i = 0
    while i < len(drafts):
        if nums[i] is not None or not brought[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(drafts) and nums[j + 1] is None and brought[j + 1]:
            j += 1
        count = j - i + 1
        above = nums[i - 1] if i > 0 else None
        below = nums[j + 1] if j + 1 < len(drafts) else None
        if above is not None and below is not None:
            first = above + 1 if below - above - 1 == count else None
        elif below is not None and i == 0:
            first = 1 if below - 1 == count else (
                below - count if below > count and _lines_right_above(drafts, i, j + 1) else None)
        elif above is not None and j == len(drafts) - 1:
            first = above + 1 if from_one else None
        else:
            first = None
        guesses = list(range(first, first + count)) if first is not None else []
        if guesses and not taken.intersection(guesses):
            for k, n in enumerate(guesses):
                drafts[i + k].values["row"] = n
                drafts[i + k].review.add("row", checks.UNREADABLE)
                nums[i + k] = n
            taken.update(guesses)
        i = j + 1


def number_above_first(drafts: list[checks.RowDraft]) -> None:
    """After every row is back: people's rows with no number (an ЕГН or a name read, or brought back in review)
    line by line right above the first row with a printed number (``_lines_right_above``) take the numbers before
    it, in review as an inference (AK dev 29003 p6: a continuation page's first line, numbered 42, its name brought
    back over the row numbered 43 without a number; p4: its ЕГН read and its number not; every figure of 42 counted
    missing)."""
    j = 0
    while j < len(drafts) and not isinstance(drafts[j].values.get("row"), int):
        j += 1
    if j == 0 or j == len(drafts):
        return
    below = drafts[j].values["row"]
    assert isinstance(below, int)
    taken = {r for d in drafts if isinstance(r := d.values.get("row"), int)}
    guesses = list(range(below - j, below))
    if below <= j or taken.intersection(guesses) or not _lines_right_above(drafts, 0, j):
        return
    if not all(d.values.get("egn") or d.values.get("name") or set(SCORED_FIELDS) <= set(d.review) for d in drafts[:j]):
        return  # a person's line: an ЕГН, a name or a row brought back (not a line of nothing read)
    for d, n in zip(drafts[:j], guesses, strict=True):
        d.values["row"] = n
        d.review.add("row", checks.UNREADABLE)


def _mid(d: checks.RowDraft) -> float:
    assert d.bbox is not None
    return (d.bbox[1] + d.bbox[3]) / 2


LINE_NEAR = 1.25  # of the rows' pitch: a line this near the next one is the line right above it
TWO_LINES = 2.25  # of the rows' pitch: a row with a line of its own under it (the produce taken in kind) at most
SAME_LINE = 0.4  # of the rows' pitch: a line brought back nearer the next row than this is on that row's line
# (AK dev 29001 p2: the ЕГН of the row numbered 30 brought back inside its band, not above it)


def _lines_right_above(drafts: list[checks.RowDraft], i: int, first: int) -> bool:
    """The people brought back at ``i`` .. ``first - 1`` stand line by line right above the first row with a
    printed number (``first``), each less than ``LINE_NEAR`` of the rows' pitch (the least between two rows
    numbered one apart) above the next: on a continuation page whose rows are numbered on from the page before
    (AK dev 29001 p4: `33` over `34`, the first line taken into the grid's heading band), they are the numbers
    right before it, not from 1. Not a line brought back inside the band of the row under it: that row's own.
    A step as long as the longest between two rows numbered one apart (up to ``TWO_LINES`` pitches) from a row
    holding an ЕГН is a person's row with a line of its own under it, as the page's numbered rows show (AK dev
    29017 p2: `29` over the produce it took in kind, over `30`; every figure of 29 counted missing); not from a
    name alone (29017 p4: the title's `Георги Димитров` brought back as a name two lines over `31`)."""
    numbered = [d for d in drafts if d.bbox is not None and isinstance(d.values.get("row"), int)]
    gaps = [_mid(b) - _mid(a) for a, b in zip(numbered, numbered[1:], strict=False)
            if isinstance(m := a.values["row"], int) and b.values["row"] == m + 1]  # fmt: skip
    run = drafts[i : first + 1]
    if not gaps or any(d.bbox is None for d in run):
        return False
    pitch = min(gaps)
    two = max(LINE_NEAR * pitch, min(max(gaps) + (LINE_NEAR - 1) * pitch, TWO_LINES * pitch))
    return all(SAME_LINE * pitch <= _mid(b) - _mid(a) <= (two if a.values.get("egn") else LINE_NEAR * pitch)
               for a, b in zip(run, run[1:], strict=False))  # fmt: skip



PEOPLE_MERGED = "people_merged"  # page review: a row's name cell holds the names of several people
MIN_WORDS = 5  # a name cell holding two people's names has at least two words of each but one


def given_names() -> frozenset[str]:
    return female_names() | male_names()


def _people_in(name: str) -> list[str]:
    """The names of a name cell that holds several people's ('Елена Цветанова Жечева Лиляна Атанасова
    Иванова'): split before each known given name (a letter misread allowed), words before the first one
    going with it; [] when the cell holds one person's name (fewer than two given names or MIN_WORDS words)."""
    words = name.split()
    if len(words) < MIN_WORDS:
        return []
    starts = [i for i, w in enumerate(words) if correct_word(capitalised(w))[0] in given_names() and i + 1 < len(words)]
    starts = [i for k, i in enumerate(starts) if k == 0 or i - starts[k - 1] >= 2]  # a name's words after its own
    if len(starts) < 2:
        return []
    bounds = [0, *starts[1:], len(words)]
    people = [words[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    # each a name of two words at least (R dev 10026 p10: `Тодор Димитров` and its family name wrapped onto the
    # line under it, `Генчев`, read `Генчо У Га Вк`: no second person, a row put in that moved every one under it)
    if any(sum(len(w) >= 3 for w in person) < 2 for person in people):
        return []
    return [" ".join(person) for person in people]


MERGED_AMONG = 3  # rows on the page at the least for their usual height to tell ...
MERGED_TALL = 0.8  # ... a row holding several people's lines: this share of their usual height each at the least


def split_merged_names(drafts: list[checks.RowDraft]) -> PageReview | None:
    """A row whose name cell holds the names of several people is rows the grid ran together (R dev 10011
    p2: eleven people read as one row, their ЕГНs unread, the page out with one row and no review): each
    person comes back as a row in review (every field: whose figures the row holds, nobody can say), in
    the order of the names, and the page goes to review with the names to find on the sheet."""
    found: list[str] = []
    heights = sorted(d.bbox[3] - d.bbox[1] for d in drafts if d.bbox is not None)
    usual = heights[len(heights) // 2] if len(heights) >= MERGED_AMONG else None
    for d in list(drafts):
        people = _people_in(str(d.values.get("name") or ""))
        if not people:
            continue
        if usual is not None and d.bbox is not None and d.bbox[3] - d.bbox[1] < MERGED_TALL * len(people) * usual:
            continue  # a row no taller than one person's among the page's rows: one name read garbled into two
            # given names' words (AA dev 19003 p6: `МИХАЙЛОВ НИКОЛА ЛАЗАРОВ` read `НИХАНЛОВ ЯНКО Ля ЛАЗАР Ов`)
        found.extend(people)
        at = next(i for i, o in enumerate(drafts) if o is d)
        box = d.bbox
        step = (box[3] - box[1]) / len(people) if box is not None else 0.0
        for k, who in enumerate(people):
            row = d if k == 0 else checks.RowDraft(values={})
            row.values["name"] = who
            if box is not None:
                row.bbox = [box[0], round(box[1] + k * step), box[2], round(box[1] + (k + 1) * step)]
            row.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
            if k:
                drafts.insert(at + k, row)
    return PageReview(reason=PEOPLE_MERGED, detail=", ".join(found)) if found else None
