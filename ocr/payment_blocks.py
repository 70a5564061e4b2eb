"""A computing centre's line-printer payroll BY KINDS OF PAYMENT (машинограма по видове плащания): no column of it is
a field, every person is a block of lines (``ocr.block_lines``), so the table reader's grid has nothing to hold on
to. Read on an unruled page only, with one pass of the text model over the page (the header's as the table reader's)
and one of the digits model over a mosaic of the amounts, the ЕГН and the days; tried where the page shows blocks
(``is_printout``: people's lines each followed by items under codes that recur, their sums after their labels), else
the table reader goes on as ever.

A person's row: the row number, the name, the ЕГН (after its label or a valid one; a personnel number is none), the
post, the days and the base pay from the base's item (the first accrual), the additional pay the other accruals'
sum, gross, deductions and net from the person's sums; proven by the block's arithmetic (``ocr.block_proof``) and the
page's (the recapitulation's base and the grand total against the rows' sums); a field nothing proves goes to review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from statistics import median

import numpy as np

from archive_core import egn as egn_mod
from archive_core.records import MONEY_FIELDS, PageReview, PayrollPage

from . import checks, lost_rows, normalise, sheet
from .analysis import Analysis
from .block_lines import (
    COLUMN_GAP,
    Block,
    Item,
    Printout,
    SumPart,
    digits_of,
    group_lines,
    is_alpha,
    parse,
    upper,
)
from .block_proof import BlockSums, Cands, column_holds, solve
from .engine import OcrEngine
from .geometry import Box, Word
from .header import Header
from .names import check_name
from .reading import NUMERIC_CHARS, Reading, header_bands, header_image, mosaic_read

STRIP = 0.12  # of the writing's width: the strip down its left edge the look before the page's pass reads
AMOUNT_REACH = 6  # print positions left of an amount's first word read again with it at most
MIN_BLOCKS = 2  # people's blocks a printout shows at least
MIN_CODES = 2  # item codes recurring on the page at least
UNREAD_INK = 12  # pixels of ink beside a name's or post's words that no word read: a mark lost
NAME_CONF = 0.6  # a name's or post's word read less sure than this: in review


def is_printout(p: Printout) -> bool:
    """Blocks of people (a person's line, items under codes, sums after labels), the codes recurring."""
    closed = [b for b in p.blocks if b.items and len(b.sums) >= 2]
    codes = {it.code for b in p.blocks for it in b.items}
    return len(closed) >= MIN_BLOCKS and len(closed) >= 0.6 * len(p.blocks) and len(codes) >= MIN_CODES


def codes_recur(a: Analysis, engine: OcrEngine) -> bool:
    """A cheap look before the page's pass: the lines' first words on a strip down the writing's left edge (the text
    model on the strip only) — item codes recurring (two codes, each on two lines at least) show a printout of blocks;
    a table's row numbers never recur."""
    x0 = max(0, a.grid.xs[0] - 10)
    x1 = min(a.clean.shape[1], x0 + int(STRIP * (a.grid.xs[-1] - a.grid.xs[0])) + 20)
    lines = group_lines(engine.words(np.ascontiguousarray(a.clean[:, x0:x1]), psm=6))
    firsts = Counter(d for ln in lines if (d := digits_of(ln.words[0].text)) is not None and 2 <= len(d) <= 3)
    return sum(1 for n in firsts.values() if n >= 2) >= MIN_CODES


def read(a: Analysis, image_name: str, engine: OcrEngine,
         read_header: Callable[[sheet.Sheet, Reading], Header]) -> PayrollPage | None:  # fmt: skip
    """The page as blocks of people, or None where it shows none (the table reader reads it). ``read_header``: the
    table reader's header stages over the words above the grid."""
    if a.grid.ruled or not codes_recur(a, engine):
        return None
    img = a.clean.copy()
    bands = header_bands(a)
    top = max(0, a.grid.ys[0] - 6)
    img[:top] = header_image(a, bands)
    words = engine.words(img, psm=6)
    p = parse(words)
    if not is_printout(p):
        return None
    figures = _read_figures(a, p, engine)
    starts = column_starts(p)
    drafts = [_draft(a, b, p, figures, starts) for b in p.blocks]
    skipped = _numbers_skip(drafts)
    _number(drafts)
    totals = _totals(p, figures)
    _prove_columns(drafts, totals)
    printed = {k: f"{v:.2f}" for k, v in totals.items() if v is not None}
    s = sheet.parts(a, Reading(words, bands))
    header = read_header(s, Reading(words, bands))
    page = sheet.to_page(image_name, header, drafts, printed)
    page.page_review = skipped or lost_rows.short_of_totals(drafts, printed)  # a block lost: never silent
    return page


def _box(ws: list[Word], pad: int = 8) -> Box:
    return Box(min(w.box.x0 for w in ws) - pad, min(w.box.y0 for w in ws) - pad, max(w.box.x1 for w in ws) + pad,
               max(w.box.y1 for w in ws) + pad)  # fmt: skip


def _figure_groups(p: Printout) -> list[tuple[list[Word], Box]]:
    """Every amount's, days' and ЕГН's words on the page and the box to read again by the digits model: an amount's
    from where the words before it end (a print position on), a part of it the text model left out read with it."""
    out: list[tuple[list[Word], Box]] = []
    items = [it for b in p.blocks for it in b.items] + p.recap
    parts = [(it.amount, it.after) for it in items if it.amount]
    parts += [(s.amount, s.after) for b in p.blocks for s in b.sums if s.amount] + [(s.amount, s.after) for s in p.grand if s.amount]
    for ws, after in parts:
        b = _box(ws)
        out.append((ws, Box(min(b.x0, max(after + int(0.6 * p.pitch), b.x0 - int(AMOUNT_REACH * p.pitch))), b.y0, b.x1, b.y1)))
    out += [(it.days, _box(it.days)) for it in items if it.days]
    out += [(g, _box(g)) for b in p.blocks if (g := _egn_words(b.person.rest))]
    out += [([b.person.number], _box([b.person.number])) for b in p.blocks]
    return out


def _read_figures(a: Analysis, p: Printout, engine: OcrEngine) -> dict[int, str]:
    """The digits model's reading of each group of words (by the id of its first word)."""
    groups = _figure_groups(p)
    read = mosaic_read(a, [b for _, b in groups], lambda m: engine.figures(m, whitelist=NUMERIC_CHARS))
    return {id(g[0]): " ".join(w.text for w in ws) for (g, _), ws in zip(groups, read, strict=True)}


def _money_cands(ws: list[Word], figures: dict[int, str]) -> Cands:
    """An amount's readings: the digits model's, then the text model's (each once)."""
    if not ws:
        return []
    out: list[Decimal] = []
    for t in (figures.get(id(ws[0]), ""), " ".join(w.text for w in ws)):
        m = normalise.money(t) if t else None
        if m is not None and Decimal(m) not in out:
            out.append(Decimal(m))
    return out


def _egn_words(rest: list[Word]) -> list[Word]:
    """The ЕГН's words on a person's line: after its label, or a run of figure words of ten digits (not after a
    personnel number's label)."""
    for i, w in enumerate(rest):
        t = upper(w.text)
        if t.startswith("ЕГН"):
            run = _figure_run(rest, i + 1)
            if run:
                return run
    for i in range(len(rest)):
        if i and upper(rest[i - 1].text).startswith(("ТАБ", "ЛИЧ", "N")):
            continue
        run = _figure_run(rest, i)
        if run and len("".join(digits_of(w.text) or "" for w in run)) == 10:
            return run
    return []


def _figure_run(ws: list[Word], i: int) -> list[Word]:
    run: list[Word] = []
    while i < len(ws) and digits_of(ws[i].text) is not None:
        if run and ws[i].box.x0 - run[-1].box.x1 > 2 * ws[i].box.h:
            break
        run.append(ws[i])
        i += 1
    return run


def _egn(rest: list[Word], figures: dict[int, str]) -> tuple[str | None, bool, list[Word]]:
    """The ЕГН (after its label, or ten digits that pass its check), whether it is in doubt, and its words."""
    ws = _egn_words(rest)
    if not ws:
        return None, False, []
    labelled = any(upper(w.text).startswith("ЕГН") for w in rest)
    readings = [normalise.digits(figures.get(id(ws[0]), "")), "".join(digits_of(w.text) or "" for w in ws)]
    valid = [r for r in readings if len(r) == 10 and egn_mod.is_valid(r)]
    if valid:
        return valid[0], len(set(valid)) > 1 or len(valid) < 2, ws
    if labelled or any(len(r) == 10 for r in readings):
        return None, True, ws
    return None, False, []


def _texts(rest: list[Word], skip: list[Word], char_w: float, starts: list[float]) -> list[list[Word]]:
    """The person's line's runs of words of letters (the name, the post): columns apart by wide gaps or opening where
    other people's lines open a column (``starts``); the ЕГН's and a personnel number's words and labels left out."""
    runs: list[list[Word]] = []
    gone = {id(w) for w in skip}
    prev: Word | None = None
    for i, w in enumerate(rest):
        t = upper(w.text)
        if id(w) in gone or t.startswith(("ЕГН", "ТАБ")) or (i and upper(rest[i - 1].text).startswith("ТАБ")):
            prev = None
            continue
        if not is_alpha(w.text) and not (runs and prev is not None and "-" in w.text):
            prev = None
            continue
        at_start = any(abs(w.box.x0 - x) <= char_w for x in starts)
        if prev is None or w.box.x0 - prev.box.x1 > COLUMN_GAP * char_w or (at_start and w.box.x0 - prev.box.x1 > 0.6 * char_w):
            runs.append([w])
        else:
            runs[-1].append(w)
        prev = w
    return runs


def column_starts(p: Printout) -> list[float]:
    """Where the person's lines' columns open: a run's first word's left edge that two people's lines share."""
    xs = sorted(r[0].box.x0 for b in p.blocks for r in _texts(b.person.rest, _egn_words(b.person.rest), p.char_w, []))
    out: list[float] = []
    for x in xs:
        near = [y for y in xs if abs(y - x) <= 0.5 * p.char_w]
        if len(near) >= 2 and all(abs(x - o) > 0.5 * p.char_w for o in out):
            out.append(x)
    return out


def _draft(a: Analysis, b: Block, p: Printout, figures: dict[int, str], starts: list[float]) -> checks.RowDraft:
    rest = b.person.rest
    egn, egn_doubt, egn_ws = _egn(rest, figures)
    marks = p.lines[b.person.line].marks
    runs = _texts(rest, egn_ws, p.char_w, starts)
    name_ws = next((r for r in runs if len(r) >= 2), runs[0] if runs else [])
    post_runs = [r for r in runs if r is not name_ws and r[0].box.x0 > name_ws[-1].box.x1] if name_ws else []
    post_ws = post_runs[0] if post_runs else []
    left = _accruals_column(p)
    accruals = [it for it in b.items if it.x0 <= left + 6 * p.char_w]
    cuts = [it for it in b.items if it.x0 > left + 6 * p.char_w]
    sums = {s.kind: s for s in b.sums}
    solved = solve(BlockSums([_money_cands(it.amount, figures) for it in accruals],
                             [_money_cands(it.amount, figures) for it in cuts],
                             *(_money_cands(sums[k].amount, figures) if k in sums else [] for k in
                               ("gross_pay", "deductions", "net_pay"))))  # fmt: skip
    days, days_sure = _days(accruals[0] if accruals else None, figures)
    d = checks.RowDraft({
        "row": _row_number(b.person.number, figures), "egn": egn,
        "name": normalise.name(_joined(name_ws, marks, p.pitch)) if name_ws else None,
        "position": _joined(post_ws, marks, p.pitch) or None, "days_worked": days,
        **{k: (None if v is None else f"{v:.2f}") for k, v in solved.values.items()},
    })  # fmt: skip
    d.conf = {"name": min((w.conf for w in name_ws), default=0.0)}
    d.proven = set(solved.proven)
    d.items = [v[0] if v else None for v in (_money_cands(it.amount, figures) for it in accruals[1:])]
    for f in MONEY_FIELDS:
        if f not in solved.proven:
            d.review.add(f, checks.UNREADABLE if f in solved.derived or solved.values[f] is None else checks.ROW_SUM)
    if egn_doubt:
        d.review.add("egn", checks.CHECK_DIGIT)
    if not name_ws or (min(w.conf for w in name_ws) < NAME_CONF and not _known_name(d.values["name"])) or len(name_ws) < 2:
        d.review.add("name", checks.LOW_CONFIDENCE)
    if name_ws and unread_ink(a, name_ws, marks, p.char_w):
        d.review.add("name", checks.LOW_CONFIDENCE)
    if post_ws and (min(w.conf for w in post_ws) < NAME_CONF or unread_ink(a, post_ws, marks, p.char_w)):
        d.review.add("position", checks.LOW_CONFIDENCE)
    if not days_sure:
        d.review.add("days_worked", checks.READINGS_DISAGREE)
    lines = p.lines[b.person.line : b.last_line + 1]
    box = Box(min(ln.box.x0 for ln in lines), min(ln.box.y0 for ln in lines), max(ln.box.x1 for ln in lines),
              max(ln.box.y1 for ln in lines))  # fmt: skip
    d.bbox = a.transform.box_to_original(box)
    return d


def _accruals_column(p: Printout) -> float:
    """Where the accruals' codes open: the leftmost item's code of most blocks (a block's base item lost leaves the
    deductions where they are)."""
    return median(min(it.x0 for it in b.items) for b in p.blocks if b.items)


def _known_name(name: object) -> bool:
    """Every word of the name a name the lexicon knows as read (two or three words): vouched though read unsure."""
    if not isinstance(name, str):
        return False
    fixed, sure = check_name(name)
    return sure and fixed == name


def _row_number(w: Word, figures: dict[int, str]) -> int | None:
    """The printed row number: the digits model's reading, else the text model's with its look-alike letters."""
    for t in (figures.get(id(w), ""), w.text):
        d = normalise.digits(t) if t else ""
        if d and len(d) <= 5 and int(d) > 0:
            return int(d)
    return None


def _joined(ws: list[Word], marks: list[Word], pitch: float) -> str:
    """Words as printed: a mark read apart between two of them ("ШОФЬОР" "-" "РАЗНОС.") joins them, and so do two
    words whose left edges are as far apart as the first one's letters (no blank between: a word read in pieces,
    "ВОДОПР" "ОВОДЧИК"); what is no letter, digit or point around them left out."""
    out = ""
    for i, w in enumerate(ws):
        text = upper(w.text).strip("„“\"'|>!,;:")
        if i:
            prev = ws[i - 1]
            letters = len(upper(prev.text).strip("„“\"'|>!,;:"))
            between = [m.text.strip() for m in marks if prev.box.x0 + (letters - 0.5) * pitch < m.box.cx < w.box.x0]
            blanks = round((w.box.x0 - prev.box.x0) / pitch - letters)
            if between and between[0] in ("-", "/", "."):
                out += between[0]
            elif blanks >= 1:
                out += " "
        out += text
    return out


def unread_ink(a: Analysis, ws: list[Word], marks: list[Word], char_w: float) -> bool:
    """Ink of a letter's size beside the words (between them, or a print position after the last) that no word
    or mark read: a point, a dash the text model left out ("ТЕХН.РЪКОВОД." read "ТЕХН. РЪКОВОД")."""
    if not ws:
        return False
    y0, y1 = min(w.box.y0 for w in ws), max(w.box.y1 for w in ws)
    x0, x1 = ws[0].box.x0, min(a.ink.shape[1], int(ws[-1].box.x1 + 0.9 * char_w))
    band = (a.ink[max(0, y0) : y1, max(0, x0) : x1] > 0).copy()
    for w in [*ws, *marks]:
        band[:, max(0, w.box.x0 - 2 - x0) : max(0, w.box.x1 + 2 - x0)] = False
    return int(band.sum()) >= UNREAD_INK


def _days(base: Item | None, figures: dict[int, str]) -> tuple[int | None, bool]:
    """The days beside the base's item: both models' readings agreeing, a month's at most."""
    if base is None or not base.days:
        return None, False
    readings = [normalise.integer(figures.get(id(base.days[0]), ""), max_digits=2),
                normalise.integer(" ".join(w.text for w in base.days), max_digits=2)]
    first = next((r for r in readings if r is not None), None)
    sure = readings[0] is not None and readings[0] == readings[1] and 1 <= readings[0] <= 31
    return first, sure


def _numbers_skip(drafts: list[checks.RowDraft]) -> PageReview | None:
    """Row numbers read that skip (a person's block not read): the numbers before the gap on one offset from the
    order, two at least after it on a larger one — the page to review, saying which; one number off its neighbours
    is a misread (``_number``), a block lost under the last two the column sums tell (``lost_rows.short_of_totals``)."""
    read = [(i, n) for i, d in enumerate(drafts) if isinstance(n := d.values.get("row"), int)]
    offsets = [n - i for i, n in read]
    if len(offsets) < 3 or offsets != sorted(offsets) or offsets[-1] == offsets[0] or offsets[-2] != offsets[-1]:
        return None
    if offsets[-1] - offsets[0] > lost_rows.MAX_GAP:
        return None
    at = next(k for k, o in enumerate(offsets) if o != offsets[0])
    first, last = read[at - 1][1] + 1, read[at][1] - 1
    lost = list(range(first, last + 1))
    return PageReview(reason=lost_rows.ROWS_MISSING, detail=f"редове № {', '.join(map(str, lost))} не са разчетени "
                      "(номерата по ред прескачат): препишете ги от листа")  # fmt: skip


def _number(drafts: list[checks.RowDraft]) -> None:
    """The printed row numbers in order: the offset from the order most of them read keeps, a number off it (or
    unread) is the order's, in review; no offset read twice (a page of one or two people read apart) leaves the
    numbers as read, in review unless they follow each other."""
    read = [(i, n) for i, d in enumerate(drafts) if isinstance(n := d.values.get("row"), int)]
    offsets = Counter(n - i for i, n in read)
    best = offsets.most_common(1)[0] if offsets else None
    if best is None or (best[1] < 2 and len(drafts) > 1):
        for d in drafts:
            d.review.add("row", checks.ROW_NUMBER)
        return
    for i, d in enumerate(drafts):
        if d.values.get("row") != i + best[0]:
            d.values["row"] = i + best[0]
            d.review.add("row", checks.ROW_NUMBER)


def _totals(p: Printout, figures: dict[int, str]) -> dict[str, Decimal | None]:
    """The recapitulation's base (the base's code) and the grand total's gross, deductions, net."""
    base_code = next((b.items[0].code for b in p.blocks if b.items), None)
    base = next((it for it in p.recap if it.code == base_code), None)
    grand: dict[str, SumPart] = {s.kind: s for s in p.grand}
    out: dict[str, Decimal | None] = {"base_pay": _first(_money_cands(base.amount, figures)) if base else None}
    for k in ("gross_pay", "deductions", "net_pay"):
        out[k] = _first(_money_cands(grand[k].amount, figures)) if k in grand else None
    return out


def _first(c: Cands) -> Decimal | None:
    return c[0] if c else None


def _prove_columns(drafts: list[checks.RowDraft], totals: dict[str, Decimal | None]) -> None:
    """A column whose rows add up to its printed total proves them all; one that does not leaves every figure its
    row did not prove in review (already flagged) and flags nothing more."""
    for f in ("base_pay", "gross_pay", "deductions", "net_pay"):
        values = [d.dec(f) for d in drafts]
        if column_holds(values, totals.get(f)):
            for d in drafts:
                if f in d.review and d.review.reasons.get(f) != checks.UNREADABLE:
                    d.review.discard(f)
                d.proven.add(f)
    for d in drafts:  # an accrual's item not read: the additional pay is what the proven gross has over the base
        gross, base = d.dec("gross_pay"), d.dec("base_pay")
        if {"gross_pay", "base_pay"} <= d.proven and "extra_pay" not in d.proven and gross is not None and base is not None and gross >= base:
            d.values["extra_pay"] = f"{gross - base:.2f}"
            d.proven.add("extra_pay")
            d.review.discard("extra_pay")
