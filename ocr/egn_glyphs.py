"""An ЕГН that fails its check digit read again from the page's own glyphs (issue 9, review load).

A typewriter or dot-matrix face whose zero carries a bar or a dot inside (family E) is read by both models
as an 8, a 9 or a 6 in some cells and as a 0 in others (E dev 501 page 5: ``4701107486`` read
``4761187486``), and every such ЕГН goes to a person for its check digit. The page itself shows how its face
prints each digit: the ЕГН that pass their check digit, cut into their ten glyphs, give one picture per
digit. A failing ЕГН cut the same way is read glyph by glyph against those pictures; where that reading is a
valid ЕГН that differs from the first in a few glyphs only, each clearly nearer its new digit's picture than
the old one's, it stands instead of the first. Anything less clear (a face of uneven pitch that does not cut
into ten glyphs, a digit no valid ЕГН shows, a glyph near two pictures) leaves the flag as it was.
"""

from __future__ import annotations

import cv2
import numpy as np

from archive_core import egn as egn_mod

from .analysis import Analysis
from .checks import CHECK_DIGIT, READINGS_DISAGREE, RowDraft
from .geometry import Box
from .sheet import Sheet

SIZE = (16, 24)  # a glyph's picture, width x height
MIN_SAMPLES = 2  # glyphs of a digit from valid ЕГН before its picture is trusted
MAX_CHANGED = 3  # glyphs a new reading may change
MIN_SCORE = 0.75  # correlation of a changed glyph with its new digit's picture
MIN_LEAN = 0.5  # ... and at least this far from the first digit's picture towards its own (see lean)
MIN_AGREE_GLYPHS = 6  # glyphs nearest the digit first read (else the cut is off)


def glyphs(a: Analysis, box: Box) -> list[np.ndarray] | None:
    """The ten glyphs of the figure in the cell ``box`` (each SIZE, ink dark on 0..1), or None where its ink
    does not fall into ten glyphs side by side."""
    x0, y0, x1, y1 = box.x0 + 4, box.y0 + 3, box.x1 - 3, box.y1 - 2
    ink = a.ink[max(0, y0) : y1, max(0, x0) : x1] > 0
    gray = a.gray[max(0, y0) : y1, max(0, x0) : x1]
    if ink.size == 0 or gray.shape != ink.shape:
        return None
    rows = ink.sum(axis=1)
    on = rows > 0
    # the figure's line: the longest run of rows with ink
    best, start = (0, 0), None
    for r, v in enumerate([*on, False]):
        if v and start is None:
            start = r
        elif not v and start is not None:
            if r - start > best[1] - best[0]:
                best = (start, r)
            start = None
    top, bottom = best
    if bottom - top < 8:
        return None
    band = ink[top:bottom]
    profile = band.sum(axis=0)
    inked = np.flatnonzero(profile)
    if inked.size == 0:
        return None
    left, right = int(inked[0]), int(inked[-1]) + 1
    pitch = (right - left) / 10
    if pitch < 6 or pitch > 1.2 * (bottom - top):
        return None  # no ten glyphs of a figure's proportions
    # glyphs that touch are cut where least ink is, near where an even pitch puts their edges
    cuts = [left]
    for k in range(1, 10):
        at = left + k * pitch
        lo, hi = int(at - 0.3 * pitch), int(at + 0.3 * pitch) + 1
        cuts.append(lo + int(np.argmin(profile[lo:hi])))
    cuts.append(right)
    runs = []
    for c0, c1 in zip(cuts, cuts[1:], strict=False):
        on = np.flatnonzero(profile[c0:c1])
        if on.size == 0:
            return None  # an empty place: not ten glyphs
        runs.append((c0 + int(on[0]), c0 + int(on[-1]) + 1))
    half = int(pitch / 2) + 1
    out = []
    tops, lift = _wave(band, runs)  # each glyph's rows (from the line's top) where the figure waves
    g = np.full((3 * (bottom - top), gray.shape[1]), 255.0, np.float32)  # the line with its height's room over it
    room = bottom - top
    g[room - min(top, room) : room + min(gray.shape[0] - top, 2 * room)] = gray[
        top - min(top, room) : top + min(gray.shape[0] - top, 2 * room)
    ]
    for (c0, c1), y in zip(runs, tops, strict=True):
        mid = (c0 + c1) // 2
        lo, hi = max(0, mid - half), min(g.shape[1], mid + half)
        crop = np.full((lift, 2 * half), 255.0, np.float32)
        crop[:, lo - (mid - half) : lo - (mid - half) + hi - lo] = g[room + y : room + y + lift, lo:hi]
        out.append(cv2.resize(1.0 - crop / 255.0, SIZE, interpolation=cv2.INTER_AREA))
    return out


