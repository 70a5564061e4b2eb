"""A dot-matrix printout's typed rules: a line of hyphens ("------") or of equals signs ("======") typed
across the table at the printer's pitch. Each hyphen is a squat blot, often no longer than thick (10 x
10 px at 300 dpi), and the bars of a line of equals signs run together into pieces of any length (42,
56, 41 px ...): neither is a dash to ``lines.dashed_rules``, which wants elongated dashes of one length
(P dev 8008 p1: the rule over the heading, the "=" rule over the totals and the rule under them not
seen; the heading read as the first person's row and the last person lost without a flag).

Here a typed rule is a chain of thin blots on one line, each close after the last (a character's
spacing), ink over most of its reach; a "!" or "|" column mark that touches it breaks it for a
character or two, no more. A line of text has taller letters between its thin ones (hyphens, dots),
a row of fill dots more paper than ink: neither is such a chain.
"""

from __future__ import annotations

import cv2
import numpy as np

from .preprocess import components

TYPED_THIN = 13  # a typed hyphen's (or an equals sign's run-together bars') thickness at most (px at 300 dpi)
# ... on a table typed without marks, whose rules must be two alike across it (``alike_rules``): a spirit
# duplicator's dye spread, an equals sign's bars run together 13-16 px thick (AF dev 24014 p7: one in three
# left out, the rules broken, no table found)
TYPED_THIN_ALIKE = 17
TYPED_MIN = 6  # ... its length at the least (a dot is no hyphen)
TYPED_GAP = 10  # paper between two typed dashes of one rule at most (a pitch of 14.5 px, dashes 8-12 long)
TYPED_DRIFT = 4  # how far one dash's middle may stand off the last one's, across the rule
TYPED_BREAK = 36  # a mark typed over the rule (a "!" column mark) breaks it for this long at most
TYPED_REACH = 300  # a typed rule's reach at the least (it runs across columns)
TYPED_INKED = 0.55  # the share of its reach the dashes cover (hyphens 10 of 14.5 px; a row of dots less)


def typed_rules(binary: np.ndarray, stats: np.ndarray, centroids: np.ndarray, strips: np.ndarray,
                unit: float, thin: float = TYPED_THIN, follow: bool = False,
                any_bars: bool = False) -> np.ndarray:  # fmt: skip
    """The typed rules of a printout, each drawn as one solid stroke through its dashes' middles
    (``stats``/``centroids``: ``preprocess.components`` of ``binary``, background first; ``strips``: per
    blot, a dot-matrix letter's pin row, ``pins.stacked``; ``thin``: a dash's thickness at most, px at 300 dpi).
    Drawn straight at the dashes' median height, or with ``follow`` through each dash's own, ends to ends: a
    cockled sheet's rule curves (``ocr.unbend`` measures the curve by it). ``any_bars``: a typed table's equals
    signs paired from any two thin bars alike, strips or not (``_equals_signs``)."""
    mask = np.zeros_like(binary)
    x, y, w, h = (stats[1:, k].astype(np.int64) for k in range(4))
    mid = centroids[1:, 1].copy()
    dash = (h <= thin * unit) & (w >= TYPED_MIN * unit) & (h >= 2) & ~strips[1:]
    dash |= _equals_signs(binary, x, y, w, h, mid, strips[1:], unit, any_bars=any_bars)
    idx = np.nonzero(dash)[0]
    if idx.size == 0:
        return mask
    chains = _chains(idx, x, w, mid, TYPED_GAP * unit, TYPED_DRIFT * unit)
    for piece in _joined_across(chains, x, w, mid, unit):
        a0 = int(x[piece].min())
        a1 = int((x[piece] + w[piece]).max())
        inked = float(w[piece].sum()) / max(1, a1 - a0)
        if len(piece) < 4 or a1 - a0 < TYPED_REACH * unit or inked < TYPED_INKED:
            continue
        if _uneven(h[piece]):  # one face, one thickness (a speck on the rule here and there: AA dev 19003 p4)
            continue
        ym = int(round(float(np.median(mid[piece]))))
        thick = max(1, int(np.median(h[piece])))
        if follow:
            order = np.array(piece)[np.argsort(x[piece], kind="stable")]
            along = np.ravel(np.column_stack([x[order], x[order] + w[order] - 1]))
            pts = np.column_stack([along, np.repeat(np.round(mid[order]), 2)]).astype(np.int32)
            cv2.polylines(mask, [pts.reshape(-1, 1, 2)], False, 255, thick)
        else:
            cv2.line(mask, (a0, ym), (a1 - 1, ym), 255, thick)
    return mask


