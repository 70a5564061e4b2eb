"""Reading a payroll sheet: the stages chained by a thin driver (OCRmyPDF style), each a plain function
public in its module:

    analysis.analyse (straighten, rules, grid)  ->  analysis.column_kinds (alignment of the ink)  ->
    reading.recognise (digits model on a mosaic of the figures' cells, text model on the rest)  ->
    sheet.parts (header, heading, people's rows, carried sums, totals)  ->  columns.identify (meaning)  ->
    sheet.drafts  ->  checks.run_checks  ->  reading.second_pass (doubtful figures, the other model)  ->
    checks again  ->  checks.guard_page, rownumbers.number_rows  ->  sheet.to_page (payroll-page/1)

The OCR engine (``ocr.engine.OcrEngine``) is made where the program starts and passed down; the image
is decoded once by the caller.
"""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal

import cv2
import numpy as np

from archive_core import egn as egn_mod
from archive_core.errors import ExtractionError
from archive_core.records import SCORED_FIELDS, PayrollPage, PayrollRow, Period, ReviewReason

from . import (
    arithmetic_proof,
    block_gap,
    box_rules,
    checks,
    column_moves,
    column_numbers,
    columns,
    covered_cells,
    cut_names,
    day_rate,
    ditto,
    dotted_zeros,
    doubted_proof,
    egn_guard,
    equals_marks,
    faint_table,
    form_period,
    gate_headings,
    group_headings,
    initials,
    layout_gate,
    leading_lines,
    lone_culprit,
    lost_days,
    lost_lead_total,
    lost_rows,
    margin_corrections,
    mend_totals,
    mirrored_changes,
    misread_page,
    normalise,
    outside_columns,
    partner_columns,
    parts_guard,
    pay_items,
    payment_blocks,
    period,
    period_evidence,
    period_small,
    plausibility,
    preprocess,
    raised_cents,
    repeated_parts,
    roman_month,
    row_zeros,
    rownumbers,
    rows_below,
    sheet,
    sideways_headings,
    small_headings,
    split_cents,
    split_digits,
    split_thousands,
    stacked_numbers,
    stacked_sections,
    stamp_ink,
    storno_lines,
    stray_corrections,
    struck_lines,
    supplementary_lines,
    tall_rows,
    title_block,
    two_line,
    two_tier,
    unit_marks,
    unproved_net,
    unproved_numbers,
    unread_names,
    unread_people,
    whole_leva,
)
from .analysis import Analysis, analyse, column_kinds, turned_to_given
from .crossed_days import reread_crossed_days
from .days_calendar import doubt_beyond_calendar, settle_by_calendar, vouch_full_months
from .egn_age import flag_out_of_working_age
from .egn_glyphs import doubt_valid_by_glyphs, mend_failing_egns, settle_disagreeing_egns
from .egn_second import doubt_valid_disagreeing
from .egn_sex import flag_sex_disagreeing
from .egn_unsure import doubt_unsure_beside_doubted
from .egncells import put_egns, split_egn_cells
from .employer_band import header_in_first_band
from .employer_reread import confirm_employer, reread_employer
from .employer_spelling import check_header
from .empty_bands import drop_empty_bands
from .engine import OcrEngine
from .geometry import reading_text
from .header import Header
from .namereread import reread_names, vouch_names
from .plate_letters import mend_plate_names
from .reading import Reading, header_image, recognise, second_pass
from .short_days import reread_short_days
from .unplaced import flag_unplaced
from .upright import glance, named_rows, names_read, upright_by_names, upside_down_ruled_out

MIN_TURNED_NAMED = 2  # rows named (two words of the lexicon) that tell a turned reading's side when no ЕГН does

