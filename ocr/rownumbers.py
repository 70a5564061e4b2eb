"""The printed row numbers (`№ по ред`) where the first reading found none: a stamp over the column joins
the typed digits to its ring, so the column looked empty and was never read. Its cells are read once more
with only the darkest ink kept (the typed digits; a stamp's ink is lighter), and the numbers are taken only
where they rise one by one with the rows: ``checks.number_rows`` then cross-checks them with the order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from . import checks, columns, normalise, order_stats, row_zeros
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Word
from .reading import mosaic_read
from .sheet import Sheet

DIGITS = "0123456789"


def _row_column(s: Sheet, kinds: list[str | None]) -> int | None:
    """The column headed `№ по ред` left of the people's names, when no column was taken for row numbers."""
    if "row" in kinds:
        return kinds.index("row")
    first_named = min((c for c, k in enumerate(kinds) if k in ("name", "egn")), default=None)
    if first_named is None:
        return None
    for c in range(first_named):
        if kinds[c] is None and _row_heading(s.headings[c]):
            return c
    # the `№ по ред` at the far right (family L, `Ш Поред` as read): the last column, headed so, that
    # nothing else was taken for
    # (L dev 4005 p4: a correction in the margin beyond it, a column of the grid with no heading)
    last = len(kinds) - 1
    while last > first_named and kinds[last] is None and not any(ch.isalpha() for ch in s.headings[last]):
        last -= 1
    if last > first_named and kinds[last] is None and _row_heading(s.headings[last]):
        return last
    return None


def row_column(s: Sheet, kinds: list[str | None]) -> int | None:
    """The column of the printed row numbers: the one taken for them, or one headed so nothing was taken for."""
    return _row_column(s, kinds)


def _row_heading(text: str) -> bool:
    """A heading that names the row number: `№ по ред`, or `поред` with its `№` misread, or a printout's
    `Пор. N` (`пор. "` as read: P dev 8012 p1, the `N` misread and no column found for the numbers, every
    row's number left unread)."""
    low = text.lower()
    return (bool(columns.heading_votes(text).get("row")) or "поред" in low.replace(" ", "")
            or re.match(r"\W*пор\b", low) is not None)


def _typed_numbers(s: Sheet, c: int, rows: list[int]) -> dict[int, int]:
    """The row numbers the first reading found in column ``c`` (left unplaced: no column was taken for them)."""
    got = {}
    for i in rows:
        if i < len(s.texts) and c < len(s.texts[i]):
            n = _typed_number(s.texts[i][c])
            if n is not None and 0 < n < 1000:
                got[i] = n
    return got


def _typed_number(text: str) -> int | None:
    """The one number in a `№` cell's text, with the specks and stops read beside it (`, - 3.`, `! 6`,
    `: 8`, `10` over a `.`: L dev 4003 p10, 8 of 15 numbers left unread for the marks beside them, the page
    sent whole to review as its numbers unread); None where the cell holds a letter or two numbers."""
    if any(ch.isalpha() for ch in text):
        return None
    tokens = [t for t in re.split(r"[^0-9]+", text) if t]
    return int(tokens[0]) if len(tokens) == 1 and len(tokens[0]) <= 3 else None


def _take(a: Analysis, s: Sheet, c: int, drafts: list[checks.RowDraft], got: dict[int, int]) -> None:
    """The numbers in ``got`` taken only where a neighbour agrees (one apart, one row apart): a lone digit
    may be a stamp's letter."""
    for i, n in got.items():
        if got.get(i - 1) == n - 1 or got.get(i + 1) == n + 1:
            drafts[i].values["row"] = n
            drafts[i].boxes["row"] = a.transform.box_to_original(a.grid.cell(s.body_rows[i], c))