TYPED_EQUALS = 22  # an equals sign's two bars together (a line printer's, AA dev 19003 p1) at most this tall
EQUALS_BAR_THIN = 9  # px at 300 dpi: a bar this thin stacked over another alike is an equals sign's, strip or no,
# (a typewriter's equals signs photographed, 20 x 6 px bars: those ``pins.stacked`` missed left as dashes of their
# own, their middles a bar's off the pairs' between them, the rule's chain broken at each; AG dev 25002 p2)
EQUALS_ALIKE = 3  # px: its two bars' ends stand this near each other at most
EQUALS_BAR = 0.8  # a row of its top third and one of its bottom third inked across this share of its width ...
EQUALS_HOLLOW = 0.7  # ... and its rows inked over this share of the lighter bar's two runs, no more (the bars' gap
# half closed: 0.38-0.62 of the width under bars of 1.0, AA dev 19003 p1; a letter's crossbar makes a third run)


def _equals_signs(binary: np.ndarray, x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray, mid: np.ndarray,
                  strips: np.ndarray, unit: float, any_bars: bool = False) -> np.ndarray:  # fmt: skip
    """Per blot, an equals sign of a face larger than a dot-matrix printer's (a line printer's listing, AA dev
    19003 p1: its "=" rules' bars 16 x 6 px, 2 px apart): its two bars apart, each a strip ``pins.stacked`` took
    for a pin row (a pin row's letter is a stack of more strips, or of strips unlike), the pair made one blot
    (the upper bar's ``x``, ``y``, ``w``, ``h`` and ``mid`` widened over the lower one's, the lower one left out);
    or its bars run together into one blot, hollow between them. Each no taller than ``TYPED_EQUALS``. With
    ``any_bars`` (a table typed on no fanfold), two bars as thin as ``EQUALS_BAR_THIN`` alike are a pair
    too, strips or not."""
    out = np.zeros(len(x), dtype=bool)
    tall = TYPED_EQUALS * unit
    thin = h <= EQUALS_BAR_THIN * unit if any_bars else np.zeros(len(h), dtype=bool)
    bars = np.nonzero((strips | thin) & (w >= TYPED_MIN * unit))[0]
    if bars.size >= 2:
        order = bars[np.argsort(y[bars], kind="stable")]
        tops = y[order]
        lo = np.searchsorted(tops, y[bars] + h[bars], side="left")
        hi = np.searchsorted(tops, y[bars] + h[bars] + 3, side="right")
        partners: dict[int, list[int]] = {}
        for i, a, b in zip(bars.tolist(), lo.tolist(), hi.tolist(), strict=True):
            for j in order[a:b].tolist():
                if min(x[i] + w[i], x[j] + w[j]) > max(x[i], x[j]):  # stacked: one over the other
                    partners.setdefault(i, []).append(j)
                    partners.setdefault(j, []).append(i)
        for i, js in partners.items():
            j = js[0]
            if len(js) != 1 or len(partners[j]) != 1 or y[j] < y[i]:  # a pair, alone; from its upper bar
                continue
            if abs(x[i] - x[j]) > EQUALS_ALIKE or abs(x[i] + w[i] - x[j] - w[j]) > EQUALS_ALIKE:
                continue
            bottom = y[j] + h[j]
            if bottom - y[i] > tall:
                continue
            x0, x1 = min(x[i], x[j]), max(x[i] + w[i], x[j] + w[j])
            x[i], w[i], h[i], mid[i] = x0, x1 - x0, bottom - y[i], (y[i] + bottom) / 2
            w[j] = 0  # the lower bar no dash of its own (its middle a bar's below the pair's: the chain broken)
            out[i] = True
    run = np.nonzero((h > TYPED_THIN * unit) & (h <= tall) & (w >= h) & ~strips)[0]
    for i in run.tolist():
        box = binary[y[i] : y[i] + h[i], x[i] : x[i] + w[i]] > 0
        rows = box.mean(axis=1)
        third = len(rows) // 3
        bar = min(float(rows[:third].max()), float(rows[-third:].max()))
        inked = np.concatenate([[0], (rows > EQUALS_HOLLOW * bar).astype(np.int8), [0]])
        if bar >= EQUALS_BAR and int(np.count_nonzero(np.diff(inked) == 1)) == 2:
            out[i] = True
    return out


def _uneven(h: np.ndarray) -> bool:
    """The dashes' thickness varies more than one face's does: over most of them (a tenth of them at either
    end left out: a daisy wheel's underscores filmed, 5 to 10 px thick, one of 52 run into a letter above,
    AB dev 20001 p1), by more than 4 px or 60 % of their median."""
    lo, hi = np.percentile(h, (10, 90))
    return float(hi - lo) > max(4.0, 0.6 * float(np.median(h)))


