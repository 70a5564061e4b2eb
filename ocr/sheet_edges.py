"""A sheet photographed by a phone on a desk: the page lies in perspective inside the picture (its head
narrower than its foot, its corners each moved on its own), so its rows are not parallel and its columns
lean each its own way; a deskew turns the page as a whole and leaves both. The sheet's four edges are
where the light steps up from the desk to the paper, looking in from each side of the picture (a lamp's
fall-off or a phone's shadow darkens desk and paper alike: the step stays). A straight line through each
edge's steps, their four crossings the sheet's corners, and the page is put square by the perspective
that takes those corners to a rectangle (family Q's phone photographs: Q dev 9001 p1, 9003, 9008, the
columns read into one another and the three-line headings read as rows).

A scan has no desk around its sheet (no step on some side: nothing is done), and a scan with a dark
border on every side holds its sheet square (a rectangle, at most turned: left to the deskew).
"""

from __future__ import annotations

import cv2
import numpy as np

from . import paper_frame

WORK = 600  # the picture's longer side while its edges are looked for (pixels)
STEP = 0.3  # the light's step from desk to paper (in log units: paper at least 1.35x the desk's light)
REACH = 3  # half the step's width (pixels of the small picture)
SKEW_PX = 0.004  # a corner this far (of the picture's diagonal) off the best rectangle: in perspective
DESK = 0.75  # the desk around the sheet at most this much of the paper's light (a scan's margin is paper)


def _first_steps(log: np.ndarray, width: int | None = None) -> tuple[np.ndarray, int]:
    """Per row of ``log`` (the middle 80 % of its rows, every other one), the first column from the left,
    within the outer third, where the light steps up by ``STEP``; and how many rows were looked at.
    ``width``: the whole picture's width where ``log`` is its left part alone (``_left_side``)."""
    h, w = log.shape
    w = width or w
    diff = log[:, 2 * REACH :] - log[:, : -2 * REACH]
    ys = np.arange(int(h * 0.1), int(h * 0.9), 2)
    seen = diff[ys, : w // 3]
    up = seen > STEP
    has = up.any(axis=1)
    first = np.argmax(up, axis=1)
    # the step's steepest point within its width from where it first shows: the paper's edge
    near = np.minimum(first[:, None] + np.arange(2 * REACH + 1)[None, :], seen.shape[1] - 1)
    xs = first + np.argmax(np.take_along_axis(seen, near, axis=1), axis=1) + REACH
    return np.stack([xs[has], ys[has]], axis=1).astype(np.float64), len(ys)


ALIGNED = 2.0  # pixels of the small picture: a step this near the line lies on a straight edge ...
STRAIGHT = 0.5  # ... as this share of the rows looked at do, at the least, along a sheet's cut edge


def _edge_line(points: np.ndarray, looked: int) -> tuple[float, float] | None:
    """x = a*y + b through the steps, those off the line left out (a word's or a rule's step where the
    desk's edge was not found, a curled corner); None where too few steps lie on one line, or too few of
    them near it (``ALIGNED``, ``STRAIGHT``): a burned sheet's ragged edge, a ruler and a colour chart beside
    it on the copy stand's felt, are no straight edge. A line fitted through them leaned (AG dev 25003 p2:
    the ruler's side at the top and the chart's at the foot, a fifth of the steps within 2 px of it), and the
    page "put square" by it was sheared, its column rules leaning and the three left of the names lost: no
    row number, ЕГН or name read on the page."""
    if len(points) < 0.5 * looked:
        return None
    x, y = points[:, 0], points[:, 1]
    keep = np.ones(len(x), bool)
    a = b = 0.0
    for _ in range(5):
        a, b = np.polyfit(y[keep], x[keep], 1)
        off = np.abs(x - (a * y + b))
        keep = off <= max(1.5, 2.5 * float(np.median(off[keep])))
        if keep.sum() < 0.4 * looked:
            return None
    if np.count_nonzero(np.abs(x - (a * y + b)) <= ALIGNED) < STRAIGHT * looked:
        return None
    return float(a), float(b)


def _crossing(p: np.ndarray, r: np.ndarray, q: np.ndarray, s: np.ndarray) -> np.ndarray:
    den = r[0] * s[1] - r[1] * s[0]
    t = ((q - p)[0] * s[1] - (q - p)[1] * s[0]) / den
    return p + t * r


BLUR = 1.5  # the small picture's blur (sigma, pixels) before its light is looked at
BLUR_REACH = 7  # columns of the small picture that blur reaches across (its kernel's half width and one)


def _light(small: np.ndarray) -> np.ndarray:
    return np.log(cv2.GaussianBlur(small, (0, 0), BLUR) + 8.0)


def _left_side(gray: np.ndarray, f: float) -> bool:
    """Does the left side show a desk's step on a line? Looked for on the picture's left part alone, made
    small as the whole picture is (the same small pixels, the same light: an area average over the same
    pixels, the blur short of the part's cut edge): a scan, its sheet to its left edge (most pages read),
    is told in a third of the time the whole picture's making small took (~20 ms a page, issue 9)."""
    h, w = gray.shape[:2]
    sw = int(np.rint(w * f))  # the whole small picture's width (cv2.resize rounds so)
    need = sw // 3 + 2 * REACH + 2 * BLUR_REACH  # small columns the left side looks at, the blur's reach past
    cut = int(np.ceil((need + BLUR_REACH + 2) / f))  # the given columns they are made of, the blur's reach more
    if cut >= w:
        return _edge_line(*_first_steps(_light(_small(gray, f)))) is not None
    part = _light(_small(np.ascontiguousarray(gray[:, :cut]), f))
    return _edge_line(*_first_steps(part[:, :need], width=sw)) is not None


def _small(gray: np.ndarray, f: float) -> np.ndarray:
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA).astype(np.float32)