def extract_image(
    image: np.ndarray, *, image_name: str, engine: OcrEngine, dpi: int | None = None
) -> PayrollPage:
    """Read one payroll sheet image (grayscale or BGR) into payroll-page/1."""
    gray = preprocess.to_gray(image)
    # every reading below is of the grey (``analysis.straighten``, the orientation's checks): a colour page
    # made grey once, not again for each reading; a negative printed from microfilm read as the sheet was written
    image = cv2.bitwise_not(gray) if preprocess.negative(gray) else gray
    hints: dict[str, bool] = {}
    cuts: list[stacked_sections.Cut] = []
    page = read_page(image, image_name=image_name, dpi=dpi, quarter_turns=0, engine=engine, hints=hints, cuts=cuts)
    no_table = hints.get("no_table", False)  # no grid found upright, by rules nor by writing
    turns_read = 0
    unsplit: stacked_sections.Cut | None = None  # two sections found on the page and not read apart
    # fed sideways or upside down? (not when names were read, on three rows at least, nor when upright at a
    # glance) ask the engine's orientation detector
    upright, across = glance(image, dpi) if _looks_wrong(page) and not upright_by_names(page) else (True, True)
    if not upright:
        gray = preprocess.to_gray(image)
        # lines that surely run across: not fed sideways, the detector need not be asked which quarter
        asked = [] if across else [engine.orientation(cv2.bitwise_not(preprocess.binarize(gray)), dpi=dpi or 300),
                                   engine.orientation(gray, dpi=dpi or 300)]  # fmt: skip
        # faint scans can leave the detector unsure, or wrong (a portrait sheet fed sideways on a landscape
        # scan, said to be turned the other way): what it says first, then every other orientation (upside
        # down only when the lines run across, and not when its densest lines read far better as they lie)
        others = (1, 3, 2) if not across else () if upside_down_ruled_out(image, dpi, engine) else (2,)
        for turns in dict.fromkeys([*(t for t in asked if t), *others]):
            turned_hints: dict[str, bool] = {}
            try:
                turned = read_page(
                    image,
                    image_name=image_name,
                    dpi=dpi,
                    quarter_turns=turns,
                    engine=engine,
                    hints=turned_hints,
                )
            except ExtractionError:
                turned = PayrollPage(image=image_name)
            if _looks_wrong(turned):  # turned, and still no sheet: two sheets side by side, turned?
                both = _two_sheets(image, image_name, dpi, turned, True, engine, turns)
                turned, turns = (both, -1) if both is not None else (turned, turns)
            if _better_turned(turned, page):
                page, hints, turns_read = turned, turned_hints, turns
            if not _looks_wrong(page):
                break
    if turns_read >= 0:  # (-1: already read as two sheets)
        # two blocks of one sheet, the second's headings shortened (its name and ЕГН named again): a blank strip
        # between the blocks (not on the gutter's hint alone: the photocopy regression page went to review whole)
        gap = (block_gap.between_blocks(image) if turns_read == 0 and hints.get("two_blocks", False)
               and named_rows(page) > 0 else None)  # fmt: skip
        blocks = gap is not None
        named_twice = hints.get("two_tables", False) or blocks
        hinted = hints.get("two_sheets", False) or named_twice
        both = _two_sheets(image, image_name, dpi, page, hinted, engine, turns_read, named_twice=named_twice, gap=gap)
        if both is not None:
            page = both
        elif turns_read == 0 and cuts and (stacked := _stacked(image, image_name, dpi, page, cuts[0], engine)):
            page = stacked  # two sections one under the other, each under its own heading
        elif _unsplit_unsafe(hints.get("two_tables", False), blocks, page):
            page = sheet.two_tables_to_review(page)  # two tables read as one and not apart: no row is safe
        elif turns_read == 0 and cuts:  # two sections found and not read apart: one may be lost, never silent
            unsplit = cuts[0]
    if not page.rows and hints.get("ruled", True):  # the ruled grid gave no person's row (its rules the heading's
        # only, and a "rule" beside them taken for the table's: L dev 4008 p7): the writing's lines and columns
        with suppress(ExtractionError):
            page = read_page(image, image_name=image_name, dpi=dpi, quarter_turns=max(turns_read, 0),
                             engine=engine, unruled=True)  # fmt: skip
    if not page.rows and no_table:  # no table at all, every way: the people's lines by their writing alone
        page = faint_table.page(image, dpi, image_name) or page
    elif 0 < len(page.rows) <= rows_below.HEADING_ROWS and named_rows(page) == 0 and not any(
        r.egn and egn_mod.is_valid(r.egn) for r in page.rows
    ):  # a table of two lines at most, no person in them: a film's scratches taken for its rules (AB dev 20009 p6)?
        page = faint_table.instead_of(page, image, dpi, image_name)
    else:  # rows found and nothing read on any: the lines of writing where they show more (AB dev 20009 p7)
        page = faint_table.instead_of_unread(page, image, dpi, image_name)
    if unsplit is not None and page.rows:
        stacked_sections.unsplit_to_review(page, unsplit)
    if not page.rows:  # an empty result would look like a sheet without people: fail the page instead
        raise ExtractionError(
            f"{image_name}: не е намерена таблица с редове — проверете сканирането (ориентация, резолюция, "
            "цял лист в кадър) и го повторете"
        )
    return page


def _two_sheets(
    image: np.ndarray,
    image_name: str,
    dpi: int | None,
    page: PayrollPage,
    hinted: bool,
    engine: OcrEngine,
    quarter_turns: int = 0,
    *,
    named_twice: bool = False,
    gap: int | None = None,
) -> PayrollPage | None:
    """Two reduced sheets scanned side by side: the table found covers one half of a landscape scan
    (as read: turned by ``quarter_turns`` when the page was fed sideways or upside down). Each half is
    read on its own; the page is both sheets' rows in reading order, the last sheet's totals.
    ``named_twice``: the header names its columns twice (two blocks of one sheet typed side by side, a
    line of print holding two people): the halves are split at the blank strip between the blocks, and
    taken over the one-table reading when they read as many valid ЕГН (each of its rows holds one of two
    people's: it reads as many ЕГН as the halves and loses half the people). ``gap``: the blank strip between
    the blocks where the caller found it already (on the page as given, not turned)."""
    upright = np.rot90(image, quarter_turns) if quarter_turns % 4 else image
    h, w = upright.shape[:2]
    to_given = turned_to_given(quarter_turns, *image.shape[:2])
    given_to_upright = np.linalg.inv(to_given)
    boxes = [_map_box(r.bbox, given_to_upright) for r in page.rows if r.bbox]
    narrow = bool(boxes) and max(b[2] for b in boxes) - min(b[0] for b in boxes) <= 0.55 * w
    # a reading that looks wrong (few valid ЕГН) may be two sheets read as one table; not when it found
    # people's names on most rows: its table was read, its ЕГН poorly (boxed, a face the models misread), and
    # two sheets read as one table show their gutter or their columns named twice (``hinted``)
    poor = _looks_wrong(page) and not names_read(page)
    if w < 1.2 * h or not (hinted or narrow or poor):
        return None
    mid = gap or (block_gap.between_blocks(upright) if named_twice else None) or w // 2
    halves: list[PayrollPage] = []
    # the right half first: of one wide sheet it holds the figures without names or row numbers, and the
    # left half need not be read (either half not a sheet: not two sheets, whichever is read first)
    # (two blocks of one sheet: the left first, its sums carried into the right's, whose "Всичко" is both's)
    parts = ((0, upright[:, :mid]), (mid, upright[:, mid:])) if named_twice else ((mid, upright[:, mid:]), (0, upright[:, :mid]))
    def read_half(x0: int, part: np.ndarray, carried_in: dict[str, str] | None) -> PayrollPage | None:
        try:
            half = read_page(
                np.ascontiguousarray(part), image_name=image_name, dpi=dpi, quarter_turns=0, engine=engine,
                carried_in=carried_in,
            )
        except ExtractionError:
            return None
        if not _sheet_like(half):  # a half of one wide sheet reads as rows without names
            return None
        for r in half.rows:
            if r.bbox:
                r.bbox = _map_box([r.bbox[0] + x0, r.bbox[1], r.bbox[2] + x0, r.bbox[3]], to_given)
        return half

    for x0, part in parts:
        half = read_half(x0, part, _block_sums(halves[0]) if named_twice and halves else None)
        if half is None:
            return None
        halves.append(half)
    right, left = halves[::-1] if named_twice else halves
    if not named_twice and _short_of_left(left, right, page):  # blocks of one sheet: the left's sums carried
        right = read_half(mid, upright[:, mid:], _block_sums(left)) or right
    if named_twice and not _blocks_better(left, right, page):
        return None
    if not named_twice and _quality(left) + _quality(right) <= _quality(page) and not _halves_proved(left, right, page):
        return None
    sheet.doubt_fields_the_other_sheet_has(left, right)  # a column found on one sheet only
    sheet.doubt_fields_the_other_sheet_has(right, left)
    sheet.doubt_names_out_of_the_sheets_case(left, right)  # one typist's names: one case on both
    last = max((r.row for r in left.rows if r.row is not None), default=len(left.rows))
    first = min((r.row for r in right.rows if r.row is not None), default=None)
    if all(r.row is None for r in right.rows):  # the second sheet's numbers unread: they go on from the first
        _infer_numbers(right.rows, last + 1)
    elif all(r.row is None for r in left.rows) and first is not None and first - len(left.rows) >= 1:
        _infer_numbers(left.rows, first - len(left.rows))  # the first sheet's unread: they lead to the second's
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": (left.employer if left.employer.name else right.employer if right.employer.name or not named_twice
                         else page.employer).model_dump(),  # (two blocks: a title the cut broke, read whole before)
            "period": _sheets_period(left, right, page, named_twice).model_dump(),
            "sheet": left.sheet if left.sheet is not None else right.sheet,
            "rows": [r.model_dump() for r in left.rows + right.rows],
            "totals": right.totals,
        }
    )


