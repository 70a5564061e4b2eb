"""A dot-matrix printout whose pin rows stand apart: every letter a stack of thin strips with a pixel or
two of lighter paper between them. Tesseract reads such letters as noise (J dev 1003 p4: no name, no
ЕГН, no figure of the body read; p2: `85` for `1295`, `31.52` for `311.52`), and the strips of a text
line look like the dashes of a rule. Where the page shows many such gaps, they are closed before anything
else looks at the ink.
"""

from __future__ import annotations

import cv2
import numpy as np

STRIP_THIN = 7  # a pin row's strip is at most this tall (pixels at 300 dpi) ...
STRIP_ELONGATED = 2  # ... and this many times wider than tall
STRIP_GAP = 2  # paper between two strips of one letter, at most
GAP_CONTRAST = 40  # grey levels a gap between pin rows is lighter than the strips around it ...
GAP_SHARE = 0.04  # ... and the share of the ink such gaps make on a page of pin rows apart


def stacked(stats: np.ndarray) -> np.ndarray:
    """Per blot (``stats``: ``preprocess.components``' stats, background first): a thin strip with another
    such strip one or two pixels above or below it, overlapping across: a pin row of a dot-matrix
    letter. A dashed rule's dashes have none; a solid face has no strips."""
    x, y, w, h, area = (stats[:, k] for k in range(5))
    thin = (area >= 20) & (h <= STRIP_THIN) & (w >= STRIP_ELONGATED * h)
    thin[0] = False
    out = np.zeros(len(stats), dtype=bool)
    idx = np.nonzero(thin)[0]
    if idx.size < 2:
        return out
    order = idx[np.argsort(y[idx], kind="stable")]
    tops = y[order]
    lo = np.searchsorted(tops, y[idx] + h[idx], side="left")  # the first row of paper under each strip
    hi = np.searchsorted(tops, y[idx] + h[idx] + STRIP_GAP, side="right")
    for i, a, b in zip(idx.tolist(), lo.tolist(), hi.tolist(), strict=True):
        js = order[a:b]
        if js.size:
            hit = js[(np.minimum(x[i] + w[i], x[js] + w[js]) - np.maximum(x[i], x[js])) > 0]
            if hit.size:
                out[i] = True
                out[hit] = True
    return out


def rows_apart(gray: np.ndarray, binary: np.ndarray) -> bool:
    """Whether the page (``gray`` as scanned, ``binary`` its ink) is typed in pin rows that stand apart:
    the pixels a vertical opening of two pixels darkens by more than ``GAP_CONTRAST`` (light gaps inside
    the ink) are ``GAP_SHARE`` of the ink or more. Solid type loses a few at its edges (0.01 of the ink
    at most on the dev sets), striped type 0.07 to 0.17. Every fourth column of pixels is enough."""
    sub = np.ascontiguousarray(gray[:, ::4])
    opened = cv2.morphologyEx(
        sub, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, STRIP_GAP + 1))
    )
    gaps = int(np.count_nonzero(cv2.subtract(sub, opened) > GAP_CONTRAST))
    return gaps >= GAP_SHARE * max(1, cv2.countNonZero(binary[:, ::4]))


def joined(gray: np.ndarray) -> np.ndarray:
    """The grayscale as scanned (before the deskew's interpolation greys the gaps) with the paper between
    pin rows closed: each dark pixel spread one pixel up and down (a gap of two closes; the letters grow
    by a pixel above and below)."""
    return cv2.erode(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (1, STRIP_GAP + 1)))


# a dot-matrix face photographed: its pin rows' dots a pixel or two apart down the strokes, paler gaps between them
# (AK dev 29001 p5, p8: tesseract reads `ЕМИЛ` as `СНИЛ`, `0.00` as `7.00`); solid type's strokes have none
DOT_INK = 200  # the clean image's ink (paper 255) ...
DOT_GAP_DEPTH = 0.25  # ... a gap in a stroke is this share of the ink's depth lighter than the dots above and below
DOT_GAP_SHARE = 0.015  # the page's gaps, of its ink: AK dev pages of separate dots 0.0175-0.078 (29001 p5, p8;
# 29002 p2; 29003 p3, p5, p7), a few 0.011-0.012 (29003 p2, p6), the rest of AK 0.004 at most; a family D scan at
# 150 dpi (tests/fixtures/regression/d-one-figure-flagged-whole-columns: its type's ribbon texture) 0.0121, no
# other family's dev page above 0.003 (AA, P, S, Y, AD, AH 19001-26001 p1)


DOT_GRAIN = 0.03  # gaps with another two rows under them, of the gaps, at most (AK dev pages of dots: none)


