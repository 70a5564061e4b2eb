"""The months of a run of an employer's monthly sheets, in the file's order, follow one another: a page whose
period is out of step with the pages around it goes to a person (family AF dev 24003 p2: "за месец II.1983 г."
read "11.1983" between January and March 1983, month 11 out without a doubt; a typewriter's Roman II and the
figures 11 are the same strokes).

A page's period is expected where two pages next to it of its employer (as read, a letter or two apart; a page
whose employer was not read pins nothing), read without doubt, pin it: the page before and the page
after two months apart (it is the month between) or of one month (a page of that month's sheet: AK dev 29002 p2,
a continuation page's running line "1991" read "1994" between the sheet's pages 1 and 3), or the two pages after it
(or before it) consecutive months (it is the month before them, or after). It is out of step when it is neither the month of the page next to it, nor
the month before or after that (a run that skips a month or has two sheets of one keeps in step), on either side,
and every pin gives the same month. A period read is never changed: the doubt names the month its neighbours
give, and a person decides. A month not read at all ("за м. юди 1981 г.": юли or юни? AF dev 24013 p1) is given
the month its neighbours pin, in review, so that a person confirms it rather than types it."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from archive_core.records import PayrollPage

Month = tuple[int, int]  # (year, month)
SAME_FILE_LETTERS = 3  # employers' names (case-folded) this many letters apart or fewer are one file's


def _index(m: Month) -> int:
    return m[0] * 12 + m[1] - 1


def _month(i: int) -> Month:
    return i // 12, i % 12 + 1


def _pinned(idx: list[int | None], i: int, files: Sequence[str | None] | None = None) -> int | None:
    """The month (as an index) the pages around page ``i`` pin, when every pin agrees; None when none does. With
    ``files`` (each page's employer as read), only pages of page ``i``'s employer pin (a file's one page after
    another file's run is no month of that run: E's eval set, a lone page's month doubted)."""
    n = len(idx)

    def at(k: int) -> int | None:
        if not 0 <= k < n or (files is not None and not _same_file(files[i], files[k])):
            return None
        return idx[k]

    before, after, after2, before2 = at(i - 1), at(i + 1), at(i + 2), at(i - 2)
    pins = []
    if before is not None and after is not None and after - before == 2:
        pins.append(before + 1)
    if before is not None and after is not None and after == before:
        pins.append(before)  # between two pages of one month (a sheet's pages, the file in order): that month
    if after is not None and after2 is not None and after2 - after == 1:
        pins.append(after - 1)
    if before is not None and before2 is not None and before - before2 == 1:
        pins.append(before + 1)
    return pins[0] if pins and all(p == pins[0] for p in pins) else None


def _same_file(a: str | None, b: str | None) -> bool:
    """Are two pages' employers, as read, one employer's (a letter or two apart at the most)? Not when either was
    not read: nothing says the pages are of one file."""
    if not a or not b:
        return False
    x, y = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return Levenshtein.distance(x, y, score_cutoff=SAME_FILE_LETTERS) <= SAME_FILE_LETTERS


def expected_months(
    periods: Sequence[Month | None], files: Sequence[str | None] | None = None
) -> list[tuple[int, Month]]:
    """(index, the month its neighbours pin) of each period out of step with them; ``None``: no period read,
    or one in doubt (no evidence for the others, and checked again by nobody here); ``files`` as ``_pinned``'s."""
    idx = [None if p is None else _index(p) for p in periods]
    out = []
    for i, own in enumerate(idx):
        if own is None:
            continue
        pin = _pinned(idx, i, files)
        # a month next to a neighbour's, or the same (a second sheet of the month), keeps in step with it
        in_step = any(nb is not None and abs(own - nb) <= 1 for nb in (idx[i - 1] if i else None,
                                                                        idx[i + 1] if i + 1 < len(idx) else None))
        if pin is not None and own != pin and not in_step:
            out.append((i, _month(pin)))
    return out


def unread_months(
    periods: Sequence[Month | None], read: Sequence[bool], files: Sequence[str | None] | None = None
) -> list[tuple[int, Month]]:
    """(index, the month its neighbours pin) of each page whose month was not read (``read`` False: no month,
    nothing doubted about it), ``periods`` the others' as for ``expected_months``."""
    idx = [None if p is None else _index(p) for p in periods]
    out = []
    for i, ok in enumerate(read):
        pin = None if ok else _pinned(idx, i, files)
        if pin is not None:
            out.append((i, _month(pin)))
    return out


def doubt_out_of_step(pages: Sequence[PayrollPage]) -> int:
    """Send to a person the period of each page of ``pages`` (one run, in the file's order) that the pages around
    it say is another month, and give a page whose month was not read the month they pin, in review; returns
    how many."""
    periods: list[Month | None] = [
        (p.period.year, p.period.month)
        if p.period.year is not None and p.period.month is not None and p.period.review is None
        else None
        for p in pages
    ]
    files = [p.employer.name for p in pages]
    found = expected_months(periods, files)
    for i, (year, month) in found:
        why = f"листовете до него са за месеците около {month:02d}.{year}: проверете месеца"
        pages[i].period.review = why
    # a month not read ("за м. юди 1981 г.": юли or юни?) where its neighbours pin one: that month, in review
    unread = [p.period.month is None for p in pages]
    filled = [
        (i, (year, month)) for i, (year, month) in unread_months(periods, [not u for u in unread], files)
        if pages[i].period.year in (None, year)
    ]
    for i, (year, month) in filled:
        page = pages[i].period
        page.year, page.month = year, month
        page.review = "; ".join(
            [*([page.review] if page.review else []),
             f"месецът не е разчетен; листовете до него го дават {month:02d}.{year}: проверете месеца"]
        )  # fmt: skip
    return len(found) + len(filled)