def _short_of_left(left: PayrollPage, right: PayrollPage, page: PayrollPage) -> bool:
    """Two halves read as two sheets, no ЕГН anywhere, the one table in review whole: the left half proved
    and the right not (its rows short of its "Всичко": rows missing; or its columns proved by no heading nor
    total) — maybe blocks of one sheet, the right's "Всичко" the sheet's (both blocks' rows): read again with
    the left's sums carried in (AR dev 36011 p2, p3, p5), taken only if that proves it."""
    return (
        page.page_review is not None
        and left.page_review is None
        and right.page_review is not None
        and not any(r.egn and egn_mod.is_valid(r.egn) for r in page.rows)
    )


def _halves_proved(left: PayrollPage, right: PayrollPage, page: PayrollPage) -> bool:
    """Two sheets (or two blocks of one) without ЕГН read apart, against the page read as one table: neither
    reading reads an ЕГН to weigh, but the one table went to review whole (its columns unproved, or its sums
    impossible: two people's figures on one line) while each half reads as a sheet its own checks prove, and
    the halves name or number as many rows (``_blocks_better``; AR dev 36011 p4: a no-ЕГН layout's blocks side by side, its headings unread
    as one table)."""
    return (
        page.page_review is not None
        and left.page_review is None
        and right.page_review is None
        and not any(r.egn and egn_mod.is_valid(r.egn) for r in page.rows)
        and _blocks_better(left, right, page)
    )


def _unsplit_unsafe(two_tables: bool, blocks: bool, page: PayrollPage) -> bool:
    """A page not read apart whose rows are not safe: its columns named twice (two tables read as one), or on
    the two-blocks hint alone (the names named again, a blank strip) a one-table reading that is itself unproved
    (a line read as one of its two people). A table proved whole is kept (AB eval p1, p4: read right, sent whole
    to review as two tables on the hint alone)."""
    return two_tables or (blocks and page.page_review is not None)


def _sheets_period(left: PayrollPage, right: PayrollPage, page: PayrollPage, named_twice: bool) -> Period:
    """The period of two sheets read apart: the first's, else the second's. Two blocks of one sheet: the
    one-table reading's where it read one (the title centred over both blocks, which the cut between them
    breaks, was read whole there)."""
    if named_twice and page.period.year:
        return page.period
    return left.period if left.period.year else right.period


def _blocks_better(left: PayrollPage, right: PayrollPage, page: PayrollPage) -> bool:
    """Two blocks read apart against the page read as one table: as many valid ЕГН at least, and as many rows
    named or numbered (a line of the one table holds two people, of whom it reads one or a blend, its numbers
    off the order; the blocks read each once). The period is not weighed: the cut between the blocks breaks
    a title centred over both."""
    def valid(p: PayrollPage) -> int:
        return sum(1 for r in p.rows if r.egn and egn_mod.is_valid(r.egn))

    def told(p: PayrollPage) -> int:
        return named_rows(p) + sum(1 for r in p.rows if r.row is not None and "row" not in (r.review or []))

    return valid(left) + valid(right) >= valid(page) and told(left) + told(right) >= told(page)


def _carried_into(
    drafts: list[checks.RowDraft], totals: dict[str, str], carried_in: dict[str, str] | None
) -> dict[str, str]:
    """The sums a left block carries into this (right) block, where this block's totals are the sheet's
    (`Всичко` under the right block: its rows and the carried sums come closer to them than its rows alone,
    on most columns); none where its totals are the block's own sum (`Сума`)."""
    votes = 0
    for f, t in totals.items() if carried_in else ():
        if f in (carried_in or {}):
            own = Decimal(t) - sum((v for d in drafts if (v := d.dec(f)) is not None), Decimal("0"))
            votes += 1 if abs(own - Decimal((carried_in or {})[f])) < abs(own) else -1
    return dict(carried_in or {}) if votes > 0 else {}