WAVE = 0.15  # the glyphs' middles further apart than this share of the line's height: the figure waves


def _wave(band: np.ndarray, runs: list[tuple[int, int]]) -> tuple[list[int], int]:
    """Where each glyph is cut from, in rows from the figure's line's top, and how many rows: the whole line where
    the figure is typed straight; where it waves with a cockled sheet (AE dev 23002 p8: the glyphs up and down by a
    third of their height across an ЕГН, each cut off its picture, at another scale in each cell, the zeros read as
    nines not mended) the tallest glyph's height round each glyph's own middle, as a straight line's would be (a
    digit's pictures are cut so too: a round digit's middle stands where a flat one's does, give or take a row)."""
    h = band.shape[0]
    spans = []
    for c0, c1 in runs:
        on = np.flatnonzero(band[:, c0:c1].any(axis=1))
        spans.append((int(on[0]), int(on[-1]) + 1) if on.size else (0, h))
    mids = [(a + b) / 2 for a, b in spans]
    if max(mids) - min(mids) <= WAVE * h:
        return [0] * len(runs), h
    tall = max(b - a for a, b in spans)
    return [int(round(m - tall / 2)) for m in mids], tall


def _cell_glyphs(a: Analysis, box: Box) -> tuple[list[np.ndarray], list[np.ndarray]] | None:
    """``glyphs`` of the cell and each normalised (``_norm``), measured once a page: mending, doubting
    and settling the ЕГН each cut the page's valid ЕГН again (``Analysis.memo``)."""
    key = ("egn_glyphs", box)
    if key not in a.memo:
        gs = glyphs(a, box)
        a.memo[key] = None if gs is None else (gs, [_norm(g) for g in gs])
    cut: tuple[list[np.ndarray], list[np.ndarray]] | None = a.memo[key]
    return cut


def _norm(x: np.ndarray) -> np.ndarray:
    s = float(x.std())
    return (x - x.mean()) / s if s > 0 else x - x.mean()


def _score(x: np.ndarray, t: np.ndarray) -> float:
    a, b = x - x.mean(), t - t.mean()
    n = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum()) / n if n > 0 else 0.0


def lean(x: np.ndarray, was: np.ndarray, to: np.ndarray) -> float:
    """Where the glyph ``x`` lies on the way from the picture ``was`` (-1) to the picture ``to`` (+1),
    measured along what tells the two apart (a zero's bar and an 8's waist, not the outline they share)."""
    return _lean_normed(_norm(x), was, to)


def _lean_normed(nx: np.ndarray, was: np.ndarray, to: np.ndarray) -> float:
    """``lean`` of a glyph already normalised (``_norm``): a glyph weighed against nine pictures is
    normalised once, not nine times (a fifth of a page's Python time on family C)."""
    d = to - was
    n = float((d * d).sum())
    return float(((nx - (to + was) / 2) * d).sum()) / (n / 2) if n > 0 else 0.0


def reread(
    glyph_list: list[np.ndarray],
    first: str,
    pictures: dict[str, np.ndarray],
    normed: list[np.ndarray] | None = None,
) -> str | None:
    """The ЕГН the glyphs show against the page's pictures, where it is valid and differs from ``first`` in
    a few glyphs, each clearly nearer its new digit's picture than its first digit's; else None.
    ``normed``: the glyphs already normalised (``_norm``), when known."""
    if len(first) != 10 or not first.isdigit() or len(glyph_list) != 10:
        return None
    out = list(first)
    changed = agree = 0
    for k, x in enumerate(glyph_list):
        was = pictures.get(first[k])
        if was is None:
            continue  # no picture of the digit read: nothing to weigh it against, it stays
        nx = _norm(x) if normed is None else normed[k]
        leans = {d: _lean_normed(nx, was, t) for d, t in pictures.items() if d != first[k]}
        if not leans:
            continue  # the page shows no other digit to weigh it against (R dev 10009 p1: a negative's one picture)
        best = max(leans, key=lambda d: leans[d])
        if leans[best] < MIN_LEAN or _score(x, pictures[best]) < MIN_SCORE:
            agree += leans[best] < 0
            continue
        out[k] = best
        changed += 1
    if agree < MIN_AGREE_GLYPHS:
        return None  # the cut does not fall where the first reading's digits are
    new = "".join(out)
    if not 0 < changed <= MAX_CHANGED or not egn_mod.is_valid(new):
        return None
    return new