def darkest_ink(gray: np.ndarray, row_h: float) -> np.ndarray:
    """``gray`` with only its darkest ink kept (Otsu's split of the ink's own grey levels), and of that only
    what is shaped like a typed figure in a row ``row_h`` high: a stamp's ring that spans rows, and the
    specks left of it, become paper."""
    paper = order_stats.median_of(gray)
    ink = gray[gray < paper - 30]
    if ink.size < 20:
        return gray
    t, _ = cv2.threshold(ink.reshape(-1, 1).astype(np.uint8), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dark = (gray <= t).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(dark, np.ones((3, 3), np.uint8)), connectivity=8)
    if n <= 1:
        return gray
    mass = np.bincount(labels[dark > 0], minlength=n).astype(float)  # the ink itself, not the dilation
    heights = stats[:, cv2.CC_STAT_HEIGHT]
    keep = (heights >= 0.2 * row_h) & (heights <= 0.8 * row_h)
    keep[0] = False
    if keep.any():
        keep &= mass >= 0.3 * mass[keep].max()
    return np.where((dark > 0) & keep[labels], gray, np.uint8(255)).astype(np.uint8)


def reread_missing(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine) -> None:
    """Fill in the row numbers nobody read, from the `№` column read again on its darkest ink."""
    missing = [i for i, d in enumerate(drafts) if not isinstance(d.values.get("row"), int)]
    c = _row_column(s, kinds)
    if c is None or len(missing) < 2 or len(missing) < len(drafts) // 2:
        return
    _take(a, s, c, drafts, _typed_numbers(s, c, missing))  # read already, in a column nothing was taken for
    missing = [i for i, d in enumerate(drafts) if not isinstance(d.values.get("row"), int)]
    if len(missing) < 2 or len(missing) < len(drafts) // 2:
        return
    g = a.grid
    x0, x1 = g.xs[c], g.xs[c + 1]
    y0, y1 = g.ys[0], g.ys[-1]
    clean = a.clean.copy()
    row_h = float(np.median(np.diff(g.ys[1:]))) if g.n_rows > 1 else float(y1 - y0)
    clean[y0:y1, x0:x1] = darkest_ink(a.clean[y0:y1, x0:x1], row_h)
    boxes = [g.cell(s.body_rows[i], c) for i in missing]
    read = mosaic_read(replace(a, clean=clean), boxes, lambda m: engine.figures(m, whitelist="0123456789"))
    got = {i: n for i, ws in zip(missing, read, strict=True)
           if ws and (n := normalise.integer(" ".join(w.text for w in ws))) is not None and 0 < n < 1000}  # fmt: skip
    _take(a, s, c, drafts, got)


READINGS = (("words", 1.0), ("figures", 1.5), ("words", 1.5))  # the other model, then both on the cells enlarged


def _reader(engine: OcrEngine, model: str, f: float) -> Callable[[np.ndarray], list[Word]]:
    """A mosaic's reading by ``model`` (the engine's ``words`` or ``figures``, digits only) on the mosaic
    enlarged ``f`` times (cubic), the words' boxes brought back to the mosaic's own size."""

    def read(m: np.ndarray) -> list[Word]:
        big = cv2.resize(m, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC) if f != 1 else m
        ws = (engine.words(big, psm=6, whitelist=DIGITS) if model == "words"
              else engine.figures(big, whitelist=DIGITS))  # fmt: skip
        if f == 1:
            return ws
        return [replace(w, box=Box(*(round(v / f) for v in (w.box.x0, w.box.y0, w.box.x1, w.box.y1)))) for w in ws]

    return read


def reread_disputed(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine) -> None:
    """The `№` cells whose first reading (the figures' model) does not follow the rows' order, read again
    (``READINGS``: the text model, digits only, then both models on the cells enlarged), and a reading taken
    where it follows the order: the offset most numbers read agree with. A phone's blurred photograph of a
    typewriter's italic `1` reads `4` to the figures' model (Q dev 9020 p1: `4`, `41`, `43` for 1, 11, 13:
    half the numbers disputed, none went out, every row in review), to the text model `1`. A cell no
    reading puts in the order keeps its first (``checks.number_rows`` then doubts it)."""
    c = _row_column(s, kinds)
    if c is None or len(drafts) < 3:
        return
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in drafts]
    # an offset below 1 puts a number below 1 on the first row: no printed order (P dev 8012 p1: `12`, `13`,
    # `14` read `2`, `3`, `4` on the last three rows outnumbered the two read on their place)
    offsets = Counter({k: n for k, n in checks.order_offsets(read).items() if k >= 1})
    if not offsets:
        return
    off = max(offsets, key=lambda k: offsets[k])
    if offsets[off] < 2:
        return
    g = a.grid
    disputed = [i for i, v in enumerate(read) if v != i + off and i < len(s.body_rows)]
    for model, f in READINGS:
        if not disputed:
            return
        boxes = [g.cell(s.body_rows[i], c) for i in disputed]
        again = mosaic_read(a, boxes, _reader(engine, model, f))
        for i, ws in zip(disputed, again, strict=True):
            if _on_its_place(_typed_number(" ".join(w.text for w in ws)), i + off):
                drafts[i].values["row"] = i + off
                drafts[i].boxes["row"] = a.transform.box_to_original(g.cell(s.body_rows[i], c))
        disputed = [i for i in disputed if drafts[i].values.get("row") != i + off]