DOTTED_GAP = 24  # paper between two of a daisy wheel's hyphens at most (family AB; 10 cpi: 30 px a character)
DOTTED_RUN = 12  # ... hyphens in a rule at the least
DOTTED_STEP = 0.25  # ... each the rule's pitch after the last, within this share of it ...
DOTTED_EVEN = 0.8  # ... most of them (a hyphen lost to the film's grain leaves a step of two)
DOTTED_INKED = 0.25  # ... the hyphens over this share of the rule's reach at the least
DOTTED_TALL = 18  # an equals sign's bars run into one blot by the film's blur: this tall at most (15 x 14 px) ...
DOTTED_LONG = 1000  # ... where its rule reaches this far at the least (no line of writing has 40 letters unbroken)
DOTTED_ROW = 2  # px: blots whose middles stand this near, one after another down the page, lie on one line


def dotted_rules(binary: np.ndarray, stats: np.ndarray, centroids: np.ndarray, unit: float) -> np.ndarray:
    """A typed table's rules of short hyphens or of equals signs (a daisy wheel's, filmed: 10 x 7 px at a
    pitch of 20, less ink than paper, AB dev 20001 p1; an equals sign's bars run into one blot 15 x 14 px,
    AB dev 20003 p2): a chain of blots alike at one pitch, evenly, across ``TYPED_REACH`` at the least (a
    blot thicker than a hyphen: ``DOTTED_LONG``), drawn as one solid stroke. A line of writing's dots and
    hyphens stand at no one pitch between its letters (which are taller), and a word's letters of one height
    end at its space."""
    mask = np.zeros_like(binary)
    x, w, h = stats[1:, cv2.CC_STAT_LEFT], stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    mid = centroids[1:, 1]
    idx = np.nonzero((h <= DOTTED_TALL * unit) & (h >= 2) & (w >= 3) & (w <= 2 * DOTTED_TALL * unit))[0]
    if idx.size < DOTTED_RUN:
        return mask
    idx = idx[np.argsort(mid[idx], kind="stable")]
    for line in np.split(idx, np.flatnonzero(np.diff(mid[idx]) > DOTTED_ROW * unit) + 1):
        if line.size < DOTTED_RUN:
            continue
        line = line[np.argsort(x[line], kind="stable")]
        gaps = x[line][1:] - (x[line] + w[line])[:-1]
        for piece in np.split(line, np.flatnonzero(gaps > DOTTED_GAP * unit) + 1):
            if piece.size >= DOTTED_RUN and _dotted(piece, x, w, h, unit):
                ym = int(round(float(np.median(mid[piece]))))
                a0, a1 = int(x[piece[0]]), int((x[piece] + w[piece]).max())
                cv2.line(mask, (a0, ym), (a1 - 1, ym), 255, max(1, int(np.median(h[piece]))))
    return mask


ALIKE_REACH = 0.45  # share of the page's width a typed table's rule spans at the least (tables._long) ...
ALIKE_ENDS = 0.05  # ... its ends this near another such rule's (a share of the width)


def alike_rules(mask: np.ndarray) -> bool:
    """The dotted rules drawn (``dotted_rules``) are a typed table's: two of them or more across
    ``ALIKE_REACH`` of the page, beginning and ending alike (AB dev 20008 p1: a daisy wheel's table typed
    with blanks between its columns, its underscores filmed into dots and scanned in black and white; no
    rule found, the film's scratches down the page taken for its columns). A line of fill dots or a
    stray hyphened line is one."""
    w = mask.shape[1]
    cols = (mask > 0).any(axis=0)
    if not cols.any():
        return False
    rows = np.flatnonzero((mask > 0).sum(axis=1) >= ALIKE_REACH * w)
    if rows.size < 2:
        return False
    spans = []
    for run in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1):
        on = np.flatnonzero((mask[run[0] : run[-1] + 1] > 0).any(axis=0))
        spans.append((int(on[0]), int(on[-1])))
    near = ALIKE_ENDS * w
    return any(sum(abs(a[0] - b[0]) <= near and abs(a[1] - b[1]) <= near for b in spans) >= 2 for a in spans)


BRIDGE = 200  # px at 300 dpi: the widest break between two pieces of one curving typed rule (a column's mark
# typed over it, an equals sign misshapen by the heat) ...
BRIDGE_DRIFT = 24  # ... its two ends this near across the rule at most