def _block_sums(block: PayrollPage) -> dict[str, str]:
    """The sums a left block carries into the right one: its foot's sums where read (`Пренася се`, its own
    `Сума`), else each money column its rows read summed (a row's blank or dash nothing paid: an unread
    figure is in review on its own row, and a sum short by it fails the right block's checks)."""
    if block.totals:
        return dict(block.totals)
    out: dict[str, str] = {}
    for f in checks.MONEY:
        values = [Decimal(v) for r in block.rows if (v := getattr(r, f)) is not None]
        if values:
            out[f] = str(sum(values, Decimal("0")))
    return out


def _infer_numbers(rows: list[PayrollRow], start: int, whole: bool = False) -> None:
    """Row numbers one sheet's rows did not read, inferred from the other sheet's (flagged: not a reading);
    ``whole``: every scored field of the rows too (the count not proved, the row may be another's line)."""
    for i, r in enumerate(rows, start=start):
        r.row = i
        doubted = ["row", *SCORED_FIELDS] if whole else ["row"]
        new = [f for f in doubted if f not in (r.review or [])]
        r.review = sorted({*(r.review or []), *doubted})
        r.review_reasons = {**(r.review_reasons or {}),
                            **{f: ReviewReason(reason=checks.UNREADABLE if f == "row" else checks.ROW_NUMBER, bbox=r.bbox)
                               for f in new}}  # fmt: skip


def _map_box(box: list[int], m: np.ndarray) -> list[int]:
    """A box through the 3x3 map ``m`` (quarter turns and shifts keep it a box)."""
    x0, y0, x1, y1 = box
    q = np.array([[x0, y0, 1.0], [x1, y1, 1.0]]) @ m.T
    return [
        int(round(min(q[:, 0]))),
        int(round(min(q[:, 1]))),
        int(round(max(q[:, 0]))),
        int(round(max(q[:, 1]))),
    ]


def _sheet_like(p: PayrollPage) -> bool:
    """Most rows carry a person's name (two words or more), or the half has printed row numbers of its own
    (read, and rising) and an ЕГН column of its own (most rows an ЕГН valid or one look-alike digit from
    valid): a sheet of its own, not half of one (I dev 904 --hard all p3: the right sheet's names half
    lost under a stamp, 2 of 4 named; the half was rejected and its rows 4-7 read as a misplaced table)."""
    rows = p.rows
    named = sum(1 for r in rows if r.name and sum(len(w) >= 3 for w in r.name.split()) >= 2)
    if len(rows) >= 1 and named >= 0.6 * len(rows):
        return True
    numbers = [r.row for r in rows if r.row is not None and "row" not in (r.review or [])]
    numbered = len(numbers) >= 0.6 * len(rows) and numbers == sorted(set(numbers))
    return len(rows) >= 2 and numbered and sum(egn_guard.near_valid(r.egn) for r in rows) >= 0.6 * len(rows)


def _quality(p: PayrollPage) -> int:
    return sum(1 for r in p.rows if r.egn and egn_mod.is_valid(r.egn)) + (p.period.year is not None)


def _better_turned(turned: PayrollPage, page: PayrollPage) -> bool:
    """A turned reading is taken over the reading so far when it reads more valid ЕГН (or a year where
    there was none); or as many (none: a fax of a landscape sheet fed sideways, its ЕГН spoilt by the fax's
    coarse lines, U dev 13020 p2 and p4, no table found as given) and more rows with a person's name the
    lexicon knows, two at least: the turn its writing reads in. Without it the page failed with no table
    found though the turn read its people (and sent itself to review whole: its columns proved by nothing)."""
    q, q0 = _quality(turned), _quality(page)
    if q != q0:
        return q > q0
    named = named_rows(turned)
    return named >= MIN_TURNED_NAMED and named > named_rows(page)