def _on_its_place(n: int | None, want: int) -> bool:
    """A reading is the number the order wants, as read or with its leading dotted zeros read as 6, 8 or 9
    (a printout's `01` ... `14` in a dot-matrix face: `92`, `95`, `98` to the text model, P dev 8012 p1), or
    with its leading ones lost (``lost_ones``)."""
    return n is not None and (n == want or (n > want and row_zeros.as_zeros(n) == want) or lost_ones(n, want))


def lost_ones(n: int, want: int) -> bool:
    """``n`` is ``want`` without its leading `1`s: a hand's `1` is a bare slanting stroke every model may pass
    over (T dev 12011 p1: `10`, `11`, `12` read `0`, `1`, `2` by every reading; 12005 p2: `14`, `15` read `4`,
    `5`: the numbers no longer followed the rows and the page went to review whole). Another leading digit
    lost (`21` read `1`) is no such reading."""
    short, whole = str(n), str(want)
    return len(short) < len(whole) and whole.endswith(short) and set(whole[: len(whole) - len(short)]) == {"1"}


def doubt_unread_numbers(s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft]) -> None:
    """After ``number_rows``: a sheet with a `№ по ред` column whose numbers none of its rows read (a faint
    carbon, K dev 3001 p6: every row went out without a number and without a word of doubt) has every
    row's number in review as unreadable: a certificate must cite the printed number, not a guess."""
    if not drafts or any(isinstance(d.values.get("row"), int) for d in drafts) or _row_column(s, kinds) is None:
        return
    for d in drafts:
        d.review.add("row", checks.UNREADABLE)


ALIKE = 0.25  # the two-digit numbers' widths this near their median agree; a one-digit number's this near is two
# (a typed `1.` is two thirds as wide as `10.`, K's `k-row-numbers-11-12-read-1-2`: one digit)


def grey_span(gray: np.ndarray, box: Box) -> int | None:
    """The width of a `№` cell's figure in the grey: the columns of pixels with two or more darker than the
    cell's paper by 0.4 of the way to its darkest (a thin film's faint type, lighter than the page's ink
    threshold, kept), pieces a quarter of the cell's height apart one figure, the widest; a thin piece at the
    cell's edge (a typed `|`) left out. None for an empty cell."""
    region = gray[box.y0 + 3 : max(box.y0 + 4, box.y1 - 3), box.x0 + 3 : max(box.x0 + 4, box.x1 - 3)]
    if region.size == 0:
        return None
    paper, dark = float(np.median(region)), float(np.percentile(region, 0.5))
    if paper - dark < 12:  # no ink: grain
        return None
    on = ((region < paper - max(8.0, 0.4 * (paper - dark))).sum(axis=0) >= 2).tolist()
    h, n = region.shape
    runs: list[list[int]] = []
    for x, v in enumerate(on):
        if v and runs and runs[-1][1] == x:
            runs[-1][1] = x + 1
        elif v:
            runs.append([x, x + 1])
    runs = [r for r in runs if not (r[1] - r[0] <= 0.12 * h and (r[0] <= 4 or r[1] >= n - 4))]
    groups: list[list[int]] = []
    for r in runs:
        if groups and r[0] - groups[-1][1] <= 0.25 * h:
            groups[-1][1] = r[1]
        else:
            groups.append(list(r))
    return max((g[1] - g[0] for g in groups), default=None)