def sheet_corners(gray: np.ndarray) -> np.ndarray | None:
    """The sheet's corners in the picture (top-left, top-right, bottom-right, bottom-left; x, y), or None
    where some side shows no desk."""
    h, w = gray.shape[:2]
    f = WORK / max(h, w)
    if not _left_side(gray, f):  # no desk to the left (a scan): the whole picture is not made small
        return None
    small = _small(gray, f)
    log = _light(small)
    sh, sw = log.shape
    lines: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for side, seen in (("left", log), ("right", log[:, ::-1]), ("top", log.T), ("bottom", log.T[:, ::-1])):
        fit = _edge_line(*_first_steps(np.ascontiguousarray(seen)))
        if fit is None:
            return None
        a, b = fit
        lines[side] = {
            "left": (np.array([b, 0.0]), np.array([a, 1.0])),
            "right": (np.array([sw - 1 - b, 0.0]), np.array([-a, 1.0])),
            "top": (np.array([0.0, b]), np.array([1.0, a])),
            "bottom": (np.array([0.0, sh - 1 - b]), np.array([1.0, -a])),
        }[side]
    pairs = (("top", "left"), ("top", "right"), ("bottom", "right"), ("bottom", "left"))
    corners = np.array([_crossing(*lines[u], *lines[v]) for u, v in pairs])
    # a desk, not paper, outside the edges: a scanned table's rules step up to paper as the desk does
    inside = np.zeros((sh, sw), np.uint8)
    cv2.fillConvexPoly(inside, np.round(corners).astype(np.int32), 1)
    ring = cv2.dilate(inside, np.ones((21, 21), np.uint8)) - cv2.dilate(inside, np.ones((9, 9), np.uint8))
    core = cv2.erode(inside, np.ones((9, 9), np.uint8))
    if not ring.any() or not core.any():
        return None
    paper = float(np.median(small[core > 0]))
    if float(np.median(small[ring > 0])) > DESK * paper or not _desk_beyond_each_edge(small, corners, paper):
        return None
    return corners / f


BEYOND = 7  # pixels of the small picture outside an edge where the desk is looked at (the ring's middle)
ALONG = 15  # points along each edge looked at (its middle 70 %)


def _desk_beyond_each_edge(small: np.ndarray, corners: np.ndarray, paper: float) -> bool:
    """Desk, not paper, just outside each of the four edges found (the picture's own edge aside): a photocopy
    scanned with the copier's lid open has black round three sides of its sheet, and paper below it, where a
    line through the footer's writing was taken for the sheet's foot; the dark three sides held the ring's
    median down, the page was "put square" by a perspective that bent its rows and its rules (AC dev 21019
    p1: no rule found across the table, 1 row of 19)."""
    sh, sw = small.shape
    centre = corners.mean(axis=0)
    t = np.linspace(0.15, 0.85, ALONG)[:, None]
    for k in range(4):
        p, q = corners[k], corners[(k + 1) % 4]
        d = q - p
        n = np.array([-d[1], d[0]]) / max(1e-6, float(np.hypot(*d)))
        if float(np.dot(n, (p + q) / 2 - centre)) < 0:
            n = -n
        pts = np.round(p + t * d + BEYOND * n).astype(int)
        ok = (pts[:, 0] >= 0) & (pts[:, 0] < sw) & (pts[:, 1] >= 0) & (pts[:, 1] < sh)
        if ok.sum() < ALONG // 3:  # the edge at the picture's own: nothing to look at beyond it
            continue
        if float(np.median(small[pts[ok, 1], pts[ok, 0]])) > DESK * paper:
            return False
    return True