def _looks_wrong(p: PayrollPage) -> bool:
    return _quality(p) <= max(1, len(p.rows) // 4)


def _sections_cut(
    a: Analysis, s: sheet.Sheet, drafts: list[checks.RowDraft], reading: Reading, engine: OcrEngine
) -> stacked_sections.Cut | None:
    g = a.grid
    texts = [[s.text(r, c) for c in range(g.n_cols)] for r in range(g.n_rows)]
    has_egn = [r > 0 and stacked_sections.has_egn(t) for r, t in enumerate(texts)]
    kinds = [{k for c in [*t, " ".join(t)] for k, v in columns.heading_votes(c).items() if v > 0 and k in sheet.SET_KINDS}
             for t in texts]  # fmt: skip
    lost = list(unread_people.unheld(reading.words, drafts).values())
    rules = (a.rules.horizontal, a.rules.vertical)
    return stacked_sections.find_cut(g, texts, has_egn, kinds, lost, a.transform.box_to_original, rules,
                                     lambda r: _band_kinds(a, r, engine), s.totals_row)  # fmt: skip


def _band_kinds(a: Analysis, r: int, engine: OcrEngine) -> set[str]:
    """The kinds of column the grid's row ``r`` names, read across the grid with the text model alone
    (``stacked_sections.find_cut``'s ``read_kinds``)."""
    g, pad = a.grid, gate_headings.PAD
    y0, y1, x0, x1 = g.ys[r] + pad, g.ys[r + 1] - pad, g.xs[0] + pad, g.xs[-1] - pad
    if y1 <= y0 or x1 <= x0 or not a.ink[y0:y1, x0:x1].any():
        return set()
    text = reading_text(engine.words(np.ascontiguousarray(a.clean[y0:y1, x0:x1]), psm=6))
    return {k for k, v in columns.heading_votes(text).items() if v > 0 and k in sheet.SET_KINDS}




def _stacked(
    image: np.ndarray, image_name: str, dpi: int | None, page: PayrollPage, cut: stacked_sections.Cut, engine: OcrEngine
) -> PayrollPage | None:
    """Two sections one under the other (``stacked_sections``): each part of the sheet read on its own, the
    page their rows in order, the header read above the first, the totals under the last (the grand total).
    None when either part is no sheet of people, or when the parts read fewer people (valid ЕГН, or rows with
    an ЕГН or a name) or fewer fields out of review than the reading as one table: a part that lost rows
    must not replace a reading that holds them, if only in review. ``page`` itself when the part only another
    table's rules showed (``Cut.beyond``) holds no person: no second section, the one reading stands. A lower part
    of the same people again (``repeated_parts``: part II of a sheet too wide for its paper, its deductions and
    net) is no section of people of its own: its lines are joined to the upper part's by their numbers."""
    parts: dict[bool, PayrollPage] = {}
    for keep_above in (False, True) if cut.beyond == "below" else (True, False):  # the part beyond first
        beyond = cut.beyond == ("above" if keep_above else "below")  # the part only another table's rules showed
        try:
            part = read_page(stacked_sections.blank_beyond(image, cut, keep_above), image_name=image_name, dpi=dpi, quarter_turns=0,
                             engine=engine)  # fmt: skip
        except ExtractionError:
            if beyond:  # no table of people there: the ruled box is no section (a title block, a stamp's frame)
                return page
            return None
        if beyond and stacked_sections.nobody(part.rows):  # (AI dev 27001 p1-p3: the title block under the table)
            return page
        again = not keep_above and True in parts and repeated_parts.repeats_people(parts[True].rows, part.rows)
        if not _sheet_like(part) and not again:  # (part II of the same people: names shortened, no ЕГН)
            return None
        parts[keep_above] = part
    upper, lower = parts[True], parts[False]
    if repeated_parts.repeats_people(upper.rows, lower.rows):  # the same people again: one row each, joined
        if not repeated_parts.holds_everyone(upper.rows, lower.rows, page.rows):
            return None
        return repeated_parts.joined_page(image_name, page, upper, lower)
    rows = upper.rows + lower.rows
    if not stacked_sections.holds_everyone(rows, page.rows) or stacked_sections.sure_fields(rows) <= stacked_sections.sure_fields(page.rows):
        return None
    last = max((r.row for r in upper.rows if r.row is not None), default=None)
    first = min((r.row for r in lower.rows if r.row is not None), default=None)
    totals = stacked_sections.grand_totals(upper, lower)
    unmet = stacked_sections.totals_unmet(upper, lower, totals)  # a row lost in either section: never silent
    # a band with no name and no ЕГН (a highlighter's edge cut a person's row in two: AL dev 30007 p4) takes
    # no number of the run: the people's rows do; where the rows do not add up to the grand total, a person
    # may be lost and the numbers counted on shifted: each such row's every field to review
    above, below = stacked_sections.people(upper.rows), stacked_sections.people(lower.rows)
    if last is not None and first is None:  # the lower section's numbers unread: they go on from the upper's
        _infer_numbers(below, last + 1, whole=bool(unmet))
    elif first is not None and last is None and first - len(above) >= 1:
        _infer_numbers(above, first - len(above), whole=bool(unmet))  # the upper's unread: they lead to the lower's
    review = upper.page_review or lower.page_review or (stacked_sections.unmet_to_review(unmet, totals) if unmet else None)
    return stacked_sections.page_of(image_name, page, upper, rows, totals, review)








def _separator_as_digit(
    a: Analysis,
    s: sheet.Sheet,
    kinds: list[str | None],
    present: list[str],
    year: int | None,
    month: int | None,
) -> tuple[list[checks.RowDraft], dict[str, str]] | None:
    """Every amount read with its decimal separator taken for a digit: accepted only when then every
    money figure of every row passes its sums, the columns add up to their totals and the pay is
    believable for the year."""
    s2 = sheet.separator_as_digit(s, kinds)
    drafts = sheet.drafts(a, s2, kinds)
    totals = sheet.sums(s2, s2.totals_row, kinds)
    carried = sheet.sums(s2, s2.carried_row, kinds)
    money = [f for f in checks.MONEY if f in present]
    if not money or not totals:
        return None
    checks.run_checks(drafts, totals, present, year, month, carried)
    checks.guard_page(drafts, kinds, s2.texts, totals, carried, s2.headings)
    if any(f in d.review for d in drafts for f in money):
        return None
    if plausibility.check(drafts, totals, present, year, month) is not None:
        return None
    return drafts, totals


def read_page(
    image: np.ndarray,
    *,
    image_name: str,
    dpi: int | None,
    quarter_turns: int,
    engine: OcrEngine,
    hints: dict[str, bool] | None = None,
    unruled: bool = False,
    cuts: list[stacked_sections.Cut] | None = None,
    carried_in: dict[str, str] | None = None,
) -> PayrollPage:
    """One reading of the image turned by ``quarter_turns`` (as numpy.rot90 counts): the stages, in order.
    ``hints["two_sheets"]`` is set when the grid looks like two sheets side by side, ``hints["two_tables"]``
    when the header names the same columns twice (two tables read as one). The amounts are read with
    stotinki unless the page says they are typed in whole leva (``whole_leva``), for this reading only.
    ``cuts`` gets the line between two sections stacked on the sheet, where the page shows two
    (``stacked_sections``). ``carried_in``: the sums carried into this table from a block read before it
    (the left block of a sheet typed in two), where the table shows no carried row of its own."""
    with normalise.money_reading(False):
        return _read_page(image, image_name=image_name, dpi=dpi, quarter_turns=quarter_turns, engine=engine,
                          hints=hints, unruled=unruled, cuts=cuts, carried_in=carried_in)  # fmt: skip


def read_header(a: Analysis, s: sheet.Sheet, reading: Reading, engine: OcrEngine) -> Header:
    """The header's stages after ``sheet.parts`` read the words above the table (``scripts/header_bench.py`` runs
    them alone): the employer and period read again, or looked for where the header above the table lacks them."""
    h = header_in_first_band(s.header, reading.words, a.grid, a.clean.shape[1], reading.bands, a.gray, a.clean, engine)
    if title_block.lacks(h):  # a drawing's title block under the table
        h = title_block.read_block(a, h, title_block.table_foot(a, s), engine)
    h = check_header(h)  # a word no dictionary holds: mended or doubted
    head = header_image(a, reading.bands)
    if h.employer_words and min(w.box.y0 for w in h.employer_words) >= head.shape[0]:
        head = a.clean  # the name read under the table (``ocr.title_block``): read again from the page
    if h.employer_review:  # unsure of the employer's name: its line read again alone
        h = reread_employer(h, head, a.gray, engine)
    else:  # sure of it: its line read again alone must give the same name, else a person decides
        h = confirm_employer(h, head, a.gray, engine)
    period_small.read_small_period(a, h, reading.bands, engine)  # no period: a line of small print left out
    above = [w for w in reading.words if w.box.cy < a.grid.ys[0]]
    form_period.read_form_period(a, h, above, engine)  # a form's blank "за месец .... 19 .. г." typed above its dots
    roman_month.read_again(a, h, engine)  # a month in Roman numerals the text model misread
    period.confirm(a, h, engine)
    title_block.doubt_period(h)  # a title block's date or archive number of another year
    return h


def _read_page(
    image: np.ndarray,
    *,
    image_name: str,
    dpi: int | None,
    quarter_turns: int,
    engine: OcrEngine,
    hints: dict[str, bool] | None = None,
    unruled: bool = False,
    cuts: list[stacked_sections.Cut] | None = None,
    carried_in: dict[str, str] | None = None,
) -> PayrollPage:
    try:
        a = analyse(image, dpi=dpi, quarter_turns=quarter_turns, unbend=True, unruled=unruled)
    except ExtractionError:
        if quarter_turns == 0:  # maybe the page is turned: extract_image asks the orientation detector
            if hints is not None:
                hints["no_table"] = True
            return PayrollPage(image=image_name)
        raise
    if hints is not None:
        hints["ruled"] = a.grid.ruled  # read by its rules (or by its writing's lines and columns)
    if quarter_turns == 0 and not unruled:  # a line printer's payroll by kinds of payment: a block of lines a person
        blocks = payment_blocks.read(a, image_name, engine, lambda s, reading: read_header(a, s, reading, engine))
        if blocks is not None:
            return blocks
    read_kinds = column_kinds(a)  # which columns the digits model read (reading.recognise)
    unit_marks.take_off_units(a, read_kinds, engine)  # `192,41 лв`: the unit after every figure is no digit
    box_rules.take_off_sides(a, read_kinds)  # a ЕГН typed in a form's ten boxes: the boxes' sides are no digits
    equals_marks.take_off_marks(a, read_kinds)  # `143=98`: the equals mark between leva and stotinki a point
    raised_cents.set_down_cents(a, read_kinds)  # `430⁴⁷` underlined: the stotinki set down after a point
    reading = recognise(a, read_kinds, engine)
    s = sheet.parts(a, reading)
    group_headings.take_off_groups(a, s)  # a two-level heading's group cells: no column's heading
    sideways_headings.read_again(a, s, engine)  # a form's narrow columns headed on their side: read upright
    small_headings.read_again(a, s, engine)  # a form's headings in small print the page's reading garbled: alone
    column_numbers.drop_column_numbers(s, a.grid)  # a form's line of column numbers under its heading: no person
    column_numbers.join_heading_line(s)  # the heading's last line under a group's rule: no person
    struck_lines.drop_struck_bands(a, s)  # empty lines struck through with one long stroke: no person
    supplementary_lines.drop_heading_lines(s)  # a supplementary payroll's heading line: no person, no name
    drop_empty_bands(s, a.grid, a.ink, a.dpi)  # a thin band with no letter or digit (a dotted rule's doubled dots), or only column marks: no row
    s.header = read_header(a, s, reading, engine)
    cut = columns.join_split_amounts(s.texts)  # `1487.` | `87`: one amount the grid cut at its point
    split_cents.join_sums_cut_at_point(s, cut)  # ... and its total
    split_cents.join_cents(s)  # `164` | `18` in columns of their own (`лв.` | `ст.`): one amount, 164.18
    unit_marks.strip_unit_words(s)  # `234,20 лв` read by the text model: the amount
    totals_texts = sheet.row_texts(s, s.totals_row)
    marks = ditto.mark_cells(a, s)  # `"`, `-"-` for "the same as above": read as such, not blank
    kinds = columns.identify(ditto.resolved(s.texts), s.headings, totals_texts)
    unit = whole_leva.unit(s.texts, kinds, s.header.year)
    if unit == whole_leva.WHOLE:  # `3 450` is 3450.00: every amount so read
        normalise.WHOLE_LEVA.set(True)  # (until this reading's end: ``read_page``)
        kinds = columns.identify(ditto.resolved(s.texts), s.headings, totals_texts)
    a, tiered = two_tier.split_tiers(a, s, kinds, totals_texts)  # two lines, most columns two fields: one row
    if tiered:  # the columns and the sums' row as the person's rows now stand
        totals_texts, marks = sheet.row_texts(s, s.totals_row), {}
        kinds = columns.identify(s.texts, s.headings, totals_texts, any_order=True)
    a, kinds = two_line.join_rows(a, s, kinds, totals_texts)  # a person's name line and figures line: one row
    stray_corrections.fold_correction_lines(s, kinds)  # a correction left as a row of its own: to the row below
    storno = [(a.grid.ys[r], a.grid.ys[r + 1]) for r in storno_lines.drop_storno_pairs(s, kinds)]  # no person's
    egns = split_egn_cells(s, kinds)  # an ЕГН typed in the position's or name's cell
    checked = [*kinds, "egn"] if egns else kinds  # the fields the checks see a column for
    kinds = row_zeros.take_row_column(s.texts, kinds)  # `001` read `604`, its heading unread: the № column
    lead = rownumbers.split_name_cells(s, kinds)
    if hints is not None:
        hints["two_sheets"] = sheet.two_sheets_side_by_side(a, s, kinds)
        hints["two_tables"] = sheet.column_sets_repeat(s.headings) is not None  # the columns named twice
        hints["two_blocks"] = sheet.column_sets_repeat(s.headings, sheet.MIN_BLOCK_REPEATS, "name") is not None
    present = [k for k in checked if k]
    if pay_items.items_only(kinds):  # the additional pay its items' sum (``sheet.drafts``), for the checks
        present.append("extra_pay")
    s.thousands = split_thousands.join_thousands(s, kinds)  # `24` | `591,84`: the grid cut off the thousands
    drafts = sheet.drafts(a, s, kinds)
    put_egns(a, drafts, egns, engine)
    totals = sheet.sums(s, s.totals_row, kinds)
    carried = sheet.sums(s, s.carried_row, kinds) or _carried_into(drafts, totals, carried_in)
    period_evidence.choose_year(s.header, drafts, present)  # a year read two ways: the people's ages, the pay
    period_evidence.doubt_year_against_wages(s.header, drafts, present)  # a year read sure its pay says is another
    year, month = s.header.year, s.header.month
    mend_plate_names(drafts)  # an address plate's blocky А read Я all over the page: the page's letters
    checks.run_checks(drafts, totals, present, year, month, carried)
    # second pass over the doubtful numeric cells, then the checks again with both readings
    targets = sheet.doubtful(a.grid, s, kinds, drafts)
    if targets:
        checks.back_to_readings(drafts)  # a figure a check of its row changed: as read, beside its second reading
        reread = second_pass(a, [(i, t.box) for i, t in enumerate(targets)], engine)
        total_alts = sheet.add_readings(drafts, targets, reread)
        split_digits.add_split_readings(a, s, kinds, drafts, targets, engine)  # wide digits read as two
        offered = dotted_zeros.add_zero_readings(s, kinds, drafts, targets)  # a dotted zero read as an 8
        totals = checks.choose_totals(totals, total_alts, drafts, present, carried)
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, present, year, month, carried)
        dotted_zeros.choose_by_columns(drafts, totals, present, carried, offered)  # eights as zeros: the column totals
    mend_totals.doubt_mends_against_totals(drafts, totals, present, carried)  # a row's mend its column's total refuses
    lone_culprit.reread_to_vouch(a, s, kinds, drafts, engine)  # one row in doubt, not its columns
    lone_culprit.clear_where_culprit_known(drafts, totals, present, carried)
    partner_columns.clear_partners(drafts, totals, present, carried)  # a sum's figure its closed column vouches for
    parts_guard.doubt_deductions_against_parts(drafts, totals, present, carried, s, kinds)
    mirrored_changes.reread_moves(a, s, kinds, drafts, engine)  # moves against the ink: the other model reads them
    mirrored_changes.doubt_moves_against_ink(drafts, present)  # a total's move two readings contradict
    mirrored_changes.doubt_traded_moves(drafts, present)  # two rows' moves between the same two columns
    column_moves.doubt_moves_beside_unproven(drafts, present)  # a column's move beside a figure nothing proves
    reread_names(a, s, kinds, drafts, engine)
    vouch_names(drafts)
    initials.read_initials(s, kinds, drafts)  # 'Т. Н. Иванов' on a sheet of initials-first names, as printed
    mend_failing_egns(a, s, kinds, drafts)  # an ЕГН failing its check digit read from the page's own glyphs
    flag_out_of_working_age(drafts, year, month)  # an ЕГН valid by chance: no worker of that age
    flag_sex_disagreeing(drafts)  # an ЕГН valid by chance, or beside another's name: the other sex
    doubt_valid_disagreeing(a, s, kinds, read_kinds, drafts, engine)  # an ЕГН valid by chance: another model's valid reading
    if settle_disagreeing_egns(a, s, kinds, drafts):  # ... unless the page's own glyphs read it as that one
        flag_out_of_working_age(drafts, year, month)  # (which must be of working age too)
    doubt_valid_by_glyphs(a, s, kinds, drafts)  # a valid ЕГН whose glyphs read as another valid one: not silent
    doubt_unsure_beside_doubted(drafts)  # a valid ЕГН read unsure beside a neighbour's in review: ink spoiled there
    checks.guard_page(drafts, checked, s.texts, totals, carried, s.headings)
    doubt = plausibility.check(drafts, totals, present, year, month)
    if doubt is not None:  # the one other reading that makes the whole page add up and believable?
        retry = None if normalise.in_whole_leva() else _separator_as_digit(a, s, kinds, present, year, month)
        if retry is not None:
            drafts, totals, doubt = *retry, None
        else:
            plausibility.send_page_to_review(drafts, present)
    if unit == whole_leva.UNKNOWN and year is None:  # leva or stotinki? no separator, no year to tell
        whole_leva.doubt_unit(drafts, present)
    flag_unplaced(drafts, checked, s.headings, s.texts, totals)
    cut_names.doubt_cut_names(drafts, kinds, s.texts)  # a name's rest in the unplaced column after it
    cut_names.doubt_names_at_boundary(drafts, kinds, s.cells, s.body_rows, a.grid.xs)  # a name cut by a column's edge
    lost_days.doubt_lost_days(a, kinds, drafts, s.body_rows)  # figures in a column with no kind, no days found
    outside_columns.doubt_untotalled(drafts, kinds, totals_texts, s.headings)  # placed by no total, no heading
    outside_columns.doubt_days_between_two(drafts, kinds, s.texts, s.headings)  # the days, or a class beside?
    reread_short_days(a, s, kinds, drafts, engine)  # `2` for `21` where the ink is two digits wide: read enlarged
    reread_crossed_days(a, s, kinds, drafts, engine, year, month)  # a signature across the days: cut away
    day_rate.settle_days(drafts, kinds, s.texts)  # the day's rate printed beside: pay / days, to the stotinka
    settle_by_calendar(drafts, year, month)  # '24' beside '21' in a month of 21 working days
    vouch_full_months(drafts, year, month)  # a `21` read unsure in a month of 21 working days, beside many `21`
    sure_period = (None, None) if s.header.period_review else (year, month)  # the calendar vouches by a period read sure
    ditto.fill_days(s, drafts, kinds, marks, *sure_period)  # a ditto mark in the days: the row above's, in review unless sure
    doubt_beyond_calendar(drafts, *sure_period)  # `24` for the month's 21 working days, a `1` read `4`: in review
    plausibility.cross_check(drafts, present, year, month)
    checks.flag_blank_money(drafts, present)  # a blank placed figure no sum filled: unreadable, not "nothing"
    unproved_net.doubt_unproved(drafts, totals, present, carried)  # deductions, net pay: no sum proves them
    doubted_proof.doubt_unsure_on_doubted(drafts, totals, present, carried)  # read unsure, its sum through a doubt
    misread_page.doubt_rows_beside_misread(drafts, totals, present, carried)  # sums holding among rows misread
    lost_lead_total.doubt_columns_under_lost_lead(drafts, totals, present, carried)  # a total's first digit lost
    margin_corrections.doubt_margin_corrections(reading.words, a.grid, drafts, a.transform.box_to_original)  # struck, corrected beside
    covered_cells.doubt_covered(a, s.body_rows, s.totals_row, kinds, drafts)  # a slip or label over cells: cut rules
    rownumbers.put_leading(drafts, lead)
    rownumbers.reread_missing(a, s, kinds, drafts, engine)
    merged = stacked_numbers.split_stacked(s, kinds, drafts)  # two people's numbers in one band's № cell
    row_zeros.read_leading_zeros(drafts, carried)  # "01" in a dotted-zero face read 61: the zeros as zeros
    rownumbers.reread_disputed(a, s, kinds, drafts, engine)  # numbers off the order: the text model's reading
    read = lost_rows.read_numbers(drafts)
    rownumbers.number_rows(drafts)
    rownumbers.doubt_numbers_narrower_than_ink(a, s, kinds, drafts, read)  # one-digit numbers as wide as two: tens lost
    rownumbers.doubt_numbers_from_one_after_carried(s, drafts)  # a sheet carried on to numbered from 1: the order's
    rownumbers.doubt_unread_numbers(s, kinds, drafts)  # a № column none of whose numbers was read: in review
    unproved_numbers.doubt_rows_of_unproved_numbering(drafts)  # most numbers in doubt: whole rows in review
    lost = lost_rows.restore_lost(drafts, read, totals)  # a printed number with no row: never silent
    proof = layout_gate.prove(drafts, kinds, s.headings, totals, carried, read, year, month)
    gate_headings.read_again(a, s, kinds, engine, proof)  # a column placed by nothing: its heading read alone
    layout = layout_gate.gate(drafts, kinds, s.headings, totals, carried, read, year, month)  # layout unproved: page to review
    if cuts is not None:  # two sections stacked, each under its own heading: the line between them
        line = _sections_cut(a, s, drafts, reading, engine)
        cuts.extend([line] if line is not None else [])
    below = rows_below.restore_below(drafts, a.clean, a.grid, a.transform.box_to_original)  # the grid ended early
    unread = unread_people.restore_unread(drafts, reading.words, a.grid, a.transform.box_to_original)
    # no ЕГН to bring the people back by: one row holding several people's names is each of them
    unread = unread or unread_people.split_merged_names(drafts)
    # rows under the last one read lost (no number after them to show a gap): the gross and net short of the totals
    short = lost_rows.short_of_totals(drafts, totals, carried)
    page_review = doubt or layout or lost or merged or below or unread or short
    named = unread_names.restore_named(
        drafts, reading.words, a.grid, a.transform.box_to_original, page_in_review=page_review is not None,
        left_out=storno,
    )
    page_review = page_review or unread_names.page_review(named) or rows_below.nothing_read(drafts)
    unread_people.number_above_first(drafts)  # brought back over a continuation page's first number: those before it
    rows_below.number_on(drafts)  # rows restored under the numbered ones: the order's numbers, in review
    lost_rows.number_tail(drafts)  # ... or the first of those a merged foot left keeping no pitch: the next number
    lost_rows.fill_pitch_gaps(drafts)  # no number on the page, every row brought back: a step of two rows is one lost
    rownumbers.doubt_numbers_on_continuation(s, drafts)  # a headless page's numbers: read and cross-checked, never from 1
    if page_review is not None:  # every row checked by a person: a band two rows tall is two people
        tall_rows.split_tall(drafts)
    if page_review is None:  # a figure its row's sums and their columns' totals prove: no reading doubt left
        arithmetic_proof.clear_proven_drafts(drafts, totals)
        stamp_ink.doubt_under_stamps(  # a figure under a stamp's ink that no sum proves
            preprocess.to_gray(image), a.dpi, drafts, totals, carried, sideways=quarter_turns % 2 == 1
        )
    sheet.strip_items_total(drafts, kinds)  # (the items' sum: no column of the sheet)
    leading_lines.drop_leading(drafts)  # the employer's line, the title, a garbled heading as rows over the people
    sheet.doubt_unsure(s, drafts)  # the grid's last row over its rule: a person or the totals, a person tells
    page = sheet.to_page(image_name, s.header, drafts, totals)
    page.page_review = page_review
    return page