def _drop_numbers(drafts: list[checks.RowDraft]) -> None:
    """No row keeps the number it was given: each goes to review unreadable (a person reads them from the sheet)."""
    for d in drafts:
        if isinstance(d.values.get("row"), int):
            d.values.pop("row")
            d.review.add("row", checks.UNREADABLE)


def doubt_numbers_narrower_than_ink(
    a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], read: list[int | None]
) -> None:
    """After ``number_rows``: the rows' numbers cross-checked with the ink of their `№` cells in the grey
    (``grey_span``). Where most of the rows numbered with one digit (two at least) have ink as wide as the page's
    two-digit numbers (within ``ALIKE`` of their median; three of them at least, most within ``ALIKE`` of it:
    cells a signature crosses give no opinion, E's `e-hard-wrapped-names-signatures-split-rows`), the numbering is
    not the sheet's: the tens' digits typed faint were lost to every reading (AB dev 20011 p2, thin film: 26 ... 37
    read `7`, `1`, `3`, `4` with `38`, `36`, `17`, taken as 6 ... 17 by the most numbers on one offset, `1` `3`
    `4` as 11, 13, 14 with a hand's `1` lost; every person cited under another's number without a word). No row
    keeps a number then: each goes to review unreadable, a person reads them from the sheet. Only where fewer than
    half the numbers stand as ``read`` (``lost_rows.read_numbers``, before ``number_rows``): numbers read as they
    stand are proved by their reading and their order (K, L, P and T regression sheets: typed `1.` two thirds as
    wide as `10.`, specks beside them, a hand's numbers)."""
    c = _row_column(s, kinds)
    if c is None:
        return
    as_read = sum(r is not None and r == d.values.get("row") for r, d in zip(read, drafts, strict=False))
    if as_read >= len(drafts) / 2:  # most numbers read as they stand: proved by their reading and order
        return
    rows = [(i, v) for i, d in enumerate(drafts[: len(s.body_rows)]) if isinstance(v := d.values.get("row"), int)]
    spans = [grey_span(a.gray, a.grid.cell(s.body_rows[i], c)) for i, _ in rows]
    two = [w for w, (_, v) in zip(spans, rows, strict=True) if w is not None and 10 <= v <= 99]
    if len(two) < 3:
        return
    width = float(np.median(two))
    alike = sum(abs(w - width) <= ALIKE * width for w in two)
    if alike < 3 or alike < len(two) / 2:  # the cells hold other ink (a signature across them): no opinion
        return
    ones = [w for w, (_, v) in zip(spans, rows, strict=True) if 0 <= v <= 9]
    wide = sum(w is not None and (1 - ALIKE) * width <= w <= (1 + ALIKE) * width for w in ones)
    if wide < 2 or wide < 2 * len(ones) / 3:
        return
    _drop_numbers(drafts)


def doubt_numbers_from_one_after_carried(s: Sheet, drafts: list[checks.RowDraft]) -> None:
    """After ``number_rows``: a sheet that carries the sums of one before it (its `От пренос` line, read so: a
    line of sums set apart at the top may be no carried line) numbers its
    people on from that sheet's: its first cannot be number 1. Numbered from 1 all the same, the numbers are
    the order's, not the sheet's (AB dev 20011 p6, thin film: 29-36 read as 1-8, every person cited under
    another's number without a word): no row keeps a number, each goes to review unreadable."""
    numbers = [v for d in drafts if isinstance(v := d.values.get("row"), int)]
    if s.carried_row is None or not numbers or numbers[0] != 1:
        return
    said = re.findall(r"[а-я]+", " ".join(s.text(s.carried_row, c) for c in range(len(s.headings))).lower())
    if not any(w.startswith("прен") for w in said):  # sums set apart, not said carried (L's `l-two-line-rows`)
        return  # (`Прен, озт лист 4`: thin film's `Пренесено от лист 1` as read, AB dev 20011 p6)
    _drop_numbers(drafts)