def curving_rules(mask: np.ndarray, unit: float) -> np.ndarray | None:
    """The rules drawn following a cockled sheet's curve (``typed_rules(follow=True)``), their pieces on one
    line joined where a break parted them (each piece's end to the next one's start, at most ``BRIDGE`` apart and
    ``BRIDGE_DRIFT`` across), when two or more of them reach across ``ALIKE_REACH`` of the page, beginning and
    ending alike (a typed table's, as ``alike_rules``; no row of pixels holds a curving rule whole); else None."""
    if not cv2.countNonZero(mask):  # no rule followed at all (most pages that come here): none, unlabelled
        return None
    w = mask.shape[1]
    n, labels, stats, _ = components(mask)  # (Grana, 16-bit: the same labels; any ink non-zero)
    ends: list[tuple[int, int, float, float]] = []  # x0, x1, y at the left end, y at the right end
    for k in range(1, n):
        x0, y0, sw, sh = (int(v) for v in stats[k, :4])
        piece = labels[y0 : y0 + sh, x0 : x0 + sw] == k
        left, right = np.flatnonzero(piece[:, :5].any(axis=1)), np.flatnonzero(piece[:, -5:].any(axis=1))
        ends.append((x0, x0 + sw - 1, y0 + float(left.mean()), y0 + float(right.mean())))
    ends.sort()
    out = mask.copy()
    chains: list[list[int]] = []
    for i, (x0, _, yl, _) in enumerate(ends):
        for chain in chains:
            px1, py = ends[chain[-1]][1], ends[chain[-1]][3]
            if 0 <= x0 - px1 <= BRIDGE * unit and abs(yl - py) <= BRIDGE_DRIFT * unit:
                cv2.line(out, (px1, round(py)), (x0, round(yl)), 255, 3)
                chain.append(i)
                break
        else:
            chains.append([i])
    spans = [(ends[c[0]][0], max(ends[i][1] for i in c)) for c in chains]
    spans = [sp for sp in spans if sp[1] - sp[0] >= ALIKE_REACH * w]
    near = ALIKE_ENDS * w
    if any(sum(abs(a[0] - b[0]) <= near and abs(a[1] - b[1]) <= near for b in spans) >= 2 for a in spans):
        return out
    return None


def _dotted(piece: np.ndarray, x: np.ndarray, w: np.ndarray, h: np.ndarray, unit: float) -> bool:
    """The blots of ``piece`` (in order along their line) make a typed rule: long enough, inked enough, at one
    pitch, of one thickness."""
    a0, a1 = int(x[piece[0]]), int((x[piece] + w[piece]).max())
    tall = float(np.median(h[piece])) > TYPED_THIN * unit
    if a1 - a0 < (DOTTED_LONG if tall else TYPED_REACH) * unit or float(w[piece].sum()) / (a1 - a0) < DOTTED_INKED:
        return False
    steps = np.diff(x[piece] + w[piece] / 2.0)
    pitch = float(np.median(steps))
    if pitch <= 0 or float(np.mean(np.abs(steps - pitch) <= DOTTED_STEP * pitch)) < DOTTED_EVEN:
        return False
    return not _uneven(h[piece])


def _chains(idx: np.ndarray, x: np.ndarray, w: np.ndarray, mid: np.ndarray, gap: float,
            drift: float) -> list[list[int]]:  # fmt: skip
    """Blots chained along their line: each joins the chain whose last blot ends at most ``gap`` before
    it and stands within ``drift`` of it across."""
    chains: list[list[int]] = []
    ends: list[float] = []
    mids: list[float] = []
    for i in sorted(idx.tolist(), key=lambda k: float(x[k])):
        s0, m = float(x[i]), float(mid[i])
        for k in range(len(chains) - 1, max(-1, len(chains) - 400), -1):
            if -gap <= s0 - ends[k] <= gap and abs(m - mids[k]) <= drift:
                chains[k].append(i)
                ends[k] = max(ends[k], s0 + float(w[i]))
                mids[k] = m
                break
        else:
            chains.append([i])
            ends.append(s0 + float(w[i]))
            mids.append(m)
    return [c for c in chains if len(c) >= 2]


def _joined_across(chains: list[list[int]], x: np.ndarray, w: np.ndarray, mid: np.ndarray,
                   unit: float) -> list[list[int]]:  # fmt: skip
    """Chains on one line joined where a mark typed over the rule broke it (at most ``TYPED_BREAK``)."""
    drift = TYPED_DRIFT * unit
    by_mid = sorted(chains, key=lambda c: float(np.median(mid[c])))
    lines_: list[list[list[int]]] = []
    for c in by_mid:
        m = float(np.median(mid[c]))
        if lines_ and m - float(np.median(mid[lines_[-1][-1]])) <= drift:
            lines_[-1].append(c)
        else:
            lines_.append([c])
    out: list[list[int]] = []
    for line in lines_:
        line.sort(key=lambda c: float(x[c].min()))
        cur = list(line[0])
        for c in line[1:]:
            if 0 <= float(x[c].min()) - float((x[cur] + w[cur]).max()) <= TYPED_BREAK * unit:
                cur.extend(c)
            else:
                out.append(cur)
                cur = list(c)
        out.append(cur)
    return out
