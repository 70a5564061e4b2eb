"""What decades in a box and a tired scanner do to a page: uneven light, faded ink, blur, noise,
speckles, skew; plus the harder cases (carbon copies, 200 dpi, pages turned 90/180 degrees).

Every geometric step returns its 2x3 affine matrix so the ground-truth boxes follow the pixels.
"""

from __future__ import annotations

import random

import cv2
import numpy as np

Affine = np.ndarray  # 2x3 float; 3x3 where a photograph's perspective came in (family N)


def identity() -> Affine:
    return np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def compose(second: Affine, first: Affine) -> Affine:
    if second.shape == (3, 3) or first.shape == (3, 3):  # a perspective: the product stays 3x3
        return _full(second) @ _full(first)
    a = np.vstack([first, [0, 0, 1]])
    b = np.vstack([second, [0, 0, 1]])
    return (b @ a)[:2]


def _full(m: Affine) -> np.ndarray:
    return m if m.shape == (3, 3) else np.vstack([m, [0, 0, 1]])


def fade(img: np.ndarray, rng: random.Random, strength: float) -> np.ndarray:
    """Faded ribbon / toner: ink lighter, unevenly."""
    ink = 255.0 - img.astype(np.float32)
    factor = 1.0 - strength * rng.uniform(0.25, 0.5)
    return 255.0 - ink * factor


def uneven_light(img: np.ndarray, rng: random.Random) -> np.ndarray:
    h, w = img.shape
    grid = np.array([[rng.uniform(0.78, 1.0) for _ in range(4)] for _ in range(4)], dtype=np.float32)
    field = cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)
    paper = rng.uniform(228, 250)
    return img.astype(np.float32) * (paper / 255.0) * np.clip(field, 0.7, 1.05)