def _leading_number(text: str) -> tuple[int, str] | None:
    """'2 Иван Петров' -> (2, 'Иван Петров'): a number typed before the name, in the name's cell. Only the
    tokens before the first word of three letters or more are looked at (a speck or a bracket read
    beside the number goes with it)."""
    tokens = text.split()
    first_word = next((i for i, t in enumerate(tokens) if sum(ch.isalpha() for ch in t) >= 3), len(tokens))
    prefix = tokens[:first_word]
    numbered = next((t for t in prefix if any(ch.isdigit() for ch in t)), None)
    if numbered is None:
        return None
    n = normalise.integer(numbered)  # the first figure only: an ЕГН typed after it in the same cell stays out
    if n is None or not 0 < n < 1000:
        return None
    return n, " ".join(tokens[first_word:])


def split_name_cells(s: Sheet, kinds: list[str | None]) -> dict[int, int]:
    """The `№ по ред` typed in the name's cell (no rule between them: no row column was found). Where
    most names start with a number and two neighbours are one apart, the numbers are taken out of the
    names (``s.texts`` changed in place: the number read as a letter would stay in the name) and
    returned (draft index -> number) for ``put_leading``; ``number_rows`` cross-checks them."""
    if "row" in kinds or "name" not in kinds:
        return {}
    c = kinds.index("name")
    lead = [_leading_number(row[c]) for row in s.texts]
    found = {i: x for i, x in enumerate(lead) if x is not None}
    if len(found) < max(2, len(s.texts) // 2):
        return {}
    if not any(i + 1 in found and found[i + 1][0] - x[0] == 1 for i, x in found.items()):
        return {}
    for i, (_, rest) in found.items():
        s.texts[i][c] = rest
    return {i: n for i, (n, _) in found.items()}


def put_leading(drafts: list[checks.RowDraft], lead: dict[int, int]) -> None:
    """The numbers ``split_name_cells`` took out of the name cells, as the rows' printed numbers (where
    the `№` column gave none)."""
    for i, n in lead.items():
        d = drafts[i]
        if not isinstance(d.values.get("row"), int):
            d.values["row"] = n
            if "name" in d.boxes:
                d.boxes["row"] = d.boxes["name"]


FULL_ROW = 3  # figures a line with no name, ЕГН or number needs at the least to be a person's


def number_rows(drafts: list[checks.RowDraft]) -> None:
    """``checks.number_rows`` over the people's rows only: a line with no ЕГН, no number read and no name
    (a full one, or one beside figures: a correction typed between two rows, a wrapped name's line, that the
    grid took for a row) takes no place in the order, so it cannot push every row above or below it onto its
    neighbour's printed number. It keeps no number and goes to a person.
    A line with a figure in every column of figures but one or none (three at the least) is a person's
    whose name, ЕГН and number went unread (K dev 3001 p5, a slipped carbon: left out of the order, the
    next person took its printed number); a line of corrections holds a few figures, not a row's. A band
    taller than one and a half rows is not one person's (the grid lost the rules between several people:
    D's `d-rows-lost-printed-numbers-skip`, five rows in one band whose figures are their sums).
    A line with two figures or more that is none of these is a person's all the same where the printed
    numbers read around it agree with the rows' order only with it (K dev 3017 p5: a person's ЕГН and name
    unread and two of six figures, left out of the order; every person below took the number above their
    own, 54 figures cited under the neighbour's number)."""
    def count(d: checks.RowDraft) -> int:
        return sum(d.values.get(f) is not None for f in ("days_worked", *checks.MONEY))

    def height(d: checks.RowDraft) -> int | None:
        return d.bbox[3] - d.bbox[1] if d.bbox else None

    most = max((count(d) for d in drafts), default=0)
    heights = sorted(h for h in map(height, drafts) if h)
    usual = heights[len(heights) // 2] if heights else None

    def one_band(d: checks.RowDraft) -> bool:
        h = height(d)
        return h is None or usual is None or h <= 1.5 * usual

    halves = half_names(drafts, lambda d: count(d) < max(FULL_ROW, most - 1))

    def person(d: checks.RowDraft) -> bool:
        if id(d) in halves:
            return False
        # a word or two of a name with no ЕГН, no number and no figure is a wrapped name's line split off its
        # row (D dev 503 page 5, hard: `ърков` under a stamp, a row of its own, every number below one too high)
        name = str(d.values.get("name") or "")
        figures = count(d) > 0
        named = bool(name) and (figures or len(name.split()) >= 3)
        full = count(d) >= max(FULL_ROW, most - 1) and one_band(d)
        return bool(named or full or d.values.get("egn") or isinstance(d.values.get("row"), int))

    chosen = {id(d) for d in drafts if person(d)}
    for d in drafts:  # a line of figures the printed numbers around it count as a person's
        if id(d) not in chosen and count(d) >= 2 and one_band(d):
            now = [e for e in drafts if id(e) in chosen]
            gained = agreeing([e for e in drafts if id(e) in chosen or e is d]) - agreeing(now)
            if gained > 0 or (gained == 0 and in_step(d, now)):
                chosen.add(id(d))
    chosen |= torn_names(drafts, chosen, halves)
    people = [d for d in drafts if id(d) in chosen]
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in people]
    checks.number_rows(people)
    shifted_numbers(people, read)
    for d in drafts:
        if id(d) not in chosen:
            d.values.pop("row", None)
            d.review.add("row", checks.ROW_NUMBER)


def _fragment(d: checks.RowDraft) -> bool:
    """A line of a word or two of a name and nothing else: no ЕГН, no number read, no figure."""
    return (0 < _words(d) < 3 and not d.values.get("egn") and not isinstance(d.values.get("row"), int)
            and not any(d.values.get(f) is not None for f in ("days_worked", *checks.MONEY)))  # fmt: skip


def torn_names(drafts: list[checks.RowDraft], chosen: set[int], halves: set[int]) -> set[int]:
    """The first lines (their ``id``) of two neighbouring lines left out of the people (``chosen``), neither a
    half of a neighbour's name (``halves``), each a word or two of a name and nothing else, whose words make a
    whole name together (three or more) and that stand in the people's step: one person's line cut in two by a tear or a fold across it (AH dev 26005 p8: a tear's dotted
    line across the second row, its name back as `Зраня Георги` over `Ва Гъркова`, its figures lost; left out
    of the order, the first person took the number 2 from the `3` below and his row, number 1 of the sheet,
    went out under no number at all). Counted as a person, the line keeps the order's count right: its
    number an inference in review, its fields unread. A wrapped name's one line (D dev 503 p5) is no pair, nor
    two names each wrapped onto the next line (`Огнян Стоянов` / `Кирилов` / `Николай Йорданов` / `Ценов`:
    hard dev 56 p5, halves of their neighbours' names)."""
    people = [d for d in drafts if id(d) in chosen]
    out: set[int] = set()
    for a, b in zip(drafts, drafts[1:], strict=False):
        if (any(id(d) in chosen or id(d) in halves for d in (a, b)) or id(a) in out
                or not _fragment(a) or not _fragment(b) or _words(a) + _words(b) < 3):  # fmt: skip
            continue
        if in_step(a, people):
            out.add(id(a))
    return out


IN_STEP = 0.7  # share of the rows' usual pitch a person's line stands from the people above and below it, at the least


def in_step(d: checks.RowDraft, people: list[checks.RowDraft]) -> bool:
    """The line ``d`` stands in the people's step: a pitch from the person above and the one below, where without
    it the two stand two pitches apart (AH dev 26013 p1: a tape over the first four people's numbers, names and
    ЕГН, the fourth's days and pay left; the numbers read below agree as well with it left out, the three above
    took the numbers 2-4 and the first person's number was lost). A correction typed between two people's
    lines stands within their pitch, not in step."""
    if d.bbox is None:
        return False
    tops = sorted(e.bbox[1] for e in people if e.bbox is not None)
    if len(tops) < 3:
        return False
    pitch = float(np.median(np.diff(tops)))
    above = [t for t in tops if t < d.bbox[1]]
    below = [t for t in tops if t > d.bbox[1]]
    return bool(above and below and pitch > 0
                and d.bbox[1] - above[-1] >= IN_STEP * pitch and below[0] - d.bbox[1] >= IN_STEP * pitch)  # fmt: skip


def _words(d: checks.RowDraft) -> int:
    return len(str(d.values.get("name") or "").split())


def half_names(drafts: list[checks.RowDraft], few_figures: Callable[[checks.RowDraft], bool]) -> set[int]:
    """The lines (their ``id``) that hold one part of a name typed on two lines the grid took for two rows:
    a word or two of a name, no ЕГН, no number and ``few_figures`` (a correction typed beside it), where
    the line above or below has the rest of the name (a word or two, three or more together) and the ЕГН
    or the printed number (hard dev 56 p5: `Милка Христова` over `1 Георгиева ...`, a `3.28` beside it;
    taken for a person, the order numbered it 0 and every printed number on the page went to review)."""
    out = set()
    for i, d in enumerate(drafts):
        n = _words(d)
        if not 0 < n < 3 or d.values.get("egn") or isinstance(d.values.get("row"), int) or not few_figures(d):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(drafts):
                e = drafts[j]
                if 0 < _words(e) < 3 <= n + _words(e) and (e.values.get("egn") or isinstance(e.values.get("row"), int)):
                    out.add(id(d))
    return out


def agreeing(rows: list[checks.RowDraft]) -> int:
    """How many of the rows' printed numbers read agree with their place in ``rows`` (the most on one
    offset: the numbers rise one by one with the rows)."""
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in rows]
    return max(checks.order_offsets(read).values(), default=0)