def in_perspective(corners: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Do the corners stand off a rectangle (turned as it may be) by more than ``SKEW_PX`` of the
    picture's diagonal? A rectangle is left to the deskew."""
    diag = float(np.hypot(shape[0], shape[1]))
    w = (np.linalg.norm(corners[1] - corners[0]) + np.linalg.norm(corners[2] - corners[3])) / 2
    h = (np.linalg.norm(corners[3] - corners[0]) + np.linalg.norm(corners[2] - corners[1])) / 2
    rect = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m, _ = cv2.estimateAffinePartial2D(rect, corners.astype(np.float32))
    if m is None:
        return True
    fitted = rect @ m[:, :2].T + m[:, 2]
    return float(np.abs(fitted - corners).max()) > SKEW_PX * diag


OFF = 0.002  # share of the picture's side a corner may stand outside it (a phone's photograph holds its sheet)


def _off_the_picture(corners: np.ndarray, h: int, w: int) -> bool:
    """A corner outside the picture: no sheet's edge leads there, the steps fitted were of something else as
    well (a microfiche frame printed in negative, its paper's edge and the tractor holes' strip beside it: AA
    dev 19011 p6, the left edge leaning 236 px over the page, its foot at x -21, the page put "square" by a
    shear and every column leaning, the marks between them no longer in line)."""
    x, y = corners[:, 0], corners[:, 1]
    return bool((x < -OFF * w).any() or (x > (1 + OFF) * w).any() or (y < -OFF * h).any() or (y > (1 + OFF) * h).any())


OFF_PAPER = 0.085  # of the picture's diagonal: a corner further than this from the sheet's paper is none of its
# (AG dev 25001-25004: 0.093-0.139 with a ruler, a colour chart or a charred edge fitted; a phone photograph's torn
# corner, Q dev 9001 p6, 0.056; an open book's page, S dev 11001 p2, 0.072)


def _corners_off_the_paper(gray: np.ndarray, corners: np.ndarray) -> bool:
    """A corner found far from any paper (``OFF_PAPER``): the steps fitted were of something beside the sheet (a ruler laid by it on a
    copy stand's felt, a colour chart) or of a burned, ragged edge, not of a sheet's straight side (AG dev 25004
    p1: the left edge fitted through the ruler, the page sheared 5 degrees, its column rules leaning and lost).
    A sheet photographed on a desk has its paper at its corners (``paper_frame.paper_mask``), a torn corner near."""
    paper = paper_frame.paper_mask(gray)
    if paper is None:
        return False
    far = cv2.distanceTransform(cv2.bitwise_not(paper), cv2.DIST_L2, 5)
    h, w = gray.shape[:2]
    limit = OFF_PAPER * float(np.hypot(h, w))
    for x, y in corners:
        xi, yi = int(np.clip(round(x), 0, w - 1)), int(np.clip(round(y), 0, h - 1))
        if far[yi, xi] > limit:
            return True
    return False


def squared(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The photographed sheet put square (its corners taken to a rectangle of its sides' mean lengths,
    scaled to fill the picture as far as its proportions allow) and the 3x3 map of the new picture's points
    back to the given one's; None where no sheet in perspective is found (a scan)."""
    corners = sheet_corners(gray)
    h, w = gray.shape[:2]
    if corners is None or not in_perspective(corners, gray.shape) or _off_the_picture(corners, h, w):
        return None
    if _corners_off_the_paper(gray, corners):
        return None
    wide = (np.linalg.norm(corners[1] - corners[0]) + np.linalg.norm(corners[2] - corners[3])) / 2
    tall = (np.linalg.norm(corners[3] - corners[0]) + np.linalg.norm(corners[2] - corners[1])) / 2
    if wide < 0.5 * w or tall < 0.5 * h:  # no sheet's edges: something on the page, or a fold
        return None
    k = min(w / wide, h / tall)
    out_w, out_h = int(round(wide * k)), int(round(tall * k))
    target = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], np.float32)
    fwd = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    flat = cv2.warpPerspective(
        gray, fwd, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return flat, np.linalg.inv(fwd)