def carbon(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """Faded carbon copy: soft, low-contrast strokes with a smudged halo."""
    ink = 255.0 - img.astype(np.float32)
    halo = cv2.GaussianBlur(ink, (0, 0), 2.2)
    return 255.0 - (0.45 * ink + 0.35 * halo) * rng.uniform(0.8, 1.0)


def ghost(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """A carbon that slipped while the sheet was typed: every stroke with a fainter double a few pixels
    beside it (family K)."""
    ink = 255.0 - img.astype(np.float32)
    dx, dy = rng.choice((-1, 1)) * rng.randint(3, 7), rng.randint(-3, 3)
    m = np.array([[1.0, 0.0, dx], [0.0, 1.0, dy]])
    double = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_LINEAR, borderValue=0.0)
    return 255.0 - np.maximum(ink, double * rng.uniform(0.35, 0.55))


def show_through(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """Thin paper: what is typed on the back of the sheet shows through, mirrored, blurred and faint
    (family N; the back's typing is this page's, mirrored and shifted, as on a sheet typed on both sides)."""
    ink = 255.0 - img.astype(np.float32)
    back = np.ascontiguousarray(ink[:, ::-1])
    dx, dy = rng.uniform(-80, 80), rng.uniform(-120, 120)
    m = np.array([[1.0, 0.0, dx], [0.0, 1.0, dy]])
    back = cv2.warpAffine(back, m, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_LINEAR, borderValue=0.0)
    back = cv2.GaussianBlur(back, (0, 0), rng.uniform(1.8, 3.0))
    return 255.0 - np.maximum(ink, back * rng.uniform(0.1, 0.2))


def photo(img: np.ndarray, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """The sheet photographed at an angle on a desk instead of scanned (family N): its corners drawn in
    unevenly (a perspective, not a rotation), the desk around it, the light falling off across it.
    Returns the image and the 3x3 homography of the page's points."""
    h, w = img.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    keystone = rng.uniform(0.01, 0.05) * rng.choice((-1, 1))  # the camera leaning towards one edge
    inset = [(rng.uniform(0.015, 0.04) * w, rng.uniform(0.015, 0.04) * h) for _ in range(4)]
    dst = np.array([
        [inset[0][0] + max(keystone, 0) * w, inset[0][1]],
        [w - inset[1][0] - max(keystone, 0) * w, inset[1][1]],
        [w - inset[2][0] - max(-keystone, 0) * w, h - inset[2][1]],
        [inset[3][0] + max(-keystone, 0) * w, h - inset[3][1]],
    ], dtype=np.float32)  # fmt: skip
    m = cv2.getPerspectiveTransform(src, dst).astype(np.float64)
    desk = rng.uniform(40, 110)
    out = cv2.warpPerspective(img.astype(np.float32), m, (w, h), flags=cv2.INTER_LINEAR, borderValue=desk)
    ramp = np.linspace(rng.uniform(0.82, 0.95), 1.0, w, dtype=np.float32)
    out = out * (ramp[None, :] if rng.random() < 0.5 else ramp[::-1][None, :])
    return out, m


def photocopy(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """The file keeps a photocopy (family O): ink darker and a little spread, the paper grey, a dirty
    drum's toner streaks down the page (thin, of uneven strength, some broken), toner dust, the copier
    lid's dark edge along one side."""
    h, w = img.shape
    ink = 255.0 - img.astype(np.float32)
    ink = np.minimum(255.0, cv2.dilate(ink, np.ones((2, 2), np.uint8)) * rng.uniform(1.1, 1.4))
    out = rng.uniform(225, 240) - ink * rng.uniform(0.9, 1.0)
    for _ in range(rng.randint(1, 4)):
        x, width = rng.randint(0, w - 1), rng.randint(2, 9)
        y0, y1 = (0, h) if rng.random() < 0.6 else sorted((rng.randint(0, h), rng.randint(0, h)))
        depth = np.linspace(rng.uniform(40, 130), rng.uniform(40, 130), y1 - y0, dtype=np.float32)[:, None]
        band = out[y0:y1, x : x + width]
        out[y0:y1, x : x + width] = band - depth[: band.shape[0]]
    dust = np.random.default_rng(rng.randrange(2**32)).random((h, w)) < rng.uniform(2e-4, 8e-4)
    out[dust] -= rng.uniform(80, 150)
    edge = rng.randint(15, 60)
    lid = np.linspace(rng.uniform(90, 150), 0, edge, dtype=np.float32)
    if rng.random() < 0.5:
        out[:, :edge] -= lid[None, :]
    else:
        out[:, w - edge :] -= lid[::-1][None, :]
    return out.clip(0, 255)


def coffee_stain(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """A cup set down on the sheet (family O): a ring darker at its rim, a faint wash inside, perhaps a
    second, smaller ring beside it; the writing under it stays (the stain only darkens the paper)."""
    h, w = img.shape
    out = img.astype(np.float32)
    cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.2, 0.85) * h
    for k in range(rng.choice((1, 1, 2))):
        r = rng.uniform(130, 260) * (0.7 if k else 1.0)
        x, y = (cx, cy) if not k else (cx + rng.uniform(-1.6, 1.6) * r, cy + rng.uniform(-1.6, 1.6) * r)
        x0, x1, y0, y1 = int(max(0, x - r - 20)), int(min(w, x + r + 20)), int(max(0, y - r - 20)), int(min(h, y + r + 20))
        if x1 <= x0 or y1 <= y0:
            continue
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        wob = 1 + 0.015 * np.sin(np.arctan2(yy - y, xx - x) * rng.randint(3, 7) + rng.uniform(0, 6.3))
        d = np.hypot(xx - x, yy - y) / (r * wob)
        rim = rng.uniform(0.12, 0.25) * np.exp(-((d - 1) ** 2) / 0.0015)
        wash = rng.uniform(0.03, 0.08) * (d < 1)
        out[y0:y1, x0:x1] *= 1 - rim - wash
    return out


def torn_corner(img: np.ndarray, rng: random.Random, backing: float) -> np.ndarray:
    """A bottom corner of the sheet torn off (family O), an uneven edge across it, what lay behind the
    sheet showing there; the tear stays in the margin below the table (legs of 120-280 pixels)."""
    h, w = img.shape
    out = img.copy()
    a, b = rng.randint(120, 280), rng.randint(120, 280)
    left = rng.random() < 0.5
    yy, xx = np.mgrid[h - b : h, 0:a].astype(np.float32)
    if not left:
        xx = a - 1 - xx
    jag = np.sin(xx / rng.uniform(6, 14)) * rng.uniform(3, 9)  # xx: the distance in from the side edge
    gone = (xx / a + (h - yy) / b) < 1 + jag / max(a, b)
    region = out[h - b : h, 0:a] if left else out[h - b : h, w - a : w]
    region[gone] = backing
    return out


def blur(img: np.ndarray, rng: random.Random) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.1))


def defocus(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """The page scanned slightly out of focus (family P: it did not lie flat on the glass): every stroke
    soft, thin ones greyer, still legible."""
    return cv2.GaussianBlur(img, (0, 0), rng.uniform(1.3, 1.9))


def noise(img: np.ndarray, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    sigma = rng.uniform(3, 8)
    return img + np_rng.normal(0, sigma, img.shape).astype(np.float32)


def speckles(img: np.ndarray, rng: random.Random, np_rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape
    out = img.copy()
    n = rng.randint(150, 900)
    ys = np_rng.integers(0, h, n)
    xs = np_rng.integers(0, w, n)
    for x, y in zip(xs, ys, strict=True):
        cv2.circle(out, (int(x), int(y)), rng.choice((1, 1, 2, 2, 3)), float(rng.randint(30, 120)), -1)
    return out


def skew(img: np.ndarray, angle: float, border: float) -> tuple[np.ndarray, Affine]:
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
    return out, m


def warp(img: np.ndarray, rng: random.Random, border: float) -> tuple[np.ndarray, np.ndarray]:
    """The sheet bent on the glass: every column shifted up or down along a smooth wave (rows curve).
    Returns the image and the shift per column (a point (x, y) moves to (x, y + shift[x]))."""
    h, w = img.shape
    amp = rng.uniform(6.0, 18.0) * rng.choice((-1, 1))
    period = w * rng.uniform(0.9, 1.8)
    phase = rng.uniform(0, 2 * np.pi)
    shift = amp * np.sin(2 * np.pi * np.arange(w) / period + phase)
    map_x = np.tile(np.arange(w, dtype=np.float32), (h, 1))
    map_y = (np.arange(h, dtype=np.float32)[:, None] - shift[None, :].astype(np.float32)).astype(np.float32)
    out = cv2.remap(img, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)
    return out, shift


def bend_points(points: object, shift: np.ndarray | None) -> np.ndarray:
    """Points [[x, y], ...] moved as ``warp`` moved the pixels under them."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2).copy()
    if shift is not None:
        xi = np.clip(pts[:, 0], 0, len(shift) - 1)
        pts[:, 1] += np.interp(xi, np.arange(len(shift)), shift)
    return pts


def rect_points(box: list[int], step: int = 100) -> np.ndarray:
    x0, y0, x1, y1 = box
    xs = np.linspace(x0, x1, max(2, (x1 - x0) // step + 1))
    return np.vstack([np.stack([xs, np.full_like(xs, y0)], 1), np.stack([xs, np.full_like(xs, y1)], 1)])


def map_points(points: np.ndarray, m: Affine) -> np.ndarray:
    pts = np.hstack([np.asarray(points, dtype=np.float64).reshape(-1, 2), np.ones((len(points), 1))])
    if m.shape == (3, 3):
        q = pts @ m.T
        return q[:, :2] / q[:, 2:3]
    return pts @ m.T


def rescale(img: np.ndarray, factor: float) -> tuple[np.ndarray, Affine]:
    h, w = img.shape
    out = cv2.resize(img, (round(w * factor), round(h * factor)), interpolation=cv2.INTER_AREA)
    return out, np.array([[factor, 0.0, 0.0], [0.0, factor, 0.0]])


def turn(img: np.ndarray, quarter_turns: int) -> tuple[np.ndarray, Affine]:
    """Rotate by 90 degrees counter-clockwise ``quarter_turns`` times (a page fed sideways/upside down)."""
    h, w = img.shape
    k = quarter_turns % 4
    out = np.ascontiguousarray(np.rot90(img, k))
    if k == 0:
        return out, identity()
    if k == 1:  # (x, y) -> (y, w-1-x)
        return out, np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, w - 1.0]])
    if k == 2:
        return out, np.array([[-1.0, 0.0, w - 1.0], [0.0, -1.0, h - 1.0]])
    return out, np.array([[0.0, -1.0, h - 1.0], [1.0, 0.0, 0.0]])


def map_box(box: list[int], m: Affine) -> list[int]:
    x0, y0, x1, y1 = box
    if m.shape == (3, 3):  # a perspective: the box around the mapped corners
        q = map_points(np.array([[x0, y0], [x1, y0], [x0, y1], [x1, y1]], dtype=np.float64), m)
        return [int(round(q[:, 0].min())), int(round(q[:, 1].min())), int(round(q[:, 0].max())),
                int(round(q[:, 1].max()))]  # fmt: skip
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], dtype=np.float64) @ m.T
    return [int(round(pts[:, 0].min())), int(round(pts[:, 1].min())), int(round(pts[:, 0].max())),
            int(round(pts[:, 1].max()))]  # fmt: skip


def to_uint8(img: np.ndarray) -> np.ndarray:
    return np.clip(img, 0, 255).astype(np.uint8)