def shifted_numbers(people: list[checks.RowDraft], read: list[int | None] | None = None) -> None:
    """After ``checks.number_rows``: a row the order gave a number below 1 shows the numbers read sit one
    band off their rows (typed low, beside the next person's line: family L's far-right `№`, the `1` level
    with the second name). Every number read beside another person is then unproved: all go to review.
    Not so where each such row is a line of no person (no name, no ЕГН) whose number as read (``read``, before
    the order numbered the rows) is off the order: the columns' printed numbers under the heading (`1 2 3 4
    ...`, one of them read as its `№`: AD dev 22002 p4, the `4` over the first person's `1`, every number and
    every field of the page in review, 79 of 80 right); that line alone loses its number, to review."""
    low = [i for i, d in enumerate(people) if isinstance(v := d.values.get("row"), int) and v < 1]
    if not low:
        return
    stray = [i for i in low if read is not None and not people[i].values.get("name") and not people[i].values.get("egn")
             and read[i] is not None and read[i] != people[i].values.get("row")]  # fmt: skip
    if stray == low:
        for i in stray:
            people[i].values.pop("row", None)
            people[i].review.add("row", checks.ROW_NUMBER)
        return
    for d in people:
        d.review.add("row", checks.ROW_NUMBER)


def doubt_numbers_on_continuation(s: Sheet, drafts: list[checks.RowDraft]) -> None:
    """After every row is numbered (``number_rows``, ``unread_people.number_above_first``, ``rows_below.number_on``):
    a headless continuation page (``Sheet.running``: a running line, no column's heading) numbers its rows on from
    the page before, so its numbers stand only where they are read and cross-checked: two numbers read as they
    stand (no doubt) on neighbouring rows, one apart, and a numbering from 1 only where its first two rows read 1
    and 2 so (a sheet whose pages each number from 1, S and P dev pages). A numbering from 1 counted or read unsure
    is the order's count or another column's figures read for the numbers (AK evaluation page: a continuation
    page's people printed 60-68 came out numbered 1-8 in review as read unsure, its first printed number unread;
    every one of its 72 fields cited under another person's number without a word). No row keeps a number
    otherwise: each goes to review unreadable, a person reads them from the sheet."""
    if not s.running:
        return
    nums = [(i, v) for i, d in enumerate(drafts) if isinstance(v := d.values.get("row"), int)]
    if not nums:
        return
    sure = [(i, v) for i, v in nums if "row" not in drafts[i].review]
    crossed = any(j == i + 1 and w == v + 1 for (i, v), (j, w) in zip(sure, sure[1:], strict=False))
    if crossed and (min(v for _, v in nums) > 1 or sure[:2] == [(nums[0][0], 1), (nums[0][0] + 1, 2)]):
        return
    _drop_numbers(drafts)