def _page_glyphs(
    a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft], reason: str
) -> tuple[dict[int, list[np.ndarray]], dict[str, np.ndarray]]:
    """The glyphs of each ЕГН flagged for ``reason`` (draft index -> ten glyphs), and the page's picture of
    each digit from the ЕГН that pass their check and no check doubts."""
    if "egn" not in kinds or len(drafts) != len(s.body_rows):
        return {}, {}
    c = kinds.index("egn")
    cut: dict[int, list[np.ndarray]] = {}
    samples: dict[str, list[np.ndarray]] = {}
    for i, d in enumerate(drafts):
        v = d.values.get("egn")
        flagged = d.review.reasons.get("egn") == reason and isinstance(v, str)
        sure = isinstance(v, str) and "egn" not in d.review and egn_mod.is_valid(v)
        if not (flagged or sure):
            continue
        cell = _cell_glyphs(a, a.grid.cell(s.body_rows[i], c))
        if cell is None:
            continue
        gs, normed = cell
        if sure:
            for ch, gl in zip(str(v), normed, strict=True):
                samples.setdefault(ch, []).append(gl)
        else:
            cut[i] = gs
    # the middle of each digit's glyphs, not their mean: a valid ЕГН misread into another valid one (a zero
    # read as an 8 that keeps the check digit) adds one stranger to a digit's glyphs
    pictures = {ch: np.median(gl, axis=0) for ch, gl in samples.items() if len(gl) >= MIN_SAMPLES}
    return cut, pictures


def mend_failing_egns(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft]) -> int:
    """Each ЕГН flagged for its check digit read again against the page's valid ЕГН glyphs; how many were
    mended (each then stands as any valid ЕГН: the age and second-model checks that follow see it)."""
    cut, pictures = _page_glyphs(a, s, kinds, drafts, CHECK_DIGIT)
    mended = 0
    for i, gs in cut.items():
        d = drafts[i]
        new = reread(gs, str(d.values.get("egn")), pictures)
        if new is None:
            continue
        d.values["egn"] = new
        d.review.discard("egn")
        mended += 1
    return mended


def doubt_valid_by_glyphs(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft]) -> int:
    """Each valid ЕГН no check doubts whose glyphs, against the page's pictures, read as another valid ЕГН
    (a barred zero read as a 6 that keeps the check digit): to a person; how many."""
    if "egn" not in kinds or len(drafts) != len(s.body_rows):
        return 0
    _, pictures = _page_glyphs(a, s, kinds, drafts, CHECK_DIGIT)
    c = kinds.index("egn")
    sent = 0
    for i, d in enumerate(drafts):
        v = d.values.get("egn")
        if not isinstance(v, str) or "egn" in d.review or not egn_mod.is_valid(v):
            continue
        cell = _cell_glyphs(a, a.grid.cell(s.body_rows[i], c))
        new = reread(cell[0], v, pictures, cell[1]) if cell is not None else None
        # not offered as a reading: settle_disagreeing_egns must not take it on its own word
        if new is not None:
            d.review.add("egn", READINGS_DISAGREE)
            sent += 1
    return sent


def settle_disagreeing_egns(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft]) -> int:
    """Each ЕГН whose two models' readings make two valid ЕГН (``egn_second``): where the page's glyphs
    read it as the valid one the second reading points to, that one stands; where they clearly show the
    first reading's digits wherever the second differs, the first stands. How many were settled."""
    cut, pictures = _page_glyphs(a, s, kinds, drafts, READINGS_DISAGREE)
    settled = 0
    for i, gs in cut.items():
        d = drafts[i]
        first = str(d.values.get("egn"))
        others = [str(o) for o in d.alts.get("egn", []) if o is not None and str(o) != first]
        new = reread(gs, first, pictures)
        if new is not None and any(_between(first, o, new) for o in others):
            d.values["egn"] = new
        elif not (
            others and egn_mod.is_valid(first) and all(confirms(gs, first, o, pictures) for o in others)
        ):
            continue
        d.review.discard("egn")
        settled += 1
    return settled


def confirms(glyph_list: list[np.ndarray], first: str, other: str, pictures: dict[str, np.ndarray]) -> bool:
    """Every glyph where ``other`` reads another digit than ``first`` lies clearly on the first one's side
    (``lean``), and there is such a glyph: the page's glyphs say the first reading is what is printed."""
    diff = [k for k in range(min(len(first), len(other), len(glyph_list))) if first[k] != other[k]]
    if not diff or len(first) != len(other):
        return False
    for k in diff:
        was, to = pictures.get(first[k]), pictures.get(other[k])
        if was is None or to is None or lean(glyph_list[k], was, to) > -MIN_LEAN:
            return False
    return True


def _between(first: str, second: str, new: str) -> bool:
    """``new`` takes each digit from ``first`` or from ``second``, and at least one from ``second``."""
    return (
        len(first) == len(second) == len(new)
        and all(n in (f, s) for f, s, n in zip(first, second, new, strict=True))
        and new != first
    )