def dots_apart(clean: np.ndarray) -> bool:
    """Whether the clean image for tesseract (paper white) shows its strokes as dots one above another with
    paler paper between them (a vertical opening of three pixels darkens ``DOT_GAP_SHARE`` of the ink by
    ``DOT_GAP_DEPTH`` of its depth or more), the gaps a dot's height apart, not a row (``DOT_GRAIN``), down the
    strokes on one regular pitch (``pin_pitch``: a faint or grainy typed page's pale specks are on none). Every
    fourth column of pixels is enough."""
    sub = np.ascontiguousarray(clean[:, ::4])
    ink = sub < DOT_INK
    n = int(np.count_nonzero(ink))
    if n < 1000:
        return False
    depth = 255 - float(np.percentile(sub[ink], 10))
    opened = cv2.morphologyEx(sub, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    gaps = cv2.subtract(sub, opened) > DOT_GAP_DEPTH * depth
    found = int(np.count_nonzero(gaps))
    if found < DOT_GAP_SHARE * n:
        return False
    # a pin's dot is two pixels tall or more: gaps two rows apart (one row of ink between) are the grain of a
    # scan or of its few grey levels (a family T header kept at 16 grey levels: 12 % of its gaps so), no dots
    if int(np.count_nonzero(gaps[:-2] & gaps[2:])) > DOT_GRAIN * found:
        return False
    return pin_pitch(sub) is not None


PIN_GAP = 5  # a vertical opening of this many pixels closes the gaps between two pins' dots (up to 4 rows)
PITCH_LAGS = range(3, 13)  # a pin's pitch down a stroke, pixels at 300 dpi (AK dev pages: 4, 5 or 10)
PITCH_RHO = 0.4  # the strokes' paleness this alike one pitch down (AK dev pages of dots joined: 0.62-0.75 at
# their best lag) ...
PITCH_TROUGH = -0.1  # ... and unalike (at most this) half a pitch or so down: the dots and gaps alternate. A
# faint, broken or grainy typed face's pale specks fall anywhere down its strokes, alike at no lag (AB dev 20003 p2,
# 20006 p3, a daisy wheel's faint typing filmed: gaps 1.5 % of their ink, few two rows apart, no lag of 3-12 alike
# above 0.03; no AB dev page above 0.03, AH, N, Q dev pages up to 0.37, and their gaps under ``DOT_GAP_SHARE``).
# A fabric ribbon's weave is on a pitch (V dev 14001: 0.56-0.67 at 7 pixels), so is a dot-matrix face of family J
# (0.50 at 5), their gaps under ``DOT_GAP_SHARE`` of the ink


def pin_pitch(sub: np.ndarray) -> int | None:
    """The pitch of a dot-matrix face's pins down its strokes in ``sub`` (the clean image, paper white): the lag
    (``PITCH_LAGS``) at which the strokes' paleness (``sub`` lighter than its vertical opening of ``PIN_GAP``
    pixels: the paper between two dots) is most alike, where it is alike (correlation ``PITCH_RHO`` or more)
    and somewhere under two pitches unalike (``PITCH_TROUGH``): a printout's dots stand on one regular pitch; a
    typed face's breaks, a film's or a photocopy's grain and a scan's few grey levels on none. None where the
    page shows no such pitch. The inside of the strokes: the ink of an opening of 3 x ``PIN_GAP``."""
    opened = cv2.morphologyEx(sub, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, PIN_GAP)))
    strokes = cv2.morphologyEx(sub, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (3, PIN_GAP)))
    inside = strokes < DOT_INK
    pale = cv2.subtract(sub, opened).astype(np.float32)

    def alike(lag: int) -> float:
        both = inside[:-lag] & inside[lag:]
        a, b = pale[:-lag][both], pale[lag:][both]
        if a.size < 1000 or not a.std() or not b.std():
            return 0.0
        return float(np.corrcoef(a, b)[0, 1])

    rho = {lag: alike(lag) for lag in range(PITCH_LAGS.start - 1, 2 * PITCH_LAGS.stop)}
    peaks = [  # the first peak: the pitch, not a multiple of it
        lag for lag in PITCH_LAGS if rho[lag] >= max(PITCH_RHO, rho[lag - 1], rho[lag + 1])
        and min(rho[k] for k in range(PITCH_LAGS.start, 2 * lag + 1)) <= PITCH_TROUGH
    ]
    return peaks[0] if peaks else None


def dots_joined(clean: np.ndarray) -> np.ndarray:
    """The clean image with the paper between neighbouring dots closed (a grey opening of 3 x 3: every paler
    gap of two pixels or less inside a stroke takes the dots' darkness; the strokes keep their width)."""
    return cv2.morphologyEx(clean, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
